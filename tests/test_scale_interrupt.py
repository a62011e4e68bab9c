"""Ctrl-C during ``arclean fix --scheduler local``: the run stops as the local engine's
does (exit code 130, the report of the files whose tasks came back, no traceback), every
output is absent or complete, no temporary file is left, no worker outlives arclean, and
``--resume`` finishes the run.  (Unlike the local engine's, a Dask task returns its files'
results only when its whole batch is done: the files of a batch stopped by Ctrl-C can be
written, complete, and not listed.)"""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

pytest.importorskip("distributed")

from .cli_helpers import fault, snapshot, tally, temporaries, wait_for  # noqa: E402
from .test_cli import big_corpus, children, reported, start_cli, wait_gone  # noqa: E402

FILES = 40


def written(folder: Path, new: bytes) -> set[str]:
    """The outputs under ``folder``, each checked to be complete and correct."""
    outputs = {name: data for name, data in snapshot(folder).items() if not name.endswith(".arclean-tmp")}
    assert all(data == new for data in outputs.values()), "an output is not the cleaned file"
    return set(outputs)


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize("how", ["sigint", "ctrl-c", "sigterm"])
def test_ctrl_c_stops_a_dask_run_and_resume_finishes_it(tmp_path: Path, how: str) -> None:
    """SIGINT to arclean alone, or to its process group (a terminal's Ctrl-C, which its
    Dask workers get too), or SIGTERM to arclean, while one file stalls mid-write (a test
    fault) and others are written."""
    old, new = big_corpus(tmp_path / "c", FILES, ".jsonl")
    stalls = tmp_path / "stalls"
    process = start_cli("fix", "c", "--out", "d", "--scheduler", "local", "--jobs", "2", cwd=tmp_path,
                        env=fault("stall", "000.jsonl", stalls), start_new_session=True)
    wait_for(lambda: tally(stalls), "000.jsonl to stall", timeout=300)
    wait_for(lambda: len(written(tmp_path / "d", new)) >= 3, "three files written", timeout=300)
    workers = children(process.pid)
    if how == "ctrl-c":
        os.killpg(process.pid, signal.SIGINT)
    else:
        os.kill(process.pid, signal.SIGINT if how == "sigint" else signal.SIGTERM)
    out, err = process.communicate(timeout=300)
    wait_gone(workers)
    done = written(tmp_path / "d", new)
    assert process.returncode == 130, err
    assert "interrupted" in err and "Traceback" not in err
    assert "000.jsonl" not in done and 3 <= len(done) < FILES
    assert reported(out) <= done
    assert f"interrupted: {len(reported(out))} files scanned, {len(reported(out))} changed" in out
    assert temporaries(tmp_path) == []
    assert all(data == old for data in snapshot(tmp_path / "c").values())  # the sources are untouched
    again = start_cli("fix", "c", "--out", "d", "--resume", "--scheduler", "local", "--jobs", "2", cwd=tmp_path)
    out, err = again.communicate(timeout=300)
    assert again.returncode == 1, err
    assert f"--resume: {len(done)} of {FILES} files are already cleaned under d" in err
    assert written(tmp_path / "d", new) == {f"{index:03d}.jsonl" for index in range(FILES)}
    assert temporaries(tmp_path) == []
