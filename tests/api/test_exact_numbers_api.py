"""Numbers other than money: ASCII digits only, exact, and never a boolean.

Whole numbers in query strings (`limit`, `after`, `version`, `year`, ...) are ASCII digits; in a
body they are JSON integers (never 5.0, "5" where a field is strict, or true); a percentage is
an exact decimal of at most four places; a report's dates and years lie within the dates on
record. Every refusal is a 422 naming the parameter or field; nothing is recorded.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

import marshmallow as ma
import pytest
from marshmallow import fields

import dealtrail.web
from dealtrail.bootstrap import Services
from dealtrail.web.api.schemas.numbers import ExactDecimal, WholeNumber

from .conftest import Api, draft_agreement, register_party
from .ip_steps import Deal
from .listing_steps import Listing
from .supermarket_steps import CONTACT, offer

PARTIES = "/api/v1/parties"
# Spellings of "5" (or of 10, 2026, ...) that int() and marshmallow's Integer take.
NOT_ASCII_WHOLE = {
    "leading spaces": "%20%205",
    "full-width digits": "%EF%BC%90%EF%BC%95",  # U+FF10 U+FF15
    "arabic-indic digit": "%D9%A5",  # U+0665
    "underscore": "1_0",
    "plus sign": "%2B5",
    "a point": "5.0",
    "superscript two": "%C2%B2",  # U+00B2
}


def head(services: Services) -> int:
    return services.ledger.recorder.max_notification_id() or 0


def refused_at(response: Any, field: str, code: str | None = None) -> None:
    assert response.status_code == 422, response.json
    assert response.mimetype == "application/problem+json"
    errors = response.json["errors"]
    assert [e["field"] for e in errors] == [field], errors
    if code is not None:
        assert [e.get("code") for e in errors] == [code], errors


# ---- query parameters -------------------------------------------------------------------------


def _queries(staff: Api) -> dict[str, str]:
    """A path taking each kind of whole-number query parameter, `{}` where its value goes."""
    party = register_party(staff)
    return {
        "limit": PARTIES + "?limit={}",
        "after": f"{PARTIES}/{party}/history?after={{}}",
        "version": f"{PARTIES}/{party}?version={{}}",
        "trl_min": "/api/v1/achievements?trl_min={}",
        "position": "/api/v1/audit/inclusion-proof?position={}",
        "year": "/api/v1/reports/licensing?year={}",
    }


def test_a_whole_number_in_a_query_is_ascii_digits_only(staff: Api) -> None:
    wrong = {}
    for parameter, path in _queries(staff).items():
        for spelling, value in NOT_ASCII_WHOLE.items():
            response = staff.get(path.format(value))
            errors = [(e["field"], e.get("code")) for e in response.json.get("errors", [])]
            if (response.status_code, errors) != (422, [(parameter, "number.not_whole")]):
                wrong[parameter, spelling] = (response.status_code, errors)
        assert staff.get(path.format("1" if parameter != "year" else "2026")).status_code in (
            200,
            404,  # no log position 1 to prove yet, or no version 1 of ...: the number was read
        ), parameter
    assert wrong == {}


def test_a_headers_version_or_position_in_other_digits_is_refused_not_a_server_error(
    staff: Api,
) -> None:
    party = register_party(staff)
    for tag in ("\u00b2", "\u00b9", "9" * 5000):
        response = staff.put(
            f"{PARTIES}/{party}/name", json={"name": "Renamed"}, headers={"If-Match": f'"{tag}"'}
        )
        assert response.status_code == 412, (tag[:10], response.json)
        response = staff.get(PARTIES, headers={"Dealtrail-Min-Position": tag})
        assert response.status_code == 400, (tag[:10], response.json)


# ---- whole numbers in bodies ------------------------------------------------------------------


@pytest.mark.parametrize("trl", ["6", 6.0, "\u0666", True])
def test_a_readiness_level_is_a_json_integer(staff: Api, services: Services, trl: Any) -> None:
    owner = register_party(staff)
    before = head(services)
    body = {"owner_party_id": owner, "offer": offer(trl=trl), "contact": CONTACT}
    refused_at(staff.post("/api/v1/achievements", json=body), "offer.trl")
    assert head(services) == before


@pytest.mark.parametrize("shares", ["10000", 1e4, 10000.0, "\uff11\uff10", True])
def test_a_number_of_shares_is_a_json_integer(staff: Api, services: Services, shares: Any) -> None:
    listing = Listing(staff)
    listing.listed()
    before = head(services)
    refused_at(listing.transfer(shares=shares), "shares")
    assert head(services) == before


@pytest.mark.parametrize("corrects", [1.5, "\u0661", True, " 1"])
def test_a_corrected_position_is_a_whole_number(
    staff: Api, services: Services, corrects: Any
) -> None:
    party = register_party(staff)
    before = head(services)
    response = staff.put(f"{PARTIES}/{party}/name", json={"name": "B", "corrects": corrects})
    refused_at(response, "corrects")
    assert head(services) == before


# ---- percentages -----------------------------------------------------------------------------


def royalty(deal: Deal, rate: Any) -> Any:
    body = {"kind": "running_royalty", "currency": "CNY", "royalty_rate": rate}
    return deal.schedule(body)


@pytest.mark.parametrize("rate", ["\u0663.\u0665", "\uff13.5", "3_5", "3.5e0", " 3.5", True])
def test_a_percentage_is_ascii_decimal_text_or_a_json_number(
    staff: Api, services: Services, rate: Any
) -> None:
    deal = Deal(staff)
    deal.sign()
    before = head(services)
    refused_at(royalty(deal, rate), "royalty_rate", "number.not_decimal")
    assert head(services) == before


@pytest.mark.parametrize("rate", ["3.12345", "0.0000000000000000000000000001", 1e-5])
def test_a_percentage_finer_than_four_places_is_refused_not_rounded(
    staff: Api, services: Services, rate: Any
) -> None:
    deal = Deal(staff)
    deal.sign()
    before = head(services)
    response = royalty(deal, rate)
    assert response.status_code == 422, response.json
    assert response.json["code"] == "consideration.percentage_too_precise"
    assert [e["field"] for e in response.json["errors"]] == ["royalty_rate"]
    assert head(services) == before


def test_a_percentage_is_kept_as_written(staff: Api) -> None:
    deal = Deal(staff)
    deal.sign()
    for rate, kept in [("3.50", "3.50"), (2.5, "2.5"), ("99.9999", "99.9999"), (15.0, "15.0")]:
        response = royalty(deal, rate)
        assert response.status_code == 200, response.json
        assert response.json["consideration"]["royalty_rate"] == kept, rate


# ---- report parameters ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/reports/receivables?as_of={}",
        "/api/v1/reports/overdue-milestones?as_of={}",
        "/api/v1/agreements/{agreement}/milestones?overdue_as_of={}",
    ],
)
def test_a_report_as_of_a_day_outside_the_dates_on_record_is_refused(staff: Api, path: str) -> None:
    agreement = draft_agreement(staff, [register_party(staff), register_party(staff, "B", "KZ")])
    path = path.replace("{agreement}", agreement["id"])
    parameter = path.rpartition("?")[2].partition("=")[0]
    for day in ("0001-01-01", "1899-12-31", "2200-01-01", "9999-12-31"):
        refused_at(staff.get(path.format(day)), parameter, "date.out_of_range")
    for day in ("1900-01-01", "2199-12-31"):
        assert staff.get(path.format(day)).status_code == 200, day


@pytest.mark.parametrize("report", ["licensing", "deal-value"])
def test_a_report_for_a_year_outside_the_dates_on_record_is_refused(
    staff: Api, report: str
) -> None:
    path = f"/api/v1/reports/{report}?year={{}}"
    for year in ("0", "1899", "2200", "9999", "-2026"):
        refused_at(staff.get(path.format(year)), "year", "date.out_of_range")
    for year in ("1900", "2199"):
        response = staff.get(path.format(year))
        assert response.status_code == 200, response.json
        assert response.json["year"] == int(year)


# ---- every schema -----------------------------------------------------------------------------


def _schemas() -> list[type[ma.Schema]]:
    """Every schema the web layer declares (by name in its modules), and their subclasses."""
    found: set[type[ma.Schema]] = set()
    for info in pkgutil.walk_packages(dealtrail.web.__path__, "dealtrail.web."):
        module = importlib.import_module(info.name)
        pending = [v for v in vars(module).values() if isinstance(v, type)]
        while pending:
            cls = pending.pop()
            if issubclass(cls, ma.Schema) and cls not in found and cls is not ma.Schema:
                found.add(cls)
                pending.extend(cls.__subclasses__())
    return sorted(found, key=lambda s: f"{s.__module__}.{s.__qualname__}")


def _fields(field: fields.Field) -> list[fields.Field]:
    inner = [getattr(field, "inner", None), getattr(field, "value_field", None)]
    return [field, *[f for i in inner if i is not None for f in _fields(i)]]


def test_every_number_field_of_every_schema_reads_numbers_by_the_domain_rule() -> None:
    numbers = (fields.Number, fields.Float)
    plain = [
        f"{schema.__module__}.{schema.__qualname__}.{name}"
        for schema in _schemas()
        for name, declared in schema._declared_fields.items()
        for field in _fields(declared)
        if isinstance(field, numbers) and not isinstance(field, ExactDecimal | WholeNumber)
    ]
    assert len(_schemas()) > 50
    assert plain == []
