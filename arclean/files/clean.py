"""Cleaning one file: :func:`clean_file`, the call every engine makes.

It is a function of its arguments (no printing, no global state), so that
another engine can call it on a :class:`~arclean.files.Task` with a
:class:`~arclean.Pipeline` wherever the file is visible, and get back a
:class:`~arclean.files.FileResult` that pickles.  A trailing ``.gz`` is read
and written as gzip; a file that cannot be read, decoded or parsed is a
``"failed"`` result and is left exactly as it was.
"""

from __future__ import annotations

import gzip
import io
import os
import stat
import zlib
from dataclasses import replace

from ..errors import FileError
from ..pipeline import Pipeline
from .formats import clean_stream, is_jsonl
from .parquet import GZIPPED_PARQUET, clean_parquet, is_parquet
from .task import FileResult, Source, Task
from .urls import is_url
from .writes import READ_ONLY, Replacement, WriteError, make_folder, writable

BINARY_SNIFF = 8192  # bytes looked at for a NUL, as git does


def clean_file(task: Task, pipeline: Pipeline) -> FileResult:
    """Clean one file as ``task`` says; every problem becomes a ``"failed"`` result."""
    if task.source.name.endswith(".parquet.gz"):
        return FileResult(task.source.name, "failed", task.source.size, message=GZIPPED_PARQUET)
    if is_url(task.source.path) or is_url(task.dest or ""):
        from .url_clean import clean_url_file  # here: it imports this module

        return clean_url_file(task, pipeline)
    try:
        return _clean_local_file(task, pipeline)
    except FileError as error:
        return FileResult(task.source.name, "failed", message=str(error))
    except (OSError, EOFError, zlib.error) as error:
        return FileResult(task.source.name, "failed", message=os_message(error, task.source))


def _clean_local_file(task: Task, pipeline: Pipeline) -> FileResult:
    source = task.source
    info = os.stat(source.path)
    in_place = task.dest == source.path
    if in_place and not writable(source.path, info):
        # Look without writing; a read-only file is an error only if it would change.
        result = clean_file(replace(task, dest=None), pipeline)
        if result.status == "changed":
            raise FileError(READ_ONLY)
        return result
    if is_parquet(source.name):
        return _clean_parquet_file(task, pipeline, info)
    with _open_source(source.path, source.path.endswith(".gz")) as src:
        size = task.span[1] - task.span[0] if task.span else info.st_size
        if task.span:
            src.seek(task.span[0])
        if not (task.span and task.span[0]) and _is_binary(src.peek(BINARY_SNIFF)[:BINARY_SNIFF]):
            return FileResult(source.name, "skipped", size, message="skipped: binary file")
        if task.dest is None:
            return clean_stream(src, None, task, pipeline, size=size)
        make_folder(os.path.dirname(task.dest))
        if is_jsonl(source.name):  # streamed into the temporary file, kept or dropped at the end
            with _replacement(task, info) as output:
                result = clean_stream(src, output.handle, task, pipeline, size=size)
                _keep_if_needed(result, output, task)
            return result
        cleaned = io.BytesIO()  # one document: cleaned in memory, written only if it is kept
        result = clean_stream(src, cleaned, task, pipeline, size=size)
    if result.status == "changed" or task.dest != source.path:
        with _replacement(task, info) as output:
            output.handle.write(cleaned.getbuffer())
            output.commit()
    return result


def _replacement(task: Task, info: os.stat_result) -> Replacement:
    """The temporary file that becomes ``task.dest``: the source's permissions, and, in
    place, its owner and a durable write (fsync before the rename)."""
    in_place = task.dest == task.source.path
    owner = (info.st_uid, info.st_gid) if in_place else None
    gz = task.source.path.endswith(".gz") and not is_parquet(task.source.name)
    return Replacement(task.dest or "", task.token, stat.S_IMODE(info.st_mode), gz, durable=in_place, owner=owner)


def _keep_if_needed(result: FileResult, output: Replacement, task: Task) -> None:
    """A copy is always written; a file cleaned in place is replaced only when it changed."""
    if result.status == "changed" or task.dest != task.source.path:
        output.commit()


def _clean_parquet_file(task: Task, pipeline: Pipeline, info: os.stat_result) -> FileResult:
    """A Parquet file: written row group by row group into the temporary file, kept or dropped at the end."""
    if task.dest is None:
        return clean_parquet(task.source.path, None, task, pipeline)
    make_folder(os.path.dirname(task.dest))
    with _replacement(task, info) as output:
        result = clean_parquet(task.source.path, output.handle, task, pipeline)
        _keep_if_needed(result, output, task)
    return result


def _is_binary(head: bytes) -> bool:
    return b"\0" in head


def _open_source(path: str, gz: bool) -> io.BufferedReader | gzip.GzipFile:
    raw = open(path, "rb")
    return gzip.GzipFile(fileobj=raw, mode="rb") if gz else raw


def os_message(error: BaseException, source: Source) -> str:
    if isinstance(error, WriteError):  # the file written: the source itself, or its copy under --out
        if error.filename == source.path:
            return f"cannot write it: {error.strerror}; the file is left unchanged"
        return f"cannot write {error.filename}: {error.strerror}"
    if isinstance(error, (EOFError, zlib.error, gzip.BadGzipFile)):
        return f"not a valid gzip file ({error}); the file is left unchanged"
    if isinstance(error, OSError) and error.strerror:
        where = f" ({error.filename})" if error.filename and error.filename != source.path else ""
        return f"{error.strerror}{where}; the file is left unchanged"
    return f"{error}; the file is left unchanged"
