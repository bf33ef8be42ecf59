"""A leaf changed under a signed head stops all signing: the head and proof endpoints and /readyz
answer 503 audit.tree_forked instead of signing or proving over the altered tree."""

from __future__ import annotations

from flask import Flask
from freezegun import freeze_time

from dealtrail.bootstrap import Services
from dealtrail.infrastructure.settings import Settings
from tests.api.conftest import Api, register_party
from tests.store_edits import store_sql


def test_a_forked_tree_is_never_signed_nor_proved(
    app: Flask, services: Services, settings: Settings, staff: Api, auditor: Api
) -> None:
    with freeze_time("2026-12-07T09:00:00Z") as clock:
        register_party(staff, "Xi'an Jiaotong University")
        signed = auditor.get("/api/v1/audit/tree-head").json
        store_sql(settings, "UPDATE {l} SET leaf_hash = %s WHERE leaf_index = 0", ("0" * 64,))
        register_party(staff, "Tashkent TU", "UZ")

        for path in ("/api/v1/audit/tree-head", "/api/v1/audit/inclusion-proof?position=1"):
            answer = auditor.get(path)
            assert answer.status_code == 503, path
            assert answer.json["code"] == "audit.tree_forked"
            assert answer.headers["Retry-After"] == "60"

        clock.tick(61)  # the next head is due: the inline signer finds the fork too
        ready = app.test_client().get("/readyz")
        assert ready.status_code == 503
        assert "does not extend the signed head of size 1" in ready.json["detail"]

    assert [head.head.tree_size for head in services.audit.heads()] == [signed["tree_size"]]
