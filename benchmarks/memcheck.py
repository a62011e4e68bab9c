"""The compiled core under valgrind's memcheck: no invalid read or write, no use of an
uninitialised value, in the code of ``arclean/_speedups`` or a call it makes.

The compiled core is some 4,400 lines of hand-written C, with its own reference counts and
reads of a str's buffer by index.  Its tests compare it with the pure-Python reference, which
finds a wrong answer, not a read one past the end of a buffer that happens to give the right
one.  This runs ``clean``, ``explain`` and ``clean`` under a few selections over real pages,
the same pages damaged (``realpages.mutate``) and a few hostile texts, in a child process
under ``valgrind --tool=memcheck`` with ``PYTHONMALLOC=malloc`` (so that each Python object
is a block of its own that memcheck watches), and reads valgrind's log:

    python benchmarks/memcheck.py                  # 300 KB of real pages and 150 damaged ones
    python benchmarks/memcheck.py --size 1MB

CPython itself, built without valgrind support, reports a few uninitialised values of its
own (in ``int.from_bytes``, set insertion and the garbage collector); those are counted and
shown apart.  Exit status 1 when an error's innermost frames are the compiled core's (the log
is kept, ``--log``), 0 otherwise; 2 when valgrind is missing or the core is not built.
Needs ``valgrind`` (Debian's package).  Takes about half a minute.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

#: What the child runs under memcheck: every public entry the compiled core serves.
_CHILD = """
import random, sys
sys.path.insert(0, {root!r})
sys.path.insert(0, {here!r})
import arclean
from realpages import mutate, real_pages
assert arclean._compiled.COMPILED, "the compiled core is not built"
texts = real_pages({size}, seed=7)
r = random.Random(3)
docs = texts + [mutate(t, r, texts) for t in texts[:{damaged}]]
docs += ["\\u201c" * 5000, "0\\n" * 3000, "\\n" * 5000 + "نص", "قال " * 3000, "\\u0640" * 2000 + "\\n\\n\\u00ab\\u00bb" * 300]
others = [arclean.Pipeline(config=arclean.Config(select=select)) for select in (("B",), ("W", "T"))]
for text in docs:
    cleaned = arclean.clean(text)
    assert arclean.explain(text).text == cleaned
    for pipeline in others:
        pipeline.clean(text)
print("DOCUMENTS", len(docs))
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", default="300KB", help="real pages to run (default 300KB)")
    parser.add_argument("--damaged", type=int, default=150, help="how many of them to run damaged too (default 150)")
    parser.add_argument("--log", default="memcheck.log", help="where valgrind's log is kept when it finds an error")
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (Debian: apt install valgrind)", file=sys.stderr)
        return 2
    sys.path.insert(0, str(HERE))
    import corpus

    child = _CHILD.format(root=str(ROOT), here=str(HERE), size=corpus.parse_size(args.size), damaged=args.damaged)
    run = subprocess.run(
        ["valgrind", "--tool=memcheck", "--leak-check=no", "--num-callers=40", sys.executable, "-c", child],
        capture_output=True, text=True,
        env={**{name: value for name, value in os.environ.items() if name != "ARCLEAN_PURE_PYTHON"}, "PYTHONMALLOC": "malloc"},
    )
    if "the compiled core is not built" in run.stderr:
        print("the compiled core is not built: nothing to check", file=sys.stderr)
        return 2
    if run.returncode != 0 or "DOCUMENTS" not in run.stdout:
        print(run.stderr[-3000:], file=sys.stderr)
        print(f"the child failed (exit status {run.returncode})", file=sys.stderr)
        return 1
    ours, theirs = errors(run.stderr)
    documents = run.stdout.split("DOCUMENTS", 1)[1].split()[0]
    print(f"{documents} documents under memcheck: {len(ours)} errors in the compiled core (one of the innermost "
          f"{FRAMES} frames its own); {len(theirs)} in CPython's own")
    for kind, count in sorted(Counter(record.split("\n", 1)[0] for record in theirs).items()):
        print(f"  CPython: {count} × {kind}")
    if ours:
        Path(args.log).write_text(run.stderr, encoding="utf-8")
        for record in ours[:5]:
            print(record)
        print(f"valgrind's log kept in {args.log}")
        return 1
    return 0


#: A frame of the compiled core in a stack: one of its source files (valgrind names a file
#: by its base name when the library has debug information) or, without it, the library.
_OURS = re.compile("_speedups|\\((?:" + "|".join(re.escape(p.name) for p in sorted((ROOT / "arclean" / "_speedups_src").glob("*.[ch]")))
                   + "):\\d+\\)")


#: How many of an error's innermost frames are read for one of the compiled core's: its own
#: code, or a CPython function or libc's memcpy it called (a bad length, say).  Deeper, the
#: core only allocated an object, and a collection of CPython's reported its own value.
FRAMES = 4


def errors(log: str) -> tuple[list[str], list[str]]:
    """valgrind's error records in its log, split by whether one of the stack's innermost
    ``FRAMES`` frames is the compiled core's.  A record starts with a line naming the error
    and ends at the blank line after its stack.

    >>> log = ("==1== Invalid read of size 2\\n==1==    at 0x1: fold_text (text.c:40)\\n==1== \\n"
    ...        "==1== Invalid read of size 1\\n==1==    at 0x3: ??? (in /x/_speedups.so)\\n==1== \\n"
    ...        "==1== Use of uninitialised value of size 8\\n==1==    at 0x2: set_add_key (setobject.c:350)\\n==1== \\n")
    >>> [len(found) for found in errors(log)]
    [2, 1]
    """
    records = re.findall(r"^==\d+== (?!  )(\S.*\n(?:==\d+==  .*\n)+)", log, flags=re.MULTILINE)
    records = [r for r in records if re.match(r"(Invalid|Conditional|Use of|Syscall|Mismatched|Source and)", r)]
    split: tuple[list[str], list[str]] = ([], [])
    for record in records:
        split[0 if _is_ours(record) else 1].append(record)
    return split


def _is_ours(record: str) -> bool:
    frames = [line for line in record.split("\n")[1:] if re.match(r"==\d+==\s+(at|by) 0x", line)]
    return any(_OURS.search(frame) for frame in frames[:FRAMES])


if __name__ == "__main__":
    sys.exit(main())
