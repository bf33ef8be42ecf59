"""The /dashboard page driven by headless Chromium: start the browser, sign in, read what the page
shows (tables as text, charts as Chart.js holds them), check it against the API, save a
full-page screenshot to tests/e2e/artifacts/."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from tests.e2e.serving import Client

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
ARTIFACTS = Path(__file__).parent / "artifacts"
WIDTH = 1440
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
    f"--window-size={WIDTH},1000",
)
INSTALLED = shutil.which(CHROMIUM) is not None and shutil.which(CHROMEDRIVER) is not None
needs_chromium = pytest.mark.skipif(
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
CHARTS = """return Object.fromEntries([...document.querySelectorAll('#reports canvas')].map((c) => {
  const chart = Chart.getChart(c);
  return [c.closest('section').id, chart ? {
    width: c.width, height: c.height, labels: chart.data.labels,
    datasets: chart.data.datasets.map((d) => ({label: d.label, data: d.data})),
  } : null];
}));"""

SCROLLS_SIDEWAYS = """return [...document.querySelectorAll('#reports .scroll')]
  .filter((box) => box.scrollWidth > box.clientWidth).map((box) => box.closest('section').id);"""


@contextmanager
def chromium(profile: Path) -> Iterator[Any]:
    """A headless Chromium that keeps the page's console log, with its profile in `profile`."""
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    try:
        yield driver
    finally:
        driver.quit()


def wait(driver: Any, condition: Any, seconds: float = 30) -> None:
    WebDriverWait(driver, seconds, poll_frequency=0.1).until(condition)


def sign_in(driver: Any, site: str, token: str) -> None:
    """Opens /dashboard, signs in with `token` and waits until every report is drawn."""
    driver.get(f"{site}/dashboard")
    driver.find_element(By.ID, "token").send_keys(token)
    driver.find_element(By.CSS_SELECTOR, "#sign-in-form button").click()
    wait(
        driver, lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-state") == "ready"
    )


def shown(key: str, value: Any) -> str:
    """As the page shows it: amounts with their digits grouped, exactly."""
    if value is None:
        return ""
    return f"{Decimal(value):,}" if key in MONEY else str(value)


def tables(driver: Any) -> dict[str, list[dict[str, str]]]:
    """Every report's table as the page shows it: report name -> rows of column -> text."""
    return {
        t["id"].removeprefix("report-"): [
            dict(zip(t["keys"], row, strict=True)) for row in t["rows"]
        ]
        for t in driver.execute_script(TABLES)
    }


def check_against_api(driver: Any, api: Client) -> list[dict[str, Any]]:
    """Asserts every table on the page shows exactly the rows the API's report answers."""
    on_page = driver.execute_script(TABLES)
    assert len(on_page) == 9
    for table in on_page:
        name = table["id"].removeprefix("report-")
        reply = api.call("GET", f"/reports/{name}")
        assert reply.status == 200, reply
        expected = [[shown(k, row[k]) for k in table["keys"]] for row in reply.body["rows"]]
        assert table["rows"] == expected, name
        assert table["charted"] in (True, None), name
    return on_page


def scrolled_sideways(driver: Any) -> list[str]:
    """The reports whose table is wider than its card: some columns show only when scrolled to."""
    return driver.execute_script(SCROLLS_SIDEWAYS)


def severe_errors(driver: Any) -> list[dict[str, Any]]:
    """The console's SEVERE entries since last asked (failed requests, script errors)."""
    return [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def save_screenshot(driver: Any, name: str) -> Path:
    """Saves the whole page, however tall, to tests/e2e/artifacts/`name`."""
    ARTIFACTS.mkdir(exist_ok=True)
    height = driver.execute_script("return document.documentElement.scrollHeight")
    metrics = {"width": WIDTH, "height": height, "deviceScaleFactor": 1, "mobile": False}
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
    screenshot = ARTIFACTS / name
    assert driver.save_screenshot(str(screenshot))
    print(f"dashboard screenshot: {screenshot}")
    return screenshot
