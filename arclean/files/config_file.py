"""Where the settings come from: a configuration file, found and checked.

Only the edges (the CLI and the pre-commit hook) call what follows.  A
configuration is the ``[tool.arclean]`` table of a ``pyproject.toml`` or the
top level of an ``arclean.toml``, found from the paths upward.  Every error
names the file, the key and what to write instead.
"""

from __future__ import annotations

import difflib
import os
import sys
from pathlib import Path
from typing import Any

from ..config import Config
from ..errors import ConfigError
from ..registry import select_rules
from .settings import BY_KEY, Context, Settings

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


def load_settings(path: str | os.PathLike[str] | None) -> Settings:
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
    for name, value in table.items():
        if name not in BY_KEY:
            raise ConfigError(_unknown_key(where, name))
        key = BY_KEY[name]
        target = config_values if key.in_config else values
        target[key.field] = key.read(value, Context(where, name, root))
    try:
        config = Config().merge(**config_values)
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


def _unknown_key(where: str, key: str) -> str:
    close = difflib.get_close_matches(key, list(BY_KEY), n=1)
    hint = f'did you mean "{close[0]}"? ' if close else ""
    return f'{where}: unknown key "{key}"; {hint}the keys are {", ".join(sorted(BY_KEY))}.'
