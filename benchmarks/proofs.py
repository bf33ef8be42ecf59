"""Inclusion-proof latency, p99, over the shared log, against rebuilding the tree per proof.

Subject: what `GET /audit/inclusion-proof?position=P&tree_size=N` runs, through the AuditTrail
(no HTTP): `leaf_at(P)`, then `inclusion_proof(leaf, N)` (the tree's size checked, the O(log n)
stored subtrees read), for positions spread over the whole log, N the signed head's size.
Baseline: the same proof as before the subtrees were stored, from `MerkleTree` rebuilt from every
leaf (what each proof request did), fewer times since each takes the whole log. Interleaved: a
rebuild every `queries / rebuilds` proofs, which goes first alternating.
"""

from __future__ import annotations

import random
import statistics
from collections.abc import Callable
from time import perf_counter

from benchmarks.dataset import shared_log
from benchmarks.harness import Bench, Result, percentile
from dealtrail.domain.audit.merkle import MerkleTree

TARGET_MS = 20.0


def measure(bench: Bench) -> Result:
    log = shared_log(bench)
    trail = log.services.audit
    started = perf_counter()
    size = trail.sign_head().head.tree_size  # stores the subtrees of the whole log, first time
    first_sign_s = perf_counter() - started
    leaves = [leaf.position for leaf in trail.leaves()]
    pick = random.Random(16)  # noqa: S311 (positions to prove, not secrets)
    positions = [pick.choice(leaves) for _ in range(bench.mode.queries)]
    rebuilds = 5 if bench.mode.name == "quick" else 10

    def subject(position: int) -> Callable[[], object]:
        def prove() -> object:
            leaf = trail.leaf_at(position)
            assert leaf is not None
            return trail.inclusion_proof(leaf, size)

        return prove

    def baseline(position: int) -> Callable[[], object]:
        def prove() -> object:
            leaf = trail.leaf_at(position)
            assert leaf is not None
            tree = MerkleTree([stored.leaf_hash for stored in trail.leaves()])
            return tree.root(size), tree.inclusion_proof(leaf.index, size)

        return prove

    if subject(positions[0])() != baseline(positions[0])():  # warm-up, and the same proof
        raise RuntimeError("the stored subtrees give another proof than the rebuilt tree")
    every = max(1, len(positions) // rebuilds)
    subjects: list[float] = []
    baselines: list[float] = []
    for i, position in enumerate(positions):
        runs = [(subjects, subject(position))]
        if i % every == 0:
            rebuild = (baselines, baseline(position))
            runs = [*runs, rebuild] if (i // every) % 2 else [rebuild, *runs]
        for samples, run in runs:
            start = perf_counter()
            run()
            samples.append((perf_counter() - start) * 1000)
    p99, before = percentile(subjects, 0.99), percentile(baselines, 0.99)
    return Result(
        "proofs",
        f"inclusion proof p99, AuditTrail, {log.events:,} events",
        "ms",
        p99,
        before,
        "the tree rebuilt from every leaf per proof (p99)",
        p99 / before,
        "subject / baseline (lower is better)",
        f"p99 < {TARGET_MS:.0f} ms",
        p99 < TARGET_MS,
        f"p50 {statistics.median(subjects):.2f} ms over {len(subjects)} proofs; rebuilt: "
        f"p50 {statistics.median(baselines):.0f} ms over {len(baselines)}",
        details={
            "events": log.events,
            "tree_size": size,
            "p50_ms": statistics.median(subjects),
            "p99_ms": p99,
            "baseline_p50_ms": statistics.median(baselines),
            "baseline_p99_ms": before,
            "first_sign_storing_every_subtree_s": first_sign_s,
            "subject_samples": subjects,
            "baseline_samples": baselines,
        },
    )
