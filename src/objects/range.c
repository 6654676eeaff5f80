// smallpy: range and its iterators. A range keeps start, stop, step and
// length as int objects (as CPython) plus C long copies when they all fit,
// which the hot paths (iteration, indexing, `in`) use. Counterpart: CPython
// 3.11 Objects/rangeobject.c.
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

typedef struct {
    SP_OBJECT_HEAD;
    SpObject *start, *stop, *step, *length;  // exact ints
    int fast;                                // the long copies are valid
    long lstart, lstop, lstep, llength;
} RangeObject;

#define R(o) ((RangeObject *)(o))

// len(range(lo, hi, step)) on objects: the general path for huge ranges.
static SpObject *compute_length_obj(SpObject *lo, SpObject *hi, SpObject *step) {
    SpObject *zero = sp_int_from_long(0);
    // Slow path: last = r[len - 1] and step -step as int objects, the count
    // carried over unchanged.
    SpObject *one = sp_int_from_long(1);
    SpObject *diff = NULL, *tmp = NULL, *result = NULL;
    if (zero == NULL || one == NULL) {
        goto done;
    }
    int step_pos = sp_object_richcompare_bool(step, zero, SP_GT);
    if (step_pos < 0) {
        goto done;
    }
    if (!step_pos) {
        // Negative step: len(range(hi, lo, -step)).
        SpObject *t = lo;
        lo = hi;
        hi = t;
        step = tmp = sp_number_negative(step);
        if (step == NULL) {
            goto done;
        }
    }
    int cmp = sp_object_richcompare_bool(lo, hi, SP_GE);
    if (cmp < 0) {
        goto done;
    }
    if (cmp) {
        result = sp_newref(zero);
        goto done;
    }
    // (hi - lo - 1) // step + 1
    diff = sp_number_subtract(hi, lo);
    if (diff == NULL) {
        goto done;
    }
    SP_SETREF(diff, sp_number_subtract(diff, one));
    if (diff == NULL) {
        goto done;
    }
    SP_SETREF(diff, sp_number_floor_divide(diff, step));
    if (diff == NULL) {
        goto done;
    }
    result = sp_number_add(diff, one);
done:
    SP_XDECREF(zero);
    SP_XDECREF(one);
    SP_XDECREF(diff);
    SP_XDECREF(tmp);
    return result;
}

// A range from three exact ints (references stolen), step != 0.
// When start, stop and step fit in a long, the length is computed in unsigned arithmetic (hi - lo
// cannot overflow there) and the range is marked fast if the length fits too; otherwise the length
// is computed on int objects, exactly.
static SpObject *make_range(SpTypeObject *type, SpObject *start, SpObject *stop,
                            SpObject *step) {
    RangeObject *r = NULL;
    int o1, o2, o3;
    long a = sp_int_as_long_and_overflow(start, &o1);
    long b = sp_int_as_long_and_overflow(stop, &o2);
    long c = sp_int_as_long_and_overflow(step, &o3);
    int fast = 0;
    unsigned long ulen = 0;
    if (!o1 && !o2 && !o3) {
        // Unsigned arithmetic: hi - lo cannot overflow there.
        // len = ceil((hi - lo) / step) = (hi - lo - 1) / step + 1 for a non-empty
        // range; an empty one (wrong direction) keeps ulen 0. Negating c as
        // unsigned is safe even for LONG_MIN.
        if (c > 0 && a < b) {
            ulen = ((unsigned long)b - (unsigned long)a - 1) / (unsigned long)c + 1;
        } else if (c < 0 && a > b) {
            ulen = ((unsigned long)a - (unsigned long)b - 1) / (0 - (unsigned long)c) + 1;
        }
        // range(-2**62, 2**62) has a length above LONG_MAX: it stays on the
        // int-object paths, and len() of it raises OverflowError as in CPython.
        fast = ulen <= (unsigned long)LONG_MAX;
    }
    SpObject *length;
    if (fast) {
        length = sp_int_from_long((long)ulen);
    } else {
        length = compute_length_obj(start, stop, step);
    }
    if (length == NULL) {
        goto fail;
    }
    r = (RangeObject *)sp_object_alloc(type, 0);
    if (r == NULL) {
        SP_DECREF(length);
        goto fail;
    }
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->length = length;
    r->fast = fast;
    // The long copies are meaningful only when fast is set; the fast paths test
    // r->fast before reading them.
    r->lstart = a;
    r->lstop = b;
    r->lstep = c;
    r->llength = (long)ulen;
    return (SpObject *)r;
fail:
    SP_DECREF(start);
    SP_DECREF(stop);
    SP_DECREF(step);
    return NULL;
}

// The C API: arguments through __index__, like range() itself.
SpObject *sp_range_new(SpObject *start, SpObject *stop, SpObject *step) {
    SpObject *a = sp_number_index(start);
    SpObject *b = a ? sp_number_index(stop) : NULL;
    SpObject *c = b ? sp_number_index(step) : NULL;
    if (c == NULL) {
        SP_XDECREF(a);
        SP_XDECREF(b);
        return NULL;
    }
    if (sp_int_sign(c) == 0) {
        SP_DECREF(a);
        SP_DECREF(b);
        SP_DECREF(c);
        sp_err_set_string(&SpExc_ValueError, "range() arg 3 must not be zero");
        return NULL;
    }
    return make_range(&SpRange_Type, a, b, c);
}

// range(stop) / range(start, stop[, step]) from an argument array.
static SpObject *range_from_array(SpTypeObject *type, SpObject *const *args, ssize_t n) {
    SpObject *start, *stop, *step;
    switch (n) {
    case 1:
        stop = sp_number_index(args[0]);
        if (stop == NULL) {
            return NULL;
        }
        start = sp_int_from_long(0);
        step = sp_int_from_long(1);
        return make_range(type, start, stop, step);
    case 2:
    case 3:
        start = sp_number_index(args[0]);
        if (start == NULL) {
            return NULL;
        }
        stop = sp_number_index(args[1]);
        if (stop == NULL) {
            SP_DECREF(start);
            return NULL;
        }
        step = n == 3 ? sp_number_index(args[2]) : sp_int_from_long(1);
        if (step == NULL) {
            SP_DECREF(start);
            SP_DECREF(stop);
            return NULL;
        }
        if (sp_int_sign(step) == 0) {
            SP_DECREF(start);
            SP_DECREF(stop);
            SP_DECREF(step);
            sp_err_set_string(&SpExc_ValueError, "range() arg 3 must not be zero");
            return NULL;
        }
        return make_range(type, start, stop, step);
    case 0:
        sp_err_set_string(&SpExc_TypeError, "range expected at least 1 argument, got 0");
        return NULL;
    default:
        return sp_err_format(&SpExc_TypeError, "range expected at most 3 arguments, got %zd", n);
    }
}

static SpObject *range_new(SpTypeObject *type, SpObject *args, SpObject *kwargs) {
    if (kwargs != NULL && SP_DICT_SIZE(kwargs) > 0) {
        sp_err_set_string(&SpExc_TypeError, "range() takes no keyword arguments");
        return NULL;
    }
    return range_from_array(type, ((SpTupleObject *)args)->ob_item, SP_TUPLE_SIZE(args));
}

// range(...) called directly: no argument tuple is built.
static SpObject *range_vectorcall(SpObject *type, SpObject *const *args, size_t nargsf,
                                  SpObject *kwnames) {
    if (kwnames != NULL && SP_TUPLE_SIZE(kwnames) > 0) {
        sp_err_set_string(&SpExc_TypeError, "range() takes no keyword arguments");
        return NULL;
    }
    return range_from_array((SpTypeObject *)type, args, SP_VECTORCALL_NARGS(nargsf));
}

// Ranges hold only ints: no GC header, no traverse.
static void range_dealloc(SpObject *op) {
    RangeObject *r = R(op);
    SP_DECREF(r->start);
    SP_DECREF(r->stop);
    SP_DECREF(r->step);
    SP_DECREF(r->length);
    sp_object_free(op);
}

// "range(0, 10)" or, with a step other than 1, "range(0, 10, 2)".
static SpObject *range_repr(SpObject *op) {
    RangeObject *r = R(op);
    int step_one = r->fast ? r->lstep == 1
                           : SP_SIZE(r->step) == 1 && ((SpIntObject *)r->step)->ob_digit[0] == 1;
    if (step_one) {
        return sp_str_from_format("range(%R, %R)", r->start, r->stop);
    }
    return sp_str_from_format("range(%R, %R, %R)", r->start, r->stop, r->step);
}

// len(r): OverflowError when the length does not fit in ssize_t.
static ssize_t range_length(SpObject *op) {
    RangeObject *r = R(op);
    if (r->fast) {
        return (ssize_t)r->llength;
    }
    return sp_int_as_ssize(r->length);
}

// bool(r): non-empty.
static int range_bool(SpObject *op) { return sp_int_sign(R(op)->length) != 0; }

// start + i * step for an index object i (general path).
static SpObject *compute_item_obj(RangeObject *r, SpObject *i) {
    SpObject *incr = sp_number_multiply(i, r->step);
    if (incr == NULL) {
        return NULL;
    }
    SpObject *res = sp_number_add(r->start, incr);
    SP_DECREF(incr);
    return res;
}

// r[i] for 0 <= i < len(r); fast ranges compute start + i * step in unsigned arithmetic (the result
// is in range, so it fits).
static SpObject *range_item(SpObject *op, ssize_t i) {
    RangeObject *r = R(op);
    if (r->fast) {
        if (i < 0 || i >= r->llength) {
            sp_err_set_string(&SpExc_IndexError, "range object index out of range");
            return NULL;
        }
        unsigned long v = (unsigned long)r->lstart + (unsigned long)i * (unsigned long)r->lstep;
        return sp_int_from_long((long)v);
    }
    SpObject *io = sp_int_from_ssize(i);
    if (io == NULL) {
        return NULL;
    }
    int ok = 0;
    if (i >= 0) {
        ok = sp_object_richcompare_bool(io, r->length, SP_LT);
    }
    if (ok <= 0) {
        SP_DECREF(io);
        if (ok == 0) {
            sp_err_set_string(&SpExc_IndexError, "range object index out of range");
        }
        return NULL;
    }
    SpObject *res = compute_item_obj(r, io);
    SP_DECREF(io);
    return res;
}

// r[i] with an arbitrary int index (possibly huge).
static SpObject *range_index_obj(RangeObject *r, SpObject *key) {
    SpObject *i = sp_number_index(key);
    if (i == NULL) {
        return NULL;
    }
    if (sp_int_sign(i) < 0) {
        SP_SETREF(i, sp_number_add(i, r->length));
        if (i == NULL) {
            return NULL;
        }
    }
    int ok = sp_int_sign(i) >= 0;
    if (ok) {
        ok = sp_object_richcompare_bool(i, r->length, SP_LT);
    }
    if (ok <= 0) {
        SP_DECREF(i);
        if (ok == 0) {
            sp_err_set_string(&SpExc_IndexError, "range object index out of range");
        }
        return NULL;
    }
    SpObject *res = compute_item_obj(r, i);
    SP_DECREF(i);
    return res;
}

// r[key]: ints (any size) and slices; a slice of a range is a range.
static SpObject *range_subscript(SpObject *op, SpObject *key) {
    RangeObject *r = R(op);
    if (SP_INT_CHECK_EXACT(key) && SP_INT_IS_COMPACT(key) && r->fast) {
        long i = sp_int_compact_value(key);
        if (i < 0) {
            i += r->llength;
        }
        return range_item(op, i);
    }
    if (sp_index_check(key)) {
        return range_index_obj(r, key);
    }
    if (SP_SLICE_CHECK(key)) {
        // r[i:j:k] = range(r[i], r[j], r.step * k), the bounds clamped to
        // len(r) exactly even when it exceeds ssize_t.
        SpObject *start, *stop, *step;
        if (sp_slice_get_long_indices(key, r->length, &start, &stop, &step) < 0) {
            return NULL;
        }
        SpObject *nstart = compute_item_obj(r, start);
        SpObject *nstop = nstart ? compute_item_obj(r, stop) : NULL;
        SpObject *nstep = nstop ? sp_number_multiply(r->step, step) : NULL;
        SP_DECREF(start);
        SP_DECREF(stop);
        SP_DECREF(step);
        if (nstep == NULL) {
            SP_XDECREF(nstart);
            SP_XDECREF(nstop);
            return NULL;
        }
        return make_range(&SpRange_Type, nstart, nstop, nstep);
    }
    return sp_err_format(&SpExc_TypeError, "range indices must be integers or slices, not %.200s",
                         sp_object_type_name(key));
}

// `ob in r` for an int: bounds, then divisibility. 1, 0, -1.
static int range_contains_long(RangeObject *r, SpObject *ob) {
    // An int that does not fit a long cannot lie in a fast range. Bools and int
    // subclasses take the object path, which gives the same answer.
    if (r->fast && SP_INT_CHECK_EXACT(ob)) {
        int overflow;
        long v = sp_int_as_long_and_overflow(ob, &overflow);
        if (overflow) {
            return 0;
        }
        if (r->lstep > 0 ? (v < r->lstart || v >= r->lstop) : (v > r->lstart || v <= r->lstop)) {
            return 0;
        }
        unsigned long diff = r->lstep > 0 ? (unsigned long)v - (unsigned long)r->lstart
                                          : (unsigned long)r->lstart - (unsigned long)v;
        unsigned long st = r->lstep > 0 ? (unsigned long)r->lstep : 0 - (unsigned long)r->lstep;
        // v is between start and stop here, so |v - start| fits in unsigned long.
        return diff % st == 0;
    }
    // General path, as CPython's range_contains_long: start <= ob < stop (or
    // the mirror for a negative step), then (ob - start) % step == 0.
    SpObject *zero = sp_int_from_long(0);
    if (zero == NULL) {
        return -1;
    }
    int result = -1, cmp1, cmp2;
    int step_pos = sp_object_richcompare_bool(r->step, zero, SP_GT);
    if (step_pos < 0) {
        goto done;
    }
    if (step_pos) {
        cmp1 = sp_object_richcompare_bool(r->start, ob, SP_LE);
        cmp2 = cmp1 > 0 ? sp_object_richcompare_bool(ob, r->stop, SP_LT) : 0;
    } else {
        cmp1 = sp_object_richcompare_bool(ob, r->start, SP_LE);
        cmp2 = cmp1 > 0 ? sp_object_richcompare_bool(r->stop, ob, SP_LT) : 0;
    }
    if (cmp1 < 0 || cmp2 < 0) {
        goto done;
    }
    if (!cmp1 || !cmp2) {
        result = 0;
        goto done;
    }
    SpObject *tmp1 = sp_number_subtract(ob, r->start);
    if (tmp1 == NULL) {
        goto done;
    }
    SpObject *tmp2 = sp_number_remainder(tmp1, r->step);
    SP_DECREF(tmp1);
    if (tmp2 == NULL) {
        goto done;
    }
    result = sp_object_richcompare_bool(tmp2, zero, SP_EQ);
    SP_DECREF(tmp2);
done:
    SP_DECREF(zero);
    return result;
}

// `x in r`: arithmetic for ints and bools; other objects (3.0, a class with __eq__) are compared
// item by item as CPython does.
static int range_contains(SpObject *op, SpObject *ob) {
    if (SP_INT_CHECK_EXACT(ob) || SP_BOOL_CHECK(ob)) {
        return range_contains_long(R(op), ob);
    }
    // Anything else: compare item by item.
    SpObject *it = sp_object_get_iter(op);
    if (it == NULL) {
        return -1;
    }
    SpObject *item;
    int found = 0;
    while ((item = sp_iter_next(it)) != NULL) {
        found = sp_object_richcompare_bool(item, ob, SP_EQ);
        SP_DECREF(item);
        if (found != 0) {
            break;
        }
    }
    SP_DECREF(it);
    if (found == 0 && sp_err_occurred()) {
        return -1;
    }
    return found;
}

// Ranges are equal when they describe the same sequence.
static int range_equals(RangeObject *r0, RangeObject *r1) {
    if (r0 == r1) {
        return 1;
    }
    int c = sp_object_richcompare_bool(r0->length, r1->length, SP_EQ);
    if (c != 1) {
        return c;
    }
    // All empty ranges are equal, whatever their arguments.
    if (sp_int_sign(r0->length) == 0) {
        return 1;
    }
    c = sp_object_richcompare_bool(r0->start, r1->start, SP_EQ);
    if (c != 1) {
        return c;
    }
    // One item: the step is irrelevant (range(0, 1, 5) == range(0, 1)).
    // The length is exact and non-negative, so one digit equal to 1 means 1.
    if (SP_SIZE(r0->length) == 1 && ((SpIntObject *)r0->length)->ob_digit[0] == 1) {
        return 1;
    }
    return sp_object_richcompare_bool(r0->step, r1->step, SP_EQ);
}

// Only == and != are defined; ranges compare as sequences, not by their arguments (range(0) ==
// range(2, 2)).
static SpObject *range_richcompare(SpObject *self, SpObject *other, int op) {
    if (!SP_IS_TYPE(other, &SpRange_Type) || (op != SP_EQ && op != SP_NE)) {
        SP_RETURN_NOTIMPLEMENTED;
    }
    int r = range_equals(R(self), R(other));
    if (r < 0) {
        return NULL;
    }
    return sp_bool_from_long(op == SP_NE ? !r : r);
}

// hash((len, start, step)) with start/step replaced by None where they do
// not matter, as CPython: equal ranges hash alike.
static SpHash range_hash(SpObject *op) {
    RangeObject *r = R(op);
    SpObject *t = sp_tuple_new(3);
    if (t == NULL) {
        return -1;
    }
    SP_TUPLE_SET_ITEM(t, 0, sp_newref(r->length));
    if (sp_int_sign(r->length) == 0) {
        SP_TUPLE_SET_ITEM(t, 1, sp_newref(sp_None));
        SP_TUPLE_SET_ITEM(t, 2, sp_newref(sp_None));
    } else {
        SP_TUPLE_SET_ITEM(t, 1, sp_newref(r->start));
        int one = SP_SIZE(r->length) == 1 && ((SpIntObject *)r->length)->ob_digit[0] == 1;
        SP_TUPLE_SET_ITEM(t, 2, sp_newref(one ? sp_None : r->step));
    }
    SpHash h = sp_object_hash(t);
    SP_DECREF(t);
    return h;
}

// r.count(x): 0 or 1 for ints, a scan otherwise.
static SpObject *range_count(SpObject *op, SpObject *ob) {
    if (SP_INT_CHECK_EXACT(ob) || SP_BOOL_CHECK(ob)) {
        int r = range_contains_long(R(op), ob);
        return r < 0 ? NULL : sp_int_from_long(r);
    }
    SpObject *it = sp_object_get_iter(op);
    if (it == NULL) {
        return NULL;
    }
    ssize_t count = 0;
    SpObject *item;
    while ((item = sp_iter_next(it)) != NULL) {
        int c = sp_object_richcompare_bool(item, ob, SP_EQ);
        SP_DECREF(item);
        if (c < 0) {
            SP_DECREF(it);
            return NULL;
        }
        count += c;
    }
    SP_DECREF(it);
    if (sp_err_occurred()) {
        return NULL;
    }
    return sp_int_from_ssize(count);
}

// r.index(x): arithmetic for ints ("7 is not in range"), a scan otherwise (with the generic
// sequence message).
static SpObject *range_index(SpObject *op, SpObject *ob) {
    RangeObject *r = R(op);
    if (SP_INT_CHECK_EXACT(ob) || SP_BOOL_CHECK(ob)) {
        int c = range_contains_long(r, ob);
        if (c < 0) {
            return NULL;
        }
        if (c) {
            SpObject *diff = sp_number_subtract(ob, r->start);
            if (diff == NULL) {
                return NULL;
            }
            SpObject *idx = sp_number_floor_divide(diff, r->step);
            SP_DECREF(diff);
            return idx;
        }
        return sp_err_format(&SpExc_ValueError, "%R is not in range", ob);
    }
    SpObject *it = sp_object_get_iter(op);
    if (it == NULL) {
        return NULL;
    }
    ssize_t i = 0;
    SpObject *item;
    while ((item = sp_iter_next(it)) != NULL) {
        int c = sp_object_richcompare_bool(item, ob, SP_EQ);
        SP_DECREF(item);
        if (c != 0) {
            SP_DECREF(it);
            return c < 0 ? NULL : sp_int_from_ssize(i);
        }
        i++;
    }
    SP_DECREF(it);
    if (sp_err_occurred()) {
        return NULL;
    }
    sp_err_set_string(&SpExc_ValueError, "sequence.index(x): x not in sequence");
    return NULL;
}

// The C layout is bigger than CPython's; report its 48 bytes.
static SpObject *range_sizeof(SpObject *op, SpObject *unused) { return sp_int_from_long(48); }

static SpObject *range_reduce(SpObject *op, SpObject *unused) {
    RangeObject *r = R(op);
    SpObject *args = sp_tuple_pack(3, r->start, r->stop, r->step);
    if (args == NULL) {
        return NULL;
    }
    SpObject *res = sp_tuple_pack(2, (SpObject *)&SpRange_Type, args);
    SP_DECREF(args);
    return res;
}

static SpObject *range_iter(SpObject *op);
static SpObject *range_reversed(SpObject *op, SpObject *unused);

static SpMethodDef range_methods[] = {
    {"__reversed__", SP_METH(range_reversed), SP_METH_NOARGS,
     "Return a reverse iterator."},
    {"__sizeof__", SP_METH(range_sizeof), SP_METH_NOARGS, NULL},
    {"__reduce__", SP_METH(range_reduce), SP_METH_NOARGS, NULL},
    {"count", SP_METH(range_count), SP_METH_O,
     "rangeobject.count(value) -> integer -- return number of occurrences of value"},
    {"index", SP_METH(range_index), SP_METH_O,
     "rangeobject.index(value) -> integer -- return index of value.\n"
     "Raise ValueError if the value is not present."},
    {NULL, NULL, 0, NULL},
};

static SpMemberDef range_members[] = {
    {"start", SP_T_OBJECT, offsetof(RangeObject, start), SP_READONLY, NULL},
    {"stop", SP_T_OBJECT, offsetof(RangeObject, stop), SP_READONLY, NULL},
    {"step", SP_T_OBJECT, offsetof(RangeObject, step), SP_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static SpNumberMethods range_as_number = {
    .nb_bool = range_bool,
};

static SpSequenceMethods range_as_sequence = {
    .sq_length = range_length,
    .sq_item = range_item,
    .sq_contains = range_contains,
};

static SpMappingMethods range_as_mapping = {
    .mp_length = range_length,
    .mp_subscript = range_subscript,
};

SpTypeObject SpRange_Type = {
    SP_TYPE_HEAD_INIT,
    .tp_name = "range",
    .tp_basicsize = sizeof(RangeObject),
    .tp_dealloc = range_dealloc,
    .tp_repr = range_repr,
    .tp_as_number = &range_as_number,
    .tp_as_sequence = &range_as_sequence,
    .tp_as_mapping = &range_as_mapping,
    .tp_hash = range_hash,
    .tp_getattro = sp_object_generic_getattr,
    .tp_doc = "range(stop) -> range object\n"
              "range(start, stop[, step]) -> range object\n\n"
              "Return an object that produces a sequence of integers from start (inclusive)\n"
              "to stop (exclusive) by step.  range(i, j) produces i, i+1, i+2, ..., j-1.\n"
              "start defaults to 0, and stop is omitted!  range(4) produces 0, 1, 2, 3.\n"
              "These are exactly the valid indices for a list of 4 elements.\n"
              "When step is given, it specifies the increment (or decrement).",
    .tp_richcompare = range_richcompare,
    .tp_iter = range_iter,
    .tp_methods = range_methods,
    .tp_members = range_members,
    .tp_new = range_new,
    .tp_free = sp_object_free,
    .tp_vectorcall = range_vectorcall,
};

// ---------------------------------------------------------------------------
// Iterators. The fast one counts with C longs: the hot loop of
// `for i in range(n)` is a compare, an add and sp_int_from_long.

typedef struct {
    SP_OBJECT_HEAD;
    long start;  // next value
    long step;
    long len;    // values left
    long unused; // CPython 3.11 also keeps an index: same sys.getsizeof
} RangeIterObject;

typedef struct {
    SP_OBJECT_HEAD;
    SpObject *start;  // next value
    SpObject *step;
    SpObject *len;    // values left
    SpObject *unused; // CPython 3.11's index: same sys.getsizeof
} LongRangeIterObject;

static SpObject *fast_range_iter(long start, long step, long len) {
    RangeIterObject *it = (RangeIterObject *)sp_object_alloc(&SpRangeIter_Type, 0);
    if (it == NULL) {
        return NULL;
    }
    it->start = start;
    it->step = step;
    it->len = len;
    return (SpObject *)it;
}

// Steals the three references.
static SpObject *long_range_iter(SpObject *start, SpObject *step, SpObject *len) {
    LongRangeIterObject *it = (LongRangeIterObject *)sp_object_alloc(&SpLongRangeIter_Type, 0);
    if (it == NULL) {
        SP_DECREF(start);
        SP_DECREF(step);
        SP_DECREF(len);
        return NULL;
    }
    it->start = start;
    it->step = step;
    it->len = len;
    return (SpObject *)it;
}

// A fast range gets the long-counting iterator, others the object one.
static SpObject *range_iter(SpObject *op) {
    RangeObject *r = R(op);
    if (r->fast) {
        return fast_range_iter(r->lstart, r->lstep, r->llength);
    }
    return long_range_iter(sp_newref(r->start), sp_newref(r->step), sp_newref(r->length));
}

// reversed(r): an iterator from the last item down by -step.
static SpObject *range_reversed(SpObject *op, SpObject *unused) {
    RangeObject *r = R(op);
    if (r->fast) {
        if (r->llength == 0) {
            return fast_range_iter(0, 1, 0);
        }
        // last = start + (len - 1) * step fits in a long (it lies in the range),
        // and so does -step unless step is LONG_MIN.
        long last = (long)((unsigned long)r->lstart +
                           (unsigned long)(r->llength - 1) * (unsigned long)r->lstep);
        if (r->lstep != LONG_MIN) {
            return fast_range_iter(last, -r->lstep, r->llength);
        }
    }
    SpObject *one = sp_int_from_long(1);
    SpObject *lm1 = one ? sp_number_subtract(r->length, one) : NULL;
    SP_XDECREF(one);
    if (lm1 == NULL) {
        return NULL;
    }
    SpObject *last = compute_item_obj(r, lm1);
    SP_DECREF(lm1);
    if (last == NULL) {
        return NULL;
    }
    SpObject *nstep = sp_number_negative(r->step);
    if (nstep == NULL) {
        SP_DECREF(last);
        return NULL;
    }
    return long_range_iter(last, nstep, sp_newref(r->length));
}

static SpObject *rangeiter_next(SpObject *op) {
    RangeIterObject *it = (RangeIterObject *)op;
    if (it->len > 0) {
        long result = it->start;
        // Unsigned add: after the last item start may step past LONG_MAX; the
        // wrapped value is never returned because len reaches 0 first.
        it->start = (long)((unsigned long)result + (unsigned long)it->step);
        it->len--;
        return sp_int_from_long(result);
    }
    return NULL;
}

static SpObject *rangeiter_length_hint(SpObject *op, SpObject *unused) {
    return sp_int_from_long(((RangeIterObject *)op)->len);
}

static void longrangeiter_dealloc(SpObject *op) {
    LongRangeIterObject *it = (LongRangeIterObject *)op;
    SP_DECREF(it->start);
    SP_DECREF(it->step);
    SP_DECREF(it->len);
    sp_object_free(op);
}

// The slow iterator for ranges beyond C longs: int objects all the way.
static SpObject *longrangeiter_next(SpObject *op) {
    LongRangeIterObject *it = (LongRangeIterObject *)op;
    if (sp_int_sign(it->len) <= 0) {
        return NULL;
    }
    SpObject *one = sp_int_from_long(1);
    if (one == NULL) {
        return NULL;
    }
    SpObject *newlen = sp_number_subtract(it->len, one);
    SP_DECREF(one);
    if (newlen == NULL) {
        return NULL;
    }
    SpObject *next = sp_number_add(it->start, it->step);
    if (next == NULL) {
        SP_DECREF(newlen);
        return NULL;
    }
    // Both new values are computed before any state changes, so an allocation
    // failure leaves the iterator where it was.
    SP_SETREF(it->len, newlen);
    // The reference held in it->start moves to the caller.
    SpObject *result = it->start;
    it->start = next;
    return result;
}

static SpObject *longrangeiter_length_hint(SpObject *op, SpObject *unused) {
    return sp_newref(((LongRangeIterObject *)op)->len);
}

static SpMethodDef rangeiter_methods[] = {
    {"__length_hint__", SP_METH(rangeiter_length_hint), SP_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

static SpMethodDef longrangeiter_methods[] = {
    {"__length_hint__", SP_METH(longrangeiter_length_hint), SP_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

SpTypeObject SpRangeIter_Type = {
    SP_TYPE_HEAD_INIT,
    .tp_name = "range_iterator",
    .tp_basicsize = sizeof(RangeIterObject),
    .tp_dealloc = sp_object_free,
    .tp_getattro = sp_object_generic_getattr,
    .tp_iter = sp_cont_self_iter,
    .tp_iternext = rangeiter_next,
    .tp_methods = rangeiter_methods,
    .tp_free = sp_object_free,
};

SpTypeObject SpLongRangeIter_Type = {
    SP_TYPE_HEAD_INIT,
    .tp_name = "longrange_iterator",
    .tp_basicsize = sizeof(LongRangeIterObject),
    .tp_dealloc = longrangeiter_dealloc,
    .tp_getattro = sp_object_generic_getattr,
    .tp_iter = sp_cont_self_iter,
    .tp_iternext = longrangeiter_next,
    .tp_methods = longrangeiter_methods,
    .tp_free = sp_object_free,
};
