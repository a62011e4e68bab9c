"""Gitignore-style patterns, matched as git matches them.

``include``, ``exclude``, ``per-file-ignores`` and the ``.gitignore`` files a
walk meets are all read by :class:`Patterns`, so that a pattern means the
same in a configuration file as in a ``.gitignore``.  (The regexes the
normalizers use are in :mod:`arclean.text.chars`; nothing here touches text.)
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable


@lru_cache(maxsize=256)
def gitignore_spec(patterns: tuple[str, ...]) -> Patterns:
    """Compiled gitignore-style patterns (cached: a run asks for the same ones often)."""
    return Patterns(patterns)


class Patterns:
    """Gitignore-style patterns, as git reads them: ``*`` and ``?`` stop at ``/``,
    ``**`` crosses folders, a pattern with a ``/`` before its end is anchored to
    the base folder (else it matches a name at any depth), a final ``/`` matches
    folders only, ``!`` re-includes, and the last pattern that matches decides.
    Folders are asked about with a final ``/``.

    >>> spec = Patterns(("*.log", "!keep.log", "build/", "/top.txt", "a/**/b.txt"))
    >>> [spec.match_file(p) for p in ("x.log", "d/x.log", "keep.log", "build/", "build", "d/build/x")]
    [True, True, False, True, False, True]
    >>> [spec.match_file(p) for p in ("top.txt", "d/top.txt", "a/b.txt", "a/x/y/b.txt")]
    [True, False, True, True]
    """

    def __init__(self, lines: Iterable[str]) -> None:
        self.rules = [rule for rule in map(_glob_rule, lines) if rule is not None]

    def verdict(self, path: str) -> bool | None:
        """Whether the last pattern that matches ``path`` itself excludes it
        (True) or re-includes it (False, ``!``); None if none matches."""
        for regex, negated in reversed(self.rules):
            if regex.match(path):
                return not negated
        return None

    def match_file(self, path: str) -> bool:
        """Whether ``path`` is matched, or lies in a folder that is (and so
        cannot be re-included, as in git)."""
        parts = path.rstrip("/").split("/")
        if any(self.verdict("/".join(parts[:depth]) + "/") for depth in range(1, len(parts))):
            return True
        return bool(self.verdict(path))


def _glob_rule(line: str) -> tuple[re.Pattern[str], bool] | None:
    stripped = re.sub(r"(?<!\\)\s+$", "", line)
    if not stripped or stripped.startswith("#"):
        return None
    negated = stripped.startswith("!")
    if negated or stripped.startswith(("\\!", "\\#")):
        stripped = stripped[1:]
    folder_only = stripped.endswith("/")
    stripped = stripped.rstrip("/")
    anchored = "/" in stripped
    body = _glob_regex(stripped.lstrip("/"))
    start = "" if anchored or body.startswith("(?:.*/)?") else "(?:.*/)?"
    return re.compile(f"^{start}{body}{'/' if folder_only else '/?'}$", re.DOTALL), negated


def _glob_regex(glob: str) -> str:
    out, i = [], 0
    while i < len(glob):
        if glob.startswith("**/", i) and (i == 0 or glob[i - 1] == "/"):
            out.append("(?:.*/)?")
            i += 3
        elif glob.startswith("**", i) and i + 2 == len(glob) and (i == 0 or glob[i - 1] == "/"):
            out.append(".*")
            i += 2
        elif glob[i] == "*":
            out.append("[^/]*")
            i += 1
        elif glob[i] == "?":
            out.append("[^/]")
            i += 1
        elif glob[i] == "[" and "]" in glob[i + 2 :]:
            end = glob.index("]", i + 2)
            inside = glob[i + 1 : end]
            out.append("[" + ("^" + inside[1:] if inside.startswith("!") else inside).replace("\\", "\\\\") + "]")
            i = end + 1
        elif glob[i] == "\\" and i + 1 < len(glob):
            out.append(re.escape(glob[i + 1]))
            i += 2
        else:
            out.append(re.escape(glob[i]))
            i += 1
    return "".join(out)
