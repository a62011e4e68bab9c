"""Frequent web misspellings: rule T201 (opt-in).

The default pipeline corrects no typo but month names (see
``CONVENTIONS.md``): what looks like a typo is often a dialect spelling, a
name, or the writer's choice.  This opt-in rule applies the lexicon
``data/typos/common.tsv`` the way codespell does: a typo with a single
correction is fixed; one with several candidates is reported by
``arclean.explain()`` and left as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Tuple, Union

from ... import datafiles
from ...text.chars import ARABIC_LETTERS
from ...text.clitics import CONJUNCTIONS


@dataclass(frozen=True)
class Suggestion:
    """A possible correction the pipeline did not apply."""

    code: str
    line: int
    word: str
    candidates: tuple[str, ...]


#: Entries added to the lexicon (``Config.typos``): each typo and its candidate
#: corrections (a single correction may be given as a string).
Extra = Tuple[Tuple[str, Union[str, Tuple[str, ...]]], ...]


@lru_cache(maxsize=16)
def _lexicon(extra: Extra = ()) -> dict[str, tuple[str, ...]]:
    lexicon = dict(datafiles.corrections("typos/common.tsv"))
    for typo, fixes in extra:
        lexicon[typo] = tuple(fixes.split("|")) if isinstance(fixes, str) else tuple(fixes)
    return lexicon


@lru_cache(maxsize=16)
def _pattern(extra: Extra = ()) -> re.Pattern[str]:
    typos = sorted(_lexicon(extra), key=len, reverse=True)
    alternation = "|".join(re.escape(typo) for typo in typos)
    return re.compile(f"(?<![{ARABIC_LETTERS}])([{CONJUNCTIONS}]?)({alternation})(?![{ARABIC_LETTERS}])")


def fix_common_typos(text: str, *, typos: Extra = ()) -> str:
    """Correct frequent misspellings that have a single correction.

    >>> fix_common_typos("إنشاء الله نلتقي، لاكن مسؤلية الأمر عليك")
    'إن شاء الله نلتقي، لكن مسؤلية الأمر عليك'
    """
    lexicon = _lexicon(typos)

    def replace(match: re.Match[str]) -> str:
        fixes = lexicon[match.group(2)]
        return match.group(1) + fixes[0] if len(fixes) == 1 else match.group(0)

    return _pattern(typos).sub(replace, text)


def suggest_common_typos(text: str, *, code: str, typos: Extra = ()) -> list[Suggestion]:
    """List the misspellings with several candidate corrections, as suggestions
    of the rule ``code`` (the pipeline passes the code of the step).

    >>> suggest_common_typos("لاكن مسؤلية الأمر", code="T201")
    [Suggestion(code='T201', line=1, word='مسؤلية', candidates=('مسؤولية', 'مسئولية'))]
    """
    lexicon = _lexicon(typos)
    found = []
    for match in _pattern(typos).finditer(text):
        fixes = lexicon[match.group(2)]
        if len(fixes) > 1:
            line = text.count("\n", 0, match.start()) + 1
            found.append(Suggestion(code, line, match.group(2), fixes))
    return found
