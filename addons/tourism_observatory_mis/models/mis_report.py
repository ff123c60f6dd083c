# Copyright 2026 Odoo Tourisme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import ast
from datetime import timedelta

from odoo import Command, api, fields, models

from odoo.addons.mis_builder.models.mis_report import AutoStruct
from odoo.addons.tourism_observatory.tools.indicators import INDICATORS, MISSIONS, MONEY

MODULE = "tourism_observatory_mis"
REPORT_XMLID = f"{MODULE}.mis_report_observatory"
FACT = "tourism.observatory.fact"


def month_bounds(date_from, date_to):
    """Whether a period is made of whole months (the observatory's sums are
    monthly)."""
    return (
        bool(date_from and date_to)
        and date_from.day == 1
        and (date_to + timedelta(days=1)).day == 1
    )


def indicator_of(query):
    """The indicator a query sums, when it is one of this template's plain
    queries (the fact view, its value and weight summed, one indicator); else
    None."""
    if (
        query.model_id.model != FACT
        or query.aggregate != "sum"
        or query.date_field.name != "date"
        or not set(query.field_ids.mapped("name")) <= {"value", "weight"}
    ):
        return None
    try:
        domain = ast.literal_eval(query.domain or "[]")
    except (ValueError, SyntaxError):
        return None
    if (
        len(domain) == 1
        and len(domain[0]) == 3
        and tuple(domain[0][:2]) == ("indicator", "=")
    ):
        return domain[0][2]
    return None


def kpi_expression(query, kind):
    """The KPI's expression on its query's sums, as ``tools/indicators.figure``
    computes the figure: a sum as it is, a rate or an average divided once from the
    period's summed values and weights (never an average of monthly ratios), and
    nothing rather than a false zero when there is nothing to divide."""
    if kind == "sum":
        return f"{query}.value or 0.0"
    factor = "100 * " if kind == "rate" else ""
    return (
        f"{factor}{query}.value / {query}.weight if {query}.weight else AccountingNone"
    )


class MisReport(models.Model):
    _inherit = "mis.report"

    def _fetch_queries(self, date_from, date_to, get_additional_query_filter=None):
        """The queries on the observatory's figures, answered together.

        MIS Builder runs one grouped read per query and column: 21 scans of the
        whole ``tourism.observatory.fact`` view for each of the four columns, about
        3.5 s on the demo alone (the view's dates are computed, no index bounds
        them). When every query of a report is a plain query of this template (one
        indicator's value and weight summed) and the period is whole months, they
        are answered instead by the observatory's own monthly sums
        (``tourism.observatory.fact._monthly``: the same source definitions as the
        view, one query bounded by the dates, the view's company rule applied).
        Anything else goes MIS Builder's way; the tests check that both ways give
        the same figures.
        """
        self.ensure_one()
        date_from = fields.Date.to_date(date_from)
        date_to = fields.Date.to_date(date_to)
        plan = {}
        for query in self.query_ids:
            key = indicator_of(query.sudo())
            company_ids = self._tourism_query_companies(
                query, get_additional_query_filter
            )
            if not key or company_ids is None:
                break
            plan[query.name] = (key, company_ids)
        else:
            if (
                plan
                and not self.env.context.get("tourism_observatory_mis_generic")
                and month_bounds(date_from, date_to)
            ):
                return self._tourism_fetch_monthly(date_from, date_to, plan)
        return super()._fetch_queries(date_from, date_to, get_additional_query_filter)

    def _tourism_fetch_monthly(self, date_from, date_to, plan):
        monthly_by_companies = {}
        res = {}
        for name, (key, company_ids) in plan.items():
            if company_ids not in monthly_by_companies:
                monthly_by_companies[company_ids] = self.env[FACT]._monthly(
                    date_from, date_to, list(company_ids)
                )
            value = weight = 0.0
            for (indicator, _year, _month), (v, w) in monthly_by_companies[
                company_ids
            ].items():
                if indicator == key:
                    value += v
                    weight += w
            res[name] = AutoStruct(value=value, weight=weight)
        return res

    def _tourism_query_companies(self, query, get_additional_query_filter):
        """The companies of a fact query's company filter (MIS Builder's, from the
        instance), as a sorted tuple; None when the filter is anything else."""
        domain = (
            get_additional_query_filter(query) if get_additional_query_filter else []
        )
        if (
            len(domain) == 1
            and tuple(domain[0][:2]) == ("company_id", "in")
            and query.sudo().company_field_id.name == "company_id"
        ):
            return tuple(sorted(domain[0][2]))
        return None

    @api.model
    def _tourism_observatory_load_kpis(self):
        """Write the observatory template's queries and KPIs from the observatory's
        list of indicators (``tools/indicators.py``): one query per indicator on the
        ``tourism.observatory.fact`` view, summing its values and weights, and one
        KPI reading it, under a heading per mission. Called from the data file at
        each install and update, with external ids, so that an indicator added to the
        list appears here and nothing is defined twice. The labels are the view's
        (translated by ``i18n/fr.po`` through the records' external ids)."""
        report = self.env.ref(REPORT_XMLID)
        Fact = self.env["tourism.observatory.fact"]
        fact_model = self.env["ir.model"]._get(Fact._name)
        fields_ = {
            name: self.env["ir.model.fields"]._get(Fact._name, name)
            for name in ("date", "company_id", "value", "weight")
        }
        labels = dict(Fact._fields["indicator"].selection)
        missions = dict(Fact._fields["mission"].selection)
        styles = {
            key: self.env.ref(f"{MODULE}.mis_report_style_{key}")
            for key in ("mission", "count", "ratio", "rate", "money")
        }
        queries, kpis = [], []
        sequence = 0
        for mission in MISSIONS:
            sequence += 10
            kpis.append(
                {
                    "xml_id": f"{MODULE}.mis_kpi_mission_{mission}",
                    "values": {
                        "report_id": report.id,
                        "name": f"mission_{mission}",
                        "description": missions[mission],
                        "expression": "AccountingNone",
                        "style_id": styles["mission"].id,
                        "compare_method": "none",
                        "accumulation_method": "none",
                        "sequence": sequence,
                    },
                }
            )
            for indicator in INDICATORS:
                if indicator.mission != mission:
                    continue
                sequence += 10
                key, kind = indicator.key, indicator.kind
                query = f"q_{key}"
                queries.append(
                    {
                        "xml_id": f"{MODULE}.mis_query_{key}",
                        "values": {
                            "report_id": report.id,
                            "name": query,
                            "model_id": fact_model.id,
                            "field_ids": [
                                Command.set([fields_["value"].id, fields_["weight"].id])
                            ],
                            "aggregate": "sum",
                            "date_field": fields_["date"].id,
                            "company_field_id": fields_["company_id"].id,
                            "domain": repr([("indicator", "=", key)]),
                        },
                    }
                )
                if key in MONEY:
                    style = styles["money"]
                else:
                    style = styles[
                        {"sum": "count", "avg": "ratio", "rate": "rate"}[kind]
                    ]
                kpis.append(
                    {
                        "xml_id": f"{MODULE}.mis_kpi_{key}",
                        "values": {
                            "report_id": report.id,
                            "name": key,
                            "description": labels[key],
                            "expression": kpi_expression(query, kind),
                            "style_id": style.id,
                            "type": "num",
                            # Change in percent, as the observatory's dashboard.
                            "compare_method": "pct",
                            # A rate is not summed over columns.
                            "accumulation_method": "sum" if kind == "sum" else "none",
                            "sequence": sequence,
                        },
                    }
                )
        self.env["mis.report.query"]._load_records(queries, update=True)
        self.env["mis.report.kpi"]._load_records(kpis, update=True)
        return True
