"""Business dates: what "in the future" means for a date written on a document."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from dealtrail.domain.errors import fail

# The earliest time zone is UTC+14: a date later than today there is in the future everywhere.
_LATEST_OFFSET = timedelta(hours=14)


def latest_today() -> date:
    """Today's date in the time zone that is furthest ahead."""
    return (datetime.now(UTC) + _LATEST_OFFSET).date()


def is_future(day: date) -> bool:
    return day > latest_today()


# The dates a record of today's deals can hold. A signature before 1900 or a term ending in 9999 is
# a slip of the keyboard or a stand-in for "none", not a fact: refused, rather than kept forever.
EARLIEST_ON_RECORD = date(1900, 1, 1)
LATEST_ON_RECORD = date(2199, 12, 31)


def check_on_record(day: date | None, field: str) -> None:
    """Refuses a business date outside the dates on record (None: no date, nothing to check)."""
    if day is not None and not EARLIEST_ON_RECORD <= day <= LATEST_ON_RECORD:
        raise fail(
            "date.out_of_range",
            field,
            what=field,
            on=day,
            earliest=EARLIEST_ON_RECORD,
            latest=LATEST_ON_RECORD,
        )


def check_year_on_record(year: int, field: str) -> None:
    """Refuses a calendar year that no date on record falls in."""
    if not EARLIEST_ON_RECORD.year <= year <= LATEST_ON_RECORD.year:
        raise fail(
            "date.out_of_range",
            field,
            what=field,
            on=year,
            earliest=EARLIEST_ON_RECORD,
            latest=LATEST_ON_RECORD,
        )
