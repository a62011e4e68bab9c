#include "speedups.h"

/* needles_in: one scan of the text for up to 64 needles at once.  Each needle is
 * filed, as a bit in two 64-bit masks, under the low ten bits of its first character
 * and under those of its second (the Arabic block, ASCII and Latin-1 each apart); a
 * needle of one character, under every second character (a scan of its own would
 * read the text again, and in Arabic text a search for "&" or U+2029 stops at every
 * ئ or ة, whose low byte is theirs).  At each position of the text the masks of the
 * two characters there, ANDed, name the needles that may start there (most
 * positions: none), and of those, the needles whose third character (a mask of its own,
 * under the same low bits) is the next one there; only those are compared.  (The
 * misspelt month names start with common pairs, ين دي اب سي نو: two characters alone
 * let through one position in forty of Arabic text, three one in hundreds.)  The loop
 * over the text reads it through a pointer of its own width, four positions at a time
 * while none of them lets a needle through.  A tuple of
 * needles met again (the pipeline's, T101's: made once, asked of every text) finds
 * its masks made: a few are kept, each with a reference to its tuple.  Framed, the
 * text is read as if a line feed stood before and after it. */
#define NEEDLES_MAX 64
#define TABLE_BITS 10
#define TABLE_SIZE (1 << TABLE_BITS)
#define TABLE_INDEX(ch) ((ch) & (TABLE_SIZE - 1))
/* Tuples of needles whose masks are kept. */
#define PREPARED_KEPT 4

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

/* "" is in every text, a line feed in every framed one, and in another where the
 * text holds it. */
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

/* A tuple of needles, made ready: the masks of those the scan looks for (wanted: their
 * bits; a needle of one character is filed under every second character), and the bits
 * of the others, "" and a line feed (shorter: answered apart). */
typedef struct {
    PyObject *tuple; /* a reference of its own: its address names it while it is kept */
    uint64_t wanted, shorter;
    /* The needles whose first character, and whose second, has these low bits. */
    uint64_t first[TABLE_SIZE], second[TABLE_SIZE];
    /* The needles whose third character has these low bits, and every needle of one or
     * two characters: read only where the first two masks let a needle through. */
    uint64_t third[TABLE_SIZE];
} Needles;

static Needles *prepared[PREPARED_KEPT];
static int prepared_next;

/* The tuple's needles made ready, kept or made now (in a slot of their own, the
 * oldest made's given up); NULL with an exception set on an error. */
static const Needles *
needles_of(PyObject *tuple)
{
    for (int k = 0; k < PREPARED_KEPT; k++) {
        if (prepared[k] != NULL && prepared[k]->tuple == tuple) {
            return prepared[k];
        }
    }
    Py_ssize_t count = PyTuple_GET_SIZE(tuple);
    if (count > NEEDLES_MAX) {
        PyErr_SetString(PyExc_ValueError, "needles_in takes at most 64 needles");
        return NULL;
    }
    for (Py_ssize_t k = 0; k < count; k++) {
        if (!PyUnicode_Check(PyTuple_GET_ITEM(tuple, k))) {
            PyErr_SetString(PyExc_TypeError, "needles_in: every needle must be a str");
            return NULL;
        }
    }
    Needles *n = prepared[prepared_next];
    if (n == NULL && (n = prepared[prepared_next] = PyMem_Calloc(1, sizeof(Needles))) == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    prepared_next = (prepared_next + 1) % PREPARED_KEPT;
    Py_CLEAR(n->tuple);
    memset(n->first, 0, sizeof n->first);
    memset(n->second, 0, sizeof n->second);
    memset(n->third, 0, sizeof n->third);
    n->wanted = n->shorter = 0;
    for (Py_ssize_t k = 0; k < count; k++) {
        PyObject *needle = PyTuple_GET_ITEM(tuple, k);
        uint64_t bit = (uint64_t)1 << k;
        Py_ssize_t length = PyUnicode_GET_LENGTH(needle);
        if (length == 0 || (length == 1 && PyUnicode_READ_CHAR(needle, 0) == '\n')) {
            n->shorter |= bit;
            continue;
        }
        n->first[TABLE_INDEX(PyUnicode_READ_CHAR(needle, 0))] |= bit;
        if (length == 1) { /* one character: whatever follows it (the scan's loop finds it, no scan of its own) */
            for (int j = 0; j < TABLE_SIZE; j++) {
                n->second[j] |= bit;
            }
        } else {
            n->second[TABLE_INDEX(PyUnicode_READ_CHAR(needle, 1))] |= bit;
        }
        if (length >= 3) {
            n->third[TABLE_INDEX(PyUnicode_READ_CHAR(needle, 2))] |= bit;
        } else { /* no third character: whatever follows */
            for (int j = 0; j < TABLE_SIZE; j++) {
                n->third[j] |= bit;
            }
        }
        n->wanted |= bit;
    }
    n->tuple = Py_NewRef(tuple);
    return n;
}

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

static uint64_t
try_at(const Haystack *h, const Needles *n, Py_ssize_t i, uint64_t found)
{
    uint64_t may = n->first[TABLE_INDEX(hay_at(h, i))] & n->second[TABLE_INDEX(hay_at(h, i + 1))]
                   & n->wanted & ~found;
    return may_start(h, n, i, may, found);
}

/* may_start, out of the scan's loop: the loop keeps no more than its position. */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((noinline))
#endif
static uint64_t
starting_at(const Haystack *h, const Needles *n, Py_ssize_t i, uint64_t may, uint64_t found)
{
    return may_start(h, n, i, may, found);
}

/* The positions 0 to length - 2 of the text, whose two characters are both the text's.
 * Four positions at a time while none of them lets a needle through (their five
 * characters' masks ANDed in pairs and ORed: most of a text), each character read once;
 * then position by position, up to four, where the third character's mask is read too,
 * when the text holds one (at length - 2, the frame's line feed or nothing follows:
 * starting_at compares). */
#define SCAN_WIDTH(NAME, TYPE)                                                               \
    static uint64_t NAME(const Haystack *h, const Needles *n, uint64_t found)                 \
    {                                                                                        \
        const TYPE *s = (const TYPE *)h->data;                                               \
        const uint64_t *firsts = n->first, *seconds = n->second;                            \
        Py_ssize_t last = h->length - 1, i = 0;                                              \
        uint64_t live = n->wanted & ~found;                                                  \
        if (last < 1 || !live) {                                                             \
            return found;                                                                    \
        }                                                                                    \
        while (i < last) {                                                                   \
            uint64_t first = firsts[TABLE_INDEX(s[i])];                                      \
            for (; i + 4 <= last; i += 4) {                                                  \
                size_t c1 = TABLE_INDEX(s[i + 1]), c2 = TABLE_INDEX(s[i + 2]);               \
                size_t c3 = TABLE_INDEX(s[i + 3]), c4 = TABLE_INDEX(s[i + 4]);               \
                uint64_t any = (first & seconds[c1]) | (firsts[c1] & seconds[c2])            \
                               | (firsts[c2] & seconds[c3]) | (firsts[c3] & seconds[c4]);    \
                if (any & live) {                                                            \
                    break;                                                                   \
                }                                                                            \
                first = firsts[c4];                                                          \
            }                                                                                \
            for (Py_ssize_t stop = i + 4 < last ? i + 4 : last; i < stop; i++) {             \
                uint64_t may = firsts[TABLE_INDEX(s[i])] & seconds[TABLE_INDEX(s[i + 1])] & live; \
                if (may && (i + 1 == last || (may &= n->third[TABLE_INDEX(s[i + 2])]))) {    \
                    found = starting_at(h, n, i, may, found);                                \
                    if (!(live = n->wanted & ~found)) {                                      \
                        return found;                                                        \
                    }                                                                        \
                }                                                                            \
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
    (void)module;
    if (nargs != 3 || !PyUnicode_Check(args[0]) || !PyTuple_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "needles_in(text: str, needles: tuple[str, ...], framed: bool)");
        return NULL;
    }
    PyObject *text = args[0];
    int framed = PyObject_IsTrue(args[2]);
    if (framed < 0) {
        return NULL;
    }
    const Needles *n = needles_of(args[1]);
    if (n == NULL) {
        return NULL;
    }
    Haystack h = {PyUnicode_KIND(text), PyUnicode_DATA(text), PyUnicode_GET_LENGTH(text), framed};
    uint64_t found = 0;
    for (uint64_t shorter = n->shorter; shorter; shorter &= shorter - 1) {
        int k = lowest_bit(shorter);
        int in = short_needle_in(text, &h, PyTuple_GET_ITEM(n->tuple, k));
        if (in < 0) {
            return NULL;
        }
        found |= (uint64_t)in << k;
    }
    /* The positions a needle may start at: -1 (the first line feed) to the end, framed;
     * those where both characters are the text's are scanned apart, at full speed. */
    if (framed) {
        found = try_at(&h, n, -1, found);
    }
    switch (h.kind) {
    case PyUnicode_1BYTE_KIND:
        found = scan_ucs1(&h, n, found);
        break;
    case PyUnicode_2BYTE_KIND:
        found = scan_ucs2(&h, n, found);
        break;
    default:
        found = scan_ucs4(&h, n, found);
        break;
    }
    if (h.length > 0) { /* the last character: a needle of one character, or framed, one before the line feed */
        found = try_at(&h, n, h.length - 1, found);
    }
    return PyLong_FromUnsignedLongLong(found);
}
