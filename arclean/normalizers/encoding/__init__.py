"""Encoding repairs (family E): mojibake (:mod:`.mojibake`) and HTML entities (:mod:`.entities`)."""
