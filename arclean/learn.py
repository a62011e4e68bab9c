"""``arclean learn``: a site's own chrome, learned from its pages by counting.

No phrase list knows every site's slogan, "follow us" line, author card or
newsletter box; the corpus does: the same short line at the head or tail of
many pages of one site is that site's chrome.  Line-level dedup (CCNet,
datatrove) drops every repeated line, and with it quotations, verses and
refrains; here a line is learned per source, only from the page edges, and
written to a phrase file a person reviews before the ordinary B rules apply it.

Each document is cleaned by the rules that run before the line rules (so its
lines are compared as the line rules see them), analysed
(:func:`arclean.normalizers.residue.analysis.analyze`), and each short line that is not already
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

Memory: per source, its number of documents and one :class:`Tally` per
distinct folded short line (four counts and the line's spelling); long lines,
titles and documents are never kept.  The distinct short lines of a real corpus still grow with it (most
subheadings, captions and list items are seen once), so :class:`Counts` keeps
at most ``CAP`` tallies by *lossy counting* (Manku and Motwani): past the cap,
rounds drop the tallies of lines seen in the fewest documents of their source
(at most the round's number, counting what an earlier round may have dropped)
until half the cap is left.  A kept count is low by at most the number of
rounds, which the learned file's header gives; chrome is on a share of a
source's pages, far above it.  Below the cap the counts are exact and merge by
addition, so ``--jobs N`` gives the file 1 job gives; above it, pieces are
pruned apart and a line near the thresholds can come out either way.
Measured (``benchmarks/bench_learn.py``): 1.2 GB of JSONL of 200 hosts, two
unique short lines a page, peaks at 144 MB (452 MB and growing without the cap).

Sources: :mod:`arclean.sources`.  The file has a ``# source:`` section per
source, which the B rules apply to that source's documents only.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

from .config import Config
from .datafiles import PREFIX_MARK
from .normalizers.residue.analysis import analyze
from .normalizers.residue.lines import month_names
from .normalizers.residue.page import Kind, Region
from .normalizers.residue.title import find_title
from .pipeline import Pipeline
from .registry import RULES, select_rules
from .text.folding import skeleton

MIN_DOCS = 5
MIN_SHARE = 0.5
#: Tallies kept at most (see :class:`Counts`): about 400 bytes each.
CAP = 200_000
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


class Tally:
    """One folded line in one source: documents, occurrences by region, spellings,
    and ``delta``: how many documents it may have lost to pruning (see :class:`Counts`)."""

    __slots__ = ("docs", "head", "article", "tail", "delta", "first", "first_n", "spellings")

    def __init__(self, delta: int = 0) -> None:
        self.docs = self.head = self.article = self.tail = 0
        self.delta = delta
        # The one spelling seen and its count, until a second comes: then ``spellings`` counts them all.
        self.first, self.first_n = "", 0
        self.spellings: Counter[str] | None = None

    def add_spelling(self, spelling: str, n: int = 1) -> None:
        if not spelling:
            return
        if self.spellings is None:
            if not self.first or self.first == spelling:
                self.first, self.first_n = spelling, self.first_n + n
                return
            self.spellings = Counter({self.first: self.first_n})
        self.spellings[spelling] += n

    def add(self, other: Tally) -> None:
        for spelling, n in (other.spellings or {other.first: other.first_n}).items():
            self.add_spelling(spelling, n)
        self.docs += other.docs
        self.head, self.article, self.tail = self.head + other.head, self.article + other.article, self.tail + other.tail
        self.delta += other.delta

    @property
    def occurrences(self) -> int:
        return self.head + self.article + self.tail

    @property
    def spelling(self) -> str:
        """The most frequent spelling (the first in order among equals); '' for a line that cannot be written."""
        if self.spellings is None:
            return self.first
        return min(self.spellings.items(), key=lambda item: (-item[1], item[0]))[0]


@dataclass
class Counts:
    """Per source: its number of documents, and a :class:`Tally` per folded line.

    Memory is bounded by ``cap`` tallies, by lossy counting (Manku and Motwani,
    2002): when there are more, each *round* drops the tallies whose documents
    plus ``delta`` are at most the round's number, until half the cap is left;
    a line counted afresh after a round has ``delta`` = the rounds so far.  So a
    count is low by at most its ``delta``, and a line dropped was in at most
    ``rounds`` documents of its source at the time.  Below the cap (every test
    corpus, and corpora of up to a few hundred MB) nothing is dropped: the counts
    are exact and merge exactly, whatever the number of processes.
    """

    docs: Counter[str] = field(default_factory=Counter)
    lines: dict[str, dict[str, Tally]] = field(default_factory=dict)
    cap: int = 0
    entries: int = 0
    rounds: int = 0
    dropped: int = 0

    def __post_init__(self) -> None:
        self.cap = self.cap or CAP

    def merge(self, other: Counts) -> Counts:
        """Add the other counts (in order: ``--jobs`` merges pieces in the files' order).  A
        line one side has and the other may have dropped is low by the other's rounds more."""
        if other.rounds:
            for source in other.docs:
                theirs = other.lines.get(source, {})
                for folded, tally in self.lines.get(source, {}).items():
                    if folded not in theirs:
                        tally.delta += other.rounds
        seen = set(self.docs) if self.rounds else set()
        self.docs.update(other.docs)
        for source, tallies in other.lines.items():
            mine = self.lines.setdefault(source, {})
            for folded, tally in tallies.items():
                if folded in mine:
                    mine[folded].add(tally)
                    self.entries -= 1
                else:
                    if source in seen:
                        tally.delta += self.rounds
                    mine[folded] = tally
        self.entries += other.entries
        self.rounds += other.rounds
        self.dropped += other.dropped
        self._bound()
        return self

    def add_document(self, source: str, text: str, prepare: Pipeline) -> None:
        self.docs[source] += 1
        tallies = self.lines.setdefault(source, {})
        for folded, (spelling, regions) in document_lines(prepare.clean(text)).items():
            tally = tallies.get(folded)
            if tally is None:
                tally = tallies[folded] = Tally(self.rounds)
                self.entries += 1
            tally.docs += 1
            tally.head += regions[Region.HEAD]
            tally.article += regions[Region.ARTICLE]
            tally.tail += regions[Region.TAIL]
            tally.add_spelling(spelling)
        self._bound()

    def _bound(self) -> None:
        """Past ``cap`` tallies, drop the rarest, round after round, until half the cap is left."""
        if self.entries <= self.cap:
            return
        while self.entries > self.cap // 2:
            self.rounds += 1
            for source, tallies in list(self.lines.items()):
                rare = [folded for folded, tally in tallies.items() if tally.docs + tally.delta <= self.rounds]
                for folded in rare:
                    del tallies[folded]
                self.entries -= len(rare)
                self.dropped += len(rare)
                if not tallies:
                    del self.lines[source]


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
    if count < MIN_PREFIX_WORDS or _DATE.search(text) or any(word in month_names() for word in words):
        return ""
    prefix = _DIGITS.split(text, 1)[0].strip()
    return prefix + PREFIX_MARK if skeleton(prefix).split() == words[:count] else ""


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
        return f"# {self.docs} of {self.of} documents ({100 * self.docs // self.of}%), {where}"


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


def phrase_file(learned: Iterable[Learned], counts: Counts, kind: str, *, min_docs: int, min_share: float,
                source_field: str | None = None) -> str:
    """The learned phrases as a boilerplate phrase file: a ``# source:``
    section for each source (in order of name), its phrases most frequent
    first, each under a comment saying in how many of the source's documents
    it is and where.

    >>> counts = Counts(docs=Counter({"corpus/nabd": 40}))
    >>> item = Learned("corpus/nabd", "نبض الخليج صوتك الحر", 38, 40, 38, 0, 0)
    >>> print(phrase_file([item], counts, "widget", min_docs=5, min_share=0.5).split("\\n\\n", 1)[1], end="")
    # source: corpus/nabd
    # 38 of 40 documents (95%), head 38
    نبض الخليج صوتك الحر
    """
    by_source: dict[str, list[Learned]] = {}
    for item in learned:
        by_source.setdefault(item.source, []).append(item)
    where = f'a source is the host of the JSONL field "{source_field}"' if source_field else "a source is a folder, or a JSONL file"
    out = [
        f"# kind: {kind}",
        f"# Learned by 'arclean learn' (min-docs {min_docs}, min-share {min_share}) from "
        f"{sum(counts.docs.values())} documents of {len(counts.docs)} sources ({where}).",
        "# A phrase applies to the documents of the source of its '# source:' section only.",
        "# Delete what is not chrome, then list this file in the configuration: boilerplate = [\"...\"]"
        + (f', with source-field = "{source_field}".' if source_field else "."),
    ]
    if counts.rounds:
        out.append(f"# Memory bound: {counts.dropped} rare line counts were dropped in {counts.rounds} rounds; "
                   f"a count may be low by up to {counts.rounds}.")
    for source in sorted(by_source):
        out += ["", f"# source: {source}"]
        for item in sorted(by_source[source], key=lambda item: (-item.docs, item.phrase)):
            out += [item.comment(), item.phrase]
    return "\n".join(out) + "\n"
