# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase, new_test_user, tagged

from .common import regie_nature_accounts


@tagged("post_install", "-at_install")
class TestDeskPayment(TransactionCase):
    """A host pays the invoice of his taxe de séjour declaration at the BIT de
    Hagetmau (demo): quittance of the régie's quittancier, invoice reconciled,
    the money in the BIT's books by payment nature, then in the next versement
    (CGCT R1617-1 to R1617-18; instruction 06-031-A-B-M)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        ref = cls.env.ref
        cls.regie = ref("tourism_regie.regie_chalosse_tursan")
        cls.conseiller = ref("tourism_base.user_conseiller")
        cls.regisseur = ref("tourism_base.user_regisseur")
        cls.hagetmau = ref("tourism_base.bit_hagetmau")
        cls.declaration = ref("tourism_tax.declaration_abbaye_2026_q3")
        cls.invoice = cls.declaration.invoice_id
        cls.rtype = ref("tourism_regie_invoice.receipt_type_invoices")

    def _receipt(self, user, amount=None, nature="cheque", invoice=None, **vals):
        invoice = invoice or self.invoice
        return (
            self.env["tourism.regie.receipt"]
            .with_user(user)
            .create(
                {
                    "regie_id": self.regie.id,
                    "invoice_id": invoice.id,
                    "bit_id": self.hagetmau.id,
                    "partner_id": invoice.commercial_partner_id.id,
                    "receipt_type_id": self.rtype.id,
                    "description": f"Facture {invoice.name}",
                    "amount": invoice.amount_residual if amount is None else amount,
                    "payment_nature": nature,
                    **vals,
                }
            )
        )

    def test_cheque_at_hagetmau_books_and_next_versement(self):
        """The quittance pays the invoice, the declaration is paid, the cheque is
        in Hagetmau's books and leaves them with the next versement."""
        self.assertEqual(self.declaration.state, "invoiced")
        due = self.invoice.amount_residual
        self.assertGreater(due, 0)
        action = self.declaration.with_user(self.conseiller).action_tourism_regie_pay()
        self.assertEqual(action["context"]["default_regie_id"], self.regie.id)
        self.assertEqual(action["context"]["default_receipt_type_id"], self.rtype.id)
        self.assertEqual(action["context"]["default_amount"], due)
        receipt = self._receipt(self.conseiller, cheque_number="0012345")
        receipt.action_post()
        self.assertRegex(receipt.name, r"^Q\d{4}-\d{5}$")
        self.assertEqual(receipt.state, "posted")
        self.assertIn(self.invoice.payment_state, ("paid", "in_payment"))
        self.assertEqual(self.invoice.amount_residual, 0.0)
        self.assertEqual(self.declaration.state, "paid")
        self.assertEqual(self.invoice.tourism_regie_receipt_ids, receipt)
        # The journal de caisse: in at Hagetmau, as a cheque.
        book = self.env["tourism.regie.book.line"].search(
            [("receipt_id", "=", receipt.id)]
        )
        self.assertRecordValues(
            book,
            [
                {
                    "source": "receipt",
                    "nature": "cheque",
                    "bit_id": self.hagetmau.id,
                    "amount_in": due,
                    "amount_out": 0.0,
                    "reference": receipt.name,
                }
            ],
        )
        # The cheques account: the one the quittance's entry debits.
        cheques = receipt.move_id.line_ids.filtered("debit").account_id
        held = self.regie._balances(accounts=cheques)[cheques]
        self.assertGreaterEqual(float(held), book.amount_in)
        # The next versement takes it to the comptable, with the quittance listed.
        deposit = (
            self.env["tourism.regie.deposit"]
            .with_user(self.regisseur)
            .create({"regie_id": self.regie.id})
        )
        deposit.action_compute_lines()
        self.assertIn(receipt, deposit.cheque_receipt_ids)
        line = deposit.line_ids.filtered(lambda x: x.account_id == cheques)
        self.assertEqual(line.amount, float(held))
        deposit.action_validate()
        self.assertEqual(deposit.state, "done")
        self.assertEqual(self.regie._balances(accounts=cheques)[cheques], 0)
        out = self.env["tourism.regie.book.line"].search(
            [("deposit_id", "=", deposit.id), ("nature", "=", "cheque")]
        )
        self.assertEqual(out.amount_out, float(held))

    def test_cash_partial_payments_never_above_the_residual(self):
        due = self.invoice.amount_residual
        with self.assertRaisesRegex(UserError, "still due"):
            self._receipt(
                self.conseiller, amount=due + 0.01, nature="cash"
            ).action_post()
        first = self._receipt(self.conseiller, amount=10.0, nature="cash")
        first.action_post()
        self.assertEqual(self.invoice.payment_state, "partial")
        self.assertEqual(self.declaration.state, "invoiced")
        book = self.env["tourism.regie.book.line"].search(
            [("receipt_id", "=", first.id)]
        )
        self.assertEqual((book.nature, book.bit_id), ("cash", self.hagetmau))
        # Two quittances of one call cannot together exceed what is due.
        both = self._receipt(self.conseiller, amount=due - 10.0, nature="cash")
        both |= self._receipt(self.conseiller, amount=0.01, nature="cash")
        with self.assertRaisesRegex(UserError, "still due"):
            both.action_post()
        both[0].action_post()
        self.assertEqual(self.declaration.state, "paid")
        with self.assertRaisesRegex(UserError, "already paid"):
            both[1].action_post()

    def test_cancel_keeps_the_number_and_the_invoice_is_due_again(self):
        receipt = self._receipt(self.conseiller, nature="cash")
        receipt.action_post()
        number = receipt.name
        self.assertEqual(self.declaration.state, "paid")
        receipt.cancel_reason = "Chèque sans provision"
        receipt.action_cancel()
        self.assertEqual(receipt.state, "cancel")
        self.assertEqual(receipt.name, number)
        self.assertEqual(receipt.cancel_move_id.state, "posted")
        self.assertEqual(self.invoice.payment_state, "not_paid")
        self.assertEqual(self.declaration.state, "invoiced")
        # The counter-entry: out of the books, the number stays in the series.
        book = self.env["tourism.regie.book.line"].search(
            [("receipt_id", "=", receipt.id)]
        )
        self.assertEqual(sorted(book.mapped("source")), ["cancel", "receipt"])
        # Paid again with a new quittance.
        again = self._receipt(self.conseiller, nature="cash")
        again.action_post()
        self.assertNotEqual(again.name, number)
        self.assertEqual(self.declaration.state, "paid")
        with self.assertRaises(UserError):
            receipt.invoice_id = False

    def test_only_the_regies_people_take_the_payment(self):
        """CGCT R1617-3: only the régisseur and his mandataires within their
        dates handle the régie's money; a POS user of the same point, a
        mandataire of another régie or one whose mandate ended cannot."""
        plain = new_test_user(
            self.env,
            login="desk_plain",
            tz="Europe/Paris",
            groups="base.group_user,tourism_base.group_tourism_user",
        )
        plain.tourism_bit_id = self.hagetmau
        with self.assertRaises(AccessError):
            self._receipt(plain)
        with self.assertRaises(AccessError):
            self.declaration.with_user(plain).action_tourism_regie_pay()
        draft = self._receipt(self.env.user)
        with self.assertRaises(AccessError):
            draft.with_user(plain).action_post()
        # A mandataire of another régie (another information point), whose
        # accounts are those of the régie's own quittances.
        cash = self.env.ref("tourism_regie.account_regie_cash")
        cheques = self.env.ref("tourism_regie.account_regie_cheque")
        journal = self.env["account.journal"].create(
            {"name": "Régie Geaune", "code": "RGEA", "type": "general"}
        )
        other_man = new_test_user(
            self.env,
            login="desk_other_regie",
            tz="Europe/Paris",
            groups="base.group_user,tourism_regie.group_tourism_regie_mandataire",
        )
        self.env["tourism.regie"].create(
            {
                "name": "Autre régie",
                "regisseur_id": self.regisseur.id,
                "journal_id": journal.id,
                **regie_nature_accounts(self.env, cash, cheques),
                "transfer_account_id": self.regie.transfer_account_id.id,
                "mandataire_ids": [
                    Command.create({"user_id": other_man.id, "date_from": "2020-01-01"})
                ],
            }
        )
        with self.assertRaises(AccessError):
            self._receipt(other_man)
        with self.assertRaises(AccessError):
            draft.with_user(other_man).action_post()
        # A former mandataire: his mandate ended yesterday.
        former = new_test_user(
            self.env,
            login="desk_former",
            tz="Europe/Paris",
            groups="base.group_user,tourism_regie.group_tourism_regie_mandataire",
        )
        self.regie.mandataire_ids = [
            Command.create(
                {
                    "user_id": former.id,
                    "date_from": "2020-01-01",
                    "date_to": fields.Date.add(fields.Date.today(), days=-2),
                }
            )
        ]
        with self.assertRaises(UserError):  # AccessError included
            draft.with_user(former).action_post()
        self.assertEqual(draft.state, "draft")
        self.assertEqual(self.invoice.payment_state, "not_paid")

    def test_tampered_invoice_refused(self):
        """What the client sends is checked: another customer, a receipt type
        that is not the invoice's account, an invoice already paid."""
        with self.assertRaisesRegex(ValidationError, "made out to its customer"):
            self._receipt(self.conseiller, partner_id=self.conseiller.partner_id.id)
        shop = self.env.ref("tourism_regie.receipt_type_shop")
        with self.assertRaisesRegex(ValidationError, "receipt type on that account"):
            self._receipt(self.conseiller, receipt_type_id=shop.id)
        self._receipt(self.conseiller).action_post()
        with self.assertRaisesRegex(UserError, "already paid"):
            self._receipt(self.conseiller, amount=1.0).action_post()

    def test_invoices_to_collect_for_the_mandataire(self):
        """Régie > Factures à encaisser: the conseiller-mandataire reads the open
        customer invoices (a plain POS user reads only the POS orders' ones); a
        click on the row opens the quittance."""
        action = self.env.ref("tourism_regie_invoice.account_move_action_desk")
        Move = self.env["account.move"].with_user(self.conseiller)
        views = Move.get_views([(action.view_id.id, "list"), (False, "search")])
        self.assertIn("action_tourism_regie_pay", views["views"]["list"]["arch"])
        domain = [
            ("move_type", "=", "out_invoice"),
            ("state", "=", "posted"),
            ("payment_state", "in", ("not_paid", "partial")),
        ]
        found = Move.search(domain)
        self.assertIn(self.invoice, found)
        self.assertEqual(
            found.mapped("move_type"), ["out_invoice"] * len(found), "invoices only"
        )
        self.invoice.with_user(self.conseiller).action_tourism_regie_pay()
