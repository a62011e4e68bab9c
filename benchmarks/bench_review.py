"""The review report at corpus scale: memory while building it, its size, and how long
Chromium takes to open it.

    python benchmarks/bench_review.py [--documents 2000 20000] [--chromium]

For each size, generated documents (``corpus.py``) are explained and fed to
:class:`arclean.cli.review.Review` in one process; it prints the tracemalloc peak of the
feeding (the report's own memory, the explain reports freed as it goes), the HTML size,
and with ``--chromium`` the time headless Chromium takes to load the file and print its
DOM (minus the time for an empty page).  Memory should stay flat as the corpus grows:
the report keeps a sample per rule and the most changed documents, nothing else.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate  # noqa: E402

import arclean  # noqa: E402
from arclean.cli.review import Review  # noqa: E402


def build(documents: int, out: Path) -> tuple[float, int]:
    """Feed ``documents`` generated documents to a Review; its peak memory (MB) and HTML size."""
    texts = generate(10**12, seed=1)
    review = Review()
    tracemalloc.start()
    for number, document in zip(range(documents), texts, strict=False):
        review.add_document(f"doc-{number}.txt", document.text, arclean.explain(document.text))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    review.write(str(out))
    return peak / 2**20, out.stat().st_size


def chromium_seconds(page: Path) -> float | None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        return None

    def load(target: Path) -> float:
        start = time.perf_counter()
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", target.as_uri()],
                       capture_output=True, timeout=120, check=False)
        return time.perf_counter() - start

    empty = page.with_name("empty.html")
    empty.write_text("<!doctype html><title>empty</title>", encoding="utf-8")
    return min(load(page) for _ in range(3)) - min(load(empty) for _ in range(3))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, nargs="+", default=[2000, 20000])
    parser.add_argument("--chromium", action="store_true", help="also time Chromium opening each report")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for documents in args.documents:
            page = Path(folder) / f"review-{documents}.html"
            peak, size = build(documents, page)
            line = f"{documents:>7} documents: report memory peak {peak:6.1f} MB, HTML {size / 2**20:5.2f} MB"
            if args.chromium:
                seconds = chromium_seconds(page)
                line += ", Chromium: " + ("not installed" if seconds is None else f"{seconds:.2f} s more than an empty page")
            print(line, flush=True)


if __name__ == "__main__":
    main()
