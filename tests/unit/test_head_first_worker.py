"""The worker hands a connection to a thread once its head has ended, however the head was cut
into reads (the search after each read looks only at the new bytes and the few before)."""

from __future__ import annotations

import pytest

from dealtrail.web.worker import head_ends

HEADS = [
    b"GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n",
    b"GET /healthz HTTP/1.0\n\n",
    b"GET /healthz HTTP/1.1\r\nHost: a\r\n\r\nGET /next",  # a pipelined request behind
]


@pytest.mark.parametrize("head", HEADS)
def test_an_end_of_head_is_found_wherever_the_reads_cut_it(head: bytes) -> None:
    for cut in range(1, len(head)):
        first = bytearray(head[:cut])
        if head_ends(first, 0):
            continue  # found after the first read
        assert head_ends(bytearray(head), received_before=cut), (head, cut)


def test_a_head_not_ended_is_not_taken() -> None:
    head = b"GET /healthz HTTP/1.1\r\nHost: a\r\n"
    assert not any(head_ends(bytearray(head), cut) for cut in range(len(head) + 1))
