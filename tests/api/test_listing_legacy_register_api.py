"""A listing recorded before registers were kept (its `Listed` event stored without a register,
as version 1): it loads with no register, refuses share transfers until staff record the register,
and then keeps it like any other."""

from __future__ import annotations

import json
from uuid import UUID

from eventsourcing.persistence import StoredEvent

from dealtrail.bootstrap import Services

from .conftest import Api
from .listing_steps import Listing, ok, refused

REGISTER = "shareholder-register"


def listed_before_registers(api: Api, services: Services) -> Listing:
    """A listing approved and then listed as the code before registers stored it."""
    template = Listing(api, company="Template Robotics")
    template.listed()
    [stored] = services.ledger.recorder.select_events(UUID(template.id), gt=3, lte=4)
    state = json.loads(stored.state)
    assert state.pop("class_version") == 2
    del state["register"]

    listing = Listing(api)
    listing.approved()
    v1 = StoredEvent(UUID(listing.id), 4, stored.topic, json.dumps(state).encode())
    services.ledger.recorder.insert_events([v1])
    return listing


def test_an_old_listing_loads_without_a_register_and_refuses_transfers(
    staff: Api, services: Services
) -> None:
    listing = listed_before_registers(staff, services)

    loaded = ok(staff.get(listing.url))
    assert (loaded["status"], loaded["listed_on"], loaded["register"]) == (
        "listed",
        "2026-03-02",
        None,
    )
    refused(listing.transfer(), 409, "listing.register_unknown")
    assert ok(staff.get(listing.url))["version"] == 4


def test_rounds_are_still_recorded_on_an_old_listing(staff: Api, services: Services) -> None:
    listing = listed_before_registers(staff, services)

    raised = ok(listing.round())

    assert (raised["rounds"], raised["register"]) == (1, None)


def test_staff_record_the_register_of_an_old_listing_and_transfers_follow(
    staff: Api, services: Services
) -> None:
    listing = listed_before_registers(staff, services)
    ok(listing.round(closed_on="2026-06-30"))
    holders = listing.holders()

    refused(
        listing.post(REGISTER, {"holders": holders, "as_of": "2026-06-29"}),
        422,
        "listing.register_before_trading",
        "as_of",
    )
    refused(
        listing.post(REGISTER, {"holders": holders, "as_of": "2026-03-01"}),
        422,
        "listing.dated_before_listing",
        "as_of",
    )
    refused(
        listing.post(REGISTER, {"holders": [], "as_of": "2026-07-01"}),
        422,
        "listing.register_empty",
        "holders",
    )
    recorded = ok(listing.post(REGISTER, {"holders": holders, "as_of": "2026-07-01"}))

    assert recorded["register"] == {
        "holders": holders,
        "total_shares": 10_000_000,
        "as_of": "2026-07-01",
    }
    refused(
        listing.transfer(transferred_on="2026-06-30"),
        422,
        "listing.dated_before_register",
        "transferred_on",
    )
    moved = ok(listing.transfer(transferred_on="2026-07-01"))
    assert moved["register"]["holders"][-1] == {"party_id": listing.angel, "shares": 10_000}
    refused(
        listing.post(REGISTER, {"holders": holders, "as_of": "2026-07-02"}),
        409,
        "listing.register_kept",
    )


def test_a_listing_that_records_its_register_at_listing_needs_no_other(staff: Api) -> None:
    listing = Listing(staff)
    listing.listed()

    response = listing.post(REGISTER, {"holders": listing.holders(), "as_of": "2026-07-01"})

    refused(response, 409, "listing.register_kept")
    assert "2026-03-02" in response.json["detail"]
