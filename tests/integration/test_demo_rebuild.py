"""The demo conference's views, rebuilt from the log in batches with its aggregates carried from
one batch to the next, equal them rebuilt with every aggregate reloaded from the store, and the
views built as the demo was recorded, row for row, on both stores."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from dealtrail.infrastructure import read_models as read_models_module
from dealtrail.infrastructure.follower import BATCH
from tests.integration.loaded_demo import Loaded


def _every_row(loaded: Loaded) -> dict[str, list[tuple[Any, ...]]]:
    read_models = loaded.services.read_models
    tables = [table for view in read_models.views.values() for table in view.tables]
    with read_models.engine.connect() as conn:
        return {
            table.name: [tuple(r) for r in conn.execute(select(table).order_by(*table.primary_key))]
            for table in tables
        }


def test_the_demo_rebuilt_equals_the_demo_as_recorded(
    loaded: Loaded, monkeypatch: pytest.MonkeyPatch
) -> None:
    read_models = loaded.services.read_models
    read_models.catch_up()
    recorded = _every_row(loaded)
    events = loaded.services.ledger.recorder.max_notification_id()

    assert read_models.rebuild() == events > BATCH  # more than one batch
    carried = _every_row(loaded)
    with monkeypatch.context() as patch:
        patch.setattr(read_models_module, "CARRIED", 0)  # every aggregate reloaded
        read_models.rebuild()
    reloaded = _every_row(loaded)

    assert all(recorded.values()), "every view has rows"
    assert carried == reloaded == recorded
