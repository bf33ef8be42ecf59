"""Commands on parties: register them, rename them, manage alliance memberships."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from dealtrail.application.command import Change, Create, Records, command
from dealtrail.domain.errors import fail
from dealtrail.domain.party import Party, PartyKind


def check_registered(records: Records, party_id: str, field: str) -> None:
    """Refuses the party another record's command names in `field` if it is not registered."""
    if not records.exists(Party, UUID(party_id)):
        raise fail("party.unknown", field, party_id=party_id)


def registered_party(records: Records, party_id: str, field: str) -> Party:
    """The party another record's command names, as it is now; refused if not registered."""
    check_registered(records, party_id, field)
    return records.get(Party, UUID(party_id))


@command("party.register")
class RegisterParty(Create[Party]):
    name: str
    kind: PartyKind
    country: str
    identifiers: dict[str, str] | None = None

    def build(self) -> Party:
        return Party.register(self.name, self.kind, self.country, self.identifiers)


@dataclass(frozen=True, kw_only=True)
class PartyChange(Change[Party]):
    AGGREGATE = Party
    TARGET = "party_id"
    party_id: UUID


@command("party.rename", acts="rename")
class RenameParty(PartyChange):
    name: str


@command("party.join_alliance", acts="join_alliance")
class JoinAlliance(PartyChange):
    alliance: str


@command("party.leave_alliance", acts="leave_alliance")
class LeaveAlliance(PartyChange):
    alliance: str
