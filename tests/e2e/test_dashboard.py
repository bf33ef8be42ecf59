"""The dashboard in headless Chromium against a real `dealtrail serve`: sign in with a dashboard
token, wait for the charts and tables, check every figure shown against the API, sort, refresh,
and save a screenshot to tests/e2e/artifacts/dashboard.png."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from selenium.webdriver.common.by import By

from dealtrail.infrastructure.settings import Settings
from tests.e2e import dashboard_data
from tests.e2e.dashboard_page import (
    TABLES,
    check_against_api,
    needs_chromium,
    save_screenshot,
    severe_errors,
    sign_in,
    wait,
)
from tests.e2e.serving import Client, create_token, serving

pytestmark = needs_chromium


@pytest.mark.slow(30)
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

        sign_in(browser, site, token)

        assert browser.current_url == f"{site}/dashboard"
        assert (
            browser.execute_script("return sessionStorage.getItem('dealtrail.dashboard.token')")
            == token
        )
        shown = {t["id"]: t for t in check_against_api(browser, api)}
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
        wait(browser, lambda d: drafts in d.execute_script(TABLES)[0]["rows"])
        dashboard_data.agreement(
            staff, [ids["uni"], ids["academy"]], "service", "Later", None, None
        )
        services = ["agreement", "service", "draft", "1"]
        wait(browser, lambda d: services in d.execute_script(TABLES)[0]["rows"], seconds=40)
        assert browser.execute_script("return window.notReloaded") is True
        check_against_api(browser, api)

        assert severe_errors(browser) == []
        save_screenshot(browser, "dashboard.png")
