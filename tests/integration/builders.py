"""Small builders for integration tests: parties and agreements through the application."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from dealtrail.bootstrap import Services
from dealtrail.domain.money import Money
from dealtrail.domain.terms import AgreementKind, Participant, PartyRole, Terms


def two_parties(services: Services) -> tuple[str, str]:
    a = services.parties.register("Xi'an Jiaotong University", "university", "CN")
    b = services.parties.register("National Academy of Sciences", "academy", "KZ")
    return str(a.aggregate_id), str(b.aggregate_id)


def terms(title: str = "International cooperation agreement") -> Terms:
    return Terms(
        title, "Joint lab", Money.of("250000.00", "CNY"), date(2026, 1, 1), date(2030, 12, 31)
    )


def open_agreement(services: Services) -> tuple[UUID, str, str]:
    a, b = two_parties(services)
    parties = [
        Participant(a, PartyRole.COOPERATION_PARTNER, True),
        Participant(b, PartyRole.COOPERATION_PARTNER, True),
    ]
    result = services.agreements.draft(AgreementKind.COOPERATION, terms(), parties)
    services.agreements.open_for_signature(result.aggregate_id)
    return result.aggregate_id, a, b
