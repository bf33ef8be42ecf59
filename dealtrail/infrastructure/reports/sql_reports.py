"""The reports (`dealtrail.application.ports.reports`), each a query of the views' tables."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import Engine

from dealtrail.application.ports.reports import Report
from dealtrail.infrastructure.reports import (
    deal_value,
    events,
    licensing,
    milestones,
    pipeline,
    portfolio,
    position,
    receivables,
    signatures,
)


class SqlReports:
    """Runs each report after `catch_up` (given when the views follow the log inline, so a
    report read after a command counts it), its queries in one transaction: on PostgreSQL one
    snapshot, so its figures agree with each other."""

    def __init__(self, engine: Engine, catch_up: Callable[[], object] | None) -> None:
        self.engine = engine
        self.catch_up = catch_up

    def _run(self, report: Callable[..., Report], **params: Any) -> Report:
        if self.catch_up is not None:
            self.catch_up()
        with self.engine.connect() as conn:
            if conn.dialect.name == "postgresql":
                conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                return report(conn, **params)

    def pipeline(self) -> Report:
        return self._run(pipeline.pipeline)

    def deal_value(self, year: int | None = None) -> Report:
        return self._run(deal_value.deal_value, year=year)

    def awaiting_signatures(self) -> Report:
        return self._run(signatures.awaiting_signatures)

    def overdue_milestones(self, as_of: date) -> Report:
        return self._run(milestones.overdue_milestones, as_of=as_of)

    def ip_transfers_by_kind(self) -> Report:
        return self._run(portfolio.ip_transfers_by_kind)

    def listings_by_state(self) -> Report:
        return self._run(portfolio.listings_by_state)

    def trading_event_counts(self) -> Report:
        return self._run(events.trading_event_counts)

    def trading_event_countries(self, as_of: date, event_id: str | None = None) -> Report:
        return self._run(events.trading_event_countries, as_of=as_of, event_id=event_id)

    def funds_raised(self) -> Report:
        return self._run(portfolio.funds_raised)

    def report_position(self) -> Report:
        return self._run(position.report_position)

    def receivables(self, as_of: date) -> Report:
        return self._run(receivables.receivables, as_of=as_of)

    def licensing_summary(self, year: int) -> Report:
        return self._run(licensing.licensing_summary, year=year)
