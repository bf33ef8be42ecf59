"""Inline mode: each serving process signs tree heads on their cadence, with no worker running.

A daemon thread asks the audit trail every few seconds; it signs a head only when the log has
grown and the last head (whichever process signed it) is DEALTRAIL_TREE_HEAD_SECONDS old. With
`dealtrail projections run audit` workers instead (inline mode off), they do this.
"""

from __future__ import annotations

import logging
import threading

from dealtrail.bootstrap import Services

logger = logging.getLogger("dealtrail.audit")


def sign_heads_in_background(svc: Services) -> threading.Event | None:
    """Starts the signing thread (inline mode only); set the returned event to stop it."""
    if not svc.settings.inline_followers:
        return None
    stop = threading.Event()
    every = max(min(svc.settings.tree_head_seconds / 4, 5.0), 0.05)

    def run() -> None:
        while not stop.wait(every):
            try:
                svc.audit.catch_up()
            except Exception:  # a store away or a fork (logged): try again on the next tick
                logger.exception("tree head not signed; trying again")

    threading.Thread(target=run, name="dealtrail-tree-heads", daemon=True).start()
    return stop
