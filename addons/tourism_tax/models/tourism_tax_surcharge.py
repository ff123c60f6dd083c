# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class TourismTaxSurcharge(models.Model):
    """An additional tax levied with the tourist tax and passed back to its beneficiary
    (departmental 10 %, regional 34 %, ...)."""

    _name = "tourism.tax.surcharge"
    _description = "Tourist Tax Add-on"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    rate = fields.Float(
        string="Rate (%)",
        digits=(16, 4),
        required=True,
        help="Percentage of the base tax.",
    )
    beneficiary_id = fields.Many2one(
        "res.partner", string="Beneficiary", required=True, ondelete="restrict"
    )
    account_id = fields.Many2one(
        "account.account",
        string="Third-party Account",
        company_dependent=True,
        help="Where the add-on collected waits until it is passed back to its "
        "beneficiary.",
    )
    legal_reference = fields.Char()
    date_from = fields.Date(string="From", required=True)
    date_to = fields.Date(string="To")
    active = fields.Boolean(default=True)

    @api.constrains("rate", "date_from", "date_to")
    def _check_values(self):
        for surcharge in self:
            if surcharge.rate <= 0:
                raise ValidationError(
                    self.env._(
                        "The rate of %(name)s must be positive.", name=surcharge.name
                    )
                )
            if surcharge.date_to and surcharge.date_to < surcharge.date_from:
                raise ValidationError(
                    self.env._(
                        "%(name)s cannot end before it starts.", name=surcharge.name
                    )
                )

    def _applies_on(self, day):
        return self.filtered(
            lambda s: s.date_from <= day and (not s.date_to or s.date_to >= day)
        )
