"""Cleaning texts that a Dask collection already holds: a bag of texts, or a
text column of a dataframe.  Each worker process builds the pipeline once per
configuration; strings are cleaned as :func:`arclean.clean` cleans them,
anything else (``None``, a missing value) is left as it is.

Dask is an optional extra (``pip install "arclean[dask]"``; a dataframe needs
``dask[dataframe]`` too), imported only by these functions.  To clean files on a
cluster, the command line does it: ``arclean fix SRC --out DST --scheduler ADDRESS``.

>>> import dask.bag
>>> texts = dask.bag.from_sequence(["في ديسميبر  2018", None], npartitions=1)
>>> clean_bag(texts).compute(scheduler="sync")
['في ديسمبر 2018\\n', None]
"""

from __future__ import annotations

from typing import Any, Iterable

from .config import Config
from .errors import ArcleanError
from .files import pipeline_for

EXTRA = 'pip install "arclean[dask]"'

__all__ = ["clean_bag", "clean_dataframe", "clean_texts"]


def clean_texts(texts: Iterable[Any], config: Config | None = None) -> list[Any]:
    """Each string of ``texts`` cleaned, anything else as it is (one partition's work).

    >>> clean_texts(["في ديسميبر  2018", None, 7])
    ['في ديسمبر 2018\\n', None, 7]
    """
    pipeline = pipeline_for(config or Config())
    return [pipeline(text) if isinstance(text, str) else text for text in texts]


def clean_bag(bag: Any, config: Config | None = None) -> Any:
    """A ``dask.bag.Bag`` of texts, cleaned (lazily, partition by partition)."""
    _require("dask.bag")
    return bag.map_partitions(clean_texts, config)


def clean_dataframe(df: Any, column: str = "text", config: Config | None = None) -> Any:
    """A ``dask.dataframe.DataFrame`` whose ``column`` of texts is cleaned (lazily);
    the other columns, the index and the partitions stay as they are.

    >>> import dask.dataframe, pandas
    >>> frame = pandas.DataFrame({"id": [1, 2], "text": ["في ديسميبر  2018", None]})
    >>> cleaned = clean_dataframe(dask.dataframe.from_pandas(frame, npartitions=1)).compute(scheduler="sync")
    >>> cleaned["text"].iloc[0], cleaned["text"].isna().tolist(), cleaned["id"].tolist()
    ('في ديسمبر 2018\\n', [False, True], [1, 2])
    """
    _require("dask.dataframe")
    if column not in df.columns:
        raise ArcleanError(f'the dataframe has no column "{column}" (its columns: {", ".join(map(str, df.columns))})')
    cleaned = df[column].map_partitions(_clean_series, config, meta=df[column]._meta)
    return df.assign(**{column: cleaned})


def _clean_series(series: Any, config: Config | None) -> Any:
    values = [None if _missing(value) else value for value in series]
    return type(series)(clean_texts(values, config), index=series.index, name=series.name, dtype=series.dtype)


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and value != value)  # None, NaN, pandas.NA


def _require(module: str) -> None:
    try:
        __import__(module)
    except ImportError as error:
        raise ArcleanError(f"{module} is not installed ({error}): {EXTRA}"
                           + (' and pip install "dask[dataframe]"' if "dataframe" in module else "")) from None
