# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models, tools
from odoo.tools import SQL


class TourismRegieBookLine(models.Model):
    """The régie's journal de caisse: what came in (till closings by payment
    nature, receipts of the quittancier, advances reimbursed by the comptable)
    and what went out (versements, advances paid to third parties), per
    information point. Read from the records that posted the entries."""

    _name = "tourism.regie.book.line"
    _description = "Régie Book Line"
    _auto = False
    # Ids follow the entries' order within a day: the journal de caisse's
    # running balance reads them in that order.
    _order = "date desc, id desc"

    regie_id = fields.Many2one("tourism.regie", string="Régie", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    date = fields.Date(readonly=True)
    bit_id = fields.Many2one("tourism.bit", string="Information Point", readonly=True)
    # The payment natures, and the advance fund (not a way of paying).
    nature = fields.Selection(
        selection=lambda self: [
            *self.env["tourism.payment.nature"]._selection(),
            ("advance", self.env._("Advance fund")),
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
            ("advance", "Advance paid"),
            ("reimbursement", "Advance reimbursed"),
            ("fund", "Advance received"),
        ],
        readonly=True,
    )
    reference = fields.Char(readonly=True)
    label = fields.Char(
        readonly=True,
        help="What the line is for: the receipt's description, or the third party "
        "paid from the cash and the supporting document of an advance.",
    )
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
    advance_id = fields.Many2one(
        "tourism.regie.advance", string="Advance", readonly=True
    )
    move_id = fields.Many2one("account.move", string="Entry", readonly=True)
    amount_in = fields.Monetary(string="In", readonly=True)
    amount_out = fields.Monetary(string="Out", readonly=True)

    # What the view reads: the ORM writes these before it searches or reads it.
    _depends = {
        "pos.payment": ["amount", "session_id", "payment_method_id"],
        "pos.payment.method": ["tourism_payment_nature"],
        "pos.session": [
            "tourism_regie_id",
            "stop_at",
            "config_id",
            "name",
            "state",
            "move_id",
            "tourism_cash_difference",
        ],
        "pos.config": ["company_id", "tourism_bit_id"],
        "tourism.regie.receipt": [
            "regie_id",
            "company_id",
            "date",
            "bit_id",
            "payment_nature",
            "name",
            "description",
            "receipt_type_id",
            "amount",
            "move_id",
            "cancel_move_id",
            "state",
        ],
        "tourism.regie.deposit": [
            "regie_id",
            "company_id",
            "date",
            "name",
            "move_id",
            "state",
        ],
        "tourism.regie.deposit.line": ["deposit_id", "bit_id", "nature", "amount"],
        "tourism.regie.advance": [
            "regie_id",
            "company_id",
            "name",
            "partner_id",
            "justification_ref",
            "description",
            "amount",
            "move_id",
            "reimbursement_move_id",
            "state",
        ],
        "tourism.regie": ["company_id", "advance_cash_account_id", "journal_id"],
        "res.partner": ["name"],
        "account.move": ["date", "name"],
        "account.move.line": [
            "move_id",
            "account_id",
            "journal_id",
            "date",
            "name",
            "balance",
            "parent_state",
        ],
    }

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
            CREATE OR REPLACE VIEW %s AS (
                SELECT row_number() OVER (
                           ORDER BY u.date, u.move_id, u.source, u.ref_id
                       ) AS id,
                       u.*
                FROM (
                    SELECT s.tourism_regie_id AS regie_id, s.id AS ref_id,
                           c.company_id, (s.stop_at AT TIME ZONE 'UTC')::date AS date,
                           c.tourism_bit_id AS bit_id,
                           pm.tourism_payment_nature AS nature,
                           'pos' AS source, s.name AS reference,
                           NULL::varchar AS label,
                           NULL::integer AS receipt_type_id, s.id AS session_id,
                           NULL::integer AS receipt_id, NULL::integer AS deposit_id,
                           NULL::integer AS advance_id,
                           GREATEST(SUM(p.amount), 0) AS amount_in,
                           GREATEST(-SUM(p.amount), 0) AS amount_out,
                           s.move_id
                      FROM pos_payment p
                      JOIN pos_session s ON s.id = p.session_id
                      JOIN pos_config c ON c.id = s.config_id
                      JOIN pos_payment_method pm ON pm.id = p.payment_method_id
                     WHERE s.tourism_regie_id IS NOT NULL AND s.state = 'closed'
                  GROUP BY s.tourism_regie_id, s.id, c.company_id, c.tourism_bit_id,
                           pm.tourism_payment_nature, s.move_id
                UNION ALL
                    SELECT s.tourism_regie_id, s.id, c.company_id,
                           (s.stop_at AT TIME ZONE 'UTC')::date, c.tourism_bit_id,
                           'cash',
                           'difference', s.name, NULL, NULL, s.id, NULL, NULL, NULL,
                           GREATEST(s.tourism_cash_difference, 0),
                           GREATEST(-s.tourism_cash_difference, 0), s.move_id
                      FROM pos_session s
                      JOIN pos_config c ON c.id = s.config_id
                     WHERE s.tourism_regie_id IS NOT NULL AND s.state = 'closed'
                       AND COALESCE(s.tourism_cash_difference, 0) != 0
                UNION ALL
                    SELECT r.regie_id, r.id, r.company_id, r.date, r.bit_id,
                           r.payment_nature, 'receipt', r.name, r.description,
                           r.receipt_type_id, NULL, r.id, NULL, NULL, r.amount, 0,
                           r.move_id
                      FROM tourism_regie_receipt r
                     WHERE r.state IN ('posted', 'cancel')
                UNION ALL
                    SELECT r.regie_id, r.id, r.company_id, m.date, r.bit_id,
                           r.payment_nature, 'cancel', r.name, r.description,
                           r.receipt_type_id, NULL, r.id, NULL, NULL, 0, r.amount,
                           r.cancel_move_id
                      FROM tourism_regie_receipt r
                      JOIN account_move m ON m.id = r.cancel_move_id
                     WHERE r.state = 'cancel'
                UNION ALL
                    SELECT d.regie_id, l.id, d.company_id, d.date, l.bit_id, l.nature,
                           'deposit', d.name, NULL, NULL, NULL, NULL, d.id, NULL,
                           0, l.amount, d.move_id
                      FROM tourism_regie_deposit_line l
                      JOIN tourism_regie_deposit d ON d.id = l.deposit_id
                     WHERE d.state != 'draft' AND l.amount != 0
                UNION ALL
                    -- Advances are paid from the advance fund (back office, no
                    -- information point), never from the recettes, and come
                    -- back to it when reimbursed.
                    SELECT a.regie_id, a.id, a.company_id, am.date, NULL, 'advance',
                           'advance', a.name,
                           CONCAT_WS(' - ', p.name, NULLIF(a.justification_ref, ''),
                                     a.description),
                           NULL, NULL, NULL, NULL, a.id, 0, a.amount, a.move_id
                      FROM tourism_regie_advance a
                      JOIN account_move am ON am.id = a.move_id
                      JOIN res_partner p ON p.id = a.partner_id
                     WHERE a.state != 'draft'
                UNION ALL
                    SELECT a.regie_id, a.id, a.company_id, rm.date, NULL, 'advance',
                           'reimbursement', a.name,
                           CONCAT_WS(' - ', p.name, NULLIF(a.justification_ref, ''),
                                     a.description),
                           NULL, NULL, NULL, NULL, a.id, a.amount, 0,
                           a.reimbursement_move_id
                      FROM tourism_regie_advance a
                      JOIN account_move rm ON rm.id = a.reimbursement_move_id
                      JOIN res_partner p ON p.id = a.partner_id
                     WHERE a.state = 'reimbursed'
                UNION ALL
                    -- The advance paid (or made up) by the comptable.
                    SELECT r.id, aml.id, r.company_id, aml.date, NULL, 'advance',
                           'fund', m.name, aml.name, NULL, NULL, NULL, NULL, NULL,
                           GREATEST(aml.balance, 0), GREATEST(-aml.balance, 0),
                           aml.move_id
                      FROM account_move_line aml
                      JOIN account_move m ON m.id = aml.move_id
                      JOIN tourism_regie r
                        ON r.advance_cash_account_id = aml.account_id
                       AND r.journal_id = aml.journal_id
                     WHERE aml.parent_state = 'posted'
                       AND NOT EXISTS (
                           SELECT 1 FROM tourism_regie_advance a
                            WHERE aml.move_id IN (a.move_id, a.reimbursement_move_id)
                       )
                ) u
            )
            """,
                SQL.identifier(self._table),
            )
        )
