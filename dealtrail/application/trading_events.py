"""Use cases for trading events: schedule one, record its programme, roadshows and deals."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from uuid import UUID

from dealtrail.application.command import NO_OPTIONS, CommandResult, Options
from dealtrail.application.ledger import Ledger
from dealtrail.application.ledger import OldCommand as Command
from dealtrail.application.parties import Parties
from dealtrail.domain.achievement import Achievement
from dealtrail.domain.agreement import Agreement
from dealtrail.domain.errors import fail
from dealtrail.domain.party import Party, PartyKind
from dealtrail.domain.trading_event import TradingEvent


class TradingEvents:
    def __init__(self, ledger: Ledger, parties: Parties) -> None:
        self.ledger = ledger
        self.parties = parties

    def schedule(
        self,
        host_party_id: str,
        name: str,
        city: str,
        country: str,
        starts_on: date,
        ends_on: date,
        options: Options = NO_OPTIONS,
    ) -> CommandResult:
        host = self._party(host_party_id, "host_party_id")
        args = {
            "host": host_party_id,
            "name": name,
            "city": city,
            "country": country,
            "starts_on": starts_on,
            "ends_on": ends_on,
        }
        return self.ledger.create(
            Command("trading_event.schedule", args, options),
            lambda: TradingEvent.schedule(
                host_party_id, host.country, name, city, country, starts_on, ends_on
            ),
        )

    def add_forum(
        self, event_id: UUID, title: str, held_on: date, options: Options = NO_OPTIONS
    ) -> CommandResult:
        args = {"title": title, "held_on": held_on}
        return self._change(
            event_id, "add_forum", args, options, lambda e: e.add_forum(title, held_on)
        )

    def open_exhibition(
        self, event_id: UUID, title: str, options: Options = NO_OPTIONS
    ) -> CommandResult:
        return self._change(
            event_id,
            "open_exhibition",
            {"title": title},
            options,
            lambda e: e.open_exhibition(title),
        )

    def record_unveiling(
        self,
        event_id: UUID,
        institution: str,
        unveiled_on: date,
        party_id: str | None = None,
        options: Options = NO_OPTIONS,
    ) -> CommandResult:
        if party_id is not None:
            self._party(party_id, "party_id")
        args = {"institution": institution, "unveiled_on": unveiled_on, "party_id": party_id}
        return self._change(
            event_id,
            "record_unveiling",
            args,
            options,
            lambda e: e.record_unveiling(institution, unveiled_on, party_id),
        )

    def record_launch(
        self, event_id: UUID, what: str, launched_on: date, options: Options = NO_OPTIONS
    ) -> CommandResult:
        args = {"what": what, "launched_on": launched_on}
        return self._change(
            event_id, "record_launch", args, options, lambda e: e.record_launch(what, launched_on)
        )

    def add_roadshow(
        self, event_id: UUID, theme: str, held_on: date, options: Options = NO_OPTIONS
    ) -> CommandResult:
        args = {"theme": theme, "held_on": held_on}
        return self._change(
            event_id, "add_roadshow", args, options, lambda e: e.add_roadshow(theme, held_on)
        )

    def pitch(
        self,
        event_id: UUID,
        roadshow_id: str,
        presenter_party_id: str,
        achievement_id: str | None = None,
        company_id: str | None = None,
        options: Options = NO_OPTIONS,
    ) -> CommandResult:
        """Adds a pitched project to a roadshow; the presenter's country is recorded with it, so
        whether it was international stays as it was on the day."""
        presenter = self._party(presenter_party_id, "presenter_party_id")
        if achievement_id is not None and not self.ledger.exists(Achievement, UUID(achievement_id)):
            raise fail("achievement.unknown", "achievement_id", achievement_id=achievement_id)
        if company_id is not None:
            company = self._party(company_id, "company_id")
            if company.kind != PartyKind.COMPANY:
                raise fail(
                    "trading_event.not_a_company",
                    "company_id",
                    party_id=company_id,
                    kind=company.kind,
                )
        args = {
            "roadshow_id": roadshow_id,
            "presenter": presenter_party_id,
            "achievement_id": achievement_id,
            "company_id": company_id,
        }
        return self._change(
            event_id,
            "pitch",
            args,
            options,
            lambda e: e.pitch(
                roadshow_id,
                presenter_party_id,
                presenter.country,
                self._achievement(achievement_id),
                company_id,
            ),
        )

    def record_agreement_signed(
        self, event_id: UUID, agreement_id: str, options: Options = NO_OPTIONS
    ) -> CommandResult:
        if not self.ledger.exists(Agreement, UUID(agreement_id)):
            raise fail("trading_event.unknown_agreement", "agreement_id", agreement_id=agreement_id)
        return self._change(
            event_id,
            "record_agreement_signed",
            {"agreement_id": agreement_id},
            options,
            lambda e: e.record_agreement_signed(self.ledger.get(Agreement, UUID(agreement_id))),
        )

    def get(self, event_id: UUID, version: int | None = None) -> TradingEvent:
        return self.ledger.get(TradingEvent, event_id, version)

    def _achievement(self, achievement_id: str | None) -> Achievement | None:
        """The achievement as it is now, for the event to judge whether it can be pitched."""
        if achievement_id is None:
            return None
        return self.ledger.get(Achievement, UUID(achievement_id))

    def _party(self, party_id: str, field: str) -> Party:
        if not self.parties.exists(UUID(party_id)):
            raise fail("party.unknown", field, party_id=party_id)
        return self.parties.get(UUID(party_id))

    def _change(
        self,
        event_id: UUID,
        name: str,
        args: dict[str, object],
        options: Options,
        act: Callable[[TradingEvent], object],
    ) -> CommandResult:
        command = Command(f"trading_event.{name}", args, options)
        return self.ledger.change(command, TradingEvent, event_id, act)
