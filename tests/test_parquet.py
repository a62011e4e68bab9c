"""Parquet files in ``arclean check|fix``: one text column cleaned, the rest of
the file kept (columns, schema and its metadata, row order, nulls, row groups)."""

from __future__ import annotations

import io
import sys
from dataclasses import replace
from pathlib import Path

import pytest

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

import arclean  # noqa: E402
from arclean.cli import main  # noqa: E402
from arclean.files import discover, parquet, plan, run, shard  # noqa: E402
from arclean.files.settings import Settings  # noqa: E402

from .cli_helpers import ALREADY_CLEAN, DIRTY, SHORT_DIRTY, snapshot, temporaries  # noqa: E402

TEXTS = [DIRTY, None, ALREADY_CLEAN, SHORT_DIRTY, "", DIRTY.replace("2018", "2019")] * 5


def arclean_cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdin=io.StringIO(""), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def write_table(path: Path, texts: list[str | None] = TEXTS, **options: object) -> object:
    """A table with the text column between others of several types, with schema and field metadata."""
    n = len(texts)
    schema = pa.schema(
        [
            pa.field("id", pa.int64()),
            pa.field("text", pa.large_string(), metadata={"lang": "ar"}),
            pa.field("url", pa.string()),
            pa.field("score", pa.float32()),
            pa.field("tags", pa.list_(pa.string())),
        ],
        metadata={"source": "crawl-2026"},
    )
    table = pa.table(
        [list(range(n)), texts, [f"https://example.com/{i}" for i in range(n)], [i / 7 for i in range(n)],
         [["news", str(i)] for i in range(n)]],
        schema=schema,
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, path, **{"row_group_size": 4, "compression": "zstd", **options})
    return table


def expected(table: object, column: str = "text") -> object:
    """The table with each string of ``column`` cleaned by the library."""
    index = table.schema.get_field_index(column)
    values = [arclean.clean(v) if isinstance(v, str) else v for v in table.column(index).to_pylist()]
    return table.set_column(index, table.schema.field(index), pa.array(values, type=table.schema.field(index).type))


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_fix_out_cleans_the_text_column_and_keeps_the_rest(folder: Path) -> None:
    table = write_table(folder / "in" / "a.parquet")
    code, out, _ = arclean_cli("fix", "in", "--out", "out")
    assert code == 1 and out.startswith("in/a.parquet: ")
    result = pq.ParquetFile(folder / "out" / "a.parquet")
    cleaned = result.read()
    assert cleaned.equals(expected(table))  # N rows, same order, nulls kept, other columns untouched
    source = pq.read_schema(folder / "in" / "a.parquet")
    assert cleaned.schema.equals(source, check_metadata=True)  # schema, field and file metadata
    assert result.schema_arrow.metadata[b"source"] == b"crawl-2026"
    assert result.metadata.num_row_groups == 8 and [result.metadata.row_group(i).num_rows for i in range(8)] == [4] * 7 + [2]
    assert result.metadata.row_group(0).column(1).compression == "ZSTD"
    assert cleaned.column("text").to_pylist() != table.column("text").to_pylist()
    assert temporaries(folder) == []


def test_check_reports_rows_and_fix_in_place_then_nothing_to_do(folder: Path) -> None:
    table = write_table(folder / "a.parquet")
    before = (folder / "a.parquet").read_bytes()
    code, out, _ = arclean_cli("check", "-v", "a.parquet")
    assert code == 1 and (folder / "a.parquet").read_bytes() == before
    assert "a.parquet:4: T101 fix-month-misspellings (line 1 of the field)" in out  # row 4 is SHORT_DIRTY
    code, out, _ = arclean_cli("check", "--diff", "a.parquet")
    assert code == 1 and "@@ row 4 @@\n@@ -1 +1 @@\n-في ديسميبر  2018\n\\ No newline at end of file\n+في ديسمبر 2018\n" in out
    assert arclean_cli("fix", "a.parquet")[0] == 1
    assert pq.read_table(folder / "a.parquet").equals(expected(table))
    after = (folder / "a.parquet").read_bytes()
    assert arclean_cli("fix", "a.parquet")[0] == 0
    assert (folder / "a.parquet").read_bytes() == after  # an unchanged file is not rewritten


def test_field_names_another_column_and_a_wrong_column_is_reported(folder: Path) -> None:
    table = write_table(folder / "a.parquet", [ALREADY_CLEAN] * 3)
    table = table.set_column(2, "url", pa.array([SHORT_DIRTY, None, DIRTY]))
    pq.write_table(table, folder / "a.parquet")
    assert arclean_cli("fix", "a.parquet", "--out", "out", "--field", "url")[0] == 1
    assert pq.read_table(folder / "out" / "a.parquet").equals(expected(table, "url"))
    code, out, err = arclean_cli("check", "a.parquet", "--field", "id")
    assert code == 2 and 'the column "id" holds int64, not text; choose a text column with --field' in out + err
    code, out, err = arclean_cli("check", "a.parquet", "--field", "body")
    assert code == 0 and 'no string column "body" (choose one with --field)' in out + err


def test_a_file_that_is_not_parquet_fails_and_the_run_goes_on(folder: Path) -> None:
    (folder / "bad.parquet").write_bytes(b"PAR1 not really")
    (folder / "a.txt").write_text(SHORT_DIRTY)
    code, out, err = arclean_cli("fix", ".")
    assert code == 2 and "bad.parquet: not a valid Parquet file" in out + err
    assert (folder / "a.txt").read_text() == arclean.clean(SHORT_DIRTY)
    assert (folder / "bad.parquet").read_bytes() == b"PAR1 not really"


def test_a_parquet_file_is_not_cleaned_as_a_stream(folder: Path) -> None:
    write_table(folder / "a.parquet")
    code, _, err = arclean_cli("a.parquet")
    assert code == 2 and "a Parquet file is cleaned by 'arclean check' or 'arclean fix'" in err


def test_a_big_row_group_is_read_in_batches(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Memory is bounded by GROUP_BYTES, not the row group: a big one is written in pieces, rows unchanged."""
    table = write_table(folder / "a.parquet", row_group_size=len(TEXTS))
    monkeypatch.setattr(parquet, "GROUP_BYTES", 2_000)
    assert arclean_cli("fix", "a.parquet", "--out", "out")[0] == 1
    result = pq.ParquetFile(folder / "out" / "a.parquet")
    assert result.read().equals(expected(table)) and result.metadata.num_row_groups > 3


def test_a_big_file_is_cleaned_in_row_group_shards_as_one_file(folder: Path) -> None:
    """Shards of whole row groups, cleaned by two workers and joined: the same file as one job writes;
    reports keep the file's row numbers."""
    table = write_table(folder / "in" / "a.parquet", TEXTS * 4, row_group_size=6)
    settings = Settings()
    sources, _ = discover(["in"], settings)
    outputs = {}
    for jobs in (1, 2):
        tasks, configs = plan(sources, settings, action="fix", out_dir=f"out{jobs}", detail=True)
        pieces = shard(tasks[0], 3_000)
        assert len(pieces) > 3 and all(piece.span for piece in pieces)
        [result] = run(tasks, configs, jobs, shard_bytes=3_000 if jobs == 2 else 10**9)
        outputs[jobs] = (folder / f"out{jobs}" / "a.parquet").read_bytes()
        assert result.status == "changed" and max(change.line for change in result.changes) > 100
        lines = sorted({change.line for change in result.changes})
        if jobs == 1:
            first_lines = lines
    assert lines == first_lines
    assert outputs[1] == outputs[2]
    assert pq.read_table(folder / "out2" / "a.parquet").equals(expected(table))
    assert temporaries(folder) == []


def test_without_pyarrow_a_run_with_parquet_stops_naming_the_extra(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_table(folder / "a.parquet")
    (folder / "b.txt").write_text(SHORT_DIRTY)
    before = snapshot(folder)
    for name in [name for name in sys.modules if name == "pyarrow" or name.startswith("pyarrow.")]:
        monkeypatch.setitem(sys.modules, name, None)  # as if not installed: import fails, find_spec finds nothing
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    for command in ("check", "fix"):
        code, _, err = arclean_cli(command, ".")
        assert code == 2
        assert err == 'arclean: error: a.parquet: reading Parquet files needs pyarrow, which is not installed: ' \
                      'pip install "arclean[parquet]"\n'
    assert snapshot(folder) == before
    # Without a Parquet file, nothing is asked of pyarrow.
    assert arclean_cli("fix", "b.txt")[0] == 1


def test_the_library_call_a_failed_result_without_pyarrow(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An engine calling clean_file directly gets a failed result that names the extra, not an ImportError."""
    from arclean.files import clean_file, pipeline_for

    write_table(folder / "a.parquet")
    sources, _ = discover(["a.parquet"], Settings())
    tasks, configs = plan(sources, Settings(), action="check")
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    result = clean_file(replace(tasks[0]), pipeline_for(configs[0]))
    assert result.status == "failed" and 'pip install "arclean[parquet]"' in result.message


def test_learn_reads_the_text_column_of_parquet_files(folder: Path) -> None:
    """Parquet is in the default include; arclean learn reads its text column, row by row (nulls skipped)."""
    write_table(folder / "corpus" / "a.parquet")
    (folder / "corpus" / "b.txt").write_text(DIRTY)
    code, _, err = arclean_cli("learn", "corpus", "--out", "chrome.txt")
    assert code == 0 and "note" not in err
    assert f"from {sum(text is not None for text in TEXTS) + 1} documents" in err
