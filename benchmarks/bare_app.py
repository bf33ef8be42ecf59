"""The HTTP baseline: a bare Flask app whose one route does the raw eventsourcing save, served by
gunicorn exactly as `dealtrail serve` is (`gunicorn 'benchmarks.bare_app:create_app()'`).

It reads dealtrail's settings from the same environment variables, so it writes to the same
store; its tables must exist before the workers start (the benchmark creates them).
"""

from __future__ import annotations

from typing import Any

from flask import Flask, request

from benchmarks.raw import RawApplication, RawParty, raw_env
from dealtrail.infrastructure.settings import Settings


def create_app() -> Flask:
    env = raw_env(Settings.from_env())
    env["CREATE_TABLE"] = "n"  # two workers start together: the tables are made beforehand
    raw = RawApplication(env=env)
    app = Flask(__name__)

    @app.get("/healthz")
    def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.post("/parties")
    def register() -> tuple[dict[str, Any], int]:
        body = request.get_json()
        party = RawParty(body["name"], body["kind"], body["country"], body.get("identifiers", {}))
        raw.save(party)
        return {"id": str(party.id), "version": party.version, "name": party.name}, 201

    return app
