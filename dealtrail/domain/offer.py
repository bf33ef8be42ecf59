"""What an achievement offers: its field, readiness, the IP it rests on, the terms of transfer."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from uuid import UUID

from dealtrail.domain.choice import one_of
from dealtrail.domain.errors import fail
from dealtrail.domain.money import Money
from dealtrail.domain.text import required_text


class AchievementField(StrEnum):
    ADVANCED_MANUFACTURING = "advanced_manufacturing"
    NEW_MATERIALS = "new_materials"
    INFORMATION_TECHNOLOGY = "information_technology"
    ARTIFICIAL_INTELLIGENCE = "artificial_intelligence"
    BIOMEDICINE = "biomedicine"
    ENERGY = "energy"
    AGRICULTURE = "agriculture"
    ENVIRONMENT = "environment"
    AEROSPACE = "aerospace"
    OTHER = "other"


class TransferMode(StrEnum):
    ASSIGNMENT = "assignment"
    LICENCE = "licence"
    JOINT_DEVELOPMENT = "joint_development"
    EQUITY_INVESTMENT = "equity_investment"


TRL_RANGE = range(1, 10)


def achievement_field(value: str) -> AchievementField:
    return one_of(AchievementField, value, "achievement.unknown_field", "field", "value")


def readiness_level(value: object) -> int:
    """A technology readiness level: an integer from 1 (principles observed) to 9 (proven)."""
    if isinstance(value, bool) or not isinstance(value, int) or value not in TRL_RANGE:
        raise fail("achievement.trl_out_of_range", "trl", value=value)
    return value


def transfer_modes(values: list[str] | tuple[str, ...]) -> tuple[TransferMode, ...]:
    modes = []
    for value in values:
        mode = one_of(
            TransferMode, value, "achievement.unknown_transfer_mode", "transfer_modes", "mode"
        )
        if mode in modes:
            raise fail("achievement.duplicate_transfer_mode", "transfer_modes", mode=mode)
        modes.append(mode)
    if not modes:
        raise fail("achievement.no_transfer_mode", "transfer_modes")
    return tuple(modes)


def asset_ids(values: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """IP asset ids as canonical UUID strings, each at most once."""
    ids: list[str] = []
    for value in values:
        try:
            asset_id = str(UUID(str(value)))
        except ValueError:
            raise fail("achievement.invalid_ip_asset_id", "ip_asset_ids", value=value) from None
        if asset_id in ids:
            raise fail("achievement.duplicate_ip_asset", "ip_asset_ids", asset_id=asset_id)
        ids.append(asset_id)
    return tuple(ids)


@dataclass(frozen=True)
class Offer:
    """An achievement's description and terms. `asking_price` None means "negotiable"."""

    title: str
    field: AchievementField
    trl: int
    transfer_modes: tuple[TransferMode, ...]
    asking_price: Money | None = None
    ip_asset_ids: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "title", required_text(self.title, "title"))
        object.__setattr__(self, "field", achievement_field(self.field))
        object.__setattr__(self, "trl", readiness_level(self.trl))
        object.__setattr__(self, "transfer_modes", transfer_modes(tuple(self.transfer_modes)))
        object.__setattr__(self, "ip_asset_ids", asset_ids(tuple(self.ip_asset_ids)))

    @property
    def negotiable(self) -> bool:
        return self.asking_price is None
