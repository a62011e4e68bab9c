"""A forum post's number on a line of its own: rule B210.

vBulletin numbers a thread's posts and prints each number beside the post's dated
header, on its own line once scraped (``1. #1`` where the theme numbers its list of
posts too)::

    #37
    قديم 09-04-2016, 11:40 PM

The number is the board's chrome (forum chrome, in the conventions: like its page
counters), and the rule takes the line, on a forum's page only (a forum's own
line, a poster's name line or a post's dated header,
:func:`~arclean.normalizers.residue.context.is_forum_page`).  On any other page a
line ``#1`` may head a list's first item (a ranking), and it stays.  So does a number
with anything else on its line (``#1 (permalink)`` beside a header, a hashtag).
"""

from __future__ import annotations

import re

from ...datafiles import Phrase
from .analysis import analyze_alone
from .context import is_forum_page

#: A post's number opens a line, or follows a list's number (the pipeline skips the rule on a text without either).
NEEDLES = ("\n#", ". #")

#: A line of a post's number (``#37``, or ``1. #1``), with its line feed.
_POST_NUMBER = re.compile(r"^(?:\d+\. ?)?#\d+(?:\n|$)", re.MULTILINE)


def remove_post_numbers(text: str, *, boilerplate: tuple[Phrase, ...] = ()) -> str:
    """Remove a forum post's number (#12) on a line of its own, on a forum's page.

    >>> remove_post_numbers("#37\\nقديم 09-04-2016, 11:40 PM\\nبارك الله فيكم على هذا الجهد.")
    'قديم 09-04-2016, 11:40 PM\\nبارك الله فيكم على هذا الجهد.'
    >>> remove_post_numbers("أفضل الأفلام العربية\\n#1\\nالكيت كات\\n#2\\nالمومياء")
    'أفضل الأفلام العربية\\n#1\\nالكيت كات\\n#2\\nالمومياء'
    """
    if "#" not in text or _POST_NUMBER.search(text) is None or not is_forum_page(analyze_alone(text, boilerplate)):
        return text
    return _POST_NUMBER.sub("", text)
