"""/api/v1/parties: register, rename and follow parties and their alliances."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from dealtrail.application.commands import parties as c
from dealtrail.application.ports.views import PartyQuery
from dealtrail.domain.party import Party
from dealtrail.web.api.resource import Listing, Resource, Response, Step
from dealtrail.web.api.schemas import party as s
from dealtrail.web.commands import result_headers, run
from dealtrail.web.json import Blueprint

blp = Blueprint("parties", __name__, url_prefix="/api/v1/parties", description="Parties")
parties = Resource(blp, Party, s.PartySchema, "Party", "party_id")

parties.collection(
    Listing(
        s.PartyListQuerySchema,
        PartyQuery,
        s.PartyPageSchema,
        "parties",
        "List parties, filtered by country, kind, alliance, name or trading event.",
    ),
    Step("Parties", "", s.PartyCreateSchema, c.RegisterParty, "Register a party."),
)
parties.by_id("A party now, at a version (`?version=`) or as recorded at a time (`?as_of=`).")
parties.steps(
    Step(
        "PartyName",
        "/<uuid:party_id>/name",
        s.PartyRenameSchema,
        c.RenameParty,
        "Rename a party.",
        method="put",
    ),
    Step(
        "PartyAlliances",
        "/<uuid:party_id>/alliances",
        s.AllianceSchema,
        c.JoinAlliance,
        "Record that the party joined an alliance.",
    ),
)


@blp.response(200, s.PartySchema)
def _leave(_: Any, party_id: UUID, alliance: str) -> Response:
    """Record that the party left an alliance."""
    result = run(c.LeaveAlliance(party_id=party_id, alliance=alliance))
    return result, result_headers(result)


parties.route("PartyAlliance", "/<uuid:party_id>/alliances/<path:alliance>", delete=_leave)
parties.history("Every event of the party, oldest first, with who recorded it, when and why.")
