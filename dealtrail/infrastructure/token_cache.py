"""Authenticating from memory: a per-process cache of the tokens this process has checked.

A request no longer reads the token table, only (at most once a second per store) how many
tokens have been revoked: revocation is one-way and tokens are never deleted, so that count is a
version of the revocations. When it changes, the cache empties; a token revoked by another
process (another worker, `dealtrail tokens revoke`) is refused here within a second. A revocation
made in this process empties every cache of the process at once.

Only valid tokens are cached (an unknown or revoked secret is looked up every time), keyed by
the secret's SHA-256, never the secret.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable
from typing import ClassVar

from dealtrail.application.ports.tokens import Principal, Role, TokenInfo
from dealtrail.infrastructure.tokens import SqlTokenStore

RECHECK_SECONDS = 1.0
MAX_ENTRIES = 10_000  # a process caching more starts over


class CachedTokenStore:
    """A TokenStore: the SQL store, authenticating from a cache revocations invalidate."""

    revoked_here: ClassVar[int] = 0  # revocations made by this process, through any store

    def __init__(
        self,
        store: SqlTokenStore,
        recheck: float = RECHECK_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store = store
        self.engine = store.engine
        self.recheck = recheck
        self.clock = clock
        self._lock = threading.Lock()
        self._principals: dict[str, Principal] = {}
        self._version: tuple[int, int] | None = None  # (local, stored) revocations
        self._checked_at = 0.0

    def known(self, secret: str) -> Principal | None:
        """The principal, if this process checked the secret since the last revocation: no
        token is read (the revocations' count at most once a second)."""
        self._current_version()
        with self._lock:
            return self._principals.get(hashlib.sha256(secret.encode()).hexdigest())

    def authenticate(self, secret: str) -> Principal | None:
        key = hashlib.sha256(secret.encode()).hexdigest()
        version = self._current_version()
        with self._lock:
            principal = self._principals.get(key)
        if principal is not None:
            return principal
        principal = self.store.authenticate(secret)
        with self._lock:
            # a revocation seen while the token was read may be older than the row read
            if principal is not None and self._version == version:
                if len(self._principals) >= MAX_ENTRIES:
                    self._principals.clear()
                self._principals[key] = principal
        return principal

    def _current_version(self) -> tuple[int, int]:
        now = self.clock()
        with self._lock:
            version = self._version
            due = version is None or version[0] != CachedTokenStore.revoked_here
            due = due or now - self._checked_at >= self.recheck
        if not due:
            assert version is not None
            return version
        local = CachedTokenStore.revoked_here
        stored = self.store.revocations()
        with self._lock:
            if self._version != (local, stored):
                self._principals.clear()
                self._version = (local, stored)
            self._checked_at = now
            return self._version

    def token_id_of(self, secret: str) -> str | None:
        return self.store.token_id_of(secret)

    def create(self, name: str, role: Role, created_by: str) -> tuple[TokenInfo, str]:
        return self.store.create(name, role, created_by)

    def list(self) -> list[TokenInfo]:
        return self.store.list()

    def revoke(self, token_id: str) -> bool:
        try:
            return self.store.revoke(token_id)
        finally:
            CachedTokenStore.revoked_here += 1  # every cache of the process empties
