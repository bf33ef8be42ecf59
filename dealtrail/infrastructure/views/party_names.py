"""Natural persons' names in the views: sealed under their subject's key, found by a blind index.

An individual party (a natural person) is its own data subject: its name is sealed with the key
of the subject `subject_of(party_id, party_id)`, the subject that
`Personal(name, scope=party_id, identifies=party_id)` names. So when the party's events seal its
name too (issue #16, with that `Personal`), one key covers the events and the views, whatever the
person is renamed to, and destroying it erases every name the person had, everywhere. (Keyed by
the name instead, as signatories are, a rename would make a second subject that forgetting the
old name leaves readable.)

Search (`q=`) cannot look into sealed names, so each individual has a blind index: the HMAC, under
the vault's `name_index` secret, of every 1- to 3-character gram of its name normalised as sort
keys are (case- and accent-blind, compatibility forms folded). A party is a candidate when every
gram of the query is in its index; the decrypted name then decides, as `icontains` decides on the
store, so results are those of a plaintext `icontains`. The index tells which parties share
grams, not what the grams are; once the subject is forgotten its rows are deleted
(`PartiesView.forget_names`), and its name no longer decrypts.

Sorting by name: a full sort key would spell the name, so an individual's `name_key` holds only
the key of its name's first character. Individuals sort among organisations by initial (before
the organisations whose name starts with that letter), and in creation order within an initial.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Any

from sqlalchemy import Column, Connection, ForeignKey, FromClause, Index, Select, String, Table

from dealtrail.application.vault import seal, unseal
from dealtrail.domain.personal import ERASED
from dealtrail.infrastructure.subject_vault import NAME_INDEX, SqlSubjectVault, subject_keys
from dealtrail.infrastructure.views.base import metadata, sort_key

GRAMS = 3  # the longest gram indexed: two-character names (李娜) and queries are found
UNBOUNDED = 10**6  # normalise the whole name, not only what a sort key column holds

name_grams = Table(
    "catalogue_party_name_grams",
    metadata,
    Column("party_id", ForeignKey("catalogue_parties.id"), primary_key=True),
    Column("gram", String(32), primary_key=True, comment="HMAC of a normalised gram"),
    Index("ix_catalogue_party_name_grams_gram", "gram", "party_id"),
)


class PartyNames:
    """Seals individuals' names for the views and indexes them blindly."""

    def __init__(self, vault: SqlSubjectVault) -> None:
        self.vault = vault

    def subject(self, party_id: str) -> str:
        return self.vault.subject_of(party_id, party_id)

    def forgotten(self, party_id: str) -> bool:
        """Whether the individual was forgotten: its name is then never sealed or indexed again
        (an older build's events may still hold it in plain text)."""
        return self.vault.forgotten(self.subject(party_id))

    def seal(self, conn: Connection, party_id: str, name: str) -> dict[str, str]:
        """The columns holding `name` sealed, its key created in `conn`'s transaction if new;
        deterministically, so a rebuilt view equals the view as recorded, row for row. Should
        the individual be forgotten meanwhile, the columns of an erased name."""
        subject = self.subject(party_id)
        key = self.vault.key_in(conn, subject)
        if key is None:
            return erased_name(subject)
        sealed = seal(key, subject, name, deterministic=True)
        return {"name_subject": subject, "sealed_name": sealed}

    def index(self, name: str) -> list[str]:
        """The blind index of `name`: its grams of 1 to `GRAMS` characters."""
        text = sort_key(name, UNBOUNDED)
        grams = {text[i : i + n] for n in range(1, GRAMS + 1) for i in range(len(text) - n + 1)}
        return sorted(self._blind(g) for g in grams)

    def query(self, q: str) -> list[str]:
        """The grams a name matching `q` has in its index: those of the longest length `q` has
        (the shorter ones are inside them); none when `q` normalises to nothing."""
        text = sort_key(q, UNBOUNDED)
        n = min(GRAMS, len(text))
        return sorted({self._blind(text[i : i + n]) for i in range(len(text) - n + 1)} if n else [])

    def _blind(self, gram: str) -> str:
        secret = self.vault.secret(NAME_INDEX)
        return hmac.new(secret, gram.encode(), hashlib.sha256).hexdigest()[:32]


def erased_name(subject: str) -> dict[str, str]:
    """The columns of a forgotten individual's name: sealed by no key, so it reads "[erased]"
    (`name_of`), and sorting or searching finds nothing of it."""
    return {"name": ERASED, "name_subject": subject, "sealed_name": "", "name_key": ""}


def initial_key(name: str) -> str:
    """What an individual's `name_key` holds: the sort key of the name's first character."""
    return sort_key(name, UNBOUNDED)[:1]


def with_names(query: Select[Any], party: FromClause, label: str) -> Select[Any]:
    """`query` with what `name_of` needs to read the name of `party` (a parties table or alias,
    already in the query): its sealed name and, joined from the vault, its subject's key, in the
    same query (no look-up per row)."""
    keys = subject_keys.alias(f"{label}_keys")
    return query.add_columns(
        party.c.sealed_name.label(f"{label}_sealed"),
        party.c.name_subject.label(f"{label}_subject"),
        keys.c.key.label(f"{label}_key"),
    ).outerjoin(keys, keys.c.subject == party.c.name_subject)


def name_of(row: Any, plain: str, label: str) -> str | None:
    """The name in a row of a query made by `with_names`: an organisation's as stored (column
    `plain`), an individual's decrypted, "[erased]" once its key is destroyed; None when the
    query found no party."""
    if row[plain] is not None or row[f"{label}_sealed"] is None:
        return row[plain]
    text = sealed_text(row, label)
    return ERASED if text is None else text


def sealed_text(row: Any, label: str) -> str | None:
    """The sealed name in a row of a query made by `with_names`, decrypted; None once its key
    is destroyed."""
    key, subject = row[f"{label}_key"], row[f"{label}_subject"]
    return None if key is None else unseal(key, subject, row[f"{label}_sealed"])


def contains(name: str, q: str, dialect: str) -> bool:
    """Whether `name` contains `q` as `icontains` tells on the store: ignoring case, which
    SQLite's lower() folds in ASCII letters only, PostgreSQL's one character to one."""
    lower = _ascii_lower if dialect == "sqlite" else _lower
    return lower(q) in lower(name)


def _ascii_lower(text: str) -> str:
    return text.translate(ASCII_LOWER)


def _lower(text: str) -> str:
    return "".join(c.lower()[0] for c in text)  # İ as i, not i and a combining dot


ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
