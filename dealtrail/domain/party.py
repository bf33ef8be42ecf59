"""Party: an organisation or person taking part in deals, with its alliance memberships.

An individual (a natural person, e.g. an inventor) is a data subject: its name and identifiers
are `Personal`, sealed in its events under the key of the subject the party's own id names, so
one key covers every name the person is given and forgetting it erases them all. Parties
registered before (event v1) hold them as plain text, as stored.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any
from uuid import UUID, uuid4

from eventsourcing.domain import event

from dealtrail.domain.base import Recorded
from dealtrail.domain.choice import one_of
from dealtrail.domain.country import country_code
from dealtrail.domain.errors import fail
from dealtrail.domain.party_identifiers import party_identifiers
from dealtrail.domain.personal import Personal
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


Text = str | Personal  # an organisation's plain; an individual's personal


class Party(Recorded):
    name: Text
    kind: PartyKind
    country: str
    identifiers: dict[str, Text]
    alliances: list[str]

    @classmethod
    def register(
        cls, name: str, kind: PartyKind, country: str, identifiers: dict[str, str] | None = None
    ) -> Party:
        party_id, checked_kind = uuid4(), party_kind(kind)
        personal = _personal(party_id) if checked_kind == PartyKind.INDIVIDUAL else _plain
        numbers = party_identifiers(identifiers)
        return cls._create(
            cls.Registered,
            id=party_id,
            name=personal(required_text(name, "name")),
            kind=checked_kind,
            country=country_code(country),
            identifiers={scheme: personal(number) for scheme, number in numbers.items()},
        )

    class Registered(Recorded.Created):
        """Only `register` checks identifiers: parties recorded before it did hold theirs as
        typed, under any scheme, and still load."""

        class_version = 2

        name: Text
        kind: str
        country: str
        identifiers: dict[str, Text]

        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            """v2: an individual's name and identifiers are personal data, sealed under its
            subject key; v1 held them as plain text, kept as stored (they cannot be sealed
            after the fact)."""

    @event(Registered)
    def __init__(self, name: Text, kind: str, country: str, identifiers: dict[str, Text]) -> None:
        self.name = name
        self.kind = PartyKind(kind)
        self.country = country
        self.identifiers = dict(identifiers)
        self.alliances = []

    @property
    def is_individual(self) -> bool:
        return self.kind == PartyKind.INDIVIDUAL

    def rename(self, name: str) -> None:
        new_name = required_text(name, "name")
        if self.name == new_name:
            raise fail("party.name_unchanged", "name", name=new_name)
        self._renamed(name=_personal(self.id)(new_name) if self.is_individual else new_name)

    class Renamed(Recorded.Event):
        class_version = 2

        name: Text

        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            """v2: an individual's new name is personal data (v1: plain text, kept)."""

    @event(Renamed)
    def _renamed(self, name: Text) -> None:
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


def _plain(text: str) -> Text:
    return text


def _personal(party_id: UUID) -> Any:
    """Seals a value as personal data of the individual `party_id` (its own data subject)."""
    scope = str(party_id)
    return lambda text: Personal(text, scope=scope, identifies=scope)
