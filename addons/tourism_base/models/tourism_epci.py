# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools.identifiers import compact, is_valid_siren


class TourismEpci(models.Model):
    """Intercommunality (EPCI) grouping communes; it usually holds tourism."""

    _name = "tourism.epci"
    _description = "Intercommunality (EPCI)"
    _order = "name"

    name = fields.Char(required=True)
    nature = fields.Selection(
        selection=[
            ("cc", "Communauté de communes"),
            ("ca", "Communauté d'agglomération"),
            ("cu", "Communauté urbaine"),
            ("metropole", "Métropole"),
        ],
        default="cc",
        required=True,
    )
    siren = fields.Char(string="SIREN", size=11)
    partner_id = fields.Many2one(
        "res.partner",
        string="Contact",
        help="The collectivity as a contact, e.g. to address the tourist tax to it.",
    )
    seat_commune_id = fields.Many2one("tourism.commune", string="Seat")
    commune_ids = fields.One2many("tourism.commune", "epci_id", string="Communes")
    commune_count = fields.Integer(compute="_compute_commune_count")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "siren_uniq",
            "unique(siren)",
            "Another intercommunality has this SIREN number.",
        ),
    ]

    @api.depends("commune_ids")
    def _compute_commune_count(self):
        for epci in self:
            epci.commune_count = len(epci.commune_ids)

    @api.constrains("siren")
    def _check_siren(self):
        for epci in self:
            if epci.siren and not is_valid_siren(epci.siren):
                raise ValidationError(
                    self.env._(
                        "The SIREN number %(siren)s of %(name)s is not valid.",
                        siren=epci.siren,
                        name=epci.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("siren"):
                vals["siren"] = compact(vals["siren"])
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("siren"):
            vals["siren"] = compact(vals["siren"])
        return super().write(vals)
