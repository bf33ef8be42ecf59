"""Business dates: what "in the future" means for a date written on a document."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from dealtrail.domain.errors import fail

# The earliest time zone is UTC+14: a date later than today there is in the future everywhere.
_LATEST_OFFSET = timedelta(hours=14)


def latest_today() -> date:
    """Today's date in the time zone that is furthest ahead."""
    return latest_day(datetime.now(UTC))


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


# The latest time zone is UTC-12: what is still yesterday there has already begun everywhere else.
_EARLIEST_OFFSET = timedelta(hours=12)

# When a step of a lifecycle happened: the business date written on it, or, for a step that carries
# no date (a review started, a suspension), the time it took effect.
Moment = date | datetime


def earliest_day(at: datetime) -> date:
    """The date of `at` in the time zone furthest behind: the earliest date it bears anywhere."""
    return (at.astimezone(UTC) - _EARLIEST_OFFSET).date()


def latest_day(at: datetime) -> date:
    """The date of `at` in the time zone furthest ahead: the latest date it bears anywhere."""
    return (at.astimezone(UTC) + _LATEST_OFFSET).date()


def falls_on(moment: datetime, day: date) -> bool:
    """Whether `moment` is on `day` in some time zone from UTC-12 to UTC+14."""
    return earliest_day(moment) <= day <= latest_day(moment)


def precedes(later: Moment, earlier: Moment) -> bool:
    """Whether `later` is certainly before `earlier`. A date against a time is read in whatever
    time zone favours it, as staff in any zone may have written it: listing on the day of an
    approval, or suspending on the day of a listing, is never before it."""
    if isinstance(later, datetime) and isinstance(earlier, datetime):
        return later < earlier
    if isinstance(later, datetime):
        return latest_day(later) < earlier
    if isinstance(earlier, datetime):
        return later < earliest_day(earlier)
    return later < earlier


def shown(moment: Moment) -> str:
    """A moment as an error message names it: a date, or a time in UTC to the minute."""
    if isinstance(moment, datetime):
        return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return moment.isoformat()
