"""What a run cleans and what comes of it: small frozen values that pickle.

A :class:`Task` names a :class:`Source` and what to do with it; cleaning it
gives a :class:`FileResult`.  Any engine (the local process pool, a future
Dask one) sends tasks to workers and results back, so nothing here holds an
open file or a pipeline: ``Task.config`` is an index into the configs that
:func:`plan` returns with the tasks.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Mapping, Sequence

from ..config import Config
from .settings import Settings
from .writes import new_token


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
    source_field: str | None = None  # the JSONL field whose URL's host is a record's source (arclean.sources)


@dataclass(frozen=True)
class FileChange:
    """A change in a file: the file's line (for JSONL, the record's line and
    ``field_line``, the line inside the cleaned field), and for a line a line
    rule dropped, the evidence it was judged by (``why``)."""

    code: str
    line: int
    before: str
    after: str
    field_line: int | None = None
    why: str = ""


@dataclass(frozen=True)
class FileResult:
    """What cleaning one file found and did.  ``status`` is ``"unchanged"``,
    ``"changed"``, ``"skipped"`` (binary: a note) or ``"failed"`` (exit code 2);
    or ``"missing"`` for a path named that does not exist (exit code 2, not a file)."""

    name: str
    status: str
    size: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    changes: tuple[FileChange, ...] = ()
    diff: str = ""
    message: str = ""
    encoding: str = "utf-8"


def add_counts(total: dict[str, int], counts: Mapping[str, int]) -> None:
    """Add each rule's count of changes to ``total`` (a file's documents, a file's shards).

    >>> total = {"B101": 1}
    >>> add_counts(total, {"B101": 2, "W103": 1}); total
    {'B101': 3, 'W103': 1}
    """
    for code, count in counts.items():
        total[code] = total.get(code, 0) + count


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
    token = new_token()
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
            Task(source, configs.index(config), dest, diff, detail, settings.json_field, settings.encoding, token,
                 source_field=settings.source_field)
        )
    return tasks, configs or [settings.config]
