"""The public API: clean, explain, rules, Pipeline, selection and errors."""

from __future__ import annotations

import pytest

import arclean
from arclean import Config, ConfigError, Pipeline
from arclean.registry import RULES, select_rules

DIRTY = "عنوان الخبر الأول اليوم\n\nعنوان الخبر الأول اليوم\n0\n\nفي ديسميبر 2018 قال الوزير\u00a0إن “الأمر“ مهم جدا للناس في البلاد.\n"


def test_bytes_raise_a_type_error_that_says_to_decode() -> None:
    with pytest.raises(TypeError, match="decode"):
        arclean.clean(DIRTY.encode("utf-8"))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="decode"):
        arclean.explain(b"x")  # type: ignore[arg-type]


def test_other_types_raise_a_type_error() -> None:
    with pytest.raises(TypeError, match="str"):
        arclean.clean(None)  # type: ignore[arg-type]


def test_explain_text_equals_clean_and_counts_changes_per_rule() -> None:
    report = arclean.explain(DIRTY)
    assert report.text == arclean.clean(DIRTY)
    counts = report.counts()
    assert counts["T101"] == 1 and counts["B101"] == 1 and counts["B103"] == 1
    assert counts["W102"] == 1 and counts["Q101"] == 1
    assert sum(counts.values()) == len(report.changes)


def test_ignore_leaves_a_rule_out() -> None:
    assert "ديسميبر" in arclean.clean(DIRTY, ignore=["T101"])
    assert "ديسميبر" in arclean.clean(DIRTY, ignore=["T"])
    assert "ديسمبر" in arclean.clean(DIRTY)


def test_select_replaces_the_default_set() -> None:
    assert arclean.clean(DIRTY, select=["T101"]) == DIRTY.replace("ديسميبر", "ديسمبر")


def test_profile_search_adds_the_lossy_rules() -> None:
    text = "أعلن الرئيسُ في مدرسة على الطريق ٢٠٢٣\n"
    assert arclean.clean(text) == text
    assert arclean.clean(text, profile="search") == "اعلن الرئيس في مدرسه علي الطريق 2023\n"


def test_unknown_codes_are_config_errors_that_say_what_to_do() -> None:
    with pytest.raises(ConfigError, match=r'unknown rule code "Z999".*arclean rules'):
        arclean.clean("x", select=["Z999"])
    with pytest.raises(ConfigError, match="ignore"):
        arclean.clean("x", ignore=["Q9"])
    with pytest.raises(ConfigError, match="profile"):
        arclean.clean("x", profile="nope")
    with pytest.raises(ConfigError, match="quote-style"):
        Config(quote_style="<>")


def test_selection_semantics_follow_ruff() -> None:
    defaults = [rule.code for rule in RULES if rule.default]
    assert [r.code for r in select_rules()] == defaults
    assert "S101" in [r.code for r in select_rules(extend_select=["S1"])]
    assert [r.code for r in select_rules(select=["ALL"], ignore=["S", "P2", "Q2", "T2", "B104"])] == defaults


def test_a_pipeline_composes_codes_prefixes_and_functions_in_order() -> None:
    def shout(text: str) -> str:
        return text + "!"

    pipeline = Pipeline(["T101", "W10", shout])
    assert pipeline.codes == ("T101", "W101", "W102", "W103", "W104", "W105", "W106", "shout")
    assert pipeline("في ديسميبر  2018") == "في ديسمبر 2018\n!"
    report = pipeline.explain("في ديسميبر  2018")
    assert [c.code for c in report.changes] == ["T101", "W103", "W106", "shout"]


def test_a_whole_document_rule_runs_again_when_the_line_rules_drop_lines() -> None:
    # L102 leaves the Persian letters of a page that reads as Persian; the page tail (B301)
    # drops the Persian footer that made it so, and L102 runs again on what is left.
    page = ("عنوان في مدینة طهران اليوم\nقال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين في الموسم المقبل.\n"
            "© کلیه حقوق این سایت برای خبرگزاری محفوظ است")
    pipeline = Pipeline(["L102", "B301"])
    codes = [step.code for step, _after in pipeline.trace(page)]  # B301 as often as its rounds ask it
    assert codes[0] == "L102" and codes[-1] == "L102" and codes.count("L102") == 2 and "B301" in codes
    assert pipeline(page) == page.split("\n©")[0].replace("مدینة", "مدينة") + "\n"
    assert [change.code for change in pipeline.explain(page).changes] == ["B301", "L102"]
    assert Pipeline(["L102"])(page) == page  # alone, it judges the page with its footer: Persian
    unchanged = page.replace("© کلیه حقوق این سایت برای خبرگزاری محفوظ است", "قال الوزير إن الخطة تبدأ غدا في كل المحافظات.")
    assert [step.code for step, _after in pipeline.trace(unchanged)].count("L102") == 1  # no line dropped: once


def test_config_options_reach_the_rules() -> None:
    text = 'قال "نعم" و“لا”'
    assert Pipeline(["Q201"])(text) == "قال «نعم» و«لا»"
    assert Pipeline(["Q201"], config=Config(quote_style='""'))(text) == 'قال "نعم" و"لا"'
    assert Pipeline(["L101"], config=Config(expand_ligatures=True))("ﷺ") == "صلى الله عليه وسلم"


def test_extra_typos_from_config_are_applied() -> None:
    config = Config(extend_select=("T201",), typos=(("اللغه العربيه", "اللغة العربية"),))
    assert arclean.clean("أحب اللغه العربيه\n", config=config) == "أحب اللغة العربية\n"
    candidates = Config(extend_select=("T201",), typos=(("مرحبى", ("مرحبا", "مرحبًا")), ("الاسبوغ", ("الاسبوع",))))
    report = arclean.explain("مرحبى في الاسبوغ\n", config=candidates)
    assert report.text == "مرحبى في الاسبوع\n"
    assert [(s.word, s.candidates) for s in report.suggestions] == [("مرحبى", ("مرحبا", "مرحبًا"))]


def test_suggestions_are_made_on_the_text_their_rule_sees() -> None:
    """explain asks a rule for suggestions on the text as the rules before it left it
    (what trace() gives), though it follows only the steps that change the text."""
    config = Config(extend_select=("T201",), typos=(("مرحبى", ("مرحبا", "مرحبًا")),))
    text = "عنوان الخبر\n\n\n\nمرحـبى\u00a0 في  الاسبوع ديسميبر 2018\n"  # L201 drops the tatweel first
    pipe = Pipeline(config=config)
    expected, before = None, text
    for step, after in pipe.trace(text):
        if step.code == "T201":
            assert step.suggest is not None
            expected = step.suggest(before)
        before = after
    assert expected and list(pipe.explain(text).suggestions) == expected


def test_extra_phrases_from_python_need_only_the_public_api() -> None:
    """Config.boilerplate takes arclean.Phrase (the type the configuration file's phrase files give)."""
    page = "عنوان الخبر\n\nقال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين في الموسم المقبل.\n\nادعم صحافتنا المستقلة\n"
    assert arclean.clean(page) == page
    config = Config(boilerplate=(arclean.Phrase("ادعم صحافتنا المستقلة", "widget", False, "python"),))
    assert arclean.clean(page, config=config) == page.replace("\n\nادعم صحافتنا المستقلة\n", "\n")


def test_ambiguous_typos_are_reported_not_fixed() -> None:
    report = arclean.explain("مسؤلية الحكومة كبيرة\n", select=["T201"])
    assert report.text == "مسؤلية الحكومة كبيرة\n"
    assert [(s.code, s.line, s.word, s.candidates) for s in report.suggestions] == [
        ("T201", 1, "مسؤلية", ("مسؤولية", "مسئولية"))
    ]


def test_rules_are_listed_in_the_order_the_default_pipeline_runs_them() -> None:
    """rules() is the pipeline's order: its on rules are exactly what clean() runs, in that order."""
    table = arclean.rules()
    assert Pipeline().codes == tuple(rule.code for rule in table if rule.default)
    tatweel = next(rule for rule in table if rule.code == "L201")
    assert (tatweel.name, tatweel.default) == ("remove-decorative-tatweel", True)
    assert tatweel.summary.startswith("Remove ARABIC TATWEEL")


def test_the_modules_behind_rules_and_explain_are_not_shadowed() -> None:
    """arclean.rules and arclean.explain are the functions; their modules have names of their own."""
    import importlib

    assert callable(arclean.rules) and callable(arclean.explain)
    assert importlib.import_module("arclean.registry").RULES == arclean.rules()
    assert importlib.import_module("arclean.changes").Report is arclean.Report
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("arclean.rules")


def test_extend_select_adds_opt_in_rules() -> None:
    text = "إنشاء الله نلتقي\n"
    assert arclean.clean(text) == text
    assert arclean.clean(text, extend_select=["T201"]) == "إن شاء الله نلتقي\n"
    assert arclean.explain(text, extend_select=["T2"], ignore=["T201"]).text == text



def test_the_core_never_imports_the_edge() -> None:
    """docs/architecture.md: configuration is resolved at the edge and passed in as a
    Config; what import arclean and a clean() load holds no module of the edge."""
    import subprocess
    import sys

    code = "import sys, arclean; arclean.clean('x'); arclean.explain('x'); print(' '.join(sorted(sys.modules)))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    core = [name for name in loaded if name.startswith("arclean.")]
    assert "arclean.pipeline" in core and "arclean.normalizers.residue.analysis" in core
    edge = ("cli", "files", "integrations", "dask", "learn")  # the edge: its own packages (and learn, not run by clean)
    assert not [name for name in core if name.split(".")[1] in edge]


def test_clean_and_the_file_workers_share_one_pipeline_cache() -> None:
    """One cache of pipelines per process (there were two: arclean's and the file pool's)."""
    from arclean.files import pool
    from arclean.pipeline import pipeline_for

    assert pool.pipeline_for is pipeline_for
    config = Config(ignore=("B", "Q2"), quote_style='""')
    arclean.clean("x", config=config)
    after_clean = pipeline_for.cache_info()
    pipeline_for(config)  # found: clean() built it in this same cache
    assert (pipeline_for.cache_info().hits, pipeline_for.cache_info().misses) == (after_clean.hits + 1, after_clean.misses)
