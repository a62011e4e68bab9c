/* Q101's first look (quotes._quote_look): for each shaped quote style, does the text
 * hold one of its marks, and do they come plainly paired, line by line?  One scan for
 * all the styles, where the pure-Python look searches the text for each style's marks
 * and then walks them. */
#include "speedups.h"

/* Most styles a look takes (a bit each in the answer). */
#define STYLES_MAX 8

/* A style's walk over its marks: the next mark expected (opening or not), where the
 * last one stood, and whether the walk has failed. */
typedef struct {
    int opening, failed;
    Py_ssize_t previous;
} Walk;

/* Does a character no decorative separator holds stand at i (quotes._holds_no_separator)?
 * From the table below U+0800 (low: a byte a character), else from holds (a function of
 * a one-character str).  Nothing stands outside the text: 0.  -1 on an error. */
static int
holds_no_separator(int kind, const void *data, Py_ssize_t length, Py_ssize_t i, const unsigned char *low,
                   Py_ssize_t low_size, PyObject *holds)
{
    if (i < 0 || i >= length) {
        return 0;
    }
    Py_UCS4 ch = PyUnicode_READ(kind, data, i);
    if (ch < (Py_UCS4)low_size) {
        return low[ch];
    }
    PyObject *one = PyUnicode_FromOrdinal((int)ch);
    PyObject *answer = one == NULL ? NULL : PyObject_CallOneArg(holds, one);
    Py_XDECREF(one);
    if (answer == NULL) {
        return -1;
    }
    int truth = PyObject_IsTrue(answer);
    Py_DECREF(answer);
    return truth;
}

/* The first position at or after i whose character is a line feed or may be a mark (its
 * low byte is one's: interesting), length if none; read through a pointer of the text's
 * own width. */
#define SKIP_PLAIN(TYPE)                                                                     \
    {                                                                                        \
        const TYPE *s = (const TYPE *)data;                                                  \
        while (i < length && !interesting[s[i] & 0xffu]) {                                   \
            i++;                                                                             \
        }                                                                                    \
        return i;                                                                            \
    }

static Py_ssize_t
next_interesting(int kind, const void *data, Py_ssize_t length, Py_ssize_t i, const unsigned char *interesting)
{
    switch (kind) {
    case PyUnicode_1BYTE_KIND:
        SKIP_PLAIN(Py_UCS1)
    case PyUnicode_2BYTE_KIND:
        SKIP_PLAIN(Py_UCS2)
    default:
        SKIP_PLAIN(Py_UCS4)
    }
}

/* quote_look(text, marks, low, holds) -> (present, paired)
 * marks: the styles' marks, each style's opening mark then its closing one (all
 * different).  Bit k of present: the text holds a mark of style k; of
 * paired: style k's marks come as quotes._paired_in_lines walks them (opening then
 * closing, no two side by side, each pair on one line, each mark beside a character no
 * separator holds, every quotation closed).  low: a byte a character below len(low), 1
 * where quotes._holds_no_separator says yes; holds: that function, for the others. */
PyObject *
quote_look(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 4 || !PyUnicode_Check(args[0]) || !PyUnicode_Check(args[1]) || !PyBytes_Check(args[2])
        || !PyCallable_Check(args[3])) {
        PyErr_SetString(PyExc_TypeError, "quote_look(text: str, marks: str, low: bytes, holds)");
        return NULL;
    }
    PyObject *text = args[0], *marks = args[1], *holds = args[3];
    Py_ssize_t count = PyUnicode_GET_LENGTH(marks);
    if (count % 2 || count / 2 > STYLES_MAX) {
        PyErr_SetString(PyExc_ValueError, "quote_look: marks must pair up, at most 8 styles");
        return NULL;
    }
    Py_UCS4 mark[2 * STYLES_MAX];
    /* by a character's low byte: most characters are neither a mark nor a line feed */
    unsigned char interesting[256] = {0};
    interesting['\n'] = 1;
    for (Py_ssize_t k = 0; k < count; k++) {
        mark[k] = PyUnicode_READ_CHAR(marks, k);
        interesting[mark[k] & 0xffu] = 1;
        for (Py_ssize_t other = 0; other < k; other++) {
            if (mark[other] == mark[k]) {
                PyErr_SetString(PyExc_ValueError, "quote_look: the marks must differ");
                return NULL;
            }
        }
    }
    const unsigned char *low = (const unsigned char *)PyBytes_AS_STRING(args[2]);
    Py_ssize_t low_size = PyBytes_GET_SIZE(args[2]);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    Walk walks[STYLES_MAX];
    for (Py_ssize_t s = 0; s < count / 2; s++) {
        walks[s] = (Walk){1, 0, -2};
    }
    unsigned present = 0;
    Py_ssize_t last_feed = -1; /* where the last line feed before i stands */
    for (Py_ssize_t i = 0; (i = next_interesting(kind, data, length, i, interesting)) < length; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (ch == '\n') {
            last_feed = i;
            continue;
        }
        for (Py_ssize_t k = 0; k < count; k++) {
            if (ch != mark[k]) {
                continue;
            }
            Py_ssize_t s = k / 2;
            Walk *walk = &walks[s];
            present |= 1u << s;
            if (walk->failed) {
                break;
            }
            int is_opener = k % 2 == 0;
            /* two marks side by side, a closing mark where an opening one is due (or the
             * other way), or a closing mark on another line than its opening one */
            if (i == walk->previous + 1 || is_opener != walk->opening || (!walk->opening && last_feed > walk->previous)) {
                walk->failed = 1;
                break;
            }
            int before = holds_no_separator(kind, data, length, i - 1, low, low_size, holds);
            int after = before != 0 ? before : holds_no_separator(kind, data, length, i + 1, low, low_size, holds);
            if (before < 0 || after < 0) {
                return NULL;
            }
            if (!after) {
                walk->failed = 1;
                break;
            }
            walk->opening = !walk->opening;
            walk->previous = i;
            break;
        }
    }
    unsigned paired = 0;
    for (Py_ssize_t s = 0; s < count / 2; s++) {
        paired |= (unsigned)(!walks[s].failed && walks[s].opening) << s;
    }
    return Py_BuildValue("(II)", present, paired);
}
