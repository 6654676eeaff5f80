// smallpy: bool, the int subclass with exactly two instances. True and
// False are statically allocated ints (ob_size 1 / 0) of type bool; & | ^
// between bools give bools, everything else is int arithmetic. bool is not
// an acceptable base type (no BASETYPE flag). Counterpart: CPython 3.11
// Objects/boolobject.c.
#include "core/abstract.h"
#include "core/err.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/int_impl.h"
#include "objects/none.h"
#include "objects/str.h"
#include "objects/tuple.h"

// The two instances, laid out as ints (False is a zero: ob_size 0 with one
// zero digit), so every int operation reads them without a special case.
// Their reference counts start at 1, the reference of this definition.
SpIntObject sp_false_struct = {SP_VAR_HEAD_INIT(&SpBool_Type, 0), {0}};
SpIntObject sp_true_struct = {SP_VAR_HEAD_INIT(&SpBool_Type, 1), {1}};

// repr(True) is the same interned 'True' every time, as in CPython.
static SpObject *bool_repr(SpObject *self) {
    static SpObject *names[2];
    int t = self == sp_True;
    if (names[t] == NULL) {
        names[t] = sp_str_intern_cstr(t ? "True" : "False");
        if (names[t] == NULL) {
            return NULL;
        }
    }
    return sp_newref(names[t]);
}

// bool(x=False, /): the truth of x by the object protocol (__bool__, then
// __len__); never a new object.
static SpObject *bool_new(SpTypeObject *type, SpObject *args, SpObject *kwargs) {
    if (kwargs != NULL && SP_DICT_SIZE(kwargs) != 0) {
        sp_err_set_string(&SpExc_TypeError, "bool() takes no keyword arguments");
        return NULL;
    }
    ssize_t nargs = args ? SP_TUPLE_SIZE(args) : 0;
    if (nargs > 1) {
        return sp_err_format(&SpExc_TypeError, "bool expected at most 1 argument, got %zd",
                             nargs);
    }
    if (nargs == 0) {
        SP_RETURN_FALSE;
    }
    int r = sp_object_is_true(SP_TUPLE_GET_ITEM(args, 0));
    return r < 0 ? NULL : sp_bool_from_long(r);
}

// bool(x) called directly, without building an argument tuple.
static SpObject *bool_vectorcall(SpObject *type, SpObject *const *args, size_t nargsf,
                                 SpObject *kwnames) {
    ssize_t nargs = SP_VECTORCALL_NARGS(nargsf);
    if (kwnames != NULL && SP_TUPLE_SIZE(kwnames) != 0) {
        sp_err_set_string(&SpExc_TypeError, "bool() takes no keyword arguments");
        return NULL;
    }
    if (nargs > 1) {
        return sp_err_format(&SpExc_TypeError, "bool expected at most 1 argument, got %zd",
                             nargs);
    }
    if (nargs == 0) {
        SP_RETURN_FALSE;
    }
    int r = sp_object_is_true(args[0]);
    return r < 0 ? NULL : sp_bool_from_long(r);
}

// & | ^ stay in bool only when both operands are bools (True & 1 is 1).
SpObject *sp_bool_and(SpObject *a, SpObject *b) {
    if (!SP_BOOL_CHECK(a) || !SP_BOOL_CHECK(b)) {
        return sp_int_and(a, b);
    }
    return sp_bool_from_long(a == sp_True && b == sp_True);
}

SpObject *sp_bool_or(SpObject *a, SpObject *b) {
    if (!SP_BOOL_CHECK(a) || !SP_BOOL_CHECK(b)) {
        return sp_int_or(a, b);
    }
    return sp_bool_from_long(a == sp_True || b == sp_True);
}

SpObject *sp_bool_xor(SpObject *a, SpObject *b) {
    if (!SP_BOOL_CHECK(a) || !SP_BOOL_CHECK(b)) {
        return sp_int_xor(a, b);
    }
    return sp_bool_from_long((a == sp_True) != (b == sp_True));
}

// True and False are never freed; an over-release resurrects them.
static void bool_dealloc(SpObject *self) { SP_REFCNT(self) = 1; }

// int's slots, with & | ^ of bool's own (spelled out rather than left to
// inheritance so bool works whatever order types are readied in).
static SpNumberMethods bool_as_number = {
    .nb_add = sp_int_add,
    .nb_subtract = sp_int_sub,
    .nb_multiply = sp_int_mul,
    .nb_remainder = sp_int_mod,
    .nb_divmod = sp_int_divmod,
    .nb_power = sp_int_pow,
    .nb_negative = sp_int_neg,
    .nb_positive = sp_int_pos,
    .nb_absolute = sp_int_abs,
    .nb_bool = sp_int_bool,
    .nb_invert = sp_int_invert,
    .nb_lshift = sp_int_lshift,
    .nb_rshift = sp_int_rshift,
    .nb_and = sp_bool_and,
    .nb_xor = sp_bool_xor,
    .nb_or = sp_bool_or,
    .nb_int = sp_int_int,
    .nb_float = sp_int_float,
    .nb_floor_divide = sp_int_floordiv,
    .nb_true_divide = sp_int_truediv,
    .nb_index = sp_int_int,
};

SpTypeObject SpBool_Type = {
    SP_TYPE_HEAD_INIT,
    .tp_name = "bool",
    .tp_basicsize = SP_INT_HEADER_SIZE,
    .tp_itemsize = sizeof(SpDigit),
    .tp_dealloc = bool_dealloc,
    .tp_repr = bool_repr,
    .tp_as_number = &bool_as_number,
    .tp_hash = sp_int_hash,
    .tp_flags = SP_TPFLAGS_LONG_SUBCLASS,
    .tp_doc = "bool(x) -> bool\n\n"
              "Returns True when the argument x is true, False otherwise.\n"
              "The builtins True and False are the only two instances of the class bool.\n"
              "The class bool is a subclass of the class int, and cannot be subclassed.",
    .tp_richcompare = sp_int_richcompare,
    .tp_base = &SpInt_Type,
    .tp_new = bool_new,
    .tp_vectorcall = bool_vectorcall,
};
