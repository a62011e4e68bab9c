"""The Dask engine: the same :func:`~arclean.files.clean_file` on the workers of
a ``dask.distributed`` cluster.

:class:`ClusterPool` has the methods of the local :class:`~arclean.files.pool.Pool`,
so :func:`~arclean.files.engine.run_in` drives it the same way: the same units
(small files in batches, big ``.jsonl``/``.parquet`` files in shards, biggest
first), results in task order, shards joined by the process that runs arclean,
its temporary files removed at the end.  Each unit is one Dask task; a worker
that dies on it (killed, out of memory) costs a retry on another worker, up to
the scheduler's ``distributed.scheduler.allowed-failures``; then each file of a
batch is tried alone, and a file that still kills its workers is a failed
result, left as it was, for a rerun (``--resume``) to clean.

The files must be visible to the workers at the same paths as to the process
that runs arclean (one machine, or a shared filesystem), or be fsspec URLs
(:mod:`~arclean.files.urls`).  On Ctrl-C the running tasks are cancelled and stop
before their next file (:func:`clean_unit`).  Dask is an optional
extra (``pip install "arclean[dask]"``), imported only here.
"""

from __future__ import annotations

import logging
import os
from collections import Counter, deque
from contextlib import contextmanager
from dataclasses import replace
from typing import Any, Callable, Iterator, Sequence

from ..config import Config
from ..errors import ArcleanError
from . import faults
from .clean import clean_file
from .engine import pipeline_for, run_in
from .pool import Key, Unit
from .shards import SHARD_BYTES
from .task import FileResult, Task
from .urls import is_url
from .writes import remove_temporaries

EXTRA = 'pip install "arclean[dask]"'
KILLED = ("not cleaned: the Dask workers cleaning it died ({error}); the file is left unchanged; "
          "run again with --resume to clean what is left")


def require_distributed() -> Any:
    """The ``distributed`` module, or an :class:`ArcleanError` naming the extra to install."""
    try:
        import distributed
    except ImportError:
        raise ArcleanError(f"--scheduler needs Dask's distributed scheduler, which is not installed: {EXTRA}") from None
    return distributed


@contextmanager
def connect(address: str, workers: int) -> Iterator[Any]:
    """A ``distributed.Client``: of the scheduler at ``address`` (``tcp://HOST:PORT``),
    or, for ``"local"``, of a new ``LocalCluster`` of ``workers`` processes on
    127.0.0.1 (one thread each; the scheduler's HTTP server, which serves no
    dashboard unless bokeh is installed, on a free port), closed at the end."""
    distributed = require_distributed()
    if address == "local":
        # Its HTTP server on a free local port.  Its processes log only what is critical: arclean
        # reports each file a worker failed or died on itself, and what the workers log as the
        # cluster shuts down (a heartbeat to a scheduler already closed, after Ctrl-C on a busy
        # machine: an ERROR and a traceback) is no news to the user.
        cluster = distributed.LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
            dashboard_address="127.0.0.1:0", silence_logs=logging.CRITICAL,
        )
        with cluster, distributed.Client(cluster) as client:
            client.register_plugin(_leave_ctrl_c_to_arclean(distributed), name="arclean-ctrl-c")
            yield client
        return
    try:
        client = distributed.Client(address)  # waits distributed.comm.timeouts.connect (30 s; DASK_ environment)
    except OSError as error:
        raise ArcleanError(f"--scheduler {address}: cannot reach the Dask scheduler ({error})") from None
    with client:
        yield client


def run_on_cluster(
    address: str,
    workers: int,
    tasks: Sequence[Task],
    configs: Sequence[Config],
    on_result: Callable[[FileResult], None] | None = None,
    shard_bytes: int = SHARD_BYTES,
) -> Iterator[FileResult]:
    """:func:`~arclean.files.run` on a Dask cluster (see :func:`connect`): the same
    results, in task order; the cluster is left (or, ``"local"``, closed) at the end."""
    if not tasks:
        return
    tasks = [_absolute(task) for task in tasks]  # the workers' current folder is not ours
    try:
        with connect(address, workers) as client:
            yield from run_in(ClusterPool(client, configs), tasks, on_result, shard_bytes)
    finally:
        # Stopped (Ctrl-C, an error): a task cancelled mid-file may have written a
        # temporary file after run_in removed them; a LocalCluster's workers are gone now.
        remove_temporaries([os.path.dirname(task.dest) for task in tasks if task.dest], tasks[0].token)


def _absolute(task: Task) -> Task:
    source = replace(task.source, path=_absolute_path(task.source.path))
    return replace(task, source=source, dest=_absolute_path(task.dest) if task.dest else None)


def _absolute_path(path: str) -> str:
    return path if is_url(path) else os.path.abspath(path)  # a URL means the same on every worker


def clean_unit(unit: Unit, configs: Sequence[Config]) -> list[tuple[Key, FileResult]]:
    """What a Dask task does on a worker: clean each file of the unit, unless the
    task is cancelled (Ctrl-C): then it stops before the next file (the scheduler
    drops a cancelled task's result; the worker thread would run on otherwise)."""
    faults.in_worker()
    results: list[tuple[Key, FileResult]] = []
    for key, task in unit:
        if results and _cancelled():
            break
        results.append((key, clean_file(task, pipeline_for(configs[task.config]))))
    return results


def _cancelled() -> bool:
    """Has the scheduler cancelled the task this worker thread runs?  Read from the
    worker's own state (no round trip); ``False`` whenever that cannot be told."""
    try:
        from dask.context import thread_state
        from distributed import get_worker

        state = get_worker().state.tasks.get(thread_state.key)
    except (ImportError, AttributeError, ValueError):
        return False
    return state is not None and state.state == "cancelled"


def _leave_ctrl_c_to_arclean(distributed: Any) -> Any:
    """A worker plugin: a LocalCluster's worker processes ignore SIGINT (a terminal's
    Ctrl-C reaches the whole process group), as the local engine's workers do; arclean
    handles it, and closes the cluster."""

    class IgnoreCtrlC(distributed.WorkerPlugin):  # type: ignore[misc]
        def setup(self, worker: Any) -> None:
            import signal

            try:
                signal.signal(signal.SIGINT, signal.SIG_IGN)
            except ValueError:  # not the process's main thread: leave it
                pass

    return IgnoreCtrlC()


class ClusterPool:
    """Units of tasks as Dask futures, with the local pool's methods (see :mod:`~arclean.files.engine`)."""

    def __init__(self, client: Any, configs: Sequence[Config]) -> None:
        self.client = client
        self.configs = tuple(configs)  # sent with each unit (a scattered copy is lost with a killed worker)
        self.queue: deque[Unit] = deque()
        self.running: dict[Any, Unit] = {}
        self.done: list[Any] = []
        # A worker may die on any task and be retried elsewhere, leaving a
        # temporary file; the run looks for them beside every output.
        self.deaths: Counter[Key] = Counter()

    @property
    def busy(self) -> bool:
        return bool(self.queue or self.running or self.done)

    def wait(self) -> None:
        """Submit the queued units, then wait until one finishes."""
        distributed = require_distributed()
        while self.queue:
            unit = self.queue.popleft()
            self.deaths.update(key for key, _ in unit)
            future = self.client.submit(clean_unit, unit, self.configs, pure=False)
            self.running[future] = unit
        if self.running and not self.done:
            try:
                finished, _ = distributed.wait(list(self.running), return_when="FIRST_COMPLETED")
            except distributed.client.FuturesCancelledError:  # the scheduler dropped one: a failed result
                finished = [future for future in self.running if future.status != "pending"]
            self.done.extend(finished)

    def receive(self) -> list[tuple[Key, FileResult]]:
        received: list[tuple[Key, FileResult]] = []
        for future in self.done:
            unit = self.running.pop(future)
            if future.status == "finished":
                results = future.result()
                received.extend(results)
                if len(results) < len(unit):  # stopped early, as only a cancelled task should: the rest again
                    self.queue.extend([item] for item in unit[len(results):])
                continue
            error = future.exception() if future.status == "error" else future.status
            # Given up on here: the scheduler must not run it again (a "lost" task is
            # recomputed unless cancelled, and would write a temporary file after the run).
            self.client.cancel([future])
            if _killed(error) and len(unit) > 1:
                self.queue.extend([item] for item in unit)  # each file alone: only the one that kills workers fails
                continue
            reason = f"{type(error).__name__}: {error}" if isinstance(error, BaseException) else f"the task was {error}"
            if _killed(error):
                message = KILLED.format(error=reason)
            else:
                message = f"not cleaned: {reason}; the file is left unchanged"
            received.extend((key, FileResult(task.source.name, "failed", task.source.size, message=message))
                            for key, task in unit)
        self.done = []
        return received

    def stop(self) -> list[tuple[Key, FileResult]]:
        """Cancel what has not finished; the results of the units that have."""
        finished = [future for future in self.running if future.status != "pending"]
        self.client.cancel([future for future in self.running if future.status == "pending"])
        self.done = finished
        received = self.receive()
        self.running, self.queue = {}, deque()
        return received


def _killed(error: object) -> bool:
    return type(error).__name__ == "KilledWorker" or error == "lost"
