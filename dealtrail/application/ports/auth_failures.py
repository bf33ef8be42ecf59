"""Failed authentication, counted per client across every worker: guessing tokens stops."""

from __future__ import annotations

from typing import Protocol


class AuthFailures(Protocol):
    """Counts a client's failed authentications in a window shared by every process."""

    def retry_after(self, client: str) -> int | None:
        """Seconds until `client` may try again, if it failed too often in its window."""
        ...

    def record(self, client: str) -> None:
        """Counts one failure of `client` (a new window if its last one is over)."""
        ...
