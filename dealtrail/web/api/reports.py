"""/api/v1/reports: what dashboards ask, read from the views; JSON, or CSV with `Accept: text/csv`.

Deal reports here; money reports (receivables, licensing) in `report_money.py`.
"""

from __future__ import annotations

from typing import Any

from flask import Response
from flask.views import MethodView

from dealtrail.web.api.report_output import CSV_DOC, answer
from dealtrail.web.api.schemas import report as schemas
from dealtrail.web.json import Blueprint
from dealtrail.web.services import services

blp = Blueprint(
    "reports",
    __name__,
    url_prefix="/api/v1/reports",
    description="Reports for dashboards, computed from the views: JSON, or CSV on request",
)

Answer = dict[str, Any] | Response


@blp.route("/pipeline")
class Pipeline(MethodView):
    @blp.arguments(schemas.NoQuerySchema, location="query")
    @blp.response(200, schemas.PipelineReport)
    @blp.doc(**CSV_DOC)
    def get(self, _: dict[str, Any]) -> Answer:
        """Pipeline by stage and kind.

        Agreements by status and kind; IP transfers, equity listings and achievements by status.
        """
        return answer(services().reports.pipeline(), schemas.PipelineRow, "pipeline")


@blp.route("/deal-value")
class DealValue(MethodView):
    @blp.arguments(schemas.OptionalYearQuerySchema, location="query")
    @blp.response(200, schemas.DealValueReport)
    @blp.doc(**CSV_DOC)
    def get(self, query: dict[str, Any]) -> Answer:
        """Deal value by currency and month.

        The contract values of agreements that have taken effect, summed exactly per currency
        by the month they took effect (`effective_on`), at their current terms.
        """
        return answer(services().reports.deal_value(**query), schemas.DealValueRow, "deal-value")


@blp.route("/awaiting-signatures")
class AwaitingSignatures(MethodView):
    @blp.arguments(schemas.NoQuerySchema, location="query")
    @blp.response(200, schemas.AwaitingSignaturesReport)
    @blp.doc(**CSV_DOC)
    def get(self, _: dict[str, Any]) -> Answer:
        """Agreements awaiting signatures, and whose.

        One row per agreement open for signature and party that must sign it and has not.
        """
        return answer(
            services().reports.awaiting_signatures(), schemas.AwaitingSignatureRow, "awaiting"
        )


@blp.route("/overdue-milestones")
class OverdueMilestones(MethodView):
    @blp.arguments(schemas.AsOfQuerySchema, location="query")
    @blp.response(200, schemas.OverdueMilestonesReport)
    @blp.doc(**CSV_DOC)
    def get(self, query: dict[str, Any]) -> Answer:
        """Overdue milestones as of a day.

        Milestones due before `as_of` (default today, UTC), neither achieved nor waived, of
        agreements that have not ended; the oldest first.
        """
        report = services().reports.overdue_milestones(**query)
        return answer(report, schemas.OverdueMilestoneRow, "overdue-milestones")


@blp.route("/ip-transfers")
class IpTransfersByKind(MethodView):
    @blp.arguments(schemas.NoQuerySchema, location="query")
    @blp.response(200, schemas.IpTransfersReport)
    @blp.doc(**CSV_DOC)
    def get(self, _: dict[str, Any]) -> Answer:
        """IP transfers by asset kind, mode and status."""
        return answer(
            services().reports.ip_transfers_by_kind(), schemas.IpTransferRow, "ip-transfers"
        )


@blp.route("/listings")
class ListingsByState(MethodView):
    @blp.arguments(schemas.NoQuerySchema, location="query")
    @blp.response(200, schemas.ListingsReport)
    @blp.doc(**CSV_DOC)
    def get(self, _: dict[str, Any]) -> Answer:
        """Equity listings by state, and the funds they raised per currency.

        A state's count repeats on each of its currency rows; a state whose listings raised
        nothing has one row with no currency.
        """
        return answer(services().reports.listings_by_state(), schemas.ListingRow, "listings")


@blp.route("/trading-events")
class TradingEventCounts(MethodView):
    @blp.arguments(schemas.NoQuerySchema, location="query")
    @blp.response(200, schemas.TradingEventsReport)
    @blp.doc(**CSV_DOC)
    def get(self, _: dict[str, Any]) -> Answer:
        """Per trading event: achievements exhibited, roadshows, projects pitched, international
        projects and their countries or regions, agreements signed there."""
        return answer(
            services().reports.trading_event_counts(), schemas.TradingEventRow, "trading-events"
        )
