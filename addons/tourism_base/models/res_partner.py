# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

from ..tools.identifiers import compact, is_valid_siret

# What a prestataire may change on its own directory entry from the portal.
PORTAL_EDITABLE_FIELDS = (
    "phone",
    "email",
    "website",
    "tourism_capacity",
    "tourism_facebook_url",
    "tourism_instagram_url",
)


class ResPartner(models.Model):
    # The demo builders extend the model apart, in demo/: kept out of here.
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    is_tourism_provider = fields.Boolean(
        string="Prestataire",
        tracking=True,
        help="A tourism provider listed in the office's directory.",
    )
    tourism_activity_ids = fields.Many2many(
        "tourism.activity.type",
        string="Tourism Activities",
        tracking=True,
    )
    tourism_commune_id = fields.Many2one(
        "tourism.commune", string="Commune", index=True, tracking=True
    )
    tourism_epci_id = fields.Many2one(
        related="tourism_commune_id.epci_id", string="Intercommunality", store=True
    )
    tourism_classification_ids = fields.One2many(
        "tourism.partner.classification", "partner_id", string="Classifications"
    )
    tourism_classification = fields.Char(
        string="Classification",
        compute="_compute_tourism_awards",
        store=True,
        help="Classifications valid today, e.g. 3 ★.",
    )
    tourism_label_line_ids = fields.One2many(
        "tourism.partner.label", "partner_id", string="Label Awards"
    )
    tourism_label_ids = fields.Many2many(
        "tourism.label",
        string="Labels",
        compute="_compute_tourism_awards",
        store=True,
        help="Labels valid today.",
    )
    tourism_opening_period_ids = fields.One2many(
        "tourism.opening.period", "partner_id", string="Opening Periods"
    )
    tourism_open_all_year = fields.Boolean(string="Open All Year", tracking=True)
    tourism_language_ids = fields.Many2many(
        "res.lang",
        string="Languages Spoken",
        context={"active_test": False},
    )
    tourism_capacity = fields.Integer(
        string="Capacity",
        tracking=True,
        help="Persons the prestataire can welcome at once.",
    )
    tourism_description = fields.Html(string="Presentation", translate=True)
    tourism_facebook_url = fields.Char(string="Facebook")
    tourism_instagram_url = fields.Char(string="Instagram")

    @api.depends(
        "tourism_label_line_ids.label_id",
        "tourism_label_line_ids.date_award",
        "tourism_label_line_ids.date_expiry",
        "tourism_classification_ids.scheme_id",
        "tourism_classification_ids.level",
        "tourism_classification_ids.date_award",
        "tourism_classification_ids.date_expiry",
    )
    def _compute_tourism_awards(self):
        """Stored so that the directory can be searched and grouped by label and
        classification; the daily cron refreshes them when awards start or expire."""
        today = fields.Date.context_today(self)
        for partner in self:
            awards = partner.tourism_label_line_ids.filtered(
                lambda a: a._is_valid_at(today)
            )
            partner.tourism_label_ids = awards.label_id
            grades = partner.tourism_classification_ids.filtered(
                lambda g: g._is_valid_at(today)
            ).sorted(lambda g: (g.scheme_id.sequence, -g.level))
            partner.tourism_classification = (
                ", ".join(grades.mapped("display_name")) or False
            )

    @api.constrains("siret")
    def _check_siret(self):
        for partner in self:
            if partner.siret and not is_valid_siret(partner.siret):
                raise ValidationError(
                    self.env._(
                        "The SIRET number %(siret)s of %(name)s is not valid: it has "
                        "14 digits "
                        "and its last digit is a checksum. Check it on the INSEE "
                        "directory (annuaire-entreprises.data.gouv.fr).",
                        siret=partner.siret,
                        name=partner.display_name,
                    )
                )

    @api.constrains("tourism_capacity")
    def _check_tourism_capacity(self):
        for partner in self:
            if partner.tourism_capacity < 0:
                raise ValidationError(self.env._("The capacity cannot be negative."))

    @api.onchange("tourism_commune_id")
    def _onchange_tourism_commune_id(self):
        commune = self.tourism_commune_id
        if commune:
            self.zip = commune.zip
            self.city = commune.name
            self.country_id = commune.country_id

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._tourism_normalize_vals(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._tourism_normalize_vals(vals)
        return super().write(vals)

    @api.model
    def _tourism_normalize_vals(self, vals):
        if vals.get("siret"):
            vals["siret"] = compact(vals["siret"])
        # Imports often give only the postal code and the town: find the commune.
        if vals.get("is_tourism_provider") and not vals.get("tourism_commune_id"):
            if vals.get("zip") and vals.get("city"):
                commune = self.env["tourism.commune"].search(
                    [("zip", "=", vals["zip"]), ("name", "=ilike", vals["city"])],
                    limit=1,
                )
                if commune:
                    vals["tourism_commune_id"] = commune.id

    def unlink(self):
        # A conseiller manages the directory but does not delete prestataires:
        # they archive them.
        if (
            any(self.mapped("is_tourism_provider"))
            and not self.env.su
            and not self.env.user.has_group("tourism_base.group_tourism_manager")
        ):
            raise AccessError(
                self.env._(
                    "Only a Responsable OT can delete a prestataire. "
                    "Archive it instead to remove it from the directory."
                )
            )
        return super().unlink()

    @api.model
    def _cron_refresh_tourism_awards(self):
        """Labels and classifications start and expire with the calendar,
        not with a write."""
        partners = self.with_context(active_test=False).search(
            [
                "|",
                ("tourism_label_line_ids", "!=", False),
                ("tourism_classification_ids", "!=", False),
            ]
        )
        self.env.add_to_compute(self._fields["tourism_label_ids"], partners)
        self.env.add_to_compute(self._fields["tourism_classification"], partners)
        partners._recompute_recordset(["tourism_label_ids", "tourism_classification"])

    @api.model
    def get_import_templates(self):
        if self.env.context.get("default_is_tourism_provider"):
            return [
                {
                    "label": self.env._("Import Template for Prestataires"),
                    "template": "/tourism_base/static/import/prestataires.xlsx",
                }
            ]
        return super().get_import_templates()

    def _tourism_portal_write(self, values):
        """Apply what a prestataire changed on its directory entry from the portal."""
        self.ensure_one()
        allowed = {key: values[key] for key in PORTAL_EDITABLE_FIELDS if key in values}
        if "tourism_capacity" in allowed:
            try:
                allowed["tourism_capacity"] = int(allowed["tourism_capacity"] or 0)
            except ValueError as exc:
                raise ValidationError(
                    self.env._("The capacity must be a whole number.")
                ) from exc
        self.sudo().write(allowed)
