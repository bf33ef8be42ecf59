"""The reports dashboards ask for, answered from the views (never by replaying aggregates).

Each report returns a dict holding its parameters and `rows`: flat dicts with the same keys, so
any report can be shown as a table or exported as CSV. Money is exact (`Decimal` in the
currency's unit). A report's reads see one state of the views: they share one transaction.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Protocol

# The receivables report's money columns, per row and in each currency's total: what schedules
# say is owed, what was paid, what is outstanding, and the outstanding aged by days past due.
AMOUNTS = (
    "scheduled",
    "paid",
    "outstanding",
    "not_yet_due",
    "days_0_30",
    "days_31_60",
    "days_61_90",
    "days_over_90",
)

Report = dict[str, Any]


class Reports(Protocol):
    def pipeline(self) -> Report:
        """Agreements by status and kind; IP transfers, listings and achievements by status."""
        ...

    def deal_value(self, year: int | None = None) -> Report:
        """Agreements' values summed per currency by the month they took effect (in `year`)."""
        ...

    def awaiting_signatures(self) -> Report:
        """Per agreement open for signature, each party that must sign it and has not."""
        ...

    def overdue_milestones(self, as_of: date) -> Report:
        """Milestones due before `as_of`, still pending, of agreements that have not ended."""
        ...

    def ip_transfers_by_kind(self) -> Report:
        """IP transfers counted by asset kind, mode and status."""
        ...

    def listings_by_state(self) -> Report:
        """Equity listings by state, with the funds they raised per currency."""
        ...

    def trading_event_counts(self) -> Report:
        """Per trading event: what was exhibited, pitched and signed there."""
        ...

    def trading_event_countries(self, as_of: date, event_id: str | None = None) -> Report:
        """Where the event's (default: the latest that had started by `as_of`, else the latest)
        international projects and the parties to agreements signed there come from, per
        country or region; `event_id` None when there is no event. Raises AggregateNotFound
        for an unknown event."""
        ...

    def funds_raised(self) -> Report:
        """Funds raised in financing rounds per board and currency."""
        ...

    def report_position(self) -> Report:
        """`position`: the log position every report has taken into account (0: none yet), so
        a dashboard re-reads its reports only when it moves."""
        ...

    def receivables(self, as_of: date) -> Report:
        """What schedules say is owed as of a day, what was paid, and how late the rest is
        (`AMOUNTS` per row, and `totals` per currency)."""
        ...

    def licensing_summary(self, year: int) -> Report:
        """The year's licensing figures: licences effective, transfers contracted, licence
        income, start-ups formed, agreements by partner country."""
        ...
