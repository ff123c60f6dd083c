# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""PayFiP constants, from the DGFiP's PayFiP web service (WSDL and codes as eopayment
reads them: ``eopayment/payfip_ws.py``)."""

# PayFiP takes euros only.
SUPPORTED_CURRENCIES = ("EUR",)

# Card payments (resultrans P / R / A); PayFiP also offers direct debit (V / Z).
DEFAULT_PAYMENT_METHOD_CODES = {"card"}

# PayFiP's limits on one payment, in euros (eopayment.payfip_ws.Payment).
MINIMUM_AMOUNT_CENTS = 100
MAXIMUM_AMOUNT_CENTS = 100000 * 100

# The page of PayFiP where the payer is sent with the operation id (idop).
PAYMENT_PAGE_URL = "https://www.payfip.gouv.fr/tpa/paiementws.web"
