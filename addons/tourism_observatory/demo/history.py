# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Demo only: a deterministic history of the office's years for the observatory.

Called once from the demo data (``demo/tourism_observatory_demo.xml``). Two full
years before the current one and the current year up to yesterday: counter
contacts at the four BITs with the summer peak and the pilgrims of the Chemins de
Saint-Jacques, complaints with their answers, group trips, declarations, survey
answers, and the shop's and the ticket desk's sales at the tills. Fixed seed: the
same figures on every install of the same day.
"""

import logging
import random
from datetime import date, datetime, time, timedelta

import pytz

from odoo import Command, fields
from odoo.exceptions import UserError, ValidationError

_logger = logging.getLogger(__name__)

# Contacts per open day at each point, before the season's factor.
PER_DAY = {"saint_sever": 4.0, "hagetmau": 2.5, "geaune": 1.5, "samadet": 5.0}
# July and August bring three times the visitors of a winter month.
SEASON = {1: 0.4, 2: 0.5, 3: 0.7, 4: 1.0, 5: 1.2, 6: 1.4, 7: 2.8, 8: 3.0}
SEASON.update({9: 1.4, 10: 0.9, 11: 0.5, 12: 0.5})
# Pilgrims walk the voie de Vézelay (Saint-Sever, Hagetmau) from April to October.
PILGRIM_MONTHS = range(4, 11)
THEMES = (
    "accommodation",
    "food",
    "leisure",
    "heritage",
    "events",
    "hiking",
    "practical",
    "shop",
)
DEPARTEMENTS = ("33", "64", "31", "75", "40", "47", "32", "44", "69")
COMMUNES = ("40282", "40119", "40110", "40286", "40226")


def generate(env, years=2, seed=2016):
    """Create the history; returns the number of contacts created."""
    rng = random.Random(seed)
    today = fields.Date.context_today(env["tourism.welcome.contact"])
    start = date(today.year - years, 1, 1)
    contacts = _contacts(env, rng, start, today)
    _complaints(env, rng, start, today)
    _group_trips(env, rng, start, today)
    _declarations(env, rng, start, today)
    _surveys(env, rng, start, today)
    _till_sales(env, rng, start, today)
    return contacts


def _contacts(env, rng, start, today):
    ref = env.ref
    points = {code: ref(f"tourism_base.bit_{code}") for code in PER_DAY}
    themes = [ref(f"tourism_welcome.theme_{key}").id for key in THEMES]
    theme = dict(zip(THEMES, themes, strict=True))
    states = [ref(f"tourism_welcome.state_fr_{code}").id for code in DEPARTEMENTS]
    communes = [ref(f"tourism_base.commune_{code}").id for code in COMMUNES]
    france = ref("base.fr").id
    spain, belgium = ref("base.es").id, ref("base.be").id
    abroad = [
        (ref("base.uk").id, "en"),
        (ref("base.nl").id, "nl"),
        (ref("base.de").id, "de"),
        (ref("base.ch").id, "fr"),
    ]
    user = ref("base.user_admin").id
    tz = pytz.timezone("Europe/Paris")
    vals_list = []
    day = start
    while day < today:
        month = day.month
        for code, bit in points.items():
            if code == "samadet" and month not in (7, 8):
                continue  # a summer point
            if day.weekday() == 6 and month not in (7, 8):
                continue  # closed on Sundays out of season
            expected = PER_DAY[code] * SEASON[month]
            # A little growth each year, so that N against N-1 tells something.
            expected *= 1.0 + 0.06 * (day.year - start.year)
            count = int(expected) + (rng.random() < expected - int(expected))
            for _i in range(count):
                moment = datetime.combine(day, time(9, 30)) + timedelta(
                    minutes=rng.randint(0, 510)
                )
                vals = {
                    "bit_id": bit.id,
                    "user_id": user,
                    "date": tz.localize(moment)
                    .astimezone(pytz.utc)
                    .replace(tzinfo=None),
                    "channel": rng.choices(
                        ["counter", "phone", "email", "social", "outside", "fair"],
                        [70, 14, 9, 4, 2, 1],
                    )[0],
                    "people": rng.choices([1, 2, 3, 4, 6], [35, 40, 10, 10, 5])[0],
                    "theme_ids": [
                        Command.set(rng.sample(themes, rng.choice([1, 1, 2, 3])))
                    ],
                }
                roll = rng.random()
                pilgrims = month in PILGRIM_MONTHS and code in (
                    "saint_sever",
                    "hagetmau",
                )
                if roll < 0.15:
                    vals.update(
                        visitor_type="resident", commune_id=rng.choice(communes)
                    )
                elif pilgrims and roll < 0.33:
                    # Spanish and Belgian pilgrims of the Chemins de Saint-Jacques.
                    country, lang = rng.choice(
                        [(spain, "es"), (belgium, "nl"), (belgium, "fr")]
                    )
                    vals.update(
                        visitor_type="stay",
                        country_id=country,
                        lang=lang,
                        people=rng.choice([1, 1, 2]),
                        theme_ids=[
                            Command.set([theme["hiking"], theme["accommodation"]])
                        ],
                    )
                elif roll < 0.42:
                    country, lang = rng.choice(abroad)
                    vals.update(visitor_type="stay", country_id=country, lang=lang)
                else:
                    vals.update(
                        visitor_type=rng.choice(["stay", "stay", "day"]),
                        country_id=france,
                        state_id=rng.choice(states),
                    )
                vals_list.append(vals)
        day += timedelta(days=1)
    env["tourism.welcome.contact"].create(vals_list)
    return len(vals_list)


def _complaints(env, rng, start, today):
    ref = env.ref
    themes = env["tourism.complaint.theme"].search([])
    points = [ref(f"tourism_base.bit_{code}") for code in PER_DAY]
    providers = env["res.partner"].search(
        [("is_tourism_provider", "=", True)], limit=8, order="id"
    )
    complainant = ref("tourism_quality.res_partner_complainant_1")
    texts = (
        "Les horaires affichés ne correspondaient pas à l'ouverture réelle.",
        "Chambre bruyante et petit-déjeuner servi froid.",
        "Balisage du sentier absent après le pont.",
        "Tarif de la visite différent de celui de la brochure.",
        "Accueil très aimable, mais file d'attente trop longue en août.",
    )
    Complaint = env["tourism.complaint"]
    day = start + timedelta(days=rng.randint(3, 15))
    vals_list, answers = [], []
    while day < today - timedelta(days=30):
        about_provider = providers and rng.random() < 0.4
        received = datetime.combine(day, time(10, 0))
        vals_list.append(
            {
                "date": received,
                "channel": rng.choice(["counter", "email", "phone", "review", "web"]),
                "partner_id": complainant.id,
                "subject_type": "provider" if about_provider else "office",
                "provider_id": rng.choice(providers).id if about_provider else False,
                "bit_id": rng.choice(points).id,
                "theme_id": rng.choice(themes).id if themes else False,
                "description": f"<p>{rng.choice(texts)}</p>",
                "state": "closed",
            }
        )
        # Most are answered within the fortnight the office commits to.
        delay = rng.choice([2, 3, 5, 7, 8, 10, 12, 14, 20, 25])
        answers.append(received + timedelta(days=delay))
        day += timedelta(days=rng.randint(6, 16))
    complaints = Complaint.create(vals_list)
    for complaint, answered in zip(complaints, answers, strict=True):
        complaint.write(
            {
                "acknowledged_date": complaint.date + timedelta(hours=3),
                "answered_date": answered,
                "closed_date": answered + timedelta(days=1),
            }
        )


def _group_trips(env, rng, start, today):
    """A few group trips a year, copied from the demo's packages' quotes."""
    orders = env["sale.order"].search([("tourism_package_id", "!=", False)], order="id")
    if not orders:
        return
    day = start + timedelta(days=20)
    while day < today - timedelta(days=10):
        model = rng.choice(orders)
        paying = rng.randint(20, 45)
        order = model.copy(
            {
                "date_order": datetime.combine(day, time(11, 0)),
                "tourism_trip_date": day + timedelta(days=rng.randint(30, 90)),
                "tourism_paying": paying,
            }
        )
        if rng.random() < 0.65:
            order.action_confirm()
            order.date_order = datetime.combine(day, time(11, 0))
        day += timedelta(days=rng.randint(25, 50))


def _declarations(env, rng, start, today):
    """Every demo lodging declares each past collection period: the stays of each
    month (more in summer), or the forfait. The years before the demo's first
    deliberation get a copy of it, adopted the June before."""
    Deliberation = env["tourism.tax.deliberation"]
    first = env.ref("tourism_tax.deliberation_chalosse_tursan_2026")
    for year in range(start.year, first.year):
        if not Deliberation.search_count(
            [("epci_id", "=", first.epci_id.id), ("year", "=", year)]
        ):
            copy = first.copy(
                {
                    "year": year,
                    "reference": f"DEL-{year - 1}-042",
                    "date_adopted": date(year - 1, 6, 24),
                    "period_ids": [],
                }
            )
            copy.action_generate_periods()
            copy.action_adopt()
    periods = env["tourism.tax.period"].search(
        [
            ("deliberation_id.epci_id", "=", first.epci_id.id),
            ("deliberation_id.state", "=", "adopted"),
            ("date_from", ">=", start),
            ("date_to", "<", today),
        ],
        order="date_from",
    )
    Declaration = env["tourism.tax.declaration"]
    lodgings = env["tourism.lodging"].search(
        [("commune_id.epci_id", "=", first.epci_id.id)], order="id"
    )
    declared = {
        (d.lodging_id.id, d.period_id.id)
        for d in Declaration.search([("period_id", "in", periods.ids)])
    }
    for period in periods:
        for lodging in lodgings:
            if (lodging.id, period.id) in declared:
                continue
            try:
                with env.cr.savepoint():
                    declaration = Declaration.create(
                        {"lodging_id": lodging.id, "period_id": period.id}
                    )
                    if declaration.regime == "real":
                        declaration.stay_ids = _stays(rng, lodging, period)
                    declaration.action_submit()
            except (UserError, ValidationError) as error:
                # A lodging the rules refuse for a period (closed, not yet open):
                # the demo goes on without that declaration.
                _logger.info("Demo history: %s not declared: %s", lodging.name, error)


def _stays(rng, lodging, period):
    stays = []
    day = period.date_from
    while day <= period.date_to:
        month_start = day.replace(day=1)
        per_month = max(
            1, round(min(lodging.capacity or 4, 12) * SEASON[day.month] / 3)
        )
        for _i in range(per_month):
            arrival = month_start + timedelta(days=rng.randint(0, 24))
            nights = rng.choice([1, 1, 2, 2, 3, 5, 7])
            departure = min(
                arrival + timedelta(days=nights), period.date_to + timedelta(days=1)
            )
            if departure <= arrival:
                continue
            persons = rng.choice([1, 2, 2, 2, 3, 4])
            stays.append(
                Command.create(
                    {
                        "arrival": arrival,
                        "departure": departure,
                        "persons": persons,
                        "exempt_minors": rng.choice([0, 0, 0, 1]) if persons > 2 else 0,
                        "price_per_night": rng.choice([55.0, 70.0, 90.0]),
                    }
                )
            )
        # The next month.
        day = (month_start + timedelta(days=32)).replace(day=1)
    return stays


def _surveys(env, rng, start, today):
    """Visitors answer the counter survey (by QR code) every month, more in
    summer; most are satisfied."""
    survey = env.company.tourism_counter_survey_id
    questions = survey.question_ids.filtered(
        lambda q: q.question_type == "simple_choice"
    )
    if not questions:
        return
    vals_list = []
    month = start
    while month < today.replace(day=1):
        for _i in range(round(3 * SEASON[month.month])):
            when = datetime.combine(
                month + timedelta(days=rng.randint(0, 27)), time(12, 0)
            )
            vals_list.append(
                {
                    "survey_id": survey.id,
                    "state": "done",
                    "start_datetime": when,
                    "end_datetime": when + timedelta(minutes=2),
                    "user_input_line_ids": [
                        Command.create(
                            {
                                "survey_id": survey.id,
                                "question_id": question.id,
                                "answer_type": "suggestion",
                                "suggested_answer_id": rng.choices(
                                    answers := question.suggested_answer_ids.sorted(
                                        "sequence"
                                    ),
                                    ([50, 35, 10, 5] + [5] * len(answers))[
                                        : len(answers)
                                    ],
                                )[0].id,
                            }
                        )
                        for question in questions
                    ],
                }
            )
        month = (month + timedelta(days=32)).replace(day=1)
    env["survey.user_input"].create(vals_list)


# Till orders per open day at each point, before the season's factor: a modest
# history (about 1,300 orders in all, each synced and chained as at the till,
# some 0.1 to 0.2 s apiece), the baskets a little fuller than the average.
ORDERS_PER_DAY = {"saint_sever": 0.4, "hagetmau": 0.25, "geaune": 0.12, "samadet": 0.6}
# Open-dated site tickets resold for partners under their mandates.
SITE_TICKETS = (
    "tourism_ticketing.product_billet_musee_jacobins",
    "tourism_ticketing.product_degustation_tursan",
)
SITE_MANDATES = (
    "tourism_ticketing.mandate_musee_des_jacobins",
    "tourism_ticketing.mandate_cave_du_tursan",
)


def _till_sales(env, rng, start, today):
    """The shop's and the ticket desk's sales at the points' tills, through the
    tills' own flow: a session a month per till, opened, its orders synced as the
    POS sends them (paid by card), counted and closed.

    Why it holds:
    - l10n_fr_pos_cert chains the orders of the company in the order they are
      paid (secure sequence number and hash), whatever their date. The history is
      written in date order, and only while the chain holds no real sale yet (a
      past written after present sales would chain yesterday after today): the
      chain's order is then the orders' order in time. Nothing is rewritten once
      paid; the dates are the orders' own, hashed with them.
    - The session's opening and closing times are the month's: the session is
      created and opened by Odoo (its régie's opening cash rule runs), then dated;
      stop_at is kept by the closing (point_of_sale reads it when set). Odoo dates
      the journal entries of a closing, and its stock moves, on the day it runs:
      the history's entries are dated on the install day. The observatory reads
      the orders' dates, amounts and costs.
    - Paid by card: cash would pile up in the régie's till without the
      régisseur's versements to the comptable (an act of the régisseur, not
      generated here), and the counted cash of each closing is the expected one.
    - The shop's stock: the points received what they sold (a receipt before
      the sales), so their stock ends where the other demos left it.
    - Tickets: the site conventions run since the start of the history (their
      start date is moved back), and each period of their settlement frequency
      that has ended is settled with the organiser (prepared as the scheduled
      action does, and validated), so that no ended period is left to settle.
    """
    company = env.company
    Order = env["pos.order"]
    if Order.search_count(
        [("company_id", "=", company.id), ("l10n_fr_hash", "!=", False)], limit=1
    ):
        _logger.info("Demo history: the till chain already holds sales; no history.")
        return
    ref = env.ref
    configs = {
        code: ref(f"tourism_pos.pos_config_bit_{code}", raise_if_not_found=False)
        for code in ORDERS_PER_DAY
    }
    shop_category = ref(
        "tourism_ambassador_card.product_category_shop", raise_if_not_found=False
    )
    if not all(configs.values()) or not shop_category:
        return
    shop = env["product.product"].search(
        [
            ("categ_id", "child_of", shop_category.id),
            ("available_in_pos", "=", True),
            ("tourism_third_party_sale", "=", False),
        ],
        order="id",
    )
    tickets = env["product.product"].browse(
        [ref(xmlid).product_variant_id.id for xmlid in SITE_TICKETS]
    )
    mandates = env["tourism.ticketing.mandate"].browse(
        [ref(xmlid).id for xmlid in SITE_MANDATES]
    )
    for mandate in mandates.filtered(lambda m: m.date_start > start):
        mandate.date_start = start
    user = ref("base.user_admin")
    # What the tills sold, month by month: {first day: [(moment, code, lines)]}.
    months = {}
    day = start
    while day < today:
        month = day.month
        for code in ORDERS_PER_DAY:
            if code == "samadet" and month not in (7, 8):
                continue
            if day.weekday() == 6 and month not in (7, 8):
                continue
            expected = ORDERS_PER_DAY[code] * SEASON[month]
            expected *= 1.0 + 0.06 * (day.year - start.year)
            count = int(expected) + (rng.random() < expected - int(expected))
            for _i in range(count):
                moment = datetime.combine(day, time(9, 45)) + timedelta(
                    minutes=rng.randint(0, 480)
                )
                if rng.random() < 0.3:
                    # Site tickets: one per visitor of the party.
                    lines = [(rng.choice(tickets), rng.choice([1, 2, 2, 3, 4, 6]))]
                else:
                    lines = [
                        (product, rng.choice([1, 1, 2, 3]))
                        for product in rng.sample(list(shop), rng.choice([1, 2, 2, 3]))
                    ]
                months.setdefault(day.replace(day=1), []).append((moment, code, lines))
        day += timedelta(days=1)
    _stock_for(env, configs, months)
    for first in sorted(months):
        _settle(mandates, first)
        _month(env, configs, user, sorted(months[first], key=lambda s: s[0]))
    _settle(mandates, today)


def _stock_for(env, configs, months):
    """Each point first receives from the suppliers what the history sells there
    (a receipt validated as the stock clerk does): its stock ends where the other
    demos left it, and the counts they left in progress are untouched."""
    sold = {}
    for sales in months.values():
        for _moment, code, lines in sales:
            for product, qty in lines:
                if product.is_storable:
                    point = sold.setdefault(code, {})
                    point[product] = point.get(product, 0) + qty
    supplier = env.ref("stock.stock_location_suppliers")
    for code, products in sorted(sold.items()):
        warehouse = configs[code].picking_type_id.warehouse_id
        stock = warehouse.lot_stock_id
        picking = env["stock.picking"].create(
            {
                "picking_type_id": warehouse.in_type_id.id,
                "location_id": supplier.id,
                "location_dest_id": stock.id,
                "move_ids": [
                    Command.create(
                        {
                            "name": product.display_name,
                            "product_id": product.id,
                            "product_uom": product.uom_id.id,
                            "product_uom_qty": qty,
                            "location_id": supplier.id,
                            "location_dest_id": stock.id,
                        }
                    )
                    for product, qty in sorted(
                        products.items(), key=lambda item: item[0].id
                    )
                ],
            }
        )
        picking.action_confirm()
        for move in picking.move_ids:
            move.quantity = move.product_uom_qty
        picking.move_ids.picked = True
        picking.button_validate()


def _month(env, configs, user, sales):
    """One month of the tills: each opens, the orders are synced in the order they
    were paid (the chain follows time), each till is counted and closed."""
    tz = pytz.timezone("Europe/Paris")

    def utc(moment):
        return tz.localize(moment).astimezone(pytz.utc).replace(tzinfo=None)

    sessions = {}
    for code in sorted({code for _moment, code, _lines in sales}):
        config = configs[code]
        moments = [moment for moment, c, _lines in sales if c == code]
        session = env["pos.session"].create(
            {"config_id": config.id, "user_id": user.id}
        )
        session.set_opening_control(session.cash_register_balance_start, "")
        session.write(
            {
                "start_at": utc(moments[0] - timedelta(minutes=15)),
                "stop_at": utc(moments[-1] + timedelta(minutes=15)),
                # Odoo's own option: the stock leaves at the closing, in one
                # picking a session rather than one an order (nine tenths of
                # the time an order takes otherwise); the same quantities and costs.
                "update_stock_at_closing": True,
            }
        )
        sessions[code] = session
    orders = []
    for number, (moment, code, lines) in enumerate(sales, start=1):
        session = sessions[code]
        config = session.config_id
        currency = config.currency_id
        card = config.payment_method_ids.filtered(
            lambda m: m.tourism_payment_nature == "card"
        )[:1]
        line_vals, total, untaxed = [], 0.0, 0.0
        for product, qty in lines:
            taxes = product.taxes_id.filtered(
                lambda t, c=config.company_id: t.company_id == c
            )
            price = product.lst_price
            amounts = taxes.compute_all(price, currency, qty, product=product)
            line_vals.append(
                Command.create(
                    {
                        "product_id": product.id,
                        "qty": qty,
                        "price_unit": price,
                        "price_subtotal": amounts["total_excluded"],
                        "price_subtotal_incl": amounts["total_included"],
                        "tax_ids": [Command.set(taxes.ids)],
                    }
                )
            )
            total += amounts["total_included"]
            untaxed += amounts["total_excluded"]
        total = currency.round(total)
        when = fields.Datetime.to_string(utc(moment))
        orders.append(
            {
                "uuid": f"history-{session.id:05d}-{number:04d}",
                "name": f"Order {session.id:05d}-{config.id:03d}-{number:04d}",
                "session_id": session.id,
                "sequence_number": number,
                "date_order": when,
                "user_id": user.id,
                "pricelist_id": config.pricelist_id.id,
                "amount_total": total,
                "amount_tax": currency.round(total - untaxed),
                "amount_paid": total,
                "amount_return": 0.0,
                "lines": line_vals,
                "payment_ids": [
                    Command.create(
                        {
                            "amount": total,
                            "payment_date": when,
                            "payment_method_id": card.id,
                        }
                    )
                ],
                "to_invoice": False,
                "last_order_preparation_change": "{}",
            }
        )
    env["pos.order"].sync_from_ui(orders)
    for session in sessions.values():
        session.post_closing_cash_details(session.cash_register_balance_end)
        result = session.close_session_from_ui()
        if not result.get("successful"):
            raise UserError(result.get("message") or session.name)


def _settle(mandates, day):
    """Each organiser's settlement of its mandate's latest period ended before
    ``day`` (its own frequency), validated, as the scheduled action prepares it
    and the office validates it."""
    Settlement = mandates.env["tourism.ticketing.settlement"]
    for mandate in mandates:
        period = mandate._settlement_period_due(day)
        if not period:
            continue
        date_from, date_to = period
        settled_to = max(mandate.settlement_ids.mapped("date_to"), default=None)
        if settled_to and settled_to >= date_to:
            continue
        if settled_to:
            date_from = settled_to + timedelta(days=1)
        settlement = Settlement.create(
            {
                "mandate_id": mandate.id,
                "date_from": min(date_from, date_to),
                "date_to": date_to,
            }
        )
        settlement.action_compute()
        if settlement.pos_line_ids:
            settlement.action_validate()
        else:
            settlement.unlink()
