"""A page on another origin calls a real `dealtrail serve` with fetch() from headless Chromium:
on a listed origin its preflights let through the headers it sends (idempotency, correlation,
read-your-writes, If-Match) and it reads the headers the API answers with; on an origin not
listed the browser blocks the call."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from dealtrail.infrastructure.settings import Settings
from tests.e2e.dashboard_page import needs_chromium
from tests.e2e.in_thread import served
from tests.e2e.serving import create_token, serving

pytestmark = needs_chromium

CALLS = """
const [base, token, done] = arguments;
const READ = ['ETag', 'Location', 'Dealtrail-Log-Position', 'Dealtrail-Leaf-Hash',
  'Dealtrail-Receipt', 'Idempotent-Replayed', 'X-Correlation-ID'];
const read = (r) => ({status: r.status,
  ...Object.fromEntries(READ.map((name) => [name, r.headers.get(name)]))});
const sent = {'Authorization': `Bearer ${token}`, 'Content-Type': 'application/json',
  'Idempotency-Key': 'register-tashkent', 'X-Correlation-ID': 'browser-session',
  'X-Causation-ID': 'button-click'};
const party = JSON.stringify({name: 'Tashkent TU', kind: 'university', country: 'UZ'});
(async () => {
  const created = await fetch(`${base}/parties`, {method: 'POST', headers: sent, body: party});
  const replayed = await fetch(`${base}/parties`, {method: 'POST', headers: sent, body: party});
  const id = (await created.json()).id;
  const fresh = await fetch(`${base}/parties/${id}`, {headers: {'Authorization': sent.Authorization,
    'Dealtrail-Min-Position': created.headers.get('Dealtrail-Log-Position')}});
  const renamed = await fetch(`${base}/parties/${id}/name`, {method: 'PUT',
    headers: {...sent, 'Idempotency-Key': 'rename-tashkent',
      'If-Match': created.headers.get('ETag')},
    body: JSON.stringify({name: 'Tashkent State Technical University'})});
  done({created: read(created), replayed: read(replayed), fresh: read(fresh),
    renamed: read(renamed)});
})().catch((error) => done({error: String(error)}));
"""


class Page(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = b"<!doctype html><title>A partner's site</title>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def site() -> Iterator[str]:
    """An origin of its own (another port) serving an empty page."""
    with served(ThreadingHTTPServer(("127.0.0.1", 0), Page)) as origin:
        yield origin


def calls_from(browser: Any, origin: str, base: str, token: str) -> dict[str, Any]:
    browser.get(origin + "/")
    return browser.execute_async_script(CALLS, base, token)


def test_a_page_on_a_listed_origin_sends_and_reads_every_header_and_another_is_blocked(
    browser: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    token = create_token(settings, "staff", "Li Na")
    browser.set_script_timeout(30)
    with site() as partner, site() as stranger:
        monkeypatch.setenv("DEALTRAIL_CORS_ORIGINS", partner)
        with serving(settings, workers=1) as server:
            seen = calls_from(browser, partner, server.base, token)
            blocked = calls_from(browser, stranger, server.base, token)

    assert "error" not in seen, seen
    created, replayed, fresh, renamed = (
        seen[k] for k in ("created", "replayed", "fresh", "renamed")
    )
    assert (created["status"], replayed["status"], fresh["status"]) == (201, 201, 200)
    assert "/api/v1/parties/" in created["Location"]
    assert created["ETag"] == '"1"' and created["X-Correlation-ID"] == "browser-session"
    assert int(created["Dealtrail-Log-Position"]) >= 1 and len(created["Dealtrail-Leaf-Hash"]) == 64
    assert replayed["Idempotent-Replayed"] == "true"
    assert replayed["Dealtrail-Leaf-Hash"] == created["Dealtrail-Leaf-Hash"]
    assert created["Dealtrail-Receipt"]
    assert replayed["Dealtrail-Receipt"] == created["Dealtrail-Receipt"]
    assert (renamed["status"], renamed["ETag"]) == (200, '"2"')
    assert blocked == {"error": "TypeError: Failed to fetch"}
