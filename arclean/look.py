"""The first look at a text: which character rules could change it, found once.

Most character rules can only change a text that holds one of a few rare
characters (their *gate class*: mojibake's lead bytes, invisible marks,
tatweel, quotation marks) or one of a few substrings (their *needles*: a
carriage return, two spaces, a space before a comma).  One look at a text
finds which gate classes and which needles it holds; a run of character
rules is then *planned* from the look: only the steps whose gate and needles
the text holds run, the others would return the text as it is.  The look is
taken again only after a step changed the text.

>>> bits = {rule.code: gate_bit(rule.gate) for rule in RULES if rule.gate is not None}
>>> look = Look("قال: «نعم»  ، والـسلام")
>>> [code for code, bit in bits.items() if look.gates & bit]
['L201', 'P102', 'Q102', 'Q101', 'Q103']
"""

from __future__ import annotations

import re
from array import array
from functools import lru_cache
from typing import Callable, Generic, Protocol, Sequence, TypeVar

from ._compiled import speedups
from .registry import RULES

#: Runs of the characters most of an Arabic text is made of: ASCII and the basic
#: Arabic letters.  What is left (marks, tatweel, Arabic punctuation, digits,
#: typographic quotes, and every character a repair or a character rule looks
#: for) is a few dozen characters a document.
_COMMON_RUN = re.compile("[\x00-\x7f\u0621-\u063a\u0641-\u064a]+")
_COMMON = "".join(map(chr, range(0x80))) + "".join(map(chr, [*range(0x621, 0x63B), *range(0x641, 0x64B)]))


def first_look(text: str) -> str:
    """The text's rare characters: every character but ASCII and the basic
    Arabic letters, in order (one scan; the gates are looked up in this).

    >>> first_look("قال: «نعم» ، والـسلام")
    '«»،ـ'
    """
    return _COMMON_RUN.sub("", text)


#: The pure-Python first look: the reference the compiled core is checked against.
python_first_look = first_look
if speedups is not None:
    first_look = speedups.first_look  # noqa: F811
    _rare_gates = speedups.rare_gates  # gates_of(first_look(text)) in one scan: see Look


#: Every rule's needles (``Rule.needles``) and the substrings rules' own first looks ask
#: about (``Rule.looks_for``), each once: a text is searched for all of them in one scan.
NEEDLES: tuple[str, ...] = tuple(dict.fromkeys(needle for rule in RULES for needle in (*rule.needles, *rule.looks_for)))


def python_needles_in(text: str, needles: tuple[str, ...] = NEEDLES) -> int:
    """Which of the needles the text holds, read with a line feed before and
    after it: bit ``k`` for ``needles[k]``.

    >>> bin(python_needles_in(" أ  ب", ("  ", "\\t", "\\n ")))
    '0b101'
    """
    framed = f"\n{text}\n"
    return sum(1 << k for k, needle in enumerate(needles) if needle in framed)


#: Do the steps skip a rule whose needles a text does not hold?  With the compiled
#: core, whose one scan finds them all; in pure Python each rule's own first check
#: (a substring test or two) is as quick as looking for its needles.
NEEDLES_GATE = speedups is not None and len(NEEDLES) <= 64
needles_in = python_needles_in
if speedups is not None:
    _compiled_needles_in = speedups.needles_in

    def needles_in(text: str, needles: tuple[str, ...] = NEEDLES) -> int:  # noqa: F811 (one scan for them all)
        return int(_compiled_needles_in(text, needles, True))


#: The last look's text and needles (``Look.needles``), for :func:`needles_of`: one tuple,
#: replaced whole (by a look in another thread too: a text is known by its identity, so
#: an answer is never another text's).  Only a text of at most ``_KEPT_CHARS`` is kept:
#: a look holds on to no large text.
_last: tuple[object, int] = (None, 0)
_KEPT_CHARS = 1 << 16


def needles_of(text: str) -> int:
    """The needles the text holds, as ``Look(text).needles``: the last look's answer
    when it was taken of this very text (a pipeline's rule runs on the text it has
    just looked at), else found by a scan.

    >>> text = "في شهر ديسميبر  "
    >>> look = Look(text)
    >>> needles_of(text) == needles_in(text), needles_of(text.strip()) == needles_in(text.strip())
    (True, True)
    """
    last, found = _last
    return found if last is text else needles_in(text)


def needle_reader(*groups: Sequence[str]) -> tuple[Callable[[str], int], tuple[int, ...]] | None:
    """For a rule whose own first look asks about substrings (``Rule.looks_for``):
    :func:`needles_of`, and the bits of each group of its substrings in its answer;
    None when the look does not find them all (pure Python, or past 64 needles),
    and the rule looks for them itself.

    >>> reader = needle_reader(("““",), ("””",))
    >>> reader is None or reader[0]("قال ““نعم””") & reader[1][1] == reader[1][1]
    True
    """
    bits = tuple(needle_bits(group) for group in groups)
    return (needles_of, bits) if all(bits) else None


def needle_bits(needles: Sequence[str]) -> int:
    """The bits of these needles in :data:`NEEDLES` (0 when a look finds no
    needles, in pure Python, or for one not among them: the rule always runs).

    >>> needle_bits(("\\r",)) == (1 << NEEDLES.index("\\r") if NEEDLES_GATE else 0)
    True
    """
    if not NEEDLES_GATE or not all(needle in NEEDLES for needle in needles):
        return 0
    return sum(1 << NEEDLES.index(needle) for needle in set(needles))


# --- gate classes -------------------------------------------------------------------------
#: One character class, written as one character or one bracketed set: its
#: search in a text finds a character of the class and nothing longer.
_ONE_CHARACTER = re.compile(r"[^\[\]\\.^$*+?{}()|]|\[[^\[\]\\^]+\]", re.DOTALL)


@lru_cache(maxsize=None)
def gate_class(gate: Callable[[], re.Pattern[str]]) -> re.Pattern[str] | None:
    """A rule's gate class (its ``RULES`` row's ``gate``), if it can serve as a
    gate: a class of single characters that matches none of the common
    characters, as then a text holds one of its characters exactly when the
    first look holds one.

    >>> gate_class(lambda: re.compile("[«»]")).pattern, gate_class(lambda: re.compile("[a«]"))
    ('[«»]', None)
    """
    pattern = gate()
    if not _ONE_CHARACTER.fullmatch(pattern.pattern):
        return None
    return None if any(pattern.match(char) for char in _COMMON) else pattern


class _Gates:
    """The gate classes known, bit ``k`` for ``classes[k]``, and each rare
    character's gate bits, found on first sight.  A new class makes a new
    ``_Gates`` (never changed in place): a look taken in one thread while a
    pipeline is bound in another reads one of them whole, and a character's
    bits found under the old classes go with the old object."""

    __slots__ = ("classes", "chars", "low")

    def __init__(self, classes: tuple[re.Pattern[str], ...]) -> None:
        self.classes = classes
        self.chars: dict[str, int] = {}
        #: For the compiled core's one scan (``rare_gates``): the gate bits of every
        #: character below U+0800 (0 for the common ones, as the first look leaves them
        #: out), a native uint64 each, made at the first look (b"" until then: the
        #: bundled classes are bound one by one at import).  None in pure Python, or
        #: past 64 classes.
        self.low: bytes | None = b"" if speedups is not None and len(classes) <= 64 else None

    def made_low(self) -> bytes:
        """``low``, made now if it is not yet (a look in another thread may make it too: the same bytes)."""
        if not self.low:
            self.low = array("Q", (0 if char in _COMMON else _bits(self.classes, char) for char in map(chr, range(_LOW)))).tobytes()
        return self.low


#: The characters below this one have their gate bits in a table (``_Gates.low``).
_LOW = 0x800


def _bits(classes: tuple[re.Pattern[str], ...], char: str) -> int:
    return sum(1 << k for k, pattern in enumerate(classes) if pattern.match(char))


_gates = _Gates(())
#: Rare characters whose gate bits are remembered at most (any beyond clear the memory).
_MAX_CHARS = 1 << 14


def gate_bit(gate: Callable[[], re.Pattern[str]]) -> int:
    """The bit of a rule's gate class in a look's ``gates``; 0 for a gate that
    cannot serve as one (the rule always runs).  The bundled rules' classes are
    known from import on; another rule's, from when its step is bound."""
    global _gates
    pattern = gate_class(gate)
    if pattern is None:
        return 0
    known = _gates
    if pattern not in known.classes:
        known = _gates = _Gates((*known.classes, pattern))
    return 1 << known.classes.index(pattern)


def gates_of(chars: str) -> int:
    """The bits of the gate classes that hold one of these characters.

    >>> bit = gate_bit(lambda: re.compile("ـ"))
    >>> gates_of("«ـ،") & bit == bit, gates_of("«،") & bit
    (True, 0)
    """
    bits = 0
    gates = _gates  # one state throughout, whatever another thread binds meanwhile
    known = gates.chars
    for char in set(chars):
        found = known.get(char)
        if found is None:
            if len(known) >= _MAX_CHARS:
                known.clear()
            found = known[char] = _bits(gates.classes, char)
        bits |= found
    return bits


for _rule in RULES:  # the bundled classes, in the rules' order
    if _rule.gate is not None:
        gate_bit(_rule.gate)


class Look:
    """What one look at a text found: the gate classes and needles it holds.
    Taken once a text, and again only after a rule changed it.  It knows the
    gate classes known when it was taken: those of every bound step, as a
    step is bound (:func:`gate_bit`) before a text is looked at."""

    __slots__ = ("gates", "needles")

    def __init__(self, text: str) -> None:
        gates = _gates  # one state throughout, as in gates_of
        low = gates.low
        found = None if low is None else _rare_gates(text, low or gates.made_low(), gates.chars)
        self.gates = gates_of(first_look(text)) if found is None else found
        self.needles = _compiled_needles_in(text, NEEDLES, True) if NEEDLES_GATE else -1
        if NEEDLES_GATE and len(text) <= _KEPT_CHARS:
            global _last
            _last = (text, self.needles)

    def of_lines(self, text: str) -> Look:
        """The look of a text made of some of this look's text's lines, in their order
        (what line rules leave: they drop whole lines, and may end the text with a line
        feed), found without a scan of it.  Every character of the text was in the
        lines, and so was every needle but one that spans two lines or more
        (:data:`ACROSS_LINES`, looked for in the text): the look may open a step the
        text no longer needs (the step gives the text back), never close one it needs.

        >>> text = "قال «نعم»  \\n\\nاترك رد\\n\\nنص"
        >>> kept = "قال «نعم»  \\n\\n\\nنص"  # a blank run now, where the comment form was
        >>> look, fresh = Look(text).of_lines(kept), Look(kept)
        >>> look.gates == fresh.gates, look.needles == fresh.needles
        (True, True)
        """
        look = Look.__new__(Look)
        look.gates, look.needles = self.gates, self.needles
        if self.needles >= 0:  # needles found (the compiled core): those across lines looked for anew
            framed = f"\n{text}\n" if _ACROSS_LINES else ""
            for needle, bit in _ACROSS_LINES:
                if needle in framed:
                    look.needles |= bit
            if len(text) <= _KEPT_CHARS:
                global _last
                _last = (text, look.needles)
        return look

    def opens(self, step: Gated) -> bool:
        """Can the step change the text?  Not when it has a gate class or
        needles and the text holds none of them; for a step that opens on
        ``either``, not when the text holds neither."""
        if step.either:
            return bool(step.gate & self.gates) or bool(step.needles & self.needles)
        return (not step.gate or bool(step.gate & self.gates)) and (not step.needles or bool(step.needles & self.needles))


def _spans_lines(needle: str) -> bool:
    """May the needle stand in a text made of some of another's lines when it
    stands nowhere in the other?  Only if it spans two lines (a line feed inside
    it, not at its edge) or more (two line feeds): within one line and the line
    feeds around it, it stands in the other text too, where each line is framed
    by line feeds as well.

    >>> _spans_lines("\\n\\n\\n"), _spans_lines(".\\nو"), _spans_lines(" \\n"), _spans_lines("\\n "), _spans_lines("  ")
    (True, True, False, False, False)
    """
    return needle.count("\n") >= 2 or "\n" in needle[1:-1]


#: The needles (and their bits in a look's ``needles``) that dropping lines can bring
#: together: what :meth:`Look.of_lines` looks for.  Today one: three line feeds, a blank run.
ACROSS_LINES: tuple[str, ...] = tuple(needle for needle in NEEDLES if _spans_lines(needle))
_ACROSS_LINES = tuple((needle, 1 << NEEDLES.index(needle)) for needle in ACROSS_LINES) if NEEDLES_GATE else ()


class Gated(Protocol):
    """A step as the plan sees it: its gate class's bit and its needles' bits (0: none),
    and whether it opens on either (``Rule.either``)."""

    @property
    def gate(self) -> int: ...
    @property
    def needles(self) -> int: ...
    @property
    def either(self) -> bool: ...


_Step = TypeVar("_Step", bound=Gated)


class Plan(Generic[_Step]):
    """A run of character steps, planned from a text's look: the indexes of
    the steps that may change it (found once for each look that differs in
    what it opens).

    >>> from arclean.pipeline import Pipeline
    >>> steps = Pipeline(["L201", "W106"]).steps
    >>> Plan(steps).open(Look("نص")), Plan(steps).open(Look("نـص"))
    ((1,), (0, 1))
    """

    __slots__ = ("steps", "plans")
    #: Plans remembered at most (any beyond clear the memory).
    _MAX_PLANS = 1 << 12

    def __init__(self, steps: Sequence[_Step]) -> None:
        self.steps = steps
        #: The plans found, by look: ``(look.gates, look.needles)`` to what :meth:`open`
        #: gives.  A run of steps reads a plan here first (a method call costs a page
        #: of real text half a per cent) and asks :meth:`open` only for a look not met yet.
        self.plans: dict[tuple[int, int], tuple[int, ...]] = {}

    def open(self, look: Look) -> tuple[int, ...]:
        key = (look.gates, look.needles)
        found = self.plans.get(key)
        if found is None:
            if len(self.plans) >= self._MAX_PLANS:
                self.plans.clear()
            found = self.plans[key] = tuple(k for k, step in enumerate(self.steps) if look.opens(step))
        return found
