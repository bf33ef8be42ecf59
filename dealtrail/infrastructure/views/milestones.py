"""Milestones view: every milestone of every agreement, for the overdue-milestones report."""

from __future__ import annotations

from sqlalchemy import Column, Date, String, Table

from dealtrail.domain.agreement import Agreement
from dealtrail.infrastructure.views.base import View, Writes, metadata

milestones = Table(
    "catalogue_milestones",
    metadata,
    Column("milestone_id", String(36), primary_key=True),
    Column("agreement_id", String(36), nullable=False, index=True),
    Column("title", String(300), nullable=False),
    Column("due_on", Date, nullable=False, index=True),
    Column("owner_party_id", String(36), nullable=False),
    Column("state", String(20), nullable=False, index=True),
)


class MilestonesView(View):
    kind = Agreement
    tables = (milestones,)

    def write(self, writes: Writes, aggregate: Agreement, seq: int) -> None:
        agreement_id = str(aggregate.id)
        rows = [
            {
                "milestone_id": m.milestone_id,
                "title": m.title,
                "due_on": m.due_on,
                "owner_party_id": m.owner_party_id,
                "state": str(m.state),
            }
            for m in aggregate.milestones.values()
        ]
        writes.replace(milestones, "agreement_id", agreement_id, rows)
