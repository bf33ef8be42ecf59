"""A CLI command closes the stores it opened when it ends, so callers that run many commands in
one process (tests, scripts) do not pile up database connections."""

from __future__ import annotations

import pytest

from dealtrail.bootstrap import Services
from dealtrail.infrastructure.settings import Settings
from tests.integration.cli_runs import run_cli


def test_each_command_closes_the_stores_it_opened(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    closed: list[Services] = []
    close = Services.close
    monkeypatch.setattr(Services, "close", lambda svc: (closed.append(svc), close(svc))[1])

    for _ in range(3):
        listed = run_cli(settings, "tokens", "list")
        assert listed.exit_code == 0, listed.output

    assert len(closed) == 3 and len({id(svc) for svc in closed}) == 3
