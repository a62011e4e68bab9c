"""Finding the files to clean: ``include``, ``exclude``, ``.gitignore``, symbolic links.

A walk is read-only and never follows a link; what it cannot take is a
:class:`Problem` (an error, or a note), reported with the results.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Iterator, Sequence

from .gitignore import Patterns, gitignore_spec
from .settings import Settings
from .task import Source
from .urls import is_url


@dataclass(frozen=True)
class Problem:
    """Something found while looking for files: an error (exit code 2) or a note;
    ``missing`` for a path named that does not exist."""

    name: str
    message: str
    error: bool = True
    missing: bool = False


def discover(
    paths: Sequence[str], settings: Settings, *, force_exclude: bool = False, skip: str | None = None
) -> tuple[list[Source], list[Problem]]:
    """The files to clean under ``paths``, in a stable order, and the problems met.

    Folders are walked recursively without following symbolic links; a file
    is taken when it matches ``include`` (``x.txt.gz`` counts as ``x.txt``) and
    neither ``exclude`` nor a ``.gitignore`` rules it out.  Files named
    explicitly are taken as they are, unless ``force_exclude`` (the hook's mode).
    ``skip`` is a folder never to enter (``--out`` inside the tree).
    fsspec URLs are walked by :func:`~arclean.files.url_walk.discover_urls`.
    """
    if any(is_url(path) for path in paths):
        from .url_walk import discover_urls  # here: it imports this module

        return discover_urls(paths, settings, force_exclude=force_exclude, skip=skip)
    roots = [_real_parent(path) for path in paths]
    folders = [os.path.realpath(root) if os.path.isdir(root) else os.path.dirname(root) for root in roots]
    base = folders[0] if len(roots) == 1 and os.path.isdir(roots[0]) else os.path.commonpath(folders)
    walker = _Walker(settings, base, os.path.realpath(skip) if skip else None)
    for shown, absolute in zip(paths, roots, strict=True):
        walker.add_root(shown, absolute, force_exclude)
    return walker.sources, walker.problems


class _Walker:
    def __init__(self, settings: Settings, base: str, skip: str | None) -> None:
        self.settings, self.base, self.skip = settings, base, skip
        self.include = gitignore_spec(settings.include)
        self.exclude = gitignore_spec(settings.excluded)
        self.sources: list[Source] = []
        self.problems: list[Problem] = []
        self.seen: set[str] = set()

    def add_root(self, shown: str, absolute: str, force_exclude: bool) -> None:
        if os.path.islink(absolute) and not os.path.exists(absolute):
            self.problems.append(Problem(shown, "broken symbolic link"))
        elif os.path.isdir(absolute):
            real = os.path.realpath(absolute)
            self._walk(shown, real, real, self._ignores_for(real))
        elif os.path.exists(absolute):
            if not force_exclude or self._wanted(absolute, False, self._ignores_for(absolute)):
                self._add(os.path.realpath(absolute), shown, absolute)
        else:
            self.problems.append(Problem(shown, "path not found", missing=True))

    def _walk(self, shown: str, folder: str, top: str, ignores: list[tuple[str, Patterns]]) -> None:
        if self.settings.respect_gitignore and os.path.isfile(os.path.join(folder, ".gitignore")):
            ignores = ignores + [(folder, _read_gitignore(os.path.join(folder, ".gitignore")))]
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as error:
            self.problems.append(Problem(shown, f"cannot list the folder: {error.strerror}"))
            return
        for entry in entries:
            name = os.path.join(shown, entry.name) if shown != "." else entry.name
            if entry.is_symlink():
                self._symlink(entry, name, top, ignores)
            elif entry.is_dir(follow_symlinks=False):
                if entry.path != self.skip and self._wanted(entry.path, True, ignores):
                    self._walk(name, entry.path, top, ignores)
            elif entry.is_file(follow_symlinks=False) and self._wanted(entry.path, False, ignores):
                self._add(entry.path, name, entry.path)

    def _symlink(self, entry: os.DirEntry[str], name: str, top: str, ignores: list[tuple[str, Patterns]]) -> None:
        """Symbolic links are not followed: a link inside the tree points at a
        file that is cleaned under its own name; one that leads out is noted."""
        if not self._wanted(entry.path, False, ignores):
            return
        target = os.path.realpath(entry.path)
        if not os.path.exists(target):
            self.problems.append(Problem(name, "broken symbolic link"))
        elif os.path.commonpath([target, top]) != top:
            self.problems.append(Problem(name, f"skipped: symbolic link out of the tree (to {target})", False))

    def _wanted(self, path: str, is_dir: bool, ignores: list[tuple[str, Patterns]]) -> bool:
        relative = self._match_path(path) + ("/" if is_dir else "")
        if self.exclude.match_file(relative):
            return False
        if not is_dir:
            plain = relative[:-3] if relative.endswith(".gz") else relative
            if not (self.include.match_file(relative) or self.include.match_file(plain)):
                return False
        if self.settings.respect_gitignore:
            for folder, spec in reversed(ignores):
                verdict = spec.verdict(os.path.relpath(path, folder) + ("/" if is_dir else ""))
                if verdict is not None:
                    return not verdict
        return True

    def _ignores_for(self, path: str) -> list[tuple[str, Patterns]]:
        """The ``.gitignore`` files of the folders that hold ``path``, up to the
        root of its git repository (none outside a repository)."""
        if not self.settings.respect_gitignore:
            return []
        chain = []
        for parent in _parents(os.path.dirname(path)):
            if os.path.isfile(os.path.join(parent, ".gitignore")):
                chain.append((parent, _read_gitignore(os.path.join(parent, ".gitignore"))))
            if os.path.exists(os.path.join(parent, ".git")):
                return chain[::-1]
        return []

    def _match_path(self, path: str) -> str:
        """``path`` relative to the config root (or, outside it, to the base)."""
        root = os.path.realpath(self.settings.root)
        inside = os.path.commonpath([path, root]) == root
        return os.path.relpath(path, root if inside else self.base).replace(os.sep, "/")

    def _add(self, real: str, name: str, path: str) -> None:
        """Add a file: ``real`` to open, ``path`` where it was found (the link, for a link named explicitly)."""
        if real in self.seen:
            return
        self.seen.add(real)
        relpath = os.path.relpath(path, self.base).replace(os.sep, "/")
        self.sources.append(Source(real, os.path.normpath(name), relpath, self._match_path(path), os.stat(real).st_size))


def _real_parent(path: str) -> str:
    """An absolute path whose folder is resolved, its last part kept (a link stays a link)."""
    absolute = os.path.abspath(path)
    return os.path.join(os.path.realpath(os.path.dirname(absolute)), os.path.basename(absolute))


def _parents(folder: str) -> Iterator[str]:
    while True:
        yield folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return
        folder = parent


def _read_gitignore(path: str) -> Patterns:
    with open(path, encoding="utf-8", errors="replace") as handle:
        return gitignore_spec(tuple(handle.read().splitlines()))
