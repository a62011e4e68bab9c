"""What arclean is compared with: each a ``str -> str`` function over one document.

- ``arclean``: ``arclean.clean`` with the default rules.
- ``explain``: ``arclean.explain``, the same rules plus a record of each change: what
  the CLI runs on every document, to count changes per rule.
- ``pure``: ``arclean.clean`` in pure Python, beside the compiled core in the same run:
  the package's own files imported a second time, as ``arclean_pure``, with
  ``ARCLEAN_PURE_PYTHON`` set while it is imported (the package imports itself only
  relatively).  Left out, with a note, when ``arclean`` itself runs in pure Python.
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

import importlib.util
import os
import re
import sys
from pathlib import Path
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


def _arclean_pure() -> Callable[[str], str]:
    """``clean`` of a second copy of the package, named ``arclean_pure``, imported from the
    same files with ``ARCLEAN_PURE_PYTHON`` set: its pure-Python functions run."""
    import arclean

    found = sys.modules.get("arclean_pure")
    if found is None:
        folder = Path(arclean.__file__).parent
        spec = importlib.util.spec_from_file_location("arclean_pure", folder / "__init__.py",
                                                      submodule_search_locations=[str(folder)])
        assert spec is not None and spec.loader is not None
        found = importlib.util.module_from_spec(spec)
        sys.modules["arclean_pure"] = found
        was = os.environ.get("ARCLEAN_PURE_PYTHON")
        os.environ["ARCLEAN_PURE_PYTHON"] = "1"
        try:
            spec.loader.exec_module(found)
        finally:
            if was is None:
                del os.environ["ARCLEAN_PURE_PYTHON"]
            else:
                os.environ["ARCLEAN_PURE_PYTHON"] = was
    if found._compiled.COMPILED:
        raise RuntimeError("arclean_pure imported the compiled core")
    clean: Callable[[str], str] = found.clean
    return clean


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


def _pure_contender() -> Contender:
    import arclean._compiled

    label = "arclean.clean in pure Python (ARCLEAN_PURE_PYTHON=1)"
    if not arclean._compiled.COMPILED:
        return Contender("pure", label, None, "arclean above runs in pure Python already")
    return Contender("pure", label, _arclean_pure())


def contenders() -> list[Contender]:
    """All contenders, arclean first; a missing optional library gives ``run=None``."""
    found = [
        Contender("arclean", "arclean.clean (default rules)", _arclean()),
        Contender("explain", "arclean.explain (what `arclean fix` runs per document)", _arclean_explain()),
        _pure_contender(),
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
