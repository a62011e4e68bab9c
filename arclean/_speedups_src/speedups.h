/* What the files of arclean._speedups share: the Python headers, a loop over a
 * str's characters, a str argument's parts, and the functions module.c puts in the
 * module's method table. */
#ifndef ARCLEAN_SPEEDUPS_H
#define ARCLEAN_SPEEDUPS_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

/* Run STATEMENT for each character CH of a str (DATA, KIND, LENGTH), read through a
 * pointer of the string's own width: one switch on the kind, not one a character. */
#define FOR_EACH_CHAR(KIND, DATA, LENGTH, I, CH, STATEMENT)                                  \
    switch (KIND) {                                                                          \
    case PyUnicode_1BYTE_KIND: {                                                             \
        const Py_UCS1 *p_ = (const Py_UCS1 *)(DATA);                                         \
        for (Py_ssize_t I = 0; I < (LENGTH); I++) { Py_UCS4 CH = p_[I]; STATEMENT }          \
        break;                                                                               \
    }                                                                                        \
    case PyUnicode_2BYTE_KIND: {                                                             \
        const Py_UCS2 *p_ = (const Py_UCS2 *)(DATA);                                         \
        for (Py_ssize_t I = 0; I < (LENGTH); I++) { Py_UCS4 CH = p_[I]; STATEMENT }          \
        break;                                                                               \
    }                                                                                        \
    default: {                                                                               \
        const Py_UCS4 *p_ = (const Py_UCS4 *)(DATA);                                         \
        for (Py_ssize_t I = 0; I < (LENGTH); I++) { Py_UCS4 CH = p_[I]; STATEMENT }          \
        break;                                                                               \
    }                                                                                        \
    }

/* Py_UNICODE_ISDECIMAL (re's \d), without a look in the Unicode database for ASCII and for
 * the Arabic block's letters and marks (U+0600-U+065F), which hold no decimal digit. */
static inline int
is_decimal_digit(Py_UCS4 ch)
{
    if (ch < 0x80) {
        return ch >= '0' && ch <= '9';
    }
    if (ch >= 0x0600 && ch < 0x0660) {
        return 0;
    }
    return Py_UNICODE_ISDECIMAL(ch);
}

/* A str argument's length, kind and data; -1, with a TypeError naming the function,
 * for anything else. */
static inline int
str_parts(PyObject *text, const char *function, Py_ssize_t *length, int *kind, const void **data)
{
    if (!PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError, "%s() expects a str", function);
        return -1;
    }
    *length = PyUnicode_GET_LENGTH(text);
    *kind = PyUnicode_KIND(text);
    *data = PyUnicode_DATA(text);
    return 0;
}

/* A tuple argument of exactly COUNT items, read as PyArg_ParseTuple reads it with a
 * format of OBJECTS "O" and then "n" for the rest, without parsing a format each call:
 * the objects into OUT (borrowed), the ints into SIZES.  0, or -1 with a TypeError
 * naming WHAT (an int's own error when it overflows). */
static inline int
tuple_fields(PyObject *tuple, const char *what, Py_ssize_t count, Py_ssize_t objects, PyObject **out,
             Py_ssize_t *sizes)
{
    if (!PyTuple_Check(tuple) || PyTuple_GET_SIZE(tuple) != count) {
        PyErr_Format(PyExc_TypeError, "%s: a tuple of %zd items", what, count);
        return -1;
    }
    for (Py_ssize_t k = 0; k < count; k++) {
        PyObject *item = PyTuple_GET_ITEM(tuple, k);
        if (k < objects) {
            out[k] = item;
        }
        else if (!PyLong_Check(item)) {
            PyErr_Format(PyExc_TypeError, "%s: item %zd is not an int", what, k);
            return -1;
        }
        else if ((sizes[k - objects] = PyLong_AsSsize_t(item)) == -1 && PyErr_Occurred()) {
            return -1;
        }
    }
    return 0;
}

/* A field of a line (its text, kind, guard...): from its dict (fields), where a Line
 * keeps them all, or as an attribute if it is not there.  A new reference; NULL on an
 * error. */
static inline PyObject *
line_field(PyObject *line, PyObject *fields, PyObject *name)
{
    PyObject *found = PyDict_GetItemWithError(fields, name);
    if (found != NULL) {
        return Py_NewRef(found);
    }
    return PyErr_Occurred() ? NULL : PyObject_GetAttr(line, name);
}

/* The bounds of a str stripped of white space (str.strip): [*start, *end). */
static inline void
strip_bounds(PyObject *text, Py_ssize_t *start, Py_ssize_t *end)
{
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    *start = 0;
    *end = PyUnicode_GET_LENGTH(text);
    while (*start < *end && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, *start))) {
        (*start)++;
    }
    while (*end > *start && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, *end - 1))) {
        (*end)--;
    }
}

/* How many spaces (U+0020) text[start:end] holds. */
static inline Py_ssize_t
count_spaces(PyObject *text, Py_ssize_t start, Py_ssize_t end)
{
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t spaces = 0;
    for (Py_ssize_t i = start; i < end; i++) {
        spaces += PyUnicode_READ(kind, data, i) == ' ';
    }
    return spaces;
}

/* text.c */
void build_tables(void);
PyObject *first_look(PyObject *module, PyObject *text);
PyObject *rare_gates(PyObject *module, PyObject *const *args, Py_ssize_t nargs);
PyObject *fold_text(PyObject *module, PyObject *text);
PyObject *skeleton_of_folded(PyObject *module, PyObject *text);
PyObject *first_word_of_head(PyObject *folded, Py_ssize_t chars);
PyObject *doubled_key(PyObject *module, PyObject *key);
PyObject *first_word_comes_back(PyObject *module, PyObject *folded);
int text_first_word_comes_back(PyObject *text);
PyObject *first_word_comes_back_unfolded(PyObject *module, PyObject *text);
PyObject *followed_by(PyObject *module, PyObject *const *args, Py_ssize_t nargs);
/* needles.c */
PyObject *needles_in(PyObject *module, PyObject *const *args, Py_ssize_t nargs);
/* line_diff.c: line_opcodes aligns a b of fewer items than this (difflib's autojunk
 * starts at 200, and then drops the popular items this does not). */
#define OPCODES_MAX_B 200
int line_diff_init(void);
PyObject *line_opcodes(PyObject *module, PyObject *const *args, Py_ssize_t nargs);
PyObject *page_changes(PyObject *module, PyObject *const *args, Py_ssize_t nargs);
/* page.c: the names of the Line attributes the page model's loops read, interned once
 * when the module is made (line_names_init), and the loops themselves. */
extern PyObject *LINE_TEXT, *LINE_KIND, *LINE_GUARD, *LINE_PROSE, *LINE_KEY, *LINE_FOLDED, *LINE_WORDS, *LINE_CHROME;
int line_names_init(void);
PyObject *classify_lines(PyObject *module, PyObject *const *args, Py_ssize_t nargs);
PyObject *index_lines(PyObject *module, PyObject *const *args, Py_ssize_t nargs);
PyObject *quiet_page(PyObject *module, PyObject *const *args, Py_ssize_t nargs);
PyObject *plain_lines_of(PyObject *module, PyObject *const *args, Py_ssize_t nargs);
/* copies.c */
PyObject *no_copies(PyObject *module, PyObject *const *args, Py_ssize_t nargs);
PyObject *first_repeat(PyObject *module, PyObject *const *args, Py_ssize_t nargs);
/* short_line.c */
PyObject *short_line(PyObject *module, PyObject *const *args, Py_ssize_t nargs);
PyObject *make_line(PyObject *make_line, PyObject *text, PyObject *kind, PyObject *folded, PyObject *key, int prose,
                    PyObject *evidence, Py_ssize_t chrome, Py_ssize_t filler);
/* quotes.c */
PyObject *quote_look(PyObject *module, PyObject *const *args, Py_ssize_t nargs);
/* dates.c */
PyObject *set_date_classes(PyObject *module, PyObject *const *args, Py_ssize_t nargs);
PyObject *anchor_ends(PyObject *module, PyObject *const *args, Py_ssize_t nargs);
PyObject *date_words(PyObject *module, PyObject *text);
PyObject *dates_known(PyObject *module, PyObject *const *args, Py_ssize_t nargs);

#endif
