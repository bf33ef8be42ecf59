"""Who runs a CLI command: recorded as the actor of the events it causes."""

from __future__ import annotations

import getpass
import os


def operator() -> str:
    try:
        user = getpass.getuser()
    except OSError:
        user = str(os.getuid())
    return f"cli:{user}"
