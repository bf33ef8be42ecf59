"""/healthz: the process is up (no token needed)."""

from __future__ import annotations

from flask.views import MethodView
from marshmallow import Schema, fields

from dealtrail.web.json import Blueprint

blp = Blueprint("health", __name__, description="Liveness")


class HealthSchema(Schema):
    status = fields.String()


@blp.route("/healthz")
class Health(MethodView):
    @blp.response(200, HealthSchema)
    def get(self) -> dict[str, str]:
        """The process is up."""
        return {"status": "ok"}
