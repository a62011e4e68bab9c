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
    source = task.source
    try:
        info = os.stat(source.path)
        in_place = task.dest == source.path
        if in_place and not writable(source.path, info):
            # Look without writing; a read-only file is an error only if it would change.
            result = clean_file(replace(task, dest=None), pipeline)
            if result.status == "changed":
                raise FileError(READ_ONLY)
            return result
        gz, mode, size = source.path.endswith(".gz"), stat.S_IMODE(info.st_mode), info.st_size
        owner = (info.st_uid, info.st_gid) if in_place else None
        if is_parquet(source.name):
            return _clean_parquet_file(task, pipeline, mode, in_place, owner)
        with _open_source(source.path, gz) as src:
            if task.span:
                src.seek(task.span[0])
                size = task.span[1] - task.span[0]
            if not (task.span and task.span[0]) and _is_binary(src.peek(BINARY_SNIFF)[:BINARY_SNIFF]):
                return FileResult(source.name, "skipped", size, message="skipped: binary file")
            if task.dest is None:
                return clean_stream(src, None, task, pipeline, size=size)
            make_folder(os.path.dirname(task.dest))
            if is_jsonl(source.name):  # streamed into the temporary file, kept or dropped at the end
                with Replacement(task.dest, task.token, mode, gz, durable=in_place, owner=owner) as output:
                    result = clean_stream(src, output.handle, task, pipeline, size=size)
                    if result.status == "changed" or not in_place:
                        output.commit()
                return result
            cleaned = io.BytesIO()  # one document: cleaned in memory, written only if it is kept
            result = clean_stream(src, cleaned, task, pipeline, size=size)
        if result.status == "changed" or not in_place:
            with Replacement(task.dest, task.token, mode, gz, durable=in_place, owner=owner) as output:
                output.handle.write(cleaned.getbuffer())
                output.commit()
        return result
    except FileError as error:
        return FileResult(source.name, "failed", message=str(error))
    except (OSError, EOFError, zlib.error) as error:
        return FileResult(source.name, "failed", message=os_message(error, source))


def _clean_parquet_file(task: Task, pipeline: Pipeline, mode: int, in_place: bool, owner: tuple[int, int] | None) -> FileResult:
    """A Parquet file: written row group by row group into the temporary file, kept or dropped at the end."""
    if task.dest is None:
        return clean_parquet(task.source.path, None, task, pipeline)
    make_folder(os.path.dirname(task.dest))
    with Replacement(task.dest, task.token, mode, False, durable=in_place, owner=owner) as output:
        result = clean_parquet(task.source.path, output.handle, task, pipeline)
        if result.status == "changed" or not in_place:
            output.commit()
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
