"""The speed paths give what the plain paths give (issue 11).

- The first look's gates are exact: a rule whose gate says "nothing for me"
  returns the text as it is; the pipeline with its gates gives what running
  every step gives, on noise, generated documents and the devset.
- ``shape.skeleton_of_folded`` and ``shape.fold_text`` (their fast paths) give
  what the plain regular-expression forms give.
- ``Pipeline.clean`` (its own loop) and ``Pipeline.explain`` (through the
  trace) give the same text.
- The compiled core (``arclean/_speedups_src/``, when built) gives what the
  pure-Python functions give, for every code point and on noise; the tests
  above run on whichever implementation is in use (``ARCLEAN_PURE_PYTHON=1``
  runs them on the pure-Python one).

The differential fuzz in ``benchmarks/difffuzz.py`` checks whole outputs
against an earlier commit; these check the same properties on every test run.
"""

from __future__ import annotations

import re
import sys
from array import array
from difflib import SequenceMatcher
from pathlib import Path
from typing import Callable, Generator, Sequence
from unittest import mock

import pytest
from hypothesis import example, given, settings, strategies as st

import arclean
import arclean._compiled
from arclean import changes as changes_module, look as look_module, pipeline as pipeline_module
from arclean.normalizers import letters, punctuation, quotes
from arclean.normalizers.encoding import mojibake
from arclean.normalizers.residue import analysis, context, duplicates, page as page_module, quiet, repeats, title as title_module
from arclean.normalizers.residue.page import Guard, Kind, Line, Page
from arclean.normalizers.spelling import months
from arclean.registry import BY_CODE, RULES
from arclean.text import folding as shape
from arclean.text.chars import DIGITS, QUOTATION_MARK_SET, QUOTATION_MARKS

from .conftest import shared_dir
from .strategies import MISSPELT, MONTHS, RESIDUE_SNIPPETS, WORDS, paragraph, title

#: Characters the rules look for, and others, to build noise from.
TRIGGERS = (
    "\u00a0\u202f\u2009\u3000\u200b\u200c\u200d\u200e\u200f\u061c\ufeff\u00ad\u202a\u2066\u2060\u0640“”«»\"'‘’„،؛؟"
    "کیە۰۴٣ﻻﺍﷺ&;#Ø§Ù„Ã©Â\u00c2\u00efÇáÚÑÈíط§ظ„\t\r\n ,.:-_|aAzZ019\u064e\u0651\u0670\u2028\u03a3ß"
)
noise = st.text(alphabet=st.sampled_from(TRIGGERS + "".join(WORDS[:40])), max_size=80)
wordy = st.lists(st.sampled_from([*WORDS, *TRIGGERS, "Ø§Ù„Ø£Ø³Ø¯", "ط§ظ„ط£ط³ط¯", "ÇáÚÑÈíÉ", "&amp;", "&#1605;", "  "]),
                 max_size=40).map(" ".join)
texts = st.one_of(noise, wordy, st.text(max_size=40))


def _full_decide(pipe: arclean.Pipeline, block: list[pipeline_module.Step], text: str) -> str:
    """A run of line rules the long way: the page analysed and judged in
    context, every round of every rule run (no quiet-page shortcut)."""
    judged = analysis.analyze(text, pipe.config.boilerplate)
    settled = pipe._settle(block, judged, shortcut=False)
    return text if settled is judged else settled.text


def _plain_clean(pipe: arclean.Pipeline, text: str) -> str:
    """Every step run, no gate, no quiet-page shortcut: the reference."""
    for block in pipe._blocks:
        if isinstance(block, look_module.Plan):
            for step in block.steps:
                text = step.run(text)
        else:
            text = _full_decide(pipe, block, text)
    return text


compiled = pytest.mark.skipif(not arclean._compiled.COMPILED, reason="the compiled core is not built (pure Python)")

GATED = [step for step in arclean.Pipeline(config=arclean.Config(extend_select=("ALL",))).steps if step.gate]
NEEDLED = [rule for rule in RULES if rule.needles]


def test_the_character_rules_are_gated() -> None:
    assert {step.code for step in GATED} >= {"E101", "E102", "E103", "I101", "I102", "W102", "L101", "L102", "L103",
                                             "L201", "P102", "Q101", "Q102", "Q103"}
    assert {rule.code for rule in NEEDLED} >= {"W101", "W103", "W104", "W105", "P101", "T102"}
    assert len(look_module.NEEDLES) <= 64  # one scan of the compiled core
    needled = {step.code for step in arclean.Pipeline().steps if step.needles}
    assert needled == ({rule.code for rule in NEEDLED if rule.default} if arclean._compiled.COMPILED else set())


#: Every code point once, in order (surrogates too: a ``str`` may hold them).
_EVERY_CODE_POINT = "".join(map(chr, range(0x110000)))


def _gate_class(step: pipeline_module.Step) -> re.Pattern[str]:
    """The character class behind a step's gate bit."""
    assert step.gate and step.gate & (step.gate - 1) == 0, step.code  # one bit
    return look_module._gates.classes[step.gate.bit_length() - 1]


def test_no_gate_matches_a_common_character() -> None:
    for step in GATED:
        assert not any(_gate_class(step).match(char) for char in look_module._COMMON), step.code
        assert not look_module.gates_of(look_module._COMMON) & step.gate, step.code


@given(texts)
def test_a_closed_gate_means_no_change(text: str) -> None:
    look = look_module.Look(text)
    for step in GATED:
        if not step.gate & look.gates and not step.either:  # one that opens on either: below
            assert step.run(text) == text, step.code


_DATED = st.lists(st.sampled_from(["في ", "شهر ", "الشهر", "5 ", "٥ ", "۵ ", "2018", "٢٠١٨", "۲۰۱۸", "نوفمير", "ديسميبر",
                                     "ينابر", "يوليو", " ", "، ", "\n", "a", "x9"]), max_size=12).map("".join)


@settings(max_examples=400)
@given(st.one_of(texts, _DATED))
@example("في ٥ نوفمير")  # a day in Arabic-Indic digits: the gate opens it
@example("في ۵ نوفمير")  # in Persian digits
@example("نوفمير 2018")  # a year in ASCII digits: a needle opens it
@example("في شهر نوفمير")  # an anchor word
def test_a_rule_that_opens_on_either_leaves_a_text_holding_neither(text: str) -> None:
    """T101 (``Rule.either``) can change a text only when it holds a character of its gate
    class (a digit other than ASCII) or one of its needles (a listed misspelling, an anchor
    word, an ASCII digit); the pipeline's step is skipped only when the text holds neither."""
    rules = [rule for rule in RULES if rule.either]
    assert [rule.code for rule in rules] == ["T101"]
    framed = f"\n{text}\n"
    for rule in rules:
        assert rule.gate is not None and rule.needles
        if not rule.gate().search(text) and not any(needle in framed for needle in rule.needles):
            assert rule.function(text) == text, rule.code
    step = next(step for step in arclean.Pipeline().steps if step.code == "T101")
    look = look_module.Look(text)
    if arclean._compiled.COMPILED:
        assert step.either and step.gate and step.needles
        assert look.opens(step) == bool(months.other_digits().search(text) or any(n in framed for n in months.TRIGGER_NEEDLES))
    else:  # no needles read by the look: the step always runs
        assert (step.gate, step.needles, step.either) == (0, 0, False) and look.opens(step)


def test_t101s_gate_and_needles_hold_every_digit_of_a_date() -> None:
    """Every character of ``DIGITS`` (the date numbers T101 starts from) opens it."""
    digits = re.findall(f"[{DIGITS}]", _EVERY_CODE_POINT)
    assert len(digits) == 30
    for digit in digits:
        assert digit in months.TRIGGER_NEEDLES or months.other_digits().fullmatch(digit), digit


@given(texts)
def test_a_looks_gates_are_the_searches_of_the_gate_classes(text: str) -> None:
    """A look's gate bits are, for each gate class, whether the text holds one
    of its characters (the class searched in the text itself)."""
    gates = look_module.Look(text).gates
    for step in GATED:
        assert bool(gates & step.gate) == bool(_gate_class(step).search(text)), step.code


def test_only_a_class_of_single_characters_is_a_gate() -> None:
    """A pattern that may match more than one character (or an escape the check
    cannot read) is no gate: its rule always runs."""
    for pattern in ("ab", "[«»]+", "x|y", r"[\\d]", "[^«]", "(«)", "«?", "."):
        assert look_module.gate_class(lambda pattern=pattern: re.compile(pattern)) is None, pattern
    for pattern in ("ـ", "[«»]", "[\u0660-\u0669]"):
        assert look_module.gate_class(lambda pattern=pattern: re.compile(pattern)) is not None, pattern


@given(st.lists(st.sampled_from(["ـ", "«", "»", "“", "\u00a0", "  ", "\r", "،", "x", "ب", " ،", "Ù"]), max_size=12))
def test_a_plan_opens_the_steps_its_look_opens(pieces: list[str]) -> None:
    """A plan, remembered for each look, opens exactly the steps the look opens."""
    text = "".join(pieces)
    for block in arclean.Pipeline()._blocks:
        if isinstance(block, look_module.Plan):
            look = look_module.Look(text)
            assert block.open(look) == tuple(k for k, step in enumerate(block.steps) if look.opens(step))


@settings(max_examples=300)
@given(st.lists(st.one_of(texts, st.sampled_from(["", "", "  ", "«نعم»", "قال \u200f"])), max_size=8), st.data())
@example(["أ", "", "ب", "", "ج"], None)  # drop the middle line: a blank run the text did not hold
def test_the_look_at_some_of_a_texts_lines_opens_what_a_fresh_look_opens(lines: list[str], data: st.DataObject | None
                                                                          ) -> None:
    """``Look.of_lines``, the look at what line rules leave (some of the text's lines, and
    perhaps a line feed at the end), found from the look at the text: every gate and
    needle a fresh look finds, it finds (it may find more), so its plan opens every
    step the fresh look's opens; and the rules that read the look's needles read its."""
    text = "\n".join(lines)
    split = text.split("\n")
    if data is None:
        keep, final = [True, True, False, True, True], False
    else:
        keep, final = [data.draw(st.booleans()) for _ in split], data.draw(st.booleans())
    kept = "\n".join([line for line, kept in zip(split, keep, strict=True) if kept] + ([""] if final else []))
    look = look_module.Look(text).of_lines(kept)
    assert look_module.needles_of(kept) == look.needles or not look_module.NEEDLES_GATE
    fresh = look_module.Look(kept)
    assert look.gates & fresh.gates == fresh.gates
    assert look.needles & fresh.needles == fresh.needles
    for block in arclean.Pipeline(config=arclean.Config(extend_select=("ALL",)))._blocks:
        if isinstance(block, look_module.Plan):
            assert set(block.open(fresh)) <= set(block.open(look))


def test_only_a_needle_across_lines_is_looked_for_again() -> None:
    assert look_module.ACROSS_LINES == ("\n\n\n",)
    assert [needle for needle in look_module.NEEDLES if "\n" in needle and needle not in look_module.ACROSS_LINES] == [
        " \n", "\n ", "\nافتراضي", "\n#"]  # a line feed at the edge: within one line and the line feeds around it


def test_the_bundled_line_rules_only_drop_lines() -> None:
    """What a run of bundled line rules leaves is some of the lines it was given, in
    their order, and perhaps a line feed at the end (B301's cut): the look at it can be
    found from the look at the text (``Look.of_lines``).  On generated documents and the devset."""
    pipe = arclean.Pipeline(config=arclean.Config(extend_select=("ALL",)))
    blocks = pipe._blocks
    runs = [block for block in blocks if isinstance(block, pipeline_module._LineRun)]
    assert runs and all(block.keeps_lines for block in runs)
    dropped = 0
    for text in _real_pages(300_000, seed=3):
        for block in blocks:
            if isinstance(block, look_module.Plan):
                text = pipeline_module._run_characters(block, text, None)[0]
                continue
            after = pipe._decide(block, text)
            if after is text:
                continue
            dropped += 1
            lines, left = iter(text.split("\n")), after.split("\n")
            if after.endswith("\n") and not text.endswith("\n"):
                left.pop()  # the line feed B301's cut ends the page with
            assert all(line in lines for line in left)  # each found after the one before: a subsequence
            text = after
    assert dropped > 30  # the runs dropped lines on many pages (72 of them today)


def test_a_line_rule_of_ones_own_has_the_text_it_leaves_looked_at() -> None:
    """A line rule of one's own may rewrite a line: the pipeline looks again at the
    text it leaves (a line with two spaces now, for W103) rather than reckon the look."""

    def rewrite(page: Page) -> Page:
        lines = tuple(Line(line.text + "  و", line.kind, line.folded) if line.text == "0" else line for line in page.lines)
        return Page(lines, page.extra, page.forum, page.alone)

    own = arclean.Rule("X101", lambda text: text, True, decide=rewrite)
    pipe = arclean.Pipeline([own, "W103"])
    assert not next(block for block in pipe._blocks if isinstance(block, pipeline_module._LineRun)).keeps_lines
    assert pipe.clean("نص\n0\nنص") == "نص\n0 و\nنص"
    assert pipe.explain("نص\n0\nنص").text == "نص\n0 و\nنص"


_SPACY = st.lists(st.sampled_from([" ", "  ", "\t", "\n", "\n\n", "\n\n\n", "\r", "\r\n", "\u2028", "\u2029", "/",
                                     " / ", "،", " ،", "؛\t", "؟", "اب", "اغسطس", "ديسمبر", "كانون الأول", "a"]),
                  max_size=20).map("".join)


@settings(max_examples=400)
@given(st.one_of(texts, _SPACY))
@example(" نص")
@example("نص \nنص")
@example("اب / اغسطس")
def test_a_text_without_a_rules_needles_is_left_as_it_is(text: str) -> None:
    """Each rule's needles are a necessary condition: framed by line feeds, a
    text that holds none of them comes back unchanged."""
    framed = f"\n{text}\n"
    for rule in NEEDLED:
        if not any(needle in framed for needle in rule.needles) and not rule.either:  # either: see above
            assert rule.function(text) == text, rule.code


@pytest.mark.parametrize("code", ["E101", "E102", "E103", "I101", "I102", "W102", "L101", "L102", "L103", "L201", "P102",
                                  "Q101", "Q102", "Q103"])
def test_every_character_of_a_gate_class_is_in_the_first_look(code: str) -> None:
    step = next(step for step in GATED if step.code == code)
    members = _gate_class(step).findall(_EVERY_CODE_POINT)  # one search, not a match a code point
    assert members
    for char in members:
        assert look_module.first_look("قال " + char + " a") == char


@given(texts)
def test_the_gated_pipeline_is_the_plain_pipeline(text: str) -> None:
    pipe = arclean.Pipeline()
    assert pipe.clean(text) == _plain_clean(pipe, text) == pipe.explain(text).text


def test_the_gated_pipeline_on_generated_documents_and_the_devset() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    import corpus

    documents = [doc.text for doc in corpus.generate(300_000, seed=11)]
    try:
        folder = shared_dir("devset")
    except pytest.skip.Exception:
        folder = None
    if folder is not None:
        documents += [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))]
    pipe = arclean.Pipeline()
    search = arclean.Pipeline(config=arclean.Config(profile="search"))
    for text in documents:
        assert pipe.clean(text) == _plain_clean(pipe, text)
        assert search.clean(text) == _plain_clean(search, text)


#: Pages line by line: paragraphs, titles and their copies (also doubled on a
#: line, as forums print them), residue lines, numbers, labels, blank lines.
_PAGE_LINES = st.one_of(
    paragraph(), title(), st.sampled_from(RESIDUE_SNIPPETS), st.sampled_from(WORDS),
    st.sampled_from(["", "", "0", "2024", "المصدر: وكالات", "الرئيسية » أخبار", "- بند", "***", "منتديات المعرفة",
                     "مُساهمة من طرف أحمد السبت يناير 03, 2015 5:17 am", "عدد الرسائل : 16801", "الكلمات :",
                     "لا توجد تعليقات بعد على هذا الخبر"]),
)


@st.composite
def _pages(draw: st.DrawFn) -> str:
    lines = draw(st.lists(_PAGE_LINES, max_size=12))
    for _ in range(draw(st.integers(0, 2))):  # a line printed again, or twice on one line, further down
        if lines:
            copy = draw(st.sampled_from(lines))
            doubled = draw(st.sampled_from([copy, f"{copy} Empty {copy}", f"{copy} {copy}"]))
            lines.insert(draw(st.integers(0, len(lines))), doubled)
    return "\n".join(lines)


@given(_pages())
@example("- إنضم\n- 3 مارس 2015\n- المشاركات\n- 842\nزرت المدينة في الربيع الماضي وأدهشتني أزقتها الزرقاء وهدوء ساحتها.")
def test_a_quiet_page_is_its_own_judgement(text: str) -> None:
    """``context.is_quiet``: judged in context, a quiet page is the same page."""
    page = analysis.analyze_alone(text)
    if context.is_quiet(page):
        assert context.judge_in_context(page) is page
    assert context.judge_in_context(page) == analysis.analyze(text)


@given(_pages(), st.lists(st.integers(0, 15), max_size=4))
def test_a_page_with_nothing_to_judge_is_its_own_judgement(text: str, drop: list[int]) -> None:
    """``context.nothing_to_judge``: no judgement changes a page it says yes to,
    as analysed and as the rounds leave it (judged, some lines dropped)."""
    page = analysis.analyze_alone(text)
    judged = page
    for judge in context.JUDGEMENTS:
        judged = judge(judged)
    for candidate in (page, judged.without(drop)):
        if context.nothing_to_judge(candidate):
            for judge in context.JUDGEMENTS:
                assert judge(candidate) is candidate, judge.__name__


_NEWS = "قال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين في الأسبوع المقبل."
_TOPIC = "الحكومة تعلن خطة جديدة للزراعة"
#: A page each context judgement changes: its text, the lines dropped from it, and whether it is a forum page.
_JUDGED_PAGES = {
    "a number guarded": (f"{_NEWS}\n2015", [], None),
    "chrome words in the tail": (f"{_NEWS}\nللاستمرار في القراءة اشترك الآن", [], None),
    "a line between chrome lines": (f"{_NEWS}\nفيسبوك تويتر\nصحيفة الأيام\nواتساب تلغرام", [], None),
    "a line between chrome lines at the top": (f"فيسبوك تويتر\nصحيفة الأيام\nواتساب تلغرام\n{_NEWS}", [], None),
    "two lines between chrome lines": (f"{_NEWS}\nفيسبوك تويتر\nصحيفة الأيام\nالرئيسية الآن\nواتساب تلغرام", [], None),
    "a poster card, on a page not marked a forum's": (f"{_NEWS}\nمحمد\nعضو نشيط\nعدد الرسائل : 16801\n{_NEWS}", [], False),
    "a forum post's header": (f"{_TOPIC}\n{_TOPIC} Empty {_TOPIC}\nنص المشاركة الأولى في الموضوع.", [], None),
    "board lines, on a forum page that lost its forum lines": (
        f"الموضوع السابق الموضوع التالي\nمنتدى الأصدقاء\n{_TOPIC}\n\n{_TOPIC}\n{_NEWS}", [0], None),
    "a dangling label": ("نص الخبر كما ورد في الصحيفة صباح اليوم عن الحكومة ووزرائها.\nروابط المقال :", [], None),
}


@pytest.mark.parametrize("text, drop, forum", _JUDGED_PAGES.values(), ids=list(_JUDGED_PAGES))
def test_the_first_look_for_judgements_sees_each_judgement(text: str, drop: list[int], forum: bool | None) -> None:
    page = analysis.analyze_alone(text).without(drop)
    if forum is not None:
        page = Page(page.lines, page.extra, forum, page.alone)
    assert [judge for judge in context.JUDGEMENTS if judge(page) is not page]
    assert not context.nothing_to_judge(page)


@given(_pages())
def test_the_quiet_page_shortcut_is_the_full_rounds(text: str) -> None:
    """The line rules skip their rounds on a quiet page only where the full
    rounds would change nothing; clean and explain agree with the long way."""
    for pipe in (arclean.Pipeline(), arclean.Pipeline(config=arclean.Config(extend_select=("B104",)))):
        assert pipe.clean(text) == _plain_clean(pipe, text) == pipe.explain(text).text


@st.composite
def _near_copy(draw: st.DrawFn, line: str) -> str:
    """A line as another template prints it: a word changed, dropped or added, marks, other spacing."""
    words = line.split()
    for _ in range(draw(st.integers(0, 2))):
        at = draw(st.integers(0, len(words)))
        edit = draw(st.sampled_from(["drop", "add", "change", "mark", "space"]))
        if edit == "drop" and at < len(words):
            del words[at]
        elif edit in ("add", "change"):
            words[at:at + (edit == "change")] = [draw(st.sampled_from(WORDS))]
        elif edit == "mark" and at < len(words):
            words[at] = words[at][:1] + "\u064f" + words[at][1:]
        else:
            words.insert(at, draw(st.sampled_from(["", "-", "|", "\u00a0", "Empty"])))
    return " ".join(words)


@st.composite
def _pages_with_copies(draw: st.DrawFn) -> str:
    """Pages whose lines come back further down, printed alike or near alike."""
    lines = draw(st.lists(_PAGE_LINES, min_size=1, max_size=10))
    for _ in range(draw(st.integers(1, 3))):
        copy = draw(_near_copy(draw(st.sampled_from(lines))))
        lines.insert(draw(st.integers(0, len(lines))), draw(st.sampled_from([copy, f"{copy} Empty {copy}", f" {copy}  "])))
    return "\n".join(lines)


@st.composite
def _heads_with_copies(draw: st.DrawFn) -> str:
    """Page heads (titles, mastheads, dates, residue) with copies of their lines
    under them, near or exact, some over a forum post's byline; then the text."""
    head_line = st.one_of(title(), st.sampled_from(RESIDUE_SNIPPETS), st.sampled_from(WORDS), st.sampled_from(
        ["", "0", "12 مارس 2024", "المصدر: وكالات", "منتديات المعرفة", "الرئيسية » أخبار", "عاجل", "سياسة دولية"]))
    lines = draw(st.lists(head_line, min_size=1, max_size=6))
    for _ in range(draw(st.integers(1, 2))):
        source = draw(st.integers(0, len(lines) - 1))
        at = draw(st.integers(source + 1, len(lines)))
        lines.insert(at, draw(_near_copy(lines[source])))
        if draw(st.booleans()):
            lines.insert(at + 1, "مُساهمة من طرف أحمد السبت يناير 03, 2015 5:17 am")
    return "\n".join(lines + draw(st.lists(st.one_of(paragraph(), title()), max_size=3)))


def _reference_near_duplicate(title: Line, line: Line) -> bool:
    """``title.is_near_duplicate`` before its first looks (issue 11): the reference."""
    a, b = len(title.text), len(line.text)
    if 2 * min(a, b) + 16 < max(a, b):
        return False
    sa, sb = title.key, line.key
    if sa == sb:
        return bool(sa)
    wa, wb = sa.split(), sb.split()
    if not wa or not wb or abs(len(wa) - len(wb)) > 2:
        return False
    shared = sum(min(wa.count(w), wb.count(w)) for w in set(wa).intersection(wb))
    return shared * 4 >= max(len(wa), len(wb)) * 3 and SequenceMatcher(None, sa, sb).ratio() >= 0.85


def _reference_repeated_paragraphs(page: Page) -> Page:
    """B102's decision before its first look by the skeletons (issue 11): the reference.  A line
    of eight words or more repeating the one before it goes, but a verse said again among verses
    (``duplicates._said_again``, asked as B102 asks it); so does a shorter one (two words or
    more; four, or a blank line between) above the first paragraph of prose, one of the next four
    non-blank lines a paragraph of prose."""
    drop, previous, at = [], None, -1
    filled = list(page.filled)
    for k, index in enumerate(filled):
        text, words = page.lines[index].text, page.lines[index].words
        if previous is not None and 2 * min(len(previous), len(text)) + 16 >= max(len(previous), len(text)) and (
            previous[:1] == text[:1] or previous[:1].isspace() or text[:1].isspace()
        ) and " ".join(previous.split()) == " ".join(text.split()):
            heading = (words >= 2 and (words >= 4 or index > at + 1) and page.first_prose is not None
                       and index < page.first_prose and any(page.lines[i].prose for i in filled[k + 1:k + 5]))
            if (words >= 8 and not duplicates._said_again(page, at, index)) or heading:
                drop.append(index)
                continue
        previous, at = text, index
    return page.without(drop)


def _check_no_copies(page: Page) -> None:
    """``title.has_no_copies`` says yes only where the full searches find no copy;
    B102 and ``is_near_duplicate`` give what their references give."""
    for fresh in (page, Page(page.lines, page.extra, page.forum, page.alone)):
        if title_module.has_no_copies(fresh):
            assert title_module._find_post(fresh) is None
            assert title_module.find_title(fresh)[1] == []
    assert duplicates.drop_repeated_paragraphs(page) == _reference_repeated_paragraphs(page)
    if arclean._compiled.COMPILED:
        args = _no_copies_arguments(page)
        assert arclean._compiled.speedups.no_copies(*args) == title_module.python_no_copies(*args)  # type: ignore[union-attr]
    filled = [page.lines[i] for i in page.filled[:12]]
    for i, a in enumerate(filled):
        for b in filled[i + 1:]:
            assert title_module.is_near_duplicate(a, b) == _reference_near_duplicate(a, b)
    for line in (page.lines[i] for i in page.filled[:title_module._POST_SCAN]):  # a post's doubled title, first look or not
        first_look, full = (Line(line.text, line.kind, line.folded, line.prose, guard=line.guard) for _ in range(2))
        assert title_module._doubled_key(first_look) == title_module._find_doubled_key(full), line.text


def _no_copies_arguments(page: Page, memo: str | None = title_module._DOUBLED_MEMO, **tests: object) -> tuple[object, ...]:
    """``no_copies``'s arguments for a page, as ``title.has_no_copies`` passes them (or with other
    tests; a test of one's own is asked always, with ``memo`` None)."""
    arguments = {"may_be_doubled": title_module._may_be_doubled, "is_post_byline": title_module._is_post_byline,
                 "is_candidate": title_module._is_candidate, "near_duplicate": title_module.is_near_duplicate, **tests}
    return (page.lines, page.filled, Kind.BLANK, Kind.CONTENT, Guard.LABEL, arguments["may_be_doubled"],
            arguments["is_post_byline"], arguments["is_candidate"], arguments["near_duplicate"], title_module._POST_SCAN,
            title_module._TITLE_LINES, title_module._COPY_WINDOW, title_module._LENGTH_SLACK, memo)


@compiled
@settings(max_examples=500)
@given(_pages(), st.sets(st.integers(0, 15)), st.sets(st.integers(0, 15)), st.sets(st.integers(0, 15)),
       st.sets(st.tuples(st.integers(0, 15), st.integers(0, 15))))
def test_compiled_no_copies_follows_the_reference_whatever_the_tests_say(text: str, doubled: set[int], bylines: set[int],
                                                                         candidates: set[int],
                                                                         near: set[tuple[int, int]]) -> None:
    """``no_copies``'s loop is ``python_no_copies``'s, with tests that answer by the line's
    place (so every branch is taken, not only those the real tests take on these pages),
    and its calls come in the same order."""
    from arclean._compiled import speedups

    assert speedups is not None
    page = analysis.analyze(text)
    where = {id(line): k for k, line in enumerate(page.lines)}  # a line's first place
    calls: list[list[tuple[str, int, int]]] = []

    def tests() -> dict[str, object]:
        log: list[tuple[str, int, int]] = []
        calls.append(log)

        def test(name: str, answers: set[int]) -> object:
            return lambda line: log.append((name, where[id(line)], -1)) or where[id(line)] in answers

        def near_duplicate(a: Line, b: Line) -> bool:
            log.append(("near", where[id(a)], where[id(b)]))
            return (where[id(a)], where[id(b)]) in near

        def is_candidate(line: Line, at: int) -> bool:
            log.append(("candidate", where[id(line)], at))
            return where[id(line)] in candidates

        return {"may_be_doubled": test("doubled", doubled), "is_post_byline": test("byline", bylines),
                "is_candidate": is_candidate, "near_duplicate": near_duplicate}

    assert speedups.no_copies(*_no_copies_arguments(page, None, **tests())) == title_module.python_no_copies(
        *_no_copies_arguments(page, None, **tests()))  # type: ignore[arg-type]
    assert calls[0] == calls[1]


@compiled
@settings(max_examples=200)
@given(_pages(), st.lists(st.sampled_from([True, False, None, 0, "x"]), min_size=16, max_size=16))
def test_compiled_no_copies_reads_the_doubled_memo_as_the_reference(text: str, memos: list[object]) -> None:
    """With a memo name, ``no_copies`` reads a line's remembered answer (True or False) instead
    of asking ``may_be_doubled``, and asks it for a line with no answer or another value there,
    as ``python_no_copies`` does: the same result, the same lines asked."""
    from arclean._compiled import speedups

    assert speedups is not None
    page = analysis.analyze(text)
    lines = tuple(Line(line.text, line.kind, line.folded, line.prose, guard=line.guard) for line in page.lines)
    for line, memo in zip(lines, memos, strict=False):  # fresh lines: the memos are the test's
        if memo is not None:
            line.__dict__["_test_memo"] = memo
    fresh = Page(lines, page.extra, page.forum, page.alone)
    asked: list[list[int]] = [[], []]  # the lines may_be_doubled is asked about: by the reference, by the C
    want = title_module.python_no_copies(*_no_copies_arguments(fresh, "_test_memo", may_be_doubled=_asker(asked[0])))  # type: ignore[arg-type]
    got = speedups.no_copies(*_no_copies_arguments(fresh, "_test_memo", may_be_doubled=_asker(asked[1])))
    assert got == want and asked[0] == asked[1]
    remembered = {id(line) for line in lines if line.__dict__.get("_test_memo") is True or line.__dict__.get("_test_memo") is False}
    assert not remembered & set(asked[1])  # a line whose answer is remembered is not asked (0 and "x" are no answer)


@compiled
@settings(max_examples=150)
@given(st.one_of(_pages(), _pages_with_copies(), _heads_with_copies()),
       st.lists(st.sampled_from(["key", "memo", "unfolded", ""]), min_size=16, max_size=16))
@example("عنوان الخبر اليوم - عنوان الخبر اليوم\nنص", [""] * 16)  # a line printed twice
@example("عنوان الخبر اليوم - عنوان الخبر اليوم\nنص", ["key"] * 16)
@example("عنوان الخبر اليوم - عنوان الخبر اليوم\nنص", ["unfolded"] * 16)  # read as it folds, then folded for its skeleton
@example("قال الوزير " * 200 + "\nنص", [""] * 16)  # a line over the bound: may be doubled, unread
def test_compiled_no_copies_answers_may_be_doubled_as_the_function(text: str, kept: list[str]) -> None:
    """Given the bound of a long line for ``may_be_doubled``, ``no_copies`` answers it as
    ``title._may_be_doubled`` does: from a skeleton the line holds or one it makes and keeps,
    True over the bound, the answer remembered; the same result as with the function, and each
    line left with the same skeleton and answer.  A line made without its folded form (a
    paragraph of prose) is read as it would fold."""
    from arclean._compiled import speedups

    assert speedups is not None
    page = analysis.analyze(text)
    sides = []
    for test in (title_module._may_be_doubled, title_module._LONG_LINE):
        lines = tuple(Line(line.text, line.kind, None if k < len(kept) and kept[k] == "unfolded" else line.folded, line.prose,
                           guard=line.guard) for k, line in enumerate(page.lines))
        for line, how in zip(lines, kept, strict=False):  # fresh lines, some with a skeleton or an answer kept
            if how == "key":
                line.__dict__["key"] = line.key
            elif how == "memo":
                title_module._may_be_doubled(line)
        fresh = Page(lines, page.extra, page.forum, page.alone)
        found = speedups.no_copies(*_no_copies_arguments(fresh, may_be_doubled=test))
        sides.append((found, [{k: line.__dict__.get(k) for k in ("key", title_module._DOUBLED_MEMO)} for line in lines]))
    assert sides[0] == sides[1]
    with pytest.raises(TypeError):
        speedups.no_copies(*_no_copies_arguments(page, None, may_be_doubled=title_module._LONG_LINE))
    with pytest.raises(ValueError):
        speedups.no_copies(*_no_copies_arguments(page, may_be_doubled=-1))


@compiled
@settings(max_examples=200)
@given(st.one_of(_pages(), _pages_with_copies(), _heads_with_copies()), st.lists(st.sampled_from(["key", "words", ""]),
                                                                             min_size=16, max_size=16))
@example("عاجل\nالثلاثاء 12 مارس 2024 الساعة 10\nوزير الصحة يزور المستشفى\nوزير الصحة يزور المستشفى", [""] * 16)
@example("الأربعاء، 28 يناير 2015\nالمواطنة عقد اجتماعي لا أكثر\n\nالمواطنة عقد اجتماعي لا أكثر", [""] * 16)  # a date line first
@example("2. عدد الأهداف المسجلة\nالمواطنة عقد اجتماعي لا أكثر\n\nالمواطنة عقد اجتماعي لا أكثر", [""] * 16)  # a list's item
@example("آخر تحديث :الأحد - 14 ديسمبر 2025 - 05:08 م\nكهرباء عدن تأسف من تجاهل الحكومة\n\nكهرباء عدن تأسف من تجاهل الحكومة",
         [""] * 16)  # a date line of nine words, four of them numbers
@example("وزير الصحة يزور المستشفى الجديد في المدينة اليوم\nوزير الصحة يزور المستشفى الجديد بالمدينة اليوم", [""] * 16)
@example("وزير الصحة يزور المستشفى\nوزير  الصحة يزور المستشفى", ["words"] * 16)
def test_compiled_no_copies_answers_the_candidate_test_as_the_function(text: str, kept: list[str]) -> None:
    """Given the bounds of a title candidate for ``is_candidate``, ``no_copies`` answers it as
    ``title._is_candidate`` does, and the near duplicates their skeletons settle as
    ``title.is_near_duplicate`` does: the same result as with the functions, each line left
    with the same skeleton and word count (a line's own, kept or counted as ``Line`` counts)."""
    from arclean._compiled import speedups

    assert speedups is not None
    assert title_module._CANDIDATE_TEST == (title_module._MIN_TITLE_WORDS, title_module._MAX_DATE_WORDS,
                                            page_module.LONG_LINE_WORDS)
    page = analysis.analyze(text)
    sides = []
    for test in (title_module._is_candidate, title_module._CANDIDATE_TEST):
        lines = tuple(Line(line.text, line.kind, line.folded, line.prose, guard=line.guard) for line in page.lines)
        for line, how in zip(lines, kept, strict=False):  # fresh lines, some with a skeleton or a word count kept
            if how:
                getattr(line, how)
        fresh = Page(lines, page.extra, page.forum, page.alone)
        found = speedups.no_copies(*_no_copies_arguments(fresh, is_candidate=test))
        sides.append((found, [{k: line.__dict__.get(k) for k in ("key", "words")} for line in lines]))
    assert sides[0] == sides[1]
    for bounds in ((4, 8), (-1, 8, 1000), (4, 8, -1)):
        with pytest.raises((TypeError, ValueError)):
            speedups.no_copies(*_no_copies_arguments(page, is_candidate=bounds))


_DATE_PIECES = st.sampled_from(["الأحد", "28", "يناير", "2015", "31.9", "05:08", "21/02/2021", "10/05", "1.2.3",
                                 "2024-11-23@11:35:45", "١٢", "٣٫٥", "-", "م", "آخر تحديث :", "1.", "12-", "5 قتلى", "في",
                                 "حادث", "سير", ":2", "،"])

@compiled
@settings(max_examples=500)
@given(st.lists(_DATE_PIECES, min_size=1, max_size=18), st.booleans())
@example(["تراجع معدل التضخم إلى", "31.9", "بالمئة خلال شهر يناير"], False)  # a fraction is one number
@example(["2024-11-23@11:35:45", "GMT"], True)
@example(["Last Updated on", "10/05/2015"], False)  # a whole date counts for two numbers
def test_compiled_copy_look_tells_a_date_line_as_the_function(pieces: list[str], with_key: bool) -> None:
    """On the page's first line, ``no_copies`` tells a date line (``title._is_dateline``: numbers in the
    text, their separators inside them, and the skeleton's other words) as ``title._is_candidate`` does."""
    from arclean._compiled import speedups

    assert speedups is not None
    # under the first line, a title and its copy with a kicker between: a copy only if the first is a date line
    text = " ".join(pieces) + "\nالمواطنة عقد اجتماعي لا أكثر\nتقرير خاص\nالمواطنة عقد اجتماعي لا أكثر"
    page = analysis.analyze(text)
    sides = []
    for test in (title_module._is_candidate, title_module._CANDIDATE_TEST):
        lines = tuple(Line(line.text, line.kind, line.folded, line.prose, guard=line.guard) for line in page.lines)
        if with_key:
            lines[0].key  # noqa: B018 (made, as a rule that read it would have)
        fresh = Page(lines, page.extra, page.forum, page.alone)
        sides.append(speedups.no_copies(*_no_copies_arguments(fresh, is_candidate=test)))
    assert sides[0] == sides[1], title_module._is_candidate(page.lines[0], 0)


def _asker(log: list[int]) -> Callable[[Line], bool]:
    """A may_be_doubled that logs the lines it is asked about and answers by their length."""
    def doubled(line: Line) -> bool:
        log.append(id(line))
        return len(line.text) % 3 == 0
    return doubled


_T = "وزير الصحة يزور المستشفى الجديد في المدينة اليوم"
_PROSE = "في 1 يناير 1990 الحكومة الحكومة الحكومة الحكومة الحكومة."  # reads as prose
_COPY = "وزير الصحة يزور المستشفى الجديد بالمدينة اليوم"


@settings(max_examples=400)
@given(st.one_of(_pages(), _pages_with_copies(), _heads_with_copies()))
@example(f"الحكومة تعلن خطة جديدة للزراعة في الريف\n{_T}\nاترك رد\n{_COPY}")  # a second candidate's copy under residue
@example(f"عاجل\nالثلاثاء 12 مارس 2024 الساعة 10\n{_T}\n{_COPY}")  # a date is no candidate
@example(f"عاجل\nاترك رد\nشارك\n{_T}\nفيسبوك\n0\nاترك رد\n{_COPY}")  # the fourth line's copy, four lines down
@example(f"منتدى المعرفة\n{_T}\nالموضوع السابق\n{_COPY}\nمُساهمة من طرف أحمد السبت يناير 03, 2015 5:17 am\nنص.")
@example("اترك رد\n" + _PROSE.replace("الحكومة", "«الحكومة الحكومة الحكومة» الحكومة", 1) + "\nاترك رد\n" + _PROSE + "\n"
         + _PROSE + "\nاترك رد\n" + _PROSE)  # a second candidate's copy past a copy of prose that does not count
@example(f"{_T}\n{_PROSE} {_PROSE} {_PROSE}\n{_COPY}")  # a copy under a paragraph that copies nothing: none
def test_the_first_look_for_copies_is_the_full_search(text: str) -> None:
    for page in (analysis.analyze_alone(text), analysis.analyze(text)):
        _check_no_copies(page)
    for pipe in (arclean.Pipeline(), arclean.Pipeline(config=arclean.Config(extend_select=("B104",)))):
        assert pipe.clean(text) == _plain_clean(pipe, text) == pipe.explain(text).text


def _real_pages(size: int, seed: int) -> list[str]:
    """``benchmarks/realpages.py``'s real-shaped pages: the devset's and pages cut from it and from
    generated ones (generated pages only where ../shared is missing, outside CI)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    import realpages

    try:
        folder = shared_dir("devset")
    except pytest.skip.Exception:
        folder = Path("/nonexistent")  # generated pages only
    return realpages.real_pages(size, seed=seed, folder=folder)


def test_the_first_look_for_copies_on_generated_documents_and_the_devset() -> None:
    documents = _real_pages(300_000, seed=5)
    for text in documents:
        for page in (analysis.analyze_alone(text), analysis.analyze(text)):
            _check_no_copies(page)
    assert sum(title_module.has_no_copies(analysis.analyze_alone(text)) for text in documents) > len(documents) // 2


def _check_quiet_look(text: str) -> bool:
    """``quiet.quiet_page`` gives what ``quiet.python_quiet_page`` gives (the compiled core's
    look in one call, where built), and says None only of a page that is quiet and that B101,
    B102 and every rule dropping residue lines leave as it is.  Whether it said None."""
    want, got = quiet.python_quiet_page(text), quiet.quiet_page(text)
    assert (got is None) == (want is None), text
    if want is None:
        page = analysis.analyze_alone(text)
        assert context.is_quiet(page) and context.python_plain_lines(page.lines)
        assert duplicates.drop_repeated_title(page) is page and duplicates.drop_repeated_paragraphs(page) is page
        return True
    assert got is not None
    assert (got.lines, list(got.filled), got.forum, got.alone) == (want.lines, list(want.filled), want.forum, want.alone)
    # A line met again on the page is the Line of its first line, the one the page keeps for its text.
    assert all(got.alone[line] is got_line for line, got_line in zip(analysis.page_lines(text), got.lines, strict=True))
    remembered = got.__dict__.get(title_module.NO_COPIES_MEMO)
    assert remembered is None or remembered == title_module.has_no_copies(Page(want.lines, (), want.forum, want.alone))
    assert context.plain_lines(got.lines, Kind.BLANK, Kind.CONTENT) == context.python_plain_lines(got.lines)
    return False


@settings(max_examples=300)
@given(st.one_of(_pages(), _pages_with_copies(), _heads_with_copies(), texts))
@example("الحكومة تعلن خطة جديدة للزراعة\n\n" + _NEWS)  # quiet: None
@example(f"{_NEWS}\n\n{_NEWS}")  # a paragraph repeated: B102's
@example(f"{_NEWS * 3}\nاترك رد\n{_NEWS * 3}\nاترك رد")  # lines met again (a paragraph, a phrase): not quiet
@example(f"{_TOPIC}\n{_TOPIC}\n{_NEWS}")  # a title's copy: B101's
@example(f"{_TOPIC}\nاترك رد\n{_NEWS}")  # a line of residue
@example(f"{_TOPIC}\nشارك الخبر على فيسبوك\n{_NEWS}")  # chrome words on a line of content
def test_the_quiet_look_is_its_reference(text: str) -> None:
    _check_quiet_look(text)


def test_the_quiet_look_on_generated_documents_and_the_devset() -> None:
    documents = _real_pages(300_000, seed=6)
    assert len(documents) // 3 < sum(map(_check_quiet_look, documents)) < len(documents)


def test_the_quiet_look_classifies_with_each_calls_phrases() -> None:
    """``quiet_page`` keeps the classifier's arguments of the last call's matcher: a call with
    other phrases (another pipeline's, a learned file's) classifies with its own."""
    from arclean.datafiles import Phrase

    learned = (Phrase("سطر ثابت من الموقع", "chrome", False, "learned"),)
    text = "سطر ثابت من الموقع\n\n" + _NEWS
    for _ in range(2):
        assert quiet.quiet_page(text) is None
        found = quiet.quiet_page(text, learned)
        assert found is not None and found.lines[0].kind is Kind.CHROME


@compiled
def test_the_compiled_quiet_look_passes_errors_on() -> None:
    from arclean._compiled import speedups

    assert speedups is not None
    arguments = analysis.classify_arguments(analysis.phrase_matcher())

    def fails(*_args: object) -> object:
        raise RuntimeError("a classifier failed")

    with pytest.raises(RuntimeError):
        speedups.quiet_page("سطر قصير لم يصنف بعد 7319", (fails, *arguments[1:]), title_module.COPY_LOOK, 16)
    for bad in ((arguments[:8], title_module.COPY_LOOK), (arguments, title_module.COPY_LOOK[:11])):
        with pytest.raises(TypeError):
            speedups.quiet_page("نص", *bad, 16)
    with pytest.raises(TypeError):
        speedups.plain_lines([Line("نص", Kind.CONTENT)], Kind.BLANK, Kind.CONTENT)


def test_a_line_rule_of_ones_own_is_asked_about_a_quiet_page() -> None:
    """The quiet look answers for B101 and B102 only: a run of line rules with a rule of
    one's own that may drop a line of content asks it about every page."""
    page_text = "الحكومة تعلن خطة جديدة للزراعة\n\n" + _NEWS
    assert quiet.quiet_page(page_text) is None

    def drop_the_title(page: Page) -> Page:
        return page.without([k for k, line in enumerate(page.lines) if line.text == "الحكومة تعلن خطة جديدة للزراعة"])

    own = arclean.Rule("X102", lambda text: text, True, decide=drop_the_title)
    for rules in ([own, "B101", "B102"], [own], ["B101", "B201", own]):
        pipe = arclean.Pipeline(rules)
        assert not next(block for block in pipe._blocks if isinstance(block, pipeline_module._LineRun)).quiet_look
        assert pipe.clean(page_text) == pipe.explain(page_text).text == "\n" + _NEWS
    for rules in (["B101", "B102", "B201"], ["B201", "B301"]):
        assert next(block for block in arclean.Pipeline(rules)._blocks
                    if isinstance(block, pipeline_module._LineRun)).quiet_look


def test_explain_takes_the_quiet_look_as_clean_does(monkeypatch: pytest.MonkeyPatch) -> None:
    """``explain`` records only the steps that change a text (or suggest): a page the run of
    line rules leaves as it is is told by the quiet look, as in ``clean``, and no page of it
    is analysed; ``trace``, which yields every step with its page, analyses the page."""
    page_text = "الحكومة تعلن خطة جديدة للزراعة\n\n" + _NEWS + "\n"  # a clean page
    analysed: list[str] = []
    analyze_alone = pipeline_module.analyze_alone
    monkeypatch.setattr(pipeline_module, "analyze_alone",
                        lambda text, extra=(): analysed.append(text) or analyze_alone(text, extra))
    pipe = arclean.Pipeline()
    report = pipe.explain(page_text)
    assert (report.text, report.changes, analysed) == (page_text, (), [])
    assert [after for _step, after in pipe.trace(page_text)] == [page_text] * len(pipe.steps)
    assert analysed == [page_text]


def test_white_space_folds_to_a_separator() -> None:
    """B102 compares two lines' skeletons when both have one: lines equal but
    for their white space have one skeleton, as folding keeps each white space
    character, alone, and a skeleton keeps the words."""
    for point in range(0x110000):
        char = chr(point)
        if char.isspace():
            folded = shape.fold_text(char)
            assert folded and shape.fold_text("ب" + char + "ج") == "ب" + folded + "ج", hex(point)
            assert shape.skeleton_of_folded("ب" + folded + "ج") == "ب ج", hex(point)


def _reference_month_fixes(text: str) -> str:
    """T101 with its number anchors found one digit run at a time (before
    ``months._DATE_NUMBER``, issue 11): the reference."""
    if months._holds_misspelling(text):
        text = months._misspelling_pattern().sub(months._replace_listed, text)
    fixes: dict[int, tuple[int, str]] = {}
    for anchor in re.finditer(f"[{DIGITS}]+", text):
        if len(anchor.group()) <= 2:
            months._consider(months._WORD_AFTER.match(text, anchor.end()), fixes)
        elif len(anchor.group()) == 4:
            start = max(0, anchor.start() - months._LOOK_BACK)
            months._consider(months._WORD_BEFORE.search(text, start, anchor.start()), fixes)
    if any(word in text for word in months._ANCHOR_WORDS):
        for anchor in months._ANCHOR.finditer(text):
            months._consider(months._WORD_AFTER.match(text, anchor.end()), fixes)
    for start in sorted(fixes, reverse=True):
        end, corrected = fixes[start]
        text = text[:start] + corrected + text[end:]
    return text


_DATES = st.lists(st.one_of(
    st.sampled_from([*MISSPELT.values(), *MONTHS, "نسيان", "ابريل", "شهر", "الشهر", "وديسميبر", "بنوفمير", " ", "\t", "،", "\n",
                     "و", "ب", "أ", "ال", "وال", "شهر \t", "شهرشهر "]),
    st.text(alphabet="0123456789٠١٢٣٤٥٦٧٨٩۰۱", min_size=1, max_size=6), st.sampled_from(WORDS),
    st.sampled_from(MONTHS).flatmap(lambda m: st.integers(0, len(m) - 1).map(lambda i: m[:i] + m[i + 1:] + m[i:i + 1] * 2))),
    max_size=16)


@settings(max_examples=300)
@given(st.one_of(_DATES.map("".join), _DATES.map(" ".join), texts))
@example("123 ديسمبرر، 5 ديسمبرر و١٢نوفمر ديسمبرر 2018 ديسمبرر 123 ديسمبرر 12345 7 اكتوبرر")
@example("في شهر ديسمبرر والشهر نوفمرر وأشهر اكتوبرر وبالشهر  ينابرر شهرشهر يناير ششهر يوليوو")
def test_the_month_rule_finds_its_numbers_as_before(text: str) -> None:
    assert months.fix_month_misspellings(text) == _reference_month_fixes(text)
    found = months._first_look(text)  # its first look: a listed misspelling exactly, an anchor word if there is one
    assert bool(found & months._LISTED) is any(typo in text for typo in months._misspellings())
    assert found & months._ANCHORED or not any(word in text for word in months._ANCHOR_WORDS)
    look_module.Look(text)  # as a pipeline looks at the text before T101 runs: its first look reads the look's answer
    assert months._first_look(text) == found
    assert look_module.needles_of(text) == look_module.needles_in(text)
    assert look_module.needles_of(text + " ديسميبر") == look_module.needles_in(text + " ديسميبر")  # another text: its own


@compiled
@settings(max_examples=1000)
@given(st.one_of(_DATES.map("".join), _DATES.map(" ".join), texts,
                 st.lists(st.sampled_from(["شهر", "ال", "و", "ب", "ف", "ل", "أ", " ", "\t", "  ", "\n", "x", "ن"]),
                          max_size=14).map("".join)))
@example("في شهر ديسمبر والشهر المقبل وأشهر عدة")
@example("وبالشهر  شهر\tشهرشهر شهر")  # a clitic and the article; matches one after another, not overlapping
@example("لالشهر شهر")  # a clitic, the article: the starts before the word tried in turn
@example("شهر")  # no space after: no match
def test_compiled_anchor_ends_are_the_patterns(text: str) -> None:
    """``anchor_ends`` (T101's date contexts from the anchor words, by a scan) ends where
    ``python_anchor_ends`` (``_ANCHOR`` matched from each anchor word) ends."""
    from arclean._compiled import speedups

    assert speedups is not None and months._anchor_ends is not months.python_anchor_ends
    assert months._anchor_ends(text) == months.python_anchor_ends(text)
    assert [match.end() for match in months._ANCHOR.finditer(text)] == months.python_anchor_ends(text)
    words = ("شه", "شهر", "ر")  # other words: prefixes of each other, one letter
    with mock.patch.object(months, "_ANCHOR", re.compile(
            f"(?<![{months.ARABIC_LETTERS}])[{months.MONTH_CLITICS}]?(?:ال)?(?:{'|'.join(words)})[ \t]+")), \
         mock.patch.object(months, "_ANCHOR_WORD", re.compile(f"(?:{'|'.join(words)})[ \t]+")):
        assert speedups.anchor_ends(text, words, "ال", 3) == months.python_anchor_ends(text)
    with pytest.raises(TypeError):
        speedups.anchor_ends(text, ("",), "ال", 3)



@compiled
@settings(max_examples=1000)
@given(st.one_of(_DATES.map("".join), _DATES.map(" ".join), texts,
                 st.lists(st.sampled_from(["ديسمبرر", "وديسمبر", "وسبتمبر", "ونوفمبر", "بلدان", " ", "\t", "\n", "،", ",", "5", "12",
                                           "2018", "١٢", "۲۰۱۸", "123", "12345", "x", "ـ", "\u0830", "\u0e69"]),
                          max_size=14).map("".join)))
@example("ديسمبرر \n2018 ديسمبرر\n\n2018 ديسمبرر،\t2019")  # a year on the next line
# Characters past U+0800 whose low eleven bits are a digit's (U+0830 '0', U+0E60 '٠', U+0EF9 '۹'),
# which the scan's skip of four at a time reads as maybe digits, before and after real ones.
@example("\u0830\u0e60 5 ديسمبرر \u0ef9\u0830\u0e60\u0ef9 ديسمبرر 2018 \u0e60\u0830 ١٢ اكتوبرر\u0830")
@example("ابتدأ " + "ب" * 39 + " 2018 " + "ب" * 40 + " 2019")  # a word that starts just inside, just outside the look-back
@example("5ديسمبرر و12وديسمبر 3 وعشرة 4 ونوفمبر ١٢ اكتوبرر ۲۰۱۸")
def test_compiled_date_words_are_the_patterns(text: str) -> None:
    """``date_words`` (T101's scan for the words beside day numbers and years) finds what
    ``python_date_words`` finds with the regular expressions, in the same order."""
    from arclean._compiled import speedups

    assert speedups is not None and months.date_words is speedups.date_words
    assert list(speedups.date_words(text)) == list(months.python_date_words(text))

@compiled
@settings(max_examples=1000)
@given(st.one_of(_DATES.map("".join), _DATES.map(" ".join), texts,
                 st.lists(st.sampled_from(["ديسمبرر", "وديسمبر", "ونوفمير", "بلدان", "شهر", "الشهر", "وبالشهر", " ", "\t",
                                           "\n", "،", "5", "12", "2018", "١٢", "123", "x"]), max_size=14).map("".join)))
@example("في شهر نوفمير 2018 وفي 5 ديسمبر")  # a word to fix after an anchor, a known one after a day
@example("بلدان 5 بلدان 2018 شهر بلدان")  # the same run after a day, before a year, after an anchor
def test_the_month_rule_fast_path_changes_nothing(text: str) -> None:
    """T101's first look with the compiled core (``dates_known``: every run of letters the rule
    looks at was found before to need no fix) gives a text back only where the rule would: a
    text whose words were all looked at once goes by it, a text with a word to fix never."""
    months._correction.cache_clear()
    months.NO_FIX.clear()
    reference = _reference_month_fixes(text)
    months._correction.cache_clear()
    months.NO_FIX.clear()
    assert months.fix_month_misspellings(text) == reference  # notes the words it found no fix for
    assert months.fix_month_misspellings(text) == reference  # again, each of them known now
    found = months._first_look(text)
    if not found & months._LISTED:
        assert months._all_known(text, found & months._ANCHORED) is (reference == text)


def test_the_month_rule_finds_its_numbers_as_before_on_real_pages() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    import realpages

    for text in realpages.real_pages(300_000, seed=6):
        assert months.fix_month_misspellings(text) == _reference_month_fixes(text)



_QUOTED = st.lists(st.sampled_from(["«", "»", "“", "”", '"', " ", "\n", "\n\n", "،", ".", "-", "5", "لـ", *WORDS[:12]]),
                   max_size=40).map("".join)


@settings(max_examples=400)
@given(_QUOTED)
@example("«نعم» و«لا» في “الحياة”")  # four marks of the dominant style: the least that converts
@example('قال «نعم» ثم «لا» في "الحياة" اليوم')
def test_the_first_look_of_the_minority_quotes_rule_is_exact(text: str) -> None:
    """Q103's first look from the raw marks (``quotes._one_style_or_few``) gives
    back only texts the rule's counts give back: it is the rule with its
    earlier first look (any double mark at all)."""
    fast = quotes.convert_minority_quotes(text)
    with mock.patch.object(quotes, "_one_style_or_few", lambda text: not any(mark in text for mark in "“”«»")):
        assert quotes.convert_minority_quotes(text) == fast
    # Read from the pipeline's look at the text (compiled: Rule.looks_for), the answer of a text
    # no look was taken of (its needles found by a scan), and the marks counted: all the same.
    unlooked = quotes._one_style_or_few(text + " ")  # the same marks, another text
    look_module.Look(text)
    assert quotes._one_style_or_few(text) is unlooked
    with mock.patch.object(quotes, "_look_reader", lambda: None):
        assert quotes._one_style_or_few(text) is unlooked


_SHAPED = st.lists(st.sampled_from(["«", "»", "“", "”", "‹", "›", "‘", "’", '"', " ", "\n", "\n\n", "،", ".", ":", "—", "*", "-", "_",
                                    "5", "a", "t", "don", "é", "(", "؟", "…", "ـ", "•", "#", "©", "–", "\u064e", "لـ", *WORDS[:8]]),
                   max_size=40).map("".join)


@settings(max_examples=500)
@given(_SHAPED)
@example("قال «نعم» ثم «لا»\nو«ربما» في “الحياة”")
@example("«قال: «نعم» ثم مضى» — «لا»\n«نص\nآخر»")
@example("نص —«— نص «كلمة»")
@example("«نص» «» «a»")
@example("«نص\n\nثم »كذا« هنا\n\nآخر»")  # paired over line ends, not line by line: line 2 is edited
@example("—«— ثم »نص« كلمة —»— ثم «هنا»")  # paired with separators' marks: the quotation is edited
@example("ومن أقوال الحكماء: «مَنْ جَدَّ وَجَدَ، وَمَنْ زَرَعَ حَصَدَ».")  # a mark beside a diacritic
@example("‘don’t’ ‘نص’ and ‘Qur’an’")
@example("a‘b ’نص كلمة‘ c’d ‘هنا’")  # paired only with the apostrophes: the quotation is edited
def test_the_first_look_of_the_quote_shapes_rule_is_exact(text: str) -> None:
    """Q101's first look at a style (``quotes._plainly_paired``: lone marks beside words, paired
    line by line) passes over only styles the full search finds no edit for."""
    fast = quotes.fix_quote_shapes(text)
    every = [(opener, closer) for opener, closer in quotes.STYLES.values() if opener in text or closer in text]
    with mock.patch.object(quotes, "_styles_to_shape", lambda text: every):  # no first look: every style held
        assert quotes.fix_quote_shapes(text) == fast
    for opener, closer in quotes.STYLES.values():
        if quotes._plainly_paired(text, opener, closer):
            assert list(quotes._shape_edits(text, opener, closer)) == []


def _quotation_runs_by_definition(line: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """The runs of marks on a line that are quotation marks, read from ``quotes._runs``'s
    definition, run by run: a run is a separator's when the stretch between the nearest
    letters or digits on either side (or the line's ends) holds an ornament and only
    ornaments, spaces and quotation marks besides, unless it stands before the first
    ornament with a word before the stretch, or after the last with a word after it."""
    kept = []
    for match in pattern.finditer(line):
        start, end = match.span()
        left, right = start, end
        while left and not line[left - 1].isalnum():
            left -= 1
        while right < len(line) and not line[right].isalnum():
            right += 1
        solid = [k for k in range(left, right) if not (line[k].isspace() or line[k] in QUOTATION_MARK_SET)]
        if not solid or not all(map(quotes._may_stand_in_separator, line[solid[0]:solid[-1] + 1])) or (
                start < solid[0] and left > 0) or (start > solid[-1] and right < len(line)):
            kept.append((start, end))
    return kept


@settings(max_examples=500)
@given(_SHAPED)
@example("نص «—» نص —«— نص«—‘ —“نعم”— _«_ نص")
@example("—‘“نعم”’— كلمة« ——«—— »كلمة")  # marks against words, a separator's marks, on one line
def test_the_quotation_runs_of_a_decorated_line_are_those_of_the_definition(text: str) -> None:
    """``quotes._runs`` on a line that may hold a separator (each line of the text) keeps the runs
    the definition keeps: a run against a letter or digit is taken at once, without its stretch
    read, and the runs after it read their own stretches as if it had been."""
    pattern = re.compile("[\u2018\u2019\u201c\u201d\u00ab\u00bb]+")
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        found = [(run_start - start, run_end - start) for run_start, run_end in quotes._runs(text, start, end, pattern, True)]
        assert found == _quotation_runs_by_definition(line, pattern)
        start = end + 1


@compiled
@settings(max_examples=400)
@given(st.one_of(_SHAPED, st.lists(st.sampled_from(["«", "»", "“", "”", "‹", "›", "‘", "’", "\n", " ", "ع", "ب", "—", "😀", "\u2029",
                                                    "\u0739", "a", "'"]), max_size=24).map("".join)))
@example("«نعم» «لا»\n«ربما»")
@example("«نعم\n»")  # a pair over a line end
@example("««نعم»»")  # marks side by side
@example("—«—»")  # beside separators' characters only
@example("😀«😀» ‹ع› ع‹ع")  # beside characters above the table; ع shares the low byte of ‹
@example("’نعم‘ “")  # a closing mark first
@example("«نعم—»")  # a mark last, after a separator's character: nothing after it
@example("ب«\nب»")  # an opening mark right before a line end
def test_compiled_quote_look_is_the_walk_over_each_style(text: str) -> None:
    """``quote_look`` (Q101's first look, one scan for every style) gives, for each style,
    whether the text holds its marks and whether ``quotes._paired_in_lines`` finds them
    paired, as ``python_quote_look`` does; and Q101 plans the same styles with it."""
    from arclean._compiled import speedups

    assert speedups is not None
    assert speedups.quote_look(text, quotes._MARKS, quotes._low_separators(), quotes._holds_no_separator) == \
        quotes.python_quote_look(text)
    assert quotes._styles_to_shape(text) == [(opener, closer) for opener, closer in quotes.STYLES.values()
                                             if (opener in text or closer in text) and not quotes._plainly_paired(text, opener, closer)]
    with pytest.raises(ValueError):
        speedups.quote_look(text, "«»«", b"", quotes._holds_no_separator)
    with pytest.raises(ValueError):
        speedups.quote_look(text, "««", b"", quotes._holds_no_separator)


_NOT_WORD = re.compile(r"[\W_]+")


def _plain_trim(text: str) -> str:
    """W106 as it reads: the text without its leading line feeds, its trailing ones, and one added."""
    body = text.lstrip("\n").rstrip("\n")
    return body + "\n" if body.strip(" \t\n") else ""


@given(st.one_of(texts, st.text(alphabet=" \t\n\u00a0بa", max_size=12)))
@example("ب\n")
@example(" \n")
@example("\t \n")
@example("\u00a0\n")
@example("\nب\n")
@example("ب\n\n")
@example("\n")  # one character: read by index, the text's first is its last
@example("\t ب\n")  # white space first, more after it
def test_trim_document_gives_a_trimmed_text_back_as_it_is(text: str) -> None:
    """W106's first look (one line feed at the end, none at the start, more than white space):
    the same text as the full trim, and the very object when nothing changes."""
    from arclean.normalizers.whitespace import trim_document

    trimmed = trim_document(text)
    assert trimmed == _plain_trim(text)
    if trimmed == text:
        assert trimmed is text


_WHITE = st.lists(st.sampled_from([" ", "  ", "\t", "\n", "\n\n\n", "ب", "a", "\u00a0", "\r"]), max_size=30).map("".join)


@given(st.one_of(texts, _WHITE))
@example(" " * 40 + "ب" + "\n" * 40 + "\t \t" * 20)  # runs past the replace passes: the pattern's too
@example(" \n \t")
@example("أ\tب")  # a tab inside a line: W104 has nothing to strip
def test_the_white_space_rules_are_their_patterns(text: str) -> None:
    """W103, W104 and W105 (replaces of runs, a line split) give what their patterns give."""
    from arclean.normalizers import whitespace

    assert whitespace.collapse_spaces(text) == re.sub(r"[ \t]{2,}|\t", " ", text)
    assert whitespace.strip_lines(text) == re.sub(r"^[ \t]+|[ \t]+$", "", text, flags=re.MULTILINE)
    assert whitespace.collapse_blank_lines(text) == re.sub(r"\n{3,}", "\n\n", text)
    for rule in (whitespace.collapse_spaces, whitespace.strip_lines, whitespace.collapse_blank_lines):
        after = rule(text)
        assert after is text or after != text  # a text a rule leaves as it is is given back itself
    with mock.patch.object(whitespace, "_PIECE", 0):  # a piece a line: the pieces' ends are lines' ends
        assert whitespace.strip_lines(text) == re.sub(r"^[ \t]+|[ \t]+$", "", text, flags=re.MULTILINE)


_MARKED = st.lists(st.sampled_from(["،", "؛", "؟", " ", "\t", "  ", "\n", "ـ", "ــ", "\u064e", "\u0651", "\u0670", "ب", "ال", "a", "1",
                                     "/", " / ", "\t/", "اب", "اغسطس", "ديسمبر", "كانون الأول", "و", "\r", "\r\n", "\u2028", "\u2029"]),
                   max_size=30).map("".join)


def _reference_drop(match: re.Match[str]) -> str:
    """L201's judgement of a stretch as first written: the stretch without its tatweels,
    unless one carries a dagger alef or the marks left would stack on the letter."""
    if "\u0670" in match.group(2):
        return match.group(0)
    marks = match.group(1) + re.sub("ـ+", "", match.group(2))
    if len(re.findall("[\u064b-\u0650\u0652]", marks)) > 1 or marks.count("\u0651") > 1:
        return match.group(0)
    return marks


@given(st.one_of(texts, _MARKED))
@example("وأُطْــلـقُـها الرَّحْمَـٰنِ أيـْـدِى بـ12 ـ")
@example("بــج الـ12 مـَـن")  # a stretch of tatweels alone, one after a letter only, one with a mark
@example("بــجـَـد بَــج مـــٰن هــ")  # stretches alone and with marks in one word, marks before a stretch, a dagger alef
@example("وفي اب / اغسطس، في ديسمبر/ كانون الأول و12 / 5 اب\t\t/ اغسطس")
@example("قال \t ، ثم   ؟ و\t؛")
@example("0اب/ ديسمبر")  # a pair of two months: T102 leaves it, and gives the text itself back
def test_the_character_rules_searching_first_are_their_patterns(text: str) -> None:
    """P101, P102, W101, L201 and T102, which find their marks, words and slashes by
    searches before (or instead of) their patterns, give what their patterns give."""
    from arclean.normalizers import letters, punctuation, whitespace

    assert punctuation.add_space_after_arabic_punctuation(text) == punctuation._ARABIC_MARK_BEFORE_LETTER.sub(r"\1 ", text)
    assert punctuation.remove_space_before_arabic_punctuation(text) == punctuation._SPACE_BEFORE_ARABIC_MARK.sub("", text)
    assert whitespace.normalize_line_endings(text) == whitespace._LINE_BREAKS.sub("\n", text)
    assert letters.remove_decorative_tatweel(text) == letters._BETWEEN_LETTERS.sub(_reference_drop, text)
    if any(needle in text for needle in months.PAIR_NEEDLES):
        assert months.join_month_pairs(text) == months._pair_pattern().sub(months._join_pair, text)
    for rule in (punctuation.add_space_after_arabic_punctuation, letters.remove_decorative_tatweel, months.join_month_pairs):
        after = rule(text)
        assert after is text or after != text


_PAIRED = st.lists(st.sampled_from(["/", " / ", "/ ", " /", "\t/\t", "   /", " ", "  ", "\n", "ب", "و", "ل", "1", "12", "،",
                                    *MONTHS[:12], "كانون الأول", "كانون الثاني", "اب", "اغسطس", "آب", "أغسطس", "ايار"]),
                   max_size=24).map("".join)


@settings(max_examples=500)
@given(_PAIRED)
@example("وفي اب / اغسطس / ايلول، ويناير/ كانون الثاني وكانون الأول /ديسمبر")  # pairs side by side, a name in two
@example("اب" + " " * 40 + "/ اغسطس")  # white space before a slash: the pair starts further back
@example("/ اغسطس و/اب / آب")
@example("وكانون الثاني / يناير")  # a clitic and the longest name before the slash: the furthest start
def test_month_pairs_are_looked_for_near_slashes_only(text: str) -> None:
    """T102's pattern, tried near each slash only (``months._join_pairs``), finds the pairs
    the pattern finds tried at every position."""
    assert months._join_pairs(text) == months._pair_pattern().sub(months._join_pair, text)


def _plain_skeleton(folded: str) -> str:
    return _NOT_WORD.sub(" ", folded).strip()


@given(texts)
def test_skeleton_is_the_plain_substitution(text: str) -> None:
    assert shape.skeleton_of_folded(text) == _plain_skeleton(text)


def test_skeleton_of_every_code_point() -> None:
    for point in range(0x110000):
        if 0xD800 <= point < 0xE000:
            continue
        char = chr(point)
        for text in (char, "ب" + char + "ج", " " + char + "_a"):
            assert shape.skeleton_of_folded(text) == _plain_skeleton(text), hex(point)


def _plain_fold(text: str) -> str:
    if shape._DROPPED.search(text):
        text = shape._DROPPED.sub("", text)
    for source, target in shape._FOLDS.items():
        text = text.replace(source, target)
    if text.isascii():
        return text.lower()
    return shape._CASED_RUN.sub(lambda match: match.group().casefold(), text)


@given(texts)
def test_fold_text_is_the_plain_fold(text: str) -> None:
    assert shape.fold_text(text) == _plain_fold(text)


def test_fold_text_of_every_code_point() -> None:
    for point in range(0x110000):
        if 0xD800 <= point < 0xE000:
            continue
        text = "ب" + chr(point) + "A"
        assert shape.fold_text(text) == _plain_fold(text), hex(point)


def test_every_rule_of_the_table_is_bound_once() -> None:
    """A gate belongs to the rule of the table with that code only (a custom
    function under a rule's code gets none)."""
    assert all(BY_CODE[rule.code] is rule for rule in RULES)




@compiled
@pytest.mark.parametrize("module, name", [(shape, "skeleton_of_folded"), (look_module, "first_look"), (shape, "fold_text")])
def test_compiled_core_on_every_code_point(module: object, name: str) -> None:
    """Each function against its Python reference (``python_<name>``), one test a
    function, so that the two test processes share the work."""
    from arclean._compiled import speedups

    assert speedups is not None
    compiled_function, reference = getattr(speedups, name), getattr(module, "python_" + name)
    for point in range(0x110000):
        char = chr(point)
        for text in (char, "ب" + char + "ج", " " + char + "_a", char * 3 + " " + char):
            assert compiled_function(text) == reference(text), hex(point)
    assert getattr(module, name) is compiled_function  # the import-time check passed


@compiled
@settings(max_examples=200)
@given(st.sampled_from([255, 256, 257, 4095, 4096, 4097]), st.sampled_from(["«", "ـ", "\u064e", "É", "ß", "a", "ب", "١", "😀"]),
       st.integers(0, 4097), st.text(max_size=3))
def test_compiled_text_primitives_at_their_buffers_bounds(size: int, char: str, at: int, piece: str) -> None:
    """``first_look`` gathers up to 256 rare characters in one pass, ``fold_text`` folds up to
    4096 characters in one (until a character to case-fold) and ``skeleton_of_folded`` makes the
    skeleton of up to 4096 in one: at, below and past those bounds, and
    with what makes either start again (a rare character past the 256th, a cased one late in the
    text), both give what the references give, at the narrowest width (the str compares equal only
    then), and a text of the one pass that folds to itself, or is its own skeleton, is given back."""
    from arclean._compiled import speedups

    assert speedups is not None
    base = char * size
    text = base[:at] + piece + base[at:]
    for case in (text, "ب" * size + char, "a" * size + char, char * size + "ß"):
        folded = speedups.fold_text(case)
        assert speedups.first_look(case) == look_module.python_first_look(case)
        assert folded == shape.python_fold_text(case)
        assert speedups.skeleton_of_folded(case) == shape.python_skeleton_of_folded(case)
    plain = " ".join(["ب"] * ((size + 1) // 2))  # nothing to fold, its own skeleton (size or size - 1 characters)
    assert (speedups.fold_text(plain) is plain and speedups.skeleton_of_folded(plain) is plain) or size > 4096
    assert speedups.skeleton_of_folded(plain + " ") == plain and speedups.skeleton_of_folded(" " + plain) == plain

    class Text(str):
        pass

    assert type(speedups.fold_text(Text(plain))) is str and type(speedups.skeleton_of_folded(Text(plain))) is str


@compiled
@settings(max_examples=300)
@given(st.one_of(texts, st.text(max_size=40), st.text(alphabet="قال «»“”ـ\u064e\u200f\u2028\ufeff\u00a0،Ø±", max_size=30)))
@example("قال \u200f«نعم»\u200f")  # a character above U+0800 twice in a row, and again later
def test_compiled_rare_gates_is_the_gates_of_the_first_look(text: str) -> None:
    """``rare_gates`` (a look's gate bits in one scan) gives ``gates_of(first_look(text))``: from its
    table below U+0800, from the characters ``gates_of`` has met above; None while one above is
    unknown.  A look takes it or, on None, the first look."""
    from arclean._compiled import speedups

    assert speedups is not None
    gates = look_module._gates
    want = look_module.gates_of(look_module.python_first_look(text))  # meets every rare character of the text
    assert speedups.rare_gates(text, gates.made_low(), gates.chars) == want
    above = any(ord(char) >= 0x800 for char in text)
    assert speedups.rare_gates(text, gates.made_low(), {}) == (None if above else want)
    assert look_module.Look(text).gates == want


@compiled
@pytest.mark.parametrize("odd", ["ـ", "\u00a0", "«", "“", "\u200f", "😀"])
def test_compiled_rare_gates_at_every_offset(odd: str) -> None:
    """``rare_gates`` reads four characters at a time while all four are below U+0800, then one
    by one: a gated character, or one above U+0800 (known or not), is met wherever it stands in
    the block of four and past the last whole one."""
    from arclean._compiled import speedups

    assert speedups is not None
    gates = look_module._gates
    for length in range(1, 14):
        for at in range(length):
            for plain in ("x", "ب"):
                text = plain * at + odd + plain * (length - at - 1)
                want = look_module.gates_of(look_module.python_first_look(text))
                assert speedups.rare_gates(text, gates.made_low(), gates.chars) == want, (text, odd)
                assert speedups.rare_gates(text, gates.made_low(), {}) == (None if ord(odd) >= 0x800 else want), text


@compiled
def test_compiled_rare_gates_table_holds_every_character_below_u0800() -> None:
    from arclean._compiled import speedups

    assert speedups is not None
    low = look_module._gates.made_low()
    for point in range(0x800):
        char = chr(point)
        assert speedups.rare_gates(char, low, {}) == look_module.gates_of(look_module.python_first_look(char)), hex(point)
    with pytest.raises(TypeError):
        speedups.rare_gates("نص", low[:-8], {})


@compiled
@given(texts)
def test_compiled_core_on_noise(text: str) -> None:
    from arclean._compiled import speedups

    assert speedups is not None
    assert speedups.skeleton_of_folded(text) == shape.python_skeleton_of_folded(text) == _plain_skeleton(text)
    assert speedups.first_look(text) == look_module.python_first_look(text)
    assert speedups.fold_text(text) == shape.python_fold_text(text) == _plain_fold(text)
    assert speedups.skeleton_of_folded("") == "" and speedups.first_look("") == ""
    with pytest.raises(TypeError):
        speedups.first_look(b"bytes")  # type: ignore[arg-type]



_NEEDLES = st.lists(st.one_of(st.sampled_from([*MISSPELT.values(), *look_module.NEEDLES, "ab", "بب", "😀ب", "a", ""]),
                              st.text(alphabet="abب😀 \n", max_size=4)), max_size=70)


@compiled
@pytest.mark.parametrize("needles", [("ab",), ("abc",), ("a",), ("ab", "bc", "abc\n")])
def test_compiled_needles_in_finds_a_needle_at_every_offset(needles: tuple[str, ...]) -> None:
    """``needles_in``'s scan reads four positions at a time while none lets a needle through,
    then one by one: a needle is found wherever it starts in the block of four (its second
    and third characters in the next block, or past the last whole one), and is not found
    where it is cut by the text's end."""
    from arclean._compiled import speedups

    assert speedups is not None
    for length in range(15):
        for at in range(length):
            text = ("x" * at + "abc" + "x" * length)[:length]
            for some in (text, text.replace("x", "ب")):  # one byte, two bytes a character
                bits = sum(1 << k for k, needle in enumerate(needles) if needle in some)
                assert speedups.needles_in(some, needles, False) == bits, (some, needles)
                assert speedups.needles_in(some, needles, True) == look_module.python_needles_in(some, needles), some


@compiled
@settings(max_examples=400)
@given(st.one_of(texts, st.text(alphabet="abب😀 \n", max_size=30)), _NEEDLES)
@example("في ديسميبر 2018", ("ديسميبر",))
@example("ab", ("abc", "b"))
@example("abxd ab", ("abcd", "abyd"))  # needles that start where the text does, and differ later
@example("ديسمبر", ("ديسميبر", "ديسمبرة"))
@example(" a ", ("\n ", " \n", "\n", "\n\n", "a\n\n"))  # the frame's line feeds
@example("", ("\n\n", "\n\n\n", ""))
@example("ؠ،د/\u0a20\u0a0a", (" ،", "/ ", " \n", "\n "))  # characters that share a needle's low bytes only
@example("x \u060c", (" ،", "ؠ،", "x ", "\u060c\n"))
@example("\u0420a \u020c\u0a20\u060c", (" a", "\u0620\u060c", " ،", "a\u0420"))  # characters that share a needle's low ten bits only
@example("(ئة)ب", ("\u2028", "\u2029", "&", "\r", "\t", "\u0409"))  # one-character needles, and characters sharing their bits
@example("ئ&", ("&", "ئ", "x"))  # one character, at the text's last position and its first
@example("&\u07ffx", ("&", "x\u07ff"))  # whatever follows a one-character needle: here the table's last row
@example("&", ("&", "\n", ""))
@example("xab", ("ab\n", "xab", "xaz", "ab"))  # a third character: the text's last, another, the frame's line feed after it
@example("ينابر ديسمبر ينا", ("ينابر", "ديسميبر", "ينب"))  # a common first pair, the third character telling them apart
@example("", ("&", "\n"))
def test_compiled_needles_in_is_the_substring_tests(text: str, needles: list[str]) -> None:
    """``needles_in`` (the pipeline's needles; T101's first look for its listed misspellings) gives the bits
    of ``needle in text``, framed by line feeds or not, for a tuple met for the first time or
    again (its masks kept, and given up for newer tuples' from one example to the next);
    over 64 needles it refuses, and ``months._holds_misspelling`` asks 64 at a time."""
    from arclean._compiled import speedups

    assert speedups is not None
    kept = tuple(needles)
    if len(needles) > 64:
        with pytest.raises(ValueError):
            speedups.needles_in(text, kept, True)
    else:
        for some in (text, text[::-1], text):
            bits = sum(1 << k for k, needle in enumerate(needles) if needle in some)
            assert speedups.needles_in(some, kept, False) == bits
            assert speedups.needles_in(some, kept, True) == look_module.python_needles_in(some, kept)
    assert look_module.needles_in(text) == look_module.python_needles_in(text)
    assert months._holds_misspelling(text) is any(typo in text for typo in months._misspellings())
    for typo in MISSPELT.values():
        assert months._holds_misspelling(text + typo)



_LINE_LISTS = st.lists(st.sampled_from(["\n", "أ\n", "ب\n", "ج\n", "د", "أ"]), max_size=30)


@settings(max_examples=1000)
@given(_LINE_LISTS, _LINE_LISTS, st.data())
@example([], [], None)
@example(["أ\n", "\n", "ب\n", "\n", "ج\n"], ["أ\n", "\n", "ج\n"], None)
def test_line_opcodes_are_difflibs(old: list[str], other: list[str], data: st.DataObject | None) -> None:
    """``python_line_opcodes`` and the compiled core's ``line_opcodes`` (explain's line
    alignment) give difflib's opcodes, on lines with many repeats, for a list against
    another and against itself with lines dropped."""
    from arclean._compiled import speedups

    kept = [line for line in old if data is None or data.draw(st.booleans())]
    for new in (other, kept):
        expected = SequenceMatcher(None, old, new).get_opcodes()
        assert changes_module.python_line_opcodes(old, new) == expected
        if speedups is not None:
            assert speedups.line_opcodes(old, new) == expected
    if speedups is not None:
        assert speedups.LINE_OPCODES_MAX_B == changes_module.LINE_OPCODES_MAX
        with pytest.raises(ValueError):
            speedups.line_opcodes(old, ["\n"] * 200)


def _plain_line_changes(code: str, before: str, after: str, origin: list[int]) -> list[tuple[str, int, str, str]]:
    """explain's line diff the plain way: both texts split into lines with their line
    feeds, difflib's opcodes over them, a change for each line replaced one for one."""
    old, new = changes_module.split_lines(before), changes_module.split_lines(after)
    found = []
    if len(old) == len(new):
        return [(code, origin[i], line, new[i]) for i, line in enumerate(old) if line != new[i]]
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new).get_opcodes():
        if tag == "replace" and i2 - i1 == j2 - j1:
            found.extend((code, origin[i1 + k], old[i1 + k], new[j1 + k]) for k in range(i2 - i1))
        elif tag != "equal":
            line = origin[i1] if i1 < len(origin) else (origin[-1] if origin else 1)
            found.append((code, line, "".join(old[i1:i2]), "".join(new[j1:j2])))
    return found


_TEXT_LINES = st.lists(st.sampled_from(["", "أ", "ب", "ج", "أ ", "\r"]), max_size=14).map("\n".join)


@settings(max_examples=500)
@given(_TEXT_LINES, _TEXT_LINES)
@example("أ\nب", "أ\nب\n")
@example("أ\n", "أ")
@example("", "أ\n\n")
def test_explains_line_diff_is_the_plain_diff_of_the_lines(before: str, after: str) -> None:
    """``line_changes`` diffs lines by keys made without copying them (``_Lines``): the
    changes are those of the texts split into lines with their line feeds, diffed by difflib."""
    origin = list(range(1, len(changes_module.split_lines(before)) + 1))
    found, _mapped = changes_module.line_changes("X", before, after, origin)
    assert [(c.code, c.line, c.before, c.after) for c in found] == _plain_line_changes("X", before, after, origin)


#: Lines for page_changes: repeats, one-byte, two-byte and four-byte strs, and lines of one
#: length that differ only in the middle (the same hash: its ends and length).
_DIFF_LINES = ["", "a", "b", "أ", "ب", "أ ", "\r", "x" * 9 + "a" + "x" * 9, "x" * 9 + "b" + "x" * 9,
               "x" * 9 + "أ" + "x" * 9, "\U0001f600"]
_DIFF_TEXTS = st.lists(st.sampled_from(_DIFF_LINES), max_size=24).map("\n".join)


@compiled
@settings(max_examples=1500)
@given(_DIFF_TEXTS, _DIFF_TEXTS, st.data())
@example("a\nb", "a", None)  # two-byte text made one-byte: lines still compared by their characters
@example("x" * 9 + "a" + "x" * 9 + "\n" + "x" * 9 + "b" + "x" * 9, "x" * 9 + "b" + "x" * 9, None)
@example("", "a\n", None)
@example("a\n" * 3, "", None)
def test_compiled_page_changes_are_the_python_line_diff(before: str, after: str, data: st.DataObject | None) -> None:
    """``page_changes`` (explain's line diff of a page, in C) gives the pure-Python
    ``line_changes``' changes and origin of the lines after, for another text and for
    the text with lines dropped, its origin a range or a list of any line numbers."""
    lines = changes_module.split_lines(before)
    kept = "".join(line for line in lines if data is None or data.draw(st.booleans()))
    origins: list[Sequence[int]] = [range(1, len(lines) + 1)]
    if data is not None:  # a list, and the array the Python diff of a long text hands on
        origins.append(data.draw(st.lists(st.integers(1, 300), min_size=len(lines), max_size=len(lines))))
        origins.append(array("i", origins[-1]))
    for new in (after, kept, before.upper()):
        if new == before:
            continue
        for origin in origins:
            found, mapped = changes_module.line_changes("X", before, new, origin)
            with mock.patch.object(changes_module, "_page_changes", None):
                expected, expected_mapped = changes_module.line_changes("X", before, new, origin)
            assert found == expected
            assert list(mapped) == list(expected_mapped)


def test_a_page_of_200_lines_after_or_more_is_aligned_by_difflib() -> None:
    """A page whose lines after number ``LINE_OPCODES_MAX`` (200) or more, and not as many
    as before, is aligned by difflib itself (its autojunk drops popular lines from there),
    on either path; the compiled ``page_changes`` leaves it to the Python diff."""
    from arclean._compiled import speedups

    for count, lines_after in ((400, 343), (201, 200), (200, 199)):
        lines = [f"{k % 7}\n" for k in range(count)]
        # a line dropped at each 3, or a first line dropped above lines that all repeat
        before = "".join(lines) if lines_after == 343 else "x\n" + "".join(lines[:-1])
        after = before.replace("3\n", "") if lines_after == 343 else "".join(lines[:-1])
        found, mapped = changes_module.line_changes("X", before, after, range(1, count + 1))
        plain = _plain_line_changes("X", before, after, list(range(1, count + 1)))
        assert [(c.code, c.line, c.before, c.after) for c in found] == plain
        assert len(mapped) == lines_after
        if speedups is not None:
            answer = speedups.page_changes(before, after, range(1, count + 1))
            assert (answer is None) is (lines_after >= changes_module.LINE_OPCODES_MAX)
        old, new = changes_module.split_lines(before), changes_module.split_lines(after)
        # where the bound matters: from 200 lines on, difflib's autojunk aligns otherwise
        same = changes_module.python_line_opcodes(old, new) == SequenceMatcher(None, old, new).get_opcodes()
        assert same is (lines_after < changes_module.LINE_OPCODES_MAX)


def _broken(word: str, accident: str) -> str:
    """A word broken as the accident breaks it (E101, E102, E103)."""
    if accident == "utf8-as-cp1252":
        return word.encode("utf-8").decode("cp1252", errors="replace")
    if accident == "utf8-as-cp1256":
        return word.encode("utf-8").decode("cp1256", errors="replace")
    return word.encode("cp1256").decode("latin-1")


_BROKEN_WORDS = [_broken(word, accident) for word in WORDS[:12] for accident in mojibake._PAIRS]
#: Broken words with a joiner, a soft hyphen or a bidi mark after each lead byte.
_JOINED_WORDS = [re.sub("([ØÙطظ])", rf"\1{mark}", word) for word in _BROKEN_WORDS[:12] for mark in ("\u200c", "\u00ad", "\u200f")]
_MOJIBAKE_PIECES = st.sampled_from([*WORDS[:20], *_BROKEN_WORDS, *_JOINED_WORDS,
                                    "\u200c", "\u00ad", "\u200f", "\u00a0", "Ø", "ط", "Ç", "«", "،", "\n", " ", "x"])


@settings(max_examples=400)
@given(st.lists(_MOJIBAKE_PIECES, max_size=30).map("".join), st.sampled_from(sorted(mojibake._PAIRS)))
@example("Ø\u00adØ§ Ù„\nكلمة", "utf8-as-cp1252")
@example("ط\u200cس ظ„\n\nكلمة ط", "utf8-as-cp1256")
@example("كلمة\nط\u200f§ظ\u200f„", "utf8-as-cp1256")  # each pair with a bidi mark inside
def test_the_word_repair_goes_over_the_lines_with_a_pair_as_over_the_text(text: str, accident: str) -> None:
    """The mojibake rules' word repair, run only on the lines that hold a pair, is the repair
    of every unit of the text (``unit.sub`` over it all, again until nothing changes)."""
    shape_pattern, unit = mojibake._SHAPES[accident]

    def repair(match: re.Match[str]) -> str:
        word = match.group(0)
        return mojibake._search_word_repairs(word) if mojibake._has_shape(word, shape_pattern) else word

    plain = text
    for _ in range(3):
        repaired = unit.sub(repair, plain)
        if repaired == plain:
            break
        plain = repaired
    assert mojibake._repair_words(text, shape_pattern, unit, mojibake._PAIRS[accident]) == plain
    assert unit.search("\n") is None  # no unit holds a line feed


@given(st.text(alphabet="\u00a0\u00d8\u00d9\u0637\u0638\u00e2\u067e\u0081 \t\nabب§é\u200c\u200f\u00ad\u2060", max_size=24))
@example("Ø\u00a0x \u00a0ظ\u00a0 âپ\u00a0ب â\u0081\u00a0")
def test_the_mojibake_units_are_their_one_character_patterns(text: str) -> None:
    """E101's runs and E102/E103's words (``_LATIN_RUN``, ``_WORD``), whose outer repeat
    takes a run of characters a step, find what the patterns taking one character a step find."""
    word = re.compile(r"(?:[^\s]|(?<=[\u00d8\u00d9\u0637\u0638])\u00a0|(?<=\u00e2\u067e)\u00a0)+")
    run = re.compile(mojibake._LATIN_RUN.pattern.replace("\u200c\u200d]+|", "\u200c\u200d]|", 1))
    assert run.pattern != mojibake._LATIN_RUN.pattern
    for one_a_step, unit in ((word, mojibake._WORD), (run, mojibake._LATIN_RUN)):
        assert [m.span() for m in unit.finditer(text)] == [m.span() for m in one_a_step.finditer(text)]


_KEY_WORDS = st.lists(st.sampled_from(["a", "b", "ab", "بب", "ج", "😀", "x1"]), max_size=9)


@compiled
@settings(max_examples=1000)
@given(_KEY_WORDS, _KEY_WORDS, st.sampled_from(["", "و", "Empty"]))
@example(["a", "b"], [], "")
@example(["a", "b"], [], "c")
@example(["ab", "b"], [], "")  # halves of equal length in characters, not in words: "ab b" against "b ab"
def test_compiled_doubled_key_is_the_reference(half: list[str], other: list[str], middle: str) -> None:
    """``doubled_key`` (the first look for a line printed twice) is ``title._is_doubled_key``,
    on skeletons printed twice, nearly twice, and not."""
    from arclean._compiled import speedups

    assert speedups is not None and title_module.is_doubled_key is speedups.doubled_key
    for words in (half + [middle] + half, half + half, half + [middle] + other, half + other, half):
        key = " ".join(word for word in words if word)
        assert speedups.doubled_key(key) == title_module._is_doubled_key(key), key

_SEPARATORS = st.sampled_from([" ", " - ", "، ", "  ", ": ", " | ", "_", "ـ"])


@settings(max_examples=1000)
@given(_KEY_WORDS, _KEY_WORDS, st.sampled_from(["", "و", "Empty", "a"]), _SEPARATORS, _SEPARATORS, st.sampled_from(["", "«", "- "]))
@example(["a", "b"], [], "", " ", " ", "")
@example(["ab", "b"], ["a"], "", " ", " ", "")
def test_the_first_look_for_a_line_printed_twice_is_necessary(half: list[str], other: list[str], middle: str,
                                                              inside: str, between: str, lead: str) -> None:
    """``_first_word_comes_back`` (read on the folded line, before its skeleton is made)
    holds for every line whose skeleton is a text printed twice."""
    for words in (half + [middle] + half, half + half, half + [middle] + other, half + other, other + half + half):
        folded = lead + between.join(inside.join(word for word in words[k:k + 2] if word) for k in range(0, len(words), 2))
        if title_module.is_doubled_key(shape.skeleton_of_folded(folded)):
            assert title_module._first_word_comes_back(folded), folded


@pytest.mark.parametrize("cls", [Line, Page])
def test_the_page_models_own_init_takes_the_dataclass_fields(cls: type) -> None:
    """``Line`` and ``Page`` write their fields straight into the instance (faster than a frozen
    dataclass's ``__init__``): the same parameters, in order, with the same defaults (and a
    line's folded form, no field, None by default: folded when first asked)."""
    import dataclasses
    import inspect

    params = [p for p in list(inspect.signature(cls.__init__).parameters.values())[1:] if p.name != "folded"]
    fields = dataclasses.fields(cls)
    if cls is Line:
        assert inspect.signature(cls.__init__).parameters["folded"].default is None
        assert "folded" not in {f.name for f in fields} and Line("إقرأ", Kind.CONTENT).folded == "اقرا"
    assert [p.name for p in params] == [f.name for f in fields]
    for param, field in zip(params, fields, strict=True):
        default = field.default_factory() if field.default_factory is not dataclasses.MISSING else field.default
        if default is dataclasses.MISSING:
            assert param.default is inspect.Parameter.empty, field.name
        else:
            made = Line("x", Kind.CONTENT) if cls is Line else Page(())
            assert getattr(made, field.name) == default, field.name

def test_version_says_which_implementation_runs() -> None:
    import subprocess

    done = subprocess.run([sys.executable, "-c", "import sys; from arclean.cli import main; sys.exit(main(['--version']))"],
                          capture_output=True, text=True, check=True)
    assert done.stdout.strip() == f"arclean {arclean.__version__} ({arclean._compiled.implementation()})"


@pytest.mark.parametrize("expand", [False, True])
def test_the_first_look_of_the_presentation_forms_rule_is_its_table(expand: bool) -> None:
    """L101 looks for the forms it maps before its pass over the text: exactly its table's keys."""
    from arclean.normalizers import letters

    pattern, table = letters._mapped_form(expand), letters._presentation_table(expand)
    assert {point for point in range(0xFB00, 0xFF00) if pattern.match(chr(point))} == set(table)
    assert not any(pattern.match(chr(point)) for point in [*range(0xFB00), *range(0xFF00, 0x110000)])
    want = "صلى الله عليه وسلم ﹰ نص" if expand else "ﷺ ﹰ نص"
    assert letters.normalize_presentation_forms("ﷺ ﹰ نص", expand_ligatures=expand) == want


_PAGE_PIECES = st.lists(st.sampled_from(["\n", "\n\n", "\n\n\n", "\n\n\n\n\n", "اترك رد", "نص", " ", "\u064e", "0",
                                         " " * 120, "الوسوم: ", "اقرأ أيضا: ", "\u00a0" * 60, "كلمة " * 12,
                                         "مرحبا بكم في منتدى المعرفة", "عدد الرسائل : 16801", "الرئيسية » أخبار",
                                         "قال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين. " * 5, "x" * 201]),
                        max_size=16).map("".join)


@compiled
@settings(max_examples=500)
@given(_PAGE_PIECES, st.sampled_from([0, 1, 5, 200]))
@example("\u064e\n\n\nنص\n\n\u064e\n", 200)  # a line of a mark alone folds to nothing: the folded text has a run the text has not
@example("", 200)
@example("\n\n\n", 200)
@example("أ\n\n\n\nب\n\n", 200)  # a run of feeds inside, a text that ends with two
@example("\n", 200)
@example(" " * 300 + "12", 200)  # a bare number padded past the short lines
@example(" " * 150 + "قال " * 30, 200)  # few characters and many spaces, stripped
@example("الوسوم: " + "كلمة " * 40, 200)  # a line-start phrase
@example("كلمة " * 24 + "و" * 900, 200)  # 24 spaces, over 1000 characters
@example("كلمة " * 24 + "و" * 800, 200)  # 24 spaces, under 1000 characters: a short line's tests
@example("x" * 1000, 200)  # 1000 characters, no space: a short line's tests (one word: no prose)
@example("ي" + "\u064e" * 39 + "مكنك أن تنشر الآن وتسجل لاحقا " + "قراءة المزيد عن الموضوع " * 12, 200)  # its first
# 40 characters fold to one: the head folded further finds the line-start phrase, a comment form's
@example("\u00a0" + " " * 30 + "word" * 60, 200)  # the spaces a strip drops do not count
def test_compiled_classify_lines_is_the_reference(text: str, short_max: int) -> None:
    """``classify_lines`` (the loop of a short page's analysis) gives what ``python_classify_lines``
    gives: the same Lines in order, non-blank indexes, forum flag, each line's Line and the short
    lines kept across pages (cleared when full), each line folded as itself (a line that folds to nothing
    between blank lines too)."""
    from arclean._compiled import speedups

    assert speedups is not None and analysis._classify_lines is speedups.classify_lines
    matcher = analysis.phrase_matcher()
    args = (text, analysis._classify_short, analysis.classify, matcher, Kind.BLANK, Kind.FORUM, short_max)
    want_known: dict[str, Line] = {}
    want_lines, want_filled, want_forum, want_seen = analysis.python_classify_lines(*args, None, want_known, 4)
    want_folded = [line.folded for line in want_lines]
    assert want_folded == [shape.fold_text(line.text) for line in want_lines]
    assert "\n".join(line.text for line in want_lines) == text
    for prose in (None, analysis._prose_line(matcher)):  # long lines of prose classified in Python, or in C
        known: dict[str, Line] = {}
        lines, filled, forum, seen = speedups.classify_lines(*args, prose, known, 4)
        assert lines == want_lines and list(filled) == list(want_filled) and forum == want_forum
        assert list(seen.items()) == list(want_seen.items())
        assert list(known.items()) == list(want_known.items())  # the short lines kept, at most 4 of them
        assert [line.folded for line in lines] == want_folded
        # each Line's fields as Line() stores them, in its order (C stores them from a template)
        assert [list(vars(line).items()) for line in lines] == [list(vars(line).items()) for line in want_lines]
    assert all(lines[k] is lines[j] for k in range(len(lines)) for j in range(k) if lines[k].text == lines[j].text)


@compiled
@pytest.mark.parametrize("line", ["كلمة " * 25 + "و" * 100, " " + "كلمة " * 25 + "و" * 100 + "\u00a0", "و" * 1001, "قال الوزير " * 100])
def test_compiled_classify_lines_classifies_long_prose_itself(line: str) -> None:
    """A long line of prose (25 spaces, or over 1000 characters, stripped) that starts with no
    line-start phrase is classified in C, as ``classify`` would (which is not called)."""
    from arclean._compiled import speedups

    assert speedups is not None
    matcher = analysis.phrase_matcher()

    def must_not_run(text: str, folded: str, matcher: object) -> Line:
        raise AssertionError(text)

    lines, _, _, _ = speedups.classify_lines(line, must_not_run, must_not_run, matcher, Kind.BLANK, Kind.FORUM, 200,
                                             analysis._prose_line(matcher), {}, 8)
    assert "folded" not in lines[0].__dict__  # its head alone folded: the rest when a rule asks
    assert lines == (analysis.classify(line, shape.fold_text(line), matcher),) and lines[0].prose
    assert lines[0].folded == shape.fold_text(line) and lines[0].key == shape.skeleton_of_folded(lines[0].folded)
    # C takes a line of over _SHORT_LINE characters, stripped, for no bare number: none is that long.
    assert not analysis.BARE_NUMBER_LINE.fullmatch(DIGITS[0] * (analysis._SHORT_LINE + 1))


@compiled
def test_compiled_classify_lines_makes_a_short_line_once() -> None:
    """A short line met again, on another page, is the str made when it was first met (its hash
    made, no new str); one of a text of another width holds the same characters; a long line
    is made anew; and past the table's size (it is cleared) the lines are the text's still."""
    from arclean._compiled import speedups

    assert speedups is not None
    matcher = analysis.phrase_matcher()

    def lines_of(text: str, known: dict[str, Line]) -> tuple[Line, ...]:
        lines, _, _, _ = speedups.classify_lines(text, analysis._classify_short, analysis.classify, matcher, Kind.BLANK,
                                                 Kind.FORUM, 200, analysis._prose_line(matcher), known, 1 << 20)
        assert "\n".join(line.text for line in lines) == text
        return lines

    long_line = "قال الوزير إن الحكومة ستعلن خطة جديدة " * 8
    first = lines_of(f"اترك رد\n{long_line}\n0", {})
    again = lines_of(f"نص آخر\n\nاترك رد\n{long_line}\n0", {})  # another page, another memory of Lines
    assert again[2].text is first[0].text and again[4].text is first[2].text
    assert again[3].text == first[1].text and again[3].text is not first[1].text
    latin = lines_of("0\nword", {})  # "0" in a text of one byte a character
    assert latin[0].text == "0" and latin[0] == first[2]
    many = "\n".join(f"سطر {k}" for k in range(70_000))  # more short lines than the table keeps
    assert [line.text for line in lines_of(many, {})] == many.split("\n")
    assert [line.text for line in lines_of(many, {})] == many.split("\n")


@compiled
def test_compiled_classify_lines_passes_errors_on() -> None:
    from arclean._compiled import speedups

    assert speedups is not None

    def fails(line: str, folded: str, matcher: object) -> Line:
        raise ValueError(line)

    with pytest.raises(ValueError, match="نص"):
        speedups.classify_lines("نص", fails, fails, None, Kind.BLANK, Kind.FORUM, 200, None, {}, 8)
    def starts_fail(word: str) -> bool:
        raise ValueError(word)

    prose = (starts_fail, Line, Kind.CONTENT, 1000, 25, 40)
    with pytest.raises(ValueError, match="قال"):
        speedups.classify_lines("قال " * 60, fails, fails, None, Kind.BLANK, Kind.FORUM, 200, prose, {}, 8)
    with pytest.raises(TypeError):
        speedups.classify_lines("x", fails, fails, None, Kind.BLANK, Kind.FORUM, 200, (fails,), {}, 8)
    with pytest.raises(TypeError):
        speedups.classify_lines(b"x", fails, fails, None, Kind.BLANK, Kind.FORUM, 200, None, {}, 8)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        speedups.classify_lines("x", fails, fails, None, Kind.BLANK, Kind.FORUM)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        speedups.classify_lines("x", fails, fails, None, Kind.BLANK, Kind.FORUM, 200, None, [], 8)


@pytest.mark.parametrize("size", [100, 5000])  # split at once, and as it is read
def test_a_short_line_is_classified_once_across_pages(size: int) -> None:
    """A short line met on another page is the Line classified there (kept by its text
    for the page's matcher); a long one is classified again."""
    matcher = analysis.phrase_matcher()
    short, long = "تابعونا على فيسبوك", "قال الوزير إن الحكومة ستعلن خطة جديدة. " * 8
    filler = "\n".join(f"سطر رقم {k} من الصفحة" for k in range(size // 20))
    first, second = (analysis.analyze_alone(f"{short}\n{long}\n{filler}{k}") for k in range(2))
    assert first.lines[0] is second.lines[0] is analysis._short_lines(matcher)[short]
    assert first.lines[1] == second.lines[1] and first.lines[1] is not second.lines[1]
    assert long not in analysis._short_lines(matcher)


@compiled
@given(_pages())
@example("")
@example("\n\n\n\n")
def test_compiled_index_lines_is_the_reference(text: str) -> None:
    """``index_lines`` (Page.index and Page.filled in one pass) gives each kind's line indexes, in
    the order the kinds are met, and the non-blank indexes, as ``python_index_lines`` does."""
    from arclean._compiled import speedups
    from arclean.normalizers.residue import page as page_module

    assert speedups is not None
    for page in (analysis.analyze_alone(text), analysis.analyze(text)):
        index, filled = speedups.index_lines(page.lines, Kind.BLANK)
        want_index, want_filled = page_module.python_index_lines(page.lines)
        assert [(kind, list(lines)) for kind, lines in index.items()] == [(k, list(v)) for k, v in want_index.items()]
        assert list(filled) == list(want_filled)
        fresh = Page(page.lines)
        assert (dict(fresh.index), list(fresh.filled)) == (index, filled)


def test_a_page_of_many_lines_is_indexed_in_arrays() -> None:
    """Past ``_LIST_INDEX`` lines a page keeps its indexes in arrays of machine ints (4 bytes a line)."""
    from array import array

    from arclean.normalizers.residue import page as page_module

    half = page_module._LIST_INDEX // 2
    numbers = (Line("0", Kind.NUMBER),) * half
    big = Page(numbers + (Line("نص الخبر.", Kind.CONTENT, prose=True),) + numbers)
    assert isinstance(big.index[Kind.NUMBER], array) and isinstance(big.filled, array)
    edges = big.at_edges(big.index[Kind.NUMBER])
    assert isinstance(edges, array) and list(edges) == [*range(half), *range(half + 1, 2 * half + 1)]
    small = Page(big.lines[half - 3:half + 4])
    assert list(small.at_edges(small.index[Kind.NUMBER])) == [0, 1, 2, 4, 5, 6]


def test_a_chrome_line_has_a_chrome_kind() -> None:
    """``context._judge_by_neighbours`` skips a page none of whose kinds is in ``_CHROME_KINDS``:
    every line ``_is_chrome`` says yes to has one of them."""
    for kind in Kind:
        for guard in (None, *Guard):
            if context._is_chrome(Line("x", kind, guard=guard)):
                assert kind in context._CHROME_KINDS, kind


@given(st.one_of(_pages(), _pages_with_copies()))
def test_judging_by_neighbours_skips_only_pages_it_leaves(text: str) -> None:
    """The neighbours' judgement, with its first look at the page's kinds, is the full one."""
    for page in (analysis.analyze_alone(text), analysis.analyze(text)):
        for judged in (page, context._judge_tail_words(page)):
            with mock.patch.object(context, "_CHROME_KINDS", frozenset(Kind)):
                full = context._judge_by_neighbours(judged)
            assert context._judge_by_neighbours(judged) == full


_REPEAT_TEXTS = st.sampled_from(["", " ", "\u00a0نص", "نص الخبر", "نص  الخبر", " نص الخبر", "نص الخبر " * 3, "x" * 40,
                                 "x" * 12, "ن", "\tنص", "نص الخبر" * 5, "كلمة " * 9, " كلمة " * 9,
                                 # the same words, white space aside, and nearly the same (without skeletons, the texts are compared)
                                 "نص\u00a0الخبر", "نص الخبر\t", "نص\u2003 \nالخبر", "نصالخبر", "نص الخبرx", "نص الخبر ",
                                 "نص الخب", "\u200bنص الخبر", "  ",
                                 # the same words, quotation marks aside (the quote rules reshape them after B102)
                                 "«نص» الخبر", "“نص“ الخبر", "نص \" الخبر", "'نص' الخبر'", "نص\u201aالخبر", "«» نص الخبر", "«"])


@compiled
@settings(max_examples=500)
@given(st.lists(st.tuples(_REPEAT_TEXTS, st.booleans()), max_size=8), st.sampled_from([0, 16]))
@example([("x" * 12, False), ("x" * 40, False)], 16)  # 2 * 12 + 16 = 40: close
@example([("x" * 12, False), ("x" * 41, False)], 16)
@example([("", False), ("", False)], 16)
@example([("", False), ("\x00", False)], 16)  # an empty text starts with no character, not with NUL
@example([("نص الخبر", True), ("نص  الخبر", True)], 16)
@example([("إعادة الخبر", True), ("إ‘عادة الخبر", True)], 16)  # skeletons that differ by a mark inside a word
def test_compiled_first_repeat_is_the_reference(texts: list[tuple[str, bool]], slack: int) -> None:
    """``first_repeat`` (B102's first look) finds the pair ``python_first_repeat`` finds: lengths, first
    characters (white space, empty texts), skeletons compared only where both lines made theirs."""
    from arclean._compiled import speedups

    assert speedups is not None
    lines = []
    for text, with_key in texts:
        line = Line(text, Kind.CONTENT, shape.fold_text(text))
        if with_key:
            line.key  # noqa: B018 (made, as a rule that read it would have)
        lines.append(line)
    for filled in (list(range(len(lines))), list(range(0, len(lines), 2))):
        assert speedups.first_repeat(tuple(lines), filled, slack) == repeats.python_first_repeat(tuple(lines), filled, slack)


_SHORT_HEADS = st.sampled_from(["ما معنى الموسوعة", "الدفع والشحن", "بقلم أحمد علي", "0", "الرئيسية", "اترك رد",
                                 "«ما معنى الموسوعة»", "ما  معنى الموسوعة", "مكونات الهاتف الذكي الجديد اليوم"])


@settings(max_examples=300)
@given(st.lists(st.tuples(st.one_of(_SHORT_HEADS, paragraph()), st.integers(0, 2)), min_size=1, max_size=7))
@example([("ما معنى الموسوعة", 1), ("ما معنى الموسوعة", 1), ("بدأ التدوين منذ فجر التاريخ، فقد دون الفلاسفة والحكماء "
          "أفكارهم ومعارفهم في الكتب.", 0)])
def test_the_copy_look_never_misses_a_short_titles_copy(lines: list[tuple[str, int]]) -> None:
    """Where B101 finds a short title's copy, the copy look (``has_no_copies``, and with it the quiet
    look) says a line may be a copy; the compiled ``no_copies`` answers as ``python_no_copies``."""
    text = "".join(line + "\n" * (1 + blanks) for line, blanks in lines)
    page = analysis.analyze_alone(text)
    copy = duplicates.short_title_copy(page)
    if copy is not None:
        assert not title_module.python_no_copies(*_no_copies_arguments(page))
        assert duplicates.drop_repeated_title(page).lines != page.lines
    if arclean._compiled.COMPILED:
        args = _no_copies_arguments(page)
        assert arclean._compiled.speedups.no_copies(*args) == title_module.python_no_copies(*args)  # type: ignore[union-attr]


@compiled
@pytest.mark.parametrize("mark", list(QUOTATION_MARKS))
def test_compiled_first_repeat_knows_every_quotation_mark(mark: str) -> None:
    """The compiled core's quotation marks (hard-coded in C) are ``chars.QUOTATION_MARKS``: a
    paragraph that differs from the one before only by the mark, inside a word, before one or
    first, may repeat it, whether or not the two lines have made their skeletons (a mark
    inside a word splits it in the skeleton, and B102 compares the texts without the marks)."""
    from arclean._compiled import speedups

    assert speedups is not None
    for marked in (f"نص {mark}الخبر{mark} اليوم", f"{mark}نص الخبر اليوم", f"نص ال{mark}خبر اليوم"):
        for with_keys in (False, True):
            lines = (Line("نص الخبر اليوم", Kind.CONTENT, "نص الخبر اليوم"), Line(marked, Kind.CONTENT, shape.fold_text(marked)))
            if with_keys:
                lines[0].key, lines[1].key  # noqa: B018 (made, as a rule that read them would have)
            assert speedups.first_repeat(lines, [0, 1], 16) == repeats.python_first_repeat(lines, [0, 1], 16) == 1, (marked, with_keys)


@compiled
@settings(max_examples=500)
@given(st.text(alphabet=st.sampled_from("بتث ج_-.،\u064e\u0640x1٣\u00a0\u200c\n"), max_size=24))
@example("")
@example("_ب_ب")  # no word character in an underscore: the first word is the first ب
@example("\u064eب\u064e بب")  # a mark is no word character: ب comes back inside بب
def test_compiled_first_word_comes_back_is_the_reference(folded: str) -> None:
    """``first_word_comes_back`` (the copy look's test before a skeleton is made) answers as the
    pure-Python function: the first run of word characters, as a skeleton takes them, found again."""
    from arclean._compiled import speedups

    assert speedups is not None
    assert speedups.first_word_comes_back(folded) == title_module.python_first_word_comes_back(folded)
    with pytest.raises(TypeError):
        speedups.first_word_comes_back(b"x")  # type: ignore[arg-type]


@compiled
@pytest.mark.parametrize("odd", ["ب", "\u0640", "\u064e", "ß", "\u08a1", "أ", "ز"])
def test_first_word_comes_back_at_every_offset(odd: str) -> None:
    """Between matches the read passes by four characters at a time while none of them may
    start a match, be dropped or case-fold, then one by one: the word, or a character that
    stops the four (its first letter, a mark, ß, a letter past the fold's table), is met
    wherever it stands in the block of four and past the last whole one."""
    from arclean._compiled import speedups

    assert speedups is not None
    for length in range(12):
        for at in range(length + 1):
            for tail in ("", " بز", "ب"):
                text = "بز " + "ج" * at + odd + "ج" * (length - at) + tail
                want = title_module.python_first_word_comes_back(shape.fold_text(text))
                assert speedups.first_word_comes_back_unfolded(text) == want, text


@compiled
@settings(max_examples=1000)
@given(st.one_of(
    st.text(alphabet=st.sampled_from("بتثاأإآ ج_-.،\u064e\u0651\u0640xXßİﬁ1٣\u00a0\u200c\nΣς"), max_size=40),
    st.lists(st.sampled_from(["عنوان", "عُنوان", "عنـوان", "أحمد", "احمد", "Straße", "STRASSE", "ab", "a" * 70]), max_size=6)
    .map(" ".join)))
@example("a" * 64 + " " + "a" * 64)  # the longest first word read as it folds
@example("a" * 65 + " " + "a" * 65)  # one longer: the folded text is asked
@example("ßa ssa")  # a character that case-folds to two: the folded text is asked
@example("أحمد قال احمد")  # the first word comes back as it folds, not as it is written
@example("ب بب")
@example("aab aaab")  # found past a partial match that overlaps it
@example("abab ababab")
@example("aabaaaa aabaaabaaaa")  # found by a border of a border of the word
@example("ss aß")  # a character that case-folds to two after the word, between matches: the folded text is asked
@example("\u08a1\u08a1 ب \u08a1\u08a1")  # letters past the fold's table (Arabic Extended-A), between matches
def test_first_word_comes_back_read_as_the_text_folds(text: str) -> None:
    """The copy look's test of a line not folded yet (a paragraph of prose) reads it as it
    would fold, one character at a time: the answer the folded line gives."""
    from arclean._compiled import speedups

    assert speedups is not None
    folded = shape.fold_text(text)
    assert speedups.first_word_comes_back_unfolded(text) == title_module.python_first_word_comes_back(folded)
    with pytest.raises(TypeError):
        speedups.first_word_comes_back_unfolded(b"x")  # type: ignore[arg-type]


@compiled
def test_the_compiled_first_looks_refuse_an_index_out_of_the_page() -> None:
    from arclean._compiled import speedups

    assert speedups is not None
    lines = (Line("نص الخبر", Kind.CONTENT),)
    with pytest.raises(IndexError):
        speedups.first_repeat(lines, [0, 3], 16)
    with pytest.raises(IndexError):
        speedups.no_copies(lines, [-1], *_no_copies_arguments(Page(lines))[2:])
    with pytest.raises(TypeError):
        speedups.first_repeat(lines, ["0"], 16)


def test_a_rule_of_ones_own_is_gated_by_its_own_class() -> None:
    """A rule outside the bundled table with a gate class of its own gets a bit of its own when
    its step is bound, and its pipeline opens it exactly on the texts that hold the class."""
    from arclean.registry import Rule

    def dollars(text: str) -> str:
        return text.replace("¤", "$")

    before = look_module._gates
    rule = Rule("X901", dollars, False, gate=lambda: re.compile("¤"))
    pipe = arclean.Pipeline([rule, "W103"])
    assert pipe.steps[0].gate and not pipe.steps[0].gate & sum(1 << k for k in range(len(before.classes)))
    assert look_module._gates is not before and before.classes == look_module._gates.classes[:-1]
    assert pipe.clean("a ¤  b") == pipe.explain("a ¤  b").text == "a $ b"
    assert pipe.clean("a  b") == "a b"


def test_a_pipelines_own_phrases_are_not_hashed_on_every_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    """The matcher of a configuration's phrases is found by the tuple's identity: a learned
    file's hundreds of phrases are not hashed again for every page (they were, in the lru
    lookup by value, 40 % of a warm pass with 300 phrases)."""
    from arclean.datafiles import Phrase
    from arclean.normalizers.residue import lines

    extra = tuple(Phrase(f"سطر رقم {i} من الموقع", "chrome", False, "learned") for i in range(50))
    matcher = lines.phrase_matcher(extra)
    hashed: list[Phrase] = []
    original = Phrase.__hash__
    monkeypatch.setattr(Phrase, "__hash__", lambda phrase: hashed.append(phrase) or original(phrase))
    for _ in range(5):
        page = analysis.analyze("نص الخبر\nسطر رقم 3 من الموقع", extra)
        assert page.lines[1].kind is Kind.CHROME
    assert not hashed and lines.phrase_matcher(extra) is matcher
    assert lines.phrase_matcher(tuple(extra)) is matcher  # the same tuple
    assert lines.phrase_matcher(tuple(list(extra))) is matcher and hashed  # an equal one: found by value, hashed
    lines.clear_matchers()
    assert lines.phrase_matcher(extra) is not matcher  # made anew after the phrases may have changed
    for count in range(lines.MATCHERS_KEPT + 3):  # as many tuples: each kept with its matcher, to a bound
        lines.phrase_matcher(tuple(list(extra[:count % len(extra) + 1])))
    assert 0 < len(lines._MATCHERS) <= lines.MATCHERS_KEPT


_PURE_RUN = """
import json, os, sys
assert os.environ.get("ARCLEAN_PURE_PYTHON")
import arclean, arclean._compiled
from arclean.datafiles import Phrase
assert not arclean._compiled.COMPILED
documents, phrases = json.load(sys.stdin)
learned = arclean.Pipeline(config=arclean.Config(boilerplate=tuple(Phrase(*phrase) for phrase in phrases)))
plain = arclean.Pipeline()
json.dump([[plain.clean(text), learned.clean(text), learned.explain(text).text] for text in documents], sys.stdout)
"""


@compiled
def test_the_compiled_core_and_pure_python_clean_real_pages_alike() -> None:
    """End to end: the same pages cleaned in this process (compiled core) and in a fresh one
    with ``ARCLEAN_PURE_PYTHON=1`` give the same texts, with the default pipeline and with a
    learned file's phrases (a third of them line-start phrases)."""
    import json
    import os
    import random
    import subprocess

    from arclean.datafiles import Phrase

    documents = _real_pages(200_000, seed=17)
    r = random.Random(17)
    candidates = sorted({line.strip() for text in documents for line in text.split("\n") if 2 <= len(line.split()) <= 6})
    phrases = [(text, r.choice(["chrome", "related", "share"]), i % 3 == 0, "learned")
               for i, text in enumerate(r.sample(candidates, min(100, len(candidates))))]
    env = {**os.environ, "ARCLEAN_PURE_PYTHON": "1"}
    done = subprocess.run([sys.executable, "-c", _PURE_RUN], input=json.dumps([documents, phrases]), env=env,
                          capture_output=True, text=True, check=True, timeout=600)
    pure = json.loads(done.stdout)
    learned = arclean.Pipeline(config=arclean.Config(boilerplate=tuple(Phrase(*phrase) for phrase in phrases)))
    plain = arclean.Pipeline()
    assert len(pure) == len(documents) > 100
    for text, want in zip(documents, pure, strict=True):
        assert [plain.clean(text), learned.clean(text), learned.explain(text).text] == want, text
    assert sum(want[0] != text for text, want in zip(documents, pure, strict=True)) > len(documents) // 4


def test_a_title_remembers_its_near_duplicates_by_skeleton_and_within_a_bound() -> None:
    """``is_near_duplicate`` remembers each answer on the title's line, by the other line's
    skeleton (past the lengths, the answer is the skeletons'): asked again, of lines whose texts
    differ but not their skeletons, and of more lines than it keeps, it answers as the reference."""
    title = analysis.analyze("«الانتقالي الجنوبي» يعقد أولى جلساته بعد يوم من عودة أعضائه إلى عدن").lines[0]
    variants = ["«الانتقالي الجنوبي» يعقد أولى جلساته بعد يوم من عودة أعضائه إلى عدن",
                "الانتقالي الجنوبي يعقد أولى جلساته بعد يوم من عودة أعضائه إلى عدن !!!",  # the same skeleton
                "«الانتقالي الجنوبي» يُعد أولى جلساته بعد يوم من عودة اعضاءه إلى عدن",
                "«الانتقالي الجنوبي» يعقد أولى جلساته في عدن لبحث خطط المجلس المالية والإعلامية",
                "عدن",  # too short: the lengths answer, before the memory
                *(f"«الانتقالي الجنوبي» يعقد أولى جلساته بعد يوم {number} من عودة أعضائه" for number in range(40))]
    lines = [line for text in variants for line in analysis.analyze(text).lines]
    for _ in range(2):
        for line in lines:
            assert title_module.is_near_duplicate(title, line) == _reference_near_duplicate(title, line), line.text
    assert [title_module.is_near_duplicate(title, line) for line in lines[:4]] == [True, True, True, False]
    assert 0 < len(title.__dict__[title_module._NEAR_MEMO]) <= title_module._NEAR_KEPT


def _drain(steps: Generator[tuple[pipeline_module.Step, str, Page | None], None, tuple[str, object]]
           ) -> tuple[list[tuple[str, str]], str]:
    """A trace's (code, text after) pairs, and the text it returns."""
    pairs = []
    while True:
        try:
            step, after, _ = next(steps)
        except StopIteration as stop:
            return pairs, stop.value[0]
        pairs.append((step.code, after))


@pytest.mark.parametrize("select", [(), ("ALL",)])
def test_explain_plans_its_character_trace_as_clean_plans_its_run(select: tuple[str, ...]) -> None:
    """``explain``'s trace of a run of character rules runs only the steps the text's look opens
    (as ``clean`` does) and yields what the trace of every step yields, kept to the steps that
    changed the text or have suggestions (T201's, with every rule selected)."""
    pipe = arclean.Pipeline(config=arclean.Config(extend_select=select))
    plans = [block for block in pipe._blocks if isinstance(block, look_module.Plan)]
    assert any(isinstance(plan, pipeline_module._StepPlan) and plan.suggesting for plan in plans) == bool(select)
    texts = [*_real_pages(60_000, seed=3), "نص  فيه ديسميبر 2018 و“اقتباس“", "", "\u00a0\n\n\n0"]
    for text in texts:
        for plan in plans:
            full, full_text = _drain(pipeline_module._trace_characters(plan, text, None, every=True))
            previous, want = text, []
            for code, after in full:
                if after is not previous or _step_of(pipe, code).suggest is not None:
                    want.append((code, after))
                previous = after
            planned, planned_text = _drain(pipeline_module._trace_characters(plan, text, None, every=False))
            assert planned == want and planned_text == full_text, text
        assert pipe.explain(text).text == pipe.clean(text)


def _step_of(pipe: arclean.Pipeline, code: str) -> pipeline_module.Step:
    return next(step for step in pipe.steps if step.code == code)


@compiled
@settings(max_examples=500)
@given(st.text(alphabet=st.sampled_from("،؛؟بيxـ \n\u0c0c\u061b\u070c😀"), max_size=24),
       st.text(alphabet=st.sampled_from("،؛؟بx\n\u0c0c😀"), max_size=3),
       st.sampled_from([punctuation._LETTER_CHARS, "ب", "x😀", "\u0c0c", ""]))
@example("قال،ثم", "،؛؟", punctuation._LETTER_CHARS)
@example("قال، ثم مضى؟", "،؛؟", punctuation._LETTER_CHARS)  # each mark met, none before a letter
@example("a،", "،", "،")  # a mark last: nothing after it
@example("،😀", "،", "x😀")  # a follower past U+0800
def test_compiled_followed_by_is_the_reference(text: str, marks: str, followers: str) -> None:
    """``followed_by`` (P102's first look: a mark right before a letter) answers what a
    comparison of each pair of neighbours answers, followers past U+0800 and the kept
    followers' bitmap (a second str after the first) included; P102's search answers as
    the pure-Python one."""
    from arclean._compiled import speedups

    assert speedups is not None
    pairs = any(a in marks and b in followers for a, b in zip(text, text[1:], strict=False))
    assert speedups.followed_by(text, marks, followers) is pairs
    assert speedups.followed_by(text, marks, followers + "x") is (pairs or any(
        a in marks and b == "x" for a, b in zip(text, text[1:], strict=False)))
    assert punctuation._mark_before_letter(text) is punctuation.python_mark_before_letter(text)
    with pytest.raises(TypeError):
        speedups.followed_by(text, marks)  # type: ignore[call-arg]


def test_the_default_call_makes_and_hashes_no_configuration() -> None:
    """``arclean.clean(text)``, the common call, finds its pipeline without making, merging
    or hashing a ``Config`` (a frozen dataclass's hash runs in Python, over every field)."""
    want = arclean.clean("نص  نص")
    assert want.startswith("نص نص")
    with mock.patch.object(arclean.Config, "__hash__", side_effect=AssertionError("a Config was hashed")), \
            mock.patch.object(arclean.Config, "merge", side_effect=AssertionError("a Config was merged")):
        assert arclean.clean("نص  نص") == arclean.explain("نص  نص").text == want


@pytest.mark.parametrize("expand", [False, True])
def test_presentation_forms_are_looked_for_among_the_rare_characters(expand: bool) -> None:
    """L101 looks for the forms it maps among a text's rare characters (the compiled core's
    ``first_look``): every form it maps is one of them, alone and in a text."""
    forms = "".join(map(chr, letters._presentation_table(expand)))
    assert letters._form_candidates(forms) == forms
    if arclean._compiled.COMPILED:  # in pure Python, the text itself
        assert letters._form_candidates(f"قال ﷺ abc {forms[:40]}") == f"ﷺ{forms[:40]}"
    for text in ("ﺍﻟﺴﻼﻡ عليكم", "نص ﷺ", "نص بلا أشكال"):
        assert letters.normalize_presentation_forms(text, expand_ligatures=expand) == text.translate(
            letters._presentation_table(expand))
