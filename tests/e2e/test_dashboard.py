"""The dashboard in headless Chromium against a real `dealtrail serve`: sign in with a dashboard
token, wait for the charts and tables, check every figure shown against the API, sort, refresh,
and save a screenshot to tests/e2e/artifacts/dashboard.png."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from dealtrail.infrastructure.settings import Settings
from tests.e2e import dashboard_data
from tests.e2e.serving import Client, create_token, serving

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
ARTIFACTS = Path(__file__).parent / "artifacts"
MONEY = {"value", "funds_raised", "amount", "scheduled", "paid", "outstanding", "not_yet_due"}
MONEY |= {"days_0_30", "days_31_60", "days_61_90", "days_over_90"}
FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1440,1000",
)
INSTALLED = shutil.which(CHROMIUM) is not None and shutil.which(CHROMEDRIVER) is not None
pytestmark = pytest.mark.skipif(
    not INSTALLED and not os.environ.get("CI"),
    reason="needs Debian's chromium and chromium-driver (CI installs them)",
)
TABLES = """return [...document.querySelectorAll('#reports section.card')].map((s) => ({
  id: s.id,
  keys: [...s.querySelectorAll('th')].map((th) => th.dataset.key),
  rows: [...s.querySelectorAll('tbody tr:not(.none)')].map(
    (tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)),
  charted: s.querySelector('canvas') ? Boolean(Chart.getChart(s.querySelector('canvas'))) : null,
}));"""


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*FLAGS, f"--user-data-dir={tmp_path / 'chromium'}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    try:
        yield driver
    finally:
        driver.quit()


def _wait(driver: Any, condition: Any, seconds: float = 30) -> None:
    WebDriverWait(driver, seconds, poll_frequency=0.1).until(condition)


def _shown(key: str, value: Any) -> str:
    """As the page shows it: amounts with their digits grouped, exactly."""
    if value is None:
        return ""
    return f"{Decimal(value):,}" if key in MONEY else str(value)


def _check_against_api(driver: Any, api: Client) -> list[dict[str, Any]]:
    shown = driver.execute_script(TABLES)
    assert len(shown) == 9
    for table in shown:
        name = table["id"].removeprefix("report-")
        reply = api.call("GET", f"/reports/{name}")
        assert reply.status == 200, reply
        expected = [[_shown(k, row[k]) for k in table["keys"]] for row in reply.body["rows"]]
        assert table["rows"] == expected, name
        assert table["charted"] in (True, None), name
    return shown


def test_the_dashboard_shows_the_reports_figures_and_keeps_them_fresh(
    browser: Any, tmp_path: Path
) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    staff_token = create_token(settings, "staff", "Li Na")
    token = create_token(settings, "dashboard", "Wall screen")
    with serving(settings, workers=2) as server:
        site = server.base.removesuffix("/api/v1")
        ids = dashboard_data.record(Client(server.base, staff_token))
        api = Client(server.base, token)

        browser.get(f"{site}/dashboard")
        browser.find_element(By.ID, "token").send_keys(token)
        browser.find_element(By.CSS_SELECTOR, "#sign-in-form button").click()
        _wait(
            browser,
            lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-state") == "ready",
        )

        assert browser.current_url == f"{site}/dashboard"
        assert (
            browser.execute_script("return sessionStorage.getItem('dealtrail.dashboard.token')")
            == token
        )
        shown = {t["id"]: t for t in _check_against_api(browser, api)}
        assert shown["report-deal-value"]["rows"][0][:2] == ["2026-09", "CNY"]
        assert len(shown["report-overdue-milestones"]["rows"]) == 1

        value = browser.find_element(By.CSS_SELECTOR, "#report-deal-value th[data-key=value]")
        value.click()
        value.click()
        by_value = {t["id"]: t for t in browser.execute_script(TABLES)}["report-deal-value"]
        assert [r[3] for r in by_value["rows"]] == ["1,200,000.00", "430,000.50"]
        assert value.get_attribute("aria-sort") == "descending"

        staff = Client(server.base, staff_token)
        dashboard_data.agreement(
            staff, [ids["uni"], ids["academy"]], "cooperation", "Late", None, None
        )
        browser.execute_script("window.notReloaded = true")
        browser.find_element(By.ID, "refresh").click()
        drafts = ["agreement", "cooperation", "draft", "2"]
        _wait(browser, lambda d: drafts in d.execute_script(TABLES)[0]["rows"])
        dashboard_data.agreement(
            staff, [ids["uni"], ids["academy"]], "service", "Later", None, None
        )
        services = ["agreement", "service", "draft", "1"]
        _wait(browser, lambda d: services in d.execute_script(TABLES)[0]["rows"], seconds=40)
        assert browser.execute_script("return window.notReloaded") is True
        _check_against_api(browser, api)

        errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
        assert errors == []
        ARTIFACTS.mkdir(exist_ok=True)
        height = browser.execute_script("return document.documentElement.scrollHeight")
        metrics = {"width": 1440, "height": height, "deviceScaleFactor": 1, "mobile": False}
        browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
        screenshot = ARTIFACTS / "dashboard.png"
        assert browser.save_screenshot(str(screenshot))
        print(f"dashboard screenshot: {screenshot}")
