"""arclean benchmarks: throughput against the alternatives, cost per rule, scaling, memory.

    python benchmarks/run.py            # the README run (about 20 minutes on 2 cores)
    python benchmarks/run.py --quick    # small sizes, under a minute

Prints Markdown tables: the machine, throughput side by side (MB/s of UTF-8 input,
median of several runs, ratio to arclean), time per rule inside the pipeline, the
hottest functions, time against corpus size, the CLI's peak RSS on growing JSONL
inputs, time against ``--jobs``, and the targets of issue 5 met or missed.  The
corpus comes from ``corpus.py`` (seeded); large inputs go to a temporary folder that
is deleted afterwards.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import json
import os
import platform
import pstats
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from importlib import metadata
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import clirun  # noqa: E402
import corpus  # noqa: E402
import realpages  # noqa: E402

MB = 10**6
#: Issue 5's targets.
FTFY_FACTOR = 5.0  # arclean at least 5x ftfy's fix_text
FLOOR_FACTOR = 0.5  # arclean at least half the floor
MAX_RULE_SHARE = 0.25  # no rule over a quarter of the time
MAX_RSS_MB = 200  # CLI peak RSS for the 1 GB input
#: Issue 11's targets, on the real-page corpus.
REAL_FTFY_FACTOR = {"compiled core": 5.0, "pure Python": 3.0}  # clean at least this many times ftfy's fix_text (issue 11)
CLEAN_INPUT_FACTOR = 2.0  # already-clean documents at least 2x faster than dirty ones
EXPLAIN_FACTOR = 1.3  # explain within 1.3x of clean


# --- output -----------------------------------------------------------------------------
def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A Markdown table; numbers right-aligned."""
    cells = [[str(c) for c in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) if cells else len(h) for i, h in enumerate(headers)]
    numeric = [bool(cells) and all(_is_number(r[i]) for r in cells) for i in range(len(headers))]

    def line(values: Sequence[str]) -> str:
        return "| " + " | ".join(v.rjust(w) if n else v.ljust(w) for v, w, n in zip(values, widths, numeric, strict=True)) + " |"

    rule = "|" + "|".join(("-" * (w + 1) + ":") if n else ("-" * (w + 2)) for w, n in zip(widths, numeric, strict=True)) + "|"
    return "\n".join([line(headers), rule, *(line(r) for r in cells)])


def _is_number(text: str) -> bool:
    return text.replace(".", "", 1).replace("×", "").replace("%", "").replace("-", "", 1).replace(",", "").strip().isdigit()


def say(text: str = "") -> None:
    print(text, flush=True)


def section(title: str) -> None:
    say(f"\n## {title}\n")


# --- machine ----------------------------------------------------------------------------
def machine() -> list[tuple[str, str]]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = next(m for m in Path("/proc/meminfo").read_text().splitlines() if m.startswith("MemTotal"))
        ram = f"{int(mem.split()[1]) / 2**20:.0f} GiB"
    except (OSError, StopIteration):
        ram = "?"
    versions = []
    for package in ("arclean", "ftfy", "regex", "pyarabic", "camel-tools", "psutil"):
        try:
            versions.append(f"{package} {metadata.version(package)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{package} (not installed)")
    return [
        ("arclean source", _source()),
        ("CPU", f"{cpu}, {os.cpu_count()} cores; load average at start {os.getloadavg()[0]:.2f}"),
        ("RAM", ram),
        ("OS", f"{platform.system()} {platform.release()}"),
        ("Python", f"{platform.python_implementation()} {platform.python_version()}"),
        ("packages", ", ".join(versions)),
    ]


def _source() -> str:
    """The commit the benchmark ran on, and whether arclean/ had uncommitted changes."""
    import arclean

    root = Path(arclean.__file__).resolve().parent
    try:
        commit = subprocess.run(["git", "-C", str(root), "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(root), "status", "--porcelain", "--", "."], capture_output=True,
                               text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return str(root)
    return f"{commit}{' + uncommitted changes in arclean/' if dirty else ''}"


# --- corpus -----------------------------------------------------------------------------
def load(size: int, seed: int) -> list[str]:
    return [doc.text for doc in corpus.generate(size, seed=seed)]


def nbytes(texts: list[str]) -> int:
    return sum(len(t.encode("utf-8")) for t in texts)


def warm_up(run: Callable[[str], str]) -> None:
    """Compile patterns and load tables before timing (on other documents)."""
    for text in load(200_000, seed=12345):
        run(text)


def time_over(run: Callable[[str], str], texts: list[str]) -> float:
    """CPU seconds of this process (not wall time: the machine may be shared)."""
    start = time.process_time()
    for text in texts:
        run(text)
    return time.process_time() - start


def best_interleaved(run: Callable[[str], str], groups: dict[str, list[str]], runs: int) -> dict[str, float]:
    """Each group's best CPU seconds over ``runs`` rounds, the groups timed in turn in each round."""
    seconds: dict[str, list[float]] = {name: [] for name in groups}
    for _ in range(runs):
        for name, group in groups.items():
            seconds[name].append(time_over(run, group))
    return {name: min(spent) for name, spent in seconds.items()}


# --- 1. throughput ----------------------------------------------------------------------
def throughput(texts: list[str], runs: int) -> dict[str, float]:
    from contenders import contenders

    size = nbytes(texts)
    found = contenders()
    for c in found:
        if c.run is not None:
            warm_up(c.run)
    seconds: dict[str, list[float]] = {c.name: [] for c in found if c.run}
    for n in range(runs):  # interleaved, so that drift hits every contender alike
        for c in found[n % len(found):] + found[: n % len(found)]:
            if c.run is not None:
                seconds[c.name].append(time_over(c.run, texts))
    speed = {name: size / MB / statistics.median(s) for name, s in seconds.items()}
    rows = []
    for c in found:
        if c.run is None:
            rows.append((c.name, c.label, "-", "-", "-", c.missing))
            continue
        s = seconds[c.name]
        rows.append((c.name, c.label, f"{speed[c.name]:.2f}", f"{size / MB / max(s):.2f}-{size / MB / min(s):.2f}",
                     f"{speed[c.name] / speed['arclean']:.2f}×", ""))
    say(f"{len(texts)} documents, {size / MB:.1f} MB of UTF-8 text; one call a document; MB/s per CPU second, "
        f"median of {runs} runs (range: slowest-fastest), one core.\n")
    say(table(["contender", "what runs", "MB/s", "range", "vs arclean", "note"], rows))
    if seconds.get("arclean"):
        # arclean runs first in the first round: that run meets these documents' lines for the first time.
        # Later runs find the short ones already classified (a per-line memory, as a crawl's recurring
        # chrome lines are); ftfy and the others keep no memory across calls.
        first = size / MB / seconds["arclean"][0]
        say(f"\narclean's first pass over these documents (their short lines not yet met): {first:.2f} MB/s, "
            f"{first / speed['arclean']:.2f}× the median" + (f", {first / speed['ftfy']:.2f}× ftfy." if "ftfy" in speed else "."))
    return speed


def clean_vs_dirty(texts: list[str], runs: int) -> dict[str, float]:
    """``clean`` on the documents it leaves unchanged, on those it changes, and on
    those changed ones once cleaned (the same pages, already clean): MB/s, best of
    ``runs`` interleaved."""
    import arclean

    warm_up(arclean.clean)
    out = [arclean.clean(t) for t in texts]
    groups = {
        "unchanged": [t for t, o in zip(texts, out, strict=True) if t == o],
        "dirty": [t for t, o in zip(texts, out, strict=True) if t != o],
    }
    groups["dirty, once cleaned"] = [o for t, o in zip(texts, out, strict=True) if t != o]
    best = best_interleaved(arclean.clean, groups, runs)
    speed = {name: nbytes(g) / MB / best[name] for name, g in groups.items() if g}
    rows = [(name, len(g), f"{nbytes(g) / MB:.2f}", f"{nbytes(g) / max(1, len(g)):.0f}",
             f"{best[name] / max(1, len(g)) * 1e6:.0f}", f"{speed.get(name, 0):.2f}",
             f"{speed.get(name, 0) / speed['dirty']:.2f}×" if "dirty" in speed else "-")
            for name, g in groups.items()]
    say(f"arclean.clean on the documents it leaves unchanged, on those it changes, and on those once cleaned; "
        f"CPU time, best of {runs} interleaved.\n")
    say(table(["documents", "count", "MB", "bytes/doc", "µs/doc", "MB/s", "vs dirty"], rows))
    by_quiet_look(texts, out, runs)
    return speed


def by_quiet_look(texts: list[str], out: list[str], runs: int) -> None:
    """The same documents split by the quiet look (``quiet_page``: no line rule has a line
    to drop, told without making a page) and by whether ``clean`` changes them: where
    ``clean``'s time goes.  A page that is not quiet pays for its page model, the
    judgements in context and the line rules' rounds."""
    if not texts:
        return
    import arclean
    from arclean.normalizers.residue.quiet import quiet_page

    extra = arclean.Pipeline().config.boilerplate
    groups: dict[str, list[str]] = {}
    for text, cleaned in zip(texts, out, strict=True):
        name = f"{'quiet' if quiet_page(text, extra) is None else 'not quiet'}, {'unchanged' if text == cleaned else 'dirty'}"
        groups.setdefault(name, []).append(text)
    order = [f"{look}, {change}" for look in ("quiet", "not quiet") for change in ("unchanged", "dirty")]
    groups = {name: groups[name] for name in order if name in groups}
    best = best_interleaved(arclean.clean, groups, runs)
    total = sum(best.values())
    rows = [(name, len(g), f"{len(g) / len(texts):.0%}", f"{best[name] / len(g) * 1e6:.0f}",
             f"{best[name] / total:.0%}") for name, g in groups.items()]
    say(f"\nThe same documents by the quiet look (a page where no line rule has a line to drop, told without "
        f"making a page) and by whether clean changes them; CPU time, best of {runs} interleaved.\n")
    say(table(["documents", "count", "share of documents", "µs/doc", "share of time"], rows))


# --- 2. cost per rule -------------------------------------------------------------------
#: What the steps share, by ``arclean.pipeline``'s names for it, timed apart in rows of their own,
#: not charged to the step that happens to take it first: the page model the line rules decide on
#: (``PAGE``: analysis, judgements in context, the quiet check), and the look at a text that opens
#: the character rules (``LOOK``: taken before the first, again after a step changed the text).
PAGE, LOOK = "page", "look"
_SHARED = {PAGE: ("analyze_alone", "judge_in_context", "rejudge", "look_afresh", "is_quiet"), LOOK: ("Look",)}
_SHARED_ROWS = {
    PAGE: "the page model: analysis, judging in context, the quiet check (shared by the B rules)",
    LOOK: "the look at a text (gate classes and needles), which opens the character rules",
}


@contextlib.contextmanager
def _timing_shared(spent: Counter[str]) -> Iterator[None]:
    """While inside, the time of what the steps share adds up in ``spent``, by row."""
    from arclean import pipeline as module

    originals = {name: (row, getattr(module, name)) for row, names in _SHARED.items() for name in names}

    def timed(row: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any) -> Any:
            start = time.perf_counter()
            try:
                return function(*args)
            finally:
                spent[row] += time.perf_counter() - start
        return run

    for name, (row, function) in originals.items():
        setattr(module, name, timed(row, function))
    try:
        yield
    finally:
        for name, (_row, function) in originals.items():
            setattr(module, name, function)


def per_rule(texts: list[str]) -> float:
    """Time each step inside the pipeline, in order, on the real intermediate texts.
    What the steps share is timed apart (``_SHARED``): the line rules' page analysis and
    its judgements in context (the row ``page``), and the character rules' look at a text
    (``look``), not charged to the step that runs first after them."""
    import arclean

    pipeline = arclean.Pipeline()
    warm_up(pipeline.clean)
    cost: Counter[str] = Counter()
    changed: Counter[str] = Counter()
    clock = time.perf_counter
    spent: Counter[str] = Counter()
    with _timing_shared(spent):
        for text in texts:
            start, before = clock(), spent.total()
            for step, after in pipeline.trace(text):
                now, shared = clock(), spent.total()
                cost[step.code] += now - start - (shared - before)
                if after is not text and after != text:
                    changed[step.code] += 1
                text, start, before = after, clock(), spent.total()
    cost.update(spent)
    total = sum(cost.values())
    names = {rule.code: rule.name for rule in arclean.rules()}
    rows = []
    for step in pipeline.steps:
        share = cost[step.code] / total
        flag = " ⚠" if share > MAX_RULE_SHARE else ""
        rows.append((step.code, names.get(step.code, step.code), f"{cost[step.code]:.3f}", f"{share:.1%}{flag}",
                     f"{cost[step.code] / len(texts) * 1e6:.1f}", changed[step.code]))
    for row, what in _SHARED_ROWS.items():
        rows.append((row, what, f"{cost[row]:.3f}", f"{cost[row] / total:.1%}", f"{cost[row] / len(texts) * 1e6:.1f}", ""))
    rows.append(("total", "", f"{total:.3f}", "100.0%", f"{total / len(texts) * 1e6:.1f}", ""))
    say(f"{len(texts)} documents, {nbytes(texts) / MB:.1f} MB; one pass, steps timed in pipeline order.\n")
    say(table(["code", "rule", "seconds", "share", "µs/doc", "docs changed"], rows))
    top = max((code for code in cost if code not in _SHARED), key=cost.__getitem__)
    say(f"\nSlowest rule: {top} ({names.get(top, top)}), {cost[top] / total:.1%} of the time; "
        f"the page model {cost[PAGE] / total:.1%}, the look {cost[LOOK] / total:.1%}.")
    family: Counter[str] = Counter()
    for code, seconds in cost.items():
        family[code[0] if code[:1].isupper() else code] += seconds
    say("\nBy family (B: the line rules; page: the page model they share; look: the character rules' look):\n")
    say(table(["family", "seconds", "share", "µs/doc"],
              [(f, f"{sec:.3f}", f"{sec / total:.1%}", f"{sec / len(texts) * 1e6:.1f}") for f, sec in family.most_common()]))
    return cost[top] / total


def hot_functions(texts: list[str], limit: int = 15) -> None:
    """cProfile over ``clean``: where the time goes below the rules (shares are
    inflated for functions called very often: the profiler's own overhead)."""
    import arclean

    arclean.clean(texts[0])
    profile = cProfile.Profile()
    profile.enable()
    for text in texts:
        arclean.clean(text)
    profile.disable()
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    total = sum(tt for _, _, tt, _, _ in stats.values())

    def where(key: tuple[str, int, str]) -> str:
        path, line, func = key
        if path == "~":
            return func
        parts = Path(path).parts
        short = "/".join(parts[parts.index("arclean"):]) if "arclean" in parts else Path(path).name
        return f"{short}:{line} {func}"

    rows = [(where(k), nc, f"{tt:.3f}", f"{tt / total:.1%}", f"{ct:.3f}")
            for k, (_, nc, tt, ct, _) in sorted(stats.items(), key=lambda kv: -kv[1][2])[:limit]]
    say(f"cProfile over arclean.clean on {len(texts)} documents ({nbytes(texts) / MB:.1f} MB); "
        "sorted by own time.\n")
    say(table(["function", "calls", "own s", "own share", "cumulative s"], rows))
    ours = [(k, v) for k, v in stats.items() if "arclean" in Path(k[0]).parts and k[2] not in ("clean", "<genexpr>")]
    rows = [(where(k), nc, f"{ct:.3f}", f"{ct / total:.1%}")
            for k, (_, nc, tt, ct, _) in sorted(ours, key=lambda kv: -kv[1][3])[:limit]]
    say("\narclean functions by cumulative time:\n")
    say(table(["function", "calls", "cumulative s", "share"], rows))


# --- 3. scaling with size ---------------------------------------------------------------
def scaling_worker(size: int, seed: int) -> None:
    """In a fresh process: clean a corpus of ``size`` once, print seconds and bytes."""
    import arclean

    texts = load(size, seed)
    warm_up(arclean.clean)
    seconds = time_over(arclean.clean, texts)
    print(json.dumps({"seconds": seconds, "bytes": nbytes(texts), "documents": len(texts)}))


def scaling(sizes: list[int], seed: int) -> float:
    rows, speeds = [], []
    for size in sizes:
        done = subprocess.run([sys.executable, __file__, "--scaling-worker", str(size), "--seed", str(seed)],
                              capture_output=True, text=True, check=True)
        result = json.loads(done.stdout.strip().splitlines()[-1])
        speed = result["bytes"] / MB / result["seconds"]
        speeds.append(speed)
        rows.append((f"{result['bytes'] / MB:.0f} MB", result["documents"], f"{result['seconds']:.2f}",
                     f"{speed:.2f}", f"{result['seconds'] / (result['bytes'] / MB) * 1000:.1f}",
                     f"{speed / speeds[0]:.2f}"))
    say("arclean.clean over the corpus, each size once in a fresh process (cold caches, patterns warmed); "
        "CPU seconds.\n")
    say(table(["corpus", "documents", "CPU s", "MB/s", "ms per MB", "MB/s vs smallest"], rows))
    return speeds[-1] / speeds[0]


# --- 4. memory and 5. --jobs: the CLI ---------------------------------------------------
def write_jsonl(folder: Path, size: int, seed: int, shard: int = 0) -> tuple[Path, int]:
    stats = corpus.write(folder, size, fmt="jsonl", seed=seed, shard_size=shard)
    path = folder / "corpus.jsonl" if not shard else folder
    return path, stats["text_bytes"]


def memory(sizes: list[int], seed: int, tmp: Path, jobs: int) -> list[tuple[int, clirun.CliRun]]:
    results, rows = [], []
    for size in sizes:
        folder = Path(tempfile.mkdtemp(prefix=f"mem-{size // MB}MB-", dir=tmp))
        try:
            path, text_bytes = write_jsonl(folder / "in", size, seed)
            file_mb = path.stat().st_size / MB
            result = clirun.run(clirun.fix_command(path, folder / "out", jobs))
        finally:
            subprocess.run(["rm", "-rf", str(folder)], check=False)
        results.append((text_bytes, result))
        rows.append((f"{text_bytes / MB:.0f} MB", f"{file_mb:.0f} MB", jobs, f"{result.seconds:.1f}",
                     f"{result.cpu_seconds:.1f}", f"{text_bytes / MB / result.cpu_seconds:.2f}", f"{result.max_rss_mb:.0f}",
                     "-" if result.tree_rss_mb is None else f"{result.tree_rss_mb:.0f}", _status(result)))
    say(f"`{_shown(clirun.fix_command(Path('corpus.jsonl'), Path('DIR'), jobs))}` on one JSONL file of each size; "
        "MB/s per CPU second.\n")
    say(table(["text", "file", "jobs", "wall s", "CPU s", "MB/s", "peak RSS MB (largest process)",
               "peak RSS MB (all processes)", "exit"], rows))
    return results


def _shown(argv: list[str]) -> str:
    return " ".join(["arclean", *argv[argv.index("fix"):]])


def _status(result: clirun.CliRun) -> str:
    if result.returncode in (0, 1):
        return str(result.returncode)
    return f"{result.returncode}: {result.stderr.strip().splitlines()[-1] if result.stderr.strip() else ''}"


def jobs_scaling(size: int, seed: int, tmp: Path, jobs_list: list[int]) -> None:
    folder = Path(tempfile.mkdtemp(prefix="jobs-", dir=tmp))
    rows = []
    try:
        path, text_bytes = write_jsonl(folder / "in", size, seed, shard=max(size // 8, 1))
        base = None
        for jobs in jobs_list:
            result = clirun.run(clirun.fix_command(path, folder / f"out-{jobs}", jobs))
            base = base or result.seconds
            rows.append((jobs, f"{result.seconds:.1f}", f"{result.cpu_seconds:.1f}", f"{text_bytes / MB / result.seconds:.2f}",
                         f"{base / result.seconds:.2f}×", f"{result.max_rss_mb:.0f}",
                         "-" if result.tree_rss_mb is None else f"{result.tree_rss_mb:.0f}", _status(result)))
    finally:
        subprocess.run(["rm", "-rf", str(folder)], check=False)
    say(f"`{_shown(clirun.fix_command(Path('DIR'), Path('OUT'), 0)).replace('--jobs 0', '--jobs N')}` on "
        f"{text_bytes / MB:.0f} MB of text in 8 JSONL shards (the CLI parallelises over files); {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.2f} at the end; MB/s and speed-up by wall clock.\n")
    say(table(["jobs", "wall s", "CPU s", "MB/s", "speed-up", "peak RSS MB (largest process)", "peak RSS MB (all processes)",
               "exit"], rows))


def cli_section(args: argparse.Namespace) -> int:
    """Run a CLI section from a small process.  Linux carries a process's peak RSS
    across fork and exec, so a CLI started by the process that holds the corpus would
    report that process's size as its own peak."""
    clirun.fix_support()
    say(f"Measured from a launcher of {_own_rss_mb():.0f} MB RSS (a peak at or below it would be the launcher's).\n")
    if args.cli_section == "memory":
        found = memory(sizes(args.memory), args.seed, Path(args.tmp), args.memory_jobs)
        say("RESULT " + json.dumps([(size, run._asdict()) for size, run in found]))
    else:
        jobs_scaling(corpus.parse_size(args.jobs_size), args.seed, Path(args.tmp), [int(j) for j in args.jobs.split(",")])
    return 0


def _own_rss_mb() -> float:
    try:
        import psutil

        return psutil.Process().memory_info().rss / 2**20
    except ImportError:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --- main -------------------------------------------------------------------------------
def sizes(text: str) -> list[int]:
    return [corpus.parse_size(s) for s in text.split(",") if s.strip()]


def _stop(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)  # so that temporary inputs and running CLIs are cleaned up


def main(argv: list[str] | None = None) -> int:
    signal.signal(signal.SIGTERM, _stop)
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes: a smoke run in under a minute")
    parser.add_argument("--size", help="throughput and per-rule corpus (default 50MB; quick 2MB)")
    parser.add_argument("--runs", type=int, help="throughput runs, median taken (default 5; quick 3)")
    parser.add_argument("--real-size", help="real-page corpus (realpages.py; default 5MB; quick 1MB)")
    parser.add_argument("--corpora", default="generated,real", help="which corpora: generated,real (default both)")
    parser.add_argument("--scaling", help="comma-separated sizes (default 10MB,30MB,100MB)")
    parser.add_argument("--memory", help="comma-separated JSONL sizes for the CLI (default 10MB,100MB,1GB)")
    parser.add_argument("--memory-jobs", type=int, default=1, help="--jobs for the memory runs (default 1)")
    parser.add_argument("--jobs-size", help="corpus for the --jobs table (default 100MB; quick 4MB)")
    parser.add_argument("--jobs", help="comma-separated --jobs values (default 1,2,…,cores)")
    parser.add_argument("--skip", default="",
                        help="sections to leave out: throughput,clean-input,rules,profile,scaling,memory,jobs")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--tmp", default=tempfile.gettempdir(), help="where the large inputs go (deleted afterwards)")
    parser.add_argument("--scaling-worker", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--cli-section", choices=["memory", "jobs"], help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.scaling_worker:
        scaling_worker(args.scaling_worker, args.seed)
        return 0
    if args.cli_section:
        return cli_section(args)
    quick = args.quick
    size = corpus.parse_size(args.size or ("2MB" if quick else "50MB"))
    runs = args.runs or (3 if quick else 5)
    scaling_sizes = sizes(args.scaling or ("1MB,2MB,4MB" if quick else "10MB,30MB,100MB"))
    memory_sizes = sizes(args.memory or ("1MB,3MB,10MB" if quick else "10MB,100MB,1GB"))
    jobs_size = corpus.parse_size(args.jobs_size or ("4MB" if quick else "100MB"))
    jobs_list = [int(j) for j in args.jobs.split(",")] if args.jobs else sorted({1, 2, os.cpu_count() or 1})
    skip = set(filter(None, args.skip.split(",")))
    tmp = Path(args.tmp)
    results: dict[str, object] = {}
    started = time.time()

    say(f"# arclean benchmarks{' (--quick)' if quick else ''}\n")
    say(table(["", ""], machine()))
    corpora = set(filter(None, args.corpora.split(",")))
    texts: list[str] = []
    if "real" in corpora:
        real_size = corpus.parse_size(args.real_size or ("1MB" if quick else "5MB"))
        texts = realpages.real_pages(real_size, seed=args.seed)
        found = "with" if realpages.devset_found() else "**without** (not found: generator only)"
        say(f"\nReal-page corpus: `benchmarks/realpages.py`, seed {args.seed}, {found} the devset at {realpages.DEVSET}; "
            f"{len(texts)} documents, {nbytes(texts) / len(texts):.0f} bytes and "
            f"{sum(t.count(chr(10)) + 1 for t in texts) / len(texts):.1f} lines a document.")
        if "throughput" not in skip:
            section("Real pages: throughput (one core)")
            results["real_speed"] = throughput(texts, runs)
        if "clean-input" not in skip:
            section("Real pages: already-clean and dirty documents")
            results["real_clean_input"] = clean_vs_dirty(texts, runs)
        if "rules" not in skip:
            section("Real pages: cost per rule and family")
            per_rule(texts)
        if "profile" not in skip:
            section("Real pages: hot functions")
            hot_functions(texts)
    if "generated" in corpora:
        say(f"\nGenerated corpus: `benchmarks/corpus.py`, seed {args.seed}.")
        texts = load(size, args.seed) if skip & {"throughput", "rules", "profile"} != {"throughput", "rules", "profile"} else []
        if "throughput" not in skip:
            section("Generated: throughput (one core)")
            results["speed"] = throughput(texts, runs)
        if "clean-input" not in skip:
            section("Generated: already-clean and dirty documents")
            clean_vs_dirty(texts, runs)
        if "rules" not in skip:
            section("Generated: cost per rule")
            results["top_share"] = per_rule(texts)
        if "profile" not in skip:
            section("Generated: hot functions")
            hot_functions(texts[: max(1, len(texts) // 10)])
    if "scaling" not in skip:
        section("Scaling with corpus size")
        results["linearity"] = scaling(scaling_sizes, args.seed)
    del texts  # the CLI sections run in a small fresh process: see cli_section
    supported, why = clirun.fix_support()
    for name, title in (("memory", "Memory: CLI peak RSS"), ("jobs", "Scaling with --jobs")):
        if name in skip:
            continue
        section(title)
        if not supported:
            say(f"CLI not available yet ({why}).")
            results["cli_missing"] = why
            continue
        worker = [sys.executable, __file__, "--cli-section", name, "--seed", str(args.seed), "--tmp", str(tmp),
                  "--memory", ",".join(map(str, memory_sizes)), "--memory-jobs", str(args.memory_jobs),
                  "--jobs-size", str(jobs_size), "--jobs", ",".join(map(str, jobs_list))]
        with subprocess.Popen(worker, stdout=subprocess.PIPE, text=True) as child:
            try:
                output, _ = child.communicate()
            except BaseException:
                child.terminate()
                raise
        done = subprocess.CompletedProcess(worker, child.returncode, output)
        for line in done.stdout.splitlines():
            if line.startswith("RESULT "):
                found = json.loads(line[len("RESULT "):])
                results["memory"] = [(size, clirun.CliRun(**run)) for size, run in found]
            else:
                say(line)
    section("Targets")
    say(table(["target", "measured", "met"], targets(results, memory_sizes)))
    say(f"\nTotal time {time.time() - started:.0f} s; load average at the end {os.getloadavg()[0]:.2f}.")
    return 0


def targets(results: dict[str, object], memory_sizes: list[int]) -> list[tuple[str, str, str]]:
    rows = []
    real = results.get("real_speed")
    if isinstance(real, dict):
        if "ftfy" in real:
            import arclean._compiled

            ratio, path = real["arclean"] / real["ftfy"], arclean._compiled.implementation()
            rows.append((f"real pages: clean ≥ {REAL_FTFY_FACTOR[path]:.0f}× ftfy.fix_text ({path})",
                         f"{ratio:.2f}× ({real['arclean']:.2f} vs {real['ftfy']:.2f} MB/s)", _yes(ratio >= REAL_FTFY_FACTOR[path])))
            if "pure" in real:  # the pure-Python path, timed in the same run (contenders.py)
                ratio, factor = real["pure"] / real["ftfy"], REAL_FTFY_FACTOR["pure Python"]
                rows.append((f"real pages: clean ≥ {factor:.0f}× ftfy.fix_text (pure Python)",
                             f"{ratio:.2f}× ({real['pure']:.2f} vs {real['ftfy']:.2f} MB/s)", _yes(ratio >= factor)))
        ratio = real["arclean"] / real["explain"]
        rows.append((f"real pages: explain within {EXPLAIN_FACTOR}× of clean", f"clean {ratio:.2f}× explain "
                     f"({real['arclean']:.2f} vs {real['explain']:.2f} MB/s)", _yes(ratio <= EXPLAIN_FACTOR)))
    inputs = results.get("real_clean_input")
    if isinstance(inputs, dict) and "dirty" in inputs:
        for name in ("unchanged", "dirty, once cleaned"):
            if name in inputs:
                ratio = inputs[name] / inputs["dirty"]
                rows.append((f"real pages: {name} documents ≥ {CLEAN_INPUT_FACTOR:.0f}× faster than dirty ones (MB/s)",
                             f"{ratio:.2f}× ({inputs[name]:.2f} vs {inputs['dirty']:.2f} MB/s)",
                             _yes(ratio >= CLEAN_INPUT_FACTOR)))
    speed = results.get("speed")
    if isinstance(speed, dict):
        if "ftfy" in speed:
            ratio = speed["arclean"] / speed["ftfy"]
            rows.append((f"arclean ≥ {FTFY_FACTOR:.0f}× ftfy.fix_text", f"{ratio:.2f}× ({speed['arclean']:.2f} vs "
                         f"{speed['ftfy']:.2f} MB/s)", _yes(ratio >= FTFY_FACTOR)))
        ratio = speed["arclean"] / speed["floor"]
        rows.append((f"arclean ≥ {FLOOR_FACTOR}× the floor", f"{ratio:.2f}× ({speed['arclean']:.2f} vs "
                     f"{speed['floor']:.2f} MB/s)", _yes(ratio >= FLOOR_FACTOR)))
    share = results.get("top_share")
    if isinstance(share, float):
        rows.append((f"no rule over {MAX_RULE_SHARE:.0%} of the time", f"slowest rule {share:.1%}",
                     _yes(share <= MAX_RULE_SHARE)))
    linearity = results.get("linearity")
    if isinstance(linearity, float):
        rows.append(("time linear in corpus size", f"MB/s at the largest size = {linearity:.2f}× the smallest",
                     _yes(linearity >= 0.85)))
    memory = results.get("memory")
    if isinstance(memory, list) and memory:
        big, last = memory[-1]
        rows.append((f"CLI peak RSS < {MAX_RSS_MB} MB at {big / MB:.0f} MB", f"{last.max_rss_mb:.0f} MB",
                     _yes(last.max_rss_mb < MAX_RSS_MB and last.returncode in (0, 1))))
        # Bounded, not constant: caches fill on the first tens of MB, then the peak must stay put.
        _, before = memory[-2] if len(memory) > 1 else memory[0]
        growth = last.max_rss_mb - before.max_rss_mb
        rows.append(("CLI peak RSS does not grow with the corpus",
                     " → ".join(f"{run.max_rss_mb:.0f} MB at {size / MB:.0f} MB" for size, run in memory),
                     _yes(growth <= max(10, 0.1 * before.max_rss_mb))))
    elif results.get("cli_missing"):
        rows.append((f"CLI peak RSS < {MAX_RSS_MB} MB at 1 GB", f"CLI not available yet ({results['cli_missing']})", "?"))
    return rows


def _yes(ok: bool) -> str:
    return "yes" if ok else "**no**"


if __name__ == "__main__":
    sys.exit(main())
