# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError

_logger = logging.getLogger(__name__)

REMINDER_DAYS_BEFORE = 7
FORMAL_NOTICE_DAYS_AFTER_DUE = 15
# CGCT L2333-38: "à défaut de régularisation dans un délai de trente jours suivant
# la notification de cette mise en demeure", an avis de taxation d'office
# "motivé" is sent "au moins trente jours avant la mise en recouvrement".
EX_OFFICIO_DAYS_AFTER_NOTIFICATION = 30
TITRE_DAYS_AFTER_ASSESSMENT = 30
TEMPLATES = {
    "flat_before": "tourism_tax.mail_template_reminder_flat_before",
    "before_due": "tourism_tax.mail_template_reminder_before_due",
    "overdue": "tourism_tax.mail_template_reminder_overdue",
    "formal_notice": "tourism_tax.mail_template_formal_notice",
    "ex_officio_notice": "tourism_tax.mail_template_ex_officio_notice",
    "ex_officio": "tourism_tax.mail_template_ex_officio",
}
REPORTS = {
    "formal_notice": ("tourism_tax.action_report_formal_notice", "mise-en-demeure"),
    "ex_officio_notice": (
        "tourism_tax.action_report_ex_officio_notice",
        "avis-de-taxation-d-office",
    ),
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
            ("flat_before", "Flat rate: reminder before the period"),
            ("before_due", "Reminder before the due date"),
            ("overdue", "Overdue reminder"),
            ("formal_notice", "Formal notice (registered letter)"),
            ("ex_officio_notice", "Notice of taxation d'office"),
            ("ex_officio", "Taxation d'office"),
        ],
        required=True,
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    notified_on = fields.Date(
        help="Formal notice: the day the host received the registered letter (the "
        "acknowledgement of receipt). The 30 days of L2333-38 run from it: without "
        "it the procedure waits.",
    )
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
        # L2333-43: au forfait, the declaration comes a month before the period.
        steps["flat_before"] = Period.search(
            [
                ("deliberation_id.state", "=", "adopted"),
                ("flat_declaration_due", ">=", today),
                (
                    "flat_declaration_due",
                    "<=",
                    today + relativedelta(days=REMINDER_DAYS_BEFORE),
                ),
            ]
        )
        reminders = self.browse()
        for kind, periods in steps.items():
            for period in periods:
                reminders |= self._remind_period(period, kind)
        reminders |= self._send_formal_notices(today)
        reminders |= self._send_ex_officio_notices(today)
        reminders |= self._tax_ex_officio(today)
        return reminders

    def _still_undeclared(self):
        """Reminders whose lodging has still sent nothing for the period (the
        office's own ex officio declaration is not the host's)."""
        return self.filtered(
            lambda reminder: not self.env["tourism.tax.declaration"].search_count(
                [
                    ("lodging_id", "=", reminder.lodging_id.id),
                    ("period_id", "=", reminder.period_id.id),
                    ("state", "not in", ("draft", "cancel")),
                    ("ex_officio", "=", False),
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

    def _send_ex_officio_notices(self, today):
        """L2333-38: 30 days after the formal notice was *notified* (its
        acknowledgement of receipt recorded) without a declaration, the office
        assesses the tax and sends the reasoned avis de taxation d'office, with
        the basis and the amount. A notice whose notification is not recorded
        waits."""
        limit = today - relativedelta(days=EX_OFFICIO_DAYS_AFTER_NOTIFICATION + 1)
        notices = self.search(
            [
                ("kind", "=", "formal_notice"),
                ("notified_on", "!=", False),
                ("notified_on", "<=", limit),
            ]
        )
        done = self.search(
            [
                ("kind", "=", "ex_officio_notice"),
                ("period_id", "in", notices.period_id.ids),
            ]
        )
        done_keys = {(r.lodging_id, r.period_id) for r in done}
        notices = notices.filtered(
            lambda r: (r.lodging_id, r.period_id) not in done_keys
        )._still_undeclared()
        steps = self.browse()
        for notice in notices:
            try:
                with self.env.cr.savepoint():
                    steps |= notice._draw_up_ex_officio()
            except UserError as error:
                # A configuration to complete: the others go on.
                _logger.warning(
                    "Taxation d'office of %s postponed: %s",
                    notice.lodging_id.name,
                    error,
                )
                notice.lodging_id.message_post(body=error.args[0])
        steps._send(attach_letter=True)
        return steps

    def _tax_ex_officio(self, today):
        """L2333-38: the tax assessed ex officio is put into recovery (the titre, an
        invoice with the late interest) at least 30 days after the avis."""
        assessments = self._next_step(
            "ex_officio_notice",
            "ex_officio",
            today - relativedelta(days=TITRE_DAYS_AFTER_ASSESSMENT),
        )
        steps = self.browse()
        for assessment in assessments:
            try:
                with self.env.cr.savepoint():
                    steps |= assessment._issue_ex_officio_titre()
            except UserError as error:
                # A configuration to complete (an account...): the others go on.
                _logger.warning(
                    "Taxation d'office of %s postponed: %s",
                    assessment.lodging_id.name,
                    error,
                )
                assessment.lodging_id.message_post(body=error.args[0])
        steps._send()
        return steps

    def _issue_ex_officio_titre(self):
        self.ensure_one()
        declaration = self.declaration_id
        if declaration.state != "submitted":
            raise UserError(
                self.env._(
                    "The assessment %(number)s is no longer pending.",
                    number=declaration.name,
                )
            )
        declaration.sudo()._validate_ex_officio()
        return self.create(
            {
                "lodging_id": self.lodging_id.id,
                "period_id": self.period_id.id,
                "kind": "ex_officio",
                "declaration_id": declaration.id,
            }
        )

    def _draw_up_ex_officio(self):
        """The declaration assessed ex officio, submitted (not yet invoiced), and
        the step of its avis."""
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
        return self.create(
            {
                "lodging_id": self.lodging_id.id,
                "period_id": self.period_id.id,
                "kind": "ex_officio_notice",
                "declaration_id": declaration.id,
            }
        )

    def _send(self, attach_letter=False):
        for reminder in self:
            template = self.env.ref(TEMPLATES[reminder.kind])
            email_values = {}
            if attach_letter:
                report, prefix = REPORTS[reminder.kind]
                pdf, _type = self.env["ir.actions.report"]._render_qweb_pdf(
                    report, reminder.ids
                )
                attachment = self.env["ir.attachment"].create(
                    {
                        "name": f"{prefix}-{reminder.id}.pdf",
                        "raw": pdf,
                        "res_model": reminder._name,
                        "res_id": reminder.id,
                        "mimetype": "application/pdf",
                    }
                )
                email_values["attachment_ids"] = [Command.link(attachment.id)]
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
        if kind == "flat_before":
            deliberation = period.deliberation_id
            to_remind = to_remind.filtered(
                lambda lodging: deliberation._regime_for(lodging, period.date_from)
                == "flat"
            )
        reminders = self.create(
            [
                {"lodging_id": lodging.id, "period_id": period.id, "kind": kind}
                for lodging in to_remind
            ]
        )
        reminders._send()
        return reminders
