"""The rule table: every normalizer arclean has, in the order the pipeline runs them.

One row a rule: a stable code (see :data:`FAMILIES` for what its letter and
hundreds mean; never reused), the function, whether it is on by default, and
the names of the configuration fields it takes.  The rule's name and summary
come from the function, so the table, ``arclean rules``, the reports and the
docs (``docs/rules.md`` and the README's table, generated from this table by
``python -m tests.rule_docs``) cannot disagree.

Order matters and is deliberate: entities and encoding repairs first (they
create the characters every later rule reads; entities first, since a
reference can spell a broken character), then characters, then spacing (B105, which
drops a headline ticker by the runs of spaces between its headlines, just before W103
folds them), then the
line rules (which compare lines after their characters are clean), then the
quote rules (after residue lines that could unbalance them are gone), and the
blank-line rules last (the line rules leave blank runs behind).  The rules that judge
the whole document's language before they change a line (I102, L102, L103:
``whole_document``) run again, with the character rules after them, when the line
rules drop lines, which may have swayed that judgement.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from typing import Callable

from .errors import ConfigError
from .normalizers import invisible, letters, punctuation, quotes, search, whitespace
from .normalizers.encoding import entities, mojibake
from .normalizers.residue import boilerplate, counters, duplicates, icons, post_numbers, related, tail, tickers
from .normalizers.residue.page import Page
from .normalizers.spelling import months, typos


@dataclass(frozen=True)
class Rule:
    """A named normalizer: ``function(text, **options) -> text``."""

    code: str
    function: Callable[..., str]
    default: bool
    options: tuple[str, ...] = ()
    suggest: Callable[..., list[typos.Suggestion]] | None = None
    #: For a line rule, its decision over the page model: a pipeline runs a
    #: run of line rules on one analysis instead of each analysing the text.
    decide: Callable[[Page], Page] | None = None
    #: For a rule whose first check is "does the text hold one of these
    #: characters?": that character class (a function, as it may come from a
    #: data file, read on first use).  The pipeline skips the rule on a text
    #: that holds none of them; a rule without one always runs.
    gate: Callable[[], re.Pattern[str]] | None = None
    #: For a rule that can only change a text holding one of these substrings, the
    #: text read with a line feed before and after it (so ``"\n "`` also finds a space
    #: the text starts with): the pipeline skips the rule on a text that holds none
    #: of them (one scan a text for every rule's, in the compiled core).
    needles: tuple[str, ...] = ()
    #: For a rule whose own first look asks which of a few substrings a text holds (it
    #: runs either way, and reads the answer to choose its work): those substrings.
    #: The pipeline's one look at a text looks for them with every rule's needles,
    #: and the rule reads the look's answer (``arclean.look.needles_of``) rather than
    #: scanning the text again.
    looks_for: tuple[str, ...] = ()
    #: For a rule with both a ``gate`` and ``needles``: it can change a text holding a
    #: character of its gate class *or* one of its needles, and the pipeline skips it
    #: only on a text holding neither (without ``either``: a text must hold both).
    either: bool = False
    #: For a line rule: it only ever drops lines of a residue kind (never a blank or
    #: content line), so on a quiet page (``residue.context.is_quiet``) it drops nothing
    #: and the pipeline need not ask it.
    residue_only: bool = False
    #: For a character rule that judges the whole document before it changes a line (is it
    #: Persian, Urdu or Kurdish?): lines the line rules drop (a Persian footer under an
    #: Arabic article) may have swayed that judgement.  When a run of line rules drops a
    #: line, the pipeline runs the character run before it again from the first such rule
    #: on, on the text the line rules left, so a second clean finds nothing more to do.
    whole_document: bool = False

    @property
    def name(self) -> str:
        """The function's name in kebab case: ``remove-decorative-tatweel``."""
        return self.function.__name__.replace("_", "-")

    @property
    def doc(self) -> str:
        """The function's docstring, dedented."""
        doc = self.function.__doc__ or ""
        first, _, rest = doc.partition("\n")
        return (first.strip() + "\n" + textwrap.dedent(rest)).strip()

    @property
    def summary(self) -> str:
        """The first sentence of the docstring, on one line."""
        paragraph = " ".join(self.doc.split("\n\n", 1)[0].split())
        sentence = re.split(r"(?<=\.)\s", paragraph, maxsplit=1)[0]
        return sentence.replace("``", "")


ON, OFF = True, False
BOILERPLATE = ("boilerplate",)

RULES: tuple[Rule, ...] = (
    Rule("E201", entities.decode_html_entities, ON, needles=entities.AMPERSAND_NEEDLES),
    Rule("E101", mojibake.repair_utf8_shown_as_cp1252, ON, gate=mojibake.utf8_lead_bytes),
    Rule("E102", mojibake.repair_utf8_shown_as_cp1256, ON, gate=mojibake.cp1256_symbols),
    Rule("E103", mojibake.repair_cp1256_shown_as_latin, ON, gate=mojibake.latin_showing_arabic),
    Rule("I101", invisible.remove_invisible_characters, ON, gate=invisible.invisible_characters),
    Rule("I102", invisible.remove_zwnj_in_arabic, ON, gate=invisible.zwnj, whole_document=True),
    Rule("W101", whitespace.normalize_line_endings, ON, needles=whitespace.LINE_ENDING_NEEDLES),
    Rule("W102", whitespace.replace_unicode_spaces, ON, gate=whitespace.unicode_spaces),
    # B105 reads the runs of spaces between a ticker's headlines, which W103 folds.
    Rule("B105", tickers.remove_headline_tickers, ON, needles=tickers.NEEDLES),
    Rule("W103", whitespace.collapse_spaces, ON, needles=whitespace.SPACE_RUN_NEEDLES),
    Rule("W104", whitespace.strip_lines, ON, needles=whitespace.EDGE_SPACE_NEEDLES),
    Rule("L101", letters.normalize_presentation_forms, ON, ("expand_ligatures",), gate=letters.presentation_forms),
    Rule("L102", letters.replace_persian_letters, ON, gate=letters.persian_letters, whole_document=True),
    Rule("L103", letters.replace_persian_digits, ON, gate=letters.persian_digits, whole_document=True),
    Rule("L201", letters.remove_decorative_tatweel, ON, gate=letters.tatweel),
    Rule("S104", search.remove_diacritics, OFF),
    Rule("S105", search.remove_all_tatweel, OFF),
    Rule("S107", search.remove_quranic_annotations, OFF),
    Rule("P101", punctuation.remove_space_before_arabic_punctuation, ON, needles=punctuation.SPACE_BEFORE_MARK_NEEDLES),
    Rule("P102", punctuation.add_space_after_arabic_punctuation, ON, gate=punctuation.arabic_marks),
    Rule("P201", punctuation.remove_space_before_latin_punctuation, OFF),
    Rule("P202", punctuation.remove_space_inside_brackets, OFF),
    Rule("P203", punctuation.use_arabic_punctuation, OFF),
    Rule("P204", punctuation.collapse_repeated_marks, OFF),
    Rule("P205", punctuation.add_space_after_latin_punctuation, OFF),
    Rule("T101", months.fix_month_misspellings, ON, gate=months.other_digits, needles=months.TRIGGER_NEEDLES, either=True),
    Rule("T102", months.join_month_pairs, ON, needles=months.PAIR_NEEDLES),
    Rule("T201", typos.fix_common_typos, OFF, ("typos",), suggest=typos.suggest_common_typos),
    # The search rules run before the line rules, so that a line they change (a number left
    # bare when its marks go) is judged as it will stay; those that delete marks (S104, S105,
    # S107) run before punctuation spacing and month names too, which judge a word by its
    # neighbours as the deletions leave them.  A second clean finds nothing.
    Rule("S101", search.unify_alef, OFF),
    Rule("S102", search.alef_maksura_to_yeh, OFF),
    Rule("S103", search.teh_marbuta_to_heh, OFF),
    Rule("S106", search.ascii_digits, OFF),
    # B209 and B210 edit lines where the line rules drop lines: they run before them, so that those judge a post's lines as they stay.
    Rule("B209", icons.remove_post_icon_labels, ON, BOILERPLATE, needles=icons.NEEDLES),
    Rule("B210", post_numbers.remove_post_numbers, ON, BOILERPLATE, needles=post_numbers.NEEDLES),
    Rule("B301", tail.cut_page_tail, ON, BOILERPLATE, decide=tail.cut_tail, residue_only=True),
    Rule("B203", related.remove_related_blocks, ON, BOILERPLATE, decide=related.drop_related_blocks, residue_only=True),
    Rule("B201", boilerplate.remove_comment_forms, ON, BOILERPLATE, decide=boilerplate.drop_comment_forms, residue_only=True),
    Rule("B202", boilerplate.remove_share_bars, ON, BOILERPLATE, decide=boilerplate.drop_share_bars, residue_only=True),
    Rule("B204", boilerplate.remove_page_footers, ON, BOILERPLATE, decide=boilerplate.drop_page_footers, residue_only=True),
    Rule("B205", boilerplate.remove_widgets, ON, BOILERPLATE, decide=boilerplate.drop_widgets, residue_only=True),
    Rule("B206", boilerplate.remove_head_chrome, ON, BOILERPLATE, decide=boilerplate.drop_head_chrome, residue_only=True),
    Rule("B207", boilerplate.remove_forum_chrome, ON, BOILERPLATE, decide=boilerplate.drop_forum_chrome, residue_only=True),
    Rule("B208", boilerplate.remove_paywall_prompts, ON, BOILERPLATE, decide=boilerplate.drop_paywall_prompts, residue_only=True),
    Rule("B101", duplicates.remove_repeated_title, ON, decide=duplicates.drop_repeated_title),
    Rule("B102", duplicates.remove_repeated_paragraphs, ON, decide=duplicates.drop_repeated_paragraphs),
    Rule("B103", counters.remove_counter_lines, ON, BOILERPLATE, decide=counters.drop_counter_lines, residue_only=True),
    Rule("B104", boilerplate.remove_breadcrumbs, OFF, decide=boilerplate.drop_breadcrumbs),
    Rule("Q102", quotes.reduce_doubled_quotes, ON, gate=quotes.double_quotation_marks, needles=quotes.DOUBLED_NEEDLES),
    Rule("Q101", quotes.fix_quote_shapes, ON, gate=quotes.quotation_marks),
    Rule("Q103", quotes.convert_minority_quotes, ON, gate=quotes.double_quotation_marks, looks_for=quotes.DOUBLE_MARKS),
    Rule("Q201", quotes.convert_quote_style, OFF, ("quote_style",)),
    Rule("W105", whitespace.collapse_blank_lines, ON, needles=whitespace.BLANK_RUN_NEEDLES),
    Rule("W106", whitespace.trim_document, ON),
)

BY_CODE: dict[str, Rule] = {rule.code: rule for rule in RULES}

#: The numbering scheme, as docs/rules.md shows it above the table of :data:`FAMILIES`.
NUMBERING = """\
A code is a family letter, a group digit (the hundreds) and two digits that number the group's
rules in the order they were added (not the order they run in: that is the order of the rule
table). Codes are never reused. The group says what kind of rule it is *within its family*; it
does not say whether the rule is on: that is the rule's default alone. In P, Q and T the 2xx
rules happen to be the opt-in ones (a house style, a lexicon), but E201, L201 and B201-B210 are
on, and B104 is off."""

#: Each family letter: the family, and what the rules of each group digit do.
FAMILIES: dict[str, tuple[str, dict[str, str]]] = {
    "E": ("encoding", {
        "1": "mojibake: Arabic text decoded with the wrong code page",
        "2": "HTML character references",
    }),
    "I": ("invisible characters", {"1": "zero-width, bidi and other invisible characters"}),
    "W": ("white space and lines", {"1": "spaces, line endings and blank lines"}),
    "L": ("letters", {
        "1": "letter and digit forms: presentation forms, Persian look-alike letters and digits",
        "2": "tatweel (kashida)",
    }),
    "P": ("punctuation spacing", {
        "1": "spacing around Arabic punctuation",
        "2": "Latin punctuation, brackets and repeated marks: a house style, opt-in",
    }),
    "T": ("typos and month names", {"1": "month names", "2": "common typos, from a lexicon: opt-in"}),
    "B": ("page residue (boilerplate), judged on the page model", {
        "1": "lines judged by the page itself: a repeated title or paragraph, counter lines, breadcrumbs, "
             "headline tickers (B105 reads a ticker's spacing, so it runs before W103 folds it)",
        "2": "lines of a kind the phrase lists name (data/boilerplate): comment forms, share bars, "
             "related blocks, footers, widgets, chrome, paywall prompts; and a forum post's icon label "
             "glued to its title and its number (B209, B210, which run before the line rules)",
        "3": "the end-of-page cut",
    }),
    "Q": ("quotation marks", {"1": "misshapen, doubled and minority-style quotation marks", "2": "quotation style: opt-in"}),
    "S": ("the lossy search profile", {"1": 'search normalizations that lose information: opt-in (profile="search")'}),
}

#: Codes of rules taken out, and what they did: never given to another rule.
RETIRED: dict[str, str] = {}

#: Named sets of extra rules: ``clean(text, profile="search")``.
PROFILES: dict[str, tuple[str, ...]] = {"search": ("S",)}


def expand(selectors: tuple[str, ...] | list[str], *, setting: str = "select") -> list[Rule]:
    """The rules matching codes or code prefixes (``"B"``, ``"T1"``, ``"W103"``, ``"ALL"``).

    >>> [rule.code for rule in expand(["T1", "W105"])]
    ['T101', 'T102', 'W105']
    """
    chosen = set()
    for selector in selectors:
        matched = [rule.code for rule in RULES if selector == "ALL" or rule.code.startswith(selector)]
        if not matched or not selector:
            raise ConfigError(f'{setting}: unknown rule code "{selector}"; run "arclean rules" to list codes.')
        chosen.update(matched)
    return [rule for rule in RULES if rule.code in chosen]


def select_rules(
    select: tuple[str, ...] | list[str] | None = None,
    ignore: tuple[str, ...] | list[str] = (),
    extend_select: tuple[str, ...] | list[str] = (),
    profile: str | None = None,
) -> list[Rule]:
    """Resolve a selection as ruff does: ``select`` replaces the default set,
    ``extend_select`` and ``profile`` add to it, ``ignore`` removes from it.
    The result keeps the table's order.

    >>> [rule.code for rule in select_rules(select=["W"], ignore=["W103"])]
    ['W101', 'W102', 'W104', 'W105', 'W106']
    """
    base = expand(select) if select is not None else [rule for rule in RULES if rule.default]
    extra = list(extend_select)
    if profile is not None:
        if profile not in PROFILES:
            raise ConfigError(f'profile: unknown profile "{profile}"; choose one of {sorted(PROFILES)}.')
        extra += PROFILES[profile]
    codes = {rule.code for rule in base} | {rule.code for rule in expand(extra, setting="extend-select")}
    codes -= {rule.code for rule in expand(ignore, setting="ignore")}
    return [rule for rule in RULES if rule.code in codes]
