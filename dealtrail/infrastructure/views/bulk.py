"""The statements a batch of view writes runs, a few per table whatever the number of rows: on
PostgreSQL one statement a table taking each column as an array (`unnest`), planned once and
run set-wise on the server; on SQLite the driver's executemany over plain tuples. Both go to
the driver as SQL text, so no row is compiled by SQLAlchemy: values are converted as the
column's type converts them for the dialect (its bind processor), so the rows stored are the
same as through SQLAlchemy."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import BigInteger, Boolean, Connection, Date, DateTime, Integer, String, Table
from sqlalchemy.engine import Dialect

Row = dict[str, Any]

_ARRAY_TYPES: tuple[tuple[type, str], ...] = (
    (BigInteger, "bigint"),  # before Integer, its base class
    (Integer, "integer"),
    (Boolean, "boolean"),
    (DateTime, "timestamptz"),
    (Date, "date"),
    (String, "text"),  # text, so a value too long for the column fails as it would unbatched
)


class Bulk:
    """The bulk statements of one table on one dialect, made once. Identifiers are quoted by the
    dialect; no value is ever part of the SQL text."""

    def __init__(self, table: Table, dialect: Dialect) -> None:
        quote = dialect.identifier_preparer.quote
        self.postgres = dialect.name == "postgresql"
        self.names = [c.name for c in table.columns]
        processors = [c.type.dialect_impl(dialect).bind_processor(dialect) for c in table.columns]
        self.processors: list[tuple[int, Callable[[Any], Any]]] = [
            (i, p) for i, p in enumerate(processors) if p is not None
        ]
        name = dialect.identifier_preparer.format_table(table)
        columns = ", ".join(quote(n) for n in self.names)
        if self.postgres:
            arrays = ", ".join(f"%s::{_array_type(c.type)}[]" for c in table.columns)
            values = f"SELECT * FROM unnest({arrays})"  # noqa: S608 (type names)
        else:
            values = "VALUES ({})".format(", ".join("?" for _ in self.names))
        self.insert_sql = f"INSERT INTO {name} ({columns}) {values}"
        changes = ", ".join(
            f"{quote(n)} = excluded.{quote(n)}" for n in self.names if n not in ("id", "seq")
        )
        self.upsert_sql = f"{self.insert_sql} ON CONFLICT (id) DO UPDATE SET {changes}"
        owned = "= ANY(%s::text[])" if self.postgres else "= ?"
        self.delete_sql = {
            c.name: f"DELETE FROM {name} WHERE {quote(c.name)} {owned}"  # noqa: S608 (quoted names)
            for c in table.columns
        }

    def values(self, rows: Sequence[Row]) -> list[tuple[Any, ...]]:
        """`rows` as tuples in the table's column order, converted as the dialect converts them."""
        names = self.names
        if not self.processors:
            return [tuple([row.get(n) for n in names]) for row in rows]
        converted: list[tuple[Any, ...]] = []
        for row in rows:
            values = [row.get(n) for n in names]
            for i, process in self.processors:
                values[i] = process(values[i])
            converted.append(tuple(values))
        return converted

    def insert(self, conn: Connection, rows: Sequence[Row], *, upsert: bool = False) -> None:
        """Inserts `rows` (an upsert on `id`, updating all but `id` and `seq`, if `upsert`)."""
        if not rows:
            return
        sql = self.upsert_sql if upsert else self.insert_sql
        values = self.values(rows)
        if self.postgres:
            conn.exec_driver_sql(sql, tuple(list(c) for c in zip(*values, strict=True)))
        else:
            conn.exec_driver_sql(sql, values)

    def delete(self, conn: Connection, column: str, owners: list[str]) -> None:
        """Deletes the rows whose `column` is one of `owners`."""
        if not owners:
            return
        if self.postgres:
            conn.exec_driver_sql(self.delete_sql[column], (owners,))
        else:
            conn.exec_driver_sql(self.delete_sql[column], [(owner,) for owner in owners])


def bulk(table: Table, dialect: Dialect) -> Bulk:
    """The bulk statements of `table` on `dialect` (made once per kind of dialect)."""
    key = (table, dialect.name, dialect.driver)
    made = _made.get(key)
    if made is None:
        made = _made[key] = Bulk(table, dialect)
    return made


_made: dict[tuple[Table, str, str], Bulk] = {}


def _array_type(column_type: Any) -> str:
    if isinstance(column_type, DateTime) and not column_type.timezone:
        return "timestamp"
    for kind, name in _ARRAY_TYPES:
        if isinstance(column_type, kind):
            return name
    raise TypeError(f"no array type for {column_type!r}")
