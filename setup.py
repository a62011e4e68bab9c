"""Build arclean's optional compiled core (arclean/_speedups_src/*.c), as MarkupSafe builds
its ``_speedups``: when a C compiler is present.  Without one (or on an interpreter
other than CPython, or with ARCLEAN_PURE_PYTHON=1 set at build time) the build warns and
arclean installs as pure Python, whose functions stay the reference.  Everything else
about the package is in pyproject.toml."""

import os
import platform
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext


class BuildFailed(Exception):
    pass


class optional_build_ext(build_ext):
    """A build_ext that turns a failed build of the compiled core into a warning."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as error:  # no compiler, no headers: pure Python
            _warn(error)

    def build_extension(self, ext: Extension) -> None:
        try:
            super().build_extension(ext)
        except Exception as error:
            _warn(error)


def _warn(error: Exception) -> None:
    print(f"WARNING: arclean's compiled core was not built ({error}); installing the pure-Python version.",
          file=sys.stderr)


SOURCES = "arclean/_speedups_src"
FILES = ("module", "text", "needles", "line_diff", "dates", "page", "short_line", "copies", "quotes")
wanted = platform.python_implementation() == "CPython" and not os.environ.get("ARCLEAN_PURE_PYTHON")
setup(
    ext_modules=[Extension("arclean._speedups", [f"{SOURCES}/{name}.c" for name in FILES],
                           depends=[f"{SOURCES}/speedups.h"], optional=True)] if wanted else [],
    cmdclass={"build_ext": optional_build_ext},
)
