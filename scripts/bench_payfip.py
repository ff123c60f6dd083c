"""Benchmark of PayFiP notifications (addon payment_payfip).

Works on an existing database where payment_payfip is installed (default
``tourisme_test``), inside one transaction rolled back at the end. It posts N customer
invoices (default 1,000), opens a PayFiP transaction for each against the local fake of
PayFiP's web service the tests use (``requests.Session.send`` replaced: nothing leaves
the machine), has each one paid on the fake, then measures:

(a) N notifications handled as the notification route does: the result query to the
    (fake) web service, the transaction confirmed, its payment posted and reconciled
    with the invoice;
(b) the same N notifications replayed: each one queried again and counted once.

It checks that every invoice is paid with exactly one payment. The project's PostgreSQL
cluster must be running (scripts/setup.sh). From the project's root:

    .venv/bin/python scripts/bench_payfip.py [--db tourisme_test] [--notifications 1000]
"""

import argparse
import importlib.util
import time
from contextlib import closing
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location(
    "bench_tourism_tax", ROOT / "scripts" / "bench_tourism_tax.py"
)
taxbench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(taxbench)
say = taxbench.say


def parse_args():
    parser = argparse.ArgumentParser(description="Benchmark PayFiP notifications.")
    parser.add_argument("--db", default="tourisme_test")
    parser.add_argument("--notifications", type=int, default=1000)
    parser.add_argument(
        "--profile", action="store_true", help="print the costliest functions of (a)"
    )
    return parser.parse_args()


def load_fake():
    name = "payfip_fake"
    path = ROOT / "addons" / "payment_payfip" / "tests" / "fake_payfip.py"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.FakePayFiP


def benchmark(args, odoo):
    import requests

    from odoo import Command

    fake = load_fake()(requests.Session.send)
    registry = odoo.modules.registry.Registry(args.db)
    with (
        closing(registry.cursor()) as cr,
        mock.patch.object(
            requests.Session,
            "send",
            lambda session, prepared, **kw: fake.send(session, prepared, **kw),
        ),
    ):
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        provider = env.ref("payment_payfip.payment_provider_payfip")
        provider.write({"payfip_numcli": "123456", "state": "test"})
        income = env["account.account"].search(
            [("account_type", "=", "income"), ("company_ids", "in", env.company.id)],
            limit=1,
        )
        card = env.ref("payment.payment_method_card")
        euro = env.ref("base.EUR")
        n = args.notifications
        say(f"Posting {n:,} invoices and opening their PayFiP payments")
        start = time.perf_counter()
        partners = env["res.partner"].create(
            [{"name": f"Hébergeur {i}", "email": f"h{i}@example.com"} for i in range(n)]
        )
        invoices = env["account.move"].create(
            [
                {
                    "move_type": "out_invoice",
                    "partner_id": partner.id,
                    "currency_id": euro.id,
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "name": "Taxe de séjour",
                                "quantity": 1,
                                "price_unit": 10 + i % 90 + (i % 100) / 100,
                                "account_id": income.id,
                                "tax_ids": [Command.clear()],
                            }
                        )
                    ],
                }
                for i, partner in enumerate(partners)
            ]
        )
        invoices.action_post()
        Tx = env["payment.transaction"]
        txs = Tx
        for invoice in invoices:
            tx = Tx.create(
                {
                    "provider_id": provider.id,
                    "payment_method_id": card.id,
                    "reference": Tx._compute_reference(
                        "payfip", invoice_ids=[Command.set(invoice.ids)]
                    ),
                    "amount": invoice.amount_residual,
                    "currency_id": euro.id,
                    "partner_id": invoice.partner_id.id,
                    "operation": "online_redirect",
                    "invoice_ids": [Command.set(invoice.ids)],
                }
            )
            tx._get_processing_values()
            fake.pay(tx.provider_reference)
            txs |= tx
        env.flush_all()
        say(f"  prepared in {time.perf_counter() - start:.1f} s")

        def notify_all():
            queries = cr.sql_log_count
            start = time.perf_counter()
            for tx in txs:
                tx = Tx._handle_notification_data(
                    "payfip", {"idop": tx.provider_reference}
                )
                if tx.state == "done" and not tx.is_post_processed:
                    tx._post_process()
            env.flush_all()
            return time.perf_counter() - start, cr.sql_log_count - queries

        say(f"(a) {n:,} notifications: result query, confirmation, reconciliation")
        if args.profile:
            import cProfile
            import pstats

            profiler = cProfile.Profile()
            profiler.enable()
        first, first_queries = notify_all()
        if args.profile:
            profiler.disable()
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
        say(f"(b) the same {n:,} notifications replayed")
        replay, replay_queries = notify_all()
        paid = invoices.filtered(lambda m: m.payment_state in ("paid", "in_payment"))
        payments = env["account.payment"].search_count(
            [("payment_transaction_id", "in", txs.ids)]
        )
        cr.rollback()
    say("")
    say(
        f"(a) {n:,} notifications reconciled in {first:.1f} s: {n / first:.1f}/s "
        f"({first / n * 1000:.0f} ms and {first_queries / n:.0f} queries each)"
    )
    say(
        f"(b) {n:,} replays in {replay:.1f} s: {n / replay:.1f}/s "
        f"({replay_queries / n:.0f} queries each), nothing changed"
    )
    ok = len(paid) == n and payments == n
    say(
        f"Invoices paid: {len(paid):,}/{n:,}; payments: {payments:,} "
        f"(one per invoice): {'OK' if ok else 'WRONG'}"
    )
    return ok


def main():
    taxbench.run_on_existing_db(parse_args(), benchmark)


if __name__ == "__main__":
    main()
