"""The ``arclean`` command: argv -> settings -> files -> clean -> report.

- ``arclean check PATH…`` reports what would change (exit 1 if anything would);
- ``arclean fix PATH…`` cleans in place (exit 1 if it changed anything, so a
  pre-commit hook fails), or into ``--out DIR``; ``--diff`` shows a unified
  diff and writes nothing;
- ``arclean FILE…`` (or ``arclean -`` / no argument: standard input) writes
  the cleaned text to standard output (with no argument and a terminal for
  standard input, it prints its usage instead of waiting);
- ``arclean learn PATH… --out FILE`` writes each site's own chrome lines,
  learned from the corpus (:mod:`arclean.learn`), to a phrase file to review;
- ``arclean rules`` lists the rules, ``arclean rule CODE`` prints one's documentation.

Exit codes: 0 clean, 1 changes found or made, 2 usage, configuration or input
errors (a path not found), 130 interrupted (after reporting every file written).  The
work is in :mod:`arclean.files.config_file` (settings), :mod:`arclean.files`
(finding, cleaning, writing) and :mod:`arclean.cli.report`.
"""

from __future__ import annotations

import argparse
import gzip
import io
import os
import shutil
import signal
import sys
import tempfile
from contextlib import contextmanager
from dataclasses import replace
from typing import IO, Iterator, Sequence, TextIO

from .. import __version__
from .._compiled import implementation
from ..errors import ArcleanError
from ..files import FileResult, Source, Task, clean_stream, discover, pipeline_for, plan, read_stdin_bytes, run, stale_temporaries
from ..files.cluster import require_distributed, run_on_cluster
from ..files.config_file import find_config_file, load_settings
from ..files.learn import Job, learn
from ..files.parquet import check_pyarrow, is_parquet
from ..files.settings import Settings, flags_of
from ..files.urls import IN_PROCESS, is_url, newer, parent, protocol, remove
from ..learn import MIN_DOCS, MIN_SHARE
from ..registry import BY_CODE, PROFILES, RULES
from .report import EXIT_ERROR, EXIT_INTERRUPTED, EXIT_OK, FORMATS, REPORTERS, Progress, Reporter, Summary
from .review import SAMPLE, Review

COMMANDS = ("clean", "check", "fix", "learn", "rules", "rule")
POOL_THRESHOLD = 2_000_000  # bytes: below this, starting worker processes costs more than it saves


def _codes(value: str) -> tuple[str, ...]:
    return tuple(code.strip().upper() for code in value.split(",") if code.strip())


def _globs(value: str) -> tuple[str, ...]:
    return tuple(glob.strip() for glob in value.split(",") if glob.strip())


def _jobs_flag(value: str) -> int | None:
    """``--jobs``: a positive number of processes, or ``auto`` (None)."""
    if value == "auto":
        return None
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"'{value}': give a positive number of processes, or auto")
    return int(value)


def _sample_flag(value: str) -> int:
    if not value.isdigit():
        raise argparse.ArgumentTypeError(f"'{value}': give a number of changes (0 or more)")
    return int(value)


def _parser() -> argparse.ArgumentParser:
    rules = argparse.ArgumentParser(add_help=False)
    group = rules.add_argument_group("rules and configuration")
    group.add_argument("--select", type=_codes, metavar="CODES", help="rule codes or prefixes to run instead of the defaults (B,W101)")
    group.add_argument("--ignore", type=_codes, default=(), metavar="CODES", help="rule codes or prefixes to leave out")
    group.add_argument("--extend-select", type=_codes, default=(), metavar="CODES", help="rule codes or prefixes to add")
    group.add_argument("--profile", choices=sorted(PROFILES), help="add a named set of rules")
    group.add_argument("--config", metavar="FILE", help="read this arclean.toml or pyproject.toml")
    group.add_argument("--isolated", action="store_true", help="ignore every configuration file")

    files = argparse.ArgumentParser(add_help=False)
    files.add_argument("paths", nargs="*", default=["."], help="files and folders (default: .); '-' for standard input")
    group = files.add_argument_group("files")
    group.add_argument("--include", type=_globs, metavar="GLOBS", help="file patterns to clean (default: *.txt,*.md,*.jsonl,*.parquet)")
    group.add_argument("--exclude", type=_globs, action="extend", default=[], metavar="GLOBS", help="more patterns to skip")
    group.add_argument("--force-exclude", action="store_true", help="apply include/exclude to files named too")
    group.add_argument("--no-respect-gitignore", dest="gitignore", action="store_false", default=None,
                       help="clean files that .gitignore names too")
    group.add_argument("--field", metavar="NAME",
                       help="the JSONL field or Parquet column to clean (default: text); nested: meta.text")
    group.add_argument("--encoding", metavar="CODEC", help="read files that are not UTF-8 in this encoding (such as cp1256)")
    group.add_argument("--stdin-filename", metavar="NAME", help="the name of standard input (its format, per-file-ignores)")
    group = files.add_argument_group("output")
    group.add_argument("--diff", action="store_true", help="print a unified diff; write nothing")
    group.add_argument("-v", "--verbose", action="store_true", help="show every change with its line")
    group.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    group.add_argument("--output-format", choices=FORMATS, default="text")
    group.add_argument("-j", "--jobs", type=_jobs_flag, metavar="N",
                       help="worker processes: a positive number, or auto (the default: the machine's cores for a big run)")
    group.add_argument("--no-progress", action="store_true", help="never draw the progress bar")
    group.add_argument("--scheduler", metavar="ADDRESS",
                       help="clean on a Dask cluster: tcp://HOST:PORT, or local (a LocalCluster of --jobs workers); "
                            'needs pip install "arclean[dask]"')
    group.add_argument("--exit-zero", action="store_true", help="exit 0 even when files change (errors still exit 2)")
    group.add_argument("--report", metavar="FILE", help="also write an HTML review of the changes (review.html)")
    group.add_argument("--sample", type=_sample_flag, default=SAMPLE, metavar="N",
                       help=f"changes sampled per rule in the --report review (default: {SAMPLE})")

    parser = argparse.ArgumentParser(prog="arclean", description="Clean scraped Arabic web text.")
    parser.add_argument("--version", action="version", version=f"arclean {__version__} ({implementation()})")
    sub = parser.add_subparsers(dest="command")
    clean = sub.add_parser("clean", parents=[rules], help="clean files (or standard input) to standard output")
    clean.add_argument("paths", nargs="*", help="files to clean; '-' for standard input (the default)")
    sub.add_parser("check", parents=[files, rules], help="report what would change (exit 1 if anything would)")
    fix = sub.add_parser("fix", parents=[files, rules], help="clean files in place (exit 1 if anything changed)")
    fix.add_argument("--out", metavar="DIR", help="write cleaned copies under DIR, mirroring the tree; sources stay")
    fix.add_argument("--resume", action="store_true",
                     help="with --out: skip the copies already there and newer than their sources (a rerun)")
    _add_learn(sub, rules)
    sub.add_parser("rules", help="list the rules")
    rule = sub.add_parser("rule", help="show one rule's documentation")
    rule.add_argument("code", help="a rule code (B101) or name (remove-repeated-title)")
    return parser


def main(
    argv: Sequence[str] | None = None,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run the command line; return the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or args_list[0] not in (*COMMANDS, "-h", "--help", "--version"):
        args_list.insert(0, "clean")
    stdin, stdout, stderr = stdin or sys.stdin, stdout or sys.stdout, stderr or sys.stderr
    parser = _parser()
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exit:
        return int(exit.code or 0)
    if args.command == "clean" and not args.paths:
        if getattr(stdin, "isatty", lambda: False)():  # nothing piped in: say what to do rather than wait
            parser.print_usage(stderr)
            stderr.write("arclean: give files to clean, pipe text in, or run 'arclean check PATH' or "
                         "'arclean fix PATH' ('arclean --help' for more)\n")
            return EXIT_ERROR
        args.paths = ["-"]
    try:
        if args.command == "rules":
            return _print_rules(stdout)
        if args.command == "rule":
            return _print_rule(args.code, stdout, stderr)
        settings = _settings(args, stdin_name=getattr(args, "stdin_filename", None))
        if args.command == "learn":
            return _learn(args, settings, stderr)
        if args.command == "clean":
            return _clean_to_stdout(args.paths, settings, stdin, stdout, stderr)
        return _run(args, settings, stdin, stdout, stderr)
    except ArcleanError as error:
        stderr.write(f"arclean: error: {error}\n")
        return EXIT_ERROR
    except KeyboardInterrupt:
        stderr.write("\narclean: interrupted; every file is as it was or fully cleaned, none is partly written\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_ERROR


def _settings(args: argparse.Namespace, *, stdin_name: str | None) -> Settings:
    """The configuration file's settings (found from the paths upward), then the flags."""
    paths = [path for path in args.paths if path != "-" and not is_url(path)] or [stdin_name or "."]
    path = args.config
    if path is None and not args.isolated:
        path = find_config_file(os.path.commonpath([os.path.abspath(p) for p in paths]))
    return load_settings(None if args.isolated and not args.config else path).override(**flags_of(args))


def _run(args: argparse.Namespace, settings: Settings, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    """``check`` and ``fix`` over files and folders."""
    out_dir = getattr(args, "out", None)
    if "-" in args.paths:
        if args.report:
            raise ArcleanError("--report reviews files and folders, not standard input")
        if len(args.paths) > 1 or out_dir or args.scheduler:
            raise ArcleanError("'-' (standard input) cannot be mixed with paths, --out or --scheduler")
        return _run_stdin(args, settings, stdin, stdout, stderr)
    if out_dir and args.diff:
        raise ArcleanError("--diff writes nothing: use it without --out")
    if getattr(args, "resume", False) and not out_dir:
        raise ArcleanError("--resume skips the copies already made under --out: use it with --out DIR")
    if args.scheduler:
        require_distributed()
    in_process = _in_process([*args.paths, out_dir or ""], args.scheduler)
    if out_dir and any(os.path.realpath(out_dir) == os.path.realpath(path) for path in args.paths):
        raise ArcleanError(f"--out {out_dir} is a folder being cleaned: choose another, or fix in place without --out")
    review = Review(sample=args.sample, json_field=settings.json_field) if args.report else None
    detail = args.verbose or args.output_format == "github" or review is not None
    action = "diff" if args.diff else args.command
    sources, problems = discover(args.paths, settings, force_exclude=args.force_exclude, skip=out_dir)
    tasks, configs = plan(sources, settings, action=args.command, out_dir=out_dir, diff=args.diff, detail=detail)
    if review is not None:  # the review shows each file's diff too
        tasks = [replace(task, diff=True) for task in tasks]
    _require_pyarrow(tasks)
    size = sum(source.size for source in sources)
    progress = Progress(stderr, len(tasks), size, enabled=_show_progress(args, stderr))
    out, err = progress.before(stdout), progress.before(stderr)
    reporter = REPORTERS[args.output_format](err if args.diff else out, err, action=action, verbose=args.verbose,
                                             quiet=args.quiet)
    summary = Summary(action)
    for problem in problems:
        status = "missing" if problem.missing else "failed" if problem.error else "skipped"
        result = FileResult(problem.name, status, message=problem.message)
        summary.add(result)
        reporter.result(result)
    _remove_stale_temporaries(tasks, reporter)
    if out_dir and getattr(args, "resume", False):  # --resume needs --out (checked above)
        tasks = _resume(tasks, out_dir, reporter)
    interrupted = False
    try:
        with _terminate_as_interrupt():
            if args.scheduler:
                results = run_on_cluster(args.scheduler, args.jobs or _cores(), tasks, configs, on_result=progress.advance)
            else:
                results = run(tasks, configs, 1 if in_process else _jobs(args.jobs, size), on_result=progress.advance)
            for result in results:
                summary.add(result)
                if result.diff and args.diff:
                    out.write(result.diff)
                reporter.result(result)
                if review is not None:
                    review.add_result(result)
    except KeyboardInterrupt:  # every file written has been reported: the summary, then exit 130
        interrupted = True
    finally:
        progress.close()
    if out_dir:
        os.sync()  # the copies were not fsynced one by one
    reporter.finish(summary.finish(interrupted=interrupted), out_dir=out_dir)
    if review is not None:
        review.write(args.report, summary.as_dict())
    if interrupted:
        raise KeyboardInterrupt
    return summary.exit_code(exit_zero=args.exit_zero)


def _add_learn(sub: argparse._SubParsersAction[argparse.ArgumentParser], rules: argparse.ArgumentParser) -> None:
    learn = sub.add_parser("learn", parents=[rules], help="learn each site's own chrome lines into a phrase file to review")
    learn.add_argument("paths", nargs="*", default=["."], help="files and folders (default: .)")
    learn.add_argument("--out", required=True, metavar="FILE", help="the phrase file to write (site-chrome.txt)")
    learn.add_argument("--source-field", metavar="NAME", help="the JSONL or Parquet field whose URL's host is a "
                       "record's source (default: the source-field setting, else the file; a text file's source is its folder)")
    learn.add_argument("--min-docs", type=int, default=MIN_DOCS, metavar="N",
                       help=f"learn a line in N documents of a source at least ({MIN_DOCS})")
    learn.add_argument("--min-share", type=float, default=MIN_SHARE, metavar="S",
                       help=f"and in this share of the source's documents at least ({MIN_SHARE})")
    learn.add_argument("--kind", choices=["widget", "head", "footer"], default="widget",
                       help="the phrase kind the file declares (widget: rule B205)")
    learn.add_argument("-j", "--jobs", type=_jobs_flag, metavar="N", help="worker processes: a positive number, or auto")
    learn.add_argument("--scheduler", metavar="ADDRESS", help="count on a Dask cluster: tcp://HOST:PORT, or local "
                       '(a LocalCluster of --jobs workers); needs pip install "arclean[dask]"')
    group = learn.add_argument_group("files")
    group.add_argument("--include", type=_globs, metavar="GLOBS", help="file patterns to read (default: *.txt,*.md,*.jsonl)")
    group.add_argument("--exclude", type=_globs, action="extend", default=[], metavar="GLOBS", help="more patterns to skip")
    group.add_argument("--field", metavar="NAME", help="the JSONL field of the text (default: text)")
    group.add_argument("--encoding", metavar="CODEC", help="read files that are not UTF-8 in this encoding")


def _learn(args: argparse.Namespace, settings: Settings, stderr: TextIO) -> int:
    """``learn``: count the corpus (:mod:`arclean.learn`), write the phrase file to review."""
    if args.scheduler:
        require_distributed()
    if any(is_url(path) for path in [*args.paths, args.out]):
        raise ArcleanError("learn reads and writes local paths only, not URLs")
    sources, problems = discover(args.paths, settings)
    for problem in problems:
        stderr.write(f"arclean: {'error' if problem.error else 'note'}: {problem.name}: {problem.message}\n")
    if any(problem.error for problem in problems):
        return EXIT_ERROR
    out = os.path.realpath(args.out)
    source_field = args.source_field or settings.source_field
    jobs = [Job(source.path, source.name, settings.config_for(source.match), settings.json_field, source_field,
                settings.encoding, match=source.match) for source in sources if source.path != out]
    processes = args.jobs or _cores() if args.scheduler else _jobs(args.jobs, sum(source.size for source in sources))
    text, learned, counts = learn(jobs, processes, min_docs=args.min_docs, min_share=args.min_share, kind=args.kind,
                                  scheduler=args.scheduler)
    with open(args.out, "w", encoding="utf-8") as handle:
        handle.write(text)
    stderr.write(f"arclean: learned {len(learned)} lines from {sum(counts.docs.values())} documents of "
                 f"{len(counts.docs)} sources into {args.out}; review it, then add it to boilerplate = [...]"
                 + (f' with source-field = "{source_field}"' if source_field else "") + "\n")
    return EXIT_OK


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


def _clean_to_stdout(paths: list[str], settings: Settings, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    """``arclean FILE…``: each file's cleaned text in turn on standard output."""
    status = EXIT_OK
    for path in paths:
        source = Source(path, path, path, path, 0)
        task = Task(source, json_field=settings.json_field, encoding=settings.encoding, source_field=settings.source_field)
        try:
            if os.path.isdir(path):
                raise ArcleanError("is a folder: use 'arclean check' or 'arclean fix' for folders")
            pipeline = pipeline_for(settings.config_for(path))
            if path == "-":
                clean_stream(read_stdin_bytes(stdin), _Bytes(stdout), task, pipeline)
            else:
                with (gzip.open if path.endswith(".gz") else open)(path, "rb") as src:
                    clean_stream(src, _Bytes(stdout), task, pipeline)
        except (ArcleanError, OSError, EOFError) as error:
            message = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
            stderr.write(f"arclean: error: {path}: {message}\n")
            status = EXIT_ERROR
    return status


class _Bytes(io.RawIOBase):
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
    shutil.copyfileobj(source, _Bytes(stream))


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


def _jobs(requested: int | None, size: int) -> int:
    """``--jobs``, or (``auto``) the machine's cores when the run is big enough to gain from them."""
    if requested is not None:
        return requested
    return _cores() if size >= POOL_THRESHOLD else 1


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _show_progress(args: argparse.Namespace, stderr: TextIO) -> bool:
    """A bar only for a person watching: a terminal, not a hook, not quiet."""
    interactive = getattr(stderr, "isatty", lambda: False)()
    return interactive and not (args.quiet or args.no_progress or os.environ.get("PRE_COMMIT"))


def _print_rules(out: TextIO) -> int:
    out.write(f"{'code':<6}{'default':<9}{'name':<42}summary\n")
    for rule in RULES:
        out.write(f"{rule.code:<6}{'on' if rule.default else 'off':<9}{rule.name:<42}{rule.summary}\n")
    return EXIT_OK


def _print_rule(code: str, out: TextIO, err: TextIO) -> int:
    rule = BY_CODE.get(code.upper()) or next((r for r in RULES if r.name == code.lower()), None)
    if rule is None:
        err.write(f'arclean: error: unknown rule code "{code}"; run "arclean rules" to list codes.\n')
        return EXIT_ERROR
    out.write(f"{rule.code} {rule.name} ({'on' if rule.default else 'off'} by default)\n\n{rule.doc}\n")
    return EXIT_OK

