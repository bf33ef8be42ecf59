"""`Dealtrail-Min-Position` cannot hold a serving thread for long: a position the log has not
reached is refused at once, and only a few reads of a process wait at a time."""

from __future__ import annotations

import dataclasses
import threading
import time

import pytest

from dealtrail.bootstrap import bootstrap
from dealtrail.infrastructure.settings import Settings
from dealtrail.web import consistency
from tests.api.conftest import Api, register_party
from tests.api.test_read_your_writes_api import _register_a_party


@pytest.mark.parametrize("role", ["staff", "auditor", "dashboard", "admin"])
def test_a_position_beyond_the_log_head_is_refused_at_once(
    request: pytest.FixtureRequest, staff: Api, role: str
) -> None:
    head = int(
        staff.post(
            "/api/v1/parties", json={"name": "Tashkent TU", "kind": "university", "country": "UZ"}
        ).headers["Dealtrail-Log-Position"]
    )
    api: Api = request.getfixturevalue(role)
    started = time.monotonic()
    beyond = api.get("/healthz", headers={"Dealtrail-Min-Position": "999999999999"})
    assert time.monotonic() - started < 1.0
    assert beyond.status_code == 422, beyond.json
    assert beyond.mimetype == "application/problem+json"
    assert beyond.json["code"] == "min_position.beyond_head"
    assert str(head) in beyond.json["detail"]

    at_head = api.get("/healthz", headers={"Dealtrail-Min-Position": str(head)})
    assert at_head.status_code == 200, at_head.json


def test_a_position_the_log_holds_is_read_at_once_inline(staff: Api) -> None:
    register_party(staff)
    reply = staff.get("/api/v1/parties", headers={"Dealtrail-Min-Position": "1"})
    assert reply.status_code == 200, reply.json
    assert len(reply.json["items"]) == 1


def test_reads_past_the_waiters_a_process_allows_are_answered_503_at_once(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the views followed elsewhere and behind, WAITERS reads wait; the next is told to
    retry at once, without waiting; once they are done, a read may wait again."""
    monkeypatch.setattr(consistency, "WAIT_SECONDS", 30.0)
    worker_mode = dataclasses.replace(settings, inline_followers=False)
    services, worker = bootstrap(worker_mode), bootstrap(worker_mode)
    try:
        client, _, wait = _register_a_party(worker_mode, services)
        release, all_waiting = threading.Event(), threading.Barrier(consistency.WAITERS + 1)
        wait_for = services.read_models.tracking.wait

        def held(name: str, position: int, timeout: float) -> None:  # inside its waiter's slot
            all_waiting.wait(timeout=30)
            assert release.wait(timeout=30), "the test never released the waiting reads"
            wait_for(name, position, timeout=timeout)

        monkeypatch.setattr(services.read_models.tracking, "wait", held)
        replies: list[int] = []

        def read() -> None:
            other = client.application.test_client()
            replies.append(other.get("/api/v1/parties", headers=wait).status_code)

        waiters = [threading.Thread(target=read) for _ in range(consistency.WAITERS)]
        for thread in waiters:
            thread.start()
        all_waiting.wait(timeout=30)

        started = time.monotonic()
        refused = client.get("/api/v1/parties", headers=wait)
        assert time.monotonic() - started < 1.0
        assert refused.status_code == 503, refused.json
        assert refused.mimetype == "application/problem+json"
        assert refused.json["code"] == "min_position.busy"
        assert refused.headers["Retry-After"] == "1"

        worker.read_models.catch_up()
        release.set()
        for thread in waiters:
            thread.join(timeout=30)
        assert replies == [200] * consistency.WAITERS
        monkeypatch.setattr(services.read_models.tracking, "wait", wait_for)
        read = client.get("/api/v1/parties", headers=wait)
        assert read.status_code == 200, read.json
        assert [p["name"] for p in read.json["items"]] == ["Tashkent TU"]
    finally:
        release.set()
        worker.close()
        services.close()
