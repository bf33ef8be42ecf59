"""The baselines' plain eventsourcing: an Application saving a Party-like aggregate's events, with
the store settings dealtrail's ledger has (same store kind, database, schema, cipher, compressor,
snapshot interval), in tables of its own.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from eventsourcing.application import Application
from eventsourcing.domain import Aggregate, event

from dealtrail.infrastructure.persistence import ledger_env
from dealtrail.infrastructure.settings import Settings

SNAPSHOT_INTERVAL = 50


class RawParty(Aggregate):
    @event("Registered")
    def __init__(self, name: str, kind: str, country: str, identifiers: dict[str, str]) -> None:
        self.name = name
        self.kind = kind
        self.country = country
        self.identifiers = dict(identifiers)
        self.alliances: list[str] = []

    @event("Renamed")
    def rename(self, name: str) -> None:
        self.name = name


class RawApplication(Application[UUID]):
    name = "RawBench"  # PostgreSQL: tables rawbench_events, rawbench_snapshots
    snapshotting_intervals = {RawParty: SNAPSHOT_INTERVAL}

    def register(self, name: str) -> UUID:
        party = RawParty(name, "university", "CN", {})
        self.save(party)
        return party.id

    def rename(self, party_id: UUID, name: str) -> None:
        party: Any = self.repository.get(party_id)
        party.rename(name)
        self.save(party)


def raw_env(settings: Settings) -> dict[str, str]:
    """dealtrail's eventsourcing environment without its own recorder (SQLite: a file of its
    own beside the ledger's, since the library's SQLite table names are fixed)."""
    env = ledger_env(settings)
    env.pop("APPLICATION_RECORDER_TOPIC")
    env.pop("DEALTRAIL_SNAPSHOT_INTERVAL")
    env["IS_SNAPSHOTTING_ENABLED"] = "y"
    if "SQLITE_DBNAME" in env:
        env["SQLITE_DBNAME"] = str(settings.data_dir / "raw-events.sqlite3")
    return env
