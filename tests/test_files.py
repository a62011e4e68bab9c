"""arclean.files: finding files, cleaning one file, writing it back safely, the pool."""

from __future__ import annotations

import gzip
import json
import os
import pickle
import signal
import stat
import subprocess
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest

from arclean import Pipeline
from arclean.files import (
    FileResult,
    Source,
    Task,
    clean_file,
    discover,
    engine,
    faults,
    plan,
    remove_temporaries,
    run,
    shard,
    stale_temporaries,
    writes,
)
from arclean.files.settings import Settings
from arclean.files.shards import _part_path

from .cli_helpers import (
    ALREADY_CLEAN,
    CLEAN,
    DIRTY,
    SHORT_CLEAN,
    SHORT_DIRTY,
    jsonl_record,
    make_corpus,
    tally,
    temporaries,
)

PIPELINE = Pipeline()


def settings(root: Path, **changes: object) -> Settings:
    return Settings(root=root).override(**changes)  # type: ignore[arg-type]


def names(root: Path, paths: list[str] | None = None, **changes: object) -> list[str]:
    sources, _ = discover(paths or [str(root)], settings(root, **changes))
    return [os.path.relpath(source.path, root) for source in sources]


def task_for(path: Path, dest: str | None = None, **options: object) -> Task:
    source = Source(str(path), path.name, path.name, path.name, path.stat().st_size)
    return Task(source, dest=dest, **options)  # type: ignore[arg-type]


# --- discovery ---------------------------------------------------------------------------


def test_default_include_takes_txt_md_jsonl_and_their_gz(tmp_path: Path) -> None:
    make_corpus(tmp_path)
    assert sorted(names(tmp_path)) == [
        "data/packed.jsonl.gz",
        "data/packed.txt.gz",
        "data/records.jsonl",
        "news/0001.txt",
        "news/0002.txt",
        "news/deep/0003.md",
    ]


def test_order_is_stable_and_sorted_by_name(tmp_path: Path) -> None:
    for name in ["b.txt", "a.txt", "c/a.txt", "a0.txt"]:
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x\n")
    assert names(tmp_path) == ["a.txt", "a0.txt", "b.txt", "c/a.txt"]


def test_include_exclude_and_default_excludes(tmp_path: Path) -> None:
    make_corpus(tmp_path)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("ignored\n")
    (tmp_path / "node_modules").mkdir()
    (tmp_path / "node_modules" / "y.txt").write_text("ignored\n")
    assert names(tmp_path, include=("*.md",)) == ["news/deep/0003.md"]
    assert "news/0001.txt" not in names(tmp_path, extend_exclude=("news/0001.txt",))
    assert not [n for n in names(tmp_path, extend_exclude=("data/",)) if n.startswith("data")]
    assert not [n for n in names(tmp_path) if n.startswith((".git", "node_modules"))]


def test_gitignore_is_respected_in_the_repository(tmp_path: Path) -> None:
    make_corpus(tmp_path)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("*.jsonl\n!records.jsonl\ndeep/\n")
    (tmp_path / "news" / ".gitignore").write_text("0002.txt\n")
    assert names(tmp_path) == ["data/packed.jsonl.gz", "data/packed.txt.gz", "data/records.jsonl", "news/0001.txt"]
    # Walking a subfolder still reads the .gitignore files above it, up to the repository's root.
    assert names(tmp_path, [str(tmp_path / "news")]) == ["news/0001.txt"]
    everything = names(tmp_path, respect_gitignore=False)
    assert "news/0002.txt" in everything and "news/deep/0003.md" in everything


def test_files_named_explicitly_are_taken_unless_force_exclude(tmp_path: Path) -> None:
    make_corpus(tmp_path)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("news/0001.txt\n")
    named = [str(tmp_path / "news" / "0001.txt"), str(tmp_path / "notes.py")]
    assert names(tmp_path, named) == ["news/0001.txt", "notes.py"]
    sources, _ = discover(named, settings(tmp_path), force_exclude=True)
    assert sources == []


def test_symlinks_stay_in_the_tree(tmp_path: Path) -> None:
    tree, outside = tmp_path / "tree", tmp_path / "outside"
    tree.mkdir()
    outside.mkdir()
    (outside / "secret.txt").write_text(DIRTY)
    (tree / "real.txt").write_text(DIRTY)
    (tree / "out.txt").symlink_to(outside / "secret.txt")
    (tree / "inner.txt").symlink_to(tree / "real.txt")
    (tree / "outdir").symlink_to(outside, target_is_directory=True)
    (tree / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    sources, problems = discover([str(tree)], settings(tmp_path))
    assert [source.name for source in sources] == [f"{tree}/real.txt"]
    by_name = {os.path.basename(p.name): p for p in problems}
    assert by_name["broken.txt"].error and by_name["broken.txt"].message == "broken symbolic link"
    assert not by_name["out.txt"].error and "out of the tree" in by_name["out.txt"].message
    assert "inner.txt" not in by_name  # its target is cleaned under its own name


def test_missing_path_is_a_problem(tmp_path: Path) -> None:
    sources, problems = discover([str(tmp_path / "nope")], settings(tmp_path))
    assert sources == [] and problems[0].missing and problems[0].message == "path not found"


def test_out_folder_inside_the_tree_is_not_walked(tmp_path: Path) -> None:
    make_corpus(tmp_path)
    (tmp_path / "clean").mkdir()
    (tmp_path / "clean" / "old.txt").write_text("x\n")
    sources, _ = discover([str(tmp_path)], settings(tmp_path), skip=str(tmp_path / "clean"))
    assert not [s for s in sources if "/clean/" in s.path]


def test_plan_gives_per_file_ignores_their_own_config(tmp_path: Path) -> None:
    make_corpus(tmp_path)
    base = Settings(root=tmp_path, per_file_ignores=(("news/deep/*.md", ("T101",)),))
    sources, _ = discover([str(tmp_path)], base)
    tasks, configs = plan(sources, base, action="check")
    by_name = {os.path.basename(t.source.path): configs[t.config] for t in tasks}
    assert by_name["0003.md"].ignore == ("T101",) and by_name["0001.txt"].ignore == ()
    assert len(configs) == 2


# --- cleaning one file ---------------------------------------------------------------------


def test_text_file_fixed_in_place_keeps_its_mode(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(DIRTY)
    path.chmod(0o640)
    result = clean_file(task_for(path, dest=str(path)), PIPELINE)
    assert result.status == "changed" and result.counts["B101"] == 1
    assert path.read_text() == CLEAN
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert temporaries(tmp_path) == []


def test_unchanged_file_is_not_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ALREADY_CLEAN)
    os.utime(path, (1_000_000, 1_000_000))
    assert clean_file(task_for(path, dest=str(path)), PIPELINE).status == "unchanged"
    assert path.stat().st_mtime == 1_000_000


def test_jsonl_keeps_other_fields_key_order_and_escapes(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    lines = [
        '{"id": 1, "text": "في ديسميبر  2018", "meta": {"b": 1, "a": 2}, "x": 1.50}\r\n',
        '{"text":"\\u0641\\u064a \\u062f\\u064a\\u0633\\u0645\\u064a\\u0628\\u0631  2018","id":2}\n',
        "\n",
        '{"id": 3, "text": "نص نظيف تماما.\\n", "text2": "في ديسميبر  2018"}\n',
        '[1, 2]\n',
        '{"id": 5, "text": 7}',
    ]
    path.write_text("".join(lines), newline="")
    result = clean_file(task_for(path, dest=str(path), detail=True), PIPELINE)
    with open(path, encoding="utf-8", newline="") as handle:
        after = handle.read().splitlines(keepends=True)
    assert after[0] == '{"id": 1, "text": "في ديسمبر 2018\\n", "meta": {"b": 1, "a": 2}, "x": 1.50}\r\n'
    assert after[1] == '{"text":"\\u0641\\u064a \\u062f\\u064a\\u0633\\u0645\\u0628\\u0631 2018\\n","id":2}\n'
    assert after[2:] == lines[2:]
    assert json.loads(after[1])["text"] == SHORT_CLEAN
    assert {change.line for change in result.changes} == {1, 2}
    assert all(change.field_line == 1 for change in result.changes)


def test_jsonl_field_option_and_a_note_when_no_record_has_it(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text(jsonl_record(body=SHORT_DIRTY, text=SHORT_DIRTY))
    result = clean_file(task_for(path, dest=str(path), json_field="body"), PIPELINE)
    assert json.loads(path.read_text()) == {"body": SHORT_CLEAN, "text": SHORT_DIRTY}
    result = clean_file(task_for(path, json_field="missing"), PIPELINE)
    assert result.status == "unchanged" and 'no record has a string field "missing"' in result.message


def test_gzip_is_read_and_written_as_gzip(tmp_path: Path) -> None:
    text_gz, jsonl_gz = tmp_path / "a.txt.gz", tmp_path / "b.jsonl.gz"
    text_gz.write_bytes(gzip.compress(DIRTY.encode()))
    jsonl_gz.write_bytes(gzip.compress(jsonl_record(text=SHORT_DIRTY).encode()))
    for path in (text_gz, jsonl_gz):
        assert clean_file(task_for(path, dest=str(path)), PIPELINE).status == "changed"
    assert gzip.decompress(text_gz.read_bytes()).decode() == CLEAN
    assert json.loads(gzip.decompress(jsonl_gz.read_bytes())) == {"text": SHORT_CLEAN}


def test_copy_to_out_writes_unchanged_files_too_and_leaves_the_source(tmp_path: Path) -> None:
    source, dest = tmp_path / "a.txt", tmp_path / "out" / "sub" / "a.txt"
    source.write_text(ALREADY_CLEAN)
    clean_file(task_for(source, dest=str(dest)), PIPELINE)
    assert dest.read_text() == ALREADY_CLEAN and source.read_text() == ALREADY_CLEAN


def test_diff_is_a_unified_diff_that_patch_applies(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(DIRTY)
    result = clean_file(task_for(path, diff=True), PIPELINE)
    assert path.read_text() == DIRTY
    assert result.diff.startswith("--- a.txt\n+++ a.txt\n@@ ")
    patch = tmp_path / "a.diff"
    patch.write_text(result.diff)
    if os.system(f"cd {tmp_path} && patch -s -p0 < a.diff") == 0:
        assert path.read_text() == CLEAN


# --- failures: reported, and the file stays as it was ---------------------------------------


def test_not_utf8_names_the_byte_and_leaves_the_file(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    data = "في ديسميبر  2018".encode("cp1256")
    path.write_bytes(data)
    result = clean_file(task_for(path, dest=str(path)), PIPELINE)
    assert result.status == "failed"
    assert result.message.startswith("not valid UTF-8 at byte 0;") and "--encoding cp1256" in result.message
    assert path.read_bytes() == data


def test_legacy_encoding_is_read_and_written_as_utf8(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes("نص نظيف تماما.\n".encode("cp1256"))
    result = clean_file(task_for(path, dest=str(path), encoding="cp1256"), PIPELINE)
    assert (result.status, result.encoding, result.counts) == ("changed", "cp1256", {})
    assert path.read_text(encoding="utf-8") == ALREADY_CLEAN
    assert clean_file(task_for(path, encoding="cp1256"), PIPELINE).status == "unchanged"


def test_not_json_names_the_line_and_leaves_the_file(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    data = (jsonl_record(text=SHORT_DIRTY) + '{"text": "x",\n' + jsonl_record(text=SHORT_DIRTY) + "nope\n").encode()
    path.write_bytes(data)
    result = clean_file(task_for(path, dest=str(path)), PIPELINE)
    assert result.status == "failed"
    assert result.message.startswith("line 2: not valid JSON:") and "(2 lines are not JSON)" in result.message
    assert path.read_bytes() == data and temporaries(tmp_path) == []


def test_bad_utf8_in_jsonl_names_line_and_offset(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    first = jsonl_record(text="نص").encode()
    data = first + b'{"text": "\xff"}\n'
    path.write_bytes(data)
    result = clean_file(task_for(path, dest=str(path)), PIPELINE)
    assert result.status == "failed" and f"at byte {len(first) + 10} (line 2)" in result.message
    assert path.read_bytes() == data


def test_binary_file_is_skipped_with_a_note(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
    path.write_bytes(data)
    result = clean_file(task_for(path, dest=str(path)), PIPELINE)
    assert (result.status, result.message) == ("skipped", "skipped: binary file")
    assert path.read_bytes() == data


def test_read_only_file_that_would_change_is_an_error_and_stays(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(DIRTY)
    path.chmod(0o444)
    result = clean_file(task_for(path, dest=str(path)), PIPELINE)
    assert result.status == "failed" and result.message.startswith("read-only file")
    assert path.read_text() == DIRTY and stat.S_IMODE(path.stat().st_mode) == 0o444
    clean = tmp_path / "b.txt"
    clean.write_text(ALREADY_CLEAN)
    clean.chmod(0o444)
    assert clean_file(task_for(clean, dest=str(clean)), PIPELINE).status == "unchanged"


def test_unreadable_file_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.txt"
    path.write_text(DIRTY)
    real_open = open

    def refuse(file: object, *args: object, **kwargs: object) -> object:
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr("builtins.open", refuse)
    result = clean_file(task_for(path, dest=str(path)), PIPELINE)
    monkeypatch.undo()
    assert (result.status, result.message) == ("failed", "Permission denied; the file is left unchanged")
    assert path.read_text() == DIRTY


def test_corrupt_gzip_is_an_error_and_stays(tmp_path: Path) -> None:
    path = tmp_path / "a.txt.gz"
    data = gzip.compress(DIRTY.encode())[:-12]
    path.write_bytes(data)
    result = clean_file(task_for(path, dest=str(path)), PIPELINE)
    assert result.status == "failed" and "not a valid gzip file" in result.message
    assert path.read_bytes() == data and temporaries(tmp_path) == []


def test_interrupted_write_leaves_the_old_file_and_no_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "r.jsonl"
    data = (jsonl_record(text=SHORT_DIRTY) * 3).encode()
    path.write_bytes(data)
    records = []

    def clean_record(line: str, *rest: object) -> str:
        """Clean the first record, then Ctrl-C in the middle of the file."""
        records.append(line)
        if len(records) == 2:
            raise KeyboardInterrupt
        return line.replace("ميبر", "مبر")

    monkeypatch.setattr("arclean.files.formats._clean_record", clean_record)
    with pytest.raises(KeyboardInterrupt):
        clean_file(task_for(path, dest=str(path)), PIPELINE)
    assert path.read_bytes() == data
    assert temporaries(tmp_path) == []


def test_remove_temporaries_only_removes_this_runs(tmp_path: Path) -> None:
    mine, other = tmp_path / ".a.txt.x1.abc.arclean-tmp", tmp_path / ".a.txt.x2.def.arclean-tmp"
    mine.write_text("partial")
    other.write_text("another run")
    remove_temporaries([str(tmp_path)], "abc")
    assert not mine.exists() and other.exists()


# --- the pool -----------------------------------------------------------------------------


def test_results_pickle_for_other_engines(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(DIRTY)
    result = clean_file(task_for(path, detail=True, diff=True), PIPELINE)
    assert pickle.loads(pickle.dumps(result)) == result


def test_pool_results_come_in_task_order_and_match_one_job(tmp_path: Path) -> None:
    for index in range(12):
        (tmp_path / f"{index:02d}.txt").write_text(DIRTY * (12 - index) if index % 3 else ALREADY_CLEAN)
    base = Settings(root=tmp_path)
    sources, _ = discover([str(tmp_path)], base)
    tasks, configs = plan(sources, base, action="check")
    seen: list[FileResult] = []
    two = list(run(tasks, configs, jobs=2, on_result=seen.append))
    one = list(run(tasks, configs, jobs=1))
    assert [r.name for r in two] == [t.source.name for t in tasks]
    assert two == one and sorted(r.name for r in seen) == sorted(r.name for r in one)
    assert [r.status for r in two].count("unchanged") == 4


# --- big JSONL files in shards -------------------------------------------------------------


def big_jsonl(path: Path, records: int = 60) -> bytes:
    lines = [
        jsonl_record(id=index, text=SHORT_DIRTY if index % 3 else ALREADY_CLEAN) if index % 7 else "\n"
        for index in range(records)
    ]
    data = "".join(lines).encode()
    path.write_bytes(data)
    return data


def test_shards_cover_the_file_from_line_starts(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    data = big_jsonl(path)
    pieces = shard(task_for(path, dest=str(path)), piece=500)
    assert len(pieces) > 3
    spans = [piece.span for piece in pieces]
    assert spans[0][:2] == (0, spans[1][0]) and spans[-1][1] == len(data)  # type: ignore[index]
    for (start, stop, line), following in zip(spans, spans[1:] + [None], strict=True):  # type: ignore[operator]
        assert data[start - 1 : start] in (b"", b"\n")
        assert line == data[:start].count(b"\n") + 1
        assert following is None or following[0] == stop
    assert len({piece.dest for piece in pieces}) == len(pieces) and all(".part" in piece.dest for piece in pieces)  # type: ignore[operator]
    assert shard(task_for(path), piece=len(data)) == [task_for(path)]


@pytest.mark.parametrize("action", ["check", "fix", "diff"])
def test_a_file_in_shards_gives_what_one_job_gives(tmp_path: Path, action: str) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    outputs = {}
    for folder, jobs in ((one, 1), (two, 2)):
        folder.mkdir()
        big_jsonl(folder / "big.jsonl")
        base = Settings(root=folder)
        sources, _ = discover([str(folder / "big.jsonl")], base)
        sources = [replace(source, name="big.jsonl") for source in sources]
        tasks, configs = plan(sources, base, action="check" if action == "check" else "fix", diff=action == "diff", detail=True)
        outputs[jobs] = list(run(tasks, configs, jobs=jobs, shard_bytes=400))
    assert outputs[1] == outputs[2]
    assert (one / "big.jsonl").read_bytes() == (two / "big.jsonl").read_bytes()
    assert sorted(os.listdir(two)) == ["big.jsonl"]  # no part file left
    if action == "fix":
        assert outputs[2][0].status == "changed" and (two / "big.jsonl").read_bytes() != big_jsonl(tmp_path / "x.jsonl")


def test_a_bad_line_in_a_later_shard_names_its_line_and_leaves_the_file(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    data = big_jsonl(path) + b"{oops\n" + jsonl_record(text=SHORT_DIRTY).encode()
    path.write_bytes(data)
    base = Settings(root=tmp_path)
    sources, _ = discover([str(path)], base)
    tasks, configs = plan(sources, base, action="fix")
    [result] = run(tasks, configs, jobs=2, shard_bytes=400)
    assert result.status == "failed" and result.message.startswith("line 61: not valid JSON")
    assert path.read_bytes() == data and sorted(os.listdir(tmp_path)) == ["big.jsonl"]



# --- faults: workers that die, a run stopped, stale temporary files, full disks, owners ------


def dirty_tree(root: Path, files: int = 12) -> tuple[list[Task], list[object]]:
    root.mkdir()
    for index in range(files):
        (root / f"{index:02d}.txt").write_text(DIRTY)
    base = Settings(root=root)
    sources, _ = discover([str(root)], base)
    return plan(sources, base, action="fix")  # type: ignore[return-value]


def cleaned(root: Path) -> set[str]:
    return {path.name for path in root.glob("*.txt") if path.read_text() == CLEAN}


def test_a_worker_that_dies_costs_a_retry_of_its_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tasks, configs = dirty_tree(tmp_path / "tree")
    monkeypatch.setattr(faults, "_SPEC", f"kill:1:{tmp_path / 'tally'}:05.txt")  # forked workers inherit it
    results = list(run(tasks, configs, jobs=2))  # type: ignore[arg-type]
    assert len(tally(tmp_path / "tally")) == 1  # a worker died on 05.txt, once
    assert [result.status for result in results] == ["changed"] * 12
    assert len(cleaned(tmp_path / "tree")) == 12 and temporaries(tmp_path) == []


def test_a_file_that_kills_every_worker_fails_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tasks, configs = dirty_tree(tmp_path / "tree")
    monkeypatch.setattr(faults, "_SPEC", f"kill:9:{tmp_path / 'tally'}:05.txt")
    results = list(run(tasks, configs, jobs=2))  # type: ignore[arg-type]
    assert len(tally(tmp_path / "tally")) == 3  # the first try and two retries
    failed = [result for result in results if result.status == "failed"]
    assert [os.path.basename(result.name) for result in failed] == ["05.txt"]
    assert failed[0].message.startswith("not cleaned: a worker process died cleaning it, 3 times")
    assert cleaned(tmp_path / "tree") == {f"{index:02d}.txt" for index in range(12)} - {"05.txt"}
    assert (tmp_path / "tree" / "05.txt").read_text() == DIRTY and temporaries(tmp_path) == []


@pytest.mark.parametrize("other_thread", [False, True], ids=["one thread", "another thread running"])
def test_a_stopped_run_yields_every_file_it_wrote(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, other_thread: bool) -> None:
    """Ctrl-C (a real SIGINT) after four results, while the first file stalls:
    the files written after it still come out, and only they.  Also when the process has
    another thread (fsspec and tqdm start one), which the kernel may hand the signal to."""
    stop = threading.Event()
    if other_thread:
        threading.Thread(target=stop.wait, daemon=True).start()
    tasks, configs = dirty_tree(tmp_path / "tree")
    monkeypatch.setattr(engine, "BATCH_FILES", 1)  # a unit per file
    monkeypatch.setattr(faults, "_SPEC", f"stall:1:{tmp_path / 'tally'}:00.txt")
    seen: list[FileResult] = []

    def on_result(result: FileResult) -> None:
        seen.append(result)
        if len(seen) == 4:
            # On a busy machine the other worker may clean four files before the first starts on
            # 00.txt: interrupt once it stalls there (its tally written), as the test means to.
            deadline = time.monotonic() + 30
            while not tally(tmp_path / "tally") and time.monotonic() < deadline:
                time.sleep(0.01)
            os.kill(os.getpid(), signal.SIGINT)  # held while the result is recorded, then raised in run()

    yielded = []
    with pytest.raises(KeyboardInterrupt):
        for result in run(tasks, configs, jobs=2, on_result=on_result):  # type: ignore[arg-type]
            yielded.append(os.path.basename(result.name))
    written = cleaned(tmp_path / "tree")
    assert sorted(yielded) == sorted(written) and len(written) >= 4 and "00.txt" not in written
    assert all((tmp_path / "tree" / f"{i:02d}.txt").read_text() in (DIRTY, CLEAN) for i in range(12))
    assert len(tally(tmp_path / "tally")) == 1 and temporaries(tmp_path) == []
    stop.set()


def test_temporary_names_are_the_pattern_stale_files_are_found_by(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(DIRTY)
    token = writes.new_token()
    with writes.Replacement(str(path), token, 0o644, False) as output:
        [name] = [p.name for p in tmp_path.iterdir() if p.name != "a.txt"]
        output.commit()
    match = writes.TEMP_NAME.fullmatch(name)
    assert match and match["pid"] == str(os.getpid())
    assert writes.TEMP_NAME.fullmatch(os.path.basename(_part_path(str(path), 3, token)))


def test_stale_temporaries_are_arcleans_own_from_runs_that_are_gone(tmp_path: Path) -> None:
    done = subprocess.Popen(["true"])
    done.wait()  # a process id no process has now
    stale = [
        ".a.txt.k3j4h5g6.0123456789ab.arclean-tmp",  # before tokens named the process
        f".a.txt.k3j4_5g6.0123456789ab-{done.pid}.arclean-tmp",
        f".big.jsonl.part00003.0123456789ab-{done.pid}.arclean-tmp",
    ]
    kept = [
        f".a.txt.k3j4h5g6.0123456789ab-{os.getppid()}.arclean-tmp",  # a run still going
        ".a.txt.arclean-tmp",
        "a.txt.k3j4h5g6.0123456789ab.arclean-tmp",
        ".a.txt.K3J4H5G6.0123456789ab.arclean-tmp",
        ".a.txt.k3j4h5g6.0123456789ab.arclean-tmp.bak",
        ".a.txt.k3j4h5g6.0123456789ab.arclean-tmp~",
        "a.txt",
    ]
    for name in stale + kept:
        (tmp_path / name).write_text("partial")
    (tmp_path / ".dir.k3j4h5g6.0123456789ab.arclean-tmp").mkdir()  # not a file
    assert stale_temporaries([str(tmp_path), str(tmp_path / "gone")]) == sorted(str(tmp_path / n) for n in stale)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("where", ["out", "in place"])
def test_a_full_disk_names_the_file_that_could_not_be_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    """Temporary files on /dev/full: every write fails with ENOSPC, as on a full disk."""
    source = tmp_path / "a.txt"
    source.write_text(DIRTY)
    dest = source if where == "in place" else tmp_path / "out" / "a.txt"
    real_mkstemp = writes.tempfile.mkstemp

    def on_full_disk(*args: object, **kwargs: object) -> tuple[int, str]:
        descriptor, path = real_mkstemp(*args, **kwargs)  # type: ignore[arg-type]
        full = os.open("/dev/full", os.O_WRONLY)
        os.dup2(full, descriptor)
        os.close(full)
        return descriptor, path

    monkeypatch.setattr(writes.tempfile, "mkstemp", on_full_disk)
    result = clean_file(task_for(source, dest=str(dest)), PIPELINE)
    monkeypatch.undo()
    assert result.status == "failed"
    if where == "out":
        assert result.message == f"cannot write {dest}: No space left on device"
    else:
        assert result.message == "cannot write it: No space left on device; the file is left unchanged"
    assert source.read_text() == DIRTY and temporaries(tmp_path) == []


def test_an_out_folder_that_cannot_be_made_is_named(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text(DIRTY)
    (tmp_path / "out").write_text("a file where the folder should be")
    result = clean_file(task_for(source, dest=str(tmp_path / "out" / "sub" / "a.txt")), PIPELINE)
    assert (result.status, result.message) == ("failed", f"cannot write {tmp_path / 'out' / 'sub'}: Not a directory")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root gives a file another owner")
def test_owner_group_and_mode_are_kept_in_place(tmp_path: Path) -> None:
    files = {
        "a.txt": DIRTY.encode(),
        "b.jsonl": jsonl_record(text=SHORT_DIRTY).encode(),
        "c.txt.gz": gzip.compress(DIRTY.encode()),
    }
    for name, data in files.items():
        path = tmp_path / name
        path.write_bytes(data)
        os.chown(path, 1234, 5678)
        path.chmod(0o640)
        assert clean_file(task_for(path, dest=str(path)), PIPELINE).status == "changed"
        info = path.stat()
        assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (1234, 5678, 0o640), name
    big = tmp_path / "big.jsonl"
    big_jsonl(big)
    os.chown(big, 1234, 5678)
    base = Settings(root=tmp_path)
    sources, _ = discover([str(big)], base)
    tasks, configs = plan(sources, base, action="fix")
    [result] = run(tasks, configs, jobs=2, shard_bytes=400)  # joined from shards
    assert result.status == "changed" and (big.stat().st_uid, big.stat().st_gid) == (1234, 5678)
    copy = tmp_path / "out" / "a.txt"
    clean_file(task_for(tmp_path / "a.txt", dest=str(copy)), PIPELINE)
    assert (copy.stat().st_uid, copy.stat().st_gid) == (os.getuid(), os.getgid())  # a copy is the runner's


def test_an_owner_the_process_may_not_give_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.txt"
    path.write_text(DIRTY)
    path.chmod(0o604)
    calls = []

    def refuse(descriptor: int, uid: int, gid: int) -> None:
        calls.append((uid, gid))
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(writes.os, "fchown", refuse)
    monkeypatch.setattr(writes.os, "fstat", lambda descriptor: os.stat_result((0,) * 4 + (-5, -5) + (0,) * 4))
    info = path.stat()
    assert clean_file(task_for(path, dest=str(path)), PIPELINE).status == "changed"
    monkeypatch.undo()
    assert calls == [(info.st_uid, info.st_gid), (-1, info.st_gid)]  # owner and group, then the group alone
    assert path.read_text() == CLEAN and stat.S_IMODE(path.stat().st_mode) == 0o604
