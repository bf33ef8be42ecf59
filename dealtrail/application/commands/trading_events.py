"""Commands on trading events: schedule one, record its programme, roadshows and deals."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from dealtrail.application.command import Change, Create, Records, command
from dealtrail.application.commands.parties import registered_party
from dealtrail.domain.achievement import Achievement
from dealtrail.domain.agreement import Agreement
from dealtrail.domain.errors import fail
from dealtrail.domain.party import PartyKind
from dealtrail.domain.trading_event import TradingEvent


@command("trading_event.schedule", arguments={"host_party_id": "host"})
class ScheduleTradingEvent(Create[TradingEvent]):
    host_party_id: str
    name: str
    city: str
    country: str
    starts_on: date
    ends_on: date

    def check(self, records: Records) -> None:
        registered_party(records, self.host_party_id, "host_party_id")

    def build_from(self, records: Records) -> TradingEvent:
        host = registered_party(records, self.host_party_id, "host_party_id")
        return TradingEvent.schedule(
            self.host_party_id,
            host.country,
            self.name,
            self.city,
            self.country,
            self.starts_on,
            self.ends_on,
        )


@dataclass(frozen=True, kw_only=True)
class TradingEventChange(Change[TradingEvent]):
    AGGREGATE = TradingEvent
    TARGET = "event_id"
    event_id: UUID


@command("trading_event.add_forum", acts="add_forum")
class AddForum(TradingEventChange):
    title: str
    held_on: date


@command("trading_event.open_exhibition", acts="open_exhibition")
class OpenExhibition(TradingEventChange):
    title: str


@command("trading_event.record_unveiling", acts="record_unveiling")
class RecordUnveiling(TradingEventChange):
    institution: str
    unveiled_on: date
    party_id: str | None = None  # the institution, if it is a registered party

    def check(self, records: Records) -> None:
        if self.party_id is not None:
            registered_party(records, self.party_id, "party_id")


@command("trading_event.record_launch", acts="record_launch")
class RecordLaunch(TradingEventChange):
    what: str
    launched_on: date


@command("trading_event.add_roadshow", acts="add_roadshow")
class AddRoadshow(TradingEventChange):
    theme: str
    held_on: date


@command("trading_event.pitch", arguments={"presenter_party_id": "presenter"})
class PitchProject(TradingEventChange):
    """Adds a pitched project (an achievement or a company) to a roadshow; the presenter's
    country is recorded with it, so whether it was international stays as it was on the day."""

    roadshow_id: str
    presenter_party_id: str
    achievement_id: str | None = None
    company_id: str | None = None

    def check(self, records: Records) -> None:
        registered_party(records, self.presenter_party_id, "presenter_party_id")
        achievement_id = self.achievement_id
        if achievement_id is not None and not records.exists(Achievement, UUID(achievement_id)):
            raise fail("achievement.unknown", "achievement_id", achievement_id=achievement_id)
        if self.company_id is not None:
            company = registered_party(records, self.company_id, "company_id")
            if company.kind != PartyKind.COMPANY:
                raise fail(
                    "trading_event.not_a_company",
                    "company_id",
                    party_id=self.company_id,
                    kind=company.kind,
                )

    def act_on(self, event: TradingEvent, records: Records) -> None:
        presenter = registered_party(records, self.presenter_party_id, "presenter_party_id")
        achievement = None  # as it is now, for the event to judge whether it is still offered
        if self.achievement_id is not None:
            achievement = records.get(Achievement, UUID(self.achievement_id))
        event.pitch(
            self.roadshow_id,
            self.presenter_party_id,
            presenter.country,
            achievement,
            self.company_id,
        )


@command("trading_event.record_agreement_signed")
class RecordAgreementSigned(TradingEventChange):
    """Signed at the event: the event judges the agreement by when it took effect."""

    agreement_id: str

    def check(self, records: Records) -> None:
        if not records.exists(Agreement, UUID(self.agreement_id)):
            raise fail(
                "trading_event.unknown_agreement", "agreement_id", agreement_id=self.agreement_id
            )

    def act_on(self, event: TradingEvent, records: Records) -> None:
        event.record_agreement_signed(records.get(Agreement, UUID(self.agreement_id)))
