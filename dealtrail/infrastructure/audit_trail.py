"""The audit trail: one Merkle leaf per stored event, in log order, and the signed tree heads.

Leaves are appended by a follower of the log (exactly once: leaves and position commit
together), so building the tree never slows a command down.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import UTC, datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from eventsourcing.persistence import Notification
from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    DateTime,
    Engine,
    String,
    Table,
    func,
    insert,
    select,
)

from dealtrail.application.followers import AUDIT
from dealtrail.application.ledger import Ledger
from dealtrail.domain.audit.canonical import LoggedEvent
from dealtrail.domain.audit.merkle import MerkleTree
from dealtrail.domain.audit.tree_head import SignedTreeHead, TreeHead
from dealtrail.domain.audit.verification import StoredLeaf
from dealtrail.infrastructure.follower import LogFollower
from dealtrail.infrastructure.records import metadata
from dealtrail.infrastructure.views.base import utc

PAGE = 1000

audit_leaves = Table(
    "audit_leaves",
    metadata,
    Column("leaf_index", BigInteger, primary_key=True, autoincrement=False),
    Column("position", BigInteger, nullable=False, unique=True),
    Column("leaf_hash", String(64), nullable=False),
)

audit_heads = Table(
    "audit_tree_heads",
    metadata,
    Column("tree_size", BigInteger, primary_key=True, autoincrement=False),
    Column("root_hash", String(64), nullable=False),
    Column("timestamp", DateTime(timezone=True), nullable=False),
    Column("signature", String(100), nullable=False),
)


def logged(notification: Notification) -> LoggedEvent:
    return LoggedEvent.of(notification)


class AuditTrail(LogFollower):
    name = AUDIT

    def __init__(self, engine: Engine, ledger: Ledger, key: Ed25519PrivateKey) -> None:
        super().__init__(engine, ledger)
        self.key = key

    def apply(self, conn: Connection, notifications: Sequence[Notification]) -> None:
        start = conn.execute(select(func.count()).select_from(audit_leaves)).scalar_one()
        conn.execute(
            insert(audit_leaves),
            [
                {
                    "leaf_index": start + i,
                    "position": n.id,
                    "leaf_hash": logged(n).leaf_hash().hex(),
                }
                for i, n in enumerate(notifications)
            ],
        )

    # ---- reading -----------------------------------------------------------------------------

    def leaves(self) -> Iterator[StoredLeaf]:
        after = -1
        while True:
            with self.engine.connect() as conn:
                rows = conn.execute(
                    select(audit_leaves)
                    .where(audit_leaves.c.leaf_index > after)
                    .order_by(audit_leaves.c.leaf_index)
                    .limit(PAGE)
                ).all()
            for row in rows:
                yield StoredLeaf(row.leaf_index, row.position, bytes.fromhex(row.leaf_hash))
            if len(rows) < PAGE:
                return
            after = rows[-1].leaf_index

    def leaf_at(self, position: int) -> StoredLeaf | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                select(audit_leaves).where(audit_leaves.c.position == position)
            ).first()
        return (
            StoredLeaf(row.leaf_index, row.position, bytes.fromhex(row.leaf_hash)) if row else None
        )

    def tree(self) -> MerkleTree:
        self.catch_up()
        return MerkleTree([leaf.leaf_hash for leaf in self.leaves()])

    def events(self) -> Iterator[LoggedEvent]:
        """Every stored event, raw, in log order: what verification recomputes leaves from
        (from the very first row, whatever its position, so nothing slipped in before is missed)."""
        start: int | None = None
        while True:
            batch = self.ledger.recorder.select_notifications(
                start=start, limit=PAGE, inclusive_of_start=False
            )
            yield from (logged(n) for n in batch)
            if len(batch) < PAGE:
                return
            start = batch[-1].id

    # ---- signed heads ------------------------------------------------------------------------

    def latest_head(self) -> SignedTreeHead | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                select(audit_heads).order_by(audit_heads.c.tree_size.desc()).limit(1)
            ).first()
        if row is None:
            return None
        return SignedTreeHead.from_json(
            {**row._asdict(), "timestamp": utc(row.timestamp).isoformat()}
        )

    def sign_head(self) -> SignedTreeHead:
        """Signs the current tree (if it grew since the last signed head) and returns the
        latest signed head."""
        tree = self.tree()
        latest = self.latest_head()
        if latest is not None and latest.head.tree_size >= tree.size:
            return latest
        signed = TreeHead(tree.size, tree.root(), datetime.now(UTC)).sign(self.key)
        with self.engine.begin() as conn:
            if (
                conn.execute(
                    select(audit_heads).where(audit_heads.c.tree_size == tree.size)
                ).first()
                is None
            ):
                conn.execute(insert(audit_heads).values(**self._row(signed)))
        return self.latest_head() or signed

    @staticmethod
    def _row(signed: SignedTreeHead) -> dict[str, object]:
        data = signed.as_json()
        return {**data, "timestamp": signed.head.timestamp}
