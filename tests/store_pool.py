"""Emptied PostgreSQL stores, kept for the next test of the same test process.

A test on PostgreSQL used to create a schema, have dealtrail create its thirty-odd tables in it,
and drop it all again: most of the test's time on a busy server. The pool hands a test a schema
that an earlier test used, emptied instead: every row deleted, every sequence restarted, and the
store format record's table dropped (so the store is as new: no events, no format recorded, no
vault secrets, no view positions; only eventsourcing's own record of its tracking table's layout
and Alembic's of the revision the tables are at stay, as a new store has them). A schema is kept
only when its tables, columns, indexes, constraints and functions are exactly those of a store
dealtrail built (compared with a reference store built when the pool starts); any other schema, or
one that cannot be emptied at once (a connection still holding a lock), is dropped as before.
"""

from __future__ import annotations

import tempfile
import uuid
from pathlib import Path

import psycopg
from psycopg import sql

from dealtrail.bootstrap import bootstrap
from dealtrail.infrastructure.settings import Settings

# What the schema holds, one row (`item`) per relation (with its columns), index, constraint,
# trigger, function and type, as alike in two schemas as in one: the schema's own name is left out
# of function bodies, and a foreign key's internal triggers (named by their oids) are left out,
# the constraint being compared. Rows and sequence positions are not part of it. The schema's
# members are found through pg_depend (DROP SCHEMA finds them so too) and each by its index: the
# catalogues are large on a server that tests create tables on all day, and a scan of them slow.
SHAPE_ITEMS = """
WITH members AS (
  SELECT classid, objid FROM pg_depend
  WHERE refclassid = 'pg_namespace'::regclass AND refobjid = %(schema)s::regnamespace
), relations AS (
  SELECT c.oid, c.relname, c.relkind FROM members m JOIN pg_class c ON c.oid = m.objid
  WHERE m.classid = 'pg_class'::regclass
)
SELECT item FROM (
  SELECT 'relation ' || r.relkind::text || ' ' || r.relname || ' ' || coalesce((
           SELECT string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                             || ' ' || a.attnotnull::text || ' '
                             || coalesce(pg_get_expr(d.adbin, d.adrelid), ''), ', '
                             ORDER BY a.attnum)
           FROM pg_attribute a
           LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
           WHERE a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped), '') AS item
  FROM relations r
  UNION ALL
  SELECT 'index ' || pg_get_indexdef(i.indexrelid)
  FROM relations r JOIN pg_index i ON i.indrelid = r.oid
  UNION ALL
  SELECT 'constraint ' || k.conname || ' ' || pg_get_constraintdef(k.oid)
  FROM relations r JOIN pg_constraint k ON k.conrelid = r.oid
  UNION ALL
  SELECT 'trigger ' || t.tgname FROM relations r JOIN pg_trigger t ON t.tgrelid = r.oid
  WHERE NOT t.tgisinternal
  UNION ALL
  SELECT 'function ' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ') '
         || md5(replace(p.prosrc, %(schema)s::text, ''))
  FROM members m JOIN pg_proc p ON p.oid = m.objid WHERE m.classid = 'pg_proc'::regclass
  UNION ALL
  SELECT 'type ' || t.typname
  FROM members m JOIN pg_type t ON t.oid = m.objid WHERE m.classid = 'pg_type'::regclass
) items
"""
# The same, as one digest.
SHAPE = (
    "SELECT md5(coalesce(string_agg(item, E'\\n' ORDER BY item), '')) FROM ("
    + SHAPE_ITEMS
    + ") shape"
)

# Empties the schema in one round trip (a DO block takes no parameters: the schema's name is put
# in as a literal). Foreign keys are not checked while rows are deleted
# (every row goes), hence session_replication_role, which needs a superuser, as the tests' server
# account is; elsewhere the schema is just dropped.
EMPTY = """
DO $empty$
DECLARE
  relation record;
  remaining bigint;
BEGIN
  SET LOCAL lock_timeout = '2s';
  SET LOCAL session_replication_role = replica;
  EXECUTE format('DROP TABLE IF EXISTS %I.dealtrail_store_format', {schema});
  FOR relation IN
    SELECT c.oid, c.relname, c.relkind FROM pg_depend m JOIN pg_class c ON c.oid = m.objid
    WHERE m.refclassid = 'pg_namespace'::regclass AND m.refobjid = {schema}::regnamespace
      AND m.classid = 'pg_class'::regclass AND c.relkind IN ('r', 'p', 'S')
  LOOP
    IF relation.relname = 'alembic_version' THEN
      NULL;  -- the stores' migrations stay recorded: the tables are still of that revision
    ELSIF relation.relkind = 'S' THEN
      EXECUTE format('ALTER SEQUENCE %I.%I RESTART', {schema}, relation.relname);
    ELSIF EXISTS (
      SELECT FROM pg_attribute WHERE attrelid = relation.oid AND attname = 'application_name'
    ) THEN
      -- eventsourcing's tracking table: its row telling that the table is of the current
      -- layout stays (a new store has it), or the next start would migrate the table.
      EXECUTE format(
        'DELETE FROM %I.%I WHERE application_name <> ''__migration__''', {schema}, relation.relname
      );
      EXECUTE format(
        'SELECT count(*) FROM %I.%I', {schema}, relation.relname
      ) INTO remaining;
      IF remaining <> 1 THEN
        RAISE EXCEPTION 'tracking table % has no migration row', relation.relname;
      END IF;
    ELSE
      EXECUTE format('DELETE FROM %I.%I', {schema}, relation.relname);
    END IF;
  END LOOP;
END
$empty$
"""


class StorePool:
    def __init__(self, url: str) -> None:
        self.url = url
        self.free: list[str] = []
        self.conn = psycopg.connect(url, autocommit=True)
        reference = self._create()
        with tempfile.TemporaryDirectory() as data_dir:
            bootstrap(Settings(Path(data_dir), database_url=url, database_schema=reference)).close()
        self.shape: str | None = None  # while there is no reference: any shape is kept
        shape = self._emptied(reference)
        if shape is not None:
            self.free.append(reference)
        else:
            self._drop(reference)
        self.shape = shape or "none: the reference store could not be emptied, nothing is kept"

    def take(self) -> str:
        return self.free.pop() if self.free else self._create()

    def give_back(self, schema: str) -> None:
        if self._emptied(schema) is not None:
            self.free.append(schema)
        else:
            self._drop(schema)

    def close(self) -> None:
        for schema in self.free:
            self._drop(schema)
        self.conn.close()

    def _create(self) -> str:
        schema = f"t_{uuid.uuid4().hex[:12]}"
        self.conn.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
        return schema

    def _drop(self, schema: str) -> None:
        self.conn.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(sql.Identifier(schema)))

    def _emptied(self, schema: str) -> str | None:
        """Empties the schema and returns its shape, if it has the shape of a store dealtrail
        built (any shape, for the reference); else changes nothing and returns None."""
        try:
            with self.conn.transaction():
                self.conn.execute(sql.SQL(EMPTY).format(schema=sql.Literal(schema)))
                [(shape,)] = self.conn.execute(SHAPE, {"schema": schema}).fetchall()
                if self.shape is not None and shape != self.shape:
                    raise _NotAStore
        except (_NotAStore, psycopg.Error):
            return None
        return shape


class _NotAStore(Exception):
    """Rolls back the emptying of a schema that is not to be kept."""
