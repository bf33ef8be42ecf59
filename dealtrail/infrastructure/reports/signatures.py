"""Agreements awaiting signatures: which open agreements wait for whom."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from dealtrail.domain.agreement import AgreementStatus
from dealtrail.infrastructure.views.agreements import agreement_parties, agreements
from dealtrail.infrastructure.views.party_names import name_of, with_names
from dealtrail.infrastructure.views.party_tables import parties

COLUMNS = ("agreement_id", "title", "kind", "party_id", "party_name", "party_country", "role")


def awaiting_signatures(conn: Connection) -> dict[str, Any]:
    """One row per agreement open for signature and party required to sign that has not yet,
    by agreement, then party name (sorted here, once read: an individual's is sealed)."""
    a, m, p = agreements.c, agreement_parties.c, parties.c
    query = with_names(
        select(
            a.seq,
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
        .where(a.status == str(AgreementStatus.OPEN_FOR_SIGNATURE), m.must_sign, ~m.signed),
        parties,
        "party",
    )
    found = [
        (r["seq"], {k: r[k] for k in COLUMNS} | {"party_name": name_of(r, "party_name", "party")})
        for r in conn.execute(query).mappings()
    ]
    nulls_first = conn.dialect.name == "sqlite"  # as each store sorts a party not in the view

    def order(seq_row: tuple[int, dict[str, Any]]) -> tuple[Any, ...]:
        seq, row = seq_row
        name = row["party_name"]
        return seq, (name is None) != nulls_first, name or "", row["party_id"]

    return {"rows": [row for _, row in sorted(found, key=order)]}
