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
quotation mark, and no rule counts it, pairs it or changes it.
"""

from __future__ import annotations

from typing import Iterable, Iterator

import re
import unicodedata

#: The shaped quote styles: (opening mark, closing mark).
STYLES = {
    "double": ("\u201c", "\u201d"),  # “ ”
    "single": ("\u2018", "\u2019"),  # ‘ ’
    "guillemets": ("\u00ab", "\u00bb"),  # « »
    "single-guillemets": ("\u2039", "\u203a"),  # ‹ ›
}
_APOSTROPHE = re.compile(r"(?<=[A-Za-z\u00c0-\u024f0-9])[\u2018\u2019](?=[A-Za-z\u00c0-\u024f])")
_MAX_REGION_LINES = 6


#: Every quotation mark, shaped or straight: a separator may mix them.
_QUOTE_MARKS = frozenset("\u201c\u201d\u2018\u2019\u00ab\u00bb\u2039\u203a\u201e\u201a\"'")
#: Ornaments: dashes, connectors, math and other symbols, and the star and
#: bullet punctuation that separators are drawn with.
_ORNAMENT_CATEGORIES = frozenset({"Pd", "Pc", "Sm", "Sk", "So"})
_ORNAMENT_PUNCTUATION = frozenset("*•·‧∙◦#§¤")
#: The stretch of non-word characters that follows a position on its line.
_NON_WORD = re.compile(r"(?:[^\w\n]|_)*")


def _is_ornament(char: str) -> bool:
    return char in _ORNAMENT_PUNCTUATION or unicodedata.category(char) in _ORNAMENT_CATEGORIES


def _ornaments(stretch: str) -> tuple[int, int] | None:
    """The offsets of the first and the last ornament of a stretch that holds
    only ornaments, spaces and quotation marks, else None."""
    first = last = -1
    for offset, char in enumerate(stretch):
        if char.isspace() or char in _QUOTE_MARKS:
            continue
        if not _is_ornament(char):
            return None
        if first < 0:
            first = offset
        last = offset
    return (first, last) if first >= 0 else None


def _decorative(text: str, positions: Iterable[int]) -> set[int]:
    """The marks, of those at ``positions`` (ascending), that belong to a
    decorative separator: the stretch between the nearest words on either
    side (or the line's ends) holds only ornaments, spaces and quotation
    marks, and an ornament stands between the mark and each word (a mark
    with only spaces or other marks between it and a word is a quotation
    mark: ``—‘“نعم”’—``).

    Each stretch is measured once, however many marks it holds, so the time
    is linear in the text.

    >>> sorted(_decorative("——-‘——-‘——–‘", [3, 7, 11]))
    [3, 7, 11]
    >>> sorted(_decorative("نص —‘— ثم —‘“نعم”’—", [4, 11, 12, 16, 17]))
    [4]
    """
    found: set[int] = set()
    end = -1
    ornaments = None
    for position in positions:
        if position >= end:
            start = position
            while start > 0 and text[start - 1] != "\n" and (not text[start - 1].isalnum() or text[start - 1] == "_"):
                start -= 1
            end = _NON_WORD.match(text, position).end()
            ornaments = _ornaments(text[start:end])
            if ornaments is not None:
                first, last = start + ornaments[0], start + ornaments[1]
                word_before = start > 0 and text[start - 1] != "\n"
                word_after = end < len(text) and text[end] != "\n"
        if ornaments is None:
            continue
        if (position < first and word_before) or (position > last and word_after):
            continue
        found.add(position)
    return found


#: The style each mark belongs to, by the opening mark of the style.
_STYLE_KEY = {mark: style[0] for style in STYLES.values() for mark in style} | {'"': '"'}


def _standing_apart(text: str, positions: list[int]) -> set[int]:
    """The marks, of those at ``positions`` (ascending), that are separators
    or arrows because they stand apart from words: a space or a line's end
    on both sides, like every other mark of their style on the line
    (``الرئيسية » أخبار » محلية``, ``اقرأ المزيد »``).  A line where one mark of
    the style touches a word is read as quotations written with spaces inside
    (``‘جوزيف فليب ‘``).

    >>> sorted(_standing_apart("الرئيسية » أخبار » محلية\\nقال « نعم» و« لا »", [9, 17, 29, 34, 37, 42]))
    [9, 17]
    """
    found: set[int] = set()
    line_end = -1
    apart: dict[str, list[int]] = {}
    touching: set[str] = set()

    def close_line() -> None:
        for key, marks in apart.items():
            if key not in touching:
                found.update(marks)
        apart.clear()
        touching.clear()

    for position in positions:
        if position > line_end:
            close_line()
            line_end = text.find("\n", position)
            if line_end < 0:
                line_end = len(text)
        before = text[position - 1] if position else "\n"
        after = text[position + 1] if position + 1 < len(text) else "\n"
        key = _STYLE_KEY.get(text[position], text[position])
        if before.isspace() and after.isspace():
            apart.setdefault(key, []).append(position)
        else:
            touching.add(key)
    close_line()
    return found


def _separators(text: str, positions: list[int]) -> set[int]:
    """The marks, of those at ``positions`` (ascending), that are no quotation
    marks: those of decorative separators and those standing apart."""
    return _decorative(text, positions) | _standing_apart(text, positions)


def _marks(text: str, opener: str, closer: str) -> list[int]:
    """Positions of the style's marks, apostrophes (``don’t``) and separators
    (decorative ones, marks standing apart from words) excluded."""
    pattern = re.compile(f"[{opener}{closer}]")
    apostrophes = {m.start() for m in _APOSTROPHE.finditer(text)} if opener == "\u2018" else set()
    positions = [m.start() for m in pattern.finditer(text) if m.start() not in apostrophes]
    separators = _separators(text, positions)
    return [p for p in positions if p not in separators] if separators else positions


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


_STRAIGHT = ('"', '"')
_DOUBLE_MARKS = re.compile('[\u201c\u201d\u00ab\u00bb"]')
#: Characters that make a straight quote a piece of code or markup
#: (``x = "a"``, ``f("a")``, ``<a href="x">``), not a quotation.
_CODE_NEIGHBOURS = frozenset("=()[]{}<>\\/`")
_SENTENCE_END = frozenset(".!?\u061f\u2026")
_ARABIC_LETTER = re.compile("[\u0621-\u064a\u066e-\u06d3]")
#: A proclitic written against the quotation it governs (``لـ"المواطنين"``,
#: ``و"الأهرام"``): و or ف, then ب, ك or ل, then the article, then a tatweel.
_PROCLITIC = re.compile("(?:[\u0648\u0641]?(?:[\u0628\u0643\u0644]?\u0627\u0644|\u0644\u0644|[\u0628\u0643\u0644])|[\u0648\u0641])\u0640?")


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
    if not any(mark in text for mark in "\u201c\u201d\u00ab\u00bb"):
        return text
    positions = [m.start() for m in _DOUBLE_MARKS.finditer(text)]
    apart = _standing_apart(text, positions)
    separators = _decorative(text, positions) | apart
    marks = [p for p in positions if p not in separators] if separators else positions
    counts = {curly: 0, guillemets: 0, _STRAIGHT: 0}
    for position in marks:
        counts[_style_of(text[position])] += 1
    dominant = curly if counts[curly] > counts[guillemets] else guillemets
    others = len(marks) - counts[dominant]
    if not others or counts[dominant] < 4 or counts[dominant] < 2 * others:
        return text
    # A mark of the dominant style standing apart is read as a separator only
    # while no mark of its style on the line touches a word: converting a
    # quotation there would make it a quotation mark, so the line stays.
    blocking = sorted(p for p in apart if text[p] in dominant)
    lines = text.split("\n")
    index = blocked = offset = 0
    for number, line in enumerate(lines):
        end = offset + len(line)
        here = []
        while index < len(marks) and marks[index] < end:
            here.append(marks[index] - offset)
            index += 1
        stays = False
        while blocked < len(blocking) and blocking[blocked] < end:
            stays = True
            blocked += 1
        if here and not stays:
            lines[number] = _convert_line(line, here, dominant)
        offset = end + 1
    return "\n".join(lines)


def _style_of(mark: str) -> tuple[str, str]:
    if mark == '"':
        return _STRAIGHT
    return STYLES["double"] if mark in STYLES["double"] else STYLES["guillemets"]


def _convert_line(line: str, positions: list[int], target: tuple[str, str]) -> str:
    """Convert the quotations of the line (marks at ``positions``) that are not
    in the ``target`` style, where each stands alone: inside no other
    quotation and holding none.  A line whose shaped marks do not pair up is
    left as it is; straight marks that do not pair up beyond doubt are not
    read as quotations."""
    source = STYLES["guillemets"] if target == STYLES["double"] else STYLES["double"]
    by_style: dict[tuple[str, str], list[int]] = {target: [], source: [], _STRAIGHT: []}
    for position in positions:
        by_style[_style_of(line[position])].append(position)
    if not by_style[source] and not by_style[_STRAIGHT]:
        return line
    pairs: list[tuple[int, int, bool]] = []
    for style in (target, source):
        stack: list[int] = []
        for position in by_style[style]:
            if line[position] == style[0]:
                stack.append(position)
            elif not stack:
                return line
            else:
                pairs.append((stack.pop(), position, style == source))
        if stack:
            return line
    straight = _straight_pairs(line, by_style[_STRAIGHT])
    pairs.extend((start, end, _ARABIC_LETTER.search(line, start, end) is not None) for start, end in straight)
    role = {}
    for number, (start, end, _) in enumerate(pairs):
        role[start], role[end] = number, number
    chars = None
    depth = 0
    previous = -1
    for position in positions:
        if position not in role:
            continue
        start, end, convertible = pairs[role[position]]
        if position == start:
            depth += 1
        else:
            depth -= 1
            alone = previous == start and depth == 0
            if alone and convertible and not _would_double(line, start, target[0]) and not _would_double(line, end, target[1]):
                if chars is None:
                    chars = list(line)
                chars[start], chars[end] = target
        previous = position
    return line if chars is None else "".join(chars)


def _straight_pairs(line: str, positions: list[int]) -> list[tuple[int, int]]:
    """The straight quotations of a line, paired in order, or none at all
    when any mark's role is in doubt."""
    if len(positions) % 2:
        return []
    pairs = list(zip(positions[::2], positions[1::2]))
    if all(_opens(line, start) and _closes(line, end) for start, end in pairs):
        return pairs
    return []


def _opens(line: str, position: int) -> bool:
    """A straight mark that opens a quotation: a word after it, and before it
    a space, punctuation or a proclitic, never code."""
    before = line[position - 1] if position else " "
    after = line[position + 1] if position + 1 < len(line) else " "
    if not after.isalnum() or before in _CODE_NEIGHBOURS:
        return False
    if not before.isalnum():
        return True
    word_start = position
    while word_start > 0 and position - word_start < 5 and line[word_start - 1].isalpha():
        word_start -= 1
    if word_start > 0 and line[word_start - 1].isalnum():
        return False
    return _PROCLITIC.fullmatch(line, word_start, position) is not None


def _closes(line: str, position: int) -> bool:
    """A straight mark that closes a quotation: a word (or a word and a
    sentence end) before it, and no word or code after it."""
    before = line[position - 1] if position else " "
    after = line[position + 1] if position + 1 < len(line) else " "
    if after.isalnum() or after in _CODE_NEIGHBOURS:
        return False
    if before in _SENTENCE_END and position > 1:
        before = line[position - 2]
    return before.isalnum()


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
