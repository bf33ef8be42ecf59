"""Reports as CSV, their OpenAPI documentation and parameters, and the dashboard page itself."""

from __future__ import annotations

import csv
import io
import re

from flask import Flask

from .conftest import Api
from .listing_steps import Listing
from .report_steps import REPORTS, Contract, party, report

NAMES = (
    "pipeline",
    "deal-value",
    "awaiting-signatures",
    "overdue-milestones",
    "ip-transfers",
    "listings",
    "trading-events",
    "receivables",
    "licensing",
)


def test_a_report_answers_csv_with_a_header_crlf_and_the_same_exact_figures(
    staff: Api, dashboard: Api
) -> None:
    uni, kz = party(staff, "Xi'an University"), party(staff, '=HYPERLINK("x"), "Quoted" Inc.', "KZ")
    contract = Contract(staff, [uni, kz], title='Line one, "two"').effective("2026-09-01")
    contract.milestone("=cmd|' /C calc'!A0", "2026-10-01", kz)
    contract.milestone("Prototype, phase 1", "2026-10-02", uni)

    response = dashboard.get(
        f"{REPORTS}/overdue-milestones?as_of=2026-11-01", headers={"Accept": "text/csv"}
    )

    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8; header=present"
    assert 'filename="overdue-milestones.csv"' in response.headers["Content-Disposition"]
    text = response.get_data(as_text=True)
    assert text.count("\r\n") == 3 and "\n" not in text.replace("\r\n", "")
    header, *rows = list(csv.reader(io.StringIO(text, newline="")))
    as_json = report(dashboard, "overdue-milestones", as_of="2026-11-01")["rows"]
    assert header == list(as_json[0])
    assert [r[header.index("agreement_title")] for r in rows] == ['Line one, "two"'] * 2
    assert [r[header.index("title")] for r in rows] == ["'=cmd|' /C calc'!A0", "Prototype, phase 1"]
    assert rows[0][header.index("owner_name")] == "'" + '=HYPERLINK("x"), "Quoted" Inc.'
    assert [r[header.index("days_overdue")] for r in rows] == ["31", "30"]
    assert '"Line one, ""two"""' in text


def test_csv_money_is_exact_and_a_missing_value_is_an_empty_field(
    staff: Api, dashboard: Api
) -> None:
    listing = Listing(staff)
    listing.listed()
    listing.round({"amount": "0.10", "currency": "CNY"})
    listing.round({"amount": "0.20", "currency": "CNY"})
    Listing(staff, company="Weihe Biotech")

    text = dashboard.get(f"{REPORTS}/listings", headers={"Accept": "text/csv"}).get_data(
        as_text=True
    )

    assert text == ("status,listings,currency,funds_raised\r\napplied,1,,\r\nlisted,1,CNY,0.30\r\n")


def test_every_report_is_read_by_each_listing_role_and_json_is_the_default(
    staff: Api, auditor: Api, admin: Api, dashboard: Api, app: Flask
) -> None:
    for api in (staff, auditor, admin, dashboard):
        for name in NAMES:
            response = api.get(f"{REPORTS}/{name}", headers={"Accept": "*/*"})
            assert (response.status_code, response.mimetype) == (200, "application/json"), name
    for name in NAMES:
        assert app.test_client().get(f"{REPORTS}/{name}").status_code == 401


def test_report_parameters_are_checked(dashboard: Api) -> None:
    for path in (
        "overdue-milestones?as_of=yesterday",
        "receivables?as_of=2026-02-30",
        "licensing?year=10000",
        "deal-value?year=nope",
        "pipeline?status=draft",
    ):
        assert dashboard.get(f"{REPORTS}/{path}").status_code == 422, path


def test_every_report_is_documented_as_json_and_csv(app: Flask) -> None:
    paths = app.test_client().get("/api/openapi.json").json["paths"]

    for name in NAMES:
        answer = paths[f"{REPORTS}/{name}"]["get"]["responses"]["200"]["content"]
        assert set(answer) == {"application/json", "text/csv"}, name
        assert answer["application/json"]["schema"]["$ref"].endswith("Report"), name


def test_the_dashboard_page_is_public_static_and_under_a_strict_policy(app: Flask) -> None:
    client = app.test_client()

    page = client.get("/dashboard")

    assert page.status_code == 200
    policy = page.headers["Content-Security-Policy"]
    assert "script-src 'self';" in policy and "unsafe" not in policy
    assert "form-action 'none'" in policy
    html = page.get_data(as_text=True)
    assert re.findall(r"<script(?![^>]*\ssrc=)", html) == []
    assert re.findall(r"\s(on\w+|style)=", html) == []
    scripts = re.findall(r'<script src="([^"]+)"', html)
    assert scripts == [
        "/dashboard/static/vendor/chart.umd.min.js",
        "/dashboard/static/dashboard.js",
    ]
    for path in [*scripts, "/dashboard/static/dashboard.css"]:
        asset = client.get(path)
        assert asset.status_code == 200, path
        asset.close()
    script = client.get("/dashboard/static/dashboard.js").get_data(as_text=True)
    assert "/api/v1/reports/" in script and "sessionStorage" in script
    assert re.findall(r"/api/v1/(?!reports/)", script) == []
