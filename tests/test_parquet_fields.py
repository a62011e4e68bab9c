"""--field through nested structs (Parquet) and objects (JSONL): ``meta.text``; a top-level
name is taken first; a path through a list is refused; a ``.parquet.gz`` file is refused clearly."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

import arclean  # noqa: E402
from arclean.cli import main  # noqa: E402

from .cli_helpers import DIRTY, SHORT_CLEAN, SHORT_DIRTY, temporaries  # noqa: E402

META = pa.struct([pa.field("n", pa.int32()), pa.field("text", pa.string(), metadata={"lang": "ar"}),
                  pa.field("inner", pa.struct([pa.field("body", pa.large_string())]))])
ROWS = [
    {"n": 1, "text": SHORT_DIRTY, "inner": {"body": DIRTY}},
    None,  # a null struct: its fields stay as they are
    {"n": 3, "text": None, "inner": None},
    {"n": 4, "text": "نص نظيف.\n", "inner": {"body": SHORT_DIRTY}},
] * 3


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdin=io.StringIO(""), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def nested_table() -> object:
    schema = pa.schema([pa.field("id", pa.int64()), pa.field("meta", META, metadata={"k": "v"}),
                        pa.field("text", pa.string())], metadata={"crawl": "2026-11"})
    return pa.table([list(range(len(ROWS))), pa.array(ROWS, type=META), [SHORT_DIRTY] * len(ROWS)], schema=schema)


def cleaned(rows: list[dict | None], *path: str) -> list[dict | None]:
    """``rows`` with the strings at ``path`` cleaned by the library."""
    def clean(row: dict | None, keys: tuple[str, ...]) -> dict | None:
        if row is None or row.get(keys[0]) is None:
            return row
        value = row[keys[0]]
        new = arclean.clean(value) if len(keys) == 1 else clean(value, keys[1:])
        return {**row, keys[0]: new}

    return [clean(row, path) for row in rows]


def test_a_nested_struct_field_is_cleaned_and_the_rest_kept(folder: Path) -> None:
    table = nested_table()
    pq.write_table(table, folder / "a.parquet", row_group_size=5)
    code, out, _ = cli("fix", "a.parquet", "--out", "out", "--field", "meta.text", "-v")
    assert code == 1 and "a.parquet:1: T101 fix-month-misspellings (line 1 of the field)" in out
    result = pq.read_table(folder / "out" / "a.parquet")
    assert result.schema.equals(table.schema, check_metadata=True)  # struct, field and file metadata
    assert result.column("meta").to_pylist() == cleaned(ROWS, "text")
    assert result.column("text").to_pylist() == [SHORT_DIRTY] * len(ROWS)  # the top-level text: not named
    assert result.column("id").equals(table.column("id"))
    code, _, _ = cli("fix", "out/a.parquet", "--field", "meta.inner.body")
    assert code == 1
    assert pq.read_table(folder / "out" / "a.parquet").column("meta").to_pylist() == cleaned(cleaned(ROWS, "text"), "inner", "body")
    assert temporaries(folder) == []


def test_a_top_level_column_named_with_a_dot_comes_first(folder: Path) -> None:
    table = nested_table().append_column("meta.text", pa.array([DIRTY] * len(ROWS)))
    pq.write_table(table, folder / "a.parquet")
    assert cli("fix", "a.parquet", "--field", "meta.text")[0] == 1
    result = pq.read_table(folder / "a.parquet")
    assert result.column("meta.text").to_pylist() == [arclean.clean(DIRTY)] * len(ROWS)
    assert result.column("meta").to_pylist() == ROWS


def test_fields_it_cannot_reach_are_clear_errors_or_notes(folder: Path) -> None:
    table = nested_table().append_column("pages", pa.array([[{"text": SHORT_DIRTY}]] * len(ROWS)))
    pq.write_table(table, folder / "a.parquet")
    before = (folder / "a.parquet").read_bytes()
    code, out, err = cli("fix", "a.parquet", "--field", "pages.text")
    assert code == 2 and '--field pages.text: "pages" holds list<element: struct<text: string>>, and --field reaches ' \
                          "string fields of structs only (not inside a list or a map)" in out + err
    code, out, err = cli("check", "a.parquet", "--field", "meta.n.x")
    assert code == 2 and '--field meta.n.x: "meta.n" holds int32, and --field reaches' in out + err
    code, out, err = cli("fix", "a.parquet", "--field", "meta.n")
    assert code == 2 and 'the column "meta.n" holds int32, not text' in out + err
    code, out, err = cli("fix", "a.parquet", "--field", "meta.title")
    assert code == 0 and 'no string column "meta.title" (choose one with --field)' in out + err
    assert (folder / "a.parquet").read_bytes() == before


def test_a_nested_jsonl_field_is_cleaned_byte_for_byte_around_it(folder: Path) -> None:
    lines = [
        '{"id": 1, "meta": {"text": "في ديسميبر  2018", "n": [1, 2]}, "text": "في ديسميبر  2018"}\n',
        '{"meta":{"text":"\\u0641\\u064a \\u062f\\u064a\\u0633\\u0645\\u064a\\u0628\\u0631  2018"},"x":1}\n',
        '{"meta": null, "id": 3}\n',
        '{"meta.text": "في ديسميبر  2018", "meta": {"text": "في ديسميبر  2018"}}\n',
    ]
    (folder / "a.jsonl").write_text("".join(lines), encoding="utf-8")
    assert cli("fix", "a.jsonl", "--field", "meta.text")[0] == 1
    after = (folder / "a.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    new = json.dumps(SHORT_CLEAN, ensure_ascii=False)
    assert after[0] == lines[0].replace('"text": "في ديسميبر  2018", "n"', f'"text": {new}, "n"')  # the nested one only
    assert json.loads(after[1]) == {"meta": {"text": SHORT_CLEAN}, "x": 1} and "\\u0641" in after[1]  # escapes kept
    assert after[2] == lines[2]
    assert after[3] == lines[3].replace('{"meta.text": "في ديسميبر  2018"', f'{{"meta.text": {new}')  # the dotted key first


def test_learn_reads_a_nested_parquet_field(folder: Path) -> None:
    (folder / "corpus").mkdir()
    pq.write_table(nested_table(), folder / "corpus" / "a.parquet")
    code, _, err = cli("learn", "corpus", "--out", "chrome.txt", "--field", "meta.inner.body")
    assert code == 0 and "from 6 documents" in err


def test_a_gzipped_parquet_file_is_refused_clearly(folder: Path) -> None:
    pq.write_table(nested_table(), folder / "a.parquet")
    (folder / "a.parquet.gz").write_bytes(gzip.compress((folder / "a.parquet").read_bytes()))
    (folder / "a.parquet").unlink()
    (folder / "b.txt").write_text(SHORT_DIRTY, encoding="utf-8")
    code, out, err = cli("fix", ".", "--out", "out")
    assert code == 2 and "a.parquet.gz: a gzipped Parquet file is not read: Parquet compresses inside the file" in err
    assert "gunzip it to clean it" in err and (folder / "out" / "b.txt").read_text(encoding="utf-8") == SHORT_CLEAN
    assert not (folder / "out" / "a.parquet.gz").exists()
    assert cli("check", "a.parquet.gz")[0] == 2

