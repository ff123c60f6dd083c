"""Prove that a restored database is the same as its source, with Odoo's own checks.

Usage (the Odoo options as scripts/lib.sh's odoo_common_args gives them):
  verify_restore.py ODOO_SRC SRC_DB DST_DB "BACKUP AND RESTORE COMMAND" [options...]

1. In SRC_DB: a PDF report rendered by Odoo and kept as an attachment (in the
   filestore), and a sale at a BIT till synced as the till sends it, so that the POS
   hash chain (l10n_fr_pos_cert) has an order; committed.
2. The command (scripts/backup.sh then scripts/restore.sh into DST_DB) runs.
3. Prints as JSON, for each database: the counts of declarations, invoices,
   quittances, versements and POS orders; the hash chains of the accounting journals
   (the régie's among them: Odoo's account inalterability check, which tourism_regie
   uses), of the POS orders (l10n_fr_pos_cert) and of the régie journals
   (tourism_regie); in DST_DB, the PDF attachments read back from the restored
   filestore; and what step 1 made.

scripts/test.sh runs it through tests/test_backup_restore.py.
"""

import hashlib
import io
import json
import subprocess
import sys
import uuid

odoo_src, source_db, copy_db, command, *odoo_args = sys.argv[1:]
sys.path.insert(0, odoo_src)

import odoo  # noqa: E402
from odoo import Command, fields  # noqa: E402
from odoo.exceptions import UserError  # noqa: E402

odoo.tools.config.parse_config(odoo_args)
odoo.netsvc.init_logger()

# What a restored copy must have as many of as its source (model, domain).
COUNTED = {
    "declarations": ("tourism.tax.declaration", []),
    "invoices": ("account.move", [("move_type", "in", ("out_invoice", "out_refund"))]),
    "posted_entries": ("account.move", [("state", "=", "posted")]),
    "quittances": ("tourism.regie.receipt", []),
    "versements": ("tourism.regie.deposit", []),
    "pos_orders": ("pos.order", []),
    "attachments": ("ir.attachment", []),
}
# Reports tried in order for the PDF: the first whose model has a record is printed.
PDF_REPORTS = (
    "tourism_regie.action_report_regie_receipt",
    "tourism_tax.action_report_tax_declaration",
    "account.account_invoices",
)


def env_of(cr):
    return odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"lang": "fr_FR"})


def make_pdf(env):
    for xmlid in PDF_REPORTS:
        report = env.ref(xmlid, raise_if_not_found=False)
        if not report:
            continue
        record = env[report.model].search([], limit=1)
        if not record:
            continue
        pdf, _type = report._render_qweb_pdf(report.report_name, record.ids)
        attachment = env["ir.attachment"].create(
            {
                "name": "backup-restore-check.pdf",
                "raw": pdf,
                "mimetype": "application/pdf",
                "res_model": report.model,
                "res_id": record.id,
            }
        )
        return {
            "attachment_id": attachment.id,
            "report": xmlid,
            "sha1": hashlib.sha1(pdf).hexdigest(),
            "store_fname": attachment.store_fname,
        }
    sys.exit("no record to print a PDF of")


def make_pos_sale(env):
    """One cash sale at the first BIT till, synced as the till sends it."""
    if (
        "tourism.bit" not in env
        or "l10n_fr_pos_cert_sequence_id" not in env["res.company"]
    ):
        return None
    env = env(user=env.ref("base.user_admin"))  # a POS manager opens the till
    config = env["pos.config"].search([("company_id", "=", 1)], limit=1)
    product = env["product.product"].search(
        [
            ("available_in_pos", "=", True),
            ("list_price", ">", 0),
            ("type", "=", "consu"),
        ],
        limit=1,
    )
    cash = config.payment_method_ids.filtered("is_cash_count")[:1]
    if not (config and product and cash):
        return None
    if not config.current_session_id:
        config.open_ui()
        config.current_session_id.set_opening_control(0, "")
    session = config.current_session_id
    price = product.lst_price
    order_uuid = str(uuid.uuid4())
    result = env["pos.order"].sync_from_ui(
        [
            {
                "amount_paid": price,
                "amount_return": 0,
                "amount_tax": 0,
                "amount_total": price,
                "date_order": fields.Datetime.to_string(fields.Datetime.now()),
                "fiscal_position_id": False,
                "pricelist_id": config.pricelist_id.id,
                "name": f"Order {order_uuid}",
                "lines": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "qty": 1,
                            "price_unit": price,
                            "price_subtotal": price,
                            "price_subtotal_incl": price,
                            "tax_ids": [],
                        }
                    )
                ],
                "partner_id": False,
                "session_id": session.id,
                "sequence_number": 1,
                "payment_ids": [
                    Command.create(
                        {
                            "amount": price,
                            "name": fields.Datetime.now(),
                            "payment_method_id": cash.id,
                        }
                    )
                ],
                "uuid": order_uuid,
                "user_id": env.uid,
                "to_invoice": False,
                "state": "paid",
            }
        ]
    )
    order = env["pos.order"].browse(result["pos.order"][0]["id"])
    return {"order": order.name, "hash": order.l10n_fr_hash}


def facts(env):
    """What must be the same in the source and the restored copy."""
    result = {"counts": {}, "account_chains": {}, "pos_chain": None, "regie_chains": {}}
    for key, (model, domain) in COUNTED.items():
        if model in env:
            result["counts"][key] = env[model].search_count(domain)
    company = env["res.company"].browse(1)
    for line in company._check_hash_integrity()["results"]:
        result["account_chains"][line["journal_name"]] = {
            "status": line["status"],
            "last_hash": line.get("last_hash"),
        }
    if hasattr(company, "_check_pos_hash_integrity"):
        try:
            pos = company._check_pos_hash_integrity()
            result["pos_chain"] = {
                "corrupted_orders": pos["corrupted_orders"],
                "last_order_hash": pos["result"]["last_order_hash"],
            }
        except UserError as error:  # no order hashed yet
            result["pos_chain"] = {"no_data": str(error)}
    if "tourism.regie" in env:
        for regie in env["tourism.regie"].search([]):
            result["regie_chains"][regie.name] = sorted(
                (r["journal_name"], r["status"]) for r in regie._integrity_results()
            )
    return result


def read_pdfs(env):
    """Every PDF attachment of the restored copy read back from its filestore."""
    from PyPDF2 import PdfReader

    found = []
    for attachment in env["ir.attachment"].search(
        [("mimetype", "=", "application/pdf"), ("store_fname", "!=", False)]
    ):
        raw = attachment.raw or b""
        pages = len(PdfReader(io.BytesIO(raw)).pages) if raw.startswith(b"%PDF") else 0
        found.append(
            {
                "id": attachment.id,
                "name": attachment.name,
                "sha1": hashlib.sha1(raw).hexdigest(),
                "pages": pages,
                "checksum_ok": attachment.checksum == hashlib.sha1(raw).hexdigest(),
            }
        )
    return found


output = {}
with odoo.modules.registry.Registry(source_db).cursor() as cr:
    env = env_of(cr)
    output["made"] = {"pdf": make_pdf(env), "pos_sale": make_pos_sale(env)}
subprocess.run(command, shell=True, check=True, stdout=sys.stderr)
for db_name in (source_db, copy_db):
    with odoo.modules.registry.Registry(db_name).cursor() as cr:
        env = env_of(cr)
        output[db_name] = facts(env)
        if db_name == copy_db:
            output[db_name]["pdfs"] = read_pdfs(env)
        cr.rollback()
print(json.dumps(output, default=str))
