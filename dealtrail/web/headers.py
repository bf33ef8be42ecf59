"""Response headers every page and answer carries: security headers, and CORS only if asked."""

from __future__ import annotations

from flask import Flask, Response, request
from flask_cors import CORS

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}

# The docs page runs Swagger UI's own scripts and styles, served by us: nothing from elsewhere.
HTML_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)

# The dashboard's own files only: no inline script or style, calls to this origin only, and no
# form submission at all (its sign-in form is handled by script, so a token never enters a URL).
DASHBOARD_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
)


def add_security_headers(response: Response) -> Response:
    """Each header unless the response set its own (the names it holds are read once: a
    `setdefault` per header costs a search and, when absent, a KeyError)."""
    headers = response.headers
    present = {name.lower() for name, _ in headers}
    added = [(n, v) for n, v in SECURITY_HEADERS.items() if n.lower() not in present]
    if response.mimetype == "text/html" and "content-security-policy" not in present:
        dashboard = request.path == "/dashboard" or request.path.startswith("/dashboard/")
        added.append(("Content-Security-Policy", DASHBOARD_POLICY if dashboard else HTML_POLICY))
    if request.path.startswith("/api/v1/") and "cache-control" not in present:
        added.append(("Cache-Control", "no-store"))
    headers.extend(added)
    return response


# What a browser on another origin may send and read: without them it could not authenticate,
# send JSON, ask for read-your-writes, retry safely or update only the version it read.
CORS_REQUEST_HEADERS = [
    "Authorization",
    "Content-Type",
    "If-Match",
    "Idempotency-Key",
    "Dealtrail-Min-Position",
    "X-Correlation-ID",
    "X-Causation-ID",
]
CORS_RESPONSE_HEADERS = [
    "ETag",
    "Location",
    "Dealtrail-Log-Position",
    "Dealtrail-Leaf-Hash",
    "Dealtrail-Receipt",
    "Idempotent-Replayed",
    "X-Correlation-ID",
    "Retry-After",
    "Content-Disposition",
]


def enable_cors(app: Flask, origins: tuple[str, ...]) -> None:
    """CORS is off unless DEALTRAIL_CORS_ORIGINS names the origins a browser may call from."""
    if origins:
        CORS(
            app,
            resources={r"/api/*": {"origins": list(origins)}},
            expose_headers=CORS_RESPONSE_HEADERS,
            allow_headers=CORS_REQUEST_HEADERS,
        )
