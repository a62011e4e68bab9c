"""The page tail: rule B301.

Once the article is over, a scraped page goes on with page chrome: share bars,
comment forms, tag lines, a newspaper's tagline, a poll, more links.  The
first end-of-page residue line after the article marks where the article
ended; it and everything after it go.

Not every residue line ends the article: a "read also" block inside the text
is followed by more article (rule B203 removes just the block), and a share
bar high in a long page may sit above the rest of the article.  So a cut is
made only where what follows holds little prose: no more than 400 characters
of paragraphs, or half the prose before the cut, whichever is more; and that
prose must read as the page's: a teaser cut short (a paragraph that ends no
sentence, unless it runs on into the next paragraph or, left open with a comma
or a word that needs more, into the line under it), or paragraphs under a run of
two pieces of chrome (a share bar's heading and network names are one) that go on
with a short line (a linked title, a label: a print bar or a newsletter box inside
the article has the article's next paragraph right under it), or before more
residue.  A
one-word residue line (``التعليق``) may be a heading of the text itself: it
ends the article only when no prose at all follows it.  So does a forum's own
line or a count on a forum's page (``إضافة رد``, a poster card's
``عدد النقاط : 14``): boards print their thread tools above the first post too,
and a card over each post.  A line that is chrome by its words or place alone,
with no phrase to say so, ends the article only when at most six lines of
content follow it: more are the text's own verses or list.  So do a count (a
post's number over its verses) and a forum's thread tool on a forum's page: a
post of verses holds no paragraph.
And nothing above a poster card (its name line, its labelled counts) or a
post's dated header over a line of content ends the thread: it heads a post,
however short.  Nor does a line inside a list (a list item above it, two or more
below it): an ad slot between a recipe's ingredients and its steps.  Nor, but for a
comment form or a paywall prompt, does a line within the text's own short
lines (three of them right above it, more than six lines of content below it): an
ad slot or a share bar between a poem's verses or a table's rows; nor a line right
under a line of content left open (ending with a colon or a comma: a list or the rest
of a sentence follows), nor one right over a list a line of content announces with a colon, nor a
line of chrome words that announces the text's list itself (``في هذا المقال سنتعرف على:``), nor a
line that heads a list of sentences (a service page's ``شروط الخدمة`` over its conditions), nor a
row of a table drawn with bars under its ruled header, nor a form's label by its phrase over a web or
an e-mail address (an infobox's ``الموقع الإلكتروني`` over ``www.pfa.ps``: a form's field has no
value).  And on
a page with no paragraph, a line under a menu's short items (``أخبار``, ``رياضة``, then ``اتصل بنا``)
with lines of three words or more below it (a poem, a list, a table) is the menu's.
Nor does a line of the page's head (a menu's item, a close button), an article's
tool a head prints as well (a link to the comment form, a print button, a share bar)
or a footer's line with no sentence above it and a longer text of short lines below
it: a poem under its title's ``شارك بتعليقك`` and ``طباعة``, lyrics under a video
description's copyright line.
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate
from typing import NamedTuple, Sequence

from ...datafiles import Phrase
from ...text.folding import ends_sentence
from .analysis import apply
from .context import (
    MAX_CONTENT_UNDER_CHROME,
    MIN_LIST_ITEMS_BELOW,
    heads_a_list,
    heads_a_list_of_sentences,
    in_a_drawn_table,
    inside_a_list,
    is_card_mark,
    is_dated_post_header,
    labels_an_address,
    text_goes_on_below,
    within_short_lines,
)
from .lines import HEAD_ONLY, OPEN_ENDS, left_open
from .page import CHROME, CONTENT, COUNTER, END_OF_PAGE, FOOTER, FORUM, LABEL, LIST_ITEM, SEPARATOR, Kind, Line, Page
from .title import is_sentence

_MIN_PROSE_ALLOWANCE = 400
#: Lines that end an article even with whole paragraphs under them, when more residue follows.
_STRONG_ENDS = frozenset({Kind.COMMENT, Kind.FOOTER, Kind.SHARE, Kind.PAYWALL})
#: On a forum's page, the kinds of a thread's tools (``إضافة رد``; ``طباعة الموضوع``, ``ارسال
#: الموضوع لصديق``, widgets), of its poster cards' counts and of the board's menus and ad slots
#: (``اعلانك هنا``): a board prints them above its posts too.
_THREAD_KINDS = frozenset({Kind.FORUM, Kind.COUNTER, Kind.NUMBER, Kind.HEAD, Kind.WIDGET})
#: Lines that end the text wherever they stand, within its short lines too (a footer's line
#: may be a menu's item too: ``اتصل بنا``).
_FINAL_KINDS = frozenset({Kind.COMMENT, Kind.PAYWALL})
#: Lines that end an article only with a few lines of content under them at most: chrome by
#: words or place alone, and counts (a post's number over its verses).
_COUNTED_BELOW = frozenset({Kind.CHROME, Kind.COUNTER, Kind.NUMBER})


def cut_page_tail(text: str, *, boilerplate: tuple[Phrase, ...] = ()) -> str:
    """Remove the first end-of-page residue line after the article and all after it.

    >>> page = "العنوان\\n\\nقال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين.\\n\\nشارك الخبر\\n\\nصحيفة فسانيا\\n"
    >>> cut_page_tail(page)
    'العنوان\\n\\nقال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين.\\n\\n'
    """
    return apply(cut_tail, text, boilerplate)


def cut_tail(page: Page) -> Page:
    """The page without its tail: from the first end-of-page line after the article on."""
    if END_OF_PAGE.isdisjoint(page.index):
        return page  # no line that can end an article
    start = _article_start(page)
    if start is None:
        return page
    prose = page.prose
    # prose_before[k]: characters of the first k paragraphs of prose.
    lines = page.lines
    prose_before = list(accumulate([len(lines[i].text) for i in prose], initial=0))
    for index in page.of_kinds(END_OF_PAGE):
        if (index <= start or not _ends_article(page, index) or _holds_content_below(page, index)
                or _above_a_post(page, index) or inside_a_list(page, index) or _inside_the_text(page, index)
                or _under_a_menu(page, start, index) or (lines[index].kind is CHROME and heads_a_list(page, index))
                or heads_a_list_of_sentences(page, index) or in_a_drawn_table(page, index)
                or labels_an_address(page, index)):
            continue
        k = bisect_left(prose, index)
        before, after = prose_before[k], prose_before[-1] - prose_before[k]
        if (_little_prose_after(page, index, before, after) and (not after or _tail_prose(page, index, prose[k:]))
                and (page.forum or not _above_a_post_header(page, index))):
            return page.without(range(index, len(page.lines)), final_line_feed=True)
    return page


def _article_start(page: Page) -> int | None:
    """The first paragraph of prose; with no prose (a poem, a list), the first
    content line after the title."""
    if page.first_prose is not None:
        return page.first_prose
    content: Sequence[int] = page.index.get(CONTENT, ())
    return content[1] if len(content) >= 2 else None


def _ends_article(page: Page, index: int) -> bool:
    line = page.lines[index]
    if line.kind not in END_OF_PAGE or not line.is_residue or line.evidence in HEAD_ONLY:
        return False  # (a close button's glyph ends nothing: a sum's sign looks the same; nor does a script's end)
    # A line judged by its words or neighbours alone ends the article only in
    # the page's tail: after its last paragraph (with no prose, its last content line).
    return line.kind is not CHROME or index >= page.tail_start


def _holds_content_below(page: Page, index: int) -> bool:
    """Is the line chrome only by its words or its place (kind CHROME: no phrase says so), a
    count or a number, or a forum's thread tool, with more than a few lines of content below
    it?  Then it does not end the article: a tail's chrome under such a line is a link or two
    (``السابق``, a title, ``التالي``), where a poem or a list after an article's one paragraph
    runs on (under an image's ``Icon 08``), and so does a post of verses or short lines under
    the thread tools a board prints above its first post, or under its number.  A line of the
    page's head chrome, or of the article's tools a head prints too (a link to the comment form, a
    print button, a share bar, or a footer's line: :data:`_HEAD_LINKS`), ends no article with a text
    of its own under it (:func:`_text_under_head_line`).

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> verses = "\\n".join(["نادتني أمي بصوتها الهادئ", "فاليوم يومك لا تنامي", "عيد ميلادك أقبل"] * 3)
    >>> page = analyze("أود أن أخبركم بأنها خاطرة كتبتها في عيد ميلادي الثامن عشر، وأرجو أن تنال إعجابكم.\\n"
    ...                "Icon 08\\n" + verses)
    >>> page.lines[1].kind.name, _holds_content_below(page, 1), cut_tail(page) is page
    ('CHROME', True, True)
    """
    if page.lines[index].kind in _HEAD_LINKS and _text_under_head_line(page, index):
        return True
    if page.lines[index].kind not in _COUNTED_BELOW and not _is_thread_tool(page, index):
        return False
    return text_goes_on_below(page, index)


#: Kinds of the lines a page's head prints over its text as well as under it: a menu's items, a
#: close or "more" button, and the article's own tools, a link to its comment form
#: (``شارك بتعليقك``), a print button (``طباعة``), a share bar; and a footer's line, which a
#: video's description prints over the lyrics it carries (``جميع الحقوق محفوظة لـ…`` over
#: ``كلمات القصيدة :`` and the poem).
_HEAD_LINKS = frozenset({Kind.HEAD, Kind.COMMENT, Kind.WIDGET, Kind.SHARE, Kind.FOOTER})
#: Lines of text (three words or more, no guard) under a line of the page's head, at least, for
#: a text of its own to stand there; and the share of the content lines under it they make.
_MIN_TEXT_LINES_UNDER_HEAD = 2 * MAX_CONTENT_UNDER_CHROME
_TEXT_SHARE_UNDER_HEAD = 0.75
_MIN_TEXT_WORDS = 3


def _text_under_head_line(page: Page, index: int) -> bool:
    """Does a text of its own stand under a line of the page's head chrome (kind HEAD: a menu's
    item, a close or "more" button), with no paragraph that ends with a full stop above it
    (:func:`~arclean.normalizers.residue.title.is_sentence`: the article has not begun), and
    longer than all the content above it?  Many lines of content,
    most of them lines of text in short lines (verses, of :data:`_MAX_VERSE_WORDS` words on
    average at most), not a menu's items of a word or two nor a list's, nor headlines: a poem or
    a post of short lines under a page's head, where the head's last button stands below a menu
    line read as prose, or where the page has no prose at all.  The article is not over there.
    (A menu under a "home" line, or teasers under a "latest news" heading after the article or
    a poem, are neither: a menu's items are short, headlines longer, and the article above ends
    its sentences or outweighs the teasers.)

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> verses = "\\n".join(["قفا نبك من ذكرى حبيب ومنزل", "بسقط اللوى بين الدخول فحومل"] * 7)
    >>> page = analyze("الصفحة الرئيسية - الأدب والفن\\nإغلاق\\nمعلقة امرئ القيس\\n" + verses)
    >>> page.lines[1].kind.name, _text_under_head_line(page, 1), cut_tail(page) is page
    ('HEAD', True, True)
    """
    content = page.index.get(CONTENT, ())
    at = bisect_left(content, index)
    if len(content) - at < _MIN_TEXT_LINES_UNDER_HEAD:
        return False  # too few lines below for a text of its own (most lines: the sums are not counted)
    sums = _text_sums(page)
    text = sums.text_lines[-1] - sums.text_lines[at]
    if text < _MIN_TEXT_LINES_UNDER_HEAD or text < _TEXT_SHARE_UNDER_HEAD * (len(content) - at):
        return False
    if sums.text_words[-1] - sums.text_words[at] > _MAX_VERSE_WORDS * text:
        return False  # headlines, not verses
    if sums.first_sentence is not None and sums.first_sentence < index:
        return False  # an article's paragraph above: it may well be over
    return sums.text_chars[-1] - sums.text_chars[at] > sums.content_chars[at]


class _TextSums(NamedTuple):
    """For each of a page's content lines, the sums over the content lines before it that
    :func:`_text_under_head_line` compares (lines of text, their words and characters; the
    characters of all content lines), and the first paragraph that is a sentence: counted once
    a page, then asked under each line of its head in O(log n)."""
    text_lines: list[int]
    text_words: list[int]
    text_chars: list[int]
    content_chars: list[int]
    first_sentence: int | None


def _text_sums(page: Page) -> _TextSums:
    memo = page.__dict__  # pages are immutable: counted once a page
    if "_text_sums" not in memo:
        lines = page.lines
        content = page.index.get(CONTENT, ())
        text = [lines[i] if lines[i].words >= _MIN_TEXT_WORDS and lines[i].guard is None else None for i in content]
        memo["_text_sums"] = _TextSums(
            list(accumulate((line is not None for line in text), initial=0)),
            list(accumulate((0 if line is None else line.words for line in text), initial=0)),
            list(accumulate((0 if line is None else len(line.text) for line in text), initial=0)),
            list(accumulate((len(lines[i].text) for i in content), initial=0)),
            next((i for i in page.prose if is_sentence(lines[i])), None))
    sums: _TextSums = memo["_text_sums"]
    return sums


#: Words of a line of verse under a head line, on average, at most (a linked headline has more).
_MAX_VERSE_WORDS = 6


def _little_prose_after(page: Page, index: int, before: int, after: int) -> bool:
    """``before`` and ``after``: characters of prose before and after the line."""
    if _is_ambiguous(page, index) or _is_thread_tool(page, index):
        return after == 0
    return after <= max(_MIN_PROSE_ALLOWANCE, before // 2)


def _tail_prose(page: Page, index: int, after: Sequence[int]) -> bool:
    """Is the prose after an end-of-page line the page's, not the article's?

    A tail's paragraphs are teasers cut short, or stand under a run of residue
    (a tags line, then a "read also" heading; a comment form, then its rules),
    or come before more residue after a comment form, a tags or copyright line,
    a share bar or a paywall.  A single residue line between whole paragraphs
    that end the page (``الوضع الداكن`` as a subheading, ``5 تعليقات`` on its own
    line) is not where the article ends: nothing is cut there.

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> page = analyze("قال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين.\\n5 تعليقات\\nوأضاف أن الخطة تشمل قروضا ميسرة.")
    >>> _tail_prose(page, 1, [2])
    False
    """
    final = page.lines[index].kind in _FINAL_KINDS
    if final:  # the comments under a form need not end their sentences
        if any(not ends_sentence(page.lines[i].text) for i in after):
            return True
    elif any(_cut_short(page, i) for i in after):
        return True
    start = index  # the run of residue the line stands in, from its first line
    while (above := page.neighbour(start, -1)) is not None and page.lines[above].is_residue:
        start = above
    if _widgets(page.lines[start:after[0]]) >= 2 and (final or not _text_right_under(page, index)):
        return True
    last = after[-1]
    return page.lines[index].kind in _STRONG_ENDS and any(page.lines[i].is_residue for i in range(last + 1, len(page.lines)))


def _text_right_under(page: Page, index: int) -> bool:
    """Is the first line under the run of residue the line stands in (blank lines aside) a
    paragraph, and no "read also" heading in the run (whose paragraph is a teaser)?  A page's
    chrome goes on with short lines (a linked title over its teaser, a form's rules under
    their label, a comment's number); a widget bar or a newsletter box inside the article has
    the article's next paragraph right under it.

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> page = analyze("قال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين في الأسبوع المقبل.\\n"
    ...                "طباعة\\nتكبير الخط\\nوأضاف أن الخطة تشمل قروضا ميسرة للمزارعين في كل المحافظات.")
    >>> _text_right_under(page, 1), _text_right_under(analyze("نص.\\nطباعة\\nعنوان مقال آخر\\nنص آخر طويل."), 1)
    (True, False)
    """
    below: int | None = index
    while below is not None and page.lines[below].is_residue:
        if page.lines[below].kind is Kind.RELATED:
            return False
        below = page.neighbour(below, 1)
    return below is not None and page.lines[below].prose


def _widgets(lines: Sequence[Line]) -> int:
    """How many pieces of page chrome the lines hold: each residue line one, but the lines
    of a share bar (its heading, the networks' names under it) one in all.  A share bar
    stands high in an article too, over the rest of its text; a run of two pieces (a tags
    line, then a "read also" heading) is the page's tail.

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> _widgets(analyze("شارك هذا المقال\\nفيسبوك\\nتويتر\\nنص").lines), _widgets(analyze("اترك رد\\nفيسبوك").lines)
    (1, 2)
    """
    residue = [line for line in lines if line.is_residue]
    shared = sum(1 for line in residue if line.kind is Kind.SHARE)
    return len(residue) - shared + (shared > 0)


def _cut_short(page: Page, index: int) -> bool:
    """Is the paragraph a teaser cut short: it ends no sentence, and the text does not go on
    right under it (blank lines aside)?  One that runs on into another paragraph is the
    article's own (a quotation going on below, a paragraph its author left without a stop),
    and so is one left open (a comma, a word that needs more: a hard-wrapped paragraph's line)
    over a line of content.

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> page = analyze("وقال الوزير خلال مؤتمر صحفي عقده اليوم في العاصمة إن الحكومة ماضية في خطتها\\n"
    ...                "وأضاف أن الخطة تشمل قروضا ميسرة للمزارعين في كل المحافظات خلال العام المقبل.")
    >>> _cut_short(page, 0), _cut_short(analyze(page.lines[0].text), 0)
    (False, True)
    """
    line = page.lines[index]
    if ends_sentence(line.text):
        return False
    below = page.neighbour(index, 1)
    if below is None:
        return True
    under = page.lines[below]
    if under.prose:
        return False
    return not (left_open(line.text) and under.kind is CONTENT)


def _is_thread_tool(page: Page, index: int) -> bool:
    """A forum's own line on a forum's page (``إضافة رد``, ``أدوات الموضوع``, ``رد مع
    اقتباس``), a thread's print or send button (``طباعه الموضوع``), a count (``عدد النقاط : 14``,
    a poster card's), or a line of the board's menus and ad slots: boards print their thread tools above the first post as well as
    under the last, a poster card over each post, and their menus above the thread, so
    such a line ends the thread only when no prose at all follows it.  (A post
    need not end its sentences: ``وجزاكم الله خيرا`` is no teaser cut short.)

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> page = analyze("منتديات الاقتصاد الإسلامي > منتدى النقود الإسلامية عبر العصور مقارنة بعملات الحضارات "
    ...                "الأخرى وأسواقها القديمة والحديثة في العالم\\nإضافة رد\\nالسلام عليكم ورحمة الله، هذا بحث عن "
    ...                "الدرهم الكسروي الذي كان متداولا في مكة قبل الإسلام وأصله ساساني\\n"
    ...                "أرجو من الإخوة إفادتي بالمراجع وجزاكم الله خيرا\\nرد مع اقتباس\\nالساعة الآن 10:00")
    >>> _is_thread_tool(page, 1), len(cut_tail(page).lines)
    (True, 5)
    """
    return page.forum and page.lines[index].kind in _THREAD_KINDS


def _is_ambiguous(page: Page, index: int) -> bool:
    """A one-word residue line (``التعليق``, ``مشاركة``, ``طباعة``) can also be a
    heading of the text; it ends the article only if no prose follows."""
    return page.lines[index].words == 1


def _above_a_post(page: Page, index: int) -> bool:
    """On a forum's page, does a post's head stand at the line or below it: a poster card
    (a run of residue lines, blank lines aside, that holds a card's count or name line,
    :func:`~arclean.normalizers.residue.context.is_card_mark`), or a post's dated header
    (``قديم 16-05-2017, 02:06 PM``, ``مُساهمة من طرف X <date>``: a byline by
    :func:`~arclean.normalizers.residue.lines.is_post_byline`), with a line of content under
    it (under the card's run)?  Then the thread goes on there: a board prints a card or a
    header over each post, and a post of a line or two holds no paragraph to tell it from a
    tail's links.  The header stays when the rules drop the cards, and so does the answer.

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> page = analyze("منتديات الجلفة لكل الجزائريين و العرب\\nسؤال عن التسجيل في الجامعة\\n"
    ...                "قديم 2012-05-01, 10:00\\nالصورة الرمزية سارة\\nسارة غير متواجد حالياً\\n"
    ...                "المشاركات: 273\\nبارك الله فيكم\\nاقتباس\\nقديم 2012-05-02, 10:01\\nشكرا لك\\nاقتباس")
    >>> _above_a_post(page, 3), _above_a_post(page, 7), _above_a_post(page, 10), [line.text for line in cut_tail(page).lines][6:]
    (True, True, False, ['بارك الله فيكم', 'اقتباس', 'قديم 2012-05-02, 10:01', 'شكرا لك', ''])
    """
    if not page.forum:
        return False
    return index <= _last_post_head_once(page)


def _last_post_head_once(page: Page) -> int:
    memo = page.__dict__  # pages are immutable: the last post's head, found once a page
    last = memo.get(_LAST_POST_HEAD)
    if last is None:
        last = memo[_LAST_POST_HEAD] = _last_post_head(page)
    return last


def _above_a_post_header(page: Page, index: int) -> bool:
    """On a page with no forum line left (the rules dropped the board's cards and chrome, and a
    fresh look counts none), is the line a share or follow prompt with a post's dated header
    (``مُساهمةموضوع: TITLE <date>``) below it, and the post under that?  A board prints its share
    bar over a post: the thread goes on there, as :func:`_above_a_post` finds on a forum's page.
    (A tags line or a comment form ends an article whatever stands under it.)  Asked only where
    the tail would start."""
    return (page.lines[index].kind is _SHARE
            and any(line.guard is LABEL and _is_post_head(line) for line in page.lines[index + 1:])
            and index <= _last_post_head_once(page))


_SHARE = Kind.SHARE


_LAST_POST_HEAD = "_last_post_head"


def _last_post_head(page: Page) -> int:
    """The last line of the last post's head (a card's run of residue lines, or a dated header)
    with a line of content right under it; -1 if none."""
    lines = page.lines
    heads = sorted(i for kind in (FORUM, COUNTER, CONTENT) for i in page.index.get(kind, ())
                   if _is_post_head(lines[i]))
    for head in reversed(heads):
        last = head
        while (below := page.neighbour(last, 1)) is not None and lines[below].is_residue:
            last = below
        under = page.neighbour(last, 1)
        if under is not None and lines[under].kind is CONTENT and not _is_post_head(lines[under]):
            return last
    return -1


def _is_post_head(line: Line) -> bool:
    """A card's count or name line, or a post's dated header."""
    return is_card_mark(line) or is_dated_post_header(line)


def _inside_the_text(page: Page, index: int) -> bool:
    """Is the line (no comment form or paywall prompt) within the text's own short lines
    (:func:`~arclean.normalizers.residue.context.within_short_lines`), or right under a line
    left open (:func:`_after_an_open_line`): an ad slot in a poem, or before a list?

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> verses = ["نادتني أمي بصوتها الهادئ", "فاليوم يومك لا تنامي", "عيد ميلادك أقبل", "والشمس تشرق في الأعالي"]
    >>> page = analyze("\\n".join(verses + ["شارك"] + verses * 2))
    >>> _inside_the_text(page, 4), cut_tail(page) is page
    (True, True)
    """
    if page.lines[index].kind in _FINAL_KINDS:
        return False
    return within_short_lines(page, index) or _after_an_open_line(page, index) or (
        page.lines[index].kind is not FOOTER and _over_an_announced_list(page, index))  # tags end the text


def _under_a_menu(page: Page, start: int, index: int) -> bool:
    """On a page with no paragraph, is the line (no comment form or paywall prompt; ``start``:
    the text's start, as :func:`_article_start` guesses it) under a menu: no line of content of three words or
    more above it, and most lines of content below it of three words or more?  Then the
    lines above are a site's menu (``أخبار``, ``رياضة``, ``اقتصاد``), the line is the menu's own
    (``اتصل بنا``), and the poem, the list or the table under it is the text, not a tail.

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> page = analyze("الرئيسية\\nأخبار\\nرياضة\\nاقتصاد\\nاتصل بنا\\n"
    ...                "قل هو الله أحد\\nالله الصمد\\nلم يلد ولم يولد\\nولم يكن له كفوا أحد")
    >>> _under_a_menu(page, _article_start(page), 4), len(cut_tail(page).lines)
    (True, 9)
    """
    if page.first_prose is not None or page.lines[index].kind in _FINAL_KINDS:
        return False
    content = page.index.get(CONTENT, ())
    above, below = bisect_left(content, start), bisect_left(content, index)
    lines = page.lines
    if any(lines[i].words >= _MIN_TEXT_WORDS for i in content[above:below]):
        return False
    under = content[below:]
    return bool(under) and 2 * sum(lines[i].words >= _MIN_TEXT_WORDS for i in under) >= len(under)


#: A line of content of this many words at least is the text's (a verse, a list's item), not a menu's item.
_MIN_TEXT_WORDS = 3


def _after_an_open_line(page: Page, index: int) -> bool:
    """Does the line stand right under a line of content left open, that ends with a colon or a
    comma (``وفيما يلي توزيع الحالات حسب الجهات:``, a verse ending ``،``)?  The text goes on under
    it: the list the colon announces, the rest of the sentence.  An article's last line ends
    its sentence.

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> page = analyze("أعلنت وزارة الصحة اليوم عن تسجيل حالات جديدة في مختلف جهات المملكة خلال اليوم.\\n"
    ...                "وفيما يلي توزيع الحالات حسب الجهات:\\nإعلان\\nجهة الرباط +496\\nجهة سوس +213")
    >>> _after_an_open_line(page, 2), cut_tail(page) is page
    (True, True)
    """
    above = page.neighbour(index, -1)
    if above is None or page.lines[above].is_residue:
        return False
    return page.lines[above].text.rstrip().endswith(OPEN_ENDS)


def _over_an_announced_list(page: Page, index: int) -> bool:
    """Does a list announced by a colon start right under the line: among the first lines of
    content below it, one that ends with a colon, and list items (``- ``, ``2. ``) under that
    (a separator line between aside)?  The text goes on there, a post's or an article's (``المواضيع
    التي سوف نقوم بتقديمها:`` over its numbered topics, under a thread's share button): a tail's
    headings and links are residue, and do not announce items with a colon.

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> page = analyze("قال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين في الموسم المقبل.\\nشارك\\n"
    ...                "المواضيع التي سوف نقوم بتقديمها:\\n-----\\n1- الإجراءات\\n2- الحزم\\n3- معالجة الأخطاء")
    >>> _over_an_announced_list(page, 1), cut_tail(page) is page
    (True, True)
    """
    lines = page.lines
    content = page.index.get(CONTENT, ())
    k = bisect_left(content, index)
    for at in range(k, min(k + _ANNOUNCEMENT_REACH, len(content))):
        line = lines[content[at]]
        if line.guard is None and line.words >= 2 and line.text.rstrip().endswith(":"):
            items = [lines[i] for i in content[at + 1:at + 1 + _ANNOUNCEMENT_REACH + 1] if lines[i].guard is not SEPARATOR]
            return sum(item.guard is LIST_ITEM for item in items[:_ANNOUNCEMENT_REACH]) >= MIN_LIST_ITEMS_BELOW
    return False


#: How near a line a list's announcement stands (lines of content), and how near it its items.
_ANNOUNCEMENT_REACH = 3


