"""`dealtrail projections ...`: run followers of the log as workers, see their lag, rebuild."""

from __future__ import annotations

import logging
import signal
import threading
from types import FrameType

import click

from dealtrail.application.followers import GROUPS, VIEWS
from dealtrail.web.cli_services import command_services
from dealtrail.web.logs import configure_logging

logger = logging.getLogger("dealtrail.projections")


@click.group("projections")
def projections() -> None:
    """Followers of the log: the catalogue views, the audit tree, the policies."""


@projections.command("run")
@click.argument("names", nargs=-1, type=click.Choice(GROUPS))
@click.option("--interval", default=0.5, show_default=True, help="Seconds between polls.")
def run(names: tuple[str, ...], interval: float) -> None:
    """Follow the log until stopped (SIGTERM/SIGINT): poll, apply new events exactly once, and
    retry with back-off when a store is unreachable (reconnecting by itself). The audit follower
    signs a tree head whenever the log has grown, at most DEALTRAIL_TREE_HEAD_SECONDS after
    the last one."""
    configure_logging()
    svc = command_services()
    chosen = [name for name in GROUPS if not names or name in names]
    stop = threading.Event()

    def _stop(_signum: int, _frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    logger.info("following the log", extra={"fields": {"followers": sorted(chosen)}})
    backoff = interval
    while not stop.is_set():
        try:
            svc.followers.run(chosen)
            backoff = interval
        except Exception:  # a store went away: log, wait longer, try again
            logger.exception("follower failed; retrying", extra={"fields": {"in_s": backoff}})
            backoff = min(backoff * 2, 30.0)
        stop.wait(backoff)
    logger.info("stopped")


@projections.command("status")
def status() -> None:
    """Position, head and lag of each follower."""
    followers = command_services().followers
    head = followers.head()
    click.echo(f"{'follower':<32} {'position':>10} {'head':>10} {'lag':>8}")
    for follower in followers:
        click.echo(
            f"{follower.name:<32} {follower.position():>10} {head:>10} {follower.lag(head):>8}"
        )


@projections.command("rebuild")
@click.argument("name", type=click.Choice([VIEWS]))
def rebuild(name: str) -> None:
    """Empty the views and replay the whole log into them (exactly once, resumable)."""
    svc = command_services()
    head = svc.followers.head()
    with click.progressbar(length=head, label=f"dealtrail: rebuilding the {name}") as bar:
        position = svc.read_models.rebuild(bar.update)
    click.echo(f"rebuilt the {name} up to position {position}")
