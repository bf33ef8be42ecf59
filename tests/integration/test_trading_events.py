"""Trading events on real stores: pitches remember where presenters came from; deals must exist."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from uuid import UUID

import pytest

from dealtrail.application.commands.achievements import ExhibitAchievement
from dealtrail.application.commands.parties import RenameParty
from dealtrail.application.commands.trading_events import (
    AddForum,
    AddRoadshow,
    OpenExhibition,
    PitchProject,
    RecordAgreementSigned,
    RecordLaunch,
    RecordUnveiling,
    ScheduleTradingEvent,
)
from dealtrail.bootstrap import Services, bootstrap
from dealtrail.domain.errors import DomainError, Invalid
from dealtrail.domain.trading_event import EventCounts, TradingEvent
from dealtrail.infrastructure.settings import Settings
from tests.integration.achievement_builders import DAY, STRANGER, achievement, conference, register
from tests.integration.builders import open_agreement, signature

pytestmark = pytest.mark.usefixtures("staff")


def refused(code: str, field: str, command: Callable[[], object]) -> None:
    with pytest.raises(DomainError) as error:
        command()
    assert (type(error.value), error.value.code, error.value.field) == (Invalid, code, field)


def roadshow(services: Services, event_id: UUID, theme: str = "International") -> str:
    services.ledger.handle(AddRoadshow(event_id=event_id, theme=theme, held_on=DAY))
    return list(services.ledger.get(TradingEvent, event_id).roadshows)[-1]


def test_a_trading_event_is_hosted_by_a_registered_party(services: Services) -> None:
    refused(
        "party.unknown",
        "host_party_id",
        lambda: services.ledger.handle(
            ScheduleTradingEvent(
                host_party_id=STRANGER,
                name="Conference",
                city="Xi'an",
                country="CN",
                starts_on=DAY,
                ends_on=DAY,
            )
        ),
    )


def test_a_pitch_is_international_when_the_presenter_is_not_from_the_host_country(
    services: Services,
) -> None:
    host = register(services, "Xi'an University")
    almaty = register(services, "Almaty Photonics", "company", "KZ")
    tashkent = register(services, "Tashkent State Technical University", "university", "UZ")
    local = register(services, "Qinling Photonics", "company")
    event_id = conference(services, host)
    roadshow_id = roadshow(services, event_id)

    pitch = partial(PitchProject, event_id=event_id, roadshow_id=roadshow_id)
    services.ledger.handle(pitch(presenter_party_id=almaty, company_id=almaty))
    services.ledger.handle(
        pitch(presenter_party_id=tashkent, achievement_id=str(achievement(services, tashkent)))
    )
    services.ledger.handle(pitch(presenter_party_id=local, company_id=local))
    services.ledger.handle(RenameParty(party_id=UUID(almaty), name="Almaty Photonics LLP"))

    event = services.ledger.get(TradingEvent, event_id)
    slots = event.roadshows[roadshow_id].slots
    assert [(s.presenter_country, event.is_international(s)) for s in slots] == [
        ("KZ", True),
        ("UZ", True),
        ("CN", False),
    ]
    assert event.counts() == EventCounts(0, 1, 3, 2, 2, 0)


def test_pitched_projects_and_presenters_must_exist(services: Services) -> None:
    host = register(services, "Xi'an University")
    event_id = conference(services, host)
    roadshow_id = roadshow(services, event_id)

    def pitch(presenter: str, **project: str) -> Callable[[], object]:
        return lambda: services.ledger.handle(
            PitchProject(
                event_id=event_id, roadshow_id=roadshow_id, presenter_party_id=presenter, **project
            )
        )

    refused("party.unknown", "presenter_party_id", pitch(STRANGER, company_id=host))
    refused("achievement.unknown", "achievement_id", pitch(host, achievement_id=STRANGER))
    refused("party.unknown", "company_id", pitch(host, company_id=STRANGER))
    refused("trading_event.not_a_company", "company_id", pitch(host, company_id=host))


def test_unveilings_and_signed_agreements_name_records_that_exist(services: Services) -> None:
    host = register(services, "Xi'an University")
    event_id = conference(services, host)
    agreement_id, a, b = open_agreement(services)
    for party_id in (a, b):
        services.ledger.handle(signature(agreement_id, party_id, "Wang Hong", "Director", DAY))

    refused(
        "party.unknown",
        "party_id",
        lambda: services.ledger.handle(
            RecordUnveiling(
                event_id=event_id, institution="IP centre", unveiled_on=DAY, party_id=STRANGER
            )
        ),
    )
    refused(
        "trading_event.unknown_agreement",
        "agreement_id",
        lambda: services.ledger.handle(
            RecordAgreementSigned(event_id=event_id, agreement_id=STRANGER)
        ),
    )
    services.ledger.handle(
        RecordUnveiling(event_id=event_id, institution="IP centre", unveiled_on=DAY, party_id=host)
    )
    services.ledger.handle(RecordAgreementSigned(event_id=event_id, agreement_id=str(agreement_id)))

    event = services.ledger.get(TradingEvent, event_id)
    assert [u.party_id for u in event.unveilings.values()] == [host]
    assert event.agreements_signed == [str(agreement_id)]


def test_a_trading_event_reloads_from_a_new_process_exactly_as_saved(
    services: Services, settings: Settings
) -> None:
    host = register(services, "Xi'an University")
    guest = register(services, "Almaty Photonics", "company", "KZ")
    event_id = conference(services, host)
    services.ledger.handle(AddForum(event_id=event_id, title="Belt and Road forum", held_on=DAY))
    services.ledger.handle(OpenExhibition(event_id=event_id, title="Achievements exhibition"))
    services.ledger.handle(
        RecordLaunch(event_id=event_id, what="Online achievements supermarket", launched_on=DAY)
    )
    roadshow_id = roadshow(services, event_id)
    services.ledger.handle(
        PitchProject(
            event_id=event_id, roadshow_id=roadshow_id, presenter_party_id=guest, company_id=guest
        )
    )
    exhibit = ExhibitAchievement(achievement_id=achievement(services, host), event_id=str(event_id))
    services.ledger.handle(exhibit)
    saved = services.ledger.get(TradingEvent, event_id)

    other = bootstrap(settings)
    try:
        reloaded = other.ledger.get(TradingEvent, event_id)
    finally:
        other.close()

    assert reloaded == saved
    assert reloaded.counts() == EventCounts(1, 1, 1, 1, 1, 0)
