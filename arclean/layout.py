"""The layout of a scraped document: which lines are prose, which are page residue.

A scraped page is a head (title, kicker, byline, date, counters, share bar), an
article (paragraphs of prose) and a tail (share bars, comment forms, related
links, tags, footers).  The boilerplate rules remove residue only in the head
and the tail, where it can be told apart from content; the same words inside
the article stay.  This module finds those regions, so that every B rule
agrees on what they are.

An analysis is the costly part of the line rules, so it is done once per text:
the document is folded in one pass (not line by line), long lines are only
checked for a line-start phrase, and a rule that drops lines derives the next
text's layout from its own instead of analysing again.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from functools import cached_property
from typing import Iterable

from .patterns import BARE_NUMBER_LINE
from .residue import PhraseMatcher, is_copyright, is_counter, phrase_matcher
from .shape import fold_text, is_prose, skeleton_of_folded
from .tables import Phrase

#: Line kinds besides the phrase kinds of ``tables.PHRASE_KINDS``.
BLANK = "blank"
NUMBER = "number"  # a bare number: "0", "298"
COUNTER = "counter"  # a number with a counter word: "0 تعليقات"

#: Residue lines are short.  A line of more tokens than this can only *start*
#: with a phrase (a tags line, an inline read-also block), and reads as prose.
_LONG_LINE_TOKENS = 25
_CACHE_SIZE = 8


@dataclass(frozen=True)
class Layout:
    """A document's lines, the kind of each, which are prose, and where the
    head ends and the tail starts.

    ``head_end``: the index of the first line after the head (the first paragraph
    of prose; with no prose, the content line after the title).  ``tail_start``:
    the index of the first line of the tail (after the last paragraph of prose;
    with no prose, after the last content line).
    """

    lines: tuple[str, ...]
    kinds: tuple[str | None, ...]
    prose: tuple[bool, ...]
    extra: tuple[Phrase, ...] = ()

    @cached_property
    def first_prose(self) -> int | None:
        return next((i for i, flag in enumerate(self.prose) if flag), None)

    @cached_property
    def last_prose(self) -> int | None:
        return next((i for i in range(len(self.prose) - 1, -1, -1) if self.prose[i]), None)

    @cached_property
    def head_end(self) -> int:
        first = self.first_prose
        if first is not None:
            return first
        content = [i for i, kind in enumerate(self.kinds) if kind is None][:2]
        return content[1] if len(content) == 2 else 0

    @cached_property
    def tail_start(self) -> int:
        last = self.last_prose
        if last is not None:
            return last + 1
        content = [i for i in range(len(self.kinds) - 1, -1, -1) if self.kinds[i] is None][:1]
        return content[0] + 1 if content else len(self.lines)

    def in_head(self, index: int) -> bool:
        """Before the first paragraph of prose (with no prose: between the title
        and the next content line)."""
        return index < self.head_end

    def in_tail(self, index: int) -> bool:
        """After the last paragraph of prose (or, with no prose, after the last content line)."""
        return index >= self.tail_start

    def is_content(self, index: int) -> bool:
        return self.kinds[index] is None

    def without(self, drop: Iterable[int], *, final_line_feed: bool = False) -> str:
        """The text without the given lines (and with a final line feed if
        asked); its layout is derived, not analysed again.

        >>> layout = analyze("العنوان\\n0\\nنص")
        >>> layout.without([1]), layout.without([2], final_line_feed=True)
        ('العنوان\\nنص', 'العنوان\\n0\\n')
        """
        drop = set(drop)
        keep = [i for i in range(len(self.lines)) if i not in drop]
        lines = [self.lines[i] for i in keep]
        kinds = [self.kinds[i] for i in keep]
        prose = [self.prose[i] for i in keep]
        if final_line_feed:
            lines.append("")
            kinds.append(BLANK)
            prose.append(False)
        text = "\n".join(lines)
        _remember(text, self.extra, Layout(tuple(lines), tuple(kinds), tuple(prose), self.extra))
        return text


_CACHE: OrderedDict[tuple[str, tuple[Phrase, ...]], Layout] = OrderedDict()


def _remember(text: str, extra: tuple[Phrase, ...], layout: Layout) -> None:
    _CACHE[(text, extra)] = layout
    _CACHE.move_to_end((text, extra))
    while len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)


def clear_cache() -> None:
    """Forget the cached analyses (for measurements)."""
    _CACHE.clear()


def analyze(text: str, extra: tuple[Phrase, ...] = ()) -> Layout:
    """Split a text into lines and classify each.

    Cached: consecutive rules share one analysis, and a rule that drops lines
    leaves the next text's layout in the cache.

    >>> layout = analyze("عنوان الخبر\\n0\\nقال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين.\\nاترك رد")
    >>> layout.kinds, layout.head_end, layout.tail_start
    ((None, 'number', None, 'comment'), 2, 3)
    """
    cached = _CACHE.get((text, extra))
    if cached is not None:
        return cached
    layout = _analyze(text, extra)
    _remember(text, extra, layout)
    return layout


def _analyze(text: str, extra: tuple[Phrase, ...]) -> Layout:
    matcher = phrase_matcher(extra)
    lines = tuple(text.split("\n"))
    folded = fold_text(text).split("\n")
    kinds: list[str | None] = []
    prose: list[bool] = []
    for line, folded_line in zip(lines, folded):
        kind, reads_as_prose = _classify(line, folded_line, matcher)
        kinds.append(kind)
        prose.append(reads_as_prose)
    return Layout(lines, tuple(kinds), tuple(prose), extra)


def _classify(line: str, folded_line: str, matcher: PhraseMatcher) -> tuple[str | None, bool]:
    """The kind of a line and whether it reads as prose."""
    stripped = line.strip()
    if not stripped:
        return BLANK, False
    if BARE_NUMBER_LINE.fullmatch(stripped):
        return NUMBER, False
    if stripped.count(" ") >= _LONG_LINE_TOKENS:
        first = skeleton_of_folded(folded_line.split(None, 1)[0]).split(" ", 1)[0]
        phrase = matcher.match(line[:200]) if matcher.could_start(first) else None
        if phrase is not None and phrase.prefix:
            return phrase.kind, False
        return None, True
    key = skeleton_of_folded(folded_line)
    if is_counter(line, key):
        return COUNTER, False
    phrase = matcher.match(line, key)
    if phrase is not None:
        return phrase.kind, False
    if is_copyright(line, key):
        return "footer", False
    return None, is_prose(line, key.count(" ") + 1 if key else 0)

