"""Our SQLAlchemy tracking recorder passes eventsourcing's own TrackingRecorderTestCase."""

from __future__ import annotations

import pytest
from eventsourcing.persistence import TrackingRecorder
from eventsourcing.tests import persistence

from dealtrail.infrastructure.database import create_database_engine
from dealtrail.infrastructure.settings import Settings
from dealtrail.infrastructure.tracking import SqlTrackingRecorder


class _Case(persistence.TrackingRecorderTestCase):
    __test__ = False  # run below, once per store, not collected on its own
    settings: Settings

    def create_recorder(self) -> TrackingRecorder:
        recorder = SqlTrackingRecorder(create_database_engine(self.settings))
        recorder.create_table()
        return recorder


@pytest.mark.parametrize("name", ["test_insert_tracking", "test_wait"])
def test_the_tracking_recorder_passes_the_library_contract(settings: Settings, name: str) -> None:
    case = _Case(name)
    case.settings = settings
    result = case.run()
    assert result is not None and result.wasSuccessful(), result.failures + result.errors
