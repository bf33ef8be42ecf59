"""/api/v1/parties: register, rename and follow parties and their alliances."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import url_for
from flask.views import MethodView

from dealtrail.domain.party import Party
from dealtrail.web.api.history import history_page
from dealtrail.web.api.schemas.common import (
    HistoryPageSchema,
    HistoryQuerySchema,
    VersionQuerySchema,
)
from dealtrail.web.api.schemas.party import (
    AllianceSchema,
    PartyCreateSchema,
    PartyListQuerySchema,
    PartyPageSchema,
    PartyRenameSchema,
    PartySchema,
    present_party,
)
from dealtrail.web.api.versions import load_version
from dealtrail.web.commands import command, etag, result_headers
from dealtrail.web.json import Blueprint
from dealtrail.web.services import services

blp = Blueprint("parties", __name__, url_prefix="/api/v1/parties", description="Parties")

Response = tuple[dict[str, Any], dict[str, str]]


def _respond(result: Any) -> Response:
    party = services().parties.get(result.aggregate_id, result.version)
    return present_party(party, result.position), result_headers(result)


@blp.route("")
class Parties(MethodView):
    @blp.arguments(PartyListQuerySchema, location="query")
    @blp.response(200, PartyPageSchema)
    def get(self, query: dict[str, Any]) -> dict[str, Any]:
        """List parties, filtered by country, kind, alliance or name."""
        return services().views.parties.search(**query)

    @blp.arguments(PartyCreateSchema)
    @blp.response(201, PartySchema)
    def post(self, body: dict[str, Any]) -> Response:
        """Register a party."""
        with command(body) as options:
            result = services().parties.register(**body, options=options)
        data, headers = _respond(result)
        headers["Location"] = url_for("parties.PartyById", party_id=result.aggregate_id)
        return data, headers


@blp.route("/<uuid:party_id>")
class PartyById(MethodView):
    @blp.arguments(VersionQuerySchema, location="query")
    @blp.response(200, PartySchema)
    def get(self, query: dict[str, Any], party_id: UUID) -> Response:
        """A party now, at a version (`?version=`) or as recorded at a time (`?as_of=`)."""
        party = load_version(Party, party_id, query)
        return present_party(party), etag(party.version)


@blp.route("/<uuid:party_id>/name")
class PartyName(MethodView):
    @blp.arguments(PartyRenameSchema)
    @blp.response(200, PartySchema)
    def put(self, body: dict[str, Any], party_id: UUID) -> Response:
        """Rename a party."""
        with command(body) as options:
            return _respond(services().parties.rename(party_id, **body, options=options))


@blp.route("/<uuid:party_id>/alliances")
class PartyAlliances(MethodView):
    @blp.arguments(AllianceSchema)
    @blp.response(200, PartySchema)
    def post(self, body: dict[str, Any], party_id: UUID) -> Response:
        """Record that the party joined an alliance."""
        with command(body) as options:
            return _respond(services().parties.join_alliance(party_id, **body, options=options))


@blp.route("/<uuid:party_id>/alliances/<path:alliance>")
class PartyAlliance(MethodView):
    @blp.response(200, PartySchema)
    def delete(self, party_id: UUID, alliance: str) -> Response:
        """Record that the party left an alliance."""
        with command({}) as options:
            return _respond(services().parties.leave_alliance(party_id, alliance, options=options))


@blp.route("/<uuid:party_id>/history")
class PartyHistory(MethodView):
    @blp.arguments(HistoryQuerySchema, location="query")
    @blp.response(200, HistoryPageSchema)
    def get(self, query: dict[str, Any], party_id: UUID) -> dict[str, Any]:
        """Every event of the party, oldest first, with who recorded it, when and why."""
        return history_page(services().ledger, Party, party_id, query["after"], query["limit"])
