// smallpy: the bridge between special method names and C slots, both ways.
// Built-in types get slot wrappers (`int.__add__` calls int's nb_add); classes
// get generic slot functions (a class's nb_add calls its __add__ / __radd__).
// One table (slotdefs) drives both, as in CPython. Counterpart: CPython 3.11
// Objects/typeobject.c (slotdefs, wrap_*, slot_*, update_one_slot).
#define SP_TYPE_INTERNAL
#include <stdint.h>
#include <string.h>

#include "core/abstract.h"
#include "core/err.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/func.h"
#include "objects/int.h"
#include "objects/none.h"
#include "objects/range.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "objects/type_internal.h"

// ===========================================================================
// Calling special methods found on the type

// Call `descr` (found on type(self)) bound to self: an unbound function or
// method descriptor gets self prepended; anything else is bound through
// __get__ first. New reference or NULL.
static SpObject *call_unbound(SpObject *descr, SpObject *self, SpObject *const *args,
                              ssize_t nargs) {
    if (sp_type_has_flag(SP_TYPE(descr), SP_TPFLAGS_METHOD_DESCRIPTOR)) {
        SpObject *small[8];
        if (nargs + 1 <= 8) {
            small[0] = self;
            for (ssize_t i = 0; i < nargs; i++) {
                small[i + 1] = args[i];
            }
            return sp_vectorcall(descr, small, (size_t)nargs + 1, NULL);
        }
    }
    SpObject *bound;
    if (SP_TYPE(descr)->tp_descr_get != NULL) {
        bound = SP_TYPE(descr)->tp_descr_get(descr, self, (SpObject *)SP_TYPE(self));
        if (bound == NULL) {
            return NULL;
        }
    } else {
        bound = sp_newref(descr);
    }
    SpObject *res = sp_vectorcall(bound, args, (size_t)nargs, NULL);
    SP_DECREF(bound);
    return res;
}

// self.name(*args) looked up on the type; AttributeError naming the type
// when missing (the generic slots are only installed when the name exists,
// but it may have been deleted since).
static SpObject *call_method(SpObject *self, SpObject *name, SpObject *const *args,
                             ssize_t nargs) {
    SpObject *descr = sp_type_lookup_borrow(SP_TYPE(self), name);
    if (descr == NULL) {
        return sp_err_format(&SpExc_AttributeError, "%U", name);
    }
    SP_INCREF(descr);
    SpObject *res = call_unbound(descr, self, args, nargs);
    SP_DECREF(descr);
    return res;
}

// As call_method, but a missing method means NotImplemented (binary
// operators).
static SpObject *call_maybe(SpObject *self, SpObject *name, SpObject *const *args,
                            ssize_t nargs) {
    SpObject *descr = sp_type_lookup_borrow(SP_TYPE(self), name);
    if (descr == NULL) {
        SP_RETURN_NOTIMPLEMENTED;
    }
    SP_INCREF(descr);
    SpObject *res = call_unbound(descr, self, args, nargs);
    SP_DECREF(descr);
    return res;
}

// ===========================================================================
// Generic slots of classes (slot_*): each calls the special method

#define UNARY_SLOT(FUNC, NAME)                                    \
    static SpObject *FUNC(SpObject *self) {                       \
        return call_method(self, sp_id(NAME), NULL, 0);           \
    }

UNARY_SLOT(slot_tp_repr, __repr__)
UNARY_SLOT(slot_tp_str, __str__)
UNARY_SLOT(slot_nb_negative, __neg__)
UNARY_SLOT(slot_nb_positive, __pos__)
UNARY_SLOT(slot_nb_absolute, __abs__)
UNARY_SLOT(slot_nb_invert, __invert__)
UNARY_SLOT(slot_nb_int, __int__)
UNARY_SLOT(slot_nb_float, __float__)
UNARY_SLOT(slot_nb_index, __index__)

// The binary operators (CPython's SLOT1BINFULL). The same C function serves
// as the slot of both operands' types: when called, self may be the left or
// the right operand. If the right operand's class is a subclass that
// overrides the reflected method, that goes first.
static SpObject *binary_slot(SpObject *self, SpObject *other, size_t off, void *me,
                             SpObject *name, SpObject *rname) {
    SpTypeObject *ts = SP_TYPE(self), *to = SP_TYPE(other);
#define NB_SLOT_OF(t) \
    ((t)->tp_as_number != NULL ? *(void **)((char *)(t)->tp_as_number + off) : NULL)
    // A slot "is ours" when it holds this very dispatcher: only then does that
    // operand's class define the Python-level method (a built-in right operand
    // is handled by sp_number_* calling its own slot).
    int do_other = ts != to && NB_SLOT_OF(to) == me;
    if (NB_SLOT_OF(ts) == me) {
        // The subclass rule of the data model: class B(A) overriding __radd__
        // gets a + b first. Only an override counts (a different descriptor found
        // on the subclass), as in CPython's method_is_overloaded test.
        if (do_other && sp_type_is_subtype(to, ts) &&
            sp_type_lookup_borrow(to, rname) != sp_type_lookup_borrow(ts, rname)) {
            SpObject *r = call_maybe(other, rname, &self, 1);
            if (r != sp_NotImplemented) {
                return r;
            }
            SP_DECREF(r);
            do_other = 0;
        }
        SpObject *r = call_maybe(self, name, &other, 1);
        // Same class on both sides: no reflected call (a + a never tries __radd__).
        if (r != sp_NotImplemented || to == ts) {
            return r;
        }
        SP_DECREF(r);
    }
#undef NB_SLOT_OF
    if (do_other) {
        return call_maybe(other, rname, &self, 1);
    }
    SP_RETURN_NOTIMPLEMENTED;
}

#define BINARY_SLOT(FUNC, SLOT, NAME, RNAME)                                                  \
    static SpObject *FUNC(SpObject *self, SpObject *other) {                                 \
        return binary_slot(self, other, offsetof(SpNumberMethods, SLOT), (void *)FUNC,       \
                           sp_id(NAME), sp_id(RNAME));                                       \
    }

BINARY_SLOT(slot_nb_add, nb_add, __add__, __radd__)
BINARY_SLOT(slot_nb_subtract, nb_subtract, __sub__, __rsub__)
BINARY_SLOT(slot_nb_multiply, nb_multiply, __mul__, __rmul__)
BINARY_SLOT(slot_nb_remainder, nb_remainder, __mod__, __rmod__)
BINARY_SLOT(slot_nb_divmod, nb_divmod, __divmod__, __rdivmod__)
BINARY_SLOT(slot_nb_lshift, nb_lshift, __lshift__, __rlshift__)
BINARY_SLOT(slot_nb_rshift, nb_rshift, __rshift__, __rrshift__)
BINARY_SLOT(slot_nb_and, nb_and, __and__, __rand__)
BINARY_SLOT(slot_nb_xor, nb_xor, __xor__, __rxor__)
BINARY_SLOT(slot_nb_or, nb_or, __or__, __ror__)
BINARY_SLOT(slot_nb_floor_divide, nb_floor_divide, __floordiv__, __rfloordiv__)
BINARY_SLOT(slot_nb_true_divide, nb_true_divide, __truediv__, __rtruediv__)
BINARY_SLOT(slot_nb_matrix_multiply, nb_matrix_multiply, __matmul__, __rmatmul__)

// Two-argument pow uses the binary dispatch (written out, since the slot is
// ternary); three-argument pow only calls the left operand's __pow__ (no
// reflected form exists).
static SpObject *slot_nb_power(SpObject *self, SpObject *other, SpObject *mod) {
    if (mod == NULL || mod == sp_None) {
        SpTypeObject *ts = SP_TYPE(self), *to = SP_TYPE(other);
        int self_is = ts->tp_as_number != NULL && ts->tp_as_number->nb_power == slot_nb_power;
        int other_is = to->tp_as_number != NULL && to->tp_as_number->nb_power == slot_nb_power;
        int do_other = ts != to && other_is;
        if (self_is) {
            if (do_other && sp_type_is_subtype(to, ts) &&
                sp_type_lookup_borrow(to, sp_id(__rpow__)) !=
                    sp_type_lookup_borrow(ts, sp_id(__rpow__))) {
                SpObject *r = call_maybe(other, sp_id(__rpow__), &self, 1);
                if (r != sp_NotImplemented) {
                    return r;
                }
                SP_DECREF(r);
                do_other = 0;
            }
            SpObject *r = call_maybe(self, sp_id(__pow__), &other, 1);
            if (r != sp_NotImplemented || to == ts) {
                return r;
            }
            SP_DECREF(r);
        }
        if (do_other) {
            return call_maybe(other, sp_id(__rpow__), &self, 1);
        }
        SP_RETURN_NOTIMPLEMENTED;
    }
    SpTypeObject *ts = SP_TYPE(self);
    if (ts->tp_as_number != NULL && ts->tp_as_number->nb_power == slot_nb_power) {
        SpObject *args[2] = {other, mod};
        return call_maybe(self, sp_id(__pow__), args, 2);
    }
    SP_RETURN_NOTIMPLEMENTED;
}

#define INPLACE_SLOT(FUNC, NAME)                                  \
    static SpObject *FUNC(SpObject *self, SpObject *other) {      \
        return call_method(self, sp_id(NAME), &other, 1);         \
    }

INPLACE_SLOT(slot_nb_inplace_add, __iadd__)
INPLACE_SLOT(slot_nb_inplace_subtract, __isub__)
INPLACE_SLOT(slot_nb_inplace_multiply, __imul__)
INPLACE_SLOT(slot_nb_inplace_remainder, __imod__)
INPLACE_SLOT(slot_nb_inplace_lshift, __ilshift__)
INPLACE_SLOT(slot_nb_inplace_rshift, __irshift__)
INPLACE_SLOT(slot_nb_inplace_and, __iand__)
INPLACE_SLOT(slot_nb_inplace_xor, __ixor__)
INPLACE_SLOT(slot_nb_inplace_or, __ior__)
INPLACE_SLOT(slot_nb_inplace_floor_divide, __ifloordiv__)
INPLACE_SLOT(slot_nb_inplace_true_divide, __itruediv__)
INPLACE_SLOT(slot_nb_inplace_matrix_multiply, __imatmul__)

// x **= y: __ipow__ gets no modulus (CPython passes only the operand).
static SpObject *slot_nb_inplace_power(SpObject *self, SpObject *other, SpObject *mod) {
    return call_method(self, sp_id(__ipow__), &other, 1);
}

// bool(x): __bool__ must return exactly True or False.
static int slot_nb_bool(SpObject *self) {
    SpObject *res = call_method(self, sp_id(__bool__), NULL, 0);
    if (res == NULL) {
        return -1;
    }
    if (!SP_BOOL_CHECK(res)) {
        sp_err_format(&SpExc_TypeError, "__bool__ should return bool, returned %.200s",
                      SP_TYPE(res)->tp_name);
        SP_DECREF(res);
        return -1;
    }
    int t = res == sp_True;
    SP_DECREF(res);
    return t;
}

// len(x): __len__ must return a non-negative int that fits in ssize_t.
static ssize_t slot_len(SpObject *self) {
    SpObject *res = call_method(self, sp_id(__len__), NULL, 0);
    if (res == NULL) {
        return -1;
    }
    ssize_t n = sp_number_as_ssize(res, &SpExc_OverflowError);
    SP_DECREF(res);
    if (n < 0) {
        if (!sp_err_occurred()) {
            sp_err_set_string(&SpExc_ValueError, "__len__() should return >= 0");
        }
        return -1;
    }
    return n;
}
#define slot_sq_length slot_len
#define slot_mp_length slot_len

// sq_item for C code that indexes sequences by number.
static SpObject *slot_sq_item(SpObject *self, ssize_t i) {
    SpObject *idx = sp_int_from_ssize(i);
    if (idx == NULL) {
        return NULL;
    }
    SpObject *res = call_method(self, sp_id(__getitem__), &idx, 1);
    SP_DECREF(idx);
    return res;
}

// x in self: __contains__ (truth of its result); __contains__ = None
// forbids `in`.
static int slot_sq_contains(SpObject *self, SpObject *value) {
    SpObject *descr = sp_type_lookup_borrow(SP_TYPE(self), sp_id(__contains__));
    if (descr == sp_None) {
        sp_err_format(&SpExc_TypeError, "'%.200s' object is not a container",
                      SP_TYPE(self)->tp_name);
        return -1;
    }
    if (descr == NULL) {
        // Deleted since the slot was installed: iterate, as `in` would.
        SpObject *it = sp_object_get_iter(self);
        if (it == NULL) {
            return -1;
        }
        SpObject *item;
        int found = 0;
        while (!found && (item = sp_iter_next(it)) != NULL) {
            found = sp_object_richcompare_bool(item, value, SP_EQ);
            SP_DECREF(item);
        }
        SP_DECREF(it);
        return found < 0 || sp_err_occurred() ? -1 : found;
    }
    SP_INCREF(descr);
    SpObject *res = call_unbound(descr, self, &value, 1);
    SP_DECREF(descr);
    if (res == NULL) {
        return -1;
    }
    int t = sp_object_is_true(res);
    SP_DECREF(res);
    return t;
}

// self[key].
static SpObject *slot_mp_subscript(SpObject *self, SpObject *key) {
    return call_method(self, sp_id(__getitem__), &key, 1);
}

// self[key] = value, del self[key] (value NULL).
static int slot_mp_ass_subscript(SpObject *self, SpObject *key, SpObject *value) {
    SpObject *res;
    if (value == NULL) {
        res = call_method(self, sp_id(__delitem__), &key, 1);
    } else {
        SpObject *args[2] = {key, value};
        res = call_method(self, sp_id(__setitem__), args, 2);
    }
    if (res == NULL) {
        return -1;
    }
    SP_DECREF(res);
    return 0;
}

// hash(x) through __hash__, which must return an int.
static SpHash slot_tp_hash(SpObject *self) {
    SpObject *descr = sp_type_lookup_borrow(SP_TYPE(self), sp_id(__hash__));
    if (descr == NULL || descr == sp_None) {
        return sp_object_hash_not_implemented(self);
    }
    SP_INCREF(descr);
    SpObject *res = call_unbound(descr, self, NULL, 0);
    SP_DECREF(descr);
    if (res == NULL) {
        return -1;
    }
    if (!SP_INT_CHECK(res)) {
        sp_err_set_string(&SpExc_TypeError, "__hash__ method should return an integer");
        SP_DECREF(res);
        return -1;
    }
    // A huge int is reduced the way hash() reduces ints, so hash(x) of a
    // class returning 2**100 equals hash(2**100).
    int overflow;
    long v = sp_int_as_long_and_overflow(res, &overflow);
    SpHash h = overflow ? sp_int_hash(res) : (SpHash)v;
    SP_DECREF(res);
    return h == -1 ? -2 : h;
}

// x(...) through __call__.
static SpObject *slot_tp_call(SpObject *self, SpObject *args, SpObject *kwargs) {
    SpObject *descr = sp_type_lookup_borrow(SP_TYPE(self), sp_id(__call__));
    if (descr == NULL) {
        return sp_err_format(&SpExc_TypeError, "'%.200s' object is not callable",
                             SP_TYPE(self)->tp_name);
    }
    SP_INCREF(descr);
    SpObject *bound;
    if (SP_TYPE(descr)->tp_descr_get != NULL) {
        bound = SP_TYPE(descr)->tp_descr_get(descr, self, (SpObject *)SP_TYPE(self));
    } else {
        bound = sp_newref(descr);
    }
    SP_DECREF(descr);
    if (bound == NULL) {
        return NULL;
    }
    SpObject *res = sp_call(bound, args, kwargs);
    SP_DECREF(bound);
    return res;
}

// tp_getattro of classes defining __getattribute__ or __getattr__: the
// former (or the generic lookup), then __getattr__ on AttributeError.
SpObject *sp_slot_tp_getattr_hook(SpObject *self, SpObject *name) {
    SpTypeObject *t = SP_TYPE(self);
    SpObject *getattr = sp_type_lookup_borrow(t, sp_id(__getattr__));
    SpObject *getattribute = sp_type_lookup_borrow(t, sp_id(__getattribute__));
    SpObject *res;
    SP_XINCREF(getattr);
    if (getattribute == NULL ||
        (SP_TYPE(getattribute) == &SpWrapperDescr_Type &&
         ((SpWrapperDescrObject *)getattribute)->d_wrapped == (void *)sp_object_generic_getattr)) {
        res = sp_object_generic_getattr(self, name);
    } else {
        SP_INCREF(getattribute);
        res = call_unbound(getattribute, self, &name, 1);
        SP_DECREF(getattribute);
    }
    if (res == NULL && getattr != NULL && sp_err_matches_type(&SpExc_AttributeError)) {
        sp_err_clear();
        res = call_unbound(getattr, self, &name, 1);
    }
    SP_XDECREF(getattr);
    return res;
}

// setattr / delattr (value NULL) through __setattr__ / __delattr__.
static int slot_tp_setattro(SpObject *self, SpObject *name, SpObject *value) {
    SpObject *res;
    if (value == NULL) {
        res = call_method(self, sp_id(__delattr__), &name, 1);
    } else {
        SpObject *args[2] = {name, value};
        res = call_method(self, sp_id(__setattr__), args, 2);
    }
    if (res == NULL) {
        return -1;
    }
    SP_DECREF(res);
    return 0;
}

// The special method name of a comparison operator.
static SpObject *richcmp_name(int op) {
    switch (op) {
    case SP_LT: return sp_id(__lt__);
    case SP_LE: return sp_id(__le__);
    case SP_EQ: return sp_id(__eq__);
    case SP_NE: return sp_id(__ne__);
    case SP_GT: return sp_id(__gt__);
    default: return sp_id(__ge__);
    }
}

// Comparisons: the method for op on self's class, or NotImplemented so
// sp_object_richcompare tries the reflected one.
static SpObject *slot_tp_richcompare(SpObject *self, SpObject *other, int op) {
    return call_maybe(self, richcmp_name(op), &other, 1);
}

// iter(x) through __iter__; __iter__ = None means not iterable.
static SpObject *slot_tp_iter(SpObject *self) {
    SpObject *descr = sp_type_lookup_borrow(SP_TYPE(self), sp_id(__iter__));
    if (descr == sp_None) {
        return sp_err_format(&SpExc_TypeError, "'%.200s' object is not iterable",
                             SP_TYPE(self)->tp_name);
    }
    if (descr == NULL) {
        // Deleted later: the old __getitem__ protocol, if available.
        if (sp_type_lookup_borrow(SP_TYPE(self), sp_id(__getitem__)) != NULL) {
            return sp_seqiter_new(self);
        }
        return sp_err_format(&SpExc_TypeError, "'%.200s' object is not iterable",
                             SP_TYPE(self)->tp_name);
    }
    SP_INCREF(descr);
    SpObject *res = call_unbound(descr, self, NULL, 0);
    SP_DECREF(descr);
    return res;
}

// tp_iternext: a StopIteration from __next__ becomes "exhausted" (NULL with
// no exception), the iterator protocol of the C side.
static SpObject *slot_tp_iternext(SpObject *self) {
    SpObject *res = call_method(self, sp_id(__next__), NULL, 0);
    if (res == NULL && sp_err_matches_type(&SpExc_StopIteration)) {
        sp_err_clear();
    }
    return res;
}

// A class whose instances are descriptors: __get__(obj, type), with None
// for a missing obj (access on the owner class).
static SpObject *slot_tp_descr_get(SpObject *self, SpObject *obj, SpObject *type) {
    SpObject *get = sp_type_lookup_borrow(SP_TYPE(self), sp_id(__get__));
    if (get == NULL) {
        return sp_newref(self);  // deleted since: a plain attribute again
    }
    SpObject *args[2] = {obj != NULL ? obj : sp_None, type != NULL ? type : sp_None};
    SP_INCREF(get);
    SpObject *res = call_unbound(get, self, args, 2);
    SP_DECREF(get);
    return res;
}

// __set__(obj, value) / __delete__(obj) (value NULL).
static int slot_tp_descr_set(SpObject *self, SpObject *target, SpObject *value) {
    SpObject *res;
    if (value == NULL) {
        res = call_method(self, sp_id(__delete__), &target, 1);
    } else {
        SpObject *args[2] = {target, value};
        res = call_method(self, sp_id(__set__), args, 2);
    }
    if (res == NULL) {
        return -1;
    }
    SP_DECREF(res);
    return 0;
}

// __init__(self, *args, **kwargs) after tp_new; it must return None.
int sp_slot_tp_init(SpObject *self, SpObject *args, SpObject *kwargs) {
    SpObject *descr = sp_type_lookup_borrow(SP_TYPE(self), sp_id(__init__));
    if (descr == NULL) {
        return 0;
    }
    SP_INCREF(descr);
    SpObject *res;
    if (sp_type_has_flag(SP_TYPE(descr), SP_TPFLAGS_METHOD_DESCRIPTOR)) {
        // Prepend self to the tuple's items without building a bound method.
        ssize_t n = SP_TUPLE_SIZE(args);
        SpObject *full = sp_tuple_new(n + 1);
        if (full == NULL) {
            SP_DECREF(descr);
            return -1;
        }
        SP_TUPLE_SET_ITEM(full, 0, sp_newref(self));
        for (ssize_t i = 0; i < n; i++) {
            SP_TUPLE_SET_ITEM(full, i + 1, sp_newref(SP_TUPLE_GET_ITEM(args, i)));
        }
        res = sp_call(descr, full, kwargs);
        SP_DECREF(full);
    } else {
        SpObject *bound = SP_TYPE(descr)->tp_descr_get != NULL
                              ? SP_TYPE(descr)->tp_descr_get(descr, self, (SpObject *)SP_TYPE(self))
                              : sp_newref(descr);
        res = bound == NULL ? NULL : sp_call(bound, args, kwargs);
        SP_XDECREF(bound);
    }
    SP_DECREF(descr);
    if (res == NULL) {
        return -1;
    }
    if (res != sp_None) {
        sp_err_format(&SpExc_TypeError, "__init__() should return None, not '%.200s'",
                      SP_TYPE(res)->tp_name);
        SP_DECREF(res);
        return -1;
    }
    SP_DECREF(res);
    return 0;
}

// tp_new of classes defining __new__: type.__new__ is a staticmethod, so
// the class is passed explicitly.
static SpObject *slot_tp_new(SpTypeObject *type, SpObject *args, SpObject *kwargs) {
    SpObject *func = sp_object_getattr((SpObject *)type, sp_id(__new__));
    if (func == NULL) {
        return NULL;
    }
    ssize_t n = SP_TUPLE_SIZE(args);
    SpObject *full = sp_tuple_new(n + 1);
    if (full == NULL) {
        SP_DECREF(func);
        return NULL;
    }
    SP_TUPLE_SET_ITEM(full, 0, sp_newref((SpObject *)type));
    for (ssize_t i = 0; i < n; i++) {
        SP_TUPLE_SET_ITEM(full, i + 1, sp_newref(SP_TUPLE_GET_ITEM(args, i)));
    }
    SpObject *res = sp_call(func, full, kwargs);
    SP_DECREF(full);
    SP_DECREF(func);
    return res;
}

// ===========================================================================
// Slot wrappers (wrap_*): call a C slot from Python

// Slot wrappers take a fixed number of arguments: "expected 1 argument,
// got 0" (CPython's check_num_args).
static int check_args(ssize_t nargs, ssize_t n) {
    if (nargs != n) {
        sp_err_format(&SpExc_TypeError, "expected %zd argument%s, got %zd", n, n == 1 ? "" : "s",
                      nargs);
        return 0;
    }
    return 1;
}

// PyArg_UnpackTuple with an empty name: note the leading space, as CPython.
static int check_args_range(ssize_t nargs, ssize_t min, ssize_t max) {
    if (nargs < min) {
        sp_err_format(&SpExc_TypeError, " expected %s%zd argument%s, got %zd",
                      min == max ? "" : "at least ", min, min == 1 ? "" : "s", nargs);
        return 0;
    }
    if (nargs > max) {
        sp_err_format(&SpExc_TypeError, " expected %s%zd argument%s, got %zd",
                      min == max ? "" : "at most ", max, max == 1 ? "" : "s", nargs);
        return 0;
    }
    return 1;
}

#define WRAPPER(NAME)                                                                        \
    static SpObject *NAME(SpObject *self, SpObject *const *args, ssize_t nargs,             \
                          SpObject *kwnames, void *wrapped, const SpSlotDef *def)

WRAPPER(wrap_unaryfunc) {
    if (!check_args(nargs, 0)) {
        return NULL;
    }
    return ((SpUnaryFunc)wrapped)(self);
}

WRAPPER(wrap_binaryfunc) {
    if (!check_args(nargs, 1)) {
        return NULL;
    }
    return ((SpBinaryFunc)wrapped)(self, args[0]);
}
#define wrap_binaryfunc_l wrap_binaryfunc

WRAPPER(wrap_binaryfunc_r) {
    if (!check_args(nargs, 1)) {
        return NULL;
    }
    return ((SpBinaryFunc)wrapped)(args[0], self);
}

WRAPPER(wrap_ternaryfunc) {
    if (!check_args_range(nargs, 1, 2)) {
        return NULL;
    }
    return ((SpTernaryFunc)wrapped)(self, args[0], nargs > 1 ? args[1] : sp_None);
}

WRAPPER(wrap_ternaryfunc_r) {
    if (!check_args_range(nargs, 1, 2)) {
        return NULL;
    }
    return ((SpTernaryFunc)wrapped)(args[0], self, nargs > 1 ? args[1] : sp_None);
}

WRAPPER(wrap_inquirypred) {
    if (!check_args(nargs, 0)) {
        return NULL;
    }
    int r = ((SpInquiry)wrapped)(self);
    return r < 0 ? NULL : sp_bool_from_long(r);
}

WRAPPER(wrap_lenfunc) {
    if (!check_args(nargs, 0)) {
        return NULL;
    }
    ssize_t n = ((SpLenFunc)wrapped)(self);
    return n < 0 ? NULL : sp_int_from_ssize(n);
}

// A sequence index argument: __index__, then negative indices from the end.
static int seq_index(SpObject *self, SpObject *arg, ssize_t *out) {
    ssize_t i = sp_number_as_ssize(arg, &SpExc_OverflowError);
    if (i == -1 && sp_err_occurred()) {
        return -1;
    }
    // CPython's wrap_sq_item does this fix-up because sq_item itself only
    // accepts 0 <= i < len: list.__getitem__ goes through mp_subscript, but
    // a direct sq_item wrapper must translate s[-1] itself.
    if (i < 0) {
        SpSequenceMethods *sq = SP_TYPE(self)->tp_as_sequence;
        if (sq != NULL && sq->sq_length != NULL) {
            ssize_t n = sq->sq_length(self);
            if (n < 0) {
                return -1;
            }
            i += n;
        }
    }
    *out = i;
    return 0;
}

// __mul__ / __rmul__ of sequences: the count as ssize_t (OverflowError if
// too big); negative counts are the slot's business (an empty result).
WRAPPER(wrap_indexargfunc) {
    if (!check_args(nargs, 1)) {
        return NULL;
    }
    ssize_t i = sp_number_as_ssize(args[0], &SpExc_OverflowError);
    if (i == -1 && sp_err_occurred()) {
        return NULL;
    }
    return ((SpSizeArgFunc)wrapped)(self, i);
}

WRAPPER(wrap_sq_item) {
    ssize_t i;
    if (!check_args(nargs, 1) || seq_index(self, args[0], &i) < 0) {
        return NULL;
    }
    return ((SpSizeArgFunc)wrapped)(self, i);
}

WRAPPER(wrap_sq_setitem) {
    ssize_t i;
    if (!check_args_range(nargs, 2, 2) || seq_index(self, args[0], &i) < 0) {
        return NULL;
    }
    if (((SpSizeObjArgProc)wrapped)(self, i, args[1]) < 0) {
        return NULL;
    }
    SP_RETURN_NONE;
}

WRAPPER(wrap_sq_delitem) {
    ssize_t i;
    if (!check_args(nargs, 1) || seq_index(self, args[0], &i) < 0) {
        return NULL;
    }
    if (((SpSizeObjArgProc)wrapped)(self, i, NULL) < 0) {
        return NULL;
    }
    SP_RETURN_NONE;
}

// __contains__: the C int result as a bool.
WRAPPER(wrap_objobjproc) {
    if (!check_args(nargs, 1)) {
        return NULL;
    }
    int r = ((SpObjObjProc)wrapped)(self, args[0]);
    return r < 0 ? NULL : sp_bool_from_long(r);
}

WRAPPER(wrap_objobjargproc) {
    if (!check_args_range(nargs, 2, 2)) {
        return NULL;
    }
    if (((SpObjObjArgProc)wrapped)(self, args[0], args[1]) < 0) {
        return NULL;
    }
    SP_RETURN_NONE;
}

WRAPPER(wrap_delitem) {
    if (!check_args(nargs, 1)) {
        return NULL;
    }
    if (((SpObjObjArgProc)wrapped)(self, args[0], NULL) < 0) {
        return NULL;
    }
    SP_RETURN_NONE;
}

// object.__setattr__(type, ...) would bypass type's own __setattr__ (which
// refreshes slots and protects built-in types): refuse it, as CPython's
// hackcheck does.
static int hackcheck(SpObject *self, void *wrapped, const char *what) {
    SpTypeObject *t = SP_TYPE(self);
    if (!SP_TYPE_CHECK(self)) {
        return 1;
    }
    // The first static type in the base chain decides: calling its
    // __setattr__ through a different static type's wrapper is refused.
    while (t != NULL && (t->tp_flags & SP_TPFLAGS_HEAPTYPE)) {
        t = t->tp_base;
    }
    if (t != NULL && t->tp_setattro != (SpSetAttroFunc)wrapped) {
        sp_err_format(&SpExc_TypeError, "can't apply this %s to %s object", what, t->tp_name);
        return 0;
    }
    return 1;
}

WRAPPER(wrap_setattr) {
    if (!check_args_range(nargs, 2, 2) || !hackcheck(self, wrapped, "__setattr__")) {
        return NULL;
    }
    if (((SpSetAttroFunc)wrapped)(self, args[0], args[1]) < 0) {
        return NULL;
    }
    SP_RETURN_NONE;
}

WRAPPER(wrap_delattr) {
    if (!check_args(nargs, 1) || !hackcheck(self, wrapped, "__delattr__")) {
        return NULL;
    }
    if (((SpSetAttroFunc)wrapped)(self, args[0], NULL) < 0) {
        return NULL;
    }
    SP_RETURN_NONE;
}

WRAPPER(wrap_hashfunc) {
    if (!check_args(nargs, 0)) {
        return NULL;
    }
    SpHash h = ((SpHashFunc)wrapped)(self);
    return h == -1 && sp_err_occurred() ? NULL : sp_int_from_ssize(h);
}

WRAPPER(wrap_richcmpfunc) {
    if (!check_args(nargs, 1)) {
        return NULL;
    }
    return ((SpRichCmpFunc)wrapped)(self, args[0], def->op);
}

WRAPPER(wrap_next) {
    if (!check_args(nargs, 0)) {
        return NULL;
    }
    SpObject *res = ((SpIterNextFunc)wrapped)(self);
    if (res == NULL && !sp_err_occurred()) {
        sp_err_set_none(&SpExc_StopIteration);
    }
    return res;
}

WRAPPER(wrap_descr_get) {
    if (!check_args_range(nargs, 1, 2)) {
        return NULL;
    }
    SpObject *obj = args[0] == sp_None ? NULL : args[0];
    SpObject *type = nargs > 1 && args[1] != sp_None ? args[1] : NULL;
    if (obj == NULL && type == NULL) {
        return sp_err_format(&SpExc_TypeError, "__get__(None, None) is invalid");
    }
    return ((SpDescrGetFunc)wrapped)(self, obj, type);
}

WRAPPER(wrap_descr_set) {
    if (!check_args_range(nargs, 2, 2)) {
        return NULL;
    }
    if (((SpDescrSetFunc)wrapped)(self, args[0], args[1]) < 0) {
        return NULL;
    }
    SP_RETURN_NONE;
}

WRAPPER(wrap_descr_delete) {
    if (!check_args(nargs, 1)) {
        return NULL;
    }
    if (((SpDescrSetFunc)wrapped)(self, args[0], NULL) < 0) {
        return NULL;
    }
    SP_RETURN_NONE;
}

// __call__ and __init__ take keywords: rebuild the tuple and dict the C
// slot expects.
static int build_tuple_dict(SpObject *const *args, ssize_t nargs, SpObject *kwnames,
                            SpObject **tuple, SpObject **dict) {
    *dict = NULL;
    *tuple = sp_tuple_from_array(args, nargs);
    if (*tuple == NULL) {
        return -1;
    }
    if (kwnames != NULL && SP_TUPLE_SIZE(kwnames) > 0) {
        *dict = sp_kwnames_to_dict(args + nargs, kwnames);
        if (*dict == NULL) {
            SP_CLEAR(*tuple);
            return -1;
        }
    }
    return 0;
}

WRAPPER(wrap_call) {
    SpObject *tuple, *dict;
    if (build_tuple_dict(args, nargs, kwnames, &tuple, &dict) < 0) {
        return NULL;
    }
    SpObject *res = ((SpCallFunc)wrapped)(self, tuple, dict);
    SP_DECREF(tuple);
    SP_XDECREF(dict);
    return res;
}

WRAPPER(wrap_init) {
    SpObject *tuple, *dict;
    if (build_tuple_dict(args, nargs, kwnames, &tuple, &dict) < 0) {
        return NULL;
    }
    int r = ((SpInitProc)wrapped)(self, tuple, dict);
    SP_DECREF(tuple);
    SP_XDECREF(dict);
    if (r < 0) {
        return NULL;
    }
    SP_RETURN_NONE;
}

WRAPPER(wrap_inplace_power) {
    if (!check_args_range(nargs, 1, 2)) {
        return NULL;
    }
    return ((SpTernaryFunc)wrapped)(self, args[0], nargs > 1 ? args[1] : sp_None);
}

// ===========================================================================
// The slot table

#define TP(NAME, SLOT, FUNC, WRAP, DOC) \
    {#NAME, SP_SLOT_TP, offsetof(SpTypeObject, SLOT), (void *)(FUNC), WRAP, 0, 0, DOC, NULL}
#define TPKW(NAME, SLOT, FUNC, WRAP, DOC) \
    {#NAME, SP_SLOT_TP, offsetof(SpTypeObject, SLOT), (void *)(FUNC), WRAP, 0, 1, DOC, NULL}
#define RICH(NAME, OP, DOC)                                                                 \
    {#NAME, SP_SLOT_TP, offsetof(SpTypeObject, tp_richcompare), (void *)slot_tp_richcompare, \
     wrap_richcmpfunc, OP, 0, DOC, NULL}
#define NB(NAME, SLOT, FUNC, WRAP, DOC) \
    {#NAME, SP_SLOT_NB, offsetof(SpNumberMethods, SLOT), (void *)(FUNC), WRAP, 0, 0, DOC, NULL}
#define BIN(NAME, RNAME, SLOT, FUNC, OPSTR)                                      \
    NB(NAME, SLOT, FUNC, wrap_binaryfunc_l, "Return self" OPSTR "value."),       \
    NB(RNAME, SLOT, FUNC, wrap_binaryfunc_r, "Return value" OPSTR "self.")
#define IBIN(NAME, SLOT, FUNC, OPSTR) \
    NB(NAME, SLOT, FUNC, wrap_binaryfunc, "Return self" OPSTR "value.")
#define UN(NAME, SLOT, FUNC, DOC) NB(NAME, SLOT, FUNC, wrap_unaryfunc, DOC)
#define MP(NAME, SLOT, FUNC, WRAP, DOC) \
    {#NAME, SP_SLOT_MP, offsetof(SpMappingMethods, SLOT), (void *)(FUNC), WRAP, 0, 0, DOC, NULL}
#define SQ(NAME, SLOT, FUNC, WRAP, DOC) \
    {#NAME, SP_SLOT_SQ, offsetof(SpSequenceMethods, SLOT), (void *)(FUNC), WRAP, 0, 0, DOC, NULL}

static SpSlotDef slotdefs[] = {
    TP(__repr__, tp_repr, slot_tp_repr, wrap_unaryfunc, "Return repr(self)."),
    TP(__hash__, tp_hash, slot_tp_hash, wrap_hashfunc, "Return hash(self)."),
    TPKW(__call__, tp_call, slot_tp_call, wrap_call, "Call self as a function."),
    TP(__str__, tp_str, slot_tp_str, wrap_unaryfunc, "Return str(self)."),
    TP(__getattribute__, tp_getattro, sp_slot_tp_getattr_hook, wrap_binaryfunc,
       "Return getattr(self, name)."),
    TP(__getattr__, tp_getattro, sp_slot_tp_getattr_hook, NULL, NULL),
    TP(__setattr__, tp_setattro, slot_tp_setattro, wrap_setattr,
       "Implement setattr(self, name, value)."),
    TP(__delattr__, tp_setattro, slot_tp_setattro, wrap_delattr, "Implement delattr(self, name)."),
    RICH(__lt__, SP_LT, "Return self<value."),
    RICH(__le__, SP_LE, "Return self<=value."),
    RICH(__eq__, SP_EQ, "Return self==value."),
    RICH(__ne__, SP_NE, "Return self!=value."),
    RICH(__gt__, SP_GT, "Return self>value."),
    RICH(__ge__, SP_GE, "Return self>=value."),
    TP(__iter__, tp_iter, slot_tp_iter, wrap_unaryfunc, "Implement iter(self)."),
    TP(__next__, tp_iternext, slot_tp_iternext, wrap_next, "Implement next(self)."),
    TP(__get__, tp_descr_get, slot_tp_descr_get, wrap_descr_get,
       "Return an attribute of instance, which is of type owner."),
    TP(__set__, tp_descr_set, slot_tp_descr_set, wrap_descr_set,
       "Set an attribute of instance to value."),
    TP(__delete__, tp_descr_set, slot_tp_descr_set, wrap_descr_delete,
       "Delete an attribute of instance."),
    TPKW(__init__, tp_init, sp_slot_tp_init, wrap_init,
         "Initialize self.  See help(type(self)) for accurate signature."),
    TP(__new__, tp_new, slot_tp_new, NULL, NULL),
    BIN(__add__, __radd__, nb_add, slot_nb_add, "+"),
    BIN(__sub__, __rsub__, nb_subtract, slot_nb_subtract, "-"),
    BIN(__mul__, __rmul__, nb_multiply, slot_nb_multiply, "*"),
    BIN(__mod__, __rmod__, nb_remainder, slot_nb_remainder, "%"),
    NB(__divmod__, nb_divmod, slot_nb_divmod, wrap_binaryfunc_l, "Return divmod(self, value)."),
    NB(__rdivmod__, nb_divmod, slot_nb_divmod, wrap_binaryfunc_r, "Return divmod(value, self)."),
    NB(__pow__, nb_power, slot_nb_power, wrap_ternaryfunc, "Return pow(self, value, mod)."),
    NB(__rpow__, nb_power, slot_nb_power, wrap_ternaryfunc_r, "Return pow(value, self, mod)."),
    UN(__neg__, nb_negative, slot_nb_negative, "-self"),
    UN(__pos__, nb_positive, slot_nb_positive, "+self"),
    UN(__abs__, nb_absolute, slot_nb_absolute, "abs(self)"),
    NB(__bool__, nb_bool, slot_nb_bool, wrap_inquirypred, "True if self else False"),
    UN(__invert__, nb_invert, slot_nb_invert, "~self"),
    BIN(__lshift__, __rlshift__, nb_lshift, slot_nb_lshift, "<<"),
    BIN(__rshift__, __rrshift__, nb_rshift, slot_nb_rshift, ">>"),
    BIN(__and__, __rand__, nb_and, slot_nb_and, "&"),
    BIN(__xor__, __rxor__, nb_xor, slot_nb_xor, "^"),
    BIN(__or__, __ror__, nb_or, slot_nb_or, "|"),
    UN(__int__, nb_int, slot_nb_int, "int(self)"),
    UN(__float__, nb_float, slot_nb_float, "float(self)"),
    IBIN(__iadd__, nb_inplace_add, slot_nb_inplace_add, "+="),
    IBIN(__isub__, nb_inplace_subtract, slot_nb_inplace_subtract, "-="),
    IBIN(__imul__, nb_inplace_multiply, slot_nb_inplace_multiply, "*="),
    IBIN(__imod__, nb_inplace_remainder, slot_nb_inplace_remainder, "%="),
    NB(__ipow__, nb_inplace_power, slot_nb_inplace_power, wrap_inplace_power,
       "Return self**=value."),
    IBIN(__ilshift__, nb_inplace_lshift, slot_nb_inplace_lshift, "<<="),
    IBIN(__irshift__, nb_inplace_rshift, slot_nb_inplace_rshift, ">>="),
    IBIN(__iand__, nb_inplace_and, slot_nb_inplace_and, "&="),
    IBIN(__ixor__, nb_inplace_xor, slot_nb_inplace_xor, "^="),
    IBIN(__ior__, nb_inplace_or, slot_nb_inplace_or, "|="),
    BIN(__floordiv__, __rfloordiv__, nb_floor_divide, slot_nb_floor_divide, "//"),
    BIN(__truediv__, __rtruediv__, nb_true_divide, slot_nb_true_divide, "/"),
    IBIN(__ifloordiv__, nb_inplace_floor_divide, slot_nb_inplace_floor_divide, "//="),
    IBIN(__itruediv__, nb_inplace_true_divide, slot_nb_inplace_true_divide, "/="),
    UN(__index__, nb_index, slot_nb_index, "Return self converted to an integer, if self is "
                                           "suitable for use as an index into a list."),
    BIN(__matmul__, __rmatmul__, nb_matrix_multiply, slot_nb_matrix_multiply, "@"),
    IBIN(__imatmul__, nb_inplace_matrix_multiply, slot_nb_inplace_matrix_multiply, "@="),
    MP(__len__, mp_length, slot_mp_length, wrap_lenfunc, "Return len(self)."),
    MP(__getitem__, mp_subscript, slot_mp_subscript, wrap_binaryfunc, "Return self[key]."),
    MP(__setitem__, mp_ass_subscript, slot_mp_ass_subscript, wrap_objobjargproc,
       "Set self[key] to value."),
    MP(__delitem__, mp_ass_subscript, slot_mp_ass_subscript, wrap_delitem, "Delete self[key]."),
    SQ(__len__, sq_length, slot_sq_length, wrap_lenfunc, "Return len(self)."),
    // These sequence slots have no generic version: a class's __add__ feeds
    // nb_add, not sq_concat (CPython's rule).
    SQ(__add__, sq_concat, NULL, wrap_binaryfunc, "Return self+value."),
    SQ(__mul__, sq_repeat, NULL, wrap_indexargfunc, "Return self*value."),
    SQ(__rmul__, sq_repeat, NULL, wrap_indexargfunc, "Return value*self."),
    SQ(__getitem__, sq_item, slot_sq_item, wrap_sq_item, "Return self[key]."),
    SQ(__setitem__, sq_ass_item, NULL, wrap_sq_setitem, "Set self[key] to value."),
    SQ(__delitem__, sq_ass_item, NULL, wrap_sq_delitem, "Delete self[key]."),
    SQ(__contains__, sq_contains, slot_sq_contains, wrap_objobjproc, "Return key in self."),
    SQ(__iadd__, sq_inplace_concat, NULL, wrap_binaryfunc, "Implement self+=value."),
    SQ(__imul__, sq_inplace_repeat, NULL, wrap_indexargfunc, "Implement self*=value."),
    {NULL, 0, 0, NULL, NULL, 0, 0, NULL, NULL},
};

#define NSLOTDEFS ((ssize_t)(sizeof slotdefs / sizeof slotdefs[0]) - 1)

// Intern every name of the table once, at start-up.
int sp_slots_init(void) {
    for (SpSlotDef *p = slotdefs; p->name != NULL; p++) {
        if (p->name_str == NULL) {
            p->name_str = sp_str_intern_cstr(p->name);
            if (p->name_str == NULL) {
                return -1;
            }
        }
    }
    return 0;
}

// Two entries feed the same C slot.
static inline int same_slot(const SpSlotDef *a, const SpSlotDef *b) {
    return a->table == b->table && a->offset == b->offset;
}

// Where a type keeps the slot of an entry: in the type object itself or
// in one of its three method tables.
void **sp_slot_ptr(SpTypeObject *t, const SpSlotDef *def) {
    char *base;
    switch (def->table) {
    case SP_SLOT_TP:
        base = (char *)t;
        break;
    case SP_SLOT_NB:
        base = (char *)t->tp_as_number;
        break;
    case SP_SLOT_SQ:
        base = (char *)t->tp_as_sequence;
        break;
    default:
        base = (char *)t->tp_as_mapping;
        break;
    }
    return base == NULL ? NULL : (void **)(base + def->offset);
}

// ===========================================================================
// Static types: wrappers for their own slots

// CPython's add_operators: the dict of a static type gets one descriptor
// per non-NULL slot it defines itself; inherited slots are found in the
// base's dict along the MRO.
int sp_slots_add_wrappers(SpTypeObject *t) {
    SpObject *dict = t->tp_dict;
    for (SpSlotDef *p = slotdefs; p->name != NULL; p++) {
        if (p->wrapper == NULL) {
            continue;
        }
        void **ptr = sp_slot_ptr(t, p);
        if (ptr == NULL || *ptr == NULL) {
            continue;
        }
        int has = sp_dict_contains(dict, p->name_str);
        if (has < 0) {
            return -1;
        }
        if (has) {
            continue;  // an earlier entry of the same name won (nb_add before sq_concat)
        }
        int r;
        if (*ptr == (void *)sp_object_hash_not_implemented) {
            r = sp_dict_setitem(dict, p->name_str, sp_None);
        } else {
            SpObject *descr = sp_descr_new_wrapper(t, p, *ptr);
            if (descr == NULL) {
                return -1;
            }
            r = sp_dict_setitem(dict, p->name_str, descr);
            SP_DECREF(descr);
        }
        if (r < 0) {
            return -1;
        }
    }
    if (t->tp_new != NULL) {
        int has = sp_dict_contains(dict, sp_id(__new__));
        if (has < 0) {
            return -1;
        }
        if (!has) {
            SpObject *f = sp_cfunction_new(&sp_tp_new_wrapper_def, (SpObject *)t, NULL);
            if (f == NULL) {
                return -1;
            }
            int r = sp_dict_setitem(dict, sp_id(__new__), f);
            SP_DECREF(f);
            if (r < 0) {
                return -1;
            }
        }
    }
    return 0;
}

// ===========================================================================
// Heap types: choose each slot's function from the MRO

// The unique slot of t, among those `name` can feed, that t currently fills
// (CPython's resolve_slotdups), or NULL when there are several or none.
static void **resolve_slotdups(SpTypeObject *t, SpObject *name) {
    void **res = NULL;
    for (SpSlotDef *p = slotdefs; p->name != NULL; p++) {
        if (p->name_str != name) {
            continue;
        }
        void **ptr = sp_slot_ptr(t, p);
        if (ptr == NULL || *ptr == NULL) {
            continue;
        }
        if (res != NULL) {
            return NULL;
        }
        res = ptr;
    }
    return res;
}

// Set the slot of the group starting at p. When every name of the group
// resolves to a base's slot wrapper for this very slot with one C function,
// the slot gets that function (a class that merely inherits int.__add__
// adds ints at C speed); otherwise the generic dispatcher, or NULL when no
// name is defined. Returns the first entry of the next group.
static SpSlotDef *update_one_slot(SpTypeObject *t, SpSlotDef *p) {
    void **ptr = sp_slot_ptr(t, p);
    SpSlotDef *start = p;
    if (ptr == NULL) {
        do {
            p++;
        } while (p->name != NULL && same_slot(p, start));
        return p;
    }
    void *generic = NULL, *specific = NULL;
    int use_generic = 0;
    do {
        // The lookup goes through the MRO, so a class inherits its bases' choices
        // unless it defines the name itself.
        SpObject *descr = sp_type_lookup_borrow(t, p->name_str);
        if (descr == NULL) {
            continue;
        }
        if (SP_TYPE(descr) == &SpWrapperDescr_Type &&
            ((SpWrapperDescrObject *)descr)->d_base->name_str == p->name_str) {
            SpWrapperDescrObject *d = (SpWrapperDescrObject *)descr;
            // __add__ can feed nb_add and sq_concat: the wrapper is only usable as the
            // C function when it is unambiguous which slot it came from.
            void **tptr = resolve_slotdups(t, p->name_str);
            if (tptr == NULL || tptr == ptr) {
                generic = p->function;
            }
            if ((specific == NULL || specific == d->d_wrapped) &&
                d->d_base->wrapper == p->wrapper && tptr == ptr) {
                specific = d->d_wrapped;
            } else {
                use_generic = 1;
            }
        } else if (SP_CFUNCTION_CHECK(descr) &&
                   ((SpCFunctionObject *)descr)->m_ml == &sp_tp_new_wrapper_def &&
                   ptr == (void **)&t->tp_new) {
            // A static base's __new__: keep the tp_new inherited from it.
            specific = (void *)t->tp_new;
        } else if (descr == sp_None && ptr == (void **)&t->tp_hash) {
            specific = (void *)sp_object_hash_not_implemented;
        } else {
            use_generic = 1;
            generic = p->function;
            if (p->function == (void *)slot_tp_call) {
                // A Python __call__ cannot be reached through vectorcall.
                t->tp_flags &= ~(unsigned long)SP_TPFLAGS_HAVE_VECTORCALL;
            }
        }
    } while ((++p)->name != NULL && same_slot(p, start));
    // All names agreed on one C function: install it directly (no dispatch
    // overhead); any Python definition along the way forces the generic slot.
    if (specific != NULL && !use_generic) {
        *ptr = specific;
    } else {
        *ptr = generic;
    }
    return p;
}

// CPython's fixup_slot_dispatchers: every slot of a new class.
void sp_slots_fixup(SpTypeObject *t) {
    SpSlotDef *p = slotdefs;
    while (p->name != NULL) {
        p = update_one_slot(t, p);
    }
}

// Refresh, in t and its subclasses, the slots fed by `name`.
static int update_slots_named(SpTypeObject *t, void *arg) {
    SpObject *name = arg;
    if (t->tp_flags & SP_TPFLAGS_HEAPTYPE) {
        for (SpSlotDef *p = slotdefs; p->name != NULL; p++) {
            if (p->name_str != name) {
                continue;
            }
            SpSlotDef *g = p;
            while (g > slotdefs && same_slot(g - 1, p)) {
                g--;  // back to the start of the group
            }
            // Static (built-in) types never change: only heap types are refreshed, but
            // the walk still descends, since a heap class may derive from them.
            update_one_slot(t, g);
        }
    }
    sp_type_subclasses_foreach(t, update_slots_named, arg);
    return 0;
}

// After `C.__add__ = f` (or `del C.__add__`): refresh what __add__ feeds.
int sp_slots_update(SpTypeObject *t, SpObject *name) {
    int known = 0;
    for (SpSlotDef *p = slotdefs; p->name != NULL; p++) {
        if (p->name_str == name) {
            known = 1;
            break;
        }
    }
    if (!known) {
        return 0;
    }
    update_slots_named(t, name);
    return 1;
}

// ===========================================================================
// T.__new__(S, ...) for static types

// The __new__ of a static type T, bound to T: T.__new__(S, ...) builds an
// instance of subclass S with T's tp_new, after checking that this is
// safe (object.__new__(int) would skip int's own allocation).
static SpObject *tp_new_wrapper(SpObject *self, SpObject *const *args, ssize_t nargs,
                                SpObject *kwnames) {
    SpTypeObject *type = (SpTypeObject *)self;
    if (nargs < 1) {
        return sp_err_format(&SpExc_TypeError, "%s.__new__(): not enough arguments",
                             type->tp_name);
    }
    SpObject *arg0 = args[0];
    if (!SP_TYPE_CHECK(arg0)) {
        return sp_err_format(&SpExc_TypeError, "%s.__new__(X): X is not a type object (%s)",
                             type->tp_name, SP_TYPE(arg0)->tp_name);
    }
    SpTypeObject *subtype = (SpTypeObject *)arg0;
    if (!sp_type_is_subtype(subtype, type)) {
        return sp_err_format(&SpExc_TypeError, "%s.__new__(%s): %s is not a subtype of %s",
                             type->tp_name, subtype->tp_name, subtype->tp_name, type->tp_name);
    }
    // The nearest base of subtype whose tp_new is C code must be this very
    // tp_new, or object.__new__(int) would build an int without int's setup.
    SpTypeObject *staticbase = subtype;
    while (staticbase != NULL && staticbase->tp_new == slot_tp_new) {
        staticbase = staticbase->tp_base;
    }
    if (staticbase != NULL && staticbase->tp_new != type->tp_new) {
        return sp_err_format(&SpExc_TypeError, "%s.__new__(%s) is not safe, use %s.__new__()",
                             type->tp_name, subtype->tp_name, staticbase->tp_name);
    }
    if (type->tp_new == NULL) {
        return sp_err_format(&SpExc_TypeError, "cannot create '%s' instances", type->tp_name);
    }
    SpObject *tuple, *dict;
    if (build_tuple_dict(args + 1, nargs - 1, kwnames, &tuple, &dict) < 0) {
        return NULL;
    }
    SpObject *res = type->tp_new(subtype, tuple, dict);
    SP_DECREF(tuple);
    SP_XDECREF(dict);
    return res;
}

const SpMethodDef sp_tp_new_wrapper_def = {
    "__new__", SP_METH(tp_new_wrapper), SP_METH_FASTCALL,
    "Create and return a new object.  See help(type) for accurate signature."};
