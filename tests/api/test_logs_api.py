"""Request logs are JSON lines with the correlation id, and never carry a token."""

from __future__ import annotations

import json
import logging

import pytest

from dealtrail.web.logs import JsonFormatter
from tests.api.conftest import Api


def test_each_request_is_logged_as_json_with_its_correlation_id_and_no_token(
    staff: Api, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="dealtrail.requests"):
        staff.post(
            "/api/v1/parties",
            json={"name": "Xi'an Jiaotong University", "kind": "university", "country": "CN"},
            headers={"X-Correlation-ID": "req-42"},
        )
    lines = [JsonFormatter().format(r) for r in caplog.records if r.name == "dealtrail.requests"]
    entry = json.loads(lines[-1])
    assert entry["correlation_id"] == "req-42"
    assert (entry["method"], entry["path"], entry["status"]) == ("POST", "/api/v1/parties", 201)
    assert entry["actor"] == staff.actor
    assert staff.token not in "".join(lines)
