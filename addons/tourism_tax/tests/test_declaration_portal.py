# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from freezegun import freeze_time

import odoo
from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.tourism_base.tests.common import new_portal_host

from .common import TourismTaxDeclarationCommon


@tagged("post_install", "-at_install")
class TestDeclarationPortal(HttpCase, TourismTaxDeclarationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.host.tourism_commune_id = cls.commune
        new_portal_host(cls.env, "decl_host", cls.host, "Hôtesse")
        other_host = cls.env["res.partner"].create(
            {"name": "Voisin", "is_company": True, "is_tourism_provider": True}
        )
        cls.other_lodging = cls._lodging(name="Hôtel du Voisin", host_id=other_host.id)
        cls.other_declaration = cls.env["tourism.tax.declaration"].create(
            {
                "lodging_id": cls.other_lodging.id,
                "period_id": cls.q3.id,
                "is_zero": True,
            }
        )

    def _token(self, url):
        page = self.url_open(url)
        return re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)

    def _post(self, url, data, page="/my/tax/declarations"):
        return self.url_open(url, data=dict(data, csrf_token=self._token(page)))

    def test_live_amount_of_the_stay_being_typed(self):
        """The preview computes without saving, and only on the host's own
        declarations."""
        declaration = self.env["tourism.tax.declaration"].create(
            {"lodging_id": self.hotel.id, "period_id": self.q3.id}
        )
        self.authenticate("decl_host", "decl_host")
        stay = {
            "arrival": "2026-07-12",
            "departure": "2026-07-15",
            "persons": "4",
            "exempt_minors": "2",
        }
        url = f"/my/tax/declarations/{declaration.id}/preview"
        result = self.make_jsonrpc_request(url, stay)
        self.assertEqual(result["person_nights"], 6)
        self.assertEqual(result["total"], "8,64\N{NO-BREAK SPACE}€")
        self.assertEqual(result["declaration_total"], "8,64\N{NO-BREAK SPACE}€")
        self.assertFalse(declaration.stay_ids, "nothing is saved")
        wrong = self.make_jsonrpc_request(url, dict(stay, exempt_minors="5"))
        self.assertIn("exonérées", wrong["error"])
        self.assertNotIn("total", wrong)
        self.assertIn(
            "nombres", self.make_jsonrpc_request(url, dict(stay, persons="x"))["error"]
        )
        # Someone else's declaration, or one that does not exist: nothing computed.
        for other_id in (self.other_declaration.id, 999999):
            other = self.make_jsonrpc_request(
                f"/my/tax/declarations/{other_id}/preview", stay
            )
            self.assertEqual(set(other), {"error"})

    @freeze_time("2026-10-05")
    def test_host_declares_a_period(self):
        self.authenticate("decl_host", "decl_host")
        self.assertIn("/my/tax/declarations", self.url_open("/my").text)
        page = self.url_open("/my/tax/declarations")
        self.assertNotIn("Hôtel du Voisin", page.text)
        response = self._post(
            "/my/tax/declarations/new",
            {"lodging_id": self.hotel.id, "period_id": self.q3.id},
        )
        declaration = self.env["tourism.tax.declaration"].search(
            [("lodging_id", "=", self.hotel.id)]
        )
        self.assertTrue(response.url.endswith(declaration.access_url))
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
        response = self._post(
            f"{url}/stay",
            {"arrival": "2026-08-02", "departure": "2026-08-09", "persons": "2"},
            page=url,
        )
        # The amount due is shown before sending: 20 person-nights at 1.44.
        self.assertIn("28,80", response.text)
        self.assertEqual(declaration.amount_total, 28.80)
        # A wrong line is refused with a message naming it; nothing is added.
        response = self._post(
            f"{url}/stay",
            {
                "arrival": "2026-08-10",
                "departure": "2026-08-12",
                "persons": "2",
                "exempt_minors": "3",
            },
            page=url,
        )
        self.assertIn("o_tourism_error", response.text)
        self.assertIn("10/08/2026", response.text)
        self.assertEqual(len(declaration.stay_ids), 2)
        pdf = self.url_open(f"{url}/pdf")
        self.assertEqual(pdf.status_code, 200)
        response = self._post(f"{url}/submit", {}, page=url)
        self.assertIn("submitted=1", response.url)
        self.assertEqual(declaration.state, "submitted")
        # A second click (another tab) shows the sent declaration, no error.
        response = self._post(f"{url}/submit", {})
        self.assertNotIn("o_tourism_error", response.text)
        self.assertEqual(declaration.state, "submitted")
        # Once sent, the host cannot add lines any more.
        self._post(
            f"{url}/stay",
            {"arrival": "2026-09-01", "departure": "2026-09-02", "persons": "2"},
        )
        self.assertEqual(len(declaration.stay_ids), 2)

    @freeze_time("2026-10-05")
    def test_other_hosts_declarations_are_out_of_reach(self):
        self.authenticate("decl_host", "decl_host")
        other_url = f"/my/tax/declarations/{self.other_declaration.id}"
        response = self.url_open(other_url)
        self.assertTrue(response.url.endswith("/my/tax/declarations"))
        self.assertNotIn(self.other_declaration.name, response.text)
        for path, data in (
            (
                f"{other_url}/stay",
                {"arrival": "2026-07-01", "departure": "2026-07-02", "persons": "9"},
            ),
            (f"{other_url}/submit", {}),
        ):
            with self.subTest(path=path):
                self._post(path, data)
        self.assertEqual(self.other_declaration.state, "draft")
        pdf = self.url_open(f"{other_url}/pdf")
        self.assertTrue(pdf.url.endswith("/my/tax/declarations"))
        self.assertFalse(self.other_declaration.stay_ids)
        # Declaring for another host's lodging is refused too.
        response = self._post(
            "/my/tax/declarations/new",
            {"lodging_id": self.other_lodging.id, "period_id": self.q3.id},
        )
        self.assertIn("o_tourism_error", response.text)
        self.assertEqual(
            self.env["tourism.tax.declaration"].search_count(
                [("lodging_id", "=", self.other_lodging.id)]
            ),
            1,
        )

    def test_portal_tour_declares_a_quarter(self):
        """In a real browser, in French: declare the third quarter and send it."""
        self.start_tour("/my", "tourism_tax_portal_declaration", login="decl_host")
        declaration = self.env["tourism.tax.declaration"].search(
            [("lodging_id", "=", self.hotel.id)]
        )
        self.assertEqual(declaration.state, "submitted")
        self.assertEqual(declaration.amount_total, 8.64)
        self.authenticate("decl_host", "decl_host")
        statement = self.url_open(f"{declaration.access_url}/pdf")
        self.assertEqual(statement.status_code, 200)
        self.assertIn("attachment", statement.headers.get("Content-Disposition", ""))

    @freeze_time("2026-10-05")
    def test_host_imports_the_register(self):
        declaration = self.env["tourism.tax.declaration"].create(
            {"lodging_id": self.hotel.id, "period_id": self.q3.id}
        )
        self.authenticate("decl_host", "decl_host")
        url = declaration.access_url
        register = (
            b"arrivee;depart;personnes;mineurs\n"
            b"12/07/2026;15/07/2026;4;2\n"
            b"02/08/2026;09/08/2026;2;0\n"
        )
        response = self.url_open(
            f"{url}/import",
            data={"csrf_token": self._token(url)},
            files={"file": ("registre.csv", register, "text/csv")},
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("28,80", response.text)
        self.assertEqual(len(declaration.stay_ids), 2)
        # A wrong register is refused whole, with the line.
        response = self.url_open(
            f"{url}/import",
            data={"csrf_token": self._token(url)},
            files={
                "file": (
                    "registre.csv",
                    b"arrivee;depart;personnes\nx;y;z\n",
                    "text/csv",
                )
            },
        )
        self.assertIn("o_tourism_error", response.text)
        self.assertIn("2", response.text)
        declaration.invalidate_recordset()
        self.assertEqual(len(declaration.stay_ids), 2)

    @freeze_time("2026-12-05")
    def test_declarations_page_queries_do_not_grow_with_history(self):
        """The page lists every declaration of the host: a long history must not cost
        one more query per declaration."""
        Declaration = self.env["tourism.tax.declaration"]
        periods = self.deliberation.period_ids

        def page_queries():
            self.url_open("/my/tax/declarations")  # warm the caches
            before = odoo.sql_db.sql_counter
            self.url_open("/my/tax/declarations")
            return odoo.sql_db.sql_counter - before

        self.authenticate("decl_host", "decl_host")
        Declaration.create(
            {"lodging_id": self.hotel.id, "period_id": periods[0].id, "is_zero": True}
        )
        one = page_queries()
        for period in periods[1:]:
            Declaration.create(
                {"lodging_id": self.hotel.id, "period_id": period.id, "is_zero": True}
            )
        self.assertEqual(page_queries(), one)

    @freeze_time("2026-10-05")
    def test_register_export(self):
        declaration = self.env["tourism.tax.declaration"].create(
            {
                "lodging_id": self.hotel.id,
                "period_id": self.q3.id,
                "stay_ids": [
                    Command.create(
                        {
                            "arrival": "2026-07-12",
                            "departure": "2026-07-15",
                            "persons": 4,
                            "exempt_minors": 2,
                        }
                    )
                ],
            }
        )
        self.authenticate("decl_host", "decl_host")
        response = self.url_open(f"/my/lodgings/{self.hotel.id}/register.csv?year=2026")
        self.assertIn("attachment", response.headers["Content-Disposition"])
        lines = response.content.decode("utf-8-sig").splitlines()
        self.assertEqual(len(lines), 2)
        self.assertTrue(
            lines[1].startswith(f"{declaration.name};12/07/2026;15/07/2026;3;4;2")
        )
        self.assertIn("8,64", lines[1])
        # Another host's register is out of reach.
        response = self.url_open(f"/my/lodgings/{self.other_lodging.id}/register.csv")
        self.assertNotIn("attachment", response.headers.get("Content-Disposition", ""))
