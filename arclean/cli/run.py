"""``check`` and ``fix`` over files and folders, or standard input: plan, run, report.

The run itself is :mod:`arclean.files`' (or, with ``--scheduler``, its Dask engine's); this
module checks the flags, chooses the engine and the number of workers, and sends each file's
result to the reporter, the diff stream and the review.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import signal
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import IO, Iterable, Iterator, TextIO

from ..config import Config
from ..errors import ArcleanError
from ..files import FileResult, Problem, Source, Task, clean_stream, discover, pipeline_for, plan, read_stdin_bytes, run, stale_temporaries
from ..files.cluster import require_distributed, run_on_cluster
from ..files.parquet import check_pyarrow, is_parquet
from ..files.settings import Settings
from ..files.urls import IN_PROCESS, is_url, newer, parent, protocol, remove
from .report import REPORTERS, Progress, Reporter, Summary
from .review import Review

POOL_THRESHOLD = 2_000_000  # bytes: below this, starting worker processes costs more than it saves


@dataclass
class _Sink:
    """Where each cleaned file's result goes: the summary, the reporter, the diff stream
    (``--diff``) and the review (``--report``)."""

    summary: Summary
    reporter: Reporter
    out: TextIO
    diff: bool
    review: Review | None

    def add(self, result: FileResult) -> None:
        self.summary.add(result)
        if result.diff and self.diff:
            self.out.write(result.diff)
        self.reporter.result(result)
        if self.review is not None:
            self.review.add_result(result)


def run_paths(args: argparse.Namespace, settings: Settings, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    """``check`` and ``fix`` over files and folders (or ``-``, standard input)."""
    if "-" in args.paths:
        _check_stdin_flags(args)
        return _run_stdin(args, settings, stdin, stdout, stderr)
    out_dir = getattr(args, "out", None)
    _check_flags(args, out_dir)
    in_process = _in_process([*args.paths, out_dir or ""], args.scheduler)
    review = Review(sample=args.sample, json_field=settings.json_field) if args.report else None
    sources, problems = discover(args.paths, settings, force_exclude=args.force_exclude, skip=out_dir)
    tasks, configs = _plan(args, settings, sources, out_dir, review is not None)
    size = sum(source.size for source in sources)
    progress = Progress(stderr, len(tasks), size, enabled=show_progress(args, stderr))
    out, err = progress.before(stdout), progress.before(stderr)
    action = "diff" if args.diff else args.command
    reporter = REPORTERS[args.output_format](err if args.diff else out, err, action=action, verbose=args.verbose,
                                             quiet=args.quiet)
    sink = _Sink(Summary(action), reporter, out, args.diff, review)
    _report_problems(problems, sink)
    _remove_stale_temporaries(tasks, reporter)
    if out_dir and getattr(args, "resume", False):  # --resume needs --out (checked above)
        tasks = _resume(tasks, out_dir, reporter)
    interrupted = _send(_results(args, tasks, configs, in_process, size, progress), sink, progress)
    if out_dir:
        os.sync()  # the copies were not fsynced one by one
    reporter.finish(sink.summary.finish(interrupted=interrupted), out_dir=out_dir)
    if review is not None:
        review.write(args.report, sink.summary.as_dict())
    if interrupted:
        raise KeyboardInterrupt
    return sink.summary.exit_code(exit_zero=args.exit_zero)


def _check_stdin_flags(args: argparse.Namespace) -> None:
    if args.report:
        raise ArcleanError("--report reviews files and folders, not standard input")
    if len(args.paths) > 1 or getattr(args, "out", None) or args.scheduler:
        raise ArcleanError("'-' (standard input) cannot be mixed with paths, --out or --scheduler")


def _check_flags(args: argparse.Namespace, out_dir: str | None) -> None:
    """Flags that do not go together stop the run before it reads a file."""
    if out_dir and args.diff:
        raise ArcleanError("--diff writes nothing: use it without --out")
    if getattr(args, "resume", False) and not out_dir:
        raise ArcleanError("--resume skips the copies already made under --out: use it with --out DIR")
    if args.scheduler:
        require_distributed()
    if out_dir and any(os.path.realpath(out_dir) == os.path.realpath(path) for path in args.paths):
        raise ArcleanError(f"--out {out_dir} is a folder being cleaned: choose another, or fix in place without --out")


def _plan(args: argparse.Namespace, settings: Settings, sources: list[Source], out_dir: str | None,
          reviewed: bool) -> tuple[list[Task], list[Config]]:
    """The run's tasks and configurations; a reviewed run also diffs each file (the review shows it)."""
    detail = args.verbose or args.output_format == "github" or reviewed
    tasks, configs = plan(sources, settings, action=args.command, out_dir=out_dir, diff=args.diff, detail=detail)
    if reviewed:
        tasks = [replace(task, diff=True) for task in tasks]
    _require_pyarrow(tasks)
    return tasks, configs


def _report_problems(problems: Iterable[Problem], sink: _Sink) -> None:
    """What discovery could not take (missing, skipped, failed) is reported as a result of its own."""
    for problem in problems:
        status = "missing" if problem.missing else "failed" if problem.error else "skipped"
        result = FileResult(problem.name, status, message=problem.message)
        sink.summary.add(result)
        sink.reporter.result(result)


def _results(args: argparse.Namespace, tasks: list[Task], configs: list[Config], in_process: bool, size: int,
             progress: Progress) -> Iterator[FileResult]:
    """The files' results, from the Dask cluster (``--scheduler``) or the local engine."""
    if args.scheduler:
        return run_on_cluster(args.scheduler, args.jobs or cores(), tasks, configs, on_result=progress.advance)
    return run(tasks, configs, 1 if in_process else jobs_for(args.jobs, size), on_result=progress.advance)


def _send(results: Iterator[FileResult], sink: _Sink, progress: Progress) -> bool:
    """Send every result to the sink; whether the run was interrupted (every file
    written by then has been reported)."""
    try:
        with _terminate_as_interrupt():
            for result in results:
                sink.add(result)
    except KeyboardInterrupt:
        return True
    finally:
        progress.close()
    return False


def _remove_stale_temporaries(tasks: list[Task], reporter: Reporter) -> None:
    """Remove the temporary files a killed run left where this run writes; a
    run that writes nothing (``check``, ``--diff``) only names those beside its files."""
    if not any(task.dest for task in tasks):
        for path in stale_temporaries({_folder(task.source.path) for task in tasks}):
            reporter.note(f"{_shown(path)}: a temporary file left by an interrupted run ('arclean fix' removes it)")
        return
    for path in stale_temporaries({_folder(task.dest) for task in tasks if task.dest}):
        try:
            remove(path) if is_url(path) else os.unlink(path)
        except FileNotFoundError:
            continue
        except OSError as error:
            reporter.note(f"{_shown(path)}: a temporary file left by an interrupted run; cannot remove it: {error.strerror}")
            continue
        reporter.note(f"removed {_shown(path)}: a temporary file left by an interrupted run")


def _resume(tasks: list[Task], out_dir: str, reporter: Reporter) -> list[Task]:
    """``--resume``: the tasks whose copy is not yet under ``--out``, or is older than its source."""
    done = {task: _done(task) for task in tasks}
    left = [task for task in tasks if done[task] is False]
    if len(left) < len(tasks):
        reporter.note(f"--resume: {len(tasks) - len(left)} of {len(tasks)} files are already cleaned under {out_dir} "
                      "and newer than their sources; they are left as they are")
    undated = sum(verdict is None for verdict in done.values())
    if undated:
        reporter.note(f"--resume: the filesystem gives no modified times for {undated} of them: a copy that is there "
                      "counts as done, even if its source changed after it was made")
    return left


def _done(task: Task) -> bool | None:
    """A copy is complete once it exists (it is only ever renamed into place whole);
    ``None``: it exists, but a URL's filesystem gives no modified time to compare."""
    if is_url(task.source.path) or is_url(task.dest or ""):
        return newer(task.dest or "", task.source.path)
    try:
        return os.stat(task.dest).st_mtime_ns >= os.stat(task.source.path).st_mtime_ns  # type: ignore[arg-type]
    except OSError:
        return False


def _require_pyarrow(tasks: list[Task]) -> None:
    """A run with Parquet files stops at once, naming the extra, when pyarrow is missing."""
    parquet = next((task.source.name for task in tasks if is_parquet(task.source.name)), None)
    if parquet is not None:
        try:
            check_pyarrow()
        except ArcleanError as error:
            raise ArcleanError(f"{parquet}: {error}") from None


def _folder(path: str) -> str:
    return parent(path) if is_url(path) else os.path.dirname(path)


def _in_process(paths: list[str], scheduler: str | None) -> bool:
    """Does the run use a filesystem that lives in this process (``memory://``)?  Then
    it runs in this process (``--jobs 1``); on Dask's workers, which cannot see it, it is an error."""
    urls = [path for path in paths if is_url(path) and protocol(path) in IN_PROCESS]
    if urls and scheduler:
        raise ArcleanError(f"{urls[0]}: a {protocol(urls[0])}:// filesystem lives in one process, "
                           "which the Dask workers cannot see: run it without --scheduler")
    return bool(urls)


def _shown(path: str) -> str:
    if is_url(path):
        return path
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def _run_stdin(args: argparse.Namespace, settings: Settings, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    """``check -`` reports on standard input; ``fix -`` writes the cleaned text
    to standard output (nothing at all if the input is bad)."""
    name = args.stdin_filename or "-"
    match = os.path.relpath(os.path.abspath(name), settings.root).replace(os.sep, "/")
    source = Source("-", name, name, match, 0)
    task = Task(source, 0, None, args.diff, args.verbose or args.output_format == "github",
                settings.json_field, settings.encoding, source_field=settings.source_field)
    writes = args.command == "fix" and not args.diff
    quiet = args.quiet or (writes and not args.verbose)
    reporter = REPORTERS[args.output_format](stderr if writes or args.diff else stdout, stderr,
                                             action="diff" if args.diff else args.command, verbose=args.verbose, quiet=quiet)
    summary = Summary(args.command)
    with tempfile.SpooledTemporaryFile(max_size=64 << 20) as cleaned:
        try:
            result = clean_stream(read_stdin_bytes(stdin), cleaned if writes else None, task,
                                  pipeline_for(settings.config_for(match)))
        except ArcleanError as error:
            result = FileResult(name, "failed", message=str(error))
        if writes and result.status != "failed":
            cleaned.seek(0)
            _write_bytes(stdout, cleaned)
    stdout.write(result.diff)
    summary.add(result)
    reporter.result(result)
    reporter.finish(summary.finish())
    return summary.exit_code(exit_zero=args.exit_zero)


class Bytes(io.RawIOBase):
    """Bytes written into a text stream (standard output, or a StringIO in tests)."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        buffer = getattr(self.stream, "buffer", None)
        if buffer is not None:
            self.stream.flush()  # what was written as text goes first
            buffer.write(data)
        else:
            self.stream.write(bytes(data).decode("utf-8"))
        return len(data)


def _write_bytes(stream: TextIO, source: IO[bytes]) -> None:
    shutil.copyfileobj(source, Bytes(stream))


@contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """SIGTERM (a CI timeout, ``kill``) stops a run as Ctrl-C does: workers
    stopped, temporary files removed, exit code 130."""

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, interrupt)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def jobs_for(requested: int | None, size: int) -> int:
    """``--jobs``, or (``auto``) the machine's cores when the run is big enough to gain from them."""
    if requested is not None:
        return requested
    return cores() if size >= POOL_THRESHOLD else 1


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def show_progress(args: argparse.Namespace, stderr: TextIO) -> bool:
    """A bar only for a person watching: a terminal, not a hook, not quiet."""
    interactive = getattr(stderr, "isatty", lambda: False)()
    return interactive and not (args.quiet or args.no_progress or os.environ.get("PRE_COMMIT"))
