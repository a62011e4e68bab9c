"""Clitics: the letters Arabic writes joined to a word, and the patterns built from them.

Every rule that looks a word up, or a quotation's opening, strips or skips these, and each
takes them from here: the proclitic letters once, as character classes, and the affixes a
listed word may carry from ``data/words/proclitics.txt`` and ``data/words/pronoun_suffixes.txt``.

>>> import re
>>> re.fullmatch(WORD_PREFIX, "\u0648\u0628\u0627\u0644") is not None  # و + ب + ال
True
>>> re.fullmatch(PROCLITIC_RUN, "\u0644\u0644") is not None, re.fullmatch(PROCLITIC_RUN, "\u0627") is not None  # لل, ا
(True, False)
"""

from __future__ import annotations

from functools import lru_cache

from .. import datafiles

#: The conjunctions و and ف.
CONJUNCTIONS = "\u0648\u0641"  # WAW, FEH
#: The prepositions ب, ل and ك.
PREPOSITIONS = "\u0628\u0644\u0643"  # BEH, LAM, KAF
#: The article ال.
ARTICLE = "\u0627\u0644"  # ALEF, LAM
_LAM = "\u0644"
#: The one-letter proclitics a month name takes (وديسمبر, فديسمبر, بديسمبر, لديسمبر;
#: not ك, which does not go before a date).
MONTH_CLITICS = CONJUNCTIONS + PREPOSITIONS[:2]

#: What may start a word before its stem, each part optional: a conjunction, a preposition,
#: the article (``وبالمدينة``).  A regular-expression source.
WORD_PREFIX = f"[{CONJUNCTIONS}]?[{PREPOSITIONS}]?(?:{ARTICLE})?"
#: A run of at least one proclitic written as a word of its own before a quotation
#: (``لـ"المواطنين"``, ``و"الأهرام"``): a conjunction, then a preposition with or without the
#: article, the article alone or ``لل``; or a conjunction alone.  A regular-expression source.
PROCLITIC_RUN = f"(?:[{CONJUNCTIONS}]?(?:[{PREPOSITIONS}]?{ARTICLE}|{_LAM}{_LAM}|[{PREPOSITIONS}])|[{CONJUNCTIONS}])"


@lru_cache(maxsize=1)
def listed_prefixes() -> tuple[str, ...]:
    """The proclitics a word of a list may carry (``بالتعليقات`` is ``تعليقات``), longest first."""
    return _longest_first(datafiles.word_list("words/proclitics.txt"))


@lru_cache(maxsize=1)
def pronoun_suffixes() -> tuple[str, ...]:
    """The possessive and object pronouns a word of a list may carry (``تسجيلكم``), longest first."""
    return _longest_first(datafiles.word_list("words/pronoun_suffixes.txt"))


def _longest_first(words: frozenset[str]) -> tuple[str, ...]:
    return tuple(sorted(words, key=lambda word: (-len(word), word)))
