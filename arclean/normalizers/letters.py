"""Letter forms that look right but are the wrong characters: rules L101-L103 and L201.

Presentation forms (from PDF extraction) and Persian look-alikes (from Persian
keyboards) render like the Arabic letters but defeat search and tokenisation.
Each is mapped to the Arabic character a reader sees; nothing is spelled
differently.  Persian, Urdu and Kurdish paragraphs are left alone: there these
letters are correct (see :mod:`arclean.text.language`).

L201, decorative tatweel: ARABIC TATWEEL (U+0640) stretches the joining stroke between two letters to
justify a line or to decorate a word (``الديكــــور``).  Between letters it never
changes the word, so it goes, also when diacritics sit between it and the
letters (``أيـْـدِى`` → ``أيْدِى``): the diacritics stay, on the letter before.
Elsewhere it means something and stays:

- after a clitic or abbreviation before a non-letter: ``بـ12``, ``الـ54``,
  ``بـ«المجلس»``, ``لـ"الميادين"``, ``1444هـ``;
- standing alone as a dash: ``المدينة المنورة ـ أصيل``;
- carrying a dagger alef (U+0670), as in ``الرَّحْمَـٰنِ``: there it is the seat
  of a letter;
- carrying a haraka when the letter before it has one of its own: removing it
  would stack two harakat (or two shaddas) on one letter.  A shadda and one
  haraka are no stack: ``إنّـَه`` becomes ``إنَّه``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Callable

import regex

from .. import datafiles
from .._compiled import speedups
from ..text.chars import ARABIC_LETTERS, ARABIC_MARKS, TATWEEL
from ..text.clitics import WORD_PREFIX
from ..text.language import document_is_non_arabic, is_non_arabic, is_persian_word, map_lines

_PRESENTATION_FORM = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]")
#: ARABIC LIGATURE SALLALLAHOU ALAYHE WASALLAM and the other word ligatures
#: (U+FDF0-U+FDFF): writers choose them on purpose; expanding them changes
#: what the page shows.  They are kept unless ``expand_ligatures`` is set.
_WORD_LIGATURES = range(0xFDF0, 0xFE00)

#: The Persian look-alike letters of ``chars/persian_letters.tsv`` (KEHEH, FARSI YEH, AE).
_PERSIAN_LETTER = datafiles.char_pattern("chars/persian_letters.tsv")
_FARSI_YEH = "\N{ARABIC LETTER FARSI YEH}"
_WORD_WITH_PERSIAN_LETTER = re.compile(f"[{ARABIC_LETTERS}{ARABIC_MARKS}]+")
_FINAL_FARSI_YEH = re.compile(f"\u06cc(?=[{ARABIC_MARKS}]*$)")
_CLITICS = re.compile(f"^(?:{WORD_PREFIX})")
#: The Persian digits of ``chars/persian_digits.tsv`` (U+06F0-U+06F9).
_PERSIAN_DIGIT = datafiles.char_pattern("chars/persian_digits.tsv")


def tatweel() -> re.Pattern[str]:
    """What L201 removes: a text without a tatweel is left as it is."""
    return re.compile(TATWEEL)


def presentation_forms() -> re.Pattern[str]:
    """The characters L101 looks for, the presentation forms: a text without one is left as it is."""
    return _PRESENTATION_FORM


def persian_letters() -> re.Pattern[str]:
    """The characters L102 looks for, the Persian look-alike letters: a text without one is left as it is."""
    return _PERSIAN_LETTER


def persian_digits() -> re.Pattern[str]:
    """The characters L103 looks for, the Persian digits: a text without one is left as it is."""
    return _PERSIAN_DIGIT


@lru_cache(maxsize=2)
def _presentation_table(expand_ligatures: bool) -> dict[int, str]:
    table = {}
    for code in [*range(0xFB50, 0xFE00), *range(0xFE70, 0xFEFF)]:
        char = chr(code)
        base = unicodedata.normalize("NFKC", char)
        is_word_ligature = code in _WORD_LIGATURES
        if base == char or (is_word_ligature and not expand_ligatures):
            continue
        if " " in base and not is_word_ligature:
            continue
        table[code] = base
    return table


@lru_cache(maxsize=2)
def _mapped_form(expand_ligatures: bool) -> re.Pattern[str]:
    """The presentation forms L101 maps: a text that holds presentation forms
    but none of these (a kept ligature such as ﷺ, an isolated haraka) is left
    as it is without a pass over all of it."""
    codes = sorted(_presentation_table(expand_ligatures))
    runs: list[list[int]] = []
    for code in codes:
        if runs and runs[-1][1] == code - 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return re.compile("[" + "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in runs) + "]")


def normalize_presentation_forms(text: str, *, expand_ligatures: bool = False) -> str:
    """Map Arabic presentation forms to the base letters they show.

    U+FB50-U+FDFF and U+FE70-U+FEFE, as Unicode's compatibility mapping
    (NFKC) defines.

    Isolated forms of harakat (which NFKC turns into a space and a mark) are
    left alone, and so are word ligatures such as ARABIC LIGATURE SALLALLAHOU
    ALAYHE WASALLAM (ﷺ) unless ``expand_ligatures`` is set.

    >>> normalize_presentation_forms("ﺍﻟﺴﻼﻡ ﷺ")
    'السلام ﷺ'
    >>> normalize_presentation_forms("ﷺ", expand_ligatures=True)
    'صلى الله عليه وسلم'
    """
    if not _mapped_form(expand_ligatures).search(_form_candidates(text)):
        return text
    return text.translate(_presentation_table(expand_ligatures))


#: Where L101 looks for a form it maps: with the compiled core, the text's rare characters
#: (``first_look``: one scan; a presentation form is neither ASCII nor a basic Arabic
#: letter), not the whole text, where the forms' pattern, which starts with a class, is
#: tried at every position; in pure Python the text itself (``str`` gives it back).
_form_candidates: Callable[[str], str] = str if speedups is None else speedups.first_look


def replace_persian_letters(text: str) -> str:
    """Write Persian look-alike letters in Arabic paragraphs as Arabic letters.

    KEHEH (ک U+06A9) becomes KAF (ك), FARSI YEH (ی U+06CC) YEH (ي) and AE
    (ە U+06D5) HEH (ه) (table: ``chars/persian_letters.tsv``).

    A word-final FARSI YEH becomes ALEF MAKSURA (ى) when the word is spelled
    with one in Arabic (``words/alef_maksura.txt``: على, إلى, مستشفى …).

    >>> replace_persian_letters("کامل مجدی دار الامین علی")
    'كامل مجدي دار الامين على'
    >>> replace_persian_letters("این کتاب را خواندم که خوب است")
    'این کتاب را خواندم که خوب است'

    A short line of Persian (``زبان: فارسی``) tells no language by itself: in a block of lines
    with Persian letters (no blank line between them), one line read as Persian makes the block
    Persian, and its letters stay.

    >>> replace_persian_letters("قال ابن القيم رحمه الله.\\n\\nلوگوی کانال تلگرام\\nزبان: فارسی\\n\\nعلی")
    'قال ابن القيم رحمه الله.\\n\\nلوگوی کانال تلگرام\\nزبان: فارسی\\n\\nعلى'
    """
    if not _PERSIAN_LETTER.search(text) or document_is_non_arabic(text):
        return text
    lines = text.split("\n")
    marked = [_PERSIAN_LETTER.search(line) is not None for line in lines]
    foreign = [has and is_non_arabic(line) for has, line in zip(marked, lines, strict=True)]
    kept = _spread_in_blocks(foreign, marked, lines)
    for index, line in enumerate(lines):
        if marked[index] and not kept[index]:
            lines[index] = _in_arabic_line(line)
    return "\n".join(lines)


def _in_arabic_line(line: str) -> str:
    """The line's words written in Arabic letters, but a name given in another language
    (``(بالفارسية: بخش مرکزی شهرستان اهواز)``, as an encyclopedia gives it), which keeps its own.

    >>> _in_arabic_line("الناحية المركزية (بالفارسية: بخش مرکزی) في محافظة خوزستان علی")
    'الناحية المركزية (بالفارسية: بخش مرکزی) في محافظة خوزستان على'
    >>> _in_arabic_line("خط النستعليق (Persian: نستعلیق) من الخطوط التي نشأت في إيران علی")
    'خط النستعليق (Persian: نستعلیق) من الخطوط التي نشأت في إيران على'
    """
    named = _NAMED_IN_ANOTHER_LANGUAGE.search(line)
    if named is None:
        return _WORD_WITH_PERSIAN_LETTER.sub(_arabic_spelling, line)
    pieces: list[str] = []
    done = 0
    while named is not None:
        pieces += _WORD_WITH_PERSIAN_LETTER.sub(_arabic_spelling, line[done:named.start()]), named.group()
        done = named.end()
        named = _NAMED_IN_ANOTHER_LANGUAGE.search(line, done)
    pieces.append(_WORD_WITH_PERSIAN_LETTER.sub(_arabic_spelling, line[done:]))
    return "".join(pieces)


#: A name given in Persian, Kurdish, Urdu, Pashto or Amazigh (Shilha, Kabyle, Rifian) after its
#: label, in Arabic (``بالفارسية:``) or in English or French, as an encyclopedia copied in those
#: languages gives it (``Persian:``, ``en persan :``), up to a bracket, a comma, a semicolon or a
#: full stop.
_NAMED_IN_ANOTHER_LANGUAGE = re.compile(
    "(?:بال(?:فارسية|فارسيه|كردية|كرديه|أردية|اردية|أوردية|اوردية|بشتوية|بشتويه|أمازيغية|امازيغية|شلحية|قبائلية|ريفية)"
    "|\\b(?:[Pp]ersian|[Ff]arsi|[Kk]urdish|[Ss]orani|[Uu]rdu|[Pp]ashto|[Pp]ersan|[Kk]urde|[Oo]urdou|[Pp]achto(?:un)?)"
    ")\\s*:[^)\\]\\n،؛.]*")


def _spread_in_blocks(foreign: list[bool], marked: list[bool], lines: list[str]) -> list[bool]:
    """The lines whose letters stay: those read as another language (``foreign``), and each line
    with Persian letters (``marked``) in a run of such lines, one after another, that holds a
    line read as Persian by its own letters or words.  The heh of Urdu (ھ ہ) is no such sign: an
    Arabic PDF's text shows it for ه, in a block of Arabic lines."""
    kept = list(foreign)
    start = 0
    while start < len(marked):
        if not marked[start]:
            start += 1
            continue
        end = start
        while end < len(marked) and marked[end]:
            end += 1
        if any(foreign[k] and is_non_arabic(lines[k].translate(_WITHOUT_URDU_HEH)) for k in range(start, end)):
            kept[start:end] = [True] * (end - start)
        start = end
    return kept


#: HEH DOACHASHMEE and HEH GOAL, taken out of a line before it is asked whether it reads as Persian.
_WITHOUT_URDU_HEH = str.maketrans("", "", "\u06be\u06c1")


def _arabic_spelling(match: re.Match[str]) -> str:
    word = match.group(0)
    if not _PERSIAN_LETTER.search(word) or is_persian_word(word):
        return word  # a Persian word (``نویسنده``, ``که``) is Persian text, in an Arabic line too
    # replace_chars, not str.translate, which looks up every letter of the word (some 100 ns
    # a letter) for the three the table maps; and no mapping made at every word.
    if _FINAL_FARSI_YEH.search(word):
        maksura = datafiles.replace_chars(_FINAL_FARSI_YEH.sub("\u0649", word), "chars/persian_letters.tsv")
        if _is_maksura_word(maksura):
            return maksura
    return datafiles.replace_chars(word, "chars/persian_letters.tsv")


#: A diacritic, taken off a word before it is looked up among the words spelled with alef maksura.
_MARK = re.compile(f"[{ARABIC_MARKS}]")


def _is_maksura_word(word: str) -> bool:
    known = datafiles.word_list("words/alef_maksura.txt")
    bare = _MARK.sub("", word)
    if bare in known:
        return True
    clitics = _CLITICS.match(bare)
    return bool(clitics and clitics.end() and bare[clitics.end():] in known)


def replace_persian_digits(text: str) -> str:
    """Write Persian digits in Arabic paragraphs as Arabic-Indic digits.

    The Extended Arabic-Indic digits ۰-۹ become the Arabic-Indic digits ٠-٩
    of the same value (table: ``chars/persian_digits.tsv``).

    >>> replace_persian_digits("في عام ۲۰۲۳")
    'في عام ٢٠٢٣'
    """
    if not _PERSIAN_DIGIT.search(text) or document_is_non_arabic(text):
        return text
    return map_lines(text, _PERSIAN_DIGIT, _digits_in_arabic_line)


def _digits_in_arabic_line(line: str) -> str:
    if is_non_arabic(line) or not re.search(f"[{ARABIC_LETTERS}]", line):
        return line
    return datafiles.replace_chars(line, "chars/persian_digits.tsv")


#: A stretch between two letters: the marks of the letter before, then
#: tatweels and marks, at least one tatweel.  Each position after a letter
#: starts at most one attempt, and no stretch holds a letter, so the scan is
#: linear.
_BETWEEN_LETTERS = regex.compile(
    f"(?<=[{ARABIC_LETTERS}])([{ARABIC_MARKS}]*)({TATWEEL}[{TATWEEL}{ARABIC_MARKS}]*)(?=[{ARABIC_LETTERS}])"
)
#: A stretch of tatweels alone between two letters, the most common stretch (dropped
#: whole): found from its first tatweel, a literal that a search skips to.
_TATWEELS_ALONE = re.compile(f"{TATWEEL}(?<=[{ARABIC_LETTERS}]{TATWEEL}){TATWEEL}*(?=[{ARABIC_LETTERS}])")
#: A tatweel beside a mark: every stretch with marks holds one (the letter's marks
#: before its first tatweel, or a mark after a tatweel in it).
_TATWEEL_BY_MARK = re.compile(f"{TATWEEL}(?:(?<=[{ARABIC_MARKS}]{TATWEEL})|(?=[{ARABIC_MARKS}]))")
#: The marks that cannot sit twice on one letter: the harakat, tanwin and
#: sukun (one vowel sign a letter), and the shadda.
_VOWEL_SIGNS = regex.compile("[\u064b-\u0650\u0652]")
_SHADDA = "\u0651"
_DAGGER_ALEF = "\u0670"


def remove_decorative_tatweel(text: str) -> str:
    """Remove ARABIC TATWEEL (U+0640) between two letters, where it is decoration.

    Diacritics on or around the tatweel stay, on the letter before it.

    >>> remove_decorative_tatweel("الديكــــور الداخلي، وأُطْــلـقُـها")
    'الديكور الداخلي، وأُطْلقُها'
    >>> remove_decorative_tatweel("أيـْـدِى وَمـــَنْ")
    'أيْدِى وَمَنْ'
    >>> remove_decorative_tatweel("بـ12 الـ54 1444هـ المنورة ـ أصيل الرَّحْمَـٰنِ")
    'بـ12 الـ54 1444هـ المنورة ـ أصيل الرَّحْمَـٰنِ'
    """
    if TATWEEL not in text:
        return text
    # A stretch of tatweels alone (most of them) goes in one substitution that skips
    # from tatweel to tatweel; a stretch with marks, judged by _drop_unless_meaningful,
    # only where a tatweel stands beside a mark.  Stretches never touch (a letter stands
    # between two), so dropping the first kind leaves the second as it was.
    dropped = _TATWEELS_ALONE.sub("", text)  # the text itself when there is none
    return dropped if _TATWEEL_BY_MARK.search(dropped) is None else _drop_marked_stretches(dropped)


def _drop_marked_stretches(text: str) -> str:
    """:data:`_BETWEEN_LETTERS`' substitution on the words that hold a tatweel (the
    text itself when it changes nothing)."""
    # The pattern, which starts with a look-behind, is tried at every position: run it
    # once, on the words that hold a tatweel, a word a line.  A stretch and the letters
    # around it are never a space or a line feed, so each word is judged alone as in
    # the text.
    at = text.find(TATWEEL)
    spans: list[tuple[int, int]] = []
    done = 0
    while at >= 0:
        start = max(text.rfind(" ", done, at), text.rfind("\n", done, at), done - 1) + 1
        ends = [end for end in (text.find(" ", at), text.find("\n", at)) if end >= 0]
        end = min(ends) if ends else len(text)
        spans.append((start, end))
        done = end
        at = text.find(TATWEEL, end)
    words = [text[start:end] for start, end in spans]
    fixed = _BETWEEN_LETTERS.sub(_drop_unless_meaningful, "\n".join(words)).split("\n")
    if fixed == words:
        return text
    pieces: list[str] = []
    done = 0
    for (start, end), word in zip(spans, fixed, strict=True):
        pieces += (text[done:start], word)
        done = end
    pieces.append(text[done:])
    return "".join(pieces)


def _drop_unless_meaningful(match: regex.Match[str]) -> str:
    """The stretch without its tatweels, unless one carries a dagger alef or
    the marks left would stack on the letter before."""
    marks = match.group(1) + match.group(2).replace(TATWEEL, "")
    if not marks:
        return ""  # tatweels only, the most common stretch
    if _DAGGER_ALEF in match.group(2):
        return match.group(0)
    if len(_VOWEL_SIGNS.findall(marks)) > 1 or marks.count(_SHADDA) > 1:
        return match.group(0)
    return marks
