"""IP assets view: filter by kind, jurisdiction, holder, owner, status, title or number."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Column, Connection, RowMapping, String, or_, select

from dealtrail.application.ports.views import IP_ASSET_SORT_KEYS, IpAssetQuery
from dealtrail.domain.ip_asset import IpAsset
from dealtrail.domain.ip_numbers import compact
from dealtrail.infrastructure.views import schema
from dealtrail.infrastructure.views.base import View, Writes, matching, title_values, utc
from dealtrail.infrastructure.views.sorting import Sorting, owned

ip_assets = schema.record_table(
    "catalogue_ip_assets",
    schema.enum("kind"),
    schema.country("jurisdiction"),
    *schema.title(),
    schema.enum("status"),
    Column("holder_party_id", String(36), nullable=False, index=True),
    Column("owner_party_id", String(36), nullable=False, index=True),
)

ip_asset_numbers = schema.owned_table(
    "catalogue_ip_asset_numbers",
    "asset_id",
    ip_assets,
    Column("number", String(60), primary_key=True, comment="normalised by the office"),
    Column("kind", String(40), nullable=False),
)


class IpAssetsView(View):
    kind = IpAsset
    tables = (ip_asset_numbers, ip_assets)
    version = 3  # v2: sorting; v3: accent-blind title key
    sorting = Sorting(
        ip_assets, IP_ASSET_SORT_KEYS.keys, indexed=("title", "kind", "jurisdiction", "status")
    )

    def write(self, writes: Writes, aggregate: IpAsset, seq: int) -> None:
        writes.record(
            ip_assets,
            aggregate,
            seq,
            kind=str(aggregate.kind),
            jurisdiction=aggregate.jurisdiction,
            **title_values(aggregate.title),
            status=str(aggregate.status),
            holder_party_id=aggregate.holder_party_id,
            owner_party_id=aggregate.owner_party_id,
        )
        numbers = [{"number": i.number, "kind": str(i.kind)} for i in aggregate.identifiers]
        writes.replace(ip_asset_numbers, "asset_id", str(aggregate.id), numbers)

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
        return self.sorting.search(self.engine, statement, query, _items)


def _items(conn: Connection, rows: Sequence[RowMapping]) -> list[dict[str, Any]]:
    numbers = owned(conn, ip_asset_numbers.c.asset_id, rows)
    return [
        {
            **r,
            "modified_at": utc(r["modified_at"]),
            "numbers": sorted(n["number"] for n in numbers[r["id"]]),
        }
        for r in rows
    ]
