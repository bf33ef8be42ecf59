"""The unique keys records declare, and the claims that hold them."""

from __future__ import annotations

from datetime import date
from uuid import uuid4

import pytest

from dealtrail.domain.claim import Claim
from dealtrail.domain.equity_listing import ListingStatus
from dealtrail.domain.errors import Taken

from .ip_builders import asset_in
from .listing_builders import CENTRE, HOLDERS, LISTED_ON, listing_in

pytestmark = pytest.mark.usefixtures("staff")


def test_a_listing_holds_its_normalised_code_at_its_centre_once_listed() -> None:
    listing = listing_in(ListingStatus.APPROVED)
    assert listing.unique_keys() == []

    listing.admit(" sxkc0008 ", LISTED_ON, HOLDERS)

    (key,) = listing.unique_keys()
    assert key.key == f"listing-code:{CENTRE}:SXKC0008"
    assert (key.code, key.field) == ("listing.code_taken", "listing_code")


def test_an_asset_holds_each_number_at_its_office_and_kind() -> None:
    asset = asset_in(
        identifiers=[("application", "CN 2020 1056 6088.9"), ("publication", "CN 112345678 A")]
    )

    assert [(k.key, k.field) for k in asset.unique_keys()] == [
        ("ip-number:CN:application:CN202010566088.9", "identifiers.0.number"),
        ("ip-number:CN:publication:CN112345678A", "identifiers.1.number"),
    ]


def test_a_number_added_at_grant_is_held_from_then_on_and_named_as_the_grant_number() -> None:
    asset = asset_in()

    asset.record_grant(date(2021, 6, 1), "ZL 2020 1056 6088.9")

    assert asset.unique_keys()[-1].key == "ip-number:CN:grant:ZL202010566088.9"
    assert asset.unique_keys()[-1].field == "grant_number"


def test_a_second_holder_is_refused_naming_the_first() -> None:
    holder = uuid4()
    (key,) = asset_in().unique_keys()

    error = key.refusal(holder)

    assert isinstance(error, Taken)
    assert (error.code, error.field, error.existing_id) == (
        "ip_asset.already_registered",
        "identifiers.0.number",
        str(holder),
    )
    assert str(holder) in error.message and "CN202010566088.9" in error.message


def test_a_claims_id_derives_from_its_key_alone() -> None:
    first, second = uuid4(), uuid4()
    claim = Claim.of("listing-code:centre:SXKC0008", first)

    assert claim.id == Claim.id_for("listing-code:centre:SXKC0008")
    assert Claim.of("listing-code:centre:SXKC0008", second).id == claim.id
    assert Claim.id_for("listing-code:other-centre:SXKC0008") != claim.id
    assert claim.holder_id == str(first)
    assert claim.collect_events()[0].meta["actor"] == "staff:test"
