# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..tools.platform_import import parse_remittance
from ..tools.stay_import import ImportProblem


class TourismTaxRemittance(models.Model):
    """What a platform collected for its hosts and paid to the collectivity (by 30 June
    and 31 December, L2333-34): the statement, matched with the known lodgings."""

    _name = "tourism.tax.remittance"
    _description = "Platform Remittance"
    _inherit = ["tourism.money.document.mixin", "mail.thread"]
    _order = "date desc, id desc"
    # Once checked (validated), the statement and its lines are final.
    _money_locked_fields = (
        "platform_id",
        "date",
        "company_id",
        "amount_received",
        "line_ids",
        "file",
        "filename",
    )

    platform_id = fields.Many2one(
        "res.partner",
        string="Platform",
        required=True,
        domain=[("is_tourism_platform", "=", True)],
        tracking=True,
    )
    date = fields.Date(string="Paid on", required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount_received = fields.Monetary(
        tracking=True, help="The payment received from the platform."
    )
    line_ids = fields.One2many("tourism.tax.remittance.line", "remittance_id")
    amount_declared = fields.Monetary(
        string="Tax on the Statement", compute="_compute_totals", store=True
    )
    difference = fields.Monetary(compute="_compute_totals", store=True)
    unmatched_count = fields.Integer(
        string="Unknown Listings", compute="_compute_totals", store=True
    )
    file = fields.Binary(string="Statement (CSV)", attachment=True)
    filename = fields.Char()
    state = fields.Selection(
        selection=[("draft", "Draft"), ("done", "Checked")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
    )

    @api.depends("line_ids.tax_collected", "line_ids.lodging_id", "amount_received")
    def _compute_totals(self):
        for remittance in self:
            lines = remittance.line_ids
            remittance.amount_declared = sum(lines.mapped("tax_collected"))
            remittance.difference = (
                remittance.amount_received - remittance.amount_declared
            )
            remittance.unmatched_count = len(
                lines.filtered(lambda line: not line.lodging_id)
            )

    @api.depends("platform_id", "date")
    def _compute_display_name(self):
        for remittance in self:
            remittance.display_name = (
                f"{remittance.platform_id.name or ''} {remittance.date or ''}"
            )

    def action_import(self):
        """Read the statement and match each listing with a lodging: by registration
        number, then by address. Unknown listings are suspected undeclared lodgings."""
        self.ensure_one()
        if self.state != "draft":
            raise self._money_lock_error()
        if not self.file:
            raise UserError(_("Attach the platform's statement first."))
        try:
            rows, errors = parse_remittance(
                base64.b64decode(self.file), self.filename or ""
            )
        except ImportProblem as problem:
            raise UserError(
                _(
                    "The statement cannot be read (%(problem)s).",
                    problem=problem.detail or problem.code,
                )
            ) from problem
        if errors:
            raise UserError(
                _("Nothing was imported:")
                + "\n"
                + "\n".join(
                    self.env._(
                        "Line %(line)s: %(field)s is not valid (%(value)s).",
                        line=line,
                        field=field,
                        value=value,
                    )
                    for line, field, value in errors[:50]
                )
            )
        self.line_ids.unlink()
        Line = self.env["tourism.tax.remittance.line"]
        Line.create(
            [
                dict(
                    {key: value for key, value in row.items() if key != "line"},
                    remittance_id=self.id,
                    tax_collected=float(row.get("tax_collected") or 0),
                )
                for row in rows
            ]
        )._match_lodgings()
        return True

    def action_validate(self):
        """The statement is checked: it is final from now on."""
        for remittance in self:
            if remittance.state != "draft":
                raise UserError(_("This statement is already checked."))
            if not remittance.line_ids:
                raise UserError(_("Import the platform's statement first."))
        self._money_set_state("done")
