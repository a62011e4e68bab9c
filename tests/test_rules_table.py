"""The rule table itself: well-formed codes with a documented numbering, one name per
behaviour, documented and tested rules, and the generated docs in step with it."""

from __future__ import annotations

import re
import sys

import pytest

from arclean.registry import FAMILIES, NUMBERING, RETIRED, RULES, Rule

from .rule_docs import README, RULES_PAGE, SETTINGS_PAGE, readme_table, rules_page, settings_page, with_readme_table

CODES = [rule.code for rule in RULES]


def test_codes_are_unique_well_formed_and_never_a_retired_one() -> None:
    """Codes are never reused: a rule taken out keeps its code in RETIRED."""
    assert len(CODES) == len(set(CODES))
    assert all(re.fullmatch(r"[A-Z][1-9]\d\d", code) for code in CODES)
    assert not set(CODES) & set(RETIRED)


def test_every_code_is_in_a_documented_family_and_group() -> None:
    groups = {letter + digit for letter, (_, digits) in FAMILIES.items() for digit in digits}
    assert sorted({code[:2] for code in CODES}) == sorted(groups), "a group without rules, or rules without a group"


def test_what_the_numbering_scheme_says_about_defaults_is_true() -> None:
    """NUMBERING (docs/rules.md) says which groups are opt-in; a change of defaults must change it."""
    default = {rule.code: rule.default for rule in RULES}
    assert not any(default[code] for code in CODES if code[:2] in ("P2", "Q2", "T2"))
    assert all(default[code] for code in CODES if code[:2] in ("E2", "L2", "B2"))
    assert [code for code in CODES if code.startswith("B1") and not default[code]] == ["B104"]
    assert "E201, L201 and B201-B210 are\non, and B104 is off" in NUMBERING
    assert sorted(code for code in CODES if code.startswith("B2"))[-1] == "B210"


def test_names_are_unique_kebab_case_and_each_the_name_of_its_function() -> None:
    """A rule's name is its function's, and the function is what its module
    exports under that name (no lambda, partial or wrapper in the table)."""
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))
    assert all(re.fullmatch(r"[a-z]+(-[a-z0-9]+)+", name) for name in names), names
    for rule in RULES:
        module = sys.modules[rule.function.__module__]
        assert getattr(module, rule.function.__name__) is rule.function, rule.code
        assert module.__name__.startswith("arclean.normalizers."), rule.code


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_every_rule_has_a_summary_sentence_and_a_doctest(rule: Rule) -> None:
    """The summary is what `arclean rules`, the reports and the docs print: one
    sentence that fits a line, without reStructuredText markup."""
    assert rule.summary.endswith((".", ".)")) and len(rule.summary) <= 100, rule.summary
    assert not re.search(r":\w+:`|`", rule.summary), rule.summary
    assert ">>>" in rule.doc


def test_lossy_rules_are_opt_in() -> None:
    assert not any(rule.default for rule in RULES if rule.code.startswith(("S", "P2", "Q2", "T2")))


def test_the_readme_rule_table_is_the_rule_table() -> None:
    """The README's table is written from RULES (code, default, name, summary), with no row
    more: run `python -m tests.rule_docs` after changing a rule."""
    readme = README.read_text(encoding="utf-8")
    assert with_readme_table(readme) == readme, "README.md's rule table is out of date; expected:\n" + readme_table()


def test_the_rule_reference_is_generated_from_the_rule_table() -> None:
    """docs/rules.md is rules_page(): run `python -m tests.rule_docs` after changing a rule."""
    expected = rules_page()
    assert RULES_PAGE.read_text(encoding="utf-8") == expected, "docs/rules.md is out of date: run python -m tests.rule_docs"
    for rule in RULES:
        assert f"### {rule.code} {rule.name}\n" in expected


def test_the_configuration_reference_is_generated_from_the_key_table() -> None:
    """docs/configuration.md is settings_page(): run `python -m tests.rule_docs` after changing a setting."""
    expected = settings_page()
    assert SETTINGS_PAGE.read_text(encoding="utf-8") == expected, "docs/configuration.md is out of date: run python -m tests.rule_docs"


#: Where each family's rules live (docs/architecture.md): one module or subpackage a code letter.
FAMILY_HOMES = {
    "E": "arclean.normalizers.encoding.",
    "I": "arclean.normalizers.invisible",
    "W": "arclean.normalizers.whitespace",
    "L": "arclean.normalizers.letters",
    "P": "arclean.normalizers.punctuation",
    "T": "arclean.normalizers.spelling.",
    "B": "arclean.normalizers.residue.",
    "Q": "arclean.normalizers.quotes",
    "S": "arclean.normalizers.search",
}


def test_every_rule_lives_in_the_home_of_its_family_and_every_home_holds_one_family() -> None:
    assert set(FAMILY_HOMES) == set(FAMILIES)
    for rule in RULES:
        module = rule.function.__module__
        assert module == FAMILY_HOMES[rule.code[0]].rstrip(".") or module.startswith(FAMILY_HOMES[rule.code[0]]), (rule.code, module)
        if rule.decide is not None:
            assert rule.decide.__module__ == module, rule.code
