"""The Flask application factory."""

from __future__ import annotations

from collections.abc import Callable
from inspect import iscoroutinefunction
from types import FunctionType
from typing import Any
from weakref import WeakSet

from apispec import APISpec
from flask import Flask, Response, request
from flask_smorest import Api
from werkzeug.exceptions import BadRequest, HTTPException, UnsupportedMediaType
from werkzeug.middleware.proxy_fix import ProxyFix

from dealtrail.application.errors import ApplicationError
from dealtrail.bootstrap import Services, Settings, bootstrap
from dealtrail.domain.audit.subtrees import MissingSubtree
from dealtrail.domain.audit.tree_head import TreeForked
from dealtrail.domain.errors import DomainError
from dealtrail.web import access, docs, problems
from dealtrail.web.api import (
    achievements,
    agreements,
    health,
    ip_assets,
    ip_transfers,
    listings,
    parties,
    reports,
    trading_events,
)
from dealtrail.web.api import audit as audit_api
from dealtrail.web.api import events as events_api
from dealtrail.web.api import privacy as privacy_api
from dealtrail.web.api import tokens as tokens_api
from dealtrail.web.api.schemas.common import ProblemSchema
from dealtrail.web.commands import assign_correlation_id, echo_correlation_id
from dealtrail.web.consistency import wait_for_views
from dealtrail.web.dashboard import blp as dashboard_blp
from dealtrail.web.headers import add_security_headers, enable_cors
from dealtrail.web.json import ExactJSONProvider
from dealtrail.web.logs import log_request, start_timer
from dealtrail.web.spec import ProblemResponses
from dealtrail.web.spec_fields import SchemaRules, document_fields
from dealtrail.web.spec_headers import HeaderDeclarations
from dealtrail.web.spec_receipts import ReceiptHeaders

API_BLUEPRINTS = (
    health.blp,
    parties.blp,
    agreements.blp,
    listings.blp,
    audit_api.blp,
    events_api.blp,
    privacy_api.blp,
    tokens_api.blp,
    achievements.blp,
    trading_events.blp,
    ip_assets.blp,
    ip_transfers.blp,
    reports.blp,
)
# The OpenAPI document, as the process's first app built it: it depends on the code alone (every
# app registers the same blueprints), and building it is most of an app's start-up, so the later
# apps of the process (a test suite builds one per test) serve the same one.
_documented: list[APISpec] = []


class DealtrailFlask(Flask):
    """Flask, with whether a function is a coroutine function asked once per function: Flask
    asks it of every hook, view and handler on every request (about 14 times a request)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._synchronous: WeakSet[FunctionType] = WeakSet()

    def ensure_sync(self, func: Callable[..., Any]) -> Callable[..., Any]:
        plain = getattr(func, "__func__", func)  # a bound method: its function
        if plain in self._synchronous:
            return func
        if isinstance(plain, FunctionType) and not iscoroutinefunction(func):
            self._synchronous.add(plain)
            return func
        return super().ensure_sync(func)


class DealtrailApi(Api):
    ERROR_SCHEMA = ProblemSchema

    def handle_http_exception(self, error: HTTPException) -> Any:
        return problems.http_problem(error)

    def register_api_blueprints(self) -> None:
        if _documented:
            for blueprint in API_BLUEPRINTS:  # Api.register_blueprint, but for the document
                self._app.extensions["flask-smorest"]["blp_name_to_api"][blueprint.name] = self
                self._app.register_blueprint(blueprint)
            self.spec = _documented[0]
            return
        document_fields(self.ma_plugin)
        self.spec.components.security_scheme(
            "bearer", {"type": "http", "scheme": "bearer", "description": "dealtrail API token"}
        )
        self.spec.options["security"] = [{"bearer": []}]
        for blueprint in API_BLUEPRINTS:
            self.register_blueprint(blueprint)
        _documented.append(self.spec)


def _require_json_body() -> None:
    """Bodies must be JSON: anything else is refused before it reaches a parser."""
    if request.method in ("POST", "PUT", "PATCH") and request.content_length:
        mimetype = request.mimetype or ""
        if not (mimetype == "application/json" or mimetype.endswith("+json")):
            raise UnsupportedMediaType("Send the body as application/json.")


def _refuse_nul_in_url() -> Response | None:
    """A NUL in the path or a query parameter is refused before any route reads it: no store
    can hold one (PostgreSQL refuses it in any text), so it can name nothing that exists."""
    if "\0" in request.path:
        raise BadRequest("A NUL character cannot appear in a URL's path.")
    errors = [
        {"field": name, "location": "query", "message": "A NUL character is not allowed."}
        for name, value in request.args.items(multi=True)
        if "\0" in name + value
    ]
    if not errors:
        return None
    fields = ", ".join(e["field"] for e in errors)
    detail = f"The request has invalid fields: {fields}."
    return problems.problem(422, "validation_failed", detail, errors)


def create_app(config: dict[str, Any] | None = None, services: Services | None = None) -> Flask:
    """Builds the app. `config` may hold Flask settings and `DEALTRAIL_SETTINGS` (a Settings)."""
    app = DealtrailFlask(__name__)
    app.json_provider_class = ExactJSONProvider
    app.json = ExactJSONProvider(app)
    settings = (config or {}).get("DEALTRAIL_SETTINGS") or Settings.from_env()
    app.config.update(
        API_TITLE="dealtrail",
        API_VERSION="v1",
        OPENAPI_VERSION="3.0.3",
        OPENAPI_URL_PREFIX="/api",
        OPENAPI_JSON_PATH="openapi.json",
        OPENAPI_SWAGGER_UI_PATH="/docs",
        OPENAPI_SWAGGER_UI_URL="/api/docs/static/",
        MAX_CONTENT_LENGTH=settings.max_body_bytes,
    )
    app.config.update(config or {})
    app.extensions["dealtrail"] = services or bootstrap(settings)

    api = DealtrailApi(
        app,
        spec_kwargs={
            "extra_plugins": [
                ProblemResponses(),
                ReceiptHeaders(),
                HeaderDeclarations(),
                SchemaRules(),
            ]
        },
    )
    api.register_api_blueprints()
    app.register_blueprint(docs.blp)
    app.register_blueprint(dashboard_blp)

    app.before_request(start_timer)
    app.before_request(assign_correlation_id)
    app.before_request(_refuse_nul_in_url)
    app.before_request(_require_json_body)
    app.before_request(access.authorise)
    app.before_request(wait_for_views)
    app.after_request(echo_correlation_id)
    app.after_request(add_security_headers)
    app.after_request(log_request)
    enable_cors(app, settings.cors_origins)
    if settings.trusted_proxies > 0:  # the client's address from their X-Forwarded-For
        hops = settings.trusted_proxies
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)  # type: ignore[method-assign]
    app.register_error_handler(DomainError, problems.domain_problem)
    app.register_error_handler(ApplicationError, problems.application_problem)
    app.register_error_handler(TreeForked, problems.fork_problem)
    app.register_error_handler(MissingSubtree, problems.missing_subtree_problem)
    for store_error in problems.STORE_ERRORS:
        app.register_error_handler(store_error, problems.store_problem)
    app.register_error_handler(Exception, problems.unexpected_problem)
    return app
