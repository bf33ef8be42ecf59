"""The dashboard in headless Chromium against a real `dealtrail serve`: sign in with a dashboard
token on an empty store, see the deals staff record arrive without pressing Refresh, check every
table against the API, drill down from a pipeline row, from deal-value bars (one month, one
currency) and from a map country to exactly the records behind them, follow one more deal
live; a token refused signs the page out with the reason."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from dealtrail.infrastructure.settings import Settings
from tests.e2e import dashboard_data
from tests.e2e.dashboard_page import (
    catalogue,
    check_against_api,
    needs_chromium,
    save_screenshot,
    severe_errors,
    sign_in,
    tables,
    tiles,
    wait,
)
from tests.e2e.serving import Client, create_token, serving

pytestmark = needs_chromium

TOKEN_KEY = "dealtrail.dashboard.token"
LIVE_WITHIN = 15  # seconds: the page asks every 2 s whether the report views moved on


def _drilled(driver: Any) -> list[str]:
    """The records the drill-down panel lists, by their first line (name or title)."""
    return [e.text for e in driver.find_elements(By.CSS_SELECTOR, "#drilldown .records strong")]


def _position(driver: Any) -> int:
    """The log position of the figures the page shows."""
    return int(driver.find_element(By.TAG_NAME, "body").get_attribute("data-position") or -1)


def _click_first_bar(driver: Any, selector: str) -> None:
    """Clicks the middle of the first bar of the chart on the canvas at `selector`."""
    canvas = driver.find_element(By.CSS_SELECTOR, selector)
    dx, dy = driver.execute_script(
        """const canvas = arguments[0];
        canvas.scrollIntoView({block: 'center'});
        const bar = Chart.getChart(canvas).getDatasetMeta(0).data[0];
        const box = canvas.getBoundingClientRect();
        return [(bar.x + bar.base) / 2 - box.width / 2, bar.y - box.height / 2];""",
        canvas,
    )
    ActionChains(driver).move_to_element_with_offset(canvas, int(dx), int(dy)).click().perform()


@pytest.mark.slow(30)
def test_the_dashboard_shows_the_reports_lets_one_drill_down_and_follows_new_deals_live(
    browser: Any, tmp_path: Path
) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    staff_token = create_token(settings, "staff", "Li Na")
    token = create_token(settings, "dashboard", "Wall screen")
    with serving(settings, workers=2) as server:
        site = server.base.removesuffix("/api/v1")
        api = Client(server.base, token)
        sign_in(browser, site, token)  # on an empty store
        assert tiles(browser)["achievements_exhibited"] == "0"
        assert severe_errors(browser) == []

        ids = dashboard_data.record(Client(server.base, staff_token))
        reached = api.call("GET", "/reports/position").body["position"]
        wait(browser, lambda d: _position(d) == reached, seconds=LIVE_WITHIN)

        assert browser.current_url == f"{site}/dashboard"
        assert (
            browser.execute_script("return sessionStorage.getItem(arguments[0])", TOKEN_KEY)
            == token
        )
        check_against_api(browser, api)
        shown = tables(browser)
        assert shown["deal-value"]["rows"][0][:2] == ["2026-09", "CNY"]
        assert len(shown["overdue-milestones"]["rows"]) == 1
        event = Select(browser.find_element(By.ID, "filter-event")).first_selected_option
        assert event.text.startswith("Hard Sci-Tech Trading Conference · Xi'an (")  # its city

        both = "CNY 1,630,000.50\nUSD 45,000.00"
        assert tiles(browser)["deal_value"] == both
        Select(browser.find_element(By.ID, "filter-currency")).select_by_value("USD")
        wait(browser, lambda d: tiles(d)["deal_value"] == "USD 45,000.00")
        assert [r[:2] for r in tables(browser)["deal-value"]["rows"]] == [["2026-10", "USD"]]
        Select(browser.find_element(By.ID, "filter-currency")).select_by_value("")
        wait(browser, lambda d: tiles(d)["deal_value"] == both)

        drafts = ["Agreement", "Cooperation", "Draft"]
        row = next(
            tr
            for tr in browser.find_elements(By.CSS_SELECTOR, "#report-pipeline tbody tr")
            if [td.get_attribute("textContent") for td in tr.find_elements(By.TAG_NAME, "td")][:3]
            == drafts
        )
        browser.execute_script("arguments[0].closest('details').open = true", row)
        row.send_keys(Keys.ENTER)
        listed = api.call("GET", "/agreements?status=draft&kind=cooperation").body["items"]
        wait(browser, lambda d: _drilled(d) == [a["title"] for a in listed])
        assert browser.switch_to.active_element.get_attribute("id") == "drilldown-title"
        for _ in range(3):  # the panel is modal: Tab goes round its controls
            browser.switch_to.active_element.send_keys(Keys.TAB)
            assert browser.switch_to.active_element.get_attribute("id") == "drilldown-close"
        browser.switch_to.active_element.send_keys(Keys.ESCAPE)
        assert not browser.find_element(By.ID, "drilldown").is_displayed()

        _click_first_bar(browser, "#report-deal-value canvas")
        september = "/agreements?effective_from=2026-09-01&effective_to=2026-09-30"
        signed = [a["title"] for a in api.call("GET", september).body["items"]]
        assert signed == ["Laser welding licence"]
        wait(browser, lambda d: _drilled(d) == signed)
        browser.find_element(By.ID, "drilldown-close").click()

        Select(browser.find_element(By.ID, "filter-currency")).select_by_value("USD")
        wait(browser, lambda d: tiles(d)["deal_value"] == "USD 45,000.00")
        _click_first_bar(browser, "#report-deal-value canvas")  # October, USD
        october = "/agreements?effective_from=2026-10-01&effective_to=2026-10-31"
        whole_month = api.call("GET", october).body["items"]
        currencies = {a["value"] and a["value"]["currency"] for a in whole_month}
        assert currencies == {"CNY", "USD", None}  # other currencies, and no value, that month
        in_usd = [a["title"] for a in api.call("GET", f"{october}&currency=USD").body["items"]]
        assert in_usd == ["Pilot line audit"]
        wait(browser, lambda d: _drilled(d) == in_usd)
        browser.find_element(By.ID, "drilldown-close").click()
        Select(browser.find_element(By.ID, "filter-currency")).select_by_value("")
        wait(browser, lambda d: tiles(d)["deal_value"] == both)

        event_id = api.call("GET", "/reports/countries").body["event_id"]
        kazakh = api.call("GET", f"/parties?event_id={event_id}&country=KZ").body["items"]
        assert sorted(p["name"] for p in kazakh) == [
            "Almaty Robotics LLP",  # presented a project there
            "Kazakh National Academy of Sciences",  # party to the licence signed there
        ]  # not Karaganda Steel, of Kazakhstan too but not at the event
        button = "#report-countries tr[data-country='KZ'] button"
        browser.execute_script(
            "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()",
            browser.find_element(By.CSS_SELECTOR, button),
        )
        wait(browser, lambda d: _drilled(d) == [p["name"] for p in kazakh])
        browser.find_element(By.ID, "drilldown-close").click()

        browser.execute_script("window.notReloaded = true")
        browser.execute_script("document.querySelector('#report-pipeline tbody tr').focus()")
        staff = Client(server.base, staff_token)
        dashboard_data.agreement(
            staff, [ids["uni"], ids["academy"]], "cooperation", "Late", None, None
        )
        wait(
            browser,
            lambda d: [*drafts, "2"] in tables(d)["pipeline"]["rows"],
            seconds=LIVE_WITHIN,
        )
        assert browser.execute_script("return window.notReloaded") is True
        focused = "return document.activeElement.matches('#report-pipeline tbody tr:first-child')"
        assert browser.execute_script(focused) is True  # a keyboard user keeps their place
        check_against_api(browser, api)

        save_screenshot(browser, "dashboard.png")
        assert severe_errors(browser) == []

        browser.execute_script("sessionStorage.setItem(arguments[0], 'dt_revoked')", TOKEN_KEY)
        browser.find_element(By.ID, "refresh").click()
        wait(browser, lambda d: d.find_element(By.ID, "sign-in").is_displayed())
        invalid = catalogue(browser)["labels"]["ui.invalid_token"]
        assert browser.find_element(By.ID, "sign-in-error").text == invalid
        kept = browser.execute_script("return sessionStorage.getItem(arguments[0])", TOKEN_KEY)
        assert kept is None
