"""`dealtrail demo load`: the demo conference, recorded through the application."""

from __future__ import annotations

import click

from dealtrail.bootstrap import Services
from dealtrail.demo.load import Demo, load_demo
from dealtrail.web.cli_services import command_services


@click.group("demo")
def demo_group() -> None:
    """The demo conference: parties, roadshows, 505 achievements, agreements, deals."""


@demo_group.command("load")
def demo_load() -> None:
    """Record the demo through the application (a second run adds nothing)."""
    load_demo_into(command_services())


def load_demo_into(svc: Services) -> None:
    total = Demo(svc.ledger, conference=True).count()
    with click.progressbar(length=total, label="dealtrail: loading the demo conference") as bar:
        load_demo(svc.ledger, bar.update, conference=True)
    svc.read_models.catch_up()
    click.echo("dealtrail: demo loaded; try: dealtrail tokens create --role staff --name you")
