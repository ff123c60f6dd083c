# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import gzip
from unittest.mock import patch

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from ..tools import pes_xml
from .common import TourismPesCommon


@tagged("post_install", "-at_install")
class TestBordereau(TourismPesCommon):
    """Titres de recettes sent to Hélios in PES V2 (décret 2012-1246 art. 11 and 18:
    the ordonnateur issues the titres, the comptable takes them in charge; CGCT
    D1611-1 et seq.; docs/domain.md §5)."""

    def test_emit_one_titre_per_debtor_valid_and_frozen(self):
        """One titre per debtor, its declaration's avis and its late interest in it,
        one line per budget imputation; the file validates against the PES V2 schema;
        the emitted bordereau is final (tourism.money.document.mixin)."""
        interest = self.first.invoice_id.copy({"invoice_date": self.period["date_to"]})
        interest.action_post()
        self.first._money_write({"interest_invoice_id": interest.id})
        bordereau = self._emitted()
        self.assertEqual(bordereau.state, "emitted")
        self.assertEqual(bordereau.exercice, self.period["date_to"].year)
        titres = bordereau.titre_ids.sorted("number")
        self.assertEqual(titres.partner_id, self.host | self.other_host)
        titre = titres.filtered(lambda t: t.partner_id == self.host)
        self.assertEqual(titre.sudo().move_ids, self.first.invoice_id | interest)
        self.assertEqual(
            sorted(titre.line_ids.mapped("pes_product_code")), ["TAD", "TAR", "TS"]
        )
        self.assertAlmostEqual(
            titre.amount_total, self.first.invoice_id.amount_total * 2, places=2
        )
        xml = base64.b64decode(bordereau.file_data)
        document = pes_xml.validate(xml, pes_xml.PES_ALLER_XSD)
        self.assertEqual(len(document.findall(".//Piece")), 2)
        self.assertEqual(len(document.findall("PES_PJ/PJ")), 3)  # three avis
        self.assertEqual(
            document.find(".//BlocBordereau/IdBord").get("V"), str(bordereau.number)
        )
        person = document.xpath(
            ".//InfoTiers[RefTiers/@V=$ref]", ref=str(self.other_host.id)
        )[0]
        self.assertEqual(
            [
                (tag, person.find(tag).get("V"))
                for tag in ("CatTiers", "Civilite", "Nom", "Prenom")
            ],
            [
                ("CatTiers", "01"),
                ("Civilite", "Mme"),
                ("Nom", "Dufau"),
                ("Prenom", "Marie"),
            ],
        )
        with self.assertRaises(UserError):
            bordereau.write({"date_to": self.period["date_from"]})
        with self.assertRaises(UserError):
            titre.line_ids[0].amount = 1.0
        with self.assertRaises(UserError):
            titre.unlink()
        with self.assertRaises(UserError):
            bordereau.unlink()

    def test_avis_rendered_ahead_and_sent_as_kept(self):
        """The avis des sommes à payer travels with its titre as a pièce
        justificative (CGCT D1617-23; Class_PJ.xsd): the cron renders it ahead and
        keeps it as the invoice's PDF, without marking the invoice sent; the
        emission renders those still missing; the PJ is that very document, so the
        comptable gets what the host gets."""
        first, second = self.first.invoice_id, self.second.invoice_id
        self.assertFalse((first | second).invoice_pdf_report_id)
        self.env["account.move"]._cron_pes_render_avis(batch_size=1000)
        self.assertTrue(first.invoice_pdf_report_id and second.invoice_pdf_report_id)
        interest = first.copy({"invoice_date": self.period["date_to"]})
        interest.action_post()
        self.first._money_write({"interest_invoice_id": interest.id})
        self.assertFalse(interest.invoice_pdf_report_id)
        bordereau = self._emitted()
        self.assertTrue(interest.invoice_pdf_report_id)
        self.assertFalse((first | second | interest).filtered("is_move_sent"))
        document = pes_xml.validate(
            base64.b64decode(bordereau.file_data), pes_xml.PES_ALLER_XSD
        )
        for move in first | second | interest:
            pj = document.xpath(
                "PES_PJ/PJ[NomPJ/@V=$name]", name=move.name.replace("/", "_") + ".pdf"
            )[0]
            content = gzip.decompress(base64.b64decode(pj.find("Contenu/Fichier").text))
            self.assertEqual(content, move.invoice_pdf_report_id.raw)

    def test_many_avis_missing_wait_for_the_cron(self):
        """An emission never renders more avis than a request can (the workers'
        time limit): past that it refuses, names the scheduled action and uses no
        number; once the cron has rendered them, it emits."""
        bordereau = self._bordereau()
        bordereau.action_prepare()
        model = type(self.env["tourism.pes.bordereau"])
        with patch.object(model, "_max_avis_at_emission", 1):
            with self.assertRaisesRegex(UserError, "2 avis .* not rendered yet"):
                bordereau.action_emit()
            self.assertEqual((bordereau.state, bordereau.number), ("draft", 0))
            self.env["account.move"]._cron_pes_render_avis(batch_size=1000)
            bordereau.action_emit()
        self.assertEqual(bordereau.state, "emitted")

    def test_numbers_per_year_without_gaps(self):
        """Bordereau and titre numbers follow on per exercice, and an emission that
        fails (a debtor without address) uses no number (IdBord is checked for
        sequence by Hélios, Class_BordereauRecetteAller.xsd)."""
        first = self._emitted()
        numbers = sorted(first.titre_ids.mapped("number"))
        self.assertEqual(numbers[1], numbers[0] + 1)
        third = self._invoiced(
            self._lodging(
                name="Chambre",
                host_id=self.env["res.partner"]
                .create({"name": "Sans adresse", "is_company": True})
                .id,
            )
        )
        failed = self._bordereau()
        failed.action_prepare()
        with self.assertRaisesRegex(UserError, "Sans adresse"):
            failed.action_emit()
        self.assertFalse(failed.number)
        third.host_id.write(
            {"street": "1 rue Neuve", "zip": "40700", "city": "Hagetmau"}
        )
        failed.action_emit()
        self.assertEqual(failed.number, first.number + 1)
        self.assertEqual(failed.titre_ids.number, numbers[-1] + 1)

    def test_person_without_first_name_refused(self):
        """A debtor who is a person without a first name, or with the civility
        Mademoiselle, stops the emission with a French message naming the debtor, and
        nothing is emitted, no number used: « Prenom Obligatoire si Cat 01 personne
        physique absence pour un tiers personne physique aboutit à rejet du
        bordereau » and « La civilité de type Mademoiselle n'existe plus. En cas
        d'utilisation, rejet du bordereau. » (Class_TiersRecette.xsd, PES V2 v5.30).
        Once the office completes the partner, the same bordereau goes through."""
        self.env["res.lang"]._activate_lang("fr_FR")
        bordereau = self._bordereau().with_context(lang="fr_FR")
        bordereau.action_prepare()
        for values in (
            {"firstname": False},
            {"title": self.env.ref("base.res_partner_title_miss").id},
        ):
            with self.subTest(values=values):
                self.other_host.write(values)
                with self.assertRaises(UserError) as caught:
                    bordereau.action_emit()
                self.assertEqual(
                    str(caught.exception),
                    "Hélios rejette un débiteur personne physique sans civilité ni "
                    "prénom (PES V2, Class_TiersRecette.xsd ; la civilité "
                    "Mademoiselle n'existe plus). Renseignez le titre (autre que "
                    "Mademoiselle), le prénom et le nom de : Marie Dufau.",
                )
                self.assertEqual(bordereau.state, "draft")
                self.assertFalse(bordereau.number)
                self.assertFalse(any(bordereau.titre_ids.mapped("number")))
                self.other_host.write(
                    {
                        "firstname": "Marie",
                        "title": self.env.ref("base.res_partner_title_madam").id,
                    }
                )
        bordereau.action_emit()
        self.assertEqual(bordereau.state, "emitted")

    def test_file_the_schema_refuses_emits_nothing(self):
        """A PES_Aller the DGFiP's schema refuses (here a line whose Majo comes
        before its Nature, against the order of TInfoLignePiece in
        NS_Recette/r0/Class_LigneTitreAller.xsd, PES V2 v5.30) stops the emission
        with the schema's reason, in French for a French user, and nothing is
        emitted: no bordereau or titre number used, no file, titres still draft."""
        build = pes_xml.build_pes_aller_tree

        def out_of_order(*args):
            tree = build(*args)
            info = tree.find(".//InfoLignePiece")
            info.insert(list(info).index(info.find("Nature")), info.find("Majo"))
            return tree

        self.env["res.lang"]._activate_lang("fr_FR")
        bordereau = self._bordereau().with_context(lang="fr_FR")
        bordereau.action_prepare()
        # assertRaises rolls back to a savepoint, as the request would roll back.
        with (
            patch.object(pes_xml, "build_pes_aller_tree", out_of_order),
            self.assertRaises(UserError) as caught,
        ):
            bordereau.action_emit()
        self.assertRegex(
            str(caught.exception), r"(?s)ne respecte pas le schéma PES V2.*Majo"
        )
        self.assertEqual(bordereau.state, "draft")
        self.assertFalse(bordereau.number)
        self.assertFalse(bordereau.file_data)
        self.assertEqual(set(bordereau.titre_ids.mapped("state")), {"draft"})
        self.assertFalse(any(bordereau.titre_ids.mapped("number")))
        bordereau.action_emit()  # the same bordereau, built right, goes through
        self.assertEqual(bordereau.state, "emitted")

    def test_acquit_marks_titres_and_rejected_goes_again(self):
        """The acknowledgement marks each titre taken in charge or rejected with the
        reason; the rejected titre's avis goes into the next bordereau under a new
        number; the same acknowledgement is not imported twice."""
        bordereau = self._emitted()
        rejected = bordereau.titre_ids.filtered(
            lambda t: t.partner_id == self.other_host
        )
        self._import(bordereau, self._acquit(bordereau, rejected))
        self.assertEqual(bordereau.state, "acknowledged")
        self.assertEqual(rejected.state, "rejected")
        self.assertEqual(rejected.reject_reason, "Adresse du débiteur inconnue")
        self.assertEqual((bordereau.titre_ids - rejected).state, "taken")
        self.assertAlmostEqual(bordereau.amount_rejected, rejected.amount_total)
        with self.assertRaisesRegex(UserError, "not waiting"):
            self._import(bordereau, self._acquit(bordereau))
        html = (
            self.env["ir.actions.report"]
            .with_user(self.comptable)
            ._render_qweb_html("tourism_pes.report_pes_bordereau", bordereau.ids)[0]
            .decode()
        )
        self.assertIn("Adresse du débiteur inconnue", html)
        self.assertIn("Taken in charge", html)
        self.assertIn(rejected.avis_names, html)
        again = self._emitted()
        self.assertEqual(again.titre_ids.sudo().move_ids, self.second.invoice_id)
        self.assertGreater(
            again.titre_ids.number, max(bordereau.titre_ids.mapped("number"))
        )
        pes_xml.validate(base64.b64decode(again.file_data), pes_xml.PES_ALLER_XSD)
        # The taken titre's avis is never sent twice.
        with self.assertRaisesRegex(UserError, "No tax invoice"):
            self._bordereau().action_prepare()

    def test_bad_acquit_changes_nothing(self):
        """Not XML, not an acknowledgement, another bordereau, an unknown titre: a
        clear error (in French for a French user) and nothing written."""
        bordereau = self._emitted()
        other = dict(exercice=bordereau.exercice, number=bordereau.number + 5)
        foreign = self._acquit(bordereau.new(other))
        unknown = self._acquit(bordereau).replace(
            b"</ACQUIT>",
            b'<ElementACQUIT><DomaineAck V="6"/><EtatAck V="0"/>'
            b'<NumBord V="%d"/><ExerciceBord V="%d"/>'
            b'<DetailPiece><NumPiece V="99999"/></DetailPiece>'
            b"</ElementACQUIT></ACQUIT>" % (bordereau.number, bordereau.exercice),
        )
        for data, message in (
            (b"%PDF-1.4", "not an XML file"),
            (base64.b64decode(bordereau.file_data), "not a PES acknowledgement"),
            (foreign, "another bordereau"),
            (unknown, "not in"),
        ):
            with (
                self.subTest(message=message),
                self.assertRaisesRegex(UserError, message),
            ):
                self._import(bordereau, data)
        self.assertEqual(bordereau.state, "emitted")
        self.assertEqual(set(bordereau.titre_ids.mapped("state")), {"emitted"})
        self.env["res.lang"]._activate_lang("fr_FR")
        with self.assertRaisesRegex(UserError, "n'est pas un fichier XML"):
            self._import(bordereau, b"nope", lang="fr_FR")

    def test_roles(self):
        """The ordonnateur emits; the comptable reads, cannot prepare, emit nor
        import; the régisseur and the conseiller do not see the titres."""
        bordereau = self._emitted()
        as_comptable = bordereau.with_user(self.comptable)
        self.assertEqual(as_comptable.titre_ids.mapped("state"), ["emitted", "emitted"])
        with self.assertRaises(AccessError):
            self.env["tourism.pes.bordereau"].with_user(self.comptable).create(
                dict(self.period)
            )
        with self.assertRaises(AccessError):
            as_comptable.action_emit()
        with self.assertRaises(AccessError):
            self._import(bordereau, self._acquit(bordereau), user=self.comptable)
        for user in (self.regisseur, self.conseiller):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                bordereau.with_user(user).read(["name"])
            with self.assertRaises(AccessError):
                self.env["tourism.pes.titre"].with_user(user).search([])

    def test_missing_imputation_is_named(self):
        """A line whose account has no budget imputation stops the preparation and
        names the account."""
        self.gpso.account_id.pes_nature = False
        with self.assertRaisesRegex(UserError, self.gpso.account_id.code):
            self._bordereau().action_prepare()

    def test_debtor_abroad(self):
        """A host living abroad goes to Hélios as non-resident with the INSEE code
        of his country (CodRes 1, CodPays, CP 99999 and the foreign postal code in
        Ville: Class_Adresse.xsd, PES V2 v5.30); a country whose INSEE code is not
        known stops the emission with a French message naming the debtor and his
        country, and nothing is emitted."""
        self.host.write(
            {
                "street": "Rue de la Loi 16",
                "zip": "1000",
                "city": "Bruxelles",
                "country_id": self.env.ref("base.be").id,
            }
        )
        japan = self.env.ref("base.jp")
        with self.assertRaises(ValidationError):
            japan.pes_insee_code = "217"  # 99 then three digits
        self.other_host.country_id = japan
        self.env["res.lang"]._activate_lang("fr_FR")
        bordereau = self._bordereau().with_context(lang="fr_FR")
        bordereau.action_prepare()
        with self.assertRaisesRegex(UserError, "code INSEE.*Marie Dufau"):
            bordereau.action_emit()
        self.assertFalse(bordereau.number)
        self.other_host.country_id = self.env.ref("base.fr")
        bordereau.action_emit()
        document = pes_xml.validate(
            base64.b64decode(bordereau.file_data), pes_xml.PES_ALLER_XSD
        )
        address = document.xpath(
            ".//Tiers[InfoTiers/RefTiers/@V=$ref]/Adresse", ref=str(self.host.id)
        )[0]
        self.assertEqual(
            [(tag, address.find(tag).get("V")) for tag in ("CP", "Ville", "CodPays")],
            [("CP", "99999"), ("Ville", "1000 Bruxelles"), ("CodPays", "131")],
        )
