"""How a line looks: its skeleton, its words, and whether it reads as prose.

The line rules (titles, counters, boilerplate, the page tail) never compare raw
strings: scraped pages spell the same widget with and without hamza, tatweel,
diacritics or a trailing colon.  They compare *skeletons*: the line with
diacritics and tatweel dropped, alef/hamza/yeh/teh-marbuta forms folded,
punctuation turned into spaces and Latin letters case-folded.  The skeleton is
only ever used to *recognise* a line; it never reaches the output.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .._compiled import speedups
from .chars import ARABIC_MARKS, TATWEEL

#: The spelling variants writers use for the same word (hamza on alef, alef
#: maksura for yeh, teh marbuta for heh): what month names are compared under
#: (rule T101), and the first folds of a skeleton.  No target is also a source,
#: so the folds can be applied in any order.
SPELLING_FOLDS = {
    "\u0622": "\u0627",  # ALEF WITH MADDA ABOVE -> ALEF
    "\u0623": "\u0627",  # ALEF WITH HAMZA ABOVE -> ALEF
    "\u0625": "\u0627",  # ALEF WITH HAMZA BELOW -> ALEF
    "\u0649": "\u064a",  # ALEF MAKSURA -> YEH
    "\u0629": "\u0647",  # TEH MARBUTA -> HEH
}
_FOLDS = {
    **SPELLING_FOLDS,
    "\u0671": "\u0627",  # ALEF WASLA -> ALEF
    "\u06cc": "\u064a",  # FARSI YEH -> YEH
    "\u0626": "\u064a",  # YEH WITH HAMZA ABOVE -> YEH
    "\u0624": "\u0648",  # WAW WITH HAMZA ABOVE -> WAW
    "\u06a9": "\u0643",  # KEHEH -> KAF
    **{chr(0x0660 + d): str(d) for d in range(10)},
    **{chr(0x06F0 + d): str(d) for d in range(10)},
}
_DROPPED = re.compile(f"[{ARABIC_MARKS}{TATWEEL}\u200c\u200d]")
#: Anything but letters and digits (the standard ``re`` is faster for this).
_NOT_WORD = re.compile(r"[\W_]+")
#: A word of a folded line: a run of letters and digits, as a skeleton takes them.
WORD_RUN = re.compile(r"[^\W_]+")
#: Texts are checked for anything to case-fold with ``str.casefold``, this many characters at a time.
_CASEFOLD_CHECK = 4096
_SENTENCE_MARKS = ".!?؟:۔…"
#: A line of this many words at least is prose; of SENTENCE_WORDS at least, when it ends a sentence.
PROSE_WORDS = 16
SENTENCE_WORDS = 9
_CLOSERS = "\"'”»’)]"
#: How a sentence or a clause ends.
_PARAGRAPH_PART_ENDS = _SENTENCE_MARKS + "،,؛;"
_CACHED_LENGTH = 200
#: Runs of letters outside the Arabic blocks (Latin, Greek, Cyrillic …): the only
#: characters case folding changes in scraped Arabic text.
_CASED_RUN = re.compile("[^\\W\\d_\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]+")


def fold_text(text: str) -> str:
    """Drop marks, tatweel and joiners, fold letter variants and case, in one
    pass over a whole text.  Line breaks are untouched, so line ``i`` of the
    result is the folded line ``i`` of the text.

    >>> fold_text("إقرأ أيضـاً\\nUpvote")
    'اقرا ايضا\\nupvote'
    """
    if _DROPPED.search(text):
        text = _DROPPED.sub("", text)
    for source, target in _FOLDS.items():
        if source in text:
            text = text.replace(source, target)
    if text.isascii():
        return text if text.islower() else text.lower()
    # Case folding maps each character on its own, to one character or more: a
    # piece it leaves as it is has no run to fold.  That check is one C pass, a
    # thirtieth of the scan for runs on a text of marks; it copies what it
    # checks, so a long text is checked a piece at a time.  From the first piece
    # with something to fold on, only the runs of letters of cased scripts are
    # case-folded: ``str.casefold`` on a whole Arabic text copies it into a
    # buffer of 4 bytes a character for nothing.
    for start in range(0, len(text), _CASEFOLD_CHECK):
        piece = text[start:start + _CASEFOLD_CHECK]
        if piece.casefold() != piece:
            return text[:start] + _CASED_RUN.sub(_casefold, text[start:]) if start else _CASED_RUN.sub(_casefold, text)
    return text


def _casefold(match: re.Match[str]) -> str:
    return match.group().casefold()


#: The pure-Python fold: the reference the compiled core is checked against.
python_fold_text = fold_text
#: The compiled fold hardcodes the tables above: it is used only if it folds every
#: character below U+0800 (the Arabic blocks), the joiners and a few cased letters as they do.
_PROBE = "".join(map(chr, range(0x800))) + "\u200b\u200c\u200d\u2060\ufeff\ufb50\ufef5 ÀÉßΣİKΩﬁＡ𝐀"
if speedups is not None and speedups.fold_text(_PROBE) == python_fold_text(_PROBE):
    fold_text = speedups.fold_text  # noqa: F811


def skeleton_of_folded(folded: str) -> str:
    """The skeleton of a line already folded by :func:`fold_text`: its runs of
    letters and digits joined by single spaces.

    Equal to ``_NOT_WORD.sub(" ", folded).strip()``, faster: most words stand
    between white space with nothing else around them (``str.isalnum`` is the
    regex's ``\\w`` without ``_``), and only the others are searched for their runs.

    >>> skeleton_of_folded("  قال: «نعم»، و_لا  a.b ")
    'قال نعم و لا a b'
    """
    words: list[str] = []
    for token in folded.split():
        if token.isalnum():
            words.append(token)
        else:
            words.extend(WORD_RUN.findall(token))
    return " ".join(words)


#: The pure-Python skeleton: the reference the compiled core is checked against.
python_skeleton_of_folded = skeleton_of_folded
if speedups is not None:
    skeleton_of_folded = speedups.skeleton_of_folded  # noqa: F811


def skeleton(line: str) -> str:
    """Return the folded form of a line used to recognise it.

    >>> skeleton("إقرأ أيضـاً:")
    'اقرا ايضا'
    >>> skeleton("  Upvote   Downvote ")
    'upvote downvote'
    """
    if len(line) > _CACHED_LENGTH:
        return skeleton_of_folded(fold_text(line))
    return _short_skeleton(line)


@lru_cache(maxsize=16384)
def _short_skeleton(line: str) -> str:
    """Short lines (titles, widgets, phrases) repeat across documents: cached.
    Long lines never do, and would only fill the cache."""
    return skeleton_of_folded(fold_text(line))


def word_count(line: str) -> int:
    """Count the words of a line: runs of letters or digits.

    >>> word_count("وقال، “نعم”.")
    2
    """
    return len(skeleton(line).split())


def ends_sentence(line: str) -> bool:
    """Return True when a line ends like a sentence (full stop, question, colon).

    >>> ends_sentence("انتهى الخبر."), ends_sentence("عنوان الخبر")
    (True, False)
    """
    end = line.rstrip().rstrip(_CLOSERS)
    return bool(end) and end[-1] in _SENTENCE_MARKS


def ends_sentence_or_clause(line: str) -> bool:
    """Return True when a line ends like a sentence (:func:`ends_sentence`) or like a clause, on
    a comma or a semicolon: a line of a hard-wrapped paragraph, its sentence going on below (no
    title or heading ends so).

    >>> ends_sentence_or_clause("وأمن الحواسيب،"), ends_sentence_or_clause("عنوان الخبر")
    (True, False)
    """
    end = line.rstrip().rstrip(_CLOSERS)
    return bool(end) and end[-1] in _PARAGRAPH_PART_ENDS


def is_prose(line: str, words: int | None = None) -> bool:
    """Return True for a line that reads as a paragraph of article text
    (``words``: its word count, when the caller has it).

    A paragraph is long, or of middling length and ending like a sentence or a clause (a
    hard-wrapped paragraph's line). Titles, bylines, widgets and link titles are shorter.

    >>> is_prose("عنوان قصير")
    False
    >>> is_prose("قال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين في الأسبوع المقبل.")
    True
    >>> is_prose("لا يخفى على أحد أن الشركة رائدة في عالم الحماية الإلكترونية وأمن الحواسيب،")
    True
    """
    n = word_count(line) if words is None else words
    return n >= PROSE_WORDS or (n >= SENTENCE_WORDS and ends_sentence_or_clause(line))
