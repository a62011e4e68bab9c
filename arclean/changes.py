"""What a pipeline changed, and which rule changed it.

Rules are pure ``str -> str`` functions and report nothing themselves; the
pipeline diffs the text before and after each rule that changed it, line by
line, and maps every change back to the line number of the *input* text.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Sequence

from .normalizers.typos import Suggestion


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class Report:
    """The cleaned text, every change that produced it, and the suggestions
    (possible corrections) that were reported but not applied."""

    text: str
    changes: tuple[Change, ...]
    suggestions: tuple[Suggestion, ...] = ()

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


def line_changes(code: str, before: str, after: str, origin: list[int]) -> tuple[list[Change], list[int]]:
    """Diff two versions of a text by lines.

    ``origin[i]`` is the input line number of line ``i`` of ``before``; the
    second value returned is the same mapping for ``after``.

    >>> changes, origin = line_changes("W104", "a \\nb\\nc ", "a\\nb\\nc", [1, 2, 3])
    >>> [(c.line, c.before, c.after) for c in changes], origin
    ([(1, 'a \\n', 'a\\n'), (3, 'c ', 'c')], [1, 2, 3])
    """
    old, new = split_lines(before), split_lines(after)
    if len(old) == len(new):
        opcodes: Sequence[tuple[str, int, int, int, int]] = [
            ("equal" if old[i] == new[i] else "replace", i, i + 1, i, i + 1) for i in range(len(old))
        ]
    else:
        opcodes = SequenceMatcher(None, old, new).get_opcodes()
    changes: list[Change] = []
    mapped: list[int] = []
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            mapped.extend(origin[i1:i2])
            continue
        if tag == "replace" and i2 - i1 == j2 - j1:
            for k in range(i2 - i1):
                changes.append(Change(code, origin[i1 + k], old[i1 + k], new[j1 + k]))
                mapped.append(origin[i1 + k])
            continue
        line = origin[i1] if i1 < len(origin) else (origin[-1] if origin else 1)
        changes.append(Change(code, line, "".join(old[i1:i2]), "".join(new[j1:j2])))
        mapped.extend([line] * (j2 - j1))
    return changes, mapped
