"""Transaction: the deal an achievement was transferred by — an agreement or an IP transfer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dealtrail.domain.errors import fail


@dataclass(frozen=True)
class Transaction:
    """Exactly one of `agreement_id` and `ip_transfer_id` names the deal."""

    transacted_on: date
    agreement_id: str | None = None
    ip_transfer_id: str | None = None

    def __post_init__(self) -> None:
        if (self.agreement_id is None) == (self.ip_transfer_id is None):
            raise fail("achievement.transaction_needs_one_deal", "agreement_id")
