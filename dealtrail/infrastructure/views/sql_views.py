"""The lists the API reads (`application.ports.views`), served by the read models' views."""

from __future__ import annotations

from typing import Protocol, TypeVar

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


class SqlViews:
    """Each list is the view `read` hands out: the read models', caught up with the log first
    when they follow it inline, so a list read after a command shows it."""

    def __init__(self, read: Reader) -> None:
        self._read = read

    @property
    def parties(self) -> PartiesView:
        return self._read(PartiesView)

    @property
    def agreements(self) -> AgreementsView:
        return self._read(AgreementsView)

    @property
    def ip_assets(self) -> IpAssetsView:
        return self._read(IpAssetsView)

    @property
    def ip_transfers(self) -> IpTransfersView:
        return self._read(IpTransfersView)

    @property
    def listings(self) -> ListingsView:
        return self._read(ListingsView)

    @property
    def achievements(self) -> AchievementsView:
        return self._read(AchievementsView)

    @property
    def trading_events(self) -> TradingEventsView:
        return self._read(TradingEventsView)
