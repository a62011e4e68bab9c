"""A forum poster card printed a field to a line: its labels and values on lines of their own.

vBulletin 4 and other themes print a poster card in two columns, the labels in one and
their values in the other; scraped, each stands on a line of its own::

    تاريخ التسجيل
    Apr 2006
    الإقامة
    غزة - وطن الرجال
    المشاركات
    2,042

The card is forum chrome (the conventions' poster cards), as the same fields printed one to
a line are (``عدد الرسائل : 16801``, phrases of ``data/boilerplate/forum.txt``).  A card is
a run of its fields, blank lines aside: each a label (``data/words/card_labels.tsv``) alone
on its line, or before a colon with a value of a few words after it, or nothing.  Under a
label with no value its value may stand, on the very next line: four words at most, no
sentence, with a digit for a date or a number; a value of words (a place) only between two
labels, since under the card's last label a short line may be the post's first (and a field
of words with its value after a colon only between two fields: ``الجنس: Terminalia`` is a
plant's genus too).  The run is a card when it holds the date the poster joined (its label
and a whole date, a month's name or day, month and year in digits: what tells a card from a
table's or a form's labels, and from a player's record, ``انضم`` then ``2019``), two labels
at least, and a label alone (a card of labelled lines only is left to the forum phrases,
which judge the lines above it too).
"""

from __future__ import annotations

import re
from typing import Sequence

from ... import datafiles
from ...text.chars import ANY_DIGIT
from ...text.folding import ends_sentence, skeleton
from .lines import month_names
from .page import NUMBERS, Line, Page

#: The evidence of a card's line (its label or value): B207 drops such a line wherever it stands,
#: of one word too (``المشاركات``, ``2,042``).
CARD_FIELD = "a field of a poster card printed a field to a line"

#: A value: at most this many words (``غزة - وطن الرجال``, ``5 يناير 2009``).
_MAX_VALUE_WORDS = 4
#: A label: at most this many words (``معدل تقييم المستوى``).
_MAX_LABEL_WORDS = 3
#: A card: at least this many labels.
_MIN_LABELS = 2
#: A date in digits: day, month and year (``2001-07-20``, ``17 - 08 - 2006``, ``05 10 2009``).
_DIGIT_DATE = re.compile(r"\d{1,4} ?[-/.] ?\d{1,2} ?[-/.] ?\d{1,4}|\d{1,2} \d{1,2} \d{4}")
#: The values that hold a digit: dates and numbers.
_DIGIT_VALUES = frozenset({"joined", "date", "number"})


#: Each label's skeleton, and what its value holds (``joined``, ``date``, ``number``, ``words``).
LABELS: dict[str, str] = {skeleton(label): value for label, value in datafiles.card_labels().items()}
#: The skeletons of the labels of the date the poster joined: what a line that may open a card starts with.
JOINED_LABELS: tuple[str, ...] = tuple(sorted(key for key, value in LABELS.items() if value == "joined"))


def field_of(line: Line) -> tuple[str, str | None] | None:
    """The line as a card's field: what its label's value holds, and the value after a colon
    (``""``: a colon and nothing after it; None: no colon, the label alone).  None if the line
    is no field.

    >>> from arclean.normalizers.residue.analysis import analyze_alone
    >>> [field_of(line) for line in analyze_alone("المشاركات\\nالتسجيل : 2001-07-20\\nالعمر :\\nApr 2006").lines]
    [('number', None), ('joined', '2001-07-20'), ('number', ''), None]
    """
    if line.prose or line.words > _MAX_LABEL_WORDS + _MAX_VALUE_WORDS:
        return None
    text = line.text
    if ":" not in text:
        kind = LABELS.get(line.key) if line.words <= _MAX_LABEL_WORDS else None
        return None if kind is None else (kind, None)
    label, _colon, value = text.partition(":")
    kind = LABELS.get(skeleton(label))
    value = value.strip()
    if kind is None or len(skeleton(value).split()) > _MAX_VALUE_WORDS:
        return None
    return kind, value


def may_open_a_card(line: Line) -> bool:
    """Is the line the label of the date the poster joined, alone or before a colon: the field
    every card holds?  (Such a line is never a plain line of content: its label holds a chrome
    word, ``تسجيل``, ``انضم``, so a page that holds a card is judged in context.)"""
    if line.prose or line.kind in NUMBERS or not line.key.startswith(JOINED_LABELS):
        return False  # most lines: two attributes (a number's skeleton is not made), then one look at the line's start
    field = field_of(line)
    return field is not None and field[0] == "joined"


def card_lines(page: Page) -> list[int]:
    """The lines of the page's cards printed a field to a line: their labels and values.

    >>> from arclean.normalizers.residue.analysis import analyze_alone
    >>> page = analyze_alone("سارة\\nتاريخ التسجيل\\nApr 2006\\nالإقامة\\nغزة\\nالمشاركات\\n2,042\\nشكرا لك على الموضوع")
    >>> card_lines(page)
    [1, 2, 3, 4, 5, 6]
    >>> card_lines(analyze_alone("الدولة\\nالمشاركات\\nالميداليات\\nمصر\\n12\\n3"))  # a table's heads: no date joined
    []
    """
    lines, filled = page.lines, page.filled
    if not any(may_open_a_card(lines[index]) for index in filled):
        return []  # no card without the date its poster joined (most pages)
    found: list[int] = []
    at = 0
    while at < len(filled):
        run, after = _card_at(lines, filled, at)
        found.extend(run)
        at = max(after, at + 1)
    return found


def _card_at(lines: Sequence[Line], filled: Sequence[int], at: int) -> tuple[list[int], int]:
    """The card whose first field is the line ``filled[at]`` (its lines; none if it is no card),
    and where the run of fields ended (a position in ``filled``)."""
    members: list[int] = []
    count, joined, alone = 0, False, False
    while at < len(filled):
        field = field_of(lines[filled[at]])
        if field is None:
            break
        kind, value = field
        if kind == "words" and value and not (members and at + 1 < len(filled) and field_of(lines[filled[at + 1]])):
            break  # a place or a gender after a colon, only between two fields (``الجنس: Terminalia``: a plant's genus)
        members.append(filled[at])
        count += 1
        at += 1
        if not value:  # the label alone, or before a colon with nothing after it: its value may stand under it
            alone = True
            if at < len(filled) and filled[at] == members[-1] + 1:
                between = at + 1 < len(filled) and field_of(lines[filled[at + 1]]) is not None
                if _is_value(lines[filled[at]], kind, between):
                    value = lines[filled[at]].text
                    members.append(filled[at])
                    at += 1
        if kind == "joined" and value and is_whole_date(value):
            joined = True
    return (members if count >= _MIN_LABELS and joined and alone else []), at


def _is_value(line: Line, kind: str, between: bool) -> bool:
    """Can the line be the value of a label of this kind: a few words, no sentence, not a label;
    a digit in it for a date or a number, and ``between`` two labels for words?"""
    if line.prose or not 1 <= line.words <= _MAX_VALUE_WORDS or field_of(line) is not None:
        return False
    text = line.text.strip()
    if text.endswith(":") or ends_sentence(text):
        return False
    return ANY_DIGIT.search(text) is not None if kind in _DIGIT_VALUES else between


def is_whole_date(text: str) -> bool:
    """Does the text hold a whole date: a month's name (any of the four systems, or the English
    interface's) and a number, or day, month and year in digits?  Not a year alone.

    >>> [is_whole_date(t) for t in ("5 يناير 2009", "Apr 2006", "10-Aug-2001", "17 - 08 - 2006", "2019", "يناير")]
    [True, True, True, True, False, False]
    """
    if not ANY_DIGIT.search(text):
        return False
    if _DIGIT_DATE.search(text):
        return True
    key = skeleton(text)
    return any(word in month_names() for word in key.split()) or any(
        name in key for name in month_names() if " " in name)

