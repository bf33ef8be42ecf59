"""A CLI command closes the stores it opened when it ends, so callers that run many commands in
one process (tests, scripts) do not pile up database connections."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from dealtrail.bootstrap import Services
from dealtrail.infrastructure.settings import Settings
from dealtrail.infrastructure.tokens import SqlTokenStore
from tests.integration.cli_runs import run_cli


def test_each_command_closes_the_stores_it_opened(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    closed: list[Services] = []
    close = Services.close
    monkeypatch.setattr(Services, "close", lambda svc: (closed.append(svc), close(svc))[1])

    for _ in range(3):
        listed = run_cli(settings, "audit", "verify")
        assert listed.exit_code == 0, listed.output

    assert len(closed) == 3 and len({id(svc) for svc in closed}) == 3


def test_listing_tokens_closes_the_token_table_it_opened(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`tokens list` opens the token table alone (no services): its engine is disposed of."""
    opened: list[Engine] = []
    disposed: list[Engine] = []
    init, dispose = SqlTokenStore.__init__, Engine.dispose
    monkeypatch.setattr(
        SqlTokenStore,
        "__init__",
        lambda store, engine: (opened.append(engine), init(store, engine))[1],
    )
    monkeypatch.setattr(
        Engine,
        "dispose",
        lambda engine, *a, **k: (disposed.append(engine), dispose(engine, *a, **k))[1],
    )

    for _ in range(3):
        listed = run_cli(settings, "tokens", "list")
        assert listed.exit_code == 0, listed.output

    assert len(opened) == 3 and all(engine in disposed for engine in opened)
