"""Run the data-driven cases: each rule on its before/after examples, positive and negative."""

from __future__ import annotations

import pytest

import arclean
from arclean.registry import BY_CODE, RULES

from .cases_loader import Case, load_cases

CASES = load_cases()


def _params() -> list:
    params = []
    for case in CASES:
        marks = [pytest.mark.xfail(reason=case.xfail, strict=True)] if case.xfail else []
        params.append(pytest.param(case, id=case.id, marks=marks))
    return params


@pytest.mark.parametrize("case", _params())
def test_case(case: Case) -> None:
    if case.pipeline:
        result = arclean.clean(case.before)
    else:
        result = arclean.Pipeline([case.rule])(case.before)
    assert result == case.after, case.note


def test_every_case_names_a_known_rule() -> None:
    assert not [case.id for case in CASES if case.rule not in BY_CODE]


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_every_rule_has_positive_and_negative_cases(rule) -> None:
    mine = [case for case in CASES if case.rule == rule.code and not case.xfail and not case.pipeline]
    assert any(not case.negative for case in mine), f"{rule.code} has no case that changes text"
    if rule.code not in NO_NEGATIVE_NEEDED:
        assert any(case.negative for case in mine), f"{rule.code} has no negative case"


#: Rules whose every application is a change (nothing can look like their
#: input without being it), so a negative case would only restate the positive.
NO_NEGATIVE_NEEDED = {"W101", "W102", "W103", "W104", "L101", "E101", "Q201", "S101", "S102", "S103", "S104", "S105", "S106",
                      "B104", "B205"}


def test_clean_cases_are_fixed_points() -> None:
    """The expected output of a pipeline case is itself clean."""
    for case in CASES:
        if case.pipeline and not case.xfail:
            assert arclean.clean(case.after) == case.after, case.id
