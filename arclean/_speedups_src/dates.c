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
    PyObject *clitic = PyUnicode_Substring(text, start, word);
    PyObject *letters = PyUnicode_Substring(text, word, end);
    PyObject *item = (clitic && letters) ? Py_BuildValue("(OOnn)", clitic, letters, word, end) : NULL;
    Py_XDECREF(clitic);
    Py_XDECREF(letters);
    if (item == NULL) {
        return -1;
    }
    int failed = PyList_Append(found, item);
    Py_DECREF(item);
    return failed;
}

/* The first digit at or after i (length if none), read through a pointer of the text's own width. */
#define SKIP_TO_DIGIT(TYPE)                                                                  \
    {                                                                                        \
        const TYPE *s = (const TYPE *)data;                                                  \
        while (i < length && !(s[i] < DATE_TABLE && (date_table[s[i]] & IS_DIGIT))) {         \
            i++;                                                                             \
        }                                                                                    \
        return i;                                                                            \
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
    if (found == NULL) {
        return NULL;
    }
    Py_ssize_t i = 0;
    while ((i = next_digit(kind, data, length, i)) < length) {
        Py_ssize_t run = i;
        while (date_class(kind, data, length, i) & IS_DIGIT) {
            i++;
        }
        Py_ssize_t digits = i - run;
        if (digits <= 2) {  /* a day: the word after it */
            Py_ssize_t start = i;
            while (date_class(kind, data, length, start) & IS_SPACE) {
                start++;
            }
            Py_ssize_t end = start;
            while (date_class(kind, data, length, end) & IS_LETTER) {
                end++;
            }
            if (end > start && append_date_word(found, text, kind, data, start, end) < 0) {
                goto failed;
            }
        }
        else if (digits == 4) {  /* a year: the word before it */
            Py_ssize_t window = run - look_back > 0 ? run - look_back : 0, end = run;
            if (end > window && PyUnicode_READ(kind, data, end - 1) == '\n') {
                end--;  /* $ also matches before a line feed that ends the window */
            }
            Py_ssize_t word_end = end;
            while (word_end > window && (date_class(kind, data, length, word_end - 1) & IS_SEPARATOR)) {
                word_end--;
            }
            Py_ssize_t word_start = word_end;
            while (word_start > window && (date_class(kind, data, length, word_start - 1) & IS_LETTER)) {
                word_start--;
            }
            if (word_end < end && word_start < word_end && !(date_class(kind, data, length, word_start - 1) & IS_LETTER)
                && append_date_word(found, text, kind, data, word_start, word_end) < 0) {
                goto failed;
            }
        }
    }
    return found;
failed:
    Py_DECREF(found);
    return NULL;
}
