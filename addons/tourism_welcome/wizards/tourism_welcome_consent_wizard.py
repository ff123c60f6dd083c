# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class TourismWelcomeConsentWizard(models.TransientModel):
    """Collects a visitor's e-mail with one box per purpose, all unticked: only a
    box the visitor asks to tick is a consent (RGPD art. 4.11: a clear affirmative
    act; recital 32: pre-ticked boxes are no consent)."""

    _name = "tourism.welcome.consent.wizard"
    _description = "Collect a Visitor's E-mail Consent"

    contact_id = fields.Many2one("tourism.welcome.contact", required=True)
    email = fields.Char(string="E-mail", required=True)
    name = fields.Char(string="Visitor Name")
    newsletter = fields.Boolean()
    survey = fields.Boolean(string="Satisfaction Survey")
    newsletter_statement = fields.Text(
        readonly=True, default=lambda self: self._statement("newsletter")
    )
    survey_statement = fields.Text(
        readonly=True, default=lambda self: self._statement("survey")
    )

    @api.model
    def _statement(self, purpose):
        company = self.env.company.name
        if purpose == "newsletter":
            return self.env._(
                "I agree to receive the newsletter of %(office)s by e-mail. I can "
                "unsubscribe at any time.",
                office=company,
            )
        return self.env._(
            "I agree that %(office)s sends me one satisfaction survey by e-mail "
            "about my visit. I can withdraw at any time.",
            office=company,
        )

    def action_confirm(self):
        self.ensure_one()
        purposes = [p for p in ("newsletter", "survey") if self[p]]
        if not purposes:
            raise UserError(
                self.env._(
                    "Tick the purposes the visitor agrees to: without an explicit "
                    "consent the e-mail is not kept."
                )
            )
        contact = self.contact_id
        self.env["tourism.welcome.consent"].create(
            [
                {
                    "email": self.email,
                    "name": self.name,
                    "purpose": purpose,
                    "statement": self[f"{purpose}_statement"],
                    "contact_id": contact.id,
                    "bit_id": contact.bit_id.id,
                    "company_id": contact.company_id.id,
                }
                for purpose in purposes
            ]
        )
        return {"type": "ir.actions.act_window_close"}
