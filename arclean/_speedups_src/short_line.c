/* A short line classified out of context (analysis.classify) in C, for the lines most
 * of a crawl is made of: ones no phrase, counter, copyright notice, content label,
 * breadcrumb, separator or list mark can be.  Every test is first asked its cheap
 * question here (a dict lookup, a character looked for); when a test could say yes,
 * short_line answers None and the line is classified in Python, which stays the
 * reference.  What C decides is the rest: prose, content, and chrome by its words. */
#include "speedups.h"

/* What short_line reads: the phrase matcher's tables, the
 * word lists and the tests it calls, the Line class and kinds, and the bounds. */
typedef struct {
    /* the phrase matcher's tables, a dict for each of its levels (its base's first), in tuples: */
    PyObject *exact;                       /* an exact phrase's skeleton -> ... */
    PyObject *prefixes;                    /* first word -> tuple of line-start phrases' skeletons */
    PyObject *endings;                     /* last word -> list of (ending skeleton, ...) */
    Py_ssize_t longest_exact;
    PyObject *reserved;                    /* tuple of str: a copyright phrase's last words */
    PyObject *proclitics, *suffixes;       /* tuples of str: the clitics lines.listed strips */
    Py_ssize_t min_stem;                   /* and the fewest letters it leaves a stem */
    PyObject *chrome, *filler, *labels;    /* frozensets of folded words */
    PyObject *ends_sentence;               /* folding.ends_sentence(line) */
    PyObject *make_line, *content, *chrome_kind;
    PyObject *trail_marks;                 /* str: the characters a breadcrumb's separator is one of */
    PyObject *homes;                       /* tuple of str: the names a breadcrumb starts with */
    PyObject *list_marks;                  /* str: the characters that start a list item */
    PyObject *months;                      /* frozenset of the months' names, as skeletons */
    PyObject *numbered;                    /* frozenset of the labels of numbered parts, as skeletons */
    PyObject *pages;                       /* frozenset of the nouns a count of pages ends with, as skeletons */
    Py_ssize_t long_chars, long_spaces, start_chars, counter_spaces, counter_words, prose_words, sentence_words,
        tail_words, chrome_words, share_spaces;
} How;

#define HOW_SIZE 31
#define HOW_USAGE                                                                                        \
    "how: (exact, prefixes, endings, longest_exact, reserved, proclitics, suffixes, min_stem, chrome, "  \
    "filler, labels, ends_sentence, make_line, content, chrome_kind, trail_marks, homes, list_marks, "   \
    "months, numbered, pages, "                                                                         \
    "long_chars, long_spaces, start_chars, counter_spaces, counter_words, prose_words, sentence_words, "  \
    "tail_words, chrome_words, share_spaces)"

static int all_str(PyObject *tuple, const char *what);
static int all_dicts(PyObject *tuple, const char *what);

/* Read how's tuple into *how, its items borrowed (an argument parser reading a format
 * string would cost a fifth of a line's classification).  0, or -1 with a TypeError. */
static int
read_how(PyObject *tuple, How *how)
{
    if (!PyTuple_Check(tuple) || PyTuple_GET_SIZE(tuple) != HOW_SIZE) {
        PyErr_SetString(PyExc_TypeError, HOW_USAGE);
        return -1;
    }
    PyObject *const *item = &PyTuple_GET_ITEM(tuple, 0);
    PyObject **objects[] = {&how->exact, &how->prefixes, &how->endings, NULL, &how->reserved, &how->proclitics,
                            &how->suffixes, NULL, &how->chrome, &how->filler, &how->labels, &how->ends_sentence,
                            &how->make_line, &how->content, &how->chrome_kind, &how->trail_marks, &how->homes,
                            &how->list_marks, &how->months, &how->numbered, &how->pages};
    Py_ssize_t *numbers[] = {&how->long_chars, &how->long_spaces, &how->start_chars, &how->counter_spaces,
                             &how->counter_words, &how->prose_words, &how->sentence_words, &how->tail_words,
                             &how->chrome_words, &how->share_spaces};
    const int object_count = (int)(sizeof objects / sizeof objects[0]);
    _Static_assert(sizeof objects / sizeof objects[0] + sizeof numbers / sizeof numbers[0] == HOW_SIZE, "how's size");
    for (int k = 0; k < object_count; k++) {
        if (objects[k] != NULL) {
            *objects[k] = item[k];
        }
    }
    how->longest_exact = PyLong_AsSsize_t(item[3]);
    how->min_stem = PyLong_AsSsize_t(item[7]);
    for (int k = 0; k < (int)(sizeof numbers / sizeof numbers[0]); k++) {
        *numbers[k] = PyLong_AsSsize_t(item[object_count + k]);
        if (*numbers[k] == -1 && PyErr_Occurred()) {
            break;
        }
    }
    if (PyErr_Occurred() || !PyTuple_Check(how->exact) || !PyTuple_Check(how->prefixes) || !PyTuple_Check(how->endings)
        || !PyTuple_Check(how->reserved) || !PyTuple_Check(how->homes) || !PyTuple_Check(how->proclitics)
        || !PyTuple_Check(how->suffixes) || !PyAnySet_Check(how->chrome) || !PyAnySet_Check(how->filler)
        || !PyAnySet_Check(how->labels) || !PyAnySet_Check(how->months) || !PyAnySet_Check(how->numbered) || !PyAnySet_Check(how->pages) || !PyUnicode_Check(how->trail_marks) || !PyUnicode_Check(how->list_marks)
        || !PyType_Check(how->make_line)) {
        PyErr_Clear();
        PyErr_SetString(PyExc_TypeError, HOW_USAGE);
        return -1;
    }
    return all_dicts(how->exact, "exact") && all_dicts(how->prefixes, "prefixes") && all_dicts(how->endings, "endings")
                   && all_str(how->reserved, "the reserved words") && all_str(how->homes, "the breadcrumbs' home names")
                   && all_str(how->proclitics, "the proclitics") && all_str(how->suffixes, "the suffixes")
               ? 0
               : -1;
}

/* 1 when the str holds a character for which test is true, else 0. */
static int
holds(PyObject *text, Py_ssize_t start, Py_ssize_t end, int (*test)(Py_UCS4))
{
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    for (Py_ssize_t i = start; i < end; i++) {
        if (test(PyUnicode_READ(kind, data, i))) {
            return 1;
        }
    }
    return 0;
}

static int is_decimal(Py_UCS4 ch) { return Py_UNICODE_ISDECIMAL(ch); }
static int is_not_decimal(Py_UCS4 ch) { return !Py_UNICODE_ISDECIMAL(ch); }
static int is_not_digit(Py_UCS4 ch) { return !Py_UNICODE_ISDIGIT(ch); }

/* 1 when text[start:end] holds one of the characters of marks (a short str), else 0. */
static int
holds_one_of(PyObject *text, Py_ssize_t start, Py_ssize_t end, PyObject *marks)
{
    for (Py_ssize_t k = 0; k < PyUnicode_GET_LENGTH(marks); k++) {
        if (PyUnicode_FindChar(text, PyUnicode_READ_CHAR(marks, k), start, end, 1) >= 0) {
            return 1;
        }
    }
    return 0;
}

/* 1 when text[start:end] starts as a numbered list item does (lines.NUMBERED_ITEM): one to
 * three decimal digits, then . ) - an en dash or a keycap (U+20E3, after U+FE0F or not), then
 * white space; else 0. */
static int
numbered_item(PyObject *text, Py_ssize_t start, Py_ssize_t end)
{
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t i = start;
    while (i < end && i - start < 3 && Py_UNICODE_ISDECIMAL(PyUnicode_READ(kind, data, i))) {
        i++;
    }
    if (i == start || i + 1 >= end) {
        return 0;
    }
    Py_UCS4 mark = PyUnicode_READ(kind, data, i);
    if (mark == 0xFE0F && i + 2 < end) { /* a keycap digit: the emoji's variation selector, then the keycap */
        mark = PyUnicode_READ(kind, data, ++i);
        if (mark != 0x20E3) {
            return 0;
        }
    }
    return (mark == '.' || mark == ')' || mark == '-' || mark == 0x2013 || mark == 0x20E3)
        && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i + 1));
}

/* 1 when the dict holds the key, 0 when not, -1 on an error. */
static int
in_dict(PyObject *dict, PyObject *key)
{
    return PyDict_GetItemWithError(dict, key) != NULL ? 1 : PyErr_Occurred() ? -1 : 0;
}

/* 1 when text[start:end] starts with one of the tuple's str, else 0; -1 on an error. */
static int
starts_with_one_of(PyObject *text, Py_ssize_t start, Py_ssize_t end, PyObject *tuple)
{
    for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(tuple); k++) {
        Py_ssize_t found = PyUnicode_Tailmatch(text, PyTuple_GET_ITEM(tuple, k), start, end, -1);
        if (found != 0) {
            return found < 0 ? -1 : 1;
        }
    }
    return 0;
}

/* 1 when one of the dicts (a tuple: the matcher's levels) holds the key, else 0; -1 on an error. */
static int
in_any(PyObject *dicts, PyObject *key)
{
    int found = 0;
    for (Py_ssize_t k = 0; found == 0 && k < PyTuple_GET_SIZE(dicts); k++) {
        found = in_dict(PyTuple_GET_ITEM(dicts, k), key);
    }
    return found;
}

/* May a line-start phrase of one level match a skeleton whose first word is first: does
 * the skeleton start with one of that level's phrases of that first word, then a space or
 * its end?  1, 0, or -1 on an error. */
static int
may_start_phrase(PyObject *level, PyObject *key, PyObject *first)
{
    PyObject *starts = PyDict_GetItemWithError(level, first); /* borrowed */
    if (starts == NULL) {
        return PyErr_Occurred() ? -1 : 0;
    }
    if (!PyTuple_Check(starts)) {
        goto not_str;
    }
    Py_ssize_t size = PyUnicode_GET_LENGTH(key);
    for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(starts); k++) {
        PyObject *prefix = PyTuple_GET_ITEM(starts, k);
        if (!PyUnicode_Check(prefix)) {
            goto not_str;
        }
        Py_ssize_t found = PyUnicode_Tailmatch(key, prefix, 0, size, -1), after = PyUnicode_GET_LENGTH(prefix);
        if (found < 0) {
            return -1;
        }
        if (found && (after == size || PyUnicode_READ_CHAR(key, after) == ' ')) {
            return 1;
        }
    }
    return 0;
not_str:
    PyErr_SetString(PyExc_TypeError, "short_line: the prefixes' values must be tuples of str");
    return -1;
}

/* May an ending phrase of one level (its endings of the skeleton's last word, a list of
 * (ending, phrase)) end the skeleton?  1, 0, or -1 on an error. */
static int
may_end_phrase(PyObject *level, PyObject *key, PyObject *last)
{
    PyObject *endings = PyDict_GetItemWithError(level, last); /* borrowed */
    if (endings == NULL) {
        return PyErr_Occurred() ? -1 : 0;
    }
    PyObject *ends = PySequence_Fast(endings, "short_line: the endings' values must be sequences");
    int found = ends == NULL ? -1 : 0;
    for (Py_ssize_t k = 0; found == 0 && ends != NULL && k < PySequence_Fast_GET_SIZE(ends); k++) {
        PyObject *entry = PySequence_Fast_GET_ITEM(ends, k);
        PyObject *ending = PyTuple_Check(entry) && PyTuple_GET_SIZE(entry) > 0 ? PyTuple_GET_ITEM(entry, 0) : NULL;
        found = ending != NULL && PyUnicode_Check(ending)
                    ? (int)PyUnicode_Tailmatch(key, ending, 0, PyUnicode_GET_LENGTH(key), 1) : -1;
        if (found < 0 && !PyErr_Occurred()) {
            PyErr_SetString(PyExc_TypeError, "short_line: an ending must be a tuple (str, phrase)");
        }
    }
    Py_XDECREF(ends);
    return found;
}

/* May the phrase matcher (PhraseMatcher.match) find a phrase for this skeleton at one of
 * its levels: is it an exact phrase's, or does it start with a line-start phrase, or end
 * with an ending phrase (of its last word)?  1, 0, or -1 on an error. */
static int
may_be_phrase(const How *how, PyObject *key, PyObject *first, PyObject *last)
{
    Py_ssize_t size = PyUnicode_GET_LENGTH(key);
    if (size == 0) {
        return 0;
    }
    int found = size <= how->longest_exact ? in_any(how->exact, key) : 0;
    for (Py_ssize_t k = 0; found == 0 && k < PyTuple_GET_SIZE(how->prefixes); k++) {
        found = may_start_phrase(PyTuple_GET_ITEM(how->prefixes, k), key, first);
    }
    for (Py_ssize_t k = 0; found == 0 && k < PyTuple_GET_SIZE(how->endings); k++) {
        found = may_end_phrase(PyTuple_GET_ITEM(how->endings, k), key, last);
    }
    return found;
}

/* 1 when every item of the tuple is a dict, else 0 with a TypeError. */
static int
all_dicts(PyObject *tuple, const char *what)
{
    for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(tuple); k++) {
        if (!PyDict_Check(PyTuple_GET_ITEM(tuple, k))) {
            PyErr_Format(PyExc_TypeError, "short_line: %s must be a tuple of dicts", what);
            return 0;
        }
    }
    return 1;
}

/* 1 when every item of the tuple is a non-empty str, else 0 with a TypeError. */
static int
all_str(PyObject *tuple, const char *what)
{
    for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(tuple); k++) {
        PyObject *item = PyTuple_GET_ITEM(tuple, k);
        if (!PyUnicode_Check(item) || PyUnicode_GET_LENGTH(item) == 0) {
            PyErr_Format(PyExc_TypeError, "short_line: %s must be non-empty str", what);
            return 0;
        }
    }
    return 1;
}

/* May lines.is_copyright say yes: does the line hold "©" or "(c)", or its skeleton
 * one of the reserved words?  1, 0, or -1 on an error. */
static int
may_be_copyright(const How *how, PyObject *text, PyObject *key)
{
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    for (Py_ssize_t i = 0; i < length; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (ch == 0xA9) {
            return 1;
        }
        if (ch == '(' && i + 2 < length && (PyUnicode_READ(kind, data, i + 1) | 0x20) == 'c'
            && PyUnicode_READ(kind, data, i + 2) == ')') {
            return 1;
        }
    }
    for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(how->reserved); k++) {
        int found = PyUnicode_Contains(key, PyTuple_GET_ITEM(how->reserved, k));
        if (found != 0) {
            return found;
        }
    }
    return 0;
}

/* The fields of a Line, and its folded form, in the order Line.__init__ stores them; interned on first use. */
static const char *const FIELDS[] = {"text", "kind", "prose", "evidence", "guard", "by_context", "title",
                                     "chrome_count", "filler_count", "folded"};
#define FIELD_COUNT ((int)(sizeof FIELDS / sizeof FIELDS[0]))
/* Each field's place in FIELDS. */
enum { F_TEXT, F_KIND, F_PROSE, F_EVIDENCE, F_GUARD, F_BY_CONTEXT, F_TITLE, F_CHROME, F_FILLER, F_FOLDED };
static PyObject *field_names[FIELD_COUNT];

/* An empty dict with room for size items: CPython's _PyDict_NewPresized, which every
 * CPython from 3.10 to 3.13 exports (a plain new dict past them). */
static inline PyObject *
new_fields_dict(Py_ssize_t size)
{
#if PY_VERSION_HEX >= 0x030A0000 && PY_VERSION_HEX < 0x030E0000 && !defined(PYPY_VERSION)
    return _PyDict_NewPresized(size);
#else
    (void)size;
    return PyDict_New();
#endif
}

/* The dict a Line's fields start from: every field but folded, each text, kind and count
 * its placeholder (None, 0), the others as make_line leaves them most often (not prose, no
 * evidence, no guard, not by context, no title), with room for folded and key.  A new
 * reference; NULL on an error. */
static PyObject *
fields_template(void)
{
    static PyObject *template = NULL;
    if (template != NULL) {
        return Py_NewRef(template);
    }
    for (int k = 0; k < FIELD_COUNT; k++) {
        if (field_names[k] == NULL && (field_names[k] = PyUnicode_InternFromString(FIELDS[k])) == NULL) {
            return NULL;
        }
    }
    PyObject *zero = PyLong_FromLong(0), *empty = PyUnicode_New(0, 0);
    PyObject *fields = zero == NULL || empty == NULL ? NULL : new_fields_dict(FIELD_COUNT + 1);
    PyObject *values[F_FOLDED] = {[F_TEXT] = Py_None, [F_KIND] = Py_None, [F_PROSE] = Py_False, [F_EVIDENCE] = empty,
                                  [F_GUARD] = Py_None, [F_BY_CONTEXT] = Py_False, [F_TITLE] = Py_False,
                                  [F_CHROME] = zero, [F_FILLER] = zero};
    for (int k = 0; fields != NULL && k < F_FOLDED; k++) {
        if (PyDict_SetItem(fields, field_names[k], values[k]) < 0) {
            Py_CLEAR(fields);
        }
    }
    Py_XDECREF(zero);
    Py_XDECREF(empty);
    template = fields;
    return Py_XNewRef(fields);
}

/* Store the value under the field's name, a new reference taken: 0, or -1 on an error (value NULL). */
static inline int
set_field(PyObject *fields, int field, PyObject *value)
{
    int failed = value == NULL || PyDict_SetItem(fields, field_names[field], value) < 0;
    Py_XDECREF(value);
    return failed ? -1 : 0;
}

/* A new Line of the class make_line, its fields stored straight into its dict as
 * Line.__init__ stores them (calling it would cost a Python frame and a dict of
 * keywords): text, kind, prose, evidence ("" for NULL), no guard, not by context, no
 * title, the chrome and filler counts, folded (unless NULL: Line.folded then folds the
 * text when first asked); and key, unless NULL, as classify stores a short line's
 * skeleton.  The dict is a copy of fields_template's, where only the fields that differ
 * are stored (a copy of a dict of strs is one block copied; a field stored into it, one
 * look-up).  (page.c's classify_lines makes its lines of prose with it too.) */
PyObject *
make_line(PyObject *make_line, PyObject *text, PyObject *kind, PyObject *folded, PyObject *key, int prose,
          PyObject *evidence, Py_ssize_t chrome, Py_ssize_t filler)
{
    if (!PyType_Check(make_line)) {
        PyErr_SetString(PyExc_TypeError, "make_line: the Line class is not a class");
        return NULL;
    }
    PyObject *template = fields_template();
    if (template == NULL) {
        return NULL;
    }
    PyTypeObject *type = (PyTypeObject *)make_line;
    PyObject *none = PyTuple_New(0);
    PyObject *line = none == NULL ? NULL : type->tp_new(type, none, NULL);
    /* a dict of its own, as dict.update leaves it: the instance's shared-keys dict, which
     * PyObject_GenericGetDict would make, is slower to read attributes from */
    PyObject *fields = line == NULL ? NULL : PyDict_Copy(template);
    int failed = fields == NULL || set_field(fields, F_TEXT, Py_NewRef(text)) < 0
                 || set_field(fields, F_KIND, Py_NewRef(kind)) < 0
                 || (prose && set_field(fields, F_PROSE, Py_NewRef(Py_True)) < 0)
                 || (evidence != NULL && set_field(fields, F_EVIDENCE, Py_NewRef(evidence)) < 0)
                 || (chrome != 0 && set_field(fields, F_CHROME, PyLong_FromSsize_t(chrome)) < 0)
                 || (filler != 0 && set_field(fields, F_FILLER, PyLong_FromSsize_t(filler)) < 0)
                 || (folded != NULL && set_field(fields, F_FOLDED, Py_NewRef(folded)) < 0) /* no folded: Line.folded folds */
                 || (key != NULL && PyDict_SetItem(fields, LINE_KEY, key) < 0)
                 || PyObject_GenericSetDict(line, fields, NULL) < 0;
    Py_XDECREF(fields);
    Py_XDECREF(none);
    Py_DECREF(template);
    if (failed) {
        Py_XDECREF(line);
        return NULL;
    }
    return line;
}

static PyObject *
new_line(const How *how, PyObject *text, PyObject *kind, PyObject *folded, PyObject *key, int prose, PyObject *evidence,
         Py_ssize_t chrome, Py_ssize_t filler)
{
    return make_line(how->make_line, text, kind, folded, key, prose, evidence, chrome, filler);
}

/* 1 when the set holds text[start:end], else 0; -1 on an error. */
static int
holds_part(PyObject *set, PyObject *text, Py_ssize_t start, Py_ssize_t end)
{
    PyObject *part = PyUnicode_Substring(text, start, end);
    int found = part == NULL ? -1 : PySet_Contains(set, part);
    Py_XDECREF(part);
    return found;
}

/* lines.listed: is the word, or the word without a proclitic, a pronoun suffix or
 * both (leaving min_stem letters at least), one of the set's?  1, 0, or -1. */
static int
listed(const How *how, PyObject *word, PyObject *words)
{
    int found = PySet_Contains(words, word);
    Py_ssize_t length = PyUnicode_GET_LENGTH(word);
    /* each stem: the word after a proclitic (k < count), or the whole word (k == count) */
    Py_ssize_t count = PyTuple_GET_SIZE(how->proclitics);
    for (Py_ssize_t k = 0; found == 0 && k <= count; k++) {
        Py_ssize_t start = 0;
        if (k < count) {
            PyObject *proclitic = PyTuple_GET_ITEM(how->proclitics, k);
            start = PyUnicode_GET_LENGTH(proclitic);
            if (length - start < how->min_stem || PyUnicode_Tailmatch(word, proclitic, 0, length, -1) != 1) {
                continue;
            }
            found = holds_part(words, word, start, length);
        }
        for (Py_ssize_t j = 0; found == 0 && j < PyTuple_GET_SIZE(how->suffixes); j++) {
            PyObject *suffix = PyTuple_GET_ITEM(how->suffixes, j);
            Py_ssize_t end = length - PyUnicode_GET_LENGTH(suffix);
            if (end - start >= how->min_stem && PyUnicode_Tailmatch(word, suffix, start, length, 1) == 1) {
                found = holds_part(words, word, start, end);
            }
        }
    }
    return found;
}

/* How many of the words are chrome words (listed(word, chrome)), and how many
 * function words or numbers (lines.chrome_counts).  0, or -1 on an error. */
static int
chrome_counts(const How *how, PyObject *words, Py_ssize_t *chrome, Py_ssize_t *filler)
{
    *chrome = *filler = 0;
    for (Py_ssize_t k = 0; k < PyList_GET_SIZE(words); k++) {
        PyObject *word = PyList_GET_ITEM(words, k);
        int yes = listed(how, word, how->chrome);
        int function_word = yes < 0 ? -1 : PySet_Contains(how->filler, word);
        if (function_word < 0) {
            return -1;
        }
        *chrome += yes;
        *filler += function_word || !holds(word, 0, PyUnicode_GET_LENGTH(word), is_not_digit);
    }
    return 0;
}

static PyObject *split_words(PyObject *key);

/* The start of the run of decimal digits that ends right before ``end`` (``end`` when none). */
static Py_ssize_t
digits_before(int kind, const void *data, Py_ssize_t end)
{
    while (end > 0 && is_decimal_digit(PyUnicode_READ(kind, data, end - 1))) {
        end--;
    }
    return end;
}

/* The last position before ``end`` that is no white space, read backwards (-1 when none). */
static Py_ssize_t
skip_spaces_back(int kind, const void *data, Py_ssize_t end)
{
    Py_ssize_t j = end - 1;
    while (j >= 0 && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, j))) {
        j--;
    }
    return j;
}

/* Does a time whose colon is at ``colon`` (a digit before it) follow the word "hour" (ساعة or
 * ساعه, spaces between): one or two digits, after the word's last letter? */
static int
after_hour_word(int kind, const void *data, Py_ssize_t colon)
{
    Py_ssize_t start = digits_before(kind, data, colon);
    if (colon - start > 2) {
        return 0;
    }
    Py_ssize_t j = skip_spaces_back(kind, data, start);
    if (j < 2) {
        return 0;
    }
    Py_UCS4 last = PyUnicode_READ(kind, data, j);
    return (last == 0x0629 || last == 0x0647) && PyUnicode_READ(kind, data, j - 1) == 0x0639
           && PyUnicode_READ(kind, data, j - 2) == 0x0633;
}

/* Does the text hold a field that tells a time of day (lines.CLOCK_FIELD): a colon after a
 * character that is neither a digit nor a space (spaces may stand between them), then a
 * time, a digit, a colon and two digits; or such a time of one or two digits before its
 * colon right after the word "hour"? */
static int
holds_clock_field(PyObject *text, Py_ssize_t length, int kind, const void *data)
{
    int labelled = 0;
    for (Py_ssize_t i = PyUnicode_FindChar(text, ':', 0, length, 1); i >= 0; i = PyUnicode_FindChar(text, ':', i + 1, length, 1)) {
        if (i > 0 && i + 2 < length && is_decimal_digit(PyUnicode_READ(kind, data, i - 1))
            && is_decimal_digit(PyUnicode_READ(kind, data, i + 1)) && is_decimal_digit(PyUnicode_READ(kind, data, i + 2))
            && (labelled || after_hour_word(kind, data, i))) {
            return 1;
        }
        Py_ssize_t j = skip_spaces_back(kind, data, i);
        labelled = labelled || (j >= 0 && !is_decimal_digit(PyUnicode_READ(kind, data, j)));
    }
    return 0;
}

/* The end of the run of decimal digits that starts at ``start`` (``start`` when none). */
static Py_ssize_t
digits_after(Py_ssize_t length, int kind, const void *data, Py_ssize_t start)
{
    while (start < length && is_decimal_digit(PyUnicode_READ(kind, data, start))) {
        start++;
    }
    return start;
}

/* Does the text hold a field that tells a date (lines.DATE_FIELD): a colon after a character
 * that is neither a digit nor a space (spaces may stand between them), spaces, then one to four
 * digits, a separator (a slash, a dash or a point), one or two digits, the same separator
 * and a digit? */
static int
holds_date_field(PyObject *text, Py_ssize_t length, int kind, const void *data)
{
    for (Py_ssize_t i = PyUnicode_FindChar(text, ':', 0, length, 1); i >= 0; i = PyUnicode_FindChar(text, ':', i + 1, length, 1)) {
        Py_ssize_t j = skip_spaces_back(kind, data, i);
        if (j < 0 || is_decimal_digit(PyUnicode_READ(kind, data, j))) {
            continue;
        }
        Py_ssize_t start = i + 1;
        while (start < length && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, start))) {
            start++;
        }
        Py_ssize_t end = digits_after(length, kind, data, start);
        if (end == start || end - start > 4 || end >= length) {
            continue;
        }
        Py_UCS4 separator = PyUnicode_READ(kind, data, end);
        if (separator != '/' && separator != '-' && separator != '.') {
            continue;
        }
        Py_ssize_t month = end + 1;
        end = digits_after(length, kind, data, month);
        if (end == month || end - month > 2 || end + 1 >= length) {
            continue;
        }
        if (PyUnicode_READ(kind, data, end) == separator && is_decimal_digit(PyUnicode_READ(kind, data, end + 1))) {
            return 1;
        }
    }
    return 0;
}

/* Does the text end with a field that tells a score (lines.SCORE_FIELD), read from its end:
 * white space, one to three digits worth 5, 10, 20 or 100, a slash (spaces around it), a mark
 * of one to three digits (with a decimal point or comma and one or two digits more), a colon
 * right before the mark or spaces before it, and before the colon (spaces between) a character
 * that is neither a digit nor a space? */
static int
holds_score_field(Py_ssize_t length, int kind, const void *data)
{
    Py_ssize_t end = skip_spaces_back(kind, data, length) + 1;
    Py_ssize_t start = digits_before(kind, data, end);
    if (start == end || end - start > 3) {
        return 0;
    }
    long scale = 0;
    for (Py_ssize_t i = start; i < end; i++) {
        scale = scale * 10 + Py_UNICODE_TODECIMAL(PyUnicode_READ(kind, data, i));
    }
    if (scale != 5 && scale != 10 && scale != 20 && scale != 100) {
        return 0;
    }
    Py_ssize_t j = skip_spaces_back(kind, data, start);
    if (j < 0 || PyUnicode_READ(kind, data, j) != '/') {
        return 0;
    }
    end = skip_spaces_back(kind, data, j) + 1;
    start = digits_before(kind, data, end);
    if (start == end) {
        return 0;
    }
    if (start > 0 && end - start <= 2) {  /* a decimal part, after its point or comma */
        Py_UCS4 point = PyUnicode_READ(kind, data, start - 1);
        Py_ssize_t whole = start - 1;
        Py_ssize_t first = digits_before(kind, data, whole);
        if ((point == '.' || point == ',') && first < whole) {
            start = first, end = whole;
        }
    }
    if (end - start > 3) {
        return 0;
    }
    j = skip_spaces_back(kind, data, start);
    if (j < 0 || PyUnicode_READ(kind, data, j) != ':') {
        return 0;
    }
    j = skip_spaces_back(kind, data, j);
    return j >= 0 && !is_decimal_digit(PyUnicode_READ(kind, data, j));
}

/* An emoji's code point, or the joiner and variation selector that build them (lines._is_pictograph). */
static int
is_pictograph(Py_UCS4 ch)
{
    return (ch >= 0x2600 && ch <= 0x27BF) || (ch >= 0x2B00 && ch <= 0x2BFF) || (ch >= 0x1F000 && ch <= 0x1FAFF)
           || ch == 0x200D || ch == 0xFE0F;
}

/* Do the text's first ``end`` characters end with a period, white space or pictographs
 * after it (lines.ends_with_period)? */
static int
ends_with_period(PyObject *text, Py_ssize_t end)
{
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    while (end > 0) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, end - 1);
        if (!Py_UNICODE_ISSPACE(ch) && !is_pictograph(ch)) {
            return ch == '.';
        }
        end--;
    }
    return 0;
}

/* Does the text hold a field that tells a fact, a time of day, a date or a score (lines.holds_fact_field)? */
static int
holds_fact_field(PyObject *text)
{
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    return holds_clock_field(text, length, kind, data) || holds_date_field(text, length, kind, data)
           || holds_score_field(length, kind, data);
}

/* The value of a word of decimal digits only, of at most max_digits of them; else -1. */
static long
decimal_value(PyObject *word, Py_ssize_t max_digits)
{
    Py_ssize_t length = PyUnicode_GET_LENGTH(word);
    int kind = PyUnicode_KIND(word);
    const void *data = PyUnicode_DATA(word);
    long value = 0;
    if (length < 1 || length > max_digits) {
        return -1;
    }
    for (Py_ssize_t i = 0; i < length; i++) {
        int digit = Py_UNICODE_TODECIMAL(PyUnicode_READ(kind, data, i));
        if (digit < 0) {
            return -1;
        }
        value = value * 10 + digit;
    }
    return value;
}

/* Is the word a number: decimal digits only (str.isdecimal), one or more? */
static int
is_number(PyObject *word)
{
    Py_ssize_t length = PyUnicode_GET_LENGTH(word);
    return length > 0 && !holds(word, 0, length, is_not_decimal);
}

/* A day or a month in digits: one or two decimal digits, 1 to 31 (lines._is_day). */
static int
is_day(PyObject *word)
{
    long day = decimal_value(word, 2);
    return day >= 1 && day <= 31;
}

/* A year as a whole date writes it: four decimal digits (lines._is_year). */
static int
is_year(PyObject *word)
{
    return PyUnicode_GET_LENGTH(word) == 4 && decimal_value(word, 4) >= 0;
}

/* A day and a month in either order, one of them 12 at most (lines._day_and_month). */
static int
day_and_month(PyObject *one, PyObject *other)
{
    return is_day(one) && is_day(other) && (decimal_value(one, 2) <= 12 || decimal_value(other, 2) <= 12);
}

/* Do the three words from ``k`` make a date in numbers, a year of four digits first or last
 * (lines._numbers_date)? */
static int
numbers_date(PyObject *words, Py_ssize_t k)
{
    if (k + 3 > PyList_GET_SIZE(words)) {
        return 0;
    }
    PyObject *first = PyList_GET_ITEM(words, k), *second = PyList_GET_ITEM(words, k + 1),
             *third = PyList_GET_ITEM(words, k + 2);
    if (is_year(first)) {
        return day_and_month(second, third);
    }
    return is_year(third) && day_and_month(first, second);
}

/* Do the words hold a whole date: a day, a month's name and a year, the name, a day and a
 * year, or three numbers with a year first or last (lines.holds_whole_date)?  1, 0, or -1
 * with an error set. */
static int
holds_whole_date(const How *how, PyObject *words)
{
    Py_ssize_t n = PyList_GET_SIZE(words);
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *word = PyList_GET_ITEM(words, k);
        if (is_number(word)) {
            if (numbers_date(words, k)) {
                return 1;
            }
            continue;
        }
        int named = PySet_Contains(how->months, word);
        Py_ssize_t after = k + 1;
        if (named == 0 && k + 1 < n) {
            PyObject *two = PyUnicode_FromFormat("%U %U", word, PyList_GET_ITEM(words, k + 1));
            named = two == NULL ? -1 : PySet_Contains(how->months, two);
            Py_XDECREF(two);
            after = k + 2;
        }
        if (named <= 0) {
            if (named < 0) {
                return -1;
            }
            continue;
        }
        int year_next = after < n && is_year(PyList_GET_ITEM(words, after));
        if (k > 0 && year_next && is_day(PyList_GET_ITEM(words, k - 1))) {
            return 1;
        }
        if (after + 1 < n && is_day(PyList_GET_ITEM(words, after)) && is_year(PyList_GET_ITEM(words, after + 1))) {
            return 1;
        }
    }
    return 0;
}

/* Do a line's words start as a numbered part's heading does (lines.heads_a_numbered_part): its
 * label, then a number?  1, 0, or -1 with an error set. */
static int
heads_a_numbered_part(const How *how, PyObject *words)
{
    if (PyList_GET_SIZE(words) < 2 || !is_number(PyList_GET_ITEM(words, 1))) {
        return 0;
    }
    return PySet_Contains(how->numbered, PyList_GET_ITEM(words, 0));
}

/* Do a line's words count pages, the number first, or after a label of two words (lines.counts_pages:
 * a book's length)?  1, 0, or -1 with an error set. */
static int
counts_pages(const How *how, PyObject *words)
{
    if (PyList_GET_SIZE(words) == 3) {
        if (!is_number(PyList_GET_ITEM(words, 2))) {
            return 0;
        }
        PyObject *label = PyUnicode_FromFormat("%U %U", PyList_GET_ITEM(words, 0), PyList_GET_ITEM(words, 1));
        int found = label == NULL ? -1 : PySet_Contains(how->pages, label);
        Py_XDECREF(label);
        return found;
    }
    if (PyList_GET_SIZE(words) != 2 || !is_number(PyList_GET_ITEM(words, 0))) {
        return 0;
    }
    return PySet_Contains(how->pages, PyList_GET_ITEM(words, 1));
}

/* The line's kind by its n words (the skeleton's), as classify ends: content of more
 * than tail_words words; else chrome when lines.chrome_share finds its words chrome
 * enough (and the line holds no field that tells a time of day or a score), with the counts kept
 * in the Line.  The words are split out only here, where each is read. */
static PyObject *
by_words(const How *how, PyObject *text, PyObject *folded, PyObject *key, Py_ssize_t n, Py_ssize_t end)
{
    if (n > how->tail_words) {
        return new_line(how, text, how->content, folded, key, 0, NULL, 0, 0);
    }
    PyObject *words = split_words(key);
    Py_ssize_t chrome, filler;
    int failed = words == NULL || chrome_counts(how, words, &chrome, &filler) < 0;
    int is_chrome = !failed && chrome && n <= how->chrome_words
                    && count_spaces(text, 0, PyUnicode_GET_LENGTH(text)) <= how->share_spaces
                    && !ends_with_period(text, end) && (chrome + filler) * 10 >= n * 7 && !holds_fact_field(text);
    int dated = is_chrome ? holds_whole_date(how, words) : 0;
    int part = is_chrome && dated == 0 ? heads_a_numbered_part(how, words) : 0;
    int pages = is_chrome && dated == 0 && part == 0 ? counts_pages(how, words) : 0;
    Py_XDECREF(words);
    if (failed || dated < 0 || part < 0 || pages < 0) {
        return NULL;
    }
    if (is_chrome && !dated && !part && !pages) {
        PyObject *evidence = PyUnicode_FromFormat("chrome words: %zd of %zd", chrome, n);
        PyObject *line = evidence == NULL ? NULL : new_line(how, text, how->chrome_kind, folded, key, 0, evidence, chrome, filler);
        Py_XDECREF(evidence);
        return line;
    }
    return new_line(how, text, how->content, folded, key, 0, NULL, chrome, filler);
}

/* The skeleton's words, split at its single spaces (a skeleton has no other). */
static PyObject *
split_words(PyObject *key)
{
    Py_ssize_t length = PyUnicode_GET_LENGTH(key), start = 0;
    PyObject *words = PyList_New(0);
    while (words != NULL && start < length) {
        Py_ssize_t space = PyUnicode_FindChar(key, ' ', start, length, 1);
        if (space == -2) {
            Py_CLEAR(words);
            break;
        }
        space = space < 0 ? length : space;
        PyObject *word = PyUnicode_Substring(key, start, space);
        if (word == NULL || PyList_Append(words, word) < 0) {
            Py_XDECREF(word);
            Py_CLEAR(words);
            break;
        }
        Py_DECREF(word);
        start = space + 1;
    }
    return words;
}

/* classify for a long line (long_chars characters or more, stripped, or long_spaces
 * spaces): prose, when the first word of the skeleton of its first start_chars folded
 * characters starts no line-start phrase (None when it may: Python says). */
static PyObject *
long_line(const How *how, PyObject *text, PyObject *folded)
{
    PyObject *first = first_word_of_head(folded, how->start_chars);
    int may_start = first == NULL ? -1 : in_any(how->prefixes, first);
    Py_XDECREF(first);
    if (may_start != 0) {
        return may_start < 0 ? NULL : Py_NewRef(Py_None);
    }
    return new_line(how, text, how->content, folded, NULL, 1, NULL, 0, 0);
}

/* Does text[start:end] hold a time of day: a digit, a colon, two digits (lines._CLOCK)?  1, 0,
 * or -1 with an error set. */
static int
holds_clock_time(PyObject *text, Py_ssize_t start, Py_ssize_t end)
{
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t i = start + 1;
    /* Colon to colon (a prose line holds few or none): not every character read. */
    while (i + 2 < end && (i = PyUnicode_FindChar(text, ':', i, end - 2, 1)) >= 0) {
        if (Py_UNICODE_ISDECIMAL(PyUnicode_READ(kind, data, i - 1)) && Py_UNICODE_ISDECIMAL(PyUnicode_READ(kind, data, i + 1))
            && Py_UNICODE_ISDECIMAL(PyUnicode_READ(kind, data, i + 2))) {
            return 1;
        }
        i++;
    }
    return i == -2 ? -1 : 0;
}

/* After the first tests (see short_line): prose by the skeleton's word count, content
 * label (its first word: first), breadcrumb, separator, list mark, then by_words.  A
 * skeleton's words are its runs joined by single spaces, none at either end: they are
 * counted by its spaces, and split out only in by_words. */
static PyObject *
judge(const How *how, PyObject *text, PyObject *folded, PyObject *key, PyObject *first, Py_ssize_t start, Py_ssize_t end)
{
    Py_ssize_t size = PyUnicode_GET_LENGTH(key);
    Py_ssize_t n = size == 0 ? 0 : count_spaces(key, 0, size) + 1;
    int prose = n >= how->prose_words;
    if (!prose && n >= how->sentence_words) {
        PyObject *ends = PyObject_CallOneArg(how->ends_sentence, text);
        prose = ends == NULL ? -1 : PyObject_IsTrue(ends);
        Py_XDECREF(ends);
        if (prose < 0) {
            return NULL;
        }
    }
    if (prose) {
        int clock = holds_clock_time(text, start, end);
        int label = clock > 0 ? listed(how, first, how->labels) : clock;
        if (label != 0) { /* a post's byline that names its title may be (lines.is_long_post_byline): Python says */
            return label < 0 ? NULL : Py_NewRef(Py_None);
        }
        return new_line(how, text, how->content, folded, key, 1, NULL, 0, 0);
    }
    int trail = holds_one_of(text, start, end, how->trail_marks) ? starts_with_one_of(text, start, end, how->homes) : 0;
    if (trail < 0) {
        return NULL;
    }
    if (n == 0 || trail || holds_one_of(text, start, start + 1, how->list_marks) || numbered_item(text, start, end)) {
        Py_RETURN_NONE; /* a separator, a breadcrumb or a list item (bulleted or numbered) may be: Python says */
    }
    int is_label = listed(how, first, how->labels);
    if (is_label != 0) {
        return is_label < 0 ? NULL : Py_NewRef(Py_None);
    }
    return by_words(how, text, folded, key, n, end);
}

/* The how tuple read last, held (the items how_kept borrows live while it is), and what was read. */
static PyObject *how_read;
static How how_kept;

/* Is text[start:end] one of the marks Python classifies alone on a line: an HTML comment's mark,
 * "-->" or "<!--" (a template's token, lines.is_template_token), or a close button's glyph
 * (lines.CLOSE_BUTTONS: "×", "✕", "✖", "• ×")?  Other lines that open with '-' or '<' (a
 * list's items, an arrow) and other signs (a separator) the compiled core classifies. */
static int
is_python_mark(PyObject *text, Py_ssize_t start, Py_ssize_t end)
{
    static const Py_UCS4 marks[][5] = {
        {'-', '-', '>'}, {'<', '!', '-', '-'}, {0x00D7}, {0x2715}, {0x2716}, {0x2022, ' ', 0x00D7},
    };
    static const Py_ssize_t lengths[] = {3, 4, 1, 1, 1, 3};
    for (size_t which = 0; which < sizeof lengths / sizeof lengths[0]; which++) {
        if (end - start != lengths[which]) {
            continue;
        }
        Py_ssize_t at = start;
        while (at < end && PyUnicode_READ_CHAR(text, at) == marks[which][at - start]) {
            at++;
        }
        if (at == end) {
            return 1;
        }
    }
    return 0;
}

/* Is text[start:end] made of brackets, parentheses, quotation marks, semicolons and spaces only,
 * as a script's end is (lines.is_script_end: "});", "‘);", "}")?  Python classifies such a line. */
static int
may_end_a_script(PyObject *text, Py_ssize_t start, Py_ssize_t end)
{
    for (Py_ssize_t at = start; at < end; at++) {
        Py_UCS4 c = PyUnicode_READ_CHAR(text, at);
        if (!(c == '(' || c == ')' || c == '{' || c == '}' || c == '[' || c == ']' || c == ';' || c == '\'' || c == '"'
              || c == 0x2018 || c == 0x2019 || Py_UNICODE_ISSPACE(c))) {
            return 0;
        }
    }
    return 1;
}

/* short_line(text, folded, how) -> Line or None
 * analysis.classify(text, folded, matcher) for a line it judges without a phrase, a
 * counter, a copyright notice, a content label, a breadcrumb trail, a separator or a
 * list mark: a blank line, a bare number and a long line are not judged here either.
 * None when the line may be one of those (Python classifies it). */
PyObject *
short_line(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    How how;
    if (nargs != 3 || !PyUnicode_Check(args[0]) || !PyUnicode_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "short_line(text, folded, how) expects two str and a tuple");
        return NULL;
    }
    if (args[2] == how_read) { /* the tuple of the last call (a matcher's: the same on every line) */
        how = how_kept;
    }
    else if (read_how(args[2], &how) == 0) {
        Py_XSETREF(how_read, Py_NewRef(args[2]));
        how_kept = how;
    }
    else {
        return NULL;
    }
    PyObject *text = args[0], *folded = args[1];
    Py_ssize_t length = PyUnicode_GET_LENGTH(text), start, end;
    strip_bounds(text, &start, &end);
    if (start == end || (end - start <= 7 && !holds(text, start, end, is_not_decimal))) {
        Py_RETURN_NONE; /* blank, or a bare number may be (of 7 digits at most, each a decimal) */
    }
    if (end - start > how.long_chars || count_spaces(text, start, end) >= how.long_spaces) {
        return long_line(&how, text, folded);
    }
    Py_UCS4 opening = PyUnicode_READ_CHAR(text, start);
    if (opening == '[' || opening == '{' || opening == '%' || is_python_mark(text, start, end)
        || may_end_a_script(text, start, end)) {
        Py_RETURN_NONE; /* a template's token may be (lines.TEMPLATE_STARTS), or is (an HTML comment's mark), or a close
                           button, or a script's end may be: Python says */
    }
    if (opening == '/' || PyUnicode_READ_CHAR(text, end - 1) == 0x00B6) {
        Py_RETURN_NONE; /* a path or a documentation page's heading may be (lines.names_a_path_or_heading) */
    }
    PyObject *key = skeleton_of_folded(NULL, folded);
    if (key == NULL) {
        return NULL;
    }
    Py_ssize_t size = PyUnicode_GET_LENGTH(key);
    Py_ssize_t space = PyUnicode_FindChar(key, ' ', 0, size, 1), last_space = PyUnicode_FindChar(key, ' ', 0, size, -1);
    PyObject *first = space < -1 ? NULL : PyUnicode_Substring(key, 0, space < 0 ? size : space);
    PyObject *last = last_space < -1 ? NULL : PyUnicode_Substring(key, last_space + 1, size);
    PyObject *result = NULL;
    if (first == NULL || last == NULL) {
        goto done;
    }
    int maybe = may_be_phrase(&how, key, first, last);
    if (maybe == 0 && count_spaces(text, 0, length) <= how.counter_spaces) { /* lines.is_counter's first looks */
        /* Splitting glued numbers only adds words: a skeleton of more words is no counter.  (A line
         * that starts with a list mark is none either; it is left to Python all the same.) */
        maybe = holds(key, 0, size, is_decimal) && count_spaces(key, 0, size) < how.counter_words;
    }
    if (maybe == 0) {
        maybe = may_be_copyright(&how, text, key);
    }
    if (maybe != 0) {
        result = maybe < 0 ? NULL : Py_NewRef(Py_None);
        goto done;
    }
    result = judge(&how, text, folded, key, first, start, end);
done:
    Py_XDECREF(first);
    Py_XDECREF(last);
    Py_DECREF(key);
    return result;
}
