"""Reports as CSV, their OpenAPI documentation and parameters, and the dashboard page itself."""

from __future__ import annotations

import csv
import io
import json
import re

from flask import Flask

from dealtrail.web.api.reports import REPORTS as DECLARED
from dealtrail.web.i18n.codes import LABELS

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
    "countries",
    "funds-raised",
    "receivables",
    "licensing",
    "position",
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
        operation = paths[f"{REPORTS}/{name}"]["get"]
        answer = operation["responses"]["200"]["content"]
        assert set(answer) == {"application/json", "text/csv"}, name
        assert answer["application/json"]["schema"]["$ref"].endswith("Report"), name
        headers = [p.get("$ref", "").rsplit("/", 1)[-1] for p in operation["parameters"]]
        assert "Accept-Language" in headers, name
        assert "Content-Language" in operation["responses"]["200"]["headers"], name


def test_the_dashboard_page_is_public_static_and_under_a_strict_policy(app: Flask) -> None:
    client = app.test_client()

    page = client.get("/dashboard")

    assert page.status_code == 200
    policy = page.headers["Content-Security-Policy"]
    assert "script-src 'self';" in policy and "unsafe" not in policy
    assert "form-action 'none'" in policy
    html = page.get_data(as_text=True)
    inline = re.findall(r"<script(?![^>]*\ssrc=)[^>]*>", html)
    assert inline == ['<script id="catalogue" type="application/json">']  # data, never run
    assert re.findall(r"\s(on\w+|style)=", html) == []
    scripts = re.findall(r'<script src="([^"]+)"', html)
    assert scripts[:3] == [  # Chart.js, its map charts and the map module before the page's own
        "/dashboard/static/vendor/chart.umd.min.js",
        "/dashboard/static/vendor/chartjs-chart-geo.umd.min.js",
        "/dashboard/static/dashboard-map.js",
    ]
    assert scripts[-1] == "/dashboard/static/dashboard.js"
    assert len(re.findall(r'<script src="[^"]+" defer>', html)) == len(scripts)  # in order
    styles = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    for path in [*scripts, *styles, "/dashboard/static/vendor/countries-110m.json"]:
        asset = client.get(path)
        assert asset.status_code == 200, path
        asset.close()
    code = "".join(client.get(path).get_data(as_text=True) for path in scripts[3:])
    assert "sessionStorage" in code and "localStorage" not in code
    assert re.findall(r"https?://", code) == []  # same origin only: it works with no internet


def test_a_csv_report_names_its_columns_in_the_language_its_reader_prefers(
    staff: Api, dashboard: Api
) -> None:
    Listing(staff).listed()
    csv_in = {"Accept": "text/csv"}

    def csv_for(language: str | None) -> tuple[str, str, str | None]:
        sent = csv_in if language is None else {**csv_in, "Accept-Language": language}
        reply = dashboard.get(f"{REPORTS}/listings", headers=sent)
        text = reply.get_data(as_text=True)
        assert "Accept-Language" in reply.headers["Vary"]
        return (
            text.split("\r\n")[0],
            text.split("\r\n", 1)[1],
            reply.headers.get("Content-Language"),
        )

    data = "listed,1,,\r\n"  # the data stay codes, for every reader
    assert csv_for(None) == ("status,listings,currency,funds_raised", data, None)
    assert csv_for(" ") == ("status,listings,currency,funds_raised", data, None)
    assert csv_for("zh-CN") == ("\ufeff状态,挂牌企业数,币种,融资额", data, "zh-Hans")
    english = ("\ufeffStatus,Listings,Currency,Funds raised", data, "en")
    assert csv_for("fr-FR, en;q=0.5") == english
    assert csv_for("fr") == english


def test_a_report_answers_csv_to_a_csv_type_with_parameters_and_varies_by_accept(
    dashboard: Api,
) -> None:
    with_charset = dashboard.get(
        f"{REPORTS}/pipeline", headers={"Accept": "text/csv;charset=utf-8"}
    )
    as_json = dashboard.get(f"{REPORTS}/pipeline", headers={"Accept": "application/json"})

    assert with_charset.mimetype == "text/csv"
    assert as_json.mimetype == "application/json"
    assert all("Accept" in r.headers["Vary"].split(", ") for r in (with_charset, as_json))


def test_every_column_of_every_report_has_a_label() -> None:
    columns = {c for report in DECLARED for c in report.row().dump_fields}
    assert {c for c in columns if f"column.{c}" not in LABELS} == set()


def test_the_dashboard_page_comes_in_the_language_asked_for_or_else_preferred(app: Flask) -> None:
    client = app.test_client()

    def language(path: str, preference: str | None = None) -> tuple[str, str, str]:
        page = client.get(path, headers={"Accept-Language": preference} if preference else {})
        html = page.get_data(as_text=True)
        catalogue = json.loads(html.split('type="application/json">')[1].split("</script>")[0])
        tag = re.search(r'<html lang="([^"]+)">', html)
        assert page.headers["Content-Language"] == catalogue["lang"]
        assert "Accept-Language" in page.headers["Vary"]
        assert page.headers["Cache-Control"] == "no-cache"
        return tag.group(1) if tag else "", catalogue["lang"], catalogue["labels"]["ui.sign_in"]

    assert language("/dashboard") == ("en", "en", "Sign in")
    assert language("/dashboard", "zh-CN,zh;q=0.9") == ("zh-Hans", "zh-Hans", "登录")
    assert language("/dashboard", "zh-TW,en;q=0.8") == ("en", "en", "Sign in")
    assert language("/dashboard?lang=zh-Hans", "en") == ("zh-Hans", "zh-Hans", "登录")
    assert language("/dashboard?lang=en", "zh-CN") == ("en", "en", "Sign in")
    assert language("/dashboard?lang=xx", "zh-CN") == ("zh-Hans", "zh-Hans", "登录")


def test_the_page_embeds_country_names_and_the_numeric_codes_maps_use(app: Flask) -> None:
    html = app.test_client().get("/dashboard?lang=zh-Hans").get_data(as_text=True)
    catalogue = json.loads(html.split('type="application/json">')[1].split("</script>")[0])

    assert catalogue["countries"]["HK"] == "中国香港特别行政区"
    assert catalogue["numeric"]["398"] == "KZ"
    assert catalogue["labels"]["status.agreement.open_for_signature"] == "待签署"
    assert catalogue["languages"] == {"en": "English", "zh-Hans": "简体中文"}
    assert catalogue["locale"] == "zh-CN"  # dates and numbers as mainland China writes them
