"""Loading [tool.arclean] / arclean.toml: where it is found, what each key does,
and errors that name the file, the key and the fix."""

from __future__ import annotations

import dataclasses
import io
import json
from pathlib import Path
from typing import Any

import pytest

import arclean
from arclean import Config, Pipeline
from arclean.cli.app import main
from arclean.cli.flags import parser as _parser
from arclean.errors import ConfigError
from arclean.files.config_file import find_config_file, load_settings
from arclean.files.settings import (
    CONFIG_FIELDS,
    DEFAULT_EXCLUDE,
    EXTEND,
    KEYS,
    RESTART,
    Key,
    Settings,
)
from arclean.registry import PROFILES

PHRASES = "# kind: share\n# A site's own share bar.\nشارك المقال مع أصدقائك\nتابع موقعنا على …\n"
LEXICON = "# Site typos.\nالاسبوغ\tالاسبوع\nمرحبى\tمرحبا|مرحبًا\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_pyproject_without_table_is_passed_over_for_the_next_one_up(tmp_path: Path) -> None:
    outer = write(tmp_path / "pyproject.toml", '[tool.arclean]\nselect = ["W"]\n')
    write(tmp_path / "corpus" / "pyproject.toml", '[project]\nname = "corpus"\n')
    (tmp_path / "corpus" / "news").mkdir()
    assert find_config_file(tmp_path / "corpus" / "news") == outer


def test_arclean_toml_comes_before_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.arclean]\nselect = ["W"]\n')
    own = write(tmp_path / "arclean.toml", 'select = ["B"]\n')
    assert find_config_file(tmp_path / "file.txt") == own
    assert load_settings(own).config.select == ("B",)


def test_nearest_config_wins(tmp_path: Path) -> None:
    write(tmp_path / "arclean.toml", 'select = ["W"]\n')
    inner = write(tmp_path / "sub" / "arclean.toml", 'select = ["B"]\n')
    assert find_config_file(tmp_path / "sub") == inner


def test_no_config_gives_the_defaults(tmp_path: Path) -> None:
    assert find_config_file(tmp_path) is None
    assert load_settings(None) == Settings(root=load_settings(None).root)


def test_every_key_is_read(tmp_path: Path) -> None:
    write(tmp_path / "phrases" / "site.txt", PHRASES)
    write(tmp_path / "typos.tsv", LEXICON)
    config_file = write(
        tmp_path / "pyproject.toml",
        """
[tool.arclean]
select = ["W", "B"]
ignore = ["B101"]
extend-select = ["T201"]
profile = "search"
quote-style = "“”"
expand-ligatures = true
boilerplate = ["phrases/site.txt"]
typos = ["typos.tsv"]
include = ["*.txt", "*.text"]
exclude = ["drafts/"]
extend-exclude = ["old/"]
respect-gitignore = false
field = "body"
encoding = "cp1256"

[tool.arclean.per-file-ignores]
"news/*.txt" = ["W105"]
""",
    )
    settings = load_settings(config_file)
    config = settings.config
    assert (config.select, config.ignore, config.extend_select) == (("W", "B"), ("B101",), ("T201",))
    assert (config.profile, config.quote_style, config.expand_ligatures) == ("search", "“”", True)
    assert [(p.text, p.kind, p.prefix) for p in config.boilerplate] == [
        ("شارك المقال مع أصدقائك", "share", False),
        ("تابع موقعنا على", "share", True),
    ]
    assert config.typos == (("الاسبوغ", ("الاسبوع",)), ("مرحبى", ("مرحبا", "مرحبًا")))
    assert settings.include == ("*.txt", "*.text")
    assert settings.excluded == ("drafts/", "old/")
    assert (settings.respect_gitignore, settings.json_field, settings.encoding) == (False, "body", "cp1256")
    assert settings.root == tmp_path.resolve()
    assert settings.config_for("news/a.txt").ignore == ("B101", "W105")
    assert settings.config_for("blog/a.txt").ignore == ("B101",)


def test_extend_exclude_keeps_the_default_excludes(tmp_path: Path) -> None:
    settings = load_settings(write(tmp_path / "arclean.toml", 'extend-exclude = ["old/"]\n'))
    assert settings.excluded == DEFAULT_EXCLUDE + ("old/",)


def test_extra_phrases_and_typos_reach_the_pipeline(tmp_path: Path) -> None:
    write(tmp_path / "site.txt", PHRASES)
    write(tmp_path / "typos.tsv", LEXICON)
    config_file = write(
        tmp_path / "arclean.toml", 'boilerplate = ["site.txt"]\ntypos = ["typos.tsv"]\nextend-select = ["T201"]\n'
    )
    pipeline = Pipeline(config=load_settings(config_file).config)
    text = "العنوان\n\nنص الخبر في الاسبوغ الماضي.\n\nشارك المقال مع أصدقائك\n"
    assert pipeline.clean(text) == "العنوان\n\nنص الخبر في الاسبوع الماضي.\n"


def test_command_line_select_starts_afresh_and_ignore_adds(tmp_path: Path) -> None:
    settings = load_settings(write(tmp_path / "arclean.toml", 'select = ["W"]\nignore = ["W103"]\n'))
    assert settings.override(ignore=("W104",)).config.ignore == ("W103", "W104")
    fresh = settings.override(select=("B101",))
    assert (fresh.config.select, fresh.config.ignore) == (("B101",), ())
    assert settings.override(extend_exclude=("x/",)).excluded == DEFAULT_EXCLUDE + ("x/",)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[tool.arclean]\nslect = ["B"]\n', 'pyproject.toml [tool.arclean]: unknown key "slect"; did you mean "select"?'),
        ('[tool.arclean]\nselect = ["C299"]\n', 'pyproject.toml [tool.arclean] select: unknown rule code "C299"; run "arclean rules"'),
        ('[tool.arclean]\nignore = "B101"\n',
         'pyproject.toml [tool.arclean] ignore: expected a list of rule codes, got the string "B101"; write ignore = ["B101"]'),
        ('[tool.arclean]\nprofile = "fast"\n', "pyproject.toml [tool.arclean] profile: 'fast' is not one of 'search'"),
        ('[tool.arclean]\nquote-style = "<>"\n', "pyproject.toml [tool.arclean] quote-style: '<>' is not one of"),
        ('[tool.arclean]\nrespect-gitignore = "yes"\n', "pyproject.toml [tool.arclean] respect-gitignore: expected true or false"),
        ('[tool.arclean]\nencoding = "cp9999"\n', 'pyproject.toml [tool.arclean] encoding: unknown encoding "cp9999"'),
        ('[tool.arclean.per-file-ignores]\n"a/*.txt" = ["Z1"]\n',
         'pyproject.toml [tool.arclean] per-file-ignores "a/*.txt": unknown rule code "Z1"'),
        ('[tool.arclean]\nboilerplate = ["missing.txt"]\n', 'pyproject.toml [tool.arclean] boilerplate: cannot read "missing.txt"'),
        ("[tool.arclean\nselect = 1\n", "pyproject.toml: not valid TOML"),
    ],
)
def test_errors_name_the_file_the_key_and_the_fix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, message: str) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "pyproject.toml", text)
    with pytest.raises(ConfigError) as raised:
        load_settings(tmp_path / "pyproject.toml")
    assert str(raised.value).startswith(message), str(raised.value)


@pytest.mark.parametrize(
    "name, content, key, message",
    [
        ("site.txt", "# kind: share\nشارك \n", "boilerplate",
         r"^arclean.toml boilerplate: site.txt:2: entry has leading or trailing spaces"),
        ("site.txt", "شارك المقال\n", "boilerplate", r"site.txt:1: missing or unknown '# kind:' header"),
        ("t.tsv", "ذالك\tذلك\nذالك\tذلك\n", "typos", r"^arclean.toml typos: t.tsv:2: duplicate typo"),
    ],
    ids=["phrase-with-spaces", "phrase-file-without-kind", "duplicate-typo"],
)
def test_a_bad_data_file_names_file_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, content: str, key: str, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / name, content)
    write(tmp_path / "arclean.toml", f'{key} = ["{name}"]\n')
    with pytest.raises(ConfigError, match=message):
        load_settings(tmp_path / "arclean.toml")


def test_command_line_codes_are_checked(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match='^--ignore: unknown rule code "Q9"'):
        Settings(root=tmp_path).override(ignore=("Q9",))
    with pytest.raises(ConfigError, match='--encoding: unknown encoding "latin-9x"'):
        Settings(root=tmp_path).override(encoding="latin-9x")


# --- gitignore-style patterns, checked against git itself ---------------------------------

PATTERNS = [
    "*.log", "build/", "/top.txt", "a/**/b.txt", "**/foo", "foo/**", "doc/*.md", "*.tx?", "[ab].txt",
    "[!c]x.md", "news/*.txt", "\\#x", "data/", "*.jsonl", "a/b", "**/c/d", "*", "x/**/y", "news",
]
PATHS = [
    "x.log", "d/x.log", "build/", "build", "d/build/", "d/build/x.txt", "top.txt", "d/top.txt", "a/b.txt",
    "a/x/b.txt", "a/x/y/b.txt", "foo", "q/foo", "foo/x", "foo/", "doc/a.md", "doc/x/a.md", "a.txt", "a.tx",
    "b.txt", "c.txt", "ax.md", "cx.md", "news/a.txt", "x/news/a.txt", "#x", "data/", "data/r.jsonl",
    "r.jsonl", "a/b", "a/b/", "z/a/b", "c/d", "z/c/d", "c/d/e", "x/y", "x/q/y", "news/",
]
COMBINATIONS = [
    ["*.jsonl", "!records.jsonl"],
    ["*.log", "!keep.log", "keep.log"],
    ["news/", "!news/a.txt"],  # a file in an excluded folder cannot be re-included
    ["*.txt", "!a.txt", "b.*"],
]


@pytest.mark.skipif(__import__("shutil").which("git") is None, reason="needs git")
@pytest.mark.parametrize("patterns", [[p] for p in PATTERNS] + COMBINATIONS, ids=str)
def test_patterns_agree_with_git_check_ignore(tmp_path: Path, patterns: list[str]) -> None:
    import subprocess

    from arclean.files.gitignore import Patterns

    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / ".gitignore").write_text("\n".join(patterns) + "\n")
    paths = PATHS + ["records.jsonl", "keep.log", "news/a.txt", "a.txt", "b.txt", "b.md"]
    done = subprocess.run(
        ["git", "check-ignore", "--no-index", "--stdin"], cwd=tmp_path, input="\n".join(paths) + "\n",
        capture_output=True, text=True,
    )
    ignored_by_git = set(done.stdout.splitlines())
    spec = Patterns(patterns)
    assert {path for path in paths if spec.match_file(path)} == ignored_by_git


# --- one merge: the configuration file, then the command line or clean()'s keywords ------

#: A page on which every rule the cases below name changes something.
PAGE = (Path(__file__).resolve().parent.parent / "seeds" / "000_edd459b6dd962f52.txt").read_text(encoding="utf-8")
PAGE += "\nإنشاء الله نلتقي قريبا في المدرسة.\n"

#: (the file's layer, the later layer, rules that must change the page, rules that must not).
MERGES = [
    ({"ignore": ["B101"]}, {"ignore": ["Q"]}, {"T101", "B103"}, {"B101", "Q101"}),
    ({"ignore": ["B101"]}, {"select": ["B1"]}, {"B101", "B103"}, {"T101", "Q101"}),
    ({"select": ["W", "T1"], "ignore": ["W103"]}, {"extend_select": ["B101"]}, {"T101", "B101", "W102"}, {"W103", "B103"}),
    ({"ignore": ["T"]}, {"extend_select": ["T101", "T201"]}, {"B101"}, {"T101", "T201"}),
    ({"extend_select": ["T201"]}, {"extend_select": ["B104"], "profile": "search"}, {"T201", "S101", "B101"}, set()),
    ({"select": ["B"], "ignore": ["B103"]}, {"ignore": ["B101"]}, {"B301"}, {"B101", "B103", "T101"}),
]


def _toml(layer: dict[str, object]) -> str:
    return "".join(f"{key.replace('_', '-')} = {json.dumps(value, ensure_ascii=False)}\n" for key, value in layer.items())


def _flags(layer: dict[str, object]) -> list[str]:
    flags = []
    for key, value in layer.items():
        flags += [f"--{key.replace('_', '-')}", value if isinstance(value, str) else ",".join(value)]  # type: ignore[arg-type]
    return flags


@pytest.mark.parametrize(("file_layer", "later", "changed", "unchanged"), MERGES, ids=lambda value: str(value))
def test_one_merge_from_python_the_config_file_and_the_command_line(
    tmp_path: Path, file_layer: dict[str, Any], later: dict[str, Any], changed: set[str], unchanged: set[str]
) -> None:
    """The same two layers give the same rules whether the later one is
    clean()'s keywords, Settings.override or the command line's flags."""
    config_file = write(tmp_path / "arclean.toml", _toml(file_layer))
    page = write(tmp_path / "page.txt", PAGE)
    from_python = arclean.explain(PAGE, config=Config(**file_layer), **later).counts()
    from_file = Pipeline(config=load_settings(config_file).override(**later).config).explain(PAGE).counts()
    out, err = io.StringIO(), io.StringIO()
    code = main(["check", "--output-format", "json", "--config", str(config_file), *_flags(later), str(page)], stdout=out, stderr=err)
    assert code == 1, err.getvalue()
    from_cli = json.loads(out.getvalue())["files"][0]["counts"]
    assert from_python == from_file == from_cli
    assert changed <= set(from_python) and not unchanged & set(from_python), from_python


def test_keywords_add_to_the_configuration_they_are_given_with() -> None:
    """clean(config=Config(ignore=["B101"]), ignore=["Q"]) leaves both out (it used to un-ignore B101)."""
    config = Config(ignore=("B101",))
    assert config.merge(ignore=["Q"]).ignore == ("B101", "Q")
    assert set(arclean.explain(PAGE, config=config, ignore=["Q"]).counts()) & {"B101", "Q101"} == set()
    assert "T201" in arclean.explain(PAGE, config=Config(ignore=("B",)), extend_select=["T201"]).counts()


def test_merge_rejects_a_string_where_a_list_of_codes_belongs() -> None:
    with pytest.raises(ConfigError, match='ignore: expected a list of rule codes, got the string "B101"'):
        arclean.clean("x", config=Config(ignore=("Q",)), ignore="B101")  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="extend-select: expected a list"):
        Config().merge(extend_select="T201")


# --- the key table ------------------------------------------------------------------------


def test_every_setting_has_one_key_and_every_key_one_setting() -> None:
    """A new Config or Settings field without a row in KEYS (or a row for a field that is gone) fails here."""
    settings_fields = {f.name for f in dataclasses.fields(Settings)} - {"config", "source", "root"}
    assert sorted(key.field for key in KEYS) == sorted(CONFIG_FIELDS | settings_fields)
    assert len({key.toml for key in KEYS}) == len(KEYS)
    assert [key.field for key in KEYS if key.in_config] == [
        *Config.SELECTION, *Config.OPTIONS, *Config.DATA
    ]


def test_every_flag_in_the_key_table_is_a_flag_of_the_command_line() -> None:
    """The CLI reads its settings flags through KEYS: each must exist and store where KEYS
    says, and no flag of the "rules and configuration" group may bypass the table."""
    commands = _parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    actions = {option: action for parser in commands.values() for action in parser._actions for option in action.option_strings}
    for key in KEYS:
        if key.flag is not None:
            assert actions[key.flag].dest == key.argument, key
    group = next(group for group in commands["check"]._action_groups if group.title == "rules and configuration")
    rule_flags = {option for action in group._group_actions for option in action.option_strings if option.startswith("--")}
    assert rule_flags - {key.flag for key in KEYS} == {"--config", "--isolated"}
    assert actions["--profile"].choices == sorted(PROFILES)


@pytest.mark.parametrize("key", [key for key in KEYS if key.flag], ids=lambda key: key.toml)
def test_each_flag_merges_as_the_key_table_says(tmp_path: Path, key: Key) -> None:
    """Put a file value and a flag value together and check the merge the table names."""
    file_values: dict[str, tuple[Any, Any]] = {
        "select": (["W"], ("B",)), "ignore": (["W103"], ("W104",)), "extend-select": (["T201"], ("Q201",)),
        "profile": (None, "search"), "include": (["*.txt"], ("*.md",)), "extend-exclude": (["a/"], ("b/",)),
        "respect-gitignore": (True, False), "field": ("body", "text"), "encoding": ("cp1256", "latin-1"),
    }
    before, flag = file_values[key.toml]
    table = {} if before is None else {key.toml: before}
    settings = load_settings(write(tmp_path / "arclean.toml", _toml(table)))
    merged = settings.override(**{key.field: flag})
    value = getattr(merged.config if key.in_config else merged, key.field)
    if key.merge == EXTEND:
        assert value == tuple(before) + flag
    else:
        assert value == flag
    if key.merge == RESTART:
        assert merged.config.ignore == () and merged.config.extend_select == ()


def test_the_readme_configuration_block_shows_every_key() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    block = readme.split("```toml\n[tool.arclean]\n", 1)[1].split("```", 1)[0]
    shown = {line.lstrip("# ").split(" = ")[0].strip('"[]') for line in block.splitlines() if " = " in line}
    assert {key.toml for key in KEYS} - {"exclude"} <= shown | {"per-file-ignores"}
    assert "[tool.arclean.per-file-ignores]" in block
