# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io
import re

import openpyxl
from freezegun import freeze_time

from odoo import Command
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException

from odoo.addons.tourism_base.tests.common import new_portal_host

from .common import TourismTaxDeclarationCommon
from .xlsx_samples import crafted_xlsx


@tagged("post_install", "-at_install")
class TestPortalIntegrity(HttpCase, TourismTaxDeclarationCommon):
    """The host's portal (issue 13, §2 and §4): what a host submitted is what he
    is invoiced, his lodgings are where the tax is collected (CGCT L2333-26),
    his declarations stay his, and no input makes the server fail."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.host.tourism_commune_id = cls.commune
        new_portal_host(cls.env, "integrity_host", cls.host, "Hôtesse")
        cls.new_host = cls.env["res.partner"].create(
            {"name": "Repreneur", "is_company": True, "is_tourism_provider": True}
        )
        new_portal_host(cls.env, "integrity_new_host", cls.new_host, "Repreneuse")
        cls.hotel.capacity = 10

    def _token(self, url):
        page = self.url_open(url)
        return re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)

    def _post(self, url, data, page=None, files=None):
        token = self._token(page or url)
        return self.url_open(url, data=dict(data, csrf_token=token), files=files)

    def _draft(self):
        return self.env["tourism.tax.declaration"].create(
            {"lodging_id": self.hotel.id, "period_id": self.q3.id}
        )

    @freeze_time("2026-10-05")
    def test_submitted_amount_is_the_invoiced_amount(self):
        """The host submits 8.64 for his 3-star hotel, then gives it 5 stars and
        50 beds from the portal: the declaration, its stays and the invoice
        keep what he submitted (only a rectifying declaration changes them)."""
        self.authenticate("integrity_host", "integrity_host")
        self._post(
            "/my/tax/declarations/new",
            {"lodging_id": self.hotel.id, "period_id": self.q3.id},
            page="/my/tax/declarations",
        )
        declaration = self.env["tourism.tax.declaration"].search(
            [("lodging_id", "=", self.hotel.id)]
        )
        url = declaration.access_url
        self._post(
            f"{url}/stay",
            {
                "arrival": "2026-07-12",
                "departure": "2026-07-15",
                "persons": "4",
                "exempt_minors": "2",
            },
            page=url,
        )
        response = self._post(f"{url}/submit", {}, page=url)
        self.assertIn("8,64", response.text)
        self.assertEqual(declaration.state, "submitted")
        response = self._post(
            f"/my/lodgings/{self.hotel.id}",
            {
                "name": self.hotel.name,
                "commune_id": str(self.commune.id),
                "nature_id": str(self.hotel.nature_id.id),
                "classification": "5",
                "capacity": "50",
            },
        )
        self.assertIn("saved=1", response.url)
        self.assertEqual(self.hotel.classification, "5")
        self.env.invalidate_all()
        self.assertEqual(declaration.amount_total, 8.64)
        self.assertEqual(declaration.submitted_classification, "3")
        self.assertEqual(declaration.submitted_capacity, 10)
        self.assertEqual(declaration.stay_ids.classification, "3")
        declaration.with_user(self.ordonnateur).action_validate()
        self.assertAlmostEqual(declaration.invoice_id.amount_total, 8.64)
        self.assertEqual(declaration.amount_total, 8.64)

    def test_commune_must_collect_the_tax(self):
        """Tampered commune ids are refused, nothing is saved: a commune of an
        intercommunality without an adopted deliberation, an archived one, an
        id no commune has."""
        elsewhere = self.env["tourism.commune"].create(
            {
                "name": "Horsville",
                "insee_code": "40998",
                "zip": "40980",
                "epci_id": self.env["tourism.epci"].create({"name": "CC Sans Taxe"}).id,
            }
        )
        archived = self.env["tourism.commune"].create(
            {
                "name": "Ancienne",
                "insee_code": "40997",
                "zip": "40970",
                "epci_id": self.epci.id,
                "active": False,
            }
        )
        self.authenticate("integrity_host", "integrity_host")
        form = self.url_open("/my/lodgings/new").text
        self.assertNotIn("Horsville", form)
        for commune_id in (elsewhere.id, archived.id, "99999999999999999999"):
            with self.subTest(commune_id=commune_id):
                response = self._post(
                    "/my/lodgings/new",
                    {
                        "name": "Gîte égaré",
                        "commune_id": str(commune_id),
                        "nature_id": str(self.hotel.nature_id.id),
                        "classification": "0",
                        "capacity": "2",
                    },
                )
                self.assertEqual(response.status_code, 200)
                self.assertIn("o_tourism_error", response.text)
                response = self._post(
                    f"/my/lodgings/{self.hotel.id}",
                    {"name": self.hotel.name, "commune_id": str(commune_id)},
                )
                self.assertIn("o_tourism_error", response.text, response.url)
        self.assertFalse(
            self.env["tourism.lodging"].search([("name", "=", "Gîte égaré")])
        )
        self.assertEqual(self.hotel.commune_id, self.commune)

    @freeze_time("2026-10-05")
    def test_declarations_stay_with_the_host_who_made_them(self):
        declaration = self._draft()
        declaration.write(
            {
                "stay_ids": [
                    Command.create(
                        {
                            "arrival": "2026-07-12",
                            "departure": "2026-07-15",
                            "persons": 2,
                        }
                    )
                ]
            }
        )
        declaration.action_submit()
        declaration.action_validate()
        self.hotel.host_id = self.new_host  # the office records the sale
        self.assertEqual(declaration.host_id, self.host)
        self.assertEqual(declaration.invoice_id.partner_id, self.host)
        self.authenticate("integrity_new_host", "integrity_new_host")
        page = self.url_open("/my/tax/declarations")
        self.assertNotIn(declaration.name, page.text)
        response = self.url_open(declaration.access_url)
        self.assertTrue(response.url.endswith("/my/tax/declarations"))
        register = self.url_open(f"/my/lodgings/{self.hotel.id}/register.csv?year=2026")
        self.assertIn("attachment", register.headers["Content-Disposition"])
        self.assertNotIn(declaration.name, register.content.decode("utf-8-sig"))
        # The period is declared already: the new host is told, nothing created.
        response = self._post(
            "/my/tax/declarations/new",
            {"lodging_id": self.hotel.id, "period_id": self.q3.id},
            page="/my/tax/declarations",
        )
        self.assertIn("ancien", response.text)
        self.assertEqual(
            self.env["tourism.tax.declaration"].search_count(
                [("lodging_id", "=", self.hotel.id)]
            ),
            1,
        )
        # The host who declared still has it.
        self.authenticate("integrity_host", "integrity_host")
        self.assertIn(declaration.name, self.url_open("/my/tax/declarations").text)

    @freeze_time("2026-10-05")
    def test_second_click_lands_on_the_declaration(self):
        self.authenticate("integrity_host", "integrity_host")
        urls = [
            self._post(
                "/my/tax/declarations/new",
                {"lodging_id": self.hotel.id, "period_id": self.q3.id},
                page="/my/tax/declarations",
            ).url
            for _click in range(2)
        ]
        declaration = self.env["tourism.tax.declaration"].search(
            [("lodging_id", "=", self.hotel.id)]
        )
        self.assertEqual(len(declaration), 1)
        self.assertEqual(urls, [self.base_url() + declaration.access_url] * 2)

    @freeze_time("2026-10-05")
    def test_bad_input_gets_a_message_never_an_error(self):
        """The inputs of the load test and of the review: each one is answered
        with a message in French, saves nothing, and is never an HTTP 500."""
        declaration = self._draft()
        url = declaration.access_url
        self.authenticate("integrity_host", "integrity_host")
        stay = {"arrival": "2026-07-12", "departure": "2026-07-15", "persons": "2"}
        for field, value in (
            ("persons", "99999999999999999999"),
            ("exempt_minors", "-99999999999999999999"),
            ("price_per_night", "1e309"),
            ("price_per_night", "NaN"),
            ("price_per_night", "-inf"),
            ("arrival", "99999-01-01"),
        ):
            with self.subTest(field=field, value=value):
                response = self._post(
                    f"{url}/stay", dict(stay, **{field: value}), page=url
                )
                self.assertEqual(response.status_code, 200)
                self.assertIn("vérifier les dates et les nombres", response.text)
                preview = self.make_jsonrpc_request(
                    f"{url}/preview", dict(stay, **{field: value})
                )
                self.assertEqual(set(preview), {"error"})
        for path in (
            "/my/tax/declarations/99999999999999999999",
            "/my/lodgings/99999999999999999999",
        ):
            with self.subTest(path=path):
                self.assertEqual(self.url_open(path).status_code, 200)
        response = self._post(
            "/my/tax/declarations/new",
            {"lodging_id": "99999999999999999999", "period_id": self.q3.id},
            page="/my/tax/declarations",
        )
        self.assertIn("o_tourism_error", response.text)
        response = self.url_open(
            f"/my/lodgings/{self.hotel.id}/register.csv?year=99999"
        )
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("attachment", response.headers.get("Content-Disposition", ""))
        self.assertIn("Choisissez une année", response.text)
        files = (
            # A byte neither UTF-8 nor Windows-1252 can read.
            ("registre.csv", b"arrivee;depart;personnes\n12/07/2026;15/07/2026;\x81\n"),
            # 5 KB that declare 12 million cells: refused before any row is read.
            ("registre.xlsx", crafted_xlsx("A1:L1000000")),
            # A row far beyond what the sheet declares.
            (
                "registre.xlsx",
                crafted_xlsx(
                    "A1:C2",
                    '<row r="12000000"><c r="A12000000"><v>1</v></c></row>',
                ),
            ),
            (
                "registre.csv",
                b"arrivee;depart;personnes\n12/07/2026;15/07/2026;99999999999\n",
            ),
            ("registre.csv", b"arrivee;depart;personnes;prix_nuit\n1;2;3;NaN\n"),
        )
        for name, content in files:
            with self.subTest(file=name, size=len(content)):
                self.assertLess(len(content), 6000)
                response = self._post(
                    f"{url}/import",
                    {},
                    page=url,
                    files={"file": (name, content, "text/plain")},
                )
                self.assertEqual(response.status_code, 200)
                self.assertIn("o_tourism_error", response.text)
        declaration.invalidate_recordset()
        self.assertFalse(declaration.stay_ids)
        self.assertEqual(declaration.state, "draft")

    def test_conseiller_cannot_change_a_state_by_json_rpc(self):
        declaration = self._draft()
        self.authenticate("tax_conseiller", "tax_conseiller")
        with self.assertRaises(JsonRpcException):
            self.make_jsonrpc_request(
                "/web/dataset/call_kw/tourism.tax.declaration/write",
                {
                    "model": "tourism.tax.declaration",
                    "method": "write",
                    "args": [[declaration.id], {"state": "paid"}],
                    "kwargs": {},
                },
            )
        self.assertEqual(declaration.state, "draft")

    def test_xlsx_export_writes_text_as_text(self):
        self.host.name = '=HYPERLINK("http://example.com";"Payer ici")'
        declaration = self._draft()
        content, _type = self.env["ir.actions.report"]._render_xlsx(
            "tourism_tax.action_report_tax_declaration_xlsx", declaration.ids, {}
        )
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        cell = sheet.cell(row=2, column=2)
        self.assertEqual(cell.data_type, "s")
        self.assertEqual(cell.value, self.host.name)
