"""What every catalogue view provides, and helpers they share."""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime
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
    insert,
    select,
    update,
)
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
    """Inserts the row, or updates everything but its creation position `seq`."""
    existing = conn.execute(select(table.c.seq).where(table.c.id == row["id"])).first()
    if existing is None:
        conn.execute(insert(table).values(**row))
    else:
        conn.execute(
            update(table)
            .where(table.c.id == row["id"])
            .values(**{k: v for k, v in row.items() if k != "seq"})
        )


def utc(moment: datetime) -> datetime:
    """SQLite returns naive datetimes: they were stored as UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
