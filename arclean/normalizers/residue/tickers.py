"""Headline tickers in the head of a page: rule B105.

A news site's ticker ("latest news", "breaking") is scraped as one line of
headlines, each set apart from the next by the same run of spaces::

    الأرصاد يتوقع أمطارا غزيرة    وزير المالية يلتقي نظيره    افتتاح معرض الكتاب الدولي    ...

The line is head chrome ("latest news" teaser blocks, in the conventions), and
its shape tells it: six or more headlines of a few words each, no doubled space
inside any of them, one run of three or more spaces between them all.  W103
folds those runs into single spaces, after which the line reads as one long
paragraph; so this rule runs just before it, on the spacing as scraped.

What stays: a line of prose with careless spacing (runs of several lengths,
doubled spaces inside the pieces, pieces of a word or two), a poem's hemistichs
(two or three a line), a table (its rows are lines of pieces one above the
other), and any such line once the article has begun.
"""

from __future__ import annotations

import re

#: A ticker holds this run of spaces (the pipeline skips the rule on a text without it).
NEEDLES = ("   ",)

_GAP = re.compile(r" {3,}")
_ARABIC = re.compile(r"[\u0621-\u064a]")
#: Headlines on the line, at least.
_MIN_HEADLINES = 6
#: Words in a headline: at least this many, in nine headlines of ten ...
_HEADLINE_WORDS = 3
_SHARE_OF_HEADLINES = 0.9
#: ... and never more than this many (a piece that long is a paragraph).
_MAX_HEADLINE_WORDS = 30
#: The head: the lines above the ticker are at most this many, none of them prose.
_HEAD_LINES = 8
_PROSE_WORDS = 20


def remove_headline_tickers(text: str) -> str:
    """Remove headline tickers (a line of headlines set apart by runs of spaces) from the head of a page.

    >>> ticker = "   ".join(["وزير المالية يلتقي نظيره الأردني", "افتتاح معرض الكتاب الدولي", "الأرصاد تتوقع أمطارا غزيرة",
    ...                      "ارتفاع أسعار الذهب اليوم", "المنتخب يفوز على ضيفه", "إغلاق طريق المطار للصيانة"])
    >>> remove_headline_tickers(ticker + "\\nعنوان الخبر\\nقال الوزير إن الحكومة ستعلن خطة جديدة.")
    'عنوان الخبر\\nقال الوزير إن الحكومة ستعلن خطة جديدة.'
    >>> poem = "قفا نبك من ذكرى حبيب ومنزل   بسقط اللوى بين الدخول فحومل"
    >>> remove_headline_tickers(poem) == poem
    True
    """
    if "   " not in text:
        return text
    start, above = 0, 0
    while start <= len(text):  # the head's lines, read in place: most texts never reach a ticker test
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        line = text[start:end]
        if not line.isspace() and line:
            if line.count("   ") >= _MIN_HEADLINES - 1 and is_ticker(line):
                lines = text.split("\n")
                index = text.count("\n", 0, start)
                if not _beside_pieces(lines, index):
                    del lines[index]
                    return "\n".join(lines)
            above += 1
            if above >= _HEAD_LINES or len(line.split()) >= _PROSE_WORDS:
                break  # past the head
        start = end + 1
    return text


def is_ticker(line: str) -> bool:
    """Is the line a ticker: six or more headlines of three words or more (nine in
    ten), apart by one run of three spaces or more, the same run each time?

    >>> is_ticker("   ".join(["خبر عاجل عن الطقس اليوم"] * 6)), is_ticker("   ".join(["خبر عاجل عن الطقس اليوم"] * 5))
    (True, False)
    >>> is_ticker("الاخبار   العاجلة    لقيام رئيس  الحكومة   بزيارة   الى السعودية   من اجل المصالحة")
    False
    """
    line = line.strip(" ")
    gaps = _GAP.findall(line)
    if len(gaps) < _MIN_HEADLINES - 1 or len(set(gaps)) != 1:
        return False
    headlines = _GAP.split(line)
    long = 0
    for headline in headlines:
        if "  " in headline:
            return False  # careless spacing, not a ticker's
        words = len(headline.split())
        if words > _MAX_HEADLINE_WORDS:
            return False
        long += words >= _HEADLINE_WORDS
    return long >= _SHARE_OF_HEADLINES * len(headlines) and _ARABIC.search(line) is not None


def _beside_pieces(lines: list[str], index: int) -> bool:
    """Is a line next to this one (the blank lines aside) also in pieces, as a table's rows are?"""
    for step in (-1, 1):
        at = index + step
        while 0 <= at < len(lines) and not lines[at].strip():
            at += step
        if 0 <= at < len(lines) and len(_GAP.findall(lines[at].strip(" "))) >= 2:
            return True
    return False
