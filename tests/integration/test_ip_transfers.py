"""IP transfers on both stores: the whole deal, and the rules that span aggregates."""

from __future__ import annotations

from datetime import date
from uuid import UUID, uuid4

import pytest

from dealtrail.application.commands.ip_transfers import (
    CompleteTransfer,
    ProposeTransfer,
    RecordPayment,
    ScheduleConsideration,
    SignContract,
    ValuateTransfer,
)
from dealtrail.application.ledger import Options
from dealtrail.application.ports.views import IpTransferQuery
from dealtrail.bootstrap import Services, bootstrap
from dealtrail.domain.consideration import ConsiderationKind, Schedule
from dealtrail.domain.errors import Conflict, DomainError, Invalid
from dealtrail.domain.ip_transfer import IpTransfer
from dealtrail.domain.money import Money
from dealtrail.domain.terms import Instalment
from dealtrail.domain.transfer_terms import Term, Territory, TransferStatus
from dealtrail.infrastructure.settings import Settings
from dealtrail.infrastructure.views.ip_transfers import IpTransfersView
from tests.integration.builders import open_agreement
from tests.integration.ip_builders import (
    PRICE,
    asset,
    effective_agreement,
    party,
    propose,
    record,
    signed_transfer,
)

pytestmark = pytest.mark.usefixtures("staff")

HALF = Money.of("250000.00", "CNY")
TWO_HALVES = Schedule(
    ConsiderationKind.INSTALMENTS,
    "CNY",
    (Instalment(date(2025, 5, 1), HALF), Instalment(date(2025, 6, 1), HALF)),
)


def test_an_assignment_runs_from_proposal_to_completion_and_reloads_as_saved(
    services: Services, settings: Settings
) -> None:
    university, company = party(services, "XJTU"), party(services, "Qinling Photonics")
    transfer_id = signed_transfer(services, asset(services, university), university, company)
    handle = services.ledger.handle
    handle(ScheduleConsideration(transfer_id=transfer_id, schedule=TWO_HALVES))
    record(services, transfer_id)
    for paid_on, reference in ((date(2025, 5, 2), "Wire 1"), (date(2025, 6, 2), "Wire 2")):
        payment = RecordPayment(
            transfer_id=transfer_id, amount=HALF, paid_on=paid_on, reference=reference
        )
        handle(payment)
    handle(CompleteTransfer(transfer_id=transfer_id, completed_on=date(2025, 6, 3)))
    saved = services.ledger.get(IpTransfer, transfer_id)

    other = bootstrap(settings)
    try:
        reloaded = other.ledger.get(IpTransfer, transfer_id)
    finally:
        other.close()

    assert reloaded == saved
    assert reloaded.status == TransferStatus.COMPLETED
    assert reloaded.outstanding() == Money.of(0, "CNY")
    assert [type(e).__name__ for e in services.ledger.history(type(saved), transfer_id, 0, 20)] == [
        "Proposed",
        "Valuated",
        "ContractSigned",
        "ConsiderationScheduled",
        "RecordedWithOffice",
        "PaymentRecorded",
        "PaymentRecorded",
        "Completed",
    ]


@pytest.mark.parametrize(
    ("field", "code"),
    [
        ("asset_id", "ip_asset.unknown"),
        ("holder_party_id", "party.unknown"),
        ("recipient_party_id", "party.unknown"),
    ],
)
def test_a_proposal_naming_an_unknown_asset_or_party_is_refused_naming_it(
    services: Services, field: str, code: str
) -> None:
    holder, recipient = party(services, "XJTU"), party(services, "Academy", "KZ")
    args = {"asset_id": asset(services, holder), "holder_party_id": holder}
    args |= {"recipient_party_id": recipient, field: str(uuid4())}

    with pytest.raises(Invalid) as error:
        services.ledger.handle(
            ProposeTransfer(
                **args, mode="assignment", territory=Territory.world(), term=Term(date(2025, 3, 1))
            )
        )

    assert (error.value.code, error.value.field) == (code, field)


def test_a_holder_who_no_longer_owns_the_asset_of_record_cannot_propose_it(
    services: Services,
) -> None:
    a, b, c = party(services, "XJTU"), party(services, "Academy", "KZ"), party(services, "Fund")
    asset_id = asset(services, a)
    record(services, signed_transfer(services, asset_id, a, b))

    with pytest.raises(Conflict) as error:
        propose(services, asset_id, a, c)

    assert (error.value.code, error.value.field) == (
        "ip_transfer.holder_not_owner_of_record",
        "holder_party_id",
    )
    proposed = propose(services, asset_id, b, c)
    assert services.ledger.get(IpTransfer, proposed).holder_party_id == b


def test_a_replayed_proposal_is_answered_even_after_the_title_moved(services: Services) -> None:
    a, b, c = party(services, "XJTU"), party(services, "Academy", "KZ"), party(services, "Fund")
    asset_id = asset(services, a)
    key = Options(idempotency_key="propose-licence")
    proposal = ProposeTransfer(
        asset_id=asset_id,
        holder_party_id=a,
        recipient_party_id=c,
        mode="non_exclusive_licence",
        territory=Territory.world(),
        term=Term(date(2025, 3, 1)),
    )
    licence = services.ledger.handle(proposal, key)
    record(services, signed_transfer(services, asset_id, a, b))

    again = services.ledger.handle(proposal, key)

    assert (again.aggregate_id, again.replayed) == (licence.aggregate_id, True)


def test_the_contract_must_exist_be_in_effect_and_bind_both_parties(services: Services) -> None:
    a, b, c = party(services, "XJTU"), party(services, "Academy", "KZ"), party(services, "Fund")
    transfer_id = propose(services, asset(services, a), a, b)
    valuation = ValuateTransfer(
        transfer_id=transfer_id,
        appraiser="Appraiser",
        method="cost",
        value=PRICE,
        valuated_on=date(2025, 2, 1),
    )
    services.ledger.handle(valuation)
    not_yet_signed = str(open_agreement(services)[0])
    with_someone_else = effective_agreement(services, a, c)

    refusals: list[DomainError] = []
    for agreement_id in (str(uuid4()), str(transfer_id), not_yet_signed, with_someone_else):
        with pytest.raises(DomainError) as error:
            services.ledger.handle(SignContract(transfer_id=transfer_id, agreement_id=agreement_id))
        refusals.append(error.value)

    assert [(type(e), e.code, e.field) for e in refusals] == [
        (Invalid, "ip_transfer.unknown_agreement", "agreement_id"),
        (Invalid, "ip_transfer.unknown_agreement", "agreement_id"),
        (Conflict, "ip_transfer.agreement_not_effective", "agreement_id"),
        (Invalid, "ip_transfer.agreement_lacks_party", "agreement_id"),
    ]
    assert services.ledger.get(IpTransfer, transfer_id).status == TransferStatus.VALUATED


def test_transfers_are_listed_by_asset_mode_status_and_party(services: Services) -> None:
    a, b, c = party(services, "XJTU"), party(services, "Academy", "KZ"), party(services, "Fund")
    patent, other = asset(services, a), asset(services, a, "Another patent", "CN 2018 1000 0001")
    assignment = signed_transfer(services, patent, a, b)
    services.ledger.handle(ScheduleConsideration(transfer_id=assignment, schedule=TWO_HALVES))
    payment = RecordPayment(
        transfer_id=assignment, amount=HALF, paid_on=date(2025, 5, 2), reference="Wire 1"
    )
    services.ledger.handle(payment)
    licence = propose(services, other, a, c, "sole_licence")
    view = services.read_models.view(IpTransfersView)

    def ids(**query: object) -> list[UUID]:
        return [UUID(i["id"]) for i in view.search(IpTransferQuery(limit=10, **query))["items"]]  # type: ignore[arg-type]

    assert ids() == [assignment, licence]
    assert ids(asset_id=UUID(other)) == [licence]
    assert ids(mode="assignment") == [assignment]
    assert ids(status="contract_signed") == [assignment]
    assert ids(party_id=UUID(c)) == [licence]
    assert ids(party_id=UUID(a)) == [assignment, licence]
    assert ids(asset_kind="design") == []
    first = view.search(IpTransferQuery(limit=10))["items"][0]
    assert first["value"] == {"amount": "500000.00", "currency": "CNY"}
    assert first["outstanding"] == {"amount": "250000.00", "currency": "CNY"}
