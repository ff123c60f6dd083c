from . import mis_report
