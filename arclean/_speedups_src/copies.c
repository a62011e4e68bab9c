/* The first look for a title's copies (title._has_no_copies): can a line of the page
 * be a copy of another, as title.find_title and title.find_post look for them?  The
 * loop over the page's first lines and the cheap tests on lengths and kinds run here;
 * the tests that read a line's words are passed in (a post's byline, a near duplicate
 * past what the skeletons alone settle), or answered here as their Python functions
 * answer them when given their bounds (a line printed twice, a title candidate). */
#include "speedups.h"

/* Most lines a window of the look may hold (title_lines + copy_window). */
#define MAX_WINDOW 64

/* What the look keeps of a line of its window (the line borrowed from the page). */
typedef struct {
    PyObject *line;
    Py_ssize_t size;
    int content, prose, residue;
    int copyable; /* by the lengths, it might be a copy of a title candidate above it */
} Looked;

/* The first look at two lines' lengths, before their words: close enough to be copies
 * (2 * shorter + slack >= longer), as title.is_near_duplicate and
 * duplicates._may_repeat look at them. */
static inline int
near_in_length(Py_ssize_t a, Py_ssize_t b, Py_ssize_t slack)
{
    return 2 * (a < b ? a : b) + slack >= (a < b ? b : a);
}

/* The truth of function(a) or function(a, b): 1, 0 or -1 on an error. */
static int
call_truth(PyObject *function, PyObject *a, PyObject *b)
{
    PyObject *call[2] = {a, b};
    PyObject *result = PyObject_Vectorcall(function, call, b == NULL ? 1 : 2, NULL);
    if (result == NULL) {
        return -1;
    }
    int truth = PyObject_IsTrue(result);
    Py_DECREF(result);
    return truth;
}

/* What a line's dict holds under name (a cached property's value, a memo): a new
 * reference, or NULL, with an exception on an error and without one if there is none. */
static PyObject *
line_memo(PyObject *line, PyObject *name)
{
    PyObject *fields = PyObject_GenericGetDict(line, NULL);
    if (fields == NULL) {
        return NULL;
    }
    PyObject *found = Py_XNewRef(PyDict_GetItemWithError(fields, name));
    Py_DECREF(fields);
    return found;
}

/* The truth a line's dict (fields) holds under the name memo (title._may_be_doubled
 * leaves its answer there): 1 or 0 for True or False, -2 for anything else or nothing
 * (the test must be called), -1 on an error. */
static int
memo_truth(PyObject *fields, PyObject *memo)
{
    PyObject *found = PyDict_GetItemWithError(fields, memo); /* borrowed */
    return found == Py_True ? 1 : found == Py_False ? 0 : PyErr_Occurred() ? -1 : -2;
}

/* A line's folded form, Line.folded: the one its dict (fields) holds, or its text folded
 * and kept there, as the cached property keeps it (a line of prose is made without it).
 * A new reference; NULL on an error. */
static PyObject *
line_folded(PyObject *fields)
{
    PyObject *folded = Py_XNewRef(PyDict_GetItemWithError(fields, LINE_FOLDED));
    if (folded != NULL || PyErr_Occurred()) {
        return folded;
    }
    PyObject *text = PyDict_GetItemWithError(fields, LINE_TEXT); /* borrowed */
    if (text == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_TypeError, "no_copies: a line without its text");
        }
        return NULL;
    }
    folded = fold_text(NULL, text);
    if (folded != NULL && PyDict_SetItem(fields, LINE_FOLDED, folded) < 0) {
        Py_CLEAR(folded);
    }
    return folded;
}

/* A line's skeleton, Line.key: the one its dict (fields) holds, or one made from its
 * folded form and kept there, as the cached property keeps it.  A new reference; NULL
 * on an error. */
static PyObject *
line_key(PyObject *fields)
{
    PyObject *key = Py_XNewRef(PyDict_GetItemWithError(fields, LINE_KEY));
    if (key != NULL || PyErr_Occurred()) {
        return key;
    }
    PyObject *folded = line_folded(fields);
    if (folded == NULL) {
        return NULL;
    }
    key = skeleton_of_folded(NULL, folded);
    Py_DECREF(folded);
    if (key != NULL && PyDict_SetItem(fields, LINE_KEY, key) < 0) {
        Py_CLEAR(key);
    }
    return key;
}

/* A line's word count, Line.words: the one its dict (fields) holds, or counted as the
 * cached property counts it (the spaces of a line of over long_line characters that has
 * no skeleton yet, plus one; else its skeleton's words) and kept there.  -1 on an error. */
static Py_ssize_t
line_words(PyObject *fields, Py_ssize_t long_line)
{
    PyObject *known = PyDict_GetItemWithError(fields, LINE_WORDS); /* borrowed */
    if (known != NULL) {
        return PyLong_Check(known) ? PyLong_AsSsize_t(known) : (PyErr_SetString(PyExc_TypeError, "a line's words"), -1);
    }
    if (PyErr_Occurred()) {
        return -1;
    }
    PyObject *text = PyDict_GetItemWithError(fields, LINE_TEXT); /* borrowed */
    int keyed = text == NULL ? -1 : PyDict_Contains(fields, LINE_KEY);
    if (keyed < 0 || !PyUnicode_Check(text)) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_TypeError, "no_copies: a line without its text");
        }
        return -1;
    }
    Py_ssize_t words;
    if (PyUnicode_GET_LENGTH(text) > long_line && !keyed) {
        words = count_spaces(text, 0, PyUnicode_GET_LENGTH(text)) + 1;
    } else {
        PyObject *key = line_key(fields);
        if (key == NULL) {
            return -1;
        }
        words = PyUnicode_GET_LENGTH(key) ? count_spaces(key, 0, PyUnicode_GET_LENGTH(key)) + 1 : 0;
        Py_DECREF(key);
    }
    PyObject *count = PyLong_FromSsize_t(words);
    if (count == NULL || PyDict_SetItem(fields, LINE_WORDS, count) < 0) {
        words = -1;
    }
    Py_XDECREF(count);
    return words;
}

/* The bounds with which no_copies answers title._is_candidate itself. */
typedef struct {
    Py_ssize_t min_words;  /* title._MIN_TITLE_WORDS */
    Py_ssize_t date_words; /* title._is_date: a line of at most this many words with a digit */
    Py_ssize_t long_line;  /* Line.words: a line longer than this is counted by its spaces */
} Candidates;

/* How many numbers a line's text holds, as title._NUMBER finds them (runs of decimal
 * digits, with - . , : / or U+066B between two digits inside one), a number of three parts
 * or more (a whole date) counted twice, as title._date_weight counts it. */
static Py_ssize_t
count_numbers(PyObject *text)
{
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t length = PyUnicode_GET_LENGTH(text), count = 0, i = 0;
    while (i < length) {
        if (!is_decimal_digit(PyUnicode_READ(kind, data, i))) {
            i++;
            continue;
        }
        Py_ssize_t separators = 0;
        while (i < length) {
            Py_UCS4 ch = PyUnicode_READ(kind, data, i);
            if (is_decimal_digit(ch)) {
                i++;
            } else if ((ch == '-' || ch == '.' || ch == ',' || ch == ':' || ch == '/' || ch == 0x066B)
                       && i + 1 < length && is_decimal_digit(PyUnicode_READ(kind, data, i + 1))) {
                separators++;
                i += 2;
            } else {
                break;
            }
        }
        count += separators >= 2 ? 2 : 1;
    }
    return count;
}

/* title._is_candidate for a content line, the at-th non-blank one, of dict fields: of
 * min_words words at least, and no date: past the first line, no line of at most
 * date_words words whose skeleton holds a decimal digit (as re's \d); on the first line,
 * no date line (title._is_dateline: at most 2 * date_words words, two numbers or more in
 * the text, and at most date_words words of the skeleton that are not digits alone).
 * 1, 0, or -1 on an error. */
static int
is_title_candidate(PyObject *fields, Py_ssize_t at, const Candidates *bounds)
{
    Py_ssize_t words = line_words(fields, bounds->long_line);
    if (words < 0) {
        return -1;
    }
    if (words < bounds->min_words) {
        return 0;
    }
    if (words > (at == 0 ? 2 * bounds->date_words : bounds->date_words)) {
        return 1;
    }
    if (at == 0) {
        PyObject *text = PyDict_GetItemWithError(fields, LINE_TEXT); /* borrowed */
        if (text == NULL || !PyUnicode_Check(text)) {
            if (!PyErr_Occurred()) {
                PyErr_SetString(PyExc_TypeError, "no_copies: a line without its text");
            }
            return -1;
        }
        if (count_numbers(text) < 2) { /* fewer than two numbers, or a whole date */
            return 1;
        }
    }
    PyObject *key = line_key(fields);
    if (key == NULL) {
        return -1;
    }
    /* The skeleton's words (runs of characters not white space, as str.split), how many of
     * them are digits alone, and whether it holds a digit. */
    Py_ssize_t count = 0, numbers = 0;
    int in_word = 0, all_digits = 0, digit = 0;
    FOR_EACH_CHAR(PyUnicode_KIND(key), PyUnicode_DATA(key), PyUnicode_GET_LENGTH(key), i, ch, {
        int decimal = is_decimal_digit(ch);
        digit = digit || decimal;
        if (Py_UNICODE_ISSPACE(ch)) {
            numbers += in_word && all_digits;
            in_word = 0;
        } else {
            count += !in_word;
            all_digits = in_word ? all_digits && decimal : decimal;
            in_word = 1;
        }
    });
    numbers += in_word && all_digits;
    Py_DECREF(key);
    if (at == 0) {
        return count - numbers > bounds->date_words;
    }
    return !digit;
}

/* Most words near_by_skeletons splits a skeleton into for its look at the shared words. */
#define SHARED_WORDS_MAX 128

/* The words of a str, as str.split() finds them (runs of characters not white space):
 * each one's start and end in spans, two a word, at most max words.  The number of
 * words, or -1 past max. */
static Py_ssize_t
word_spans(PyObject *text, Py_ssize_t *spans, Py_ssize_t max)
{
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t length = PyUnicode_GET_LENGTH(text), count = 0, i = 0;
    while (1) {
        while (i < length && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i))) {
            i++;
        }
        if (i == length) {
            return count;
        }
        if (count == max) {
            return -1;
        }
        spans[2 * count] = i;
        while (i < length && !Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i))) {
            i++;
        }
        spans[2 * count++ + 1] = i;
    }
}

/* Do text_a[a_start:a_end] and text_b[b_start:b_end] hold the same characters? */
static int
same_span(PyObject *text_a, Py_ssize_t a_start, Py_ssize_t a_end, PyObject *text_b, Py_ssize_t b_start, Py_ssize_t b_end)
{
    if (a_end - a_start != b_end - b_start) {
        return 0;
    }
    int kind_a = PyUnicode_KIND(text_a), kind_b = PyUnicode_KIND(text_b);
    const void *data_a = PyUnicode_DATA(text_a), *data_b = PyUnicode_DATA(text_b);
    if (kind_a == kind_b) {
        return memcmp((const char *)data_a + a_start * kind_a, (const char *)data_b + b_start * kind_b,
                      (size_t)(a_end - a_start) * (size_t)kind_a) == 0;
    }
    for (Py_ssize_t k = 0; k < a_end - a_start; k++) {
        if (PyUnicode_READ(kind_a, data_a, a_start + k) != PyUnicode_READ(kind_b, data_b, b_start + k)) {
            return 0;
        }
    }
    return 1;
}

/* title._shares_most_words' first look, on two skeletons: do fewer than three quarters
 * of the longer's words (counted as the words of a, each as often as a holds it, that b
 * holds too) stand in both?  Then the two lines are no near duplicates.  1 when they
 * fall short, 0 when not, -2 for a skeleton of more than SHARED_WORDS_MAX words (not
 * looked at). */
static int
falls_short_of_shared_words(PyObject *key_a, PyObject *key_b)
{
    Py_ssize_t spans_a[2 * SHARED_WORDS_MAX], spans_b[2 * SHARED_WORDS_MAX];
    Py_ssize_t n = word_spans(key_a, spans_a, SHARED_WORDS_MAX);
    Py_ssize_t m = n < 0 ? -1 : word_spans(key_b, spans_b, SHARED_WORDS_MAX);
    if (m < 0) {
        return -2;
    }
    Py_ssize_t found = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        for (Py_ssize_t j = 0; j < m; j++) {
            if (same_span(key_a, spans_a[2 * i], spans_a[2 * i + 1], key_b, spans_b[2 * j], spans_b[2 * j + 1])) {
                found++;
                break;
            }
        }
    }
    return found * 4 < (n > m ? n : m) * 3;
}

/* title.is_near_duplicate's answer for two lines (dicts a and b) whose lengths passed
 * its first look, where their skeletons alone settle it (title._is_near_duplicate's
 * first tests: equal skeletons; lengths too far apart for a ratio of 0.85; word counts
 * more than two apart; too few words shared, _shares_most_words' first look): 1 or 0;
 * -2 where they do not (the function must be asked); -1
 * on an error.  The skeletons are made and kept as Line.key keeps them. */
static int
near_by_skeletons(PyObject *a, PyObject *b)
{
    PyObject *key_a = line_key(a);
    PyObject *key_b = key_a == NULL ? NULL : line_key(b);
    if (key_b == NULL) {
        Py_XDECREF(key_a);
        return -1;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(key_a), m = PyUnicode_GET_LENGTH(key_b);
    int answer = -2;
    if (n == m && PyUnicode_Compare(key_a, key_b) == 0) {
        answer = n > 0;
    } else if (PyErr_Occurred()) {
        answer = -1;
    } else if (n == 0 || m == 0 || 40 * (n < m ? n : m) < 17 * (n + m)) {
        answer = 0;
    } else {
        Py_ssize_t spaces = count_spaces(key_a, 0, n) - count_spaces(key_b, 0, m);
        answer = spaces > 2 || spaces < -2 ? 0 : falls_short_of_shared_words(key_a, key_b) == 1 ? 0 : -2;
    }
    Py_DECREF(key_a);
    Py_DECREF(key_b);
    return answer;
}

/* title._may_be_doubled with the compiled core, for a line (of dict fields) whose answer
 * is not remembered (memo: the name it is remembered under): from the line's skeleton, made
 * and kept under "key" if the line has none yet (Line.key), unless the line is longer
 * than long_line characters (True: such a line's words are only counted in full by
 * the slow path) or the first word of its folded form does not come back (False, and
 * no skeleton made); the answer is remembered.  1, 0, or -1 on an error. */
static int
line_may_be_doubled(PyObject *fields, PyObject *memo, Py_ssize_t long_line)
{
    int doubled = -1;
    PyObject *key = Py_XNewRef(PyDict_GetItemWithError(fields, LINE_KEY));
    if (key == NULL && !PyErr_Occurred()) {
        PyObject *text = PyDict_GetItemWithError(fields, LINE_TEXT); /* borrowed */
        if (text == NULL || !PyUnicode_Check(text)) {
            if (!PyErr_Occurred()) {
                PyErr_SetString(PyExc_TypeError, "no_copies: a line without its text");
            }
            goto done;
        }
        if (PyUnicode_GET_LENGTH(text) > long_line) {
            doubled = 1;
            goto remember;
        }
        /* A line not folded yet (a paragraph of prose) is read as it would fold: most are never folded. */
        PyObject *folded = Py_XNewRef(PyDict_GetItemWithError(fields, LINE_FOLDED));
        if (folded == NULL && PyErr_Occurred()) {
            goto done;
        }
        int comes_back = folded != NULL ? -2 : text_first_word_comes_back(text);
        /* folded once, where the folded line is asked or its skeleton made */
        if (comes_back != 0 && folded == NULL && (folded = line_folded(fields)) == NULL) {
            goto done;
        }
        if (comes_back == -2) {
            PyObject *comes = first_word_comes_back(NULL, folded);
            if (comes == NULL) {
                Py_DECREF(folded);
                goto done;
            }
            comes_back = comes == Py_True;
            Py_DECREF(comes);
        }
        if (!comes_back) {
            Py_XDECREF(folded);
            doubled = 0; /* no text printed twice, found without its skeleton (most paragraphs) */
            goto remember;
        }
        key = skeleton_of_folded(NULL, folded);
        Py_DECREF(folded);
        if (key == NULL || PyDict_SetItem(fields, LINE_KEY, key) < 0) {
            goto done;
        }
    }
    if (key != NULL) {
        PyObject *answer = doubled_key(NULL, key);
        if (answer == NULL) {
            goto done;
        }
        doubled = answer == Py_True;
        Py_DECREF(answer);
    }
remember:
    if (doubled >= 0 && PyDict_SetItem(fields, memo, doubled ? Py_True : Py_False) < 0) {
        doubled = -1;
    }
done:
    Py_XDECREF(key);
    return doubled;
}

/* The at-th of the page's non-blank indexes (a sequence of ints); -1 with an exception
 * if it is no index of the page. */
static Py_ssize_t
filled_index(PyObject *lines, PyObject *filled, Py_ssize_t at)
{
    PyObject *item = PySequence_GetItem(filled, at);
    Py_ssize_t index = item == NULL ? -1 : PyLong_AsSsize_t(item);
    Py_XDECREF(item);
    if (index < 0 || index >= PyTuple_GET_SIZE(lines)) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_IndexError, "a filled index out of the page");
        }
        return -1;
    }
    return index;
}

/* The line (borrowed from the page's tuple) at the at-th of the page's non-blank
 * indexes; NULL with an exception if it is no index of the page. */
static PyObject *
filled_line(PyObject *lines, PyObject *filled, Py_ssize_t at)
{
    Py_ssize_t index = filled_index(lines, filled, at);
    return index < 0 ? NULL : PyTuple_GET_ITEM(lines, index);
}

/* Is the second line a near duplicate of the first (title.is_near_duplicate)?  Their
 * lengths are looked at first (2 * shorter + slack >= longer), then, with own_tests,
 * their skeletons (near_by_skeletons), then the function is asked.  1, 0, or -1 on an
 * error. */
static int
near(const Looked *title, const Looked *line, Py_ssize_t slack, int own_tests, PyObject *is_near_duplicate)
{
    if (!near_in_length(title->size, line->size, slack)) {
        return 0;
    }
    int found = -2;
    if (own_tests) {
        PyObject *a = PyObject_GenericGetDict(title->line, NULL);
        PyObject *b = a == NULL ? NULL : PyObject_GenericGetDict(line->line, NULL);
        found = b == NULL ? -1 : near_by_skeletons(a, b);
        Py_XDECREF(a);
        Py_XDECREF(b);
    }
    return found == -2 ? call_truth(is_near_duplicate, title->line, line->line) : found;
}

static int may_repeat(PyObject *previous, PyObject *previous_text, PyObject *line, PyObject *text, Py_ssize_t slack);
static int may_repeat_by_shape(PyObject *previous_text, PyObject *text, Py_ssize_t slack);

/* Does the str hold a decimal digit (re's \d)? */
static int
holds_digit(PyObject *text)
{
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    for (Py_ssize_t i = 0; i < length; i++) {
        if (is_decimal_digit(PyUnicode_READ(kind, data, i))) {
            return 1;
        }
    }
    return 0;
}

/* no_copies(lines, filled, blank, content, label, may_be_doubled, is_post_byline,
 *           is_candidate, is_near_duplicate, scan, title_lines, copy_window, slack,
 *           doubled_memo) -> bool
 * title._has_no_copies over the page's lines (a tuple of Lines) and its non-blank
 * indexes (a sequence of ints), with the page's kinds and guard and the tests it
 * calls; scan, title_lines, copy_window: title._POST_SCAN, _TITLE_LINES, _COPY_WINDOW;
 * slack: is_near_duplicate's first look at lengths (2 * shorter + slack >= longer);
 * doubled_memo: None, or the name under which a line's dict holds may_be_doubled's
 * answer (True or False), read there instead of calling it.  may_be_doubled may be an
 * int, long_line, rather than a function: then, with doubled_memo, a line's answer not
 * remembered is found here, as title._may_be_doubled finds it (line_may_be_doubled).
 * is_candidate may be a tuple of ints, (min_words, date_words, long_line), rather than
 * a function: then it is answered here, as title._is_candidate answers it
 * (is_title_candidate), and is_near_duplicate is asked only where the two lines'
 * skeletons do not settle it (near_by_skeletons): the page's own tests are meant.
 * And a line of the first title_lines + 1 that may repeat the one before it
 * (first_repeat's test, with slack), or of the first title_lines + 2 that may repeat the
 * one two lines up, may be a short title's copy. */
PyObject *
no_copies(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 14 || !PyTuple_Check(args[0]) || (args[13] != Py_None && !PyUnicode_Check(args[13]))) {
        PyErr_SetString(PyExc_TypeError,
                        "no_copies(lines, filled, blank, content, label, may_be_doubled, is_post_byline, is_candidate, "
                        "is_near_duplicate, scan, title_lines, copy_window, slack, doubled_memo: str | None)");
        return NULL;
    }
    PyObject *doubled_memo = args[13];
    Py_ssize_t long_line = -1; /* may_be_doubled found here, for lines of at most this many characters */
    if (PyLong_Check(args[5])) {
        if (doubled_memo == Py_None) {
            PyErr_SetString(PyExc_TypeError, "no_copies: a long_line bound needs doubled_memo");
            return NULL;
        }
        if ((long_line = PyLong_AsSsize_t(args[5])) < 0) {
            if (!PyErr_Occurred()) {
                PyErr_SetString(PyExc_ValueError, "no_copies: long_line out of range");
            }
            return NULL;
        }
    }
    Candidates bounds = {-1, -1, -1}; /* is_candidate answered here when min_words >= 0 */
    if (PyTuple_Check(args[7])) {
        Py_ssize_t sizes[3];
        if (tuple_fields(args[7], "is_candidate: (min_words, date_words, long_line)", 3, 0, NULL, sizes) < 0) {
            return NULL;
        }
        bounds = (Candidates){sizes[0], sizes[1], sizes[2]};
        if (bounds.min_words < 0 || bounds.long_line < 0) {
            PyErr_SetString(PyExc_ValueError, "no_copies: is_candidate's bounds out of range");
            return NULL;
        }
    }
    int own_tests = bounds.min_words >= 0;
    PyObject *lines = args[0], *filled = args[1], *blank = args[2], *content = args[3], *label = args[4];
    PyObject *may_be_doubled = args[5], *is_post_byline = args[6], *is_candidate = args[7], *is_near_duplicate = args[8];
    Py_ssize_t scan = PyLong_AsSsize_t(args[9]), title_lines = PyLong_AsSsize_t(args[10]);
    Py_ssize_t copy_window = PyLong_AsSsize_t(args[11]), slack = PyLong_AsSsize_t(args[12]);
    if (PyErr_Occurred()) {
        return NULL;
    }
    Py_ssize_t window = title_lines + copy_window;
    if (scan < 0 || title_lines < 0 || copy_window < 0 || window > MAX_WINDOW) {
        PyErr_SetString(PyExc_ValueError, "no_copies: bounds out of range");
        return NULL;
    }
    Py_ssize_t count = PySequence_Size(filled);
    if (count < 0) {
        return NULL;
    }
    count = count < scan ? count : scan;
    Looked looked[MAX_WINDOW];
    Py_ssize_t first = -1; /* the first of the window's lines that is a title candidate */
    PyObject *fields = NULL, *result = NULL;
    int found = 0; /* what a test answered: 1, 0, -2 (not settled), -1 (an error) */
    /* The first title_lines + 2 lines: the last one looked at and the one before it, their texts, and
     * whether one may repeat either. */
    PyObject *head_line = NULL, *head_text = NULL; /* head_text NULL: that line is no short title */
    PyObject *above_line = NULL, *above_text = NULL; /* the line before head_line, as it */
    Py_ssize_t head_index = -1;
    int repeats = 0;
    /* head_line as a line between a short title above it and the title's copy (no prose): 1 it may be
     * a byline or a counter (a label's guard, residue), 0 and its text (NULL: none such), looked at
     * for a digit (a date) only when the line under it may repeat that title by its shape. */
    int between = 0;
    PyObject *between_text = NULL;
    for (Py_ssize_t at = 0; at < count; at++) {
        Py_ssize_t index = filled_index(lines, filled, at);
        PyObject *line = index < 0 ? NULL : PyTuple_GET_ITEM(lines, index);
        Py_XSETREF(fields, line == NULL ? NULL : PyObject_GenericGetDict(line, NULL));
        if (fields == NULL) {
            goto done;
        }
        found = doubled_memo == Py_None ? -2 : memo_truth(fields, doubled_memo);
        if (found == -2) {
            found = long_line >= 0 ? line_may_be_doubled(fields, doubled_memo, long_line)
                                   : call_truth(may_be_doubled, line, NULL);
        }
        if (found != 0) {
            goto answered;
        }
        PyObject *guard = line_field(line, fields, LINE_GUARD);
        if (guard == NULL) {
            goto done;
        }
        Py_DECREF(guard); /* only compared (the line holds it) */
        if (guard == label && (found = call_truth(is_post_byline, line, NULL)) != 0) {
            goto answered;
        }
        if (at >= window) {
            continue;
        }
        PyObject *text = line_field(line, fields, LINE_TEXT);
        if (text == NULL) {
            goto done;
        }
        Py_ssize_t size = PyUnicode_Check(text) ? PyUnicode_GET_LENGTH(text) : -1;
        if (size < 0) {
            Py_DECREF(text);
            PyErr_SetString(PyExc_TypeError, "no_copies: a line's text is not a str");
            goto done;
        }
        PyObject *kind = line_field(line, fields, LINE_KIND);
        PyObject *prose_value = kind == NULL ? NULL : line_field(line, fields, LINE_PROSE);
        if (prose_value == NULL) {
            Py_XDECREF(kind);
            Py_DECREF(text);
            goto done;
        }
        Py_DECREF(kind); /* only compared (the line holds it) */
        int is_content = kind == content, is_blank = kind == blank;
        int prose = PyObject_IsTrue(prose_value);
        Py_DECREF(prose_value);
        if (prose < 0) {
            Py_DECREF(text);
            goto done;
        }
        if (at <= title_lines + 1) {
            /* A short title's copy (duplicates.short_title_copy): the next line of the first
             * ones after a blank line, or the line after the next (a date, a byline or a
             * counter between), which may repeat the short title (content, no guard, no
             * prose) above it. */
            if (!repeats && at <= title_lines && head_text != NULL && index > head_index + 1
                && (repeats = may_repeat(head_line, head_text, line, text, slack)) < 0) {
                Py_DECREF(text);
                goto done;
            }
            if (!repeats && (between || between_text != NULL) && may_repeat_by_shape(above_text, text, slack)
                && (between || holds_digit(between_text))
                && (repeats = may_repeat(above_line, above_text, line, text, slack)) < 0) {
                Py_DECREF(text);
                goto done;
            }
            between = head_text != NULL && !prose && (guard == label || (!is_content && !is_blank));
            Py_XSETREF(between_text, head_text != NULL && !prose && !between ? Py_NewRef(text) : NULL);
            Py_XSETREF(above_text, head_text); /* head_text's reference, moved */
            above_line = head_line;
            head_line = line;
            head_index = index;
            head_text = is_content && guard == Py_None && !prose ? Py_NewRef(text) : NULL;
        }
        /* Line.is_residue (a kind other than blank and content, and no guard), or a line that may be
         * a date (title._is_date: no prose, a digit in it): either counts between a title and its copy. */
        int dated = !is_blank && !prose && holds_digit(text);
        Py_DECREF(text);
        Looked current = {line, size, is_content, prose, (!is_content && !is_blank && guard == Py_None) || dated, 0};
        /* Is the line a near duplicate of a title candidate before it whose copies are
         * looked for, with no line of prose between them but the candidate's copies?  A
         * look up goes past a line of prose only if that line might be a copy itself. */
        int residue = 0; /* a residue line between the candidate and the line */
        Py_ssize_t passed[MAX_WINDOW], passed_count = 0; /* the lines of prose between, nearest first */
        for (Py_ssize_t before = at - 1; before >= 0 && before >= at - copy_window; before--) {
            Looked *candidate = &looked[before];
            if (before < title_lines && near_in_length(size, candidate->size, slack) && candidate->content) {
                current.copyable = 1;
                if (first < 0 || first >= before || residue) {
                    found = 1; /* the lines of prose between first (most are no copy, told by their lengths) */
                    for (Py_ssize_t k = 0; found > 0 && k < passed_count; k++) {
                        found = near(candidate, &looked[passed[k]], slack, own_tests, is_near_duplicate);
                    }
                    if (found > 0) {
                        found = near(candidate, &current, slack, own_tests, is_near_duplicate);
                    }
                    if (found != 0) {
                        goto answered;
                    }
                }
            }
            if (candidate->prose) {
                if (!candidate->copyable) {
                    break; /* a line of prose no candidate's copy: the search for a copy stops there */
                }
                passed[passed_count++] = before;
            }
            residue = residue || candidate->residue;
        }
        looked[at] = current;
        if (first < 0 && is_content) {
            if (own_tests) {
                found = is_title_candidate(fields, at, &bounds);
            } else {
                PyObject *where = PyLong_FromSsize_t(at);
                found = where == NULL ? -1 : call_truth(is_candidate, line, where);
                Py_XDECREF(where);
            }
            if (found < 0) {
                goto done;
            }
            first = found ? at : first;
        }
    }
    /* A short title's copy (duplicates.short_title_copy) is the next line of the first
     * ones, and may repeat it. */
    result = Py_NewRef(repeats ? Py_False : Py_True);
    goto done;
answered: /* found: 1, a line may be a copy; -1, an error */
    result = found < 0 ? NULL : Py_NewRef(Py_False);
done:
    Py_XDECREF(head_text);
    Py_XDECREF(above_text);
    Py_XDECREF(between_text);
    Py_XDECREF(fields);
    return result;
}

/* A quotation mark the quote rules reshape (chars.QUOTATION_MARKS: “ ” ‘ ’ « » ‹ › „ ‚ " '). */
static inline int
is_quotation_mark(Py_UCS4 ch)
{
    switch (ch) {
    case 0x201C: case 0x201D: case 0x2018: case 0x2019: case 0x00AB: case 0x00BB:
    case 0x2039: case 0x203A: case 0x201E: case 0x201A: case 0x22: case 0x27:
        return 1;
    default:
        return 0;
    }
}

/* A str read as duplicates._normalized reads it: its quotation marks left out, each run of
 * white space between words one space, none at either end. */
typedef struct {
    int kind;
    const void *data;
    Py_ssize_t length, at;
    int started; /* a character has been given */
} Normalized;

/* The next character of the normalized str, or (Py_UCS4)-1 at its end. */
static Py_UCS4
normalized_next(Normalized *text)
{
    int space = 0;
    while (text->at < text->length) {
        Py_UCS4 ch = PyUnicode_READ(text->kind, text->data, text->at);
        if (is_quotation_mark(ch)) {
            text->at++;
        } else if (Py_UNICODE_ISSPACE(ch)) {
            space = 1;
            text->at++;
        } else if (space && text->started) {
            return ' '; /* the character itself comes at the next call */
        } else {
            text->at++;
            text->started = 1;
            return ch;
        }
    }
    return (Py_UCS4)-1;
}

/* Are the two strs the same paragraph as duplicates._normalized reads them (the same words,
 * white space and quotation marks aside)?  Compared in one pass, which stops at the first
 * difference. */
static int
same_but_white_space(PyObject *a, PyObject *b)
{
    Normalized x = {PyUnicode_KIND(a), PyUnicode_DATA(a), PyUnicode_GET_LENGTH(a), 0, 0};
    Normalized y = {PyUnicode_KIND(b), PyUnicode_DATA(b), PyUnicode_GET_LENGTH(b), 0, 0};
    while (1) {
        Py_UCS4 from_a = normalized_next(&x), from_b = normalized_next(&y);
        if (from_a != from_b) {
            return 0;
        }
        if (from_a == (Py_UCS4)-1) {
            return 1;
        }
    }
}

/* may_repeat's first look, at the two texts' lengths and first characters alone. */
static int
may_repeat_by_shape(PyObject *previous_text, PyObject *text, Py_ssize_t slack)
{
    Py_ssize_t a = PyUnicode_GET_LENGTH(previous_text), b = PyUnicode_GET_LENGTH(text);
    if (!near_in_length(a, b, slack)) {
        return 0;
    }
    Py_UCS4 first_a = a ? PyUnicode_READ_CHAR(previous_text, 0) : 0;
    Py_UCS4 first_b = b ? PyUnicode_READ_CHAR(text, 0) : 0;
    int alike = (a == 0) == (b == 0) && (a == 0 || first_a == first_b);
    return alike || (a && (Py_UNICODE_ISSPACE(first_a) || is_quotation_mark(first_a)))
           || (b && (Py_UNICODE_ISSPACE(first_b) || is_quotation_mark(first_b)));
}

/* May the line repeat the one before it (repeats.may_repeat: lengths within 2 * shorter +
 * slack, the same first character, or white space or a quotation mark first in one of them,
 * and equal skeletons where both lines have made theirs, or the texts equal but for white
 * space and quotation marks)?  1, 0, or -1 on an error (raised).  The lines, and their
 * texts (strs), are references the caller holds. */
static int
may_repeat(PyObject *previous, PyObject *previous_text, PyObject *line, PyObject *text, Py_ssize_t slack)
{
    if (!may_repeat_by_shape(previous_text, text, slack)) {
        return 0;
    }
    int same = 1; /* both skeletons equal, or the texts equal but for white space and quotation marks */
    PyObject *key_a = line_memo(previous, LINE_KEY);
    PyObject *key_b = PyErr_Occurred() ? NULL : line_memo(line, LINE_KEY);
    if (!PyErr_Occurred()) {
        same = key_a != NULL && key_b != NULL ? PyObject_RichCompareBool(key_a, key_b, Py_EQ) : 0;
        if (same == 0) { /* a quotation mark inside a word splits it in the skeleton only */
            same = same_but_white_space(previous_text, text);
        }
    }
    Py_XDECREF(key_a);
    Py_XDECREF(key_b);
    return PyErr_Occurred() || same < 0 ? -1 : same;
}

/* first_repeat(lines, filled, slack) -> int
 * The first look of B102 (repeats.python_first_repeat): the first k >= 1 at which
 * the non-blank line filled[k] may repeat the one before it, filled[k - 1]
 * (repeats.may_repeat: lengths within 2 * shorter + slack, the same first
 * character, or white space or a quotation mark first in one of them, and equal skeletons
 * where both lines have made theirs, or the texts equal but for white space and quotation
 * marks); -1 if none may. */
PyObject *
first_repeat(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 3 || !PyTuple_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "first_repeat(lines: tuple, filled, slack)");
        return NULL;
    }
    PyObject *lines = args[0], *filled = args[1];
    Py_ssize_t slack = PyLong_AsSsize_t(args[2]);
    Py_ssize_t count = slack == -1 && PyErr_Occurred() ? -1 : PySequence_Size(filled);
    if (count < 0) {
        return NULL;
    }
    PyObject *previous = NULL, *previous_text = NULL; /* the line before, and its text (a reference) */
    Py_ssize_t found = -1;
    for (Py_ssize_t at = 0; at < count && found < 0; at++) {
        PyObject *line = filled_line(lines, filled, at);
        if (line == NULL) {
            goto failed;
        }
        PyObject *text = PyObject_GetAttr(line, LINE_TEXT);
        if (text == NULL) {
            goto failed;
        }
        if (!PyUnicode_Check(text)) {
            Py_DECREF(text);
            PyErr_SetString(PyExc_TypeError, "first_repeat: a line's text is not a str");
            goto failed;
        }
        if (previous != NULL) {
            int same = may_repeat(previous, previous_text, line, text, slack);
            if (same < 0) {
                Py_DECREF(text);
                goto failed;
            }
            found = same ? at : -1;
        }
        Py_XDECREF(previous_text);
        previous = line;
        previous_text = text;
    }
    Py_XDECREF(previous_text);
    return PyLong_FromSsize_t(found);
failed:
    Py_XDECREF(previous_text);
    return NULL;
}
