/* The page model's first step for a short text (analysis.analyze_alone): the text
 * split into lines as analysis.page_lines splits them, each line folded and classified
 * once a page (a short one once across pages), where the page's lines and its
 * non-blank ones are noted.  The classification itself stays in Python (the functions
 * are passed in), but for a long line of prose.  And the page's index (index_lines). */
#include "speedups.h"

PyObject *LINE_TEXT, *LINE_KIND, *LINE_GUARD, *LINE_PROSE, *LINE_KEY, *LINE_FOLDED, *LINE_WORDS;

int
line_names_init(void)
{
    LINE_TEXT = PyUnicode_InternFromString("text");
    LINE_KIND = PyUnicode_InternFromString("kind");
    LINE_GUARD = PyUnicode_InternFromString("guard");
    LINE_PROSE = PyUnicode_InternFromString("prose");
    LINE_KEY = PyUnicode_InternFromString("key");
    LINE_FOLDED = PyUnicode_InternFromString("folded");
    LINE_WORDS = PyUnicode_InternFromString("words");
    return LINE_TEXT && LINE_KIND && LINE_GUARD && LINE_PROSE && LINE_KEY && LINE_FOLDED && LINE_WORDS ? 0 : -1;
}

/* A str's lines as analysis.page_lines gives them: split at each line feed, except
 * that a run of three line feeds or more is one line made of the feeds past its
 * first two (then the lines, joined with line feeds, give the text back). */
static PyObject *
page_lines(PyObject *text)
{
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    PyObject *lines = PyList_New(0);
    if (lines == NULL) {
        return NULL;
    }
    Py_ssize_t start = 0;
    while (1) {
        Py_ssize_t i = PyUnicode_FindChar(text, '\n', start, length, 1); /* a fast search, not a loop here */
        if (i == -2) {
            Py_DECREF(lines);
            return NULL;
        }
        i = i < 0 ? length : i;
        PyObject *line = PyUnicode_Substring(text, start, i);
        if (line == NULL || PyList_Append(lines, line) < 0) {
            Py_XDECREF(line);
            Py_DECREF(lines);
            return NULL;
        }
        Py_DECREF(line);
        if (i == length) {
            break;
        }
        Py_ssize_t run = i;
        while (run < length && PyUnicode_READ(kind, data, run) == '\n') {
            run++;
        }
        if (run - i >= 3) {
            PyObject *feeds = PyUnicode_Substring(text, i + 2, run);
            if (feeds == NULL || PyList_Append(lines, feeds) < 0) {
                Py_XDECREF(feeds);
                Py_DECREF(lines);
                return NULL;
            }
            Py_DECREF(feeds);
            start = run;
        } else {
            start = i + 1;
        }
    }
    return lines;
}

/* What classify_lines needs to classify a long line of prose itself. */
typedef struct {
    PyObject *could_start, *make_line, *content;
    Py_ssize_t prose_chars, prose_spaces, start_chars;
} ProseLine;

/* The first chars characters of the text folded (all of it, when shorter): the text's
 * head folded, from chars characters on, twice as many each time the fold drops some
 * (folding maps each character on its own, so the head's fold is the fold's head).  A
 * new reference; NULL on an error. */
static PyObject *
folded_head(PyObject *text, Py_ssize_t chars)
{
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    for (Py_ssize_t n = chars;; n = n > length / 2 ? length : 2 * n) {
        PyObject *head = PyUnicode_Substring(text, 0, n < length ? n : length);
        PyObject *folded = head == NULL ? NULL : fold_text(NULL, head);
        Py_XDECREF(head);
        if (folded == NULL || PyUnicode_GET_LENGTH(folded) >= chars || n >= length) {
            return folded;
        }
        Py_DECREF(folded);
    }
}

/* analysis.classify for a long line of prose that starts with no line-start phrase:
 * stripped, it has more than short_max characters (so it is no bare number), more than
 * prose_chars of them or prose_spaces spaces at least, and the first word of the
 * skeleton of its folded form's first start_chars characters is one no line-start
 * phrase begins with (could_start says no).  Then the line is
 * make_line(text, content, NULL, True), a new reference, made as short_line makes its
 * Lines (its fields straight into its dict: make_line is the Line class), without its
 * folded form (Line.folded folds it when first asked): only its head is folded here.
 * Otherwise Py_None (a new reference): the line is classified in Python.  NULL on an
 * error. */
static PyObject *
prose_line(const ProseLine *how, PyObject *text, Py_ssize_t short_max)
{
    Py_ssize_t start, end;
    strip_bounds(text, &start, &end);
    if (end - start <= short_max) {
        Py_RETURN_NONE;
    }
    if (end - start <= how->prose_chars && count_spaces(text, start, end) < how->prose_spaces) {
        Py_RETURN_NONE;
    }
    PyObject *head = folded_head(text, how->start_chars);
    PyObject *first = head == NULL ? NULL : first_word_of_head(head, how->start_chars);
    Py_XDECREF(head);
    if (first == NULL) {
        return NULL;
    }
    PyObject *starts = PyObject_CallOneArg(how->could_start, first);
    Py_DECREF(first);
    if (starts == NULL) {
        return NULL;
    }
    int may_start = PyObject_IsTrue(starts);
    Py_DECREF(starts);
    if (may_start != 0) {
        return may_start < 0 ? NULL : Py_NewRef(Py_None);
    }
    return make_line(how->make_line, text, how->content, NULL, NULL, 1, NULL, 0, 0);
}

/* classify_lines(text, classify_short, classify, matcher, blank, forum, short_max, prose, known, kept)
 *   -> (lines, filled, forum_met, seen)
 * Each line of the text (as analysis.page_lines splits it) is classified the first
 * time the page meets it: a line of at most short_max characters is found in the dict
 * known (by its text), or classify_short(line, folded_line, matcher) classifies it and
 * known keeps it (known cleared first when it holds kept lines); classify(...)
 * classifies a longer one; a line met again is the same Line.  A line is folded only
 * to be classified, and a long line of prose classified here only in its head (see
 * prose_line), without its folded form.
 * lines: the Lines in order (a tuple); filled: the indexes of those whose kind is not
 * blank (a list); forum_met: whether a Line of kind forum was classified; seen: each
 * line's text and its Line.  prose: None, or (could_start, make_line, content,
 * prose_chars, prose_spaces, start_chars), with which a long line of prose is
 * classified here (see prose_line), as classify would. */
PyObject *
classify_lines(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 10 || !PyUnicode_Check(args[0]) || !PyLong_Check(args[6]) || !PyDict_Check(args[8])
        || !PyLong_Check(args[9])) {
        PyErr_SetString(PyExc_TypeError, "classify_lines(text, classify_short, classify, matcher, blank, forum, short_max, "
                                         "prose, known: dict, kept: int)");
        return NULL;
    }
    ProseLine how = {NULL, NULL, NULL, 0, 0, 0};
    if (args[7] != Py_None) {
        PyObject *objects[3];
        Py_ssize_t sizes[3];
        if (tuple_fields(args[7], "prose: (could_start, make_line, content, prose_chars, prose_spaces, start_chars)", 6,
                         3, objects, sizes) < 0) {
            return NULL;
        }
        how = (ProseLine){objects[0], objects[1], objects[2], sizes[0], sizes[1], sizes[2]};
    }
    PyObject *classify_short = args[1], *classify = args[2], *matcher = args[3], *blank = args[4], *forum = args[5];
    PyObject *known = args[8];
    Py_ssize_t short_max = PyLong_AsSsize_t(args[6]), kept = PyLong_AsSsize_t(args[9]);
    if ((short_max == -1 || kept == -1) && PyErr_Occurred()) {
        return NULL;
    }
    PyObject *texts = NULL, *lines = NULL, *filled = NULL, *seen = NULL, *result = NULL;
    if ((texts = page_lines(args[0])) == NULL) {
        goto done;
    }
    Py_ssize_t n = PyList_GET_SIZE(texts);
    if ((lines = PyTuple_New(n)) == NULL || (filled = PyList_New(0)) == NULL || (seen = PyDict_New()) == NULL) {
        goto done;
    }
    int forum_met = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *text = PyList_GET_ITEM(texts, i);
        PyObject *found = PyDict_GetItemWithError(seen, text); /* borrowed */
        if (found == NULL) {
            if (PyErr_Occurred()) {
                goto done;
            }
            int is_short = PyUnicode_GET_LENGTH(text) <= short_max;
            PyObject *made, *call[3] = {text, NULL, matcher};
            if (is_short) {
                made = Py_XNewRef(PyDict_GetItemWithError(known, text)); /* classified on another page */
                if (made == NULL && !PyErr_Occurred()) {
                    if (PyDict_GET_SIZE(known) >= kept) {
                        PyDict_Clear(known);
                    }
                    call[1] = fold_text(NULL, text);
                    made = call[1] == NULL ? NULL : PyObject_Vectorcall(classify_short, call, 3, NULL);
                    if (made != NULL && PyDict_SetItem(known, text, made) < 0) {
                        Py_CLEAR(made);
                    }
                }
            }
            else {
                made = how.could_start == NULL ? Py_NewRef(Py_None) : prose_line(&how, text, short_max);
                if (made == Py_None) {
                    Py_DECREF(made);
                    call[1] = fold_text(NULL, text);
                    made = call[1] == NULL ? NULL : PyObject_Vectorcall(classify, call, 3, NULL);
                }
            }
            Py_XDECREF(call[1]);
            if (made == NULL || PyDict_SetItem(seen, text, made) < 0) {
                Py_XDECREF(made);
                goto done;
            }
            Py_DECREF(made); /* seen holds it */
            found = made;
        }
        PyObject *kind = PyObject_GetAttr(found, LINE_KIND);
        if (kind == NULL) {
            goto done;
        }
        forum_met |= kind == forum; /* a line met again was counted when first met */
        int is_blank = kind == blank;
        Py_DECREF(kind);
        if (!is_blank) {
            PyObject *index = PyLong_FromSsize_t(i);
            if (index == NULL || PyList_Append(filled, index) < 0) {
                Py_XDECREF(index);
                goto done;
            }
            Py_DECREF(index);
        }
        Py_INCREF(found);
        PyTuple_SET_ITEM(lines, i, found);
    }
    result = PyTuple_Pack(4, lines, filled, forum_met ? Py_True : Py_False, seen);
done:
    Py_XDECREF(texts);
    Py_XDECREF(lines);
    Py_XDECREF(filled);
    Py_XDECREF(seen);
    return result;
}

/* index_lines(lines, blank) -> (index, filled)
 * Page.index and Page.filled in one pass over a page's Lines: index maps each kind met
 * to the indexes of its lines, in order (lists, the kinds in the order first met);
 * filled lists the indexes of the lines whose kind is not blank. */
PyObject *
index_lines(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 2 || !PyTuple_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "index_lines(lines: tuple, blank)");
        return NULL;
    }
    PyObject *lines = args[0], *blank = args[1], *result = NULL;
    PyObject *index = PyDict_New(), *filled = PyList_New(0);
    if (index == NULL || filled == NULL) {
        goto done;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(lines); i++) {
        PyObject *kind = PyObject_GetAttr(PyTuple_GET_ITEM(lines, i), LINE_KIND);
        if (kind == NULL) {
            goto done;
        }
        PyObject *number = PyLong_FromSsize_t(i);
        PyObject *of_kind = number == NULL ? NULL : PyDict_GetItemWithError(index, kind); /* borrowed */
        int failed = number == NULL || (of_kind == NULL && PyErr_Occurred());
        if (!failed && of_kind == NULL) {
            PyObject *made = PyList_New(0);
            failed = made == NULL || PyDict_SetItem(index, kind, made) < 0;
            Py_XDECREF(made); /* the index holds it */
            of_kind = made;
        }
        failed = failed || PyList_Append(of_kind, number) < 0 || (kind != blank && PyList_Append(filled, number) < 0);
        Py_DECREF(kind);
        Py_XDECREF(number);
        if (failed) {
            goto done;
        }
    }
    result = PyTuple_Pack(2, index, filled);
done:
    Py_XDECREF(index);
    Py_XDECREF(filled);
    return result;
}
