"""Records the demo's trading event: its programme, roadshows, the supermarket's achievements
(each exhibited at the event), the pitches and the agreements signed there."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from uuid import UUID

from dealtrail.demo import conference
from dealtrail.demo.achievements import (
    ACHIEVEMENTS,
    PITCHES,
    REFERENCE_SCOPE,
    DemoAchievement,
    DemoPitch,
)
from dealtrail.demo.steps import ConferenceServices, DemoIds, Step, demo_key
from dealtrail.domain.contact import Contact
from dealtrail.domain.external_ref import ExternalRef
from dealtrail.domain.money import Money
from dealtrail.domain.offer import Offer
from dealtrail.domain.trading_event import TradingEvent


class EventSteps:
    def __init__(self, services: ConferenceServices, ids: DemoIds, exhibited: int) -> None:
        self.events = services.trading_events
        self.achievements = services.achievements
        self.ids = ids
        self.exhibited = exhibited

    def programme(self) -> Iterator[Step]:
        yield self._schedule
        for index, title in enumerate(conference.FORUMS):
            yield partial(self._forum, index, title)
        yield self._exhibition
        for index, (institution, party) in enumerate(conference.UNVEILINGS):
            yield partial(self._unveiling, index, institution, party)
        for index, what in enumerate(conference.LAUNCHES):
            yield partial(self._launch, index, what)
        for index, roadshow in enumerate(conference.ROADSHOWS):
            yield partial(self._roadshow, index, roadshow.theme)

    def exhibits(self) -> Iterator[Step]:
        for achievement in ACHIEVEMENTS[: self.exhibited]:
            yield partial(self._achievement, achievement)

    def pitches(self) -> Iterator[Step]:
        for index, pitch in enumerate(PITCHES):
            yield partial(self._pitch, index, pitch)

    def agreements_signed(self) -> Iterator[Step]:
        for key in conference.SIGNED_AT_EVENT:
            yield partial(self._agreement_signed, key)

    @property
    def event_id(self) -> UUID:
        return self.ids.uuid("event", "conference")

    def _schedule(self) -> None:
        host, day = self.ids("party", conference.HOST), conference.DAY
        result = self.events.schedule(
            host, conference.NAME, conference.CITY, conference.COUNTRY, day, day, demo_key("event")
        )
        self.ids.remember("event", "conference", result)

    def _forum(self, index: int, title: str) -> None:
        self.events.add_forum(
            self.event_id, title, conference.DAY, demo_key(f"event:forum:{index}")
        )

    def _exhibition(self) -> None:
        self.events.open_exhibition(
            self.event_id, conference.EXHIBITION, demo_key("event:exhibition")
        )

    def _unveiling(self, index: int, institution: str, party: str | None) -> None:
        self.events.record_unveiling(
            self.event_id,
            institution,
            conference.DAY,
            self.ids.optional("party", party),
            demo_key(f"event:unveiling:{index}"),
        )

    def _launch(self, index: int, what: str) -> None:
        self.events.record_launch(
            self.event_id, what, conference.DAY, demo_key(f"event:launch:{index}")
        )

    def _roadshow(self, index: int, theme: str) -> None:
        event_id = self.event_id
        result = self.events.add_roadshow(
            event_id, theme, conference.DAY, demo_key(f"event:roadshow:{index}")
        )
        self.ids.put("roadshow", str(index), TradingEvent.child_id(event_id, result.version))

    def _achievement(self, demo: DemoAchievement) -> None:
        """Registers it, lists it on the supermarket and exhibits it at the conference."""
        price = Money.of(demo.price, "CNY") if demo.price else None
        assets = tuple(self.ids("asset", key) for key in demo.assets)
        offer = Offer(demo.title, demo.field, demo.trl, demo.modes, price, assets)
        contact = Contact("Technology transfer office", f"transfer@{demo.owner}.example.org")
        key = f"achievement:{demo.ref}"
        result = self.achievements.register(
            self.ids("party", demo.owner),
            offer,
            contact,
            ExternalRef(REFERENCE_SCOPE, demo.ref),
            demo_key(key),
        )
        achievement_id = self.ids.remember("achievement", demo.ref, result)
        self.achievements.list_on_supermarket(achievement_id, demo_key(f"{key}:list"))
        self.achievements.exhibit_at(
            achievement_id, self.ids("event", "conference"), demo_key(f"{key}:exhibit")
        )

    def _pitch(self, index: int, pitch: DemoPitch) -> None:
        self.events.pitch(
            self.event_id,
            self.ids("roadshow", str(pitch.roadshow)),
            self.ids("party", pitch.presenter),
            self.ids.optional("achievement", pitch.achievement),
            self.ids.optional("party", pitch.company),
            demo_key(f"event:pitch:{index}"),
        )

    def _agreement_signed(self, key: str) -> None:
        self.events.record_agreement_signed(
            self.event_id, self.ids("agreement", key), demo_key(f"event:signed:{key}")
        )
