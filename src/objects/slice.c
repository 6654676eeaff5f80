// smallpy: slice objects and the index arithmetic every sequence uses to
// apply them. Counterpart: CPython 3.11 Objects/sliceobject.c
// (PySlice_Unpack, PySlice_AdjustIndices, slice.indices).
#include <stdint.h>

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
#include "objects/tuple.h"
#include "objects/type.h"

// One dead slice is kept for reuse: a[i:j] in a loop allocates nothing.
#if SP_CFG_FREELISTS
static SpSliceObject *slice_cache;
#endif

// slice(start, stop, step): missing parts are stored as None, never NULL, so the attributes always
// read as objects.
SpObject *sp_slice_new(SpObject *start, SpObject *stop, SpObject *step) {
    SpSliceObject *s;
#if SP_CFG_FREELISTS
    if (slice_cache != NULL) {
        s = slice_cache;
        slice_cache = NULL;
        s->ob_base.ob_refcnt = 1;
    } else
#endif
    {
        s = (SpSliceObject *)sp_object_alloc(&SpSlice_Type, 0);
        if (s == NULL) {
            return NULL;
        }
    }
    s->start = sp_newref(start != NULL ? start : sp_None);
    s->stop = sp_newref(stop != NULL ? stop : sp_None);
    s->step = sp_newref(step != NULL ? step : sp_None);
    sp_gc_track((SpObject *)s);
    return (SpObject *)s;
}

// The one-slot cache: a[i:j] in a loop makes and drops one slice per iteration, and reuses the same
// memory each time.
static void slice_dealloc(SpObject *op) {
    SpSliceObject *s = (SpSliceObject *)op;
    sp_gc_untrack(op);
    SP_DECREF(s->start);
    SP_DECREF(s->stop);
    SP_DECREF(s->step);
#if SP_CFG_FREELISTS
    if (slice_cache == NULL) {
        slice_cache = s;
        return;
    }
#endif
    sp_object_free(op);
}

// Slices may hold any objects (slice([], {})), so they take part in GC.
static int slice_traverse(SpObject *op, SpVisitProc visit, void *arg) {
    SpSliceObject *s = (SpSliceObject *)op;
    int r = visit(s->start, arg);
    if (r == 0) {
        r = visit(s->stop, arg);
    }
    if (r == 0) {
        r = visit(s->step, arg);
    }
    return r;
}

// A slice bound as ssize_t: None leaves *x unchanged; ints are clamped to
// the ssize_t range (as CPython's _PyEval_SliceIndex). 0 or -1.
static int slice_index(SpObject *v, ssize_t *x) {
    if (v == sp_None) {
        return 0;
    }
    if (SP_INT_CHECK_EXACT(v) && SP_INT_IS_COMPACT(v)) {
        *x = sp_int_compact_value(v);
        return 0;
    }
    if (!sp_index_check(v)) {
        sp_err_set_string(&SpExc_TypeError,
                          "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    ssize_t r = sp_number_as_ssize(v, NULL);
    if (r == -1 && sp_err_occurred()) {
        return -1;
    }
    *x = r;
    return 0;
}

// PySlice_Unpack: the three parts as ssize_t, clamped (not checked) to the ssize_t range, defaults
// filled in according to the step's sign. The step is clamped to -SSIZE_MAX so that -step is
// representable.
int sp_slice_unpack(SpObject *slice, ssize_t *start, ssize_t *stop, ssize_t *step) {
    SpSliceObject *s = (SpSliceObject *)slice;
    if (s->step == sp_None) {
        *step = 1;
    } else {
        if (slice_index(s->step, step) < 0) {
            return -1;
        }
        if (*step == 0) {
            sp_err_set_string(&SpExc_ValueError, "slice step cannot be zero");
            return -1;
        }
        // -step must not overflow when the step is negated later.
        if (*step < -SSIZE_MAX) {
            *step = -SSIZE_MAX;
        }
    }
    // Defaults that sp_slice_adjust_indices then clamps: a missing start is the
    // far end the step walks away from, a missing stop is "past the other end"
    // (-SSIZE_MAX - 1 lands on -1 after clamping, i.e. before item 0).
    *start = *step < 0 ? SSIZE_MAX : 0;
    if (slice_index(s->start, start) < 0) {
        return -1;
    }
    *stop = *step < 0 ? (-SSIZE_MAX - 1) : SSIZE_MAX;
    if (slice_index(s->stop, stop) < 0) {
        return -1;
    }
    return 0;
}

// PySlice_AdjustIndices: clamp unpacked bounds into the sequence (negative bounds count from the
// end) and count the items the slice selects.
ssize_t sp_slice_adjust_indices(ssize_t length, ssize_t *start, ssize_t *stop, ssize_t step) {
    // After clamping, start and stop lie in [0, length] for a positive step
    // and in [-1, length - 1] for a negative one (-1 meaning "before item 0").
    if (*start < 0) {
        *start += length;
        if (*start < 0) {
            *start = step < 0 ? -1 : 0;
        }
    } else if (*start >= length) {
        *start = step < 0 ? length - 1 : length;
    }
    if (*stop < 0) {
        *stop += length;
        if (*stop < 0) {
            *stop = step < 0 ? -1 : 0;
        }
    } else if (*stop >= length) {
        *stop = step < 0 ? length - 1 : length;
    }
    // ceil(span / |step|) written as (span - 1) / |step| + 1: no overflow since
    // both bounds are within the sequence now.
    if (step < 0) {
        if (*stop < *start) {
            return (*start - *stop - 1) / (-step) + 1;
        }
    } else if (*start < *stop) {
        return (*stop - *start - 1) / step + 1;
    }
    return 0;
}

// "slice(1, 2, None)": all three parts, always.
static SpObject *slice_repr(SpObject *op) {
    SpSliceObject *s = (SpSliceObject *)op;
    return sp_str_from_format("slice(%R, %R, %R)", s->start, s->stop, s->step);
}

// Slices compare as the tuples (start, stop, step).
static SpObject *slice_richcompare(SpObject *v, SpObject *w, int op) {
    if (!SP_SLICE_CHECK(v) || !SP_SLICE_CHECK(w)) {
        SP_RETURN_NOTIMPLEMENTED;
    }
    // Identity answers at once, without building two tuples (the tuples
    // would agree: their item comparison also trusts identity).
    if (v == w) {
        switch (op) {
        case SP_EQ:
        case SP_LE:
        case SP_GE:
            SP_RETURN_TRUE;
        case SP_NE:
        case SP_LT:
        case SP_GT:
            SP_RETURN_FALSE;
        }
    }
    SpSliceObject *a = (SpSliceObject *)v, *b = (SpSliceObject *)w;
    SpObject *t1 = sp_tuple_pack(3, a->start, a->stop, a->step);
    if (t1 == NULL) {
        return NULL;
    }
    SpObject *t2 = sp_tuple_pack(3, b->start, b->stop, b->step);
    if (t2 == NULL) {
        SP_DECREF(t1);
        return NULL;
    }
    SpObject *res = sp_object_richcompare(t1, t2, op);
    SP_DECREF(t1);
    SP_DECREF(t2);
    return res;
}

// A slice bound as an int object: through __index__, with the slice message.
static SpObject *long_index(SpObject *v) {
    if (!sp_index_check(v)) {
        sp_err_set_string(&SpExc_TypeError,
                          "slice indices must be integers or None or have an __index__ method");
        return NULL;
    }
    return sp_number_index(v);
}

// Clamp an int bound into [lower, upper] the way slices do: negative
// values count from the end first. Steals v; new reference or NULL.
static SpObject *clamp_bound(SpObject *v, SpObject *length, SpObject *lower, SpObject *upper) {
    if (sp_int_sign(v) < 0) {
        SP_SETREF(v, sp_number_add(v, length));
        if (v == NULL) {
            return NULL;
        }
        int lt = sp_object_richcompare_bool(v, lower, SP_LT);
        if (lt != 0) {
            SP_DECREF(v);
            return lt < 0 ? NULL : sp_newref(lower);
        }
        return v;
    }
    int gt = sp_object_richcompare_bool(v, upper, SP_GT);
    if (gt != 0) {
        SP_DECREF(v);
        return gt < 0 ? NULL : sp_newref(upper);
    }
    return v;
}

int sp_slice_get_long_indices(SpObject *slice, SpObject *length, SpObject **start_out,
                              SpObject **stop_out, SpObject **step_out) {
    SpSliceObject *s = (SpSliceObject *)slice;
    SpObject *step = NULL, *lower = NULL, *upper = NULL, *start = NULL, *stop = NULL;
    int neg;
    if (s->step == sp_None) {
        step = sp_int_from_long(1);
        if (step == NULL) {
            goto fail;
        }
        neg = 0;
    } else {
        step = long_index(s->step);
        if (step == NULL) {
            goto fail;
        }
        if (sp_int_sign(step) == 0) {
            sp_err_set_string(&SpExc_ValueError, "slice step cannot be zero");
            goto fail;
        }
        neg = sp_int_sign(step) < 0;
    }
    // Bounds: [0, length] for positive steps, [-1, length - 1] for negative.
    if (neg) {
        lower = sp_int_from_long(-1);
        upper = lower ? sp_number_add(length, lower) : NULL;
    } else {
        lower = sp_int_from_long(0);
        upper = sp_newref(length);
    }
    if (lower == NULL || upper == NULL) {
        goto fail;
    }
    if (s->start == sp_None) {
        start = sp_newref(neg ? upper : lower);
    } else {
        start = long_index(s->start);
        start = start ? clamp_bound(start, length, lower, upper) : NULL;
        if (start == NULL) {
            goto fail;
        }
    }
    if (s->stop == sp_None) {
        stop = sp_newref(neg ? lower : upper);
    } else {
        stop = long_index(s->stop);
        stop = stop ? clamp_bound(stop, length, lower, upper) : NULL;
        if (stop == NULL) {
            goto fail;
        }
    }
    SP_DECREF(lower);
    SP_DECREF(upper);
    *start_out = start;
    *stop_out = stop;
    *step_out = step;
    return 0;
fail:
    SP_XDECREF(step);
    SP_XDECREF(lower);
    SP_XDECREF(upper);
    SP_XDECREF(start);
    SP_XDECREF(stop);
    return -1;
}

// slice.indices(length): (start, stop, step) adjusted to a sequence of that
// length, exact for any int length (CPython's _PySlice_GetLongIndices).
static SpObject *slice_indices(SpObject *self, SpObject *len_obj) {
    SpObject *n = sp_number_index(len_obj);
    if (n == NULL) {
        return NULL;
    }
    if (sp_int_sign(n) < 0) {
        SP_DECREF(n);
        sp_err_set_string(&SpExc_ValueError, "length should not be negative");
        return NULL;
    }
    SpObject *start, *stop, *step;
    int r = sp_slice_get_long_indices(self, n, &start, &stop, &step);
    SP_DECREF(n);
    if (r < 0) {
        return NULL;
    }
    SpObject *res = sp_tuple_pack(3, start, stop, step);
    SP_DECREF(start);
    SP_DECREF(stop);
    SP_DECREF(step);
    return res;
}

// Pickle support: slice(start, stop, step).
static SpObject *slice_reduce(SpObject *self, SpObject *unused) {
    SpSliceObject *s = (SpSliceObject *)self;
    SpObject *args = sp_tuple_pack(3, s->start, s->stop, s->step);
    if (args == NULL) {
        return NULL;
    }
    SpObject *res = sp_tuple_pack(2, (SpObject *)&SpSlice_Type, args);
    SP_DECREF(args);
    return res;
}

// slice(stop) or slice(start, stop[, step]); positional only.
static SpObject *slice_new(SpTypeObject *type, SpObject *args, SpObject *kwargs) {
    if (kwargs != NULL && SP_DICT_SIZE(kwargs) > 0) {
        sp_err_set_string(&SpExc_TypeError, "slice() takes no keyword arguments");
        return NULL;
    }
    ssize_t n = SP_TUPLE_SIZE(args);
    if (n == 0) {
        sp_err_set_string(&SpExc_TypeError, "slice expected at least 1 argument, got 0");
        return NULL;
    }
    if (n > 3) {
        return sp_err_format(&SpExc_TypeError, "slice expected at most 3 arguments, got %zd", n);
    }
    if (n == 1) {
        return sp_slice_new(NULL, SP_TUPLE_GET_ITEM(args, 0), NULL);
    }
    return sp_slice_new(SP_TUPLE_GET_ITEM(args, 0), SP_TUPLE_GET_ITEM(args, 1),
                        n == 3 ? SP_TUPLE_GET_ITEM(args, 2) : NULL);
}

static SpMemberDef slice_members[] = {
    {"start", SP_T_OBJECT, offsetof(SpSliceObject, start), SP_READONLY, NULL},
    {"stop", SP_T_OBJECT, offsetof(SpSliceObject, stop), SP_READONLY, NULL},
    {"step", SP_T_OBJECT, offsetof(SpSliceObject, step), SP_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static SpMethodDef slice_methods[] = {
    {"indices", SP_METH(slice_indices), SP_METH_O,
     "S.indices(len) -> (start, stop, stride)\n\n"
     "Assuming a sequence of length len, calculate the start and stop\n"
     "indices, and the stride length of the extended slice described by\n"
     "S. Out of bounds indices are clipped in a manner consistent with the\n"
     "handling of normal slices."},
    {"__reduce__", SP_METH(slice_reduce), SP_METH_NOARGS, "Return state information for pickling."},
    {NULL, NULL, 0, NULL},
};

SpTypeObject SpSlice_Type = {
    SP_TYPE_HEAD_INIT,
    .tp_name = "slice",
    .tp_basicsize = sizeof(SpSliceObject),
    .tp_dealloc = slice_dealloc,
    .tp_repr = slice_repr,
    .tp_hash = sp_object_hash_not_implemented,
    .tp_getattro = sp_object_generic_getattr,
    .tp_flags = SP_TPFLAGS_HAVE_GC,
    .tp_doc = "slice(stop)\nslice(start, stop[, step])\n\n"
              "Create a slice object.  This is used for extended slicing (e.g. a[0:10:2]).",
    .tp_traverse = slice_traverse,
    .tp_richcompare = slice_richcompare,
    .tp_methods = slice_methods,
    .tp_members = slice_members,
    .tp_new = slice_new,
    .tp_free = sp_object_free,
};
