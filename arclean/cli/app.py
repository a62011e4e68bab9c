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
errors (a path not found), 130 interrupted (after reporting every file written).  The flags
are :mod:`arclean.cli.flags`'; ``check`` and ``fix`` are :mod:`arclean.cli.run`; the work is in
:mod:`arclean.files.config_file` (settings), :mod:`arclean.files` (finding, cleaning, writing)
and :mod:`arclean.cli.report`.
"""

from __future__ import annotations

import argparse
import gzip
import os
import sys
from typing import Sequence, TextIO

from ..errors import ArcleanError
from ..files import Source, Task, clean_stream, discover, pipeline_for, read_stdin_bytes
from ..files.cluster import require_distributed
from ..files.config_file import find_config_file, load_settings
from ..files.learn import Job, learn
from ..files.settings import Settings, flags_of
from ..files.urls import is_url
from ..registry import BY_CODE, RULES
from .flags import COMMANDS, parser
from .report import EXIT_ERROR, EXIT_INTERRUPTED, EXIT_OK
from .run import Bytes, cores, jobs_for, run_paths


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
    flags = parser()
    try:
        args = flags.parse_args(args_list)
    except SystemExit as exit:
        return int(exit.code or 0)
    if args.command == "clean" and not args.paths:
        if getattr(stdin, "isatty", lambda: False)():  # nothing piped in: say what to do rather than wait
            flags.print_usage(stderr)
            stderr.write("arclean: give files to clean, pipe text in, or run 'arclean check PATH' or "
                         "'arclean fix PATH' ('arclean --help' for more)\n")
            return EXIT_ERROR
        args.paths = ["-"]
    try:
        return _command(args, stdin, stdout, stderr)
    except ArcleanError as error:
        stderr.write(f"arclean: error: {error}\n")
        return EXIT_ERROR
    except KeyboardInterrupt:
        stderr.write("\narclean: interrupted; every file is as it was or fully cleaned, none is partly written\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_ERROR


def _command(args: argparse.Namespace, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    """Run the subcommand the flags name."""
    if args.command == "rules":
        return _print_rules(stdout)
    if args.command == "rule":
        return _print_rule(args.code, stdout, stderr)
    settings = _settings(args, stdin_name=getattr(args, "stdin_filename", None))
    if args.command == "learn":
        return _learn(args, settings, stderr)
    if args.command == "clean":
        return _clean_to_stdout(args.paths, settings, stdin, stdout, stderr)
    return run_paths(args, settings, stdin, stdout, stderr)


def _settings(args: argparse.Namespace, *, stdin_name: str | None) -> Settings:
    """The configuration file's settings (found from the paths upward), then the flags."""
    paths = [path for path in args.paths if path != "-" and not is_url(path)] or [stdin_name or "."]
    path = args.config
    if path is None and not args.isolated:
        path = find_config_file(os.path.commonpath([os.path.abspath(p) for p in paths]))
    return load_settings(None if args.isolated and not args.config else path).override(**flags_of(args))


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
    processes = args.jobs or cores() if args.scheduler else jobs_for(args.jobs, sum(source.size for source in sources))
    text, learned, counts = learn(jobs, processes, min_docs=args.min_docs, min_share=args.min_share, kind=args.kind,
                                  scheduler=args.scheduler)
    with open(args.out, "w", encoding="utf-8") as handle:
        handle.write(text)
    stderr.write(f"arclean: learned {len(learned)} lines from {sum(counts.docs.values())} documents of "
                 f"{len(counts.docs)} sources into {args.out}; review it, then add it to boilerplate = [...]"
                 + (f' with source-field = "{source_field}"' if source_field else "") + "\n")
    return EXIT_OK


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
                clean_stream(read_stdin_bytes(stdin), Bytes(stdout), task, pipeline)
            else:
                with (gzip.open if path.endswith(".gz") else open)(path, "rb") as src:
                    clean_stream(src, Bytes(stdout), task, pipeline)
        except (ArcleanError, OSError, EOFError) as error:
            message = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
            stderr.write(f"arclean: error: {path}: {message}\n")
            status = EXIT_ERROR
    return status


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
