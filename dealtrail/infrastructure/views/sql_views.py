"""The lists the API reads (`application.ports.views`), served by the read models' views."""

from __future__ import annotations

from typing import Generic, Protocol, TypeVar

from dealtrail.infrastructure.views.achievements import AchievementsView
from dealtrail.infrastructure.views.agreements import AgreementsView
from dealtrail.infrastructure.views.base import View
from dealtrail.infrastructure.views.ip_assets import IpAssetsView
from dealtrail.infrastructure.views.ip_transfers import IpTransfersView
from dealtrail.infrastructure.views.listings import ListingsView
from dealtrail.infrastructure.views.parties import PartiesView
from dealtrail.infrastructure.views.trading_events import TradingEventsView

V = TypeVar("V", bound=View)


class Reader(Protocol):
    def __call__(self, cls: type[V]) -> V:
        """The view of that class, ready to read."""
        ...


class _List(Generic[V]):
    """A list of `SqlViews`: the view of `cls` that its `read` hands out."""

    def __init__(self, cls: type[V]) -> None:
        self.cls = cls

    def __get__(self, views: SqlViews, owner: type[SqlViews] | None = None) -> V:
        return views._read(self.cls)


class SqlViews:
    """Each list is the view `read` hands out: the read models', caught up with the log first
    when they follow it inline, so a list read after a command shows it."""

    parties = _List(PartiesView)
    agreements = _List(AgreementsView)
    ip_assets = _List(IpAssetsView)
    ip_transfers = _List(IpTransfersView)
    listings = _List(ListingsView)
    achievements = _List(AchievementsView)
    trading_events = _List(TradingEventsView)

    def __init__(self, read: Reader) -> None:
        self._read = read
