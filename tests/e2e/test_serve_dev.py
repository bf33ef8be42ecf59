"""`dealtrail serve --dev` serves the API with Flask's development server (console script)."""

from __future__ import annotations

import pytest

from dealtrail.infrastructure.settings import Settings
from tests.e2e.serving import Client, create_token, serving


@pytest.mark.slow(12)
def test_the_development_server_answers_requests(settings: Settings) -> None:
    token = create_token(settings, "staff", "Li Na")

    with serving(settings, dev=True) as running:
        client = Client(running.base, token)
        created = client.call(
            "POST", "/parties", {"name": "Tomsk Polytechnic", "kind": "university", "country": "RU"}
        )
        read = client.call("GET", f"/parties/{created.body['id']}")

    assert created.status == 201, created.body
    assert (read.status, read.body["name"]) == (200, "Tomsk Polytechnic")
