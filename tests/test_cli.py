"""The arclean command: main(argv) in-process on tmp_path, and real subprocesses."""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from arclean.cli import main
from arclean.registry import BY_CODE

from .cli_helpers import (
    ALREADY_CLEAN,
    ARCLEAN,
    CLEAN,
    DIRTY,
    ROOT,
    SEED,
    SHORT_CLEAN,
    SHORT_DIRTY,
    fault,
    jsonl_record,
    make_corpus,
    read_jsonl,
    snapshot,
    tally,
    temporaries,
    wait_for,
)

SUMMARY = r"{files} scanned, {changed} would change \(\d+\.\d MB in \d+\.\d s, \d+\.\d MB/s\)"


def arclean(*argv: str, stdin: str = "") -> tuple[int, str, str]:
    """Run main() in-process; return the exit code, stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdin=io.StringIO(stdin), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    make_corpus(tmp_path / "corpus")
    return tmp_path / "corpus"


# --- check, fix, diff, out -----------------------------------------------------------------


def test_check_reports_each_dirty_file_and_changes_nothing(corpus: Path) -> None:
    before = snapshot(corpus)
    code, out, err = arclean("check", "corpus")
    assert code == 1, err
    lines = out.splitlines()
    assert lines[:5] == [
        "corpus/data/packed.jsonl.gz: T101 ×1, W103 ×1, W106 ×1",
        "corpus/data/packed.txt.gz: B101 ×1, B103 ×1, B301 ×1, Q101 ×1, T101 ×1, T102 ×2, W102 ×4, W103 ×2, W105 ×1, W106 ×1",
        "corpus/data/records.jsonl: B101 ×1, B103 ×1, B301 ×1, Q101 ×1, T101 ×2, T102 ×2, W102 ×4, W103 ×3, W105 ×1, W106 ×2",
        "corpus/news/0001.txt: B101 ×1, B103 ×1, B301 ×1, Q101 ×1, T101 ×1, T102 ×2, W102 ×4, W103 ×2, W105 ×1, W106 ×1",
        "corpus/news/deep/0003.md: T101 ×1, W103 ×1, W106 ×1",
    ]
    assert lines[5].startswith("6 files scanned, 5 would change (") and "MB/s)" in lines[5]
    assert lines[6].startswith("changes per rule: B101 ×3, B103 ×3,")
    assert snapshot(corpus) == before


def test_fix_cleans_in_place_then_check_passes(corpus: Path) -> None:
    code, out, _ = arclean("fix", "corpus")
    assert code == 1 and "6 files scanned, 5 changed" in out
    assert (corpus / "news" / "0001.txt").read_text() == CLEAN
    assert (corpus / "news" / "deep" / "0003.md").read_text() == SHORT_CLEAN
    assert gzip.decompress((corpus / "data" / "packed.txt.gz").read_bytes()).decode() == CLEAN
    assert [r["text"] for r in read_jsonl(corpus / "data" / "records.jsonl")] == [CLEAN, ALREADY_CLEAN, SHORT_CLEAN]
    assert (corpus / "notes.py").read_text() == "# not a corpus file\nx  =  1\n"
    code, out, _ = arclean("check", "corpus")
    assert code == 0 and out.startswith("6 files scanned, 0 would change")


def test_diff_prints_a_diff_and_writes_nothing(corpus: Path) -> None:
    before = snapshot(corpus)
    code, out, err = arclean("check", "--diff", "corpus/news")
    assert code == 1
    assert out.startswith("--- corpus/news/0001.txt\n+++ corpus/news/0001.txt\n@@ ")
    assert "-في ديسميبر  2018\n\\ No newline at end of file\n+في ديسمبر 2018\n" in out
    assert "3 files scanned, 2 would change" in err
    assert arclean("fix", "--diff", "corpus")[0] == 1
    assert snapshot(corpus) == before


def test_out_mirrors_the_tree_and_leaves_the_sources(corpus: Path, tmp_path: Path) -> None:
    before = snapshot(corpus)
    code, out, _ = arclean("fix", "corpus", "--out", "clean")
    assert code == 1 and "clean copies in clean" in out
    assert snapshot(corpus) == before
    written = snapshot(tmp_path / "clean")
    assert sorted(written) == sorted(name for name in before if name != "notes.py")
    assert written["news/0001.txt"].decode() == CLEAN and written["news/0002.txt"].decode() == ALREADY_CLEAN
    assert arclean("check", "clean")[0] == 0


def test_out_inside_the_tree_is_not_cleaned_again(corpus: Path) -> None:
    arclean("fix", "corpus", "--out", "corpus/clean")
    code, out, _ = arclean("fix", "corpus", "--out", "corpus/clean")
    assert "6 files scanned" in out and not (corpus / "clean" / "clean").exists()


def test_verbose_shows_each_change_with_its_line(corpus: Path) -> None:
    code, out, _ = arclean("check", "-v", "corpus/news/0001.txt", "corpus/data/records.jsonl")
    assert "  corpus/news/0001.txt:3: B101 remove-repeated-title\n      - الأسد يتلقى رسالة من الكاظمي" in out
    assert "  corpus/news/0001.txt:22: T101 fix-month-misspellings\n" in out
    assert "  corpus/data/records.jsonl:4: T101 fix-month-misspellings (line 1 of the field)\n" in out
    assert "<U+00A0>" in out  # invisible characters are shown


def test_json_output(corpus: Path) -> None:
    code, out, _ = arclean("check", "corpus", "--output-format", "json", "-v")
    document = json.loads(out)
    assert code == 1 and document["action"] == "check"
    assert document["summary"]["files"] == 6 and document["summary"]["changed"] == 5
    first = document["files"][0]
    assert first["path"] == "corpus/data/packed.jsonl.gz" and first["counts"] == {"T101": 1, "W103": 1, "W106": 1}
    assert first["changes"][0] == {"code": "W103", "line": 1, "before": SHORT_DIRTY, "after": "في ديسميبر 2018", "field_line": 1, "why": ""}


def test_github_output(corpus: Path) -> None:
    code, out, _ = arclean("check", "corpus/news/deep", "--output-format", "github")
    lines = out.splitlines()
    assert lines[:3] == [
        f"::error file=corpus/news/deep/0003.md,line=1,title=arclean {code}::{code} {BY_CODE[code].name}: "
        + BY_CODE[code].summary
        for code in ("W103", "T101", "W106")
    ]
    assert lines[3].startswith("1 file scanned, 1 would change")


def test_select_ignore_and_config_file(corpus: Path) -> None:
    code, out, _ = arclean("check", "corpus/news/deep", "--select", "W")
    assert out.splitlines()[0] == "corpus/news/deep/0003.md: W103 ×1, W106 ×1"
    code, out, _ = arclean("check", "corpus/news/deep", "--ignore", "T,W106")
    assert out.splitlines()[0] == "corpus/news/deep/0003.md: W103 ×1"
    (corpus / "pyproject.toml").write_text('[tool.arclean]\nignore = ["W"]\n[tool.arclean.per-file-ignores]\n"*.md" = ["T101"]\n')
    code, out, _ = arclean("check", "corpus/news/deep")
    assert code == 0 and re.fullmatch(SUMMARY.format(files="1 file", changed=0), out.splitlines()[0])
    assert arclean("check", "corpus/news/deep", "--isolated")[0] == 1


def test_include_exclude_and_jobs_give_the_same_report(corpus: Path) -> None:
    _, md_only, _ = arclean("check", "corpus", "--include", "*.md")
    assert md_only.splitlines()[0] == "corpus/news/deep/0003.md: T101 ×1, W103 ×1, W106 ×1"
    _, excluded, _ = arclean("check", "corpus", "--exclude", "data/,deep/")
    assert excluded.splitlines()[0].startswith("corpus/news/0001.txt:") and excluded.splitlines()[1].startswith("2 files")
    one = arclean("check", "corpus", "--jobs", "1")[1].splitlines()[:-2]
    two = arclean("check", "corpus", "--jobs", "2")[1].splitlines()[:-2]
    assert one == two and len(one) == 5


def test_config_errors_exit_2_naming_file_and_key(corpus: Path) -> None:
    (corpus / "arclean.toml").write_text('selct = ["B"]\n')
    code, out, err = arclean("check", "corpus")
    assert code == 2 and out == ""
    assert err == (
        'arclean: error: corpus/arclean.toml: unknown key "selct"; did you mean "select"? the keys are '
        "boilerplate, encoding, exclude, expand-ligatures, extend-exclude, extend-select, field, ignore, include, "
        "per-file-ignores, profile, quote-style, respect-gitignore, select, source-field, typos.\n"
    )
    (corpus / "arclean.toml").unlink()
    code, _, err = arclean("check", "corpus", "--select", "X9")
    assert code == 2 and err == 'arclean: error: --select: unknown rule code "X9"; run "arclean rules" to list codes.\n'


def test_usage_errors_exit_2(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert arclean("check", "--no-such-flag", "corpus")[0] == 2
    assert arclean("fix", "corpus", "--out", "x", "--diff")[0] == 2
    before = snapshot(corpus)
    code, _, err = arclean("fix", "corpus", "--out", "corpus/")
    assert code == 2 and "--out corpus/ is a folder being cleaned" in err and snapshot(corpus) == before
    assert arclean("check", "-", "corpus")[0] == 2
    assert arclean("check", "--output-format", "xml", "corpus")[0] == 2


def test_jobs_is_a_positive_number_or_auto(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for bad in ("0", "-3", "two", "1.5", ""):
        assert arclean("check", "corpus", "--jobs", bad)[0] == 2, bad
        assert f"argument -j/--jobs: '{bad}': give a positive number of processes, or auto" in capsys.readouterr().err
    for good in ("auto", "1", "3"):
        assert arclean("check", "corpus", "--jobs", good)[0] == 1, good


def test_a_missing_path_is_reported_as_missing_not_as_a_file(corpus: Path) -> None:
    code, out, err = arclean("check", "corpus", "nope")
    assert code == 2 and err == "arclean: error: nope: path not found\n"
    assert "6 files scanned, 5 would change, 1 path not found (" in out
    code, out, err = arclean("fix", "nope", "gone.txt")
    assert code == 2 and out.startswith("0 files scanned, 0 changed, 2 paths not found (")
    document = json.loads(arclean("check", "nope", "--output-format", "json")[1])
    assert document["summary"]["files"] == 0 and document["summary"]["missing"] == 1
    assert document["files"] == [{"path": "nope", "status": "missing", "counts": {}, "message": "path not found"}]


def test_bare_arclean_on_a_terminal_prints_usage_instead_of_waiting(corpus: Path) -> None:
    for argv in ([], ["--select", "W"], ["clean"]):
        out, err = io.StringIO(), io.StringIO()
        assert main(argv, stdin=Terminal(), stdout=out, stderr=err) == 2
        assert out.getvalue() == "" and err.getvalue().startswith("usage: arclean ")
        assert "give files to clean, pipe text in, or run 'arclean check PATH'" in err.getvalue()
    assert arclean("-", stdin=SHORT_DIRTY) == (0, SHORT_CLEAN, "")  # asked for: read


def test_subprocess_bare_arclean_on_a_terminal_does_not_wait(tmp_path: Path) -> None:
    pty = pytest.importorskip("pty")
    controller, terminal = pty.openpty()
    try:
        done = run_cli(cwd=tmp_path, stdin=terminal)  # it would time out if it waited
    finally:
        os.close(controller)
        os.close(terminal)
    assert done.returncode == 2 and done.stdout == "" and done.stderr.startswith("usage: arclean ")


def test_out_errors_name_the_output_not_the_source(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "clean").mkdir()
    (tmp_path / "clean" / "news").write_text("a file where a folder should be")
    code, _, err = arclean("fix", "corpus", "--out", "clean")
    assert code == 2
    assert "arclean: error: corpus/news/0001.txt: cannot write clean/news: File exists\n" in err
    assert "arclean: error: corpus/news/deep/0003.md: cannot write clean/news/deep: Not a directory\n" in err
    if not os.path.exists("/dev/full"):
        return
    from arclean.files import writes

    real_mkstemp = writes.tempfile.mkstemp

    def on_a_full_disk(*args: object, **kwargs: object) -> tuple[int, str]:
        descriptor, path = real_mkstemp(*args, **kwargs)  # type: ignore[arg-type]
        full = os.open("/dev/full", os.O_WRONLY)  # every write: ENOSPC
        os.dup2(full, descriptor)
        os.close(full)
        return descriptor, path

    monkeypatch.setattr(writes.tempfile, "mkstemp", on_a_full_disk)
    code, out, err = arclean("fix", "corpus/news/0001.txt", "--out", "full")
    monkeypatch.undo()
    assert code == 2 and err == "arclean: error: corpus/news/0001.txt: cannot write full/0001.txt: No space left on device\n"
    assert temporaries(tmp_path) == []


def test_stale_temporary_files_are_removed_by_fix_with_a_note(corpus: Path) -> None:
    """The exact names a killed run leaves (its process gone); nothing else,
    and not a live run's; ``check`` writes nothing and removes nothing, but names them."""
    gone = subprocess.Popen(["true"])
    gone.wait()
    stale = [
        f"news/.0001.txt.x1y2z3_4.0123456789ab-{gone.pid}.arclean-tmp",
        "news/deep/.0003.md.abcdefgh.0123456789ab.arclean-tmp",
        f"data/.records.jsonl.part00001.0123456789ab-{gone.pid}.arclean-tmp",
    ]
    kept = [
        f"news/.0002.txt.x1y2z3_4.0123456789ab-{os.getppid()}.arclean-tmp",  # a live process's run
        "news/0001.arclean-tmp",
        "news/.0001.txt.arclean-tmp",
        "news/.0001.txt.x1y2z3_4.0123456789ab.arclean-tmp.orig",
    ]
    for name in stale + kept:
        (corpus / name).write_text("partial")
    before = snapshot(corpus)
    code, _, err = arclean("check", "corpus")  # writes nothing: names them only
    notes = [line for line in err.splitlines() if "temporary" in line]
    assert notes == [f"arclean: note: corpus/{name}: a temporary file left by an interrupted run ('arclean fix' removes it)"
                     for name in sorted(stale)]
    assert code == 1 and snapshot(corpus) == before
    code, _, err = arclean("fix", "corpus")
    assert code == 1
    notes = [line for line in err.splitlines() if "temporary" in line]
    assert notes == [f"arclean: note: removed corpus/{name}: a temporary file left by an interrupted run" for name in sorted(stale)]
    assert sorted(snapshot(corpus)) == sorted(name for name in before if name not in stale)


# --- standard input and the plain clean command ----------------------------------------------


def test_plain_arclean_file_prints_the_clean_text(corpus: Path) -> None:
    assert arclean(str(SEED)) == (0, CLEAN, "")
    assert arclean(stdin=DIRTY) == (0, CLEAN, "")
    assert arclean("-", stdin=SHORT_DIRTY) == (0, SHORT_CLEAN, "")
    assert arclean("--select", "W", "-", stdin=SHORT_DIRTY) == (0, "في ديسميبر 2018\n", "")
    code, _, err = arclean("corpus")
    assert code == 2 and "use 'arclean check' or 'arclean fix' for folders" in err


def test_stdin_check_fix_and_diff(corpus: Path) -> None:
    code, out, _ = arclean("check", "-", stdin=SHORT_DIRTY)
    assert code == 1 and out.splitlines()[0] == "-: T101 ×1, W103 ×1, W106 ×1"
    assert re.fullmatch(SUMMARY.format(files="1 file", changed=1), out.splitlines()[1])
    assert arclean("check", "-", stdin=SHORT_CLEAN)[0] == 0
    assert arclean("fix", "-", stdin=SHORT_DIRTY) == (1, SHORT_CLEAN, "")
    code, out, _ = arclean("fix", "--diff", "-", stdin=SHORT_DIRTY)
    assert code == 1 and out.startswith("--- -\n+++ -\n")
    record = jsonl_record(id=1, text=SHORT_DIRTY)
    assert arclean("fix", "-", "--stdin-filename", "x.jsonl", stdin=record)[1] == jsonl_record(id=1, text=SHORT_CLEAN)
    code, out, err = arclean("fix", "-", "--stdin-filename", "x.jsonl", stdin=record + "oops\n")
    assert (code, out) == (2, "") and "x.jsonl: line 2: not valid JSON" in err


def test_rules_and_rule(corpus: Path) -> None:
    code, out, _ = arclean("rules")
    assert code == 0 and out.splitlines()[0].split() == ["code", "default", "name", "summary"]
    assert any(line.startswith("B101  on") for line in out.splitlines())
    code, out, _ = arclean("rule", "b101")
    assert code == 0 and out.startswith("B101 remove-repeated-title (on by default)\n\n")
    assert arclean("rule", "remove-repeated-title")[1] == out
    assert arclean("rule", "Z999")[0] == 2


# --- failures: reported, the rest goes on, exit 2, the file on disk unchanged -----------------


def test_failures_are_reported_and_the_rest_is_cleaned(corpus: Path) -> None:
    bad = {
        "bad/legacy.txt": "في ديسميبر  2018".encode("cp1256"),
        "bad/broken.jsonl": (jsonl_record(text=SHORT_DIRTY) + "{oops\n").encode(),
        "bad/image.txt": b"GIF89a\x00\x01\x00",
        "bad/readonly.txt": DIRTY.encode(),
    }
    for name, data in bad.items():
        (corpus / name).parent.mkdir(exist_ok=True)
        (corpus / name).write_bytes(data)
    (corpus / "bad" / "readonly.txt").chmod(0o444)
    (corpus / "bad" / "dangling.txt").symlink_to(corpus / "gone.txt")
    code, out, err = arclean("fix", "corpus")
    assert code == 2
    assert err.splitlines() == [
        "arclean: error: corpus/bad/dangling.txt: broken symbolic link",
        "arclean: error: corpus/bad/broken.jsonl: line 2: not valid JSON: Expecting property name enclosed in double "
        "quotes: line 1 column 2 (char 1); the file is left unchanged",
        "arclean: note: corpus/bad/image.txt: skipped: binary file",
        "arclean: error: corpus/bad/legacy.txt: not valid UTF-8 at byte 0; the file is left unchanged "
        "(read a legacy file with --encoding cp1256)",
        "arclean: error: corpus/bad/readonly.txt: read-only file: it would change but cannot be written; "
        "it is left unchanged",
    ]
    assert "11 files scanned, 5 changed, 4 failed, 1 skipped" in out
    for name, data in bad.items():
        assert (corpus / name).read_bytes() == data, name
    assert stat.S_IMODE((corpus / "bad" / "readonly.txt").stat().st_mode) == 0o444
    assert os.path.islink(corpus / "bad" / "dangling.txt")
    assert (corpus / "news" / "0001.txt").read_text() == CLEAN
    assert temporaries(corpus) == []
    code, _, err = arclean("fix", "corpus/bad/legacy.txt", "--encoding", "cp1256")
    assert code == 1 and (corpus / "bad" / "legacy.txt").read_text(encoding="utf-8") == SHORT_CLEAN


def test_symlink_out_of_the_tree_is_not_followed(corpus: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text(DIRTY)
    (corpus / "news" / "link.txt").symlink_to(outside)
    code, out, err = arclean("fix", "corpus")
    assert code == 1 and f"corpus/news/link.txt: skipped: symbolic link out of the tree (to {outside})" in err
    assert outside.read_text() == DIRTY and os.path.islink(corpus / "news" / "link.txt")


def test_keyboard_interrupt_in_process_leaves_files_whole(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C while the third file is being written: the two written are
    reported, then the summary; the third and the rest are as they were."""
    before = snapshot(corpus)
    real_replace, calls = os.replace, []

    def interrupt_the_third(*args: object, **kwargs: object) -> None:
        calls.append(args)
        if len(calls) == 3:
            raise KeyboardInterrupt
        real_replace(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("os.replace", interrupt_the_third)
    code, out, err = arclean("fix", "corpus", "--jobs", "1")
    monkeypatch.undo()
    assert code == 130 and "interrupted" in err
    lines = out.splitlines()
    assert [line.split(":")[0] for line in lines[:2]] == ["corpus/data/packed.jsonl.gz", "corpus/data/packed.txt.gz"]
    assert lines[2].startswith("interrupted: 2 files scanned, 2 changed (")
    after = snapshot(corpus)
    assert {name for name in before if after[name] != before[name]} == {"data/packed.jsonl.gz", "data/packed.txt.gz"}
    assert temporaries(corpus) == []


def test_permission_bits_are_kept(corpus: Path) -> None:
    path = corpus / "news" / "0001.txt"
    path.chmod(0o751)
    arclean("fix", "corpus")
    assert stat.S_IMODE(path.stat().st_mode) == 0o751 and path.read_text() == CLEAN


# --- real subprocesses ---------------------------------------------------------------------


def run_cli(
    *argv: str, cwd: Path, env: dict[str, str] | None = None, **kwargs: object
) -> subprocess.CompletedProcess[str]:
    environment = dict(os.environ, PYTHONPATH=str(ROOT), **(env or {}))
    return subprocess.run([*ARCLEAN, *argv], cwd=cwd, env=environment, capture_output=True, text=True, timeout=120,  # type: ignore[call-overload]
                          **kwargs)


def test_subprocess_readme_command_prints_the_clean_text() -> None:
    done = run_cli(str(SEED.relative_to(ROOT)), cwd=ROOT)
    assert (done.returncode, done.stdout, done.stderr) == (0, CLEAN, "")


def test_subprocess_check_fix_check(corpus: Path) -> None:
    done = run_cli("check", "corpus", "--jobs", "2", cwd=corpus.parent)
    assert done.returncode == 1 and done.stdout.count("\n") == 7 and "\r" not in done.stderr  # no bar when piped
    done = run_cli("fix", "corpus", cwd=corpus.parent)
    assert done.returncode == 1 and (corpus / "news" / "0001.txt").read_text() == CLEAN
    assert run_cli("check", "corpus", cwd=corpus.parent).returncode == 0


def test_subprocess_stdin_to_stdout(tmp_path: Path) -> None:
    done = run_cli("fix", "-", cwd=tmp_path, input=DIRTY)
    assert (done.returncode, done.stdout) == (1, CLEAN)


def big_corpus(root: Path, files: int, suffix: str = ".txt") -> tuple[bytes, bytes]:
    """Enough work for a run to last several seconds: ``files`` copies of one
    long page (or of forty records holding it); returns the bytes before and after."""
    root.mkdir()
    page = "\n\n".join([DIRTY] * 40) if suffix == ".txt" else jsonl_record(text=DIRTY) * 40
    for index in range(files):
        (root / f"{index:03d}{suffix}").write_text(page)
    import arclean as library

    new = library.clean(page) if suffix == ".txt" else jsonl_record(text=library.clean(DIRTY)) * 40
    return page.encode(), new.encode()


def assert_old_or_new(root: Path, files: int, old: bytes, new: bytes) -> int:
    """Every file is either as it was or fully cleaned; returns how many were cleaned."""
    after = {name: data for name, data in snapshot(root).items() if not name.endswith(".arclean-tmp")}
    assert len(after) == files, "a file appeared or disappeared"
    for name, data in after.items():
        assert data in (old, new), f"{name} is neither old nor new"
    return sum(data == new for data in after.values())


def children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in path.read_text().split()] if path.exists() else []


def start_cli(*argv: str, cwd: Path, env: dict[str, str] | None = None, **kwargs: object) -> subprocess.Popen[str]:
    environment = dict(os.environ, PYTHONPATH=str(ROOT), **(env or {}))
    return subprocess.Popen(  # type: ignore[call-overload]
        [*ARCLEAN, *argv], cwd=cwd, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs
    )


def wait_gone(pids: list[int]) -> None:
    wait_for(lambda: not [pid for pid in pids if Path(f"/proc/{pid}").exists()], "the workers to end")


def reported(out: str, folder: str = "c") -> set[str]:
    """The files a report lists as changed."""
    return {line.split(":")[0].removeprefix(folder + "/") for line in out.splitlines() if line.startswith(folder + "/")}


def cleaned_files(root: Path, new: bytes) -> set[str]:
    """The files written (a complete temporary file not yet renamed is not)."""
    return {name for name, data in snapshot(root).items() if data == new and not name.endswith(".arclean-tmp")}


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize("how", ["ctrl-c", "sigterm", "sigkill"])
def test_subprocess_interrupt_leaves_every_file_old_or_new(tmp_path: Path, how: str) -> None:
    """Ctrl-C (SIGINT to the process group, as a terminal sends it), SIGTERM to
    the parent (a CI timeout) and SIGKILL to it, sent at a known point: the
    first file stalls mid-write (a test fault), and five others are written.
    No worker outlives arclean, every file is old or new, the report lists
    every file written (those after the stalled one too) and the summary, and no
    temporary file is left (but after SIGKILL, which nothing can clean up
    after: the next run removes what it left, with a note)."""
    old, new = big_corpus(tmp_path / "c", 40, ".jsonl")  # streamed: a worker stopped mid-write leaves a temporary file
    stalls = tmp_path / "stalls"
    process = start_cli("fix", "c", "--jobs", "2", cwd=tmp_path, env=fault("stall", "000.jsonl", stalls),
                        start_new_session=True)
    wait_for(lambda: tally(stalls), "the first file to stall")
    wait_for(lambda: len(cleaned_files(tmp_path / "c", new)) >= 5, "five files written")
    workers = children(process.pid)
    if how == "ctrl-c":
        os.killpg(process.pid, signal.SIGINT)
    else:
        os.kill(process.pid, signal.SIGTERM if how == "sigterm" else signal.SIGKILL)
    out, err = process.communicate(timeout=60)
    wait_gone(workers)
    written = cleaned_files(tmp_path / "c", new)
    assert 5 <= assert_old_or_new(tmp_path / "c", 40, old, new) < 40 and "000.jsonl" not in written
    if how != "sigkill":
        assert process.returncode == 130, err
        assert "interrupted" in err and "Traceback" not in err
        assert reported(out) == written
        assert f"interrupted: {len(written)} files scanned, {len(written)} changed (" in out
        assert temporaries(tmp_path) == []
        return
    left = temporaries(tmp_path)
    assert any(os.path.basename(path).startswith(".000.jsonl.") for path in left)
    again = run_cli("fix", "c", cwd=tmp_path)
    assert again.returncode == 1 and temporaries(tmp_path) == []
    for path in left:
        relative = os.path.relpath(path, tmp_path)
        assert f"arclean: note: removed {relative}: a temporary file left by an interrupted run" in again.stderr
    assert assert_old_or_new(tmp_path / "c", 40, old, new) == 40


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_subprocess_killed_worker_costs_a_retry(tmp_path: Path) -> None:
    """SIGKILL from outside to the worker writing one file (stalled there by a
    test fault, the first time only): a fresh worker cleans it, and the run
    goes on as if nothing had happened."""
    old, new = big_corpus(tmp_path / "c", 12, ".jsonl")
    stalls = tmp_path / "stalls"
    process = start_cli("fix", "c", "--jobs", "2", cwd=tmp_path, env=fault("stall", "004.jsonl", stalls))
    wait_for(lambda: tally(stalls), "004.jsonl to stall")
    [worker] = tally(stalls)
    os.kill(worker, signal.SIGKILL)
    out, err = process.communicate(timeout=120)
    assert (process.returncode, err) == (1, "")
    assert reported(out) == cleaned_files(tmp_path / "c", new) and len(reported(out)) == 12
    assert "12 files scanned, 12 changed" in out and temporaries(tmp_path) == []


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_subprocess_file_that_kills_every_worker_is_reported_alone(tmp_path: Path) -> None:
    """A worker dies (SIGKILL, as from the out-of-memory killer) each time it
    writes 004.jsonl: two retries, then that file alone is reported."""
    old, new = big_corpus(tmp_path / "c", 12, ".jsonl")
    deaths = tmp_path / "deaths"
    done = run_cli("fix", "c", "--jobs", "2", cwd=tmp_path, env=fault("kill", "004.jsonl", deaths, times=9))
    assert done.returncode == 2 and len(tally(deaths)) == 3
    assert done.stderr.splitlines() == [
        "arclean: error: c/004.jsonl: not cleaned: a worker process died cleaning it, 3 times (killed, or out of "
        "memory); the file is unchanged"
    ]
    assert "12 files scanned, 11 changed, 1 failed" in done.stdout
    assert cleaned_files(tmp_path / "c", new) == {f"{index:03d}.jsonl" for index in range(12)} - {"004.jsonl"}
    assert (tmp_path / "c" / "004.jsonl").read_bytes() == old and temporaries(tmp_path) == []


# --- the progress bar ------------------------------------------------------------------------


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal_and_not_in_a_hook(monkeypatch: pytest.MonkeyPatch) -> None:
    from arclean.cli.flags import parser as _parser
    from arclean.cli.run import show_progress as _show_progress

    args = _parser().parse_args(["check", "."])
    monkeypatch.delenv("PRE_COMMIT", raising=False)
    assert _show_progress(args, Terminal()) and not _show_progress(args, io.StringIO())
    assert not _show_progress(_parser().parse_args(["check", "-q", "."]), Terminal())
    assert not _show_progress(_parser().parse_args(["check", "--no-progress", "."]), Terminal())
    monkeypatch.setenv("PRE_COMMIT", "1")
    assert not _show_progress(args, Terminal())


def test_progress_bar_draws_files_and_megabytes_then_clears() -> None:
    from arclean.cli.report import Progress
    from arclean.files import FileResult

    stream = Terminal()
    progress = Progress(stream, files=4, size=4_000_000, enabled=True, delay=0)
    progress.advance(FileResult("a.txt", "changed", 2_000_000))
    drawn = stream.getvalue()
    assert drawn.startswith("\r[############            ] 1/4 files 2.0/4.0 MB ") and drawn.endswith("\x1b[K")
    progress.close()
    assert stream.getvalue().endswith("\r\x1b[K")
    quiet = Terminal()
    Progress(quiet, files=1, size=1, enabled=True, delay=60).advance(FileResult("a.txt", "changed", 1))
    assert quiet.getvalue() == ""  # a short run draws nothing



def screen(written: str) -> list[str]:
    """The lines a terminal shows for ``written``: ``\\r`` goes back to the start
    of the line, ``ESC [K`` erases to its end, other characters overwrite."""
    lines: list[str] = []
    line: list[str] = []
    column, index = 0, 0
    while index < len(written):
        if written.startswith("\x1b[K", index):
            del line[column:]
            index += 3
            continue
        char = written[index]
        if char == "\r":
            column = 0
        elif char == "\n":
            lines.append("".join(line))
            line, column = [], 0
        else:
            line[column : column + 1] = [char]
            column += 1
        index += 1
    return lines + ["".join(line)] if line else lines


def test_progress_bar_clears_its_line_before_each_report_line(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("arclean.cli.report.PROGRESS_DELAY", 0)  # draw from the first file
    monkeypatch.delenv("PRE_COMMIT", raising=False)
    terminal = Terminal()  # stdout and stderr on one terminal
    (corpus / "bad.txt").write_bytes("في ديسميبر".encode("cp1256"))  # an error line on stderr too
    code = main(["check", "corpus", "--jobs", "1"], stdin=io.StringIO(), stdout=terminal, stderr=terminal)
    assert code == 2 and "\r[" in terminal.getvalue()  # the bar was drawn
    bar = re.compile(r"\[#* *\] \d+/\d+ files \d+\.\d/\d+\.\d MB \d+\.\d MB/s")
    shown = [line for line in screen(terminal.getvalue()) if line and not bar.fullmatch(line)]
    assert shown[:6] == [  # each whole, none sharing its line with the bar
        "arclean: error: corpus/bad.txt: not valid UTF-8 at byte 0; the file is left unchanged "
        "(read a legacy file with --encoding cp1256)",
        "corpus/data/packed.jsonl.gz: T101 ×1, W103 ×1, W106 ×1",
        "corpus/data/packed.txt.gz: B101 ×1, B103 ×1, B301 ×1, Q101 ×1, T101 ×1, T102 ×2, W102 ×4, W103 ×2, W105 ×1, W106 ×1",
        "corpus/data/records.jsonl: B101 ×1, B103 ×1, B301 ×1, Q101 ×1, T101 ×2, T102 ×2, W102 ×4, W103 ×3, W105 ×1, W106 ×2",
        "corpus/news/0001.txt: B101 ×1, B103 ×1, B301 ×1, Q101 ×1, T101 ×1, T102 ×2, W102 ×4, W103 ×2, W105 ×1, W106 ×1",
        "corpus/news/deep/0003.md: T101 ×1, W103 ×1, W106 ×1",
    ]
    assert re.fullmatch(SUMMARY.format(files="7 files", changed=5).replace("change", "change, 1 failed"), shown[6])
    assert shown[7].startswith("changes per rule: B101 ×3,") and len(shown) == 8


# --- the README's pre-commit recipe ----------------------------------------------------------


def test_readme_precommit_recipe_works_as_written(tmp_path: Path) -> None:
    """The README's shell recipe, run as written (``~`` is a temporary home
    holding a clone of this repository at ``~/src/arclean``), then the real
    pre-commit: the hook cleans the dirty file and fails, then passes."""
    import importlib.util
    import shutil

    if not (shutil.which("git") and shutil.which("bash") and importlib.util.find_spec("pre_commit")):
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("git, bash or pre-commit missing: CI must install the test extra and git")
        pytest.skip("git, bash or pre-commit not installed")
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("\n## pre-commit\n")[1].split("\n## ")[0]
    recipe = section.split("```sh\n")[1].split("```")[0]
    home, corpus = tmp_path / "home", tmp_path / "corpus"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(home / "src" / "arclean")], check=True)
    (corpus / "news").mkdir(parents=True)
    (corpus / "news" / "dirty.txt").write_text(DIRTY, encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=corpus, check=True)
    env = {key: value for key, value in os.environ.items() if not key.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(HOME=str(home), PRE_COMMIT_HOME=str(tmp_path / "cache"),
               PATH=os.path.dirname(sys.executable) + os.pathsep + env.get("PATH", ""))
    subprocess.run(["bash", "-e", "-c", recipe], cwd=corpus, env=env, check=True, capture_output=True)
    assert (corpus / ".git" / "hooks" / "pre-commit").exists()
    subprocess.run(["git", "add", "."], cwd=corpus, check=True)
    hook = [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"]
    first = subprocess.run(hook, cwd=corpus, env=env, capture_output=True, text=True, timeout=600)
    assert first.returncode == 1 and "files were modified by this hook" in first.stdout, first.stdout + first.stderr
    assert (corpus / "news" / "dirty.txt").read_text(encoding="utf-8") == CLEAN
    again = subprocess.run(hook, cwd=corpus, env=env, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0 and "Passed" in again.stdout, again.stdout + again.stderr


def test_verbose_says_why_a_line_was_dropped(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("قال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين في الأسبوع المقبل، وإن التمويل جاهز.\nاترك رد\n",
                    encoding="utf-8")
    out = io.StringIO()
    assert main(["check", "-v", "--isolated", str(page)], stdout=out, stderr=io.StringIO()) == 1
    assert f"{page}:2: B301 cut-page-tail: the phrase 'اترك رد' (wordpress)\n      - اترك رد" in out.getvalue()
