"""Repeated title (B101) and repeated paragraphs (B102).

Where the title is and which lines copy it is the page model's business
(:mod:`arclean.normalizers.residue.title`); B101 drops the copies.  The first copy stays.  A short
line repeated on purpose (a refrain, a chant: ``مَوطِنِي مَوطِنِي``) is not a
title and stays: a title of two or three words loses its copy only when a blank
line stands between the two (a refrain comes twice in a row) and the article's
text follows, or when the article's first paragraph stands right under the two.
"""

from __future__ import annotations

from array import array

from ..._compiled import speedups
from .analysis import apply
from .lines import ends_mid_sentence, left_open
from .page import CONTENT, LABEL, NUMBERS, Line, Page
from .repeats import LENGTH_SLACK, may_repeat, normalized
from .title import (
    _LENGTH_SLACK,
    _MAX_MASTHEAD_WORDS,
    _MIN_TITLE_WORDS,
    _TITLE_LINES,
    _is_date,
    _is_dateline,
    find_title,
    has_no_copies,
    is_verse,
)

_MIN_PARAGRAPH_WORDS = 8
#: A short title: two words at least (one is a kicker, a label or a name).
_MIN_SHORT_TITLE_WORDS = 2
#: Non-blank lines after a short title's copy where the article's first paragraph must stand.
_SHORT_TITLE_TEXT_WITHIN = 4


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
    if has_no_copies(page):
        return page
    _title, copies = find_title(page)
    if not copies:
        copy = short_title_copy(page)
        copies = [] if copy is None else [copy]
    return page.without(copies)


def short_title_copy(page: Page) -> int | None:
    """The copy of a title of two or three words: the title one of the page's
    first lines (under masthead, date or residue lines, as
    :func:`~arclean.normalizers.residue.title.find_title` looks, or a word
    alone), the copy the next line that is not blank, the same text but for
    white space, with a blank line between them (or the line after it, with a
    date, a byline or a counter between them); and a paragraph of the article
    within the next four lines.  A line twice in a row is a refrain or a chant, but for a
    title's copy right over a paragraph of the article (a chant's next line, a refrain's verse,
    is no paragraph); a line twice over verses, a poem's.  (The copy look,
    :func:`~arclean.normalizers.residue.title.has_no_copies`, knows the shape:
    it never says a page with such a copy has none.)

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> text = "ما معنى الموسوعة\\n\\nما معنى الموسوعة\\n\\nبدأ التدوين منذ فجر التاريخ، فقد دون الفلاسفة والحكماء أفكارهم ومعارفهم."
    >>> short_title_copy(analyze(text)), short_title_copy(analyze(text.replace("\\n\\n", "\\n", 1)))
    (2, None)
    """
    lines = page.lines
    index = page.neighbour(-1, 1)
    for _looked in range(_TITLE_LINES):
        if index is None:
            return None
        line = lines[index]
        if line.kind is CONTENT and line.guard is None and not _is_date(line) and line.words >= _MIN_SHORT_TITLE_WORDS:
            if line.words >= _MIN_TITLE_WORDS:
                return None  # a long line: a title for find_title, or the text
            copy = page.neighbour(index, 1)
            if copy is not None and _same_text(line, lines[copy]) and (
                    _text_follows(page, copy) if copy > index + 1 else _paragraph_right_under(page, copy)):
                return copy
            if copy is not None and _stands_between(lines[copy]):  # a date, a byline or a counter, then the copy
                again = page.neighbour(copy, 1)
                if again is not None and _same_text(line, lines[again]) and _text_follows(page, again):
                    return again
            if line.words > _MAX_MASTHEAD_WORDS:
                return None
        elif not (line.is_residue or _is_date(line) or line.kind is CONTENT and line.words < _MIN_SHORT_TITLE_WORDS):
            return None  # (a word alone: a masthead, a section's name)
        index = page.neighbour(index, 1)
    return None


def _stands_between(line: Line) -> bool:
    """A line a title's copy may come under (as the conventions say): a date line (two numbers
    or more, few words besides: ``الأحد، 3 ديسمبر 2017``; a title with a number is none), a byline
    (a label's line: ``بقلم: أحمد علي``) or a counter."""
    return not line.prose and (line.guard is LABEL or line.kind in NUMBERS or _is_dateline(line))


def _same_text(title: Line, line: Line) -> bool:
    return may_repeat(title, line, _LENGTH_SLACK) and normalized(title.text) == normalized(line.text)


def _paragraph_right_under(page: Page, copy: int) -> bool:
    """Is the line right under a title's copy printed twice in a row (no blank line between the
    two) a paragraph of the article: its text, not a refrain's verses nor a chant's next line?"""
    under = copy + 1
    return under < len(page.lines) and page.lines[under].prose


def _text_follows(page: Page, copy: int) -> bool:
    index = copy
    for _ in range(_SHORT_TITLE_TEXT_WITHIN):
        index_after = page.neighbour(index, 1)
        if index_after is None:
            return False
        if page.lines[index_after].prose:
            return True
        index = index_after
    return False


def remove_repeated_paragraphs(text: str) -> str:
    """Remove a paragraph that repeats the one just before it.

    Blank lines may stand between the two.  Lines under eight words may repeat
    on purpose (a refrain) and stay, and so does a longer verse said twice among
    the verses of a poem, but for a heading printed twice or more in
    the page's head, right above the article: a short line of two words or more,
    above the first paragraph of prose, whose copy has that paragraph within the
    next four lines (a line of two or three words, with a blank line between it and
    its copy: a refrain comes twice in a row).

    >>> p = "وقامت السلطات السورية والعراقية بتنسيق الجهود في محاربة التنظيم على الحدود."
    >>> remove_repeated_paragraphs(f"{p}\\n\\n{p}\\n\\nقم أيا سيد الملاح\\nقم أيا سيد الملاح")
    'وقامت السلطات السورية والعراقية بتنسيق الجهود في محاربة التنظيم على الحدود.\\n\\n\\nقم أيا سيد الملاح\\nقم أيا سيد الملاح'
    >>> remove_repeated_paragraphs(f"أسعار العملات\\nاسماء الفائزين في الانتخابات\\n\\nاسماء الفائزين في الانتخابات\\n{p}")
    'أسعار العملات\\nاسماء الفائزين في الانتخابات\\n\\nوقامت السلطات السورية والعراقية بتنسيق الجهود في محاربة التنظيم على الحدود.'
    """
    return apply(drop_repeated_paragraphs, text)


def drop_repeated_paragraphs(page: Page) -> Page:
    """The page without paragraphs that repeat the one before them."""
    if speedups is not None and speedups.first_repeat(page.lines, page.filled, LENGTH_SLACK) < 0:
        return page  # the compiled first look: no line may repeat the one before it (96 % of real pages)
    drop = array("i")  # the lines to drop, in order: 4 bytes a line, not a set of ints
    previous: Line | None = None
    at = -1  # previous's index
    for index in page.filled:
        line = page.lines[index]
        if previous is not None and may_repeat(previous, line) and normalized(previous.text) == normalized(line.text):
            if (line.words >= _MIN_PARAGRAPH_WORDS and not _said_again(page, at, index)) or _heads_the_article(page, at, index):
                drop.append(index)
                continue
        previous, at = line, index
    return page.without(drop) if drop else page


def _said_again(page: Page, first: int, copy: int) -> bool:
    """Is a long line's copy (at ``copy``, the line at ``first`` before it) a verse a poem says
    twice: the line a verse with no comma or colon (:func:`_is_bare_verse`), the two lines above
    it such verses, each other's and its own copy neither, and two lines of content, no prose,
    under the copy (the poem goes on)?  A paragraph printed twice reads as prose, and a teaser's
    title printed twice (an image's link and a text link) stands under another title printed twice.

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> page = analyze("ما أبرد الأيام دونك يا عراق\\nومغلقة شبابيك القصور على الحبيب\\n"
    ...                "وإذا مررت على العراق ومن بعيد يا وطني\\nوإذا مررت على العراق ومن بعيد يا وطني\\nإني غريب\\n"
    ...                "لا أهل عندي ولا ديار ولا حبيب")
    >>> _said_again(page, 2, 3), [line.text[:5] for line in drop_repeated_paragraphs(page).lines][2:]
    (True, ['وإذا ', 'وإذا ', 'إني غ', 'لا أه'])
    """
    lines = page.lines
    if not _is_bare_verse(lines[copy]):
        return False
    above = page.neighbour(first, -1)
    if above is None or not _is_bare_verse(lines[above]) or lines[above].key == lines[first].key:
        return False
    higher = page.neighbour(above, -1)
    if higher is None or not _is_bare_verse(lines[higher]) or lines[higher].key == lines[above].key:
        return False
    below = page.neighbour(copy, 1)
    if below is None or not _goes_on_in_verse(lines[below]) or lines[below].key == lines[copy].key:
        return False
    further = page.neighbour(below, 1)
    return further is not None and _goes_on_in_verse(lines[further])


def _goes_on_in_verse(line: Line) -> bool:
    """A line under a verse said twice where the poem goes on: content, no prose (a verse, or a
    verse's short half)."""
    return line.kind is CONTENT and not line.prose


def _is_bare_verse(line: Line) -> bool:
    """A verse (:func:`~arclean.normalizers.residue.title.is_verse`) with no comma, semicolon or
    colon in it, that neither ends with a full stop nor runs on into the next line (:func:`left_open`):
    a line of a hard-wrapped paragraph does one or the other (``القرضاوي، وأن``, ``في عدن مع``).

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> [_is_bare_verse(line) for line in analyze("ومغلقة شبابيك القصور على الحبيب\\nالعلامة الكبير، الفقيه الجليل، وأن").lines]
    [True, False]
    """
    if not is_verse(line) or any(mark in line.text for mark in _PROSE_MARKS):
        return False
    return not (line.text.rstrip().endswith(".") or left_open(line.text))


#: The marks of a sentence's parts, which a line of prose holds and a verse seldom does.
_PROSE_MARKS = "،,؛;:"


def _heads_the_article(page: Page, first: int, copy: int) -> bool:
    """Is a short line's copy (at ``copy``, the line at ``first`` before it) a heading printed
    twice above the article: two words or more, in the page's head (above its first paragraph
    of prose), a paragraph of prose within the next four lines, and, for a line of two or three
    words, a blank line between the two?"""
    words = page.lines[copy].words
    if words < _MIN_SHORT_TITLE_WORDS or (words < _MIN_TITLE_WORDS and copy == first + 1):
        return False
    if ends_mid_sentence(page.lines[copy].text):
        return False  # a line that goes on in the next (a sermon's takbir said again): no heading
    start = page.first_prose
    return start is not None and copy < start and _text_follows(page, copy)
