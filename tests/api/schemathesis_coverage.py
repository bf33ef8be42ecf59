"""The coverage phase's cases that exercise what fuzzing cannot: a request without a required
header (Authorization, the only one the document requires) or parameter or body, and each method
a path does not document. The phase's other cases (thousands: every boundary and wrong type of
every field) are left to the generated ones. Used by test_schemathesis.py."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from schemathesis import GenerationMode
from schemathesis.core.parameters import ParameterLocation
from schemathesis.generation.meta import CoverageScenario

from tests.api.schemathesis_cases import Stateless

SCENARIOS = {CoverageScenario.MISSING_PARAMETER, CoverageScenario.UNSPECIFIED_HTTP_METHOD}


def coverage_cases(
    operation: Any, ids: dict[str, str], known: dict[str, Any]
) -> Iterator[tuple[Any, bool]]:
    """The operation's cases of SCENARIOS, on seeded records and otherwise valid in this store
    (`Stateless`), each with whether it must go without credentials (it is the request missing
    Authorization). A path's undocumented methods come with the first of its operations the
    schema object walks (it remembers the others)."""
    schema = operation.schema
    config = schema.config.generation_for(operation=operation, phase="coverage")
    stateless = Stateless(known)
    # Both modes, so that what a case does not mutate is valid: with NEGATIVE alone, it is not.
    for case in schema.iter_coverage_cases(
        operation, generation_modes=list(GenerationMode), generation_config=config
    ):
        data = case.meta.phase.data
        if data.scenario not in SCENARIOS:
            continue
        case.path_parameters = {**(case.path_parameters or {}), **ids}
        stateless(case)
        anonymous = (
            data.parameter_location == ParameterLocation.HEADER
            and data.parameter.lower() == "authorization"
        )
        yield case, anonymous
