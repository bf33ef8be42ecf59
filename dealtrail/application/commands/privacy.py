"""Forgetting a data subject: destroy their keys, and record that it was done.

The keys live in the subject vault, not the ledger: `forget` looks the name up there and hands
the ledger the command with the destruction as its effect, so the keys go only once the command
has passed every check (never for a replay or a refusal), just before the erasure is saved.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol
from uuid import UUID

from dealtrail.application.achievement_import import legacy_party_key, party_key
from dealtrail.application.command import NO_OPTIONS, CommandResult, Create, Options, command
from dealtrail.application.ledger import Ledger
from dealtrail.domain.erasure import Erasure
from dealtrail.domain.errors import fail
from dealtrail.domain.party import Party


@command("privacy.forget")
class ForgetSubject(Create[Erasure]):
    """Records the erasure of `subjects`, the keys `name` has in the vault. The command is
    identified by `subject`, the name's pseudonym, so not even a fingerprint holds the name.
    Record it through `forget`: handled alone, it would record an erasure and destroy nothing."""

    name: str = field(repr=False)
    subject: str
    subjects: list[str]
    reason: str

    def arguments(self) -> dict[str, Any]:
        return {"reason": self.reason, "subject": self.subject}

    def build(self) -> Erasure:
        if not self.subjects:
            raise fail("privacy.unknown_subject", "name", name=self.name)
        return Erasure.record(self.subjects, self.reason)


class DataSubjects(Protocol):
    """The parties, as the views know them: where personal data may be filed."""

    def ids(self) -> list[str]:
        """Every party's id: the scopes signatories' names are filed under."""
        ...

    def individuals_named(self, name: str) -> list[str]:
        """The individuals (natural persons) whose name is `name`."""
        ...

    def forget_names(self, party_ids: list[str]) -> None:
        """Drops what the views index of these individuals' names, their keys destroyed."""
        ...


@dataclass(frozen=True)
class Forgotten:
    """An erasure, and what of the person's data stays readable: events an older build
    recorded before individuals' names were sealed, by party id (their versions)."""

    result: CommandResult
    in_clear: dict[str, list[int]]


def forget(
    ledger: Ledger, name: str, reason: str, parties: DataSubjects, options: Options = NO_OPTIONS
) -> Forgotten:
    """Destroys every key for `name` (a signatory's or contact's name, email, ...; an
    individual party's name) wherever personal data may be filed: unscoped, under every party,
    and as the individuals so named: its values read as erased everywhere, while the log and
    its proofs stay intact. The individuals' snapshots are deleted (the vault never makes them
    a key again, nor does the ledger snapshot them again). Refused, with no key destroyed and
    nothing recorded, if `name` has no personal data on record (never given, or forgotten
    already) or the reason is blank."""
    vault = ledger.vault
    assert vault is not None, "a ledger that holds personal data has its vault"
    individuals = parties.individuals_named(name)
    subjects = vault.subjects_of(name, ["", *parties.ids()])
    subjects += [s for s in (vault.subject_of(p, p) for p in individuals) if s not in subjects]
    in_clear = {p: _in_clear(ledger, p) for p in individuals}
    imported = {(c, n) for p in individuals for c, n in _import_names(ledger, p, name)}

    def erase() -> None:
        vault.forget(subjects)
        for party_id in individuals:  # a cache, which may hold what an older build left plain
            ledger.forget_snapshots(UUID(party_id))
        for country, text in imported:  # an older import's key spelling the name
            ledger.store.rekey(legacy_party_key(country, text), party_key(vault, country, text))

    command = ForgetSubject(
        name=name,
        subject=vault.subject_of(name, ""),  # identifies the command, not the person
        subjects=subjects,
        reason=reason,
    )
    result = ledger.handle(command, options, effect=erase)
    parties.forget_names(individuals)
    return Forgotten(ledger.with_record(result), {p: v for p, v in in_clear.items() if v})


def _in_clear(ledger: Ledger, party_id: str) -> list[int]:
    """The versions of the party's events that hold its name or an identifier as plain text."""
    events = ledger.history(Party, UUID(party_id), 0, MAX_EVENTS)
    return [e.originator_version for e in events if _plain_personal(e)]


def _import_names(ledger: Ledger, party_id: str, name: str) -> set[tuple[str, str]]:
    """The (country, name) an import registering the party would have made its key from."""
    registered = ledger.get(Party, UUID(party_id), version=1)
    return {(registered.country, str(registered.name)), (registered.country, name)}


def _plain_personal(event: object) -> bool:
    values = [getattr(event, "name", None), *getattr(event, "identifiers", {}).values()]
    return any(isinstance(v, str) for v in values)


MAX_EVENTS = 10**9
