from . import test_survey_to_visitors
