"""The shipped nginx configuration (deploy/nginx), run standalone in front of a test's server."""

from __future__ import annotations

import shutil
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.e2e.serving import START_WITHIN, free_port

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
    try:
        deadline = time.monotonic() + START_WITHIN
        while True:
            try:
                with urllib.request.urlopen(base + "/nginx-is-up", timeout=1):
                    break
            except urllib.error.HTTPError:
                break  # nginx answered (whatever the upstream made of it)
            except OSError as error:
                if process.poll() is not None or time.monotonic() > deadline:
                    failed = f"nginx did not start ({error}): {log.read_text()}"
                    raise RuntimeError(failed) from None
                time.sleep(0.05)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
