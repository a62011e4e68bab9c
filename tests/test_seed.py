"""The document the project was created from comes out exactly as its expected text."""

from __future__ import annotations

from pathlib import Path

import arclean

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
DIRTY = SEEDS / "000_edd459b6dd962f52.txt"
CLEAN = SEEDS / "000_edd459b6dd962f52.clean.txt"


def test_seed_is_cleaned_exactly() -> None:
    assert arclean.clean(DIRTY.read_text(encoding="utf-8")) == CLEAN.read_text(encoding="utf-8")


def test_seed_expected_text_is_a_fixed_point() -> None:
    clean = CLEAN.read_text(encoding="utf-8")
    assert arclean.clean(clean) == clean


def test_explain_names_the_rule_of_every_change_in_the_seed() -> None:
    report = arclean.explain(DIRTY.read_text(encoding="utf-8"))
    assert report.text == CLEAN.read_text(encoding="utf-8")
    found = {(change.code, change.line) for change in report.changes}
    # The repeated title (line 3) and its counter (line 4); no-break spaces
    # (lines 16, 20, 22, 26) and the doubled spaces they leave (16, 26); the
    # misspelt month and the unbalanced quote (line 22); the month pairs
    # (lines 24, 26); the comment form at the end (line 28 on); the blank
    # line left by the title and the missing final line feed.
    assert found == {
        ("B101", 3),
        ("B103", 4),
        ("W102", 16),
        ("W102", 20),
        ("W102", 22),
        ("W102", 26),
        ("W103", 16),
        ("W103", 26),
        ("T101", 22),
        ("Q101", 22),
        ("T102", 24),
        ("T102", 26),
        ("B301", 28),
        ("W105", 2),
        ("W106", 27),
    }
