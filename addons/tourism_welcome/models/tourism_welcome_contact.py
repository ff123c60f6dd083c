# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

CHANNELS = [
    ("counter", "Counter"),
    ("phone", "Phone"),
    ("email", "E-mail"),
    ("mail", "Post"),
    ("outside", "Off-site Welcome"),
    ("fair", "Fair"),
    ("social", "Social Networks"),
]
VISITOR_TYPES = [
    ("stay", "Tourist on a Stay"),
    ("day", "Day Tripper"),
    ("resident", "Resident"),
    ("professional", "Professional"),
]
# The languages heard at the Chalosse Tursan counters; anything else is "Other".
LANGUAGES = [
    ("fr", "French"),
    ("en", "English"),
    ("es", "Spanish"),
    ("de", "German"),
    ("nl", "Dutch"),
    ("it", "Italian"),
    ("pt", "Portuguese"),
    ("other", "Other"),
]
ORIGIN_SCOPES = [
    ("local", "Local (Commune of the Territory)"),
    ("france", "France"),
    ("abroad", "Abroad"),
    ("unknown", "Unknown"),
]
# People at once: a group larger than this is counted by the groups department.
MAX_PEOPLE = 500


class TourismWelcomeContact(models.Model):
    """One visitor contact at an information point: whoever asks, however they ask."""

    _name = "tourism.welcome.contact"
    _description = "Visitor Contact"
    _order = "date desc, id desc"
    _check_company_auto = True

    date = fields.Datetime(
        required=True, default=fields.Datetime.now, index=True, string="Time"
    )
    bit_id = fields.Many2one(
        "tourism.bit",
        string="Information Point",
        required=True,
        index=True,
        default=lambda self: self.env.user.tourism_bit_id,
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Recorded By",
        required=True,
        default=lambda self: self.env.user,
        index=True,
    )
    preset_id = fields.Many2one(
        "tourism.welcome.preset", string="Quick Button", readonly=True, index=True
    )
    channel = fields.Selection(CHANNELS, required=True, default="counter", index=True)
    people = fields.Integer(required=True, default=1)
    visitor_type = fields.Selection(
        VISITOR_TYPES, string="Visitor", required=True, default="stay"
    )
    country_id = fields.Many2one(
        "res.country",
        string="Country",
        default=lambda self: self.env.ref("base.fr", raise_if_not_found=False),
        compute="_compute_origin",
        store=True,
        readonly=False,
        index=True,
    )
    state_id = fields.Many2one(
        "res.country.state",
        string="Département",
        compute="_compute_origin",
        store=True,
        readonly=False,
        domain="[('country_id', '=', country_id)]",
        index=True,
    )
    commune_id = fields.Many2one(
        "tourism.commune",
        string="Commune",
        help="For visitors living on the territory.",
    )
    origin_scope = fields.Selection(
        ORIGIN_SCOPES,
        string="Origin",
        compute="_compute_origin_scope",
        store=True,
    )
    lang = fields.Selection(LANGUAGES, string="Language", default="fr")
    theme_ids = fields.Many2many("tourism.welcome.theme", string="Themes")
    brochure_line_ids = fields.One2many(
        "tourism.welcome.brochure.line", "contact_id", string="Documentation Given"
    )
    consent_ids = fields.One2many(
        "tourism.welcome.consent", "contact_id", string="Consents"
    )
    note = fields.Text()

    _sql_constraints = [
        (
            "people_positive",
            f"CHECK(people > 0 AND people <= {MAX_PEOPLE})",
            "A contact counts between 1 and 500 people.",
        ),
    ]

    @api.depends("commune_id")
    def _compute_origin(self):
        """A local lives in France, in the département of the commune (the INSEE
        code's prefix); other contacts keep the origin they were given."""
        france = self.env.ref("base.fr")
        # One query for the whole batch (imports create thousands at once).
        state_by_code = {}
        if any(self.mapped("commune_id")):
            states = self.env["res.country.state"].search(
                [("country_id", "=", france.id)]
            )
            state_by_code = {state.code: state for state in states}
        for contact in self:
            if not contact.commune_id:
                contact.country_id = contact.country_id
                contact.state_id = contact.state_id
                continue
            contact.country_id = france
            contact.state_id = state_by_code.get(
                contact.commune_id.insee_code[:2], self.env["res.country.state"]
            )

    @api.depends("commune_id", "country_id")
    def _compute_origin_scope(self):
        france = self.env.ref("base.fr")
        for contact in self:
            if contact.commune_id:
                contact.origin_scope = "local"
            elif contact.country_id == france:
                contact.origin_scope = "france"
            elif contact.country_id:
                contact.origin_scope = "abroad"
            else:
                contact.origin_scope = "unknown"

    @api.onchange("country_id")
    def _onchange_country_id(self):
        if self.state_id and self.state_id.country_id != self.country_id:
            self.state_id = False
        if self.country_id != self.env.ref("base.fr"):
            self.commune_id = False

    @api.constrains("country_id", "state_id")
    def _check_state_country(self):
        for contact in self:
            if contact.state_id and contact.state_id.country_id != contact.country_id:
                raise ValidationError(
                    self.env._("The département must be one of the chosen country.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        bits = self.env["tourism.bit"].browse(
            {vals["bit_id"] for vals in vals_list if vals.get("bit_id")}
        )
        company_by_bit = {bit.id: bit.company_id.id for bit in bits}
        for vals in vals_list:
            if vals.get("bit_id") and "company_id" not in vals:
                vals["company_id"] = company_by_bit[vals["bit_id"]]
        return super().create(vals_list)

    @api.depends("date", "bit_id", "channel")
    def _compute_display_name(self):
        channels = dict(self._fields["channel"]._description_selection(self.env))
        for contact in self:
            when = (
                fields.Datetime.context_timestamp(contact, contact.date).strftime(
                    "%d/%m/%Y %H:%M"
                )
                if contact.date
                else ""
            )
            parts = (contact.bit_id.code, when, channels.get(contact.channel))
            contact.display_name = " ".join(part for part in parts if part)

    def action_collect_consent(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "tourism.welcome.consent.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_contact_id": self.id},
        }
