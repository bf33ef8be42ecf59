"""IP assets view: filter by kind, jurisdiction, holder, owner, status, title or number."""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    Column,
    DateTime,
    ForeignKey,
    String,
    Table,
    or_,
    select,
)

from dealtrail.application.ports.views import IpAssetQuery
from dealtrail.domain.ip_asset import IpAsset
from dealtrail.domain.ip_numbers import compact
from dealtrail.infrastructure.views.base import (
    View,
    Writes,
    matching,
    metadata,
    record_columns,
    sort_key,
    sortable_text,
    utc,
)
from dealtrail.infrastructure.views.sorting import Sorting

ip_assets = Table(
    "catalogue_ip_assets",
    metadata,
    *record_columns(),
    Column("kind", sortable_text(40), nullable=False),
    Column("jurisdiction", sortable_text(2), nullable=False),
    Column("title", String(300), nullable=False),
    Column("title_key", sortable_text(300), nullable=False, comment="sort by title"),
    Column("status", sortable_text(40), nullable=False),
    Column("holder_party_id", String(36), nullable=False, index=True),
    Column("owner_party_id", String(36), nullable=False, index=True),
    Column("modified_at", DateTime(timezone=True), nullable=False),
)

ip_asset_numbers = Table(
    "catalogue_ip_asset_numbers",
    metadata,
    Column("asset_id", ForeignKey("catalogue_ip_assets.id"), primary_key=True),
    Column("number", String(60), primary_key=True, comment="normalised by the office"),
    Column("kind", String(40), nullable=False),
)


class IpAssetsView(View):
    kind = IpAsset
    tables = (ip_asset_numbers, ip_assets)
    version = 3  # v2: sorting; v3: accent-blind title key
    sorting = Sorting(
        ip_assets,
        indexed=("title", "kind", "jurisdiction", "status"),
        title="title_key",
        kind="kind",
        jurisdiction="jurisdiction",
        status="status",
        modified_at="modified_at",
    )

    def write(self, writes: Writes, aggregate: IpAsset, seq: int) -> None:
        asset_id = str(aggregate.id)
        writes.upsert(
            ip_assets,
            {
                "id": asset_id,
                "seq": seq,
                "version": aggregate.version,
                "kind": str(aggregate.kind),
                "jurisdiction": aggregate.jurisdiction,
                "title": aggregate.title,
                "title_key": sort_key(aggregate.title),
                "status": str(aggregate.status),
                "holder_party_id": aggregate.holder_party_id,
                "owner_party_id": aggregate.owner_party_id,
                "modified_at": aggregate.modified_on,
            },
        )
        numbers = [{"number": i.number, "kind": str(i.kind)} for i in aggregate.identifiers]
        writes.replace(ip_asset_numbers, "asset_id", asset_id, numbers)

    def search(self, query: IpAssetQuery) -> dict[str, Any]:
        """`q` matches the title, or any number however it is spaced or punctuated."""
        q, jurisdiction = query.q, query.jurisdiction
        statement = matching(
            select(ip_assets),
            (ip_assets.c.kind, query.kind),
            (ip_assets.c.jurisdiction, jurisdiction.upper() if jurisdiction else None),
            (ip_assets.c.holder_party_id, query.holder_party_id),
            (ip_assets.c.owner_party_id, query.owner_party_id),
            (ip_assets.c.status, query.status),
        )
        if q:
            numbered = select(ip_asset_numbers.c.asset_id).where(
                ip_asset_numbers.c.number.contains(compact(q), autoescape=True)
            )
            statement = statement.where(
                or_(ip_assets.c.title.icontains(q, autoescape=True), ip_assets.c.id.in_(numbered))
            )
        order = self.sorting.order(query.sort, query.after)
        with self.engine.connect() as conn:
            rows = conn.execute(self.sorting.select(statement, order, query.limit)).mappings().all()
            ids = [r["id"] for r in rows]
            numbers: dict[str, list[str]] = {i: [] for i in ids}
            for n in conn.execute(
                select(ip_asset_numbers).where(ip_asset_numbers.c.asset_id.in_(ids))
            ).mappings():
                numbers[n["asset_id"]].append(n["number"])
        items = [
            {**r, "modified_at": utc(r["modified_at"]), "numbers": sorted(numbers[r["id"]])}
            for r in rows
        ]
        return self.sorting.page(order, list(rows), items, query.limit)
