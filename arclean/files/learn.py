"""``arclean learn`` over files: read the corpus, count it in worker processes, learn.

A ``.jsonl`` file is streamed record by record, and a ``.parquet`` file batch
by batch (its ``--field`` column, and the ``--source-field`` column if it has
one), a record's source the host of its URL field (``--source-field``) or the
file; any other file is one document, its
source its folder (:mod:`arclean.sources`: the notion of source that a learned
file's ``# source:`` sections apply by).  Each file, or piece of a big ``.jsonl`` file, is counted
alone (:func:`count_file`, a worker's whole task) and the counts are merged in
the files' order, so the result does not depend on the number of processes.
On a Dask cluster (``--scheduler``, :mod:`arclean.files.cluster`) it is the same
map-reduce: each piece counted by a Dask task, the counts merged in order by
the process that runs arclean.
"""

from __future__ import annotations

import gzip
import json
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from typing import IO, Any, Iterator

from ..config import Config
from ..errors import FileError
from ..learn import MIN_DOCS, MIN_SHARE, Counts, Learned, phrase_file, preparing, select
from ..sources import file_source, record_source
from .fields import find
from .parquet import is_parquet, open_parquet
from .parquet_fields import read, resolve
from .shards import SHARD_BYTES


@dataclass(frozen=True)
class Job:
    """One file to count: where it is, its shown name, how to read it, and its
    path relative to the configuration's root (``match``, for its source)."""

    path: str
    name: str
    config: Config
    json_field: str = "text"
    source_field: str | None = None
    encoding: str | None = None
    #: A piece of a big ``.jsonl`` file: its first byte, the byte after it, its first line number.
    span: tuple[int, int, int] | None = None
    match: str | None = None

    @property
    def where(self) -> str:
        return self.match or self.name


def count_file(job: Job) -> Counts:
    """The counts of one file's documents (a worker's whole task)."""
    counts = Counts()
    prepare = preparing(job.config)
    try:
        for source, text in documents(job):
            counts.add_document(source, text, prepare)
    except (FileError, OSError, EOFError) as error:
        message = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise FileError(f"{job.name}: {message}") from None
    return counts


def count_unit(jobs: list[Job]) -> Counts:
    """The counts of a few files, merged in order (a Dask task's whole work)."""
    counts = Counts()
    for job in jobs:
        counts.merge(count_file(job))
    return counts


def _units(parts: list[Job]) -> list[list[Job]]:
    """Consecutive files in units of up to 64 files and 1 MB (a piece of a big file alone)."""
    units: list[list[Job]] = []
    size = 0
    for part in parts:
        part_size = part.span[1] - part.span[0] if part.span else os.path.getsize(part.path)
        if not units or part.span or units[-1][0].span or len(units[-1]) >= 64 or size + part_size > 1_000_000:
            units.append([])
            size = 0
        units[-1].append(part)
        size += part_size
    return units


def documents(job: Job) -> Iterator[tuple[str, str]]:
    """``(source, text)`` for each document of a file: a ``.jsonl`` file's
    records one by one (streamed), any other file whole."""
    if is_parquet(job.name):
        yield from _rows(job)
        return
    opener = gzip.open if job.path.endswith(".gz") else open
    with opener(job.path, "rb") as handle:
        if job.name.endswith((".jsonl", ".jsonl.gz")):
            yield from _records(handle, job)
        else:
            yield file_source(job.where), _decode(handle.read(), job, 0)


def _records(handle: IO[bytes] | gzip.GzipFile, job: Job) -> Iterator[tuple[str, str]]:
    start, end, first_line = job.span or (0, -1, 1)
    handle.seek(start)
    for lineno, raw in enumerate(handle, start=first_line):
        if start == end:
            break  # the end of this piece
        start += len(raw)
        line = _decode(raw, job, lineno).strip()
        if not line:
            continue
        try:
            record = json.loads(line)
        except ValueError as error:
            raise FileError(f"line {lineno}: not valid JSON: {error}") from None
        _, text = find(record, job.json_field)
        if isinstance(text, str):
            yield record_source(record, job.source_field, job.where), text


def _rows(job: Job) -> Iterator[tuple[str, str]]:
    """``(source, text)`` for each row of a Parquet file with a string in its text column."""
    parquet = open_parquet(job.path)
    names = parquet.schema_arrow.names
    path = _text_path(parquet.schema_arrow, job.json_field)
    if path is None:
        return
    columns = [names[path[0]]] + ([job.source_field] if job.source_field in names else [])
    import pyarrow

    try:
        for batch in parquet.iter_batches(batch_size=1024, columns=columns, use_threads=False):
            texts = read(pyarrow.Table.from_batches([batch]), (0, *path[1:]))
            sources = batch.column(1).to_pylist() if len(columns) > 1 else [None] * len(texts)
            for text, source in zip(texts, sources, strict=True):
                if isinstance(text, str):
                    yield record_source({job.source_field: source}, job.source_field, job.where), text
    except pyarrow.ArrowException as error:
        raise FileError(f"cannot read it as Parquet ({error})") from None


def _text_path(schema: Any, name: str) -> tuple[int, ...] | None:
    """The column (or nested field) of the texts; ``None`` when there is none, or not of text."""
    try:
        return resolve(schema, name)
    except FileError:
        return None


def _decode(data: bytes, job: Job, lineno: int) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        if job.encoding:
            return data.decode(job.encoding, errors="replace")
        where = f" (line {lineno})" if lineno else ""
        raise FileError(f"not valid UTF-8 at byte {error.start}{where} (read a legacy file with --encoding cp1256)") from None


def pieces(job: Job, piece: int = SHARD_BYTES) -> list[Job]:
    """A plain ``.jsonl`` file of twice ``piece`` bytes or more as pieces that
    start at a line (for several workers); any other file as it is."""
    size = os.path.getsize(job.path)
    if not job.path.endswith(".jsonl") or size < 2 * piece:
        return [job]
    cuts = [(0, 1)]
    with open(job.path, "rb") as handle:
        position, line = 0, 1
        while position + piece < size:
            data = handle.read(piece)
            rest = handle.readline()
            position += len(data) + len(rest)
            line += data.count(b"\n") + rest.count(b"\n")
            if position < size:
                cuts.append((position, line))
    ends = [start for start, _ in cuts[1:]] + [size]
    return [replace(job, span=(start, end, line)) for (start, line), end in zip(cuts, ends, strict=True)]


def count_files(jobs: list[Job], processes: int = 1, piece: int = SHARD_BYTES, scheduler: str | None = None) -> Counts:
    """The counts of all files, in ``processes`` worker processes, or on the Dask
    cluster at ``scheduler`` (``"local"``: a local cluster of ``processes``
    workers); a big ``.jsonl`` file in pieces.  Merged in the files' order, so
    the result does not depend on the number of processes."""
    counts = Counts()
    if scheduler is not None:
        from .cluster import connect

        parts = [part for job in jobs for part in pieces(replace(job, path=os.path.abspath(job.path)), piece)]
        with connect(scheduler, max(1, processes)) as client:
            for future in client.map(count_unit, _units(parts), pure=False):
                counts.merge(future.result())
                future.release()
        return counts
    if processes <= 1:
        for job in jobs:
            counts.merge(count_file(job))
        return counts
    units = _units([part for job in jobs for part in pieces(job, piece)])
    with ProcessPoolExecutor(processes) as pool:  # one unit a task: a worker holds one unit's counts at a time
        for part in pool.map(count_unit, units):
            counts.merge(part)
    return counts


def learn(jobs: list[Job], processes: int = 1, *, min_docs: int = MIN_DOCS, min_share: float = MIN_SHARE,
          kind: str = "widget", scheduler: str | None = None) -> tuple[str, list[Learned], Counts]:
    """Count the files (see :func:`count_files`), select the chrome, and write it:
    the phrase file's text, the learned phrases and the counts behind them."""
    counts = count_files(jobs, processes, scheduler=scheduler)
    learned = select(counts, min_docs, min_share)
    source_field = next((job.source_field for job in jobs if job.source_field), None)
    text = phrase_file(learned, counts, kind, min_docs=min_docs, min_share=min_share, source_field=source_field)
    return text, learned, counts
