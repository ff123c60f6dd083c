# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import html2plaintext, plaintext2html

CHANNELS = [
    ("counter", "Counter"),
    ("phone", "Phone"),
    ("email", "E-mail"),
    ("mail", "Post"),
    ("web", "Website"),
    ("social", "Social Networks"),
    ("review", "Review Site"),
]
STATES = [
    ("received", "Received"),
    ("acknowledged", "Acknowledged"),
    ("answered", "Answered"),
    ("closed", "Closed"),
]


class TourismComplaint(models.Model):
    """A complaint or remark (doléance) about the office or a prestataire.

    The Qualité Tourisme reference asks the office to record every complaint, to
    answer it within a deadline it commits to, and to follow its answers; the
    prestataire concerned is told and answers from its portal.
    """

    _name = "tourism.complaint"
    _description = "Complaint"
    _inherit = ["portal.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    date = fields.Datetime(
        string="Received On", required=True, default=fields.Datetime.now, tracking=True
    )
    channel = fields.Selection(CHANNELS, required=True, default="counter")
    partner_id = fields.Many2one(
        "res.partner",
        string="Complainant",
        tracking=True,
        help="The visitor who complains; the answer is e-mailed to them.",
    )
    subject_type = fields.Selection(
        [("office", "The Office"), ("provider", "A Prestataire")],
        string="About",
        required=True,
        default="office",
    )
    provider_id = fields.Many2one(
        "res.partner",
        string="Prestataire",
        domain=[("is_tourism_provider", "=", True)],
        tracking=True,
        index=True,
    )
    bit_id = fields.Many2one(
        "tourism.bit", string="Information Point", check_company=True
    )
    theme_id = fields.Many2one("tourism.complaint.theme", string="Theme", index=True)
    description = fields.Html(required=True)
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    state = fields.Selection(
        STATES, required=True, default="received", tracking=True, index=True
    )
    deadline = fields.Date(
        string="Answer Due",
        compute="_compute_deadline",
        store=True,
        help="Date received plus the office's response deadline (company settings).",
    )
    acknowledged_date = fields.Datetime(readonly=True, copy=False)
    answered_date = fields.Datetime(readonly=True, copy=False)
    closed_date = fields.Datetime(readonly=True, copy=False)
    answered_on_time = fields.Boolean(
        compute="_compute_answer_figures", store=True, string="Answered on Time"
    )
    on_time_rate = fields.Float(
        string="Answered on Time (%)",
        compute="_compute_answer_figures",
        store=True,
        aggregator="avg",
        help="100 when answered by the deadline, 0 otherwise; its average is the "
        "share of complaints answered on time.",
    )
    answer_days = fields.Integer(
        string="Days to Answer",
        compute="_compute_answer_figures",
        store=True,
        aggregator="avg",
    )
    provider_notified_date = fields.Datetime(
        string="Prestataire Told On", readonly=True, copy=False
    )
    provider_answer = fields.Text(string="Prestataire's Answer", readonly=True)
    provider_answer_date = fields.Datetime(
        string="Prestataire Answered On", readonly=True, copy=False
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("tourism.complaint") or "/"
                )
        return super().create(vals_list)

    @api.depends("date", "company_id.tourism_complaint_days")
    def _compute_deadline(self):
        for complaint in self:
            if not complaint.date:
                complaint.deadline = False
                continue
            received = fields.Datetime.context_timestamp(complaint, complaint.date)
            complaint.deadline = received.date() + timedelta(
                days=complaint.company_id.tourism_complaint_days or 15
            )

    @api.depends("answered_date", "deadline", "date")
    def _compute_answer_figures(self):
        for complaint in self:
            if not complaint.answered_date:
                complaint.answered_on_time = False
                complaint.on_time_rate = 0.0
                complaint.answer_days = 0
                continue
            answered = fields.Datetime.context_timestamp(
                complaint, complaint.answered_date
            ).date()
            received = fields.Datetime.context_timestamp(
                complaint, complaint.date
            ).date()
            complaint.answered_on_time = answered <= complaint.deadline
            complaint.on_time_rate = 100.0 if complaint.answered_on_time else 0.0
            complaint.answer_days = (answered - received).days

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for complaint in self:
            complaint.access_url = f"/my/complaints/{complaint.id}"
        return res

    @api.constrains("subject_type", "provider_id")
    def _check_provider(self):
        for complaint in self:
            if complaint.subject_type == "provider" and not complaint.provider_id:
                raise ValidationError(
                    self.env._("Choose the prestataire the complaint is about.")
                )

    # ------------------------------------------------------------ workflow
    def _check_state(self, allowed):
        for complaint in self:
            if complaint.state not in allowed:
                raise UserError(
                    self.env._(
                        "%(complaint)s is %(state)s: this step is not possible.",
                        complaint=complaint.name,
                        state=dict(
                            self._fields["state"]._description_selection(self.env)
                        )[complaint.state],
                    )
                )

    def action_acknowledge(self):
        """Acknowledge receipt; the complainant gets the acknowledgement e-mail
        with the date by which the office will answer."""
        self._check_state(["received"])
        template = self.env.ref("tourism_quality.mail_template_complaint_ack")
        for complaint in self:
            if complaint.partner_id.email:
                complaint.message_post_with_source(
                    template, subtype_xmlid="mail.mt_comment"
                )
        self.write(
            {"state": "acknowledged", "acknowledged_date": fields.Datetime.now()}
        )
        return True

    def action_answer(self):
        """Open the e-mail composer with the answer template; sending it marks the
        complaint answered."""
        self.ensure_one()
        self._check_state(["received", "acknowledged"])
        if not self.partner_id.email:
            raise UserError(
                self.env._(
                    "The complainant has no e-mail address: answer by phone or post, "
                    "then use Mark as Answered."
                )
            )
        template = self.env.ref("tourism_quality.mail_template_complaint_answer")
        return {
            "type": "ir.actions.act_window",
            "res_model": "mail.compose.message",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_model": self._name,
                "default_res_ids": self.ids,
                "default_template_id": template.id,
                "default_composition_mode": "comment",
                "default_partner_ids": self.partner_id.ids,
                "tourism_complaint_answer": True,
            },
        }

    def action_mark_answered(self):
        """Answered by phone or post: the answer date is now."""
        self._check_state(["received", "acknowledged"])
        self.write({"state": "answered", "answered_date": fields.Datetime.now()})
        return True

    def action_close(self):
        self._check_state(["answered"])
        self.write({"state": "closed", "closed_date": fields.Datetime.now()})
        return True

    def action_notify_provider(self):
        """Tell the prestataire concerned: an e-mail with the link to the complaint
        on its portal, where it can answer."""
        for complaint in self:
            provider = complaint.provider_id
            if complaint.subject_type != "provider" or not provider:
                raise UserError(
                    self.env._("This complaint is not about a prestataire.")
                )
            if not provider.email:
                raise UserError(
                    self.env._(
                        "%(provider)s has no e-mail address.",
                        provider=provider.display_name,
                    )
                )
            complaint.provider_notified_date = fields.Datetime.now()
            self.env.ref("tourism_quality.mail_template_complaint_provider").send_mail(
                complaint.id, email_layout_xmlid="mail.mail_notification_light"
            )
            complaint.message_post(
                body=self.env._(
                    "%(provider)s was told by e-mail (%(email)s).",
                    provider=provider.display_name,
                    email=provider.email,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def _post_provider_answer(self, answer, author):
        """The prestataire's answer from its portal (the caller checked access):
        kept on the complaint, posted in its history, the responsible warned."""
        self.ensure_one()
        answer = (answer or "").strip()
        if not answer:
            raise UserError(self.env._("Write your answer before sending it."))
        if self.state == "closed":
            raise UserError(self.env._("This complaint is closed."))
        self.sudo().write(
            {"provider_answer": answer, "provider_answer_date": fields.Datetime.now()}
        )
        self.sudo().message_post(
            body=plaintext2html(answer),
            author_id=author.id,
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
        if self.user_id:
            self.sudo().activity_schedule(
                "mail.mail_activity_data_todo",
                summary=self.env._("The prestataire answered"),
                user_id=self.user_id.id,
            )

    def message_post(self, **kwargs):
        message = super().message_post(**kwargs)
        # An answer sent from the composer opened by "Answer" marks it answered.
        if self.env.context.get("tourism_complaint_answer"):
            self.filtered(lambda c: c.state in ("received", "acknowledged")).write(
                {"state": "answered", "answered_date": fields.Datetime.now()}
            )
        return message

    @api.model
    def _portal_domain(self, user):
        """The complaints a portal user may read and answer: those about its own
        business, once the office has told it."""
        return [
            ("provider_id", "=", user.commercial_partner_id.id),
            ("provider_notified_date", "!=", False),
        ]

    def _portal_description(self):
        """What the prestataire reads: the facts, not who complained."""
        self.ensure_one()
        return html2plaintext(self.description or "")
