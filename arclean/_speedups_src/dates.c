#include "speedups.h"

/* date_words: the words T101 looks at, found in one scan.  The character classes
 * and bounds come from months.py (set_date_classes: digits, letters, the clitics a
 * month name takes, the separators between a word and a year, the spaces between a
 * day and a word, every character below U+0800; the fewest letters of a word; how far
 * back a year's word may start).
 *   - a run of one or two digits, then spaces, then a run of letters: the run (after
 *     a clitic, when enough letters are left), if it has enough letters;
 *   - a run of four digits (a year): the run of letters that ends where the
 *     separators before the year start (the year may stand at the start of the next
 *     line), if it starts at most the look-back before the year;
 * as (clitic, word, start, end), in the order of the numbers: what months.py's
 * _DATE_NUMBER, _WORD_AFTER and _WORD_BEFORE find. */
#define DATE_TABLE 0x800
#define IS_DIGIT 1
#define IS_LETTER 2
#define IS_CLITIC 4
#define IS_SEPARATOR 8
#define IS_SPACE 16
#define DATE_CLASSES 5
static unsigned char date_table[DATE_TABLE];
static Py_ssize_t min_letters, look_back;
static int date_classes_set = 0;

PyObject *
set_date_classes(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    static const unsigned char flags[DATE_CLASSES] = {IS_DIGIT, IS_LETTER, IS_CLITIC, IS_SEPARATOR, IS_SPACE};
    if (nargs != DATE_CLASSES + 2) {
        PyErr_SetString(PyExc_TypeError,
                        "set_date_classes(digits, letters, clitics, separators, spaces, min_letters, look_back)");
        return NULL;
    }
    Py_ssize_t fewest = PyLong_AsSsize_t(args[DATE_CLASSES]), back = PyLong_AsSsize_t(args[DATE_CLASSES + 1]);
    if ((fewest == -1 || back == -1) && PyErr_Occurred()) {
        return NULL;
    }
    unsigned char table[DATE_TABLE] = {0};
    for (int c = 0; c < DATE_CLASSES; c++) {
        if (!PyUnicode_Check(args[c])) {
            PyErr_SetString(PyExc_TypeError, "set_date_classes: the classes are str");
            return NULL;
        }
        for (Py_ssize_t k = 0; k < PyUnicode_GET_LENGTH(args[c]); k++) {
            Py_UCS4 ch = PyUnicode_READ_CHAR(args[c], k);
            if (ch >= DATE_TABLE) {
                PyErr_SetString(PyExc_ValueError, "set_date_classes: a character at or above U+0800");
                return NULL;
            }
            table[ch] |= flags[c];
        }
    }
    memcpy(date_table, table, sizeof table);
    min_letters = fewest;
    look_back = back;
    date_classes_set = 1;
    Py_RETURN_NONE;
}

static inline unsigned
date_class(int kind, const void *data, Py_ssize_t length, Py_ssize_t i)
{
    if (i < 0 || i >= length) {
        return 0;
    }
    Py_UCS4 ch = PyUnicode_READ(kind, data, i);
    return ch < DATE_TABLE ? date_table[ch] : 0;
}

/* tuple[k] = value, the tuple taking the reference: 0, or -1 when value is NULL (an error). */
static inline int
set_item(PyObject *tuple, Py_ssize_t k, PyObject *value)
{
    if (value == NULL) {
        return -1;
    }
    PyTuple_SET_ITEM(tuple, k, value);
    return 0;
}

/* Append (clitic, word, start, end) for the letters [start, end), if enough are left
 * after a clitic, or if enough otherwise. */
static int
append_date_word(PyObject *found, PyObject *text, int kind, const void *data, Py_ssize_t start, Py_ssize_t end)
{
    Py_ssize_t word = start;
    if ((date_class(kind, data, end, start) & IS_CLITIC) && end - start - 1 >= min_letters) {
        word = start + 1;
    }
    else if (end - start < min_letters) {
        return 0;
    }
    /* The tuple filled in place, not by Py_BuildValue, which parses its format at every word;
     * on an error, the items made so far go with it (a tuple's NULL items are passed by). */
    PyObject *item = PyTuple_New(4);
    if (item == NULL) {
        return -1;
    }
    if (set_item(item, 0, PyUnicode_Substring(text, start, word)) < 0
        || set_item(item, 1, PyUnicode_Substring(text, word, end)) < 0
        || set_item(item, 2, PyLong_FromSsize_t(word)) < 0 || set_item(item, 3, PyLong_FromSsize_t(end)) < 0) {
        Py_DECREF(item);
        return -1;
    }
    int failed = PyList_Append(found, item);
    Py_DECREF(item);
    return failed;
}

/* The first digit at or after i (length if none), read through a pointer of the text's own width:
 * skipping four characters at a time while none of them may be one (a look-up of their low
 * eleven bits, which a character at or above U+0800 shares with one below it), then looking at
 * the next four one by one. */
#define MAY_BE_DIGIT(CH) (date_table[(CH) & (DATE_TABLE - 1)] & IS_DIGIT)
#define SKIP_TO_DIGIT(TYPE)                                                                  \
    {                                                                                        \
        const TYPE *s = (const TYPE *)data;                                                  \
        while (i < length) {                                                                 \
            while (i + 4 <= length                                                           \
                   && !(MAY_BE_DIGIT(s[i]) | MAY_BE_DIGIT(s[i + 1]) | MAY_BE_DIGIT(s[i + 2]) | MAY_BE_DIGIT(s[i + 3]))) { \
                i += 4;                                                                      \
            }                                                                                \
            for (Py_ssize_t stop = i + 4 < length ? i + 4 : length; i < stop; i++) {        \
                if (s[i] < DATE_TABLE && (date_table[s[i]] & IS_DIGIT)) {                    \
                    return i;                                                                \
                }                                                                            \
            }                                                                                \
        }                                                                                    \
        return length;                                                                       \
    }

static Py_ssize_t
next_digit(int kind, const void *data, Py_ssize_t length, Py_ssize_t i)
{
    switch (kind) {
    case PyUnicode_1BYTE_KIND:
        SKIP_TO_DIGIT(Py_UCS1)
    case PyUnicode_2BYTE_KIND:
        SKIP_TO_DIGIT(Py_UCS2)
    default:
        SKIP_TO_DIGIT(Py_UCS4)
    }
}

/* What a scan does with each word it finds, the letters [start, end) of the text (a clitic
 * and the word): 0 to go on, 1 to stop there, -1 on an error. */
typedef int (*EachWord)(void *context, PyObject *text, int kind, const void *data, Py_ssize_t start, Py_ssize_t end);

/* Would append_date_word find a word in the letters [start, end): enough letters after a
 * clitic, or enough in all? */
static inline int
holds_date_word(int kind, const void *data, Py_ssize_t start, Py_ssize_t end)
{
    return ((date_class(kind, data, end, start) & IS_CLITIC) && end - start - 1 >= min_letters) || end - start >= min_letters;
}

/* date_words' scan: each run of letters beside a date number that holds a word, in the
 * order of the numbers, to each.  0 when the text is done, 1 when each stopped it, -1 on an error. */
static int
scan_date_words(PyObject *text, int kind, const void *data, Py_ssize_t length, EachWord each, void *context)
{
    Py_ssize_t i = 0;
    while ((i = next_digit(kind, data, length, i)) < length) {
        Py_ssize_t run = i;
        while (date_class(kind, data, length, i) & IS_DIGIT) {
            i++;
        }
        Py_ssize_t digits = i - run, start = -1, end = -1;
        if (digits <= 2) {  /* a day: the word after it */
            start = i;
            while (date_class(kind, data, length, start) & IS_SPACE) {
                start++;
            }
            end = start;
            while (date_class(kind, data, length, end) & IS_LETTER) {
                end++;
            }
        }
        else if (digits == 4) {  /* a year: the word before it */
            Py_ssize_t window = run - look_back > 0 ? run - look_back : 0, stop = run;
            if (stop > window && PyUnicode_READ(kind, data, stop - 1) == '\n') {
                stop--;  /* $ also matches before a line feed that ends the window */
            }
            end = stop;
            while (end > window && (date_class(kind, data, length, end - 1) & IS_SEPARATOR)) {
                end--;
            }
            start = end;
            while (start > window && (date_class(kind, data, length, start - 1) & IS_LETTER)) {
                start--;
            }
            if (end == stop || (date_class(kind, data, length, start - 1) & IS_LETTER)) {
                continue;  /* no separator before the year, or a word cut by the window */
            }
        }
        if (end > start && holds_date_word(kind, data, start, end)) {
            int done = each(context, text, kind, data, start, end);
            if (done != 0) {
                return done;
            }
        }
    }
    return 0;
}

static int
append_each(void *found, PyObject *text, int kind, const void *data, Py_ssize_t start, Py_ssize_t end)
{
    return append_date_word((PyObject *)found, text, kind, data, start, end) < 0 ? -1 : 0;
}

PyObject *
date_words(PyObject *module, PyObject *text)
{
    Py_ssize_t length;
    int kind;
    const void *data;
    if (str_parts(text, "date_words", &length, &kind, &data) < 0) {
        return NULL;
    }
    if (!date_classes_set) {
        PyErr_SetString(PyExc_RuntimeError, "date_words: set_date_classes was not called");
        return NULL;
    }
    PyObject *found = PyList_New(0);
    if (found != NULL && scan_date_words(text, kind, data, length, append_each, found) < 0) {
        Py_CLEAR(found);
    }
    return found;
}

/* Does the text hold a space or tab at i? */
static inline int
space_or_tab(int kind, const void *data, Py_ssize_t length, Py_ssize_t i)
{
    if (i >= length) {
        return 0;
    }
    Py_UCS4 ch = PyUnicode_READ(kind, data, i);
    return ch == ' ' || ch == '\t';
}

/* Where the first of the words that stands at q with a space or tab after it ends,
 * its spaces and tabs after it included (-1: none; -2 on an error). */
static Py_ssize_t
word_and_spaces(PyObject *text, int kind, const void *data, Py_ssize_t length, PyObject *words, Py_ssize_t q)
{
    for (Py_ssize_t w = 0; w < PyTuple_GET_SIZE(words); w++) {
        PyObject *word = PyTuple_GET_ITEM(words, w);
        Py_ssize_t end = q + PyUnicode_GET_LENGTH(word);
        if (end >= length) {
            continue;
        }
        Py_ssize_t at = PyUnicode_Tailmatch(text, word, q, end, -1);
        if (at < 0) {
            return -2;
        }
        if (at && space_or_tab(kind, data, length, end)) {
            while (space_or_tab(kind, data, length, end)) {
                end++;
            }
            return end;
        }
    }
    return -1;
}

/* months._ANCHOR.match(text, start): no letter before start, a clitic or none, the
 * article or none (each tried taken first), one of the words and the spaces and tabs
 * after it: where the match ends (-1: none; -2 on an error). */
static Py_ssize_t
anchor_match(PyObject *text, int kind, const void *data, Py_ssize_t length, PyObject *words, PyObject *article,
             Py_ssize_t start)
{
    if (date_class(kind, data, length, start - 1) & IS_LETTER) {
        return -1;
    }
    Py_ssize_t article_length = PyUnicode_GET_LENGTH(article);
    for (int clitic = 1; clitic >= 0; clitic--) {
        if (clitic && !(date_class(kind, data, length, start) & IS_CLITIC)) {
            continue;
        }
        for (int with_article = 1; with_article >= 0; with_article--) {
            Py_ssize_t q = start + clitic;
            if (with_article) {
                Py_ssize_t at = q + article_length <= length ? PyUnicode_Tailmatch(text, article, q, q + article_length, -1) : 0;
                if (at < 0) {
                    return -2;
                }
                if (!at) {
                    continue;
                }
                q += article_length;
            }
            Py_ssize_t end = word_and_spaces(text, kind, data, length, words, q);
            if (end != -1) {
                return end;
            }
        }
    }
    return -1;
}

/* What the anchor scan does with the end of each match: 0 to go on, 1 to stop, -1 on an error. */
typedef int (*EachEnd)(void *context, Py_ssize_t end);

/* anchor_ends' scan (see there), each match's end to each.  0 when the text is done, 1 when
 * each stopped it, -1 on an error. */
static int
scan_anchors(PyObject *text, PyObject *words, PyObject *article, Py_ssize_t reach, EachEnd each, void *context)
{
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t length = PyUnicode_GET_LENGTH(text), at = 0, last = 0;
    while (1) {
        /* the leftmost anchor word with a space or tab after it (the first listed where two start together) */
        Py_ssize_t found = -1, found_end = -1;
        for (Py_ssize_t w = 0; w < PyTuple_GET_SIZE(words); w++) {
            PyObject *word = PyTuple_GET_ITEM(words, w);
            Py_ssize_t size = PyUnicode_GET_LENGTH(word), from = at;
            while (1) {
                Py_ssize_t start = PyUnicode_Find(text, word, from, length, 1);
                if (start == -2) {
                    return -1;
                }
                if (start < 0 || (found >= 0 && start >= found)) {
                    break;
                }
                if (space_or_tab(kind, data, length, start + size)) {
                    found = start;
                    found_end = start + size;
                    break;
                }
                from = start + 1;
            }
        }
        if (found < 0) {
            return 0;
        }
        while (space_or_tab(kind, data, length, found_end)) {
            found_end++;
        }
        at = found_end;
        for (Py_ssize_t start = found - reach > last ? found - reach : last; start <= found; start++) {
            Py_ssize_t end = anchor_match(text, kind, data, length, words, article, start);
            if (end == -2) {
                return -1;
            }
            if (end >= 0) {
                last = end;
                int done = each(context, end);
                if (done != 0) {
                    return done;
                }
                break;
            }
        }
    }
}

/* The words and bounds of anchor_ends' and dates_known's arguments after the text, checked:
 * 0, or -1 with a TypeError or RuntimeError set. */
static int
check_anchors(const char *name, PyObject *words, PyObject *article, Py_ssize_t reach)
{
    if (reach == -1 && PyErr_Occurred()) {
        return -1;
    }
    for (Py_ssize_t w = 0; w < PyTuple_GET_SIZE(words); w++) {
        if (!PyUnicode_Check(PyTuple_GET_ITEM(words, w)) || PyUnicode_GET_LENGTH(PyTuple_GET_ITEM(words, w)) == 0) {
            PyErr_Format(PyExc_TypeError, "%s: the words are str, none empty", name);
            return -1;
        }
    }
    if (!date_classes_set) {
        PyErr_Format(PyExc_RuntimeError, "%s: set_date_classes was not called", name);
        return -1;
    }
    return 0;
}

static int
append_end(void *ends, Py_ssize_t end)
{
    PyObject *number = PyLong_FromSsize_t(end);
    int failed = number == NULL || PyList_Append((PyObject *)ends, number) < 0;
    Py_XDECREF(number);
    return failed ? -1 : 0;
}

/* anchor_ends(text, words, article, reach) -> list of int
 * months._anchor_ends: for each match of (word|word...)[ \t]+ (the anchor words, in
 * their order; matches found left to right, not overlapping), the end of the first
 * match of months._ANCHOR that starts within reach before the word (not before the
 * last match's end) or at it.  After set_date_classes (its letters and clitics). */
PyObject *
anchor_ends(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 4 || !PyUnicode_Check(args[0]) || !PyTuple_Check(args[1]) || !PyUnicode_Check(args[2])) {
        PyErr_SetString(PyExc_TypeError, "anchor_ends(text, words: tuple of str, article, reach)");
        return NULL;
    }
    Py_ssize_t reach = PyLong_AsSsize_t(args[3]);
    if (check_anchors("anchor_ends", args[1], args[2], reach) < 0) {
        return NULL;
    }
    PyObject *ends = PyList_New(0);
    if (ends != NULL && scan_anchors(args[0], args[1], args[2], reach, append_end, ends) < 0) {
        Py_CLEAR(ends);
    }
    return ends;
}

/* What dates_known's checks share: the text and the set of the runs known. */
typedef struct {
    PyObject *text, *known;
    int kind;
    const void *data;
    Py_ssize_t length;
} Known;

/* Is the run of letters [start, end) of the text in the set?  0 (go on) when it is, 1 (stop)
 * when not, -1 on an error. */
static int
known_run(PyObject *known, PyObject *text, Py_ssize_t start, Py_ssize_t end)
{
    PyObject *run = PyUnicode_Substring(text, start, end);
    int found = run == NULL ? -1 : PySet_Contains(known, run);
    Py_XDECREF(run);
    return found < 0 ? -1 : !found;
}

static int
known_word(void *context, PyObject *text, int kind, const void *data, Py_ssize_t start, Py_ssize_t end)
{
    (void)kind;
    (void)data;
    return known_run(((Known *)context)->known, text, start, end);
}

/* months._WORD_AFTER.match(text, end): spaces and tabs, no letter before what follows them,
 * a run of letters that holds a word (a clitic and min_letters letters, or min_letters): the
 * run, to known_run. */
static int
known_after_anchor(void *context, Py_ssize_t end)
{
    const Known *k = context;
    Py_ssize_t start = end;
    while (date_class(k->kind, k->data, k->length, start) & IS_SPACE) {
        start++;
    }
    if (date_class(k->kind, k->data, k->length, start - 1) & IS_LETTER) {
        return 0;
    }
    Py_ssize_t stop = start;
    while (date_class(k->kind, k->data, k->length, stop) & IS_LETTER) {
        stop++;
    }
    if (stop == start || !holds_date_word(k->kind, k->data, start, stop)) {
        return 0;
    }
    return known_run(k->known, k->text, start, stop);
}

/* dates_known(known, words, article, reach, text, anchored) -> bool (the text after the
 * arguments a caller binds once: a partial of it makes no Python frame)
 * Is every word T101 looks at in the text known to need no fix: every run of letters of
 * date_words (a clitic and its word), and, when anchored, of the words months._WORD_AFTER
 * matches after each of anchor_ends (words, article, reach), in the set known?  Then
 * months.fix_month_misspellings, which records there each run it found no fix for, has
 * nothing to fix but a listed misspelling (its first look asks about those). */
PyObject *
dates_known(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 6 || !PyAnySet_Check(args[0]) || !PyTuple_Check(args[1]) || !PyUnicode_Check(args[2])
        || !PyUnicode_Check(args[4])) {
        PyErr_SetString(PyExc_TypeError, "dates_known(known: set, words: tuple of str, article, reach, text, anchored)");
        return NULL;
    }
    Py_ssize_t reach = PyLong_AsSsize_t(args[3]);
    int anchored = PyObject_IsTrue(args[5]);
    if (anchored < 0 || check_anchors("dates_known", args[1], args[2], reach) < 0) {
        return NULL;
    }
    PyObject *text = args[4];
    Known k = {text, args[0], PyUnicode_KIND(text), PyUnicode_DATA(text), PyUnicode_GET_LENGTH(text)};
    int unknown = scan_date_words(text, k.kind, k.data, k.length, known_word, &k);
    if (unknown == 0 && anchored) {
        unknown = scan_anchors(text, args[1], args[2], reach, known_after_anchor, &k);
    }
    return unknown < 0 ? NULL : Py_NewRef(unknown ? Py_False : Py_True);
}
