"""The local engine: :func:`clean_file` in a process pool.

Results come back in the order of the tasks; small files travel to the
workers in batches, big ``.jsonl`` files in shards.  A worker that dies fails
only the tasks it held; on Ctrl-C (KeyboardInterrupt, which the CLI also makes
of SIGTERM) every worker stops and the run's temporary files are removed.
"""

from __future__ import annotations

import os
import signal
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from functools import lru_cache
from typing import Callable, Iterator, Sequence

from ..config import Config
from ..pipeline import Pipeline
from .clean import clean_file
from .shards import SHARD_BYTES, join_shards, shard
from .task import FileResult, Task
from .writes import remove_temporaries

BATCH_BYTES, BATCH_FILES = 1_000_000, 64  # smaller files go to a worker in batches of this much


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


def _results(future: Future[list[FileResult]], tasks: list[Task]) -> list[FileResult]:
    try:
        return future.result()
    except BrokenProcessPool:
        message = "not cleaned: a worker process died (killed, or out of memory); the file is unchanged"
        return [FileResult(task.source.name, "failed", message=message) for task in tasks]
