"""Use cases for IP assets: register them, record their grant, lapse or expiry.

There is deliberately no use case that changes an asset's owner of record: only the
owner-of-record policy does that, when an assignment is recorded with the IP office.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from uuid import UUID

from dealtrail.application.command import NO_OPTIONS, CommandResult, Options
from dealtrail.application.ledger import Ledger
from dealtrail.application.ledger import OldCommand as Command
from dealtrail.domain.base import Recorded
from dealtrail.domain.errors import fail
from dealtrail.domain.ip_asset import IpAsset
from dealtrail.domain.metadata import BusinessDate
from dealtrail.domain.party import Party


def known(ledger: Ledger, kind: type[Recorded], aggregate_id: str) -> bool:
    """Whether `aggregate_id` (as given, a string) names a recorded aggregate of `kind`."""
    try:
        return ledger.exists(kind, UUID(aggregate_id))
    except ValueError:
        return False


class IpAssets:
    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger

    def register(
        self,
        holder_party_id: str,
        kind: str,
        jurisdiction: str,
        title: str,
        identifiers: Sequence[tuple[str, str]] = (),
        options: Options = NO_OPTIONS,
        *,
        filed_on: date | None = None,
    ) -> CommandResult:
        """`identifiers` are (kind, number) pairs, as typed: the jurisdiction's office
        normalises them. A filing date, if given, is when the asset took effect."""
        if not known(self.ledger, Party, holder_party_id):
            raise fail("party.unknown", "holder_party_id", party_id=holder_party_id)
        pairs = [(str(k), n) for k, n in identifiers]
        args = {
            "holder": holder_party_id,
            "kind": str(kind),
            "jurisdiction": jurisdiction,
            "title": title,
            "identifiers": pairs,
        }
        dated = None
        if filed_on is not None:  # only then: commands recorded before keep their fingerprint
            args["filed_on"] = filed_on
            dated = BusinessDate("filed_on", filed_on)
        return self.ledger.create(
            Command("ip_asset.register", args, options, dated),
            lambda: IpAsset.register(holder_party_id, kind, jurisdiction, title, pairs, filed_on),
        )

    def record_grant(
        self,
        asset_id: UUID,
        granted_on: date,
        grant_number: str | None = None,
        options: Options = NO_OPTIONS,
    ) -> CommandResult:
        args = {"on": granted_on, "number": grant_number}
        return self._change(
            asset_id,
            "grant",
            args,
            options,
            lambda a: a.record_grant(granted_on, grant_number),
            BusinessDate("granted_on", granted_on),
        )

    def record_lapse(
        self, asset_id: UUID, lapsed_on: date, reason: str, options: Options = NO_OPTIONS
    ) -> CommandResult:
        args = {"on": lapsed_on, "reason": reason}
        return self._change(
            asset_id,
            "lapse",
            args,
            options,
            lambda a: a.record_lapse(lapsed_on, reason),
            BusinessDate("lapsed_on", lapsed_on),
        )

    def record_expiry(
        self, asset_id: UUID, expired_on: date, options: Options = NO_OPTIONS
    ) -> CommandResult:
        return self._change(
            asset_id,
            "expire",
            {"on": expired_on},
            options,
            lambda a: a.record_expiry(expired_on),
            BusinessDate("expired_on", expired_on),
        )

    def get(self, asset_id: UUID, version: int | None = None) -> IpAsset:
        return self.ledger.get(IpAsset, asset_id, version)

    def _change(
        self,
        asset_id: UUID,
        name: str,
        args: dict[str, object],
        options: Options,
        act: Callable[[IpAsset], object],
        dated: BusinessDate,
    ) -> CommandResult:
        command = Command(f"ip_asset.{name}", args, options, dated)
        return self.ledger.change(command, IpAsset, asset_id, act)
