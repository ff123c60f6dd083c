# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models, tools
from odoo.tools import SQL

from ..tools.indicators import INDICATORS

INDICATOR_SELECTION = [
    ("contacts", "Visitor contacts"),
    ("visitors", "Visitors welcomed"),
    ("visitors_abroad", "Visitors from abroad"),
    ("theme_requests", "Themes asked about"),
    ("nights", "Taxable nights declared"),
    ("tax_due", "Tourist tax due"),
    ("shop_sales", "Shop sales excl. taxes"),
    ("shop_margin", "Shop margin"),
    ("tickets", "Tickets resold"),
    ("ticket_amount", "Ticket sales collected"),
    ("ticket_commission", "Ticket commissions"),
    ("group_quotes", "Group quotes"),
    ("group_confirmed", "Group trips confirmed"),
    ("group_margin", "Group margin"),
    ("card_sales", "Sales with an ambassador card"),
    ("card_discount", "Ambassador discounts granted"),
    ("complaints", "Complaints received"),
    ("complaints_on_time", "Complaints answered on time (%)"),
    ("answer_days", "Days to answer a complaint"),
    ("survey_responses", "Survey responses"),
    ("survey_satisfied", "Satisfied answers (%)"),
]
MISSION_SELECTION = [
    ("welcome", "Welcome"),
    ("tax", "Tourist tax"),
    ("shop", "Shop"),
    ("ticketing", "Ticketing"),
    ("group", "Groups"),
    ("card", "Ambassador card"),
    ("quality", "Quality"),
]
# A row's id: the source record's id times this, plus the indicator's number, so
# that the ids are stable and unique across the sources.
ID_FACTOR = 64
NUMBER = {indicator.key: number for number, indicator in enumerate(INDICATORS)}
MISSION = {indicator.key: indicator.mission for indicator in INDICATORS}
# Dates are grouped by month in the office's time zone (a contact at 00:30 on
# 1 August in Saint-Sever belongs to August).
LOCAL_TZ = "Europe/Paris"


class TourismObservatoryFact(models.Model):
    """Every figure the observatory reads, one row per source record and indicator.

    A read-only SQL view over what the other addons store: visitor contacts,
    tax declarations, till sales, ticket sales, group quotes, ambassador card sales,
    complaints and survey answers. The dashboard and the annual report read it with
    one grouped query; its pivot and graph views let the director drill down by
    information point, commune, tax category, origin or theme.
    """

    _name = "tourism.observatory.fact"
    _description = "Observatory Figure"
    _auto = False
    _order = "date desc"
    _rec_name = "indicator"

    date = fields.Date(readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    mission = fields.Selection(MISSION_SELECTION, readonly=True)
    indicator = fields.Selection(INDICATOR_SELECTION, readonly=True)
    bit_id = fields.Many2one("tourism.bit", string="Information Point", readonly=True)
    commune_id = fields.Many2one("tourism.commune", string="Commune", readonly=True)
    category_id = fields.Many2one(
        "tourism.tax.category", string="Tax Category", readonly=True
    )
    country_id = fields.Many2one("res.country", string="Country", readonly=True)
    state_id = fields.Many2one("res.country.state", string="Département", readonly=True)
    theme_id = fields.Many2one(
        "tourism.welcome.theme", string="Theme Asked About", readonly=True
    )
    channel = fields.Char(readonly=True)
    value = fields.Float(readonly=True, digits=(16, 2))
    weight = fields.Float(
        readonly=True,
        help="What a rate or an average is divided by (answered complaints, "
        "answers); zero for the plain sums.",
    )

    _depends = {
        "tourism.welcome.contact": [
            "date",
            "bit_id",
            "company_id",
            "people",
            "country_id",
            "state_id",
            "commune_id",
            "origin_scope",
            "channel",
            "theme_ids",
        ],
        "tourism.tax.declaration": [
            "date_from",
            "company_id",
            "state",
            "person_nights",
            "amount_total",
            "lodging_id",
            "submitted_commune_id",
            "submitted_category_id",
            "regime",
            "ex_officio",
            "is_zero",
        ],
        "tourism.tax.stay": [
            "declaration_id",
            "arrival",
            "commune_id",
            "taxable_person_nights",
            "amount_total",
        ],
        "pos.order": [
            "date_order",
            "company_id",
            "state",
            "session_id",
            "tourism_ambassador_card_id",
            "tourism_ambassador_discount",
        ],
        "pos.order.line": [
            "order_id",
            "price_subtotal",
            "total_cost",
            "tourism_mandate_id",
        ],
        "sale.order": [
            "date_order",
            "company_id",
            "state",
            "tourism_package_id",
            "tourism_margin",
        ],
        "tourism.complaint": [
            "date",
            "company_id",
            "bit_id",
            "answered_date",
            "answered_on_time",
            "answer_days",
        ],
        "survey.user_input": ["survey_id", "state", "end_datetime"],
        "survey.user_input.line": ["user_input_id", "suggested_answer_id"],
    }

    # ------------------------------------------------------------ sources
    def _sources(self):
        """What the observatory reads, defined once for the view (one row per
        record and indicator) and for the dashboard's monthly sums.

        Each source: FROM (with its alias), WHERE, the record's id, the raw
        timestamp or date (indexed: it bounds the scan), its local date, the
        company, the view's dimensions, and {indicator: (value SQL, weight SQL)}.
        """
        zero, one = SQL("0"), SQL("1")
        null = SQL("NULL::int")
        paid = SQL("o.state IN ('paid', 'done', 'invoiced')")
        till = SQL(
            "pos_order o JOIN pos_session s ON s.id = o.session_id "
            "JOIN pos_config pc ON pc.id = s.config_id"
        )
        answered = SQL("CASE WHEN k.answered_date IS NULL THEN 0 ELSE 1 END")
        survey_company = SQL(
            "JOIN res_company rc ON ui.survey_id IN "
            "(rc.tourism_counter_survey_id, rc.tourism_provider_survey_id)"
        )
        survey_moment = SQL("COALESCE(ui.end_datetime, ui.create_date)")

        null_char = SQL("NULL::varchar")

        def dims(
            bit=null,
            commune=null,
            category=null,
            country=null,
            state=null,
            theme=null,
            channel=null_char,
        ):
            return [bit, commune, category, country, state, theme, channel]

        def source(
            from_, where, record_id, moment, company, dims_, rows, is_date=False
        ):
            return {
                "from": from_,
                "where": where or SQL("TRUE"),
                "id": record_id,
                "moment": moment,
                "date": moment if is_date else self._local_date(moment),
                "company": company,
                "dims": dims_,
                "rows": rows,
            }

        contact_dims = dims(
            SQL("c.bit_id"),
            SQL("c.commune_id"),
            country=SQL("c.country_id"),
            state=SQL("c.state_id"),
            channel=SQL("c.channel::varchar"),
        )
        declared = SQL("d.state IN ('submitted', 'invoiced', 'paid')")
        # The declarations whose amount is not the sum of their stays' (see
        # tourism.tax.declaration._compute_amounts).
        no_stays = SQL(
            "COALESCE(d.regime = 'flat' OR d.ex_officio OR d.is_zero, FALSE)"
        )

        def tax_dims(commune):
            return dims(
                commune=commune,
                category=SQL("d.submitted_category_id"),
                channel=SQL("d.regime::varchar"),
            )

        return [
            source(
                SQL("tourism_welcome_contact c"),
                None,
                SQL("c.id::bigint"),
                SQL("c.date"),
                SQL("c.company_id"),
                contact_dims,
                {
                    "contacts": (one, zero),
                    "visitors": (SQL("c.people"), zero),
                    "visitors_abroad": (
                        SQL(
                            "CASE WHEN c.origin_scope = 'abroad' "
                            "THEN c.people ELSE 0 END"
                        ),
                        zero,
                    ),
                },
            ),
            source(
                SQL(
                    "tourism_welcome_contact c "
                    "JOIN tourism_welcome_contact_tourism_welcome_theme_rel r "
                    "ON r.tourism_welcome_contact_id = c.id"
                ),
                None,
                SQL("c.id::bigint * 1000 + r.tourism_welcome_theme_id"),
                SQL("c.date"),
                SQL("c.company_id"),
                contact_dims[:5]
                + [SQL("r.tourism_welcome_theme_id")]
                + contact_dims[6:],
                {"theme_requests": (one, zero)},
            ),
            # Nights and tax count in the month they were spent: the stays of the
            # declarations au réel, each in the month of its arrival (a stay is not
            # split by month: one across the 31st counts whole in its first month).
            # Their stored amounts are the declaration's (frozen with it once
            # submitted). Ids even, the declarations' below odd.
            source(
                SQL(
                    "tourism_tax_stay s JOIN tourism_tax_declaration d "
                    "ON d.id = s.declaration_id"
                ),
                SQL("%s AND NOT %s", declared, no_stays),
                SQL("s.id::bigint * 2"),
                SQL("s.arrival"),
                SQL("d.company_id"),
                tax_dims(SQL("s.commune_id")),
                {
                    "nights": (SQL("s.taxable_person_nights"), zero),
                    "tax_due": (SQL("s.amount_total"), zero),
                },
                is_date=True,
            ),
            # A declaration without stays (au forfait, taxation d'office, nothing
            # to declare) counts in the month its period starts.
            source(
                SQL(
                    "tourism_tax_declaration d JOIN tourism_lodging l "
                    "ON l.id = d.lodging_id"
                ),
                SQL("%s AND %s", declared, no_stays),
                SQL("d.id::bigint * 2 + 1"),
                SQL("d.date_from"),
                SQL("d.company_id"),
                tax_dims(SQL("COALESCE(d.submitted_commune_id, l.commune_id)")),
                {
                    "nights": (SQL("d.person_nights"), zero),
                    "tax_due": (SQL("d.amount_total"), zero),
                },
                is_date=True,
            ),
            # The shop: till lines that are not tickets sold under a mandate
            # (those are the organisers' money; the office earns a commission).
            source(
                SQL("pos_order_line ol JOIN %s ON o.id = ol.order_id", till),
                SQL("%s AND ol.tourism_mandate_id IS NULL", paid),
                SQL("ol.id::bigint"),
                SQL("o.date_order"),
                SQL("o.company_id"),
                dims(SQL("pc.tourism_bit_id")),
                {
                    "shop_sales": (SQL("ol.price_subtotal"), zero),
                    "shop_margin": (
                        SQL("ol.price_subtotal - COALESCE(ol.total_cost, 0)"),
                        zero,
                    ),
                },
            ),
            source(
                SQL("tourism_ticketing_sale_report t"),
                None,
                SQL("t.id::bigint"),
                SQL("t.date"),
                SQL("t.company_id"),
                dims(SQL("t.bit_id"), channel=SQL("t.channel::varchar")),
                {
                    "tickets": (SQL("t.quantity"), zero),
                    "ticket_amount": (SQL("t.amount"), zero),
                    "ticket_commission": (SQL("t.commission"), zero),
                },
            ),
            source(
                SQL("sale_order so"),
                SQL("so.tourism_package_id IS NOT NULL AND so.state != 'cancel'"),
                SQL("so.id::bigint"),
                SQL("so.date_order"),
                SQL("so.company_id"),
                dims(channel=SQL("so.state::varchar")),
                {
                    "group_quotes": (one, zero),
                    "group_confirmed": (
                        SQL("CASE WHEN so.state = 'sale' THEN 1 ELSE 0 END"),
                        zero,
                    ),
                    "group_margin": (
                        SQL(
                            "CASE WHEN so.state = 'sale' "
                            "THEN COALESCE(so.tourism_margin, 0) ELSE 0 END"
                        ),
                        zero,
                    ),
                },
            ),
            source(
                till,
                SQL("%s AND o.tourism_ambassador_card_id IS NOT NULL", paid),
                SQL("o.id::bigint"),
                SQL("o.date_order"),
                SQL("o.company_id"),
                dims(SQL("pc.tourism_bit_id")),
                {
                    "card_sales": (one, zero),
                    "card_discount": (
                        SQL("COALESCE(o.tourism_ambassador_discount, 0)"),
                        zero,
                    ),
                },
            ),
            source(
                SQL("tourism_complaint k"),
                None,
                SQL("k.id::bigint"),
                SQL("k.date"),
                SQL("k.company_id"),
                dims(SQL("k.bit_id"), channel=SQL("k.channel::varchar")),
                {
                    "complaints": (one, zero),
                    "complaints_on_time": (
                        SQL("CASE WHEN k.answered_on_time THEN 1 ELSE 0 END"),
                        answered,
                    ),
                    "answer_days": (SQL("COALESCE(k.answer_days, 0)"), answered),
                },
            ),
            # Surveys: the company's counter and prestataire surveys.
            source(
                SQL("survey_user_input ui %s", survey_company),
                SQL("ui.state = 'done'"),
                SQL("ui.id::bigint"),
                survey_moment,
                SQL("rc.id"),
                dims(),
                {"survey_responses": (one, zero)},
            ),
            # An answer is "satisfied" when it is one of the first two choices of
            # a single-choice question (the surveys list them from the best down).
            source(
                SQL(
                    "survey_user_input_line ul "
                    "JOIN survey_user_input ui ON ui.id = ul.user_input_id "
                    "JOIN survey_question_answer a ON a.id = ul.suggested_answer_id "
                    "%s",
                    survey_company,
                ),
                SQL("ui.state = 'done' AND ul.answer_type = 'suggestion'"),
                SQL("ul.id::bigint"),
                survey_moment,
                SQL("rc.id"),
                dims(),
                {
                    "survey_satisfied": (
                        SQL(
                            "CASE WHEN (SELECT count(*) FROM survey_question_answer b "
                            "WHERE b.question_id = a.question_id AND "
                            "(b.sequence, b.id) < (a.sequence, a.id)) < 2 "
                            "THEN 1 ELSE 0 END"
                        ),
                        one,
                    ),
                },
            ),
        ]

    def _values(self, rows, source_alias=None):
        """A VALUES list of (number, indicator, mission, value, weight); with
        ``source_alias``, the values are the summed columns of that alias."""
        return SQL(", ").join(
            SQL(
                "(%s, %s, %s, (%s)::float8, (%s)::float8)",
                NUMBER[key],
                key,
                MISSION[key],
                SQL.identifier(source_alias, f"v{index}") if source_alias else value,
                SQL.identifier(source_alias, f"w{index}") if source_alias else weight,
            )
            for index, (key, (value, weight)) in enumerate(rows.items())
        )

    def _local_date(self, column):
        return SQL("(timezone(%s, timezone('UTC', %s)))::date", LOCAL_TZ, column)

    def _query(self):
        columns = SQL(
            "id, date, company_id, mission, indicator, bit_id, commune_id, "
            "category_id, country_id, state_id, theme_id, channel, value, weight"
        )
        union = SQL(" UNION ALL ").join(
            SQL(
                "SELECT (%(id)s) * %(factor)s + v.number, %(date)s, %(company)s, "
                "v.mission, v.indicator, %(dims)s, v.value, v.weight "
                "FROM %(from)s CROSS JOIN LATERAL (VALUES %(values)s) "
                "AS v(number, indicator, mission, value, weight) WHERE %(where)s",
                id=source["id"],
                factor=ID_FACTOR,
                date=source["date"],
                company=source["company"],
                dims=SQL(", ").join(source["dims"]),
                values=self._values(source["rows"]),
                where=source["where"],
                **{"from": source["from"]},
            )
            for source in self._sources()
        )
        return SQL("SELECT %s FROM (%s) AS f(%s)", columns, union, columns)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s)",
                SQL.identifier(self._table),
                self._query(),
            )
        )

    @api.model
    def _monthly(self, date_from, date_to, company_ids):
        """{(indicator, year, month): (value sum, weight sum)} between two dates,
        in one query.

        Summed per source and month before being spread into indicators: each
        source is read once, within the dates (its timestamp index bounds the
        scan), instead of once per indicator through the view. The same
        definitions as the view (_sources); the company filter of its record rule
        is applied here.
        """
        self.check_access("read")
        company_ids = self.env["res.company"].browse(company_ids)
        company_ids = (company_ids & self.env.companies).ids or [0]
        parts = []
        for source in self._sources():
            rows = source["rows"]
            sums = SQL(", ").join(
                SQL("sum(%s) AS v%s, sum(%s) AS w%s", value, index, weight, index)
                for index, (value, weight) in enumerate(rows.values())
            )
            parts.append(
                SQL(
                    "SELECT v.indicator, a.month, v.value, v.weight FROM ("
                    "SELECT date_trunc('month', %(date)s)::date AS month, %(sums)s "
                    "FROM %(from)s WHERE %(where)s AND %(company)s IN %(companies)s "
                    "AND %(moment)s >= %(low)s AND %(moment)s < %(high)s "
                    "GROUP BY 1) AS a CROSS JOIN LATERAL (VALUES %(values)s) "
                    "AS v(number, indicator, mission, value, weight)",
                    date=source["date"],
                    sums=sums,
                    where=source["where"],
                    company=source["company"],
                    companies=tuple(company_ids),
                    moment=source["moment"],
                    # A day's margin either side for the time zone.
                    low=date_from - timedelta(days=1),
                    high=date_to + timedelta(days=2),
                    values=self._values(rows, source_alias="a"),
                    **{"from": source["from"]},
                )
            )
        self.env.cr.execute(SQL(" UNION ALL ").join(parts))
        # The day's margin brings partial months just outside the dates: dropped.
        # Two sources may give the same indicator and month (a month's stays and a
        # declaration with nothing to declare starting that month): added up.
        first = date_from.replace(day=1)
        monthly = {}
        for indicator, month, value, weight in self.env.cr.fetchall():
            if first <= month <= date_to:
                key = (indicator, month.year, month.month)
                sums = monthly.get(key, (0.0, 0.0))
                monthly[key] = (sums[0] + (value or 0.0), sums[1] + (weight or 0.0))
        return monthly
