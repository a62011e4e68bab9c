"""A page's title and its copies: which line is the headline, and which lines
repeat it.

Scrapers often take a page's headline twice: from the ``<title>`` and from the
``<h1>``, sometimes with a kicker, a date or a counter between them, sometimes
from two templates that spell it slightly differently (other spacing, hamza,
diacritics, a word changed), and on forums as ``TITLE Empty TITLE`` (the
title, an image's alt text, the title).  The title is the first line, or a line
under a masthead, section, date or residue line; on a forum, the first line
that has a copy under a line of chrome.  A short line repeated on purpose (a
refrain, a chant: ``مَوطِنِي مَوطِنِي``) is not a title.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Callable, Sequence

from ..._compiled import speedups
from ...text.chars import ANY_DIGIT, ARABIC_MARKS
from ...text.folding import WORD_RUN
from .lines import FIGURE, NUMBERED_ITEM, ends_mid_sentence, is_post_byline
from .page import BLANK, CONTENT, LABEL, LIST_ITEM, LONG_LINE_WORDS, Guard, Kind, Line, Page
from .repeats import may_repeat

_MIN_TITLE_WORDS = 4
#: Lines looked at for the title; a masthead or section name has at most two words.
_TITLE_LINES = 4
_MAX_MASTHEAD_WORDS = 2
#: Non-blank lines after the title where its copies may stand.
_COPY_WINDOW = 4
#: Content lines (a kicker, a byline) that may stand between the title and its
#: copy; counters, dates and residue lines do not count.  Two or more are the
#: start of the text itself (a poem's verses before its refrain).
_MAX_LINES_BETWEEN = 1
#: A forum post's header stands within this many non-blank lines of the page's top.
_POST_SCAN = 60
#: Non-blank lines between a forum post's title and the title's copy, at most.
_POST_WINDOW = 16
_MIN_POST_TITLE_WORDS = 2
_MAX_POST_TITLE_WORDS = 30
#: A line of more characters than this has its words counted by its spaces until its skeleton is
#: asked for: Line.words' bound, the page model's.
_LONG_LINE = LONG_LINE_WORDS
#: Near duplicates differ in length by at most this much more than the shorter is long.
_LENGTH_SLACK = 16
#: A line printed twice has this many words at least (a title of two, twice).
_MIN_DOUBLED_WORDS = 4


def is_near_duplicate(title: Line, line: Line) -> bool:
    """Return True when two lines are the same headline, give or take small edits.

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> a, b, c = analyze("«الانتقالي الجنوبي» يعقد أولى جلساته بعد يوم من عودة أعضائه إلى عدن\\n"
    ...                   "«الانتقالي الجنوبي» يُعد أولى جلساته بعد يوم من عودة اعضاءه إلى عدن\\n"
    ...                   "«الانتقالي الجنوبي» يعقد أولى جلساته في عدن لبحث خطط المجلس المالية والإعلامية").lines
    >>> is_near_duplicate(a, b), is_near_duplicate(a, c)
    (True, False)
    """
    a, b = len(title.text), len(line.text)
    if 2 * min(a, b) + _LENGTH_SLACK < max(a, b):  # a first look at the lengths, before the skeletons
        return False
    # Past the lengths the answer is the skeletons'. Lines are immutable and shared by a document's
    # pages (and by pages that repeat them): the title candidate remembers its answer for each
    # skeleton it was compared with, a few dozen at most.
    memo = title.__dict__
    near: dict[str, bool] | None = memo.get(_NEAR_MEMO)
    if near is None:
        near = memo[_NEAR_MEMO] = {}
    key = line.key
    found = near.get(key)
    if found is None:
        if len(near) >= _NEAR_KEPT:
            near.clear()
        found = near[key] = _is_near_duplicate(title.key, key)
    return found


#: Where :func:`is_near_duplicate` keeps a line's answers, and how many.
_NEAR_MEMO = "_near_duplicates"
_NEAR_KEPT = 32


def _is_near_duplicate(sa: str, sb: str) -> bool:
    """:func:`is_near_duplicate` past its first look, on the two lines' skeletons."""
    if sa == sb:
        return bool(sa)
    if not sa or not sb or 40 * min(len(sa), len(sb)) < 17 * (len(sa) + len(sb)):
        return False  # SequenceMatcher's ratio is at most 2 * shorter / (both lengths), under 0.85 here
    if abs(sa.count(" ") - sb.count(" ")) > 2:  # word counts, before splitting
        return False
    return _shares_most_words(sa.split(), sb.split()) and SequenceMatcher(None, sa, sb).ratio() >= 0.85


def _shares_most_words(wa: list[str], wb: list[str]) -> bool:
    """Do the lines share three quarters of the words of the longer one?"""
    most = max(len(wa), len(wb)) * 3
    # A first look: the words of one found in the other, in one pass (at least as many as are shared).
    if len(list(filter(set(wb).__contains__, wa))) * 4 < most:
        return False
    # Words of one line only count for nothing: sum over the words both lines hold.
    shared = sum(min(wa.count(w), wb.count(w)) for w in set(wa).intersection(wb))
    return shared * 4 >= most


def is_doubled(title: Line, line: Line) -> bool:
    """The title printed twice on one line, perhaps with an image's alt word
    between the copies (``TITLE Empty TITLE``).

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> title, line = analyze("عنوان الموضوع في المنتدى\\nعنوان الموضوع في المنتدى Empty عنوان الموضوع في المنتدى").lines
    >>> is_doubled(title, line)
    True
    """
    if not 2 * len(title.text) <= len(line.text) + 8 <= 2 * len(title.text) + 48:
        return False
    key, words = title.key, line.key.split()
    n = key.count(" ") + 1 if key else 0
    if not n or len(words) not in (2 * n, 2 * n + 1):
        return False
    return " ".join(words[:n]) == key and " ".join(words[-n:]) == key


def _is_date(line: Line) -> bool:
    """A short line with a number in it: a date, a time, a byline with a date."""
    return line.words <= _MAX_DATE_WORDS and bool(ANY_DIGIT.search(line.key))


_MAX_DATE_WORDS = 8


def find_title(page: Page) -> tuple[int | None, list[int]]:
    """The title's line and the lines that copy it.

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> find_title(analyze("العالم\\n\\nاشتباكات بالقرب من مقر المجلس الرئاسي\\n\\nاشتباكات بالقرب من مقر المجلس الرئاسي"))
    (2, [4])
    """
    first: int | None = None
    # A candidate above (not a date line: the page's first line may be one) puts the next ones
    # "after chrome", where a copy counts only under a residue line (a verse's refrain stays).
    above = False
    index = page.neighbour(-1, 1)
    for looked in range(_TITLE_LINES):
        if index is None:
            break
        line = page.lines[index]
        if looked and line.guard is LIST_ITEM and NUMBERED_ITEM.match(line.text.lstrip()):
            break  # a numbered list's item (a list's, numbered verses'): the text has begun, no title stands under it
        if line.kind is CONTENT and ends_mid_sentence(line.text):
            break  # a line that goes on in the next (a sermon's takbir, repeated): the text has begun
        words = line.words
        if line.kind is CONTENT and words >= _MIN_TITLE_WORDS and not (looked and _is_date(line)):
            copies = _copies(page, index, after_chrome=above)
            if copies:
                return index, copies
            first = index if first is None else first
            above = above or _is_candidate(line, looked)
        elif first is None and not (line.is_residue or words <= _MAX_MASTHEAD_WORDS or _is_date(line)):
            break
        index = page.neighbour(index, 1)
    post = find_post(page)
    if post is not None:
        return post[0], ([] if post[1] is None else [post[1]]) + _reply_headers(page, post[0])
    return first, []


def _reply_headers(page: Page, title: int) -> list[int]:
    """The headers of the replies to a forum post under its text: the post's title, an image's
    alt word, then ``رد:`` and the title again (``TITLE Empty رد: TITLE``).

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> page = analyze("شارك معنا بقصة\\nنص المشاركة الأولى.\\nشارك معنا بقصة Empty رد: شارك معنا بقصة\\nنص الرد.")
    >>> _reply_headers(page, 0), _reply_headers(page, 1)
    ([2], [])
    """
    words = page.lines[title].key.split()
    n = len(words)
    headers = []
    for index in page.index.get(CONTENT, ()):
        line = page.lines[index]
        if index > title and line.words == 2 * n + 2 and not line.prose:
            said = line.key.split()
            if said[:n] == words and said[n + 1] == _REPLY and said[n + 2:] == words:
                headers.append(index)
    return headers


#: What a forum's reply header says before the title again (``رد:``), as a skeleton shows it.
_REPLY = "رد"


def find_post(page: Page) -> tuple[int, int | None, int | None] | None:
    """A forum post's header under the board's chrome: the post's title, its
    copy (or None), and the post's byline under the copy (or None).

    Forum software prints the title twice, the second time with the post: as
    ``TITLE Empty TITLE`` (an image's alt text between two copies), alone
    right above the byline (``مُساهمة من طرف X <date>``), or in the byline
    itself (``مُساهمةموضوع: TITLE <date>``: the byline names the post's title,
    and there is no copy to drop).  Each shape marks the page as a forum's,
    whatever the board's wording; a title repeated under a subtitle on a news
    page is none of them, nor is a line printed twice with nothing between the
    copies (``Atheer - أثير Atheer - أثير``: a news site's logo, its alt text
    and its link) on a page with no byline under it and no forum chrome.

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> find_post(analyze("منتدى المعرفة\\nعنوان الموضوع في المنتدى\\nالموضوع السابق\\n"
    ...                   "عنوان الموضوع في المنتدى Empty عنوان الموضوع في المنتدى\\nنص المشاركة."))
    (1, 3, None)
    >>> find_post(analyze("منتدى المعرفة\\nمقال أعجبني\\nاذهب الى الأسفل\\nعدد الرسائل : 2141\\n"
    ...                   "مُساهمةموضوع: مقال أعجبني   الإثنين 04 مايو 2009, 10:47 pm\\nنص المشاركة."))
    (1, None, 4)
    >>> find_post(analyze("سماحة المفتي يعلن توقيتا للدعاء الجماعي\\nAtheer - أثير\\nAtheer - أثير Atheer - أثير\\n"
    ...                   "أعلن سماحة المفتي العام عبر حسابه الرسمي توقيتا للدعاء الجماعي مساء اليوم."))
    """
    memo = page.__dict__  # pages are immutable, and judged and decided on more than once: found once a page
    if "_post_header" not in memo:
        memo["_post_header"] = None if has_no_copies(page) else _find_post(page)
    post: tuple[int, int | None, int | None] | None = memo["_post_header"]
    return post


def has_no_copies(page: Page) -> bool:
    """A first look for titles and their copies: True when no line of the page
    can be a copy of another as :func:`find_title` and :func:`find_post` look for
    them (then the first finds no copy, the second no post header); False when
    one may be.  Found once a page, from the lines' lengths and skeletons.

    A copy is a near duplicate (lengths within ``2 * shorter + 16``, word counts
    within two), a line printed twice (whose first word comes back in its second
    half), or a title over a forum post's byline (a labelled line).

    >>> from arclean.normalizers.residue.analysis import analyze_alone
    >>> has_no_copies(analyze_alone("عنوان الخبر اليوم في المدينة\\nقال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين."))
    True
    >>> has_no_copies(analyze_alone("عنوان الخبر اليوم في المدينة\\nعنوان الخبر اليوم في المدينة"))
    False
    """
    memo = page.__dict__
    found: bool | None = memo.get(NO_COPIES_MEMO)
    if found is None:
        found = memo[NO_COPIES_MEMO] = _no_copies(page.lines, page.filled, *COPY_LOOK)
    return found


#: Where a page's dict keeps :func:`has_no_copies`' answer.
NO_COPIES_MEMO = "_no_copies"


def python_no_copies(  # noqa: C901 (one loop: a call a line would cost the pure-Python path 2 %)
        lines: tuple[Line, ...], filled: Sequence[int], blank: Kind, content: Kind, label: Guard,
        may_be_doubled: Callable[[Line], bool], is_post_byline: Callable[[Line], bool],
        is_candidate: Callable[[Line, int], bool], near_duplicate: Callable[[Line, Line], bool],
        scan: int, title_lines: int, copy_window: int, slack: int, doubled_memo: str | None = None) -> bool:
    """:func:`has_no_copies`'s search over a page's lines and non-blank indexes,
    with the kinds, guard, tests and bounds it reads: the reference of the
    compiled core's ``no_copies`` (both read a line's ``is_residue`` as its
    kind is neither ``blank`` nor ``content`` and it has no guard).

    A line printed twice or a post's byline among the first ``scan`` lines may
    be a copy; so may a line among the first ``title_lines + copy_window`` that
    is a near duplicate of a title candidate before it: one of the first
    ``title_lines``, at most ``copy_window`` lines up, with no line of prose
    between them but the candidate's own copies (which the search for its copies
    goes past, counted or not: a line of prose is looked past when, by the
    lengths, it might be a copy of a candidate above it), and below an earlier
    candidate only under a residue line or a line that may be a date (no prose, a
    digit in it: :func:`_copies` counts a date there).  So may a line among the first
    ``title_lines + 1``, after a blank line, that may repeat (as
    :func:`~arclean.normalizers.residue.repeats.may_repeat` says) the line of
    content, no guard and no prose before it: a short title's copy; and a line
    among the first ``title_lines + 2`` that may repeat such a line two non-blank
    lines above it, the line between them one that may be a date, a byline or a
    counter (no prose; a digit in its text, ``label`` its guard, or residue).
    ``doubled_memo``: the name under which a line's dict holds ``may_be_doubled``'s
    answer once given (True or False), read there rather than asking again.
    """
    # The first lines, where a title and its copies are looked for: each line, its length,
    # whether it is content, prose, residue, and whether a look up goes past it (no prose,
    # or prose that might by the lengths be a copy of a candidate above it), read once.
    looked: list[tuple[Line, int, bool, bool, bool, bool]] = []
    first: int | None = None  # the first of them that is a title candidate
    for at, index in enumerate(filled[:scan]):
        line = lines[index]
        doubled = line.__dict__.get(doubled_memo) if doubled_memo is not None else None
        if doubled is not True and doubled is not False:  # no answer remembered: ask
            doubled = may_be_doubled(line)
        if doubled or (line.guard is label and is_post_byline(line)):
            return False
        if at >= title_lines + copy_window:
            continue
        size, prose = len(line.text), line.prose
        residue = False  # a residue line between the candidate and the line
        passed: list[Line] = []  # the lines of prose between, nearest first, each of which might be a copy
        copyable = False  # by the lengths, the line (of prose) might be a copy of a candidate above it
        for before in range(at - 1, max(at - copy_window, 0) - 1, -1):
            candidate, other, is_content, is_prose, is_residue, goes_past = looked[before]
            if before < title_lines and is_content:
                counts = first is None or first >= before or residue
                if (counts or (prose and not copyable)) and 2 * min(size, other) + slack >= max(size, other):
                    copyable = True  # is_near_duplicate's first look, before calling it
                    if (counts and (not passed or all(_near(candidate, p, slack, near_duplicate) for p in passed))
                            and near_duplicate(candidate, line)):
                        return False
            if not goes_past:
                break  # a line of prose no candidate's copy: the search for a copy stops there
            if is_prose:
                passed.append(candidate)
            residue = residue or is_residue
        kind = line.kind
        # Between a title and its copy, a residue line or a line that may be a date (_is_date: no
        # prose, a digit in it) counts.
        between = kind is not blank and ((kind is not content and line.guard is None)
                                         or (not prose and ANY_DIGIT.search(line.text) is not None))
        looked.append((line, size, kind is content, prose, between, copyable or not prose))
        if first is None and kind is content and is_candidate(line, at):  # a candidate is content
            first = at
    # A short title's copy (duplicates.short_title_copy): the next line of the first ones after a blank
    # line, or the line after the next (a line between that may be a date, a byline or a counter: a
    # digit in it, a label's guard, or residue), which may repeat the short title (content, no
    # guard, no prose) above it.
    for k in range(1, min(len(filled), title_lines + 2)):
        copy, above = lines[filled[k]], lines[filled[k - 1]]
        if (k <= title_lines and filled[k] > filled[k - 1] + 1 and above.kind is content and above.guard is None
                and not above.prose and may_repeat(above, copy, slack)):
            return False
        title = lines[filled[k - 2]] if k >= 2 else None  # ``above`` stands between the two
        if (title is not None and title.kind is content and title.guard is None and not title.prose
                and not above.prose and (above.guard is label or (above.kind is not blank and above.kind is not content)
                                         or ANY_DIGIT.search(above.text))
                and may_repeat(title, copy, slack)):
            return False
    return True


def _near(title: Line, line: Line, slack: int, near_duplicate: Callable[[Line, Line], bool]) -> bool:
    """``near_duplicate(title, line)`` past its first look at the lengths (a line of prose
    between a candidate and its copy: most are no copy, told by their lengths)."""
    a, b = len(title.text), len(line.text)
    return 2 * min(a, b) + slack >= max(a, b) and near_duplicate(title, line)


_no_copies: Callable[..., bool] = python_no_copies if speedups is None else speedups.no_copies


def _is_candidate(line: Line, looked: int) -> bool:
    """Is the line, the ``looked``-th non-blank one, a title candidate that puts those below it
    "after chrome" (see :func:`find_title`)?  Content of four words or more, and no date: past
    the first line, no short line with a number (:func:`_is_date`); the first line may be a
    title with a number in it (``5 قتلى في حادث سير بالعاصمة``), or a list's first item, but
    not a date line (:func:`_is_dateline`: two numbers or more, a day and a year, a date and a
    time).  :func:`find_title` looks for the copies of a date line on the first line (it may
    be repeated at once), but a title under it is the page's first title candidate.

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> date, title, item = analyze("الأربعاء، 28 يناير 2015\\nالمواطنة عقد اجتماعي لا أكثر\\n2. عدد الأهداف المسجلة").lines
    >>> _is_candidate(date, 0), _is_candidate(title, 1), _is_candidate(item, 0), _is_candidate(item, 1)
    (False, True, True, False)
    """
    if line.kind is not CONTENT or line.words < _MIN_TITLE_WORDS:
        return False
    return not (_is_date(line) if looked else _is_dateline(line))


def _is_dateline(line: Line) -> bool:
    """A date line: two numbers or more, and at most :data:`_MAX_DATE_WORDS` words besides
    them (a date, ``الأربعاء، 28 يناير 2015``; a date and a time, ``آخر تحديث :الأحد - 14
    ديسمبر 2025 - 05:08 م``; ``Last Updated on 10/05/2015``).  A number is a run of digits in
    the text, with the separators of a date, a time or a fraction inside it (``13:59``,
    ``31.9``: one number each; a whole date, ``10/05/2015``, counts for two); the other words
    are the skeleton's words that are not digits alone.

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> [_is_dateline(line) for line in analyze("آخر تحديث :الأحد - 14 ديسمبر 2025 - 05:08 م\\n"
    ...                                          "5 قتلى في حادث سير بالعاصمة\\n"
    ...                                          "تراجع معدل التضخم إلى 31.9 بالمئة خلال شهر يناير").lines]
    [True, False, False]
    """
    if line.words > 2 * _MAX_DATE_WORDS:
        return False  # a long line, whose skeleton is not made for this
    memo = line.__dict__  # lines are immutable, and a known short line (a site's dateline) comes back
    found: bool | None = memo.get(_DATELINE_MEMO)
    if found is None:
        found = memo[_DATELINE_MEMO] = _reads_as_dateline(line)
    return found


#: Where :func:`_is_dateline` keeps a line's answer.
_DATELINE_MEMO = "_is_dateline"


def _reads_as_dateline(line: Line) -> bool:
    if sum(_date_weight(number) for number in _NUMBER.findall(line.text)) < 2:
        return False
    words = line.key.split()
    return len(words) - sum(word.isdecimal() for word in words) <= _MAX_DATE_WORDS


#: A number in a line's text: digits, with a date's, a time's or a fraction's separators between them.
_NUMBER = re.compile(r"\d+(?:[-.,:/\u066b]\d+)*")


def _date_weight(number: str) -> int:
    """What a number counts for in a date line: two for one of three parts or more (a whole
    date, ``10/05/2015``), one for another."""
    return 2 if sum(not char.isdecimal() for char in number) >= 2 else 1


#: Where :func:`_may_be_doubled` keeps a line's answer (read there by the copy look, too).
_DOUBLED_MEMO = "_may_be_doubled"


def _may_be_doubled(line: Line) -> bool:
    """May the line be a text printed twice (a copy :func:`is_doubled` finds,
    a line :func:`_doubled_key` finds one in)?  Found once a line."""
    memo = line.__dict__  # lines are immutable and shared by the pages of a document
    found: bool | None = memo.get(_DOUBLED_MEMO)
    if found is None:
        if "key" in memo:
            found = is_doubled_key(memo["key"])
        else:  # a long line's words are only counted in full by the slow path
            found = len(line.text) > _LONG_LINE or (_first_word_comes_back(line.folded) and is_doubled_key(line.key))
        memo[_DOUBLED_MEMO] = found
    return found


def python_first_word_comes_back(folded: str) -> bool:
    """A first look, before a line's skeleton is made: does the first word of
    the folded line (its first run of letters and digits) come back after it?
    It does in a line printed twice, whose skeleton's first word comes back as
    a word (and a word of the skeleton is a run of the folded line).  In most
    paragraphs it does not (95 % of real lines over 200 characters), and they
    are told from a line printed twice without a skeleton (the compiled core's
    ``no_copies`` asks its own ``first_word_comes_back``, this function's, and reads
    a line not folded yet as it would fold, without making its folded form).

    >>> python_first_word_comes_back("عنوان الخبر - عنوان الخبر"), python_first_word_comes_back("قال الوزير ثم مضى")
    (True, False)
    """
    first = WORD_RUN.search(folded)
    return first is not None and folded.find(first.group(), first.end()) >= 0


_first_word_comes_back: Callable[[str], bool] = (
    python_first_word_comes_back if speedups is None else speedups.first_word_comes_back)


def _is_doubled_key(key: str) -> bool:
    """Is the skeleton (of four words or more) a text printed twice, its first
    half of words its last half?"""
    space = key.find(" ")
    if space < 0 or key.count(" ") < _MIN_DOUBLED_WORDS - 1:
        return False
    # Doubled, its first word comes back after its first half, and its last word
    # stands at the end of its first half: both with words on either side.
    if f" {key[:space]} " not in key or f" {key[key.rfind(' ') + 1:]} " not in key:
        return False
    words = key.split()
    half = len(words) // 2
    return words[:half] == words[len(words) - half:]


#: The compiled core's ``_is_doubled_key`` (one scan of the skeleton, no split), or the reference.
is_doubled_key: Callable[[str], bool] = speedups.doubled_key if speedups is not None else _is_doubled_key
#: What the copy look asks a line whose answer is not remembered: :func:`_may_be_doubled`; with the
#: compiled core, the bound of a long line, with which ``no_copies`` answers as that function does itself.
_DOUBLED_TEST: Callable[[Line], bool] | int = _may_be_doubled if speedups is None else _LONG_LINE
#: What the copy look asks of a line that may be a title: :func:`_is_candidate`; with the compiled
#: core, its bounds and :attr:`Line.words`', with which ``no_copies`` answers as that function does
#: (and asks :func:`is_near_duplicate` only where the two lines' skeletons do not settle it).
_CANDIDATE_TEST: Callable[[Line, int], bool] | tuple[int, int, int] = (
    _is_candidate if speedups is None else (_MIN_TITLE_WORDS, _MAX_DATE_WORDS, LONG_LINE_WORDS))


def _find_post(page: Page) -> tuple[int, int | None, int | None] | None:
    filled = page.filled[:_POST_SCAN]
    for at, copy in enumerate(filled):
        line = page.lines[copy]
        if line.kind is not CONTENT:
            continue
        named = _title_named(page, filled, at, line) if line.guard is LABEL else None  # (most lines: no call)
        if named is not None:
            return named, None, copy
        after = filled[at + 1] if at + 1 < len(filled) else None
        byline = after if after is not None and _is_post_byline(page.lines[after]) else None
        doubled = _doubled_key(line)  # most lines: printed once, their words not counted
        if doubled is not None and byline is None and not page.forum and line.words % 2 == 0:
            doubled = None  # ``X X``, alone: a site's name printed twice (a logo's alt text, its link)
        if (doubled is None and byline is None) or line.words < _MIN_POST_TITLE_WORDS:
            continue
        title = _title_over(page, filled, at, doubled, byline)
        if title is not None:
            return title, copy, byline
    return None


def _title_over(page: Page, filled: Sequence[int], at: int, doubled: str | None, byline: int | None) -> int | None:
    """The post's title over its copy, ``filled[at]``: a line printed twice (``doubled``, its skeleton)
    or a line over the post's ``byline``; the title is the line above, within the post's window, that
    the copy repeats."""
    line = page.lines[filled[at]]
    board, plain, below = False, 0, None  # the lines passed between the copy and a title above
    for title in reversed(filled[max(0, at - _POST_WINDOW):at]):
        candidate = page.lines[title]
        if candidate.kind is not CONTENT:
            board = True
            continue
        if candidate.guard is LIST_ITEM or (":" in candidate.text and ":" not in line.text):
            board = True  # a card's field (``● بلدي : TITLE``, a template's copy of the title in it)
            continue
        # A sentence said twice on a line under the same sentence is no title printed twice;
        # a line printed again over a byline with lines of plain text between is a refrain over
        # the next post (between a title and its copy, a board prints lines of its own).
        if candidate.words >= _MIN_POST_TITLE_WORDS and (
                (candidate.key == doubled and not is_sentence(candidate)) or (
                byline is not None and (board or plain < _MIN_PLAIN_BETWEEN) and is_near_duplicate(candidate, line))):
            return title
        if byline is not None and not board:  # (asked only while it may decide)
            if _reads_as_board(candidate, below):
                board = True
            else:
                plain += 1
        below = candidate
    return None


def _title_named(page: Page, filled: Sequence[int], at: int, byline: Line) -> int | None:
    """The post's title when ``byline``, ``filled[at]``, is a post's byline that names it
    (``مُساهمةموضوع: TITLE <date>``): the nearest line of content above, within the post's
    window, of two words or more, whose skeleton the byline's words after its label start with.

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> page = analyze("مقال أعجبني\\nعدد الرسائل : 2141\\nمُساهمةموضوع: مقال أعجبني   الإثنين 04 مايو 2009, 10:47 pm")
    >>> _title_named(page, page.filled, 2, page.lines[2]), _title_named(page, page.filled, 1, page.lines[1])
    (0, None)
    """
    if not _is_post_byline(byline):
        return None
    named = byline.key.split(maxsplit=1)
    if len(named) < 2:
        return None
    rest = named[1] + " "
    for title in reversed(filled[max(0, at - _POST_WINDOW):at]):
        candidate = page.lines[title]
        if (candidate.kind is CONTENT and _MIN_POST_TITLE_WORDS <= candidate.words <= _MAX_POST_TITLE_WORDS
                and rest.startswith(candidate.key + " ")):
            return title
    return None


#: Lines of plain text between a line and its copy over a byline that make the two a refrain's.
_MIN_PLAIN_BETWEEN = 2
_LATIN = re.compile(r"[A-Za-z]")


def _reads_as_board(line: Line, below: Line | None) -> bool:
    """A line of content a board prints between a post's title and its copy, told from a verse:
    a poster card's count or labelled field (a digit, a colon), an English label (``avatar``), a
    name printed twice (the line under it the same).

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> lines = analyze("أحمد\\nأحمد\\nنقاط : 39133\\nوالبهاء في رباك").lines
    >>> [_reads_as_board(line, below) for line, below in zip(lines, lines[1:])]
    [True, False, True]
    """
    if ANY_DIGIT.search(line.key) or ":" in line.text or _LATIN.search(line.text):
        return True
    return below is not None and below.key == line.key


def is_sentence(line: Line) -> bool:
    """A line of prose that ends with a full stop, as an article's paragraph does: a title ends
    with none (a question mark, or the dots of a title cut short, it may; so may a breadcrumb
    or a menu read as prose).

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> [is_sentence(line) for line in analyze("وقال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين.\\n"
    ...                                        "مباراة الهلال وبرسبوليس.. جماهير نادي النصر السعودي تشجع من؟").lines]
    [True, False]
    """
    text = line.text.rstrip()
    return line.prose and text.endswith(".") and not text.endswith("..")


def _doubled_key(line: Line) -> str | None:
    """The skeleton of the text a line prints twice (``X Empty X`` or ``X X``), or None:
    None, its words not counted, for a line :func:`_may_be_doubled` says no to (most
    paragraphs, told by their first word, without a skeleton): a text printed twice is
    one whose skeleton's first half of words is its last half, which that first look
    never misses."""
    memo = line.__dict__  # lines are immutable and shared by the pages of a document: found once a line
    if "_doubled_key" not in memo:
        memo["_doubled_key"] = _find_doubled_key(line) if _may_be_doubled(line) else None
    key: str | None = memo["_doubled_key"]
    return key


def _find_doubled_key(line: Line) -> str | None:
    count = line.words
    if not 2 * _MIN_POST_TITLE_WORDS <= count <= 2 * _MAX_POST_TITLE_WORDS + 1:
        return None
    words = line.key.split()
    half = len(words) // 2
    if words[:half] != words[len(words) - half:] or len(set(words[:half])) < _MIN_POST_TITLE_WORDS:
        return None  # a word said over and over (``واحة واحة واحة``) is no title printed twice
    return " ".join(words[:half])


def _is_post_byline(line: Line) -> bool:
    """A post label is a content label: the byline is a guarded line (of fewer words than a
    paragraph, or one that names the post's title: :func:`~arclean.normalizers.residue.lines.is_long_post_byline`)."""
    return line.guard is LABEL and is_post_byline(line.text, line.key)


def _copies(page: Page, title_index: int, *, after_chrome: bool) -> list[int]:
    """The copies of a line among the next lines.  ``after_chrome``: for a
    title found below another candidate, only copies doubled on one line or
    standing under a residue line or a date count (a verse repeated at once is a
    refrain, and a refrain has no date over it).  Under a figure with decimals (alone,
    or in a row: ``حلب 1 دولار = 9.200 ليرة``) only the same line counts: a table's next
    label differs by a word (``… العظمى`` over ``21.4``, then ``… الصغرى``; ``سعر الدولار …``,
    its rows, then ``سعر اليورو …``), a title's near copy is no table's row.

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> page = analyze("مناخ المدينة\\n\\nالمتوسط السنوي لدرجة الحرارة العظمى\\n21.4\\n"
    ...                "المتوسط السنوي لدرجة الحرارة الصغرى\\n9.6")
    >>> _copies(page, 2, after_chrome=False)
    []
    >>> page = analyze("سعر الدولار مقابل الليرة اليوم\\nحلب 1 دولار = 9.200 ليرة\\nسعر اليورو مقابل الليرة اليوم")
    >>> _copies(page, 0, after_chrome=True)
    []
    """
    title = page.lines[title_index]
    doubles = not is_sentence(title)  # a sentence said twice is no title printed twice
    copies = []
    seen = other_lines = 0
    residue_between = figure_between = False
    between: Line | None = None  # the line of content between the title and a copy (at most one)
    for index in range(title_index + 1, len(page.lines)):
        line = page.lines[index]
        if line.kind is BLANK:
            continue
        seen += 1
        if seen > _COPY_WINDOW:
            break
        doubled = doubles and is_doubled(title, line)
        if doubled or is_near_duplicate(title, line):
            if ((doubled or not after_chrome or residue_between)
                    and (between is None or not _sung_again(page, title_index, index, between))
                    and (doubled or not _parallel_verse(page, title_index, index))
                    and not (figure_between and line.key != title.key)
                    and not _leads_in(title, line)
                    and not _opens_a_poem(page, title_index, index)):
                copies.append(index)
            continue
        if line.prose:
            break
        figure_between = figure_between or FIGURE.search(line.text) is not None
        dated = _is_date(line)
        residue_between = residue_between or line.is_residue or dated  # (a verse's refrain has no date over it)
        if line.kind is CONTENT and not dated:
            other_lines += 1
            between = line
            if other_lines > _MAX_LINES_BETWEEN:
                break
    return copies


def _leads_in(title: Line, line: Line) -> bool:
    """Does a near copy of the title end with a colon the title lacks: the text's own line
    leading in to what follows (``إليك بعض قصص الأطفال قبل النوم:`` under the title
    ``بعض قصص الأطفال قبل النوم``), not the title printed again?

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> title, line = analyze("بعض قصص الأطفال قبل النوم\\nإليك بعض قصص الأطفال قبل النوم:").lines
    >>> _leads_in(title, line), _leads_in(title, title)
    (True, False)
    """
    return line.text.rstrip().endswith(":") and not title.text.rstrip().endswith(":")


def _sung_again(page: Page, title: int, copy: int, between: Line) -> bool:
    """Is a title's copy, with the line of content between them, a couplet said again (a song's
    or a poem's opening verses repeated, ``A B A B``): the title, the line between and the lines
    after the copy are verses (:func:`is_verse`), the first of them repeating
    the line between, and the text goes on in verses under it (:data:`_VERSES_AFTER` more)?  Then
    the first line is no title printed twice.  A header printed twice (a title over a dateline,
    a subtitle or a site's name) has a number in it, or prose or more chrome under it.

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> page = analyze("حينما قد خرجت ليلى تسير\\nذات يوم تحمل الحزن الكبير\\nحينما قد خرجت ليلى تسير\\n"
    ...                "ذات يوم تحمل الحزن الكبير\\nلم تكن تدري إلى أين المصير\\nراحت الأشجار تبكي والزهور")
    >>> _sung_again(page, 0, 2, page.lines[1]), find_title(page)
    (True, (0, []))
    """
    if not is_verse(between) or not is_verse(page.lines[title]):
        return False
    below = page.neighbour(copy, 1)
    if below is None or not is_verse(page.lines[below]) or page.lines[below].key != between.key:
        return False
    return _verses_under(page, below)


#: Verses under a couplet said again, at least, for the text to go on in verses.
_VERSES_AFTER = 2


def _verses_under(page: Page, index: int) -> bool:
    """Does the text go on in verses under the line: :data:`_VERSES_AFTER` verses (:func:`is_verse`)
    right under it?"""
    for _ in range(_VERSES_AFTER):
        below = page.neighbour(index, 1)
        if below is None or not is_verse(page.lines[below]):
            return False
        index = below
    return True


def _opens_a_poem(page: Page, title: int, copy: int) -> bool:
    """Is a title's copy a poem's first verse: a verse (:func:`is_verse`) with the poem's next
    verses under it (:func:`_verses_under`), the first of them of about its length and sharing
    no more than a word with it, and either right under it (no blank line between) or the copy
    written with vowel marks the title lacks (the verse vocalised under the bare name)?  A
    poem is named by its first verse, and its page prints the name over the poem (``قل للمليحة
    في القميص الأحمر`` over ``قل للمليحة في القميص الأحمر`` and ``ماذا فعلت بعابد مستبصر``).  A
    line printed twice the same in a row is a title doubled; a headline's copy has a date, a
    byline or prose under it, or its keywords, or a subtitle set apart by a blank line.

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> page = analyze("قل للمليحة في القميص الأحمر\\nعدد أبيات القصيدة: 39\\nقل للمليحة في القميص الأحمر\\n"
    ...                "ماذا فعلت بعابد مستبصر\\nمازال يدأب في العبادة طالبا\\nللعلم غير مفرط ومقصر")
    >>> _opens_a_poem(page, 0, 2), find_title(page)
    (True, (0, []))
    """
    line = page.lines[copy]
    below = page.neighbour(copy, 1)
    if below is None or not is_verse(line) or (copy == title + 1 and line.text == page.lines[title].text):
        return False
    if below != copy + 1 and not (_VOWEL_MARK.search(line.text) and not _VOWEL_MARK.search(page.lines[title].text)):
        return False
    verse = page.lines[below]
    return (abs(verse.words - line.words) <= _VERSE_WORDS_SLACK
            and len(set(verse.key.split()) & set(line.key.split())) <= _MAX_WORDS_SHARED and _verses_under(page, copy))


#: A vowel mark (harakat, shadda, sukun) on a letter.
_VOWEL_MARK = re.compile(f"[{ARABIC_MARKS}]")


#: A poem's verses differ in length by at most this many words.
_VERSE_WORDS_SLACK = 2
#: A poem's second verse shares at most this many words with its first (a list of a title's
#: keywords, ``الطقس في العراق`` under ``حالة الطقس في العراق``, shares more).
_MAX_WORDS_SHARED = 1


def _parallel_verse(page: Page, title: int, copy: int) -> bool:
    """Is a title's near-duplicate a poem's next verse, built as the one before it with a word
    changed (``إليَّ ياصغار نغنِّ للمطرْ`` then ``إليَّ ياصغار نغنِّ للبشرْ``): right under it
    (no blank line between), both verses (:func:`is_verse`) of as many words but not the same, and
    the text goes on in verses under it (:func:`_verses_under`)?  A headline printed twice
    with a word changed has a blank line, a date, a byline or prose under or between its copies.

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> page = analyze("إليَّ ياصغار نغنِّ للمطرْ\\nإليَّ ياصغار نغنِّ للبشرْ\\nمن قلبنا الصغير\\nمن ساعدٍ يُديرْ")
    >>> _parallel_verse(page, 0, 1), find_title(page)
    (True, (0, []))
    >>> _parallel_verse(analyze(page.text.replace("\\n", "\\n\\n", 1)), 0, 2)  # a blank line between: a copy
    False
    """
    first, second = page.lines[title], page.lines[copy]
    if (copy != title + 1 or first.words != second.words or first.key == second.key
            or not (is_verse(first) and is_verse(second))):
        return False
    return _verses_under(page, copy)


def is_verse(line: Line) -> bool:
    """A line of content that may be a verse: three words or more (a masthead's name or an editor's
    is shorter), no prose, no guard, no number.

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> [is_verse(line) for line in analyze("ذات يوم تحمل الحزن الكبير\\nعبدالرحيم علي\\nفي 5 مايو 2009").lines]
    [True, False, False]
    """
    return (line.kind is CONTENT and line.words >= _MIN_VERSE_WORDS and not line.prose and line.guard is None
            and not ANY_DIGIT.search(line.key))


_MIN_VERSE_WORDS = 3


#: What :func:`has_no_copies` passes its search (:func:`python_no_copies`, or the compiled core's
#: ``no_copies``) after a page's lines and non-blank indexes: the kinds, the guard, the tests, the bounds.
COPY_LOOK: tuple[object, ...] = (BLANK, CONTENT, LABEL, _DOUBLED_TEST, _is_post_byline, _CANDIDATE_TEST,
                                 is_near_duplicate, _POST_SCAN, _TITLE_LINES, _COPY_WINDOW, _LENGTH_SLACK, _DOUBLED_MEMO)
