"""The demo's trading event: the conference day's programme, its nine roadshows and who pitched.

Plain data. Each roadshow lists its presenters by party key: `achievements` each pitch one of
their own achievements (made for the slot, see `achievements.py`), `companies` pitch
themselves. Thirty of the 72 presenters are from abroad, from fourteen countries and regions.
"""

from __future__ import annotations

from dataclasses import dataclass

from dealtrail.demo.core import CONFERENCE_DAY

HOST = "host"
NAME = "2026 Belt and Road Hard Science and Technology Achievements Trading Conference"
CITY = "Xi'an"
COUNTRY = "CN"
DAY = CONFERENCE_DAY

FORUMS = (
    "Main forum: hard science and technology transfer along the Belt and Road",
    "Forum on IP operation and sci-tech finance",
    "Presidents' forum of the university alliances",
)
EXHIBITION = "Exhibition of hard science and technology achievements"
UNVEILINGS: tuple[tuple[str, str | None], ...] = (  # (institution, party key if registered)
    ("International IP Cooperation and Exchange Centre", "ipcentre"),
    ("Service Centre of the Shaanxi Provincial Equity Trading Centre", None),
)
LAUNCHES = ("Online sci-tech achievements supermarket",)

# Agreements signed on the conference day, recorded on the event (keys of demo agreements).
SIGNED_AT_EVENT = ("tripartite", "academy", "graphene", "software", "knowhow")


@dataclass(frozen=True)
class DemoRoadshow:
    theme: str
    fields: tuple[str, ...]  # the fields of the pitched achievements, in turn
    achievements: tuple[str, ...]  # presenters pitching one of their achievements
    companies: tuple[str, ...] = ()  # companies pitching themselves

    @property
    def presenters(self) -> tuple[str, ...]:
        return self.achievements + self.companies


ROADSHOWS: tuple[DemoRoadshow, ...] = (
    DemoRoadshow(
        "International",
        ("energy", "new_materials", "information_technology", "agriculture", "biomedicine"),
        (
            "almaty",
            "tashkent",
            "bishkek",
            "dushanbe",
            "tomsk",
            "minsk",
            "lahore",
            "bangkok",
            "johor",
            "bandung",
            "alexandria",
            "budapest",
            "belgrade",
            "hongkong",
        ),
    ),
    DemoRoadshow(
        "AI and big data",
        ("artificial_intelligence", "information_technology"),
        ("host", "zhengzhou", "optics", "ma", "islamabad", "novosibirsk"),
        ("datavalley", "kowloon"),
    ),
    DemoRoadshow(
        "New materials",
        ("new_materials",),
        ("jinan", "lanzhou", "taiyuan", "host", "hohhot", "gao", "tomsk"),
        ("alloys",),
    ),
    DemoRoadshow(
        "Biomedicine",
        ("biomedicine",),
        ("biomed", "xining", "host", "zhou", "lanzhou", "alexandria"),
        ("changan", "biopharma"),
    ),
    DemoRoadshow(
        "Advanced manufacturing",
        ("advanced_manufacturing",),
        ("host", "zhengzhou", "taiyuan", "xu"),
        ("photonics", "qinchuan", "szeged", "surabaya"),
    ),
    DemoRoadshow(
        "Energy and environment",
        ("energy", "environment"),
        ("energy", "hohhot", "xining", "host", "pamir"),
        ("weihe", "astana", "issykkul"),
    ),
    DemoRoadshow(
        "Agriculture",
        ("agriculture",),
        ("inventor", "xining", "zhengzhou", "han", "novisad"),
        ("agritech", "samarkand"),
    ),
    DemoRoadshow(
        "Aerospace",
        ("aerospace",),
        ("propulsion", "host", "optics", "bandung"),
        ("cryotech",),
    ),
    DemoRoadshow(
        "Young scholars",
        ("artificial_intelligence", "new_materials", "biomedicine", "energy"),
        ("ma", "gao", "zhou", "li", "ma", "sadykova"),
    ),
)
