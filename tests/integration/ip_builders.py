"""Builders for IP integration tests: assets, transfers and their contracts, through the
application."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from dealtrail.application.commands.agreements import (
    DraftAgreement,
    OpenForSignature,
)
from dealtrail.application.commands.ip_assets import RegisterAsset
from dealtrail.application.commands.ip_transfers import (
    ProposeTransfer,
    RecordWithOffice,
    SignContract,
    ValuateTransfer,
)
from dealtrail.application.commands.parties import RegisterParty
from dealtrail.bootstrap import Services
from dealtrail.domain.money import Money
from dealtrail.domain.terms import AgreementKind, Participant, PartyRole, Terms
from dealtrail.domain.transfer_terms import Term, Territory
from tests.integration.builders import signature

SIGNED_ON = date(2025, 3, 1)
RECORDED_ON = date(2025, 4, 1)
PRICE = Money.of("500000.00", "CNY")


def party(services: Services, name: str, country: str = "CN") -> str:
    register = RegisterParty(name=name, kind="university", country=country)
    return str(services.ledger.handle(register).aggregate_id)


def asset(
    services: Services,
    holder: str,
    title: str = "Graphene membrane",
    number: str = "CN202010566088.9",
) -> str:
    """A patent application; an IP number is unique, so a test's second asset needs its own."""
    register = RegisterAsset(
        holder_party_id=holder,
        kind="patent",
        jurisdiction="CN",
        title=title,
        identifiers=[("application", number)],
    )
    return str(services.ledger.handle(register).aggregate_id)


def effective_agreement(services: Services, a: str, b: str) -> str:
    parties = [
        Participant(a, PartyRole.ASSIGNOR, True),
        Participant(b, PartyRole.ASSIGNEE, True),
    ]
    terms = Terms("Patent assignment", "", PRICE, SIGNED_ON, None)
    draft = DraftAgreement(kind=AgreementKind.TECHNOLOGY_ASSIGNMENT, terms=terms, parties=parties)
    agreement_id = services.ledger.handle(draft).aggregate_id
    services.ledger.handle(OpenForSignature(agreement_id=agreement_id))
    for party_id in (a, b):
        sign = signature(agreement_id, party_id, "Zhang Wei", "President", SIGNED_ON)
        services.ledger.handle(sign)
    return str(agreement_id)


def propose(
    services: Services, asset_id: str, holder: str, recipient: str, mode: str = "assignment"
) -> UUID:
    term = Term(SIGNED_ON, None if mode == "assignment" else date(2030, 12, 31))
    proposal = ProposeTransfer(
        asset_id=asset_id,
        holder_party_id=holder,
        recipient_party_id=recipient,
        mode=mode,
        territory=Territory.world(),
        term=term,
    )
    return services.ledger.handle(proposal).aggregate_id


def signed_transfer(
    services: Services, asset_id: str, holder: str, recipient: str, mode: str = "assignment"
) -> UUID:
    """A transfer under an effective agreement between holder and recipient, ready to record."""
    transfer_id = propose(services, asset_id, holder, recipient, mode)
    valuation = ValuateTransfer(
        transfer_id=transfer_id,
        appraiser="Zhongxin Appraisal",
        method="income",
        value=PRICE,
        valuated_on=SIGNED_ON,
    )
    services.ledger.handle(valuation)
    agreement_id = effective_agreement(services, holder, recipient)
    services.ledger.handle(SignContract(transfer_id=transfer_id, agreement_id=agreement_id))
    return transfer_id


def record(services: Services, transfer_id: UUID, number: str = "2025990000123") -> None:
    recordal = RecordWithOffice(
        transfer_id=transfer_id, office="CN", recordal_number=number, recorded_on=RECORDED_ON
    )
    services.ledger.handle(recordal)
