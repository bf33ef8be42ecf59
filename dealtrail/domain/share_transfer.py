"""Share transfer: shares of a listed company changing hands between two parties."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dealtrail.domain.errors import fail
from dealtrail.domain.money import Money


@dataclass(frozen=True)
class ShareTransfer:
    transfer_id: str
    from_party_id: str
    to_party_id: str
    shares: int
    price_per_share: Money
    transferred_on: date

    def __post_init__(self) -> None:
        if isinstance(self.shares, bool) or not isinstance(self.shares, int) or self.shares <= 0:
            raise fail("listing.shares_not_positive", "shares", shares=self.shares)
        if self.from_party_id == self.to_party_id:
            raise fail("listing.transfer_to_self", "to_party_id", party_id=self.to_party_id)
