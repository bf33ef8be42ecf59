"""IP transfers view: filter by asset, asset kind, mode, status and party; value and balance.

The linked agreement and the day its contract was signed are kept for reports. The asset's title
and the parties' names are joined at read time (from the IP assets and parties views), so a list
names what each transfer is about and a rename or an erasure shows at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Column, Connection, Date, RowMapping, String, or_, select

from dealtrail.application.ports.views import IP_TRANSFER_SORT_KEYS, IpTransferQuery
from dealtrail.domain.ip_transfer import IpTransfer
from dealtrail.infrastructure.views import schema
from dealtrail.infrastructure.views.amounts import money_of, money_values
from dealtrail.infrastructure.views.base import View, Writes, matching, utc
from dealtrail.infrastructure.views.ip_assets import ip_assets
from dealtrail.infrastructure.views.party_names import name_of, with_names
from dealtrail.infrastructure.views.party_tables import parties
from dealtrail.infrastructure.views.sorting import Sorting

ip_transfers = schema.record_table(
    "catalogue_ip_transfers",
    Column("asset_id", String(36), nullable=False, index=True),
    schema.enum("asset_kind"),
    schema.enum("mode"),
    schema.enum("status"),
    Column("holder_party_id", String(36), nullable=False, index=True),
    Column("recipient_party_id", String(36), nullable=False, index=True),
    *schema.money("value", comment="the valuation"),
    *schema.money("outstanding"),
    Column("agreement_id", String(36), index=True),
    Column("contract_signed_on", Date),
)


class IpTransfersView(View):
    kind = IpTransfer
    tables = (ip_transfers,)
    version = 4  # v3: sorting; v4: sort keys indexed with seq
    sorting = Sorting(
        ip_transfers,
        IP_TRANSFER_SORT_KEYS.keys,
        indexed=("asset_kind", "mode", "status", "contract_signed_on"),
    )

    def write(self, writes: Writes, aggregate: IpTransfer, seq: int) -> None:
        valuation = aggregate.valuation
        writes.record(
            ip_transfers,
            aggregate,
            seq,
            asset_id=aggregate.asset_id,
            asset_kind=str(aggregate.asset_kind),
            mode=str(aggregate.mode),
            status=str(aggregate.status),
            holder_party_id=aggregate.holder_party_id,
            recipient_party_id=aggregate.recipient_party_id,
            **money_values("value", valuation.value if valuation else None),
            **money_values("outstanding", aggregate.outstanding()),
            agreement_id=aggregate.agreement_id,
            contract_signed_on=aggregate.contract_signed_on,
        )

    def search(self, query: IpTransferQuery) -> dict[str, Any]:
        t, party_id = ip_transfers, query.party_id
        holder, recipient = parties.alias("holder"), parties.alias("recipient")
        named = select(
            t,
            ip_assets.c.title.label("asset_title"),
            holder.c.name.label("holder_name"),
            recipient.c.name.label("recipient_name"),
        ).select_from(
            t.outerjoin(ip_assets, ip_assets.c.id == t.c.asset_id)
            .outerjoin(holder, holder.c.id == t.c.holder_party_id)
            .outerjoin(recipient, recipient.c.id == t.c.recipient_party_id)
        )
        statement = matching(
            with_names(with_names(named, holder, "holder"), recipient, "recipient"),
            (t.c.asset_id, query.asset_id),
            (t.c.asset_kind, query.asset_kind),
            (t.c.mode, query.mode),
            (t.c.status, query.status),
        )
        if party_id:
            statement = statement.where(
                or_(t.c.holder_party_id == str(party_id), t.c.recipient_party_id == str(party_id))
            )
        return self.sorting.search(self.engine, statement, query, _items)


def _items(_: Connection, rows: Sequence[RowMapping]) -> list[dict[str, Any]]:
    return [
        {
            **{k: r[k] for k in ("id", "version", "asset_id", "asset_kind", "mode", "status")},
            "asset_title": r["asset_title"],
            "holder_party_id": r["holder_party_id"],
            "holder_name": name_of(r, "holder_name", "holder"),
            "recipient_party_id": r["recipient_party_id"],
            "recipient_name": name_of(r, "recipient_name", "recipient"),
            "value": money_of(r, "value"),
            "outstanding": money_of(r, "outstanding"),
            "contract_signed_on": r["contract_signed_on"],
            "modified_at": utc(r["modified_at"]),
        }
        for r in rows
    ]
