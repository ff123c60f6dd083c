"""Benchmark of a PES V2 bordereau of titres de recettes (addon tourism_pes).

Works on an existing database where tourism_pes is installed (default
``tourisme_test``), inside one transaction rolled back at the end. It creates N hosts
(default 5,000), one posted tax invoice each, and a bordereau of N titres, one per
host. One avis is rendered by wkhtmltopdf and each invoice keeps a copy of its own as
its PDF, as the cron leaves them (styled when an Odoo server answers at web.base.url:
it says so), then measures the emission: the numbering of the bordereau and its titres
(no-gap sequences), the avis gzipped and attached, the PES_Aller written, checked
against the PES V2 schema and stored. It checks the stored file against the schema
again and counts its pièces. Then it times --render more avis rendered in one batch, as
the cron does ahead of the bordereau.

The project's PostgreSQL cluster must be running (scripts/setup.sh). From the root:

    .venv/bin/python scripts/bench_pes.py [--db tourisme_test] [--titres 5000]
"""

import argparse
import base64
import importlib.util
import time
import urllib.request
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
        "--render",
        type=int,
        default=10,
        help="avis rendered in one batch as the cron does, to time them (default 10)",
    )
    parser.add_argument(
        "--profile", action="store_true", help="print the costliest functions"
    )
    return parser.parse_args()


def styled(env):
    """Whether wkhtmltopdf will get the report's styles and fonts: it fetches them
    from the Odoo server at web.base.url, and renders an unstyled avis (lighter)
    when none answers."""
    url = env["ir.config_parameter"].sudo().get_param("web.base.url")
    try:
        with urllib.request.urlopen(f"{url}/web/health", timeout=5):
            return True
    except (OSError, ValueError):
        return False


def render_avis(env, invoices):
    """Render the invoices' avis as the cron does (tourism_pes); seconds taken."""
    start = time.perf_counter()
    invoices._pes_render_avis()
    return time.perf_counter() - start


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
        say(f"Creating {n:,} hosts, their posted invoices and avis, and their titres")
        start = time.perf_counter()
        # Half companies, half persons: a person goes with a civility, a first and a
        # last name (Class_TiersRecette.xsd).
        mister = env.ref("base.res_partner_title_mister")
        partners = env["res.partner"].create(
            [
                {
                    "name": f"Hébergeur {i:05d}",
                    "is_company": i % 2 == 0,
                    **(
                        {}
                        if i % 2 == 0
                        else {
                            "title": mister.id,
                            "firstname": "Jean",
                            "lastname": f"Hébergeur {i:05d}",
                        }
                    ),
                    "street": f"{i % 90 + 1} route de Saint-Sever",
                    "zip": "40500",
                    "city": "Saint-Sever",
                }
                for i in range(n)
            ]
        )
        # One posted invoice per host, as in life. One avis is rendered by
        # wkhtmltopdf as the cron renders them (timed apart with --render); each
        # invoice keeps its own copy as its PDF, made distinct so that the emission
        # reads N files from the filestore, not one.
        invoice_vals = {
            "move_type": "out_invoice",
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
        invoices = env["account.move"].create(
            [dict(invoice_vals, partner_id=partner.id) for partner in partners]
        )
        invoices.action_post()
        say(f"  {n:,} invoices posted in {time.perf_counter() - start:.1f} s")
        origin = (
            "styled: an Odoo server answers at web.base.url"
            if styled(env)
            else "UNSTYLED: no Odoo server answers at web.base.url, start one"
        )
        render_avis(env, invoices[0])
        pdf = invoices[0].invoice_pdf_report_id.raw
        env["ir.attachment"].create(
            [
                {
                    "name": f"{invoice.name.replace('/', '_')}.pdf",
                    "res_model": "account.move",
                    "res_field": "invoice_pdf_report_file",
                    "res_id": invoice.id,
                    "mimetype": "application/pdf",
                    "raw": pdf + f"\n% avis {invoice.id}\n".encode(),
                }
                for invoice in invoices[1:]
            ]
        )
        invoices.invalidate_recordset()
        bordereau = env["tourism.pes.bordereau"].create(
            {"date_from": "2000-01-01", "date_to": "2099-12-31"}
        )
        env["tourism.pes.titre"].create(
            [
                {
                    "bordereau_id": bordereau.id,
                    "partner_id": invoice.partner_id.id,
                    "move_ids": [Command.set(invoice.ids)],
                    "avis_names": invoice.name,
                    "line_ids": [
                        Command.create(
                            {
                                "name": "Taxe de séjour",
                                "pes_nature": "7362",
                                "pes_product_code": "TS",
                                "amount": 42.5,
                            }
                        )
                    ],
                }
                for invoice in invoices
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
        per_avis = 0
        if args.render:
            say(f"Rendering {args.render} more avis as the cron does")
            others = env["account.move"].create(
                [
                    dict(invoice_vals, partner_id=partner.id)
                    for partner in partners[: args.render]
                ]
            )
            others.action_post()
            per_avis = render_avis(env, others) / len(others)
        cr.rollback()
    say("")
    say(
        f"Emission of {n:,} titres: {emission:.1f} s ({emission / n * 1000:.1f} ms and "
        f"{queries / n:.1f} queries per titre), file of {len(xml) / 1024 / 1024:.1f} MB"
    )
    say(f"Validation of the stored file against the schema alone: {validation:.1f} s")
    if per_avis:
        say(
            f"Avis rendered ahead (as the cron does, in one batch): {per_avis:.2f} s "
            f"each, {per_avis * n / 60:.0f} min of cron for {n:,} avis"
        )
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
