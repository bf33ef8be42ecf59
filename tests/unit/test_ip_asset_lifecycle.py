"""IP asset: grant, lapse and expiry, and the owner of record that only assignments change."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from freezegun import freeze_time

from dealtrail.domain.errors import Conflict, Invalid
from dealtrail.domain.ip_asset import AssetStatus, IpAsset
from dealtrail.domain.ip_identifiers import IdentifierKind, IpIdentifier

from .conftest import event_names, refused
from .ip_builders import CN_APPLICATION, HOLDER, RECIPIENT, asset_in

pytestmark = pytest.mark.usefixtures("staff")

ENDED = [AssetStatus.LAPSED, AssetStatus.EXPIRED]


def test_granting_a_pending_patent_adds_its_grant_number() -> None:
    asset = asset_in()

    asset.record_grant(date(2021, 6, 1), "ZL 2020 1056 6088.9")

    assert event_names(asset) == ["IpAsset.Granted"]
    assert (asset.status, asset.granted_on) == (AssetStatus.GRANTED, date(2021, 6, 1))
    assert asset.identifiers[-1] == IpIdentifier(IdentifierKind.GRANT, "ZL202010566088.9")


def test_a_software_copyright_is_granted_with_its_registration_number() -> None:
    asset = asset_in(kind="software_copyright", identifiers=[])

    asset.record_grant(date(2023, 3, 1), "2023sr0123456")

    assert asset.identifiers == [IpIdentifier(IdentifierKind.REGISTRATION, "2023SR0123456")]


def test_a_grant_number_already_known_is_not_listed_twice() -> None:
    asset = asset_in(identifiers=[("grant", "CN112345678B")])

    asset.record_grant(date(2021, 6, 1), "CN 112345678 B")

    assert [i.number for i in asset.identifiers] == ["CN112345678B"]


def test_a_grant_without_a_number_only_changes_the_status() -> None:
    asset = asset_in()

    asset.record_grant(date(2021, 6, 1))

    assert asset.status is AssetStatus.GRANTED
    assert [i.number for i in asset.identifiers] == [CN_APPLICATION]


@pytest.mark.parametrize(
    ("status", "code"),
    [(AssetStatus.GRANTED, "ip_asset.already_granted")]
    + [(s, "ip_asset.not_pending") for s in ENDED],
)
def test_only_a_pending_asset_is_granted(status: AssetStatus, code: str) -> None:
    asset = asset_in(status)

    with refused(asset, Conflict, code):
        asset.record_grant(date(2024, 6, 1))


def test_know_how_is_never_granted() -> None:
    asset = asset_in(kind="know_how")

    with refused(asset, Conflict, "ip_asset.know_how_not_granted"):
        asset.record_grant(date(2024, 6, 1))


def test_a_malformed_grant_number_is_refused_naming_the_field() -> None:
    asset = asset_in()

    with refused(asset, Invalid, "ip_identifier.malformed"):
        asset.record_grant(date(2021, 6, 1), "CN112345678A")


@freeze_time("2025-06-01 09:00:00")
@pytest.mark.parametrize(
    "act",
    [
        lambda a: a.record_grant(date(2025, 6, 2)),
        lambda a: a.record_lapse(date(2025, 6, 2), "Withdrawn"),
    ],
)
def test_grants_and_lapses_cannot_be_dated_in_the_future(act: Callable[[IpAsset], None]) -> None:
    asset = asset_in()

    with refused(asset, Invalid, "ip_asset.date_in_future"):
        act(asset)


@pytest.mark.parametrize("status", [AssetStatus.PENDING, AssetStatus.GRANTED])
def test_a_pending_or_granted_asset_lapses_with_a_reason(status: AssetStatus) -> None:
    asset = asset_in(status)

    asset.record_lapse(date(2024, 9, 1), "  Annual fee not paid ")

    assert event_names(asset) == ["IpAsset.Lapsed"]
    assert (asset.status, asset.ended_on, asset.lapse_reason) == (
        AssetStatus.LAPSED,
        date(2024, 9, 1),
        "Annual fee not paid",
    )


@pytest.mark.parametrize("status", ENDED)
def test_an_ended_asset_cannot_lapse(status: AssetStatus) -> None:
    asset = asset_in(status)

    with refused(asset, Conflict, "ip_asset.already_ended"):
        asset.record_lapse(date(2024, 9, 1), "Again")


def test_a_lapse_needs_a_reason() -> None:
    asset = asset_in()

    with refused(asset, Invalid, "text.blank"):
        asset.record_lapse(date(2024, 9, 1), " ")


def test_a_granted_asset_expires_at_the_end_of_its_term() -> None:
    asset = asset_in(AssetStatus.GRANTED)

    asset.record_expiry(date(2024, 12, 31))

    assert event_names(asset) == ["IpAsset.Expired"]
    assert (asset.status, asset.ended_on) == (AssetStatus.EXPIRED, date(2024, 12, 31))


@pytest.mark.parametrize(
    ("status", "code"),
    [(AssetStatus.PENDING, "ip_asset.not_granted")]
    + [(s, "ip_asset.already_ended") for s in ENDED],
)
def test_only_a_granted_asset_expires(status: AssetStatus, code: str) -> None:
    asset = asset_in(status)

    with refused(asset, Conflict, code):
        asset.record_expiry(date(2024, 12, 31))


def test_an_asset_cannot_expire_before_its_grant() -> None:
    asset = asset_in(AssetStatus.GRANTED)

    with refused(asset, Invalid, "ip_asset.expired_before_grant"):
        asset.record_expiry(date(2021, 5, 31))


@pytest.mark.parametrize("status", list(AssetStatus))
def test_a_recorded_assignment_changes_the_owner_of_record_whatever_the_status(
    status: AssetStatus,
) -> None:
    asset = asset_in(status)

    asset.change_owner_of_record(RECIPIENT, "transfer-1")

    assert event_names(asset) == ["IpAsset.OwnerOfRecordChanged"]
    assert (asset.owner_party_id, asset.holder_party_id) == (RECIPIENT, HOLDER)
    assert asset.title_transfers == ["transfer-1"]
    assert asset.status is status


def test_the_same_transfer_never_changes_the_owner_twice() -> None:
    asset = asset_in()
    asset.change_owner_of_record(RECIPIENT, "transfer-1")
    asset.change_owner_of_record(HOLDER, "transfer-2")
    asset.collect_events()

    assert not asset.takes_title_from("transfer-1", RECIPIENT)
    with refused(asset, Conflict, "ip_asset.title_transfer_applied"):
        asset.change_owner_of_record(RECIPIENT, "transfer-1")
    assert asset.title_transfers == ["transfer-1", "transfer-2"]


def test_the_owner_of_record_does_not_change_to_itself() -> None:
    asset = asset_in()

    assert not asset.takes_title_from("transfer-1", HOLDER)
    with refused(asset, Conflict, "ip_asset.already_owner"):
        asset.change_owner_of_record(HOLDER, "transfer-1")
