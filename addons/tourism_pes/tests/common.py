# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.tourism_tax.tests.common import TourismTaxDeclarationCommon

from ..tools import pes_xml


class TourismPesCommon(TourismTaxDeclarationCommon):
    """Two invoiced declarations (a hotel company, a person's furnished flat), the
    PES identifiers, budget imputations, the comptable; helpers to emit and
    acknowledge bordereaux."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.write(
            {
                "pes_id_post": "040062",
                "pes_id_coll": "20004123400017",
                "pes_cod_col": "512",
                "pes_cod_bud": "02",
            }
        )
        cls.tax_account.write({"pes_nature": "7362", "pes_product_code": "TS"})
        cls.departement.account_id.write(
            {"pes_nature": "4671", "pes_product_code": "TAD"}
        )
        cls.gpso.account_id.write({"pes_nature": "4671", "pes_product_code": "TAR"})
        cls.host.write(
            {"street": "12 place du Tour du Sol", "zip": "40500", "city": "Saint-Sever"}
        )
        # A person (an individual host renting a furnished flat): CatTiers 01.
        cls.other_host = cls.env["res.partner"].create(
            {
                "name": "Marie Dufau",
                "title": cls.env.ref("base.res_partner_title_madam").id,
                "firstname": "Marie",
                "lastname": "Dufau",
                "street": "3 rue du Château",
                "zip": "40320",
                "city": "Geaune",
            }
        )
        cls.comptable = new_test_user(
            cls.env,
            login="pes_comptable",
            groups="base.group_user,tourism_base.group_tourism_accountant",
        )
        cls.first = cls._invoiced(cls.hotel)
        cls.second = cls._invoiced(
            cls._lodging(nature="furnished", name="Meublé", host_id=cls.other_host.id)
        )
        today = cls.first.invoice_id.invoice_date
        cls.period = {"date_from": today.replace(day=1), "date_to": today}

    @classmethod
    def _invoiced(cls, lodging):
        declaration = cls.env["tourism.tax.declaration"].create(
            {
                "lodging_id": lodging.id,
                "period_id": cls.q3.id,
                "stay_ids": [
                    Command.create(
                        {
                            "arrival": "2026-07-01",
                            "departure": "2026-07-04",
                            "persons": 2,
                        }
                    )
                ],
            }
        )
        declaration.action_submit()
        declaration.with_user(cls.ordonnateur).action_validate()
        return declaration

    def _bordereau(self):
        return (
            self.env["tourism.pes.bordereau"]
            .with_user(self.ordonnateur)
            .create(dict(self.period))
        )

    def _emitted(self):
        bordereau = self._bordereau()
        bordereau.action_prepare()
        bordereau.action_emit()
        return bordereau

    def _acquit(self, bordereau, rejected=()):
        elements = [
            {"ok": True, "exercice": bordereau.exercice, "bordereau": bordereau.number}
        ] + [
            {
                "ok": False,
                "exercice": bordereau.exercice,
                "bordereau": bordereau.number,
                "piece": titre.number,
                "code": "ERREUR_AUTRE",
                "label": "Adresse du débiteur inconnue",
            }
            for titre in rejected
        ]
        header = {
            "file_name": "ACK.xml",
            "date": "2026-10-06",
            "id_post": "040062",
            "id_coll": "20004123400017",
            "cod_col": "512",
            "cod_bud": "02",
            "sender": "DGFIP",
            "application": "Helios",
        }
        return pes_xml.build_acquit(header, elements)

    def _import(self, bordereau, data, user=None, lang="en_US"):
        wizard = (
            self.env["tourism.pes.acquit.import"]
            .with_user(user or self.ordonnateur)
            .with_context(lang=lang)
            .create(
                {
                    "bordereau_id": bordereau.id,
                    "file_data": base64.b64encode(data),
                    "file_name": "ACK.xml",
                }
            )
        )
        return wizard.action_import()
