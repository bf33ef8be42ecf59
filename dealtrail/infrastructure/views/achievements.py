"""Achievements view: the supermarket's search — text, field, TRL, transfer mode, owner, status.

The owner's country and alliances are not copied here: they are joined from the parties view at
query time, so a party that joins an alliance later is found under it at once. Contacts (personal
data) are never copied into the view.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    Column,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Table,
    select,
)

from dealtrail.application.ports.views import AchievementQuery
from dealtrail.domain.achievement import Achievement
from dealtrail.infrastructure.views.base import (
    View,
    Writes,
    metadata,
    record_columns,
    sort_key,
    sortable_text,
    utc,
)
from dealtrail.infrastructure.views.parties import parties, party_alliances
from dealtrail.infrastructure.views.party_names import name_of, with_names
from dealtrail.infrastructure.views.sorting import Sorting

achievements = Table(
    "catalogue_achievements",
    metadata,
    *record_columns(),
    Column("owner_party_id", String(36), nullable=False, index=True),
    Column("title", String(300), nullable=False),
    Column("title_key", sortable_text(300), nullable=False, comment="sort by title"),
    Column("field", sortable_text(40), nullable=False),
    Column("trl", Integer, nullable=False),
    Column("status", sortable_text(40), nullable=False),
    Column("price_amount", String(40)),
    Column("price_currency", String(3)),
    Column("external_scope", String(300)),
    Column("external_reference", String(300)),
    Column("modified_at", DateTime(timezone=True), nullable=False),
)

achievement_modes = Table(
    "catalogue_achievement_modes",
    metadata,
    Column("achievement_id", ForeignKey("catalogue_achievements.id"), primary_key=True),
    Column("mode", String(40), primary_key=True, index=True),
)


class AchievementsView(View):
    kind = Achievement
    tables = (achievement_modes, achievements)
    version = 4  # v2: sorting; v3: accent-blind title key; v4: owners' names sealed
    sorting = Sorting(
        achievements,
        indexed=("title", "field", "trl", "status"),
        title="title_key",
        field="field",
        trl="trl",
        status="status",
        modified_at="modified_at",
    )

    def write(self, writes: Writes, aggregate: Achievement, seq: int) -> None:
        achievement_id = str(aggregate.id)
        offer, ref = aggregate.offer, aggregate.external_ref
        writes.upsert(
            achievements,
            {
                "id": achievement_id,
                "seq": seq,
                "version": aggregate.version,
                "owner_party_id": aggregate.owner_party_id,
                "title": offer.title,
                "title_key": sort_key(offer.title),
                "field": str(offer.field),
                "trl": offer.trl,
                "status": str(aggregate.status),
                "price_amount": str(offer.asking_price.amount) if offer.asking_price else None,
                "price_currency": offer.asking_price.currency if offer.asking_price else None,
                "external_scope": ref.scope if ref else None,
                "external_reference": ref.reference if ref else None,
                "modified_at": aggregate.modified_on,
            },
        )
        modes = [{"mode": str(mode)} for mode in offer.transfer_modes]
        writes.replace(achievement_modes, "achievement_id", achievement_id, modes)

    def search(self, query: AchievementQuery) -> dict[str, Any]:
        owner, a = parties.alias("owner"), achievements
        statement = select(
            a,
            owner.c.name.label("owner_name"),
            owner.c.country.label("owner_country"),
        ).select_from(a.outerjoin(owner, owner.c.id == a.c.owner_party_id))
        statement = with_names(statement, owner, "owner")
        if query.q:
            statement = statement.where(a.c.title.icontains(query.q, autoescape=True))
        if query.field:
            statement = statement.where(a.c.field == str(query.field))
        if query.trl_min is not None:
            statement = statement.where(a.c.trl >= query.trl_min)
        if query.trl_max is not None:
            statement = statement.where(a.c.trl <= query.trl_max)
        if query.status:
            statement = statement.where(a.c.status == str(query.status))
        if query.owner_country:
            statement = statement.where(owner.c.country == query.owner_country.upper())
        if query.transfer_mode:
            offering = select(achievement_modes.c.achievement_id).where(
                achievement_modes.c.mode == str(query.transfer_mode)
            )
            statement = statement.where(a.c.id.in_(offering))
        if query.alliance:
            members = select(party_alliances.c.party_id).where(
                party_alliances.c.alliance == query.alliance
            )
            statement = statement.where(a.c.owner_party_id.in_(members))
        order = self.sorting.order(query.sort, query.after)
        with self.engine.connect() as conn:
            rows = conn.execute(self.sorting.select(statement, order, query.limit)).mappings().all()
            ids = [r["id"] for r in rows]
            modes: dict[str, list[str]] = {i: [] for i in ids}
            for m in conn.execute(
                select(achievement_modes).where(achievement_modes.c.achievement_id.in_(ids))
            ).mappings():
                modes[m["achievement_id"]].append(m["mode"])
        items = [_item(r, sorted(modes[r["id"]])) for r in rows]
        return self.sorting.page(order, list(rows), items, query.limit)


def _item(row: Any, modes: list[str]) -> dict[str, Any]:
    price: Any = "negotiable"
    if row["price_currency"]:
        price = {"amount": row["price_amount"], "currency": row["price_currency"]}
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
        "asking_price": price,
        "owner_party_id": row["owner_party_id"],
        "owner_name": name_of(row, "owner_name", "owner"),
        "owner_country": row["owner_country"],
        "external_ref": ref,
        "modified_at": utc(row["modified_at"]),
    }
