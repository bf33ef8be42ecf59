"""Achievements view: the supermarket's search — text, field, TRL, transfer mode, owner, status.

The owner's country and alliances are not copied here: they are joined from the parties view at
query time, so a party that joins an alliance later is found under it at once. Contacts (personal
data) are never copied into the view.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Column, Connection, Integer, RowMapping, String, select

from dealtrail.application.ports.views import ACHIEVEMENT_SORT_KEYS, AchievementQuery
from dealtrail.domain.achievement import Achievement
from dealtrail.infrastructure.views import schema
from dealtrail.infrastructure.views.amounts import money_of, money_values
from dealtrail.infrastructure.views.base import View, Writes, matching, title_values, utc
from dealtrail.infrastructure.views.party_names import name_of, with_names
from dealtrail.infrastructure.views.party_tables import in_alliance, parties
from dealtrail.infrastructure.views.sorting import Sorting, owned

achievements = schema.record_table(
    "catalogue_achievements",
    Column("owner_party_id", String(36), nullable=False, index=True),
    *schema.title(),
    schema.enum("field"),
    Column("trl", Integer, nullable=False),
    schema.enum("status"),
    *schema.money("price"),
    Column("external_scope", String(300)),
    Column("external_reference", String(300)),
)

achievement_modes = schema.owned_table(
    "catalogue_achievement_modes",
    "achievement_id",
    achievements,
    Column("mode", String(40), primary_key=True, index=True),
)


class AchievementsView(View):
    kind = Achievement
    tables = (achievement_modes, achievements)
    version = 4  # v2: sorting; v3: accent-blind title key; v4: owners' names sealed
    sorting = Sorting(
        achievements, ACHIEVEMENT_SORT_KEYS.keys, indexed=("title", "field", "trl", "status")
    )

    def write(self, writes: Writes, aggregate: Achievement, seq: int) -> None:
        offer, ref = aggregate.offer, aggregate.external_ref
        writes.record(
            achievements,
            aggregate,
            seq,
            owner_party_id=aggregate.owner_party_id,
            **title_values(offer.title),
            field=str(offer.field),
            trl=offer.trl,
            status=str(aggregate.status),
            **money_values("price", offer.asking_price),
            external_scope=ref.scope if ref else None,
            external_reference=ref.reference if ref else None,
        )
        modes = [{"mode": str(mode)} for mode in offer.transfer_modes]
        writes.replace(achievement_modes, "achievement_id", str(aggregate.id), modes)

    def search(self, query: AchievementQuery) -> dict[str, Any]:
        owner, a = parties.alias("owner"), achievements
        statement = select(
            a,
            owner.c.name.label("owner_name"),
            owner.c.country.label("owner_country"),
        ).select_from(a.outerjoin(owner, owner.c.id == a.c.owner_party_id))
        statement = matching(
            with_names(statement, owner, "owner"),
            (a.c.field, query.field),
            (a.c.status, query.status),
            (owner.c.country, query.owner_country.upper() if query.owner_country else None),
        )
        if query.q:
            statement = statement.where(a.c.title.icontains(query.q, autoescape=True))
        if query.trl_min is not None:
            statement = statement.where(a.c.trl >= query.trl_min)
        if query.trl_max is not None:
            statement = statement.where(a.c.trl <= query.trl_max)
        if query.transfer_mode:
            offering = select(achievement_modes.c.achievement_id).where(
                achievement_modes.c.mode == str(query.transfer_mode)
            )
            statement = statement.where(a.c.id.in_(offering))
        if query.alliance:
            statement = statement.where(in_alliance(a.c.owner_party_id, query.alliance))
        return self.sorting.search(self.engine, statement, query, _items)


def _items(conn: Connection, rows: Sequence[RowMapping]) -> list[dict[str, Any]]:
    modes = owned(conn, achievement_modes.c.achievement_id, rows)
    return [_item(r, sorted(m["mode"] for m in modes[r["id"]])) for r in rows]


def _item(row: RowMapping, modes: list[str]) -> dict[str, Any]:
    ref = None
    if row["external_reference"]:
        ref = {"scope": row["external_scope"], "reference": row["external_reference"]}
    return {
        "id": row["id"],
        "version": row["version"],
        "title": row["title"],
        "field": row["field"],
        "trl": row["trl"],
        "status": row["status"],
        "transfer_modes": modes,
        "asking_price": money_of(row, "price") or "negotiable",
        "owner_party_id": row["owner_party_id"],
        "owner_name": name_of(row, "owner_name", "owner"),
        "owner_country": row["owner_country"],
        "external_ref": ref,
        "modified_at": utc(row["modified_at"]),
    }
