// smallpy: the str type object and its slots: construction (str(x),
// str(b, encoding, errors)), repr, hash, comparison, +, *, `in`, indexing,
// slicing, iteration and %. Methods live in str_methods.c.
// Counterpart: CPython 3.11 Objects/unicodeobject.c (unicode_new,
// unicode_repr, unicode_subscript, unicodeiter, PyUnicode_Type).
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
#include "objects/type.h"

// =============================================================================
// Life cycle
// =============================================================================

static void str_dealloc(SpObject *o) {
    SpASCIIObject *a = (SpASCIIObject *)o;
    if (a->state.interned) {
        sp_str_intern_forget(o);
    }
    if (!a->state.ascii) {
        sp_mem_free(((SpCompactStrObject *)o)->utf8);
    }
    SpTypeObject *t = SP_TYPE(o);
    if (t->tp_free != NULL) {
        t->tp_free(o);
    } else {
        sp_object_free(o);
    }
}

// An instance of a str subclass holding a copy of the exact str s. The
// subclass's own fields (a __dict__ pointer, __slots__) follow the
// characters, which stay where SP_STR_DATA expects them.
static SpObject *str_subtype_from(SpTypeObject *type, SpObject *s) {
    ssize_t len = SP_STR_LENGTH(s);
    int kind = SP_STR_KIND(s);
    ssize_t header = SP_STR_IS_ASCII(s) ? SP_STR_ASCII_HEADER : SP_STR_COMPACT_HEADER;
    ssize_t extra = type->tp_basicsize - SpStr_Type.tp_basicsize;
    if (extra < 0) {
        extra = 0;
    }
    size_t size = (size_t)(header + (len + 1) * kind);
    size = (size + 7) & ~(size_t)7;
    SpObject *o = sp_object_alloc_size(type, size + (size_t)extra);
    if (o == NULL) {
        return NULL;
    }
    memcpy((char *)o + 16, (char *)s + 16, (size_t)(header - 16));
    memcpy((char *)o + header, SP_STR_DATA(s), (size_t)((len + 1) * kind));
    SpASCIIObject *a = (SpASCIIObject *)o;
    a->state.interned = 0;
    if (!a->state.ascii) {
        SpCompactStrObject *c = (SpCompactStrObject *)o;
        c->utf8 = NULL;
        c->utf8_length = 0;
    }
    return o;
}

// str(object='') / str(object=b'', encoding='utf-8', errors='strict').
static SpObject *str_new_impl(SpObject *obj, SpObject *encoding, SpObject *errors) {
    if (obj == NULL) {
        return sp_newref(sp_str_empty);
    }
    if (encoding == NULL && errors == NULL) {
        return sp_object_str(obj);
    }
    const char *enc = NULL, *err = NULL;
    if (encoding != NULL) {
        if (!SP_STR_CHECK(encoding)) {
            return sp_err_format(&SpExc_TypeError,
                                 "str() argument 'encoding' must be str, not %T", encoding);
        }
        if ((enc = sp_str_as_utf8(encoding, NULL)) == NULL) {
            return NULL;
        }
    }
    if (errors != NULL) {
        if (!SP_STR_CHECK(errors)) {
            return sp_err_format(&SpExc_TypeError, "str() argument 'errors' must be str, not %T",
                                 errors);
        }
        if ((err = sp_str_as_utf8(errors, NULL)) == NULL) {
            return NULL;
        }
    }
    if (SP_BYTES_CHECK(obj)) {
        return sp_str_decode(SP_BYTES_DATA(obj), SP_BYTES_SIZE(obj), enc, err);
    }
    if (SP_STR_CHECK(obj)) {
        return sp_err_format(&SpExc_TypeError, "decoding str is not supported");
    }
    return sp_err_format(&SpExc_TypeError,
                         "decoding to str: need a bytes-like object, %T found", obj);
}

static SpObject *str_new_finish(SpTypeObject *type, SpObject *r) {
    if (r == NULL || type == &SpStr_Type) {
        return r;
    }
    SpObject *o = str_subtype_from(type, r);
    SP_DECREF(r);
    return o;
}

static SpObject *str_tp_new(SpTypeObject *type, SpObject *args, SpObject *kwargs) {
    static const char *const names[] = {"object", "encoding", "errors", NULL};
    SpObject *vals[3] = {NULL, NULL, NULL};
    ssize_t nargs = args ? SP_TUPLE_SIZE(args) : 0;
    if (nargs > 3) {
        return sp_err_format(&SpExc_TypeError,
                             "str() takes at most 3 arguments (%zd given)", nargs);
    }
    for (ssize_t i = 0; i < nargs; i++) {
        vals[i] = SP_TUPLE_GET_ITEM(args, i);
    }
    if (kwargs != NULL && SP_DICT_SIZE(kwargs) > 0) {
        ssize_t pos = 0;
        SpObject *k, *v;
        while (sp_dict_next(kwargs, &pos, &k, &v)) {
            int found = 0;
            for (int i = 0; i < 3; i++) {
                if (SP_STR_CHECK(k) && sp_str_eq_cstr(k, names[i])) {
                    if (vals[i] != NULL) {
                        return sp_err_format(&SpExc_TypeError,
                                             "argument for str() given by name ('%s') and "
                                             "position (%d)", names[i], i + 1);
                    }
                    vals[i] = v;
                    found = 1;
                }
            }
            if (!found) {
                return sp_err_format(&SpExc_TypeError,
                                     "'%S' is an invalid keyword argument for str()", k);
            }
        }
    }
    return str_new_finish(type, str_new_impl(vals[0], vals[1], vals[2]));
}

// str(...) called directly: the common str(x) skips the tuple.
static SpObject *str_vectorcall(SpObject *type, SpObject *const *args, size_t nargsf,
                                SpObject *kwnames) {
    static const char *const names[] = {"object", "encoding", "errors", NULL};
    ssize_t nargs = SP_VECTORCALL_NARGS(nargsf);
    SpObject *vals[3] = {NULL, NULL, NULL};
    if (kwnames == NULL && nargs == 1) {
        return str_new_finish((SpTypeObject *)type, sp_object_str(args[0]));
    }
    if (kwnames == NULL && nargs > 3) {
        return sp_err_format(&SpExc_TypeError,
                             "str() takes at most 3 arguments (%zd given)", nargs);
    }
    if (sp_arg_parse_kw("str", args, nargs, kwnames, names, vals, 0) < 0) {
        return NULL;
    }
    return str_new_finish((SpTypeObject *)type, str_new_impl(vals[0], vals[1], vals[2]));
}

// =============================================================================
// repr
// =============================================================================

static const char hexdigits[] = "0123456789abcdef";

int sp_str_repr_write(SpStrWriter *w, SpObject *s, int ascii_only) {
    ssize_t n = SP_STR_LENGTH(s);
    int kind = SP_STR_KIND(s);
    const void *data = SP_STR_DATA(s);
    // Quote choice: single quotes unless the text has ' and no ".
    int squote = 0, dquote = 0;
    ssize_t extra = 0;
    for (ssize_t i = 0; i < n; i++) {
        SpUCS4 c = sp_str_read(kind, data, i);
        if (c == '\'') {
            squote = 1;
        } else if (c == '"') {
            dquote = 1;
        } else if (c < 0x20 || c == '\\' || c >= 0x7F) {
            extra += 9;  // upper bound
        }
    }
    SpUCS4 quote = squote && !dquote ? '"' : '\'';
    if (sp_str_writer_prepare(w, n + 2 + extra + (squote && dquote ? n : 0),
                              ascii_only ? 0x7F : sp_str_class(s)) < 0) {
        return -1;
    }
    sp_str_writer_put(w, quote);
    for (ssize_t i = 0; i < n; i++) {
        SpUCS4 c = sp_str_read(kind, data, i);
        if (c >= 0x20 && c < 0x7F) {
            if (c == quote || c == '\\') {
                sp_str_writer_put(w, '\\');
            }
            sp_str_writer_put(w, c);
        } else if (c == '\n' || c == '\t' || c == '\r') {
            sp_str_writer_put(w, '\\');
            sp_str_writer_put(w, c == '\n' ? 'n' : c == '\t' ? 't' : 'r');
        } else if (c < 0x80 || ascii_only || !sp_ucd_isprintable(c)) {
            sp_str_writer_put(w, '\\');
            if (c < 0x100) {
                sp_str_writer_put(w, 'x');
                sp_str_writer_put(w, (SpUCS4)hexdigits[c >> 4]);
                sp_str_writer_put(w, (SpUCS4)hexdigits[c & 15]);
            } else if (c < 0x10000) {
                sp_str_writer_put(w, 'u');
                for (int sh = 12; sh >= 0; sh -= 4) {
                    sp_str_writer_put(w, (SpUCS4)hexdigits[(c >> sh) & 15]);
                }
            } else {
                sp_str_writer_put(w, 'U');
                for (int sh = 28; sh >= 0; sh -= 4) {
                    sp_str_writer_put(w, (SpUCS4)hexdigits[(c >> sh) & 15]);
                }
            }
        } else {
            sp_str_writer_put(w, c);
        }
    }
    sp_str_writer_put(w, quote);
    return 0;
}

SpObject *sp_str_repr(SpObject *o) {
    SpStrWriter w;
    sp_str_writer_init(&w);
    if (sp_str_repr_write(&w, o, 0) < 0) {
        sp_str_writer_discard(&w);
        return NULL;
    }
    return sp_str_writer_finish(&w);
}

SpObject *sp_str_ascii_repr(SpObject *o) {
    SpStrWriter w;
    sp_str_writer_init(&w);
    if (sp_str_repr_write(&w, o, 1) < 0) {
        sp_str_writer_discard(&w);
        return NULL;
    }
    return sp_str_writer_finish(&w);
}

static SpObject *str_str(SpObject *o) {
    if (SP_STR_CHECK_EXACT(o)) {
        return sp_newref(o);
    }
    return sp_str_from_kind_and_data(SP_STR_KIND(o), SP_STR_DATA(o), SP_STR_LENGTH(o));
}

// =============================================================================
// Comparison and hashing
// =============================================================================

static SpObject *str_richcompare(SpObject *a, SpObject *b, int op) {
    if (!SP_STR_CHECK(a) || !SP_STR_CHECK(b)) {
        SP_RETURN_NOTIMPLEMENTED;
    }
    int r;
    if (op == SP_EQ || op == SP_NE) {
        r = sp_str_eq(a, b) == (op == SP_EQ);
    } else {
        int c = sp_str_compare(a, b);
        switch (op) {
        case SP_LT: r = c < 0; break;
        case SP_LE: r = c <= 0; break;
        case SP_GT: r = c > 0; break;
        default: r = c >= 0; break;
        }
    }
    return sp_bool_from_long(r);
}

static SpHash str_hash(SpObject *o) { return sp_str_hash(o); }

// =============================================================================
// Sequence protocol
// =============================================================================

static ssize_t str_length(SpObject *o) { return SP_STR_LENGTH(o); }

static SpObject *str_sq_concat(SpObject *a, SpObject *b) {
    if (!SP_STR_CHECK(a) || !SP_STR_CHECK(b)) {
        SpObject *other = SP_STR_CHECK(a) ? b : a;
        return sp_err_format(&SpExc_TypeError, "can only concatenate str (not \"%.200s\") to str",
                             sp_object_type_name(other));
    }
    return sp_str_concat(a, b);
}

static SpObject *str_repeat(SpObject *o, ssize_t count) {
    ssize_t len = SP_STR_LENGTH(o);
    if (count <= 0 || len == 0) {
        return sp_newref(sp_str_empty);
    }
    if (count == 1 && SP_STR_CHECK_EXACT(o)) {
        return sp_newref(o);
    }
    if (len > SSIZE_MAX / count) {
        sp_err_set_string(&SpExc_OverflowError, "repeated string is too long");
        return NULL;
    }
    ssize_t total = len * count;
    SpObject *r = sp_str_new(total, sp_str_class(o));
    if (r == NULL) {
        return NULL;
    }
    int kind = SP_STR_KIND(r);
    char *dst = SP_STR_DATA(r);
    if (len == 1 && kind == 1) {
        memset(dst, ((unsigned char *)SP_STR_DATA(o))[0], (size_t)total);
        return r;
    }
    // Copy once, then double the filled prefix: log2(count) memcpy calls.
    size_t unit = (size_t)(len * kind), done = unit, size = (size_t)(total * kind);
    memcpy(dst, SP_STR_DATA(o), unit);
    while (done < size) {
        size_t n = done <= size - done ? done : size - done;
        memcpy(dst + done, dst, n);
        done += n;
    }
    return r;
}

static int str_contains(SpObject *o, SpObject *x) {
    if (!SP_STR_CHECK(x)) {
        sp_err_format(&SpExc_TypeError, "'in <string>' requires string as left operand, not %T",
                      x);
        return -1;
    }
    ssize_t n = SP_STR_LENGTH(o), m = SP_STR_LENGTH(x);
    if (m == 0) {
        return 1;
    }
    if (m > n || SP_STR_KIND(x) > SP_STR_KIND(o)) {
        return 0;
    }
    int kind = SP_STR_KIND(o);
    if (SP_STR_KIND(x) == kind) {
        return sp_str_search(kind, SP_STR_DATA(o), n, SP_STR_DATA(x), m, 1) >= 0;
    }
    // Widen the needle to the haystack's kind.
    void *buf = sp_mem_alloc((size_t)(m * kind));
    if (buf == NULL) {
        sp_err_no_memory();
        return -1;
    }
    sp_str_copy_chars(kind, buf, 0, SP_STR_KIND(x), SP_STR_DATA(x), 0, m);
    int r = sp_str_search(kind, SP_STR_DATA(o), n, buf, m, 1) >= 0;
    sp_mem_free(buf);
    return r;
}

static SpObject *str_item(SpObject *o, ssize_t i) {
    if (i < 0 || i >= SP_STR_LENGTH(o)) {
        sp_err_set_string(&SpExc_IndexError, "string index out of range");
        return NULL;
    }
    return sp_str_from_ordinal(SP_STR_READ_CHAR(o, i));
}

static SpObject *str_subscript(SpObject *o, SpObject *key) {
    if (SP_INT_CHECK(key) || sp_index_check(key)) {
        ssize_t i = sp_number_as_ssize(key, &SpExc_IndexError);
        if (i == -1 && sp_err_occurred()) {
            return NULL;
        }
        if (i < 0) {
            i += SP_STR_LENGTH(o);
        }
        return str_item(o, i);
    }
    if (SP_SLICE_CHECK(key)) {
        ssize_t start, stop, step;
        if (sp_slice_unpack(key, &start, &stop, &step) < 0) {
            return NULL;
        }
        ssize_t n = sp_slice_adjust_indices(SP_STR_LENGTH(o), &start, &stop, step);
        if (n <= 0) {
            return sp_newref(sp_str_empty);
        }
        if (step == 1) {
            return sp_str_substring(o, start, start + n);
        }
        int kind = SP_STR_KIND(o);
        const void *data = SP_STR_DATA(o);
        if (n == 1) {
            return sp_str_from_ordinal(sp_str_read(kind, data, start));
        }
        // Gather into a scratch buffer of the same kind; the result may be
        // narrower, which sp_str_from_kind_and_data sorts out.
        void *buf = sp_mem_alloc((size_t)(n * kind));
        if (buf == NULL) {
            return sp_err_no_memory();
        }
        ssize_t j = start;
        if (kind == 1) {
            const SpUCS1 *src = data;
            SpUCS1 *dst = buf;
            for (ssize_t i = 0; i < n; i++, j += step) {
                dst[i] = src[j];
            }
        } else {
            for (ssize_t i = 0; i < n; i++, j += step) {
                sp_str_write(kind, buf, i, sp_str_read(kind, data, j));
            }
        }
        SpObject *r = SP_STR_IS_ASCII(o) ? sp_str_from_ascii(buf, n)
                                         : sp_str_from_kind_and_data(kind, buf, n);
        sp_mem_free(buf);
        return r;
    }
    return sp_err_format(&SpExc_TypeError, "string indices must be integers, not '%.200s'",
                         sp_object_type_name(key));
}

static SpObject *str_remainder(SpObject *a, SpObject *b) {
    if (!SP_STR_CHECK(a)) {
        SP_RETURN_NOTIMPLEMENTED;
    }
    return sp_str_percent_format(a, b);
}

// =============================================================================
// Iteration: yields the shared one-character strings where possible.
// =============================================================================

typedef struct {
    SP_OBJECT_HEAD;
    ssize_t index;
    SpObject *seq;  // NULL once exhausted
} StrIterObject;

static SpObject *str_iter(SpObject *o) {
    StrIterObject *it = (StrIterObject *)sp_object_alloc(&SpStrIter_Type, 0);
    if (it == NULL) {
        return NULL;
    }
    it->index = 0;
    it->seq = sp_newref(o);
    return (SpObject *)it;
}

static void striter_dealloc(SpObject *o) {
    StrIterObject *it = (StrIterObject *)o;
    SP_XDECREF(it->seq);
    sp_object_free(o);
}

static SpObject *striter_next(SpObject *o) {
    StrIterObject *it = (StrIterObject *)o;
    SpObject *s = it->seq;
    if (s == NULL) {
        return NULL;
    }
    if (it->index < SP_STR_LENGTH(s)) {
        SpUCS4 c = SP_STR_READ_CHAR(s, it->index);
        it->index++;
        if (c < 256) {
            return sp_newref(sp_str_latin1[c]);
        }
        return sp_str_from_ordinal(c);
    }
    it->seq = NULL;
    SP_DECREF(s);
    return NULL;
}

static SpObject *striter_length_hint(SpObject *o, SpObject *unused) {
    StrIterObject *it = (StrIterObject *)o;
    ssize_t n = it->seq ? SP_STR_LENGTH(it->seq) - it->index : 0;
    return sp_int_from_ssize(n < 0 ? 0 : n);
}

static SpObject *iter_self(SpObject *o) { return sp_newref(o); }

static SpMethodDef striter_methods[] = {
    {"__length_hint__", SP_METH(striter_length_hint), SP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

SpTypeObject SpStrIter_Type = {
    SP_TYPE_HEAD_INIT,
    .tp_name = "str_ascii_iterator",
    .tp_basicsize = sizeof(StrIterObject),
    .tp_dealloc = striter_dealloc,
    .tp_iter = iter_self,
    .tp_iternext = striter_next,
    .tp_methods = striter_methods,
};

// =============================================================================
// The type object
// =============================================================================

static SpNumberMethods str_as_number = {
    .nb_remainder = str_remainder,
};

static SpSequenceMethods str_as_sequence = {
    .sq_length = str_length,
    .sq_concat = str_sq_concat,
    .sq_repeat = str_repeat,
    .sq_item = str_item,
    .sq_contains = str_contains,
};

static SpMappingMethods str_as_mapping = {
    .mp_length = str_length,
    .mp_subscript = str_subscript,
};

SpTypeObject SpStr_Type = {
    SP_TYPE_HEAD_INIT,
    .tp_name = "str",
    .tp_basicsize = sizeof(SpCompactStrObject) + sizeof(void *),
    .tp_itemsize = 0,
    .tp_dealloc = str_dealloc,
    .tp_repr = sp_str_repr,
    .tp_as_number = &str_as_number,
    .tp_as_sequence = &str_as_sequence,
    .tp_as_mapping = &str_as_mapping,
    .tp_hash = str_hash,
    .tp_str = str_str,
    .tp_flags = SP_TPFLAGS_BASETYPE | SP_TPFLAGS_UNICODE_SUBCLASS,
    .tp_doc = "str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str\n\n"
              "Create a new string object from the given object.",
    .tp_richcompare = str_richcompare,
    .tp_iter = str_iter,
    .tp_methods = sp_str_methods,
    .tp_new = str_tp_new,
    .tp_vectorcall = str_vectorcall,
};
