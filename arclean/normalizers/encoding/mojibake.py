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
A broken character standing alone (an Arabic comma shown as ``¡``, a tatweel
shown as ``Ü``) has no shape of its own: it is repaired when its context
says which encoding it is in, a line (or the lines around it) repaired in the
same encoding, with Arabic words beside it.
A repaired word is checked again by all three repairs, so text broken twice
(UTF-8 shown as windows-1256, saved, then shown as latin-1) comes back in one
pass.  French, Persian or Urdu text that merely contains these characters has
none of the shapes and is left alone.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Callable

import ftfy

from ... import datafiles

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
#: (U+0660 ARABIC-INDIC DIGIT ZERO is D9 A0 in UTF-8: "Ù\xa0" / "ظ\xa0") or
#: as the last byte of U+2060 WORD JOINER (E2 81 A0: "âپ\xa0").
#: (A run of non-space characters is one step of the outer repeat, which re runs
#: one step at a time, a hundred instructions or more a step: not one a character.)
_WORD = re.compile(r"(?:[^\s]+|(?<=[\u00d8\u00d9\u0637\u0638])\u00a0|(?<=\u00e2\u067e)\u00a0)+")
#: Invisible characters (rule I101's table) that may have slipped into a broken
#: word; a repaired word is rebuilt without them.  SOFT HYPHEN is not among
#: them: it is byte 0xAD, part of the mojibake of ح (D8 AD).
#: The invisible characters rule I101 removes (``data/chars/invisible.tsv``) but
#: SOFT HYPHEN, which is byte AD of both code pages (see below): a broken word
#: may hold them between its bytes.
_INVISIBLE = "".join(chr(code) for code in sorted(datafiles.translation("chars/invisible.tsv")) if code != 0xAD)
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
#: text, general punctuation, and the invisible characters (bidi marks and
#: embeddings, zero-width characters) whose bytes are often broken along with
#: a word: ``ط§ظ„ط²ظٹâ€«ط§ط±ط§طھ`` holds U+202B's E2 80 AB shown as ``â€«``.  The
#: whole word is repaired (rule I101, which runs after, removes the mark);
#: refused, it would be left for other rules to reshape (``â€«`` to ``â€»``, a
#: space after ``؛``) and a second clean to repair.  Anything else means the
#: guess was wrong.
_PLAUSIBLE = re.compile(f"[\u0000-\u00ff\u060c-\u06ff\u2010-\u2027\u2030-\u205e{_INVISIBLE}\u200c\u200d]*")
_ARABIC_LETTER = re.compile(r"[\u0621-\u063a\u0641-\u064a]")
#: Arabic-Indic digits (and the Persian ones): a date broken alone (``ظ¢ظ£ مايو``, ٢٣ مايو) repairs to digits.
_ARABIC_DIGIT = re.compile(r"[\u0660-\u0669\u06f0-\u06f9]")


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
    f"(?:[\u0021-\u009f\u00a1-\u00ff{re.escape(_CONT_1252.replace(chr(0xA0), ''))}{_INVISIBLE}\u200c\u200d]+"
    f"|(?<=[\u00d8\u00d9])\u00a0|(?<=\u00e2\u0081)\u00a0)+"
)


def _repair_utf8_as_cp1252(run: str) -> str:
    fixed = ftfy.fix_text(run, config=_FTFY_CONFIG)
    return fixed if _is_plausible(fixed) else run


# --- E102: UTF-8 shown as windows-1256 ----------------------------------------
_CONT_1256 = "".join(_cp1256_char(b) for b in range(0x80, 0xC0))
#: Lead bytes shown as windows-1256: آ أ (C2, C3: U+0080-U+00FF such as « »
#: and the no-break space) and ط ظ ع غ (D8-DB: the Arabic block U+0600-U+06FF).
_LEAD_1256 = "".join(_cp1256_char(b) for b in (0xC2, 0xC3, 0xD8, 0xD9, 0xDA, 0xDB))
#: The presentation forms (U+FB50-U+FDFF, U+FE70-U+FEFE) of the characters broken pairs are made
#: of, and the letter each shows: a text may show a lead or continuation byte as one (``ﻁ§`` is
#: ``ط§``).  Rule L101 maps them after the repairs have run; the repair reads them as it will
#: (a pair L101 would make is repaired now, and a second clean finds nothing to do).
_FORMS_1256 = {code: base for code in [*range(0xFB50, 0xFE00), *range(0xFE70, 0xFEFF)]
               if len(base := unicodedata.normalize("NFKC", chr(code))) == 1 and base in _LEAD_1256 + _CONT_1256}


def _with_forms(chars: str) -> str:
    """The characters, and the presentation forms of each (``_FORMS_1256``)."""
    return chars + "".join(chr(code) for code, base in _FORMS_1256.items() if base in chars)


_LEAD_SHOWN = _with_forms(_LEAD_1256)
_CONT_SHOWN = re.escape(_with_forms(_CONT_1256))
_PAIR_1256 = f"(?:[{_LEAD_SHOWN}]{_I}[{_CONT_SHOWN}]|\u00e2{_I}[{_CONT_SHOWN}]{_I}[{_CONT_SHOWN}])"
_UTF8_AS_1256 = re.compile(f"{_PAIR_1256}(?:[\u0020-\u007e{_INVISIBLE}\u00ad]*{_PAIR_1256})+")


def _repair_utf8_as_cp1256(word: str) -> str:
    return _UTF8_AS_1256.sub(_decode_utf8_as_cp1256, word)


def utf8_shown_as_cp1256() -> re.Pattern[str]:
    """E102's shape: a stretch of UTF-8 shown as windows-1256 (two broken pairs or more).
    Rule P101 asks it where taking spaces away would close a pair (see :func:`ends_broken_pair`)."""
    return _UTF8_AS_1256


def ends_broken_pair(before: str) -> bool:
    """May a broken pair reach up to the end of ``before`` (the text before spaces that P101
    takes away), to be closed by the mark after them?  The three marks ، ؛ ؟ are bytes A1,
    BA and BF of windows-1256, continuation bytes (``ظ ؛`` to ``ظ؛``, D9 BA).  It
    ends with a lead byte shown as windows-1256 (``آ أ ط ظ ع غ``), with ``â``, or with ``â`` and
    a continuation byte (a three-byte sequence begun), or with an invisible character that
    may stand inside a pair.

    >>> ends_broken_pair("مط§ظ"), ends_broken_pair("قال"), ends_broken_pair("â€")
    (True, False, True)
    """
    last = before[-1:]
    if not last:
        return False
    if last in _PAIR_STARTS or last in _PAIR_INSIDE:
        return True
    return last in _CONT_1256 and before[-2:-1] == "\u00e2"


_PAIR_STARTS = frozenset(_LEAD_1256 + "\u00e2")
_PAIR_INSIDE = frozenset(_INVISIBLE + "\u200c\u200d")


def _decode_utf8_as_cp1256(match: re.Match[str]) -> str:
    """Decode one broken span; keep it when the result is not plausible, so
    that each span of a word stands or falls on its own."""
    span = _STRIP_INVISIBLE.sub("", match.group(0)).translate(_FORMS_1256)
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


_REPAIRS: tuple[tuple[str, re.Pattern[str], Callable[[str], str]], ...] = (
    ("utf8-as-cp1252", _UTF8_AS_1252, _repair_utf8_as_cp1252),
    ("utf8-as-cp1256", _UTF8_AS_1256, _repair_utf8_as_cp1256),
    ("cp1256-as-latin", _CP1256_AS_LATIN, _repair_cp1256_as_latin),
)


#: Broken words of at most this many characters have their repair remembered: a broken page
#: breaks its common words (في, من, على …) alike each time they come, and the search is dear.
_REMEMBERED_WORD = 64


def _search_word_repairs(word: str) -> str:
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


@lru_cache(maxsize=None)
def _remembered_units(shape: re.Pattern[str]) -> Callable[[str], str]:
    """For a rule's shape, a short unit's repair (:func:`_search_word_repairs` when it has
    the shape, else the unit itself), remembered: a unit's repair depends on the unit
    alone, and a broken page breaks its common words alike each time they come."""
    return lru_cache(maxsize=8192)(lambda word: _search_word_repairs(word) if _has_shape(word, shape) else word)


def _search_repairs(word: str, depth: int) -> str | None:
    """Each repair checks its own result (see :func:`_is_plausible`), so any
    change is a repair; a deeper repair of it is preferred.  A word that is a
    lone broken character of one encoding (``ØŸ``, ``؟`` as UTF-8 shown as
    windows-1252) is left for that encoding's context check (see
    :func:`_repair_lone_characters`): read in another encoding it would become
    letters nobody wrote (``طں``)."""
    for accident, shape, repair in _REPAIRS:
        if not shape.search(word):
            continue
        attempt = repair(word)
        if attempt == word:
            if _lone_repair(word, accident) is not None:
                return None
            continue
        if depth > 1:
            deeper = _search_repairs(attempt, depth - 1)
            if deeper is not None:
                return deeper
        return attempt
    return None


def _is_plausible(repaired: str) -> bool:
    """A repair's result: it holds an Arabic letter or an Arabic-Indic digit and nothing a
    repair may not produce (no replacement character, no stray symbol).

    >>> _is_plausible("٢٠٢١م"), _is_plausible("٢٣"), _is_plausible("23"), _is_plausible("\ufffd٢")
    (True, True, False, False)
    """
    return bool(_ARABIC_LETTER.search(repaired) or _ARABIC_DIGIT.search(repaired)) and bool(_PLAUSIBLE.fullmatch(repaired))


#: Fast first looks, with the standard ``re`` module (several times faster on
#: these plain character pairs): the shapes without the invisible characters
#: they tolerate inside a pair, which are rare and checked for on their own.
_QUICK = {
    "utf8-as-cp1252": re.compile(f"[\u00c2-\u00ef][{re.escape(_CONT_1252)}]"),
    "utf8-as-cp1256": re.compile(f"[{_LEAD_SHOWN}\u00e2][{_CONT_SHOWN}]"),
    "cp1256-as-latin": re.compile(f"[{_SHOWS_ARABIC}][{_SHOWS_ARABIC}]"),
}
#: Each rule's shape (what a broken stretch looks like) and unit (the stretch
#: repaired as a whole: a word, or for E101 a run of windows-1252 characters).
_SHAPES = {
    "utf8-as-cp1252": (_UTF8_AS_1252, _LATIN_RUN),
    "utf8-as-cp1256": (_UTF8_AS_1256, _WORD),
    "cp1256-as-latin": (_CP1256_AS_LATIN, _WORD),
}
_ANY_INVISIBLE = re.compile(f"[{_INVISIBLE}\u200c\u200d\u00ad]")
_BETWEEN = f"{_ANY_INVISIBLE.pattern}*"
#: Each rule's pair: what every stretch of its shape holds, in a word as it is or
#: without its joiners and soft hyphens (:func:`_has_shape`), a lead byte and a
#: continuation with invisible characters between them, or for E103 two letters.  A
#: line that holds no pair has no word of the shape: the word repair passes it by.
_PAIRS = {
    "utf8-as-cp1252": re.compile(f"[\u00c2-\u00ef]{_BETWEEN}[{re.escape(_CONT_1252)}]"),
    "utf8-as-cp1256": re.compile(f"[{_LEAD_SHOWN}\u00e2]{_BETWEEN}[{_CONT_SHOWN}]"),
    "cp1256-as-latin": re.compile(f"[{_SHOWS_ARABIC}]{_BETWEEN}[{_SHOWS_ARABIC}]"),
}
#: E102's pairs start with common Arabic letters, so its first look first asks
#: for a continuation character that clean Arabic text does not hold (the
#: second bytes of ا ل ب ر … show as § „ ¨ ±): one fast scan of clean text.
_SYMBOLS_1256 = re.escape("".join(c for c in _CONT_1256 if c not in "پٹچژڈگکڑںھ‘’“”•–—…\u200c\u200d\u00a0\u00ad،؛؟«»·°"))
_CP1256_SYMBOLS = re.compile(f"[{_SYMBOLS_1256}]")
#: E101's shapes (a pair, or a pair with invisible characters in between) start with a lead byte.
_LEAD_1252 = re.compile("[\u00c2-\u00ef]")
#: E103's words are made of the Latin characters windows-1256 Arabic shows as.
_SHOWS_ARABIC_CLASS = re.compile(f"[{_SHOWS_ARABIC}]")


def utf8_lead_bytes() -> re.Pattern[str]:
    """The characters E101 looks for first, UTF-8 lead bytes shown in windows-1252
    (Â … ï): a text without one is left as it is."""
    return _LEAD_1252


def cp1256_symbols() -> re.Pattern[str]:
    """The characters E102 looks for first, continuation bytes shown in windows-1256
    that clean Arabic text does not hold (§ „ ¨ ±): a text without one is left as it is."""
    return _CP1256_SYMBOLS


def latin_showing_arabic() -> re.Pattern[str]:
    """The characters E103 looks for first, the Latin letters windows-1256 Arabic
    shows as (Ç á Ú …): a text without one is left as it is."""
    return _SHOWS_ARABIC_CLASS


def _may_apply(text: str, accident: str, shape: re.Pattern[str]) -> bool:
    if accident == "utf8-as-cp1256" and not _CP1256_SYMBOLS.search(text):
        return False
    if _QUICK[accident].search(text):
        return True
    return bool(_ANY_INVISIBLE.search(text)) and _has_shape(text, shape)


def _repair(text: str, accident: str) -> str:
    shape, unit = _SHAPES[accident]
    if not _may_apply(text, accident, shape):
        return text
    repaired = _repair_words(text, shape, unit, _PAIRS[accident])
    if repaired == text:
        return text
    return _repair_lone_characters(text, repaired, accident)


def _has_shape(text: str, shape: re.Pattern[str]) -> bool:
    """Whether a text has a rule's shape, also once the joiners and soft
    hyphens that slipped between a lead byte and its continuation are gone
    (``ظ\u00ad…ظ†``): :func:`_search_word_repairs` tries the word without them, and
    left alone, rule I101 would remove them and a second clean repair it."""
    if shape.search(text):
        return True
    return bool(_JOINERS.search(text)) and bool(shape.search(_JOINERS.sub("", text)))


def _repair_words(text: str, shape: re.Pattern[str], unit: re.Pattern[str], pair: re.Pattern[str]) -> str:
    """Repair every broken unit of a text.  A repair can split a unit (the
    Arabic letters it writes end a run of Latin-1 characters), so the text is
    gone over again until nothing changes (three times at most).  Only the
    lines that hold a ``pair`` are gone over (see :func:`_sub_in_lines`)."""

    remembered = _remembered_units(shape)  # the shape looked up once a text, not once a unit

    def repair(match: re.Match[str]) -> str:
        word = match.group(0)
        if len(word) <= _REMEMBERED_WORD:
            return remembered(word)
        return _search_word_repairs(word) if _has_shape(word, shape) else word

    for _ in range(3):
        repaired = _sub_in_lines(unit, repair, text, pair)
        if repaired == text:
            break
        text = repaired
    return text


def _sub_in_lines(unit: re.Pattern[str], repair: Callable[[re.Match[str]], str], text: str, pair: re.Pattern[str]) -> str:
    """``unit.sub(repair, text)``, on the lines that hold a ``pair`` only: a unit never
    holds a line feed, and where a line holds no pair, none of its units has the shape
    and ``repair`` gives each back as it is (a page broken in one line, its footer or
    a quote, calls back for that line's words, not the page's).

    >>> _sub_in_lines(re.compile("[a-z]+"), lambda m: m.group(0).upper(), "ab cd\\nef\\ngh xy", re.compile("xy|ab"))
    'AB CD\\nef\\nGH XY'
    """
    found = pair.search(text)
    if found is None:
        return text
    pieces: list[str] = []
    done = 0
    while found is not None:
        start = text.rfind("\n", 0, found.start()) + 1
        end = text.find("\n", found.end())
        end = len(text) if end < 0 else end
        pieces += (text[done:start], unit.sub(repair, text[start:end]))
        done = end
        found = pair.search(text, end)
    pieces.append(text[done:])
    return "".join(pieces)


# --- Lone broken characters, judged by their context ---------------------------
#: What a lone broken character stands for: an Arabic letter or tatweel with
#: the marks it carries, or the Arabic comma, semicolon or question mark.
_LONE_ARABIC = "\u0621-\u063a\u0640-\u064a\u060c\u061b\u061f"
#: What a repaired lone word may hold: those, and the punctuation and digits
#: the code pages share (``2023¡`` is ``2023،``, ``Ï.`` is ``د.``).
_LONE_RESULT = re.compile(f"(?:[{_SHARED}]|[{_LONE_ARABIC}][\u064b-\u0652]*)+")
_HAS_LONE_ARABIC = re.compile(f"[{_LONE_ARABIC}]")

#: E101: a word of single UTF-8 pairs of the Arabic block (lead bytes D8, D9)
#: and shared punctuation: ``ØŒ`` is ``،``, ``Ù€`` is a tatweel.
_LONE_PAIR_1252 = re.compile(f"[\u00d8\u00d9][{re.escape(_CONT_1252)}]")
_LONE_WORD_1252 = re.compile(f"(?:[\u00d8\u00d9][{re.escape(_CONT_1252)}]|[{_SHARED}])+")


def _decode_pair_1252(match: re.Match[str]) -> str:
    pair = match.group(0)
    try:
        return bytes(ord(c) if ord(c) < 0x100 else c.encode("cp1252")[0] for c in pair).decode("utf-8")
    except (UnicodeError, IndexError):
        return pair


#: E102: the same pairs shown as windows-1256 (``طŒ`` is ``،``, ``ظ€`` a
#: tatweel), with a second byte clean Arabic does not hold; ں (byte 9F) only
#: in ``طں``, the question mark.
_TA_SHOWN, _ZA_SHOWN, _NOON_SHOWN = _with_forms("\u0637"), _with_forms("\u0638"), _with_forms("\u06ba")
_LONE_PAIR_1256 = re.compile(f"[{_TA_SHOWN}{_ZA_SHOWN}][{_SYMBOLS_1256}]|[{_TA_SHOWN}][{_NOON_SHOWN}]")
_LONE_WORD_1256 = re.compile(f"(?:[{_TA_SHOWN}{_ZA_SHOWN}][{_SYMBOLS_1256}]|[{_TA_SHOWN}][{_NOON_SHOWN}]|[{_SHARED}])+")


def _decode_pair_1256(match: re.Match[str]) -> str:
    pair = match.group(0)
    try:
        return pair.translate(_FORMS_1256).encode("cp1256").decode("utf-8")
    except UnicodeError:
        return pair


#: E103: a word of characters that stand for Arabic letters, tatweel, marks
#: or Arabic punctuation in windows-1256 (``¡`` ``º`` ``¿`` ``Ü`` ``æ``), and
#: shared punctuation; not the Persian and Urdu letters.
_LONE_SHOWN_1256 = _shown_as(lambda meant: "\u0621" <= meant <= "\u0652" or meant in "\u060c\u061b\u061f")
_LONE_CHAR_LATIN = re.compile(f"[{_LONE_SHOWN_1256}]")
_LONE_WORD_LATIN = re.compile(f"[{_LONE_SHOWN_1256}{_SHARED}]+")

#: Each rule's lone word, the broken characters in it, and their repair.
_LONE: dict[str, tuple[re.Pattern[str], re.Pattern[str], Callable[[str], str]]] = {
    "utf8-as-cp1252": (_LONE_WORD_1252, _LONE_PAIR_1252, lambda word: _LONE_PAIR_1252.sub(_decode_pair_1252, word)),
    "utf8-as-cp1256": (_LONE_WORD_1256, _LONE_PAIR_1256, lambda word: _LONE_PAIR_1256.sub(_decode_pair_1256, word)),
    "cp1256-as-latin": (_LONE_WORD_LATIN, _LONE_CHAR_LATIN, lambda word: word.translate(_cp1256_via_latin())),
}


def _lone_repair(word: str, accident: str) -> str | None:
    """The repair of a word made of lone broken characters of one encoding
    (and shared punctuation), or None.  Whether to apply it is a question of
    context: see :func:`_repair_lone_characters`."""
    whole, broken, decode = _LONE[accident]
    if not whole.fullmatch(word) or not broken.search(word):
        return None
    fixed = decode(word)
    return fixed if _LONE_RESULT.fullmatch(fixed) and _HAS_LONE_ARABIC.search(fixed) else None


_TOKEN = re.compile(r"\S+")
_LETTER = re.compile(r"[^\W\d_]")
#: What a word is to a lone broken character beside it.
_NEUTRAL, _ARABIC, _FOREIGN = 0, 1, 2


def _kind(word: str) -> int:
    if _ARABIC_LETTER.search(word):
        return _ARABIC
    return _FOREIGN if _LETTER.search(word) else _NEUTRAL


def _repair_lone_characters(original: str, repaired: str, accident: str) -> str:
    """Repair the lone broken characters the word repair leaves alone (an
    Arabic comma shown as ``¡``, a tatweel shown as ``Ü``, a ``و`` standing
    alone), where the context says which encoding they are in:

    - in a line that the word repair of the same encoding changed, a lone word
      whose nearest words with letters (on either side, in the line) are
      Arabic, with no word of another script beside it: ``ÇáÑÆíÓ ¡ ÇáÓæÑí``,
      ``¡ ÈÔÇÑ`` at the start of a line.  ``¡Hola`` never is a lone word, and
      a ``¡`` next to a Spanish word stays;
    - a line of lone words and punctuation only (``¡``, ``ÜÜÜÜ``), when the
      nearest line with letters above or below was changed by the same repair.

    One pass over the lines, each line's words looked at once: linear.
    """
    broken = _LONE[accident][1]
    if not broken.search(repaired):
        return repaired
    old_lines, lines = original.split("\n"), repaired.split("\n")
    if len(old_lines) != len(lines):  # pragma: no cover - repairs never touch line feeds
        return repaired
    changed = [old != new for old, new in zip(old_lines, lines, strict=True)]
    lone_only: dict[int, list[_Word]] = {}
    for index, line in enumerate(lines):
        if not broken.search(line):
            continue
        words = [(m.start(), m.end(), m.group(0), _lone_repair(m.group(0), accident)) for m in _TOKEN.finditer(line)]
        if changed[index]:
            lines[index] = _rebuild(line, _in_arabic_context(words))
        elif all(fix is not None or _kind(word) == _NEUTRAL for _s, _e, word, fix in words):
            lone_only[index] = words
    if lone_only:
        in_context = _beside_changed_lines(lines, changed, lone_only)
        for index, words in lone_only.items():
            if in_context[index]:
                lines[index] = _rebuild(lines[index], [w for w in words if w[3] is not None])
    return "\n".join(lines)


#: A word of a line: start, end, text, and its repair as a lone word (or None).
_Word = tuple[int, int, str, "str | None"]


def _in_arabic_context(words: list[_Word]) -> list[_Word]:
    """The lone words whose nearest words with letters are Arabic (on one side
    at least) and of no other script; other lone words are looked through."""
    kinds = [None if fix is not None else _kind(word) for _s, _e, word, fix in words]
    before: list[int | None] = []
    last = None
    for kind in kinds:
        before.append(last)
        if kind is not None and kind != _NEUTRAL:
            last = kind
    after: list[int | None] = [None] * len(kinds)
    last = None
    for i in range(len(kinds) - 1, -1, -1):
        after[i] = last
        if kinds[i] is not None and kinds[i] != _NEUTRAL:
            last = kinds[i]
    return [
        w
        for w, left, right in zip(words, before, after, strict=True)
        if w[3] is not None and _FOREIGN not in (left, right) and _ARABIC in (left, right)
    ]


def _beside_changed_lines(lines: list[str], changed: list[bool], lone_only: dict[int, list[_Word]]) -> list[bool]:
    """For each line: whether the nearest line with letters above it or below
    it (lines of lone words and lines without letters are looked through) was
    changed.  Two sweeps, one down and one up."""
    stops = [changed[i] or (i not in lone_only and bool(_LETTER.search(line))) for i, line in enumerate(lines)]
    result = [False] * len(lines)
    for order in (range(len(lines)), range(len(lines) - 1, -1, -1)):
        last = False
        for i in order:
            result[i] = result[i] or last
            if stops[i]:
                last = changed[i]
    return result


def _rebuild(line: str, chosen: list[_Word]) -> str:
    """The line with the chosen words replaced by their repairs."""
    if not chosen:
        return line
    parts, end = [], 0
    for start, stop, _word, fix in chosen:
        parts.append(line[end:start])
        parts.append(fix or "")
        end = stop
    parts.append(line[end:])
    return "".join(parts)


def repair_utf8_shown_as_cp1252(text: str) -> str:
    """Repair Arabic UTF-8 shown as windows-1252 or latin-1 (``Ø§Ù„``).

    Word by word, through ftfy with a config that changes nothing else.

    >>> repair_utf8_shown_as_cp1252("نص سليم Ø§Ù„Ø£Ø³Ø¯ “تتمة”")
    'نص سليم الأسد “تتمة”'
    >>> repair_utf8_shown_as_cp1252("Le café “été” à Paris")
    'Le café “été” à Paris'
    """
    return _repair(text, "utf8-as-cp1252")


def repair_utf8_shown_as_cp1256(text: str) -> str:
    """Repair Arabic UTF-8 shown as windows-1256 (``ط§ظ„``).

    ftfy cannot see this mojibake.  The good part of a mixed line is kept.

    >>> repair_utf8_shown_as_cp1256("الخبر: ط§ظ„ط£ط³ط¯ ظٹطھظ„ظ‚ظ‰ ط±ط³ط§ظ„ط©")
    'الخبر: الأسد يتلقى رسالة'
    >>> repair_utf8_shown_as_cp1256("ضغط، ثم ظهر")
    'ضغط، ثم ظهر'
    """
    return _repair(text, "utf8-as-cp1256")


def repair_cp1256_shown_as_latin(text: str) -> str:
    """Repair windows-1256 Arabic shown as latin-1 or windows-1252 (``ÇáÚÑÈíÉ``).

    Only words made of the characters those bytes show as are repaired.

    Diacritics that come out of the decoding stay.  French words keep their
    accents: é, è, à, ç and the like are not Arabic letters in windows-1256.

    >>> repair_cp1256_shown_as_latin("ÞÇá Çááå ÊÚÇáì")
    'قال الله تعالى'

    A lone ``¡`` (the Arabic comma) or ``Ü`` (tatweel) is repaired where the
    line is repaired in this encoding and Arabic words stand beside it:

    >>> repair_cp1256_shown_as_latin("¡ ÞÇá Ü ãÇÐÇ ÌÑì ¿")
    '، قال ـ ماذا جرى ؟'
    >>> repair_cp1256_shown_as_latin("¡ Hola ! ÞÇá")
    '¡ Hola ! قال'
    >>> repair_cp1256_shown_as_latin("Un été à la côte")
    'Un été à la côte'
    """
    return _repair(text, "cp1256-as-latin")
