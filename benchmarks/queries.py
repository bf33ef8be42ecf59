"""List and search query latency, p50 and p99, over the views of the shared log.

Reports are not measured yet: these are the view queries behind the list and search
endpoints, called as the routes call them (`read_models.view(View).search(...)`, which first checks
that the views are caught up), with the default page size and filters of every kind.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable
from time import perf_counter
from typing import Any

from benchmarks.dataset import ALLIANCES, shared_log
from benchmarks.harness import Bench, Result, percentile
from dealtrail.application.ports.views import AchievementQuery, AgreementQuery, PartyQuery
from dealtrail.infrastructure.views.achievements import AchievementsView
from dealtrail.infrastructure.views.agreements import AgreementsView
from dealtrail.infrastructure.views.parties import PartiesView

TARGET_MS = 50.0
PAGE = 50


def measure(bench: Bench) -> Result:
    log = shared_log(bench)
    read_models = log.services.read_models
    read_models.catch_up()
    cases = _cases(read_models, log.party_ids[len(log.party_ids) // 2])
    for run in cases.values():
        run()  # warm-up
    names = list(cases)
    by_case: dict[str, list[float]] = {name: [] for name in names}
    for i in range(bench.mode.queries):
        name = names[i % len(names)]
        start = perf_counter()
        cases[name]()
        by_case[name].append((perf_counter() - start) * 1000)
    every = [ms for times in by_case.values() for ms in times]
    p50, p99 = percentile(every, 0.50), percentile(every, 0.99)
    return Result(
        "queries",
        f"list/search view queries p99, {log.events:,} events (reports not measured yet)",
        "ms",
        p99,
        target=f"p99 < {TARGET_MS:.0f} ms",
        met=p99 < TARGET_MS,
        note=f"p50 {p50:.2f} ms over {len(every)} queries of {len(names)} kinds",
        details={
            "events": log.events,
            "p50_ms": p50,
            "p99_ms": p99,
            "by_query": {
                name: {
                    "p50_ms": statistics.median(times),
                    "p99_ms": percentile(times, 0.99),
                    "queries": len(times),
                }
                for name, times in by_case.items()
            },
        },
    )


def _cases(read_models: Any, party_id: str) -> dict[str, Callable[[], object]]:
    def agreements(**query: Any) -> Callable[[], object]:
        return lambda: read_models.view(AgreementsView).search(AgreementQuery(limit=PAGE, **query))

    def achievements(**query: Any) -> Callable[[], object]:
        return lambda: read_models.view(AchievementsView).search(
            AchievementQuery(limit=PAGE, **query)
        )

    def parties(**query: Any) -> Callable[[], object]:
        return lambda: read_models.view(PartiesView).search(PartyQuery(limit=PAGE, **query))

    open_cooperation = {"kind": "cooperation", "status": "open_for_signature"}
    open_500 = AgreementQuery(limit=500, **open_cooperation)
    by_title_500 = AgreementQuery(limit=500, sort="-title")
    mid_log = read_models.view(AgreementsView).search(open_500)["next_after"]
    by_title = read_models.view(AgreementsView).search(by_title_500)["next_after"]
    return {
        "agreements: first page": agreements(),
        "agreements: status=effective": agreements(status="effective"),
        "agreements: kind + status, cursor 500 rows in": agreements(
            **open_cooperation, after=mid_log
        ),
        "agreements: by title descending, cursor 500 rows in": agreements(
            sort="-title", after=by_title
        ),
        "agreements: by effective date": agreements(sort="effective_on"),
        "agreements: party_id": agreements(party_id=party_id),
        "agreements: title contains (no match)": agreements(q="no such title"),
        "achievements: field + TRL range": achievements(
            field="new_materials", trl_min=4, trl_max=7
        ),
        "achievements: alliance + status": achievements(alliance=ALLIANCES[0], status="listed"),
        "achievements: owner country + transfer mode": achievements(
            owner_country="KZ", transfer_mode="licence"
        ),
        "achievements: title contains": achievements(q="laser welding process 1"),
        "achievements: field, by TRL descending": achievements(field="new_materials", sort="-trl"),
        "parties: country + kind": parties(country="UZ", kind="company"),
        "parties: alliance": parties(alliance=ALLIANCES[1]),
        "parties: name contains (no match)": parties(q="no such party"),
        "parties: by name": parties(sort="name"),
    }
