# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError

from ..tools.registration import normalize


class TourismTaxRemittanceLine(models.Model):
    """A listing of a platform's statement, matched with a lodging if known."""

    _name = "tourism.tax.remittance.line"
    _description = "Platform Remittance Line"
    _inherit = ["tourism.money.document.mixin"]
    _order = "id"
    _money_parent_field = "remittance_id"

    remittance_id = fields.Many2one(
        "tourism.tax.remittance", required=True, index=True, ondelete="cascade"
    )
    currency_id = fields.Many2one(related="remittance_id.currency_id")
    listing_ref = fields.Char(string="Listing")
    street = fields.Char(string="Address")
    city = fields.Char()
    zip = fields.Char()
    registration_number = fields.Char()
    arrival = fields.Date()
    departure = fields.Date()
    nights = fields.Integer()
    persons = fields.Integer()
    tax_collected = fields.Monetary()
    lodging_id = fields.Many2one("tourism.lodging", string="Lodging")
    match = fields.Selection(
        selection=[
            ("registration", "Registration number"),
            ("address", "Address"),
            ("none", "Unknown: suspected undeclared"),
        ],
        default="none",
    )

    def write(self, vals):
        if any(line.remittance_id.state == "posted" for line in self):
            raise UserError(self.env._("A posted remittance cannot be changed."))
        return super().write(vals)

    def unlink(self):
        if any(line.remittance_id.state == "posted" for line in self):
            raise UserError(self.env._("A posted remittance cannot be changed."))
        return super().unlink()

    def _match_lodgings(self):
        Lodging = self.env["tourism.lodging"].with_context(active_test=False)
        by_number = {
            lodging.registration_number: lodging
            for lodging in Lodging.search([("registration_number", "!=", False)])
        }
        for line in self:
            number = normalize(line.registration_number)
            lodging = by_number.get(number) if number else None
            if lodging:
                line.write({"lodging_id": lodging.id, "match": "registration"})
                continue
            if line.street:
                domain = [("street", "=ilike", line.street.strip())]
                if line.zip:
                    domain.append(("commune_id.zip", "=", line.zip.strip()))
                elif line.city:
                    domain.append(("commune_id.name", "=ilike", line.city.strip()))
                lodging = Lodging.search(domain, limit=1)
                if lodging:
                    line.write({"lodging_id": lodging.id, "match": "address"})
                    continue
            line.match = "none"
