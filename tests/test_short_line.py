"""The compiled core's ``short_line`` classifies a short line as ``analysis.classify`` does.

It decides the lines no special test may take (prose, content, chrome by its words) and
answers None for the others, which Python classifies; so for every line it gives either
None or the very Line ``classify`` makes (its fields, their order, and the skeleton it
stores).  Checked on lines built from the words and marks each test reads, on noise, and
on every short line of the development set; a handful of lines must be decided in C.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given, strategies as st

import arclean._compiled
from arclean import datafiles
from arclean.normalizers.residue import analysis, lines
from arclean.normalizers.residue.page import Kind, Line
from arclean.text.clitics import listed_prefixes, pronoun_suffixes
from arclean.text.folding import fold_text

from .conftest import shared_dir
from .strategies import WORDS

pytestmark = pytest.mark.skipif(not arclean._compiled.COMPILED, reason="the compiled core is not built (pure Python)")


def _vocabulary() -> list[str]:
    """Words each of short_line's tests reads, as a page writes them, and some with clitics."""
    listed = [*sorted(lines.chrome_words())[:60], *sorted(lines.function_words())[:30], *sorted(lines.content_labels()),
              *sorted(lines.counter_words()), *lines.breadcrumb_homes(), *lines.copyright_words()]
    phrases = [phrase.text for phrase in datafiles.phrases()][:80]
    clitics = [f"{prefix}{word}" for prefix in listed_prefixes() for word in listed[:8]]
    clitics += [f"{word}{suffix}" for suffix in pronoun_suffixes() for word in listed[:8]]
    marks = ["©", "(c)", "(C)", "»", "«", "/", "|", ">", "›", "\\", "-", "*", "•", "·", "–", ":", ".", "؟", "!", "…", "├─", "└─", "¶",
             "/rss/", "/feed/?type=atom"]
    numbers = ["0", "12", "٣", "۴۵", "2024", "85views", "تعليقات0", "1234567", "12345678"]
    # list items' numbers (lines.NUMBERED_ITEM, keycaps among them), and near misses
    numbered = ["1.", "2)", "3-", "٤.", "12–", "1234.", "5.5", "2\ufe0f\u20e3", "3\u20e3", "4\ufe0f"]
    return [*WORDS[:60], *listed, *phrases, *clitics, *marks, *numbers, *numbered]


VOCABULARY = _vocabulary()
SPACES = st.sampled_from([" ", " ", " ", "", "  ", "\u00a0", "\t"])


@st.composite
def short_lines(draw: st.DrawFn) -> str:
    """A line of up to 30 words of the vocabulary, with stray white space around it."""
    words = draw(st.lists(st.sampled_from(VOCABULARY), max_size=30))
    line = "".join(word + draw(SPACES) for word in words)
    return draw(st.sampled_from(["", " ", "\u00a0"])) + line + draw(st.sampled_from(["", " ", "\t", " ."]))


#: A learned file's phrases for one site: a matcher with the bundled one as its base.
LEARNED = analysis.phrase_matcher((
    datafiles.Phrase("سطر من الموقع", "chrome", False, "learned"),
    datafiles.Phrase("اقرأ المزيد من أخبار الموقع اليوم", "widget", False, "learned"),  # learn writes widget, head or footer lines
    datafiles.Phrase("تابعونا على", "share", True, "learned"),
    datafiles.Phrase("سطر الموقع", "chrome", False, "learned"),  # two words: no ending phrase
    datafiles.Phrase("نشرة الموقع اليومية", "widget", True, "learned"),  # a first word no bundled phrase starts with
))


def _check(line: str, matcher: lines.PhraseMatcher | None = None) -> Line | None:
    matcher = matcher or analysis.phrase_matcher()
    how = analysis._short_how(matcher)
    assert how is not None and arclean._compiled.speedups is not None
    folded = fold_text(line)
    got = arclean._compiled.speedups.short_line(line, folded, how)
    if got is not None:
        want = analysis.classify(line, folded, matcher)
        assert type(got) is Line
        assert list(got.__dict__.items()) == list(want.__dict__.items())
    return got


@given(short_lines())
@example("")
@example(" \u00a0 ")
@example("١٢٣")
@example("كلمة " * 24 + "كلمة")
@example("كلمة " * 25 + "كلمة")
@example(" " * 9 + "5" + " ")
@example("فيسبوك" + " " * 17 + "تويتر")  # chrome words, but too many spaces for chrome by words
@example("فيسبوك تويتر واتساب يوتيوب فيسبوك تويتر واتساب يوتيوب فيسبوك")  # chrome words, but too many
@example("الوسوم " + "كلمة " * 30)
@example("الرئيسية » أخبار")
@example("- 0 تعليقات")
@example("© 2024 جميع الحقوق محفوظة")
@example("تسجيل الوصول: بعد 14:00")  # chrome words, but a field that tells a time of day: content
@example("تسجيل الدخول: ١٤:٠٠")  # a time in Arabic-Indic digits
@example("تسجيل الدخول :  14:00")  # spaces before the label's colon
@example("تسجيل الدخول 14:00")  # a time, but no label: chrome
@example("14:00 تسجيل الدخول:")  # the time before the label
@example("تسجيل الدخول: 14:0")  # no time: one digit after the colon
@example("تسجيل الدخول: :00")  # no time: no digit before the colon
@example("تسجيل 1:14:00")  # a digit before the first colon: no label
@example("تسجيل الدخول الآن بعد 14:00")  # five words and more (no counter's look: decided in C), no label: chrome
@example("تسجيل الدخول 1: بعد 14:00")  # a number's colon is no label's: chrome
@example("شارك تقييمك على فيسبوك وتويتر: 4/5")  # chrome words, but a field that tells a score: content
@example("شارك تقييمك على فيسبوك وتويتر: 4.5 / 10 ")  # a decimal mark, spaces around the slash and after
@example("شارك تقييمك على فيسبوك وتويتر: ٤/٥")  # a score in Arabic-Indic digits
@example("شارك تقييمك على فيسبوك وتويتر: 4/7")  # no scale of marks: chrome
@example("شارك تقييمك على فيسبوك وتويتر: 4/5 صوت")  # words after the mark: chrome
@example("شارك تقييمك على فيسبوك وتويتر 4/5")  # no label: chrome
@example("شارك تقييمك على فيسبوك وتويتر: 1234/5")  # a mark of four digits: chrome
@example("شارك تقييمك على فيسبوك وتويتر: 4.567/5")  # three decimals: chrome
@example("شارك تقييمك على فيسبوك وتويتر: .5/5")  # no digit before the point: chrome
@example("شارك تقييمك على فيسبوك وتويتر 1: 4/5")  # a number's colon is no label's: chrome
@example("شارك تقييمك على فيسبوك وتويتر: 17,5/20")  # a decimal comma, marks out of 20
@example("شارك تقييمك على فيسبوك وتويتر: 29/06/1436")  # chrome words, but a field that tells a date: content
@example("شارك تقييمك على فيسبوك وتويتر : 2022-06-25")  # dashes, spaces before the colon
@example("شارك تقييمك على فيسبوك وتويتر: ٢٩.٠٦.١٤٣٦")  # points, Arabic-Indic digits
@example("شارك تقييمك على فيسبوك وتويتر: 29/06-1436")  # two separators: chrome
@example("شارك تقييمك على فيسبوك وتويتر: 29/106/1436")  # a middle number of three digits: chrome
@example("شارك تقييمك على فيسبوك وتويتر: 12345/06/1436")  # a first number of five digits: chrome
@example("شارك تقييمك على فيسبوك وتويتر 29/06/1436")  # no label: chrome
@example("شارك تقييمك على فيسبوك 1: 29/06/1436")  # a number's colon is no label's: chrome
@example("شارك تقييمك على فيسبوك: 29/06/1436")  # the same words with a label: content
@example("شارك تقييمك على فيسبوك وتويتر. 😅")  # a full stop, an emoji after it: a sentence, content
@example("شارك تقييمك على فيسبوك وتويتر.\u200d\ufe0f ✅ ")  # joiners and a check mark after the full stop
@example("شارك تقييمك على فيسبوك وتويتر 😅")  # an emoji, no full stop: chrome
@example("2\ufe0f\u20e3 تسجيل الدخول (Login)")  # a keycap digit numbers an item: content
@example("2\ufe0f تسجيل الدخول (Login)")  # no keycap: chrome
@example("└─ اضغط على رابط التفعيل")  # a tree's branch: a list item, no chrome
@example("/rss/")  # a site's path: the text's, no phrase
@example("/feed/")  # a site's path: no chrome word
@example("/ الرئيسية")  # a slash and a space: no path
@example("الاسم¶")  # a documentation page's heading: the text's, no phrase
@example("مادة (154) 4 تعليق")  # a numbered part's heading with a count glued to it: no chrome
@example("تعليق 4 مادة")  # no label first: chrome
@example("‘);")  # a script's end: Python says
@example("(1)")  # brackets and a digit: no script's end
@example("عدد الصفحات: 1108")  # a book's count of pages after its label: content
@example("عدد صفحات الموقع: 1108")  # three words before the number: no count of pages
def test_short_line_is_classify_or_none(line: str) -> None:
    _check(line)
    _check(line, LEARNED)


@given(st.sampled_from(["", ":", " : ", " 1:", "،:"]),
       st.text(alphabet="0123456789٠٤٥ .,/:-", max_size=11),
       st.sampled_from(["", " ", ".", ". 😅", "😅", "\u200d", " x"]))
def test_short_line_reads_fields_and_full_stops_as_classify_does(label: str, value: str, end: str) -> None:
    """A line of chrome words (five: decided in C) ending with what may be a field's score,
    time or date, or a full stop with pictographs after it: the compiled core decides it, as Python."""
    assert _check("شارك تقييمك على فيسبوك وتويتر" + label + value + end) is not None


@given(st.text(max_size=60))
def test_short_line_is_classify_or_none_on_noise(line: str) -> None:
    _check(line)


@pytest.mark.parametrize("line", [
    "الحكومة تعلن خطة جديدة للزراعة",  # content
    " \u00a0عنوان الخبر اليوم\t",  # content, with white space around it
    "قال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين في الأسبوع المقبل.",  # prose: a sentence of 9 words or more
    "كلمة " * 30,  # prose: 25 spaces or more
    "شاركنا بتعليقك على الخبر :",  # chrome by its words
    "تسجيل الوصول: بعد 14:00",  # chrome words, but a time of day: content
    "بالتعليقات والمشاركات",  # chrome words with clitics
    "في الختام أكد الطرفان على أهمية تبادل الخبرات",  # starts with a word a line-start phrase starts with
    "«الانتقالي الجنوبي» يعقد أولى جلساته",  # a trail mark, but no breadcrumb
    "الأحد 12 مارس 2024 في",  # a number, in too many words for a counter (five)
    "التعليق باسمه على الخبر",  # its first words start a line-start phrase's, but not its words
    "الحكومة تنفي خبر (cnn) عن الوزير",  # "(c", not "(c)"
])
def test_short_line_decides_the_common_lines(line: str) -> None:
    assert _check(line) is not None


@pytest.mark.parametrize("line", ["اترك رد", "0 تعليقات", "© 2024 الخبر", "جميع الحقوق محفوظة", "الرئيسية » أخبار",
                                  "المصدر: وكالات", "- بند أول", "٥", "", "الوسوم: اقتصاد",
                                  "{clean_title}", "[ad_1]", "%%sitename%%", "[المقدمة، ص 287]", "});", "}", ";"])
def test_short_line_leaves_the_special_lines_to_python(line: str) -> None:
    assert _check(line) is None


def test_short_line_leaves_the_longest_exact_phrase_to_python() -> None:
    matcher = analysis.phrase_matcher()
    longest = max(matcher.exact, key=len)
    assert len(longest) == matcher.longest_exact and _check(longest) is None


def test_short_line_agrees_on_every_short_line_of_the_devset() -> None:
    folder = shared_dir("devset")
    seen: set[str] = set()
    decided = 0
    for path in sorted(Path(folder).glob("*.dirty.txt")):
        for line in path.read_text(encoding="utf-8").split("\n"):
            if len(line) <= analysis._SHORT_LINE and line not in seen:
                seen.add(line)
                decided += _check(line) is not None
    assert seen and decided  # the devset has lines C decides (most do)


def test_short_line_rejects_a_bad_how_and_passes_errors_on() -> None:
    speedups = arclean._compiled.speedups
    assert speedups is not None
    how = analysis._short_how(analysis.phrase_matcher())
    assert how is not None
    with pytest.raises(TypeError):
        speedups.short_line("نص", "نص", how[:-1])
    with pytest.raises(TypeError):
        speedups.short_line("نص", "نص", (*how[:4], ("محفوظه", 3), *how[5:]))
    with pytest.raises(TypeError):
        speedups.short_line(b"x", "x", how)  # type: ignore[arg-type]

    def fails(line: str) -> bool:
        raise ValueError(line)

    sentence = "قال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين في الأسبوع المقبل."
    with pytest.raises(ValueError, match="قال"):
        speedups.short_line(sentence, fold_text(sentence), (*how[:11], fails, *how[12:]))


@pytest.mark.parametrize("line", ["سطر من الموقع", "خبر: اقرأ المزيد من أخبار الموقع اليوم", "تابعونا على فيسبوك",
                                  "تابعونا على", "اترك رد", "سطر الموقع", "نشرة الموقع اليومية: اشترك الآن"])
def test_short_line_leaves_a_learned_phrase_to_python(line: str) -> None:
    """A matcher with a base (a learned file's phrases) is read at each of its levels."""
    assert _check(line, LEARNED) is None
    assert analysis._classify_short(line, fold_text(line), LEARNED).kind is not Kind.CONTENT


@pytest.mark.parametrize("line", ["سطر آخر من الموقع", "تابعونا علينا", "أخبار الموقع اليوم في العاصمة",
                                  "نشرة الموقع الأسبوعية"])
def test_short_line_decides_other_lines_under_a_learned_matcher(line: str) -> None:
    assert _check(line, LEARNED) is not None


@pytest.mark.parametrize("learned_first", [False, True])
def test_a_short_line_is_kept_for_the_matcher_that_classified_it(learned_first: bool) -> None:
    """Short lines are classified once across pages, each for its matcher: a line that
    a learned phrase makes chrome for one source stays content for the others."""
    line = "قسم المنوعات والطرائف اليومية"
    text = f"{line}\nقال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين في الأسبوع المقبل كله."
    learned = (datafiles.Phrase(line, "widget", False, "test:1", None),)
    order = [learned, ()] if learned_first else [(), learned]
    kinds = {extra: analysis.analyze_alone(text, extra).lines[0].kind for extra in order}
    assert kinds == {(): Kind.CONTENT, learned: Kind.WIDGET}
