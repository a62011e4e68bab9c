"""The Parquet column ``--field`` names: a top-level string column, or a string
field nested in struct columns (``meta.text``), as a JSONL record's ``--field``
names a top-level key or a key nested in objects (:mod:`~arclean.files.fields`).

A name is first a top-level column's (a column may be called ``meta.text``),
then a path through structs.  Only the named strings change: the struct's other
fields, its nulls, its type and its metadata stay.  A path through a list or a
map is refused with a clear error: which element to clean is not for ``--field``
to guess.
"""

from __future__ import annotations

from typing import Any

from ..errors import FileError

#: A column to clean: the indexes of the top-level column and of each nested field.
Path = tuple[int, ...]


def resolve(schema: Any, name: str) -> Path | None:
    """The path of the string field ``name`` in ``schema``; ``None`` when there is none;
    a :class:`FileError` for a field of another type, or one behind a list or a map."""
    import pyarrow

    index = schema.get_field_index(name)
    if index >= 0:
        return _text(schema.field(index).type, name, (index,))
    first, *rest = name.split(".")
    path: Path = (schema.get_field_index(first),)
    if path[0] < 0 or not rest:
        return None
    kind, reached = schema.field(path[0]).type, first
    for part in rest:
        if not pyarrow.types.is_struct(kind):
            raise FileError(f'--field {name}: "{reached}" holds {kind}, and --field reaches string fields of structs only '
                            "(not inside a list or a map); the file is left unchanged")
        child = kind.get_field_index(part)
        if child < 0:
            return None
        path, kind, reached = path + (child,), kind.field(child).type, f"{reached}.{part}"
    return _text(kind, name, path)


def _text(kind: Any, name: str, path: Path) -> Path:
    import pyarrow

    if not (pyarrow.types.is_string(kind) or pyarrow.types.is_large_string(kind)):
        raise FileError(f'the column "{name}" holds {kind}, not text; choose a text column with --field; '
                        "the file is left unchanged")
    return path


def read(table: Any, path: Path) -> list[Any]:
    """The values at ``path``, row by row; ``None`` where the value or a struct holding it is null."""
    column = table.column(path[0]).combine_chunks()
    for child in path[1:]:
        column = column.flatten()[child]  # a struct's field, null where the struct is
    values: list[Any] = column.to_pylist()
    return values


def replace(table: Any, path: Path, values: list[Any]) -> Any:
    """The table with the strings at ``path`` replaced by ``values`` (``None``: left as it is)."""
    import pyarrow

    column = table.column(path[0]).combine_chunks()
    new = _replaced(column, path[1:], values)
    return table.set_column(path[0], table.schema.field(path[0]), pyarrow.chunked_array([new], type=column.type))


def _replaced(array: Any, path: Path, values: list[Any]) -> Any:
    import pyarrow

    if not path:
        kept = [new if new is not None else old for new, old in zip(values, array.to_pylist(), strict=True)]
        return pyarrow.array(kept, type=array.type)
    children = [array.field(index) for index in range(array.type.num_fields)]
    children[path[0]] = _replaced(children[path[0]], path[1:], values)
    return pyarrow.StructArray.from_arrays(children, fields=list(array.type), mask=array.is_null())
