"""The configuration: one frozen value, resolved at the edge and passed in.

The core never reads files, the environment or the command line; the CLI
and the hook build a :class:`Config` (from ``pyproject.toml``, ``arclean.toml``
and flags: :mod:`arclean.config_loading` and :mod:`arclean.settings`) and hand
it to :func:`arclean.clean`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from .errors import ConfigError
from .normalizers.quotes import QUOTE_STYLES
from .tables import Phrase


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
