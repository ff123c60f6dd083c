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
    "application": "tourism_pes 18.0.1.0.0",
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
    standard PES V2; every file is checked against the DGFiP's official schemas,
    set v5.30, data/xsd/README.md)."""

    def _build(self, pieces):
        bordereau = {"exercice": 2026, "number": 3, "date": "2026-10-05"}
        return pes_xml.build_pes_aller(HEADER, bordereau, pieces)

    def test_valid_file_and_what_it_says(self):
        """The file validates against the official PES_Aller.xsd; totals, numbers,
        debtor (a company: CatTiers 50, NatJur 03, CommunPES.xsd) and the gzipped
        avis in it."""
        xml = self._build([piece(1, "12.30"), piece(2, "7.70")])
        document = pes_xml.validate(xml, pes_xml.PES_ALLER_XSD)
        bloc = document.find("PES_RecetteAller/Bordereau/BlocBordereau")
        self.assertEqual(bloc.find("Exer").get("V"), "2026")
        self.assertEqual(bloc.find("IdBord").get("V"), "3")
        self.assertEqual(bloc.find("NbrPce").get("V"), "2")
        self.assertEqual(bloc.find("MtBordHt").get("V"), "20.00")
        info = document.find(".//Piece/LigneDePiece/Tiers/InfoTiers")
        self.assertEqual(info.find("IdTiers").get("V"), "69666985200019")
        self.assertEqual(info.find("NatIdTiers").get("V"), "01")
        self.assertEqual(info.find("CatTiers").get("V"), "50")
        sender = document.find("Enveloppe/Emetteur")
        self.assertEqual(sender.find("Sigle").get("V"), "Odoo Tourisme")
        self.assertEqual(sender.find("Adresse").get("V"), "tourism_pes 18.0.1.0.0")
        fichier = document.find("PES_PJ/PJ/Contenu/Fichier")
        self.assertEqual(
            gzip.decompress(base64.b64decode(fichier.text)), b"%PDF-1.4 avis"
        )
        ref = document.find(".//BlocPiece/PJRef/IdUnique").get("V")
        self.assertEqual(ref, document.find("PES_PJ/PJ/IdUnique").get("V"))

    def test_person_debtor_civility_first_and_last_name(self):
        """A debtor who is a person goes as CatTiers 01, NatJur 01 (CommunPES.xsd)
        with Civilite, Nom (the last name) and Prenom in the schema's order, and the
        file validates against the official PES_Aller.xsd. Without a civility or a
        first name nothing is built: « Civilite [...] Obligatoire si Cat du tiers 01
        sinon rejet du bordereau » and « Prenom Obligatoire si Cat 01 personne
        physique absence pour un tiers personne physique aboutit à rejet du
        bordereau » (NS_Recette/r0/Class_TiersRecette.xsd, PES V2 v5.30)."""
        person = dict(
            TIERS,
            siret="",
            is_company=False,
            civility="Mme",
            name="Marie Dufau",
            firstname="Marie",
            lastname="Dufau",
        )
        xml = self._build([piece(tiers=person)])
        document = pes_xml.validate(xml, pes_xml.PES_ALLER_XSD)
        info = document.find(".//Piece/LigneDePiece/Tiers/InfoTiers")
        self.assertEqual(
            [(node.tag, node.get("V")) for node in info],
            [
                ("RefTiers", "42"),
                ("CatTiers", "01"),
                ("NatJur", "01"),
                ("TypTiers", "01"),
                ("Civilite", "Mme"),
                ("Nom", "Dufau"),
                ("Prenom", "Marie"),
            ],
        )
        for key in ("civility", "firstname", "lastname"):
            with self.subTest(missing=key), self.assertRaises(pes_xml.PesError) as c:
                self._build([piece(tiers=dict(person, **{key: " "}))])
            self.assertEqual(c.exception.code, "person")
            self.assertEqual(c.exception.details, f"Marie Dufau: {key}")

    def test_debtor_abroad(self):
        """A debtor living abroad: « Lorsque le tiers réside à l'étranger, mettre
        « 99999 » dans code postal (le cas échéant le code postal du pays étranger
        devra être positionné dans la zone ville) », CodRes 1 with CodPays, the
        INSEE code (Class_Adresse.xsd, PES V2 v5.30): Belgium, 99131 in the INSEE's
        Code officiel géographique, goes as 131 (Base_Num3). A resident in France
        keeps CodRes 0 without CodPays. Both validate against PES_Aller.xsd."""
        abroad = dict(TIERS, zip="1000", city="Bruxelles", country="99131")
        xml = self._build([piece(1, tiers=abroad), piece(2)])
        document = pes_xml.validate(xml, pes_xml.PES_ALLER_XSD)
        addresses = document.findall(".//Piece/LigneDePiece/Tiers/Adresse")
        self.assertEqual(
            [
                [(node.tag, node.get("V")) for node in address][2:]
                for address in addresses
            ],
            [
                [
                    ("CP", "99999"),
                    ("Ville", "1000 Bruxelles"),
                    ("CodRes", "1"),
                    ("CodPays", "131"),
                ],
                [("CP", "40500"), ("Ville", "Saint-Sever"), ("CodRes", "0")],
            ],
        )

    def test_reduction_triplet_and_rattachement(self):
        """An annulation/réduction bordereau: TypBord 02, pièce TypPce 02 « Titre
        correctif », NatPce 06 « Annulation-Réduction » (CommunRecette.xsd), each
        line with its RattachPiece, NatPceOrig 01 « Titres », ExerRat, IdPceOrig,
        IdLigneOrig (Class_LigneTitreAller.xsd); the PJ's RefCompta TypeObjet is
        the type of bordereau (Class_PJ.xsd). It validates against PES_Aller.xsd."""
        reduction = piece(1, "3.60", typ_pce="02", nat_pce="06")
        reduction["lines"][0]["rattach"] = {"exercice": 2026, "piece": 17, "line": 1}
        bordereau = {"exercice": 2026, "number": 1, "date": "2026-10-05", "type": "02"}
        xml = pes_xml.build_pes_aller(HEADER, bordereau, [reduction])
        document = pes_xml.validate(xml, pes_xml.PES_ALLER_XSD)
        self.assertEqual(document.find(".//BlocBordereau/TypBord").get("V"), "02")
        self.assertEqual(
            [
                (node.tag, node.get("V"))
                for node in document.find(".//BlocLignePiece/RattachPiece")
            ],
            [
                ("NatPceOrig", "01"),
                ("ExerRat", "2026"),
                ("IdPceOrig", "17"),
                ("IdLigneOrig", "1"),
            ],
        )
        self.assertEqual(document.find("PES_PJ/PJ/RefCompta/TypeObjet").get("V"), "02")

    def test_schema_catches_a_bad_file(self):
        """A file that breaks the official schema is refused with the line and the
        reason: a year of five digits (Base_Num4), an object over 160 characters
        (Base_Texte160), a bordereau in the Dépense domain this addon does not
        vendor, a file without the Emetteur that Class_Enveloppe.xsd requires."""

        def exer(tree):
            tree.find(".//BlocBordereau/Exer").set("V", "20260")

        def objet(tree):
            tree.find(".//BlocPiece/ObjPce").set("V", "x" * 161)

        def depense(tree):
            tree.insert(2, etree.Element("PES_DepenseAller"))

        def emetteur(tree):
            tree.find("Enveloppe").remove(tree.find("Enveloppe/Emetteur"))

        for change, reason in (
            (exer, "Exer"),
            (objet, "ObjPce"),
            (depense, "PES_DepenseAller"),
            (emetteur, "Emetteur"),
        ):
            with self.subTest(reason=reason):
                tree = etree.fromstring(self._build([piece()]))
                change(tree)
                with self.assertRaises(pes_xml.PesError) as caught:
                    pes_xml.validate(etree.tostring(tree), pes_xml.PES_ALLER_XSD)
                self.assertEqual(caught.exception.code, "schema")
                self.assertIn(reason, caught.exception.details)

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
        """The acknowledgement (PES_ACQUIT version 2, validated against
        Rev0/PES_V2_Acquit_Autonome_V2.xsd) is read element by element, a pièce in
        error under its bordereau, domain 6 « Recette » (CommunAck.xsd); a file of
        another kind, or broken, is named as such."""
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
        self.assertEqual({e["domain"] for e in read}, {"6"})
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
