"""Spelling (family T): misspelled months (:mod:`.months`, on by default) and the common
typos lexicon (:mod:`.typos`, opt-in)."""
