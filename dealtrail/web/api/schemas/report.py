"""Report bodies: every report is its parameters plus `rows`, flat records that export as CSV.

Field order is column order in CSV. Amounts are exact decimal strings in the row's currency.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import marshmallow as ma
from marshmallow import fields

from dealtrail.application.ports.reports import AMOUNTS
from dealtrail.domain.calendar import (
    EARLIEST_ON_RECORD,
    LATEST_ON_RECORD,
    check_on_record,
    check_year_on_record,
)
from dealtrail.web.api.schemas.common import RecordId, Strict, domain_rule
from dealtrail.web.api.schemas.numbers import ExactDecimal, WholeNumber

AS_OF = domain_rule(check_on_record, "as_of")
YEAR = domain_rule(check_year_on_record, "year")
YEARS = {"minimum": EARLIEST_ON_RECORD.year, "maximum": LATEST_ON_RECORD.year}  # for the docs
ON_RECORD = f"{EARLIEST_ON_RECORD} to {LATEST_ON_RECORD}"


def _today() -> date:
    return datetime.now(UTC).date()


def Amount(**kwargs: Any) -> ExactDecimal:
    """An exact amount of money, as a decimal string (never a float)."""
    return ExactDecimal(metadata={"example": "1500000.00"}, **kwargs)


def Currency(**kwargs: Any) -> fields.String:
    return fields.String(metadata={"description": "ISO 4217 code", "example": "CNY"}, **kwargs)


class NoQuerySchema(Strict):
    """A report without parameters still refuses unknown ones (a misspelt filter is an error)."""


class AsOfQuerySchema(Strict):
    as_of = fields.Date(
        load_default=_today,
        validate=AS_OF,
        metadata={"description": f"The day to report as of (default: today, UTC), {ON_RECORD}"},
    )


class YearQuerySchema(Strict):
    year = WholeNumber(
        load_default=lambda: _today().year,
        validate=YEAR,
        metadata={"description": "Calendar year (default: this year, UTC)", **YEARS},
    )


class OptionalYearQuerySchema(Strict):
    year = WholeNumber(validate=YEAR, metadata={"description": "Only this calendar year", **YEARS})


class EventQuerySchema(Strict):
    event_id = RecordId(
        metadata={
            "description": "The trading event (default: the latest that has started by `as_of`, "
            "else the latest)"
        }
    )
    as_of = fields.Date(
        load_default=_today,
        validate=AS_OF,
        metadata={
            "description": f"The day that decides the default event (default: today, UTC), "
            f"{ON_RECORD}"
        },
    )


class PipelineRow(ma.Schema):
    record = fields.String(metadata={"example": "agreement"})
    kind = fields.String(allow_none=True, metadata={"description": "Agreements only"})
    status = fields.String()
    count = WholeNumber()


class DealValueRow(ma.Schema):
    month = fields.String(
        metadata={"description": "When the agreements took effect", "example": "2026-11"}
    )
    currency = Currency()
    agreements = WholeNumber()
    value = Amount()


class AwaitingSignatureRow(ma.Schema):
    agreement_id = fields.String()
    title = fields.String()
    kind = fields.String()
    party_id = fields.String(metadata={"description": "A party that must sign and has not"})
    party_name = fields.String(allow_none=True)
    party_country = fields.String(allow_none=True)
    role = fields.String()


class OverdueMilestoneRow(ma.Schema):
    agreement_id = fields.String()
    agreement_title = fields.String()
    agreement_status = fields.String()
    milestone_id = fields.String()
    title = fields.String()
    due_on = fields.Date()
    days_overdue = WholeNumber()
    owner_party_id = fields.String()
    owner_name = fields.String(allow_none=True)


class IpTransferRow(ma.Schema):
    asset_kind = fields.String()
    mode = fields.String()
    status = fields.String()
    count = WholeNumber()


class ListingRow(ma.Schema):
    status = fields.String()
    listings = WholeNumber(metadata={"description": "Listings in this state"})
    currency = Currency(allow_none=True)
    funds_raised = Amount(allow_none=True)


class TradingEventRow(ma.Schema):
    event_id = fields.String()
    name = fields.String()
    city = fields.String()
    country = fields.String()
    starts_on = fields.Date()
    ends_on = fields.Date()
    achievements_exhibited = WholeNumber()
    roadshows = WholeNumber()
    projects_pitched = WholeNumber()
    international_projects = WholeNumber(
        metadata={"description": "Pitched by presenters from outside the event's own country"}
    )
    international_countries = WholeNumber(
        metadata={"description": "Countries and regions the international projects came from"}
    )
    agreements_signed = WholeNumber()


class CountryRow(ma.Schema):
    country = fields.String(metadata={"description": "ISO 3166-1 alpha-2", "example": "KZ"})
    international_projects = WholeNumber(
        metadata={"description": "Pitched at the event by presenters from here"}
    )
    partner_parties = WholeNumber(
        metadata={"description": "Distinct parties from here to agreements signed at the event"}
    )


class FundsRaisedRow(ma.Schema):
    board = fields.String()
    currency = Currency()
    listings = WholeNumber(metadata={"description": "Listings with rounds in this currency"})
    rounds = WholeNumber(metadata={"description": "Financing rounds in this currency"})
    funds_raised = Amount()


class PositionReport(ma.Schema):
    """Its own row too: the CSV is one row, `position`."""

    position = WholeNumber(
        metadata={"description": "The log position every report has taken into account"}
    )


def _amounts() -> dict[str, fields.Field]:
    return {name: Amount() for name in AMOUNTS}


ReceivableTotalRow = ma.Schema.from_dict(
    {"currency": Currency(), **_amounts()}, name="ReceivableTotalRow"
)
ReceivableRow = ma.Schema.from_dict(
    {
        "source": fields.String(metadata={"description": "agreement or ip_transfer"}),
        "source_id": fields.String(),
        "title": fields.String(allow_none=True, metadata={"description": "Agreement or IP asset"}),
        "currency": Currency(),
        **_amounts(),
    },
    name="ReceivableRow",
)


class LicensingRow(ma.Schema):
    measure = fields.String(metadata={"example": "licence_income"})
    category = fields.String(allow_none=True, metadata={"description": "Kind, mode or country"})
    count = WholeNumber()
    currency = Currency(allow_none=True)
    amount = Amount(allow_none=True)


def _report(name: str, row: type[ma.Schema], **params: fields.Field) -> type[ma.Schema]:
    return ma.Schema.from_dict({**params, "rows": fields.List(fields.Nested(row))}, name=name)


PipelineReport = _report("PipelineReport", PipelineRow)
DealValueReport = _report("DealValueReport", DealValueRow, year=WholeNumber(allow_none=True))
AwaitingSignaturesReport = _report("AwaitingSignaturesReport", AwaitingSignatureRow)
OverdueMilestonesReport = _report(
    "OverdueMilestonesReport", OverdueMilestoneRow, as_of=fields.Date()
)
IpTransfersReport = _report("IpTransfersReport", IpTransferRow)
ListingsReport = _report("ListingsReport", ListingRow)
TradingEventsReport = _report("TradingEventsReport", TradingEventRow)
CountriesReport = _report(
    "CountriesReport",
    CountryRow,
    event_id=fields.String(allow_none=True, metadata={"description": "Null: no event yet"}),
)
FundsRaisedReport = _report("FundsRaisedReport", FundsRaisedRow)
ReceivablesReport = _report(
    "ReceivablesReport",
    ReceivableRow,
    as_of=fields.Date(),
    totals=fields.List(fields.Nested(ReceivableTotalRow), metadata={"description": "Per currency"}),
)
LicensingReport = _report("LicensingReport", LicensingRow, year=WholeNumber())
