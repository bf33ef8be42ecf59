"""`dealtrail audit ...`: verify the log, sign tree heads, export and check bundles and
receipts."""

from __future__ import annotations

from pathlib import Path

import click

from dealtrail.domain.audit.bundle import BundleError, read_bundle, write_bundle
from dealtrail.domain.audit.previous_head import (
    PreviousHeadError,
    extension_differences,
    read_previous_head,
)
from dealtrail.domain.audit.receipt import ReceiptError, SignedReceipt, check_receipt
from dealtrail.domain.audit.tree_head import (
    SignedTreeHead,
    public_key_from_text,
    public_key_text,
)
from dealtrail.domain.audit.verification import Verification
from dealtrail.web.cli_files import FileProblem, opened
from dealtrail.web.cli_services import command_services

MAX_HEAD_BYTES = 100_000  # a kept head is a few hundred bytes; an earlier bundle's first line


@click.group("audit")
def audit() -> None:
    """Prove the log unaltered: verify it, sign tree heads, export and check bundles and
    receipts."""


@audit.command("sign")
def sign() -> None:
    """Bring the tree up to date with the log and sign its head."""
    head = command_services().audit.sign_head()
    click.echo(f"signed tree head: size {head.head.tree_size}, root {head.head.root_hash.hex()}")


@audit.command("verify")
def verify() -> None:
    """Recompute every leaf from the raw stored events; check each against the leaf written with
    it, and the tree against every signed head. Exits 1 naming the first position that
    diverges."""
    trail = command_services().audit
    total = trail.ledger.recorder.max_notification_id() or 0
    with click.progressbar(length=total, label="dealtrail: verifying the log") as bar:
        report = trail.verify(bar.update)
    _report(report)


@audit.command("export")
@click.argument("path", type=click.Path(path_type=Path))
def export(path: Path) -> None:
    """Write an audit bundle (events as JSON Lines + signed tree head + public key)."""
    trail = command_services().audit
    with opened(path, "w", encoding="ascii") as out:
        head = trail.sign_head()
        written = write_bundle(out, head, public_key_text(trail.key.public_key()), trail.events())
    click.echo(
        f"wrote {written} events and the signed head of size {head.head.tree_size} to {path}"
    )


@audit.command("check-bundle")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--public-key", help="The key you trust (base64); default: the bundle's own.")
@click.option(
    "--previous-head",
    type=click.Path(path_type=Path),
    help="A signed tree head you kept from before (the JSON of GET /api/v1/audit/tree-head, or "
    "an earlier bundle): check that this bundle extends it.",
)
def check(path: Path, public_key: str | None, previous_head: Path | None) -> None:
    """Check a bundle offline: no database, no server. With --previous-head, also that its log
    extends the head you kept (fork detection across exports)."""
    _check_key(public_key)
    previous = _read_previous_head(previous_head) if previous_head is not None else None
    with opened(path, encoding="ascii") as lines:
        try:
            report, head, key = read_bundle(lines, public_key)
        except (BundleError, UnicodeDecodeError) as error:
            raise FileProblem(f"unreadable bundle {path}: {error}") from None
    _note_key(public_key, key)
    extends = True
    if previous is not None and report.tree is not None:
        differences = extension_differences(
            previous, head, report.tree, public_key_from_text(key), key
        )
        for difference in differences:
            click.echo(f"DIFFERS from the previous head: {difference}")
        if not differences:
            click.echo(
                f"previous head of size {previous.head.tree_size} (signed "
                f"{previous.head.timestamp.isoformat()}): extended by this bundle"
            )
        extends = not differences
    _report(report, extends)


def _read_previous_head(path: Path) -> SignedTreeHead:
    with opened(path, "rb") as file:
        held = file.read(MAX_HEAD_BYTES).decode("utf-8", errors="replace")
    try:
        return read_previous_head(held)
    except PreviousHeadError as error:
        raise FileProblem(f"unreadable previous head {path}: {error}") from None


def _check_key(public_key: str | None) -> None:
    if public_key is not None:
        try:
            public_key_from_text(public_key)
        except ValueError:
            raise FileProblem("--public-key is not base64 of a raw Ed25519 public key") from None


@audit.command("check-receipt")
@click.argument("receipt")
@click.argument("bundle", type=click.Path(path_type=Path))
@click.option("--public-key", help="The key you trust (base64); default: the bundle's own.")
def check_receipt_command(receipt: str, bundle: Path, public_key: str | None) -> None:
    """Check a command's receipt (the Dealtrail-Receipt value, or a file holding it) offline
    against a bundle: its signature, the bundle, and the event at its position. Exits 1 saying
    how it differs."""
    signed = _read_receipt(receipt)
    _check_key(public_key)
    with opened(bundle, encoding="ascii") as lines:
        try:
            check = check_receipt(signed, lines, public_key)
        except (BundleError, UnicodeDecodeError) as error:
            raise FileProblem(f"unreadable bundle {bundle}: {error}") from None
    _note_key(public_key, check.key)
    for difference in check.differences:
        click.echo(f"DIFFERS: {difference}")
    if not check.ok:
        raise SystemExit(1)
    found = signed.receipt
    click.echo(
        f"OK: the event at position {found.position} (leaf {found.leaf_hash}, recorded at "
        f"{found.recorded_at.isoformat()}) is in the bundle's signed tree of size {check.tree_size}"
    )


def _read_receipt(given: str) -> SignedReceipt:
    """The receipt given, or held by the file it names (alone, or on a `Dealtrail-Receipt: ...`
    line: the headers `curl -D FILE` writes will do)."""
    try:
        return _decoded(given)
    except ReceiptError as error:
        problem = error
    path = Path(given)
    try:
        is_file = path.is_file()
    except OSError:  # a name too long to be a file's
        is_file = False
    if not is_file:
        shown = given if len(given) <= 60 else f"{given[:57]}..."
        raise FileProblem(f"unreadable receipt: {shown!r} is no file, nor a receipt: {problem}")
    with opened(path, "rb") as file:
        held = file.read(10_000).decode("ascii", errors="replace")
    try:
        return _decoded(held)
    except ReceiptError as error:
        raise FileProblem(f"unreadable receipt in {path}: {error}") from None


def _decoded(text: str) -> SignedReceipt:
    for line in text.splitlines():
        name, colon, value = line.partition(":")
        if colon and name.strip().lower() == "dealtrail-receipt":
            return SignedReceipt.decode(value)
    return SignedReceipt.decode(text)


def _note_key(pinned: str | None, key: str) -> None:
    if pinned is None:
        click.echo(f"note: checked with the bundle's own key {key}; pin it with --public-key")


def _report(report: Verification, extends: bool = True) -> None:
    checked = " (each against the leaf written with it)" if report.leaves_checked else ""
    click.echo(f"events: {report.events}{checked}")
    if report.first_divergence is not None:
        index, position, why = report.first_divergence
        click.echo(f"DIVERGES at position {position} (leaf {index}): {why}")
    if report.heads_checked:
        click.echo(
            f"signed heads: {report.heads_checked} (latest of size {report.head_size}); roots "
            f"{'match' if report.root_matches else 'DO NOT MATCH'}; signatures "
            f"{'valid' if report.signature_valid else 'INVALID'}"
        )
    else:
        click.echo("no signed head yet: run `dealtrail audit sign`")
    for problem in report.problems:
        click.echo(problem)
    if report.unverified_tail:
        click.echo(f"{report.unverified_tail} newer events are not under a signed head yet")
    if not report.ok or not extends:
        raise SystemExit(1)
    click.echo("OK: the log is exactly what was recorded")
