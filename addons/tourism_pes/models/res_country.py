# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Codes of the INSEE's Code officiel géographique (pays et territoires étrangers)
# of the countries of the European Economic Area and of the neighbours the office's
# hosts come from, by ISO 3166 code. Others are entered on the country (Contacts >
# Configuration > Countries).
INSEE_COUNTRY_CODES = {
    "FR": "99100",  # France
    "DE": "99109",  # Allemagne
    "AT": "99110",  # Autriche
    "BE": "99131",  # Belgique
    "BG": "99111",  # Bulgarie
    "CY": "99254",  # Chypre
    "HR": "99119",  # Croatie
    "DK": "99101",  # Danemark
    "ES": "99134",  # Espagne
    "EE": "99106",  # Estonie
    "FI": "99105",  # Finlande
    "GR": "99126",  # Grèce
    "HU": "99112",  # Hongrie
    "IE": "99136",  # Irlande
    "IS": "99102",  # Islande
    "IT": "99127",  # Italie
    "LV": "99107",  # Lettonie
    "LI": "99113",  # Liechtenstein
    "LT": "99108",  # Lituanie
    "LU": "99137",  # Luxembourg
    "MT": "99144",  # Malte
    "NO": "99103",  # Norvège
    "NL": "99135",  # Pays-Bas
    "PL": "99122",  # Pologne
    "PT": "99139",  # Portugal
    "CZ": "99116",  # Tchéquie
    "RO": "99114",  # Roumanie
    "SK": "99117",  # Slovaquie
    "SI": "99145",  # Slovénie
    "SE": "99104",  # Suède
    "CH": "99140",  # Suisse
    "GB": "99132",  # Royaume-Uni
    "AD": "99130",  # Andorre
    "MC": "99138",  # Monaco
}


class ResCountry(models.Model):
    """The country's code in the INSEE's Code officiel géographique (99xxx), which
    Hélios reads for a debtor living abroad: « CodPays [...] Cette zone utilise la
    codification de l'INSEE », compulsory when CodRes is 1 « sinon rejet du
    bordereau » (PES V2 v5.30, Class_Adresse.xsd)."""

    _inherit = "res.country"

    pes_insee_code = fields.Char(
        string="INSEE Country Code",
        size=5,
        help="Code of the country in the INSEE's Code officiel géographique (99 "
        "then three digits, e.g. 99131 for Belgium), sent to Hélios (CodPays) for "
        "a debtor living in this country.",
    )

    @api.constrains("pes_insee_code")
    def _check_pes_insee_code(self):
        for country in self:
            code = country.pes_insee_code
            if code and not (len(code) == 5 and code.isdigit() and code[:2] == "99"):
                raise ValidationError(
                    self.env._(
                        "An INSEE country code is 99 followed by three digits "
                        "(e.g. 99131 for Belgium)."
                    )
                )

    @api.model
    def _pes_load_insee_codes(self):
        """Fill in the INSEE codes of INSEE_COUNTRY_CODES (at install and update),
        leaving alone a code the office entered."""
        countries = self.search(
            [("code", "in", list(INSEE_COUNTRY_CODES)), ("pes_insee_code", "=", False)]
        )
        for country in countries:
            country.pes_insee_code = INSEE_COUNTRY_CODES[country.code]
