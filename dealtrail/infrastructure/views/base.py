"""What every catalogue view provides, and helpers they share."""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime
from functools import cache
from typing import Any, ClassVar

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Engine,
    Integer,
    MetaData,
    String,
    Table,
    bindparam,
    delete,
    insert,
)
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.types import TypeEngine

from dealtrail.domain.base import Recorded

metadata = MetaData()


class View:
    """Rows derived from one aggregate type's state; rebuilt from the log, never edited by hand."""

    kind: ClassVar[type[Recorded]]
    tables: ClassVar[tuple[Table, ...]]  # children before parents, for emptying on rebuild
    version: ClassVar[int] = 1  # raise it with any change to the tables or what rows hold

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def write(self, conn: Connection, aggregate: Any, seq: int) -> None:
        """Writes the rows for `aggregate` (at its latest version in the batch); `seq` is the
        log position of its creation, the stable order of lists."""
        raise NotImplementedError


def record_columns() -> list[Column[Any]]:
    """The columns every record row starts with, on which `upsert` and sorting rely: the
    aggregate's id, the log position of its creation (the stable order of lists), its version."""
    return [
        Column("id", String(36), primary_key=True),
        Column("seq", BigInteger, nullable=False, unique=True, comment="log position of creation"),
        Column("version", Integer, nullable=False),
    ]


def sortable_text(length: int) -> TypeEngine[str]:
    """Text that sorts code point by code point on every store (SQLite's binary order, and the
    "C" collation on PostgreSQL whatever the database's locale), so a list sorts alike on both."""
    return String(length).with_variant(String(length, collation="C"), "postgresql")


def sort_key(text: str, length: int = 300) -> str:
    """`text` as lists sort it: case- and accent-blind, compatibility forms folded ("Éclair" as
    "eclair", full-width letters as their ASCII twins), cut to the key column's length. Beyond
    that, code point order: no locale's collation (CJK by code point, not by reading)."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", bare).casefold()[:length]


def upsert(conn: Connection, table: Table, row: dict[str, Any]) -> None:
    """Inserts the row, or updates everything but its creation position `seq`: one statement,
    built once per table and store."""
    conn.execute(_upsert_statement(conn.dialect.name, table), row)


@cache
def _upsert_statement(dialect: str, table: Table) -> Any:
    statement = (sqlite_insert if dialect == "sqlite" else postgresql_insert)(table)
    kept = ("id", "seq")
    changes = {c.name: statement.excluded[c.name] for c in table.columns if c.name not in kept}
    return statement.on_conflict_do_update(index_elements=[table.c.id], set_=changes)


def replace_rows(
    conn: Connection, table: Table, owner: str, owner_id: str, rows: list[dict[str, Any]]
) -> None:
    """Replaces the rows of `table` whose column `owner` is `owner_id` (an aggregate's child
    rows) with `rows`: one delete, one insert of them all."""
    conn.execute(_delete_statement(table, owner), {"owner": owner_id})
    if rows:
        conn.execute(insert(table), [{owner: owner_id, **row} for row in rows])


@cache
def _delete_statement(table: Table, owner: str) -> Any:
    return delete(table).where(table.c[owner] == bindparam("owner"))


def utc(moment: datetime) -> datetime:
    """SQLite returns naive datetimes: they were stored as UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
