# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""PES V2 files, domaine Recette, without the ORM.

Builds the PES_Aller of a bordereau of titres from plain values, validates a file
against the schemas under ``data/xsd`` and reads the acknowledgement (PES_ACQUIT) that
Hélios returns. Field meanings: the DGFiP's PES V2 schemas' own documentation
(``Class_BordereauRecetteAller.xsd``, ``Class_TitreAller.xsd``,
``Class_LigneTitreAller.xsd``, ``Class_TiersRecette.xsd``, ``Class_PJ.xsd``; see
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
NS_RETOUR = "http://www.minefi.gouv.fr/cp/helios/pes_v2/Rev0/retour"
XSD_DIR = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data", "xsd")

# Triplet of an ordinary titre of the operating section: bordereau 01 « Ordinaire »,
# pièce 01 « Titre ordinaire », nature 01 « Fonctionnement » (CommunRecette.xsd).
TYP_BORD_ORDINAIRE = "01"
TYP_PCE_ORDINAIRE = "01"
NAT_PCE_FONCTIONNEMENT = "01"
# ElementACQUIT/DomaineAck of the Recette domain (TDomaine 02 « Recette »).
DOMAINE_ACK_RECETTE = "2"


class PesError(ValueError):
    """A file that is not what it should be; ``args[0]`` is a short code, ``details``
    what the parser or the schema said."""

    def __init__(self, code, details=""):
        super().__init__(code)
        self.code = code
        self.details = details


@functools.cache
def schema(name):
    """The compiled schema ``data/xsd/<name>`` (compiled once per process)."""
    return etree.XMLSchema(etree.parse(os.path.join(XSD_DIR, name)))


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
    sender. ``bordereau``: exercice, number, date, object. ``pieces``: one per titre,
    {number, date, object, tiers: {...}, lines: [{number, object, product_code,
    nature, fonction, amount}], pjs: [{id_unique, name, description, mimetype,
    content (bytes)}]}.
    """
    root = etree.Element(etree.QName(NS_ALLER, "PES_Aller"), nsmap={"n": NS_ALLER})
    envelope = _el(root, "Enveloppe")
    params = _el(envelope, "Parametres")
    _el(params, "Version", 1)  # « Doit être valorisé à 1 » (Class_Enveloppe.xsd)
    _el(params, "TypFic", "PESALR1")
    _el(params, "NomFic", text(header["file_name"], 100))
    if header.get("sender"):
        sender = _el(envelope, "Emetteur")
        _el(sender, "Sigle", text(header["sender"], 32))
    head = _el(root, "EnTetePES")
    _el(head, "DteStr", header["date"])
    _el(head, "IdPost", text(header["id_post"], 7))
    _el(head, "IdColl", digits(header["id_coll"])[:14])
    _el(head, "CodCol", alnum(header["cod_col"], 3))
    _opt(head, "CodBud", alnum(header.get("cod_bud"), 2))
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
    _el(bloc, "TypBord", TYP_BORD_ORDINAIRE)
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
        _el(bloc_piece, "TypPce", TYP_PCE_ORDINAIRE)
        _el(bloc_piece, "NatPce", NAT_PCE_FONCTIONNEMENT)
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
            info = _el(_el(ligne, "BlocLignePiece"), "InfoLignePiece")
            _el(info, "IdLigne", line["number"])
            _opt(info, "ObjLignePce", text(line.get("object"), 160))
            _el(info, "CodProdLoc", alnum(line["product_code"], 4))
            _el(info, "Nature", digits(line["nature"])[:12])
            _opt(info, "Fonction", digits(line.get("fonction"))[:10])
            _el(info, "Majo", 0)
            _el(info, "TvaIntraCom", 0)
            _el(info, "MtHT", amount(line["amount"]))
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
            _el(ref, "TypeObjet", TYP_BORD_ORDINAIRE)
            _el(ref, "Identifiant", piece["number"])
    return root


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
        # Personnes morales de droit privé / Société
        _el(info, "CatTiers", "60")
        _el(info, "NatJur", "03")
    else:
        _el(info, "CatTiers", "01")  # Personnes physiques
        _el(info, "NatJur", "01")  # Particuliers
    _el(info, "TypTiers", "01")  # Débiteur principal
    _opt(info, "Civilite", text(tiers.get("civility"), 10))
    _el(info, "Nom", text(tiers["name"], 38))
    address = _el(node, "Adresse")
    _el(address, "TypAdr", 1)  # principale
    _opt(address, "Adr1", text(tiers.get("street2"), 38))
    _el(address, "Adr2", text(tiers["street"], 38))
    _el(address, "CP", text(tiers["zip"], 5))
    _opt(address, "Ville", text(tiers.get("city"), 38))
    _el(address, "CodRes", 0)  # résident en France


def read_acquit(xml_bytes):
    """The elements of a PES_ACQUIT, validated: [{domain, ok, exercice, bordereau,
    piece, code, label}]. Raises PesError("syntax" | "foreign" | "schema")."""
    document = parse(xml_bytes)
    if document.tag != etree.QName(NS_RETOUR, "PES_ACQUIT").text:
        raise PesError("foreign", document.tag)
    validate(xml_bytes, "PES_Acquit.xsd")
    elements = []
    for node in document.iterfind("ACQUIT/ElementACQUIT"):

        def value(tag, node=node):
            child = node.find(tag)
            return child.get("V") if child is not None else None

        elements.append(
            {
                "domain": value("DomaineAck"),
                "ok": value("EtatAck") in ("1", "true"),
                "exercice": int(value("ExerciceBord") or 0) or None,
                "bordereau": int(value("NumBord") or 0) or None,
                "piece": int(value("NumPiece") or 0) or None,
                "code": value("NumAnoAck"),
                "label": value("LibelleAnoAck"),
            }
        )
    return elements


def build_acquit(header, elements):
    """A PES_ACQUIT (bytes), as Hélios returns it: for the tests, the demo and the
    benchmark. ``elements``: [{domain, ok, exercice, bordereau, piece, code, label}]."""
    root = etree.Element(etree.QName(NS_RETOUR, "PES_ACQUIT"), nsmap={"n": NS_RETOUR})
    params = _el(_el(root, "Enveloppe"), "Parametres")
    _el(params, "Version", 1)
    _el(params, "TypFic", "PESACQUIT")
    _el(params, "NomFic", text(header["file_name"], 100))
    head = _el(root, "EnTetePES")
    _el(head, "DteStr", header["date"])
    _el(head, "IdPost", text(header["id_post"], 7))
    _el(head, "IdColl", digits(header["id_coll"])[:14])
    _el(head, "CodCol", alnum(header["cod_col"], 3))
    acquit = _el(root, "ACQUIT")
    _el(_el(acquit, "EnTeteAcquit"), "IdVer", 2)
    for element in elements:
        node = _el(acquit, "ElementACQUIT")
        _el(node, "DomaineAck", element.get("domain", DOMAINE_ACK_RECETTE))
        _el(node, "EtatAck", 1 if element["ok"] else 0)
        _opt(node, "ExerciceBord", element.get("exercice"))
        _opt(node, "NumBord", element.get("bordereau"))
        _opt(node, "NumPiece", element.get("piece"))
        _opt(node, "NumAnoAck", element.get("code"))
        _opt(node, "LibelleAnoAck", element.get("label"))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")
