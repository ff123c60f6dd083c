# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.tourism_base.tests.common import new_tourism_user


class TourismGroupCommon(BaseCommon):
    """A day package: lunch (10 % VAT), a farm visit, a visit by an office guide."""

    TRIP = date(2027, 3, 10)  # winter time: Paris is UTC+1

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company.write(
            {
                "tourism_group_markup": 1.25,
                "tourism_group_price_step": 0.5,
                "tourism_group_rounding": "half_up",
                "tourism_atout_france_number": "IM040990001",
                "tourism_financial_guarantor": "Garant Test",
                "tourism_insurer": "Assureur Test",
            }
        )
        partner = cls.env["res.partner"]
        cls.restaurant = partner.create({"name": "Relais Test", "is_company": True})
        cls.farm = partner.create({"name": "Ferme Test", "is_company": True})
        cls.client = partner.create({"name": "Club Test", "is_company": True})
        cls.other_client = partner.create(
            {"name": "Amicale Voisine", "is_company": True}
        )
        cls.tax10 = cls.env["account.tax"].create(
            {
                "name": "TVA déductible 10 % (test)",
                "amount": 10,
                "amount_type": "percent",
                "type_tax_use": "purchase",
                "price_include_override": "tax_excluded",
                "company_id": cls.company.id,
            }
        )
        cls.guide = new_tourism_user(cls.env, "ot_guide", "base.group_user")
        cls.theme = cls.env.ref("tourism_group.theme_gastronomy")
        cls.package = cls.env["tourism.group.package"].create(
            {
                "name": "Journée Test",
                "theme_id": cls.theme.id,
                "min_size": 20,
                "max_size": 53,
                "free_drivers": 1,
                "one_free_per": 20,
                "season_ids": [
                    Command.set(cls.env.ref("tourism_group.season_all_year").ids)
                ],
                "component_ids": [
                    Command.create(
                        {
                            "name": "Visite guidée",
                            "cost_basis": "group",
                            "unit_cost": 0.0,
                            "guide_id": cls.guide.id,
                            "start_time": 10.0,
                            "duration": 1.5,
                        }
                    ),
                    Command.create(
                        {
                            "name": "Déjeuner",
                            "supplier_id": cls.restaurant.id,
                            "cost_basis": "person",
                            "unit_cost": 28.50,
                            "purchase_tax_id": cls.tax10.id,
                            "start_time": 12.5,
                        }
                    ),
                    Command.create(
                        {
                            "name": "Ferme",
                            "supplier_id": cls.farm.id,
                            "cost_basis": "person",
                            "unit_cost": 7.0,
                            "start_time": 15.0,
                        }
                    ),
                ],
                "bracket_ids": [
                    Command.create({"min_size": 20, "max_size": 29, "price": 58.0}),
                    Command.create({"min_size": 30, "max_size": 44, "price": 52.0}),
                    Command.create({"min_size": 45, "max_size": 0, "price": 49.0}),
                ],
            }
        )

    @classmethod
    def _quote(cls, paying=38, partner=None, **vals):
        return cls.env["sale.order"].create(
            {
                "partner_id": (partner or cls.client).id,
                "tourism_package_id": cls.package.id,
                "tourism_trip_date": cls.TRIP,
                "tourism_paying": paying,
                **vals,
            }
        )
