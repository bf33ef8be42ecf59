"""Builders for IP integration tests: assets, transfers and their contracts, through the
application."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from dealtrail.bootstrap import Services
from dealtrail.domain.money import Money
from dealtrail.domain.terms import AgreementKind, Participant, PartyRole, Terms
from dealtrail.domain.transfer_terms import Term, Territory

SIGNED_ON = date(2025, 3, 1)
RECORDED_ON = date(2025, 4, 1)
PRICE = Money.of("500000.00", "CNY")


def party(services: Services, name: str, country: str = "CN") -> str:
    return str(services.parties.register(name, "university", country).aggregate_id)


def asset(
    services: Services,
    holder: str,
    title: str = "Graphene membrane",
    number: str = "CN202010566088.9",
) -> str:
    """A patent application; an IP number is unique, so a test's second asset needs its own."""
    result = services.ip_assets.register(holder, "patent", "CN", title, [("application", number)])
    return str(result.aggregate_id)


def effective_agreement(services: Services, a: str, b: str) -> str:
    parties = [
        Participant(a, PartyRole.ASSIGNOR, True),
        Participant(b, PartyRole.ASSIGNEE, True),
    ]
    terms = Terms("Patent assignment", "", PRICE, SIGNED_ON, None)
    agreement_id = services.agreements.draft(
        AgreementKind.TECHNOLOGY_ASSIGNMENT, terms, parties
    ).aggregate_id
    services.agreements.open_for_signature(agreement_id)
    for party_id in (a, b):
        services.agreements.sign(agreement_id, party_id, "Zhang Wei", "President", SIGNED_ON)
    return str(agreement_id)


def propose(
    services: Services, asset_id: str, holder: str, recipient: str, mode: str = "assignment"
) -> UUID:
    term = Term(SIGNED_ON, None if mode == "assignment" else date(2030, 12, 31))
    return services.ip_transfers.propose(
        asset_id, holder, recipient, mode, Territory.world(), term
    ).aggregate_id


def signed_transfer(
    services: Services, asset_id: str, holder: str, recipient: str, mode: str = "assignment"
) -> UUID:
    """A transfer under an effective agreement between holder and recipient, ready to record."""
    transfer_id = propose(services, asset_id, holder, recipient, mode)
    services.ip_transfers.valuate(transfer_id, "Zhongxin Appraisal", "income", PRICE, SIGNED_ON)
    agreement_id = effective_agreement(services, holder, recipient)
    services.ip_transfers.sign_contract(transfer_id, agreement_id)
    return transfer_id


def record(services: Services, transfer_id: UUID, number: str = "2025990000123") -> None:
    services.ip_transfers.record_with_office(transfer_id, "CN", number, RECORDED_ON)
