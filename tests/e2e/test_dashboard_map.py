"""The dashboard's map module in headless Chromium, on a bare page under the dashboard's Content
Security Policy: the demo conference's 14 countries and regions on the map and in its table, Hong
Kong SAR (too small for a 110 m map) in the table only, a country chosen from the map or the table,
no sideways scroll at 420 px, nothing axe ranks serious, and the table left standing when the map
cannot be drawn."""

from __future__ import annotations

from typing import Any

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

from tests.e2e.accessibility import serious_violations
from tests.e2e.dashboard_page import ARTIFACTS, needs_chromium, severe_errors, wait
from tests.e2e.map_page import (
    LABELS,
    NAMES,
    TOPOLOGY,
    chart_items,
    legend,
    map_site,
    show_map,
    table_rows,
)

pytestmark = needs_chromium

GREY = "#e2e8f0"
# The demo conference's countries and regions, as /reports/countries answers for it.
PROJECTS = {"ID": 3, "KZ": 3, "RU": 3, "BY": 2, "EG": 2, "HK": 2, "HU": 2, "KG": 2, "PK": 2}
PROJECTS |= {"RS": 2, "TH": 2, "TJ": 2, "UZ": 2, "MY": 1}
PARTIES = {"KZ": 1, "RU": 1, "HK": 1}
ROWS = [
    {"country": c, "international_projects": n, "partner_parties": PARTIES.get(c, 0)}
    for c, n in PROJECTS.items()
]


def open_map(driver: Any, site: str) -> None:
    driver.get(f"{site}/map")
    wait(driver, lambda d: d.execute_script("return Boolean(window.DealtrailMap)"))


def coloured(driver: Any) -> dict[str, int]:
    """The countries filled with a colour other than grey, with their values."""
    items = chart_items(driver) or []
    for item in items:
        assert (item["colour"] == GREY) == (item["value"] is None), item
    return {item["country"]: item["value"] for item in items if item["value"] is not None}


@pytest.mark.slow(10)
def test_the_map_colours_every_country_with_projects_and_the_table_lists_them_all(
    browser: Any,
) -> None:
    with map_site() as site:
        open_map(browser, site)
        show_map(browser, ROWS, "international_projects")
        wait(browser, lambda d: chart_items(d) is not None)

        assert coloured(browser) == {c: n for c, n in PROJECTS.items() if c != "HK"}
        assert legend(browser) == {"shown": True, "title": "International projects"}
        rows = table_rows(browser)
        assert [r[0] for r in rows] == [r["country"] for r in ROWS]
        assert rows[0] == ["ID", "Indonesia", "3", "0"]
        assert rows[5] == ["HK", "Hong Kong (too small for the map)", "2", "1"]
        assert all(len(r[1].split("(")) == 1 for r in rows if r[0] != "HK")
        canvas = browser.find_element(By.CSS_SELECTOR, "#map canvas")
        assert canvas.get_attribute("role") == "img"
        assert canvas.get_attribute("aria-label").startswith(
            "International projects by country or region: Indonesia 3, Kazakhstan 3, Russian"
        )
        headers = browser.find_elements(By.CSS_SELECTOR, "#map table.countries th")
        assert [h.get_attribute("textContent") for h in headers] == [
            "Country or region",
            "International projects",
            "Partner parties",
        ]
        assert set(browser.execute_script("return [...asked]")) <= set(LABELS)

        browser.execute_script("map.update(arguments[0], 'partner_parties')", ROWS)
        assert coloured(browser) == {"KZ": 1, "RU": 1}
        assert legend(browser) == {"shown": True, "title": "Partner parties"}
        assert (
            "Partner parties by country or region: Kazakhstan 1, Russian"
            in canvas.get_attribute("aria-label")
        )

        fetched = browser.execute_script(
            "return performance.getEntriesByType('resource').map((e) => e.name)"
        )
        assert [f for f in fetched if not f.endswith((".js", ".css"))] == [f"{site}{TOPOLOGY}"]
        assert all(f.startswith(f"{site}/dashboard/static/") for f in fetched), fetched
        assert serious_violations(browser) == []
        assert severe_errors(browser) == []
        ARTIFACTS.mkdir(exist_ok=True)
        browser.save_screenshot(str(ARTIFACTS / "dashboard-map-1440.png"))


@pytest.mark.slow(10)
def test_a_country_chosen_on_the_map_or_in_the_table_is_handed_to_the_page(
    browser: Any,
) -> None:
    with map_site() as site:
        open_map(browser, site)
        show_map(browser, ROWS, "international_projects")
        wait(browser, lambda d: chart_items(d) is not None)

        kazakhstan = next(i for i in chart_items(browser) or [] if i["country"] == "KZ")
        canvas = browser.find_element(By.CSS_SELECTOR, "#map canvas")
        x, y = kazakhstan["centre"]["x"], kazakhstan["centre"]["y"]
        ActionChains(browser).move_to_element_with_offset(
            canvas, round(x - canvas.size["width"] / 2), round(y - canvas.size["height"] / 2)
        ).click().perform()
        wait(browser, lambda d: d.execute_script("return selected") == ["KZ"])

        button = browser.find_element(By.CSS_SELECTOR, "#map tr[data-country=HK] button")
        button.click()
        button.send_keys(" ")
        wait(browser, lambda d: d.execute_script("return selected") == ["KZ", "HK", "HK"])
        assert severe_errors(browser) == []


@pytest.mark.slow(10)
def test_the_map_and_its_table_fit_a_420_px_screen(browser: Any) -> None:
    with map_site() as site:
        browser.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": 420, "height": 900, "deviceScaleFactor": 1, "mobile": True},
        )
        open_map(browser, site)
        show_map(browser, ROWS, "international_projects")
        wait(browser, lambda d: chart_items(d) is not None)

        sizes = browser.execute_script(
            """const canvas = document.querySelector('#map canvas');
            const table = document.querySelector('#map .map-table');
            return {page: document.documentElement.scrollWidth, view: innerWidth,
                    canvas: canvas.getBoundingClientRect().right, tableTop: table.offsetTop,
                    mapBottom: canvas.getBoundingClientRect().bottom + scrollY,
                    table: table.scrollWidth - table.clientWidth};"""
        )
        assert sizes["page"] <= sizes["view"] == 420, sizes
        assert sizes["canvas"] <= 420 and sizes["table"] == 0, sizes
        assert sizes["tableTop"] >= sizes["mapBottom"] - 1, sizes  # below the map, not beside
        assert serious_violations(browser) == []
        assert severe_errors(browser) == []
        ARTIFACTS.mkdir(exist_ok=True)
        browser.save_screenshot(str(ARTIFACTS / "dashboard-map-420.png"))


@pytest.mark.slow(10)
def test_a_map_follows_the_window_narrower_and_wider_again(browser: Any) -> None:
    width = "return document.querySelector('#map canvas').getBoundingClientRect().width"
    with map_site() as site:
        open_map(browser, site)
        show_map(browser, ROWS, "international_projects")
        wait(browser, lambda d: chart_items(d) is not None)
        wide = browser.execute_script(width)

        browser.set_window_size(420, 1000)
        wait(browser, lambda d: d.execute_script(width) < 420, seconds=5)
        box = browser.execute_script(
            "const r = document.querySelector('#map .map-canvas').getBoundingClientRect();"
            "return [r.width, r.height]"
        )
        assert abs(box[1] - box[0] / 2) <= 1, box  # 2:1 narrow too, no band of blank below
        browser.set_window_size(1440, 1000)

        wait(browser, lambda d: d.execute_script(width) == wide, seconds=5)
        assert severe_errors(browser) == []


@pytest.mark.slow(10)
def test_without_its_topology_the_map_says_so_and_the_table_still_lists_every_country(
    browser: Any,
) -> None:
    with map_site() as site:
        open_map(browser, site)
        show_map(browser, ROWS, "international_projects", topology="/dashboard/static/none.json")
        message = browser.find_element(By.CSS_SELECTOR, "#map .map-message")
        wait(browser, lambda d: message.is_displayed())

        assert message.text == LABELS["ui.map_failed"]
        assert not browser.find_element(By.CSS_SELECTOR, "#map canvas").is_displayed()
        assert chart_items(browser) is None
        assert [r[:2] for r in table_rows(browser)] == [
            [r["country"], NAMES[r["country"]]] for r in ROWS
        ]
        errors = severe_errors(browser)
        assert [e["message"].split(" - ")[0] for e in errors] == [
            f"{site}/dashboard/static/none.json"
        ]
        assert serious_violations(browser) == []


@pytest.mark.slow(10)
def test_an_event_with_no_countries_shows_a_grey_map_and_says_there_are_none(
    browser: Any,
) -> None:
    with map_site() as site:
        open_map(browser, site)
        show_map(browser, [], "international_projects")
        wait(browser, lambda d: chart_items(d) is not None)

        assert coloured(browser) == {}
        assert legend(browser)["shown"] is False  # no 0-1 scale for nothing
        assert table_rows(browser) == []
        empty = browser.find_element(By.CSS_SELECTOR, "#map table.countries tbody tr.none")
        assert empty.text == LABELS["ui.map_no_countries"]
        canvas = browser.find_element(By.CSS_SELECTOR, "#map canvas")
        assert canvas.get_attribute("aria-label") == (
            "International projects by country or region: none"
        )
        assert severe_errors(browser) == []
