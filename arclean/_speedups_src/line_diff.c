#include "speedups.h"

/* line_opcodes: difflib.SequenceMatcher(None, a, b).get_opcodes() for lists of str,
 * the same algorithm (the longest matching block of a range, ties to the smallest
 * index in a, then in b; the ranges on either side of it in turn; adjacent blocks
 * joined) over integer ids, for b of fewer than 200 items: there difflib's
 * "autojunk" removes no popular item, and with no junk function nothing is junk. */
typedef struct {
    Py_ssize_t i, j, k;
} Block;

/* A pair of ranges still to align: a[alo:ahi] against b[blo:bhi]. */
typedef struct {
    Py_ssize_t alo, ahi, blo, bhi;
} Ranges;

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

static void index_ids(const int *bid, Py_ssize_t lb, int count, int *bstart, int *bjs);

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
    index_ids(bid, lb, count, bstart, bjs);
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

/* Align a against b (items numbered by number_items or number_spans): the matching
 * blocks difflib finds, joined where adjacent, and the sentinel (la, lb, 0), into
 * blocks (room for la + 2); queue has room for 2 * la + 2 ranges.  Their count. */
static Py_ssize_t
align(const int *aid, Py_ssize_t la, const int *bstart, const int *bjs, Py_ssize_t lb, Block *blocks, Ranges *queue)
{
    int len0[OPCODES_MAX_B], len1[OPCODES_MAX_B];
    Py_ssize_t stamp0[OPCODES_MAX_B], stamp1[OPCODES_MAX_B];
    for (Py_ssize_t j = 0; j < lb; j++) {
        stamp0[j] = stamp1[j] = -1;
    }
    Matcher m = {aid, bstart, bjs, {len0, len1}, {stamp0, stamp1}, 0};
    Py_ssize_t queued = 0, found = 0;
    queue[queued++] = (Ranges){0, la, 0, lb};
    while (queued) {
        Ranges r = queue[--queued];
        Block x = longest_match(&m, r.alo, r.ahi, r.blo, r.bhi);
        if (x.k) {
            blocks[found++] = x;
            if (r.alo < x.i && r.blo < x.j) {
                queue[queued++] = (Ranges){r.alo, x.i, r.blo, x.j};
            }
            if (x.i + x.k < r.ahi && x.j + x.k < r.bhi) {
                queue[queued++] = (Ranges){x.i + x.k, r.ahi, x.j + x.k, r.bhi};
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
    return joined;
}

/* b2j in CSR form from b's item ids (count of them): the indexes of each id, ascending. */
static void
index_ids(const int *bid, Py_ssize_t lb, int count, int *bstart, int *bjs)
{
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
}

PyObject *
line_opcodes(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2 || !PyList_Check(args[0]) || !PyList_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "line_opcodes(a: list[str], b: list[str])");
        return NULL;
    }
    PyObject *a = args[0], *b = args[1];
    Py_ssize_t la = PyList_GET_SIZE(a), lb = PyList_GET_SIZE(b);
    if (lb >= OPCODES_MAX_B) {
        PyErr_Format(PyExc_ValueError, "line_opcodes: b must have fewer than %d items", OPCODES_MAX_B);
        return NULL;
    }
    int bid[OPCODES_MAX_B], bstart[OPCODES_MAX_B + 1], bjs[OPCODES_MAX_B];
    int *aid = PyMem_Malloc(sizeof(int) * (size_t)(la ? la : 1));
    Block *blocks = PyMem_Malloc(sizeof(Block) * (size_t)(la + 2));  /* at most one block an item of a, and the sentinel */
    Ranges *queue = PyMem_Malloc(sizeof(Ranges) * (size_t)(2 * la + 2));
    PyObject *result = NULL;
    if (aid == NULL || blocks == NULL || queue == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    if (number_items(a, b, aid, bid, bstart, bjs) < 0) {
        goto done;
    }
    result = opcodes_of(blocks, align(aid, la, bstart, bjs, lb, blocks, queue));
done:
    PyMem_Free(aid);
    PyMem_Free(blocks);
    PyMem_Free(queue);
    return result;
}

/* A text's lines as changes.split_lines gives them (each with its line feed), as spans:
 * line k is text[starts[k]:starts[k + 1]]. */
typedef struct {
    PyObject *text;
    int kind;
    const void *data;
    Py_ssize_t lines, *starts;  /* lines + 1 starts, the last the text's length */
} Lines;

static int
split_spans(PyObject *text, Lines *out)
{
    Py_ssize_t length = PyUnicode_GET_LENGTH(text), room = 16, k = 0, feed;
    out->text = text;
    out->kind = PyUnicode_KIND(text);
    out->data = PyUnicode_DATA(text);
    Py_ssize_t *starts = out->starts = PyMem_Malloc(sizeof(Py_ssize_t) * (size_t)room);
    if (starts == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    starts[0] = 0;
    /* each line feed found by the str's own search (memchr for a text of one byte a character) */
    while (starts[k] < length && (feed = PyUnicode_FindChar(text, '\n', starts[k], length, 1)) >= 0) {
        if (k + 2 >= room) {
            room *= 2;
            starts = PyMem_Realloc(out->starts, sizeof(Py_ssize_t) * (size_t)room);
            if (starts == NULL) {
                PyErr_NoMemory();
                return -1;
            }
            out->starts = starts;
        }
        starts[++k] = feed + 1;
    }
    if (starts[k] < length) {  /* a last line without a line feed */
        starts[++k] = length;
    }
    out->lines = k;
    return 0;
}

/* A line's hash, FNV-1a over its length and its first and last few code points (the same
 * for a line in a str of any kind): lines that differ only in their middle share it, and
 * are told apart by same_line, without a pass over every character of a long line. */
#define HASHED_ENDS 8
static uint64_t
span_hash(const Lines *x, Py_ssize_t line)
{
    Py_ssize_t start = x->starts[line], end = x->starts[line + 1];
    uint64_t hash = (14695981039346656037ULL ^ (uint64_t)(end - start)) * 1099511628211ULL;
    for (Py_ssize_t i = start; i < end; i++) {
        if (i == start + HASHED_ENDS && end - HASHED_ENDS > i) {
            i = end - HASHED_ENDS;
        }
        hash = (hash ^ PyUnicode_READ(x->kind, x->data, i)) * 1099511628211ULL;
    }
    return hash;
}

static int
same_line(const Lines *x, Py_ssize_t i, const Lines *y, Py_ssize_t j)
{
    Py_ssize_t start = x->starts[i], length = x->starts[i + 1] - start, other = y->starts[j];
    if (length != y->starts[j + 1] - other) {
        return 0;
    }
    if (x->kind == y->kind) {
        return memcmp((const char *)x->data + start * x->kind, (const char *)y->data + other * y->kind,
                      (size_t)(length * x->kind)) == 0;
    }
    for (Py_ssize_t k = 0; k < length; k++) {
        if (PyUnicode_READ(x->kind, x->data, start + k) != PyUnicode_READ(y->kind, y->data, other + k)) {
            return 0;
        }
    }
    return 1;
}

/* number_items for lines as spans: a table of b's distinct lines (fewer than
 * OPCODES_MAX_B, so at most a third full), found by hash and compared. */
#define SPAN_SLOTS 1024
static void
number_spans(const Lines *a, const Lines *b, int *aid, int *bid, int *bstart, int *bjs)
{
    int slot_id[SPAN_SLOTS];
    uint64_t slot_hash[SPAN_SLOTS];
    Py_ssize_t first[OPCODES_MAX_B];  /* a line of b of each id */
    for (int s = 0; s < SPAN_SLOTS; s++) {
        slot_id[s] = -1;
    }
    int count = 0;
    for (Py_ssize_t j = 0; j < b->lines; j++) {
        uint64_t hash = span_hash(b, j);
        size_t s = (size_t)hash & (SPAN_SLOTS - 1);
        while (slot_id[s] >= 0 && !(slot_hash[s] == hash && same_line(b, first[slot_id[s]], b, j))) {
            s = (s + 1) & (SPAN_SLOTS - 1);
        }
        if (slot_id[s] < 0) {
            slot_id[s] = count;
            slot_hash[s] = hash;
            first[count++] = j;
        }
        bid[j] = slot_id[s];
    }
    index_ids(bid, b->lines, count, bstart, bjs);
    for (Py_ssize_t i = 0; i < a->lines; i++) {
        uint64_t hash = span_hash(a, i);
        size_t s = (size_t)hash & (SPAN_SLOTS - 1);
        while (slot_id[s] >= 0 && !(slot_hash[s] == hash && same_line(b, first[slot_id[s]], a, i))) {
            s = (s + 1) & (SPAN_SLOTS - 1);
        }
        aid[i] = slot_id[s];
    }
}

/* A change, (line, before, after): lines [i1, i2) of a become lines [j1, j2) of b. */
static int
append_change(PyObject *found, PyObject *line, const Lines *a, Py_ssize_t i1, Py_ssize_t i2, const Lines *b,
              Py_ssize_t j1, Py_ssize_t j2)
{
    PyObject *old = PyUnicode_Substring(a->text, a->starts[i1], a->starts[i2]);
    PyObject *new = old == NULL ? NULL : PyUnicode_Substring(b->text, b->starts[j1], b->starts[j2]);
    PyObject *change = new == NULL ? NULL : PyTuple_Pack(3, line, old, new);
    Py_XDECREF(old);
    Py_XDECREF(new);
    if (change == NULL) {
        return -1;
    }
    int failed = PyList_Append(found, change);
    Py_DECREF(change);
    return failed;
}

/* The changes of a line diff into found, and the origin of b's lines into mapped (left
 * empty when a and b have as many lines: each line keeps its origin). */
static int
diff_spans(const Lines *a, const Lines *b, PyObject **origin, Py_ssize_t known, PyObject *one, PyObject *found,
           PyObject *mapped)
{
#define ORIGIN(I) ((I) < known ? origin[I] : known ? origin[known - 1] : one)
    Py_ssize_t la = a->lines, lb = b->lines;
    if (la == lb) {  /* line for line: each line keeps its origin (mapped is not filled) */
        for (Py_ssize_t i = 0; i < la; i++) {
            if (!same_line(a, i, b, i) && append_change(found, ORIGIN(i), a, i, i + 1, b, i, i + 1) < 0) {
                return -1;
            }
        }
        return 0;
    }
    int bid[OPCODES_MAX_B], bstart[OPCODES_MAX_B + 1], bjs[OPCODES_MAX_B];
    int *aid = PyMem_Malloc(sizeof(int) * (size_t)(la ? la : 1));
    Block *blocks = PyMem_Malloc(sizeof(Block) * (size_t)(la + 2));
    Ranges *queue = PyMem_Malloc(sizeof(Ranges) * (size_t)(2 * la + 2));
    int failed = -1;
    if (aid == NULL || blocks == NULL || queue == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    number_spans(a, b, aid, bid, bstart, bjs);
    Py_ssize_t n = align(aid, la, bstart, bjs, lb, blocks, queue), i = 0, j = 0;
    for (Py_ssize_t k = 0; k < n; k++) {
        Py_ssize_t ai = blocks[k].i, bj = blocks[k].j, size = blocks[k].k;
        if (i < ai && ai - i == bj - j) {  /* replaced one for one: a change a line */
            for (; i < ai; i++, j++) {
                if (append_change(found, ORIGIN(i), a, i, i + 1, b, j, j + 1) < 0 || PyList_Append(mapped, ORIGIN(i)) < 0) {
                    goto done;
                }
            }
        }
        else if (i < ai || j < bj) {  /* lines dropped, added, or replaced by more or fewer: one change */
            PyObject *line = ORIGIN(i);
            if (append_change(found, line, a, i, ai, b, j, bj) < 0) {
                goto done;
            }
            for (; j < bj; j++) {
                if (PyList_Append(mapped, line) < 0) {
                    goto done;
                }
            }
        }
        for (i = ai; i < ai + size; i++) {
            if (PyList_Append(mapped, ORIGIN(i)) < 0) {
                goto done;
            }
        }
        j = bj + size;
    }
    failed = 0;
done:
    PyMem_Free(aid);
    PyMem_Free(blocks);
    PyMem_Free(queue);
    return failed;
#undef ORIGIN
}

PyObject *
page_changes(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 3 || !PyUnicode_Check(args[0]) || !PyUnicode_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "page_changes(before: str, after: str, origin: Sequence[int])");
        return NULL;
    }
    PyObject *origin = PySequence_Fast(args[2], "page_changes: origin must be a sequence");
    if (origin == NULL) {
        return NULL;
    }
    PyObject *one = PyLong_FromLong(1), *found = PyList_New(0), *mapped = PyList_New(0), *result = NULL;
    Lines a = {NULL, 0, NULL, 0, NULL}, b = {NULL, 0, NULL, 0, NULL};
    if (one == NULL || found == NULL || mapped == NULL || split_spans(args[0], &a) < 0 || split_spans(args[1], &b) < 0) {
        goto done;
    }
    if (a.lines != b.lines && b.lines >= OPCODES_MAX_B) {
        result = Py_NewRef(Py_None);  /* difflib's own alignment differs from here on */
        goto done;
    }
    if (diff_spans(&a, &b, PySequence_Fast_ITEMS(origin), PySequence_Fast_GET_SIZE(origin), one, found, mapped) == 0) {
        result = PyTuple_Pack(2, found, a.lines == b.lines ? origin : mapped);  /* line for line: the same origin */
    }
done:
    PyMem_Free(a.starts);
    PyMem_Free(b.starts);
    Py_XDECREF(one);
    Py_XDECREF(found);
    Py_XDECREF(mapped);
    Py_DECREF(origin);
    return result;
}

/* The opcodes' tags, interned once when the module is made; -1 if that failed. */
int
line_diff_init(void)
{
    tag_equal = PyUnicode_InternFromString("equal");
    tag_replace = PyUnicode_InternFromString("replace");
    tag_delete = PyUnicode_InternFromString("delete");
    tag_insert = PyUnicode_InternFromString("insert");
    return (tag_equal && tag_replace && tag_delete && tag_insert) ? 0 : -1;
}
