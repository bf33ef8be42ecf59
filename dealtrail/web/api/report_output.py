"""Answering with a report in JSON or, if asked, in CSV.

CSV follows RFC 4180: a header row, CRLF line ends, fields quoted when they must be. Amounts are
the same exact decimal strings as in JSON. A text cell that a spreadsheet would read as a
formula (starting with = + - @, tab or CR) is prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

import marshmallow as ma
from flask import Response, request

CSV = "text/csv"
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
    if request.accept_mimetypes.best_match([JSON, CSV]) == CSV:
        return csv_response(report["rows"], row(), name)
    return report


def csv_response(rows: Iterable[dict[str, Any]], schema: ma.Schema, name: str) -> Response:
    columns = list(schema.dump_fields)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for record in schema.dump(rows, many=True):
        writer.writerow([_cell(record.get(column)) for column in columns])
    return Response(
        buffer.getvalue(),
        content_type=f"{CSV}; charset=utf-8; header=present",
        headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
    )


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    if isinstance(value, str) and text.startswith(FORMULA_STARTS):
        return "'" + text
    return text
