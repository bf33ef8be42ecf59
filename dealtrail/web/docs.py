"""Swagger UI's files for /api/docs, served from the swagger-ui-py package: no internet needed."""

from __future__ import annotations

from pathlib import Path

import swagger_ui
from flask import Blueprint, Response, send_from_directory

STATIC = Path(swagger_ui.__file__).parent / "static"

blp = Blueprint("docs_assets", __name__)


@blp.get("/api/docs/static/<path:filename>")
def asset(filename: str) -> Response:
    return send_from_directory(STATIC, filename, max_age=86400)
