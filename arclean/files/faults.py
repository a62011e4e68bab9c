"""Faults on purpose, for the test suite only: nothing happens unless the
environment variable ``ARCLEAN_TEST_FAULT`` is set, and then only in worker
processes of the local engine or tasks of the Dask engine (never in the
process a user runs).

``ARCLEAN_TEST_FAULT=ACTION:TIMES:TALLY:NAME`` makes a worker that starts
writing a file called ``NAME`` (its temporary file created, empty) do
``ACTION``, the first ``TIMES`` times; each time adds a line with the worker's
process id to the file ``TALLY``, which the test reads:

- ``kill``: the worker ends itself with SIGKILL (as the kernel's out-of-memory killer would);
- ``stall``: the worker waits for a signal forever (a slow file, a point to interrupt a run at).
"""

from __future__ import annotations

import os
import signal

ENV = "ARCLEAN_TEST_FAULT"
_SPEC: str | None = None  # set by tests in-process (forked workers inherit it); None: read ENV at each write
_in_worker = False


def in_worker() -> None:
    """Called once in each worker process: faults apply there only."""
    global _in_worker
    _in_worker = True


def writing(path: str) -> None:
    """A worker started writing ``path``: do the fault asked for, if any."""
    if not _in_worker:
        return
    spec = os.environ.get(ENV, "") if _SPEC is None else _SPEC  # read each time: a Dask worker's is set after it starts
    if not spec:
        return
    action, times, tally, name = spec.split(":", 3)
    if os.path.basename(path) != name:
        return
    with open(tally, "a+", encoding="utf-8") as handle:
        handle.seek(0)
        if len(handle.read().splitlines()) >= int(times):
            return
        handle.write(f"{os.getpid()}\n")
    if action == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    while action == "stall":
        signal.pause()
