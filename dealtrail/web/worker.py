"""The gunicorn worker `dealtrail serve` runs: gunicorn's threaded (gthread) worker, with each
request's head read by the worker's event loop before a thread is given to it.

gthread alone hands a connection to a thread as soon as its first bytes arrive; the thread then
blocks reading the rest of the request line and headers, with no time limit. A client that
sends half a request line and waits holds a thread for as long as it likes, so as many such
clients as there are threads stop the worker answering anyone (issue #18).

Here a connection (new, or kept alive after a response) waits in the worker's selector, costing
no thread, until its head is complete (a blank line); only then does a thread read it, from
memory. A head not complete HEAD_SECONDS after the connection was accepted or became readable
again is dropped; one past HEAD_BYTES is refused (431). Held connections are bounded by
gunicorn's `worker_connections` per worker. Bodies are read by the thread: a client that
trickles a body holds one, which is the reverse proxy's job (deploy/nginx buffers bodies).

The errors gunicorn answers itself (a malformed request line or header, a request line past
8 KiB, too many headers, a failure outside the app) go out as problem+json, like the app's own,
instead of gunicorn's HTML page.
"""

from __future__ import annotations

import contextlib
import errno
import html
import json
import re
import selectors
import socket
import time
from collections import deque
from functools import partial
from typing import Any

from gunicorn import http
from gunicorn.workers.gthread import TConn, ThreadWorker

HEAD_SECONDS = 10.0
HEAD_BYTES = 64 * 1024  # far past gunicorn's 8 KiB request line and any header this API reads
HEAD_ENDS = (b"\r\n\r\n", b"\n\n")  # a bare LF ends lines too: gunicorn's parser refuses it (400)


def head_ends(head: bytearray, received_before: int) -> bool:
    """Whether `head` holds an end of head, where its first `received_before` bytes were
    searched already: only the bytes since, and the few before that an end may straddle, are
    searched again (a head trickled a byte a read costs linear time, not quadratic)."""
    since = max(0, received_before - max(map(len, HEAD_ENDS)) + 1)
    return any(head.find(end, since) >= 0 for end in HEAD_ENDS)
# The codes nginx's problems use for the same refusals (deploy/nginx/dealtrail.conf).
CODES = {400: "malformed_request", 414: "uri_too_long", 431: "headers_too_large"}


def problem_answer(status: int, reason: str, detail: str) -> bytes:
    """A whole HTTP response that refuses the request as problem+json, closing the connection."""
    code = CODES.get(status) or re.sub(r"[^a-z]+", "_", reason.lower()).strip("_")
    body = json.dumps(
        {
            "type": f"urn:dealtrail:problem:{code}",
            "title": reason.lower(),
            "status": status,
            "detail": detail,
            "code": code,
        }
    ).encode()
    return (
        f"HTTP/1.1 {status} {reason}\r\n"
        "Content-Type: application/problem+json\r\n"
        f"Content-Length: {len(body)}\r\n"
        "Connection: close\r\n\r\n"
    ).encode("latin-1") + body


TOO_LARGE = problem_answer(
    431,
    "Request Header Fields Too Large",
    f"The request line and headers must end within {HEAD_BYTES} bytes.",
)
_STATUS_LINE = re.compile(rb"^HTTP/1\.1 (\d{3}) ([^\r]*)\r\n")
_PAGE_TEXT = re.compile(rb"</h1>(.*)</body>", re.DOTALL)


class _ProblemSocket:
    """The socket gunicorn writes its own error page to (`util.write_error`): the page goes
    out as the same status with a problem+json body, its message as the detail."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock

    def gettimeout(self) -> float | None:
        return self.sock.gettimeout()

    def setblocking(self, flag: bool) -> None:
        self.sock.setblocking(flag)

    def sendall(self, page: bytes) -> None:
        status = _STATUS_LINE.match(page)
        if status is None:  # not an error page: as it is
            self.sock.sendall(page)
            return
        text = _PAGE_TEXT.search(page)
        detail = html.unescape(text.group(1).decode("latin-1")).strip() if text else ""
        reason = status.group(2).decode("latin-1")
        self.sock.sendall(problem_answer(int(status.group(1)), reason, detail or reason))


class HeadFirstWorker(ThreadWorker):  # type: ignore[misc]
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.heads: deque[TConn] = deque()  # in the order their deadlines fall

    def accept(self, listener: socket.socket) -> None:
        try:
            client, address = listener.accept()
        except OSError as error:
            if error.errno not in (errno.EAGAIN, errno.ECONNABORTED, errno.EWOULDBLOCK):
                raise
            return
        self.nr_conns += 1
        self.await_head(TConn(self.cfg, client, address, listener.getsockname()))

    def on_client_socket_readable(self, conn: TConn, client: socket.socket) -> None:
        """A kept-alive connection sends its next request: its head is awaited as a new one's."""
        self.poller.unregister(client)
        self.keepalived_conns.remove(conn)
        self.await_head(conn)

    def enqueue_req(self, conn: TConn) -> None:
        """A thread takes `conn` once its head is complete. gthread also calls this for a
        kept-alive connection whose client sent (part of) its next request behind the last
        one: those bytes wait for the rest of their head in the loop, as any other."""
        if conn.head_complete:
            conn.head_complete = False
            super().enqueue_req(conn)
        else:
            self.await_head(conn, conn.parser.unreader.take_buffered())

    def await_head(self, conn: TConn, received: bytes = b"") -> None:
        conn.sock.setblocking(False)
        conn.head, conn.refused, conn.head_complete = bytearray(received), False, False
        conn.timeout = time.monotonic() + HEAD_SECONDS
        self.heads.append(conn)
        self.poller.register(conn.sock, selectors.EVENT_READ, partial(self.read_head, conn))
        if received:
            self._took(conn)

    def read_head(self, conn: TConn, client: socket.socket) -> None:
        try:
            data = client.recv(8192)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            data = b""
        if not data:  # the client went away before sending a whole head
            self._forget_head(conn)
            self.nr_conns -= 1
            conn.close()
        elif not conn.refused:  # a refused one's is read and dropped: no reset cuts the 431
            searched = len(conn.head)
            conn.head += data
            self._took(conn, searched)

    def _took(self, conn: TConn, searched: int = 0) -> None:
        """Hands `conn` to a thread if its head is complete (its first `searched` bytes held no
        end), refuses it if too large."""
        if head_ends(conn.head, searched):
            self._forget_head(conn)
            if conn.parser is None:
                conn.parser = http.get_parser(self.cfg, conn.sock, conn.client)
            conn.parser.unreader.unread(bytes(conn.head))
            conn.data_ready = conn.head_complete = True  # gthread's wait for a byte is skipped
            self.enqueue_req(conn)
        elif len(conn.head) > HEAD_BYTES:  # refused here: the parser would wait for the end
            conn.refused, conn.head = True, bytearray()
            with contextlib.suppress(OSError):
                conn.sock.send(TOO_LARGE)
                conn.sock.shutdown(socket.SHUT_WR)

    def _forget_head(self, conn: TConn) -> None:
        self.poller.unregister(conn.sock)
        self.heads.remove(conn)

    def handle_error(self, req: Any, client: socket.socket, addr: Any, exc: BaseException) -> None:
        super().handle_error(req, _ProblemSocket(client), addr, exc)

    def murder_pending(self) -> None:
        """Also drops the connections whose head is late (the loop calls this every second), and
        all of them once the worker stops."""
        super().murder_pending()
        now = time.monotonic()
        while self.heads and (not self.alive or self.heads[0].timeout <= now):
            conn = self.heads.popleft()
            with contextlib.suppress(KeyError, ValueError, OSError):
                self.poller.unregister(conn.sock)
            self.nr_conns -= 1
            conn.close()
