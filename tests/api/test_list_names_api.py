"""The lists of IP transfers, listings and agreements name what each item is about (issue #19):
the asset's title and the parties' names, which the dashboard role cannot read record by record.
Names are read with the page, in a number of statements that does not grow with the page, and a
forgotten person's name is gone from them as from the achievements' `owner_name`."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event

from dealtrail.bootstrap import Services

from .conftest import Api, draft_agreement, register_party
from .ip_steps import TRANSFERS, Deal, ok, propose, register_asset
from .listing_steps import LISTINGS, Listing

PERSON = "Thessaly Vornquist-Abernathy"
PARTIES = "/api/v1/parties"
ERASURES = "/api/v1/privacy/erasures"
AGREEMENTS = "/api/v1/agreements"


def _inventor(staff: Api) -> str:
    body = {"name": PERSON, "kind": "individual", "country": "CN"}
    response = staff.post(PARTIES, json=body)
    assert response.status_code == 201, response.json
    return response.json["id"]


def _forget(admin: Api) -> None:
    erased = admin.post(ERASURES, json={"name": PERSON, "reason": "GDPR art. 17 request"})
    assert erased.status_code == 201, erased.json


@contextmanager
def _statements(services: Services) -> Iterator[list[str]]:
    """The statements the read models' engine runs meanwhile."""
    ran: list[str] = []

    def record(*args: Any) -> None:
        ran.append(args[2])

    engine = services.read_models.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        yield ran
    finally:
        event.remove(engine, "before_cursor_execute", record)


def _same_statements_for_one_item_as_for_three(services: Services, api: Api, url: str) -> None:
    with _statements(services) as one:
        assert len(ok(api.get(f"{url}?limit=1"))["items"]) == 1
    with _statements(services) as three:
        assert len(ok(api.get(f"{url}?limit=3"))["items"]) == 3
    assert one and len(three) == len(one), three


def test_transfers_are_listed_with_the_assets_title_and_the_parties_names(
    staff: Api, dashboard: Api, services: Services
) -> None:
    deals = [Deal(staff), Deal(staff, mode="non_exclusive_licence"), Deal(staff)]

    [first, *_] = ok(dashboard.get(TRANSFERS))["items"]
    assert (first["id"], first["asset_title"]) == (
        deals[0].id,
        "Graphene membrane for seawater desalination",
    )
    assert (first["holder_name"], first["recipient_name"]) == (
        "Xi'an Jiaotong University",
        "Qinling Photonics Co., Ltd.",
    )
    _same_statements_for_one_item_as_for_three(services, dashboard, TRANSFERS)


def test_a_forgotten_persons_name_is_erased_from_the_transfers_list(
    staff: Api, dashboard: Api, admin: Api
) -> None:
    university = register_party(staff)
    asset = register_asset(staff, university)["id"]
    person = _inventor(staff)
    response = propose(staff, asset, university, person, mode="non_exclusive_licence")
    assert response.status_code == 201, response.json
    [named] = ok(dashboard.get(TRANSFERS))["items"]
    assert named["recipient_name"] == PERSON

    _forget(admin)

    [erased] = ok(dashboard.get(TRANSFERS))["items"]
    assert (erased["holder_name"], erased["recipient_name"]) == (
        "Xi'an Jiaotong University",
        "[erased]",
    )
    assert PERSON not in str(erased)


def test_listings_are_listed_with_the_companys_and_the_centres_names(
    staff: Api, dashboard: Api, services: Services
) -> None:
    Listing(staff)
    Listing(staff, "Hantang Biotech")
    Listing(staff, "Weiyang Materials", board="growth")

    items = ok(dashboard.get(LISTINGS))["items"]
    assert [(i["company_name"], i["centre_name"]) for i in items] == [
        ("Qinchuan Robotics", "Shaanxi Equity Trading Centre"),
        ("Hantang Biotech", "Shaanxi Equity Trading Centre"),
        ("Weiyang Materials", "Shaanxi Equity Trading Centre"),
    ]
    _same_statements_for_one_item_as_for_three(services, dashboard, LISTINGS)


def test_agreements_are_listed_with_their_parties_names_in_the_order_of_their_ids(
    staff: Api, dashboard: Api, admin: Api, services: Services
) -> None:
    university = register_party(staff)
    academy = register_party(staff, "National Academy of Sciences", "KZ")
    person = _inventor(staff)
    draft_agreement(staff, [university, academy])
    draft_agreement(staff, [university, person], title="Inventor's licence")
    draft_agreement(staff, [academy, person], title="Inventor's second licence")
    names = {university: "Xi'an Jiaotong University", academy: "National Academy of Sciences"}

    items = ok(dashboard.get(AGREEMENTS))["items"]
    assert [i["party_names"] for i in items] == [
        [(names | {person: PERSON})[p] for p in i["party_ids"]] for i in items
    ]
    _same_statements_for_one_item_as_for_three(services, dashboard, AGREEMENTS)

    _forget(admin)

    items = ok(dashboard.get(AGREEMENTS))["items"]
    assert [i["party_names"] for i in items] == [
        [(names | {person: "[erased]"})[p] for p in i["party_ids"]] for i in items
    ]
