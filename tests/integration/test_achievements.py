"""Achievements on real stores: references to other records are checked, and the state reloads."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from uuid import UUID

import pytest

from dealtrail.application.commands.achievements import (
    ExhibitAchievement,
    ListAchievement,
    RecordFallThrough,
    RecordTransaction,
    RegisterAchievement,
    StartNegotiation,
)
from dealtrail.application.commands.agreements import DraftAgreement
from dealtrail.application.errors import AggregateNotFound
from dealtrail.bootstrap import Services, bootstrap
from dealtrail.domain.achievement import Achievement, AchievementStatus
from dealtrail.domain.errors import Conflict, DomainError, Invalid
from dealtrail.domain.external_ref import ExternalRef
from dealtrail.domain.terms import AgreementKind, Participant, PartyRole
from dealtrail.domain.trading_event import TradingEvent
from dealtrail.infrastructure.settings import Settings
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
    services.ledger.handle(ListAchievement(achievement_id=achievement_id))
    services.ledger.handle(StartNegotiation(achievement_id=achievement_id, counterparty_id=buyer))
    services.ledger.handle(
        RecordFallThrough(achievement_id=achievement_id, reason="Price too high")
    )
    services.ledger.handle(
        ExhibitAchievement(achievement_id=achievement_id, event_id=str(conference(services, owner)))
    )
    for _ in range(3):  # past a snapshot (every 5 versions in tests)
        services.ledger.handle(
            ExhibitAchievement(
                achievement_id=achievement_id, event_id=str(conference(services, owner))
            )
        )
    saved = services.ledger.get(Achievement, achievement_id)

    other = bootstrap(settings)
    try:
        reloaded = other.ledger.get(Achievement, achievement_id)
    finally:
        other.close()

    assert reloaded == saved
    assert reloaded.status == AchievementStatus.LISTED
    assert (reloaded.offer.negotiable, len(reloaded.exhibited_at)) == (True, 4)


def test_the_owner_and_counterparty_must_be_registered_parties(services: Services) -> None:
    owner = register(services, "Xi'an University")
    achievement_id = achievement(services, owner)
    services.ledger.handle(ListAchievement(achievement_id=achievement_id))

    refused(
        Invalid,
        "party.unknown",
        "owner_party_id",
        lambda: services.ledger.handle(
            RegisterAchievement(owner_party_id=STRANGER, offer=offer(), contact=CONTACT)
        ),
    )
    refused(
        Invalid,
        "party.unknown",
        "counterparty_id",
        lambda: services.ledger.handle(
            StartNegotiation(achievement_id=achievement_id, counterparty_id=STRANGER)
        ),
    )


def test_an_achievement_rests_only_on_ip_assets_that_exist(services: Services) -> None:
    owner = register(services, "Xi'an University")
    patent = asset(services, owner)

    refused(
        Invalid,
        "achievement.unknown_ip_asset",
        "offer.ip_asset_ids.1",
        lambda: services.ledger.handle(
            RegisterAchievement(
                owner_party_id=owner, offer=offer(ip_asset_ids=[patent, STRANGER]), contact=CONTACT
            )
        ),
    )


def test_a_transaction_links_an_ip_transfer_that_exists(services: Services) -> None:
    owner, buyer = register(services, "Xi'an University"), register(services, "Almaty", "company")
    patent = asset(services, owner)
    achievement_id = achievement(services, owner, ip_asset_ids=[patent])
    services.ledger.handle(ListAchievement(achievement_id=achievement_id))
    services.ledger.handle(StartNegotiation(achievement_id=achievement_id, counterparty_id=buyer))
    transfer_id = str(propose(services, patent, owner, buyer))

    refused(
        Invalid,
        "achievement.unknown_ip_transfer",
        "ip_transfer_id",
        lambda: services.ledger.handle(
            RecordTransaction(
                achievement_id=achievement_id,
                transacted_on=date(2026, 11, 20),
                ip_transfer_id=STRANGER,
            )
        ),
    )
    services.ledger.handle(
        RecordTransaction(
            achievement_id=achievement_id,
            transacted_on=date(2026, 11, 20),
            ip_transfer_id=transfer_id,
        )
    )

    transaction = services.ledger.get(Achievement, achievement_id).transaction
    assert transaction is not None and transaction.ip_transfer_id == transfer_id


def test_a_transaction_links_an_agreement_that_exists(services: Services) -> None:
    owner, buyer = register(services, "Xi'an University"), register(services, "Almaty", "company")
    achievement_id = achievement(services, owner)
    services.ledger.handle(ListAchievement(achievement_id=achievement_id))
    services.ledger.handle(StartNegotiation(achievement_id=achievement_id, counterparty_id=buyer))
    parties = [Participant(p, PartyRole.COOPERATION_PARTNER, True) for p in (owner, buyer)]
    agreement_id = services.ledger.handle(
        DraftAgreement(kind=AgreementKind.COOPERATION, terms=terms(), parties=parties)
    ).aggregate_id

    refused(
        Invalid,
        "achievement.unknown_agreement",
        "agreement_id",
        lambda: services.ledger.handle(
            RecordTransaction(
                achievement_id=achievement_id,
                transacted_on=date(2026, 11, 20),
                agreement_id=STRANGER,
            )
        ),
    )
    services.ledger.handle(
        RecordTransaction(
            achievement_id=achievement_id,
            transacted_on=date(2026, 11, 20),
            agreement_id=str(agreement_id),
        )
    )

    assert services.ledger.get(Achievement, achievement_id).status is AchievementStatus.TRANSACTED


def test_an_achievement_is_exhibited_only_at_a_trading_event_that_exists(
    services: Services,
) -> None:
    owner = register(services, "Xi'an University")
    achievement_id = achievement(services, owner)

    refused(
        Invalid,
        "achievement.unknown_trading_event",
        "event_id",
        lambda: services.ledger.handle(
            ExhibitAchievement(achievement_id=achievement_id, event_id=STRANGER)
        ),
    )


def test_exhibiting_an_achievement_counts_it_at_the_trading_event(services: Services) -> None:
    owner = register(services, "Xi'an University")
    event_id = conference(services, owner)
    first, second = achievement(services, owner), achievement(services, owner, title="Seeds")

    services.ledger.handle(ExhibitAchievement(achievement_id=first, event_id=str(event_id)))
    services.ledger.handle(ExhibitAchievement(achievement_id=second, event_id=str(event_id)))

    event = services.ledger.get(TradingEvent, event_id)
    assert event.achievements_exhibited == [str(first), str(second)]
    assert event.counts().achievements_exhibited == 2
    history = services.ledger.history(type(event), event_id, 0, 10)
    assert [type(e).__name__ for e in history] == ["Scheduled", *["AchievementExhibited"] * 2]


def test_an_external_reference_names_one_achievement_only(services: Services) -> None:
    owner = register(services, "Xi'an University")
    ref = ExternalRef("alliance", "SRA-1")
    register_first = RegisterAchievement(
        owner_party_id=owner, offer=offer(), contact=CONTACT, external_ref=ref
    )
    first = services.ledger.handle(register_first)

    refused(
        Conflict,
        "achievement.external_ref_taken",
        "external_ref.reference",
        lambda: services.ledger.handle(
            RegisterAchievement(
                owner_party_id=owner, offer=offer(title="Other"), contact=CONTACT, external_ref=ref
            )
        ),
    )
    assert first.aggregate_id == Achievement.id_for(ref)
    found = services.ledger.get(Achievement, Achievement.id_for(ref))
    assert found is not None and found.id == first.aggregate_id
    other = Achievement.id_for(ExternalRef("alliance", "SRA-2"))
    assert not services.ledger.exists(Achievement, other)


def test_a_missing_achievement_is_reported_as_not_found(services: Services) -> None:
    with pytest.raises(AggregateNotFound):
        services.ledger.handle(ListAchievement(achievement_id=UUID(STRANGER)))
