"""Files: find them, read them, clean them, and write them back without losing any.

- :mod:`~arclean.files.discover` finds the files (``include``, ``exclude``,
  ``.gitignore``, symbolic links);
- :mod:`~arclean.files.task` holds what a run cleans and what comes of it
  (:class:`Source`, :class:`Task`, :class:`FileResult`), and :func:`plan`;
- :mod:`~arclean.files.clean` cleans one file: :func:`clean_file`, a function
  of its arguments that any engine can call wherever the file is visible;
- :mod:`~arclean.files.formats` cleans the bytes by format (a document read
  whole, a ``.jsonl`` file streamed record by record); :mod:`~arclean.files.parquet`
  a ``.parquet`` file's text column, row group by row group (pyarrow, an extra);
- :mod:`~arclean.files.writes` replaces a file atomically, never half-written,
  and finds the temporary files a killed run left;
- :mod:`~arclean.files.engine` is the local engine, :func:`run`: the same call
  in worker processes (:mod:`~arclean.files.pool`, where a worker that dies
  costs a retry), results in the order of the tasks, big ``.jsonl`` files cut
  into pieces by :mod:`~arclean.files.shards`; :mod:`~arclean.files.faults`
  makes workers fail on purpose, for the tests only;
- :mod:`~arclean.files.cluster` is the Dask engine (``--scheduler``): the same
  units as Dask tasks, driven by :func:`~arclean.files.engine.run_in` (Dask, an
  extra, is imported only there);
- :mod:`~arclean.files.urls` names files by fsspec URLs (``s3://…``): found by
  :mod:`~arclean.files.url_walk`, cleaned by :mod:`~arclean.files.url_clean`
  (fsspec is imported only for a URL); :mod:`~arclean.files.fields` and
  :mod:`~arclean.files.parquet_fields` find ``--field`` in nested records and structs.

The names the command line, the tests and the benchmarks use are all here.
"""

from __future__ import annotations

from ..errors import FileError
from .clean import BINARY_SNIFF, clean_file
from .discover import Problem, discover
from .engine import BATCH_BYTES, BATCH_FILES, pipeline_for, run
from .formats import clean_stream, read_stdin_bytes
from .shards import SHARD_BYTES, join_shards, shard
from .task import FileChange, FileResult, Source, Task, plan
from .writes import TEMP_SUFFIX, WriteError, remove_temporaries, stale_temporaries

__all__ = [
    "BATCH_BYTES",
    "BATCH_FILES",
    "BINARY_SNIFF",
    "SHARD_BYTES",
    "TEMP_SUFFIX",
    "WriteError",
    "FileChange",
    "FileError",
    "FileResult",
    "Problem",
    "Source",
    "Task",
    "clean_file",
    "clean_stream",
    "discover",
    "join_shards",
    "pipeline_for",
    "plan",
    "read_stdin_bytes",
    "remove_temporaries",
    "run",
    "shard",
    "stale_temporaries",
]
