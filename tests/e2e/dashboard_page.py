"""The /dashboard page driven by headless Chromium: start the browser, sign in, read what the page
shows (tiles, the reports' tables as text, with the catalogue the page embeds), work out what it
should show from the API's reports, and save full-page screenshots to tests/e2e/artifacts/."""

from __future__ import annotations

import os
import re
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
WIDE, NARROW = 1440, 420
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
    f"--window-size={WIDE},1000",
)
INSTALLED = shutil.which(CHROMIUM) is not None and shutil.which(CHROMEDRIVER) is not None
needs_chromium = pytest.mark.skipif(
    not INSTALLED and not os.environ.get("CI"),
    reason="needs Debian's chromium and chromium-driver (CI installs them)",
)
TABLES = """return [...document.querySelectorAll('section.card table.report:not(.countries)')]
  .map((table) => ({
    id: table.closest('section').id,
    keys: [...table.querySelectorAll('th')].map((th) => th.dataset.key),
    rows: [...table.querySelectorAll('tbody tr:not(.none)')].map(
      (tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)),
  }));"""
TILES = """return Object.fromEntries(
  [...document.querySelectorAll('#report-trading-events [data-tile]')].map(
    (tile) => [tile.dataset.tile, tile.querySelector('.value').innerText]));"""
# Opens every "Show the figures", then names what is wider than its box: the page, or a table.
SIDEWAYS = """document.querySelectorAll('details').forEach((d) => { d.open = true; });
const page = document.documentElement;
const wide = page.scrollWidth > page.clientWidth ? ['page'] : [];
return wide.concat([...document.querySelectorAll('table')]
  .filter((t) => t.scrollWidth > t.parentElement.clientWidth + 1
    || t.getBoundingClientRect().right > page.clientWidth)
  .map((t) => t.closest('section').id));"""
SNAKE_CASE = re.compile(r"\b[a-z0-9]+(?:_[a-z0-9]+)+\b")
REPORTS = (
    "trading-events",
    "pipeline",
    "deal-value",
    "receivables",
    "funds-raised",
    "listings",
    "ip-transfers",
    "licensing",
    "awaiting-signatures",
    "overdue-milestones",
)
LABELLED = {
    "kind": "agreement_kind",
    "asset_kind": "asset_kind",
    "mode": "transfer_mode",
    "board": "board",
    "role": "role",
    "record": "record",
    "source": "record",
}
RECORD_OF = {"ip-transfers": "ip_transfer", "listings": "listing"}
CATEGORIES = {
    "technology_licences_effective": "agreement_kind",
    "ip_transfers_contracted": "transfer_mode",
    "licence_income": "transfer_mode",
}


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


def ready(driver: Any) -> None:
    state = "data-state"
    wait(driver, lambda d: d.find_element(By.TAG_NAME, "body").get_attribute(state) == "ready")


def sign_in(driver: Any, site: str, token: str) -> None:
    """Opens /dashboard, signs in with `token` and waits until every report is drawn."""
    driver.get(f"{site}/dashboard")
    driver.find_element(By.ID, "token").send_keys(token)
    driver.find_element(By.CSS_SELECTOR, "#sign-in-form button").click()
    ready(driver)


def catalogue(driver: Any) -> dict[str, Any]:
    """The catalogue the page embeds: labels and country names in its language."""
    return driver.execute_script(
        "return JSON.parse(document.getElementById('catalogue').textContent)"
    )


def cell(report: str, key: str, row: dict[str, Any], words: dict[str, Any]) -> str:
    """A report's value as the page should show it: codes as the catalogue's labels, countries
    by name, amounts with their digits grouped, exactly."""
    value, labels = row.get(key), words["labels"]
    if value is None:
        return ""
    if report == "licensing" and key == "measure":
        return labels[f"measure.{value}"]
    if report == "licensing" and key == "category":
        group = CATEGORIES.get(row["measure"])
        return labels[f"{group}.{value}"] if group else words["countries"][value]
    if key == "status":
        return labels[f"status.{row.get('record') or RECORD_OF[report]}.{value}"]
    if key in LABELLED:
        return labels[f"{LABELLED[key]}.{value}"]
    if key in ("country", "party_country"):
        return words["countries"][value]
    return f"{Decimal(value):,}" if key in MONEY else str(value)


def answers(api: Client) -> dict[str, dict[str, Any]]:
    """Every report the page tables, as the page first asks for it: deal value and licensing
    for the latest year with deal value (this year if none)."""
    got = {name: api.call("GET", f"/reports/{name}") for name in REPORTS if name != "licensing"}
    assert all(reply.status == 200 for reply in got.values()), got
    bodies = {name: reply.body for name, reply in got.items()}
    years = [int(r["month"][:4]) for r in bodies["deal-value"]["rows"]]
    year = max(years) if years else int(bodies["receivables"]["as_of"][:4])
    bodies["deal-value"]["rows"] = [
        r for r in bodies["deal-value"]["rows"] if r["month"].startswith(f"{year}-")
    ]
    bodies["licensing"] = api.call("GET", f"/reports/licensing?year={year}").body
    return bodies


def tables(driver: Any) -> dict[str, dict[str, Any]]:
    """Every report's table as the page shows it: report name -> its column codes and rows."""
    return {t["id"].removeprefix("report-"): t for t in driver.execute_script(TABLES)}


def check_against_api(driver: Any, api: Client) -> dict[str, dict[str, Any]]:
    """Asserts every table on the page shows exactly the rows of the API's report, in words."""
    words, shown, bodies = catalogue(driver), tables(driver), answers(api)
    assert set(shown) == set(REPORTS)
    for name, body in bodies.items():
        keys = shown[name]["keys"]
        expected = [[cell(name, k, row, words) for k in keys] for row in body["rows"]]
        assert shown[name]["rows"] == expected, name
    return bodies


def tiles(driver: Any) -> dict[str, str]:
    """The headline tiles: name -> the figure shown (one line per currency for amounts)."""
    return driver.execute_script(TILES)


def sideways(driver: Any) -> list[str]:
    """What scrolls sideways: "page", or the sections whose table is wider than its box."""
    return driver.execute_script(SIDEWAYS)


def snake_case(driver: Any) -> list[str]:
    """Words a reader sees that look like codes (`open_for_signature`)."""
    text = driver.execute_script("return document.body.innerText")
    return sorted(set(SNAKE_CASE.findall(text)))


def countries(driver: Any) -> list[str]:
    """The countries and regions the map's table lists, in its order (alpha-2 codes)."""
    rows = driver.find_elements(By.CSS_SELECTOR, "#report-countries tr[data-country]")
    return [row.get_attribute("data-country") for row in rows]


def severe_errors(driver: Any) -> list[dict[str, Any]]:
    """The console's SEVERE entries since last asked (failed requests, script errors)."""
    return [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def save_screenshot(driver: Any, name: str, width: int = WIDE) -> Path:
    """Saves the whole page at `width`, however tall, to tests/e2e/artifacts/`name`."""
    ARTIFACTS.mkdir(exist_ok=True)
    height = driver.execute_script("return document.documentElement.scrollHeight")
    metrics = {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False}
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
    screenshot = ARTIFACTS / name
    try:
        assert driver.save_screenshot(str(screenshot))
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    print(f"dashboard screenshot: {screenshot}")
    return screenshot
