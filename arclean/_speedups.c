/* arclean._speedups: C versions of the hottest string primitives.
 *
 * Built when a C compiler is present (see setup.py); arclean works without it,
 * with the pure-Python functions, which stay the reference: tests/test_speed.py
 * checks that both give the same result for every code point and for noise.
 *
 *   first_look(text)          pipeline.first_look: the characters that are neither
 *                             ASCII nor basic Arabic letters (U+0621-U+063A,
 *                             U+0641-U+064A), in order.
 *   fold_text(text)           shape.fold_text: marks, tatweel and joiners dropped,
 *                             letter variants, digits and case folded.
 *   skeleton_of_folded(text)  shape.skeleton_of_folded: the runs of letters and
 *                             digits (what the regex [^\W_]+ matches) joined by
 *                             single spaces.
 *   line_opcodes(a, b)        difflib.SequenceMatcher(None, a, b).get_opcodes() for lists
 *                             of str, b of fewer than 200 items.
 *   date_words(text)          the words T101 looks at beside numbers (a day's, a year's),
 *                             after set_date_classes(digits, letters, clitics, separators).
 *   doubled_key(key)          title._is_doubled_key: a skeleton of four words or more
 *                             whose first half of words is its last half.
 *   needles_in(text, needles, framed)
 *                             which of the needles (at most 64) the text holds, a bit
 *                             each (bit k: needles[k]), in one scan; framed, the text
 *                             read with a line feed before and after it.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

static inline int
is_common(Py_UCS4 ch)
{
    /* without branches: Arabic text alternates letters and spaces, which a branch predicts badly */
    return (ch < 0x80) | ((Py_UCS4)(ch - 0x621) <= 0x63A - 0x621) | ((Py_UCS4)(ch - 0x641) <= 0x64A - 0x641);
}

/* The regex module's \w for str patterns (_sre: SRE_UNI_IS_WORD), without '_'. */
static inline int
is_word(Py_UCS4 ch)
{
    if (ch < 0x80) {
        return (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
    }
    if ((ch >= 0x621 && ch <= 0x63A) || (ch >= 0x641 && ch <= 0x64A)) {
        return 1; /* the basic Arabic letters: most of a text */
    }
    return Py_UNICODE_ISALNUM(ch);
}

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

/* A str argument's length, kind and data; -1, with a TypeError naming the function,
 * for anything else. */
static int
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

static PyObject *
first_look(PyObject *module, PyObject *text)
{
    Py_ssize_t length;
    int kind;
    const void *data;
    if (str_parts(text, "first_look", &length, &kind, &data) < 0) {
        return NULL;
    }
    if (PyUnicode_IS_ASCII(text)) {
        return PyUnicode_New(0, 0);
    }
    /* Two passes (count, then write) so that no buffer wider than the result is held. */
    Py_ssize_t n = 0;
    Py_UCS4 maxchar = 0;
    FOR_EACH_CHAR(kind, data, length, i, ch, {
        int rare = !is_common(ch);
        n += rare;
        Py_UCS4 seen = rare ? ch : 0;
        maxchar = seen > maxchar ? seen : maxchar;
    })
    PyObject *result = PyUnicode_New(n, maxchar);
    if (result == NULL) {
        return NULL;
    }
    if (n == 0) {
        return result;
    }
    int okind = PyUnicode_KIND(result);
    void *odata = PyUnicode_DATA(result);
    Py_ssize_t j = 0;
    FOR_EACH_CHAR(kind, data, length, i, ch, {
        if (!is_common(ch) && j < n) {
            PyUnicode_WRITE(okind, odata, j, ch);
            j++;
        }
    })
    return result;
}

static inline int is_word_fast(Py_UCS4 ch);

static PyObject *
skeleton_of_folded(PyObject *module, PyObject *text)
{
    Py_ssize_t length;
    int kind;
    const void *data;
    if (str_parts(text, "skeleton_of_folded", &length, &kind, &data) < 0) {
        return NULL;
    }
    Py_ssize_t n = 0;
    Py_UCS4 maxchar = ' ';
    int in_word = 0;
    FOR_EACH_CHAR(kind, data, length, i, ch, {
        if (is_word_fast(ch)) {
            n += (!in_word && n) ? 2 : 1;
            if (ch > maxchar) {
                maxchar = ch;
            }
            in_word = 1;
        }
        else {
            in_word = 0;
        }
    })
    PyObject *result = PyUnicode_New(n, n ? maxchar : 0);
    if (result == NULL) {
        return NULL;
    }
    int okind = PyUnicode_KIND(result);
    void *odata = PyUnicode_DATA(result);
    Py_ssize_t j = 0;
    in_word = 0;
    FOR_EACH_CHAR(kind, data, length, i, ch, {
        if (is_word_fast(ch) && j < n) {
            if (!in_word && j) {
                PyUnicode_WRITE(okind, odata, j, ' ');
                j++;
            }
            PyUnicode_WRITE(okind, odata, j, ch);
            j++;
            in_word = 1;
        }
        else {
            in_word = 0;
        }
    })
    return result;
}

/* shape.fold_text: drop marks, tatweel and joiners (shape._DROPPED), fold letter
 * variants and digits (shape._FOLDS), case-fold the letters of cased scripts
 * (shape._CASED_RUN).  Hardcoded here; the Python side checks this function
 * against its own tables when it is imported, and uses it only if they agree. */
static inline int
is_dropped(Py_UCS4 ch)
{
    return (ch >= 0x610 && ch <= 0x61A) || (ch >= 0x64B && ch <= 0x65F) || ch == 0x670 ||
           (ch >= 0x6D6 && ch <= 0x6DC) || (ch >= 0x6DF && ch <= 0x6E4) || ch == 0x6E7 || ch == 0x6E8 ||
           (ch >= 0x6EA && ch <= 0x6ED) || ch == 0x640 || ch == 0x200C || ch == 0x200D;
}

static inline Py_UCS4
fold_char(Py_UCS4 ch)
{
    switch (ch) {
    case 0x622: case 0x623: case 0x625: case 0x671:
        return 0x627;
    case 0x649: case 0x6CC: case 0x626:
        return 0x64A;
    case 0x624:
        return 0x648;
    case 0x629:
        return 0x647;
    case 0x6A9:
        return 0x643;
    }
    if (ch >= 0x660 && ch <= 0x669) {
        return '0' + (ch - 0x660);
    }
    if (ch >= 0x6F0 && ch <= 0x6F9) {
        return '0' + (ch - 0x6F0);
    }
    return ch;
}

/* A character of shape._CASED_RUN: a word character, not a decimal digit, not '_',
 * outside the Arabic blocks. */
static inline int
is_cased_run_char(Py_UCS4 ch)
{
    if (ch < 0x80) {
        return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
    }
    if ((ch >= 0x600 && ch <= 0x6FF) || (ch >= 0x750 && ch <= 0x77F) || (ch >= 0x8A0 && ch <= 0x8FF) ||
        (ch >= 0xFB50 && ch <= 0xFDFF) || (ch >= 0xFE70 && ch <= 0xFEFF)) {
        return 0;
    }
    return Py_UNICODE_ISALNUM(ch) && !Py_UNICODE_ISDECIMAL(ch);
}

/* The case fold of one character that is not ASCII (a new reference), or NULL. */
static PyObject *
casefold_char(Py_UCS4 ch)
{
    PyObject *one = PyUnicode_FromOrdinal(ch);
    if (one == NULL) {
        return NULL;
    }
    PyObject *folded = PyObject_CallMethod(one, "casefold", NULL);
    Py_DECREF(one);
    return folded;
}

/* The characters below U+0800 (ASCII, Latin, Greek, Cyrillic, Hebrew, Arabic), looked
 * up in tables built at import from the functions above: what fold_text writes for one
 * (FOLD_DROP: nothing; FOLD_CASED: its case fold, found the slow way), and whether
 * skeleton_of_folded counts it a word character.  A lookup is one load where the
 * functions' chains of comparisons are branches that letters alternating with spaces
 * and marks make the processor mispredict. */
#define TABLE_SIZE 0x800
#define FOLD_DROP 0xFFFF
#define FOLD_CASED 0xFFFE
static Py_UCS2 fold_table[TABLE_SIZE];
static unsigned char word_table[TABLE_SIZE];

static void
build_tables(void)
{
    for (Py_UCS4 ch = 0; ch < TABLE_SIZE; ch++) {
        Py_UCS4 folded = fold_char(ch);
        if (is_dropped(ch)) {
            fold_table[ch] = FOLD_DROP;
        }
        else if (folded >= 0x80 && is_cased_run_char(folded)) {
            fold_table[ch] = FOLD_CASED;
        }
        else {
            fold_table[ch] = (Py_UCS2)((folded >= 'A' && folded <= 'Z') ? folded + 32 : folded);
        }
        word_table[ch] = (unsigned char)is_word(ch);
    }
}

static inline int
is_word_fast(Py_UCS4 ch)
{
    return ch < TABLE_SIZE ? word_table[ch] : is_word(ch);
}

/* What fold_text writes for one character, the same in both its passes: OUT_DROP
 * (nothing), OUT_CASED (the case fold of *cased, the folded character, found the slow
 * way), or the character it becomes.  The two sentinels are beyond Unicode. */
#define OUT_DROP 0x110000
#define OUT_CASED 0x110001
static inline Py_UCS4
fold_one(Py_UCS4 ch, Py_UCS4 *cased)
{
    if (ch < TABLE_SIZE) {
        Py_UCS4 to = fold_table[ch];
        if (to < FOLD_CASED) {
            return to;
        }
        if (to == FOLD_DROP) {
            return OUT_DROP;
        }
        *cased = fold_char(ch);
        return OUT_CASED;
    }
    if (is_dropped(ch)) {
        return OUT_DROP;
    }
    ch = fold_char(ch);
    if (ch >= 0x80 && is_cased_run_char(ch)) {
        *cased = ch;
        return OUT_CASED;
    }
    return (ch >= 'A' && ch <= 'Z') ? ch + 32 : ch;
}

static PyObject *
fold_text(PyObject *module, PyObject *text)
{
    Py_ssize_t length;
    int kind;
    const void *data;
    if (str_parts(text, "fold_text", &length, &kind, &data) < 0) {
        return NULL;
    }
    /* Two passes (count, then write): no buffer wider than the result. */
    Py_ssize_t n = 0;
    Py_UCS4 maxchar = 0, cased = 0;
    FOR_EACH_CHAR(kind, data, length, i, ch, {
        Py_UCS4 to = fold_one(ch, &cased);
        if (to == OUT_DROP) {
            continue;
        }
        if (to == OUT_CASED) {
            PyObject *folded = casefold_char(cased);
            if (folded == NULL) {
                return NULL;
            }
            n += PyUnicode_GET_LENGTH(folded);
            Py_UCS4 most = PyUnicode_MAX_CHAR_VALUE(folded);
            Py_DECREF(folded);
            maxchar = most > maxchar ? most : maxchar;
            continue;
        }
        n++;
        maxchar = to > maxchar ? to : maxchar;
    })
    PyObject *result = PyUnicode_New(n, maxchar);
    if (result == NULL) {
        return NULL;
    }
    int okind = PyUnicode_KIND(result);
    void *odata = PyUnicode_DATA(result);
    Py_ssize_t j = 0;
    FOR_EACH_CHAR(kind, data, length, i, ch, {
        Py_UCS4 to = fold_one(ch, &cased);
        if (to == OUT_DROP) {
            continue;
        }
        if (to == OUT_CASED) {
            PyObject *folded = casefold_char(cased);
            if (folded == NULL) {
                Py_DECREF(result);
                return NULL;
            }
            Py_ssize_t m = PyUnicode_GET_LENGTH(folded);
            for (Py_ssize_t k = 0; k < m && j < n; k++) {
                PyUnicode_WRITE(okind, odata, j, PyUnicode_READ_CHAR(folded, k));
                j++;
            }
            Py_DECREF(folded);
            continue;
        }
        if (j < n) {
            PyUnicode_WRITE(okind, odata, j, to);
            j++;
        }
    })
    return result;
}

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

static PyObject *
needles_in(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
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

/* line_opcodes: difflib.SequenceMatcher(None, a, b).get_opcodes() for lists of str,
 * the same algorithm (the longest matching block of a range, ties to the smallest
 * index in a, then in b; the ranges on either side of it in turn; adjacent blocks
 * joined) over integer ids, for b of fewer than 200 items: there difflib's
 * "autojunk" removes no popular item, and with no junk function nothing is junk. */
#define OPCODES_MAX_B 200

typedef struct {
    Py_ssize_t i, j, k;
} Block;

typedef struct {
    const int *aid, *bstart, *bjs;  /* a's item ids (-1: not in b); b2j in CSR form */
    int *len[2];                    /* the lengths of the matches ending at each j, in two rows */
    Py_ssize_t *stamp[2];           /* which row wrote each entry */
    Py_ssize_t row;                 /* the row counter, never reused */
} Matcher;

static Block
longest_match(Matcher *m, Py_ssize_t alo, Py_ssize_t ahi, Py_ssize_t blo, Py_ssize_t bhi)
{
    Block best = {alo, blo, 0};
    m->row += 2;  /* the first row of a range reads no row of another range */
    for (Py_ssize_t i = alo; i < ahi; i++) {
        Py_ssize_t row = ++m->row;
        int *len = m->len[row & 1], *prev_len = m->len[(row - 1) & 1];
        Py_ssize_t *stamp = m->stamp[row & 1], *prev_stamp = m->stamp[(row - 1) & 1];
        int id = m->aid[i];
        if (id < 0) {
            continue;  /* its row is empty: the next row reads nothing from it */
        }
        for (int t = m->bstart[id]; t < m->bstart[id + 1]; t++) {
            Py_ssize_t j = m->bjs[t];
            if (j < blo) {
                continue;
            }
            if (j >= bhi) {
                break;
            }
            int k = 1 + ((j > 0 && prev_stamp[j - 1] == row - 1) ? prev_len[j - 1] : 0);
            len[j] = k;
            stamp[j] = row;
            if (k > best.k) {
                best.i = i - k + 1;
                best.j = j - k + 1;
                best.k = k;
            }
        }
    }
    return best;
}

static int
compare_blocks(const void *x, const void *y)
{
    const Block *a = x, *b = y;
    return (a->i > b->i) - (a->i < b->i);
}

static PyObject *
opcode(PyObject *tag, Py_ssize_t i1, Py_ssize_t i2, Py_ssize_t j1, Py_ssize_t j2)
{
    return Py_BuildValue("(Onnnn)", tag, i1, i2, j1, j2);
}

static int
append_opcode(PyObject *list, PyObject *tag, Py_ssize_t i1, Py_ssize_t i2, Py_ssize_t j1, Py_ssize_t j2)
{
    PyObject *item = opcode(tag, i1, i2, j1, j2);
    if (item == NULL) {
        return -1;
    }
    int failed = PyList_Append(list, item);
    Py_DECREF(item);
    return failed;
}

static PyObject *tag_equal, *tag_replace, *tag_delete, *tag_insert;

/* The opcodes of the joined blocks (the last one the sentinel (la, lb, 0)). */
static PyObject *
opcodes_of(const Block *blocks, Py_ssize_t n)
{
    PyObject *answer = PyList_New(0);
    if (answer == NULL) {
        return NULL;
    }
    Py_ssize_t i = 0, j = 0;
    for (Py_ssize_t b = 0; b < n; b++) {
        Py_ssize_t ai = blocks[b].i, bj = blocks[b].j, size = blocks[b].k;
        PyObject *tag = (i < ai && j < bj) ? tag_replace : (i < ai) ? tag_delete : (j < bj) ? tag_insert : NULL;
        if (tag != NULL && append_opcode(answer, tag, i, ai, j, bj) < 0) {
            Py_DECREF(answer);
            return NULL;
        }
        i = ai + size;
        j = bj + size;
        if (size && append_opcode(answer, tag_equal, ai, i, bj, j) < 0) {
            Py_DECREF(answer);
            return NULL;
        }
    }
    return answer;
}

/* The item ids: b's items numbered in order of first appearance (a dict), b2j in CSR
 * form (the indexes of each id, ascending), and each item of a's id or -1. */
static int
number_items(PyObject *a, PyObject *b, int *aid, int *bid, int *bstart, int *bjs)
{
    Py_ssize_t la = PyList_GET_SIZE(a), lb = PyList_GET_SIZE(b);
    PyObject *ids = PyDict_New();
    if (ids == NULL) {
        return -1;
    }
    int count = 0;
    for (Py_ssize_t j = 0; j < lb; j++) {
        PyObject *item = PyList_GET_ITEM(b, j);
        PyObject *found = PyDict_GetItemWithError(ids, item);
        if (found == NULL) {
            if (PyErr_Occurred()) {
                goto failed;
            }
            PyObject *number = PyLong_FromLong(count);
            if (number == NULL || PyDict_SetItem(ids, item, number) < 0) {
                Py_XDECREF(number);
                goto failed;
            }
            Py_DECREF(number);
            bid[j] = count++;
        }
        else {
            bid[j] = (int)PyLong_AsLong(found);
        }
    }
    for (int id = 0; id <= count; id++) {
        bstart[id] = 0;
    }
    for (Py_ssize_t j = 0; j < lb; j++) {
        bstart[bid[j] + 1]++;
    }
    for (int id = 0; id < count; id++) {
        bstart[id + 1] += bstart[id];
    }
    int fill[OPCODES_MAX_B];
    for (int id = 0; id < count; id++) {
        fill[id] = bstart[id];
    }
    for (Py_ssize_t j = 0; j < lb; j++) {
        bjs[fill[bid[j]]++] = (int)j;
    }
    for (Py_ssize_t i = 0; i < la; i++) {
        PyObject *found = PyDict_GetItemWithError(ids, PyList_GET_ITEM(a, i));
        if (found == NULL && PyErr_Occurred()) {
            goto failed;
        }
        aid[i] = found == NULL ? -1 : (int)PyLong_AsLong(found);
    }
    Py_DECREF(ids);
    return 0;
failed:
    Py_DECREF(ids);
    return -1;
}

static PyObject *
line_opcodes(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2 || !PyList_Check(args[0]) || !PyList_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "line_opcodes(a: list[str], b: list[str])");
        return NULL;
    }
    PyObject *a = args[0], *b = args[1];
    Py_ssize_t la = PyList_GET_SIZE(a), lb = PyList_GET_SIZE(b);
    if (lb >= OPCODES_MAX_B) {
        PyErr_SetString(PyExc_ValueError, "line_opcodes: b must have fewer than 200 items");
        return NULL;
    }
    int bid[OPCODES_MAX_B], bstart[OPCODES_MAX_B + 1], bjs[OPCODES_MAX_B], len0[OPCODES_MAX_B], len1[OPCODES_MAX_B];
    Py_ssize_t stamp0[OPCODES_MAX_B], stamp1[OPCODES_MAX_B];
    int *aid = PyMem_Malloc(sizeof(int) * (size_t)(la ? la : 1));
    Block *blocks = PyMem_Malloc(sizeof(Block) * (size_t)(la + 2));  /* at most one block an item of a, and the sentinel */
    Block *queue = PyMem_Malloc(sizeof(Block) * (size_t)(2 * la + 2));  /* ranges: (alo, ahi) in i and k, (blo, bhi) in j */
    Py_ssize_t *queue_bhi = PyMem_Malloc(sizeof(Py_ssize_t) * (size_t)(2 * la + 2));
    PyObject *result = NULL;
    if (aid == NULL || blocks == NULL || queue == NULL || queue_bhi == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    if (number_items(a, b, aid, bid, bstart, bjs) < 0) {
        goto done;
    }
    for (Py_ssize_t j = 0; j < lb; j++) {
        stamp0[j] = stamp1[j] = -1;
    }
    Matcher m = {aid, bstart, bjs, {len0, len1}, {stamp0, stamp1}, 0};
    Py_ssize_t queued = 0, found = 0;
    queue[queued] = (Block){0, 0, la};  /* i: alo, j: blo, k: ahi */
    queue_bhi[queued++] = lb;
    while (queued) {
        queued--;
        Py_ssize_t alo = queue[queued].i, blo = queue[queued].j, ahi = queue[queued].k, bhi = queue_bhi[queued];
        Block x = longest_match(&m, alo, ahi, blo, bhi);
        if (x.k) {
            blocks[found++] = x;
            if (alo < x.i && blo < x.j) {
                queue[queued] = (Block){alo, blo, x.i};
                queue_bhi[queued++] = x.j;
            }
            if (x.i + x.k < ahi && x.j + x.k < bhi) {
                queue[queued] = (Block){x.i + x.k, x.j + x.k, ahi};
                queue_bhi[queued++] = bhi;
            }
        }
    }
    qsort(blocks, (size_t)found, sizeof(Block), compare_blocks);
    Py_ssize_t joined = 0;
    Block run = {0, 0, 0};
    for (Py_ssize_t n = 0; n < found; n++) {
        if (run.i + run.k == blocks[n].i && run.j + run.k == blocks[n].j) {
            run.k += blocks[n].k;
        }
        else {
            if (run.k) {
                blocks[joined++] = run;
            }
            run = blocks[n];
        }
    }
    if (run.k) {
        blocks[joined++] = run;
    }
    blocks[joined++] = (Block){la, lb, 0};
    result = opcodes_of(blocks, joined);
done:
    PyMem_Free(aid);
    PyMem_Free(blocks);
    PyMem_Free(queue);
    PyMem_Free(queue_bhi);
    return result;
}

/* date_words: the words T101 looks at, found in one scan.  The character classes
 * come from Python (set_date_classes: digits, letters, the clitics a month name
 * takes, the separators between a word and a year), every one below U+0800.
 *   - a run of one or two digits, then spaces or tabs, then a run of letters:
 *     the run (after a clitic, when five letters or more are left), if it has five
 *     letters or more;
 *   - a run of four digits (a year): the run of letters that ends where the
 *     separators before the year start (the year may stand at the start of the next
 *     line), if it starts at most LOOK_BACK characters before the year;
 * as (clitic, word, start, end), in the order of the numbers: what months.py's
 * _DATE_NUMBER, _WORD_AFTER and _WORD_BEFORE find. */
#define DATE_TABLE 0x800
#define IS_DIGIT 1
#define IS_LETTER 2
#define IS_CLITIC 4
#define IS_SEPARATOR 8
static unsigned char date_table[DATE_TABLE];
static int date_classes_set = 0;

static PyObject *
set_date_classes(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    static const unsigned char flags[4] = {IS_DIGIT, IS_LETTER, IS_CLITIC, IS_SEPARATOR};
    if (nargs != 4) {
        PyErr_SetString(PyExc_TypeError, "set_date_classes(digits, letters, clitics, separators)");
        return NULL;
    }
    unsigned char table[DATE_TABLE] = {0};
    for (int c = 0; c < 4; c++) {
        if (!PyUnicode_Check(args[c])) {
            PyErr_SetString(PyExc_TypeError, "set_date_classes takes four str");
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

/* Append (clitic, word, start, end) for the letters [start, end), if five or more
 * are left after a clitic, or if five or more otherwise. */
static int
append_date_word(PyObject *found, PyObject *text, int kind, const void *data, Py_ssize_t start, Py_ssize_t end)
{
    Py_ssize_t word = start;
    if ((date_class(kind, data, end, start) & IS_CLITIC) && end - start - 1 >= 5) {
        word = start + 1;
    }
    else if (end - start < 5) {
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

#define LOOK_BACK 40

static PyObject *
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
    while (i < length) {
        if (!(date_class(kind, data, length, i) & IS_DIGIT)) {
            i++;
            continue;
        }
        Py_ssize_t run = i;
        while (date_class(kind, data, length, i) & IS_DIGIT) {
            i++;
        }
        Py_ssize_t digits = i - run;
        if (digits <= 2) {  /* a day: the word after it */
            Py_ssize_t start = i;
            while (start < length && (PyUnicode_READ(kind, data, start) == ' ' || PyUnicode_READ(kind, data, start) == '\t')) {
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
            Py_ssize_t window = run - LOOK_BACK > 0 ? run - LOOK_BACK : 0, end = run;
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

/* doubled_key: title._is_doubled_key(key) for a skeleton (words joined by single
 * spaces): four words or more, the first half of them the last half (a middle word
 * between them when their number is odd). */
static PyObject *
doubled_key(PyObject *module, PyObject *key)
{
    Py_ssize_t length;
    int kind;
    const void *data;
    if (str_parts(key, "doubled_key", &length, &kind, &data) < 0) {
        return NULL;
    }
    Py_ssize_t spaces = 0;
    FOR_EACH_CHAR(kind, data, length, i, ch, { spaces += ch == ' '; })
    Py_ssize_t words = length ? spaces + 1 : 0, half = words / 2;
    if (words < 4) {
        Py_RETURN_FALSE;
    }
    /* The first half of the words ends at the half-th space; the last half starts
     * after the (words - half)-th space.  The halves are equal as words exactly when
     * they are equal as strings: a skeleton's words are separated by single spaces. */
    Py_ssize_t seen = 0, first_end = -1, last_start = -1;
    for (Py_ssize_t i = 0; i < length; i++) {
        if (PyUnicode_READ(kind, data, i) == ' ') {
            seen++;
            if (seen == half) {
                first_end = i;
            }
            if (seen == words - half) {
                last_start = i + 1;
                break;
            }
        }
    }
    if (first_end < 0 || last_start < 0 || first_end != length - last_start) {
        Py_RETURN_FALSE;
    }
    for (Py_ssize_t i = 0; i < first_end; i++) {
        if (PyUnicode_READ(kind, data, i) != PyUnicode_READ(kind, data, last_start + i)) {
            Py_RETURN_FALSE;
        }
    }
    Py_RETURN_TRUE;
}

static PyMethodDef methods[] = {
    {"fold_text", fold_text, METH_O, "Drop marks, tatweel and joiners, fold letter variants, digits and case."},
    {"first_look", first_look, METH_O, "The characters of a text that are neither ASCII nor basic Arabic letters."},
    {"skeleton_of_folded", skeleton_of_folded, METH_O, "The runs of letters and digits of a folded line, joined by spaces."},
    {"line_opcodes", (PyCFunction)(void (*)(void))line_opcodes, METH_FASTCALL,
     "difflib.SequenceMatcher(None, a, b).get_opcodes() for lists of str, b of fewer than 200 items."},
    {"set_date_classes", (PyCFunction)(void (*)(void))set_date_classes, METH_FASTCALL,
     "Set date_words' character classes: digits, letters, clitics, separators."},
    {"date_words", date_words, METH_O, "The words next to T101's date numbers, as (clitic, word, start, end)."},
    {"doubled_key", doubled_key, METH_O, "Is the skeleton a text printed twice (four words or more)?"},
    {"needles_in", (PyCFunction)(void (*)(void))needles_in, METH_FASTCALL,
     "Which of the needles (at most 64) the text holds, framed by line feeds or not: a bit a needle."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "arclean._speedups", "C versions of arclean's hottest string primitives.", -1, methods,
};

PyMODINIT_FUNC
PyInit__speedups(void)
{
    build_tables();
    tag_equal = PyUnicode_InternFromString("equal");
    tag_replace = PyUnicode_InternFromString("replace");
    tag_delete = PyUnicode_InternFromString("delete");
    tag_insert = PyUnicode_InternFromString("insert");
    if (tag_equal == NULL || tag_replace == NULL || tag_delete == NULL || tag_insert == NULL) {
        return NULL;
    }
    return PyModule_Create(&module);
}
