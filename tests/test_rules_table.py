"""The rule table itself: stable codes, one name per behaviour, documented and tested rules."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from arclean.registry import RULES, Rule

# Codes are never reused: this list only grows.  A rule removed later keeps its
# code here, commented, so that nobody hands it to another rule.
KNOWN_CODES = """E101 E102 E103 E201 I101 I102 W101 W102 W103 W104 W105 W106 L101 L102 L103 L201
P101 P102 P201 P202 P203 P204 T101 T102 T201 B101 B102 B103 B104 B201 B202 B203 B204 B205 B206 B207 B208 B301
Q101 Q102 Q103 Q201 S101 S102 S103 S104 S105 S106""".split()


def test_codes_are_unique_well_formed_and_known() -> None:
    codes = [rule.code for rule in RULES]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"[EIWLPTBQS][1-9]\d\d", code) for code in codes)
    assert sorted(codes) == sorted(KNOWN_CODES)


def test_names_are_unique_and_derived_from_functions() -> None:
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))
    assert all(rule.name == rule.function.__name__.replace("_", "-") for rule in RULES)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_every_rule_has_a_one_line_summary_and_a_doctest(rule: Rule) -> None:
    assert rule.summary and "\n" not in rule.summary and len(rule.summary) <= 100
    assert ">>>" in rule.doc


def test_lossy_rules_are_opt_in() -> None:
    assert not any(rule.default for rule in RULES if rule.code.startswith(("S", "P2", "Q2", "T2")))


def test_the_readme_rule_table_is_the_rule_table() -> None:
    """The README's table is written from RULES (code, default, name, summary): it cannot drift."""
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    rows = [f"| {rule.code} | {'on' if rule.default else 'off'} | {rule.name} | {rule.summary} |" for rule in RULES]
    table = "\n".join(["| code | default | name | what it does |", "|------|---------|------|--------------|", *rows])
    assert table in readme, "README.md's rule table is out of date; expected:\n" + table
