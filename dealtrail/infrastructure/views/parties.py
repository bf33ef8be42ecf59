"""Parties view: filter by country, kind, alliance and name."""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    DateTime,
    ForeignKey,
    String,
    Table,
    delete,
    insert,
    select,
)

from dealtrail.domain.party import Party
from dealtrail.infrastructure.views.base import View, metadata, page, record_columns, upsert, utc

parties = Table(
    "catalogue_parties",
    metadata,
    *record_columns(),
    Column("name", String(300), nullable=False),
    Column("kind", String(40), nullable=False),
    Column("country", String(2), nullable=False, index=True),
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
    version = 2  # v2: alliances indexed
    tables = (party_alliances, parties)

    def write(self, conn: Connection, aggregate: Party, seq: int) -> None:
        party_id = str(aggregate.id)
        upsert(
            conn,
            parties,
            {
                "id": party_id,
                "seq": seq,
                "version": aggregate.version,
                "name": aggregate.name,
                "kind": str(aggregate.kind),
                "country": aggregate.country,
                "modified_at": aggregate.modified_on,
            },
        )
        conn.execute(delete(party_alliances).where(party_alliances.c.party_id == party_id))
        for alliance in aggregate.alliances:
            conn.execute(insert(party_alliances).values(party_id=party_id, alliance=alliance))

    def ids(self) -> list[str]:
        with self.engine.connect() as conn:
            return list(conn.execute(select(parties.c.id).order_by(parties.c.seq)).scalars())

    def search(
        self,
        *,
        limit: int,
        after: int = 0,
        country: str | None = None,
        kind: str | None = None,
        alliance: str | None = None,
        q: str | None = None,
    ) -> dict[str, Any]:
        query = select(parties).where(parties.c.seq > after).order_by(parties.c.seq).limit(limit)
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
        with self.engine.connect() as conn:
            rows = conn.execute(query).mappings().all()
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
        return page(list(rows), items, limit)
