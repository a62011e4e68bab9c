"""Quotation marks: shapes (Q101), doubled marks (Q102), minority style (Q103)
and the opt-in style conversion (Q201).

A page's quotes pass through editors, CMS plugins and copy-paste, and come out
with the wrong mark in the right place: ``“مكافحة الإرهاب“``, ``”أهلا”``.  The
fixes keep every mark where it stands and change only its shape, and only
where the marks of one style in a paragraph (or a run of lines without a blank
between them) cannot be read as well-formed quotations.  There, the marks
alternate: opening, closing, opening …, unless that would give a mark the
shape both its neighbours contradict (``word« word``: the reading is in doubt).  A
region with an odd number of marks is missing one; where it belongs is a
guess, so it is left alone.  Balanced,
correctly shaped and nested quotes are never touched, and neither are straight
quotes (they have no shape to fix).

A mark that stands among ornaments and next to no word (``——-‘——-‘——–‘``,
``*-’-*-’-*``) is part of a decorative separator, and a mark with spaces on
both sides, where no mark of its style on the line touches a word
(``الرئيسية » أخبار » محلية``), is a separator or an arrow: neither is a
quotation mark, and no rule counts it, pairs it or changes it.  Nor does Q101
reshape the guillemets of a line that holds a breadcrumb trail drawn with them
glued to its sections (``الرئيسية»آراء»…``: a home page's name before the mark).

Memory stays within a few times the text, whatever its shape (one line of
millions of marks, millions of short lines): the rules find the marks with
regular expressions and str methods, walk them one run of adjacent marks at a
time, keep per line and per region only counts, and write the result in
pieces joined as they come (``_apply``).  A line without a quotation mark is
never looked at.
"""

from __future__ import annotations

import functools
import heapq
import re
import unicodedata
from collections import deque
from itertools import accumulate, chain
from typing import Callable, Iterable, Iterator, NamedTuple

from .._compiled import speedups
from ..text.chars import QUOTATION_MARK_SET, TATWEEL
from ..text.clitics import PROCLITIC_RUN
from .residue.lines import breadcrumb_homes

#: The shaped quote styles: (opening mark, closing mark).
STYLES = {
    "double": ("\u201c", "\u201d"),  # “ ”
    "single": ("\u2018", "\u2019"),  # ‘ ’
    "guillemets": ("\u00ab", "\u00bb"),  # « »
    "single-guillemets": ("\u2039", "\u203a"),  # ‹ ›
}
#: Each style's marks, by its opening mark.
_STYLE_MARKS = {opener: re.compile(f"[{opener}{closer}]") for opener, closer in STYLES.values()}
#: Each style's runs of adjacent marks, by its opening mark.
_STYLE_RUNS = {opener: re.compile(f"[{opener}{closer}]+") for opener, closer in STYLES.values()}
#: Each style's marks alternating from an opening mark and from a closing one, by its opening mark.
_ALTERNATING = {opener: (re.compile(f"(?:{opener}{closer})*+{opener}?"), re.compile(f"(?:{closer}{opener})*+{closer}?"))
                for opener, closer in STYLES.values()}
_APOSTROPHE = re.compile(r"(?<=[A-Za-z\u00c0-\u024f0-9])[\u2018\u2019](?=[A-Za-z\u00c0-\u024f])")
_MAX_REGION_LINES = 6


#: Every quotation mark, shaped or straight: a separator may mix them.
_QUOTE_CLASS = "".join(sorted(QUOTATION_MARK_SET))
#: Ornaments: dashes, connectors, math and other symbols, the star and bullet
#: punctuation that separators are drawn with, and the brackets that frame a
#: decorated name (``(¯`»• منتدى … •«´¯)``).
_ORNAMENT_CATEGORIES = frozenset({"Pd", "Pc", "Sm", "Sk", "So"})
_ORNAMENT_PUNCTUATION = frozenset("*•·‧∙◦#§¤()[]")
#: Characters that are no letter, digit, underscore or line end (a repeated
#: single class: a repeated group would take memory for every character).
_NON_WORD = re.compile(r"[^\w\n]*")
#: Everything up to the last letter or digit before a position (where the
#: stretch of non-word characters holding the position starts).
_UP_TO_LAST_WORD = re.compile(r"(?s:.*)[^\W_]")
#: A character that may make a stretch an ornament: no letter, digit, space
#: or quotation mark.  A line without one holds no decorative separator.
_OTHER = re.compile(f"[^\\w\\s{_QUOTE_CLASS}]|_")
#: A character of a stretch that is no space and no quotation mark, and
#: everything up to the last one.
_SOLID = re.compile(f"[^\\s{_QUOTE_CLASS}]")
_UP_TO_LAST_SOLID = re.compile(f"(?s:.*)[^\\s{_QUOTE_CLASS}]")
#: A blank line (spaces at most) between two line ends.
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
#: Pieces of a rewritten text kept apart at most: more are joined at once.
_PIECES = 256


def _is_ornament(char: str) -> bool:
    return char in _ORNAMENT_PUNCTUATION or unicodedata.category(char) in _ORNAMENT_CATEGORIES


@functools.lru_cache(maxsize=4096)
def _may_stand_in_separator(char: str) -> bool:
    return char.isspace() or char in QUOTATION_MARK_SET or _is_ornament(char)


def _ornaments(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The positions of the first and the last ornament of the stretch
    ``text[start:end]`` when it holds only ornaments, spaces and quotation
    marks, else None.

    >>> _ornaments("نص ——‘—— نص", 3, 8)
    (3, 7)
    >>> _ornaments("نص “،” نص", 3, 6)
    """
    first = _SOLID.search(text, start, end)
    if first is None:
        return None
    last = _UP_TO_LAST_SOLID.match(text, start, end).end() - 1  # type: ignore[union-attr]  # `first` is a solid char
    for chunk_start in range(first.start(), last + 1, 4096):
        chunk = text[chunk_start : min(chunk_start + 4096, last + 1)]
        if not all(map(_may_stand_in_separator, set(chunk))):
            return None
    return first.start(), last


def _stretch_end(text: str, position: int) -> int:
    """The end of the stretch of characters that are no letter, digit or line
    end from ``position`` on.

    >>> _stretch_end("نص —_“— نص", 3)
    8
    """
    end = _NON_WORD.match(text, position).end()  # type: ignore[union-attr]  # matches the empty string
    while text.startswith("_", end):
        end = _NON_WORD.match(text, end + 1).end()  # type: ignore[union-attr]
    return end


def _runs(
    text: str,
    start: int,
    end: int,
    pattern: re.Pattern[str],
    decorated: bool,
    *,
    apostrophes: bool = False,
    apart: str = "",
) -> Iterator[tuple[int, int]]:
    """The runs of adjacent marks (matches of ``pattern``) on the line
    ``text[start:end]`` that are quotation marks, as (start, end).

    Left out: the marks of decorative separators (only looked for when
    ``decorated``: the line holds a character that may be an ornament), a
    lone ``‘`` or ``’`` between Latin letters or digits when ``apostrophes``
    (``don’t``), and a lone mark of ``apart`` (marks standing apart, a run of
    one mark with spaces on both sides).

    A mark is part of a decorative separator when the stretch between the
    nearest words on either side (or the line's ends) holds only ornaments,
    spaces and quotation marks, and an ornament stands between the mark and
    each word (a mark with only spaces or other marks between it and a word
    is a quotation mark: ``—‘“نعم”’—``).  Every mark of a run shares its
    stretch and its place among the ornaments, so a run is in or out whole.
    Each stretch is measured once, so the time is linear in the line.

    >>> marks = re.compile("[\u2018\u2019\u201c\u201d]+")
    >>> list(_runs("——-‘——-‘——–‘", 0, 12, marks, True))
    []
    >>> list(_runs("نص —‘— ثم —‘“نعم”’—", 0, 19, marks, True))
    [(11, 13), (16, 18)]
    >>> list(_runs("the Qur’an, ‘quote’", 0, 19, marks, True, apostrophes=True))
    [(12, 13), (18, 19)]
    """
    if not (decorated or apostrophes or apart):
        return map(_SPAN, pattern.finditer(text, start, end))
    return _quotation_runs(text, start, pattern.finditer(text, start, end), decorated, apostrophes, apart)


_SPAN = re.Match.span


def _quotation_runs(
    text: str, line_start: int, runs: Iterator[re.Match[str]], decorated: bool, apostrophes: bool, apart: str
) -> Iterator[tuple[int, int]]:
    stretch_end = line_start
    ornaments = None
    first = last = 0
    word_before = word_after = False
    for match in runs:
        run_start, run_end = match.span()
        if run_end - run_start == 1:
            if apart and text[run_start] in apart:
                continue
            if apostrophes and _APOSTROPHE.match(text, run_start):
                continue
        if decorated:
            if (run_start and text[run_start - 1].isalnum()) or (run_end < len(text) and text[run_end].isalnum()):
                # Against a word (a letter or digit: [^\W_]): no ornament between the run and
                # that word, so it is a quotation mark whatever its stretch holds.  The stretch
                # is left unread; the next run, past it, reads its own.
                yield run_start, run_end
                continue
            if run_start >= stretch_end:
                word = _UP_TO_LAST_WORD.match(text, stretch_end, run_start)
                stretch_start = word.end() if word else stretch_end
                stretch_end = _stretch_end(text, run_start)
                ornaments = _ornaments(text, stretch_start, stretch_end)
                if ornaments is not None:
                    first, last = ornaments
                    word_before = stretch_start > 0 and text[stretch_start - 1] != "\n"
                    word_after = stretch_end < len(text) and text[stretch_end] != "\n"
            if ornaments is not None and not (run_start < first and word_before) and not (run_start > last and word_after):
                continue
        yield run_start, run_end


def _touching(text: str, start: int, end: int, pattern: re.Pattern[str], apostrophes: bool = False) -> bool:
    """Whether a mark matched by ``pattern`` on the line ``text[start:end]``
    has no space on one side (apostrophes aside when ``apostrophes``).

    Marks with a space or a line's end on both sides, like every other mark
    of their style on the line, are separators or arrows
    (``الرئيسية » أخبار » محلية``, ``اقرأ المزيد »``).  A line where one mark of
    the style touches a word is read as quotations written with spaces inside
    (``‘جوزيف فليب ‘``).

    >>> _touching("الرئيسية » أخبار » محلية", 0, 24, _TOUCHING["\u00ab"])
    False
    >>> _touching("قال « نعم» و« لا »", 0, 18, _TOUCHING["\u00ab"])
    True
    """
    for match in pattern.finditer(text, start, end):
        if not (apostrophes and _APOSTROPHE.match(text, match.start())):
            return True
    return False


def _touching_pattern(marks: str) -> re.Pattern[str]:
    return re.compile(f"[{marks}](?:(?<=\\S[{marks}])|(?=\\S))")


#: For each style, by its opening mark (and the straight mark): a mark of the
#: style with no space on one side.
_TOUCHING = {opener: _touching_pattern(opener + closer) for opener, closer in STYLES.values()} | {'"': _touching_pattern('"')}


#: An edit: (start, end, new text), the span ``text[start:end]`` replaced.
_Edit = tuple[int, int, str]


def _apply(text: str, edits: Iterable[tuple[int, int, str]], between: Callable[[str], str] | None = None) -> str:
    """The text with each span (start, end) replaced by its new text; the
    edits come in order and do not overlap.  With ``between``, the text
    between the edits is passed through it.

    The result is put together in pieces joined every ``_PIECES`` pieces, so
    that millions of small edits never stand as millions of small strings.

    >>> _apply("abcdef", [(1, 2, "B"), (4, 6, "")])
    'aBcd'
    """
    pieces: list[str] = []
    chunks: list[str] = []
    done = 0
    for start, end, new in edits:
        if start > done:
            piece = text[done:start]
            pieces.append(between(piece) if between else piece)
        pieces.append(new)
        done = end
        if len(pieces) >= _PIECES:
            chunks.append("".join(pieces))
            pieces.clear()
    if not chunks and not pieces:
        return between(text) if between else text
    if done < len(text):
        piece = text[done:]
        pieces.append(between(piece) if between else piece)
    chunks.append("".join(pieces))
    pieces.clear()
    return "".join(chunks)


def _lines_with(text: str, pattern: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    """(start, end) of each line holding a match of ``pattern``, its line end
    excluded.  The lines in between cost one search.

    >>> list(_lines_with("أ\\n«ب»\\nج\\n«د", re.compile("«")))
    [(2, 5), (8, 10)]
    """
    position = 0
    while True:
        match = pattern.search(text, position)
        if match is None:
            return
        found = match.start()
        start = text.rfind("\n", position, found) + 1 or position
        end = text.find("\n", found)
        if end < 0:
            end = len(text)
        yield start, end
        position = end + 1


# -- Q101 --------------------------------------------------------------------


class _Line(NamedTuple):
    """A line holding quotation marks of one style."""

    number: int
    start: int
    end: int
    marks: int  # quotation marks of the style, separators and apostrophes aside
    decorated: bool  # may hold a decorative separator
    blank_before: bool  # a blank line since the previous line with marks, within a region's reach


def _lines_with_marks(text: str, opener: str, closer: str) -> Iterator[_Line]:
    """The lines holding quotation marks of the style, in order."""
    apostrophes = opener == "\u2018"
    marks = _STYLE_MARKS[opener]
    runs = _STYLE_RUNS[opener]
    touching = _TOUCHING[opener]
    number = counted = 0
    previous: _Line | None = None
    for start, end in _lines_with(text, marks):
        number += text.count("\n", counted, start)
        counted = start
        if not (_touching(text, start, end, touching, True) if apostrophes else touching.search(text, start, end)):
            continue  # every mark stands apart: separators or arrows
        if opener in _TRAIL_OPENERS and _trail().search(text, start, end):
            continue  # a breadcrumb trail's separators, glued to its sections
        decorated = _OTHER.search(text, start, end) is not None
        if decorated or apostrophes:
            count = sum(run_end - run_start for run_start, run_end in _runs(text, start, end, runs, decorated, apostrophes=apostrophes))
        else:
            count = text.count(opener, start, end) + text.count(closer, start, end)
        if not count:
            continue
        blank_before = False
        if previous is not None and number - previous.number < _MAX_REGION_LINES:
            blank_before = _BLANK_LINE.search(text, previous.end, start) is not None
        previous = _Line(number, start, end, count, decorated, blank_before)
        yield previous


#: The styles whose closing mark a breadcrumb trail may be drawn with (``الرئيسية»آراء»…``).
_TRAIL_OPENERS = frozenset({"\u00ab", "\u2039"})


@functools.lru_cache(maxsize=None)
def _trail() -> re.Pattern[str]:
    """A breadcrumb trail's start: a home page's name (:func:`~arclean.normalizers.residue.lines.breadcrumb_homes`)
    right before a guillemet, spaces or none between, at the line's start or after a label's
    colon.  A line that starts so draws its trail with the marks, glued to the sections as
    scraped (``أنت الآن تتصفح:الرئيسية»آراء»…``): Q101 leaves the line's guillemets alone.

    >>> bool(_trail().search("أنت الآن تتصفح:الرئيسية»آراء»إلى أين؟")), bool(_trail().search("قال »نعم»"))
    (True, False)
    >>> bool(_trail().search("قال إن الرئيسية» هي الأهم»"))  # a home's name inside a sentence
    False
    """
    homes = breadcrumb_homes()
    return re.compile("(?:^|:)[ \t]*(?:" + "|".join(map(re.escape, homes)) + ")[ \t]*[\u00bb\u203a]", re.MULTILINE)


def _regions(lines: Iterator[_Line]) -> Iterator[list[_Line]]:
    """Group the lines with marks into regions with an even number of marks.

    A region is one line, or consecutive lines with no blank line between
    them (a hard-wrapped paragraph), at most six lines.  Lines whose marks
    cannot be closed that way are skipped.  At most six lines are held.
    """
    window: deque[_Line] = deque()
    while True:
        if not window:
            line = next(lines, None)
            if line is None:
                return
            window.append(line)
        first = window[0]
        marks, taken = first.marks, 1
        while marks % 2:
            if taken == len(window):
                line = next(lines, None)
                if line is None:
                    break
                window.append(line)
            following = window[taken]
            if following.number - first.number >= _MAX_REGION_LINES or following.blank_before:
                break
            marks += following.marks
            taken += 1
        if marks % 2 == 0:
            yield [window.popleft() for _ in range(taken)]
        else:
            window.popleft()


def _fits(text: str, position: int, mark: str) -> bool:
    """False when a mark would take a shape that both its neighbours contradict:
    an opening mark with a word before it and a space after it, or a closing
    mark with a space before it and a word after it."""
    before = text[position - 1] if position > 0 else " "
    after = text[position + 1] if position + 1 < len(text) else " "
    if mark in "\u201c\u2018\u00ab\u2039":
        return not (before.isalnum() and after.isspace())
    return not (before.isspace() and after.isalnum())


def _dips(text: str, start: int, end: int, opener: str, depth: int) -> bool:
    """Whether the depth of nesting, ``depth`` before the run of marks
    ``text[start:end]``, falls below zero inside it."""
    steps = {opener: 1}
    for chunk_start in range(start, end, 4096):
        chunk = text[chunk_start : min(chunk_start + 4096, end)]
        levels = accumulate((steps.get(char, -1) for char in chunk), initial=depth)
        if min(levels) < 0:
            return True
        depth += 2 * chunk.count(opener) - len(chunk)
    return False


def _alternation(opener: str, closer: str, parity: int, length: int) -> str:
    pair = opener + closer if parity == 0 else closer + opener
    return pair * (length // 2) + (pair[0] if length % 2 else "")


def _run_dips(text: str, start: int, end: int, openers: int, opener: str, closer: str, depth: int) -> bool:
    """Whether the depth of nesting, ``depth`` before a run of two marks or
    more holding ``openers`` opening marks, falls below zero inside it."""
    length = end - start
    if openers == length - 1 and length == 2:  # two marks, one of each
        return depth < 1 and text.startswith(closer, start)
    if 0 < openers < length:
        return _dips(text, start, end, opener, depth)
    if not openers:
        return depth < length
    return False


class _Alternation:
    """The marks of one style in a text: their runs, line by line, and the edit
    that makes a run alternate opening, closing, opening … from a parity."""

    def __init__(self, text: str, opener: str, closer: str) -> None:
        self.text, self.opener, self.closer = text, opener, closer
        self.apostrophes = opener == "\u2018"
        self.runs_pattern = _STYLE_RUNS[opener]
        self.alternating = _ALTERNATING[opener]
        self.pairs = (opener + closer, closer + opener)

    def runs(self, region: list[_Line]) -> Iterator[tuple[int, int]]:
        text, pattern, apostrophes = self.text, self.runs_pattern, self.apostrophes
        if len(region) == 1:
            line = region[0]
            return _runs(text, line.start, line.end, pattern, line.decorated, apostrophes=apostrophes)
        return chain.from_iterable(_runs(text, line.start, line.end, pattern, line.decorated, apostrophes=apostrophes)
                                   for line in region)

    def edit(self, start: int, end: int, parity: int) -> _Edit | None:
        """The run's marks alternating from ``parity`` on, if that changes them."""
        text, length = self.text, end - start
        if length == 1:
            return (start, end, self.closer if parity else self.opener) if text.startswith(self.closer, start) != parity else None
        if length == 2:
            return (start, end, self.pairs[parity]) if not text.startswith(self.pairs[parity], start) else None
        if self.alternating[parity].fullmatch(text, start, end):
            return None
        return (start, end, _alternation(self.opener, self.closer, parity, length))

    def all_edits(self, region: list[_Line]) -> Iterator[_Edit]:
        """The edits that make every run of the region alternate, from the first mark on."""
        count = 0
        for start, end in self.runs(region):
            if (change := self.edit(start, end, count % 2)) is not None:
                yield change
            count += end - start


def _region_edits(marks: _Alternation, region: list[_Line]) -> Iterator[_Edit]:
    """The edits of one region: none when its marks are well-formed quotations
    or a lone mark would take the shape both its neighbours contradict; else
    every mark alternating.  The edits are kept on the first walk while they
    are few (no second walk)."""
    text, opener, closer = marks.text, marks.opener, marks.closer
    depth, dipped, count = 0, False, 0
    edits: list[_Edit] | None = []
    for start, end in marks.runs(region):
        length = end - start
        if length == 1:
            opening = text.startswith(opener, start)
            if not _fits(text, start, closer if count % 2 else opener):
                return  # alternating, the mark would take (or keep) a shape its neighbours contradict
            depth += 1 if opening else -1
            dipped = dipped or depth < 0
        else:
            openers = text.count(opener, start, end)
            if marks.apostrophes and (openers == length or not openers):
                return  # ‘‘ or ’’: single marks doubled to stand for a double one, not two quotations' marks
            dipped = dipped or _run_dips(text, start, end, openers, opener, closer, depth)
            depth += 2 * openers - length
        if edits is not None and (change := marks.edit(start, end, count % 2)) is not None:
            edits.append(change)
            if len(edits) > _PIECES:
                edits = None
        count += length
    if not dipped and depth == 0:
        return  # well-formed quotations
    yield from edits if edits is not None else marks.all_edits(region)


def _shape_edits(text: str, opener: str, closer: str) -> Iterator[_Edit]:
    """The edits that fix the shapes of the style's marks, region by region.

    In a region whose marks are not well-formed quotations, the marks
    alternate: opening, closing, opening …, unless a mark would take the
    shape both its neighbours contradict.  Within a run of two marks or more
    every mark has a mark for a neighbour, so only a lone mark can be in doubt.
    A region with single marks doubled (``’’يوم للسودان‘‘``: two single marks
    written for a double one) is left alone: alternating would split each pair.

    >>> "".join(text for _start, _end, text in _shape_edits("قال ’’يوم للسودان‘‘ ثم مضى", "\u2018", "\u2019"))
    ''
    >>> "".join(text for _start, _end, text in _shape_edits("قال ’نعم’ ثم مضى", "\u2018", "\u2019"))
    '‘'
    """
    marks = _Alternation(text, opener, closer)
    for region in _regions(_lines_with_marks(text, opener, closer)):
        yield from _region_edits(marks, region)


def quotation_marks() -> re.Pattern[str]:
    """The marks Q101 shapes: a text without one is left as it is."""
    return re.compile(f"[{''.join(opener + closer for opener, closer in STYLES.values())}]")


def double_quotation_marks() -> re.Pattern[str]:
    """The marks Q102 reduces and Q103 counts to find a dominant style: a text without one is left as it is."""
    return re.compile(f"[{''.join(STYLES['double'] + STYLES['guillemets'])}]")


def fix_quote_shapes(text: str) -> str:
    """Give misshapen quotation marks the shape their position calls for.

    >>> fix_quote_shapes("في مجال “مكافحة الإرهاب“، ونقلها")
    'في مجال “مكافحة الإرهاب”، ونقلها'
    >>> fix_quote_shapes("وقال الرياض:”أهلًا وسهلًا”.")
    'وقال الرياض:“أهلًا وسهلًا”.'
    >>> fix_quote_shapes("«قال: «نعم» ثم مضى» و“واحد” don’t")
    '«قال: «نعم» ثم مضى» و“واحد” don’t'
    >>> fix_quote_shapes("“نص بلا إغلاق")
    '“نص بلا إغلاق'
    """
    edits = [_shape_edits(text, opener, closer) for opener, closer in _styles_to_shape(text)]
    if not edits:
        return text
    return _apply(text, edits[0] if len(edits) == 1 else heapq.merge(*edits))


def _styles_to_shape(text: str) -> list[tuple[str, str]]:
    """The styles whose marks the text holds, not plainly paired (:func:`_plainly_paired`)."""
    return [(opener, closer) for opener, closer in STYLES.values()
            if (opener in text or closer in text) and not _plainly_paired(text, opener, closer)]


if speedups is not None:
    _quote_look = speedups.quote_look

    def _styles_to_shape(text: str) -> list[tuple[str, str]]:  # noqa: F811 (one scan for every style)
        present, paired = _quote_look(text, _MARKS, _low_separators(), _holds_no_separator)
        if not present:
            return []
        return [(opener, closer) for k, (opener, closer) in enumerate(STYLES.values())
                if present >> k & 1 and not (paired >> k & 1 and not _holds_apostrophes(text, opener))]


#: Every style's marks, its opening then its closing one, in the order of STYLES.
_MARKS = "".join(opener + closer for opener, closer in STYLES.values())
#: The characters below this one have :func:`_holds_no_separator`'s answer in a table.
_LOW = 0x800


@functools.lru_cache(maxsize=1)
def _low_separators() -> bytes:
    """:func:`_holds_no_separator` of every character below ``_LOW``, a byte each (the
    compiled look's table)."""
    return bytes(_holds_no_separator(chr(point)) for point in range(_LOW))


def python_quote_look(text: str) -> tuple[int, int]:
    """Which styles' marks the text holds, and whose marks :func:`_paired_in_lines`
    finds plainly paired, a bit each (in the order of STYLES): the reference of the
    compiled core's ``quote_look``.

    >>> python_quote_look("قال «نعم» و“لا")  # guillemets (bit 2) paired, double marks (bit 0) not
    (5, 14)
    """
    present = paired = 0
    for k, (opener, closer) in enumerate(STYLES.values()):
        present |= (opener in text or closer in text) << k
        paired |= _paired_in_lines(text, opener, closer) << k
    return present, paired


def _holds_no_separator(char: str) -> bool:
    """Is the character (or "" at a line's ends) one that a decorative separator
    never holds: a word's, or any other that is no space, mark or ornament?"""
    return bool(char) and (char.isalnum() or not _may_stand_in_separator(char))


def _plainly_paired(text: str, opener: str, closer: str) -> bool:
    """A first look at one style's marks: line by line, they come in pairs,
    opening then closing, each mark alone (no mark of the style beside it) and
    beside a character that no decorative separator holds (a letter, a digit, a
    diacritic, most punctuation), and no ‘ or ’ an apostrophe.  Then
    :func:`_shape_edits` finds no edit: every mark is counted (a separator's
    stretch between two words holds ornaments, spaces and quotation marks
    only); each line holds an even number of them and is a region of its own;
    and its quotations are well-formed.

    >>> _plainly_paired("قال «نعم» ثم «لا»\\nو«ربما»", "«", "»"), _plainly_paired("«قال: «نعم» ثم مضى»", "«", "»")
    (True, False)
    """
    if _holds_apostrophes(text, opener):
        return False
    return _paired_in_lines(text, opener, closer)


def _holds_apostrophes(text: str, opener: str) -> bool:
    """Is the style the single one (‘…’), and does the text write an apostrophe with its marks?"""
    return opener == "\u2018" and _APOSTROPHE.search(text) is not None


def _paired_in_lines(text: str, opener: str, closer: str) -> bool:
    """:func:`_plainly_paired` but for apostrophes: the style's marks, line by line, in
    pairs, each alone and beside a character no separator holds."""
    opening, previous = True, -2
    for match in _STYLE_MARKS[opener].finditer(text):
        at = match.start()
        if at == previous + 1 or (text[at] == opener) != opening:
            return False
        if opening or text.find("\n", previous, at) < 0:  # a pair does not reach over a line end
            if not (_holds_no_separator(text[at - 1: at]) or _holds_no_separator(text[at + 1: at + 2])):
                return False
            opening, previous = not opening, at
        else:
            return False
    return opening


# -- Q102 --------------------------------------------------------------------

_DOUBLED = re.compile("\u201c\u201c|\u201d\u201d|\u00ab\u00ab|\u00bb\u00bb")
_RUN_OF = {mark: re.compile(mark + "+") for mark in "“”«»"}
_MARK = {mark: mark for mark in "“”«»"}


#: Q102 changes only a text with a doubled mark (``Rule.needles``).
DOUBLED_NEEDLES = ("\u201c\u201c", "\u201d\u201d", "\u00ab\u00ab", "\u00bb\u00bb")


def reduce_doubled_quotes(text: str) -> str:
    """Reduce a doubled quotation mark against a word (``““نص””``) to one.

    Doubled guillemets used as arrows (``المزيد »»``) stand apart from words
    and stay, and so do a pager's arrows against its links (``««الأولى «السابقة``,
    ``التالية» الأخيرة»»``): doubled guillemets that open their line or close it,
    beside a single arrow of the same mark and with no partner on the line (no
    closing mark after an opening run, no opening mark before a closing run).

    >>> reduce_doubled_quotes("قال ““نعم”” و««لا»» ثم المزيد »»")
    'قال “نعم” و«لا» ثم المزيد »»'
    >>> reduce_doubled_quotes("««الأولى «السابقة\\nالتالية» الأخيرة»»")
    '««الأولى «السابقة\\nالتالية» الأخيرة»»'
    """
    if "““" not in text and "””" not in text and "««" not in text and "»»" not in text:
        return text
    return _apply(text, _reductions(text))


def _reductions(text: str) -> Iterator[_Edit]:
    """Each run of one mark, doubled or more, reduced to the mark where it
    stands against a word: an opening mark before one, a closing mark after
    one (or after the end of a sentence)."""
    position = 0
    while (match := _DOUBLED.search(text, position)) is not None:
        start = match.start()
        mark = _MARK[text[start]]
        end = _RUN_OF[mark].match(text, start).end()  # type: ignore[union-attr]  # text[start] is the mark
        if mark in "“«":
            against_word = end < len(text) and text[end].isalnum()
        else:
            before = text[start - 1] if start else " "
            against_word = before.isalnum() or before in ".!?؟…"
        if against_word and not (mark in "«»" and _is_pager_arrow(text, start, end, mark)):
            yield (start, end, mark)
        position = end


def _is_pager_arrow(text: str, start: int, end: int, mark: str) -> bool:
    """Is the run of guillemets ``text[start:end]`` a pager's arrow: an opening run that opens
    its line, a single ``«`` after it and no closing mark (``««الأولى «السابقة``), or a closing
    run that closes its line, a single ``»`` before it and no opening mark (``التالية» الأخيرة»»``)?"""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if mark == "«":
        after = text[end:line_end]
        return not text[line_start:start].strip() and "«" in after and "»" not in after
    before = text[line_start:start]
    return not text[end:line_end].strip() and "»" in before and "«" not in before


# -- Q103 --------------------------------------------------------------------

_STRAIGHT = ('"', '"')
_DOUBLE_MARKS = re.compile('[\u201c\u201d\u00ab\u00bb"]')
_DOUBLE_RUNS = re.compile('[\u201c\u201d\u00ab\u00bb"]+')
#: Characters that make a straight quote a piece of code or markup
#: (``x = "a"``, ``f("a")``, ``<a href="x">``), not a quotation.
_CODE_NEIGHBOURS = frozenset("=()[]{}<>\\/`")
_SENTENCE_END = frozenset(".!?\u061f\u2026")
_ARABIC_LETTER = re.compile("[\u0621-\u064a\u066e-\u06d3]")
#: A proclitic written against the quotation it governs (``لـ"المواطنين"``,
#: ``و"الأهرام"``): و or ف, then ب, ك or ل, then the article, then a tatweel.
_PROCLITIC = re.compile(f"{PROCLITIC_RUN}{TATWEEL}?")
#: The double styles: (opening mark, closing mark), by mark.
_DOUBLE_STYLE = {mark: style for style in (STYLES["double"], STYLES["guillemets"], _STRAIGHT) for mark in style}


class _DoubleLine(NamedTuple):
    """A line holding double quotation marks."""

    start: int
    end: int
    apart: str  # the marks of the styles whose every mark on the line stands apart
    decorated: bool  # may hold a decorative separator


def _double_lines(text: str) -> Iterator[_DoubleLine]:
    for start, end in _lines_with(text, _DOUBLE_MARKS):
        apart = ""
        for opener, closer in (STYLES["double"], STYLES["guillemets"], _STRAIGHT):
            present = text.find(opener, start, end) >= 0 or text.find(closer, start, end) >= 0
            if present and not _touching(text, start, end, _TOUCHING[opener]):
                apart += opener if opener == closer else opener + closer
        yield _DoubleLine(start, end, apart, _OTHER.search(text, start, end) is not None)


def _double_counts(text: str, line: _DoubleLine) -> dict[tuple[str, str], int]:
    """The quotation marks of each double style on the line, separators aside."""
    counts = dict.fromkeys((STYLES["double"], STYLES["guillemets"], _STRAIGHT), 0)
    if not line.decorated:
        for mark, style in _DOUBLE_STYLE.items():
            if mark not in line.apart:
                counts[style] += text.count(mark, line.start, line.end)
        return counts
    for start, end in _runs(text, line.start, line.end, _DOUBLE_RUNS, True, apart=line.apart):
        if end - start == 1:
            counts[_DOUBLE_STYLE[text[start]]] += 1
        else:
            for mark, style in _DOUBLE_STYLE.items():
                counts[style] += text.count(mark, start, end)
    return counts


def convert_minority_quotes(text: str) -> str:
    """Write quotations in the document's dominant style, «…» or “…”.

    The styles counted are «…», “…” and straight ``"…"`` (marks that are
    separators aside).  When «…» or “…” is used at least four times and at
    least twice as often as the two other styles together, the quotations in
    the other styles are converted to it, one line at a time.  A quotation is
    converted whole or not at all, and only when it neither stands inside
    another quotation nor holds one (nested quotes stay as they are).

    Straight quotes are converted only where their pairing is beyond doubt:
    an even number of them on the line, each opener before a word (and after
    no word but a proclitic such as ``لـ`` or ``و``), each closer after a word
    and before none, none against code characters (``=``, brackets, slashes),
    and Arabic inside.  Inches (``5"``), code and a lone mark stay, and so do
    straight quotes in a document that uses no other style.

    >>> convert_minority_quotes("قال «نعم» ثم «لا» وبعدها «ربما» في برنامج “الحياة” اليوم")
    'قال «نعم» ثم «لا» وبعدها «ربما» في برنامج «الحياة» اليوم'
    >>> convert_minority_quotes("قال «إن “الحياة” جميلة» ثم «لا» و«نعم»")
    'قال «إن “الحياة” جميلة» ثم «لا» و«نعم»'
    >>> convert_minority_quotes('لـ"المواطنين": "لكم الحق"\\nقال «نعم» و«لا» ثم «ربما» و«أبدا»')
    'لـ«المواطنين»: «لكم الحق»\\nقال «نعم» و«لا» ثم «ربما» و«أبدا»'
    >>> convert_minority_quotes('شاشة 5" و7"\\nقال «نعم» و«لا» ثم «ربما» و«أبدا»')
    'شاشة 5" و7"\\nقال «نعم» و«لا» ثم «ربما» و«أبدا»'
    """
    curly, guillemets = STYLES["double"], STYLES["guillemets"]
    if _one_style_or_few(text):
        return text
    counts = dict.fromkeys((curly, guillemets, _STRAIGHT), 0)
    for line in _double_lines(text):
        for style, count in _double_counts(text, line).items():
            counts[style] += count
    dominant = curly if counts[curly] > counts[guillemets] else guillemets
    others = sum(counts.values()) - counts[dominant]
    if not others or counts[dominant] < 4 or counts[dominant] < 2 * others:
        return text
    return _apply(text, _conversions(text, dominant))


def _one_style_or_few(text: str) -> bool:
    """A first look, from the text's marks as they are: no style can dominate.

    Each style's count (separators aside) is at most its marks in the text, so
    with fewer than four «…» and fewer than four “…” marks no style is used
    four times, and with marks of one double style alone there is no other
    style to convert: :func:`convert_minority_quotes` would give the text back.

    >>> _one_style_or_few("قال «نعم» ثم «لا» وبعدها «ربما»"), _one_style_or_few("«نعم» و«لا» في “الحياة”")
    (True, False)
    """
    (curly_open, curly_close), (angle_open, angle_close) = STYLES["double"], STYLES["guillemets"]
    reader = _look_reader()
    if reader is not None:  # which styles' marks the text holds, read from the pipeline's look at it
        needles_of, (curly_bits, angle_bits, straight_bit) = reader
        found = needles_of(text)
        if not ((found & curly_bits and found & angle_bits) or found & straight_bit):
            return True  # as below: marks of one double style at most, and no straight ones
    curly = text.count(curly_open) + text.count(curly_close)
    guillemets = text.count(angle_open) + text.count(angle_close)
    if curly < 4 and guillemets < 4:
        return True
    return not (curly and guillemets) and '"' not in text


#: The marks Q103's first look asks a text about (``Rule.looks_for``: the pipeline's look at
#: a text finds them): the marks of the styles it counts.
DOUBLE_MARKS = tuple(_DOUBLE_STYLE)


@functools.lru_cache(maxsize=1)
def _look_reader() -> tuple[Callable[[str], int], tuple[int, ...]] | None:
    """What :func:`_one_style_or_few` reads with the compiled core
    (:func:`arclean.look.needle_reader`): the look's answer for a text, and the bits of
    the curly marks, the guillemets and the straight mark in it."""
    from .. import look  # here, not at import: look.py reads the rule table, which reads this module

    return look.needle_reader(STYLES["double"], STYLES["guillemets"], _STRAIGHT)


def _conversions(text: str, target: tuple[str, str]) -> Iterator[_Edit]:
    # A mark of the dominant style standing apart is read as a separator only
    # while no mark of its style on the line touches a word: converting a
    # quotation there would make it a quotation mark, so the line stays.
    for line in _double_lines(text):
        if target[0] not in line.apart:
            yield from _convert_line(text, line, target)


def _convert_line(text: str, line: _DoubleLine, target: tuple[str, str]) -> Iterator[_Edit]:
    """The edits that convert the quotations of the line that are not in the
    ``target`` style, where each stands alone: inside no other quotation and
    holding none.  A line whose shaped marks do not pair up is left as it
    is; straight marks that do not pair up beyond doubt are not read as
    quotations."""
    source = STYLES["guillemets"] if target == STYLES["double"] else STYLES["double"]
    straight_pairs = _straight_pairs_if_convertible(text, line, target, source)
    if straight_pairs is not None:
        yield from _lone_pair_edits(text, line, target, source, straight_pairs)


def _line_marks(text: str, line: _DoubleLine) -> Iterator[int]:
    """The positions of the line's double marks that may be quotation marks."""
    for start, end in _runs(text, line.start, line.end, _DOUBLE_RUNS, line.decorated, apart=line.apart):
        yield from range(start, end)


def _straight_pairs_if_convertible(text: str, line: _DoubleLine, target: tuple[str, str], source: tuple[str, str]) -> bool | None:
    """None when the line has nothing to convert (no mark of another style) or
    its shaped marks do not pair up; else whether its straight marks pair up
    beyond doubt (each pair opening and closing a quotation)."""
    depth = {target: 0, source: 0}
    others = False
    straight = 0
    straight_pairs = True
    opened = -1
    for position in _line_marks(text, line):
        style = _DOUBLE_STYLE[text[position]]
        if style is _STRAIGHT:
            others = True
            if straight % 2 == 0:
                opened = position
            elif straight_pairs and not (_opens(text, line, opened) and _closes(text, line, position)):
                straight_pairs = False
            straight += 1
            continue
        if style is source:
            others = True
        if text[position] == style[0]:
            depth[style] += 1
        else:
            depth[style] -= 1
            if depth[style] < 0:
                return None
    if not others or depth[target] or depth[source]:
        return None
    return straight_pairs and straight % 2 == 0


def _lone_pair_edits(text: str, line: _DoubleLine, target: tuple[str, str], source: tuple[str, str],
                     straight_pairs: bool) -> Iterator[_Edit]:
    """The edits that convert each pair standing alone: its marks follow each
    other among the marks read as quotations, and no quotation is open around it."""
    depth_all = 0
    straight = 0
    opened = -1
    opened_convertible = ""  # the style of the previous mark when it opens a convertible pair
    for position in _line_marks(text, line):
        mark = text[position]
        style = _DOUBLE_STYLE[mark]
        if style is _STRAIGHT:
            if not straight_pairs:
                continue
            closing = straight % 2 == 1
            straight += 1
        else:
            closing = mark == style[1]
        if not closing:
            depth_all += 1
            opened, opened_convertible = position, ('"' if style is _STRAIGHT else mark if style is source else "")
            continue
        depth_all -= 1
        if (
            depth_all == 0
            and opened_convertible
            and _DOUBLE_STYLE[opened_convertible] is style
            and (style is not _STRAIGHT or _ARABIC_LETTER.search(text, opened, position) is not None)
            and not _would_double(text, opened, target[0])
            and not _would_double(text, position, target[1])
        ):
            yield (opened, opened + 1, target[0])
            yield (position, position + 1, target[1])
        opened_convertible = ""


def _opens(text: str, line: _DoubleLine, position: int) -> bool:
    """A straight mark that opens a quotation: a word after it, and before it
    a space, punctuation or a proclitic, never code."""
    before = text[position - 1] if position > line.start else " "
    after = text[position + 1] if position + 1 < line.end else " "
    if not after.isalnum() or before in _CODE_NEIGHBOURS:
        return False
    if not before.isalnum():
        return True
    word_start = position
    while word_start > line.start and position - word_start < 5 and text[word_start - 1].isalpha():
        word_start -= 1
    if word_start > line.start and text[word_start - 1].isalnum():
        return False
    return _PROCLITIC.fullmatch(text, word_start, position) is not None


def _closes(text: str, line: _DoubleLine, position: int) -> bool:
    """A straight mark that closes a quotation: a word (or a word and a
    sentence end) before it, and no word or code after it."""
    before = text[position - 1] if position > line.start else " "
    after = text[position + 1] if position + 1 < line.end else " "
    if after.isalnum() or after in _CODE_NEIGHBOURS:
        return False
    if before in _SENTENCE_END and position - line.start > 1:
        before = text[position - 2]
    return before.isalnum()


def _would_double(text: str, position: int, mark: str) -> bool:
    """Writing ``mark`` here would put it next to the same mark (a doubled
    mark that rule Q102 would then reduce)."""
    return text[position - 1 : position] == mark or text[position + 1 : position + 2] == mark


# -- Q201 --------------------------------------------------------------------

QUOTE_STYLES = {"«»": ("\u00ab", "\u00bb"), "“”": ("\u201c", "\u201d"), '""': ('"', '"')}


def convert_quote_style(text: str, *, quote_style: str = "«»") -> str:
    """Write every double quotation in one style: ``«»``, ``“”`` or ``""`` (opt-in).

    Straight quotes are converted only on lines where they pair up (an even
    number, none nested).

    >>> convert_quote_style('قال "نعم" و“لا”', quote_style="«»")
    'قال «نعم» و«لا»'
    >>> convert_quote_style("قال «نعم»", quote_style='""')
    'قال "نعم"'
    """
    opener, closer = QUOTE_STYLES[quote_style]
    if opener == '"' or '"' not in text:
        return _restyle(text, opener, closer)
    return _apply(text, _straight_conversions(text, opener, closer), functools.partial(_restyle, opener=opener, closer=closer))


def _restyle(text: str, opener: str, closer: str) -> str:
    """The text with every shaped double mark, “” and «», written as
    ``opener`` or ``closer`` (str.replace copies at memory speed, where
    str.translate looks every character up in a table)."""
    for marks, new in (("“«", opener), ("”»", closer)):
        for mark in marks:
            if mark != new:
                text = text.replace(mark, new)
    return text


_STRAIGHT_MARK = re.compile('"')


def _straight_conversions(text: str, opener: str, closer: str) -> Iterator[_Edit]:
    """Each straight mark, on a line with an even number of them, written as
    an opening and a closing mark in turn."""
    for start, end in _lines_with(text, _STRAIGHT_MARK):
        if text.count('"', start, end) % 2:
            continue
        count = 0
        position = text.find('"', start, end)
        while position >= 0:
            yield (position, position + 1, closer if count % 2 else opener)
            count += 1
            position = text.find('"', position + 1, end)
