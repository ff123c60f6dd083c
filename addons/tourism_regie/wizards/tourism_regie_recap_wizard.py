# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError


class TourismRegieRecapWizard(models.TransientModel):
    _name = "tourism.regie.recap.wizard"
    _description = "État récapitulatif of a Régie"

    regie_id = fields.Many2one("tourism.regie", string="Régie", required=True)
    report = fields.Selection(
        [
            ("recap", "Monthly état récapitulatif"),
            ("situation", "Situation for an on-site control"),
            ("reconciliation", "Reconciliation report"),
        ],
        required=True,
        default="recap",
    )
    date_from = fields.Date(
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1)
        - relativedelta(months=1),
    )
    date_to = fields.Date(
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1)
        - relativedelta(days=1),
    )

    @api.onchange("date_from")
    def _onchange_date_from(self):
        if self.date_from:
            self.date_to = self.date_from + relativedelta(months=1, days=-1)

    def action_print(self):
        self.ensure_one()
        if self.date_to < self.date_from:
            raise UserError(self.env._("The period ends before it starts."))
        return self.env.ref(
            f"tourism_regie.action_report_regie_{self.report}"
        ).report_action(self)
