"""Shared material for the CLI and file tests: dirty and clean texts, a small
mixed corpus on disk, and checks of what is on disk afterwards."""

from __future__ import annotations

import gzip
import json
import os
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_edd459b6dd962f52.txt"

#: A scraped page (repeated title, counter line, no-break spaces, a misspelt
#: month, a misshapen quote…) and what arclean makes of it.
DIRTY = SEED.read_text(encoding="utf-8")
CLEAN = SEED.with_name(SEED.stem + ".clean.txt").read_text(encoding="utf-8")
#: A one-line dirty text: T101 (month) and W103 (spaces) and W106 (final line feed).
SHORT_DIRTY, SHORT_CLEAN = "في ديسميبر  2018", "في ديسمبر 2018\n"
ALREADY_CLEAN = "نص نظيف تماما.\n"

ARCLEAN = [sys.executable, "-m", "arclean.cli"]


def jsonl_record(**fields: object) -> str:
    return json.dumps(fields, ensure_ascii=False) + "\n"


def make_corpus(root: Path) -> dict[str, bytes]:
    """A corpus of every kind of file arclean reads; returns the original bytes by relative path."""
    files = {
        "news/0001.txt": DIRTY.encode(),
        "news/0002.txt": ALREADY_CLEAN.encode(),
        "news/deep/0003.md": SHORT_DIRTY.encode(),
        "data/records.jsonl": (
            jsonl_record(id=1, text=DIRTY, url="https://example.com/a", meta={"z": 1, "a": [1.5, None]})
            + '{"text": "نص نظيف تماما.\\n", "id": 2}\n'
            + "\n"
            + '{"id":3,"text":"\\u0641\\u064a \\u062f\\u064a\\u0633\\u0645\\u064a\\u0628\\u0631  2018","n":1e5}\n'
        ).encode(),
        "data/packed.jsonl.gz": gzip.compress(jsonl_record(text=SHORT_DIRTY, id=9).encode()),
        "data/packed.txt.gz": gzip.compress(DIRTY.encode()),
        "notes.py": b"# not a corpus file\nx  =  1\n",
    }
    for relpath, data in files.items():
        path = root / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return files


def snapshot(root: Path) -> dict[str, bytes]:
    """Every regular file under ``root`` (links not followed) and its bytes.  Taken
    while a run goes on, a file listed and then gone (a temporary file renamed in
    between) is left out: it is not under ``root`` any more."""
    found = {}
    for folder, _, names in os.walk(root):
        for name in names:
            path = Path(folder, name)
            try:
                if path.is_file() and not path.is_symlink():
                    found[path.relative_to(root).as_posix()] = path.read_bytes()
            except FileNotFoundError:
                continue
    return found


def temporaries(root: Path) -> list[str]:
    """Temporary files arclean would have left behind."""
    return sorted(str(path) for path in root.rglob("*.arclean-tmp"))


def read_jsonl(path: Path) -> list[dict[str, object]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:  # type: ignore[operator]
        return [json.loads(line) for line in handle if line.strip()]


def wait_for(condition: Callable[[], object], what: str, timeout: float = 60) -> None:
    """Wait until ``condition()`` holds (a file appears, a process ends), or fail after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.01)


def fault(action: str, name: str, tally: Path, times: int = 1) -> dict[str, str]:
    """The environment that makes a worker writing ``name`` ``kill`` itself or ``stall``,
    the first ``times`` times; each time adds the worker's process id to ``tally``
    (see arclean/files/faults.py)."""
    return {"ARCLEAN_TEST_FAULT": f"{action}:{times}:{tally}:{name}"}


def tally(path: Path) -> list[int]:
    """The process ids a fault has written to its tally file, whole lines only."""
    text = path.read_text() if path.exists() else ""
    return [int(line) for line in text.splitlines(keepends=True) if line.endswith("\n")]
