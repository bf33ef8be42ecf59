"""Every domain error dealtrail can raise, with its stable code and message, in one place.

A `Conflict` says the command does not fit the aggregate's current state (HTTP 409), a `Taken`
that a value only one record may hold is held by another record (HTTP 409, naming it); an
`Invalid` says a value breaks a rule whatever the state (HTTP 422); a `Missing` names a part of
an aggregate that does not exist (HTTP 404).
"""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """A command was refused; nothing was recorded."""

    def __init__(
        self,
        code: str,
        message: str,
        field: str | None = None,
        params: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field
        self.params = dict(params or {})  # the values the message names


class Conflict(DomainError):
    """The command breaks a rule of the aggregate's lifecycle."""


class Taken(Conflict):
    """A value only one record may hold (a unique key) is held by the record `existing_id`."""

    @property
    def existing_id(self) -> str:
        return str(self.params["existing_id"])


class Invalid(DomainError):
    """A value given to the command breaks a domain rule."""


class Missing(DomainError):
    """The command names a part of the aggregate (a milestone, an amendment) that does not exist."""


CATALOGUE: dict[str, tuple[type[DomainError], str]] = {
    # values
    "number.not_decimal": (
        Invalid,
        "{value!r} is not a decimal number: write ASCII digits, with a point for decimals "
        "(1234.50).",
    ),
    "number.not_whole": (
        Invalid,
        "{value!r} is not a whole number: write up to 30 ASCII digits (1234).",
    ),
    "money.invalid_amount": (
        Invalid,
        "Amount {amount!r} is not a decimal number: write ASCII digits, with a point for "
        "decimals (1234.50).",
    ),
    "money.negative_amount": (Invalid, "Amount {amount} must not be negative."),
    "money.unknown_currency": (Invalid, "{currency!r} is not an ISO 4217 currency code."),
    "money.not_a_currency": (Invalid, "{currency} has no minor unit: it is not a currency."),
    "money.too_precise": (Invalid, "{amount} has more decimals than {currency} allows ({places})."),
    "money.currency_mismatch": (Invalid, "Amounts in {left} and {right} cannot be combined."),
    "country.unknown": (Invalid, "{code!r} is not an ISO 3166-1 alpha-2 country code."),
    "text.blank": (Invalid, "{what} must not be blank."),
    "text.control_character": (Invalid, "{what} must not contain {which}."),
    "date.out_of_range": (
        Invalid,
        "{what} cannot be {on}: the dates on record run from {earliest} to {latest} "
        "(leave out a date there is none of).",
    ),
    "money.too_large": (Invalid, "{amount} is larger than any deal this system records."),
    "effective_at.not_on_business_date": (
        Invalid,
        "effective_at {effective_at} is not on {what} ({on}) in any time zone (UTC-12 to "
        "UTC+14): give a time on that day, or leave effective_at out.",
    ),
    # parties
    "party.name_unchanged": (Conflict, "The party is already named {name!r}."),
    "party.already_member": (Conflict, "The party is already a member of {alliance!r}."),
    "party.not_a_member": (Conflict, "The party is not a member of {alliance!r}."),
    "correction.unknown_event": (
        Invalid,
        "There is no event of this record at log position {position} to correct.",
    ),
    "token.already_revoked": (Conflict, "Token {token_id} is already revoked."),
    "token.name_too_long": (Invalid, "A token's name must be at most {limit} characters."),
    "party.unknown_kind": (Invalid, "{kind!r} is not a kind of party."),
    "party.unknown": (Invalid, "Party {party_id} does not exist."),
    "party.unknown_identifier_scheme": (
        Invalid,
        "{scheme!r} is not an identifier scheme this record checks; use one of: {accepted}.",
    ),
    "party.invalid_identifier": (
        Invalid,
        "{value!r} is not a valid {name} (scheme {scheme}): {reason}.",
    ),
    # agreements: drafting
    "agreement.too_few_parties": (Invalid, "An agreement needs at least two parties."),
    "agreement.duplicate_party": (Invalid, "Party {party_id} is named more than once."),
    "agreement.no_required_signatory": (Invalid, "At least one party must be required to sign."),
    "agreement.term_dates_reversed": (Invalid, "The term ends ({ends_on}) before it starts."),
    "agreement.effective_range_reversed": (
        Invalid,
        "effective_from ({effective_from}) must not be after effective_to ({effective_to}).",
    ),
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
    "agreement.signed_after_term_end": (
        Invalid,
        "A signature on {earlier} cannot come after the term ends, on {later}.",
    ),
    "agreement.not_effective": (Conflict, "The agreement is not in effect; it is {status}."),
    "agreement.already_ended": (Conflict, "The agreement has already ended; it is {status}."),
    "agreement.not_yet_expired": (Conflict, "The term runs until {ends_on}; it has not expired."),
    "agreement.no_end_date": (Conflict, "The agreement has no end date, so it cannot expire."),
    "agreement.date_in_future": (Invalid, "{what} cannot be dated {on}: in the future."),
    "agreement.completed_before_effective": (
        Invalid,
        "The agreement cannot be completed on {later}: it took effect on {earlier}.",
    ),
    "agreement.terminated_before_effective": (
        Invalid,
        "The agreement cannot be terminated on {later}: it took effect on {earlier}.",
    ),
    "agreement.terminated_before_signed": (
        Invalid,
        "The agreement cannot be terminated on {later}: it was signed on {earlier}.",
    ),
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
    "agreement.amendment_proposed_before_effective": (
        Invalid,
        "An amendment cannot be proposed on {later}: the agreement took effect on {earlier}.",
    ),
    "agreement.amendment_signed_before_proposed": (
        Invalid,
        "The amendment cannot be signed on {later}: it was proposed on {earlier}.",
    ),
    # milestones
    "agreement.unknown_milestone": (Missing, "Milestone {milestone_id} does not exist."),
    "agreement.milestone_exists": (Conflict, "Milestone {milestone_id} already exists."),
    "agreement.milestone_closed": (Conflict, "Milestone {milestone_id} is already {state}."),
    "agreement.milestone_due_unchanged": (
        Conflict,
        "Milestone {milestone_id} is already due then.",
    ),
    "agreement.milestone_achieved_before_effective": (
        Invalid,
        "A milestone cannot be achieved on {later}: the agreement took effect on {earlier}.",
    ),
    # equity listings: values
    "listing.not_a_company": (Invalid, "Party {party_id} is not a company but a {kind}."),
    "listing.not_a_trading_centre": (
        Invalid,
        "Party {party_id} is not a trading centre but a {kind}.",
    ),
    "listing.unknown_board": (Invalid, "{board!r} is not a board of a trading centre."),
    "listing.unknown_instrument": (Invalid, "{instrument!r} is not a financing instrument."),
    "listing.unknown_agreement": (Invalid, "Agreement {agreement_id} does not exist."),
    "listing.invalid_code": (Invalid, "{code!r} is not a listing code (4-12 letters or digits)."),
    "listing.date_in_future": (Invalid, "{what} cannot be dated {on}: in the future."),
    "listing.dated_before_listing": (
        Invalid,
        "{what} cannot be dated {on}: before the listing on {listed_on}.",
    ),
    "listing.no_investors": (Invalid, "A financing round needs at least one investor."),
    "listing.duplicate_investor": (Invalid, "Investor {party_id} is named more than once."),
    "listing.nothing_raised": (Invalid, "A financing round must raise more than nothing."),
    "listing.shares_not_positive": (Invalid, "{shares} is not a positive number of shares."),
    "listing.transfer_to_self": (Invalid, "Party {party_id} cannot transfer shares to itself."),
    "listing.too_many_shares": (
        Invalid,
        "{shares} shares is more than any company's register counts (at most {most}).",
    ),
    "listing.consideration_too_large": (
        Invalid,
        "{shares} shares at {price} come to {consideration}: more than any deal this system "
        "records.",
    ),
    # equity listings: the shareholder register
    "listing.register_empty": (Invalid, "The shareholder register names at least one holder."),
    "listing.duplicate_holder": (Invalid, "Holder {party_id} is named more than once."),
    "listing.instrument_issues_no_shares": (
        Invalid,
        "A {instrument} issues no shares: the round names none.",
    ),
    "listing.shares_to_non_investor": (
        Invalid,
        "Party {party_id} is not an investor in the round: no shares are issued to it.",
    ),
    "listing.investor_without_shares": (
        Invalid,
        "The round issues shares: it names how many investor {party_id} received.",
    ),
    "listing.register_unknown": (
        Conflict,
        "The listing was recorded before registers were kept: record its shareholder register "
        "before any share transfer.",
    ),
    "listing.register_kept": (
        Conflict,
        "The shareholder register is kept from {as_of}: only rounds and transfers change it.",
    ),
    "listing.exceeds_holding": (
        Conflict,
        "Party {party_id} holds {held} shares: it cannot transfer {shares}.",
    ),
    # equity listings: dates follow each other
    "listing.review_started_before_application": (
        Invalid,
        "The review cannot start {on}: before the application, {since}.",
    ),
    "listing.approved_before_review": (
        Invalid,
        "The approval cannot be dated {on}: before the review started, {since}.",
    ),
    "listing.rejected_before_review": (
        Invalid,
        "The rejection cannot be dated {on}: before the review started, {since}.",
    ),
    "listing.listed_before_approval": (
        Invalid,
        "The company cannot be listed on {on}: before its approval, {since}.",
    ),
    "listing.suspended_before_listing": (
        Invalid,
        "The suspension cannot be dated {on}: before the listing, {since}.",
    ),
    "listing.suspended_before_resumption": (
        Invalid,
        "The suspension cannot be dated {on}: before the last resumption, {since}.",
    ),
    "listing.resumed_before_suspension": (
        Invalid,
        "The resumption cannot be dated {on}: before the suspension, {since}.",
    ),
    "listing.delisted_before_listing": (
        Invalid,
        "The delisting cannot be dated {on}: before the listing, {since}.",
    ),
    "listing.delisted_before_suspension": (
        Invalid,
        "The delisting cannot be dated {on}: before the suspension, {since}.",
    ),
    "listing.delisted_before_resumption": (
        Invalid,
        "The delisting cannot be dated {on}: before the last resumption, {since}.",
    ),
    "listing.dated_before_register": (
        Invalid,
        "{what} cannot be dated {on}: the shareholder register taken on {as_of} counts it already.",
    ),
    "listing.register_before_trading": (
        Invalid,
        "The register cannot be dated {on}: it counts the {what} of {latest}, already recorded, "
        "so it is dated {latest} or later.",
    ),
    # equity listings: lifecycle
    "listing.not_applied": (Conflict, "Review starts on a new application; it is {status}."),
    "listing.not_under_review": (Conflict, "The application is not under review; it is {status}."),
    "listing.unknown_amendment_request": (
        Missing,
        "Amendment request {request_id} does not exist.",
    ),
    "listing.amendment_already_provided": (
        Conflict,
        "Amendment request {request_id} has already been answered.",
    ),
    "listing.amendments_outstanding": (
        Conflict,
        "Amendment request {request_id} must be answered before approval.",
    ),
    "listing.not_approved": (Conflict, "Only an approved application is listed; it is {status}."),
    "listing.not_listed": (Conflict, "The company is not listed; the listing is {status}."),
    "listing.suspended": (Conflict, "The listing is suspended."),
    "listing.not_suspended": (Conflict, "The listing is not suspended; it is {status}."),
    "listing.already_delisted": (Conflict, "The company has already been delisted."),
    "listing.code_taken": (
        Taken,
        "Listing code {code} is already taken at this trading centre, by listing {existing_id}.",
    ),
    # achievements
    "achievement.unknown": (Invalid, "Achievement {achievement_id} does not exist."),
    "achievement.unknown_field": (Invalid, "{value!r} is not a field of technology."),
    "achievement.trl_out_of_range": (
        Invalid,
        "A technology readiness level is a whole number from 1 to 9, not {value!r}.",
    ),
    "achievement.trl_range_reversed": (Invalid, "trl_min must not exceed trl_max."),
    "achievement.unknown_transfer_mode": (Invalid, "{mode!r} is not a transfer mode."),
    "achievement.duplicate_transfer_mode": (Invalid, "Transfer mode {mode} is named twice."),
    "achievement.no_transfer_mode": (Invalid, "At least one transfer mode must be offered."),
    "achievement.invalid_ip_asset_id": (Invalid, "{value!r} is not an IP asset id."),
    "achievement.duplicate_ip_asset": (Invalid, "IP asset {asset_id} is named twice."),
    "achievement.unknown_ip_asset": (Invalid, "IP asset {asset_id} does not exist."),
    "achievement.unknown_agreement": (Invalid, "Agreement {agreement_id} does not exist."),
    "achievement.unknown_ip_transfer": (Invalid, "IP transfer {ip_transfer_id} does not exist."),
    "achievement.unknown_trading_event": (Invalid, "Trading event {event_id} does not exist."),
    "achievement.transaction_needs_one_deal": (
        Invalid,
        "A transaction names either an agreement or an IP transfer: exactly one of them.",
    ),
    "achievement.transacted_in_future": (
        Invalid,
        "A transaction cannot be dated {on}: in the future.",
    ),
    "achievement.owner_as_counterparty": (Invalid, "The owner cannot negotiate with itself."),
    "achievement.owner_not_party_to_agreement": (
        Invalid,
        "The owner, party {owner_party_id}, is not a party to agreement {agreement_id}: "
        "that agreement cannot have transferred the achievement.",
    ),
    "achievement.owner_not_transfer_holder": (
        Invalid,
        "IP transfer {ip_transfer_id} moves rights held by party {holder_party_id}, not by the "
        "owner, party {owner_party_id}: it cannot have transferred the achievement.",
    ),
    "achievement.external_ref_taken": (
        Conflict,
        "Reference {reference!r} of scope {scope!r} already names achievement {achievement_id}.",
    ),
    "achievement.not_draft": (Conflict, "Only a draft can be listed; it is {status}."),
    "achievement.not_listed": (
        Conflict,
        "Only a listed achievement can go into negotiation; it is {status}.",
    ),
    "achievement.not_negotiating": (
        Conflict,
        "The achievement is not under negotiation; it is {status}.",
    ),
    "achievement.closed": (Conflict, "The achievement is already {status}."),
    "achievement.already_exhibited": (
        Conflict,
        "The achievement is already recorded as exhibited at trading event {event_id}.",
    ),
    "contact.invalid_email": (Invalid, "{email!r} does not look like an email address."),
    "contact.invalid_phone": (Invalid, "{phone!r} does not look like a phone number."),
    # trading events
    "trading_event.dates_reversed": (Invalid, "The event ends ({ends_on}) before it starts."),
    "trading_event.outside_dates": (
        Invalid,
        "{on} is outside the event, which runs from {starts_on} to {ends_on}.",
    ),
    "trading_event.unknown_agreement": (Invalid, "Agreement {agreement_id} does not exist."),
    "trading_event.not_a_company": (Invalid, "Party {party_id} is not a company but a {kind}."),
    "trading_event.pitch_needs_one_project": (
        Invalid,
        "A pitched project is either an achievement or a company: exactly one of them.",
    ),
    "trading_event.unknown_roadshow": (Missing, "Roadshow {roadshow_id} does not exist."),
    "trading_event.already_pitched": (
        Conflict,
        "Project {project_id} is already pitched in roadshow {roadshow_id}.",
    ),
    "trading_event.agreement_already_recorded": (
        Conflict,
        "Agreement {agreement_id} is already recorded as signed at this event.",
    ),
    "trading_event.achievement_closed": (
        Conflict,
        "Achievement {achievement_id} is {status}: it is no longer offered, so it cannot be "
        "pitched.",
    ),
    "trading_event.agreement_not_signed": (
        Conflict,
        "Agreement {agreement_id} is {status} and never took effect: only an agreement every "
        "required party signed counts as signed at an event.",
    ),
    "trading_event.agreement_signed_outside_event": (
        Conflict,
        "Agreement {agreement_id} took effect on {effective_on}, outside the event, which runs "
        "from {starts_on} to {ends_on}.",
    ),
    "trading_event.already_exhibited": (
        Conflict,
        "Achievement {achievement_id} is already recorded as exhibited at this event.",
    ),
    # achievement imports
    "import.unreadable": (Invalid, "The CSV cannot be read: {error}."),
    "import.no_header": (Invalid, "The CSV is empty: it needs a header row of column names."),
    "import.missing_columns": (Invalid, "The CSV lacks required columns: {columns}."),
    "import.unknown_columns": (
        Invalid,
        "The CSV has columns this import does not read: {columns}.",
    ),
    "import.duplicate_columns": (Invalid, "The CSV names these columns twice: {columns}."),
    "import.wrong_cell_count": (Invalid, "The row has {found} cells; the header has {expected}."),
    "import.duplicate_reference": (
        Invalid,
        "Reference {reference!r} already appears on line {line} of this file.",
    ),
    "import.amount_when_negotiable": (Invalid, "A negotiable price has no amount."),
    # IP assets: numbers and offices
    "ip_identifier.malformed": (Invalid, "{number!r} is not a well-formed {office} {kind} number."),
    "ip_identifier.wrong_check_digit": (
        Invalid,
        "{number} has the wrong check digit: it should be {expected}.",
    ),
    "ip_identifier.not_issued": (Invalid, "The {office} office issues no {kind} numbers."),
    "ip_identifier.unknown_kind": (
        Invalid,
        "{kind!r} is not a kind of IP number (application, publication, grant, registration).",
    ),
    "ip_identifier.not_for_kind": (Invalid, "A {asset} has no {kind} number."),
    "ip_identifier.duplicate": (Invalid, "{number} is given more than once."),
    "ip_office.unknown": (
        Invalid,
        "{code!r} is neither an ISO 3166-1 alpha-2 country nor a regional IP office (EP, EA, WO).",
    ),
    "ip_office.kind_not_filed": (Invalid, "The {office} office does not register {kind} rights."),
    # IP assets
    "ip_asset.unknown_kind": (Invalid, "{kind!r} is not a kind of IP asset."),
    "ip_asset.unknown": (Invalid, "IP asset {asset_id} does not exist."),
    "ip_asset.know_how_not_granted": (
        Conflict,
        "Know-how is never granted: it is protected by being kept secret.",
    ),
    "ip_asset.know_how_not_filed": (
        Invalid,
        "Know-how is never filed with an office: it has no filing date.",
    ),
    "ip_asset.not_pending": (Conflict, "Only a pending asset can be granted; it is {status}."),
    "ip_asset.already_granted": (Conflict, "The asset is already granted."),
    "ip_asset.not_granted": (Conflict, "Only a granted asset can expire; it is {status}."),
    "ip_asset.already_ended": (Conflict, "The asset has already ended; it is {status}."),
    "ip_asset.expired_before_grant": (
        Invalid,
        "An asset cannot expire on {later}: it was granted on {earlier}.",
    ),
    "ip_asset.granted_before_filed": (
        Invalid,
        "An asset cannot be granted on {later}: it was filed on {earlier}.",
    ),
    "ip_asset.lapsed_before_filed": (
        Invalid,
        "An asset cannot lapse on {later}: it was filed on {earlier}.",
    ),
    "ip_asset.lapsed_before_granted": (
        Invalid,
        "An asset cannot lapse on {later}: it was granted on {earlier}.",
    ),
    "ip_asset.date_in_future": (Invalid, "{what} cannot be dated {on}: in the future."),
    "ip_asset.title_transfer_applied": (
        Conflict,
        "Transfer {transfer_id} has already changed the owner of record.",
    ),
    "ip_asset.already_owner": (Conflict, "Party {party_id} is already the owner of record."),
    "ip_asset.already_registered": (
        Taken,
        "{office} {kind} number {number} is already registered, as IP asset {existing_id}.",
    ),
    # IP transfers: proposal
    "ip_transfer.unknown_mode": (Invalid, "{mode!r} is not a mode of transfer."),
    "ip_transfer.unknown_valuation_method": (
        Invalid,
        "{method!r} is not a valuation method (income, market, cost).",
    ),
    "ip_transfer.unknown_agreement": (Invalid, "Agreement {agreement_id} does not exist."),
    "ip_transfer.territory_ambiguous": (Invalid, "A worldwide territory lists no countries."),
    "ip_transfer.territory_empty": (
        Invalid,
        "The territory is worldwide or lists at least one country.",
    ),
    "ip_transfer.term_dates_reversed": (Invalid, "The term ends ({ends_on}) before it starts."),
    "ip_transfer.self_transfer": (
        Invalid,
        "The recipient is the holder: a party cannot transfer rights to itself.",
    ),
    "ip_transfer.assignment_has_no_end": (
        Invalid,
        "An assignment is for good: its term has no end date.",
    ),
    "ip_transfer.asset_ended": (
        Conflict,
        "The asset has {status}: there are no rights left to transfer.",
    ),
    "ip_transfer.holder_not_owner_of_record": (
        Conflict,
        "Party {party_id} is not the asset's owner of record, so it cannot transfer it.",
    ),
    # IP transfers: lifecycle
    "ip_transfer.already_valuated": (Conflict, "The transfer is already valuated; it is {status}."),
    "ip_transfer.not_valuated": (
        Conflict,
        "The contract follows the valuation; the transfer is {status}.",
    ),
    "ip_transfer.agreement_not_effective": (
        Conflict,
        "The agreement is not in effect; it is {status}.",
    ),
    "ip_transfer.agreement_lacks_party": (
        Invalid,
        "Party {party_id} is not a party to the agreement.",
    ),
    "ip_transfer.party_not_signed": (
        Invalid,
        "Party {party_id} has not signed the agreement, so it is not their contract yet.",
    ),
    "ip_transfer.contract_already_signed": (
        Conflict,
        "The contract is already signed; the transfer is {status}.",
    ),
    "ip_transfer.contract_signed_before_valuated": (
        Invalid,
        "The contract, signed on {later}, cannot predate the valuation on {earlier}.",
    ),
    "ip_transfer.not_contract_signed": (
        Conflict,
        "Only a transfer under a signed contract is recorded; it is {status}.",
    ),
    "ip_transfer.know_how_not_recorded": (Conflict, "Know-how is not recorded with an IP office."),
    "ip_transfer.already_recorded": (
        Conflict,
        "The transfer is already recorded with the IP office: it is recorded once.",
    ),
    "ip_transfer.recordal_office_mismatch": (
        Invalid,
        "The asset is a right at the {jurisdiction} office: its transfer is recorded there, "
        "not at {office}.",
    ),
    "ip_transfer.recorded_before_contract": (
        Invalid,
        "The recordal on {later} cannot predate the contract, signed on {earlier}.",
    ),
    "ip_transfer.not_recorded": (
        Conflict,
        "The transfer is not ready to complete; it is {status}.",
    ),
    "ip_transfer.already_ended": (Conflict, "The transfer has already ended; it is {status}."),
    "ip_transfer.recorded_not_cancellable": (
        Conflict,
        "The transfer is recorded with the IP office: only a new transfer back undoes it.",
    ),
    "ip_transfer.completed_before_contract": (
        Invalid,
        "The transfer cannot be completed on {later}: the contract was signed on {earlier}.",
    ),
    "ip_transfer.completed_before_recorded": (
        Invalid,
        "The transfer cannot be completed on {later}: it was recorded on {earlier}.",
    ),
    "ip_transfer.completed_before_paid": (
        Invalid,
        "The transfer cannot be completed on {later}: a payment was made on {earlier}.",
    ),
    "ip_transfer.cancelled_before_valuated": (
        Invalid,
        "The transfer cannot be cancelled on {later}: it was valuated on {earlier}.",
    ),
    "ip_transfer.cancelled_before_contract": (
        Invalid,
        "The transfer cannot be cancelled on {later}: the contract was signed on {earlier}.",
    ),
    "ip_transfer.cancelled_before_paid": (
        Invalid,
        "The transfer cannot be cancelled on {later}: a payment was made on {earlier}.",
    ),
    "ip_transfer.date_in_future": (Invalid, "{what} cannot be dated {on}: in the future."),
    # IP transfers: consideration
    "ip_transfer.contract_not_signed": (
        Conflict,
        "Consideration follows the signed contract; the transfer is {status}.",
    ),
    "ip_transfer.schedule_has_payments": (
        Conflict,
        "Payments are recorded against the schedule: it can no longer change.",
    ),
    "ip_transfer.no_consideration": (Conflict, "No consideration has been scheduled."),
    "ip_transfer.payment_currency_mismatch": (
        Invalid,
        "A payment in {currency} cannot settle a schedule in {expected}.",
    ),
    "ip_transfer.payment_zero": (Invalid, "A payment must be more than zero."),
    "ip_transfer.payment_exceeds_outstanding": (
        Conflict,
        "The payment ({amount}) exceeds the outstanding balance ({outstanding}).",
    ),
    "ip_transfer.consideration_outstanding": (
        Conflict,
        "{outstanding} of the consideration is still outstanding.",
    ),
    "ip_transfer.paid_before_contract": (
        Invalid,
        "A payment on {later} cannot predate the contract, signed on {earlier}.",
    ),
    "consideration.wrong_amounts": (Invalid, "A {kind} schedule lists {expected}."),
    "consideration.currency_missing": (Invalid, "Give the currency royalties are paid in."),
    "consideration.currency_mismatch": (
        Invalid,
        "{amount} is not in the schedule's currency ({currency}).",
    ),
    "consideration.percentage_required": (Invalid, "A {kind} schedule needs {what}."),
    "consideration.percentage_not_applicable": (Invalid, "A {kind} schedule has no {what}."),
    "consideration.percentage_out_of_range": (
        Invalid,
        "{what} must be above 0 and at most 100 (per cent), not {value}.",
    ),
    "consideration.percentage_too_precise": (
        Invalid,
        "{what} {value} has more than {places} decimal places.",
    ),
    # data protection
    "privacy.unknown_subject": (
        Invalid,
        "No data subject named {name!r} has personal data on record: nothing to forget.",
    ),
    "privacy.subject_forgotten": (
        Conflict,
        "This person was forgotten at their request: their personal data cannot be recorded again.",
    ),
}


def fail(code: str, field: str | None = None, /, **params: Any) -> DomainError:
    """Builds the catalogued error `code`, naming the input `field` at fault; raise it."""
    kind, template = CATALOGUE[code]
    return kind(code, template.format(**params), field, params)
