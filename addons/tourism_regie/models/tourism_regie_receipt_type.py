# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class TourismRegieReceiptType(models.Model):
    _name = "tourism.regie.receipt.type"
    _description = "Régie Receipt Type"
    _order = "regie_id, sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    regie_id = fields.Many2one(
        "tourism.regie", string="Régie", required=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="regie_id.company_id", store=True)
    account_id = fields.Many2one(
        "account.account",
        string="Account",
        required=True,
        check_company=True,
        help="Income account, or third-party account for what is collected for "
        "others. POS sales booked on this account count as this type of receipt.",
    )
    is_third_party = fields.Boolean(
        string="Collected for Third Parties",
        help="Tickets sold for an organiser, add-ons of the tourist tax: shown apart "
        "on the bordereaux and the état récapitulatif.",
    )
    third_party_ids = fields.Many2many(
        "res.partner",
        string="Authorised Third Parties",
        help="The third parties named in the acte constitutif and their conventions.",
    )
    active = fields.Boolean(default=True)

    @api.constrains("is_third_party", "third_party_ids")
    def _check_third_party(self):
        for rtype in self:
            if rtype.is_third_party and not rtype.third_party_ids:
                raise ValidationError(
                    self.env._(
                        "Receipt type %(type)s is collected for others: name the "
                        "third parties the acte constitutif authorises.",
                        type=rtype.name,
                    )
                )
