"""Finding the files to clean under fsspec URLs: :func:`discover_urls`.

As for local paths (:mod:`~arclean.files.discover`): folders are walked
recursively in name order, ``include`` and ``exclude`` apply (to the path
relative to the URL given, since a URL is outside the configuration's
folder), files named explicitly are taken as they are.  A URL's tree has no
``.gitignore`` to honour and no symbolic link is followed.
"""

from __future__ import annotations

import posixpath
from typing import Any, Sequence

from ..errors import ArcleanError
from .discover import Problem
from .gitignore import gitignore_spec
from .settings import Settings
from .task import Source
from .urls import filesystem, is_url, join


def discover_urls(
    paths: Sequence[str], settings: Settings, *, force_exclude: bool = False, skip: str | None = None
) -> tuple[list[Source], list[Problem]]:
    """The files to clean under the URLs ``paths``, in a stable order, and the problems met."""
    if not all(is_url(path) for path in paths):
        raise ArcleanError("give either local paths or URLs, not both: " + ", ".join(paths))
    roots = [_root(path) for path in paths]
    folders = [inner if kind == "directory" else posixpath.dirname(inner) for _, inner, kind in roots if kind]
    base = posixpath.commonpath(folders) if folders else "/"
    walker = _Walker(settings, base, skip.rstrip("/") if skip else None)
    for shown, (fs, inner, kind) in zip(paths, roots, strict=True):
        if kind is None:
            walker.problems.append(Problem(shown, "path not found", missing=True))
        elif kind == "directory":
            walker.walk(fs, shown.rstrip("/"), inner)
        elif not force_exclude or walker.wanted(inner, False):
            walker.add(shown, inner, fs.size(inner))
    return walker.sources, walker.problems


def _root(url: str) -> tuple[Any, str, str | None]:
    """The filesystem, the path on it, and ``"directory"``, ``"file"`` or ``None`` (not found)."""
    fs, inner = filesystem(url)
    try:
        kind = fs.info(inner)["type"]
    except (FileNotFoundError, KeyError):
        return fs, inner, None
    return fs, inner.rstrip("/") or "/", "directory" if kind == "directory" else "file"


class _Walker:
    def __init__(self, settings: Settings, base: str, skip: str | None) -> None:
        self.base, self.skip = base, skip
        self.include = gitignore_spec(settings.include)
        self.exclude = gitignore_spec(settings.excluded)
        self.sources: list[Source] = []
        self.problems: list[Problem] = []
        self.seen: set[str] = set()

    def walk(self, fs: Any, shown: str, folder: str) -> None:
        try:
            entries = sorted(fs.ls(folder, detail=True), key=lambda entry: _name(entry["name"]))
        except OSError as error:
            self.problems.append(Problem(shown, f"cannot list the folder: {error.strerror or error}"))
            return
        for entry in entries:
            name = _name(entry["name"])
            inner, url = posixpath.join(folder, name), join(shown, name)
            if entry.get("islink"):
                continue  # never followed
            if entry["type"] == "directory":
                if url != self.skip and self.wanted(inner, True):
                    self.walk(fs, url, inner)
            elif entry["type"] == "file" and self.wanted(inner, False):
                self.add(url, inner, int(entry.get("size") or 0))

    def wanted(self, inner: str, is_dir: bool) -> bool:
        relative = self._relative(inner) + ("/" if is_dir else "")
        if self.exclude.match_file(relative):
            return False
        plain = relative[:-3] if relative.endswith(".gz") else relative
        return is_dir or bool(self.include.match_file(relative) or self.include.match_file(plain))

    def add(self, url: str, inner: str, size: int) -> None:
        if url in self.seen:
            return
        self.seen.add(url)
        relative = self._relative(inner)
        self.sources.append(Source(url, url, relative, relative, size))

    def _relative(self, inner: str) -> str:
        return posixpath.relpath(inner, self.base) if inner != self.base else posixpath.basename(inner)


def _name(path: str) -> str:
    return str(path).rstrip("/").rpartition("/")[2]
