# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""PES V2 files, domaine Recette, without the ORM.

Builds the PES_Aller of a bordereau of titres from plain values, validates a file
against the DGFiP's PES V2 schemas vendored under ``data/xsd/official`` and reads the
acknowledgement (PES_ACQUIT, version 2) that Hélios returns. Field meanings: the
schemas' own documentation (``PES_V2/Class_Enveloppe.xsd``, ``Class_EntetePES.xsd``,
``NS_Recette/r0/*.xsd``, ``Class_PJ.xsd``, ``Rev0/PES_V2_Acquit_Autonome_V2.xsd``; see
``data/xsd/README.md``).
"""

import base64
import functools
import gzip
import os
import re
import unicodedata
from decimal import Decimal

from lxml import etree

NS_ALLER = "http://www.minefi.gouv.fr/cp/helios/pes_v2/Rev0/aller"
NS_ACQUIT = "http://www.minefi.gouv.fr/cp/helios/pes_v2/Rev0/retour/v2"
XSD_DIR = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data", "xsd")
# The set every file is checked against: PES V2 schemas v5.30, complete for the
# PES_Aller's Recette, common, PJ and signature branches and for the acknowledgement.
PES_SET = os.path.join(XSD_DIR, "official", "schemas_pes_v5.30")
PES_ALLER_XSD = "PES_V2/Rev0/PES_Aller.xsd"
PES_ACQUIT_XSD = "PES_V2/Rev0/PES_V2_Acquit_Autonome_V2.xsd"
# Files of the v5.30 graph that the public copy lacks (data/xsd/README.md): each is
# read from the same file of another official set, or, for the domains this addon
# never writes, from a placeholder that admits no content. The official files are
# kept as published; only these loads are redirected, keeping the v5.30 location as
# base so that their own includes resolve inside the v5.30 set.
PES_SUBSTITUTES = {
    "PES_V2/Class_SchemasCommuns.xsd": (
        "official/Schemas_PES_v471_072015/PES_V2/Class_SchemasCommuns.xsd"
    ),
    "PES_V2/Class_Signature.xsd": (
        "official/Schemas_PES_v471_072015/PES_V2/Class_Signature.xsd"
    ),
    "xades/XAdES-core-schema.xsd": (
        "official/Schemas_PES_v471_072015/xades/XAdES-core-schema.xsd"
    ),
    "PES_V2/CommunAck.xsd": "official/schemas_pes_v5.7_072018/PES_V2/CommunAck.xsd",
    "PES_V2/Class_Chiffrement.xsd": "absent/xmlenc.xsd",
    "PES_V2/NS_Depense/r0/PES_DepenseAller.xsd": "absent/depense.xsd",
    "PES_V2/NS_Facture/r0/Class_PESFacture.xsd": "absent/facture.xsd",
    "PES_V2/NS_Marche/r0/PES_MarcheAller.xsd": "absent/marche.xsd",
}

# Triplet of an ordinary titre of the operating section: bordereau 01 « Ordinaire »,
# pièce 01 « Titre ordinaire », nature 01 « Fonctionnement » (CommunRecette.xsd).
TYP_BORD_ORDINAIRE = "01"
TYP_PCE_ORDINAIRE = "01"
NAT_PCE_FONCTIONNEMENT = "01"
# Triplet of a réduction or annulation of a titre of the exercice: bordereau 02
# « Annulation/réduction », pièce 02 « Titre correctif », nature 06
# « Annulation-Réduction » (CommunRecette.xsd); its lines carry the RattachPiece
# block, « complet et obligatoire » for 02 02 06, with NatPceOrig 01 « Titres » and
# ExerRat = Exer du flux (Class_LigneTitreAller.xsd, TRattachPiece).
TYP_BORD_REDUCTION = "02"
TYP_PCE_CORRECTIF = "02"
NAT_PCE_REDUCTION = "06"
NAT_PCE_ORIG_TITRE = "01"
# ElementACQUIT/DomaineAck of a bordereau of titres: TDomaineAck 6 « Recette »
# (CommunAck.xsd; 2 is « Signature globale »).
DOMAINE_ACK_RECETTE = "6"


class PesError(ValueError):
    """A file that is not what it should be; ``args[0]`` is a short code, ``details``
    what the parser or the schema said."""

    def __init__(self, code, details=""):
        super().__init__(code)
        self.code = code
        self.details = details


class _SetResolver(etree.Resolver):
    """Loads the files of the vendored set, redirecting the PES_SUBSTITUTES."""

    def resolve(self, system_url, public_id, context):
        path = system_url[7:] if system_url.startswith("file://") else system_url
        relative = os.path.relpath(os.path.normpath(path), PES_SET)
        substitute = PES_SUBSTITUTES.get(relative.replace(os.sep, "/"))
        if substitute is None:
            return None  # a file of the set itself, read as is
        with open(os.path.join(XSD_DIR, substitute), "rb") as file:
            return self.resolve_string(file.read(), context, base_url=system_url)


@functools.cache
def schema(name):
    """The compiled schema ``<PES_SET>/<name>``, its whole import graph read from
    disk only (compiled once per process: the graph is large)."""
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    parser.resolvers.add(_SetResolver())
    return etree.XMLSchema(etree.parse(os.path.join(PES_SET, name), parser))


def validate(xml_bytes, schema_name):
    """Raise PesError("schema", first errors) unless the file validates."""
    return validate_tree(parse(xml_bytes), schema_name)


def validate_tree(document, schema_name):
    """The same on a tree already in memory (no second parse of a large file)."""
    xsd = schema(schema_name)
    if not xsd.validate(document):
        errors = [f"ligne {e.line} : {e.message}" for e in list(xsd.error_log)[:5]]
        raise PesError("schema", "\n".join(errors))
    return document


def parse(xml_bytes):
    """Parse without network, entities or huge-tree tricks (files come from outside)."""
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True
    )
    try:
        return etree.fromstring(xml_bytes, parser)
    except etree.XMLSyntaxError as error:
        raise PesError("syntax", str(error)) from error


def text(value, size):
    """A PES text (Base_TexteN): printable, on one line, at most ``size`` characters,
    or None when nothing is left (the schemas refuse "", " ", "." and "nc", and texts
    made of zeros only)."""
    if not value:
        return None
    value = re.sub(r"\s+", " ", str(value)).strip()[:size].strip()
    if value in ("", ".", "nc") or set(value) <= {"0"}:
        return None
    return value


def alnum(value, size):
    """A PES identifier (Base_AlphanumN): letters and digits only, accents folded."""
    if not value:
        return None
    folded = unicodedata.normalize("NFKD", str(value)).encode("ascii", "ignore")
    value = re.sub(r"[^0-9A-Za-z]", "", folded.decode())[:size]
    return value if value and set(value) != {"0"} else None


def digits(value):
    return re.sub(r"\D", "", value or "")


def amount(value):
    """Base_Montant: a positive decimal with two decimals, as text."""
    value = Decimal(value).quantize(Decimal("0.01"))
    if value <= 0:
        raise PesError("amount", str(value))
    return f"{value:.2f}"


def _el(parent, tag, value=None):
    """A PES element: the value is always in the V attribute."""
    node = etree.SubElement(parent, tag)
    if value is not None:
        node.set("V", str(value))
    return node


def _opt(parent, tag, value):
    if value not in (None, ""):
        _el(parent, tag, value)


def build_pes_aller(header, bordereau, pieces):
    """The PES_Aller file (bytes, UTF-8) of one bordereau; see build_pes_aller_tree."""
    return serialize(build_pes_aller_tree(header, bordereau, pieces))


def serialize(tree):
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8")


def build_pes_aller_tree(header, bordereau, pieces):
    """The PES_Aller of one bordereau, as an lxml tree.

    ``header``: file_name, date (ISO), id_post, id_coll, cod_col, cod_bud, libelle,
    sender (the software's publisher), application (its name and version).
    ``bordereau``: exercice, number, date, object, type (TypBord, default 01).
    ``pieces``: one per titre, {number, date, object, typ_pce and nat_pce (default
    01 01), tiers: {siret, ref, is_company, civility, name, firstname, lastname,
    street, street2, zip, city, country} (a person: civility, firstname and
    lastname required; country: the INSEE code 99xxx of a debtor living
    abroad), lines: [{number, object, product_code, nature, fonction, amount,
    rattach: {exercice, piece, line} for the line of the titre a réduction
    reduces}], pjs: [{id_unique, name, description, mimetype, content (bytes)}]}.
    """
    root = etree.Element(etree.QName(NS_ALLER, "PES_Aller"), nsmap={"n": NS_ALLER})
    _envelope(root, header, "PESALR1")
    head = _entete(root, header)
    _opt(head, "LibelleColBud", text(header.get("libelle"), 38))

    recette = _el(root, "PES_RecetteAller")
    head_recette = _el(recette, "EnTeteRecette")
    _el(head_recette, "IdVer", 2)  # « Mettre à 2 » (PES_RecetteAller.xsd)
    # 0: the bordereau is not signed electronically; the avis still travel as PJ.
    _el(head_recette, "InfoDematerialisee", 0)
    bord = _el(recette, "Bordereau")
    bloc = _el(bord, "BlocBordereau")
    _el(bloc, "Exer", bordereau["exercice"])
    _el(bloc, "IdBord", bordereau["number"])
    _el(bloc, "DteBordEm", bordereau["date"])
    typ_bord = bordereau.get("type") or TYP_BORD_ORDINAIRE
    _el(bloc, "TypBord", typ_bord)
    _el(bloc, "NbrPce", len(pieces))
    total = sum(
        (Decimal(line["amount"]) for piece in pieces for line in piece["lines"]),
        Decimal(0),
    )
    _el(bloc, "MtBordHt", amount(total))
    _opt(bloc, "Objet", text(bordereau.get("object"), 160))

    pjs = []
    for piece in pieces:
        node = _el(bord, "Piece")
        bloc_piece = _el(node, "BlocPiece")
        _el(bloc_piece, "IdPce", piece["number"])
        _el(bloc_piece, "TypPce", piece.get("typ_pce") or TYP_PCE_ORDINAIRE)
        _el(bloc_piece, "NatPce", piece.get("nat_pce") or NAT_PCE_FONCTIONNEMENT)
        _opt(bloc_piece, "DteAsp", piece.get("date"))
        _opt(bloc_piece, "ObjPce", text(piece.get("object"), 160))
        for pj in piece.get("pjs", ()):
            ref = _el(bloc_piece, "PJRef")
            _el(ref, "Support", "01")  # électronique: the file is in the PES_PJ block
            _el(ref, "IdUnique", alnum(pj["id_unique"], 50))
            _opt(ref, "NomPJ", text(pj["name"], 100))
            pjs.append((piece, pj))
        for line in piece["lines"]:
            ligne = _el(node, "LigneDePiece")
            bloc_ligne = _el(ligne, "BlocLignePiece")
            info = _el(bloc_ligne, "InfoLignePiece")
            _el(info, "IdLigne", line["number"])
            _opt(info, "ObjLignePce", text(line.get("object"), 160))
            _el(info, "CodProdLoc", alnum(line["product_code"], 4))
            _el(info, "Nature", digits(line["nature"])[:12])
            _opt(info, "Fonction", digits(line.get("fonction"))[:10])
            _el(info, "Majo", 0)
            _el(info, "TvaIntraCom", 0)
            _el(info, "MtHT", amount(line["amount"]))
            if line.get("rattach"):
                _rattach(bloc_ligne, line["rattach"])
            _tiers(ligne, piece["tiers"])

    if pjs:
        pes_pj = _el(root, "PES_PJ")
        _el(_el(pes_pj, "EnTetePES_PJ"), "IdVer", 1)
        for piece, pj in pjs:
            node = _el(pes_pj, "PJ")
            # « compressés avec Gzip puis convertis en Base64 » (Class_PJ.xsd); the
            # avis is a PDF, already compressed inside: the fastest level will do.
            fichier = _el(_el(node, "Contenu"), "Fichier")
            fichier.set("MIMEType", pj.get("mimetype") or "application/pdf")
            fichier.text = base64.b64encode(
                gzip.compress(pj["content"], compresslevel=1, mtime=0)
            ).decode()
            _el(node, "IdUnique", alnum(pj["id_unique"], 50))
            _el(node, "NomPJ", text(pj["name"], 100))
            _el(node, "TypePJ", "002")  # Recette
            _el(node, "Description", text(pj["description"], 250))
            ref = _el(node, "RefCompta")
            _el(ref, "Domaine", "02")
            _el(ref, "Exercice", bordereau["exercice"])
            # « Pour le domaine 02 recette : Il correspond au type de bordereau de
            # titres » (Class_PJ.xsd, TPES_RefCompta/TypeObjet).
            _el(ref, "TypeObjet", typ_bord)
            _el(ref, "Identifiant", piece["number"])
    return root


def _rattach(parent, rattach):
    """The titre line a réduction reduces (Class_LigneTitreAller.xsd, TRattachPiece):
    « Numéro d'origine du titre à annuler ou à réduire », its exercice and line."""
    node = _el(parent, "RattachPiece")
    _el(node, "NatPceOrig", NAT_PCE_ORIG_TITRE)
    _el(node, "ExerRat", rattach["exercice"])
    _el(node, "IdPceOrig", rattach["piece"])
    _el(node, "IdLigneOrig", rattach["line"])


def _envelope(root, header, file_type):
    """Enveloppe (Class_Enveloppe.xsd): the file, and who wrote it (Emetteur: the
    publisher's name, then the application's name and version)."""
    envelope = _el(root, "Enveloppe")
    params = _el(envelope, "Parametres")
    _el(params, "Version", 2)  # « Doit être valorisé à 2 » (Class_Enveloppe.xsd)
    _el(params, "TypFic", file_type)
    _el(params, "NomFic", text(header["file_name"], 100))
    sender = _el(envelope, "Emetteur")
    _el(sender, "Sigle", text(header["sender"], 32))
    _el(sender, "Adresse", text(header["application"], 38))


def _entete(root, header):
    """EnTetePES (Class_EntetePES.xsd): poste comptable, collectivity, budget."""
    head = _el(root, "EnTetePES")
    _el(head, "DteStr", header["date"])
    _el(head, "IdPost", text(header["id_post"], 7))
    _el(head, "IdColl", digits(header["id_coll"])[:14])
    _el(head, "CodCol", digits(header["cod_col"])[:3])
    _el(head, "CodBud", alnum(header["cod_bud"], 2))
    return head


def _tiers(parent, tiers):
    """The debtor (Class_TiersRecette.xsd, Class_Adresse.xsd)."""
    node = _el(parent, "Tiers")
    info = _el(node, "InfoTiers")
    siret = digits(tiers.get("siret"))
    if len(siret) == 14:
        _el(info, "IdTiers", siret)
        _el(info, "NatIdTiers", "01")  # Siret
    _opt(info, "RefTiers", text(tiers.get("ref"), 30))
    if tiers["is_company"]:
        # 50 « Personnes morales de droit privé autres qu'organismes sociaux », 03
        # « Société » (CommunPES.xsd; 60 is the social security's general scheme).
        _el(info, "CatTiers", "50")
        _el(info, "NatJur", "03")
    else:
        _el(info, "CatTiers", "01")  # Personnes physiques
        _el(info, "NatJur", "01")  # Particuliers
    _el(info, "TypTiers", "01")  # Débiteur principal
    if tiers["is_company"]:
        _el(info, "Nom", text(tiers["name"], 38))
    else:
        # « Civilite [...] Obligatoire si Cat du tiers 01 sinon rejet du bordereau »,
        # « Prenom Obligatoire si Cat 01 personne physique » (Class_TiersRecette.xsd):
        # the schema lets both out, Hélios does not. Nom is then the last name alone.
        person = {
            "civility": text(tiers.get("civility"), 10),
            "lastname": text(tiers.get("lastname"), 38),
            "firstname": text(tiers.get("firstname"), 38),
        }
        missing = [key for key, value in person.items() if not value]
        if missing:
            raise PesError("person", f"{tiers['name']}: {', '.join(missing)}")
        _el(info, "Civilite", person["civility"])
        _el(info, "Nom", person["lastname"])
        _el(info, "Prenom", person["firstname"])
    address = _el(node, "Adresse")
    _el(address, "TypAdr", 1)  # principale
    _opt(address, "Adr1", text(tiers.get("street2"), 38))
    _el(address, "Adr2", text(tiers["street"], 38))
    country = digits(tiers.get("country"))
    if country:
        # « Lorsque le tiers réside à l'étranger, mettre « 99999 » dans code postal
        # (le cas échéant le code postal du pays étranger devra être positionné dans
        # la zone ville) »; CodRes 1 « oblige à la valorisation de la balise
        # CodPays », codification de l'INSEE (Class_Adresse.xsd): the code 99xxx
        # of the Code officiel géographique, its last three digits as the schema's
        # Base_Num3 takes (France, 99100, is « 100 »).
        _el(address, "CP", "99999")
        city = " ".join(filter(None, ((tiers.get("zip") or "").strip(), tiers["city"])))
        _el(address, "Ville", text(city, 38))
        _el(address, "CodRes", 1)  # non résident
        _el(address, "CodPays", int(country[-3:]))
        return
    _el(address, "CP", text(tiers["zip"], 5))
    _el(address, "Ville", text(tiers["city"], 38))
    _el(address, "CodRes", 0)  # résident en France


def read_acquit(xml_bytes):
    """The elements of a PES_ACQUIT (version 2), validated: [{domain, ok, exercice,
    bordereau, piece, code, label}], one for each ElementACQUIT (piece None) and one
    for each of its DetailPiece (ok False: a pièce in error). Raises
    PesError("syntax" | "foreign" | "schema")."""
    document = parse(xml_bytes)
    if document.tag != etree.QName(NS_ACQUIT, "PES_ACQUIT").text:
        raise PesError("foreign", document.tag)
    validate_tree(document, PES_ACQUIT_XSD)

    def value(node, tag):
        child = node.find(tag)
        return child.get("V") if child is not None else None

    def number(node, tag):
        return int(value(node, tag) or 0) or None

    def error(node):
        """The first Erreur of a node, or that of its first DetailLigne."""
        found = node.find("Erreur")
        if found is None:
            found = node.find("DetailLigne/Erreur")
        if found is None:
            return None, None
        return value(found, "NumAnoAck"), value(found, "LibelleAnoAck")

    elements = []
    for node in document.iterfind("ACQUIT/ElementACQUIT"):
        base = {
            "domain": value(node, "DomaineAck"),
            "exercice": number(node, "ExerciceBord"),
            "bordereau": number(node, "NumBord"),
        }
        code, label = error(node)
        elements.append(
            dict(
                base,
                ok=value(node, "EtatAck") in ("1", "true"),
                piece=None,
                code=code,
                label=label,
            )
        )
        for detail in node.iterfind("DetailPiece"):
            code, label = error(detail)
            elements.append(
                dict(
                    base,
                    ok=False,
                    piece=number(detail, "NumPiece"),
                    code=code,
                    label=label,
                )
            )
    return elements


def build_acquit(header, elements):
    """A PES_ACQUIT version 2 (bytes), as Hélios returns it: for the tests, the demo
    and the benchmark. ``header`` as for build_pes_aller; ``elements`` as read_acquit
    returns them: [{domain, ok, exercice, bordereau, piece, code, label}], an element
    with a piece being a DetailPiece of the bordereau's ElementACQUIT."""
    root = etree.Element(etree.QName(NS_ACQUIT, "PES_ACQUIT"), nsmap={"n": NS_ACQUIT})
    _envelope(root, header, "PESACQUIT")
    _entete(root, header)
    acquit = _el(root, "ACQUIT")
    _el(_el(acquit, "EnTeteAcquit"), "IdVer", 2)  # « Version de l'Acquit (2) »
    nodes = {}

    def erreur(parent, element):
        if element.get("code") or element.get("label"):
            node = _el(parent, "Erreur")
            _opt(node, "NumAnoAck", element.get("code"))
            _opt(node, "LibelleAnoAck", element.get("label"))

    for element in elements:
        key = (element.get("exercice"), element.get("bordereau"))
        node = nodes.get(key)
        if node is None or not element.get("piece"):
            node = nodes[key] = _el(acquit, "ElementACQUIT")
            _el(node, "DomaineAck", element.get("domain", DOMAINE_ACK_RECETTE))
            _el(node, "EtatAck", 1 if element["ok"] and not element.get("piece") else 0)
            _opt(node, "NumBord", element.get("bordereau"))
            _opt(node, "ExerciceBord", element.get("exercice"))
        if element.get("piece"):
            detail = _el(node, "DetailPiece")
            _el(detail, "NumPiece", element["piece"])
            erreur(detail, element)
        else:
            erreur(node, element)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")
