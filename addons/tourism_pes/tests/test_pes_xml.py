# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import gzip

from lxml import etree

from odoo.tests import BaseCase, tagged

from ..tools import pes_xml

HEADER = {
    "file_name": "PES_Recette_2026_0000001.xml",
    "date": "2026-10-05",
    "id_post": "040062",
    "id_coll": "20004123400017",
    "cod_col": "512",
    "cod_bud": "02",
    "libelle": "OT Chalosse Tursan",
    "sender": "Odoo Tourisme",
}
TIERS = {
    "siret": "696 669 852 00019",
    "ref": "42",
    "is_company": True,
    "civility": None,
    "name": "Hôtel de l'Abbaye",
    "street": "12 place du Tour du Sol",
    "street2": "",
    "zip": "40500",
    "city": "Saint-Sever",
}


def piece(number=1, amount="12.30", **values):
    return {
        "number": number,
        "date": "2026-10-01",
        "object": "FAC/2026/00001",
        "tiers": TIERS,
        "lines": [
            {
                "number": 1,
                "object": "Taxe de séjour",
                "product_code": "TS",
                "nature": "7362",
                "fonction": "",
                "amount": amount,
            }
        ],
        "pjs": [
            {
                "id_unique": f"AVIS2026{number:08d}001",
                "name": "FAC_2026_00001.pdf",
                "description": "Avis des sommes à payer FAC/2026/00001",
                "content": b"%PDF-1.4 avis",
            }
        ],
        **values,
    }


@tagged("post_install", "-at_install")
class TestPesXml(BaseCase):
    """The PES_Aller of a bordereau of titres, domaine Recette (Protocole d'échange
    standard PES V2; field meanings from the DGFiP's schemas, data/xsd/README.md)."""

    def _build(self, pieces):
        bordereau = {"exercice": 2026, "number": 3, "date": "2026-10-05"}
        return pes_xml.build_pes_aller(HEADER, bordereau, pieces)

    def test_valid_file_and_what_it_says(self):
        """The file validates; totals, numbers, debtor and the gzipped avis in it."""
        xml = self._build([piece(1, "12.30"), piece(2, "7.70")])
        document = pes_xml.validate(xml, "PES_Aller_Recette.xsd")
        bloc = document.find("PES_RecetteAller/Bordereau/BlocBordereau")
        self.assertEqual(bloc.find("Exer").get("V"), "2026")
        self.assertEqual(bloc.find("IdBord").get("V"), "3")
        self.assertEqual(bloc.find("NbrPce").get("V"), "2")
        self.assertEqual(bloc.find("MtBordHt").get("V"), "20.00")
        info = document.find(".//Piece/LigneDePiece/Tiers/InfoTiers")
        self.assertEqual(info.find("IdTiers").get("V"), "69666985200019")
        self.assertEqual(info.find("NatIdTiers").get("V"), "01")
        fichier = document.find("PES_PJ/PJ/Contenu/Fichier")
        self.assertEqual(
            gzip.decompress(base64.b64decode(fichier.text)), b"%PDF-1.4 avis"
        )
        ref = document.find(".//BlocPiece/PJRef/IdUnique").get("V")
        self.assertEqual(ref, document.find("PES_PJ/PJ/IdUnique").get("V"))

    def test_schema_catches_a_bad_file(self):
        """A file that breaks the schema is refused with the line and the reason."""
        xml = self._build([piece()])
        tree = etree.fromstring(xml)
        tree.find(".//BlocBordereau/Exer").set("V", "20260")
        with self.assertRaises(pes_xml.PesError) as caught:
            pes_xml.validate(etree.tostring(tree), "PES_Aller_Recette.xsd")
        self.assertEqual(caught.exception.code, "schema")
        self.assertIn("Exer", caught.exception.details)

    def test_texts_follow_the_pes_rules(self):
        """Base_Texte: one line, cut to size, never "", ".", "nc" or zeros only."""
        cases = [
            ("  Hôtel\nde  l'Abbaye ", 38, "Hôtel de l'Abbaye"),
            ("x" * 50, 38, "x" * 38),
            (".", 38, None),
            ("nc", 38, None),
            ("000", 38, None),
            ("", 38, None),
            (None, 38, None),
        ]
        for value, size, expected in cases:
            with self.subTest(value=value):
                self.assertEqual(pes_xml.text(value, size), expected)
        self.assertEqual(pes_xml.alnum("Éte-2026/01", 50), "Ete202601")
        self.assertEqual(pes_xml.amount("12.3"), "12.30")
        with self.assertRaises(pes_xml.PesError):
            pes_xml.amount("0")

    def test_acquit_read_and_refused(self):
        """The acknowledgement is read element by element; a file of another kind, or
        broken, is named as such."""
        header = dict(HEADER, file_name="ACK.xml")
        elements = [
            {"ok": True, "exercice": 2026, "bordereau": 3},
            {
                "ok": False,
                "exercice": 2026,
                "bordereau": 3,
                "piece": 2,
                "code": "ERREUR_AUTRE",
                "label": "Adresse incomplète",
            },
        ]
        read = pes_xml.read_acquit(pes_xml.build_acquit(header, elements))
        self.assertEqual([e["ok"] for e in read], [True, False])
        self.assertEqual(read[1]["piece"], 2)
        self.assertEqual(read[1]["label"], "Adresse incomplète")
        for data, code in (
            (b"not xml", "syntax"),
            (self._build([piece()]), "foreign"),
            (
                b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "e">]><x>&e;</x>',
                "foreign",
            ),
        ):
            with self.subTest(code=code), self.assertRaises(pes_xml.PesError) as caught:
                pes_xml.read_acquit(data)
            self.assertEqual(caught.exception.code, code)
        broken = pes_xml.build_acquit(header, elements).replace(
            b'V="2026"', b'V="20x6"'
        )
        with self.assertRaises(pes_xml.PesError) as caught:
            pes_xml.read_acquit(broken)
        self.assertEqual(caught.exception.code, "schema")
