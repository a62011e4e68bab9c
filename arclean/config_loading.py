"""Where the settings come from: a configuration file, found and checked.

Only the edges (the CLI and the pre-commit hook) call what follows.  A
configuration is the ``[tool.arclean]`` table of a ``pyproject.toml`` or the
top level of an ``arclean.toml``, found from the paths upward.  Every error
names the file, the key and what to write instead.
"""

from __future__ import annotations

import difflib
import sys
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Callable

from .config import Config
from .errors import ConfigError, DataFileError
from .normalizers.quotes import QUOTE_STYLES
from .registry import PROFILES, expand, select_rules
from .settings import Settings, check_encoding
from .tables import Phrase, parse_corrections, parse_phrases

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CONFIG_FILES = ("arclean.toml", "pyproject.toml")


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
    return check_encoding(_text(value, context), f"{context.where} {context.key}")


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
