"""Load the data-driven cases in tests/cases/*.toml."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CASES_DIR = Path(__file__).parent / "cases"


@dataclass(frozen=True)
class Case:
    file: str
    index: int
    rule: str
    before: str
    after: str
    pipeline: bool
    note: str
    xfail: str | None

    @property
    def negative(self) -> bool:
        return self.after == self.before

    @property
    def id(self) -> str:
        return f"{self.file}#{self.index}-{self.rule}{'-pipeline' if self.pipeline else ''}{'-negative' if self.negative else ''}"


def load_cases() -> list[Case]:
    cases = []
    for path in sorted(CASES_DIR.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for index, raw in enumerate(data.get("case", []), start=1):
            unknown = set(raw) - {"rule", "before", "after", "pipeline", "note", "xfail"}
            if unknown:
                raise ValueError(f"{path.name} case {index}: unknown keys {sorted(unknown)}")
            cases.append(
                Case(
                    path.stem,
                    index,
                    raw["rule"],
                    raw["before"],
                    raw.get("after", raw["before"]),
                    raw.get("pipeline", False),
                    raw.get("note", ""),
                    raw.get("xfail"),
                )
            )
    return cases
