"""JSON in and out: numbers parse as exact Decimals; NaN/Infinity, strings that are not Unicode
text (lone UTF-16 surrogates), integers too long to read, nesting too deep to parse are refused
as malformed, and a key given twice in one object as a duplicate (one of its values would be
silently lost)."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

import flask
import flask_smorest
import marshmallow as ma
from flask.json.provider import DefaultJSONProvider
from webargs import core
from webargs.flaskparser import FlaskParser, is_json_request


def _reject_constant(name: str) -> Any:
    raise json.JSONDecodeError(f"{name} is not a JSON number", name, 0)


# Half of a UTF-16 pair: JSON's \ud800 escapes decode to it, but no text is made of it (it cannot
# even be written out as UTF-8).
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
BODY = "(the request body)"  # the error's document: never empty, which would read as no body


def _reject_lone_surrogates(value: Any) -> None:
    pending = [value]
    while pending:  # no recursion: the value may be nested as deep as the parser allows
        item = pending.pop()
        if isinstance(item, str):
            if LONE_SURROGATE.search(item):
                raise json.JSONDecodeError("A string holds a lone UTF-16 surrogate", BODY, 0)
        elif isinstance(item, dict):
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)


class DuplicateKey(json.JSONDecodeError):
    """A key given more than once in one JSON object."""

    def __init__(self, key: str) -> None:
        super().__init__(f"The key {key!r} is given more than once in one object", BODY, 0)
        self.key = key


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj: dict[str, Any] = {}
    for key, value in pairs:
        if key in obj:
            raise DuplicateKey(key)
        obj[key] = value
    return obj


def _integer(text: str) -> int:
    try:
        return int(text)
    except ValueError:  # more digits than Python converts (sys.get_int_max_str_digits)
        raise json.JSONDecodeError(f"A number of {len(text)} digits", BODY, 0) from None


def exact_loads(text: str | bytes) -> Any:
    try:
        value = json.loads(
            text,
            parse_float=Decimal,
            parse_int=_integer,
            parse_constant=_reject_constant,
            object_pairs_hook=_object,
        )
    except RecursionError:
        raise json.JSONDecodeError("Nested too deeply", BODY, 0) from None
    _reject_lone_surrogates(value)
    return value


class ExactJSONProvider(DefaultJSONProvider):
    ensure_ascii = False
    sort_keys = False

    def loads(self, s: str | bytes, **kwargs: Any) -> Any:
        return exact_loads(s)


class ExactParser(FlaskParser):
    # Unknown query parameters are refused too (a misspelt filter must not list everything).
    DEFAULT_UNKNOWN_BY_LOCATION = {**FlaskParser.DEFAULT_UNKNOWN_BY_LOCATION, "query": None}

    def _handle_invalid_json_error(self, error: Exception, req: flask.Request, *_: Any) -> Any:
        if isinstance(error, DuplicateKey):
            flask_smorest.abort(400, message=f"{error.msg}.", code="body.duplicate_key")
        if isinstance(error, json.JSONDecodeError):  # say why: a body may be JSON yet unreadable
            flask_smorest.abort(400, message=f"Invalid JSON body: {error.msg}.")
        return super()._handle_invalid_json_error(error, req)

    def _raw_load_json(self, req: flask.Request) -> Any:
        if not is_json_request(req):
            return core.missing
        data = req.get_data(cache=True)
        try:
            return exact_loads(data.decode("utf-8"))
        except UnicodeDecodeError as exc:
            raise json.JSONDecodeError("Body is not UTF-8", repr(data), exc.start) from exc


class Blueprint(flask_smorest.Blueprint):
    """A flask-smorest blueprint that parses JSON bodies exactly, each route through one schema
    built when the route is declared (webargs builds one per request from a schema class)."""

    ARGUMENTS_PARSER = ExactParser()

    def arguments(self, schema: Any, **kwargs: Any) -> Any:
        if isinstance(schema, type) and issubclass(schema, ma.Schema):
            schema = schema()
        return super().arguments(schema, **kwargs)
