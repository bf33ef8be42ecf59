"""The demo's deals: IP assets and their transfers, the contracts behind them, the supermarket's
negotiations, and companies listing on the provincial equity trading centre.

Plain data. Every stage shows up once: transfers proposed, valuated, contract signed, recorded
with the office (an assignment, so the asset changes owner of record) and completed; listings
applied, under review with an amendment outstanding, listed with its shareholder register, a
financing round and a share transfer, suspended (listed the year before).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dealtrail.demo.core import CONFERENCE_DAY, DemoAgreement, DemoSignature

DEAL_AGREEMENTS: tuple[DemoAgreement, ...] = (
    DemoAgreement(
        "graphene",
        "technology_assignment",
        "Assignment of the graphene desalination membrane patent",
        "The university assigns its Chinese patent to a water technology company; the national "
        "technology transfer centre witnesses.",
        (("host", "assignor"), ("weihe", "assignee"), ("nttc", "witness")),
        value=("2800000.00", "CNY"),
        signatures=(
            DemoSignature("host", "Wang Hong", "Vice-President"),
            DemoSignature("weihe", "Zhou Ping", "Chairman"),
        ),
    ),
    DemoAgreement(
        "software",
        "technology_licence",
        "Licence of the loess slope monitoring software in Uzbekistan",
        "A non-exclusive licence of the registered software to a partner university.",
        (("host", "licensor"), ("tashkent", "licensee")),
        value=("150000.00", "CNY"),
        term=(date(2026, 12, 1), date(2029, 11, 30)),
        signatures=(
            DemoSignature("host", "Wang Hong", "Vice-President"),
            DemoSignature("tashkent", "Bakhtiyor Karimov", "Rector"),
        ),
    ),
    DemoAgreement(
        "knowhow",
        "technology_licence",
        "Licence of a heat-treatment know-how for high-entropy alloys",
        "A running-royalty licence of an institute's process know-how to a Belarusian foundry.",
        (("jinan", "licensor"), ("alloys", "licensee")),
        term=(date(2026, 12, 1), date(2031, 11, 30)),
        signatures=(
            DemoSignature("jinan", "Qian Lin", "Director"),
            DemoSignature("alloys", "Siarhei Kavalenka", "Technical Director"),
        ),
    ),
)


@dataclass(frozen=True)
class DemoAsset:
    key: str
    holder: str
    kind: str
    jurisdiction: str
    title: str
    identifiers: tuple[tuple[str, str], ...] = ()  # (kind, number as the office writes it)
    granted_on: date | None = None
    grant_number: str | None = None


ASSETS: tuple[DemoAsset, ...] = (
    DemoAsset(
        "graphene",
        "host",
        "patent",
        "CN",
        "Graphene membrane for seawater desalination",
        (("application", "CN 2020 1056 6088.9"),),
        date(2022, 8, 16),
        "ZL202010566088.9",
    ),
    DemoAsset(
        "graphene-pct",
        "host",
        "patent",
        "WO",
        "Graphene membrane for seawater desalination (international application)",
        (("application", "PCT/CN2021/098765"), ("publication", "WO 2021/254321 A1")),
    ),
    DemoAsset(
        "laser",
        "host",
        "patent",
        "US",
        "High-power laser welding of dissimilar metals",
        (("application", "16/123,456"),),
        date(2021, 3, 2),
        "US 11,234,567 B2",
    ),
    DemoAsset(
        "magnetocaloric",
        "budapest",
        "patent",
        "EP",
        "Magnetocaloric heat pump module",
        (("application", "EP 18 123 456.7"), ("publication", "EP 3 456 789 A1")),
        date(2023, 5, 10),
        "EP 3 456 789 B1",
    ),
    DemoAsset(
        "software",
        "host",
        "software_copyright",
        "CN",
        "Loess slope monitoring software V2.0",
        (("registration", "2023SR0456789"),),
        date(2023, 3, 15),
    ),
    DemoAsset(
        "heat-treatment",
        "jinan",
        "know_how",
        "CN",
        "Heat-treatment schedule for high-entropy alloy castings",
    ),
)


@dataclass(frozen=True)
class DemoSchedule:
    kind: str
    instalments: tuple[tuple[date, str], ...] = ()  # (due on, CNY amount)
    royalty_rate: str | None = None


@dataclass(frozen=True)
class DemoTransfer:
    key: str
    asset: str
    holder: str
    recipient: str
    mode: str
    territory: tuple[str, ...]  # countries; empty: worldwide
    term: tuple[date, date | None]
    valuation: tuple[str, str, str, date] | None = None  # appraiser, method, CNY, on
    contract: str | None = None  # the agreement's key
    schedule: DemoSchedule | None = None
    recordal: tuple[str, str, date] | None = None  # office, number, on
    payments: tuple[tuple[str, date, str], ...] = ()  # CNY, on, reference
    completed_on: date | None = None


TRANSFERS: tuple[DemoTransfer, ...] = (
    DemoTransfer(
        "graphene",
        "graphene",
        "host",
        "weihe",
        "assignment",
        ("CN",),
        (CONFERENCE_DAY, None),
        ("Shaanxi Zhongxin Asset Appraisal", "income", "2800000.00", date(2026, 11, 2)),
        "graphene",
        DemoSchedule("lump_sum", ((date(2026, 11, 30), "2800000.00"),)),
        ("CN", "2026990001234", date(2026, 11, 23)),
        (("2800000.00", date(2026, 11, 24), "Bank transfer WH-2026-1124"),),
        date(2026, 11, 24),
    ),
    DemoTransfer(
        "laser",
        "laser",
        "host",
        "photonics",
        "exclusive_licence",
        ("KG", "KZ", "UZ"),
        (date(2026, 12, 1), date(2036, 11, 30)),
        ("Xi'an Huaxin Appraisal", "market", "3500000.00", date(2026, 11, 12)),
    ),
    DemoTransfer(
        "magnetocaloric",
        "magnetocaloric",
        "budapest",
        "cryotech",
        "sole_licence",
        ("CN",),
        (date(2027, 1, 1), date(2033, 12, 31)),
    ),
    DemoTransfer(
        "software",
        "software",
        "host",
        "tashkent",
        "non_exclusive_licence",
        ("UZ",),
        (date(2026, 12, 1), date(2029, 11, 30)),
        ("Shaanxi Zhongxin Asset Appraisal", "cost", "150000.00", date(2026, 11, 5)),
        "software",
        DemoSchedule(
            "instalments", ((date(2026, 11, 24), "75000.00"), (date(2027, 6, 1), "75000.00"))
        ),
        ("CN", "2026-R-L-00087", date(2026, 11, 23)),
        (("75000.00", date(2026, 11, 24), "SWIFT TSTU-88412"),),
    ),
    DemoTransfer(
        "heat-treatment",
        "heat-treatment",
        "jinan",
        "alloys",
        "non_exclusive_licence",
        ("BY",),
        (date(2026, 12, 1), date(2031, 11, 30)),
        ("Shandong Zhengyuan Appraisal", "income", "600000.00", date(2026, 11, 8)),
        "knowhow",
        DemoSchedule("running_royalty", royalty_rate="4.5"),
    ),
)


@dataclass(frozen=True)
class DemoNegotiation:
    """A supermarket negotiation: open, or closed by an agreement or an IP transfer."""

    achievement: str  # exhibit reference
    counterparty: str
    transacted_on: date | None = None
    agreement: str | None = None
    transfer: str | None = None


NEGOTIATIONS: tuple[DemoNegotiation, ...] = (
    DemoNegotiation("BR26-0001", "weihe", date(2026, 11, 24), transfer="graphene"),
    DemoNegotiation("BR26-0002", "photonics"),
    DemoNegotiation("BR26-0003", "tashkent", date(2026, 11, 23), transfer="software"),
    DemoNegotiation("BR26-0004", "alloys", CONFERENCE_DAY, agreement="knowhow"),
    DemoNegotiation("BR26-0005", "agritech"),
    DemoNegotiation("BR26-0006", "cryotech"),
)


@dataclass(frozen=True)
class DemoListing:
    company: str
    board: str
    amendments: tuple[tuple[str, date, str | None], ...] = ()  # what, due on, provided as
    reviewed: bool = False
    approved: bool = False
    code: str | None = None
    listed_on: date | None = None
    holders: tuple[tuple[str, int], ...] = ()  # the shareholder register at listing
    # (instrument, CNY, investors with the shares issued to each, closed on, agreement key)
    rounds: tuple[tuple[str, str, tuple[tuple[str, int], ...], date, str | None], ...] = ()
    transfers: tuple[tuple[str, str, int, str, date], ...] = ()  # seller, buyer, shares, CNY, on
    suspended: str | None = None  # the reason
    applied_on: date | None = None  # when applied and reviewed, if before the conference
    approved_on: date | None = None  # when approved, if before the conference


CENTRE = "equity"

LISTINGS: tuple[DemoListing, ...] = (
    DemoListing("weihe", "growth"),
    DemoListing(
        "agritech",
        "sci_tech_innovation",
        (("Evidence of title to the seed coating patent", date(2026, 12, 15), None),),
        reviewed=True,
    ),
    DemoListing(
        "photonics",
        "sci_tech_innovation",
        (("Audited 2025 financial statements", date(2026, 11, 10), "Audit report QLP-2025-AR"),),
        reviewed=True,
        approved=True,
        code="SXKC0008",
        listed_on=CONFERENCE_DAY,
        holders=(("inventor", 6_000_000), ("host", 2_500_000), ("optics", 1_500_000)),
        # the Series A at 10 yuan a share
        rounds=(
            (
                "preferred_equity",
                "20000000.00",
                (("fund", 2_000_000),),
                date(2026, 11, 24),
                "investment",
            ),
        ),
        transfers=(("inventor", "xu", 250_000, "10.00", date(2026, 11, 25)),),
    ),
    DemoListing(
        "sensing",
        "growth",
        reviewed=True,
        approved=True,
        code="SXGR0117",
        listed_on=date(2025, 6, 30),
        holders=(("gao", 4_000_000), ("zhou", 2_500_000), ("fund", 2_000_000), ("host", 1_500_000)),
        suspended="Annual report for 2025 overdue",
        applied_on=date(2025, 4, 14),
        approved_on=date(2025, 6, 16),
    ),
)
