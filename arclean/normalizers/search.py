"""The search profile: lossy normalizations for search and NLP (rules S101-S107, opt-in).

These fold spelling variation that a search index should not distinguish.
They lose information a reader needs (hamza, vowels, the difference between
``على`` and ``علي``), so the default pipeline never runs them; select them
with ``profile="search"`` or by code.  Each gives the same output as CAMeL
Tools' function of the same purpose (``normalize_alef_ar``,
``normalize_alef_maksura_ar``, ``normalize_teh_marbuta_ar``, ``dediac_ar``),
except that a mark standing as a word of its own goes with its space, so that a
second clean has nothing to do; the test suite checks both on generated text.
The rules that delete (S104, S105, S107) run before punctuation spacing, and the
others before the line rules (see :data:`arclean.registry.RULES`).
"""

from __future__ import annotations

import re

from pyarabic import araby

from .. import datafiles

#: The character inventory is pyarabic's, spelled by name.
_ALEF_FORMS = str.maketrans(
    dict.fromkeys(araby.ALEF_HAMZA_ABOVE + araby.ALEF_HAMZA_BELOW + araby.ALEF_MADDA + araby.ALEF_WASLA, araby.ALEF)
)
_DIACRITICS = str.maketrans(dict.fromkeys(araby.TASHKEEL + (araby.MINI_ALEF,), None))
_DIGITS = str.maketrans(
    {**dict(zip(araby.NUMBERS_EAST, araby.NUMBERS_WEST, strict=True)), **dict(zip(araby.NUMBERS_PERS, araby.NUMBERS_WEST, strict=True))}
)


def unify_alef(text: str) -> str:
    """Write ALEF WITH HAMZA ABOVE/BELOW, ALEF WITH MADDA and ALEF WASLA (أ إ آ ٱ) as bare ALEF (ا).

    >>> unify_alef("أإآٱا")
    'ااااا'
    """
    return text.translate(_ALEF_FORMS)


def alef_maksura_to_yeh(text: str) -> str:
    """Write ALEF MAKSURA (ى) as YEH (ي).

    >>> alef_maksura_to_yeh("على")
    'علي'
    """
    return text.replace(araby.ALEF_MAKSURA, araby.YEH)


def teh_marbuta_to_heh(text: str) -> str:
    """Write TEH MARBUTA (ة) as HEH (ه).

    >>> teh_marbuta_to_heh("مدرسة")
    'مدرسه'
    """
    return text.replace(araby.TEH_MARBUTA, araby.HEH)


def remove_diacritics(text: str) -> str:
    """Remove the harakat, tanween, shadda, sukun and the dagger alef (U+064B-U+0652, U+0670).

    A mark standing alone between spaces goes with its space (so a second run has nothing
    to do); elsewhere the output is CAMeL Tools' ``dediac_ar``'s.

    >>> remove_diacritics("الرَّحْمَٰنِ"), remove_diacritics("كلمة ّ أخرى")
    ('الرحمن', 'كلمة أخرى')
    """
    return _DIACRITIC_RUNS.sub("", text)


def remove_all_tatweel(text: str) -> str:
    """Remove every ARABIC TATWEEL (U+0640), meaningful ones too (``بـ12`` → ``ب12``).

    A tatweel standing alone as a dash goes with its space.

    >>> remove_all_tatweel("الـ54 مـرحبا"), remove_all_tatweel("المدينة ـ أصيل")
    ('ال54 مرحبا', 'المدينة أصيل')
    """
    if araby.TATWEEL not in text:
        return text
    return _TATWEEL_RUNS.sub("", text)


def ascii_digits(text: str) -> str:
    """Write Arabic-Indic and Persian digits as ASCII digits.

    >>> ascii_digits("٢٠٢٣ و۱۴")
    '2023 و14'
    """
    return text.translate(_DIGITS)


def _mark_remover(marks: str) -> re.Pattern[str]:
    """A pattern of runs of ``marks`` to delete.  A run standing as a word of its own goes
    with the space before it (at a line's start, with the space after it), so that no double,
    leading or trailing space is left for a second clean to find; a run against a word
    leaves the spaces as they are (``ريب ۛفيه`` is ``ريب فيه``, not ``ريبفيه``)."""
    run = f"[{marks}]+"
    # Spaces are tried only from the start of their run (the look-behind), so a long run of
    # spaces costs one attempt, not one a position: the scan stays linear.
    return re.compile(f"(?m)^(?:{run}[ \t]*)+|(?<![ \t])[ \t]+{run}(?=[ \t]|$)|{run}")


#: The marks of S104, pyarabic's TASHKEEL and the dagger alef.
_DIACRITIC_RUNS = _mark_remover("".join(chr(point) for point in sorted(_DIACRITICS)))
_TATWEEL_RUNS = _mark_remover(araby.TATWEEL)
#: The Quranic annotation signs of ``chars/quranic_marks.tsv``.
_QURANIC_ANNOTATION = _mark_remover("".join(sorted(datafiles.char_table("chars/quranic_marks.tsv"))))


def remove_quranic_annotations(text: str) -> str:
    """Remove the Quranic annotation signs: pause marks (ۖ ۗ ۛ), small high and low letters, stop signs.

    A pause mark written as a word of its own goes with its space; the harakat stay (rule S104
    removes them).

    >>> remove_quranic_annotations("لَا رَيْبَ ۛ فِيهِ ۛ هُدًى لِّلْمُتَّقِينَ")
    'لَا رَيْبَ فِيهِ هُدًى لِّلْمُتَّقِينَ'
    >>> remove_quranic_annotations("وَمِمَّا رَزَقْنَٰهُمْ يُنفِقُونَ ۝٣ ﷺ")
    'وَمِمَّا رَزَقْنَٰهُمْ يُنفِقُونَ ۝٣ ﷺ'
    """
    return _QURANIC_ANNOTATION.sub("", text)
