"""The demo conference on the dashboard, on each store, served by `dealtrail serve`, read in
headless Chromium with a dashboard token, in English and in Simplified Chinese, 1440 and 420 px
wide. The tiles equal the report API (and the figures the demo's definitions make), every table
equals its report in words from the page's catalogue, no code shows as snake_case, nothing
scrolls sideways on a phone, axe-core finds nothing serious, and screenshots go to
tests/e2e/artifacts/dashboard-<store>-<lang>-<width>.png.

On SQLite the whole demo is loaded with `dealtrail demo load` from an empty store, as a user would
(the command's one full run in the suite). On PostgreSQL the store is a copy of the demo the run
loaded once for the integration tests (tests/demo_templates.py: every record the rest of the demo
refers to, the fewest achievements): loading it again here took 40-60 s, a sixth of CI."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import suppress
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from dealtrail.demo.achievements import EXHIBITED, FEWEST
from dealtrail.infrastructure.settings import Settings
from tests.demo_templates import copy_postgres_demo, drop_database
from tests.e2e import demo_figures
from tests.e2e.accessibility import serious_violations
from tests.e2e.dashboard_page import (
    NARROW,
    WIDE,
    catalogue,
    check_against_api,
    countries,
    needs_chromium,
    ready,
    save_screenshot,
    severe_errors,
    sideways,
    sign_in,
    snake_case,
    tiles,
    wait,
)
from tests.e2e.serving import Client, create_token, run_dealtrail, serving

pytestmark = needs_chromium

LOADS_WITHIN = 300.0  # seconds; ~7 s here
LANGUAGES = ("en", "zh-Hans")


def _per_currency(amounts: dict[str, Decimal]) -> str:
    return "\n".join(f"{c} {a:,}" for c, a in sorted(amounts.items()) if a)


def _expected_tiles(bodies: dict[str, dict[str, Any]]) -> dict[str, str]:
    """The tiles, worked out from the reports the page reads (the latest event first)."""
    event = bodies["trading-events"]["rows"][0]
    signed: dict[str, Decimal] = {}
    for row in bodies["deal-value"]["rows"]:  # the year the page opens on
        signed[row["currency"]] = signed.get(row["currency"], Decimal(0)) + Decimal(row["value"])
    owed = {t["currency"]: Decimal(t["outstanding"]) for t in bodies["receivables"]["totals"]}
    counts = {k: str(v) for k, v in event.items() if k in demo_figures.event_counts()}
    return counts | {
        "deal_value": _per_currency(signed),
        "receivables_outstanding": _per_currency(owed),
        "overdue_milestones": str(len(bodies["overdue-milestones"]["rows"])),
    }


def _page_in(lang: str) -> Any:
    """Whether the browser shows the page in `lang` (the one the switch asked for)."""
    return lambda driver: driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == lang


def _sideways_once_resized(browser: Any) -> list[str]:
    """What still scrolls sideways once the charts have followed the window (Chart.js resizes
    on its ResizeObserver's next call), within a few seconds."""
    last: list[list[str]] = []

    def settled(driver: Any) -> bool:
        last[:] = [sideways(driver)]
        return last[0] == []

    with suppress(TimeoutException):
        wait(browser, settled, seconds=5)
    return last[0]


def _check_funds_drill(browser: Any, api: Client) -> None:
    """A board's funds raised drill down to the listings with funds in that currency: the list
    of the board's listings, filtered in the page, since the list cannot filter by funds."""
    funds = api.call("GET", "/reports/funds-raised").body["rows"][0]
    on_board = api.call("GET", f"/listings?board={funds['board']}&limit=100").body["items"]
    assert len(on_board) > funds["listings"]  # the board also lists listings with no funds
    row = browser.find_element(By.CSS_SELECTOR, "#report-funds-raised tbody tr.drills")
    browser.execute_script("arguments[0].click()", row)
    records = "#drilldown .records li"
    wait(
        browser,
        lambda d: (
            d.find_elements(By.CSS_SELECTOR, records)
            and not d.find_element(By.CSS_SELECTOR, "#drilldown .status").text
        ),
    )
    assert len(browser.find_elements(By.CSS_SELECTOR, records)) == funds["listings"]
    browser.find_element(By.ID, "drilldown-close").click()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def demo(
    request: pytest.FixtureRequest, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Settings, int]]:
    """A store holding the demo conference, and how many achievements it exhibits."""
    if request.param == "sqlite":
        settings = Settings(data_dir=tmp_path / "data")
        run_dealtrail(settings, "demo", "load", timeout=LOADS_WITHIN)
        yield settings, EXHIBITED
        return
    url = request.getfixturevalue("postgres_url")
    settings = copy_postgres_demo(tmp_path_factory, url, FEWEST, tmp_path / "data")
    try:
        yield settings, FEWEST
    finally:
        drop_database(url, settings.postgres.dbname)


@pytest.mark.slow(45)
def test_the_demo_conference_shows_on_the_dashboard_in_words_in_both_languages_on_any_screen(
    demo: tuple[Settings, int], browser: Any
) -> None:
    settings, exhibited = demo
    store = "postgres" if settings.database_url else "sqlite"
    token = create_token(settings, "dashboard", "Wall screen")
    with serving(settings, workers=2) as server:
        site = server.base.removesuffix("/api/v1")
        api = Client(server.base, token)
        sign_in(browser, site, token)
        for lang in LANGUAGES:
            browser.set_window_size(WIDE, 1000)
            switch = Select(browser.find_element(By.ID, "language"))
            switch.select_by_value(lang)  # a new page in that language; the tab keeps the token
            wait(browser, _page_in(lang))
            ready(browser)
            assert catalogue(browser)["lang"] == lang
            bodies = check_against_api(browser, api)
            shown = tiles(browser)
            assert shown == _expected_tiles(bodies), lang
            assert {k: shown[k] for k in demo_figures.event_counts()} == {
                k: str(v) for k, v in demo_figures.event_counts(exhibited).items()
            }
            assert snake_case(browser) == [], lang
            places = [r["country"] for r in api.call("GET", "/reports/countries").body["rows"]]
            assert len(places) == int(shown["international_countries"]) == 14
            assert countries(browser) == places  # Hong Kong SAR too: in the table, if not the map
            _check_funds_drill(browser, api)
            save_screenshot(browser, f"dashboard-{store}-{lang}-{WIDE}.png", WIDE)
            browser.set_window_size(NARROW, 1000)
            assert _sideways_once_resized(browser) == [], lang  # every table open now
            assert serious_violations(browser) == [], lang
            save_screenshot(browser, f"dashboard-{store}-{lang}-{NARROW}.png", NARROW)
        errors = severe_errors(browser)  # asked while the server runs

    assert errors == []
