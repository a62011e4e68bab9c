"""Writing a file back without ever leaving half of it.

A file is replaced only by ``os.replace`` of a complete temporary file beside
it (fsynced when it replaces a source), with the original's permission bits,
owner and group (as far as the process may set them).  Temporary files carry
the run's token, so that a run interrupted mid-write removes its own and no
one else's; the token names the run's process, so that a later run can tell
the files a killed run left (:func:`stale_temporaries`) from a live run's.
A failed write raises :class:`WriteError`, which names the file written.
"""

from __future__ import annotations

import gzip
import io
import os
import re
import signal
import tempfile
import threading
import uuid
from contextlib import contextmanager
from typing import IO, Any, Iterable, Iterator

from . import faults

TEMP_SUFFIX = ".arclean-tmp"
#: Every name :class:`Replacement` and the shards create: ``.NAME.RANDOM.TOKEN.arclean-tmp``
#: or ``.NAME.partNNNNN.TOKEN.arclean-tmp``, where TOKEN is ``HEX12-PID`` (``HEX12`` alone in earlier versions).
TEMP_NAME = re.compile(r"\..+\.(?:[a-z0-9_]{8}|part\d{5})\.[0-9a-f]{12}(?:-(?P<pid>\d+))?" + re.escape(TEMP_SUFFIX))
_HELD = (signal.SIGINT, signal.SIGTERM)
_hold_on_replace = False  # set by hold_signals_once_written()


def new_token() -> str:
    """A run's token: random, and the run's process id (which :func:`stale_temporaries` checks)."""
    return f"{uuid.uuid4().hex[:12]}-{os.getpid()}"


class WriteError(OSError):
    """Writing failed (a full disk, a read-only folder); ``filename`` is the file or folder written."""


#: Why a read-only file that would change is a failure (in place, whole or in shards).
READ_ONLY = "read-only file: it would change but cannot be written; it is left unchanged"


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
    on many small files, fsync costs more than the cleaning.  ``owner`` is the
    ``(uid, gid)`` to keep (a file rewritten in place)."""

    def __init__(
        self, path: str, token: str, mode: int, gz: bool, durable: bool = True, owner: tuple[int, int] | None = None
    ) -> None:
        folder, name = os.path.split(path)
        self.path, self.mode, self.durable, self.owner, self.done = path, mode, durable, owner, False
        with _naming(path):
            descriptor, self.temp = tempfile.mkstemp(
                dir=folder or ".", prefix=f".{name[:80]}.", suffix=f".{token}{TEMP_SUFFIX}"
            )
        self.raw = os.fdopen(descriptor, "wb")
        sink = _Sink(self.raw, path)
        inner = name[:-3] if gz else name
        self.handle: IO[bytes] = gzip.GzipFile(inner, "wb", 6, sink, mtime=0) if gz else sink  # type: ignore[assignment]
        faults.writing(path)

    def commit(self) -> None:
        with _naming(self.path):
            if self.handle is not self.raw:
                self.handle.close()
            self.raw.flush()
            if self.durable:
                os.fsync(self.raw.fileno())
            if self.owner:
                _keep_owner(self.raw.fileno(), *self.owner)
            self.raw.close()
            os.chmod(self.temp, self.mode)  # after chown, which may clear set-id bits
            if _hold_on_replace:
                signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
            os.replace(self.temp, self.path)
        self.done = True

    def __enter__(self) -> Replacement:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if not self.done:
            close_quietly(self.handle, self.raw)
            try:
                os.unlink(self.temp)
            except FileNotFoundError:
                pass


def close_quietly(*closables: Any) -> None:
    """Close each of a failed write's files, whatever closing raises (the write already
    failed; its temporary file is removed next)."""
    for closable in closables:
        try:
            closable.close()
        except Exception:  # noqa: BLE001 - the write already failed
            pass


class _Sink(io.RawIOBase):
    """The temporary file as the cleaning writes it: a failed write names the file written."""

    def __init__(self, raw: IO[bytes], path: str) -> None:
        self.raw, self.path = raw, path

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        try:
            return self.raw.write(data)
        except OSError as error:
            raise WriteError(error.errno, error.strerror or str(error), self.path) from error


@contextmanager
def _naming(path: str) -> Iterator[None]:
    try:
        yield
    except WriteError:
        raise
    except OSError as error:
        raise WriteError(error.errno, error.strerror or str(error), path) from error


def make_folder(folder: str) -> None:
    """Create the folder a file is written into (under ``--out``)."""
    with _naming(folder):
        os.makedirs(folder or ".", exist_ok=True)


def _keep_owner(descriptor: int, uid: int, gid: int) -> None:
    """Give the temporary file the original's owner and group, or its group only,
    or leave it (a process that is not root may give a file only its own groups)."""
    info = os.fstat(descriptor)
    if (info.st_uid, info.st_gid) == (uid, gid):
        return
    for owner in ((uid, gid), (-1, gid)):
        try:
            os.fchown(descriptor, *owner)
            return
        except PermissionError:
            continue


@contextmanager
def hold_signals() -> Iterator[None]:
    """Ctrl-C and SIGTERM wait until the block ends (where the platform allows).

    They are blocked for this thread and, in the main thread, only noted by the handler
    meanwhile: the kernel may hand a signal to another thread of the process (fsspec's or
    tqdm's), and Python then runs its handler in the main thread all the same."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        with _noted_signals():
            yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)  # a signal noted or pending acts now


@contextmanager
def _noted_signals() -> Iterator[None]:
    """In the main thread, SIGINT and SIGTERM only noted during the block, then raised again
    (pending, while this thread blocks them) for the handlers they would have met."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    noted: list[int] = []
    handlers = {number: signal.getsignal(number) for number in _HELD}
    if any(handler is None for handler in handlers.values()):  # a handler not set from Python: leave it
        yield
        return
    for number in _HELD:
        signal.signal(number, lambda signum, frame: noted.append(signum))
    try:
        yield
    finally:
        for number, handler in handlers.items():
            signal.signal(number, handler)
        for signum in dict.fromkeys(noted):
            signal.raise_signal(signum)


@contextmanager
def hold_signals_once_written() -> Iterator[None]:
    """Ctrl-C and SIGTERM, if they come once a file is replaced in the block,
    wait until the block ends: a run that reports each file in the block never
    loses track of a file it wrote.  Before the rename they act at once."""
    global _hold_on_replace
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous, before = signal.pthread_sigmask(signal.SIG_BLOCK, ()), _hold_on_replace
    _hold_on_replace = True
    try:
        yield
    finally:
        _hold_on_replace = before
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def remove_temporaries(folders: Iterable[str], token: str) -> None:
    """Delete the temporary files a run left in ``folders`` (after a worker
    was killed mid-write: the originals are intact, only the temp files remain)."""
    from .urls import is_url, remove_temporaries as remove_url_temporaries  # here: urls imports this module

    for folder in set(folders):
        if is_url(folder):
            remove_url_temporaries(folder, token)
            continue
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


def stale_temporaries(folders: Iterable[str]) -> list[str]:
    """The temporary files in ``folders`` that a killed run left: arclean's own
    names only, and only from a run whose process is gone (never a live run's)."""
    from .urls import is_url, stale_temporaries as stale_url_temporaries  # here: urls imports this module

    found = []
    for folder in sorted(set(folders)):
        if is_url(folder):
            found.extend(stale_url_temporaries([folder]))
            continue
        try:
            entries = sorted(os.scandir(folder or "."), key=lambda entry: entry.name)
        except OSError:
            continue
        for entry in entries:
            match = TEMP_NAME.fullmatch(entry.name)
            if match and entry.is_file(follow_symlinks=False) and not _alive(match["pid"]):
                found.append(entry.path)
    return found


def _alive(pid: str | None) -> bool:
    if pid is None or int(pid) == os.getpid():  # no process named, or a dead one's number now ours
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


def hold_before_replace() -> None:
    """Where :func:`hold_signals_once_written` asks for it, Ctrl-C and SIGTERM wait
    from now on (called just before a file is replaced; :class:`Replacement` does it itself)."""
    if _hold_on_replace:
        signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
