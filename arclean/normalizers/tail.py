"""The page tail: rule B301.

Once the article is over, a scraped page goes on with page chrome: share bars,
comment forms, tag lines, a newspaper's tagline, a poll, more links.  The
first end-of-page residue line after the article marks where the article
ended; it and everything after it go.

Not every residue line ends the article: a "read also" block inside the text
is followed by more article (rule B203 removes just the block), and a share
bar high in a long page may sit above the rest of the article.  So a cut is
made only where what follows holds little prose: no more than 400 characters
of paragraphs, or half the prose before the cut, whichever is more.  A
one-word residue line (``التعليق``) may be a heading of the text itself: it
ends the article only when no prose at all follows it.
"""

from __future__ import annotations

from itertools import accumulate

from ..layout import COUNTER, Layout, analyze
from ..residue import PhraseMatcher, is_widget_shaped, phrase_matcher
from ..shape import skeleton
from ..tables import Phrase

#: Line kinds that can only come after an article.
_END_OF_PAGE = frozenset({"comment", "share", "footer", "widget", COUNTER})
_MIN_PROSE_ALLOWANCE = 400


def cut_page_tail(text: str, *, boilerplate: tuple[Phrase, ...] = ()) -> str:
    """Remove the first end-of-page residue line after the article and all after it.

    >>> page = "العنوان\\n\\nقال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين.\\n\\nشارك الخبر\\n\\nصحيفة فسانيا\\n"
    >>> cut_page_tail(page)
    'العنوان\\n\\nقال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين.\\n\\n'
    """
    layout = analyze(text, boilerplate)
    start = _article_start(layout)
    if start is None:
        return text
    prose_before = list(accumulate((len(line) if prose else 0 for line, prose in zip(layout.lines, layout.prose)), initial=0))
    matcher = phrase_matcher(boilerplate)
    for index in range(start + 1, len(layout.lines)):
        if not _ends_article(layout, index):
            continue
        before, after = prose_before[index], prose_before[-1] - prose_before[index + 1]
        if _little_prose_after(layout.lines[index], before, after, matcher):
            return layout.without(range(index, len(layout.lines)), final_line_feed=True)
    return text


def _article_start(layout: Layout) -> int | None:
    """The first paragraph of prose; with no prose (a poem, a list), the first
    content line after the title."""
    if layout.first_prose is not None:
        return layout.first_prose
    content = [i for i in range(len(layout.lines)) if layout.is_content(i)][:2]
    return content[1] if len(content) == 2 else None


def _ends_article(layout: Layout, index: int) -> bool:
    kind = layout.kinds[index]
    if kind in _END_OF_PAGE:
        return True
    return (
        kind is None
        and layout.last_prose is not None
        and index > layout.last_prose
        and is_widget_shaped(layout.lines[index])
    )


def _little_prose_after(line: str, before: int, after: int, matcher: PhraseMatcher) -> bool:
    """``before`` and ``after``: characters of prose before and after the line."""
    if _is_ambiguous(line, matcher):
        return after == 0
    return after <= max(_MIN_PROSE_ALLOWANCE, before // 2)


def _is_ambiguous(line: str, matcher: PhraseMatcher) -> bool:
    """A one-word residue line (``التعليق``, ``مشاركة``, ``طباعة``) can also be a
    heading of the text; it ends the article only if no prose follows."""
    phrase = matcher.match(line)
    return phrase is not None and not phrase.prefix and len(skeleton(phrase.text).split()) == 1
