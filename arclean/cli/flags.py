"""The command line's flags: one parser, its subcommands, and the types of their values."""

from __future__ import annotations

import argparse

from .. import __version__
from .._compiled import implementation
from ..learn import MIN_DOCS, MIN_SHARE
from ..registry import PROFILES
from .report import FORMATS
from .review import SAMPLE

COMMANDS = ("clean", "check", "fix", "learn", "rules", "rule")


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


def parser() -> argparse.ArgumentParser:
    """The parser of ``arclean`` and its subcommands."""
    rules, files = _rule_flags(), _file_flags()
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


def _rule_flags() -> argparse.ArgumentParser:
    """The flags that choose rules and configuration, shared by every cleaning command."""
    rules = argparse.ArgumentParser(add_help=False)
    group = rules.add_argument_group("rules and configuration")
    group.add_argument("--select", type=_codes, metavar="CODES", help="rule codes or prefixes to run instead of the defaults (B,W101)")
    group.add_argument("--ignore", type=_codes, default=(), metavar="CODES", help="rule codes or prefixes to leave out")
    group.add_argument("--extend-select", type=_codes, default=(), metavar="CODES", help="rule codes or prefixes to add")
    group.add_argument("--profile", choices=sorted(PROFILES), help="add a named set of rules")
    group.add_argument("--config", metavar="FILE", help="read this arclean.toml or pyproject.toml")
    group.add_argument("--isolated", action="store_true", help="ignore every configuration file")
    return rules


def _file_flags() -> argparse.ArgumentParser:
    """The flags of ``check`` and ``fix``: which files, and what the run prints and writes."""
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
    return files


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
