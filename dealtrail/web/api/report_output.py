"""Answering with a report in JSON or, if asked, in CSV.

CSV follows RFC 4180: a header row, CRLF line ends, fields quoted when they must be. Amounts are
the same exact decimal strings as in JSON. A text cell that a spreadsheet would read as a
formula (starting with = + - @, tab or CR) is prefixed with an apostrophe.

The header row names the columns by their codes, for programs; a request that says which
languages its reader prefers (`Accept-Language`, as every browser does) gets the catalogue's
labels of the columns instead, in the first of them that dealtrail speaks (English otherwise),
after a byte order mark, so that a spreadsheet reads the Chinese as UTF-8.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

import marshmallow as ma
from flask import Response, after_this_request, request
from werkzeug.datastructures import MIMEAccept

from dealtrail.web.i18n.catalogue import code_labels
from dealtrail.web.i18n.languages import ENGLISH, preferred

CSV = "text/csv"
BOM = "\ufeff"  # for people: spreadsheets (Excel) read a CSV as UTF-8 only when it starts so
JSON = "application/json"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# Added to each report's OpenAPI operation: the 200 answer is also available as CSV.
CSV_DOC = {
    "responses": {
        200: {
            "content": {
                CSV: {
                    "schema": {
                        "type": "string",
                        "description": "The rows as CSV (RFC 4180), with a header row",
                    }
                }
            }
        }
    }
}


def answer(report: dict[str, Any], row: type[ma.Schema], name: str) -> dict[str, Any] | Response:
    """The report for flask-smorest to dump as JSON, or its rows as CSV if the client prefers."""
    after_this_request(_varies_by_accept)
    if prefers_csv():
        return csv_response(report["rows"], row(), name)
    return report


def prefers_csv() -> bool:
    """Whether the client prefers CSV to JSON; media type parameters (`text/csv;charset=utf-8`)
    do not change the type asked for."""
    types = MIMEAccept((value.split(";")[0].strip(), q) for value, q in request.accept_mimetypes)
    return types.best_match([JSON, CSV]) == CSV


def _varies_by_accept(response: Response) -> Response:
    response.vary.add("Accept")
    return response


def csv_response(rows: Iterable[dict[str, Any]], schema: ma.Schema, name: str) -> Response:
    columns = list(schema.dump_fields)
    language = _reader_language()
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if language is None:
        writer.writerow(columns)
    else:
        labels = code_labels(language)
        writer.writerow([labels[f"column.{column}"] for column in columns])
    for record in schema.dump(rows, many=True):
        writer.writerow([_cell(record.get(column)) for column in columns])
    response = Response(
        (BOM if language else "") + buffer.getvalue(),
        content_type=f"{CSV}; charset=utf-8; header=present",
        headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
    )
    response.vary.add("Accept-Language")
    if language is not None:
        response.headers["Content-Language"] = language
    return response


def _reader_language() -> str | None:
    """The language of the header row's labels, or None for codes (no Accept-Language sent)."""
    if not request.headers.get("Accept-Language", "").strip():
        return None
    return preferred(request.accept_languages) or ENGLISH


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    if isinstance(value, str) and text.startswith(FORMULA_STARTS):
        return "'" + text
    return text
