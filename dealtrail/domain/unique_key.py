"""Unique keys: values only one record may hold, declared by the records that hold them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from dealtrail.domain.errors import DomainError, fail


@dataclass(frozen=True)
class UniqueKey:
    """A value a record holds that no other record may hold, and how a second holder is refused:
    the catalogued `code` (a `Taken` error) naming the input `field`, with `params` for its
    message besides `existing_id`."""

    key: str  # the value in one canonical spelling, with what it is unique within
    code: str
    field: str
    params: dict[str, Any] = field(default_factory=dict)

    def refusal(self, existing_id: UUID) -> DomainError:
        return fail(self.code, self.field, existing_id=existing_id, **self.params)
