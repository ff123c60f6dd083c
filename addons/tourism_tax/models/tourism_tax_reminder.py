# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

REMINDER_DAYS_BEFORE = 7
TEMPLATES = {
    "before_due": "tourism_tax.mail_template_reminder_before_due",
    "overdue": "tourism_tax.mail_template_reminder_overdue",
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
        ],
        required=True,
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    mail_id = fields.Many2one("mail.mail", string="E-mail", readonly=True)

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
        return reminders

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
        template = self.env.ref(TEMPLATES[kind])
        for reminder in reminders:
            reminder.mail_id = template.send_mail(reminder.id)
            reminder.lodging_id.message_post(
                body=template._render_field("subject", reminder.ids)[reminder.id],
                subtype_xmlid="mail.mt_note",
            )
        return reminders
