"""HTML character references left in scraped text: rule E201."""

from __future__ import annotations

import html

import re

_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_AMP_BEFORE_REFERENCE = re.compile(r"(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


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
    """
    if "&" not in text:
        return text
    return _REFERENCE.sub(_decode_reference, text)


def _decode_reference(match: re.Match[str]) -> str:
    reference = match.group(0)
    if reference == "&amp;" and _AMP_BEFORE_REFERENCE.match(match.string, match.end()):
        return reference
    decoded = html.unescape(reference)
    if decoded == reference or not decoded or "\ufffd" in decoded:
        return reference
    if any(ord(char) < 0x20 and char not in "\t\n" or 0x7F <= ord(char) < 0xA0 for char in decoded):
        return reference
    return decoded
