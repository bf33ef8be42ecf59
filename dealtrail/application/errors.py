"""Why the application refused a command or a query, beyond the domain's own rules."""

from __future__ import annotations

import re
from uuid import UUID


class ApplicationError(Exception):
    code: str = "application.error"


class AggregateNotFound(ApplicationError):
    code = "not_found"

    def __init__(self, kind: type, aggregate_id: UUID | str) -> None:
        name = re.sub(r"(?<!^)(?=[A-Z])", " ", kind.__name__).lower()  # IpTransfer: "ip transfer"
        super().__init__(f"No {name} with id {aggregate_id}.")
        self.kind = name
        self.aggregate_id = aggregate_id


class VersionMismatch(ApplicationError):
    """The caller's expected version is not the current one: it acted on stale state."""

    code = "version_mismatch"

    def __init__(self, expected: int, actual: int) -> None:
        super().__init__(f"Expected version {expected}, but the current version is {actual}.")
        self.expected = expected
        self.actual = actual


class ConcurrentUpdate(ApplicationError):
    """Another command changed the aggregate between our read and our write; nothing was saved."""

    code = "concurrent_update"

    def __init__(self) -> None:
        super().__init__("Another change was recorded at the same time; reload and retry.")


class IdempotencyKeyReused(ApplicationError):
    """The key was already used by this caller for a different command."""

    code = "idempotency_key_reused"

    def __init__(self, key: str) -> None:
        super().__init__(f"Idempotency key {key!r} was already used for a different request.")
        self.key = key
