"""Stray counter lines: rule B103.

Comment, view and vote counters leave a number on a line of its own (``0``,
``298``) or with a counter word (``0 تعليقات``, ``المشاهدات : 171``).  They are
removed in the head of a page (among its first lines, beside the title) and in
its tail (after the last paragraph).  A number that belongs to content stays:
a cell of a table (a number between two short lines or numbers), a list item
(``- 0 نقطة للخسارة``), a number inside the article, a verse or item number
(one of a series of number lines: 1, 2, 3), a year standing alone.
"""

from __future__ import annotations

from collections import Counter

from ..layout import BLANK, COUNTER, NUMBER, Layout, analyze
from ..shape import word_count
from ..tables import Phrase

_HEAD_LINES = 4


def remove_counter_lines(text: str, *, boilerplate: tuple[Phrase, ...] = ()) -> str:
    """Remove counter lines beside the title or after the article.

    >>> remove_counter_lines("العنوان الطويل للخبر اليوم\\n0\\n\\nقال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين.\\n0 تعليقات")
    'العنوان الطويل للخبر اليوم\\n\\nقال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين.'
    >>> remove_counter_lines("الفريق\\nالنقاط\\nالأهلي\\n30\\nالزمالك\\n28")
    'الفريق\\nالنقاط\\nالأهلي\\n30\\nالزمالك\\n28'
    """
    layout = analyze(text, boilerplate)
    if NUMBER not in layout.kinds and COUNTER not in layout.kinds:
        return text
    numbers = Counter(_number(line) for line, kind in zip(layout.lines, layout.kinds) if kind == NUMBER)
    first_lines = [i for i, kind in enumerate(layout.kinds) if kind != BLANK][:_HEAD_LINES]
    beside_title = set(first_lines[1:])
    drop = {
        i
        for i, kind in enumerate(layout.kinds)
        if kind in (NUMBER, COUNTER) and _is_stray(layout, i, numbers, beside_title)
    }
    return text if not drop else layout.without(drop)


def _is_stray(layout: Layout, index: int, numbers: Counter[int | None], beside_title: set[int]) -> bool:
    """In the tail, or in the head among the lines right after the title, and
    not part of a table or a numbered series, nor a year."""
    if _in_table(layout, index) or _in_sequence(layout, index, numbers) or _is_year(layout, index):
        return False
    if layout.in_tail(index):
        return True
    if not layout.in_head(index) or index not in beside_title:
        return False
    previous = _neighbour(layout, index, -1)
    return previous is None or layout.kinds[previous] != NUMBER


def _is_year(layout: Layout, index: int) -> bool:
    """A bare number that reads as a year (1300-1499 of the Hijra, 1900-2099) is a
    date line, not a counter."""
    value = _number(layout.lines[index]) if layout.kinds[index] == NUMBER else None
    return value is not None and (1300 <= value <= 1499 or 1900 <= value <= 2099)


def _number(line: str) -> int | None:
    digits = line.strip()
    return int(digits) if digits.isdigit() else None


def _in_sequence(layout: Layout, index: int, numbers: Counter[int | None]) -> bool:
    """A bare number next to its neighbour in a series of number lines (verse
    or item numbers: 1, 2, 3).  ``numbers`` counts the values of all bare-number lines."""
    value = _number(layout.lines[index])
    if value is None or layout.kinds[index] != NUMBER:
        return False
    return numbers[value - 1] > 0 or numbers[value + 1] > 0


def _neighbour(layout: Layout, index: int, step: int) -> int | None:
    index += step
    while 0 <= index < len(layout.lines):
        if layout.kinds[index] != BLANK:
            return index
        index += step
    return None


def _is_cell(layout: Layout, index: int) -> bool:
    return layout.kinds[index] in (NUMBER, COUNTER) or (layout.is_content(index) and 1 <= word_count(layout.lines[index]) <= 3)


def _in_table(layout: Layout, index: int) -> bool:
    """Between two cells, or between a cell and the edge of the document."""
    neighbours = [n for n in (_neighbour(layout, index, -1), _neighbour(layout, index, 1)) if n is not None]
    return bool(neighbours) and all(_is_cell(layout, n) for n in neighbours)
