"""``arclean learn``: a site's own chrome, learned from its pages by counting.

No phrase list knows every site's slogan, "follow us" line, author card or
newsletter box; the corpus does: the same short line at the head or tail of
many pages of one site is that site's chrome.  Line-level dedup (CCNet,
datatrove) drops every repeated line, and with it quotations, verses and
refrains; here a line is learned per source, only from the page edges, and
written to a phrase file a person reviews before the ordinary B rules apply it.

Each document is cleaned by the rules that run before the line rules (so its
lines are compared as the line rules see them), analysed
(:func:`arclean.analysis.analyze`), and each short line that is not already
residue, a guarded line (byline, source, breadcrumb) or the page's title
(known by its copies: a first line with none may be the site's slogan) is
*folded*: its skeleton with every number replaced by ``#``.  Per source, a
:class:`Tally` counts in how many documents each folded line appears and how
often in the head, the article and the tail.  A line is learned for a source
(:func:`select`) when it is in at least ``min_docs`` documents and a share
``min_share`` of the source's documents, at most 10% of its occurrences are in
the article, and the corpus does not treat it as content elsewhere (in the
article of two sources or more, or in the article for over 10% of all its
occurrences): quotations, verses and refrains stay.

Defaults, from the measurement in ``tests/test_learn.py``
(``test_defaults_sit_in_the_measured_range`` and the test after it): a
generated corpus of 3 sources x 40 documents of devset paragraphs, each chrome
line on 70-100% of its site's pages (templates vary), and content repeated at
the edges: a category line (one of three per site, about a third of the pages)
and a closing verse.  Over 20 draws of that corpus the rarest chrome line was
on 50-70% of its site's pages, the most repeated content line at the edges on
40-53%: ``min_share = 0.5`` sits between, and learned every chrome line in all
20 draws and a category line too in 2 (which the review deletes).
``min_docs = 5`` does not bind on such sources; it keeps a source of a handful
of documents from teaching its one-off lines.

Memory: per source, one :class:`Tally` per distinct folded short line (four
counts and the line's few spellings); long lines, titles and documents are
never kept, so memory grows with the number of distinct short lines, not with
the corpus.  Counts merge by addition, so ``--jobs N`` gives the file 1 job gives.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

from .analysis import analyze
from .config import Config
from .page import Kind, Region
from .pipeline import Pipeline
from .registry import RULES, select_rules
from .shape import skeleton
from .tables import PREFIX_MARK, months
from .title import find_title

MIN_DOCS = 5
MIN_SHARE = 0.5
#: A learned line is short: at most this many words.
MAX_WORDS = 12
#: Of a learned line's occurrences, at most this share in the article.
MAX_ARTICLE_SHARE = 0.1
#: A line in the article of this many sources is content everywhere.
CONTENT_SOURCES = 2
#: A line with a number is written as the words before it: two words at least.
MIN_PREFIX_WORDS = 2
NUMBER = "#"
_DIGITS = re.compile(r"\d+")
_DATE = re.compile(r"\d{1,4}\s*[/\-.:]\s*\d{1,2}|\b(?:1[34]|19|20)\d\d\b")
_LEARNABLE = (Kind.CONTENT, Kind.CHROME)
_FIRST_LINE_RULE = next(i for i, rule in enumerate(RULES) if rule.decide is not None)


@dataclass
class Tally:
    """One folded line in one source: documents, occurrences by region, spellings."""

    docs: int = 0
    head: int = 0
    article: int = 0
    tail: int = 0
    spellings: Counter[str] = field(default_factory=Counter)

    def add(self, other: Tally) -> None:
        self.docs += other.docs
        self.head, self.article, self.tail = self.head + other.head, self.article + other.article, self.tail + other.tail
        self.spellings.update(other.spellings)

    @property
    def occurrences(self) -> int:
        return self.head + self.article + self.tail

    @property
    def spelling(self) -> str:
        """The most frequent spelling (the first in order among equals); '' for a line that cannot be written."""
        return min(self.spellings.items(), key=lambda item: (-item[1], item[0]), default=("", 0))[0]


@dataclass
class Counts:
    """Per source: its number of documents, and a :class:`Tally` per folded line."""

    docs: Counter[str] = field(default_factory=Counter)
    lines: dict[str, dict[str, Tally]] = field(default_factory=dict)

    def merge(self, other: Counts) -> Counts:
        self.docs.update(other.docs)
        for source, tallies in other.lines.items():
            mine = self.lines.setdefault(source, {})
            for folded, tally in tallies.items():
                if folded in mine:
                    mine[folded].add(tally)
                else:
                    mine[folded] = tally
        return self

    def add_document(self, source: str, text: str, prepare: Pipeline) -> None:
        self.docs[source] += 1
        tallies = self.lines.setdefault(source, {})
        for folded, (spelling, regions) in document_lines(prepare.clean(text)).items():
            tally = tallies.get(folded)
            if tally is None:
                tally = tallies[folded] = Tally()
            tally.docs += 1
            tally.head += regions[Region.HEAD]
            tally.article += regions[Region.ARTICLE]
            tally.tail += regions[Region.TAIL]
            if spelling:
                tally.spellings[spelling] += 1


def preparing(config: Config) -> Pipeline:
    """The configuration's rules that run before the line rules."""
    chosen = select_rules(config.select, config.ignore, config.extend_select, config.profile)
    return Pipeline([rule for rule in chosen if RULES.index(rule) < _FIRST_LINE_RULE], config=config)


def document_lines(text: str) -> dict[str, tuple[str, Counter[Region]]]:
    """The folded short lines of a document that could be chrome: each with the
    spelling to write for it ('' when it cannot be written) and its regions.

    >>> text = "عنوان الخبر الذي نشر اليوم\\nعنوان الخبر الذي نشر اليوم\\n" + "نص " * 20 + "\\nتابعوا الواحة أولاً بأول"
    >>> [(folded, spelling, dict(regions)) for folded, (spelling, regions) in document_lines(text).items()]
    [('تابعوا الواحه اولا باول', 'تابعوا الواحة أولاً بأول', {<Region.TAIL: 'tail'>: 1})]
    """
    page = analyze(text)
    title, copies = find_title(page)
    # The title is known by its copies; a first line taken for the title with
    # none may be the site's slogan, and is counted (a true title varies anyway).
    skip = set(copies) | ({title} if title is not None and copies else set())
    found: dict[str, tuple[str, Counter[Region]]] = {}
    for index, line in enumerate(page.lines):
        if line.kind not in _LEARNABLE or line.guard is not None or index in skip or not 0 < line.words <= MAX_WORDS:
            continue
        folded = _DIGITS.sub(NUMBER, line.key)
        if folded not in found:
            found[folded] = (written(line.text, folded), Counter())
        found[folded][1][page.region(index)] += 1
    return found


def written(text: str, folded: str) -> str:
    """How a line is written in the phrase file: as it is, or, for a line with
    numbers, as a line-start phrase of its words before the first number (two
    at least, and not a date line); '' when it cannot be written.

    >>> written("عدد زوار موقع الواحة اليوم: 1520 زائر", "عدد زوار موقع الواحه اليوم # زاير")
    'عدد زوار موقع الواحة اليوم: …'
    >>> written("نشر في: 12 مارس 2024", "نشر في # مارس #")
    ''
    """
    text = text.strip().lstrip("#").strip()
    if text.endswith(PREFIX_MARK):
        text = text[: -len(PREFIX_MARK)].rstrip()
    if NUMBER not in folded:
        return text
    words = folded.split()
    count = next(i for i, word in enumerate(words) if NUMBER in word)
    if count < MIN_PREFIX_WORDS or _DATE.search(text) or any(word in _month_names() for word in words):
        return ""
    prefix = _DIGITS.split(text, 1)[0].strip()
    return prefix + PREFIX_MARK if skeleton(prefix).split() == words[:count] else ""


@lru_cache(maxsize=None)
def _month_names() -> frozenset[str]:
    return frozenset(skeleton(month.name) for month in months())


@dataclass(frozen=True)
class Learned:
    """A phrase learned for one source, and the counts behind it."""

    source: str
    phrase: str
    docs: int
    of: int
    head: int
    article: int
    tail: int

    @property
    def region(self) -> str:
        return "head" if self.head >= self.tail else "tail"

    def comment(self) -> str:
        where = ", ".join(f"{name} {n}" for name, n in (("head", self.head), ("tail", self.tail), ("article", self.article)) if n)
        return f"# {self.source}: {self.docs} of {self.of} documents ({100 * self.docs // self.of}%), {where}"


def select(counts: Counts, min_docs: int = MIN_DOCS, min_share: float = MIN_SHARE) -> list[Learned]:
    """The lines learned from the counts, most frequent first (then by source and phrase)."""
    article_sources: Counter[str] = Counter()
    totals: dict[str, list[int]] = {}
    for tallies in counts.lines.values():
        for folded, tally in tallies.items():
            article_sources[folded] += tally.article > 0
            total = totals.setdefault(folded, [0, 0])
            total[0] += tally.occurrences
            total[1] += tally.article
    learned = []
    for source, tallies in counts.lines.items():
        of = counts.docs[source]
        for folded, tally in tallies.items():
            if tally.docs < max(min_docs, min_share * of) or tally.article > MAX_ARTICLE_SHARE * tally.occurrences:
                continue
            occurrences, in_article = totals[folded]
            if article_sources[folded] >= CONTENT_SOURCES or in_article > MAX_ARTICLE_SHARE * occurrences:
                continue
            if not tally.spelling:
                continue
            learned.append(Learned(source, tally.spelling, tally.docs, of, tally.head, tally.article, tally.tail))
    return sorted(learned, key=lambda item: (-item.docs, item.source, item.phrase))


def phrase_file(learned: Iterable[Learned], counts: Counts, kind: str, *, min_docs: int, min_share: float) -> str:
    """The learned phrases as a boilerplate phrase file, each under a comment
    naming its source, its documents and where it stood."""
    learned = list(learned)
    sources = ", ".join(f"{source} ({n})" for source, n in sorted(counts.docs.items()))
    out = [
        f"# kind: {kind}",
        f"# Learned by 'arclean learn' (min-docs {min_docs}, min-share {min_share}) from "
        f"{sum(counts.docs.values())} documents: {sources}.",
        "# Each phrase is under its source, in how many of the source's documents it is and where.",
        "# Delete what is not chrome, then list this file in the configuration: boilerplate = [\"...\"].",
        "",
    ]
    groups: dict[tuple[str, bool], list[Learned]] = {}  # one entry per phrase, under each source's comment
    for item in learned:
        groups.setdefault((skeleton(item.phrase), item.phrase.endswith(PREFIX_MARK)), []).append(item)
    for items in groups.values():
        out += [item.comment() for item in items] + [items[0].phrase, ""]
    return "\n".join(out).rstrip("\n") + "\n"
