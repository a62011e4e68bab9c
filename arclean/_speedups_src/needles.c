#include "speedups.h"

/* needles_in: one scan of the text for up to 64 needles at once.  Each needle of
 * two characters or more is filed, as a bit in two 64-bit masks, under the low byte
 * of its first character and under that of its second; at each position of the text
 * the masks of the two characters there, ANDed, name the needles that may start
 * there (most positions: none), and only those are compared.  The loop over the text
 * reads it through a pointer of its own width.  Framed, the text is read as if a line
 * feed stood before and after it. */
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

/* The needles of two characters or more (wanted: their bits), filed by the low bytes of
 * their first two characters (firsts, seconds: only wanted bits). */
typedef struct {
    PyObject *tuple;
    const uint64_t *firsts, *seconds;
    uint64_t wanted;
} Needles;

/* found, with the bits of the needles that start at i of the (framed) text. */
static inline uint64_t
may_start(const Haystack *h, const Needles *n, Py_ssize_t i, uint64_t may, uint64_t found)
{
    Py_ssize_t end = h->framed ? h->length + 1 : h->length;
    while (may) {
        int k = lowest_bit(may);
        may &= may - 1;
        if (needle_at(h, i, end, PyTuple_GET_ITEM(n->tuple, k))) {
            found |= (uint64_t)1 << k;
        }
    }
    return found;
}

/* The needles not yet found that may start with the characters a, b (by their low bytes). */
static inline uint64_t
may_be(const Needles *n, Py_UCS4 a, Py_UCS4 b, uint64_t found)
{
    return n->firsts[a & 0xffu] & n->seconds[b & 0xffu] & ~found;
}

static uint64_t
try_at(const Haystack *h, const Needles *n, Py_ssize_t i, uint64_t found)
{
    return may_start(h, n, i, may_be(n, hay_at(h, i), hay_at(h, i + 1), found), found);
}

/* The positions 0 to length - 2 of the text, whose two characters are both the text's. */
#define SCAN_WIDTH(NAME, TYPE)                                                               \
    static uint64_t NAME(const Haystack *h, const Needles *n, uint64_t found)                 \
    {                                                                                        \
        const TYPE *s = (const TYPE *)h->data;                                               \
        for (Py_ssize_t i = 0; i + 1 < h->length && (n->wanted & ~found); i++) {              \
            uint64_t may = may_be(n, s[i], s[i + 1], found);                                 \
            if (may) {                                                                       \
                found = may_start(h, n, i, may, found);                                      \
            }                                                                                \
        }                                                                                    \
        return found;                                                                        \
    }
SCAN_WIDTH(scan_ucs1, Py_UCS1)
SCAN_WIDTH(scan_ucs2, Py_UCS2)
SCAN_WIDTH(scan_ucs4, Py_UCS4)

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
    uint64_t firsts[256] = {0}, seconds[256] = {0};
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
        firsts[PyUnicode_READ_CHAR(needle, 0) & 0xffu] |= (uint64_t)1 << k;
        seconds[PyUnicode_READ_CHAR(needle, 1) & 0xffu] |= (uint64_t)1 << k;
        wanted |= (uint64_t)1 << k;
    }
    Needles n = {needles, firsts, seconds, wanted};
    /* The positions a needle may start at: -1 (the first line feed) to the end, framed;
     * those where both characters are the text's are scanned apart, at full speed. */
    if (framed) {
        found = try_at(&h, &n, -1, found);
    }
    switch (h.kind) {
    case PyUnicode_1BYTE_KIND:
        found = scan_ucs1(&h, &n, found);
        break;
    case PyUnicode_2BYTE_KIND:
        found = scan_ucs2(&h, &n, found);
        break;
    default:
        found = scan_ucs4(&h, &n, found);
        break;
    }
    if (framed && h.length > 0) {
        found = try_at(&h, &n, h.length - 1, found);
    }
    return PyLong_FromUnsignedLongLong(found);
}
