"""Settings, read once from environment variables (documented in README.md)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from dealtrail.infrastructure.postgres_url import PostgresURL


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    database_url: str | None = None
    database_schema: str = "public"
    snapshot_interval: int = 20
    max_body_bytes: int = 1_000_000
    audit_signing_key: str | None = None
    cipher_key: str | None = None
    compress: bool = False
    ready_max_lag: int = 1_000
    inline_followers: bool = True
    tree_head_seconds: float = 60.0
    cors_origins: tuple[str, ...] = ()
    auth_fail_limit: int = 20  # failed authentications a client may make in a window (0: off)
    auth_fail_window: int = 300  # seconds
    trusted_proxies: int = 0  # proxies in front whose X-Forwarded-For names the client

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        data_dir = env.get("DEALTRAIL_DATA_DIR") or platformdirs.user_data_dir("dealtrail")
        return cls(
            data_dir=Path(data_dir).expanduser(),
            database_url=env.get("DEALTRAIL_DATABASE_URL") or None,
            database_schema=env.get("DEALTRAIL_DATABASE_SCHEMA") or "public",
            snapshot_interval=int(env.get("DEALTRAIL_SNAPSHOT_INTERVAL") or 20),
            max_body_bytes=int(env.get("DEALTRAIL_MAX_BODY_BYTES") or 1_000_000),
            audit_signing_key=env.get("DEALTRAIL_AUDIT_SIGNING_KEY") or None,
            cipher_key=env.get("DEALTRAIL_CIPHER_KEY") or None,
            compress=(env.get("DEALTRAIL_COMPRESS") or "").lower() in ("1", "true", "yes", "on"),
            ready_max_lag=int(env.get("DEALTRAIL_READY_MAX_LAG") or 1_000),
            inline_followers=(env.get("DEALTRAIL_INLINE_FOLLOWERS") or "1").lower()
            not in ("0", "false", "no", "off"),
            tree_head_seconds=float(env.get("DEALTRAIL_TREE_HEAD_SECONDS") or 60),
            cors_origins=tuple(
                o.strip() for o in (env.get("DEALTRAIL_CORS_ORIGINS") or "").split(",") if o.strip()
            ),
            auth_fail_limit=int(env.get("DEALTRAIL_AUTH_FAIL_LIMIT") or 20),
            auth_fail_window=int(env.get("DEALTRAIL_AUTH_FAIL_WINDOW") or 300),
            trusted_proxies=int(env.get("DEALTRAIL_TRUSTED_PROXIES") or 0),
        )

    @property
    def postgres(self) -> PostgresURL | None:
        return PostgresURL.parse(self.database_url) if self.database_url else None
