"""arclean as a datatrove pipeline step: ``ArcleanFormatter``.

.. code-block:: python

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from arclean.integrations.datatrove import ArcleanFormatter

    LocalPipelineExecutor(
        pipeline=[JsonlReader("shards/"), ArcleanFormatter(), JsonlWriter("clean/")],
        logging_dir="logs/",
    ).run()

It cleans each ``Document.text`` as :func:`arclean.clean` does, with a
:class:`~arclean.Config`, a configuration file (``arclean.toml`` or
``pyproject.toml``), or by default the configuration file found from the
current folder upward, as the ``arclean`` command finds it.  Its stats count,
besides datatrove's ``total``, the documents it changed (``changed``) and each
rule's changes (``B101``, ``W104``…), so a run's ``stats.json`` says what
arclean did.

Install with ``pip install "arclean[datatrove]"``.  This module imports
without datatrove (``ArcleanFormatter`` is built on first use, and raises an
ImportError naming the extra when datatrove is missing).
"""

from __future__ import annotations

import os
from typing import Any, Callable

from ..config import Config
from ..files.config_file import find_config_file, load_settings
from ..pipeline import Pipeline

__all__ = ["ArcleanFormatter"]
ArcleanFormatter: type  # declared for the checkers; the module's __getattr__ builds it on first use

INSTALL = 'arclean.integrations.datatrove needs datatrove: install it with pip install "arclean[datatrove]"'


def __getattr__(name: str) -> Any:
    """``ArcleanFormatter``, built on first use."""
    if name != "ArcleanFormatter":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    cls = _build()
    globals()["ArcleanFormatter"] = cls  # found here by pickle, as any class
    return cls


def resolve_config(config: Config | None, config_file: str | os.PathLike[str] | None, isolated: bool) -> Config:
    """The configuration a step uses: ``config``, else ``config_file``, else
    the file found from the current folder upward (unless ``isolated``).

    >>> resolve_config(Config(ignore=("B",)), None, False).ignore
    ('B',)
    >>> resolve_config(None, None, True) == Config()
    True
    """
    if config is not None and config_file is not None:
        raise ValueError("give config or config_file, not both")
    if config is not None:
        return config
    path = config_file
    if path is None and not isolated:
        path = find_config_file(os.getcwd())
    return load_settings(path).config if path is not None else Config()


class _ArcleanStep:
    """What ``ArcleanFormatter`` adds to datatrove's ``BaseFormatter``: the configuration, a
    pipeline built where the step runs (never pickled), and the cleaning of one document."""

    stat_update: Callable[..., None]  # datatrove's PipelineStep.stat_update (declared, not defined)

    def __init__(
        self,
        config: Config | None = None,
        *,
        config_file: str | os.PathLike[str] | None = None,
        isolated: bool = False,
    ) -> None:
        super().__init__()
        self.config = resolve_config(config, config_file, isolated)
        self._pipeline: Pipeline | None = None

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:  # built where the step runs, never pickled
            self._pipeline = Pipeline(config=self.config)
        return self._pipeline

    def __getstate__(self) -> dict[str, object]:
        state = self.__dict__.copy()
        state["_pipeline"] = None
        return state

    def format(self, text: str) -> str:
        return self.pipeline.clean(text)

    def clean_document(self, doc: Any) -> None:
        """Clean ``doc.text`` in place, counting the change and each rule's changes."""
        report = self.pipeline.explain(doc.text)
        if report.text != doc.text:
            self.stat_update("changed")
            for code, count in report.counts().items():
                self.stat_update(code, value=count)
            doc.text = report.text


def _build() -> type:
    try:
        from datatrove.pipeline.formatters.base import BaseFormatter
        from datatrove.utils.typeshelper import StatHints
    except ImportError as error:
        raise ImportError(INSTALL, name="datatrove") from error

    class ArcleanFormatter(_ArcleanStep, BaseFormatter):  # type: ignore[misc]
        """Clean ``Document.text`` with arclean, counting each rule's changes in the stats.

        ``config``: a :class:`~arclean.Config`; or ``config_file``: the path of an
        ``arclean.toml`` / ``pyproject.toml``; with neither, the configuration
        file found from the current folder upward (none: the defaults).
        ``isolated=True`` ignores every configuration file.
        """

        name = "🧹 arclean"

        def run(self, data: Any, rank: int = 0, world_size: int = 1) -> Any:
            for doc in data:
                self.stat_update(StatHints.total)
                with self.track_time():
                    self.clean_document(doc)
                yield doc

    ArcleanFormatter.__module__ = __name__
    ArcleanFormatter.__qualname__ = "ArcleanFormatter"
    return ArcleanFormatter
