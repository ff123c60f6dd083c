# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from decimal import Decimal

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import UserError

from ..tools import regie_maths


class TourismRegieDeposit(models.Model):
    """A versement to the comptable public, with its bordereau."""

    _name = "tourism.regie.deposit"
    _description = "Versement to the Comptable"
    _inherit = [
        "tourism.regie.document.mixin",
        "tourism.money.document.mixin",
        "mail.thread",
    ]
    _order = "date desc, id desc"

    # Paid in means final: its lines too (tourism.regie.deposit.line).
    _money_locked_fields = (
        "name",
        "regie_id",
        "date",
        "period_start",
        "move_id",
        "validated_by_id",
    )

    period_start = fields.Date(
        compute="_compute_period_start",
        store=True,
        readonly=False,
        help="Receipts collected since this date are listed on the bordereau.",
    )
    line_ids = fields.One2many(
        "tourism.regie.deposit.line", "deposit_id", string="Amounts", copy=False
    )
    amount_cash = fields.Monetary(compute="_compute_amounts", store=True, string="Cash")
    amount_cheque = fields.Monetary(
        compute="_compute_amounts", store=True, string="Cheques"
    )
    amount_total = fields.Monetary(
        compute="_compute_amounts", store=True, string="Total"
    )
    amount_words = fields.Char(
        compute="_compute_amount_words", string="Amount in Words"
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("done", "Paid in"),
            ("acknowledged", "Acknowledged"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    move_id = fields.Many2one("account.move", string="Entry", readonly=True, copy=False)
    cheque_receipt_ids = fields.Many2many(
        "tourism.regie.receipt",
        compute="_compute_cheque_receipts",
        string="Cheques of the Quittancier",
    )
    validated_by_id = fields.Many2one(
        "res.users", string="Paid in by", readonly=True, copy=False
    )
    ack_date = fields.Date(string="Acknowledged on", tracking=True, copy=False)
    ack_number = fields.Char(
        string="Comptable's Receipt No.", tracking=True, copy=False
    )
    is_reconciled = fields.Boolean(
        compute="_compute_is_reconciled",
        compute_sudo=True,
        string="On the Treasury Statement",
        help="The treasury statement shows this versement.",
    )

    @api.depends("regie_id")
    def _compute_period_start(self):
        for deposit in self:
            previous = self.search(
                [
                    ("regie_id", "=", deposit.regie_id.id),
                    ("state", "!=", "draft"),
                    ("id", "!=", deposit._origin.id or 0),
                ],
                order="date desc",
                limit=1,
            )
            deposit.period_start = (
                fields.Date.add(previous.date, days=1) if previous else False
            )

    @api.depends("line_ids.amount", "line_ids.nature")
    def _compute_amounts(self):
        for deposit in self:
            cash = sum(
                regie_maths.to_money(str(line.amount))
                for line in deposit.line_ids
                if line.nature == "cash"
            )
            cheque = sum(
                regie_maths.to_money(str(line.amount))
                for line in deposit.line_ids
                if line.nature == "cheque"
            )
            # Every nature paid in counts (chèques vacances too).
            total = sum(
                regie_maths.to_money(str(line.amount)) for line in deposit.line_ids
            )
            deposit.amount_cash = float(cash)
            deposit.amount_cheque = float(cheque)
            deposit.amount_total = float(total)

    @api.depends("amount_total")
    def _compute_amount_words(self):
        for deposit in self:
            deposit.amount_words = regie_maths.amount_in_words(
                str(deposit.amount_total)
            )

    @api.depends("regie_id", "date", "period_start")
    def _compute_cheque_receipts(self):
        for deposit in self:
            domain = [
                ("regie_id", "=", deposit.regie_id.id),
                ("payment_nature", "=", "cheque"),
                ("state", "=", "posted"),
                ("date", "<=", deposit.date),
            ]
            if deposit.period_start:
                domain.append(("date", ">=", deposit.period_start))
            deposit.cheque_receipt_ids = self.env["tourism.regie.receipt"].search(
                domain
            )

    def _compute_is_reconciled(self):
        for deposit in self:
            line = deposit.move_id.line_ids.filtered(
                lambda aml, d=deposit: aml.account_id == d.regie_id.transfer_account_id
            )
            deposit.is_reconciled = bool(line) and all(line.mapped("reconciled"))

    def action_compute_lines(self):
        """Propose what to pay in: what each account holds on the date, the float
        staying in each till."""
        for deposit in self:
            if deposit.state != "draft":
                raise UserError(self.env._("The versement is already paid in."))
            regie = deposit.regie_id.sudo()
            balances = regie._balances(date_to=deposit.date)
            tills = regie._till_cash_accounts()
            held = regie._held_accounts()
            commands = [fields.Command.clear()]
            for account, (nature, bit) in regie._nature_accounts().items():
                if account not in held:
                    continue  # the bank pays cards out, not the régisseur
                balance = balances.get(account, Decimal("0.00"))
                if balance <= 0:
                    continue
                amount = (
                    regie_maths.cash_to_deposit(balance, str(regie.cash_float))
                    if account in tills
                    else balance
                )
                commands.append(
                    fields.Command.create(
                        {
                            "nature": nature,
                            "bit_id": bit.id,
                            "account_id": account.id,
                            "balance": float(balance),
                            "amount": float(amount),
                        }
                    )
                )
            deposit.line_ids = commands
        return True

    def action_validate(self):
        """Post the versement: the money leaves the régie's accounts for the
        comptable (in transit until the treasury statement shows it).

        What each line takes comes from the régie's books at this moment, under
        the régie's row lock: its nature, information point and balance are the
        account's, whatever the client sent, and the amounts of an account never
        exceed what it holds (two drafts of the same cash cannot both be paid
        in). Without anything to pay in, the versement is the month's
        justification alone (instruction 06-031-A-B-M: at least once a month)."""
        for deposit in self:
            if deposit.state != "draft":
                raise UserError(self.env._("The versement is already paid in."))
            deposit.regie_id._check_operator()
            regie = deposit.regie_id.sudo()
            last = regie._last_versement_date()
            if last and deposit.date < last:
                raise UserError(
                    self.env._(
                        "The last versement of %(regie)s is dated %(date)s: a "
                        "versement cannot be dated before it.",
                        regie=regie.name,
                        date=last,
                    )
                )
            regie._lock_books()
            lines = deposit._freeze_lines()
            if not lines:
                deposit._check_nothing_held()
            deposit._link_till_sessions(lines)
            name = self.env["ir.sequence"].next_by_code(
                "tourism.regie.deposit", sequence_date=deposit.date
            )
            move = (
                deposit._post_move(name, lines) if lines else self.env["account.move"]
            )
            deposit._money_set_state(
                "done",
                {
                    "name": name,
                    "move_id": move.id,
                    "validated_by_id": self.env.user.id,
                },
            )
            # A session already created (Odoo opens the next one when the till
            # reloads) but not yet opened expects the cash left, not the count.
            lines.sudo().pos_session_id.config_id.session_ids.filtered(
                lambda s: s.state == "opening_control"
            ).sudo()._tourism_set_expected_opening()
        return True

    def _freeze_lines(self):
        """Set each line's nature, information point and balance from the
        régie's books and check its amount against them; return the lines that
        pay something in."""
        self.ensure_one()
        regie = self.regie_id.sudo()
        natures = regie._nature_accounts()
        held_accounts = regie._held_accounts()
        at_date = regie._balances(date_to=self.date)
        # An entry dated after the versement may already have taken the cash.
        now = regie._balances()
        taken = defaultdict(lambda: Decimal("0.00"))
        for line in self.line_ids:
            account = line.account_id
            nature, bit = natures.get(account, (None, None))
            if account not in held_accounts:
                raise UserError(
                    self.env._(
                        "%(account)s is not an account of the régie's cash or "
                        "cheques: it cannot be paid in.",
                        account=account.display_name,
                    )
                )
            held = min(at_date.get(account, 0), now.get(account, 0))
            taken[account] += regie_maths.to_money(str(line.amount))
            if taken[account] > held:
                raise UserError(
                    self.env._(
                        "%(account)s holds %(balance)s: %(amount)s cannot be paid in.",
                        account=account.display_name,
                        balance=held,
                        amount=taken[account],
                    )
                )
            line.write({"nature": nature, "bit_id": bit.id, "balance": float(held)})
        return self.line_ids.filtered(
            lambda line: not line.currency_id.is_zero(line.amount)
        )

    def _check_nothing_held(self):
        """A versement of nothing is the month's justification only when the
        régie has nothing to pay in (the floats stay in the tills)."""
        regie = self.regie_id.sudo()
        balances = regie._balances(date_to=self.date)
        tills = regie._till_cash_accounts()
        held_accounts = regie._held_accounts()
        to_pay = sum(
            (
                regie_maths.cash_to_deposit(balance, str(regie.cash_float))
                if account in tills
                else max(balance, Decimal("0.00"))
            )
            for account, balance in balances.items()
            if account in held_accounts
        )
        if to_pay > 0:
            raise UserError(
                self.env._(
                    "There is nothing to pay in on this versement while the régie "
                    "holds %(amount)s: compute the amounts first.",
                    amount=to_pay,
                )
            )

    def _post_move(self, name, lines):
        self.ensure_one()
        regie = self.regie_id.sudo()
        natures = dict(
            self.env["tourism.regie.deposit.line"]
            ._fields["nature"]
            ._description_selection(self.env)
        )
        move_lines = [
            fields.Command.create(
                {
                    "name": self.env._(
                        "%(number)s %(nature)s %(point)s",
                        number=name,
                        nature=natures[line.nature],
                        point=line.bit_id.name or "",
                    ).strip(),
                    "account_id": line.account_id.id,
                    "credit": line.amount,
                }
            )
            for line in lines
        ]
        move_lines.append(
            fields.Command.create(
                {
                    "name": self.env._("Versement %(number)s", number=name),
                    "account_id": regie.transfer_account_id.id,
                    "partner_id": regie.comptable_partner_id.id,
                    "debit": sum(lines.mapped("amount")),
                }
            )
        )
        # Posted as the superuser: the régie's journal is hashed (see receipts).
        move = (
            self.env["account.move"]
            .with_user(SUPERUSER_ID)
            .create(
                {
                    "journal_id": regie.journal_id.id,
                    "date": self.date,
                    "ref": name,
                    "line_ids": move_lines,
                }
            )
        )
        move.action_post()
        return move

    def _link_till_sessions(self, lines):
        """Tie each till's cash line to the closing it takes the cash from; a till
        whose session is running cannot be paid in (its count would be wrong)."""
        self.ensure_one()
        configs = self.regie_id.sudo().pos_config_ids
        for line in lines.filtered(lambda line: line.nature == "cash"):
            till_configs = configs.filtered(
                lambda c, a=line.account_id: a
                in c.payment_method_ids.filtered(
                    "is_cash_count"
                ).journal_id.default_account_id
            )
            if not till_configs:
                continue  # the back office's cash
            running = till_configs.session_ids.filtered(
                lambda s: s.state in ("opened", "closing_control")
            )
            if running:
                raise UserError(
                    self.env._(
                        "The till %(till)s has a session open: close it before "
                        "paying its cash in.",
                        till=running[0].config_id.name,
                    )
                )
            line.pos_session_id = (
                self.env["pos.session"]
                .sudo()
                .search(
                    [("config_id", "in", till_configs.ids), ("state", "=", "closed")],
                    order="stop_at desc, id desc",
                    limit=1,
                )
            )

    def action_acknowledge(self):
        """Only the comptable acknowledges a versement, never one he paid in
        himself (CGCT R1617-3; instruction 06-031-A-B-M: the comptable controls
        the régisseur, he does not act for him)."""
        if not self.env.su and not self.env.user.has_group(
            "tourism_base.group_tourism_accountant"
        ):
            raise UserError(self.env._("Only the comptable acknowledges a versement."))
        for deposit in self:
            if deposit.state != "done":
                raise UserError(self.env._("Only a paid-in versement is acknowledged."))
            if not self.env.su and deposit.validated_by_id == self.env.user:
                raise UserError(
                    self.env._(
                        "%(user)s paid this versement in: someone else acknowledges "
                        "it.",
                        user=self.env.user.name,
                    )
                )
            if not deposit.ack_date or not deposit.ack_number:
                raise UserError(
                    self.env._("Give the date and number of the comptable's receipt.")
                )
            deposit._money_set_state("acknowledged")
        return True

    def write(self, vals):
        # The comptable's receipt is typed on a paid-in versement; once
        # acknowledged, it stays.
        if (
            {"ack_date", "ack_number"} & set(vals)
            and not self._money_is_trusted()
            and any(d.state == "acknowledged" for d in self)
        ):
            raise self._money_lock_error()
        return super().write(vals)

    def type_summary(self):
        """Receipts of the period by receipt type, third parties apart: list of
        (receipt type, amount) for the bordereau."""
        self.ensure_one()
        regie = self.regie_id.sudo()
        domain = [
            ("account_id", "in", regie.receipt_type_ids.account_id.ids),
            ("parent_state", "=", "posted"),
            ("date", "<=", self.date),
            "|",
            ("journal_id", "=", regie.journal_id.id),
            ("journal_id", "in", regie.pos_config_ids.journal_id.ids),
        ]
        if self.period_start:
            domain.append(("date", ">=", self.period_start))
        totals = defaultdict(lambda: Decimal("0.00"))
        for account, balance in (
            self.env["account.move.line"]
            .sudo()
            ._read_group(domain, ["account_id"], ["balance:sum"])
        ):
            totals[account] = -regie_maths.to_money(balance)
        return [
            (rtype, totals.get(rtype.account_id, Decimal("0.00")))
            for rtype in regie.receipt_type_ids
        ]

    def pos_cheque_total(self):
        """Cheques taken at the tills in the period (the tills record no number)."""
        self.ensure_one()
        domain = [
            ("session_id.tourism_regie_id", "=", self.regie_id.id),
            ("session_id.state", "=", "closed"),
            ("payment_method_id.tourism_payment_nature", "=", "cheque"),
            ("payment_date", "<", fields.Date.add(self.date, days=1)),
        ]
        if self.period_start:
            domain.append(("payment_date", ">=", self.period_start))
        payments = self.env["pos.payment"].sudo().search(domain)
        return len(payments), regie_maths.to_money(str(sum(payments.mapped("amount"))))

    def action_print(self):
        # The bordereau opens in the web client first; its Print button gives the PDF.
        action = self.env.ref(
            "tourism_regie.action_report_regie_deposit"
        ).report_action(self)
        action["report_type"] = "qweb-html"
        return action
