from . import res_company
from . import tourism_complaint_theme
from . import tourism_complaint
from . import survey_survey
