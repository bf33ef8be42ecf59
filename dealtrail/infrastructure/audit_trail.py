"""The audit trail: the Merkle leaves the recorders write with the events, and the signed tree
heads over them.

The follower of the log named "audit" is the head signer: whenever the log has grown, it signs a
head at most `every` seconds after the last one (the `projections run audit` worker, or, in
inline mode, each web process), and only a head whose tree extends the last signed one. Its
position is the last event under a signed head; it lags once a head is due and not signed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import suppress
from datetime import UTC, datetime, timedelta

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from eventsourcing.persistence import IntegrityError, Tracking
from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    Engine,
    String,
    Table,
    insert,
    select,
)
from sqlalchemy.exc import IntegrityError as SqlIntegrityError

from dealtrail.application.followers import AUDIT
from dealtrail.application.ledger import Ledger
from dealtrail.domain.audit.canonical import LoggedEvent
from dealtrail.domain.audit.merkle import MerkleTree
from dealtrail.domain.audit.tree_head import SignedTreeHead, TreeForked, TreeHead
from dealtrail.domain.audit.verification import StoredLeaf, Verification, verify_log
from dealtrail.infrastructure.follower import TrackedFollower
from dealtrail.infrastructure.leaves import leaves_table
from dealtrail.infrastructure.records import metadata
from dealtrail.infrastructure.views.base import utc

logger = logging.getLogger("dealtrail.audit")

PAGE = 1000

audit_heads = Table(
    "audit_tree_heads",
    metadata,
    Column("tree_size", BigInteger, primary_key=True, autoincrement=False),
    Column("root_hash", String(64), nullable=False),
    Column("timestamp", DateTime(timezone=True), nullable=False),
    Column("signature", String(100), nullable=False),
)


def logged(notification: object) -> LoggedEvent:
    return LoggedEvent.of(notification)


class AuditTrail(TrackedFollower):
    name = AUDIT

    def __init__(
        self,
        engine: Engine,
        events_engine: Engine,
        ledger: Ledger,
        key: Ed25519PrivateKey,
        *,
        every: timedelta = timedelta(seconds=60),
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        """`engine` holds the heads and the signer's position; `events_engine` the events and
        their leaves (the same database on PostgreSQL)."""
        super().__init__(engine, ledger)
        self.events_engine = events_engine
        self.key = key
        self.every = every
        self.clock = clock
        self.table = leaves_table(events_engine.dialect.name)

    # ---- the follower: heads on a cadence ---------------------------------------------------

    def lag(self, head: int) -> int:
        """Events not yet under a signed head once the next head is due (none while the last
        head is younger than `every`: the signer is on schedule)."""
        latest = self.latest_head()
        if latest is not None and self.clock() - latest.head.timestamp < self.every:
            return 0
        return head - self.position()

    def catch_up(self) -> int:
        """Signs a head if the log grew and the last head is `every` old; the new position."""
        latest = self.latest_head()
        if latest is None or self.clock() - latest.head.timestamp >= self.every:
            self.sign_head()
        return self.position()

    # ---- reading -----------------------------------------------------------------------------

    def leaves(self) -> Iterator[StoredLeaf]:
        after = -1
        while True:
            with self.events_engine.connect() as conn:
                rows = conn.execute(
                    select(self.table)
                    .where(self.table.c.leaf_index > after)
                    .order_by(self.table.c.leaf_index)
                    .limit(PAGE)
                ).all()
            yield from map(_leaf, rows)
            if len(rows) < PAGE:
                return
            after = rows[-1].leaf_index

    def leaf_at(self, position: int) -> StoredLeaf | None:
        with self.events_engine.connect() as conn:
            row = conn.execute(select(self.table).where(self.table.c.position == position)).first()
        return _leaf(row) if row else None

    def tree(self) -> MerkleTree:
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

    def verify(self, progress: Callable[[int], None] | None = None) -> Verification:
        """Every event against the leaf written with it, and the tree against every signed
        head: what `dealtrail audit verify` reports."""
        return verify_log(
            self.events(), self.leaves(), self.heads(), self.key.public_key(), progress
        )

    # ---- signed heads ------------------------------------------------------------------------

    def heads(self) -> list[SignedTreeHead]:
        """Every signed head, oldest first."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(audit_heads).order_by(audit_heads.c.tree_size)).all()
        return [_head(row) for row in rows]

    def latest_head(self) -> SignedTreeHead | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                select(audit_heads).order_by(audit_heads.c.tree_size.desc()).limit(1)
            ).first()
        return _head(row) if row else None

    def sign_head(self) -> SignedTreeHead:
        """Signs the current tree if it grew since the last signed head (or is the empty tree,
        never signed yet); returns the latest signed head. Never signs a tree that does not
        extend the last signed one: that is logged and raised (TreeForked)."""
        tree = self.tree()
        latest = self.latest_head()
        if latest is not None:
            if latest.head.tree_size > tree.size or (
                tree.root(latest.head.tree_size) != latest.head.root_hash
            ):
                fork = TreeForked(latest.head.tree_size, tree.size)
                logger.error(str(fork), extra={"fields": {"head_size": latest.head.tree_size}})
                raise fork
            if latest.head.tree_size == tree.size:
                return latest
        signed = TreeHead(tree.size, tree.root(), self.clock()).sign(self.key)
        last = self._position_of(tree.size - 1) if tree.size else 0
        try:
            with self.engine.begin() as conn:
                conn.execute(insert(audit_heads).values(**self._row(signed)))
                with suppress(IntegrityError):  # a larger head was signed meanwhile, elsewhere
                    self.tracking.record(conn, Tracking(self.name, last))
        except SqlIntegrityError:
            pass  # another process signed this very size first
        return self.latest_head() or signed

    def _position_of(self, index: int) -> int:
        with self.events_engine.connect() as conn:
            return conn.execute(
                select(self.table.c.position).where(self.table.c.leaf_index == index)
            ).scalar_one()

    @staticmethod
    def _row(signed: SignedTreeHead) -> dict[str, object]:
        data = signed.as_json()
        return {**data, "timestamp": signed.head.timestamp}


def _leaf(row: object) -> StoredLeaf:
    return StoredLeaf(row.leaf_index, row.position, bytes.fromhex(row.leaf_hash))  # type: ignore[attr-defined]


def _head(row: object) -> SignedTreeHead:
    data = row._asdict()  # type: ignore[attr-defined]
    return SignedTreeHead.from_json({**data, "timestamp": utc(data["timestamp"]).isoformat()})
