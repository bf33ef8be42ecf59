"""How far the reports have followed the log: one follower (`ReadModels`, the "catalogue" group)
writes every view the reports read, so its position is the one every report has reached."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection

from dealtrail.application.followers import VIEWS
from dealtrail.infrastructure.tracking import SqlTrackingRecorder


def report_position(conn: Connection) -> dict[str, Any]:
    """The log position the report views have reached (0 before they follow anything); as a
    one-row table too, as every report is."""
    position = SqlTrackingRecorder.position_in(conn, VIEWS) or 0
    return {"position": position, "rows": [{"position": position}]}
