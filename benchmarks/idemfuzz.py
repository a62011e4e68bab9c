"""Idempotence fuzz: the documents a second clean still changes.

A pre-commit hook that fixes a corpus and then checks it must find nothing left to
do.  This cleans each document twice and reports those where the second clean
changed the first's output, with the rules that changed it.  The documents are
``difffuzz.py``'s mix: real-shaped pages (``realpages.py``), the same pages
mutated one to four times (lines swapped, dropped, doubled, borrowed; trigger
strings of every rule family inserted) and some full generated pages.

    python benchmarks/idemfuzz.py                          # 12,000 documents, seed 0
    python benchmarks/idemfuzz.py --documents 40000 --seed 931

Exit status 0 when a second clean changed nothing; 1 when it changed a document
(the first ones are printed).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from difffuzz import documents  # noqa: E402


def unstable(texts: list[str]) -> list[tuple[str, str, str]]:
    """Each text whose clean a second clean changes: the text, its clean, the second clean."""
    import arclean

    found = []
    for text in texts:
        once = arclean.clean(text)
        twice = arclean.clean(once)
        if twice != once:
            found.append((text, once, twice))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Idempotence fuzz: documents a second clean still changes.")
    parser.add_argument("--documents", type=int, default=12_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--show", type=int, default=5, help="how many of the documents found to print (default 5)")
    args = parser.parse_args(argv)
    import arclean

    started = time.time()
    texts = documents(args.documents, args.seed)
    found = unstable(texts)
    for text, once, _twice in found[:args.show]:
        codes = [change.code for change in arclean.explain(once).changes]
        print(f"a second clean changes {text[:120]!r}\n  first clean: {once[:120]!r}\n  changed again by {codes}")
    size = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    print(f"{len(texts)} documents ({size:.1f} MB, seed {args.seed}): a second clean changed {len(found)} "
          f"({time.time() - started:.0f} s)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
