"""Write the rule reference (docs/rules.md) and the README's rule table from RULES,
and the configuration reference (docs/configuration.md) from KEYS.

Everything about a rule is in its row of ``arclean.registry.RULES``, its
function's docstring and its cases in ``tests/cases``; this module only
renders them.  ``tests/test_rules_table.py`` fails when a page drifts from
what this module would write; after changing a rule, run

    .venv/bin/python -m tests.rule_docs

to rewrite docs/rules.md, docs/configuration.md and the rule table in README.md
(only the table: the README is written by hand around it).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from arclean.config import Config
from arclean.files.settings import KEYS, Settings
from arclean.registry import FAMILIES, NUMBERING, PROFILES, RULES, Rule

from .cases_loader import Case, load_cases

ROOT = Path(__file__).resolve().parent.parent
RULES_PAGE = ROOT / "docs" / "rules.md"
SETTINGS_PAGE = ROOT / "docs" / "configuration.md"
README = ROOT / "README.md"

#: How many of a rule's cases the page shows, changed and left as written.
SHOWN_CHANGED, SHOWN_NEGATIVE = 3, 2


def readme_table() -> str:
    """The README's rule table: code, default, name and summary, in pipeline order."""
    rows = [f"| {rule.code} | {'on' if rule.default else 'off'} | {rule.name} | {rule.summary} |" for rule in RULES]
    return "\n".join(["| code | default | name | what it does |", "|------|---------|------|--------------|", *rows])


def rules_page() -> str:
    """The whole of docs/rules.md."""
    cases = [case for case in load_cases() if not case.xfail]
    parts = [
        "# Rule reference",
        "",
        "<!-- Generated from arclean/registry.py, the rules' docstrings and tests/cases by\n"
        "     `python -m tests.rule_docs`; tests/test_rules_table.py fails when this page drifts. -->",
        "",
        "Every rule arclean has, in the order the pipeline runs them. *On* rules make up the default",
        "pipeline; *off* rules are opt-in (`extend_select`, `select`, or a profile:",
        ", ".join(f'`profile="{name}"` adds {", ".join(PROFILES[name])}' for name in sorted(PROFILES)) + ").",
        "Select rules by code or prefix (`--select B`, `--ignore T1`, `ignore=[\"Q\"]`).",
        "",
        "## Codes",
        "",
        _numbering(),
        "",
        "## The rules",
        "",
        readme_table(),
        "",
    ]
    for rule in RULES:
        parts += [_rule_section(rule, [case for case in cases if case.rule == rule.code]), ""]
    return "\n".join(parts).rstrip("\n") + "\n"


def _numbering() -> str:
    """The numbering scheme and the table of families and groups."""
    lines = [NUMBERING, "", "| code | family | group: what its rules do | rules |", "|------|--------|--------------------------|-------|"]
    for letter, (family, groups) in FAMILIES.items():
        for digit, meaning in groups.items():
            codes = sorted(rule.code for rule in RULES if rule.code[:2] == letter + digit)
            lines.append(f"| {letter}{digit}xx | {family} | {meaning} | {', '.join(codes)} |")
    return "\n".join(lines)


def _rule_section(rule: Rule, cases: list[Case]) -> str:
    toml = {key.field: key.toml for key in KEYS}
    lines = [f"### {rule.code} {rule.name}", ""]
    facts = [f"**{'On' if rule.default else 'Off'} by default.**"]
    if rule.options:
        facts.append("Options: " + ", ".join(f"`{toml[option]}`" for option in rule.options) + ".")
    if rule.decide is not None:
        facts.append("A line rule: it decides on the page model (`arclean/normalizers/residue/page.py`).")
    facts.append(f"Function: `{rule.function.__module__}.{rule.function.__name__}`.")
    lines += [" ".join(facts), "", _markdown(rule.doc), ""]
    changed = [case for case in cases if not case.negative]
    negative = [case for case in cases if case.negative]
    if cases:
        files = sorted({f"tests/cases/{case.file}.toml" for case in cases})
        lines += [f"Examples (from its cases in {', '.join(files)}):", ""]
    for case in changed[:SHOWN_CHANGED]:
        lines += _example(case, "Changed")
    for case in negative[:SHOWN_NEGATIVE]:
        lines += _example(case, "Left as written")
    return "\n".join(lines).rstrip("\n")


def _example(case: Case, label: str) -> list[str]:
    how = "the default pipeline" if case.pipeline else f"{case.rule} alone"
    note = f": {case.note}" if case.note else ""
    head = f"{label} ({how}){note}"
    if case.negative:
        return [head, "", *_block(case.before), ""]
    before, after = _shown(case.before), _shown(case.after)
    if before == after:  # the change is only in line feeds at the ends: show the strings exactly
        before, after = repr(case.before), repr(case.after)
    return [head, "", *_block(before, shown=True), "", "becomes", "", *_block(after, shown=True), ""]


def _block(text: str, *, shown: bool = False) -> list[str]:
    return ["```text", (text if shown else _shown(text)).rstrip("\n"), "```"]


def _shown(text: str) -> str:
    """Invisible and control characters by code point (``<U+00A0>``), as ``check -v`` shows them."""
    return "".join(
        f"<U+{ord(char):04X}>" if char not in " \n" and unicodedata.category(char) in ("Cc", "Cf", "Zs", "Zl", "Zp") else char
        for char in text
    )


def _markdown(doc: str) -> str:
    """A docstring as Markdown: ``literals`` in single backticks, doctests in code blocks."""
    out: list[str] = []
    in_doctest = False
    for line in doc.replace("``", "`").splitlines():
        starts = line.lstrip().startswith(">>>")
        if starts and not in_doctest:
            out.append("```pycon")
            in_doctest = True
        elif in_doctest and not line.strip():
            out.append("```")
            in_doctest = False
        out.append(line.strip() if in_doctest else line)
    if in_doctest:
        out.append("```")
    return "\n".join(out).strip()


def settings_page() -> str:
    """The whole of docs/configuration.md: every row of ``arclean.files.settings.KEYS``."""
    config, settings = Config(), Settings(root=Path("."))
    rows = []
    for key in KEYS:
        owner = "Config" if key.in_config else "Settings"
        default = getattr(config if key.in_config else settings, key.field)
        value = " ".join((key.read.__doc__ or "").split()).replace("``", "`")
        flag = f"`{key.flag}`" if key.flag else "-"
        rows.append(f"| `{key.toml}` | {key.part}: `{owner}.{key.field}` | {value} | {_toml_value(default)} | {flag} | {key.merge} |")
    return "\n".join([
        "# Configuration reference",
        "",
        "<!-- Generated from arclean.files.settings.KEYS by `python -m tests.rule_docs`;",
        "     tests/test_rules_table.py fails when this page drifts. -->",
        "",
        "Every key of `[tool.arclean]` in `pyproject.toml` (or the top level of `arclean.toml`), the",
        "field it sets, how its value is read, its default, its command-line flag, and how a later layer",
        "(the command line on the file, or `arclean.clean()`'s keywords on a `Config`) merges into an",
        "earlier one (`Config.merge`, `Settings.override`). The parts: *selection* (which rules run),",
        "*options* (what rules take), *data* (loaded from files), *files* (what the command line reads).",
        "",
        "| key | sets | value | default | flag | a later layer |",
        "|-----|------|-------|---------|------|---------------|",
        *rows,
    ]) + "\n"


def _toml_value(value: object) -> str:
    """A default as it would be written in TOML; "none" for an empty list or table, "unset" for no value."""
    if value is None or value == ():
        return "none" if value == () else "unset"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, tuple):
        return "`[" + ", ".join(f'"{item}"' for item in value) + "]`"
    return f'`"{value}"`'


def with_readme_table(readme: str) -> str:
    """The README with its rule table (from its header row to the first line that
    is not a table row) replaced by :func:`readme_table`."""
    header = readme_table().split("\n", 1)[0]
    start = readme.index(header + "\n")
    end = start
    while end < len(readme) and readme.startswith("|", end):
        end = readme.index("\n", end) + 1
    return readme[:start] + readme_table() + "\n" + readme[end:]


if __name__ == "__main__":
    RULES_PAGE.write_text(rules_page(), encoding="utf-8")
    SETTINGS_PAGE.write_text(settings_page(), encoding="utf-8")
    README.write_text(with_readme_table(README.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"wrote docs/rules.md, docs/configuration.md and the rule table of {README.relative_to(ROOT)}")
