"""An ad slot or a share bar inside the development set's poems, lists and tables: none of the
text under it goes.

Pages put an ad label (``إعلان``, ``Advertisement``), a share bar or a "read also" teaser between
a poem's verses as well as under an article.  Each gold document of the devset gets one such line
at every place where three short lines of its own stand right above (no paragraph of prose, no
residue) and seven lines or more follow; the text it leaves must hold every line the document
cleaned alone holds.  Before B301 and B203 knew a line within the text's own short lines (b3de06a),
1,009 of these 1,204 pages lost 16,988 lines under the slot (the rest of a poem, of a table, of a
list).
"""

from __future__ import annotations

import arclean
from arclean.normalizers.residue.analysis import analyze

from .conftest import shared_dir

_SLOTS = ("إعلان", "Advertisement", "شارك", "تابعنا على فيسبوك", "طباعة", "مساحة إعلانية",
          "اقرأ أيضا: وزير المالية يلتقي نظيره الأردني")
#: Short lines right above the slot, and lines after it, at least (the rules' bounds: three, and more than six).
_ABOVE, _BELOW = 3, 7


def test_a_slot_between_the_short_lines_of_a_text_takes_nothing_under_it() -> None:
    trials, lost = 0, []
    for path in sorted(shared_dir("devset").glob("*.gold.txt")):
        gold = path.read_text(encoding="utf-8")
        lines, page = gold.rstrip("\n").split("\n"), analyze(gold)
        filled = list(page.filled)
        expected = [line for line in arclean.clean(gold).split("\n") if line]
        for k in range(_ABOVE, len(filled) - _BELOW + 1):
            if any(page.lines[i].prose or page.lines[i].is_residue for i in filled[k - _ABOVE:k]):
                continue
            for slot in _SLOTS:
                trials += 1
                text = "\n".join([*lines[:filled[k]], slot, *lines[filled[k]:]]) + "\n"
                kept = set(arclean.clean(text).split("\n"))
                lost += [(path.name, slot, line) for line in expected if line not in kept]
    assert trials > 1000  # the devset's poems, tables and lists give this many places
    assert not lost, lost[:5]
