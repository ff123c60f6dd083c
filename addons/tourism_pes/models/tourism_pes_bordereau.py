# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The bordereau of titres de recettes the ordonnateur sends to the comptable public.

The ordonnateur liquidates and issues the titres (décret 2012-1246 du 7 novembre 2012
relatif à la gestion budgétaire et comptable publique, art. 11 and 18); the titres
travel to Hélios as a PES V2 file, the only channel through which the comptable takes
them in charge (Protocole d'échange standard PES V2; CGCT D1617-23 for the pièces
justificatives; docs/domain.md §5). Once emitted, a bordereau is final
(tourism.money.document.mixin); a titre the comptable rejects goes into a new bordereau
with a new number.

A credit note of a rectifying declaration whose invoice the comptable already holds
goes to him in an annulation/réduction bordereau (TypBord 02, pièces 02 « Titre
correctif » of nature 06 « Annulation-Réduction », each line referring to the line of
the titre it reduces: NS_Recette/r0/CommunRecette.xsd, Class_LigneTitreAller.xsd).
"""

from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.modules.module import get_manifest
from odoo.tools.misc import format_amount

from odoo.addons.tourism_base.tools.locks import lock_now

from ..tools import pes_xml, reduction

ORDONNATEUR = "tourism_base.group_tourism_ordonnateur"


class TourismPesBordereau(models.Model):
    _name = "tourism.pes.bordereau"
    _description = "Bordereau of Titres de Recettes"
    _inherit = ["tourism.money.document.mixin", "mail.thread"]
    _order = "exercice desc, number desc, id desc"
    _money_locked_fields = (
        "kind",
        "number",
        "exercice",
        "date",
        "date_from",
        "date_to",
        "company_id",
        "titre_ids",
        "file_data",
        "file_name",
        "acquit_data",
        "acquit_name",
    )

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    kind = fields.Selection(
        selection=[
            ("ordinary", "Titres"),
            ("reduction", "Annulation/Reduction"),
        ],
        string="Type",
        default="ordinary",
        required=True,
        help="Titres: the tax invoices (TypBord 01). Annulation/Reduction: the credit "
        "notes of rectifying declarations that reduce titres already with the "
        "comptable (TypBord 02).",
    )
    date_from = fields.Date(string="Invoiced From", required=True)
    date_to = fields.Date(string="Invoiced To", required=True)
    date = fields.Date(string="Emission Date", readonly=True, copy=False)
    exercice = fields.Integer(readonly=True, copy=False, aggregator=None)
    number = fields.Integer(
        string="Bordereau Number", readonly=True, copy=False, aggregator=None
    )
    state = fields.Selection(
        selection=[
            ("draft", "Draft"),
            ("emitted", "Emitted"),
            ("acknowledged", "Acknowledged"),
        ],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
    titre_ids = fields.One2many("tourism.pes.titre", "bordereau_id", string="Titres")
    titre_count = fields.Integer(compute="_compute_totals", store=True)
    amount_total = fields.Monetary(compute="_compute_totals", store=True)
    amount_taken = fields.Monetary(
        string="Taken in Charge", compute="_compute_ack_totals"
    )
    amount_rejected = fields.Monetary(string="Rejected", compute="_compute_ack_totals")
    file_data = fields.Binary(string="PES File", attachment=True, readonly=True)
    file_name = fields.Char(readonly=True)
    acquit_data = fields.Binary(
        string="Acknowledgement", attachment=True, readonly=True
    )
    acquit_name = fields.Char(readonly=True)
    acquit_date = fields.Datetime(string="Acknowledged On", readonly=True, copy=False)

    # Avis rendered in the emission's own request at most: 0.04 s each in batches
    # here, but 1.2 s each for a batch holding an avis of several pages, and the
    # request must end within the workers' time limit; more wait for the cron.
    _max_avis_at_emission = 100

    # « Le numéro de bordereau est unique par exercice et par type de bordereau »
    # (Class_BordereauRecetteAller.xsd, IdBord).
    _sql_constraints = [
        (
            "number_unique",
            "UNIQUE(company_id, kind, exercice, number)",
            "A bordereau number is unique in its exercice and type.",
        )
    ]

    @api.depends("number", "exercice", "kind")
    def _compute_name(self):
        for bordereau in self:
            if bordereau.kind == "reduction":
                bordereau.name = (
                    self.env._(
                        "Reduction bordereau %(number)s / %(exercice)s",
                        number=bordereau.number,
                        exercice=bordereau.exercice,
                    )
                    if bordereau.number
                    else self.env._("Draft reduction bordereau")
                )
                continue
            bordereau.name = (
                self.env._(
                    "Bordereau %(number)s / %(exercice)s",
                    number=bordereau.number,
                    exercice=bordereau.exercice,
                )
                if bordereau.number
                else self.env._("Draft bordereau")
            )

    @api.depends("titre_ids.amount_total")
    def _compute_totals(self):
        for bordereau in self:
            bordereau.titre_count = len(bordereau.titre_ids)
            bordereau.amount_total = sum(bordereau.titre_ids.mapped("amount_total"))

    @api.depends("titre_ids.state", "titre_ids.amount_total")
    def _compute_ack_totals(self):
        for bordereau in self:
            titres = bordereau.titre_ids
            bordereau.amount_taken = sum(
                titres.filtered(lambda t: t.state == "taken").mapped("amount_total")
            )
            bordereau.amount_rejected = sum(
                titres.filtered(lambda t: t.state == "rejected").mapped("amount_total")
            )

    @api.constrains("kind")
    def _check_kind(self):
        """Titres prepared for one type of bordereau never leave in the other."""
        for bordereau in self:
            reduction = bordereau.kind == "reduction"
            if any(
                bool(titre.reduced_titre_id) != reduction
                for titre in bordereau.titre_ids
            ):
                raise ValidationError(
                    self.env._("Prepare the bordereau again after changing its type.")
                )

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for bordereau in self:
            if bordereau.date_from > bordereau.date_to:
                raise UserError(
                    self.env._("The period of a bordereau ends after it starts.")
                )

    # --- rights -----------------------------------------------------------------
    def _check_ordonnateur(self):
        """Issuing titres is the ordonnateur's act (décret 2012-1246 art. 11)."""
        if not (self.env.su or self.env.user.has_group(ORDONNATEUR)):
            raise AccessError(
                self.env._(
                    "Only the ordonnateur issues titres de recettes "
                    "(décret 2012-1246 art. 11)."
                )
            )

    # --- what goes into a bordereau --------------------------------------------
    def _eligible_moves(self):
        """The posted tax invoices of the period not yet in a live titre: the
        declarations' avis (taxations d'office included) and the late-interest
        invoices. The invoices of a rejected titre are eligible again."""
        self.ensure_one()
        moves = self.env["account.move"]._pes_tax_invoices(
            self.company_id, self.date_from, self.date_to
        )
        taken = (
            self.env["tourism.pes.titre"]
            .sudo()
            .search(
                [
                    ("move_ids", "in", moves.ids),
                    ("state", "!=", "rejected"),
                    ("bordereau_id", "!=", self.id),
                ]
            )
            .move_ids
        )
        return moves - taken

    @staticmethod
    def _imputation(line):
        """(nature, fonction, product code) of an invoice line: its product's, else
        its account's (Class_LigneTitreAller.xsd: Nature, Fonction, CodProdLoc)."""
        product = line.product_id.product_tmpl_id
        source = product if product.pes_nature else line.account_id
        return (
            source.pes_nature or "",
            source.pes_fonction or "",
            source.pes_product_code or "",
        )

    def _imputed_lines(self, moves, missing):
        """The product lines of ``moves`` with their budget imputation; the
        products or accounts that have none are added to ``missing``, for one
        message naming them all."""
        for line in moves.invoice_line_ids:
            if line.display_type != "product":
                continue
            key = self._imputation(line)
            if not key[0] or not key[2]:
                missing.add(
                    line.product_id.display_name or line.account_id.display_name
                )
                continue
            yield line, key

    def _titre_values(self, moves):
        """One titre per debtor, one line per budget imputation with its total."""
        self.ensure_one()
        currency = self.company_id.currency_id
        by_debtor = defaultdict(moves.browse)
        for move in moves:
            by_debtor[move.partner_id.commercial_partner_id] |= move
        missing = set()
        vals_list = []
        for partner, debtor_moves in sorted(
            by_debtor.items(), key=lambda item: (item[0].name or "", item[0].id)
        ):
            totals = defaultdict(float)
            labels = {}
            for line, key in self._imputed_lines(debtor_moves, missing):
                totals[key] += line.price_subtotal
                labels.setdefault(key, line.account_id.name)
            lines = []
            for index, (key, total) in enumerate(sorted(totals.items()), start=1):
                total = currency.round(total)
                if currency.compare_amounts(total, 0) <= 0:
                    raise UserError(
                        self.env._(
                            "The titre of %(debtor)s would have a line of %(amount)s "
                            "on %(nature)s: a titre line must be positive. Issue a "
                            "reduction instead.",
                            debtor=partner.display_name,
                            amount=total,
                            nature=key[0],
                        )
                    )
                lines.append(
                    fields.Command.create(
                        {
                            "sequence": index,
                            "name": labels[key],
                            "pes_nature": key[0],
                            "pes_fonction": key[1],
                            "pes_product_code": key[2],
                            "amount": total,
                        }
                    )
                )
            vals_list.append(
                {
                    "bordereau_id": self.id,
                    "partner_id": partner.id,
                    "move_ids": [fields.Command.set(debtor_moves.ids)],
                    "avis_names": ", ".join(debtor_moves.sorted("id").mapped("name")),
                    "line_ids": lines,
                }
            )
        if missing:
            raise UserError(
                self.env._(
                    "Give a PES budget nature and local product code to: %(what)s "
                    "(Accounting > Configuration > Chart of Accounts, or the product).",
                    what=", ".join(sorted(missing)),
                )
            )
        return vals_list

    def action_prepare(self):
        """(Re)build the draft titres from the period's invoices."""
        self._check_ordonnateur()
        for bordereau in self:
            if bordereau.state != "draft":
                raise UserError(self.env._("Only a draft bordereau can be prepared."))
            bordereau.titre_ids.unlink()
            if bordereau.kind == "reduction":
                bordereau._prepare_reductions()
                continue
            moves = bordereau._eligible_moves()
            if not moves:
                raise UserError(
                    self.env._(
                        "No tax invoice of this period remains to be sent to the "
                        "comptable."
                    )
                )
            self.env["tourism.pes.titre"].create(bordereau._titre_values(moves))
        # Render their avis in the background while the draft is checked.
        self.env.ref("tourism_pes.ir_cron_pes_render_avis").sudo()._trigger()
        return True

    # --- emission ----------------------------------------------------------------
    def _check_config(self):
        company = self.company_id
        missing = [
            label
            for label, value in (
                (self.env._("codique of the public accountant"), company.pes_id_post),
                (self.env._("collectivity SIRET"), company.pes_id_coll),
                (self.env._("collectivity code"), company.pes_cod_col),
                (self.env._("budget code"), company.pes_cod_bud),
            )
            if not value
        ]
        if missing:
            raise UserError(
                self.env._(
                    "Set the PES identifiers of %(company)s first (Settings > "
                    "Companies, tab PES): %(missing)s.",
                    company=company.name,
                    missing=", ".join(missing),
                )
            )
        debtors = self.titre_ids.partner_id
        abroad = debtors.filtered(lambda p: p.country_id and p.country_id.code != "FR")
        bad = (debtors - abroad).filtered(
            lambda p: not p.street
            or len((p.zip or "").strip()) != 5
            or not (p.city or "").strip()
        )
        if bad:
            raise UserError(
                self.env._(
                    "Hélios needs a street, a 5-character French postal code and a "
                    "city for each debtor (Class_Adresse.xsd); complete: "
                    "%(debtors)s.",
                    debtors=", ".join(bad.mapped("display_name")),
                )
            )

        # A debtor abroad: CodRes 1 « oblige à la valorisation de la balise CodPays
        # [...] sinon rejet du bordereau », INSEE codification; the foreign postal
        # code goes into Ville (Class_Adresse.xsd).
        bad = abroad.filtered(
            lambda p: not p.street
            or not (p.city or "").strip()
            or not p.country_id.pes_insee_code
        )
        if bad:
            raise UserError(
                self.env._(
                    "Hélios needs a street, a city and the INSEE code of the country "
                    "of each debtor living abroad (Class_Adresse.xsd: CodPays); "
                    "complete the debtor, or the country's INSEE code (Contacts > "
                    "Configuration > Countries): %(debtors)s.",
                    debtors=", ".join(
                        f"{p.display_name} ({p.country_id.name})" for p in bad
                    ),
                )
            )

        # « Civilite [...] Obligatoire si Cat du tiers 01 sinon rejet du bordereau
        # [...] La civilité de type Mademoiselle n'existe plus. En cas
        # d'utilisation, rejet du bordereau. » and « Prenom Obligatoire si Cat 01
        # personne physique » (PES V2 v5.30, NS_Recette/r0/Class_TiersRecette.xsd).
        # A partner who is not a company is sent as a person (CatTiers 01).
        miss = self.env.ref("base.res_partner_title_miss", raise_if_not_found=False)
        persons = self.titre_ids.partner_id.filtered(lambda p: not p.is_company)
        incomplete = persons.filtered(
            lambda p: not p.title.with_context(lang="fr_FR").shortcut
            or (miss and p.title == miss)
            or not (p.firstname or "").strip()
            or not (p.lastname or "").strip()
        )
        if incomplete:
            raise UserError(
                self.env._(
                    "Hélios rejects a debtor who is a person without a civility and "
                    "a first name (PES V2, Class_TiersRecette.xsd; the civility "
                    "Mademoiselle no longer exists). Set the title (other than "
                    "Miss), first name and last name of: %(debtors)s.",
                    debtors=", ".join(incomplete.mapped("display_name")),
                )
            )

    def _lock_moves(self):
        """Two bordereaux emitted at once never carry the same invoice: lock the
        invoices, then check none went into another live titre meanwhile.

        NOWAIT: a transaction that waited for the lock would go on reading its
        snapshot of before the other emission committed (repeatable read) and not
        see its titres. Failing at once lets Odoo retry the request with a fresh
        snapshot, where the check below finds them."""
        moves = self.titre_ids.sudo().move_ids
        lock_now(moves, "update")
        others = (
            self.env["tourism.pes.titre"]
            .sudo()
            .search(
                [
                    ("move_ids", "in", moves.ids),
                    ("state", "in", ("emitted", "taken")),
                    ("bordereau_id", "!=", self.id),
                ]
            )
        )
        if others:
            raise UserError(
                self.env._(
                    "%(moves)s already went to the comptable in %(bordereaux)s: "
                    "prepare this bordereau again.",
                    moves=", ".join((others.move_ids & moves).mapped("name")),
                    bordereaux=", ".join(others.bordereau_id.mapped("name")),
                )
            )

    def _avis(self, move):
        """The avis des sommes à payer (the invoice's PDF, rendered by
        account.move._pes_render_avis before the file is built) as sent to the
        host, its MIME type and a file name the PJ block accepts (name.ext)."""
        name = f"{(move.name or 'avis').replace('/', '_')}.pdf"
        document = move._get_invoice_legal_documents("pdf")
        return document["content"], document["filetype"] or "application/pdf", name

    def _pes_data(self):
        """Plain values for tools.pes_xml.build_pes_aller."""
        self.ensure_one()
        company = self.company_id
        date = self.date.isoformat()
        header = {
            "file_name": self.file_name,
            "date": date,
            "id_post": company.pes_id_post,
            "id_coll": company.pes_id_coll,
            "cod_col": company.pes_cod_col,
            "cod_bud": company.pes_cod_bud,
            "libelle": company.pes_budget_label or company.name,
            "sender": "Odoo Tourisme",
            "application": f"tourism_pes {get_manifest('tourism_pes')['version']}",
        }
        bordereau = {
            "exercice": self.exercice,
            "number": self.number,
            "date": date,
            "object": self.env._(
                "Tourist tax invoiced from %(start)s to %(end)s",
                start=self.date_from.strftime("%d/%m/%Y"),
                end=self.date_to.strftime("%d/%m/%Y"),
            ),
        }
        pieces = []
        # The ordonnateur reads the invoices through the titre, not the ledger.
        for titre in self.titre_ids.sudo():
            partner = titre.partner_id
            pjs = []
            for index, move in enumerate(titre.move_ids.sorted("id"), start=1):
                content, mimetype, name = self._avis(move)
                pjs.append(
                    {
                        "id_unique": (
                            f"AVIS{self.exercice}{titre.number:08d}{index:03d}"
                        ),
                        "name": name,
                        "description": self.env._(
                            "Avis des sommes à payer %(number)s", number=move.name
                        ),
                        "mimetype": mimetype,
                        "content": content,
                    }
                )
            pieces.append(
                {
                    "number": titre.number,
                    "date": min(titre.move_ids.mapped("invoice_date")).isoformat(),
                    "object": ", ".join(titre.move_ids.mapped("name")),
                    "tiers": {
                        "siret": partner.siret,
                        "ref": partner.ref or str(partner.id),
                        "is_company": partner.is_company,
                        # Hélios reads French: the title's French abbreviation,
                        # whatever the language of who emits.
                        "civility": partner.title.with_context(lang="fr_FR").shortcut,
                        "name": partner.name,
                        "firstname": partner.firstname,
                        "lastname": partner.lastname,
                        "street": partner.street,
                        "street2": partner.street2,
                        "zip": partner.zip,
                        "city": partner.city,
                    },
                    "lines": [
                        {
                            "number": line.sequence,
                            "object": line.name,
                            "product_code": line.pes_product_code,
                            "nature": line.pes_nature,
                            "fonction": line.pes_fonction,
                            "amount": f"{line.amount:.2f}",
                        }
                        for line in titre.line_ids
                    ],
                    "pjs": pjs,
                }
            )
        return header, bordereau, pieces

    def _take_titre_numbers(self, date):
        """Reserve the titre numbers of the bordereau as one block of the exercice's
        no-gap sequence, and return the first. The first draw locks the sequence's
        row of the year until the transaction ends, so nobody can take a number in
        between; the block is then the next len(titres) numbers."""
        Sequence = self.env["ir.sequence"].sudo()
        code = self._sequence_codes()[1]
        first = int(Sequence.next_by_code(code, sequence_date=date))
        # The sequence next_by_code drew from (the company's own, else the shared one).
        sequence = Sequence.search(
            [
                ("code", "=", code),
                ("company_id", "in", [self.env.company.id, False]),
            ],
            order="company_id",
            limit=1,
        )
        date_range = (
            self.env["ir.sequence.date_range"]
            .sudo()
            .search(
                [
                    ("sequence_id", "=", sequence.id),
                    ("date_from", "<=", date),
                    ("date_to", ">=", date),
                ],
                limit=1,
            )
        )
        date_range.number_next = first + len(self.titre_ids) * sequence.number_increment
        return first

    def _store_file(self, xml):
        """Keep the file as the attachment behind file_data, from its bytes: the
        field's own write would take it base64-encoded and decode it again (about
        2 s for the 150 MB of 5,000 titres). Done while the bordereau is still a
        draft, in the emission's transaction; frozen with it right after."""
        self.ensure_one()
        self.env["ir.attachment"].sudo().create(
            {
                "name": "file_data",
                "res_model": self._name,
                "res_field": "file_data",
                "res_id": self.id,
                "type": "binary",
                "raw": xml,
                "mimetype": "application/xml",
            }
        )
        self.invalidate_recordset(["file_data"])

    def action_emit(self):
        """Number the bordereau and its titres (per exercice, without gaps), write the
        PES_Aller with the avis attached, check it against the schema and freeze it.
        All or nothing: a file that does not validate leaves no number used."""
        self._check_ordonnateur()
        for bordereau in self:
            if bordereau.state != "draft":
                raise UserError(self.env._("This bordereau was already emitted."))
            if not bordereau.titre_ids:
                raise UserError(self.env._("Prepare the bordereau first: it is empty."))
            bordereau._check_config()
            bordereau._lock_moves()
            # Before any number is drawn (the no-gap sequences stay locked until
            # the end): render the avis the cron has not rendered yet, if few.
            missing = bordereau.titre_ids.sudo().move_ids._pes_without_avis()
            if len(missing) > self._max_avis_at_emission:
                raise UserError(
                    self.env._(
                        "%(count)s avis of this bordereau are not rendered yet. The "
                        "scheduled action « PES: render the avis of the tax "
                        "invoices » is rendering them; emit the bordereau again when "
                        "it is done.",
                        count=len(missing),
                    )
                )
            missing._pes_render_avis()
            today = fields.Date.context_today(bordereau)
            if bordereau.kind == "reduction":
                bordereau._check_reductions(today.year)
            Sequence = self.env["ir.sequence"].sudo()
            number = int(
                Sequence.next_by_code(
                    bordereau._sequence_codes()[0], sequence_date=today
                )
            )
            bordereau._money_write(
                {
                    "date": today,
                    "exercice": today.year,
                    "number": number,
                    "file_name": bordereau._file_name(today.year, number),
                }
            )
            first = bordereau._take_titre_numbers(today)
            for index, titre in enumerate(bordereau.titre_ids.sorted("id")):
                titre._money_write({"number": first + index})
            tree = pes_xml.build_pes_aller_tree(*bordereau._pes_values())
            try:
                pes_xml.validate_tree(tree, pes_xml.PES_ALLER_XSD)
            except pes_xml.PesError as error:
                raise UserError(
                    self.env._(
                        "The PES file does not follow the PES V2 schema, nothing was "
                        "emitted:\n%(details)s",
                        details=error.details,
                    )
                ) from error
            bordereau.titre_ids._money_set_state("emitted")
            bordereau._store_file(pes_xml.serialize(tree))
            bordereau._money_set_state("emitted")
            bordereau.message_post(
                body=self.env._(
                    "Emitted: %(count)s titres, %(amount)s.",
                    count=bordereau.titre_count,
                    amount=bordereau.amount_total,
                )
            )
        return True

    # --- annulation/réduction ----------------------------------------------------
    def _sequence_codes(self):
        """(bordereau, pièce) sequences of this type of bordereau. A réduction
        bordereau has numbers of its own: « Le numéro de bordereau est unique par
        exercice et par type de bordereau [...] Un contrôle de séquentialité du
        numéro est effectué » (Class_BordereauRecetteAller.xsd, IdBord), and a pièce
        is known to Hélios by its exercice, its type of bordereau and its number
        (Class_PJ.xsd, TPES_RefCompta: Exercice, TypeObjet « type de bordereau de
        titres », Identifiant « n° du Titre (IdPce) »)."""
        self.ensure_one()
        if self.kind == "reduction":
            return "tourism.pes.bordereau.reduction", "tourism.pes.titre.reduction"
        return "tourism.pes.bordereau", "tourism.pes.titre"

    def _file_name(self, year, number):
        """NomFic of the PES_Aller: the two types of bordereau share numbers."""
        self.ensure_one()
        prefix = "PES_Reduction" if self.kind == "reduction" else "PES_Recette"
        return f"{prefix}_{year}_{number:07d}.xml"

    def _refund_chains(self):
        """{credit note: titres it may reduce, nearest first} for the posted credit
        notes of rectifying declarations of the period not yet in a live réduction.

        A credit note reduces the titres of the invoices of the declarations it
        rectifies (its chain of rectified declarations). It waits, left out, until
        each of these invoices is in a titre the comptable holds (emitted or taken
        in charge): a titre that never went to the comptable cannot be reduced, and
        the invoice goes to him as the avis the host received, then the credit note
        as its réduction, so that each document the host holds has its counterpart
        with the comptable. Only titres of the exercice of emission can be reduced
        this way (« Si 02 02 06 ExerRat= Exer du flux », Class_LigneTitreAller.xsd);
        a titre of a closed exercice is cancelled by a mandat (annulation sur
        exercice clos), which is not done here."""
        self.ensure_one()
        Declaration = self.env["tourism.tax.declaration"].sudo()
        Titre = self.env["tourism.pes.titre"].sudo()
        declarations = Declaration.search(
            [
                ("company_id", "=", self.company_id.id),
                ("rectified_id", "!=", False),
                ("invoice_id.move_type", "=", "out_refund"),
                ("invoice_id.state", "=", "posted"),
                ("invoice_id.amount_total", ">", 0),
                ("invoice_id.invoice_date", ">=", self.date_from),
                ("invoice_id.invoice_date", "<=", self.date_to),
            ]
        )
        refunds = declarations.invoice_id
        taken = Titre.search(
            [
                ("move_ids", "in", refunds.ids),
                ("state", "!=", "rejected"),
                ("bordereau_id", "!=", self.id),
            ]
        ).move_ids
        year = fields.Date.context_today(self).year
        chains = {}
        waiting = refunds - taken
        for declaration in declarations.filtered(lambda d: d.invoice_id in waiting):
            invoices = self.env["account.move"].sudo()
            rectified = declaration.rectified_id
            while rectified:
                if rectified.invoice_id.move_type == "out_invoice":
                    invoices |= rectified.invoice_id
                rectified = rectified.rectified_id
            titres = Titre.search(
                [
                    ("kind", "=", "ordinary"),
                    ("move_ids", "in", invoices.ids),
                    ("state", "in", ("emitted", "taken")),
                ],
                order="exercice desc, number desc",
            )
            if (
                invoices
                and titres.move_ids >= invoices
                and set(titres.mapped("exercice")) == {year}
            ):
                chains[declaration.invoice_id] = titres
        return chains

    def _remaining_cents(self, titres):
        """{titre line: cents} what remains of each line of ``titres``: its amount
        minus the live réductions (not rejected) of other bordereaux."""
        lines = titres.sudo().line_ids
        reductions = (
            self.env["tourism.pes.titre.line"]
            .sudo()
            .search(
                [
                    ("origin_line_id", "in", lines.ids),
                    ("titre_id.state", "!=", "rejected"),
                    ("titre_id.bordereau_id", "!=", self.id),
                ]
            )
        )
        remaining = {line: self._cents(line.amount) for line in lines}
        for line in reductions:
            remaining[line.origin_line_id] -= self._cents(line.amount)
        return remaining

    def _cents(self, amount):
        return int(round(self.company_id.currency_id.round(amount) * 100))

    def _over_reduction_error(self, refunds, titres, left):
        currency = self.company_id.currency_id
        return UserError(
            self.env._(
                "A reduction never exceeds what remains of the titre it reduces "
                "(the titre minus its earlier reductions): %(refunds)s would take "
                "%(amounts)s more than the titres %(titres)s hold. Nothing was "
                "prepared nor emitted.",
                refunds=", ".join(refunds.mapped("name")),
                amounts=", ".join(
                    f"{format_amount(self.env, cents / 100, currency)} "
                    f"({'/'.join(filter(None, key))})"
                    for key, cents in sorted(left.items())
                ),
                titres=", ".join(titres.mapped("name")),
            )
        )

    def _prepare_reductions(self):
        """One réduction pièce per reduced titre, one line per line of that titre it
        reduces (same imputation: nature, fonction, product code), the amount
        positive (Base_Montant), from the credit notes waiting for it."""
        self.ensure_one()
        chains = self._refund_chains()
        if not chains:
            raise UserError(
                self.env._(
                    "No credit note of this period reduces a titre the comptable "
                    "holds: nothing to send. A credit note whose invoice has not gone "
                    "to the comptable yet waits until it has."
                )
            )
        titres = self.env["tourism.pes.titre"].sudo().union(*chains.values())
        remaining = self._remaining_cents(titres)
        taken_by_line = defaultdict(int)
        moves_by_titre = defaultdict(lambda: self.env["account.move"].sudo())
        missing = set()
        left_over = {}
        for refund in sorted(chains, key=lambda move: move.id):
            demands = [
                (key, self._cents(line.price_subtotal))
                for line, key in self._imputed_lines(refund, missing)
            ]
            capacities = [
                (
                    line,
                    self._titre_line_key(line),
                    remaining[line] - taken_by_line[line],
                )
                for titre in chains[refund]
                for line in titre.line_ids
            ]
            taken, left = reduction.allocate(demands, capacities)
            for key, cents in left.items():
                left_over[key] = left_over.get(key, 0) + cents
            for line, cents in taken.items():
                taken_by_line[line] += cents
                moves_by_titre[line.titre_id] |= refund
        if missing:
            raise UserError(
                self.env._(
                    "Give a PES budget nature and local product code to: %(what)s "
                    "(Accounting > Configuration > Chart of Accounts, or the product).",
                    what=", ".join(sorted(missing)),
                )
            )
        if left_over:
            raise self._over_reduction_error(
                self.env["account.move"].sudo().union(*chains), titres, left_over
            )
        vals_list = []
        for titre in titres.sorted(lambda t: (t.exercice, t.number)):
            lines = [line for line in titre.line_ids if taken_by_line.get(line, 0) > 0]
            if not lines:
                continue
            moves = moves_by_titre[titre]
            vals_list.append(
                {
                    "bordereau_id": self.id,
                    "partner_id": titre.partner_id.id,
                    "reduced_titre_id": titre.id,
                    "move_ids": [fields.Command.set(moves.ids)],
                    "avis_names": ", ".join(moves.sorted("id").mapped("name")),
                    "line_ids": [
                        fields.Command.create(
                            {
                                "sequence": index,
                                "name": line.name,
                                "pes_nature": line.pes_nature,
                                "pes_fonction": line.pes_fonction,
                                "pes_product_code": line.pes_product_code,
                                "amount": taken_by_line[line] / 100,
                                "origin_line_id": line.id,
                            }
                        )
                        for index, line in enumerate(lines, start=1)
                    ],
                }
            )
        self.env["tourism.pes.titre"].create(vals_list)

    @staticmethod
    def _titre_line_key(line):
        return (line.pes_nature or "", line.pes_fonction or "", line.pes_product_code)

    def _check_reductions(self, year):
        """At emission, under lock: each reduced titre is still with the comptable,
        of the exercice of emission (« Si 02 02 06 ExerRat= Exer du flux »,
        Class_LigneTitreAller.xsd), and no réduction emitted meanwhile left less of
        it than this one takes. NOWAIT for the reason given in _lock_moves."""
        reduced = self.titre_ids.sudo().reduced_titre_id
        lock_now(reduced, "update")
        gone = reduced.filtered(
            lambda t: t.state not in ("emitted", "taken") or t.exercice != year
        )
        if gone:
            raise UserError(
                self.env._(
                    "%(titres)s can no longer be reduced by this bordereau (rejected "
                    "by the comptable, or of a closed exercice): prepare it again.",
                    titres=", ".join(gone.mapped("name")),
                )
            )
        remaining = self._remaining_cents(reduced)
        left = defaultdict(int)
        for line in self.titre_ids.sudo().line_ids:
            over = self._cents(line.amount) - remaining[line.origin_line_id]
            if over > 0:
                left[self._titre_line_key(line)] += over
        if left:
            raise self._over_reduction_error(
                self.titre_ids.sudo().move_ids, reduced, left
            )

    def _pes_values(self):
        """_pes_data, completed with the country of debtors abroad and, for a
        réduction bordereau: TypBord 02, pièces 02 06 with the RattachPiece of
        each line, the credit notes as PJ."""
        header, bordereau, pieces = self._pes_data()
        titres = {titre.number: titre for titre in self.titre_ids.sudo()}
        for piece in pieces:
            country = titres[piece["number"]].partner_id.country_id
            if country and country.code != "FR":
                piece["tiers"]["country"] = country.pes_insee_code
        if self.kind != "reduction":
            return header, bordereau, pieces
        bordereau["type"] = pes_xml.TYP_BORD_REDUCTION
        bordereau["object"] = self.env._(
            "Reductions of titres, credit notes from %(start)s to %(end)s",
            start=self.date_from.strftime("%d/%m/%Y"),
            end=self.date_to.strftime("%d/%m/%Y"),
        )
        for piece in pieces:
            titre = titres[piece["number"]]
            origin = titre.reduced_titre_id
            piece["typ_pce"] = pes_xml.TYP_PCE_CORRECTIF
            piece["nat_pce"] = pes_xml.NAT_PCE_REDUCTION
            # No avis des sommes à payer goes with a réduction (DteAsp).
            piece["date"] = None
            piece["object"] = self.env._(
                "Reduction of titre %(number)s / %(exercice)s: %(refunds)s",
                number=origin.number,
                exercice=origin.exercice,
                refunds=titre.avis_names,
            )
            lines = {line.sequence: line for line in titre.line_ids}
            for values in piece["lines"]:
                line = lines[values["number"]].origin_line_id
                values["rattach"] = {
                    "exercice": origin.exercice,
                    "piece": origin.number,
                    "line": line.sequence,
                }
            # IdUnique is unique whatever the type of bordereau (Class_PJ.xsd): the
            # réduction's PJ never take the identifiers of a titre's.
            refunds = titre.move_ids.sorted("id")
            for pj, refund in zip(piece["pjs"], refunds, strict=True):
                pj["id_unique"] = f"RED{pj['id_unique']}"
                pj["description"] = self.env._(
                    "Credit note %(number)s", number=refund.name
                )
        return header, bordereau, pieces

    def action_import_acquit(self):
        self.ensure_one()
        self._check_ordonnateur()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Import the Acknowledgement"),
            "res_model": "tourism.pes.acquit.import",
            "view_mode": "form",
            "target": "new",
            "context": {"default_bordereau_id": self.id},
        }

    def _apply_acquit(self, elements, data, file_name):
        """Mark each titre taken in charge or rejected from the PES_ACQUIT's elements
        of this bordereau (all checked by the caller)."""
        self.ensure_one()
        rejected_all = [e for e in elements if not e["ok"] and not e["piece"]]
        by_number = {titre.number: titre for titre in self.titre_ids}
        rejected = {}
        for element in elements:
            if not element["ok"] and element["piece"]:
                rejected[element["piece"]] = element
        now = fields.Datetime.now()
        for number, titre in by_number.items():
            element = rejected.get(number) or (
                rejected_all[0] if rejected_all else None
            )
            if element:
                titre._money_set_state(
                    "rejected",
                    {
                        "reject_code": element["code"] or False,
                        "reject_reason": element["label"]
                        or element["code"]
                        or self.env._("Rejected by the comptable"),
                    },
                )
            else:
                titre._money_set_state("taken")
        self._money_set_state(
            "acknowledged",
            {"acquit_data": data, "acquit_name": file_name, "acquit_date": now},
        )
        self.message_post(
            body=self.env._(
                "Acknowledgement imported: %(taken)s titres taken in charge, "
                "%(rejected)s rejected.",
                taken=len(self.titre_ids.filtered(lambda t: t.state == "taken")),
                rejected=len(self.titre_ids.filtered(lambda t: t.state == "rejected")),
            )
        )
