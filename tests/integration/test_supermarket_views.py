"""The supermarket's search and the trading events list, on real stores."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import pytest
from sqlalchemy import select

from dealtrail.application.commands.achievements import ExhibitAchievement, ListAchievement
from dealtrail.application.commands.parties import JoinAlliance
from dealtrail.application.ports.views import AchievementQuery, TradingEventQuery
from dealtrail.bootstrap import Services
from dealtrail.infrastructure.views.achievements import (
    AchievementsView,
    achievement_modes,
    achievements,
)
from dealtrail.infrastructure.views.trading_events import TradingEventsView, trading_events
from tests.integration.achievement_builders import achievement, conference, register

pytestmark = pytest.mark.usefixtures("staff")

SILK_ROAD = "Silk Road University Alliance"


def titles(services: Services, **filters: Any) -> list[str]:
    found = services.read_models.view(AchievementsView).search(
        AchievementQuery(limit=50, **filters)
    )
    return [item["title"] for item in found["items"]]


@pytest.fixture
def supermarket(services: Services) -> dict[str, str]:
    xian = register(services, "Xi'an University")
    tashkent = register(services, "Tashkent State Technical University", country="UZ")
    laser = achievement(services, xian, title="Laser welding", trl=7)
    achievement(
        services,
        tashkent,
        title="Seed coating",
        field="agriculture",
        trl=3,
        transfer_modes=("assignment", "equity_investment"),
        asking_price=None,
    )
    achievement(services, xian, title="Laser cladding", field="new_materials", trl=5)
    services.ledger.handle(ListAchievement(achievement_id=laser))
    return {"xian": xian, "tashkent": tashkent}


def test_the_supermarket_is_searched_by_every_filter(
    services: Services, supermarket: dict[str, str]
) -> None:
    assert titles(services) == ["Laser welding", "Seed coating", "Laser cladding"]
    assert titles(services, q="laser") == ["Laser welding", "Laser cladding"]
    assert titles(services, field="agriculture") == ["Seed coating"]
    assert titles(services, trl_min=5) == ["Laser welding", "Laser cladding"]
    assert titles(services, trl_min=4, trl_max=6) == ["Laser cladding"]
    assert titles(services, transfer_mode="equity_investment") == ["Seed coating"]
    assert titles(services, owner_country="uz") == ["Seed coating"]
    assert titles(services, status="listed") == ["Laser welding"]
    assert titles(services, q="laser", trl_max=5, owner_country="CN") == ["Laser cladding"]


def test_an_owner_joining_an_alliance_later_brings_its_achievements_into_that_alliance(
    services: Services, supermarket: dict[str, str]
) -> None:
    assert titles(services, alliance=SILK_ROAD) == []

    services.ledger.handle(JoinAlliance(party_id=UUID(supermarket["tashkent"]), alliance=SILK_ROAD))

    assert titles(services, alliance=SILK_ROAD) == ["Seed coating"]


def test_a_search_item_carries_the_offer_and_the_owner_but_no_personal_data(
    services: Services, supermarket: dict[str, str]
) -> None:
    seed = AchievementQuery(limit=50, q="seed")
    item = services.read_models.view(AchievementsView).search(seed)["items"][0]

    assert item["asking_price"] == "negotiable"
    assert item["transfer_modes"] == ["assignment", "equity_investment"]
    assert (item["owner_name"], item["owner_country"]) == (
        "Tashkent State Technical University",
        "UZ",
    )
    assert "contact" not in item


def test_search_pages_follow_the_cursor(services: Services, supermarket: dict[str, str]) -> None:
    view = services.read_models.view(AchievementsView)
    first = view.search(AchievementQuery(limit=2))
    second = view.search(AchievementQuery(limit=2, after=first["next_after"]))

    assert [i["title"] for i in first["items"] + second["items"]] == titles(services)
    assert second["next_after"] is None


def test_trading_events_are_listed_with_their_counts(services: Services) -> None:
    host = register(services, "Xi'an University")
    event_id = conference(services, host)
    exhibit = ExhibitAchievement(achievement_id=achievement(services, host), event_id=str(event_id))
    services.ledger.handle(exhibit)

    listed = services.read_models.view(TradingEventsView).search(
        TradingEventQuery(limit=10, country="cn")
    )["items"]

    assert [(i["id"], i["counts"]["achievements_exhibited"]) for i in listed] == [
        (str(event_id), 1)
    ]
    expo = TradingEventQuery(limit=10, q="expo")
    assert services.read_models.view(TradingEventsView).search(expo)["items"] == []


def test_a_rebuilt_catalogue_equals_the_incrementally_built_one(
    services: Services, supermarket: dict[str, str]
) -> None:
    event_id = conference(services, supermarket["xian"])
    exhibited = achievement(services, supermarket["xian"])
    services.ledger.handle(ExhibitAchievement(achievement_id=exhibited, event_id=str(event_id)))
    services.read_models.catch_up()
    tables = (achievements, achievement_modes, trading_events)

    def rows() -> list[list[dict[str, Any]]]:
        with services.read_models.engine.connect() as conn:
            return [
                [dict(r) for r in conn.execute(select(t).order_by(*t.primary_key)).mappings()]
                for t in tables
            ]

    before = rows()
    services.read_models.rebuild()

    assert rows() == before
