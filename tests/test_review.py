"""The HTML review report (``check|fix --report``): valid HTML of a real run, a
reproducible sample, bounded memory, and a real browser (headless Chromium)."""

from __future__ import annotations

import html
import io
import json
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest

import arclean
from arclean.cli import main
from arclean.cli.review import Review

from .cli_helpers import ROOT, make_corpus

DOCUMENTS = ROOT / "tests" / "documents"
REMOVED = "قال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين.\nوأضاف أن الخطة تشمل القرى.\nاترك رد\n"


def _corpus(root: Path) -> Path:
    """A small real corpus: the shared mixed corpus, real dirty pages, JSONL records."""
    make_corpus(root)
    for path in sorted(DOCUMENTS.glob("*.dirty.txt"))[:12]:
        shutil.copy(path, root / "news" / path.name)
    with open(root / "data" / "more.jsonl", "w", encoding="utf-8") as handle:
        for number, text in enumerate([REMOVED, "كتب\u200c الكاتب   مقالا ، ثم نشره .\n", "نص نظيف.\n"] * 3):
            handle.write(json.dumps({"id": number, "text": text}, ensure_ascii=False) + "\n")
    return root


def _report(tmp_path: Path, *args: str) -> tuple[str, dict[str, object]]:
    """Run the real command with --report; the report's HTML and the JSON summary."""
    corpus = tmp_path / "corpus"
    if not corpus.exists():
        _corpus(corpus)
    report = tmp_path / "review.html"
    out = io.StringIO()
    code = main(["check", str(corpus), "--isolated", "--output-format", "json", "--report", str(report), *args],
                stdout=out, stderr=io.StringIO())
    assert code == 1
    return report.read_text(encoding="utf-8"), json.loads(out.getvalue())


def _without_time(page: str) -> str:
    return re.sub(r'<div class="v">[0-9.,]+ s</div>', "", page)


def test_the_report_of_a_real_run_is_valid_html_with_every_rule(tmp_path: Path) -> None:
    html5lib = pytest.importorskip("html5lib", reason="html5lib is not installed (it is in the test extra)")
    page, document = _report(tmp_path)
    html5lib.HTMLParser(strict=True).parse(page)  # raises on any parse error
    counts = document["summary"]["counts"]  # type: ignore[index]
    assert len(counts) >= 5
    for code, count in counts.items():
        assert f'id="rule-{code}"' in page and f'href="#rule-{code}"' in page
        assert f'<rect class="bar" data-code="{code}"' in page
        section = page.split(f'id="rule-{code}"', 1)[1].split("</section>", 1)[0]
        assert f"{count:,} changes in " in section
    assert page.count('<rect class="bar"') == len(counts)
    # self-contained: no script, no external asset, nothing fetched
    assert "<script" not in page and not re.search(r'(src|href)="(?!#|data:)', page)
    assert "https://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    # invisible characters as named marks; pairs right to left; JSONL records named with their line
    assert ">NBSP</span>" in page and ">ZWNJ</span>" in page
    assert 'class="t old" dir="rtl"' in page and 'class="t new" dir="rtl"' in page
    assert "more.jsonl record 1, line 3" in page
    # a removed line: shown between its two lines around
    b301 = page.split('id="rule-B301"', 1)[1].split("</section>", 1)[0]
    assert "removed, in context" in b301 and "وأضاف أن الخطة تشمل القرى." in b301
    # documents by amount of change, collapsed
    assert page.count("<details>") == page.count("</details>") >= 10
    assert "<details open" not in page


def test_a_dropped_line_shows_its_context_and_the_evidence() -> None:
    review = Review()
    review.add_document("page.txt", REMOVED, arclean.explain(REMOVED))
    (sample,) = review.rules["B301"].samples
    assert sample.where == "page.txt:3" and sample.why and sample.after == ""
    assert sample.above == ("قال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين.\n", "وأضاف أن الخطة تشمل القرى.\n")
    page = review.html()
    why = html.escape(sample.why)
    assert f'<div class="why">why: <span dir="auto">{why}</span></div>' in page


def test_the_sample_is_reproducible_and_the_same_in_parallel(tmp_path: Path) -> None:
    first, _ = _report(tmp_path, "--sample", "3")
    again, _ = _report(tmp_path, "--sample", "3")
    parallel, _ = _report(tmp_path, "--sample", "3", "--jobs", "2")
    assert _without_time(first) == _without_time(again) == _without_time(parallel)
    assert "a random sample of 3 shown" in first


def _feed(review: Review, documents: int) -> None:
    text = "العنوان\u00a0الأول {n}\n\nفي ديسميبر  2018\n"
    for number in range(documents):
        review.add_document(f"doc{number}.txt", text.format(n=number), arclean.explain(text.format(n=number)))


def test_the_sample_follows_the_seed() -> None:
    def sample(seed: int) -> list[str]:
        review = Review(sample=5, seed=seed)
        _feed(review, 300)
        return [s.where for s in review.rules["W102"].samples]

    assert sample(7) == sample(7)
    assert sample(7) != sample(8)
    assert any(not where.startswith(("doc0.", "doc1.", "doc2.", "doc3.", "doc4.")) for where in sample(7))


def test_memory_is_bounded_by_the_sample_and_the_documents_listed() -> None:
    review = Review(sample=4, top=6)
    _feed(review, 2000)
    assert review.documents == 2000
    for rule in review.rules.values():
        assert rule.changes == rule.documents == 2000
        assert len(rule.samples) == 4
    assert len(review._top) == 6
    page = review.html()
    assert page.count("<details>") == 6 and "the 6 most changed are listed" in page


def test_fix_writes_the_report_and_prints_no_diff(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    out = io.StringIO()
    assert main(["fix", str(corpus), "--isolated", "--report", str(tmp_path / "r.html")], stdout=out, stderr=io.StringIO()) == 1
    assert "@@" not in out.getvalue() and "T101" in (tmp_path / "r.html").read_text(encoding="utf-8")
    assert main(["check", str(corpus), "--isolated"], stdout=io.StringIO(), stderr=io.StringIO()) == 0


def test_standard_input_has_no_report(tmp_path: Path) -> None:
    err = io.StringIO()
    code = main(["check", "-", "--report", str(tmp_path / "r.html")], stdin=io.StringIO("x"), stdout=io.StringIO(), stderr=err)
    assert code == 2 and "--report" in err.getvalue()


def test_a_report_that_cannot_be_written_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "page.txt").write_text(REMOVED, encoding="utf-8")
    err = io.StringIO()
    code = main(["check", str(tmp_path / "page.txt"), "--isolated", "--report", str(tmp_path / "no" / "r.html")],
                stdout=io.StringIO(), stderr=err)
    assert code == 2 and "cannot write the report" in err.getvalue()


# -- a real browser ---------------------------------------------------------------------------------

CHROMIUM = next((shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome") if shutil.which(name)), None)
CONSOLE = re.compile(r"CONSOLE|Uncaught|console\.(error|warn)|Failed to load resource|net::ERR_", re.I)


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
               f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def _console(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if CONSOLE.search(line)]


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium found on PATH (.ci/run installs Debian's chromium)")
def test_the_report_renders_in_chromium(tmp_path: Path) -> None:
    page, document = _report(tmp_path)
    report = tmp_path / "review.html"
    # the console check catches an error: a page that logs one is caught
    broken = tmp_path / "broken.html"
    broken.write_text('<!DOCTYPE html><title>x</title><script>console.error("arclean-probe")</script>', encoding="utf-8")
    assert any("arclean-probe" in line for line in _console(_chromium(tmp_path, "--dump-dom", broken.as_uri()).stderr))

    started = time.monotonic()
    shown = _chromium(tmp_path, "--dump-dom", report.as_uri())
    seconds = time.monotonic() - started
    assert shown.returncode == 0, shown.stderr[-2000:]
    assert _console(shown.stderr) == []
    dom = shown.stdout
    counts = document["summary"]["counts"]  # type: ignore[index]
    assert len(re.findall(r'<rect class="bar" data-code="[A-Z]\d+"', dom)) == len(counts)
    pairs = re.findall(r'<li class="pair">.*?</li>', dom, re.S)
    assert len(pairs) >= len(counts) and all('dir="rtl"' in pair for pair in pairs)
    assert seconds < 60

    screenshot = tmp_path / "review.png"
    shot = _chromium(tmp_path, f"--screenshot={screenshot}", "--window-size=1280,2400", "--hide-scrollbars", report.as_uri())
    assert shot.returncode == 0, shot.stderr[-2000:]
    assert _console(shot.stderr) == []
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and screenshot.stat().st_size > 20_000


def test_the_report_of_a_real_run_says_why_a_line_was_dropped(tmp_path: Path) -> None:
    """The evidence travels from explain() through the file records to the report."""
    page = tmp_path / "page.txt"
    page.write_text("قال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين في الأسبوع المقبل، وإن التمويل جاهز.\nاترك رد\n",
                    encoding="utf-8")
    report = tmp_path / "review.html"
    code = main(["check", str(page), "--isolated", "--report", str(report)], stdout=io.StringIO(), stderr=io.StringIO())
    assert code == 1
    assert "why: " in report.read_text(encoding="utf-8")
    assert html.escape("the phrase 'اترك رد'", quote=True) in report.read_text(encoding="utf-8")
