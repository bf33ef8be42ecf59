"""IP transfer: proposing it — who, what, how, where and for how long."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from dealtrail.domain.errors import Conflict, DomainError, Invalid
from dealtrail.domain.ip_asset import AssetStatus
from dealtrail.domain.ip_identifiers import AssetKind
from dealtrail.domain.ip_transfer import IpTransfer
from dealtrail.domain.transfer_terms import Term, Territory, TransferMode, TransferStatus

from .conftest import NOTARY, event_names
from .ip_builders import HOLDER, LICENCE_TERM, RECIPIENT, TERM, asset_in, proposed

pytestmark = pytest.mark.usefixtures("staff")


def test_a_proposed_transfer_names_the_asset_its_kind_the_parties_and_the_terms() -> None:
    asset = asset_in(kind="utility_model", identifiers=[])

    transfer = proposed(
        asset,
        mode="exclusive_licence",
        territory=Territory(countries=("kz", "UZ", "KZ")),
        term=LICENCE_TERM,
    )

    assert (transfer.asset_id, transfer.asset_kind) == (str(asset.id), AssetKind.UTILITY_MODEL)
    assert (transfer.holder_party_id, transfer.recipient_party_id) == (HOLDER, RECIPIENT)
    assert transfer.mode is TransferMode.EXCLUSIVE_LICENCE
    assert transfer.territory == Territory(worldwide=False, countries=("KZ", "UZ"))
    assert transfer.term == LICENCE_TERM
    assert transfer.status is TransferStatus.PROPOSED
    assert transfer.valuation is transfer.schedule is transfer.recordal is None
    assert transfer.paid() is transfer.outstanding() is None


def test_proposing_records_one_event() -> None:
    transfer = IpTransfer.propose(
        asset_in(), HOLDER, RECIPIENT, "assignment", Territory.world(), TERM
    )

    assert event_names(transfer) == ["IpTransfer.Proposed"]


@pytest.mark.parametrize("mode", list(TransferMode))
def test_every_mode_of_transfer_can_be_proposed(mode: TransferMode) -> None:
    term = TERM if mode is TransferMode.ASSIGNMENT else LICENCE_TERM

    assert proposed(mode=mode.value, term=term).mode is mode


def test_a_party_cannot_transfer_rights_to_itself() -> None:
    with pytest.raises(Invalid) as error:
        proposed(recipient_party_id=HOLDER)

    assert (error.value.code, error.value.field) == (
        "ip_transfer.self_transfer",
        "recipient_party_id",
    )


def test_only_the_owner_of_record_can_transfer_an_asset() -> None:
    asset = asset_in()
    asset.change_owner_of_record(RECIPIENT, "an-earlier-assignment")

    with pytest.raises(Conflict) as error:
        proposed(asset)

    assert (error.value.code, error.value.field) == (
        "ip_transfer.holder_not_owner_of_record",
        "holder_party_id",
    )
    assert (
        proposed(asset, holder_party_id=RECIPIENT, recipient_party_id=NOTARY).status == "proposed"
    )


@pytest.mark.parametrize("status", [AssetStatus.LAPSED, AssetStatus.EXPIRED])
def test_a_lapsed_or_expired_asset_has_nothing_left_to_transfer(status: AssetStatus) -> None:
    with pytest.raises(Conflict) as error:
        proposed(asset_in(status))

    assert (error.value.code, error.value.field) == ("ip_transfer.asset_ended", "asset_id")


def test_a_granted_asset_can_be_transferred() -> None:
    assert proposed(asset_in(AssetStatus.GRANTED)).status is TransferStatus.PROPOSED


def test_an_assignment_is_for_good() -> None:
    with pytest.raises(Invalid) as error:
        proposed(term=LICENCE_TERM)

    assert (error.value.code, error.value.field) == (
        "ip_transfer.assignment_has_no_end",
        "term.ends_on",
    )


def test_a_licence_may_run_without_an_end_date() -> None:
    assert proposed(mode="sole_licence", term=TERM).term.ends_on is None


def test_an_unknown_mode_is_refused() -> None:
    with pytest.raises(Invalid) as error:
        proposed(mode="joint_development")

    assert (error.value.code, error.value.field) == ("ip_transfer.unknown_mode", "mode")


@pytest.mark.parametrize(
    ("build", "code", "field"),
    [
        (Territory, "ip_transfer.territory_empty", "countries"),
        (lambda: Territory(True, ("CN",)), "ip_transfer.territory_ambiguous", "countries"),
        (lambda: Territory(countries=("CN", "XX")), "country.unknown", "countries.1"),
        (
            lambda: Term(date(2025, 3, 1), date(2025, 2, 28)),
            "ip_transfer.term_dates_reversed",
            "ends_on",
        ),
    ],
)
def test_territory_and_term_refuse_nonsense_naming_the_field(
    build: Callable[[], object], code: str, field: str
) -> None:
    with pytest.raises(DomainError) as error:
        build()

    assert (type(error.value), error.value.code, error.value.field) == (Invalid, code, field)


def test_a_one_day_term_is_a_term() -> None:
    assert Term(date(2025, 3, 1), date(2025, 3, 1)).ends_on == date(2025, 3, 1)
