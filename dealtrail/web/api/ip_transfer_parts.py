"""The steps of an IP transfer (sub-resources of /api/v1/ip-transfers): valuation, contract,
recordal, consideration, payments, completion and cancellation."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask.views import MethodView

from dealtrail.web.api.ip_transfers import Response, blp, respond
from dealtrail.web.api.schemas.ip_transfer import (
    CancellationIn,
    CompletionIn,
    ContractIn,
    PaymentIn,
    RecordalIn,
    ScheduleIn,
    TransferSchema,
    ValuationIn,
)
from dealtrail.web.commands import command
from dealtrail.web.services import services


@blp.route("/<uuid:transfer_id>/valuation")
class Valuation(MethodView):
    @blp.arguments(ValuationIn)
    @blp.response(200, TransferSchema)
    def post(self, body: dict[str, Any], transfer_id: UUID) -> Response:
        """Record the appraisal of a proposed transfer: appraiser, method and value."""
        with command(body) as options:
            return respond(services().ip_transfers.valuate(transfer_id, **body, options=options))


@blp.route("/<uuid:transfer_id>/contract")
class Contract(MethodView):
    @blp.arguments(ContractIn)
    @blp.response(200, TransferSchema)
    def post(self, body: dict[str, Any], transfer_id: UUID) -> Response:
        """Link the agreement the holder and recipient signed; it must be in effect."""
        body["agreement_id"] = str(body["agreement_id"])
        with command(body) as options:
            return respond(
                services().ip_transfers.sign_contract(transfer_id, **body, options=options)
            )


@blp.route("/<uuid:transfer_id>/recordal")
class Recordal(MethodView):
    @blp.arguments(RecordalIn)
    @blp.response(200, TransferSchema)
    def post(self, body: dict[str, Any], transfer_id: UUID) -> Response:
        """Record the transfer's recordal with the IP office. A recorded assignment then makes
        the recipient the asset's owner of record."""
        with command(body) as options:
            return respond(
                services().ip_transfers.record_with_office(transfer_id, **body, options=options)
            )


@blp.route("/<uuid:transfer_id>/consideration")
class Consideration(MethodView):
    @blp.arguments(ScheduleIn)
    @blp.response(200, TransferSchema)
    def put(self, body: dict[str, Any], transfer_id: UUID) -> Response:
        """Set what the recipient owes (lump sum, instalments, running royalty or equity);
        it can be corrected until the first payment."""
        with command(body) as options:
            return respond(
                services().ip_transfers.schedule_consideration(
                    transfer_id, body["schedule"], options=options
                )
            )


@blp.route("/<uuid:transfer_id>/payments")
class Payments(MethodView):
    @blp.arguments(PaymentIn)
    @blp.response(200, TransferSchema)
    def post(self, body: dict[str, Any], transfer_id: UUID) -> Response:
        """Record a payment against the schedule; never more than is outstanding (except
        royalties)."""
        with command(body) as options:
            return respond(
                services().ip_transfers.record_payment(transfer_id, **body, options=options)
            )


@blp.route("/<uuid:transfer_id>/completion")
class Completion(MethodView):
    @blp.arguments(CompletionIn)
    @blp.response(200, TransferSchema)
    def post(self, body: dict[str, Any], transfer_id: UUID) -> Response:
        """Close a recorded transfer whose consideration is settled."""
        with command(body) as options:
            return respond(services().ip_transfers.complete(transfer_id, **body, options=options))


@blp.route("/<uuid:transfer_id>/cancellation")
class Cancellation(MethodView):
    @blp.arguments(CancellationIn)
    @blp.response(200, TransferSchema)
    def post(self, body: dict[str, Any], transfer_id: UUID) -> Response:
        """Cancel a transfer that has not ended, saying why."""
        with command(body) as options:
            return respond(services().ip_transfers.cancel(transfer_id, **body, options=options))
