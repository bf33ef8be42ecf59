"""Steps that give every follower of the log something to follow, and run them as workers do."""

from __future__ import annotations

from collections.abc import Callable

from dealtrail.bootstrap import Services
from tests.api.conftest import Api, register_party
from tests.api.ip_steps import Deal, ok
from tests.api.supermarket_steps import ACHIEVEMENTS, create_achievement, register, schedule

FOLLOWERS = ("catalogue", "audit", "policy:trading_event_exhibits", "policy:owner_of_record")


def catch_ups(services: Services) -> dict[str, Callable[[], object]]:
    """Each follower of the log, caught up as a worker does; the policies first, since the
    others follow what they record."""
    followers = sorted(services.followers, key=lambda f: not f.name.startswith("policy:"))
    return {follower.name: follower.catch_up for follower in followers}


def record_what_every_follower_follows(staff: Api) -> None:
    """An assignment recorded with the IP office, an achievement exhibited at a trading event
    (what the policies react to), and one more event after them."""
    deal = Deal(staff)
    deal.sign()
    ok(deal.schedule())
    ok(deal.record())
    owner = register(staff, "Xi'an University")
    exhibitions = f"{ACHIEVEMENTS}/{create_achievement(staff, owner)['id']}/exhibitions"
    ok(staff.post(exhibitions, json={"event_id": schedule(staff, owner)}))
    register_party(staff, "Tashkent TU")
