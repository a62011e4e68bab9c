"""Cleaning one file whose source or output is an fsspec URL: :func:`clean_url_file`.

The same cleaners as a local file's (:func:`~arclean.files.formats.clean_stream`,
:func:`~arclean.files.parquet.clean_parquet`), the bytes read and written
through fsspec (:mod:`~arclean.files.urls`), so the output is byte for byte
what a local run writes.  A ``.jsonl`` or ``.parquet`` file is streamed into the
temporary file, one document is cleaned in memory; a file fixed in place is
replaced only when it changes, a copy is always written.  A URL is never cut
into shards: one worker cleans each file.
"""

from __future__ import annotations

import gzip
import io
import zlib
from contextlib import ExitStack
from typing import Any, Callable

from ..errors import FileError
from ..pipeline import Pipeline
from .clean import BINARY_SNIFF, os_message
from .formats import clean_stream, is_jsonl
from .parquet import clean_parquet, is_parquet
from .task import FileResult, Task
from .urls import UrlReplacement, filesystem


def clean_url_file(task: Task, pipeline: Pipeline) -> FileResult:
    """:func:`~arclean.files.clean_file` for a task whose source or ``dest`` is a URL."""
    source = task.source
    try:
        with ExitStack() as stack:
            src = stack.enter_context(_open(source.path))
            if is_parquet(source.name):
                return _write(task, lambda dst: clean_parquet(src, dst, task, pipeline), stream=True)
            gz = source.path.endswith(".gz")
            if gz:
                src = stack.enter_context(gzip.GzipFile(fileobj=src, mode="rb"))
            if b"\0" in src.read(BINARY_SNIFF):
                return FileResult(source.name, "skipped", source.size, message="skipped: binary file")
            src.seek(0)
            if is_jsonl(source.name) or task.dest is None:  # streamed (or only read)
                return _write(task, lambda dst: clean_stream(src, dst, task, pipeline, size=source.size), stream=True)
            cleaned = io.BytesIO()  # one document: cleaned in memory, written only if it is kept
            result = clean_stream(src, cleaned, task, pipeline, size=source.size)
        return _write(task, lambda dst: _copy(cleaned, dst, result), stream=False)
    except FileError as error:
        return FileResult(source.name, "failed", message=str(error))
    except (OSError, EOFError, zlib.error) as error:
        return FileResult(source.name, "failed", message=os_message(error, source))


def _open(path: str) -> Any:
    fs, inner = filesystem(path)
    return fs.open(inner, "rb")


def _write(task: Task, clean: Callable[[Any], FileResult], *, stream: bool) -> FileResult:
    """``clean(dst)`` into a temporary file moved onto ``task.dest`` (a copy: always;
    in place: when the file changed), or ``clean(None)`` when nothing is written."""
    if task.dest is None:
        return clean(None)
    in_place = task.dest == task.source.path
    gz = task.dest.endswith(".gz") and not is_parquet(task.source.name)
    if not stream and in_place:
        probe = clean(None)  # a document already cleaned: write it only if it changed
        if probe.status != "changed":
            return probe
    with UrlReplacement(task.dest, task.token, gz) as output:
        result = clean(output.handle)
        if result.status == "changed" or not in_place:
            output.commit()
    return result


def _copy(cleaned: io.BytesIO, dst: Any, result: FileResult) -> FileResult:
    if dst is not None:
        dst.write(cleaned.getbuffer())
    return result
