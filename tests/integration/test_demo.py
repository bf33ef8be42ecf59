"""The demo conference loads through the application, and loading it again adds nothing.

The conference is loaded once per store for the package (see conftest.py).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict
from uuid import UUID

import pytest

from dealtrail.application.ports.views import (
    AchievementQuery,
    AgreementQuery,
    IpAssetQuery,
    IpTransferQuery,
    ListingQuery,
    PartyQuery,
    TradingEventQuery,
)
from dealtrail.bootstrap import Services
from dealtrail.demo.achievements import ACHIEVEMENTS
from dealtrail.demo.conference import ROADSHOWS
from dealtrail.demo.core import AGREEMENTS, PARTIES
from dealtrail.demo.deals import LISTINGS
from dealtrail.demo.load import Demo, load_demo
from dealtrail.demo.members import MEMBERS
from dealtrail.domain.achievement import Achievement
from dealtrail.domain.agreement import Agreement
from dealtrail.domain.equity_listing import EquityListing
from dealtrail.domain.ip_asset import IpAsset
from dealtrail.domain.trading_event import EventCounts, TradingEvent
from dealtrail.infrastructure.views.achievements import AchievementsView
from dealtrail.infrastructure.views.agreements import AgreementsView
from dealtrail.infrastructure.views.ip_assets import IpAssetsView
from dealtrail.infrastructure.views.ip_transfers import IpTransfersView
from dealtrail.infrastructure.views.listings import ListingsView
from dealtrail.infrastructure.views.parties import PartiesView
from dealtrail.infrastructure.views.trading_events import TradingEventsView
from tests.integration.loaded_demo import Loaded

ALL = 1000  # a page larger than any list of the demo


@pytest.fixture
def demo(loaded: Loaded) -> Services:
    return loaded.services


@pytest.mark.slow(15)
def test_loading_the_demo_again_adds_nothing(loaded: Loaded) -> None:
    demo, exhibited = loaded
    head = demo.ledger.recorder.max_notification_id()

    steps = load_demo(demo.ledger, conference=True, exhibited=exhibited)

    assert steps == Demo(demo.ledger, True, exhibited).count()
    assert demo.ledger.recorder.max_notification_id() == head


def test_the_conference_counts_what_the_domain_story_tells(loaded: Loaded) -> None:
    demo = loaded.services
    events = demo.read_models.view(TradingEventsView)
    [listed] = events.search(TradingEventQuery(limit=ALL))["items"]
    event = demo.ledger.get(TradingEvent, UUID(listed["id"]))

    expected = EventCounts(
        achievements_exhibited=loaded.exhibited,
        roadshows=9,
        projects_pitched=72,
        international_projects=30,
        international_countries=14,
        agreements_signed=5,
    )
    assert event.counts() == expected
    assert listed["counts"] == asdict(expected)
    assert (event.city, event.country, event.starts_on) == ("Xi'an", "CN", event.ends_on)
    assert sorted(r.theme for r in event.roadshows.values()) == sorted(r.theme for r in ROADSHOWS)
    assert [u.institution for u in event.unveilings.values()] == [
        "International IP Cooperation and Exchange Centre",
        "Service Centre of the Shaanxi Provincial Equity Trading Centre",
    ]
    assert [launch.what for launch in event.launches.values()] == [
        "Online sci-tech achievements supermarket"
    ]
    signed = {demo.ledger.get(Agreement, UUID(a)).terms.title for a in event.agreements_signed}
    assert "International cooperation agreement on technology transfer" in signed


def test_the_supermarket_lists_every_exhibited_achievement_in_its_stage(loaded: Loaded) -> None:
    demo, exhibited = loaded
    listed = demo.read_models.view(AchievementsView).search(AchievementQuery(limit=ALL))["items"]

    assert len(listed) == exhibited
    assert Counter(a["status"] for a in listed) == {
        "listed": exhibited - 8,
        "under_negotiation": 3,
        "transacted": 3,
        "withdrawn": 2,
    }
    assert {a["trl"] for a in listed} == {a.trl for a in ACHIEVEMENTS[:exhibited]}
    assert len({a["field"] for a in listed}) == 9
    assert 0 < sum(a["asking_price"] == "negotiable" for a in listed) < exhibited
    assert {a["owner_country"] for a in listed} >= {"CN", "KZ", "HK", "EG"}
    transacted = [
        demo.ledger.get(Achievement, UUID(a["id"])) for a in listed if a["status"] == "transacted"
    ]
    assert sorted(
        "transfer" if a.transaction and a.transaction.ip_transfer_id else "agreement"
        for a in transacted
    ) == ["agreement", "transfer", "transfer"]


def test_the_agreements_are_in_every_stage(demo: Services) -> None:
    listed = demo.read_models.view(AgreementsView).search(AgreementQuery(limit=ALL))["items"]

    statuses = Counter(a["status"] for a in listed)
    assert statuses == {"effective": 5, "open_for_signature": 1, "draft": 1, "completed": 1}


def test_ip_transfers_show_every_stage_and_a_recorded_assignment_moves_title(
    demo: Services,
) -> None:
    transfers = demo.read_models.view(IpTransfersView).search(IpTransferQuery(limit=ALL))["items"]
    assets = demo.read_models.view(IpAssetsView).search(IpAssetQuery(limit=ALL))["items"]

    assert sorted(t["status"] for t in transfers) == [
        "completed",
        "contract_signed",
        "proposed",
        "recorded",
        "valuated",
    ]
    assert Counter(a["kind"] for a in assets) == {
        "patent": 4,
        "software_copyright": 1,
        "know_how": 1,
    }
    [assignment] = [t for t in transfers if t["mode"] == "assignment"]
    asset = demo.ledger.get(IpAsset, UUID(assignment["asset_id"]))
    name = {
        p["id"]: p["name"]
        for p in demo.read_models.view(PartiesView).search(PartyQuery(limit=ALL))["items"]
    }
    assert name[asset.holder_party_id] == "Xi'an University of Science and Technology Transfer"
    assert name[asset.owner_party_id] == "Weihe Water Technologies Co., Ltd."


def test_equity_listings_are_in_every_stage(demo: Services) -> None:
    listed = demo.read_models.view(ListingsView).search(ListingQuery(limit=ALL))["items"]

    assert sorted(x["status"] for x in listed) == ["applied", "listed", "suspended", "under_review"]
    [trading] = [x for x in listed if x["status"] == "listed"]
    assert trading["funds_raised"] == [{"amount": "20000000.00", "currency": "CNY"}]
    [reviewed] = [x for x in listed if x["status"] == "under_review"]
    under_review = demo.ledger.get(EquityListing, UUID(reviewed["id"]))
    requests = under_review.amendment_requests.values()
    assert [r.is_outstanding for r in requests] == [True]


def test_listed_companies_keep_registers_that_follow_from_their_rounds_and_transfers(
    demo: Services,
) -> None:
    parties = demo.read_models.view(PartiesView).search(PartyQuery(limit=ALL))["items"]
    ids = {p["name"]: p["id"] for p in parties}
    party = {p.key: ids[p.name] for p in PARTIES + MEMBERS}
    expected: dict[str, Counter[str]] = {}
    for listing in LISTINGS:
        if listing.holders:
            shares = Counter({party[key]: n for key, n in listing.holders})
            for _, _, investors, _, _ in listing.rounds:
                shares.update({party[key]: n for key, n in investors})
            for seller, buyer, n, _, _ in listing.transfers:
                shares.subtract({party[seller]: n})
                shares.update({party[buyer]: n})
            expected[party[listing.company]] = +shares

    listed = demo.read_models.view(ListingsView).search(ListingQuery(limit=ALL))["items"]
    registers = {x["company_id"]: x["register"] for x in listed if x["register"]}

    assert {
        c: Counter({h["party_id"]: h["shares"] for h in r["holders"]}) for c, r in registers.items()
    } == expected
    assert {c: r["total_shares"] for c, r in registers.items()} == {
        c: sum(s.values()) for c, s in expected.items()
    }
    assert sorted(r["total_shares"] for r in registers.values()) == [10_000_000, 12_000_000]
    unlisted = [x["register"] for x in listed if x["status"] in ("applied", "under_review")]
    assert unlisted == [None, None]


def test_the_alliances_reach_along_the_belt_and_road(demo: Services) -> None:
    parties = demo.read_models.view(PartiesView)

    assert len(parties.search(PartyQuery(limit=ALL))["items"]) == len(PARTIES + MEMBERS)
    silk_road = PartyQuery(limit=ALL, alliance="Silk Road University Alliance")
    members = parties.search(silk_road)["items"]
    assert {p["country"] for p in members} == {
        "CN", "UZ", "KG", "RU", "PK", "HU", "RS", "KZ", "TJ", "BY", "TH", "MY", "ID", "EG", "HK"
    }  # fmt: skip


def test_the_core_alone_loads_once(services: Services) -> None:
    steps = load_demo(services.ledger)
    head = services.ledger.recorder.max_notification_id()

    assert load_demo(services.ledger) == steps
    assert steps == Demo(services.ledger).count()
    assert services.ledger.recorder.max_notification_id() == head
    listed = services.read_models.view(AgreementsView).search(AgreementQuery(limit=100))["items"]
    assert len(listed) == len(AGREEMENTS)
