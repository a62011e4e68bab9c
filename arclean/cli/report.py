"""Reports: what a run found, as text, JSON or GitHub annotations; the summary,
the progress bar and the exit code.

Reporters only format :class:`~arclean.files.FileResult` values; they never
read files or decide what to clean.  A path that does not exist is a result
with the status ``"missing"``: reported as an error, never counted as a file.
"""

from __future__ import annotations

import json
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, TextIO

from .. import __version__
from ..files import FileChange, FileResult
from ..registry import BY_CODE

EXIT_OK, EXIT_CHANGED, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130
FORMATS = ("text", "json", "github")
FILE_STATUSES = ("changed", "unchanged", "failed", "skipped")  # "missing" is a path, not a file
PROGRESS_DELAY = 1.0  # seconds a run lasts before the progress bar is drawn
SHOWN_LINES, SHOWN_WIDTH = 4, 120  # how much of a changed line --verbose shows


@dataclass
class Summary:
    """Totals over a run's results."""

    action: str
    statuses: Counter[str] = field(default_factory=Counter)
    counts: Counter[str] = field(default_factory=Counter)
    size: int = 0
    started: float = field(default_factory=time.monotonic)
    seconds: float = 0.0
    interrupted: bool = False

    def add(self, result: FileResult) -> None:
        self.statuses[result.status] += 1
        self.counts.update(result.counts)
        self.size += result.size

    def finish(self, *, interrupted: bool = False) -> Summary:
        self.seconds = time.monotonic() - self.started
        self.interrupted = interrupted
        return self

    @property
    def files(self) -> int:
        return sum(self.statuses[status] for status in FILE_STATUSES)

    @property
    def rate(self) -> float:
        """Megabytes (10⁶ bytes) read per second."""
        return self.size / 1e6 / self.seconds if self.seconds > 0 else 0.0

    def exit_code(self, *, exit_zero: bool = False) -> int:
        """2 when a file failed or a path is missing, else 1 when a file changed (or would), else 0."""
        if self.statuses["failed"] or self.statuses["missing"]:
            return EXIT_ERROR
        return EXIT_CHANGED if self.statuses["changed"] and not exit_zero else EXIT_OK

    def as_dict(self) -> dict[str, object]:
        return {
            "files": self.files,
            **{status: self.statuses[status] for status in (*FILE_STATUSES, "missing")},
            "counts": dict(sorted(self.counts.items())),
            "bytes": self.size,
            "seconds": round(self.seconds, 3),
            "mb_per_s": round(self.rate, 2),
            "interrupted": self.interrupted,
        }


def format_counts(counts: dict[str, int]) -> str:
    """``B101 ×1, W104 ×9``: changes per rule, by code."""
    return ", ".join(f"{code} ×{count}" for code, count in sorted(counts.items()))


def file_line(result: FileResult) -> str:
    """The one line a changed file gets: ``news/0001.txt: B101 ×1, W104 ×9``."""
    parts = [format_counts(result.counts)] if result.counts else []
    if result.encoding != "utf-8":
        parts.append(f"read as {result.encoding}, written as UTF-8")
    return f"{result.name}: {', '.join(parts)}"


def visible(text: str, width: int | None = SHOWN_WIDTH) -> str:
    """Lines as they can be read in a terminal: invisible and control characters
    (which a change often removes) shown by code point; the final line feed dropped.

    >>> visible("a\\u200bb\\u00a0c\\r\\n")
    'a<U+200B>b<U+00A0>c<U+000D>'
    """
    text = text[:-1] if text.endswith("\n") else text
    shown = "".join(
        f"<U+{ord(char):04X}>" if unicodedata.category(char) in _INVISIBLE and char not in " \n" else char
        for char in text
    )
    return shown if width is None or len(shown) <= width else shown[: width - 1] + "…"


_INVISIBLE = ("Cc", "Cf", "Zs", "Zl", "Zp")


def change_lines(name: str, change: FileChange) -> list[str]:
    """How ``--verbose`` shows one change: where, which rule, and the lines
    (a long line from a little before the first character that changed)."""
    rule = BY_CODE.get(change.code)
    where = f"{name}:{change.line}: {change.code} {rule.name if rule else ''}".rstrip()
    if change.field_line is not None:
        where += f" (line {change.field_line} of the field)"
    if change.why:
        where += f": {change.why}"
    lines = [where]
    before, after = visible(change.before, None), visible(change.after, None)
    start = 0
    if "\n" not in change.before.rstrip("\n") and "\n" not in change.after.rstrip("\n"):
        common = next((i for i, (a, b) in enumerate(zip(before, after, strict=False)) if a != b), min(len(before), len(after)))
        start = max(0, common - SHOWN_WIDTH // 3)
    for sign, text in (("-", before), ("+", after)):
        if not text and not (change.before if sign == "-" else change.after):
            continue
        parts = text.split("\n")
        for part in parts[:SHOWN_LINES]:
            part = ("…" + part[start + 1 :]) if start else (part or "(blank line)")
            lines.append(f"    {sign} {part if len(part) <= SHOWN_WIDTH else part[: SHOWN_WIDTH - 1] + '…'}")
        if len(parts) > SHOWN_LINES:
            lines.append(f"    {sign} … {len(parts) - SHOWN_LINES} more lines")
    return lines


class Reporter:
    """Text output: a line per changed file (and its changes with ``verbose``),
    errors and notes on ``err``, and a closing summary."""

    def __init__(self, out: TextIO, err: TextIO, *, action: str, verbose: bool = False, quiet: bool = False) -> None:
        self.out, self.err, self.action, self.verbose, self.quiet = out, err, action, verbose, quiet

    def result(self, result: FileResult) -> None:
        if result.status in ("failed", "missing"):
            self.err.write(f"arclean: error: {result.name}: {result.message}\n")
        elif result.status == "skipped" or result.message:
            if not self.quiet:
                self.err.write(f"arclean: note: {result.name}: {result.message}\n")
        if result.status == "changed" and not self.quiet:
            self.out.write(file_line(result) + "\n")
            if self.verbose:
                for change in sorted(result.changes, key=lambda c: (c.line, c.field_line or 0)):
                    self.out.write("\n".join("  " + line for line in change_lines(result.name, change)) + "\n")

    def note(self, message: str) -> None:
        """A note about the run rather than a file (on ``err``; not with ``quiet``)."""
        if not self.quiet:
            self.err.write(f"arclean: note: {message}\n")

    def finish(self, summary: Summary, *, out_dir: str | None = None) -> None:
        if self.quiet:
            return
        statuses = summary.statuses
        verb = {"check": "would change", "fix": "changed", "diff": "would change"}[self.action]
        total, missing = summary.files, statuses["missing"]
        parts = [f"{total} file{'s' if total != 1 else ''} scanned", f"{statuses['changed']} {verb}"]
        parts += [f"{statuses[s]} {s}" for s in ("failed", "skipped") if statuses[s]]
        parts += [f"{missing} path{'s' if missing != 1 else ''} not found"] if missing else []
        where = f"; clean copies in {out_dir}" if out_dir else ""
        self.out.write(
            f"{'interrupted: ' if summary.interrupted else ''}{', '.join(parts)}{where} "
            f"({summary.size / 1e6:.1f} MB in {summary.seconds:.1f} s, {summary.rate:.1f} MB/s)\n"
        )
        if summary.counts:
            self.out.write(f"changes per rule: {format_counts(summary.counts)}\n")


class JsonReporter(Reporter):
    """One JSON document at the end: every file that is not unchanged, and the summary."""

    def __init__(self, out: TextIO, err: TextIO, *, action: str, verbose: bool = False, quiet: bool = False) -> None:
        super().__init__(out, err, action=action, verbose=verbose, quiet=quiet)
        self.files: list[dict[str, object]] = []

    def result(self, result: FileResult) -> None:
        if result.status == "unchanged" and not result.message:
            return
        entry: dict[str, object] = {"path": result.name, "status": result.status, "counts": result.counts}
        if result.message:
            entry["message"] = result.message
        if result.encoding != "utf-8":
            entry["encoding"] = result.encoding
        if self.verbose:
            entry["changes"] = [change.__dict__ for change in result.changes]
        self.files.append(entry)

    def finish(self, summary: Summary, *, out_dir: str | None = None) -> None:
        document = {"version": __version__, "action": self.action, "files": self.files, "summary": summary.as_dict()}
        if out_dir:
            document["out"] = out_dir
        self.out.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


class GithubReporter(Reporter):
    """GitHub Actions workflow commands: an annotation per change, on its line."""

    def result(self, result: FileResult) -> None:
        level = "error" if self.action != "fix" else "warning"
        if result.status in ("failed", "missing"):
            self.out.write(_command("error", result.name, None, "arclean", result.message))
        elif result.status == "skipped" or result.message:
            self.out.write(_command("notice", result.name, None, "arclean", result.message))
        for change in result.changes:
            rule = BY_CODE.get(change.code)
            message = f"{change.code} {rule.name}: {rule.summary}" if rule else change.code
            self.out.write(_command(level, result.name, change.line, f"arclean {change.code}", message))
        if result.encoding != "utf-8":
            self.out.write(_command(level, result.name, None, "arclean", f"read as {result.encoding}; written as UTF-8"))

    def finish(self, summary: Summary, *, out_dir: str | None = None) -> None:
        Reporter(self.out, self.err, action=self.action).finish(summary, out_dir=out_dir)


def _command(level: str, path: str, line: int | None, title: str, message: str) -> str:
    def escape(value: str, property: bool = False) -> str:
        value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return value.replace(":", "%3A").replace(",", "%2C") if property else value

    where = f"file={escape(path, True)}" + (f",line={line}" if line else "")
    return f"::{level} {where},title={escape(title, True)}::{escape(message)}\n"


REPORTERS = {"text": Reporter, "json": JsonReporter, "github": GithubReporter}


class Progress:
    """A one-line progress bar on a terminal (files and MB), drawn only once a
    run has lasted ``delay`` seconds, at most ten times a second.  Report lines
    go through :meth:`before`, which clears the bar's line first."""

    def __init__(self, stream: TextIO, files: int, size: int, *, enabled: bool, delay: float | None = None) -> None:
        self.stream, self.files, self.size, self.enabled = stream, files, size, enabled
        self.done_files = self.done_size = 0
        self.seen: set[str] = set()
        self.started = time.monotonic()
        self.delay, self.drawn_at = PROGRESS_DELAY if delay is None else delay, 0.0
        self.shown = False  # the bar is on the screen now

    def advance(self, result: FileResult) -> None:
        """Count a result: a file, or a shard of one (counted once, by name)."""
        if result.name not in self.seen:
            self.seen.add(result.name)
            self.done_files += 1
        self.done_size += result.size
        now = time.monotonic()
        if self.enabled and now - self.started >= self.delay and now - self.drawn_at >= 0.1:
            self.drawn_at, self.shown = now, True
            self.stream.write("\r" + self.line(now - self.started) + "\x1b[K")
            self.stream.flush()

    def line(self, elapsed: float) -> str:
        fraction = self.done_size / self.size if self.size else self.done_files / max(self.files, 1)
        bar = "#" * int(fraction * 24)
        rate = self.done_size / 1e6 / elapsed if elapsed > 0 else 0.0
        return (
            f"[{bar:<24}] {self.done_files}/{self.files} files "
            f"{self.done_size / 1e6:.1f}/{self.size / 1e6:.1f} MB {rate:.1f} MB/s"
        )

    def clear(self) -> None:
        """Clear the bar's line (it is drawn again at the next file)."""
        if self.shown:
            self.shown = False
            self.stream.write("\r\x1b[K")
            self.stream.flush()

    def close(self) -> None:
        self.clear()

    def before(self, stream: TextIO) -> TextIO:
        """``stream``, for report lines: each write clears the bar first."""
        return _Cleared(stream, self) if self.enabled else stream  # type: ignore[return-value]


class _Cleared:
    """A text stream whose writes clear the progress bar first."""

    def __init__(self, stream: TextIO, progress: Progress) -> None:
        self.stream, self.progress = stream, progress

    def write(self, text: str) -> int:
        self.progress.clear()
        return self.stream.write(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)
