# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase


class TourismTaxCommon(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(
            context=dict(cls.env.context, tracking_disable=True, lang="en_US")
        )
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
        return cls.env["tourism.tax.deliberation"].create(
            {
                "year": year,
                "epci_id": cls.epci.id,
                "tariff_ids": [
                    (
                        0,
                        0,
                        {
                            "category_id": Category.search([("code", "=", code)]).id,
                            "tariff": tariff,
                        },
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
