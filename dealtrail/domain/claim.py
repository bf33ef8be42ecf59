"""Claims: how a value only one record may hold (a listing code at a trading centre, an IP number
at an office) stays unique in an event-sourced store.

Each unique key has a claim aggregate whose id derives from the key alone. The ledger saves a
record's new claims in the same transaction as the record's events, so of two commands racing
to take one key exactly one can store the claim's first event: the other's insert conflicts and
nothing of it is recorded. A claim is never released: the key stays with its first holder even
after that record ends (delisted, lapsed, expired).
"""

from __future__ import annotations

from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import event

from dealtrail.domain.base import Recorded

CLAIMS = uuid5(NAMESPACE_URL, "urn:dealtrail:claim")


class Claim(Recorded):
    """The record that holds a unique key."""

    key: str
    holder_id: str

    @staticmethod
    def create_id(key: str) -> UUID:
        """One claim per key: its id derives from the key."""
        return uuid5(CLAIMS, key)

    id_for = create_id

    @classmethod
    def of(cls, key: str, holder_id: UUID) -> Claim:
        return cls(key=key, holder_id=str(holder_id))

    class Claimed(Recorded.Created):
        key: str
        holder_id: str

    @event(Claimed)
    def __init__(self, key: str, holder_id: str) -> None:
        self.key = key
        self.holder_id = holder_id
