"""A seeded, deterministic corpus of scraped-looking Arabic news pages for the benchmarks.

Each document is a news article built from the clean sentences, headlines and slot
values in ``benchmarks/data/`` (written for this purpose; none comes from the
devset), with the page residue that arclean targets injected at rates close to what
a web crawl holds: a repeated title, counter lines, share bars, comment forms,
"read also" blocks, tag lines and footers around the article; mojibake lines, HTML
entities, invisible characters, no-break spaces, tatweel, misshapen quotes, spaces
before Arabic punctuation, Persian letters, month misspellings and other typos,
CRLF line ends, stray spaces and runs of blank lines inside it.  ``RATES`` lists
every kind with the share of documents that get it.

The same seed gives the same documents in the same order, whatever the size: a
10 MB corpus is the first 10 MB of the 100 MB one.  Sizes count the UTF-8 bytes of
the document texts (the input a cleaner reads), not of the JSON around them.

    python benchmarks/corpus.py --size 100MB --out /tmp/corpus --format jsonl
    python benchmarks/corpus.py --size 5MB --out /tmp/corpus-txt --format txt --stats

Library use::

    from corpus import generate
    texts = [doc.text for doc in generate("10MB", seed=0)]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Iterator, NamedTuple

DATA = Path(__file__).resolve().parent / "data"

#: Share of documents that get each kind of residue.  Page-structure rates follow what
#: crawled Arabic news pages show (most carry some chrome, few carry all of it);
#: character-level damage is rarer.  Tune with ``generate(..., rates=Rates(...))``.


@dataclass(frozen=True)
class Rates:
    breadcrumb: float = 0.05
    title_repeated: float = 0.25  # a quarter of those are near-duplicates
    head_line: float = 0.40  # date / byline line (content, stays)
    head_counter: float = 0.10
    head_share: float = 0.08
    subheading: float = 0.20  # a short heading between paragraphs (content, stays)
    inline_related: float = 0.10  # "read also" block inside the article
    tail_share: float = 0.25
    tail_related: float = 0.20
    tail_tags: float = 0.20
    tail_comment: float = 0.20
    tail_counter: float = 0.10
    tail_widget: float = 0.08
    tail_footer: float = 0.10
    mojibake_line: float = 0.02  # one paragraph broken
    mojibake_document: float = 0.004  # the whole page broken
    html_entities: float = 0.04
    invisible: float = 0.06  # ZWSP, bidi marks, a BOM
    nbsp: float = 0.15
    tatweel: float = 0.10
    bad_quotes: float = 0.08  # a closing mark used as an opener, or the reverse
    doubled_quotes: float = 0.02
    space_before_punct: float = 0.12  # "كلمة ،"
    no_space_after_punct: float = 0.05  # "كلمة،كلمة"
    persian_letters: float = 0.04
    month_typo: float = 0.03
    month_pair: float = 0.03  # "آب / أغسطس"
    common_typo: float = 0.05  # left alone by default (T201 is opt-in)
    crlf: float = 0.05
    edge_spaces: float = 0.20  # leading / trailing spaces on lines
    double_spaces: float = 0.15
    blank_runs: float = 0.30
    hard_wrap: float = 0.05
    no_final_newline: float = 0.30


RATES = Rates()


class Document(NamedTuple):
    id: str
    url: str
    text: str


# --- data files ----------------------------------------------------------------------
_SLOT = re.compile(r"\{(\w+)\}")


def _lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").split("\n") if line and not line.startswith("#")]


def _template(text: str) -> tuple[str, ...]:
    """Split a line with slots into literal / slot-name parts: even indexes are literal."""
    return tuple(_SLOT.split(text))


class _Data:
    def __init__(self, root: Path = DATA) -> None:
        self.topics = {p.stem: [_template(s) for s in _lines(p)] for p in sorted((root / "sentences").glob("*.txt"))}
        self.titles = [_template(s) for p in sorted((root / "titles").glob("*.txt")) for s in _lines(p)]
        self.slots = {p.stem: _lines(p) for p in sorted((root / "slots").glob("*.txt"))}
        self.residue = {p.stem: [_template(s) for s in _lines(p)] for p in sorted((root / "residue").glob("*.txt"))}


# --- character-level damage -------------------------------------------------------------
def _cp1252_table() -> dict[int, str]:
    """Bytes 0x80-0x9F as a browser shows them under windows-1252 (undefined ones as C1)."""
    table = {}
    for byte in range(0x80, 0xA0):
        try:
            table[byte] = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            table[byte] = chr(byte)
    return table


_AS_CP1252 = _cp1252_table()


def _shown_as_cp1252(data: bytes) -> str:
    return data.decode("latin-1").translate(_AS_CP1252)


def mojibake(text: str, kind: int) -> str:
    """Break text the three ways arclean repairs: 0 UTF-8 as cp1252, 1 UTF-8 as
    cp1256, 2 cp1256 as latin-1/cp1252."""
    if kind == 0:
        return _shown_as_cp1252(text.encode("utf-8"))
    if kind == 1:
        return text.encode("utf-8").decode("cp1256", errors="replace")
    return _shown_as_cp1252(text.encode("cp1256", errors="replace"))


_ARABIC = re.compile("[\u0621-\u064a]{2,}")
_MONTH_TYPOS = {"ديسمبر": "ديسميبر", "نوفمبر": "نوفمير", "أكتوبر": "اكتوبير", "أبريل": "ابرايل", "أغسطس": "أغسطص", "سبتمبر": "سبتمير"}
_MONTH_PAIRS = (("آب", "أغسطس"), ("اب", "اغسطس"), ("كانون الأول", "ديسمبر"), ("أيلول", "سبتمبر"), ("تموز", "يوليو"), ("نيسان", "أبريل"))
_COMMON_TYPOS = (("لكن", "لاكن"), ("إن شاء الله", "إنشاء الله"), ("هذه", "هاذه"), ("مسؤولية", "مسؤلية"))
_PERSIAN = str.maketrans({"ي": "ی", "ك": "ک"})
_INVISIBLE = ("\u200b", "\u200f", "\u200e", "\u2060", "\u00ad", "\u202b")
_ENTITIES = (("«", "&laquo;"), ("»", "&raquo;"), (" ", "&nbsp;"), ("\"", "&quot;"), ("، ", "&#1548; "))


class Generator:
    """Builds documents from one seeded random stream; ``counts`` tallies what it injected."""

    def __init__(self, seed: int = 0, rates: Rates = RATES, data: _Data | None = None) -> None:
        self.random = random.Random(seed)
        self.rates = rates
        self.data = data or _Data()
        self.counts: Counter[str] = Counter()
        self.index = 0
        self._topics = list(self.data.topics)

    # helpers
    def _p(self, name: str) -> bool:
        hit = self.random.random() < getattr(self.rates, name)
        if hit:
            self.counts[name] += 1
        return hit

    def _fill(self, template: tuple[str, ...], **fixed: str) -> str:
        parts = list(template)
        for i in range(1, len(parts), 2):
            parts[i] = fixed.get(parts[i]) or self._slot(parts[i])
        return "".join(parts)

    def _slot(self, name: str) -> str:
        r = self.random
        if name == "num":
            return str(r.choice((r.randint(2, 30), r.randint(2, 30), r.randint(31, 999), r.randint(1000, 9999))))
        if name == "pct":
            return f"{r.randint(1, 40)}.{r.randint(0, 9)}" if r.random() < 0.5 else str(r.randint(1, 60))
        if name == "year":
            return str(r.randint(2008, 2025))
        if name == "day":
            return str(r.randint(1, 28))
        if name == "date":
            return f"{r.randint(1, 28)} {r.choice(self.data.slots['month'])} {r.randint(2008, 2025)}"
        if name == "tags":
            return "، ".join(r.choice(self.data.slots[k]) for k in ("city", "country", "org")[: r.randint(2, 3)])
        return r.choice(self.data.slots[name])

    def _block(self, kind: str) -> list[str]:
        return self._fill(self.random.choice(self.data.residue[kind])).split(" | ")

    def _paragraph(self, topic: str) -> str:
        r = self.random
        pool = self.data.topics[topic if r.random() < 0.85 else r.choice(self._topics)]
        return " ".join(self._fill(t) for t in r.sample(pool, r.choice((1, 2, 2, 3, 3, 3, 4, 5))))

    def _title_variant(self, title: str) -> str:
        """A near-duplicate of the title: other hamza, a diacritic, a word dropped."""
        r = self.random
        choice = r.randrange(3)
        if choice == 0:
            return title.replace("أ", "ا").replace("إ", "ا")
        if choice == 1:
            return title.replace(" ", "  ", 1) + " "
        words = title.split(" ")
        if len(words) > 5:
            del words[r.randrange(1, len(words))]
        return " ".join(words)

    # one document
    def document(self) -> Document:
        r, p = self.random, self._p
        index, self.index = self.index, self.index + 1
        topic = r.choice(self._topics)
        head: list[str] = []
        if p("breadcrumb"):
            head += self._block("breadcrumb")
        title = self._fill(r.choice(self.data.titles))
        head.append(title)
        if p("title_repeated"):
            between = r.choice(([], [""], [""], ["0"], self._block("head")))
            head += between + [self._title_variant(title) if r.random() < 0.25 else title]
        if p("head_line"):
            head += self._block("head")
        if p("head_counter"):
            head += self._block("counter")
        if p("head_share"):
            head += self._block("share")

        body = [self._paragraph(topic) for _ in range(r.randint(3, 10))]
        if p("month_typo"):
            month = r.choice(list(_MONTH_TYPOS))
            body[r.randrange(len(body))] += f" وذلك في {r.randint(1, 28)} {_MONTH_TYPOS[month]} {r.randint(2010, 2025)}."
        if p("month_pair"):
            a, b = r.choice(_MONTH_PAIRS)
            body[r.randrange(len(body))] += f" وكان ذلك في {a} / {b} الماضي."
        if p("common_typo"):
            right, wrong = r.choice(_COMMON_TYPOS)
            body[r.randrange(len(body))] += f" وقال أحد المواطنين {wrong} كل شيء سيكون على ما يرام."
        self._damage_paragraphs(body)
        if p("subheading"):
            body.insert(r.randrange(1, len(body)), self._fill(r.choice(self.data.titles)).split(":")[-1].strip())
        if p("inline_related") and len(body) > 2:
            body.insert(r.randrange(1, len(body) - 1), "\n".join(self._related()))

        tail: list[list[str]] = []
        for kind in ("share", "tags", "related", "comment", "counter", "widget", "footer"):
            if p(f"tail_{kind}"):
                if kind == "tags":
                    tail.append([self._fill(r.choice(self.data.residue["footer"][:4]), tags=" ".join(title.split()[:3]))])
                elif kind == "related":
                    tail.append(self._related())
                else:
                    tail.append(self._block(kind))
        r.shuffle(tail)

        sep = "\n\n" if r.random() < 0.7 else "\n"
        blocks = ["\n".join(head)] + body + ["\n".join(block) for block in tail]
        if p("blank_runs"):
            blocks = [b + "\n" * r.randint(1, 3) if r.random() < 0.3 else b for b in blocks]
        text = sep.join(blocks) + ("\n" if not p("no_final_newline") else r.choice(("", "\n\n", " \n")))
        text = self._damage_document(text)
        site = r.randrange(200)
        return Document(f"doc-{index:08d}", f"https://news{site:03d}.example/{r.randint(2008, 2025)}/{index}", text)

    def _related(self) -> list[str]:
        r = self.random
        heading = self._fill(r.choice(self.data.residue["related"]))
        titles = [self._fill(r.choice(self.data.titles)) for _ in range(r.randint(1, 4))]
        if heading.endswith(":") and r.random() < 0.3:
            return [heading + titles[0]]
        return [heading] + titles

    def _damage_paragraphs(self, body: list[str]) -> None:
        r, p = self.random, self._p

        def pick(containing: str = "") -> int:
            candidates = [i for i, paragraph in enumerate(body) if containing in paragraph]
            return r.choice(candidates) if candidates else r.randrange(len(body))

        if p("nbsp"):
            for _ in range(r.randint(1, 3)):
                i = pick()
                body[i] = re.sub(" ", lambda m: "\u00a0" if r.random() < 0.1 else " ", body[i])
        if p("tatweel"):
            i = pick()
            body[i] = _ARABIC.sub(lambda m: self._stretch(m.group(0)) if r.random() < 0.15 else m.group(0), body[i])
        if p("bad_quotes"):
            i = pick()
            words = body[i].split(" ")
            if len(words) > 6:
                at = r.randrange(1, len(words) - 3)
                words[at] = r.choice("“”") + words[at]
                words[at + 2] += r.choice("“”")
                body[i] = " ".join(words)
        if p("doubled_quotes"):
            i = pick()
            words = body[i].split(" ")
            if len(words) > 4:
                at = r.randrange(1, len(words) - 2)
                words[at], words[at + 1] = "““" + words[at], words[at + 1] + "””"
                body[i] = " ".join(words)
        if p("space_before_punct"):
            i = pick("، ")
            body[i] = body[i].replace("، ", " ، ")
        if p("no_space_after_punct"):
            i = pick("، ")
            body[i] = body[i].replace("، ", "،", 1)
        if p("persian_letters"):
            i = pick()
            body[i] = body[i].translate(_PERSIAN)
        if p("html_entities"):
            old, new = r.choice(_ENTITIES)
            i = pick(old)
            body[i] = body[i].replace(old, new, 3)
        if p("double_spaces"):
            i = pick()
            body[i] = re.sub(" ", lambda m: "  " if r.random() < 0.05 else " ", body[i])
        if p("edge_spaces"):
            for _ in range(r.randint(1, 3)):
                i = pick()
                body[i] = r.choice(("  ", " ", "\t", "")) + body[i] + r.choice((" ", "  ", ""))
        if p("hard_wrap"):
            i = pick()
            body[i] = re.sub(r"(.{60,80}?) ", lambda m: m.group(1) + "\n", body[i])
        if p("mojibake_line"):
            i = pick()
            body[i] = mojibake(body[i], r.randrange(3))

    def _stretch(self, word: str) -> str:
        at = self.random.randrange(1, len(word))
        return word[:at] + "\u0640" * self.random.randint(1, 4) + word[at:]

    def _damage_document(self, text: str) -> str:
        r, p = self.random, self._p
        if p("invisible"):
            for _ in range(r.randint(1, 4)):
                at = r.randrange(len(text))
                text = text[:at] + r.choice(_INVISIBLE) + text[at:]
            if r.random() < 0.3:
                text = "\ufeff" + text
        if p("mojibake_document"):
            text = mojibake(text, r.randrange(3))
        if p("crlf"):
            text = text.replace("\n", "\r\n")
        return text

    def __iter__(self) -> Iterator[Document]:
        while True:
            yield self.document()


# --- sizes and output -------------------------------------------------------------------
_UNITS = {"": 1, "B": 1, "KB": 10**3, "MB": 10**6, "GB": 10**9, "KIB": 2**10, "MIB": 2**20, "GIB": 2**30}


def parse_size(size: str | int) -> int:
    """``"100MB"`` -> 100_000_000 (decimal units; KiB, MiB, GiB are binary).

    >>> parse_size("1.5GB"), parse_size("64KiB"), parse_size(10)
    (1500000000, 65536, 10)
    """
    if isinstance(size, int):
        return size
    match = re.fullmatch(r"\s*([0-9]+(?:\.[0-9]+)?)\s*([A-Za-z]*)\s*", size)
    if not match or match.group(2).upper() not in _UNITS:
        raise ValueError(f"bad size {size!r}: use a number with KB, MB, GB (or KiB, MiB, GiB)")
    return int(float(match.group(1)) * _UNITS[match.group(2).upper()])


def generate(size: str | int, *, seed: int = 0, rates: Rates = RATES, generator: Generator | None = None) -> Iterator[Document]:
    """Yield documents until their texts hold at least ``size`` UTF-8 bytes."""
    limit = parse_size(size)
    gen = generator or Generator(seed, rates)
    total = 0
    while total < limit:
        doc = gen.document()
        total += len(doc.text.encode("utf-8"))
        yield doc


def write(out: str | Path, size: str | int, *, fmt: str = "jsonl", seed: int = 0, shard_size: str | int = "64MB",
          rates: Rates = RATES, generator: Generator | None = None) -> dict[str, int]:
    """Write a corpus under ``out``: one ``.txt`` file a document (in folders of 1000),
    or ``.jsonl`` shards of about ``shard_size`` bytes of text (0: one ``corpus.jsonl``)
    with records ``{"id", "url", "text"}``.  Returns counts of documents, bytes, files."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    shard_limit = parse_size(shard_size)
    stats = {"documents": 0, "text_bytes": 0, "files": 0}
    handle = None
    shard_bytes = 0
    try:
        for doc in generate(size, seed=seed, rates=rates, generator=generator):
            data = doc.text.encode("utf-8")
            if fmt == "txt":
                folder = out / f"{stats['documents'] // 1000:05d}"
                folder.mkdir(exist_ok=True)
                (folder / f"{doc.id}.txt").write_bytes(data)
                stats["files"] += 1
            elif fmt == "jsonl":
                if handle is None or (shard_limit and shard_bytes >= shard_limit):
                    if handle is not None:
                        handle.close()
                    name = "corpus.jsonl" if not shard_limit else f"part-{stats['files']:05d}.jsonl"
                    handle = open(out / name, "w", encoding="utf-8", newline="\n")
                    stats["files"] += 1
                    shard_bytes = 0
                handle.write(json.dumps(doc._asdict(), ensure_ascii=False) + "\n")
                shard_bytes += len(data)
            else:
                raise ValueError(f"unknown format {fmt!r}: use txt or jsonl")
            stats["documents"] += 1
            stats["text_bytes"] += len(data)
    finally:
        if handle is not None:
            handle.close()
    return stats


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate a scraped-looking Arabic corpus for the benchmarks.")
    parser.add_argument("--size", default="10MB", help="UTF-8 bytes of text to generate: 1MB … 5GB (default 10MB)")
    parser.add_argument("--out", required=True, help="output folder")
    parser.add_argument("--format", choices=["txt", "jsonl"], default="jsonl")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--shard-size", default="64MB", help="text bytes per .jsonl shard; 0 for one corpus.jsonl")
    parser.add_argument("--stats", action="store_true", help="print how many documents got each kind of residue")
    args = parser.parse_args(argv)
    gen = Generator(args.seed)
    stats = write(args.out, args.size, fmt=args.format, seed=args.seed, shard_size=args.shard_size, generator=gen)
    print(f"{stats['documents']} documents, {stats['text_bytes'] / 1e6:.1f} MB of text, {stats['files']} files in {args.out}")
    if args.stats:
        n = stats["documents"]
        print(f"{'residue':<22}{'rate':>7}{'documents':>11}{'share':>8}")
        for field in fields(Rates):
            count = gen.counts[field.name]
            print(f"{field.name:<22}{field.default:>7.3f}{count:>11}{count / n:>8.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
