"""/api/v1/tokens: admins issue, list and revoke API tokens (each recorded as an event)."""

from __future__ import annotations

from typing import Any

import marshmallow as ma
from flask import abort
from flask.views import MethodView
from marshmallow import fields

from dealtrail.application.commands.tokens import issue_token, revoke_token
from dealtrail.application.ports.tokens import Role
from dealtrail.domain.api_token import MAX_HOLDER
from dealtrail.web.api.schemas.common import CommandSchema
from dealtrail.web.api.schemas.text import Name
from dealtrail.web.commands import command, result_headers
from dealtrail.web.json import Blueprint
from dealtrail.web.services import services

blp = Blueprint("tokens", __name__, url_prefix="/api/v1/tokens", description="API tokens (admin)")


class TokenIn(CommandSchema):
    name = Name(
        MAX_HOLDER,
        required=True,
        metadata={"description": "Whose token: one line, recorded on every event"},
    )
    role = fields.Enum(Role, by_value=True, required=True)


class TokenOut(ma.Schema):
    token_id = fields.String()
    name = fields.String()
    role = fields.String()
    created_at = fields.DateTime()
    created_by = fields.String()
    revoked_at = fields.DateTime(allow_none=True)


class IssuedTokenOut(TokenOut):
    secret = fields.String(metadata={"description": "Shown this once; only its hash is kept"})


@blp.route("")
class Tokens(MethodView):
    @blp.response(200, TokenOut(many=True))
    def get(self) -> list[Any]:
        """Every token (never a secret)."""
        return services().tokens.list()

    @blp.arguments(TokenIn)
    @blp.response(201, IssuedTokenOut)
    def post(self, body: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
        """Issue a token; the response holds its secret, which is never shown again."""
        svc = services()
        with command(body):
            info, secret, result = issue_token(svc.ledger, svc.tokens, body["name"], body["role"])
        return {**vars(info), "secret": secret}, result_headers(result)


@blp.route("/<string:token_id>")
class TokenById(MethodView):
    @blp.response(200, TokenOut)
    def delete(self, token_id: str) -> tuple[Any, dict[str, str]]:
        """Revoke a token: it stops working at once."""
        svc = services()
        with command({}) as options:
            result = revoke_token(svc.ledger, svc.tokens, token_id, options)
        if result is None:
            abort(404, description=f"No active token with id {token_id}.")
        token = next(t for t in svc.tokens.list() if t.token_id == token_id)
        return token, result_headers(result)
