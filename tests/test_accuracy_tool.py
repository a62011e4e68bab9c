"""benchmarks/accuracy.py, run for real on a small folder of made-up cases with known distances,
and the held-out figures of the shared development set it gives."""

from __future__ import annotations

import importlib.util
import json
import statistics
import sys
from pathlib import Path

import pytest

import arclean

from .conftest import shared_dir

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "benchmarks" / "accuracy.py"
_spec = importlib.util.spec_from_file_location("accuracy", SCRIPT)
accuracy = importlib.util.module_from_spec(_spec)
sys.modules["accuracy"] = accuracy  # dataclasses look their module up
_spec.loader.exec_module(accuracy)

# name: (dirty, gold, source, residue kinds).  Distances dirty -> gold (empty lines dropped):
# 001: one doubled space (1); 002: a repeated title line "عنوان الخبر\n" (12);
# 003: both (1 + "خبر اليوم\n" 10 = 11); 004: clean; 005: clean, with a doubled space on purpose.
CASES = {
    "001": ("قال الوزير  إن الخطة جاهزة.\n\nوأضاف أن التنفيذ يبدأ غدا.\n",
            "قال الوزير إن الخطة جاهزة.\nوأضاف أن التنفيذ يبدأ غدا.\n",
            "pages:https://www.alpha.example/news/1", ["double_space"]),
    "002": ("عنوان الخبر\nعنوان الخبر\nنص الخبر الكامل هنا.\n",
            "عنوان الخبر\nنص الخبر الكامل هنا.\n",
            "pages:https://alpha.example/news/2?x=1", ["title_repeated"]),
    "003": ("خبر  اليوم\nخبر اليوم\nتفاصيل الخبر.\n",
            "خبر اليوم\nتفاصيل الخبر.\n",
            "pages:http://beta.example/a", ["double_space", "title_repeated"]),
    "004": ("هذه وثيقة نظيفة لا يتغير فيها شيء.\n",
            "هذه وثيقة نظيفة لا يتغير فيها شيء.\n",
            "owner/repo:data/file.txt", []),
    "005": ("سطر فيه  مسافتان عمدا.\n",
            "سطر فيه  مسافتان عمدا.\n",
            "pages:https://gamma.example/", []),
}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name, (dirty, gold, source, kinds) in CASES.items():
        (tmp_path / f"{name}.dirty.txt").write_text(dirty, encoding="utf-8")
        (tmp_path / f"{name}.gold.txt").write_text(gold, encoding="utf-8")
        (tmp_path / f"{name}.meta.json").write_text(json.dumps({"source": source, "residue": kinds}), encoding="utf-8")
    return tmp_path


def test_distance_is_the_longer_side_of_each_edit() -> None:
    assert accuracy.distance("abc", "abc") == 0
    assert accuracy.distance("abcd", "abXd") == 1
    assert accuracy.distance("ab", "abXYZ") == 3
    assert accuracy.canonical("a\n\n  \nb\n") == "a\nb"


def test_figures_printed_for_a_folder(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Only W103 (collapse spaces) runs: 001 comes out exact, 003 keeps its title (10 left),
    # 002 is untouched (12 left), and 005's doubled space is changed (1 character of damage).
    assert accuracy.main([str(folder), "--select", "W103", "--worst", "2"]) == 0
    out = capsys.readouterr().out
    assert f"{folder}: 5 documents (3 dirty, 2 clean), arclean.clean --select W103\n" in out
    assert "  residue closed: 8.3% of 24 characters (22 left)\n" in out
    assert "  dirty documents exactly as gold: 1/3\n" in out
    assert "  characters changed in clean documents: 1 (1 of 2 documents)\n" in out
    assert "  documents that change on a second clean: 0/5\n" in out
    assert "  title_repeated      2    4.3%     0/2              0\n" in out
    assert "  double_space        2   16.7%     1/2              0\n" in out  # 003 counts whole in both kinds
    assert "\n  002: 12 of 12 left  [title_repeated]  pages:https://alpha.example/news/2?x=1\n" in out
    assert "\n  003: 10 of 11 left  [double_space, title_repeated]  pages:http://beta.example/a\n" in out
    assert "    +عنوان الخبر\n" in out
    assert "\n  001:" not in out  # only the two worst


def test_json_figures(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert accuracy.main([str(folder), "--select", "W103", "--json", "--split-by-site", "--seed", "1"]) == 0
    [result] = json.loads(capsys.readouterr().out)
    assert result["figures"] == {"documents": 5, "dirty": 3, "residue": 24, "left": 22, "closed": 2 / 24,
                                 "exact": 1, "clean": 2, "damage": 1, "damaged": 1, "unstable": 0}
    assert {k: (f["documents"], f["residue"], f["left"], f["exact"]) for k, f in result["kinds"].items()} == {
        "double_space": (2, 12, 10, 1), "title_repeated": (2, 23, 22, 0)}
    assert [w["name"] for w in result["worst"]] == ["002", "003", "005"]  # documents with characters left
    [row] = result["split"]["seeds"]
    assert row["seed"] == 1
    assert sorted(row["cases_a"] + row["cases_b"]) == list(CASES)


def test_second_clean_counts_documents_that_change_again(folder: Path) -> None:
    cases = accuracy.score_folder(folder, clean=lambda text: text + "!")
    assert accuracy.figures(cases).unstable == 5
    assert accuracy.figures(accuracy.score_folder(folder, clean=lambda text: text)).unstable == 0


def test_split_by_site_keeps_each_host_in_one_half(folder: Path) -> None:
    cases = accuracy.score_folder(folder, clean=lambda text: text)
    assert {c.name: c.site for c in cases} == {"001": "alpha.example", "002": "alpha.example", "003": "beta.example",
                                               "004": "owner/repo", "005": "gamma.example"}
    halves = set()
    for seed in range(10):
        a, b = accuracy.split_by_site(cases, seed)
        assert sorted(c.name for c in a + b) == list(CASES)
        assert not {c.site for c in a} & {c.site for c in b}
        assert len({c.site for c in a}) == 2  # half of the 4 sites
        assert accuracy.split_by_site(cases, seed) == (a, b)  # deterministic
        halves.add(frozenset(c.name for c in a))
    assert len(halves) > 1  # the seed matters


# Two sites, each with one dirty case whose residue line is a bundled phrase (wordpress.txt).
HELD_OUT = {
    "101": ("قال الوزير إن الخطة الجديدة للنقل ستبدأ في الشهر المقبل بعد موافقة الحكومة عليها.\nاترك رد\n",
            "pages:https://alpha.example/news/1"),
    "102": ("أعلنت البلدية افتتاح الحديقة العامة في وسط المدينة أمام الزوار يوم الجمعة المقبل.\nإلغاء الرد\n",
            "pages:https://beta.example/a"),
}


@pytest.fixture
def held_out_folder(tmp_path: Path) -> Path:
    for name, (dirty, source) in HELD_OUT.items():
        (tmp_path / f"{name}.dirty.txt").write_text(dirty, encoding="utf-8")
        (tmp_path / f"{name}.gold.txt").write_text(dirty.split("\n")[0] + "\n", encoding="utf-8")
        (tmp_path / f"{name}.meta.json").write_text(json.dumps({"source": source, "residue": ["tail_chrome"]}),
                                                    encoding="utf-8")
    return tmp_path


def test_held_out_drops_each_half_s_own_phrases_and_restores_the_data(
        held_out_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import arclean

    cases = accuracy.score_folder(held_out_folder)
    assert accuracy.figures(cases).closed == 1.0  # with all the data, both phrases go
    evidence = accuracy.seen_evidence([c for c in cases if c.name == "101"])
    assert {p.text for p in evidence.phrases} == {"اترك رد"}  # its own phrase, not beta's
    assert "اترك" in dict(evidence.words)["widget_words"]  # a word of its residue line

    assert accuracy.main([str(held_out_folder), "--held-out", "--seed", "0", "--seed", "1", "--json"]) == 0
    [result] = json.loads(capsys.readouterr().out)
    held_out = result["held_out"]
    assert held_out["restored"] and held_out["full_closed"] == 1.0
    for row in held_out["seeds"]:
        for label in "ab":
            half = row[label]
            [name] = half["cases"]
            own = {"101": "اترك رد", "102": "إلغاء الرد"}[name]
            assert half["phrases"] == [own]  # removed for its own half only
            assert half["figures"]["exact"] == 0 and half["figures"]["left"] > 0  # so its residue is left
        assert row["both"]["closed"] < 1.0
    assert held_out["mean_closed"] < 1.0

    # The loaders are back: the phrase and the words are recognised again.
    text = HELD_OUT["101"][0]
    assert arclean.clean(text) == text.split("\n")[0] + "\n"
    from arclean import datafiles as tables
    from arclean.normalizers.residue import lines as residue

    assert "اترك رد" in {p.text for p in tables.phrases()}
    assert "اترك" in residue.widget_words() and residue.phrase_matcher().match("اترك رد") is not None


def test_held_out_data_is_restored_when_the_block_fails(held_out_folder: Path) -> None:
    import arclean

    cases = accuracy.score_folder(held_out_folder)
    text = HELD_OUT["101"][0]
    with pytest.raises(RuntimeError):
        with accuracy.held_out_data(accuracy.seen_evidence(cases)):
            assert arclean.clean(text) != text.split("\n")[0] + "\n"  # held out: the line stays
            raise RuntimeError
    assert arclean.clean(text) == text.split("\n")[0] + "\n"


def test_held_out_printed(held_out_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert accuracy.main([str(held_out_folder), "--held-out", "--seed", "0", "--worst", "0"]) == 0
    out = capsys.readouterr().out
    assert "What this measures: " in out and "thresholds are not refitted" in out
    assert "mean held-out closed (A+B, over 1 seeds)" in out
    assert "as before (bundled data restored)" in out
    assert "Split by site" not in out  # --seed with --held-out does not ask for the plain split


def test_fitted_on_the_other_half_removes_only_what_this_half_alone_shows() -> None:
    from arclean import datafiles as tables

    def case(name: str, site: str, residue: list[str]) -> "accuracy.Case":
        gold = "قال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين في الأسبوع المقبل.\n"
        import arclean

        return accuracy.score_case(name, f"pages:https://{site}/x", (), gold + "\n".join(residue) + "\n", gold.strip(), arclean.clean)

    a = accuracy.seen_evidence([case("1", "a.example", ["اترك رد", "إلغاء الرد"])])
    b = accuracy.seen_evidence([case("2", "b.example", ["اترك رد"])])
    texts = lambda evidence: sorted(p.text for p in evidence.phrases)  # noqa: E731
    assert texts(a) == sorted(["اترك رد", "إلغاء الرد"]) and texts(b) == ["اترك رد"]
    assert texts(a.minus(b)) == ["إلغاء الرد"] and texts(b.minus(a)) == []
    assert all(phrase in tables.phrases() for phrase in a.phrases)


def test_a_phrase_made_from_slots_is_seen_as_its_entries_and_held_out_with_every_phrase_they_make() -> None:
    import arclean
    from arclean.normalizers.residue.lines import phrase_matcher

    def case(name: str, site: str, residue: str) -> "accuracy.Case":
        gold = "قال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين في الأسبوع المقبل."
        return accuracy.score_case(name, f"pages:https://{site}/x", (), f"{gold}\n{residue}\n", gold, arclean.clean)

    a = accuracy.seen_evidence([case("1", "a.example", "موضوعات مقترحة")])
    assert {("related_nouns", "موضوعات"), ("related_qualifiers", "مقترحة")} <= a.slots
    assert "موضوعات مقترحة" not in {p.text for p in a.phrases}  # seen as its entries, not as a listed phrase
    with accuracy.held_out_data(a):
        matcher = phrase_matcher()
        for line in ("موضوعات مقترحة", "موضوعات مشابهة", "مقالات مقترحة"):  # every phrase an entry makes
            assert matcher.match(line) is None, line
        assert matcher.match("مقالات مشابهة") is not None  # made of entries the half never showed
    assert phrase_matcher().match("موضوعات مقترحة") is not None

    # Fitted on a half that shows both entries in other headings, the combination is known.
    b = accuracy.seen_evidence([case("2", "b.example", "مقالات مقترحة"), case("3", "c.example", "موضوعات ذات صلة")])
    assert not a.minus(b).slots
    with accuracy.held_out_data(a.minus(b)):
        assert phrase_matcher().match("موضوعات مقترحة") is not None


#: The held-out figures of the shared devset (residue closed, mean of the five seeds' splits by
#: site), without the phrases and words each half's sites show (strict) and without those only
#: its sites show (fitted).  A rule that leans on a site's own phrases for what it could tell by
#: shape lowers them while the full figure stays: 1bcb415 stood at 51.5 % and 90.5 %.  Raised as
#: the work lands, never lowered to make a change pass.
HELD_OUT_FLOORS = {"strict": 0.51, "fitted": 0.90}


@pytest.mark.parametrize("mode", ["strict", "fitted"])
def test_devset_held_out_figures_keep_their_floor(mode: str) -> None:
    cases = accuracy.score_folder(shared_dir("devset"))
    rows = accuracy.held_out(cases, accuracy.SEEDS, arclean.clean, fitted=mode == "fitted")
    closed = statistics.mean(row["both"].closed for row in rows)
    print(f"held out ({mode}): {closed:.1%} closed, mean of seeds {accuracy.SEEDS}")
    assert closed >= HELD_OUT_FLOORS[mode]
