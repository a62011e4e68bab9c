"""A share bar high in an article, put between the blocks of the development set's documents
over a paragraph: the text under it stays.

Sites print their share buttons under the headline, the lead or the picture, over the rest of the
article, as well as at its end.  A share bar is one widget however many lines it takes (its
heading, then the networks' names), and the article's last paragraphs under it are no tail, nor is
a paragraph that ends no sentence where it runs on into the next (a quotation going on below) or,
left open with a comma, into the line under it.  At b0c225d, 64 of these 142 places lost the text
under the four-line bar (its four lines counted as a run of residue), and 5 under ``شارك الخبر``
(a paragraph without a stop read as a teaser cut short).
"""

from __future__ import annotations

from collections import Counter

import arclean
from arclean.text.folding import is_prose

from .conftest import gold_places

_BARS = ("شارك هذا المقال\nفيسبوك\nتويتر\nواتساب", "شارك الخبر", "شارك\nFacebook\nTwitter\nWhatsApp")
_MARK = "\x00"


def test_a_share_bar_over_a_paragraph_keeps_the_text_under_it() -> None:
    trials, lost = 0, []
    for name, at, expected, put in gold_places(edges=False):
        below = put(_MARK).split(_MARK, 1)[1].lstrip("\n").split("\n", 1)[0]
        if not is_prose(below):
            continue  # a short line under the bar may be a linked title
        for bar in _BARS:
            trials += 1
            kept = Counter(arclean.clean(put(bar)).split("\n"))
            lost += [(name, at, bar[:10], line) for line in expected.split("\n") if line and not kept[line]]
    assert trials > 400  # the devset's documents give this many places over a paragraph
    assert not lost, lost[:5]
