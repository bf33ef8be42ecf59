"""Dates follow each other: each record type's dated steps, and what each one follows.

`Follows(step, earlier, code)` says a step is dated on or after every date of `earlier` the
record holds. A command that dates a step is checked both ways: the step may not precede what it
follows, nor come after a date the record holds that must follow it. The first rule broken, in
the order written, names the error. Recording late is normal (a paper signed last week is recorded
today), so a business date may precede the moment it is recorded: never the dates it follows.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from dealtrail.domain.errors import fail

Dates = Mapping[str, tuple[date, ...]]


@dataclass(frozen=True)
class Follows:
    step: str
    earlier: str
    code: str  # catalogued in errors.py; its message may name {earlier} and {later}


class DateOrder:
    """The date rules of one record type."""

    def __init__(self, *rules: Follows) -> None:
        self.rules = rules

    def check(self, step: str, day: date, field: str, dates: Dates) -> None:
        """Refuses `day` as the date of `step` (given in `field`) if it breaks a rule against
        `dates`: every date the record holds, by step (a step may have several: payments)."""
        for rule in self.rules:
            if rule.step == step:
                earlier, later = max(dates.get(rule.earlier, ()), default=None), day
            elif rule.earlier == step:
                earlier, later = day, min(dates.get(rule.step, ()), default=None)
            else:
                continue
            if earlier is not None and later is not None and later < earlier:
                raise fail(rule.code, field, earlier=earlier, later=later)


def on(*days: date | None) -> tuple[date, ...]:
    """The dates a record holds for one step (None: not dated, or not taken)."""
    return tuple(day for day in days if day is not None)


# An agreement's effective date is its last required signature. An agreement that never took
# effect has no date of its own (a draft's term is a plan, not a fact): its termination follows
# only the signatures it collected.
AGREEMENT_DATES = DateOrder(
    Follows("term_ends", "signed", "agreement.signed_after_term_end"),
    Follows("amendment_proposed", "effective", "agreement.amendment_proposed_before_effective"),
    Follows("amendment_signed", "amendment_proposed", "agreement.amendment_signed_before_proposed"),
    Follows("milestone_achieved", "effective", "agreement.milestone_achieved_before_effective"),
    Follows("completed", "effective", "agreement.completed_before_effective"),
    Follows("terminated", "effective", "agreement.terminated_before_effective"),
    Follows("terminated", "signed", "agreement.terminated_before_signed"),
)

IP_ASSET_DATES = DateOrder(
    Follows("granted", "filed", "ip_asset.granted_before_filed"),
    Follows("lapsed", "filed", "ip_asset.lapsed_before_filed"),
    Follows("lapsed", "granted", "ip_asset.lapsed_before_granted"),
    Follows("expired", "granted", "ip_asset.expired_before_grant"),
)

# The contract is signed when the agreement is in effect and both holder and recipient have
# signed it. A proposal has no date of its own; the consideration's due dates are plans.
IP_TRANSFER_DATES = DateOrder(
    Follows("contract_signed", "valuated", "ip_transfer.contract_signed_before_valuated"),
    Follows("recorded", "contract_signed", "ip_transfer.recorded_before_contract"),
    Follows("paid", "contract_signed", "ip_transfer.paid_before_contract"),
    Follows("completed", "contract_signed", "ip_transfer.completed_before_contract"),
    Follows("completed", "recorded", "ip_transfer.completed_before_recorded"),
    Follows("completed", "paid", "ip_transfer.completed_before_paid"),
    Follows("cancelled", "valuated", "ip_transfer.cancelled_before_valuated"),
    Follows("cancelled", "contract_signed", "ip_transfer.cancelled_before_contract"),
    Follows("cancelled", "paid", "ip_transfer.cancelled_before_paid"),
)
