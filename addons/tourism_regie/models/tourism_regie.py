# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from decimal import Decimal

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.tourism_base.tools.locks import lock_now

from ..tools import regie_maths


class TourismRegie(models.Model):
    _name = "tourism.regie"
    _description = "Régie de recettes"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "name"

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    kind = fields.Selection(
        [("receipts", "Recettes"), ("advances_receipts", "Avances et recettes")],
        required=True,
        default="receipts",
        tracking=True,
        help="A régie d'avances et de recettes may also pay third parties back.",
    )
    act_reference = fields.Char(string="Acte constitutif", tracking=True)
    act_date = fields.Date(string="Date of the Acte", tracking=True)
    act_file = fields.Binary(string="Acte (file)", attachment=True)
    act_filename = fields.Char()
    receipt_type_ids = fields.One2many(
        "tourism.regie.receipt.type", "regie_id", string="Authorised Receipts"
    )
    max_cash = fields.Monetary(
        string="Maximum Cash (encaisse)",
        tracking=True,
        help="Once the cash and cheques held reach this amount, they are paid to the "
        "comptable (CGCT R1617-10). The tills' floats are not counted.",
    )
    cash_float = fields.Monetary(
        string="Cash Float per Till",
        tracking=True,
        help="Fonds de caisse permanent: stays in each till at a versement and is "
        "not counted in the maximum encaisse.",
    )
    deposit_max_days = fields.Integer(
        string="Versement at least every (days)",
        default=0,
        help="Only when the acte asks for more than the monthly versement (weekly: "
        "7). Every calendar month has its versement in any case.",
    )
    # Régie d'avances et de recettes: the advance is a fund of its own, fixed by
    # the acte (CGCT R1617-12), paid by the comptable and kept apart from the
    # recettes (R1617-16: the books show the encaisse and the avance apart; the
    # recettes are never spent: non-contraction, instruction 06-031-A-B-M).
    advance_amount = fields.Monetary(
        string="Montant de l'avance",
        tracking=True,
        help="The fixed advance the acte constitutif puts at the régisseur's "
        "disposal to pay expenses; the recettes are never used for them.",
    )
    advance_cash_account_id = fields.Many2one(
        "account.account",
        string="Advance Fund Cash Account",
        check_company=True,
        help="The cash of the advance, apart from the recettes' cash.",
    )
    advance_fund_account_id = fields.Many2one(
        "account.account",
        string="Advance Received Account",
        check_company=True,
        help="What the régie owes the comptable for the advance he paid it.",
    )
    regisseur_id = fields.Many2one(
        "res.users", string="Régisseur titulaire", required=True, tracking=True
    )
    mandataire_ids = fields.One2many(
        "tourism.regie.mandataire", "regie_id", string="Mandataires"
    )
    manager_id = fields.Many2one(
        "res.users",
        string="Manager",
        tracking=True,
        help="Told of the alerts together with the régisseur.",
    )
    comptable_partner_id = fields.Many2one(
        "res.partner", string="Comptable public", tracking=True
    )
    pos_config_ids = fields.One2many(
        "pos.config", "tourism_regie_id", string="Points of Sale"
    )
    journal_id = fields.Many2one(
        "account.journal",
        string="Régie Journal",
        required=True,
        check_company=True,
        domain="[('type', '=', 'general')]",
        help="Receipts and versements are posted here; its entries are hashed.",
    )
    # One account per payment nature the régie takes (tourism.payment.nature):
    # cash of the back office (each till has its own cash journal), chèques à
    # l'encaissement, cards waiting for the bank's payout...
    nature_account_ids = fields.One2many(
        "tourism.regie.nature.account",
        "regie_id",
        string="Accounts by Payment Nature",
        copy=True,
    )
    transfer_account_id = fields.Many2one(
        "account.account",
        string="Versements in Transit",
        required=True,
        check_company=True,
        help="Versements made to the comptable, until the treasury statement shows "
        "them (reconcilable).",
    )
    advance_account_id = fields.Many2one(
        "account.account",
        string="Advances Account",
        check_company=True,
        help="Expenses paid from the régie's cash, until the comptable reimburses "
        "them (régie d'avances et de recettes).",
    )
    dft_journal_id = fields.Many2one(
        "account.journal",
        string="Treasury (DFT) Journal",
        check_company=True,
        domain="[('type', '=', 'bank')]",
        help="The Dépôt de fonds au Trésor account: its statements are imported "
        "and reconciled with the versements and card payouts.",
    )
    receipt_sequence_id = fields.Many2one(
        "ir.sequence", string="Quittancier Sequence", copy=False, readonly=True
    )
    cash_balance = fields.Monetary(
        compute="_compute_cash_balance", string="Cash and Cheques Held"
    )
    held_for_maximum = fields.Monetary(
        compute="_compute_cash_balance",
        string="Held against the Maximum",
        help="Cash and cheques held, the tills' floats left out.",
    )
    last_deposit_date = fields.Date(compute="_compute_cash_balance")
    deposit_count = fields.Integer(compute="_compute_cash_balance")
    advance_fund_cash = fields.Monetary(compute="_compute_advance_fund")
    advance_outstanding = fields.Monetary(
        compute="_compute_advance_fund", string="Advances to Reimburse"
    )
    # Written under the régie's row lock each time cash leaves the régie: a
    # transaction that read the balances before it cannot lock the row any more
    # (serialization failure), and Odoo retries it with the new balances.
    last_cash_operation_at = fields.Datetime(readonly=True, copy=False)

    _sql_constraints = [
        ("journal_uniq", "unique(journal_id)", "Each régie has its own journal."),
    ]

    @api.constrains("regisseur_id")
    def _check_regisseur(self):
        for regie in self:
            user = regie.regisseur_id
            if user.share:
                raise ValidationError(
                    self.env._("The régisseur must be an employee, not a portal user.")
                )
            if user._tourism_is_ordonnateur():
                raise ValidationError(
                    self.env._(
                        "%(user)s is an ordonnateur and cannot be régisseur "
                        "(CGCT R1617-3).",
                        user=user.name,
                    )
                )
            if user.partner_id.is_company:
                raise ValidationError(
                    self.env._("The régisseur is a person, not a company.")
                )

    @api.constrains("max_cash", "cash_float", "advance_amount")
    def _check_amounts(self):
        for regie in self:
            if regie.max_cash < 0 or regie.cash_float < 0 or regie.advance_amount < 0:
                raise ValidationError(
                    self.env._(
                        "The maximum cash, the float and the advance cannot be "
                        "negative."
                    )
                )

    @api.constrains("nature_account_ids")
    def _check_cash_account(self):
        for regie in self:
            if not regie._nature_account("cash"):
                raise ValidationError(
                    self.env._(
                        "%(regie)s needs an account for its cash.", regie=regie.name
                    )
                )

    @api.constrains(
        "advance_cash_account_id",
        "advance_fund_account_id",
        "nature_account_ids",
    )
    def _check_advance_fund_apart(self):
        for regie in self:
            recettes = regie.nature_account_ids.account_id
            fund = regie.advance_cash_account_id | regie.advance_fund_account_id
            if fund & recettes or (
                regie.advance_cash_account_id
                and regie.advance_cash_account_id == regie.advance_fund_account_id
            ):
                raise ValidationError(
                    self.env._(
                        "The advance of %(regie)s is kept apart from its recettes: "
                        "its cash and the advance received need accounts of their "
                        "own (CGCT R1617-16).",
                        regie=regie.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        regies = super().create(vals_list)
        regies._check_cash_account()
        for regie in regies:
            regie.receipt_sequence_id = (
                self.env["ir.sequence"]
                .sudo()
                .create(
                    {
                        "name": self.env._("Quittancier %(regie)s", regie=regie.name),
                        "code": "tourism.regie.receipt",
                        "implementation": "no_gap",
                        "prefix": "Q%(year)s-",
                        "padding": 5,
                        "company_id": regie.company_id.id,
                    }
                )
            )
            # Posted régie entries are chained by a hash and cannot change.
            regie.journal_id.sudo().restrict_mode_hash_table = True
        return regies

    def write(self, vals):
        res = super().write(vals)
        if "journal_id" in vals:
            self.journal_id.sudo().restrict_mode_hash_table = True
        return res

    # -- accounts and balances ------------------------------------------------

    def _till_cash_accounts(self):
        """{account: information point} of the tills' cash books."""
        self.ensure_one()
        result = {}
        for config in self.pos_config_ids:
            for method in config.payment_method_ids.filtered("is_cash_count"):
                account = method.journal_id.default_account_id
                if account:
                    result[account] = config.tourism_bit_id
        return result

    def _nature_account(self, nature):
        """The régie's account of a payment nature (code), or an empty record."""
        self.ensure_one()
        return (
            self.sudo()
            .nature_account_ids.filtered(lambda line: line.nature == nature)[:1]
            .account_id
        )

    def _nature_accounts(self):
        """{account: (nature, information point or empty)} of the régie's money,
        in the natures' order; the tills' cash follows the back office's."""
        self.ensure_one()
        order = {
            code: index
            for index, code in enumerate(
                self.env["tourism.payment.nature"]
                .sudo()
                .with_context(active_test=False)
                .search([])
                .mapped("code")
            )
        }
        no_bit = self.env["tourism.bit"]
        result = {}
        for line in self.sudo().nature_account_ids.sorted(
            lambda line: (order.get(line.nature, len(order)), line.id)
        ):
            result[line.account_id] = (line.nature, no_bit)
            if line.nature == "cash":
                for account, bit in self._till_cash_accounts().items():
                    result[account] = ("cash", bit)
        return result

    def _held_accounts(self):
        """The accounts of the money the régisseur holds and pays in (not the
        cards, which the bank pays out)."""
        self.ensure_one()
        paid_in = self.env["tourism.payment.nature"]._paid_in_codes()
        return self.env["account.account"].union(
            *(
                account
                for account, (nature, _bit) in self._nature_accounts().items()
                if nature in paid_in
            )
        )

    def _balances(self, date_to=None, date_from=None, accounts=None):
        """{account: Decimal balance} of posted lines in [date_from, date_to]."""
        self.ensure_one()
        accounts = accounts or self.env["account.account"].union(
            *self._nature_accounts()
        )
        domain = [
            ("account_id", "in", accounts.ids),
            ("parent_state", "=", "posted"),
            ("company_id", "=", self.company_id.id),
        ]
        if date_to:
            domain.append(("date", "<=", date_to))
        if date_from:
            domain.append(("date", ">=", date_from))
        groups = (
            self.env["account.move.line"]
            .sudo()
            ._read_group(domain, ["account_id"], ["balance:sum"])
        )
        result = {account: Decimal("0.00") for account in accounts}
        for account, balance in groups:
            result[account] = regie_maths.to_money(balance)
        return result

    @api.depends_context("uid")
    def _compute_cash_balance(self):
        deposits = dict(
            self.env["tourism.regie.deposit"]
            .sudo()
            ._read_group(
                [("regie_id", "in", self.ids), ("state", "!=", "draft")],
                ["regie_id"],
                ["date:max"],
            )
        )
        counts = dict(
            self.env["tourism.regie.deposit"]
            .sudo()
            ._read_group([("regie_id", "in", self.ids)], ["regie_id"], ["__count"])
        )
        for regie in self:
            if not regie.id or not regie._nature_account("cash"):
                regie.cash_balance = 0.0
                regie.held_for_maximum = 0.0
            else:
                balances = regie._balances()
                held_accounts = regie._held_accounts()
                held = sum(
                    balance
                    for account, balance in balances.items()
                    if account in held_accounts
                )
                regie.cash_balance = float(held)
                regie.held_for_maximum = float(
                    regie_maths.held_against_maximum(
                        held,
                        [balances[account] for account in regie._till_cash_accounts()],
                        str(regie.cash_float),
                    )
                )
            regie.last_deposit_date = deposits.get(regie)
            regie.deposit_count = counts.get(regie, 0)

    @api.depends_context("uid")
    def _compute_advance_fund(self):
        for regie in self:
            accounts = regie.advance_cash_account_id | regie.advance_account_id
            if not regie.id or not accounts:
                regie.advance_fund_cash = regie.advance_outstanding = 0.0
                continue
            balances = regie._balances(accounts=accounts)
            regie.advance_fund_cash = float(
                balances.get(regie.advance_cash_account_id, 0)
            )
            regie.advance_outstanding = float(balances.get(regie.advance_account_id, 0))

    def situation(self, day=None):
        """Cash that should be in each till (and the back office) on a day, for an
        on-site control: list of dicts (bit name, nature, account, amount)."""
        self.ensure_one()
        day = day or fields.Date.context_today(self)
        balances = self._balances(date_to=day)
        rows = []
        if self.advance_cash_account_id:
            fund = self.advance_cash_account_id
            rows.append(
                {
                    "bit": self.env._("Back office"),
                    "nature": "advance",
                    "nature_label": self.env._("Advance fund"),
                    "account": fund.display_name,
                    "amount": self._balances(date_to=day, accounts=fund)[fund],
                }
            )
        for account, (nature, bit) in self._nature_accounts().items():
            rows.append(
                {
                    "bit": bit.name or self.env._("Back office"),
                    "nature": nature,
                    "nature_label": dict(
                        self.env["tourism.regie.deposit.line"]
                        ._fields["nature"]
                        ._description_selection(self.env)
                    )[nature],
                    "account": account.display_name,
                    "amount": balances.get(account, Decimal("0.00")),
                }
            )
        return rows

    def _last_versement_date(self):
        """Date of the régie's last versement paid in (None without one)."""
        self.ensure_one()
        last = (
            self.env["tourism.regie.deposit"]
            .sudo()
            .search(
                [("regie_id", "=", self.id), ("state", "!=", "draft")],
                order="date desc",
                limit=1,
            )
        )
        return last.date or None

    # -- who may operate -----------------------------------------------------

    def _check_operator(self, user=None, day=None):
        """Only the régisseur and the mandataires within their dates operate the
        régie (CGCT R1617-3; instruction 06-031-A-B-M): the Responsable OT
        administers it but does not handle its money. Server code running as the
        superuser (data files, crons) is not a user."""
        if user is None and self.env.su:
            return
        user = user or self.env.user
        day = day or fields.Date.context_today(self)
        for regie in self:
            if user == regie.regisseur_id:
                continue
            if any(
                m.user_id == user and m._is_active(day) for m in regie.mandataire_ids
            ):
                continue
            raise UserError(
                self.env._(
                    "%(user)s is neither the régisseur nor a mandataire of %(regie)s "
                    "on this date.",
                    user=user.name,
                    regie=regie.name,
                )
            )

    def _lock_books(self):
        """Take the régie's row before money leaves it (versement, advance): two
        users paying in the same cash at once cannot both pass the balance check.
        NOWAIT: the second one fails at once (LockNotAvailable) and Odoo retries
        its request, which then reads the balances the first one left."""
        lock_now(self)
        self.sudo().last_cash_operation_at = fields.Datetime.now()
        self.env.flush_all()

    # -- advance fund ---------------------------------------------------------

    def action_receive_advance(self, date=None):
        """The comptable pays the régisseur the advance the acte fixes (CGCT
        R1617-12), or makes it up to that amount: the fund's cash plus the
        advances waiting for their reimbursement never exceed it."""
        if not self.env.su and not self.env.user.has_group(
            "tourism_base.group_tourism_accountant"
        ):
            raise UserError(self.env._("Only the comptable pays the advance."))
        for regie in self:
            regie = regie.sudo()
            if not (
                regie.kind == "advances_receipts"
                and regie.advance_cash_account_id
                and regie.advance_fund_account_id
                and regie.advance_account_id
            ):
                raise UserError(
                    self.env._(
                        "%(regie)s has no advance: set its amount and accounts "
                        "first.",
                        regie=regie.name,
                    )
                )
            regie._lock_books()
            balances = regie._balances(
                accounts=regie.advance_cash_account_id | regie.advance_account_id
            )
            missing = regie_maths.to_money(str(regie.advance_amount)) - sum(
                balances.values()
            )
            if missing <= 0:
                raise UserError(
                    self.env._(
                        "The advance of %(regie)s is complete: nothing to pay.",
                        regie=regie.name,
                    )
                )
            label = self.env._("Advance of %(regie)s", regie=regie.name)
            move = (
                self.env["account.move"]
                .with_user(SUPERUSER_ID)
                .create(
                    {
                        "journal_id": regie.journal_id.id,
                        "date": date or fields.Date.context_today(self),
                        "ref": label,
                        "line_ids": [
                            fields.Command.create(
                                {
                                    "name": label,
                                    "account_id": regie.advance_cash_account_id.id,
                                    "debit": float(missing),
                                }
                            ),
                            fields.Command.create(
                                {
                                    "name": label,
                                    "account_id": regie.advance_fund_account_id.id,
                                    "partner_id": regie.comptable_partner_id.id,
                                    "credit": float(missing),
                                }
                            ),
                        ],
                    }
                )
            )
            move.action_post()
        return True

    # -- alerts ---------------------------------------------------------------

    @api.model
    def _cron_check_alerts(self):
        today = fields.Date.context_today(self)
        for regie in self.search([]):
            regie._check_alerts(today)

    def _check_alerts(self, today):
        """Activity and e-mail to the régisseur and the manager when the cash is
        above the maximum or a versement is due. One open alert at a time."""
        self.ensure_one()
        reasons = regie_maths.deposit_due(
            str(self.held_for_maximum),
            str(self.max_cash),
            self.last_deposit_date,
            today,
            self.deposit_max_days,
        )
        if not reasons:
            return []
        activity_type = self.env.ref("tourism_regie.mail_activity_type_deposit_due")
        if self.activity_ids.filtered(lambda a: a.activity_type_id == activity_type):
            return reasons
        messages = {
            "maximum": self.env._("The cash held has reached the maximum encaisse."),
            "monthly": self.env._(
                "This month's versement and justification are due (at least once "
                "each calendar month, even with no cash)."
            ),
        }
        note = " ".join(messages[r] for r in reasons)
        for user in (self.regisseur_id | self.manager_id).filtered("active"):
            self.activity_schedule(
                activity_type_id=activity_type.id,
                user_id=user.id,
                note=note,
                date_deadline=today,
            )
        template = self.env.ref("tourism_regie.mail_template_deposit_due")
        self.with_context(tourism_alert_note=note).message_post_with_source(
            template,
            subtype_xmlid="mail.mt_comment",
        )
        return reasons

    def _alert_partners(self):
        return (self.regisseur_id | self.manager_id).partner_id

    # -- inalterability -------------------------------------------------------

    def _integrity_results(self):
        """Odoo's hash chain check, kept to the régie's journal."""
        self.ensure_one()
        results = self.company_id.sudo()._check_hash_integrity()["results"]
        name = self.journal_id.name
        return [r for r in results if r["journal_name"].startswith(name)]

    def action_print_integrity(self):
        return self.env.ref(
            "tourism_regie.action_report_regie_integrity"
        ).report_action(self)

    # -- reconciliation -------------------------------------------------------

    def _book_items_to_match(self):
        """Versements in transit and card payments not yet met on the statement."""
        self.ensure_one()
        # Versements and card payments: what is not held is paid out by the bank.
        accounts = self.transfer_account_id | (
            self.nature_account_ids.account_id - self._held_accounts()
        )
        return self.env["account.move.line"].search(
            [
                ("account_id", "in", accounts.ids),
                ("parent_state", "=", "posted"),
                ("reconciled", "=", False),
                ("balance", ">", 0),
            ],
            order="date, id",
        )

    def _statement_lines_to_match(self):
        self.ensure_one()
        if not self.dft_journal_id:
            return self.env["account.bank.statement.line"]
        return self.env["account.bank.statement.line"].search(
            [
                ("journal_id", "=", self.dft_journal_id.id),
                ("is_reconciled", "=", False),
                ("state", "=", "posted"),
            ],
            order="date, id",
        )

    def action_auto_reconcile(self):
        """Match statement lines with versements (by number, then amount and date)
        and card payments (amount and date); the rest is left to the reconciliation
        widget."""
        matched = 0
        for regie in self:
            st_lines = regie._statement_lines_to_match()
            book = regie._book_items_to_match()
            pairs, _st_left, _book_left = regie_maths.match_statement(
                [
                    {
                        "id": line.id,
                        "amount": regie_maths.to_money(line.amount),
                        "date": line.date,
                        "ref": " ".join(filter(None, [line.payment_ref, line.ref])),
                    }
                    for line in st_lines
                ],
                [
                    {
                        "id": line.id,
                        "amount": regie_maths.to_money(line.balance),
                        "date": line.date,
                        "ref": line.move_id.ref
                        if line.account_id == regie.transfer_account_id
                        else None,
                    }
                    for line in book
                ],
            )
            for st_line_id, aml_id in pairs:
                regie._reconcile_statement_line(
                    self.env["account.bank.statement.line"].browse(st_line_id),
                    self.env["account.move.line"].browse(aml_id),
                )
                matched += 1
        return matched

    def _reconcile_statement_line(self, st_line, move_line):
        """Put the book line's account on the statement line's suspense line and
        reconcile them; anything else (several lines, another amount) goes through
        OCA's reconciliation, as the accountant would do by hand."""
        _liquidity, suspense, other = st_line._seek_for_lines()
        currency = st_line.currency_id
        if (
            len(suspense) == 1
            and not other
            and currency.compare_amounts(-suspense.balance, move_line.balance) == 0
        ):
            # Same as OCA's 'edit' mode, without its serialized widget state: one
            # line changes account, then the pair is reconciled.
            suspense.with_context(skip_account_move_synchronization=True).write(
                {"account_id": move_line.account_id.id}
            )
            (suspense | move_line).reconcile()
            return
        st_line._add_account_move_line(move_line)
        if not st_line.can_reconcile:
            raise UserError(
                self.env._(
                    "Statement line %(line)s cannot be reconciled with %(entry)s.",
                    line=st_line.payment_ref,
                    entry=move_line.move_id.name,
                )
            )
        st_line.reconcile_bank_line()

    def unmatched_items(self, date_from=None, date_to=None):
        """Both sides of what is not reconciled yet: statement lines without a
        book item, and versements / card payments not on a statement."""
        self.ensure_one()
        st_lines = self._statement_lines_to_match()
        book = self._book_items_to_match()
        if date_from:
            st_lines = st_lines.filtered(lambda line: line.date >= date_from)
            book = book.filtered(lambda line: line.date >= date_from)
        if date_to:
            st_lines = st_lines.filtered(lambda line: line.date <= date_to)
            book = book.filtered(lambda line: line.date <= date_to)
        return st_lines, book

    # -- état récapitulatif -----------------------------------------------------

    def recap_data(self, date_from, date_to):
        """Figures of the état récapitulatif for a period (amounts in Decimal),
        put together by its report from the section helpers below."""
        self.ensure_one()
        return self.env["report.tourism_regie.report_regie_recap"]._recap(
            self, date_from, date_to
        )

    def _period_domain(self, date_from, date_to, field="date"):
        return [(field, ">=", date_from), (field, "<=", date_to)]

    def _recap_rows(self, date_from, date_to):
        """One row per account of the régie's money: its nature, information
        point and opening / debit / credit / closing over the period."""
        self.ensure_one()
        accounts = self._nature_accounts()
        opening = self._balances(date_to=fields.Date.subtract(date_from, days=1))
        lines = (
            self.env["account.move.line"]
            .sudo()
            ._read_group(
                [
                    ("account_id", "in", [a.id for a in accounts]),
                    ("parent_state", "=", "posted"),
                    *self._period_domain(date_from, date_to),
                ],
                ["account_id"],
                ["debit:sum", "credit:sum"],
            )
        )
        moves = {account: (debit, credit) for account, debit, credit in lines}
        rows = []
        for account, (nature, bit) in accounts.items():
            debit, credit = moves.get(account, (0, 0))
            recap = regie_maths.recap_line(
                opening.get(account, 0), str(debit), str(credit)
            )
            rows.append(
                {"account": account, "nature": nature, "bit": bit, "recap": recap}
            )
        return rows

    def _recap_types(self, date_from, date_to):
        """What each authorised receipt type brought in over the period, at the
        back office and at the tills."""
        self.ensure_one()
        by_type = defaultdict(lambda: Decimal("0.00"))
        type_lines = (
            self.env["account.move.line"]
            .sudo()
            ._read_group(
                [
                    ("account_id", "in", self.receipt_type_ids.account_id.ids),
                    ("parent_state", "=", "posted"),
                    *self._period_domain(date_from, date_to),
                    "|",
                    ("journal_id", "=", self.journal_id.id),
                    ("journal_id", "in", self.pos_config_ids.journal_id.ids),
                ],
                ["account_id"],
                ["balance:sum"],
            )
        )
        for account, balance in type_lines:
            by_type[account] = -regie_maths.to_money(balance)
        return [
            {"type": rtype, "amount": by_type.get(rtype.account_id, Decimal("0.00"))}
            for rtype in self.receipt_type_ids
        ]

    def _recap_deposits(self, date_from, date_to):
        """The versements paid in over the period."""
        self.ensure_one()
        return self.env["tourism.regie.deposit"].search(
            [
                ("regie_id", "=", self.id),
                ("state", "!=", "draft"),
                *self._period_domain(date_from, date_to),
            ],
            order="date, id",
        )

    def _recap_differences(self, date_from, date_to):
        """Till sessions closed over the period with a cash count difference."""
        self.ensure_one()
        sessions = self.env["pos.session"].search(
            [
                ("tourism_regie_id", "=", self.id),
                ("state", "=", "closed"),
                ("stop_at", ">=", date_from),
                ("stop_at", "<", fields.Date.add(date_to, days=1)),
            ],
            order="stop_at",
        )
        return sessions.filtered(
            lambda s: not s.currency_id.is_zero(s.tourism_cash_difference)
        )

    def _recap_quittancier(self, date_from, date_to):
        """The check of the quittancier's numbers over the period."""
        self.ensure_one()
        receipts = (
            self.env["tourism.regie.receipt"]
            .sudo()
            .search(
                [
                    ("regie_id", "=", self.id),
                    ("state", "!=", "draft"),
                    *self._period_domain(date_from, date_to),
                ]
            )
        )
        return self._quittancier_check(receipts)

    def _quittancier_check(self, receipts):
        """First and last number of the receipts, cancelled ones, and the numbers
        missing or used twice in between (the comptable checks the series)."""
        by_prefix = {}
        for receipt in receipts:
            prefix, _sep, number = receipt.name.rpartition("-")
            if number.isdigit():
                by_prefix.setdefault(prefix, []).append(int(number))
        result = []
        for prefix, numbers in sorted(by_prefix.items()):
            missing, duplicated = regie_maths.sequence_gaps(numbers)
            result.append(
                {
                    "first": f"{prefix}-{min(numbers):05d}",
                    "last": f"{prefix}-{max(numbers):05d}",
                    "count": len(numbers),
                    "cancelled": len(
                        receipts.filtered(
                            lambda r, p=prefix: r.state == "cancel"
                            and r.name.startswith(p)
                        )
                    ),
                    "missing": missing,
                    "duplicated": duplicated,
                }
            )
        return result

    # -- set-up ----------------------------------------------------------------

    def action_attach_points_of_sale(self, config_ids):
        """Attach tills to the régie; their card and cheque payments then wait on
        the régie's cards and cheques accounts."""
        self.ensure_one()
        configs = self.env["pos.config"].browse(config_ids)
        configs.tourism_regie_id = self
        self._setup_payment_method_accounts()
        return True

    def _setup_payment_method_accounts(self):
        """The tills' payments of each nature but cash (counted in the till's own
        cash journal) wait on the régie's account of that nature."""
        for regie in self:
            methods = regie.pos_config_ids.payment_method_ids
            for line in regie.nature_account_ids.filtered(
                lambda line: line.nature != "cash"
            ):
                methods.filtered(
                    lambda m, n=line.nature: m.tourism_payment_nature == n
                ).outstanding_account_id = line.account_id
