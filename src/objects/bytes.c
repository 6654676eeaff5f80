// smallpy: bytes: construction, repr, indexing, slicing, +, *, `in`,
// comparison, hashing (equal to the hash of the same ASCII str), iteration,
// decoding and the common methods. b'' and every one-byte object are shared.
// Counterpart: CPython 3.11 Objects/bytesobject.c, Objects/bytes_methods.c.
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
#include "objects/list.h"
#include "objects/none.h"
#include "objects/range.h"
#include "objects/str_internal.h"
#include "objects/tuple.h"
#include "objects/type.h"

_Static_assert(offsetof(SpBytesObject, ob_shash) == 24, "bytes hash at 24");
_Static_assert(offsetof(SpBytesObject, ob_sval) == 32, "bytes data at 32");

// The shared b'' and one-byte objects, made on first use.
static SpObject *empty_bytes;
static SpObject *byte_chars[256];

// A fresh bytes of len bytes (zeroed, NUL-terminated), never shared.
static SpObject *bytes_alloc(ssize_t len) {
    if (len < 0) {
        return sp_err_bad_internal_call("bytes_alloc: negative size");
    }
    if (len > SSIZE_MAX - (ssize_t)offsetof(SpBytesObject, ob_sval) - 1) {
        return sp_err_no_memory();
    }
    SpObject *o = sp_object_alloc(&SpBytes_Type, len);
    if (o == NULL) {
        return NULL;
    }
    SP_SET_SIZE(o, len);
    ((SpBytesObject *)o)->ob_shash = -1;
    return o;
}

static SpObject *shared_byte(unsigned char c) {
    if (byte_chars[c] == NULL) {
        SpObject *o = bytes_alloc(1);
        if (o == NULL) {
            return NULL;
        }
        SP_BYTES_DATA(o)[0] = (char)c;
        byte_chars[c] = o;
    }
    return sp_newref(byte_chars[c]);
}

SpObject *sp_bytes_from_data(const char *s, ssize_t len) {
    if (s != NULL && len <= 1) {
        if (len == 1) {
            return shared_byte((unsigned char)s[0]);
        }
        if (empty_bytes == NULL) {
            empty_bytes = bytes_alloc(0);
            if (empty_bytes == NULL) {
                return NULL;
            }
        }
        return sp_newref(empty_bytes);
    }
    SpObject *o = bytes_alloc(len);
    if (o != NULL && s != NULL) {
        memcpy(SP_BYTES_DATA(o), s, (size_t)len);
    }
    return o;
}

// Same data as bytes_alloc'd scratch, but shared when short: used after
// building a result in a fresh object.
static SpObject *bytes_finish(SpObject *o) {
    if (SP_BYTES_SIZE(o) <= 1) {
        SpObject *r = sp_bytes_from_data(SP_BYTES_DATA(o), SP_BYTES_SIZE(o));
        SP_DECREF(o);
        return r;
    }
    return o;
}

SpObject *sp_bytes_concat(SpObject *a, SpObject *b) {
    if (!SP_BYTES_CHECK(a) || !SP_BYTES_CHECK(b)) {
        SpObject *bad = SP_BYTES_CHECK(a) ? b : a;
        return sp_err_format(&SpExc_TypeError, "can't concat %.100s to %.100s",
                             sp_object_type_name(bad), sp_object_type_name(a));
    }
    ssize_t na = SP_BYTES_SIZE(a), nb = SP_BYTES_SIZE(b);
    if (na == 0 && SP_TYPE(b) == &SpBytes_Type) {
        return sp_newref(b);
    }
    if (nb == 0 && SP_TYPE(a) == &SpBytes_Type) {
        return sp_newref(a);
    }
    if (na > SSIZE_MAX - nb) {
        return sp_err_no_memory();
    }
    SpObject *r = sp_bytes_from_data(NULL, na + nb);
    if (r == NULL) {
        return NULL;
    }
    memcpy(SP_BYTES_DATA(r), SP_BYTES_DATA(a), (size_t)na);
    memcpy(SP_BYTES_DATA(r) + na, SP_BYTES_DATA(b), (size_t)nb);
    return bytes_finish(r);
}

SpObject *sp_bytes_repr(SpObject *o) {
    ssize_t n = SP_BYTES_SIZE(o);
    const unsigned char *s = (const unsigned char *)SP_BYTES_DATA(o);
    int squote = memchr(s, '\'', (size_t)n) != NULL, dquote = memchr(s, '"', (size_t)n) != NULL;
    char quote = squote && !dquote ? '"' : '\'';
    static const char hex[] = "0123456789abcdef";
    // Worst case: every byte becomes \xNN.
    char *buf = sp_mem_alloc((size_t)n * 4 + 3), *p = buf;
    if (buf == NULL) {
        return sp_err_no_memory();
    }
    *p++ = 'b';
    *p++ = quote;
    for (ssize_t i = 0; i < n; i++) {
        unsigned char c = s[i];
        if (c == quote || c == '\\') {
            *p++ = '\\';
            *p++ = (char)c;
        } else if (c == '\t') {
            *p++ = '\\';
            *p++ = 't';
        } else if (c == '\n') {
            *p++ = '\\';
            *p++ = 'n';
        } else if (c == '\r') {
            *p++ = '\\';
            *p++ = 'r';
        } else if (c < 0x20 || c >= 0x7F) {
            *p++ = '\\';
            *p++ = 'x';
            *p++ = hex[c >> 4];
            *p++ = hex[c & 15];
        } else {
            *p++ = (char)c;
        }
    }
    *p++ = quote;
    SpObject *r = sp_str_from_ascii(buf, p - buf);
    sp_mem_free(buf);
    return r;
}

// =============================================================================
// Construction: bytes(), bytes(n), bytes(iterable), bytes(str, enc[, err])
// =============================================================================

static SpObject *bytes_from_iterable(SpObject *obj) {
    SpObject *it = sp_object_get_iter(obj);
    if (it == NULL) {
        return NULL;
    }
    ssize_t cap = 16, n = 0;
    unsigned char *buf = sp_mem_alloc((size_t)cap);
    if (buf == NULL) {
        SP_DECREF(it);
        return sp_err_no_memory();
    }
    SpObject *item;
    while ((item = sp_iter_next(it)) != NULL) {
        if (!SP_INT_CHECK(item) && !sp_index_check(item)) {
            sp_err_format(&SpExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                          sp_object_type_name(item));
            SP_DECREF(item);
            goto error;
        }
        ssize_t v = sp_number_as_ssize(item, NULL);
        SP_DECREF(item);
        if (v == -1 && sp_err_occurred()) {
            goto error;
        }
        if (v < 0 || v > 255) {
            sp_err_set_string(&SpExc_ValueError, "bytes must be in range(0, 256)");
            goto error;
        }
        if (n == cap) {
            cap *= 2;
            unsigned char *nb = sp_mem_realloc(buf, (size_t)cap);
            if (nb == NULL) {
                sp_err_no_memory();
                goto error;
            }
            buf = nb;
        }
        buf[n++] = (unsigned char)v;
    }
    if (sp_err_occurred()) {
        goto error;
    }
    SP_DECREF(it);
    SpObject *r = sp_bytes_from_data((const char *)buf, n);
    sp_mem_free(buf);
    return r;
error:
    SP_DECREF(it);
    sp_mem_free(buf);
    return NULL;
}

static SpObject *bytes_new_impl(SpObject *x, SpObject *encoding, SpObject *errors) {
    if (x == NULL) {
        if (encoding != NULL || errors != NULL) {
            return sp_err_format(&SpExc_TypeError, encoding != NULL
                                                       ? "encoding without a string argument"
                                                       : "errors without a string argument");
        }
        return sp_bytes_from_data("", 0);
    }
    if (encoding != NULL || errors != NULL) {
        if (!SP_STR_CHECK(x)) {
            return sp_err_format(&SpExc_TypeError, encoding != NULL
                                                       ? "encoding without a string argument"
                                                       : "errors without a string argument");
        }
        const char *enc = NULL, *err = NULL;
        if (encoding != NULL) {
            if (!SP_STR_CHECK(encoding)) {
                return sp_err_format(&SpExc_TypeError,
                                     "bytes() argument 'encoding' must be str, not %T", encoding);
            }
            enc = sp_str_as_utf8(encoding, NULL);
        }
        if (errors != NULL) {
            if (!SP_STR_CHECK(errors)) {
                return sp_err_format(&SpExc_TypeError,
                                     "bytes() argument 'errors' must be str, not %T", errors);
            }
            err = sp_str_as_utf8(errors, NULL);
        }
        if ((encoding && !enc) || (errors && !err)) {
            return NULL;
        }
        return sp_str_encode(x, enc, err);
    }
    if (SP_STR_CHECK(x)) {
        return sp_err_format(&SpExc_TypeError, "string argument without an encoding");
    }
    if (SP_BYTES_CHECK(x)) {
        if (SP_TYPE(x) == &SpBytes_Type) {
            return sp_newref(x);
        }
        return sp_bytes_from_data(SP_BYTES_DATA(x), SP_BYTES_SIZE(x));
    }
    // __bytes__ first, as CPython.
    int found = 0;
    SpObject *r = sp_call_special(x, sp_id(__bytes__), NULL, 0, &found);
    if (found) {
        if (r != NULL && !SP_BYTES_CHECK(r)) {
            sp_err_format(&SpExc_TypeError, "__bytes__ returned non-bytes (type %.200s)",
                          sp_object_type_name(r));
            SP_DECREF(r);
            return NULL;
        }
        return r;
    }
    if (sp_err_occurred()) {
        return NULL;
    }
    if (SP_INT_CHECK(x) || sp_index_check(x)) {
        ssize_t n = sp_number_as_ssize(x, &SpExc_OverflowError);
        if (n == -1 && sp_err_occurred()) {
            return NULL;
        }
        if (n < 0) {
            sp_err_set_string(&SpExc_ValueError, "negative count");
            return NULL;
        }
        if (n <= 1) {
            return sp_bytes_from_data("", n);
        }
        return sp_bytes_from_data(NULL, n);
    }
    if (SP_TYPE(x)->tp_iter == NULL && (SP_TYPE(x)->tp_as_sequence == NULL ||
                                        SP_TYPE(x)->tp_as_sequence->sq_item == NULL)) {
        return sp_err_format(&SpExc_TypeError, "cannot convert '%.200s' object to bytes",
                             sp_object_type_name(x));
    }
    return bytes_from_iterable(x);
}

static SpObject *bytes_subtype_from(SpTypeObject *type, SpObject *b) {
    if (b == NULL || type == &SpBytes_Type) {
        return b;
    }
    ssize_t n = SP_BYTES_SIZE(b);
    SpObject *o = sp_object_alloc(type, n);
    if (o != NULL) {
        SP_SET_SIZE(o, n);
        ((SpBytesObject *)o)->ob_shash = -1;
        memcpy(SP_BYTES_DATA(o), SP_BYTES_DATA(b), (size_t)n);
    }
    SP_DECREF(b);
    return o;
}

static SpObject *bytes_tp_new(SpTypeObject *type, SpObject *args, SpObject *kwargs) {
    static const char *const names[] = {"source", "encoding", "errors"};
    SpObject *vals[3] = {NULL, NULL, NULL};
    ssize_t nargs = args ? SP_TUPLE_SIZE(args) : 0;
    if (nargs > 3) {
        return sp_err_format(&SpExc_TypeError, "bytes() takes at most 3 arguments (%zd given)",
                             nargs);
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
                        return sp_err_format(&SpExc_TypeError,
                                             "argument for bytes() given by name ('%s') and "
                                             "position (%d)", names[i], i + 1);
                    }
                    vals[i] = v;
                    found = 1;
                }
            }
            if (!found) {
                return sp_err_format(&SpExc_TypeError,
                                     "'%S' is an invalid keyword argument for bytes()", k);
            }
        }
    }
    return bytes_subtype_from(type, bytes_new_impl(vals[0], vals[1], vals[2]));
}

// =============================================================================
// Slots
// =============================================================================

static void bytes_dealloc(SpObject *o) {
    SpTypeObject *t = SP_TYPE(o);
    if (t->tp_free != NULL) {
        t->tp_free(o);
    } else {
        sp_object_free(o);
    }
}

static SpHash bytes_hash(SpObject *o) {
    SpBytesObject *b = (SpBytesObject *)o;
    if (b->ob_shash == -1) {
        b->ob_shash = sp_hash_bytes(b->ob_sval, SP_BYTES_SIZE(o));
    }
    return b->ob_shash;
}

static SpObject *bytes_richcompare(SpObject *a, SpObject *b, int op) {
    if (!SP_BYTES_CHECK(a) || !SP_BYTES_CHECK(b)) {
        SP_RETURN_NOTIMPLEMENTED;
    }
    ssize_t na = SP_BYTES_SIZE(a), nb = SP_BYTES_SIZE(b);
    if (op == SP_EQ || op == SP_NE) {
        int eq = na == nb && (a == b || memcmp(SP_BYTES_DATA(a), SP_BYTES_DATA(b), (size_t)na) == 0);
        return sp_bool_from_long(eq == (op == SP_EQ));
    }
    int c = memcmp(SP_BYTES_DATA(a), SP_BYTES_DATA(b), (size_t)(na < nb ? na : nb));
    if (c == 0) {
        c = na < nb ? -1 : na > nb ? 1 : 0;
    }
    int r;
    switch (op) {
    case SP_LT: r = c < 0; break;
    case SP_LE: r = c <= 0; break;
    case SP_GT: r = c > 0; break;
    default: r = c >= 0; break;
    }
    return sp_bool_from_long(r);
}

static ssize_t bytes_length(SpObject *o) { return SP_BYTES_SIZE(o); }

static SpObject *bytes_repeat(SpObject *o, ssize_t count) {
    ssize_t n = SP_BYTES_SIZE(o);
    if (count < 0) {
        count = 0;
    }
    if (count == 1 && SP_TYPE(o) == &SpBytes_Type) {
        return sp_newref(o);
    }
    if (n && count > SSIZE_MAX / n) {
        sp_err_set_string(&SpExc_OverflowError, "repeated bytes are too long");
        return NULL;
    }
    ssize_t total = n * count;
    if (total <= 1) {
        return sp_bytes_from_data(SP_BYTES_DATA(o), total);
    }
    SpObject *r = sp_bytes_from_data(NULL, total);
    if (r == NULL) {
        return NULL;
    }
    char *d = SP_BYTES_DATA(r);
    if (n == 1) {
        memset(d, SP_BYTES_DATA(o)[0], (size_t)total);
        return r;
    }
    memcpy(d, SP_BYTES_DATA(o), (size_t)n);
    ssize_t done = n;
    while (done < total) {
        ssize_t k = done <= total - done ? done : total - done;
        memcpy(d + done, d, (size_t)k);
        done += k;
    }
    return r;
}

// A byte value argument (int in 0..255) or a bytes needle: fills *buf/*len.
// 0 ok, -1 error. `errmsg` true gives find()'s message for wrong types.
static int needle_arg(SpObject *x, char *byte, const char **data, ssize_t *len, int find_style) {
    if (SP_BYTES_CHECK(x)) {
        *data = SP_BYTES_DATA(x);
        *len = SP_BYTES_SIZE(x);
        return 0;
    }
    if (SP_INT_CHECK(x) || sp_index_check(x)) {
        ssize_t v = sp_number_as_ssize(x, NULL);
        if (v == -1 && sp_err_occurred()) {
            return -1;
        }
        if (v < 0 || v > 255) {
            sp_err_set_string(&SpExc_ValueError, "byte must be in range(0, 256)");
            return -1;
        }
        *byte = (char)v;
        *data = byte;
        *len = 1;
        return 0;
    }
    if (find_style) {
        sp_err_format(&SpExc_TypeError,
                      "argument should be integer or bytes-like object, not '%.200s'",
                      sp_object_type_name(x));
    } else {
        sp_err_format(&SpExc_TypeError, "a bytes-like object is required, not '%.100s'",
                      sp_object_type_name(x));
    }
    return -1;
}

static int bytes_contains(SpObject *o, SpObject *x) {
    char byte;
    const char *d;
    ssize_t m;
    if (needle_arg(x, &byte, &d, &m, 0) < 0) {
        return -1;
    }
    return sp_str_search(1, SP_BYTES_DATA(o), SP_BYTES_SIZE(o), d, m, 1) >= 0;
}

static SpObject *bytes_item(SpObject *o, ssize_t i) {
    if (i < 0 || i >= SP_BYTES_SIZE(o)) {
        sp_err_set_string(&SpExc_IndexError, "index out of range");
        return NULL;
    }
    return sp_int_from_long((unsigned char)SP_BYTES_DATA(o)[i]);
}

static SpObject *bytes_subscript(SpObject *o, SpObject *key) {
    if (SP_INT_CHECK(key) || sp_index_check(key)) {
        ssize_t i = sp_number_as_ssize(key, &SpExc_IndexError);
        if (i == -1 && sp_err_occurred()) {
            return NULL;
        }
        if (i < 0) {
            i += SP_BYTES_SIZE(o);
        }
        return bytes_item(o, i);
    }
    if (SP_SLICE_CHECK(key)) {
        ssize_t start, stop, step;
        if (sp_slice_unpack(key, &start, &stop, &step) < 0) {
            return NULL;
        }
        ssize_t n = sp_slice_adjust_indices(SP_BYTES_SIZE(o), &start, &stop, step);
        if (n <= 0) {
            return sp_bytes_from_data("", 0);
        }
        if (step == 1) {
            if (n == SP_BYTES_SIZE(o) && SP_TYPE(o) == &SpBytes_Type) {
                return sp_newref(o);
            }
            return sp_bytes_from_data(SP_BYTES_DATA(o) + start, n);
        }
        if (n == 1) {
            return sp_bytes_from_data(SP_BYTES_DATA(o) + start, 1);
        }
        SpObject *r = sp_bytes_from_data(NULL, n);
        if (r == NULL) {
            return NULL;
        }
        const char *s = SP_BYTES_DATA(o);
        char *d = SP_BYTES_DATA(r);
        for (ssize_t i = 0, j = start; i < n; i++, j += step) {
            d[i] = s[j];
        }
        return r;
    }
    return sp_err_format(&SpExc_TypeError, "byte indices must be integers or slices, not %.200s",
                         sp_object_type_name(key));
}

static SpObject *bytes_remainder(SpObject *a, SpObject *b) {
    if (!SP_BYTES_CHECK(a)) {
        SP_RETURN_NOTIMPLEMENTED;
    }
    return sp_bytes_percent_format(a, b);
}

// =============================================================================
// Iteration
// =============================================================================

typedef struct {
    SP_OBJECT_HEAD;
    ssize_t index;
    SpObject *seq;
} BytesIterObject;

static SpObject *bytes_iter(SpObject *o) {
    BytesIterObject *it = (BytesIterObject *)sp_object_alloc(&SpBytesIter_Type, 0);
    if (it == NULL) {
        return NULL;
    }
    it->index = 0;
    it->seq = sp_newref(o);
    return (SpObject *)it;
}

static void bytesiter_dealloc(SpObject *o) {
    SP_XDECREF(((BytesIterObject *)o)->seq);
    sp_object_free(o);
}

static SpObject *bytesiter_next(SpObject *o) {
    BytesIterObject *it = (BytesIterObject *)o;
    SpObject *s = it->seq;
    if (s == NULL) {
        return NULL;
    }
    if (it->index < SP_BYTES_SIZE(s)) {
        return sp_int_from_long((unsigned char)SP_BYTES_DATA(s)[it->index++]);
    }
    it->seq = NULL;
    SP_DECREF(s);
    return NULL;
}

static SpObject *bytesiter_length_hint(SpObject *o, SpObject *unused) {
    BytesIterObject *it = (BytesIterObject *)o;
    ssize_t n = it->seq ? SP_BYTES_SIZE(it->seq) - it->index : 0;
    return sp_int_from_ssize(n < 0 ? 0 : n);
}

static SpObject *iter_self(SpObject *o) { return sp_newref(o); }

static SpMethodDef bytesiter_methods[] = {
    {"__length_hint__", SP_METH(bytesiter_length_hint), SP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

SpTypeObject SpBytesIter_Type = {
    SP_TYPE_HEAD_INIT,
    .tp_name = "bytes_iterator",
    .tp_basicsize = sizeof(BytesIterObject),
    .tp_dealloc = bytesiter_dealloc,
    .tp_iter = iter_self,
    .tp_iternext = bytesiter_next,
    .tp_methods = bytesiter_methods,
};

// =============================================================================
// Methods
// =============================================================================

static int check_no_kw(const char *name, SpObject *kwnames) {
    if (kwnames != NULL && SP_TUPLE_SIZE(kwnames) > 0) {
        sp_err_format(&SpExc_TypeError, "%s() takes no keyword arguments", name);
        return -1;
    }
    return 0;
}

static int check_nargs(const char *name, ssize_t nargs, ssize_t min, ssize_t max) {
    if (nargs < min) {
        sp_err_format(&SpExc_TypeError, "%s() takes at least %zd argument%s (%zd given)", name,
                      min, min == 1 ? "" : "s", nargs);
        return -1;
    }
    if (nargs > max) {
        sp_err_format(&SpExc_TypeError, "%s() takes at most %zd argument%s (%zd given)", name, max,
                      max == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

static int bound_arg(SpObject *o, ssize_t *out) {
    if (o == NULL || o == sp_None) {
        return 0;
    }
    if (!SP_INT_CHECK(o) && !sp_index_check(o)) {
        sp_err_set_string(&SpExc_TypeError,
                          "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    ssize_t v = sp_number_as_ssize(o, NULL);
    if (v == -1 && sp_err_occurred()) {
        return -1;
    }
    *out = v;
    return 0;
}

static void adjust_bounds(ssize_t len, ssize_t *start, ssize_t *end) {
    if (*end > len) {
        *end = len;
    } else if (*end < 0) {
        *end += len;
        if (*end < 0) {
            *end = 0;
        }
    }
    if (*start < 0) {
        *start += len;
        if (*start < 0) {
            *start = 0;
        }
    }
}

// find/rfind/index/rindex/count: sub[, start[, end]].
static SpObject *find_common(const char *name, SpObject *self, SpObject *const *args,
                             ssize_t nargs, SpObject *kwnames, int mode) {
    if (check_no_kw(name, kwnames) < 0 || check_nargs(name, nargs, 1, 3) < 0) {
        return NULL;
    }
    char byte;
    const char *nd;
    ssize_t m, start = 0, end = SSIZE_MAX;
    if (needle_arg(args[0], &byte, &nd, &m, 1) < 0) {
        return NULL;
    }
    if ((nargs > 1 && bound_arg(args[1], &start) < 0) ||
        (nargs > 2 && bound_arg(args[2], &end) < 0)) {
        return NULL;
    }
    ssize_t n = SP_BYTES_SIZE(self);
    adjust_bounds(n, &start, &end);
    const char *d = SP_BYTES_DATA(self);
    if (mode == 0) {  // count
        if (end - start < m || start > n) {
            return sp_int_from_long(0);
        }
        return sp_int_from_ssize(sp_str_count_in(1, d + start, end - start, nd, m, SSIZE_MAX));
    }
    ssize_t r = -1;
    if (end - start >= m && start <= n) {
        r = sp_str_search(1, d + start, end - start, nd, m, mode > 0 ? 1 : -1);
        if (r >= 0) {
            r += start;
        }
    }
    if (r < 0 && (mode == 2 || mode == -2)) {
        sp_err_set_string(&SpExc_ValueError, "subsection not found");
        return NULL;
    }
    return sp_int_from_ssize(r);
}

static SpObject *bytes_find(SpObject *s, SpObject *const *a, ssize_t n, SpObject *k) {
    return find_common("find", s, a, n, k, 1);
}
static SpObject *bytes_rfind(SpObject *s, SpObject *const *a, ssize_t n, SpObject *k) {
    return find_common("rfind", s, a, n, k, -1);
}
static SpObject *bytes_index(SpObject *s, SpObject *const *a, ssize_t n, SpObject *k) {
    return find_common("index", s, a, n, k, 2);
}
static SpObject *bytes_rindex(SpObject *s, SpObject *const *a, ssize_t n, SpObject *k) {
    return find_common("rindex", s, a, n, k, -2);
}
static SpObject *bytes_count(SpObject *s, SpObject *const *a, ssize_t n, SpObject *k) {
    return find_common("count", s, a, n, k, 0);
}

static int match_at(SpObject *self, SpObject *sub, ssize_t start, ssize_t end, int at_end) {
    ssize_t m = SP_BYTES_SIZE(sub);
    if (start > SP_BYTES_SIZE(self) || end - start < m) {
        return 0;
    }
    ssize_t pos = at_end ? end - m : start;
    return memcmp(SP_BYTES_DATA(self) + pos, SP_BYTES_DATA(sub), (size_t)m) == 0;
}

static SpObject *starts_ends(const char *name, SpObject *self, SpObject *const *args,
                             ssize_t nargs, SpObject *kwnames, int at_end) {
    if (check_no_kw(name, kwnames) < 0 || check_nargs(name, nargs, 1, 3) < 0) {
        return NULL;
    }
    ssize_t start = 0, end = SSIZE_MAX;
    if ((nargs > 1 && bound_arg(args[1], &start) < 0) ||
        (nargs > 2 && bound_arg(args[2], &end) < 0)) {
        return NULL;
    }
    adjust_bounds(SP_BYTES_SIZE(self), &start, &end);
    SpObject *x = args[0];
    if (SP_TUPLE_CHECK(x)) {
        for (ssize_t i = 0; i < SP_TUPLE_SIZE(x); i++) {
            SpObject *s = SP_TUPLE_GET_ITEM(x, i);
            if (!SP_BYTES_CHECK(s)) {
                return sp_err_format(&SpExc_TypeError,
                                     "a bytes-like object is required, not '%.100s'",
                                     sp_object_type_name(s));
            }
            if (match_at(self, s, start, end, at_end)) {
                SP_RETURN_TRUE;
            }
        }
        SP_RETURN_FALSE;
    }
    if (!SP_BYTES_CHECK(x)) {
        return sp_err_format(&SpExc_TypeError,
                             "%s first arg must be bytes or a tuple of bytes, not %.100s", name,
                             sp_object_type_name(x));
    }
    return sp_bool_from_long(match_at(self, x, start, end, at_end));
}

static SpObject *bytes_startswith(SpObject *s, SpObject *const *a, ssize_t n, SpObject *k) {
    return starts_ends("startswith", s, a, n, k, 0);
}
static SpObject *bytes_endswith(SpObject *s, SpObject *const *a, ssize_t n, SpObject *k) {
    return starts_ends("endswith", s, a, n, k, 1);
}

static inline int byte_space(unsigned char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static SpObject *bytes_decode(SpObject *self, SpObject *const *args, ssize_t nargs,
                              SpObject *kwnames) {
    static const char *const names[] = {"encoding", "errors", NULL};
    SpObject *vals[2] = {NULL, NULL};
    if (sp_arg_parse_kw("decode", args, nargs, kwnames, names, vals, 0) < 0) {
        return NULL;
    }
    const char *enc = NULL, *err = NULL;
    for (int i = 0; i < 2; i++) {
        if (vals[i] == NULL) {
            continue;
        }
        if (!SP_STR_CHECK(vals[i])) {
            return sp_err_format(&SpExc_TypeError, "decode() argument '%s' must be str, not %.50s",
                                 names[i], sp_object_type_name(vals[i]));
        }
        const char *s = sp_str_as_utf8(vals[i], NULL);
        if (s == NULL) {
            return NULL;
        }
        *(i == 0 ? &enc : &err) = s;
    }
    return sp_str_decode(SP_BYTES_DATA(self), SP_BYTES_SIZE(self), enc, err);
}

static SpObject *bytes_join(SpObject *self, SpObject *iterable) {
    SpObject *keep = NULL;
    ssize_t n;
    SpObject *const *items =
        sp_sequence_fast(iterable, &n, &keep, "can only join an iterable");
    if (items == NULL) {
        return NULL;
    }
    SpObject *r = NULL;
    ssize_t seplen = SP_BYTES_SIZE(self), total = 0;
    for (ssize_t i = 0; i < n; i++) {
        if (!SP_BYTES_CHECK(items[i])) {
            sp_err_format(&SpExc_TypeError,
                          "sequence item %zd: expected a bytes-like object, %.80s found", i,
                          sp_object_type_name(items[i]));
            goto done;
        }
        total += SP_BYTES_SIZE(items[i]) + (i ? seplen : 0);
    }
    if (n == 1 && SP_TYPE(items[0]) == &SpBytes_Type) {
        r = sp_newref(items[0]);
        goto done;
    }
    r = sp_bytes_from_data(NULL, total);
    if (r == NULL) {
        goto done;
    }
    char *d = SP_BYTES_DATA(r);
    for (ssize_t i = 0; i < n; i++) {
        if (i && seplen) {
            memcpy(d, SP_BYTES_DATA(self), (size_t)seplen);
            d += seplen;
        }
        memcpy(d, SP_BYTES_DATA(items[i]), (size_t)SP_BYTES_SIZE(items[i]));
        d += SP_BYTES_SIZE(items[i]);
    }
    r = bytes_finish(r);
done:
    SP_XDECREF(keep);
    return r;
}

// lower/upper/title/capitalize/swapcase on ASCII letters only.
enum { B_LOWER, B_UPPER, B_SWAP, B_TITLE, B_CAPITALIZE };

static SpObject *bytes_case(SpObject *self, int how) {
    ssize_t n = SP_BYTES_SIZE(self);
    SpObject *r = sp_bytes_from_data(NULL, n);
    if (r == NULL) {
        return NULL;
    }
    const unsigned char *s = (const unsigned char *)SP_BYTES_DATA(self);
    unsigned char *d = (unsigned char *)SP_BYTES_DATA(r);
    int prev = 0;
    for (ssize_t i = 0; i < n; i++) {
        int c = s[i], lo = c >= 'a' && c <= 'z', up = c >= 'A' && c <= 'Z';
        switch (how) {
        case B_LOWER: c = up ? c + 32 : c; break;
        case B_UPPER: c = lo ? c - 32 : c; break;
        case B_SWAP: c = up ? c + 32 : lo ? c - 32 : c; break;
        case B_CAPITALIZE: c = i == 0 ? (lo ? c - 32 : c) : (up ? c + 32 : c); break;
        default:
            c = prev ? (up ? c + 32 : c) : (lo ? c - 32 : c);
            prev = lo || up;
            break;
        }
        d[i] = (unsigned char)c;
    }
    return bytes_finish(r);
}

static SpObject *bytes_lower(SpObject *s, SpObject *u) { return bytes_case(s, B_LOWER); }
static SpObject *bytes_upper(SpObject *s, SpObject *u) { return bytes_case(s, B_UPPER); }
static SpObject *bytes_swapcase(SpObject *s, SpObject *u) { return bytes_case(s, B_SWAP); }
static SpObject *bytes_title(SpObject *s, SpObject *u) { return bytes_case(s, B_TITLE); }
static SpObject *bytes_capitalize(SpObject *s, SpObject *u) { return bytes_case(s, B_CAPITALIZE); }

// is*(): non-empty and every byte in the class.
enum { C_DIGIT, C_ALPHA, C_SPACE, C_ALNUM, C_LOWER, C_UPPER };

static SpObject *bytes_is(SpObject *self, int cls) {
    ssize_t n = SP_BYTES_SIZE(self);
    const unsigned char *s = (const unsigned char *)SP_BYTES_DATA(self);
    if (n == 0) {
        SP_RETURN_FALSE;
    }
    int cased = 0;
    for (ssize_t i = 0; i < n; i++) {
        int c = s[i], d = c >= '0' && c <= '9', lo = c >= 'a' && c <= 'z',
            up = c >= 'A' && c <= 'Z';
        int ok;
        switch (cls) {
        case C_DIGIT: ok = d; break;
        case C_ALPHA: ok = lo || up; break;
        case C_SPACE: ok = byte_space((unsigned char)c); break;
        case C_ALNUM: ok = d || lo || up; break;
        case C_LOWER: ok = !up; cased |= lo; break;
        default: ok = !lo; cased |= up; break;
        }
        if (!ok) {
            SP_RETURN_FALSE;
        }
    }
    if (cls == C_LOWER || cls == C_UPPER) {
        return sp_bool_from_long(cased);
    }
    SP_RETURN_TRUE;
}

static SpObject *bytes_isdigit(SpObject *s, SpObject *u) { return bytes_is(s, C_DIGIT); }
static SpObject *bytes_isalpha(SpObject *s, SpObject *u) { return bytes_is(s, C_ALPHA); }
static SpObject *bytes_isspace(SpObject *s, SpObject *u) { return bytes_is(s, C_SPACE); }
static SpObject *bytes_isalnum(SpObject *s, SpObject *u) { return bytes_is(s, C_ALNUM); }
static SpObject *bytes_islower(SpObject *s, SpObject *u) { return bytes_is(s, C_LOWER); }
static SpObject *bytes_isupper(SpObject *s, SpObject *u) { return bytes_is(s, C_UPPER); }

static SpObject *bytes_isascii(SpObject *self, SpObject *unused) {
    const unsigned char *s = (const unsigned char *)SP_BYTES_DATA(self);
    for (ssize_t i = 0; i < SP_BYTES_SIZE(self); i++) {
        if (s[i] >= 0x80) {
            SP_RETURN_FALSE;
        }
    }
    SP_RETURN_TRUE;
}

// strip family: whitespace or a set of bytes.
static SpObject *strip_common(const char *name, SpObject *self, SpObject *const *args,
                              ssize_t nargs, SpObject *kwnames, int how) {
    if (check_no_kw(name, kwnames) < 0 || check_nargs(name, nargs, 0, 1) < 0) {
        return NULL;
    }
    unsigned char set[256];
    SpObject *chars = nargs ? args[0] : sp_None;
    if (chars == sp_None) {
        for (int c = 0; c < 256; c++) {
            set[c] = (unsigned char)byte_space((unsigned char)c);
        }
    } else if (SP_BYTES_CHECK(chars)) {
        memset(set, 0, sizeof set);
        for (ssize_t i = 0; i < SP_BYTES_SIZE(chars); i++) {
            set[(unsigned char)SP_BYTES_DATA(chars)[i]] = 1;
        }
    } else {
        return sp_err_format(&SpExc_TypeError, "a bytes-like object is required, not '%.100s'",
                             sp_object_type_name(chars));
    }
    const unsigned char *s = (const unsigned char *)SP_BYTES_DATA(self);
    ssize_t i = 0, j = SP_BYTES_SIZE(self);
    if (how & 1) {
        while (i < j && set[s[i]]) {
            i++;
        }
    }
    if (how & 2) {
        while (j > i && set[s[j - 1]]) {
            j--;
        }
    }
    if (i == 0 && j == SP_BYTES_SIZE(self) && SP_TYPE(self) == &SpBytes_Type) {
        return sp_newref(self);
    }
    return sp_bytes_from_data((const char *)s + i, j - i);
}

static SpObject *bytes_strip(SpObject *s, SpObject *const *a, ssize_t n, SpObject *k) {
    return strip_common("strip", s, a, n, k, 3);
}
static SpObject *bytes_lstrip(SpObject *s, SpObject *const *a, ssize_t n, SpObject *k) {
    return strip_common("lstrip", s, a, n, k, 1);
}
static SpObject *bytes_rstrip(SpObject *s, SpObject *const *a, ssize_t n, SpObject *k) {
    return strip_common("rstrip", s, a, n, k, 2);
}

static int append_bytes(SpObject *list, const char *s, ssize_t n) {
    SpObject *b = sp_bytes_from_data(s, n);
    if (b == NULL) {
        return -1;
    }
    int rc = sp_list_append(list, b);
    SP_DECREF(b);
    return rc;
}

static SpObject *split_common(const char *name, SpObject *self, SpObject *const *args,
                              ssize_t nargs, SpObject *kwnames, int reverse) {
    static const char *const names[] = {"sep", "maxsplit", NULL};
    SpObject *vals[2] = {NULL, NULL};
    if (sp_arg_parse_kw(name, args, nargs, kwnames, names, vals, 0) < 0) {
        return NULL;
    }
    ssize_t maxsplit = -1;
    if (vals[1] != NULL) {
        if (!SP_INT_CHECK(vals[1]) && !sp_index_check(vals[1])) {
            return sp_err_format(&SpExc_TypeError,
                                 "'%.200s' object cannot be interpreted as an integer",
                                 sp_object_type_name(vals[1]));
        }
        maxsplit = sp_number_as_ssize(vals[1], &SpExc_OverflowError);
        if (maxsplit == -1 && sp_err_occurred()) {
            return NULL;
        }
    }
    if (maxsplit < 0) {
        maxsplit = SSIZE_MAX;
    }
    SpObject *sep = vals[0] == sp_None ? NULL : vals[0];
    if (sep != NULL && !SP_BYTES_CHECK(sep)) {
        return sp_err_format(&SpExc_TypeError, "a bytes-like object is required, not '%.100s'",
                             sp_object_type_name(sep));
    }
    if (sep != NULL && SP_BYTES_SIZE(sep) == 0) {
        sp_err_set_string(&SpExc_ValueError, "empty separator");
        return NULL;
    }
    SpObject *list = sp_list_new(0);
    if (list == NULL) {
        return NULL;
    }
    const char *s = SP_BYTES_DATA(self);
    ssize_t n = SP_BYTES_SIZE(self);
    if (sep == NULL) {
        if (!reverse) {
            ssize_t i = 0;
            while (i < n) {
                while (i < n && byte_space((unsigned char)s[i])) {
                    i++;
                }
                if (i == n) {
                    break;
                }
                ssize_t j = i;
                if (maxsplit-- == 0) {
                    j = n;
                } else {
                    while (j < n && !byte_space((unsigned char)s[j])) {
                        j++;
                    }
                }
                if (append_bytes(list, s + i, j - i) < 0) {
                    goto error;
                }
                i = j;
            }
        } else {
            ssize_t j = n;
            while (j > 0) {
                while (j > 0 && byte_space((unsigned char)s[j - 1])) {
                    j--;
                }
                if (j == 0) {
                    break;
                }
                ssize_t i = j;
                if (maxsplit-- == 0) {
                    i = 0;
                } else {
                    while (i > 0 && !byte_space((unsigned char)s[i - 1])) {
                        i--;
                    }
                }
                if (append_bytes(list, s + i, j - i) < 0) {
                    goto error;
                }
                j = i;
            }
            if (SP_LIST_SIZE(list) > 1) {
                sp_list_reverse(list);
            }
        }
        return list;
    }
    const char *nd = SP_BYTES_DATA(sep);
    ssize_t m = SP_BYTES_SIZE(sep);
    if (!reverse) {
        ssize_t i = 0;
        while (maxsplit-- != 0) {
            ssize_t r = sp_str_search(1, s + i, n - i, nd, m, 1);
            if (r < 0) {
                break;
            }
            if (append_bytes(list, s + i, r) < 0) {
                goto error;
            }
            i += r + m;
        }
        if (append_bytes(list, s + i, n - i) < 0) {
            goto error;
        }
    } else {
        ssize_t j = n;
        while (maxsplit-- != 0) {
            ssize_t r = sp_str_search(1, s, j, nd, m, -1);
            if (r < 0) {
                break;
            }
            if (append_bytes(list, s + r + m, j - r - m) < 0) {
                goto error;
            }
            j = r;
        }
        if (append_bytes(list, s, j) < 0) {
            goto error;
        }
        if (SP_LIST_SIZE(list) > 1) {
            sp_list_reverse(list);
        }
    }
    return list;
error:
    SP_DECREF(list);
    return NULL;
}

static SpObject *bytes_split(SpObject *s, SpObject *const *a, ssize_t n, SpObject *k) {
    return split_common("split", s, a, n, k, 0);
}
static SpObject *bytes_rsplit(SpObject *s, SpObject *const *a, ssize_t n, SpObject *k) {
    return split_common("rsplit", s, a, n, k, 1);
}

static SpObject *partition_common(SpObject *self, SpObject *sep, int reverse) {
    if (!SP_BYTES_CHECK(sep)) {
        return sp_err_format(&SpExc_TypeError, "a bytes-like object is required, not '%.100s'",
                             sp_object_type_name(sep));
    }
    ssize_t n = SP_BYTES_SIZE(self), m = SP_BYTES_SIZE(sep);
    if (m == 0) {
        sp_err_set_string(&SpExc_ValueError, "empty separator");
        return NULL;
    }
    const char *s = SP_BYTES_DATA(self);
    ssize_t r = sp_str_search(1, s, n, SP_BYTES_DATA(sep), m, reverse ? -1 : 1);
    SpObject *items[3];
    if (r < 0) {
        items[0] = sp_bytes_from_data(reverse ? "" : s, reverse ? 0 : n);
        items[1] = sp_bytes_from_data("", 0);
        items[2] = sp_bytes_from_data(reverse ? s : "", reverse ? n : 0);
    } else {
        items[0] = sp_bytes_from_data(s, r);
        items[1] = sp_newref(sep);
        items[2] = sp_bytes_from_data(s + r + m, n - r - m);
    }
    if (!items[0] || !items[1] || !items[2]) {
        for (int i = 0; i < 3; i++) {
            SP_XDECREF(items[i]);
        }
        return NULL;
    }
    return sp_tuple_from_array_steal(items, 3);
}

static SpObject *bytes_partition(SpObject *s, SpObject *sep) { return partition_common(s, sep, 0); }
static SpObject *bytes_rpartition(SpObject *s, SpObject *sep) {
    return partition_common(s, sep, 1);
}

static SpObject *bytes_replace(SpObject *self, SpObject *const *args, ssize_t nargs,
                               SpObject *kwnames) {
    if (check_no_kw("replace", kwnames) < 0 || check_nargs("replace", nargs, 2, 3) < 0) {
        return NULL;
    }
    for (int i = 0; i < 2; i++) {
        if (!SP_BYTES_CHECK(args[i])) {
            return sp_err_format(&SpExc_TypeError,
                                 "a bytes-like object is required, not '%.100s'",
                                 sp_object_type_name(args[i]));
        }
    }
    ssize_t count = -1;
    if (nargs > 2) {
        count = sp_number_as_ssize(args[2], &SpExc_OverflowError);
        if (count == -1 && sp_err_occurred()) {
            return NULL;
        }
    }
    if (count < 0) {
        count = SSIZE_MAX;
    }
    const char *s = SP_BYTES_DATA(self), *old = SP_BYTES_DATA(args[0]);
    const char *new = SP_BYTES_DATA(args[1]);
    ssize_t n = SP_BYTES_SIZE(self), m = SP_BYTES_SIZE(args[0]), nl = SP_BYTES_SIZE(args[1]);
    // Count first so the result is allocated once.
    ssize_t found = m == 0 ? (n + 1 < count ? n + 1 : count)
                           : sp_str_count_in(1, s, n, old, m, count);
    if (found == 0) {
        return SP_TYPE(self) == &SpBytes_Type ? sp_newref(self) : sp_bytes_from_data(s, n);
    }
    ssize_t total = n + found * (nl - m);
    SpObject *r = sp_bytes_from_data(NULL, total);
    if (r == NULL) {
        return NULL;
    }
    char *d = SP_BYTES_DATA(r);
    ssize_t i = 0;
    for (ssize_t k = 0; k < found; k++) {
        ssize_t p;
        if (m == 0) {
            p = k == 0 ? 0 : 1;
        } else {
            p = sp_str_search(1, s + i, n - i, old, m, 1);
        }
        memcpy(d, s + i, (size_t)p);
        d += p;
        memcpy(d, new, (size_t)nl);
        d += nl;
        i += p + m;
    }
    memcpy(d, s + i, (size_t)(n - i));
    return bytes_finish(r);
}

static const char hexchars[] = "0123456789abcdef";

static SpObject *bytes_hex(SpObject *self, SpObject *const *args, ssize_t nargs,
                           SpObject *kwnames) {
    static const char *const names[] = {"sep", "bytes_per_sep", NULL};
    SpObject *vals[2] = {NULL, NULL};
    if (sp_arg_parse_kw("hex", args, nargs, kwnames, names, vals, 0) < 0) {
        return NULL;
    }
    ssize_t n = SP_BYTES_SIZE(self), group = 1;
    const unsigned char *s = (const unsigned char *)SP_BYTES_DATA(self);
    char sep = 0;
    if (vals[0] != NULL) {
        const char *sd;
        ssize_t sl;
        if (SP_STR_CHECK(vals[0])) {
            sd = sp_str_as_utf8(vals[0], &sl);
            if (sd == NULL) {
                return NULL;
            }
        } else if (SP_BYTES_CHECK(vals[0])) {
            sd = SP_BYTES_DATA(vals[0]);
            sl = SP_BYTES_SIZE(vals[0]);
        } else {
            return sp_err_format(&SpExc_TypeError, "sep must be str or bytes.");
        }
        if (sl != 1 || (unsigned char)sd[0] >= 0x80) {
            sp_err_set_string(&SpExc_ValueError, "sep must be ASCII.");
            if (sl != 1) {
                sp_err_clear();
                sp_err_set_string(&SpExc_ValueError, "sep must be length 1.");
            }
            return NULL;
        }
        sep = sd[0];
        if (vals[1] != NULL) {
            group = sp_number_as_ssize(vals[1], &SpExc_OverflowError);
            if (group == -1 && sp_err_occurred()) {
                return NULL;
            }
        }
    }
    ssize_t ag = group < 0 ? -group : group;
    ssize_t nseps = (sep && ag && n) ? (n - 1) / ag : 0;
    char *buf = sp_mem_alloc((size_t)(2 * n + nseps + 1)), *p = buf;
    if (buf == NULL) {
        return sp_err_no_memory();
    }
    for (ssize_t i = 0; i < n; i++) {
        // Groups count from the right for a positive bytes_per_sep.
        if (i && nseps) {
            ssize_t from = group > 0 ? n - i : i;
            if (from % ag == 0) {
                *p++ = sep;
            }
        }
        *p++ = hexchars[s[i] >> 4];
        *p++ = hexchars[s[i] & 15];
    }
    SpObject *r = sp_str_from_ascii(buf, p - buf);
    sp_mem_free(buf);
    return r;
}

static int hexval(int c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

static SpObject *bytes_fromhex(SpObject *cls, SpObject *arg) {
    if (!SP_STR_CHECK(arg)) {
        return sp_err_format(&SpExc_TypeError, "fromhex() argument must be str, not %.50s",
                             sp_object_type_name(arg));
    }
    ssize_t n = SP_STR_LENGTH(arg), o = 0;
    char *buf = sp_mem_alloc((size_t)n / 2 + 1);
    if (buf == NULL) {
        return sp_err_no_memory();
    }
    for (ssize_t i = 0; i < n;) {
        SpUCS4 c = SP_STR_READ_CHAR(arg, i);
        if (c < 128 && byte_space((unsigned char)c)) {
            i++;
            continue;
        }
        int hi = c < 128 ? hexval((int)c) : -1;
        int lo = i + 1 < n && SP_STR_READ_CHAR(arg, i + 1) < 128
                     ? hexval((int)SP_STR_READ_CHAR(arg, i + 1)) : -1;
        if (hi < 0 || lo < 0) {
            sp_mem_free(buf);
            return sp_err_format(&SpExc_ValueError,
                                 "non-hexadecimal number found in fromhex() arg at position %zd",
                                 hi < 0 ? i : i + 1);
        }
        buf[o++] = (char)(hi * 16 + lo);
        i += 2;
    }
    SpObject *r = sp_bytes_from_data(buf, o);
    sp_mem_free(buf);
    if (r != NULL && cls != (SpObject *)&SpBytes_Type) {
        SpObject *sub = sp_call_one_arg(cls, r);
        SP_DECREF(r);
        return sub;
    }
    return r;
}

// center / ljust / rjust / zfill.
static SpObject *bytes_pad(SpObject *self, ssize_t left, ssize_t right, char fill) {
    ssize_t n = SP_BYTES_SIZE(self);
    if (left <= 0 && right <= 0) {
        return SP_TYPE(self) == &SpBytes_Type ? sp_newref(self)
                                              : sp_bytes_from_data(SP_BYTES_DATA(self), n);
    }
    left = left < 0 ? 0 : left;
    right = right < 0 ? 0 : right;
    SpObject *r = sp_bytes_from_data(NULL, left + n + right);
    if (r == NULL) {
        return NULL;
    }
    char *d = SP_BYTES_DATA(r);
    memset(d, fill, (size_t)left);
    memcpy(d + left, SP_BYTES_DATA(self), (size_t)n);
    memset(d + left + n, fill, (size_t)right);
    return r;
}

static int pad_args(const char *name, SpObject *const *args, ssize_t nargs, SpObject *kwnames,
                    ssize_t *width, char *fill) {
    if (check_no_kw(name, kwnames) < 0) {
        return -1;
    }
    if (nargs < 1 || nargs > 2) {
        sp_err_format(&SpExc_TypeError, "%s expected %s argument%s, got %zd", name,
                      nargs < 1 ? "at least 1" : "at most 2", nargs < 1 ? "" : "s", nargs);
        return -1;
    }
    *width = sp_number_as_ssize(args[0], &SpExc_OverflowError);
    if (*width == -1 && sp_err_occurred()) {
        return -1;
    }
    *fill = ' ';
    if (nargs > 1) {
        if (!SP_BYTES_CHECK(args[1]) || SP_BYTES_SIZE(args[1]) != 1) {
            sp_err_format(&SpExc_TypeError,
                          "%s() argument 2 must be a byte string of length 1, not %.50s", name,
                          sp_object_type_name(args[1]));
            return -1;
        }
        *fill = SP_BYTES_DATA(args[1])[0];
    }
    return 0;
}

static SpObject *bytes_center(SpObject *self, SpObject *const *a, ssize_t na, SpObject *k) {
    ssize_t width;
    char fill;
    if (pad_args("center", a, na, k, &width, &fill) < 0) {
        return NULL;
    }
    ssize_t marg = width - SP_BYTES_SIZE(self);
    ssize_t left = marg > 0 ? marg / 2 + (marg & width & 1) : 0;
    return bytes_pad(self, left, marg - left, fill);
}

static SpObject *bytes_ljust(SpObject *self, SpObject *const *a, ssize_t na, SpObject *k) {
    ssize_t width;
    char fill;
    if (pad_args("ljust", a, na, k, &width, &fill) < 0) {
        return NULL;
    }
    return bytes_pad(self, 0, width - SP_BYTES_SIZE(self), fill);
}

static SpObject *bytes_rjust(SpObject *self, SpObject *const *a, ssize_t na, SpObject *k) {
    ssize_t width;
    char fill;
    if (pad_args("rjust", a, na, k, &width, &fill) < 0) {
        return NULL;
    }
    return bytes_pad(self, width - SP_BYTES_SIZE(self), 0, fill);
}

static SpObject *bytes_removeprefix(SpObject *self, SpObject *p) {
    if (!SP_BYTES_CHECK(p)) {
        return sp_err_format(&SpExc_TypeError, "a bytes-like object is required, not '%.100s'",
                             sp_object_type_name(p));
    }
    ssize_t n = SP_BYTES_SIZE(self), m = SP_BYTES_SIZE(p);
    if (m <= n && memcmp(SP_BYTES_DATA(self), SP_BYTES_DATA(p), (size_t)m) == 0 && m > 0) {
        return sp_bytes_from_data(SP_BYTES_DATA(self) + m, n - m);
    }
    return sp_newref(self);
}

static SpObject *bytes_removesuffix(SpObject *self, SpObject *p) {
    if (!SP_BYTES_CHECK(p)) {
        return sp_err_format(&SpExc_TypeError, "a bytes-like object is required, not '%.100s'",
                             sp_object_type_name(p));
    }
    ssize_t n = SP_BYTES_SIZE(self), m = SP_BYTES_SIZE(p);
    if (m > 0 && m <= n && memcmp(SP_BYTES_DATA(self) + n - m, SP_BYTES_DATA(p), (size_t)m) == 0) {
        return sp_bytes_from_data(SP_BYTES_DATA(self), n - m);
    }
    return sp_newref(self);
}

static SpObject *bytes_maketrans(SpObject *unused, SpObject *const *args, ssize_t nargs,
                                 SpObject *kwnames) {
    if (check_no_kw("maketrans", kwnames) < 0) {
        return NULL;
    }
    if (nargs != 2) {
        return sp_err_format(&SpExc_TypeError, "maketrans expected 2 arguments, got %zd", nargs);
    }
    for (int i = 0; i < 2; i++) {
        if (!SP_BYTES_CHECK(args[i])) {
            return sp_err_format(&SpExc_TypeError,
                                 "a bytes-like object is required, not '%.100s'",
                                 sp_object_type_name(args[i]));
        }
    }
    if (SP_BYTES_SIZE(args[0]) != SP_BYTES_SIZE(args[1])) {
        sp_err_set_string(&SpExc_ValueError, "maketrans arguments must have same length");
        return NULL;
    }
    SpObject *r = sp_bytes_from_data(NULL, 256);
    if (r == NULL) {
        return NULL;
    }
    unsigned char *t = (unsigned char *)SP_BYTES_DATA(r);
    for (int c = 0; c < 256; c++) {
        t[c] = (unsigned char)c;
    }
    for (ssize_t i = 0; i < SP_BYTES_SIZE(args[0]); i++) {
        t[(unsigned char)SP_BYTES_DATA(args[0])[i]] = (unsigned char)SP_BYTES_DATA(args[1])[i];
    }
    return r;
}

static SpObject *bytes_translate(SpObject *self, SpObject *const *args, ssize_t nargs,
                                 SpObject *kwnames) {
    static const char *const names[] = {"", "delete", NULL};
    SpObject *vals[2] = {NULL, NULL};
    if (sp_arg_parse_kw("translate", args, nargs, kwnames, names, vals, 1) < 0) {
        return NULL;
    }
    SpObject *table = vals[0], *del = vals[1];
    if (table != sp_None) {
        if (!SP_BYTES_CHECK(table)) {
            return sp_err_format(&SpExc_TypeError,
                                 "a bytes-like object is required, not '%.100s'",
                                 sp_object_type_name(table));
        }
        if (SP_BYTES_SIZE(table) != 256) {
            sp_err_set_string(&SpExc_ValueError,
                              "translation table must be 256 characters long");
            return NULL;
        }
    }
    unsigned char drop[256];
    memset(drop, 0, sizeof drop);
    if (del != NULL) {
        if (!SP_BYTES_CHECK(del)) {
            return sp_err_format(&SpExc_TypeError,
                                 "a bytes-like object is required, not '%.100s'",
                                 sp_object_type_name(del));
        }
        for (ssize_t i = 0; i < SP_BYTES_SIZE(del); i++) {
            drop[(unsigned char)SP_BYTES_DATA(del)[i]] = 1;
        }
    }
    ssize_t n = SP_BYTES_SIZE(self), o = 0;
    SpObject *r = sp_bytes_from_data(NULL, n);
    if (r == NULL) {
        return NULL;
    }
    const unsigned char *s = (const unsigned char *)SP_BYTES_DATA(self);
    const unsigned char *t = table == sp_None ? NULL : (const unsigned char *)SP_BYTES_DATA(table);
    unsigned char *d = (unsigned char *)SP_BYTES_DATA(r);
    for (ssize_t i = 0; i < n; i++) {
        if (!drop[s[i]]) {
            d[o++] = t ? t[s[i]] : s[i];
        }
    }
    SP_SET_SIZE(r, o);
    d[o] = 0;
    return bytes_finish(r);
}

static SpObject *bytes_getnewargs(SpObject *self, SpObject *unused) {
    SpObject *copy = sp_bytes_from_data(SP_BYTES_DATA(self), SP_BYTES_SIZE(self));
    if (copy == NULL) {
        return NULL;
    }
    SpObject *items[1] = {copy};
    return sp_tuple_from_array_steal(items, 1);
}

static SpObject *bytes_sizeof(SpObject *self, SpObject *unused) {
    return sp_int_from_ssize((ssize_t)offsetof(SpBytesObject, ob_sval) + 1 + SP_BYTES_SIZE(self));
}

#define FAST SP_METH_FASTCALL
#define NOARGS SP_METH_NOARGS
static SpMethodDef bytes_methods[] = {
    {"capitalize", SP_METH(bytes_capitalize), NOARGS, NULL},
    {"center", SP_METH(bytes_center), FAST, NULL},
    {"count", SP_METH(bytes_count), FAST, NULL},
    {"decode", SP_METH(bytes_decode), FAST, "Decode the bytes using the codec registered for encoding."},
    {"endswith", SP_METH(bytes_endswith), FAST, NULL},
    {"find", SP_METH(bytes_find), FAST, NULL},
    {"fromhex", SP_METH(bytes_fromhex), SP_METH_O | SP_METH_CLASS, "Create a bytes object from a string of hexadecimal numbers."},
    {"hex", SP_METH(bytes_hex), FAST, NULL},
    {"index", SP_METH(bytes_index), FAST, NULL},
    {"isalnum", SP_METH(bytes_isalnum), NOARGS, NULL},
    {"isalpha", SP_METH(bytes_isalpha), NOARGS, NULL},
    {"isascii", SP_METH(bytes_isascii), NOARGS, NULL},
    {"isdigit", SP_METH(bytes_isdigit), NOARGS, NULL},
    {"islower", SP_METH(bytes_islower), NOARGS, NULL},
    {"isspace", SP_METH(bytes_isspace), NOARGS, NULL},
    {"isupper", SP_METH(bytes_isupper), NOARGS, NULL},
    {"join", SP_METH(bytes_join), SP_METH_O, NULL},
    {"ljust", SP_METH(bytes_ljust), FAST, NULL},
    {"lower", SP_METH(bytes_lower), NOARGS, NULL},
    {"maketrans", SP_METH(bytes_maketrans), FAST | SP_METH_STATIC, NULL},
    {"lstrip", SP_METH(bytes_lstrip), FAST, NULL},
    {"partition", SP_METH(bytes_partition), SP_METH_O, NULL},
    {"removeprefix", SP_METH(bytes_removeprefix), SP_METH_O, NULL},
    {"removesuffix", SP_METH(bytes_removesuffix), SP_METH_O, NULL},
    {"replace", SP_METH(bytes_replace), FAST, NULL},
    {"rfind", SP_METH(bytes_rfind), FAST, NULL},
    {"rindex", SP_METH(bytes_rindex), FAST, NULL},
    {"rjust", SP_METH(bytes_rjust), FAST, NULL},
    {"rpartition", SP_METH(bytes_rpartition), SP_METH_O, NULL},
    {"rsplit", SP_METH(bytes_rsplit), FAST, NULL},
    {"rstrip", SP_METH(bytes_rstrip), FAST, NULL},
    {"split", SP_METH(bytes_split), FAST, NULL},
    {"startswith", SP_METH(bytes_startswith), FAST, NULL},
    {"strip", SP_METH(bytes_strip), FAST, NULL},
    {"swapcase", SP_METH(bytes_swapcase), NOARGS, NULL},
    {"title", SP_METH(bytes_title), NOARGS, NULL},
    {"translate", SP_METH(bytes_translate), FAST, NULL},
    {"upper", SP_METH(bytes_upper), NOARGS, NULL},
    {"__getnewargs__", SP_METH(bytes_getnewargs), NOARGS, NULL},
    {"__sizeof__", SP_METH(bytes_sizeof), NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};
#undef FAST
#undef NOARGS

static SpNumberMethods bytes_as_number = {
    .nb_remainder = bytes_remainder,
};

static SpSequenceMethods bytes_as_sequence = {
    .sq_length = bytes_length,
    .sq_concat = sp_bytes_concat,
    .sq_repeat = bytes_repeat,
    .sq_item = bytes_item,
    .sq_contains = bytes_contains,
};

static SpMappingMethods bytes_as_mapping = {
    .mp_length = bytes_length,
    .mp_subscript = bytes_subscript,
};

SpTypeObject SpBytes_Type = {
    SP_TYPE_HEAD_INIT,
    .tp_name = "bytes",
    .tp_basicsize = offsetof(SpBytesObject, ob_sval) + 1,
    .tp_itemsize = 1,
    .tp_dealloc = bytes_dealloc,
    .tp_repr = sp_bytes_repr,
    .tp_as_number = &bytes_as_number,
    .tp_as_sequence = &bytes_as_sequence,
    .tp_as_mapping = &bytes_as_mapping,
    .tp_hash = bytes_hash,
    .tp_str = sp_bytes_repr,
    .tp_flags = SP_TPFLAGS_BASETYPE | SP_TPFLAGS_BYTES_SUBCLASS,
    .tp_doc = "bytes(iterable_of_ints) -> bytes\nbytes(string, encoding[, errors]) -> bytes\n"
              "bytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\n"
              "bytes(int) -> bytes object of size given by the parameter initialized with null "
              "bytes\nbytes() -> empty bytes object",
    .tp_richcompare = bytes_richcompare,
    .tp_iter = bytes_iter,
    .tp_methods = bytes_methods,
    .tp_new = bytes_tp_new,
};
