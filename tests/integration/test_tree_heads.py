"""The audit tree has no window: every event's leaf is written with it, whoever writes the row
afterwards is named by `audit verify`, heads are signed on their cadence by themselves, and a
tree that no longer extends its last signed head is never signed."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator

import pytest
from freezegun import freeze_time

from dealtrail.application.commands.parties import RegisterParty
from dealtrail.bootstrap import Services, bootstrap
from dealtrail.domain.audit.canonical import LoggedEvent
from dealtrail.domain.audit.tree_head import TreeForked
from dealtrail.infrastructure.settings import Settings
from dealtrail.web.heads import sign_heads_in_background
from tests.store_edits import store_sql


def _register(services: Services, name: str) -> int:
    result = services.ledger.handle(RegisterParty(name=name, kind="university", country="CN"))
    return result.position


def test_every_event_has_its_leaf_when_its_command_returns(services: Services, staff: None) -> None:
    positions = [_register(services, f"University {n}") for n in range(3)]

    leaves = list(services.audit.leaves())
    assert [leaf.position for leaf in leaves] == positions
    assert [leaf.index for leaf in leaves] == [0, 1, 2]
    assert services.audit.heads() == []  # no head was asked for, none signed yet


def test_an_event_edited_before_any_head_is_named(
    services: Services, settings: Settings, staff: None
) -> None:
    _register(services, "Xidian University")
    edited = _register(services, "Chang'an University")
    store_sql(settings, "UPDATE {t} SET topic = topic || ' ' WHERE {p} = %s", (edited,))

    report = services.audit.verify()

    assert not report.ok
    assert report.first_divergence == (1, edited, "the event's bytes differ from its leaf")


def test_an_event_added_straight_to_the_table_is_named(
    services: Services, settings: Settings, staff: None
) -> None:
    first = _register(services, "Northwest University")
    copied = next(services.audit.events())
    store_sql(
        settings,
        "INSERT INTO {t} (originator_id, originator_version, topic, state) VALUES (%s, 2, %s, %s)",
        (
            copied.originator_id.hex if settings.database_url is None else copied.originator_id,
            copied.topic,
            copied.state,
        ),
    )

    report = services.audit.verify()

    assert not report.ok
    assert report.first_divergence is not None
    index, position, why = report.first_divergence
    assert (index, why) == (1, "no leaf was written with this event") and position > first


def test_a_removed_leaf_is_named(services: Services, settings: Settings, staff: None) -> None:
    _register(services, "Shaanxi Normal University")
    second = _register(services, "Northwest A&F University")
    store_sql(settings, "DELETE FROM {l} WHERE position = %s", (second,))

    assert services.audit.verify().first_divergence == (
        1,
        second,
        "no leaf was written with this event",
    )


def test_a_fresh_store_verifies_with_nothing_in_it(services: Services) -> None:
    report = services.audit.verify()
    assert report.ok and report.events == 0 and report.leaves_checked


def test_every_signed_head_is_checked_not_only_the_latest(
    services: Services, settings: Settings, staff: None
) -> None:
    """An edit that rewrote an event and its leaf alike is caught by every head over it."""
    edited = _register(services, "Xi'an Jiaotong University")
    services.audit.sign_head()
    _register(services, "Northwestern Polytechnical University")
    services.audit.sign_head()
    event = next(services.audit.events())
    forged = dataclasses.replace(event, topic=event.topic + " ")
    store_sql(settings, "UPDATE {t} SET topic = %s WHERE {p} = %s", (forged.topic, edited))
    store_sql(
        settings,
        "UPDATE {l} SET leaf_hash = %s WHERE position = %s",
        (forged.leaf_hash().hex(), edited),
    )

    report = services.audit.verify()

    assert report.first_divergence is None  # each event matches its (rewritten) leaf...
    assert report.heads_checked == 2 and report.root_matches is False  # ...but no head does
    assert [p.split(" (")[0] for p in report.problems] == [
        "the head of size 1",
        "the head of size 2",
        "the stored subtree at level 1, index 0",  # what proofs would be read from
    ]


def test_a_tree_that_does_not_extend_the_last_head_is_never_signed(
    services: Services, settings: Settings, staff: None
) -> None:
    first = _register(services, "Yan'an University")
    signed = services.audit.sign_head()
    store_sql(settings, "UPDATE {l} SET leaf_hash = %s WHERE position = %s", ("00" * 32, first))
    _register(services, "Xi'an University of Technology")

    with pytest.raises(TreeForked):
        services.audit.sign_head()

    assert services.audit.heads() == [signed]


def test_heads_are_signed_on_their_cadence(services: Services, staff: None) -> None:
    trail = services.audit
    with freeze_time("2026-12-07T09:00:00Z") as clock:
        _register(services, "Shaanxi University of Science and Technology")
        trail.catch_up()  # no head yet: signed at once
        _register(services, "Xi'an University of Architecture and Technology")
        clock.tick(59)
        trail.catch_up()
        assert [h.head.tree_size for h in trail.heads()] == [1]
        assert trail.lag(services.followers.head()) == 0  # on schedule: no head due yet
        clock.tick(1)
        assert trail.lag(services.followers.head()) == 1  # due, and not signed yet
        trail.catch_up()
        assert [h.head.tree_size for h in trail.heads()] == [1, 2]
        assert trail.lag(services.followers.head()) == 0
        clock.tick(600)
        trail.catch_up()  # the log did not grow: nothing to sign
        assert [h.head.tree_size for h in trail.heads()] == [1, 2]


@pytest.fixture
def quick_heads(settings: Settings) -> Iterator[Services]:
    built = bootstrap(dataclasses.replace(settings, tree_head_seconds=0.2))
    yield built
    built.close()


def test_heads_appear_by_themselves_in_inline_mode(quick_heads: Services, staff: None) -> None:
    position = _register(quick_heads, "Xi'an Technological University")
    stop = sign_heads_in_background(quick_heads)
    assert stop is not None
    try:
        signed = threading.Event()
        for _ in range(200):  # the thread signs within a tick or two; give it up to 10 s
            latest = quick_heads.audit.latest_head()
            if latest is not None and latest.head.tree_size == 1:
                signed.set()
                break
            threading.Event().wait(0.05)
        assert signed.is_set()
        assert quick_heads.audit.position() == position
    finally:
        stop.set()


def test_no_thread_signs_heads_when_workers_do(settings: Settings) -> None:
    built = bootstrap(dataclasses.replace(settings, inline_followers=False))
    try:
        assert sign_heads_in_background(built) is None
    finally:
        built.close()


def test_the_leaf_is_what_anyone_recomputes_from_the_stored_row(
    services: Services, staff: None
) -> None:
    _register(services, "Xi'an International Studies University")
    [event] = services.audit.events()
    [leaf] = services.audit.leaves()
    assert leaf.leaf_hash == LoggedEvent.from_json(event.as_json()).leaf_hash()


def test_a_stored_subtree_that_is_not_the_log_s_is_named(
    services: Services, settings: Settings, staff: None
) -> None:
    """Proofs are read from the stored subtrees: verify checks them against the events too."""
    for n in range(4):
        _register(services, f"University {n}")
    services.audit.sign_head()  # stores the complete subtrees of the 4 leaves
    assert services.audit.verify().ok
    nodes = (
        "dealtrail_tree_nodes" if settings.database_url is None else "dealtrail_events_tree_nodes"
    )
    store_sql(
        settings,
        f"UPDATE {nodes} SET node_hash = %s WHERE level = 1 AND node_index = 1",
        ("0" * 64,),
    )

    report = services.audit.verify()

    assert not report.ok and report.subtrees_match is False
    assert report.problems == [
        "the stored subtree at level 1, index 1 (leaves 2 to 3) is not the log's"
    ]
