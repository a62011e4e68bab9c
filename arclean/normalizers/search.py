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

from pyarabic import araby

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

    >>> remove_diacritics("الرَّحْمَٰنِ")
    'الرحمن'
    """
    return text.translate(_DIACRITICS)


def remove_all_tatweel(text: str) -> str:
    """Remove every ARABIC TATWEEL (U+0640), meaningful ones too (``بـ12`` → ``ب12``).

    >>> remove_all_tatweel("الـ54 مـرحبا")
    'ال54 مرحبا'
    """
    return text.replace(araby.TATWEEL, "")


def ascii_digits(text: str) -> str:
    """Write Arabic-Indic and Persian digits as ASCII digits.

    >>> ascii_digits("٢٠٢٣ و۱۴")
    '2023 و14'
    """
    return text.translate(_DIGITS)
