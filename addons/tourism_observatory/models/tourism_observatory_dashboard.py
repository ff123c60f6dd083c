# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import api, fields, models
from odoo.tools.misc import formatLang

from odoo.addons.tourism_base.tools.calendar import MONTHS

from ..tools.indicators import INDICATORS, MISSIONS, MONEY, compare


class TourismObservatoryDashboard(models.TransientModel):
    """The director's dashboard: every mission's indicators for a month and for
    the year to date, with the same period of the previous year beside them.

    Opened from the menu on the current month; computed from one grouped query on
    the observatory's view.
    """

    _name = "tourism.observatory.dashboard"
    _description = "Observatory Dashboard"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    year = fields.Integer(
        required=True, default=lambda self: fields.Date.context_today(self).year
    )
    month = fields.Selection(
        MONTHS,
        required=True,
        default=lambda self: str(fields.Date.context_today(self).month),
    )
    table_html = fields.Html(
        string="Indicators", compute="_compute_table_html", sanitize=False
    )

    def _compute_display_name(self):
        # The breadcrumb's name: a dashboard record has none of its own.
        for dashboard in self:
            dashboard.display_name = self.env._("Observatory")

    @api.depends("company_id", "year", "month")
    def _compute_table_html(self):
        # The month's name in the reader's language, as the selection shows it.
        month_labels = dict(self._fields["month"]._description_selection(self.env))
        for dashboard in self:
            if not dashboard.year or not dashboard.month:
                dashboard.table_html = False
                continue
            figures = self._figures(
                dashboard.company_id, dashboard.year, int(dashboard.month)
            )
            dashboard.table_html = self.env["ir.qweb"]._render(
                "tourism_observatory.dashboard_table",
                dict(figures, month_label=month_labels[dashboard.month]),
            )

    @api.model
    def _figures(self, company, year, month):
        """The rows of the dashboard (and of the annual report) for a company, a
        year and a month: one query on the view for years N and N-1."""
        Fact = self.env["tourism.observatory.fact"]
        monthly = Fact._monthly(
            date(year - 1, 1, 1), date(year, 12, 31), company.ids or [0]
        )
        columns = compare(monthly, year, month)
        labels = dict(Fact._fields["indicator"]._description_selection(self.env))
        missions = dict(Fact._fields["mission"]._description_selection(self.env))
        sections = []
        for mission in MISSIONS:
            rows = [
                dict(
                    columns[indicator.key],
                    key=indicator.key,
                    label=labels[indicator.key],
                    money=indicator.key in MONEY,
                    kind=indicator.kind,
                )
                for indicator in INDICATORS
                if indicator.mission == mission
            ]
            sections.append(
                {"mission": mission, "label": missions[mission], "rows": rows}
            )
        return {
            "year": year,
            "month": month,
            "sections": sections,
            "monthly": monthly,
            "currency": company.currency_id,
            "fmt": self._format_figure,
            "fmt_var": self._format_variation,
        }

    def _format_figure(self, value, row):
        if value is None:
            return "–"
        if row["money"]:
            return formatLang(
                self.env, value, currency_obj=self.env.company.currency_id
            )
        return formatLang(self.env, value, digits=0 if row["kind"] == "sum" else 1)

    def _format_variation(self, value):
        if value is None:
            return ""
        return ("+" if value > 0 else "") + formatLang(self.env, value, digits=1) + " %"

    def action_open_annual_report(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "tourism.observatory.report.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_year": self.year,
                "default_company_id": self.company_id.id,
            },
        }

    @api.model
    def action_open(self):
        """The menu's entry: the dashboard of the current month, already computed."""
        dashboard = self.create({})
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Observatory"),
            "res_model": self._name,
            "res_id": dashboard.id,
            "view_mode": "form",
            "target": "current",
        }

    @api.model
    def _demo_generate_history(self):
        """Demo data only (called from demo/tourism_observatory_demo.xml)."""
        from ..demo import history

        return history.generate(self.env)
