"""Sorted lists page by keyset on both stores: whatever the values (ties, case, scripts, rows
without a value), the pages put together are the whole list in exactly the order Python sorts
it, each row once."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Engine,
    Integer,
    MetaData,
    Table,
    delete,
    insert,
    select,
)

from dealtrail.application.sorting import CREATED
from dealtrail.infrastructure.database import create_database_engine
from dealtrail.infrastructure.settings import Settings
from dealtrail.infrastructure.views.base import record_columns, sort_key, sortable_text
from dealtrail.infrastructure.views.sorting import Sorting

probes = Table(
    "sorting_probes",
    MetaData(),
    *record_columns(),
    Column("name_key", sortable_text(300), nullable=False),
    Column("code", sortable_text(12)),
    Column("day", Date),
    Column("rank", Integer),
    Column("changed", DateTime(timezone=True), nullable=False),
)
sorting = Sorting(probes, name="name_key", code="code", day="day", rank="rank", changed="changed")
KEYS = {"name": "name_key", "code": "code", "day": "day", "rank": "rank", CREATED: "seq"}
KEYS["changed"] = "changed"

# Few distinct values, so ties are common; letters whose order differs by locale and case.
names = st.sampled_from(
    ["apple", "Apple", "Äpfel", "banana", "b_x", "bx", "ß", "ss", "乙", "甲", ""]
)
codes = st.none() | st.sampled_from(["A1", "a1", "B_2", "B2", "Z"])
days = st.none() | st.dates(date(1900, 1, 1), date(2199, 12, 31)) | st.just(date(2026, 9, 1))
ranks = st.none() | st.integers(-3, 3)
NOON = datetime(2026, 11, 20, 12, tzinfo=UTC)
changes = st.sampled_from([NOON, NOON + timedelta(microseconds=1), NOON + timedelta(days=400)])
rows = st.lists(st.tuples(names, codes, days, ranks, changes), max_size=25)


@pytest.fixture
def engine(settings: Settings) -> Iterator[Engine]:
    engine = create_database_engine(settings)
    probes.create(engine)
    yield engine
    probes.drop(engine)
    engine.dispose()


def _expected(stored: list[dict[str, Any]], sort: str) -> list[str]:
    """Descending is ascending backwards, except that rows without a value come last."""
    column, backwards = KEYS[sort.removeprefix("-")], sort.startswith("-")
    valued = [r for r in stored if r[column] is not None]
    valued.sort(key=lambda r: (r[column], r["seq"]), reverse=backwards)
    valueless = sorted((r for r in stored if r[column] is None), key=lambda r: r["seq"])
    return [r["id"] for r in valued + (valueless[::-1] if backwards else valueless)]


def _listed(engine: Engine, sort: str, limit: int) -> list[str]:
    seen: list[str] = []
    after = None
    while True:
        order = sorting.order(sort, after)
        with engine.connect() as conn:
            page = conn.execute(sorting.select(select(probes), order, limit)).mappings().all()
        result = sorting.page(order, list(page), [dict(r) for r in page], limit)
        seen += [r["id"] for r in result["items"]]
        after = result["next_after"]
        if after is None:
            return seen
        assert len(seen) <= 25, "the cursor went round in circles"


@given(values=rows, limit=st.integers(1, 4))
@hypothesis_settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_every_sort_pages_through_every_row_once_in_order(
    engine: Engine, values: list[tuple[Any, ...]], limit: int
) -> None:
    stored = [
        {"id": f"row-{i}", "seq": 10 * i + 7, "version": 1, "name_key": sort_key(name)}
        | {"code": code, "day": day, "rank": rank, "changed": changed}
        for i, (name, code, day, rank, changed) in enumerate(values)
    ]
    with engine.begin() as conn:
        conn.execute(delete(probes))
        if stored:
            conn.execute(insert(probes), stored)

    for sort in sorting.choices:
        assert _listed(engine, sort, limit) == _expected(stored, sort), sort


def test_a_page_continues_after_its_last_row_when_rows_are_added_in_between(
    engine: Engine,
) -> None:
    def add(seq: int, name: str) -> None:
        row = {"id": name, "seq": seq, "version": 1, "name_key": sort_key(name), "changed": NOON}
        with engine.begin() as conn:
            conn.execute(insert(probes).values(**row))

    for seq, name in enumerate(["b", "d", "f", "h"], start=1):
        add(seq, name)
    order = sorting.order("name")
    with engine.connect() as conn:
        first = conn.execute(sorting.select(select(probes), order, 2)).mappings().all()
    cursor = sorting.page(order, list(first), [], 2)["next_after"]
    add(5, "a")  # before the page already read: not repeated, not shown
    add(6, "e")  # after it: shown in its place

    order = sorting.order("name", cursor)
    with engine.connect() as conn:
        rest = conn.execute(sorting.select(select(probes), order, 10)).mappings().all()
    assert [r["id"] for r in first] == ["b", "d"]
    assert [r["id"] for r in rest] == ["e", "f", "h"]


def test_a_cursor_time_in_another_zone_is_the_same_instant(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(
            insert(probes),
            [
                {"id": f"r{seq}", "seq": seq, "version": 1, "name_key": "x", "changed": moment}
                for seq, moment in enumerate([NOON, NOON, NOON + timedelta(hours=1)], start=1)
            ],
        )
    in_utc = sorting.page(sorting.order("changed"), [{"changed": NOON, "seq": 1}], [], 1)
    in_xian = ["sorting_probes", "changed", "2026-11-20T20:00:00+08:00", 1]
    raw = json.dumps(in_xian, separators=(",", ":")).encode()
    in_xian_cursor = base64.urlsafe_b64encode(raw).decode().rstrip("=")

    def after(cursor: str) -> list[str]:
        query = sorting.select(select(probes), sorting.order("changed", cursor), 10)
        with engine.connect() as conn:
            return [r["id"] for r in conn.execute(query).mappings()]

    assert after(in_utc["next_after"]) == after(in_xian_cursor) == ["r2", "r3"]
