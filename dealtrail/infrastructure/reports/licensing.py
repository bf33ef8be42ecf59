"""The annual licensing summary: deals executed, licence income, start-ups, partner countries."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, func, select

from dealtrail.domain.terms import AgreementKind
from dealtrail.domain.transfer_terms import TransferMode
from dealtrail.infrastructure.reports.periods import in_year
from dealtrail.infrastructure.views.agreements import agreement_parties, agreements
from dealtrail.infrastructure.views.amounts import from_minor
from dealtrail.infrastructure.views.ip_transfers import ip_transfers
from dealtrail.infrastructure.views.listings import listings
from dealtrail.infrastructure.views.party_tables import parties
from dealtrail.infrastructure.views.receivables import payments, schedules

LICENCES = [str(m) for m in TransferMode if m != TransferMode.ASSIGNMENT]


def _row(measure: str, category: str | None, count: int, **money: Any) -> dict[str, Any]:
    return {
        "measure": measure,
        "category": category,
        "count": count,
        "currency": money.get("currency"),
        "amount": money.get("amount"),
    }


def licensing_summary(conn: Connection, year: int) -> dict[str, Any]:
    """Rows by `measure`:
    - `technology_licences_effective`: technology licence agreements that took effect in `year`;
    - `ip_transfers_contracted` (by mode): IP transfers whose contract was signed in `year`;
    - `licence_income` (by licence mode and currency): payments received in `year` on IP
      transfers by licence (the domain records no payments against agreements), with their count;
    - `startups_formed`: distinct companies that applied for an equity listing in `year`;
    - `agreements_by_partner_country`: agreements that took effect in `year`, counted once for
      each country among their parties' countries."""
    a, t, s, p = agreements.c, ip_transfers.c, schedules.c, payments.c
    licences = conn.execute(
        select(func.count()).where(
            a.kind == str(AgreementKind.TECHNOLOGY_LICENCE), in_year(a.effective_on, year)
        )
    ).scalar_one()
    rows = [_row("technology_licences_effective", str(AgreementKind.TECHNOLOGY_LICENCE), licences)]
    contracted = select(t.mode, func.count()).where(in_year(t.contract_signed_on, year))
    for mode, count in conn.execute(contracted.group_by(t.mode).order_by(t.mode)):
        rows.append(_row("ip_transfers_contracted", mode, count))
    income = (
        select(t.mode, s.currency, func.count(), func.sum(p.amount_minor))
        .select_from(
            payments.join(schedules, s.source_id == p.source_id).join(
                ip_transfers, t.id == p.source_id
            )
        )
        .where(t.mode.in_(LICENCES), in_year(p.paid_on, year))
        .group_by(t.mode, s.currency)
        .order_by(t.mode, s.currency)
    )
    for mode, currency, count, minor in conn.execute(income):
        amount = from_minor(minor, currency)
        rows.append(_row("licence_income", mode, count, currency=currency, amount=amount))
    startups = conn.execute(
        select(func.count(listings.c.company_id.distinct())).where(
            in_year(listings.c.applied_on, year)
        )
    ).scalar_one()
    rows.append(_row("startups_formed", None, startups))
    by_country = (
        select(parties.c.country, func.count(a.id.distinct()))
        .select_from(
            agreements.join(agreement_parties, agreement_parties.c.agreement_id == a.id).join(
                parties, parties.c.id == agreement_parties.c.party_id
            )
        )
        .where(in_year(a.effective_on, year))
        .group_by(parties.c.country)
        .order_by(parties.c.country)
    )
    for country, count in conn.execute(by_country):
        rows.append(_row("agreements_by_partner_country", country, count))
    return {"year": year, "rows": rows}
