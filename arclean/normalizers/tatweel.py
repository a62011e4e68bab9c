"""Decorative tatweel: rule L201.

ARABIC TATWEEL (U+0640) stretches the joining stroke between two letters to
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

import regex

from ..patterns import ARABIC_LETTERS, ARABIC_MARKS, TATWEEL

#: A stretch between two letters: the marks of the letter before, then
#: tatweels and marks, at least one tatweel.  Each position after a letter
#: starts at most one attempt, and no stretch holds a letter, so the scan is
#: linear.
_BETWEEN_LETTERS = regex.compile(
    f"(?<=[{ARABIC_LETTERS}])([{ARABIC_MARKS}]*)({TATWEEL}[{TATWEEL}{ARABIC_MARKS}]*)(?=[{ARABIC_LETTERS}])"
)
_TATWEELS = regex.compile(f"{TATWEEL}+")
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
    return _BETWEEN_LETTERS.sub(_drop_unless_meaningful, text)


def _drop_unless_meaningful(match: regex.Match[str]) -> str:
    """The stretch without its tatweels, unless one carries a dagger alef or
    the marks left would stack on the letter before."""
    if _DAGGER_ALEF in match.group(2):
        return match.group(0)
    marks = match.group(1) + _TATWEELS.sub("", match.group(2))
    if len(_VOWEL_SIGNS.findall(marks)) > 1 or marks.count(_SHADDA) > 1:
        return match.group(0)
    return marks
