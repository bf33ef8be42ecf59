"""axe-core (vendored, tests/e2e/vendor/) run over the page a browser shows: the accessibility
faults that stop someone using it, as axe ranks them (serious or critical)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
SEVERE = {"serious", "critical"}
RUN = """const done = arguments[arguments.length - 1];
axe.run(document, {resultTypes: ['violations']}).then(
  (result) => done(result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((node) => node.target),
  }))),
  (error) => done({error: String(error)}));"""


def serious_violations(driver: Any) -> list[dict[str, Any]]:
    """Injects axe into the current page, runs every rule over the whole document and returns the
    serious and critical violations: id, impact, help and the CSS targets of the nodes at fault."""
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    driver.set_script_timeout(60)
    violations = driver.execute_async_script(RUN)
    assert isinstance(violations, list), violations
    return [v for v in violations if v["impact"] in SEVERE]
