# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class TourismTaxReversalLine(models.Model):
    """A declaration passed back in a reversal statement, with the add-on's share.

    A declaration is passed back once to each add-on's beneficiary: the database
    refuses a second line for the same declaration and add-on, whatever the
    statement (draft or validated), so two statements drawn up at the same moment
    cannot both hold it."""

    _name = "tourism.tax.reversal.line"
    _description = "Tourist Tax Add-on Reversal Line"
    _inherit = ["tourism.money.document.mixin"]
    _order = "reversal_id, id"
    _money_parent_field = "reversal_id"

    reversal_id = fields.Many2one(
        "tourism.tax.reversal", required=True, index=True, ondelete="cascade"
    )
    surcharge_id = fields.Many2one(
        "tourism.tax.surcharge", string="Add-on", required=True, ondelete="restrict"
    )
    # A line passes back a host's declaration, or a platform's remittance.
    declaration_id = fields.Many2one(
        "tourism.tax.declaration", index=True, ondelete="restrict"
    )
    remittance_id = fields.Many2one(
        "tourism.tax.remittance",
        string="Platform Remittance",
        index=True,
        ondelete="restrict",
    )
    host_id = fields.Many2one(related="declaration_id.host_id")
    lodging_id = fields.Many2one(related="declaration_id.lodging_id")
    period_id = fields.Many2one(related="declaration_id.period_id")
    currency_id = fields.Many2one(related="reversal_id.currency_id")
    amount = fields.Monetary(string="Add-on Passed Back")

    _sql_constraints = [
        (
            "declaration_surcharge_uniq",
            "unique(declaration_id, surcharge_id)",
            "This declaration is already passed back for this add-on.",
        ),
        (
            "remittance_surcharge_uniq",
            "unique(remittance_id, surcharge_id)",
            "This platform remittance is already passed back for this add-on.",
        ),
        (
            "declaration_or_remittance",
            "CHECK((declaration_id IS NULL) != (remittance_id IS NULL))",
            "A reversal line passes back a declaration or a remittance.",
        ),
    ]

    def _check_server(self):
        if not self._money_is_trusted():
            raise UserError(
                self.env._(
                    "The lines of a reversal statement are drawn up by the server "
                    "from the paid declarations: refresh the statement instead."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        self._check_server()
        return super().create(vals_list)

    def write(self, vals):
        self._check_server()
        return super().write(vals)
