"""Party: an organisation or person taking part in deals, with its alliance memberships."""

from __future__ import annotations

from enum import StrEnum

from eventsourcing.domain import event

from dealtrail.domain.base import Recorded
from dealtrail.domain.choice import one_of
from dealtrail.domain.country import country_code
from dealtrail.domain.errors import fail
from dealtrail.domain.party_identifiers import party_identifiers
from dealtrail.domain.text import clean_text, required_text


class PartyKind(StrEnum):
    UNIVERSITY = "university"
    RESEARCH_INSTITUTE = "research_institute"
    COMPANY = "company"
    TRADING_CENTRE = "trading_centre"
    ACADEMY = "academy"
    INVESTOR = "investor"
    INDIVIDUAL = "individual"


def party_kind(kind: str) -> PartyKind:
    return one_of(PartyKind, kind, "party.unknown_kind", "kind")


class Party(Recorded):
    name: str
    kind: PartyKind
    country: str
    identifiers: dict[str, str]
    alliances: list[str]

    @classmethod
    def register(
        cls, name: str, kind: PartyKind, country: str, identifiers: dict[str, str] | None = None
    ) -> Party:
        return cls(
            name=required_text(name, "name"),
            kind=party_kind(kind),
            country=country_code(country),
            identifiers=party_identifiers(identifiers),
        )

    class Registered(Recorded.Created):
        """Only `register` checks identifiers: parties recorded before it did hold theirs as
        typed, under any scheme, and still load."""

        name: str
        kind: str
        country: str
        identifiers: dict[str, str]

    @event(Registered)
    def __init__(self, name: str, kind: str, country: str, identifiers: dict[str, str]) -> None:
        self.name = name
        self.kind = PartyKind(kind)
        self.country = country
        self.identifiers = dict(identifiers)
        self.alliances = []

    def rename(self, name: str) -> None:
        new_name = required_text(name, "name")
        if new_name == self.name:
            raise fail("party.name_unchanged", "name", name=new_name)
        self._renamed(name=new_name)

    @event("Renamed")
    def _renamed(self, name: str) -> None:
        self.name = name

    def join_alliance(self, alliance: str) -> None:
        name = required_text(alliance, "alliance")
        if name in self.alliances:
            raise fail("party.already_member", "alliance", alliance=name)
        self._alliance_joined(alliance=name)

    @event("AllianceJoined")
    def _alliance_joined(self, alliance: str) -> None:
        self.alliances = [*self.alliances, alliance]

    def leave_alliance(self, alliance: str) -> None:
        name = clean_text(alliance, "alliance")
        if name not in self.alliances:
            raise fail("party.not_a_member", "alliance", alliance=name)
        self._alliance_left(alliance=name)

    @event("AllianceLeft")
    def _alliance_left(self, alliance: str) -> None:
        self.alliances = [a for a in self.alliances if a != alliance]
