"""Commands on IP assets: register them, record their grant, lapse or expiry.

There is deliberately no command that changes an asset's owner of record: only the
owner-of-record policy does that, when an assignment is recorded with the IP office.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from dealtrail.application.command import Change, Create, Records, command
from dealtrail.domain.base import Recorded
from dealtrail.domain.errors import fail
from dealtrail.domain.ip_asset import IpAsset
from dealtrail.domain.party import Party


def known(records: Records, kind: type[Recorded], aggregate_id: str) -> bool:
    """Whether `aggregate_id` (as given, a string) names a recorded aggregate of `kind`."""
    try:
        return records.exists(kind, UUID(aggregate_id))
    except ValueError:
        return False


@command("ip_asset.register", dated="filed_on", arguments={"holder_party_id": "holder"})
class RegisterAsset(Create[IpAsset]):
    """`identifiers` are (kind, number) pairs, as typed: the jurisdiction's office normalises
    them. A filing date, if given, is when the asset took effect."""

    holder_party_id: str
    kind: str
    jurisdiction: str
    title: str
    identifiers: Sequence[tuple[str, str]] = ()
    filed_on: date | None = None

    def check(self, records: Records) -> None:
        if not known(records, Party, self.holder_party_id):
            raise fail("party.unknown", "holder_party_id", party_id=self.holder_party_id)

    def arguments(self) -> dict[str, Any]:
        arguments = super().arguments()
        arguments["kind"] = str(self.kind)
        arguments["identifiers"] = self._pairs()
        if self.filed_on is None:  # commands recorded before it was given keep their key
            del arguments["filed_on"]
        return arguments

    def build(self) -> IpAsset:
        return IpAsset.register(
            self.holder_party_id,
            self.kind,
            self.jurisdiction,
            self.title,
            self._pairs(),
            self.filed_on,
        )

    def _pairs(self) -> list[tuple[str, str]]:
        return [(str(kind), number) for kind, number in self.identifiers]


@dataclass(frozen=True, kw_only=True)
class AssetChange(Change[IpAsset]):
    AGGREGATE = IpAsset
    TARGET = "asset_id"
    asset_id: UUID


@command(
    "ip_asset.grant", acts="record_grant", on="granted_on", arguments={"grant_number": "number"}
)
class RecordGrant(AssetChange):
    granted_on: date
    grant_number: str | None = None


@command("ip_asset.lapse", acts="record_lapse", on="lapsed_on")
class RecordLapse(AssetChange):
    lapsed_on: date
    reason: str


@command("ip_asset.expire", acts="record_expiry", on="expired_on")
class RecordExpiry(AssetChange):
    expired_on: date
