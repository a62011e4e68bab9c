"""Recognising one residue line, out of context: phrases, counters, widgets, copyright.

Each test takes the line and, when the caller has it, its skeleton (the folded
form of :mod:`arclean.shape`); a document's skeletons are computed once by
:mod:`arclean.layout`.  Where the line stands (head, article, tail) is the
layout's business, not this module's.
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import tables
from .shape import skeleton
from .tables import Phrase

#: A copyright notice: the sign, or "all rights reserved" in Arabic or English,
#: on a short line.  Matched on the skeleton (folded) or the raw line (©).
_COPYRIGHT = re.compile(r"\(c\) ?\d{4}|جميع الحقوق محفوظه|حقوق (?:النشر|الطبع) محفوظه|all rights reserved")
_MAX_COPYRIGHT_WORDS = 20
_MAX_COUNTER_WORDS = 4
_MAX_WIDGET_WORDS = 8


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
        self.longest_exact = max((len(key) for key in self.exact), default=0)

    def match(self, line: str, key: str | None = None) -> Phrase | None:
        """Return the phrase a line is, or starts with; None for other lines.

        A line-start phrase written with a colon (``الوسوم: …``) matches only
        lines that have the colon right after it: ``الوسوم التي وضعتها الشركة``
        is a sentence, ``الوسوم: اقتصاد`` a tag line.

        >>> matcher = phrase_matcher()
        >>> matcher.match("اترك تعليقاً").origin, matcher.match("الوسوم: اقتصاد").kind
        ('wordpress', 'footer')
        >>> matcher.match("الوسوم التي وضعتها الشركة") is None
        True
        """
        if key is None:
            key = skeleton(line)
        if not key:
            return None
        if len(key) <= self.longest_exact:
            found = self.exact.get(key)
            if found is not None:
                return found
        words = key.split(" ", 8)
        for prefix, phrase in self.prefixes.get(words[0], ()):
            if tuple(words[: len(prefix)]) == prefix and _colon_agrees(line, phrase, prefix):
                return phrase
        return None

    def could_start(self, first_word_key: str) -> bool:
        """Can a line whose first word folds to this start a line-start phrase?"""
        return first_word_key in self.prefixes


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


def _listed(word: str, words: frozenset[str]) -> bool:
    """A word of a list, with or without the article: ``القراءات`` is ``قراءات``."""
    return word in words or (word.startswith("ال") and word[2:] in words)


def is_counter(line: str, key: str | None = None) -> bool:
    """A number with counter words only: ``0 تعليقات``, ``المشاهدات : 171``.

    >>> is_counter("المشاهدات : 171"), is_counter("- 0 نقطة للخسارة"), is_counter("0 نقطة")
    (True, False, True)
    """
    if line.count(" ") > 2 * _MAX_COUNTER_WORDS or line.lstrip().startswith(("-", "*", "•")):
        return False
    words = (skeleton(line) if key is None else key).split()
    if not 2 <= len(words) <= _MAX_COUNTER_WORDS:
        return False
    numbers = sum(word.isdigit() for word in words)
    known = counter_words()
    return 1 <= numbers < len(words) and all(word.isdigit() or _listed(word, known) for word in words)


def is_widget_shaped(line: str, key: str | None = None) -> bool:
    """A short line made mostly of widget words: ``طباعة إرسال``, ``شاركنا بتعليقك على الخبر :``.

    >>> is_widget_shaped("شاركنا بتعليقك على الخبر :"), is_widget_shaped("شارك في المؤتمر وزير الخارجية")
    (True, False)
    """
    if line.count(" ") > 2 * _MAX_WIDGET_WORDS or line.rstrip().endswith("."):
        return False
    words = (skeleton(line) if key is None else key).split()
    if not words or len(words) > _MAX_WIDGET_WORDS:
        return False
    widget, filler_words = widget_words(), function_words()
    strong = sum(_listed(word, widget) for word in words)
    filler = sum(word in filler_words or word.isdigit() for word in words)
    return strong >= 1 and (strong + filler) * 10 >= len(words) * 7


def is_copyright(line: str, key: str | None = None) -> bool:
    """A copyright footer line.

    >>> is_copyright("© 2024 جميع الحقوق محفوظة لموقع الخبر"), is_copyright("حقوق الإنسان محفوظة في الدستور")
    (True, False)
    """
    if line.count(" ") > 2 * _MAX_COPYRIGHT_WORDS:
        return False
    if "©" in line:
        return len(line.split()) <= _MAX_COPYRIGHT_WORDS
    if key is None:
        key = skeleton(line)
    if "محفوظه" not in key and "reserved" not in key and "(c)" not in line.lower():
        return False
    found = _COPYRIGHT.search(key) or _COPYRIGHT.search(line.lower())
    return bool(found) and len(key.split()) <= _MAX_COPYRIGHT_WORDS
