# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException

from ..tools import pes_xml
from .common import TourismPesCommon

FORGED = b"<PES_Aller>forged after emission</PES_Aller>"


@tagged("post_install", "-at_install")
class TestAttachmentLock(HttpCase, TourismPesCommon):
    """The PES file of an emitted bordereau stays the file the comptable took in
    charge: the titres travel to Hélios only in that file, pièces justificatives
    included (décret 2012-1246 art. 11 and 18; CGCT D1617-23), and what is posted
    stays posted (docs/architecture.md, "Posted means final"). Its bytes live in an
    ir.attachment, which the ordonnateur may write as he may write the bordereau:
    tourism_base refuses there too what the document itself refuses."""

    def _file(self, bordereau, field="file_data"):
        return (
            self.env["ir.attachment"]
            .with_user(self.ordonnateur)
            .search(
                [
                    ("res_model", "=", bordereau._name),
                    ("res_id", "=", bordereau.id),
                    ("res_field", "=", field),
                ]
            )
        )

    def test_emitted_file_cannot_be_replaced_moved_or_deleted(self):
        """As the ordonnateur, who may write the bordereau, and even as superuser
        (the money lock holds them too, décret 2012-1246 art. 11 and 18; CGCT
        D1617-23): the emitted PES file is not replaced, moved, deleted nor doubled
        through ir.attachment; nothing is written."""
        bordereau = self._emitted()
        emitted = base64.b64decode(bordereau.file_data)
        attachment = self._file(bordereau)
        self.assertEqual(len(attachment), 1)
        other = self._bordereau()  # a draft the file could be moved to
        for values in (
            {"datas": base64.b64encode(FORGED)},
            {"raw": FORGED},
            {"db_datas": FORGED},
            {"datas": False},
            {"res_id": other.id},
            {"res_field": "acquit_data"},
            {"res_model": "res.partner", "res_id": self.host.id},
            {"type": "url", "url": "https://example.com/forged.xml"},
        ):
            for target in (attachment, attachment.sudo()):
                with (
                    self.subTest(values=values, su=target.env.su),
                    self.assertRaisesRegex(UserError, "file “PES File” with it"),
                ):
                    target.write(dict(values))  # write adds the mimetype
        for target in (attachment, attachment.sudo()):
            with self.subTest(unlink=True, su=target.env.su):
                with self.assertRaises(UserError):
                    target.unlink()
        # A second attachment on the same field, or an ordinary one moved onto it.
        Attachment = self.env["ir.attachment"].with_user(self.ordonnateur)
        target = {
            "res_model": bordereau._name,
            "res_id": bordereau.id,
            "res_field": "file_data",
        }
        with self.assertRaises(UserError):
            Attachment.create({"name": "file_data", "raw": FORGED, **target})
        with self.assertRaises(UserError):
            Attachment.create(
                {"name": "acquit_data", "raw": FORGED, **target}
                | {"res_field": "acquit_data"}
            )
        loose = Attachment.create({"name": "forged.xml", "raw": FORGED})
        with self.assertRaises(UserError):
            loose.write(target)
        # A client's context never carries the bookkeeping's token.
        with self.assertRaises(UserError):
            attachment.with_context(tourism_money_token=True).write({"raw": FORGED})
        bordereau.invalidate_recordset()
        self.assertEqual(base64.b64decode(bordereau.file_data), emitted)
        self.assertEqual(self._file(bordereau), attachment)
        # What does not touch the file stays open: a share link, a description.
        attachment.generate_access_token()
        attachment.description = "Envoyé à Hélios"

    def test_draft_file_editable_and_emission_stores_its_file(self):
        """A draft keeps its files editable; the emission (the server's bookkeeping,
        décret 2012-1246 art. 11) still stores the PES file, and the acknowledgement
        import the PES_ACQUIT, on the frozen bordereau."""
        bordereau = self._bordereau()
        Attachment = self.env["ir.attachment"].with_user(self.ordonnateur)
        draft_file = Attachment.create(
            {
                "name": "file_data",
                "raw": b"<draft/>",
                "res_model": bordereau._name,
                "res_id": bordereau.id,
                "res_field": "file_data",
            }
        )
        draft_file.write({"raw": b"<draft again/>"})
        bordereau.invalidate_recordset(["file_data"])
        self.assertEqual(base64.b64decode(bordereau.file_data), b"<draft again/>")
        draft_file.unlink()
        bordereau.invalidate_recordset()
        self.assertFalse(bordereau.file_data)
        bordereau.action_prepare()
        bordereau.action_emit()
        self.assertEqual(bordereau.state, "emitted")
        pes_xml.validate(base64.b64decode(bordereau.file_data), pes_xml.PES_ALLER_XSD)
        self._import(bordereau, self._acquit(bordereau))
        self.assertEqual(bordereau.state, "acknowledged")
        self.assertEqual(len(self._file(bordereau, "acquit_data")), 1)
        self.assertTrue(bordereau.acquit_data)

    def test_storage_migration_keeps_working(self):
        """Odoo's storage migration (force_storage, done by _migrate on each
        attachment) rewrites the same bytes elsewhere: allowed on a frozen file, whose
        content stays what was emitted (CGCT D1617-23)."""
        bordereau = self._emitted()
        emitted = base64.b64decode(bordereau.file_data)
        attachment = self._file(bordereau).sudo()
        self.assertTrue(attachment.store_fname)
        self.env["ir.config_parameter"].sudo().set_param("ir_attachment.location", "db")
        attachment._migrate()
        self.assertFalse(attachment.store_fname)
        self.assertEqual(attachment.db_datas, emitted)
        self.env["ir.config_parameter"].sudo().set_param(
            "ir_attachment.location", "file"
        )
        attachment._migrate()
        self.assertTrue(attachment.store_fname)
        bordereau.invalidate_recordset()
        self.assertEqual(base64.b64decode(bordereau.file_data), emitted)

    def test_ordonnateur_over_json_rpc(self):
        """The same attacks through the web client's JSON-RPC, as the ordonnateur
        logged in, with a forged token in the context: a clear error, the emitted
        file unchanged (décret 2012-1246 art. 11 and 18)."""
        bordereau = self._emitted()
        emitted = base64.b64decode(bordereau.file_data)
        attachment = self._file(bordereau)
        self.authenticate("tax_ordonnateur", "tax_ordonnateur")
        forged = base64.b64encode(FORGED).decode()
        for method, args in (
            ("write", [attachment.ids, {"datas": forged}]),
            ("unlink", [attachment.ids]),
            (
                "create",
                [
                    {
                        "name": "file_data",
                        "datas": forged,
                        "res_model": bordereau._name,
                        "res_id": bordereau.id,
                        "res_field": "file_data",
                    }
                ],
            ),
        ):
            with self.subTest(method=method):
                with self.assertRaises(JsonRpcException) as caught:
                    self.make_jsonrpc_request(
                        f"/web/dataset/call_kw/ir.attachment/{method}",
                        {
                            "model": "ir.attachment",
                            "method": method,
                            "args": args,
                            "kwargs": {"context": {"tourism_money_token": True}},
                        },
                    )
                self.assertEqual(caught.exception.args[0], "odoo.exceptions.UserError")
        bordereau.invalidate_recordset()
        self.assertEqual(base64.b64decode(bordereau.file_data), emitted)
