"""A SQLite data dir whose files cannot be written, as a read-only directory and files make them,
even for root (the tests run as root in CI, for whom chmod stops nothing).

As root each file and the directory are made immutable (`chattr +i`): the kernel then refuses a
write even through a descriptor opened before (EPERM), and an open for writing, so SQLite opens
a new connection read-only. Otherwise they are made read-only (`chmod a-w`), which stops only
the opens. The shared-memory index (`*-shm`) is left alone: SQLite maps it into memory, and a
write to a mapped immutable page would kill the process instead of failing a call.
"""

from __future__ import annotations

import os
import stat
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _paths(data_dir: Path) -> list[Path]:
    return [data_dir, *(p for p in data_dir.iterdir() if not p.name.endswith("-shm"))]


def _chattr(flag: str, paths: list[Path]) -> None:
    subprocess.run(["chattr", flag, *map(str, paths)], check=True, capture_output=True)


def check_can_make_unwritable(data_dir: Path) -> None:
    """Skips the test where the files cannot be made unwritable to this user."""
    if os.geteuid() != 0:
        return
    try:
        _chattr("+i", [data_dir])
    except (OSError, subprocess.CalledProcessError) as error:
        why = getattr(error, "stderr", b"").decode().strip() or str(error)
        pytest.skip(f"chattr +i is refused here (as root, chmod would stop nothing): {why}")
    _chattr("-i", [data_dir])


@contextmanager
def unwritable(data_dir: Path) -> Iterator[None]:
    """The databases in `data_dir` (and the directory) cannot be written until the block ends."""
    paths = _paths(data_dir)
    if os.geteuid() == 0:
        _chattr("+i", paths)
        try:
            yield
        finally:
            _chattr("-i", paths)
        return
    modes = {path: path.stat().st_mode for path in paths}
    for path, mode in modes.items():
        path.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    try:
        yield
    finally:
        for path, mode in modes.items():
            path.chmod(mode)
