"""Failed authentications are counted per client in `auth_failures`, shared by every worker;
and a token's `created_by` holds an actor of today's form (`<role>:token:<id>:<name>`, up to
219 characters), so it widens from 200 to 300. Nothing to carry over.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "records_0004"
down_revision = "records_0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "auth_failures",
        sa.Column("client", sa.String(100), primary_key=True),
        sa.Column("window_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("failures", sa.Integer, nullable=False),
        if_not_exists=True,
    )
    op.create_index(
        "ix_auth_failures_window_start", "auth_failures", ["window_start"], if_not_exists=True
    )
    with op.batch_alter_table("api_tokens") as batch:
        batch.alter_column(
            "created_by", existing_type=sa.String(200), type_=sa.String(300), nullable=False
        )
