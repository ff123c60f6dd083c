# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from decimal import Decimal

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from odoo.addons.tourism_base.tests.common import new_tourism_user

from .common import RegieCommon


@tagged("post_install", "-at_install")
class TestRegie(RegieCommon):
    def test_created_with_quittancier_and_hashed_journal(self):
        self.assertTrue(self.journal.restrict_mode_hash_table)
        self.assertEqual(self.regie.receipt_sequence_id.implementation, "no_gap")

    def test_regisseur_cannot_be_ordonnateur(self):
        president = new_tourism_user(
            self.env,
            "president",
            "base.group_user,tourism_base.group_tourism_ordonnateur",
            name="Président",
        )
        with self.assertRaisesRegex(ValidationError, "ordonnateur"):
            self.regie.regisseur_id = president

    def test_regisseur_is_not_a_portal_user(self):
        portal = new_tourism_user(self.env, "portal_x", "base.group_portal")
        with self.assertRaises(ValidationError):
            self.regie.regisseur_id = portal

    def test_mandataire_checks(self):
        president = new_tourism_user(
            self.env,
            "president2",
            "base.group_user,tourism_base.group_tourism_ordonnateur",
            name="Président",
        )
        with self.assertRaises(ValidationError):
            self.regie.mandataire_ids = [
                Command.create({"user_id": president.id, "date_from": "2026-01-01"})
            ]
        with self.assertRaises(ValidationError):
            self.regie.mandataire_ids = [
                Command.create(
                    {
                        "user_id": self.regisseur.id,
                        "date_from": "2026-02-01",
                        "date_to": "2026-01-01",
                    }
                )
            ]

    def test_third_party_type_names_its_third_parties(self):
        with self.assertRaisesRegex(ValidationError, "third parties"):
            self.env["tourism.regie.receipt.type"].create(
                {
                    "name": "Billets sans convention",
                    "regie_id": self.regie.id,
                    "account_id": self.acc_tickets.id,
                    "is_third_party": True,
                }
            )

    def test_negative_maximum_refused(self):
        with self.assertRaises(ValidationError):
            self.regie.max_cash = -1

    def test_demo_regie(self):
        regie = self.env.ref("tourism_regie.regie_chalosse_tursan")
        self.assertEqual(
            regie.regisseur_id, self.env.ref("tourism_base.user_regisseur")
        )
        # Bridges may authorise more receipts (tourism_regie_invoice: invoices).
        self.assertLessEqual(
            {
                "Boutique",
                "Billetterie pour compte de tiers",
                "Visites guidées",
                "Taxe de séjour",
            },
            set(regie.receipt_type_ids.mapped("name")),
        )
        self.assertEqual(len(regie.pos_config_ids), 5)
        cheque = regie.pos_config_ids.payment_method_ids.filtered(
            lambda m: m.tourism_payment_nature == "cheque"
        )
        self.assertEqual(cheque.outstanding_account_id, regie._nature_account("cheque"))
        deposit = self.env.ref("tourism_regie.deposit_chalosse_tursan_1")
        self.assertEqual(deposit.state, "done")
        # 192.00 cheque + 88.00 + 63.36 cash: the advance paid before it came
        # from the advance fund, not from the recettes.
        self.assertEqual(deposit.amount_total, 343.36)
        self.assertEqual(deposit.amount_cheque, 192.00)

    def test_demo_advance_in_the_journal_de_caisse(self):
        regie = self.env.ref("tourism_regie.regie_chalosse_tursan")
        advance = self.env.ref("tourism_regie.advance_saveurs_de_chalosse")
        self.assertEqual(advance.state, "reimbursed")
        lines = self.env["tourism.regie.book.line"].search(
            [("advance_id", "=", advance.id)]
        )
        self.assertEqual(
            sorted((x.source, x.nature, x.amount_in, x.amount_out) for x in lines),
            [
                ("advance", "advance", 0.0, 36.80),
                ("reimbursement", "advance", 36.80, 0.0),
            ],
        )
        self.assertEqual(
            set(lines.mapped("label")),
            {
                "Saveurs de Chalosse - Ticket de caisse SC-2026-0412 - Panier de "
                "produits de Chalosse pour l'accueil des journalistes"
            },
        )
        # The versement took all the recettes' cash; the reimbursement made the
        # advance fund whole again (300.00, the acte's montant de l'avance).
        cash = regie._nature_account("cash")
        self.assertEqual(regie._balances(accounts=cash)[cash], Decimal("0.00"))
        self.assertEqual(regie.advance_fund_cash, 300.0)
        self.assertEqual(regie.advance_outstanding, 0.0)
