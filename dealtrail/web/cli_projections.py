"""`dealtrail projections ...`: run followers of the log as workers, see their lag, rebuild."""

from __future__ import annotations

import logging
import signal
import threading
import time
from collections.abc import Callable
from types import FrameType

import click
from flask.cli import with_appcontext

from dealtrail.web.logs import configure_logging
from dealtrail.web.services import Services, services

logger = logging.getLogger("dealtrail.projections")

NAMES = ("catalogue", "audit", "policies")


SIGN_EVERY_SECONDS = 60.0


def _followers(svc: Services) -> dict[str, Callable[[], object]]:
    return {
        "catalogue": svc.read_models.catch_up,
        "audit": _audit_follower(svc),
        "policies": svc.policies.catch_up,
    }


def _audit_follower(svc: Services) -> Callable[[], object]:
    """Extends the tree behind the log, and signs its head periodically when it has grown."""
    last_signed = [0.0]

    def follow() -> None:
        svc.audit.catch_up()
        if time.monotonic() - last_signed[0] >= SIGN_EVERY_SECONDS:
            svc.audit.sign_head()
            last_signed[0] = time.monotonic()

    return follow


@click.group("projections")
def projections() -> None:
    """Followers of the log: the catalogue views, the audit tree, the policies."""


@projections.command("run")
@click.argument("names", nargs=-1, type=click.Choice(NAMES))
@click.option("--interval", default=0.5, show_default=True, help="Seconds between polls.")
@with_appcontext
def run(names: tuple[str, ...], interval: float) -> None:
    """Follow the log until stopped (SIGTERM/SIGINT): poll, apply new events exactly once, and
    retry with back-off when a store is unreachable (reconnecting by itself). The audit follower
    also signs a tree head every minute when the tree has grown."""
    configure_logging()
    svc = services()
    chosen = {n: f for n, f in _followers(svc).items() if not names or n in names}
    stop = threading.Event()

    def _stop(_signum: int, _frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    logger.info("following the log", extra={"fields": {"followers": sorted(chosen)}})
    backoff = interval
    while not stop.is_set():
        try:
            for follow in chosen.values():
                follow()
            backoff = interval
        except Exception:  # a store went away: log, wait longer, try again
            logger.exception("follower failed; retrying", extra={"fields": {"in_s": backoff}})
            backoff = min(backoff * 2, 30.0)
        stop.wait(backoff)
    logger.info("stopped")


@projections.command("status")
@with_appcontext
def status() -> None:
    """Position, head and lag of each follower."""
    svc = services()
    head = svc.ledger.recorder.max_notification_id() or 0
    rows = {
        "catalogue": (svc.read_models.position(), head - svc.read_models.position()),
        "audit": (svc.audit.position(), head - svc.audit.position()),
        **{
            # a policy's lag counts from the first event it has yet to react to, as /readyz does
            f"policy:{p.name}": (svc.policies.position(p), svc.policies.lag(p, head))
            for p in svc.policies.policies
        },
    }
    click.echo(f"{'follower':<32} {'position':>10} {'head':>10} {'lag':>8}")
    for name, (position, lag) in rows.items():
        click.echo(f"{name:<32} {position:>10} {head:>10} {lag:>8}")


@projections.command("rebuild")
@click.argument("name", type=click.Choice(["catalogue"]))
@with_appcontext
def rebuild(name: str) -> None:
    """Empty the views and replay the whole log into them (exactly once, resumable)."""
    svc = services()
    head = svc.ledger.recorder.max_notification_id() or 0
    with click.progressbar(length=head, label=f"dealtrail: rebuilding the {name}") as bar:
        position = svc.read_models.rebuild(bar.update)
    click.echo(f"rebuilt the {name} up to position {position}")
