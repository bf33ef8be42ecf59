"""Every list sorts by each of its keys, either way, on the demo conference on both stores: its
pages put together are the whole list, each item once, in the order the items' own values give
(names case-insensitively, a natural person's by its initial only, its name being sealed; ties in
creation order, reversed when descending; no value last)."""

from __future__ import annotations

from typing import Any

import pytest

from dealtrail.application.ports.views import (
    AchievementQuery,
    AgreementQuery,
    IpAssetQuery,
    IpTransferQuery,
    ListingQuery,
    ListQuery,
    PartyQuery,
    TradingEventQuery,
)
from dealtrail.application.sorting import CREATED
from dealtrail.infrastructure.views.achievements import AchievementsView
from dealtrail.infrastructure.views.agreements import AgreementsView
from dealtrail.infrastructure.views.base import sort_key
from dealtrail.infrastructure.views.ip_assets import IpAssetsView
from dealtrail.infrastructure.views.ip_transfers import IpTransfersView
from dealtrail.infrastructure.views.listings import ListingsView
from dealtrail.infrastructure.views.parties import PartiesView
from dealtrail.infrastructure.views.trading_events import TradingEventsView
from tests.integration.loaded_demo import Loaded

ALL = 1000  # a page larger than any list of the demo
LISTS = {  # each view, and the query it is searched with
    PartiesView: PartyQuery,
    AgreementsView: AgreementQuery,
    IpAssetsView: IpAssetQuery,
    IpTransfersView: IpTransferQuery,
    ListingsView: ListingQuery,
    AchievementsView: AchievementQuery,
    TradingEventsView: TradingEventQuery,
}


def _value(item: dict[str, Any], key: str) -> Any:
    """The item's value for sort `key`, as the list compares it."""
    if key == "name" and item.get("kind") == "individual":
        return sort_key(item[key])[:1]
    if key in ("name", "title"):
        return sort_key(item[key])
    return item[key] if key in item else item["counts"][key]


def _expected(created: list[dict[str, Any]], sort: str) -> list[str]:
    key, backwards = sort.removeprefix("-"), sort.startswith("-")
    if key == CREATED:
        return [i["id"] for i in (created[::-1] if backwards else created)]
    valued = [(i, n) for n, i in enumerate(created) if _value(i, key) is not None]
    valued.sort(key=lambda pair: (_value(pair[0], key), pair[1]), reverse=backwards)
    valueless = [i for i in created if _value(i, key) is None]
    return [i["id"] for i, _ in valued] + [i["id"] for i in valueless[:: -1 if backwards else 1]]


def _paged(view: Any, query: type[ListQuery], sort: str, limit: int) -> list[str]:
    seen: list[str] = []
    page = view.search(query(limit=limit, sort=sort))
    while True:
        seen += [i["id"] for i in page["items"]]
        if page["next_after"] is None:
            return seen
        page = view.search(query(limit=limit, sort=sort, after=page["next_after"]))


@pytest.mark.parametrize("kind", LISTS, ids=lambda v: v.__name__)
def test_every_list_sorts_by_each_of_its_keys_either_way(loaded: Loaded, kind: Any) -> None:
    view = loaded.services.read_models.view(kind)
    created = view.search(LISTS[kind](limit=ALL))["items"]
    limit = max(2, len(created) // 4)  # a handful of pages, the last one possibly empty

    assert created, "the demo fills every list"
    for sort in kind.sorting.choices:
        assert _paged(view, LISTS[kind], sort, limit) == _expected(created, sort), sort
