"""No rule backtracks badly: on adversarial inputs each runs in time linear in
the input.  Checked by ratio (the time for 8n against the time for n: about 8
when linear, 64 when quadratic), not by an absolute time, so a slow or busy
machine does not matter."""

from __future__ import annotations

import time
from typing import Callable

import pytest

from arclean.registry import RULES, Rule
from arclean.text import folding as shape

#: Adversarial inputs, each a function of a size in characters.
INPUTS: dict[str, Callable[[int], str]] = {
    "spaces": lambda n: " " * n,
    "spaces-and-tabs": lambda n: " \t" * (n // 2),
    "curly-quotes": lambda n: "“" * n,
    "mixed-quotes": lambda n: "«“”»‘’\"" * (n // 7),
    "digits": lambda n: "1" * n,
    "number-lines": lambda n: "0\n" * (n // 2),
    "one-long-line": lambda n: ("الحكومة تعلن خطة جديدة، " * (n // 24)),
    "residue-lines": lambda n: "اترك رد\nشارك\n0 تعليقات\n" * (n // 22),
    "tatweel": lambda n: "بـ" * (n // 2),
    "mojibake": lambda n: "Ø§Ù„ط§ظ„ÇáÚ" * (n // 10),
    "ampersands": lambda n: "&amp" * (n // 4),
    "blank-lines": lambda n: "\n" * n,
    "punctuation": lambda n: "، ؛ ؟ " * (n // 6),
    "one-trigger-at-the-end": lambda n: "الحكومة تعلن " * (n // 13) + "ی۱\u200cـ“&Ø§\u00a0",
    "long-line-then-a-trigger-line": lambda n: "الحكومة تعلن " * (n // 13) + "\nی۱\u200c“&Ø§",
    "prose-and-markers": lambda n: ("قال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين في الأسبوع المقبل.\nشارك\n" * (n // 80)),
    "long-lines-one-trigger": lambda n: ("الحكومة تعلن خطة جديدة " * 40 + "\n") * (n // 960) + "کی\u200c۲",
}
SMALL = 20_000
GROWTH = 8
SLACK = 3.0


def _time(rule: Rule, text: str) -> float:
    best = float("inf")
    for _ in range(5):
        shape._short_skeleton.cache_clear()
        start = time.perf_counter()
        rule.function(text)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_rule_runs_in_linear_time(rule: Rule) -> None:
    slow = []
    for name, make in INPUTS.items():
        small, large = make(SMALL), make(GROWTH * SMALL)
        for _attempt in range(2):  # measure again once: another process may have taken the CPU
            t_small, t_large = _time(rule, small), _time(rule, large)
            ratio = t_large / max(t_small, 1e-6)
            if t_large < 0.005 or ratio <= GROWTH * SLACK:
                break  # linear, or too fast to measure (an early exit)
        else:
            slow.append(f"{name}: {t_small * 1e3:.1f} ms -> {t_large * 1e3:.1f} ms (x{ratio:.1f})")
    assert not slow, f"{rule.code} is super-linear on: " + "; ".join(slow)


def test_pipeline_on_a_one_megabyte_line_is_linear() -> None:
    from arclean import Pipeline

    pipeline = Pipeline()
    line = "قال الوزير إن “الحكومة“ ستعلن خطة جديدة في ديسميبر 2018،\u00a0" * 18000
    timings = []
    for text in (line[: len(line) // GROWTH], line):
        start = time.perf_counter()
        pipeline(text)
        timings.append(time.perf_counter() - start)
    assert len(line) > 1_000_000
    assert timings[1] / timings[0] < GROWTH * SLACK
