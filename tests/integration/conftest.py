from __future__ import annotations

from collections.abc import Iterator

import pytest

from dealtrail.domain.metadata import recording
from dealtrail.infrastructure.settings import Settings
from dealtrail.web.services import Services, build_services


@pytest.fixture
def services(settings: Settings) -> Iterator[Services]:
    built = build_services(settings)
    yield built
    built.close()


@pytest.fixture
def staff() -> Iterator[None]:
    with recording("staff:test", comment="integration test"):
        yield
