"""Invisible characters: the I rules.

Bidi marks, zero-width spaces, byte order marks and soft hyphens survive copy
and paste from web pages and word processors.  They change nothing a reader
sees and break every exact match, so they go.  ZERO WIDTH NON-JOINER is a real
letter-shaping control in Persian (``می‌خواهم``) and stays there.
"""

from __future__ import annotations

import re

from .. import datafiles
from ..text.language import document_is_non_arabic, is_non_arabic, map_lines

ZWNJ = "\N{ZERO WIDTH NON-JOINER}"
_ZWNJ_PATTERN = re.compile(ZWNJ)


def zwnj() -> re.Pattern[str]:
    """What I102 removes: a text without a ZWNJ is left as it is."""
    return _ZWNJ_PATTERN


def invisible_characters() -> re.Pattern[str]:
    """The characters I101 removes (``chars/invisible.tsv``): a text without one is left as it is."""
    return datafiles.char_pattern("chars/invisible.tsv")


def remove_invisible_characters(text: str) -> str:
    """Remove zero-width spaces, word joiners, BOMs, soft hyphens and bidi controls.

    ZERO WIDTH SPACE (U+200B), WORD JOINER (U+2060), the byte order mark
    (U+FEFF), SOFT HYPHEN (U+00AD), the bidi marks LRM, RLM and ALM, and the
    bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069).
    Table: ``chars/invisible.tsv``.

    >>> remove_invisible_characters("\\ufeffالأسد\\u200f يتلقى\\u200b رسالة")
    'الأسد يتلقى رسالة'
    """
    if not invisible_characters().search(text):
        return text
    return datafiles.replace_chars(text, "chars/invisible.tsv")


def remove_zwnj_in_arabic(text: str) -> str:
    """Remove ZERO WIDTH NON-JOINER (U+200C) from Arabic paragraphs.

    Arabic never needs it: it comes from Persian keyboards and splits the
    joined shape of an Arabic word.  In a Persian, Urdu or Kurdish paragraph
    (or document) it is part of the spelling and is kept.

    >>> remove_zwnj_in_arabic("المعلو\\u200cمات")
    'المعلومات'
    >>> remove_zwnj_in_arabic("این کتاب\\u200cها را خواندم که خوب است")
    'این کتاب\\u200cها را خواندم که خوب است'
    """
    if ZWNJ not in text or document_is_non_arabic(text):
        return text
    return map_lines(text, _ZWNJ_PATTERN, _strip_zwnj_unless_foreign)


def _strip_zwnj_unless_foreign(line: str) -> str:
    return line if is_non_arabic(line) else line.replace(ZWNJ, "")

