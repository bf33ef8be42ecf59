"""An inventor an older build recorded with its name in plain text (dealtrail 0.1.0's demo):
forgetting them erases what can be erased and says plainly what stays in the log."""

from __future__ import annotations

import json
from pathlib import Path

from dealtrail.infrastructure.settings import Settings
from tests.integration.cli_runs import run_cli
from tests.integration.old_stores import unpack

INVENTOR = "Dr. Liu Min"  # an individual of the demo conference


def _parties(settings: Settings, query: str) -> list[dict[str, object]]:
    listed = run_cli(settings, "call", "GET", f"/api/v1/parties?{query}", "--role", "auditor")
    assert listed.exit_code == 0, listed.output
    return json.loads(listed.stdout)["items"]


def test_forgetting_an_inventor_recorded_in_clear_names_the_events_that_keep_the_name(
    tmp_path: Path,
) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    unpack("demo-0.1.0.tgz", settings.data_dir)
    [inventor] = _parties(settings, "q=Liu%20Min&kind=individual")

    forgotten = run_cli(settings, "privacy", "forget", INVENTOR, "--reason", "Art. 17 request")

    assert forgotten.exit_code == 0, forgotten.output
    assert f"not erased: party {inventor['id']}" in forgotten.output
    assert "(versions 1)" in forgotten.output
    assert _parties(settings, "q=Liu%20Min") == []
    assert INVENTOR not in json.dumps(_parties(settings, "kind=individual&limit=500"))
    verified = run_cli(settings, "audit", "verify")
    assert verified.exit_code == 0, verified.output
