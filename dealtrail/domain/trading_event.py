"""Trading event: a conference where achievements are shown, projects pitched and deals signed."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from eventsourcing.domain import event

from dealtrail.domain.achievement import CLOSED, Achievement
from dealtrail.domain.agreement import Agreement
from dealtrail.domain.base import Recorded
from dealtrail.domain.calendar import check_on_record
from dealtrail.domain.country import country_code
from dealtrail.domain.errors import fail
from dealtrail.domain.programme import Exhibition, Forum, Launch, Unveiling
from dealtrail.domain.roadshow import PitchSlot, Roadshow
from dealtrail.domain.text import required_text


@dataclass(frozen=True)
class EventCounts:
    """What dashboards report per trading event."""

    achievements_exhibited: int
    roadshows: int
    projects_pitched: int
    international_projects: int
    international_countries: int
    agreements_signed: int


class TradingEvent(Recorded):
    host_party_id: str
    host_country: str
    name: str
    city: str
    country: str
    starts_on: date
    ends_on: date
    forums: dict[str, Forum]
    exhibitions: dict[str, Exhibition]
    unveilings: dict[str, Unveiling]
    launches: dict[str, Launch]
    roadshows: dict[str, Roadshow]
    agreements_signed: list[str]
    achievements_exhibited: list[str]

    @classmethod
    def schedule(
        cls,
        host_party_id: str,
        host_country: str,
        name: str,
        city: str,
        country: str,
        starts_on: date,
        ends_on: date,
    ) -> TradingEvent:
        check_on_record(starts_on, "starts_on")
        check_on_record(ends_on, "ends_on")
        if ends_on < starts_on:
            raise fail("trading_event.dates_reversed", "ends_on", ends_on=ends_on)
        return cls(
            host_party_id=host_party_id,
            host_country=country_code(host_country),
            name=required_text(name, "name"),
            city=required_text(city, "city"),
            country=country_code(country),
            starts_on=starts_on,
            ends_on=ends_on,
        )

    class Scheduled(Recorded.Created):
        host_party_id: str
        host_country: str
        name: str
        city: str
        country: str
        starts_on: date
        ends_on: date

    @event(Scheduled)
    def __init__(
        self,
        host_party_id: str,
        host_country: str,
        name: str,
        city: str,
        country: str,
        starts_on: date,
        ends_on: date,
    ) -> None:
        self.host_party_id = host_party_id
        self.host_country = host_country
        self.name = name
        self.city = city
        self.country = country
        self.starts_on = starts_on
        self.ends_on = ends_on
        self.forums = {}
        self.exhibitions = {}
        self.unveilings = {}
        self.launches = {}
        self.roadshows = {}
        self.agreements_signed = []
        self.achievements_exhibited = []

    # ---- programme ---------------------------------------------------------------------------

    def add_forum(self, title: str, held_on: date) -> str:
        forum = Forum(self._next_child_id(), required_text(title, "title"), self._day(held_on))
        self._forum_added(forum=forum)
        return forum.forum_id

    @event("ForumAdded")
    def _forum_added(self, forum: Forum) -> None:
        self.forums = {**self.forums, forum.forum_id: forum}

    def open_exhibition(self, title: str) -> str:
        exhibition = Exhibition(self._next_child_id(), required_text(title, "title"))
        self._exhibition_opened(exhibition=exhibition)
        return exhibition.exhibition_id

    @event("ExhibitionOpened")
    def _exhibition_opened(self, exhibition: Exhibition) -> None:
        self.exhibitions = {**self.exhibitions, exhibition.exhibition_id: exhibition}

    def record_unveiling(self, institution: str, unveiled_on: date, party_id: str | None) -> str:
        unveiling = Unveiling(
            self._next_child_id(),
            required_text(institution, "institution"),
            self._day(unveiled_on, "unveiled_on"),
            party_id,
        )
        self._institution_unveiled(unveiling=unveiling)
        return unveiling.unveiling_id

    @event("InstitutionUnveiled")
    def _institution_unveiled(self, unveiling: Unveiling) -> None:
        self.unveilings = {**self.unveilings, unveiling.unveiling_id: unveiling}

    def record_launch(self, what: str, launched_on: date) -> str:
        launch = Launch(
            self._next_child_id(),
            required_text(what, "what"),
            self._day(launched_on, "launched_on"),
        )
        self._launched(launch=launch)
        return launch.launch_id

    @event("Launched")
    def _launched(self, launch: Launch) -> None:
        self.launches = {**self.launches, launch.launch_id: launch}

    # ---- roadshows ---------------------------------------------------------------------------

    def add_roadshow(self, theme: str, held_on: date) -> str:
        roadshow = Roadshow(
            self._next_child_id(), required_text(theme, "theme"), self._day(held_on)
        )
        self._roadshow_added(roadshow=roadshow)
        return roadshow.roadshow_id

    @event("RoadshowAdded")
    def _roadshow_added(self, roadshow: Roadshow) -> None:
        self.roadshows = {**self.roadshows, roadshow.roadshow_id: roadshow}

    def pitch(
        self,
        roadshow_id: str,
        presenter_party_id: str,
        presenter_country: str,
        achievement: Achievement | None = None,
        company_id: str | None = None,
    ) -> str:
        """Adds a pitched project to the end of a roadshow's slot list. An achievement is
        pitched to find a taker: once transacted or withdrawn it is no longer offered."""
        roadshow = self._roadshow(roadshow_id)
        slot = PitchSlot(
            self._next_child_id(),
            presenter_party_id,
            country_code(presenter_country),
            None if achievement is None else str(achievement.id),
            company_id,
        )
        if achievement is not None and achievement.status in CLOSED:
            raise fail(
                "trading_event.achievement_closed",
                "achievement_id",
                achievement_id=achievement.id,
                status=achievement.status,
            )
        if roadshow.has_project(slot.project_id):
            raise fail(
                "trading_event.already_pitched", project_id=slot.project_id, roadshow_id=roadshow_id
            )
        self._project_pitched(roadshow_id=roadshow_id, slot=slot)
        return slot.slot_id

    @event("ProjectPitched")
    def _project_pitched(self, roadshow_id: str, slot: PitchSlot) -> None:
        self.roadshows = {**self.roadshows, roadshow_id: self.roadshows[roadshow_id].pitched(slot)}

    def is_international(self, slot: PitchSlot) -> bool:
        """Judged against where the event is held, not where its host is registered."""
        return slot.presenter_country != self.country

    # ---- deals and exhibits ------------------------------------------------------------------

    def record_agreement_signed(self, agreement: Agreement) -> None:
        """Signed at the event means in effect (or ended since) by a signature dated within the
        event: the last required signature, the one that made the agreement effective."""
        agreement_id = str(agreement.id)
        if agreement.effective_on is None:
            raise fail(
                "trading_event.agreement_not_signed",
                "agreement_id",
                agreement_id=agreement_id,
                status=agreement.status,
            )
        if not self.starts_on <= agreement.effective_on <= self.ends_on:
            raise fail(
                "trading_event.agreement_signed_outside_event",
                "agreement_id",
                agreement_id=agreement_id,
                effective_on=agreement.effective_on,
                starts_on=self.starts_on,
                ends_on=self.ends_on,
            )
        if agreement_id in self.agreements_signed:
            raise fail("trading_event.agreement_already_recorded", agreement_id=agreement_id)
        self._agreement_signed(agreement_id=agreement_id)

    @event("AgreementSigned")
    def _agreement_signed(self, agreement_id: str) -> None:
        self.agreements_signed = [*self.agreements_signed, agreement_id]

    def record_exhibit(self, achievement_id: str) -> None:
        """Follows an achievement's `ExhibitedAt` this event (recorded by a policy)."""
        if achievement_id in self.achievements_exhibited:
            raise fail("trading_event.already_exhibited", achievement_id=achievement_id)
        self._achievement_exhibited(achievement_id=achievement_id)

    @event("AchievementExhibited")
    def _achievement_exhibited(self, achievement_id: str) -> None:
        self.achievements_exhibited = [*self.achievements_exhibited, achievement_id]

    # ---- reporting ---------------------------------------------------------------------------

    def counts(self) -> EventCounts:
        by_country = self.international_by_country()
        return EventCounts(
            achievements_exhibited=len(self.achievements_exhibited),
            roadshows=len(self.roadshows),
            projects_pitched=len(self.pitches()),
            international_projects=sum(by_country.values()),
            international_countries=len(by_country),
            agreements_signed=len(self.agreements_signed),
        )

    def pitches(self) -> list[PitchSlot]:
        """Every project pitched at the event, roadshow by roadshow."""
        return [s for r in self.roadshows.values() for s in r.slots]

    def international_by_country(self) -> dict[str, int]:
        """How many international projects were pitched from each country or region: where
        they come from is what a map of the event shows."""
        pitched = self.pitches()
        return dict(Counter(s.presenter_country for s in pitched if self.is_international(s)))

    # ---- checks ------------------------------------------------------------------------------

    def _day(self, day: date, field: str = "held_on") -> date:
        if not self.starts_on <= day <= self.ends_on:
            raise fail(
                "trading_event.outside_dates",
                field,
                on=day,
                starts_on=self.starts_on,
                ends_on=self.ends_on,
            )
        return day

    def _roadshow(self, roadshow_id: str) -> Roadshow:
        try:
            return self.roadshows[roadshow_id]
        except KeyError:
            raise fail("trading_event.unknown_roadshow", roadshow_id=roadshow_id) from None
