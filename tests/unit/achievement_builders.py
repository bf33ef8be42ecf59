"""Achievements for the domain unit tests: a university's laser welding process on the
supermarket, and a foreign company negotiating for it."""

from __future__ import annotations

from datetime import date
from typing import Any

from dealtrail.domain.achievement import Achievement, AchievementStatus
from dealtrail.domain.agreement import Agreement
from dealtrail.domain.contact import Contact
from dealtrail.domain.external_ref import ExternalRef
from dealtrail.domain.money import Money
from dealtrail.domain.offer import AchievementField, Offer, TransferMode
from dealtrail.domain.terms import AgreementKind, Participant, PartyRole

from .conftest import TERMS

OWNER = "party:xauat-university"
BUYER = "party:almaty-photonics"
EVENT = "event:2026-conference"
TRANSACTED_ON = date(2025, 6, 1)

S = AchievementStatus


def offer(**changes: Any) -> Offer:
    values: dict[str, Any] = {
        "title": "High-power laser welding process",
        "field": AchievementField.ADVANCED_MANUFACTURING,
        "trl": 6,
        "transfer_modes": (TransferMode.LICENCE, TransferMode.JOINT_DEVELOPMENT),
        "asking_price": Money.of("3500000.00", "CNY"),
        "ip_asset_ids": (),
    }
    return Offer(**{**values, **changes})


CONTACT = Contact("Wang Hong", "wang.hong@example.edu.cn", "+86 29 8266 8888")


def licence() -> Agreement:
    """The licence between the owner and the buyer that transfers the achievement."""
    agreement = Agreement.draft(
        AgreementKind.TECHNOLOGY_LICENCE,
        TERMS,
        [
            Participant(OWNER, PartyRole.LICENSOR, True),
            Participant(BUYER, PartyRole.LICENSEE, True),
        ],
    )
    agreement.collect_events()
    return agreement


def achievement_in(
    status: AchievementStatus = S.DRAFT, external_ref: ExternalRef | None = None
) -> Achievement:
    """An achievement brought to `status` by the shortest path, its events already collected.
    Call it inside a `recording(...)` block (the `staff` fixture)."""
    achievement = Achievement.register(OWNER, offer(), CONTACT, external_ref)
    if status in (S.LISTED, S.UNDER_NEGOTIATION, S.TRANSACTED):
        achievement.list_on_supermarket()
    if status in (S.UNDER_NEGOTIATION, S.TRANSACTED):
        achievement.start_negotiation(BUYER)
    if status == S.TRANSACTED:
        achievement.record_transaction(TRANSACTED_ON, licence())
    if status == S.WITHDRAWN:
        achievement.withdraw("The patent lapsed")
    assert achievement.status == status
    achievement.collect_events()
    return achievement
