"""The rules, one module (or subpackage) per family, named by the code letter's meaning:

=========  ====================  ===================================================
letter     module                what the family fixes
=========  ====================  ===================================================
E          :mod:`.encoding`      mojibake and HTML entities
I          :mod:`.invisible`     invisible and bidi characters
W          :mod:`.whitespace`    spaces, line ends, blank lines
L          :mod:`.letters`       presentation forms, Persian letters and digits, tatweel
P          :mod:`.punctuation`   spacing and shapes of punctuation
T          :mod:`.spelling`      misspelled months, common typos
B          :mod:`.residue`       page residue, decided on the page model
Q          :mod:`.quotes`        quote shapes and balance
S          :mod:`.search`        lossy normalizations for search (opt-in)
=========  ====================  ===================================================

Each rule is a pure ``str -> str`` function; :mod:`arclean.registry` names it.
"""
