"""The invariants, checked on generated text: no crash, idempotence, clean text
is a fixed point, and residue injected into clean text is removed exactly."""

from __future__ import annotations

from hypothesis import assume, example, given, strategies as st

import arclean
from arclean import datafiles as tables
from arclean.normalizers.residue.analysis import analyze
from arclean.text.folding import is_prose

from .strategies import (
    MISSPELT,
    arabic_noise,
    clean_document,
    date,
    linked_title,
    paragraph,
    split_card,
    title,
    vertical_table,
)


@given(st.text())
def test_clean_never_raises_on_any_string(text: str) -> None:
    assert isinstance(arclean.clean(text), str)


@given(arabic_noise)
def test_clean_never_raises_on_arabic_residue_noise(text: str) -> None:
    assert isinstance(arclean.clean(text), str)


@given(st.one_of(st.text(), arabic_noise))
@example("“مكافحة الإرهاب“ و“داعش“")
@example("العنوان الأول للخبر اليوم\n0\nالعنوان الأول للخبر اليوم\n")
@example("ط¤ظ،Ø¤")  # regressions found by hypothesis: broken words next to other rules' edits
@example("À\xadÁ")
@example("Ä©،ط¢ط‘")
@example("\x80،ءØ¤")
@example("ﹷØ¤")
@example("ط¢ط‘Ā\u202a")
@example("ط\xa0ط‚\x1bط¢ط“")
@example("«“0»“«»")
@example("“«0»“«»")
@example("““””«0»”")
@example("\xadØ¤")
@example("\xadØ¤0Ø¯")
@example("Ø¤ÀÄ‘")
@example("ط§ط ؛")  # P101 closing a pair broken as windows-1256 (ط؛ is غ) that E102 had run before
@example("خلال مط§ظ ؛„وجة الحر")
@example("§ ط ؛xط ؛")
@example("± أ ،ب ،ط ،ظ ،")
@example("ﻁ§ظ„")  # a lead byte shown as a presentation form, which L101 maps after E102 has run
@example("الحمد لله رب العالمين، أما بعد:\nاستضاف عميد البلدية ‘أ. أبوبكر ’، السفير لبحث التعاون في الإدارة المحلية وتبادل الخبرات.\n\n"
         "استضاف عميد البلدية ‘أ. أبوبكر ‘ ، السفير لبحث التعاون في الإدارة المحلية وتبادل الخبرات.\nتعزية")  # B102 before Q101
@example("عنوان في مدینة\nقال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين في الموسم المقبل.\n© کلیه حقوق این سایت محفوظ است")
def test_clean_is_idempotent(text: str) -> None:
    once = arclean.clean(text)
    assert arclean.clean(once) == once


@given(st.one_of(st.text(), arabic_noise))
def test_explain_agrees_with_clean(text: str) -> None:
    report = arclean.explain(text)
    assert report.text == arclean.clean(text)
    assert report.changed == (report.text != text)


@given(clean_document())
def test_clean_document_is_a_fixed_point(document: str) -> None:
    assert arclean.clean(document) == document


# --- residue injection -------------------------------------------------------


def _lines(document: str) -> list[str]:
    return document.rstrip("\n").split("\n")


@given(clean_document(), st.sampled_from(["\n\n", "\n", "\n0\n\n", "\n\n12\n", "\n\n\n"]))
def test_repeated_title_is_removed(document: str, gap: str) -> None:
    head, rest = document.split("\n", 1)
    dirty = head + gap + head + "\n" + rest
    assert arclean.clean(dirty) == document


@given(clean_document(), st.integers(1, 3), st.sampled_from(["\n", "\n\n"]))
def test_heading_printed_again_right_above_the_text_is_removed(document: str, copies: int, gap: str) -> None:
    """Under a page's widgets (too many lines for the title's own search), the heading printed
    again and again right above the article (its first paragraph a paragraph of prose, not a
    short line): its copies go, and nothing else."""
    assume(analyze(document).first_prose == 2)
    head, rest = document.split("\n", 1)
    widgets = "أسعار العملات\nدولار / شيكل 3.29\nيورو / شيكل 3.92\nحالة الطقس\nالقدس / فلسطين\n"
    assert arclean.clean(widgets + (head + gap) * copies + head + "\n" + rest) == arclean.clean(widgets + document)


@given(clean_document(), st.sampled_from(["0", "12", "١٥", "0 تعليقات", "المشاهدات : 171"]))
def test_counter_line_beside_title_is_removed(document: str, counter: str) -> None:
    head, rest = document.split("\n", 1)
    assert arclean.clean(f"{head}\n{counter}\n{rest}") == document


@given(clean_document(), st.lists(title(), min_size=6, max_size=12, unique=True), st.integers(3, 6),
       st.sampled_from([" ", "\u00a0"]), st.sampled_from(["", "آخر الأخبار\n"]))
def test_headline_ticker_above_the_title_is_removed(document: str, headlines: list[str], width: int,
                                                    space: str, heading: str) -> None:
    """A ticker (headlines apart by one run of spaces, no-break ones too) above the
    title goes, with its heading; the page under it stays as it was."""
    ticker = (space * width).join(headlines)
    assert arclean.clean(f"{heading}{ticker}\n{document}") == document


@given(clean_document(), st.sampled_from(["قديم 08-02-2019, 06:45 PM", "سارة غير متواجد حالياً", "إضافة رد"]))
def test_post_icon_label_before_a_posts_title_is_removed(document: str, header: str) -> None:
    """On a forum's page (a post's dated header, a poster's name line, a forum's own line above
    the post), the board's icon label glued to the title goes, and nothing else with it."""
    assert arclean.clean(f"{header}\nافتراضي {document}") == arclean.clean(f"{header}\n{document}")


@given(clean_document(), st.integers(1, 999), st.sampled_from(["", "1. "]),
       st.sampled_from(["قديم 08-02-2019, 06:45 PM", "سارة غير متواجد حالياً"]))
def test_post_number_over_a_post_is_removed(document: str, number: int, listed: str, header: str) -> None:
    """On a forum's page, a post's number on its own line (``#12``, ``1. #12``) goes, line and all."""
    assert arclean.clean(f"{listed}#{number}\n{header}\n{document}") == arclean.clean(f"{header}\n{document}")


@given(clean_document(), split_card(), st.data())
def test_poster_card_printed_a_field_to_a_line_is_removed(document: str, card: str, data: st.DataObject) -> None:
    """A poster card printed a field to a line, put between two of a clean page's paragraphs (or
    under its title), goes, its name and rank with it, and nothing else.  (The page as a forum's:
    where a forum's own line in the card's place leaves the rest as it is.  A generated page of
    one word over and over may read as a thread whose first post copies the title.)"""
    blocks = document.split("\n\n")
    at = data.draw(st.integers(1, len(blocks) - 1))
    assume(arclean.clean("\n\n".join([*blocks[:at], "إضافة رد", *blocks[at:]])) == document)
    assert arclean.clean("\n\n".join([*blocks[:at], card, *blocks[at:]])) == document


@given(clean_document(), vertical_table(), st.data())
def test_table_printed_a_cell_to_a_line_stays(document: str, table: str, data: st.DataObject) -> None:
    """A table scraped a cell to a line, put between two of a clean page's blocks or after its
    last paragraph (the page's tail, where bare numbers are counters), stays whole: its first and
    last numbers too, with a paragraph or the page's end beside them."""
    blocks = document.rstrip("\n").split("\n\n")
    at = data.draw(st.integers(1, len(blocks)))
    page = "\n\n".join([*blocks[:at], table, *blocks[at:]]) + "\n"
    assert arclean.clean(page) == page


COMMENT_FORMS = [
    "اترك رد\n\nلن يتم نشر عنوان بريدك الإلكتروني.",
    "اترك تعليقاً\nلن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *\nالتعليق\nالاسم *"
    "\nالبريد الإلكتروني *\nالموقع الإلكتروني\nإرسال التعليق",
    "ليست هناك تعليقات:\nإرسال تعليق",
    "شارك الخبر\n\nفيسبوك\nتويتر\nواتساب",
    "0 تعليقات",
    "الوسوم: أخبار، اقتصاد",
]


def _pairs(first: str, second: str) -> st.SearchStrategy[str]:
    """A prompt made from two word lists that fill a phrase line's slots (``أضف تعليقا``, ``شارك هذا الخبر``)."""
    return st.builds("{} {}".format, st.sampled_from(sorted(tables.word_list(f"words/{first}.txt"))),
                     st.sampled_from(sorted(tables.word_list(f"words/{second}.txt"))))


@given(clean_document(), st.one_of(st.sampled_from(COMMENT_FORMS), _pairs("comment_verbs", "comment_nouns"),
                                   _pairs("share_verbs", "share_objects"), _pairs("follow_verbs", "our_pages")),
       st.sampled_from(["\n", "\n\n"]))
def test_comment_form_and_share_bar_at_the_end_are_removed(document: str, form: str, gap: str) -> None:
    assert arclean.clean(document + gap + form) == document


#: Read-also headings: listed ones, and any a site may word from a noun and a qualifier (related.txt's slots).
READ_ALSO_HEADINGS = st.one_of(
    st.sampled_from(["اقرأ أيضا:", "إقرأ أيضاً", "مقالات ذات صلة", "اخترنا لكم"]),
    _pairs("related_nouns", "related_qualifiers"),
)


@given(clean_document(), READ_ALSO_HEADINGS,
       st.lists(linked_title(), min_size=1, max_size=3, unique=True), st.sampled_from(["\n", "\n\n"]), st.data())
def test_read_also_block_inside_the_article_is_removed(document: str, heading: str, titles: list[str], gap: str,
                                                         data: st.DataObject) -> None:
    blocks = document.split("\n\n")
    assume(len(blocks) >= 3)  # a title and two paragraphs at least: the block stands between two
    assume(blocks[0] not in titles)  # a link to another article, not the page's own title (B101's copy)
    at = data.draw(st.integers(2, len(blocks) - 1), label="after block")
    assume(is_prose(blocks[at]))  # a paragraph under it (a short question there may be one more linked title)
    assume(any(is_prose(block) for block in blocks[1:at]))  # and one above it: in the page's head, the text may start in a block
    page = "\n\n".join([*blocks[:at], gap.join([heading, *titles]), *blocks[at:]])
    assert arclean.clean(page) == document


#: The ad slots' labels and show-more buttons a site may leave on a line (data/boilerplate/ads.txt, buttons.txt).
AD_LABELS = [entry for name in ("ads", "buttons") for _lineno, entry in tables.entries(f"boilerplate/{name}.txt")]


@given(clean_document(), st.sampled_from(AD_LABELS), st.sampled_from(["\n", "\n\n"]), st.data())
def test_ad_label_anywhere_is_removed(document: str, label: str, gap: str, data: st.DataObject) -> None:
    """An ad slot's label or a show-more button (``data/boilerplate/ads.txt``, ``buttons.txt``) put between any two blocks of a clean
    document, or at either end, goes, and nothing else does."""
    blocks = document.rstrip("\n").split("\n\n")
    at = data.draw(st.integers(0, len(blocks)), label="before block")
    above, below = "\n\n".join(blocks[:at]), "\n\n".join(blocks[at:])
    page = (above + "\n\n" if above else "") + label + (gap + below if below else "") + "\n"
    assert arclean.clean(page) == document


#: A template's tokens left in a page: shortcodes with an underscore, names in braces, SEO plugins' variables.
_NAME = st.from_regex(r"[a-z]{1,6}(_[a-z0-9]{1,4}){1,2}", fullmatch=True)
TEMPLATE_TOKENS = st.one_of(
    st.builds("[{}]".format, _NAME), st.builds("[/{}]".format, _NAME), st.builds("{{{}}}".format, _NAME),
    st.builds("{{{{ {} }}}}".format, _NAME), st.builds("%%{}%%".format, st.from_regex(r"[a-z_]{2,9}", fullmatch=True)),
)


@given(clean_document(), TEMPLATE_TOKENS, TEMPLATE_TOKENS, st.sampled_from(["\n", "\n\n"]))
def test_template_tokens_at_the_edges_are_removed(document: str, head: str, tail: str, gap: str) -> None:
    """A template's tokens left on lines of their own above the title and under the last
    paragraph (an autoblog's ``[ad_1]`` and ``[ad_2]``) go, and nothing else does."""
    assert arclean.clean(head + gap + document + gap + tail + "\n") == document


@given(clean_document(), st.data())
def test_spaces_are_normalized(document: str, data: st.DataObject) -> None:
    lines = _lines(document)
    index = data.draw(st.integers(1, len(lines) - 1).filter(lambda i: lines[i] != ""), label="line")
    line = lines[index]
    spaced = line.replace(" ", data.draw(st.sampled_from(["\u00a0", "  ", " \t", "\u202f", " \u3000"])), 1)
    lines[index] = data.draw(st.sampled_from(["", " ", "\t"])) + spaced + data.draw(st.sampled_from(["", " ", "  "]))
    dirty = "\r\n".join(lines) + data.draw(st.sampled_from(["", "\n", "\n\n\n"]))
    assert arclean.clean(dirty) == document


@given(title(), st.lists(paragraph(), min_size=1, max_size=3, unique=True), date(tuple(MISSPELT)))
def test_misspelt_month_is_corrected(head: str, body: list[str], when: str) -> None:
    day, month, year = when.split()
    document = "\n\n".join([head, f"وصل الوفد في {when} إلى المدينة.", *body]) + "\n"
    dirty = document.replace(f"{day} {month} {year}", f"{day} {MISSPELT[month]} {year}")
    assert arclean.clean(document) == document
    assert arclean.clean(dirty) == document


@given(clean_document(), st.sampled_from(["«{}«", "»{}»", "»{}«"]),
       st.lists(st.sampled_from(["الحكومة", "الشعب", "قرار"]), min_size=1, max_size=3))
def test_misshapen_quotes_are_fixed(document: str, shape: str, quoted: list[str]) -> None:
    text = " ".join(quoted)
    head, rest = document.split("\n", 1)
    sentence = "وقال الوزير إن {} أمر مهم للجميع في البلاد."
    expected = f"{head}\n\n{sentence.format(f'«{text}»')}\n{rest}"
    dirty = f"{head}\n\n{sentence.format(shape.format(text))}\n{rest}"
    assert arclean.clean(expected) == expected
    assert arclean.clean(dirty) == expected
