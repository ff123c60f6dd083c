from . import account_account
from . import product_template
from . import res_company
from . import res_country
from . import res_partner
from . import tourism_pes_bordereau
from . import tourism_pes_titre
from . import tourism_pes_titre_line
