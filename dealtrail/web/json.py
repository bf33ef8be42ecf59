"""JSON in and out: numbers parse as exact Decimals; NaN/Infinity, strings that are not Unicode
text (lone UTF-16 surrogates) and nesting too deep to parse are refused as malformed."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

import flask
import flask_smorest
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


def exact_loads(text: str | bytes) -> Any:
    try:
        value = json.loads(text, parse_float=Decimal, parse_constant=_reject_constant)
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

    def _raw_load_json(self, req: flask.Request) -> Any:
        if not is_json_request(req):
            return core.missing
        data = req.get_data(cache=True)
        try:
            return exact_loads(data.decode("utf-8"))
        except UnicodeDecodeError as exc:
            raise json.JSONDecodeError("Body is not UTF-8", repr(data), exc.start) from exc


class Blueprint(flask_smorest.Blueprint):
    """A flask-smorest blueprint that parses JSON bodies exactly."""

    ARGUMENTS_PARSER = ExactParser()
