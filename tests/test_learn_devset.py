"""``arclean learn`` on real pages: the devset's scraped pages (``../shared/devset``),
grouped by site, and all together as one source at the loosest thresholds.

The devset holds few pages a site (arabkhabar.com 2, three blogspot.com blogs,
uobaghdad.edu.iq 2), so a site's own chrome cannot show there; what the
devset does show is real content that repeats across documents (the verses of
Surat al-Ikhlas, in a page's article and in a Quran text), which must never be
learned.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

from arclean.files.learn import Job, count_files
from arclean.files.settings import Settings
from arclean.learn import select
from arclean.text.folding import skeleton

from .conftest import shared_dir

_SECOND_LEVEL = {"com", "edu", "gov", "org", "net", "co"}


def _site(url: str) -> str:
    """A page's site: its registered domain (``comc.uobaghdad.edu.iq`` -> ``uobaghdad.edu.iq``)."""
    parts = (urlsplit(url).hostname or "").removeprefix("www.").split(".")
    keep = 3 if len(parts) >= 3 and len(parts[-1]) == 2 and parts[-2] in _SECOND_LEVEL else 2
    return ".".join(parts[-keep:])


def _documents(pages_only: bool = True) -> list[tuple[str, str, str]]:
    """(site, dirty text, gold text) of each scraped web page of the devset (or of every document)."""
    found = []
    for meta in sorted(shared_dir("devset").glob("*.meta.json")):
        source = json.loads(meta.read_text(encoding="utf-8"))["source"]
        if source.startswith("pages:") or not pages_only:
            stem = meta.name[: -len(".meta.json")]
            dirty, gold = (meta.with_name(f"{stem}.{kind}.txt").read_text(encoding="utf-8") for kind in ("dirty", "gold"))
            found.append((_site(source[len("pages:"):]) if source.startswith("pages:") else source, dirty, gold))
    return found


def _gold_lines(pages: list[tuple[str, str, str]]) -> set[str]:
    return {skeleton(line) for _, _, gold in pages for line in gold.split("\n") if skeleton(line)}


def _write(path: Path, records: list[tuple[str, str]]) -> Job:
    with open(path, "w", encoding="utf-8") as out:
        for n, (site, text) in enumerate(records):
            out.write(json.dumps({"url": f"https://{site}/{n}", "text": text}, ensure_ascii=False) + "\n")
    return Job(str(path), path.name, Settings(root=path.parent).config, source_field="url")


def test_sites_with_several_pages_teach_nothing_of_their_articles(tmp_path: Path) -> None:
    pages = _documents()
    by_site: dict[str, list[str]] = defaultdict(list)
    for site, dirty, _ in pages:
        by_site[site].append(dirty)
    several = {site: texts for site, texts in by_site.items() if len(texts) >= 2}
    assert len(several) >= 3 and sum(map(len, several.values())) >= 7
    counts = count_files([_write(tmp_path / "sites.jsonl", [(s, t) for s, texts in several.items() for t in texts])])
    assert dict(counts.docs) == {site: len(texts) for site, texts in several.items()}
    learned = select(counts, min_docs=2, min_share=0.5)  # a line on both pages of a two-page site would do
    assert not {skeleton(item.phrase) for item in learned} & _gold_lines(pages)
    # These sites' pages share no short line outside what the rules already remove: nothing is learned.
    assert learned == []


def test_content_repeated_across_real_pages_is_never_learned(tmp_path: Path) -> None:
    """All the devset's documents as one source, at the loosest thresholds (2 documents, 3%
    of them): the lines that repeat across real documents are counted, they are gold
    content (al-Ikhlas, in a page's article and in a Quran text), and none is learned."""
    pages = _documents(pages_only=False)
    counts = count_files([_write(tmp_path / "all.jsonl", [("devset.example", dirty) for _, dirty, _ in pages])])
    assert counts.docs["devset.example"] == len(pages) >= 55
    gold = _gold_lines(pages)
    repeated = [tally for tally in counts.lines["devset.example"].values() if tally.docs >= 2]
    assert repeated, "some real content repeats across the devset's documents"
    assert all(skeleton(tally.spelling) in gold for tally in repeated)
    assert all(tally.article == tally.occurrences for tally in repeated)
    assert {"الله الصمد", "لم يلد ولم يولد"} <= {skeleton(tally.spelling) for tally in repeated}
    assert select(counts, min_docs=2, min_share=0.03) == []
