"""A value given as text that must name one member of an enumeration (a kind, a mode, a board)."""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

from dealtrail.domain.errors import fail

E = TypeVar("E", bound=StrEnum)


def one_of(kind: type[E], value: object, code: str, field: str, param: str | None = None) -> E:
    """The member of `kind` that `value` names; else the catalogued error `code` on `field`,
    whose message names the value as `param` (by default, as the field)."""
    try:
        return kind(value)
    except ValueError:
        raise fail(code, field, **{param or field: value}) from None
