"""The local engine: :func:`clean_file` in worker processes.

Results come back in the order of the tasks; small files travel to the
workers in batches, big ``.jsonl`` and ``.parquet`` files in shards.  A worker that dies costs
a retry of the file it was on (:mod:`~arclean.files.pool`).  On Ctrl-C
(KeyboardInterrupt, which the CLI also makes of SIGTERM) the workers stop,
every file already written is still yielded, the run's temporary files are
removed, and KeyboardInterrupt goes on up.
"""

from __future__ import annotations

import os
from typing import Any, Callable, Iterator, Sequence

from ..config import Config
from ..pipeline import pipeline_for
from .clean import clean_file
from .pool import Key, Pool
from .shards import SHARD_BYTES, join_shards, shard
from .task import FileResult, Task
from .writes import hold_signals, hold_signals_once_written, remove_temporaries

__all__ = ["BATCH_BYTES", "BATCH_FILES", "pipeline_for", "run", "run_in"]

BATCH_BYTES, BATCH_FILES = 1_000_000, 64  # smaller files go to a worker in batches of this much


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
    finish alone at the end.  Ctrl-C and SIGTERM wait while the caller handles
    a result; when they stop the run, the results of the files already
    written are yielded (in task order) before KeyboardInterrupt goes on up.
    """
    if not tasks or jobs <= 1 or (len(tasks) == 1 and tasks[0].source.size < 2 * shard_bytes):
        for task in tasks:
            with hold_signals_once_written():
                result = clean_file(task, pipeline_for(configs[task.config]))
                if on_result:
                    on_result(result)
                yield result
        return
    yield from run_in(Pool(jobs, configs), tasks, on_result, shard_bytes)


def run_in(
    pool: Any,
    tasks: Sequence[Task],
    on_result: Callable[[FileResult], None] | None = None,
    shard_bytes: int = SHARD_BYTES,
) -> Iterator[FileResult]:
    """Clean every task in ``pool`` (the local :class:`~arclean.files.pool.Pool`, or
    another engine's with the same methods: ``queue``, ``busy``, ``wait()``,
    ``receive()``, ``stop()``, ``deaths``); results come in task order."""
    if not tasks:
        return
    yield from _Run(tasks, shard_bytes, on_result).results(pool)


class _Run:
    """The state of a run in the pool: shards cleaned, files ready, the next to yield."""

    def __init__(self, tasks: Sequence[Task], shard_bytes: int, on_result: Callable[[FileResult], None] | None) -> None:
        self.tasks, self.on_result = tasks, on_result
        self.shards = {index: shard(task, shard_bytes) for index, task in enumerate(tasks)}
        self.parts: dict[int, list[FileResult | None]] = {i: [None] * len(pieces) for i, pieces in self.shards.items()}
        self.joins: dict[int, list[FileResult]] = {}  # files whose shards are all cleaned, to join
        self.ready: dict[int, FileResult] = {}
        self.settled: set[int] = set()  # finished well: no temporary file of theirs can be left

    def results(self, pool: Any) -> Iterator[FileResult]:
        pool.queue.extend([[(key, self.shards[key[0]][key[1]]) for key in unit] for unit in self._units()])
        following = 0
        try:
            try:
                while pool.busy:
                    pool.wait()
                    with hold_signals():
                        self._record(pool.receive())
                    self._join()
                    while following in self.ready:
                        with hold_signals():
                            yield self.ready.pop(following)
                            following += 1
            except KeyboardInterrupt:
                received = pool.stop()
                with hold_signals():
                    self._record(received)
                for index in sorted(self.ready):
                    with hold_signals():
                        yield self.ready.pop(index)
                raise
        finally:
            pool.stop()
            unsettled = set(range(len(self.tasks))) - self.settled
            touched = unsettled | {index for index, _ in pool.deaths}  # a worker that died may have left one
            dests = [self.tasks[index].dest for index in touched]
            folders = [os.path.dirname(dest) for dest in dests if dest]
            remove_temporaries(folders, self.tasks[0].token)

    def _record(self, received: list[tuple[Key, FileResult]]) -> None:
        for (index, part), result in received:
            self.parts[index][part] = result
            if self.on_result:
                self.on_result(result)
            if all(self.parts[index]):
                finished = [result for result in self.parts.pop(index) if result]
                if len(finished) == 1:
                    self._ready(index, finished[0])
                else:
                    self.joins[index] = finished

    def _join(self) -> None:
        """Files cleaned in shards whose shards are all done become one file (Ctrl-C stops a join before its rename)."""
        for index in sorted(self.joins):
            with hold_signals_once_written():
                self._ready(index, join_shards(self.tasks[index], self.shards[index], self.joins[index]))
                del self.joins[index]

    def _ready(self, index: int, result: FileResult) -> None:
        self.ready[index] = result
        if result.status != "failed":
            self.settled.add(index)

    def _units(self) -> list[list[Key]]:
        """What each worker call cleans, as ``(task, shard)`` pairs, biggest first: a
        shard or a big file alone, small files in batches (one round trip for many)."""
        units: list[list[Key]] = []
        batch: list[Key] = []
        batch_bytes = 0
        for index in sorted(range(len(self.tasks)), key=lambda i: -self.tasks[i].source.size):
            size = self.tasks[index].source.size
            if len(self.shards[index]) > 1 or size >= BATCH_BYTES:
                units.extend([(index, part)] for part in range(len(self.shards[index])))
                continue
            batch.append((index, 0))
            batch_bytes += size
            if len(batch) == BATCH_FILES or batch_bytes >= BATCH_BYTES:
                units.append(batch)
                batch, batch_bytes = [], 0
        return units + [batch] if batch else units
