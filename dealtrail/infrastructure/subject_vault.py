"""The subject vault: one AES key per data subject, destroyed when the subject is forgotten.

A forgotten subject is remembered (`forgotten_subjects`, by pseudonym only) and never given a key
again: what an older build recorded of them in plain text cannot be sealed anew, readable, by a
view rebuilt from it or a new event.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import unicodedata
from datetime import UTC, datetime

from sqlalchemy import (
    Column,
    Connection,
    DateTime,
    Engine,
    LargeBinary,
    String,
    Table,
    bindparam,
    delete,
    exists,
    insert,
    literal,
    select,
)
from sqlalchemy import text as sql
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from dealtrail.infrastructure.records import metadata

subject_keys = Table(
    "subject_keys",
    metadata,
    Column("subject", String(64), primary_key=True),
    Column("key", LargeBinary(32), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

forgotten_subjects = Table(
    "forgotten_subjects",
    metadata,
    Column("subject", String(64), primary_key=True),
    Column("forgotten_at", DateTime(timezone=True), nullable=False),
)

vault_secrets = Table(
    "vault_secrets",
    metadata,
    Column("name", String(50), primary_key=True),
    Column("value", LargeBinary(64), nullable=False),
)


PSEUDONYMS = "pseudonyms"  # keys the subjects' pseudonyms
NAME_INDEX = "name_index"  # keys the blind index of natural persons' names in the views
SECRETS = (PSEUDONYMS, NAME_INDEX)

KEY_OF = select(subject_keys.c.key).where(subject_keys.c.subject == bindparam("subject"))
KEYS_OF = select(subject_keys.c.subject, subject_keys.c.key).where(
    subject_keys.c.subject.in_(bindparam("subjects", expanding=True))
)
KEYS_CHUNK = 500
FORGOTTEN = select(forgotten_subjects.c.subject).where(
    forgotten_subjects.c.subject == bindparam("subject")
)


def normalise(text: str) -> str:
    """A value as pseudonyms read it: one case, one form, runs of white space as one space."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


class SqlSubjectVault:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._secrets: dict[str, bytes] = {}

    def create_secrets(self) -> None:
        """Makes the vault's `SECRETS` it does not hold yet (a new vault holds none)."""
        with self.engine.begin() as conn:
            held = set(conn.execute(select(vault_secrets.c.name)).scalars())
            for name in SECRETS:
                if name not in held:
                    conn.execute(insert(vault_secrets).values(name=name, value=os.urandom(32)))

    def secret(self, name: str) -> bytes:
        """One of the vault's random `SECRETS`, made when the vault was created."""
        if name not in self._secrets:
            with self.engine.connect() as conn:
                self._secrets[name] = conn.execute(
                    select(vault_secrets.c.value).where(vault_secrets.c.name == name)
                ).scalar_one()
        return self._secrets[name]

    def subject_of(self, text: str, scope: str) -> str:
        message = f"{scope}\x1f{normalise(text)}".encode()
        return hmac.new(self.secret(PSEUDONYMS), message, hashlib.sha256).hexdigest()

    def pseudonym(self, text: str, scope: str) -> str:
        """A keyed pseudonym of `text` exactly as given (not normalised, as subjects are)."""
        message = f"{scope}\x1f{text}".encode()
        return hmac.new(self.secret(PSEUDONYMS), message, hashlib.sha256).hexdigest()

    def key(self, subject: str, *, create: bool) -> bytes | None:
        with self.engine.connect() as conn:
            found = conn.execute(KEY_OF, {"subject": subject}).scalar_one_or_none()
        if found is not None or not create:
            return found
        with self.engine.begin() as conn:
            return self.key_in(conn, subject)

    def key_in(self, conn: Connection, subject: str) -> bytes | None:
        """The subject's key, created in `conn`'s transaction if missing (so a writer holding the
        database's write lock, as the views follower does, can seal with it); None, and none
        created, if the subject was forgotten."""
        row = {"subject": subject, "key": os.urandom(32), "created_at": datetime.now(UTC)}
        never_forgotten = ~exists(FORGOTTEN)
        values = select(*(literal(v, type_=subject_keys.c[k].type) for k, v in row.items()))
        dialect_insert = sqlite_insert if conn.dialect.name == "sqlite" else postgresql_insert
        statement = dialect_insert(subject_keys).from_select(
            list(row), values.where(never_forgotten)
        )
        conn.execute(statement.on_conflict_do_nothing(), {"subject": subject})
        return conn.execute(KEY_OF, {"subject": subject}).scalar_one_or_none()

    def keys(self, subjects: list[str]) -> dict[str, bytes]:
        """The keys `subjects` have (none for those without one), a few hundred a query."""
        found: dict[str, bytes] = {}
        with self.engine.connect() as conn:
            for start in range(0, len(subjects), KEYS_CHUNK):
                chunk = subjects[start : start + KEYS_CHUNK]
                rows = conn.execute(KEYS_OF, {"subjects": chunk}).all()
                found.update((subject, key) for subject, key in rows)
        return found

    def forgotten(self, subject: str) -> bool:
        """Whether `subject` was forgotten (no key will be made for them again)."""
        with self.engine.connect() as conn:
            return conn.execute(FORGOTTEN, {"subject": subject}).first() is not None

    def subjects_of(self, name: str, scopes: list[str]) -> list[str]:
        """The subjects `name` has a key as, among `scopes`."""
        subjects = [self.subject_of(name, scope) for scope in scopes]
        with self.engine.connect() as conn:
            return list(
                conn.execute(
                    select(subject_keys.c.subject).where(subject_keys.c.subject.in_(subjects))
                ).scalars()
            )

    def forget(self, subjects: list[str]) -> None:
        """Destroys the keys of `subjects`, leaving no copy behind, and remembers that they were
        forgotten, so that none is made for them again."""
        now = datetime.now(UTC)
        with self.engine.begin() as conn:
            dialect_insert = sqlite_insert if conn.dialect.name == "sqlite" else postgresql_insert
            rows = [{"subject": s, "forgotten_at": now} for s in dict.fromkeys(subjects)]
            if rows:
                conn.execute(dialect_insert(forgotten_subjects).on_conflict_do_nothing(), rows)
            conn.execute(delete(subject_keys).where(subject_keys.c.subject.in_(subjects)))
        self._scrub()

    def _scrub(self) -> None:
        """Leaves no copy of a destroyed key in the database files."""
        if self.engine.dialect.name == "sqlite":
            with self.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            return
        with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(sql("VACUUM FULL subject_keys"))
