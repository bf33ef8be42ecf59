"""Share transfer: shares of a listed company changing hands between two parties."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dealtrail.domain.errors import fail
from dealtrail.domain.money import LIMIT, Money


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

    @property
    def consideration(self) -> Money:
        """What the buyer paid: the shares at the price per share (exact in the minor unit)."""
        return Money(self.price_per_share.currency, self.price_per_share.amount * self.shares)


def check_consideration(transfer: ShareTransfer) -> None:
    """Refuses a consideration larger than any amount of money this system records."""
    consideration = transfer.consideration
    if consideration.amount >= LIMIT:
        raise fail(
            "listing.consideration_too_large",
            "price_per_share",
            shares=transfer.shares,
            price=transfer.price_per_share,
            consideration=consideration,
        )
