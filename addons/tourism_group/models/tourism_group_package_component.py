# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class TourismGroupPackageComponent(models.Model):
    _name = "tourism.group.package.component"
    _inherit = "tourism.group.component.mixin"
    _description = "Component of a group package"

    package_id = fields.Many2one(
        "tourism.group.package", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="package_id.company_id", store=True)

    @api.constrains("day", "package_id")
    def _check_day(self):
        for component in self:
            if component.day > component.package_id.days:
                raise ValidationError(
                    self.env._(
                        "A component is planned after the last day of the package."
                    )
                )
