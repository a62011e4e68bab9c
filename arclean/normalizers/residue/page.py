"""The page model: a scraped document analysed once into lines, each with a
kind, a region and the evidence for it.

A scraped page is a head (site chrome, title, kicker, byline, date, counters),
an article (paragraphs of prose) and a tail (share bars, comment forms,
related links, tags, footers).  Every line rule (the B family) is a decision
over this model: which residue lines to drop.  The model is built by one
explicit step, :func:`arclean.normalizers.residue.analysis.analyze`, that the pipeline runs once
for a run of line rules; a rule called alone analyses its own text.

The evidence a line is judged by, strongest first:

- a listed phrase (``data/boilerplate/*.txt``): the line *is* a comment form,
  a share bar, a forum prompt;
- its shape and words: a bare number, a number with counter words, a
  copyright notice, a short line made of chrome words (``data/words``);
- its context (:mod:`arclean.normalizers.residue.context`): the region (in the tail a line needs
  fewer chrome words), its neighbours (a short line between chrome lines at
  the page's edge is chrome, as jusText judges a short paragraph by its
  neighbours; a forum poster card's name lines), a label dangling at the
  page's end;
- content protection (:class:`Guard`), which wins over all of these: a number
  in a table or a numbered series, a year, a list item, a decorative
  separator, a source or byline, a breadcrumb.  When the evidence conflicts,
  the line stays.

>>> from arclean.normalizers.residue.analysis import analyze
>>> page = analyze("عنوان الخبر\\n0\\nقال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين.\\nاترك رد")
>>> [line.kind.name for line in page.lines]
['CONTENT', 'NUMBER', 'CONTENT', 'COMMENT']
>>> [page.region(i).name for i in range(4)]
['HEAD', 'HEAD', 'ARTICLE', 'TAIL']
"""

from __future__ import annotations

import enum
from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from heapq import merge
from itertools import compress
from typing import Any, Callable, Generic, Iterable, Mapping, Sequence, TypeVar, overload

from ..._compiled import speedups
from ...datafiles import Phrase
from ...text.folding import fold_text, skeleton_of_folded

_T = TypeVar("_T")


class cached_property(Generic[_T]):
    """``functools.cached_property`` without its lock (Python 3.11 takes a lock
    on every first computation, about as long as the property itself here):
    the value is computed on first access and stored in the instance's
    ``__dict__``, where later reads find it without calling this.  Lines and
    pages are immutable, and computing a value twice would give the same one."""

    def __init__(self, func: Callable[[Any], _T]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> cached_property[_T]: ...
    @overload
    def __get__(self, instance: object, owner: type | None = None) -> _T: ...
    def __get__(self, instance: object, owner: type | None = None) -> _T | cached_property[_T]:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.func(instance)
        return value


class Kind(enum.Enum):
    """What a line is.  The phrase kinds carry the names of the data files' ``# kind:`` headers."""

    BLANK = "blank"
    CONTENT = "content"
    NUMBER = "number"  # a bare number: "0", "298"
    COUNTER = "counter"  # a number with counter words: "0 تعليقات"
    COMMENT = "comment"
    SHARE = "share"
    RELATED = "related"
    FOOTER = "footer"
    WIDGET = "widget"
    HEAD = "head"
    FORUM = "forum"
    PAYWALL = "paywall"
    AD = "ad"  # an ad slot's label (مساحة إعلانية, Advertisement): residue wherever it stands
    MASTHEAD = "masthead"  # a masthead's credit (رئيس التحرير): residue in the head, where another stands
    CHROME = "chrome"  # no listed phrase: chrome by its words, shape or neighbours

    # Members are singletons: hash them by identity, in C (Enum's own hash is
    # Python code, and kinds are looked up in sets for every line).
    __hash__ = object.__hash__

    @property
    def is_residue(self) -> bool:
        return self not in _NOT_RESIDUE


#: Kinds that can only come after an article: the first of them after the
#: article's prose marks where the page tail starts (rule B301).
END_OF_PAGE = frozenset(
    {Kind.COMMENT, Kind.SHARE, Kind.FOOTER, Kind.WIDGET, Kind.HEAD, Kind.FORUM, Kind.PAYWALL, Kind.COUNTER, Kind.CHROME}
)


#: The kinds of the lines that are numbers: bare ones, and ones with counter words.
NUMBERS = frozenset({Kind.NUMBER, Kind.COUNTER})


class Region(enum.Enum):
    HEAD = "head"
    ARTICLE = "article"
    TAIL = "tail"


class Guard(enum.Enum):
    """Why a line that looks like residue is content and stays."""

    TABLE = "a cell of a table"
    SERIES = "a number of a numbered series (verses, items)"
    YEAR = "a year standing alone"
    LIST = "a list item"
    SEPARATOR = "a decorative separator"
    LABEL = "a source, byline or credit line"
    BREADCRUMB = "a breadcrumb trail"
    WRAPPED = "a line of a hard-wrapped paragraph"
    SITE_PAGE = "the title or the text of a site's own page (its terms, its privacy policy)"
    FIELD = "a field of a card of facts (a book's publisher, edition and pages)"
    IMPRINT = "a book's imprint (its rights, its edition)"
    NOTICE = "the heading of an official notice (إعلان: an announcement, not an ad's label)"
    DATE = "a date's day over its month's name (a date printed a part to a line)"
    QUANTITY = "a quantity's number over its unit (a price, a measure)"


#: The members the hottest tests compare with, as module names: on Python 3.11, whose
#: ``EnumType`` has a ``__getattr__``, each ``Kind.CONTENT`` goes through it (about
#: 100 ns, ten times a global name's; from Python 3.12 on they cost alike).
BLANK, CONTENT, FORUM, NUMBER = Kind.BLANK, Kind.CONTENT, Kind.FORUM, Kind.NUMBER
CHROME, COUNTER, RELATED, FOOTER = Kind.CHROME, Kind.COUNTER, Kind.RELATED, Kind.FOOTER
LABEL, LIST_ITEM, BREADCRUMB, WRAPPED, SEPARATOR = Guard.LABEL, Guard.LIST, Guard.BREADCRUMB, Guard.WRAPPED, Guard.SEPARATOR
TABLE_CELL, SERIES_NUMBER, YEAR_ALONE, SITE_PAGE_TITLE = Guard.TABLE, Guard.SERIES, Guard.YEAR, Guard.SITE_PAGE
FACT_FIELD, IMPRINT, NOTICE_HEADING, DATE_PART = Guard.FIELD, Guard.IMPRINT, Guard.NOTICE, Guard.DATE
QUANTITY = Guard.QUANTITY
IN_HEAD, IN_ARTICLE, IN_TAIL = Region.HEAD, Region.ARTICLE, Region.TAIL
_NOT_RESIDUE = (BLANK, CONTENT)

#: A line of more characters than this has its words (Line.words) counted by its spaces until its skeleton is made.
LONG_LINE_WORDS = 1000


def python_index_lines(lines: tuple[Line, ...], blank: Kind = Kind.BLANK) -> tuple[dict[Kind, array[int]], array[int]]:
    """:attr:`Page.index` and :attr:`Page.filled` in one pass over a page's lines:
    each kind's line indexes, in order, and the indexes of the lines not ``blank``,
    in arrays of machine ints.  The reference of the compiled core's
    ``index_lines``, which gives lists, and is used for pages of at most
    ``_LIST_INDEX`` lines.

    >>> index, filled = python_index_lines((Line("أ", Kind.CONTENT), Line("", Kind.BLANK), Line("0", Kind.NUMBER)))
    >>> {kind.name: list(indexes) for kind, indexes in index.items()}, list(filled)
    ({'CONTENT': [0], 'BLANK': [1], 'NUMBER': [2]}, [0, 2])
    """
    found: dict[Kind, array[int]] = {}
    filled = array("i")
    for i, line in enumerate(lines):
        kind = line.kind
        indexes = found.get(kind)
        if indexes is None:
            indexes = found[kind] = array("i")
        indexes.append(i)
        if kind is not blank:
            filled.append(i)
    return found, filled


#: Pages of at most this many lines are indexed by the compiled core (in lists: 36 bytes a line, not 4).
_LIST_INDEX = 1 << 12


def index_lines(lines: tuple[Line, ...]) -> tuple[Mapping[Kind, Sequence[int]], Sequence[int]]:
    """:func:`python_index_lines`, by the compiled core for a page of at most ``_LIST_INDEX`` lines."""
    if speedups is not None and len(lines) <= _LIST_INDEX:
        index, filled = speedups.index_lines(lines, BLANK)
        return index, filled
    return python_index_lines(lines)


@dataclass(frozen=True, init=False)
class Line:
    """One line of a page: its text, its kind, whether it reads as prose, the
    evidence for its kind, and the guard that keeps it if it is content after all.
    ``folded``: the line folded by :func:`arclean.text.folding.fold_text` (when the
    analysis classifies it, or when a rule first asks); its skeleton and word count
    are derived once, when a rule first asks."""

    text: str
    kind: Kind
    prose: bool = False
    evidence: str = ""
    guard: Guard | None = None
    #: The kind or guard comes from the line's neighbours, not the line alone:
    #: judged again when lines around it are dropped.
    by_context: bool = False
    #: The page's title, known by its copies (kept when they are dropped).
    title: bool = False
    #: Of a short line's words: how many are chrome words, how many function words or numbers.
    chrome_count: int = 0
    filler_count: int = 0

    def __init__(self, text: str, kind: Kind, folded: str | None = None, prose: bool = False, evidence: str = "",
                 guard: Guard | None = None, by_context: bool = False, title: bool = False, chrome_count: int = 0,
                 filler_count: int = 0) -> None:
        # The fields straight into the instance's dict: a frozen dataclass's own __init__ sets each
        # through object.__setattr__, four times as long, and pages are made of many lines.
        self.__dict__.update(text=text, kind=kind, prose=prose, evidence=evidence, guard=guard, by_context=by_context,
                             title=title, chrome_count=chrome_count, filler_count=filler_count)
        if folded is not None:  # None: folded when first asked (see folded)
            self.__dict__["folded"] = folded

    @cached_property
    def folded(self) -> str:
        """The line folded (:func:`arclean.text.folding.fold_text`): given when the
        line is made, or folded when a rule first asks (a paragraph of prose, whose
        skeleton most pages never need, is made without it by the compiled core).
        Not a field: it follows from the text.

        >>> line = Line("إقرأ أيضاً", Kind.CONTENT, None)
        >>> "folded" in line.__dict__, line.folded, line == Line("إقرأ أيضاً", Kind.CONTENT, "اقرا ايضا")
        (False, 'اقرا ايضا', True)
        """
        return fold_text(self.text)

    @property
    def is_residue(self) -> bool:
        """Residue by its kind (:attr:`Kind.is_residue`, read here without its call), and no guard keeps it."""
        return self.kind not in _NOT_RESIDUE and self.guard is None

    @cached_property
    def key(self) -> str:
        """The line's skeleton (:func:`arclean.text.folding.skeleton`)."""
        return skeleton_of_folded(self.folded)

    @cached_property
    def words(self) -> int:
        """The number of words; for a line of over 1000 characters, its spaces
        plus one (such a line is only ever compared with small thresholds, and
        its skeleton would be a second copy of it)."""
        if len(self.text) > LONG_LINE_WORDS and "key" not in self.__dict__:
            return self.text.count(" ") + 1
        return self.key.count(" ") + 1 if self.key else 0


@dataclass(frozen=True, init=False)
class Page:
    """A document's lines and what they are; where the head ends and the tail starts.

    ``head_end``: the index of the first line after the head (the first
    paragraph of prose; with no prose, the content line after the title).
    ``tail_start``: the index of the first line of the tail (after the last
    paragraph of prose; with no prose, after the last content line).
    """

    lines: tuple[Line, ...]
    extra: tuple[Phrase, ...] = ()
    #: The page came with forum chrome (kept when those lines are dropped).
    forum: bool = False
    #: Each line's text and its kind out of context, as first classified: a
    #: fresh look at the page judges these again without classifying anew.
    alone: Mapping[str, Line] = field(default_factory=dict, compare=False, repr=False)

    def __init__(self, lines: tuple[Line, ...], extra: tuple[Phrase, ...] = (), forum: bool = False,
                 alone: Mapping[str, Line] | None = None) -> None:
        # As Line's: the fields straight into the instance's dict.
        self.__dict__.update(lines=lines, extra=extra, forum=forum, alone={} if alone is None else alone)

    @property
    def text(self) -> str:
        return "\n".join([line.text for line in self.lines])  # a list: join makes one anyway, a generator costs a resume a line

    def __len__(self) -> int:
        return len(self.lines)

    @cached_property
    def prose(self) -> tuple[int, ...]:
        """The lines that read as paragraphs of prose."""
        lines = self.lines
        return tuple([i for i in self.index.get(CONTENT, ()) if lines[i].prose])

    @cached_property
    def first_prose(self) -> int | None:
        return self.prose[0] if self.prose else None

    @cached_property
    def last_prose(self) -> int | None:
        return self.prose[-1] if self.prose else None

    @cached_property
    def head_end(self) -> int:
        if self.first_prose is not None:
            return self.first_prose
        content: Sequence[int] = self.index.get(CONTENT, ())
        return content[1] if len(content) >= 2 else 0

    @cached_property
    def tail_start(self) -> int:
        if self.last_prose is not None:
            return self.last_prose + 1
        content = self.index.get(CONTENT, ())
        return content[-1] + 1 if content else len(self.lines)

    def at_edges(self, indexes: Sequence[int]) -> Sequence[int]:
        """Those of the (sorted) indexes that stand in the head or the tail.

        >>> from arclean.normalizers.residue.analysis import analyze
        >>> analyze("0\\nقال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين في الأسبوع المقبل كله.\\n0").at_edges([0, 1, 2])
        [0, 2]
        """
        head_end = min(self.head_end, self.tail_start)
        head, tail = indexes[: bisect_left(indexes, head_end)], indexes[bisect_left(indexes, self.tail_start):]
        if isinstance(head, array) and isinstance(tail, array):
            return head + tail  # an array stays one (the numbers of a page of a million lines)
        return [*head, *tail]

    def region(self, index: int) -> Region:
        if index < self.head_end and index < self.tail_start:
            return IN_HEAD
        return IN_TAIL if index >= self.tail_start else IN_ARTICLE

    @cached_property
    def index(self) -> Mapping[Kind, Sequence[int]]:
        """The lines of each kind, in order: a rule visits only the lines it
        decides on, not every line of the page.

        >>> from arclean.normalizers.residue.analysis import analyze
        >>> list(analyze("العنوان\\n0\\n\\nاترك رد").index[Kind.COMMENT])
        [3]

        A page of many lines keeps them in arrays of machine integers, not
        lists of Python ints: a page of a million one-character lines costs 4
        bytes a line here, not 36.
        """
        index, filled = index_lines(self.lines)
        self.__dict__.setdefault("filled", filled)
        return index

    def of_kinds(self, kinds: Iterable[Kind]) -> Sequence[int]:
        """The indexes of the lines of these kinds, in order."""
        wanted = kinds if isinstance(kinds, (frozenset, set, tuple)) else tuple(kinds)
        # The page's kinds are few: look them up in the wanted ones (the kinds' lines are
        # disjoint, so merged in any order they give the same indexes).
        present = [indexes for kind, indexes in self.index.items() if kind in wanted]
        if len(present) == 1:
            return present[0]
        return array("i", merge(*present)) if present else ()

    @cached_property
    def filled(self) -> Sequence[int]:
        """The indexes of the lines that are not blank."""
        index, filled = index_lines(self.lines)
        self.__dict__.setdefault("index", index)
        return filled

    def neighbour(self, index: int, step: int) -> int | None:
        """The next non-blank line before (step -1) or after (step 1) a line.

        >>> from arclean.normalizers.residue.analysis import analyze
        >>> page = analyze("أ\\n\\nب")
        >>> page.neighbour(0, 1), page.neighbour(2, -1), page.neighbour(-1, 1), page.neighbour(2, 1)
        (2, 0, 0, None)
        """
        filled = self.filled
        if step > 0:
            k = bisect_right(filled, index)
            return filled[k] if k < len(filled) else None
        k = bisect_left(filled, index)
        return filled[k - 1] if k > 0 else None

    def without(self, drop: Iterable[int], *, final_line_feed: bool = False) -> "Page":
        """The page without the given lines (and with a final line feed if
        asked); what is left keeps its analysis.

        >>> from arclean.normalizers.residue.analysis import analyze
        >>> page = analyze("العنوان\\n0\\nنص")
        >>> page.without([1]).text, page.without([2], final_line_feed=True).text
        ('العنوان\\nنص', 'العنوان\\n0\\n')
        """
        keep = bytearray(b"\x01") * len(self.lines)  # a byte a line, not a set of ints
        dropped = False
        for index in drop:
            if 0 <= index < len(keep):
                keep[index] = 0
                dropped = True
        if not dropped and not final_line_feed:
            return self
        lines = tuple(compress(self.lines, keep))
        if final_line_feed:
            lines += (Line("", BLANK),)
        return Page(lines, self.extra, self.forum, self.alone)
