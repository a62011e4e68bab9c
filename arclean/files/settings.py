"""What a run is set to do: a :class:`~arclean.config.Config` for the pipeline,
plus what the CLI needs to find and read files; and :data:`KEYS`, the one table
of every setting.

:mod:`arclean.files.config_file` builds :class:`Settings` from a configuration
file with the readers of :data:`KEYS`; :meth:`Settings.override` puts the
command-line flags on top, merging each as :data:`KEYS` says.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Callable

from ..config import Config
from ..datafiles import Phrase, parse_corrections, parse_phrases
from ..errors import ConfigError, DataFileError
from ..normalizers.quotes import QUOTE_STYLES
from ..registry import PROFILES, expand, select_rules
from .gitignore import gitignore_spec

DEFAULT_INCLUDE = ("*.txt", "*.md", "*.jsonl", "*.parquet")
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
    current folder when there is none.  ``json_field`` is the ``field`` key;
    ``source_field`` (``source-field``) the JSONL field whose URL's host is a
    record's source, for the ``# source:`` sections of a learned phrase file.
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
    source_field: str | None = None

    def override(self, **flags: Any) -> Settings:
        """Apply command-line options (by field name: ``select``,
        ``extend_exclude``, ``encoding``…) on top of the file's settings.

        Each merges as its row of :data:`KEYS` says: as in ruff, ``--select``
        starts the selection afresh (the file's ``select``, ``ignore`` and
        ``extend-select`` no longer apply), while ``--ignore``,
        ``--extend-select`` and ``--exclude`` add to the file's lists (that is
        :meth:`Config.merge`, as for :func:`arclean.clean`).  ``None`` leaves a
        setting as the file has it.
        """
        unknown = set(flags) - {key.field for key in KEYS}
        if unknown:
            raise TypeError(f"Settings.override() got unknown settings: {', '.join(sorted(unknown))}")
        layer: dict[str, Any] = {}
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        for key in KEYS:
            value = flags.get(key.field)
            if value is None:
                continue
            key.check_flag(value)
            if key.in_config:
                layer[key.field] = value
            elif key.merge == EXTEND:
                values[key.field] = values[key.field] + tuple(value)
            else:
                values[key.field] = value
        config = self.config.merge(**layer)
        select_rules(config.select, config.ignore, config.extend_select, config.profile)
        values["config"] = config
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
        return self.config.merge(ignore=extra) if extra else self.config


def check_encoding(value: str, where: str) -> str:
    """``value``, when Python has a codec of that name (``--encoding``, ``encoding =``)."""
    try:
        codecs.lookup(value)
    except LookupError:
        raise ConfigError(f'{where}: unknown encoding "{value}"; use a Python codec name such as "cp1256"') from None
    return value


# --- reading a configuration table's values ---------------------------------------------


@dataclass(frozen=True)
class Context:
    """Where a value comes from, for error messages and relative paths."""

    where: str
    key: str
    root: Path

    def error(self, message: str) -> ConfigError:
        return ConfigError(f"{self.where} {self.key}: {message}")


Reader = Callable[[Any, Context], Any]


def _strings(value: Any, context: Context, what: str = "glob patterns") -> tuple[str, ...]:
    """A list of gitignore-style patterns, relative to the configuration file."""
    if isinstance(value, str):
        raise context.error(f'expected a list of {what}, got the string "{value}"; write {context.key} = ["{value}"]')
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise context.error(f"expected a list of {what}, got {value!r}")
    return tuple(value)


def _codes(value: Any, context: Context) -> tuple[str, ...]:
    """A list of rule codes or code prefixes (``"B"``, ``"T1"``, ``"W103"``, ``"ALL"``)."""
    codes = _strings(value, context, "rule codes")
    try:
        expand(list(codes), setting=context.key)
    except ConfigError as error:
        raise ConfigError(f"{context.where} {error}") from None
    return codes


def _choice(choices: tuple[str, ...]) -> Reader:
    def read(value: Any, context: Context) -> str:
        if value not in choices:
            raise context.error(f"{value!r} is not one of {', '.join(repr(choice) for choice in choices)}")
        return str(value)

    read.__doc__ = f"One of {', '.join(f'``{choice!r}``' for choice in choices)}."
    return read


def _boolean(value: Any, context: Context) -> bool:
    """``true`` or ``false``."""
    if not isinstance(value, bool):
        raise context.error(f"expected true or false, got {value!r}")
    return value


def _text(value: Any, context: Context) -> str:
    """A non-empty string."""
    if not isinstance(value, str) or not value:
        raise context.error(f"expected a non-empty string, got {value!r}")
    return value


def _encoding(value: Any, context: Context) -> str:
    """A Python codec name, such as ``"cp1256"``."""
    return check_encoding(_text(value, context), f"{context.where} {context.key}")


def _per_file_ignores(value: Any, context: Context) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """A table of ``"pattern" = [rule codes]``: the codes are ignored too in the files the pattern matches."""
    if not isinstance(value, dict):
        raise context.error('expected a table of pattern = [codes], such as "news/*.txt" = ["B101"]')
    return tuple(
        (pattern, _codes(codes, Context(context.where, f'{context.key} "{pattern}"', context.root)))
        for pattern, codes in value.items()
    )


def _data_files(value: Any, context: Context) -> list[tuple[str, str]]:
    """The ``(name, text)`` of each file a key lists (paths relative to the configuration file)."""
    texts = []
    for name in _strings(value, context, "file paths"):
        path = context.root / name
        try:
            texts.append((name, path.read_text(encoding="utf-8")))
        except OSError as error:
            raise context.error(f'cannot read "{name}" ({error.strerror}); paths are relative to the configuration file') from None
        except UnicodeDecodeError as error:
            raise context.error(f'"{name}" is not valid UTF-8 at byte {error.start}; save it as UTF-8') from None
    return texts


def _boilerplate(value: Any, context: Context) -> tuple[Phrase, ...]:
    """A list of phrase files (paths relative to the configuration file; format in ``arclean/data/README.md``)."""
    try:
        return tuple(phrase for name, text in _data_files(value, context) for phrase in parse_phrases(name, text))
    except DataFileError as error:
        raise context.error(f"{error}; the format is in arclean/data/README.md") from None


def _typos(value: Any, context: Context) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """A list of lexicons, ``typo<TAB>correction`` (paths relative to the configuration file)."""
    try:
        return tuple(
            (typo, fixes)
            for name, text in _data_files(value, context)
            for typo, fixes in parse_corrections(name, text).items()
        )
    except DataFileError as error:
        raise context.error(f"{error}; the format is in arclean/data/README.md") from None


# --- the key table ------------------------------------------------------------------------

#: How a later layer (the command line, the keywords of :func:`arclean.clean`)
#: goes on an earlier one (the configuration file) for a setting.
RESTART, EXTEND, REPLACE = "starts the selection afresh", "adds to the list", "replaces"


@dataclass(frozen=True)
class Key:
    """One setting: its TOML key, the field it sets (of :class:`Config` or
    :class:`Settings`), how its value is read and checked, its command-line
    flag (and the argparse destination of that flag), and how it merges."""

    toml: str
    field: str
    read: Reader
    merge: str
    flag: str | None = None
    dest: str | None = None

    @property
    def in_config(self) -> bool:
        """Whether the field is the pipeline's (:class:`Config`) rather than the file handling's."""
        return self.field in CONFIG_FIELDS

    @property
    def part(self) -> str:
        """``selection``, ``options``, ``data`` (of :class:`Config`) or ``files``."""
        for part in ("SELECTION", "OPTIONS", "DATA"):
            if self.field in getattr(Config, part):
                return part.lower()
        return "files"

    @property
    def argument(self) -> str | None:
        """The attribute argparse stores the flag's value in."""
        if self.flag is None:
            return None
        return self.dest or self.flag.lstrip("-").replace("-", "_")

    def check_flag(self, value: Any) -> None:
        """Check a command-line value as the file's value is checked (rule codes, encodings)."""
        if self.read is _codes:
            expand(list(value), setting=self.flag or self.toml)
        elif self.read is _encoding:
            check_encoding(value, self.flag or self.toml)


CONFIG_FIELDS = frozenset(f.name for f in fields(Config))

#: Every key a configuration may have (kebab case, as in ruff), in the order of the README.
KEYS: tuple[Key, ...] = (
    Key("select", "select", _codes, RESTART, "--select"),
    Key("ignore", "ignore", _codes, EXTEND, "--ignore"),
    Key("extend-select", "extend_select", _codes, EXTEND, "--extend-select"),
    Key("profile", "profile", _choice(tuple(sorted(PROFILES))), REPLACE, "--profile"),
    Key("quote-style", "quote_style", _choice(tuple(QUOTE_STYLES)), REPLACE),
    Key("expand-ligatures", "expand_ligatures", _boolean, REPLACE),
    Key("boilerplate", "boilerplate", _boilerplate, EXTEND),
    Key("typos", "typos", _typos, EXTEND),
    Key("include", "include", _strings, REPLACE, "--include"),
    Key("exclude", "exclude", _strings, REPLACE),
    Key("extend-exclude", "extend_exclude", _strings, EXTEND, "--exclude", dest="exclude"),
    Key("respect-gitignore", "respect_gitignore", _boolean, REPLACE, "--no-respect-gitignore", dest="gitignore"),
    Key("per-file-ignores", "per_file_ignores", _per_file_ignores, REPLACE),
    Key("field", "json_field", _text, REPLACE, "--field"),
    Key("source-field", "source_field", _text, REPLACE),
    Key("encoding", "encoding", _encoding, REPLACE, "--encoding"),
)

BY_KEY: dict[str, Key] = {key.toml: key for key in KEYS}


def flags_of(namespace: object) -> dict[str, Any]:
    """The values of the flags of :data:`KEYS` in a parsed command line, by
    field (a flag the command does not have is left out)."""
    found = {}
    for key in KEYS:
        if key.argument is not None and hasattr(namespace, key.argument):
            value = getattr(namespace, key.argument)
            found[key.field] = tuple(value) if isinstance(value, list) else value
    return found
