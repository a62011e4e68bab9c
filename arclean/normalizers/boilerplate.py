"""Boilerplate lines in the head and tail of a page: rules B201, B202, B204, B205.

Each rule removes whole lines of one kind of page residue (phrase lists in
``data/boilerplate/``, one file per origin), and only where residue can be
told from content: before the first paragraph of the article or after the
last one.  ``التعليقات`` as a line after the article is the comment widget;
the same word inside a paragraph, or as a heading between paragraphs, stays.
"""

from __future__ import annotations

import re

from ..layout import Layout, analyze
from ..residue import is_widget_shaped
from ..tables import Phrase

_BREADCRUMB = re.compile(r"(?:الرئيسية|الرئيسيه|الصفحة الرئيسية|[Hh]ome|HOME)[ \t]*[»>›/|\\][^\n]*")


def _remove_edge_lines(text: str, kind: str, boilerplate: tuple[Phrase, ...], *, widgets: bool = False) -> str:
    layout = analyze(text, boilerplate)
    if kind not in layout.kinds and not widgets:
        return text
    edges = [*range(min(layout.head_end, layout.tail_start)), *range(layout.tail_start, len(layout.lines))]
    drop = {i for i in edges if _is_residue(layout, i, kind, widgets)}
    return text if not drop else layout.without(drop)


def _is_residue(layout: Layout, index: int, kind: str, widgets: bool) -> bool:
    if layout.kinds[index] == kind:
        return True
    if not widgets or layout.kinds[index] is not None:
        return False
    line = layout.lines[index]
    # In the head, a one-word line may be a label (a kicker); a widget bar has more.
    at_edge = layout.in_tail(index) or (layout.in_head(index) and len(line.split()) >= 2)
    return at_edge and is_widget_shaped(line)


def remove_comment_forms(text: str, *, boilerplate: tuple[Phrase, ...] = ()) -> str:
    """Remove comment-form lines in the head or tail of a page.

    WordPress, Blogger, Disqus and Facebook forms and widgets: ``اترك رد``,
    ``لن يتم نشر عنوان بريدك الإلكتروني.``, ``إرسال تعليق``.

    >>> remove_comment_forms("نص المقال الذي كتبه المحرر عن الحدث في المدينة.\\n\\nاترك رد\\n\\nلن يتم نشر عنوان بريدك الإلكتروني.")
    'نص المقال الذي كتبه المحرر عن الحدث في المدينة.\\n\\n'
    >>> remove_comment_forms("قال: اترك رد فعلك جانبا واستمع إلى ما يقوله الناس في المدينة.")
    'قال: اترك رد فعلك جانبا واستمع إلى ما يقوله الناس في المدينة.'
    """
    return _remove_edge_lines(text, "comment", boilerplate)


def remove_share_bars(text: str, *, boilerplate: tuple[Phrase, ...] = ()) -> str:
    """Remove share, follow and subscribe lines in the head or tail of a page.

    ``شارك``, ``فيسبوك`` standing alone, ``تابعونا على …``.

    >>> remove_share_bars("العنوان\\nشارك\\nفيسبوك\\nقال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين.")
    'العنوان\\nقال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين.'
    """
    return _remove_edge_lines(text, "share", boilerplate)


def remove_page_footers(text: str, *, boilerplate: tuple[Phrase, ...] = ()) -> str:
    """Remove tag lines, copyright footers, cookie and newsletter notices at the page edges.

    ``الوسوم: …``, ``كلمات دلالية: …``, ``جميع الحقوق محفوظة``.

    >>> remove_page_footers("قال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين.\\nالوسوم: زراعة، حكومة\\n")
    'قال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين.\\n'
    """
    return _remove_edge_lines(text, "footer", boilerplate)


def remove_widgets(text: str, *, boilerplate: tuple[Phrase, ...] = ()) -> str:
    """Remove print/send bars, vote and poll widgets in the head or tail of a page.

    Listed phrases (``طباعة إرسال``, ``Upvote Downvote``) and short lines made
    of widget words (``شاركنا بتعليقك على الخبر :``, ``فيسبوك تويتر واتساب``;
    in the head, two words at least).

    >>> remove_widgets("قال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين.\\nطباعة إرسال\\nشاركنا بتعليقك على الخبر :")
    'قال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين.'
    """
    return _remove_edge_lines(text, "widget", boilerplate, widgets=True)


def remove_breadcrumbs(text: str) -> str:
    """Remove a breadcrumb trail (``الرئيسية » أخبار``) in the head of a page.

    >>> remove_breadcrumbs("الرئيسية » أخبار\\nالعنوان\\nقال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين.")
    'العنوان\\nقال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين.'
    """
    if not _BREADCRUMB.search(text):
        return text
    layout = analyze(text, ())
    drop = [i for i in range(layout.head_end) if _BREADCRUMB.fullmatch(layout.lines[i].strip())]
    return text if not drop else layout.without(drop)
