"""IP transfer: from proposed to valuated, contract signed and recorded with the IP office."""

from __future__ import annotations

from datetime import date

import pytest
from freezegun import freeze_time

from dealtrail.domain.agreement import Agreement
from dealtrail.domain.errors import Conflict, Invalid
from dealtrail.domain.money import Money
from dealtrail.domain.transfer_terms import (
    Recordal,
    TransferStatus,
    Valuation,
    ValuationMethod,
)

from .conftest import NOTARY, SIGNED_ON, event_names, refused
from .ip_builders import RECIPIENT, RECORDED_ON, asset_in, proposed, transfer_in

pytestmark = pytest.mark.usefixtures("staff")

S = TransferStatus
FINAL = [S.COMPLETED, S.CANCELLED]
VALUE = Money.of("480000.00", "CNY")


def test_valuating_a_proposed_transfer_records_appraiser_method_and_value() -> None:
    transfer = proposed()

    transfer.valuate(" Shaanxi Zhongxin Appraisal ", "market", VALUE, date(2025, 2, 1))

    assert event_names(transfer) == ["IpTransfer.Valuated"]
    assert transfer.status is S.VALUATED
    assert transfer.valuation == Valuation(
        "Shaanxi Zhongxin Appraisal", ValuationMethod.MARKET, VALUE, date(2025, 2, 1)
    )


@pytest.mark.parametrize(
    ("status", "code"),
    [(s, "ip_transfer.already_valuated") for s in (S.VALUATED, S.CONTRACT_SIGNED, S.RECORDED)]
    + [(s, "ip_transfer.already_ended") for s in FINAL],
)
def test_only_a_proposed_transfer_is_valuated(
    effective: Agreement, status: TransferStatus, code: str
) -> None:
    transfer = transfer_in(status, effective)

    with refused(transfer, Conflict, code):
        transfer.valuate("Appraiser", "cost", VALUE, date(2025, 2, 1))


@freeze_time("2025-02-01 09:00:00")
def test_a_valuation_cannot_be_dated_in_the_future() -> None:
    transfer = proposed()

    with refused(transfer, Invalid, "ip_transfer.date_in_future"):
        transfer.valuate("Appraiser", "income", VALUE, date(2025, 2, 2))


@pytest.mark.parametrize(
    ("appraiser", "method", "code"),
    [
        (" ", "income", "text.blank"),
        ("Appraiser", "gut_feeling", "ip_transfer.unknown_valuation_method"),
    ],
)
def test_a_valuation_needs_an_appraiser_and_a_known_method(
    appraiser: str, method: str, code: str
) -> None:
    transfer = proposed()

    with refused(transfer, Invalid, code):
        transfer.valuate(appraiser, method, VALUE, date(2025, 2, 1))


def test_signing_links_the_effective_agreement_and_its_date(effective: Agreement) -> None:
    transfer = transfer_in(S.VALUATED, effective)

    transfer.sign_contract(effective)

    assert event_names(transfer) == ["IpTransfer.ContractSigned"]
    assert transfer.status is S.CONTRACT_SIGNED
    assert (transfer.agreement_id, transfer.contract_signed_on) == (str(effective.id), SIGNED_ON)


@pytest.mark.parametrize(
    ("status", "code"),
    [(S.PROPOSED, "ip_transfer.not_valuated")]
    + [(s, "ip_transfer.contract_already_signed") for s in (S.CONTRACT_SIGNED, S.RECORDED)]
    + [(s, "ip_transfer.already_ended") for s in FINAL],
)
def test_only_a_valuated_transfer_gets_its_contract(
    effective: Agreement, status: TransferStatus, code: str
) -> None:
    transfer = transfer_in(status, effective)

    with refused(transfer, Conflict, code):
        transfer.sign_contract(effective)


def test_the_agreement_must_be_in_effect(effective: Agreement, open_agreement: Agreement) -> None:
    transfer = transfer_in(S.VALUATED, effective)

    with refused(transfer, Conflict, "ip_transfer.agreement_not_effective"):
        transfer.sign_contract(open_agreement)


def test_the_agreement_must_bind_holder_and_recipient(effective: Agreement) -> None:
    transfer = proposed(recipient_party_id=NOTARY)
    transfer.valuate("Appraiser", "cost", VALUE, date(2025, 2, 1))
    transfer.collect_events()

    with refused(transfer, Invalid, "ip_transfer.agreement_lacks_party"):
        transfer.sign_contract(effective)


def test_recording_with_the_office_records_office_number_and_date(effective: Agreement) -> None:
    transfer = transfer_in(S.CONTRACT_SIGNED, effective)

    transfer.record_with_office("cn", " 2025990000123 ", RECORDED_ON, asset_in())

    assert event_names(transfer) == ["IpTransfer.RecordedWithOffice"]
    assert transfer.status is S.RECORDED
    assert transfer.recordal == Recordal("CN", "2025990000123", RECORDED_ON)


@pytest.mark.parametrize(
    ("status", "code"),
    [(s, "ip_transfer.not_contract_signed") for s in (S.PROPOSED, S.VALUATED)]
    + [(S.RECORDED, "ip_transfer.already_recorded")]
    + [(s, "ip_transfer.already_ended") for s in FINAL],
)
def test_only_a_transfer_under_a_signed_contract_is_recorded(
    effective: Agreement, status: TransferStatus, code: str
) -> None:
    transfer = transfer_in(status, effective)

    with refused(transfer, Conflict, code):
        transfer.record_with_office("CN", "2025990000123", RECORDED_ON, asset_in())


def test_know_how_is_not_recorded_with_an_office(effective: Agreement) -> None:
    transfer = transfer_in(S.CONTRACT_SIGNED, effective, kind="know_how")

    with refused(transfer, Conflict, "ip_transfer.know_how_not_recorded"):
        transfer.record_with_office("CN", "1", RECORDED_ON, asset_in(kind="know_how"))


@pytest.mark.parametrize(
    ("office", "recorded_on", "code"),
    [
        ("XX", RECORDED_ON, "ip_office.unknown"),
        ("CN", date(2025, 2, 28), "ip_transfer.recorded_before_contract"),
        ("CN", date(2099, 1, 1), "ip_transfer.date_in_future"),
    ],
)
def test_a_recordal_has_a_known_office_and_a_plausible_date(
    effective: Agreement, office: str, recorded_on: date, code: str
) -> None:
    transfer = transfer_in(S.CONTRACT_SIGNED, effective)

    with refused(transfer, Invalid, code):
        transfer.record_with_office(office, "2025990000123", recorded_on, asset_in())


def test_a_holder_who_lost_the_title_meanwhile_cannot_have_it_recorded(
    effective: Agreement,
) -> None:
    transfer = transfer_in(S.CONTRACT_SIGNED, effective)
    asset = asset_in()
    asset.change_owner_of_record(RECIPIENT, "another-assignment")

    with refused(transfer, Conflict, "ip_transfer.holder_not_owner_of_record"):
        transfer.record_with_office("CN", "2025990000123", RECORDED_ON, asset)
