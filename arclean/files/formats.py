"""The bytes of one file, cleaned by its format.

``.jsonl`` cleans one field per record and streams (a 2 GB file is read and
written line by line); the record around the field (other fields, key order,
spacing, escapes) stays byte for byte.  Every other file is one document,
read whole.  Bytes that are not UTF-8 are read in ``--encoding`` if given,
else the file is refused with a :class:`~arclean.errors.FileError`.
"""

from __future__ import annotations

import difflib
import gzip
import io
import json
import re
from dataclasses import dataclass, field
from typing import IO, Union

from ..changes import split_lines
from ..errors import FileError
from ..pipeline import Pipeline
from ..sources import file_source, record_source
from .fields import find
from .task import FileChange, FileResult, Task, add_counts

#: The bytes a cleaner reads: a binary file, or a GzipFile (which the type stubs do not make an IO[bytes]).
BinaryReader = Union[IO[bytes], gzip.GzipFile]
#: Where a cleaner writes bytes: a binary file, or a raw stream (the CLI's standard output).
BinaryWriter = Union[IO[bytes], io.RawIOBase]


def clean_stream(src: BinaryReader, dst: BinaryWriter | None, task: Task, pipeline: Pipeline, *, size: int = 0) -> FileResult:
    """Clean the bytes of ``src`` into ``dst`` (when given); the file's kind is
    taken from ``task.source.name``.  Raises :class:`FileError` for bad input."""
    name = task.source.name
    if name.endswith(".parquet"):
        raise FileError("a Parquet file is cleaned by 'arclean check' or 'arclean fix' (into a file), not as a stream")
    if is_jsonl(name):
        outcome = _clean_jsonl(src, dst, task, pipeline)
    else:
        outcome = _clean_document(src.read(), dst, task, pipeline)
    changed = bool(outcome.counts) or outcome.encoding != "utf-8"
    return FileResult(
        name,
        "changed" if changed else "unchanged",
        size,
        outcome.counts,
        tuple(outcome.changes),
        "".join(outcome.diff),
        outcome.note,
        outcome.encoding,
    )


@dataclass
class _Outcome:
    counts: dict[str, int] = field(default_factory=dict)
    changes: list[FileChange] = field(default_factory=list)
    diff: list[str] = field(default_factory=list)
    note: str = ""
    encoding: str = "utf-8"

    def add(self, counts: dict[str, int]) -> None:
        add_counts(self.counts, counts)


def _clean_document(data: bytes, dst: BinaryWriter | None, task: Task, pipeline: Pipeline) -> _Outcome:
    text, encoding = _decode(data, task.encoding, 0, None)
    report = pipeline.for_source(file_source(task.source.match)).explain(text)
    outcome = _Outcome(encoding=encoding)
    outcome.add(report.counts())
    if task.detail:
        outcome.changes = [FileChange(c.code, c.line, c.before, c.after, why=c.why) for c in report.changes]
    if task.diff and report.text != text:
        outcome.diff = _diff(split_lines(text), split_lines(report.text), task.source.name)
    if dst is not None:
        dst.write(report.text.encode("utf-8"))
    return outcome


@dataclass
class _Records:
    """What a JSONL file held so far: records, records with the field, the lines that are
    not JSON, and the diff's hunks."""

    records: int = 0
    with_field: int = 0
    bad: list[tuple[int, str]] = field(default_factory=list)
    hunks: list[str] = field(default_factory=list)


def _clean_jsonl(src: BinaryReader, dst: BinaryWriter | None, task: Task, pipeline: Pipeline) -> _Outcome:
    """Clean the field of each record, line by line; other fields, key order,
    spacing and escapes stay byte for byte.  Stops at the first line that is
    not JSON, naming it and how many more there are."""
    outcome, seen = _Outcome(), _Records()
    offset, stop, first_line = task.span or (0, -1, 1)
    for lineno, raw in enumerate(src, start=first_line):
        if offset == stop:
            break  # the end of this shard
        body = raw.rstrip(b"\r\n")
        end = raw[len(body):]
        line, encoding = _decode(body, task.encoding, offset, lineno)
        offset += len(raw)
        if encoding != "utf-8":
            outcome.encoding = encoding
        new = _clean_line(line, lineno, task, pipeline, outcome, seen)
        if new is None:
            continue
        if dst is not None:
            dst.write(new.encode("utf-8") + end)
        if task.diff and new != line:
            seen.hunks.append(f"@@ -{lineno} +{lineno} @@\n{_diff_line('-', line + end.decode())}{_diff_line('+', new + end.decode())}")
    _conclude(outcome, seen, task)
    return outcome


def _clean_line(line: str, lineno: int, task: Task, pipeline: Pipeline, outcome: _Outcome, seen: _Records) -> str | None:
    """One line of JSONL cleaned; ``None`` for a line that is not JSON, and for every line
    after one (they are only parsed, to count how many more are not JSON)."""
    if not line.strip():
        return line
    try:
        record = json.loads(line)
    except ValueError as error:
        seen.bad.append((lineno, str(error)))
        return None
    if seen.bad:
        return None
    seen.records += 1
    keys, text = find(record, task.json_field)
    if not isinstance(text, str):
        return line
    seen.with_field += 1
    source = record_source(record, task.source_field, task.source.match)
    return _clean_record(line, text, keys, lineno, task, pipeline.for_source(source), outcome)


def _conclude(outcome: _Outcome, seen: _Records, task: Task) -> None:
    """A file with a line that is not JSON fails whole; otherwise its diff and its note."""
    if seen.bad:
        more = f" ({len(seen.bad)} lines are not JSON)" if len(seen.bad) > 1 else ""
        raise FileError(f"line {seen.bad[0][0]}: not valid JSON: {seen.bad[0][1]}{more}; the file is left unchanged")
    if seen.hunks:
        outcome.diff = [f"--- {task.source.name}\n+++ {task.source.name}\n", *seen.hunks]
    if seen.records and not seen.with_field:
        outcome.note = f'no record has a string field "{task.json_field}" (choose one with --field)'


def _clean_record(line: str, text: str, keys: tuple[str, ...], lineno: int, task: Task, pipeline: Pipeline,
                  outcome: _Outcome) -> str:
    report = pipeline.explain(text)
    if report.text == text:
        return line
    outcome.add(report.counts())
    if task.detail:
        outcome.changes.extend(FileChange(c.code, lineno, c.before, c.after, c.line, c.why) for c in report.changes)
    start, end = 0, len(line)
    for key in keys:  # down to the field, through the objects that hold it
        inner = _value_span(line[start:end], key)
        start, end = start + inner[0], start + inner[1]
    escaped = "\\u" in line[start:end]  # keep the record's own style of non-ASCII text
    return line[:start] + json.dumps(report.text, ensure_ascii=escaped) + line[end:]


_SPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


def _value_span(line: str, key: str) -> tuple[int, int]:
    """Where the value of top-level ``key`` is in a JSON object (the last one,
    as ``json.loads`` keeps the last of duplicate keys).

    >>> line = '{"id": 7, "text" : "a\\\\u0628", "n": [1]}'
    >>> start, end = _value_span(line, "text"); line[start:end]
    '"a\\\\u0628"'
    """
    position = _SPACE.match(line, 0).end() + 1  # type: ignore[union-attr]
    span = (0, 0)
    while True:
        position = _SPACE.match(line, position).end()  # type: ignore[union-attr]
        if line[position] == "}":
            return span
        name, position = json.decoder.scanstring(line, position + 1)  # type: ignore[attr-defined]
        position = _SPACE.match(line, _SPACE.match(line, position).end() + 1).end()  # type: ignore[union-attr]
        _, end = _DECODER.raw_decode(line, position)
        if name == key:
            span = (position, end)
        position = _SPACE.match(line, end).end()  # type: ignore[union-attr]
        if line[position] == "}":
            return span
        position += 1  # the comma


def _decode(data: bytes, fallback: str | None, offset: int, lineno: int | None) -> tuple[str, str]:
    """Decode UTF-8, or the legacy ``fallback`` for data that is not UTF-8."""
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        where = f"byte {offset + error.start}" + (f" (line {lineno})" if lineno else "")
        if fallback is None:
            raise FileError(
                f"not valid UTF-8 at {where}; the file is left unchanged (read a legacy file with --encoding cp1256)"
            ) from None
        try:
            return data.decode(fallback), fallback
        except UnicodeDecodeError:
            raise FileError(f"neither UTF-8 nor {fallback} at {where}; the file is left unchanged") from None


def _diff(before: list[str], after: list[str], name: str) -> list[str]:
    lines = difflib.unified_diff(before, after, fromfile=name, tofile=name)
    return [line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines]


def _diff_line(sign: str, line: str) -> str:
    return sign + (line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")


def is_jsonl(name: str) -> bool:
    return name.endswith((".jsonl", ".jsonl.gz"))


def read_stdin_bytes(stream: IO[str]) -> IO[bytes]:
    """The bytes behind a text stream (``sys.stdin``), or its text re-encoded (tests)."""
    buffer = getattr(stream, "buffer", None)
    return buffer if buffer is not None else io.BytesIO(stream.read().encode("utf-8"))
