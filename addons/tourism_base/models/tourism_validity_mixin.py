# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

EXPIRY_WARNING_DAYS = 90


class TourismValidityMixin(models.AbstractModel):
    """An award valid between two dates: a label, a classification."""

    _name = "tourism.validity.mixin"
    _description = "Award with validity dates"

    date_award = fields.Date(
        string="Award Date",
        required=True,
        default=fields.Date.context_today,
        tracking=True,
    )
    date_expiry = fields.Date(
        string="Expiry Date",
        tracking=True,
        help="Leave empty when the award has no end date.",
    )
    validity_state = fields.Selection(
        selection=[
            ("future", "Not yet valid"),
            ("valid", "Valid"),
            ("expiring", "Expires soon"),
            ("expired", "Expired"),
        ],
        string="Validity",
        compute="_compute_validity_state",
        search="_search_validity_state",
    )

    @api.depends("date_award", "date_expiry")
    @api.depends_context("date")
    def _compute_validity_state(self):
        today = fields.Date.context_today(self)
        for record in self:
            record.validity_state = record._validity_state_at(today)

    def _validity_state_at(self, day):
        self.ensure_one()
        if self.date_award and self.date_award > day:
            return "future"
        if self.date_expiry and self.date_expiry < day:
            return "expired"
        if self.date_expiry and self.date_expiry <= day + relativedelta(
            days=EXPIRY_WARNING_DAYS
        ):
            return "expiring"
        return "valid"

    def _is_valid_at(self, day):
        return self._validity_state_at(day) in ("valid", "expiring")

    @api.model
    def _search_validity_state(self, operator, value):
        if operator not in ("=", "!=", "in", "not in"):
            raise ValidationError(self.env._("Unsupported search on the validity."))
        states = {value} if isinstance(value, str) else set(value)
        today = fields.Date.context_today(self)
        soon = today + relativedelta(days=EXPIRY_WARNING_DAYS)
        domains = {
            "future": [("date_award", ">", today)],
            "expired": [("date_expiry", "<", today)],
            "expiring": [
                ("date_award", "<=", today),
                ("date_expiry", ">=", today),
                ("date_expiry", "<=", soon),
            ],
            "valid": [
                ("date_award", "<=", today),
                "|",
                ("date_expiry", "=", False),
                ("date_expiry", ">", soon),
            ],
        }
        ids = set()
        for state in states & domains.keys():
            ids.update(self.search(domains[state]).ids)
        positive = operator in ("=", "in")
        return [("id", "in" if positive else "not in", list(ids))]

    @api.constrains("date_award", "date_expiry")
    def _check_validity_dates(self):
        for record in self:
            if (
                record.date_expiry
                and record.date_award
                and record.date_expiry < record.date_award
            ):
                raise ValidationError(
                    self.env._(
                        "%(name)s: the expiry date (%(expiry)s) cannot be before "
                        "the award date (%(award)s).",
                        name=record.display_name,
                        expiry=record.date_expiry,
                        award=record.date_award,
                    )
                )
