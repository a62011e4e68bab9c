"""Repeated title (B101) and repeated paragraphs (B102).

Scrapers often take a page's headline twice: from the ``<title>`` and from the
``<h1>``, sometimes with a kicker, a date or a counter between them (but not
two lines of text: then the first line is a refrain, not a title), and
sometimes from two templates that spell it slightly differently (other
spacing, hamza, diacritics, a word changed).  The first copy stays.  A short
line repeated on purpose (a refrain, a chant: ``مَوطِنِي مَوطِنِي``) is not a
title and stays.
"""

from __future__ import annotations

from difflib import SequenceMatcher

import re

from ..analysis import apply
from ..page import Kind, Page
from ..shape import skeleton, word_count

_MIN_TITLE_WORDS = 4
#: Lines that may stand above the title: a masthead or section name (a word or
#: two), a date line, a residue line; at most this many.
_MAX_LINES_ABOVE_TITLE = 2
_MAX_MASTHEAD_WORDS = 2
_HEAD_WINDOW = 4
#: Content lines (a kicker, a byline) that may stand between the title and its
#: copy; counters, dates and residue lines do not count.  Two or more are the
#: start of the text itself (a poem's verses before its refrain).
_MAX_LINES_BETWEEN = 1
_DATE_LINE = re.compile(r"\d")
_MIN_PARAGRAPH_WORDS = 8


def is_near_duplicate(a: str, b: str) -> bool:
    """Return True when two lines are the same headline, give or take small edits.

    >>> is_near_duplicate("«الانتقالي الجنوبي» يعقد أولى جلساته بعد يوم من عودة أعضائه إلى عدن",
    ...                   "«الانتقالي الجنوبي» يُعد أولى جلساته بعد يوم من عودة اعضاءه إلى عدن")
    True
    >>> is_near_duplicate("وزير الخارجية يلتقي نظيره الأردني", "وزير الخارجية يلتقي نظيره الأردني في عمان لبحث العلاقات")
    False
    """
    sa, sb = skeleton(a), skeleton(b)
    if sa == sb:
        return bool(sa)
    wa, wb = sa.split(), sb.split()
    if not wa or not wb or abs(len(wa) - len(wb)) > 2:
        return False
    shared = sum(min(wa.count(w), wb.count(w)) for w in set(wa))
    return shared * 4 >= max(len(wa), len(wb)) * 3 and SequenceMatcher(None, sa, sb).ratio() >= 0.85


def _is_date_line(line: str) -> bool:
    """A short line with a number in it: a date, a time, a byline with a date."""
    return bool(_DATE_LINE.search(line)) and word_count(line) <= 8


def remove_repeated_title(text: str) -> str:
    """Remove copies of the title among the next lines of the head.

    >>> remove_repeated_title("الأسد يتلقى رسالة من الكاظمي حول التنسيق\\n\\nالأسد يتلقى رسالة من الكاظمي حول التنسيق\\n0\\n\\nنص.")
    'الأسد يتلقى رسالة من الكاظمي حول التنسيق\\n\\n0\\n\\nنص.'
    >>> remove_repeated_title("مَوطِنِي مَوطِنِي\\nمَوطِنِي مَوطِنِي\\n")
    'مَوطِنِي مَوطِنِي\\nمَوطِنِي مَوطِنِي\\n'
    """
    return apply(drop_repeated_title, text)


def drop_repeated_title(page: Page) -> Page:
    """The page without the copies of its title."""
    first = _title_index(page)
    if first is None:
        return page
    title = page.lines[first].text
    drop = set()
    seen = other_lines = 0
    for index in range(first + 1, len(page)):
        line = page.lines[index]
        if line.kind is Kind.BLANK:
            continue
        seen += 1
        if seen > _HEAD_WINDOW:
            break
        if is_near_duplicate(title, line.text) or _is_doubled(title, line.text):
            drop.add(index)
            continue
        if line.prose:
            break
        if line.kind is Kind.CONTENT and not _is_date_line(line.text):
            other_lines += 1
            if other_lines > _MAX_LINES_BETWEEN:
                break
    return page.without(drop)


def _title_index(page: Page) -> int | None:
    """The title: the first line, or the first after a masthead or section line
    (one or two words), a date line or a residue line.

    >>> from arclean.analysis import analyze
    >>> _title_index(analyze("العالم\\n\\nاشتباكات بالقرب من مقر المجلس الرئاسي"))
    2
    """
    index = page.neighbour(-1, 1)
    for skipped in range(_MAX_LINES_ABOVE_TITLE + 1):
        if index is None:
            return None
        line = page.lines[index]
        words = word_count(line.text)
        if line.kind is Kind.CONTENT and words >= _MIN_TITLE_WORDS and not (skipped and _is_date_line(line.text)):
            return index
        if not (line.is_residue or words <= _MAX_MASTHEAD_WORDS or _is_date_line(line.text)):
            return None
        index = page.neighbour(index, 1)
    return None


def _is_doubled(title: str, line: str) -> bool:
    """The title printed twice on one line, perhaps with an image's alt word
    between the copies (``TITLE Empty TITLE``).

    >>> _is_doubled("عنوان الموضوع في المنتدى", "عنوان الموضوع في المنتدى Empty عنوان الموضوع في المنتدى")
    True
    """
    key, words = skeleton(title), skeleton(line).split()
    n = len(key.split())
    if len(words) not in (2 * n, 2 * n + 1):
        return False
    return " ".join(words[:n]) == key and " ".join(words[-n:]) == key


def remove_repeated_paragraphs(text: str) -> str:
    """Remove a paragraph that repeats the one just before it.

    Blank lines may stand between the two.  Lines under eight words may repeat
    on purpose (a refrain) and stay.

    >>> p = "وقامت السلطات السورية والعراقية بتنسيق الجهود في محاربة التنظيم على الحدود."
    >>> remove_repeated_paragraphs(f"{p}\\n\\n{p}\\n\\nقم أيا سيد الملاح\\nقم أيا سيد الملاح")
    'وقامت السلطات السورية والعراقية بتنسيق الجهود في محاربة التنظيم على الحدود.\\n\\n\\nقم أيا سيد الملاح\\nقم أيا سيد الملاح'
    """
    return apply(drop_repeated_paragraphs, text)


def drop_repeated_paragraphs(page: Page) -> Page:
    """The page without paragraphs that repeat the one before them."""
    drop = set()
    previous = None
    for index, line in enumerate(page.lines):
        if line.kind is Kind.BLANK:
            continue
        normalized = " ".join(line.text.split())
        if previous == normalized and word_count(line.text) >= _MIN_PARAGRAPH_WORDS:
            drop.add(index)
        else:
            previous = normalized
    return page.without(drop)
