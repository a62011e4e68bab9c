"""The worker processes of the local engine.

Each worker cleans one unit of tasks at a time and sends back each task's
result as soon as it is done, so the parent always knows which task a worker
is on.  A worker that dies (killed, out of memory) costs a retry, not the run:
the task it was on goes alone to a fresh worker, at most :data:`RETRIES` more
times (then it is a failed result); the tasks of its unit it had not started
go back in the queue; the other workers go on.  A worker holds Ctrl-C and
SIGTERM from the moment it replaces a file until it has sent the result, so
that when a run is stopped every file written has been reported.
"""

from __future__ import annotations

import multiprocessing
import signal
import time
from collections import Counter, deque
from multiprocessing.connection import Connection, wait
from typing import Sequence

from ..config import Config
from ..pipeline import pipeline_for
from . import faults
from .clean import clean_file
from .task import FileResult, Task
from .writes import hold_signals_once_written

RETRIES = 2  # times a task is given to a fresh worker after its worker died on it
PAUSE = 0.005  # seconds at least between two collections of results: many small files wake the parent less
DIED = "not cleaned: a worker process died cleaning it, {times} times (killed, or out of memory); the file is unchanged"

Key = tuple[int, int]  # the task's index and its shard
Unit = list[tuple[Key, Task]]


class Pool:
    """``jobs`` worker processes (started as work comes) and a queue of units."""

    def __init__(self, jobs: int, configs: Sequence[Config]) -> None:
        self.jobs, self.configs = jobs, tuple(configs)
        self.queue: deque[Unit] = deque()
        self.workers: list[_Worker] = []
        self.deaths: Counter[Key] = Counter()  # the tasks workers died on
        self.given_up: list[tuple[Key, FileResult]] = []
        self.woken: set[object] = set()  # the pipes and process sentinels the last wait() saw ready
        self.woke_at = 0.0

    @property
    def busy(self) -> bool:
        return bool(self.queue or self.given_up) or any(worker.unit for worker in self.workers)

    def wait(self) -> None:
        """Hand units to idle workers, then wait until a worker sends a result or dies."""
        for worker in self.workers:
            if not worker.unit and self.queue:
                worker.give(self.queue.popleft())
        while self.queue and len(self.workers) < self.jobs:
            self.workers.append(_Worker(self.configs))
            self.workers[-1].give(self.queue.popleft())
        busy = [worker for worker in self.workers if worker.unit]
        if busy and not self.given_up:
            time.sleep(max(0.0, self.woke_at + PAUSE - time.monotonic()))  # results wait in the pipes meanwhile
            self.woken = set(wait([worker.conn for worker in busy] + [worker.process.sentinel for worker in busy]))
            self.woke_at = time.monotonic()

    def receive(self) -> list[tuple[Key, FileResult]]:
        """Every result sent so far (without blocking); a worker that died is
        replaced, and the task it was on retried or given up."""
        received, self.given_up = self.given_up, []
        for worker in list(self.workers):
            if worker.conn in self.woken or worker.process.sentinel in self.woken or not worker.unit:
                received.extend(worker.drain())
                if worker.process.exitcode is not None:
                    self._bury(worker)
        self.woken = set()
        return received

    def stop(self) -> list[tuple[Key, FileResult]]:
        """Stop every worker now (one stopped mid-file leaves its temporary
        file, for the caller to remove); returns the results they had sent."""
        for worker in self.workers:
            worker.process.terminate()
        received, self.given_up = self.given_up, []
        for worker in self.workers:
            while worker.process.exitcode is None:
                wait([worker.conn, worker.process.sentinel])
                received.extend(worker.drain())  # a result sent just before the end
            received.extend(worker.drain())
            worker.close()
        self.workers, self.queue = [], deque()
        return received

    def _bury(self, worker: _Worker) -> None:
        worker.close()
        self.workers.remove(worker)
        if not worker.unit:
            return
        (key, task), rest = worker.unit[0], worker.unit[1:]
        if rest:
            self.queue.appendleft(rest)
        self.deaths[key] += 1
        if self.deaths[key] > RETRIES:
            message = DIED.format(times=self.deaths[key])
            self.given_up.append((key, FileResult(task.source.name, "failed", task.source.size, message=message)))
        else:
            self.queue.appendleft([(key, task)])  # alone: if it kills this worker too, it takes no other file


class _Worker:
    def __init__(self, configs: tuple[Config, ...]) -> None:
        self.conn, child = multiprocessing.Pipe()
        self.process = multiprocessing.Process(target=_serve, args=(child, configs), daemon=True)
        self.process.start()
        child.close()
        self.unit: Unit = []  # what it holds; the first is the task it is on

    def give(self, unit: Unit) -> None:
        self.unit = unit
        try:
            self.conn.send([(key, task) for key, task in unit])
        except OSError:  # it died already: receive() buries it and hands the unit on
            pass

    def drain(self) -> list[tuple[Key, FileResult]]:
        received = []
        try:
            while self.unit and self.conn.poll():
                key, result = self.conn.recv()
                received.append((key, result))
                self.unit = self.unit[1:]
        except (EOFError, OSError):  # it died (mid-message: that result never came)
            pass
        return received

    def close(self) -> None:
        self.process.join()
        self.conn.close()


def _serve(conn: Connection, configs: tuple[Config, ...]) -> None:
    """A worker: clean the units it is given, sending each result as soon as it is ready."""
    _start_worker()
    while True:
        try:
            unit = conn.recv()
        except EOFError:
            return
        for key, task in unit:
            with hold_signals_once_written():  # a SIGTERM after the rename ends the worker once the result is sent
                result = clean_file(task, pipeline_for(configs[task.config]))
                conn.send((key, result))


def _start_worker() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # stop() and the parent's death end a worker at once
    if hasattr(signal, "pthread_sigmask"):  # a fork keeps the parent's mask, held or not
        signal.pthread_sigmask(signal.SIG_UNBLOCK, (signal.SIGINT, signal.SIGTERM))
    _die_with_parent()
    faults.in_worker()


def _die_with_parent() -> None:
    """On Linux, ask for SIGTERM when the parent dies (even by SIGKILL), so that
    no worker is left waiting forever; its temporary file stays, the original too."""
    try:
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: workers end when their pipe closes
        pass
