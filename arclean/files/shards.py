"""A big ``.jsonl`` or ``.parquet`` file cut into pieces that several workers clean, then joined.

Each piece of a ``.jsonl`` file starts at a line and knows its first line
number, and each piece of a ``.parquet`` file is whole row groups and knows its
first row, so reports and diffs need no renumbering; each is written to its
own part file, and the parts become the new file only when every piece is cleaned.
"""

from __future__ import annotations

import os
import shutil
import stat
from dataclasses import replace
from typing import Sequence

from ..errors import FileError
from .clean import os_message
from .parquet import is_parquet, join_parts, row_group_spans
from .task import FileResult, Source, Task, add_counts
from .urls import is_url
from .writes import READ_ONLY, TEMP_SUFFIX, Replacement, writable

SHARD_BYTES = 32_000_000  # a .jsonl or .parquet file twice this size is cleaned in pieces by several workers


def shard(task: Task, piece: int = SHARD_BYTES) -> list[Task]:
    """Split a big plain ``.jsonl`` file into pieces of about ``piece`` bytes
    that start at a line, each knowing its first line number (so reports and
    diffs need no renumbering), each written to its own part file; a big
    ``.parquet`` file into pieces of whole row groups.  Other files, and
    small ones, stay one task."""
    size = task.source.size
    if is_url(task.source.path) or is_url(task.dest or ""):
        return [task]  # one worker reads and writes a URL's file whole (arclean.files.url_clean)
    if is_parquet(task.source.name) and size >= 2 * piece:
        try:
            spans = row_group_spans(task.source.path, piece)
        except (FileError, OSError):
            return [task]  # cleaned whole, it fails with the reason
        return _pieces(task, spans)
    if not task.source.name.endswith(".jsonl") or size < 2 * piece:
        return [task]
    cuts = [(0, 1)]
    with open(task.source.path, "rb") as handle:
        position, line = 0, 1
        while position + piece < size:
            data = handle.read(piece)
            rest = handle.readline()  # to the end of the line the piece stops in
            position += len(data) + len(rest)
            line += data.count(b"\n") + rest.count(b"\n")
            if position < size:
                cuts.append((position, line))
    ends = [start for start, _ in cuts[1:]] + [size]
    return _pieces(task, [(start, end, line) for (start, line), end in zip(cuts, ends, strict=True)])


def _pieces(task: Task, spans: list[tuple[int, int, int]]) -> list[Task]:
    if len(spans) == 1:
        return [task]
    return [
        replace(task, span=span, dest=_part_path(task.dest, number, task.token) if task.dest else None)
        for number, span in enumerate(spans)
    ]


def _part_path(dest: str, number: int, token: str) -> str:
    folder, name = os.path.split(dest)
    return os.path.join(folder, f".{name[:80]}.part{number:05d}.{token}{TEMP_SUFFIX}")


def join_shards(task: Task, pieces: Sequence[Task], results: Sequence[FileResult]) -> FileResult:
    """One result for a file cleaned in shards; its part files, in order,
    become the new file (through a temporary file and ``os.replace``)."""
    source = task.source
    try:
        failed = next((result for result in results if result.status in ("failed", "skipped")), None)
        if failed:
            return replace(failed, name=source.name, size=source.size)
        merged = _merge(source, results)
        if task.dest is not None and (merged.status == "changed" or task.dest != source.path):
            _join_parts(task, pieces)
        return merged
    except FileError as error:
        return FileResult(source.name, "failed", source.size, message=str(error))
    except OSError as error:
        return FileResult(source.name, "failed", source.size, message=os_message(error, source))
    finally:
        for piece in pieces:
            if piece.dest:
                try:
                    os.unlink(piece.dest)
                except FileNotFoundError:
                    pass


def _merge(source: Source, results: Sequence[FileResult]) -> FileResult:
    """The shards' results as one file's: counts added, changes and diff hunks in order."""
    counts: dict[str, int] = {}
    for result in results:
        add_counts(counts, result.counts)
    header = f"--- {source.name}\n+++ {source.name}\n"
    diffs = "".join(result.diff.removeprefix(header) for result in results)
    changed = any(result.status == "changed" for result in results)
    return FileResult(
        source.name,
        "changed" if changed else "unchanged",
        source.size,
        counts,
        tuple(change for result in results for change in result.changes),
        header + diffs if diffs else "",
        results[0].message if all(result.message for result in results) else "",
        next((result.encoding for result in results if result.encoding != "utf-8"), "utf-8"),
    )


def _join_parts(task: Task, pieces: Sequence[Task]) -> None:
    """The part files, in order, written as ``task.dest`` (a Parquet file's parts
    joined as one table's row groups)."""
    source, in_place = task.source, task.dest == task.source.path
    info = os.stat(source.path)
    if in_place and not writable(source.path, info):
        raise FileError(READ_ONLY)
    owner = (info.st_uid, info.st_gid) if in_place else None
    with Replacement(task.dest or "", task.token, stat.S_IMODE(info.st_mode), False, in_place, owner) as output:
        if is_parquet(source.name):
            join_parts([piece.dest for piece in pieces], output.handle)  # type: ignore[misc]
        else:
            for piece in pieces:
                with open(piece.dest, "rb") as part:  # type: ignore[arg-type]
                    shutil.copyfileobj(part, output.handle, 1 << 20)
        output.commit()
