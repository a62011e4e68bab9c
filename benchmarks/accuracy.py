"""How much of a folder's residue arclean removes, and what it damages.

    python benchmarks/accuracy.py                       # ../shared/devset
    python benchmarks/accuracy.py FOLDER ... --worst 5 --split-by-site
    python benchmarks/accuracy.py --ignore B104 --json  # rules as in arclean.clean
    python benchmarks/accuracy.py --held-out --worst 0  # each half scored without its phrases and words

A folder holds cases ``NNN.dirty.txt`` (as scraped), ``NNN.gold.txt`` (expected
clean text) and ``NNN.meta.json`` (``source`` and the ``residue`` kinds it holds).
Scoring is that of ``../shared/devset/README.md`` and ``tests/test_devset.py``:
texts are compared with empty lines dropped; the distance of two texts is the sum,
over difflib's non-equal opcodes (``autojunk=False``), of the longer side.  A case
is clean when its dirty text equals its gold text so compared.  Printed:

- residue closed: (dirty->gold distance - cleaned->gold distance) / dirty->gold
  distance, summed over the dirty cases; dirty documents exactly as gold; characters
  changed in the clean documents; documents that change when cleaned a second time;
- the same per residue kind (a case counts toward every kind its meta lists);
- the N worst documents (most characters left), each with a diff gold -> cleaned;
- with ``--split-by-site``: the cases grouped by site (URL host without ``www.``, or
  the ``owner/repo`` of a repository source), the sites shuffled by each seed and cut
  in two halves, and the figures of each half.  The rules are not refitted here: this
  measures how far the figure moves from one half of the sites to the other.
- with ``--held-out``: for each seed and each half H, the cases of H scored as if
  nobody had seen the sites of H: every bundled phrase that matches a line of H's
  dirty documents is dropped (for a phrase made from a line with slots, the word-list
  entries that filled them, with every phrase they make), and every chrome, widget
  and counter word found in a residue line of H (a dirty line whose skeleton is not
  a line of its gold), with or without clitics; shape and context evidence stay, and
  thresholds are not refitted.
  The bundled data is swapped in by :func:`held_out_data` and restored after (the full
  figure is scored again to check it).

``canonical``, ``distance``, ``score_folder`` (a ``Case`` per document), ``figures``,
``site``, ``split_by_site``, ``seen_evidence``, ``held_out_data`` and ``held_out``
are importable for tests.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import functools
import json
import os
import random
import re
import statistics
import sys
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FOLDER = Path(os.environ.get("ARCLEAN_SHARED", ROOT.parent / "shared")) / "devset"
SEEDS = (0, 1, 2, 3, 4)
DIFF_LINES = 14  # diff lines shown per worst document
LINE_WIDTH = 160


def canonical(text: str) -> str:
    """The text with empty (or blank) lines dropped."""
    return "\n".join(line for line in text.split("\n") if line.strip())


def distance(a: str, b: str) -> int:
    """Characters to change from ``a`` to ``b``: the longer side of each difflib edit."""
    opcodes = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    return sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in opcodes if tag != "equal")


@dataclass(frozen=True)
class Case:
    name: str
    source: str
    kinds: tuple[str, ...]  # the residue kinds of its meta.json
    gold: str  # canonical
    cleaned: str  # canonical
    residue: int  # distance dirty -> gold
    left: int  # distance cleaned -> gold
    stable: bool  # cleaning the cleaned text again changes nothing
    dirty: str = field(default="", repr=False)  # as read, for scoring again (--held-out)

    @property
    def exact(self) -> bool:
        return self.left == 0

    @property
    def site(self) -> str:
        return site(self.source) or self.name


def score_folder(folder: Path, clean: Callable[[str], str] | None = None) -> list[Case]:
    """Every case of a folder, cleaned by ``clean`` (default ``arclean.clean``) and scored."""
    if clean is None:
        import arclean

        clean = arclean.clean
    cases = []
    for dirty_path in sorted(Path(folder).glob("*.dirty.txt")):
        name = dirty_path.name[: -len(".dirty.txt")]
        dirty = dirty_path.read_text(encoding="utf-8")
        gold = canonical(dirty_path.with_name(f"{name}.gold.txt").read_text(encoding="utf-8"))
        meta_path = dirty_path.with_name(f"{name}.meta.json")
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        cases.append(score_case(name, meta.get("source", ""), tuple(meta.get("residue", ())), dirty, gold, clean))
    return cases


def score_case(name: str, source: str, kinds: tuple[str, ...], dirty: str, gold: str,
               clean: Callable[[str], str]) -> Case:
    """One case cleaned by ``clean`` and scored (``gold`` canonical)."""
    cleaned = clean(dirty)
    return Case(name, source, kinds, gold, canonical(cleaned), distance(canonical(dirty), gold),
                distance(canonical(cleaned), gold), clean(cleaned) == cleaned, dirty)


def rescore(cases: Iterable[Case], clean: Callable[[str], str]) -> list[Case]:
    """The cases cleaned again by ``clean`` (with the data in force now) and scored."""
    return [score_case(c.name, c.source, c.kinds, c.dirty, c.gold, clean) for c in cases]


@dataclass(frozen=True)
class Figures:
    documents: int
    dirty: int
    residue: int  # characters, dirty documents
    left: int  # characters, dirty documents
    closed: float
    exact: int
    clean: int
    damage: int  # characters changed in clean documents
    damaged: int  # clean documents changed
    unstable: int  # documents that change on a second clean


def figures(cases: Iterable[Case]) -> Figures:
    cases = list(cases)
    dirty = [c for c in cases if c.residue]
    clean = [c for c in cases if not c.residue]
    residue = sum(c.residue for c in dirty)
    left = sum(c.left for c in dirty)
    return Figures(len(cases), len(dirty), residue, left, (residue - left) / residue if residue else 1.0,
                   sum(c.exact for c in dirty), len(clean), sum(c.left for c in clean),
                   sum(not c.exact for c in clean), sum(not c.stable for c in cases))


def by_kind(cases: Sequence[Case]) -> dict[str, Figures]:
    kinds = sorted({k for c in cases for k in c.kinds}, key=lambda k: (-sum(k in c.kinds for c in cases), k))
    return {k: figures(c for c in cases if k in c.kinds) for k in kinds}


def site(source: str) -> str:
    """``pages:https://www.host/path`` -> ``host``; ``owner/repo:path`` -> ``owner/repo``."""
    prefix, _, rest = source.partition(":")
    if prefix == "pages":
        host = urlsplit(rest).hostname or rest
        return host[4:] if host.startswith("www.") else host
    return prefix


def split_by_site(cases: Sequence[Case], seed: int) -> tuple[list[Case], list[Case]]:
    """Two halves of the cases, each a union of whole sites; half A has half the sites (rounded down)."""
    sites = sorted({c.site for c in cases})
    random.Random(seed).shuffle(sites)
    half_a = set(sites[: len(sites) // 2])
    return [c for c in cases if c.site in half_a], [c for c in cases if c.site not in half_a]


# --- held out -------------------------------------------------------------------------------

#: The word lists of ``arclean.normalizers.residue.lines`` a held-out run thins (``chrome_words`` holds the widget words too).
WORD_LISTS = ("chrome_words", "widget_words", "counter_words")
#: Every cached loader a held-out run must empty, by module: those it replaces and those built on them.
CACHED = {"tables": ("phrases",), "residue": (*WORD_LISTS, "function_words"),
          "analysis": ("_short_lines", "_short_how")}
HELD_OUT_MEASURES = ("the bundled phrases matching any line of a half's dirty documents (for a phrase made from a "
                     "line with slots, the word-list entries that filled them, and every phrase they make), and the "
                     "chrome, widget and counter words of its residue lines, removed before scoring that half; shape "
                     "and context evidence (and the patterns written in code) kept; thresholds are not refitted")


@dataclass(frozen=True)
class Evidence:
    """The bundled evidence a half of the sites has seen: the phrases and words to drop."""

    phrases: frozenset  # arclean.datafiles.Phrase: each matches a line of the half's dirty documents
    words: tuple[tuple[str, frozenset[str]], ...]  # (word list of WORD_LISTS, its folded words in residue lines)
    #: (word list, entry) pairs that filled the slots of a phrase line (``{related_nouns} {related_qualifiers}``)
    #: to make a phrase that matches such a line: the half shows the entries, not the combination.
    slots: frozenset = frozenset()

    @property
    def word_set(self) -> frozenset[str]:
        return frozenset().union(*(words for _, words in self.words))

    def minus(self, other: "Evidence") -> "Evidence":
        """What this half shows that the other does not: the evidence a rule writer
        fitting on the other half would not have had."""
        theirs = dict(other.words)
        return Evidence(self.phrases - other.phrases,
                        tuple((name, words - theirs.get(name, frozenset())) for name, words in self.words),
                        self.slots - other.slots)


@functools.lru_cache(maxsize=1)
def slot_fillings() -> dict:
    """Each bundled phrase made from a line with slots, and the (word list, entry) pairs
    that filled them (a listed phrase has none)."""
    from arclean import datafiles as tables

    found: dict = {}
    for relpath in tables.data_files("boilerplate"):
        fillings = [filling for lineno, line in tables.entries(relpath)
                    for _text, filling in tables.slot_fillings(relpath, lineno, line)]
        for phrase, filling in zip(tables.parse_phrases(relpath, cite=False, slots=True), fillings, strict=True):
            if filling:
                found.setdefault(phrase, frozenset(filling))
    return found


def _split_slots(phrases: frozenset) -> tuple[frozenset, frozenset]:
    """The phrases listed as they are, and the slot entries of those made from slots."""
    fillings = slot_fillings()
    listed = frozenset(p for p in phrases if p not in fillings)
    slots = frozenset().union(*(fillings[p] for p in phrases if p in fillings))
    return listed, slots


class _Forms(frozenset):
    """An empty word list that records the forms it is asked about: the forms of a
    word that ``arclean.normalizers.residue.lines.listed`` looks up (the word, without clitics, without
    suffixes)."""

    def __new__(cls) -> "_Forms":
        forms = super().__new__(cls)
        forms.asked = set()
        return forms

    def __contains__(self, word: object) -> bool:
        self.asked.add(word)
        return False


def matching_phrases(lines: Iterable[str]) -> frozenset:
    """Every bundled phrase that matches one of the lines, not only the first
    phrase each line matches."""
    from arclean import datafiles as tables
    from arclean.normalizers.residue import lines as residue

    lines = list(lines)
    remaining, seen = tables.phrases(), set()
    while True:  # a line matches one phrase at a time: drop it and look again
        matcher = residue.PhraseMatcher(remaining)
        hit = {found for line in lines if (found := matcher.match(line)) is not None}
        if not hit:
            return frozenset(seen)
        seen |= hit
        remaining = tuple(p for p in remaining if p not in hit)


def _default_normalize(text: str) -> str:
    import arclean

    return arclean.clean(text, ignore=["B"])


def seen_evidence(cases: Iterable[Case], normalize: Callable[[str], str] | None = None) -> Evidence:
    """The phrases and words that the dirty documents of ``cases`` show.

    Lines are read as scraped and as the line rules see them (``normalize``: the
    default rules without the B line rules).  A phrase is seen when it matches one of
    these lines, whichever other phrase matched it first; a listed word is seen when a
    word of a residue line (a line whose skeleton is not one of its gold's) is that
    word with or without clitics and suffixes, or after a number glued to it.
    """
    from arclean.normalizers.residue import lines as residue
    from arclean.text.folding import skeleton

    normalize = normalize or _default_normalize
    lines: set[str] = set()
    residue_lines: set[str] = set()
    for case in cases:
        gold = {skeleton(line) for line in case.gold.split("\n")}
        for line in set(case.dirty.split("\n")) | set(normalize(case.dirty).split("\n")):
            key = skeleton(line)
            if not key:
                continue
            lines.add(line)
            if key not in gold:
                residue_lines.add(key)

    seen, slots = _split_slots(matching_phrases(lines))

    forms = _Forms()
    for key in residue_lines:
        for word in residue._split_numbers(key.split()):
            getattr(residue.listed, "__wrapped__", residue.listed)(word, forms)  # uncached: forms records what is asked
    words = tuple((name, getattr(residue, name)() & frozenset(forms.asked)) for name in WORD_LISTS)
    return Evidence(seen, words, slots)


CONVENTIONS = ROOT / "docs" / "conventions.md"


@functools.lru_cache(maxsize=None)
def given_evidence() -> Evidence:
    """The phrases and words the conventions themselves write down (``اقرأ أيضا``,
    ``لن يتم نشر عنوان بريدك الإلكتروني.``): known to whoever writes the rules,
    whichever sites they fit on."""
    from arclean.normalizers.residue import lines as residue
    from arclean.text.folding import skeleton

    quoted = re.findall(r"`([^`]+)`", CONVENTIONS.read_text(encoding="utf-8"))
    lines = [part.strip() for text in quoted for part in re.split(r"…|\.\.\.", text) if part.strip()]
    phrases, slots = _split_slots(matching_phrases(lines))
    forms = _Forms()
    for line in lines:
        for word in skeleton(line).split():
            getattr(residue.listed, "__wrapped__", residue.listed)(word, forms)  # uncached: forms records what is asked
    words = tuple((name, getattr(residue, name)() & frozenset(forms.asked)) for name in WORD_LISTS)
    return Evidence(phrases, words, slots)


def _clear_caches() -> None:
    from arclean import datafiles as tables
    from arclean.normalizers.residue import analysis, lines as residue

    modules = {"tables": tables, "residue": residue, "analysis": analysis}
    for module, names in CACHED.items():
        for name in names:
            getattr(modules[module], name).cache_clear()
    residue.clear_matchers()


@contextlib.contextmanager
def held_out_data(evidence: Evidence) -> Iterator[None]:
    """Run the block with arclean's bundled phrases and word lists less ``evidence``.

    ``arclean.datafiles.phrases`` and the word-list loaders of ``arclean.normalizers.residue.lines`` are
    replaced by functions that return the reduced data, and every cache built on them
    is emptied; on the way out the loaders are put back and the caches emptied again.
    """
    from arclean import datafiles as tables
    from arclean.normalizers.residue import lines as residue

    fillings = slot_fillings()
    # A phrase made from slots goes with any entry that filled them (the rule writer never saw that entry).
    phrases = tuple(p for p in tables.phrases()
                    if p not in evidence.phrases and not fillings.get(p, frozenset()) & evidence.slots)
    dropped = dict(evidence.words)
    words = {name: getattr(residue, name)() - dropped.get(name, frozenset()) for name in WORD_LISTS}
    saved = [(tables, "phrases", tables.phrases)] + [(residue, name, getattr(residue, name)) for name in WORD_LISTS]
    try:
        _clear_caches()  # before replacing: the replacements have no cache
        tables.phrases = lambda: phrases
        for name in WORD_LISTS:
            setattr(residue, name, lambda words=words[name]: words)
        yield
    finally:
        for module, name, loader in saved:
            setattr(module, name, loader)
        _clear_caches()


def held_out(cases: Sequence[Case], seeds: Sequence[int], clean: Callable[[str], str],
             normalize: Callable[[str], str] | None = None, *, fitted: bool = False) -> list[dict]:
    """For each seed, each half of the sites scored with the evidence it shows removed.

    Returns a row per seed: ``seed``, ``a`` and ``b`` (each: ``sites``, ``cases``, the
    ``phrases`` and ``words`` removed, and its ``figures``, a :class:`Figures`) and
    ``both`` (the figures of the two halves together, each scored held out).
    ``fitted``: keep what the other half shows too (as if the data had been
    fitted on the other half), and remove only what this half alone shows.
    """
    rows = []
    for seed in seeds:
        row: dict = {"seed": seed}
        scored: list[Case] = []
        halves = split_by_site(cases, seed)
        seen = [seen_evidence(half, normalize) for half in halves]
        for label, half, own, other in zip("ab", halves, seen, reversed(seen), strict=True):
            evidence = own.minus(other).minus(given_evidence()) if fitted else own
            with held_out_data(evidence):
                again = rescore(half, clean)
            scored += again
            row[label] = {"sites": sorted({c.site for c in half}), "cases": [c.name for c in half],
                          "phrases": sorted({p.text for p in evidence.phrases}),
                          "slot_words": sorted(f"{{{name}}} {entry}" for name, entry in evidence.slots),
                          "words": {name: sorted(words) for name, words in evidence.words},
                          "word_count": len(evidence.word_set), "figures": figures(again), "scored": again}
        row["both"] = figures(scored)
        rows.append(row)
    return rows


def diff(case: Case, lines: int = DIFF_LINES) -> list[str]:
    """A unified diff gold -> cleaned, at most ``lines`` lines, each cut to LINE_WIDTH characters."""
    gold, cleaned = case.gold.split("\n"), case.cleaned.split("\n")
    out = list(difflib.unified_diff(gold, cleaned, "gold", "cleaned", n=1, lineterm=""))
    out = [line if len(line) <= LINE_WIDTH else line[: LINE_WIDTH - 1] + "…" for line in out]
    return out[:lines] + ([f"… {len(out) - lines} more diff lines"] if len(out) > lines else [])


def _pct(value: float) -> str:
    return f"{value:.1%}"


def say_figures(f: Figures, say: Callable[..., None] = print, indent: str = "  ") -> None:
    say(f"{indent}residue closed: {_pct(f.closed)} of {f.residue} characters ({f.left} left)")
    say(f"{indent}dirty documents exactly as gold: {f.exact}/{f.dirty}")
    say(f"{indent}characters changed in clean documents: {f.damage} ({f.damaged} of {f.clean} documents)")
    say(f"{indent}documents that change on a second clean: {f.unstable}/{f.documents}")


def _quiet(*args: object, **kwargs: object) -> None:
    pass


def report(folder: Path, cases: list[Case], worst: int, seeds: Sequence[int] | None, rules: str,
           say: Callable[..., None] = print, held_out_seeds: Sequence[int] | None = None,
           clean: Callable[[str], str] | None = None) -> dict:
    """Print the report of one folder; return the same figures as a JSON-ready dict."""
    full = figures(cases)
    kinds = by_kind(cases)
    say(f"{folder}: {full.documents} documents ({full.dirty} dirty, {full.clean} clean), {rules}")
    say_figures(full, say)
    say("\nBy residue kind (a case counts toward every kind in its meta.json):")
    width = max([len(k) for k in kinds] + [4])
    say(f"  {'kind':<{width}}  cases  closed   exact  clean changed")
    for kind, f in kinds.items():
        say(f"  {kind:<{width}}  {f.documents:>5}  {_pct(f.closed):>6}  {f'{f.exact}/{f.dirty}':>6}  {f.damage:>13}")
    result: dict = {"folder": str(folder), "rules": rules, "figures": asdict(full),
                    "kinds": {k: asdict(f) for k, f in kinds.items()}}

    ranked = sorted((c for c in cases if c.left), key=lambda c: (-c.left, c.name))[:worst]
    if ranked:
        say(f"\nWorst {len(ranked)} documents (most characters left):")
    for c in ranked:
        state = f"{c.left} of {c.residue} left" if c.residue else f"clean document, {c.left} changed"
        say(f"\n  {c.name}: {state}  [{', '.join(c.kinds) or 'no residue'}]  {c.source}")
        for line in diff(c):
            say(f"    {line}")
    result["worst"] = [{"name": c.name, "left": c.left, "residue": c.residue, "source": c.source} for c in ranked]

    if seeds:
        result["split"] = report_split(cases, full, seeds, say)
    if held_out_seeds:
        if clean is None:
            import arclean

            clean = arclean.clean
        result["held_out"] = report_held_out(cases, full, held_out_seeds, clean, say)
        result["fitted_on_other_half"] = report_held_out(cases, full, held_out_seeds, clean, say, fitted=True)
    return result


def report_split(cases: list[Case], full: Figures, seeds: Sequence[int], say: Callable[..., None] = print) -> dict:
    sites = {c.site for c in cases}
    say(f"\nSplit by site: {len(sites)} sites cut into two halves by each seed. The rules are not refitted:")
    say("these are the figures on each half of the sites, and the spread between the halves.")
    say("  seed  sites A/B  cases A/B  closed A  closed B  |A-B|  exact A  exact B  changed A/B")
    rows = []
    for seed in seeds:
        a, b = split_by_site(cases, seed)
        fa, fb = figures(a), figures(b)
        rows.append({"seed": seed, "a": asdict(fa), "b": asdict(fb),
                     "cases_a": [c.name for c in a], "cases_b": [c.name for c in b],
                     "gap": abs(fa.closed - fb.closed),
                     "gap_to_full": max(abs(fa.closed - full.closed), abs(fb.closed - full.closed))})
        sites_a = len({c.site for c in a})
        say(f"  {seed:>4}  {f'{sites_a}/{len(sites) - sites_a}':>9}  {f'{len(a)}/{len(b)}':>9}  {_pct(fa.closed):>8}  "
            f"{_pct(fb.closed):>8}  {100 * rows[-1]['gap']:>5.1f}  {f'{fa.exact}/{fa.dirty}':>7}  "
            f"{f'{fb.exact}/{fb.dirty}':>7}  {f'{fa.damage}/{fb.damage}':>11}")
    mean_a = statistics.mean(r["a"]["closed"] for r in rows)
    mean_b = statistics.mean(r["b"]["closed"] for r in rows)
    mean_gap = statistics.mean(r["gap"] for r in rows)
    worst_gap = max(r["gap_to_full"] for r in rows)
    say(f"  mean  {'':>9}  {'':>9}  {_pct(mean_a):>8}  {_pct(mean_b):>8}  {100 * mean_gap:>5.1f}")
    say(f"  full figure {_pct(full.closed)}; largest distance of a half from it: {100 * worst_gap:.1f} points")
    return {"seeds": rows, "mean_closed_a": mean_a, "mean_closed_b": mean_b, "mean_gap": mean_gap,
            "largest_gap_to_full": worst_gap}


def report_held_out(cases: list[Case], full: Figures, seeds: Sequence[int], clean: Callable[[str], str],
                    say: Callable[..., None] = print, *, fitted: bool = False) -> dict:
    sites = {c.site for c in cases}
    if fitted:
        say(f"\nFitted on one half, scored on the other: {len(sites)} sites cut into two halves by each seed; each")
        say("half scored without the phrases and words only it shows (kept: those the other half shows too, and")
        say("those written in docs/conventions.md, which whoever writes the rules knows whatever the split).")
    else:
        say(f"\nHeld out by site: {len(sites)} sites cut into two halves by each seed; each half scored as if nobody")
        say("had seen its sites; A+B: the two halves together, every case scored once, with its own half held out.")
    say(f"What this measures: {HELD_OUT_MEASURES}.")
    say("  seed  half  sites  cases  phrases  words  slots  closed    exact  changed")
    rows = []
    for row in held_out(cases, seeds, clean, fitted=fitted):
        out: dict = {"seed": row["seed"]}
        for label in "ab":
            half = row[label]
            f = half["figures"]
            say(f"  {row['seed']:>4}  {label.upper():>4}  {len(half['sites']):>5}  {len(half['cases']):>5}  "
                f"{len(half['phrases']):>7}  {half['word_count']:>5}  {len(half['slot_words']):>5}  {_pct(f.closed):>6}  "
                f"{f'{f.exact}/{f.dirty}':>7}  {f.damage:>7}")
            out[label] = {k: v for k, v in half.items() if k not in ("figures", "scored")} | {"figures": asdict(f)}
        both = row["both"]
        say(f"  {row['seed']:>4}  {'A+B':>4}  {'':>5}  {both.documents:>5}  {'':>7}  {'':>5}  {'':>5}  {_pct(both.closed):>6}  "
            f"{f'{both.exact}/{both.dirty}':>7}  {both.damage:>7}")
        out["both"] = asdict(both)
        rows.append(out)
    mean = statistics.mean(r["both"]["closed"] for r in rows)
    say(f"  mean held-out closed (A+B, over {len(rows)} seeds): {_pct(mean)}; full figure {_pct(full.closed)}; "
        f"distance {100 * (full.closed - mean):.1f} points")
    after = rescore(cases, clean)
    restored = figures(after) == full and [c.cleaned for c in after] == [c.cleaned for c in cases]
    say(f"  full figure scored again after the held-out runs: {_pct(figures(after).closed)}"
        + (", as before (bundled data restored)" if restored else ", NOT as before: the bundled data was not restored"))
    return {"measures": HELD_OUT_MEASURES, "seeds": rows, "mean_closed": mean, "full_closed": full.closed,
            "distance_to_full": full.closed - mean, "restored": restored}


def _codes(value: str) -> list[str]:
    return [code.strip() for code in value.split(",") if code.strip()]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", type=Path, default=[DEFAULT_FOLDER], metavar="FOLDER",
                        help=f"folders of NNN.dirty.txt/gold.txt/meta.json cases (default {DEFAULT_FOLDER})")
    parser.add_argument("--worst", type=int, default=5, metavar="N", help="list the N worst documents (default 5)")
    parser.add_argument("--split-by-site", action="store_true", help="figures on two halves of the sites")
    parser.add_argument("--seed", type=int, action="append", metavar="S",
                        help=f"seed of the split, repeatable; implies --split-by-site unless --held-out (default {SEEDS})")
    parser.add_argument("--held-out", action="store_true",
                        help="score each half of the sites with the phrases and words it shows removed (per --seed)")
    parser.add_argument("--select", type=_codes, metavar="CODES", help="rule codes or prefixes instead of the defaults")
    parser.add_argument("--ignore", type=_codes, metavar="CODES", help="rule codes or prefixes to leave out")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON instead of text")
    args = parser.parse_args(argv)

    import arclean

    clean = partial(arclean.clean, select=args.select, ignore=args.ignore)
    try:
        clean("")
    except arclean.ConfigError as error:
        parser.error(str(error))
    options = [f"--{name} {','.join(codes)}" for name, codes in (("select", args.select), ("ignore", args.ignore)) if codes]
    rules = " ".join(["arclean.clean", *options]) if options else "arclean.clean (default rules)"
    seeds = (args.seed or SEEDS) if args.split_by_site or (args.seed and not args.held_out) else None
    held_out_seeds = (args.seed or SEEDS) if args.held_out else None
    results = []
    for i, folder in enumerate(args.folders):
        if not folder.is_dir():
            parser.error(f"{folder} is not a folder")
        cases = score_folder(folder, clean)
        if i and not args.json:
            print()
        results.append(report(folder, cases, args.worst, seeds, rules, say=_quiet if args.json else print,
                              held_out_seeds=held_out_seeds, clean=clean))
    if args.json:
        json.dump(results, sys.stdout, ensure_ascii=False, indent=1)
        print()
    return 0 if all(r.get(k, {}).get("restored", True) for r in results for k in ("held_out", "fitted_on_other_half")) else 1


if __name__ == "__main__":
    sys.exit(main())
