"""The compiled core under valgrind's memcheck (``benchmarks/memcheck.py``): real pages, damaged
pages and hostile texts, cleaned and explained, with no invalid read or write and no use of an
uninitialised value in the code of ``arclean/_speedups`` or a call it makes."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import arclean

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import memcheck  # noqa: E402


def test_an_error_is_ours_when_its_stack_passes_through_the_compiled_core() -> None:
    log = (
        "==7== Invalid read of size 16\n==7==    at 0x1: count_spaces (speedups.h:112)\n"
        "==7==    by 0x2: short_line (short_line.c:552)\n==7== \n"
        "==7== Invalid write of size 1\n==7==    at 0x3: ??? (in /x/arclean/_speedups.cpython-311-x86_64-linux-gnu.so)\n==7== \n"
        "==7== Use of uninitialised value of size 8\n==7==    at 0x4: set_add_key (setobject.c:350)\n"
        "==7==    by 0x5: PySet_Add (setobject.c:2337)\n==7== \n"
        "==7== Conditional jump or move depends on uninitialised value(s)\n==7==    at 0x6: visit_decref (gcmodule.c:462)\n"
        "==7==    by 0x7: subtype_traverse (typeobject.c:1274)\n==7==    by 0x8: deduce_unreachable (gcmodule.c:1113)\n"
        "==7==    by 0x9: gc_collect_main (gcmodule.c:1204)\n==7==    by 0xa: PyTuple_New (tupleobject.c:75)\n"
        "==7==    by 0xb: classify_page (page.c:223)\n==7== \n"
        "==7== HEAP SUMMARY:\n==7==     in use at exit: 0 bytes in 0 blocks\n==7== \n"
    )
    ours, theirs = memcheck.errors(log)
    assert [record.split("\n", 1)[0] for record in ours] == ["Invalid read of size 16", "Invalid write of size 1"]
    # CPython's own report, in a collection the core's allocation started, is not the core's
    assert [record.split("\n", 1)[0] for record in theirs] == [
        "Use of uninitialised value of size 8", "Conditional jump or move depends on uninitialised value(s)"]


@pytest.mark.skipif(shutil.which("valgrind") is None, reason="valgrind is not installed")
@pytest.mark.skipif(not arclean._compiled.COMPILED, reason="the compiled core is not built")
def test_the_compiled_core_makes_no_memory_error(tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "memcheck.py"), "--size", "100KB", "--damaged", "40",
                          "--log", str(tmp_path / "memcheck.log")], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    assert " 0 errors in the compiled core" in run.stdout
