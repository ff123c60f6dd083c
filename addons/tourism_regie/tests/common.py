# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests.common import TransactionCase

from odoo.addons.tourism_base.tests.common import new_tourism_user


class RegieCommon(TransactionCase):
    """A régie of its own (accounts, journal, one information point and its till),
    independent of the demo data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        Account = cls.env["account.account"]

        def account(code, name, account_type, reconcile=False):
            return Account.create(
                {
                    "code": code,
                    "name": name,
                    "account_type": account_type,
                    "reconcile": reconcile,
                }
            )

        cls.acc_cash = account("531901", "Caisse régie test", "asset_cash")
        cls.acc_cheque = account("511901", "Chèques test", "asset_current", True)
        cls.acc_card = account("511902", "Cartes test", "asset_current", True)
        cls.acc_transfer = account(
            "581901", "Versements en cours test", "asset_current", True
        )
        cls.acc_dft = account("515901", "DFT test", "asset_cash")
        cls.acc_shop = account("707901", "Boutique test", "income")
        cls.acc_tours = account("706901", "Visites test", "income")
        cls.acc_tickets = account(
            "467901", "Billets tiers test", "liability_current", True
        )
        cls.journal = cls.env["account.journal"].create(
            {"name": "Régie test", "code": "RGT", "type": "general"}
        )
        cls.dft_journal = cls.env["account.journal"].create(
            {
                "name": "DFT test",
                "code": "DFTT",
                "type": "bank",
                "default_account_id": cls.acc_dft.id,
            }
        )
        cls.regisseur = new_tourism_user(
            cls.env,
            "regisseur_test",
            "base.group_user,tourism_base.group_tourism_regisseur",
            name="Régisseur Test",
        )
        cls.mandataire = new_tourism_user(
            cls.env,
            "mandataire_test",
            "base.group_user,tourism_regie.group_tourism_regie_mandataire",
            name="Mandataire Test",
        )
        cls.comptable = new_tourism_user(
            cls.env,
            "comptable_test",
            "base.group_user,tourism_base.group_tourism_accountant",
            name="Comptable Test",
        )
        cls.organiser = cls.env["res.partner"].create(
            {"name": "Festival test", "is_company": True}
        )
        cls.payer = cls.env["res.partner"].create({"name": "Autocars test"})
        cls.regie = cls.env["tourism.regie"].create(
            {
                "name": "Régie test",
                "act_reference": "Délibération test",
                "max_cash": 1000,
                "cash_float": 100,
                "regisseur_id": cls.regisseur.id,
                "journal_id": cls.journal.id,
                "nature_account_ids": [
                    Command.create({"nature": "cash", "account_id": cls.acc_cash.id}),
                    Command.create(
                        {"nature": "cheque", "account_id": cls.acc_cheque.id}
                    ),
                    Command.create({"nature": "card", "account_id": cls.acc_card.id}),
                ],
                "transfer_account_id": cls.acc_transfer.id,
                "dft_journal_id": cls.dft_journal.id,
                "mandataire_ids": [
                    Command.create(
                        {
                            "user_id": cls.mandataire.id,
                            "role": "mandataire",
                            "date_from": "2020-01-01",
                        }
                    )
                ],
                "receipt_type_ids": [
                    Command.create({"name": "Boutique", "account_id": cls.acc_shop.id}),
                    Command.create({"name": "Visites", "account_id": cls.acc_tours.id}),
                    Command.create(
                        {
                            "name": "Billetterie tiers",
                            "account_id": cls.acc_tickets.id,
                            "is_third_party": True,
                            "third_party_ids": [Command.set(cls.organiser.ids)],
                        }
                    ),
                ],
            }
        )
        cls.type_shop, cls.type_tours, cls.type_tickets = cls.regie.receipt_type_ids

    def make_receipt(self, amount, rtype=None, nature="cash", post=True, **vals):
        receipt = self.env["tourism.regie.receipt"].create(
            {
                "regie_id": self.regie.id,
                "receipt_type_id": (rtype or self.type_tours).id,
                "description": "Visite",
                "amount": amount,
                "payment_nature": nature,
                "partner_id": self.payer.id,
                **vals,
            }
        )
        if post:
            receipt.action_post()
        return receipt

    def balance(self, account):
        return self.regie._balances(accounts=account)[account]
