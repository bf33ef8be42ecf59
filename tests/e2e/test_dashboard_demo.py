"""The demo conference on the dashboard, on each store, served by `dealtrail serve`, read in
headless Chromium with a dashboard token. Every table equals the API's report, the headline figures
are the ones the demo's definitions make, every chart is drawn, and a screenshot goes to
tests/e2e/artifacts/dashboard-demo-<store>.png.

On SQLite the whole demo is loaded with `dealtrail demo load` from an empty store, as a user would
(the command's one full run in the suite). On PostgreSQL the store is a copy of the demo the run
loaded once for the integration tests (tests/demo_templates.py: every record the rest of the demo
refers to, the fewest achievements): loading it again here took 40-60 s, a sixth of CI."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from dealtrail.demo.achievements import EXHIBITED, FEWEST
from dealtrail.infrastructure.settings import Settings
from tests.demo_templates import copy_postgres_demo, drop_database
from tests.e2e import demo_figures
from tests.e2e.dashboard_page import (
    CHARTS,
    check_against_api,
    needs_chromium,
    save_screenshot,
    scrolled_sideways,
    severe_errors,
    shown,
    sign_in,
    tables,
)
from tests.e2e.serving import Client, create_token, run_dealtrail, serving

pytestmark = needs_chromium

LOADS_WITHIN = 300.0  # seconds; ~7 s here
CHARTED = {"pipeline", "deal-value", "receivables", "listings", "ip-transfers", "trading-events"}


def _totals(rows: list[dict[str, str]], key: str) -> dict[str, str]:
    """Per currency, the sum of the amounts a table shows in column `key`, shown as the page
    shows amounts."""
    sums: dict[str, Decimal] = {}
    for row in rows:
        if row[key]:
            amount = Decimal(row[key].replace(",", ""))
            sums[row["currency"]] = sums.get(row["currency"], Decimal(0)) + amount
    return {currency: shown(key, total) for currency, total in sums.items()}


def _shown_per_currency(key: str, amounts: dict[str, Decimal]) -> dict[str, str]:
    return {currency: shown(key, amount) for currency, amount in amounts.items()}


def _stacks(chart: dict[str, Any]) -> dict[str, float]:
    """A stacked bar chart's bar heights by label."""
    return {
        label: sum(d["data"][i] for d in chart["datasets"])
        for i, label in enumerate(chart["labels"])
    }


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


@pytest.mark.slow(35)
def test_the_demo_conference_shows_on_the_dashboard_with_the_figures_it_defines(
    demo: tuple[Settings, int], browser: Any
) -> None:
    settings, exhibited = demo
    store = "postgres" if settings.database_url else "sqlite"
    token = create_token(settings, "dashboard", "Wall screen")
    with serving(settings, workers=2) as server:
        sign_in(browser, server.base.removesuffix("/api/v1"), token)
        hidden = scrolled_sideways(browser)  # in the 1440 x 1000 window, before the screenshot
        save_screenshot(browser, f"dashboard-demo-{store}.png")  # stretches it to the whole page

        check_against_api(browser, Client(server.base, token))
        page = tables(browser)
        charts = browser.execute_script(CHARTS)
        errors = severe_errors(browser)  # asked while the server runs: a refresh the dashboard
        # makes on its own (every 15 s) after it stopped would fail to connect

    assert page["trading-events"] == [demo_figures.event_row(exhibited)]
    assert hidden == [], "every figure shows without scrolling a table sideways"
    assert _totals(page["listings"], "funds_raised") == _shown_per_currency(
        "funds_raised", demo_figures.funds_raised()
    )
    assert _totals(page["receivables"], "outstanding") == _shown_per_currency(
        "outstanding", demo_figures.outstanding()
    )

    assert {name.removeprefix("report-") for name in charts} == CHARTED
    for name, chart in charts.items():
        assert chart is not None, f"{name} has no chart"
        assert chart["width"] > 0 and chart["height"] > 0, name
        assert chart["labels"] and any(any(d["data"]) for d in chart["datasets"]), name
    events = charts["report-trading-events"]
    assert events["labels"] == [demo_figures.event_row(exhibited)["name"]]
    assert {d["label"].replace(" ", "_"): d["data"] for d in events["datasets"]} == {
        k: [v] for k, v in demo_figures.event_counts(exhibited).items()
    }
    expected_outstanding = {c: float(a) for c, a in demo_figures.outstanding().items()}
    assert _stacks(charts["report-receivables"]) == expected_outstanding
    assert errors == []
