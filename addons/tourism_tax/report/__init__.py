from . import tourism_tax_declaration_xlsx
