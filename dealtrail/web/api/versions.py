"""Time travel for GET requests: `?version=N`, `?as_of=<time>` or `?effective_at=<time>`."""

from __future__ import annotations

from typing import Any, TypeVar
from uuid import UUID

from dealtrail.domain.base import Recorded
from dealtrail.web.services import services

A = TypeVar("A", bound=Recorded)


def load_version(kind: type[A], aggregate_id: UUID, query: dict[str, Any]) -> A:
    ledger = services().ledger
    if "as_of" in query:
        return ledger.get_as_of(kind, aggregate_id, query["as_of"])
    if "effective_at" in query:
        return ledger.get_in_effect(kind, aggregate_id, query["effective_at"])
    return ledger.get(kind, aggregate_id, query.get("version"))
