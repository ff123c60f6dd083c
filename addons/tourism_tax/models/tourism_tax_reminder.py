# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

_logger = logging.getLogger(__name__)

REMINDER_DAYS_BEFORE = 7
FORMAL_NOTICE_DAYS_AFTER_DUE = 15
# L2333-38: taxation d'office when the formal notice is not answered within 30 days.
EX_OFFICIO_DAYS_AFTER_NOTICE = 30
TEMPLATES = {
    "before_due": "tourism_tax.mail_template_reminder_before_due",
    "overdue": "tourism_tax.mail_template_reminder_overdue",
    "formal_notice": "tourism_tax.mail_template_formal_notice",
    "ex_officio": "tourism_tax.mail_template_ex_officio",
}


class TourismTaxReminder(models.Model):
    """A step of the follow-up of a host who has not declared a period: the log shown
    on the lodging, and the record the reminder e-mail is written from."""

    _name = "tourism.tax.reminder"
    _description = "Tourist Tax Reminder"
    _order = "date desc, id desc"

    lodging_id = fields.Many2one(
        "tourism.lodging", required=True, index=True, ondelete="cascade"
    )
    host_id = fields.Many2one(related="lodging_id.host_id", store=True)
    period_id = fields.Many2one("tourism.tax.period", required=True, ondelete="cascade")
    declaration_due = fields.Date(related="period_id.declaration_due")
    kind = fields.Selection(
        selection=[
            ("before_due", "Reminder before the due date"),
            ("overdue", "Overdue reminder"),
            ("formal_notice", "Formal notice (registered letter)"),
            ("ex_officio", "Taxation d'office"),
        ],
        required=True,
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    mail_id = fields.Many2one("mail.mail", string="E-mail", readonly=True)
    declaration_id = fields.Many2one(
        "tourism.tax.declaration",
        readonly=True,
        help="The declaration drawn up ex officio.",
    )

    _sql_constraints = [
        (
            "step_uniq",
            "unique(lodging_id, period_id, kind)",
            "Each reminder is sent once per lodging and period.",
        ),
    ]

    @api.model
    def _cron_send_reminders(self):
        """E-mail the hosts who have not sent the declaration of a period: a week
        before the due date, then once it is past."""
        today = fields.Date.context_today(self)
        Period = self.env["tourism.tax.period"]
        steps = {
            "before_due": Period.search(
                [
                    ("deliberation_id.state", "=", "adopted"),
                    ("declaration_due", ">=", today),
                    (
                        "declaration_due",
                        "<=",
                        today + relativedelta(days=REMINDER_DAYS_BEFORE),
                    ),
                ]
            ),
            "overdue": Period.search(
                [
                    ("deliberation_id.state", "=", "adopted"),
                    ("declaration_due", "<", today),
                    ("declaration_due", ">=", today - relativedelta(months=2)),
                ]
            ),
        }
        reminders = self.browse()
        for kind, periods in steps.items():
            for period in periods:
                reminders |= self._remind_period(period, kind)
        reminders |= self._send_formal_notices(today)
        reminders |= self._tax_ex_officio(today)
        return reminders

    def _still_undeclared(self):
        """Reminders whose lodging has still sent nothing for the period."""
        return self.filtered(
            lambda reminder: not self.env["tourism.tax.declaration"].search_count(
                [
                    ("lodging_id", "=", reminder.lodging_id.id),
                    ("period_id", "=", reminder.period_id.id),
                    ("state", "not in", ("draft", "cancel")),
                ],
                limit=1,
            )
        )

    def _next_step(self, previous_kind, kind, before):
        """Reminders of `previous_kind` sent before `before` with no step `kind` yet."""
        previous = self.search([("kind", "=", previous_kind), ("date", "<=", before)])
        done = self.search(
            [("kind", "=", kind), ("period_id", "in", previous.period_id.ids)]
        )
        done_keys = {(r.lodging_id, r.period_id) for r in done}
        return previous.filtered(
            lambda r: (r.lodging_id, r.period_id) not in done_keys
        )._still_undeclared()

    def _send_formal_notices(self, today):
        """Mise en demeure, with the letter to send by registered post."""
        overdue = self._next_step(
            "overdue", "formal_notice", today - relativedelta(days=1)
        ).filtered(
            lambda r: r.period_id.declaration_due
            <= today - relativedelta(days=FORMAL_NOTICE_DAYS_AFTER_DUE)
        )
        notices = self.create(
            [
                {
                    "lodging_id": r.lodging_id.id,
                    "period_id": r.period_id.id,
                    "kind": "formal_notice",
                }
                for r in overdue
            ]
        )
        notices._send(attach_letter=True)
        return notices

    def _tax_ex_officio(self, today):
        """After 30 days without an answer to the formal notice, the office draws up the
        declaration itself (L2333-38) and invoices it with the late interest."""
        notices = self._next_step(
            "formal_notice",
            "ex_officio",
            today - relativedelta(days=EX_OFFICIO_DAYS_AFTER_NOTICE),
        )
        steps = self.browse()
        for notice in notices:
            try:
                with self.env.cr.savepoint():
                    steps |= notice._draw_up_ex_officio()
            except UserError as error:
                # A configuration to complete (an account...): the others go on.
                _logger.warning(
                    "Taxation d'office of %s postponed: %s",
                    notice.lodging_id.name,
                    error,
                )
                notice.lodging_id.message_post(body=error.args[0])
        steps._send()
        return steps

    def _draw_up_ex_officio(self):
        self.ensure_one()
        Declaration = self.env["tourism.tax.declaration"]
        draft = Declaration.search(
            [
                ("lodging_id", "=", self.lodging_id.id),
                ("period_id", "=", self.period_id.id),
                ("state", "=", "draft"),
            ]
        )
        draft.action_cancel()
        declaration = Declaration.create(
            {
                "lodging_id": self.lodging_id.id,
                "period_id": self.period_id.id,
                "ex_officio": True,
            }
        )
        declaration._money_set_state("submitted")
        declaration.sudo()._validate_ex_officio()
        return self.create(
            {
                "lodging_id": self.lodging_id.id,
                "period_id": self.period_id.id,
                "kind": "ex_officio",
                "declaration_id": declaration.id,
            }
        )

    def _send(self, attach_letter=False):
        for reminder in self:
            template = self.env.ref(TEMPLATES[reminder.kind])
            email_values = {}
            if attach_letter:
                pdf, _type = self.env["ir.actions.report"]._render_qweb_pdf(
                    "tourism_tax.action_report_formal_notice", reminder.ids
                )
                attachment = self.env["ir.attachment"].create(
                    {
                        "name": f"mise-en-demeure-{reminder.id}.pdf",
                        "raw": pdf,
                        "res_model": reminder._name,
                        "res_id": reminder.id,
                        "mimetype": "application/pdf",
                    }
                )
                email_values["attachment_ids"] = [(4, attachment.id)]
            reminder.mail_id = template.send_mail(
                reminder.id, email_values=email_values
            )
            reminder.lodging_id.message_post(
                body=template._render_field("subject", reminder.ids)[reminder.id],
                subtype_xmlid="mail.mt_note",
            )

    def _remind_period(self, period, kind):
        lodgings = self.env["tourism.lodging"].search(
            [
                ("commune_id.epci_id", "=", period.deliberation_id.epci_id.id),
                ("company_id", "=", period.deliberation_id.company_id.id),
            ]
        )
        sent = (
            self.env["tourism.tax.declaration"]
            .search(
                [
                    ("period_id", "=", period.id),
                    ("state", "not in", ("draft", "cancel")),
                ]
            )
            .lodging_id
        )
        already = self.search(
            [("period_id", "=", period.id), ("kind", "=", kind)]
        ).lodging_id
        to_remind = lodgings - sent - already
        reminders = self.create(
            [
                {"lodging_id": lodging.id, "period_id": period.id, "kind": kind}
                for lodging in to_remind
            ]
        )
        reminders._send()
        return reminders
