# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class TourismRegieDocumentMixin(models.AbstractModel):
    """What every document of a régie declares alike (receipt, versement,
    advance): its number, its régie, the régie's company and currency, its
    date. Each model keeps its own columns; attributes that differ stay on it."""

    _name = "tourism.regie.document.mixin"
    _description = "Document of a Régie"

    name = fields.Char(string="Number", readonly=True, copy=False, default="/")
    regie_id = fields.Many2one(
        "tourism.regie",
        string="Régie",
        required=True,
        tracking=True,
    )
    # The company is the régie's: no check_company on regie_id (its domain would
    # read the company of a record whose régie is not chosen yet).
    company_id = fields.Many2one(related="regie_id.company_id", store=True)
    currency_id = fields.Many2one(related="regie_id.currency_id")
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
