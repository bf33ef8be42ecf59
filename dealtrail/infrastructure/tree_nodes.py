"""The audit tree's complete subtrees above the leaves, stored beside them, so that a root or a
proof reads O(log n) rows instead of rebuilding the tree.

A row (level >= 1, node_index, node_hash) is MTH of leaves [index << level, (index + 1) << level)
(level 0 is the leaves table). Rows are derived from the leaves only: the head signer extends them
before it signs, a proof for a larger tree first (`StoredTree.extend`), the `events_0003`
migration for the leaves stored before it. Each extension commits page by page, in leaf order, so
the rows always hold every subtree complete in the tree of `2 x (level-1 rows)` leaves; two
processes extending at once write the same rows, and the second write of a row is ignored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, TypeVar

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Engine,
    MetaData,
    SmallInteger,
    String,
    Table,
    and_,
    bindparam,
    func,
    or_,
    select,
    text,
)
from sqlalchemy.dialects import postgresql, sqlite

from dealtrail.domain.audit.merkle import MerkleProofs
from dealtrail.domain.audit.subtrees import (
    Key,
    MissingSubtree,
    answered,
    frontier,
    grow,
    wanted,
)
from dealtrail.infrastructure.leaves import leaves_table

SQLITE_TABLE = "dealtrail_tree_nodes"  # in events.sqlite3, beside the leaves
POSTGRES_TABLE = "dealtrail_events_tree_nodes"  # beside dealtrail_events_leaves
PAGE = 1000
CHUNK = 4096  # stored subtrees of one level compared at once by `verify`
T = TypeVar("T")
# A level's rows CHUNK at a time, their hashes concatenated in index order, for `verify`:
# one row per chunk rather than one per subtree. SQLite 3.40's group_concat takes no ORDER BY:
# it concatenates in the order the ordered subquery gives (and should it not, the hashes
# differ and `verify` compares row by row instead).
_CHUNKS = {
    "postgresql": (
        "SELECT level, count(*), min(node_index), max(node_index), "
        "string_agg(node_hash, '' ORDER BY node_index) FROM {table} "
        "GROUP BY level, node_index / {chunk} ORDER BY level, min(node_index)"
    ),
    "sqlite": (
        "SELECT level, count(*), min(node_index), max(node_index), group_concat(node_hash, '') "
        "FROM (SELECT level, node_index, node_hash FROM {table} ORDER BY level, node_index) "
        "GROUP BY level, node_index / {chunk} ORDER BY level, min(node_index)"
    ),
}


def nodes_table(dialect: str) -> Table:
    return Table(
        SQLITE_TABLE if dialect == "sqlite" else POSTGRES_TABLE,
        MetaData(),
        Column("level", SmallInteger, primary_key=True, autoincrement=False),
        Column("node_index", BigInteger, primary_key=True, autoincrement=False),
        Column("node_hash", String(64), nullable=False),
    )


class StoredTree:
    def __init__(self, engine: Engine) -> None:
        """`engine`: the database of the events and their leaves."""
        self.engine = engine
        dialect = engine.dialect.name
        self.leaves = leaves_table(dialect)
        self.nodes = nodes_table(dialect)
        self.insert = (sqlite.insert if dialect == "sqlite" else postgresql.insert)(
            self.nodes
        ).on_conflict_do_nothing()
        self.reached = 0  # leaves known covered by the stored subtrees (see `covered`)
        level, index = self.nodes.c.level, self.nodes.c.node_index
        self.rows_after = (  # built once: `verify` reads every row
            select(level, index, self.nodes.c.node_hash)
            .where(
                or_(
                    level > bindparam("level"),
                    and_(level == bindparam("level"), index > bindparam("index")),
                )
            )
            .order_by(level, index)
            .limit(PAGE)
        )
        self.chunks_sql = text(_CHUNKS[dialect].format(table=self.nodes.name, chunk=CHUNK))

    def size(self) -> int:
        """Leaves in the tree (the last leaf's index + 1)."""
        with self.engine.connect() as conn:
            last = conn.execute(select(func.max(self.leaves.c.leaf_index))).scalar()
        return 0 if last is None else last + 1

    def extend(self, size: int) -> None:
        """Stores every complete subtree of the tree of `size` leaves (its leaves stored)."""
        if size <= self.reached + 1:
            return  # rows are never removed: what was stored once still is
        with self.engine.connect() as conn:
            start = self.reached = covered(conn, self.nodes)
            if size <= start + 1:
                return
            keys = frontier(start)
            known = fetch(conn, self.leaves, self.nodes, set(keys))
        if missing := [key for key in keys if key not in known]:
            raise MissingSubtree(*missing[0])
        edge = [(level, known[(level, index)]) for level, index in keys]
        for page in pages(grow(edge, start, self._leaf_hashes(start, size))):
            with self.engine.begin() as conn:
                conn.execute(self.insert, page)
            self.reached = 2 * (1 + max(row["node_index"] for row in page if row["level"] == 1))

    def computed(self, size: int, question: Callable[[MerkleProofs], T]) -> T:
        """`question` (roots, proofs) of the tree of `size` leaves, from the stored subtrees,
        extending them first if they do not reach `size` yet. Arguments are refused
        (ValueError) before anything is read or written."""
        keys = wanted(size, question)
        self.extend(size)
        return answered(size, question, self._fetch(keys) if keys else {})

    def chunks(self, conn: Connection) -> list[tuple[int, int, int, int, str]]:
        """Every stored subtree, CHUNK rows of a level at a time: (level, rows, first index,
        last index, their hashes (hex) concatenated in index order), on `conn`, a connection to
        the events' database."""
        return [tuple(row) for row in conn.execute(self.chunks_sql)]  # type: ignore[misc]

    def rows(self, conn: Connection | None = None) -> Iterator[tuple[int, int, bytes]]:
        """Every stored subtree (level, index, hash), level by level, in index order (on `conn`,
        a connection to the events' database, if given)."""
        after = {"level": 0, "index": -1}
        while True:
            if conn is not None:
                page = conn.execute(self.rows_after, after).all()
            else:
                with self.engine.connect() as own:
                    page = own.execute(self.rows_after, after).all()
            for level, index, node_hash in page:
                yield level, index, bytes.fromhex(node_hash)
            if len(page) < PAGE:
                return
            after = {"level": page[-1][0], "index": page[-1][1]}

    def _fetch(self, keys: set[Key]) -> Mapping[Key, bytes]:
        with self.engine.connect() as conn:
            return fetch(conn, self.leaves, self.nodes, keys)

    def _leaf_hashes(self, start: int, end: int) -> Iterator[bytes]:
        after = start - 1
        while after < end - 1:
            with self.engine.connect() as conn:
                rows = conn.execute(
                    select(self.leaves.c.leaf_index, self.leaves.c.leaf_hash)
                    .where(self.leaves.c.leaf_index > after, self.leaves.c.leaf_index < end)
                    .order_by(self.leaves.c.leaf_index)
                    .limit(PAGE)
                ).all()
            for row in rows:
                after += 1
                if row.leaf_index != after:  # a leaf row went: no subtree over it is stored
                    raise MissingSubtree(0, after)
                yield bytes.fromhex(row.leaf_hash)
            if not rows:
                raise MissingSubtree(0, after + 1)


def covered(conn: Connection, nodes: Table) -> int:
    """Leaves whose complete subtrees are all stored (one more leaf may follow: it completes
    none)."""
    last = conn.execute(select(func.max(nodes.c.node_index)).where(nodes.c.level == 1)).scalar()
    return 0 if last is None else 2 * (last + 1)


def fetch(conn: Connection, leaves: Table, nodes: Table, keys: set[Key]) -> dict[Key, bytes]:
    """The stored subtrees of `keys` (leaves for level 0); a key not stored is left out."""
    found: dict[Key, bytes] = {}
    at_leaves = [index for level, index in keys if level == 0]
    above: dict[int, list[int]] = {}
    for level, index in keys:
        if level > 0:
            above.setdefault(level, []).append(index)
    if at_leaves:
        rows = conn.execute(
            select(leaves.c.leaf_index, leaves.c.leaf_hash).where(
                leaves.c.leaf_index.in_(at_leaves)
            )
        )
        found.update({(0, row.leaf_index): bytes.fromhex(row.leaf_hash) for row in rows})
    if above:
        # One (level, index IN ...) term per level: SQLite scans the table for a row-value IN.
        rows = conn.execute(
            select(nodes).where(
                or_(
                    *(
                        and_(nodes.c.level == level, nodes.c.node_index.in_(indexes))
                        for level, indexes in above.items()
                    )
                )
            )
        )
        found.update({(row.level, row.node_index): bytes.fromhex(row.node_hash) for row in rows})
    return found


def pages(nodes: Iterable[tuple[int, int, bytes]]) -> Iterator[list[dict[str, Any]]]:
    """Rows of about PAGE nodes, never splitting the nodes one leaf completes (the first is of
    level 1), so that each page committed leaves the rows complete for some size."""
    page: list[dict[str, Any]] = []
    for level, index, hashed in nodes:
        if level == 1 and len(page) >= PAGE:
            yield page
            page = []
        page.append({"level": level, "node_index": index, "node_hash": hashed.hex()})
    if page:
        yield page
