"""HTML character references left in scraped text: rule E201."""

from __future__ import annotations

import html
import re
from functools import lru_cache

from ... import datafiles

_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_AMP_BEFORE_REFERENCE = re.compile(r"(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


#: E201 changes only a text holding an ampersand (``Rule.needles``).
AMPERSAND_NEEDLES = ("&",)


def decode_html_entities(text: str) -> str:
    """Decode HTML character references once.

    ``&quot;``, ``&nbsp;``, ``&#1604;``, ``&#x644;``.

    Only complete references with their semicolon are decoded, so ``AT&T``
    and ``&copy`` without one stay as written.  A reference to a control
    character or to nothing valid stays too.  ``&amp;`` just before another
    reference (``&amp;quot;``) is left alone: the text is about HTML, and
    decoding it would make a new reference that a second run would decode
    again.

    >>> decode_html_entities("قال &quot;نعم&quot;&nbsp;و&#1604;ا")
    'قال "نعم"\\xa0ولا'
    >>> decode_html_entities("AT&T &amp;quot; &#0;")
    'AT&T &amp;quot; &#0;'

    A reference with an invisible character inside (``&n\u200bbsp;``) is a
    reference too: rule I101 would remove the character after this rule ran.

    >>> decode_html_entities("إلى&n\u200bbsp;أن")
    'إلى\xa0أن'
    """
    if "&" not in text:
        return text
    if _invisible().search(text):
        text = _split_reference().sub(_join_reference, text)
    return _REFERENCE.sub(_decode_reference, text)


#: Invisible characters that a later rule removes (I101, and ZWNJ/ZWJ of I102).
_JOINERS = "\u200c\u200d"


@lru_cache(maxsize=None)
def _invisible() -> re.Pattern[str]:
    chars = "".join(chr(code) for code in datafiles.translation("chars/invisible.tsv")) + _JOINERS
    return re.compile(f"[{re.escape(chars)}]")


@lru_cache(maxsize=None)
def _split_reference() -> re.Pattern[str]:
    """A reference with invisible characters inside (``&n\u200bbsp;``)."""
    chars = re.escape("".join(chr(code) for code in datafiles.translation("chars/invisible.tsv")) + _JOINERS)
    return re.compile(f"&[#0-9A-Za-z{chars}]{{2,40}};")


def _join_reference(match: re.Match[str]) -> str:
    """The reference without the invisible characters inside it, when that is a
    reference: a later rule would remove them and leave a reference that a
    second run decodes (``&n\u200bbsp;`` → ``&nbsp;``)."""
    joined = _invisible().sub("", match.group(0))
    return joined if _REFERENCE.fullmatch(joined) else match.group(0)


def _decode_reference(match: re.Match[str]) -> str:
    reference = match.group(0)
    if reference == "&amp;" and _AMP_BEFORE_REFERENCE.match(_invisible().sub("", match.string[match.end():match.end() + 48])):
        return reference
    decoded = html.unescape(reference)
    if decoded == reference or not decoded or "\ufffd" in decoded:
        return reference
    if any(ord(char) < 0x20 and char not in "\t\n" or 0x7F <= ord(char) < 0xA0 for char in decoded):
        return reference
    return decoded
