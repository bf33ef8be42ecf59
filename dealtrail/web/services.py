"""The services of the app handling the request (built by dealtrail/bootstrap.py)."""

from __future__ import annotations

from flask import current_app

from dealtrail.bootstrap import Services

__all__ = ["Services", "services"]


def services() -> Services:
    return current_app.extensions["dealtrail"]
