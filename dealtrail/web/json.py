"""JSON in and out: numbers parse as exact Decimals, and NaN/Infinity are refused as malformed."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import flask
import flask_smorest
from flask.json.provider import DefaultJSONProvider
from webargs import core
from webargs.flaskparser import FlaskParser, is_json_request


def _reject_constant(name: str) -> Any:
    raise json.JSONDecodeError(f"{name} is not a JSON number", name, 0)


def exact_loads(text: str | bytes) -> Any:
    return json.loads(text, parse_float=Decimal, parse_constant=_reject_constant)


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
