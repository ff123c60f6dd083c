from . import regie_reports
