"""/api/v1/ip-assets: register IP assets, record their grant, lapse or expiry, and read them.

No route changes an asset's owner of record: a recorded assignment does (see
dealtrail.application.owner_of_record).
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import url_for
from flask.views import MethodView

from dealtrail.application.command import CommandResult
from dealtrail.domain.ip_asset import IpAsset
from dealtrail.infrastructure.views.ip_assets import IpAssetsView
from dealtrail.web.api.history import history_page
from dealtrail.web.api.schemas.common import (
    HistoryPageSchema,
    HistoryQuerySchema,
    VersionQuerySchema,
)
from dealtrail.web.api.schemas.ip_asset import (
    AssetCreateSchema,
    AssetListQuerySchema,
    AssetPageSchema,
    AssetSchema,
    ExpirySchema,
    GrantSchema,
    LapseSchema,
    present_asset,
)
from dealtrail.web.api.versions import load_version
from dealtrail.web.commands import command, etag, result_headers
from dealtrail.web.json import Blueprint
from dealtrail.web.services import services

blp = Blueprint("ip_assets", __name__, url_prefix="/api/v1/ip-assets", description="IP assets")

Response = tuple[dict[str, Any], dict[str, str]]


def respond(result: CommandResult) -> Response:
    asset = services().ip_assets.get(result.aggregate_id, result.version)
    return present_asset(asset, result.position), result_headers(result)


@blp.route("")
class IpAssets(MethodView):
    @blp.arguments(AssetListQuerySchema, location="query")
    @blp.response(200, AssetPageSchema)
    def get(self, query: dict[str, Any]) -> dict[str, Any]:
        """List IP assets by kind, jurisdiction, holder, owner, status, title or number."""
        return services().catalogue.view(IpAssetsView).search(**query)

    @blp.arguments(AssetCreateSchema)
    @blp.response(201, AssetSchema)
    def post(self, body: dict[str, Any]) -> Response:
        """Register an IP asset for its holder (a registered party), who is its owner of record."""
        body["holder_party_id"] = str(body["holder_party_id"])
        with command(body) as options:
            result = services().ip_assets.register(**body, options=options)
        data, headers = respond(result)
        headers["Location"] = url_for("ip_assets.IpAssetById", asset_id=result.aggregate_id)
        return data, headers


@blp.route("/<uuid:asset_id>")
class IpAssetById(MethodView):
    @blp.arguments(VersionQuerySchema, location="query")
    @blp.response(200, AssetSchema)
    def get(self, query: dict[str, Any], asset_id: UUID) -> Response:
        """An IP asset now, at a version (`?version=`) or as recorded at a time (`?as_of=`)."""
        asset = load_version(IpAsset, asset_id, query)
        return present_asset(asset), etag(asset.version)


@blp.route("/<uuid:asset_id>/grant")
class IpAssetGrant(MethodView):
    @blp.arguments(GrantSchema)
    @blp.response(200, AssetSchema)
    def post(self, body: dict[str, Any], asset_id: UUID) -> Response:
        """Record that the office granted (or registered) a pending asset."""
        with command(body) as options:
            return respond(services().ip_assets.record_grant(asset_id, **body, options=options))


@blp.route("/<uuid:asset_id>/lapse")
class IpAssetLapse(MethodView):
    @blp.arguments(LapseSchema)
    @blp.response(200, AssetSchema)
    def post(self, body: dict[str, Any], asset_id: UUID) -> Response:
        """Record that the right lapsed (withdrawn, fees unpaid, secret disclosed), and why."""
        with command(body) as options:
            return respond(services().ip_assets.record_lapse(asset_id, **body, options=options))


@blp.route("/<uuid:asset_id>/expiry")
class IpAssetExpiry(MethodView):
    @blp.arguments(ExpirySchema)
    @blp.response(200, AssetSchema)
    def post(self, body: dict[str, Any], asset_id: UUID) -> Response:
        """Record that a granted right reached the end of its term."""
        with command(body) as options:
            return respond(services().ip_assets.record_expiry(asset_id, **body, options=options))


@blp.route("/<uuid:asset_id>/history")
class IpAssetHistory(MethodView):
    @blp.arguments(HistoryQuerySchema, location="query")
    @blp.response(200, HistoryPageSchema)
    def get(self, query: dict[str, Any], asset_id: UUID) -> dict[str, Any]:
        """Every event of the asset, oldest first, with who recorded it, when and why."""
        return history_page(services().ledger, IpAsset, asset_id, query["after"], query["limit"])
