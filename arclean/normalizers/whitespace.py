"""Spaces and line structure: the W rules.

Scraped text arrives with Windows line ends, no-break spaces, doubled spaces,
indentation left by the page layout and runs of blank lines.  None of that is
content.  What *is* content is kept: the document's own paragraph separation
(a single blank line stays a single blank line) and hard-wrapped lines (a line
break is never removed inside a paragraph).
"""

from __future__ import annotations

import re

from .. import datafiles

_LINE_BREAKS = re.compile("\r\n?|[\u2028\u2029]")  # what W101 replaces (by str.replace)
_SPACE_RUN = re.compile(r"[ \t]{2,}|\t")
_BLANK_RUN = re.compile(r"\n{3,}")


#: The substrings without which each rule here leaves a text as it is (``Rule.needles``:
#: the text is read with a line feed before and after it).
LINE_ENDING_NEEDLES = ("\r", "\u2028", "\u2029")
SPACE_RUN_NEEDLES = ("  ", "\t")
EDGE_SPACE_NEEDLES = (" \n", "\n ", "\t")
BLANK_RUN_NEEDLES = ("\n\n\n",)


def normalize_line_endings(text: str) -> str:
    """Turn CRLF, lone CR and the Unicode line and paragraph separators into LF.

    U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR are line breaks too.

    Every other rule splits lines on LF alone.

    >>> normalize_line_endings("سطر\\r\\nسطر\\rسطر")
    'سطر\\nسطر\\nسطر'
    """
    if "\r" not in text and "\u2028" not in text and "\u2029" not in text:
        return text
    # What _LINE_BREAKS, tried at every position, replaces: CRLF first, then what is left.
    for line_break in ("\r\n", "\r", "\u2028", "\u2029"):
        text = text.replace(line_break, "\n")
    return text


def unicode_spaces() -> re.Pattern[str]:
    """The spaces W102 replaces (``chars/spaces.tsv``): a text without one is left as it is."""
    return datafiles.char_pattern("chars/spaces.tsv")


def replace_unicode_spaces(text: str) -> str:
    """Replace no-break and other Unicode spaces with a plain space.

    NO-BREAK SPACE (U+00A0), the typographic spaces U+2000-U+200A, NARROW
    NO-BREAK SPACE (U+202F), MEDIUM MATHEMATICAL SPACE (U+205F) and
    IDEOGRAPHIC SPACE (U+3000); table: ``chars/spaces.tsv``.

    Web pages use them for layout (``&nbsp;``); in plain text they only break
    search and tokenisation.

    >>> replace_unicode_spaces("قال\\u00a0الوزير")
    'قال الوزير'
    """
    if not unicode_spaces().search(text):
        return text
    return datafiles.replace_chars(text, "chars/spaces.tsv")


def collapse_spaces(text: str) -> str:
    """Turn each run of spaces and tabs inside a line into one space.

    >>> collapse_spaces("في الاونة  الاخيرة\\tجدا")
    'في الاونة الاخيرة جدا'
    """
    if "  " not in text and "\t" not in text:
        return text
    if "\t" in text:
        text = text.replace("\t", " ")  # then each run of spaces is one space
    return _halve_runs(text, "  ", " ", _SPACE_RUN)


def strip_lines(text: str) -> str:
    """Remove spaces and tabs at the start and end of every line.

    Leading spaces are the page's indentation, trailing ones are invisible
    residue; neither is part of the text.

    >>> strip_lines("  • عيار 24\\nنص  ")
    '• عيار 24\\nنص'
    """
    if not (
        " \n" in text or "\n " in text or "\t" in text or text[:1] == " " or text[-1:] == " "
    ):
        return text
    # Line by line (a pattern of the spaces at a line's edges, ^[ \t]+|[ \t]+$, is tried
    # at every position), a piece of the text at a time: its lines split at once, not all the text's.
    pieces, start = [], 0
    while (end := text.find("\n", start + _PIECE)) >= 0:
        pieces.append(_strip_each_line(text[start:end]))
        start = end + 1
    pieces.append(_strip_each_line(text[start:]))
    stripped = "\n".join(pieces)
    return text if stripped == text else stripped  # a tab inside a line only: the text itself


def _strip_each_line(text: str) -> str:
    return "\n".join([line.strip(" \t") for line in text.split("\n")])


def collapse_blank_lines(text: str) -> str:
    """Turn each run of blank lines into a single blank line.

    A single blank line between paragraphs is the document's own separation
    and stays.

    >>> collapse_blank_lines("فقرة\\n\\n\\n\\nفقرة\\n\\nفقرة")
    'فقرة\\n\\nفقرة\\n\\nفقرة'
    """
    if "\n\n\n" not in text:
        return text
    return _halve_runs(text, "\n\n\n", "\n\n", _BLANK_RUN)


#: W104 splits a text into its lines a piece of this many characters (and up to the next line feed) at a time.
_PIECE = 1 << 16
#: Passes of ``str.replace`` over a text before its runs are left to a pattern.
_REPLACE_PASSES = 4


def _halve_runs(text: str, run: str, shorter: str, pattern: re.Pattern[str]) -> str:
    """Each run of a character repeated (``run``: the shortest run to shorten, ``shorter``
    one character less) made the length of ``shorter``: :func:`replace_in_passes`, each
    pass shortening every run by a third or a half, then the pattern, which replaces each
    run of ``run`` or longer with ``shorter``.

    >>> _halve_runs("أ      ب  ج", "  ", " ", _SPACE_RUN), _halve_runs("أ" + "\\n" * 99 + "ب", "\\n\\n\\n", "\\n\\n", _BLANK_RUN)
    ('أ ب ج', 'أ\\n\\nب')
    """
    return replace_in_passes(text, ((run, shorter),), pattern, shorter)


def replace_in_passes(text: str, replacements: tuple[tuple[str, str], ...], pattern: re.Pattern[str],
                      replacement: str) -> str:
    """``pattern.sub(replacement, text)`` for a pattern whose matches the replacements
    shorten, one character at a time (a run of spaces, the spaces before a mark): a few
    passes of ``str.replace`` with those the text holds (a search skips through the text,
    where a pattern that starts with a class is tried at every position), then, for what
    is left longer, the pattern itself.

    >>> replace_in_passes("قال   ، ثم", ((" ،", "،"),), re.compile(r" +(?=،)"), "")
    'قال، ثم'
    """
    for _ in range(_REPLACE_PASSES):
        held = [pair for pair in replacements if pair[0] in text]
        if not held:
            return text
        for old, new in held:
            text = text.replace(old, new)
    return pattern.sub(replacement, text)


def trim_document(text: str) -> str:
    """Drop blank lines at both ends and end the text with exactly one line feed.

    A text with nothing but white space becomes empty.

    >>> trim_document("\\n\\nعنوان\\nنص\\n\\n\\n")
    'عنوان\\nنص\\n'
    >>> trim_document(" \\n")
    ''
    >>> text = "عنوان\\nنص\\n"
    >>> trim_document(text) is text  # already trimmed: the text itself, not a copy
    True
    """
    # One line feed at the end, none at the start, more than white space: as it would come out.
    # (Read by index: str.endswith and str.startswith parse their arguments as a tuple, a
    # thousand instructions on every page.)
    if text[-1:] == "\n" and text[0] != "\n" and text[-2] != "\n" and (text[0] not in " \t" or text.lstrip(" \t\n")):
        return text
    start = 0
    while start < len(text) and text[start] == "\n":
        start += 1
    body = text[start:].rstrip("\n")
    if not body.strip(" \t\n"):
        return ""
    return body + "\n"

