# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models, tools


class TourismRegieBookLine(models.Model):
    """The régie's journal de caisse: what came in (till closings by payment
    nature, receipts of the quittancier) and what went out (versements), per
    information point. Read from the records that posted the entries."""

    _name = "tourism.regie.book.line"
    _description = "Régie Book Line"
    _auto = False
    _order = "date desc, id desc"

    regie_id = fields.Many2one("tourism.regie", string="Régie", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    date = fields.Date(readonly=True)
    bit_id = fields.Many2one("tourism.bit", string="Information Point", readonly=True)
    nature = fields.Selection(
        [
            ("cash", "Cash"),
            ("cheque", "Cheque"),
            ("card", "Card"),
            ("other", "Other"),
        ],
        readonly=True,
    )
    source = fields.Selection(
        [
            ("pos", "Till closing"),
            ("difference", "Cash count difference"),
            ("receipt", "Receipt"),
            ("cancel", "Cancelled receipt"),
            ("deposit", "Versement"),
        ],
        readonly=True,
    )
    reference = fields.Char(readonly=True)
    receipt_type_id = fields.Many2one(
        "tourism.regie.receipt.type", string="Receipt Type", readonly=True
    )
    session_id = fields.Many2one("pos.session", readonly=True)
    receipt_id = fields.Many2one(
        "tourism.regie.receipt", string="Receipt", readonly=True
    )
    deposit_id = fields.Many2one(
        "tourism.regie.deposit", string="Versement", readonly=True
    )
    amount_in = fields.Monetary(string="In", readonly=True)
    amount_out = fields.Monetary(string="Out", readonly=True)

    @api.model
    def _search(self, *args, **kwargs):
        # The view reads other models' tables: write what is pending first.
        self.env.flush_all()
        return super()._search(*args, **kwargs)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            f"""
            CREATE OR REPLACE VIEW {self._table} AS (
                SELECT row_number() OVER (ORDER BY u.date, u.source, u.ref_id) AS id,
                       u.*
                FROM (
                    SELECT c.tourism_regie_id AS regie_id, s.id AS ref_id,
                           c.company_id, (s.stop_at AT TIME ZONE 'UTC')::date AS date,
                           c.tourism_bit_id AS bit_id,
                           pm.tourism_payment_nature AS nature,
                           'pos' AS source, s.name AS reference,
                           NULL::integer AS receipt_type_id, s.id AS session_id,
                           NULL::integer AS receipt_id, NULL::integer AS deposit_id,
                           GREATEST(SUM(p.amount), 0) AS amount_in,
                           GREATEST(-SUM(p.amount), 0) AS amount_out
                      FROM pos_payment p
                      JOIN pos_session s ON s.id = p.session_id
                      JOIN pos_config c ON c.id = s.config_id
                      JOIN pos_payment_method pm ON pm.id = p.payment_method_id
                     WHERE c.tourism_regie_id IS NOT NULL AND s.state = 'closed'
                  GROUP BY c.tourism_regie_id, s.id, c.company_id, c.tourism_bit_id,
                           pm.tourism_payment_nature
                UNION ALL
                    SELECT c.tourism_regie_id, s.id, c.company_id,
                           (s.stop_at AT TIME ZONE 'UTC')::date, c.tourism_bit_id,
                           'cash',
                           'difference', s.name, NULL, s.id, NULL, NULL,
                           GREATEST(s.tourism_cash_difference, 0),
                           GREATEST(-s.tourism_cash_difference, 0)
                      FROM pos_session s
                      JOIN pos_config c ON c.id = s.config_id
                     WHERE c.tourism_regie_id IS NOT NULL AND s.state = 'closed'
                       AND COALESCE(s.tourism_cash_difference, 0) != 0
                UNION ALL
                    SELECT r.regie_id, r.id, r.company_id, r.date, r.bit_id,
                           r.payment_nature, 'receipt', r.name, r.receipt_type_id, NULL,
                           r.id, NULL, r.amount, 0
                      FROM tourism_regie_receipt r
                     WHERE r.state IN ('posted', 'cancel')
                UNION ALL
                    SELECT r.regie_id, r.id, r.company_id, m.date, r.bit_id,
                           r.payment_nature, 'cancel', r.name, r.receipt_type_id, NULL,
                           r.id, NULL, 0, r.amount
                      FROM tourism_regie_receipt r
                      JOIN account_move m ON m.id = r.cancel_move_id
                     WHERE r.state = 'cancel'
                UNION ALL
                    SELECT d.regie_id, l.id, d.company_id, d.date, l.bit_id, l.nature,
                           'deposit', d.name, NULL, NULL, NULL, d.id, 0, l.amount
                      FROM tourism_regie_deposit_line l
                      JOIN tourism_regie_deposit d ON d.id = l.deposit_id
                     WHERE d.state != 'draft' AND l.amount != 0
                ) u
            )
            """
        )
