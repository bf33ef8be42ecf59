"""The lists the API reads: each list's query, its search and the keys it sorts by.

A list's query is a value (`PartyQuery`, ...): the page asked for and the list's filters. A search
takes it and returns a page: `items` (flat dicts) and `next_after`, the cursor of the next page
(None on the last). Filters left None do not narrow the list. The views behind these follow the
log, so a list may lag a command just recorded (a read that must reflect it waits for its
position).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Any, Protocol, TypeVar
from uuid import UUID

from dealtrail.application.sorting import CREATED, Key, SortKeys
from dealtrail.domain.trading_event import EventCounts

TEXT, NUMBER, DAY, MOMENT = Key(str), Key(int), Key(date), Key(datetime)
MAYBE_TEXT, MAYBE_DAY = Key(str, optional=True), Key(date, optional=True)

PARTY_SORT_KEYS = SortKeys.of(
    "catalogue_parties", name=TEXT, kind=TEXT, country=TEXT, modified_at=MOMENT
)
AGREEMENT_SORT_KEYS = SortKeys.of(
    "catalogue_agreements",
    title=TEXT,
    kind=TEXT,
    status=TEXT,
    effective_on=MAYBE_DAY,
    modified_at=MOMENT,
)
IP_ASSET_SORT_KEYS = SortKeys.of(
    "catalogue_ip_assets",
    title=TEXT,
    kind=TEXT,
    jurisdiction=TEXT,
    status=TEXT,
    modified_at=MOMENT,
)
IP_TRANSFER_SORT_KEYS = SortKeys.of(
    "catalogue_ip_transfers",
    asset_kind=TEXT,
    mode=TEXT,
    status=TEXT,
    contract_signed_on=MAYBE_DAY,
    modified_at=MOMENT,
)
LISTING_SORT_KEYS = SortKeys.of(
    "catalogue_listings",
    status=TEXT,
    board=TEXT,
    listing_code=MAYBE_TEXT,
    listed_on=MAYBE_DAY,
    rounds=NUMBER,
    modified_at=MOMENT,
)
ACHIEVEMENT_SORT_KEYS = SortKeys.of(
    "catalogue_achievements",
    title=TEXT,
    field=TEXT,
    trl=NUMBER,
    status=TEXT,
    modified_at=MOMENT,
)
TRADING_EVENT_SORT_KEYS = SortKeys.of(
    "catalogue_trading_events",
    name=TEXT,
    country=TEXT,
    starts_on=DAY,
    ends_on=DAY,
    modified_at=MOMENT,
    **{count.name: NUMBER for count in fields(EventCounts)},
)

Page = dict[str, Any]


@dataclass(frozen=True)
class ListQuery:
    """What every list is asked for: a page of `limit` items in the order of `sort` (a key of
    the list's, `-` before it for descending), starting after the cursor `after` (the previous
    page's `next_after`). Each list's query adds its filters, all keyword-only."""

    limit: int
    sort: str = CREATED
    after: str | None = None


@dataclass(frozen=True, kw_only=True)
class PartyQuery(ListQuery):
    """Parties in a country, of a kind, in an alliance, whose name contains `q`, or behind a
    trading event's map (`event_id`: presented a project there or are party to an agreement
    signed there)."""

    country: str | None = None
    kind: str | None = None
    alliance: str | None = None
    q: str | None = None
    event_id: UUID | None = None


@dataclass(frozen=True, kw_only=True)
class AgreementQuery(ListQuery):
    """Agreements in a status, of a kind, with a party, whose title contains `q`, that took
    effect between `effective_from` and `effective_to` (inclusive), or valued in `currency`."""

    status: str | None = None
    kind: str | None = None
    party_id: UUID | None = None
    q: str | None = None
    effective_from: date | None = None
    effective_to: date | None = None
    currency: str | None = None


@dataclass(frozen=True, kw_only=True)
class IpAssetQuery(ListQuery):
    """IP assets by kind, jurisdiction, holder, owner or status; `q` matches the title or a
    number, however it is spaced or punctuated."""

    kind: str | None = None
    jurisdiction: str | None = None
    holder_party_id: UUID | None = None
    owner_party_id: UUID | None = None
    status: str | None = None
    q: str | None = None


@dataclass(frozen=True, kw_only=True)
class IpTransferQuery(ListQuery):
    """IP transfers of an asset or a kind of asset, by mode, status or party."""

    asset_id: UUID | None = None
    asset_kind: str | None = None
    mode: str | None = None
    status: str | None = None
    party_id: UUID | None = None


@dataclass(frozen=True, kw_only=True)
class ListingQuery(ListQuery):
    """Equity listings by status, board, trading centre or company; `q` matches the listing
    code or the company's name."""

    status: str | None = None
    board: str | None = None
    centre: UUID | None = None
    company: UUID | None = None
    q: str | None = None


@dataclass(frozen=True, kw_only=True)
class AchievementQuery(ListQuery):
    """Achievements whose title contains `q`, by field, readiness level (from `trl_min` to
    `trl_max`), transfer mode offered, status, or their owner's country or alliance."""

    q: str | None = None
    field: str | None = None
    trl_min: int | None = None
    trl_max: int | None = None
    transfer_mode: str | None = None
    owner_country: str | None = None
    alliance: str | None = None
    status: str | None = None


@dataclass(frozen=True, kw_only=True)
class TradingEventQuery(ListQuery):
    """Trading events whose name contains `q`, in a country, or hosted by a party."""

    q: str | None = None
    country: str | None = None
    host_party_id: UUID | None = None


Q_contra = TypeVar("Q_contra", bound=ListQuery, contravariant=True)


class Search(Protocol[Q_contra]):
    def search(self, query: Q_contra) -> Page:
        """The page of the list that `query` asks for."""
        ...


class Views(Protocol):
    """Every list, read as it stands once caught up with the log (where the views follow it
    in the same process)."""

    @property
    def parties(self) -> Search[PartyQuery]: ...

    @property
    def agreements(self) -> Search[AgreementQuery]: ...

    @property
    def ip_assets(self) -> Search[IpAssetQuery]: ...

    @property
    def ip_transfers(self) -> Search[IpTransferQuery]: ...

    @property
    def listings(self) -> Search[ListingQuery]: ...

    @property
    def achievements(self) -> Search[AchievementQuery]: ...

    @property
    def trading_events(self) -> Search[TradingEventQuery]: ...
