from . import tourism_tax_stay_import
