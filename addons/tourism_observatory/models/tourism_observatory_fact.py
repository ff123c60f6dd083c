# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
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

    def _values(self, rows):
        """A VALUES list of (number, indicator, mission, value, weight) for a
        source row; ``rows`` maps an indicator to (value SQL, weight SQL)."""
        return SQL(", ").join(
            SQL(
                "(%s, %s, %s, (%s)::float8, (%s)::float8)",
                NUMBER[key],
                key,
                MISSION[key],
                value,
                weight,
            )
            for key, (value, weight) in rows.items()
        )

    def _local_date(self, column):
        return SQL("(timezone(%s, timezone('UTC', %s)))::date", LOCAL_TZ, column)

    def _query(self):
        zero = SQL("0")
        one = SQL("1")
        columns = SQL(
            "id, date, company_id, mission, indicator, bit_id, commune_id, "
            "category_id, country_id, state_id, theme_id, channel, value, weight"
        )
        welcome = SQL(
            """
            SELECT c.id * %(factor)s + v.number, %(date)s, c.company_id, v.mission,
                   v.indicator, c.bit_id, c.commune_id, NULL::int, c.country_id,
                   c.state_id, NULL::int, c.channel::varchar, v.value, v.weight
            FROM tourism_welcome_contact c
            CROSS JOIN LATERAL (VALUES %(values)s)
                AS v(number, indicator, mission, value, weight)
            """,
            factor=ID_FACTOR,
            date=self._local_date(SQL("c.date")),
            values=self._values(
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
                }
            ),
        )
        themes = SQL(
            """
            SELECT (c.id::bigint * 1000 + r.tourism_welcome_theme_id)
                       * %(factor)s + %(number)s,
                   %(date)s, c.company_id, %(mission)s, %(key)s, c.bit_id,
                   c.commune_id, NULL::int, c.country_id, c.state_id,
                   r.tourism_welcome_theme_id, c.channel::varchar, 1.0, 0.0
            FROM tourism_welcome_contact c
            JOIN tourism_welcome_contact_tourism_welcome_theme_rel r
                ON r.tourism_welcome_contact_id = c.id
            """,
            factor=ID_FACTOR,
            number=NUMBER["theme_requests"],
            mission="welcome",
            key="theme_requests",
            date=self._local_date(SQL("c.date")),
        )
        tax = SQL(
            """
            SELECT d.id * %(factor)s + v.number, d.date_from, d.company_id,
                   v.mission, v.indicator, NULL::int,
                   COALESCE(d.submitted_commune_id, l.commune_id),
                   d.submitted_category_id,
                   NULL::int, NULL::int, NULL::int, d.regime::varchar,
                   v.value, v.weight
            FROM tourism_tax_declaration d
            JOIN tourism_lodging l ON l.id = d.lodging_id
            CROSS JOIN LATERAL (VALUES %(values)s)
                AS v(number, indicator, mission, value, weight)
            WHERE d.state IN ('submitted', 'invoiced', 'paid')
            """,
            factor=ID_FACTOR,
            values=self._values(
                {
                    "nights": (SQL("d.person_nights"), zero),
                    "tax_due": (SQL("d.amount_total"), zero),
                }
            ),
        )
        # The shop: till lines that are not tickets sold under a mandate (those
        # are the organisers' money; the office earns their commission).
        shop = SQL(
            """
            SELECT l.id * %(factor)s + v.number, %(date)s, o.company_id,
                   v.mission, v.indicator, pc.tourism_bit_id, NULL::int, NULL::int,
                   NULL::int, NULL::int, NULL::int, NULL::varchar,
                   v.value, v.weight
            FROM pos_order_line l
            JOIN pos_order o ON o.id = l.order_id
            JOIN pos_session s ON s.id = o.session_id
            JOIN pos_config pc ON pc.id = s.config_id
            CROSS JOIN LATERAL (VALUES %(values)s)
                AS v(number, indicator, mission, value, weight)
            WHERE o.state IN ('paid', 'done', 'invoiced')
              AND l.tourism_mandate_id IS NULL
            """,
            factor=ID_FACTOR,
            date=self._local_date(SQL("o.date_order")),
            values=self._values(
                {
                    "shop_sales": (SQL("l.price_subtotal"), zero),
                    "shop_margin": (
                        SQL("l.price_subtotal - COALESCE(l.total_cost, 0)"),
                        zero,
                    ),
                }
            ),
        )
        tickets = SQL(
            """
            SELECT t.id * %(factor)s + v.number, %(date)s, t.company_id,
                   v.mission, v.indicator, t.bit_id, NULL::int, NULL::int,
                   NULL::int, NULL::int, NULL::int, t.channel::varchar,
                   v.value, v.weight
            FROM tourism_ticketing_sale_report t
            CROSS JOIN LATERAL (VALUES %(values)s)
                AS v(number, indicator, mission, value, weight)
            """,
            factor=ID_FACTOR,
            date=self._local_date(SQL("t.date")),
            values=self._values(
                {
                    "tickets": (SQL("t.quantity"), zero),
                    "ticket_amount": (SQL("t.amount"), zero),
                    "ticket_commission": (SQL("t.commission"), zero),
                }
            ),
        )
        groups = SQL(
            """
            SELECT so.id * %(factor)s + v.number, %(date)s, so.company_id,
                   v.mission, v.indicator, NULL::int, NULL::int, NULL::int,
                   NULL::int, NULL::int, NULL::int, so.state::varchar,
                   v.value, v.weight
            FROM sale_order so
            CROSS JOIN LATERAL (VALUES %(values)s)
                AS v(number, indicator, mission, value, weight)
            WHERE so.tourism_package_id IS NOT NULL AND so.state != 'cancel'
            """,
            factor=ID_FACTOR,
            date=self._local_date(SQL("so.date_order")),
            values=self._values(
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
                }
            ),
        )
        cards = SQL(
            """
            SELECT o.id * %(factor)s + v.number, %(date)s, o.company_id,
                   v.mission, v.indicator, pc.tourism_bit_id, NULL::int,
                   NULL::int, NULL::int, NULL::int, NULL::int, NULL::varchar,
                   v.value, v.weight
            FROM pos_order o
            JOIN pos_session s ON s.id = o.session_id
            JOIN pos_config pc ON pc.id = s.config_id
            CROSS JOIN LATERAL (VALUES %(values)s)
                AS v(number, indicator, mission, value, weight)
            WHERE o.state IN ('paid', 'done', 'invoiced')
              AND o.tourism_ambassador_card_id IS NOT NULL
            """,
            factor=ID_FACTOR,
            date=self._local_date(SQL("o.date_order")),
            values=self._values(
                {
                    "card_sales": (one, zero),
                    "card_discount": (
                        SQL("COALESCE(o.tourism_ambassador_discount, 0)"),
                        zero,
                    ),
                }
            ),
        )
        answered = SQL("CASE WHEN k.answered_date IS NULL THEN 0 ELSE 1 END")
        complaints = SQL(
            """
            SELECT k.id * %(factor)s + v.number, %(date)s, k.company_id,
                   v.mission, v.indicator, k.bit_id, NULL::int, NULL::int,
                   NULL::int, NULL::int, NULL::int, k.channel::varchar,
                   v.value, v.weight
            FROM tourism_complaint k
            CROSS JOIN LATERAL (VALUES %(values)s)
                AS v(number, indicator, mission, value, weight)
            """,
            factor=ID_FACTOR,
            date=self._local_date(SQL("k.date")),
            values=self._values(
                {
                    "complaints": (one, zero),
                    "complaints_on_time": (
                        SQL("CASE WHEN k.answered_on_time THEN 1 ELSE 0 END"),
                        answered,
                    ),
                    "answer_days": (SQL("COALESCE(k.answer_days, 0)"), answered),
                }
            ),
        )
        # Surveys: the company's counter and prestataire surveys. An answer is
        # "satisfied" when it is one of the first two choices of a
        # single-choice question (the surveys list them from the best down).
        surveys = SQL(
            """
            SELECT ui.id * %(factor)s + %(number)s, %(date)s, rc.id, %(mission)s,
                   %(key)s, NULL::int, NULL::int, NULL::int, NULL::int, NULL::int,
                   NULL::int, NULL::varchar, 1.0, 0.0
            FROM survey_user_input ui
            JOIN res_company rc ON ui.survey_id IN (
                rc.tourism_counter_survey_id, rc.tourism_provider_survey_id)
            WHERE ui.state = 'done'
            """,
            factor=ID_FACTOR,
            number=NUMBER["survey_responses"],
            mission="quality",
            key="survey_responses",
            date=self._local_date(SQL("COALESCE(ui.end_datetime, ui.create_date)")),
        )
        satisfied = SQL(
            """
            SELECT ul.id * %(factor)s + %(number)s, %(date)s, rc.id, %(mission)s,
                   %(key)s, NULL::int, NULL::int, NULL::int, NULL::int, NULL::int,
                   NULL::int, NULL::varchar,
                   CASE WHEN (
                       SELECT count(*) FROM survey_question_answer better
                       WHERE better.question_id = a.question_id
                         AND (better.sequence, better.id) < (a.sequence, a.id)
                   ) < 2 THEN 1.0 ELSE 0.0 END,
                   1.0
            FROM survey_user_input_line ul
            JOIN survey_user_input ui ON ui.id = ul.user_input_id
            JOIN survey_question_answer a ON a.id = ul.suggested_answer_id
            JOIN res_company rc ON ui.survey_id IN (
                rc.tourism_counter_survey_id, rc.tourism_provider_survey_id)
            WHERE ui.state = 'done' AND ul.answer_type = 'suggestion'
            """,
            factor=ID_FACTOR,
            number=NUMBER["survey_satisfied"],
            mission="quality",
            key="survey_satisfied",
            date=self._local_date(SQL("COALESCE(ui.end_datetime, ui.create_date)")),
        )
        union = SQL(" UNION ALL ").join(
            [welcome, themes, tax, shop, tickets, groups, cards, complaints]
            + [surveys, satisfied]
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
        in one grouped query."""
        groups = self._read_group(
            [
                ("date", ">=", date_from),
                ("date", "<=", date_to),
                ("company_id", "in", company_ids),
            ],
            groupby=["indicator", "date:month"],
            aggregates=["value:sum", "weight:sum"],
        )
        return {
            (indicator, month.year, month.month): (value or 0.0, weight or 0.0)
            for indicator, month, value, weight in groups
        }
