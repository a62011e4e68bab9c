"""Whether a line may repeat the one before it: the first look of B102 (a paragraph
printed twice), of B101 for a short title's copy (through the copy look,
:func:`~arclean.normalizers.residue.title.has_no_copies`), and of the quiet look.
"""

from __future__ import annotations

from typing import Sequence

from ...text.chars import QUOTATION_MARK_SET, QUOTATION_MARKS
from .page import Line

#: Lines equal but for white space differ in length by at most this much more than the shorter is long.
LENGTH_SLACK = 16


def may_repeat(previous: Line, line: Line, slack: int = LENGTH_SLACK) -> bool:
    """A first look: may the two lines be the same paragraph, white space and quotation
    marks aside (:func:`normalized`)?  Only if their lengths are close (normalizing
    collapses runs of white space and leaves quotation marks out; it does not halve a
    paragraph), they start alike (normalized, a line starts with its first character
    that is neither white space nor a quotation mark), and their skeletons, where
    both lines have one already, are equal, or their texts are the same words (no
    skeleton is made for this: paragraphs have none until a rule needs one, and two
    paragraphs mostly differ in their first words).  Lines equal but for white space
    have one skeleton (folding keeps white space, and a skeleton is the words), but a
    quotation mark inside a word splits it in the skeleton and not in the normalized
    text (``إ‘عادة``): two skeletons that differ settle nothing unless they differ without
    their spaces too.  So the answer is True for any two lines whose normalized texts
    are equal, whichever skeletons were made before it was asked.

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> a, b = analyze("ويمكن إ‘عادة تدوير النفايات المنزلية.\\nويمكن إعادة تدوير النفايات المنزلية.").lines
    >>> may_repeat(a, b), a.key == b.key, may_repeat(a, b)
    (True, False, True)
    """
    a, b = previous.text, line.text
    if 2 * min(len(a), len(b)) + slack < max(len(a), len(b)):
        return False
    if not (a[:1] == b[:1] or a[:1].isspace() or b[:1].isspace() or a[:1] in QUOTATION_MARK_SET or b[:1] in QUOTATION_MARK_SET):
        return False
    key_a, key_b = previous.__dict__.get("key"), line.__dict__.get("key")
    if key_a is not None and key_b is not None:
        if key_a == key_b:
            return True
        if key_a.replace(" ", "") != key_b.replace(" ", ""):
            return False  # more than a word split by a mark: texts that differ in more than white space and marks
    return normalized(a) == normalized(b)


def python_first_repeat(lines: tuple[Line, ...], filled: Sequence[int], slack: int = LENGTH_SLACK) -> int:
    """The first ``k`` at which the non-blank line ``filled[k]`` may repeat the one
    before it (:func:`may_repeat`), or -1: then B102 drops nothing, nor does B101 a
    short title's copy.  The reference of the compiled core's ``first_repeat``.

    >>> from arclean.normalizers.residue.analysis import analyze
    >>> page = analyze("قال الوزير إن الخطة جاهزة.\\n\\nقال الوزير إن الخطة جاهزة.\\nنص آخر")
    >>> python_first_repeat(page.lines, page.filled), python_first_repeat(page.lines, page.filled[1:])
    (1, -1)
    """
    for k in range(1, len(filled)):
        if may_repeat(lines[filled[k - 1]], lines[filled[k]], slack):
            return k
    return -1


def normalized(text: str) -> str:
    """The paragraph as the rules after the line rules leave it, white space aside: the
    quote rules (Q101-Q103) reshape and convert its quotation marks, so two paragraphs
    that differ only in those (a page's description in straight quotes above its first
    paragraph in curly ones) are the same paragraph, dropped in the first clean, not the
    second.

    >>> normalized(" قال ‘نعم‘  ثم\tمضى") == normalized("قال “نعم” ثم مضى") == "قال نعم ثم مضى"
    True
    """
    for mark in QUOTATION_MARKS:  # a search each (str.translate looks every character up: 40 times as long)
        if mark in text:
            text = text.replace(mark, "")
    return " ".join(text.split())
