"""The audit tree's complete subtrees, stored beside its leaves (dealtrail/infrastructure/
tree_nodes.py), so that roots and proofs read O(log n) rows instead of rebuilding the tree.

They are derived from the leaves alone: a store with leaves gets every subtree they complete,
computed here from the stored leaf hashes, in one pass in leaf order; a new store starts empty.
"""

from __future__ import annotations

from collections.abc import Iterator

import sqlalchemy as sa
from alembic import op

from dealtrail.domain.audit.subtrees import grow
from dealtrail.infrastructure.leaves import leaves_table
from dealtrail.infrastructure.tree_nodes import PAGE, nodes_table, pages

revision = "events_0003"
down_revision = "events_0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    nodes = nodes_table(bind.dialect.name)
    nodes.create(bind, checkfirst=True)
    if bind.execute(sa.select(sa.func.count()).select_from(nodes)).scalar():
        return  # filled already (a start that ran this before recording the revision)
    leaves = leaves_table(bind.dialect.name)
    for page in pages(grow([], 0, _leaf_hashes(bind, leaves))):
        bind.execute(sa.insert(nodes), page)


def _leaf_hashes(bind: sa.Connection, leaves: sa.Table) -> Iterator[bytes]:
    expected = 0
    while True:
        rows = bind.execute(
            sa.select(leaves.c.leaf_index, leaves.c.leaf_hash)
            .where(leaves.c.leaf_index >= expected)
            .order_by(leaves.c.leaf_index)
            .limit(PAGE)
        ).all()
        for row in rows:
            if row.leaf_index != expected:
                return  # a leaf went: no subtree over it is stored (`audit verify` names it)
            yield bytes.fromhex(row.leaf_hash)
            expected += 1
        if len(rows) < PAGE:
            return
