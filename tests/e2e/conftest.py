"""Fixtures for the end-to-end tests that drive a browser."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.dashboard_page import chromium


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    """A headless Chromium for one test, its profile in the test's temporary directory."""
    with chromium(tmp_path / "chromium") as driver:
        yield driver
