"""The layout of a scraped document: which lines are prose, which are page residue.

A scraped page is a head (title, kicker, byline, date, counters, share bar), an
article (paragraphs of prose) and a tail (share bars, comment forms, related
links, tags, footers).  The boilerplate rules remove residue only in the head
and the tail, where it can be told apart from content; the same words inside
the article stay.  This module finds those regions and recognises residue
lines, so that every B rule agrees on what they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import re

from . import tables
from .patterns import BARE_NUMBER_LINE
from .shape import is_prose, skeleton
from .tables import Phrase

#: Line kinds besides the phrase kinds of ``tables.PHRASE_KINDS``.
BLANK = "blank"
NUMBER = "number"  # a bare number: "0", "298"
COUNTER = "counter"  # a number with a counter word: "0 تعليقات"


#: A copyright notice: the sign, or "all rights reserved" in Arabic or English,
#: on a short line.  Matched on the skeleton (folded) or the raw line (©).
_COPYRIGHT = re.compile(r"©|\(c\) ?\d{4}|جميع الحقوق محفوظه|حقوق (?:النشر|الطبع) محفوظه|all rights reserved", re.IGNORECASE)
_MAX_COPYRIGHT_WORDS = 20


def is_copyright(line: str) -> bool:
    """A copyright footer line.

    >>> is_copyright("© 2024 جميع الحقوق محفوظة لموقع الخبر"), is_copyright("حقوق الإنسان محفوظة في الدستور")
    (True, False)
    """
    if "©" in line:
        return len(line.split()) <= _MAX_COPYRIGHT_WORDS
    key = skeleton(line)
    if "محفوظه" not in key and "reserved" not in key and "(c)" not in line.lower():
        return False
    return bool(_COPYRIGHT.search(key)) and len(key.split()) <= _MAX_COPYRIGHT_WORDS


class PhraseMatcher:
    """Recognise boilerplate lines: whole-line phrases and line-start phrases."""

    def __init__(self, phrases: tuple[Phrase, ...]) -> None:
        self.exact: dict[str, Phrase] = {}
        self.prefixes: dict[str, list[tuple[tuple[str, ...], Phrase]]] = {}
        for phrase in phrases:
            key = skeleton(phrase.text)
            if not key:
                continue
            if phrase.prefix:
                words = tuple(key.split())
                self.prefixes.setdefault(words[0], []).append((words, phrase))
            else:
                self.exact.setdefault(key, phrase)

    def match_start(self, line: str) -> Phrase | None:
        """Return the line-start phrase a long line starts with, if any.

        Only the first word is folded unless it can start a phrase.
        """
        first = skeleton(line.split(None, 1)[0]).split(" ", 1)[0]
        if first not in self.prefixes:
            return None
        phrase = self.match(line[:200])
        return phrase if phrase is not None and phrase.prefix else None

    def match(self, line: str) -> Phrase | None:
        """Return the phrase a line is, or starts with; None for other lines.

        A line-start phrase written with a colon (``الوسوم: …``) matches only
        lines that have the colon right after it: ``الوسوم التي وضعتها الشركة``
        is a sentence, ``الوسوم: اقتصاد`` a tag line.
        """
        key = skeleton(line)
        found = self.exact.get(key)
        if found is not None or not key:
            return found
        words = key.split(" ", 8)
        for prefix, phrase in self.prefixes.get(words[0], ()):
            if tuple(words[: len(prefix)]) == prefix and _colon_agrees(line, phrase, prefix):
                return phrase
        return None


def _colon_agrees(line: str, phrase: Phrase, prefix: tuple[str, ...]) -> bool:
    if not phrase.text.rstrip().endswith(":"):
        return True
    head, colon, _ = line.partition(":")
    return bool(colon) and tuple(skeleton(head).split()) == prefix


@lru_cache(maxsize=16)
def phrase_matcher(extra: tuple[Phrase, ...] = ()) -> PhraseMatcher:
    """The matcher for the bundled phrases plus any from the configuration."""
    return PhraseMatcher(tables.phrases() + extra)


def _folded_words(relpath: str) -> frozenset[str]:
    return frozenset(skeleton(word) for word in tables.word_list(relpath))


@lru_cache(maxsize=None)
def counter_words() -> frozenset[str]:
    return _folded_words("words/counter_words.txt")


@lru_cache(maxsize=None)
def widget_words() -> frozenset[str]:
    return _folded_words("words/widget_words.txt")


@lru_cache(maxsize=None)
def function_words() -> frozenset[str]:
    return _folded_words("words/function_words.txt")


def is_counter(line: str) -> bool:
    """A number with counter words only: ``0 تعليقات``, ``المشاهدات : 171``.

    >>> is_counter("المشاهدات : 171"), is_counter("- 0 نقطة للخسارة"), is_counter("0 نقطة")
    (True, False, True)
    """
    words = skeleton(line).split()
    if not 2 <= len(words) <= 4 or line.lstrip().startswith(("-", "*", "•")):
        return False
    numbers = sum(word.isdigit() for word in words)
    known = counter_words()
    return numbers >= 1 and all(word.isdigit() or _listed(word, known) for word in words) and numbers < len(words)


def _listed(word: str, words: frozenset[str]) -> bool:
    """A word of a list, with or without the article: ``القراءات`` is ``قراءات``."""
    return word in words or (word.startswith("ال") and word[2:] in words)


def is_widget_shaped(line: str) -> bool:
    """A short line made mostly of widget words: ``طباعة إرسال``, ``شاركنا بتعليقك على الخبر :``.

    >>> is_widget_shaped("شاركنا بتعليقك على الخبر :"), is_widget_shaped("شارك في المؤتمر وزير الخارجية")
    (True, False)
    """
    words = skeleton(line).split()
    if not words or len(words) > 8 or line.rstrip().endswith("."):
        return False
    widget = widget_words()
    strong = sum(_listed(word, widget) for word in words)
    filler = sum(word in function_words() or word.isdigit() for word in words)
    return strong >= 1 and (strong + filler) * 10 >= len(words) * 7


@dataclass(frozen=True)
class Layout:
    """A document's lines, the kind of each, and where its prose begins and ends.

    ``head_end``: the index of the first line after the head (the first paragraph
    of prose; with no prose, the content line after the title).  ``tail_start``:
    the index of the first line of the tail (after the last paragraph of prose;
    with no prose, after the last content line).
    """

    lines: tuple[str, ...]
    kinds: tuple[str | None, ...]
    first_prose: int | None
    last_prose: int | None
    head_end: int
    tail_start: int

    def in_head(self, index: int) -> bool:
        """Before the first paragraph of prose (with no prose: between the title
        and the next content line)."""
        return index < self.head_end

    def in_tail(self, index: int) -> bool:
        """After the last paragraph of prose (or, with no prose, after the last content line)."""
        return index >= self.tail_start

    def is_content(self, index: int) -> bool:
        return self.kinds[index] is None


#: Residue lines are short.  A line of more tokens than this can only *start*
#: with a phrase (a tags line, an inline read-also block), and reads as prose.
_LONG_LINE_TOKENS = 25


def _kind(line: str, matcher: PhraseMatcher) -> str | None:
    stripped = line.strip()
    if not stripped:
        return BLANK
    if BARE_NUMBER_LINE.fullmatch(stripped):
        return NUMBER
    if stripped.count(" ") >= _LONG_LINE_TOKENS:
        phrase = matcher.match_start(stripped)
        return phrase.kind if phrase is not None else None
    if is_counter(line):
        return COUNTER
    phrase = matcher.match(line)
    if phrase is not None:
        return phrase.kind
    return "footer" if is_copyright(line) else None


def analyze(text: str, extra: tuple[Phrase, ...] = ()) -> Layout:
    """Split a text into lines and classify each.

    Cached: consecutive rules that change nothing share one analysis.
    """
    return _analyze(text, extra)


@lru_cache(maxsize=8)
def _analyze(text: str, extra: tuple[Phrase, ...]) -> Layout:
    matcher = phrase_matcher(extra)
    lines = tuple(text.split("\n"))
    kinds = tuple(_kind(line, matcher) for line in lines)
    content = [i for i, kind in enumerate(kinds) if kind is None]
    prose = [i for i in content if lines[i].count(" ") >= _LONG_LINE_TOKENS or is_prose(lines[i])]
    if prose:
        head_end, tail_start = prose[0], prose[-1] + 1
    else:
        head_end = content[1] if len(content) >= 2 else 0
        tail_start = content[-1] + 1 if content else len(lines)
    return Layout(lines, kinds, prose[0] if prose else None, prose[-1] if prose else None, head_end, tail_start)


def join(lines: list[str] | tuple[str, ...]) -> str:
    return "\n".join(lines)
