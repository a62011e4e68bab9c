"""fsspec URLs as SRC and DST: ``memory://`` in one process (the local engine with
--jobs 1, and the Dask engine on a threaded cluster), ``file://`` on a real 2-worker
LocalCluster on 127.0.0.1; every output byte for byte what a run on local paths writes."""

from __future__ import annotations

import io
import json
import os
import re
from pathlib import Path
from typing import Any, Iterator

import pytest

fsspec = pytest.importorskip("fsspec")
distributed = pytest.importorskip("distributed")
pytest.importorskip("pyarrow")

from arclean.cli import main  # noqa: E402
from arclean.files import discover, faults, plan, run  # noqa: E402
from arclean.files.cluster import run_on_cluster  # noqa: E402
from arclean.files.settings import Settings  # noqa: E402
from arclean.files.urls import is_url  # noqa: E402

from .cli_helpers import SHORT_DIRTY, fault, snapshot, tally, temporaries  # noqa: E402
from .test_scale import make_tree, set_worker_environment  # noqa: E402

TIMING = re.compile(r"\(\d+\.\d MB in \d+\.\d s, \d+\.\d MB/s\)")


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdin=io.StringIO(""), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def memory() -> Iterator[Any]:
    """The process's memory filesystem, empty before and after the test."""
    fs = fsspec.filesystem("memory")
    fs.store.clear()
    fs.pseudo_dirs[:] = [""]
    yield fs
    fs.store.clear()
    fs.pseudo_dirs[:] = [""]


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """raw/ (every kind of file) and local/, what the local engine makes of it from local paths."""
    monkeypatch.chdir(tmp_path)
    make_tree(tmp_path / "raw")
    assert cli("fix", "raw", "--out", "local", "--jobs", "1")[0] == 1
    return tmp_path


def upload(fs: Any, folder: Path, url: str) -> None:
    for relpath, data in snapshot(folder).items():
        fs.pipe(f"{url}/{relpath}", data)


def memory_snapshot(fs: Any, url: str) -> dict[str, bytes]:
    root = fs._strip_protocol(url)
    return {path[len(root) + 1:]: fs.cat(path) for path in fs.find(root)}


def same_report(out: str, url: str, local_out: str, local: str) -> bool:
    return TIMING.sub("", out).replace(url, "X") == TIMING.sub("", local_out).replace(local, "X")


def test_memory_urls_on_the_local_engine_write_the_local_bytes(tree: Path, memory: Any) -> None:
    upload(memory, tree / "raw", "memory://raw")
    local_code, local_out, _ = cli("fix", "raw", "--out", "again", "--jobs", "1")
    code, out, err = cli("fix", "memory://raw", "--out", "memory://out", "--jobs", "2")  # one process: memory is per process
    assert (code, err) == (local_code, "") and "memory://raw/parquet/part-0.parquet: " in out
    assert out.replace("memory://raw", "raw").replace("memory://out", "again").split("(")[0] == local_out.split("(")[0]
    assert memory_snapshot(memory, "memory://out") == snapshot(tree / "local")
    assert not [path for path in memory.find("/") if path.endswith(".arclean-tmp")]


def test_check_on_memory_urls_reports_as_on_local_paths(tree: Path, memory: Any) -> None:
    upload(memory, tree / "raw", "memory://raw")
    local = cli("check", "raw", "--output-format", "json", "-v")
    remote = cli("check", "memory://raw", "--output-format", "json", "-v")
    assert remote[0] == local[0] == 1
    files = [json.loads(out)["files"] for _, out, _ in (local, remote)]
    assert json.dumps(files[1]).replace("memory://raw", "raw") == json.dumps(files[0])
    assert memory_snapshot(memory, "memory://raw") == snapshot(tree / "raw")  # check writes nothing


def test_fix_in_place_on_a_memory_url(tree: Path, memory: Any) -> None:
    upload(memory, tree / "raw", "memory://raw")
    assert cli("fix", "memory://raw")[0] == 1
    assert memory_snapshot(memory, "memory://raw") == {**snapshot(tree / "local"), "notes.py": b"# not a corpus file\nx  =  1\n"}
    stamps = {path: memory.modified(path) for path in memory.find("/raw")}
    assert cli("fix", "memory://raw")[0] == 0
    assert {path: memory.modified(path) for path in memory.find("/raw")} == stamps  # nothing rewritten


def test_resume_on_urls_skips_the_copies_newer_than_their_sources(tree: Path, memory: Any) -> None:
    upload(memory, tree / "raw", "memory://raw")
    assert cli("fix", "memory://raw", "--out", "memory://out")[0] == 1
    memory.rm("/out/pages/003.txt")
    memory.pipe("/out/pages/.004.txt.abcd1234.0123456789ab-999999999.arclean-tmp", b"half")  # a dead run's
    code, out, err = cli("fix", "memory://raw", "--out", "memory://out", "--resume")
    assert code == 1 and out.startswith("memory://raw/pages/003.txt: ")
    assert "--resume: 13 of 14 files are already cleaned under memory://out" in err
    assert "removed memory://out/pages/.004.txt.abcd1234.0123456789ab-999999999.arclean-tmp" in err
    assert memory_snapshot(memory, "memory://out") == snapshot(tree / "local")
    memory.pipe("/raw/pages/001.txt", (tree / "raw" / "pages" / "001.txt").read_bytes())  # a source changed since
    code, out, _ = cli("fix", "memory://raw", "--out", "memory://out", "--resume")
    assert code == 1 and out.splitlines()[0].startswith("memory://raw/pages/001.txt: ")


def test_local_source_to_a_url_and_back(tree: Path, memory: Any) -> None:
    assert cli("fix", "raw", "--out", "memory://out")[0] == 1
    assert memory_snapshot(memory, "memory://out") == snapshot(tree / "local")
    upload(memory, tree / "raw", "memory://raw")
    assert cli("fix", "memory://raw", "--out", "back")[0] == 1
    assert snapshot(tree / "back") == snapshot(tree / "local") and temporaries(tree) == []


def test_url_errors_are_clear(tree: Path, memory: Any) -> None:
    code, _, err = cli("fix", "memory://raw", "--out", "memory://out", "--scheduler", "local")
    assert code == 2 and "a memory:// filesystem lives in one process" in err
    code, _, err = cli("check", "nosuch://bucket/raw")
    assert code == 2 and "nosuch://bucket/raw: Protocol not known: nosuch" in err
    code, out, err = cli("check", "memory://missing")
    assert code == 2 and "memory://missing: path not found" in out + err
    code, _, err = cli("check", "memory://raw", "raw")
    assert code == 2 and "give either local paths or URLs, not both" in err


def test_memory_urls_on_a_threaded_dask_cluster(tree: Path, memory: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers in this process (threads) see the memory filesystem: the Dask engine's tasks
    read and write through fsspec and give the local engine's bytes and results."""
    monkeypatch.setattr(faults, "_in_worker", False)  # restored after: the tasks run in this process
    upload(memory, tree / "raw", "memory://raw")
    settings = Settings()
    results = {}
    for root, out in (("raw", "plain"), ("memory://raw", "memory://dask")):
        sources, problems = discover([root], settings)
        assert problems == [] and len(sources) == 14 and all(is_url(s.path) == (root != "raw") for s in sources)
        tasks, configs = plan(sources, settings, action="fix", out_dir=out, detail=True)
        if root == "raw":
            results[root] = list(run(tasks, configs, 1))
        else:
            with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                          dashboard_address=None) as cluster:
                results[root] = list(run_on_cluster(cluster.scheduler_address, 2, tasks, configs))
    assert [r.counts for r in results["memory://raw"]] == [r.counts for r in results["raw"]]
    assert [r.changes for r in results["memory://raw"]] == [r.changes for r in results["raw"]]
    assert memory_snapshot(memory, "memory://dask") == snapshot(tree / "local")


# --- file:// on a real LocalCluster ---------------------------------------------------------------


def test_file_urls_on_the_cluster_write_the_local_bytes(tree: Path, cluster: distributed.LocalCluster) -> None:
    local_code, local_out, _ = cli("fix", "raw", "--out", "again", "--jobs", "1")
    raw, out = (tree / "raw").as_uri(), (tree / "dask").as_uri()
    code, report, err = cli("fix", raw, "--out", out, "--scheduler", cluster.scheduler_address)
    assert (code, err) == (local_code, "")
    assert report.replace(raw, "raw").replace(out, "again").split("(")[0] == local_out.split("(")[0]
    assert snapshot(tree / "dask") == snapshot(tree / "local") and temporaries(tree) == []
    stamps = {name: os.stat(tree / "dask" / name).st_mtime_ns for name in snapshot(tree / "dask")}
    code, report, err = cli("fix", raw, "--out", out, "--resume", "--scheduler", cluster.scheduler_address)
    assert code == 0 and "--resume: 14 of 14 files are already cleaned" in err
    assert {name: os.stat(tree / "dask" / name).st_mtime_ns for name in snapshot(tree / "dask")} == stamps


def test_a_worker_killed_writing_a_file_url_is_retried(tree: Path, cluster: distributed.LocalCluster) -> None:
    count = tree / "tally"
    with distributed.Client(cluster) as client:
        client.wait_for_workers(2, timeout=300)
        set_worker_environment(client, fault("kill", "003.txt", count, times=1))
        try:
            code, _, err = cli("fix", (tree / "raw").as_uri(), "--out", (tree / "dask").as_uri(),
                               "--scheduler", cluster.scheduler_address)
        finally:
            set_worker_environment(client, {"ARCLEAN_TEST_FAULT": None})
        client.wait_for_workers(2, timeout=300)
    assert len(tally(count)) == 1 and code == 1 and "error" not in err
    assert snapshot(tree / "dask") == snapshot(tree / "local") and temporaries(tree) == []


def test_a_file_url_fixed_in_place_on_the_cluster(tree: Path, cluster: distributed.LocalCluster) -> None:
    (tree / "one").mkdir()
    (tree / "one" / "a.txt").write_text(SHORT_DIRTY, encoding="utf-8")
    code, _, err = cli("fix", (tree / "one").as_uri(), "--scheduler", cluster.scheduler_address)
    assert (code, err) == (1, "")
    assert (tree / "one" / "a.txt").read_text(encoding="utf-8") == "في ديسمبر 2018\n" and temporaries(tree) == []


def test_resume_where_the_filesystem_gives_no_modified_times(tree: Path, memory: Any,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    upload(memory, tree / "raw", "memory://raw")
    assert cli("fix", "memory://raw", "--out", "memory://out")[0] == 1

    def no_times(self: object, path: str) -> object:
        raise NotImplementedError

    monkeypatch.setattr(type(memory), "modified", no_times)
    memory.rm("/out/pages/003.txt")
    code, out, err = cli("fix", "memory://raw", "--out", "memory://out", "--resume")
    assert code == 1 and out.startswith("memory://raw/pages/003.txt: ")
    assert "--resume: 13 of 14 files are already cleaned" in err
    assert "--resume: the filesystem gives no modified times for 13 of them: a copy that is there counts as done" in err
    assert memory_snapshot(memory, "memory://out") == snapshot(tree / "local")


def test_a_store_whose_package_is_missing_is_a_clear_error(tree: Path) -> None:
    import importlib.util

    if importlib.util.find_spec("s3fs") is not None:
        pytest.skip("s3fs is installed")
    code, out, err = cli("check", "s3://bucket/raw")
    assert (code, out) == (2, "") and err == "arclean: error: s3://bucket/raw: Install s3fs to access S3\n"


def test_a_run_on_local_paths_imports_no_fsspec(tree: Path) -> None:
    import subprocess
    import sys

    code = ("import sys; from arclean.cli import main; main(['fix', 'raw', '--out', 'again', '--jobs', '1', '-q']); "
            "print('fsspec' in sys.modules)")
    environment = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parent.parent))
    run = subprocess.run([sys.executable, "-c", code], cwd=tree, env=environment, capture_output=True, text=True, check=True)
    assert run.stdout == "False\n" and snapshot(tree / "again") == snapshot(tree / "local")
