"""The web layer's per-request shortcuts keep Flask's behaviour: a coroutine function is still
made synchronous, and a response's own header is never overwritten or repeated."""

from __future__ import annotations

from typing import Any

from flask import Response

from dealtrail.web.app import DealtrailFlask
from dealtrail.web.headers import add_security_headers


class Recording(DealtrailFlask):
    """Flask's own wrapping of coroutine functions needs asgiref: recorded here instead."""

    def async_to_sync(self, func: Any) -> Any:
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            return ("made synchronous", func)

        return wrapped


def plain() -> str:
    return "plain"


async def coroutine() -> str:
    return "coroutine"


class View:
    def get(self) -> str:
        return "view"

    async def post(self) -> str:
        return "view"


def test_a_plain_function_or_method_is_called_as_it_is_every_time() -> None:
    app = Recording(__name__)
    view = View()
    for _ in range(2):
        assert app.ensure_sync(plain) is plain
        method = view.get  # a new bound method each request, of one function
        assert app.ensure_sync(method) is method


def test_a_coroutine_function_is_made_synchronous_every_time() -> None:
    app = Recording(__name__)
    app.ensure_sync(plain)
    for _ in range(2):
        assert app.ensure_sync(coroutine)() == ("made synchronous", coroutine)
        method = View().post
        assert app.ensure_sync(method)() == ("made synchronous", method)


def test_security_headers_leave_a_response_s_own_and_are_added_once() -> None:
    app = DealtrailFlask(__name__)
    with app.test_request_context("/api/v1/parties"):
        response = Response("{}", mimetype="application/json")
        response.headers["X-Frame-Options"] = "SAMEORIGIN"
        response.headers["cache-control"] = "max-age=60"
        add_security_headers(add_security_headers(response))
    assert response.headers.getlist("X-Frame-Options") == ["SAMEORIGIN"]
    assert response.headers.getlist("Cache-Control") == ["max-age=60"]
    assert response.headers.getlist("X-Content-Type-Options") == ["nosniff"]
    assert response.headers.getlist("Referrer-Policy") == ["no-referrer"]
    assert "Content-Security-Policy" not in response.headers


def test_an_html_page_gets_its_policy_unless_it_set_one() -> None:
    app = DealtrailFlask(__name__)
    with app.test_request_context("/dashboard"):
        page = add_security_headers(Response("<p>", mimetype="text/html"))
        own = Response("<p>", mimetype="text/html")
        own.headers["Content-Security-Policy"] = "default-src 'none'"
        add_security_headers(own)
    assert "connect-src 'self'" in page.headers["Content-Security-Policy"]
    assert own.headers.getlist("Content-Security-Policy") == ["default-src 'none'"]
    assert "Cache-Control" not in page.headers
