"""`verify` reads each event with the leaf at its position in one quick pass: it never vouches
for a log the full check (each event against the next leaf of the tree) would not."""

from __future__ import annotations

import dataclasses

from dealtrail.bootstrap import Services
from dealtrail.domain.audit.verification import Verification, verify_log
from dealtrail.infrastructure.settings import Settings
from tests.store_edits import store_sql


def _full_check(services: Services) -> Verification:
    trail = services.audit
    return verify_log(trail.events(), trail.leaves(), trail.heads(), trail.key.public_key())


def _without_tree(report: Verification) -> dict[str, object]:
    return {k: v for k, v in dataclasses.asdict(report).items() if k != "tree"}


def test_an_intact_log_is_reported_as_the_full_check_reports_it(signed: Services) -> None:
    report = signed.audit.verify()
    assert report.ok and report.leaves_checked
    full = _full_check(signed)
    assert _without_tree(report) == {**_without_tree(full), "subtrees_match": True}
    assert report.tree is not None and full.tree is not None
    assert report.tree.root() == full.tree.root()


def test_the_last_event_gone_with_its_leaf_kept_is_named(
    signed: Services, settings: Settings
) -> None:
    last = signed.ledger.recorder.max_notification_id()
    store_sql(settings, "DELETE FROM {t} WHERE {p} = %s", (last,))
    report = signed.audit.verify()
    assert report.first_divergence == (
        last - 1,
        last,
        "a leaf's event is missing from the log",
    )


def test_two_leaves_swapped_in_the_tree_are_named_by_the_first(
    signed: Services, settings: Settings
) -> None:
    """Each event still has its own leaf at its position, in the wrong place in the tree."""
    store_sql(settings, "UPDATE {l} SET leaf_index = -1 WHERE leaf_index = 4", ())
    store_sql(settings, "UPDATE {l} SET leaf_index = 4 WHERE leaf_index = 9", ())
    store_sql(settings, "UPDATE {l} SET leaf_index = 9 WHERE leaf_index = -1", ())
    report = signed.audit.verify()
    assert report.first_divergence is not None and report.first_divergence[:2] == (4, 5)
    assert not report.ok
