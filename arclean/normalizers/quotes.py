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
"""

from __future__ import annotations

from typing import Iterator

import re

#: The shaped quote styles: (opening mark, closing mark).
STYLES = {
    "double": ("\u201c", "\u201d"),  # “ ”
    "single": ("\u2018", "\u2019"),  # ‘ ’
    "guillemets": ("\u00ab", "\u00bb"),  # « »
    "single-guillemets": ("\u2039", "\u203a"),  # ‹ ›
}
_APOSTROPHE = re.compile(r"(?<=[A-Za-z\u00c0-\u024f0-9])[\u2018\u2019](?=[A-Za-z\u00c0-\u024f])")
_MAX_REGION_LINES = 6


def _marks(text: str, opener: str, closer: str) -> list[int]:
    """Positions of the style's marks, apostrophes (``don’t``) excluded."""
    pattern = re.compile(f"[{opener}{closer}]")
    apostrophes = {m.start() for m in _APOSTROPHE.finditer(text)} if opener == "\u2018" else set()
    return [m.start() for m in pattern.finditer(text) if m.start() not in apostrophes]


def _regions(text: str, positions: list[int]) -> Iterator[list[int]]:
    """Group mark positions into regions with an even number of marks.

    A region is one line, or consecutive lines with no blank line between
    them (a hard-wrapped paragraph), at most six lines.  Lines whose marks
    cannot be closed that way are skipped.
    """
    by_line: list[tuple[int, list[int]]] = []
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    index = 0
    for line_no, start in enumerate(line_starts):
        end = line_starts[line_no + 1] if line_no + 1 < len(line_starts) else len(text) + 1
        here = []
        while index < len(positions) and positions[index] < end:
            here.append(positions[index])
            index += 1
        if here:
            by_line.append((line_no, here))
    lines = text.split("\n")
    i = 0
    while i < len(by_line):
        first_line, region = by_line[i][0], list(by_line[i][1])
        j = i
        while len(region) % 2 and j + 1 < len(by_line):
            next_line = by_line[j + 1][0]
            gap = lines[by_line[j][0] + 1 : next_line]
            if next_line - first_line >= _MAX_REGION_LINES or any(not line.strip() for line in gap):
                break
            j += 1
            region.extend(by_line[j][1])
        if len(region) % 2 == 0:
            yield region
            i = j + 1
        else:
            i += 1


def _well_formed(chars: list[str], opener: str) -> bool:
    depth = 0
    for char in chars:
        depth += 1 if char == opener else -1
        if depth < 0:
            return False
    return depth == 0


def _fits(text: str, position: int, mark: str) -> bool:
    """False when a mark would take a shape that both its neighbours contradict:
    an opening mark with a word before it and a space after it, or a closing
    mark with a space before it and a word after it."""
    before = text[position - 1] if position > 0 else " "
    after = text[position + 1] if position + 1 < len(text) else " "
    if mark in "\u201c\u2018\u00ab\u2039":
        return not (before.isalnum() and after.isspace())
    return not (before.isspace() and after.isalnum())


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
    chars = None
    for opener, closer in STYLES.values():
        if opener not in text and closer not in text:
            continue
        positions = _marks(text, opener, closer)
        for region in _regions(text, positions):
            marks = [text[p] for p in region]
            if _well_formed(marks, opener):
                continue
            wanted = [opener if n % 2 == 0 else closer for n in range(len(region))]
            if not all(_fits(text, p, mark) for p, mark, was in zip(region, wanted, marks) if mark != was):
                continue
            if chars is None:
                chars = list(text)
            for position, mark in zip(region, wanted):
                chars[position] = mark
    return text if chars is None else "".join(chars)


_RUN_OF_MARKS = re.compile(r"([“”«»])\1+")


def reduce_doubled_quotes(text: str) -> str:
    """Reduce a doubled quotation mark against a word (``““نص””``) to one.

    Doubled guillemets used as arrows (``المزيد »»``) stand apart from words
    and stay.

    >>> reduce_doubled_quotes("قال ““نعم”” و««لا»» ثم المزيد »»")
    'قال “نعم” و«لا» ثم المزيد »»'
    """
    if "““" not in text and "””" not in text and "««" not in text and "»»" not in text:
        return text
    return _RUN_OF_MARKS.sub(_reduce_against_word, text)


def _reduce_against_word(match: re.Match[str]) -> str:
    mark, text = match.group(1), match.string
    if mark in "“«":
        against_word = match.end() < len(text) and text[match.end()].isalnum()
    else:
        before = text[match.start() - 1] if match.start() else " "
        against_word = before.isalnum() or before in ".!?؟…"
    return mark if against_word else match.group(0)


def convert_minority_quotes(text: str) -> str:
    """Write quotations in the document's dominant style, «…» or “…”.

    When a document quotes with one of the two styles at least twice as
    often as with the other, a quotation in the other style that is not nested
    inside a quotation is converted, one line at a time.  Straight quotes
    are left alone: news sites often use them on purpose for names and titles.

    >>> convert_minority_quotes("قال «نعم» ثم «لا» وبعدها «ربما» في برنامج “الحياة” اليوم")
    'قال «نعم» ثم «لا» وبعدها «ربما» في برنامج «الحياة» اليوم'
    >>> convert_minority_quotes("قال «إن “الحياة” جميلة» ثم «لا» و«نعم»")
    'قال «إن “الحياة” جميلة» ثم «لا» و«نعم»'
    """
    curly, guillemets = STYLES["double"], STYLES["guillemets"]
    counts = {style: sum(text.count(mark) for mark in style) for style in (curly, guillemets)}
    dominant, minority = (curly, guillemets) if counts[curly] > counts[guillemets] else (guillemets, curly)
    if not counts[minority] or counts[dominant] < 4 or counts[dominant] < 2 * counts[minority]:
        return text
    return "\n".join(_convert_line(line, minority, dominant) for line in text.split("\n"))


def _convert_line(line: str, source: tuple[str, str], target: tuple[str, str]) -> str:
    """Convert the source-style quotations of a line that neither stand inside
    a target-style quotation nor hold one (nested quotes stay as they are); a
    quotation is converted whole or not at all."""
    if source[0] not in line and source[1] not in line:
        return line
    marks = [(i, c) for i, c in enumerate(line) if c in source or c in target]
    if not _well_formed([c for _, c in marks if c in source], source[0]):
        return line
    depth_at: dict[int, int] = {}
    depth = 0
    openers: list[int] = []
    pairs: list[tuple[int, int]] = []
    for i, char in marks:
        if char == target[0]:
            depth += 1
        elif char == target[1]:
            depth -= 1
        else:
            depth_at[i] = depth
            if char == source[0]:
                openers.append(i)
            else:
                pairs.append((openers.pop(), i))
    chars = list(line)
    for start, end in pairs:
        inside = line[start + 1 : end]
        nested = depth_at[start] or depth_at[end] or target[0] in inside or target[1] in inside
        if not nested and not _would_double(line, start, target[0]) and not _would_double(line, end, target[1]):
            chars[start], chars[end] = target
    return "".join(chars)


def _would_double(line: str, position: int, mark: str) -> bool:
    """Writing ``mark`` here would put it next to the same mark (a doubled
    mark that rule Q102 would then reduce)."""
    return line[position - 1 : position] == mark or line[position + 1 : position + 2] == mark


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
    table = {ord(c): opener for c in "“«"} | {ord(c): closer for c in "”»"}
    lines = []
    for line in text.split("\n"):
        line = line.translate(table)
        if opener != '"' and line.count('"') % 2 == 0 and '"' in line:
            parts = line.split('"')
            line = "".join(part + (opener if n % 2 == 0 else closer) for n, part in enumerate(parts[:-1])) + parts[-1]
        lines.append(line)
    return "\n".join(lines)
