"""What arclean is compared with: each a ``str -> str`` function over one document.

- ``arclean``: ``arclean.clean`` with the default rules.
- ``explain``: ``arclean.explain``, the same rules plus a record of each change: what
  the CLI runs on every document, to count changes per rule.
- ``ftfy``: ``ftfy.fix_text`` alone, with the settings arclean's mojibake rule E101
  uses (only the encoding repair on; quotes, HTML and normalisation left alone).
  arclean itself calls ftfy only on words that a cheap shape check finds broken.
- ``pyarabic``: ``strip_tashkeel`` + ``strip_tatweel`` + ``normalize_hamza``.
- ``camel``: CAMeL Tools' ``normalize_unicode`` + ``dediac_ar`` + ``normalize_alef_ar``.
  camel-tools hard-requires torch and transformers, but its ``utils`` need neither:
  install it with ``pip install --no-deps camel-tools emoji`` (never as a dependency
  or extra of arclean).  Left out, with a note, when it is not installed.
- ``floor``: one ``str.translate`` (no-break and other Unicode spaces to a space;
  zero-width and bidi marks, soft hyphen, BOM and tatweel deleted) plus one compiled
  regex substitution (runs of spaces and tabs to one space).  Nothing that reads
  every character can be much faster in pure Python: it is the floor arclean's
  throughput is measured against.
"""

from __future__ import annotations

import re
from typing import Callable, NamedTuple

import ftfy


class Contender(NamedTuple):
    name: str
    label: str
    run: Callable[[str], str] | None
    missing: str = ""  # why ``run`` is None


def _ftfy_config() -> ftfy.TextFixerConfig:
    try:  # the very object rule E101 passes to ftfy
        from arclean.normalizers.encoding.mojibake import _FTFY_CONFIG

        return _FTFY_CONFIG
    except ImportError:  # the same settings, should the module move
        return ftfy.TextFixerConfig(
            unescape_html=False, remove_terminal_escapes=False, fix_encoding=True, restore_byte_a0=True,
            replace_lossy_sequences=False, decode_inconsistent_utf8=True, fix_c1_controls=False,
            fix_latin_ligatures=False, fix_character_width=False, uncurl_quotes=False, fix_line_breaks=False,
            fix_surrogates=False, remove_control_chars=False, normalization=None, explain=False,
        )


def _arclean() -> Callable[[str], str]:
    import arclean

    return arclean.clean


def _arclean_explain() -> Callable[[str], str]:
    import arclean

    def explain(text: str) -> str:
        return arclean.explain(text).text

    return explain


def _ftfy() -> Callable[[str], str]:
    config = _ftfy_config()

    def fix_text(text: str) -> str:
        return ftfy.fix_text(text, config=config)

    return fix_text


def _pyarabic() -> Callable[[str], str]:
    from pyarabic import araby

    def chain(text: str) -> str:
        return araby.normalize_hamza(araby.strip_tatweel(araby.strip_tashkeel(text)))

    return chain


def _camel() -> Callable[[str], str]:
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import normalize_alef_ar, normalize_unicode

    def chain(text: str) -> str:
        return normalize_alef_ar(dediac_ar(normalize_unicode(text)))

    return chain


_FLOOR_TABLE = str.maketrans(
    {
        **{c: " " for c in "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"},
        **{c: None for c in "\u200b\u200e\u200f\u061c\u2060\u00ad\ufeff\u202a\u202b\u202c\u202d\u202e\u0640"},
    }
)
_FLOOR_SPACES = re.compile(r"[ \t]{2,}")


def floor(text: str) -> str:
    """One translate, one substitution: the least any cleaner that reads every character does."""
    return _FLOOR_SPACES.sub(" ", text.translate(_FLOOR_TABLE))


def contenders() -> list[Contender]:
    """All contenders, arclean first; a missing optional library gives ``run=None``."""
    found = [
        Contender("arclean", "arclean.clean (default rules)", _arclean()),
        Contender("explain", "arclean.explain (what `arclean fix` runs per document)", _arclean_explain()),
        Contender("ftfy", "ftfy.fix_text (arclean's E101 settings)", _ftfy()),
        Contender("pyarabic", "pyarabic strip_tashkeel+strip_tatweel+normalize_hamza", _pyarabic()),
    ]
    try:
        found.append(Contender("camel", "CAMeL normalize_unicode+dediac_ar+normalize_alef_ar", _camel()))
    except ImportError as error:
        found.append(Contender("camel", "CAMeL normalize_unicode+dediac_ar+normalize_alef_ar", None,
                               f"not installed ({error.name}): pip install --no-deps camel-tools emoji"))
    found.append(Contender("floor", "floor: one str.translate + one re.sub", floor))
    return found
