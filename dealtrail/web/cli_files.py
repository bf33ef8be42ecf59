"""Files named on the command line: one that cannot be opened ends the command in one line."""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

import click


class FileProblem(click.ClickException):
    """`Error: cannot read FILE: reason` on stderr; exit 2, click's code for a usage error."""

    exit_code = 2


def opened(path: Path, mode: str = "r", encoding: str | None = None) -> IO[Any]:
    """`path.open(...)`, refusing a file that is missing, a directory, or not permitted."""
    try:
        return path.open(mode, encoding=encoding)
    except OSError as error:
        verb = "read" if "r" in mode else "write"
        raise FileProblem(f"cannot {verb} {path}: {error.strerror or error}") from None
