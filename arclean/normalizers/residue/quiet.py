"""A first look at a page for a run of line rules: is there nothing for them to do?

Most scraped pages need no line dropped.  Every line is a paragraph or a short line of
content without a chrome word, no line may be a copy of another (the title's copies,
:func:`~arclean.normalizers.residue.title.has_no_copies`), and none may repeat the line
before it (:func:`~arclean.normalizers.residue.repeats.python_first_repeat`).  Such a
page is quiet (:func:`~arclean.normalizers.residue.context.is_quiet`): no rule that drops
residue lines drops one, and neither do B101 and B102, the rules that may drop a line of
content.  :func:`quiet_page` tells such a page from its text, with the compiled core in
one call that makes no page.
"""

from __future__ import annotations

from ..._compiled import speedups
from ...datafiles import Phrase
from .analysis import SPLIT_AT_ONCE, ClassifyArguments, analyze_alone, classify_arguments, page_of
from .context import python_plain_lines
from .lines import forget_with_matchers, phrase_matcher
from .page import Page
from .repeats import LENGTH_SLACK, python_first_repeat
from .title import COPY_LOOK, NO_COPIES_MEMO, has_no_copies


def python_quiet_page(text: str, extra: tuple[Phrase, ...] = ()) -> Page | None:
    """None when the text's page is quiet with no line that may be a copy of another,
    nor one that may repeat the line before it: neither B101, nor B102, nor a rule that
    drops residue lines only drops a line of it.  Otherwise the page, as
    :func:`~arclean.normalizers.residue.analysis.analyze_alone` makes it.  The reference
    of :func:`quiet_page`.

    >>> python_quiet_page("الحكومة تعلن خطة جديدة للزراعة\\n\\nقال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين.")
    >>> [line.kind.name for line in python_quiet_page("قال الوزير إن الحكومة ستعلن خطة جديدة.\\nاترك رد").lines]
    ['CONTENT', 'COMMENT']
    """
    page = analyze_alone(text, extra)
    # A forum line is not plain: no page with one is quiet.
    if python_plain_lines(page.lines) and has_no_copies(page) and python_first_repeat(page.lines, page.filled, LENGTH_SLACK) < 0:
        return None
    return page


#: The phrases of the last call to :func:`quiet_page` (held: while they are, no other tuple has
#: their identity) and the classifier's arguments for their matcher (a pair replaced whole: a
#: call in another thread finds one or the other, never half of each).
_last: tuple[tuple[Phrase, ...] | None, ClassifyArguments | None] = (None, None)


def _forget_last() -> None:
    """The bundled phrases changed (:func:`~arclean.normalizers.residue.lines.clear_matchers`):
    the same phrases given again have another matcher."""
    global _last
    _last = (None, None)


forget_with_matchers(_forget_last)


def quiet_page(text: str, extra: tuple[Phrase, ...] = ()) -> Page | None:
    """:func:`python_quiet_page`, by the compiled core for a short text: the lines
    classified, and the page looked at, in one call; the page made only when it is
    not quiet (with the answer of the copy look, when it was asked).

    >>> quiet_page("الحكومة تعلن خطة جديدة للزراعة\\n\\nقال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين.")
    >>> quiet_page("نص\\nنص").lines[0].kind.name
    'CONTENT'
    """
    if speedups is None or len(text) > SPLIT_AT_ONCE:
        return python_quiet_page(text, extra)
    global _last
    last_extra, arguments = _last
    if last_extra is not extra:  # the last call's phrases, a pipeline's, on every page: no matcher looked up
        arguments = classify_arguments(phrase_matcher(extra))
        _last = (extra, arguments)
    found = speedups.quiet_page(text, arguments, COPY_LOOK, LENGTH_SLACK)
    if found is None:
        return None
    lines, filled, forum, seen, no_copies = found
    page = page_of(lines, filled, forum, seen, extra)
    if no_copies is not None:
        page.__dict__[NO_COPIES_MEMO] = no_copies
    return page
