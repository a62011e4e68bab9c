"""Judging a page's lines in context: the second half of the analysis.

Out of context a line is a phrase, a counter, chrome by its words, or content
(:mod:`arclean.normalizers.residue.lines`).  In context:

- content guards: a number at the page's edge that is a table cell, one of a
  numbered series, or a year, stays; so does a line of a hard-wrapped paragraph
  that reads as chrome by its words;
- the region: in the tail, after the last paragraph, a short line needs fewer
  chrome words to be chrome than elsewhere;
- neighbours: a short line between two chrome lines at the page's edge is
  chrome, and so are its copies (as jusText judges a short paragraph by the
  paragraphs around it); on a forum page, a name line with the poster's online
  status or avatar text; a poster card printed a field to a line (its labels
  and values on lines of their own); the name and rank lines over a forum poster card
  belong to the card; on a forum page, the board's lines above the post title;
- a label of a tags or rating box left dangling at the page's very end.

Judgements only add: a line judged chrome stays chrome when its neighbours are
dropped (the next rule may be the one that drops it).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from itertools import pairwise
from typing import Callable, NamedTuple, Sequence

from ..._compiled import speedups
from ...text.chars import ANY_DIGIT
from ...text.clitics import listed_prefixes
from ...text.folding import ends_sentence, is_prose
from .cards import CARD_FIELD, JOINED_LABELS, card_lines, field_of, may_open_a_card
from .lines import (
    DECIMAL_FIGURE,
    LIST_MARKS,
    MAX_POST_BYLINE_WORDS,
    MIN_STEM,
    SCRIPT_END,
    copyright_words,
    counter_words,
    counts_pages,
    ends_with_period,
    function_words,
    holds_fact_field,
    is_copyright,
    is_post_byline,
    is_poster_mark,
    is_poster_name,
    listed,
    month_names,
    numbered_labels,
    site_page_words,
    units,
)
from .page import (
    BLANK,
    CHROME,
    CONTENT,
    COUNTER,
    DATE_PART,
    FACT_FIELD,
    FOOTER,
    FORUM,
    IMPRINT,
    IN_ARTICLE,
    IN_HEAD,
    LIST_ITEM,
    NOTICE_HEADING,
    NUMBER,
    NUMBERS,
    QUANTITY,
    SERIES_NUMBER,
    SITE_PAGE_TITLE,
    TABLE_CELL,
    WRAPPED,
    YEAR_ALONE,
    Guard,
    Kind,
    Line,
    Page,
)
from .title import find_post, find_title, has_no_copies, is_doubled, is_near_duplicate

#: In the page's tail, a line of three to ten words that is not a sentence is
#: chrome when 60% of its words are chrome or function words, one of them at
#: least a chrome word (elsewhere: 70%, and eight words at most).
_MIN_TAIL_CHROME_WORDS = 3
MAX_TAIL_CHROME_WORDS = 10
#: A line judged by its neighbours, or a name line over a poster card: at most this many words.
_MAX_CONTEXT_WORDS = 4
_MAX_CARD_WORDS = 3
#: Content lines under a line that is chrome by its words or place alone, at most, for its place
#: to count (a few links of the page's tail; more are the text's own verses or list): the tail's
#: words judge no line above them, and rule B301 ends the text at no such line above them.
MAX_CONTENT_UNDER_CHROME = 6
#: Lines of content right above a residue line, at least, for it to stand within the text's own
#: short lines (:func:`within_short_lines`).
_MIN_SHORT_LINES_ABOVE = 3
#: A poster card's labelled line (``عدد الرسائل : 16801``, ``الموقع : اليمن الحبيبة``): a label, a colon
#: and a value, at most this many words.  A longer forum line with a colon is no card's
#: (``التعديل الأخير تم بواسطة : X بتاريخ …``, a post's edit note under its last line).
MAX_CARD_LABEL_WORDS = 6
#: A line of a short post under a poster card has this many words at least (a card's own labels, a word or two).
_MIN_POST_WORDS = 3
#: A poster card's name line: a name of up to four words (printed twice on some boards) and the
#: poster's online status or reputation (up to seven words: ``is a glorious beacon of light``).
_MAX_NAME_LINE_WORDS = 12
#: A line of a hard-wrapped paragraph: the line above it has this many words at least.
_MIN_WRAPPED_WORDS = 6
#: ... and the line itself this many (``في السابق`` under a title is a link, not half a sentence).
_MIN_WRAPPED_LINE_WORDS = 3
#: A name line may read as labelled (``الصورة`` opens a caption); no other guard keeps it.
_NAME_LINE_GUARDS = (None, Guard.LABEL)
#: A board line above a forum post's title: at most this many words.
_MAX_BOARD_WORDS = 12
#: Above a forum post's header, a board's prompt may be a sentence or two: at most this many words.
_MAX_BOARD_PROSE_WORDS = 30
#: A dangling label at the end of a page: a few words and a colon.
_MAX_LABEL_WORDS = 4


def carries_context(page: Page) -> bool:
    """Does the page hold a judgement a fresh analysis of its text might not make
    again (a line judged by neighbours that are gone, a forum page whose forum
    lines are gone, a title whose copies are gone)?  If not, judging it again is
    the same as analysing its text afresh."""
    if page.forum:
        return True
    for line in page.lines:  # a loop, not any() over a generator: a resume a line
        if line.by_context or line.title:
            return True
    return False


def is_quiet(page: Page) -> bool:
    """Is the page, as classified out of context, one that no context judgement
    changes and no rule that drops residue lines has anything to drop in?
    Every line is blank or content without a chrome word (so no judgement can
    make one chrome: each needs a chrome word, a chrome, forum or number line
    beside it), and the page holds no forum post's header.  Then
    :func:`judge_in_context` gives the page itself back.

    >>> from arclean.normalizers.residue.analysis import analyze_alone
    >>> page = analyze_alone("الحكومة تعلن خطة جديدة للزراعة\\n\\nقال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين.")
    >>> is_quiet(page), judge_in_context(page) is page
    (True, True)
    >>> is_quiet(analyze_alone("قال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين.\\nاترك رد"))
    False
    """
    if page.forum or not plain_lines(page.lines, BLANK, CONTENT):
        return False
    return has_no_copies(page) or find_post(page) is None  # no copies: no post header (asked without find_post's call)


def python_plain_lines(lines: tuple[Line, ...], blank: Kind = BLANK, content: Kind = CONTENT) -> bool:
    """Is every line ``blank``, or ``content`` without a chrome word (:func:`is_quiet`'s
    test of the lines)?  The reference of the compiled core's ``plain_lines``.

    >>> from arclean.normalizers.residue.analysis import analyze_alone
    >>> python_plain_lines(analyze_alone("نص\\n\\nنص آخر").lines), python_plain_lines(analyze_alone("نص\\nاترك رد").lines)
    (True, False)
    """
    for line in lines:
        kind = line.kind
        if kind is not blank and (kind is not content or line.chrome_count):
            return False
    return True


plain_lines: Callable[[tuple[Line, ...], Kind, Kind], bool] = (
    python_plain_lines if speedups is None else speedups.plain_lines)


def judge_in_context(page: Page) -> Page:
    """Every context judgement, in order; each only adds to what the page holds.

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> page = analyze("قال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين في الأسبوع المقبل."
    ...                "\\nفيسبوك تويتر\\nصحيفة الأيام\\nواتساب تلغرام")
    >>> page.lines[2].kind.name, page.lines[2].evidence
    ('CHROME', 'a short line between chrome lines')
    """
    if nothing_to_judge(page) and _site_page_title(page) is None and not _notice_headings(page):
        return page
    for judge in JUDGEMENTS:
        page = judge(page)
    return page


def nothing_to_judge(page: Page) -> bool:
    """A first look for :func:`judge_in_context`, in one pass over the page's
    non-blank lines: True when no judgement can change the page (then it gives
    the page itself back), but for a site page's title and a notice's heading, which
    :func:`judge_in_context` asks of the page's first lines itself.  It asks each judgement's own test of a line, without
    the region the judgement looks in (numbers are guarded at the page's edges,
    chrome words and a dangling label count in its tail, a line between chrome
    lines at its edges): a line that fails the test fails it anywhere.  Most pages
    judged hold nothing to judge: of the 613 judged on 2,024 real pages, 604 were left
    as they were, and this look gave back 592 of them at once.

    >>> from arclean.normalizers.residue.analysis import analyze_alone
    >>> nothing_to_judge(analyze_alone("قال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين.\\n0\\nاترك رد"))
    True
    >>> nothing_to_judge(analyze_alone("قال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين.\\n2015"))
    False
    """
    if page.forum:
        return False  # poster cards, board lines
    lines, filled = page.lines, page.filled
    numbers: set[int | None] | None = None
    last = len(filled) - 1
    for at, index in enumerate(filled):
        line = lines[index]
        kind = line.kind
        if kind is CONTENT:
            if line.prose and not line.chrome_count:
                continue  # a paragraph: no test below says yes to it
            # A card's date of joining holds a chrome word, but after a bullet (``- إنضم``: a list's
            # item, whose words are not counted).
            if _is_tail_chrome(line) or (at == last and _is_dangling_label(line)) or (
                    0 < at < last and _may_stand_between_chrome(lines, filled, at)) or (
                    (line.chrome_count or line.guard is LIST_ITEM) and line.key.startswith(JOINED_LABELS)
                    and may_open_a_card(line)):
                return False
        elif (kind is FORUM or (kind is CHROME and line.guard is None and (_continues_wrapped(lines, index)
                                                                          or _in_a_card_of_facts(lines, index)))
              or (kind is _MASTHEAD and not line.by_context) or (kind is FOOTER and _is_imprint(lines, filled, at))
              or (kind is _FORM_LABEL and _heads_a_card_of_facts(page, index))):
            return False  # poster cards, board lines; a wrapped paragraph's line, a card's field or heading; a masthead's credit, its name
        elif kind in NUMBERS and line.guard is None:
            numbers = _numbers(page) if numbers is None else numbers  # found once a page
            if _number_guard(page, index, numbers) is not None:
                return False
        elif kind not in NUMBERS and line.key.startswith(JOINED_LABELS) and may_open_a_card(line):
            return False  # a card's date of joining, chrome or head by its label's words
    return find_post(page) is None


def _guard_notice_heading(page: Page) -> Page:
    """``إعلان`` alone on a line is an ad slot's label ("Advertisement") wherever it stands, but
    also the heading of an official notice ("Announcement"): as the page's first line, or right
    under its title, with the notice's text right under it, no blank line between them, it is the
    notice's heading and stays.  (An ad's label stands apart from the text, or among chrome.)

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> notice = "اعلان هام بخصوص المعاملات القنصلية\\nاعلان\\nالى ابناء الجالية العراقية الكرام.."
    >>> analyze(notice).lines[1].guard.name, analyze("الخبر\\n\\nاعلان\\n\\nنص الخبر").lines[2].guard
    ('NOTICE', None)
    """
    changed = {index: replace(page.lines[index], guard=NOTICE_HEADING, by_context=True) for index in _notice_headings(page)}
    return _with(page, changed)


def _notice_headings(page: Page) -> list[int]:
    """The indexes of the notice's headings among the page's first two lines (:func:`_guard_notice_heading`)."""
    if _WIDGET not in page.index:
        return []  # (most pages: the word is a widget's phrase)
    filled = page.filled
    return [filled[at] for at in range(min(2, len(filled))) if _is_notice_heading(page.lines, filled, at)]


#: The skeleton of ``إعلان`` (``اعلان``), a notice's heading or an ad's label (a widget's phrase).
_NOTICE = "اعلان"
_WIDGET = Kind.WIDGET


def _is_notice_heading(lines: Sequence[Line], filled: Sequence[int], at: int) -> bool:
    """Is the ``at``-th line of the page (the first or the second) a notice's heading
    (:func:`_guard_notice_heading`)?"""
    index = filled[at]
    line = lines[index]
    if line.kind is not _WIDGET or line.guard is not None or line.key != _NOTICE:
        return False
    below = index + 1
    if below >= len(lines) or lines[below].kind is not CONTENT:
        return False  # the notice's text right under it, no blank line between
    return at == 0 or (filled[0] == index - 1 and lines[index - 1].kind is CONTENT)


def _guard_wrapped_lines(page: Page) -> Page:
    """A line of a hard-wrapped paragraph that reads as chrome by its words
    (``في تعليقه على نتائج``, with ``تعليق``, between two lines of a report) is content:
    it continues the sentence of the line above it (see :func:`_continues_wrapped`).

    >>> from arclean.normalizers.residue.analysis import analyze_alone
    >>> page = analyze_alone("خلال الندوة الصحفية لتقييم دورة الامتحان الأخيرة أكد وزير التربية\\n"
    ...                      "في تعليقه على نتائج\\nامتحان الباكالوريا أنه من غير المعقول ألا ينجح نصف المتقدمين")
    >>> page.lines[1].kind.name, _guard_wrapped_lines(page).lines[1].guard.name
    ('CHROME', 'WRAPPED')
    """
    changed = {
        index: replace(page.lines[index], guard=WRAPPED, by_context=True)
        for index in page.index.get(CHROME, ())
        if page.lines[index].guard is None and _continues_wrapped(page.lines, index)
    }
    return _with(page, changed)


def _guard_imprints(page: Page) -> Page:
    """A book's imprint is part of the book: a copyright notice that names the edition, on its
    line or the next (``حقوق الطبع محفوظة`` over ``الطبعة الأولى``, ``جميع الحقوق محفوظة للناشر
    الطبعة الثانية 1417 هـ``), on a digital library's page, is content: no site prints an edition
    under its copyright.

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> analyze("مسند إسحاق بن راهويه\\nحقوق الطبع محفوظة\\nالطبعة الأولى\\n1412 هـ").lines[1].guard.name
    'IMPRINT'
    >>> analyze("نص الخبر كما ورد في الصحيفة.\\nجميع الحقوق محفوظة لموقع الخبر 2024").lines[1].guard is None
    True
    """
    footers: Sequence[int] = page.index.get(FOOTER, ())
    if not footers:
        return page  # no copyright notice (most pages judged)
    lines, filled = page.lines, page.filled
    changed = {index: replace(lines[index], guard=IMPRINT, by_context=True)
               for index in footers if _is_imprint(lines, filled, bisect_left(filled, index))}
    return _with(page, changed)


def _is_imprint(lines: tuple[Line, ...], filled: Sequence[int], at: int) -> bool:
    """Is the non-blank line ``filled[at]`` a copyright notice (footer, no guard, its rights
    reserved or a ©) that names an edition (:data:`_EDITION`) or a book's ISBN, or with the next
    non-blank line naming an edition?"""
    line = lines[filled[at]]
    if line.kind is not FOOTER or line.guard is not None or not (
            "©" in line.text or any(word in line.key for word in copyright_words())):
        return False
    if _EDITION.search(line.key) or _ISBN.search(line.text):
        return True
    return at + 1 < len(filled) and bool(_EDITION.search(lines[filled[at + 1]].key))


#: A print edition's word in a skeleton (``الطبعه الاولي``, ``طبعه ثانيه``, ``الطبعة``'s folded form).
_EDITION = re.compile(r"(?:^| )(?:ال|و|وال)?طبعه(?: |$)")
#: A book's ISBN-13 (``9786393756847``, ``978-977-14-0693-0``): a bookshop's card prints it beside the rights.
_ISBN = re.compile(r"(?<!\d)97[89](?:[- ]?\d){10}(?!\d)")


def _guard_fields_of_facts(page: Page) -> Page:
    """A field that reads as chrome by its words (``الصفحات: ٢٠٠``, with ``الصفحات``, a site's
    "pages") right under or over a field of content is a field of a card of facts (a book's
    subject, publisher, edition and pages), content: see :func:`_in_a_card_of_facts`.

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> card = "الناشر: دار ومكتبة الهلال للطباعة والنشر\\nالطبعة: ٠\\nالصفحات: ٢٠٠"
    >>> [line.guard.name if line.guard else line.kind.name for line in analyze(card).lines]
    ['CONTENT', 'CONTENT', 'FIELD']
    >>> analyze("الطبعة: ٠\\n\\nالصفحات: ٢٠٠").lines[2].kind.name
    'CHROME'

    The card goes on through the fields next to one of its own, whatever their words (a paper's
    record, ``من صفحة: 45`` under its subject, then ``إلى صفحة: 68``):

    >>> record = "مجال البحث: اقتصاد\\nمن صفحة: 45\\nإلى صفحة: 68"
    >>> [line.guard.name if line.guard else line.kind.name for line in analyze(record).lines]
    ['CONTENT', 'FIELD', 'FIELD']

    So is a poster card's field where it is the page's only forum line, between two fields of
    content: a drug's card has its ``تاريخ التسجيل: 05.02.09`` (its registration date) under ``رمز
    ATX: N02BE01``, and no board prints one field of a card alone.

    >>> drug = "العنصر النشط: الباراسيتامول\\nرمز ATX: N02BE01\\nتاريخ التسجيل: 05.02.09\\nالشركة المصنعة: بيوسينتيز"
    >>> analyze(drug).lines[2].guard.name
    'FIELD'
    """
    lines = page.lines
    chrome: Sequence[int] = page.index.get(CHROME, ())
    changed = {index: replace(lines[index], guard=FACT_FIELD, by_context=True)
               for index in chrome if _in_a_card_of_facts(lines, index)}
    if changed:  # the card goes on through the chrome fields next to one of its fields, up and down
        fields = set(chrome)
        for seed in list(changed):
            for step in (-1, 1):
                index = seed + step
                while index in fields and index not in changed and _may_be_a_fact(lines[index]):
                    changed[index] = replace(lines[index], guard=FACT_FIELD, by_context=True)
                    index += step
    forum: Sequence[int] = page.index.get(FORUM, ())
    if len(forum) == 1 and _in_a_card_of_facts(lines, forum[0], both=True):
        changed[forum[0]] = replace(lines[forum[0]], guard=FACT_FIELD, by_context=True)
    for index in page.index.get(_FORM_LABEL, ()):
        if _heads_a_card_of_facts(page, index):
            changed[index] = replace(lines[index], guard=FACT_FIELD, by_context=True)
    return _with(page, changed)


#: The kind of a comment form's labels by their phrases (``الاسم``, ``الموقع الإلكتروني``): a card of
#: facts shares them as its heading (:func:`_heads_a_card_of_facts`), an infobox as a field's label
#: over an address (:func:`labels_an_address`), and then they end no article.  (A pager's ``السابق
#: التالي``, chrome by its words, over a card's first fields stays chrome.)
_FORM_LABEL = Kind.COMMENT
#: A card's heading: two words at most.
_MAX_CARD_HEADING_WORDS = 2


def _heads_a_card_of_facts(page: Page, index: int) -> bool:
    """Is the line (a comment form's label by its phrase, two words at most, no guard) over two
    fields of content, the next two lines but blank ones (:func:`_is_content_field`): the heading
    of a card of facts, not a form's label?  A species' card has ``الإسم`` over ``الإسم: الوعل النوبي``
    and ``الإسم العلمي: Capra nubiana``; a comment form's fields hold no value.

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> card = ("يعيش الوعل النوبي في الجبال الصحراوية ويتسلق الصخور بسهولة كبيرة.\\nالإسم\\n\\n"
    ...         "الإسم: الوعل النوبي\\nالإسم العلمي: Capra nubiana")
    >>> analyze(card).lines[1].guard.name, analyze(card.replace("الإسم العلمي:", "البريد الإلكتروني")).lines[1].guard
    ('FIELD', None)
    """
    line = page.lines[index]
    if line.words > _MAX_CARD_HEADING_WORDS or line.guard is not None or line.by_context:
        return False
    first = page.neighbour(index, 1)
    if first is None or not _is_content_field(page.lines[first]):
        return False
    second = page.neighbour(first, 1)
    return second is not None and _is_content_field(page.lines[second])


def _in_a_card_of_facts(lines: tuple[Line, ...], index: int, both: bool = False) -> bool:
    """Is the line (chrome by its words alone, or a forum line, no guard) a field, a label, a colon
    and a value, right under or over a field of content (no blank line between) that holds no
    chrome word (with ``both``, under one and over another: a poster card's field left alone
    beside a field no phrase lists, ``الموقع : القاهرة`` over ``نقاط : 39133``, is the card's)?
    A counter is neither (``المشاهدات: 171`` goes)."""
    if not _may_be_a_fact(lines[index]):
        return False
    near = [_is_content_field(lines[k]) for k in (index - 1, index + 1) if 0 <= k < len(lines)]
    return all(near) and len(near) == 2 if both else any(near)


def _may_be_a_fact(line: Line) -> bool:
    """A field (:data:`_FIELD`) no judgement has guarded yet: a card of facts may take it in."""
    return not line.by_context and line.guard is None and bool(_FIELD.match(line.text))


def _is_content_field(line: Line) -> bool:
    """A field (:data:`_FIELD`) of content with no chrome word and no guard."""
    return line.kind is CONTENT and line.guard is None and not line.chrome_count and not line.prose and bool(
        _FIELD.match(line.text))


#: A field: a label of a few words (no digit first), a colon, and a value after it.
_FIELD = re.compile(r"\s*[^\d\s:][^:\n]{0,30}:\s*\S")


def _continues_wrapped(lines: tuple[Line, ...], index: int) -> bool:
    """Does the line (chrome by its words or shape alone, not by its neighbours) continue a
    sentence of a hard-wrapped paragraph?  It has three words or more and opens with a function
    word, the line right above it (no blank line between) is content of six words or more that
    ends no sentence nor label, and the line right below is content that does not copy it."""
    line = lines[index]
    if line.by_context or line.words < _MIN_WRAPPED_LINE_WORDS or not 0 < index < len(lines) - 1:
        return False
    above, below = lines[index - 1], lines[index + 1]
    if above.kind is not CONTENT or below.kind is not CONTENT or above.words < _MIN_WRAPPED_WORDS:
        return False
    if ends_sentence(above.text) or above.text.rstrip().endswith(":"):
        return False
    if is_near_duplicate(above, below) or is_doubled(above, below):
        return False  # a link between a title and its copy (a forum post's header), no wrapped sentence
    first = line.key.split(maxsplit=1)
    return bool(first) and listed(first[0], function_words())


def _may_stand_between_chrome(lines: tuple[Line, ...], filled: Sequence[int], at: int) -> bool:
    """:func:`_judge_by_neighbours`' test of the non-blank line ``filled[at]``, not first nor
    last, wherever it stands: a short line of content (or a menu's item) after a chrome line,
    and before one, or before a short line that is."""
    above, line = lines[filled[at - 1]], lines[filled[at]]
    if not _is_chrome(above) or not (_is_context_line(line) or _is_menu_item(line, above)):
        return False
    after = lines[filled[at + 1]]
    return _is_chrome(after) or (at + 2 < len(filled) and (_is_context_line(after) or _is_menu_item(after, above))
                                 and _is_chrome(lines[filled[at + 2]]))


def _with(page: Page, changed: dict[int, Line]) -> Page:
    if not changed:
        return page
    return Page(tuple(changed.get(i, line) for i, line in enumerate(page.lines)), page.extra, page.forum, page.alone)


# --- content guards -------------------------------------------------------------------------


def _number(line: Line) -> int | None:
    digits = line.text.strip()
    return int(digits) if line.kind is NUMBER and digits.isdigit() else None


def _guard_site_page_title(page: Page) -> Page:
    """The title of a site's own page, a link of its footer (``شروط الخدمة``, ``سياسة الخصوصية``,
    ``من نحن``) as the page's first line with the page's text under it, or right over the page's
    first paragraph (its copy aside), stays: the footer's links go where they stand in a menu,
    among other chrome lines, not over the text they name.  On such a page no line between its
    paragraphs is residue: a privacy page lists names and e-mail addresses, a cookie policy
    speaks of cookies in the words of a cookie banner.

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> terms = "استخدامك لأي من خدماتنا يعني موافقتك على جميع الشروط."
    >>> analyze("شروط الخدمة\\nأخر تحديث: 2025-11-15\\n" + terms).lines[0].guard.name
    'SITE_PAGE'
    >>> analyze("شروط الخدمة\\nسياسة الخصوصية\\n" + terms).lines[0].guard is None
    True
    >>> policy = "نحن في المتجر نولي أهمية كبيرة لخصوصية عملائنا، ونتعهد بحماية بياناتهم الشخصية كلها."
    >>> page = analyze("عرض مميز: شحن مجاني ودفع عند الاستلام!\\nسياسة الخصوصية\\nسياسة الخصوصية\\n" + policy)
    >>> [line.guard.name if line.guard else None for line in page.lines[:3]]
    [None, 'SITE_PAGE', None]
    """
    index = _site_page_title(page)
    if index is None:
        return page
    changed = {index: replace(page.lines[index], guard=SITE_PAGE_TITLE, by_context=True)}
    # Over its first paragraph, the page's text may open in the words of a banner (``باستخدامك لهذا
    # الموقع، فإنك توافق على …``): a paragraph-long sentence there is the text's own.
    end = len(page.lines) if page.first_prose is None else page.first_prose
    changed.update((at, replace(page.lines[at], guard=SITE_PAGE_TITLE, by_context=True))
                   for at in range(index + 1, end) if page.lines[at].is_residue and _reads_as_paragraph(page.lines[at]))
    if page.first_prose is not None and page.last_prose is not None:
        # The page's own text speaks of what other pages print as chrome (cookies, a comment's
        # name field, a contact's WhatsApp number): between its paragraphs, no line is residue.
        changed.update((at, replace(page.lines[at], guard=SITE_PAGE_TITLE, by_context=True))
                       for at in range(page.first_prose + 1, page.last_prose) if page.lines[at].is_residue)
    return _with(page, changed)


def _site_page_title(page: Page) -> int | None:
    """The index of the site page's title (:func:`_guard_site_page_title`): a footer's link of a
    few words (no copyright notice, no label), as the page's first line over the page's text
    (:func:`_opens_its_text`); or right over the page's first paragraph, the first of its copies,
    with no list mark, and under no residue line unless the paragraph names it (no menu's last item)."""
    if FOOTER not in page.index:
        return None
    filled, lines = page.filled, page.lines
    top = 0
    while top < len(filled) - 1 and _is_skip_link(lines[filled[top]]):
        top += 1  # a skip link stands over everything, a site page's title too
    if len(filled) - top < 2:
        return None
    first, below = lines[filled[top]], lines[filled[top + 1]]
    if _may_be_site_page_title(first) and (
            (below.kind is CONTENT and below.words > _MAX_MENU_ITEM_WORDS) or _reads_as_paragraph(below)
            or (_names_a_site_page(first) and _opens_its_text(page, top))):
        return filled[top]
    if page.first_prose is None:
        return None
    at = bisect_left(filled, page.first_prose) - 1
    if at < 0 or lines[filled[at]].kind is not FOOTER:
        return None
    while at > 0 and lines[filled[at - 1]].key == lines[filled[at]].key:
        at -= 1  # the title's copies, printed right under it
    title = lines[filled[at]]
    if not _may_be_site_page_title(title) or title.text.lstrip().startswith(LIST_MARKS):
        return None  # a menu's last item over the text is no title
    # Under a residue line, a menu's last item, unless the paragraph names it (``تتناول سياسة الخصوصية هذه …``).
    if at == 0 or not lines[filled[at - 1]].is_residue or title.key in lines[page.first_prose].key:
        return filled[at]
    return None


def _reads_as_paragraph(line: Line) -> bool:
    """A line of a paragraph's length that ends with a full stop, whatever its kind: a site page's
    text that opens with a banner's words (``باستخدامك لهذا الموقع، فإنك توافق على الالتزام بشروط
    الاستخدام الموضحة أدناه.``) reads as one."""
    text = line.text.rstrip()
    return text.endswith(".") and not text.endswith("..") and is_prose(text, line.words)


def _opens_its_text(page: Page, top: int = 0) -> bool:
    """Does the page's text start under its first line (or the line ``top`` lines of content
    down, under skip links): past the line's copies, the page's first paragraph, with two lines
    of content at most before it (a heading, a date) and no residue line?  (A menu of a site's
    links is residue, or a column of short items with no paragraph under them.)"""
    lines, filled, prose = page.lines, page.filled, page.first_prose
    title = lines[filled[top]].key
    between = 0
    for index in filled[top + 1:]:
        line = lines[index]
        if line.key == title:
            continue  # the title's copy
        if index == prose:
            return True
        if line.is_residue or between == _MAX_LINES_OVER_TEXT:
            return False
        between += 1
    return False


def _is_skip_link(line: Line) -> bool:
    """A page's skip link (``تخطي إلى المحتوى``, ``Skip to main content``): head chrome that
    names the page's content as where it leads.

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> [_is_skip_link(line) for line in analyze("تخطي إلى المحتوى\\nالرئيسية\\nنص الصفحة").lines]
    [True, False, False]
    """
    return line.kind is Kind.HEAD and line.words <= _MAX_SKIP_LINK_WORDS and line.key.endswith(_SKIP_LINK_TARGETS)


#: Where a skip link leads, as its last words (skeletons): the content, the main content.
_SKIP_LINK_TARGETS = ("المحتوي", "المحتوي الرئيسي", "content", "main content")
_MAX_SKIP_LINK_WORDS = 5


def _names_a_site_page(line: Line) -> bool:
    """Does the line name a site's own page (a word of ``words/site_pages.txt``: ``سياسة``, ``شروط``)?"""
    words = site_page_words()
    return any(listed(word, words) for word in line.key.split())


def _may_be_site_page_title(line: Line) -> bool:
    return (line.kind is FOOTER and line.guard is None and line.words <= _MAX_SITE_PAGE_TITLE_WORDS
            and ":" not in line.text and not is_copyright(line.text, line.key))


#: A site page's title is a footer's link of this many words at most (``سياسة ملفات تعريف الارتباط``).
_MAX_SITE_PAGE_TITLE_WORDS = 4
#: Between a site page's title and its first paragraph, this many lines of content at most.
_MAX_LINES_OVER_TEXT = 2
#: A menu's item under a footer's link: this many words at most.
_MAX_MENU_ITEM_WORDS = 3


def _guard_numbers(page: Page) -> Page:
    """Numbers at the page's edges that are content: table cells, numbered
    series, years.  (Inside the article every number is content.)"""
    if NUMBERS.isdisjoint(page.index):
        return page  # no number to guard
    numbers = _numbers(page)
    changed = {}
    guarded: dict[tuple[int, Guard], Line] = {}  # one guarded line for each line and guard
    for index in page.at_edges(page.of_kinds(NUMBERS)):
        line = page.lines[index]
        if line.guard is not None:
            continue
        guard = _number_guard(page, index, numbers)
        if guard is not None:
            key = (id(line), guard)
            if key not in guarded:
                guarded[key] = replace(line, guard=guard, by_context=True)
            changed[index] = guarded[key]
    return _with(page, changed)


def _numbers(page: Page) -> set[int | None]:
    """The numbers the bare number lines hold (a set: a Counter is made in Python, and only
    whether a number is held is asked)."""
    return {_number(page.lines[i]) for i in page.index.get(NUMBER, ())}


def _number_guard(page: Page, index: int, numbers: set[int | None]) -> Guard | None:
    value = _number(page.lines[index])
    if _in_table(page, index):
        return TABLE_CELL
    if value is not None and (value - 1 in numbers or value + 1 in numbers or _count_goes_on(page, index, value)):
        return SERIES_NUMBER
    if value is not None and (1300 <= value <= 1499 or 1900 <= value <= 2099):
        return YEAR_ALONE
    if value is not None and 1 <= value <= 31 and _over_a_month(page, index):
        return DATE_PART
    if _over_its_unit(page, index):
        return QUANTITY
    if _under_a_numbered_label(page, index):
        return FACT_FIELD
    if _starts_a_wrapped_copy(page, index):
        return WRAPPED
    return TABLE_CELL if (_in_rows(page, index) or _closes_a_table(page, index) or _over_a_figure(page, index)
                          or _in_contents(page, index)) else None


#: A table of contents' page numbers: this many at least, the one asked about among them.
_MIN_CONTENTS_PAGES = 4


def _in_contents(page: Page, index: int) -> bool:
    """Is a bare number one of a table of contents' page numbers: the lines around it, blank lines
    aside, alternate an entry (a line of text that reads as no paragraph) and a bare number, four
    numbers or more that never go down, three of them different (two parts starting on one page:
    ``… بعد الانقلاب`` over ``7``, ``خزائن المخطوطات بين النهب والإهمال`` over ``7``)?  A page's
    counters do not count its pages up.

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> page = analyze("قائمة المحتويات\\nتمهيد\\n3\\nأماكن المخطوطات\\n5\\nبعد الانقلاب\\n7\\n"
    ...                "خزائن المخطوطات بين النهب والإهمال\\n7\\nوقائع مؤلمة\\n11")
    >>> _in_contents(page, 6), _in_contents(page, 8)
    (True, True)
    >>> _in_contents(analyze("عنوان الخبر\\n3\\nالكاتب أحمد\\n3\\nقسم الأخبار\\n0\\nتعليقات\\n5"), 3)
    False
    """
    lines, filled = page.lines, page.filled
    at = bisect_left(filled, index)
    if at == 0 or not _is_entry(lines[filled[at - 1]]):
        return False
    pages = [_number(lines[index])]
    k = at - 2  # the rows above: a number over an entry
    while k >= 1 and lines[filled[k]].kind is NUMBER and _is_entry(lines[filled[k - 1]]):
        pages.insert(0, _number(lines[filled[k]]))
        k -= 2
    k = at + 1  # the rows below: an entry over a number
    while k + 1 < len(filled) and _is_entry(lines[filled[k]]) and lines[filled[k + 1]].kind is NUMBER:
        pages.append(_number(lines[filled[k + 1]]))
        k += 2
    numbers = [p for p in pages if p is not None]
    return (len(numbers) == len(pages) >= _MIN_CONTENTS_PAGES and len(set(numbers)) >= 3
            and all(a <= b for a, b in pairwise(numbers)))


def _is_entry(line: Line) -> bool:
    return line.kind is CONTENT and not line.prose


def _over_a_figure(page: Page, index: int) -> bool:
    """Is the line right under a bare number (no blank line between) a figure with decimals: the
    two are values in a column (a program's output, ``100`` over ``1000.0``; a table's cells
    printed a cell to a line), where a page's counter stands over a title, a date or a button?

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> page = analyze("وتطبع الدالة القيم التالية:\\n100\\n1000.0\\nJohn\\nتعليقات\\n3")
    >>> _over_a_figure(page, 1), _over_a_figure(page, 5)
    (True, False)
    """
    below = index + 1
    return below < len(page.lines) and DECIMAL_FIGURE.fullmatch(page.lines[below].text) is not None


def _over_its_unit(page: Page, index: int) -> bool:
    """Is the line right under a bare number (no blank line between) one that starts with a
    currency or a unit of measure (``words/units.txt``): the number a price or a measure printed
    a line above its unit (``800`` over ``يوان صيني للشخص الواحد في السنة`` on a hard-wrapped
    page)?  A counter's number stands over a title, a date or its counter's word.

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> page = analyze("التأمين الطبي الشامل\\n800\\nيوان صيني للشخص الواحد في السنة\\n3\\nتعليقات")
    >>> _over_its_unit(page, 1), _over_its_unit(page, 3)
    (True, False)
    """
    below = index + 1
    if below >= len(page.lines) or page.lines[below].kind is not CONTENT:
        return False
    first = page.lines[below].key.split(maxsplit=1)
    return bool(first) and first[0] in units()


def _over_a_month(page: Page, index: int) -> bool:
    """Is the line under a bare number a month's name, alone or with a year (a date printed a
    part to a line, ``14`` over ``OCTOBER`` over ``2025``): the number is the date's day?

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> page = analyze("بيان هام\\n14\\nأكتوبر\\n2025\\n3\\nتعليقات")
    >>> _over_a_month(page, 1), _over_a_month(page, 4)
    (True, False)
    """
    below = page.neighbour(index, 1)
    if below is None:
        return False
    words = page.lines[below].key.split()
    if words and words[-1].isdigit():
        words.pop()  # the year after the month's name
    return 1 <= len(words) <= 2 and " ".join(words) in month_names()


def _under_a_numbered_label(page: Page, index: int) -> bool:
    """Is the line above a bare number the label of a numbered part (a magazine's issue, a
    series' episode: ``العدد`` over ``64``), or a count's label that names what it counts, no
    counter word (an infobox's ``عدد اعضاء مجلس المحافظة`` over ``29``; ``عدد المشاهدات`` over
    a number is a counter): the number its value?

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> page = analyze("مجلة الثقافة الشعبية\\nالعدد:\\n64\\nتعليقات\\n3\\nعدد سكان القرية\\n850\\nعدد المشاهدات\\n120")
    >>> [_under_a_numbered_label(page, i) for i in (2, 4, 6, 8)]
    [True, False, True, False]
    """
    above = page.neighbour(index, -1)
    if above is None:
        return False
    label = page.lines[above]
    if label.key in numbered_labels():
        return True
    first, _, named = label.key.partition(" ")
    return (first in _COUNT_LABELS and bool(named) and label.kind is CONTENT
            and not any(listed(word, counter_words()) for word in named.split()))


#: The word a count's label starts with (``عدد السكان``), folded.
_COUNT_LABELS = frozenset({"عدد", "العدد"})


#: Lines above a bare number (blank lines aside) read for the line it and the line under it start.
_COPIED_LINES_ABOVE = 6


def _starts_a_wrapped_copy(page: Page, index: int) -> bool:
    """Does a bare number and the line right under it read as the start of a line above: a
    title that begins with a number, printed again wrapped (``80`` over ``مسألة مفيدة`` under
    ``80 مسألة مفيدة تتعلق بالعقيدة``)?  Then the number is the copy's first word, no counter.

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> page = analyze("80 مسألة مفيدة في العقيدة\\n80\\nمسألة مفيدة\\nفي العقيدة\\n80\\nتعليقات")
    >>> _starts_a_wrapped_copy(page, 1), _starts_a_wrapped_copy(page, 4)
    (True, False)
    """
    lines = page.lines
    if index + 1 >= len(lines) or lines[index + 1].kind is not CONTENT:
        return False
    start = f"{lines[index].key} {lines[index + 1].key}"
    above = index
    for _line in range(_COPIED_LINES_ABOVE):
        found = page.neighbour(above, -1)
        if found is None:
            return False
        above = found
        if lines[above].key.startswith(start):
            return True
    return False


#: A number that marks a verse in running text: at the line's start or after a sentence's end, a word after it.
_VERSE_NUMBER = re.compile(r"(?:^|(?<=[.!?؟:»”\"*]) )(\d{1,3}) +\w")


def _count_goes_on(page: Page, index: int, value: int) -> bool:
    """Does the text under a bare number go on counting from it: the next line holds
    the next number as a verse's mark (``1`` over ``في البدء خلق الله السماوات والأرض.
    2 وكانت الأرض …``: a chapter's first verse number, the next ones in the text)?

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> page = analyze("سفر التكوين\\n1\\nفي البدء خلق الله السماوات والأرض. 2 وكانت الأرض خربة وخالية.")
    >>> _count_goes_on(page, 1, 1), _count_goes_on(analyze("0\\nقتل 1 وجرح 2 في الحادث."), 0, 0)
    (True, False)
    """
    below = page.neighbour(index, 1)
    if below is None:
        return False
    folded, following = page.lines[below].folded, str(value + 1)  # (folded: its digits are ASCII)
    return following in folded and following in _VERSE_NUMBER.findall(folded.strip())


def _is_cell(page: Page, index: int) -> bool:
    line = page.lines[index]
    if line.kind in NUMBERS or _has_bar(line.text):
        return True
    return line.kind is CONTENT and 1 <= line.words <= 3


#: A face's straight mouth (``:|``, ``:-|``), in a blog's legend of emoticons: no table's bar.
_FACE = re.compile(r"[:;=]-?\|")


def _has_bar(text: str) -> bool:
    """Does the line hold a table's bar ``|`` (a face's mouth aside)?

    >>> _has_bar("الأهلي | 30"), _has_bar(":) :( :-o :| :-t"), _has_bar("نص")
    (True, False, False)
    """
    return "|" in text and "|" in _FACE.sub("", text)


def _in_table(page: Page, index: int) -> bool:
    """Between two cells, or, for a bare number, between a cell and the edge of the
    document, one of them a cell of text (a column of bare numbers is a run of counters,
    not a table: guarding all but its first line would let each run drop one more);
    or next to a row drawn with ``|``.  A number with counter words (``3 تعليقات``) at the
    page's edge is the page's counter, under a poem's last verse as under a paragraph:
    a table's cells are bare numbers.

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> page = analyze("نص الخبر كما ورد.\\nالأهلي\\n30\\nالزمالك\\n28\\n0\\n0")
    >>> [_in_table(page, i) for i in (2, 4, 5, 6)]
    [True, True, False, False]
    >>> _in_table(analyze("ووجهك دورة قمر\\nيشرق لنا ضياء خذك\\n3 تعليقات"), 2)
    False
    """
    neighbours = [n for n in (page.neighbour(index, -1), page.neighbour(index, 1)) if n is not None]
    if any(_has_bar(page.lines[n].text) for n in neighbours):
        return True
    if len(neighbours) < 2 and page.lines[index].kind is COUNTER:
        return False
    return (bool(neighbours) and all(_is_cell(page, n) for n in neighbours)
            and any(page.lines[n].kind not in NUMBERS for n in neighbours))


#: A table's row: this many cells at most (:func:`_in_rows`).
_MAX_ROW_CELLS = 6


def _cell_type(line: Line) -> int:
    """A line as a table's cell: 1 a number (bare, or with decimals: ``27.50``), 2 a short line
    of text (three words at most; no label, byline or other guarded line, none with a colon), 0 none."""
    if line.kind is NUMBER:
        return 1
    if line.kind is not CONTENT or line.guard is not None or not 1 <= line.words <= 3 or ":" in line.text:
        return 0
    return 1 if line.key.replace(" ", "").isdigit() else 2


def _in_rows(page: Page, index: int) -> bool:
    """A bare number in a table's rows where :func:`_in_table` cannot tell (the last number
    of a table a paragraph follows, the first of one under a paragraph, a number between
    two): it stands in one of two rows in a row that are alike, cell for cell (numbers and
    short lines of text), two to six cells with a line of text among them (``الأهلي 30 62
    الزمالك 30 58``: the last row as the one above it).  Counters under a row do not repeat it.

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> page = analyze("الفريق\\nالأهلي\\n30\\n62\\nالزمالك\\n30\\n58\\nوتحسم الجولة الأخيرة غدا لقب الدوري هذا الموسم.")
    >>> _in_table(page, 6), _in_rows(page, 6)
    (False, True)
    >>> _in_rows(analyze("نص الخبر كما ورد.\\nالأهلي\\n30\\nالزمالك\\n28\\n0\\n0"), 6)
    False
    """
    lines, filled = page.lines, page.filled
    if lines[index].kind is not NUMBER:
        return False  # a counter's words are no table's cell
    at = bisect_left(filled, index)
    reach = 2 * _MAX_ROW_CELLS - 1  # two rows on one side of the number, at most
    above: list[int] = []  # the cells right above it, nearest first, then those right below it
    below: list[int] = []
    for step, cells in ((-1, above), (1, below)):
        k = at + step
        while len(cells) < reach and 0 <= k < len(filled) and (cell := _cell_type(lines[filled[k]])):
            cells.append(cell)
            k += step
    if len(above) + len(below) < 3:
        return False  # fewer than two rows of two cells
    cells = [*reversed(above), 1, *below]
    here = len(above)
    for size in range(2, min(_MAX_ROW_CELLS, len(cells) // 2) + 1):
        for first in range(max(0, here - 2 * size + 1), min(here, len(cells) - 2 * size) + 1):
            row = cells[first:first + size]
            if 2 in row and row == cells[first + size:first + 2 * size]:
                return True
    return False


#: Short lines over a bare number that :func:`_closes_a_table` reads, at most.
_MAX_TABLE_REACH = 2 * _MAX_ROW_CELLS
#: A table's cell of text holds this many words at most (:func:`_closes_a_table`).
_MAX_CELL_WORDS = 5


def _closes_a_table(page: Page, index: int) -> bool:
    """Is a bare number under a line of text the last cell of a table whose cells are not
    drawn alike row for row (a scraped infobox: some titles with their count, some without,
    ``كأس السوبر الإفريقي`` with no number, ``الكأس الأفروآسيوية للأندية`` over ``1``; a climate
    table's labels over their figures, ``هطول الأمطار السنوي ملم`` over ``517``)?  The short lines
    right above it, up to a paragraph or a blank line, hold a number that is a table's cell
    (:func:`_in_table`) or a figure with decimals (``8.7``): the number ends the same table.  A
    page's counter stands under its title, byline or date, not under a table's cells.

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> page = analyze("البطولات\\nدوري أبطال إفريقيا\\nكأس الكونفيدرالية الإفريقية\\n1\\nكأس الكؤوس الإفريقية\\n"
    ...                "كأس الاتحاد الإفريقي 0\\nكأس السوبر الإفريقي\\nالكأس الأفروآسيوية للأندية\\n1\\n\\n"
    ...                "شارك النادي في العديد من البطولات القارية وفاز بأكثرها.")
    >>> _in_table(page, 8), _in_rows(page, 8), _closes_a_table(page, 8)
    (False, False, True)
    >>> _closes_a_table(analyze("عنوان الخبر اليوم\\nالكاتب أحمد\\n0\\n\\nقال الوزير إن الخطة جاهزة."), 2)
    False
    >>> page = analyze("المناخ\\nالمتوسط السنوي لدرجة الحرارة\\n18.5\\nهطول الأمطار السنوي ملم\\n517\\n\\n"
    ...                "مناخ المدينة انتقالي بين المناخ شبه الاستوائي الرطب والمناخ القاري.")
    >>> _in_table(page, 4), _closes_a_table(page, 4)
    (False, True)
    """
    lines = page.lines
    above = index - 1
    if above < 0 or lines[above].kind is not CONTENT or not 1 <= lines[above].words <= _MAX_CELL_WORDS:
        return False  # right under a line of text, no blank line between
    for step in range(_MAX_TABLE_REACH):
        line = lines[above]
        if step and (line.kind is NUMBER and _in_table(page, above) or DECIMAL_FIGURE.fullmatch(line.text)):
            return True
        if not (line.kind is NUMBER or (line.kind is CONTENT and not line.prose and 1 <= line.words <= _MAX_CELL_WORDS)):
            return False
        above -= 1
        if above < 0:
            return False
    return False


# --- neighbours -----------------------------------------------------------------------------


#: The residue kinds :func:`_is_chrome` says no to.
_NOT_CHROME = (Kind.NUMBER, Kind.RELATED)


def _is_chrome(line: Line) -> bool:
    """Is the line chrome that makes a short line beside it chrome too?  Not a script's end (``});``):
    a program's listing ends so, around its own lines."""
    return line.is_residue and line.kind not in _NOT_CHROME and line.evidence != SCRIPT_END


#: The kinds of the lines :func:`_is_chrome` may say yes to.
_CHROME_KINDS = frozenset(kind for kind in Kind if kind.is_residue) - set(_NOT_CHROME)


def _context_candidate(page: Page, index: int, chrome_end: int | None = None) -> bool:
    """``chrome_end``: where the page's closing run of chrome starts (a line
    there is at the page's edge even when, with no prose, the regions do not
    say so)."""
    line = page.lines[index]
    return (page.region(index) is not IN_ARTICLE or (chrome_end is not None and index >= chrome_end)) and (
        _is_context_line(line) or (line.guard is LIST_ITEM and _is_short_content(line)))


def _is_context_line(line: Line) -> bool:
    """A line a context judgement may make chrome by its neighbours: a short line of content, no sentence, no number,
    no guard, and not the page's title (known by its copies, or a forum post's by its byline)."""
    return line.guard is None and _is_short_content(line)


def _is_short_content(line: Line) -> bool:
    return (
        line.kind is CONTENT
        and not line.title
        and not line.prose
        and 1 <= line.words <= _MAX_CONTEXT_WORDS
        and not ANY_DIGIT.search(line.key)
    )


def _is_menu_item(line: Line, above: Line) -> bool:
    """Is a short list item (:func:`_is_short_content`) an item of a menu: the chrome line
    above the run it stands in is an item of the same list, marked alike (vBulletin 5's filter,
    ``• تصفية - فلترة`` over ``• الوقت`` and ``• عرض``)?  Then the judgement by neighbours
    may take it, as it takes a short line of content; an item of the text's own list keeps its
    guard.

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> page = analyze("  • تصفية - فلترة\\n  • الوقت\\n  • عرض\\nإلغاء تحديد الكل\\n"
    ...                "قال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين في الأسبوع المقبل.")
    >>> [line.kind.name for line in page.lines[:4]]
    ['FORUM', 'CHROME', 'CHROME', 'HEAD']
    >>> _is_menu_item(page.lines[1], analyze("- تصفية - فلترة").lines[0])
    False
    """
    mark = above.text.lstrip()[:1]
    return (line.guard is LIST_ITEM and _is_chrome(above) and mark in LIST_MARKS and line.text.lstrip().startswith(mark)
            and _is_short_content(line) and line.words <= _MAX_MENU_ITEM_WORDS)


#: A menu's item has a word or two (``الوقت``, ``عرض``); a list of the text's parts, more.
_MAX_MENU_ITEM_WORDS = 2


def _is_announced(page: Page, item: int) -> bool:
    """Is the list the item stands in announced: an item above it (or the item) ending with a colon,
    or a line of content ending with one right above the list's first item (blank lines aside)?
    The text's list, whatever its items' words (a call for papers' ``ترتيب البحث:`` over ``-
    البريد الإلكتروني``; a step's ``- إدخال بيانات المستلم كما يلي:`` over the data it lists).

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> page = analyze("ترتيب البحث:\\n- عنوان البحث\\n- البريد الإلكتروني\\nالرئيسية\\n- أخبار\\n- اتصل بنا")
    >>> _is_announced(page, 2), _is_announced(page, 5)
    (True, False)
    """
    lines = page.lines
    mark = lines[item].text.lstrip()[:1]
    at: int | None = item
    while at is not None and lines[at].text.lstrip().startswith(mark):
        if lines[at].text.rstrip().endswith(":"):
            return True  # an item that announces the items under it
        at = page.neighbour(at, -1)
    return at is not None and lines[at].kind is CONTENT and lines[at].text.rstrip().endswith(":")


def _closing_chrome(page: Page) -> int | None:
    """The first line of the run at the page's end made of chrome lines and
    short lines (at most two in a row) between them; None if the page does not
    end with chrome."""
    filled = page.filled
    start, gap = None, 0
    for index in reversed(filled):
        line = page.lines[index]
        if _is_chrome(line):
            start, gap = index, 0
        elif start is not None and gap < 2 and line.kind is CONTENT and not line.prose and line.words <= _MAX_CONTEXT_WORDS:
            gap += 1
        else:
            break
    return start


def _judge_tail_words(page: Page) -> Page:
    """In the page's tail, after the last paragraph, the region is evidence too:
    a short line (three words or more, not a sentence) 60% made of chrome and
    function words, one chrome word at least, is chrome (``لا توجد تعليقات أو
    ردود بعد``, ``للاستمرار في القراءة اشترك الآن``), where elsewhere it takes 70%.
    Not with more than :data:`MAX_CONTENT_UNDER_CHROME` lines of content under it: a page of
    one paragraph and a poem or a list has no tail there, only more text.

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> intro = "أود أن أخبركم بأنها خاطرة كتبتها في عيد ميلادي الثامن عشر، وأرجو أن تنال إعجابكم.\\n"
    >>> analyze(intro + "أترككم معها الآن").lines[1].kind.name
    'CHROME'
    >>> analyze(intro + "أترككم معها الآن\\n" + "\\n".join(["نادتني أمي بصوتها الهادئ"] * 7)).lines[1].kind.name
    'CONTENT'
    """
    content = page.index.get(CONTENT, ())
    start = bisect_left(content, page.tail_start)
    last = len(content) - 1
    changed = {
        index: replace(line, kind=CHROME, evidence=f"chrome words in the tail: {line.chrome_count} of {line.words}",
                       by_context=True)
        for at in range(max(start, last - MAX_CONTENT_UNDER_CHROME), len(content))
        if _is_tail_chrome(line := page.lines[index := content[at]])
    }
    return _with(page, changed)


def _is_tail_chrome(line: Line) -> bool:
    """A line of content the tail makes chrome: three words or more, no sentence, 60 % chrome or
    function words (numbers too), and no forum post's dated header, mostly numbers as it is, nor
    a field that tells a time of day or a score (a hotel's ``تسجيل الوصول: بعد 14:00``, a
    review's ``التقييم بالنجوم: 4/5``: facts), nor a book card's count of its pages (``عدد الصفحات:
    1108``), nor a wiki's section heading with its edit link (``التعليقات والآراء[عدل]``)."""
    return bool(
        line.chrome_count
        and line.guard is None
        and not line.prose
        and line.words >= _MIN_TAIL_CHROME_WORDS
        and not ends_with_period(line.text)
        and (line.chrome_count + line.filler_count) * 10 >= line.words * 6
        and not holds_fact_field(line.text)
        and not counts_pages(line.key.split())
        and not line.text.rstrip().endswith(_WIKI_EDIT_LINKS)
        and not is_post_byline(line.text, line.key)  # a post's dated header (قديم 22-12-2005, 02:20 PM المشاركة 2)
    )


#: A wiki's edit link after a section's heading (MediaWiki's Arabic and English labels).
_WIKI_EDIT_LINKS = ("[عدل]", "[عدل المصدر]", "[تعديل]", "[edit]", "[edit source]")


def _judge_by_neighbours(page: Page) -> Page:
    """A short line, or a run of two, between two chrome lines at the page's
    edge is chrome, and so are the other copies of a line repeated in such a
    place (a site or board name printed above and below its menus).  Not a forum
    post's title (:func:`~arclean.normalizers.residue.title.find_post`), which a board
    prints between its own lines (``شاطر`` above, ``اذهب الى الأسفل`` below).  Not a run
    with a line of three words or more under a poster card's count or name line on
    a forum's page (:func:`is_card_mark`): that is a short post, where a card's own
    labels (``الأوسمة``, ``عضو فعال``) are a word or two."""
    if _CHROME_KINDS.isdisjoint(page.index):
        return page  # no chrome line for a line to stand between (two thirds of the pages the rounds judge)
    changed: dict[int, Line] = {}
    between: set[str] = set()
    chrome_end = _closing_chrome(page)
    candidates = _neighbour_candidates(page, chrome_end)
    chosen = set(candidates)
    for index in candidates:
        if index in changed:
            continue
        run = [index]
        after = page.neighbour(index, 1)
        if after in chosen:
            run.append(after)
            after = page.neighbour(after, 1)
        if not _between_chrome(page, page.neighbour(index, -1), after, run):
            continue
        for member in run:
            changed[member] = replace(page.lines[member], kind=CHROME, evidence="a short line between chrome lines", guard=None,
                                      by_context=True)  # a menu's item loses its list's guard
            between.add(page.lines[member].key)
    if between:
        for index in candidates:
            if index not in changed and page.lines[index].key in between:
                changed[index] = replace(page.lines[index], kind=CHROME, evidence="a copy of a line between chrome lines",
                                         by_context=True)
    return _with(page, changed)


def _neighbour_candidates(page: Page, chrome_end: int | None) -> list[int]:
    """The lines :func:`_judge_by_neighbours` may judge, in order: the context candidates but
    a forum post's title, known by its byline or its copy."""
    candidates = [i for i in page.index.get(CONTENT, ()) if _context_candidate(page, i, chrome_end)]
    post = find_post(page) if candidates else None
    if post is not None and post[0] in candidates:
        candidates.remove(post[0])
    return candidates


def _between_chrome(page: Page, above: int | None, below: int | None, run: list[int]) -> bool:
    """Do chrome lines stand right above and below the run, and is the run no post?  On a
    forum's page, a run under a poster card's count or name line with a line of three words
    or more is a post of a line or two, where a card's own labels (``الأوسمة``, ``عضو فعال``)
    are a word or two.  A masthead's credit above makes nothing under it chrome: a name under a
    credit is the masthead judgement's (:func:`_judge_masthead_names`, in the page's head, where
    two credits or more stand), and a list of credits elsewhere is a board's, the text of a
    company's page (one credit alone keeps its name, whatever stands below).  Nor do two ad slots:
    an ad's label tells of the ad alone, and a theme prints its slots around the article's own
    lines (its category, ``banner`` then ``اقتصاد`` then ``banner``)."""
    if above is None or below is None or not _is_chrome(page.lines[above]) or not _is_chrome(page.lines[below]):
        return False
    if any(page.lines[m].guard is LIST_ITEM for m in run) and (
            not all(_is_menu_item(page.lines[m], page.lines[above]) for m in run if page.lines[m].guard is LIST_ITEM)
            or _is_announced(page, above)):
        return False  # an item of the text's own list: no menu's item, or in a list the text announces
    if _is_skip_link(page.lines[above]):
        return False  # a skip link stands over the page's first line, whatever it is (the title of a wiki's article)
    kind = page.lines[above].kind
    if kind is _MASTHEAD or (kind is page.lines[below].kind and kind in _NO_EVIDENCE_AROUND):
        return False  # under a credit: its name, the masthead judgement's to judge
    return not (page.forum and is_card_mark(page.lines[above]) and any(page.lines[m].words >= _MIN_POST_WORDS for m in run))


def is_card_mark(line: Line) -> bool:
    """A poster card's line that says so by itself: a count (``المشاركات: 273``, a counter or
    a forum's labelled line of a few words) or a name line (``X غير متواجد حالياً``, content
    until :func:`_judge_poster_names` judges it).  Read on a forum's page only.

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> [is_card_mark(line) for line in analyze("سارة غير متواجد حالياً\\nعدد الرسائل : 16801\\nبارك الله فيكم").lines]
    [True, True, False]
    """
    kind = line.kind
    if kind is COUNTER or (kind is FORUM and _is_card_field(line)):
        return True
    return (kind is FORUM or kind is CONTENT) and reads_as_name_line(line)


def _judge_poster_cards(page: Page) -> Page:
    """Forum poster cards: the lines of a card's head, right above its fields (labelled lines,
    ``عدد الرسائل : 16801``, or fields printed a field to a line, :func:`_judge_split_cards`),
    belong to the card, judged forum chrome (which rule B207 drops wherever it stands) even where
    their neighbours had made them chrome (which goes only at the page's edges): a field no
    phrase lists (``العمر : 33``), a line alone between two fields, and the short lines up to
    the head's top mark, with the poster's name right above it (printed twice on some boards).
    A mark is a rank, an online status or an avatar's label (``عضو ذهبي``, ``غير متصل``,
    :func:`~arclean.normalizers.residue.lines.is_poster_mark`), or a forum line (``New member``,
    a name line).  With no mark the short lines above a card stay: a post's last line, or the
    last verses of a post of verses.

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> verses = "موطني\\nالجلال والجمال والسناء\\nوالبهاء في رباك\\n"
    >>> [line.kind.name for line in analyze(verses + "أحمد\\nعضو ذهبي\\nعدد الرسائل : 120").lines]
    ['CONTENT', 'CONTENT', 'CONTENT', 'FORUM', 'FORUM', 'FORUM']
    >>> [line.kind.name for line in analyze(verses + "عدد الرسائل : 120").lines]
    ['CONTENT', 'CONTENT', 'CONTENT', 'FORUM']
    """
    changed: dict[int, Line] = {}
    post = find_post(page)
    title = None if post is None else post[0]  # a post's title, known by its copy or its byline, is no name over a card
    for index in page.index.get(FORUM, ()):
        if index not in changed and _is_card_field(page.lines[index]):
            for above in _card_head(page, index, changed, title):
                line = page.lines[above]  # a mark's guard gives way (``الصورة الرمزية`` reads as a caption's label)
                changed[above] = replace(line, kind=FORUM, guard=None if is_poster_mark(line.key) else line.guard,
                                         evidence="a line of a poster card", by_context=True)
            for below in _card_fields_under(page, index, changed):
                changed[below] = replace(page.lines[below], kind=FORUM, evidence="a line of a poster card", by_context=True)
    return _with(page, changed)


def _card_fields_under(page: Page, index: int, changed: dict[int, Line]) -> list[int]:
    """The fields right under a card's field ``index`` that no phrase lists, each a label with a
    date or a number after it (``العمر : 32``, :func:`_is_unlisted_field`), down to the first line
    that is none, not yet judged.

    >>> from arclean.normalizers.residue.analysis import analyze, analyze_alone
    >>> text = "عدد المساهمات : 8899\\nالعمر : 32\\nالسلام عليكم ورحمة الله، هذا معجم البلدان الفلسطينية."
    >>> _card_fields_under(analyze_alone(text), 0, {}), [line.kind.name for line in analyze(text).lines]
    ([1], ['FORUM', 'FORUM', 'CONTENT'])
    """
    found: list[int] = []
    below = page.neighbour(index, 1)
    while below is not None and below not in changed:
        line = page.lines[below]
        if line.kind not in _CARD_CANDIDATE_KINDS or line.prose or not _is_unlisted_field(line):
            break
        found.append(below)
        below = page.neighbour(below, 1)
    return found


def _is_card_field(line: Line) -> bool:
    """A poster card's field judged forum chrome: a labelled line of a few words, or a field
    printed on a line of its own."""
    return (":" in line.text and line.words <= MAX_CARD_LABEL_WORDS) or line.evidence == CARD_FIELD


def _is_unlisted_field(line: Line) -> bool:
    """A card's field with its value after a colon, a date or a number (``العمر : 33``), which no
    phrase lists.  Not one of words: ``الجنس: Terminalia`` is a genus in a plant's box too."""
    field = field_of(line)
    return field is not None and field[0] != "words" and bool(field[1])


def _card_head(page: Page, index: int, changed: dict[int, Line], title: int | None = None) -> list[int]:
    """The lines of a card's head above its field ``index`` (see :func:`_judge_poster_cards`),
    not yet judged: from the field upwards, as far as the head's top mark and the name above it,
    and never as far as the post's ``title``."""
    lines = page.lines
    candidates: list[int] = []  # the short lines above the card's fields, upwards
    keep = 0  # how many of them belong to the card
    name_next = False  # the line right above may be the poster's name: it stands right above a mark
    above = page.neighbour(index, -1)
    while above is not None and above not in changed and above != title:
        line = lines[above]
        if line.kind is FORUM:
            least, name_next = _forum_line_over_card(line, len(candidates))
            keep = max(keep, least)
        elif line.kind not in _CARD_CANDIDATE_KINDS or line.prose:
            break
        elif _is_unlisted_field(line):
            candidates.append(above)
            keep, name_next = len(candidates), False  # a field no phrase lists
        elif _card_line(line):
            candidates.append(above)
            mark = is_poster_mark(line.key)  # a rank, a status or an avatar: the name may stand above it
            if name_next or mark:
                keep = max(keep, len(candidates))  # the mark, or the name right above a mark
            name_next = mark
        else:
            break
        above = page.neighbour(above, -1)
    keep = min(keep, len(candidates))
    if 0 < keep < len(candidates) and lines[candidates[keep]].key == lines[candidates[keep - 1]].key:
        keep += 1  # the name printed twice
    return candidates[:keep]


def _forum_line_over_card(line: Line, candidates: int) -> tuple[int, bool]:
    """A forum line met climbing a card's head (:func:`_card_head`), over ``candidates`` short
    lines: how many of them belong to the card at least, and whether the poster's name may
    stand right above it.  A card's field over one line makes that line the card's (``نشاط [
    مسلم11 ]`` between two fields).  Another forum line of the head makes the lines under it the
    card's (``كاتب الموضوعرسالة`` over the name); one that marks a card (a rank, a status, an
    avatar, a name line) may have the name right above it too, and another (a thread's tool,
    ``اذهب الى الأسفل``, a card's line judged before) has none: the thread's title, perhaps."""
    if _is_card_field(line):
        return (1 if candidates == 1 else 0), False
    return candidates, is_poster_mark(line.key) or is_poster_name(line.key)


#: What a card's short line above its labelled lines may have been judged before: content, or
#: chrome between two chrome lines (a rank under a name line the board's status phrase marks).
_CARD_CANDIDATE_KINDS = (CONTENT, Kind.CHROME)


#: The stamp of a forum's "latest topics" entry, at the end of its line: the hour of the topic's last
#: post, then who posted it (``… 7:35 pm من طرف فراشة المنتدى``), a name of four words at most.
_TOPIC_STAMP = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?\s*(?:[aApP][mM]|ص|م)?\s+من طرف(?:\s+\S+){1,4}\s*$")
#: What opens a topic's linked title in the list.
_TOPIC_MARK = "»"
_LATEST_TOPIC = "an entry of a forum's latest topics"


def _judge_latest_topics(page: Page) -> Page:
    """On a forum's page, the board's "latest topics" list (Forumotion's ``المواضيع الأخيرة``):
    each entry a topic's title after ``»``, and under it the board's name, an icon's alt text
    and the time of the last post with who posted it (``مكتبة لأطفالنا I_icon_minitimeالسبت 22
    فبراير 2020, 7:35 pm من طرف فراشة المنتدى``).  Both lines are forum chrome.  A post's own
    byline names its poster before the date (``مُساهمة من طرف أحمد السبت يناير 03, 2015 5:17 am``)
    and has no linked title over it: it stays.

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> page = analyze("هل تريد التفاعل مع هذه المساهمة؟ كل ما عليك هو إنشاء حساب جديد ببضع خطوات أو تسجيل الدخول للمتابعة.\\n"
    ...                "» للأعزة الكرام عام مبارك\\nمكتبة لأطفالنا I_icon_minitimeالجمعة 04 يناير 2019, 12:28 pm من طرف همة\\n"
    ...                "مُساهمة من طرف أحمد السبت يناير 03, 2015 5:17 am\\nالسلام عليكم، هذه قصة قصيرة للأطفال عن الصدق.")
    >>> [line.kind.name for line in page.lines][1:]
    ['FORUM', 'FORUM', 'CONTENT', 'CONTENT']
    """
    if not page.forum:
        return page
    lines = page.lines
    changed: dict[int, Line] = {}
    for index, line in enumerate(lines):
        if "من طرف" not in line.text or line.is_residue or not _TOPIC_STAMP.search(line.text):
            continue
        title = page.neighbour(index, -1)
        if title is None or not lines[title].text.lstrip().startswith(_TOPIC_MARK):
            continue
        for at in (title, index):
            changed[at] = replace(lines[at], kind=FORUM, guard=None, evidence=_LATEST_TOPIC, by_context=True)
    return _with(page, changed)


def _judge_split_cards(page: Page) -> Page:
    """A poster card printed a field to a line (:mod:`arclean.normalizers.residue.cards`): its
    labels and values, one word as they may be, are forum chrome, and the page a forum's.

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> page = analyze("عنوان الموضوع في المنتدى\\nتاريخ التسجيل\\nApr 2006\\nالمشاركات\\n2,042\\n"
    ...                "السلام عليكم، هذا بحث عن الدرهم الكسروي الذي كان متداولا في مكة قبل الإسلام.")
    >>> [line.kind.name for line in page.lines], page.forum
    (['CONTENT', 'FORUM', 'FORUM', 'FORUM', 'FORUM', 'CONTENT'], True)
    """
    found = card_lines(page)
    if not found:
        return page
    lines = page.lines
    # A field a phrase made forum chrome keeps its evidence, but for one of a word (``المشاركات:``),
    # which B207 drops inside the thread only as a card's.
    changed = {index: replace(lines[index], kind=FORUM, guard=None, evidence=CARD_FIELD, by_context=True)
               for index in found if lines[index].kind is not FORUM or lines[index].words < 2}
    return _with(Page(lines, page.extra, True, page.alone), changed)


def _judge_poster_names(page: Page) -> Page:
    """On a forum's page, a poster card's name line: the poster's name with the
    board's online status after it, or an avatar's alt text before it (word
    lists ``poster_status.txt``, ``avatar_labels.txt``).  The alt text's
    ``الصورة`` makes the line read as a caption, labelled: that guard gives way.

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> page = analyze("منتديات المكتبات > منتدى الإجراءات الفنية\\nإضافة رد\\nمحمد حسن غنيم غير متواجد حالياً\\n"
    ...                "السلام عليكم، هذا سؤال عن فهرسة الكتب القديمة في المكتبات الجامعية.")
    >>> [(line.kind.name, line.evidence) for line in page.lines][2]
    ('FORUM', "a poster card's name line")
    """
    if not page.forum:
        return page
    changed = {
        index: replace(line, kind=FORUM, guard=None, evidence="a poster card's name line", by_context=True)
        for index in page.index.get(CONTENT, ())
        if (line := page.lines[index]).guard in _NAME_LINE_GUARDS and reads_as_name_line(line)
    }
    return _with(page, changed)


def is_forum_page(page: Page) -> bool:
    """A page with a forum's own line, a poster's name line, a post's dated header or a poster
    card printed a field to a line (the lines as classified alone will do): where a board's marks
    on a post's lines (B209, B210) are told.

    >>> from arclean.normalizers.residue.analysis import analyze_alone
    >>> is_forum_page(analyze_alone("قديم 08-02-2019, 06:45 PM\\nرحم الله والدك.")), is_forum_page(analyze_alone("نص الخبر."))
    (True, False)
    """
    return page.forum or any(map(_marks_a_post, page.lines)) or bool(card_lines(page))


def _marks_a_post(line: Line) -> bool:
    if line.kind is not CONTENT or line.words > MAX_POST_BYLINE_WORDS:
        return False
    return reads_as_name_line(line) or is_post_byline(line.text, line.key)


def reads_as_name_line(line: Line) -> bool:
    """A short line, no prose, whose words are a poster's name and status or avatar text."""
    return not line.prose and line.words <= _MAX_NAME_LINE_WORDS and is_poster_name(line.key)


def _card_line(line: Line) -> bool:
    """A name, avatar text or rank: a word to three, no number."""
    return 1 <= line.words <= _MAX_CARD_WORDS and not ANY_DIGIT.search(line.key)


def _judge_board_lines(page: Page) -> Page:
    """On a forum page (one with forum chrome, or a forum post's header), the
    short lines above the post's title are the board's: its name, welcome,
    tagline and sidebar headings (``منتديات تقنيات``, ``يسعدنا تسجيلكم
    بالمنتدى``, ``مواضيع تهمك``); a forum post's byline and date come under
    its title.  The title is known by its copy further down, so it is never one
    of them; breadcrumbs and labelled lines (guarded) stay.  Where the post's
    header is known (:func:`arclean.normalizers.residue.title.find_post`), the board's prompts
    above it go too, sentences as they may be, and so do the short lines
    between the title and the post (next/previous links, poster cards).

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> page = analyze("منتديات المعرفة\\nمرحبا بكم في منتداكم، سجل الآن وشارك معنا في النقاش.\\n"
    ...                "عنوان الموضوع في المنتدى\\nالموضوع السابق الموضوع التالي\\n"
    ...                "عنوان الموضوع في المنتدى Empty عنوان الموضوع في المنتدى\\nنص المشاركة الأولى في الموضوع.")
    >>> [line.kind.name for line in page.lines]
    ['FORUM', 'FORUM', 'CONTENT', 'FORUM', 'CONTENT', 'CONTENT']
    """
    post = find_post(page)
    if not page.forum and post is None:
        return page
    title: int | None
    if post is not None:
        title, copy, byline = post
        end = _header_end(page.lines, title, byline if byline is not None else copy)
        page = Page(page.lines, page.extra, True, page.alone)
        changed = {
            index: replace(line, kind=FORUM, evidence="a line of the forum post's header", by_context=True)
            for index, line in enumerate(page.lines[title + 1:end], title + 1)
            if index != copy and _board_line(line)
        }
        changed.update(
            (index, replace(line, kind=FORUM, evidence="a line above the forum post's title", by_context=True))
            for index, line in enumerate(page.lines[:title])
            if _board_line(line) or (line.kind is CONTENT and line.guard is None and line.words <= _MAX_BOARD_PROSE_WORDS)
        )
        return _with(page, {**changed, title: replace(page.lines[title], title=True)})
    title = next((i for i, line in enumerate(page.lines) if line.title), None)
    if title is None:
        found, copies = find_title(page)
        if found is None or not copies:
            return page
        title = found
        page = _with(page, {title: replace(page.lines[title], title=True)})
    changed = {
        index: replace(line, kind=FORUM, evidence="a board line above the post's title", by_context=True)
        for index, line in enumerate(page.lines[:title])
        if _board_line(line)
    }
    return _with(page, changed)


def _header_end(lines: tuple[Line, ...], title: int, end: int | None) -> int | None:
    """Where the lines of a forum post's header under its title end: at the post's copy or
    byline (``end``), or at an earlier post's dated byline between them, under which that
    post's text stands (once the first post's copy of the title is dropped, the title's next
    copy is a reply's ``رد: …``, and the first post's short lines lie between)."""
    for index in range(title + 1, len(lines) if end is None else end):
        if is_dated_post_header(lines[index]):
            return index
    return end


def is_dated_post_header(line: Line) -> bool:
    """A post's dated header, a short line of content (``مُساهمة من طرف X <date>``,
    :func:`~arclean.normalizers.residue.lines.is_post_byline`)."""
    return line.kind is CONTENT and line.words <= MAX_POST_BYLINE_WORDS and is_post_byline(line.text, line.key)


def _board_line(line: Line) -> bool:
    """A short line of the board's, not a sentence: content, or a one-word chrome
    line the head would keep for a kicker."""
    return line.kind in _BOARD_KINDS and line.guard is None and not line.prose and line.words <= _MAX_BOARD_WORDS


_BOARD_KINDS = (Kind.CONTENT, Kind.CHROME)


def _judge_dangling_label(page: Page) -> Page:
    """The page's last line, a label of two to four words with a chrome word and
    a colon, nothing after it (``هل أعجبك الموضوع :``): the scraper kept the label
    of a tags or rating box, not its contents.  ``وهذا نص البيان:`` is the text
    cut short, and stays."""
    last = page.neighbour(len(page.lines), -1)
    if last is None or last < page.tail_start:
        return page
    line = page.lines[last]
    if not _is_dangling_label(line):
        return page
    return _with(page, {last: replace(line, kind=CHROME, evidence="a label with nothing after it at the page's end", by_context=True)})


def _is_dangling_label(line: Line) -> bool:
    """A label of two to four words with a chrome word and a colon, wherever it stands."""
    return bool(line.kind is CONTENT and line.text.strip().endswith(":") and 2 <= line.words <= _MAX_LABEL_WORDS
                and line.chrome_count)


#: A newspaper's masthead: two of its credits or more in the page's head (B206 drops them there).
MIN_MASTHEAD_CREDITS = 2
#: A name under a masthead's credit: at most this many words (``د. وجدى زين الدين``).
_MAX_CREDITED_NAME_WORDS = 4
_MASTHEAD = Kind.MASTHEAD
#: Kinds of which two make no line between them chrome (:func:`_between_chrome`): ad slots. (A
#: masthead's credit above makes no line under it chrome, whatever stands below.)
_NO_EVIDENCE_AROUND = frozenset({Kind.AD})


def _judge_masthead_names(page: Page) -> Page:
    """The name under each of a masthead's credits (``رئيس التحرير`` then ``وجدي زين الدين``), where two
    credits or more stand in the page's head: chrome, as the credits are.  Each credit is judged once,
    on the page as analysed (then marked ``by_context``): on a page judged again after its names were
    dropped, the line under a credit is the next one down, a category line or the title.

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> page = analyze("رئيس مجلس الإدارة\\nأيمن محسب\\nرئيس التحرير\\nوجدي زين الدين\\nسياسة\\n"
    ...                "قال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين.")
    >>> [line.kind.name for line in page.lines]
    ['MASTHEAD', 'CHROME', 'MASTHEAD', 'CHROME', 'CONTENT', 'CONTENT']
    """
    credits = page.index.get(_MASTHEAD, ())
    if len(credits) < MIN_MASTHEAD_CREDITS:
        return page  # no masthead (most pages), or one credit alone: no name to judge
    fresh = [index for index in credits if not page.lines[index].by_context]
    if not fresh:
        return page
    in_head = masthead_credits_in_head(page)
    changed: dict[int, Line] = {}
    for index in fresh:
        changed[index] = replace(page.lines[index], by_context=True)
        name = page.neighbour(index, 1)
        if (in_head >= MIN_MASTHEAD_CREDITS and page.region(index) is IN_HEAD and name is not None
                and name not in changed and _names_a_credit(page.lines[name])):
            changed[name] = replace(page.lines[name], kind=CHROME, evidence="the name under a masthead's credit",
                                    by_context=True)
    return _with(page, changed)


def masthead_credits_in_head(page: Page) -> int:
    """How many of a masthead's credits stand in the page's head, residue (no guard keeps them):
    a masthead where :data:`MIN_MASTHEAD_CREDITS` stand or more."""
    return sum(1 for index in page.index.get(_MASTHEAD, ())
               if page.lines[index].is_residue and page.region(index) is IN_HEAD)


def _names_a_credit(line: Line) -> bool:
    """Can the line under a masthead's credit be the name it credits: content of a word to four, no
    prose, no guard, no digit?"""
    return (line.kind is CONTENT and 1 <= line.words <= _MAX_CREDITED_NAME_WORDS and not line.prose
            and line.guard is None and not ANY_DIGIT.search(line.text))


#: The context judgements, in the order :func:`judge_in_context` makes them.
JUDGEMENTS = (_guard_site_page_title, _guard_notice_heading, _guard_imprints, _guard_numbers,
              _guard_wrapped_lines, _guard_fields_of_facts, _judge_masthead_names,
              _judge_tail_words, _judge_by_neighbours, _judge_poster_names, _judge_split_cards, _judge_poster_cards,
              _judge_latest_topics, _judge_board_lines, _judge_dangling_label)


def text_goes_on_below(page: Page, index: int) -> bool:
    """More than :data:`MAX_CONTENT_UNDER_CHROME` lines of content at the line or below it: more
    than a tail's few links, the text's own verses or list."""
    content = page.index.get(CONTENT, ())
    return len(content) - bisect_left(content, index) > MAX_CONTENT_UNDER_CHROME


def inside_a_list(page: Page, index: int) -> bool:
    """Does the line stand inside a list: a list item (``- ``, ``• ``, ``1. ``) the nearest line
    of content above it, and two list items or more among the content below it?  An ad slot or a
    share bar between a recipe's ingredients and its steps is no end of the text, where a tail's
    links come under the article's last paragraph (B301); a heading between a terms page's lists
    (``👤 حسابك``, ``التسجيل:``) is the text's own, not chrome at its edge (B205, B206).

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> page = analyze("طريقة عمل الكعك بالتمر\\nالكعك من أشهر حلويات العيد في البيوت العربية، ويحضر قبل العيد بأيام.\\n"
    ...                "- كوب من السمن\\n- ثلاثة أكواب من الدقيق\\nمساحة إعلانية\\n- نصف كوب من الحليب\\n- ملعقة من الخميرة")
    >>> inside_a_list(page, 4), inside_a_list(page, 2)
    (True, False)
    """
    above = page.neighbour(index, -1)
    if above is None or not (page.lines[above].is_residue or page.lines[above].guard is LIST_ITEM):
        return False  # a line of text right above (most lines asked): no list's (the items not read)
    items = _list_items(page)
    if not items.items or not items.item_above[index]:
        return False
    return len(items.items) - bisect_left(items.items, index) >= MIN_LIST_ITEMS_BELOW


#: List items under a residue line, at least, for the list to go on under it.
MIN_LIST_ITEMS_BELOW = 2


def heads_a_list(page: Page, index: int) -> bool:
    """Is the line a label over the text's own list: it ends with a colon, and a list item of
    content stands under it (blank lines aside), the first of two or more?  A forum's rules
    post's ``قوانين المنتدى :`` over its rules, not a link to the board's rules; an article's
    ``في هذا المقال سنتعرف على:`` over the points it lists.

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> page = analyze("قوانين المنتدى :\\n1. يمنع منعا باتا الإساءة لأي عضو\\n2. يمنع تكرار المواضيع\\nقوانين المنتدى")
    >>> heads_a_list(page, 0), heads_a_list(page, 3)
    (True, False)

    The list may be lettered (``أ)``, ``ب)``: a quiz's options under ``أي من التالي هو صحيح:``):

    >>> heads_a_list(analyze("أي من التالي هو صحيح:\\n\\nأ) المتغير يبدأ برقم.\\n\\nب) المتغير يبدأ بحرف."), 0)
    True
    """
    if not page.lines[index].text.rstrip().endswith(":"):
        return False  # (most lines: the page's items not read)
    below = page.neighbour(index, 1)
    if below is None or page.lines[below].kind is not CONTENT:
        return False
    if page.lines[below].guard is not LIST_ITEM:
        return _heads_lettered_items(page, below)
    items = _list_items(page).items  # the line under it among them: a list item of content
    return len(items) - bisect_left(items, below) >= MIN_LIST_ITEMS_BELOW


def _heads_lettered_items(page: Page, first: int) -> bool:
    """Are the line and the next one (blank lines aside) items lettered in the alphabet's old order
    (``أ)`` then ``ب)``), lines of content?"""
    after = page.neighbour(first, 1)
    return (after is not None and page.lines[after].kind is CONTENT
            and [m.group(1) if (m := _LETTERED_ITEM.match(page.lines[i].text)) else "" for i in (first, after)] == ["أ", "ب"])


#: An item lettered in the abjad order, the letter then a bracket (``أ)``, ``ب )``).
_LETTERED_ITEM = re.compile(r"\s*([أابجدهوزحطي])\s?\)\s")


def among_list_items(page: Page, index: int) -> bool:
    """Is the line an item of a list the text announces: marked as one (``- ``, ``• ``), with
    list items of content marked alike right under it and above it (blank lines aside), the first
    of them right under a line of content ending with a colon?  A call for papers'
    ``- البريد الإلكتروني`` among the parts of a paper it lists under ``ترتيب البحث:``, not a
    comment form's field; a menu printed as a list is announced by no label.

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> page = analyze("ترتيب البحث:\\n- عنوان البحث وأسماء الباحثين\\n- البريد الإلكتروني\\n- المقدمة والمتن والخاتمة\\n"
    ...                "- البريد الإلكتروني")
    >>> among_list_items(page, 2), among_list_items(page, 4)
    (True, False)
    """
    text = page.lines[index].text.lstrip()
    if not text.startswith(LIST_MARKS):
        return False
    mark, lines = text[0], page.lines
    below = page.neighbour(index, 1)
    if below is None or not _is_item_of_content(lines[below], mark):
        return False
    above = page.neighbour(index, -1)
    if above is None or not _is_item_of_content(lines[above], mark):
        return False
    return _is_announced(page, above)


def heads_a_list_of_sentences(page: Page, index: int) -> bool:
    """Is the line (chrome by its words, a head's or a footer's link) the heading of a list of
    sentences: a list item of content right under it (blank lines aside), and that item and the
    next ones, :data:`MIN_LIST_ITEMS_BELOW` at least, each ending with a full stop?  A service
    page's ``شروط الخدمة`` over its conditions (``- ان يكون صاحب الطلب داخل البلاد.``), not a
    footer's link: a footer's menu lists links, no sentences.

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> page = analyze("شروط الخدمة\\n- أن يكون المتقدم مقيما في البلاد.\\n- أن يرفق صورة من جواز السفر.\\n"
    ...                "شروط الخدمة\\n- سياسة الخصوصية\\n- اتصل بنا")
    >>> heads_a_list_of_sentences(page, 0), heads_a_list_of_sentences(page, 3)
    (True, False)
    """
    if page.lines[index].kind not in _LIST_HEADING_KINDS:
        return False  # (a poster card's field, a counter: no heading)
    below = page.neighbour(index, 1)
    if below is None or page.lines[below].guard is not LIST_ITEM or page.lines[below].kind is not CONTENT:
        return False
    items = _list_items(page).items
    at = bisect_left(items, below)
    run = items[at:at + MIN_LIST_ITEMS_BELOW]
    return (len(run) == MIN_LIST_ITEMS_BELOW and all(b == page.neighbour(a, 1) for a, b in pairwise(run))
            and all(ends_with_period(page.lines[i].text) for i in run))


def labels_a_contact(page: Page, index: int) -> bool:
    """Is the line a label over a contact's value: it ends with a colon, and the line right under
    it (no blank line between) is an e-mail address, a telephone number or a web address alone?  A
    staff card's ``البريد الإلكتروني:`` over the address, not a comment form's field: a form's
    labels stand over its next label or button, or over nothing.

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> page = analyze("البريد الإلكتروني:\\nhistory@qu.edu.sa\\nالاسم:\\nالبريد الإلكتروني:\\nإرسال التعليق")
    >>> labels_a_contact(page, 0), labels_a_contact(page, 3)
    (True, False)
    >>> page = analyze("رقم الهاتف :\\n0163020314\\nالتسجيل :\\n2001-07-20")
    >>> labels_a_contact(page, 0), labels_a_contact(page, 2)
    (True, False)
    """
    below = index + 1
    if below >= len(page.lines) or not page.lines[index].text.rstrip().endswith(":"):
        return False
    value = page.lines[below].text
    if _ADDRESS.fullmatch(value):
        return True
    return (_TELEPHONE.fullmatch(value) is not None and _DASHED_DATE.fullmatch(value) is None
            and sum(ch.isdigit() for ch in value) >= _MIN_TELEPHONE_DIGITS)


def labels_an_address(page: Page, index: int) -> bool:
    """Is the line a form's label by its phrase (kind COMMENT: ``الموقع الإلكتروني``, ``البريد
    الإلكتروني``) over its value, the next line of the page (blank lines aside) a web or an e-mail
    address alone?  An infobox's or a contact card's field (``الموقع الإلكتروني`` over ``www.pfa.ps``),
    not a comment form's: a form's fields have no value under them.  (A share bar's or a short
    link's label over the page's address is no form's label, and stays chrome.)

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> page = analyze("الموقع الإلكتروني\\n\\nwww.pfa.ps\\nالرابط المختصر\\nhttps://site.com/?p=1")
    >>> labels_an_address(page, 0), labels_an_address(page, 3)
    (True, False)
    """
    if page.lines[index].kind is not _FORM_LABEL:
        return False
    below = page.neighbour(index, 1)
    return below is not None and _ADDRESS.fullmatch(page.lines[below].text) is not None


#: An e-mail or a web address alone on its line.
_ADDRESS = re.compile(r"\s*(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?://|www\.)\S+)\s*")
#: A telephone number alone on its line: digits, spaces and dashes, a leading plus, seven digits at
#: least; not a date written with dashes (a poster card's ``التسجيل :`` over ``2001-07-20``).
_TELEPHONE = re.compile(r"\s*\+?\d[\d\s-]*\d\s*")
_DASHED_DATE = re.compile(r"\s*\d{1,4}-\d{1,2}-\d{1,4}\s*")
_MIN_TELEPHONE_DIGITS = 7


def in_a_drawn_table(page: Page, index: int) -> bool:
    """Is the line a row of a table drawn with bars, its header ruled off under it (``المرحلة |
    الوصف |`` over ``---|---|``): the line holds a bar, and so does each line from it up to a
    rule row (blank lines end the table)?  A row of the text's table, whatever its words (``2 |
    إنشاء حساب أو تسجيل الدخول |``), not a menu drawn with bars, which has no rule under a header.

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> page = analyze("المرحلة | الوصف |\\n---|---|\\n1 | زيارة الموقع |\\n2 | إنشاء حساب أو تسجيل الدخول |\\n"
    ...                "\\nالرئيسية | أخبار | اتصل بنا")
    >>> in_a_drawn_table(page, 3), in_a_drawn_table(page, 5)
    (True, False)
    """
    at = index
    while 0 <= at and "|" in page.lines[at].text:
        if _TABLE_RULE.match(page.lines[at].text):
            return at != index
        at -= 1
    return False


#: The rule under a drawn table's header: dashes between bars (``---|---|``, ``| :--- | ---: |``).
_TABLE_RULE = re.compile(r"\s*\|?\s*:?-{3,}:?\s*\|")


#: The kinds of a line that may head the text's list of sentences: chrome by its words, or a
#: site's head or footer link (``شروط الخدمة``).
_LIST_HEADING_KINDS = frozenset({CHROME, Kind.HEAD, FOOTER})


def _is_item_of_content(line: Line, mark: str) -> bool:
    return line.kind is CONTENT and line.guard is LIST_ITEM and line.text.lstrip().startswith(mark)


def heads_a_paragraph(page: Page, index: int) -> bool:
    """Is a line of chrome words a heading of the text: a paragraph stands right under it (no
    blank line between), and it ends with a colon or the paragraph names it (:func:`_names`)?
    A guide's ``تسجيل الدخول وتصفح صفحة الطاولات:`` over its first step, a documentation page's
    ``إشعارات واتساب`` over ``واتساب هي قناة … الإشعارات``; a share bar's or a comment box's
    words announce no paragraph.

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> page = analyze("تسجيل الدخول وتصفح الصفحة:\\nعند فتح التطبيق يطلب منك إدخال رمز الدخول ثم تظهر لك صفحة الطاولات كلها مرتبة.")
    >>> heads_a_paragraph(page, 0)
    True
    >>> page = analyze("إشعارات تيليجرام\\nتصل الإشعارات إلى المشتركين عبر تيليجرام فور نشر الإعلان، ولا تصل بالبريد.")
    >>> heads_a_paragraph(page, 0), heads_a_paragraph(analyze("إشعارات\\n" + page.lines[1].text), 0)
    (True, False)
    """
    line = page.lines[index]
    below = index + 1
    if line.kind is not CHROME or line.by_context or below >= len(page.lines) or not page.lines[below].prose:
        return False
    return line.text.rstrip().endswith(":") or _names(page.lines[below], line)


#: A heading the paragraph under it names has at least this many words: one chrome word
#: (``تعليقات``, ``طباعة``) over a paragraph that happens to use it is no sign of a heading.
MIN_NAMED_HEADING_WORDS = 2


def _names(paragraph: Line, heading: Line) -> bool:
    """Does a paragraph use every word of a heading of two words or more, clitics aside on
    either side (:func:`~arclean.normalizers.residue.lines.listed`)?"""
    names = heading.key.split()
    if len(names) < MIN_NAMED_HEADING_WORDS:
        return False
    used = paragraph.key.split()
    return all(any(listed(word, stems) for word in used) for stems in map(_stems, names))


def _stems(word: str) -> frozenset[str]:
    """A word and the word without a leading clitic (``وإشعارات``: ``إشعارات`` too)."""
    return frozenset([word, *(word[len(c):] for c in listed_prefixes() if word.startswith(c) and len(word) - len(c) >= MIN_STEM)])


class _ListItems(NamedTuple):
    """A page's list items, read once: the lines of content that are items, in order, and for
    each line whether the nearest line above it that is no residue (blank lines aside) is one."""

    items: list[int]
    item_above: bytearray


_LIST_ITEMS_MEMO = "_list_items"


def _list_items(page: Page) -> _ListItems:
    """The page's :class:`_ListItems`, counted once a page (memoised on it): asked of every
    chrome line of a page's tail, a walk up and down from each would cost a long tail's lines
    squared."""
    found: _ListItems | None = page.__dict__.get(_LIST_ITEMS_MEMO)
    if found is None:
        lines = page.lines
        items = [i for i in page.index.get(CONTENT, ()) if lines[i].guard is LIST_ITEM]
        above = bytearray(len(lines) if items else 0)
        last = False
        for i, line in enumerate(lines if items else ()):
            above[i] = last
            if line.kind is not BLANK and not line.is_residue:
                last = line.guard is LIST_ITEM
        found = page.__dict__[_LIST_ITEMS_MEMO] = _ListItems(items, above)
    return found


def within_short_lines(page: Page, index: int) -> bool:
    """Does the line stand within the text's own short lines: three lines of content right above
    it (blank lines aside), none of them residue or prose, and more than
    :data:`MAX_CONTENT_UNDER_CHROME` lines of content below it?  Then it is an ad slot or a share
    bar between a poem's verses, a list's items or a table's rows, not where the text ends, and no
    heading of the lines under it.  Under an article's last paragraph the line above is prose; a
    tail's links come under a run of residue.

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> verses = ["نادتني أمي بصوتها الهادئ", "فاليوم يومك لا تنامي", "عيد ميلادك أقبل", "والشمس تشرق في الأعالي"]
    >>> page = analyze("\\n".join(verses + ["إعلان"] + verses * 2))
    >>> within_short_lines(page, 4), within_short_lines(page, 2)
    (True, False)
    """
    if not text_goes_on_below(page, index):
        return False
    lines, at = page.lines, index
    for _run in range(_MIN_SHORT_LINES_ABOVE):
        above = page.neighbour(at, -1)
        if above is None or lines[above].is_residue or lines[above].prose:
            return False
        at = above
    return True
