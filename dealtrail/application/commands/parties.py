"""Commands on parties: register them, rename them, manage alliance memberships."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from dealtrail.application.command import Change, Create, Records
from dealtrail.domain.errors import fail
from dealtrail.domain.party import Party, PartyKind


def registered_party(records: Records, party_id: str, field: str) -> Party:
    """The party another record's command names, as it is now; refused if not registered."""
    if not records.exists(Party, UUID(party_id)):
        raise fail("party.unknown", field, party_id=party_id)
    return records.get(Party, UUID(party_id))


@dataclass(frozen=True, kw_only=True)
class RegisterParty(Create[Party]):
    NAME = "party.register"
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


@dataclass(frozen=True, kw_only=True)
class RenameParty(PartyChange):
    NAME = "party.rename"
    name: str

    def act(self, party: Party) -> None:
        party.rename(self.name)


@dataclass(frozen=True, kw_only=True)
class JoinAlliance(PartyChange):
    NAME = "party.join_alliance"
    alliance: str

    def act(self, party: Party) -> None:
        party.join_alliance(self.alliance)


@dataclass(frozen=True, kw_only=True)
class LeaveAlliance(PartyChange):
    NAME = "party.leave_alliance"
    alliance: str

    def act(self, party: Party) -> None:
        party.leave_alliance(self.alliance)
