"""Parties view: filter by country, kind, alliance and name.

Organisations' names are kept as they are; an individual's (a natural person's) only sealed,
with a blind index for search and its initial for sorting: see `party_names`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy import (
    CompoundSelect,
    Connection,
    Engine,
    delete,
    func,
    or_,
    select,
    union,
    update,
)

from dealtrail.application.ports.views import PARTY_SORT_KEYS, PartyQuery
from dealtrail.domain.party import Party, PartyKind
from dealtrail.domain.personal import Personal
from dealtrail.infrastructure.subject_vault import SqlSubjectVault, normalise
from dealtrail.infrastructure.views.agreements import agreement_parties
from dealtrail.infrastructure.views.base import (
    View,
    Writes,
    matching,
    record_row,
    sort_key,
    utc,
)
from dealtrail.infrastructure.views.party_names import (
    PartyNames,
    contains,
    erased_name,
    initial_key,
    name_grams,
    name_of,
    sealed_text,
    with_names,
)
from dealtrail.infrastructure.views.party_tables import in_alliance, parties, party_alliances
from dealtrail.infrastructure.views.sorting import Order, Sorting, owned
from dealtrail.infrastructure.views.trading_events import event_agreements, event_presenters

INDIVIDUAL = str(PartyKind.INDIVIDUAL)


class PartiesView(View):
    kind = Party
    version = 5  # v2: alliances indexed; v3: sorting; v4: accent-blind name key; v5: sealed
    tables = (party_alliances, name_grams, parties)
    sorting = Sorting(parties, PARTY_SORT_KEYS.keys, indexed=("name", "country"))

    def __init__(self, engine: Engine) -> None:
        super().__init__(engine)
        self.names = PartyNames(SqlSubjectVault(engine))

    def write(self, writes: Writes, aggregate: Party, seq: int) -> None:
        party_id, name = str(aggregate.id), aggregate.name
        text = name.text if isinstance(name, Personal) else name
        row = record_row(
            aggregate,
            seq,
            name=str(name),
            sealed_name=None,
            name_subject=None,
            name_key=sort_key(str(name)),
            kind=str(aggregate.kind),
            country=aggregate.country,
        )
        grams: list[dict[str, str]] = []
        if row["kind"] == INDIVIDUAL and (text is None or self.names.forgotten(party_id)):
            row |= erased_name(self.names.subject(party_id))  # "[erased]", found by nothing
        elif row["kind"] == INDIVIDUAL:
            row |= {"name": None, "name_key": initial_key(text)}
            writes.prepare(lambda conn: row.update(self.names.seal(conn, party_id, text)))
            grams = [{"gram": gram} for gram in self.names.index(text)]
        writes.upsert(parties, row)
        writes.replace(name_grams, "party_id", party_id, grams)
        alliances = [{"alliance": alliance} for alliance in aggregate.alliances]
        writes.replace(party_alliances, "party_id", party_id, alliances)

    def forget_names(self, party_ids: list[str]) -> None:
        """What the views keep of these individuals' names once their subjects' keys are
        destroyed: their index rows are deleted, their sealed name and initial blanked, so no
        search or sort finds them by name and they read "[erased]", as a rebuild writes them."""
        erased = erased_name("")
        del erased["name_subject"]
        with self.engine.begin() as conn:
            conn.execute(delete(name_grams).where(name_grams.c.party_id.in_(party_ids)))
            individuals = parties.c.id.in_(party_ids) & (parties.c.kind == INDIVIDUAL)
            conn.execute(update(parties).where(individuals).values(**erased))

    def individuals_named(self, name: str) -> list[str]:
        """The individuals whose name is `name` as the vault compares names (ignoring case
        and runs of white space): the candidates of their blind index, names decrypted."""
        candidates = with_names(select(parties), parties, "party").where(
            parties.c.kind == INDIVIDUAL, self._named(name)
        )
        with self.engine.connect() as conn:
            rows = conn.execute(candidates.order_by(parties.c.seq)).mappings().all()
        wanted = normalise(name)
        return [r["id"] for r in rows if normalise(sealed_text(r, "party") or "") == wanted]

    def ids(self) -> list[str]:
        with self.engine.connect() as conn:
            return list(conn.execute(select(parties.c.id).order_by(parties.c.seq)).scalars())

    def search(self, query: PartyQuery) -> dict[str, Any]:
        statement = matching(
            with_names(select(parties), parties, "party"),
            (parties.c.country, query.country.upper() if query.country else None),
            (parties.c.kind, query.kind),
        )
        if query.q:
            statement = statement.where(self._named(query.q))
        if query.alliance:
            statement = statement.where(in_alliance(parties.c.id, query.alliance))
        if query.event_id:
            statement = statement.where(parties.c.id.in_(_at_event(str(query.event_id))))
        order = self.sorting.order(query.sort, query.after)
        with self.engine.connect() as conn:
            rows = self._page(conn, statement, order, query.limit, query.q)
            memberships = owned(conn, party_alliances.c.party_id, rows)
        items = [
            {
                **{c.name: r[c.name] for c in parties.columns},
                "name": r["name"],
                "modified_at": utc(r["modified_at"]),
                "alliances": sorted(m["alliance"] for m in memberships[r["id"]]),
            }
            for r in rows
        ]
        return self.sorting.page(order, rows, items, query.limit)

    def find(self, name: str, country: str) -> str | None:
        """The first party registered with exactly this name in this country."""
        query = with_names(select(parties), parties, "party").where(
            parties.c.country == country, self._named(name, exact=True)
        )
        with self.engine.connect() as conn:
            rows = self._page(conn, query, self.sorting.order(), 1, name, exact=True)
        return rows[0]["id"] if rows else None

    def _named(self, q: str, *, exact: bool = False) -> Any:
        """Parties whose name may contain `q` (or be `q`): organisations by their name,
        individuals by their blind index (candidates, that `_page` checks on the decrypted
        name)."""
        named = parties.c.name == q if exact else parties.c.name.icontains(q, autoescape=True)
        named = named & (parties.c.kind != INDIVIDUAL)  # an individual's reads "[erased]" at most
        grams = self.names.query(q)
        if not grams:
            return or_(named, parties.c.kind == INDIVIDUAL)
        candidates = (
            select(name_grams.c.party_id)
            .where(name_grams.c.gram.in_(grams))
            .group_by(name_grams.c.party_id)
            .having(func.count() == len(grams))
        )
        return or_(named, parties.c.id.in_(candidates))

    def _page(
        self,
        conn: Connection,
        query: Any,
        order: Order,
        limit: int,
        q: str | None,
        *,
        exact: bool = False,
    ) -> list[dict[str, Any]]:
        """The first `limit` rows after the cursor, names read: individuals found by their
        blind index are kept only if their name matches `q` (or is `q`, if `exact`), reading
        on past those that do not, so a page is as full as a plaintext search makes it."""
        found: list[dict[str, Any]] = []
        while True:
            batch = conn.execute(self.sorting.select(query, order, limit)).mappings().all()
            for r in batch:
                if q is not None and r["kind"] == INDIVIDUAL:
                    text = sealed_text(r, "party")
                    if text is None or not (
                        text == q if exact else contains(text, q, conn.dialect.name)
                    ):
                        continue
                found.append({**r, "name": name_of(r, "name", "party")})
            if len(batch) < limit or len(found) >= limit:
                return found[:limit]
            last = batch[-1]
            order = replace(order, after=(last[order.column.name], last["seq"]))


def _at_event(event_id: str) -> CompoundSelect:
    """The ids of the parties behind an event's map: those who presented a project at its
    roadshows, and the parties to agreements signed there (an unknown event has none)."""
    signed = event_agreements.c
    return union(
        select(event_presenters.c.party_id).where(event_presenters.c.event_id == event_id),
        select(agreement_parties.c.party_id)
        .join(event_agreements, signed.agreement_id == agreement_parties.c.agreement_id)
        .where(signed.event_id == event_id),
    )
