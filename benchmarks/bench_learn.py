"""``arclean learn``'s peak memory on a large JSONL corpus of many sources.

The corpus is :mod:`corpus`'s news pages (200 hosts by URL), with what makes
learning costly added: each host's own chrome (two head and two tail lines in
its own wording, on 60-95% of its pages) and, in every document, two short
lines found nowhere else (subheadings of 4-9 words drawn at random), so the
number of distinct short lines grows with the corpus as it does on real pages.

    python benchmarks/bench_learn.py --size 100MB          # write the corpus, learn it, print the figures
    python benchmarks/bench_learn.py --size 1GB --keep /tmp/learn-1g.jsonl

It runs ``arclean learn FILE --source-field url --out OUT --isolated --jobs N``
under ``/usr/bin/time -v`` (else ``os.wait4``) and prints the wall time, the
peak RSS (the kernel's high-water mark of the largest process), how many
phrases were learned, and how many of the hosts' chrome lines are among them.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from clirun import command  # noqa: E402
from corpus import generate  # noqa: E402

from arclean.config import Config  # noqa: E402
from arclean.learn import preparing  # noqa: E402
from arclean.text.folding import skeleton  # noqa: E402

_WORD = re.compile(r"[\u0621-\u064a]{3,}")
_HEAD = ("{site} | {a} {b} منذ {n} عاما", "تابعوا {site} على {a} و{b} أولا بأول")
_TAIL = ("فريق {site} يتمنى لكم {a} {b}", "اشترك في نشرة {site} لتصلك {a} {b} كل صباح")


def chrome_of(host: str, words: list[str]) -> list[tuple[str, str, float]]:
    """A host's own chrome: (line, head or tail, share of its pages)."""
    rng = random.Random(host)
    site = "موقع " + " ".join(rng.sample(words, 2))
    lines = [(t.format(site=site, a=rng.choice(words), b=rng.choice(words), n=rng.choice("خمسة عشرة عشرين".split())), "head")
             for t in _HEAD]
    lines += [(t.format(site=site, a=rng.choice(words), b=rng.choice(words)), "tail") for t in _TAIL]
    return [(text, region, rng.uniform(0.6, 0.95)) for text, region in lines]


def write_corpus(path: Path | None, size: str, seed: int = 0) -> tuple[int, int, dict[str, list[str]]]:
    """Write the corpus (``None``: only draw it); return its documents, its text bytes and each host's chrome lines."""
    words: list[str] = []
    rng = random.Random(seed)
    chrome: dict[str, list[tuple[str, str, float]]] = {}
    documents = total = 0
    with open(path or os.devnull, "w", encoding="utf-8") as out:
        for doc in generate(size, seed=seed):
            if len(words) < 5000:
                words.extend(w for w in _WORD.findall(doc.text) if w not in words[-200:])
            host = doc.url.split("/")[2]
            if host not in chrome:
                chrome[host] = chrome_of(host, sorted(set(words)))
            lines = doc.text.split("\n")
            head = [text for text, region, share in chrome[host] if region == "head" and rng.random() < share]
            tail = [text for text, region, share in chrome[host] if region == "tail" and rng.random() < share]
            unique = [" ".join(rng.sample(words, rng.randint(4, 9))) for _ in range(2)]
            middle = max(1, len(lines) // 2)
            text = "\n".join(head + lines[:middle] + [unique[0], ""] + lines[middle:] + ["", unique[1], ""] + tail)
            out.write(json.dumps({"id": doc.id, "url": doc.url, "text": text}, ensure_ascii=False) + "\n")
            documents += 1
            total += len(text.encode("utf-8"))
    return documents, total, {host: [text for text, _, _ in lines] for host, lines in chrome.items()}


def learn(path: Path, out: Path, jobs: int) -> tuple[float, float, float, str]:
    """Run ``arclean learn``; return wall seconds, CPU seconds (user + system, with the
    workers), peak RSS in MB and stderr."""
    args = [*command(), "learn", str(path), "--source-field", "url", "--out", str(out), "--isolated", "--jobs", str(jobs)]
    start = time.perf_counter()
    if os.path.exists("/usr/bin/time"):
        run = subprocess.run(["/usr/bin/time", "-v", *args], capture_output=True, text=True, check=False)
        seconds = time.perf_counter() - start
        found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", run.stderr)
        peak = int(found.group(1)) / 1024 if found else float("nan")
        cpu = sum(float(x) for x in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", run.stderr))
        if run.returncode != 0:
            raise SystemExit(f"arclean learn failed:\n{run.stderr}")
        return seconds, cpu, peak, run.stderr.split("\tCommand being timed")[0]
    process = subprocess.Popen(args, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    stderr = process.stderr.read() if process.stderr else ""
    if status != 0:
        raise SystemExit(f"arclean learn failed:\n{stderr}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, stderr


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", default="100MB", help="UTF-8 bytes of text (default 100MB)")
    parser.add_argument("--jobs", default="1", help="comma-separated --jobs values (default 1)")
    parser.add_argument("--keep", metavar="FILE", help="write the corpus here and keep it (reused when it exists)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="bench-learn-"))
    path = Path(args.keep) if args.keep else folder / "corpus.jsonl"
    try:
        start = time.perf_counter()
        if args.keep and path.exists():
            documents, total, chrome = write_corpus(None, args.size, args.seed)  # the same draw, not written
            print(f"corpus: {path} (kept from an earlier run): {documents:,} documents of {len(chrome)} hosts, "
                  f"{total / 1e6:.0f} MB of text ({path.stat().st_size / 1e6:.0f} MB of JSONL)")
        else:
            documents, total, chrome = write_corpus(path, args.size, args.seed)
            print(f"corpus: {documents:,} documents of {len(chrome)} hosts, {total / 1e6:.0f} MB of text "
                  f"({path.stat().st_size / 1e6:.0f} MB of JSONL), written in {time.perf_counter() - start:.0f} s")
        first: Path | None = None
        prepare = preparing(Config())
        for jobs in (int(j) for j in args.jobs.split(",")):
            out = folder / f"chrome-{jobs}.txt"
            seconds, cpu, peak, stderr = learn(path, out, jobs)
            learned = [line for line in out.read_text(encoding="utf-8").split("\n") if line and not line.startswith("#")]
            # As learn compares them: cleaned by the rules before the line rules (a misspelt month fixed), folded.
            wanted = {skeleton(prepare.clean(line)) for lines in chrome.values() for line in lines}
            keys = {skeleton(line) for line in learned}
            found = (f", {len(wanted & keys)} of the hosts' {len(wanted)} chrome lines among them, "
                     f"{len(keys - wanted)} other lines")
            header = [line for line in out.read_text(encoding="utf-8").split("\n") if line.startswith("# Memory bound")]
            print(f"--jobs {jobs}: {seconds:.0f} s wall, {cpu:.0f} s CPU ({total / 1e6 / cpu:.1f} MB of text per CPU second), "
                  f"peak RSS {peak:.0f} MB (largest process); {len(learned)} phrases learned{found}")
            first = first or out
            same = "" if first is out else f"; the same file as --jobs {args.jobs.split(',')[0]}: " + (
                "yes" if first.read_bytes() == out.read_bytes() else "NO")
            print("   ", stderr.strip().split("\n")[-1] + same)
            print("   ", header[0] if header else "# no count was dropped: the counts are exact")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
