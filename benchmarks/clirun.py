"""Run the ``arclean`` command on a corpus and measure its wall time and peak memory.

Peak RSS comes from two sources:

- ``os.wait4`` on the CLI process: the kernel's high-water mark (``ru_maxrss``) of the
  largest single process in the tree (the CLI or one of its workers);
- a sampler (psutil, every 20 ms) that sums the RSS of the CLI and all its children:
  what ``--jobs N`` costs in total.  It can miss a peak shorter than 20 ms.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import NamedTuple


class CliRun(NamedTuple):
    seconds: float  # wall clock
    cpu_seconds: float  # user + system, the CLI and all its workers
    returncode: int
    max_rss_mb: float  # largest single process, from the kernel
    tree_rss_mb: float | None  # all processes together, sampled; None without psutil
    stderr: str


def command() -> list[str]:
    """The installed ``arclean`` script beside this Python, else ``python -c`` on the entry point."""
    script = Path(sys.executable).with_name("arclean")
    if script.exists():
        return [str(script)]
    found = shutil.which("arclean")
    if found:
        return [found]
    return [sys.executable, "-c", "import sys; from arclean.cli import main; sys.exit(main())"]


_QUIET: list[str] = []  # flags that keep reporting out of the measurement, when the CLI has them


def fix_support() -> tuple[bool, str]:
    """Whether ``arclean fix PATH --out DIR --jobs N --field FIELD`` exists; the reason if not."""
    try:
        done = subprocess.run([*command(), "fix", "--help"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as error:
        return False, f"arclean fix --help failed: {error}"
    text = done.stdout + done.stderr
    if done.returncode != 0:
        return False, "no 'arclean fix' command"
    missing = [flag for flag in ("--out", "--jobs", "--field") if flag not in text]
    if missing:
        return False, f"'arclean fix' has no {', '.join(missing)}"
    _QUIET[:] = [flag for flag in ("--quiet", "--no-progress") if flag in text]
    return True, ""


def fix_command(path: Path, out: Path, jobs: int, field: str = "text") -> list[str]:
    return [*command(), "fix", str(path), "--out", str(out), "--jobs", str(jobs), "--field", field, *_QUIET]


def _tree_rss(pid: int) -> int:
    import psutil

    try:
        parent = psutil.Process(pid)
        procs = [parent, *parent.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for proc in procs:
        try:
            total += proc.memory_info().rss
        except psutil.Error:
            pass
    return total


def run(argv: list[str]) -> CliRun:
    """Run a command to completion; time it and record its peak memory."""
    try:
        import psutil  # noqa: F401

        sampling = True
    except ImportError:
        sampling = False
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=errors)
        peak = [0]
        done = threading.Event()

        def sample() -> None:
            while not done.is_set():
                peak[0] = max(peak[0], _tree_rss(proc.pid))
                done.wait(0.02)

        sampler = threading.Thread(target=sample, daemon=True)
        if sampling:
            sampler.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        except BaseException:  # interrupted: do not leave the CLI running
            proc.kill()
            proc.wait()
            raise
        seconds = time.perf_counter() - start
        done.set()
        if sampling:
            sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        stderr = errors.read().decode("utf-8", "replace")
    cpu = usage.ru_utime + usage.ru_stime
    return CliRun(seconds, cpu, proc.returncode, usage.ru_maxrss / 1024, peak[0] / 2**20 if sampling else None, stderr)
