"""The field ``--field`` names in a JSONL record: a top-level key, or a key nested
in objects, its parts joined by dots (``meta.text``).  A top-level key is taken
first, so a key that holds a dot (``"meta.text"``) is still named as it is.
A Parquet column is named the same way (:mod:`~arclean.files.parquet_fields`).
"""

from __future__ import annotations

from typing import Any


def find(record: Any, name: str) -> tuple[tuple[str, ...], Any]:
    """The keys that lead to the field ``name`` in a decoded JSON record, and its value;
    ``((), None)`` when there is none.

    >>> find({"meta": {"text": "x"}, "id": 1}, "meta.text")
    (('meta', 'text'), 'x')
    >>> find({"meta.text": "y", "meta": {"text": "x"}}, "meta.text"), find({"meta": ["x"]}, "meta.0")
    ((('meta.text',), 'y'), ((), None))
    """
    if not isinstance(record, dict):
        return (), None
    if name in record:
        return (name,), record[name]
    if "." not in name:
        return (), None
    value: Any = record
    keys = tuple(name.split("."))
    for key in keys:
        if not isinstance(value, dict) or key not in value:
            return (), None
        value = value[key]
    return keys, value
