"""Small builders for integration tests: parties and agreements through the application."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from dealtrail.application.commands.agreements import (
    DraftAgreement,
    OpenForSignature,
    SignAgreement,
)
from dealtrail.application.commands.parties import RegisterParty
from dealtrail.bootstrap import Services
from dealtrail.domain.money import Money
from dealtrail.domain.terms import AgreementKind, Participant, PartyRole, Terms


def two_parties(services: Services) -> tuple[str, str]:
    a = services.ledger.handle(
        RegisterParty(name="Xi'an Jiaotong University", kind="university", country="CN")
    )
    b = services.ledger.handle(
        RegisterParty(name="National Academy of Sciences", kind="academy", country="KZ")
    )
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
    draft = DraftAgreement(kind=AgreementKind.COOPERATION, terms=terms(), parties=parties)
    result = services.ledger.handle(draft)
    services.ledger.handle(OpenForSignature(agreement_id=result.aggregate_id))
    return result.aggregate_id, a, b


def signature(
    agreement_id: UUID, party_id: str, name: str, title: str, signed_on: date
) -> SignAgreement:
    """A party's signature, as these tests record it."""
    return SignAgreement(
        agreement_id=agreement_id,
        party_id=party_id,
        signatory_name=name,
        signatory_title=title,
        signed_on=signed_on,
    )
