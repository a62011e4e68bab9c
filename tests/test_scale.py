"""The Dask engine on a real LocalCluster (2 worker processes on 127.0.0.1, one
for the module): the same bytes and reports as the local engine, reruns after a
killed worker, a clear error without the extra; and the library's helpers."""

from __future__ import annotations

import builtins
import io
import json
import os
import re
import time
from pathlib import Path
from typing import Callable, Collection, Iterator

import pytest

distributed = pytest.importorskip("distributed")
pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

import dask  # noqa: E402

import arclean  # noqa: E402
from arclean.cli import main  # noqa: E402
from arclean.files import discover, plan, run  # noqa: E402
from arclean.files.cluster import run_on_cluster  # noqa: E402
from arclean.files.settings import Settings  # noqa: E402

from .cli_helpers import DIRTY, SHORT_DIRTY, fault, jsonl_record, make_corpus, snapshot, tally, temporaries  # noqa: E402

TIMING = re.compile(r"\(\d+\.\d MB in \d+\.\d s, \d+\.\d MB/s\)")


@pytest.fixture
def client(cluster: distributed.LocalCluster) -> Iterator[distributed.Client]:
    with distributed.Client(cluster) as connected:
        connected.wait_for_workers(2, timeout=300)
        yield connected


def set_worker_environment(client: distributed.Client, variables: dict[str, str | None]) -> None:
    """Set (or, None, unset) variables in every worker process and nanny; a local function
    is sent by value (a bound method such as ``os.environ.update`` would carry a copy of our environment)."""
    def apply() -> None:
        for name, value in variables.items():
            os.environ.pop(name, None) if value is None else os.environ.__setitem__(name, value)

    client.run(apply)
    client.run(apply, nanny=True)  # the nannies too: a worker they restart inherits it


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdin=io.StringIO(""), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def make_tree(root: Path) -> None:
    """Text, markdown, JSONL (plain and gzip) and Parquet files, in folders."""
    make_corpus(root)
    for number in range(6):
        (root / "pages" / f"{number:03d}.txt").parent.mkdir(parents=True, exist_ok=True)
        (root / "pages" / f"{number:03d}.txt").write_text(DIRTY.replace("2018", str(2000 + number)), encoding="utf-8")
    texts = [DIRTY, None, SHORT_DIRTY, "نص نظيف.\n"] * 5
    table = pa.table({"id": list(range(len(texts))), "text": texts}).replace_schema_metadata({"crawl": "2026-11"})
    (root / "parquet").mkdir()
    pq.write_table(table, root / "parquet" / "part-0.parquet", row_group_size=3)
    pq.write_table(table.slice(2), root / "parquet" / "part-1.parquet", compression="zstd")


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    make_tree(tmp_path / "raw")
    code, _, _ = cli("fix", "raw", "--out", "local", "--jobs", "1")
    assert code == 1
    return tmp_path


def test_the_cluster_listens_on_localhost_only(cluster: distributed.LocalCluster, client: distributed.Client) -> None:
    addresses = [cluster.scheduler_address, *client.scheduler_info()["workers"]]
    assert len(addresses) == 3 and all(address.startswith("tcp://127.0.0.1:") for address in addresses)


def test_dask_output_and_report_equal_the_local_engines(tree: Path, cluster: distributed.LocalCluster) -> None:
    local_code, local_out, _ = cli("fix", "raw", "--out", "again", "--jobs", "1")
    code, out, err = cli("fix", "raw", "--out", "dask", "--scheduler", cluster.scheduler_address)
    assert (code, err) == (local_code, "")
    assert TIMING.sub("", out).replace("dask", "OUT") == TIMING.sub("", local_out).replace("again", "OUT")
    assert "parquet/part-0.parquet: " in out
    local, remote = snapshot(tree / "local"), snapshot(tree / "dask")
    assert sorted(remote) == sorted(local) and len(local) == 14
    assert remote == local  # byte for byte, Parquet files included
    assert pq.read_table(tree / "dask" / "parquet" / "part-0.parquet").equals(pq.read_table(tree / "local" / "parquet" / "part-0.parquet"))
    assert temporaries(tree) == []


def test_check_on_dask_reports_as_locally(tree: Path, cluster: distributed.LocalCluster) -> None:
    local = cli("check", "raw", "--output-format", "json", "-v")
    remote = cli("check", "raw", "--output-format", "json", "-v", "--scheduler", cluster.scheduler_address)
    assert remote[0] == local[0] == 1
    files = [json.loads(run_out)["files"] for _, run_out, _ in (local, remote)]
    assert files[0] == files[1] and any(entry.get("changes") for entry in files[0])


def test_big_files_in_shards_on_dask_are_the_same_bytes(tree: Path, client: distributed.Client) -> None:
    """A JSONL and a Parquet file cut into shards that both workers clean, joined by the client;
    progress sees every shard; reports keep the file's line and row numbers."""
    big = tree / "big"
    big.mkdir()
    with open(big / "records.jsonl", "w", encoding="utf-8") as handle:
        for number in range(60):
            handle.write(jsonl_record(id=number, text=DIRTY if number % 3 else SHORT_DIRTY))
    texts = [DIRTY if number % 3 else SHORT_DIRTY for number in range(60)]
    pq.write_table(pa.table({"text": texts, "n": list(range(60))}), big / "rows.parquet", row_group_size=5)
    settings = Settings()
    sources, _ = discover(["big"], settings)
    results = {}
    for engine in ("local", "dask"):
        tasks, configs = plan(sources, settings, action="fix", out_dir=f"big-{engine}", detail=True)
        if engine == "local":
            results[engine] = list(run(tasks, configs, 1))
        else:
            seen: list[str] = []
            results[engine] = list(run_on_cluster(client.scheduler.address, 2, tasks, configs, seen.append,
                                                  shard_bytes=6_000))
            assert len(seen) > 2 * len(tasks)  # one progress step per shard
    assert results["dask"] == results["local"]
    assert snapshot(tree / "big-dask") == snapshot(tree / "big-local")
    assert max(change.line for result in results["dask"] for change in result.changes) >= 58
    assert temporaries(tree) == []


def test_a_killed_worker_is_retried_and_the_run_completes(tree: Path, cluster: distributed.LocalCluster,
                                                          client: distributed.Client) -> None:
    """A worker killed (SIGKILL) while writing a file: the scheduler gives the task to another worker."""
    count = tree / "tally"
    set_worker_environment(client, fault("kill", "003.txt", count, times=1))
    try:
        code, _, err = cli("fix", "raw", "--out", "dask", "--scheduler", cluster.scheduler_address)
    finally:
        set_worker_environment(client, {"ARCLEAN_TEST_FAULT": None})
    assert len(tally(count)) == 1
    assert code == 1 and "error" not in err
    assert snapshot(tree / "dask") == snapshot(tree / "local") and temporaries(tree) == []


def test_a_file_that_kills_its_workers_fails_and_resume_finishes_the_run(tree: Path, cluster: distributed.LocalCluster,
                                                                        client: distributed.Client) -> None:
    """Past the allowed failures the file is a failed result (exit 2), nothing half-written is left; a rerun with
    --resume cleans only what is missing and ends with the same tree as the local engine."""
    count = tree / "tally"
    set_worker_environment(client, fault("kill", "003.txt", count, times=99))
    try:
        code, out, err = cli("fix", "raw", "--out", "dask", "--scheduler", cluster.scheduler_address)
    finally:
        set_worker_environment(client, {"ARCLEAN_TEST_FAULT": None})
    assert len(tally(count)) == 4  # two workers died on its batch, then two on it alone
    assert code == 2 and "raw/pages/003.txt: not cleaned: the Dask workers cleaning it died" in out + err
    assert "run again with --resume" in out + err
    # A worker the scheduler lost touch with while its comm closed may still be finishing a
    # copy of a task that ran again elsewhere (README, "Running on a cluster"): it ends by
    # renaming a complete file or failing to; nothing half-written stays.
    assert _settled(lambda: temporaries(tree) == []), temporaries(tree)
    partial, local = snapshot(tree / "dask"), snapshot(tree / "local")
    assert all(data == local[name] for name, data in partial.items())
    # The dying file is missing; so may be a file queued on the same worker when it died
    # (Dask counts the death against every task the worker held), and each is reported.
    missing = sorted(set(local) - set(partial))
    assert "pages/003.txt" in missing and all(f"raw/{name}: not cleaned: " in out + err for name in missing), (missing, out + err)
    client.wait_for_workers(2, timeout=300)  # the killed workers restart (slow on a busy machine)
    set_worker_environment(client, {"ARCLEAN_TEST_FAULT": None})  # again: a worker may have restarted with the fault
    # A straggler of the first run (above) may still rename its copy of a file, the same bytes:
    # the stamps are taken once no file has changed for two seconds.
    stamps = _still_stamps(tree / "dask", partial)
    code, out, err = cli("fix", "raw", "--out", "dask", "--resume", "--scheduler", cluster.scheduler_address)
    assert code == 1 and f"--resume: {len(partial)} of {len(local)} files are already cleaned under dask" in err, out + err
    assert sorted(line.split(":")[0] for line in out.splitlines()[: len(missing)]) == [f"raw/{name}" for name in missing]
    assert snapshot(tree / "dask") == snapshot(tree / "local")
    assert {name: os.stat(tree / "dask" / name).st_mtime_ns for name in partial} == stamps  # not rewritten
    # A source changed after its copy was made is cleaned again.
    os.utime(tree / "raw" / "pages" / "001.txt")
    code, out, _ = cli("fix", "raw", "--out", "dask", "--resume", "--scheduler", cluster.scheduler_address)
    assert code == 1 and [line.split(":")[0] for line in out.splitlines()[:1]] == ["raw/pages/001.txt"]


def _still_stamps(root: Path, names: Collection[str], quiet: float = 2, seconds: float = 60) -> dict[str, int]:
    """The files' modification times, once none of them has changed for ``quiet`` seconds
    (or after ``seconds``)."""
    def stamps() -> dict[str, int]:
        return {name: os.stat(root / name).st_mtime_ns for name in names}

    deadline, last = time.monotonic() + seconds, stamps()
    while time.monotonic() < deadline:
        time.sleep(quiet)
        now = stamps()
        if now == last:
            break
        last = now
    return last


def _settled(condition: Callable[[], bool], seconds: float = 60) -> bool:
    """Whether ``condition`` holds, now or within ``seconds``."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


def test_resume_needs_out(tree: Path) -> None:
    code, _, err = cli("fix", "raw", "--resume")
    assert code == 2 and "--resume skips the copies already made under --out: use it with --out DIR" in err


def test_scheduler_local_starts_a_local_cluster(tree: Path) -> None:
    code, out, err = cli("fix", "raw", "--out", "dask", "--scheduler", "local", "--jobs", "2")
    assert code == 1 and err == ""
    assert snapshot(tree / "dask") == snapshot(tree / "local")


def test_without_dask_scheduler_stops_naming_the_extra(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def blocked(name: str, *args: object, **kwargs: object) -> object:
        if name.split(".")[0] in ("dask", "distributed"):
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", blocked)
    before = snapshot(tree)
    code, out, err = cli("fix", "raw", "--out", "dask", "--scheduler", "local")
    assert (code, out) == (2, "")
    assert err == ("arclean: error: --scheduler needs Dask's distributed scheduler, which is not installed: "
                   'pip install "arclean[dask]"\n')
    assert snapshot(tree) == before
    assert cli("fix", "raw", "--out", "plain", "--jobs", "1")[0] == 1  # the local engine needs no Dask


def test_an_unreachable_scheduler_is_a_clear_error(tree: Path) -> None:
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        code, _, err = cli("fix", "raw", "--out", "dask", "--scheduler", "tcp://127.0.0.1:9")
    assert code == 2 and err.startswith("arclean: error: --scheduler tcp://127.0.0.1:9: cannot reach the Dask scheduler")


def test_the_core_and_the_cli_import_neither_dask_nor_pyarrow() -> None:
    import subprocess
    import sys

    code = ("import sys, arclean, arclean.cli; arclean.clean('x'); "
            "print(sorted(m for m in ('dask', 'distributed', 'pyarrow', 'pandas') if m in sys.modules))")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "[]\n"


# --- the library ----------------------------------------------------------------------------------


def test_clean_dataframe_on_the_cluster(client: distributed.Client) -> None:
    pandas = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    from arclean.dask import clean_dataframe

    texts = [DIRTY, None, SHORT_DIRTY, "نص نظيف.\n"] * 10
    frame = pandas.DataFrame({"id": range(len(texts)), "text": texts, "url": [f"u{i}" for i in range(len(texts))]})
    cleaned = clean_dataframe(dd.from_pandas(frame, npartitions=4), column="text").compute()
    assert cleaned["id"].tolist() == frame["id"].tolist() and cleaned["url"].tolist() == frame["url"].tolist()
    assert [None if pandas.isna(v) else v for v in cleaned["text"]] == [
        arclean.clean(v) if isinstance(v, str) else None for v in texts]
    config = arclean.Config(select=("W",))
    cleaned = clean_dataframe(dd.from_pandas(frame, npartitions=2), "text", config).compute()
    assert cleaned["text"].iloc[2] == "في ديسميبر 2018\n"  # only the W rules
    with pytest.raises(arclean.ArcleanError, match='no column "body"'):
        clean_dataframe(dd.from_pandas(frame, npartitions=2), column="body")


def test_clean_bag_on_the_cluster(client: distributed.Client) -> None:
    import dask.bag

    from arclean.dask import clean_bag

    texts = [DIRTY, SHORT_DIRTY, None] * 10
    assert clean_bag(dask.bag.from_sequence(texts, npartitions=3)).compute() == [
        arclean.clean(v) if v is not None else None for v in texts]


def test_the_readme_recipe_for_hugging_face_datasets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's recipe, run as written on a small in-memory dataset with 2 processes."""
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    datasets = pytest.importorskip("datasets")
    from arclean.dask import clean_texts

    texts = [DIRTY, None, SHORT_DIRTY, "نص نظيف.\n"] * 5
    ds = datasets.Dataset.from_dict({"id": list(range(len(texts))), "text": texts})
    ds = ds.map(lambda batch: {"text": clean_texts(batch["text"])}, batched=True, num_proc=2)
    assert ds["text"] == [arclean.clean(v) if v is not None else None for v in texts] and ds["id"] == list(range(20))
