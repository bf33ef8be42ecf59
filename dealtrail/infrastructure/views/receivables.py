"""Receivables views: what is owed on a schedule, and what was paid against it.

Two views fill the same tables, one per source: an agreement's payment schedule, and an IP
transfer's consideration (with its payments). Amounts are kept as exact text and in minor units.
No foreign keys join the tables: the two views empty them independently when rebuilt.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Connection, Date, Integer, String, Table, insert

from dealtrail.domain.agreement import Agreement
from dealtrail.domain.ip_transfer import IpTransfer
from dealtrail.domain.terms import Instalment
from dealtrail.infrastructure.views.amounts import minor_units
from dealtrail.infrastructure.views.base import View, metadata, replace_rows

AGREEMENT = "agreement"
IP_TRANSFER = "ip_transfer"

schedules = Table(
    "catalogue_receivable_schedules",
    metadata,
    Column("source_id", String(36), primary_key=True),
    Column("source", String(20), nullable=False, index=True),
    Column("currency", String(3), nullable=False),
    Column("agreement_id", String(36), index=True, comment="the agreement a transfer is under"),
)

instalments = Table(
    "catalogue_receivable_instalments",
    metadata,
    Column("source_id", String(36), primary_key=True),
    Column("line", Integer, primary_key=True, comment="position in the schedule"),
    Column("due_on", Date, nullable=False, index=True),
    Column("amount", String(40), nullable=False, comment="exact decimal"),
    Column("amount_minor", BigInteger, nullable=False, comment="in minor units, for sums"),
)

payments = Table(
    "catalogue_receivable_payments",
    metadata,
    Column("payment_id", String(36), primary_key=True),
    Column("source_id", String(36), nullable=False, index=True),
    Column("paid_on", Date, nullable=False, index=True),
    Column("amount", String(40), nullable=False, comment="exact decimal"),
    Column("amount_minor", BigInteger, nullable=False, comment="in minor units, for sums"),
)


def _clear(conn: Connection, source_id: str) -> None:
    for table in (payments, instalments, schedules):
        replace_rows(conn, table, "source_id", source_id, [])


def _write_instalments(conn: Connection, source_id: str, lines: tuple[Instalment, ...]) -> None:
    if lines:
        conn.execute(
            insert(instalments),
            [
                {
                    "source_id": source_id,
                    "line": line,
                    "due_on": i.due_on,
                    "amount": str(i.amount.amount),
                    "amount_minor": minor_units(i.amount),
                }
                for line, i in enumerate(lines)
            ],
        )


class AgreementReceivablesView(View):
    kind = Agreement
    tables = (instalments, schedules)

    def write(self, conn: Connection, aggregate: Agreement, seq: int) -> None:
        source_id = str(aggregate.id)
        _clear(conn, source_id)
        terms = aggregate.terms
        if terms.value is None or not terms.payment_schedule:
            return
        schedule = {"source_id": source_id, "source": AGREEMENT, "currency": terms.value.currency}
        conn.execute(insert(schedules), schedule)
        _write_instalments(conn, source_id, terms.payment_schedule)


class TransferReceivablesView(View):
    kind = IpTransfer
    tables = (payments, instalments, schedules)

    def write(self, conn: Connection, aggregate: IpTransfer, seq: int) -> None:
        source_id = str(aggregate.id)
        _clear(conn, source_id)
        schedule = aggregate.schedule
        if schedule is None:
            return
        conn.execute(
            insert(schedules),
            {
                "source_id": source_id,
                "source": IP_TRANSFER,
                "currency": schedule.currency,
                "agreement_id": aggregate.agreement_id,
            },
        )
        _write_instalments(conn, source_id, schedule.instalments)
        if aggregate.payments:
            conn.execute(
                insert(payments),
                [
                    {
                        "payment_id": p.payment_id,
                        "source_id": source_id,
                        "paid_on": p.paid_on,
                        "amount": str(p.amount.amount),
                        "amount_minor": minor_units(p.amount),
                    }
                    for p in aggregate.payments.values()
                ],
            )
