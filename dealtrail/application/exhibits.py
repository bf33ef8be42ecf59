"""Policy: an achievement exhibited at a trading event is counted in that event's own record.

The achievement records `ExhibitedAt(event_id)`; this policy records `AchievementExhibited` on the
trading event, so the event's counts (and their history, `?version=`, `?as_of=`) come from its
own events.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from dealtrail.application.ledger import Ledger
from dealtrail.domain.achievement import Achievement
from dealtrail.domain.base import Recorded
from dealtrail.domain.trading_event import TradingEvent


class CountExhibits:
    name = "trading_event_exhibits"
    reacts_to = (Achievement.ExhibitedAt,)

    def react(self, ledger: Ledger, event: Any) -> list[Recorded]:
        if not isinstance(event, Achievement.ExhibitedAt):
            return []
        trading_event = ledger.get(TradingEvent, UUID(event.event_id))
        achievement_id = str(event.originator_id)
        if achievement_id in trading_event.achievements_exhibited:
            return []
        trading_event.record_exhibit(achievement_id)
        return [trading_event]
