"""Idempotency records: what a command with a given key did, stored atomically with its events."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any, Protocol
from uuid import UUID


@dataclass(frozen=True)
class IdempotencyRecord:
    scope: str
    key: str
    fingerprint: str
    originator_id: UUID
    originator_version: int


class IdempotencyStore(Protocol):
    """Implemented by the application recorder: it writes records inside the events' transaction.
    A save passed `leaves={}` also gets back each event's audit leaf hash (hex), by position, as
    the recorder wrote it in that transaction."""

    def idempotency_record(self, scope: str, key: str) -> IdempotencyRecord | None: ...

    def notification_ids(self, originator_id: UUID, gt: int, lte: int) -> dict[int, int]: ...

    def rekey(self, old: str, new: str) -> None:
        """Renames the key `old` to `new` in every scope (a name in a key made a pseudonym)."""
        ...


def fingerprint(command: str, target: object, args: dict[str, Any]) -> str:
    """Identifies a command by what it asks for, so a key reused with other arguments is caught."""
    text = repr((command, str(target), sorted(args.items())))
    return hashlib.sha256(text.encode()).hexdigest()
