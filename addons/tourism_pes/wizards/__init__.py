from . import tourism_pes_acquit_import
