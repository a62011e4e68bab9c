"""The opt-in search profile gives the same output as CAMeL Tools' functions.

CAMeL Tools hard-requires torch and transformers, but its ``utils`` work
without them; ``.ci/run`` installs it with ``pip install --no-deps camel-tools``
(plus ``emoji``, which its character sets import).  It is never a dependency of
arclean.
"""

from __future__ import annotations

import os
import re

import pytest
from hypothesis import given, strategies as st

import arclean
from arclean import datafiles as tables
from arclean.normalizers import search

try:
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import normalize_alef_ar, normalize_alef_maksura_ar, normalize_teh_marbuta_ar
except ImportError:  # pragma: no cover - depends on the environment
    if os.environ.get("CI", "").lower() == "true":
        raise
    pytest.skip("camel-tools is not installed (pip install --no-deps camel-tools emoji)", allow_module_level=True)

ARABIC = "".join(chr(c) for c in range(0x0621, 0x064B)) + "ٱآأإىةـ" + "".join(chr(c) for c in range(0x064B, 0x0653)) + "\u0670 ،.٢٣"
arabic_text = st.text(alphabet=ARABIC, max_size=200)

PAIRS = [
    (search.unify_alef, normalize_alef_ar),
    (search.alef_maksura_to_yeh, normalize_alef_maksura_ar),
    (search.teh_marbuta_to_heh, normalize_teh_marbuta_ar),
]
#: A mark standing as a word of its own, which S104 removes with its space (dediac_ar leaves the space).
STANDING_MARK = re.compile("(?:^|[ \t])[\u064b-\u0652\u0670]+(?=[ \t]|$)", re.M)


@pytest.mark.parametrize("ours, theirs", PAIRS, ids=[p[0].__name__ for p in PAIRS])
@given(text=arabic_text)
def test_search_rule_matches_camel_tools(ours, theirs, text: str) -> None:
    assert ours(text) == theirs(text)


@given(text=arabic_text)
def test_diacritics_go_as_camel_tools_removes_them_and_a_standing_mark_with_its_space(text: str) -> None:
    ours, theirs = search.remove_diacritics(text), dediac_ar(text)
    assert ours.split() == theirs.split()
    if not STANDING_MARK.search(text) and not re.match("[\u064b-\u0652\u0670]", text):
        assert ours == theirs


@given(text=arabic_text)
def test_search_profile_folds_like_the_camel_tools_chain(text: str) -> None:
    chained = dediac_ar(normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(text))))
    ours = arclean.Pipeline(["S101", "S102", "S103", "S104"])(text)
    assert ours.split() == chained.split()


QURANIC = ARABIC + "\n\t\u00a0" + "".join(sorted(tables.char_table("chars/quranic_marks.tsv"))) + "0١٣"


@given(text=st.one_of(st.text(), st.text(alphabet=QURANIC, max_size=200)))
def test_the_search_profile_is_idempotent(text: str) -> None:
    """Deleting marks leaves no space for a second clean to find, and every rule that judges
    a word or a line (months, residue lines) sees it as the search rules leave it."""
    once = arclean.clean(text, profile="search")
    assert arclean.clean(once, profile="search") == once
