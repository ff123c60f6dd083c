# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import binascii
from collections import defaultdict

from odoo import api, models
from odoo.exceptions import UserError

from odoo.addons.base.models.ir_model import MODULE_UNINSTALL_FLAG

# What makes the file an attachment holds: its bytes, and the document field it is
# the value of (a "url" attachment is served as a redirection to its url).
_CONTENT_FIELDS = ("datas", "raw", "db_datas")
_TARGET_FIELDS = ("res_model", "res_id", "res_field")
_SERVED_FIELDS = ("type", "url")
_GUARDED_FIELDS = frozenset(_CONTENT_FIELDS + _TARGET_FIELDS + _SERVED_FIELDS)


class IrAttachment(models.Model):
    """The files of a posted money document stay as they were posted.

    A Binary field stored as an attachment (the PES file of an emitted bordereau, the
    statement of a booked remittance) keeps its bytes in ``ir.attachment``, whose own
    check only asks that the user may write the document: it never calls the
    document's ``write``, so tourism.money.document.mixin's lock would not see a file
    replaced, moved or deleted through ``ir.attachment`` (docs/architecture.md,
    "Posted means final"). Like the mixin, the superuser is held too: only the
    server's bookkeeping, whose token travels in the context down to the attachment
    the Binary field writes, changes such a file. Rewriting the same bytes (Odoo's
    storage migration, ``force_storage``) changes nothing and stays allowed.
    """

    _inherit = "ir.attachment"

    @api.model_create_multi
    def create(self, vals_list):
        if not self._money_file_trusted():
            self._money_check_files(
                [
                    (vals.get("res_model"), vals.get("res_id"), vals.get("res_field"))
                    for vals in vals_list
                ]
            )
        return super().create(vals_list)

    def write(self, vals):
        if _GUARDED_FIELDS & set(vals) and not self._money_file_trusted():
            self._money_check_write(vals)
        return super().write(vals)

    def unlink(self):
        if (
            self
            and not self._money_file_trusted()
            and not self.env.context.get(MODULE_UNINSTALL_FLAG)
        ):
            attachments = self.sudo()
            attachments.fetch(list(_TARGET_FIELDS))
            self._money_check_files(
                [(a.res_model, a.res_id, a.res_field) for a in attachments]
            )
        return super().unlink()

    # --- helpers ------------------------------------------------------------------
    def _money_file_trusted(self):
        return self.env["tourism.money.document.mixin"]._money_is_trusted()

    def _money_check_write(self, vals):
        """Refuse a write that changes the bytes, the type or the document field of
        a frozen file, or that moves an attachment onto one."""
        attachments = self.sudo()
        attachments.fetch(list(_TARGET_FIELDS + _SERVED_FIELDS) + ["checksum"])
        checksums = {
            field: self._money_checksum(field, vals[field])
            for field in _CONTENT_FIELDS
            if field in vals
        }
        files = []
        for attachment in attachments:
            old = (attachment.res_model, attachment.res_id, attachment.res_field)
            new = (
                vals.get("res_model", old[0]) or False,
                int(vals.get("res_id", old[1]) or 0),
                vals.get("res_field", old[2]) or False,
            )
            changed = (
                new != (old[0] or False, old[1] or 0, old[2] or False)
                or any(
                    (vals[field] or False) != (attachment[field] or False)
                    for field in _SERVED_FIELDS
                    if field in vals
                )
                or any(
                    checksum != attachment.checksum for checksum in checksums.values()
                )
            )
            if changed:
                files += [old, new]
        self._money_check_files(files)

    def _money_checksum(self, field, value):
        """The checksum of the bytes writing ``value`` to ``field`` would store
        (None when the value is no readable content: a change, refused on a frozen
        file)."""
        if isinstance(value, str):
            value = value.encode()
        try:
            if field == "datas":
                value = base64.b64decode(value or b"")
            return self._compute_checksum(value or b"")
        except (TypeError, ValueError, binascii.Error):
            return None

    def _money_check_files(self, files):
        """Raise if one of ``files`` (res_model, res_id, res_field) is a frozen file
        of a money document. A query per money model among them, whatever their
        number."""
        Mixin = self.pool["tourism.money.document.mixin"]
        by_model = defaultdict(lambda: defaultdict(set))
        for res_model, res_id, res_field in files:
            if (
                res_model
                and res_id
                and res_field
                and res_model in self.env
                and isinstance(self.env[res_model], Mixin)
            ):
                by_model[res_model][res_field].add(int(res_id))
        for res_model, fields_ids in by_model.items():
            # The lock does not depend on who asks (base's check does the rights).
            Model = self.env[res_model].sudo()
            documents = Model.browse(
                {res_id for ids in fields_ids.values() for res_id in ids}
            ).exists()
            for field_name, ids in fields_ids.items():
                frozen = documents & Model.browse(ids)
                if frozen._money_locks_file(field_name):
                    raise UserError(
                        self.env._(
                            "%(document)s is posted, and its file “%(field)s” "
                            "with it: the file can no longer be replaced, moved "
                            "or deleted. Correct the document with the "
                            "rectification, reversal or cancellation it offers, "
                            "which leaves a trace.",
                            field=Model._fields[field_name]._description_string(
                                self.env
                            ),
                            document=Model._money_label(),
                        )
                    )
