"""Sorting a view's list and paging through it by keyset.

A list is sorted by one column, ascending or descending (`sort=name`, `sort=-name`); ties come
in creation order, or its reverse when descending, so `-name` is `name` backwards. Rows without a
value come last either way. A page's cursor names the sort and
the last row's (value, creation position), so the next page starts exactly after it however
many rows were added in between: no offsets, no duplicates, no gaps.

The cursor is opaque to clients (URL-safe base64 of JSON). A cursor that does not decode, or was
made for another sort, is refused with `BadCursor`.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Column, ColumnElement, Select, Table, and_, or_

CREATED = "created"  # the creation order every list has


FOREIGN = "not a cursor this list gave out: pass `next_after` as it came"


class BadCursor(ValueError):
    """The `after` cursor cannot continue this list."""


@dataclass(frozen=True)
class Order:
    sort: str  # as asked: "name" or "-name"
    column: Column[Any]
    descending: bool
    after: tuple[Any, int] | None  # the last row seen: its sort value and creation position


class Sorting:
    """The orders a view's main table can be listed in: creation order, and `keys` (the API's
    name for each, and the column it sorts by)."""

    def __init__(self, table: Table, **keys: str) -> None:
        self.seq = table.c.seq
        self.columns: dict[str, Column[Any]] = {CREATED: table.c.seq}
        self.columns |= {name: table.c[column] for name, column in keys.items()}

    @property
    def choices(self) -> list[str]:
        return [s for name in self.columns for s in (name, f"-{name}")]

    def order(self, sort: str = CREATED, after: str | None = None) -> Order:
        name = sort.removeprefix("-")
        if name not in self.columns:
            raise ValueError(f"sort by one of {', '.join(self.choices)}")
        column = self.columns[name]
        return Order(
            sort, column, sort.startswith("-"), _decode(after, sort, column) if after else None
        )

    def select(self, query: Select[Any], order: Order, limit: int) -> Select[Any]:
        """`query` narrowed to the page after `order.after`, in order."""
        column, seq = order.column, self.seq
        if order.after:
            query = query.where(self._beyond(order, *order.after))
        by = [column.desc(), seq.desc()] if order.descending else [column.asc(), seq.asc()]
        if column.nullable:
            by.insert(0, column.is_(None))
        return query.order_by(*by).limit(limit)

    def _beyond(self, order: Order, value: Any, position: int) -> ColumnElement[bool]:
        """Rows after (value, position) in `order`."""
        column, seq = order.column, self.seq
        later = seq < position if order.descending else seq > position
        if column is seq:
            return later
        if value is None:
            return and_(column.is_(None), later)
        past = column < value if order.descending else column > value
        beyond = or_(past, and_(column == value, later))
        return or_(beyond, column.is_(None)) if column.nullable else beyond

    def page(
        self, order: Order, rows: list[Any], items: list[dict[str, Any]], limit: int
    ) -> dict[str, Any]:
        """The page's items, and the cursor for the next page (none after the last)."""
        if len(rows) < limit:
            return {"items": items, "next_after": None}
        last = rows[-1]
        return {
            "items": items,
            "next_after": _encode(order.sort, last[order.column.name], last["seq"]),
        }


def _encode(sort: str, value: Any, position: int) -> str:
    if isinstance(value, datetime | date):
        value = value.isoformat()
    raw = json.dumps([sort, value, position], separators=(",", ":"), ensure_ascii=False)
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def _decode(cursor: str, sort: str, column: Column[Any]) -> tuple[Any, int]:
    try:
        decoded = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (binascii.Error, UnicodeDecodeError, ValueError) as error:
        raise BadCursor(FOREIGN) from error
    if not (isinstance(decoded, list) and len(decoded) == 3):
        raise BadCursor(FOREIGN)
    made_for, value, position = decoded
    if made_for != sort:
        raise BadCursor(f"this cursor continues the list sorted by {made_for!r}: pass that sort")
    if not _storable(position) or type(position) is not int:
        raise BadCursor(FOREIGN)
    try:
        return _typed(value, column), position
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


def _typed(value: Any, column: Column[Any]) -> Any:
    """The cursor's value as the column holds it."""
    if value is None:
        return None
    kind = column.type.python_type
    if kind is datetime:
        moment = datetime.fromisoformat(value)
        return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    if kind is date:
        return date.fromisoformat(value)
    if kind is int and type(value) is int and _storable(value):
        return value
    if kind is str and isinstance(value, str) and _storable(value):
        return value
    raise TypeError(f"{value!r} is not a {kind.__name__}")
