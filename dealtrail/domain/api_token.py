"""ApiToken: the record that a token was issued to someone with a role, and revoked.

The secret itself is never an event: only who holds the token, its role, and who acted. The
holder's name is part of every event the token's holder causes (its actor,
`role:token:<id>:name`), so it is one line that says something, whatever issues the token.
"""

from __future__ import annotations

from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import event

from dealtrail.domain.base import Recorded
from dealtrail.domain.errors import fail
from dealtrail.domain.token_holder import MAX_HOLDER, holder_name

__all__ = ["MAX_HOLDER", "ApiToken", "holder_name"]


class ApiToken(Recorded):
    token_id: str
    holder: str
    role: str
    revoked: bool

    @staticmethod
    def create_id(token_id: str) -> UUID:
        """One record per token: its id derives from the token's id."""
        return uuid5(NAMESPACE_URL, f"dealtrail:api-token:{token_id}")

    id_for = create_id

    @classmethod
    def issue(cls, token_id: str, holder: str, role: str) -> ApiToken:
        return cls(token_id=token_id, holder=holder_name(holder), role=role)

    class Issued(Recorded.Created):
        token_id: str
        holder: str
        role: str

    @event(Issued)
    def __init__(self, token_id: str, holder: str, role: str) -> None:
        self.token_id = token_id
        self.holder = holder
        self.role = role
        self.revoked = False

    def revoke(self) -> None:
        if self.revoked:
            raise fail("token.already_revoked", token_id=self.token_id)
        self._revoked()

    @event("Revoked")
    def _revoked(self) -> None:
        self.revoked = True
