"""Achievement: the deal a transaction names must be one its owner made."""

from __future__ import annotations

import pytest

from dealtrail.domain.achievement import Achievement
from dealtrail.domain.agreement import Agreement
from dealtrail.domain.errors import Invalid
from dealtrail.domain.transaction import Transaction

from .achievement_builders import BUYER, CONTACT, TRANSACTED_ON, S, offer
from .conftest import ACADEMY, UNIVERSITY, refused
from .ip_builders import HOLDER, proposed

pytestmark = pytest.mark.usefixtures("staff")


def negotiating(owner: str) -> Achievement:
    achievement = Achievement.register(owner, offer(), CONTACT)
    achievement.list_on_supermarket()
    achievement.start_negotiation(BUYER)
    achievement.collect_events()
    return achievement


def test_an_agreement_the_owner_is_a_party_to_transacts_the_achievement(
    draft: Agreement,
) -> None:
    achievement = negotiating(UNIVERSITY)

    achievement.record_transaction(TRANSACTED_ON, draft)

    assert achievement.status is S.TRANSACTED
    assert achievement.transaction == Transaction(TRANSACTED_ON, agreement_id=str(draft.id))


def test_an_agreement_between_other_parties_is_refused(draft: Agreement) -> None:
    achievement = negotiating("party:someone-else")

    with refused(achievement, Invalid, "achievement.owner_not_party_to_agreement"):
        achievement.record_transaction(TRANSACTED_ON, draft)
    assert achievement.status is S.UNDER_NEGOTIATION


def test_refusing_another_partys_agreement_names_the_field_and_both_records(
    draft: Agreement,
) -> None:
    achievement = negotiating("party:someone-else")

    with pytest.raises(Invalid) as error:
        achievement.record_transaction(TRANSACTED_ON, draft)

    assert error.value.field == "agreement_id"
    assert "party:someone-else" in error.value.message
    assert str(draft.id) in error.value.message


def test_an_ip_transfer_of_the_owners_rights_transacts_the_achievement() -> None:
    achievement, transfer = negotiating(HOLDER), proposed()

    achievement.record_transaction(TRANSACTED_ON, transfer)

    assert achievement.transaction == Transaction(TRANSACTED_ON, ip_transfer_id=str(transfer.id))


def test_an_ip_transfer_of_rights_someone_else_holds_is_refused() -> None:
    achievement, transfer = negotiating(ACADEMY), proposed()

    with pytest.raises(Invalid) as error:
        achievement.record_transaction(TRANSACTED_ON, transfer)

    assert (error.value.code, error.value.field) == (
        "achievement.owner_not_transfer_holder",
        "ip_transfer_id",
    )
    assert achievement.collect_events() == []
