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
    """Who is calling: recorded as the actor of every event they cause."""

    token_id: str
    name: str
    role: Role

    @property
    def actor(self) -> str:
        return f"{self.role}:{self.name}"


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

    def authenticate(self, secret: str) -> Principal | None:
        """The principal a secret belongs to, if it is valid and not revoked."""
        ...

    def list(self) -> list[TokenInfo]:
        """Every token, oldest first (never its secret)."""
        ...

    def revoke(self, token_id: str) -> bool:
        """Revokes the token; False if there is no such active token."""
        ...
