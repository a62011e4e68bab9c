"""Spacing around punctuation: rules P101-P102 (default) and P201-P205 (opt-in).

Arabic punctuation takes no space before it and one after it.  The default
rules fix only that, for the three marks that are Arabic's own (، ؛ ؟).  How a
writer spaces ``.`` ``:`` ``!``, quotes and brackets is often a deliberate,
French-influenced house style; the rules that change it are opt-in.  No rule
here touches a number, time, URL, e-mail address or decimal (``3.5``,
``12:30``, ``٣٫٥``): each requires a letter or a space on the side it changes.
"""

from __future__ import annotations

import re
from itertools import accumulate, pairwise

from .._compiled import speedups
from ..text.chars import ARABIC_LETTERS, ARABIC_MARKS
from .encoding.mojibake import ends_broken_pair, utf8_shown_as_cp1256
from .whitespace import replace_in_passes

_SPACE_BEFORE_ARABIC_MARK = re.compile(r"[ \t]+(?=[،؛؟])")
_ARABIC_MARK_BEFORE_LETTER = re.compile(f"([،؛؟])(?=[{ARABIC_LETTERS}])")
_SPACE_BEFORE_LATIN_MARK = re.compile(f"(?<=[{ARABIC_LETTERS}{ARABIC_MARKS}\"”»)])[ \t]+(?=[.:!]+(?:[ \t]|$))", re.MULTILINE)
_SPACE_INSIDE_OPENER = re.compile(r"(?<=[«“(\[])[ \t]+")
_SPACE_INSIDE_CLOSER = re.compile(r"(?<=\S)[ \t]+(?=[»”)\]])")
_LATIN_MARK_BETWEEN_ARABIC = re.compile(
    f"(?<=[{ARABIC_LETTERS}{ARABIC_MARKS}])[ \t]*([,;?])(?=[ \t]*[{ARABIC_LETTERS}]|[ \t]*$)", re.MULTILINE
)
_ARABIC_FORM = {",": "،", ";": "؛", "?": "؟"}
_REPEATED_MARK = re.compile(r"([؟?!])\1{2,}")
_LATIN_MARK_BEFORE_LETTER = re.compile(f"(?<=[{ARABIC_LETTERS}{ARABIC_MARKS}])([,;:!?]+)(?=[{ARABIC_LETTERS}])")


def arabic_marks() -> re.Pattern[str]:
    """The marks P101 and P102 space: a text without one is left as it is."""
    return re.compile("[،؛؟]")


#: P101 changes only a text with a space or a tab right before one of the marks (``Rule.needles``).
SPACE_BEFORE_MARK_NEEDLES = tuple(space + mark for space in " \t" for mark in "،؛؟")


def remove_space_before_arabic_punctuation(text: str) -> str:
    """Remove spaces before the Arabic comma, semicolon and question mark.

    ARABIC COMMA (،), ARABIC SEMICOLON (؛) and ARABIC QUESTION MARK (؟) hang
    on the word before them.

    >>> remove_space_before_arabic_punctuation("والوفد المرافق له ، لبحث آفاق التعاون ؟")
    'والوفد المرافق له، لبحث آفاق التعاون؟'

    The spaces stay where taking them away would close a pair of UTF-8 bytes shown as
    windows-1256 (``ظ ؛``: the semicolon is byte BA there, and D9 BA a letter): rule
    E102, which runs first, would repair it only in a second clean.

    >>> remove_space_before_arabic_punctuation("خلال مط§ظ ؛„وجة الحر ، ثم")
    'خلال مط§ظ ؛„وجة الحر، ثم'
    """
    if "،" not in text and "؛" not in text and "؟" not in text:
        return text
    # Each pass takes one space or tab from before every mark.
    tight = replace_in_passes(text, _SPACE_BEFORE_MARK, _SPACE_BEFORE_ARABIC_MARK, "")
    if tight is text:
        return text  # no space before a mark (most texts P101 is asked about)
    kept = [span for line in _lines_after_broken_byte(text) for span in _closing_spaces(text, *line)]
    if not kept:
        return tight
    return _SPACE_BEFORE_ARABIC_MARK.sub(lambda spaces: spaces.group(0) if any(a <= spaces.start() < b for a, b in kept) else "",
                                         text)


def _lines_after_broken_byte(text: str) -> list[tuple[int, int]]:
    """The lines (start, end) where spaces before a mark follow what a broken pair may end
    with (:func:`~arclean.normalizers.encoding.mojibake.ends_broken_pair`): only there can
    taking them away close one.  Found from the marks (a few a page), each looked behind.

    >>> _lines_after_broken_byte("قال ، ثم"), _lines_after_broken_byte("نص\\nمط§ظ ؛„وجة")
    ([], [(3, 13)])
    """
    lines: list[tuple[int, int]] = []
    for mark in _MARKS:
        at = text.find(mark)
        while at >= 0:
            before = at
            while before > 0 and text[before - 1] in " \t":
                before -= 1
            if 0 < before < at and ends_broken_pair(text[max(0, before - 2):before]):
                line = (text.rfind("\n", 0, at) + 1, len(text) if (end := text.find("\n", at)) < 0 else end)
                if line not in lines and _BROKEN_1256.search(_SPACE_BEFORE_ARABIC_MARK.sub("", text[line[0]:line[1]])):
                    lines.append(line)  # a broken stretch at all, once its spaces are taken away
            at = text.find(mark, at + 1)
    return lines


#: A stretch of UTF-8 shown as windows-1256, as rule E102 repairs it.
_BROKEN_1256 = utf8_shown_as_cp1256()


def _closes_broken_pair(word: str) -> bool:
    """Would the word (words joined by spaces before ، ؛ ؟), with those spaces taken
    away, hold a stretch of UTF-8 shown as windows-1256 reaching across where they were
    (a pair that E102, run before P101, would repair only in a second clean)?

    >>> _closes_broken_pair("مط§ظ ؛„وجة"), _closes_broken_pair("فقط ،ثم"), _closes_broken_pair("ط ؛xط ؛")
    (True, False, True)
    """
    pieces = _SPACE_BEFORE_ARABIC_MARK.split(word)
    if len(pieces) == 1:
        return False
    joints = list(accumulate(map(len, pieces[:-1])))
    joined = "".join(pieces)
    return any(match.start() < joint < match.end() for match in _BROKEN_1256.finditer(joined) for joint in joints)


#: Words joined by spaces before a mark: one word once P101 has run.
_SPACED_WORD = re.compile(r"[^\s]+(?:[ \t]+(?=[،؛؟])[^\s]+)+")


def _closing_spaces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The stretches of the text whose spaces before a mark P101 leaves: each a word as
    P101 and P102 leave it (words joined across those spaces, cut after a mark that
    an Arabic letter follows), where taking them away would close a broken pair.  A
    second clean cuts the text the same way, and leaves the same spaces."""
    kept = []
    for word in _SPACED_WORD.finditer(text, start, end):
        cuts = [word.start(), *(mark.end() for mark in _ARABIC_MARK_BEFORE_LETTER.finditer(text, word.start(), word.end())),
                word.end()]
        for first, last in pairwise(cuts):
            if _closes_broken_pair(text[first:last]):
                kept.append((first, last))
    return kept


#: A space or a tab before a mark, and the mark alone (P101's replacements).
_SPACE_BEFORE_MARK = tuple((needle, needle[1]) for needle in SPACE_BEFORE_MARK_NEEDLES)


def add_space_after_arabic_punctuation(text: str) -> str:
    """Put one space after ، ؛ ؟ when an Arabic letter follows directly.

    >>> add_space_after_arabic_punctuation("ما هو هذا الحلا؟هل هو كعكة،أم بخور")
    'ما هو هذا الحلا؟ هل هو كعكة، أم بخور'
    """
    if not _mark_before_letter(text):
        return text
    return _ARABIC_MARK_BEFORE_LETTER.sub(r"\1 ", text)


#: The characters of ARABIC_LETTERS (all of them in U+0600-U+06FF): a set, and a str for the compiled core.
_LETTERS = frozenset(char for char in map(chr, range(0x600, 0x700)) if re.match(f"[{ARABIC_LETTERS}]", char))
_LETTER_CHARS = "".join(sorted(_LETTERS))
#: The marks P102 puts a space after.
_MARKS = "،؛؟"


def _mark_before_letter(text: str) -> bool:
    """Does an Arabic letter follow one of ، ؛ ؟ in the text?  Each mark found by a
    search (a few a page), where the pattern is tried at every position.

    >>> _mark_before_letter("قال، ثم مضى؟"), _mark_before_letter("قال،ثم")
    (False, True)
    """
    for mark in _MARKS:
        at = text.find(mark)
        while at >= 0:
            if text[at + 1:at + 2] in _LETTERS:
                return True
            at = text.find(mark, at + 1)
    return False


#: The pure-Python search: the reference of the compiled core's (``followed_by``, which
#: finds the marks and reads the letter after each without a Python loop).
python_mark_before_letter = _mark_before_letter
if speedups is not None:
    _followed_by = speedups.followed_by

    def _mark_before_letter(text: str) -> bool:  # noqa: F811 (the search in C)
        return bool(_followed_by(text, _MARKS, _LETTER_CHARS))


def remove_space_before_latin_punctuation(text: str) -> str:
    """Remove spaces between an Arabic word and a following ``.``, ``:`` or ``!``.

    Opt-in: such spacing is often a house style.  Only a mark that ends a
    clause (a space or the line end after it) is moved.

    >>> remove_space_before_latin_punctuation("الدوام الرسمي . وقال الوزير : نعم")
    'الدوام الرسمي. وقال الوزير: نعم'
    >>> remove_space_before_latin_punctuation("الساعة 12 :30")
    'الساعة 12 :30'
    """
    return _SPACE_BEFORE_LATIN_MARK.sub("", text)


def remove_space_inside_brackets(text: str) -> str:
    """Remove spaces just inside quotes and brackets (opt-in).

    >>> remove_space_inside_brackets("قال « نعم » و( لا )")
    'قال «نعم» و(لا)'
    """
    return _SPACE_INSIDE_CLOSER.sub("", _SPACE_INSIDE_OPENER.sub("", text))


def use_arabic_punctuation(text: str) -> str:
    """Write a Latin comma, semicolon or question mark between Arabic words in Arabic form.

    Opt-in.  The mark must follow an Arabic word and precede another (or end
    the line), so numbers (``3,5``) keep theirs.

    >>> use_arabic_punctuation("قال الوزير, وأضاف? نعم; لا. 3,5")
    'قال الوزير، وأضاف؟ نعم؛ لا. 3,5'
    """
    return _LATIN_MARK_BETWEEN_ARABIC.sub(lambda m: _ARABIC_FORM[m.group(1)], text)


def collapse_repeated_marks(text: str) -> str:
    """Reduce three or more repeated ``؟``, ``?`` or ``!`` to one (opt-in).

    >>> collapse_repeated_marks("حقا؟؟؟ رائع!!!")
    'حقا؟ رائع!'
    """
    return _REPEATED_MARK.sub(r"\1", text)


def add_space_after_latin_punctuation(text: str) -> str:
    """Put one space after a Latin ``,`` ``;`` ``:`` ``?`` or ``!`` squeezed between two Arabic words (opt-in).

    The Latin marks' counterpart of P102, for text typed on a Latin keyboard
    layout or glued together by a scraper: ``المصدر:وكالة`` reads as one word.
    Opt-in, as the P2 rules are: how a text spaces Latin punctuation is its
    house style.  An Arabic letter (or its diacritic) must stand right before
    the marks and an Arabic letter right after them, so times, ratios,
    numbers and Latin text (``12:30``, ``3,5``, ``http://``) are never
    touched; nor is the full stop, which many write without a space in
    abbreviations (``د.أحمد``, ``أ.د.محمد``).

    >>> add_space_after_latin_punctuation("المصدر:وكالة الأنباء, قال,وأضاف!ثم سأل?لماذا")
    'المصدر: وكالة الأنباء, قال, وأضاف! ثم سأل? لماذا'
    >>> add_space_after_latin_punctuation("الساعة 12:30 في د.أحمد http://مثال")
    'الساعة 12:30 في د.أحمد http://مثال'
    """
    return _LATIN_MARK_BEFORE_LETTER.sub(r"\1 ", text)
