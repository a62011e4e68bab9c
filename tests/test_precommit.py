"""The pre-commit hooks, run by the real ``pre-commit try-repo`` on a temporary git repository.

try-repo installs arclean from this repository (its HEAD plus tracked changes)
into a fresh environment, so this is the hook a corpus maintainer gets.  It
takes about 20 s a run (pip installs the dependencies).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .cli_helpers import ALREADY_CLEAN, CLEAN, DIRTY, ROOT, SHORT_CLEAN, SHORT_DIRTY, jsonl_record, read_jsonl, snapshot


def _require_tools() -> None:
    missing = [name for name, found in (("git", shutil.which("git")), ("pre-commit", importlib.util.find_spec("pre_commit"))) if not found]
    if missing:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{', '.join(missing)} missing: CI must install the test extra and git")
        pytest.skip(f"{', '.join(missing)} not installed")


def try_repo(repo: Path, *hook: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("GIT_", "PRE_COMMIT"))}
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), *hook, "--all-files", "--color", "never"],
        cwd=repo, env=env, capture_output=True, text=True, timeout=600,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    _require_tools()
    files = {
        "news/dirty.txt": DIRTY,
        "news/clean.txt": ALREADY_CLEAN,
        "data/records.jsonl": jsonl_record(id=1, text=SHORT_DIRTY) + jsonl_record(id=2, text=ALREADY_CLEAN),
        "drafts/keep-as-is.txt": SHORT_DIRTY,  # excluded by the config below
        "tool.py": "x  =  1\n",  # not a corpus file
        "pyproject.toml": '[tool.arclean]\nextend-exclude = ["drafts/"]\n',
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run(["git", "add", "."], cwd=tmp_path, check=True)
    return tmp_path


def test_hooks_report_then_fix_then_pass(repo: Path) -> None:
    before = snapshot(repo)

    check = try_repo(repo, "arclean-check")
    assert check.returncode == 1, check.stdout + check.stderr
    assert "news/dirty.txt: B101 ×1" in check.stdout and "data/records.jsonl: T101 ×1" in check.stdout
    assert "drafts/" not in check.stdout and "news/clean.txt" not in check.stdout
    assert snapshot(repo) == before, "arclean-check changed a file"

    fix = try_repo(repo)  # both hooks: arclean fixes (and fails), then arclean-check passes
    assert fix.returncode == 1, fix.stdout + fix.stderr
    assert "files were modified by this hook" in fix.stdout
    assert (repo / "news" / "dirty.txt").read_text(encoding="utf-8") == CLEAN
    assert [record["text"] for record in read_jsonl(repo / "data" / "records.jsonl")] == [SHORT_CLEAN, ALREADY_CLEAN]
    after = snapshot(repo)
    unchanged = ["news/clean.txt", "drafts/keep-as-is.txt", "tool.py", "pyproject.toml"]
    assert {name: after[name] for name in unchanged} == {name: before[name] for name in unchanged}

    again = try_repo(repo)
    assert again.returncode == 0, again.stdout + again.stderr
    assert again.stdout.count("Passed") == 2
