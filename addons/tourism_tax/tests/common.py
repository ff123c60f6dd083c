# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command

from odoo.addons.tourism_base.tests.common import TourismCase, new_tourism_user


class TourismTaxCommon(TourismCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ref = cls.env.ref
        # A collectivity of its own, so that the demo deliberations do not interfere.
        cls.epci = cls.env["tourism.epci"].create({"name": "CC de Test"})
        cls.commune = cls.env["tourism.commune"].create(
            {
                "name": "Testville",
                "insee_code": "40999",
                "zip": "40990",
                "epci_id": cls.epci.id,
            }
        )
        cls.host = cls.env["res.partner"].create(
            {"name": "Hôte de Test", "is_company": True, "is_tourism_provider": True}
        )
        cls.tariffs = {
            "palace": 4.00,
            "stars_5": 2.50,
            "stars_4": 1.50,
            "stars_3": 1.00,
            "stars_2": 0.70,
            "stars_1": 0.50,
            "outdoor_3_5": 0.50,
            "outdoor_1_2": 0.20,
        }

    @classmethod
    def _deliberation(cls, year=2026, tariffs=None, **values):
        Category = cls.env["tourism.tax.category"]
        # Adopted before 1 July of the year before (CGCT L2333-26).
        values.setdefault("date_adopted", f"{year - 1}-06-15")
        return cls.env["tourism.tax.deliberation"].create(
            {
                "year": year,
                "epci_id": cls.epci.id,
                "tariff_ids": [
                    Command.create(
                        {
                            "category_id": Category.search([("code", "=", code)]).id,
                            "tariff": tariff,
                        }
                    )
                    for code, tariff in (tariffs or cls.tariffs).items()
                ],
                **values,
            }
        )

    @classmethod
    def _lodging(cls, nature="hotel", classification="3", **values):
        return cls.env["tourism.lodging"].create(
            {
                "name": "Lodging",
                "host_id": cls.host.id,
                "commune_id": cls.commune.id,
                "nature_id": cls.ref(f"tourism_tax.lodging_nature_{nature}").id,
                "classification": classification,
                "capacity": 10,
                **values,
            }
        )


class TourismTaxDeclarationCommon(TourismTaxCommon):
    """An adopted 2026 deliberation with accounts and the Landes add-ons, a 3-star hotel
    and the users who validate declarations."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Account = cls.env["account.account"]
        cls.tax_account = Account.create(
            {
                "code": "706810",
                "name": "Taxe de séjour (test)",
                "account_type": "income",
            }
        )
        cls.departement = cls.ref("tourism_tax.surcharge_departement_landes")
        cls.gpso = cls.ref("tourism_tax.surcharge_gpso")
        for code, surcharge in (("467111", cls.departement), ("467121", cls.gpso)):
            surcharge.account_id = Account.create(
                {
                    "code": code,
                    "name": surcharge.name,
                    "account_type": "liability_current",
                    "reconcile": True,
                }
            )
        cls.deliberation = cls._deliberation(
            year=2026,
            base_account_id=cls.tax_account.id,
            surcharge_ids=[Command.set((cls.departement | cls.gpso).ids)],
            flat_rate_nature_ids=[
                Command.set(cls.ref("tourism_tax.lodging_nature_campsite").ids)
            ],
            allowance_rate=50.0,
        )
        cls.deliberation.action_generate_periods()
        cls.deliberation.action_adopt()
        cls.q3 = cls.deliberation.period_ids.filtered(lambda p: p.date_from.month == 7)
        cls.hotel = cls._lodging(
            name="Hôtel 3 étoiles", nature="hotel", classification="3"
        )
        cls.regisseur = new_tourism_user(
            cls.env,
            "tax_regisseur",
            "base.group_user,tourism_base.group_tourism_regisseur",
        )
        # Liquidates declarations into titres (décret 2012-1246 art. 11).
        cls.ordonnateur = new_tourism_user(
            cls.env,
            "tax_ordonnateur",
            "base.group_user,tourism_base.group_tourism_ordonnateur",
        )
        cls.conseiller = new_tourism_user(
            cls.env, "tax_conseiller", "base.group_user,tourism_base.group_tourism_user"
        )
