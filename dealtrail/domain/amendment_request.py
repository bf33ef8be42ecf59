"""Amendment request: what a trading centre's reviewers ask an applicant to change, and by when."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date


@dataclass(frozen=True)
class AmendmentRequest:
    request_id: str
    what: str
    due_on: date
    reference: str | None = None

    @property
    def is_outstanding(self) -> bool:
        """Not answered yet: the application cannot be approved while it is."""
        return self.reference is None

    def provided(self, reference: str) -> AmendmentRequest:
        return replace(self, reference=reference)
