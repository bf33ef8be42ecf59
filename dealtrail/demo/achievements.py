"""The demo's 505 achievements: listed on the supermarket and exhibited at the conference.

Plain data, derived without the clock: six featured achievements (the deals of `deals.py`),
one achievement per roadshow slot that pitches one, and the rest drawn from fixed tables with
`random.Random(2026)`, so every run records the same achievements. Each has an exhibit reference
(`BR26-0001` ...), which also fixes its id.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass

from dealtrail.demo.conference import ROADSHOWS
from dealtrail.demo.core import PARTIES
from dealtrail.demo.members import MEMBERS

EXHIBITED = 505
# The scope of the exhibit references, as every achievement records it (so it never changes).
REFERENCE_SCOPE = "2026 conference exhibition catalogue"


@dataclass(frozen=True)
class DemoAchievement:
    ref: str
    owner: str
    title: str
    field: str
    trl: int
    modes: tuple[str, ...]
    price: str | None = None  # CNY; None: negotiable
    assets: tuple[str, ...] = ()  # keys of demo IP assets


@dataclass(frozen=True)
class DemoPitch:
    roadshow: int  # index into ROADSHOWS
    presenter: str
    achievement: str | None = None  # exhibit reference
    company: str | None = None


FEATURED: tuple[DemoAchievement, ...] = (
    DemoAchievement(
        "BR26-0001",
        "host",
        "Graphene membrane for seawater desalination",
        "environment",
        7,
        ("assignment", "licence"),
        "2800000",
        ("graphene", "graphene-pct"),
    ),
    DemoAchievement(
        "BR26-0002",
        "host",
        "High-power laser welding of dissimilar metals",
        "advanced_manufacturing",
        8,
        ("licence",),
        "3500000",
        ("laser",),
    ),
    DemoAchievement(
        "BR26-0003",
        "host",
        "Loess slope monitoring software",
        "information_technology",
        9,
        ("licence",),
        "150000",
        ("software",),
    ),
    DemoAchievement(
        "BR26-0004",
        "jinan",
        "Heat treatment of high-entropy alloy castings",
        "new_materials",
        6,
        ("licence", "joint_development"),
        None,
        ("heat-treatment",),
    ),
    DemoAchievement(
        "BR26-0005",
        "inventor",
        "Drought-resistant seed coating",
        "agriculture",
        7,
        ("assignment",),
        "800000",
    ),
    DemoAchievement(
        "BR26-0006",
        "budapest",
        "Magnetocaloric heat pump module",
        "energy",
        5,
        ("licence", "joint_development"),
        None,
        ("magnetocaloric",),
    ),
)

SUBJECTS: dict[str, tuple[str, ...]] = {
    "advanced_manufacturing": (
        "friction stir welding cell",
        "five-axis machining controller",
        "additive repair of turbine blades",
        "precision gear grinding process",
        "robotic spray coating line",
        "digital twin of an assembly line",
        "cold spray deposition system",
        "ultrasonic weld inspection rig",
    ),
    "new_materials": (
        "silicon carbide ceramic",
        "titanium alloy powder",
        "self-healing polymer coating",
        "carbon fibre composite",
        "perovskite thin film",
        "aerogel insulation panel",
        "magnesium alloy sheet",
        "boron nitride nanosheet",
    ),
    "information_technology": (
        "industrial IoT gateway",
        "blockchain traceability platform",
        "edge computing node",
        "low-code workflow engine",
        "satellite data service",
        "secure e-document exchange",
        "digital archive system",
        "5G private network kit",
    ),
    "artificial_intelligence": (
        "crop disease recognition model",
        "medical image segmentation model",
        "power-grid fault prediction",
        "speech translation for Central Asian languages",
        "traffic flow forecasting",
        "defect detection for steel strip",
        "mine safety video analytics",
        "credit risk model for SMEs",
    ),
    "biomedicine": (
        "rapid brucellosis test kit",
        "traditional medicine extraction process",
        "biodegradable bone screw",
        "monoclonal antibody purification",
        "portable dialysis unit",
        "wound dressing with silver nanoparticles",
        "vaccine cold-chain monitor",
        "cardiac stent coating",
    ),
    "energy": (
        "heliostat field controller",
        "vanadium flow battery",
        "hydrogen electrolyser stack",
        "coal-bed methane recovery",
        "wind turbine blade monitor",
        "small hydropower turbine",
        "geothermal heat pump",
        "sodium-ion battery cell",
    ),
    "agriculture": (
        "drip irrigation controller",
        "saline soil improver",
        "apple orchard harvesting robot",
        "kiwifruit preservation process",
        "cashmere goat breeding method",
        "water-saving wheat variety",
        "biological pest control agent",
        "greenhouse climate controller",
    ),
    "environment": (
        "desert sand fixation method",
        "industrial wastewater reuse",
        "loess erosion control",
        "flue gas desulfurisation catalyst",
        "microplastic filter",
        "landfill gas purification",
        "river sediment remediation",
        "air quality sensor network",
    ),
    "aerospace": (
        "small satellite attitude controller",
        "rocket engine injector",
        "UAV composite airframe",
        "thermal protection tile",
        "satellite laser communication terminal",
        "space-grade lithium battery",
        "airborne lidar",
        "hypersonic wind tunnel sensor",
    ),
}
STYLES = (
    "Low-cost",
    "High-efficiency",
    "Modular",
    "Compact",
    "Scalable",
    "Field-tested",
    "Next-generation",
    "Energy-saving",
    "Rapid",
    "Intelligent",
)
FIELDS = tuple(SUBJECTS)
MODES = ("assignment", "licence", "joint_development", "equity_investment")
# How often each kind of party owns an achievement among the rest: universities most.
WEIGHTS = {"university": 6, "research_institute": 4, "company": 2, "academy": 2, "individual": 1}
OWNERS = tuple(p for p in PARTIES + MEMBERS if p.kind in WEIGHTS)

# Withdrawn after the conference: the first two drawn, so a smaller exhibition still has them.
WITHDRAWALS: tuple[tuple[str, str], ...] = (
    ("BR26-0064", "The owner decided to develop it in house"),
    ("BR26-0065", "Licensed to a partner before the supermarket opened"),
)
# The fewest achievements an exhibition can show: every one the rest of the demo refers to.
FEWEST = len(FEATURED) + sum(len(r.achievements) for r in ROADSHOWS) + len(WITHDRAWALS)


def _exhibition() -> tuple[tuple[DemoAchievement, ...], tuple[DemoPitch, ...]]:
    rng = random.Random(2026)  # noqa: S311 - reproducible demo data, not secrets
    used: Counter[str] = Counter()  # titles made per field so far: each title is made once
    made = list(FEATURED)
    pitches = []

    def make(owner: str, field: str, trl: int) -> str:
        subjects, n = SUBJECTS[field], used[field]
        used[field] += 1
        subject = subjects[n % len(subjects)]
        title = f"{STYLES[n // len(subjects) % len(STYLES)]} {subject}"
        modes = tuple(rng.sample(MODES, rng.randint(1, 3)))
        price = None if rng.random() < 0.25 else str(rng.randrange(5, 600) * 10_000)
        ref = f"BR26-{len(made) + 1:04d}"
        made.append(DemoAchievement(ref, owner, title, field, trl, modes, price))
        return ref

    for index, roadshow in enumerate(ROADSHOWS):
        for slot, presenter in enumerate(roadshow.achievements):
            field = roadshow.fields[slot % len(roadshow.fields)]
            ref = make(presenter, field, rng.randint(4, 9))
            pitches.append(DemoPitch(index, presenter, achievement=ref))
        pitches.extend(DemoPitch(index, c, company=c) for c in roadshow.companies)
    weights = [WEIGHTS[p.kind] for p in OWNERS]
    while len(made) < EXHIBITED:
        owner = rng.choices(OWNERS, weights)[0]
        make(owner.key, rng.choice(FIELDS), rng.randint(1, 9))
    return tuple(made), tuple(pitches)


ACHIEVEMENTS, PITCHES = _exhibition()
