# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools.identifiers import is_valid_insee_code


class TourismCommune(models.Model):
    _name = "tourism.commune"
    _description = "Commune"
    _order = "name, zip"
    _rec_names_search = ["name", "insee_code", "zip"]

    name = fields.Char(required=True, index="trigram")
    insee_code = fields.Char(
        string="INSEE Code",
        size=5,
        required=True,
        index=True,
        help="Official geographic code of the commune (COG), "
        "e.g. 40282 for Saint-Sever.",
    )
    zip = fields.Char(string="Postal Code", size=5, required=True)
    epci_id = fields.Many2one("tourism.epci", string="Intercommunality", index=True)
    country_id = fields.Many2one(
        "res.country", default=lambda self: self.env.ref("base.fr"), required=True
    )
    partner_ids = fields.One2many(
        "res.partner",
        "tourism_commune_id",
        string="Prestataires",
        domain=[("is_tourism_provider", "=", True)],
    )
    partner_count = fields.Integer(
        string="Prestataires count", compute="_compute_partner_count"
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "insee_code_uniq",
            "unique(insee_code)",
            "Another commune has this INSEE code.",
        ),
    ]

    @api.depends("name", "zip")
    def _compute_display_name(self):
        for commune in self:
            commune.display_name = (
                f"{commune.name} ({commune.zip})" if commune.zip else commune.name
            )

    def _compute_partner_count(self):
        counts = dict(
            self.env["res.partner"]._read_group(
                [
                    ("tourism_commune_id", "in", self.ids),
                    ("is_tourism_provider", "=", True),
                ],
                ["tourism_commune_id"],
                ["__count"],
            )
        )
        for commune in self:
            commune.partner_count = counts.get(commune, 0)

    @api.constrains("insee_code", "zip")
    def _check_codes(self):
        for commune in self:
            if not is_valid_insee_code(commune.insee_code):
                raise ValidationError(
                    self.env._(
                        "%(code)s is not a valid INSEE code for %(name)s: five "
                        "characters, "
                        "the département (two digits, or 2A/2B) then three digits.",
                        code=commune.insee_code,
                        name=commune.name,
                    )
                )
            if not (commune.zip.isdigit() and len(commune.zip) == 5):
                raise ValidationError(
                    self.env._(
                        "The postal code of %(name)s must have five digits.",
                        name=commune.name,
                    )
                )

    def action_view_partners(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "tourism_base.res_partner_action_tourism_provider"
        )
        action["domain"] = [("tourism_commune_id", "=", self.id)]
        action["context"] = {
            "default_is_tourism_provider": True,
            "default_is_company": True,
            "default_tourism_commune_id": self.id,
        }
        return action
