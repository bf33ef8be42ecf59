"""Every domain error dealtrail can raise, with its stable code and message, in one place.

A `Conflict` says the command does not fit the aggregate's current state (HTTP 409);
an `Invalid` says a value breaks a rule whatever the state (HTTP 422); a `Missing` names a part
of an aggregate that does not exist (HTTP 404).
"""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """A command was refused; nothing was recorded."""

    def __init__(self, code: str, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field


class Conflict(DomainError):
    """The command breaks a rule of the aggregate's lifecycle."""


class Invalid(DomainError):
    """A value given to the command breaks a domain rule."""


class Missing(DomainError):
    """The command names a part of the aggregate (a milestone, an amendment) that does not exist."""


CATALOGUE: dict[str, tuple[type[DomainError], str]] = {
    # values
    "money.invalid_amount": (Invalid, "Amount {amount!r} is not a finite decimal number."),
    "money.negative_amount": (Invalid, "Amount {amount} must not be negative."),
    "money.unknown_currency": (Invalid, "{currency!r} is not an ISO 4217 currency code."),
    "money.not_a_currency": (Invalid, "{currency} has no minor unit: it is not a currency."),
    "money.too_precise": (Invalid, "{amount} has more decimals than {currency} allows ({places})."),
    "money.currency_mismatch": (Invalid, "Amounts in {left} and {right} cannot be combined."),
    "country.unknown": (Invalid, "{code!r} is not an ISO 3166-1 alpha-2 country code."),
    "text.blank": (Invalid, "{what} must not be blank."),
    "text.control_character": (Invalid, "{what} must not contain control characters."),
    "money.too_large": (Invalid, "{amount} is larger than any deal this system records."),
    # parties
    "party.name_unchanged": (Conflict, "The party is already named {name!r}."),
    "party.already_member": (Conflict, "The party is already a member of {alliance!r}."),
    "party.not_a_member": (Conflict, "The party is not a member of {alliance!r}."),
    "party.unknown_kind": (Invalid, "{kind!r} is not a kind of party."),
    "party.unknown": (Invalid, "Party {party_id} does not exist."),
    # agreements: drafting
    "agreement.too_few_parties": (Invalid, "An agreement needs at least two parties."),
    "agreement.duplicate_party": (Invalid, "Party {party_id} is named more than once."),
    "agreement.no_required_signatory": (Invalid, "At least one party must be required to sign."),
    "agreement.term_dates_reversed": (Invalid, "The term ends ({ends_on}) before it starts."),
    "agreement.schedule_exceeds_value": (
        Invalid,
        "The payment schedule ({scheduled}) exceeds the contract value ({value}).",
    ),
    "agreement.schedule_without_value": (Invalid, "A payment schedule needs a contract value."),
    "agreement.not_draft": (Conflict, "Only a draft can be changed this way; it is {status}."),
    # agreements: signing and lifecycle
    "agreement.not_open_for_signature": (
        Conflict,
        "The agreement is not open for signature; it is {status}.",
    ),
    "agreement.unknown_party": (Invalid, "Party {party_id} is not a party to this agreement."),
    "agreement.party_already_signed": (Conflict, "Party {party_id} has already signed."),
    "agreement.signed_in_future": (
        Invalid,
        "A signature cannot be dated {signed_on}: in the future.",
    ),
    "agreement.not_effective": (Conflict, "The agreement is not in effect; it is {status}."),
    "agreement.already_ended": (Conflict, "The agreement has already ended; it is {status}."),
    "agreement.not_yet_expired": (Conflict, "The term runs until {ends_on}; it has not expired."),
    "agreement.no_end_date": (Conflict, "The agreement has no end date, so it cannot expire."),
    "agreement.date_in_future": (Invalid, "{what} cannot be dated {on}: in the future."),
    # amendments
    "agreement.amendment_pending": (
        Conflict,
        "Amendment {amendment_id} is still awaiting signatures.",
    ),
    "agreement.unknown_amendment": (Missing, "Amendment {amendment_id} does not exist."),
    "agreement.amendment_not_pending": (Conflict, "Amendment {amendment_id} is no longer pending."),
    "agreement.amendment_already_signed": (
        Conflict,
        "Party {party_id} has already signed amendment {amendment_id}.",
    ),
    "agreement.amendment_changes_nothing": (Invalid, "The amendment leaves the terms unchanged."),
    # milestones
    "agreement.unknown_milestone": (Missing, "Milestone {milestone_id} does not exist."),
    "agreement.milestone_exists": (Conflict, "Milestone {milestone_id} already exists."),
    "agreement.milestone_closed": (Conflict, "Milestone {milestone_id} is already {state}."),
    "agreement.milestone_due_unchanged": (
        Conflict,
        "Milestone {milestone_id} is already due then.",
    ),
}


def fail(code: str, field: str | None = None, /, **params: Any) -> DomainError:
    """Builds the catalogued error `code`, naming the input `field` at fault; raise it."""
    kind, template = CATALOGUE[code]
    return kind(code, template.format(**params), field)
