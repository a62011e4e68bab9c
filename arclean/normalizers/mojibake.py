"""Mojibake: Arabic text decoded with the wrong code page (rules E101-E103).

Three accidents account for nearly all broken Arabic on the web:

- E101: UTF-8 bytes shown as windows-1252 or latin-1: ``Ø§Ù„Ø£Ø³Ø¯``.  ftfy
  knows this one; arclean runs it only on the broken words, with a config that
  keeps curly quotes and every other character ftfy would restyle.
- E102: UTF-8 bytes shown as windows-1256, the Arabic code page: ``ط§ظ„ط£ط³ط¯``.
  ftfy has no windows-1256 codec, so it cannot see this one.
- E103: windows-1256 bytes shown as latin-1 or windows-1252: ``ÇáÃÓÏ``.

Each rule finds broken *words* (runs without white space) by their shape,
repairs only those, and keeps a repair only when it yields plausible Arabic.
A repaired word is checked again by all three repairs, so text broken twice
(UTF-8 shown as windows-1256, saved, then shown as latin-1) comes back in one
pass.  French, Persian or Urdu text that merely contains these characters has
none of the shapes and is left alone.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

import ftfy

#: ftfy with everything off but the encoding repair: curly quotes stay curly,
#: HTML stays as it is (rule E201 owns entities), no Unicode normalisation.
_FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=False,
    decode_inconsistent_utf8=True,
    fix_c1_controls=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=False,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)

#: A word: no white space, except a no-break space right after a lead byte
#: (U+0660 ARABIC-INDIC DIGIT ZERO is D9 A0 in UTF-8: "Ù\xa0" / "ظ\xa0").
_WORD = re.compile(r"(?:[^\s]|(?<=[\u00d8\u00d9\u0637\u0638])\u00a0)+")
#: Invisible characters (rule I101's table) that may have slipped into a broken
#: word; a repaired word is rebuilt without them.  SOFT HYPHEN is not among
#: them: it is byte 0xAD, part of the mojibake of ح (D8 AD).
_INVISIBLE = "\u061c\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff"
_I = f"[{_INVISIBLE}\u200c\u200d]*"
_STRIP_INVISIBLE = re.compile(f"[{_INVISIBLE}]")
#: ZERO WIDTH NON-JOINER and JOINER are bytes 9D and 9E in windows-1256 and
#: SOFT HYPHEN is byte AD in both code pages, so they belong to some mojibake
#: ("â€" + ZWNJ is ”, "Ø" + SOFT HYPHEN is ح); elsewhere they are intruders,
#: and a word is tried again without them.
_JOINERS = re.compile("[\u200c\u200d\u00ad]")
#: A joiner or soft hyphen that no lead byte precedes cannot be part of a
#: broken pair: it goes before any repair is tried.
_INTRUDING_JOINER = re.compile("(?<![\u00c2\u00c3\u00d8\u00d9\u00da\u00db\u0637\u0638\u0639\u063a\u0622\u0623\u20ac])[\u200c\u200d\u00ad]")
#: What a repair may produce: Arabic letters, marks and punctuation, Latin-1
#: text, general punctuation.  Anything else means the guess was wrong.
_PLAUSIBLE = re.compile(r"[\u0000-\u00ff\u060c-\u06ff\u2010-\u2027\u2030-\u205e\ufeff]*")
_ARABIC_LETTER = re.compile(r"[\u0621-\u063a\u0641-\u064a]")


def _cp1256_char(byte: int) -> str:
    return bytes([byte]).decode("cp1256")


def _cp1252_char(byte: int) -> str | None:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return None


# --- E101: UTF-8 shown as windows-1252 / latin-1 -------------------------------
_CONT_1252 = "".join(sorted({c for b in range(0x80, 0xC0) for c in (chr(b), _cp1252_char(b)) if c}))
_UTF8_AS_1252 = re.compile(f"[\u00c2-\u00ef]{_I}[{re.escape(_CONT_1252)}]")


#: What E101 repairs: a run of characters windows-1252 and latin-1 can show,
#: within a word.  A real Arabic letter glued to the broken run is not part
#: of it (so a space added later next to one changes nothing).
_LATIN_RUN = re.compile(
    f"(?:[\u0021-\u009f\u00a1-\u00ff{re.escape(_CONT_1252.replace(chr(0xA0), ''))}{_INVISIBLE}\u200c\u200d]"
    f"|(?<=[\u00d8\u00d9])\u00a0)+"
)


def _repair_utf8_as_cp1252(run: str) -> str:
    fixed = ftfy.fix_text(run, config=_FTFY_CONFIG)
    return fixed if _is_plausible(fixed) else run


# --- E102: UTF-8 shown as windows-1256 ----------------------------------------
_CONT_1256 = "".join(_cp1256_char(b) for b in range(0x80, 0xC0))
#: Lead bytes shown as windows-1256: آ أ (C2, C3: U+0080-U+00FF such as « »
#: and the no-break space) and ط ظ ع غ (D8-DB: the Arabic block U+0600-U+06FF).
_LEAD_1256 = "".join(_cp1256_char(b) for b in (0xC2, 0xC3, 0xD8, 0xD9, 0xDA, 0xDB))
_PAIR_1256 = f"(?:[{_LEAD_1256}]{_I}[{re.escape(_CONT_1256)}]|\u00e2{_I}[{re.escape(_CONT_1256)}]{_I}[{re.escape(_CONT_1256)}])"
_UTF8_AS_1256 = re.compile(f"{_PAIR_1256}(?:[\u0020-\u007e{_INVISIBLE}]*{_PAIR_1256})+")


def _repair_utf8_as_cp1256(word: str) -> str:
    return _UTF8_AS_1256.sub(_decode_utf8_as_cp1256, word)


def _decode_utf8_as_cp1256(match: re.Match[str]) -> str:
    """Decode one broken span; keep it when the result is not plausible, so
    that each span of a word stands or falls on its own."""
    span = _STRIP_INVISIBLE.sub("", match.group(0))
    try:
        decoded = span.encode("cp1256").decode("utf-8")
    except UnicodeError:
        return match.group(0)
    return decoded if _is_plausible(decoded) else match.group(0)


# --- E103: windows-1256 shown as latin-1 / windows-1252 ------------------------
@lru_cache(maxsize=1)
def _cp1256_via_latin() -> dict[int, str]:
    """Map each latin-1 / windows-1252 character of a byte 0x80-0xFF to what
    that byte means in windows-1256."""
    table = {}
    for byte in range(0x80, 0x100):
        meant = _cp1256_char(byte)
        for shown in (chr(byte), _cp1252_char(byte)):
            if shown and shown != meant:
                table[ord(shown)] = meant
    return table


def _shown_as(predicate: Callable[[str], bool]) -> str:
    return re.escape("".join(chr(c) for c, meant in sorted(_cp1256_via_latin().items()) if predicate(meant)))


#: Characters that stand for an Arabic letter, mark or tatweel, and the rest:
#: windows-1256 punctuation (the Arabic comma shows as ¡) and the ASCII
#: punctuation and digits both code pages share.
_SHOWS_ARABIC = _shown_as(lambda meant: "\u0621" <= meant <= "\u0652" or "\u0660" <= meant <= "\u06ff")
_SHOWS_OTHER = _shown_as(lambda meant: not ("\u0621" <= meant <= "\u0652" or "\u0660" <= meant <= "\u06ff"))
_SHARED = "\u0021-\u0040\\[-`{-~\u00ab\u00bb\u2013\u2014\u2018\u2019\u201c\u201d\u2026"
#: The shape: two characters that stand for Arabic letters side by side.
_CP1256_AS_LATIN = re.compile(f"[{_SHOWS_ARABIC}][{_INVISIBLE}\u200c\u200d\u00ad]*[{_SHOWS_ARABIC}]")
#: A broken word holds nothing else than such characters and punctuation.
#: Latin-1 characters whose byte means the same character in windows-1256
#: (à, é, «, », the soft hyphen …): they may stand in a broken word as they are.
_SAME_IN_BOTH = re.escape("".join(chr(b) for b in range(0xA0, 0x100) if _cp1256_char(b) == chr(b)))
_CP1256_AS_LATIN_WORD = re.compile(
    f"[{_SHOWS_ARABIC}{_SHOWS_OTHER}{_SHARED}{_SAME_IN_BOTH}{_INVISIBLE}\u200c\u200d]+"
)


def _repair_cp1256_as_latin(word: str) -> str:
    if not _CP1256_AS_LATIN_WORD.fullmatch(word):
        return word
    fixed = word.translate(_cp1256_via_latin())
    return fixed if _is_plausible(fixed) else word


_REPAIRS: tuple[tuple[re.Pattern[str], Callable[[str], str]], ...] = (
    (_UTF8_AS_1252, _repair_utf8_as_cp1252),
    (_UTF8_AS_1256, _repair_utf8_as_cp1256),
    (_CP1256_AS_LATIN, _repair_cp1256_as_latin),
)


def _repair_word(word: str) -> str:
    """Repair one broken word; the word itself when no repair works.

    A twice-broken word needs two repairs in the right order, and a word can
    have the shape of more than one accident, so the repairs are searched
    depth first (at most three deep), deeper repairs first.  Each repair
    keeps a stretch only when its own result is plausible Arabic, so one
    span of a word stands or falls on its own.
    """
    bare = _INTRUDING_JOINER.sub("", _STRIP_INVISIBLE.sub("", word))
    fixed = _search_repairs(bare, 3)
    if fixed is None and _JOINERS.search(bare):
        fixed = _search_repairs(_JOINERS.sub("", bare), 3)
    return fixed if fixed is not None else word


def _search_repairs(word: str, depth: int) -> str | None:
    """Each repair checks its own result (see :func:`_is_plausible`), so any
    change is a repair; a deeper repair of it is preferred."""
    for shape, repair in _REPAIRS:
        if not shape.search(word):
            continue
        attempt = repair(word)
        if attempt == word:
            continue
        if depth > 1:
            deeper = _search_repairs(attempt, depth - 1)
            if deeper is not None:
                return deeper
        return attempt
    return None


def _is_plausible(repaired: str) -> bool:
    """A repair's result: it holds an Arabic letter and nothing a repair may
    not produce (no replacement character, no stray symbol)."""
    return bool(_ARABIC_LETTER.search(repaired)) and bool(_PLAUSIBLE.fullmatch(repaired))


#: Fast first looks, with the standard ``re`` module (several times faster on
#: these plain character pairs): the shapes without the invisible characters
#: they tolerate inside a pair, which are rare and checked for on their own.
_QUICK = {
    "E101": re.compile(f"[\u00c2-\u00ef][{re.escape(_CONT_1252)}]"),
    "E102": re.compile(f"[{_LEAD_1256}][{re.escape(_CONT_1256)}]|\u00e2[{re.escape(_CONT_1256)}]"),
    "E103": re.compile(f"[{_SHOWS_ARABIC}][{_SHOWS_ARABIC}]"),
}
#: Each rule's shape (what a broken stretch looks like) and unit (the stretch
#: repaired as a whole: a word, or for E101 a run of windows-1252 characters).
_SHAPES = {
    "E101": (_UTF8_AS_1252, _LATIN_RUN),
    "E102": (_UTF8_AS_1256, _WORD),
    "E103": (_CP1256_AS_LATIN, _WORD),
}
_ANY_INVISIBLE = re.compile(f"[{_INVISIBLE}\u200c\u200d\u00ad]")
#: E102's pairs start with common Arabic letters, so its first look first asks
#: for a continuation character that clean Arabic text does not hold (the
#: second bytes of ا ل ب ر … show as § „ ¨ ±): one fast scan of clean text.
_CP1256_SYMBOLS = re.compile(
    "[" + re.escape("".join(c for c in _CONT_1256 if c not in "پٹچژڈگکڑںھ‘’“”•–—…\u200c\u200d\u00a0\u00ad،؛؟«»·°")) + "]"
)


def _may_apply(text: str, code: str, shape: re.Pattern[str]) -> bool:
    if code == "E102" and not _CP1256_SYMBOLS.search(text):
        return False
    if _QUICK[code].search(text):
        return True
    return bool(_ANY_INVISIBLE.search(text)) and bool(shape.search(text))


def _repair(text: str, code: str) -> str:
    shape, unit = _SHAPES[code]
    if not _may_apply(text, code, shape):
        return text
    return _repair_words(text, shape, unit)


def _repair_words(text: str, shape: re.Pattern[str], unit: re.Pattern[str]) -> str:
    """Repair every broken unit of a text.  A repair can split a unit (the
    Arabic letters it writes end a run of Latin-1 characters), so the text is
    gone over again until nothing changes (three times at most)."""

    def repair(match: re.Match[str]) -> str:
        word = match.group(0)
        return _repair_word(word) if shape.search(word) else word

    for _ in range(3):
        repaired = unit.sub(repair, text)
        if repaired == text:
            break
        text = repaired
    return text


def repair_utf8_shown_as_cp1252(text: str) -> str:
    """Repair Arabic UTF-8 shown as windows-1252 or latin-1 (``Ø§Ù„``).

    Word by word, through ftfy with a config that changes nothing else.

    >>> repair_utf8_shown_as_cp1252("نص سليم Ø§Ù„Ø£Ø³Ø¯ “تتمة”")
    'نص سليم الأسد “تتمة”'
    >>> repair_utf8_shown_as_cp1252("Le café “été” à Paris")
    'Le café “été” à Paris'
    """
    return _repair(text, "E101")


def repair_utf8_shown_as_cp1256(text: str) -> str:
    """Repair Arabic UTF-8 shown as windows-1256 (``ط§ظ„``).

    ftfy cannot see this mojibake.  The good part of a mixed line is kept.

    >>> repair_utf8_shown_as_cp1256("الخبر: ط§ظ„ط£ط³ط¯ ظٹطھظ„ظ‚ظ‰ ط±ط³ط§ظ„ط©")
    'الخبر: الأسد يتلقى رسالة'
    >>> repair_utf8_shown_as_cp1256("ضغط، ثم ظهر")
    'ضغط، ثم ظهر'
    """
    return _repair(text, "E102")


def repair_cp1256_shown_as_latin(text: str) -> str:
    """Repair windows-1256 Arabic shown as latin-1 or windows-1252 (``ÇáÚÑÈíÉ``).

    Only words made of the characters those bytes show as are repaired.

    Diacritics that come out of the decoding stay.  French words keep their
    accents: é, è, à, ç and the like are not Arabic letters in windows-1256.

    >>> repair_cp1256_shown_as_latin("ÞÇá Çááå ÊÚÇáì")
    'قال الله تعالى'
    >>> repair_cp1256_shown_as_latin("Un été à la côte")
    'Un été à la côte'
    """
    return _repair(text, "E103")
