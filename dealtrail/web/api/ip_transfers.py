"""/api/v1/ip-transfers: propose IP transfers, and read them with their history."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import url_for
from flask.views import MethodView

from dealtrail.application.command import CommandResult
from dealtrail.domain.ip_transfer import IpTransfer
from dealtrail.infrastructure.views.ip_transfers import IpTransfersView
from dealtrail.web.api.history import history_page
from dealtrail.web.api.schemas.common import (
    HistoryPageSchema,
    HistoryQuerySchema,
    VersionQuerySchema,
)
from dealtrail.web.api.schemas.ip_transfer import (
    TransferCreateSchema,
    TransferListQuerySchema,
    TransferPageSchema,
    TransferSchema,
    present_transfer,
)
from dealtrail.web.api.versions import load_version
from dealtrail.web.commands import command, etag, result_headers
from dealtrail.web.json import Blueprint
from dealtrail.web.services import services

blp = Blueprint(
    "ip_transfers", __name__, url_prefix="/api/v1/ip-transfers", description="IP transfers"
)

Response = tuple[dict[str, Any], dict[str, str]]


def respond(result: CommandResult) -> Response:
    transfer = services().ip_transfers.get(result.aggregate_id, result.version)
    return present_transfer(transfer, result.position), result_headers(result)


@blp.route("")
class IpTransfers(MethodView):
    @blp.arguments(TransferListQuerySchema, location="query")
    @blp.response(200, TransferPageSchema)
    def get(self, query: dict[str, Any]) -> dict[str, Any]:
        """List IP transfers, filtered by asset, asset kind, mode, status or party."""
        return services().catalogue.view(IpTransfersView).search(**query)

    @blp.arguments(TransferCreateSchema)
    @blp.response(201, TransferSchema)
    def post(self, body: dict[str, Any]) -> Response:
        """Propose a transfer of an asset by its owner of record to another registered party."""
        for field in ("asset_id", "holder_party_id", "recipient_party_id"):
            body[field] = str(body[field])
        with command(body) as options:
            result = services().ip_transfers.propose(**body, options=options)
        data, headers = respond(result)
        headers["Location"] = url_for(
            "ip_transfers.IpTransferById", transfer_id=result.aggregate_id
        )
        return data, headers


@blp.route("/<uuid:transfer_id>")
class IpTransferById(MethodView):
    @blp.arguments(VersionQuerySchema, location="query")
    @blp.response(200, TransferSchema)
    def get(self, query: dict[str, Any], transfer_id: UUID) -> Response:
        """An IP transfer now, at a version (`?version=`) or as recorded at a time (`?as_of=`)."""
        transfer = load_version(IpTransfer, transfer_id, query)
        return present_transfer(transfer), etag(transfer.version)


@blp.route("/<uuid:transfer_id>/history")
class IpTransferHistory(MethodView):
    @blp.arguments(HistoryQuerySchema, location="query")
    @blp.response(200, HistoryPageSchema)
    def get(self, query: dict[str, Any], transfer_id: UUID) -> dict[str, Any]:
        """Every event of the transfer, oldest first, with who recorded it, when and why."""
        return history_page(
            services().ledger, IpTransfer, transfer_id, query["after"], query["limit"]
        )
