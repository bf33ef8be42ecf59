"""Pipeline: how many deals stand at each stage, per kind of record (and kind of agreement)."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from sqlalchemy import Connection, Table, func, select

from dealtrail.domain.achievement import AchievementStatus
from dealtrail.domain.agreement import AgreementStatus
from dealtrail.domain.equity_listing import ListingStatus
from dealtrail.domain.transfer_terms import TransferStatus
from dealtrail.infrastructure.reports.periods import lifecycle_order
from dealtrail.infrastructure.views.achievements import achievements
from dealtrail.infrastructure.views.agreements import agreements
from dealtrail.infrastructure.views.ip_transfers import ip_transfers
from dealtrail.infrastructure.views.listings import listings

STAGES: tuple[tuple[str, Table, type[StrEnum]], ...] = (
    ("agreement", agreements, AgreementStatus),
    ("ip_transfer", ip_transfers, TransferStatus),
    ("listing", listings, ListingStatus),
    ("achievement", achievements, AchievementStatus),
)


def pipeline(conn: Connection) -> dict[str, Any]:
    """Agreements by status and kind; IP transfers, listings and achievements by status. Only
    stages that hold something are listed, in lifecycle order."""
    rows: list[dict[str, Any]] = []
    for record, table, states in STAGES:
        order = lifecycle_order(states)
        kind = table.c.kind if record == "agreement" else None
        columns = [table.c.status] if kind is None else [table.c.status, kind]
        counted = conn.execute(
            select(*columns, func.count().label("count")).group_by(*columns)
        ).mappings()
        found = [
            {
                "record": record,
                "kind": r["kind"] if kind is not None else None,
                "status": r["status"],
                "count": r["count"],
            }
            for r in counted
        ]
        rows.extend(sorted(found, key=lambda r: (order[r["status"]], r["kind"] or "")))
    return {"rows": rows}
