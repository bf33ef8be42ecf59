"""Parties view: filter by country, kind, alliance and name."""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    Column,
    DateTime,
    ForeignKey,
    String,
    Table,
    select,
)

from dealtrail.domain.party import Party
from dealtrail.infrastructure.views.base import (
    View,
    Writes,
    metadata,
    record_columns,
    sort_key,
    sortable_text,
    utc,
)
from dealtrail.infrastructure.views.sorting import CREATED, Sorting

parties = Table(
    "catalogue_parties",
    metadata,
    *record_columns(),
    Column("name", String(300), nullable=False),
    Column("name_key", sortable_text(300), nullable=False, comment="sort by name"),
    Column("kind", sortable_text(40), nullable=False),
    Column("country", sortable_text(2), nullable=False),
    Column("modified_at", DateTime(timezone=True), nullable=False),
)

party_alliances = Table(
    "catalogue_party_alliances",
    metadata,
    Column("party_id", ForeignKey("catalogue_parties.id"), primary_key=True),
    Column("alliance", String(300), primary_key=True, index=True),  # alliance filters
)


class PartiesView(View):
    kind = Party
    version = 4  # v2: alliances indexed; v3: sorting; v4: accent-blind name key
    tables = (party_alliances, parties)
    sorting = Sorting(
        parties,
        indexed=("name", "country"),
        name="name_key",
        kind="kind",
        country="country",
        modified_at="modified_at",
    )

    def write(self, writes: Writes, aggregate: Party, seq: int) -> None:
        party_id = str(aggregate.id)
        writes.upsert(
            parties,
            {
                "id": party_id,
                "seq": seq,
                "version": aggregate.version,
                "name": aggregate.name,
                "name_key": sort_key(aggregate.name),
                "kind": str(aggregate.kind),
                "country": aggregate.country,
                "modified_at": aggregate.modified_on,
            },
        )
        alliances = [{"alliance": alliance} for alliance in aggregate.alliances]
        writes.replace(party_alliances, "party_id", party_id, alliances)

    def ids(self) -> list[str]:
        with self.engine.connect() as conn:
            return list(conn.execute(select(parties.c.id).order_by(parties.c.seq)).scalars())

    def search(
        self,
        *,
        limit: int,
        sort: str = CREATED,
        after: str | None = None,
        country: str | None = None,
        kind: str | None = None,
        alliance: str | None = None,
        q: str | None = None,
    ) -> dict[str, Any]:
        query = select(parties)
        if country:
            query = query.where(parties.c.country == country.upper())
        if kind:
            query = query.where(parties.c.kind == str(kind))
        if q:
            query = query.where(parties.c.name.icontains(q, autoescape=True))
        if alliance:
            members = select(party_alliances.c.party_id).where(
                party_alliances.c.alliance == alliance
            )
            query = query.where(parties.c.id.in_(members))
        order = self.sorting.order(sort, after)
        with self.engine.connect() as conn:
            rows = conn.execute(self.sorting.select(query, order, limit)).mappings().all()
            ids = [r["id"] for r in rows]
            memberships: dict[str, list[str]] = {i: [] for i in ids}
            for m in conn.execute(
                select(party_alliances).where(party_alliances.c.party_id.in_(ids))
            ).mappings():
                memberships[m["party_id"]].append(m["alliance"])
        items = [
            {**r, "modified_at": utc(r["modified_at"]), "alliances": sorted(memberships[r["id"]])}
            for r in rows
        ]
        return self.sorting.page(order, list(rows), items, limit)
