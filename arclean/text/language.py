"""Which language a paragraph is written in, as far as the letter rules need to know.

Persian, Urdu and Kurdish share the Arabic script; their own letters (FARSI
YEH, KEHEH, AE) and ZERO WIDTH NON-JOINER are correct there and wrong only in
Arabic words typed on a Persian keyboard.  The letter rules therefore act only
on paragraphs that show no sign of another language: no letter that Arabic
never uses, and fewer than two Persian function words.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from .. import datafiles

#: Letters that occur in Persian, Urdu, Kurdish or Pashto but never in Arabic
#: words: PEH, TCHEH, JEH, GAF, TTEH, DDAL, RREH, NOON GHUNNA, YEH BARREE,
#: HEH DOACHASHMEE, HEH GOAL, and the Kurdish letters.
_NON_ARABIC_LETTER = re.compile(
    "[\u067e\u0686\u0698\u06af\u0679\u0688\u0691\u06ba\u06d2\u06be\u06c1\u06ce\u06c6\u06b5\u0695\u06a4]"
)
_WORD = re.compile(r"[^\W\d_]+")


def _markers() -> frozenset[str]:
    return datafiles.word_list("words/persian_markers.txt")


@lru_cache(maxsize=None)
def _prefixes() -> tuple[str, ...]:
    """Persian verb prefixes, each with the ZERO WIDTH NON-JOINER (U+200C) that follows it."""
    return tuple(sorted(prefix + "\N{ZERO WIDTH NON-JOINER}" for prefix in datafiles.word_list("words/persian_prefixes.txt")))


@lru_cache(maxsize=4096)
def is_non_arabic(paragraph: str) -> bool:
    """Return True when a paragraph is Persian, Urdu or Kurdish rather than Arabic.

    >>> is_non_arabic("این کتاب را خواندم و خیلی خوب است")
    True
    >>> is_non_arabic("مجدی")
    False
    """
    if _NON_ARABIC_LETTER.search(paragraph):
        return True
    markers = _markers()
    hits = sum(paragraph.count(prefix) for prefix in _prefixes())
    for word in _WORD.findall(paragraph):
        if word in markers:
            hits += 1
        if hits >= 2:
            return True
    return hits >= 2


def is_persian_word(word: str) -> bool:
    """Is the word, as written, one of the Persian words no Arabic text uses
    (``words/persian_markers.txt``)?

    >>> is_persian_word("نویسنده"), is_persian_word("علی")
    (True, False)
    """
    return word in _markers()


def document_is_non_arabic(text: str) -> bool:
    """Return True when the whole text reads as Persian, Urdu or Kurdish.

    A single Arabic line in a Persian document is still treated as Persian:
    a title or a name in it would be damaged by the letter rules.

    >>> document_is_non_arabic("عنوان\\nاین کتاب را خواندم و خیلی خوب است\\n")
    True
    """
    paragraphs = [p for p in text.split("\n") if p.strip()]
    foreign = sum(1 for p in paragraphs if is_non_arabic(p))
    return foreign > 0 and foreign * 3 >= len(paragraphs)


def map_lines(text: str, needle: re.Pattern[str], change: Callable[[str], str]) -> str:
    """Apply ``change`` to the lines of a text that contain ``needle``; linear
    in the text (a ``[^\\n]*X[^\\n]*`` pattern would rescan each line from
    every position).

    >>> map_lines("a\\nbX\\nc", re.compile("X"), str.upper)
    'a\\nBX\\nc'
    """
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if needle.search(line):
            lines[index] = change(line)
    return "\n".join(lines)
