"""swot.scenarios: a scenario that cannot be ranked is named in one ScenarioComparisonError,
by the rankings and the consistency table alike."""

from __future__ import annotations

import pytest
from swot_testdata import tiny_data

from swot.scenarios import ScenarioComparisonError, compare_rankings, scenario_consistency


def _unrankable() -> dict:
    data = tiny_data()
    groups = data["judgments"]["groups"]  # every comparison of the SWOT groups missing: no
    for i, row in enumerate(groups):      # judgment connects them, nothing can be estimated
        for j in range(len(row)):
            if i != j:
                row[j] = None
    return data


@pytest.mark.parametrize("compare", [compare_rankings, scenario_consistency])
def test_an_unrankable_scenario_is_named(compare) -> None:
    with pytest.raises(ScenarioComparisonError, match=r"scenario 'draft' cannot be ranked"):
        compare({"base": tiny_data(), "draft": _unrankable()})


@pytest.mark.parametrize("compare", [compare_rankings, scenario_consistency])
def test_an_invalid_scenario_is_named(compare) -> None:
    data = tiny_data()
    data["factors"] = 5
    with pytest.raises(ScenarioComparisonError, match=r"scenario 'draft' is not a valid model"):
        compare({"base": tiny_data(), "draft": data})


@pytest.mark.parametrize("compare", [compare_rankings, scenario_consistency])
def test_no_scenario_is_refused_with_a_message(compare) -> None:
    # scenario_consistency({}) was pandas' "No objects to concatenate" (a ValueError)
    with pytest.raises(ScenarioComparisonError, match="at least one scenario"):
        compare({})
