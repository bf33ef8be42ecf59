"""Looking for a planted value everywhere it could be: the store's files or rows, a `pg_dump`,
the logs, an audit bundle (its events' stored bytes decoded) and API answers."""

from __future__ import annotations

import base64
import json
import subprocess
from collections.abc import Iterable
from pathlib import Path

import pytest

from dealtrail.infrastructure.settings import Settings
from dealtrail.infrastructure.views.base import sort_key
from dealtrail.web.logs import JsonFormatter


def spellings(values: Iterable[str]) -> set[bytes]:
    """The forms a value can be stored or shown in: as given, in other cases, as sort keys hold
    it, and as PostgreSQL shows bytes (hex)."""
    texts = {s for v in values for s in (v, v.lower(), v.upper(), sort_key(v))}
    return {t.encode() for t in texts} | {t.encode().hex().encode() for t in texts}


def found(blob: bytes, values: Iterable[str]) -> list[str]:
    return sorted(f.decode() for f in spellings(values) if f in blob)


def store_bytes(settings: Settings) -> bytes:
    """Every file of the data directory (SQLite's WALs included) and, on PostgreSQL, a
    `pg_dump` of the store's schema."""
    files = b"".join(f.read_bytes() for f in sorted(settings.data_dir.rglob("*")) if f.is_file())
    if settings.database_url is None:
        return files
    dump = subprocess.run(
        ["pg_dump", "--schema", settings.database_schema, settings.database_url],
        check=True,
        capture_output=True,
    ).stdout
    assert b"subject_keys" in dump, dump[:200]
    return files + dump


def bundle_bytes(bundle: Path) -> bytes:
    """An audit bundle's text, with each event's stored state decoded from base64."""
    text = bundle.read_bytes()
    lines = [json.loads(line) for line in text.splitlines()[1:]]
    return text + b"".join(base64.b64decode(line["state"]) for line in lines)


def log_bytes(caplog: pytest.LogCaptureFixture) -> bytes:
    formatter = JsonFormatter()
    return "\n".join(formatter.format(r) for r in caplog.records).encode()
