"""Sorting a view's list and paging through it by keyset; reading a page (`Sorting.search`) and
the rows its records own (`owned`).

Rows without a value for the sort key come last either way, so `-name` is `name` backwards. The
next page starts right after the cursor's point, so a row recorded meanwhile is never repeated:
it shows in its place if it sorts after the point. Only creation order is immune to change; a
row whose sort value changes during a read may move across the point. What the keys are called
and how cursors are spelt is the application's (`dealtrail.application.sorting`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Column,
    ColumnElement,
    Connection,
    Engine,
    Index,
    RowMapping,
    Select,
    Table,
    and_,
    literal,
    or_,
    select,
    tuple_,
)

from dealtrail.application.ports.views import ListQuery
from dealtrail.application.sorting import CREATED, Key, SortKeys

Items = Callable[[Connection, Sequence[RowMapping]], list[dict[str, Any]]]


@dataclass(frozen=True)
class Order:
    sort: str  # as asked: "name" or "-name"
    column: Column[Any]
    descending: bool
    after: tuple[Any, int] | None  # the last row seen: its sort value and creation position


class Sorting:
    """The orders a view's main table can be listed in: creation order, then the keys of `names`
    (the API's, as its port declares them) and of `columns`, each by the column `columns` names
    for it, else by the `sort_key` of its text if the table keeps one (`title_key` for `title`,
    see `schema.title`), else by the column of its name. The keys named in `indexed` get an
    index on (column, seq), from which both stores read a page in order starting right after the
    cursor, and which serves equality filters on the column too; other keys are sorted per page
    (every index is one more write per row, and one more to create with each store)."""

    def __init__(
        self,
        table: Table,
        names: Iterable[str] = (),
        indexed: tuple[str, ...] = (),
        **columns: str,
    ) -> None:
        self.list = table.name
        self.seq = table.c.seq
        keys = [n for n in names if n != CREATED]
        keys += [n for n in columns if n not in keys]
        self.columns: dict[str, Column[Any]] = {CREATED: table.c.seq}
        for name in keys:
            column = columns.get(name) or (f"{name}_key" if f"{name}_key" in table.c else name)
            self.columns[name] = table.c[column]
        self.keys = SortKeys(
            self.list,
            {n: Key(c.type.python_type, bool(c.nullable)) for n, c in self.columns.items()},
        )
        for name in indexed:
            column = self.columns[name]
            Index(f"ix_{table.name}_{column.name}_seq", column, table.c.seq)

    @property
    def choices(self) -> list[str]:
        return self.keys.choices

    def order(self, sort: str = CREATED, after: str | None = None) -> Order:
        column = self.columns[self.keys.key(sort)]
        last = self.keys.after(sort, after) if after is not None else None
        return Order(sort, column, sort.startswith("-"), last)

    def search(
        self, engine: Engine, statement: Select[Any], query: ListQuery, items: Items
    ) -> dict[str, Any]:
        """The page of `statement` that `query` asks for: its rows made into items by `items`,
        in the connection that read them (to read what the rows own with them)."""
        order = self.order(query.sort, query.after)
        with engine.connect() as conn:
            rows = conn.execute(self.select(statement, order, query.limit)).mappings().all()
            found = items(conn, rows)
        return self.page(order, list(rows), found, query.limit)

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
        cursor = self.keys.cursor(order.sort, last[order.column.name], last["seq"])
        return {"items": items, "next_after": cursor}


def owned(
    conn: Connection, owner: Column[Any], records: Sequence[Mapping[str, Any]], *order_by: Any
) -> dict[str, list[RowMapping]]:
    """The rows of `owner`'s table that belong to each of `records` (by its id, which `owner`
    holds), in the order of `order_by`."""
    ids = [r["id"] for r in records]
    found: dict[str, list[RowMapping]] = {i: [] for i in ids}
    rows = conn.execute(select(owner.table).where(owner.in_(ids)).order_by(*order_by))
    for row in rows.mappings():
        found[row[owner.name]].append(row)
    return found
