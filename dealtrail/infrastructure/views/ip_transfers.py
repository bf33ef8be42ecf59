"""IP transfers view: filter by asset, asset kind, mode, status and party; value and balance.

The linked agreement and the day its contract was signed are kept for reports.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    String,
    Table,
    or_,
    select,
)

from dealtrail.application.ports.views import IpTransferQuery
from dealtrail.domain.ip_transfer import IpTransfer
from dealtrail.domain.money import Money
from dealtrail.infrastructure.views.base import (
    View,
    Writes,
    matching,
    metadata,
    record_columns,
    sortable_text,
    utc,
)
from dealtrail.infrastructure.views.sorting import Sorting

ip_transfers = Table(
    "catalogue_ip_transfers",
    metadata,
    *record_columns(),
    Column("asset_id", String(36), nullable=False, index=True),
    Column("asset_kind", sortable_text(40), nullable=False),
    Column("mode", sortable_text(40), nullable=False),
    Column("status", sortable_text(40), nullable=False),
    Column("holder_party_id", String(36), nullable=False, index=True),
    Column("recipient_party_id", String(36), nullable=False, index=True),
    Column("value_amount", String(40), comment="the valuation"),
    Column("value_currency", String(3)),
    Column("outstanding_amount", String(40)),
    Column("outstanding_currency", String(3)),
    Column("agreement_id", String(36), index=True),
    Column("contract_signed_on", Date),
    Column("modified_at", DateTime(timezone=True), nullable=False),
)


def _money_columns(prefix: str, money: Money | None) -> dict[str, str | None]:
    return {
        f"{prefix}_amount": str(money.amount) if money else None,
        f"{prefix}_currency": money.currency if money else None,
    }


def _money(row: Any, prefix: str) -> dict[str, str] | None:
    currency = row[f"{prefix}_currency"]
    return {"amount": row[f"{prefix}_amount"], "currency": currency} if currency else None


class IpTransfersView(View):
    kind = IpTransfer
    tables = (ip_transfers,)
    version = 4  # v3: sorting; v4: sort keys indexed with seq
    sorting = Sorting(
        ip_transfers,
        indexed=("asset_kind", "mode", "status", "contract_signed_on"),
        asset_kind="asset_kind",
        mode="mode",
        status="status",
        contract_signed_on="contract_signed_on",
        modified_at="modified_at",
    )

    def write(self, writes: Writes, aggregate: IpTransfer, seq: int) -> None:
        valuation = aggregate.valuation
        writes.upsert(
            ip_transfers,
            {
                "id": str(aggregate.id),
                "seq": seq,
                "version": aggregate.version,
                "asset_id": aggregate.asset_id,
                "asset_kind": str(aggregate.asset_kind),
                "mode": str(aggregate.mode),
                "status": str(aggregate.status),
                "holder_party_id": aggregate.holder_party_id,
                "recipient_party_id": aggregate.recipient_party_id,
                **_money_columns("value", valuation.value if valuation else None),
                **_money_columns("outstanding", aggregate.outstanding()),
                "agreement_id": aggregate.agreement_id,
                "contract_signed_on": aggregate.contract_signed_on,
                "modified_at": aggregate.modified_on,
            },
        )

    def search(self, query: IpTransferQuery) -> dict[str, Any]:
        t, party_id = ip_transfers, query.party_id
        statement = matching(
            select(t),
            (t.c.asset_id, query.asset_id),
            (t.c.asset_kind, query.asset_kind),
            (t.c.mode, query.mode),
            (t.c.status, query.status),
        )
        if party_id:
            statement = statement.where(
                or_(t.c.holder_party_id == str(party_id), t.c.recipient_party_id == str(party_id))
            )
        order = self.sorting.order(query.sort, query.after)
        with self.engine.connect() as conn:
            rows = conn.execute(self.sorting.select(statement, order, query.limit)).mappings().all()
        items = [
            {
                **{k: r[k] for k in ("id", "version", "asset_id", "asset_kind", "mode", "status")},
                "holder_party_id": r["holder_party_id"],
                "recipient_party_id": r["recipient_party_id"],
                "value": _money(r, "value"),
                "outstanding": _money(r, "outstanding"),
                "contract_signed_on": r["contract_signed_on"],
                "modified_at": utc(r["modified_at"]),
            }
            for r in rows
        ]
        return self.sorting.page(order, list(rows), items, query.limit)
