"""The demo's core: the founding parties and agreements of a Belt and Road sci-tech achievements
trading conference, and the records the rest of the demo is written in.

Plain data; `load.py` records it through the application, one idempotent command at a time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

CONFERENCE_DAY = date(2026, 11, 20)

SILK_ROAD = "Silk Road University Alliance"
YELLOW_RIVER = "Yellow River Basin University Alliance"


@dataclass(frozen=True)
class DemoParty:
    key: str
    name: str
    kind: str
    country: str
    alliances: tuple[str, ...] = ()


@dataclass(frozen=True)
class DemoSignature:
    party: str
    name: str
    title: str
    signed_on: date = CONFERENCE_DAY


@dataclass(frozen=True)
class DemoMilestone:
    title: str
    due_on: date
    owner: str
    achieved_on: date | None = None


@dataclass(frozen=True)
class DemoAgreement:
    key: str
    kind: str
    title: str
    summary: str
    parties: tuple[tuple[str, str], ...]  # (party key, role)
    value: tuple[str, str] | None = None  # (amount, currency)
    term: tuple[date, date] | None = None
    opened: bool = True
    signatures: tuple[DemoSignature, ...] = ()
    milestones: tuple[DemoMilestone, ...] = field(default=())
    completed_on: date | None = None


PARTIES: tuple[DemoParty, ...] = (
    DemoParty(
        "host",
        "Xi'an University of Science and Technology Transfer",
        "university",
        "CN",
        (SILK_ROAD, YELLOW_RIVER),
    ),
    DemoParty("nttc", "National Technology Transfer Centre (Xi'an)", "trading_centre", "CN"),
    DemoParty(
        "ipcentre", "International IP Cooperation and Exchange Centre", "trading_centre", "CN"
    ),
    DemoParty(
        "exchange",
        "Stock Exchange Sci-Tech Achievements and IP Trading Centre",
        "trading_centre",
        "CN",
    ),
    DemoParty("equity", "Shaanxi Provincial Equity Trading Centre", "trading_centre", "CN"),
    DemoParty("academy", "National Academy of Sciences of Kazakhstan", "academy", "KZ"),
    DemoParty("tashkent", "Tashkent State Technical University", "university", "UZ", (SILK_ROAD,)),
    DemoParty("bishkek", "Kyrgyz State Technical University", "university", "KG", (SILK_ROAD,)),
    DemoParty(
        "novosibirsk", "Novosibirsk State Technical University", "university", "RU", (SILK_ROAD,)
    ),
    DemoParty(
        "lahore",
        "University of Engineering and Technology, Lahore",
        "university",
        "PK",
        (SILK_ROAD,),
    ),
    DemoParty("budapest", "Budapest University of Technology", "university", "HU", (SILK_ROAD,)),
    DemoParty("belgrade", "University of Belgrade", "university", "RS", (SILK_ROAD,)),
    DemoParty("lanzhou", "Lanzhou University of Technology", "university", "CN", (YELLOW_RIVER,)),
    DemoParty("zhengzhou", "Zhengzhou Polytechnic University", "university", "CN", (YELLOW_RIVER,)),
    DemoParty(
        "jinan",
        "Shandong Institute of Advanced Materials",
        "research_institute",
        "CN",
        (YELLOW_RIVER,),
    ),
    DemoParty("photonics", "Qinling Photonics Co., Ltd.", "company", "CN"),
    DemoParty("agritech", "Loess Plateau Agritech Co., Ltd.", "company", "CN"),
    DemoParty("fund", "Silk Road Sci-Tech Innovation Fund", "investor", "CN"),
    DemoParty("inventor", "Dr. Liu Min", "individual", "CN"),
)

AGREEMENTS: tuple[DemoAgreement, ...] = (
    DemoAgreement(
        "tripartite",
        "service",
        "Tripartite agreement on sci-tech achievement and IP trading services",
        "The exchange's IP trading centre, the provincial equity trading centre and project "
        "stakeholders jointly list, trade and finance the conference's achievements.",
        (
            ("exchange", "service_provider"),
            ("equity", "service_provider"),
            ("host", "cooperation_partner"),
            ("photonics", "cooperation_partner"),
        ),
        term=(CONFERENCE_DAY, date(2029, 11, 19)),
        signatures=(
            DemoSignature("exchange", "Chen Jie", "Director"),
            DemoSignature("equity", "Zhao Lei", "General Manager"),
            DemoSignature("host", "Wang Hong", "Vice-President"),
            DemoSignature("photonics", "Sun Yue", "Chief Executive"),
        ),
        milestones=(
            DemoMilestone("First twenty achievements listed", date(2027, 1, 31), "exchange"),
            DemoMilestone(
                "Joint service desk opened",
                date(2026, 11, 20),
                "equity",
                achieved_on=CONFERENCE_DAY,
            ),
        ),
    ),
    DemoAgreement(
        "academy",
        "cooperation",
        "International cooperation agreement on technology transfer",
        "A foreign national academy and the university's national technology transfer centre "
        "set up a joint laboratory and exchange researchers.",
        (("academy", "cooperation_partner"), ("nttc", "cooperation_partner")),
        value=("1200000.00", "CNY"),
        term=(CONFERENCE_DAY, date(2031, 11, 19)),
        signatures=(
            DemoSignature("academy", "Aida Nurlanovna", "Vice-President"),
            DemoSignature("nttc", "Li Qiang", "Director", date(2026, 11, 18)),
        ),
        milestones=(
            DemoMilestone("Joint laboratory charter adopted", date(2026, 11, 25), "nttc"),
            DemoMilestone("First researcher exchange", date(2027, 4, 1), "academy"),
        ),
    ),
    DemoAgreement(
        "licence",
        "technology_licence",
        "Licence of a high-power laser welding process",
        "Exclusive licence of the host university's laser welding process in Central Asia.",
        (("host", "licensor"), ("photonics", "licensee"), ("ipcentre", "witness")),
        value=("3500000.00", "CNY"),
        term=(date(2026, 12, 1), date(2036, 11, 30)),
        signatures=(DemoSignature("host", "Wang Hong", "Vice-President"),),
    ),
    DemoAgreement(
        "assignment",
        "technology_assignment",
        "Assignment of a drought-resistant seed coating patent",
        "Outright assignment of a patent family to an agritech company.",
        (("inventor", "assignor"), ("agritech", "assignee")),
        value=("800000.00", "CNY"),
        opened=False,
    ),
    DemoAgreement(
        "investment",
        "investment",
        "Series A investment in Qinling Photonics",
        "Equity financing led by a sci-tech innovation fund.",
        (("fund", "investor"), ("photonics", "cooperation_partner")),
        value=("20000000.00", "CNY"),
        signatures=(
            DemoSignature("fund", "Huang Bo", "Managing Partner", date(2026, 11, 19)),
            DemoSignature("photonics", "Sun Yue", "Chief Executive", date(2026, 11, 19)),
        ),
        completed_on=date(2026, 11, 24),
    ),
)
