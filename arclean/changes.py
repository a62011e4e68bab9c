"""What a pipeline changed, and which rule changed it.

Rules are pure ``str -> str`` functions and report nothing themselves; the
pipeline diffs the text before and after each rule that changed it, line by
line, and maps every change back to the line number of the *input* text.
"""

from __future__ import annotations

from array import array
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Callable, Sequence

from ._compiled import speedups
from .normalizers.spelling.typos import Suggestion


@dataclass(frozen=True, init=False)
class Change:
    """One change: the rule that made it, the input line it starts on (1-based),
    and the line(s) before and after, with their line feeds ("" when lines were
    removed or added)."""

    code: str
    line: int
    before: str
    after: str
    #: For a line dropped by a line rule: the evidence it was judged by
    #: (``the phrase 'اترك رد' (wordpress)``, ``chrome words in the tail: 2 of 3``).
    why: str = ""

    def __init__(self, code: str, line: int, before: str, after: str, why: str = "") -> None:
        # The fields straight into the instance's dict: a frozen dataclass's own __init__ sets
        # each through object.__setattr__, and explain makes a Change for every line it changes.
        self.__dict__.update(code=code, line=line, before=before, after=after, why=why)


@dataclass(frozen=True, init=False)
class Report:
    """The cleaned text, every change that produced it, and the suggestions
    (possible corrections) that were reported but not applied."""

    text: str
    changes: tuple[Change, ...]
    suggestions: tuple[Suggestion, ...] = ()

    def __init__(self, text: str, changes: tuple[Change, ...], suggestions: tuple[Suggestion, ...] = ()) -> None:
        # As Change's: one report a text explained, most of them with no change.
        self.__dict__.update(text=text, changes=changes, suggestions=suggestions)

    @property
    def changed(self) -> bool:
        return bool(self.changes)

    def counts(self) -> dict[str, int]:
        """Changes per rule code, in the order the rules ran."""
        return dict(Counter(change.code for change in self.changes))


def split_lines(text: str) -> list[str]:
    """Split a text into lines that keep their line feed, so that adding or
    removing a final line feed is a change of the last line.

    >>> split_lines("a\\nb"), split_lines("a\\n"), split_lines("")
    (['a\\n', 'b'], ['a\\n'], [])
    """
    parts = text.split("\n")
    lines = [part + "\n" for part in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines


def line_changes(code: str, before: str, after: str, origin: Sequence[int]) -> tuple[list[Change], Sequence[int]]:
    """Diff two versions of a text by lines.

    ``origin[i]`` is the input line number of line ``i`` of ``before``; the
    second value returned is the same mapping for ``after``.

    >>> changes, origin = line_changes("W104", "a \\nb\\nc ", "a\\nb\\nc", [1, 2, 3])
    >>> [(c.line, c.before, c.after) for c in changes], list(origin)
    ([(1, 'a \\n', 'a\\n'), (3, 'c ', 'c')], [1, 2, 3])

    In a text of many lines, the lines the two versions share at their start
    and end are set aside first, found on the texts themselves: a rule that
    drops the tail of a file of a million lines costs one change, not a list of
    every line (where a run of equal lines lost some, the change may then stand
    at the run's end rather than its start).

    >>> text = "a\\n" * 20_000
    >>> changes, origin = line_changes("B301", text + "0\\n" * 3, text, range(1, 20_004))
    >>> [(c.line, c.before, c.after) for c in changes], len(origin)
    ([(20001, '0\\n0\\n0\\n', '')], 20000)

    With the compiled core, a page is diffed there (``page_changes``: its lines are
    spans of the texts, compared without a Python string each; the same changes).
    """
    if len(before) <= _TRIM_FROM_LINES or before.count("\n") <= _TRIM_FROM_LINES:  # a page: every line diffed, as difflib aligns them
        if _page_changes is not None and (found := _page_changes(before, after, origin)) is not None:
            return [Change(code, line, old, new) for line, old, new in found[0]], found[1]
        head = tail = 0
    else:
        head = _shared_head(before, after)
        tail = _shared_tail(before, after, head)
    head_lines = before.count("\n", 0, head)
    tail_lines = _count_lines(before, len(before) - tail)
    old_middle, new_middle = before[head:len(before) - tail], after[head:len(after) - tail]
    changes: list[Change] = []
    mapped = array("i", origin[:head_lines])
    if old_middle or new_middle:
        middle_origin = origin[head_lines:len(origin) - tail_lines]
        if not new_middle:  # lines dropped, and nothing else: one change
            changes.append(Change(code, _line_at(origin, head_lines), old_middle, ""))
        else:
            _diff_lines(code, _Lines(old_middle), _Lines(new_middle), middle_origin, origin, head_lines, changes, mapped)
    mapped.extend(origin[len(origin) - tail_lines:])
    return changes, mapped


#: Texts of more lines than this have their shared first and last lines set aside before the diff.
_TRIM_FROM_LINES = 10_000


class _Lines:
    """A text's lines as :func:`split_lines` gives them, each held by a key that
    equals another line's key exactly when the lines are equal, made without a
    copy of each line: the line without its line feed, and the last line, when
    it has none, with one added (no other key holds a line feed).  The keys are
    diffed; the lines are made only for the changes.

    >>> lines = _Lines("a\\nb")
    >>> lines.keys, lines.line(0), lines.line(1), lines.joined(0, 2), lines.joined(1, 1)
    (['a', 'b\\n'], 'a\\n', 'b', 'a\\nb', '')
    """

    __slots__ = ("keys", "full")

    def __init__(self, text: str) -> None:
        keys = text.split("\n")
        last = keys.pop()
        self.full = len(keys)  # the lines that end with a line feed: all but perhaps the last
        if last:
            keys.append(last + "\n")
        self.keys = keys

    def line(self, index: int) -> str:
        key = self.keys[index]
        return key + "\n" if index < self.full else key[:-1]

    def joined(self, start: int, end: int) -> str:
        """``"".join(split_lines(text)[start:end])``."""
        if start >= end:
            return ""
        joined = "\n".join(self.keys[start:end])
        return joined + "\n" if end <= self.full else joined[:-1]


def _diff_lines(code: str, old: _Lines, new: _Lines, origin: Sequence[int], whole: Sequence[int], offset: int,
                changes: list[Change], mapped: array[int]) -> None:
    """Diff the lines that differ; ``origin`` maps them, ``whole[offset]`` is where they start."""
    old_keys, new_keys = old.keys, new.keys
    if len(old_keys) == len(new_keys):  # line for line: each line that differs is a change of its own
        changes.extend(Change(code, origin[i], old.line(i), new.line(i)) for i, key in enumerate(old_keys) if key != new_keys[i])
        mapped.extend(origin[:len(old_keys)])
        return
    for tag, i1, i2, j1, j2 in _opcodes(old_keys, new_keys):
        if tag == "equal":
            mapped.extend(origin[i1:i2])
            continue
        if tag == "replace" and i2 - i1 == j2 - j1:
            for k in range(i2 - i1):
                changes.append(Change(code, origin[i1 + k], old.line(i1 + k), new.line(j1 + k)))
                mapped.append(origin[i1 + k])
            continue
        line = origin[i1] if i1 < len(origin) else _line_at(whole, offset + i1)
        changes.append(Change(code, line, old.joined(i1, i2), new.joined(j1, j2)))
        mapped.extend([line] * (j2 - j1))


#: The compiled core's line diff of a page, all of it (lines split, aligned, each change and the
#: lines' origin, with no Python object a line), or None.
_page_changes = speedups.page_changes if speedups is not None else None
#: The new lines the alignment of a page takes fewer of (200: from there difflib's autojunk
#: drops popular lines, and difflib itself aligns them).
LINE_OPCODES_MAX = 200


def _opcodes(old: list[str], new: list[str]) -> Sequence[tuple[str, int, int, int, int]]:
    """``SequenceMatcher(None, old, new).get_opcodes()``: for fewer than 200 new lines
    (where difflib's autojunk drops nothing) by the compiled core's ``line_opcodes`` or
    :func:`python_line_opcodes`, else by difflib itself.

    >>> _opcodes(["a\\n", "\\n", "b\\n"], ["a\\n", "b\\n"])
    [('equal', 0, 1, 0, 1), ('delete', 1, 2, 1, 1), ('equal', 2, 3, 1, 2)]
    """
    if len(new) < LINE_OPCODES_MAX:
        return _line_opcodes(old, new)
    return SequenceMatcher(None, old, new).get_opcodes()


def python_line_opcodes(a: list[str], b: list[str]) -> list[tuple[str, int, int, int, int]]:
    """difflib's opcodes for a ``b`` of fewer than 200 lines, without difflib's generality
    (no junk, no popular lines to set aside: they cost a short page's diff half its
    time): the longest matching block of a range (ties to the smallest index in ``a``,
    then in ``b``), the ranges on either side of it in turn, adjacent blocks joined.

    >>> python_line_opcodes(["t\\n", "\\n", "\\n", "p\\n", "0\\n"], ["t\\n", "\\n", "p\\n"])
    [('equal', 0, 2, 0, 2), ('delete', 2, 3, 2, 2), ('equal', 3, 4, 2, 3), ('delete', 4, 5, 3, 3)]
    """
    opcodes: list[tuple[str, int, int, int, int]] = []
    i = j = 0
    for block_i, block_j, size in _matching_blocks(a, b):
        tag = "replace" if i < block_i and j < block_j else "delete" if i < block_i else "insert" if j < block_j else ""
        if tag:
            opcodes.append((tag, i, block_i, j, block_j))
        i, j = block_i + size, block_j + size
        if size:
            opcodes.append(("equal", block_i, i, block_j, j))
    return opcodes


def _matching_blocks(a: list[str], b: list[str]) -> list[tuple[int, int, int]]:
    """``SequenceMatcher(None, a, b).get_matching_blocks()`` for a short ``b``."""
    where: dict[str, list[int]] = {}
    for j, line in enumerate(b):
        where.setdefault(line, []).append(j)
    found = []
    ranges = [(0, len(a), 0, len(b))]
    while ranges:
        low_a, high_a, low_b, high_b = ranges.pop()
        best_i, best_j, best = _longest_match(a, where, low_a, high_a, low_b, high_b)
        if best:
            found.append((best_i, best_j, best))
            if low_a < best_i and low_b < best_j:
                ranges.append((low_a, best_i, low_b, best_j))
            if best_i + best < high_a and best_j + best < high_b:
                ranges.append((best_i + best, high_a, best_j + best, high_b))
    found.sort()
    joined = []
    run_i = run_j = run = 0
    for block_i, block_j, size in found:
        if run_i + run == block_i and run_j + run == block_j:
            run += size
        else:
            if run:
                joined.append((run_i, run_j, run))
            run_i, run_j, run = block_i, block_j, size
    if run:
        joined.append((run_i, run_j, run))
    joined.append((len(a), len(b), 0))
    return joined


def _longest_match(a: list[str], where: dict[str, list[int]], low_a: int, high_a: int, low_b: int, high_b: int
                   ) -> tuple[int, int, int]:
    """The longest block of ``a[low_a:high_a]`` found in ``b[low_b:high_b]`` (``where``: each
    line's indexes in ``b``), the first in ``a`` and then in ``b`` of the longest."""
    best_i, best_j, best = low_a, low_b, 0
    lengths: dict[int, int] = {}  # the length of the match that ends at each j, in the row before
    for i in range(low_a, high_a):
        row: dict[int, int] = {}
        for j in where.get(a[i], ()):
            if j < low_b:
                continue
            if j >= high_b:
                break
            k = row[j] = lengths.get(j - 1, 0) + 1
            if k > best:
                best_i, best_j, best = i - k + 1, j - k + 1, k
        lengths = row
    return best_i, best_j, best


#: The alignment of a page's lines: the compiled core's, else the Python one.
_line_opcodes: Callable[[list[str], list[str]], list[tuple[str, int, int, int, int]]] = (
    speedups.line_opcodes if speedups is not None else python_line_opcodes)


def _line_at(origin: Sequence[int], index: int) -> int:
    """The input line of line ``index``; past the end, the last line's (or 1)."""
    if index < len(origin):
        return origin[index]
    return origin[-1] if len(origin) else 1


def _shared_head(a: str, b: str) -> int:
    """The length of the longest run of whole lines both texts start with."""
    low, high = 0, min(len(a), len(b))
    while low < high:  # the longest common prefix, by halving: each comparison runs in C
        middle = (low + high + 1) // 2
        if a[low:middle] == b[low:middle]:
            low = middle
        else:
            high = middle - 1
    return a.rfind("\n", 0, low) + 1  # back to the start of the line it ends in


def _shared_tail(a: str, b: str, head: int) -> int:
    """The length of the longest run of whole lines both texts end with, not
    reaching into their shared head (``head`` starts a line in both)."""
    low, high = 0, min(len(a), len(b)) - head
    while low < high:  # the longest common suffix within the limit, by halving
        middle = (low + high + 1) // 2
        if a[len(a) - middle:len(a) - low] == b[len(b) - middle:len(b) - low]:
            low = middle
        else:
            high = middle - 1
    if low and not (_starts_line(a, len(a) - low, head) and _starts_line(b, len(b) - low, head)):
        # it starts inside a line: from the next line on (a line feed both texts share)
        feed = a.find("\n", len(a) - low)
        low = len(a) - feed - 1 if feed >= 0 else 0
    return low


def _starts_line(text: str, at: int, head: int) -> bool:
    return at == head or text[at - 1] == "\n"


def _count_lines(text: str, start: int) -> int:
    """The number of lines of ``text[start:]`` (which starts a line)."""
    if start >= len(text):
        return 0
    return text.count("\n", start) + (0 if text.endswith("\n") else 1)
