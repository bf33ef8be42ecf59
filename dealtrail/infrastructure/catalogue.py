"""Keeps the catalogue read model in step with the log, exactly once, and answers list queries.

Each batch of events and the new tracking position commit in one transaction, and the batch
starts by locking the tracking row, so concurrent catch-ups (several web workers) never apply
an event twice and a crash at any instant loses nothing.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from sqlalchemy import Connection, Engine, delete, insert, select, update

from dealtrail.application.ledger import Ledger
from dealtrail.domain.agreement import Agreement
from dealtrail.domain.base import Recorded
from dealtrail.domain.party import Party
from dealtrail.infrastructure.catalogue_tables import (
    agreement_parties,
    agreements,
    metadata,
    parties,
    party_alliances,
    positions,
)

NAME = "catalogue"
BATCH = 500


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class Catalogue:
    def __init__(self, engine: Engine, ledger: Ledger, *, inline: bool = True) -> None:
        self.engine = engine
        self.ledger = ledger
        self.inline = inline

    def create_tables(self) -> None:
        metadata.create_all(self.engine)
        with self.engine.begin() as conn:
            if conn.execute(select(positions).where(positions.c.name == NAME)).first() is None:
                conn.execute(insert(positions).values(name=NAME, position=0))

    # ---- following the log -------------------------------------------------------------------

    def position(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(
                select(positions.c.position).where(positions.c.name == NAME)
            ).scalar_one()

    def rebuild(self) -> int:
        """Empties the catalogue and replays the whole log into it."""
        with self.engine.begin() as conn:
            for table in (party_alliances, parties, agreement_parties, agreements):
                conn.execute(delete(table))
            conn.execute(update(positions).where(positions.c.name == NAME).values(position=0))
        return self.catch_up()

    def catch_up(self) -> int:
        """Applies every event recorded since the last catch-up; returns the new position."""
        head = self.ledger.recorder.max_notification_id() or 0
        current = self.position()
        if current >= head:
            return current
        while True:
            with self.engine.begin() as conn:
                conn.execute(  # takes the write lock first: one catch-up at a time
                    update(positions)
                    .where(positions.c.name == NAME)
                    .values(position=positions.c.position)
                )
                start = conn.execute(
                    select(positions.c.position).where(positions.c.name == NAME)
                ).scalar_one()
                notifications = self.ledger.recorder.select_notifications(
                    start=start, limit=BATCH, inclusive_of_start=False
                )
                if not notifications:
                    return start
                latest: dict[UUID, tuple[int, int]] = {}
                for n in notifications:
                    first_seq = latest.get(n.originator_id, (n.id, 0))[0]
                    latest[n.originator_id] = (first_seq, n.originator_version)
                for aggregate_id, (seq, version) in latest.items():
                    aggregate = self.ledger.repository.get(aggregate_id, version=version)
                    self._write(conn, aggregate, seq)
                conn.execute(
                    update(positions)
                    .where(positions.c.name == NAME)
                    .values(position=notifications[-1].id)
                )

    def _write(self, conn: Connection, aggregate: Recorded, seq: int) -> None:
        if isinstance(aggregate, Party):
            self._write_party(conn, aggregate, seq)
        elif isinstance(aggregate, Agreement):
            self._write_agreement(conn, aggregate, seq)

    @staticmethod
    def _upsert(conn: Connection, table: Any, row: dict[str, Any]) -> None:
        existing = conn.execute(select(table.c.seq).where(table.c.id == row["id"])).first()
        if existing is None:
            conn.execute(insert(table).values(**row))
        else:
            row.pop("seq")
            conn.execute(update(table).where(table.c.id == row["id"]).values(**row))

    def _write_party(self, conn: Connection, party: Party, seq: int) -> None:
        party_id = str(party.id)
        row = {
            "id": party_id,
            "seq": seq,
            "version": party.version,
            "name": party.name,
            "kind": str(party.kind),
            "country": party.country,
            "modified_at": party.modified_on,
        }
        self._upsert(conn, parties, row)
        conn.execute(delete(party_alliances).where(party_alliances.c.party_id == party_id))
        for alliance in party.alliances:
            conn.execute(insert(party_alliances).values(party_id=party_id, alliance=alliance))

    def _write_agreement(self, conn: Connection, agreement: Agreement, seq: int) -> None:
        agreement_id = str(agreement.id)
        value = agreement.terms.value
        row = {
            "id": agreement_id,
            "seq": seq,
            "version": agreement.version,
            "kind": str(agreement.kind),
            "status": str(agreement.status),
            "title": agreement.terms.title,
            "value_amount": str(value.amount) if value else None,
            "value_currency": value.currency if value else None,
            "modified_at": agreement.modified_on,
        }
        self._upsert(conn, agreements, row)
        conn.execute(
            delete(agreement_parties).where(agreement_parties.c.agreement_id == agreement_id)
        )
        for p in agreement.parties.values():
            conn.execute(
                insert(agreement_parties).values(
                    agreement_id=agreement_id,
                    party_id=p.party_id,
                    role=str(p.role),
                    must_sign=p.must_sign,
                    signed=p.party_id in agreement.signatures,
                )
            )

    # ---- queries -----------------------------------------------------------------------------

    def parties(
        self,
        *,
        limit: int,
        after: int = 0,
        country: str | None = None,
        kind: str | None = None,
        alliance: str | None = None,
        q: str | None = None,
    ) -> dict[str, Any]:
        if self.inline:
            self.catch_up()
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
            {**r, "modified_at": _utc(r["modified_at"]), "alliances": sorted(memberships[r["id"]])}
            for r in rows
        ]
        return {"items": items, "next_after": rows[-1]["seq"] if len(rows) == limit else None}

    def agreements(
        self,
        *,
        limit: int,
        after: int = 0,
        status: str | None = None,
        kind: str | None = None,
        party_id: UUID | None = None,
        q: str | None = None,
    ) -> dict[str, Any]:
        if self.inline:
            self.catch_up()
        query = (
            select(agreements)
            .where(agreements.c.seq > after)
            .order_by(agreements.c.seq)
            .limit(limit)
        )
        if status:
            query = query.where(agreements.c.status == str(status))
        if kind:
            query = query.where(agreements.c.kind == str(kind))
        if q:
            query = query.where(agreements.c.title.icontains(q, autoescape=True))
        if party_id:
            with_party = select(agreement_parties.c.agreement_id).where(
                agreement_parties.c.party_id == str(party_id)
            )
            query = query.where(agreements.c.id.in_(with_party))
        with self.engine.connect() as conn:
            rows = conn.execute(query).mappings().all()
            ids = [r["id"] for r in rows]
            members: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
            for m in conn.execute(
                select(agreement_parties).where(agreement_parties.c.agreement_id.in_(ids))
            ).mappings():
                members[m["agreement_id"]].append(dict(m))
        items = [self._agreement_item(r, members[r["id"]]) for r in rows]
        return {"items": items, "next_after": rows[-1]["seq"] if len(rows) == limit else None}

    @staticmethod
    def _agreement_item(row: Any, members: list[dict[str, Any]]) -> dict[str, Any]:
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
            "modified_at": _utc(row["modified_at"]),
        }
