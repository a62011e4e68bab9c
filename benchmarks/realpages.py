"""A corpus of real page shapes, beside the generated one of ``corpus.py``.

Real scraped documents are short (about 1.4 KB and 7 lines) and mostly clean: most
of a crawl needs no change, and per-document and per-line costs weigh more than on
the 2.9 KB articles ``corpus.py`` builds.  This corpus is made of:

- the devset (``/work/shared/devset`` or ``$ARCLEAN_DEVSET``; the project never copies
  it): every dirty and every gold document, as they are;
- pieces of them: windows of 2-8 consecutive lines of a devset document (a short
  page, a page cut short by a scraper);
- generated pages cut to a real shape: the head, one to three paragraphs and the
  tail of a ``corpus.py`` document, most of them generated with every damage rate
  at a fifth (so that most documents come out clean).

Seeded and deterministic.  Without the devset it is built from the generator alone
(``devset_found`` says so).

    from realpages import real_pages
    texts = real_pages(2_000_000, seed=0)          # about 2 MB of UTF-8 text

``mutate`` (used by ``difffuzz.py``) damages a document in one of the ways scrapers
and the other rules' triggers do: lines swapped, dropped, doubled or borrowed from
another page, trigger characters inserted, line ends changed.
"""

from __future__ import annotations

import os
import random
import re
from dataclasses import fields, replace
from pathlib import Path

import corpus

DEVSET = Path(os.environ.get("ARCLEAN_DEVSET", "/work/shared/devset"))


def devset_documents(folder: Path = DEVSET) -> list[str]:
    """The devset's dirty and gold texts, in name order ([] without the devset)."""
    if not folder.is_dir():
        return []
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt")) if p.name.endswith((".dirty.txt", ".gold.txt"))]


def devset_found(folder: Path = DEVSET) -> bool:
    return bool(devset_documents(folder))


def _quiet_rates(scale: float) -> corpus.Rates:
    return replace(corpus.RATES, **{f.name: getattr(corpus.RATES, f.name) * scale for f in fields(corpus.Rates)})


def _cut(text: str, r: random.Random) -> str:
    """A generated page cut to a real shape: head, one to three paragraphs, tail."""
    blocks = text.split("\n\n") if "\n\n" in text else text.split("\n")
    sep = "\n\n" if "\n\n" in text else "\n"
    if len(blocks) <= 4:
        return text
    keep = r.randint(1, 3)
    start = 1 + r.randrange(max(1, len(blocks) - 2 - keep))
    tail = blocks[-r.randint(1, 2):] if r.random() < 0.6 else []
    cut = sep.join([blocks[0], *blocks[start:start + keep], *tail])
    return cut if tail else cut.rstrip() + "\n"


def real_pages(size: int, seed: int = 0, folder: Path = DEVSET) -> list[str]:
    """About ``size`` UTF-8 bytes of real-shaped documents (at least one of each devset text)."""
    r = random.Random(seed)
    dev = devset_documents(folder)
    quiet = corpus.Generator(seed, _quiet_rates(0.2))
    full = corpus.Generator(seed + 1)
    texts: list[str] = list(dev)
    total = sum(len(t.encode("utf-8")) for t in texts)
    while total < size:
        pick = r.random()
        if dev and pick < 0.35:
            lines = r.choice(dev).split("\n")
            n = r.randint(2, 8)
            at = r.randrange(max(1, len(lines) - n + 1))
            text = "\n".join(lines[at:at + n])
            if r.random() < 0.85:
                text += "\n"
        elif pick < 0.85:
            text = _cut(quiet.document().text, r)
        else:
            text = _cut(full.document().text, r)
        if not text.strip():
            continue
        texts.append(text)
        total += len(text.encode("utf-8"))
    return texts


# --- mutations (the differential fuzz) ---------------------------------------------------
#: Characters and strings that rules trigger on: every family gets a chance.
TRIGGERS = (
    "\u00a0", "\u202f", "\u2009", "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\ufeff", "\u00ad",
    "\u0640", "\u0640\u0640", "“", "”", "«", "»", '"', "'", "‘", "’", "„", "““", "””", " ،", "،", " ؛", "؟", "!!",
    "ک", "ی", "۴", "٣", "ﻻ", "ﷺ", "&amp;", "&quot;", "&#1605;", "&nbsp;", "Ø§Ù„", "ط§ظ„", "ÇáÚÑÈí", "Ã", "\t",
    "  ", " ", "\r\n", "\r", "\n", "\n\n\n", "0", "12", "2019", "ديسميبر", "نوفمير", "أغسطص", "شهر", "آب / أغسطس",
    "كانون الأول/ديسمبر", "ـ", ":", "-", "•", "|", "»»", "http://example.com/a?b=1", "© 2020", "اقرأ أيضا:",
    "اترك رد", "شارك", "تعليقات", "0 تعليق", "الرئيسية » أخبار", "Tweet", "المصدر:", "\u064e", "\u0651",
)


def mutate(text: str, r: random.Random, others: list[str]) -> str:
    """One to four damages of a text (lines swapped, dropped, doubled, borrowed;
    trigger strings inserted; line ends changed)."""
    for _ in range(r.randint(1, 4)):
        lines = text.split("\n")
        kind = r.randrange(9)
        if kind == 0 and len(lines) > 1:
            i, j = r.randrange(len(lines)), r.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == 1 and len(lines) > 1:
            del lines[r.randrange(len(lines))]
        elif kind == 2:
            i = r.randrange(len(lines))
            lines.insert(r.randrange(len(lines) + 1), lines[i])
        elif kind == 3 and others:
            donor = r.choice(others).split("\n")
            n = r.randint(1, 3)
            at = r.randrange(max(1, len(donor) - n + 1))
            lines[r.randrange(len(lines) + 1):0] = donor[at:at + n]
        elif kind in (4, 5, 6):
            joined = "\n".join(lines)
            for _ in range(r.randint(1, 3)):
                at = r.randrange(len(joined) + 1)
                joined = joined[:at] + r.choice(TRIGGERS) + joined[at:]
            lines = joined.split("\n")
        elif kind == 7:
            i = r.randrange(len(lines))
            lines[i] = r.choice(("", " ", "  ")) + lines[i] + r.choice(("", " ", "\u00a0", "\t"))
        else:
            joined = "\n".join(lines)
            choice = r.randrange(4)
            if choice == 0:
                joined = joined.replace("\n", "\r\n")
            elif choice == 1:
                joined = joined.rstrip("\n") + r.choice(("", "\n", "\n\n", " \n"))
            elif choice == 2:
                joined = re.sub(r"\n\n+", "\n", joined)
            else:
                joined = joined.replace("\n", "\n\n", r.randint(1, 3))
            lines = joined.split("\n")
        text = "\n".join(lines)
    return text
