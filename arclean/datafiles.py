"""Loaders for the data files under ``arclean/data``; the only module that opens them.

Every loader is cached, parses strictly and raises :class:`DataFileError` with
``file:line`` on a malformed entry, so a linguist who adds a line learns at
once what is wrong with it.  Formats are described in ``data/README.md``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import product
from typing import Iterator

from .errors import DataFileError

#: The kinds a boilerplate file may declare, and what each means.
PHRASE_KINDS = {
    "comment": "comment forms and comment widgets",
    "share": "share, follow and subscribe bars",
    "related": "'read also' and related-article headings",
    "footer": "tags lines, copyright footers, cookie and newsletter notices",
    "widget": "print/send, vote and poll widgets",
    "head": "head chrome: skip links, site menus, slogans, ad labels, loading and close buttons",
    "forum": "forum chrome: join prompts, poster cards, topic navigation, page counters",
    "paywall": "paywall and subscription prompts, login prompts, print-version notes",
    "ad": "ad slots' labels and show-more buttons, which no text uses as a line of its own",
    "masthead": "a newspaper's masthead credits (its editor's and chairman's titles), in the page's head",
}

PREFIX_MARK = " …"
#: In a bundled phrase, between its first words and its last: a *frame*, which matches a line
#: that starts with the first and ends with the second, a few words between them
#: (``التعليقات على … مغلقة``: WordPress's "comments on <the post's title> are closed").
FRAME_MARK = " … "


@dataclass(frozen=True)
class Phrase:
    """One boilerplate phrase: its text, its kind, whether it is a prefix, where
    it comes from, the one source (site) it applies to (``None``: every source),
    and whether it is a frame (its text holds :data:`FRAME_MARK`; bundled files only)."""

    text: str
    kind: str
    prefix: bool
    origin: str
    source: str | None = None
    frame: bool = False


@dataclass(frozen=True)
class Month:
    """A month name: its number (1-12), its spelling and its naming system."""

    number: int
    name: str
    system: str


def _data_text(relpath: str) -> str:
    return resources.files("arclean").joinpath("data", relpath).read_text(encoding="utf-8")


def data_files(folder: str) -> list[str]:
    """List the data files of a folder under ``arclean/data``, sorted."""
    root = resources.files("arclean").joinpath("data", folder)
    return sorted(f"{folder}/{entry.name}" for entry in root.iterdir() if entry.name[-4:] in (".txt", ".tsv"))


def entries(relpath: str, text: str | None = None) -> Iterator[tuple[int, str]]:
    """Yield ``(line number, line)`` for every entry of a data file.

    Blank lines and ``#`` comments are skipped; an entry with stray white
    space at either end is an error.
    """
    if text is None:
        text = _data_text(relpath)
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line or line.startswith("#"):
            continue
        if line != line.strip(" "):
            raise DataFileError(relpath, lineno, "entry has leading or trailing spaces")
        yield lineno, line


def directives(relpath: str, text: str | None = None) -> dict[str, str]:
    """Return the ``# key: value`` header directives of a data file."""
    if text is None:
        text = _data_text(relpath)
    found = {}
    for line in text.split("\n"):
        if not line.startswith("#"):
            break
        key, sep, value = line[1:].partition(":")
        if sep and key.strip().isidentifier():
            found[key.strip()] = value.strip()
    return found


def _fields(relpath: str, lineno: int, line: str, count: int) -> list[str]:
    fields = line.split("\t")
    if len(fields) != count:
        raise DataFileError(relpath, lineno, f"expected {count} tab-separated fields, found {len(fields)}")
    return fields


def _codepoint(relpath: str, lineno: int, field: str) -> str:
    if not field.startswith("U+"):
        raise DataFileError(relpath, lineno, f"expected a code point like U+0643, found {field!r}")
    try:
        return chr(int(field[2:], 16))
    except ValueError:
        raise DataFileError(relpath, lineno, f"bad code point {field!r}") from None


@lru_cache(maxsize=None)
def char_table(relpath: str) -> dict[str, str]:
    """Load a character table: ``U+XXXX <TAB> U+YYYY|- <TAB> NAME``.

    ``-`` as the replacement means "delete".  The name must be the Unicode
    name of the first code point, so that the table can be read by eye.
    """
    table: dict[str, str] = {}
    for lineno, line in entries(relpath):
        source, target, name = _fields(relpath, lineno, line, 3)
        char = _codepoint(relpath, lineno, source)
        if unicodedata.name(char, "") != name:
            raise DataFileError(relpath, lineno, f"{source} is {unicodedata.name(char, '<unnamed>')}, not {name}")
        if char in table:
            raise DataFileError(relpath, lineno, f"duplicate entry {source}")
        table[char] = "" if target == "-" else _codepoint(relpath, lineno, target)
    return table


@lru_cache(maxsize=None)
def translation(relpath: str) -> dict[int, str]:
    """A character table as a ``str.translate`` mapping."""
    return {ord(char): target for char, target in char_table(relpath).items()}


def replace_chars(text: str, relpath: str) -> str:
    """``text.translate(translation(relpath))``, made by one ``str.replace`` for each of
    the table's characters the text holds: ``translate`` looks every character of a
    text that is not ASCII up in its mapping, some 90 ns a character, where a search
    for a character skips through the text.

    >>> replace_chars("قال\u00a0الوزير\u2009اليوم", "chars/spaces.tsv")
    'قال الوزير اليوم'
    """
    for source, target in _replacements(relpath):
        if source in text:
            text = text.replace(source, target)
    return text


@lru_cache(maxsize=None)
def _replacements(relpath: str) -> tuple[tuple[str, str], ...]:
    """A table's pairs, for :func:`replace_chars`: replacing them one after another is
    translating the text only if no replacement holds a character the table replaces."""
    table = char_table(relpath)
    for (lineno, _line), (source, target) in zip(entries(relpath), table.items(), strict=True):
        if any(char in table for char in target):
            raise DataFileError(relpath, lineno, f"U+{ord(source):04X}'s replacement is replaced too: use translation()")
    return tuple(table.items())


@lru_cache(maxsize=None)
def char_pattern(relpath: str) -> "re.Pattern[str]":
    """A compiled character class of a table's source characters, for a cheap
    "can this rule apply?" check."""
    return re.compile("[" + "".join(re.escape(char) for char in char_table(relpath)) + "]")


@lru_cache(maxsize=None)
def word_list(relpath: str) -> frozenset[str]:
    """Load a list of words or phrases, one per line."""
    return frozenset(line for _, line in entries(relpath))


@lru_cache(maxsize=None)
def corrections(relpath: str) -> dict[str, tuple[str, ...]]:
    """Load a bundled lexicon ``typo <TAB> correction[|correction…]``."""
    return parse_corrections(relpath)


def parse_corrections(relpath: str, text: str | None = None) -> dict[str, tuple[str, ...]]:
    """Parse a lexicon ``typo <TAB> correction[|correction…]`` (bundled, or
    the text of a user's file named ``relpath`` in messages)."""
    table: dict[str, tuple[str, ...]] = {}
    for lineno, line in entries(relpath, text):
        typo, fixes = _fields(relpath, lineno, line, 2)
        if typo in table:
            raise DataFileError(relpath, lineno, f"duplicate typo {typo!r}")
        table[typo] = tuple(fixes.split("|"))
    return table


#: What a poster card's field holds (``words/card_labels.tsv``): the date the poster joined, another
#: date, a number, or a few words.
CARD_VALUES = ("joined", "date", "number", "words")


@lru_cache(maxsize=None)
def card_labels() -> dict[str, str]:
    """A forum poster card's field labels, each with what its value holds (one of :data:`CARD_VALUES`):
    ``label <TAB> value``."""
    relpath = "words/card_labels.tsv"
    table: dict[str, str] = {}
    for lineno, line in entries(relpath):
        label, value = _fields(relpath, lineno, line, 2)
        if value not in CARD_VALUES:
            raise DataFileError(relpath, lineno, f"a value is one of {', '.join(CARD_VALUES)}, found {value!r}")
        table[label] = value
    return table


#: A comment that starts a section of phrases for one source: ``# source: example.com``
#: (``# source: *``: for every source again).
SOURCE_SECTION = "# source:"


def parse_phrases(relpath: str, text: str | None = None, *, cite: bool = True, slots: bool = False) -> tuple[Phrase, ...]:
    """Parse a boilerplate phrase file (see ``data/README.md``).  Each phrase's
    origin is the file and line it is on (``cite=False``: the file's name
    without its suffix, as for the bundled files); a phrase under a
    ``# source: NAME`` comment applies to that source's documents only.
    With ``slots`` (the bundled files), a line may hold slots, each a word list's
    name in braces (see :func:`expand_slots`), and be a frame (:data:`FRAME_MARK`).

    >>> [(p.text, p.origin, p.source) for p in parse_phrases("chrome.txt", "# kind: widget\\nأ ب\\n# source: x.com\\nج د\\n")]
    [('أ ب', 'chrome.txt:2', None), ('ج د', 'chrome.txt:4', 'x.com')]
    """
    kind = directives(relpath, text).get("kind")
    if kind not in PHRASE_KINDS:
        raise DataFileError(relpath, 1, f"missing or unknown '# kind:' header {kind!r}; use one of {sorted(PHRASE_KINDS)}")
    origin = relpath.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    sections = _source_sections(relpath, text)
    found = []
    for lineno, entry in entries(relpath, text):
        source = next((name for start, name in reversed(sections) if start < lineno), None)
        for line in expand_slots(relpath, lineno, entry) if slots else (entry,):
            prefix = line.endswith(PREFIX_MARK)
            found.append(Phrase(line[: -len(PREFIX_MARK)] if prefix else line, kind, prefix,
                                f"{relpath}:{lineno}" if cite else origin, source, slots and not prefix and FRAME_MARK in line))
    return tuple(found)


#: A slot in a bundled phrase: ``{name}``, a word list of ``data/words`` (``name.txt``).
_SLOT = re.compile(r"\{([a-z_]+)\}")


def expand_slots(relpath: str, lineno: int, line: str) -> list[str]:
    """The phrases a line of a bundled phrase file stands for: the line itself, or,
    when it holds slots, the line with each slot replaced by each entry of its word
    list in turn (every combination, in the lists' order).

    >>> expand_slots("related.txt", 1, "{related_nouns} ذات صلة")[:2]
    ['أخبار ذات صلة', 'الأخبار ذات صلة']
    """
    return [text for text, _filling in slot_fillings(relpath, lineno, line)]


def slot_fillings(relpath: str, lineno: int, line: str) -> list[tuple[str, tuple[tuple[str, str], ...]]]:
    """:func:`expand_slots`, each phrase with what filled its slots: (word list, entry) pairs
    (none for a line without slots).

    >>> slot_fillings("related.txt", 1, "{related_nouns} ذات صلة")[0]
    ('أخبار ذات صلة', (('related_nouns', 'أخبار'),))
    """
    names = _SLOT.findall(line)
    if not names:
        return [(line, ())]
    lists = []
    for name in names:
        try:
            lists.append(_slot_words(f"words/{name}.txt"))
        except FileNotFoundError:
            raise DataFileError(relpath, lineno, f"the slot {{{name}}} names no word list (data/words/{name}.txt)") from None
    pieces = _SLOT.split(line)  # text, name, text, name, ..., text
    found = []
    for words in product(*lists):
        text = "".join(piece if k % 2 == 0 else words[k // 2] for k, piece in enumerate(pieces))
        found.append((text, tuple(zip(names, words, strict=True))))
    return found


@lru_cache(maxsize=None)
def _slot_words(relpath: str) -> tuple[str, ...]:
    """A slot's word list, in the file's order (:func:`word_list` gives a set)."""
    return tuple(entry for _lineno, entry in entries(relpath))


def _source_sections(relpath: str, text: str | None) -> list[tuple[int, str | None]]:
    """The ``# source:`` comments of a phrase file: line number and source (``None`` for ``*``)."""
    if text is None:
        text = _data_text(relpath)
    sections: list[tuple[int, str | None]] = []
    for lineno, line in enumerate(text.split("\n"), start=1):
        if line.startswith(SOURCE_SECTION):
            name = line[len(SOURCE_SECTION):].strip()
            if not name:
                raise DataFileError(relpath, lineno, "'# source:' names no source; write '# source: example.com', or '# source: *'")
            sections.append((lineno, None if name == "*" else name))
    return sections


@lru_cache(maxsize=None)
def phrases() -> tuple[Phrase, ...]:
    """All bundled boilerplate phrases, from every file in ``data/boilerplate``."""
    return tuple(p for relpath in data_files("boilerplate") for p in parse_phrases(relpath, cite=False, slots=True))


@lru_cache(maxsize=None)
def months() -> tuple[Month, ...]:
    """The month names: ``number <TAB> name <TAB> system``."""
    relpath = "months/months.tsv"
    found = []
    for lineno, line in entries(relpath):
        number, name, system = _fields(relpath, lineno, line, 3)
        if not number.isdigit() or not 1 <= int(number) <= 12:
            raise DataFileError(relpath, lineno, f"month number must be 1-12, found {number!r}")
        found.append(Month(int(number), name, system))
    return tuple(found)
