"""Issuing and revoking API tokens, each recorded as an event (who, when, for whom, what role)."""

from __future__ import annotations

from typing import Any, Protocol

from dealtrail.application.command import NO_OPTIONS, CommandResult, Options
from dealtrail.application.ledger import Ledger
from dealtrail.application.ledger import OldCommand as Command
from dealtrail.domain.api_token import ApiToken
from dealtrail.domain.metadata import current_metadata


class TokenStore(Protocol):
    def create(self, name: str, role: Any, created_by: str) -> tuple[Any, str]: ...

    def revoke(self, token_id: str) -> bool: ...


class TokenAdministration:
    def __init__(self, ledger: Ledger, store: TokenStore) -> None:
        self.ledger = ledger
        self.store = store

    def issue(self, holder: str, role: Any) -> tuple[Any, str, CommandResult]:
        """Creates the token and records its issue; returns it, its secret (shown once) and
        the command's result."""
        info, secret = self.store.create(holder, role, created_by=current_metadata().actor)
        command = Command("token.issue", {"token_id": info.token_id}, NO_OPTIONS)
        result = self.ledger.create(
            command, lambda: ApiToken.issue(info.token_id, info.name, str(role))
        )
        return info, secret, result

    def revoke(self, token_id: str, options: Options = NO_OPTIONS) -> CommandResult | None:
        """Stops the token and records who revoked it; None if there is no such active token.

        The token is stopped only once the command has passed the ledger's checks (a replay of
        the same idempotency key answers as the first time; a stale If-Match is refused before
        anything changes). If the event then fails to save, the token stays stopped (the safe
        side) and a retry records its revocation."""
        aggregate_id = ApiToken.id_for(token_id)
        if not self.ledger.exists(ApiToken, aggregate_id):
            # a token issued before issues were recorded: it can be stopped, not recorded
            self.store.revoke(token_id)
            return None
        command = Command("token.revoke", {"token_id": token_id}, options)
        try:
            return self.ledger.change(
                command, ApiToken, aggregate_id, lambda token: self._stop(token_id, token)
            )
        except _NotActive:
            return None

    def _stop(self, token_id: str, token: ApiToken) -> None:
        if token.revoked:
            raise _NotActive
        self.store.revoke(token_id)  # False if a revocation whose event failed stopped it
        token.revoke()


class _NotActive(Exception):
    """The token was revoked already: nothing to record."""
