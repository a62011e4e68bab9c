/* arclean._speedups: C versions of the hottest primitives, one file an idea:
 * text.c (first look, folding, skeletons, doubled lines, a mark before a letter), needles.c, line_diff.c
 * (explain's diff), dates.c (T101's scan), page.c (a short page's lines, classified),
 * short_line.c (a short line's classification, for the lines no special test may take),
 * copies.c (the first looks for a title's copies and a repeated paragraph), quotes.c
 * (the quote shapes' first look);
 * this file makes the module.
 *
 * Built when a C compiler is present (see setup.py); arclean works without it,
 * with the pure-Python functions, which stay the reference: tests/test_speed.py
 * checks that both give the same result for every code point and for noise.
 *
 *   first_look(text)          look.first_look: the characters that are neither
 *                             ASCII nor basic Arabic letters (U+0621-U+063A,
 *                             U+0641-U+064A), in order.
 *   rare_gates(text, low, known)
 *                             look.gates_of(first_look(text)) in one scan: the gate bits
 *                             of each character below U+0800 from a table, of the others
 *                             from the dict gates_of fills (None if one is not in it).
 *   fold_text(text)           text.folding.fold_text: marks, tatweel and joiners dropped,
 *                             letter variants, digits and case folded.
 *   skeleton_of_folded(text)  text.folding.skeleton_of_folded: the runs of letters and
 *                             digits (what the regex [^\W_]+ matches) joined by
 *                             single spaces.
 *   line_opcodes(a, b)        difflib.SequenceMatcher(None, a, b).get_opcodes() for lists
 *                             of str, b of fewer than LINE_OPCODES_MAX_B (200) items.
 *   page_changes(before, after, origin)
 *                             changes.line_changes without the shared lines set aside:
 *                             each change as (line, before, after), and the origin of
 *                             after's lines (origin itself, as a list or tuple, when both
 *                             have as many lines); None when the line counts differ and
 *                             after has LINE_OPCODES_MAX_B lines or more.
 *   anchor_ends(text, words, article, reach)
 *                             months._anchor_ends: where each match of months._ANCHOR
 *                             found from an anchor word ends (after set_date_classes).
 *   date_words(text)          the words T101 looks at beside numbers (a day's, a year's),
 *                             after set_date_classes(digits, letters, clitics, separators,
 *                             spaces, min_letters, look_back).
 *   dates_known(known, words, article, reach, text, anchored)
 *                             T101's fast path: is every run of letters date_words finds
 *                             (and, when anchored, each word after anchor_ends) in the set
 *                             known (the runs months._correction found no fix for)?
 *   doubled_key(key)          title._is_doubled_key: a skeleton of four words or more
 *                             whose first half of words is its last half.
 *   first_word_comes_back(folded)
 *                             title.python_first_word_comes_back: the folded line's first run
 *                             of letters and digits found again after it.
 *   first_word_comes_back_unfolded(text)
 *                             first_word_comes_back(fold_text(text)), the text folded as it
 *                             is read (the copy look's test of a line not folded yet).
 *   followed_by(text, marks, followers)
 *                             does a character of marks stand right before one of followers
 *                             (punctuation.python_mark_before_letter's question)?
 *   classify_lines(text, classify_short, classify, matcher, blank, forum, short_max, prose, known,
 *                  kept)
 *                             analysis.analyze_alone's loop (page.c): the text's lines
 *                             (analysis.page_lines), each folded and classified once a page
 *                             by the functions given, a short one found in known (by its
 *                             text) or kept there; returns the Lines, the indexes of the
 *                             non-blank ones, whether a forum line was met, and each line's
 *                             Line.
 *   short_line(text, folded, how)
 *                             analysis.classify for a short line no phrase, counter,
 *                             copyright notice, label, breadcrumb, separator or list mark
 *                             may be (short_line.c): its Line; None for the others.
 *   plain_lines(lines, blank, content)
 *                             context.python_plain_lines (page.c): is every line blank, or
 *                             content without a chrome word?
 *   quiet_page(text, classify, copies, slack)
 *                             quiet.python_quiet_page for a short text (page.c): None when
 *                             its lines, classified by classify_lines, are all plain, no
 *                             forum line among them, and no_copies and first_repeat find no
 *                             line that may copy or repeat another; else classify_lines'
 *                             items and no_copies' answer (None: not asked).
 *   index_lines(lines, blank) Page.index and Page.filled in one pass (page.c): each kind's
 *                             line indexes, and the non-blank ones, as lists.
 *   no_copies(lines, filled, blank, content, label, may_be_doubled, is_post_byline,
 *             is_candidate, is_near_duplicate, scan, title_lines, copy_window, slack,
 *             doubled_memo)
 *                             title._has_no_copies (copies.c): the loop over the page's
 *                             first lines and the tests on lengths and kinds; the tests
 *                             that read words are the Python functions given (the first
 *                             read from a line's memo, when it holds its answer).
 *   first_repeat(lines, filled, slack)
 *                             repeats.python_first_repeat (copies.c): the first non-blank
 *                             line that may repeat the one before it, or -1.
 *   quote_look(text, marks, low, holds)
 *                             Q101's first look (quotes.c): for each quote style, whether
 *                             the text holds its marks, and whether they come plainly
 *                             paired line by line, a bit each.
 *   needles_in(text, needles, framed)
 *                             which of the needles (at most 64) the text holds, a bit
 *                             each (bit k: needles[k]), in one scan; framed, the text
 *                             read with a line feed before and after it.
 */
#include "speedups.h"

static PyMethodDef methods[] = {
    {"fold_text", fold_text, METH_O, "Drop marks, tatweel and joiners, fold letter variants, digits and case."},
    {"first_look", first_look, METH_O, "The characters of a text that are neither ASCII nor basic Arabic letters."},
    {"rare_gates", (PyCFunction)(void (*)(void))rare_gates, METH_FASTCALL,
     "The gate bits of a text's rare characters: a table below U+0800, a dict above (None: one not in it)."},
    {"skeleton_of_folded", skeleton_of_folded, METH_O, "The runs of letters and digits of a folded line, joined by spaces."},
    {"line_opcodes", (PyCFunction)(void (*)(void))line_opcodes, METH_FASTCALL,
     "difflib.SequenceMatcher(None, a, b).get_opcodes() for lists of str, b of fewer than 200 items."},
    {"page_changes", (PyCFunction)(void (*)(void))page_changes, METH_FASTCALL,
     "changes.line_changes for a page: ([(line, before, after)], the origin of after's lines); None past line_opcodes."},
    {"set_date_classes", (PyCFunction)(void (*)(void))set_date_classes, METH_FASTCALL,
     "Set date_words' character classes and bounds: digits, letters, clitics, separators, spaces, min_letters, "
     "look_back."},
    {"anchor_ends", (PyCFunction)(void (*)(void))anchor_ends, METH_FASTCALL,
     "Where each match of months._ANCHOR from an anchor word ends (after set_date_classes)."},
    {"date_words", date_words, METH_O, "The words next to T101's date numbers, as (clitic, word, start, end)."},
    {"dates_known", (PyCFunction)(void (*)(void))dates_known, METH_FASTCALL,
     "Is every word T101 looks at (date_words', and after anchor_ends when anchored) in the set of those known to need no fix?"},
    {"doubled_key", doubled_key, METH_O, "Is the skeleton a text printed twice (four words or more)?"},
    {"first_word_comes_back", first_word_comes_back, METH_O,
     "Does the folded line's first word (run of letters and digits) come back after it?"},
    {"first_word_comes_back_unfolded", first_word_comes_back_unfolded, METH_O,
     "first_word_comes_back(fold_text(text)), the text folded as it is read, no folded str made."},
    {"followed_by", (PyCFunction)(void (*)(void))followed_by, METH_FASTCALL,
     "Does a character of marks stand right before a character of followers?"},
    {"classify_lines", (PyCFunction)(void (*)(void))classify_lines, METH_FASTCALL,
     "A short text's lines and folded lines, each classified once a page: (lines, filled, forum, seen)."},
    {"short_line", (PyCFunction)(void (*)(void))short_line, METH_FASTCALL,
     "analysis.classify for a short line that no phrase, counter or other special test may take; else None."},
    {"plain_lines", (PyCFunction)(void (*)(void))plain_lines_of, METH_FASTCALL,
     "Is every line blank, or content without a chrome word (context.python_plain_lines)?"},
    {"quiet_page", (PyCFunction)(void (*)(void))quiet_page, METH_FASTCALL,
     "quiet.python_quiet_page for a short text: None, or classify_lines' four items and no_copies' answer."},
    {"index_lines", (PyCFunction)(void (*)(void))index_lines, METH_FASTCALL,
     "Page.index and Page.filled in one pass: ({kind: [indexes]}, [non-blank indexes])."},
    {"no_copies", (PyCFunction)(void (*)(void))no_copies, METH_FASTCALL,
     "title._has_no_copies: may no line of the page be a copy of another?"},
    {"first_repeat", (PyCFunction)(void (*)(void))first_repeat, METH_FASTCALL,
     "B102's first look: the first non-blank line that may repeat the one before it, or -1."},
    {"quote_look", (PyCFunction)(void (*)(void))quote_look, METH_FASTCALL,
     "Q101's first look: the quote styles a text holds marks of, and those whose marks come plainly paired."},
    {"needles_in", (PyCFunction)(void (*)(void))needles_in, METH_FASTCALL,
     "Which of the needles (at most 64) the text holds, framed by line feeds or not: a bit a needle."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "arclean._speedups", "C versions of arclean's hottest primitives.", -1, methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC
PyInit__speedups(void)
{
    build_tables();
    if (line_diff_init() < 0 || line_names_init() < 0) {
        return NULL;
    }
    PyObject *made = PyModule_Create(&module);
    if (made != NULL && PyModule_AddIntConstant(made, "LINE_OPCODES_MAX_B", OPCODES_MAX_B) < 0) {
        Py_DECREF(made);
        return NULL;
    }
    return made;
}
