# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import csv
import io
from collections import defaultdict
from typing import NamedTuple

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.tourism_base.tools.spreadsheet import safe_cell

from ..tools.calculator import flat_rate_capacity
from ..tools.categories import category_code
from ..tools.registration import check_registration_number, normalize


class PeriodToDeclare(NamedTuple):
    """The next period a lodging has to declare, as the host's portal shows it."""

    lodging: object  # tourism.lodging
    period: object  # tourism.tax.period
    due: object  # datetime.date: the deliberation's due date (period.declaration_due)
    late: bool
    draft: object  # the host's draft declaration of the period, or an empty recordset
    waiting: int  # periods of the lodging still to declare, this one included


CLASSIFICATION = [
    ("0", "Unclassified"),
    ("1", "1 star"),
    ("2", "2 stars"),
    ("3", "3 stars"),
    ("4", "4 stars"),
    ("5", "5 stars"),
    ("palace", "Palace"),
]


class TourismLodging(models.Model):
    """A lodging of a host, on which the tourist tax is collected."""

    _name = "tourism.lodging"
    _description = "Lodging"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "name, id"

    name = fields.Char(required=True, tracking=True)
    host_id = fields.Many2one(
        "res.partner",
        string="Host",
        required=True,
        index=True,
        tracking=True,
        domain=[("is_company", "=", True)],
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    street = fields.Char()
    commune_id = fields.Many2one(
        "tourism.commune", string="Commune", required=True, index=True, tracking=True
    )
    zip = fields.Char(related="commune_id.zip")
    nature_id = fields.Many2one(
        "tourism.lodging.nature", string="Nature", required=True, tracking=True
    )
    is_outdoor = fields.Boolean(related="nature_id.is_outdoor")
    capacity_unit = fields.Selection(related="nature_id.capacity_unit")
    classification = fields.Selection(
        CLASSIFICATION, required=True, default="0", tracking=True
    )
    classification_date = fields.Date(string="Classified on", tracking=True)
    classification_expiry = fields.Date(
        string="Classification Expires on",
        tracking=True,
        help="From this date the lodging is taxed as unclassified.",
    )
    capacity = fields.Integer(
        tracking=True,
        help="Persons, or pitches for campsites and motorhome areas, as the "
        "classification decision states them.",
    )
    capacity_units = fields.Integer(
        string="Units of Capacity",
        compute="_compute_capacity_units",
        help="Persons the flat rate is assessed on (L2333-41): the capacity, each "
        "pitch counting three persons (CGCT R2333-59).",
    )
    registration_number = fields.Char(
        size=16,
        tracking=True,
        help="Registration number of a meublé de tourisme: INSEE code of the commune, "
        "6 digits and a 2-character key (13 characters).",
    )
    period_ids = fields.One2many(
        "tourism.lodging.period", "lodging_id", string="Openings"
    )
    platform_ids = fields.Many2many(
        "res.partner",
        "tourism_lodging_platform_rel",
        "lodging_id",
        "platform_id",
        string="Listed on",
        domain=[("is_tourism_platform", "=", True)],
    )
    category_id = fields.Many2one(
        "tourism.tax.category",
        string="Tax Category",
        compute="_compute_category_id",
        help="Tariff category today, from the nature and the classification in force.",
    )
    regime = fields.Selection(
        selection=[("real", "Actual (au réel)"), ("flat", "Flat rate (au forfait)")],
        compute="_compute_regime",
        help="Set for each nature by the deliberation of the year.",
    )
    fine_ids = fields.One2many("tourism.tax.fine", "lodging_id", string="Civil Fines")
    reminder_ids = fields.One2many(
        "tourism.tax.reminder", "lodging_id", string="Tourist Tax Follow-up"
    )
    declaration_ids = fields.One2many(
        "tourism.tax.declaration", "lodging_id", string="Declarations"
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "registration_number_uniq",
            "unique(registration_number)",
            "Another lodging has this registration number.",
        ),
    ]

    @api.depends("capacity", "nature_id.capacity_unit", "nature_id.persons_per_pitch")
    def _compute_capacity_units(self):
        for lodging in self:
            lodging.capacity_units = flat_rate_capacity(
                max(lodging.capacity, 0),
                lodging.nature_id.capacity_unit or "person",
                lodging.nature_id.persons_per_pitch or 1,
            )

    @api.depends("nature_id", "classification", "classification_expiry")
    @api.depends_context("date")
    def _compute_category_id(self):
        today = fields.Date.context_today(self)
        for lodging in self:
            lodging.category_id = lodging._get_category(today)

    def _get_category(self, day):
        """Tariff category on `day`: an expired classification counts as none."""
        return self._category_of_code(self._category_code(day))

    def _category_code(self, day):
        """Code of the tariff category on `day` (None without a nature)."""
        self.ensure_one()
        if not self.nature_id:
            return None
        classified = self.classification != "0" and (
            not self.classification_expiry or self.classification_expiry >= day
        )
        stars = 0
        if classified and self.classification != "palace":
            stars = int(self.classification)
        return category_code(
            self.nature_id.code,
            stars=stars,
            is_palace=classified and self.classification == "palace",
        )

    @api.model
    def _category_of_code(self, code):
        Category = self.env["tourism.tax.category"]
        return Category.browse(code and Category._id_by_code().get(code))

    @api.depends("nature_id", "commune_id", "category_id")
    @api.depends_context("date")
    def _compute_regime(self):
        year = fields.Date.context_today(self).year
        for lodging in self:
            deliberation = self.env["tourism.tax.deliberation"]._find(
                lodging.commune_id, year
            )
            lodging.regime = (
                deliberation._regime_for(lodging, fields.Date.context_today(self))
                if deliberation
                else "real"
            )

    @api.constrains("registration_number", "commune_id")
    def _check_registration_number(self):
        for lodging in self.filtered("registration_number"):
            problem = check_registration_number(
                lodging.registration_number, lodging.commune_id.insee_code
            )
            if problem == "format":
                raise ValidationError(
                    self.env._(
                        "The registration number %(number)s of %(lodging)s is not "
                        "valid: 13 characters, the INSEE code of the commune, 6 digits "
                        "and a 2-character key.",
                        number=lodging.registration_number,
                        lodging=lodging.name,
                    )
                )
            if problem == "commune":
                raise ValidationError(
                    self.env._(
                        "The registration number %(number)s of %(lodging)s does not "
                        "start with the INSEE code of %(commune)s (%(code)s).",
                        number=lodging.registration_number,
                        lodging=lodging.name,
                        commune=lodging.commune_id.name,
                        code=lodging.commune_id.insee_code,
                    )
                )

    @api.model
    def _communes_collecting_tax(self):
        """The active communes of the active intercommunalities that collect the
        tax (an adopted deliberation, CGCT L2333-26)."""
        epcis = (
            self.env["tourism.tax.deliberation"]
            .sudo()
            .search([("state", "=", "adopted")])
            .epci_id.filtered("active")
        )
        return epcis.commune_ids.filtered("active")

    @api.constrains("commune_id")
    def _check_commune(self):
        """A lodging is in an active commune of an active intercommunality, and a
        host (portal) declares it in one that collects the tax: else it would
        escape the reminders and the declarations."""
        from_portal = self.env.user.share
        collecting = from_portal and self._communes_collecting_tax()
        for lodging in self:
            commune = lodging.commune_id
            if not (commune.active and commune.epci_id.active) or (
                from_portal and commune not in collecting
            ):
                raise ValidationError(self._commune_error(commune))

    @api.model
    def _commune_error(self, commune):
        return self.env._(
            "%(commune)s is not a commune where the tourism office collects the "
            "tourist tax: choose the commune of the lodging from the list.",
            commune=commune.display_name,
        )

    @api.constrains("capacity", "classification_date", "classification_expiry")
    def _check_values(self):
        for lodging in self:
            if lodging.capacity < 0:
                raise ValidationError(self.env._("The capacity cannot be negative."))
            if (
                lodging.classification_date
                and lodging.classification_expiry
                and lodging.classification_expiry < lodging.classification_date
            ):
                raise ValidationError(
                    self.env._(
                        "%(lodging)s: the classification cannot expire before it was "
                        "awarded.",
                        lodging=lodging.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("registration_number"):
                vals["registration_number"] = normalize(vals["registration_number"])
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("registration_number"):
            vals["registration_number"] = normalize(vals["registration_number"])
        return super().write(vals)

    def _register_csv(self, year):
        """The registre du logeur of a year: every declared stay, as CSV (UTF-8 with BOM
        and semicolons, as French spreadsheets expect)."""
        self.ensure_one()
        stays = self.env["tourism.tax.stay"].search(
            [
                ("lodging_id", "=", self.id),
                # The host's own: not what a former host declared.
                ("declaration_id.host_id", "=", self.host_id.id),
                ("declaration_id.state", "!=", "cancel"),
                ("arrival", ">=", f"{year}-01-01"),
                ("arrival", "<=", f"{year}-12-31"),
            ]
        )
        Stay = self.env["tourism.tax.stay"]
        columns = [
            "arrival",
            "departure",
            "nights",
            "persons",
            "exempt_minors",
            "exempt_seasonal",
            "exempt_emergency",
            "exempt_low_rent",
            "resident_persons",
            "price_per_night",
            "channel",
            "taxable_person_nights",
            "amount_total",
        ]
        output = io.StringIO()
        writer = csv.writer(output, delimiter=";")
        writer.writerow(
            [self.env._("Declaration")]
            + [Stay._fields[name]._description_string(self.env) for name in columns]
        )
        # Text that a spreadsheet would take for a formula stays text.
        channels = dict(Stay._fields["channel"]._description_selection(self.env))
        for stay in stays:
            row = [stay.declaration_id.name]
            for name in columns:
                value = stay[name]
                if name in ("arrival", "departure"):
                    value = value.strftime("%d/%m/%Y")
                elif name == "channel":
                    value = channels.get(value, value)
                elif isinstance(value, float):
                    value = f"{value:.2f}".replace(".", ",")
                row.append(value)
            writer.writerow([safe_cell(value) for value in row])
        return ("\ufeff" + output.getvalue()).encode("utf-8")

    def _periods_to_declare(self, today=None):
        """[PeriodToDeclare] of the lodgings, in their order: for each, the oldest
        period it has not sent. The periods are those the portal lets a host declare
        (started, of an adopted deliberation of the lodging's collectivity); the due
        date is the one the deliberation sets (L2333-34, docs/domain.md §1.6), the
        one the reminders follow. A constant number of queries for any number of
        lodgings and periods: the host's portal home page shows it."""
        today = today or fields.Date.context_today(self)
        epcis = self.commune_id.epci_id
        periods = (
            self.env["tourism.tax.period"]
            .sudo()
            .search(
                [
                    ("deliberation_id.epci_id", "in", epcis.ids),
                    ("deliberation_id.state", "=", "adopted"),
                    ("date_from", "<=", today),
                ],
                order="date_from, id",
            )
        )
        by_epci = defaultdict(list)
        for period in periods:
            by_epci[period.deliberation_id.epci_id].append(period)
        # The declaration of each lodging and period, as _declare finds it.
        declarations = (
            self.env["tourism.tax.declaration"]
            .sudo()
            .search(
                [
                    ("lodging_id", "in", self.ids),
                    ("period_id", "in", periods.ids),
                    ("state", "!=", "cancel"),
                    ("rectified_id", "=", False),
                ]
            )
        )
        found = {(d.lodging_id.id, d.period_id.id): d for d in declarations}
        result = []
        for lodging in self:
            waiting = []
            for period in by_epci[lodging.commune_id.epci_id]:
                declaration = found.get((lodging.id, period.id))
                # A draft of the lodging's host is still to send; anything else
                # (sent, or the former host's) is not this host's to declare.
                if not declaration or (
                    declaration.state == "draft"
                    and declaration.host_id == lodging.host_id
                ):
                    waiting.append((period, declaration))
            if waiting:
                period, declaration = waiting[0]
                result.append(
                    PeriodToDeclare(
                        lodging=lodging,
                        period=period,
                        due=period.declaration_due,
                        late=period.declaration_due < today,
                        draft=declaration or declarations.browse(),
                        waiting=len(waiting),
                    )
                )
        return result
