# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models, tools
from odoo.tools import SQL


class TourismTicketingSaleReport(models.Model):
    """Tickets sold for organisers, from the tills and from invoices, in one view
    for the pivot and graph analyses."""

    _name = "tourism.ticketing.sale.report"
    _description = "Ticket Sales Analysis"
    _auto = False
    _order = "date desc"
    _rec_name = "product_id"

    date = fields.Datetime(readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    mandate_id = fields.Many2one("tourism.ticketing.mandate", readonly=True)
    organiser_id = fields.Many2one("res.partner", string="Organiser", readonly=True)
    event_id = fields.Many2one("event.event", string="Event", readonly=True)
    event_ticket_id = fields.Many2one(
        "event.event.ticket", string="Ticket Type", readonly=True
    )
    product_id = fields.Many2one("product.product", readonly=True)
    bit_id = fields.Many2one("tourism.bit", string="Information Point", readonly=True)
    channel = fields.Selection(
        [("pos", "Point of Sale"), ("invoice", "Back Office")], readonly=True
    )
    quantity = fields.Float(readonly=True)
    amount = fields.Monetary(string="Collected", readonly=True)
    commission = fields.Monetary(readonly=True)
    settlement_id = fields.Many2one("tourism.ticketing.settlement", readonly=True)

    # What the view reads: the ORM writes these before it searches or reads it.
    _depends = {
        "pos.order.line": [
            "order_id",
            "tourism_mandate_id",
            "event_ticket_id",
            "product_id",
            "qty",
            "price_subtotal_incl",
            "tourism_commission",
            "tourism_settlement_id",
        ],
        "pos.order": ["date_order", "company_id", "session_id", "state"],
        "pos.session": ["config_id"],
        "pos.config": ["tourism_bit_id"],
        "res.company": ["currency_id"],
        "tourism.ticketing.mandate": ["organiser_id"],
        "event.event.ticket": ["event_id"],
        "account.move.line": [
            "move_id",
            "company_id",
            "currency_id",
            "tourism_mandate_id",
            "product_id",
            "quantity",
            "price_total",
            "tourism_commission",
            "tourism_settlement_id",
            "sale_line_ids",
        ],
        "account.move": ["invoice_date", "move_type", "state"],
        "sale.order.line": ["event_id", "event_ticket_id"],
    }

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s)",
                SQL.identifier(self._table),
                self._query(),
            )
        )

    def _query(self):
        return SQL(
            """
            SELECT
                pol.id * 2 AS id,
                po.date_order AS date,
                po.company_id,
                rc.currency_id,
                pol.tourism_mandate_id AS mandate_id,
                m.organiser_id,
                t.event_id,
                pol.event_ticket_id,
                pol.product_id,
                pc.tourism_bit_id AS bit_id,
                'pos' AS channel,
                pol.qty AS quantity,
                pol.price_subtotal_incl AS amount,
                pol.tourism_commission AS commission,
                pol.tourism_settlement_id AS settlement_id
            FROM pos_order_line pol
            JOIN pos_order po ON po.id = pol.order_id
            JOIN pos_session ps ON ps.id = po.session_id
            JOIN pos_config pc ON pc.id = ps.config_id
            JOIN res_company rc ON rc.id = po.company_id
            JOIN tourism_ticketing_mandate m ON m.id = pol.tourism_mandate_id
            LEFT JOIN event_event_ticket t ON t.id = pol.event_ticket_id
            WHERE po.state IN ('paid', 'done', 'invoiced')
            UNION ALL
            SELECT
                aml.id * 2 + 1 AS id,
                am.invoice_date::timestamp AS date,
                aml.company_id,
                aml.currency_id,
                aml.tourism_mandate_id AS mandate_id,
                m.organiser_id,
                sol.event_id,
                sol.event_ticket_id,
                aml.product_id,
                NULL AS bit_id,
                'invoice' AS channel,
                CASE WHEN am.move_type = 'out_refund'
                    THEN -aml.quantity ELSE aml.quantity END AS quantity,
                CASE WHEN am.move_type = 'out_refund'
                    THEN -aml.price_total ELSE aml.price_total END AS amount,
                aml.tourism_commission AS commission,
                aml.tourism_settlement_id AS settlement_id
            FROM account_move_line aml
            JOIN account_move am ON am.id = aml.move_id
            JOIN tourism_ticketing_mandate m ON m.id = aml.tourism_mandate_id
            LEFT JOIN LATERAL (
                SELECT s.event_id, s.event_ticket_id
                FROM sale_order_line_invoice_rel r
                JOIN sale_order_line s ON s.id = r.order_line_id
                WHERE r.invoice_line_id = aml.id
                LIMIT 1
            ) sol ON TRUE
            WHERE am.state = 'posted'
            """
        )
