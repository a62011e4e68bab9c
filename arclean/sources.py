"""A document's source: the site it comes from, as ``arclean learn`` groups
documents and as a learned phrase file's ``# source:`` sections apply.

A file read whole belongs to its folder, relative to the configuration's root
(where ``include`` and ``per-file-ignores`` are matched too); a JSONL record to
the host of its ``source-field`` (a URL, ``www.`` dropped), else to its file.
"""

from __future__ import annotations

import posixpath
from urllib.parse import urlsplit


def file_source(match: str) -> str:
    """The source of a file read whole: its folder (``.`` at the root).

    >>> file_source("corpus/nabd/001.txt"), file_source("page.txt")
    ('corpus/nabd', '.')
    """
    return posixpath.dirname(match) or "."


def record_source(record: object, field: str | None, file: str) -> str:
    """The source of a JSONL record: the host of its ``field``, else ``file``
    (the file's path relative to the root).

    >>> record_source({"url": "https://www.Example.com/a/1"}, "url", "crawl.jsonl")
    'example.com'
    >>> record_source({"url": "news.example.org/x"}, "url", "crawl.jsonl"), record_source({}, "url", "crawl.jsonl")
    ('news.example.org', 'crawl.jsonl')
    """
    value = record.get(field) if field and isinstance(record, dict) else None
    if not isinstance(value, str) or not value.strip():
        return file
    value = value.strip()
    try:
        host = urlsplit(value if "//" in value else "//" + value).hostname
    except ValueError:  # a malformed URL (an unclosed IPv6 bracket): the value itself
        host = None
    host = host or value
    return host[4:] if host.startswith("www.") and host.count(".") > 1 else host
