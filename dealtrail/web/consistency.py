"""Read-your-writes: a read may name the log position it must reflect, and waits (bounded) for
the views to reach it, or gets 503 with Retry-After."""

from __future__ import annotations

from flask import request
from flask_smorest import abort

from dealtrail.application.followers import VIEWS
from dealtrail.domain.numbers import whole_number
from dealtrail.web.services import services

HEADER = "Dealtrail-Min-Position"
WAIT_SECONDS = 5.0


def wait_for_views() -> None:
    """Before a GET that sends `Dealtrail-Min-Position: N` (the position a command returned)."""
    wanted = request.headers.get(HEADER)
    if wanted is None or request.method != "GET":
        return
    position = whole_number(wanted)
    if position is None or position < 0:
        abort(400, message=f"{HEADER} must be a log position (a whole number).")
    try:
        services().followers.reach(VIEWS, position, timeout=WAIT_SECONDS)
    except TimeoutError:
        abort(
            503,
            message=f"The views have not reached position {wanted} yet.",
            headers={"Retry-After": "1"},
        )
