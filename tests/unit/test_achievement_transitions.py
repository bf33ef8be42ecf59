"""Achievement: every command in every status — the legal transitions and every refusal."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dealtrail.domain.achievement import Achievement, AchievementStatus
from dealtrail.domain.errors import Conflict

from .achievement_builders import BUYER, EVENT, TRANSACTED_ON, S, achievement_in, licence
from .conftest import event_names, refused

pytestmark = pytest.mark.usefixtures("staff")

COMMANDS: dict[str, Callable[[Achievement], object]] = {
    "list_on_supermarket": lambda a: a.list_on_supermarket(),
    "start_negotiation": lambda a: a.start_negotiation(BUYER),
    "negotiation_fell_through": lambda a: a.negotiation_fell_through("Price too high"),
    "record_transaction": lambda a: a.record_transaction(TRANSACTED_ON, licence()),
    "withdraw": lambda a: a.withdraw("The patent lapsed"),
    "exhibit_at": lambda a: a.exhibit_at(EVENT),
}

OPEN = [S.DRAFT, S.LISTED, S.UNDER_NEGOTIATION]

# (status before, status after, event) of each legal use of a command.
LEGAL: dict[str, list[tuple[AchievementStatus, AchievementStatus, str]]] = {
    "list_on_supermarket": [(S.DRAFT, S.LISTED, "Listed")],
    "start_negotiation": [(S.LISTED, S.UNDER_NEGOTIATION, "NegotiationStarted")],
    "negotiation_fell_through": [(S.UNDER_NEGOTIATION, S.LISTED, "NegotiationFellThrough")],
    "record_transaction": [(S.UNDER_NEGOTIATION, S.TRANSACTED, "Transacted")],
    "withdraw": [(s, S.WITHDRAWN, "Withdrawn") for s in OPEN],
    "exhibit_at": [(s, s, "ExhibitedAt") for s in OPEN],
}

# The code each command is refused with wherever it is not legal.
REFUSALS: dict[str, str] = {
    "list_on_supermarket": "achievement.not_draft",
    "start_negotiation": "achievement.not_listed",
    "negotiation_fell_through": "achievement.not_negotiating",
    "record_transaction": "achievement.not_negotiating",
    "withdraw": "achievement.closed",
    "exhibit_at": "achievement.closed",
}


def _legal_cases() -> list[tuple[str, AchievementStatus, AchievementStatus, str]]:
    return [(c, *case) for c, cases in LEGAL.items() for case in cases]


def _illegal_cases() -> list[tuple[str, AchievementStatus, str]]:
    return [
        (command, status, code)
        for command, code in REFUSALS.items()
        for status in AchievementStatus
        if status not in {before for before, _, _ in LEGAL[command]}
    ]


@pytest.mark.parametrize(("command", "before", "after", "event"), _legal_cases())
def test_each_legal_command_moves_the_achievement_on_with_one_event(
    command: str, before: AchievementStatus, after: AchievementStatus, event: str
) -> None:
    achievement = achievement_in(before)

    COMMANDS[command](achievement)

    assert achievement.status is after
    assert event_names(achievement) == [f"Achievement.{event}"]


@pytest.mark.parametrize(("command", "status", "code"), _illegal_cases())
def test_each_illegal_command_is_refused_as_a_conflict_and_records_nothing(
    command: str, status: AchievementStatus, code: str
) -> None:
    achievement = achievement_in(status)

    with refused(achievement, Conflict, code):
        COMMANDS[command](achievement)

    assert achievement.status is status


def test_every_command_is_tried_in_every_status() -> None:
    legal = [(c, s) for c, s, _, _ in _legal_cases()]
    illegal = [(c, s) for c, s, _ in _illegal_cases()]

    assert sorted(legal + illegal) == sorted((c, s) for c in COMMANDS for s in AchievementStatus)
