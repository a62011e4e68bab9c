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


def _lost(expected: list[str], text: str) -> list[str]:
    """The lines of ``expected`` (a document cleaned alone) that the cleaned text no longer holds."""
    kept = set(arclean.clean(text).split("\n"))
    return [line for line in expected if line not in kept]


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
                lost += [(path.name, slot, line) for line in _lost(expected, text)]
    assert trials > 1000  # the devset's poems, tables and lists give this many places
    assert not lost, lost[:5]


def test_a_slot_under_a_line_left_open_takes_nothing_under_it() -> None:
    """Under a line of content that ends with a colon or a comma (a list announced, a verse or a
    sentence going on), a slot is no end of the text either, wherever it stands.  At 8720515, 68
    of these 192 pages lost 292 lines."""
    trials, lost = 0, []
    for path in sorted(shared_dir("devset").glob("*.gold.txt")):
        gold = path.read_text(encoding="utf-8")
        lines = gold.rstrip("\n").split("\n")
        expected = [line for line in arclean.clean(gold).split("\n") if line]
        for at, line in enumerate(lines[:-1]):
            if not line.rstrip().endswith((":", "،", ",")):
                continue
            for slot in _SLOTS[:-1]:  # the ad labels and share lines (a teaser takes what it takes)
                trials += 1
                text = "\n".join([*lines[:at + 1], slot, *lines[at + 1:]]) + "\n"
                lost += [(path.name, slot, line) for line in _lost(expected, text)]
    assert trials > 150  # the devset's lines left open give this many places
    assert not lost, lost[:5]


_MENUS = (("الرئيسية", "أخبار", "رياضة", "اقتصاد", "اتصل بنا"), ("تسجيل الدخول", "بحث"), ("القائمة", "إغلاق"), ("Menu", "Search", "Home"),
          ("اذهب إلى المحتوى",), ("شارك", "فيسبوك", "تويتر"), ("إعلان",))
_TAILS = ((), ("شارك الخبر", "فيسبوك", "تويتر"), ("اترك تعليقاً", "لن يتم نشر عنوان بريدك الإلكتروني."), ("جميع الحقوق محفوظة © 2024",))


def test_a_sites_menu_over_a_text_takes_none_of_it() -> None:
    """A site's menu above each gold document (and its chrome below): every line the document
    cleaned alone holds stays.  At f351fd3, 28 of these 1,540 pages lost their whole text (772
    lines: a poem, a surah, a table) under a menu whose last item is a footer's phrase (``اتصل بنا``),
    where a page with no paragraph took the menu's items for the article; 4 still do, one document
    under one menu (a list of names of a word or two, which reads as the menu's own items)."""
    lost = []
    for path in sorted(shared_dir("devset").glob("*.gold.txt")):
        gold = path.read_text(encoding="utf-8").rstrip("\n")
        expected = [line for line in arclean.clean(gold).split("\n") if line]
        for menu in _MENUS:
            for tail in _TAILS:
                lost += [(path.name, menu[-1], line) for line in _lost(expected, "\n".join([*menu, gold, *tail]) + "\n")]
    assert len({(name, menu) for name, menu, _ in lost}) <= 1, lost[:5]
