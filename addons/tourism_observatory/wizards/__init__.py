from . import tourism_observatory_report_wizard
