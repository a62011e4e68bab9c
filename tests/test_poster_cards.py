"""A forum poster card put between the lines of the development set's documents: the card goes,
and none of the document's lines with it.

On a forum's page a poster card sits between two posts: the last lines of the post above it (a
verse, a list's item, a line of thanks) stand right above the card's name and rank.  Each gold
document of the devset gets a card at every place between two of its lines (or paragraphs), in
five shapes: labelled lines (Forumotion's ``عدد الرسائل : 120``), with a name and a rank above
them or not, and cards printed a field to a line (vBulletin 4's two columns, scraped).  Cleaned,
the page must hold every line the document cleaned alone holds, and no line of the card.  At
874be20 (before a card's head needed a rank, a status or an avatar to mark it, and before cards
printed a field to a line were read), 1,909 of these 2,780 pages differed: 2,470 lines of the
documents went with the cards (all the verses above a card, to the poem's title), and 9,493
lines of the cards stayed.
"""

from __future__ import annotations

import arclean

from .conftest import gold_places

_CARDS = (
    "أبو محمد\nعضو جديد\nتاريخ التسجيل\nApr 2006\nالإقامة\nغزة\nالمشاركات\n2,042",
    "إنضم\n5 يناير 2009\nالمشاركات\n149\nالنقاط\n0",
    "التسجيل :\n2001-07-20\nالمشاركات:\n16,868\nالإعجاب :\n3",
    "عدد الرسائل : 120\nنقاط : 300",
    "سارة أحمد\nعضو ذهبي\nعدد الرسائل : 120\nنقاط : 300\nتاريخ التسجيل : 12/03/2010",
)


def test_a_poster_card_between_the_lines_of_a_document_goes_alone() -> None:
    trials, lost, left = 0, [], []
    for name, at, expected, put in gold_places(edges=False):
        for card in _CARDS:
            trials += 1
            kept = set(arclean.clean(put(card)).split("\n"))
            lost += [(name, at, line) for line in expected.split("\n") if line not in kept]
            left += [(name, at, line) for line in set(card.split("\n")) & kept]
    assert trials > 2000  # the devset's documents give this many places
    assert not lost, lost[:5]
    assert not left, left[:5]
