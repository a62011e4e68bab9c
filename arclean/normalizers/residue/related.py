"""'Read also' and related-article blocks: rule B203.

A heading (``اقرأ أيضا``, ``مقالات ذات صلة``, ``في نفس السياق``; phrase list
``data/boilerplate/related.txt``) followed by the titles it links to; a "read
more" link with an arrow (``اقرأ المزيد »``) ends the excerpt above it and takes
no line under it.  The block goes wherever it stands, inside the article too;
the article text after it stays.  A title is a short line that does not read as a sentence.
In the page's head (above the article's first paragraph), titles go only when more chrome
closes the block: with the article under it, the block's last line may be the article's
title, or all of it the article (a poem).  Titles are
taken across blank lines only after a bare heading (a heading alone on its
line, which must be followed by titles); after an inline block
(``إقرأ ايضاً:لا أمطار!…``) only the lines directly under it, and not a line
right above a paragraph: that is a heading of the article's next part (so is the
last of them over a sentence that heads a paragraph: ``الفقس في الحمام``); nor any
line, when the block stands within the text's own short lines (a poem's verses,
a list's items: three above it, more below).  When the page
ends with one paragraph under the last title, cut short mid-sentence, that
paragraph is the title's teaser and goes with it.  A line that stops on a word needing more (``… في عدن مع``: a
hard-wrapped paragraph's) is no title, nor is an item of a numbered list the
block stands inside (``1- …`` above it, ``2- …`` under it), nor a heading of the article's own
parts (``الأسئلة الشائعة``, ``جدول المحتويات``; ``data/words/section_headings.txt``): the block ends
over it.  A long line that starts with an
inline heading but holds a sentence's clauses (two commas or more: a paragraph of the text
glued to the link) is no block and stays whole.
"""

from __future__ import annotations

import re

from ...datafiles import Phrase
from ...text.folding import ends_sentence, skeleton
from .analysis import apply
from .context import within_short_lines
from .lines import NUMBERED_ITEM, left_open, phrase_matcher, section_headings
from .page import BLANK, CONTENT, LIST_ITEM, RELATED, Line, Page

_MAX_TITLES = 6
_MAX_TITLE_WORDS = 18
#: A linked article's date or dateline: a few words.
_MAX_STAMP_WORDS = 6
#: A date or a time: digits around a slash, a dash, a dot or a colon.
_DATE = re.compile(r"\d{1,4}\s*[/\-.:]\s*\d{1,2}")
#: How an excerpt cut short ends.
_TRAILS_OFF = ("…", "...")
#: How a link to more of the text above ends: an arrow, or the text trailing off.
_BUTTON_ENDS = ("»", "›", "→", "←", ">>", *_TRAILS_OFF)
#: The first item of a numbered list.
_FIRST_ITEM = re.compile(r"\s*(?:1|١)[.)\-\u2013]\s")


def remove_related_blocks(text: str, *, boilerplate: tuple[Phrase, ...] = ()) -> str:
    """Remove "read also" headings and the linked titles under them.

    >>> remove_related_blocks("قال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين.\\nاقرأ أيضا:\\nعنوان مقال آخر\\n"
    ...                       "عنوان ثالث\\n\\nبقية المقال هنا.")
    'قال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين.\\n\\nبقية المقال هنا.'
    >>> remove_related_blocks("نص.\\nإقرأ ايضاً:لا أمطار!\\n\\nسوريا والعراق\\nبقية المقال.")
    'نص.\\n\\nسوريا والعراق\\nبقية المقال.'
    """
    return apply(drop_related_blocks, text, boilerplate)


def drop_related_blocks(page: Page) -> Page:
    """The page without its related blocks: each heading and the titles under it."""
    drop: set[int] = set()
    for index in page.index.get(RELATED, ()):
        line = page.lines[index]
        if index not in drop:
            drop.add(index)
            if _is_button(line.text) or _ends_an_excerpt(page, index):
                continue  # a link to the rest of the text above, not a heading of links below
            bare = _is_bare_heading(line.text, page.extra)
            if not bare and within_short_lines(page, index):
                continue  # a teaser's line between verses: the verses under it are no titles
            titles = _titles_under(page, index, bare=bare)
            drop.update(titles)
            drop.update(_teaser_after(page, titles))
    return page.without(drop)


def _teaser_after(page: Page, titles: list[int]) -> list[int]:
    """The last linked title's teaser: one paragraph under it that the page cut
    short (it ends mid-sentence) and after which the page ends.

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> page = analyze("نص.\\nاخترنا لكم\\nعنوان مقال آخر\\nبدأت مراسم تسليم معابر قطاع غزة صباح اليوم الأربعاء"
    ...                " لحكومة الوفاق الوطني في إطار عملية تسلم المعابر وتمكين")
    >>> _teaser_after(page, [2])
    [3]
    """
    if not titles:
        return []
    teaser = page.neighbour(titles[-1], 1)
    if teaser is None or not page.lines[teaser].prose or page.neighbour(teaser, 1) is not None:
        return []
    return [] if ends_sentence(page.lines[teaser].text) else [teaser]


def _is_button(line: str) -> bool:
    """A "read more" link that points on with an arrow or trails off (``اقرأ المزيد »``,
    ``المزيد …``): the end of a teaser or an excerpt above it, not a heading.

    >>> _is_button("اقرأ المزيد »"), _is_button("اقرأ المزيد:")
    (True, False)
    """
    return line.rstrip().endswith(_BUTTON_ENDS)


def _ends_an_excerpt(page: Page, index: int) -> bool:
    """A "read more" link (``اقرأ المزيد``, ``شاهد المزيد``) right under an excerpt that trails
    off (``…``, ``...``): the link to the rest of that text, as on a section's page of teasers,
    not a heading of the links under it.

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> page = analyze("يرتكز نظام تقاسم المياه في الوادي على مبدأ الاستغلال الجماعي للسيول....\\n"
    ...                "اقرأ المزيد\\nنظام تقسيم مياه السيل\\nلقد تم إنشاء النظام التقليدي لتقسيم مياه الأمطار.")
    >>> _ends_an_excerpt(page, 1), _ends_an_excerpt(analyze("نص الخبر كاملا.\\nاقرأ المزيد\\nعنوان آخر"), 1)
    (True, False)
    """
    if not page.lines[index].key.endswith(_MORE):
        return False
    above = page.neighbour(index, -1)
    return above is not None and _trails_off(page.lines[above].text)


def _trails_off(text: str) -> bool:
    """Whether a text ends cut short: on an ellipsis, with a full stop after it or not.

    >>> _trails_off("حبه شعير و ان الدجاجة باتاكله…."), _trails_off("انتهى الخبر.")
    (True, False)
    """
    end = text.rstrip()
    return end.endswith(_TRAILS_OFF) or end.rstrip(".").endswith("…")


#: The last word of a "read more" link's skeleton (``اقرا المزيد``, ``read more``).
_MORE = ("المزيد", "more")


def _is_bare_heading(line: str, boilerplate: tuple[Phrase, ...]) -> bool:
    phrase = phrase_matcher(boilerplate).match(line)
    return phrase is not None and len(skeleton(line).split()) <= len(skeleton(phrase.text).split())


def _titles_under(page: Page, heading: int, *, bare: bool) -> list[int]:
    titles: list[int] = []
    index = heading + 1
    while index < len(page.lines) and len(titles) < _MAX_TITLES:
        if page.lines[index].kind is BLANK:
            if not bare:
                break
            index += 1
            continue
        if (
            not (_is_title(page, index) or (bare and _is_card_stamp(page, index)))
            or (not bare and (_heads_prose(page, index) or _opens_list(page, index) or _labels_a_value(page, index)))
            or _heads_list(page, index)
            or _continues_list(page, heading, index)
            or page.lines[index].key in section_headings()
        ):
            break
        titles.append(index)
        index += 1
    if (titles and not bare and index == titles[-1] + 1 and index < len(page.lines)
            and page.lines[index].kind is CONTENT and _heads_prose(page, index)):
        titles.pop()  # over a line that heads a paragraph, the text's own heading (``الفقس في الحمام``)
    if titles and heading < page.head_end and (index == len(page.lines) or not page.lines[index].is_residue):
        return []  # in the page's head, only chrome closes a block: the text may start in it, its title last
    return titles


def _heads_prose(page: Page, index: int) -> bool:
    """A short line right above a paragraph is the heading of the text that follows."""
    after = page.neighbour(index, 1)
    return after is not None and after == index + 1 and page.lines[after].prose


def _labels_a_value(page: Page, index: int) -> bool:
    """Is the line a field's label over its value, a word on the line right under it (a drug's
    card: ``اسم الشركة المصنعة بالعربية`` over ``جالديرما``)?  Under an inline block, whose title
    stands on the heading's own line, such a pair is the card's, not a linked title.

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> page = analyze("اقرأ أيضًا: أنواع التهاب الجلد\\nاسم الشركة المصنعة بالعربية\\nجالديرما\\nعنوان مقال آخر هنا")
    >>> [_labels_a_value(page, i) for i in (1, 3)]
    [True, False]
    """
    after = index + 1
    if after >= len(page.lines):
        return False
    value = page.lines[after]
    return value.kind is CONTENT and value.words == 1 and not _is_title(page, after)


def _opens_list(page: Page, index: int) -> bool:
    """Is the line the first item of a numbered list (``1- المقدمة``)?  Under an inline
    block, whose title stands on the heading's own line, such an item opens the article's list."""
    line = page.lines[index]
    return line.guard is LIST_ITEM and _FIRST_ITEM.match(line.text) is not None


def _heads_list(page: Page, index: int) -> bool:
    """A short line over the first item of a numbered list (``1. …``, ``1) …``,
    ``1- …``) is the heading of the list, not a linked title: a recipe's
    ``طريقة التحضير`` over its steps.

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> page = analyze("مقالات قد تعجبك :\\n\\nطريقة التحضير\\n\\n1. نقوم بخلط الدقيق\\nعنوان مقال آخر\\n- بند من قائمة")
    >>> [_heads_list(page, i) for i in (2, 4, 5)]
    [True, False, False]
    """
    after = page.neighbour(index, 1)
    return after is not None and _opens_list(page, after)


def _continues_list(page: Page, heading: int, index: int) -> bool:
    """A numbered item under a heading that stands inside a numbered list (the line
    right above the heading is an item of it too: ``1- …`` above, ``2- …`` under) is
    the list going on, not a linked title.

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> page = analyze("زوايا العجل:\\n1- زاوية الكاستر\\nاقرأ أيضا:\\n2- زاوية الكامبر\\n3- زاوية التو إن")
    >>> [_continues_list(page, 2, i) for i in (3, 4)]
    [True, True]
    """
    if not _is_numbered(page.lines[index]):
        return False
    above = page.neighbour(heading, -1)
    return above is not None and _is_numbered(page.lines[above])


def _is_numbered(line: Line) -> bool:
    return line.guard is LIST_ITEM and NUMBERED_ITEM.match(line.text.lstrip()) is not None


def _is_card_stamp(page: Page, index: int) -> bool:
    """Under a bare heading, a linked article's stamp: its date line
    (``09:42 - 2024/05/19``), or the dateline right above it (``مكتب الشروق -بنزرت :``).

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> page = analyze("في نفس السياق\\nمكتب الشروق -بنزرت :\\n09:42 - 2024/05/19\\nوقال الوزير:")
    >>> [_is_card_stamp(page, i) for i in range(4)]
    [False, True, True, False]
    """
    line = page.lines[index]
    if line.kind is not CONTENT or line.prose or line.words > _MAX_STAMP_WORDS:
        return False
    if _is_date(line):
        return True
    below = index + 1
    return line.text.rstrip().endswith(":") and below < len(page.lines) and _is_date(page.lines[below])


def _is_date(line: Line) -> bool:
    return line.kind is CONTENT and not line.prose and line.words <= _MAX_STAMP_WORDS and bool(_DATE.search(line.text))


def _is_title(page: Page, index: int) -> bool:
    line = page.lines[index]
    return (
        line.kind is CONTENT
        and not line.prose
        and 2 <= line.words <= _MAX_TITLE_WORDS
        and not line.text.rstrip().endswith(".")
        and not left_open(line.text)  # a label's colon, a clause's comma, a hard-wrapped line's last word
    )
