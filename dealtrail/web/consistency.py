"""Read-your-writes: a read may name the log position it must reflect, and waits (bounded) for
the views to reach it, or gets 503 with Retry-After.

A wait holds a serving thread, so waits are bounded twice over: each lasts WAIT_SECONDS at most,
and a process lets WAITERS requests wait at once (the rest are answered 503
`min_position.busy` at once, so the other threads stay free for other requests). A position
beyond the log's head cannot be reached by waiting: it is refused at once, 422
`min_position.beyond_head`.
"""

from __future__ import annotations

import threading

from flask import request
from flask_smorest import abort

from dealtrail.application.followers import VIEWS
from dealtrail.domain.numbers import whole_number
from dealtrail.web.services import services

HEADER = "Dealtrail-Min-Position"
WAIT_SECONDS = 5.0
WAITERS = 2  # per process; `serve` runs 4 threads a worker by default
_waiting = threading.BoundedSemaphore(WAITERS)


def wait_for_views() -> None:
    """Before a GET that sends `Dealtrail-Min-Position: N` (the position a command returned)."""
    wanted = request.headers.get(HEADER)
    if wanted is None or request.method != "GET":
        return
    position = whole_number(wanted)
    if position is None or position < 0:
        abort(400, message=f"{HEADER} must be a log position (a whole number).")
    head = services().followers.head()
    if position > head:
        abort(
            422,
            message=f"{HEADER} {position} is beyond the log's last position ({head}).",
            code="min_position.beyond_head",
        )
    if not _waiting.acquire(blocking=False):
        abort(
            503,
            message=f"Too many reads are waiting for the views; retry {HEADER} shortly.",
            code="min_position.busy",
            headers={"Retry-After": "1"},
        )
    try:
        services().followers.reach(VIEWS, position, timeout=WAIT_SECONDS)
    except TimeoutError:
        abort(
            503,
            message=f"The views have not reached position {wanted} yet.",
            headers={"Retry-After": "1"},
        )
    finally:
        _waiting.release()
