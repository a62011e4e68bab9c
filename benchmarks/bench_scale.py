"""Scale-out: the same corpus as JSONL and as Parquet, cleaned by ``arclean fix --out``
on the local engine (1 and 2 jobs) and on Dask (a 2-worker ``LocalCluster``), and the
peak memory of cleaning one big Parquet file.

The corpus comes from ``benchmarks/corpus.py`` (seeded scraped-looking Arabic news
pages): ``.jsonl`` files of 4 MB of text, and the same records as ``.parquet`` files
(columns ``id``, ``url``, ``text``; row groups of ``--row-group`` rows), written once
under ``benchmarks/out/`` and reused.  Every run is the real command in a subprocess,
timed from its start to its exit (``clirun.py``), output checked byte for byte against
the 1-job output.  CPU time (user + system) counts the command and every process it
started and waited for (its local workers, its own LocalCluster), and for a running
cluster its workers (not its scheduler, which shares this script's process with the
RSS sampler): on a busy machine it says what each engine costs when the wall clock
cannot.  Dask is run two ways:

- ``--scheduler local --jobs 2``: the command starts its own LocalCluster (its start-up
  and shut-down, about 3 s, are in the time);
- ``--scheduler tcp://…``: a 2-worker LocalCluster started beforehand by this script,
  as a user with a running cluster would (the workers are not the command's children,
  so their memory is not in its RSS).

The memory run cleans one Parquet file of ``--memory-size`` of text (row groups of
``--row-group`` rows) with ``--jobs 1`` and reports the kernel's peak RSS of the process.

    python benchmarks/bench_scale.py                                 # 200 MB, and 1 GB for memory
    python benchmarks/bench_scale.py --size 20MB --memory-size 100MB # a quick look
    python benchmarks/bench_scale.py --skip memory

Needs ``pip install -e '.[bench,parquet,dask]'``.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import shutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import clirun  # noqa: E402  (benchmarks/clirun.py)
import corpus  # noqa: E402  (benchmarks/corpus.py)


def jsonl_corpus(size: str, seed: int) -> Path:
    folder = HERE / "out" / f"scale-{size}-seed{seed}"
    done = folder / ".jsonl-complete"
    if not done.exists():
        shutil.rmtree(folder, ignore_errors=True)
        started = time.perf_counter()
        stats = corpus.write(folder / "jsonl", size, fmt="jsonl", seed=seed, shard_size="4MB")
        done.write_text(json.dumps(stats))
        print(f"generated {stats['documents']} documents in {stats['files']} .jsonl files "
              f"({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    return folder / "jsonl"


def parquet_corpus(jsonl: Path, row_group: int) -> Path:
    """The same records, one .parquet file per .jsonl file."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder = jsonl.parent / f"parquet-rg{row_group}"
    done = folder / ".complete"
    if not done.exists():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        for part in sorted(jsonl.glob("*.jsonl")):
            with open(part, encoding="utf-8") as handle:
                records = [json.loads(line) for line in handle]
            table = pa.Table.from_pylist(records, schema=SCHEMA())
            pq.write_table(table, folder / f"{part.stem}.parquet", row_group_size=row_group)
        done.write_text("")
    return folder


def SCHEMA():  # noqa: N802 - a constant built on demand (pyarrow is imported late)
    import pyarrow as pa

    return pa.schema([("id", pa.string()), ("url", pa.string()), ("text", pa.string())])


def big_parquet(size: str, seed: int, row_group: int) -> Path:
    """One Parquet file of ``size`` of text, written streaming (row group by row group)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = HERE / "out" / f"scale-big-{size}-rg{row_group}-seed{seed}" / "big.parquet"
    done = path.with_name(".complete")
    if not done.exists():
        shutil.rmtree(path.parent, ignore_errors=True)
        path.parent.mkdir(parents=True)
        started = time.perf_counter()
        rows: list[dict[str, str]] = []
        with pq.ParquetWriter(path, SCHEMA()) as writer:
            for doc in corpus.generate(size, seed=seed):
                rows.append(doc._asdict())
                if len(rows) == row_group:
                    writer.write_table(pa.Table.from_pylist(rows, schema=SCHEMA()), row_group_size=row_group)
                    rows = []
            if rows:
                writer.write_table(pa.Table.from_pylist(rows, schema=SCHEMA()), row_group_size=row_group)
        done.write_text("")
        print(f"generated {path} ({path.stat().st_size / 1e6:.0f} MB on disk, "
              f"{time.perf_counter() - started:.0f} s)", file=sys.stderr)
    return path


def _cpu(processes: list) -> float:
    """User + system CPU seconds of these processes so far."""
    return sum(sum(process.cpu_times()[:2]) for process in processes)


def on_disk(path: Path) -> int:
    return sum(file.stat().st_size for file in path.rglob("*") if file.is_file())


def text_bytes(path: Path) -> int:
    return json.loads((path.parent / ".jsonl-complete").read_text())["text_bytes"]


def same_tree(one: Path, two: Path) -> bool:
    files = sorted(p.relative_to(one) for p in one.rglob("*") if p.is_file())
    return files == sorted(p.relative_to(two) for p in two.rglob("*") if p.is_file()) and all(
        (one / name).read_bytes() == (two / name).read_bytes() for name in files)


def fix(source: Path, out: Path, *flags: str) -> clirun.CliRun:
    shutil.rmtree(out, ignore_errors=True)
    done = clirun.run([*clirun.command(), "fix", str(source), "--out", str(out), "-q", "--no-progress", *flags])
    if done.returncode not in (0, 1):
        raise SystemExit(f"arclean fix {' '.join(flags)} failed ({done.returncode}): {done.stderr}")
    return done


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", default="200MB", help="text in the JSONL/Parquet corpus (default 200MB)")
    parser.add_argument("--memory-size", default="1GB", help="text in the one Parquet file of the memory run (default 1GB)")
    parser.add_argument("--row-group", type=int, default=1000, help="rows per Parquet row group (default 1000, ~3 MB)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--skip", default="", help="comma-separated: speed, memory")
    args = parser.parse_args(argv)
    skip = set(filter(None, args.skip.split(",")))
    import distributed

    print(f"# arclean scale-out benchmark, {time.strftime('%Y-%m-%d')}; {platform.processor() or platform.machine()}, "
          f"{os.cpu_count()} cores, Python {platform.python_version()}, dask {distributed.__version__}")
    if "speed" not in skip:
        jsonl = jsonl_corpus(args.size, args.seed)
        parquet = parquet_corpus(jsonl, args.row_group)
        megabytes = text_bytes(jsonl) / 1e6
        print(f"\ncorpus: {megabytes:.0f} MB of text, {len(list(jsonl.glob('*.jsonl')))} files; on disk "
              f"{on_disk(jsonl) / 1e6:.0f} MB as JSONL, {on_disk(parquet) / 1e6:.0f} MB as Parquet "
              f"(row groups of {args.row_group} rows)\n")
        print("| format | engine | wall s | MB/s of text | wall vs --jobs 2 | CPU s, all processes | CPU vs --jobs 2 "
              "| peak RSS, all processes | output |")
        print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
        with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                      dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR) as cluster, \
                distributed.Client(cluster) as client:
            import psutil

            # Not this process (the scheduler's): the RSS sampler of clirun.py runs here too.
            workers = [psutil.Process(pid) for pid in client.run(os.getpid).values()]
            for name, source in (("JSONL", jsonl), ("Parquet", parquet)):
                runs = [
                    ("local, --jobs 1", ("--jobs", "1")),
                    ("local, --jobs 2", ("--jobs", "2")),
                    ("Dask, --scheduler local --jobs 2", ("--scheduler", "local", "--jobs", "2")),
                    ("Dask, running 2-worker cluster", ("--scheduler", cluster.scheduler_address)),
                ]
                reference, two, two_cpu = source.parent / f"{source.name}-clean-1", None, None
                for label, flags in runs:
                    out = source.parent / f"{source.name}-clean-{'-'.join(flags).replace('/', '').replace(':', '')}"
                    before = _cpu(workers)
                    done = fix(source, out, *flags)
                    cpu = done.cpu_seconds  # the command and the processes it started and waited for
                    if "running" in label:  # + the cluster's workers (not its scheduler)
                        cpu += _cpu(workers) - before
                    if label == "local, --jobs 1":
                        shutil.rmtree(reference, ignore_errors=True)
                        out.rename(reference)
                        out = reference
                    if label == "local, --jobs 2":
                        two, two_cpu = done.seconds, cpu
                    same = "identical" if same_tree(reference, out) else "DIFFERENT"
                    ratio = f"{done.seconds / two:.2f}×" if two else ""
                    cpu_ratio = f"{cpu / two_cpu:.2f}×" if two_cpu else ""
                    rss = f"{done.tree_rss_mb:.0f} MB" if done.tree_rss_mb is not None else "?"
                    if "running" in label:
                        rss += " (CLI only)"
                    print(f"| {name} | {label} | {done.seconds:.1f} | {megabytes / done.seconds:.2f} | {ratio} "
                          f"| {cpu:.1f} | {cpu_ratio} | {rss} | {same} |", flush=True)
        print(f"\nload average at the end (1, 5, 15 min): {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    if "memory" not in skip:
        path = big_parquet(args.memory_size, args.seed, args.row_group)
        import pyarrow.parquet as pq

        metadata = pq.ParquetFile(path).metadata
        out = path.parent / "clean"
        done = fix(path, out, "--jobs", "1")
        rows_out = pq.ParquetFile(out / path.name).metadata.num_rows
        print(f"\nmemory: one Parquet file of {args.memory_size} of text ({path.stat().st_size / 1e6:.0f} MB on disk, "
              f"{metadata.num_rows} rows in {metadata.num_row_groups} row groups), arclean fix --out --jobs 1: "
              f"{done.seconds:.0f} s, peak RSS {done.max_rss_mb:.0f} MB (kernel high-water mark); "
              f"{rows_out} rows out")
        shutil.rmtree(out, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
