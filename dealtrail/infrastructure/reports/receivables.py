"""Receivables: what schedules say is owed, what was paid, and how late the rest is.

Sources are the payment schedules of agreements in effect, and the consideration schedules of
IP transfers that were not cancelled. The domain records no payments against an agreement, so
an agreement whose contract an IP transfer's consideration carries (the transfer was signed
under it) is left out: that money is counted, with its payments, on the transfer. Payments are
applied to instalments oldest due first; what is left of each is aged by days past due.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from sqlalchemy import Connection, Select, select, union_all

from dealtrail.application.ports.reports import AMOUNTS
from dealtrail.domain.agreement import AgreementStatus
from dealtrail.domain.transfer_terms import TransferStatus
from dealtrail.infrastructure.views.agreements import agreements
from dealtrail.infrastructure.views.amounts import from_minor
from dealtrail.infrastructure.views.ip_assets import ip_assets
from dealtrail.infrastructure.views.ip_transfers import ip_transfers
from dealtrail.infrastructure.views.receivables import (
    AGREEMENT,
    IP_TRANSFER,
    instalments,
    payments,
    schedules,
)

# (column of AMOUNTS, fewest days past due, most) — due today is 0 days past due.
BUCKETS = (
    ("days_0_30", 0, 30),
    ("days_31_60", 31, 60),
    ("days_61_90", 61, 90),
    ("days_over_90", 91, None),
)


def _sources() -> Select[Any]:
    s, a, t, asset = schedules.c, agreements.c, ip_transfers.c, ip_assets.c
    live_transfer = t.status != str(TransferStatus.CANCELLED)
    carried = (
        select(s.agreement_id)
        .select_from(schedules.join(ip_transfers, t.id == s.source_id))
        .where(s.agreement_id.is_not(None), live_transfer)
    )
    of_agreements = (
        select(s.source_id, s.source, s.currency, a.title, a.seq)
        .select_from(schedules.join(agreements, a.id == s.source_id))
        .where(
            s.source == AGREEMENT,
            a.status == str(AgreementStatus.EFFECTIVE),
            s.source_id.not_in(carried),
        )
    )
    of_transfers = (
        select(s.source_id, s.source, s.currency, asset.title, t.seq)
        .select_from(
            schedules.join(ip_transfers, t.id == s.source_id).outerjoin(
                ip_assets, asset.id == t.asset_id
            )
        )
        .where(s.source == IP_TRANSFER, live_transfer)
    )
    return union_all(of_agreements, of_transfers)  # type: ignore[return-value]


def _bucket(days_past_due: int) -> str:
    if days_past_due < 0:
        return "not_yet_due"
    return next(name for name, _, most in BUCKETS if most is None or days_past_due <= most)


def _age(due: list[tuple[date, int]], paid: int, as_of: date) -> dict[str, int]:
    """Applies `paid` (minor units) to the instalments oldest first and ages what is left."""
    figures = dict.fromkeys(AMOUNTS, 0)
    figures["paid"] = paid
    for due_on, amount in sorted(due):
        covered = min(amount, paid)
        paid -= covered
        figures["scheduled"] += amount
        figures["outstanding"] += amount - covered
        figures[_bucket((as_of - due_on).days)] += amount - covered
    return figures


def receivables(conn: Connection, as_of: date) -> dict[str, Any]:
    """Per source: scheduled, paid by `as_of`, outstanding, and outstanding by age; and the same
    totals per currency."""
    sources = _sources().subquery()
    ids = select(sources.c.source_id)
    found = conn.execute(select(sources).order_by(sources.c.source, sources.c.seq)).mappings()
    due: dict[str, list[tuple[date, int]]] = defaultdict(list)
    for i in conn.execute(select(instalments).where(instalments.c.source_id.in_(ids))):
        due[i.source_id].append((i.due_on, int(i.amount_minor)))
    paid: dict[str, int] = defaultdict(int)
    query = select(payments).where(payments.c.source_id.in_(ids), payments.c.paid_on <= as_of)
    for p in conn.execute(query):
        paid[p.source_id] += int(p.amount_minor)
    rows, totals = [], defaultdict(lambda: dict.fromkeys(AMOUNTS, 0))
    for source in found:
        figures = _age(due[source["source_id"]], paid[source["source_id"]], as_of)
        currency = source["currency"]
        for name, minor in figures.items():
            totals[currency][name] += minor
        row = {k: source[k] for k in ("source", "source_id", "title", "currency")}
        rows.append(row | {k: from_minor(v, currency) for k, v in figures.items()})
    return {
        "as_of": as_of,
        "rows": rows,
        "totals": [
            {"currency": c, **{k: from_minor(v, c) for k, v in totals[c].items()}}
            for c in sorted(totals)
        ],
    }
