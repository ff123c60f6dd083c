# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from .common import TourismGroupCommon


@tagged("post_install", "-at_install")
class TestMarginVat(TourismGroupCommon):
    """Issue 14 items 13-16 and issue 13 §1 for the margin VAT statements."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Issue 14 item 13's example: 30 paying x 40.00; a third-party lunch at
        # 640.00 VAT included; the office's own guide valued at 150.00.
        cls.example = cls.env["tourism.group.package"].create(
            {
                "name": "Journée exemple",
                "theme_id": cls.theme.id,
                "min_size": 20,
                "max_size": 53,
                "season_ids": [
                    Command.set(cls.env.ref("tourism_group.season_all_year").ids)
                ],
                "component_ids": [
                    Command.create(
                        {
                            "name": "Visite par le guide de l'office",
                            "cost_basis": "group",
                            "unit_cost": 150.0,
                            "guide_id": cls.guide.id,
                            "start_time": 10.0,
                        }
                    ),
                    Command.create(
                        {
                            "name": "Déjeuner",
                            "supplier_id": cls.restaurant.id,
                            "cost_basis": "group",
                            "unit_cost": 640.0,
                            "start_time": 12.5,
                        }
                    ),
                ],
                "bracket_ids": [
                    Command.create({"min_size": 20, "max_size": 0, "price": 40.0})
                ],
            }
        )
        cls.manager = new_test_user(
            cls.env,
            login="margin_manager",
            groups="base.group_user,tourism_base.group_tourism_manager",
        )

    def _example_quote(self):
        quote = self._quote(30, tourism_package_id=self.example.id)
        self.assertEqual(quote.amount_total, 1200.0)
        return quote

    def _statement(self, **vals):
        return self.env["tourism.group.margin.statement"].create(
            {
                "basis": "trip",
                "date_from": date(2027, 3, 1),
                "date_to": date(2027, 3, 31),
                **vals,
            }
        )

    def test_in_house_part_taxed_apart_and_posted(self):
        """Only the sums invoiced by third parties are deducted from the margin
        (CGI art. 266-1-e; Directive 2006/112/EC art. 306-307); the office's own
        guide is taxed under the ordinary rules on its share of the price, valued
        at market value (CJEU C-308/96 Madgett and Baldwin). Before: margin 410.00
        and VAT 68.33 with the guide deducted as a cost. Now: 150.00 at 20 %
        (25.00) plus the margin VAT of 1,050.00 - 640.00 (68.33): 93.33, posted
        to the VAT-due account when the statement is closed."""
        quote = self._example_quote()
        self.assertEqual(quote.tourism_margin_vat, 93.33)
        quote.action_confirm()
        # The guide is the office's: no booking request for it.
        self.assertEqual(quote.tourism_purchase_ids.partner_id, self.restaurant)
        statement = self._statement()
        statement.action_compute()
        line = statement.line_ids
        self.assertEqual(
            (line.sales, line.in_house_price, line.costs, line.margin),
            (1200.0, 150.0, 640.0, 410.0),
        )
        self.assertEqual(statement.in_house_vat, 25.0)
        self.assertEqual(statement.vat, 68.33)
        self.assertEqual(statement.vat_total, 93.33)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("tourism_group.report_margin_statement", statement.ids)[
                0
            ]
            .decode()
        )
        self.assertIn("In-house services", html)
        self.assertRegex(html, r"93[.,]33")
        statement.action_close()
        move = statement.move_id
        self.assertEqual(move.state, "posted")
        vat_lines = move.line_ids.filtered("tax_line_id")
        self.assertEqual(sorted(vat_lines.mapped("credit")), [25.0, 68.33])
        self.assertEqual(vat_lines.account_id.account_type, "liability_current")
        self.assertEqual(sum(move.line_ids.mapped("debit")), 93.33)

    def test_outside_eu_margin_exempt(self):
        """CGI art. 262 bis: the margin on services supplied outside the EU by
        third parties is exempt; the price is split pro rata to the costs."""
        quote = self._example_quote()
        lunch = quote.tourism_component_ids.filtered("supplier_id")
        lunch.outside_eu = True
        quote.action_confirm()
        statement = self._statement()
        statement.action_compute()
        self.assertEqual(statement.margin_outside_eu, 410.0)
        self.assertEqual((statement.margin, statement.vat), (0.0, 0.0))
        self.assertEqual(statement.vat_total, 25.0)  # the guide, in France

    def test_atout_france_before_confirming(self):
        """Code du tourisme L211-18: a package that includes third parties'
        services is not confirmed until the company's Atout France registration
        number, financial guarantor and insurer are set; a package of the office's
        own services only needs none of them."""
        self.company.tourism_financial_guarantor = False
        quote = self._example_quote()
        with self.assertRaisesRegex(UserError, "L211-18"), self.env.cr.savepoint():
            quote.action_confirm()
        self.assertEqual(quote.state, "draft")
        own_only = self.example.copy({"name": "Visite seule"})
        own_only.component_ids.filtered("supplier_id").unlink()
        self._quote(30, tourism_package_id=own_only.id).action_confirm()

    def test_closed_statement_is_final(self):
        """Issue 13 §1: a closed statement is final for every user: its state
        changes only through its actions, its period and trips are frozen, it
        cannot be deleted; the Responsable OT sees who changed what (auditlog)."""
        self._example_quote().action_confirm()
        draft = self._statement()
        draft.action_compute()
        with self.assertRaises(UserError), self.env.cr.savepoint():
            draft.with_user(self.manager).write({"state": "done"})
        draft.action_close()
        statement = draft.with_user(self.manager)
        for vals in (
            {"state": "draft"},
            {"date_to": date(2027, 4, 30)},
            {"basis": "payment"},
            {"loss_carried_in": 1000.0},
            {"move_id": False},
        ):
            with (
                self.subTest(vals=vals),
                self.assertRaises(UserError),
                self.env.cr.savepoint(),
            ):
                statement.write(vals)
        with self.assertRaises(UserError), self.env.cr.savepoint():
            statement.line_ids.write({"costs": 1200.0})
        with self.assertRaises(UserError), self.env.cr.savepoint():
            statement.line_ids.unlink()
        with self.assertRaises(UserError), self.env.cr.savepoint():
            statement.unlink()
        with self.assertRaises(UserError), self.env.cr.savepoint():
            statement.action_compute()
        self.assertEqual(statement.state, "done")
        self.assertTrue(
            self.env["auditlog.log"].search(
                [
                    ("model_id.model", "=", "tourism.group.margin.statement"),
                    ("res_id", "=", statement.id),
                ]
            )
        )
