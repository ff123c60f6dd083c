from . import test_mis_report, test_ui
