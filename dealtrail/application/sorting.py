"""The orders a list can be read in, and the cursors that page through it.

A list is sorted by one key, ascending or descending (`sort=name`, `sort=-name`); ties come in
creation order, or its reverse when descending. Every list has `created`, its creation order.

A page's cursor names the list, the sort and the last row's (value, creation position). It is
opaque to clients (URL-safe base64 of JSON, in the one canonical spelling this module makes). One
that does not decode, or was made for another list or sort, is refused with `BadCursor`. This is
vocabulary the API validates requests with before any view is read; the views (infrastructure)
do the sorting and paging.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

CREATED = "created"  # the creation order every list has
FOREIGN = "not a cursor this list gave out: pass `next_after` as it came"


class BadCursor(ValueError):
    """The `after` cursor cannot continue this list."""


@dataclass(frozen=True)
class Key:
    """What a list can be sorted by: the type of its values, and whether some rows lack one."""

    type: type
    optional: bool = False


@dataclass(frozen=True)
class SortKeys:
    """A list's sort keys, in the order the API names them (after `created`)."""

    name: str  # the list's, carried by its cursors
    keys: dict[str, Key]

    @classmethod
    def of(cls, name: str, /, **keys: Key) -> SortKeys:
        """The list's keys: creation order, then `keys`."""
        return cls(name, {CREATED: Key(int)} | keys)

    @property
    def choices(self) -> list[str]:
        return [s for name in self.keys for s in (name, f"-{name}")]

    @property
    def optional(self) -> list[str]:
        """The keys some rows have no value for."""
        return [name for name, key in self.keys.items() if key.optional]

    def key(self, sort: str) -> str:
        """The key `sort` names ("name" for "-name"); ValueError if the list has no such key."""
        name = sort.removeprefix("-")
        if name not in self.keys:
            raise ValueError(f"sort by one of {', '.join(self.choices)}")
        return name

    def cursor(self, sort: str, value: Any, position: int) -> str:
        """The cursor that continues the list sorted by `sort` after a row: its value for the
        key and its creation position."""
        if isinstance(value, datetime):
            value = (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(UTC)
        if isinstance(value, datetime | date):
            value = value.isoformat()
        point = [self.name, sort, value, position]
        raw = json.dumps(point, separators=(",", ":"), ensure_ascii=False).encode()
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    def after(self, sort: str, cursor: str) -> tuple[Any, int]:
        """The (value, creation position) a cursor for this list and `sort` continues after."""
        key = self.keys[self.key(sort)]
        try:
            raw = base64.b64decode(cursor + "=" * (-len(cursor) % 4), b"-_", validate=True)
            decoded = json.loads(raw)
        except (binascii.Error, UnicodeDecodeError, ValueError) as error:
            raise BadCursor(FOREIGN) from error
        if base64.urlsafe_b64encode(raw).decode().rstrip("=") != cursor:
            raise BadCursor(FOREIGN)  # not as this module spells it
        if not (isinstance(decoded, list) and len(decoded) == 4):
            raise BadCursor(FOREIGN)
        made_for, made_sort, value, position = decoded
        if made_for != self.name:
            raise BadCursor("this cursor continues another list: pass `next_after` as it came")
        if made_sort != sort:
            if made_sort in self.choices:
                raise BadCursor(f"this cursor continues the list with sort={made_sort}: pass that")
            raise BadCursor(FOREIGN)
        if type(position) is not int or not _storable(position):
            raise BadCursor(FOREIGN)
        if value is None and not key.optional:
            raise BadCursor(FOREIGN)
        try:
            return _typed(value, key.type), position
        except (TypeError, ValueError) as error:
            raise BadCursor(FOREIGN) from error


def _storable(value: Any) -> bool:
    """Whether every store can compare a column with the value (a 64-bit integer, or text
    PostgreSQL takes: UTF-8 without NUL)."""
    if type(value) is int:
        return -(2**63) <= value < 2**63
    if isinstance(value, str):
        try:
            value.encode()
        except UnicodeEncodeError:
            return False
        return "\x00" not in value
    return value is None


def _typed(value: Any, kind: type) -> Any:
    """The cursor's value as the key's type holds it (times in UTC, as the views store them)."""
    if value is None:
        return None
    if kind is datetime:
        moment = datetime.fromisoformat(value)
        return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)
    if kind is date:
        return date.fromisoformat(value)
    if kind is int and type(value) is int and _storable(value):
        return value
    if kind is str and isinstance(value, str) and _storable(value):
        return value
    raise TypeError(f"{value!r} is not a {kind.__name__}")
