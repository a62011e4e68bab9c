#include "speedups.h"

/* needles_in: one scan of the text for up to 64 needles at once.  Each needle of
 * two characters or more is filed under a hash of its first two (a bit a needle in
 * a 64-bit mask a bucket); at each position of the text the bucket of the two
 * characters there names the needles that may start there, and only those are
 * compared.  Framed, the text is read as if a line feed stood before and after it. */
#define NEEDLES_MAX 64

typedef struct {
    int kind;
    const void *data;
    Py_ssize_t length;
    int framed;
} Haystack;

/* The character at i of the text, or of the framed text (-1 and length are its line feeds). */
static inline Py_UCS4
hay_at(const Haystack *h, Py_ssize_t i)
{
    return (i < 0 || i >= h->length) ? '\n' : PyUnicode_READ(h->kind, h->data, i);
}

static inline int
lowest_bit(uint64_t bits)
{
#if defined(__GNUC__) || defined(__clang__)
    return __builtin_ctzll(bits);
#else
    int k = 0;
    while (!(bits & 1)) {
        bits >>= 1;
        k++;
    }
    return k;
#endif
}

static inline unsigned
bigram_bucket(Py_UCS4 a, Py_UCS4 b)
{
    return (a * 31u + b) & 0xffu;
}

static int
needle_at(const Haystack *h, Py_ssize_t at, Py_ssize_t end, PyObject *needle)
{
    Py_ssize_t m = PyUnicode_GET_LENGTH(needle);
    if (m > end - at) {
        return 0;
    }
    int nkind = PyUnicode_KIND(needle);
    const void *ndata = PyUnicode_DATA(needle);
    for (Py_ssize_t k = 0; k < m; k++) {
        if (hay_at(h, at + k) != PyUnicode_READ(nkind, ndata, k)) {
            return 0;
        }
    }
    return 1;
}

/* The needles of fewer than two characters: "" is in every text, a line feed in
 * every framed one, any other character where the text holds it. */
static int
short_needle_in(PyObject *text, const Haystack *h, PyObject *needle)
{
    if (PyUnicode_GET_LENGTH(needle) == 0) {
        return 1;
    }
    Py_UCS4 ch = PyUnicode_READ_CHAR(needle, 0);
    if (h->framed && ch == '\n') {
        return 1;
    }
    Py_ssize_t found = PyUnicode_FindChar(text, ch, 0, h->length, 1);
    return found == -2 ? -1 : found >= 0;
}

PyObject *
needles_in(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 3 || !PyUnicode_Check(args[0]) || !PyTuple_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "needles_in(text: str, needles: tuple[str, ...], framed: bool)");
        return NULL;
    }
    PyObject *text = args[0], *needles = args[1];
    Py_ssize_t count = PyTuple_GET_SIZE(needles);
    if (count > NEEDLES_MAX) {
        PyErr_SetString(PyExc_ValueError, "needles_in takes at most 64 needles");
        return NULL;
    }
    int framed = PyObject_IsTrue(args[2]);
    if (framed < 0) {
        return NULL;
    }
    Haystack h = {PyUnicode_KIND(text), PyUnicode_DATA(text), PyUnicode_GET_LENGTH(text), framed};
    uint64_t buckets[256] = {0};
    uint64_t found = 0, wanted = 0;
    for (Py_ssize_t k = 0; k < count; k++) {
        PyObject *needle = PyTuple_GET_ITEM(needles, k);
        if (!PyUnicode_Check(needle)) {
            PyErr_SetString(PyExc_TypeError, "needles_in: every needle must be a str");
            return NULL;
        }
        if (PyUnicode_GET_LENGTH(needle) < 2) {
            int in = short_needle_in(text, &h, needle);
            if (in < 0) {
                return NULL;
            }
            found |= (uint64_t)in << k;
            continue;
        }
        buckets[bigram_bucket(PyUnicode_READ_CHAR(needle, 0), PyUnicode_READ_CHAR(needle, 1))] |= (uint64_t)1 << k;
        wanted |= (uint64_t)1 << k;
    }
    /* The positions a needle may start at: -1 (the first line feed) to the end, framed. */
    Py_ssize_t first = framed ? -1 : 0, end = framed ? h.length + 1 : h.length;
    Py_UCS4 a = hay_at(&h, first);
    for (Py_ssize_t i = first; i + 1 < end && (wanted & ~found); i++) {
        Py_UCS4 b = hay_at(&h, i + 1);
        uint64_t may = buckets[bigram_bucket(a, b)] & ~found;
        while (may) {
            int k = lowest_bit(may);
            may &= may - 1;
            if (needle_at(&h, i, end, PyTuple_GET_ITEM(needles, k))) {
                found |= (uint64_t)1 << k;
            }
        }
        a = b;
    }
    return PyLong_FromUnsignedLongLong(found);
}
