"""The demo's other parties: members of the alliances and the people and firms around them.

Plain data, like `core.py`: universities, institutes and companies from fourteen Belt and Road
countries and regions (they present the international projects), the Yellow River alliance's
universities, Shaanxi's provincial institutes and companies, young scholars and alumni.
"""

from __future__ import annotations

from dealtrail.demo.core import SILK_ROAD, YELLOW_RIVER, DemoParty

YOUNG_SCHOLARS = "Young Scholars Innovation Network"
ALUMNI = "Alumni Entrepreneurs Association"

ABROAD: tuple[DemoParty, ...] = (
    DemoParty("almaty", "Al-Farabi Kazakh National University", "university", "KZ", (SILK_ROAD,)),
    DemoParty("astana", "Astana Hydrogen Technologies LLP", "company", "KZ"),
    DemoParty("samarkand", "Samarkand Agro Innovations LLC", "company", "UZ"),
    DemoParty("issykkul", "Issyk-Kul Solar Engineering LLC", "company", "KG"),
    DemoParty("dushanbe", "Tajik Technical University", "university", "TJ", (SILK_ROAD,)),
    DemoParty("pamir", "Pamir Institute of Hydropower Research", "research_institute", "TJ"),
    DemoParty("tomsk", "Tomsk Polytechnic University", "university", "RU", (SILK_ROAD,)),
    DemoParty(
        "minsk", "Belarusian National Technical University", "university", "BY", (SILK_ROAD,)
    ),
    DemoParty("alloys", "Minsk Precision Alloys JSC", "company", "BY"),
    DemoParty(
        "islamabad",
        "National University of Sciences and Technology, Islamabad",
        "university",
        "PK",
        (SILK_ROAD,),
    ),
    DemoParty(
        "bangkok",
        "King Mongkut's University of Technology Thonburi",
        "university",
        "TH",
        (SILK_ROAD,),
    ),
    DemoParty("biopharma", "Bangkok BioPharma Co., Ltd.", "company", "TH"),
    DemoParty("johor", "Universiti Teknologi Malaysia", "university", "MY", (SILK_ROAD,)),
    DemoParty("penang", "Penang Semiconductor Sdn. Bhd.", "company", "MY"),
    DemoParty("bandung", "Bandung Institute of Technology", "university", "ID", (SILK_ROAD,)),
    DemoParty("surabaya", "PT Surabaya Marine Robotics", "company", "ID"),
    DemoParty("alexandria", "Alexandria University", "university", "EG", (SILK_ROAD,)),
    DemoParty("nile", "Nile Delta Water Solutions S.A.E.", "company", "EG"),
    DemoParty("szeged", "Szeged Laser Applications Kft.", "company", "HU"),
    DemoParty(
        "novisad", "Institute of Agricultural Engineering, Novi Sad", "research_institute", "RS"
    ),
    DemoParty(
        "hongkong",
        "Hong Kong University of Science and Technology",
        "university",
        "HK",
        (SILK_ROAD,),
    ),
    DemoParty("kowloon", "Kowloon Fintech Labs Ltd.", "company", "HK"),
    DemoParty("sadykova", "Dr. Aigerim Sadykova", "individual", "KZ", (YOUNG_SCHOLARS,)),
)

AT_HOME: tuple[DemoParty, ...] = (
    DemoParty("taiyuan", "Taiyuan University of Technology", "university", "CN", (YELLOW_RIVER,)),
    DemoParty(
        "hohhot", "Inner Mongolia University of Technology", "university", "CN", (YELLOW_RIVER,)
    ),
    DemoParty("xining", "Qinghai University", "university", "CN", (YELLOW_RIVER,)),
    DemoParty("optics", "Shaanxi Institute of Optics Research", "research_institute", "CN"),
    DemoParty("biomed", "Shaanxi Institute of Biomedicine", "research_institute", "CN"),
    DemoParty("propulsion", "Shaanxi Aerospace Propulsion Institute", "research_institute", "CN"),
    DemoParty("energy", "Shaanxi Energy Research Institute", "research_institute", "CN"),
    DemoParty("weihe", "Weihe Water Technologies Co., Ltd.", "company", "CN"),
    DemoParty("cryotech", "Xi'an Cryotech Co., Ltd.", "company", "CN"),
    DemoParty("qinchuan", "Qinchuan Intelligent Manufacturing Co., Ltd.", "company", "CN"),
    DemoParty("changan", "Chang'an Biopharma Co., Ltd.", "company", "CN"),
    DemoParty("sensing", "Xi'an Smart Sensing Co., Ltd.", "company", "CN"),
    DemoParty("datavalley", "Xi'an Data Valley Co., Ltd.", "company", "CN"),
    DemoParty("ma", "Dr. Ma Xiaoyu", "individual", "CN", (YOUNG_SCHOLARS,)),
    DemoParty("gao", "Dr. Gao Yan", "individual", "CN", (YOUNG_SCHOLARS,)),
    DemoParty("zhou", "Dr. Zhou Jun", "individual", "CN", (YOUNG_SCHOLARS,)),
    DemoParty("li", "Dr. Li Jiayi", "individual", "CN", (YOUNG_SCHOLARS,)),
    DemoParty("xu", "Dr. Xu Tao", "individual", "CN", (ALUMNI,)),
    DemoParty("han", "Prof. Han Mei", "individual", "CN", (ALUMNI,)),
)

MEMBERS = ABROAD + AT_HOME
