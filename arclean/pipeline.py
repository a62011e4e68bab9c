"""A pipeline: an ordered list of rules bound to their options, run on a text."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Callable, Iterable, Union

from .config import Config
from .explain import Change, Report, line_changes, split_lines
from .normalizers.typos import Suggestion
from .rules import BY_CODE, Rule, expand, select_rules

RuleSpec = Union[str, Rule, Callable[[str], str]]


@dataclass(frozen=True)
class Step:
    """A rule with its options bound: what the pipeline actually calls."""

    code: str
    run: Callable[[str], str]
    suggest: Callable[[str], list[Suggestion]] | None = None


def _check_text(text: object) -> str:
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise TypeError(
            "arclean cleans text, not bytes: decode it first, e.g. data.decode('utf-8') "
            "(or the file's legacy encoding, such as 'cp1256')"
        )
    raise TypeError(f"arclean cleans str, got {type(text).__name__}")


def _bind(rule: Rule, config: Config) -> Step:
    options = {name: getattr(config, name) for name in rule.options}
    run = partial(rule.function, **options) if options else rule.function
    suggest = None
    if rule.suggest is not None:
        suggest = partial(rule.suggest, **options) if options else rule.suggest
    return Step(rule.code, run, suggest)


class Pipeline:
    """An ordered composition of rules.

    Build one from the configuration's selection (the default), or from your
    own list of rule codes, code prefixes, :class:`Rule` objects and plain
    ``str -> str`` functions, in the order you want them to run:

    >>> from arclean import Pipeline
    >>> strip_and_fix = Pipeline(["W103", "W104", "T101", str.upper])
    >>> strip_and_fix("  في ديسميبر  2018 ok ")
    'في ديسمبر 2018 OK'
    >>> strip_and_fix.codes
    ('W103', 'W104', 'T101', 'upper')
    """

    def __init__(self, rules: Iterable[RuleSpec] | None = None, *, config: Config | None = None) -> None:
        self.config = config or Config()
        if rules is None:
            chosen: list[Rule | Callable[[str], str]] = list(
                select_rules(self.config.select, self.config.ignore, self.config.extend_select, self.config.profile)
            )
        else:
            chosen = []
            for spec in rules:
                if isinstance(spec, str):
                    chosen.extend(expand([spec]) if spec not in BY_CODE else [BY_CODE[spec]])
                else:
                    chosen.append(spec)
        self.steps: tuple[Step, ...] = tuple(
            _bind(spec, self.config) if isinstance(spec, Rule) else Step(getattr(spec, "__name__", repr(spec)), spec)
            for spec in chosen
        )

    @property
    def codes(self) -> tuple[str, ...]:
        """The codes of the steps, in the order they run."""
        return tuple(step.code for step in self.steps)

    def __call__(self, text: str) -> str:
        return self.clean(text)

    def clean(self, text: str) -> str:
        """Run every step on the text and return the result."""
        text = _check_text(text)
        for step in self.steps:
            text = step.run(text)
        return text

    def explain(self, text: str) -> Report:
        """Run every step and record each change with its rule and input line."""
        text = _check_text(text)
        changes: list[Change] = []
        suggestions: list[Suggestion] = []
        origin = list(range(1, len(split_lines(text)) + 1))
        for step in self.steps:
            if step.suggest is not None:
                suggestions.extend(step.suggest(text))
            after = step.run(text)
            if after != text:
                found, origin = line_changes(step.code, text, after, origin)
                changes.extend(found)
                text = after
        return Report(text, tuple(changes), tuple(suggestions))

    def __repr__(self) -> str:
        return f"Pipeline({list(self.codes)!r})"

