"""Page residue (family B), decided on one page model.

The model: :mod:`.page` (``Line``, ``Page``, ``Kind``, ``Region``, ``Guard``), :mod:`.analysis`
(text to page), :mod:`.lines` (what a line is alone: a listed phrase, a counter, chrome words),
:mod:`.context` (what it is among its neighbours), :mod:`.title` (the title and its copies).
The rules, each a ``decide(page) -> page`` beside its ``str -> str`` form: :mod:`.boilerplate`
(comment forms, share bars, footers, widgets, head and forum chrome, paywalls, breadcrumbs),
:mod:`.related` (read-also blocks), :mod:`.tail` (the page's tail), :mod:`.duplicates` (a
repeated title or paragraph) and :mod:`.counters` (counter lines).
"""
