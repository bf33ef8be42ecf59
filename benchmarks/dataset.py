"""The log that the projection, query, audit and memory measurements run over: a mix of parties,
alliances, agreements (draft, open, signed and effective) and supermarket achievements.

The events are the ones the domain records (metadata, sealed signatory names and all), saved
straight through the ledger many aggregates to a transaction, so a log of 100,000 events is built
in a minute or two rather than command by command.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from benchmarks.harness import Bench
from dealtrail.bootstrap import Services, bootstrap
from dealtrail.domain.achievement import Achievement
from dealtrail.domain.agreement import Agreement
from dealtrail.domain.base import Recorded
from dealtrail.domain.contact import Contact
from dealtrail.domain.metadata import BusinessDate, effective_from, recording
from dealtrail.domain.money import Money
from dealtrail.domain.offer import AchievementField, Offer, TransferMode
from dealtrail.domain.party import Party, PartyKind
from dealtrail.domain.terms import AgreementKind, Participant, PartyRole, Terms

GROUPS_PER_SAVE = 5
ALLIANCES = ("Silk Road Alliance", "Belt and Road Technology Transfer Alliance")
COUNTRIES = ("CN", "KZ", "UZ", "KG", "RU", "PK")
FIELDS = tuple(AchievementField)
MODES = tuple(TransferMode)
SIGNED_ON = date(2026, 11, 20)


@dataclass
class Log:
    services: Services
    events: int
    party_ids: list[str]


def shared_log(bench: Bench) -> Log:
    """Built once per store and run, then shared."""
    if "log" not in bench.shared:
        services = bootstrap(bench.fresh("log"))
        bench.on_close(services.close)
        bench.shared["log"] = build(services, bench.mode.log_events)
    log: Log = bench.shared["log"]
    return log


def build(services: Services, events: int) -> Log:
    recorded, n = 0, 0
    party_ids: list[str] = []
    with recording("staff:bench", comment="benchmark data"):
        while recorded < events:
            batch: list[Recorded] = []
            for _ in range(GROUPS_PER_SAVE):
                batch.extend(_group(n, party_ids))
                n += 1
            recorded += len(services.ledger.save(*batch))
    return Log(services, recorded, party_ids)


def _group(n: int, party_ids: list[str]) -> list[Recorded]:
    """Four parties, one agreement between two of them, three achievements: about 20 events."""
    parties = [
        Party.register(f"Party {n}-{i}", list(PartyKind)[i], COUNTRIES[(n + i) % len(COUNTRIES)])
        for i in range(4)
    ]
    parties[0].join_alliance(ALLIANCES[n % 2])
    parties[1].join_alliance(ALLIANCES[(n + 1) % 2])
    ids = [str(p.id) for p in parties]
    party_ids.extend(ids)
    agreement = Agreement.draft(
        list(AgreementKind)[n % len(AgreementKind)],
        Terms(
            f"Cooperation agreement {n}",
            "Joint laboratory",
            Money.of(f"{250_000 + n}.00", "CNY"),
            date(2026, 1, 1),
            date(2030, 12, 31),
        ),
        [
            Participant(ids[0], PartyRole.COOPERATION_PARTNER, True),
            Participant(ids[1], PartyRole.COOPERATION_PARTNER, True),
        ],
    )
    if n % 3:
        agreement.open_for_signature()
    if n % 3 == 2:
        with effective_from(BusinessDate("signed_on", SIGNED_ON)):
            agreement.sign(ids[0], f"Signatory {n}-a", "President", SIGNED_ON)
            agreement.sign(ids[1], f"Signatory {n}-b", "Rector", SIGNED_ON)
    achievements: list[Any] = []
    for i in range(3):
        achievement = Achievement.register(
            ids[i],
            Offer(
                f"Laser welding process {n}-{i}" if i else f"Membrane material {n}",
                FIELDS[(n + i) % len(FIELDS)],
                1 + (n + i) % 9,
                (MODES[(n + i) % len(MODES)],),
                Money.of(f"{1_000_000 + n}.00", "CNY") if i else None,
            ),
            Contact(f"Contact {n}-{i}", f"contact{n}.{i}@example.edu.cn"),
        )
        if i:
            achievement.list_on_supermarket()
        achievements.append(achievement)
    return [*parties, agreement, *achievements]
