"""The optional compiled core (``arclean/_speedups_src/``): which implementation runs.

``setup.py`` builds it when a C compiler is present; without it (or with the
environment variable ``ARCLEAN_PURE_PYTHON`` set when arclean is imported) the
pure-Python functions run, and they are the reference: ``tests/test_speed.py``
checks that both give the same results.  ``arclean --version`` says which is in use.
"""

from __future__ import annotations

import importlib
import os
from types import ModuleType

speedups: ModuleType | None
try:
    if os.environ.get("ARCLEAN_PURE_PYTHON"):
        raise ImportError("ARCLEAN_PURE_PYTHON is set")
    speedups = importlib.import_module(f"{__package__}._speedups")
except ImportError:
    speedups = None

#: Is the compiled core in use?
COMPILED = speedups is not None


def implementation() -> str:
    """``"compiled core"`` or ``"pure Python"``."""
    return "compiled core" if COMPILED else "pure Python"
