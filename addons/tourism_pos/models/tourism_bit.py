# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError


class TourismBit(models.Model):
    # The demo builders extend the model apart, in demo/: kept out of here.
    _inherit = "tourism.bit"  # pylint: disable=consider-merging-classes-inherited

    pos_config_ids = fields.One2many(
        "pos.config", "tourism_bit_id", string="Points of Sale"
    )
    pos_config_count = fields.Integer(compute="_compute_pos_config_count")
    cash_journal_id = fields.Many2one(
        "account.journal",
        string="Cash Journal",
        check_company=True,
        domain="[('type', '=', 'cash')]",
        help="The till's cash book: each information point keeps its own cash.",
    )

    @api.depends("pos_config_ids")
    def _compute_pos_config_count(self):
        counts = dict(
            self.env["pos.config"]._read_group(
                [("tourism_bit_id", "in", self.ids)], ["tourism_bit_id"], ["__count"]
            )
        )
        for bit in self:
            bit.pos_config_count = counts.get(bit, 0)

    def action_setup_point_of_sale(self):
        """Give each information point its warehouse, cash journal and till.

        Idempotent: what exists is kept, only what is missing is created. Card and
        cheque payment methods are shared by all tills; cash is per till (Odoo
        refuses a cash method shared between two points of sale).
        """
        configs = self.env["pos.config"]
        for bit in self:
            bit._tourism_warehouse()
            bit._setup_cash_journal()
            config = bit.pos_config_ids[:1]
            if not config:
                config = self.env["pos.config"].create(bit._prepare_pos_config_vals())
            configs |= config
        if len(configs) == 1:
            return {
                "type": "ir.actions.act_window",
                "res_model": "pos.config",
                "res_id": configs.id,
                "view_mode": "form",
            }
        return True

    def action_view_pos_configs(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "point_of_sale.action_pos_config_kanban"
        )
        action["domain"] = [("tourism_bit_id", "=", self.id)]
        action["context"] = {"default_tourism_bit_id": self.id}
        return action

    def _setup_cash_journal(self):
        self.ensure_one()
        if self.cash_journal_id:
            return
        code = "C" + (self.code or "").upper()[:4]
        Journal = self.env["account.journal"]
        if Journal.search_count(
            [("code", "=", code), ("company_id", "=", self.company_id.id)]
        ):
            raise UserError(
                self.env._(
                    "A journal with code %(code)s already exists: choose the cash "
                    "journal of %(point)s by hand.",
                    code=code,
                    point=self.name,
                )
            )
        self.cash_journal_id = Journal.create(
            {
                "name": self.env._("Cash %(point)s", point=self.name),
                "type": "cash",
                "code": code,
                "company_id": self.company_id.id,
            }
        )

    def _shared_payment_methods(self):
        """Card and cheque methods, created once per company."""
        self.ensure_one()
        company = self.company_id
        PaymentMethod = self.env["pos.payment.method"]
        bank_journal = self.env["account.journal"].search(
            [("type", "=", "bank"), ("company_id", "=", company.id)], limit=1
        )
        if not bank_journal:
            raise UserError(
                self.env._(
                    "The company has no bank journal: "
                    "install the chart of accounts first."
                )
            )
        methods = PaymentMethod
        for nature, name in (
            ("card", self.env._("Card")),
            ("cheque", self.env._("Cheque")),
        ):
            method = PaymentMethod.search(
                [
                    ("tourism_payment_nature", "=", nature),
                    ("journal_id.type", "=", "bank"),
                    ("company_id", "=", company.id),
                ],
                limit=1,
            )
            methods |= method or PaymentMethod.create(
                {
                    "name": name,
                    "journal_id": bank_journal.id,
                    "company_id": company.id,
                    "tourism_payment_nature": nature,
                }
            )
        return methods

    def _prepare_pos_config_vals(self):
        self.ensure_one()
        cash_method = self.cash_journal_id.pos_payment_method_ids[:1]
        if not cash_method:
            cash_method = self.env["pos.payment.method"].create(
                {
                    "name": self.env._("Cash %(point)s", point=self.name),
                    "journal_id": self.cash_journal_id.id,
                    "company_id": self.company_id.id,
                }
            )
        return {
            "name": self.name,
            "tourism_bit_id": self.id,
            "company_id": self.company_id.id,
            "payment_method_ids": [
                Command.set((cash_method | self._shared_payment_methods()).ids)
            ],
            "cash_control": True,
        }
