"""Loading [tool.arclean] / arclean.toml: where it is found, what each key does,
and errors that name the file, the key and the fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from arclean import Pipeline
from arclean.config_loading import find_config_file, load_settings
from arclean.errors import ConfigError
from arclean.settings import DEFAULT_EXCLUDE, Settings

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
    assert config.typos == (("الاسبوغ", "الاسبوع"), ("مرحبى", "مرحبا|مرحبًا"))
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
        ('[tool.arclean]\nignore = "B101"\n', 'pyproject.toml [tool.arclean] ignore: expected a list of rule codes, got the string "B101"; write ignore = ["B101"]'),
        ('[tool.arclean]\nprofile = "fast"\n', "pyproject.toml [tool.arclean] profile: 'fast' is not one of 'search'"),
        ('[tool.arclean]\nquote-style = "<>"\n', "pyproject.toml [tool.arclean] quote-style: '<>' is not one of"),
        ('[tool.arclean]\nrespect-gitignore = "yes"\n', "pyproject.toml [tool.arclean] respect-gitignore: expected true or false"),
        ('[tool.arclean]\nencoding = "cp9999"\n', 'pyproject.toml [tool.arclean] encoding: unknown encoding "cp9999"'),
        ('[tool.arclean.per-file-ignores]\n"a/*.txt" = ["Z1"]\n', 'pyproject.toml [tool.arclean] per-file-ignores "a/*.txt": unknown rule code "Z1"'),
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
        ("site.txt", "# kind: share\nشارك \n", "boilerplate", r"^arclean.toml boilerplate: site.txt:2: entry has leading or trailing spaces"),
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

    from arclean.gitignore import Patterns

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
