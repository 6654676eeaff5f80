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

// An interned string leaves the interning table when it dies; a non-ASCII
// one frees its cached UTF-8 form.
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
    if (sp_buf_check(obj)) {
        return sp_str_decode(sp_buf_data(obj), sp_buf_size(obj), enc, err);
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

// tp_new with a tuple and a dict (calls through type.__call__, subclasses);
// the vectorcall below is the fast path for str(x) itself.
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

// repr escapes: the quote in use and backslash get a backslash; \t \n \r
// have their letters; other ASCII controls and DEL become \xNN; non-ASCII
// characters stay as they are when printable (Unicode's idea, from
// str_ucd.c), else \xNN, \uNNNN or \UNNNNNNNN by size. ascii() escapes every
// non-ASCII character that way.
// What repr needs to know before writing: the quote character, the exact
// output length and the storage class of the output.
typedef struct {
    SpUCS4 quote, cls;
    ssize_t len;
} ReprPlan;

static int needs_escape(SpUCS4 c, int ascii_only) {
    return c < 0x20 || c == 0x7F || (c >= 0x80 && (ascii_only || !sp_ucd_isprintable(c)));
}

static void repr_plan(SpObject *s, int ascii_only, ReprPlan *plan) {
    ssize_t n = SP_STR_LENGTH(s), len = n + 2, squotes = 0;
    int kind = SP_STR_KIND(s);
    const void *data = SP_STR_DATA(s);
    int dquote = 0;
    SpUCS4 cls = 0x7F;
    for (ssize_t i = 0; i < n; i++) {
        SpUCS4 c = sp_str_read(kind, data, i);
        if (c >= 0x20 && c < 0x7F) {
            squotes += c == '\'';
            dquote |= c == '"';
            len += c == '\\';
        } else if (c == '\n' || c == '\t' || c == '\r') {
            len += 1;
        } else if (needs_escape(c, ascii_only)) {
            len += c < 0x100 ? 3 : c < 0x10000 ? 5 : 9;
        } else if (c > cls) {
            cls = sp_str_class_of(c);
        }
    }
    // Single quotes unless the text has ' and no "; the quote in use is
    // escaped inside.
    plan->quote = squotes && !dquote ? '"' : '\'';
    if (plan->quote == '\'') {
        len += squotes;
    }
    plan->len = len;
    plan->cls = cls;
}

// Write the repr planned by repr_plan into out (kind okind) from index at.
static void repr_fill(SpObject *s, int ascii_only, const ReprPlan *plan, int okind, void *out,
                      ssize_t at) {
    ssize_t n = SP_STR_LENGTH(s), o = at;
    int kind = SP_STR_KIND(s);
    const void *data = SP_STR_DATA(s);
    SpUCS4 quote = plan->quote;
#define PUT(ch) sp_str_write(okind, out, o++, (ch))
    PUT(quote);
    for (ssize_t i = 0; i < n; i++) {
        SpUCS4 c = sp_str_read(kind, data, i);
        if (c >= 0x20 && c < 0x7F) {
            if (c == quote || c == '\\') {
                PUT('\\');
            }
            PUT(c);
        } else if (c == '\n' || c == '\t' || c == '\r') {
            PUT('\\');
            PUT(c == '\n' ? 'n' : c == '\t' ? 't' : 'r');
        } else if (needs_escape(c, ascii_only)) {
            PUT('\\');
            int digits = c < 0x100 ? 2 : c < 0x10000 ? 4 : 8;
            PUT(digits == 2 ? 'x' : digits == 4 ? 'u' : 'U');
            for (int sh = 4 * (digits - 1); sh >= 0; sh -= 4) {
                PUT((SpUCS4)hexdigits[(c >> sh) & 15]);
            }
        } else {
            PUT(c);
        }
    }
    PUT(quote);
#undef PUT
}

int sp_str_repr_write(SpStrWriter *w, SpObject *s, int ascii_only) {
    ReprPlan plan;
    repr_plan(s, ascii_only, &plan);
    if (sp_str_writer_prepare(w, plan.len, plan.cls) < 0) {
        return -1;
    }
    repr_fill(s, ascii_only, &plan, w->kind, w->data, w->len);
    w->len += plan.len;
    return 0;
}

// Two passes: measure, then write into a string of the exact size and
// form; text that needs no escapes is the quote, a memcpy and the quote.
static SpObject *repr_object(SpObject *o, int ascii_only) {
    ReprPlan plan;
    repr_plan(o, ascii_only, &plan);
    SpObject *r = sp_str_new(plan.len, plan.cls);
    if (r == NULL) {
        return NULL;
    }
    ssize_t n = SP_STR_LENGTH(o);
    if (plan.len == n + 2 && SP_STR_KIND(r) == SP_STR_KIND(o)) {
        int k = SP_STR_KIND(r);
        char *d = SP_STR_DATA(r);
        sp_str_write(k, d, 0, plan.quote);
        memcpy(d + k, SP_STR_DATA(o), (size_t)(n * k));
        sp_str_write(k, d, n + 1, plan.quote);
        return r;
    }
    repr_fill(o, ascii_only, &plan, SP_STR_KIND(r), SP_STR_DATA(r), 0);
    return r;
}

SpObject *sp_str_repr(SpObject *o) { return repr_object(o, 0); }

SpObject *sp_str_ascii_repr(SpObject *o) { return repr_object(o, 1); }

static SpObject *str_str(SpObject *o) {
    if (SP_STR_CHECK_EXACT(o)) {
        return sp_newref(o);
    }
    return sp_str_from_kind_and_data(SP_STR_KIND(o), SP_STR_DATA(o), SP_STR_LENGTH(o));
}

// =============================================================================
// Comparison and hashing
// =============================================================================

// str compares only with str; anything else is NotImplemented so that the
// other operand (or the default identity rule for ==) decides.
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

// Reached through sp_number_add's sequence fallback, so the message for
// `"a" + 1` is the one CPython's unicode_concat gives.
static SpObject *str_sq_concat(SpObject *a, SpObject *b) {
    if (!SP_STR_CHECK(a) || !SP_STR_CHECK(b)) {
        SpObject *other = SP_STR_CHECK(a) ? b : a;
        return sp_err_format(&SpExc_TypeError, "can only concatenate str (not \"%.200s\") to str",
                             sp_object_type_name(other));
    }
    return sp_str_concat(a, b);
}

// s * n: the filled prefix doubles with each memcpy. "x" * 1 is "x" itself.
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

// `x in s` is a substring search; the empty string is in every string.
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

// s[i] and s[a:b:c]. Indexing yields the shared one-character strings for
// Latin-1 characters; slices with a step gather into a scratch buffer of
// the source kind and are narrowed when built.
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

// nb_remainder is shared by both operand orders: only `str % x` formats;
// `x % str` is NotImplemented here so the other operand's type can answer.
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
    // CPython 3.11 names the iterator of ASCII strings differently.
    SpTypeObject *t = SP_STR_IS_ASCII(o) ? &SpStrAsciiIter_Type : &SpStrIter_Type;
    StrIterObject *it = (StrIterObject *)sp_object_alloc(t, 0);
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
    .tp_name = "str_iterator",
    .tp_basicsize = sizeof(StrIterObject),
    .tp_dealloc = striter_dealloc,
    .tp_iter = iter_self,
    .tp_iternext = striter_next,
    .tp_methods = striter_methods,
};

SpTypeObject SpStrAsciiIter_Type = {
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
