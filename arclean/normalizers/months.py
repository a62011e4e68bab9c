"""Month names: misspellings (T101) and the spacing of month pairs (T102).

Arabic has four month-name systems in daily use (Egyptian/Gulf ``يناير``,
Levantine ``كانون الثاني``, Moroccan ``دجنبر``, Algerian/Tunisian ``جانفي``), each
with accepted spellings with and without hamza.  All of them are correct and
none is ever changed (``data/months/months.tsv``).  What is fixed:

- a listed misspelling (``ديسميبر`` → ``ديسمبر``, ``data/months/misspellings.tsv``);
- a word one edit away from exactly one month name of five letters or more,
  in a date context: a day number before it, a year after it, or ``شهر``
  before it.  A word that is a word in its own right
  (``data/months/not_months.txt``) is never changed;
- a pair of names of the same month written around a slash with spaces
  (``اب / اغسطس``): the spaces go, as news agencies write it (``اب/اغسطس``).

Words carry clitics: ``ويوليو`` is ``و`` + ``يوليو``.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from .. import tables
from ..patterns import ARABIC_LETTERS, DIGITS

_NOT_LETTER_BEFORE = f"(?<![{ARABIC_LETTERS}])"
_NOT_LETTER_AFTER = f"(?![{ARABIC_LETTERS}])"
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه"})


def _fold(word: str) -> str:
    return word.translate(_FOLD)


@lru_cache(maxsize=1)
def _spellings() -> dict[str, tuple[int, str]]:
    """Every month spelling -> (month number, system)."""
    return {month.name: (month.number, month.system) for month in tables.months()}


@lru_cache(maxsize=1)
def _valid_words() -> frozenset[str]:
    names = {_fold(name) for name in _spellings() if " " not in name}
    return frozenset(names | {_fold(word) for word in tables.word_list("months/not_months.txt")})


@lru_cache(maxsize=1)
def _near_miss_targets() -> dict[str, list[str]]:
    """Folded month name (5+ letters) -> its spellings, canonical first."""
    targets: dict[str, list[str]] = {}
    for name in _spellings():
        if " " not in name and len(name) >= 5:
            targets.setdefault(_fold(name), []).append(name)
    return targets


@lru_cache(maxsize=1)
def _misspelling_pattern() -> regex.Pattern[str]:
    typos = sorted(tables.corrections("months/misspellings.tsv"), key=len, reverse=True)
    return regex.compile(f"{_NOT_LETTER_BEFORE}([وفبل]{{0,2}})({'|'.join(typos)}){_NOT_LETTER_AFTER}")


_WORD = f"[{ARABIC_LETTERS}]{{5,}}"
_DATE_CONTEXT_WORD = regex.compile(
    f"(?:(?<=(?<![{DIGITS}])[{DIGITS}]{{1,2}}[ \t])|(?<=(?<![{ARABIC_LETTERS}])[وفبل]?(?:ال)?شهر[ \t])){_NOT_LETTER_BEFORE}([وفبل]?)({_WORD}){_NOT_LETTER_AFTER}"
    f"|{_NOT_LETTER_BEFORE}([وفبل]?)({_WORD})(?=[ \t،,]+[{DIGITS}]{{4}}(?![{DIGITS}]))"
)


def is_one_edit(a: str, b: str) -> bool:
    """Return True when ``a`` becomes ``b`` by one insertion, deletion,
    substitution or swap of two neighbours.

    >>> is_one_edit("ديسميبر", "ديسمبر"), is_one_edit("نسيان", "نيسان"), is_one_edit("يناير", "يناير")
    (True, True, False)
    """
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
        if len(diffs) == 1:
            return True
        return len(diffs) == 2 and diffs[1] == diffs[0] + 1 and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]]
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    for i in range(len(longer)):
        if longer[:i] + longer[i + 1 :] == shorter:
            return True
    return False


def _correct_near_miss(word: str) -> str | None:
    folded = _fold(word)
    if folded in _valid_words():
        return None
    matches = [target for target in _near_miss_targets() if is_one_edit(folded, target)]
    if len(matches) != 1:
        return None
    spellings = _near_miss_targets()[matches[0]]
    return min(spellings, key=lambda spelling: (_edit_cost(word, spelling), spellings.index(spelling)))


def _edit_cost(a: str, b: str) -> int:
    return sum(1 for x, y in zip(a, b) if x != y) + abs(len(a) - len(b))


def fix_month_misspellings(text: str) -> str:
    """Correct misspelt month names (``ديسميبر`` → ``ديسمبر``).

    >>> fix_month_misspellings("سمح الأسد في ديسميبر 2018 وفي 5 نوفمير ووديسمبر")
    'سمح الأسد في ديسمبر 2018 وفي 5 نوفمبر ووديسمبر'
    >>> fix_month_misspellings("ابريل اغسطس يوليه كانون الاول دجنبر 3 أيام نسيان 2020")
    'ابريل اغسطس يوليه كانون الاول دجنبر 3 أيام نسيان 2020'
    """
    text = _misspelling_pattern().sub(_replace_listed, text)
    if not regex.search(f"[{DIGITS}]|شهر", text):
        return text
    return _DATE_CONTEXT_WORD.sub(_replace_near_miss, text)


def _replace_listed(match: regex.Match[str]) -> str:
    clitics, typo = match.groups()
    return clitics + tables.corrections("months/misspellings.tsv")[typo][0]


def _replace_near_miss(match: regex.Match[str]) -> str:
    clitic = match.group(1) if match.group(2) else match.group(3)
    word = match.group(2) or match.group(4)
    for split in ((clitic, word), ("", clitic + word)):
        if not split[1]:
            continue
        if _fold(split[1]) in _valid_words():
            return match.group(0)
    corrected = _correct_near_miss(word)
    if corrected is None:
        return match.group(0)
    return clitic + corrected


@lru_cache(maxsize=1)
def _pair_pattern() -> regex.Pattern[str]:
    names = sorted(_spellings(), key=len, reverse=True)
    alternation = "|".join(regex.escape(name) for name in names)
    clitic = f"(?:[وفبل](?=[{ARABIC_LETTERS}]{{4}}))?"
    return regex.compile(f"{_NOT_LETTER_BEFORE}({clitic})({alternation})([ \t]*/[ \t]*)({alternation}){_NOT_LETTER_AFTER}")


def join_month_pairs(text: str) -> str:
    """Remove the spaces around the slash between two names of the same month.

    >>> join_month_pairs("وفي اب / اغسطس الجاري، في ديسمبر/ كانون الأول 2017")
    'وفي اب/اغسطس الجاري، في ديسمبر/كانون الأول 2017'
    >>> join_month_pairs("بين يناير / مارس")
    'بين يناير / مارس'
    """
    if "/" not in text:
        return text
    return _pair_pattern().sub(_join_pair, text)


def _join_pair(match: regex.Match[str]) -> str:
    clitic, first, slash, second = match.groups()
    spellings = _spellings()
    if slash == "/" or spellings[first][0] != spellings[second][0]:
        return match.group(0)
    return f"{clitic}{first}/{second}"
