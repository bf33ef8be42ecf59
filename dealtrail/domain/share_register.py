"""The shareholder register a trading centre keeps of a company it lists: who holds how many shares.

The register is taken at listing and then follows from the listing's own events: financing rounds
whose instrument issues shares add them to the investors' holdings, share transfers move them from
seller to buyer. Nobody holds more than the shares issued; no seller sells more than it holds.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from dealtrail.domain.errors import fail

# The most shares a company's register can count, held by one party or in all. The largest listed
# companies issue some 10^11 shares; 10^15 leaves room for any split, stays below 2^53 (so a
# JavaScript client reads every count exactly) and fits a 64-bit column.
MAX_SHARES = 10**15

Register = dict[str, int]  # shares held, by party id; nobody holds none


@dataclass(frozen=True)
class Holding:
    """`shares` of the company held (or issued, or transferred) to one party."""

    party_id: str
    shares: int


def share_count(shares: object, field: str) -> int:
    """A count of shares: a positive whole number, at most MAX_SHARES."""
    if isinstance(shares, bool) or not isinstance(shares, int) or shares <= 0:
        raise fail("listing.shares_not_positive", field, shares=shares)
    if shares > MAX_SHARES:
        raise fail("listing.too_many_shares", field, shares=shares, most=MAX_SHARES)
    return shares


def holdings(entries: Sequence[Holding], field: str) -> tuple[Holding, ...]:
    """Holdings naming each party once, with valid share counts, together at most MAX_SHARES."""
    seen: set[str] = set()
    for index, entry in enumerate(entries):
        share_count(entry.shares, f"{field}.{index}.shares")
        if entry.party_id in seen:
            raise fail(
                "listing.duplicate_holder", f"{field}.{index}.party_id", party_id=entry.party_id
            )
        seen.add(entry.party_id)
    check_total(sum(entry.shares for entry in entries), field)
    return tuple(entries)


def opening_register(entries: Sequence[Holding], field: str) -> tuple[Holding, ...]:
    """The register as it stands when the centre takes it up: at least one holder."""
    if not entries:
        raise fail("listing.register_empty", field)
    return holdings(entries, field)


def check_total(total: int, field: str) -> None:
    if total > MAX_SHARES:
        raise fail("listing.too_many_shares", field, shares=total, most=MAX_SHARES)


def register_of(entries: Iterable[Holding]) -> Register:
    return {entry.party_id: entry.shares for entry in entries}


def issued(register: Register, entries: Iterable[Holding]) -> Register:
    """The register once `entries` are issued as new shares."""
    after = dict(register)
    for entry in entries:
        after[entry.party_id] = after.get(entry.party_id, 0) + entry.shares
    return after


def moved(register: Register, seller: str, buyer: str, shares: int) -> Register:
    """The register once `seller` has transferred `shares` to `buyer`."""
    after = {**register, seller: register.get(seller, 0) - shares}
    after[buyer] = after.get(buyer, 0) + shares
    return {party_id: held for party_id, held in after.items() if held}


def listed_holders(register: Mapping[str, int]) -> list[Holding]:
    """The holders, largest holding first (then by party id, for a stable order)."""
    ranked = sorted(register.items(), key=lambda item: (-item[1], item[0]))
    return [Holding(party_id, shares) for party_id, shares in ranked]
