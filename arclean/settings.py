"""What a run is set to do: a :class:`~arclean.config.Config` for the pipeline,
plus what the CLI needs to find and read files.

:mod:`arclean.config_loading` builds :class:`Settings` from a configuration
file; :meth:`Settings.override` applies the command-line flags on top.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field, fields
from pathlib import Path

from .config import Config
from .errors import ConfigError
from .gitignore import gitignore_spec
from .registry import expand, select_rules

DEFAULT_INCLUDE = ("*.txt", "*.md", "*.jsonl")
#: Folders no corpus wants cleaned; ``exclude`` replaces this list, ``extend-exclude`` adds to it.
DEFAULT_EXCLUDE = (
    ".git", ".hg", ".svn", ".venv", "venv", ".tox", ".nox", "node_modules",
    "__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache",
)


@dataclass(frozen=True)
class Settings:
    """A :class:`Config` for the pipeline, plus what the CLI needs to find and read files.

    Patterns (``include``, ``exclude``, ``per_file_ignores``) are gitignore-style
    and relative to ``root``: the folder of the configuration file, or the
    current folder when there is none.  ``json_field`` is the ``field`` key.
    """

    config: Config = field(default_factory=Config)
    source: str | None = None
    root: Path = field(default_factory=Path.cwd)
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    json_field: str = "text"
    encoding: str | None = None

    def override(
        self,
        *,
        select: tuple[str, ...] | None = None,
        ignore: tuple[str, ...] = (),
        extend_select: tuple[str, ...] = (),
        profile: str | None = None,
        include: tuple[str, ...] | None = None,
        extend_exclude: tuple[str, ...] = (),
        respect_gitignore: bool | None = None,
        json_field: str | None = None,
        encoding: str | None = None,
    ) -> Settings:
        """Apply command-line options on top of the file's settings.

        As in ruff, ``--select`` on the command line starts the selection
        afresh (the file's ``select``, ``ignore`` and ``extend-select`` no longer
        apply), while ``--ignore``, ``--extend-select`` and ``--exclude`` add to
        the file's lists.  ``None`` leaves a setting as the file has it.
        """
        for flag, codes in (("--select", select or ()), ("--ignore", ignore), ("--extend-select", extend_select)):
            expand(list(codes), setting=flag)
        config = self.config
        if select is not None:
            config = config.replace(select=select, ignore=ignore, extend_select=extend_select)
        else:
            config = config.replace(ignore=config.ignore + ignore, extend_select=config.extend_select + extend_select)
        config = config.replace(profile=profile)
        select_rules(config.select, config.ignore, config.extend_select, config.profile)
        if encoding is not None:
            check_encoding(encoding, "--encoding")
        changes = {
            "include": include,
            "respect_gitignore": respect_gitignore,
            "json_field": json_field,
            "encoding": encoding,
        }
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values.update({key: value for key, value in changes.items() if value is not None})
        values.update(config=config, extend_exclude=self.extend_exclude + extend_exclude)
        return Settings(**values)

    @property
    def excluded(self) -> tuple[str, ...]:
        """``exclude`` and ``extend-exclude`` together."""
        return self.exclude + self.extend_exclude

    def config_for(self, relpath: str) -> Config:
        """The Config for one file: the codes of the ``per-file-ignores`` that
        match ``relpath`` (relative to ``root``, with ``/``) are ignored too."""
        extra: list[str] = []
        for pattern, codes in self.per_file_ignores:
            if gitignore_spec((pattern,)).match_file(relpath):
                extra.extend(code for code in codes if code not in extra and code not in self.config.ignore)
        return self.config.replace(ignore=self.config.ignore + tuple(extra)) if extra else self.config


def check_encoding(value: str, where: str) -> str:
    """``value``, when Python has a codec of that name (``--encoding``, ``encoding =``)."""
    try:
        codecs.lookup(value)
    except LookupError:
        raise ConfigError(f'{where}: unknown encoding "{value}"; use a Python codec name such as "cp1256"') from None
    return value
