"""Achievement: registration, and what each step of its lifecycle records."""

from __future__ import annotations

from datetime import date

import pytest
from freezegun import freeze_time

from dealtrail.domain.achievement import Achievement
from dealtrail.domain.errors import Conflict, Invalid
from dealtrail.domain.external_ref import ExternalRef
from dealtrail.domain.transaction import Transaction

from .achievement_builders import (
    BUYER,
    CONTACT,
    EVENT,
    OWNER,
    TRANSACTED_ON,
    S,
    achievement_in,
    licence,
    offer,
)
from .conftest import event_names, refused

pytestmark = pytest.mark.usefixtures("staff")

REF = ExternalRef("silk-road-alliance", "SRA-2026-0042")


def test_registering_records_a_draft_with_its_owner_offer_and_contact() -> None:
    achievement = Achievement.register(OWNER, offer(), CONTACT)

    assert event_names(achievement) == ["Achievement.Registered"]
    assert achievement.status is S.DRAFT
    assert (achievement.owner_party_id, achievement.offer, achievement.contact) == (
        OWNER,
        offer(),
        CONTACT,
    )
    assert achievement.external_ref is None
    assert achievement.exhibited_at == []


def test_an_external_reference_names_one_achievement_whoever_registers_it() -> None:
    first = Achievement.register(OWNER, offer(), CONTACT, REF)
    second = Achievement.register(OWNER, offer(title="Another"), CONTACT, REF)

    assert first.id == second.id == Achievement.id_for(REF)
    assert Achievement.id_for(ExternalRef("other-scope", REF.reference)) != first.id


def test_without_an_external_reference_every_achievement_gets_a_new_id() -> None:
    assert (
        Achievement.register(OWNER, offer(), CONTACT).id
        != Achievement.register(OWNER, offer(), CONTACT).id
    )


def test_negotiation_names_the_counterparty_until_it_falls_through() -> None:
    achievement = achievement_in(S.LISTED)

    achievement.start_negotiation(BUYER)
    assert achievement.counterparty_id == BUYER
    achievement.negotiation_fell_through("  The buyer chose another process ")

    assert achievement.status is S.LISTED
    assert achievement.counterparty_id is None
    assert event_names(achievement) == [
        "Achievement.NegotiationStarted",
        "Achievement.NegotiationFellThrough",
    ]


def test_the_owner_cannot_negotiate_with_itself() -> None:
    achievement = achievement_in(S.LISTED)

    with refused(achievement, Invalid, "achievement.owner_as_counterparty"):
        achievement.start_negotiation(OWNER)


def test_a_negotiation_falls_through_only_for_a_reason() -> None:
    achievement = achievement_in(S.UNDER_NEGOTIATION)

    with refused(achievement, Invalid, "text.blank"):
        achievement.negotiation_fell_through("  ")


def test_a_transaction_links_the_deal_that_transferred_the_achievement() -> None:
    achievement = achievement_in(S.UNDER_NEGOTIATION)

    agreement = licence()

    achievement.record_transaction(TRANSACTED_ON, agreement)

    assert achievement.status is S.TRANSACTED
    assert achievement.transaction == Transaction(TRANSACTED_ON, agreement_id=str(agreement.id))


@freeze_time("2025-06-01 09:00:00")
def test_a_transaction_cannot_be_dated_in_the_future() -> None:
    achievement = achievement_in(S.UNDER_NEGOTIATION)

    with refused(achievement, Invalid, "achievement.transacted_in_future"):
        achievement.record_transaction(date(2025, 6, 3), licence())


def test_withdrawing_records_why_and_ends_any_negotiation() -> None:
    achievement = achievement_in(S.UNDER_NEGOTIATION)

    achievement.withdraw(" The owner licensed it elsewhere ")

    assert achievement.status is S.WITHDRAWN
    assert achievement.withdrawal_reason == "The owner licensed it elsewhere"
    assert achievement.counterparty_id is None


def test_withdrawing_needs_a_reason() -> None:
    achievement = achievement_in(S.LISTED)

    with refused(achievement, Invalid, "text.blank"):
        achievement.withdraw("")


def test_an_achievement_is_exhibited_at_each_event_once() -> None:
    achievement = achievement_in(S.LISTED)
    achievement.exhibit_at(EVENT)
    achievement.exhibit_at("event:2027-conference")
    achievement.collect_events()

    with refused(achievement, Conflict, "achievement.already_exhibited"):
        achievement.exhibit_at(EVENT)

    assert achievement.exhibited_at == [EVENT, "event:2027-conference"]
