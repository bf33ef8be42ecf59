"""The subject vault remembers whom it forgot: `forgotten_subjects` holds the pseudonym of every
subject whose keys `privacy forget` destroyed, so that no key is ever made for them again (a
view rebuilt from names an older build recorded in plain text would otherwise seal them anew).
Nothing to carry over: subjects forgotten before this revision left no trace of themselves.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "records_0003"
down_revision = "records_0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "forgotten_subjects",
        sa.Column("subject", sa.String(64), primary_key=True),
        sa.Column("forgotten_at", sa.DateTime(timezone=True), nullable=False),
        if_not_exists=True,
    )
