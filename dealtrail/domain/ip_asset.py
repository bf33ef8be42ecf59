"""IP asset: a patent, utility model, design, software copyright, IC layout or know-how, from
its registration by its holder through grant to its lapse or expiry.

The owner of record starts as the holder and changes only when an assignment is recorded with
the IP office (the owner-of-record policy calls `change_owner_of_record`); nothing else moves it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import StrEnum
from typing import Any

from eventsourcing.domain import event

from dealtrail.domain.base import Lifecycle, Recorded
from dealtrail.domain.errors import fail
from dealtrail.domain.ip_identifiers import (
    AssetKind,
    IpIdentifier,
    asset_kind,
    check_filed_at,
    grant_number_kind,
    identifiers_for,
    ip_office,
)
from dealtrail.domain.lifecycle_dates import IP_ASSET_DATES, Dates, on
from dealtrail.domain.text import reason_text, required_text
from dealtrail.domain.unique_key import UniqueKey


class AssetStatus(StrEnum):
    PENDING = "pending"
    GRANTED = "granted"
    LAPSED = "lapsed"
    EXPIRED = "expired"


ENDED = frozenset({AssetStatus.LAPSED, AssetStatus.EXPIRED})


class IpAsset(Lifecycle):
    class_version = 2  # snapshots: v2 holds the filing date (v1 had none)
    date_in_future = "ip_asset.date_in_future"

    @staticmethod
    def upcast_v1_v2(state: dict[str, Any]) -> None:
        state["filed_on"] = None

    holder_party_id: str
    owner_party_id: str
    kind: AssetKind
    jurisdiction: str
    title: str
    identifiers: list[IpIdentifier]
    filed_on: date | None
    status: AssetStatus
    granted_on: date | None
    ended_on: date | None
    lapse_reason: str | None
    title_transfers: list[str]

    @classmethod
    def register(
        cls,
        holder_party_id: str,
        kind: str,
        jurisdiction: str,
        title: str,
        identifiers: Sequence[tuple[str, str]] = (),
        filed_on: date | None = None,
    ) -> IpAsset:
        """`identifiers` are (kind, number) pairs, normalised by the jurisdiction's office;
        `filed_on` is the day the application was filed with it, if known."""
        checked_kind = asset_kind(kind)
        office = ip_office(jurisdiction, "jurisdiction")
        check_filed_at(checked_kind, office)
        if filed_on is not None:
            if checked_kind == AssetKind.KNOW_HOW:
                raise fail("ip_asset.know_how_not_filed", "filed_on")
            cls._check_not_future(filed_on, "filed_on")
        return cls(
            holder_party_id=holder_party_id,
            kind=checked_kind,
            jurisdiction=office,
            title=required_text(title, "title"),
            identifiers=identifiers_for(checked_kind, office, identifiers),
            filed_on=filed_on,
        )

    class Registered(Recorded.Created):
        """v2: the filing date, if known (v1 had none: it reads as unknown)."""

        class_version = 2
        holder_party_id: str
        kind: str
        jurisdiction: str
        title: str
        identifiers: list[IpIdentifier]
        filed_on: date | None

        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            state["filed_on"] = None

    @event(Registered)
    def __init__(
        self,
        holder_party_id: str,
        kind: str,
        jurisdiction: str,
        title: str,
        identifiers: list[IpIdentifier],
        filed_on: date | None,
    ) -> None:
        self.holder_party_id = holder_party_id
        self.owner_party_id = holder_party_id
        self.kind = AssetKind(kind)
        self.jurisdiction = jurisdiction
        self.title = title
        self.identifiers = list(identifiers)
        self.filed_on = filed_on
        self.status = AssetStatus.PENDING
        self.granted_on = None
        self.ended_on = None
        self.lapse_reason = None
        self.title_transfers = []

    # ---- grant, lapse, expiry ----------------------------------------------------------------

    def record_grant(self, granted_on: date, grant_number: str | None = None) -> None:
        """The office granted (or registered) the right, optionally with its grant number."""
        if self.kind == AssetKind.KNOW_HOW:
            raise fail("ip_asset.know_how_not_granted")
        if self.status == AssetStatus.GRANTED:
            raise fail("ip_asset.already_granted")
        self._check_status(AssetStatus.PENDING, "ip_asset.not_pending")
        self._check_not_future(granted_on, "granted_on")
        self._check_dated("granted", granted_on, "granted_on")
        identifier = None
        if grant_number is not None:
            kind = grant_number_kind(self.kind)
            identifier = IpIdentifier.of(
                self.kind, self.jurisdiction, kind, grant_number, "grant_number"
            )
            identifier = None if identifier in self.identifiers else identifier
        self._granted(granted_on=granted_on, identifier=identifier)

    @event("Granted")
    def _granted(self, granted_on: date, identifier: IpIdentifier | None) -> None:
        self.status = AssetStatus.GRANTED
        self.granted_on = granted_on
        if identifier is not None:
            self.identifiers = [*self.identifiers, identifier]

    def record_lapse(self, lapsed_on: date, reason: str) -> None:
        """The right ended early: an application withdrawn, fees unpaid, a secret disclosed."""
        self._check_not_in(ENDED, "ip_asset.already_ended")
        self._check_not_future(lapsed_on, "lapsed_on")
        self._check_dated("lapsed", lapsed_on, "lapsed_on")
        self._lapsed(lapsed_on=lapsed_on, reason=reason_text(reason))

    @event("Lapsed")
    def _lapsed(self, lapsed_on: date, reason: str) -> None:
        self.status = AssetStatus.LAPSED
        self.ended_on = lapsed_on
        self.lapse_reason = reason

    def record_expiry(self, expired_on: date) -> None:
        """A granted right reached the end of its statutory term."""
        self._check_not_in(ENDED, "ip_asset.already_ended")
        self._check_status(AssetStatus.GRANTED, "ip_asset.not_granted")
        self._check_not_future(expired_on, "expired_on")
        self._check_dated("expired", expired_on, "expired_on")
        self._expired(expired_on=expired_on)

    @event("Expired")
    def _expired(self, expired_on: date) -> None:
        self.status = AssetStatus.EXPIRED
        self.ended_on = expired_on

    # ---- owner of record ---------------------------------------------------------------------

    def takes_title_from(self, transfer_id: str, owner_party_id: str) -> bool:
        """Whether recording this assignment would change the owner of record."""
        return transfer_id not in self.title_transfers and owner_party_id != self.owner_party_id

    def change_owner_of_record(self, owner_party_id: str, transfer_id: str) -> None:
        """Records the assignee of a recorded assignment as owner (the policy's job alone)."""
        if transfer_id in self.title_transfers:
            raise fail("ip_asset.title_transfer_applied", "transfer_id", transfer_id=transfer_id)
        if owner_party_id == self.owner_party_id:
            raise fail("ip_asset.already_owner", "owner_party_id", party_id=owner_party_id)
        self._owner_of_record_changed(
            owner_party_id=owner_party_id,
            previous_owner_party_id=self.owner_party_id,
            transfer_id=transfer_id,
        )

    @event("OwnerOfRecordChanged")
    def _owner_of_record_changed(
        self, owner_party_id: str, previous_owner_party_id: str, transfer_id: str
    ) -> None:
        self.owner_party_id = owner_party_id
        self.title_transfers = [*self.title_transfers, transfer_id]

    def unique_keys(self) -> list[UniqueKey]:
        """Its numbers, each unique at its office among numbers of its kind. The input a new
        number came in: the registration's identifiers, or the grant number once granted (a
        grant is the only later command that adds a number)."""
        return [
            identifier.unique_key(
                self.jurisdiction,
                "grant_number" if self.granted_on is not None else f"identifiers.{index}.number",
            )
            for index, identifier in enumerate(self.identifiers)
        ]

    # ---- checks ------------------------------------------------------------------------------

    def _check_dated(self, step: str, day: date, field: str) -> None:
        IP_ASSET_DATES.check(step, day, field, self._dates())

    def _dates(self) -> Dates:
        """Every business date the asset holds, by step (see lifecycle_dates)."""
        return {"filed": on(self.filed_on), "granted": on(self.granted_on)}
