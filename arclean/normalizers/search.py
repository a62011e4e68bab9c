"""The search profile: lossy normalizations for search and NLP (rules S101-S106, opt-in).

These fold spelling variation that a search index should not distinguish.
They lose information a reader needs (hamza, vowels, the difference between
``على`` and ``علي``), so the default pipeline never runs them; select them
with ``profile="search"`` or by code.  Each gives the same output as CAMeL
Tools' function of the same purpose (``normalize_alef_ar``,
``normalize_alef_maksura_ar``, ``normalize_teh_marbuta_ar``, ``dediac_ar``);
the test suite checks that on generated text.
"""

from __future__ import annotations

import regex

_ALEF_FORMS = str.maketrans({"\u0625": "\u0627", "\u0623": "\u0627", "\u0671": "\u0627", "\u0622": "\u0627"})
_DIACRITICS = regex.compile("[\u064b-\u0652\u0670]")
_DIGITS = str.maketrans({**{chr(0x0660 + d): str(d) for d in range(10)}, **{chr(0x06F0 + d): str(d) for d in range(10)}})


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
    return text.replace("\u0649", "\u064a")


def teh_marbuta_to_heh(text: str) -> str:
    """Write TEH MARBUTA (ة) as HEH (ه).

    >>> teh_marbuta_to_heh("مدرسة")
    'مدرسه'
    """
    return text.replace("\u0629", "\u0647")


def remove_diacritics(text: str) -> str:
    """Remove the harakat, tanween, shadda, sukun and the dagger alef (U+064B-U+0652, U+0670).

    >>> remove_diacritics("الرَّحْمَٰنِ")
    'الرحمن'
    """
    return _DIACRITICS.sub("", text)


def remove_all_tatweel(text: str) -> str:
    """Remove every ARABIC TATWEEL (U+0640), meaningful ones too (``بـ12`` → ``ب12``).

    >>> remove_all_tatweel("الـ54 مـرحبا")
    'ال54 مرحبا'
    """
    return text.replace("\u0640", "")


def ascii_digits(text: str) -> str:
    """Write Arabic-Indic and Persian digits as ASCII digits.

    >>> ascii_digits("٢٠٢٣ و۱۴")
    '2023 و14'
    """
    return text.translate(_DIGITS)
