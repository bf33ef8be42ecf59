"""The audit trail: the Merkle leaves the recorders write with the events, and the signed tree
heads over them.

The follower of the log named "audit" is the head signer: whenever the log has grown, it signs a
head at most `every` seconds after the last one (the `projections run audit` worker, or, in
inline mode, each web process), and only a head whose tree extends the last signed one. Its
position is the last event under a signed head; it lags once a head is due and not signed.

Roots and proofs read the stored complete subtrees (infrastructure/tree_nodes.py): O(log n) rows,
never the whole tree. Only `verify` rebuilds the tree, from the events themselves.
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
    Connection,
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
from dealtrail.domain.audit.subtrees import MissingSubtree
from dealtrail.domain.audit.tree_head import SignedTreeHead, TreeForked, TreeHead
from dealtrail.domain.audit.verification import (
    StoredLeaf,
    Verification,
    check_subtrees,
    matching_leaves,
    subtrees_match,
    verified_leaves,
    verify_log,
)
from dealtrail.infrastructure.follower import TrackedFollower
from dealtrail.infrastructure.leaves import leaves_table
from dealtrail.infrastructure.log_leaves import LogWithLeaves
from dealtrail.infrastructure.records import metadata
from dealtrail.infrastructure.tree_nodes import StoredTree
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
        self.stored = StoredTree(events_engine)
        self.log_leaves = LogWithLeaves(events_engine)

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

    def size(self) -> int:
        """Leaves in the tree now (signed or not)."""
        return self.stored.size()

    def inclusion_proof(self, leaf: StoredLeaf, size: int) -> tuple[bytes, list[bytes]]:
        """The root of the tree of `size` leaves and RFC 9162 PATH of `leaf` in it (ValueError
        if `size` is beyond the tree or the leaf beyond `size`)."""
        self._within(size)
        return self.stored.computed(
            size, lambda tree: (tree.root(size), tree.inclusion_proof(leaf.index, size))
        )

    def consistency_proof(self, first: int, second: int) -> tuple[bytes, bytes, list[bytes]]:
        """The roots of the trees of `first` and `second` leaves and RFC 9162 PROOF(first,
        second) (ValueError unless 0 < first <= second <= the tree's size)."""
        self._within(second)
        return self.stored.computed(
            second,
            lambda tree: (
                tree.root(first),
                tree.root(second),
                tree.consistency_proof(first, second),
            ),
        )

    def _within(self, size: int) -> None:
        if size > (leaves := self.size()):
            raise ValueError(f"the tree has {leaves} leaves, not {size}")

    def tree(self) -> MerkleTree:
        """The whole tree, rebuilt in memory from every leaf: for checks, never for proofs."""
        return MerkleTree([leaf.leaf_hash for leaf in self.leaves()])

    def events(self) -> Iterator[LoggedEvent]:
        """Every stored event, raw, in log order: what verification recomputes leaves from
        (from the very first row, whatever its position, so nothing slipped in before is missed)."""
        start: int | None = None
        while True:
            batch = self.ledger.recorder.select_notifications(
                start=start, limit=PAGE, inclusive_of_start=False
            )
            yield from map(LoggedEvent.of, batch)
            if len(batch) < PAGE:
                return
            start = batch[-1].id

    def verify(self, progress: Callable[[int], None] | None = None) -> Verification:
        """Every event against the leaf written with it, the tree against every signed head,
        and the stored subtrees (what proofs are read from) against the tree the events give:
        what `dealtrail audit verify` reports. A quick pass reads each event with the leaf at
        its position; unless every event and leaf match, the events and the leaves are read
        again, each in their own order, to name the first that diverges."""
        reported = 0

        def counted(events: int) -> None:
            nonlocal reported
            reported += events
            if progress:
                progress(events)

        with self.events_engine.connect() as conn:  # one for every read of the quick pass
            reading = self.log_leaves.reading(conn)
            hashes = matching_leaves(reading.pages(), counted) if self._quick() else None
            heads = self.heads(conn if self.engine is self.events_engine else None)
            if hashes is not None and len(hashes) == reading.leaves:
                report = verified_leaves(hashes, heads, self.key.public_key())
            else:
                report = verify_log(
                    self.events(),
                    self.leaves(),
                    heads,
                    self.key.public_key(),
                    None if reported else progress,  # a bar already moved stays where it is
                )
            assert report.tree is not None
            if subtrees_match(report.tree, self.stored.chunks(conn)):
                report.subtrees_match = True
            else:  # one by one, to name the first that differs
                check_subtrees(report, report.tree, self.stored.rows(conn))
        return report

    def _quick(self) -> bool:
        """Ids stored as UUIDs (the library's default), as the quick pass reads them."""
        datastore = getattr(self.ledger.recorder, "datastore", None)
        return getattr(datastore, "originator_id_type", None) == "uuid"

    # ---- signed heads ------------------------------------------------------------------------

    def heads(self, conn: Connection | None = None) -> list[SignedTreeHead]:
        """Every signed head, oldest first (on `conn`, a connection to `engine`, if given)."""
        query = select(audit_heads).order_by(audit_heads.c.tree_size)
        if conn is not None:
            rows = conn.execute(query).all()
        else:
            with self.engine.connect() as own:
                rows = own.execute(query).all()
        return [_head(row) for row in rows]

    def heads_page(self, after: int, limit: int) -> tuple[list[SignedTreeHead], int | None]:
        """Up to `limit` signed heads of more than `after` leaves, oldest first, and the size to
        continue after (None on the last page)."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(audit_heads)
                .where(audit_heads.c.tree_size > after)
                .order_by(audit_heads.c.tree_size)
                .limit(limit + 1)
            ).all()
        page = [_head(row) for row in rows[:limit]]
        return page, (page[-1].head.tree_size if len(rows) > limit else None)

    def latest_head(self) -> SignedTreeHead | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                select(audit_heads).order_by(audit_heads.c.tree_size.desc()).limit(1)
            ).first()
        return _head(row) if row else None

    def sign_head(self) -> SignedTreeHead:
        """Signs the current tree if it grew since the last signed head (or is the empty tree,
        never signed yet); returns the latest signed head. Never signs a tree that does not
        extend the last signed one: that is logged and raised (TreeForked). Both roots are read
        from the stored subtrees (extended to the current size first): a leaf changed under
        subtrees already stored is named by `verify`, which rebuilds the tree from the events."""
        size = self.stored.size()
        latest = self.latest_head()
        signed_size = 0 if latest is None else latest.head.tree_size
        if signed_size > size:
            raise self._forked(signed_size, size)
        try:
            then, root = self.stored.computed(
                size, lambda tree: (tree.root(signed_size), tree.root())
            )
        except MissingSubtree:
            raise self._forked(signed_size, size) from None
        if latest is not None:
            if then != latest.head.root_hash:
                raise self._forked(signed_size, size)
            if signed_size == size:
                return latest
        signed = TreeHead(size, root, self.clock()).sign(self.key)
        last = self._position_of(size - 1) if size else 0
        try:
            with self.engine.begin() as conn:
                conn.execute(insert(audit_heads).values(**self._row(signed)))
                with suppress(IntegrityError):  # a larger head was signed meanwhile, elsewhere
                    self.tracking.record(conn, Tracking(self.name, last))
        except SqlIntegrityError:
            pass  # another process signed this very size first
        return self.latest_head() or signed

    @staticmethod
    def _forked(head_size: int, tree_size: int) -> TreeForked:
        fork = TreeForked(head_size, tree_size)
        logger.error(str(fork), extra={"fields": {"head_size": head_size}})
        return fork

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
