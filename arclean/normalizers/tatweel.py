"""Decorative tatweel: rule L201.

ARABIC TATWEEL (U+0640) stretches the joining stroke between two letters to
justify a line or to decorate a word (``الديكــــور``).  Between letters it never
changes the word, so it goes.  Elsewhere it means something and stays:

- after a clitic or abbreviation before a non-letter: ``بـ12``, ``الـ54``,
  ``بـ«المجلس»``, ``لـ"الميادين"``, ``1444هـ``;
- standing alone as a dash: ``المدينة المنورة ـ أصيل``;
- carrying a dagger alef (U+0670), as in ``الرَّحْمَـٰنِ``: there it is the seat
  of a letter;
- carrying a haraka when the letter before it has one of its own: removing it
  would stack two harakat on one letter.
"""

from __future__ import annotations

import regex

from ..patterns import ARABIC_LETTERS, ARABIC_MARKS, TATWEEL

_MARKS_NO_DAGGER = ARABIC_MARKS.replace("\u0670", "")
_BETWEEN_LETTERS = regex.compile(
    f"(?<=[{ARABIC_LETTERS}]([{ARABIC_MARKS}]*)){TATWEEL}+(?!\u0670)(?=([{_MARKS_NO_DAGGER}]*)[{ARABIC_LETTERS}])"
)


def remove_decorative_tatweel(text: str) -> str:
    """Remove ARABIC TATWEEL (U+0640) between two letters, where it is decoration.

    >>> remove_decorative_tatweel("الديكــــور الداخلي، وأُطْــلـقُـها")
    'الديكور الداخلي، وأُطْلقُها'
    >>> remove_decorative_tatweel("بـ12 الـ54 1444هـ المنورة ـ أصيل الرَّحْمَـٰنِ")
    'بـ12 الـ54 1444هـ المنورة ـ أصيل الرَّحْمَـٰنِ'
    """
    if TATWEEL not in text:
        return text
    return _BETWEEN_LETTERS.sub(_drop_unless_marks_would_stack, text)


def _drop_unless_marks_would_stack(match: regex.Match[str]) -> str:
    marks_before, marks_after = match.group(1), match.group(2)
    return match.group(0) if marks_before and marks_after else ""
