"""Receivables views: what is owed on a schedule, and what was paid against it.

Two views fill the same tables, one per source: an agreement's payment schedule, and an IP
transfer's consideration (with its payments). Amounts are kept as exact text and in minor units.
No foreign keys join the tables: the two views empty them independently when rebuilt.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import BigInteger, Column, Date, Integer, String, Table

from dealtrail.domain.agreement import Agreement
from dealtrail.domain.ip_transfer import IpTransfer
from dealtrail.domain.terms import Instalment
from dealtrail.infrastructure.views.amounts import minor_units
from dealtrail.infrastructure.views.base import View, Writes, metadata

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


def _write(
    writes: Writes,
    source_id: str,
    schedule: dict[str, Any] | None,
    lines: tuple[Instalment, ...] = (),
    paid: list[dict[str, Any]] | None = None,
) -> None:
    """Replaces what the view holds of one source: its schedule, instalments and payments."""
    rows = [
        {
            "line": line,
            "due_on": i.due_on,
            "amount": str(i.amount.amount),
            "amount_minor": minor_units(i.amount),
        }
        for line, i in enumerate(lines)
    ]
    writes.replace(schedules, "source_id", source_id, [schedule] if schedule else [])
    writes.replace(instalments, "source_id", source_id, rows)
    writes.replace(payments, "source_id", source_id, paid or [])


class AgreementReceivablesView(View):
    kind = Agreement
    tables = (instalments, schedules)

    def write(self, writes: Writes, aggregate: Agreement, seq: int) -> None:
        terms = aggregate.terms
        if terms.value is None or not terms.payment_schedule:
            _write(writes, str(aggregate.id), None)
            return
        schedule = {"source": AGREEMENT, "currency": terms.value.currency, "agreement_id": None}
        _write(writes, str(aggregate.id), schedule, terms.payment_schedule)


class TransferReceivablesView(View):
    kind = IpTransfer
    tables = (payments, instalments, schedules)

    def write(self, writes: Writes, aggregate: IpTransfer, seq: int) -> None:
        schedule = aggregate.schedule
        if schedule is None:
            _write(writes, str(aggregate.id), None)
            return
        paid = [
            {
                "payment_id": p.payment_id,
                "paid_on": p.paid_on,
                "amount": str(p.amount.amount),
                "amount_minor": minor_units(p.amount),
            }
            for p in aggregate.payments.values()
        ]
        row = {"source": IP_TRANSFER, "currency": schedule.currency}
        row["agreement_id"] = aggregate.agreement_id
        _write(writes, str(aggregate.id), row, schedule.instalments, paid)
