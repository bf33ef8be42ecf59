"""The audit leaves now stand beside the events (`events_0002` copied them there): `audit_leaves`
goes. The head signer's position ("audit" in projection_positions) becomes the last event under
the latest signed head, read from the old leaves before they go.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "records_0002"
down_revision = "records_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if not sa.inspect(bind).has_table("audit_leaves"):
        return
    under_the_head = bind.execute(
        sa.text(
            "SELECT position FROM audit_leaves WHERE leaf_index = "
            "(SELECT MAX(tree_size) - 1 FROM audit_tree_heads)"
        )
    ).scalar()
    bind.execute(
        sa.text("UPDATE projection_positions SET position = :position WHERE name = 'audit'"),
        {"position": under_the_head or 0},
    )
    op.drop_table("audit_leaves")
