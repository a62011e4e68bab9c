"""Memory is bounded: on hostile inputs each quote rule allocates at its peak
at most five times the input's UTF-8 size, and the peak grows linearly with
the input; so does the whole default pipeline's on a text of quotation marks
only.

Measured with tracemalloc (the peak of what is allocated while the function
runs, its result included, the input not) at two sizes, n and 8n: the peak at
each must stay within five times the input plus a small constant, and the
peak for 8n must not outgrow the one for n by more than the input did, so a
structure that takes more per character the longer the line (a list of every
mark, a tuple per mark, a regular expression that keeps a stack entry for
every character it repeats) shows even while the input is small.  The sizes
are small because tracemalloc makes every allocation slow.
"""

from __future__ import annotations

import functools
import gc
import tracemalloc
from typing import Callable

import pytest

from arclean import Pipeline
from arclean.normalizers.quotes import QUOTE_STYLES
from arclean.registry import RULES

SMALL = 40_000  # bytes of UTF-8
GROWTH = 8
LIMIT = 5  # times the input's UTF-8 size
#: What a rule allocates whatever the size: the pieces of a rewritten text
#: not yet joined, the chunk of a stretch being looked at.
CONSTANT = 64 * 1024
#: The same for the whole pipeline: its steps' caches and tables.
PIPELINE_CONSTANT = 128 * 1024


def _repeat(unit: str) -> Callable[[int], str]:
    """The unit repeated to ``size`` bytes of UTF-8, an even number of times
    (so that a rule does the same work at both sizes: marks pair up)."""

    def make(size: int) -> str:
        count = size // len(unit.encode())
        return unit * (count - count % 2)

    return make


#: Hostile inputs, each a function of a size in bytes of UTF-8.
INPUTS: dict[str, Callable[[int], str]] = {
    "only-curly": _repeat("\u201c"),  # one line of one mark: Q101 makes it “”“” …
    "only-guillemets": _repeat("\u00ab"),
    "mixed-runs": _repeat('“”«»"”“»«"'),  # Q101 turns each ”“ into “” and each »« into «»
    "one-line-of-quoted-words": _repeat('قال “الحكومة“ و«نعم« ثم "لا" '),
    "short-lines": _repeat("\u201cنص\u201c قال الوزير\n"),
    "doubled-marks": _repeat("““نعم”” ««لا»» "),
    "minority-style": _repeat('«أ» و«ب» و«ج» و«د» و«ه» و“و” و"ز" '),
    "separators": _repeat("——-‘——-‘——–‘ *-’-*_“_ الرئيسية » أخبار » "),
    "latin-with-apostrophes": _repeat("don’t ‘say’ it’s "),
}

QUOTE_RULES = [rule for rule in RULES if rule.code.startswith("Q")]


def _functions() -> list:
    params = []
    for rule in QUOTE_RULES:
        if "quote_style" in rule.options:
            for style in QUOTE_STYLES:
                params.append(pytest.param(functools.partial(rule.function, quote_style=style), id=f"{rule.code}-{style}"))
        else:
            params.append(pytest.param(rule.function, id=rule.code))
    return params


def _peak(function: Callable[[str], str], text: str) -> int:
    """The peak of the memory allocated while ``function(text)`` runs."""
    function(text[:1000])  # compile the patterns and fill the caches first
    tracing = tracemalloc.is_tracing()
    if not tracing:
        tracemalloc.start()
    collecting = gc.isenabled()
    gc.disable()  # no collection of older garbage in the middle lowers the count
    tracemalloc.reset_peak()
    before = tracemalloc.get_traced_memory()[0]
    try:
        function(text)
        return tracemalloc.get_traced_memory()[1] - before
    finally:
        if collecting:
            gc.enable()
        if not tracing:
            tracemalloc.stop()


def _measure(function: Callable[[str], str], make: Callable[[int], str]) -> list[tuple[int, int]]:
    """(input size, peak) at the two sizes."""
    texts = make(SMALL), make(GROWTH * SMALL)
    return [(len(text.encode()), _peak(function, text)) for text in texts]


@functools.cache
def _pipeline_measures(name: str) -> list[tuple[int, int]]:
    return _measure(Pipeline(), INPUTS[name])


def _too_large(measures: list[tuple[int, int]], constant: int) -> list[str]:
    return [f"{size:,} bytes: peak {peak:,} bytes ({peak / size:.1f}x)" for size, peak in measures if peak > LIMIT * size + constant]


def _superlinear(measures: list[tuple[int, int]], constant: int) -> list[str]:
    (small_size, small_peak), (large_size, large_peak) = measures
    if large_peak <= max(small_peak, small_size) * large_size / small_size * 1.25 + constant:
        return []
    return [f"the peak grows faster than the input: {small_peak:,} -> {large_peak:,} bytes for x{large_size / small_size:.1f} the input"]


@pytest.mark.parametrize("function", _functions())
def test_quote_rule_memory_is_bounded_and_linear(function: Callable[[str], str]) -> None:
    wrong = {}
    for name, make in INPUTS.items():
        measures = _measure(function, make)
        if problems := _too_large(measures, CONSTANT) + _superlinear(measures, CONSTANT):
            wrong[name] = problems
    assert not wrong, wrong


def test_the_hostile_inputs_give_the_quote_rules_work() -> None:
    """The inputs are hostile only if the rules have work to do on them."""
    by_code = {rule.code: rule.function for rule in QUOTE_RULES}
    for code, name in (
        ("Q101", "only-curly"),
        ("Q101", "mixed-runs"),
        ("Q101", "one-line-of-quoted-words"),
        ("Q101", "short-lines"),
        ("Q102", "doubled-marks"),
        ("Q103", "minority-style"),
        ("Q201", "mixed-runs"),
    ):
        text = INPUTS[name](SMALL)
        assert by_code[code](text) != text, (code, name)


#: Texts of quotation marks only, for the whole pipeline.
QUOTES_ONLY = ("only-curly", "only-guillemets")


@pytest.mark.parametrize("name", QUOTES_ONLY)
def test_default_pipeline_memory_on_quotation_marks_grows_linearly(name: str) -> None:
    assert not _superlinear(_pipeline_measures(name), PIPELINE_CONSTANT)


@pytest.mark.parametrize("name", QUOTES_ONLY)
def test_default_pipeline_memory_on_quotation_marks_is_within_five_times(name: str) -> None:
    assert not _too_large(_pipeline_measures(name), PIPELINE_CONSTANT)


#: Hostile inputs for the whole pipeline beyond quotation marks: runs of one character,
#: one long line (issue 9's list).
PIPELINE_INPUTS: dict[str, Callable[[int], str]] = {
    "only-blank-lines": _repeat("\n"),
    "only-spaces": _repeat(" "),
    "only-tatweel": _repeat("\u0640"),
    "one-line-of-arabic": _repeat("قال الوزير إن الحكومة ستعلن خطة. "),
}


@pytest.mark.parametrize("name", sorted(PIPELINE_INPUTS))
def test_default_pipeline_memory_on_runs_and_one_long_line_is_within_five_times(name: str) -> None:
    measures = _measure(Pipeline(), PIPELINE_INPUTS[name])
    assert not _too_large(measures, PIPELINE_CONSTANT)
    assert not _superlinear(measures, PIPELINE_CONSTANT)


#: Many short lines: a page model holds each line's place (a reference and an
#: index entry or two, some 16 bytes a line), so lines of one word stay within
#: five times their text, and lines of one character within five times plus
#: that bookkeeping.  (Before: 44x on one-character lines, 22x on one-word lines.)
SHORT_LINES: dict[str, tuple[Callable[[int], str], int]] = {
    "lines-of-one-word": (_repeat("كلمة\n"), 0),
    "lines-of-a-few-words": (_repeat("نص قصير هنا\n"), 0),
    "lines-of-one-character": (_repeat("0\n"), 16),
    "one-character-lines-and-chrome": (_repeat("0\nشارك\n"), 16),
}


@pytest.mark.parametrize("name", sorted(SHORT_LINES))
def test_default_pipeline_memory_on_many_short_lines_is_bounded(name: str) -> None:
    make, per_line = SHORT_LINES[name]
    measures = _measure(Pipeline(), make)
    lines = make(SMALL).count("\n")
    assert not _too_large(measures, PIPELINE_CONSTANT + per_line * lines * GROWTH)
    assert not _superlinear(measures, PIPELINE_CONSTANT)


def test_explaining_a_page_that_drops_most_of_its_lines_is_bounded() -> None:
    """``explain`` (what ``check`` and ``fix`` report) diffs only the lines that
    differ: a tail of a hundred thousand counters is one change, not a list of
    every line (before: 495 MB of RSS for 10 MB of such lines on the command line)."""
    article = "قال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين في الأسبوع المقبل.\n"
    pipeline = Pipeline()

    def make(size: int) -> str:
        return article + "0\n" * (size // 2)

    measures = _measure(pipeline.explain, make)
    lines = make(SMALL).count("\n")
    assert not _too_large(measures, PIPELINE_CONSTANT + 16 * lines * GROWTH)
    assert not _superlinear(measures, PIPELINE_CONSTANT)
    report = pipeline.explain(make(SMALL))
    assert [(change.code, change.line) for change in report.changes] == [("B103", 2)]
