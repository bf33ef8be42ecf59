"""Forgetting a data subject: destroy their keys, and record that it was done."""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from dealtrail.application.command import NO_OPTIONS, CommandResult, Options
from dealtrail.application.ledger import Ledger
from dealtrail.application.ledger import OldCommand as Command
from dealtrail.application.vault import SubjectVault
from dealtrail.domain.erasure import Erasure
from dealtrail.domain.errors import fail


class Privacy:
    def __init__(
        self, ledger: Ledger, vault: SubjectVault, scopes: Callable[[], list[str]]
    ) -> None:
        self.ledger = ledger
        self.vault = vault
        self.scopes = scopes  # every scope personal data may be filed under (party ids, "")

    def forget(self, name: str, reason: str, options: Options = NO_OPTIONS) -> CommandResult:
        """Destroys every key for `name` (a signatory's or contact's name, email, ...): its
        values read as erased everywhere, while the log and its proofs stay intact. Refused,
        with no key destroyed and nothing recorded, if `name` has no personal data on record
        (never given, or forgotten already) or the reason is blank."""
        subject = self.vault.subject_of(name, "")  # identifies the command, not the person
        command = Command("privacy.forget", {"reason": reason, "subject": subject}, options)
        return self.ledger.create(command, lambda: self._erase(name, reason))

    def _erase(self, name: str, reason: str) -> Erasure:
        subjects = self.vault.subjects_of(name, ["", *self.scopes()])
        if not subjects:
            raise fail("privacy.unknown_subject", "name", name=name)
        erasure = Erasure.record(subjects, reason)
        self.vault.forget(subjects)
        return erasure

    def get(self, erasure_id: UUID) -> Erasure:
        return self.ledger.get(Erasure, erasure_id)
