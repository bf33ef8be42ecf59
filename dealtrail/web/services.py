"""The services of the app handling the request (built by dealtrail/bootstrap.py)."""

from __future__ import annotations

from flask import current_app

from dealtrail.bootstrap import DatabaseURLError, Services, Settings, StoreFormatMismatch

# The web reaches infrastructure only through the composition root: the CLI catches the stores'
# refusals, and the app builds its settings.
__all__ = ["DatabaseURLError", "Services", "Settings", "StoreFormatMismatch", "services"]


def services() -> Services:
    return current_app.extensions["dealtrail"]
