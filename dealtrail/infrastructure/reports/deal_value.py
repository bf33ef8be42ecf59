"""Deal value: agreements' contract values summed by the month they took effect, per currency."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, extract, func, select

from dealtrail.infrastructure.reports.periods import in_year
from dealtrail.infrastructure.views.agreements import agreements
from dealtrail.infrastructure.views.amounts import from_minor


def deal_value(conn: Connection, year: int | None = None) -> dict[str, Any]:
    """Every agreement that has taken effect (whatever became of it later) and has a value,
    counted in the month of `effective_on`, at its value under the current terms."""
    a = agreements.c
    year_of, month_of = extract("year", a.effective_on), extract("month", a.effective_on)
    query = (
        select(
            year_of.label("year"),
            month_of.label("month"),
            a.value_currency.label("currency"),
            func.count().label("agreements"),
            func.sum(a.value_minor).label("minor"),
        )
        .where(a.effective_on.is_not(None), a.value_minor.is_not(None))
        .group_by(year_of, month_of, a.value_currency)
    )
    if year is not None:
        query = query.where(in_year(a.effective_on, year))
    rows = [
        {
            "month": f"{int(r['year']):04d}-{int(r['month']):02d}",
            "currency": r["currency"],
            "agreements": r["agreements"],
            "value": from_minor(r["minor"], r["currency"]),
        }
        for r in conn.execute(query).mappings()
    ]
    return {"year": year, "rows": sorted(rows, key=lambda r: (r["month"], r["currency"]))}
