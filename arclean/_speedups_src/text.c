/* The text primitives: pipeline.first_look, text.folding.fold_text and
 * skeleton_of_folded, residue.title._is_doubled_key, and P102's search for a mark
 * before a letter (followed_by).  The pure-Python functions
 * are the reference; tests/test_speed.py checks these against them for every code
 * point and for noise. */
#include "speedups.h"

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

/* Rare characters first_look gathers in one pass; a text with more takes two. */
#define FIRST_LOOK_FEW 256

PyObject *
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
    /* One pass into a small buffer, for the few rare characters most texts hold. */
    Py_UCS4 few[FIRST_LOOK_FEW];
    Py_ssize_t held = 0;
    FOR_EACH_CHAR(kind, data, length, i, ch, {
        if (!is_common(ch)) {
            if (held == FIRST_LOOK_FEW) {
                goto many;
            }
            few[held++] = ch;
        }
    })
    return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, few, held);
many:;
    /* More: two passes (count, then write), so that no buffer wider than the result is held. */
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

/* rare_gates(text, low, known) -> int | None
 * look.gates_of(first_look(text)) in one scan, without the string of rare characters:
 * low holds, for each character below U+0800, its gate bits (a native uint64 each; the
 * common characters' are 0), and known each rarer character's bits, as gates_of has
 * found them.  None if the text holds a character known does not: gates_of finds it. */
#define RARE_GATES_LOW 0x800

/* The gate bits of a character below RARE_GATES_LOW: one load, however low's bytes are aligned. */
static inline uint64_t
low_gates(const char *low, Py_UCS4 ch)
{
    uint64_t these;
    memcpy(&these, low + ch * sizeof these, sizeof these);
    return these;
}

/* The gate bits of any character, into bits: 0, 1 when known does not hold a rare
 * character, -1 on an error.  last: the last character looked up in known (a run of one
 * rare character is looked up once). */
static int
add_gates(Py_UCS4 ch, const char *low, PyObject *known, Py_UCS4 *last, uint64_t *bits)
{
    if (ch < RARE_GATES_LOW) {
        *bits |= low_gates(low, ch);
        return 0;
    }
    if (ch == *last) {
        return 0;
    }
    *last = ch;
    PyObject *key = PyUnicode_FromOrdinal((int)ch);
    PyObject *found = key == NULL ? NULL : PyDict_GetItemWithError(known, key); /* borrowed */
    Py_XDECREF(key);
    if (found == NULL) {
        return PyErr_Occurred() ? -1 : 1;
    }
    uint64_t more = PyLong_AsUnsignedLongLong(found);
    if (more == (uint64_t)-1 && PyErr_Occurred()) {
        return -1;
    }
    *bits |= more;
    return 0;
}

/* rare_gates' loop over a text of TYPE: four characters at a time while all four are
 * below RARE_GATES_LOW (most of a text; their bits ORed), then one by one, up to four. */
#define RARE_GATES_SCAN(TYPE)                                                                  \
    {                                                                                          \
        const TYPE *s = (const TYPE *)data;                                                    \
        Py_ssize_t i = 0;                                                                      \
        while (i < length) {                                                                   \
            for (; i + 4 <= length && (Py_UCS4)(s[i] | s[i + 1] | s[i + 2] | s[i + 3]) < RARE_GATES_LOW; i += 4) { \
                bits |= low_gates(low, s[i]) | low_gates(low, s[i + 1]) | low_gates(low, s[i + 2])  \
                        | low_gates(low, s[i + 3]);                                            \
            }                                                                                  \
            for (Py_ssize_t stop = i + 4 < length ? i + 4 : length; i < stop; i++) {          \
                int done = add_gates(s[i], low, known, &last, &bits);                          \
                if (done != 0) {                                                               \
                    return done < 0 ? NULL : Py_NewRef(Py_None);                              \
                }                                                                              \
            }                                                                                  \
        }                                                                                      \
        break;                                                                                 \
    }

PyObject *
rare_gates(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 3 || !PyUnicode_Check(args[0]) || !PyBytes_Check(args[1]) || !PyDict_Check(args[2])
        || PyBytes_GET_SIZE(args[1]) != RARE_GATES_LOW * (Py_ssize_t)sizeof(uint64_t)) {
        PyErr_SetString(PyExc_TypeError, "rare_gates(text: str, low: bytes of 0x800 uint64, known: dict)");
        return NULL;
    }
    PyObject *text = args[0], *known = args[2];
    const char *low = PyBytes_AS_STRING(args[1]);
    uint64_t bits = 0;
    Py_UCS4 last = 0;
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    switch (PyUnicode_KIND(text)) {
    case PyUnicode_1BYTE_KIND:
        RARE_GATES_SCAN(Py_UCS1)
    case PyUnicode_2BYTE_KIND:
        RARE_GATES_SCAN(Py_UCS2)
    default:
        RARE_GATES_SCAN(Py_UCS4)
    }
    return PyLong_FromUnsignedLongLong(bits);
}

static inline int is_word_fast(Py_UCS4 ch);

/* skeleton_of_folded's one pass over LENGTH characters of TYPE at DATA, into OUT (as
 * many TYPE), J the skeleton's length; SAME cleared if a character is neither a word
 * character nor a space (with J equal to LENGTH, each space then stands alone between
 * two words: the line is its own skeleton). */
#define SKELETON_PASS(TYPE, DATA, LENGTH, OUT, J, SAME)                                          \
    do {                                                                                         \
        const TYPE *in_ = (const TYPE *)(DATA);                                                  \
        TYPE *to_ = (TYPE *)(OUT);                                                               \
        int in_word_ = 0;                                                                        \
        for (Py_ssize_t i_ = 0; i_ < (LENGTH); i_++) {                                           \
            Py_UCS4 ch_ = in_[i_];                                                               \
            if (is_word_fast(ch_)) {                                                             \
                if (!in_word_ && J) {                                                            \
                    to_[J++] = ' ';                                                              \
                }                                                                                \
                to_[J++] = (TYPE)ch_;                                                            \
                in_word_ = 1;                                                                    \
            }                                                                                    \
            else {                                                                               \
                SAME &= ch_ == ' ';                                                              \
                in_word_ = 0;                                                                    \
            }                                                                                    \
        }                                                                                        \
    } while (0)

/* A line of at most this many characters has its skeleton made in one pass (16 KB of stack). */
#define SKELETON_ONE_PASS 4096

PyObject *
skeleton_of_folded(PyObject *module, PyObject *text)
{
    Py_ssize_t length;
    int kind;
    const void *data;
    if (str_parts(text, "skeleton_of_folded", &length, &kind, &data) < 0) {
        return NULL;
    }
    if (length <= SKELETON_ONE_PASS) {
        /* One pass into a buffer on the stack (a skeleton is never longer than its
         * line), of the line's own width: a skeleton's characters are its line's and
         * spaces, so the str is made by a copy, not by narrowing four bytes a
         * character to the two of Arabic text.  A line of words and single spaces
         * between them is its own skeleton: the line itself (a str, not a subclass of
         * str: that is copied, as the two passes would). */
        Py_UCS4 out[SKELETON_ONE_PASS];
        Py_ssize_t j = 0;
        int same = 1;
        switch (kind) {
        case PyUnicode_1BYTE_KIND:
            SKELETON_PASS(Py_UCS1, data, length, out, j, same);
            break;
        case PyUnicode_2BYTE_KIND:
            SKELETON_PASS(Py_UCS2, data, length, out, j, same);
            break;
        default:
            SKELETON_PASS(Py_UCS4, data, length, out, j, same);
            break;
        }
        same &= j == length;
        return same && PyUnicode_CheckExact(text) ? Py_NewRef(text) : PyUnicode_FromKindAndData(kind, out, j);
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

/* first_word_comes_back(folded) -> bool
 * title.python_first_word_comes_back: does the folded line's first run of word characters
 * (letters and digits, as a skeleton takes them) come back, as a substring, after it?
 * A line printed twice has its first word come back; most paragraphs do not, and need
 * no skeleton to be told from one. */
PyObject *
first_word_comes_back(PyObject *module, PyObject *folded)
{
    Py_ssize_t length;
    int kind;
    const void *data;
    if (str_parts(folded, "first_word_comes_back", &length, &kind, &data) < 0) {
        return NULL;
    }
    Py_ssize_t start = 0;
    while (start < length && !is_word_fast(PyUnicode_READ(kind, data, start))) {
        start++;
    }
    Py_ssize_t end = start;
    while (end < length && is_word_fast(PyUnicode_READ(kind, data, end))) {
        end++;
    }
    if (start == end) {
        Py_RETURN_FALSE; /* no word */
    }
    PyObject *word = PyUnicode_Substring(folded, start, end);
    if (word == NULL) {
        return NULL;
    }
    Py_ssize_t found = PyUnicode_Find(folded, word, end, length, 1);
    Py_DECREF(word);
    if (found == -2) {
        return NULL;
    }
    return PyBool_FromLong(found >= 0);
}

/* The first word of the skeleton of the folded line's first chars characters (a new
 * reference; "" when it has none; NULL on an error): what a long line may start a
 * line-start phrase with (analysis.classify, lines.PhraseMatcher.match_start). */
PyObject *
first_word_of_head(PyObject *folded, Py_ssize_t chars)
{
    PyObject *head = PyUnicode_Substring(folded, 0, chars);
    PyObject *key = head == NULL ? NULL : skeleton_of_folded(NULL, head);
    Py_XDECREF(head);
    if (key == NULL) {
        return NULL;
    }
    Py_ssize_t space = PyUnicode_FindChar(key, ' ', 0, PyUnicode_GET_LENGTH(key), 1);
    PyObject *first = space < -1 ? NULL : PyUnicode_Substring(key, 0, space < 0 ? PyUnicode_GET_LENGTH(key) : space);
    Py_DECREF(key);
    return first;
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

void
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

/* A text of at most this many characters is folded in one pass (16 KB of stack). */
#define FOLD_ONE_PASS 4096

/* fold_text's one pass, into a buffer of TYPE on the stack, made a str of KIND (at the
 * narrowest width its characters allow, as any str is); to two_passes when a character
 * is case-folded.  The same characters: the text itself (a str, not a subclass of str). */
#define FOLD_INTO(TYPE, KIND)                                                                \
    {                                                                                        \
        TYPE out[FOLD_ONE_PASS];                                                             \
        Py_ssize_t j = 0;                                                                    \
        int same = 1;                                                                        \
        FOR_EACH_CHAR(kind, data, length, i, ch, {                                           \
            Py_UCS4 to = fold_one(ch, &cased);                                               \
            if (to == OUT_CASED) {                                                           \
                goto two_passes;                                                             \
            }                                                                                \
            if (to == OUT_DROP) {                                                            \
                same = 0;                                                                    \
                continue;                                                                    \
            }                                                                                \
            same &= to == ch;                                                                \
            out[j++] = (TYPE)to;                                                             \
        })                                                                                   \
        return same && PyUnicode_CheckExact(text) ? Py_NewRef(text) : PyUnicode_FromKindAndData(KIND, out, j); \
    }

PyObject *
fold_text(PyObject *module, PyObject *text)
{
    Py_ssize_t length;
    int kind;
    const void *data;
    if (str_parts(text, "fold_text", &length, &kind, &data) < 0) {
        return NULL;
    }
    Py_UCS4 cased = 0;
    if (length <= FOLD_ONE_PASS) {
        /* A text below U+10000 (most) folds to one below it: a character folds to itself, to
         * a letter or digit below U+0800, or is case-folded (two_passes), so its buffer is
         * two bytes a character, which the str is made from without a conversion from four. */
        if (kind != PyUnicode_4BYTE_KIND) {
            FOLD_INTO(Py_UCS2, PyUnicode_2BYTE_KIND)
        }
        FOLD_INTO(Py_UCS4, PyUnicode_4BYTE_KIND)
    }
two_passes:;
    /* Two passes (count, then write): no buffer wider than the result. */
    Py_ssize_t n = 0;
    Py_UCS4 maxchar = 0;
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

/* The longest first word text_first_word_comes_back looks for itself. */
#define UNFOLDED_WORD_MAX 64

/* May FIRST_WORD_BACK's loop between matches pass by the four characters at P (none
 * above the table, none whose fold is FIRST, dropped or case-folded)?  All four and their
 * folds below TABLE_SIZE, and no fold FIRST: a fold at or above it (one of the few that
 * lead outside the table, or a drop or a case fold) leaves them to the loop one by one. */
#define SKIPS_FOUR(P, FIRST)                                                                     \
    ((Py_UCS4)((P)[0] | (P)[1] | (P)[2] | (P)[3]) < TABLE_SIZE                                  \
     && (fold_table[(P)[0]] | fold_table[(P)[1]] | fold_table[(P)[2]] | fold_table[(P)[3]]) < TABLE_SIZE \
     && fold_table[(P)[0]] != (FIRST) && fold_table[(P)[1]] != (FIRST) && fold_table[(P)[2]] != (FIRST)  \
     && fold_table[(P)[3]] != (FIRST))

/* first_word_comes_back(fold_text(text)), without making the folded text: the text's
 * characters are folded one at a time (fold_one) as they are read, the first run of word
 * characters kept, and the rest searched for it as it is folded, Knuth-Morris-Pratt (a
 * paragraph is read once, no str of it made, and a character after the word that cannot
 * start a match costs a look-up and two comparisons).  1 or 0; -2 where this cannot tell (a character that case-folds to
 * more than one, a first word of more than UNFOLDED_WORD_MAX characters: the caller asks
 * of the folded text). */
/* text_first_word_comes_back's loop over a text of TYPE: its first word folded into WORD
 * (SIZE characters), then the rest searched for it.  Between matches, the characters
 * whose fold (a look-up in fold_table) is neither the word's first character nor dropped
 * nor case-folded are passed by in a loop of their own, four at a time while they can
 * be (SKIPS_FOUR): most of a paragraph. */
#define FIRST_WORD_BACK(TYPE)                                                                    \
    {                                                                                            \
        const TYPE *s = (const TYPE *)data;                                                      \
        Py_ssize_t i = 0;                                                                        \
        for (;; i++) { /* the first word, up to the character that ends it */                    \
            if (i == length) {                                                                   \
                return 0;                                                                        \
            }                                                                                    \
            Py_UCS4 to = fold_one(s[i], &cased);                                                 \
            if (to == OUT_DROP) {                                                                \
                continue;                                                                        \
            }                                                                                    \
            if (to == OUT_CASED) {                                                               \
                return -2;                                                                       \
            }                                                                                    \
            if (is_word_fast(to)) {                                                              \
                if (size == UNFOLDED_WORD_MAX) {                                                 \
                    return -2;                                                                   \
                }                                                                                \
                word[size++] = to;                                                               \
            } else if (size > 0) {                                                               \
                break; /* this character, no word character, starts no match of it */            \
            }                                                                                    \
        }                                                                                        \
        fail[0] = 0;                                                                             \
        for (Py_ssize_t q = 1; q < size; q++) {                                                  \
            Py_ssize_t k = fail[q - 1];                                                          \
            while (k > 0 && word[q] != word[k]) {                                                \
                k = fail[k - 1];                                                                 \
            }                                                                                    \
            fail[q] = word[q] == word[k] ? k + 1 : k;                                            \
        }                                                                                        \
        Py_UCS4 first = word[0];                                                                 \
        for (i++; i < length; i++) {                                                             \
            if (matched == 0) {                                                                  \
                for (; i + 4 <= length && SKIPS_FOUR(s + i, first); i += 4) {                    \
                }                                                                                \
                if (i == length) {                                                               \
                    return 0;                                                                    \
                }                                                                                \
                Py_UCS4 c;                                                                       \
                while ((c = s[i]) < TABLE_SIZE && fold_table[c] != first && fold_table[c] < FOLD_CASED) { \
                    if (++i == length) {                                                         \
                        return 0;                                                                \
                    }                                                                            \
                }                                                                                \
            }                                                                                    \
            Py_UCS4 to = fold_one(s[i], &cased);                                                 \
            if (to == OUT_DROP) {                                                                \
                continue;                                                                        \
            }                                                                                    \
            if (to == OUT_CASED) {                                                               \
                return -2;                                                                       \
            }                                                                                    \
            while (matched > 0 && word[matched] != to) {                                         \
                matched = fail[matched - 1];                                                     \
            }                                                                                    \
            if (word[matched] == to && ++matched == size) {                                      \
                return 1;                                                                        \
            }                                                                                    \
        }                                                                                        \
        return 0;                                                                                \
    }

int
text_first_word_comes_back(PyObject *text)
{
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    Py_UCS4 cased = 0, word[UNFOLDED_WORD_MAX];
    Py_ssize_t fail[UNFOLDED_WORD_MAX]; /* fail[q]: the longest proper border of word[0..q] */
    Py_ssize_t size = 0, matched = 0;
    switch (kind) {
    case PyUnicode_1BYTE_KIND:
        FIRST_WORD_BACK(Py_UCS1)
    case PyUnicode_2BYTE_KIND:
        FIRST_WORD_BACK(Py_UCS2)
    default:
        FIRST_WORD_BACK(Py_UCS4)
    }
}

/* first_word_comes_back_unfolded(text) -> bool: first_word_comes_back(fold_text(text)),
 * by text_first_word_comes_back where it can tell (the test's entry to it). */
PyObject *
first_word_comes_back_unfolded(PyObject *module, PyObject *text)
{
    Py_ssize_t length;
    int kind;
    const void *data;
    if (str_parts(text, "first_word_comes_back_unfolded", &length, &kind, &data) < 0) {
        return NULL;
    }
    int comes = text_first_word_comes_back(text);
    if (comes != -2) {
        return PyBool_FromLong(comes);
    }
    PyObject *folded = fold_text(NULL, text);
    PyObject *answer = folded == NULL ? NULL : first_word_comes_back(NULL, folded);
    Py_XDECREF(folded);
    return answer;
}

/* doubled_key: title._is_doubled_key(key) for a skeleton (words joined by single
 * spaces): four words or more, the first half of them the last half (a middle word
 * between them when their number is odd). */
PyObject *
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

/* followed_by(text, marks, followers) -> bool: does a character of marks stand right
 * before a character of followers?  Each mark is found by a fast search (marks are rare
 * in text: punctuation, a few a page), the character after it looked up in a bitmap of
 * the followers below U+0800 (compared with each of the others).  The bitmap of the
 * last followers asked about is kept, with a reference to their str (a rule asks with
 * one str, made once). */
#define FOLLOWERS_LOW 0x800
static PyObject *followers_kept;
static uint64_t followers_low[FOLLOWERS_LOW / 64];
static int followers_high; /* the kept followers hold a character at or above FOLLOWERS_LOW */

PyObject *
followed_by(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 3 || !PyUnicode_Check(args[0]) || !PyUnicode_Check(args[1]) || !PyUnicode_Check(args[2])) {
        PyErr_SetString(PyExc_TypeError, "followed_by(text: str, marks: str, followers: str)");
        return NULL;
    }
    PyObject *text = args[0], *marks = args[1], *followers = args[2];
    Py_ssize_t count = PyUnicode_GET_LENGTH(followers);
    if (followers != followers_kept) {
        memset(followers_low, 0, sizeof followers_low);
        followers_high = 0;
        for (Py_ssize_t k = 0; k < count; k++) {
            Py_UCS4 ch = PyUnicode_READ_CHAR(followers, k);
            if (ch < FOLLOWERS_LOW) {
                followers_low[ch >> 6] |= (uint64_t)1 << (ch & 63);
            } else {
                followers_high = 1;
            }
        }
        Py_XSETREF(followers_kept, Py_NewRef(followers));
    }
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    for (Py_ssize_t m = 0; m < PyUnicode_GET_LENGTH(marks); m++) {
        Py_UCS4 mark = PyUnicode_READ_CHAR(marks, m);
        Py_ssize_t at = PyUnicode_FindChar(text, mark, 0, length, 1);
        while (at >= 0 && at + 1 < length) {
            Py_UCS4 next = PyUnicode_READ(kind, data, at + 1);
            if (next < FOLLOWERS_LOW ? (followers_low[next >> 6] >> (next & 63)) & 1
                                     : followers_high && PyUnicode_FindChar(followers, next, 0, count, 1) >= 0) {
                Py_RETURN_TRUE;
            }
            at = PyUnicode_FindChar(text, mark, at + 1, length, 1);
        }
        if (at == -2) {
            return NULL;
        }
    }
    Py_RETURN_FALSE;
}
