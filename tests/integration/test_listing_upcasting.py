"""Listings stored before registers and step dates were kept load into the current shape."""

from __future__ import annotations

import json
from datetime import date

import pytest
from eventsourcing.domain import Snapshot
from eventsourcing.persistence import StoredEvent

from dealtrail.application.commands.listings import (
    CloseFinancingRound,
    RecordRegister,
    SuspendListing,
    TransferShares,
)
from dealtrail.bootstrap import Services
from dealtrail.domain.equity_listing import EquityListing, ListingStatus
from dealtrail.domain.errors import Conflict
from dealtrail.domain.financing_round import Instrument
from dealtrail.domain.money import Money
from tests.integration.listing_builders import LISTED_ON, cast, holders, listed

pytestmark = pytest.mark.usefixtures("staff")

NEW_IN_V2 = ("share_register", "register_as_of", "last_step", "last_step_at")


def test_a_snapshot_stored_before_registers_were_kept_loads_without_one(
    services: Services,
) -> None:
    who = cast(services)
    listing_id = listed(services, who)
    for _ in range(2):  # the test store snapshots every 5 events: this one is at version 6
        bond = CloseFinancingRound(
            listing_id=listing_id,
            instrument=Instrument.BOND,
            amount=Money.of("125000", "USD"),
            investor_ids=[who.angel],
            closed_on=date(2026, 6, 30),
        )
        services.ledger.handle(bond)
    current = services.ledger.get(EquityListing, listing_id)
    assert current.version == 6
    stored = services.ledger.mapper.to_stored_event(Snapshot.take(current))
    data = json.loads(stored.state)
    assert data["state"]["class_version"] == 2
    del data["state"]["class_version"]
    for name in NEW_IN_V2:
        del data["state"][name]
    assert services.ledger.snapshots is not None
    services.ledger.snapshots.recorder.insert_events(
        [StoredEvent(listing_id, current.version, stored.topic, json.dumps(data).encode())]
    )

    loaded = services.ledger.get(EquityListing, listing_id)

    assert (loaded.status, loaded.listed_on, loaded.funds_raised()) == (
        ListingStatus.LISTED,
        LISTED_ON,
        [Money.of("250000", "USD")],
    )
    assert [getattr(loaded, name) for name in NEW_IN_V2] == [None, None, None, None]
    with pytest.raises(Conflict) as error:
        transfer = TransferShares(
            listing_id=listing_id,
            from_party_id=who.fund,
            to_party_id=who.angel,
            shares=1,
            price_per_share=Money.of("1", "CNY"),
            transferred_on=date(2026, 7, 1),
        )
        services.ledger.handle(transfer)
    assert error.value.code == "listing.register_unknown"
    services.ledger.handle(SuspendListing(listing_id=listing_id, reason="Annual report overdue"))
    register = RecordRegister(listing_id=listing_id, holders=holders(who), as_of=date(2026, 7, 1))
    services.ledger.handle(register)
    assert services.ledger.get(EquityListing, listing_id).total_shares() == 10_000_000
