"""How much of a folder's residue arclean removes, and what it damages.

    python benchmarks/accuracy.py                       # ../shared/devset
    python benchmarks/accuracy.py FOLDER ... --worst 5 --split-by-site
    python benchmarks/accuracy.py --ignore B104 --json  # rules as in arclean.clean

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
  measures how far the figure moves from one half of the sites to the other.  To read
  a held-out figure, tune on the cases of half A only (``--json`` lists them) and
  read half B.

``canonical``, ``distance``, ``score_folder`` (a ``Case`` per document), ``figures``,
``site`` and ``split_by_site`` are importable for tests.
"""

from __future__ import annotations

import argparse
import difflib
import json
import random
import statistics
import sys
from dataclasses import asdict, dataclass
from functools import partial
from pathlib import Path
from typing import Callable, Iterable, Sequence
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FOLDER = ROOT.parent / "shared" / "devset"
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
        cleaned = clean(dirty)
        cases.append(Case(name, meta.get("source", ""), tuple(meta.get("residue", ())), gold, canonical(cleaned),
                          distance(canonical(dirty), gold), distance(canonical(cleaned), gold),
                          clean(cleaned) == cleaned))
    return cases


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
           say: Callable[..., None] = print) -> dict:
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


def _codes(value: str) -> list[str]:
    return [code.strip() for code in value.split(",") if code.strip()]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", type=Path, default=[DEFAULT_FOLDER], metavar="FOLDER",
                        help=f"folders of NNN.dirty.txt/gold.txt/meta.json cases (default {DEFAULT_FOLDER})")
    parser.add_argument("--worst", type=int, default=5, metavar="N", help="list the N worst documents (default 5)")
    parser.add_argument("--split-by-site", action="store_true", help="figures on two halves of the sites")
    parser.add_argument("--seed", type=int, action="append", metavar="S",
                        help=f"seed of the split, repeatable; implies --split-by-site (default {SEEDS})")
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
    seeds = (args.seed or SEEDS) if args.split_by_site or args.seed else None
    results = []
    for i, folder in enumerate(args.folders):
        if not folder.is_dir():
            parser.error(f"{folder} is not a folder")
        cases = score_folder(folder, clean)
        if i and not args.json:
            print()
        results.append(report(folder, cases, args.worst, seeds, rules, say=_quiet if args.json else print))
    if args.json:
        json.dump(results, sys.stdout, ensure_ascii=False, indent=1)
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
