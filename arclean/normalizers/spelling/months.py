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

import re
from functools import lru_cache, partial
from typing import Callable, Iterable, Iterator

from ... import datafiles
from ..._compiled import speedups
from ...text.chars import ARABIC_LETTERS, DIGITS
from ...text.clitics import ARTICLE, MONTH_CLITICS
from ...text.folding import SPELLING_FOLDS

_NOT_LETTER_BEFORE = f"(?<![{ARABIC_LETTERS}])"
_NOT_LETTER_AFTER = f"(?![{ARABIC_LETTERS}])"
_FOLD = str.maketrans(SPELLING_FOLDS)


def _fold(word: str) -> str:
    return word.translate(_FOLD)


@lru_cache(maxsize=1)
def _spellings() -> dict[str, tuple[int, str]]:
    """Every month spelling -> (month number, system)."""
    return {month.name: (month.number, month.system) for month in datafiles.months()}


@lru_cache(maxsize=1)
def _valid_words() -> frozenset[str]:
    names = {_fold(name) for name in _spellings() if " " not in name}
    return frozenset(names | {_fold(word) for word in datafiles.word_list("months/not_months.txt")})


@lru_cache(maxsize=1)
def _near_miss_targets() -> dict[str, list[str]]:
    """Folded month name (5+ letters) -> its spellings, canonical first."""
    targets: dict[str, list[str]] = {}
    for name in _spellings():
        if " " not in name and len(name) >= 5:
            targets.setdefault(_fold(name), []).append(name)
    return targets


@lru_cache(maxsize=1)
def _misspelling_pattern() -> re.Pattern[str]:
    typos = sorted(datafiles.corrections("months/misspellings.tsv"), key=len, reverse=True)
    return re.compile(f"{_NOT_LETTER_BEFORE}([{MONTH_CLITICS}]{{0,2}})({'|'.join(typos)}){_NOT_LETTER_AFTER}")


@lru_cache(maxsize=1)
def _misspellings() -> tuple[str, ...]:
    """The listed misspellings, for a fast first look: the text holds one of
    them as a substring (the pattern needs one as a word).  A substring test
    each (``str.__contains__`` skips through the text) is faster than a
    regular expression's alternation, tried at every alef of the text."""
    return tuple(sorted(datafiles.corrections("months/misspellings.tsv"), key=len, reverse=True))


def _holds_misspelling(text: str) -> bool:
    for typo in _misspellings():
        if typo in text:
            return True
    return False


if speedups is not None:
    _needles_in = speedups.needles_in

    def _holds_misspelling(text: str) -> bool:  # noqa: F811 (the compiled core: one scan for 64 of them)
        for chunk in _misspelling_chunks():  # one today: one scan (a loop, not a generator to drive)
            if _needles_in(text, chunk, False):
                return True
        return False


#: What T101's first look at a text found: a listed misspelling (the text holds one as a
#: substring), an anchor word (ditto: :func:`_anchor_ends` may find a date context).
_LISTED, _ANCHORED = 1, 2


def python_first_look(text: str) -> int:
    """Does the text hold a listed misspelling (``_LISTED``), an anchor word
    (``_ANCHORED``: asked here in pure Python, where :func:`_anchor_ends` looks for
    them itself)?  With the compiled core, both are read from the look the pipeline
    took of the text (or one scan of it).

    >>> _first_look("في ديسميبر من كل شهر") == _LISTED | _ANCHORED, _first_look("في ديسمبر") & _LISTED
    (True, 0)
    """
    return (_LISTED if _holds_misspelling(text) else 0) | _ANCHORED


_first_look = python_first_look
if speedups is not None:

    def _first_look(text: str) -> int:  # noqa: F811 (the pipeline's look at the text answers, or one scan)
        reader = _look_reader()
        if reader is None:  # the look does not hold them all
            return python_first_look(text)
        needles_of, (listed, anchored) = reader
        found = needles_of(text)
        return (_LISTED if found & listed else 0) | (_ANCHORED if found & anchored else 0)


@lru_cache(maxsize=1)
def _look_reader() -> tuple[Callable[[str], int], tuple[int, ...]] | None:
    """What :func:`_first_look` reads with the compiled core (:func:`arclean.look.needle_reader`):
    the look's answer for a text, which finds ``FIRST_LOOK_WORDS`` with every rule's needles
    (T101's own: the pipeline has looked at the text T101 runs on), and the bits of
    the misspellings and of the anchor words in it."""
    from ... import look  # here, not at import: look.py reads the rule table, which reads this module

    return look.needle_reader(_misspellings(), _ANCHOR_WORDS)


@lru_cache(maxsize=1)
def _misspelling_chunks() -> tuple[tuple[str, ...], ...]:
    """The listed misspellings in groups of at most 64, as the compiled core's
    ``needles_in`` takes them (fifteen today: one group)."""
    typos = _misspellings()
    return tuple(typos[start:start + 64] for start in range(0, len(typos), 64))


#: Date contexts, found from their anchors (numbers and the anchor words of
#: ``months/anchors.txt``, "month", are rare in text, so the rule looks only there): a day
#: number before the word, a year after it, or an anchor word before it.
_ANCHOR_WORDS = tuple(sorted(datafiles.word_list("months/anchors.txt")))
#: What T101's first look asks a text about: the listed misspellings and the anchor words
#: (among its needles: the pipeline's look at a text finds them).
FIRST_LOOK_WORDS = _misspellings() + _ANCHOR_WORDS
#: T101 changes only a text holding a listed misspelling, an anchor word or a digit (a
#: date context starts from one of them): its needles are those words and the ASCII
#: digits, its gate the other digits (``Rule.either``: one or the other opens it).
TRIGGER_NEEDLES = FIRST_LOOK_WORDS + tuple("0123456789")
_OTHER_DIGITS = re.compile("[\u0660-\u0669\u06f0-\u06f9]")


def other_digits() -> re.Pattern[str]:
    """The digits of a date number that are not ASCII (Arabic-Indic and Persian):
    T101's gate, which with its needles (:data:`TRIGGER_NEEDLES`) holds every
    character of ``DIGITS``."""
    return _OTHER_DIGITS


_ANCHOR = re.compile(f"(?<![{ARABIC_LETTERS}])[{MONTH_CLITICS}]?(?:{ARTICLE})?(?:{'|'.join(_ANCHOR_WORDS)})[ \t]+")
#: A word looked at in a date context has this many letters at least (after its clitic).
_MIN_LETTERS = 5
#: What may stand between a day's number and the word after it.
_DAY_SPACES = " \t"
_WORD_AFTER = re.compile(
    f"[{_DAY_SPACES}]*{_NOT_LETTER_BEFORE}([{MONTH_CLITICS}]?)([{ARABIC_LETTERS}]{{{_MIN_LETTERS},}}){_NOT_LETTER_AFTER}"
)
#: What may stand between a month's name and the year after it.
_YEAR_SEPARATORS = " \t،,"
_WORD_BEFORE = re.compile(f"{_NOT_LETTER_BEFORE}([{MONTH_CLITICS}]?)([{ARABIC_LETTERS}]{{{_MIN_LETTERS},}})[{_YEAR_SEPARATORS}]+$")
_LOOK_BACK = 40
#: An anchor word and the white space after it, the literal that every match of _ANCHOR
#: holds: found by a fast literal search, where _ANCHOR, which starts with a look-behind,
#: is tried at every position.  A match of _ANCHOR starts at most this many characters
#: before its anchor word (a clitic and the article).
_ANCHOR_WORD = re.compile(f"(?:{'|'.join(_ANCHOR_WORDS)})[ \t]+")
_ANCHOR_REACH = 1 + len(ARTICLE)
#: The numbers a date context starts from, in one scan: a run of one or two digits
#: with a word of five letters or more after it (the word after, groups 1 and 2:
#: _WORD_AFTER's), or of four digits (a year: the word before it is looked for).
#: Each starts with a digit not after another (the scan skips to digits), and
#: ends where the run ends.
_DATE_NUMBER = re.compile(
    f"[{DIGITS}](?<![{DIGITS}]{{2}})(?:[{DIGITS}]?(?![{DIGITS}])(?={_WORD_AFTER.pattern})|[{DIGITS}]{{3}}(?![{DIGITS}]))"
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
        diffs = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        if len(diffs) == 1:
            return True
        return len(diffs) == 2 and diffs[1] == diffs[0] + 1 and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]]
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    for i in range(len(longer)):
        if longer[:i] + longer[i + 1 :] == shorter:
            return True
    return False


@lru_cache(maxsize=8192)
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
    return sum(1 for x, y in zip(a, b, strict=False) if x != y) + abs(len(a) - len(b))


def fix_month_misspellings(text: str) -> str:
    """Correct misspelt month names (``ديسميبر`` → ``ديسمبر``).

    >>> fix_month_misspellings("سمح الأسد في ديسميبر 2018 وفي 5 نوفمير ووديسمبر")
    'سمح الأسد في ديسمبر 2018 وفي 5 نوفمبر ووديسمبر'
    >>> fix_month_misspellings("ابريل اغسطس يوليه كانون الاول دجنبر 3 أيام نسيان 2020")
    'ابريل اغسطس يوليه كانون الاول دجنبر 3 أيام نسيان 2020'
    """
    found = _first_look(text)
    if found & _LISTED:
        text = _misspelling_pattern().sub(_replace_listed, text)
        found |= _ANCHORED  # the anchor words looked for again in the text as it now is
    elif _all_known is not None and _all_known(text, found & _ANCHORED):
        return text  # every word looked at was found to need no fix before (most texts)
    fixes: dict[int, tuple[int, str]] = {}
    for clitic, word, start, end in date_words(text):
        corrected = _correction(clitic, word)
        if corrected is not None:
            fixes[start] = (end, corrected)
    for end in _anchor_ends(text) if found & _ANCHORED else ():
        _consider(_WORD_AFTER.match(text, end), fixes)
    if not fixes:
        return text  # most texts: no date word misspelt (and no sort to pay for)
    for start in sorted(fixes, reverse=True):
        end, corrected = fixes[start]
        text = text[:start] + corrected + text[end:]
    return text


def python_date_words(text: str) -> Iterator[tuple[str, str, int, int]]:
    """The words beside the text's date numbers, in the order of the numbers: after a
    day's number (one or two digits), before a year (four), each as (clitic, word,
    start, end) of the word.  The pure-Python reference of the compiled core's.

    >>> list(python_date_words("في 5 نوفمير، وفي ديسمبر 2018 و12 ساعة"))
    [('', 'نوفمير', 5, 11), ('', 'ديسمبر', 17, 23)]
    """
    for anchor in _DATE_NUMBER.finditer(text):
        if anchor.group(2) is not None:  # a day's number and the word after it
            match: re.Match[str] | None = anchor
        else:
            match = _WORD_BEFORE.search(text, max(0, anchor.start() - _LOOK_BACK), anchor.start())
        if match is not None:
            yield match.group(1), match.group(2), match.start(2), match.end(2)


def _class_members(*char_classes: str) -> list[str]:
    """The characters of each character class, in the Basic Multilingual Plane."""
    plane = "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x10000)))
    return ["".join(re.findall(f"[{char_class}]", plane)) for char_class in char_classes]


date_words: Callable[[str], Iterable[tuple[str, str, int, int]]] = python_date_words
if speedups is not None:
    try:  # the compiled core's one scan, with the classes and bounds above (the classes all below U+0800)
        speedups.set_date_classes(*_class_members(DIGITS, ARABIC_LETTERS), MONTH_CLITICS, _YEAR_SEPARATORS, _DAY_SPACES,
                                  _MIN_LETTERS, _LOOK_BACK)
        date_words = speedups.date_words
    except ValueError:
        pass


def python_anchor_ends(text: str) -> list[int]:
    """Where each match of ``_ANCHOR`` in the text ends, as ``_ANCHOR.finditer`` finds
    them: from each anchor word, the leftmost start within reach that matches.  The
    reference of the compiled core's ``anchor_ends``, which tries no pattern.

    >>> python_anchor_ends("في شهر ديسمبر والشهر المقبل وأشهر عدة")
    [7, 21]
    """
    ends: list[int] = []
    first = _ANCHOR_WORD.search(text)
    if first is None:
        return ends  # most texts hold no anchor word
    last = 0
    for word in _ANCHOR_WORD.finditer(text, first.start()):  # from the first, not found twice
        for start in range(max(last, word.start() - _ANCHOR_REACH), word.start() + 1):
            match = _ANCHOR.match(text, start)
            if match is not None:
                last = match.end()
                ends.append(last)
                break
    return ends


_anchor_ends: Callable[[str], list[int]] = python_anchor_ends


#: The words (each with its clitic, as the text has them: a run of letters) that :func:`_correction`
#: found no fix for.  A run splits into a clitic and a word one way, whichever date context it
#: stands in (a clitic, when enough letters follow it): the run alone says what the rule does.
NO_FIX: set[str] = set()
#: Runs kept in :data:`NO_FIX` at most (any beyond clear it).
_NO_FIX_KEPT = 1 << 14


#: With the compiled core, the fast path's look (below); without it, none: the rule looks at every word.
_all_known: Callable[[str, int], bool] | None = None
if speedups is not None and date_words is not python_date_words:  # the compiled core, its classes set
    _compiled_anchor_ends = speedups.anchor_ends

    def _anchor_ends(text: str) -> list[int]:  # noqa: F811 (the words and their starts found by a scan, no pattern tried)
        ends: list[int] = _compiled_anchor_ends(text, _ANCHOR_WORDS, ARTICLE, _ANCHOR_REACH)
        return ends

    #: Is every run of letters the rule looks at (beside a date number, and after an anchor word
    #: when the text holds one) in :data:`NO_FIX`?  Then no word of the text needs a fix (but a
    #: listed misspelling, which the rule's first look asks about first).  One scan, no word made
    #: but to be looked up; a partial, called without a Python frame.
    _all_known = partial(speedups.dates_known, NO_FIX, _ANCHOR_WORDS, ARTICLE, _ANCHOR_REACH)


def _replace_listed(match: re.Match[str]) -> str:
    clitics, typo = match.groups()
    return clitics + datafiles.corrections("months/misspellings.tsv")[typo][0]


def _consider(match: re.Match[str] | None, fixes: dict[int, tuple[int, str]]) -> None:
    """Record the correction of a word found in a date context, if it is a near miss."""
    if match is None:
        return
    corrected = _correction(match.group(1), match.group(2))
    if corrected is not None:
        fixes[match.start(2)] = (match.end(2), corrected)


@lru_cache(maxsize=8192)
def _correction(clitic: str, word: str) -> str | None:
    """The correction of a word (after a clitic) found in a date context, or
    None: words repeat across texts (found once).  A word with none is noted in
    :data:`NO_FIX`, where the compiled core's first look finds it."""
    corrected = _find_correction(clitic, word)
    if corrected is None:
        if len(NO_FIX) >= _NO_FIX_KEPT:
            NO_FIX.clear()
        NO_FIX.add(clitic + word)
    return corrected


def _find_correction(clitic: str, word: str) -> str | None:
    for candidate in (word, clitic + word):
        if _fold(candidate) in _valid_words():
            return None
    return _correct_near_miss(word)


@lru_cache(maxsize=1)
def _pair_pattern() -> re.Pattern[str]:
    names = sorted(_spellings(), key=len, reverse=True)
    alternation = "|".join(re.escape(name) for name in names)
    clitic = f"(?:[{MONTH_CLITICS}](?=[{ARABIC_LETTERS}]{{4}}))?"
    return re.compile(f"{_NOT_LETTER_BEFORE}({clitic})({alternation})([ \t]*/[ \t]*)({alternation}){_NOT_LETTER_AFTER}")


#: T102 changes only a text with white space beside a slash (``Rule.needles``).
PAIR_NEEDLES = (" /", "/ ", "\t/", "/\t")


def join_month_pairs(text: str) -> str:
    """Remove the spaces around the slash between two names of the same month.

    >>> join_month_pairs("وفي اب / اغسطس الجاري، في ديسمبر/ كانون الأول 2017")
    'وفي اب/اغسطس الجاري، في ديسمبر/كانون الأول 2017'
    >>> join_month_pairs("بين يناير / مارس")
    'بين يناير / مارس'
    """
    if "/" not in text:
        return text
    # A pair is only joined when white space stands beside its slash.
    if not any(needle in text for needle in PAIR_NEEDLES) or not _name_before_a_slash(text):
        return text
    joined = _join_pairs(text)
    return text if joined == text else joined  # pairs of two months only: the text itself


def _join_pairs(text: str) -> str:
    """``_pair_pattern().sub(_join_pair, text)``, the pattern tried only near the slashes.

    A pair holds one slash, and starts at most a clitic and the longest name before the
    white space in front of it: the pattern, which starts with a look-behind, is tried
    there, at each position in order, not at every position of the text (the way a
    substitution finds its matches, each after the last one's end).

    >>> _join_pairs("في 12 / 5 وفي اب / اغسطس، وفي يناير / كانون الثاني")
    'في 12 / 5 وفي اب/اغسطس، وفي يناير/كانون الثاني'
    """
    pattern = _pair_pattern()
    _names, longest = _names_by_length()
    pieces: list[str] = []
    done = 0  # where the last pair ended: the next starts there or after
    at = text.find("/")
    while at >= 0:
        spaces = _spaces_before(text, at)
        for start in range(max(done, spaces - longest - 1), spaces):
            match = pattern.match(text, start)
            if match is not None:
                pieces += (text[done:start], _join_pair(match))
                done = match.end()
                break
        at = text.find("/", at + 1)  # past the pair, if one was found: a pair holds one slash
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


def _name_before_a_slash(text: str) -> bool:
    """Does a month's name end right before a slash (spaces and tabs between), as a
    pair's first name does?  Each slash found by a search, where the pair pattern,
    which starts with a look-behind, is tried at every position.

    >>> _name_before_a_slash("في 12 / 5 وفي اب / اغسطس"), _name_before_a_slash("في 12 / 5")
    (True, False)
    """
    names, longest = _names_by_length()
    at = text.find("/")
    while at >= 0:
        end = _spaces_before(text, at)
        if text.endswith(names, max(0, end - longest), end):
            return True
        at = text.find("/", at + 1)
    return False


def _spaces_before(text: str, slash: int) -> int:
    """Where the spaces and tabs before the slash start: where a pair's first name ends.

    >>> _spaces_before("اب \t/اغسطس", 4), _spaces_before("/اغسطس", 0)
    (2, 0)
    """
    while slash and text[slash - 1] in " \t":
        slash -= 1
    return slash


@lru_cache(maxsize=1)
def _names_by_length() -> tuple[tuple[str, ...], int]:
    """Every month spelling, and the longest one's length."""
    names = tuple(_spellings())
    return names, max(map(len, names))


def _join_pair(match: re.Match[str]) -> str:
    clitic, first, slash, second = match.groups()
    spellings = _spellings()
    if slash == "/" or spellings[first][0] != spellings[second][0]:
        return match.group(0)
    return f"{clitic}{first}/{second}"
