"""A revoked token is refused at once by the server process that revoked it, and within about a
second by every other (each authenticates from its own cache): two servers on one store."""

from __future__ import annotations

import time

import pytest

from dealtrail.infrastructure.settings import Settings
from tests.e2e.serving import Client, create_token, run_dealtrail, serving

DEADLINE = 30.0  # generous on a loaded host: the guarantee is a second of the server's clock


def _token_id(secret: str) -> str:
    return secret.removeprefix("dt_").split("_", 1)[0]


def _refused_before_deadline(client: Client) -> bool:
    deadline = time.monotonic() + DEADLINE
    while time.monotonic() < deadline:
        reply = client.call("GET", "/parties")
        if reply.status == 401:
            return True
        assert reply.status == 200, reply
        time.sleep(0.05)  # polling interval, not a timing assumption
    return False


@pytest.mark.slow(40)
def test_a_revocation_reaches_the_other_server_process(settings: Settings) -> None:
    admin = create_token(settings, "admin", "Root")
    over_http = create_token(settings, "staff", "Li Na")
    from_cli = create_token(settings, "staff", "Wang Fang")
    with serving(settings, workers=1) as a, serving(settings, workers=1) as b:
        on_a = [Client(a.base, over_http), Client(a.base, from_cli)]
        for client in on_a:  # both now authenticated (and cached) by server a
            assert client.call("GET", "/parties").status == 200
        assert Client(b.base, over_http).call("GET", "/parties").status == 200

        revoked = Client(b.base, admin).call("DELETE", f"/tokens/{_token_id(over_http)}")
        assert revoked.status == 200, revoked

        refused = Client(b.base, over_http).call("GET", "/parties")
        assert refused.status == 401 and refused.body["code"] == "unauthenticated", refused
        assert _refused_before_deadline(on_a[0])

        run_dealtrail(settings, "tokens", "revoke", _token_id(from_cli))
        assert _refused_before_deadline(on_a[1])
        assert _refused_before_deadline(Client(b.base, from_cli))
        assert Client(a.base, admin).call("GET", "/tokens").status == 200
