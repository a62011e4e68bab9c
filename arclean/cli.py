"""The ``arclean`` command: a thin layer over the library.

``arclean FILE…`` (or ``arclean -`` / no argument for standard input) writes
the cleaned text to standard output.  ``arclean rules`` lists the rule table
and ``arclean rule CODE`` prints one rule's documentation.
"""

from __future__ import annotations

import argparse
import sys
from typing import Sequence, TextIO

from . import __version__
from .config import Config
from .errors import ArcleanError
from .pipeline import Pipeline
from .rules import BY_CODE, RULES

EXIT_OK, EXIT_CHANGED, EXIT_ERROR = 0, 1, 2
COMMANDS = ("clean", "rules", "rule")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="arclean", description="Clean scraped Arabic web text.")
    parser.add_argument("--version", action="version", version=f"arclean {__version__}")
    sub = parser.add_subparsers(dest="command")
    clean = sub.add_parser("clean", help="clean files (or standard input) to standard output")
    clean.add_argument("paths", nargs="*", default=["-"], help="files to clean; '-' for standard input")
    clean.add_argument("--select", type=_codes, help="rule codes or prefixes to run instead of the defaults")
    clean.add_argument("--ignore", type=_codes, default=(), help="rule codes or prefixes to leave out")
    clean.add_argument("--extend-select", type=_codes, default=(), help="rule codes or prefixes to add")
    clean.add_argument("--profile", choices=["search"], help="add a named set of rules")
    sub.add_parser("rules", help="list the rules")
    rule = sub.add_parser("rule", help="show one rule's documentation")
    rule.add_argument("code")
    return parser


def _codes(value: str) -> tuple[str, ...]:
    return tuple(code.strip() for code in value.split(",") if code.strip())


def _print_rules(out: TextIO) -> None:
    out.write(f"{'code':<6}{'default':<9}{'name':<42}summary\n")
    for rule in RULES:
        out.write(f"{rule.code:<6}{'on' if rule.default else 'off':<9}{rule.name:<42}{rule.summary}\n")


def main(argv: Sequence[str] | None = None, *, stdin: TextIO | None = None, stdout: TextIO | None = None) -> int:
    """Run the command line; return the exit code (0 ok, 2 usage or input error)."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and args_list[0] not in COMMANDS and not args_list[0].startswith("-") or args_list == ["-"]:
        args_list.insert(0, "clean")
    if not args_list:
        args_list = ["clean"]
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    parser = _parser()
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exit:
        return int(exit.code or 0)
    try:
        if args.command == "rules":
            _print_rules(stdout)
            return EXIT_OK
        if args.command == "rule":
            rule = BY_CODE.get(args.code.upper())
            if rule is None:
                sys.stderr.write(f'arclean: unknown rule code "{args.code}"; run "arclean rules" to list codes.\n')
                return EXIT_ERROR
            stdout.write(f"{rule.code} {rule.name} ({'on' if rule.default else 'off'} by default)\n\n{rule.doc}\n")
            return EXIT_OK
        config = Config(select=args.select, ignore=args.ignore, extend_select=args.extend_select, profile=args.profile)
        pipeline = Pipeline(config=config)
        for path in args.paths:
            if path == "-":
                text = stdin.read()
            else:
                with open(path, encoding="utf-8") as handle:
                    text = handle.read()
            stdout.write(pipeline.clean(text))
        return EXIT_OK
    except (ArcleanError, OSError, UnicodeDecodeError) as error:
        sys.stderr.write(f"arclean: {error}\n")
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
