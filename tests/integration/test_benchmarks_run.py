"""The benchmark command runs end to end (its smallest quick configuration), so it cannot rot.

Only the shape of its JSON is checked, never a timing.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

REPOSITORY = Path(__file__).resolve().parents[2]
RESULT_KEYS = {
    "key",
    "what",
    "unit",
    "subject",
    "baseline",
    "baseline_what",
    "ratio",
    "ratio_is",
    "target",
    "met",
    "note",
    "details",
    "second",
}


def test_the_quick_commands_benchmark_writes_positive_figures_and_the_machine(
    tmp_path: Path,
) -> None:
    output = tmp_path / "bench.json"
    options = ["--quick", "--store", "sqlite", "--only", "commands", "--json", str(output)]
    subprocess.run(
        [sys.executable, "-m", "benchmarks", *options],
        cwd=REPOSITORY,
        check=True,
        capture_output=True,
        timeout=120,
    )
    document = json.loads(output.read_text())
    assert {"date", "mode", "machine", "results"} <= set(document)
    assert document["mode"]["name"] == "quick"
    assert {"platform", "cpu_count", "python", "sqlite", "packages"} <= set(document["machine"])
    assert document["machine"]["packages"]["eventsourcing"]
    [result] = document["results"]["sqlite"]
    assert set(result) == RESULT_KEYS
    assert result["key"] == "commands"
    assert result["subject"] > 0
    assert result["baseline"] > 0
    assert result["ratio"] > 0
    assert isinstance(result["met"], bool)
    samples = result["details"]["subject_samples"] + result["details"]["baseline_samples"]
    assert samples
    assert all(sample > 0 for sample in samples)


def _quick_sqlite_run(tmp_path: Path, only: str, timeout: float) -> dict[str, Any]:
    """`python -m benchmarks --quick --store sqlite --only ONLY`: its one result, as written."""
    output = tmp_path / "bench.json"
    options = ["--quick", "--store", "sqlite", "--only", only, "--json", str(output)]
    subprocess.run(
        [sys.executable, "-m", "benchmarks", *options],
        cwd=REPOSITORY,
        check=True,
        capture_output=True,
        timeout=timeout,
    )
    [result] = json.loads(output.read_text())["results"]["sqlite"]
    assert set(result) == RESULT_KEYS
    assert result["key"] == only
    return result


def test_the_quick_proofs_benchmark_runs_over_the_shared_log(tmp_path: Path) -> None:
    """Also builds the shared log the projection, query, audit and memory figures run over."""
    result = _quick_sqlite_run(tmp_path, "proofs", timeout=120)
    assert result["details"]["events"] >= 600
    assert result["details"]["tree_size"] == result["details"]["events"]
    assert all(sample > 0 for sample in result["details"]["subject_samples"])
    assert result["baseline"] > 0 and isinstance(result["met"], bool)


def test_the_quick_projection_benchmark_sets_the_catch_up_against_both_baselines(
    tmp_path: Path,
) -> None:
    """Raw iteration over the log, and the library's projection path (polling on SQLite)."""
    result = _quick_sqlite_run(tmp_path, "projection", timeout=180)
    assert result["baseline"] > 0 and result["subject"] > 0
    second = result["second"]
    assert second["baseline"] > 0 and isinstance(second["met"], bool)
    assert len(second["samples"]) == len(result["details"]["subject_samples"])
    assert all(sample > 0 for sample in second["samples"])
