"""Forgetting a data subject: destroy their keys, and record that it was done."""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from dealtrail.application.ledger import NO_OPTIONS, Command, CommandResult, Ledger, Options
from dealtrail.application.vault import SubjectVault
from dealtrail.domain.erasure import Erasure


class Privacy:
    def __init__(
        self, ledger: Ledger, vault: SubjectVault, scopes: Callable[[], list[str]]
    ) -> None:
        self.ledger = ledger
        self.vault = vault
        self.scopes = scopes  # every scope personal data may be filed under (party ids, "")

    def forget(self, name: str, reason: str, options: Options = NO_OPTIONS) -> CommandResult:
        """Destroys every key for `name` (a signatory's or contact's name, email, ...): its
        values read as erased everywhere, while the log and its proofs stay intact."""
        subjects = self.vault.forget(name, ["", *self.scopes()])
        command = Command("privacy.forget", {"reason": reason, "subjects": subjects}, options)
        return self.ledger.create(command, lambda: Erasure.record(subjects, reason))

    def get(self, erasure_id: UUID) -> Erasure:
        return self.ledger.get(Erasure, erasure_id)
