"""Records the demo's trading event: its programme, roadshows, the supermarket's achievements
(each exhibited at the event), the pitches and the agreements signed there."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from uuid import UUID

from dealtrail.application.commands.achievements import (
    ExhibitAchievement,
    ListAchievement,
    RegisterAchievement,
)
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
from dealtrail.application.ledger import Ledger
from dealtrail.demo import conference
from dealtrail.demo.achievements import (
    ACHIEVEMENTS,
    PITCHES,
    REFERENCE_SCOPE,
    DemoAchievement,
    DemoPitch,
)
from dealtrail.demo.steps import DemoIds, Loader, Step
from dealtrail.domain.contact import Contact
from dealtrail.domain.external_ref import ExternalRef
from dealtrail.domain.money import Money
from dealtrail.domain.offer import Offer
from dealtrail.domain.trading_event import TradingEvent


class EventSteps(Loader):
    def __init__(self, ledger: Ledger, ids: DemoIds, exhibited: int) -> None:
        super().__init__(ledger, ids)
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
        schedule = ScheduleTradingEvent(
            host_party_id=self.ids("party", conference.HOST),
            name=conference.NAME,
            city=conference.CITY,
            country=conference.COUNTRY,
            starts_on=conference.DAY,
            ends_on=conference.DAY,
        )
        self.ids.remember("event", "conference", self.record(schedule, "event"))

    def _forum(self, index: int, title: str) -> None:
        forum = AddForum(event_id=self.event_id, title=title, held_on=conference.DAY)
        self.record(forum, f"event:forum:{index}")

    def _exhibition(self) -> None:
        exhibition = OpenExhibition(event_id=self.event_id, title=conference.EXHIBITION)
        self.record(exhibition, "event:exhibition")

    def _unveiling(self, index: int, institution: str, party: str | None) -> None:
        unveiling = RecordUnveiling(
            event_id=self.event_id,
            institution=institution,
            unveiled_on=conference.DAY,
            party_id=self.ids.optional("party", party),
        )
        self.record(unveiling, f"event:unveiling:{index}")

    def _launch(self, index: int, what: str) -> None:
        launch = RecordLaunch(event_id=self.event_id, what=what, launched_on=conference.DAY)
        self.record(launch, f"event:launch:{index}")

    def _roadshow(self, index: int, theme: str) -> None:
        event_id = self.event_id
        roadshow = AddRoadshow(event_id=event_id, theme=theme, held_on=conference.DAY)
        result = self.record(roadshow, f"event:roadshow:{index}")
        self.ids.put("roadshow", str(index), TradingEvent.child_id(event_id, result.version))

    def _achievement(self, demo: DemoAchievement) -> None:
        """Registers it, lists it on the supermarket and exhibits it at the conference."""
        price = Money.of(demo.price, "CNY") if demo.price else None
        assets = tuple(self.ids("asset", key) for key in demo.assets)
        offer = Offer(demo.title, demo.field, demo.trl, demo.modes, price, assets)
        contact = Contact("Technology transfer office", f"transfer@{demo.owner}.example.org")
        key = f"achievement:{demo.ref}"
        register = RegisterAchievement(
            owner_party_id=self.ids("party", demo.owner),
            offer=offer,
            contact=contact,
            external_ref=ExternalRef(REFERENCE_SCOPE, demo.ref),
        )
        result = self.record(register, key)
        achievement_id = self.ids.remember("achievement", demo.ref, result)
        self.record(ListAchievement(achievement_id=achievement_id), f"{key}:list")
        exhibit = ExhibitAchievement(
            achievement_id=achievement_id, event_id=self.ids("event", "conference")
        )
        self.record(exhibit, f"{key}:exhibit")

    def _pitch(self, index: int, pitch: DemoPitch) -> None:
        project = PitchProject(
            event_id=self.event_id,
            roadshow_id=self.ids("roadshow", str(pitch.roadshow)),
            presenter_party_id=self.ids("party", pitch.presenter),
            achievement_id=self.ids.optional("achievement", pitch.achievement),
            company_id=self.ids.optional("party", pitch.company),
        )
        self.record(project, f"event:pitch:{index}")

    def _agreement_signed(self, key: str) -> None:
        signed = RecordAgreementSigned(
            event_id=self.event_id, agreement_id=self.ids("agreement", key)
        )
        self.record(signed, f"event:signed:{key}")
