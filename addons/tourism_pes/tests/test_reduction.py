# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import BaseCase, tagged

from ..tools import pes_xml, reduction
from .common import TourismPesCommon


@tagged("post_install", "-at_install")
class TestReductionAllocation(BaseCase):
    """A credit note's lines are taken from the titre lines of the same budget
    imputation, nearest titre first, never beyond what remains of each
    (RattachPiece, Class_LigneTitreAller.xsd, PES V2 v5.30)."""

    def test_allocate(self):
        """What each titre line gives, and what no line can carry (cents)."""
        ts, tad = ("7362", "", "TS"), ("4671", "", "TAD")
        cases = [
            # demands, capacities (ref, key, cents), taken, left over
            ([(ts, 500)], [("a", ts, 1000)], {"a": 500}, {}),
            ([(ts, 1000)], [("a", ts, 1000)], {"a": 1000}, {}),
            ([(ts, 1500)], [("b", ts, 600), ("a", ts, 1000)], {"b": 600, "a": 900}, {}),
            ([(ts, 1200)], [("a", ts, 1000)], {"a": 1000}, {ts: 200}),
            ([(tad, 100)], [("a", ts, 1000)], {}, {tad: 100}),
            (
                [(ts, 300), (tad, 50)],
                [("a", ts, 0), ("b", tad, 80)],
                {"b": 50},
                {ts: 300},
            ),
        ]
        for demands, capacities, taken, left in cases:
            with self.subTest(demands=demands, capacities=capacities):
                self.assertEqual(reduction.allocate(demands, capacities), (taken, left))


@tagged("post_install", "-at_install")
class TestReduction(TourismPesCommon):
    """Annulation/réduction bordereaux: a credit note of a rectifying declaration
    whose invoice the comptable holds goes to him as a réduction of that titre:
    TypBord 02 « Annulation/réduction », TypPce 02 « Titre correctif », NatPce 06
    « Annulation-Réduction » (NS_Recette/r0/CommunRecette.xsd), each line with its
    RattachPiece (NatPceOrig 01, ExerRat = Exer du flux, IdPceOrig, IdLigneOrig:
    Class_LigneTitreAller.xsd), PES V2 v5.30; the ordonnateur only (décret 2012-1246
    art. 11)."""

    def _rectified_down(self, declaration):
        """Rectify the declaration: one guest instead of two, half the tax."""
        action = declaration.action_rectify()
        rectifying = self.env["tourism.tax.declaration"].browse(action["res_id"])
        rectifying.stay_ids.persons = 1
        rectifying.action_submit()
        rectifying.with_user(self.ordonnateur).action_validate()
        self.assertEqual(rectifying.invoice_id.move_type, "out_refund")
        return rectifying

    def _reduction(self):
        return (
            self.env["tourism.pes.bordereau"]
            .with_user(self.ordonnateur)
            .create(dict(self.period, kind="reduction"))
        )

    def test_full_flow(self):
        """Declaration invoiced, titre emitted and taken in charge, declaration
        rectified downwards, credit note: the réduction bordereau carries one pièce
        reducing that titre by the credit note, line by line on the same budget
        imputations, positive amounts (Base_Montant), referring to the titre's
        number, exercice and lines (RattachPiece « complet et obligatoire » for
        02 02 06, Class_LigneTitreAller.xsd); it has numbers of its own (IdBord
        « unique par exercice et par type de bordereau »,
        Class_BordereauRecetteAller.xsd); the file validates against the official
        schemas; the acknowledgement marks it taken in charge; the report shows it;
        the credit note is never sent twice, nor in an ordinary bordereau."""
        ordinary = self._emitted()
        self._import(ordinary, self._acquit(ordinary))
        titre = ordinary.titre_ids.filtered(lambda t: t.partner_id == self.host)
        self.assertEqual(titre.state, "taken")
        refund = self._rectified_down(self.first).invoice_id
        # The cron renders the credit note's PDF ahead, as it does the avis.
        self.env["account.move"]._cron_pes_render_avis(batch_size=1000)
        self.assertTrue(refund.invoice_pdf_report_id)

        bordereau = self._reduction()
        bordereau.action_prepare()
        piece = bordereau.titre_ids
        self.assertEqual(len(piece), 1)
        self.assertEqual(piece.reduced_titre_id, titre)
        self.assertEqual(piece.sudo().move_ids, refund)
        self.assertAlmostEqual(piece.amount_total, refund.amount_total, places=2)
        self.assertEqual(
            piece.line_ids.mapped(
                lambda line: (line.pes_nature, line.pes_product_code)
            ),
            piece.line_ids.origin_line_id.mapped(
                lambda line: (line.pes_nature, line.pes_product_code)
            ),
        )
        self.assertEqual(piece.line_ids.origin_line_id.titre_id, titre)
        bordereau.action_emit()

        self.assertEqual(bordereau.state, "emitted")
        self.assertEqual(bordereau.number, 1)  # its own sequence, not ordinary's
        self.assertEqual(piece.number, 1)
        self.assertEqual(bordereau.name, f"Reduction bordereau 1 / {titre.exercice}")
        self.assertTrue(bordereau.file_name.startswith("PES_Reduction_"))
        self.assertAlmostEqual(
            titre.amount_remaining,
            titre.amount_total - refund.amount_total,
            places=2,
        )
        document = pes_xml.validate(
            base64.b64decode(bordereau.file_data), pes_xml.PES_ALLER_XSD
        )
        self.assertEqual(document.find(".//BlocBordereau/TypBord").get("V"), "02")
        self.assertEqual(
            [
                document.find(f".//BlocPiece/{tag}").get("V")
                for tag in ("IdPce", "TypPce", "NatPce")
            ],
            ["1", "02", "06"],
        )
        rattach = document.findall(".//BlocLignePiece/RattachPiece")
        self.assertEqual(len(rattach), len(piece.line_ids))
        for node, line in zip(rattach, piece.line_ids.sorted("sequence"), strict=True):
            self.assertEqual(
                [
                    node.find(tag).get("V")
                    for tag in ("NatPceOrig", "ExerRat", "IdPceOrig", "IdLigneOrig")
                ],
                [
                    "01",
                    str(titre.exercice),
                    str(titre.number),
                    str(line.origin_line_id.sequence),
                ],
            )
        for amount in document.findall(".//InfoLignePiece/MtHT"):
            self.assertGreater(float(amount.get("V")), 0)
        pj = document.find("PES_PJ/PJ")
        self.assertTrue(pj.find("IdUnique").get("V").startswith("RED"))
        self.assertEqual(pj.find("RefCompta/TypeObjet").get("V"), "02")

        self._import(bordereau, self._acquit(bordereau))
        self.assertEqual(piece.state, "taken")
        html = (
            self.env["ir.actions.report"]
            .with_user(self.comptable)
            ._render_qweb_html("tourism_pes.report_pes_bordereau", bordereau.ids)[0]
            .decode()
        )
        self.assertIn("credit notes from", html)
        self.assertIn(titre.name, html)
        self.assertIn(refund.name, html)
        with self.assertRaisesRegex(UserError, "No credit note"):
            self._reduction().action_prepare()
        with self.assertRaisesRegex(UserError, "No tax invoice"):
            self._bordereau().action_prepare()

    def test_over_reduction_refused(self):
        """A réduction never exceeds what remains of the titre (the titre minus its
        earlier réductions): a credit note larger than that is refused at the
        preparation with a French message, and nothing is written (the amount a
        titre keeps with the comptable is what the host owes, décret 2012-1246 art.
        11 and 18)."""
        self._emitted()
        rectifying = self._rectified_down(self.first)
        refund = rectifying.invoice_id
        # A credit note ten times too large (as a wrong manual credit note would be).
        big = refund.copy({"invoice_date": refund.invoice_date})
        for line in big.invoice_line_ids:
            line.price_unit *= 10
        big.action_post()
        rectifying._money_write({"invoice_id": big.id})
        self.env["res.lang"]._activate_lang("fr_FR")
        bordereau = self._reduction().with_context(lang="fr_FR")
        with self.assertRaises(UserError) as caught:
            bordereau.action_prepare()
        self.assertIn("Une réduction ne dépasse jamais", str(caught.exception))
        self.assertIn(big.name, str(caught.exception))
        self.assertFalse(bordereau.titre_ids)
        self.assertFalse(bordereau.number)

    def test_refund_of_invoice_never_emitted_left_out(self):
        """A credit note whose invoice never went to the comptable is no réduction:
        there is no titre to refer to (IdPceOrig « Numéro d'origine du titre à
        annuler ou à réduire », Class_LigneTitreAller.xsd). It waits, out of the
        ordinary bordereau too; once the invoice's titre is emitted, the credit
        note reduces it."""
        refund = self._rectified_down(self.first).invoice_id
        with self.assertRaisesRegex(UserError, "No credit note"):
            self._reduction().action_prepare()
        ordinary = self._emitted()
        self.assertNotIn(refund, ordinary.titre_ids.sudo().move_ids)
        self.assertIn(self.first.invoice_id, ordinary.titre_ids.sudo().move_ids)
        bordereau = self._reduction()
        bordereau.action_prepare()
        self.assertEqual(bordereau.titre_ids.sudo().move_ids, refund)

    def test_ordonnateur_only(self):
        """Issuing a réduction is the ordonnateur's act as issuing the titre is
        (décret 2012-1246 art. 11): the comptable can neither prepare nor emit."""
        self._emitted()
        self._rectified_down(self.first)
        bordereau = self._reduction()
        with self.assertRaises(AccessError):
            bordereau.with_user(self.comptable).action_prepare()
        bordereau.action_prepare()
        with self.assertRaises(AccessError):
            bordereau.with_user(self.comptable).action_emit()
        self.assertEqual(bordereau.state, "draft")
        self.assertFalse(bordereau.number)

    def test_type_change_needs_new_preparation(self):
        """Titres prepared for an ordinary bordereau never leave as réductions (nor
        the reverse): the triplet TypBord/TypPce/NatPce must match its grid, « sinon
        rejet du bordereau » (CommunRecette.xsd, TNatPce)."""
        bordereau = self._bordereau()
        bordereau.action_prepare()
        with self.assertRaises(ValidationError):
            bordereau.kind = "reduction"
