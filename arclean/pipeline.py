"""A pipeline: an ordered list of rules bound to their options, run on a text."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property, lru_cache, partial
from itertools import pairwise
from typing import Callable, Generator, Iterable, Iterator, Sequence, Union

from .changes import Change, Report, line_changes
from .config import Config
from .look import Look, Plan, gate_bit, needle_bits
from .normalizers.residue.analysis import analyze_alone, look_afresh, rejudge
from .normalizers.residue.context import carries_context, is_quiet, judge_in_context
from .normalizers.residue.duplicates import drop_repeated_paragraphs, drop_repeated_title
from .normalizers.residue.page import Page
from .normalizers.residue.quiet import quiet_page
from .normalizers.spelling.typos import Suggestion
from .registry import BY_CODE, RULES, Rule, expand, select_rules

#: Rounds of the line rules on one page: pages settle in one to three; a page of chrome
#: jumbled with numbers and bylines may take more (each round that goes on dropped a line).
_MAX_ROUNDS = 24
#: Pipelines kept for the sources of a learned phrase file (one a source with phrases of its own).
_MAX_SOURCES = 256

RuleSpec = Union[str, Rule, Callable[[str], str]]


@dataclass(frozen=True)
class Step:
    """A rule with its options bound: what the pipeline actually calls."""

    code: str
    run: Callable[[str], str]
    suggest: Callable[[str], list[Suggestion]] | None = None
    decide: Callable[[Page], Page] | None = None
    #: For a rule that can only change a text holding one of a few rare
    #: characters: the bit of that gate class in a :class:`~arclean.look.Look`'s
    #: ``gates`` (0: none).  When the text holds none, the step is skipped: the
    #: rule would return the text as it is.
    gate: int = 0
    #: For a rule that can only change a text holding one of a few substrings
    #: (``Rule.needles``): their bits in :data:`arclean.look.NEEDLES`.  When the
    #: text holds none of them, the step is skipped.
    needles: int = 0
    #: ``Rule.either``: the step can change a text holding its gate class or its
    #: needles, and is skipped only on one holding neither.
    either: bool = False
    #: ``Rule.whole_document``: the step judges the whole document before it changes a line.
    whole_document: bool = False


def _run_characters(plan: Plan[Step], text: str, look: Look | None) -> tuple[str, Look | None]:
    """A run of character rules, planned from the text's look (``look``, when
    already taken): only the steps it opens run, and the look is taken again
    after a step changed the text, for the steps after it.  The text after
    the run and the look that still holds for it."""
    steps, plans, start = plan.steps, plan.plans, 0
    while True:
        if look is None:
            look = Look(text)
        opened = plans.get((look.gates, look.needles))  # Plan.open's memory, read without a call
        if opened is None:
            opened = plan.open(look)
        for index in opened:
            if index >= start:
                after = steps[index].run(text)
                if after is not text:
                    text, look, start = after, None, index + 1
                    break
        else:
            return text, look
        if start == len(steps):
            return text, None


class _StepPlan(Plan[Step]):
    """A run of character steps, planned (:class:`~arclean.look.Plan`), and the
    indexes of those with suggestions, which ``explain`` asks whether they run or not."""

    __slots__ = ("suggesting",)

    def __init__(self, steps: Sequence[Step]) -> None:
        super().__init__(steps)
        self.suggesting = frozenset(k for k, step in enumerate(steps) if step.suggest is not None)


def _trace_characters(plan: Plan[Step], text: str, look: Look | None, every: bool = True
                      ) -> Generator[tuple[Step, str, Page | None], None, tuple[str, Look | None]]:
    """:func:`_run_characters`, step by step: yields each step and the text
    after it (not ``every`` one: only those that changed it or have
    suggestions), returns the last and the look that still holds for it."""
    if not every and isinstance(plan, _StepPlan):
        return (yield from _trace_changes(plan, text, look))
    for step in plan.steps:
        if step.gate or step.needles:
            if look is None:
                look = Look(text)
            after = step.run(text) if look.opens(step) else text
        else:
            after = step.run(text)
        if after is not text:
            look = None
        if every or after is not text or step.suggest is not None:
            yield step, after, None
        text = after
    return text, look


def _trace_changes(plan: _StepPlan, text: str, look: Look | None
                   ) -> Generator[tuple[Step, str, Page | None], None, tuple[str, Look | None]]:
    """:func:`_trace_characters` not for every step, planned as :func:`_run_characters`
    plans: only the steps the look opens run, the look taken again after a change;
    yields each step that changed the text, and each with suggestions (run or not)."""
    steps, plans, start = plan.steps, plan.plans, 0
    while True:
        if look is None:
            look = Look(text)
        opened = plans.get((look.gates, look.needles))  # as _run_characters reads it
        if opened is None:
            opened = plan.open(look)
        runs = frozenset(opened) if plan.suggesting else None
        for index in sorted(runs | plan.suggesting) if runs is not None else opened:
            if index < start:
                continue
            step = steps[index]
            after = step.run(text) if runs is None or index in runs else text
            if after is not text:
                yield step, after, None
                text, look, start = after, None, index + 1
                break
            if step.suggest is not None:
                yield step, after, None
        else:
            return text, look
        if start == len(steps):
            return text, None


#: The line rules that only ever drop lines of a residue kind (``Rule.residue_only``): on a
#: quiet page (:func:`arclean.normalizers.residue.context.is_quiet`) they drop nothing.
_RESIDUE_ONLY = frozenset(rule.decide for rule in RULES if rule.residue_only)
#: The bundled line rules' decisions: each drops whole lines (``Page.without``) and rewrites none.
_BUNDLED_DECISIONS = frozenset(rule.decide for rule in RULES if rule.decide is not None)
#: The decisions :func:`~arclean.normalizers.residue.quiet.quiet_page` answers for: B101's and B102's.
_QUIET_LOOK_DROPPERS = frozenset({drop_repeated_title, drop_repeated_paragraphs})


class _LineRun(list[Step]):
    """A run of line rules (each with a ``decide``), and the decisions among them
    that may drop a content line: those not known to drop residue only (B101's
    title copies, B102's repeated paragraphs, any rule of one's own), the only
    ones that can drop a line of a quiet page; ``suggesting``: whether one of
    them has suggestions (``explain`` notes each of its steps, not only those
    that drop lines); ``decisions``: each step, its decision, and whether that drops
    residue lines only (read once, not at each step of each round);
    ``keeps_lines``: whether all are bundled rules, which drop whole lines and
    rewrite none (the look at the text they leave is then the look at the text
    they were given, :meth:`~arclean.look.Look.of_lines`); ``quiet_look``: whether
    :func:`~arclean.normalizers.residue.quiet.quiet_page` can tell a page they leave as
    it is (the rules that may drop a content line are B101 and B102, or none)."""

    __slots__ = ("droppers", "suggesting", "decisions", "keeps_lines", "quiet_look", "redo")

    def __init__(self, steps: Iterable[Step]) -> None:
        super().__init__(steps)
        #: The character steps run again when this run drops a line (set by the pipeline,
        #: :func:`_redo`): the whole-document steps of the run before it, and that run from
        #: the first of them on.  None: no such step.
        self.redo: tuple[_StepPlan, _StepPlan] | None = None
        self.decisions: tuple[tuple[Step, Callable[[Page], Page], bool], ...] = tuple(
            (step, step.decide, step.decide in _RESIDUE_ONLY) for step in self if step.decide is not None)
        self.droppers: tuple[Callable[[Page], Page], ...] = tuple(
            decide for _step, decide, residue_only in self.decisions if not residue_only)
        self.suggesting = any(step.suggest is not None for step in self)
        self.keeps_lines = all(decide in _BUNDLED_DECISIONS for _step, decide, _residue_only in self.decisions)
        self.quiet_look = _QUIET_LOOK_DROPPERS.issuperset(self.droppers)
        assert all(step.decide is not None for step in self), "a run of line rules holds line rules only"


def _drops_nothing(block: _LineRun, page: Page) -> bool:
    """Does the run of line rules leave this quiet page (classified, not yet
    judged in context) as it is, found without judging it or running most
    rules?  A quiet page (:func:`arclean.normalizers.residue.context.is_quiet`)
    is its own judgement, and only the rules that can drop a content line
    (``block.droppers``) may drop one from it: when none does, the first round
    drops nothing, and the rounds end there.  Exact: it says yes only when the
    full rounds would give this page back."""
    for decide in block.droppers:
        if decide(page) is not page:
            return False
    return True


def _redo_plans(before: _StepPlan) -> tuple[_StepPlan, _StepPlan] | None:
    """For a run of line rules after the character run ``before``: the run's whole-document
    steps (``Step.whole_document``), and the run from the first of them on (see :func:`_redo`)."""
    first = next((k for k, step in enumerate(before.steps) if step.whole_document), None)
    if first is None:
        return None
    return _StepPlan([step for step in before.steps if step.whole_document]), _StepPlan(before.steps[first:])


def _opens_redo(redo: tuple[_StepPlan, _StepPlan], look: Look) -> bool:
    """Does the look open one of the whole-document steps of ``redo`` (read from the plan's memory)?"""
    probe = redo[0]
    opened = probe.plans.get((look.gates, look.needles))
    return bool(opened if opened is not None else probe.open(look))


def _look_after(block: _LineRun, look: Look | None, text: str) -> Look | None:
    """The look at the text a run of line rules left, from the look at the text it was
    given (None, taken when a step needs it, if there was none or the run holds a rule
    of one's own): bundled line rules only drop lines (:meth:`~arclean.look.Look.of_lines`)."""
    return look.of_lines(text) if look is not None and block.keeps_lines else None


def _redo(redo: tuple[_StepPlan, _StepPlan], text: str, look: Look | None) -> tuple[str, Look | None]:
    """After a run of line rules dropped lines: the character run before it, from its first
    whole-document step on, on the text left (``redo``: :func:`_redo_plans`), when the look
    opens one of those steps.  A step such as L102 judges the whole document (is it Persian?)
    before it changes a line, and the lines gone may have swayed that judgement: a Persian
    footer under an Arabic article kept the article's Persian letters, which a second clean,
    without the footer, would write as Arabic.  The text and the look that still holds for it."""
    if look is None:
        look = Look(text)
    if not _opens_redo(redo, look):
        return text, look
    return _run_characters(redo[1], text, look)


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
        suggest = partial(rule.suggest, code=rule.code, **options)
    own = rule.function is BY_CODE.get(rule.code, rule).function  # a rule's gate and needles are its own function's
    gate = gate_bit(rule.gate) if own and rule.gate else 0
    needles = needle_bits(rule.needles) if own else 0
    either = rule.either and bool(gate and needles)
    if rule.either and not either:
        gate = needles = 0  # one of the two a look cannot read (pure Python: the needles): the step always runs
    return Step(rule.code, run, suggest, rule.decide, gate, needles, either, rule.whole_document)


def _with_evidence(changes: list[Change], page: Page) -> list[Change]:
    """The changes, each that drops lines with the evidence of the first line it dropped
    (the list given, mended in place: a change without evidence is kept as it is)."""
    evidence = {line.text: line.evidence for line in page.lines if line.evidence}
    if evidence:
        for k, change in enumerate(changes):
            why = _why(change, evidence)
            if why:
                changes[k] = Change(change.code, change.line, change.before, change.after, why)
    return changes


def _why(change: Change, evidence: dict[str, str]) -> str:
    kept = set(change.after.split("\n")) if change.after else _NOTHING_KEPT
    lines = (change.before[start:end] for start, end in _line_spans(change.before))
    return next((evidence[line] for line in lines if line not in kept and line in evidence), "")


#: The lines a change that only drops lines keeps: ``set("".split("\\n"))``.
_NOTHING_KEPT = frozenset({""})


def _line_spans(text: str) -> Iterator[tuple[int, int]]:
    """Where each line of a text starts and ends, found one at a time (a change
    that drops a million lines is not split into a million strings to find the
    first one's evidence)."""
    start = 0
    while (end := text.find("\n", start)) >= 0:
        yield start, end
        start = end + 1
    yield start, len(text)


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

    def __init__(self, rules: Iterable[RuleSpec] | None = None, *, config: Config | None = None,
                 source: str | None = None) -> None:
        rules = list(rules) if rules is not None else None
        self._rules, self._config, self.source = rules, config or Config(), source
        self._sources: dict[str | None, Pipeline] = {}
        self._sourced = any(p.source is not None for p in self._config.boilerplate)
        # A phrase of one source (a learned file's ``# source:`` section) applies to its documents only.
        phrases = tuple(p for p in self._config.boilerplate if p.source is None or p.source == source)
        self.config = self._config if phrases == self._config.boilerplate else replace(self._config, boilerplate=phrases)
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

    def for_source(self, source: str | None) -> Pipeline:
        """This pipeline for the documents of one source (a site: see
        :mod:`arclean.sources`): the configuration's phrases for that source
        apply too.  Itself when no phrase is for a source.

        >>> from arclean import Config
        >>> from arclean.datafiles import Phrase
        >>> config = Config(boilerplate=(Phrase("نبض الخليج صوتك الحر", "widget", False, "chrome.txt:3", "nabd.example"),))
        >>> text = "نبض الخليج صوتك الحر\\n\\nقال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين في الموسم المقبل."
        >>> Pipeline(["B205"], config=config)(text) == text
        True
        >>> [(c.code, c.why) for c in Pipeline(["B205"], config=config).for_source("nabd.example").explain(text).changes]
        [('B205', "the phrase 'نبض الخليج صوتك الحر' (chrome.txt:3)")]
        """
        if source == self.source or not self._sourced:
            return self
        found = self._sources.get(source)
        if found is None:
            if len(self._sources) >= _MAX_SOURCES:
                self._sources.clear()
            phrases = tuple(p for p in self._config.boilerplate if p.source is None or p.source == source)
            # A source without phrases of its own takes the pipeline without a source's phrases.
            mine = phrases != self.config.boilerplate or self.source is not None
            found = self._sources[source] = Pipeline(self._rules, config=self._config, source=source) if mine else self
        return found

    @property
    def codes(self) -> tuple[str, ...]:
        """The codes of the steps, in the order they run."""
        return tuple(step.code for step in self.steps)

    def __call__(self, text: str) -> str:
        return self.clean(text)

    def clean(self, text: str) -> str:
        """Run every step on the text and return the result."""
        if type(text) is not str:  # noqa: E721 (a str is checked without a call; a subclass, bytes or other, by one)
            text = _check_text(text)
        look: Look | None = None  # the text's look, taken once, and again only after a change
        for block in self._blocks:
            if isinstance(block, Plan):
                text, look = _run_characters(block, text, look)
            else:
                after = self._decide(block, text)
                if after is not text:
                    text, look = after, _look_after(block, look, after)
                    if block.redo is not None:  # lines gone: the whole-document steps judge the text again
                        text, look = _redo(block.redo, text, look)
        return text

    def _decide(self, block: _LineRun, text: str) -> str:
        """A run of line rules on one page, as :meth:`_trace` runs it, without
        recording each step: the text after it."""
        if block.quiet_look:
            found = quiet_page(text, self.config.boilerplate)
            if found is None:
                return text  # quiet, and neither B101 nor B102 drops a line: no rule of the run does
            page = found
        else:
            page = analyze_alone(text, self.config.boilerplate)
        quiet = is_quiet(page)
        if quiet and _drops_nothing(block, page):
            return text
        judged = judge_in_context(page)
        settled = self._settle(block, judged, quiet=quiet if judged is page else None)
        return text if settled is judged else settled.text  # the text is joined once, at the end

    def trace(self, text: str) -> Iterator[tuple[Step, str]]:
        """Each step and the text after it (a line rule may run more than once, and the
        whole-document rules run again when the line rules drop lines: see :func:`_redo`)."""
        for step, after, _page in self._trace(text):
            yield step, after

    def _trace(self, text: str, every: bool = True) -> Iterator[tuple[Step, str, Page | None]]:
        """Each step, the text after it, and for a line rule the page it decided on
        (not ``every`` step: only those that changed the text or have suggestions,
        all that :meth:`explain` records).

        A run of line rules shares one analysis of the page: each rule decides
        on the page the one before left, judged again in context.  The run is
        repeated until no rule drops a line, and then once more on a fresh
        analysis of the text (only for pages that lost lines), so a line that
        only shows as residue once another is gone (a title copy under a
        dropped breadcrumb, a label left last by the tail cut) goes in the same
        pass: a second clean finds nothing to do.
        """
        look: Look | None = None
        for block in self._blocks:
            if isinstance(block, Plan):
                if every or not isinstance(block, _StepPlan):
                    text, look = yield from _trace_characters(block, text, look, every)
                else:  # as _trace_characters would, without its frame between
                    text, look = yield from _trace_changes(block, text, look)
            else:
                after = yield from self._trace_lines(block, text, every)
                if after is not text:
                    text, look = after, _look_after(block, look, after)
                    if block.redo is not None:  # as clean runs them again
                        look = look if look is not None else Look(text)
                        if _opens_redo(block.redo, look):
                            text, look = yield from _trace_characters(block.redo[1], text, look, every)

    def _trace_lines(self, block: _LineRun, text: str, every: bool = True
                     ) -> Generator[tuple[Step, str, Page | None], None, str]:
        """A run of line rules on one analysis, repeated until no rule drops a
        line (see :meth:`_trace`); returns the text after it."""
        if not every and block.quiet_look:  # as _decide looks: a page the run leaves as it is has nothing to record
            found = quiet_page(text, self.config.boilerplate)
            if found is None:
                return text
            page = found
        else:
            page = analyze_alone(text, self.config.boilerplate)
        quiet = is_quiet(page)
        if quiet and _drops_nothing(block, page):
            for step in block if every else ():
                yield step, text, page
            return text
        steps: list[tuple[Step, Page, Page]] = []
        judged = judge_in_context(page)
        self._settle(block, judged, steps=steps, every=every or block.suggesting,
                     quiet=quiet if judged is page else None)
        for step, before, after in steps:
            if after is not before:
                text = after.text
            elif not every and step.suggest is None:
                continue
            yield step, text, before
        return text

    @staticmethod
    def _settle(block: _LineRun, page: Page, shortcut: bool = True,
                steps: list[tuple[Step, Page, Page]] | None = None, every: bool = True,
                quiet: bool | None = None) -> Page:
        """The line rules' rounds on one page, until no rule drops a line and a
        fresh look finds nothing more (see :meth:`_trace`): the page they leave,
        the page itself when no rule dropped a line.  ``clean`` and ``explain``
        both run these rounds; ``explain`` passes a list, ``steps``, where each
        step that dropped lines (``every`` step, by default) is noted with the
        page it decided on and the page after it (judged again; the same page
        when it dropped nothing).  A loop, not a generator: ``clean`` pays for
        no step it does not run.

        A rule that drops residue lines only is not asked about a quiet page
        (:func:`~arclean.normalizers.residue.context.is_quiet`), where it drops
        nothing: the second round, after the first dropped the page's residue,
        mostly asks B101 and B102 alone; and a quiet page a rule leaves is not
        judged again (:func:`~arclean.normalizers.residue.analysis.rejudge`).
        Without the ``shortcut``, every rule is asked every round, and every
        page a rule leaves is judged (the reference the tests hold it to).
        ``quiet``: ``is_quiet(page)`` when the caller has asked it already (None: not asked)."""
        fresh = True
        unknown = None if shortcut else False  # a page's quietness before it is asked (never, without the shortcut)
        quiet = quiet if shortcut else False  # is_quiet(page), asked once a page
        for _round in range(_MAX_ROUNDS):
            dropped = False
            for step, decide, residue_only in block.decisions:
                if residue_only and (quiet if quiet is not None else (quiet := is_quiet(page))):
                    if steps is not None and every:
                        steps.append((step, page, page))
                    continue
                decided = decide(page)
                if decided is not page:
                    # The page left is judged again, unless it is quiet: then it is its own judgement.
                    # One that is not quiet stays so, judged (judgements only add).
                    quiet = is_quiet(decided) if shortcut else False
                    after = decided if quiet else rejudge(decided)
                    if steps is not None:
                        steps.append((step, page, after))
                    page, dropped = after, True
                elif steps is not None and every:
                    steps.append((step, page, page))
            if not dropped:
                if fresh or not carries_context(page):
                    return page
                # Settled on a page judged along the way: check on a fresh
                # analysis of the text, as a second clean would see it.
                page, fresh = look_afresh(page), True
                quiet = unknown
            else:
                fresh = False
        return page

    @cached_property
    def _blocks(self) -> list[Plan[Step] | _LineRun]:
        """The steps in runs: line rules together (a :class:`_LineRun`), other
        rules together (a :class:`~arclean.look.Plan`, planned from each text's look)."""
        runs: list[list[Step]] = []
        for step in self.steps:
            if runs and (runs[-1][0].decide is None) == (step.decide is None):
                runs[-1].append(step)
            else:
                runs.append([step])
        blocks: list[Plan[Step] | _LineRun] = [_LineRun(run) if run[0].decide is not None else _StepPlan(run) for run in runs]
        for before, block in pairwise(blocks):
            if isinstance(block, _LineRun) and isinstance(before, _StepPlan):
                block.redo = _redo_plans(before)
        return blocks

    def explain(self, text: str) -> Report:
        """Run every step and record each change with its rule and input line;
        a line a line rule dropped carries the evidence it was judged by.

        >>> from arclean import Pipeline
        >>> report = Pipeline(["B201"]).explain("قال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين.\\nاترك رد")
        >>> [(change.code, change.why) for change in report.changes]
        [('B201', "the phrase 'اترك رد' (wordpress)")]
        """
        if type(text) is not str:  # noqa: E721 (as clean checks it)
            text = _check_text(text)
        changes: list[Change] = []
        suggestions: list[Suggestion] = []
        origin: Sequence[int] | None = None  # each line's input line, counted when a step first changes the text
        before = text
        for step, after, page in self._trace(text, every=False):  # the steps that changed it
            if step.suggest is not None:
                suggestions.extend(step.suggest(before))
            if after != before:
                if origin is None:
                    origin = range(1, text.count("\n") + (1 if text and not text.endswith("\n") else 0) + 1)
                found, origin = line_changes(step.code, before, after, origin)
                changes.extend(found if page is None else _with_evidence(found, page))
                before = after
        return Report(before, tuple(changes), tuple(suggestions))

    def __repr__(self) -> str:
        return f"Pipeline({list(self.codes)!r})"


@lru_cache(maxsize=64)
def pipeline_for(config: Config) -> Pipeline:
    """The pipeline of a configuration, built once per process: :func:`arclean.clean`,
    :func:`arclean.explain` and the command line's workers share this one cache."""
    return Pipeline(config=config)
