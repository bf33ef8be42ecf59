"""Tokens are authenticated from a per-process cache; revocations empty it: at once in the
process that revoked, within a second (of its clock) in any other."""

from __future__ import annotations

from dealtrail.application.ports.tokens import Role
from dealtrail.bootstrap import Services
from dealtrail.infrastructure.token_cache import CachedTokenStore
from dealtrail.infrastructure.tokens import SqlTokenStore


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_token_another_process_revokes_is_refused_once_a_second_has_passed(
    services: Services,
) -> None:
    clock = Clock()
    cached = CachedTokenStore(SqlTokenStore(services.tokens.engine), clock=clock)
    other_process = SqlTokenStore(services.tokens.engine)  # its revocations reach us by the table
    info, secret = other_process.create("Li Na", Role.STAFF, "admin:test")
    assert cached.authenticate(secret) is not None

    assert other_process.revoke(info.token_id)

    clock.now += 0.5
    assert cached.authenticate(secret) is not None  # cached, within the second allowed
    clock.now += 0.5
    assert cached.authenticate(secret) is None
    clock.now += 5
    assert cached.authenticate(secret) is None


def test_a_revocation_in_this_process_is_refused_at_once_by_every_store_of_it(
    services: Services,
) -> None:
    clock = Clock()
    here = CachedTokenStore(SqlTokenStore(services.tokens.engine), clock=clock)
    there = CachedTokenStore(SqlTokenStore(services.tokens.engine), clock=clock)
    info, secret = here.create("Li Na", Role.STAFF, "admin:test")
    _, kept_secret = here.create("Wang Fang", Role.AUDITOR, "admin:test")
    assert here.authenticate(secret) == there.authenticate(secret) is not None
    assert there.authenticate(kept_secret) is not None

    assert here.revoke(info.token_id)

    assert here.authenticate(secret) is None
    assert there.authenticate(secret) is None
    principal = there.authenticate(kept_secret)
    assert principal is not None and (principal.name, principal.role) == ("Wang Fang", "auditor")


def test_unknown_and_wrong_secrets_are_refused_and_new_tokens_work_at_once(
    services: Services,
) -> None:
    clock = Clock()
    cached = CachedTokenStore(SqlTokenStore(services.tokens.engine), clock=clock)
    info, secret = cached.create("Li Na", Role.STAFF, "admin:test")
    assert cached.authenticate(secret) is not None
    assert cached.authenticate(secret + "x") is None
    assert cached.authenticate(f"dt_{info.token_id}_guessed") is None
    assert cached.authenticate("not-a-token") is None

    other_process = SqlTokenStore(services.tokens.engine)
    _, later = other_process.create("Wang Fang", Role.ADMIN, "admin:test")

    assert cached.authenticate(later) is not None  # refusals are never cached


def test_the_services_authenticate_through_the_cache(services: Services) -> None:
    info, secret = services.tokens.create("Li Na", Role.STAFF, "admin:test")
    assert isinstance(services.tokens, CachedTokenStore)
    principal = services.tokens.authenticate(secret)
    assert principal is not None and principal.actor == f"staff:token:{info.token_id}:Li Na"
