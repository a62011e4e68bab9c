"""Stray counter lines: rule B103.

Comment, view and vote counters leave a number on a line of its own (``0``,
``298``) or with a counter word (``0 تعليقات``, ``المشاهدات : 171``).  They are
removed in the head of a page (before its first paragraph; a bare number on the
page's first line, the title's place, stays) and in its tail (after the last
paragraph).  A number that belongs to content stays:
a cell of a table (a number between two short lines or numbers, one of a row of cells
that repeats the row beside it: a table's last number over a paragraph, or a number
under short lines that hold another of the table's cells), a list item
(``- 0 نقطة للخسارة``), a number inside the article, a verse or item number
(one of a series of number lines: 1, 2, 3), a year standing alone, a day over its
month's name, a part's number under its label (``العدد`` over ``64``).
"""

from __future__ import annotations

from array import array

from ...datafiles import Phrase
from .analysis import apply
from .page import COUNTER, IN_HEAD, IN_TAIL, NUMBER, NUMBERS, Page


def remove_counter_lines(text: str, *, boilerplate: tuple[Phrase, ...] = ()) -> str:
    """Remove counter lines beside the title or after the article.

    >>> remove_counter_lines("العنوان الطويل للخبر اليوم\\n0\\n\\nقال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين.\\n0 تعليقات")
    'العنوان الطويل للخبر اليوم\\n\\nقال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين.'
    >>> remove_counter_lines("الفريق\\nالنقاط\\nالأهلي\\n30\\nالزمالك\\n28")
    'الفريق\\nالنقاط\\nالأهلي\\n30\\nالزمالك\\n28'
    """
    return apply(drop_counter_lines, text, boilerplate)


def drop_counter_lines(page: Page) -> Page:
    """The page without its stray counters: in the tail, or in the head (a bare
    number not on the page's first line, the title's place; a counter with a
    counter word anywhere there) when no number stands right above it.  Guarded
    numbers (table cells, series, years) stay."""
    if NUMBERS.isdisjoint(page.index):
        return page  # no number on the page
    counters = page.at_edges(page.of_kinds(NUMBERS))
    if not counters:
        return page
    first = page.neighbour(-1, 1)
    drop = array("i")  # the lines to drop, in order: 4 bytes a line, not a set of ints
    for index in counters:
        line = page.lines[index]
        if not line.is_residue:
            continue
        region = page.region(index)
        if region is IN_TAIL or (
                region is IN_HEAD and (index != first or line.kind is COUNTER) and not _after_number(page, index)):
            drop.append(index)
    return page.without(drop)


def _after_number(page: Page, index: int) -> bool:
    previous = page.neighbour(index, -1)
    return previous is not None and page.lines[previous].kind is NUMBER
