"""The receivables report: scheduled amounts, payments, and what is outstanding by age."""

from __future__ import annotations

from decimal import Decimal as D
from typing import Any

from .conftest import Api
from .ip_steps import Deal
from .report_steps import Contract, money, posted, report

AS_OF = "2027-03-31"
AGES = ("not_yet_due", "days_0_30", "days_31_60", "days_61_90", "days_over_90")
# Due dates 150, 90, 60, 0 and -31 days before AS_OF: one for each age.
LICENCE = [
    ("2026-11-01", "100000.00"),
    ("2026-12-31", "200000.00"),
    ("2027-01-30", "300000.00"),
    ("2027-03-31", "400000.00"),
    ("2027-05-01", "500000.00"),
]
PAID = [("150000.00", "2026-11-10"), ("20000.00", "2026-11-25")]


def instalments(lines: list[tuple[str, str]], currency: str = "CNY") -> list[dict[str, Any]]:
    return [{"due_on": due_on, "amount": money(amount, currency)} for due_on, amount in lines]


def consideration(deal: Deal, kind: str, lines: list[tuple[str, str]], currency: str) -> None:
    response = deal.api.put(
        f"{deal.url}/consideration",
        json={"kind": kind, "instalments": instalments(lines, currency)},
    )
    posted(response)


def signed_under(deal: Deal, schedule: tuple[tuple[str, str], ...] = ()) -> Contract:
    """The deal valuated and signed under an agreement of its two parties (with `schedule`),
    which took effect on 2026-11-05: before the payments of these tests."""
    deal.valuate("2026-11-01")
    total = str(sum((D(a) for _, a in schedule), D("500000.00")))
    contract = Contract(
        deal.api, [deal.holder, deal.recipient], value=money(total), schedule=schedule
    )
    contract.effective("2026-11-05")
    posted(deal.post("contract", {"agreement_id": contract.id}))
    return contract


def figures(row: dict[str, Any]) -> dict[str, D]:
    return {k: D(row[k]) for k in ("scheduled", "paid", "outstanding", *AGES)}


def test_receivables_apply_payments_oldest_first_and_age_what_is_left(
    staff: Api, dashboard: Api
) -> None:
    licence = Deal(staff, mode="exclusive_licence")
    carrier = signed_under(licence, schedule=(("2026-12-01", "1.00"),))
    consideration(licence, "instalments", LICENCE, "CNY")
    for amount, on in PAID:
        posted(licence.pay(money(amount), on))
    uni, kz = licence.holder, licence.recipient
    agreement = Contract(
        staff,
        [uni, kz],
        kind="technology_licence",
        value=money("1000000.00"),
        schedule=(("2026-10-01", "300000.00"), ("2027-06-30", "700000.00")),
        title="Licence of the welding process",
    ).effective("2026-09-01")
    Contract(staff, [uni, kz], value=money("5.00"), schedule=(("2026-10-01", "5.00"),))  # a draft
    lump = Deal(staff)
    signed_under(lump)
    consideration(lump, "lump_sum", [("2026-11-30", "50000.00")], "USD")
    cancelled = Deal(staff)
    signed_under(cancelled)
    consideration(cancelled, "lump_sum", [("2026-11-30", "7.00")], "CNY")
    posted(cancelled.post("cancellation", {"reason": "Lapsed", "cancelled_on": "2026-11-25"}))

    answer = report(dashboard, "receivables", as_of=AS_OF)

    rows = {r["source_id"]: r for r in answer["rows"]}
    assert [(r["source"], r["source_id"]) for r in answer["rows"]] == [
        ("agreement", agreement.id),
        ("ip_transfer", licence.id),
        ("ip_transfer", lump.id),
    ]
    assert carrier.id not in rows  # its money is counted on the transfer signed under it
    paid = sum(D(a) for a, _ in PAID)
    owed = [D(a) for _, a in LICENCE]
    left_of_second = owed[1] - (paid - owed[0])
    assert figures(rows[licence.id]) == {
        "scheduled": sum(owed),
        "paid": paid,
        "outstanding": sum(owed) - paid,
        "days_over_90": D(0),
        "days_61_90": left_of_second,
        "days_31_60": owed[2],
        "days_0_30": owed[3],
        "not_yet_due": owed[4],
    }
    assert figures(rows[agreement.id]) == {
        "scheduled": D("1000000.00"),
        "paid": D(0),
        "outstanding": D("1000000.00"),
        "days_over_90": D("300000.00"),
        **dict.fromkeys(("days_61_90", "days_31_60", "days_0_30"), D(0)),
        "not_yet_due": D("700000.00"),
    }
    assert (rows[lump.id]["currency"], rows[lump.id]["days_over_90"]) == ("USD", "50000.00")
    assert rows[agreement.id]["title"] == "Licence of the welding process"
    assert rows[licence.id]["title"] == "Graphene membrane for seawater desalination"
    cny = next(t for t in answer["totals"] if t["currency"] == "CNY")
    assert {k: D(v) for k, v in cny.items() if k != "currency"} == {
        k: figures(rows[licence.id])[k] + figures(rows[agreement.id])[k]
        for k in figures(rows[agreement.id])
    }
    assert [t["currency"] for t in answer["totals"]] == ["CNY", "USD"]


def test_payments_after_the_day_do_not_count_and_amounts_are_exact_strings(
    staff: Api, dashboard: Api
) -> None:
    deal = Deal(staff, mode="sole_licence")
    signed_under(deal)
    consideration(deal, "instalments", [("2026-11-01", "0.10"), ("2026-11-02", "0.20")], "CNY")
    posted(deal.pay(money("0.10"), "2026-11-10"))
    posted(deal.pay(money("0.05"), "2026-11-25"))

    row = report(dashboard, "receivables", as_of="2026-11-20")["rows"][0]

    assert (row["scheduled"], row["paid"], row["outstanding"]) == ("0.30", "0.10", "0.20")
    assert (row["days_0_30"], row["not_yet_due"]) == ("0.20", "0.00")
