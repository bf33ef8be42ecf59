"""Achievements on real stores: references to other records are checked, and the state reloads."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from uuid import UUID

import pytest

from dealtrail.application.commands.agreements import DraftAgreement
from dealtrail.application.errors import AggregateNotFound
from dealtrail.domain.achievement import Achievement, AchievementStatus
from dealtrail.domain.errors import Conflict, DomainError, Invalid
from dealtrail.domain.external_ref import ExternalRef
from dealtrail.domain.terms import AgreementKind, Participant, PartyRole
from dealtrail.domain.transaction import Transaction
from dealtrail.infrastructure.settings import Settings
from dealtrail.web.services import Services, build_services
from tests.integration.achievement_builders import (
    CONTACT,
    STRANGER,
    achievement,
    conference,
    offer,
    register,
)
from tests.integration.builders import terms
from tests.integration.ip_builders import asset, propose

pytestmark = pytest.mark.usefixtures("staff")


def refused(kind: type[DomainError], code: str, field: str, command: Callable[[], object]) -> None:
    with pytest.raises(DomainError) as error:
        command()
    assert (type(error.value), error.value.code, error.value.field) == (kind, code, field)


def test_an_achievement_reloads_from_a_new_process_exactly_as_saved(
    services: Services, settings: Settings
) -> None:
    owner, buyer = register(services, "Xi'an University"), register(services, "Almaty", "company")
    achievement_id = achievement(
        services, owner, asking_price=None, ip_asset_ids=[asset(services, owner)]
    )
    services.achievements.list_on_supermarket(achievement_id)
    services.achievements.start_negotiation(achievement_id, buyer)
    services.achievements.negotiation_fell_through(achievement_id, "Price too high")
    services.achievements.exhibit_at(achievement_id, str(conference(services, owner)))
    for _ in range(3):  # past a snapshot (every 5 versions in tests)
        services.achievements.exhibit_at(achievement_id, str(conference(services, owner)))
    saved = services.achievements.get(achievement_id)

    other = build_services(settings)
    try:
        reloaded = other.achievements.get(achievement_id)
    finally:
        other.close()

    assert reloaded == saved
    assert reloaded.status == AchievementStatus.LISTED
    assert (reloaded.offer.negotiable, len(reloaded.exhibited_at)) == (True, 4)


def test_the_owner_and_counterparty_must_be_registered_parties(services: Services) -> None:
    owner = register(services, "Xi'an University")
    achievement_id = achievement(services, owner)
    services.achievements.list_on_supermarket(achievement_id)

    refused(
        Invalid,
        "party.unknown",
        "owner_party_id",
        lambda: services.achievements.register(STRANGER, offer(), CONTACT),
    )
    refused(
        Invalid,
        "party.unknown",
        "counterparty_id",
        lambda: services.achievements.start_negotiation(achievement_id, STRANGER),
    )


def test_an_achievement_rests_only_on_ip_assets_that_exist(services: Services) -> None:
    owner = register(services, "Xi'an University")
    patent = asset(services, owner)

    refused(
        Invalid,
        "achievement.unknown_ip_asset",
        "offer.ip_asset_ids.1",
        lambda: services.achievements.register(
            owner, offer(ip_asset_ids=[patent, STRANGER]), CONTACT
        ),
    )


def test_a_transaction_links_an_ip_transfer_that_exists(services: Services) -> None:
    owner, buyer = register(services, "Xi'an University"), register(services, "Almaty", "company")
    patent = asset(services, owner)
    achievement_id = achievement(services, owner, ip_asset_ids=[patent])
    services.achievements.list_on_supermarket(achievement_id)
    services.achievements.start_negotiation(achievement_id, buyer)
    transfer_id = str(propose(services, patent, owner, buyer))

    refused(
        Invalid,
        "achievement.unknown_ip_transfer",
        "ip_transfer_id",
        lambda: services.achievements.record_transaction(
            achievement_id, Transaction(date(2026, 11, 20), ip_transfer_id=STRANGER)
        ),
    )
    services.achievements.record_transaction(
        achievement_id, Transaction(date(2026, 11, 20), ip_transfer_id=transfer_id)
    )

    transaction = services.achievements.get(achievement_id).transaction
    assert transaction is not None and transaction.ip_transfer_id == transfer_id


def test_a_transaction_links_an_agreement_that_exists(services: Services) -> None:
    owner, buyer = register(services, "Xi'an University"), register(services, "Almaty", "company")
    achievement_id = achievement(services, owner)
    services.achievements.list_on_supermarket(achievement_id)
    services.achievements.start_negotiation(achievement_id, buyer)
    parties = [Participant(p, PartyRole.COOPERATION_PARTNER, True) for p in (owner, buyer)]
    agreement_id = services.ledger.handle(
        DraftAgreement(kind=AgreementKind.COOPERATION, terms=terms(), parties=parties)
    ).aggregate_id

    refused(
        Invalid,
        "achievement.unknown_agreement",
        "agreement_id",
        lambda: services.achievements.record_transaction(
            achievement_id, Transaction(date(2026, 11, 20), agreement_id=STRANGER)
        ),
    )
    services.achievements.record_transaction(
        achievement_id, Transaction(date(2026, 11, 20), agreement_id=str(agreement_id))
    )

    assert services.achievements.get(achievement_id).status is AchievementStatus.TRANSACTED


def test_an_achievement_is_exhibited_only_at_a_trading_event_that_exists(
    services: Services,
) -> None:
    owner = register(services, "Xi'an University")
    achievement_id = achievement(services, owner)

    refused(
        Invalid,
        "achievement.unknown_trading_event",
        "event_id",
        lambda: services.achievements.exhibit_at(achievement_id, STRANGER),
    )


def test_exhibiting_an_achievement_counts_it_at_the_trading_event(services: Services) -> None:
    owner = register(services, "Xi'an University")
    event_id = conference(services, owner)
    first, second = achievement(services, owner), achievement(services, owner, title="Seeds")

    services.achievements.exhibit_at(first, str(event_id))
    services.achievements.exhibit_at(second, str(event_id))

    event = services.trading_events.get(event_id)
    assert event.achievements_exhibited == [str(first), str(second)]
    assert event.counts().achievements_exhibited == 2
    history = services.ledger.history(type(event), event_id, 0, 10)
    assert [type(e).__name__ for e in history] == ["Scheduled", *["AchievementExhibited"] * 2]


def test_an_external_reference_names_one_achievement_only(services: Services) -> None:
    owner = register(services, "Xi'an University")
    ref = ExternalRef("alliance", "SRA-1")
    first = services.achievements.register(owner, offer(), CONTACT, ref)

    refused(
        Conflict,
        "achievement.external_ref_taken",
        "external_ref.reference",
        lambda: services.achievements.register(owner, offer(title="Other"), CONTACT, ref),
    )
    assert first.aggregate_id == Achievement.id_for(ref)
    found = services.achievements.find_by_reference(ref)
    assert found is not None and found.id == first.aggregate_id
    assert services.achievements.find_by_reference(ExternalRef("alliance", "SRA-2")) is None


def test_a_missing_achievement_is_reported_as_not_found(services: Services) -> None:
    with pytest.raises(AggregateNotFound):
        services.achievements.list_on_supermarket(UUID(STRANGER))
