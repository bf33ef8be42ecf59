"""Agreements view: filter by status, kind, party and title; who has yet to sign.

The value is also kept in the currency's minor unit and the day the agreement took effect, so
reports can sum values by month in SQL, exactly.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    String,
    Table,
    select,
)

from dealtrail.application.ports.views import AgreementQuery
from dealtrail.domain.agreement import Agreement
from dealtrail.infrastructure.views.amounts import minor_units
from dealtrail.infrastructure.views.base import (
    View,
    Writes,
    metadata,
    record_columns,
    sort_key,
    sortable_text,
    utc,
)
from dealtrail.infrastructure.views.sorting import Sorting

agreements = Table(
    "catalogue_agreements",
    metadata,
    *record_columns(),
    Column("kind", sortable_text(40), nullable=False),
    Column("status", sortable_text(40), nullable=False),
    Column("title", String(300), nullable=False),
    Column("title_key", sortable_text(300), nullable=False, comment="sort by title"),
    Column("value_amount", String(40)),
    Column("value_currency", String(3)),
    Column("value_minor", BigInteger, comment="the value in minor units, for sums"),
    Column("effective_on", Date),
    Column("modified_at", DateTime(timezone=True), nullable=False),
)

agreement_parties = Table(
    "catalogue_agreement_parties",
    metadata,
    Column("agreement_id", ForeignKey("catalogue_agreements.id"), primary_key=True),
    Column("party_id", String(36), primary_key=True, index=True),
    Column("role", String(40), nullable=False),
    Column("must_sign", Boolean, nullable=False),
    Column("signed", Boolean, nullable=False),
)


class AgreementsView(View):
    kind = Agreement
    tables = (agreement_parties, agreements)
    version = 4  # v3: sorting; v4: accent-blind title key
    sorting = Sorting(
        agreements,
        indexed=("title", "kind", "status", "effective_on"),
        title="title_key",
        kind="kind",
        status="status",
        effective_on="effective_on",
        modified_at="modified_at",
    )

    def write(self, writes: Writes, aggregate: Agreement, seq: int) -> None:
        agreement_id = str(aggregate.id)
        value = aggregate.terms.value
        writes.upsert(
            agreements,
            {
                "id": agreement_id,
                "seq": seq,
                "version": aggregate.version,
                "kind": str(aggregate.kind),
                "status": str(aggregate.status),
                "title": aggregate.terms.title,
                "title_key": sort_key(aggregate.terms.title),
                "value_amount": str(value.amount) if value else None,
                "value_currency": value.currency if value else None,
                "value_minor": minor_units(value) if value else None,
                "effective_on": aggregate.effective_on,
                "modified_at": aggregate.modified_on,
            },
        )
        members = [
            {
                "party_id": p.party_id,
                "role": str(p.role),
                "must_sign": p.must_sign,
                "signed": p.party_id in aggregate.signatures,
            }
            for p in aggregate.parties.values()
        ]
        writes.replace(agreement_parties, "agreement_id", agreement_id, members)

    def search(self, query: AgreementQuery) -> dict[str, Any]:
        statement = select(agreements)
        if query.status:
            statement = statement.where(agreements.c.status == str(query.status))
        if query.kind:
            statement = statement.where(agreements.c.kind == str(query.kind))
        if query.q:
            statement = statement.where(agreements.c.title.icontains(query.q, autoescape=True))
        if query.party_id:
            with_party = select(agreement_parties.c.agreement_id).where(
                agreement_parties.c.party_id == str(query.party_id)
            )
            statement = statement.where(agreements.c.id.in_(with_party))
        order = self.sorting.order(query.sort, query.after)
        with self.engine.connect() as conn:
            rows = conn.execute(self.sorting.select(statement, order, query.limit)).mappings().all()
            ids = [r["id"] for r in rows]
            members: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
            for m in conn.execute(
                select(agreement_parties).where(agreement_parties.c.agreement_id.in_(ids))
            ).mappings():
                members[m["agreement_id"]].append(dict(m))
        items = [_item(r, members[r["id"]]) for r in rows]
        return self.sorting.page(order, list(rows), items, query.limit)


def _item(row: Any, members: list[dict[str, Any]]) -> dict[str, Any]:
    value = None
    if row["value_currency"]:
        value = {"amount": row["value_amount"], "currency": row["value_currency"]}
    return {
        "id": row["id"],
        "version": row["version"],
        "kind": row["kind"],
        "status": row["status"],
        "title": row["title"],
        "value": value,
        "party_ids": [m["party_id"] for m in members],
        "awaiting_signatures": [
            m["party_id"] for m in members if m["must_sign"] and not m["signed"]
        ],
        "effective_on": row["effective_on"],
        "modified_at": utc(row["modified_at"]),
    }
