"""The rest of a trading event's programme: forums, exhibitions, unveilings and launches."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Forum:
    forum_id: str
    title: str
    held_on: date


@dataclass(frozen=True)
class Exhibition:
    exhibition_id: str
    title: str


@dataclass(frozen=True)
class Unveiling:
    """An institution unveiled at the event (a centre, a service desk), registered as a party or
    not (yet)."""

    unveiling_id: str
    institution: str
    unveiled_on: date
    party_id: str | None = None


@dataclass(frozen=True)
class Launch:
    """Something launched at the event, e.g. the online sci-tech achievements supermarket."""

    launch_id: str
    what: str
    launched_on: date
