"""Forgetting a data subject: destroy their keys, and record that it was done.

The keys live in the subject vault, not the ledger: `forget` looks the name up there and hands
the ledger the command with the destruction as its effect, so the keys go only once the command
has passed every check (never for a replay or a refusal), just before the erasure is saved.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import field
from typing import Any

from dealtrail.application.command import NO_OPTIONS, CommandResult, Create, Options, command
from dealtrail.application.ledger import Ledger
from dealtrail.domain.erasure import Erasure
from dealtrail.domain.errors import fail


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


def forget(
    ledger: Ledger, name: str, reason: str, scopes: Iterable[str], options: Options = NO_OPTIONS
) -> CommandResult:
    """Destroys every key for `name` (a signatory's or contact's name, email, ...) among
    `scopes` (every scope personal data may be filed under besides "": party ids): its values
    read as erased everywhere, while the log and its proofs stay intact. Refused, with no key
    destroyed and nothing recorded, if `name` has no personal data on record (never given, or
    forgotten already) or the reason is blank."""
    vault = ledger.vault
    assert vault is not None, "a ledger that holds personal data has its vault"
    subjects = vault.subjects_of(name, ["", *scopes])
    command = ForgetSubject(
        name=name,
        subject=vault.subject_of(name, ""),  # identifies the command, not the person
        subjects=subjects,
        reason=reason,
    )
    return ledger.with_record(
        ledger.handle(command, options, effect=lambda: vault.forget(subjects))
    )
