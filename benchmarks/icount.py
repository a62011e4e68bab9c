"""Instructions per document: a base snapshot's arclean against the working tree's, counted by callgrind.

On two shared cores the same timing moves by 10 % from one minute to the next, more
than most speed changes (``abtime.py`` interleaves to narrow that).  The number of
instructions a run executes does not move: ``valgrind --tool=callgrind`` counts them,
the same for the same program and inputs whatever the machine is doing (hash
randomisation is switched off, so dicts and sets are laid out alike).  It is not a
time (a cache miss costs more than an add), but for a change to Python and C code
that moves work around rather than memory, it says which way and by how much,
repeatably to 0.1 %.

    python benchmarks/icount.py --base-dir /tmp/base          # a snapshot with its own compiled core
    ARCLEAN_PURE_PYTHON=1 python benchmarks/icount.py --base-dir /tmp/base
    python benchmarks/icount.py --base-dir /tmp/base --new-dir /tmp/new   # two snapshots
    python benchmarks/icount.py --base-dir /tmp/base --call explain --groups all   # explain, every page

``--call explain`` counts ``explain`` in place of ``clean`` (on the same pages, warmed up the same
way): the two counts of one tree, ``--groups all`` (every counted page, unchanged or not), give
the ``explain`` / ``clean`` ratio of issue 11's target, counted.

``--step CODE`` counts one character rule instead, over every call the default pipeline makes of
it on a larger corpus (2 MB of real pages, 2,024 of them, seed 0): a rule that runs on few pages
and costs much there is seen whole, where 300 pages hold few such calls.  The texts it is called
on are gathered in a warm pass; each is looked at (``Look``, as the pipeline looks before the
rule runs) and given to the rule, and the look alone is counted apart and taken off.

    python benchmarks/icount.py --base-dir /tmp/base --step T102   # per call, and all calls together

``--whole-pass`` counts one pass of ``arclean.clean`` over every page of that larger corpus, after
a pass that warms it up (as ``run.py``'s timed runs follow one another over the same pages): the
tail of dear pages, which 300 pages hold few of, is counted at its weight.  Only the calls are
counted (callgrind collects within ``itertools.starmap``, which makes them, and nothing else).

    python benchmarks/icount.py --base-dir /tmp/base --whole-pass

``--first-pass`` counts the same pass with the memory of known short lines emptied after the
warm-up (the other memories, of words and patterns, stay warm): each page's short lines are
classified as a crawl's first pass over new pages classifies them, where the warm pass finds
them all known.  ``run.py`` times this pass too ("arclean's first pass").

    python benchmarks/icount.py --base-dir /tmp/base --first-pass

Make the snapshot with ``git archive HEAD arclean setup.py pyproject.toml MANIFEST.in |
tar -x -C /tmp/base`` and build its core there (``python setup.py build_ext
--inplace``), as for ``difffuzz.py --base-dir``.

Each side runs ``clean`` (or ``explain``) on real-page documents (``realpages.py``: 300 of
them past 200 warm-up ones, split into those ``clean`` leaves unchanged and those it changes)
twice, and once not at all: the difference, over the documents, is what one call costs,
imports and warm-up left out.  Needs ``valgrind`` (Debian's package).
"""

from __future__ import annotations

import argparse
import os
import pickle
import re
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WARM, COUNTED, LOOPS = 200, 300, 2

#: What one side runs under callgrind: its arclean, the documents of one group, LOOPS times (or none).
_CHILD = """
import pickle, sys
root, group, loops, call = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[5]
sys.path.insert(0, root)
import arclean
assert arclean.__file__.startswith(root), arclean.__file__
docs = pickle.load(open(sys.argv[4], "rb"))
pipe = arclean.Pipeline()
run = getattr(pipe, call)
for text in docs[:{warm}]:
    run(text)
chosen = [text for text in docs[{warm}:{warm} + {counted}]
          if group == "all" or (pipe.clean(text) == text) == (group == "unchanged")]
for text in chosen:
    run(text)
print("DOCUMENTS", len(chosen), file=sys.stderr)
for _ in range(loops):
    for text in chosen:
        run(text)
""".format(warm=WARM, counted=COUNTED)


#: What one side runs for ``--step``: the texts the pipeline gives the rule, gathered in a warm
#: pass, then LOOPS times each looked at and, unless only the look is counted, given to the rule.
_STEP_CHILD = """
import pickle, sys
root, code, loops, mode = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[5]
sys.path.insert(0, root)
import arclean
from arclean.look import Look, Plan
from arclean.pipeline import Step
assert arclean.__file__.startswith(root), arclean.__file__
docs = pickle.load(open(sys.argv[4], "rb"))
pipe = arclean.Pipeline()
given, rule = [], None
for block in pipe._blocks:
    if isinstance(block, Plan):
        for k, step in enumerate(block.steps):
            if step.code == code:
                rule = step.run
                gather = lambda text, run=step.run: (given.append(text), run(text))[1]
                block.steps = (*block.steps[:k], Step(step.code, gather, step.suggest, step.decide, step.gate,
                                                      step.needles, step.either), *block.steps[k + 1:])
if rule is None:
    raise SystemExit(f"no character rule {code} in the default pipeline")
for text in docs:
    pipe.clean(text)
for text in given:
    Look(text), rule(text)
print("DOCUMENTS", len(given), file=sys.stderr)
for _ in range(loops):
    for text in given:
        Look(text)
        if mode == "step":
            rule(text)
"""


#: What one side runs for ``--whole-pass``: every page once to warm up, then every page again,
#: through ``itertools.starmap``, whose ``starmap_next`` callgrind collects in (and nothing else).
_PASS_CHILD = """
import pickle, sys
from collections import deque
from itertools import starmap
root, call = sys.argv[1], sys.argv[5]
sys.path.insert(0, root)
import arclean
assert arclean.__file__.startswith(root), arclean.__file__
docs = pickle.load(open(sys.argv[4], "rb"))
run = getattr(arclean, call)
for text in docs:
    run(text)
if sys.argv[2] == "first":  # the short lines met in the warm-up forgotten: classified again
    from arclean.normalizers.residue.analysis import _short_lines
    from arclean.normalizers.residue.lines import phrase_matcher
    _short_lines(phrase_matcher(())).clear()
print("DOCUMENTS", len(docs), file=sys.stderr)
deque(starmap(run, [(text,) for text in docs]), maxlen=0)
"""


def pass_instructions(root: Path, docs: Path, child: Path, call: str, first: bool = False) -> tuple[int, int]:
    """The instructions of one warm pass of ``arclean.clean`` (or ``explain``) over every page
    (``first``: with the known short lines forgotten before it)."""
    return instructions(root, "first" if first else "all", 1, docs, child, call, collect="starmap_next")


def step_instructions(root: Path, code: str, docs: Path, child: Path) -> tuple[float, int]:
    """A character rule's instructions a call, the look before it taken off, and its calls."""
    counts = {}
    for mode in ("step", "look"):
        counts[mode], calls = instructions(root, code, LOOPS, docs, child, mode)
    return (counts["step"] - counts["look"]) / (LOOPS * max(calls, 1)), calls


def instructions(root: Path, group: str, loops: int, docs: Path, child: Path, call: str,
                 collect: str | None = None) -> tuple[int, int]:
    """The instructions callgrind counts for one run (within ``collect`` only, a C function,
    if given), and the documents of the group."""
    toggle = [f"--toggle-collect={collect}"] if collect else []
    run = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *toggle, sys.executable, str(child), str(root),
         group, str(loops), str(docs), call],
        capture_output=True, text=True, check=True, env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    collected = re.search(r"Collected : (\d+)", run.stderr)
    documents = re.search(r"DOCUMENTS (\d+)", run.stderr)
    if collected is None or documents is None:
        raise SystemExit(f"callgrind gave no count:\n{run.stderr[-2000:]}")
    return int(collected.group(1)), int(documents.group(1))


def per_document(root: Path, group: str, docs: Path, child: Path, call: str) -> tuple[float, int]:
    idle, count = instructions(root, group, 0, docs, child, call)
    busy, _ = instructions(root, group, LOOPS, docs, child, call)
    return (busy - idle) / (LOOPS * max(count, 1)), count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-dir", required=True, help="a folder holding the base's arclean/ (with its compiled core built)")
    parser.add_argument("--new-dir", default=str(ROOT),
                        help="the folder holding the new side's arclean/ (default: this working tree)")
    parser.add_argument("--groups", default="unchanged,dirty",
                        help="unchanged, dirty, all (every counted page), comma-separated (default unchanged,dirty)")
    parser.add_argument("--call", choices=("clean", "explain"), default="clean", help="what is counted (default clean)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--step", metavar="CODE", help="count one character rule's calls (see above), not clean()")
    parser.add_argument("--whole-pass", action="store_true",
                        help="count one warm pass over every page of 2 MB of real pages (see above)")
    parser.add_argument("--first-pass", action="store_true",
                        help="the same pass with the known short lines forgotten before it (see above)")
    args = parser.parse_args(argv)
    groups = args.groups.split(",")
    for group in groups:
        if group not in ("unchanged", "dirty", "all"):
            parser.error(f"unknown group {group!r}: unchanged, dirty or all")
    base_dir, new_dir = Path(args.base_dir).resolve(), Path(args.new_dir).resolve()
    if args.step:
        with _workspace(_STEP_CHILD, 2_000_000, args.seed) as (docs, child, implementation):
            print(f"instructions per call of {args.step} on the real pages, its look taken off ({implementation}; callgrind)")
            base, calls = step_instructions(base_dir, args.step, docs, child)
            new, _ = step_instructions(new_dir, args.step, docs, child)
            print(f"{args.step:9}  base {base:12,.0f}  new {new:12,.0f}  new/base {new / max(base, 1):.3f}  "
                  f"({calls} calls; all of them: base {base * calls / 1e6:.2f}M, new {new * calls / 1e6:.2f}M)")
        return 0
    if args.whole_pass or args.first_pass:
        what = "a first pass (known short lines forgotten)" if args.first_pass else "a warm pass"
        with _workspace(_PASS_CHILD, 2_000_000, args.seed) as (docs, child, implementation):
            print(f"instructions of {what} of {args.call}() over the real pages ({implementation}; callgrind)")
            base, count = pass_instructions(base_dir, docs, child, args.call, args.first_pass)
            new, _ = pass_instructions(new_dir, docs, child, args.call, args.first_pass)
            name = "first pass" if args.first_pass else "whole pass"
            print(f"{name}  base {base:14,}  new {new:14,}  new/base {new / base:.3f}  ({count} documents)")
        return 0
    with _workspace(_CHILD, 1_000_000, args.seed) as (docs, child, implementation):
        print(f"instructions per {args.call}() of a real page ({implementation}; callgrind, PYTHONHASHSEED=0)")
        for group in groups:
            base, count = per_document(base_dir, group, docs, child, args.call)
            new, _ = per_document(new_dir, group, docs, child, args.call)
            print(f"{group:9}  base {base:12,.0f}  new {new:12,.0f}  new/base {new / base:.3f}  ({count} documents)")
    return 0


@contextmanager
def _workspace(child_source: str, size: int, seed: int) -> Iterator[tuple[Path, Path, str]]:
    """A temporary folder holding the real pages (``size`` bytes of them, pickled) and the
    child script both sides run; and which implementation runs, as the counts say it."""
    sys.path.insert(0, str(HERE))
    import realpages

    with tempfile.TemporaryDirectory(prefix="icount-") as tmp:
        docs, child = Path(tmp) / "docs.pkl", Path(tmp) / "child.py"
        docs.write_bytes(pickle.dumps(realpages.real_pages(size, seed=seed)))
        child.write_text(child_source)
        yield docs, child, "pure Python" if os.environ.get("ARCLEAN_PURE_PYTHON") else "compiled core where built"


if __name__ == "__main__":
    sys.exit(main())
