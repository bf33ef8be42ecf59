"""/healthz (the process is up) and /readyz (the stores answer, no follower of the log, views,
tree-head signer or policy, is far behind, and the audit tree extends its last signed head);
neither needs a token."""

from __future__ import annotations

from typing import Any

from flask.views import MethodView
from flask_smorest import abort
from marshmallow import Schema, fields

from dealtrail.domain.audit.tree_head import TreeForked
from dealtrail.web.api.schemas.numbers import WholeNumber
from dealtrail.web.json import Blueprint
from dealtrail.web.services import services

blp = Blueprint("health", __name__, description="Liveness and readiness")


class HealthSchema(Schema):
    status = fields.String()


class ReadinessSchema(Schema):
    status = fields.String()
    head = WholeNumber(metadata={"description": "Last log position"})
    lag = fields.Dict(
        keys=fields.String(),
        values=WholeNumber(),
        metadata={"description": "Events behind, per follower (catalogue, audit, policy:<name>)"},
    )


@blp.route("/healthz")
class Health(MethodView):
    @blp.response(200, HealthSchema)
    def get(self) -> dict[str, str]:
        """The process is up."""
        return {"status": "ok"}


@blp.route("/readyz")
class Readiness(MethodView):
    @blp.response(200, ReadinessSchema)
    def get(self) -> dict[str, Any]:
        """The stores answer and every follower of the log is within the allowed lag
        (DEALTRAIL_READY_MAX_LAG events); 503 otherwise."""
        svc = services()
        try:
            svc.followers.before_read()  # inline, the views catch up and a tree head is signed
            head = svc.followers.head()
            lag = svc.followers.lags(head)
        except TreeForked as fork:
            abort(503, message=f"Not ready: {fork}.", headers={"Retry-After": "60"})
        except Exception as error:  # any store failure means not ready
            abort(
                503,
                message=f"A store did not answer: {type(error).__name__}.",
                headers={"Retry-After": "5"},
            )
        behind = {name: n for name, n in lag.items() if n > svc.settings.ready_max_lag}
        if behind:
            abort(
                503,
                message=f"Followers behind the log by more events than allowed: {behind}.",
                headers={"Retry-After": "5"},
            )
        return {"status": "ready", "head": head, "lag": lag}
