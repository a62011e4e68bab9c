"""The exceptions arclean raises on purpose."""

from __future__ import annotations


class ArcleanError(Exception):
    """Base class of every error arclean raises on purpose."""


class ConfigError(ArcleanError, ValueError):
    """A configuration value is wrong: the message names it and the fix."""


class DataFileError(ArcleanError, ValueError):
    """A data file has a malformed entry."""

    def __init__(self, path: str, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = path
        self.line = line


class FileError(ArcleanError):
    """A file arclean will not clean: not UTF-8, not JSON, read-only…; the
    message says where and what to do."""
