"""Dependencies point inward: the domain knows nothing outside itself, the application knows the
domain (and its ports, which infrastructure implements), and the web reaches infrastructure only
through the composition root. Read from each module's imports, so a stray one fails here."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import dealtrail

ROOT = Path(dealtrail.__file__).parent
COMPOSITION_ROOT = ROOT / "bootstrap.py"
OUTER = ("dealtrail.bootstrap", "dealtrail.stores", "dealtrail.infrastructure", "dealtrail.web")
FORBIDDEN = {
    "domain": ("dealtrail.application", *OUTER),
    "application": (*OUTER, "flask", "sqlalchemy"),
    "web": ("dealtrail.infrastructure",),
}


def modules_imported(path: Path) -> set[str]:
    """Every module a file imports from, by absolute name (relative imports resolved)."""
    package = ("dealtrail", *path.parent.relative_to(ROOT).parts)
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else ()
            names.add(".".join((*base, *filter(None, [node.module]))))
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def crossings(layer: str) -> set[str]:
    return {
        f"{path.relative_to(ROOT)}: {name}"
        for path in (ROOT / layer).rglob("*.py")
        for name in modules_imported(path)
        if any(name == f or name.startswith(f"{f}.") for f in FORBIDDEN[layer])
    }


@pytest.mark.parametrize("layer", FORBIDDEN)
def test_a_layer_imports_nothing_from_the_layers_outside_it(layer: str) -> None:
    assert crossings(layer) == set()


def test_the_composition_root_is_where_the_web_meets_infrastructure() -> None:
    assert any(
        name.startswith("dealtrail.infrastructure.") for name in modules_imported(COMPOSITION_ROOT)
    )
