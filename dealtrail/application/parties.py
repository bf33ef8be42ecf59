"""Use cases for parties: register them, rename them, manage alliance memberships."""

from __future__ import annotations

from uuid import UUID

from dealtrail.application.ledger import NO_OPTIONS, Command, CommandResult, Ledger, Options
from dealtrail.domain.party import Party, PartyKind


class Parties:
    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger

    def register(
        self,
        name: str,
        kind: PartyKind,
        country: str,
        identifiers: dict[str, str] | None = None,
        options: Options = NO_OPTIONS,
    ) -> CommandResult:
        args = {"name": name, "kind": kind, "country": country, "identifiers": identifiers}
        return self.ledger.create(
            Command("party.register", args, options),
            lambda: Party.register(name, kind, country, identifiers),
        )

    def rename(self, party_id: UUID, name: str, options: Options = NO_OPTIONS) -> CommandResult:
        command = Command("party.rename", {"name": name}, options)
        return self.ledger.change(command, Party, party_id, lambda p: p.rename(name))

    def join_alliance(
        self, party_id: UUID, alliance: str, options: Options = NO_OPTIONS
    ) -> CommandResult:
        command = Command("party.join_alliance", {"alliance": alliance}, options)
        return self.ledger.change(command, Party, party_id, lambda p: p.join_alliance(alliance))

    def leave_alliance(
        self, party_id: UUID, alliance: str, options: Options = NO_OPTIONS
    ) -> CommandResult:
        command = Command("party.leave_alliance", {"alliance": alliance}, options)
        return self.ledger.change(command, Party, party_id, lambda p: p.leave_alliance(alliance))

    def get(self, party_id: UUID, version: int | None = None) -> Party:
        return self.ledger.get(Party, party_id, version)

    def exists(self, party_id: UUID) -> bool:
        return self.ledger.exists(Party, party_id)
