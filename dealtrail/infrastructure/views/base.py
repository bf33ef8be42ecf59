"""What every view provides, and helpers they share."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Engine,
    Integer,
    MetaData,
    Select,
    String,
    Table,
)
from sqlalchemy.types import TypeEngine

from dealtrail.domain.base import Recorded
from dealtrail.infrastructure.views.bulk import bulk

metadata = MetaData()


class View:
    """Rows derived from one aggregate type's state; rebuilt from the log, never edited by hand."""

    kind: ClassVar[type[Recorded]]
    tables: ClassVar[tuple[Table, ...]]  # children before parents, for emptying on rebuild
    version: ClassVar[int] = 1  # raise it with any change to the tables or what rows hold

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def write(self, writes: Writes, aggregate: Any, seq: int) -> None:
        """Gathers into `writes` the rows for `aggregate` (at its latest version in the batch);
        `seq` is the log position of its creation, the stable order of lists."""
        raise NotImplementedError


def record_columns() -> list[Column[Any]]:
    """The columns every record row starts with, on which `upsert` and sorting rely: the
    aggregate's id, the log position of its creation (the stable order of lists), its version."""
    return [
        Column("id", String(36), primary_key=True),
        Column("seq", BigInteger, nullable=False, unique=True, comment="log position of creation"),
        Column("version", Integer, nullable=False),
    ]


def record_row(aggregate: Any, seq: int, **values: Any) -> dict[str, Any]:
    """The row of `aggregate` in a `schema.record_table`: its own `values` amid the common ones."""
    return {
        "id": str(aggregate.id),
        "seq": seq,
        "version": aggregate.version,
        **values,
        "modified_at": aggregate.modified_on,
    }


def title_values(text: str, name: str = "title") -> dict[str, str]:
    """What the columns of `schema.title(name)` hold of `text`."""
    return {name: text, f"{name}_key": sort_key(text)}


def sortable_text(length: int) -> TypeEngine[str]:
    """Text that sorts code point by code point on every store (SQLite's binary order, and the
    "C" collation on PostgreSQL whatever the database's locale), so a list sorts alike on both."""
    return String(length).with_variant(String(length, collation="C"), "postgresql")


def sort_key(text: str, length: int = 300) -> str:
    """`text` as lists sort it: case- and accent-blind, compatibility forms folded ("Éclair" as
    "eclair", full-width letters as their ASCII twins), cut to the key column's length. Beyond
    that, code point order: no locale's collation (CJK by code point, not by reading)."""
    if text.isascii():  # ASCII is unchanged by NFKD and NFC, and casefolds as it lowercases
        return text.lower()[:length]
    bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", bare).casefold()[:length]


class Writes:
    """What the views write for one batch of the log, gathered per table and written together:
    a handful of statements a batch (executemany, in few round trips) instead of several per
    aggregate. Each aggregate is written once a batch, so no row comes twice.

    `new` names the aggregates created in the batch: they have no rows yet (the batch holds
    their first event, and a view and its position commit together), so their child rows are
    inserted without deleting first."""

    def __init__(self, new: frozenset[str] = frozenset()) -> None:
        self._new = new
        self._upserts: dict[Table, list[dict[str, Any]]] = {}
        self._replaced: dict[Table, tuple[str, list[str]]] = {}  # owner column, owner ids
        self._inserts: dict[Table, list[dict[str, Any]]] = {}
        self._steps: list[Callable[[Connection], None]] = []

    def prepare(self, step: Callable[[Connection], None]) -> None:
        """Runs `step` first thing when flushing, in the batch's transaction: what needs the
        database to finish a row (e.g. a key to seal a name with, made with the row)."""
        self._steps.append(step)

    def upsert(self, table: Table, row: dict[str, Any]) -> None:
        """Inserts the row, or updates everything but its creation position `seq`."""
        self._upserts.setdefault(table, []).append(row)

    def record(self, table: Table, aggregate: Any, seq: int, **values: Any) -> None:
        """Upserts the row of `aggregate` in `table`, a `schema.record_table`: its own `values` amid
        the common ones."""
        self.upsert(table, record_row(aggregate, seq, **values))

    def replace(self, table: Table, owner: str, owner_id: str, rows: list[dict[str, Any]]) -> None:
        """Replaces the rows of `table` whose column `owner` is `owner_id` (an aggregate's child
        rows) with `rows`."""
        column, owners = self._replaced.setdefault(table, (owner, []))
        assert column == owner, f"{table.name} rows belong to their {column}"
        if owner_id not in self._new:
            owners.append(owner_id)
        self._inserts.setdefault(table, []).extend({owner: owner_id, **row} for row in rows)

    def flush(self, conn: Connection) -> None:
        """Writes what was gathered, once: deletes the replaced rows (children first), upserts
        the records, inserts the new rows (parents first)."""
        for step in self._steps:
            step(conn)
        dialect = conn.dialect
        for table, (owner, owners) in reversed(self._replaced.items()):
            bulk(table, dialect).delete(conn, owner, owners)
        for table, rows in self._upserts.items():
            bulk(table, dialect).insert(conn, rows, upsert=True)
        for table, rows in self._inserts.items():
            bulk(table, dialect).insert(conn, rows)


def matching(statement: Select[Any], *filters: tuple[Column[Any], Any]) -> Select[Any]:
    """`statement` narrowed to the rows whose column equals each filter's value (as text); a
    filter without a value does not narrow it."""
    for column, value in filters:
        if value:
            statement = statement.where(column == str(value))
    return statement


def utc(moment: datetime) -> datetime:
    """SQLite returns naive datetimes: they were stored as UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
