"""The command line (``arclean check|fix|learn|rules|review``): argv, reporters, the review page.

A thin layer over the library and :mod:`arclean.files`; ``main`` is the console script.
"""

from .app import main

__all__ = ["main"]
