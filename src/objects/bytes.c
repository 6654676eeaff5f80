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
// bytes keeps its data inline after the header (offset 32) with a trailing
// NUL; the type's itemsize of 1 makes sp_object_alloc size it.
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

// CPython keeps the same 256 one-byte objects (characters[] in 3.11), so
// b"ab"[0:1] is b"ba"[1:2] holds; they live until exit.
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
    // s == NULL asks for a writable buffer to fill, which must never be a
    // shared object, whatever its length.
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

// Bytes subclasses get exact bytes back, as CPython's methods return.
SpObject *sp_buf_new_like(SpObject *self, const char *s, ssize_t n) {
    if (SP_BYTES_CHECK(self)) {
        return sp_bytes_from_data(s, n);
    }
    return sp_bytearray_from_data(s, n);
}

// bytes + bytes-like gives bytes and bytearray + bytes-like gives
// bytearray: the left operand decides. b"" + b and b + b"" are b itself.
SpObject *sp_buf_concat(SpObject *a, SpObject *b) {
    if (!sp_buf_check(a) || !sp_buf_check(b)) {
        SpObject *bad = sp_buf_check(a) ? b : a;
        return sp_err_format(&SpExc_TypeError, "can't concat %.100s to %.100s",
                             sp_object_type_name(bad), sp_object_type_name(a));
    }
    ssize_t na = sp_buf_size(a), nb = sp_buf_size(b);
    int to_bytes = SP_BYTES_CHECK(a);
    if (to_bytes && na == 0 && SP_TYPE(b) == &SpBytes_Type) {
        return sp_newref(b);
    }
    if (to_bytes && nb == 0 && SP_TYPE(a) == &SpBytes_Type) {
        return sp_newref(a);
    }
    if (na > SSIZE_MAX - nb) {
        return sp_err_no_memory();
    }
    SpObject *r = sp_buf_new_like(a, NULL, na + nb);
    if (r == NULL) {
        return NULL;
    }
    memcpy(sp_buf_data(r), sp_buf_data(a), (size_t)na);
    memcpy(sp_buf_data(r) + na, sp_buf_data(b), (size_t)nb);
    return to_bytes ? bytes_finish(r) : r;
}

SpObject *sp_bytes_concat(SpObject *a, SpObject *b) { return sp_buf_concat(a, b); }

// repr: b'...' (or b"..." when the data has ' but no "), with \t \n \r,
// backslash and the quote escaped and other bytes outside 0x20..0x7e as
// \xNN.
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

// bytes(iterable): every item must be an int (or have __index__) in
// range(256); the buffer grows by doubling.
static SpObject *bytes_from_iterable(SpObject *obj, const char *who) {
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
            sp_err_set_string(&SpExc_ValueError, strcmp(who, "bytes") == 0
                                                     ? "bytes must be in range(0, 256)"
                                                     : "byte must be in range(0, 256)");
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

// The argument rules of bytes() and bytearray(), in CPython's order: a str
// needs an encoding (and an encoding needs a str); bytes-like objects are
// copied; bytes() asks __bytes__; an integer is a count of zero bytes; any
// other iterable gives its items.
SpObject *sp_bytes_from_args(const char *who, SpObject *x, SpObject *encoding, SpObject *errors) {
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
                                     "%s() argument 'encoding' must be str, not %T", who, encoding);
            }
            enc = sp_str_as_utf8(encoding, NULL);
        }
        if (errors != NULL) {
            if (!SP_STR_CHECK(errors)) {
                return sp_err_format(&SpExc_TypeError,
                                     "%s() argument 'errors' must be str, not %T", who, errors);
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
    if (sp_buf_check(x)) {
        if (SP_TYPE(x) == &SpBytes_Type) {
            return sp_newref(x);
        }
        return sp_bytes_from_data(sp_buf_data(x), sp_buf_size(x));
    }
    // __bytes__ first, as CPython (bytes() only).
    int found = 0;
    SpObject *r = strcmp(who, "bytes") == 0 ? sp_call_special(x, sp_id(__bytes__), NULL, 0, &found)
                                             : NULL;
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
        return sp_err_format(&SpExc_TypeError, "cannot convert '%.200s' object to %s",
                             sp_object_type_name(x), who);
    }
    return bytes_from_iterable(x, who);
}

static SpObject *bytes_subtype_from(SpTypeObject *type, SpObject *b) {
    // bytes subclasses: the exact bytes built by sp_bytes_from_args is copied
    // into an instance of the subclass (never shared, hash not yet computed).
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
    // Parsed by hand instead of sp_arg_parse_kw so the messages are exactly
    // those of CPython's Argument Clinic code for bytes.__new__.
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
    return bytes_subtype_from(type, sp_bytes_from_args("bytes", vals[0], vals[1], vals[2]));
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

// The same function as str's over the same bytes: hash(b"abc") ==
// hash("abc"), as in CPython.
static SpHash bytes_hash(SpObject *o) {
    SpBytesObject *b = (SpBytesObject *)o;
    if (b->ob_shash == -1) {
        b->ob_shash = sp_hash_bytes(b->ob_sval, SP_BYTES_SIZE(o));
    }
    return b->ob_shash;
}

// bytes and bytearray compare with each other byte by byte (memcmp order is
// unsigned, as it should be); with anything else it is NotImplemented, so
// b"a" == "a" is False.
SpObject *sp_buf_richcompare(SpObject *a, SpObject *b, int op) {
    if (!sp_buf_check(a) || !sp_buf_check(b)) {
        SP_RETURN_NOTIMPLEMENTED;
    }
    ssize_t na = sp_buf_size(a), nb = sp_buf_size(b);
    if (op == SP_EQ || op == SP_NE) {
        int eq = na == nb && (a == b || memcmp(sp_buf_data(a), sp_buf_data(b), (size_t)na) == 0);
        return sp_bool_from_long(eq == (op == SP_EQ));
    }
    int c = memcmp(sp_buf_data(a), sp_buf_data(b), (size_t)(na < nb ? na : nb));
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
    // Immutable, so b * 1 may be b itself (subclasses still get a new bytes).
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
    // Doubling copy: each memcpy copies everything written so far, so the loop
    // runs log2(count) times instead of count.
    while (done < total) {
        ssize_t k = done <= total - done ? done : total - done;
        memcpy(d + done, d, (size_t)k);
        done += k;
    }
    return r;
}

// A needle for find/count/index/`in`: an int names one byte value.
int sp_buf_needle(SpObject *x, char *byte, const char **data, ssize_t *len, int find_style) {
    if (sp_buf_check(x)) {
        *data = sp_buf_data(x);
        *len = sp_buf_size(x);
        return 0;
    }
    // An int needle (b"abc".find(98), 98 in b"abc") is one byte, stored in the
    // caller's *byte so *data can point at it.
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
    // The two messages are CPython's: find/count/index word it one way, `in`
    // and the other methods the other.
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

int sp_buf_contains(SpObject *o, SpObject *x) {
    char byte;
    const char *d;
    ssize_t m;
    if (sp_buf_needle(x, &byte, &d, &m, 0) < 0) {
        return -1;
    }
    return sp_str_search(1, sp_buf_data(o), sp_buf_size(o), d, m, 1) >= 0;
}

static SpObject *bytes_item(SpObject *o, ssize_t i) {
    if (i < 0 || i >= SP_BYTES_SIZE(o)) {
        sp_err_set_string(&SpExc_IndexError, "index out of range");
        return NULL;
    }
    return sp_int_from_long((unsigned char)SP_BYTES_DATA(o)[i]);
}

// b[i] is an int; b[a:b:c] is bytes (the shared objects for length 0 and
// 1, b itself for a full slice).
static SpObject *bytes_subscript(SpObject *o, SpObject *key) {
    if (SP_INT_CHECK(key) || sp_index_check(key)) {
        // An index too big for ssize_t is IndexError ("cannot fit 'int' into an
        // index-sized integer"), as CPython.
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
            // A full slice of an exact bytes is the object itself (b[:] is b).
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

static SpNumberMethods bytes_as_number = {
    .nb_remainder = bytes_remainder,
};

static SpSequenceMethods bytes_as_sequence = {
    .sq_length = bytes_length,
    .sq_concat = sp_bytes_concat,
    .sq_repeat = bytes_repeat,
    .sq_item = bytes_item,
    .sq_contains = sp_buf_contains,
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
    .tp_richcompare = sp_buf_richcompare,
    .tp_iter = bytes_iter,
    .tp_methods = sp_bytes_methods,
    .tp_new = bytes_tp_new,
};
