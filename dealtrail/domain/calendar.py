"""Business dates: what "in the future" means for a date written on a document."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

# The earliest time zone is UTC+14: a date later than today there is in the future everywhere.
_LATEST_OFFSET = timedelta(hours=14)


def latest_today() -> date:
    """Today's date in the time zone that is furthest ahead."""
    return (datetime.now(UTC) + _LATEST_OFFSET).date()


def is_future(day: date) -> bool:
    return day > latest_today()
