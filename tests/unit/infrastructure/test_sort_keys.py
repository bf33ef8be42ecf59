"""Each list's view sorts by exactly the keys its port declares (the API validates `sort` and
`after` against the port's keys before any view is read): same names, order, types, optional
keys and list name, so a cursor one gives out the other accepts."""

from __future__ import annotations

import pytest

from dealtrail.application.ports import views as ports
from dealtrail.application.sorting import SortKeys
from dealtrail.infrastructure.views.achievements import AchievementsView
from dealtrail.infrastructure.views.agreements import AgreementsView
from dealtrail.infrastructure.views.base import View
from dealtrail.infrastructure.views.ip_assets import IpAssetsView
from dealtrail.infrastructure.views.ip_transfers import IpTransfersView
from dealtrail.infrastructure.views.listings import ListingsView
from dealtrail.infrastructure.views.parties import PartiesView
from dealtrail.infrastructure.views.trading_events import TradingEventsView

LISTS = [
    (PartiesView, ports.PARTY_SORT_KEYS),
    (AgreementsView, ports.AGREEMENT_SORT_KEYS),
    (IpAssetsView, ports.IP_ASSET_SORT_KEYS),
    (IpTransfersView, ports.IP_TRANSFER_SORT_KEYS),
    (ListingsView, ports.LISTING_SORT_KEYS),
    (AchievementsView, ports.ACHIEVEMENT_SORT_KEYS),
    (TradingEventsView, ports.TRADING_EVENT_SORT_KEYS),
]


@pytest.mark.parametrize(("view", "declared"), LISTS, ids=[view.__name__ for view, _ in LISTS])
def test_a_view_sorts_by_the_keys_its_port_declares(view: type[View], declared: SortKeys) -> None:
    assert view.sorting.keys == declared  # type: ignore[attr-defined]
