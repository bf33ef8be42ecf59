"""Roots and proofs come from the stored subtrees, extended as the log grows, and are exactly
those of the whole tree rebuilt from every leaf; a stored subtree or leaf that changed or went
is never signed over."""

from __future__ import annotations

import sqlite3

import psycopg
import pytest
from sqlalchemy import select

from dealtrail.application.commands.parties import RegisterParty
from dealtrail.bootstrap import Services
from dealtrail.domain.audit.subtrees import MissingSubtree, grow
from dealtrail.domain.audit.tree_head import TreeForked
from dealtrail.infrastructure.settings import Settings
from dealtrail.infrastructure.tree_nodes import PAGE, pages

N = 70
SIGNED_AT = (1, 2, 3, 5, 8, 13, 21, 34, 55)
PROVED_AT = (4, 30, 61)  # proofs asked for trees larger than the last signed head
# Every size up to 17, then each side of the powers of two and N: every shape of right edge the
# in-memory sources of tests/unit/audit/test_subtrees.py check at every size up to 70.
CHECKED_SIZES = (*range(1, 18), 31, 32, 33, 63, 64, 65, N)


def _register(services: Services, name: str) -> None:
    services.ledger.handle(RegisterParty(name=name, kind="university", country="CN"))


def _grow_log(services: Services) -> None:
    """N events, heads signed and proofs asked along the way: the stored subtrees are extended
    from many sizes, odd and even."""
    trail = services.audit
    for n in range(1, N + 1):
        _register(services, f"University {n}")
        if n in SIGNED_AT:
            trail.sign_head()
        if n in PROVED_AT:
            trail.inclusion_proof(next(trail.leaves()), n)


@pytest.mark.slow(30)
def test_every_proof_of_trees_up_to_seventy_leaves_is_the_whole_tree_s(
    services: Services, staff: None
) -> None:
    _grow_log(services)
    trail = services.audit
    leaves = list(trail.leaves())
    tree = trail.tree()  # rebuilt from every leaf

    assert trail.size() == N
    for size in CHECKED_SIZES:
        for leaf in leaves[:size]:
            root, path = trail.inclusion_proof(leaf, size)
            assert (root, path) == (tree.root(size), tree.inclusion_proof(leaf.index, size))
        for first in range(1, size + 1):
            assert trail.consistency_proof(first, size) == (
                tree.root(first),
                tree.root(size),
                tree.consistency_proof(first, size),
            )
    head = trail.sign_head()
    assert (head.head.tree_size, head.head.root_hash) == (N, tree.root())


def test_the_stored_subtrees_are_the_whole_tree_s(services: Services, staff: None) -> None:
    _grow_log(services)
    services.audit.sign_head()
    stored = services.audit.stored
    with stored.engine.connect() as conn:
        rows = conn.execute(select(stored.nodes)).all()

    tree = services.audit.tree()
    assert {(r.level, r.node_index): r.node_hash for r in rows} == {
        (level, index): hashed.hex()
        for level, row in enumerate(tree.levels[1:], start=1)
        for index, hashed in enumerate(row)
    }


def test_a_proof_beyond_the_tree_is_refused(services: Services, staff: None) -> None:
    _grow_log(services)
    trail = services.audit
    leaf = next(trail.leaves())
    with pytest.raises(ValueError):
        trail.inclusion_proof(leaf, N + 1)
    with pytest.raises(ValueError):
        trail.consistency_proof(3, N + 1)


def _sql(settings: Settings, statement: str, params: tuple[object, ...]) -> None:
    """One statement straight against the store ({n}: the subtrees, {l}: the leaves)."""
    if settings.database_url is None:
        names = {"n": "dealtrail_tree_nodes", "l": "dealtrail_leaves"}
        with sqlite3.connect(settings.data_dir / "events.sqlite3") as conn:
            conn.execute(statement.replace("%s", "?").format(**names), params)
        return
    names = {"n": "dealtrail_events_tree_nodes", "l": "dealtrail_events_leaves"}
    with psycopg.connect(settings.database_url, autocommit=True) as conn:
        conn.execute(f"SET search_path TO {settings.database_schema}")
        conn.execute(statement.format(**names), params)


def test_a_changed_subtree_under_the_signed_head_is_never_signed_over(
    services: Services, settings: Settings, staff: None
) -> None:
    for n in range(4):
        _register(services, f"University {n}")
    signed = services.audit.sign_head()
    _sql(settings, "UPDATE {n} SET node_hash = %s WHERE level = 2 AND node_index = 0", ("0" * 64,))
    _register(services, "Xidian University")

    with pytest.raises(TreeForked):
        services.audit.sign_head()
    assert services.audit.heads() == [signed]


def test_a_leaf_gone_from_under_the_tree_is_never_signed_over(
    services: Services, settings: Settings, staff: None
) -> None:
    for n in range(3):
        _register(services, f"University {n}")
    signed = services.audit.sign_head()
    _register(services, "Xidian University")
    _sql(settings, "DELETE FROM {l} WHERE leaf_index = %s", (2,))

    with pytest.raises(TreeForked):
        services.audit.sign_head()
    with pytest.raises(MissingSubtree):
        services.audit.consistency_proof(1, 4)
    assert services.audit.heads() == [signed]


def test_a_page_of_subtrees_never_splits_those_one_leaf_completes() -> None:
    nodes = list(grow([], 0, [bytes(32)] * (4 * PAGE + 100)))
    written = list(pages(nodes))

    assert len(written) > 4 and sum(map(len, written)) == len(nodes)
    for page in written[1:]:
        assert page[0]["level"] == 1
