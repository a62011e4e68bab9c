"""A post's icon label glued to its title: rule B209.

vBulletin prints a small icon before each post's title.  Its text, ``افتراضي``
("default") on the Arabic boards, reaches the scraped page glued to the front of
the title::

    قديم 08-02-2019, 06:45 PM
    افتراضي رد: في رثاء والدي

The label is the board's chrome (forum chrome, in the conventions); the title
after it is the post's.  The rule takes the label off the front of a line, on a
forum's page only: one with a forum's own line (``إضافة رد``, ``تاريخ التسجيل:
…``), a poster's name line (``X غير متواجد حالياً``) or a post's dated header.  On
any other page a line may open with the word (``افتراضي أم حقيقي؟``), and it
stays.  So does a line where the label is no more than a word before a colon
(``افتراضي: نعم``, a settings table), or before a paragraph.  A label alone on its
line (the post's title printed apart, or none) goes too, the line with it, wherever it stands on a
forum's page: B207 drops it as a forum phrase at the page's edges only, as a word
alone between a thread's posts may be content elsewhere.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ... import datafiles
from ...datafiles import Phrase
from .analysis import analyze_alone
from .context import is_forum_page

#: The labels, as boards print them (data/words/post_icon_labels.txt).
LABELS: tuple[str, ...] = tuple(datafiles.word_list("words/post_icon_labels.txt"))
#: A label opens a line (the pipeline skips the rule on a text without one).
NEEDLES: tuple[str, ...] = tuple(f"\n{label}" for label in LABELS)

#: Words of a post's title after the label, at most.
_MAX_TITLE_WORDS = 20


@lru_cache(maxsize=None)
def _labelled() -> re.Pattern[str]:
    """A line of a label alone (or two), with its line feed (group ``alone``), or the front of a
    line that opens with a label (or two: each goes), a space, then something other than a colon."""
    labels = "|".join(map(re.escape, sorted(LABELS, key=len, reverse=True)))
    return re.compile(rf"(?P<alone>^(?:(?:{labels}) +)*(?:{labels}) *(?:\n|$))|^(?:(?:{labels}) +)+(?=[^\s:])", re.MULTILINE)


def remove_post_icon_labels(text: str, *, boilerplate: tuple[Phrase, ...] = ()) -> str:
    """Remove the post icon's label (افتراضي) a forum board glues before a post's title.

    >>> remove_post_icon_labels("قديم 08-02-2019, 06:45 PM\\nافتراضي رد: في رثاء والدي\\nرحم الله والدك.")
    'قديم 08-02-2019, 06:45 PM\\nرد: في رثاء والدي\\nرحم الله والدك.'
    >>> remove_post_icon_labels("قديم 08-02-2019, 06:45 PM\\nافتراضي\\nرحم الله والدك.")
    'قديم 08-02-2019, 06:45 PM\\nرحم الله والدك.'
    >>> remove_post_icon_labels("افتراضي أم حقيقي؟\\nسؤال يطرحه كثيرون عن عالم اليوم.")
    'افتراضي أم حقيقي؟\\nسؤال يطرحه كثيرون عن عالم اليوم.'
    """
    if not any(map(text.__contains__, LABELS)):
        return text  # most texts: one substring search (the compiled core's needle scan skips the rule on them)
    labelled = [match for match in _labelled().finditer(text) if match["alone"] or _is_title(text, match.end())]
    if not labelled or not is_forum_page(analyze_alone(text, boilerplate)):
        return text
    pieces, start = [], 0
    for match in labelled:
        pieces.append(text[start:match.start()])
        start = match.end()
    pieces.append(text[start:])
    return "".join(pieces)


def _is_title(text: str, start: int) -> bool:
    """Does the rest of the line from ``start`` read as a post's title: a few words, no more?"""
    end = text.find("\n", start)
    return len(text[start:end if end >= 0 else len(text)].split()) <= _MAX_TITLE_WORDS
