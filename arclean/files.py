"""Files: find them, read them, clean them, and write them back without losing any.

Everything here is a function of its arguments (no printing, no global state),
so that another engine can call :func:`clean_file` on a :class:`Task` with a
:class:`~arclean.Pipeline` wherever the file is visible, and get back a
:class:`FileResult` that pickles.  :func:`run` is the local engine: the same
call in a process pool, results handed back in the order of the tasks.

Formats: ``.jsonl`` cleans one field per record and streams (a 2 GB file is
read and written line by line); every other file is one document, read whole.
A trailing ``.gz`` is read and written as gzip.

Safety: a file is replaced only by ``os.replace`` of a complete, fsynced
temporary file beside it, with the original's permission bits; a file that
cannot be read, decoded or parsed is reported and left exactly as it was.
"""

from __future__ import annotations

import difflib
import gzip
import io
import json
import os
import re
import shutil
import signal
import stat
import tempfile
import uuid
import zlib
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import IO, Callable, Iterable, Iterator, Sequence

from .config import Config
from .gitignore import Patterns, gitignore_spec
from .settings import Settings
from .errors import FileError
from .explain import split_lines
from .pipeline import Pipeline

TEMP_SUFFIX = ".arclean-tmp"
BINARY_SNIFF = 8192  # bytes looked at for a NUL, as git does
SHARD_BYTES = 32_000_000  # a .jsonl file twice this size is cleaned in pieces by several workers
BATCH_BYTES, BATCH_FILES = 1_000_000, 64  # smaller files go to a worker in batches of this much


@dataclass(frozen=True)
class Source:
    """A file to clean: ``path`` to open, ``name`` as reports show it, ``relpath``
    under the folder ``--out`` mirrors, ``match`` relative to the config root."""

    path: str
    name: str
    relpath: str
    match: str
    size: int


@dataclass(frozen=True)
class Problem:
    """Something found while looking for files: an error (exit code 2) or a note."""

    name: str
    message: str
    error: bool = True


@dataclass(frozen=True)
class Task:
    """What to do with one source: ``dest`` is where to write (the source's own
    path to fix in place, a path under ``--out`` to copy, ``None`` to only look)."""

    source: Source
    config: int = 0
    dest: str | None = None
    diff: bool = False
    detail: bool = False
    json_field: str = "text"
    encoding: str | None = None
    token: str = "run"
    span: tuple[int, int, int] | None = None  # a shard of a .jsonl file: start and stop bytes, first line


@dataclass(frozen=True)
class FileChange:
    """A change in a file: the file's line (for JSONL, the record's line and
    ``field_line``, the line inside the cleaned field)."""

    code: str
    line: int
    before: str
    after: str
    field_line: int | None = None


@dataclass(frozen=True)
class FileResult:
    """What cleaning one file found and did.  ``status`` is ``"unchanged"``,
    ``"changed"``, ``"skipped"`` (binary: a note) or ``"failed"`` (exit code 2)."""

    name: str
    status: str
    size: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    changes: tuple[FileChange, ...] = ()
    diff: str = ""
    message: str = ""
    encoding: str = "utf-8"


# --- Finding files ---------------------------------------------------------------------


def discover(
    paths: Sequence[str], settings: Settings, *, force_exclude: bool = False, skip: str | None = None
) -> tuple[list[Source], list[Problem]]:
    """The files to clean under ``paths``, in a stable order, and the problems met.

    Folders are walked recursively without following symbolic links; a file
    is taken when it matches ``include`` (``x.txt.gz`` counts as ``x.txt``) and
    neither ``exclude`` nor a ``.gitignore`` rules it out.  Files named
    explicitly are taken as they are, unless ``force_exclude`` (the hook's mode).
    ``skip`` is a folder never to enter (``--out`` inside the tree).
    """
    roots = [_real_parent(path) for path in paths]
    folders = [os.path.realpath(root) if os.path.isdir(root) else os.path.dirname(root) for root in roots]
    base = folders[0] if len(roots) == 1 and os.path.isdir(roots[0]) else os.path.commonpath(folders)
    walker = _Walker(settings, base, os.path.realpath(skip) if skip else None)
    for shown, absolute in zip(paths, roots):
        walker.add_root(shown, absolute, force_exclude)
    return walker.sources, walker.problems


class _Walker:
    def __init__(self, settings: Settings, base: str, skip: str | None) -> None:
        self.settings, self.base, self.skip = settings, base, skip
        self.include = gitignore_spec(settings.include)
        self.exclude = gitignore_spec(settings.excluded)
        self.sources: list[Source] = []
        self.problems: list[Problem] = []
        self.seen: set[str] = set()

    def add_root(self, shown: str, absolute: str, force_exclude: bool) -> None:
        if os.path.islink(absolute) and not os.path.exists(absolute):
            self.problems.append(Problem(shown, "broken symbolic link"))
        elif os.path.isdir(absolute):
            real = os.path.realpath(absolute)
            self._walk(shown, real, real, self._ignores_for(real))
        elif os.path.exists(absolute):
            if not force_exclude or self._wanted(absolute, False, self._ignores_for(absolute)):
                self._add(os.path.realpath(absolute), shown, absolute)
        else:
            self.problems.append(Problem(shown, "no such file or folder"))

    def _walk(self, shown: str, folder: str, top: str, ignores: list[tuple[str, Patterns]]) -> None:
        if self.settings.respect_gitignore and os.path.isfile(os.path.join(folder, ".gitignore")):
            ignores = ignores + [(folder, _read_gitignore(os.path.join(folder, ".gitignore")))]
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as error:
            self.problems.append(Problem(shown, f"cannot list the folder: {error.strerror}"))
            return
        for entry in entries:
            name = os.path.join(shown, entry.name) if shown != "." else entry.name
            if entry.is_symlink():
                self._symlink(entry, name, top, ignores)
            elif entry.is_dir(follow_symlinks=False):
                if entry.path != self.skip and self._wanted(entry.path, True, ignores):
                    self._walk(name, entry.path, top, ignores)
            elif entry.is_file(follow_symlinks=False) and self._wanted(entry.path, False, ignores):
                self._add(entry.path, name, entry.path)

    def _symlink(self, entry: os.DirEntry[str], name: str, top: str, ignores: list[tuple[str, Patterns]]) -> None:
        """Symbolic links are not followed: a link inside the tree points at a
        file that is cleaned under its own name; one that leads out is noted."""
        if not self._wanted(entry.path, False, ignores):
            return
        target = os.path.realpath(entry.path)
        if not os.path.exists(target):
            self.problems.append(Problem(name, "broken symbolic link"))
        elif os.path.commonpath([target, top]) != top:
            self.problems.append(Problem(name, f"skipped: symbolic link out of the tree (to {target})", False))

    def _wanted(self, path: str, is_dir: bool, ignores: list[tuple[str, Patterns]]) -> bool:
        relative = self._match_path(path) + ("/" if is_dir else "")
        if self.exclude.match_file(relative):
            return False
        if not is_dir:
            plain = relative[:-3] if relative.endswith(".gz") else relative
            if not (self.include.match_file(relative) or self.include.match_file(plain)):
                return False
        if self.settings.respect_gitignore:
            for folder, spec in reversed(ignores):
                verdict = spec.verdict(os.path.relpath(path, folder) + ("/" if is_dir else ""))
                if verdict is not None:
                    return not verdict
        return True

    def _ignores_for(self, path: str) -> list[tuple[str, Patterns]]:
        """The ``.gitignore`` files of the folders that hold ``path``, up to the
        root of its git repository (none outside a repository)."""
        if not self.settings.respect_gitignore:
            return []
        chain = []
        for parent in _parents(os.path.dirname(path)):
            if os.path.isfile(os.path.join(parent, ".gitignore")):
                chain.append((parent, _read_gitignore(os.path.join(parent, ".gitignore"))))
            if os.path.exists(os.path.join(parent, ".git")):
                return chain[::-1]
        return []

    def _match_path(self, path: str) -> str:
        """``path`` relative to the config root (or, outside it, to the base)."""
        root = os.path.realpath(self.settings.root)
        inside = os.path.commonpath([path, root]) == root
        return os.path.relpath(path, root if inside else self.base).replace(os.sep, "/")

    def _add(self, real: str, name: str, path: str) -> None:
        """Add a file: ``real`` to open, ``path`` where it was found (the link, for a link named explicitly)."""
        if real in self.seen:
            return
        self.seen.add(real)
        relpath = os.path.relpath(path, self.base).replace(os.sep, "/")
        self.sources.append(Source(real, os.path.normpath(name), relpath, self._match_path(path), os.stat(real).st_size))


def _real_parent(path: str) -> str:
    """An absolute path whose folder is resolved, its last part kept (a link stays a link)."""
    absolute = os.path.abspath(path)
    return os.path.join(os.path.realpath(os.path.dirname(absolute)), os.path.basename(absolute))


def _parents(folder: str) -> Iterator[str]:
    while True:
        yield folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return
        folder = parent


def _read_gitignore(path: str) -> Patterns:
    with open(path, encoding="utf-8", errors="replace") as handle:
        return gitignore_spec(tuple(handle.read().splitlines()))


def plan(
    sources: Sequence[Source],
    settings: Settings,
    *,
    action: str,
    out_dir: str | None = None,
    diff: bool = False,
    detail: bool = False,
) -> tuple[list[Task], list[Config]]:
    """One task per source, and the distinct configs they use (``per-file-ignores``).

    ``action`` is ``"check"`` (look only), ``"fix"`` (write in place, or under
    ``out_dir``).  ``diff`` never writes.
    """
    token = uuid.uuid4().hex[:12]
    configs: list[Config] = []
    tasks = []
    for source in sources:
        config = settings.config_for(source.match)
        if config not in configs:
            configs.append(config)
        dest = None
        if action == "fix" and not diff:
            dest = os.path.join(out_dir, source.relpath) if out_dir else source.path
        tasks.append(
            Task(source, configs.index(config), dest, diff, detail, settings.json_field, settings.encoding, token)
        )
    return tasks, configs or [settings.config]


# --- Cleaning one file --------------------------------------------------------------------


def clean_file(task: Task, pipeline: Pipeline) -> FileResult:
    """Clean one file as ``task`` says; every problem becomes a ``"failed"`` result."""
    source = task.source
    try:
        info = os.stat(source.path)
        in_place = task.dest == source.path
        if in_place and not _writable(source.path, info):
            # Look without writing; a read-only file is an error only if it would change.
            result = clean_file(replace(task, dest=None), pipeline)
            if result.status == "changed":
                raise FileError("read-only file: it would change but cannot be written; it is left unchanged")
            return result
        gz, mode, size = source.path.endswith(".gz"), stat.S_IMODE(info.st_mode), info.st_size
        with _open_source(source.path, gz) as src:
            if task.span:
                src.seek(task.span[0])
                size = task.span[1] - task.span[0]
            if not (task.span and task.span[0]) and _is_binary(src.peek(BINARY_SNIFF)[:BINARY_SNIFF]):
                return FileResult(source.name, "skipped", size, message="skipped: binary file")
            if task.dest is None:
                return clean_stream(src, None, task, pipeline, size=size)
            os.makedirs(os.path.dirname(task.dest) or ".", exist_ok=True)
            if _is_jsonl(source.name):  # streamed into the temporary file, kept or dropped at the end
                with _Replacement(task.dest, task.token, mode, gz, durable=in_place) as output:
                    result = clean_stream(src, output.handle, task, pipeline, size=size)
                    if result.status == "changed" or not in_place:
                        output.commit()
                return result
            cleaned = io.BytesIO()  # one document: cleaned in memory, written only if it is kept
            result = clean_stream(src, cleaned, task, pipeline, size=size)
        if result.status == "changed" or not in_place:
            with _Replacement(task.dest, task.token, mode, gz, durable=in_place) as output:
                output.handle.write(cleaned.getbuffer())
                output.commit()
        return result
    except FileError as error:
        return FileResult(source.name, "failed", message=str(error))
    except (OSError, EOFError, zlib.error) as error:
        return FileResult(source.name, "failed", message=_os_message(error, source))


def clean_stream(src: IO[bytes], dst: IO[bytes] | None, task: Task, pipeline: Pipeline, *, size: int = 0) -> FileResult:
    """Clean the bytes of ``src`` into ``dst`` (when given); the file's kind is
    taken from ``task.source.name``.  Raises :class:`FileError` for bad input."""
    name = task.source.name
    if _is_jsonl(name):
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
        for code, count in counts.items():
            self.counts[code] = self.counts.get(code, 0) + count


def _clean_document(data: bytes, dst: IO[bytes] | None, task: Task, pipeline: Pipeline) -> _Outcome:
    text, encoding = _decode(data, task.encoding, 0, None)
    report = pipeline.explain(text)
    outcome = _Outcome(encoding=encoding)
    outcome.add(report.counts())
    if task.detail:
        outcome.changes = [FileChange(c.code, c.line, c.before, c.after) for c in report.changes]
    if task.diff and report.text != text:
        outcome.diff = _diff(split_lines(text), split_lines(report.text), task.source.name)
    if dst is not None:
        dst.write(report.text.encode("utf-8"))
    return outcome


def _clean_jsonl(src: IO[bytes], dst: IO[bytes] | None, task: Task, pipeline: Pipeline) -> _Outcome:
    """Clean the field of each record, line by line; other fields, key order,
    spacing and escapes stay byte for byte.  Stops at the first line that is
    not JSON, naming it and how many more there are."""
    outcome = _Outcome()
    offset, stop, first_line = task.span or (0, -1, 1)
    records, with_field, hunks = 0, 0, []
    bad: list[tuple[int, str]] = []
    for lineno, raw in enumerate(src, start=first_line):
        if offset == stop:
            break  # the end of this shard
        body = raw.rstrip(b"\r\n")
        end = raw[len(body):]
        line, encoding = _decode(body, task.encoding, offset, lineno)
        offset += len(raw)
        if encoding != "utf-8":
            outcome.encoding = encoding
        if not line.strip():
            new = line
        else:
            try:
                record = json.loads(line)
            except ValueError as error:
                bad.append((lineno, str(error)))
                continue
            if bad:
                continue  # past a line that is not JSON, only count the others
            records += 1
            new = line
            text = record.get(task.json_field) if isinstance(record, dict) else None
            if isinstance(text, str):
                with_field += 1
                new = _clean_record(line, text, lineno, task, pipeline, outcome)
        if dst is not None:
            dst.write(new.encode("utf-8") + end)
        if task.diff and new != line:
            hunks.append(f"@@ -{lineno} +{lineno} @@\n{_diff_line('-', line + end.decode())}{_diff_line('+', new + end.decode())}")
    if bad:
        more = f" ({len(bad)} lines are not JSON)" if len(bad) > 1 else ""
        raise FileError(f"line {bad[0][0]}: not valid JSON: {bad[0][1]}{more}; the file is left unchanged")
    if hunks:
        outcome.diff = [f"--- {task.source.name}\n+++ {task.source.name}\n", *hunks]
    if records and not with_field:
        outcome.note = f'no record has a string field "{task.json_field}" (choose one with --field)'
    return outcome


def _clean_record(line: str, text: str, lineno: int, task: Task, pipeline: Pipeline, outcome: _Outcome) -> str:
    report = pipeline.explain(text)
    if report.text == text:
        return line
    outcome.add(report.counts())
    if task.detail:
        outcome.changes.extend(FileChange(c.code, lineno, c.before, c.after, c.line) for c in report.changes)
    start, end = _value_span(line, task.json_field)
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


def _is_jsonl(name: str) -> bool:
    return name.endswith((".jsonl", ".jsonl.gz"))


def _is_binary(head: bytes) -> bool:
    return b"\0" in head


def _writable(path: str, info: os.stat_result) -> bool:
    """A file without write bits is read-only even for root (who could replace
    it anyway: a rename needs only the folder's permission)."""
    return bool(info.st_mode & 0o222) and os.access(path, os.W_OK)


def _open_source(path: str, gz: bool) -> IO[bytes]:
    raw = open(path, "rb")
    return gzip.GzipFile(fileobj=raw, mode="rb") if gz else raw  # type: ignore[return-value]


def _os_message(error: BaseException, source: Source) -> str:
    if isinstance(error, (EOFError, zlib.error, gzip.BadGzipFile)):
        return f"not a valid gzip file ({error}); the file is left unchanged"
    if isinstance(error, OSError) and error.strerror:
        where = f" ({error.filename})" if error.filename and error.filename != source.path else ""
        return f"{error.strerror}{where}; the file is left unchanged"
    return f"{error}; the file is left unchanged"


# --- Writing safely ---------------------------------------------------------------------


class _Replacement:
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

    def __enter__(self) -> _Replacement:
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


# --- The local engine: a process pool -------------------------------------------------


@lru_cache(maxsize=32)
def pipeline_for(config: Config) -> Pipeline:
    """One pipeline per config and process, built on first use."""
    return Pipeline(config=config)


_WORKER_CONFIGS: list[tuple[Config, ...]] = []  # set once in each worker process by _start_worker


def _start_worker(configs: tuple[Config, ...]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # terminate() and the parent's death end a worker at once
    _die_with_parent()
    _WORKER_CONFIGS.append(configs)


def _die_with_parent() -> None:
    """On Linux, ask for SIGTERM when the parent dies (even by SIGKILL), so that
    no worker is left waiting forever; its temporary file stays, the original too."""
    try:
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: workers end when their queue closes
        pass


def _work(tasks: list[Task]) -> list[FileResult]:
    return [clean_file(task, pipeline_for(_WORKER_CONFIGS[-1][task.config])) for task in tasks]


def run(
    tasks: Sequence[Task],
    configs: Sequence[Config],
    jobs: int = 1,
    on_result: Callable[[FileResult], None] | None = None,
    shard_bytes: int = SHARD_BYTES,
) -> Iterator[FileResult]:
    """Clean every task, in ``jobs`` processes; results come in task order.

    ``on_result`` sees each result as soon as it is ready (for a progress bar;
    a big ``.jsonl`` file, cleaned in shards by several workers, reports each
    shard).  The biggest files start first, so that one large file does not
    finish alone at the end.  If a worker dies, the tasks it took down are
    failed results and their temporary files are removed; on Ctrl-C the
    workers stop, the temporary files are removed, and KeyboardInterrupt goes
    on up.
    """
    if not tasks or jobs <= 1 or (len(tasks) == 1 and tasks[0].source.size < 2 * shard_bytes):
        for task in tasks:
            result = clean_file(task, pipeline_for(configs[task.config]))
            if on_result:
                on_result(result)
            yield result
        return
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(tuple(configs),))
    shards = {index: shard(task, shard_bytes) for index, task in enumerate(tasks)}
    parts: dict[int, list[FileResult | None]] = {index: [None] * len(pieces) for index, pieces in shards.items()}
    ready: dict[int, FileResult] = {}
    unsettled = set(range(len(tasks)))  # not finished, or failed: may have left a temporary file
    following = 0
    futures: dict[Future[list[FileResult]], list[tuple[int, int]]] = {}
    try:
        for unit in _units(tasks, shards):
            futures[pool.submit(_work, [shards[index][part] for index, part in unit])] = unit
        for future in as_completed(futures):
            unit = futures[future]
            for (index, part), result in zip(unit, _results(future, [shards[i][p] for i, p in unit])):
                parts[index][part] = result
                if on_result:
                    on_result(result)
                if all(parts[index]):
                    finished = [result for result in parts.pop(index) if result]
                    ready[index] = finished[0] if len(finished) == 1 else join_shards(tasks[index], shards[index], finished)
                    if ready[index].status != "failed":
                        unsettled.discard(index)
            while following in ready:
                yield ready.pop(following)
                following += 1
    finally:
        if not all(future.done() for future in futures):  # interrupted, or the caller stopped early
            workers = list((getattr(pool, "_processes", None) or {}).values())
            pool.shutdown(wait=False, cancel_futures=True)
            for worker in workers:
                worker.terminate()  # stopped mid-file: their temporary files are removed below
            for worker in workers:
                worker.join()
        pool.shutdown(wait=True)
        folders = [os.path.dirname(tasks[i].dest) for i in unsettled if tasks[i].dest]
        remove_temporaries(folders, tasks[0].token)


def _units(tasks: Sequence[Task], shards: dict[int, list[Task]]) -> list[list[tuple[int, int]]]:
    """What each worker call cleans, as ``(task, shard)`` pairs, biggest first: a
    shard or a big file alone, small files in batches (one round trip for many)."""
    units, batch, batch_bytes = [], [], 0
    for index in sorted(range(len(tasks)), key=lambda i: -tasks[i].source.size):
        size = tasks[index].source.size
        if len(shards[index]) > 1 or size >= BATCH_BYTES:
            units.extend([(index, part)] for part in range(len(shards[index])))
            continue
        batch.append((index, 0))
        batch_bytes += size
        if len(batch) == BATCH_FILES or batch_bytes >= BATCH_BYTES:
            units.append(batch)
            batch, batch_bytes = [], 0
    return units + [batch] if batch else units


def shard(task: Task, piece: int = SHARD_BYTES) -> list[Task]:
    """Split a big plain ``.jsonl`` file into pieces of about ``piece`` bytes
    that start at a line, each knowing its first line number (so reports and
    diffs need no renumbering), each written to its own part file.  Other
    files, and small ones, stay one task."""
    size = task.source.size
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
    return [
        replace(task, span=(start, end, line), dest=_part_path(task.dest, number, task.token) if task.dest else None)
        for number, ((start, line), end) in enumerate(zip(cuts, ends))
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
        counts: dict[str, int] = {}
        for result in results:
            for code, count in result.counts.items():
                counts[code] = counts.get(code, 0) + count
        header = f"--- {source.name}\n+++ {source.name}\n"
        diffs = "".join(result.diff.removeprefix(header) for result in results)
        encoding = next((result.encoding for result in results if result.encoding != "utf-8"), "utf-8")
        changed = any(result.status == "changed" for result in results)
        merged = FileResult(
            source.name,
            "changed" if changed else "unchanged",
            source.size,
            counts,
            tuple(change for result in results for change in result.changes),
            header + diffs if diffs else "",
            results[0].message if all(result.message for result in results) else "",
            encoding,
        )
        in_place = task.dest == source.path
        if task.dest is not None and (changed or not in_place):
            info = os.stat(source.path)
            if in_place and not _writable(source.path, info):
                raise FileError("read-only file: it would change but cannot be written; it is left unchanged")
            with _Replacement(task.dest, task.token, stat.S_IMODE(info.st_mode), False, durable=in_place) as output:
                for piece in pieces:
                    with open(piece.dest, "rb") as part:  # type: ignore[arg-type]
                        shutil.copyfileobj(part, output.handle, 1 << 20)
                output.commit()
        return merged
    except FileError as error:
        return FileResult(source.name, "failed", source.size, message=str(error))
    except OSError as error:
        return FileResult(source.name, "failed", source.size, message=_os_message(error, source))
    finally:
        for piece in pieces:
            if piece.dest:
                try:
                    os.unlink(piece.dest)
                except FileNotFoundError:
                    pass


def _results(future: Future[list[FileResult]], tasks: list[Task]) -> list[FileResult]:
    try:
        return future.result()
    except BrokenProcessPool:
        message = "not cleaned: a worker process died (killed, or out of memory); the file is unchanged"
        return [FileResult(task.source.name, "failed", message=message) for task in tasks]


def read_stdin_bytes(stream: IO[str]) -> IO[bytes]:
    """The bytes behind a text stream (``sys.stdin``), or its text re-encoded (tests)."""
    buffer = getattr(stream, "buffer", None)
    return buffer if buffer is not None else io.BytesIO(stream.read().encode("utf-8"))
