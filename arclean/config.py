"""The configuration: one frozen value, resolved at the edge and passed in.

The core never reads files, the environment or the command line; the CLI
and the hook build a :class:`Config` (from ``pyproject.toml``, ``arclean.toml``
and flags: :mod:`arclean.files.config_file` and :mod:`arclean.files.settings`) and hand
it to :func:`arclean.clean`.

A configuration is built in layers (the defaults, the configuration file, the
command line or the keyword arguments of :func:`arclean.clean`), and every
layer goes on the one before by :meth:`Config.merge`, the same way everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, ClassVar, Iterable, cast

from .datafiles import Phrase
from .errors import ConfigError
from .normalizers.quotes import QUOTE_STYLES


def _codes(name: str, value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        raise ConfigError(f'{name.replace("_", "-")}: expected a list of rule codes, got the string "{value}"')
    return tuple(cast(Iterable[str], value))


@dataclass(frozen=True)
class Config:
    """Which rules run (the selection), the options some rules take, and the
    data loaded for them.

    Selection:

    - ``select``: rule codes or prefixes that replace the default set.
    - ``ignore``: codes or prefixes to leave out.
    - ``extend_select``: codes or prefixes to add to the selection (opt-in rules).
    - ``profile``: a named set of extra rules (``"search"``).

    Rule options:

    - ``quote_style``: the style rule Q201 writes: ``"«»"``, ``"“”"`` or ``'""'``.
    - ``expand_ligatures``: let L101 expand word ligatures such as ﷺ.

    Loaded data:

    - ``boilerplate``: extra boilerplate phrases (from files named in config).
    - ``typos``: extra lexicon entries for T201: ``(typo, corrections)``, the
      corrections a tuple of candidates (one is fixed, several are only
      reported) or a single correction as a string.
    """

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    profile: str | None = None
    quote_style: str = "«»"
    expand_ligatures: bool = False
    boilerplate: tuple[Phrase, ...] = field(default=())
    typos: tuple[tuple[str, str | tuple[str, ...]], ...] = field(default=())

    #: The fields of each part, in the order above.
    SELECTION: ClassVar[tuple[str, ...]] = ("select", "ignore", "extend_select", "profile")
    OPTIONS: ClassVar[tuple[str, ...]] = ("quote_style", "expand_ligatures")
    DATA: ClassVar[tuple[str, ...]] = ("boilerplate", "typos")

    def __post_init__(self) -> None:
        for name in ("select", "ignore", "extend_select"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, tuple):
                object.__setattr__(self, name, _codes(name, value))
        if self.quote_style not in QUOTE_STYLES:
            raise ConfigError(f'quote-style: "{self.quote_style}" is not one of {", ".join(QUOTE_STYLES)}')

    def merge(
        self,
        *,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] | None = None,
        extend_select: Iterable[str] | None = None,
        profile: str | None = None,
        **others: object,
    ) -> Config:
        """This configuration with a later layer on top, as ruff merges its layers.

        - ``select`` starts the selection afresh: this configuration's
          ``select``, ``ignore`` and ``extend_select`` no longer apply.
        - Otherwise ``ignore`` and ``extend_select`` add to this configuration's
          lists (an ignored rule stays ignored whichever layer selects it again:
          unlike ruff, arclean has no "more specific selector wins").
        - Loaded data (``boilerplate``, ``typos``) adds to this configuration's.
        - ``profile`` and the rule options replace this configuration's when given.

        ``None`` (or nothing) leaves a setting as it is.

        >>> base = Config(ignore=("B101",))
        >>> base.merge(ignore=["Q"]).ignore
        ('B101', 'Q')
        >>> fresh = base.merge(select=["W"], ignore=["W103"])
        >>> fresh.select, fresh.ignore
        (('W',), ('W103',))
        """
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        if select is not None:
            values.update(select=_codes("select", select), ignore=(), extend_select=())
        for name, more in (("ignore", ignore), ("extend_select", extend_select)):
            if more is not None:
                values[name] = values[name] + _codes(name, more)
        if profile is not None:
            values["profile"] = profile
        for name, value in others.items():
            if name not in values or name in self.SELECTION:
                raise ConfigError(f"unknown setting {name!r}")
            if value is not None:
                values[name] = values[name] + tuple(cast(Iterable[Any], value)) if name in self.DATA else value
        return Config(**values)

    def replace(self, **changes: object) -> Config:
        """A copy with some fields replaced (``None`` values are ignored).

        Layers of configuration go together by :meth:`merge`; this is the
        plain field replacement underneath.
        """
        known = {f.name for f in fields(self)}
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        for key, value in changes.items():
            if key not in known:
                raise ConfigError(f"unknown setting {key!r}")
            if value is not None:
                values[key] = tuple(value) if isinstance(value, list) else value
        return Config(**values)
