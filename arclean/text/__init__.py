"""Shared text tools, one fact each: folding and skeletons (:mod:`.folding`), character
classes (:mod:`.chars`), clitics (:mod:`.clitics`) and the language of a paragraph
(:mod:`.language`)."""
