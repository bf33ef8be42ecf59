"""Issuing and revoking API tokens, each recorded as an event (who, when, for whom, what role).

A token lives in the token store, which is not the ledger: the commands record what happened to
it, and `issue_token` and `revoke_token` keep the two in step. A token is minted before its
issue is recorded (the event names its id); it is stopped only once its revocation has passed
the ledger's checks, just before the event is saved (see `Ledger.handle`'s `effect`).
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from dealtrail.application.command import (
    NO_OPTIONS,
    Change,
    CommandResult,
    Create,
    Options,
    command,
)
from dealtrail.application.ledger import Ledger
from dealtrail.application.ports.tokens import Role, TokenInfo, TokenStore
from dealtrail.domain.api_token import ApiToken
from dealtrail.domain.metadata import current_metadata


@command("token.issue")
class IssueToken(Create[ApiToken]):
    """Records a token the store has minted; only its id identifies the command."""

    token_id: str
    holder: str
    role: str

    def arguments(self) -> dict[str, Any]:
        return {"token_id": self.token_id}

    def build(self) -> ApiToken:
        return ApiToken.issue(self.token_id, self.holder, self.role)


@command("token.revoke")
class RevokeToken(Change[ApiToken]):
    """Records a revocation. Record it through `revoke_token`: handled alone, it would record
    the revocation and leave the token working."""

    AGGREGATE = ApiToken
    token_id: str

    @property
    def target(self) -> UUID:
        """The token's record, whose id derives from the token's."""
        return ApiToken.id_for(self.token_id)

    def act(self, token: ApiToken) -> None:
        if token.revoked:
            raise NotActive
        token.revoke()


class NotActive(Exception):
    """The token was revoked already: nothing to record."""


def issue_token(
    ledger: Ledger, store: TokenStore, holder: str, role: Role
) -> tuple[TokenInfo, str, CommandResult]:
    """Creates the token and records its issue; returns it, its secret (shown once) and the
    command's result."""
    info, secret = store.create(holder, role, created_by=current_metadata().actor)
    issue = IssueToken(token_id=info.token_id, holder=info.name, role=str(role))
    return info, secret, ledger.handle(issue)


def revoke_token(
    ledger: Ledger, store: TokenStore, token_id: str, options: Options = NO_OPTIONS
) -> CommandResult | None:
    """Stops the token and records who revoked it; None if there is no such active token.

    The token is stopped only once the command has passed the ledger's checks (a replay of the
    same idempotency key answers as the first time; a stale If-Match is refused before anything
    changes). If the event then fails to save, the token stays stopped (the safe side) and a
    retry records its revocation."""
    revoke = RevokeToken(token_id=token_id)
    if not ledger.exists(ApiToken, revoke.target):
        # a token issued before issues were recorded: it can be stopped, not recorded
        store.revoke(token_id)
        return None
    try:
        # False if a revocation whose event failed to save stopped it already
        return ledger.handle(revoke, options, effect=lambda: store.revoke(token_id))
    except NotActive:
        return None
