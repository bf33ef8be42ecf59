"""Builders for achievement and trading event integration tests, through the application."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from dealtrail.application.commands.achievements import RegisterAchievement
from dealtrail.application.commands.parties import RegisterParty
from dealtrail.application.commands.trading_events import ScheduleTradingEvent
from dealtrail.bootstrap import Services
from dealtrail.domain.contact import Contact
from dealtrail.domain.money import Money
from dealtrail.domain.offer import Offer

DAY = date(2026, 11, 20)
STRANGER = "00000000-0000-4000-8000-000000000000"
CONTACT = Contact("Wang Hong", "wang.hong@example.edu.cn")


def register(services: Services, name: str, kind: str = "university", country: str = "CN") -> str:
    register = RegisterParty(name=name, kind=kind, country=country)
    return str(services.ledger.handle(register).aggregate_id)


def offer(**changes: Any) -> Offer:
    values: dict[str, Any] = {
        "title": "High-power laser welding process",
        "field": "advanced_manufacturing",
        "trl": 6,
        "transfer_modes": ("licence",),
        "asking_price": Money.of("3500000.00", "CNY"),
    }
    return Offer(**{**values, **changes})


def achievement(services: Services, owner: str, **changes: Any) -> UUID:
    register = RegisterAchievement(owner_party_id=owner, offer=offer(**changes), contact=CONTACT)
    return services.ledger.handle(register).aggregate_id


def conference(services: Services, host: str) -> UUID:
    schedule = ScheduleTradingEvent(
        host_party_id=host,
        name="Hard Sci-Tech Achievements Trading Conference",
        city="Xi'an",
        country="CN",
        starts_on=DAY,
        ends_on=DAY,
    )
    return services.ledger.handle(schedule).aggregate_id
