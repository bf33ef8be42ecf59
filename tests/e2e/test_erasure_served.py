"""A real `dealtrail serve` (gunicorn) writes no forgotten person's name to its stderr: not while
the person is recorded, searched for and shown, nor once forgotten; nor does any file it leaves."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from dealtrail.infrastructure.settings import Settings
from tests.api.planted import found, store_bytes
from tests.e2e.serving import Client, create_token, run_dealtrail, serving

PLANTED = "Oriel Quenby-Stravinskaya"


@pytest.mark.slow(25)
def test_the_server_log_never_holds_an_individual_s_name(settings: Settings) -> None:
    token = create_token(settings, "staff", "Li Na")
    with serving(settings, workers=1) as running:
        server = Client(running.base, token)
        person = server.call(
            "POST", "/parties", {"name": PLANTED, "kind": "individual", "country": "CN"}
        )
        assert person.status == 201, person.body
        for path in (
            f"/parties/{person.body['id']}",
            f"/parties/{person.body['id']}/history",
            f"/parties?q={quote(PLANTED)}",
            f"/parties?q={quote(PLANTED.split(maxsplit=1)[0])}",
        ):
            assert server.call("GET", path).status == 200, path
        forgotten = run_dealtrail(settings, "privacy", "forget", PLANTED, "--reason", "request")
        assert "erased" in forgotten.lower() or "forgot" in forgotten.lower(), forgotten
        shown = server.call("GET", f"/parties/{person.body['id']}")
        assert shown.status == 200 and PLANTED not in str(shown.body)
        assert server.call("GET", f"/parties?q={quote(PLANTED)}").body["items"] == []
        log = running.log.read_bytes()

    assert found(log, [PLANTED, quote(PLANTED), quote(PLANTED, safe="")]) == []
    assert found(store_bytes(settings), [PLANTED]) == []
    assert b'"path": "/api/v1/parties"' in log  # the requests were logged, just not the name
