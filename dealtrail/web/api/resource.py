"""One way to expose an aggregate: its collection, the record by id (with time travel), its
history, and a route per command, each answering with the record as the command left it.

Routes are declared as data and registered here, so every aggregate's API has the same shape
and the OpenAPI document is still the code: each route's text becomes its summary, and each
view keeps the name the role matrix (dealtrail/web/access.py) knows it by.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any
from uuid import UUID

import marshmallow as ma
from flask import url_for
from flask.views import MethodView

from dealtrail.application.command import Command
from dealtrail.application.ports.views import ListQuery
from dealtrail.domain.base import Recorded
from dealtrail.web.api.history import history_page
from dealtrail.web.api.schemas.history import (
    HistoryPageSchema,
    HistoryQuerySchema,
    VersionQuerySchema,
)
from dealtrail.web.commands import etag, result_headers, submit
from dealtrail.web.json import Blueprint
from dealtrail.web.services import services

Response = tuple[Any, dict[str, str]]


@dataclass(frozen=True)
class Step:
    """A command's route: the view's name, its path below the collection, the body schema, the
    command it builds and the text that documents it."""

    view: str
    rule: str
    body: type[ma.Schema]
    command: type[Command]
    doc: str
    method: str = "post"


@dataclass(frozen=True)
class Listing:
    """The collection's list: the schema of its query parameters, the query (of the views port)
    they make, the page schema, the list (of the views port) that answers it, and the text that
    documents it."""

    schema: type[ma.Schema]
    query: type[ListQuery]
    page: type[ma.Schema]
    view: str
    doc: str

    def __post_init__(self) -> None:
        if set(self.schema().fields) != {f.name for f in fields(self.query)}:
            raise TypeError(f"{self.schema.__name__} must take the fields of {self.query.__name__}")


class Resource:
    def __init__(
        self,
        blp: Blueprint,
        kind: type[Recorded],
        schema: type[ma.Schema],
        noun: str,
        id_param: str,
    ) -> None:
        self.blp = blp
        self.kind = kind
        self.schema = schema
        self.noun = noun  # the views' prefix: "Agreement" for AgreementById
        self.id_param = id_param
        self.record_rule = f"/<uuid:{id_param}>"

    def collection(self, listing: Listing, create: Step) -> None:
        """The collection (`create`'s view and rule): GET lists it from its view, POST records
        a new record with `create` (201, with its Location)."""
        schema, by_id = self.schema, f"{self.blp.name}.{self.noun}ById"
        id_param = self.id_param

        def get(_: Any, query: dict[str, Any]) -> dict[str, Any]:
            lists: Any = services().views
            return getattr(lists, listing.view).search(listing.query(**query))

        def post(_: Any, body: dict[str, Any]) -> Response:
            result = submit(create.command, body)
            headers = result_headers(result)
            headers["Location"] = url_for(by_id, **{id_param: result.aggregate_id})
            return result, headers

        get.__doc__, post.__doc__ = listing.doc, create.doc
        self.route(
            create.view,
            create.rule,
            get=self.blp.arguments(listing.schema, location="query")(
                self.blp.response(200, listing.page)(get)
            ),
            post=self.blp.arguments(create.body)(self.blp.response(201, schema)(post)),
        )

    def by_id(self, doc: str) -> None:
        """The record now, at a version, as recorded at a time or as in effect at a time."""
        kind = self.kind

        def get(_: Any, query: dict[str, Any], **path: UUID) -> Response:
            (aggregate_id,) = path.values()
            record = _load_version(kind, aggregate_id, query)
            return record, etag(record.version)

        get.__doc__ = doc
        self.route(
            f"{self.noun}ById",
            self.record_rule,
            get=self.blp.arguments(VersionQuerySchema, location="query")(
                self.blp.response(200, self.schema)(get)
            ),
        )

    def history(self, doc: str) -> None:
        kind = self.kind

        def get(_: Any, query: dict[str, Any], **path: UUID) -> dict[str, Any]:
            (aggregate_id,) = path.values()
            ledger = services().ledger
            return history_page(ledger, kind, aggregate_id, query["after"], query["limit"])

        get.__doc__ = doc
        self.route(
            f"{self.noun}History",
            f"{self.record_rule}/history",
            get=self.blp.arguments(HistoryQuerySchema, location="query")(
                self.blp.response(200, HistoryPageSchema)(get)
            ),
        )

    def steps(self, *steps: Step) -> None:
        for step in steps:
            self.route(step.view, step.rule, **{step.method: self.command_view(step)})

    def command_view(self, step: Step) -> Callable[..., Response]:
        """A view function recording `step`'s command, for a route of its own or a method of a
        view written by hand."""

        def record(_: Any, body: dict[str, Any], **path: Any) -> Response:
            result = submit(step.command, body, **path)
            return result, result_headers(result)

        record.__doc__ = step.doc
        return self.blp.arguments(step.body)(self.blp.response(200, self.schema)(record))

    def route(self, view: str, rule: str, **methods: Callable[..., Any]) -> None:
        """Registers a view named `view` (as the role matrix knows it) with these methods."""
        # One instance serves every request (its methods keep no state): not one per request.
        self.blp.route(rule)(type(view, (MethodView,), {"init_every_request": False, **methods}))


def _load_version(kind: type[Recorded], aggregate_id: UUID, query: dict[str, Any]) -> Any:
    ledger = services().ledger
    if "as_of" in query:
        return ledger.get_as_of(kind, aggregate_id, query["as_of"])
    if "effective_at" in query:
        return ledger.get_in_effect(kind, aggregate_id, query["effective_at"])
    return ledger.get(kind, aggregate_id, query.get("version"))
