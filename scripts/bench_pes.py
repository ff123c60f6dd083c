"""Benchmark of a PES V2 bordereau of titres de recettes (addon tourism_pes).

Works on an existing database where tourism_pes is installed (default
``tourisme_test``), inside one transaction rolled back at the end. It creates N hosts
(default 5,000) and a bordereau of N titres, one per host, on one posted tax invoice
whose avis PDF is stored as the invoice's PDF (a real avis rendered by wkhtmltopdf when
it can be, else a 40 KB stand-in), then measures the emission: the
numbering of the bordereau and its titres (no-gap sequences), the avis gzipped and
attached, the PES_Aller written, checked against the PES V2 schema and stored. It checks
the stored file against the schema again and counts its pièces.

The project's PostgreSQL cluster must be running (scripts/setup.sh). From the root:

    .venv/bin/python scripts/bench_pes.py [--db tourisme_test] [--titres 5000]
"""

import argparse
import base64
import importlib.util
import os
import time
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location(
    "bench_tourism_tax", ROOT / "scripts" / "bench_tourism_tax.py"
)
taxbench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(taxbench)
say = taxbench.say


def parse_args():
    parser = argparse.ArgumentParser(description="Benchmark a PES V2 bordereau.")
    parser.add_argument("--db", default="tourisme_test")
    parser.add_argument("--titres", type=int, default=5000)
    parser.add_argument(
        "--profile", action="store_true", help="print the costliest functions"
    )
    return parser.parse_args()


def avis_pdf(env, invoice):
    """A real avis if wkhtmltopdf renders one here, else a stand-in of the same size."""
    try:
        content, kind = (
            env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf("account.account_invoices", invoice.ids)
        )
        if kind == "pdf" and content.startswith(b"%PDF"):
            return content, "rendered by wkhtmltopdf"
    except Exception as error:  # noqa: BLE001 - any failure: use the stand-in
        say(f"  (no wkhtmltopdf rendering: {error.__class__.__name__})")
    return b"%PDF-1.4\n" + os.urandom(30_000) + b"\n%%EOF", "40 KB stand-in"


def benchmark(args, odoo):
    from odoo import Command

    registry = odoo.modules.registry.Registry(args.db)
    with closing(registry.cursor()) as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        env.company.write(
            {
                "pes_id_post": "040062",
                "pes_id_coll": "20004123400017",
                "pes_cod_col": "512",
            }
        )
        income = env["account.account"].create(
            {
                "code": "706899",
                "name": "Taxe de séjour (banc d'essai)",
                "account_type": "income",
                "pes_nature": "7362",
                "pes_product_code": "TS",
            }
        )
        n = args.titres
        say(f"Creating {n:,} hosts and their titres on one posted avis")
        start = time.perf_counter()
        partners = env["res.partner"].create(
            [
                {
                    "name": f"Hébergeur {i:05d}",
                    "is_company": i % 2 == 0,
                    "street": f"{i % 90 + 1} route de Saint-Sever",
                    "zip": "40500",
                    "city": "Saint-Sever",
                }
                for i in range(n)
            ]
        )
        # Posting N invoices takes Odoo 0.15 s each here (and far more when the
        # machine is loaded), which measures Odoo's posting, not the emission: the N
        # titres share one posted avis; the emission still reads, gzips and embeds
        # one PJ per titre, as with N avis.
        invoice = env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": partners[0].id,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": "Taxe de séjour",
                            "quantity": 1,
                            "price_unit": 42.5,
                            "account_id": income.id,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
        )
        invoice.action_post()
        pdf, origin = avis_pdf(env, invoice)
        invoice.invoice_pdf_report_file = base64.b64encode(pdf)
        bordereau = env["tourism.pes.bordereau"].create(
            {"date_from": "2000-01-01", "date_to": "2099-12-31"}
        )
        env["tourism.pes.titre"].create(
            [
                {
                    "bordereau_id": bordereau.id,
                    "partner_id": partner.id,
                    "move_ids": [Command.set(invoice.ids)],
                    "avis_names": invoice.name,
                    "line_ids": [
                        Command.create(
                            {
                                "name": "Taxe de séjour",
                                "pes_nature": "7362",
                                "pes_product_code": "TS",
                                "amount": 10 + i % 90 + (i % 100) / 100,
                            }
                        )
                    ],
                }
                for i, partner in enumerate(partners)
            ]
        )
        env.flush_all()
        say(
            f"  prepared in {time.perf_counter() - start:.1f} s; avis of "
            f"{len(pdf) / 1024:.0f} KB ({origin})"
        )
        say(f"Emitting the bordereau of {n:,} titres (numbering, avis, XML, schema)")
        queries = cr.sql_log_count
        if args.profile:
            import cProfile
            import pstats

            profiler = cProfile.Profile()
            profiler.enable()
        start = time.perf_counter()
        bordereau.action_emit()
        env.flush_all()
        emission = time.perf_counter() - start
        if args.profile:
            profiler.disable()
            pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
        queries = cr.sql_log_count - queries
        xml = base64.b64decode(bordereau.file_data)
        from odoo.addons.tourism_pes.tools import pes_xml

        start = time.perf_counter()
        document = pes_xml.validate(xml, pes_xml.PES_ALLER_XSD)
        validation = time.perf_counter() - start
        pieces = len(document.findall("PES_RecetteAller/Bordereau/Piece"))
        pjs = len(document.findall("PES_PJ/PJ"))
        numbers = sorted(bordereau.titre_ids.mapped("number"))
        gapless = numbers == list(range(numbers[0], numbers[0] + n))
        cr.rollback()
    say("")
    say(
        f"Emission of {n:,} titres: {emission:.1f} s ({emission / n * 1000:.1f} ms and "
        f"{queries / n:.1f} queries per titre), file of {len(xml) / 1024 / 1024:.1f} MB"
    )
    say(f"Validation of the stored file against the schema alone: {validation:.1f} s")
    ok = pieces == n and pjs == n and gapless and emission < 30
    say(
        f"Pièces: {pieces:,}, PJ: {pjs:,}, titre numbers without gaps: {gapless}; "
        f"target < 30 s: {'OK' if ok else 'MISSED'}"
    )
    return ok


def main():
    taxbench.run_on_existing_db(parse_args(), benchmark)


if __name__ == "__main__":
    main()
