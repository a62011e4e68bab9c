"""A ``.parquet`` file cleaned one text column at a time, in bounded memory.

Only the column ``--field`` names (default ``text``; or a string field in a
struct column, ``meta.text``: :mod:`~arclean.files.parquet_fields`) changes: every other
column, the schema (with its metadata), the row order and the row count stay;
nulls stay null.  The file is read one row group at a time and each is
written as a row group of the new file, so memory is bounded by a row group,
not the file; a row group of over :data:`GROUP_BYTES` (uncompressed) is read
in record batches of about that size, each written as a row group of its own.

pyarrow is an optional extra (``pip install "arclean[parquet]"``), imported
only when a Parquet file is met; without it the file fails with a message
naming the extra (:func:`require_pyarrow`).

A big file is cleaned in pieces of whole row groups by several workers
(:mod:`~arclean.files.shards`): a piece's ``Task.span`` is its first row group,
the row group after its last, and its first row (from 1), and
:func:`join_parts` writes the pieces' row groups, in order, as one file.
"""

from __future__ import annotations

import difflib
from collections import Counter
from typing import IO, Any, Iterator, Sequence

from ..changes import split_lines
from ..errors import FileError
from ..pipeline import Pipeline
from ..sources import record_source
from .formats import _Outcome
from .parquet_fields import Path, read, replace, resolve
from .task import FileChange, FileResult, Task

EXTRA = 'pip install "arclean[parquet]"'
#: Why a ``.parquet.gz`` file is not cleaned (the default include takes it, as ``x.parquet`` gzipped).
GZIPPED_PARQUET = ("a gzipped Parquet file is not read: Parquet compresses inside the file (each column chunk "
                   "with its codec), so arclean reads .parquet files as they are; gunzip it to clean it; "
                   "the file is left unchanged")
GROUP_BYTES = 32_000_000  # a row group bigger than this (uncompressed) is read in record batches of about this much


def is_parquet(name: str) -> bool:
    """Is this a Parquet file, by its name?

    >>> is_parquet("shard-0001.parquet"), is_parquet("a.jsonl")
    (True, False)
    """
    return name.endswith(".parquet")


def require_pyarrow() -> Any:
    """``pyarrow.parquet``, or a :class:`FileError` that names the extra to install."""
    try:
        import pyarrow.parquet
    except ImportError:
        raise FileError(f"reading Parquet files needs pyarrow, which is not installed: {EXTRA}") from None
    return pyarrow.parquet


def check_pyarrow() -> None:
    """Raise the :class:`FileError` of :func:`require_pyarrow` when pyarrow is not
    installed, without importing it (a process that only hands Parquet files to
    workers need not load it)."""
    import importlib.util

    if importlib.util.find_spec("pyarrow") is None:
        raise FileError(f"reading Parquet files needs pyarrow, which is not installed: {EXTRA}")


def open_parquet(path: str) -> Any:
    """A ``pyarrow.parquet.ParquetFile``; a file that is not Parquet is a :class:`FileError`."""
    pq = require_pyarrow()
    import pyarrow

    try:
        return pq.ParquetFile(path)
    except (pyarrow.ArrowException, ValueError) as error:
        raise FileError(f"not a valid Parquet file ({error}); the file is left unchanged") from None


def clean_parquet(path: str, dst: IO[bytes] | None, task: Task, pipeline: Pipeline) -> FileResult:
    """Clean the text column of the Parquet file at ``path`` (the row groups of
    ``task.span``, or all) into ``dst`` when given, row group by row group."""
    parquet = open_parquet(path)
    metadata, schema = parquet.metadata, parquet.schema_arrow
    first, stop, row = task.span or (0, metadata.num_row_groups, 1)
    size = task.source.size if task.span is None else sum(_compressed(metadata, group) for group in range(first, stop))
    column = resolve(schema, task.json_field)  # its path (a nested field: through structs)
    outcome = _Outcome()
    pq = require_pyarrow()
    import pyarrow

    writer = pq.ParquetWriter(dst, schema, compression=_compression(metadata)) if dst is not None else None
    try:
        for group in range(first, stop):
            for table in _read(parquet, group):
                if column is not None:
                    table = _clean_table(table, column, row, task, pipeline, outcome)
                row += table.num_rows
                if writer is not None:
                    writer.write_table(table, row_group_size=max(1, table.num_rows))
    except pyarrow.ArrowException as error:
        raise FileError(f"row group {group}: cannot read it ({error}); the file is left unchanged") from None
    finally:
        if writer is not None:
            writer.close()
    if column is None and metadata.num_rows:
        outcome.note = f'no string column "{task.json_field}" (choose one with --field)'
    if outcome.diff:
        outcome.diff.insert(0, f"--- {task.source.name}\n+++ {task.source.name}\n")
    return FileResult(
        task.source.name,
        "changed" if outcome.counts else "unchanged",
        size,
        outcome.counts,
        tuple(outcome.changes),
        "".join(outcome.diff),
        outcome.note,
    )


def row_group_spans(path: str, piece: int) -> list[tuple[int, int, int]]:
    """The file's row groups in pieces of about ``piece`` compressed bytes:
    ``(first group, stop group, first row)`` each.

    >>> import pyarrow as pa, pyarrow.parquet as pq, tempfile, os
    >>> path = os.path.join(tempfile.mkdtemp(), "a.parquet")
    >>> pq.write_table(pa.table({"text": ["x" * 100] * 6}), path, row_group_size=2, compression="none")
    >>> row_group_spans(path, 1)
    [(0, 1, 1), (1, 2, 3), (2, 3, 5)]
    """
    metadata = open_parquet(path).metadata
    spans: list[tuple[int, int, int]] = []
    start, row, first_row, held = 0, 1, 1, 0
    for group in range(metadata.num_row_groups):
        held += _compressed(metadata, group)
        row += metadata.row_group(group).num_rows
        if held >= piece:
            spans.append((start, group + 1, first_row))
            start, first_row, held = group + 1, row, 0
    if start < metadata.num_row_groups or not spans:
        spans.append((start, metadata.num_row_groups, first_row))
    return spans


def join_parts(parts: Sequence[str], dst: IO[bytes]) -> None:
    """Write the row groups of the Parquet files ``parts``, in order, into ``dst``
    as one file (the schema and compression of the first part)."""
    pq = require_pyarrow()
    first = open_parquet(parts[0])
    with pq.ParquetWriter(dst, first.schema_arrow, compression=_compression(first.metadata)) as writer:
        for path in parts:
            parquet = open_parquet(path)
            for group in range(parquet.metadata.num_row_groups):
                table = parquet.read_row_group(group)
                writer.write_table(table, row_group_size=max(1, table.num_rows))


def _read(parquet: Any, group: int) -> Iterator[Any]:
    """A row group as one table, or, when it is big, as tables of about :data:`GROUP_BYTES`."""
    import pyarrow

    info = parquet.metadata.row_group(group)
    if info.total_byte_size <= GROUP_BYTES or info.num_rows <= 1:
        yield parquet.read_row_group(group)
        return
    rows = max(1, info.num_rows * GROUP_BYTES // info.total_byte_size)
    for batch in parquet.iter_batches(batch_size=rows, row_groups=[group], use_threads=False):
        yield pyarrow.Table.from_batches([batch])


def _clean_table(table: Any, path: Path, row: int, task: Task, pipeline: Pipeline, outcome: _Outcome) -> Any:
    """The table with its text column (or nested field) cleaned (the same table when nothing changed)."""
    import pyarrow

    index = path[0]
    column = table.column(index)
    values = column.to_pylist() if len(path) == 1 else read(table, path)
    field = task.source_field if task.source_field in table.column_names else None
    sources = table.column(field).to_pylist() if field else [None] * len(values)  # for a learned file's sections
    changed = False
    for offset, (text, source) in enumerate(zip(values, sources, strict=True)):
        if not isinstance(text, str):
            continue  # null stays null
        report = pipeline.for_source(record_source({field: source}, field, task.source.match)).explain(text)
        if report.text == text:
            continue
        changed = True
        outcome.add(report.counts())
        if task.detail:
            outcome.changes.extend(
                FileChange(c.code, row + offset, c.before, c.after, c.line, c.why) for c in report.changes
            )
        if task.diff:
            outcome.diff.append(_row_diff(text, report.text, row + offset))
        values[offset] = report.text
    if not changed:
        return table
    if len(path) > 1:
        return replace(table, path, values)
    return table.set_column(index, table.schema.field(index), pyarrow.array(values, type=column.type))


def _row_diff(before: str, after: str, row: int) -> str:
    lines = list(difflib.unified_diff(split_lines(before), split_lines(after)))[2:]  # no ---/+++: one header per file
    body = "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)
    return f"@@ row {row} @@\n{body}"


def _compressed(metadata: Any, group: int) -> int:
    info = metadata.row_group(group)
    return sum(info.column(column).total_compressed_size for column in range(info.num_columns))


def _compression(metadata: Any) -> str:
    """The codec most of the file's column chunks use (of its first row group)."""
    if not metadata.num_row_groups:
        return "snappy"
    info = metadata.row_group(0)
    codecs = Counter(info.column(column).compression for column in range(info.num_columns))
    codec = codecs.most_common(1)[0][0] if codecs else "SNAPPY"
    return "none" if codec == "UNCOMPRESSED" else "lz4" if codec.startswith("LZ4") else codec.lower()
