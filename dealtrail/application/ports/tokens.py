"""API tokens: who may call, in which role, and the store that issues and checks them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol


class Role(StrEnum):
    STAFF = "staff"
    AUDITOR = "auditor"
    DASHBOARD = "dashboard"
    ADMIN = "admin"


@dataclass(frozen=True)
class Principal:
    """Who is calling: recorded as the actor of every event they cause, and the scope of the
    idempotency keys they send.

    A token's actor is `<role>:token:<token id>:<name>`: the id tells apart two tokens issued
    to the same name, and the `token` kind keeps any name from reading as an operator's
    `<role>:cli:<user>` (a principal without a token: `dealtrail call`). Events recorded
    before this form carry `<role>:<name>`; they are read as they were written."""

    token_id: str | None  # None: the operating-system user running the CLI in-process
    name: str
    role: Role

    @property
    def actor(self) -> str:
        if self.token_id is None:
            return f"{self.role}:cli:{self.name}"
        return f"{self.role}:token:{self.token_id}:{self.name}"


@dataclass(frozen=True)
class TokenInfo:
    token_id: str
    name: str
    role: Role
    created_at: datetime
    created_by: str
    revoked_at: datetime | None


class TokenStore(Protocol):
    """Tokens are random secrets shown once; the store keeps what checks them, not the secret."""

    def create(self, name: str, role: Role, created_by: str) -> tuple[TokenInfo, str]:
        """The new token and its secret: the only time the secret is ever shown. The name
        follows the domain's rule for a holder's name (refused before anything is stored)."""
        ...

    def known(self, secret: str) -> Principal | None:
        """The principal, if this process has checked the secret already (no I/O); else None."""
        ...

    def authenticate(self, secret: str) -> Principal | None:
        """The principal a secret belongs to, if it is valid and not revoked."""
        ...

    def token_id_of(self, secret: str) -> str | None:
        """The token id a secret names, if it has the form of one (valid or not): for logs."""
        ...

    def list(self) -> list[TokenInfo]:
        """Every token, oldest first (never its secret)."""
        ...

    def revoke(self, token_id: str) -> bool:
        """Revokes the token; False if there is no such active token."""
        ...
