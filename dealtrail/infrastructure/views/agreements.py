"""Agreements view: filter by status, kind, party and title; who has yet to sign.

The value is also kept in the currency's minor unit and the day the agreement took effect, so
reports can sum values by month in SQL, exactly. The parties' names are read with each page from
the parties view (one statement for the page), so a list names who each agreement binds and an
erased person's name is gone from it at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import BigInteger, Boolean, Column, Connection, Date, RowMapping, String, select

from dealtrail.application.ports.views import AGREEMENT_SORT_KEYS, AgreementQuery
from dealtrail.domain.agreement import Agreement
from dealtrail.infrastructure.views import schema
from dealtrail.infrastructure.views.amounts import minor_units, money_of, money_values
from dealtrail.infrastructure.views.base import View, Writes, matching, title_values, utc
from dealtrail.infrastructure.views.party_names import name_of, with_names
from dealtrail.infrastructure.views.party_tables import parties
from dealtrail.infrastructure.views.sorting import Sorting, owned

agreements = schema.record_table(
    "catalogue_agreements",
    schema.enum("kind"),
    schema.enum("status"),
    *schema.title(),
    *schema.money("value"),
    Column("value_minor", BigInteger, comment="the value in minor units, for sums"),
    Column("effective_on", Date),
)

agreement_parties = schema.owned_table(
    "catalogue_agreement_parties",
    "agreement_id",
    agreements,
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
        agreements, AGREEMENT_SORT_KEYS.keys, indexed=("title", "kind", "status", "effective_on")
    )

    def write(self, writes: Writes, aggregate: Agreement, seq: int) -> None:
        value = aggregate.terms.value
        writes.record(
            agreements,
            aggregate,
            seq,
            kind=str(aggregate.kind),
            status=str(aggregate.status),
            **title_values(aggregate.terms.title),
            **money_values("value", value),
            value_minor=minor_units(value) if value else None,
            effective_on=aggregate.effective_on,
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
        writes.replace(agreement_parties, "agreement_id", str(aggregate.id), members)

    def search(self, query: AgreementQuery) -> dict[str, Any]:
        statement = matching(
            select(agreements),
            (agreements.c.status, query.status),
            (agreements.c.kind, query.kind),
            (agreements.c.value_currency, query.currency),
        )
        if query.q:
            statement = statement.where(agreements.c.title.icontains(query.q, autoescape=True))
        if query.party_id:
            with_party = select(agreement_parties.c.agreement_id).where(
                agreement_parties.c.party_id == str(query.party_id)
            )
            statement = statement.where(agreements.c.id.in_(with_party))
        if query.effective_from:
            statement = statement.where(agreements.c.effective_on >= query.effective_from)
        if query.effective_to:
            statement = statement.where(agreements.c.effective_on <= query.effective_to)
        return self.sorting.search(self.engine, statement, query, _items)


def _items(conn: Connection, rows: Sequence[RowMapping]) -> list[dict[str, Any]]:
    members = owned(conn, agreement_parties.c.agreement_id, rows)
    names = _names(conn, {m["party_id"] for found in members.values() for m in found})
    return [_item(r, members[r["id"]], names) for r in rows]


def _names(conn: Connection, party_ids: set[str]) -> dict[str, str | None]:
    """The names of the parties of a page's agreements, read in one statement."""
    if not party_ids:
        return {}
    found = with_names(select(parties.c.id, parties.c.name), parties, "party")
    rows = conn.execute(found.where(parties.c.id.in_(sorted(party_ids)))).mappings()
    return {r["id"]: name_of(r, "name", "party") for r in rows}


def _item(
    row: RowMapping, members: list[RowMapping], names: dict[str, str | None]
) -> dict[str, Any]:
    return {
        "id": row["id"],
        "version": row["version"],
        "kind": row["kind"],
        "status": row["status"],
        "title": row["title"],
        "value": money_of(row, "value"),
        "party_ids": [m["party_id"] for m in members],
        "party_names": [names.get(m["party_id"]) for m in members],
        "awaiting_signatures": [
            m["party_id"] for m in members if m["must_sign"] and not m["signed"]
        ],
        "effective_on": row["effective_on"],
        "modified_at": utc(row["modified_at"]),
    }
