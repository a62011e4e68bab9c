"""Recognising one residue line, out of context: phrases, counters, widgets, copyright.

Each test takes the line and, when the caller has it, its skeleton (the folded
form of :mod:`arclean.text.folding`); a document's skeletons are computed once by
:mod:`.analysis`.  Where the line stands (head, article, tail) is the
layout's business, not this module's.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cached_property, lru_cache
from itertools import repeat
from typing import Callable

from ... import datafiles
from ...datafiles import Phrase
from ...text.chars import ANY_DIGIT
from ...text.clitics import listed_prefixes, pronoun_suffixes
from ...text.folding import skeleton, skeleton_of_folded

#: A long line is looked at for a line-start phrase when the first word of its first
#: this many characters (folded) can start one.
START_CHARS = 40
_MAX_COPYRIGHT_WORDS = 20
MAX_COUNTER_WORDS = 4
#: A line of more spaces than this is no counter.
MAX_COUNTER_SPACES = 2 * MAX_COUNTER_WORDS
MAX_WIDGET_WORDS = 8
#: A line of more spaces than this is not chrome by its words alone (:func:`chrome_share`).
MAX_SHARE_SPACES = 2 * MAX_WIDGET_WORDS
#: A listed word stripped of its clitics leaves a stem of this many letters at least.
MIN_STEM = 3
#: A counter never starts with a list mark (``- 0 نقطة للخسارة`` is a list item).
COUNTER_MARKS = ("-", "*", "•")
#: The branches of a tree drawn in text (``├─ الاسم الكامل``, ``└─ اضغط "تسجيل"``): a guide's
#: steps, a form's fields.  No site prints its chrome so: such a line is never a phrase either.
TREE_MARKS = ("├", "└")
#: Marks that start a list item (a tree's branches among them): a list line is never chrome by
#: its words.  One character each (the compiled core reads a line's first).
LIST_MARKS = ("-", "*", "•", "·", "▪", "►", "◄", "–") + TREE_MARKS
#: A numbered list item: one to three digits, then ``.`` ``)`` ``-`` or ``–`` and white space
#: (``3. التوريد المشترك``, ``2) التعليقات والردود``, ``1- المقدمة``), or a keycap digit
#: (``2️⃣ تسجيل الدخول``).  Content, as a bulleted item is: no counter, and its number is no
#: filler word that makes a line of one chrome word chrome.
NUMBERED_ITEM = re.compile(r"\d{1,3}(?:[.)\-\u2013]|\ufe0f?\u20e3)\s")
#: A field that tells a time of day: a label, a colon, then a time (``تسجيل الوصول: بعد 14:00``),
#: or a time after the word "hour" (``تم تحديث الخبر في الساعة 11:45 مساءً``).  A time alone is
#: no field (a video's length in a widget: ``تعليقات • 2:04``).
CLOCK_FIELD = re.compile(r"[^\d\s]\s*:.*\d:\d\d|ساع[ةه]\s*\d{1,2}:\d\d")
#: A field that ends with a score: a label, a colon, then a mark out of 5, 10, 20 or 100 and
#: nothing after it (a review's ``التقييم بالنجوم: 4/5``, a pupil's ``الدرجة: 17.5/20``).  A
#: rating widget counts its votes after the mark (``التقييم: 4.5/5 (120 صوتا)``).
SCORE_FIELD = re.compile(r"[^\d\s]\s*:\s*\d{1,3}(?:[.,]\d{1,2})?\s*/\s*(\d{1,3})\s*$")
_SCALES = frozenset({5, 10, 20, 100})
#: A field that tells a date: a label, a colon, then a date of three numbers with one
#: separator, a slash, a dash or a point, between them (``تاريخ الخبر : 29/06/1436``,
#: ``تاريخ النشر: 2022-06-25``).  A mark out of a scale (``4.5/5``) mixes its separators.
DATE_FIELD = re.compile(r"[^\d\s]\s*:\s*\d{1,4}([/\-.])\d{1,2}\1\d")
#: A figure with decimals or grouped digits (``18.5``, ``1,548٫000``), wherever it stands.
FIGURE = re.compile(r"\d+(?:[.,\u066b\u066c]\d+)+")
#: A figure alone on its line (``18.5``, ``-0,8``, ``1,548٫000``): a table's value, never a page's
#: counter, a date or a verse's number.
DECIMAL_FIGURE = re.compile(rf"\s*[-+]?{FIGURE.pattern}\s*")


def ends_with_period(text: str) -> bool:
    """Does the line end a sentence with a period, white space or pictographs after it
    (``شاركونا. 😅``: an emoji after the last mark leaves a sentence a sentence)?  The
    compiled core's ``ends_with_period`` reads the same.

    >>> ends_with_period("شاركونا. 😅"), ends_with_period("شاركونا 😅"), ends_with_period("شاركونا.")
    (True, False, True)
    """
    end = len(text)
    while end and (text[end - 1].isspace() or _is_pictograph(ord(text[end - 1]))):
        end -= 1
    return end > 0 and text[end - 1] == "."


def _is_pictograph(code: int) -> bool:
    """An emoji's code point, or the joiner and variation selector that build them."""
    return (0x2600 <= code <= 0x27BF or 0x2B00 <= code <= 0x2BFF or 0x1F000 <= code <= 0x1FAFF
            or code == 0x200D or code == 0xFE0F)


def holds_fact_field(text: str) -> bool:
    """Does the line hold a field that tells a fact, a time of day (:data:`CLOCK_FIELD`), a
    date (:data:`DATE_FIELD`) or a score (:data:`SCORE_FIELD`)?  Such a line is not chrome by
    its words (:func:`chrome_share`, the tail's judgement; the compiled core's ``holds_fact_field``).

    >>> holds_fact_field("تسجيل الوصول: بعد 14:00"), holds_fact_field("التقييم بالنجوم: 4/5 ")
    (True, True)
    >>> holds_fact_field("تعليقات • 2:04"), holds_fact_field("التقييم: 4/7"), holds_fact_field("التقييم: 4.5/5 (120 صوتا)")
    (False, False, False)
    >>> holds_fact_field("تم تحديث الخبر في الساعة 11:45 مساءً"), holds_fact_field("الساعة 123:45")
    (True, False)
    >>> holds_fact_field("تاريخ الخبر : 29/06/1436"), holds_fact_field("التقييم: 4.5/5 (9 أصوات)"), holds_fact_field("الخبر 29/06/1436")
    (True, False, False)
    """
    if CLOCK_FIELD.search(text) or DATE_FIELD.search(text):
        return True
    score = SCORE_FIELD.search(text)
    return score is not None and int(score.group(1)) in _SCALES


#: A template's token left in the text: a WordPress shortcode with an underscore in its name
#: (``[ad_1]``, ``[vc_row full_width="stretch"]``, ``[/vc_column]``) or with attributes
#: (``[table id=81 /]``, ``[contact-form-7 id="12" title="اتصل بنا"]``), a name in braces
#: (``{clean_title}``, ``{{ title }}``), an SEO plugin's variable (``%%sitename%%``), an HTML
#: comment's mark (``-->``, ``<!--``: the comment's end left on its line).  Citation
#: markers (``[1]``, ``[en 1]``) and words in brackets are none.
_TEMPLATE_TOKEN = (r"(?:\[/?[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?:\s[^\[\]]*)?\]"
                   r"""|\[[a-z][a-z0-9-]*(?:\s+[a-z][a-z0-9_-]*=(?:"[^"\[\]]*"|'[^'\[\]]*'|[^\s\[\]"']+))+\s*/?\]"""
                   r"|\{\{\s*[A-Za-z_][A-Za-z0-9_.]*\s*\}\}|\{[A-Za-z_][A-Za-z0-9_.]*\}|%%[a-z_]+%%|-->|<!--)")
TEMPLATE_TOKENS = re.compile(_TEMPLATE_TOKEN + r"(?:\s+" + _TEMPLATE_TOKEN + ")*")
#: The characters a template's token starts with: a line that starts with none holds no token alone.
TEMPLATE_STARTS = "[{%-<"
#: The evidence of a line of template tokens: head chrome of one word too (no kicker is one).
TEMPLATE_TOKEN = "a template's token"
#: A close button's glyph alone on its line (the conventions' ``x``: a pop-up's or a search box's
#: close, printed at the page's top), after a list's bullet or not; a line of several of them, or of
#: other signs, is a separator.
CLOSE_BUTTONS = frozenset({"×", "✕", "✖", "• ×"})
#: The evidence of a close button's glyph: chrome in the page's head only, and it ends nothing (the
#: same sign stands between a sum's numbers printed a number to a line).
CLOSE_BUTTON = "a close button's glyph"
#: A script's end left on its line (``});``, ``‘);``, ``}``): brackets, parentheses, quotation
#: marks and semicolons only, a closing brace or a semicolon among them.  Chrome in the page's
#: head only, as a close button's glyph (the conventions' "script fragments"): it ends nothing.
_SCRIPT_END = re.compile(r"""[(){}\[\];'"\u2018\u2019\s]*[};][(){}\[\];'"\u2018\u2019\s]*""")
#: The evidence of a script's end.
SCRIPT_END = "a script's end"
#: The evidence of chrome that goes in the page's head only and ends nothing.
HEAD_ONLY = (CLOSE_BUTTON, SCRIPT_END)
#: The separators of a breadcrumb trail (``الرئيسية » أخبار``).
TRAIL_MARKS = "»>›/|\\"
#: A phrase that ends a line after a glued badge: three words at least, after two at most.
_MIN_ENDING_WORDS = 3
_MAX_BADGE_WORDS = 2
#: A related heading matches a whole line (or starts one), never ends one: a sentence may
#: end with its words (``وأصدرت الوزارة تقارير ذات صلة``), and no badge is glued before one.
_NO_ENDING_KIND = "related"


class PhraseMatcher:
    """Recognise boilerplate lines: whole-line phrases and line-start phrases."""

    def __init__(self, phrases: tuple[Phrase, ...], base: PhraseMatcher | None = None) -> None:
        """The matcher of ``phrases``; with ``base``, of the base's phrases and then
        these, the base consulted first (its tables are neither built again nor
        copied: a learned file's pipeline per source costs its own phrases only)."""
        self.base = base
        self.exact: dict[str, Phrase] = {}
        self.prefixes: dict[str, list[tuple[tuple[str, ...], Phrase]]] = {}
        self.endings: dict[str, list[tuple[str, Phrase]]] = {}
        #: Frames (:data:`arclean.datafiles.FRAME_MARK`) by first word: their first words' and their
        #: last words' skeletons.
        self.frames: dict[str, list[tuple[str, str, Phrase]]] = {}
        for phrase in phrases:
            if phrase.frame:
                head, tail = (skeleton(part) for part in phrase.text.split(datafiles.FRAME_MARK, 1))
                if head and tail:
                    self.frames.setdefault(head.split(" ", 1)[0], []).append((head, tail, phrase))
                continue
            key = skeleton(phrase.text)
            if not key:
                continue
            words = tuple(key.split())
            if phrase.prefix:
                self.prefixes.setdefault(words[0], []).append((words, phrase))
            else:
                self.exact.setdefault(key, phrase)
                if len(words) >= _MIN_ENDING_WORDS and phrase.kind != _NO_ENDING_KIND:
                    self.endings.setdefault(words[-1], []).append((key, phrase))
        self.longest_exact: int = max([len(key) for key in self.exact] + [base.longest_exact if base else 0])

    def levels(self) -> tuple[PhraseMatcher, ...]:
        """The matcher's levels, its base's first: each consulted in turn.

        >>> [len(level.exact) > 0 for level in phrase_matcher((Phrase("سطر", "chrome", False, "x"),)).levels()]
        [True, True]
        """
        return (*self.base.levels(), self) if self.base else (self,)

    @cached_property
    def starts(self) -> dict[str, tuple[str, ...]]:
        """This level's line-start phrases and the first words of its frames, by first word,
        each as its skeleton: what a first look needs to know whether a line may start with one.

        >>> phrase_matcher().starts["الوسوم"], phrase_matcher().starts["التعليقات"][-1]
        (('الوسوم',), 'التعليقات علي')
        """
        starts = {first: [" ".join(words) for words, _ in phrases] for first, phrases in self.prefixes.items()}
        for first, frames in self.frames.items():
            starts.setdefault(first, []).extend(head for head, _tail, _phrase in frames)
        return {first: tuple(keys) for first, keys in starts.items()}

    def _exact(self, key: str) -> Phrase | None:
        found = self.base._exact(key) if self.base else None
        return found if found is not None else self.exact.get(key)

    def _prefixes(self, first: str) -> list[tuple[tuple[str, ...], Phrase]]:
        mine = self.prefixes.get(first, [])
        return self.base._prefixes(first) + mine if self.base else mine

    def _frames(self, first: str) -> list[tuple[str, str, Phrase]]:
        mine = self.frames.get(first, [])
        return self.base._frames(first) + mine if self.base else mine

    def _endings(self, last: str) -> list[tuple[str, Phrase]]:
        mine = self.endings.get(last, [])
        return self.base._endings(last) + mine if self.base else mine

    def match(self, line: str, key: str | None = None) -> Phrase | None:
        """Return the phrase a line is, or starts with; None for other lines.

        A line-start phrase written with a colon (``الوسوم: …``) matches only
        lines that have the colon right after it: ``الوسوم التي وضعتها الشركة``
        is a sentence, ``الوسوم: اقتصاد`` a tag line.

        >>> matcher = phrase_matcher()
        >>> matcher.match("اترك تعليقاً").origin, matcher.match("الوسوم: اقتصاد").kind
        ('wordpress', 'footer')
        >>> matcher.match("الوسوم التي وضعتها الشركة") is None
        True
        """
        if key is None:
            key = skeleton(line)
        if not key:
            return None
        if len(key) <= self.longest_exact:
            found = self._exact(key)
            if found is not None:
                return found
        words = key.split(" ", 8)
        for prefix, phrase in self._prefixes(words[0]):
            if tuple(words[: len(prefix)]) == prefix and _colon_agrees(line, phrase, prefix):
                return phrase
        found = self._match_frame(key)
        return found if found is not None else self._match_ending(key)

    def _match_frame(self, key: str) -> Phrase | None:
        """The frame a line's skeleton is in, if any (see :func:`_in_frame`).

        >>> phrase_matcher()._match_frame(skeleton("التعليقات على ارتفاع أسعار الذهب مغلقة")).origin
        'wordpress'
        """
        for head, tail, phrase in self._frames(key.split(" ", 1)[0]):
            if _in_frame(key, head, tail):
                return phrase
        return None

    def _match_ending(self, key: str) -> Phrase | None:
        """A phrase of three words or more that ends a short line, after a
        word or two of a badge the scraper glued to it (``مقال مؤرشفهذا المقال
        مخصص للمشتركين``); never a related heading (:data:`_NO_ENDING_KIND`).

        >>> phrase_matcher().match("مقال مؤرشفهذا المقال مخصص للمشتركين").kind
        'paywall'

        An item of a numbered list whose words lead to the phrase is a step of a guide, no badge:
        ``1. كيفية إنشاء حساب جديد``, ``2. اضغط نسيت كلمة المرور``.

        >>> phrase_matcher().match("1. كيفية إنشاء حساب جديد") is None, phrase_matcher().match("1. تخطي إلى المحتوى").kind
        (True, 'head')
        """
        last = key.rsplit(" ", 1)[-1]
        for ending, phrase in self._endings(last):
            before = key.count(" ") - ending.count(" ")
            if key.endswith(ending) and before <= _MAX_BADGE_WORDS and not (before > 1 and key.split(" ", 1)[0].isdigit()):
                return phrase
        return None

    def could_start(self, first_word_key: str) -> bool:
        """Can a line whose first word folds to this start a line-start phrase?"""
        return first_word_key in self.prefixes or (self.base is not None and self.base.could_start(first_word_key))

    def match_start(self, line: str, folded: str) -> Phrase | None:
        """The line-start phrase a long line starts with (``folded``: the line
        folded by :func:`arclean.text.folding.fold_text`); only its start is read.

        >>> phrase_matcher().match_start("الوسوم: " + "كلمة " * 40, "الوسوم: " + "كلمة " * 40).kind
        'footer'
        """
        first = skeleton_of_folded(folded[:START_CHARS]).split(" ", 1)[0]
        if not self.could_start(first):
            return None
        phrase = self.match(line[:200])
        return phrase if phrase is not None and phrase.prefix else None


#: The words a frame holds between its first words and its last, at most: a post's title.
MAX_FRAMED_WORDS = 20


def _in_frame(key: str, head: str, tail: str) -> bool:
    """Does the skeleton start with the frame's first words and end with its last, one
    word to :data:`MAX_FRAMED_WORDS` between them?

    >>> _in_frame("التعليقات علي خطه جديده مغلقه", "التعليقات علي", "مغلقه"), _in_frame("التعليقات علي مغلقه", "التعليقات علي", "مغلقه")
    (True, False)
    """
    start, end = len(head) + 1, len(key) - len(tail) - 1
    return (start < end and key.startswith(head) and key[start - 1] == " " and key.endswith(tail) and key[end] == " "
            and key.count(" ", start, end) < MAX_FRAMED_WORDS)


def _colon_agrees(line: str, phrase: Phrase, prefix: tuple[str, ...]) -> bool:
    """A phrase written with a colon needs a colon (or a bar: ``اقرأ أيضا |``) after it in the line.
    A poster card's label (``data/words/card_labels.tsv``: ``المزاج : رايق``) holds a value, never a
    sentence: after the colon, more than a few words that end with a full stop are the text's own (a
    health page's ``المزاج: يرتبط الاكتئاب بمزاج منخفض وحزن مستمر، بينما يرتبط القلق بالخوف.``).

    >>> mood = Phrase("المزاج :", "forum", True, "forum")
    >>> sentence = "المزاج: يرتبط الاكتئاب بمزاج منخفض وحزن مستمر."
    >>> _colon_agrees("المزاج : رايق", mood, ("المزاج",)), _colon_agrees(sentence, mood, ("المزاج",))
    (True, False)
    """
    if not phrase.text.rstrip().endswith(":"):
        return True
    colon = min((i for i in (line.find(":"), line.find("|")) if i >= 0), default=-1)
    if colon < 0 or tuple(skeleton(line[:colon]).split()) != prefix:
        return False
    value = line[colon + 1:]
    return not ends_with_period(value) or len(value.split()) <= _MAX_FIELD_WORDS or prefix not in _card_labels()


@lru_cache(maxsize=1)
def _card_labels() -> frozenset[tuple[str, ...]]:
    """The words of a poster card's labels (the skeletons of
    :data:`~arclean.normalizers.residue.cards.LABELS`), as :func:`_colon_agrees` reads a phrase's."""
    from .cards import LABELS  # here, not at import: cards.py reads this module

    return frozenset(tuple(key.split()) for key in LABELS)


#: A field's value after its colon: words at most, before a full stop makes it a sentence (as a poster
#: card's value, ``cards._MAX_VALUE_WORDS``).
_MAX_FIELD_WORDS = 4


def phrase_matcher(extra: tuple[Phrase, ...] = ()) -> PhraseMatcher:
    """The matcher for the bundled phrases plus any from the configuration.

    Found by the phrase tuple's identity before its value: finding
    it by value would hash every phrase (a learned file's hundreds) on every call.

    >>> extra = (Phrase("سطر من الموقع", "chrome", False, "learned"),)
    >>> phrase_matcher(extra) is phrase_matcher(extra) is phrase_matcher(tuple(list(extra)))
    True
    """
    return _MATCHERS.get(id(extra)) or _remember(extra)


def _remember(extra: tuple[Phrase, ...]) -> PhraseMatcher:
    matcher = _phrase_matcher(extra)
    if len(_MATCHERS) >= MATCHERS_KEPT:
        _MATCHERS.clear()
        _HELD.clear()
    _HELD[id(extra)] = extra  # held, so that no other object has its id while the matcher is kept
    _MATCHERS[id(extra)] = matcher
    return matcher


#: Matchers kept, by the identity of their phrase tuple and by its value: more than the
#: pipelines a learned phrase file's sources keep (``pipeline._MAX_SOURCES``, 256).
MATCHERS_KEPT = 512
#: The matchers made, by the ``id`` of their phrase tuple.
_MATCHERS: dict[int, PhraseMatcher] = {}
_HELD: dict[int, tuple[Phrase, ...]] = {}


@lru_cache(maxsize=MATCHERS_KEPT)
def _phrase_matcher(extra: tuple[Phrase, ...]) -> PhraseMatcher:
    return PhraseMatcher(extra, base=phrase_matcher()) if extra else PhraseMatcher(datafiles.phrases())


def clear_matchers() -> None:
    """Forget every matcher made: for a caller that changes the bundled phrases."""
    _MATCHERS.clear()
    _HELD.clear()
    _phrase_matcher.cache_clear()
    for forget in _FORGETTING:
        forget()


#: What else forgets what it kept of a matcher when :func:`clear_matchers` is called (a memo
#: that knows a matcher by its phrases, not by the matcher: ``quiet_page``'s).
_FORGETTING: list[Callable[[], None]] = []


def forget_with_matchers(forget: Callable[[], None]) -> None:
    """Have :func:`clear_matchers` call ``forget`` too."""
    _FORGETTING.append(forget)


def _folded_words(relpath: str) -> frozenset[str]:
    return frozenset(skeleton(word) for word in datafiles.word_list(relpath))


@lru_cache(maxsize=None)
def counter_words() -> frozenset[str]:
    return _folded_words("words/counter_words.txt")


@lru_cache(maxsize=None)
def units() -> frozenset[str]:
    """Currencies and units of measure a quantity's number comes before (``words/units.txt``),
    as a line's skeleton shows them.

    >>> {"يوان", "دولارا", "كيلومتر"} <= units()
    True
    """
    return _folded_words("words/units.txt")


@lru_cache(maxsize=None)
def month_names() -> frozenset[str]:
    """The months' names as a line's skeleton shows them: the Arabic spellings of
    ``months/months.tsv`` and the Latin ones of ``months/latin_names.txt``.

    >>> {"اكتوبر", "كانون الثاني", "october", "oct"} <= month_names()
    True
    """
    return frozenset(skeleton(month.name) for month in datafiles.months()) | _folded_words("months/latin_names.txt")


@lru_cache(maxsize=None)
def numbered_labels() -> frozenset[str]:
    """The labels of a publication's or a series' numbered parts (``words/numbered_labels.txt``),
    as a line's skeleton shows them.

    >>> {"العدد", "الحلقه"} <= numbered_labels()
    True
    """
    return _folded_words("words/numbered_labels.txt")


@lru_cache(maxsize=None)
def widget_words() -> frozenset[str]:
    return _folded_words("words/widget_words.txt")


@lru_cache(maxsize=None)
def chrome_words() -> frozenset[str]:
    """Widget words and the wider vocabulary of page chrome (menus, forums, logins)."""
    return widget_words() | _folded_words("words/chrome_words.txt")


@lru_cache(maxsize=None)
def site_page_words() -> frozenset[str]:
    """The words of the titles of a site's own pages (``words/site_pages.txt``)."""
    return _folded_words("words/site_pages.txt")


@lru_cache(maxsize=None)
def function_words() -> frozenset[str]:
    return _folded_words("words/function_words.txt")


#: How a line that goes on in the next ends, where a heading never does (one may end on a colon,
#: its list under it): a comma or a semicolon, Arabic or Latin.
MID_SENTENCE_ENDS = ("،", ",", "؛", ";")
#: How a line left open ends: a colon, a comma or a semicolon (a list or the rest of a sentence follows).
OPEN_ENDS = (":", *MID_SENTENCE_ENDS)


def ends_mid_sentence(line: str) -> bool:
    """Does the line end on a comma or a semicolon, its sentence going on in the next line?
    No title and no heading ends so (one may end on a colon, its list under it).

    >>> ends_mid_sentence("الله أكبر، الله أكبر،"), ends_mid_sentence("امتحانات الشهادة الثانوية:")
    (True, False)
    """
    return line.rstrip().endswith(MID_SENTENCE_ENDS)


def left_open(line: str) -> bool:
    """Does the line end open, its text going on below: on a colon, a comma or a semicolon, or
    on a word that needs the words after it (:func:`runs_on`)?

    >>> left_open("وفيما يلي توزيع الحالات حسب الجهات:"), left_open("الخدمات في عدن مع"), left_open("انتهى الخبر.")
    (True, True, False)
    """
    return line.rstrip().endswith(OPEN_ENDS) or runs_on(line)


@lru_cache(maxsize=None)
def run_on_words() -> frozenset[str]:
    return _folded_words("words/run_on_words.txt")


def runs_on(line: str) -> bool:
    """Does the line stop mid-sentence, on a word that needs the words after it (a
    preposition, a conjunction: ``words/run_on_words.txt``), with no mark after it?
    Such a line is a hard-wrapped paragraph's, its sentence going on below: no
    headline.  Only the last word is folded.

    >>> runs_on("وقالت مصادر إعلامية إن الزيارة هدفها مناقشة ملف الخدمات في عدن مع")
    True
    >>> runs_on("عنوان مقال طويل عن الأوضاع في…"), runs_on("الحكومة تعلن خطة جديدة لدعم المزارعين")
    (False, False)
    """
    end = line.rstrip()
    if not end or not (end[-1].isalpha() or unicodedata.combining(end[-1])):
        return False  # punctuation after the last word: an ellipsis, a colon, a question
    return _runs_on_word(end.rsplit(None, 1)[-1])


@lru_cache(maxsize=8192)
def _runs_on_word(word: str) -> bool:
    """Is the word, folded, one that needs the words after it (its last part, where folding splits it)?"""
    parts = skeleton(word).rsplit(None, 1)
    return bool(parts) and parts[-1] in run_on_words()


#: A number glued to a word: ``85views``, ``تعليقات0``.
_GLUED_NUMBER = re.compile(r"(?<=\d)(?=[^\d\s])|(?<=[^\d\s])(?=\d)")


@lru_cache(maxsize=65536)
def listed(word: str, words: frozenset[str]) -> bool:
    """A word of a list, with or without clitics: ``القراءات`` is ``قراءات``,
    ``بمشاركة`` is ``مشاركة``, ``تسجيلكم`` is ``تسجيل``.

    >>> listed("بالتعليقات", frozenset({"تعليقات"})), listed("بيت", frozenset({"يت"}))
    (True, False)
    """
    if word in words:
        return True
    stems = [word[len(c):] for c in listed_prefixes() if word.startswith(c) and len(word) - len(c) >= MIN_STEM]
    stems.append(word)
    for stem in stems:
        if stem in words:
            return True
        for suffix in pronoun_suffixes():
            if stem.endswith(suffix) and len(stem) - len(suffix) >= MIN_STEM and stem[: -len(suffix)] in words:
                return True
    return False


def _split_numbers(words: list[str]) -> list[str]:
    if all(word.isdigit() or not any(ch.isdigit() for ch in word) for word in words):
        return words
    return _GLUED_NUMBER.sub(" ", " ".join(words)).split()


def is_counter(line: str, key: str | None = None) -> bool:
    """A number with counter words only: ``0 تعليقات``, ``المشاهدات : 171``.

    >>> is_counter("المشاهدات : 171"), is_counter("- 0 نقطة للخسارة"), is_counter("0 نقطة"), is_counter("85views")
    (True, False, True, True)
    >>> is_counter("2. التعليقات والردود")  # a numbered list item
    False
    >>> is_counter("العدد: 9297"), is_counter("عدد الزيارات: 9297")  # a newspaper's issue, a counter
    (False, True)
    """
    if line.count(" ") > MAX_COUNTER_SPACES:
        return False
    start = line.lstrip()
    if start.startswith(COUNTER_MARKS) or NUMBERED_ITEM.match(start):
        return False
    if key is None:
        key = skeleton(line)
    if not ANY_DIGIT.search(key):  # a counter has a number: the first look
        return False
    words = _split_numbers(key.split())
    if not 2 <= len(words) <= MAX_COUNTER_WORDS:
        return False
    numbers = sum(word.isdigit() for word in words)
    if numbers == len(words) - 1 and any(word in numbered_labels() for word in words):
        return False  # a numbered part's label and its number (a newspaper's issue: العدد 9297)
    known = counter_words()
    return 1 <= numbers < len(words) and all(word.isdigit() or listed(word, known) for word in words)


def chrome_share(line: str, words: list[str] | None = None) -> str | None:
    """Why a short line reads as page chrome by its words, or None: most of its
    words are chrome words (``شاركنا بتعليقك على الخبر :``, ``whatsapp icon
    facebook icon``), the rest function words and numbers.  A field that tells a
    time of day or a score is a fact, not chrome, whatever its words (a hotel's
    ``تسجيل الوصول: بعد 14:00``, its check-in, where ``تسجيل`` is a menu's "sign up";
    a review's ``التقييم بالنجوم: 4/5``, :func:`holds_fact_field`).

    >>> chrome_share("شاركنا بتعليقك على الخبر :")
    'chrome words: 3 of 4'
    >>> chrome_share("شارك في المؤتمر وزير الخارجية") is None
    True
    >>> chrome_share("تسجيل الوصول: بعد 14:00"), chrome_share("تسجيل الوصول: بعد 14 00"), chrome_share("تعليقات • 2:04")
    (None, 'chrome words: 1 of 5', 'chrome words: 1 of 3')

    Nor is a date line with chrome glued to it (:func:`holds_whole_date`), nor a numbered part's
    heading (:func:`heads_a_numbered_part`):

    >>> chrome_share("23 ديسمبر, 2011 – 6:45 م | أضف مشاركة"), chrome_share("6:45 م | أضف مشاركة")
    (None, 'chrome words: 2 of 5')
    >>> chrome_share("مادة (154) 4 تعليق"), chrome_share("4 تعليق")
    (None, 'chrome words: 1 of 2')

    Nor is a book's length (:func:`counts_pages`):

    >>> chrome_share("172 صفحة"), chrome_share("صفحة 2")
    (None, 'chrome words: 1 of 2')
    """
    if line.count(" ") > MAX_SHARE_SPACES or ends_with_period(line) or holds_fact_field(line):
        return None
    if words is None:
        words = skeleton(line).split()
    if not words or len(words) > MAX_WIDGET_WORDS:
        return None
    strong, filler = chrome_counts(words)
    chrome = strong >= 1 and (strong + filler) * 10 >= len(words) * 7
    if chrome and not holds_whole_date(words) and not heads_a_numbered_part(words) and not counts_pages(words):
        return f"chrome words: {strong} of {len(words)}"
    return None


#: The nouns a count of pages ends with, the number first (``172 صفحة``), and the labels of two words
#: a count of pages starts with, the number last (``عدد الصفحات: 1108``): folded.
PAGE_NOUNS = frozenset({"صفحه", "صفحات", "pages", "عدد الصفحات", "عدد صفحات"})


def counts_pages(words: list[str]) -> bool:
    """Do a line's words (its skeleton's) count pages, the number first (``172 صفحة``) or after a
    label (``عدد الصفحات: 1108``): a book's length on its card?  A pager names the page first
    (``صفحة 2``, ``صفحة 1 من 70``).

    >>> counts_pages("172 صفحه".split()), counts_pages("عدد الصفحات 1108".split()), counts_pages("صفحه 2".split())
    (True, True, False)
    """
    if len(words) == 3:
        return words[2].isdecimal() and f"{words[0]} {words[1]}" in PAGE_NOUNS
    return len(words) == 2 and words[0].isdecimal() and words[1] in PAGE_NOUNS


def heads_a_numbered_part(words: list[str]) -> bool:
    """Do a line's words (its skeleton's) start as a numbered part's heading: its label, then its
    number (``مادة (154)``, ``الحلقة 12``)?  Such a line heads the part, whatever is glued to it
    (a constitution's page prints each article's comment count after it: ``مادة (154) 4 تعليق``):
    not chrome by its words.

    >>> heads_a_numbered_part("ماده 154 4 تعليق".split()), heads_a_numbered_part("تعليق 4".split())
    (True, False)
    """
    return len(words) >= 2 and words[1].isdecimal() and words[0] in numbered_labels()


#: A year, as a whole date writes it: four digits.
_YEAR_DIGITS = 4
#: A day or a month in digits: one or two of them.
_MAX_DAY_DIGITS = 2
_MAX_DAY, _MAX_MONTH = 31, 12


def holds_whole_date(words: list[str]) -> bool:
    """Do a line's words (its skeleton's) hold a whole date: a day, a month's name and a year
    (``23 ديسمبر 2011``), the name, a day and a year (``ديسمبر 23 2011``, as an English
    date format prints it), or three numbers, a year of four digits first or last
    (``2020 06 04``, from ``2020/06/04``; ``12 17 2008``)?  Such a line is a date line, whatever
    chrome is glued to it (a blog's ``23 ديسمبر, 2011 – 6:45 م | أضف مشاركة``, a view counter):
    not chrome by its words.

    >>> holds_whole_date("23 ديسمبر 2011 6 45 م اضف مشاركه".split()), holds_whole_date("5 كانون الثاني 2009".split())
    (True, True)
    >>> holds_whole_date("2020 06 04 07 04 pm المشاهدات 560".split()), holds_whole_date("12 17 2008 04 10 am".split())
    (True, True)
    >>> holds_whole_date("اضف تعليق 23 ديسمبر".split()), holds_whole_date("ديسمبر 2011 اضف تعليق".split())
    (False, False)
    >>> holds_whole_date("المشاهدات 17 45 2008".split()), holds_whole_date("صفحه 1 من 2015".split())
    (False, False)
    """
    names = month_names()
    for k, word in enumerate(words):
        if word.isdecimal():
            if _numbers_date(words[k:k + 3]):
                return True
            continue
        if word in names:
            after = k + 1
        elif k + 1 < len(words) and f"{word} {words[k + 1]}" in names:
            after = k + 2
        else:
            continue
        rest = words[after:after + 2]
        if k and _is_day(words[k - 1]) and rest and _is_year(rest[0]):
            return True
        if len(rest) == 2 and _is_day(rest[0]) and _is_year(rest[1]):
            return True
    return False


def _numbers_date(numbers: list[str]) -> bool:
    """Three numbers that make a date: a year of four digits, then or after a day and a month
    in either order (one of them 12 at most)."""
    if len(numbers) < 3 or not all(number.isdecimal() for number in numbers):
        return False
    first, second, third = numbers
    if _is_year(first):
        return _day_and_month(second, third)
    return _is_year(third) and _day_and_month(first, second)


def _day_and_month(one: str, other: str) -> bool:
    return _is_day(one) and _is_day(other) and min(int(one), int(other)) <= _MAX_MONTH


def _is_day(word: str) -> bool:
    return word.isdecimal() and len(word) <= _MAX_DAY_DIGITS and 1 <= int(word) <= _MAX_DAY


def _is_year(word: str) -> bool:
    return word.isdecimal() and len(word) == _YEAR_DIGITS


def chrome_counts(words: list[str]) -> tuple[int, int]:
    """How many of the words are chrome words, and how many function words or numbers.

    >>> chrome_counts("لا توجد تعليقات بعد".split())
    (1, 2)
    """
    chrome, filler_words = chrome_words(), function_words()
    strong = sum(map(listed, words, repeat(chrome, len(words))))  # each word through the memo, no generator
    filler = len([word for word in words if word in filler_words or word.isdigit()])
    return strong, filler


@lru_cache(maxsize=None)
def section_headings() -> frozenset[str]:
    """Headings of an article's own parts (``data/words/section_headings.txt``), as skeletons.

    >>> from arclean.text.folding import skeleton
    >>> skeleton("الأسئلة الشائعة:") in section_headings(), skeleton("مقالات ذات صلة") in section_headings()
    (True, False)
    """
    return _folded_words("words/section_headings.txt")


@lru_cache(maxsize=None)
def content_labels() -> frozenset[str]:
    return _folded_words("words/content_labels.txt")


def starts_with_content_label(words: list[str]) -> bool:
    """A source, byline or credit line (``المصدر: وكالات``, ``بقلم …``): content
    that is short and may hold chrome words.

    >>> starts_with_content_label("المصدر صفحه الوزاره علي فيسبوك".split())
    True
    """
    return bool(words) and listed(words[0], content_labels())


@lru_cache(maxsize=None)
def post_labels() -> frozenset[str]:
    return _folded_words("words/post_labels.txt")


#: A forum post's byline or dated header: a label, a writer, a date and a time, a post number; at most this many words.
MAX_POST_BYLINE_WORDS = 16


def is_post_byline(line: str, key: str) -> bool:
    """A forum post's byline: a post label, then the writer and a date.

    >>> line = "مُساهمة من طرف أحمد السبت يناير 03, 2015 5:17 am"
    >>> is_post_byline(line, skeleton(line)), is_post_byline("مساهمة الشباب في التنمية", "مساهمه الشباب في التنميه")
    (True, False)
    """
    words = key.split(maxsplit=1)
    return bool(words) and listed(words[0], post_labels()) and any(map(str.isdigit, key))  # the label first: most lines have none


#: A time of day, as a post's byline prints it (``6:41 pm``).
_CLOCK = re.compile(r"\d{1,2}:\d\d")


def is_long_post_byline(line: str, key: str) -> bool:
    """A post's byline as long as a paragraph: one that names the post's title, twice
    (``مُساهمةموضوع: TITLE   TITLE <date> <time>``), is as long as the title makes it.  Its
    label is a content label, and it tells a time of day.  Not prose: a byline, whose title
    :func:`~arclean.normalizers.residue.title.find_post` looks for above it.

    >>> line = "مُساهمةموضوع: انواع التمور في نقرين   انواع التمور في نقرين Emptyالسبت أكتوبر 04, 2008 6:41 pm"
    >>> is_long_post_byline(line, skeleton(line))
    True
    >>> line = "مساهمة القطاع الخاص في الناتج المحلي بلغت 20 بالمئة في عام 2020 حسب تقرير البنك المركزي"
    >>> is_long_post_byline(line, skeleton(line))
    False
    """
    return starts_with_content_label(key.split(maxsplit=1)) and is_post_byline(line, key) and _CLOCK.search(line) is not None


#: A poster's name on a card's line: one word to this many.
_MAX_POSTER_NAME_WORDS = 4


@lru_cache(maxsize=None)
def _card_marks() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The folded online statuses and avatar labels, longest first."""
    def folded(relpath: str) -> tuple[str, ...]:
        return tuple(sorted({skeleton(entry) for entry in datafiles.word_list(relpath)}, key=len, reverse=True))
    return folded("words/poster_status.txt"), folded("words/avatar_labels.txt")


#: A poster's rank: at most this many words (``كبار شخصيات المنتدى``, ``مدير الشباب الرايق``).
_MAX_RANK_WORDS = 4


@lru_cache(maxsize=None)
def poster_ranks() -> frozenset[str]:
    """The words of a poster's rank or role (``data/words/poster_ranks.txt``), folded."""
    return _folded_words("words/poster_ranks.txt")


def is_poster_mark(key: str) -> bool:
    """A line of a poster card's head that says so by itself, by its skeleton: a rank or role of
    up to four words (a word of ``poster_ranks.txt`` in it), an online status or an avatar's
    label alone.

    >>> [is_poster_mark(skeleton(line)) for line in ("¬°•| عضــو مــهــم|•°¬", "غير متصل", "avatar", "هل أراك", "مدير المنتدى")]
    [True, True, True, False, True]
    """
    statuses, avatars = _card_marks()
    if key in statuses or key in avatars:
        return True
    words = key.split()
    return 1 <= len(words) <= _MAX_RANK_WORDS and any(listed(word, poster_ranks()) for word in words)


def is_poster_name(key: str) -> bool:
    """A forum poster card's name line, by its skeleton: a name of one to four
    words with the board's online status after it, or an avatar's alt text
    before it.

    >>> [is_poster_name(skeleton(line)) for line in ("محمد حسن غنيم غير متواجد حالياً", "الصورة الرمزية مسلم11",
    ...                                                "غير متواجد حالياً", "الطريق غير متصل بالمدينة الجديدة")]
    [True, True, False, False]
    """
    statuses, avatars = _card_marks()
    if key.endswith(statuses):  # one look at all of them first: most lines end with none
        # The longest first: "غير متواجد حالياً" is no name "غير" and a status "متواجد حالياً".
        status = next(status for status in statuses if key.endswith(status))
        return key[-len(status) - 1:-len(status)] == " " and 1 <= key[: -len(status)].count(" ") <= _MAX_POSTER_NAME_WORDS
    if key.startswith(avatars):
        avatar = next(avatar for avatar in avatars if key.startswith(avatar))
        return key[len(avatar):len(avatar) + 1] == " " and 1 <= key[len(avatar):].count(" ") <= _MAX_POSTER_NAME_WORDS
    return False


@lru_cache(maxsize=None)
def breadcrumb_homes() -> tuple[str, ...]:
    """The names a breadcrumb trail starts with (``data/words/breadcrumb_home.txt``,
    as written), longest first.

    >>> "الرئيسية" in breadcrumb_homes()
    True
    """
    return tuple(sorted(datafiles.word_list("words/breadcrumb_home.txt"), key=lambda name: (-len(name), name)))


@lru_cache(maxsize=None)
def _breadcrumb() -> re.Pattern[str]:
    """A breadcrumb trail: the home page's name, then a separator and sections."""
    names = breadcrumb_homes()
    marks = "".join(map(re.escape, TRAIL_MARKS))
    return re.compile("(?:" + "|".join(map(re.escape, names)) + rf")[ \t]*[{marks}][^\n]*")


def is_breadcrumb(line: str) -> bool:
    """A breadcrumb trail (``الرئيسية » أخبار » محلية``): content by the
    conventions (it names the article's section), removed only by the opt-in B104.

    >>> is_breadcrumb("الرئيسية » أخبار"), is_breadcrumb("الرئيسية")
    (True, False)
    """
    return bool(_breadcrumb().fullmatch(line.strip()))


@lru_cache(maxsize=None)
def _copyright() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """A copyright notice: "(c) 2024", or an "all rights reserved" phrase of
    ``data/words/copyright_phrases.txt`` (folded); and the phrases' last words
    (``محفوظه``, ``reserved``), one of which a notice without "(c)" holds."""
    phrases = sorted(skeleton(phrase) for phrase in datafiles.word_list("words/copyright_phrases.txt"))
    pattern = re.compile(r"\(c\) ?\d{4}|" + "|".join(map(re.escape, phrases)))
    return pattern, tuple(sorted({phrase.rsplit(" ", 1)[-1] for phrase in phrases}))


def copyright_words() -> tuple[str, ...]:
    """The words a copyright notice without "(c)" or "©" holds one of, folded:
    the last words of the "all rights reserved" phrases.

    >>> "محفوظه" in copyright_words()
    True
    """
    return _copyright()[1]


#: A path of a site (``/rss/``, ``/feed/?type=atom/``): a slash, then no white space.
_PATH = re.compile(r"/[^\s/]+(?:/[^\s]*)?")
#: The permalink mark a documentation page prints after each heading (Sphinx, MkDocs: ``الاسم¶``).
HEADERLINK = "¶"


def names_a_path_or_heading(stripped: str) -> bool:
    """Is a line (stripped) a site's path (``/rss/``: a post that lists a blog's feeds) or a
    documentation page's heading, its permalink's mark after it (``الاسم¶``: a field of a form
    the page documents)?  Either is the text's own, whatever its words: no phrase, no chrome.
    The compiled core leaves such a line to Python.

    >>> names_a_path_or_heading("/rss/"), names_a_path_or_heading("الاسم¶")
    (True, True)
    >>> names_a_path_or_heading("/ الرئيسية / أخبار"), names_a_path_or_heading("RSS")
    (False, False)
    """
    return stripped.endswith(HEADERLINK) or (stripped[:1] == "/" and _PATH.fullmatch(stripped) is not None)


def is_script_end(stripped: str) -> bool:
    """A line (stripped) that is a script's end (:data:`_SCRIPT_END`): head chrome.

    >>> [is_script_end(line) for line in ("});", "\u2018);", "}", ";")]
    [True, True, True, True]
    >>> [is_script_end(line) for line in (")", "(1)", "{ إِنَّا أَنْزَلْنَاهُ }", "\u201d", "})(jQuery);")]
    [False, False, False, False, False]
    """
    return _SCRIPT_END.fullmatch(stripped) is not None


def is_template_token(stripped: str) -> bool:
    """A line (stripped) of template tokens only, a page's template leaked into its
    text (:data:`TEMPLATE_TOKENS`): head chrome.

    >>> is_template_token("[ad_1]"), is_template_token("{clean_title}"), is_template_token("%%title%% %%sep%%")
    (True, True, True)
    >>> is_template_token("-->"), is_template_token("- 1 كوب من الدقيق"), is_template_token("<-- السابق")
    (True, False, False)
    >>> is_template_token("[1]"), is_template_token("[en 1]"), is_template_token("{الله}"), is_template_token("[ad_1] نص")
    (False, False, False, False)
    >>> is_template_token("[table id=81 /]"), is_template_token('[contact-form-7 id="12" title="اتصل بنا"]'), is_template_token("[size=18]")
    (True, True, False)
    """
    return bool(stripped) and stripped[0] in TEMPLATE_STARTS and TEMPLATE_TOKENS.fullmatch(stripped) is not None


#: A "©" (byte A9) right after a lead byte of UTF-8 shown as windows-1256 or windows-1252: an
#: Arabic letter's (D8, D9: ``ط`` ``ظ`` ``Ø`` ``Ù``), a Latin letter's with an accent (C3: ``أ``
#: ``Ã``, ``é`` shown as ``أ©``), or ``Â``/``آ`` (C2, shown twice broken): a character's mojibake.
_BROKEN_COPYRIGHT_SIGN = re.compile("[\u0637\u0638\u00d8\u00d9\u0623\u00c3\u00c2\u0622]\u00a9")


def _is_credit(line: str) -> bool:
    """A "©" line that credits a photo or a source, with no year and no "rights reserved" word: an
    agency and a photographer (``© Sputnik . Sergey Guneev /``, a slash between them), the word
    "photo", or a clause of four words or more before the sign (a hotel page's ``تم حساب المسافات
    … باستخدام © OpenStreetMap``: the source of its figures, in a sentence of the text).  Or a
    photo's caption, the picture described in eight words or more with no "rights reserved" word,
    then the sign and its credit, with no year after the sign (the caption's own date before it:
    ``… بتونس العاصمة – يوليو/تموز 2018 © EPA``).

    >>> _is_credit("سعاد عبد الرحيم كأول امرأة تتولى منصب شيخة المدينة بتونس العاصمة – يوليو/تموز 2018 © EPA")
    True
    >>> _is_credit("جميع الحقوق محفوظة لموقع الخبر اليومي الإخباري في مدينة طرابلس 2024 ©")
    False
    """
    caption, sign, after = line.partition("©")
    if sign and len(caption.split()) >= _MIN_CAPTION_WORDS and _claims_no_rights(after) and not _reserves_rights(caption):
        return True
    credit = _GLUED_CAPTION.split(line, 1)[0]  # a caption glued to the photographer's name has its own dates
    if ("/" not in credit and "photo" not in credit.lower()
            and len(credit.split("©", 1)[0].split()) < _MIN_WORDS_BEFORE_A_CREDIT):
        return False
    return _claims_no_rights(credit)


#: Words before a "©" that make it a source credited in a sentence, not a notice's sign.
_MIN_WORDS_BEFORE_A_CREDIT = 4
#: Words before a "©" that make the line a photo's caption, its credit after the sign.
_MIN_CAPTION_WORDS = 8


def _is_ornament(line: str) -> bool:
    """Does every "©" of the line stand in a run of three symbols or more, with no year and no
    "rights reserved" word on the line?  A forum's title framed in ornaments
    (``™°©•«كاسحة الألغام»•©°™``, ``®§][©][ المنتدى الرياضي][©][§®``), no notice."""
    return all(len(run) >= _MIN_ORNAMENT_RUN for run in _SIGN_AMONG_SYMBOLS.findall(line)) and _claims_no_rights(line)


def _claims_no_rights(text: str) -> bool:
    """No year and no "rights reserved" word: what a "©" that credits or adorns lacks, and a notice has."""
    return _YEAR.search(text) is None and not _reserves_rights(text)


def _reserves_rights(text: str) -> bool:
    """Does the text hold a "rights reserved" word (``words/copyright_phrases.txt``)?"""
    return any(word in skeleton(text) for word in copyright_words())


#: A "©" with the symbols right around it (no letter, digit or space); an ornament's run has three at least.
_SIGN_AMONG_SYMBOLS = re.compile(r"[^\w\s]*©[^\w\s]*")
_MIN_ORNAMENT_RUN = 3


#: A year of a copyright notice (``© 2024``, ``2001 - 2012``).
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
#: Where a caption glued to a Latin credit starts: an Arabic letter right after a Latin one (``Chiuخسوف``).
_GLUED_CAPTION = re.compile(r"(?<=[A-Za-z.])(?=[\u0621-\u064a])")


def is_copyright(line: str, key: str | None = None) -> bool:
    """A copyright footer line.

    >>> is_copyright("© 2024 جميع الحقوق محفوظة لموقع الخبر"), is_copyright("حقوق الإنسان محفوظة في الدستور")
    (True, False)

    A "©" right after a lead byte of broken UTF-8 (``ط©``: ة shown as windows-1256) is mojibake,
    no copyright sign:

    >>> is_copyright("ط·آ·ط¢آ§ط·آ·ط¢آ©"), is_copyright("UNHCR ©")
    (False, True)

    So is an accented Latin letter's (``é`` shown as ``أ©``, as ``Ã©``): a forum poster's nickname
    in a card's level bar, no notice:

    >>> is_copyright("المستوى: 30 [♥ Bأ©-Yأھu ♥]"), is_copyright("Cafأ© Ã©tude")
    (False, False)

    A photo's credit, its agency and photographer (``© AP Photo / Ringo H.W. Chiu``), with no year
    and no "rights reserved", credits the picture above it, a caption glued to it as it may be:

    >>> is_copyright("© AP Photo / Ringo H.W. Chiuخسوف القمر، 15 مايو 2022"), is_copyright("© 2024 REUTERS / موقع الخبر")
    (False, True)

    So is a source credited in a sentence, four words or more before the sign:

    >>> is_copyright("رسمت الخرائط في هذه الصفحة باستخدام © OpenStreetMap"), is_copyright("موقع أخبار المدينة ©")
    (False, True)

    And so is a sign among a title's ornaments:

    >>> is_copyright("™°©•«دليل الصيد في الصحراء»•©°™"), is_copyright("(©) جميع الحقوق محفوظة")
    (False, True)
    """
    if line.count(" ") > 2 * _MAX_COPYRIGHT_WORDS:
        return False
    if "©" in line:
        return (len(line.split()) <= _MAX_COPYRIGHT_WORDS and line.count("©") > len(_BROKEN_COPYRIGHT_SIGN.findall(line))
                and not _is_credit(line) and not _is_ornament(line))
    if key is None:
        key = skeleton(line)
    pattern, reserved = _copyright()
    if not any(word in key for word in reserved) and "(c)" not in line.lower():
        return False
    found = pattern.search(key) or pattern.search(line.lower())
    return bool(found) and len(key.split()) <= _MAX_COPYRIGHT_WORDS
