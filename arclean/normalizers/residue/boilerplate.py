"""Boilerplate lines at the edges of a page: rules B201, B202, B204-B208, B104.

Each rule drops the residue lines of one kind of the page model
(:mod:`arclean.normalizers.residue.page`), and only where residue can be told from content:
before the first paragraph of the article or after the last one.
``التعليقات`` as a line after the article is the comment widget; the same word
inside a paragraph, or as a heading between paragraphs, stays.  Forum and
paywall prompts of two words or more are residue wherever they stand (a
thread's poster cards sit between its posts).
"""

from __future__ import annotations

from array import array
from typing import Callable

from ...datafiles import Phrase
from .analysis import apply
from .cards import CARD_FIELD
from .context import (
    MIN_MASTHEAD_CREDITS,
    among_list_items,
    heads_a_list,
    heads_a_list_of_sentences,
    heads_a_paragraph,
    in_a_drawn_table,
    inside_a_list,
    labels_a_contact,
    labels_an_address,
    masthead_credits_in_head,
)
from .lines import CLOSE_BUTTON, HEAD_ONLY, LIST_MARKS, SCRIPT_END, TEMPLATE_TOKEN
from .page import BREADCRUMB, CHROME, IN_ARTICLE, IN_HEAD, IN_TAIL, Kind, Page, Region

AD, MASTHEAD = Kind.AD, Kind.MASTHEAD
#: Kinds of lines told by their words alone (chrome words; a menu's item, a footer's link): in the
#: tail, between the text's own list items and no item itself, such a line is a heading of the
#: list (``👤 حسابك``, ``التسجيل:``, ``شروط الخدمة``).  A footer's menu printed as a list has its
#: links as items.
_TEXT_HEADING_KINDS = frozenset({CHROME, Kind.HEAD, Kind.FOOTER})
#: The evidence of chrome lines of fewer than two words that no kicker is: a template's token, a
#: close button's glyph, a script's end.  They go in the head too.
_NO_LABELS = (TEMPLATE_TOKEN, CLOSE_BUTTON, SCRIPT_END)


def drop_edge_lines(page: Page, kinds: frozenset[Kind], *, anywhere: bool = False) -> Page:
    """The page without residue lines of these kinds at its edges (and, with
    ``anywhere``, without those of two words or more in the article too).  In
    the head a one-word line may be a label (a kicker), so a line judged by its
    words alone (kind CHROME, not by its neighbours) needs two words there, but for a
    template's token (``{{ title }}``: no label) and a close button's glyph (``×``), which goes in
    the head only (the same sign stands between a sum's numbers printed a number to a line).
    A poster card's field printed on a line of its own (``المشاركات``, ``2,042``,
    :mod:`~arclean.normalizers.residue.cards`) goes wherever it stands with ``anywhere``, of one word too,
    and so does an ad slot's label (kind AD, among B205's kinds), of any length.  A masthead's credit
    (kind MASTHEAD, among B206's: ``رئيس التحرير``) goes in the page's head only, with another there
    (alone, it may be a byline's: an editor signing a column); the name under it is judged chrome in
    context (:func:`~arclean.normalizers.residue.context.judge_in_context`), and B205 drops it.
    Asked (by :func:`_edge_rule`'s rules) only of a page that holds a line of these kinds."""
    drop = array("i")  # the lines to drop, in order: 4 bytes a line, not a set of ints
    mastheads: int | None = None  # the masthead's credits in the head, counted when one is met
    for index in page.of_kinds(kinds):
        line = page.lines[index]
        if not line.is_residue:
            continue
        if line.kind is AD:
            drop.append(index)
            continue
        region = page.region(index)
        if line.kind is MASTHEAD:
            if mastheads is None:
                mastheads = masthead_credits_in_head(page)
            if region is IN_HEAD and mastheads >= MIN_MASTHEAD_CREDITS:
                drop.append(index)
            continue
        if (region is IN_ARTICLE and not (anywhere and (line.words >= 2 or line.evidence == CARD_FIELD))
                or line.evidence in HEAD_ONLY and region is not IN_HEAD):  # (a sum's sign may close a text)
            continue
        if _belongs_to_the_text(page, index, region):
            continue
        if (region is IN_HEAD and line.kind is CHROME and not line.by_context and line.words < 2
                and line.evidence not in _NO_LABELS):
            continue
        drop.append(index)
    return page.without(drop) if drop else page


def _belongs_to_the_text(page: Page, index: int, region: Region) -> bool:
    """Is the line a heading or an item of the text's own list, not chrome: a label over it (a rules
    post's ``قوانين المنتدى :``, :func:`~arclean.normalizers.residue.context.heads_a_list`; over a
    list of sentences, a service page's ``شروط الخدمة`` over its conditions,
    :func:`~arclean.normalizers.residue.context.heads_a_list_of_sentences`; or over a paragraph,
    :func:`~arclean.normalizers.residue.context.heads_a_paragraph`), a label over its value (a
    staff card's ``البريد الإلكتروني:`` over the address,
    :func:`~arclean.normalizers.residue.context.labels_a_contact`; a form's label by its phrase over
    an address, an infobox's ``الموقع الإلكتروني`` over ``www.pfa.ps``,
    :func:`~arclean.normalizers.residue.context.labels_an_address`), a row of a table drawn with
    bars (:func:`~arclean.normalizers.residue.context.in_a_drawn_table`), an item
    between its items (:func:`~arclean.normalizers.residue.context.among_list_items`), or, in the
    tail, a line of chrome words, a menu's item or a footer's link between its items, itself no item
    (a terms page's ``👤 حسابك`` and ``التسجيل:``, a shipping page's ``شروط الخدمة``,
    :func:`~arclean.normalizers.residue.context.inside_a_list`)?"""
    if (heads_a_list(page, index) or among_list_items(page, index) or heads_a_paragraph(page, index)
            or heads_a_list_of_sentences(page, index) or labels_a_contact(page, index)
            or labels_an_address(page, index) or in_a_drawn_table(page, index)):
        return True
    line = page.lines[index]
    return (region is IN_TAIL and line.kind in _TEXT_HEADING_KINDS and not line.text.lstrip().startswith(LIST_MARKS)
            and inside_a_list(page, index))


def _edge_rule(*kinds: Kind, anywhere: bool = False) -> Callable[[Page], Page]:
    wanted = frozenset(kinds)

    def drop_edge(page: Page) -> Page:
        # No line of these kinds (most pages, for most of these rules): the page back in one call, not two.
        return page if wanted.isdisjoint(page.index) else drop_edge_lines(page, wanted, anywhere=anywhere)

    return drop_edge


drop_comment_forms: Callable[[Page], Page] = _edge_rule(Kind.COMMENT)
drop_share_bars: Callable[[Page], Page] = _edge_rule(Kind.SHARE)
drop_page_footers: Callable[[Page], Page] = _edge_rule(Kind.FOOTER)
drop_widgets: Callable[[Page], Page] = _edge_rule(Kind.WIDGET, Kind.CHROME, AD)
drop_head_chrome: Callable[[Page], Page] = _edge_rule(Kind.HEAD, MASTHEAD)
drop_forum_chrome: Callable[[Page], Page] = _edge_rule(Kind.FORUM, anywhere=True)
drop_paywall_prompts: Callable[[Page], Page] = _edge_rule(Kind.PAYWALL, anywhere=True)


def remove_comment_forms(text: str, *, boilerplate: tuple[Phrase, ...] = ()) -> str:
    """Remove comment-form lines in the head or tail of a page.

    WordPress, Blogger, Disqus and Facebook forms and widgets: ``اترك رد``,
    ``لن يتم نشر عنوان بريدك الإلكتروني.``, ``إرسال تعليق``.

    >>> remove_comment_forms("نص المقال الذي كتبه المحرر عن الحدث في المدينة.\\n\\nاترك رد\\n\\nلن يتم نشر عنوان بريدك الإلكتروني.")
    'نص المقال الذي كتبه المحرر عن الحدث في المدينة.\\n\\n'
    >>> remove_comment_forms("قال: اترك رد فعلك جانبا واستمع إلى ما يقوله الناس في المدينة.")
    'قال: اترك رد فعلك جانبا واستمع إلى ما يقوله الناس في المدينة.'
    """
    return apply(drop_comment_forms, text, boilerplate)


def remove_share_bars(text: str, *, boilerplate: tuple[Phrase, ...] = ()) -> str:
    """Remove share, follow and subscribe lines in the head or tail of a page.

    ``شارك``, ``فيسبوك`` standing alone, ``تابعونا على …``.

    >>> remove_share_bars("العنوان\\nشارك\\nفيسبوك\\nقال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين.")
    'العنوان\\nقال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين.'
    """
    return apply(drop_share_bars, text, boilerplate)


def remove_page_footers(text: str, *, boilerplate: tuple[Phrase, ...] = ()) -> str:
    """Remove tag lines, copyright footers, cookie and newsletter notices at the page edges.

    ``الوسوم: …``, ``كلمات دلالية: …``, ``جميع الحقوق محفوظة``.

    >>> remove_page_footers("قال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين.\\nالوسوم: زراعة، حكومة\\n")
    'قال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين.\\n'
    """
    return apply(drop_page_footers, text, boilerplate)


def remove_widgets(text: str, *, boilerplate: tuple[Phrase, ...] = ()) -> str:
    """Remove widgets and chrome lines at a page's edges (print bars, polls), and ad labels anywhere.

    Listed phrases (``طباعة إرسال``, ``Upvote Downvote``), short lines made
    of chrome words (``شاركنا بتعليقك على الخبر :``, ``فيسبوك تويتر واتساب``;
    in the head, two words at least), short lines between chrome lines, and a
    label left dangling at the end of the page.  An ad slot's label
    (``مساحة إعلانية``, ``Advertisement``: ``data/boilerplate/ads.txt``) and a
    show-more button (``عرض المزيد``: ``buttons.txt``) go between paragraphs too.

    >>> remove_widgets("قال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين.\\nطباعة إرسال\\nشاركنا بتعليقك على الخبر :")
    'قال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين.'
    >>> remove_widgets("قال الوزير إن الحكومة ستعلن خطة جديدة.\\nمساحة إعلانية\\nوأضاف أن الخطة تشمل قروضا ميسرة.")
    'قال الوزير إن الحكومة ستعلن خطة جديدة.\\nوأضاف أن الخطة تشمل قروضا ميسرة.'
    """
    return apply(drop_widgets, text, boilerplate)


def remove_head_chrome(text: str, *, boilerplate: tuple[Phrase, ...] = ()) -> str:
    """Remove site chrome at the page edges: skip links, menus, close buttons, masthead credits.

    A newspaper's masthead credits (``رئيس التحرير`` over its editor's name: ``data/boilerplate/masthead.txt``)
    go in the page's head where two stand or more; one alone may end a column's byline.  The names
    under them are chrome judged in context, which B205 drops.

    >>> remove_head_chrome("اذهب إلى المحتوى\\nالعنوان\\nقال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين.")
    'العنوان\\nقال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين.'
    >>> remove_head_chrome("رئيس مجلس الإدارة\\nأيمن محسب\\nرئيس التحرير\\nوجدي زين الدين\\nالعنوان\\n"
    ...                    "قال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين.")
    'أيمن محسب\\nوجدي زين الدين\\nالعنوان\\nقال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين.'
    """
    return apply(drop_head_chrome, text, boilerplate)


def remove_forum_chrome(text: str, *, boilerplate: tuple[Phrase, ...] = ()) -> str:
    """Remove forum chrome: join prompts, poster cards, topic navigation.

    Prompts of two words or more go wherever they stand; a poster card's head
    (its rank, status or avatar, and the name above it) goes with the card's labelled lines.

    >>> remove_forum_chrome("نص المشاركة الأولى في الموضوع كما كتبها العضو في المنتدى.\\nأحمد\\nعضو ذهبي\\nعدد الرسائل : 120\\nنقاط : 300")
    'نص المشاركة الأولى في الموضوع كما كتبها العضو في المنتدى.'
    """
    return apply(drop_forum_chrome, text, boilerplate)


def remove_paywall_prompts(text: str, *, boilerplate: tuple[Phrase, ...] = ()) -> str:
    """Remove paywall, subscription and login prompts, and print-version notes.

    >>> remove_paywall_prompts("قال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين.\\nهذا المقال مخصص للمشتركين")
    'قال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين.'
    """
    return apply(drop_paywall_prompts, text, boilerplate)


def drop_breadcrumbs(page: Page) -> Page:
    """The page without breadcrumb trails in its head."""
    return page.without(i for i in page.filled if i < page.head_end and page.lines[i].guard is BREADCRUMB)


def remove_breadcrumbs(text: str) -> str:
    """Remove a breadcrumb trail (``الرئيسية » أخبار``) in the head of a page.

    Off by default: the conventions keep breadcrumbs, which name the article's
    section.

    >>> remove_breadcrumbs("الرئيسية » أخبار\\nالعنوان\\nقال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين.")
    'العنوان\\nقال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين.'
    """
    return apply(drop_breadcrumbs, text)
