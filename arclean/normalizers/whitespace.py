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

_LINE_BREAKS = re.compile("\r\n?|[\u2028\u2029]")
_EDGE_SPACES = re.compile(r"^[ \t]+|[ \t]+$", flags=re.MULTILINE)
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
    return _LINE_BREAKS.sub("\n", text)


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
    return text.translate(datafiles.translation("chars/spaces.tsv"))


def collapse_spaces(text: str) -> str:
    """Turn each run of spaces and tabs inside a line into one space.

    >>> collapse_spaces("في الاونة  الاخيرة\\tجدا")
    'في الاونة الاخيرة جدا'
    """
    if "  " not in text and "\t" not in text:
        return text
    return _SPACE_RUN.sub(" ", text)


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
    return _EDGE_SPACES.sub("", text)


def collapse_blank_lines(text: str) -> str:
    """Turn each run of blank lines into a single blank line.

    A single blank line between paragraphs is the document's own separation
    and stays.

    >>> collapse_blank_lines("فقرة\\n\\n\\n\\nفقرة\\n\\nفقرة")
    'فقرة\\n\\nفقرة\\n\\nفقرة'
    """
    if "\n\n\n" not in text:
        return text
    return _BLANK_RUN.sub("\n\n", text)


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
    if text.endswith("\n") and not text.endswith("\n\n") and not text.startswith("\n") and text.lstrip(" \t\n"):
        return text  # one line feed at the end, none at the start, more than white space: as it would come out
    start = 0
    while start < len(text) and text[start] == "\n":
        start += 1
    body = text[start:].rstrip("\n")
    if not body.strip(" \t\n"):
        return ""
    return body + "\n"

