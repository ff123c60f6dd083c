# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import email_normalize

PURPOSES = [
    ("newsletter", "Newsletter"),
    ("survey", "Satisfaction Survey"),
]


class TourismWelcomeConsent(models.Model):
    """A visitor's explicit consent to receive e-mails for one purpose.

    RGPD (Regulation (EU) 2016/679) art. 6.1.a and 7.1: processing based on consent
    requires the controller to be able to demonstrate it. So each consent is one
    record: the e-mail, the purpose, the date, the wording the visitor agreed to,
    who collected it; a withdrawal (art. 7.3) is dated, never deleted.
    """

    _name = "tourism.welcome.consent"
    _description = "Visitor E-mail Consent"
    _order = "consent_date desc, id desc"
    _rec_name = "email"

    email = fields.Char(string="E-mail", required=True, index=True)
    name = fields.Char(string="Visitor Name")
    purpose = fields.Selection(PURPOSES, required=True, index=True)
    consent_date = fields.Datetime(
        required=True, default=fields.Datetime.now, readonly=True
    )
    statement = fields.Text(
        string="Wording Agreed To",
        required=True,
        readonly=True,
        help="The sentence the visitor agreed to, kept as the proof of consent.",
    )
    withdrawn_date = fields.Datetime(string="Withdrawn On", readonly=True)
    state = fields.Selection(
        [("given", "Given"), ("withdrawn", "Withdrawn")],
        compute="_compute_state",
        store=True,
    )
    contact_id = fields.Many2one(
        "tourism.welcome.contact", string="Contact", readonly=True, index=True
    )
    bit_id = fields.Many2one("tourism.bit", string="Information Point", readonly=True)
    user_id = fields.Many2one(
        "res.users",
        string="Collected By",
        default=lambda self: self.env.user,
        readonly=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.depends("withdrawn_date")
    def _compute_state(self):
        for consent in self:
            consent.state = "withdrawn" if consent.withdrawn_date else "given"

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            email = email_normalize(vals.get("email") or "")
            if not email:
                raise UserError(
                    self.env._(
                        "%(email)s is not a valid e-mail address.",
                        email=vals.get("email") or "",
                    )
                )
            vals["email"] = email
        return super().create(vals_list)

    def _mutable_fields(self):
        """What may change on a consent: the proof itself never does."""
        return {"withdrawn_date", "name"}

    def write(self, vals):
        if set(vals) - self._mutable_fields():
            raise UserError(
                self.env._(
                    "A consent cannot be changed: withdraw it and collect a new one."
                )
            )
        return super().write(vals)

    def action_withdraw(self):
        self.filtered(lambda c: not c.withdrawn_date).write(
            {"withdrawn_date": fields.Datetime.now()}
        )
        return True

    @api.model
    def _emails_for(self, purpose):
        """E-mails that may be written to for this purpose today: a consent given
        and not withdrawn (the latest consent of an e-mail wins)."""
        consents = self.search([("purpose", "=", purpose)], order="consent_date desc")
        latest = {}
        for consent in consents:
            latest.setdefault(consent.email, consent)
        return sorted(email for email, c in latest.items() if c.state == "given")
