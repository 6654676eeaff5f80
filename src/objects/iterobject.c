// smallpy: the lazy iterator types of the builtins: enumerate, zip, map,
// filter, reversed, and the two iterators iter() makes for objects without
// __iter__ (the __getitem__ protocol) and for iter(callable, sentinel).
// Counterpart: CPython 3.11 Objects/enumobject.c, Objects/iterobject.c,
// Python/bltinmodule.c (map, filter, zip).
#include <string.h>

#include "core/abstract.h"
#include "core/err.h"
#include "core/gc.h"
#include "core/mem.h"
#include "objects/cont.h"
#include "objects/dict.h"
#include "objects/func.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/none.h"
#include "objects/range.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"

// These iterators call their sources' tp_iternext directly (not
// sp_iter_next): the VM's FOR_ITER and other consumers treat a pending
// StopIteration as exhaustion, so it may pass through unchanged.

// Shared by all the iterators here: exhaustion by StopIteration from a
// Python-level __next__ is the same as returning NULL quietly.
static int clear_stop_iteration(void) {
    if (sp_err_occurred()) {
        if (!sp_err_matches_type(&SpExc_StopIteration)) {
            return -1;
        }
        sp_err_clear();
    }
    return 0;
}

// "'foo' is an invalid keyword argument for NAME()" check for tp_new
// functions that accept only the given keywords.
static int check_kwargs(SpObject *kwargs, const char *fname, const char *const *allowed) {
    if (kwargs == NULL) {
        return 0;
    }
    ssize_t pos = 0;
    SpObject *key;
    while (sp_dict_next(kwargs, &pos, &key, NULL)) {
        int ok = 0;
        for (const char *const *a = allowed; *a != NULL; a++) {
            if (SP_STR_CHECK(key) && sp_str_eq_cstr(key, *a)) {
                ok = 1;
            }
        }
        if (!ok) {
            if (!SP_STR_CHECK(key)) {
                sp_err_set_string(&SpExc_TypeError, "keywords must be strings");
            } else {
                sp_err_format(&SpExc_TypeError, "'%U' is an invalid keyword argument for %s()",
                              key, fname);
            }
            return -1;
        }
    }
    return 0;
}

// kwargs[name] or NULL (kwargs may be NULL).
static SpObject *kwarg(SpObject *kwargs, const char *name) {
    return kwargs != NULL ? sp_dict_getitem_str_borrow(kwargs, name) : NULL;
}

// ---------------------------------------------------------------------------
// enumerate

typedef struct {
    SP_OBJECT_HEAD;
    ssize_t en_index;       // next index while it fits
    SpObject *en_sit;       // the underlying iterator
    SpObject *en_longindex; // next index as an int once past SSIZE_MAX, else NULL
    SpObject *en_result;    // a 2-tuple recycled while nobody else holds it
    SpObject *unused;       // CPython caches the int 1 here: same sys.getsizeof
} EnumObject;

// enumerate(iterable, start=0). The count is a ssize_t while it fits; a start beyond that (or
// counting past SSIZE_MAX) switches to int objects.
static SpObject *enum_new(SpTypeObject *type, SpObject *args, SpObject *kwargs) {
    static const char *const allowed[] = {"iterable", "start", NULL};
    if (check_kwargs(kwargs, "enumerate", allowed) < 0) {
        return NULL;
    }
    ssize_t n = SP_TUPLE_SIZE(args);
    ssize_t nkw = kwargs ? SP_DICT_SIZE(kwargs) : 0;
    if (n + nkw > 2) {
        return sp_err_format(&SpExc_TypeError, "enumerate() takes at most 2 arguments (%zd given)",
                             n + nkw);
    }
    SpObject *iterable = n > 0 ? SP_TUPLE_GET_ITEM(args, 0) : kwarg(kwargs, "iterable");
    SpObject *start = n > 1 ? SP_TUPLE_GET_ITEM(args, 1) : kwarg(kwargs, "start");
    if (iterable == NULL) {
        sp_err_set_string(&SpExc_TypeError, "enumerate() missing required argument 'iterable'");
        return NULL;
    }
    SpObject *startobj = NULL;
    ssize_t istart = 0;
    if (start != NULL) {
        startobj = sp_number_index(start);
        if (startobj == NULL) {
            return NULL;
        }
        int overflow;
        long v = sp_int_as_long_and_overflow(startobj, &overflow);
        if (!overflow) {
            istart = v;
            SP_CLEAR(startobj);
        }
    }
    SpObject *it = sp_object_get_iter(iterable);
    if (it == NULL) {
        SP_XDECREF(startobj);
        return NULL;
    }
    EnumObject *en = (EnumObject *)sp_object_alloc(type, 0);
    if (en == NULL) {
        SP_DECREF(it);
        SP_XDECREF(startobj);
        return NULL;
    }
    en->en_index = istart;
    en->en_sit = it;
    en->en_longindex = startobj;
    en->en_result = sp_tuple_pack(2, sp_None, sp_None);
    if (en->en_result == NULL) {
        SP_DECREF(en);
        return NULL;
    }
    sp_gc_track((SpObject *)en);
    return (SpObject *)en;
}

static void enum_dealloc(SpObject *op) {
    EnumObject *en = (EnumObject *)op;
    sp_gc_untrack(op);
    SP_XDECREF(en->en_sit);
    SP_XDECREF(en->en_longindex);
    SP_XDECREF(en->en_result);
    SP_TYPE(op)->tp_free(op);
}

static int enum_traverse(SpObject *op, SpVisitProc visit, void *arg) {
    EnumObject *en = (EnumObject *)op;
    if (en->en_sit != NULL) {
        int r = visit(en->en_sit, arg);
        if (r) {
            return r;
        }
    }
    if (en->en_result != NULL) {
        int r = visit(en->en_result, arg);
        if (r) {
            return r;
        }
    }
    return en->en_longindex != NULL ? visit(en->en_longindex, arg) : 0;
}

// (index, item): the item is fetched first, so an exhausted iterable does not advance the count.
static SpObject *enum_next(SpObject *op) {
    EnumObject *en = (EnumObject *)op;
    // Fetch the item before touching the counter: a failing or exhausted source
    // must leave the count unchanged.
    SpObject *item = SP_TYPE(en->en_sit)->tp_iternext(en->en_sit);
    if (item == NULL) {
        return NULL;
    }
    SpObject *index;
    // Two counters as in CPython: a ssize_t for the common case and, once it
    // would pass SSIZE_MAX (or start was huge), an int object from then on.
    if (en->en_longindex == NULL && en->en_index < SSIZE_MAX) {
        index = sp_int_from_ssize(en->en_index++);
    } else {
        if (en->en_longindex == NULL) {
            en->en_longindex = sp_int_from_ssize(en->en_index);
            if (en->en_longindex == NULL) {
                SP_DECREF(item);
                return NULL;
            }
        }
        index = sp_newref(en->en_longindex);
        SpObject *one = sp_int_from_long(1);
        SpObject *next = one ? sp_number_add(en->en_longindex, one) : NULL;
        SP_XDECREF(one);
        if (next == NULL) {
            SP_DECREF(index);
            SP_DECREF(item);
            return NULL;
        }
        SP_SETREF(en->en_longindex, next);
    }
    if (index == NULL) {
        SP_DECREF(item);
        return NULL;
    }
    SpObject *pair[2] = {index, item};
    // Takes both references; refills en_result when only we hold it, the same
    // trick as zip_next below (CPython's enum_next reuses its result tuple).
    return sp_tuple_recycle(en->en_result, pair, 2);
}

SpTypeObject SpEnumerate_Type = {
    SP_TYPE_HEAD_INIT,
    .tp_name = "enumerate",
    .tp_basicsize = sizeof(EnumObject),
    .tp_dealloc = enum_dealloc,
    .tp_getattro = sp_object_generic_getattr,
    .tp_flags = SP_TPFLAGS_HAVE_GC | SP_TPFLAGS_BASETYPE,
    .tp_doc = "Return an enumerate object.\n\n"
              "  iterable\n    an object supporting iteration\n\n"
              "The enumerate object yields pairs containing a count (from start, which\n"
              "defaults to zero) and a value yielded by the iterable argument.\n\n"
              "enumerate is useful for obtaining an indexed list:\n"
              "    (0, seq[0]), (1, seq[1]), (2, seq[2]), ...",
    .tp_traverse = enum_traverse,
    .tp_iter = sp_cont_self_iter,
    .tp_iternext = enum_next,
    .tp_new = enum_new,
    .tp_free = sp_object_free,
};

// ---------------------------------------------------------------------------
// zip

typedef struct {
    SP_OBJECT_HEAD;
    ssize_t tuplesize;
    SpObject *ittuple;  // tuple of iterators
    SpObject *result;   // a tuplesize-tuple recycled while nobody else holds it
    int strict;
} ZipObject;

// zip(*iterables, strict=False): every argument's iterator is made up front, so a non-iterable
// argument fails at once.
static SpObject *zip_new(SpTypeObject *type, SpObject *args, SpObject *kwargs) {
    static const char *const allowed[] = {"strict", NULL};
    int strict = 0;
    if (check_kwargs(kwargs, "zip", allowed) < 0) {
        return NULL;
    }
    SpObject *s = kwarg(kwargs, "strict");
    if (s != NULL) {
        strict = sp_object_is_true(s);
        if (strict < 0) {
            return NULL;
        }
    }
    ssize_t n = SP_TUPLE_SIZE(args);
    SpObject *ittuple = sp_tuple_new(n);
    if (ittuple == NULL) {
        return NULL;
    }
    for (ssize_t i = 0; i < n; i++) {
        SpObject *it = sp_object_get_iter(SP_TUPLE_GET_ITEM(args, i));
        if (it == NULL) {
            SP_DECREF(ittuple);
            return NULL;
        }
        SP_TUPLE_SET_ITEM(ittuple, i, it);
    }
    ZipObject *z = (ZipObject *)sp_object_alloc(type, 0);
    if (z == NULL) {
        SP_DECREF(ittuple);
        return NULL;
    }
    z->tuplesize = n;
    z->ittuple = ittuple;
    z->strict = strict;
    z->result = sp_tuple_new(n);
    if (z->result == NULL) {
        SP_DECREF(z);
        return NULL;
    }
    for (ssize_t i = 0; i < n; i++) {
        SP_TUPLE_SET_ITEM(z->result, i, sp_newref(sp_None));
    }
    sp_gc_track((SpObject *)z);
    return (SpObject *)z;
}

static void zip_dealloc(SpObject *op) {
    sp_gc_untrack(op);
    SP_XDECREF(((ZipObject *)op)->ittuple);
    SP_XDECREF(((ZipObject *)op)->result);
    SP_TYPE(op)->tp_free(op);
}

static int zip_traverse(SpObject *op, SpVisitProc visit, void *arg) {
    SpObject *t = ((ZipObject *)op)->ittuple, *r = ((ZipObject *)op)->result;
    int rc = t != NULL ? visit(t, arg) : 0;
    return rc == 0 && r != NULL ? visit(r, arg) : rc;
}

// strict=True: argument i ran out; check that all others are exhausted too.
static SpObject *zip_strict_check(ZipObject *z, ssize_t i) {
    if (clear_stop_iteration() < 0) {
        return NULL;
    }
    // Argument i + 1 ran out while earlier ones still had items: it is shorter
    // than all of them ("argument 3 is shorter than arguments 1-2").
    if (i) {
        return sp_err_format(&SpExc_ValueError, "zip() argument %zd is shorter than argument%s%zd",
                             i + 1, i == 1 ? " " : "s 1-", i);
    }
    // The first argument ran out: every other one must be exhausted too, or it
    // is longer. This consumes one item from the offending argument, as CPython.
    for (i = 1; i < z->tuplesize; i++) {
        SpObject *it = SP_TUPLE_GET_ITEM(z->ittuple, i);
        SpObject *item = SP_TYPE(it)->tp_iternext(it);
        if (item != NULL) {
            SP_DECREF(item);
            return sp_err_format(&SpExc_ValueError,
                                 "zip() argument %zd is longer than argument%s%zd", i + 1,
                                 i == 1 ? " " : "s 1-", i);
        }
        if (clear_stop_iteration() < 0) {
            return NULL;
        }
    }
    return NULL;
}

// One item from each iterator; the first exhausted one ends the zip (and with strict=True, the
// others must be exhausted at the same point).
static SpObject *zip_next(SpObject *op) {
    ZipObject *z = (ZipObject *)op;
    ssize_t n = z->tuplesize;
    if (n == 0) {
        return NULL;
    }
    // Refill the cached result in place when the consumer dropped it (the
    // usual `for a, b in zip(...)`), else build a new tuple.
    SpObject *result = z->result;
    // Refcount 1 means only z->result holds the tuple; the consumer dropped the
    // previous item, so mutating it in place is invisible. The tuple's old items
    // are released one by one as they are replaced.
    int reuse = SP_REFCNT(result) == 1;
    if (reuse) {
        SP_INCREF(result);
    } else {
        result = sp_tuple_new(n);
        if (result == NULL) {
            return NULL;
        }
    }
    for (ssize_t i = 0; i < n; i++) {
        SpObject *it = SP_TUPLE_GET_ITEM(z->ittuple, i);
        // On exhaustion the reused tuple may be left half refilled; that is fine,
        // since nobody else sees it and its slots always hold valid references.
        SpObject *item = SP_TYPE(it)->tp_iternext(it);
        if (item == NULL) {
            SP_DECREF(result);
            if (z->strict) {
                return zip_strict_check(z, i);
            }
            return NULL;
        }
        SpObject *old = SP_TUPLE_GET_ITEM(result, i);
        SP_TUPLE_SET_ITEM(result, i, item);
        SP_XDECREF(old);
    }
    return result;
}

SpTypeObject SpZip_Type = {
    SP_TYPE_HEAD_INIT,
    .tp_name = "zip",
    .tp_basicsize = sizeof(ZipObject),
    .tp_dealloc = zip_dealloc,
    .tp_getattro = sp_object_generic_getattr,
    .tp_flags = SP_TPFLAGS_HAVE_GC | SP_TPFLAGS_BASETYPE,
    .tp_doc = "zip(*iterables, strict=False) --> Yield tuples until an input is exhausted.\n\n"
              "   >>> list(zip('abcdefg', range(3), range(4)))\n"
              "   [('a', 0, 0), ('b', 1, 1), ('c', 2, 2)]\n\n"
              "The zip object yields n-length tuples, where n is the number of iterables\n"
              "passed as positional arguments to zip().  The i-th element in every tuple\n"
              "comes from the i-th iterable argument to zip().  This continues until the\n"
              "shortest argument is exhausted.\n\n"
              "If strict is true and one of the arguments is exhausted before the others,\n"
              "raise a ValueError.",
    .tp_traverse = zip_traverse,
    .tp_iter = sp_cont_self_iter,
    .tp_iternext = zip_next,
    .tp_new = zip_new,
    .tp_free = sp_object_free,
};

// ---------------------------------------------------------------------------
// map

typedef struct {
    SP_OBJECT_HEAD;
    SpObject *iters;  // tuple of iterators
    SpObject *func;
} MapObject;

// map(func, *iterables): at least one iterable.
static SpObject *map_new(SpTypeObject *type, SpObject *args, SpObject *kwargs) {
    if (type == &SpMap_Type && kwargs != NULL && SP_DICT_SIZE(kwargs) > 0) {
        sp_err_set_string(&SpExc_TypeError, "map() takes no keyword arguments");
        return NULL;
    }
    ssize_t n = SP_TUPLE_SIZE(args);
    if (n < 2) {
        sp_err_set_string(&SpExc_TypeError, "map() must have at least two arguments.");
        return NULL;
    }
    SpObject *iters = sp_tuple_new(n - 1);
    if (iters == NULL) {
        return NULL;
    }
    for (ssize_t i = 1; i < n; i++) {
        SpObject *it = sp_object_get_iter(SP_TUPLE_GET_ITEM(args, i));
        if (it == NULL) {
            SP_DECREF(iters);
            return NULL;
        }
        SP_TUPLE_SET_ITEM(iters, i - 1, it);
    }
    MapObject *m = (MapObject *)sp_object_alloc(type, 0);
    if (m == NULL) {
        SP_DECREF(iters);
        return NULL;
    }
    m->iters = iters;
    m->func = sp_newref(SP_TUPLE_GET_ITEM(args, 0));
    sp_gc_track((SpObject *)m);
    return (SpObject *)m;
}

static void map_dealloc(SpObject *op) {
    MapObject *m = (MapObject *)op;
    sp_gc_untrack(op);
    SP_XDECREF(m->iters);
    SP_XDECREF(m->func);
    SP_TYPE(op)->tp_free(op);
}

static int map_traverse(SpObject *op, SpVisitProc visit, void *arg) {
    MapObject *m = (MapObject *)op;
    int r = m->iters != NULL ? visit(m->iters, arg) : 0;
    if (r == 0 && m->func != NULL) {
        r = visit(m->func, arg);
    }
    return r;
}

// The arguments for one call are gathered on the C stack (up to five iterables without allocating)
// and passed by vectorcall.
static SpObject *map_next(SpObject *op) {
    MapObject *m = (MapObject *)op;
    ssize_t n = SP_TUPLE_SIZE(m->iters);
    SpObject *small[5];
    SpObject **stack = small;
    if (n > 5) {
        stack = sp_mem_alloc((size_t)n * sizeof(SpObject *));
        if (stack == NULL) {
            return sp_err_no_memory();
        }
    }
    SpObject *result = NULL;
    ssize_t got = 0;
    for (; got < n; got++) {
        SpObject *it = SP_TUPLE_GET_ITEM(m->iters, got);
        SpObject *val = SP_TYPE(it)->tp_iternext(it);
        if (val == NULL) {
            goto done;
        }
        stack[got] = val;
    }
    // The first iterable to run out stops map (no strict mode in 3.11); the
    // items already fetched for this round are dropped.
    result = sp_vectorcall(m->func, stack, (size_t)n, NULL);
done:
    for (ssize_t i = 0; i < got; i++) {
        SP_DECREF(stack[i]);
    }
    if (stack != small) {
        sp_mem_free(stack);
    }
    return result;
}

SpTypeObject SpMap_Type = {
    SP_TYPE_HEAD_INIT,
    .tp_name = "map",
    .tp_basicsize = sizeof(MapObject),
    .tp_dealloc = map_dealloc,
    .tp_getattro = sp_object_generic_getattr,
    .tp_flags = SP_TPFLAGS_HAVE_GC | SP_TPFLAGS_BASETYPE,
    .tp_doc = "map(func, *iterables) --> map object\n\n"
              "Make an iterator that computes the function using arguments from\n"
              "each of the iterables.  Stops when the shortest iterable is exhausted.",
    .tp_traverse = map_traverse,
    .tp_iter = sp_cont_self_iter,
    .tp_iternext = map_next,
    .tp_new = map_new,
    .tp_free = sp_object_free,
};

// ---------------------------------------------------------------------------
// filter

typedef struct {
    SP_OBJECT_HEAD;
    SpObject *func;  // None or bool: truthiness of the item itself
    SpObject *it;
} FilterObject;

// filter(function or None, iterable).
static SpObject *filter_new(SpTypeObject *type, SpObject *args, SpObject *kwargs) {
    if (type == &SpFilter_Type && kwargs != NULL && SP_DICT_SIZE(kwargs) > 0) {
        sp_err_set_string(&SpExc_TypeError, "filter() takes no keyword arguments");
        return NULL;
    }
    ssize_t n = SP_TUPLE_SIZE(args);
    if (n != 2) {
        return sp_err_format(&SpExc_TypeError, "filter expected 2 arguments, got %zd", n);
    }
    SpObject *it = sp_object_get_iter(SP_TUPLE_GET_ITEM(args, 1));
    if (it == NULL) {
        return NULL;
    }
    FilterObject *f = (FilterObject *)sp_object_alloc(type, 0);
    if (f == NULL) {
        SP_DECREF(it);
        return NULL;
    }
    f->func = sp_newref(SP_TUPLE_GET_ITEM(args, 0));
    f->it = it;
    sp_gc_track((SpObject *)f);
    return (SpObject *)f;
}

static void filter_dealloc(SpObject *op) {
    FilterObject *f = (FilterObject *)op;
    sp_gc_untrack(op);
    SP_XDECREF(f->func);
    SP_XDECREF(f->it);
    SP_TYPE(op)->tp_free(op);
}

static int filter_traverse(SpObject *op, SpVisitProc visit, void *arg) {
    FilterObject *f = (FilterObject *)op;
    int r = f->func != NULL ? visit(f->func, arg) : 0;
    if (r == 0 && f->it != NULL) {
        r = visit(f->it, arg);
    }
    return r;
}

// None and bool mean "the item's own truth" (no call).
static SpObject *filter_next(SpObject *op) {
    FilterObject *f = (FilterObject *)op;
    SpIterNextFunc next = SP_TYPE(f->it)->tp_iternext;
    int checktrue = f->func == sp_None || f->func == (SpObject *)&SpBool_Type;
    for (;;) {
        SpObject *item = next(f->it);
        if (item == NULL) {
            return NULL;
        }
        int ok;
        if (checktrue) {
            ok = sp_object_is_true(item);
        } else {
            SpObject *good = sp_call_one_arg(f->func, item);
            if (good == NULL) {
                SP_DECREF(item);
                return NULL;
            }
            ok = sp_object_is_true(good);
            SP_DECREF(good);
        }
        if (ok > 0) {
            return item;
        }
        SP_DECREF(item);
        if (ok < 0) {
            return NULL;
        }
    }
}

SpTypeObject SpFilter_Type = {
    SP_TYPE_HEAD_INIT,
    .tp_name = "filter",
    .tp_basicsize = sizeof(FilterObject),
    .tp_dealloc = filter_dealloc,
    .tp_getattro = sp_object_generic_getattr,
    .tp_flags = SP_TPFLAGS_HAVE_GC | SP_TPFLAGS_BASETYPE,
    .tp_doc = "filter(function or None, iterable) --> filter object\n\n"
              "Return an iterator yielding those items of iterable for which function(item)\n"
              "is true. If function is None, return the items that are true.",
    .tp_traverse = filter_traverse,
    .tp_iter = sp_cont_self_iter,
    .tp_iternext = filter_next,
    .tp_new = filter_new,
    .tp_free = sp_object_free,
};

// ---------------------------------------------------------------------------
// reversed

typedef struct {
    SP_OBJECT_HEAD;
    ssize_t index;
    SpObject *seq;  // NULL once exhausted
} ReversedObject;

static int is_sequence(SpObject *o) {
    SpTypeObject *t = SP_TYPE(o);
    return !SP_DICT_CHECK(o) && t->tp_as_sequence != NULL && t->tp_as_sequence->sq_item != NULL;
}

// reversed(seq): __reversed__ when the type has one (None forbids it), else the sequence protocol
// from len(seq) - 1 down to 0.
static SpObject *reversed_make(SpTypeObject *type, SpObject *seq) {
    int found = 0;
    SpObject *meth = sp_type_lookup_borrow(SP_TYPE(seq), sp_id(__reversed__));
    if (meth == sp_None) {
        return sp_err_format(&SpExc_TypeError, "'%.200s' object is not reversible",
                             sp_object_type_name(seq));
    }
    if (meth != NULL) {
        SpObject *res = sp_call_special(seq, sp_id(__reversed__), NULL, 0, &found);
        if (res != NULL || sp_err_occurred()) {
            return res;
        }
    }
    if (!is_sequence(seq)) {
        return sp_err_format(&SpExc_TypeError, "'%.200s' object is not reversible",
                             sp_object_type_name(seq));
    }
    ssize_t n = sp_object_length(seq);
    if (n == -1) {
        return NULL;
    }
    ReversedObject *ro = (ReversedObject *)sp_object_alloc(type, 0);
    if (ro == NULL) {
        return NULL;
    }
    ro->index = n - 1;
    ro->seq = sp_newref(seq);
    sp_gc_track((SpObject *)ro);
    return (SpObject *)ro;
}

SpObject *sp_reversed_new(SpObject *seq) { return reversed_make(&SpReversed_Type, seq); }

static SpObject *reversed_new(SpTypeObject *type, SpObject *args, SpObject *kwargs) {
    if (type == &SpReversed_Type && kwargs != NULL && SP_DICT_SIZE(kwargs) > 0) {
        sp_err_set_string(&SpExc_TypeError, "reversed() takes no keyword arguments");
        return NULL;
    }
    ssize_t n = SP_TUPLE_SIZE(args);
    if (n != 1) {
        return sp_err_format(&SpExc_TypeError, "reversed expected 1 argument, got %zd", n);
    }
    return reversed_make(type, SP_TUPLE_GET_ITEM(args, 0));
}

static void reversed_dealloc(SpObject *op) {
    sp_gc_untrack(op);
    SP_XDECREF(((ReversedObject *)op)->seq);
    SP_TYPE(op)->tp_free(op);
}

static int reversed_traverse(SpObject *op, SpVisitProc visit, void *arg) {
    SpObject *s = ((ReversedObject *)op)->seq;
    return s != NULL ? visit(s, arg) : 0;
}

// IndexError or StopIteration from __getitem__ ends the iteration.
static SpObject *reversed_next(SpObject *op) {
    ReversedObject *ro = (ReversedObject *)op;
    if (ro->index >= 0 && ro->seq != NULL) {
        // sq_item directly: the index is already non-negative, so no len() fix-up
        // happens per item.
        SpObject *item = SP_TYPE(ro->seq)->tp_as_sequence->sq_item(ro->seq, ro->index);
        if (item != NULL) {
            ro->index--;
            return item;
        }
        if (sp_err_matches_type(&SpExc_IndexError) || sp_err_matches_type(&SpExc_StopIteration)) {
            sp_err_clear();
        }
    }
    // Exhausted (or failed): drop the sequence so the iterator stays exhausted
    // even if the sequence grows afterwards, as CPython's reversed does.
    ro->index = -1;
    SP_CLEAR(ro->seq);
    return NULL;
}

static SpObject *reversed_length_hint(SpObject *op, SpObject *unused) {
    ReversedObject *ro = (ReversedObject *)op;
    if (ro->seq == NULL) {
        return sp_int_from_long(0);
    }
    ssize_t n = sp_object_length(ro->seq);
    if (n == -1) {
        return NULL;
    }
    // If the sequence shrank below the next index, nothing more will come.
    ssize_t position = ro->index + 1;
    return sp_int_from_ssize(n < position ? 0 : position);
}

static SpMethodDef reversed_methods[] = {
    {"__length_hint__", SP_METH(reversed_length_hint), SP_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

SpTypeObject SpReversed_Type = {
    SP_TYPE_HEAD_INIT,
    .tp_name = "reversed",
    .tp_basicsize = sizeof(ReversedObject),
    .tp_dealloc = reversed_dealloc,
    .tp_getattro = sp_object_generic_getattr,
    .tp_flags = SP_TPFLAGS_HAVE_GC | SP_TPFLAGS_BASETYPE,
    .tp_doc = "Return a reverse iterator over the values of the given sequence.",
    .tp_traverse = reversed_traverse,
    .tp_iter = sp_cont_self_iter,
    .tp_iternext = reversed_next,
    .tp_methods = reversed_methods,
    .tp_new = reversed_new,
    .tp_free = sp_object_free,
};

// ---------------------------------------------------------------------------
// The sequence iterator: seq[0], seq[1], ... until IndexError/StopIteration.

typedef struct {
    SP_OBJECT_HEAD;
    ssize_t index;
    SpObject *seq;  // NULL once exhausted
} SeqIterObject;

// iter(obj) for objects with __getitem__ but no __iter__.
SpObject *sp_seqiter_new(SpObject *seq) {
    SeqIterObject *it = (SeqIterObject *)sp_object_alloc(&SpSeqIter_Type, 0);
    if (it == NULL) {
        return NULL;
    }
    it->index = 0;
    it->seq = sp_newref(seq);
    sp_gc_track((SpObject *)it);
    return (SpObject *)it;
}

static void seqiter_dealloc(SpObject *op) {
    sp_gc_untrack(op);
    SP_XDECREF(((SeqIterObject *)op)->seq);
    sp_object_free(op);
}

static int seqiter_traverse(SpObject *op, SpVisitProc visit, void *arg) {
    SpObject *s = ((SeqIterObject *)op)->seq;
    return s != NULL ? visit(s, arg) : 0;
}

// seq[0], seq[1], ... until IndexError or StopIteration; other exceptions propagate and leave the
// iterator usable.
static SpObject *seqiter_next(SpObject *op) {
    SeqIterObject *it = (SeqIterObject *)op;
    SpObject *seq = it->seq;
    if (seq == NULL) {
        return NULL;
    }
    if (it->index == SSIZE_MAX) {
        sp_err_set_string(&SpExc_OverflowError, "iter index too large");
        return NULL;
    }
    SpObject *result = SP_TYPE(seq)->tp_as_sequence->sq_item(seq, it->index);
    if (result != NULL) {
        it->index++;
        return result;
    }
    if (sp_err_matches_type(&SpExc_IndexError) || sp_err_matches_type(&SpExc_StopIteration)) {
        sp_err_clear();
        it->seq = NULL;
        SP_DECREF(seq);
    }
    return NULL;
}

static SpObject *seqiter_length_hint(SpObject *op, SpObject *unused) {
    SeqIterObject *it = (SeqIterObject *)op;
    if (it->seq != NULL) {
        SpTypeObject *t = SP_TYPE(it->seq);
        if ((t->tp_as_sequence != NULL && t->tp_as_sequence->sq_length != NULL) ||
            (t->tp_as_mapping != NULL && t->tp_as_mapping->mp_length != NULL)) {
            ssize_t n = sp_object_length(it->seq);
            if (n == -1) {
                return NULL;
            }
            n -= it->index;
            return sp_int_from_ssize(n < 0 ? 0 : n);
        }
        SP_RETURN_NOTIMPLEMENTED;
    }
    return sp_int_from_long(0);
}

static SpMethodDef seqiter_methods[] = {
    {"__length_hint__", SP_METH(seqiter_length_hint), SP_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

SpTypeObject SpSeqIter_Type = {
    SP_TYPE_HEAD_INIT,
    .tp_name = "iterator",
    .tp_basicsize = sizeof(SeqIterObject),
    .tp_dealloc = seqiter_dealloc,
    .tp_getattro = sp_object_generic_getattr,
    .tp_flags = SP_TPFLAGS_HAVE_GC,
    .tp_traverse = seqiter_traverse,
    .tp_iter = sp_cont_self_iter,
    .tp_iternext = seqiter_next,
    .tp_methods = seqiter_methods,
    .tp_free = sp_object_free,
};

// ---------------------------------------------------------------------------
// The callable iterator: callable() until it returns sentinel.

typedef struct {
    SP_OBJECT_HEAD;
    SpObject *callable;  // NULL once exhausted
    SpObject *sentinel;
} CallIterObject;

// iter(callable, sentinel).
SpObject *sp_calliter_new(SpObject *callable, SpObject *sentinel) {
    CallIterObject *it = (CallIterObject *)sp_object_alloc(&SpCallIter_Type, 0);
    if (it == NULL) {
        return NULL;
    }
    it->callable = sp_newref(callable);
    it->sentinel = sp_newref(sentinel);
    sp_gc_track((SpObject *)it);
    return (SpObject *)it;
}

static void calliter_dealloc(SpObject *op) {
    CallIterObject *it = (CallIterObject *)op;
    sp_gc_untrack(op);
    SP_XDECREF(it->callable);
    SP_XDECREF(it->sentinel);
    sp_object_free(op);
}

static int calliter_traverse(SpObject *op, SpVisitProc visit, void *arg) {
    CallIterObject *it = (CallIterObject *)op;
    int r = it->callable != NULL ? visit(it->callable, arg) : 0;
    if (r == 0 && it->sentinel != NULL) {
        r = visit(it->sentinel, arg);
    }
    return r;
}

// callable() until it returns something equal to the sentinel (or raises StopIteration); then the
// iterator drops both and stays exhausted.
static SpObject *calliter_next(SpObject *op) {
    CallIterObject *it = (CallIterObject *)op;
    if (it->callable == NULL) {
        return NULL;
    }
    SpObject *result = sp_call_noargs(it->callable);
    if (result != NULL) {
        // sentinel == result, with the sentinel on the left as CPython compares.
        int ok = sp_object_richcompare_bool(it->sentinel, result, SP_EQ);
        if (ok == 0) {
            return result;
        }
        SP_DECREF(result);
        if (ok > 0) {
            SP_CLEAR(it->callable);
            SP_CLEAR(it->sentinel);
        }
    } else if (sp_err_matches_type(&SpExc_StopIteration)) {
        sp_err_clear();
        SP_CLEAR(it->callable);
        SP_CLEAR(it->sentinel);
    }
    return NULL;
}

SpTypeObject SpCallIter_Type = {
    SP_TYPE_HEAD_INIT,
    .tp_name = "callable_iterator",
    .tp_basicsize = sizeof(CallIterObject),
    .tp_dealloc = calliter_dealloc,
    .tp_getattro = sp_object_generic_getattr,
    .tp_flags = SP_TPFLAGS_HAVE_GC,
    .tp_traverse = calliter_traverse,
    .tp_iter = sp_cont_self_iter,
    .tp_iternext = calliter_next,
    .tp_free = sp_object_free,
};
