"""Differential fuzz: the output of a base commit against the working tree, byte for byte.

Every speed change must leave every output as it was.  This runs the same
documents through two copies of the library, each in its own process, and
compares what they give:

- ``clean(text)``, ``explain(text)`` (its text, and every change with its rule,
  line, before, after and evidence) and ``clean`` under a few selections
  (``select=["B"]``, ``ignore=["B301"]``, ``select=["W", "T"]``,
  ``profile="search"``), so that a rule gated or fused wrongly under one
  selection shows;
- on real-shaped documents (``realpages.py``: the devset, pieces of it,
  generated pages cut to a real shape), the same documents mutated one to four
  times each (lines swapped, dropped, doubled, borrowed from another page,
  trigger characters and strings of every rule family inserted, line ends
  changed) and some full generated pages (``corpus.py``).

The base is a snapshot of ``arclean/`` at a commit (``git archive``).  The
candidate is the working tree's ``arclean/``, or, with ``--only FILE…``, the base
with only those files taken from the working tree (other people may have
uncommitted work in the same tree).

    python benchmarks/difffuzz.py                         # HEAD vs working tree, 12,000 documents
    python benchmarks/difffuzz.py --base HEAD~3 --documents 30000
    python benchmarks/difffuzz.py --only arclean/pipeline.py arclean/text/folding.py
    python benchmarks/difffuzz.py --base-dir /tmp/before    # an arclean/ with its own compiled core

A snapshot of a commit has no compiled core of its own: under an editable install it
imports the working tree's, which must then still have every function the base calls.

Exit status 0 when every output is identical; 1 with the first differences
written to ``--out`` (default ``difffuzz-failures.txt``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import realpages  # noqa: E402

#: The selections every document is also cleaned under.
VARIANTS: tuple[tuple[str, dict[str, object]], ...] = (
    ("select=B", {"select": ["B"]}),
    ("ignore=B301", {"ignore": ["B301"]}),
    ("select=W,T", {"select": ["W", "T"]}),
    ("profile=search", {"profile": "search"}),
)


def documents(count: int, seed: int) -> list[str]:
    """``count`` documents: a third real-shaped, the rest mutations of them, and
    one in fifty a full generated page."""
    import corpus

    r = random.Random(seed)
    base = realpages.real_pages(max(200_000, count // 3 * 1000), seed=seed)
    generated = corpus.Generator(seed + 7)
    docs: list[str] = []
    while len(docs) < count:
        n = len(docs)
        if n % 50 == 49:
            docs.append(generated.document().text)
        elif n % 3 == 0 and n // 3 < len(base):
            docs.append(base[n // 3])
        else:
            docs.append(realpages.mutate(r.choice(base), r, base))
    return docs


def _digest(value: object) -> str:
    return hashlib.blake2b(repr(value).encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()


def worker(count: int, seed: int, out: Path, outputs: bool) -> None:
    """In a fresh process: every output of every document, one JSON line each."""
    import arclean

    with open(out, "w", encoding="utf-8") as handle:
        handle.write(json.dumps({"source": str(Path(arclean.__file__).parent)}) + "\n")
        for text in documents(count, seed):
            cleaned = arclean.clean(text)
            report = arclean.explain(text)
            changes = [(c.code, c.line, c.before, c.after, getattr(c, "why", "")) for c in report.changes]
            variants = [arclean.clean(text, **options) for _, options in VARIANTS]  # type: ignore[arg-type]
            record = {"clean": _digest(cleaned), "explain": _digest((report.text, changes, report.suggestions)),
                      **{name: _digest(v) for (name, _), v in zip(VARIANTS, variants, strict=True)}}
            if outputs:
                record["text"] = cleaned
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def snapshot(commit: str, into: Path) -> Path:
    """``arclean/`` as it was at a commit, under ``into``."""
    into.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit, "arclean"], capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    return into


def _run(source: Path, count: int, seed: int, out: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(source), "PYTHONHASHSEED": "0"}
    return subprocess.Popen([sys.executable, __file__, "--worker", str(out), "--documents", str(count),
                             "--seed", str(seed)], env=env)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Differential fuzz: base commit vs working tree, byte-identical outputs.")
    parser.add_argument("--base", default="HEAD", help="the commit to compare with (default HEAD)")
    parser.add_argument("--documents", type=int, default=12_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--base-dir", help="compare with the arclean/ in this folder (with its own compiled core, "
                        "built there) instead of a commit's")
    parser.add_argument("--only", nargs="*", help="take only these files from the working tree (default: all of arclean/)")
    parser.add_argument("--out", default="difffuzz-failures.txt")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker(args.documents, args.seed, Path(args.worker), outputs=False)
        return 0
    started = time.time()
    tmp = Path(tempfile.mkdtemp(prefix="difffuzz-"))
    try:
        base = Path(args.base_dir).resolve() if args.base_dir else snapshot(args.base, tmp / "base")
        if args.only:
            candidate = snapshot(args.base, tmp / "candidate")
            for name in args.only:
                shutil.copyfile(ROOT / name, candidate / name)
        else:
            candidate = tmp / "candidate"
            shutil.copytree(ROOT / "arclean", candidate / "arclean", ignore=shutil.ignore_patterns("__pycache__"))
        procs = [_run(base, args.documents, args.seed, tmp / "base.jsonl"),
                 _run(candidate, args.documents, args.seed, tmp / "candidate.jsonl")]
        if any([p.wait() for p in procs]):  # both waited for
            print("a worker failed", file=sys.stderr)
            return 2
        old = (tmp / "base.jsonl").read_text(encoding="utf-8").splitlines()
        new = (tmp / "candidate.jsonl").read_text(encoding="utf-8").splitlines()
        old_source, new_source = json.loads(old[0])["source"], json.loads(new[0])["source"]
        assert old_source.startswith(str(base)) and new_source.startswith(str(tmp)), (old_source, new_source)
        docs = documents(args.documents, args.seed)
        bad = [(i, json.loads(a), json.loads(b)) for i, (a, b) in enumerate(zip(old[1:], new[1:], strict=False)) if a != b]
        size = sum(len(d.encode("utf-8")) for d in docs)
        what = f"{args.base_dir or args.base} vs {'working tree ' + ' '.join(args.only) if args.only else 'working tree arclean/'}"
        print(f"{len(docs)} documents ({size / 1e6:.1f} MB; outputs: clean, explain, "
              f"{', '.join(n for n, _ in VARIANTS)}), {what}: ", end="")
        if len(old) != len(new) or bad:
            print(f"{len(bad)} documents DIFFER ({time.time() - started:.0f} s); the first written to {args.out}")
            with open(args.out, "w", encoding="utf-8") as handle:
                for i, a, b in bad[:20]:
                    fields_ = [k for k in a if a[k] != b.get(k)]
                    handle.write(f"=== document {i}: {fields_}\n{docs[i]!r}\n")
            return 1
        print(f"all identical ({time.time() - started:.0f} s)")
        return 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
