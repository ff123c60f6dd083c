# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import binascii

from odoo import fields, models
from odoo.exceptions import UserError

from ..tools import pes_xml


class TourismPesAcquitImport(models.TransientModel):
    """Read the acknowledgement (PES_ACQUIT) Hélios returns for a bordereau.

    Everything is checked before anything is written: a file that is not XML, not a
    PES acknowledgement, not valid against the schema, or that speaks of another
    bordereau changes nothing."""

    _name = "tourism.pes.acquit.import"
    _description = "Import a PES Acknowledgement"

    bordereau_id = fields.Many2one("tourism.pes.bordereau", required=True)
    file_data = fields.Binary(string="File", required=True)
    file_name = fields.Char()

    def _error(self, message, details=""):
        text = message if not details else f"{message}\n{details}"
        return UserError(text)

    def action_import(self):
        self.ensure_one()
        bordereau = self.bordereau_id
        bordereau._check_ordonnateur()
        if bordereau.state != "emitted":
            raise UserError(
                self.env._(
                    "%(bordereau)s is not waiting for an acknowledgement (already "
                    "acknowledged, or not emitted).",
                    bordereau=bordereau.name,
                )
            )
        try:
            data = base64.b64decode(self.file_data or b"", validate=True)
        except (binascii.Error, ValueError) as error:
            raise UserError(self.env._("The file could not be read.")) from error
        try:
            elements = pes_xml.read_acquit(data)
        except pes_xml.PesError as error:
            messages = {
                "syntax": self.env._("This file is not an XML file."),
                "foreign": self.env._(
                    "This file is not a PES acknowledgement (PES_ACQUIT) from Hélios."
                ),
                "schema": self.env._(
                    "This acknowledgement does not follow the PES V2 schema:"
                ),
            }
            raise self._error(messages[error.code], error.details) from error
        mine = [
            e
            for e in elements
            if e["domain"] == pes_xml.DOMAINE_ACK_RECETTE
            and e["exercice"] == bordereau.exercice
            and e["bordereau"] == bordereau.number
        ]
        others = [e for e in elements if e not in mine]
        if not mine or others:
            raise UserError(
                self.env._(
                    "This acknowledgement speaks of another bordereau than "
                    "%(bordereau)s (exercice %(exercice)s, number %(number)s): "
                    "nothing was imported.",
                    bordereau=bordereau.name,
                    exercice=bordereau.exercice,
                    number=bordereau.number,
                )
            )
        numbers = set(bordereau.titre_ids.mapped("number"))
        unknown = sorted({e["piece"] for e in mine if e["piece"]} - numbers)
        if unknown:
            raise UserError(
                self.env._(
                    "The acknowledgement names titres that are not in %(bordereau)s: "
                    "%(numbers)s. Nothing was imported.",
                    bordereau=bordereau.name,
                    numbers=", ".join(map(str, unknown)),
                )
            )
        bordereau._apply_acquit(mine, base64.b64encode(data), self.file_name)
        return {"type": "ir.actions.act_window_close"}
