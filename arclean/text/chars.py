"""Character classes and compiled regular expressions shared by the normalizers.

Every pattern that more than one module needs lives here, built from the
character classes below, so that "what counts as an Arabic letter" has one
answer in the whole package.  Patterns use the standard ``re`` module, which
scans character classes about five times faster than ``regex`` on Arabic text;
``regex`` is kept for the one rule that needs a variable-length look-behind
(tatweel).  No pattern can backtrack super-linearly (tests/test_linear_time.py
checks every rule on adversarial inputs).
"""

from __future__ import annotations

import re

#: Arabic letters, base forms (hamza, alef … yeh, the extended Arabic letters
#: used by Persian and Urdu).  Presentation forms are not included: rule L101
#: maps them to these before any other letter rule runs.
ARABIC_LETTERS = (
    "\u0621-\u063a"  # HAMZA … GHAIN (and the rare 063B-063F letters)
    "\u0641-\u064a"  # FEH … YEH
    "\u066e\u066f"  # DOTLESS BEH, DOTLESS QAF
    "\u0671-\u06d3"  # ALEF WASLA … YEH BARREE WITH HAMZA ABOVE
    "\u06d5"  # AE
    "\u06ee\u06ef\u06fa-\u06fc\u06ff"
)

#: Combining marks written on Arabic letters: harakat, shadda, sukun, dagger
#: alef, Quranic annotation signs.
ARABIC_MARKS = (
    "\u0610-\u061a"
    "\u064b-\u065f"  # FATHATAN … WAVY HAMZA BELOW
    "\u0670"  # SUPERSCRIPT (dagger) ALEF
    "\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
)

TATWEEL = "\N{ARABIC TATWEEL}"

#: The quotation marks the quote rules (Q101-Q103) reshape, pair and convert: “ ” ‘ ’ « » ‹ › „ ‚ " '.
QUOTATION_MARKS = "\u201c\u201d\u2018\u2019\u00ab\u00bb\u2039\u203a\u201e\u201a\"'"
#: The same marks, as a set (a character looked up in it).
QUOTATION_MARK_SET = frozenset(QUOTATION_MARKS)

#: Western, Arabic-Indic and Extended (Persian) digits.
DIGITS = "0-9\u0660-\u0669\u06f0-\u06f9"

#: Any decimal digit, of any script (``\d``): does a line hold a number at all?
ANY_DIGIT = re.compile(r"\d")

#: A line that holds nothing but a number (a stray counter).
BARE_NUMBER_LINE = re.compile(f"[{DIGITS}]{{1,7}}")
