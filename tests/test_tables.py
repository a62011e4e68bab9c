"""A table scraped a cell to a line, put between the blocks of the development set's documents:
the table stays whole, and so does the document.

Scraped, a table's cells come a cell to a line: a team and its numbers, a currency and its
price.  Bare numbers are counters in a page's head and tail (``0``, ``298``), so a table there
keeps its numbers only where they read as cells.  Each gold document of the devset gets a table
at every place between two of its blocks (paragraphs, or lines), its start and its end too, in
six shapes.  Cleaned, the page must hold every line of the table and every line the document
cleaned alone holds.  At 1bcb415 (a number was a cell only between two cells), 901 of these
3,996 pages lost numbers: a table's last number, with a longer line under it, then the one
before it once that was gone; in the numbers-first shape, its first.
"""

from __future__ import annotations

from collections import Counter

import arclean

from .conftest import gold_places

_TABLES = (
    "الفريق\nلعب\nالنقاط\nالأهلي\n30\n62\nالزمالك\n30\n58",
    "الطول\n180\nالوزن\n75",
    "المركز\nالفريق\nالنقاط\n1\nالهلال\n70\n2\nالنصر\n66",
    "الذهب عيار 21\n2450\nالذهب عيار 18\n2100",
    "الهدف\n1\nالتسديدات\n12\n8\nالاستحواذ\n55\n45",
    "30\n62\nالأهلي\n30\n58\nالزمالك",
)


def test_a_table_between_the_blocks_of_a_document_stays_whole() -> None:
    trials, lost = 0, []
    for name, at, expected, put in gold_places(edges=True):
        for table in _TABLES:
            trials += 1
            kept = Counter(arclean.clean(put(table)).split("\n"))
            lost += [(name, at, line) for line in expected.split("\n") if line and not kept[line]]
            lost += [(name, at, line) for line, count in Counter(table.split("\n")).items() if kept[line] < count]
    assert trials > 3900  # the devset's documents give this many places
    assert not lost, lost[:5]
