"""The shipped nginx configuration (deploy/nginx), run standalone in front of a test's server."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.e2e.serving import free_port, running

DEPLOY = Path(__file__).parents[2] / "deploy" / "nginx"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def _render(port: int, upstream: str) -> str:
    """dealtrail.conf as an operator would set it: its `listen` and upstream `server`."""
    text = (DEPLOY / "dealtrail.conf").read_text()
    for shipped, ours in (
        ("listen 8080;", f"listen 127.0.0.1:{port};"),
        ("server 127.0.0.1:8000;", f"server {upstream};"),
    ):
        assert text.count(shipped) == 1, f"dealtrail.conf no longer holds {shipped!r}"
        text = text.replace(shipped, ours)
    return text


@contextmanager
def nginx(prefix: Path, upstream: str) -> Iterator[str]:
    """Runs nginx with the shipped configuration, proxying to `upstream` (host:port), until the
    block ends; yields its base URL once it answers (polling, with a deadline)."""
    port = free_port()
    (prefix / "temp").mkdir(parents=True)
    (prefix / "dealtrail.conf").write_text(_render(port, upstream))
    shutil.copy(DEPLOY / "standalone.conf", prefix)
    log = prefix / "error.log"
    process = subprocess.Popen(
        # one process (no master): as root too, no worker switches to a user that cannot
        # write the test's temporary directory
        [NGINX, "-p", f"{prefix}/", "-c", str(prefix / "standalone.conf"), "-e", str(log),
         "-g", "daemon off; master_process off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    with running(process, base + "/nginx-is-up", log.read_text, "nginx"):
        yield base
