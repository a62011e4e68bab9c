"""Files named by fsspec URLs (``s3://bucket/corpus``, ``file:///data/raw``,
``memory://raw``): their filesystem, safe writes, modified times and temporary files.

A path with a protocol (``NAME://``) is a URL; any other is a local path and
never reaches this module, so a local run does exactly what it did before
URLs.  fsspec (a dependency of Dask) is imported only when a URL is met, and
each filesystem's own package (``s3fs``, ``gcsfs``…) only for its URLs.

A URL is written as a local file is: into a temporary file beside the
output (the same ``.NAME.RANDOM.TOKEN.arclean-tmp`` names, so the same runs
find and remove it), moved onto the output once complete.  On a local or
memory filesystem the move is a rename; on an object store (S3, GCS, Azure)
it is a copy and a delete, but an object only ever appears whole there, so
the output is still the old one or the complete new one.  Permission bits,
owners and fsync are local-file matters and are left to the filesystem.
"""

from __future__ import annotations

import re
import uuid
from datetime import datetime
from typing import Any, Iterable

from ..errors import FileError
from .writes import TEMP_NAME, TEMP_SUFFIX, WriteError, _alive as alive, close_quietly, hold_before_replace

#: ``NAME://`` (or chained, ``simplecache::s3://``) at the start: a protocol of two letters or more (not ``C:``).
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]+(?:::[A-Za-z][A-Za-z0-9+.\-]+)*://")
#: Filesystems that live in one process: workers in other processes see empty ones.
IN_PROCESS = ("memory",)


def is_url(path: str) -> bool:
    """Is ``path`` an fsspec URL rather than a local path?

    >>> is_url("s3://bucket/a.jsonl"), is_url("memory://raw"), is_url("raw/a.txt"), is_url("C:/a.txt")
    (True, True, False, False)
    """
    return bool(_URL.match(path))


def protocol(url: str) -> str:
    """The URL's (innermost) protocol.

    >>> protocol("memory://raw"), protocol("simplecache::s3://b/k")
    ('memory', 's3')
    """
    return url.split("://", 1)[0].split("::")[-1].lower()


def filesystem(url: str) -> tuple[Any, str]:
    """The fsspec filesystem of ``url`` and the path on it; a :class:`FileError`
    when fsspec, or the filesystem's own package, is missing."""
    try:
        import fsspec.core
    except ImportError:
        raise FileError(f"{url}: reading URLs needs fsspec, which is not installed: pip install fsspec") from None
    try:
        fs, path = fsspec.core.url_to_fs(url)
    except ImportError as error:  # fsspec names the package: "Install s3fs to access S3"
        raise FileError(f"{url}: {error}") from None
    except ValueError as error:  # an unknown protocol
        raise FileError(f"{url}: {error}") from None
    return fs, str(path)


def join(url: str, relpath: str) -> str:
    """``relpath`` (with ``/``) under the folder ``url``.

    >>> join("memory://out/", "news/a.txt")
    'memory://out/news/a.txt'
    """
    return url.rstrip("/") + "/" + relpath


def parent(url: str) -> str:
    """The folder of a file's URL.

    >>> parent("s3://bucket/raw/a.txt"), parent("memory://a.txt")
    ('s3://bucket/raw', 'memory://')
    """
    head, _, _ = url.rpartition("/")
    return head if not head.endswith(":/") else head + "/"


def modified(url: str) -> datetime | None:
    """When the file at ``url`` was last modified; ``None`` when the filesystem
    does not say (or the file is missing)."""
    fs, path = filesystem(url)
    try:
        stamp = fs.modified(path)
    except (NotImplementedError, OSError, KeyError):
        return None
    return stamp if isinstance(stamp, datetime) else None


def newer(dest: str, source: str) -> bool | None:
    """Is the copy ``dest`` there and at least as new as ``source``?  ``None``
    when ``dest`` is there but a modified time is not known (either may be local)."""
    if not exists(dest):
        return False
    times = [modified(url) if is_url(url) else _local_modified(url) for url in (dest, source)]
    if times[0] is None or times[1] is None:
        return None
    try:
        return times[0] >= times[1]
    except TypeError:  # one with a time zone, one without
        return None


def exists(url: str) -> bool:
    if not is_url(url):
        import os

        return os.path.exists(url)
    fs, path = filesystem(url)
    return bool(fs.isfile(path))


def _local_modified(path: str) -> datetime | None:
    import os
    from datetime import timezone

    try:
        return datetime.fromtimestamp(os.stat(path).st_mtime, tz=timezone.utc)
    except OSError:
        return None


class UrlReplacement:
    """:class:`~arclean.files.writes.Replacement` through fsspec: a temporary
    file beside ``url`` (a URL, or a local path when the source is a URL),
    moved onto it on :meth:`commit`, deleted when the block ends without one."""

    def __init__(self, url: str, token: str, gz: bool) -> None:
        self.url, self.done = url, False
        self.fs, self.path = filesystem(url)
        folder, _, name = self.path.rpartition("/")
        self.temp = f"{folder}/.{name[:80]}.{uuid.uuid4().hex[:8]}.{token}{TEMP_SUFFIX}"
        try:
            self.fs.makedirs(folder or "/", exist_ok=True)
            self.raw = self.fs.open(self.temp, "wb")
        except OSError as error:
            raise WriteError(error.errno, error.strerror or str(error), url) from error
        self.handle: Any = self.raw
        if gz:
            import gzip

            self.handle = gzip.GzipFile(name[:-3], "wb", 6, self.raw, mtime=0)  # the local writer's header
        from . import faults

        faults.writing(url)

    def commit(self) -> None:
        try:
            if self.handle is not self.raw:
                self.handle.close()
            self.raw.close()
            hold_before_replace()
            self.fs.mv(self.temp, self.path)
        except OSError as error:
            raise WriteError(error.errno, error.strerror or str(error), self.url) from error
        self.done = True

    def __enter__(self) -> UrlReplacement:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self.done:
            return
        close_quietly(self.handle, self.raw)
        try:
            self.fs.rm_file(self.temp)
        except FileNotFoundError:
            pass


def remove(url: str) -> None:
    """Delete a file; a missing one is no error."""
    fs, path = filesystem(url)
    try:
        fs.rm_file(path)
    except FileNotFoundError:
        pass


def temporaries(folder: str) -> list[str]:
    """The URLs of arclean's temporary files in ``folder`` (none if it cannot be listed)."""
    fs, path = filesystem(folder)
    try:
        names = sorted(entry.rstrip("/").rpartition("/")[2] for entry in fs.ls(path, detail=False))
    except (OSError, KeyError):
        return []
    return [join(folder, name) for name in names if TEMP_NAME.fullmatch(name)]


def stale_temporaries(folders: Iterable[str]) -> list[str]:
    """:func:`~arclean.files.writes.stale_temporaries` in URL folders: those a run whose process is gone left."""
    found = []
    for folder in sorted(set(folders)):
        for url in temporaries(folder):
            match = TEMP_NAME.fullmatch(url.rpartition("/")[2])
            if match and not alive(match["pid"]):
                found.append(url)
    return found


def remove_temporaries(folder: str, token: str) -> None:
    """Delete the temporary files of the run ``token`` in the URL ``folder``."""
    for url in temporaries(folder):
        if url.endswith(f".{token}{TEMP_SUFFIX}"):
            try:
                remove(url)
            except OSError:
                pass
