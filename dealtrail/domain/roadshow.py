"""Roadshows: themed pitch sessions at a trading event, each with its list of pitched projects."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from dealtrail.domain.errors import fail


@dataclass(frozen=True)
class PitchSlot:
    """One pitched project — an achievement or a company — and who presented it from where.

    The presenter's country is stored as it was when the pitch was recorded: whether a project
    counted as international is a fact of the event, not of the party's later moves."""

    slot_id: str
    presenter_party_id: str
    presenter_country: str
    achievement_id: str | None = None
    company_id: str | None = None

    def __post_init__(self) -> None:
        if (self.achievement_id is None) == (self.company_id is None):
            raise fail("trading_event.pitch_needs_one_project", "achievement_id")

    @property
    def project_id(self) -> str:
        return self.achievement_id or self.company_id or ""


@dataclass(frozen=True)
class Roadshow:
    roadshow_id: str
    theme: str
    held_on: date
    slots: tuple[PitchSlot, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "slots", tuple(self.slots))

    def pitched(self, slot: PitchSlot) -> Roadshow:
        return replace(self, slots=(*self.slots, slot))

    def has_project(self, project_id: str) -> bool:
        return any(s.project_id == project_id for s in self.slots)
