"""The configuration: one frozen value, resolved at the edge and passed in.

The core never reads files, the environment or the command line; the CLI
and the hook build a :class:`Config` (from ``pyproject.toml``, ``arclean.toml``
and flags) and hand it to :func:`arclean.clean`.
"""

from __future__ import annotations

import codecs
import difflib
import re
import sys
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable

from .errors import ConfigError, DataFileError
from .normalizers.quotes import QUOTE_STYLES
from .rules import PROFILES, expand, select_rules
from .tables import Phrase, parse_corrections, parse_phrases

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


@dataclass(frozen=True)
class Config:
    """Which rules run, and the options some rules take.

    - ``select``: rule codes or prefixes that replace the default set.
    - ``ignore``: codes or prefixes to leave out.
    - ``extend_select``: codes or prefixes to add to the selection (opt-in rules).
    - ``profile``: a named set of extra rules (``"search"``).
    - ``quote_style``: the style rule Q201 writes: ``"«»"``, ``"“”"`` or ``'""'``.
    - ``expand_ligatures``: let L101 expand word ligatures such as ﷺ.
    - ``boilerplate``: extra boilerplate phrases (from files named in config).
    - ``typos``: extra ``(typo, correction)`` pairs for T201.
    """

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    profile: str | None = None
    quote_style: str = "«»"
    expand_ligatures: bool = False
    boilerplate: tuple[Phrase, ...] = field(default=())
    typos: tuple[tuple[str, str], ...] = field(default=())

    def __post_init__(self) -> None:
        for name in ("select", "ignore", "extend_select"):
            value = getattr(self, name)
            if isinstance(value, str):
                raise ConfigError(f'{name.replace("_", "-")}: expected a list of rule codes, got the string "{value}"')
            if value is not None and not isinstance(value, tuple):
                object.__setattr__(self, name, tuple(value))
        if self.quote_style not in QUOTE_STYLES:
            raise ConfigError(f'quote-style: "{self.quote_style}" is not one of {", ".join(QUOTE_STYLES)}')

    def replace(self, **changes: object) -> Config:
        """A copy with some fields changed (``None`` values are ignored)."""
        known = {f.name for f in fields(self)}
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        for key, value in changes.items():
            if key not in known:
                raise ConfigError(f"unknown setting {key!r}")
            if value is not None:
                values[key] = tuple(value) if isinstance(value, list) else value
        return Config(**values)  # type: ignore[arg-type]


# --- Where the configuration comes from ---------------------------------------
#
# Only the edges (the CLI and the pre-commit hook) call what follows.  A
# configuration is the ``[tool.arclean]`` table of a ``pyproject.toml`` or the
# top level of an ``arclean.toml``, found from the paths upward.  Every error
# names the file, the key and what to write instead.

CONFIG_FILES = ("arclean.toml", "pyproject.toml")
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
            _check_encoding(encoding, "--encoding")
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


def find_config_file(start: str | Path) -> Path | None:
    """The nearest ``arclean.toml``, or ``pyproject.toml`` with a
    ``[tool.arclean]`` table, in ``start`` (or its folder, for a file) or above."""
    here = Path(start).resolve()
    if not here.is_dir():
        here = here.parent
    for folder in (here, *here.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file() and (name == "arclean.toml" or "arclean" in _read_toml(candidate).get("tool", {})):
                return candidate
    return None


def load_settings(path: str | Path | None) -> Settings:
    """Read and check a configuration file; ``None`` gives the defaults."""
    if path is None:
        return Settings()
    path = Path(path)
    data = _read_toml(path)
    shown = _shown(path)
    if path.name == "pyproject.toml":
        table, where = data.get("tool", {}).get("arclean", {}), f"{shown} [tool.arclean]"
    else:
        table, where = data, shown
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: expected a table of settings")
    return settings_from_table(table, where=where, root=path.resolve().parent)


def settings_from_table(table: dict[str, Any], *, where: str, root: Path) -> Settings:
    """Build :class:`Settings` from a configuration table; ``where`` names it in errors."""
    config_values: dict[str, Any] = {}
    values: dict[str, Any] = {"source": where, "root": root}
    for key, value in table.items():
        if key not in _KEYS:
            raise ConfigError(_unknown_key(where, key))
        name, reader = _KEYS[key]
        target = config_values if name in _CONFIG_FIELDS else values
        target[name] = reader(value, _Context(where, key, root))
    try:
        config = Config(**config_values)
        # Resolve the selection once, so that a conflict fails here, naming the file.
        select_rules(config.select, config.ignore, config.extend_select, config.profile)
    except ConfigError as error:
        raise ConfigError(f"{where} {error}") from None
    return Settings(config=config, **values)


def _shown(path: Path) -> str:
    """A path as the user would write it: relative to the current folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{_shown(path)}: not valid TOML: {error}") from None
    except OSError as error:
        raise ConfigError(f"{_shown(path)}: cannot read the configuration: {error.strerror}") from None


@dataclass(frozen=True)
class _Context:
    """Where a value comes from, for error messages and relative paths."""

    where: str
    key: str
    root: Path

    def error(self, message: str) -> ConfigError:
        return ConfigError(f"{self.where} {self.key}: {message}")


def _unknown_key(where: str, key: str) -> str:
    close = difflib.get_close_matches(key, list(_KEYS), n=1)
    hint = f'did you mean "{close[0]}"? ' if close else ""
    return f'{where}: unknown key "{key}"; {hint}the keys are {", ".join(sorted(_KEYS))}.'


def _strings(value: Any, context: _Context, what: str = "glob patterns") -> tuple[str, ...]:
    if isinstance(value, str):
        raise context.error(f'expected a list of {what}, got the string "{value}"; write {context.key} = ["{value}"]')
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise context.error(f"expected a list of {what}, got {value!r}")
    return tuple(value)


def _codes(value: Any, context: _Context) -> tuple[str, ...]:
    codes = _strings(value, context, "rule codes")
    try:
        expand(list(codes), setting=context.key)
    except ConfigError as error:
        raise ConfigError(f"{context.where} {error}") from None
    return codes


def _choice(choices: tuple[str, ...]) -> Callable[[Any, _Context], str]:
    def read(value: Any, context: _Context) -> str:
        if value not in choices:
            raise context.error(f"{value!r} is not one of {', '.join(repr(choice) for choice in choices)}")
        return str(value)

    return read


def _boolean(value: Any, context: _Context) -> bool:
    if not isinstance(value, bool):
        raise context.error(f"expected true or false, got {value!r}")
    return value


def _text(value: Any, context: _Context) -> str:
    if not isinstance(value, str) or not value:
        raise context.error(f"expected a non-empty string, got {value!r}")
    return value


def _encoding(value: Any, context: _Context) -> str:
    return _check_encoding(_text(value, context), f"{context.where} {context.key}")


def _check_encoding(value: str, where: str) -> str:
    try:
        codecs.lookup(value)
    except LookupError:
        raise ConfigError(f'{where}: unknown encoding "{value}"; use a Python codec name such as "cp1256"') from None
    return value


def _per_file_ignores(value: Any, context: _Context) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(value, dict):
        raise context.error('expected a table of pattern = [codes], such as "news/*.txt" = ["B101"]')
    return tuple(
        (pattern, _codes(codes, _Context(context.where, f'{context.key} "{pattern}"', context.root)))
        for pattern, codes in value.items()
    )


def _data_files(value: Any, context: _Context) -> list[tuple[str, str]]:
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


def _boilerplate(value: Any, context: _Context) -> tuple[Phrase, ...]:
    try:
        return tuple(phrase for name, text in _data_files(value, context) for phrase in parse_phrases(name, text))
    except DataFileError as error:
        raise context.error(f"{error}; the format is in arclean/data/README.md") from None


def _typos(value: Any, context: _Context) -> tuple[tuple[str, str], ...]:
    try:
        return tuple(
            (typo, "|".join(fixes))
            for name, text in _data_files(value, context)
            for typo, fixes in parse_corrections(name, text).items()
        )
    except DataFileError as error:
        raise context.error(f"{error}; the format is in arclean/data/README.md") from None


_CONFIG_FIELDS = {f.name for f in fields(Config)}

#: Every key a configuration may have (kebab case, as in ruff): the attribute it sets, and its reader.
_KEYS: dict[str, tuple[str, Callable[[Any, _Context], Any]]] = {
    "select": ("select", _codes),
    "ignore": ("ignore", _codes),
    "extend-select": ("extend_select", _codes),
    "profile": ("profile", _choice(tuple(sorted(PROFILES)))),
    "quote-style": ("quote_style", _choice(tuple(QUOTE_STYLES))),
    "expand-ligatures": ("expand_ligatures", _boolean),
    "boilerplate": ("boilerplate", _boilerplate),
    "typos": ("typos", _typos),
    "include": ("include", _strings),
    "exclude": ("exclude", _strings),
    "extend-exclude": ("extend_exclude", _strings),
    "respect-gitignore": ("respect_gitignore", _boolean),
    "per-file-ignores": ("per_file_ignores", _per_file_ignores),
    "field": ("json_field", _text),
    "encoding": ("encoding", _encoding),
}
