"""Overdue milestones: due before a day, neither achieved nor waived, in live agreements."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Connection, select

from dealtrail.domain.agreement import ENDED
from dealtrail.domain.milestone import MilestoneState
from dealtrail.infrastructure.views.agreements import agreements
from dealtrail.infrastructure.views.milestones import milestones
from dealtrail.infrastructure.views.party_names import name_of, with_names
from dealtrail.infrastructure.views.party_tables import parties

COLUMNS = (
    "agreement_id",
    "agreement_title",
    "agreement_status",
    "milestone_id",
    "title",
    "due_on",
    "owner_party_id",
)


def overdue_milestones(conn: Connection, as_of: date) -> dict[str, Any]:
    """Milestones due before `as_of` and still pending. Those of agreements that have ended
    (completed, terminated, expired) are left out: they can no longer be achieved or waived."""
    a, m, p = agreements.c, milestones.c, parties.c
    query = with_names(
        select(
            m.agreement_id,
            a.title.label("agreement_title"),
            a.status.label("agreement_status"),
            m.milestone_id,
            m.title,
            m.due_on,
            m.owner_party_id,
            p.name.label("owner_name"),
        )
        .select_from(
            milestones.join(agreements, a.id == m.agreement_id).outerjoin(
                parties, p.id == m.owner_party_id
            )
        )
        .where(
            m.state == str(MilestoneState.PENDING),
            m.due_on < as_of,
            a.status.not_in([str(s) for s in ENDED]),
        )
        .order_by(m.due_on, a.seq, m.milestone_id),
        parties,
        "owner",
    )
    rows = [
        {
            **{k: r[k] for k in COLUMNS},
            "owner_name": name_of(r, "owner_name", "owner"),
            "days_overdue": (as_of - r["due_on"]).days,
        }
        for r in conn.execute(query).mappings()
    ]
    return {"as_of": as_of, "rows": rows}
