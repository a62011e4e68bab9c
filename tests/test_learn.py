"""``arclean learn``: a generated corpus of three sites built from the devset's
gold paragraphs, each with its own head and tail chrome in its own wording, and
content that repeats across and within the sites (a quotation, a verse, a
refrain, category lines).  The real CLI runs on real files."""

from __future__ import annotations

import json
import random
import subprocess
from pathlib import Path

import pytest

import arclean
from arclean.files.learn import Job, count_files, pieces
from arclean.files.settings import Settings
from arclean.learn import MIN_DOCS, MIN_SHARE, Counts, phrase_file, select
from arclean.normalizers.residue.lines import phrase_matcher
from arclean.text.folding import skeleton

from .cli_helpers import ARCLEAN
from .conftest import shared_dir

#: Each site's own chrome: (line, region, share of its pages that carry it).
SITES = {
    "nabd": [
        ("نبض الخليج.. صوتك الحر منذ عقدين", "head", 1.0),
        ("تابعوا نبض الخليج عبر حساباتنا الرسمية", "head", 0.9),
        ("فريق تحرير نبض الخليج يرحب بملاحظاتكم ومقترحاتكم", "tail", 0.8),
        ("انضم إلى قائمة قراء نبض الخليج ليصلك ملخص الأسبوع", "tail", 0.7),
    ],
    "wahat": [
        ("الواحة الإخبارية | حيث تبدأ الحكاية", "head", 0.95),
        ("صفحة الواحة على إنستغرام بانتظار متابعتكم", "head", 0.7),
        ("محررو قسم الأخبار في الواحة يتمنون لكم قراءة ممتعة", "tail", 0.85),
        ("رسالة الواحة الصباحية تصل بريدك كل يوم عند السابعة", "tail", 0.75),
    ],
    "manara": [
        ("المنارة — نور المعرفة لكل بيت عربي", "head", 0.9),
        ("كن أول من يعرف: المنارة في جيبك", "head", 0.7),
        ("عن المنارة: منصة مستقلة يديرها متطوعون من عشرين بلدا", "tail", 1.0),
        ("نشرة المنارة الأسبوعية مجانا لكل المشتركين الجدد", "tail", 0.75),
    ],
}
#: Category lines in the head, one per page: content (the conventions keep them), on about a third of the pages.
CATEGORIES = {
    "nabd": ["اقتصاد وأعمال", "شؤون محلية", "رياضة"],
    "wahat": ["ثقافة وفنون", "أخبار العالم", "صحة"],
    "manara": ["علوم وتقنية", "تاريخ", "آراء"],
}
QUOTATION = (
    "وقال الشاعر في قصيدته التي يحفظها الناس منذ زمن بعيد إن العلم يبني بيوتا لا عماد لها "
    "والجهل يهدم بيت العز والكرم، وهي كلمات تتردد في كل مناسبة تعليمية."
)
VERSE = "﴿إِنَّ مَعَ الْعُسْرِ يُسْرًا﴾"
REFRAIN = "يا بلادي يا بلادي"
CONTENT_LINES = (QUOTATION, VERSE, REFRAIN, *(c for cs in CATEGORIES.values() for c in cs))
DOCS = 40


def _paragraphs() -> list[str]:
    found = []
    for path in sorted(shared_dir("devset").glob("*.gold.txt")):
        for line in path.read_text(encoding="utf-8").split("\n"):
            words = line.split()
            if 20 <= len(words) <= 120 and line.strip().endswith((".", "»", "\"")) and "http" not in line:
                found.append(" ".join(words))
    return sorted(set(found))


def make_site_corpus(root: Path, *, chrome: bool = True, seed: int = 12) -> dict[str, list[str]]:
    """Write 3 sites x 40 documents under ``root/<site>/``; return each site's
    chrome lines.  ``chrome=False`` writes the same documents without them."""
    paragraphs = _paragraphs()
    assert len(paragraphs) >= 60, "the devset's gold files should give enough paragraphs"
    rng = random.Random(seed)
    for s, (site, lines) in enumerate(SITES.items()):
        for d in range(DOCS):
            picked = rng.sample(paragraphs, rng.randint(3, 6))
            title_words = rng.choice(paragraphs).split()[rng.randint(0, 5):][: rng.randint(5, 9)]
            title = " ".join(title_words).rstrip(".،,:؛")
            shown = {text: rng.random() < share for text, _, share in lines}
            head = [text for text, region, _ in lines if region == "head" and shown[text]]
            tail = [text for text, region, _ in lines if region == "tail" and shown[text]]
            body = list(picked)
            if rng.random() < 0.25:  # the quotation, mid-article, on every site
                body.insert(1, QUOTATION)
            if s < 2 and rng.random() < 0.3:  # the verse, mid-article on two sites
                body.insert(2, VERSE)
            if s == 2 and rng.random() < 0.3:  # ... and closing the article on the third
                body.append(VERSE)
            if s == 1 and rng.random() < 0.4:  # a refrain, twice inside the article
                body[1:1] = [REFRAIN]
                body[3:3] = [REFRAIN]
            category = rng.choice(CATEGORIES[site])
            lines_out = (head if chrome else []) + [category, title, ""] + body + (tail if chrome else [])
            path = root / site / f"{d:03d}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("\n".join(lines_out) + "\n", encoding="utf-8")
    return {site: [text for text, _, _ in lines] for site, lines in SITES.items()}


def _jobs(root: Path) -> list[Job]:
    from arclean.files import discover

    settings = Settings(root=root)
    sources, _ = discover([str(root)], settings)
    return [Job(source.path, source.name, settings.config) for source in sources]


def _learned_keys(text: str) -> set[str]:
    return {skeleton(line) for line in text.split("\n") if line and not line.startswith("#")}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, list[str]]]:
    root = tmp_path_factory.mktemp("learn")
    chrome = make_site_corpus(root / "corpus")
    make_site_corpus(root / "plain", chrome=False)
    return root, chrome


@pytest.fixture(scope="module")
def learned(corpus: tuple[Path, dict[str, list[str]]]) -> str:
    root, _ = corpus
    out = root / "site-chrome.txt"
    run = subprocess.run([*ARCLEAN, "learn", "corpus", "--out", str(out), "--isolated"], cwd=root,
                         capture_output=True, text=True, encoding="utf-8", check=False)
    assert run.returncode == 0, run.stderr
    assert "learned 12 lines from 120 documents of 3 sources" in run.stderr
    return out.read_text(encoding="utf-8")


def test_the_chrome_lines_are_not_bundled_phrases() -> None:
    """Otherwise the test would prove nothing: the bundled rules would know them."""
    matcher = phrase_matcher()
    for lines in SITES.values():
        for text, _, _ in lines:
            assert matcher.match(text) is None, text


def test_every_site_chrome_line_is_learned_and_no_content_line(
        corpus: tuple[Path, dict[str, list[str]]], learned: str) -> None:
    _, chrome = corpus
    keys = _learned_keys(learned)
    assert keys == {skeleton(line) for lines in chrome.values() for line in lines}
    assert not keys & {skeleton(line) for line in CONTENT_LINES}


def test_the_file_is_a_reviewable_phrase_file(corpus: tuple[Path, dict[str, list[str]]], learned: str) -> None:
    """A phrase file: a section a source, each phrase under the count behind it, most frequent first."""
    from arclean.datafiles import parse_phrases

    phrases = parse_phrases("site-chrome.txt", learned, cite=True)
    assert {p.kind for p in phrases} == {"widget"} and not any(p.prefix for p in phrases)
    lines = learned.split("\n")
    assert lines[0] == "# kind: widget"
    assert [line for line in lines if line.startswith("# source:")] == [f"# source: corpus/{site}" for site in sorted(SITES)]
    for phrase in phrases:  # in its site's section, under a comment with its documents and region
        site = next(site for site, chrome in SITES.items() if phrase.text in [text for text, _, _ in chrome])
        assert phrase.source == f"corpus/{site}"
        number = int(phrase.origin.rsplit(":", 1)[1])
        assert lines[number - 1] == phrase.text
        assert f" of {DOCS} documents (" in lines[number - 2]
    for section in learned.split("# source: ")[1:]:
        counts = [int(line[2:].split(" of ")[0]) for line in section.split("\n") if line.startswith("# ") and " of " in line]
        assert len(counts) == 4 and counts == sorted(counts, reverse=True), "most frequent first"


def test_fix_with_the_learned_file_removes_exactly_the_chrome(
        corpus: tuple[Path, dict[str, list[str]]], learned: str) -> None:
    """The corpus cleaned with the learned file is the corpus without chrome, cleaned."""
    root, _ = corpus
    (root / "arclean.toml").write_text('boilerplate = ["site-chrome.txt"]\n', encoding="utf-8")
    try:
        for folder, out in (("corpus", "corpus.fixed"), ("plain", "plain.fixed")):
            run = subprocess.run([*ARCLEAN, "fix", folder, "--out", out, "--exit-zero", "-q"], cwd=root,
                                 capture_output=True, text=True, encoding="utf-8", check=False)
            assert run.returncode == 0, run.stderr
    finally:
        (root / "arclean.toml").unlink()
    fixed = {p.relative_to(root / "corpus.fixed"): p.read_text(encoding="utf-8") for p in (root / "corpus.fixed").rglob("*.txt")}
    plain = {p.relative_to(root / "plain.fixed"): p.read_text(encoding="utf-8") for p in (root / "plain.fixed").rglob("*.txt")}
    assert len(fixed) == 3 * DOCS
    assert fixed == plain
    everything = "\n".join(fixed.values())
    for line in CONTENT_LINES:
        assert skeleton(line) in skeleton(everything), line


def _arclean(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*ARCLEAN, *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8", check=False)


def test_a_sites_phrases_apply_to_its_own_pages_only(corpus: tuple[Path, dict[str, list[str]]], learned: str,
                                                     tmp_path: Path) -> None:
    """A page of one site that carries another site's chrome line keeps it; its own goes."""
    _, chrome = corpus
    (tmp_path / "site-chrome.txt").write_text(learned, encoding="utf-8")
    (tmp_path / "arclean.toml").write_text('boilerplate = ["site-chrome.txt"]\n', encoding="utf-8")
    body = _paragraphs()[:3]
    page = [chrome["nabd"][0], chrome["wahat"][0], "عنوان الخبر في الواحة اليوم", "", *body, chrome["wahat"][2]]
    for folder in ("corpus/wahat", "elsewhere"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "page.txt").write_text("\n".join(page) + "\n", encoding="utf-8")
    run = _arclean(tmp_path, "fix", "corpus", "elsewhere", "--exit-zero", "-q")
    assert run.returncode == 0, run.stderr
    wahat = (tmp_path / "corpus/wahat/page.txt").read_text(encoding="utf-8").split("\n")
    assert chrome["nabd"][0] in wahat  # nabd's slogan, on a wahat page: not wahat's chrome
    assert chrome["wahat"][0] not in wahat and chrome["wahat"][2] not in wahat
    assert all(paragraph in wahat for paragraph in body)
    elsewhere = (tmp_path / "elsewhere/page.txt").read_text(encoding="utf-8").split("\n")
    assert all(line in elsewhere for line in page if line)  # a folder of no learned source: nothing learned applies


def test_the_hooks_command_on_named_files_applies_the_learned_file(
        corpus: tuple[Path, dict[str, list[str]]], learned: str, tmp_path: Path) -> None:
    """pre-commit runs ``arclean fix --force-exclude`` on the staged files by name: a file's
    source is still its folder under the configuration's root, from wherever it is named."""
    root, chrome = corpus
    (tmp_path / "site-chrome.txt").write_text(learned, encoding="utf-8")
    (tmp_path / "arclean.toml").write_text('boilerplate = ["site-chrome.txt"]\n', encoding="utf-8")
    for name in ("corpus/nabd/003.txt", "corpus/manara/004.txt"):
        (tmp_path / name).parent.mkdir(parents=True)
        (tmp_path / name).write_bytes((root / name).read_bytes())
    run = _arclean(tmp_path / "corpus", "fix", "--force-exclude", "nabd/003.txt", "../corpus/manara/004.txt")
    assert run.returncode == 1, run.stderr  # it changed files, as a hook reports
    for name in ("corpus/nabd/003.txt", "corpus/manara/004.txt"):
        site = name.split("/")[1]
        fixed, plain = (tmp_path / name).read_text(encoding="utf-8"), (root / "plain" / name[7:]).read_text(encoding="utf-8")
        assert not any(line in fixed.split("\n") for line in chrome[site])
        assert fixed == arclean.clean(plain)


def test_a_learned_files_matcher_is_layered_on_the_bundled_one(corpus: tuple[Path, dict[str, list[str]]],
                                                                learned: str) -> None:
    """The matcher of the bundled phrases plus a learned file's (a pipeline per source) finds
    what one flat table of them all finds, on every line of the corpus and every phrase."""
    from arclean import datafiles as tables
    from arclean.datafiles import Phrase, parse_phrases
    from arclean.normalizers.residue.lines import PhraseMatcher

    root, _ = corpus
    extra = parse_phrases("site-chrome.txt", learned) + (Phrase("الوسوم", "footer", True, "x.txt:1"),
                                                         Phrase("شارك المقال", "share", False, "x.txt:2"))
    flat, layered = PhraseMatcher(tables.phrases() + extra), phrase_matcher(extra)
    assert layered.base is phrase_matcher() and len(layered.exact) == len(extra) - 1
    lines = [p.text for p in tables.phrases() + extra] + [p.text + " عنوان" for p in tables.phrases() + extra]
    lines += [line for path in sorted((root / "corpus").rglob("*.txt")) for line in path.read_text(encoding="utf-8").split("\n")]
    assert [flat.match(line) for line in lines] == [layered.match(line) for line in lines]
    assert sum(layered.match(line) is not None for line in lines) > 1500


def test_clean_and_explain_take_the_source() -> None:
    """``arclean.clean(text, config=..., source=...)``: a source's phrases apply to it only, the
    phrases above every section everywhere; without ``source`` only those."""
    from arclean.datafiles import parse_phrases

    learned = "# kind: widget\nعالم الواحة بين يديك دائما\n# source: nabd.example\nنبض الخليج صوتك الحر منذ عقدين\n"
    config = arclean.Config(boilerplate=parse_phrases("chrome.txt", learned))
    body = _paragraphs()[0]
    text = f"نبض الخليج صوتك الحر منذ عقدين\nعالم الواحة بين يديك دائما\n\n{body}\n"
    assert arclean.clean(text, config=config) == f"نبض الخليج صوتك الحر منذ عقدين\n\n{body}\n"
    assert arclean.clean(text, config=config, source="wahat.example") == arclean.clean(text, config=config)
    assert arclean.clean(text, config=config, source="nabd.example") == f"{body}\n"
    report = arclean.explain(text, config=config, source="nabd.example")
    assert report.text == f"{body}\n"
    assert {change.why for change in report.changes if change.code == "B205"} == {
        "the phrase 'نبض الخليج صوتك الحر منذ عقدين' (chrome.txt:4)"}


def test_check_v_names_the_learned_file_and_line(corpus: tuple[Path, dict[str, list[str]]], learned: str) -> None:
    root, chrome = corpus
    (root / "arclean.toml").write_text('boilerplate = ["site-chrome.txt"]\n', encoding="utf-8")
    try:
        run = _arclean(root, "check", "-v", "corpus/nabd/000.txt")
    finally:
        (root / "arclean.toml").unlink()
    assert run.returncode == 1, run.stderr
    lines = learned.split("\n")
    slogan = chrome["nabd"][0]
    assert f"the phrase {slogan!r} (site-chrome.txt:{lines.index(slogan) + 1})" in run.stdout


def test_jsonl_records_apply_their_hosts_phrases(corpus: tuple[Path, dict[str, list[str]]], tmp_path: Path) -> None:
    """Learned from records by the host of ``url``; applied with ``source-field = "url"``: each
    record loses its own site's chrome and nothing else (as the same records written without it)."""
    root, _ = corpus
    for name, folder in (("all.jsonl", "corpus"), ("plain.jsonl", "plain")):
        with open(tmp_path / name, "w", encoding="utf-8") as out:
            for path in sorted((root / folder).rglob("*.txt")):
                url = f"https://www.{path.parent.name}.example/news/{path.stem}"
                out.write(json.dumps({"url": url, "text": path.read_text(encoding="utf-8")}, ensure_ascii=False) + "\n")
    run = _arclean(tmp_path, "learn", "all.jsonl", "--source-field", "url", "--out", "chrome.txt", "--isolated")
    assert run.returncode == 0, run.stderr
    assert 'source-field = "url"' in (tmp_path / "chrome.txt").read_text(encoding="utf-8")
    texts = {}
    for config in ('boilerplate = ["chrome.txt"]\nsource-field = "url"\n', 'boilerplate = ["chrome.txt"]\n'):
        (tmp_path / "arclean.toml").write_text(config, encoding="utf-8")
        for name in ("all.jsonl", "plain.jsonl"):
            run = _arclean(tmp_path, "fix", name, "--out", "fixed", "--exit-zero", "-q")
            assert run.returncode == 0, run.stderr
            records = (tmp_path / "fixed" / name).read_text(encoding="utf-8").split("\n")
            texts[config, name] = [json.loads(record)["text"] for record in records if record]
    with_field, without = texts[('boilerplate = ["chrome.txt"]\nsource-field = "url"\n', "all.jsonl")], texts[
        ('boilerplate = ["chrome.txt"]\n', "all.jsonl")]
    assert with_field == texts[('boilerplate = ["chrome.txt"]\nsource-field = "url"\n', "plain.jsonl")]
    # Without the field a record's source is its file, and no section is for it: the chrome stays.
    assert sum(line in text for text in without for lines in SITES.values() for line, _, _ in lines) > 300


def test_jobs_2_writes_the_same_file(corpus: tuple[Path, dict[str, list[str]]], learned: str) -> None:
    root, _ = corpus
    out = root / "site-chrome-2.txt"
    run = subprocess.run([*ARCLEAN, "learn", "corpus", "--out", str(out), "--isolated", "--jobs", "2"], cwd=root,
                         capture_output=True, text=True, encoding="utf-8", check=False)
    assert run.returncode == 0, run.stderr
    assert out.read_text(encoding="utf-8") == learned


def test_on_a_dask_cluster_the_same_file(corpus: tuple[Path, dict[str, list[str]]], learned: str, tmp_path: Path) -> None:
    """``--scheduler local``: files in units, a big JSONL file in pieces, each a Dask task; the
    counts merged in order give the file one process gives."""
    pytest.importorskip("distributed", reason='Dask is not installed (pip install "arclean[dask]")')
    root, _ = corpus
    out = tmp_path / "site-chrome.txt"
    run = _arclean(root, "learn", "corpus", "--out", str(out), "--isolated", "--scheduler", "local", "--jobs", "2")
    assert run.returncode == 0, run.stderr
    assert out.read_text(encoding="utf-8") == learned
    with open(tmp_path / "all.jsonl", "w", encoding="utf-8") as handle:
        for path in sorted((root / "corpus").rglob("*.txt")):
            url = f"https://{path.parent.name}.example/{path.stem}"
            handle.write(json.dumps({"url": url, "text": path.read_text(encoding="utf-8")}, ensure_ascii=False) + "\n")
    job = Job(str(tmp_path / "all.jsonl"), "all.jsonl", Settings(root=tmp_path).config, source_field="url")
    assert len(pieces(job, 100_000)) >= 3
    local, dask = count_files([job]), count_files([job], 2, piece=100_000, scheduler="local")
    assert local.docs == dask.docs and select(local) == select(dask) and len(select(dask)) == 12


def test_jsonl_records_are_grouped_by_the_host_of_a_field(tmp_path: Path) -> None:
    """The same documents as JSONL records in one file, their source the host of ``url``."""
    make_site_corpus(tmp_path / "corpus")
    with open(tmp_path / "all.jsonl", "w", encoding="utf-8") as out:
        for path in sorted((tmp_path / "corpus").rglob("*.txt")):
            url = f"https://www.{path.parent.name}.example/news/{path.stem}"
            out.write(json.dumps({"url": url, "text": path.read_text(encoding="utf-8")}, ensure_ascii=False) + "\n")
    run = subprocess.run([*ARCLEAN, "learn", "all.jsonl", "--source-field", "url", "--out", "chrome.txt", "--isolated"],
                         cwd=tmp_path, capture_output=True, text=True, encoding="utf-8", check=False)
    assert run.returncode == 0, run.stderr
    text = (tmp_path / "chrome.txt").read_text(encoding="utf-8")
    assert _learned_keys(text) == {skeleton(t) for lines in SITES.values() for t, _, _ in lines}
    assert "# source: nabd.example\n" in text  # the host, without www.
    # In pieces, in two processes: the same counts and the same file.
    job = Job(str(tmp_path / "all.jsonl"), "all.jsonl", Settings(root=tmp_path).config, source_field="url")
    assert len(pieces(job, 100_000)) >= 3
    one, two = count_files([job]), count_files([job], 2, piece=100_000)
    assert one.docs == two.docs and select(one) == select(two)
    assert phrase_file(select(two), two, "widget", min_docs=5, min_share=0.5, source_field="url") == text
    # Without --source-field the file is one source: each site's chrome is on a third of it, under the default share.
    run = subprocess.run([*ARCLEAN, "learn", "all.jsonl", "--out", "one.txt", "--isolated"], cwd=tmp_path,
                         capture_output=True, text=True, encoding="utf-8", check=False)
    assert run.returncode == 0, run.stderr
    assert _learned_keys((tmp_path / "one.txt").read_text(encoding="utf-8")) == set()


def test_parquet_rows_are_learned_as_jsonl_records(corpus: tuple[Path, dict[str, list[str]]], tmp_path: Path) -> None:
    """A Parquet file (in the default include list) is read by its text and source columns."""
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    root, chrome = corpus
    paths = sorted((root / "corpus").rglob("*.txt"))
    table = pa.table({"url": [f"https://www.{p.parent.name}.example/{p.stem}" for p in paths],
                      "text": [p.read_text(encoding="utf-8") for p in paths]})
    (tmp_path / "data").mkdir()
    pq.write_table(table, tmp_path / "data" / "all.parquet", row_group_size=50)
    run = _arclean(tmp_path, "learn", "data", "--source-field", "url", "--out", "chrome.txt", "--isolated")
    assert run.returncode == 0, run.stderr
    text = (tmp_path / "chrome.txt").read_text(encoding="utf-8")
    assert _learned_keys(text) == {skeleton(line) for lines in chrome.values() for line in lines}
    assert "# source: nabd.example\n" in text
    # fix applies each row's host's phrases: the rows come out as the same pages without chrome, cleaned.
    (tmp_path / "arclean.toml").write_text('boilerplate = ["chrome.txt"]\nsource-field = "url"\n', encoding="utf-8")
    run = _arclean(tmp_path, "fix", "data", "--exit-zero", "-q")
    assert run.returncode == 0, run.stderr
    fixed = pq.read_table(tmp_path / "data" / "all.parquet").column("text").to_pylist()
    plain = [(root / "plain" / p.relative_to(root / "corpus")).read_text(encoding="utf-8") for p in paths]
    assert fixed == [arclean.clean(text) for text in plain]


def test_defaults_sit_in_the_measured_range(corpus: tuple[Path, dict[str, list[str]]]) -> None:
    """The measurement behind MIN_SHARE (see arclean/learn.py): of the lines
    that stand at the page edges, the content repeated most (a category line)
    is on fewer of its site's pages than the rarest chrome line; the default
    share lies between.  Then the sweep: which (min_docs, min_share) learn
    exactly the chrome."""
    root, chrome = corpus
    counts: Counts = count_files(_jobs(root / "corpus"))
    wanted = {skeleton(line) for lines in chrome.values() for line in lines}
    chrome_shares, content_shares = [], []
    for source, tallies in counts.lines.items():
        for tally in tallies.values():
            if tally.docs >= 2 and tally.article <= 0.1 * tally.occurrences:
                share = tally.docs / counts.docs[source]
                (chrome_shares if skeleton(tally.spelling) in wanted else content_shares).append(share)
    assert len(chrome_shares) == 12
    print(f"edge lines: chrome on {min(chrome_shares):.0%}-{max(chrome_shares):.0%} of their site's pages, "
          f"content at most {max(content_shares):.0%}")
    assert max(content_shares) < MIN_SHARE <= min(chrome_shares)
    good = set()
    for min_docs in (2, 5, 10, 20, 30):
        for share in (0.3, 0.4, 0.5, 0.6):
            if {skeleton(item.phrase) for item in select(counts, min_docs, share)} == wanted:
                good.add((min_docs, share))
    print("learn exactly the chrome:", sorted(good))
    assert {(2, 0.5), (5, 0.5), (10, 0.5), (20, 0.5)} <= good and (MIN_DOCS, MIN_SHARE) in good


def test_defaults_on_other_draws_of_the_corpus(tmp_path: Path) -> None:
    """Ten more draws of the generated corpus: the defaults learn every chrome
    line in all of them, and a content line in at most two (a category line
    that came out on over half of its site's pages; the review deletes it)."""
    wanted = {skeleton(text) for lines in SITES.values() for text, _, _ in lines}
    extra = 0
    for seed in range(1, 11):
        make_site_corpus(tmp_path / str(seed), seed=seed)
        keys = {skeleton(item.phrase) for item in select(count_files(_jobs(tmp_path / str(seed))))}
        assert wanted <= keys, seed
        assert keys - wanted <= {skeleton(c) for cs in CATEGORIES.values() for c in cs}, seed
        extra += keys != wanted
    assert extra <= 2


def test_memory_is_bounded_by_the_cap_and_the_chrome_is_still_learned(
        corpus: tuple[Path, dict[str, list[str]]], monkeypatch: pytest.MonkeyPatch) -> None:
    """With a cap of 60 tallies (the corpus has over 100 distinct short lines), rounds of
    lossy counting keep at most the cap; every chrome line is still learned, no content line,
    and the file says that counts were dropped."""
    import arclean.learn

    root, chrome = corpus
    exact = count_files(_jobs(root / "corpus"))
    assert exact.rounds == 0 and exact.entries == sum(map(len, exact.lines.values())) > 100
    monkeypatch.setattr(arclean.learn, "CAP", 60)
    peak = 0
    real_bound = Counts._bound

    def bound(self: Counts) -> None:
        nonlocal peak
        real_bound(self)
        peak = max(peak, sum(map(len, self.lines.values())))

    monkeypatch.setattr(Counts, "_bound", bound)
    bounded = count_files(_jobs(root / "corpus"))
    assert bounded.rounds >= 2 and bounded.dropped > 100 and peak <= 60
    learned = select(bounded)
    assert {skeleton(item.phrase) for item in learned} == {skeleton(line) for lines in chrome.values() for line in lines}
    for item in learned:  # a count is low by at most the rounds
        truth = next(t for t in exact.lines[item.source].values() if t.spelling == item.phrase)
        assert truth.docs - bounded.rounds <= item.docs <= truth.docs
    text = phrase_file(learned, bounded, "widget", min_docs=MIN_DOCS, min_share=MIN_SHARE)
    assert f"in {bounded.rounds} rounds; a count may be low by up to {bounded.rounds}." in text
    # In two processes (forked: the same cap), each file counted alone and the counts merged and pruned.
    two = count_files(_jobs(root / "corpus"), 2)
    assert two.rounds >= 2 and sum(map(len, two.lines.values())) <= 60
    assert {skeleton(item.phrase) for item in select(two)} == {skeleton(line) for lines in chrome.values() for line in lines}
    for item in select(two):
        truth = next(t for t in exact.lines[item.source].values() if t.spelling == item.phrase)
        assert truth.docs - two.rounds <= item.docs <= truth.docs


def test_lines_with_numbers_are_written_as_line_starts_and_dates_are_not(tmp_path: Path) -> None:
    from arclean.learn import written

    assert written("عدد زوار موقع الواحة اليوم: 1520 زائر", "عدد زوار موقع الواحه اليوم # زاير") == "عدد زوار موقع الواحة اليوم: …"
    assert written("آخر تحديث 12:30", "اخر تحديث # #") == ""
    assert written("العدد 4512", "العدد #") == ""


def test_a_missing_path_is_an_error(tmp_path: Path) -> None:
    run = subprocess.run([*ARCLEAN, "learn", "nowhere", "--out", "x.txt", "--isolated"], cwd=tmp_path,
                         capture_output=True, text=True, encoding="utf-8", check=False)
    assert run.returncode == 2 and "nowhere: path not found" in run.stderr
    assert not (tmp_path / "x.txt").exists()
