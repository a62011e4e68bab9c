"""Repeated title (B101) and repeated paragraphs (B102).

Where the title is and which lines copy it is the page model's business
(:mod:`arclean.normalizers.residue.title`); B101 drops the copies.  The first copy stays.  A short
line repeated on purpose (a refrain, a chant: ``مَوطِنِي مَوطِنِي``) is not a
title and stays.
"""

from __future__ import annotations

from array import array

from .analysis import apply
from .page import Page
from .title import find_title

_MIN_PARAGRAPH_WORDS = 8


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
    _title, copies = find_title(page)
    return page.without(copies)


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
    drop = array("i")  # the lines to drop, in order: 4 bytes a line, not a set of ints
    previous: str | None = None
    for index in page.filled:
        text = page.lines[index].text
        # A first look at the lengths: only lines of close lengths are normalized and compared
        # (normalizing collapses runs of white space; it does not halve a paragraph).
        if previous is not None and 2 * min(len(previous), len(text)) + 16 >= max(len(previous), len(text)) and (
            # and lines that start alike: normalized, a line starts with its first character that is not white space
            previous[:1] == text[:1] or previous[:1].isspace() or text[:1].isspace()
        ):
            if _normalized(previous) == _normalized(text) and page.lines[index].words >= _MIN_PARAGRAPH_WORDS:
                drop.append(index)
                continue
        previous = text
    return page.without(drop)


def _normalized(text: str) -> str:
    return " ".join(text.split())
