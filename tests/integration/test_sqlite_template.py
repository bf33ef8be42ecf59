"""The SQLite store a `settings` test gets (a copy of the process's template) is as new: once
opened, it holds the tables, indexes and rows a store dealtrail created in empty files holds,
with secrets and a signing key of its own."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from dealtrail.bootstrap import bootstrap
from dealtrail.infrastructure.settings import Settings
from tests.sqlite_template import SqliteTemplate


def _contents(data_dir: Path) -> dict[str, object]:
    """Each file's schema, and each table's row count."""
    contents: dict[str, object] = {}
    for path in sorted(data_dir.glob("*.sqlite3")):
        conn = sqlite3.connect(path)
        try:
            schema = sorted(conn.execute("SELECT type, name, sql FROM sqlite_master"))
            counts = {
                name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
                for (kind, name, _) in schema
                if kind == "table"
            }
        finally:
            conn.close()
        contents[path.name] = (schema, counts)
    return contents


def test_a_copied_template_opens_as_a_new_store(
    sqlite_template: SqliteTemplate, tmp_path: Path
) -> None:
    new, copied = Settings(tmp_path / "new"), Settings(tmp_path / "copied")
    sqlite_template.copy_to(copied.data_dir)
    for settings in (new, copied):
        bootstrap(settings).close()

    assert _contents(copied.data_dir) == _contents(new.data_dir)
    key = "audit-signing-key.pem"
    assert (copied.data_dir / key).read_bytes() != (new.data_dir / key).read_bytes()
    secrets = [
        sqlite3.connect(s.data_dir / "dealtrail.sqlite3").execute("SELECT * FROM vault_secrets")
        for s in (new, copied)
    ]
    assert secrets[0].fetchall() != secrets[1].fetchall()
