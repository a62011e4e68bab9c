/* The page model's first step for a short text (analysis.analyze_alone): the text
 * split into lines as analysis.page_lines splits them, each line folded and classified
 * once a page (a short one once across pages), where the page's lines and its
 * non-blank ones are noted.  The classification itself stays in Python (the functions
 * are passed in), but for a long line of prose.  And the page's index (index_lines). */
#include "speedups.h"

PyObject *LINE_TEXT, *LINE_KIND, *LINE_GUARD, *LINE_PROSE, *LINE_KEY, *LINE_FOLDED, *LINE_WORDS, *LINE_CHROME;

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
    LINE_CHROME = PyUnicode_InternFromString("chrome_count");
    return LINE_TEXT && LINE_KIND && LINE_GUARD && LINE_PROSE && LINE_KEY && LINE_FOLDED && LINE_WORDS && LINE_CHROME ? 0
                                                                                                             : -1;
}

/* A Line's field (kind, chrome_count): read from its dict, where a Line keeps its fields
 * (a getattr first looks the name up in the class, where the fields' defaults stand), as
 * line_field reads it, or by getattr when the line has no dict.  A new reference; NULL on
 * an error. */
static PyObject *
line_value(PyObject *line, PyObject *name)
{
    PyObject *fields = PyObject_GenericGetDict(line, NULL);
    if (fields == NULL) {
        PyErr_Clear(); /* no dict: the attribute, as getattr finds it */
        return PyObject_GetAttr(line, name);
    }
    PyObject *found = line_field(line, fields, name);
    Py_DECREF(fields);
    return found;
}

/* The short lines met, each line's text made once: a table, by a hash of its characters,
 * of the str made for a short line the first time it was met, given again (a new
 * reference) for every line of a page of the same characters.  A line met again on another
 * page (most short lines: menus, labels, bylines) then costs no new str, and the dicts it is
 * looked up in (classify_lines' known and seen) find its hash made, and their key the str
 * itself.  Only which str holds a line's characters changes, never what it holds: the
 * table is cleared when it holds INTERNED_KEPT lines. */
#define INTERNED_SLOTS (1 << 16)
#define INTERNED_KEPT (INTERNED_SLOTS / 2)

typedef struct {
    uint64_t hash;
    PyObject *text; /* NULL: an empty slot */
} Interned;

static Interned *interned; /* INTERNED_SLOTS, made when first asked */
static Py_ssize_t interned_count;

/* A hash of the characters [start, end) of a text of KIND, read eight bytes at a time.
 * The same characters in a text of another width hash otherwise (a line of Latin letters
 * in an Arabic text, and in a Latin one): the table then keeps a str for each, both
 * holding the line's characters. */
static uint64_t
chars_hash(int kind, const void *data, Py_ssize_t start, Py_ssize_t end)
{
    const unsigned char *p = (const unsigned char *)data + start * kind;
    size_t bytes = (size_t)((end - start) * kind);
    uint64_t h = 0xcbf29ce484222325ULL ^ bytes, word;
    for (; bytes >= 8; p += 8, bytes -= 8) {
        memcpy(&word, p, 8);
        h = (h ^ word) * 0x9e3779b97f4a7c15ULL;
        h ^= h >> 29;
    }
    word = 0;
    memcpy(&word, p, bytes);
    h = (h ^ word) * 0x9e3779b97f4a7c15ULL;
    return h ^ (h >> 32);
}

/* Does the str hold the characters [start, end) of a text of KIND? */
static int
holds_chars(PyObject *str, int kind, const void *data, Py_ssize_t start, Py_ssize_t end)
{
    Py_ssize_t n = end - start;
    if (PyUnicode_GET_LENGTH(str) != n) {
        return 0;
    }
    int own = PyUnicode_KIND(str);
    const void *chars = PyUnicode_DATA(str);
    if (own == kind) {
        return memcmp(chars, (const char *)data + start * kind, (size_t)(n * kind)) == 0;
    }
    for (Py_ssize_t k = 0; k < n; k++) {
        if (PyUnicode_READ(own, chars, k) != PyUnicode_READ(kind, data, start + k)) {
            return 0;
        }
    }
    return 1;
}

static void
clear_interned(void)
{
    for (Py_ssize_t k = 0; k < INTERNED_SLOTS; k++) {
        Py_CLEAR(interned[k].text);
    }
    interned_count = 0;
}

/* text[start:end], a short line: the str made when a line of these characters was first
 * met, or made now and kept.  A new reference; NULL on an error. */
static PyObject *
short_line_text(PyObject *text, Py_ssize_t start, Py_ssize_t end)
{
    if (interned == NULL && (interned = PyMem_Calloc(INTERNED_SLOTS, sizeof(Interned))) == NULL) {
        return PyErr_NoMemory();
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    uint64_t hash = chars_hash(kind, data, start, end);
    size_t slot = (size_t)hash & (INTERNED_SLOTS - 1);
    for (; interned[slot].text != NULL; slot = (slot + 1) & (INTERNED_SLOTS - 1)) {
        if (interned[slot].hash == hash && holds_chars(interned[slot].text, kind, data, start, end)) {
            return Py_NewRef(interned[slot].text);
        }
    }
    PyObject *made = PyUnicode_Substring(text, start, end);
    if (made == NULL) {
        return NULL;
    }
    if (interned_count >= INTERNED_KEPT) {
        clear_interned();
        slot = (size_t)hash & (INTERNED_SLOTS - 1);
    }
    interned[slot] = (Interned){hash, Py_NewRef(made)};
    interned_count++;
    return made;
}

/* Append text[start:end] to the list: a short line's str from the table of short lines
 * met (of at most short_max characters), another made now.  0, or -1 on an error. */
static int
append_line(PyObject *lines, PyObject *text, Py_ssize_t start, Py_ssize_t end, Py_ssize_t short_max)
{
    PyObject *line = end - start <= short_max ? short_line_text(text, start, end) : PyUnicode_Substring(text, start, end);
    int failed = line == NULL || PyList_Append(lines, line) < 0;
    Py_XDECREF(line);
    return failed ? -1 : 0;
}

/* A str's lines as analysis.page_lines gives them: split at each line feed, except
 * that a run of three line feeds or more is one line made of the feeds past its
 * first two (then the lines, joined with line feeds, give the text back).  A line of at
 * most short_max characters is the str made when it was first met (short_line_text). */
static PyObject *
page_lines(PyObject *text, Py_ssize_t short_max)
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
        if (append_line(lines, text, start, i, short_max) < 0) {
            Py_DECREF(lines);
            return NULL;
        }
        if (i == length) {
            break;
        }
        Py_ssize_t run = i;
        while (run < length && PyUnicode_READ(kind, data, run) == '\n') {
            run++;
        }
        if (run - i >= 3) {
            if (append_line(lines, text, i + 2, run, short_max) < 0) {
                Py_DECREF(lines);
                return NULL;
            }
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
static PyObject *classify_page(PyObject *const *args, int keep_seen);

/* Are classify_lines' ten arguments of the types it takes?  0, or -1 with a TypeError. */
static int
check_classify(PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 10 || !PyUnicode_Check(args[0]) || !PyLong_Check(args[6]) || !PyDict_Check(args[8])
        || !PyLong_Check(args[9])) {
        PyErr_SetString(PyExc_TypeError, "classify_lines(text, classify_short, classify, matcher, blank, forum, short_max, "
                                         "prose, known: dict, kept: int)");
        return -1;
    }
    return 0;
}

PyObject *
classify_lines(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    return check_classify(args, nargs) < 0 ? NULL : classify_page(args, 1);
}

/* classify_lines' work on its ten arguments, checked.  keep_seen: 0 when the caller
 * needs no seen (quiet_page, until the page turns out not quiet: see complete_seen):
 * then no line is hashed for it, a line met again on the page is classified again (a
 * short one is found in known) rather than found in seen, and the fourth item is the
 * page's lines' texts (a list), from which complete_seen makes seen. */
static PyObject *
classify_page(PyObject *const *args, int keep_seen)
{
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
    if ((texts = page_lines(args[0], short_max)) == NULL) {
        goto done;
    }
    Py_ssize_t n = PyList_GET_SIZE(texts);
    if ((lines = PyTuple_New(n)) == NULL || (filled = PyList_New(0)) == NULL
        || (seen = keep_seen ? PyDict_New() : Py_NewRef(texts)) == NULL) {
        goto done;
    }
    int forum_met = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *text = PyList_GET_ITEM(texts, i);
        PyObject *found = keep_seen ? PyDict_GetItemWithError(seen, text) : NULL; /* borrowed */
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
            if (made == NULL || (keep_seen && PyDict_SetItem(seen, text, made) < 0)) {
                Py_XDECREF(made);
                goto done;
            }
            PyTuple_SET_ITEM(lines, i, made); /* lines holds it (and seen, if kept) */
            found = made;
        }
        else {
            PyTuple_SET_ITEM(lines, i, Py_NewRef(found));
        }
        PyObject *kind = line_value(found, LINE_KIND);
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

/* context.python_plain_lines: is every Line of the tuple blank, or content without a chrome
 * word (kind blank, or kind content and a chrome_count of 0)?  1, 0, or -1 on an error. */
static int
plain_lines(PyObject *lines, PyObject *blank, PyObject *content)
{
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(lines); i++) {
        PyObject *line = PyTuple_GET_ITEM(lines, i);
        PyObject *kind = line_value(line, LINE_KIND);
        if (kind == NULL) {
            return -1;
        }
        Py_DECREF(kind); /* only compared (the line holds it) */
        if (kind == blank) {
            continue;
        }
        if (kind != content) {
            return 0;
        }
        PyObject *chrome = line_value(line, LINE_CHROME);
        int some = chrome == NULL ? -1 : PyObject_IsTrue(chrome);
        Py_XDECREF(chrome);
        if (some != 0) {
            return some < 0 ? -1 : 0;
        }
    }
    return 1;
}

/* plain_lines(lines, blank, content) -> bool: context.python_plain_lines. */
PyObject *
plain_lines_of(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 3 || !PyTuple_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "plain_lines(lines: tuple, blank, content)");
        return NULL;
    }
    int plain = plain_lines(args[0], args[1], args[2]);
    return plain < 0 ? NULL : Py_NewRef(plain ? Py_True : Py_False);
}

/* The seen of classify_lines from the page's lines (a tuple, classify_page's without
 * seen: its own, not yet shared) and their texts (a list): each text and the Line of
 * its first line, that line's Line put in place of the Line of each line met again on
 * the page, as classify_lines finds a line met again in seen.  A new reference; NULL
 * on an error. */
static PyObject *
complete_seen(PyObject *lines, PyObject *texts)
{
    PyObject *seen = PyDict_New();
    for (Py_ssize_t i = 0; seen != NULL && i < PyTuple_GET_SIZE(lines); i++) {
        PyObject *line = PyTuple_GET_ITEM(lines, i);
        PyObject *first = PyDict_SetDefault(seen, PyList_GET_ITEM(texts, i), line); /* borrowed */
        if (first == NULL) {
            Py_CLEAR(seen);
        }
        else if (first != line) {
            PyTuple_SET_ITEM(lines, i, Py_NewRef(first));
            Py_DECREF(line);
        }
    }
    return seen;
}

/* quiet_page(text, classify, copies, slack) -> None | (lines, filled, forum, seen, no_copies)
 * quiet.python_quiet_page's look at a short text: its lines classified as
 * classify_lines(text, *classify) classifies them (classify: its nine arguments after
 * the text); then, while the page stays quiet, whether every line is plain (plain_lines,
 * with copies' blank and content kinds: a forum line is not), whether
 * no_copies(lines, filled, *copies) says no line may be a copy of another (copies: its
 * twelve arguments after the lines), and whether first_repeat(lines, filled, slack)
 * finds no line that may repeat the one before it.  None when all three say so;
 * otherwise classify_lines' four items and no_copies' answer (None where it was not
 * asked).  A quiet page's seen is never asked for: its lines are classified without
 * one (classify_page), and seen is made only for a page that is not quiet. */
PyObject *
quiet_page(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 4 || !PyTuple_Check(args[1]) || PyTuple_GET_SIZE(args[1]) != 9 || !PyTuple_Check(args[2])
        || PyTuple_GET_SIZE(args[2]) != 12) {
        PyErr_SetString(PyExc_TypeError, "quiet_page(text, classify: a tuple of 9, copies: a tuple of 12, slack)");
        return NULL;
    }
    PyObject *call[14];
    call[0] = args[0];
    for (Py_ssize_t k = 0; k < 9; k++) {
        call[1 + k] = PyTuple_GET_ITEM(args[1], k);
    }
    PyObject *classified = check_classify(call, 10) < 0 ? NULL : classify_page(call, 0);
    if (classified == NULL) {
        return NULL;
    }
    PyObject *lines = PyTuple_GET_ITEM(classified, 0), *filled = PyTuple_GET_ITEM(classified, 1);
    PyObject *copies = args[2], *answer = Py_NewRef(Py_None);
    /* a page with a forum line is no plain page: its forum flag need not be read */
    int quiet = plain_lines(lines, PyTuple_GET_ITEM(copies, 0), PyTuple_GET_ITEM(copies, 1));
    if (quiet > 0) {
        call[0] = lines;
        call[1] = filled;
        for (Py_ssize_t k = 0; k < 12; k++) {
            call[2 + k] = PyTuple_GET_ITEM(copies, k);
        }
        Py_SETREF(answer, no_copies(module, call, 14));
        quiet = answer == NULL ? -1 : answer == Py_True;
    }
    if (quiet > 0) {
        call[2] = args[3];
        PyObject *repeat = first_repeat(module, call, 3);
        Py_ssize_t at = repeat == NULL ? -2 : PyLong_AsSsize_t(repeat);
        Py_XDECREF(repeat);
        quiet = at == -2 || PyErr_Occurred() ? -1 : at < 0;
    }
    PyObject *result = NULL, *seen = NULL;
    if (quiet == 0 && (seen = complete_seen(lines, PyTuple_GET_ITEM(classified, 3))) != NULL) {
        result = PyTuple_Pack(5, lines, filled, PyTuple_GET_ITEM(classified, 2), seen, answer);
        Py_DECREF(seen);
    } else if (quiet > 0) {
        result = Py_NewRef(Py_None);
    }
    Py_XDECREF(answer);
    Py_DECREF(classified);
    return result;
}
