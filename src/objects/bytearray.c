// smallpy: bytearray, the mutable byte buffer: construction, repr, item and
// slice access and assignment, +=, *=, iteration and the mutating methods
// (append, extend, insert, pop, remove, clear, copy, reverse). The methods
// shared with bytes live in bytes_methods.c. Counterpart: CPython 3.11
// Objects/bytearrayobject.c.
#include <limits.h>
#include <string.h>

#include "core/abstract.h"
#include "core/err.h"
#include "core/mem.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/func.h"
#include "objects/int.h"
#include "objects/none.h"
#include "objects/range.h"
#include "objects/str_internal.h"
#include "objects/tuple.h"

_Static_assert(sizeof(SpByteArrayObject) == 56, "bytearray header is 56 bytes");

#define BA(o) ((SpByteArrayObject *)(o))

char sp_buf_no_data[1];

// =============================================================================
// Storage
// =============================================================================

// Set the size to n bytes, growing or shrinking the buffer with CPython's
// policy (so sys.getsizeof and __alloc__ agree): small growth over-allocates
// by 1/8, big jumps and big shrinks are exact. Bytes kept keep their value;
// new ones are unspecified. 0 or -1 with MemoryError.
static int ba_resize(SpObject *o, ssize_t n) {
    SpByteArrayObject *b = BA(o);
    // ob_bytes is the block, ob_start the first live byte: deleting from the
    // front (del ba[:k]) just advances ob_start, making a FIFO of appends at
    // the back and deletions at the front cheap (CPython 3.11's trick).
    // Invariant: offset + size + 1 <= ob_alloc (the +1 is the trailing NUL).
    ssize_t alloc = b->ob_alloc, offset = b->ob_start - b->ob_bytes;
    if (n < 0) {
        sp_err_bad_internal_call("ba_resize: negative size");
        return -1;
    }
    if (n == SP_SIZE(o)) {
        return 0;
    }
    if (b->ob_bytes != NULL && n + offset + 1 <= alloc) {
        // Fits and the buffer is at least half used: just move the size.
        if (n >= alloc / 2) {
            SP_SET_SIZE(o, n);
            b->ob_start[n] = '\0';
            return 0;
        }
        alloc = n + 1;  // a big shrink gives the memory back
    // Small growth: over-allocate by 1/8 plus a few bytes, so a run of
    // append() calls is amortised O(1).
    } else if (n <= alloc + (alloc >> 3)) {
        alloc = n + (n >> 3) + (n < 9 ? 3 : 6);
    } else {
        alloc = n + 1;
    }
    if (alloc > SSIZE_MAX - 1) {
        sp_err_no_memory();
        return -1;
    }
    char *mem;
    if (offset > 0 || b->ob_bytes == NULL) {
        // Bytes were dropped at the front: move the live part to a new block.
        mem = sp_mem_alloc((size_t)alloc);
        if (mem == NULL) {
            sp_err_no_memory();
            return -1;
        }
        ssize_t keep = SP_SIZE(o) < n ? SP_SIZE(o) : n;
        if (keep > 0) {
            memcpy(mem, b->ob_start, (size_t)keep);
        }
        sp_mem_free(b->ob_bytes);
    } else {
        mem = sp_mem_realloc(b->ob_bytes, (size_t)alloc);
        if (mem == NULL) {
            sp_err_no_memory();
            return -1;
        }
    }
    b->ob_bytes = b->ob_start = mem;
    b->ob_alloc = alloc;
    SP_SET_SIZE(o, n);
    mem[n] = '\0';
    return 0;
}

// An empty bytearray owns no buffer (ob_bytes NULL, ob_alloc 0), so
// sys.getsizeof(bytearray()) is the bare 56 bytes, as in CPython.
static SpObject *ba_alloc_type(SpTypeObject *type) {
    SpObject *o = sp_object_alloc(type, 0);
    if (o == NULL) {
        return NULL;
    }
    SP_SET_SIZE(o, 0);
    BA(o)->ob_alloc = 0;
    BA(o)->ob_bytes = BA(o)->ob_start = NULL;
    BA(o)->ob_exports = 0;
    return o;
}

// Replace the whole content with n bytes of s (exact allocation, as a new
// bytearray gets).
// (n bytes plus the NUL that CPython also keeps after the data.)
static int ba_set_content(SpObject *o, const char *s, ssize_t n) {
    SpByteArrayObject *b = BA(o);
    if (n == 0) {
        sp_mem_free(b->ob_bytes);
        b->ob_bytes = b->ob_start = NULL;
        b->ob_alloc = 0;
        SP_SET_SIZE(o, 0);
        return 0;
    }
    char *mem = sp_mem_alloc((size_t)n + 1);
    if (mem == NULL) {
        sp_err_no_memory();
        return -1;
    }
    if (s != NULL) {
        memcpy(mem, s, (size_t)n);
    } else {
        memset(mem, 0, (size_t)n);
    }
    mem[n] = '\0';
    sp_mem_free(b->ob_bytes);
    b->ob_bytes = b->ob_start = mem;
    b->ob_alloc = n + 1;
    SP_SET_SIZE(o, n);
    return 0;
}

SpObject *sp_bytearray_from_data(const char *s, ssize_t len) {
    SpObject *o = ba_alloc_type(&SpByteArray_Type);
    if (o != NULL && ba_set_content(o, s, len) < 0) {
        SP_DECREF(o);
        return NULL;
    }
    return o;
}

static void ba_dealloc(SpObject *o) {
    sp_mem_free(BA(o)->ob_bytes);
    SpTypeObject *t = SP_TYPE(o);
    if (t->tp_free != NULL) {
        t->tp_free(o);
    } else {
        sp_object_free(o);
    }
}

// =============================================================================
// Construction: bytearray() is made empty by tp_new and filled by __init__.
// =============================================================================

static SpObject *ba_tp_new(SpTypeObject *type, SpObject *args, SpObject *kwargs) {
    return ba_alloc_type(type);
}

// __init__ (re)fills the object: bytearray is mutable, so like CPython the
// content is set here rather than in tp_new, and calling __init__ again on
// an existing bytearray replaces its content.
static int ba_init(SpObject *self, SpObject *args, SpObject *kwargs) {
    static const char *const names[] = {"source", "encoding", "errors"};
    SpObject *vals[3] = {NULL, NULL, NULL};
    ssize_t nargs = args ? SP_TUPLE_SIZE(args) : 0;
    if (nargs > 3) {
        sp_err_format(&SpExc_TypeError, "bytearray() takes at most 3 arguments (%zd given)",
                      nargs);
        return -1;
    }
    for (ssize_t i = 0; i < nargs; i++) {
        vals[i] = SP_TUPLE_GET_ITEM(args, i);
    }
    if (kwargs != NULL) {
        ssize_t pos = 0;
        SpObject *k, *v;
        while (sp_dict_next(kwargs, &pos, &k, &v)) {
            int found = 0;
            for (int i = 0; i < 3; i++) {
                if (SP_STR_CHECK(k) && sp_str_eq_cstr(k, names[i])) {
                    if (vals[i] != NULL) {
                        sp_err_format(&SpExc_TypeError,
                                      "argument for bytearray() given by name ('%s') and "
                                      "position (%d)", names[i], i + 1);
                        return -1;
                    }
                    vals[i] = v;
                    found = 1;
                }
            }
            if (!found) {
                sp_err_format(&SpExc_TypeError,
                              "'%S' is an invalid keyword argument for bytearray()", k);
                return -1;
            }
        }
    }
    if (vals[0] == NULL && vals[1] == NULL && vals[2] == NULL) {
        return ba_set_content(self, NULL, 0);
    }
    SpObject *b = sp_bytes_from_args("bytearray", vals[0], vals[1], vals[2]);
    if (b == NULL) {
        return -1;
    }
    int rc = ba_set_content(self, SP_BYTES_DATA(b), SP_BYTES_SIZE(b));
    SP_DECREF(b);
    return rc;
}

// =============================================================================
// repr, comparison, sequence slots
// =============================================================================

// CPython's bytearray repr differs from bytes' in one detail: a single
// quote is escaped even inside double quotes.
static SpObject *ba_repr(SpObject *o) {
    static const char hex[] = "0123456789abcdef";
    ssize_t n = SP_SIZE(o);
    const unsigned char *s = (const unsigned char *)sp_buf_data(o);
    int squote = n && memchr(s, '\'', (size_t)n) != NULL;
    int dquote = n && memchr(s, '"', (size_t)n) != NULL;
    char quote = squote && !dquote ? '"' : '\'';
    SpStrWriter w;
    sp_str_writer_init(&w);
    if (sp_str_writer_write_ascii(&w, sp_object_type_name(o), -1) < 0 ||
        sp_str_writer_write_ascii(&w, "(b", 2) < 0 ||
        sp_str_writer_prepare(&w, 4 * n + 2, 0x7F) < 0) {
        sp_str_writer_discard(&w);
        return NULL;
    }
    sp_str_writer_put(&w, (SpUCS4)quote);
    for (ssize_t i = 0; i < n; i++) {
        unsigned char c = s[i];
        if (c == '\'' || c == '\\') {
            sp_str_writer_put(&w, '\\');
            sp_str_writer_put(&w, c);
        } else if (c == '\t' || c == '\n' || c == '\r') {
            sp_str_writer_put(&w, '\\');
            sp_str_writer_put(&w, c == '\t' ? 't' : c == '\n' ? 'n' : 'r');
        } else if (c < 0x20 || c >= 0x7F) {
            sp_str_writer_put(&w, '\\');
            sp_str_writer_put(&w, 'x');
            sp_str_writer_put(&w, (SpUCS4)hex[c >> 4]);
            sp_str_writer_put(&w, (SpUCS4)hex[c & 15]);
        } else {
            sp_str_writer_put(&w, c);
        }
    }
    sp_str_writer_put(&w, (SpUCS4)quote);
    if (sp_str_writer_write_char(&w, ')') < 0) {
        sp_str_writer_discard(&w);
        return NULL;
    }
    return sp_str_writer_finish(&w);
}

static ssize_t ba_length(SpObject *o) { return SP_SIZE(o); }

static SpObject *ba_item(SpObject *o, ssize_t i) {
    if (i < 0 || i >= SP_SIZE(o)) {
        sp_err_set_string(&SpExc_IndexError, "bytearray index out of range");
        return NULL;
    }
    return sp_int_from_long((unsigned char)sp_buf_data(o)[i]);
}

static SpObject *ba_repeat(SpObject *o, ssize_t count) {
    ssize_t n = SP_SIZE(o);
    if (count < 0) {
        count = 0;
    }
    if (n && count > SSIZE_MAX / n) {
        return sp_err_no_memory();
    }
    SpObject *r = sp_bytearray_from_data(NULL, n * count);
    if (r == NULL) {
        return NULL;
    }
    for (ssize_t i = 0; i < count; i++) {
        memcpy(sp_buf_data(r) + i * n, sp_buf_data(o), (size_t)n);
    }
    return r;
}

// ba += bytes-like extends in place (and returns the same object).
static SpObject *ba_inplace_concat(SpObject *o, SpObject *other) {
    if (!sp_buf_check(other)) {
        return sp_err_format(&SpExc_TypeError, "can't concat %.100s to %.100s",
                             sp_object_type_name(other), sp_object_type_name(o));
    }
    ssize_t n = SP_SIZE(o), m = sp_buf_size(other);
    // other may be o itself: copy its bytes before the buffer moves.
    char *tmp = NULL;
    const char *src = sp_buf_data(other);
    if (other == o && m > 0) {
        tmp = sp_mem_alloc((size_t)m);
        if (tmp == NULL) {
            return sp_err_no_memory();
        }
        memcpy(tmp, src, (size_t)m);
        src = tmp;
    }
    if (ba_resize(o, n + m) < 0) {
        sp_mem_free(tmp);
        return NULL;
    }
    if (m > 0) {
        memcpy(sp_buf_data(o) + n, src, (size_t)m);
    }
    sp_mem_free(tmp);
    return sp_newref(o);
}

// ba *= n repeats the content in place.
static SpObject *ba_inplace_repeat(SpObject *o, ssize_t count) {
    ssize_t n = SP_SIZE(o);
    if (count <= 0 || n == 0) {
        if (ba_resize(o, 0) < 0) {
            return NULL;
        }
        return sp_newref(o);
    }
    if (count > SSIZE_MAX / n) {
        return sp_err_no_memory();
    }
    if (ba_resize(o, n * count) < 0) {
        return NULL;
    }
    char *d = sp_buf_data(o);
    for (ssize_t i = 1; i < count; i++) {
        memcpy(d + i * n, d, (size_t)n);
    }
    return sp_newref(o);
}

// A value to store: an int (or __index__) in range(256).
static int byte_value(SpObject *v, unsigned char *out) {
    if (!SP_INT_CHECK(v) && !sp_index_check(v)) {
        sp_err_format(&SpExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                      sp_object_type_name(v));
        return -1;
    }
    ssize_t x = sp_number_as_ssize(v, NULL);
    if (x == -1 && sp_err_occurred()) {
        return -1;
    }
    if (x < 0 || x > 255) {
        sp_err_set_string(&SpExc_ValueError, "byte must be in range(0, 256)");
        return -1;
    }
    *out = (unsigned char)x;
    return 0;
}

// Delete n bytes at i (0 <= i, i + n <= size).
static int ba_delete_ex(SpObject *o, ssize_t i, ssize_t n, int advance) {
    ssize_t size = SP_SIZE(o);
    if (n <= 0) {
        return 0;
    }
    if (i == 0 && advance) {
        // Deleting at the front only moves the start pointer, as CPython;
        // ba_resize then applies its policy with that offset.
        BA(o)->ob_start += n;
        return ba_resize(o, size - n);
    }
    char *d = sp_buf_data(o);
    memmove(d + i, d + i + n, (size_t)(size - i - n));
    return ba_resize(o, size - n);
}

// Slice deletion advances the start for a front delete; pop() and
// remove() always move the tail, as in CPython (it shows in __alloc__).
static int ba_delete(SpObject *o, ssize_t i, ssize_t n) { return ba_delete_ex(o, i, n, 1); }

// Replace o[lo:hi] with n bytes of src.
// src must not point into o's buffer: callers pass a copy (slice_source).
static int ba_replace_range(SpObject *o, ssize_t lo, ssize_t hi, const char *src, ssize_t n) {
    ssize_t size = SP_SIZE(o), growth = n - (hi - lo);
    if (growth < 0) {
        // Shrinking at the front advances the start instead of moving the
        // tail, as CPython does (the difference shows in __alloc__).
        if (lo == 0) {
            BA(o)->ob_start -= growth;
        } else {
            char *d = sp_buf_data(o);
            memmove(d + lo + n, d + hi, (size_t)(size - hi));
        }
        if (ba_resize(o, size + growth) < 0) {
            return -1;
        }
    } else if (growth > 0) {
        if (ba_resize(o, size + growth) < 0) {
            return -1;
        }
        char *d = sp_buf_data(o);
        memmove(d + lo + n, d + hi, (size_t)(size - hi));
    }
    if (n > 0) {
        memcpy(sp_buf_data(o) + lo, src, (size_t)n);
    }
    return 0;
}

// The bytes of a value assigned to a slice: bytes-like, or an iterable of
// ints (not str, not an int).
static SpObject *slice_source(SpObject *v) {
    if (sp_buf_check(v)) {
        return sp_bytes_from_data(sp_buf_data(v), sp_buf_size(v));
    }
    if (SP_STR_CHECK(v) || SP_INT_CHECK(v) || sp_index_check(v)) {
        return sp_err_format(&SpExc_TypeError,
                             "can assign only bytes, buffers, or iterables of ints in "
                             "range(0, 256)");
    }
    return sp_bytes_from_args("bytearray", v, NULL, NULL);
}

static int ba_ass_item(SpObject *o, ssize_t i, SpObject *v) {
    if (i < 0 || i >= SP_SIZE(o)) {
        sp_err_set_string(&SpExc_IndexError, "bytearray index out of range");
        return -1;
    }
    if (v == NULL) {
        return ba_delete(o, i, 1);
    }
    unsigned char c;
    if (byte_value(v, &c) < 0) {
        return -1;
    }
    sp_buf_data(o)[i] = (char)c;
    return 0;
}

static SpObject *ba_subscript(SpObject *o, SpObject *key) {
    if (SP_INT_CHECK(key) || sp_index_check(key)) {
        ssize_t i = sp_number_as_ssize(key, &SpExc_IndexError);
        if (i == -1 && sp_err_occurred()) {
            return NULL;
        }
        if (i < 0) {
            i += SP_SIZE(o);
        }
        return ba_item(o, i);
    }
    if (SP_SLICE_CHECK(key)) {
        ssize_t start, stop, step;
        if (sp_slice_unpack(key, &start, &stop, &step) < 0) {
            return NULL;
        }
        ssize_t n = sp_slice_adjust_indices(SP_SIZE(o), &start, &stop, step);
        if (step == 1 || n <= 0) {
            return sp_bytearray_from_data(sp_buf_data(o) + start, n > 0 ? n : 0);
        }
        SpObject *r = sp_bytearray_from_data(NULL, n);
        if (r == NULL) {
            return NULL;
        }
        for (ssize_t i = 0, j = start; i < n; i++, j += step) {
            sp_buf_data(r)[i] = sp_buf_data(o)[j];
        }
        return r;
    }
    return sp_err_format(&SpExc_TypeError,
                         "bytearray indices must be integers or slices, not %.200s",
                         sp_object_type_name(key));
}

// ba[i] = v, ba[a:b] = bytes-like or iterable (any length), ba[a:b:c] = a
// value of exactly the slice's length; del of an index or any slice.
static int ba_ass_subscript(SpObject *o, SpObject *key, SpObject *v) {
    if (SP_INT_CHECK(key) || sp_index_check(key)) {
        ssize_t i = sp_number_as_ssize(key, &SpExc_IndexError);
        if (i == -1 && sp_err_occurred()) {
            return -1;
        }
        if (i < 0) {
            i += SP_SIZE(o);
        }
        return ba_ass_item(o, i, v);
    }
    if (!SP_SLICE_CHECK(key)) {
        sp_err_format(&SpExc_TypeError, "bytearray indices must be integers or slices, not %.200s",
                      sp_object_type_name(key));
        return -1;
    }
    ssize_t start, stop, step;
    if (sp_slice_unpack(key, &start, &stop, &step) < 0) {
        return -1;
    }
    ssize_t n = sp_slice_adjust_indices(SP_SIZE(o), &start, &stop, step);
    SpObject *src = NULL;
    if (v != NULL) {
        src = slice_source(v);
        if (src == NULL) {
            return -1;
        }
    }
    int rc = 0;
    if (step == 1) {
        if (stop < start) {
            stop = start;
        }
        rc = src ? ba_replace_range(o, start, stop, SP_BYTES_DATA(src), SP_BYTES_SIZE(src))
                 : ba_delete(o, start, stop - start);
    } else if (src != NULL) {
        if (SP_BYTES_SIZE(src) != n) {
            sp_err_format(&SpExc_ValueError,
                          "attempt to assign bytes of size %zd to extended slice of size %zd",
                          SP_BYTES_SIZE(src), n);
            rc = -1;
        } else {
            for (ssize_t i = 0, j = start; i < n; i++, j += step) {
                sp_buf_data(o)[j] = SP_BYTES_DATA(src)[i];
            }
        }
    } else if (n > 0) {
        // Extended-slice delete: compact the survivors in one pass.
        if (step < 0) {
            start += step * (n - 1);
            step = -step;
        }
        char *d = sp_buf_data(o);
        ssize_t size = SP_SIZE(o), w = start;
        for (ssize_t r = start; r < size; r++) {
            if (r >= start && (r - start) % step == 0 && (r - start) / step < n) {
                continue;
            }
            d[w++] = d[r];
        }
        rc = ba_resize(o, w);
    }
    SP_XDECREF(src);
    return rc;
}

// =============================================================================
// Iteration
// =============================================================================

typedef struct {
    SP_OBJECT_HEAD;
    ssize_t index;
    SpObject *seq;
} BaIterObject;

SpTypeObject SpByteArrayIter_Type;

static SpObject *ba_iter(SpObject *o) {
    BaIterObject *it = (BaIterObject *)sp_object_alloc(&SpByteArrayIter_Type, 0);
    if (it == NULL) {
        return NULL;
    }
    it->index = 0;
    it->seq = sp_newref(o);
    return (SpObject *)it;
}

static void baiter_dealloc(SpObject *o) {
    SP_XDECREF(((BaIterObject *)o)->seq);
    sp_object_free(o);
}

static SpObject *baiter_next(SpObject *o) {
    BaIterObject *it = (BaIterObject *)o;
    SpObject *s = it->seq;
    if (s == NULL) {
        return NULL;
    }
    // The bytearray may shrink while iterated: check every time.
    if (it->index < SP_SIZE(s)) {
        return sp_int_from_long((unsigned char)sp_buf_data(s)[it->index++]);
    }
    it->seq = NULL;
    SP_DECREF(s);
    return NULL;
}

static SpObject *iter_self(SpObject *o) { return sp_newref(o); }

SpTypeObject SpByteArrayIter_Type = {
    SP_TYPE_HEAD_INIT,
    .tp_name = "bytearray_iterator",
    .tp_basicsize = sizeof(BaIterObject),
    .tp_dealloc = baiter_dealloc,
    .tp_iter = iter_self,
    .tp_iternext = baiter_next,
};

// =============================================================================
// Mutating methods
// =============================================================================

SpObject *sp_bytearray_append(SpObject *self, SpObject *arg) {
    unsigned char c;
    if (byte_value(arg, &c) < 0) {
        return NULL;
    }
    ssize_t n = SP_SIZE(self);
    if (ba_resize(self, n + 1) < 0) {
        return NULL;
    }
    sp_buf_data(self)[n] = (char)c;
    SP_RETURN_NONE;
}

SpObject *sp_bytearray_extend(SpObject *self, SpObject *arg) {
    SpObject *src;
    if (sp_buf_check(arg)) {
        src = sp_bytes_from_data(sp_buf_data(arg), sp_buf_size(arg));
    } else if (SP_STR_CHECK(arg)) {
        // Iterating a str yields str items, which are not byte values.
        if (SP_STR_LENGTH(arg) == 0) {
            SP_RETURN_NONE;
        }
        return sp_err_format(&SpExc_TypeError,
                             "'str' object cannot be interpreted as an integer");
    } else {
        if (SP_TYPE(arg)->tp_iter == NULL && (SP_TYPE(arg)->tp_as_sequence == NULL ||
                                              SP_TYPE(arg)->tp_as_sequence->sq_item == NULL)) {
            return sp_err_format(&SpExc_TypeError, "can't extend bytearray with %.100s",
                                 sp_object_type_name(arg));
        }
        src = sp_bytes_from_args("bytearray", arg, NULL, NULL);
    }
    if (src == NULL) {
        return NULL;
    }
    ssize_t n = SP_SIZE(self), m = SP_BYTES_SIZE(src);
    if (ba_resize(self, n + m) < 0) {
        SP_DECREF(src);
        return NULL;
    }
    memcpy(sp_buf_data(self) + n, SP_BYTES_DATA(src), (size_t)m);
    SP_DECREF(src);
    SP_RETURN_NONE;
}

SpObject *sp_bytearray_insert(SpObject *self, SpObject *const *args, ssize_t nargs,
                              SpObject *kwnames) {
    if (kwnames != NULL && SP_TUPLE_SIZE(kwnames) > 0) {
        return sp_err_format(&SpExc_TypeError, "insert() takes no keyword arguments");
    }
    if (nargs != 2) {
        return sp_err_format(&SpExc_TypeError, "insert expected 2 arguments, got %zd", nargs);
    }
    ssize_t i = sp_number_as_ssize(args[0], &SpExc_OverflowError);
    if (i == -1 && sp_err_occurred()) {
        return NULL;
    }
    unsigned char c;
    if (byte_value(args[1], &c) < 0) {
        return NULL;
    }
    ssize_t n = SP_SIZE(self);
    if (i < 0) {
        i += n;
        if (i < 0) {
            i = 0;
        }
    }
    if (i > n) {
        i = n;
    }
    if (ba_resize(self, n + 1) < 0) {
        return NULL;
    }
    char *d = sp_buf_data(self);
    memmove(d + i + 1, d + i, (size_t)(n - i));
    d[i] = (char)c;
    SP_RETURN_NONE;
}

// pop([index]): the byte as an int; the last one by default.
SpObject *sp_bytearray_pop(SpObject *self, SpObject *const *args, ssize_t nargs,
                           SpObject *kwnames) {
    if (kwnames != NULL && SP_TUPLE_SIZE(kwnames) > 0) {
        return sp_err_format(&SpExc_TypeError, "pop() takes no keyword arguments");
    }
    if (nargs > 1) {
        return sp_err_format(&SpExc_TypeError, "pop expected at most 1 argument, got %zd", nargs);
    }
    ssize_t i = -1, n = SP_SIZE(self);
    if (nargs == 1) {
        i = sp_number_as_ssize(args[0], &SpExc_OverflowError);
        if (i == -1 && sp_err_occurred()) {
            return NULL;
        }
    }
    if (n == 0) {
        sp_err_set_string(&SpExc_IndexError, "pop from empty bytearray");
        return NULL;
    }
    if (i < 0) {
        i += n;
    }
    if (i < 0 || i >= n) {
        sp_err_set_string(&SpExc_IndexError, "pop index out of range");
        return NULL;
    }
    unsigned char c = (unsigned char)sp_buf_data(self)[i];
    if (ba_delete_ex(self, i, 1, 0) < 0) {
        return NULL;
    }
    return sp_int_from_long(c);
}

SpObject *sp_bytearray_remove(SpObject *self, SpObject *arg) {
    unsigned char c;
    if (byte_value(arg, &c) < 0) {
        return NULL;
    }
    const char *d = sp_buf_data(self);
    const char *p = SP_SIZE(self) ? memchr(d, c, (size_t)SP_SIZE(self)) : NULL;
    if (p == NULL) {
        sp_err_set_string(&SpExc_ValueError, "value not found in bytearray");
        return NULL;
    }
    if (ba_delete_ex(self, p - d, 1, 0) < 0) {
        return NULL;
    }
    SP_RETURN_NONE;
}

SpObject *sp_bytearray_clear(SpObject *self, SpObject *unused) {
    if (ba_set_content(self, NULL, 0) < 0) {
        return NULL;
    }
    SP_RETURN_NONE;
}

SpObject *sp_bytearray_copy(SpObject *self, SpObject *unused) {
    return sp_bytearray_from_data(sp_buf_data(self), SP_SIZE(self));
}

SpObject *sp_bytearray_reverse(SpObject *self, SpObject *unused) {
    char *d = sp_buf_data(self);
    for (ssize_t i = 0, j = SP_SIZE(self) - 1; i < j; i++, j--) {
        char t = d[i];
        d[i] = d[j];
        d[j] = t;
    }
    SP_RETURN_NONE;
}

SpObject *sp_bytearray_alloc(SpObject *self, SpObject *unused) {
    return sp_int_from_ssize(BA(self)->ob_alloc);
}

SpObject *sp_bytearray_sizeof(SpObject *self, SpObject *unused) {
    return sp_int_from_ssize((ssize_t)sizeof(SpByteArrayObject) + BA(self)->ob_alloc);
}

// bytearray % args formats as bytes do and returns a bytearray.
static SpObject *ba_remainder(SpObject *a, SpObject *b) {
    if (!SP_BYTEARRAY_CHECK(a)) {
        SP_RETURN_NOTIMPLEMENTED;
    }
    SpObject *r = sp_bytes_percent_format(a, b);
    if (r == NULL) {
        return NULL;
    }
    SpObject *ba = sp_bytearray_from_data(SP_BYTES_DATA(r), SP_BYTES_SIZE(r));
    SP_DECREF(r);
    return ba;
}

// =============================================================================
// The type object
// =============================================================================

static SpNumberMethods ba_as_number = {
    .nb_remainder = ba_remainder,
};

static SpSequenceMethods ba_as_sequence = {
    .sq_length = ba_length,
    .sq_concat = sp_buf_concat,
    .sq_repeat = ba_repeat,
    .sq_item = ba_item,
    .sq_ass_item = ba_ass_item,
    .sq_contains = sp_buf_contains,
    .sq_inplace_concat = ba_inplace_concat,
    .sq_inplace_repeat = ba_inplace_repeat,
};

static SpMappingMethods ba_as_mapping = {
    .mp_length = ba_length,
    .mp_subscript = ba_subscript,
    .mp_ass_subscript = ba_ass_subscript,
};

SpTypeObject SpByteArray_Type = {
    SP_TYPE_HEAD_INIT,
    .tp_name = "bytearray",
    .tp_basicsize = sizeof(SpByteArrayObject),
    .tp_dealloc = ba_dealloc,
    .tp_repr = ba_repr,
    .tp_as_number = &ba_as_number,
    .tp_as_sequence = &ba_as_sequence,
    .tp_as_mapping = &ba_as_mapping,
    .tp_hash = sp_object_hash_not_implemented,
    .tp_str = ba_repr,
    .tp_flags = SP_TPFLAGS_BASETYPE,
    .tp_doc = "bytearray(iterable_of_ints) -> bytearray\n"
              "bytearray(string, encoding[, errors]) -> bytearray\n"
              "bytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\n"
              "bytearray(int) -> bytes array of size given by the parameter initialized with "
              "null bytes\nbytearray() -> empty bytes array",
    .tp_richcompare = sp_buf_richcompare,
    .tp_iter = ba_iter,
    .tp_methods = sp_bytearray_methods,
    .tp_init = ba_init,
    .tp_new = ba_tp_new,
};
