"""arclean as a datatrove step: a real LocalPipelineExecutor run, JSONL in and out."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

import arclean

pytest.importorskip("datatrove", reason='datatrove is not installed (pip install "arclean[datatrove]")')

from datatrove.executor import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.readers import JsonlReader  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402

from arclean.integrations.datatrove import ArcleanFormatter  # noqa: E402

TEXTS = [
    "العنوان\u00a0الأول\n\nفي ديسميبر  2018\n\n\nاترك رد\n",
    "قال الوزير إن الحكومة ستعلن خطة جديدة لدعم المزارعين.\nاترك رد",
    "نص نظيف لا يحتاج إلى تنظيف.\n",
    "كتب\u200c الكاتب   مقالا  طويلا ، ثم نشره .\n",
    "",
]


def _run(tmp_path: Path, step: object) -> tuple[list[dict[str, object]], dict[str, object]]:
    source, out, logs = tmp_path / "in", tmp_path / "out", tmp_path / "logs"
    source.mkdir()
    with open(source / "docs.jsonl", "w", encoding="utf-8") as handle:
        for number, text in enumerate(TEXTS):
            handle.write(json.dumps({"id": f"doc-{number}", "text": text}, ensure_ascii=False) + "\n")
    executor = LocalPipelineExecutor(
        pipeline=[JsonlReader(str(source)), step, JsonlWriter(str(out))],
        logging_dir=str(logs),
        tasks=1,
        workers=1,
    )
    executor.run()
    written = []
    for path in sorted(out.iterdir()):
        opener = gzip.open if path.name.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as handle:
            written.extend(json.loads(line) for line in handle)
    stats = json.loads((logs / "stats.json").read_text(encoding="utf-8"))
    return written, stats


def _step_stats(stats: object) -> dict[str, object]:
    """The arclean step's entry of a datatrove stats.json."""
    for entry in stats:  # type: ignore[attr-defined]
        if "arclean" in entry["name"]:
            return entry["stats"]
    raise AssertionError(f"no arclean step in {stats}")


def _count(value: object) -> int:
    return int(value["total"] if isinstance(value, dict) else value)  # type: ignore[index]


def test_pipeline_texts_equal_clean_and_stats_count_rules(tmp_path: Path) -> None:
    written, stats = _run(tmp_path, ArcleanFormatter(isolated=True))
    by_id = {record["id"]: record["text"] for record in written}
    # datatrove's JsonlReader drops documents with empty text; every other one is cleaned as arclean.clean does
    expected = {f"doc-{n}": arclean.clean(text) for n, text in enumerate(TEXTS) if text}
    assert {key: by_id[key] for key in expected} == expected
    counts: dict[str, int] = {}
    for text in TEXTS:
        if text:
            for code, count in arclean.explain(text).counts().items():
                counts[code] = counts.get(code, 0) + count
    assert counts  # the inputs do need cleaning
    step = _step_stats(stats)
    assert {code: _count(step[code]) for code in counts} == counts
    assert not set(step) & ({rule.code for rule in arclean.rules()} - set(counts))
    changed = sum(1 for text in TEXTS if text and arclean.clean(text) != text)
    assert _count(step["changed"]) == changed
    assert _count(step["total"]) == len(expected)


def test_the_step_uses_the_config_given(tmp_path: Path) -> None:
    config = arclean.Config(ignore=("B",))
    written, stats = _run(tmp_path, ArcleanFormatter(config))
    by_id = {record["id"]: record["text"] for record in written}
    for number, text in enumerate(TEXTS):
        if text:
            assert by_id[f"doc-{number}"] == arclean.clean(text, config=config)
    assert not any(key.startswith("B") for key in _step_stats(stats))


def test_the_step_reads_a_configuration_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "arclean.toml").write_text('ignore = ["W"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert ArcleanFormatter().config.ignore == ("W",)
    assert ArcleanFormatter(isolated=True).config.ignore == ()
    assert ArcleanFormatter(config_file=tmp_path / "arclean.toml").config.ignore == ("W",)
