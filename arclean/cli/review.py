"""The review report: one self-contained HTML file that shows what a run changed.

``arclean check|fix PATH --report review.html [--sample N]`` writes it; so
can a program (:class:`Review`, fed with :func:`arclean.explain` reports or
with the command's :class:`~arclean.files.FileResult` values).  It holds

- the run's summary and a bar chart of changes per rule (inline SVG; each bar
  links to the rule's section);
- per rule: code, name, summary, changes and documents touched, and a
  reproducible random sample (seeded reservoir sampling) of before/after pairs
  with the changed characters highlighted, where they are (file, JSONL record,
  line), the evidence for a dropped line, and two lines around a removed line;
- the documents (files, or JSONL records) that changed most, each with its
  side-by-side diff, collapsed (``<details>``).

Invisible characters are shown as named marks (NBSP, ZWNJ, RLM…).  Arabic is
shown right to left; a line with no Arabic reads left to right.  No script,
no network, no external asset: the file opens from disk anywhere.

Streaming: memory is bounded by the sample size and the number of documents
listed (``sample`` per rule, ``top`` documents), not by the corpus.
"""

from __future__ import annotations

import heapq
import html
import random
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any, Iterable, Mapping, Protocol, Sequence

from .. import __version__
from ..changes import Report, split_lines
from ..errors import ArcleanError
from ..registry import BY_CODE, RULES

SAMPLE, TOP = 20, 100  # samples per rule; documents listed by amount of change
CONTEXT = 2  # lines shown around a removed line
MAX_TEXT = 3000  # characters shown of one side of a change
MAX_ROWS = 400  # rows of one document's side-by-side diff
FINE_DIFF = 8000  # above this many characters, a pair is highlighted whole, not character by character

#: Invisible or confusable characters and the names they are shown by.
MARKS = {
    "\u00a0": "NBSP", "\u00ad": "SHY", "\u061c": "ALM", "\u180e": "MVS", "\u200b": "ZWSP", "\u200c": "ZWNJ",
    "\u200d": "ZWJ", "\u200e": "LRM", "\u200f": "RLM", "\u202a": "LRE", "\u202b": "RLE", "\u202c": "PDF",
    "\u202d": "LRO", "\u202e": "RLO", "\u202f": "NNBSP", "\u2060": "WJ", "\u2066": "LRI", "\u2067": "RLI",
    "\u2068": "FSI", "\u2069": "PDI", "\u3000": "IDSP", "\ufeff": "BOM", "\t": "TAB", "\r": "CR", "\ufffd": "FFFD",
}


class ChangeLike(Protocol):
    """What a change needs to be shown: :class:`arclean.Change` or :class:`arclean.files.FileChange`."""

    @property
    def code(self) -> str: ...
    @property
    def line(self) -> int: ...
    @property
    def before(self) -> str: ...
    @property
    def after(self) -> str: ...


@dataclass(frozen=True)
class Sample:
    """One change kept in a rule's sample."""

    code: str
    where: str
    before: str
    after: str
    why: str = ""
    above: tuple[str, ...] = ()
    below: tuple[str, ...] = ()


@dataclass
class _Rule:
    changes: int = 0
    documents: int = 0
    seen: int = 0
    samples: list[Sample] = field(default_factory=list)


Row = tuple[str, "int | None", str, "int | None", str]  # kind, old line, old text, new line, new text


class Review:
    """Collect what a run changed, then :meth:`write` the HTML report.

    >>> import arclean
    >>> review = Review(sample=5, seed=1)
    >>> review.add_document("a.txt", "في ديسميبر 2018", arclean.explain("في ديسميبر 2018"))
    >>> sorted(review.rules), review.documents
    (['T101', 'W106'], 1)
    """

    def __init__(self, *, sample: int = SAMPLE, seed: int = 0, top: int = TOP, json_field: str = "text",
                 title: str = "arclean review") -> None:
        if sample < 0 or top < 0:
            raise ValueError("sample and top must not be negative")
        self.sample, self.seed, self.top, self.json_field, self.title = sample, seed, top, json_field, title
        self.rules: dict[str, _Rule] = {}
        self.documents = 0  # documents (files, or records) changed
        self._random: dict[str, random.Random] = {}
        self._top: list[tuple[int, int, str, list[Row]]] = []  # a min-heap: the most changed documents
        self._count = 0

    # -- input ------------------------------------------------------------------------------------

    def add_document(self, name: str, text: str, report: Report, *, record: int | None = None) -> None:
        """One document cleaned by :func:`arclean.explain` (``record``: its line in a JSONL file)."""
        if report.changes:
            self._add(_where(name, record), report.changes, _rows(text, report.text))

    def add_result(self, result: Any) -> None:
        """A :class:`~arclean.files.FileResult` of the command (cleaned with ``detail``
        and ``diff``, so that it carries its changes and its unified diff)."""
        changes = getattr(result, "changes", ())
        if not changes:
            return
        if any(getattr(change, "field_line", None) is not None for change in changes):
            records: dict[int, list[Any]] = {}
            for change in changes:
                records.setdefault(change.line, []).append(change)
            fields = _record_fields(result.diff, self.json_field)
            for line, found in records.items():
                before, after = fields.get(line, ("", ""))
                rows = _rows(before, after) if before or after else []
                self._add(_where(result.name, line), [_Field(c) for c in found], rows)
        else:
            self._add(_where(result.name, None), changes, _rows_of_diff(result.diff))

    def _add(self, where: str, changes: Sequence[ChangeLike], rows: list[Row]) -> None:
        self.documents += 1
        old = {number: text for _, number, text, _, _ in rows if number is not None}
        touched: set[str] = set()
        for change in changes:
            rule = self.rules.setdefault(change.code, _Rule())
            rule.changes += 1
            touched.add(change.code)
            self._offer(rule, change, where, old)
        for code in touched:
            self.rules[code].documents += 1
        self._count += 1
        amount = len(changes) * 1_000_000 + min(sum(len(c.before) + len(c.after) for c in changes), 999_999)
        entry = (amount, -self._count, where, [(k, i, a[:MAX_TEXT], j, b[:MAX_TEXT]) for k, i, a, j, b in rows[:MAX_ROWS]])
        if len(self._top) < self.top:
            heapq.heappush(self._top, entry)
        elif self.top and entry[:2] > self._top[0][:2]:
            heapq.heapreplace(self._top, entry)

    def _offer(self, rule: _Rule, change: ChangeLike, where: str, old: Mapping[int, str]) -> None:
        """Reservoir sampling (algorithm R), one seeded generator per rule: the same
        run gives the same sample, whatever other rules did."""
        rule.seen += 1
        if not self.sample:
            return
        if len(rule.samples) < self.sample:
            slot = len(rule.samples)
        else:
            generator = self._random.setdefault(change.code, random.Random(f"{self.seed}:{change.code}"))
            slot = generator.randrange(rule.seen)
            if slot >= self.sample:
                return
        above: tuple[str, ...] = ()
        below: tuple[str, ...] = ()
        if change.before and not change.after:  # a removed line: the lines around it
            removed = len(split_lines(change.before))
            above = tuple(old[n] for n in range(change.line - CONTEXT, change.line) if n in old)
            below = tuple(old[n] for n in range(change.line + removed, change.line + removed + CONTEXT) if n in old)
        line = f"{where}:{change.line}" if " record " not in where else f"{where}, line {change.line}"
        sample = Sample(change.code, line, change.before[:MAX_TEXT], change.after[:MAX_TEXT],
                        getattr(change, "why", "") or "", above, below)
        if slot == len(rule.samples):
            rule.samples.append(sample)
        else:
            rule.samples[slot] = sample

    # -- output -----------------------------------------------------------------------------------

    def write(self, path: str, summary: Mapping[str, Any] | None = None) -> None:
        """Write the report to ``path`` (an :class:`~arclean.ArcleanError` if it cannot be written)."""
        try:
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(self.html(summary))
        except OSError as error:
            raise ArcleanError(f"cannot write the report {path}: {error.strerror or error}") from None

    def html(self, summary: Mapping[str, Any] | None = None) -> str:
        order = {rule.code: index for index, rule in enumerate(RULES)}
        codes = sorted(self.rules, key=lambda code: (order.get(code, len(order)), code))
        total = sum(rule.changes for rule in self.rules.values())
        parts = [_HEAD.format(title=_e(self.title), css=_CSS),
                 f"<h1>{_e(self.title)}</h1>\n", _summary(summary, self.documents, total, len(codes))]
        parts.append(_chart(codes, self.rules))
        parts.append('<h2 id="rules">Rules</h2>\n')
        for code in codes:
            parts.append(self._rule_section(code))
        parts.append(self._documents_section())
        parts.append(f'<footer>arclean {_e(__version__)}; samples drawn with seed {self.seed}</footer>\n</body>\n</html>\n')
        return "".join(parts)

    def _rule_section(self, code: str) -> str:
        rule, info = BY_CODE.get(code), self.rules[code]
        name, summary = (rule.name, rule.summary) if rule else ("", "")
        shown = len(info.samples)
        head = (f'<section class="rule" id="rule-{_e(code)}">\n<h3><code>{_e(code)}</code> {_e(name)}</h3>\n'
                f'<p class="summary">{_e(summary)}</p>\n<p class="counts">{info.changes:,} changes in '
                f'{info.documents:,} document{"s" if info.documents != 1 else ""}; '
                f'{"all" if shown == info.changes else f"a random sample of {shown}"} shown</p>\n')
        items = [head, '<ol class="samples">\n']
        for sample in sorted(info.samples, key=lambda s: s.where):
            items.append(_sample(sample))
        items.append("</ol>\n</section>\n")
        return "".join(items)

    def _documents_section(self) -> str:
        ranked = sorted(self._top, reverse=True)
        more = self.documents - len(ranked)
        parts = [f'<h2 id="documents">Documents by amount of change</h2>\n<p>{self.documents:,} documents changed'
                 + (f"; the {len(ranked):,} most changed are listed" if more > 0 else "") + ".</p>\n<ol class=\"docs\">\n"]
        for amount, _, where, rows in ranked:
            changes = amount // 1_000_000
            parts.append(f'<li><details><summary><span class="where">{_e(where)}</span> '
                         f'<span class="n">{changes:,} change{"s" if changes != 1 else ""}</span></summary>\n')
            parts.append(_table(rows))
            parts.append("</details></li>\n")
        parts.append("</ol>\n")
        return "".join(parts)


class _Field:
    """A JSONL change seen as a change of the field: its line is the line in the field."""

    def __init__(self, change: Any) -> None:
        self.code, self.before, self.after = change.code, change.before, change.after
        self.line = change.field_line
        self.why = getattr(change, "why", "")


def _where(name: str, record: int | None) -> str:
    return name if record is None else f"{name} record {record}"


# -- diffs ------------------------------------------------------------------------------------------


def _rows(before: str, after: str, context: int = 3) -> list[Row]:
    """Side-by-side rows of two texts, runs of equal lines beyond ``context`` left out."""
    old, new = split_lines(before), split_lines(after)
    rows: list[Row] = []
    for group in SequenceMatcher(None, old, new, autojunk=False).get_grouped_opcodes(context):
        if rows or group[0][1] > 0:
            rows.append(("skip", None, "", None, ""))
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                rows.extend(("equal", i + 1, old[i], j + 1, new[j]) for i, j in zip(range(i1, i2), range(j1, j2), strict=True))
            else:
                rows.extend(_paired(list(zip(range(i1 + 1, i2 + 1), old[i1:i2], strict=True)),
                                    list(zip(range(j1 + 1, j2 + 1), new[j1:j2], strict=True))))
    return rows


def _paired(removed: list[tuple[int, str]], added: list[tuple[int, str]]) -> list[Row]:
    rows: list[Row] = []
    for k in range(max(len(removed), len(added))):
        i, a = removed[k] if k < len(removed) else (None, "")
        j, b = added[k] if k < len(added) else (None, "")
        rows.append(("replace" if i is not None and j is not None else "delete" if i is not None else "insert", i, a, j, b))
    return rows


def _rows_of_diff(diff: str) -> list[Row]:
    """Side-by-side rows of a unified diff (the hunks the command made)."""
    rows: list[Row] = []
    removed: list[tuple[int, str]] = []
    added: list[tuple[int, str]] = []
    old_left = new_left = 0
    old_no = new_no = 0

    def flush() -> None:
        rows.extend(_paired(removed, added))
        removed.clear()
        added.clear()

    for line in diff.splitlines(keepends=True):
        if old_left <= 0 and new_left <= 0:
            if line.startswith("@@"):
                flush()
                old_no, old_left, new_no, new_left = _hunk_header(line)
                rows.append(("skip", None, "", None, ""))
            continue
        if line.startswith("\\"):
            continue
        sign, text = line[:1], line[1:]
        if sign == " ":
            flush()
            rows.append(("equal", old_no, text, new_no, text))
            old_no, new_no, old_left, new_left = old_no + 1, new_no + 1, old_left - 1, new_left - 1
        elif sign == "-":
            removed.append((old_no, text))
            old_no, old_left = old_no + 1, old_left - 1
        elif sign == "+":
            added.append((new_no, text))
            new_no, new_left = new_no + 1, new_left - 1
    flush()
    if rows and rows[0][0] == "skip" and _first_line(rows) == 1:
        rows.pop(0)
    return rows


def _first_line(rows: list[Row]) -> int | None:
    return next((row[1] or row[3] for row in rows if row[0] != "skip"), None)


def _hunk_header(line: str) -> tuple[int, int, int, int]:
    """``@@ -3,4 +3,2 @@`` → (3, 4, 3, 2); a count left out is 1."""
    old, new = line.split()[1:3]

    def numbers(part: str) -> tuple[int, int]:
        start, _, count = part[1:].partition(",")
        return int(start), int(count) if count else 1

    (a, b), (c, d) = numbers(old), numbers(new)
    return a if b else a + 1, b, c if d else c + 1, d


def _record_fields(diff: str, key: str) -> dict[int, tuple[str, str]]:
    """The field's text before and after, by record line, from a JSONL diff."""
    import json

    fields: dict[int, tuple[str, str]] = {}
    line_no, before = 0, ""
    for line in diff.splitlines():
        if line.startswith("@@"):
            line_no = int(line.split()[1][1:].split(",")[0])
        elif line.startswith("-") and not line.startswith("--- "):
            before = _field(json, line[1:], key)
        elif line.startswith("+") and not line.startswith("+++ "):
            fields[line_no] = (before, _field(json, line[1:], key))
    return fields


def _field(json: Any, line: str, key: str) -> str:
    from ..files.fields import find  # a nested field too (meta.text)

    try:
        _, value = find(json.loads(line), key)
    except ValueError:
        return ""
    return value if isinstance(value, str) else ""


# -- HTML -------------------------------------------------------------------------------------------


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _visible(text: str, changed: bool = False) -> str:
    """Escaped text with invisible characters as named marks; in a changed
    segment a line feed is marked too (a removed or added line feed shows)."""
    out = []
    for char in text:
        if char in MARKS:
            out.append(f'<span class="mk" title="U+{ord(char):04X} {_e(unicodedata.name(char, ""))}">{MARKS[char]}</span>')
        elif char == "\n":
            out.append('<span class="mk" title="line feed">LF</span>\n' if changed else "\n")
        elif unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp", "Co", "Cs"):
            out.append(f'<span class="mk" title="{_e(unicodedata.name(char, ""))}">U+{ord(char):04X}</span>')
        else:
            out.append(_e(char))
    return "".join(out)


def _highlight(before: str, after: str) -> tuple[str, str]:
    """Both sides as HTML, the characters that differ in ``<del>`` / ``<ins>``."""
    if len(before) + len(after) > FINE_DIFF:
        return (f"<del>{_visible(before, True)}</del>" if before else "",
                f"<ins>{_visible(after, True)}</ins>" if after else "")
    left, right = [], []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if tag == "equal":
            left.append(_visible(before[i1:i2]))
            right.append(_visible(after[j1:j2]))
            continue
        if i2 > i1:
            left.append(f"<del{_isolate(before[i1:i2])}>{_visible(before[i1:i2], True)}</del>")
        if j2 > j1:
            right.append(f"<ins{_isolate(after[j1:j2])}>{_visible(after[j1:j2], True)}</ins>")
    return "".join(left), "".join(right)


def _isolate(segment: str) -> str:
    """A Latin segment (``&nbsp;``) inside Arabic reads left to right, as written;
    an Arabic one stays in its line, so that its letters still join."""
    return ' dir="ltr"' if _direction(segment) == "ltr" and any(char.isascii() and char.isalpha() for char in segment) else ""


def _direction(text: str) -> str:
    """``rtl`` for text with Arabic letters, else ``ltr``."""
    return "rtl" if any("\u0600" <= char <= "\u06ff" or "\u0750" <= char <= "\u08ff" or "\ufb50" <= char <= "\ufefc"
                        for char in text) else "ltr"


def _text(body: str, source: str, cls: str) -> str:
    return f'<div class="t {cls}" dir="{_direction(source)}">{body}</div>'


def _sample(sample: Sample) -> str:
    before, after = sample.before, sample.after
    if before.endswith("\n") and after.endswith("\n"):
        before, after = before[:-1], after[:-1]
    left, right = _highlight(before, after)
    parts = [f'<li class="pair"><div class="where">{_e(sample.where)}</div>\n']
    if sample.why:
        parts.append(f'<div class="why">why: <span dir="auto">{_e(sample.why)}</span></div>\n')
    parts.append('<div class="sides">')
    if sample.above or sample.below:  # a removed line in its context
        context = "".join(_text(_visible(line.rstrip("\n")) or "&#160;", line, "ctx") for line in sample.above)
        context += _text(left or "&#160;", sample.before, "old")
        context += "".join(_text(_visible(line.rstrip("\n")) or "&#160;", line, "ctx") for line in sample.below)
        parts.append(f'<div class="side"><div class="label">removed, in context</div>{context}</div>')
    else:
        parts.append(f'<div class="side"><div class="label">before</div>{_text(left or "&#160;", sample.before, "old")}</div>')
        right = right or '<span class="empty">(removed)</span>'
        parts.append(f'<div class="side"><div class="label">after</div>{_text(right, sample.after or sample.before, "new")}</div>')
    parts.append("</div></li>\n")
    return "".join(parts)


def _table(rows: Iterable[Row]) -> str:
    out = ['<table class="diff"><colgroup><col class="no"><col><col class="no"><col></colgroup>\n<tbody>\n']
    for kind, i, a, j, b in rows:
        if kind == "skip":
            out.append('<tr class="skip"><td colspan="4">⋯</td></tr>\n')
            continue
        a, b = a[:MAX_TEXT], b[:MAX_TEXT]
        a, b = (a[:-1] if a.endswith("\n") and (b.endswith("\n") or kind == "delete") else a,
                b[:-1] if b.endswith("\n") and (a.endswith("\n") or kind == "insert" or kind == "replace") else b)
        if kind == "replace":
            left, right = _highlight(a, b)
        elif kind == "delete":
            left, right = f"<del>{_visible(a, True)}</del>", ""
        elif kind == "insert":
            left, right = "", f"<ins>{_visible(b, True)}</ins>"
        else:
            left, right = _visible(a), _visible(b)
        out.append(f'<tr class="{kind}"><td class="no">{i or ""}</td><td dir="{_direction(a)}">{left}</td>'
                   f'<td class="no">{j or ""}</td><td dir="{_direction(b or a)}">{right}</td></tr>\n')
    out.append("</tbody></table>\n")
    return "".join(out)


def _summary(summary: Mapping[str, Any] | None, documents: int, changes: int, rules: int) -> str:
    items = []
    if summary:
        files = summary.get("files")
        if files is not None:
            items.append(("files scanned", f"{files:,}"))
            items.append(("files changed", f"{summary.get('changed', 0):,}"))
        for key, label in (("failed", "files failed"), ("skipped", "files skipped")):
            if summary.get(key):
                items.append((label, f"{summary[key]:,}"))
        if "bytes" in summary:
            items.append(("size", f"{summary['bytes'] / 1e6:,.1f} MB"))
        if "seconds" in summary:
            items.append(("time", f"{summary['seconds']:,.1f} s"))
    items += [("documents changed", f"{documents:,}"), ("changes", f"{changes:,}"), ("rules", f"{rules:,}")]
    cells = "".join(f'<div class="stat"><div class="v">{value}</div><div class="k">{_e(key)}</div></div>' for key, value in items)
    return f'<section class="run">{cells}</section>\n'


def _chart(codes: Sequence[str], rules: Mapping[str, _Rule]) -> str:
    """A horizontal bar per rule (inline SVG), each linking to the rule's section."""
    if not codes:
        return '<p class="none">Nothing changed.</p>\n'
    top = max(rules[code].changes for code in codes)
    bar, gap, label, width = 20, 6, 300, 520
    height = len(codes) * (bar + gap) + gap
    parts = [f'<h2 id="chart">Changes per rule</h2>\n<svg class="chart" xmlns="http://www.w3.org/2000/svg" '
             f'width="{label + width + 90}" height="{height}" viewBox="0 0 {label + width + 90} {height}" '
             f'role="img" aria-label="changes per rule">\n']
    for index, code in enumerate(codes):
        count = rules[code].changes
        y = gap + index * (bar + gap)
        length = max(2, round(width * count / top))
        rule = BY_CODE.get(code)
        name = f"{code} {rule.name}" if rule else code
        parts.append(f'<a href="#rule-{_e(code)}"><title>{_e(name)}: {count:,} changes</title>'
                     f'<text x="{label - 8}" y="{y + bar - 5}" text-anchor="end">{_e(name if len(name) <= 40 else name[:39] + "…")}</text>'
                     f'<rect class="bar" data-code="{_e(code)}" x="{label}" y="{y}" width="{length}" height="{bar}" rx="3"/>'
                     f'<text x="{label + length + 6}" y="{y + bar - 5}">{count:,}</text></a>\n')
    parts.append("</svg>\n")
    return "".join(parts)


_HEAD = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>{title}</title>
<style>{css}</style>
</head>
<body>
"""

_CSS = """
:root { --ar: "Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "Scheherazade New", "Geeza Pro", "Arabic Typesetting",
  "Traditional Arabic", "Segoe UI", Tahoma, "DejaVu Sans", "Arial Unicode MS", sans-serif; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; margin: 2rem auto;
  max-width: 72rem; padding: 0 1rem; color: #1d2330; background: #fff; line-height: 1.45; }
h1 { font-size: 1.6rem; margin: 0 0 1rem; } h2 { margin-top: 2.2rem; border-bottom: 1px solid #d8dde6; }
h3 { margin: 0 0 .2rem; } code { font-size: .95em; background: #eef1f6; padding: 0 .3em; border-radius: 3px; }
.run { display: flex; flex-wrap: wrap; gap: .8rem; }
.stat { border: 1px solid #d8dde6; border-radius: 6px; padding: .5rem .9rem; min-width: 7rem; }
.stat .v { font-size: 1.3rem; font-weight: 600; } .stat .k { color: #5b6474; font-size: .85rem; }
svg.chart { font: 13px system-ui, "DejaVu Sans", sans-serif; max-width: 100%; height: auto; }
svg.chart rect.bar { fill: #3b6fd8; } svg.chart a:hover rect.bar { fill: #1d4fb8; }
.rule { border: 1px solid #d8dde6; border-radius: 8px; padding: 1rem; margin: 1rem 0; }
.summary { margin: .2rem 0; } .counts { color: #5b6474; margin: .2rem 0 .6rem; }
ol.samples { padding-inline-start: 1.5rem; } li.pair { margin: .7rem 0; }
.where { font: 12px ui-monospace, "DejaVu Sans Mono", monospace; color: #5b6474; direction: ltr; }
.why { font-size: .85rem; color: #7a4b00; }
.sides { display: grid; grid-template-columns: 1fr 1fr; gap: .5rem; }
.side { min-width: 0; } .label { font-size: .75rem; color: #5b6474; }
.t { font-family: var(--ar); font-size: 1.05rem; white-space: pre-wrap; overflow-wrap: anywhere;
  unicode-bidi: plaintext; border-radius: 4px; padding: .25rem .5rem; }
.t.old { background: #fff4f4; } .t.new { background: #f2fbf3; } .t.ctx { color: #6b7280; background: #f7f8fa; }
del { background: #ffc7c7; text-decoration: line-through; text-decoration-color: #b00020; }
ins { background: #b6f0bd; text-decoration: none; }
.mk { font: 10px ui-monospace, "DejaVu Sans Mono", monospace; border: 1px solid #9aa3b2; border-radius: 3px;
  padding: 0 2px; margin: 0 1px; color: #374151; background: #fffbe6; direction: ltr; unicode-bidi: isolate; }
.empty { color: #9aa3b2; font-style: italic; }
ol.docs { padding-inline-start: 1.5rem; } ol.docs li { margin: .3rem 0; }
summary { cursor: pointer; } summary .n { color: #5b6474; margin-inline-start: .6rem; }
table.diff { border-collapse: collapse; width: 100%; table-layout: fixed; margin: .4rem 0 1rem; }
table.diff td { font-family: var(--ar); vertical-align: top; padding: .1rem .4rem; white-space: pre-wrap;
  overflow-wrap: anywhere; unicode-bidi: plaintext; border-bottom: 1px solid #f0f2f5; }
table.diff col.no { width: 3.5rem; } table.diff td.no { color: #9aa3b2; font: 11px ui-monospace, monospace; text-align: right; }
tr.replace td, tr.delete td, tr.insert td { background: #fbfbf4; } tr.skip td { text-align: center; color: #9aa3b2; }
footer { margin: 2rem 0; color: #9aa3b2; font-size: .8rem; }
"""
