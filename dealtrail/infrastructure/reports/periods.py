"""Calendar helpers that reports share."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement


def in_year(column: Any, year: int) -> ColumnElement[bool]:
    """`column` (a date) falls within the calendar year."""
    return column.between(date(year, 1, 1), date(year, 12, 31))


def lifecycle_order(states: type[StrEnum]) -> dict[str, int]:
    """A sort key that lists states in the order of the lifecycle, as the enum declares them."""
    return {str(state): index for index, state in enumerate(states)}
