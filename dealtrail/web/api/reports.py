"""/api/v1/reports: what dashboards ask, read from the views; JSON, or CSV with `Accept: text/csv`.

Each report is declared as data and answered the same way: its query parsed, the reports port's
method of the view's name (`DealValue` -> `deal_value`) called, the answer dumped as JSON or CSV.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import marshmallow as ma
from flask import Response
from flask.views import MethodView

from dealtrail.web.api.report_output import CSV_DOC, answer
from dealtrail.web.api.schemas import report as s
from dealtrail.web.json import Blueprint
from dealtrail.web.services import services

blp = Blueprint(
    "reports",
    __name__,
    url_prefix="/api/v1/reports",
    description="Reports for dashboards, computed from the views: JSON, or CSV on request",
)

Answer = dict[str, Any] | Response


@dataclass(frozen=True)
class Report:
    view: str  # the name the role matrix knows it by; its snake case names the port's method
    rule: str
    query: type[ma.Schema]
    schema: type[ma.Schema]
    row: type[ma.Schema]  # a CSV row
    csv: str  # the CSV file's name
    doc: str
    not_found: str | None = None  # when a parameter names a record that may not exist


REPORTS = (
    Report(
        "Pipeline",
        "/pipeline",
        s.NoQuerySchema,
        s.PipelineReport,
        s.PipelineRow,
        "pipeline",
        """Pipeline by stage and kind.

        Agreements by status and kind; IP transfers, equity listings and achievements by status.
        """,
    ),
    Report(
        "DealValue",
        "/deal-value",
        s.OptionalYearQuerySchema,
        s.DealValueReport,
        s.DealValueRow,
        "deal-value",
        """Deal value by currency and month.

        The contract values of agreements that have taken effect, summed exactly per currency
        by the month they took effect (`effective_on`), at their current terms.
        """,
    ),
    Report(
        "AwaitingSignatures",
        "/awaiting-signatures",
        s.NoQuerySchema,
        s.AwaitingSignaturesReport,
        s.AwaitingSignatureRow,
        "awaiting",
        """Agreements awaiting signatures, and whose.

        One row per agreement open for signature and party that must sign it and has not.
        """,
    ),
    Report(
        "OverdueMilestones",
        "/overdue-milestones",
        s.AsOfQuerySchema,
        s.OverdueMilestonesReport,
        s.OverdueMilestoneRow,
        "overdue-milestones",
        """Overdue milestones as of a day.

        Milestones due before `as_of` (default today, UTC), neither achieved nor waived, of
        agreements that have not ended; the oldest first.
        """,
    ),
    Report(
        "IpTransfersByKind",
        "/ip-transfers",
        s.NoQuerySchema,
        s.IpTransfersReport,
        s.IpTransferRow,
        "ip-transfers",
        """IP transfers by asset kind, mode and status.""",
    ),
    Report(
        "ListingsByState",
        "/listings",
        s.NoQuerySchema,
        s.ListingsReport,
        s.ListingRow,
        "listings",
        """Equity listings by state, and the funds they raised per currency.

        A state's count repeats on each of its currency rows; a state whose listings raised
        nothing has one row with no currency.
        """,
    ),
    Report(
        "TradingEventCounts",
        "/trading-events",
        s.NoQuerySchema,
        s.TradingEventsReport,
        s.TradingEventRow,
        "trading-events",
        """Per trading event: achievements exhibited, roadshows, projects pitched, international
        projects and their countries or regions, agreements signed there.""",
    ),
    Report(
        "TradingEventCountries",
        "/countries",
        s.EventQuerySchema,
        s.CountriesReport,
        s.CountryRow,
        "countries",
        """Where a trading event's international projects and partner parties come from.

        For `event_id` (default the latest event that has started by `as_of`, today UTC by
        default, else the latest overall, the first row of the trading-events report; null
        with no rows when there is none), one row per country or region (ISO 3166-1
        alpha-2) that presented an international project there (presenter country other than
        the event's), or that a party to an agreement signed there is from, other than the
        event's own country: the international projects pitched from it, and the distinct
        parties from it to those agreements (natural persons too). Most projects first, then
        most partner parties, then by code.
        """,
        not_found="No trading event with that id",
    ),
    Report(
        "FundsRaised",
        "/funds-raised",
        s.NoQuerySchema,
        s.FundsRaisedReport,
        s.FundsRaisedRow,
        "funds-raised",
        """Funds raised in financing rounds per board and currency.

        `listings`: the distinct listings with rounds in that currency; `rounds`: those rounds;
        `funds_raised`: what they raised, summed exactly. By board, then currency.
        """,
    ),
    Report(
        "ReportPosition",
        "/position",
        s.NoQuerySchema,
        s.PositionReport,
        s.PositionReport,
        "position",
        """The log position every report has taken into account (0 on an empty store).

        Cheap to ask: a dashboard polls it and reads its reports again when it moves.
        """,
    ),
    Report(
        "Receivables",
        "/receivables",
        s.AsOfQuerySchema,
        s.ReceivablesReport,
        s.ReceivableRow,
        "receivables",
        """Receivables as of a day: scheduled, paid, outstanding, aged.

        Sources: the payment schedules of agreements in effect, and the consideration schedules
        of IP transfers not cancelled. The domain records payments only against IP transfers,
        so an agreement that an IP transfer's consideration was signed under is counted on the
        transfer alone. Payments made by `as_of` (default today, UTC) are applied to the
        instalments oldest due first; what remains of each is aged by days past due: not yet
        due, 0-30 (due today counts as 0), 31-60, 61-90, over 90. `totals` sums per currency;
        CSV carries the rows.
        """,
    ),
    Report(
        "LicensingSummary",
        "/licensing",
        s.YearQuerySchema,
        s.LicensingReport,
        s.LicensingRow,
        "licensing",
        """The annual licensing summary for `year` (default this year, UTC), one row per figure.

        - `technology_licences_effective`: technology licence agreements that took effect in
          the year.
        - `ip_transfers_contracted`, by mode: IP transfers whose contract was signed in the year.
        - `licence_income`, by licence mode and currency: payments received in the year on IP
          transfers by exclusive, sole or non-exclusive licence (amount and number of payments).
        - `startups_formed`: start-ups are companies that applied for an equity listing; the
          number of distinct companies whose application was recorded in the year.
        - `agreements_by_partner_country`: agreements that took effect in the year, counted once
          per country among their parties' countries.
        """,
    ),
)


def _register(report: Report) -> None:
    method = re.sub(r"(?<!^)(?=[A-Z])", "_", report.view).lower()

    def get(_: Any, query: dict[str, Any]) -> Answer:
        return answer(getattr(services().reports, method)(**query), report.row, report.csv)

    get.__doc__ = report.doc
    documented = blp.response(200, report.schema)(blp.doc(**CSV_DOC)(get))
    if report.not_found:
        documented = blp.alt_response(404, description=report.not_found)(documented)
    view = blp.arguments(report.query, location="query")(documented)
    blp.route(report.rule)(type(report.view, (MethodView,), {"get": view}))


for _report in REPORTS:
    _register(_report)
