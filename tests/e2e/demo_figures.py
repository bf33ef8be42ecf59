"""The demo conference's headline figures, derived from the demo's own definitions
(dealtrail/demo/), not from anything it recorded."""

from __future__ import annotations

from decimal import Decimal

from dealtrail.demo import conference
from dealtrail.demo.achievements import EXHIBITED
from dealtrail.demo.core import PARTIES
from dealtrail.demo.deals import LISTINGS, TRANSFERS
from dealtrail.demo.members import MEMBERS

CURRENCY = "CNY"  # the demo records every amount in yuan (dealtrail/demo/deal_steps.py)


def event_counts(exhibited: int = EXHIBITED) -> dict[str, int]:
    """What the conference exhibited, pitched and signed, as the trading-events report counts
    (`exhibited`: the achievements the demo was loaded with)."""
    country = {p.key: p.country for p in PARTIES + MEMBERS}
    presenters = [country[key] for r in conference.ROADSHOWS for key in r.presenters]
    abroad = [c for c in presenters if c != conference.COUNTRY]
    return {
        "achievements_exhibited": exhibited,  # `dealtrail demo load` exhibits every achievement
        "roadshows": len(conference.ROADSHOWS),
        "projects_pitched": len(presenters),
        "international_projects": len(abroad),
        "international_countries": len(set(abroad)),
        "agreements_signed": len(conference.SIGNED_AT_EVENT),
    }


def event_row(exhibited: int = EXHIBITED) -> dict[str, str]:
    """The conference's row of the trading-events table, as text."""
    place = {
        "name": conference.NAME,
        "starts_on": conference.DAY.isoformat(),
        "city": conference.CITY,
    }
    return place | {k: str(v) for k, v in event_counts(exhibited).items()}


def funds_raised() -> dict[str, Decimal]:
    """What the listings raised in their financing rounds, per currency."""
    return {CURRENCY: sum((Decimal(r[1]) for x in LISTINGS for r in x.rounds), Decimal(0))}


def outstanding() -> dict[str, Decimal]:
    """What the IP transfers' schedules still ask for after the payments made (none is in the
    future: the domain refuses that), per currency. Demo agreements carry no payment schedule."""
    due = [Decimal(a) for t in TRANSFERS if t.schedule for _, a in t.schedule.instalments]
    paid = [Decimal(a) for t in TRANSFERS for a, _, _ in t.payments]
    return {CURRENCY: sum(due, Decimal(0)) - sum(paid, Decimal(0))}
