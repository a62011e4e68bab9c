"""How ``arclean fix --out`` scales with ``--jobs``: the same corpus cleaned with
1 job and with N jobs, wall time from the command's start to its exit.

The corpus comes from ``benchmarks/corpus.py`` (seeded scraped-looking Arabic
news pages with residue), written once under ``benchmarks/out/`` and reused:
``.jsonl`` files of 4 MB of text (50 files for 200 MB; ``--shard-size 0`` for one
200 MB file, which arclean cuts into pieces itself), or one ``.txt`` file a document.

    python benchmarks/bench_jobs.py                     # 200 MB, jobs 1 and 2
    python benchmarks/bench_jobs.py --size 20MB --format txt --jobs 1 2 --repeat 3
    python benchmarks/bench_jobs.py --shard-size 0           # one 200 MB .jsonl file
    python benchmarks/bench_jobs.py --markdown >> benchmarks/JOBS.md

The speedup is the 1-job time over the N-job time; on a machine with N free
cores, Amdahl's law leaves it under N by the serial part (start-up, finding the
files, the report) and by the imbalance of the last shards.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402  (benchmarks/corpus.py)


def corpus_dir(size: str, fmt: str, seed: int, shard_size: str) -> Path:
    """The corpus, generated on first use into benchmarks/out/ (git-ignored)."""
    folder = HERE / "out" / f"jobs-{fmt}-{size}-shards{shard_size}-seed{seed}"
    done = folder / ".complete"
    if not done.exists():
        shutil.rmtree(folder, ignore_errors=True)
        started = time.perf_counter()
        stats = corpus.write(folder / "corpus", size, fmt=fmt, seed=seed, shard_size=shard_size)
        done.write_text(f"{stats}\n")
        print(f"generated {stats['documents']} documents in {stats['files']} files "
              f"({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    return folder / "corpus"


def on_disk(path: Path) -> int:
    return sum(file.stat().st_size for file in path.rglob("*") if file.is_file())


def time_fix(source: Path, jobs: int) -> tuple[float, int]:
    """Wall seconds of one ``arclean fix SOURCE --out OUT --jobs N`` and its exit code."""
    out = source.parent / f"clean-{jobs}"
    shutil.rmtree(out, ignore_errors=True)
    command = [sys.executable, "-m", "arclean.cli", "fix", str(source), "--out", str(out), "--jobs", str(jobs), "-q"]
    started = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise SystemExit(f"arclean failed ({done.returncode}): {done.stderr}")
    return seconds, done.returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", default="200MB", help="text in the corpus (default 200MB)")
    parser.add_argument("--format", choices=["jsonl", "txt"], default="jsonl")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="job counts to time (default 1 2)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per job count; the best is kept")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--shard-size", default="4MB", help="text per .jsonl file (default 4MB; 0: one file)")
    parser.add_argument("--markdown", action="store_true", help="print the table as markdown")
    args = parser.parse_args(argv)

    source = corpus_dir(args.size, args.format, args.seed, args.shard_size)
    size = on_disk(source)
    files = sum(1 for file in source.rglob("*") if file.is_file())
    rows = []
    for jobs in args.jobs:
        best = min(time_fix(source, jobs)[0] for _ in range(args.repeat))
        rows.append((jobs, best))
        print(f"--jobs {jobs}: {best:.1f} s, {size / 1e6 / best:.2f} MB/s", file=sys.stderr)
    base = rows[0][1]
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    header = (f"{size / 1e6:.0f} MB in {files} {args.format} files, {cores} cores, "
              f"Python {platform.python_version()}, best of {args.repeat}")
    if args.markdown:
        print(f"\n{header}\n\n| --jobs | wall time | MB/s | speedup |\n|---:|---:|---:|---:|")
        for jobs, seconds in rows:
            print(f"| {jobs} | {seconds:.1f} s | {size / 1e6 / seconds:.2f} | {base / seconds:.2f}× |")
    else:
        print(header)
        for jobs, seconds in rows:
            print(f"--jobs {jobs:<3} {seconds:7.1f} s {size / 1e6 / seconds:7.2f} MB/s  speedup {base / seconds:.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
