"""The supermarket's search over HTTP: every filter, pagination, and refused queries."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import Api
from .supermarket_steps import ACHIEVEMENTS, create_achievement, ok, refused, register

SILK_ROAD = "Silk Road University Alliance"


def titles(api: Api, query: str = "") -> list[str]:
    return [i["title"] for i in ok(api.get(f"{ACHIEVEMENTS}?{query}"))["items"]]


@pytest.fixture
def supermarket(staff: Api) -> dict[str, Any]:
    xian = register(staff, "Xi'an University")
    tashkent = register(staff, "Tashkent State Technical University", country="UZ")
    laser = create_achievement(staff, xian, title="Laser welding", trl=7)
    create_achievement(
        staff,
        tashkent,
        title="Seed coating",
        field="agriculture",
        trl=3,
        transfer_modes=["assignment"],
        asking_price="negotiable",
    )
    create_achievement(staff, xian, title="Laser cladding", field="new_materials", trl=5)
    ok(staff.post(f"{ACHIEVEMENTS}/{laser['id']}/listing"))
    return {"xian": xian, "tashkent": tashkent}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["Laser welding", "Seed coating", "Laser cladding"]),
        ("q=LASER", ["Laser welding", "Laser cladding"]),
        ("field=agriculture", ["Seed coating"]),
        ("trl_min=5", ["Laser welding", "Laser cladding"]),
        ("trl_min=4&trl_max=6", ["Laser cladding"]),
        ("trl_max=3", ["Seed coating"]),
        ("transfer_mode=assignment", ["Seed coating"]),
        ("transfer_mode=equity_investment", []),
        ("owner_country=uz", ["Seed coating"]),
        ("status=listed", ["Laser welding"]),
        ("status=draft&owner_country=CN", ["Laser cladding"]),
    ],
)
def test_the_supermarket_filters_by_text_field_trl_mode_country_and_status(
    dashboard: Api, supermarket: dict[str, Any], query: str, expected: list[str]
) -> None:
    assert titles(dashboard, query) == expected


def test_the_alliance_filter_follows_the_owners_memberships(
    staff: Api, supermarket: dict[str, Any]
) -> None:
    query = f"alliance={SILK_ROAD}"
    assert titles(staff, query) == []

    joined = staff.post(
        f"/api/v1/parties/{supermarket['tashkent']}/alliances", json={"alliance": SILK_ROAD}
    )
    assert joined.status_code == 200, joined.json

    assert titles(staff, query) == ["Seed coating"]


def test_a_search_item_shows_the_offer_and_its_owner(
    dashboard: Api, supermarket: dict[str, Any]
) -> None:
    seed = ok(dashboard.get(f"{ACHIEVEMENTS}?q=seed"))["items"][0]
    laser = ok(dashboard.get(f"{ACHIEVEMENTS}?q=welding"))["items"][0]

    assert (seed["asking_price"], seed["owner_country"]) == ("negotiable", "UZ")
    assert laser["asking_price"] == {"amount": "3500000.00", "currency": "CNY"}
    assert laser["owner_name"] == "Xi'an University"
    assert laser["transfer_modes"] == ["joint_development", "licence"]
    assert "contact" not in laser


def test_pages_follow_the_cursor(dashboard: Api, supermarket: dict[str, Any]) -> None:
    first = ok(dashboard.get(f"{ACHIEVEMENTS}?limit=2"))
    second = ok(dashboard.get(f"{ACHIEVEMENTS}?limit=2&after={first['next_after']}"))

    assert [i["title"] for i in first["items"] + second["items"]] == titles(dashboard)
    assert second["next_after"] is None


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("trl_min=0", "trl_min"),
        ("trl_max=10", "trl_max"),
        ("field=alchemy", "field"),
        ("transfer_mode=barter", "transfer_mode"),
        ("status=sold", "status"),
        ("owner_country=CHN", "owner_country"),
        ("colour=red", "colour"),
    ],
)
def test_a_bad_filter_is_refused_rather_than_ignored(
    dashboard: Api, query: str, field: str
) -> None:
    refused(dashboard.get(f"{ACHIEVEMENTS}?{query}"), 422, "validation_failed", field)


def test_a_readiness_range_that_ends_before_it_starts_is_refused_at_trl_max(dashboard: Api) -> None:
    response = dashboard.get(f"{ACHIEVEMENTS}?trl_min=7&trl_max=3")
    refused(response, 422, "achievement.trl_range_reversed", "trl_max")
