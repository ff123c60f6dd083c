# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResPartner(models.Model):
    """The first and last name of a debtor who is a person, entered by the office.

    Hélios rejects a titre whose debtor is a person (CatTiers 01) without a civility
    and a first name (Class_TiersRecette.xsd, PES V2 v5.30, Civilite: « Obligatoire si
    Cat du tiers 01 sinon rejet du bordereau »; Prenom: « Obligatoire si Cat 01
    personne physique »). The partner's name is one free text, so the parts are
    entered, never guessed from it. The field names are OCA partner_firstname's, so
    that adopting that addon later keeps the data (readme/ROADMAP.md)."""

    _inherit = "res.partner"

    firstname = fields.Char(
        string="First Name",
        help="First name of a person, as sent to Hélios (Prenom) on the titres "
        "de recettes.",
    )
    lastname = fields.Char(
        string="Last Name",
        help="Last name of a person, as sent to Hélios (Nom) on the titres de "
        "recettes.",
    )
