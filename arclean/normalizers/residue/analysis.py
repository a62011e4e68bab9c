"""Analyse a text into a :class:`~arclean.normalizers.residue.page.Page`: one explicit step.

First each line is judged alone (:mod:`arclean.normalizers.residue.lines`: phrases, counters,
copyright, chrome words, content labels, breadcrumbs); then in its context
(:mod:`arclean.normalizers.residue.context`: content guards, region and neighbours).

The pipeline analyses once for a run of line rules and passes the page from
rule to rule; nothing is cached between calls.
"""

from __future__ import annotations

import re
from array import array
from functools import lru_cache
from typing import Callable, Iterator, Sequence

from ..._compiled import speedups
from ...datafiles import Phrase
from ...text.chars import BARE_NUMBER_LINE
from ...text.clitics import listed_prefixes, pronoun_suffixes
from ...text.folding import PROSE_WORDS, SENTENCE_WORDS, ends_sentence_or_clause, fold_text, is_prose, skeleton_of_folded
from .cards import JOINED_LABELS, may_open_a_card
from .context import MAX_TAIL_CHROME_WORDS, judge_in_context
from .lines import (
    CLOSE_BUTTON,
    CLOSE_BUTTONS,
    LIST_MARKS,
    MATCHERS_KEPT,
    MAX_COUNTER_SPACES,
    MAX_COUNTER_WORDS,
    MAX_SHARE_SPACES,
    MAX_WIDGET_WORDS,
    MIN_STEM,
    NUMBERED_ITEM,
    PAGE_NOUNS,
    SCRIPT_END,
    START_CHARS,
    TEMPLATE_TOKEN,
    TRAIL_MARKS,
    TREE_MARKS,
    PhraseMatcher,
    breadcrumb_homes,
    chrome_counts,
    chrome_share,
    chrome_words,
    content_labels,
    copyright_words,
    function_words,
    is_breadcrumb,
    is_copyright,
    is_counter,
    is_long_post_byline,
    is_script_end,
    is_template_token,
    month_names,
    names_a_path_or_heading,
    numbered_labels,
    phrase_matcher,
    starts_with_content_label,
)
from .page import BLANK, BREADCRUMB, CHROME, CONTENT, COUNTER, FOOTER, FORUM, LABEL, LIST_ITEM, NUMBER, RELATED, SEPARATOR, Kind, Line, Page

#: Residue lines are short.  A line of more tokens than this can only *start*
#: with a phrase (a tags line, an inline read-also block), and reads as prose.
_LONG_LINE_TOKENS = 25
#: Nor is a line of more characters than this (a run of one mark, a line with no spaces).
_LONG_LINE_CHARS = 1000
#: Each kind by its value, a phrase file's ``# kind:`` (``Kind(value)`` goes through the enum's metaclass).
_KIND_OF: dict[str, Kind] = {kind.value: kind for kind in Kind}
#: Three line feeds or more: a run of two blank lines or more.
_BLANK_RUN = re.compile("(\n\n\n+)")
#: A text of at most this many characters is split into its lines at once; a longer one, line by line.
SPLIT_AT_ONCE = 1 << 12
#: Lines of at most this many characters are classified once across pages.
_SHORT_LINE = 200
#: Short lines' Lines kept across pages, for each phrase matcher, at most (any beyond clear the memory).
_SHORT_LINES_KEPT = 1 << 15
#: A chrome line by its words: at most this many words.
_MAX_CHROME_WORDS = 8


def analyze(text: str, extra: tuple[Phrase, ...] = ()) -> Page:
    """Split a text into lines, classify each, then judge them in context.

    >>> page = analyze("وجاء ترتيب الفرق بعد الجولة العاشرة من الدوري كما يلي في الجدول.\\nالأهلي\\n30\\nالزمالك\\n28")
    >>> [line.guard.name if line.guard else None for line in page.lines]
    [None, None, 'TABLE', None, 'TABLE']
    >>> analyze("نص الخبر كما ورد في الصحيفة صباح اليوم عن الحكومة ووزرائها.\\nروابط المقال :").lines[1].kind
    <Kind.CHROME: 'chrome'>
    """
    return judge_in_context(analyze_alone(text, extra))


def analyze_alone(text: str, extra: tuple[Phrase, ...] = ()) -> Page:
    """The first half of :func:`analyze`: the text's lines, each classified
    alone (out of context), not yet judged in context.

    >>> [line.kind.name for line in analyze_alone("اترك رد\\n\\nنص").lines]
    ['COMMENT', 'BLANK', 'CONTENT']
    """
    matcher = phrase_matcher(extra)
    if len(text) <= SPLIT_AT_ONCE:
        # Split at once: the lines in one loop, which also finds the page's non-blank
        # lines (Page.filled) and its forum lines.
        lines, filled, forum, met = _classify_lines(text, *classify_arguments(matcher))
        return page_of(lines, filled, forum, met, extra)
    seen: dict[str, Line] = {}  # a line repeated in a page is classified once, and stored once
    known = _short_lines(matcher)

    def classified(line: str) -> Line:
        found = seen.get(line)
        if found is None:
            found = seen[line] = (classify(line, fold_text(line), matcher) if len(line) > _SHORT_LINE else
                                  known_line(line, _classify_short, matcher, known, _SHORT_LINES_KEPT))
        return found

    lines = tuple(map(classified, page_lines(text)))
    forum = any(line.kind is FORUM for line in seen.values())
    return Page(lines, extra, forum=forum, alone=seen)


def page_of(lines: tuple[Line, ...], filled: Sequence[int], forum: bool, seen: dict[str, Line],
            extra: tuple[Phrase, ...]) -> Page:
    """The page of a short text's lines as :func:`python_classify_lines` gives them (the
    lines, the non-blank ones, whether one is a forum line, each line's Line)."""
    page = Page(lines, extra, forum, seen)
    page.__dict__["filled"] = filled  # Page.filled, found on the way
    return page


@lru_cache(maxsize=MATCHERS_KEPT)
def classify_arguments(matcher: PhraseMatcher) -> ClassifyArguments:
    """What :func:`python_classify_lines` (or the compiled core's) takes after the text,
    for a text analysed with this matcher."""
    return (_classify_short, classify, matcher, BLANK, FORUM, _SHORT_LINE, _prose_line(matcher), _short_lines(matcher),
            _SHORT_LINES_KEPT)


def python_classify_lines(text: str, classify_short: Classifier, classify_long: Classifier, matcher: PhraseMatcher,
                          blank: Kind, forum_kind: Kind, short_max: int, prose: ProseLine | None, known: dict[str, Line],
                          kept: int) -> tuple[tuple[Line, ...], Sequence[int], bool, dict[str, Line]]:
    """:func:`analyze_alone`'s loop for a text split at once: the text's lines, as :func:`page_lines`
    splits them, each classified the first time the page meets it: a line of at
    most ``short_max`` characters found in ``known`` (short lines repeat across
    the pages of a corpus), or folded, classified by ``classify_short`` and kept
    there (``known`` cleared first when it holds ``kept`` lines); a longer one
    folded and classified by ``classify_long``.  The lines, the indexes of the
    non-blank ones, whether a line of ``forum_kind`` was met, and each line's Line.
    A line is folded only to be classified (a known line is not folded again, nor
    a whole text whose lines are mostly known).  The reference of the compiled
    core's ``classify_lines``, which with ``prose`` (:func:`_prose_line`)
    classifies a long line of prose itself, as ``classify_long`` would, from its
    head folded alone, and makes it without its folded form (:attr:`Line.folded`
    folds it when first asked); here ``classify_long`` always does.

    >>> lines, filled, forum, seen = python_classify_lines("اترك رد\\n\\n\\n\\nنص", _classify_short, classify,
    ...                                                    phrase_matcher(), Kind.BLANK, Kind.FORUM, 200, None, {}, 8)
    >>> [line.kind.name for line in lines], list(filled), forum, list(seen)
    (['COMMENT', 'BLANK', 'CONTENT'], [0, 2], False, ['اترك رد', '\\n\\n', 'نص'])
    """
    seen: dict[str, Line] = {}
    lines: list[Line] = []
    filled = array("i")
    forum = False
    for line in text.split("\n") if "\n\n\n" not in text else page_lines(text):  # no blank run: every line feed ends a line
        found = seen.get(line)
        if found is None:  # as known_line finds a short line, inline: a call a line costs the pure-Python path 1 %
            if len(line) > short_max:
                found = classify_long(line, fold_text(line), matcher)
            elif (found := known.get(line)) is None:
                if len(known) >= kept:
                    known.clear()
                found = known[line] = classify_short(line, fold_text(line), matcher)
            seen[line] = found
            forum = forum or found.kind is forum_kind
        if found.kind is not blank:
            filled.append(len(lines))
        lines.append(found)
    return tuple(lines), filled, forum, seen


def known_line(line: str, classify_short: Classifier, matcher: PhraseMatcher, known: dict[str, Line], kept: int) -> Line:
    """A short line's Line: the one ``known`` holds (classified on another page),
    or the line folded, classified and kept there (``known`` cleared first when
    it holds ``kept`` lines).

    >>> known: dict[str, Line] = {}
    >>> line = known_line("اترك رد", _classify_short, phrase_matcher(), known, 8)
    >>> line.kind.name, known_line("اترك رد", _classify_short, phrase_matcher(), known, 8) is line
    ('COMMENT', True)
    """
    found = known.get(line)
    if found is None:
        if len(known) >= kept:
            known.clear()
        found = known[line] = classify_short(line, fold_text(line), matcher)
    return found


#: A line's classifier: (the line, its folded form, the phrase matcher) -> its Line.
Classifier = Callable[[str, str, PhraseMatcher], Line]
#: What the compiled core needs to classify a long line of prose as :func:`classify` does: the
#: matcher's ``could_start``, the Line class, the content kind and :func:`classify`'s bounds.
ProseLine = tuple[Callable[[str], bool], type[Line], Kind, int, int, int]
#: What :func:`python_classify_lines` takes after the text (:func:`classify_arguments`).
ClassifyArguments = tuple[Classifier, Classifier, PhraseMatcher, Kind, Kind, int, "ProseLine | None", dict[str, Line], int]


@lru_cache(maxsize=MATCHERS_KEPT)
def _prose_line(matcher: PhraseMatcher) -> ProseLine:
    # Without a base, could_start is a lookup in the matcher's prefixes: asked of the dict itself, no Python frame.
    could_start = matcher.prefixes.__contains__ if matcher.base is None else matcher.could_start
    return could_start, Line, CONTENT, _LONG_LINE_CHARS, _LONG_LINE_TOKENS, START_CHARS


_classify_lines = python_classify_lines if speedups is None else speedups.classify_lines


@lru_cache(maxsize=MATCHERS_KEPT)
def _short_lines(matcher: PhraseMatcher) -> dict[str, Line]:
    """The short lines classified under a matcher, each line's Line by its text:
    short lines (titles, bylines, site chrome) repeat across the pages of a corpus,
    and are classified once (long lines never repeat, and would only fill the
    memory).  A line's folded form is its text's, so its text is key enough."""
    return {}


def _classify_short(text: str, folded: str, matcher: PhraseMatcher) -> Line:
    """A short line classified (:func:`_short_lines` keeps it): with the compiled
    core, a line no phrase, counter or other special test may take is classified
    in C (``short_line``), as :func:`classify` would."""
    how = _short_how(matcher)
    if how is not None and speedups is not None:
        line: Line | None = speedups.short_line(text, folded, how)
        if line is not None:
            return line
    return classify(text, folded, matcher)


#: What the compiled core's ``short_line`` reads to classify a short line as :func:`classify` does.
ShortHow = tuple[object, ...]


@lru_cache(maxsize=MATCHERS_KEPT)
def _short_how(matcher: PhraseMatcher) -> ShortHow | None:
    """``short_line``'s tables and bounds for a matcher (the phrase tables of each of
    its levels, its base's first); None without the compiled core."""
    if speedups is None:
        return None
    levels = matcher.levels()
    exact, starts, endings = (tuple(level.exact for level in levels), tuple(level.starts for level in levels),
                              tuple(level.endings for level in levels))
    return (exact, starts, endings, matcher.longest_exact, copyright_words(), listed_prefixes(),
            pronoun_suffixes(), MIN_STEM, chrome_words(), function_words(), content_labels(), ends_sentence_or_clause, Line,
            CONTENT, CHROME, TRAIL_MARKS, breadcrumb_homes(), "".join(LIST_MARKS), month_names(), numbered_labels(), PAGE_NOUNS,
            _LONG_LINE_CHARS, _LONG_LINE_TOKENS, START_CHARS, MAX_COUNTER_SPACES, MAX_COUNTER_WORDS, PROSE_WORDS,
            SENTENCE_WORDS, MAX_TAIL_CHROME_WORDS, min(_MAX_CHROME_WORDS, MAX_WIDGET_WORDS), MAX_SHARE_SPACES)


def page_lines(text: str) -> Iterator[str]:
    """The lines of a text, except that a run of blank lines is one line made of
    the line feeds between them: joined with line feeds, the lines give the text
    back, and a page of ten million blank lines holds one.

    >>> list(page_lines("أ\\nب\\n\\n\\n\\nج\\n"))
    ['أ', 'ب', '\\n\\n', 'ج', '']
    >>> "\\n".join(page_lines("أ\\n\\n\\n\\nج")) == "أ\\n\\n\\n\\nج"
    True
    """
    if len(text) <= SPLIT_AT_ONCE:
        for number, chunk in enumerate(_BLANK_RUN.split(text)):
            if number % 2:
                yield chunk[2:]  # n line feeds in a row: n - 1 blank lines, joined by n - 2 of them
            else:
                yield from chunk.split("\n")
        return
    # A long text is split as it is read: a list of all its lines at once would
    # take some 70 bytes a line, 35 times a text of one-character lines.
    start = 0
    for run in _BLANK_RUN.finditer(text):
        yield from _lines_between(text, start, run.start())
        yield run.group()[2:]
        start = run.end()
    yield from _lines_between(text, start, len(text))


def _lines_between(text: str, start: int, end: int) -> Iterator[str]:
    """The lines of ``text[start:end]``, one at a time."""
    while True:
        feed = text.find("\n", start, end)
        if feed < 0:
            yield text[start:end]
            return
        yield text[start:feed]
        start = feed + 1


def look_afresh(page: Page) -> Page:
    """The page as :func:`analyze` would give it for its text now: its lines
    as first classified, judged in context anew (no line is classified again).

    >>> page = analyze("اترك رد\\nقال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين في الأسبوع المقبل.")
    >>> look_afresh(page.without([0])) == analyze(page.without([0]).text)
    True
    """
    lines = tuple(page.alone.get(line.text) or line for line in page.lines)
    return judge_in_context(Page(lines, page.extra, any(line.kind is FORUM for line in lines), page.alone))


def rejudge(page: Page) -> Page:
    """The page's lines judged in context again, after a rule dropped some.

    Judgements only add: a line judged chrome by its neighbours stays chrome
    when they go (the next rule may be the one that drops it), a guarded number
    stays guarded; a line that only now stands between chrome lines, or is only
    now the page's last, is judged so.

    >>> page = analyze("نص الخبر كما ورد في الصحيفة صباح اليوم عن الحكومة ووزرائها.\\nروابط المقال :\\nنص آخر")
    >>> page.lines[1].kind.name, rejudge(page.without([2])).lines[1].kind.name
    ('CONTENT', 'CHROME')
    """
    return judge_in_context(page)


#: A line rule's decision over a page: the page without the lines it drops.
Decision = Callable[[Page], Page]


def apply(decide: Decision, text: str, extra: tuple[Phrase, ...] = ()) -> str:
    """Run one line rule on a text: analyse it, decide, and return the text
    left (the same object when nothing was dropped).

    >>> apply(lambda page: page.without([1]), "العنوان\\n0\\nنص")
    'العنوان\\nنص'
    """
    page = analyze(text, extra)
    after = decide(page)
    return text if after is page else after.text


def classify(text: str, folded: str, matcher: PhraseMatcher) -> Line:
    """A line's kind out of context, and the evidence for it."""
    stripped = text.strip()
    if not stripped:
        return Line(text, BLANK)
    if BARE_NUMBER_LINE.fullmatch(stripped):
        return Line(text, NUMBER, folded, evidence="a bare number")
    if len(stripped) > _LONG_LINE_CHARS or stripped.count(" ") >= _LONG_LINE_TOKENS:
        phrase = matcher.match_start(text, folded)
        if phrase is not None and not (_KIND_OF[phrase.kind] is RELATED and _holds_clauses(stripped)):
            return Line(text, _KIND_OF[phrase.kind], folded, evidence=f"starts with {phrase.text!r} ({phrase.origin})")
        return Line(text, CONTENT, folded, prose=True)
    key = skeleton_of_folded(folded)
    if is_template_token(stripped):
        line = Line(text, CHROME, folded, evidence=TEMPLATE_TOKEN)
    elif stripped in CLOSE_BUTTONS:
        line = Line(text, CHROME, folded, evidence=CLOSE_BUTTON)
    elif is_script_end(stripped):
        line = Line(text, CHROME, folded, evidence=SCRIPT_END)
    elif names_a_path_or_heading(stripped):
        line = Line(text, CONTENT, folded)
    else:
        line = _judge_short_line(text, stripped, folded, key, matcher)
    line.__dict__["key"] = key  # the skeleton is derived once (Line.key is a cached property)
    return line


def _list_item(text: str, folded: str, key: str, words: list[str]) -> Line:
    """A list item: its words are not counted as chrome (a list of links' words is the text's
    own), but for a poster card's date of joining printed as a list's item (``- إنضم``, a
    forum's card printed a field to a line, each after a bullet): a card's label holds a chrome
    word, so the page is judged in context, never quiet.

    >>> [_list_item(t, t, k, k.split()).chrome_count for t, k in (("- إنضم", "انضم"), ("- انضم إلينا في الرحلة", "انضم الينا في الرحله"))]
    [1, 0]
    """
    line = Line(text, CONTENT, folded, guard=LIST_ITEM)
    if key.startswith(JOINED_LABELS):  # most items: one look at the line's start
        line.__dict__["key"] = key  # (Line.key is a cached property: the skeleton made once)
        if may_open_a_card(line):
            return Line(text, CONTENT, folded, guard=LIST_ITEM, chrome_count=chrome_counts(words)[0])
    return line


def _holds_clauses(text: str) -> bool:
    """Does a long line hold two commas or more: clauses of a sentence?  An inline read-also
    block links titles, which are not; a line that starts with one and holds clauses is a
    paragraph of the text glued to the link (``اقرأ أيضا:عنوان؟- الشعور بالحرارة، ويستمر
    ذلك دقائق، مع …``), and stays.

    >>> _holds_clauses("اقرأ أيضا:متى يبدأ الموسم؟- يرتفع الطلب، ويستمر ذلك أسابيع، مع العلم أن …")
    True
    >>> _holds_clauses("اقرأ أيضا: قرار جديد من الوزارة يثير اهتمام المسافرين هذا العام")
    False
    """
    return text.count("،") + text.count(", ") >= _CLAUSE_COMMAS


#: The commas that make a long line a sentence's clauses.
_CLAUSE_COMMAS = 2


def _judge_short_line(text: str, stripped: str, folded: str, key: str, matcher: PhraseMatcher) -> Line:
    # A tree's branch is a guide's step or a form's field (``└─ اضغط على "إنشاء حساب جديد"``), no phrase.
    phrase = matcher.match(text, key) if not stripped.startswith(TREE_MARKS) else None
    if phrase is not None:
        return Line(text, _KIND_OF[phrase.kind], folded, evidence=f"the phrase {phrase.text!r} ({phrase.origin})")
    if is_counter(text, key):
        return Line(text, COUNTER, folded, evidence="a number with counter words")
    if is_copyright(text, key):
        return Line(text, FOOTER, folded, evidence="a copyright notice")
    words = key.split()
    if is_prose(text, len(words)) and not is_long_post_byline(text, key):
        return Line(text, CONTENT, folded, prose=True)
    if starts_with_content_label(words):
        return Line(text, CONTENT, folded, guard=LABEL)
    if is_breadcrumb(text):
        return Line(text, CONTENT, folded, evidence="a breadcrumb trail", guard=BREADCRUMB)
    if not words:
        return Line(text, CONTENT, folded, guard=SEPARATOR)
    if stripped.startswith(LIST_MARKS) or NUMBERED_ITEM.match(stripped):
        return _list_item(text, folded, key, words)
    if len(words) > MAX_TAIL_CHROME_WORDS:
        return Line(text, CONTENT, folded)
    strong, filler = chrome_counts(words)
    evidence = chrome_share(text, words) if strong and len(words) <= _MAX_CHROME_WORDS else None
    kind = CONTENT if evidence is None else CHROME
    return Line(text, kind, folded, evidence=evidence or "", chrome_count=strong, filler_count=filler)
