"""Every data file parses, is sorted, has no duplicates, and its entries make sense."""

from __future__ import annotations

from unittest import mock

import pytest
from hypothesis import given, strategies as st

import arclean
from arclean import datafiles as tables
from arclean.errors import DataFileError
from arclean.normalizers.residue.analysis import analyze_alone
from arclean.normalizers.residue.cards import field_of
from arclean.normalizers.residue.context import nothing_to_judge, plain_lines
from arclean.normalizers.residue.lines import (
    chrome_share,
    chrome_words,
    is_breadcrumb,
    is_copyright,
    is_counter,
    is_poster_mark,
    is_poster_name,
    listed,
    phrase_matcher,
    runs_on,
)
from arclean.normalizers.residue.page import BLANK, CONTENT
from arclean.normalizers.spelling import months
from arclean.text.folding import skeleton
from arclean.text.language import is_non_arabic

ALL_FILES = [f for folder in ("boilerplate", "chars", "months", "typos", "words") for f in tables.data_files(folder)]


def _entries(relpath: str) -> list[str]:
    return [line for _, line in tables.entries(relpath)]


@pytest.mark.parametrize("relpath", ALL_FILES)
def test_file_is_sorted_without_duplicates(relpath: str) -> None:
    entries = _entries(relpath)
    assert entries, f"{relpath} is empty"
    keys = [entry.split("\t")[0] for entry in entries]
    if relpath == "months/months.tsv":
        keys = [(int(entry.split("\t")[0]), entry.split("\t")[2], entry.split("\t")[1]) for entry in entries]
    assert len(keys) == len(set(keys)), f"{relpath} has duplicates"
    assert keys == sorted(keys), f"{relpath} is not sorted"


@pytest.mark.parametrize("relpath", tables.data_files("chars"))
def test_character_tables_parse_with_unicode_names(relpath: str) -> None:
    assert tables.char_table(relpath)


@pytest.mark.parametrize("relpath", tables.data_files("chars"))
@given(st.data())
def test_replacing_a_tables_characters_is_translating_with_it(relpath: str, data: st.DataObject) -> None:
    """``replace_chars`` (one ``str.replace`` a character the text holds) gives what
    ``str.translate`` gives, for every table and its characters anywhere in a text."""
    table = sorted(tables.char_table(relpath))
    text = "".join(data.draw(st.lists(st.one_of(st.sampled_from(table), st.characters()), max_size=20)))
    assert tables.replace_chars(text, relpath) == text.translate(tables.translation(relpath))
    assert tables.replace_chars("".join(table), relpath) == "".join(table).translate(tables.translation(relpath))


def test_a_table_whose_replacements_it_replaces_cannot_be_replaced_one_by_one() -> None:
    chained = "U+0041\tU+0042\tLATIN CAPITAL LETTER A\nU+0042\tU+0043\tLATIN CAPITAL LETTER B\n"
    with mock.patch.object(tables, "_data_text", lambda relpath: chained):
        assert "AB".translate(tables.translation("chars/chained.tsv")) == "BC"  # where one by one gives "CC"
        with pytest.raises(DataFileError, match=r"chained\.tsv:1: U\+0041's replacement is replaced too"):
            tables.replace_chars("AB", "chars/chained.tsv")


@pytest.mark.parametrize("relpath", tables.data_files("boilerplate"))
def test_phrase_files_parse_and_every_phrase_is_recognised(relpath: str) -> None:
    parsed = tables.parse_phrases(relpath, (tables.resources.files("arclean") / "data" / relpath).read_text("utf-8"), slots=True)
    matcher = phrase_matcher()
    for phrase in parsed:
        line = phrase.text + (" عنوان مرتبط" if phrase.prefix else "")
        if phrase.frame:  # a title between its words, and no frame without one
            line = phrase.text.replace(tables.FRAME_MARK, " عنوان مرتبط ")
            assert matcher.match(phrase.text.replace(tables.FRAME_MARK, " ")) is not phrase, phrase
        assert matcher.match(line) is not None, phrase
        assert skeleton(phrase.text), phrase


def test_a_frame_holds_a_title_of_up_to_twenty_words_and_a_users_file_has_none() -> None:
    """WordPress's "comments on <the post's title> are closed" under a post ends it; a line
    that only starts or only ends as the frame does is no phrase, and a user's file reads
    `` … `` as written."""
    text = "قال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين في الموسم المقبل."
    for title in ("خطة جديدة لدعم المزارعين", "كلمة " * 20):
        assert arclean.clean(f"{text}\n\nالتعليقات على {title.strip()} مغلقة\n\nاترك رد") == f"{text}\n"
    assert phrase_matcher().match("التعليقات على " + "كلمة " * 21 + "مغلقة") is None
    assert phrase_matcher().match("التعليقات على خطة جديدة لدعم المزارعين") is None
    assert phrase_matcher().match("خطة جديدة لدعم المزارعين مغلقة") is None
    users = tables.parse_phrases("site.txt", "# kind: comment\nالتعليقات على … مغلقة\n")
    assert [phrase.frame for phrase in users] == [False]


def test_phrases_are_already_clean() -> None:
    """A phrase that the char rules would change could never match cleaned text."""
    char_rules = [rule.code for rule in arclean.rules() if rule.code[0] in "EIWL" and rule.default and rule.code not in ("W106",)]
    for phrase in tables.phrases():
        assert arclean.clean(phrase.text, select=char_rules) == phrase.text, phrase


def test_month_misspellings_are_not_words_and_correct_to_listed_spellings() -> None:
    spellings = {month.name for month in tables.months()}
    for typo, fixes in tables.corrections("months/misspellings.tsv").items():
        assert len(fixes) == 1 and fixes[0] in spellings, typo
        assert typo not in spellings and typo not in tables.word_list("months/not_months.txt")


def test_month_spellings_are_never_changed() -> None:
    for month in tables.months():
        for context in (f"في 12 {month.name} 2020", f"شهر {month.name}", month.name):
            assert months.fix_month_misspellings(context) == context


@pytest.mark.parametrize("word", sorted(tables.word_list("months/not_months.txt")))
def test_every_word_near_a_month_name_stays_in_a_date_context(word: str) -> None:
    """Each entry is one edit from a month name (so T101 would take it for a misspelling) and
    stays after a day's number and before a year, and between the numbers of a table's row."""
    assert any(months.is_one_edit(months._fold(word), months._fold(month.name)) for month in tables.months()), word
    for context in (f"في 12 {word} 2020", f"السليمانية 1 {word} 8 دهوك 10"):
        assert months.fix_month_misspellings(context) == context


def test_typo_corrections_are_not_typos_themselves() -> None:
    lexicon = tables.corrections("typos/common.tsv")
    for typo, fixes in lexicon.items():
        assert typo not in fixes
        assert not set(fixes) & set(lexicon), typo


def test_alef_maksura_words_end_with_alef_maksura() -> None:
    assert all(word.endswith("ى") for word in tables.word_list("words/alef_maksura.txt"))


def test_malformed_entries_name_file_and_line() -> None:
    with pytest.raises(DataFileError, match=r"x\.tsv:2: expected 2 tab-separated fields"):
        tables.parse_corrections("x.tsv", "# comment\nonly-one-field\n")
    with pytest.raises(DataFileError, match=r"y\.txt:1: missing or unknown '# kind:'"):
        tables.parse_phrases("y.txt", "# kind: nonsense\nphrase\n")
    with pytest.raises(DataFileError, match="leading or trailing spaces"):
        list(tables.entries("z.txt", "phrase \n"))


def test_a_slot_that_names_no_word_list_names_file_and_line_and_a_users_braces_stay() -> None:
    with pytest.raises(DataFileError, match=r"x\.txt:2: the slot \{no_such_list\} names no word list"):
        tables.parse_phrases("x.txt", "# kind: related\n{no_such_list} ذات صلة\n", slots=True)
    # a user's file (a learned one may hold a leaked template token) is read as written
    assert [p.text for p in tables.parse_phrases("x.txt", "# kind: head\n{{ user.name }}\n")] == ["{{ user.name }}"]


@pytest.mark.parametrize("relpath", tables.data_files("boilerplate"))
def test_no_phrase_made_from_slots_is_listed_too(relpath: str) -> None:
    """A line with slots stands for phrases that no line of its file lists (folded): one listed
    as well would be a twin to keep in step."""
    listed: set[tuple[str, bool]] = set()
    made: set[tuple[str, bool]] = set()
    for lineno, line in tables.entries(relpath):
        forms = tables.expand_slots(relpath, lineno, line)
        keys = {(skeleton(form.removesuffix(tables.PREFIX_MARK)), form.endswith(tables.PREFIX_MARK)) for form in forms}
        (listed if forms == [line] else made).update(keys)
    assert not listed & made, sorted(listed & made)[:5]


_PARAGRAPH = "قال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين في الأسبوع المقبل، وأضاف أن الخطة تشمل قروضا ميسرة."
_NEXT_PARAGRAPH = "وأوضح أن القروض ستمنح للمزارعين الصغار أولا، على أن تشمل المرحلة الثانية التعاونيات الزراعية."


@pytest.mark.parametrize("noun", sorted(tables.word_list("words/related_nouns.txt")))
def test_every_related_noun_with_every_qualifier_heads_a_block_that_goes_inside_the_article(noun: str) -> None:
    for qualifier in sorted(tables.word_list("words/related_qualifiers.txt")):
        page = f"{_PARAGRAPH}\n{noun} {qualifier}\nالحكومة تعلن خطة جديدة للزراعة\n{_NEXT_PARAGRAPH}\n"
        assert arclean.clean(page) == f"{_PARAGRAPH}\n{_NEXT_PARAGRAPH}\n", qualifier
        # a sentence that ends with the heading's words is no heading
        sentence = f"ونشرت الوزارة {noun} {qualifier}."
        assert phrase_matcher().match(sentence) is None, sentence


@pytest.mark.parametrize("typo, fixes", sorted(tables.corrections("months/misspellings.tsv").items()))
def test_every_month_misspelling_is_corrected_in_text(typo: str, fixes: tuple[str, ...]) -> None:
    assert arclean.clean(f"وصل الوفد في {typo} الماضي.\n") == f"وصل الوفد في {fixes[0]} الماضي.\n"


@pytest.mark.parametrize("typo, fixes", sorted(tables.corrections("typos/common.tsv").items()))
def test_every_typo_entry_is_fixed_or_reported(typo: str, fixes: tuple[str, ...]) -> None:
    text = f"قال الرجل {typo} اليوم.\n"
    report = arclean.explain(text, select=["T201"])
    if len(fixes) == 1:
        assert report.text == f"قال الرجل {fixes[0]} اليوم.\n"
    else:
        assert report.text == text
        assert [s.candidates for s in report.suggestions] == [fixes]


@pytest.mark.parametrize("way", sorted(tables.word_list("words/most_ways.txt")))
def test_every_most_heading_over_a_page_goes_whatever_its_period(way: str) -> None:
    title = "الحكومة تعلن خطة جديدة للزراعة"
    for when in ["", *sorted(tables.word_list("words/most_when.txt"))]:
        heading = f"الأكثر {way} {when}".rstrip()
        page = f"{heading}\n{title}\n{_PARAGRAPH}\n"
        assert arclean.clean(page) == f"{title}\n{_PARAGRAPH}\n", heading


@pytest.mark.parametrize("verb", sorted(tables.word_list("words/back_verbs.txt")))
def test_every_back_to_top_link_under_a_poem_goes(verb: str) -> None:
    """Under a page of short lines (no paragraph: no tail by the words of its lines), the link goes by its phrase."""
    poem = "نادتني أمي بصوتها الهادئ\nفاليوم يومك لا تنامي\nعيد ميلادك أقبل\n"
    for where in sorted(tables.word_list("words/to_the_top.txt")):
        assert arclean.clean(f"{poem}{verb} {where}\n") == poem, where


@pytest.mark.parametrize("verb", sorted(tables.word_list("words/share_verbs.txt") | tables.word_list("words/follow_verbs.txt")))
def test_every_share_and_follow_prompt_under_an_article_goes(verb: str) -> None:
    objects = "share_objects" if verb in tables.word_list("words/share_verbs.txt") else "our_pages"
    for what in sorted(tables.word_list(f"words/{objects}.txt")):
        page = f"{_PARAGRAPH}\n{verb} {what}\n"
        assert arclean.clean(page) == f"{_PARAGRAPH}\n", what


@pytest.mark.parametrize("network", sorted(tables.word_list("words/share_networks.txt")))
def test_every_sharethis_button_above_and_under_an_article_goes(network: str) -> None:
    bar = f"{network} sharing button\nsharethis sharing button\n"
    assert arclean.clean(f"{bar}{_PARAGRAPH}\n{bar}") == f"{_PARAGRAPH}\n", network


@pytest.mark.parametrize("verb", sorted(tables.word_list("words/comment_verbs.txt")))
def test_every_comment_prompt_under_an_article_ends_it(verb: str) -> None:
    for what in sorted(tables.word_list("words/comment_nouns.txt")):
        page = f"{_PARAGRAPH}\n{verb} {what}\nالاسم\nالبريد الإلكتروني\n"
        assert arclean.clean(page) == f"{_PARAGRAPH}\n", what


@pytest.mark.parametrize("rules", sorted(tables.word_list("words/comment_rules.txt")))
def test_every_name_of_a_comment_forms_rules_under_an_article_ends_it(rules: str) -> None:
    for line in (f"{rules} التعليق", f"{rules} التعليقات:", f"{rules} التعليق : عدم الإساءة للكاتب أو للأشخاص"):
        assert arclean.clean(f"{_PARAGRAPH}\n{line}\n") == f"{_PARAGRAPH}\n", line


@pytest.mark.parametrize("verb", sorted(tables.word_list("words/subscribe_verbs.txt")))
def test_every_newsletter_prompt_under_an_article_goes(verb: str) -> None:
    for newsletter in sorted(tables.word_list("words/newsletters.txt")):
        for line in (f"{verb} {newsletter}", f"{verb} {newsletter} ليصلك كل جديد"):
            assert arclean.clean(f"{_PARAGRAPH}\n{line}\n") == f"{_PARAGRAPH}\n", line


# Lines of content that share words with listed phrases and chrome words: sentences,
# headings and short lines of news, forum and tutorial prose. None is a phrase, none is
# chrome by its words (a false edit is worse than a miss).
CONTENT_NEAR_CHROME = [
    "لا تفوت الفرصة لزيارة معرض الكتاب هذا العام.",
    "لإنشاء فقرات في صفحة HTML نستخدم الوسم p.",
    "مراقبة استباقية للبنية التحتية",
    "يستخدم الموقع الجديد للوزارة خرائط تفاعلية لعرض المشاريع.",
    "عرض التعليقات الواردة من الدول الأعضاء على مسودة القرار",
    "ربما يعجبك هذا الكتاب إذا كنت تحب الروايات التاريخية.",
    "أفضل 10 أعضاء في الفريق الوطني",
    "نصيحتي: استمر في القراءة",
    "وأصدرت الوزارة تقارير ذات صلة بالموضوع",
    "هذا المنتدى يعقد دورته الثالثة في الرباط",
    "واصل القراءة اليومية لتحسين لغتك",
    "قال إن باب التعليقات على مشروع القانون مفتوح حتى نهاية الشهر.",
    "اقرأ المقال كاملا قبل أن تحكم عليه، قال الكاتب.",
    "شكر العضو على هذه المشاركة القيمة في اجتماع المجلس البلدي الذي عقد أمس",
    "أطلقت ميتا تطبيق ثريدز",
    "حمل التطبيق الجديد ميزات عديدة للمستخدمين.",
    "رفض الكل المشاركة في الحكومة الجديدة",
    "قبول ملفات المرشحين يبدأ الأحد",
    # subheadings of tech, marketing and cookie-policy pages that themes also show as chrome
    "الوضع المظلم",
    "حمل التطبيق",
    "محتوى مدفوع",
    "واصل القراءة",
    "إدارة ملفات تعريف الارتباط",
    "يستخدم الموقع ملفات تعريف الارتباط لتحسين تجربة المستخدم وتحليل حركة الزوار.",
    "سحابة الكلمات الدلالية",
    # headings of a FAQ's or a book's own sections, which read like a related block's
    "أسئلة أخرى",
    "قصص أخرى",
    "أعمال ذات صلة",
    # a journalism lesson's and a journal's sections, which read like a comment form's
    "كتابة التعليق",
    "شروط النشر",
    # a section's name above an article's title (a category line, which stays)
    "أخبار عاجلة",
    # the steps of a help page on social networks and blogs
    "مشاركة الفيديو",
    "مشاركة المنشور",
    "انشر التدوينة",
]


@pytest.mark.parametrize("line", CONTENT_NEAR_CHROME)
def test_content_near_chrome_is_no_phrase_and_not_chrome_by_words(line: str) -> None:
    assert phrase_matcher().match(line) is None
    assert chrome_share(line) is None


def test_every_chrome_word_alone_is_chrome() -> None:
    """A chrome or widget word standing alone on a short line is chrome by its words."""
    for word in sorted(chrome_words()):
        assert chrome_share(word) is not None, word


@pytest.mark.parametrize("line", ["عدد الزوار: 5000", "90 دقيقة", "30 دقيقة", "3 مرات"])
def test_figures_of_content_are_not_counters(line: str) -> None:
    """A counter line in the middle of an article ends it: a figure that articles print on
    its own line (a festival's visitors, a match's or a recipe's minutes) is no counter."""
    assert not is_counter(line)


@pytest.mark.parametrize("name", sorted(tables.word_list("words/breadcrumb_home.txt")))
def test_every_home_name_starts_a_breadcrumb_and_alone_is_none(name: str) -> None:
    assert is_breadcrumb(f"{name} » أخبار » محلية") and is_breadcrumb(f"{name}/رياضة")
    assert not is_breadcrumb(name) and not is_breadcrumb(f"{name} أخبار")


_SITE_PAGE_TITLES = [phrase for phrase in _entries("boilerplate/footer.txt") if "…" not in phrase and "{" not in phrase]


@pytest.mark.parametrize("word", sorted(tables.word_list("words/site_pages.txt")))
def test_every_site_page_word_names_a_footer_link_that_stays_over_its_pages_text(word: str) -> None:
    """Each word is in a title of footer.txt, and that title, as a page's first line over a heading
    and the page's first paragraph, stays; over another footer link it goes."""
    folded = skeleton(word)
    titles = [t for t in _SITE_PAGE_TITLES if any(listed(w, frozenset({folded})) for w in skeleton(t).split())]
    assert titles, word
    text = "يسري هذا النص على كل من يستخدم الموقع وخدماته المختلفة، ويقبل به عند أول زيارة له."
    for title in titles:
        assert arclean.clean(f"{title}\nأحكام عامة\n{text}").startswith(title + "\n"), title
        assert not arclean.clean(f"{title}\nخريطة الموقع\n{text}").startswith(title), title


_THREAD = ("منتديات المكتبات > منتدى الإجراءات الفنية\nإضافة رد\n{card}\n"
           "السلام عليكم، هذا سؤال عن فهرسة الكتب القديمة في المكتبات الجامعية وعن التصنيف المناسب لها.\n")


@pytest.mark.parametrize("status", sorted(tables.word_list("words/poster_status.txt")))
def test_every_online_status_after_a_name_makes_a_poster_cards_line_on_a_forum_page(status: str) -> None:
    assert is_poster_name(skeleton(f"محمد حسن غنيم {status}")) and not is_poster_name(skeleton(status))
    assert not is_poster_name(skeleton(f"قال الوزير إن الطريق الجديد بين المدينتين {status}"))  # a sentence is no name
    assert f"محمد حسن غنيم {status}" not in arclean.clean(_THREAD.format(card=f"محمد حسن غنيم {status}"))
    news = f"وزير الخارجية يصل إلى القاهرة\nمحمد حسن غنيم {status}\nقال الوزير إن المحادثات ستتناول التعاون بين البلدين في مجالات عدة."
    assert arclean.clean(news) == news + "\n"  # no forum's page: the line stays


@pytest.mark.parametrize("label", sorted(tables.word_list("words/avatar_labels.txt")))
def test_every_avatar_label_before_a_name_makes_a_poster_cards_line_on_a_forum_page(label: str) -> None:
    assert is_poster_name(skeleton(f"{label} مسلم11")) and not is_poster_name(skeleton(label))
    assert f"{label} مسلم11" not in arclean.clean(_THREAD.format(card=f"{label} مسلم11"))


@pytest.mark.parametrize("label", sorted(tables.word_list("words/post_icon_labels.txt")))
def test_every_post_icon_label_goes_from_a_posts_title_on_a_forum_page_only(label: str) -> None:
    post = "قديم 08-02-2019, 06:45 PM\n{line}\nرحم الله والدك وأسكنه فسيح جناته، وألهمكم الصبر والسلوان.\n"
    assert arclean.clean(post.format(line=f"{label} رد: في رثاء والدي")) == post.format(line="رد: في رثاء والدي")
    thread = post + "قديم 09-02-2019, 07:00 PM\n{line}\nجزاك الله خيرا على هذه الكلمات الصادقة في رثاء الوالد.\n"
    assert label not in arclean.clean(thread.format(line=label))  # alone on its line, between two posts
    page = f"{label} أم حقيقي؟\nسؤال يطرحه كثيرون عن عالم اليوم، بين الشاشات والناس.\n"
    assert arclean.clean(page) == page  # no forum's page: the line stays as it is


@pytest.mark.parametrize("rank", sorted(tables.word_list("words/poster_ranks.txt")))
def test_every_poster_rank_marks_a_cards_head_and_the_name_above_it_goes_too(rank: str) -> None:
    """A rank's line (the word alone, or with another) marks the lines above a card's fields as the card's head;
    without it, the name above the card stays (it may be a post's last line)."""
    assert is_poster_mark(skeleton(rank)) and is_poster_mark(skeleton(f":: {rank} ذهبي ::"))
    post, reply = "نص المشاركة الأولى في الموضوع كما كتبها العضو في المنتدى بعد التحية.", "بارك الله فيك على الموضوع المفيد."
    card = "عدد الرسائل : 120\nنقاط : 300"
    assert arclean.clean(f"{post}\nسارة أحمد\n{rank} مميز\n{card}\n{reply}\n") == f"{post}\n{reply}\n"
    assert arclean.clean(f"{post}\nسارة أحمد\n{card}\n{reply}\n") == f"{post}\nسارة أحمد\n{reply}\n"


_CARD_VALUES = {"joined": "Apr 2006", "date": "12-03-2011", "number": "2,042", "words": "غزة - وطن الرجال"}


@pytest.mark.parametrize(("label", "value"), sorted(tables.card_labels().items()))
def test_every_card_label_makes_a_field_of_a_card_printed_a_field_to_a_line(label: str, value: str) -> None:
    """Alone on its line, with a colon, or with a colon and its value, each label is a card's field of
    its kind; between a card's date of joining and its count, with its value under it, it goes, and a
    page holding a label of the date of joining is never plain (so never passed over as quiet)."""
    for line, after_colon in ((label, None), (f"{label} :", ""), (f"{label}: {_CARD_VALUES[value]}", _CARD_VALUES[value])):
        assert field_of(analyze_alone(line).lines[0]) == (value, after_colon), line
        if value == "joined":  # a page holding it is neither quiet nor passed over by the context's first look
            assert not plain_lines(analyze_alone(line).lines, BLANK, CONTENT), line
            for shown in (line, f"- {line}"):
                page = f"نص المشاركة الأولى في الموضوع كما كتبها العضو في المنتدى بعد التحية.\n{shown}\n"
                assert not nothing_to_judge(analyze_alone(page)), shown
    joined = "إنضم" if value != "joined" else "تاريخ التسجيل"
    post, reply = "نص المشاركة الأولى في الموضوع كما كتبها العضو في المنتدى بعد التحية.", "بارك الله فيك على الموضوع المفيد."
    thread = f"{post}\n{joined}\n5 يناير 2009\n{label}\n{_CARD_VALUES[value]}\nالمشاركات\n149\n{reply}\n"
    assert arclean.clean(thread) == f"{post}\n{reply}\n"


@pytest.mark.parametrize("phrase", sorted(tables.word_list("words/copyright_phrases.txt")))
def test_every_copyright_phrase_makes_a_short_line_a_notice(phrase: str) -> None:
    assert is_copyright(f"{phrase} لموقع الخبر 2024") and is_copyright(phrase.upper())
    sentence = "قال المتحدث في المؤتمر الصحفي الذي عقد اليوم في العاصمة بحضور عدد كبير من الصحفيين والمراسلين"
    assert not is_copyright(f"{sentence} إن {phrase} للمؤلفين وفق القانون الجديد")  # over 20 words: a sentence


@pytest.mark.parametrize("word", sorted(tables.word_list("words/run_on_words.txt")))
def test_every_run_on_word_ending_a_line_under_a_read_also_heading_keeps_the_line(word: str) -> None:
    above = "وقال المتحدث باسم الوزارة إن الحكومة ستواصل جهودها لتحسين الخدمات المقدمة للمواطنين."
    wrapped = f"وأكد أن الوزارة ستعقد اجتماعا موسعا الأسبوع المقبل {word}"
    below = "ممثلي النقابات لبحث مطالبهم وإيجاد حلول عاجلة لها قبل نهاية العام الجاري."
    page = f"{above}\nاقرأ أيضا:\nوزير التربية يزور المدارس الريفية\n{wrapped}\n{below}"
    assert runs_on(wrapped)
    assert arclean.clean(page) == f"{above}\n{wrapped}\n{below}\n"
    # without the word, the line reads as one more linked title, and goes with its block
    assert arclean.clean(page.replace(f" {word}\n", "\n")) == f"{above}\n{below}\n"


@pytest.mark.parametrize("prefix", sorted(tables.word_list("words/persian_prefixes.txt")))
def test_a_persian_prefix_with_its_non_joiner_counts_as_a_persian_word(prefix: str) -> None:
    zwnj = "\N{ZERO WIDTH NON-JOINER}"
    assert is_non_arabic(f"{prefix}{zwnj}خوانم و {prefix}{zwnj}روم")
    assert not is_non_arabic(f"{prefix}خوانم و {prefix}روم")  # without the non-joiner, no prefix


@pytest.mark.parametrize("prefix", sorted(tables.word_list("words/proclitics.txt")))
def test_every_proclitic_on_a_listed_word_leaves_the_word_listed(prefix: str) -> None:
    """A listed word with the prefix is that word; a word too short to carry it is not."""
    assert listed(f"{prefix}تعليقات", frozenset({"تعليقات"}))
    assert not listed(f"{prefix}يت", frozenset({"يت"}))  # the stem would be under three letters


@pytest.mark.parametrize("suffix", sorted(tables.word_list("words/pronoun_suffixes.txt")))
def test_every_pronoun_suffix_on_a_listed_word_leaves_the_word_listed(suffix: str) -> None:
    assert listed(f"تسجيل{suffix}", frozenset({"تسجيل"})) and listed(f"بالتسجيل{suffix}", frozenset({"تسجيل"}))
    assert not listed(f"يت{suffix}", frozenset({"يت"}))


@pytest.mark.parametrize("anchor", sorted(tables.word_list("months/anchors.txt")))
def test_every_month_anchor_word_makes_a_date_context(anchor: str) -> None:
    """A near miss of a month name is corrected after an anchor word, and not without one."""
    assert months.fix_month_misspellings(f"في {anchor} سبتمبير الماضي") == f"في {anchor} سبتمبر الماضي"
    assert months.fix_month_misspellings(f"في ال{anchor} سبتمبير الماضي") == f"في ال{anchor} سبتمبر الماضي"
    assert months.fix_month_misspellings("في سبتمبير الماضي") == "في سبتمبير الماضي"


@pytest.mark.parametrize("name", sorted(tables.word_list("months/latin_names.txt")))
def test_every_latin_month_name_under_a_day_keeps_the_days_number(name: str) -> None:
    """A date printed a part to a line keeps its day over the month's name, upper case or not;
    a bare number over a word that names no month is a counter and goes."""
    text = "بيان هام من الأمن العام\n\n14\n{}\n2025\n\nأعلنت المديرية العامة للأمن العام عن إجراءات جديدة لتسهيل معاملات المواطنين.\n"
    for shown in (name, name.upper()):
        assert arclean.clean(text.format(shown)) == text.format(shown)
    assert "14\n" not in arclean.clean(text.format("صور"))


@pytest.mark.parametrize("label", sorted(tables.word_list("words/numbered_labels.txt")))
def test_every_numbered_label_over_its_number_keeps_the_number(label: str) -> None:
    """A part's label over its number on a line of its own keeps the number, a colon after
    the label or not, and a line of the label and its number is no counter; the same number
    under a counter's word is a counter and goes."""
    text = "مجلة الفنون الشعبية\n{}\n27\n\nتتناول المجلة في هذا الباب أشكال الغناء الشعبي في القرى الساحلية وأدواته.\n"
    for shown in (label, label + ":"):
        assert arclean.clean(text.format(shown)) == text.format(shown)
        assert not is_counter(f"{shown} 27")
    assert "27\n" not in arclean.clean(text.format("تعليقات"))
    assert is_counter("تعليقات: 27")


@pytest.mark.parametrize("unit", sorted(tables.word_list("words/units.txt")))
def test_every_unit_under_a_bare_number_keeps_the_number(unit: str) -> None:
    """A price or a measure printed with its number a line above its unit keeps the number, at
    the page's end as at its head; the same number over a counter's word is a counter and goes."""
    text = ("برنامج المنح الدراسية الحكومية\nالتأمين الطبي الشامل\n800\n{}\n\n"
            "تغطي المنحة رسوم الدراسة والسكن الجامعي طوال مدة البرنامج الدراسي المعتمد.\n\nقيمة التأمين\n800\n{}\n")
    shown = f"{unit} للشخص الواحد في السنة"
    assert arclean.clean(text.format(shown, shown)) == text.format(shown, shown)
    assert "الشامل\n800\n" not in arclean.clean(text.format("تعليقات", shown))


@pytest.mark.parametrize("mark", sorted(tables.char_table("chars/quranic_marks.tsv")))
def test_every_quranic_mark_goes_with_s107_and_stays_by_default(mark: str) -> None:
    verse = f"ذلك الكتاب لا ريب {mark} فيه هدى للمتقين{mark} الذين يؤمنون بالغيب\n"
    assert arclean.clean(verse) == verse  # the default pipeline never removes it
    assert arclean.clean(verse, select=["S107"]) == "ذلك الكتاب لا ريب فيه هدى للمتقين الذين يؤمنون بالغيب\n"
    assert arclean.clean(verse, profile="search") == arclean.clean(arclean.clean(verse, profile="search"), profile="search")


def _masthead_credits() -> list[str]:
    relpath = "boilerplate/masthead.txt"
    text = (tables.resources.files("arclean") / "data" / relpath).read_text("utf-8")
    return sorted(phrase.text for phrase in tables.parse_phrases(relpath, text, slots=True))


@pytest.mark.parametrize("credit", _masthead_credits())
def test_every_masthead_credit_goes_with_its_name_beside_another_and_stays_alone(credit: str) -> None:
    """In a page's head, two credits (each over its name) are a newspaper's masthead: they go with
    their names.  One alone under a writer's name ends a column's byline, and stays; so does a pair
    inside the article, under its first paragraph."""
    other = "الإشراف العام" if credit != "الإشراف العام" else "رئيس التحرير"
    title = "وزير الصحة يفتتح مستشفى جديدا في مطروح"
    paragraph = "قال وزير الصحة إن المستشفى الجديد سيخدم آلاف المواطنين في المحافظة بدءا من الشهر المقبل."
    assert arclean.clean(f"{credit}\nعصام كامل\n{other}\nأحمد صبري\n{title}\n{paragraph}\n") == f"{title}\n{paragraph}\n"
    signed = f"{title}\nبقلم عصام كامل\n{credit}\n{paragraph}\n"
    assert arclean.clean(signed) == signed
    inside = f"{title}\n{paragraph}\n{credit}\nعصام كامل\n{other}\nأحمد صبري\n{paragraph[:-1]} أيضا.\n"
    assert arclean.clean(inside) == inside


@pytest.mark.parametrize("heading", sorted(tables.word_list("words/section_headings.txt")))
def test_every_section_heading_ends_an_empty_read_also_block_and_stays(heading: str) -> None:
    text = "وقال المتحدث باسم الوزارة إن الخدمة متاحة للمواطنين عبر الموقع الإلكتروني منذ بداية الشهر."
    below = f"{heading}\n\nكيف أقدم طلبا جديدا للخدمة؟\n\nموعد فتح باب التقديم للخدمة\n"
    page = f"{text}\n\nاقرأ أيضا:\n\n{below}"
    assert arclean.clean(page) == f"{text}\n\n{below}"
    # any other short line there is a title the block links to, and goes with it
    assert arclean.clean(page.replace(heading, "أسعار الخدمات الجديدة")) == f"{text}\n"


@pytest.mark.parametrize("word", sorted(tables.word_list("words/persian_markers.txt")))
def test_every_persian_marker_stays_as_written_in_an_arabic_line_and_two_mark_a_persian_one(word: str) -> None:
    other = "نویسنده" if word != "نویسنده" else "است"
    line = f"قال علی إن الکتاب {word} جديد في المکتبة"  # Arabic words typed on a Persian keyboard
    fixed = line if is_non_arabic(word) else f"قال على إن الكتاب {word} جديد في المكتبة"  # (چه: a letter Arabic never uses)
    assert arclean.clean(line) == f"{fixed}\n"
    assert is_non_arabic(f"{word} {other}")
