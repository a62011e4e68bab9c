"""arclean: clean and normalize scraped Arabic web text.

>>> import arclean
>>> arclean.clean("العنوان\\u00a0الأول\\n\\nفي ديسميبر  2018\\n\\n\\nاترك رد\\n")
'العنوان الأول\\n\\nفي ديسمبر 2018\\n'
>>> report = arclean.explain("في ديسميبر 2018")
>>> [(c.code, c.line, c.before, c.after) for c in report.changes]
[('T101', 1, 'في ديسميبر 2018', 'في ديسمبر 2018'), ('W106', 1, 'في ديسمبر 2018', 'في ديسمبر 2018\\n')]
"""

from __future__ import annotations

from functools import lru_cache
from typing import List, Tuple, Union

from .changes import Change, Report
from .config import Config
from .datafiles import Phrase
from .errors import ArcleanError, ConfigError, DataFileError
from .normalizers.spelling.typos import Suggestion
from .pipeline import Pipeline, pipeline_for
from .registry import RULES, Rule

__version__ = "0.1.0"

__all__ = [
    "ArcleanError",
    "Change",
    "Config",
    "ConfigError",
    "DataFileError",
    "Phrase",
    "Pipeline",
    "Report",
    "Rule",
    "Suggestion",
    "clean",
    "explain",
    "rules",
    "__version__",
]


_Codes = Union[List[str], Tuple[str, ...], None]


def _resolve(config: Config | None, select: _Codes, ignore: _Codes, extend_select: _Codes, profile: str | None) -> Pipeline:
    if config is None and select is None and ignore is None and extend_select is None and profile is None:
        return _default_pipeline()  # the common call: no Config built, merged or hashed each time
    config = (config or Config()).merge(select=select, ignore=ignore, extend_select=extend_select, profile=profile)
    return pipeline_for(config)


@lru_cache(maxsize=1)
def _default_pipeline() -> Pipeline:
    """The default configuration's pipeline, found once: :func:`pipeline_for` finds a
    pipeline by its configuration, whose hash (a frozen dataclass's, over every field,
    in Python) costs a clean page some 2 % of its instructions."""
    return pipeline_for(Config().merge(select=None, ignore=None, extend_select=None, profile=None))


def clean(
    text: str,
    *,
    select: _Codes = None,
    ignore: _Codes = None,
    extend_select: _Codes = None,
    config: Config | None = None,
    profile: str | None = None,
    source: str | None = None,
) -> str:
    """Clean a text with the default rules (or the selection given).

    ``select`` replaces the default set of rules, ``ignore`` removes rules from
    it and ``extend_select`` adds to it (codes or prefixes, such as ``"B"`` or
    ``"T101"``); ``profile="search"`` adds the lossy search normalizations.
    ``config`` carries everything else.  The keywords go on ``config`` as the
    command line goes on a configuration file (:meth:`Config.merge`):
    ``select`` starts the selection afresh, ``ignore`` and ``extend_select``
    add to the configuration's lists.  ``source`` (a site, as :mod:`arclean.sources`
    names it) also applies the configuration's phrases for that source (a learned
    file's ``# source:`` section); without it, only the phrases for every source apply.
    """
    if config is None and select is None and ignore is None and extend_select is None and profile is None and source is None:
        return _default_pipeline().clean(text)  # the common call, with no call between (_resolve's first test, inline)
    return _resolve(config, select, ignore, extend_select, profile).for_source(source).clean(text)


def explain(
    text: str,
    *,
    select: _Codes = None,
    ignore: _Codes = None,
    extend_select: _Codes = None,
    config: Config | None = None,
    profile: str | None = None,
    source: str | None = None,
) -> Report:
    """Clean a text and report every change: rule code, input line, before, after.

    ``explain(text).text == clean(text)`` for the same arguments.
    """
    if config is None and select is None and ignore is None and extend_select is None and profile is None and source is None:
        return _default_pipeline().explain(text)  # as clean's common call
    return _resolve(config, select, ignore, extend_select, profile).for_source(source).explain(text)


def rules() -> tuple[Rule, ...]:
    """The rule table, in pipeline order: each rule's ``code``, ``name``,
    ``default`` (on or off) and one-line ``summary``."""
    return RULES
