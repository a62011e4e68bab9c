"""Writing a file back without ever leaving half of it.

A file is replaced only by ``os.replace`` of a complete temporary file beside
it (fsynced when it replaces a source), with the original's permission bits.
Temporary files carry the run's token, so that a run interrupted mid-write
removes its own and no one else's.
"""

from __future__ import annotations

import gzip
import os
import tempfile
from typing import IO, Iterable

TEMP_SUFFIX = ".arclean-tmp"


def writable(path: str, info: os.stat_result) -> bool:
    """A file without write bits is read-only even for root (who could replace
    it anyway: a rename needs only the folder's permission)."""
    return bool(info.st_mode & 0o222) and os.access(path, os.W_OK)


class Replacement:
    """A temporary file beside ``path`` that replaces it atomically on
    :meth:`commit`, or is deleted when the block ends without a commit
    (an error, Ctrl-C): the old file or the new one, never half of either.

    ``durable`` fsyncs it before the rename, so that a power cut cannot leave an
    empty file in place of the original.  Copies under ``--out`` skip it (the
    sources are intact; one ``os.sync`` at the end of the run does instead):
    on many small files, fsync costs more than the cleaning."""

    def __init__(self, path: str, token: str, mode: int, gz: bool, durable: bool = True) -> None:
        folder, name = os.path.split(path)
        descriptor, self.temp = tempfile.mkstemp(
            dir=folder or ".", prefix=f".{name[:80]}.", suffix=f".{token}{TEMP_SUFFIX}"
        )
        self.path, self.mode, self.durable, self.done = path, mode, durable, False
        self.raw = os.fdopen(descriptor, "wb")
        inner = name[:-3] if gz else name
        self.handle: IO[bytes] = gzip.GzipFile(inner, "wb", 6, self.raw, mtime=0) if gz else self.raw  # type: ignore[assignment]

    def commit(self) -> None:
        if self.handle is not self.raw:
            self.handle.close()
        self.raw.flush()
        if self.durable:
            os.fsync(self.raw.fileno())
        self.raw.close()
        os.chmod(self.temp, self.mode)
        os.replace(self.temp, self.path)
        self.done = True

    def __enter__(self) -> Replacement:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if not self.done:
            for closable in (self.handle, self.raw):
                try:
                    closable.close()
                except Exception:  # noqa: BLE001 - the write already failed; remove the temp file anyway
                    pass
            try:
                os.unlink(self.temp)
            except FileNotFoundError:
                pass


def remove_temporaries(folders: Iterable[str], token: str) -> None:
    """Delete the temporary files a run left in ``folders`` (after a worker
    was killed mid-write: the originals are intact, only the temp files remain)."""
    for folder in set(folders):
        try:
            names = os.listdir(folder or ".")
        except OSError:
            continue
        for name in names:
            if name.startswith(".") and name.endswith(f".{token}{TEMP_SUFFIX}"):
                try:
                    os.unlink(os.path.join(folder, name))
                except OSError:
                    pass
