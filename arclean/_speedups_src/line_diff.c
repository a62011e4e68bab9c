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
    int bid[OPCODES_MAX_B], bstart[OPCODES_MAX_B + 1], bjs[OPCODES_MAX_B], len0[OPCODES_MAX_B], len1[OPCODES_MAX_B];
    Py_ssize_t stamp0[OPCODES_MAX_B], stamp1[OPCODES_MAX_B];
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
    result = opcodes_of(blocks, joined);
done:
    PyMem_Free(aid);
    PyMem_Free(blocks);
    PyMem_Free(queue);
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
