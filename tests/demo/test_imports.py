"""The demo is a client of the application: it imports no infrastructure and no web code, and
nothing in dealtrail imports it but the CLI."""

from __future__ import annotations

import ast
from pathlib import Path

import dealtrail

ROOT = Path(dealtrail.__file__).parent
CLIENT_OF = ("dealtrail.application", "dealtrail.domain", "dealtrail.demo")


def within(name: str, packages: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(f"{p}.") for p in packages)


def imported(path: Path) -> set[str]:
    """What a file imports from dealtrail, by absolute name (relative imports resolved)."""
    package = ("dealtrail", *path.parent.relative_to(ROOT).parts)
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else ()
            module = ".".join((*base, *filter(None, [node.module])))
            names.update(f"{module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return {name for name in names if name.startswith("dealtrail.")}


def test_the_demo_imports_only_the_application_and_the_domain() -> None:
    outside = {
        f"{path.relative_to(ROOT)}: {name}"
        for path in (ROOT / "demo").glob("*.py")
        for name in imported(path)
        if not within(name, CLIENT_OF)
    }
    assert outside == set()


def test_only_the_cli_imports_the_demo() -> None:
    importers = {
        str(path.relative_to(ROOT))
        for path in ROOT.rglob("*.py")
        if path.parent != ROOT / "demo"
        and any(within(name, ("dealtrail.demo",)) for name in imported(path))
    }
    assert importers == {"web/cli_demo.py"}  # the CLI's `demo load` and `serve --demo`
