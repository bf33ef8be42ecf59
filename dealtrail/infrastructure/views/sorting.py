"""Sorting a view's list and paging through it by keyset.

A list is sorted by one column, ascending or descending (`sort=name`, `sort=-name`); ties come
in creation order, or its reverse when descending, so `-name` is `name` backwards. Rows without a
value come last either way.

A page's cursor names the list, the sort and the last row's (value, creation position); the next
page starts right after that point, so a row recorded meanwhile is never repeated: it shows in
its place if it sorts after the point. Only creation order is immune to change; a row whose
sort value changes during a read may move across the point.

The cursor is opaque to clients (URL-safe base64 of JSON, in the one canonical spelling this
module makes). One that does not decode, or was made for another list or sort, is refused with
`BadCursor`.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Column, ColumnElement, Index, Select, Table, and_, literal, or_, tuple_

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
    name for each, and the column it sorts by). The keys named in `indexed` get an index on
    (column, seq), from which both stores read a page in order starting right after the cursor,
    and which serves equality filters on the column too; other keys are sorted per page (every
    index is one more write per row, and one more to create with each store)."""

    def __init__(self, table: Table, indexed: tuple[str, ...] = (), **keys: str) -> None:
        self.list = table.name
        self.seq = table.c.seq
        self.columns: dict[str, Column[Any]] = {CREATED: table.c.seq}
        self.columns |= {name: table.c[column] for name, column in keys.items()}
        for name in indexed:
            column = keys[name]
            Index(f"ix_{table.name}_{column}_seq", table.c[column], table.c.seq)

    @property
    def choices(self) -> list[str]:
        return [s for name in self.columns for s in (name, f"-{name}")]

    @property
    def optional(self) -> list[str]:
        """The keys some rows have no value for."""
        return [name for name, column in self.columns.items() if column.nullable]

    def order(self, sort: str = CREATED, after: str | None = None) -> Order:
        name = sort.removeprefix("-")
        if name not in self.columns:
            raise ValueError(f"sort by one of {', '.join(self.choices)}")
        column = self.columns[name]
        last = self._decode(after, sort, column) if after is not None else None
        return Order(sort, column, sort.startswith("-"), last)

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
        """Rows after (value, position) in `order`: a row-value comparison, which both stores
        answer from an index on (column, seq)."""
        column, seq = order.column, self.seq
        if column is seq:
            return seq < position if order.descending else seq > position
        if value is None:
            later = seq < position if order.descending else seq > position
            return and_(column.is_(None), later)
        point, last = tuple_(column, seq), tuple_(literal(value, column.type), literal(position))
        beyond = point < last if order.descending else point > last
        return or_(beyond, column.is_(None)) if column.nullable else beyond

    def page(
        self, order: Order, rows: list[Any], items: list[dict[str, Any]], limit: int
    ) -> dict[str, Any]:
        """The page's items, and the cursor for the next page (none after the last)."""
        if len(rows) < limit:
            return {"items": items, "next_after": None}
        last = rows[-1]
        return {"items": items, "next_after": self._encode(order, last[order.column.name], last)}

    def _encode(self, order: Order, value: Any, row: Any) -> str:
        if isinstance(value, datetime):
            value = (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(UTC)
        if isinstance(value, datetime | date):
            value = value.isoformat()
        point = [self.list, order.sort, value, row["seq"]]
        raw = json.dumps(point, separators=(",", ":"), ensure_ascii=False).encode()
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    def _decode(self, cursor: str, sort: str, column: Column[Any]) -> tuple[Any, int]:
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
        if made_for != self.list:
            raise BadCursor("this cursor continues another list: pass `next_after` as it came")
        if made_sort != sort:
            if made_sort in self.choices:
                raise BadCursor(f"this cursor continues the list with sort={made_sort}: pass that")
            raise BadCursor(FOREIGN)
        if type(position) is not int or not _storable(position):
            raise BadCursor(FOREIGN)
        if value is None and not column.nullable:
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
    """The cursor's value as the column holds it (times in UTC, as the views store them)."""
    if value is None:
        return None
    kind = column.type.python_type
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
