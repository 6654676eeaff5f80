// smallpy: tuple and its iterator. The empty tuple is one shared static
// object; tuples of 1..19 items are recycled through per-size free lists.
// Counterpart: CPython 3.11 Objects/tupleobject.c.
#include "objects/tuple.h"

#include <stdarg.h>
#include <string.h>

#include "core/abstract.h"
#include "core/err.h"
#include "core/gc.h"
#include "core/mem.h"
#include "objects/cont.h"
#include "objects/dict.h"
#include "objects/func.h"
#include "objects/int.h"
#include "objects/none.h"
#include "objects/range.h"
#include "objects/str.h"
#include "objects/type.h"

// ---------------------------------------------------------------------------
// The shared empty tuple. It lives in static storage with room for the GC
// header in front, like every tuple, so sys.getsizeof(()) reads 40. It is
// never tracked (it cannot be part of a cycle) and never freed.

static struct {
    SpGCHead gc;
    SpTupleObject t;
} empty_tuple = {{NULL, NULL}, {{{1, &SpTuple_Type}, 0}, {NULL}}};

#define EMPTY_TUPLE ((SpObject *)&empty_tuple.t)

// ---------------------------------------------------------------------------
// Free lists: free_list[n - 1] chains dead tuples of n items through
// ob_item[0]. CPython keeps up to 2000 per size for sizes below 20.

#define TUPLE_MAXSAVESIZE 20
#define TUPLE_MAXFREELIST 2000

#if SP_CFG_FREELISTS
static SpTupleObject *free_list[TUPLE_MAXSAVESIZE];
static int numfree[TUPLE_MAXSAVESIZE];
#endif

// Allocate a tuple of n (> 0) NULL items, untracked.
static SpObject *tuple_alloc(ssize_t n) {
#if SP_CFG_FREELISTS
    if (n < TUPLE_MAXSAVESIZE && free_list[n - 1] != NULL) {
        SpTupleObject *op = free_list[n - 1];
        free_list[n - 1] = (SpTupleObject *)op->ob_item[0];
        numfree[n - 1]--;
        op->ob_base.ob_base.ob_refcnt = 1;
        memset(op->ob_item, 0, (size_t)n * sizeof(SpObject *));
        return (SpObject *)op;
    }
#endif
    return sp_object_alloc(&SpTuple_Type, n);
}

// Every non-empty tuple is tracked from birth (the items start NULL, which traverse skips); n == 0
// hands out the shared empty tuple.
SpObject *sp_tuple_new(ssize_t n) {
    if (n <= 0) {
        if (n < 0) {
            return sp_err_bad_internal_call("sp_tuple_new");
        }
        return sp_newref(EMPTY_TUPLE);
    }
    SpObject *op = tuple_alloc(n);
    if (op != NULL) {
        sp_gc_track(op);
    }
    return op;
}

// The arguments are borrowed; the tuple takes new references.
SpObject *sp_tuple_pack(ssize_t n, ...) {
    SpObject *t = sp_tuple_new(n);
    if (t == NULL) {
        return NULL;
    }
    va_list ap;
    va_start(ap, n);
    for (ssize_t i = 0; i < n; i++) {
        SpObject *o = va_arg(ap, SpObject *);
        SP_TUPLE_SET_ITEM(t, i, sp_newref(o));
    }
    va_end(ap);
    return t;
}

SpObject *sp_tuple_from_array(SpObject *const *items, ssize_t n) {
    SpObject *t = sp_tuple_new(n);
    if (t == NULL) {
        return NULL;
    }
    for (ssize_t i = 0; i < n; i++) {
        SP_TUPLE_SET_ITEM(t, i, sp_newref(items[i]));
    }
    return t;
}

// On failure the stolen references are released, so callers never leak.
SpObject *sp_tuple_from_array_steal(SpObject *const *items, ssize_t n) {
    SpObject *t = sp_tuple_new(n);
    if (t == NULL) {
        for (ssize_t i = 0; i < n; i++) {
            SP_DECREF(items[i]);
        }
        return NULL;
    }
    if (n > 0) {
        memcpy(((SpTupleObject *)t)->ob_item, items, (size_t)n * sizeof(SpObject *));
    }
    return t;
}

// The reuse trick behind enumerate/zip/dict.items() iterators: see cont.h.
SpObject *sp_tuple_recycle(SpObject *cached, SpObject *const *items, ssize_t n) {
    if (cached == NULL || SP_REFCNT(cached) != 1) {
        return sp_tuple_from_array_steal(items, n);
    }
    // Only the iterator holds it: refill in place. The old items are
    // released after the new ones are in, as their destructors may run code.
    SP_INCREF(cached);
    for (ssize_t i = 0; i < n; i++) {
        SpObject *old = SP_TUPLE_GET_ITEM(cached, i);
        SP_TUPLE_SET_ITEM(cached, i, items[i]);
        SP_XDECREF(old);
    }
    return cached;
}

// t[lo:hi] with clamping; the whole of an exact tuple is t itself.
SpObject *sp_tuple_slice(SpObject *t, ssize_t lo, ssize_t hi) {
    ssize_t n = SP_TUPLE_SIZE(t);
    if (lo < 0) {
        lo = 0;
    }
    if (hi > n) {
        hi = n;
    }
    if (hi < lo) {
        hi = lo;
    }
    if (lo == 0 && hi == n && SP_TUPLE_CHECK_EXACT(t)) {
        return sp_newref(t);
    }
    return sp_tuple_from_array(((SpTupleObject *)t)->ob_item + lo, hi - lo);
}

// ---------------------------------------------------------------------------
// Life cycle: dealloc, traverse and clear side by side.

// Items are released last first (as CPython). Exact tuples of 1..19 items go to their size's free
// list instead of back to the allocator.
static void tuple_dealloc(SpObject *op) {
    ssize_t n = SP_TUPLE_SIZE(op);
    if (op == EMPTY_TUPLE) {
        // Only an unbalanced decref gets here; keep the singleton alive.
        SP_REFCNT(op) = 1;
        return;
    }
    sp_gc_untrack(op);
    // Deeply nested tuples would recurse once per level while freeing; the
    // trashcan defers the inner ones beyond a depth limit (CPython's
    // Py_TRASHCAN_BEGIN), so freeing a million-deep chain cannot overflow the C stack.
    if (sp_trash_begin(op)) {
        return;
    }
    SpObject **items = ((SpTupleObject *)op)->ob_item;
    for (ssize_t i = n - 1; i >= 0; i--) {
        SP_XDECREF(items[i]);
    }
#if SP_CFG_FREELISTS
    if (SP_TUPLE_CHECK_EXACT(op) && n > 0 && n < TUPLE_MAXSAVESIZE &&
        numfree[n - 1] < TUPLE_MAXFREELIST) {
        // The chain link reuses item 0; the stale item pointers left behind
        // are zeroed by tuple_alloc on reuse, so a recycled tuple starts clean.
        items[0] = (SpObject *)free_list[n - 1];
        free_list[n - 1] = (SpTupleObject *)op;
        numfree[n - 1]++;
        sp_trash_end();
        return;
    }
#endif
    SP_TYPE(op)->tp_free(op);
    sp_trash_end();
}

static int tuple_traverse(SpObject *op, SpVisitProc visit, void *arg) {
    for (ssize_t i = SP_TUPLE_SIZE(op) - 1; i >= 0; i--) {
        SpObject *item = SP_TUPLE_GET_ITEM(op, i);
        if (item != NULL) {
            int r = visit(item, arg);
            if (r) {
                return r;
            }
        }
    }
    return 0;
}

// Tuples are immutable; the collector breaks cycles through other objects,
// so tp_clear is not needed (as in CPython).

// ---------------------------------------------------------------------------
// repr, hash, comparison

static SpObject *tuple_repr(SpObject *v) {
    ssize_t n = SP_TUPLE_SIZE(v);
    if (n == 0) {
        return sp_str_from_cstr("()");
    }
    // A tuple can reach itself only through a mutable container.
    int r = sp_repr_enter(v);
    if (r != 0) {
        return r > 0 ? sp_str_from_cstr("(...)") : NULL;
    }
    SpStrWriter w;
    sp_str_writer_init(&w);
    if (sp_str_writer_write_char(&w, '(') < 0) {
        goto error;
    }
    for (ssize_t i = 0; i < n; i++) {
        if (i > 0 && sp_str_writer_write_ascii(&w, ", ", 2) < 0) {
            goto error;
        }
        SpObject *s = sp_object_repr(SP_TUPLE_GET_ITEM(v, i));
        if (s == NULL) {
            goto error;
        }
        int rc = sp_str_writer_write_str(&w, s);
        SP_DECREF(s);
        if (rc < 0) {
            goto error;
        }
    }
    if (n == 1 && sp_str_writer_write_char(&w, ',') < 0) {
        goto error;
    }
    if (sp_str_writer_write_char(&w, ')') < 0) {
        goto error;
    }
    sp_repr_leave(v);
    return sp_str_writer_finish(&w);
error:
    sp_repr_leave(v);
    sp_str_writer_discard(&w);
    return NULL;
}

// CPython 3.11's tuple hash: a variant of xxHash's round function over the
// item hashes, so hash((1, 2)) agrees with python3.11.
#define XXPRIME_1 ((uint64_t)11400714785074694791ULL)
#define XXPRIME_2 ((uint64_t)14029467366897019727ULL)
#define XXPRIME_5 ((uint64_t)2870177450012600261ULL)
#define XXROTATE(x) (((x) << 31) | ((x) >> 33))

static SpHash tuple_hash(SpObject *v) {
    ssize_t n = SP_TUPLE_SIZE(v);
    uint64_t acc = XXPRIME_5;
    for (ssize_t i = 0; i < n; i++) {
        SpHash lane = sp_object_hash(SP_TUPLE_GET_ITEM(v, i));
        if (lane == -1) {
            return -1;
        }
        // One xxHash64 round per item: multiply, rotate 31, multiply. Unsigned
        // arithmetic wraps, which the algorithm relies on.
        acc += (uint64_t)lane * XXPRIME_2;
        acc = XXROTATE(acc);
        acc *= XXPRIME_1;
    }
    // Mix in the length (so () and (x,) for x hashing 0 differ), and map the
    // reserved -1 to CPython's constant.
    acc += (uint64_t)n ^ (XXPRIME_5 ^ 3527539UL);
    if (acc == (uint64_t)-1) {
        return 1546275796;
    }
    return (SpHash)acc;
}

// Lexicographic, like lists: skip the equal prefix, then compare lengths or the first differing
// pair.
static SpObject *tuple_richcompare(SpObject *v, SpObject *w, int op) {
    if (!SP_TUPLE_CHECK(v) || !SP_TUPLE_CHECK(w)) {
        SP_RETURN_NOTIMPLEMENTED;
    }
    ssize_t vn = SP_TUPLE_SIZE(v), wn = SP_TUPLE_SIZE(w);
    ssize_t i;
    // Find the first index where the items differ.
    for (i = 0; i < vn && i < wn; i++) {
        int k = sp_object_richcompare_bool(SP_TUPLE_GET_ITEM(v, i), SP_TUPLE_GET_ITEM(w, i), SP_EQ);
        if (k < 0) {
            return NULL;
        }
        if (!k) {
            break;
        }
    }
    if (i >= vn || i >= wn) {
        // No more items to compare: compare the sizes.
        int r;
        switch (op) {
        case SP_LT: r = vn < wn; break;
        case SP_LE: r = vn <= wn; break;
        case SP_EQ: r = vn == wn; break;
        case SP_NE: r = vn != wn; break;
        case SP_GT: r = vn > wn; break;
        default: r = vn >= wn; break;
        }
        return sp_bool_from_long(r);
    }
    if (op == SP_EQ) {
        SP_RETURN_FALSE;
    }
    if (op == SP_NE) {
        SP_RETURN_TRUE;
    }
    return sp_object_richcompare(SP_TUPLE_GET_ITEM(v, i), SP_TUPLE_GET_ITEM(w, i), op);
}

// ---------------------------------------------------------------------------
// Sequence protocol

static ssize_t tuple_length(SpObject *v) { return SP_TUPLE_SIZE(v); }

static SpObject *tuple_item(SpObject *v, ssize_t i) {
    if ((size_t)i >= (size_t)SP_TUPLE_SIZE(v)) {
        sp_err_set_string(&SpExc_IndexError, "tuple index out of range");
        return NULL;
    }
    return sp_newref(SP_TUPLE_GET_ITEM(v, i));
}

// `x in t`: RichCompareBool semantics (identity implies equality).
static int tuple_contains(SpObject *v, SpObject *x) {
    ssize_t n = SP_TUPLE_SIZE(v);
    for (ssize_t i = 0; i < n; i++) {
        int k = sp_object_richcompare_bool(SP_TUPLE_GET_ITEM(v, i), x, SP_EQ);
        if (k != 0) {
            return k;
        }
    }
    return 0;
}

// t + u: adding an empty tuple returns the other operand itself when it is an exact tuple (tuples
// are immutable, sharing is invisible).
static SpObject *tuple_concat(SpObject *a, SpObject *b) {
    if (!SP_TUPLE_CHECK(b)) {
        return sp_err_format(&SpExc_TypeError,
                             "can only concatenate tuple (not \"%.200s\") to tuple",
                             sp_object_type_name(b));
    }
    ssize_t an = SP_TUPLE_SIZE(a), bn = SP_TUPLE_SIZE(b);
    if (bn == 0 && SP_TUPLE_CHECK_EXACT(a)) {
        return sp_newref(a);
    }
    if (an == 0 && SP_TUPLE_CHECK_EXACT(b)) {
        return sp_newref(b);
    }
    if (an > SSIZE_MAX / 8 - bn) {
        return sp_err_no_memory();
    }
    SpObject *t = sp_tuple_new(an + bn);
    if (t == NULL) {
        return NULL;
    }
    for (ssize_t i = 0; i < an; i++) {
        SP_TUPLE_SET_ITEM(t, i, sp_newref(SP_TUPLE_GET_ITEM(a, i)));
    }
    for (ssize_t i = 0; i < bn; i++) {
        SP_TUPLE_SET_ITEM(t, an + i, sp_newref(SP_TUPLE_GET_ITEM(b, i)));
    }
    return t;
}

// t * n, with the same sharing for n == 1 and the empty result shared.
static SpObject *tuple_repeat(SpObject *a, ssize_t n) {
    ssize_t size = SP_TUPLE_SIZE(a);
    if (size == 0 || n == 1) {
        if (SP_TUPLE_CHECK_EXACT(a)) {
            return sp_newref(a);
        }
    }
    if (size == 0 || n <= 0) {
        return sp_tuple_new(0);
    }
    if (n > SSIZE_MAX / 8 / size) {
        return sp_err_no_memory();
    }
    SpObject *t = sp_tuple_new(size * n);
    if (t == NULL) {
        return NULL;
    }
    SpObject **dst = ((SpTupleObject *)t)->ob_item;
    for (ssize_t j = 0; j < n; j++) {
        for (ssize_t i = 0; i < size; i++) {
            *dst++ = sp_newref(SP_TUPLE_GET_ITEM(a, i));
        }
    }
    return t;
}

// t[key] for ints (small exact ints first) and slices.
static SpObject *tuple_subscript(SpObject *v, SpObject *key) {
    if (SP_INT_CHECK_EXACT(key) && SP_INT_IS_COMPACT(key)) {
        ssize_t i = sp_int_compact_value(key);
        if (i < 0) {
            i += SP_TUPLE_SIZE(v);
        }
        return tuple_item(v, i);
    }
    if (sp_index_check(key)) {
        ssize_t i = sp_cont_index_value(key);
        if (i == -1 && sp_err_occurred()) {
            return NULL;
        }
        if (i < 0) {
            i += SP_TUPLE_SIZE(v);
        }
        return tuple_item(v, i);
    }
    if (SP_SLICE_CHECK(key)) {
        ssize_t start, stop, step;
        if (sp_slice_unpack(key, &start, &stop, &step) < 0) {
            return NULL;
        }
        ssize_t len = sp_slice_adjust_indices(SP_TUPLE_SIZE(v), &start, &stop, step);
        if (len <= 0) {
            return sp_tuple_new(0);
        }
        if (start == 0 && step == 1 && len == SP_TUPLE_SIZE(v) && SP_TUPLE_CHECK_EXACT(v)) {
            return sp_newref(v);
        }
        SpObject *t = sp_tuple_new(len);
        if (t == NULL) {
            return NULL;
        }
        for (ssize_t i = 0, cur = start; i < len; i++, cur += step) {
            SP_TUPLE_SET_ITEM(t, i, sp_newref(SP_TUPLE_GET_ITEM(v, cur)));
        }
        return t;
    }
    return sp_err_format(&SpExc_TypeError, "tuple indices must be integers or slices, not %.200s",
                         sp_object_type_name(key));
}

// ---------------------------------------------------------------------------
// Methods

// Shared by index(): negative bounds count from the end; stop is not clamped to len (the loop
// checks both).
static int index_bounds(SpObject *const *args, ssize_t nargs, ssize_t len, ssize_t *start,
                        ssize_t *stop) {
    *start = 0;
    *stop = SSIZE_MAX;
    for (ssize_t k = 1; k < nargs && k < 3; k++) {
        SpObject *o = args[k];
        ssize_t v;
        if (!sp_index_check(o)) {
            sp_err_set_string(&SpExc_TypeError,
                              "slice indices must be integers or have an __index__ method");
            return -1;
        }
        v = sp_number_as_ssize(o, NULL);
        if (v == -1 && sp_err_occurred()) {
            return -1;
        }
        if (k == 1) {
            *start = v;
        } else {
            *stop = v;
        }
    }
    if (*start < 0) {
        *start += len;
        if (*start < 0) {
            *start = 0;
        }
    }
    if (*stop < 0) {
        *stop += len;
    }
    return 0;
}

// t.index(x[, start[, stop]]).
static SpObject *tuple_index(SpObject *self, SpObject *const *args, ssize_t nargs,
                             SpObject *kwnames) {
    if (!sp_arg_no_kwnames("tuple.index", kwnames) ||
        !sp_arg_check_positional("index", nargs, 1, 3)) {
        return NULL;
    }
    ssize_t start, stop;
    if (index_bounds(args, nargs, SP_TUPLE_SIZE(self), &start, &stop) < 0) {
        return NULL;
    }
    for (ssize_t i = start; i < stop && i < SP_TUPLE_SIZE(self); i++) {
        int k = sp_object_richcompare_bool(SP_TUPLE_GET_ITEM(self, i), args[0], SP_EQ);
        if (k > 0) {
            return sp_int_from_ssize(i);
        }
        if (k < 0) {
            return NULL;
        }
    }
    sp_err_set_string(&SpExc_ValueError, "tuple.index(x): x not in tuple");
    return NULL;
}

// t.count(x).
static SpObject *tuple_count(SpObject *self, SpObject *x) {
    ssize_t count = 0;
    for (ssize_t i = 0; i < SP_TUPLE_SIZE(self); i++) {
        int k = sp_object_richcompare_bool(SP_TUPLE_GET_ITEM(self, i), x, SP_EQ);
        if (k < 0) {
            return NULL;
        }
        count += k;
    }
    return sp_int_from_ssize(count);
}

// For pickling and copy: a tuple (subclass) is rebuilt from (tuple(self),).
static SpObject *tuple_getnewargs(SpObject *self, SpObject *unused) {
    SpObject *copy = sp_tuple_from_array(((SpTupleObject *)self)->ob_item, SP_TUPLE_SIZE(self));
    if (copy == NULL) {
        return NULL;
    }
    SpObject *r = sp_tuple_pack(1, copy);
    SP_DECREF(copy);
    return r;
}

static SpObject *tuple_iter(SpObject *seq);

// tuple(iterable): a subclass gets a fresh object of its own type holding the
// items of a plain tuple made first.
static SpObject *tuple_new(SpTypeObject *type, SpObject *args, SpObject *kwargs) {
    if ((type == &SpTuple_Type || type->tp_init == SpTuple_Type.tp_init) && kwargs != NULL &&
        SP_DICT_SIZE(kwargs) > 0) {
        sp_err_set_string(&SpExc_TypeError, "tuple() takes no keyword arguments");
        return NULL;
    }
    ssize_t nargs = SP_TUPLE_SIZE(args);
    if (nargs > 1) {
        return sp_err_format(&SpExc_TypeError, "tuple expected at most 1 argument, got %zd",
                             nargs);
    }
    SpObject *tmp;
    if (nargs == 0) {
        tmp = sp_tuple_new(0);
    } else {
        tmp = sp_sequence_tuple(SP_TUPLE_GET_ITEM(args, 0));
    }
    if (tmp == NULL || type == &SpTuple_Type) {
        return tmp;
    }
    ssize_t n = SP_TUPLE_SIZE(tmp);
    SpObject *t = sp_object_alloc(type, n);
    if (t == NULL) {
        SP_DECREF(tmp);
        return NULL;
    }
    for (ssize_t i = 0; i < n; i++) {
        SP_TUPLE_SET_ITEM(t, i, sp_newref(SP_TUPLE_GET_ITEM(tmp, i)));
    }
    SP_DECREF(tmp);
    sp_gc_track(t);
    return t;
}

// tuple(...) called directly: no argument tuple is built.
static SpObject *tuple_vectorcall(SpObject *type, SpObject *const *args, size_t nargsf,
                                  SpObject *kwnames) {
    ssize_t nargs = SP_VECTORCALL_NARGS(nargsf);
    if ((SpTypeObject *)type != &SpTuple_Type) {
        return sp_vectorcall_via_tp_call(type, args, nargsf, kwnames);
    }
    if (!sp_arg_no_kwnames("tuple", kwnames) || !sp_arg_check_positional("tuple", nargs, 0, 1)) {
        return NULL;
    }
    return nargs == 0 ? sp_tuple_new(0) : sp_sequence_tuple(args[0]);
}

static SpMethodDef tuple_methods[] = {
    {"__class_getitem__", SP_METH(sp_generic_alias_class_getitem), SP_METH_O | SP_METH_CLASS,
     "See PEP 585"},
    {"index", SP_METH(tuple_index), SP_METH_FASTCALL,
     "Return first index of value.\n\nRaises ValueError if the value is not present."},
    {"count", SP_METH(tuple_count), SP_METH_O, "Return number of occurrences of value."},
    {"__getnewargs__", SP_METH(tuple_getnewargs), SP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static SpSequenceMethods tuple_as_sequence = {
    .sq_length = tuple_length,
    .sq_concat = tuple_concat,
    .sq_repeat = tuple_repeat,
    .sq_item = tuple_item,
    .sq_contains = tuple_contains,
};

static SpMappingMethods tuple_as_mapping = {
    .mp_length = tuple_length,
    .mp_subscript = tuple_subscript,
};

SpTypeObject SpTuple_Type = {
    SP_TYPE_HEAD_INIT,
    .tp_name = "tuple",
    .tp_basicsize = offsetof(SpTupleObject, ob_item),
    .tp_itemsize = sizeof(SpObject *),
    .tp_dealloc = tuple_dealloc,
    .tp_repr = tuple_repr,
    .tp_as_sequence = &tuple_as_sequence,
    .tp_as_mapping = &tuple_as_mapping,
    .tp_hash = tuple_hash,
    .tp_getattro = sp_object_generic_getattr,
    .tp_flags = SP_TPFLAGS_BASETYPE | SP_TPFLAGS_HAVE_GC | SP_TPFLAGS_TUPLE_SUBCLASS,
    .tp_doc = "Built-in immutable sequence.\n\n"
              "If no argument is given, the constructor returns an empty tuple.\n"
              "If iterable is specified the tuple is initialized from iterable's items.\n\n"
              "If the argument is a tuple, the return value is the same object.",
    .tp_traverse = tuple_traverse,
    .tp_richcompare = tuple_richcompare,
    .tp_iter = tuple_iter,
    .tp_methods = tuple_methods,
    .tp_new = tuple_new,
    .tp_free = sp_object_free,
    .tp_vectorcall = tuple_vectorcall,
};

// ---------------------------------------------------------------------------
// The tuple iterator

typedef struct {
    SP_OBJECT_HEAD;
    ssize_t index;
    SpObject *seq;  // NULL once exhausted
} TupleIterObject;

// The iterator keeps the tuple until it is exhausted.
static SpObject *tuple_iter(SpObject *seq) {
    TupleIterObject *it = (TupleIterObject *)sp_object_alloc(&SpTupleIter_Type, 0);
    if (it == NULL) {
        return NULL;
    }
    it->index = 0;
    it->seq = sp_newref(seq);
    sp_gc_track((SpObject *)it);
    return (SpObject *)it;
}

static void tupleiter_dealloc(SpObject *op) {
    sp_gc_untrack(op);
    SP_XDECREF(((TupleIterObject *)op)->seq);
    sp_object_free(op);
}

static int tupleiter_traverse(SpObject *op, SpVisitProc visit, void *arg) {
    SpObject *seq = ((TupleIterObject *)op)->seq;
    return seq != NULL ? visit(seq, arg) : 0;
}

static int tupleiter_clear(SpObject *op) {
    SP_CLEAR(((TupleIterObject *)op)->seq);
    return 0;
}

static SpObject *tupleiter_next(SpObject *op) {
    TupleIterObject *it = (TupleIterObject *)op;
    SpObject *seq = it->seq;
    if (seq == NULL) {
        return NULL;
    }
    if (it->index < SP_TUPLE_SIZE(seq)) {
        return sp_newref(SP_TUPLE_GET_ITEM(seq, it->index++));
    }
    it->seq = NULL;
    SP_DECREF(seq);
    return NULL;
}

static SpObject *tupleiter_length_hint(SpObject *op, SpObject *unused) {
    TupleIterObject *it = (TupleIterObject *)op;
    ssize_t n = it->seq != NULL ? SP_TUPLE_SIZE(it->seq) - it->index : 0;
    return sp_cont_length_hint_result(n);
}

static SpMethodDef tupleiter_methods[] = {
    {"__length_hint__", SP_METH(tupleiter_length_hint), SP_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

SpTypeObject SpTupleIter_Type = {
    SP_TYPE_HEAD_INIT,
    .tp_name = "tuple_iterator",
    .tp_basicsize = sizeof(TupleIterObject),
    .tp_dealloc = tupleiter_dealloc,
    .tp_getattro = sp_object_generic_getattr,
    .tp_flags = SP_TPFLAGS_HAVE_GC,
    .tp_traverse = tupleiter_traverse,
    .tp_clear = tupleiter_clear,
    .tp_iter = sp_cont_self_iter,
    .tp_iternext = tupleiter_next,
    .tp_methods = tupleiter_methods,
    .tp_free = sp_object_free,
};
