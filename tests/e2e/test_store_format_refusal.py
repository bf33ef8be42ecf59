"""`dealtrail serve` and `dealtrail projections run` refuse a store whose format their settings
do not match: they exit at once with one line on stderr, before gunicorn or a follower starts."""

from __future__ import annotations

import dataclasses
import subprocess

import pytest

from dealtrail.bootstrap import bootstrap
from dealtrail.infrastructure.settings import Settings
from tests.e2e.serving import DEALTRAIL, dealtrail_env


@pytest.mark.parametrize(
    "command", [["serve", "--port", "0", "--workers", "2"], ["projections", "run"]]
)
@pytest.mark.slow(10)
def test_a_long_running_process_refuses_a_store_of_another_format(
    settings: Settings, command: list[str]
) -> None:
    bootstrap(dataclasses.replace(settings, compress=True)).close()

    finished = subprocess.run(
        [DEALTRAIL, *command],
        check=False,
        env={**dealtrail_env(settings), "DEALTRAIL_COMPRESS": "0"},
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert finished.returncode == 1, finished.stderr
    assert finished.stderr == (
        "Error: the store was created with DEALTRAIL_COMPRESS=1; this process has it off\n"
    )
