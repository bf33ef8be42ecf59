"""The shapes views' tables share, declared once: a table of records, a table of the rows records
own, and the columns several records have (a title, an enum's value, a country, a sum of money).
Read as `schema.title()`, `schema.enum("status")` and so on."""

from __future__ import annotations

from typing import Any

from sqlalchemy import BigInteger, Column, DateTime, ForeignKey, String, Table

from dealtrail.infrastructure.views.base import metadata, record_columns, sortable_text


def record_table(name: str, *columns: Column[Any]) -> Table:
    """A view's table of records, a row an aggregate: the `record_columns`, the record's own
    `columns`, and when it was last modified (`Writes.record` writes a row)."""
    modified_at = Column("modified_at", DateTime(timezone=True), nullable=False)
    return Table(name, metadata, *record_columns(), *columns, modified_at)


def owned_table(name: str, owner: str, parent: Table, *columns: Column[Any]) -> Table:
    """A table of rows that belong to a record of `parent`, whose id they hold in `owner`; its
    primary key is `owner` and the `columns` that are part of it (`base.owned` reads them)."""
    return Table(name, metadata, Column(owner, ForeignKey(parent.c.id), primary_key=True), *columns)


def title(name: str = "title") -> list[Column[Any]]:
    """A record's title (or name), and its `sort_key` to sort by (`base.title_values`)."""
    return [
        Column(name, String(300), nullable=False),
        Column(f"{name}_key", sortable_text(300), nullable=False, comment=f"sort by {name}"),
    ]


def enum(name: str) -> Column[str]:
    """A value from a fixed set (an enum's: a kind, a status), which lists filter and sort by."""
    return Column(name, sortable_text(40), nullable=False)


def country(name: str) -> Column[str]:
    """A country's ISO 3166 code, which lists filter and sort by."""
    return Column(name, sortable_text(2), nullable=False)


def money(prefix: str, comment: str | None = None) -> list[Column[Any]]:
    """A sum a record may lack (a price, a value): its amount as exact text, and its currency
    (`amounts.money_values` fills them, `amounts.money_of` reads them)."""
    return [
        Column(f"{prefix}_amount", String(40), comment=comment),
        Column(f"{prefix}_currency", String(3)),
    ]


def amount() -> list[Column[Any]]:
    """An amount in the currency a row names: exact text for reading, and minor units for sums
    (`amounts.amount_values` fills them)."""
    return [
        Column("amount", String(40), nullable=False, comment="exact decimal"),
        Column("amount_minor", BigInteger, nullable=False, comment="in minor units, for sums"),
    ]
