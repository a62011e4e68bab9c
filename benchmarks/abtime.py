"""A/B timing in one process: a base commit's arclean against the working tree's.

On a shared machine two separate runs are minutes apart and the load between
them differs more than most speed changes.  This loads the base commit's
``arclean/`` under another package name (``arclean_base``: the package imports
itself only relatively) beside the working tree's, and times both on the same
documents, interleaved, best of ``--runs``:

    python benchmarks/abtime.py                       # HEAD vs working tree, real-page corpus
    python benchmarks/abtime.py --base HEAD~2 --corpus generated --size 5MB

It prints the CPU time of each side, MB/s and the ratio, for ``clean`` and
``explain``; it also checks that both sides give the same outputs.
"""

from __future__ import annotations

import argparse
import importlib
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402
import realpages  # noqa: E402


def load_base(commit: str, into: Path, folder: str | None = None):
    if folder:  # a folder holding an arclean/ (a patched snapshot, say)
        shutil.copytree(Path(folder) / "arclean", into / "arclean")
    else:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit, "arclean"], capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    (into / "arclean").rename(into / "arclean_base")
    sys.path.insert(0, str(into))
    return importlib.import_module("arclean_base")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default="HEAD")
    parser.add_argument("--base-dir", help="compare with the arclean/ in this folder instead of a commit's")
    parser.add_argument("--corpus", choices=["real", "generated"], default="real")
    parser.add_argument("--size", default="2MB")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    import arclean

    tmp = Path(tempfile.mkdtemp(prefix="abtime-"))
    try:
        base = load_base(args.base, tmp, args.base_dir)
        size = corpus.parse_size(args.size)
        texts = (realpages.real_pages(size, seed=args.seed) if args.corpus == "real"
                 else [d.text for d in corpus.generate(size, seed=args.seed)])
        warm = realpages.real_pages(200_000, seed=args.seed + 100)
        nbytes = sum(len(t.encode("utf-8")) for t in texts)
        sides = {"base": base, "new": arclean}
        for module in sides.values():
            for text in warm:
                module.clean(text)
                module.explain(text)
        same = all(base.clean(t) == arclean.clean(t) for t in texts)
        for what in ("clean", "explain"):
            best = {name: float("inf") for name in sides}
            for n in range(args.runs):
                for name in (("base", "new") if n % 2 == 0 else ("new", "base")):
                    run = getattr(sides[name], what)
                    start = time.process_time()
                    for text in texts:
                        run(text)
                    best[name] = min(best[name], time.process_time() - start)
            print(f"{what:8} base {best['base']:.3f} s ({nbytes / 1e6 / best['base']:.2f} MB/s)  "
                  f"new {best['new']:.3f} s ({nbytes / 1e6 / best['new']:.2f} MB/s)  "
                  f"new/base speed {best['base'] / best['new']:.3f}x  ({len(texts)} documents, {nbytes / 1e6:.1f} MB, "
                  f"{args.corpus}, best of {args.runs} interleaved)")
        print("outputs identical" if same else "OUTPUTS DIFFER")
        return 0 if same else 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
