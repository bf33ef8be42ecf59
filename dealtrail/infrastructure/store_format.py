"""The event store remembers how its events are encoded (compression, cipher) and refuses a
process whose settings would misread them, or write events it could not read back.

The record lives beside the events it describes, so that it goes wherever they go: in
`events.sqlite3` on SQLite (not in `dealtrail.sqlite3`, which holds dealtrail's own tables), in
the events' schema on PostgreSQL. It holds a fingerprint of the cipher key, never the key.

A store from before this record existed is adopted by reading its first and last stored event:
JSON is plain, a zlib stream is compressed, anything else is AES-GCM ciphertext, which only the
right key decrypts (and then shows whether it was compressed inside). Only a store whose events
match this process's settings is adopted; an empty one takes the settings as they are.

Its table is not migrated with the others (migrations/): it is read before anything else, to
refuse a process before it changes the store, so every version must be able to read it as it is.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import zlib
from dataclasses import dataclass

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Integer,
    MetaData,
    String,
    Table,
    column,
    inspect,
    select,
    table,
)

from dealtrail.infrastructure.database import create_events_engine
from dealtrail.infrastructure.settings import Settings

# Where the library keeps the Ledger's events, and their log position, on each store.
EVENTS = {
    "sqlite": ("stored_events", "rowid"),
    "postgresql": ("dealtrail_events", "notification_id"),
}
UNKNOWN_KEY = "unknown"  # events encrypted with a key this process does not have

metadata = MetaData()
FORMAT = Table(
    "dealtrail_store_format",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("compressed", Boolean, nullable=False),
    Column("cipher_key_fingerprint", String(64)),  # null: not encrypted
)


class StoreFormatMismatch(Exception):
    """This process's settings do not match the format the store was created with."""


@dataclass(frozen=True)
class StoreFormat:
    compressed: bool
    cipher_key_fingerprint: str | None

    @classmethod
    def of(cls, settings: Settings) -> StoreFormat:
        key = settings.cipher_key
        return cls(settings.compress, fingerprint(key) if key else None)


def fingerprint(cipher_key: str) -> str:
    """Tells keys apart without revealing one: an HMAC of a fixed label, keyed with the key."""
    return hmac.new(cipher_key.encode(), b"dealtrail store format", hashlib.sha256).hexdigest()


def check_store_format(settings: Settings) -> None:
    """Refuses (StoreFormatMismatch) unless the store's format is this process's; records the
    format of a store that has none. Run under the schema lock, before the stores are opened."""
    wanted = StoreFormat.of(settings)
    engine = create_events_engine(settings)
    try:
        with engine.begin() as conn:
            recorded = _recorded(conn)
            stored = recorded or _inferred(conn, settings) or wanted
            refusal = _refusal(stored, wanted)
            if refusal:
                raise StoreFormatMismatch(refusal)
            if recorded is None:
                FORMAT.create(conn, checkfirst=True)
                conn.execute(
                    FORMAT.insert().values(
                        id=1,
                        compressed=wanted.compressed,
                        cipher_key_fingerprint=wanted.cipher_key_fingerprint,
                    )
                )
    finally:
        engine.dispose()


def _recorded(conn: Connection) -> StoreFormat | None:
    if not inspect(conn).has_table(FORMAT.name):
        return None
    row = conn.execute(select(FORMAT.c.compressed, FORMAT.c.cipher_key_fingerprint)).first()
    return StoreFormat(bool(row[0]), row[1]) if row else None


def _inferred(conn: Connection, settings: Settings) -> StoreFormat | None:
    """The format of the first and last stored events; None if there are none."""
    name, position_name = EVENTS[conn.dialect.name]
    if not inspect(conn).has_table(name):
        return None
    position = column(position_name)
    events = table(name, column("state"), position)
    states = [
        bytes(state)
        for order in (position.asc(), position.desc())
        for state in conn.execute(select(events.c.state).order_by(order).limit(1)).scalars()
    ]
    formats = {_format_of(state, settings.cipher_key) for state in states}
    if len(formats) > 1:
        raise StoreFormatMismatch(
            "the store holds events written with different DEALTRAIL_COMPRESS or "
            "DEALTRAIL_CIPHER_KEY settings; repair it before serving it"
        )
    return formats.pop() if formats else None


def _format_of(state: bytes, cipher_key: str | None) -> StoreFormat:
    if _is_json(state):
        return StoreFormat(compressed=False, cipher_key_fingerprint=None)
    if _is_zlib_json(state):
        return StoreFormat(compressed=True, cipher_key_fingerprint=None)
    if cipher_key:
        # imported only to adopt an old encrypted store: not at every start of every command
        from eventsourcing.cryptography import AESCipher  # noqa: PLC0415
        from eventsourcing.utils import Environment  # noqa: PLC0415

        try:
            plain = AESCipher(Environment(env={"CIPHER_KEY": cipher_key})).decrypt(state)
        except ValueError:
            pass
        else:
            return StoreFormat(not _is_json(plain), fingerprint(cipher_key))
    return StoreFormat(compressed=False, cipher_key_fingerprint=UNKNOWN_KEY)


def _is_json(data: bytes) -> bool:
    try:
        json.loads(data)
    except ValueError:
        return False
    return True


def _is_zlib_json(data: bytes) -> bool:
    try:
        return _is_json(zlib.decompress(data))
    except zlib.error:
        return False


def _refusal(stored: StoreFormat, wanted: StoreFormat) -> str | None:
    key, compress = "DEALTRAIL_CIPHER_KEY", "DEALTRAIL_COMPRESS"
    if stored.cipher_key_fingerprint and not wanted.cipher_key_fingerprint:
        return f"the store was created with {key}; this process has none"
    if wanted.cipher_key_fingerprint and not stored.cipher_key_fingerprint:
        return f"the store was created without {key}; this process has one"
    if stored.cipher_key_fingerprint != wanted.cipher_key_fingerprint:
        return f"{key} differs from the key the store was created with"
    if stored.compressed and not wanted.compressed:
        return f"the store was created with {compress}=1; this process has it off"
    if wanted.compressed and not stored.compressed:
        return f"the store was created with {compress} off; this process has {compress}=1"
    return None
