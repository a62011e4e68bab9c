"""Shared test configuration: hypothesis profiles, the location of ../shared, the places between
the devset's documents' blocks the probe tests put lines at, and the scale-out tests' cluster."""

from __future__ import annotations

import os
import signal
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

import pytest
from hypothesis import HealthCheck, settings

if TYPE_CHECKING:
    import distributed

settings.register_profile("ci", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("ARCLEAN_HYPOTHESIS_PROFILE", "ci"))


def pytest_configure(config: pytest.Config) -> None:
    """Ctrl-C as a terminal sends it, whoever started the run: a shell that starts a command in
    the background without job control has it ignore SIGINT, and the tests that interrupt a run
    (their own process, or a CLI child, which inherits the ignored signal) would wait forever."""
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("ARCLEAN_SHARED", ROOT.parent / "shared"))


def shared_dir(name: str) -> Path:
    """A folder of ../shared; under CI=true a missing folder fails the test instead of skipping it."""
    path = SHARED / name
    if not path.is_dir():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{path} is missing: CI must provide ../shared/{name}")
        pytest.skip(f"{path} is not available")
    return path


@dataclass(frozen=True)
class Place:
    """A place between two blocks of a document, called with a block of lines to put it there
    (the page to clean); ``above`` and ``below``: the document's text on either side."""

    sep: str
    before: tuple[str, ...]
    after: tuple[str, ...]

    def __call__(self, block: str) -> str:
        return self.sep.join([*self.before, block, *self.after])

    @property
    def above(self) -> str:
        return self.sep.join(self.before)

    @property
    def line_below(self) -> str:
        """The first line under the place ("" at the document's end)."""
        return self.sep.join(self.after).lstrip("\n").split("\n", 1)[0]


def gold_places(*, edges: bool) -> Iterator[tuple[str, int, str, Place]]:
    """Each place between two blocks (paragraphs, or lines where the document has no blank line)
    of each gold document of the devset, and its document's start and end too with ``edges``:
    the document's name, the place's number, the document cleaned alone, and the place."""
    import arclean

    for path in sorted(shared_dir("devset").glob("*.gold.txt")):
        gold = path.read_text(encoding="utf-8")
        expected = arclean.clean(gold)
        sep = "\n\n" if "\n\n" in gold else "\n"
        blocks = tuple(gold.split(sep))
        for at in range(0, len(blocks) + 1) if edges else range(1, len(blocks)):
            yield path.name, at, expected, Place(sep, blocks[:at], blocks[at:])


@pytest.fixture(scope="module")
def cluster() -> Iterator[distributed.LocalCluster]:
    """A real Dask cluster for the scale-out tests, one a test module: two worker processes,
    one thread each, on 127.0.0.1; a task that kills two workers is given up."""
    distributed = pytest.importorskip("distributed")
    import dask

    with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
        with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                      dashboard_address="127.0.0.1:0", silence_logs=50) as local:
            yield local
