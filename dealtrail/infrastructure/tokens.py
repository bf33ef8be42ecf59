"""API tokens: random secrets shown once, stored only as SHA-256 hashes, revocable."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import UTC, datetime

from sqlalchemy import Column, DateTime, Engine, String, Table, func, insert, select, update

from dealtrail.application.ports.tokens import Principal, Role, TokenInfo
from dealtrail.domain.token_holder import holder_name
from dealtrail.infrastructure.records import metadata

TOKEN_PREFIX = "dt_"  # noqa: S105 - a public prefix, not a secret


api_tokens = Table(
    "api_tokens",
    metadata,
    Column("token_id", String(32), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("role", String(20), nullable=False),
    Column("secret_hash", String(64), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("created_by", String(300), nullable=False),
    Column("revoked_at", DateTime(timezone=True)),
)


def _utc(moment: datetime) -> datetime:
    """SQLite hands back the stored UTC times without their zone."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def token_id_of(secret: str) -> str | None:
    """The id a secret of our form names (`dt_<16 hex>_...`), whether or not it is valid."""
    token_id, sep, _ = secret.removeprefix(TOKEN_PREFIX).partition("_")
    if not (secret.startswith(TOKEN_PREFIX) and sep and len(token_id) == 16):
        return None
    return token_id if all(c in "0123456789abcdef" for c in token_id) else None


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


class SqlTokenStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def create(self, name: str, role: Role, created_by: str) -> tuple[TokenInfo, str]:
        name = holder_name(name)
        token_id = secrets.token_hex(8)
        secret = f"{TOKEN_PREFIX}{token_id}_{secrets.token_urlsafe(32)}"
        info = TokenInfo(token_id, name, Role(role), datetime.now(UTC), created_by, None)
        with self.engine.begin() as conn:
            conn.execute(
                insert(api_tokens).values(
                    token_id=token_id,
                    name=name,
                    role=info.role.value,
                    secret_hash=_hash(secret),
                    created_at=info.created_at,
                    created_by=created_by,
                )
            )
        return info, secret

    def known(self, secret: str) -> Principal | None:
        """Nothing is known without reading the table."""
        return None

    def token_id_of(self, secret: str) -> str | None:
        return token_id_of(secret)

    def authenticate(self, secret: str) -> Principal | None:
        token_id = token_id_of(secret)
        if token_id is None:
            return None
        with self.engine.connect() as conn:
            row = (
                conn.execute(select(api_tokens).where(api_tokens.c.token_id == token_id))
                .mappings()
                .first()
            )
        if row is None or row["revoked_at"] is not None:
            return None
        if not hmac.compare_digest(row["secret_hash"], _hash(secret)):
            return None
        return Principal(row["token_id"], row["name"], Role(row["role"]))

    def list(self) -> list[TokenInfo]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(api_tokens).order_by(api_tokens.c.created_at)).mappings()
            return [
                TokenInfo(
                    r["token_id"],
                    r["name"],
                    Role(r["role"]),
                    _utc(r["created_at"]),
                    r["created_by"],
                    r["revoked_at"] and _utc(r["revoked_at"]),
                )
                for r in rows
            ]

    def revocations(self) -> int:
        """How many tokens have been revoked: a revocation is never undone and a token never
        deleted, so this only grows (caches compare it to see whether any was revoked)."""
        with self.engine.connect() as conn:
            return conn.execute(select(func.count(api_tokens.c.revoked_at))).scalar_one()

    def revoke(self, token_id: str) -> bool:
        with self.engine.begin() as conn:
            result = conn.execute(
                update(api_tokens)
                .where(api_tokens.c.token_id == token_id, api_tokens.c.revoked_at.is_(None))
                .values(revoked_at=datetime.now(UTC))
            )
        return result.rowcount == 1
