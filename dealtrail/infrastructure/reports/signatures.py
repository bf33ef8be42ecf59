"""Agreements awaiting signatures: which open agreements wait for whom."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from dealtrail.domain.agreement import AgreementStatus
from dealtrail.infrastructure.views.agreements import agreement_parties, agreements
from dealtrail.infrastructure.views.parties import parties


def awaiting_signatures(conn: Connection) -> dict[str, Any]:
    """One row per agreement open for signature and party required to sign that has not yet."""
    a, m, p = agreements.c, agreement_parties.c, parties.c
    query = (
        select(
            a.id.label("agreement_id"),
            a.title,
            a.kind,
            m.party_id,
            p.name.label("party_name"),
            p.country.label("party_country"),
            m.role,
        )
        .select_from(
            agreements.join(agreement_parties, m.agreement_id == a.id).outerjoin(
                parties, p.id == m.party_id
            )
        )
        .where(a.status == str(AgreementStatus.OPEN_FOR_SIGNATURE), m.must_sign, ~m.signed)
        .order_by(a.seq, p.name, m.party_id)
    )
    return {"rows": [dict(r) for r in conn.execute(query).mappings()]}
