"""What makes a case schemathesis generates as valid valid in this store too, and the refusals
of valid cases still tolerated: what the OpenAPI document cannot state (the store's state, one
value compared with another). Used by test_schemathesis.py."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from decimal import ROUND_DOWN, Decimal
from typing import Any

from iso4217 import Currency

from dealtrail.domain.money import CURRENCY_CODES
from tests.api.supermarket_steps import DAY

# Valid by the schema, yet refused for what no schema can say: they name the state of the store
# (`Stateless` leaves them out of valid cases; invalid cases send them, and a
# Dealtrail-Min-Position beyond the head is refused at once, 422).
STATEFUL_QUERY = {"after": "a cursor is only what a previous page gave out"}
STATEFUL_HEADERS = {
    "If-Match": "only the record's current ETag passes (412 otherwise)",
    "Dealtrail-Min-Position": "a position beyond the log's head is refused",
}
STATEFUL_BODY = {"corrects": "only a log position of one of this record's own events"}
ONE_OF = ("version", "as_of", "effective_at")  # OpenAPI 3.0 cannot say "at most one of" these
# Body fields naming another record: a valid request names one that exists (the seeded ones).
REFERENCES = {
    "party": ("party_id", "company_id", "counterparty_id", "investor_ids", "subject_id"),
    "agreement": ("agreement_id",),
    "event": ("event_id",),
    "transfer": ("transfer_id",),
    "asset": ("asset_id", "asset_ids"),
    "achievement": ("achievement_id",),
}


def _record_kind(key: str) -> str | None:
    for kind, suffixes in REFERENCES.items():
        if key.endswith(suffixes):
            return kind
    return None


class Stateless:
    """Makes a valid case valid in this store too: without what only the store's state makes
    valid (STATEFUL_*), with at most one of ONE_OF (the document says so in words; parameters
    cannot), naming seeded records where it names others, with a key of its own where it gives
    an Idempotency-Key (one key sent again with another body is refused, as it must be)."""

    def __init__(self, known: dict[str, Any]) -> None:
        self.known = known

    def __call__(self, case: Any) -> Any:
        for name in STATEFUL_QUERY:
            (case.query or {}).pop(name, None)
        for name, value in (case.query or {}).items():
            if isinstance(value, str):
                case.query[name] = _on_record(value, None)
        for name in STATEFUL_HEADERS:
            (case.headers or {}).pop(name, None)
        if case.headers and "Idempotency-Key" in case.headers:
            case.headers["Idempotency-Key"] = f"fuzz-{next(KEYS)}"
        given = [name for name in ONE_OF if name in (case.query or {})]
        for name in given[1:]:
            case.query.pop(name)
        if isinstance(case.body, dict):
            for name in STATEFUL_BODY:
                case.body.pop(name, None)
            parties = itertools.cycle(self.known["parties"])
            self._name_seeded(case.body, parties)
            on_record(case.body, DAY if "{event_id}" in case.operation.path else None)
        return case

    def _name_seeded(self, value: Any, parties: Any) -> None:
        pending = [value]
        while pending:
            item = pending.pop()
            if isinstance(item, list):
                pending.extend(item)
            if not isinstance(item, dict):
                continue
            for key, inner in item.items():
                kind = _record_kind(key)
                if kind is None:
                    pending.append(inner)
                    continue
                if isinstance(inner, list):  # distinct, as the seeded records are
                    item[key] = list(dict.fromkeys(self._pick(kind, parties) for _ in inner))
                elif isinstance(inner, str):
                    item[key] = self._pick(kind, parties)

    def _pick(self, kind: str, parties: Iterator[str]) -> str:
        return next(parties) if kind == "party" else self.known[kind]


KEYS = itertools.count()  # Idempotency-Keys no case of this process has sent
# Rules of the domain that the document states in words, as OpenAPI 3.0 cannot: dates on record
# run from 1900 to 2199 (a `pattern` beside `format: date` makes Hypothesis filter 97% of its
# dates: 45 s for 20 cases); an amount is no finer than its currency's minor unit (the other
# field); an event's happenings fall within its dates (those of the seeded event, one day).
DATE = re.compile(r"^(\d{4})-\d\d-\d\d")


def _on_record(text: str, day: str | None) -> str:
    found = DATE.match(text)
    if found is None:
        return text
    if day is not None:
        return day + text[10:]
    return text if 1900 <= int(found[1]) <= 2199 else "2024" + text[4:]  # a leap year


def _to_minor_units(money: dict[str, Any]) -> None:
    exponent = Currency(money["currency"]).exponent or 0
    amount = Decimal(str(money["amount"]))
    money["amount"] = str(amount.quantize(Decimal(1).scaleb(-exponent), rounding=ROUND_DOWN))


def on_record(body: Any, day: str | None) -> None:
    pending = [body]
    while pending:
        item = pending.pop()
        entries = list(item.items()) if isinstance(item, dict) else enumerate(item)
        for key, value in entries:
            if isinstance(value, str):
                item[key] = _on_record(value, day)
            elif isinstance(value, dict | list):
                pending.append(value)
        money = isinstance(item, dict) and {"amount", "currency"} <= item.keys()
        if money and item["currency"] in CURRENCY_CODES and item["amount"] is not None:
            _to_minor_units(item)


# Refusals of valid requests still tolerated: rules the document cannot state (it says them in
# words). Each is a 422 with its own code (or a validation_failed listing only such codes); any
# other refusal of a valid request fails. Every other rule is stated (patterns, enums,
# uniqueItems, a body's `oneOf` of shapes: web/spec_fields.py SchemaRules).
UNSTATED = {
    # Another record, or the store's state, decides.
    "privacy.unknown_subject": "an erasure names a data subject on record",
    "listing.not_a_company": "a listing's company is a party of kind company",
    "trading_event.not_a_company": "a slot's company is a party of kind company",
    "audit.beyond_tree": "a consistency proof's sizes are first <= second <= the tree's size",
    # One value compared with another: JSON Schema (OpenAPI 3.0's or later) cannot compare.
    "effective_at.not_on_business_date": "effective_at falls on the command's business date",
    "achievement.trl_range_reversed": "trl_min <= trl_max, across two parameters",
    "agreement.effective_range_reversed": "effective_from <= effective_to, across two parameters",
    "ip_transfer.term_dates_reversed": "a term ends on or after it starts",
    "agreement.term_dates_reversed": "a term ends on or after it starts",
    "trading_event.dates_reversed": "an event ends on or after it starts",
    "consideration.currency_mismatch": "a schedule's amounts are in its currency",
    "money.currency_mismatch": "amounts of one record share one currency",
    "agreement.duplicate_party": "parties are distinct (uniqueItems compares whole items, and "
    "two entries may name one party in two roles)",
    # Statable only in forms generators cannot draw from, or that OpenAPI 3.0 lacks.
    "import.missing_columns": "a CSV's first line names the required columns in any order (one "
    "lookahead per column)",
    "import.no_header": "a CSV's first line names columns: a line of blank cells (`, `) names "
    "none, which only the required columns' lookaheads could state",
    "ip_identifier.malformed": "a number's format depends on its office and kind (each office's "
    "own rules, check digits)",
    "text.control_character": "a key of `identifiers` is one line (OpenAPI 3.0 has no "
    "propertyNames)",
    "consideration.percentage_too_precise": "a JSON number's decimal places (multipleOf 0.0001 "
    "on binary floats refuses 0.3; the text form's pattern states them)",
    "text.blank": "text of nothing but blanks and format controls beyond the BMP (the pattern "
    "cannot carry those: web/api/schemas/text.py)",
}


def unstated(response: Any) -> bool:
    """A 422 for a rule in UNSTATED only."""
    if response.status_code != 422:
        return False
    body = response.json()
    codes = {error.get("code") for error in body.get("errors", [])} or {body.get("code")}
    return codes <= UNSTATED.keys()

