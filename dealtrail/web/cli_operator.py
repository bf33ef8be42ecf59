"""Who runs a CLI command: recorded as the actor of the events it causes."""

from __future__ import annotations

import getpass
import os


def os_user() -> str:
    try:
        return getpass.getuser()
    except OSError:
        return str(os.getuid())


def operator() -> str:
    return f"cli:{os_user()}"
