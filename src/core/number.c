// smallpy: the number protocol: binary, in-place and unary operators with
// CPython's dispatch (left operand first unless the right one's type is a
// proper subclass with its own slot, NotImplemented passing the turn, then
// sequence concat/repeat for + and *), and the conversions index(), int(),
// float(). Exact int and float operands take a short cut past the dispatch.
// Counterpart: CPython 3.11 Objects/abstract.c (binary_op1, ternary_op,
// PyNumber_*).
#include <limits.h>
#include <stddef.h>
#include <string.h>

#include "core/abstract.h"
#include "core/err.h"
#include "objects/bytes.h"
#include "objects/exc.h"
#include "objects/float.h"
#include "objects/int_impl.h"
#include "objects/none.h"
#include "objects/str.h"
#include "objects/type.h"

// A slot of SpNumberMethods by byte offset, so one dispatcher serves all.
#define NB_SLOT(name) offsetof(SpNumberMethods, name)
#define NB_BINOP(nb, off) (*(SpBinaryFunc *)((char *)(nb) + (off)))
#define NB_TERNOP(nb, off) (*(SpTernaryFunc *)((char *)(nb) + (off)))

#define IS_NOTIMPL(x) ((x) == sp_NotImplemented)

// ===========================================================================
// Dispatch

// v OP w without the sequence fallbacks: NotImplemented (new reference)
// when neither operand handles it.
static SpObject *binary_op1(SpObject *v, SpObject *w, size_t off) {
    SpTypeObject *tv = SP_TYPE(v), *tw = SP_TYPE(w);
    SpBinaryFunc slotv = tv->tp_as_number ? NB_BINOP(tv->tp_as_number, off) : NULL;
    SpBinaryFunc slotw = NULL;
    if (tw != tv && tw->tp_as_number != NULL) {
        slotw = NB_BINOP(tw->tp_as_number, off);
        // Two classes sharing one slot function (two Python classes, both with the
        // generic slot; or int and bool) would otherwise run the same code twice.
        if (slotw == slotv) {
            slotw = NULL;  // same implementation: it handles both orders
        }
    }
    SpObject *x;
    if (slotv != NULL) {
        // A subclass overriding the operation gets the first say.
        if (slotw != NULL && sp_type_is_subtype(tw, tv)) {
            // Each slot function receives the operands in source order (v, w), and
            // works out itself which one is its own: that is how a single nb_add
            // serves both __add__ and __radd__.
            x = slotw(v, w);
            if (!IS_NOTIMPL(x)) {
                return x;
            }
            SP_DECREF(x);
            slotw = NULL;
        }
        x = slotv(v, w);
        if (!IS_NOTIMPL(x)) {
            return x;
        }
        SP_DECREF(x);
    }
    if (slotw != NULL) {
        x = slotw(v, w);
        if (!IS_NOTIMPL(x)) {
            return x;
        }
        SP_DECREF(x);
    }
    SP_RETURN_NOTIMPLEMENTED;
}

static SpObject *binop_type_error(SpObject *v, SpObject *w, const char *op) {
    return sp_err_format(&SpExc_TypeError,
                         "unsupported operand type(s) for %.100s: '%.100s' and '%.100s'", op,
                         sp_object_type_name(v), sp_object_type_name(w));
}

static SpObject *binary_op(SpObject *v, SpObject *w, size_t off, const char *op) {
    SpObject *r = binary_op1(v, w, off);
    if (IS_NOTIMPL(r)) {
        SP_DECREF(r);
        return binop_type_error(v, w, op);
    }
    return r;
}

// v OP= w: the in-place slot of v, then the binary operation.
// Only v's in-place slot is tried: x += y may mutate x but never y.
static SpObject *binary_iop1(SpObject *v, SpObject *w, size_t ioff, size_t off) {
    SpNumberMethods *nb = SP_TYPE(v)->tp_as_number;
    if (nb != NULL) {
        SpBinaryFunc slot = NB_BINOP(nb, ioff);
        if (slot != NULL) {
            SpObject *x = slot(v, w);
            if (!IS_NOTIMPL(x)) {
                return x;
            }
            SP_DECREF(x);
        }
    }
    return binary_op1(v, w, off);
}

static SpObject *binary_iop(SpObject *v, SpObject *w, size_t ioff, size_t off, const char *op) {
    SpObject *r = binary_iop1(v, w, ioff, off);
    if (IS_NOTIMPL(r)) {
        SP_DECREF(r);
        return binop_type_error(v, w, op);
    }
    return r;
}

// pow(v, w, z): as binary_op1, then z's slot if it is yet another one.
static SpObject *ternary_op(SpObject *v, SpObject *w, SpObject *z, size_t off,
                            const char *op) {
    SpTypeObject *tv = SP_TYPE(v), *tw = SP_TYPE(w);
    SpTernaryFunc slotv = tv->tp_as_number ? NB_TERNOP(tv->tp_as_number, off) : NULL;
    SpTernaryFunc slotw = NULL;
    if (tw != tv && tw->tp_as_number != NULL) {
        slotw = NB_TERNOP(tw->tp_as_number, off);
        if (slotw == slotv) {
            slotw = NULL;
        }
    }
    SpObject *x;
    if (slotv != NULL) {
        if (slotw != NULL && sp_type_is_subtype(tw, tv)) {
            x = slotw(v, w, z);
            if (!IS_NOTIMPL(x)) {
                return x;
            }
            SP_DECREF(x);
            slotw = NULL;
        }
        x = slotv(v, w, z);
        if (!IS_NOTIMPL(x)) {
            return x;
        }
        SP_DECREF(x);
    }
    if (slotw != NULL) {
        x = slotw(v, w, z);
        if (!IS_NOTIMPL(x)) {
            return x;
        }
        SP_DECREF(x);
    }
    // Three-argument pow: the modulus gets a turn last, unless its slot is one
    // already tried. For z None (two-argument pow) this is NoneType's slot,
    // which is empty.
    SpNumberMethods *nz = SP_TYPE(z)->tp_as_number;
    if (nz != NULL) {
        SpTernaryFunc slotz = NB_TERNOP(nz, off);
        if (slotz != NULL && slotz != slotv && slotz != slotw) {
            x = slotz(v, w, z);
            if (!IS_NOTIMPL(x)) {
                return x;
            }
            SP_DECREF(x);
        }
    }
    if (z == sp_None) {
        return binop_type_error(v, w, op);
    }
    return sp_err_format(&SpExc_TypeError,
                         "unsupported operand type(s) for %.100s: '%.100s', '%.100s', '%.100s'",
                         op, sp_object_type_name(v), sp_object_type_name(w),
                         sp_object_type_name(z));
}

// seq * n for the sequence fallback of *: n must support __index__.
// A count too large for ssize_t raises OverflowError "cannot fit 'int'
// into an index-sized integer"; negative counts are the sequence's affair
// (they give an empty result).
static SpObject *sequence_repeat(SpSizeArgFunc repeat, SpObject *seq, SpObject *n) {
    if (!sp_index_check(n)) {
        return sp_err_format(&SpExc_TypeError,
                             "can't multiply sequence by non-int of type '%.200s'",
                             sp_object_type_name(n));
    }
    ssize_t count = sp_number_as_ssize(n, &SpExc_OverflowError);
    if (count == -1 && sp_err_occurred()) {
        return NULL;
    }
    return repeat(seq, count);
}

// ===========================================================================
// Binary operators. Exact ints (and floats) go straight to their
// implementation: the slot functions would only re-check the types.

#define BOTH_INTS(a, b) (SP_INT_CHECK_EXACT(a) && SP_INT_CHECK_EXACT(b))
#define BOTH_FLOATS(a, b) (SP_FLOAT_CHECK_EXACT(a) && SP_FLOAT_CHECK_EXACT(b))

SpObject *sp_number_add(SpObject *a, SpObject *b) {
    // Exact int + int and float + float skip the slot lookup and NotImplemented
    // protocol entirely: bit-for-bit the same result as the slots, much less
    // work in the interpreter's hottest path.
    if (BOTH_INTS(a, b)) {
        return sp_int_add_ints(a, b);
    }
    if (BOTH_FLOATS(a, b)) {
        return sp_float_from_double(SP_FLOAT_VALUE(a) + SP_FLOAT_VALUE(b));
    }
    SpObject *r = binary_op1(a, b, NB_SLOT(nb_add));
    if (!IS_NOTIMPL(r)) {
        return r;
    }
    SP_DECREF(r);
    // Only after both number slots declined: list + list reaches sq_concat
    // here, and only the left operand's concat is tried (as CPython).
    SpSequenceMethods *sq = SP_TYPE(a)->tp_as_sequence;
    if (sq != NULL && sq->sq_concat != NULL) {
        return sq->sq_concat(a, b);
    }
    return binop_type_error(a, b, "+");
}

SpObject *sp_number_subtract(SpObject *a, SpObject *b) {
    if (BOTH_INTS(a, b)) {
        return sp_int_sub_ints(a, b);
    }
    if (BOTH_FLOATS(a, b)) {
        return sp_float_from_double(SP_FLOAT_VALUE(a) - SP_FLOAT_VALUE(b));
    }
    return binary_op(a, b, NB_SLOT(nb_subtract), "-");
}

SpObject *sp_number_multiply(SpObject *a, SpObject *b) {
    if (BOTH_INTS(a, b)) {
        return sp_int_mul_ints(a, b);
    }
    if (BOTH_FLOATS(a, b)) {
        return sp_float_from_double(SP_FLOAT_VALUE(a) * SP_FLOAT_VALUE(b));
    }
    SpObject *r = binary_op1(a, b, NB_SLOT(nb_multiply));
    if (!IS_NOTIMPL(r)) {
        return r;
    }
    SP_DECREF(r);
    SpSequenceMethods *sa = SP_TYPE(a)->tp_as_sequence, *sb = SP_TYPE(b)->tp_as_sequence;
    if (sa != NULL && sa->sq_repeat != NULL) {
        return sequence_repeat(sa->sq_repeat, a, b);
    }
    // n * seq: repetition is commutative, so the right operand's repeat serves
    // too (3 * [1] == [1] * 3).
    if (sb != NULL && sb->sq_repeat != NULL) {
        return sequence_repeat(sb->sq_repeat, b, a);
    }
    return binop_type_error(a, b, "*");
}

SpObject *sp_number_matrix_multiply(SpObject *a, SpObject *b) {
    return binary_op(a, b, NB_SLOT(nb_matrix_multiply), "@");
}

SpObject *sp_number_true_divide(SpObject *a, SpObject *b) {
    return binary_op(a, b, NB_SLOT(nb_true_divide), "/");
}

SpObject *sp_number_floor_divide(SpObject *a, SpObject *b) {
    if (BOTH_INTS(a, b)) {
        return sp_int_floordiv(a, b);
    }
    return binary_op(a, b, NB_SLOT(nb_floor_divide), "//");
}

SpObject *sp_number_remainder(SpObject *a, SpObject *b) {
    if (BOTH_INTS(a, b)) {
        return sp_int_mod(a, b);
    }
    return binary_op(a, b, NB_SLOT(nb_remainder), "%");
}

SpObject *sp_number_divmod(SpObject *a, SpObject *b) {
    return binary_op(a, b, NB_SLOT(nb_divmod), "divmod()");
}

// The error message names "** or pow()" as CPython does for both spellings.
SpObject *sp_number_power(SpObject *a, SpObject *b, SpObject *m) {
    return ternary_op(a, b, m, NB_SLOT(nb_power), "** or pow()");
}

SpObject *sp_number_lshift(SpObject *a, SpObject *b) {
    return binary_op(a, b, NB_SLOT(nb_lshift), "<<");
}

SpObject *sp_number_rshift(SpObject *a, SpObject *b) {
    return binary_op(a, b, NB_SLOT(nb_rshift), ">>");
}

SpObject *sp_number_and(SpObject *a, SpObject *b) {
    if (BOTH_INTS(a, b)) {
        return sp_int_and(a, b);
    }
    return binary_op(a, b, NB_SLOT(nb_and), "&");
}

SpObject *sp_number_or(SpObject *a, SpObject *b) {
    if (BOTH_INTS(a, b)) {
        return sp_int_or(a, b);
    }
    return binary_op(a, b, NB_SLOT(nb_or), "|");
}

SpObject *sp_number_xor(SpObject *a, SpObject *b) {
    if (BOTH_INTS(a, b)) {
        return sp_int_xor(a, b);
    }
    return binary_op(a, b, NB_SLOT(nb_xor), "^");
}

// ===========================================================================
// In-place operators. int and float have no in-place slots, so for them
// a += b is a + b; the short cuts apply unchanged.

SpObject *sp_number_inplace_add(SpObject *a, SpObject *b) {
    if (BOTH_INTS(a, b)) {
        return sp_int_add_ints(a, b);
    }
    SpObject *r = binary_iop1(a, b, NB_SLOT(nb_inplace_add), NB_SLOT(nb_add));
    if (!IS_NOTIMPL(r)) {
        return r;
    }
    SP_DECREF(r);
    SpSequenceMethods *sq = SP_TYPE(a)->tp_as_sequence;
    if (sq != NULL) {
        SpBinaryFunc f = sq->sq_inplace_concat ? sq->sq_inplace_concat : sq->sq_concat;
        if (f != NULL) {
            return f(a, b);
        }
    }
    return binop_type_error(a, b, "+=");
}

SpObject *sp_number_inplace_subtract(SpObject *a, SpObject *b) {
    if (BOTH_INTS(a, b)) {
        return sp_int_sub_ints(a, b);
    }
    return binary_iop(a, b, NB_SLOT(nb_inplace_subtract), NB_SLOT(nb_subtract), "-=");
}

SpObject *sp_number_inplace_multiply(SpObject *a, SpObject *b) {
    if (BOTH_INTS(a, b)) {
        return sp_int_mul_ints(a, b);
    }
    SpObject *r = binary_iop1(a, b, NB_SLOT(nb_inplace_multiply), NB_SLOT(nb_multiply));
    if (!IS_NOTIMPL(r)) {
        return r;
    }
    SP_DECREF(r);
    SpSequenceMethods *sa = SP_TYPE(a)->tp_as_sequence, *sb = SP_TYPE(b)->tp_as_sequence;
    if (sa != NULL) {
        SpSizeArgFunc f = sa->sq_inplace_repeat ? sa->sq_inplace_repeat : sa->sq_repeat;
        if (f != NULL) {
            return sequence_repeat(f, a, b);
        }
    } else if (sb != NULL && sb->sq_repeat != NULL) {
        // The right operand is never mutated: plain repeat.
        return sequence_repeat(sb->sq_repeat, b, a);
    }
    return binop_type_error(a, b, "*=");
}

SpObject *sp_number_inplace_matrix_multiply(SpObject *a, SpObject *b) {
    return binary_iop(a, b, NB_SLOT(nb_inplace_matrix_multiply), NB_SLOT(nb_matrix_multiply),
                      "@=");
}

SpObject *sp_number_inplace_true_divide(SpObject *a, SpObject *b) {
    return binary_iop(a, b, NB_SLOT(nb_inplace_true_divide), NB_SLOT(nb_true_divide), "/=");
}

SpObject *sp_number_inplace_floor_divide(SpObject *a, SpObject *b) {
    return binary_iop(a, b, NB_SLOT(nb_inplace_floor_divide), NB_SLOT(nb_floor_divide), "//=");
}

SpObject *sp_number_inplace_remainder(SpObject *a, SpObject *b) {
    return binary_iop(a, b, NB_SLOT(nb_inplace_remainder), NB_SLOT(nb_remainder), "%=");
}

SpObject *sp_number_inplace_power(SpObject *a, SpObject *b, SpObject *m) {
    SpNumberMethods *nb = SP_TYPE(a)->tp_as_number;
    if (nb != NULL && nb->nb_inplace_power != NULL) {
        SpObject *x = nb->nb_inplace_power(a, b, m);
        if (!IS_NOTIMPL(x)) {
            return x;
        }
        SP_DECREF(x);
    }
    return ternary_op(a, b, m, NB_SLOT(nb_power), "**=");
}

SpObject *sp_number_inplace_lshift(SpObject *a, SpObject *b) {
    return binary_iop(a, b, NB_SLOT(nb_inplace_lshift), NB_SLOT(nb_lshift), "<<=");
}

SpObject *sp_number_inplace_rshift(SpObject *a, SpObject *b) {
    return binary_iop(a, b, NB_SLOT(nb_inplace_rshift), NB_SLOT(nb_rshift), ">>=");
}

SpObject *sp_number_inplace_and(SpObject *a, SpObject *b) {
    return binary_iop(a, b, NB_SLOT(nb_inplace_and), NB_SLOT(nb_and), "&=");
}

SpObject *sp_number_inplace_or(SpObject *a, SpObject *b) {
    return binary_iop(a, b, NB_SLOT(nb_inplace_or), NB_SLOT(nb_or), "|=");
}

SpObject *sp_number_inplace_xor(SpObject *a, SpObject *b) {
    return binary_iop(a, b, NB_SLOT(nb_inplace_xor), NB_SLOT(nb_xor), "^=");
}

// ===========================================================================
// Unary operators

static SpObject *unary_op(SpObject *a, size_t off, const char *what) {
    SpNumberMethods *nb = SP_TYPE(a)->tp_as_number;
    SpUnaryFunc f = nb ? *(SpUnaryFunc *)((char *)nb + off) : NULL;
    if (f != NULL) {
        return f(a);
    }
    return sp_err_format(&SpExc_TypeError, "bad operand type for %s: '%.200s'", what,
                         sp_object_type_name(a));
}

SpObject *sp_number_negative(SpObject *a) {
    if (SP_INT_CHECK_EXACT(a)) {
        return sp_int_neg(a);
    }
    return unary_op(a, NB_SLOT(nb_negative), "unary -");
}

SpObject *sp_number_positive(SpObject *a) { return unary_op(a, NB_SLOT(nb_positive), "unary +"); }

SpObject *sp_number_invert(SpObject *a) { return unary_op(a, NB_SLOT(nb_invert), "unary ~"); }

SpObject *sp_number_absolute(SpObject *a) { return unary_op(a, NB_SLOT(nb_absolute), "abs()"); }

// ===========================================================================
// Conversions

int sp_index_check(SpObject *o) {
    SpNumberMethods *nb = SP_TYPE(o)->tp_as_number;
    return nb != NULL && nb->nb_index != NULL;
}

// o.__index__() as an int instance (an int subclass is returned as is).
static SpObject *index_of(SpObject *o) {
    if (SP_INT_CHECK(o)) {
        return sp_newref(o);
    }
    SpNumberMethods *nb = SP_TYPE(o)->tp_as_number;
    if (nb == NULL || nb->nb_index == NULL) {
        return sp_err_format(&SpExc_TypeError,
                             "'%.200s' object cannot be interpreted as an integer",
                             sp_object_type_name(o));
    }
    SpObject *r = nb->nb_index(o);
    if (r == NULL || SP_INT_CHECK(r)) {
        return r;
    }
    sp_err_format(&SpExc_TypeError, "__index__ returned non-int (type %.200s)",
                  sp_object_type_name(r));
    SP_DECREF(r);
    return NULL;
}

// operator.index(o): an int subclass's __index__ result is copied to an
// exact int, as CPython's PyNumber_Index (without its DeprecationWarning).
SpObject *sp_number_index(SpObject *o) {
    if (SP_INT_CHECK_EXACT(o)) {
        return sp_newref(o);
    }
    SpObject *r = index_of(o);
    if (r != NULL && !SP_INT_CHECK_EXACT(r)) {
        SP_SETREF(r, sp_int_copy(r));
    }
    return r;
}

// The common case (an exact one-digit int) needs no call at all.
ssize_t sp_number_as_ssize(SpObject *o, SpTypeObject *exc) {
    if (SP_INT_CHECK_EXACT(o) && SP_INT_IS_COMPACT(o)) {
        return sp_int_compact_value(o);
    }
    SpObject *v = index_of(o);
    if (v == NULL) {
        return -1;
    }
    int of;
    long r = sp_int_as_long_and_overflow(v, &of);
    SP_DECREF(v);
    if (of == 0) {
        return r;
    }
    if (exc == NULL) {
        return of < 0 ? -SSIZE_MAX - 1 : SSIZE_MAX;
    }
    sp_err_format(exc, "cannot fit '%.200s' into an index-sized integer", sp_object_type_name(o));
    return -1;
}

// int(b) for bytes-like objects other than bytes: parse a bytes copy.
static SpObject *long_from_buffer(SpObject *o) {
    SpObject *b = sp_call_one_arg((SpObject *)&SpBytes_Type, o);
    if (b == NULL) {
        return NULL;
    }
    SpObject *r = sp_int_parse(SP_BYTES_DATA(b), SP_BYTES_SIZE(b), 10, b);
    SP_DECREF(b);
    return r;
}

// int(o) without base, CPython's PyNumber_Long order: __int__, __index__,
// __trunc__ (its result must be an int or support __index__), then text
// (str, bytes, bytearray) in base 10. The DeprecationWarning CPython 3.11
// gives for __trunc__ is not emitted.
SpObject *sp_number_long(SpObject *o) {
    if (SP_INT_CHECK_EXACT(o)) {
        return sp_newref(o);
    }
    SpNumberMethods *nb = SP_TYPE(o)->tp_as_number;
    if (nb != NULL && nb->nb_int != NULL) {
        SpObject *r = nb->nb_int(o);
        if (r == NULL || SP_INT_CHECK_EXACT(r)) {
            return r;
        }
        if (!SP_INT_CHECK(r)) {
            sp_err_format(&SpExc_TypeError, "__int__ returned non-int (type %.200s)",
                          sp_object_type_name(r));
            SP_DECREF(r);
            return NULL;
        }
        SP_SETREF(r, sp_int_copy(r));
        return r;
    }
    if (nb != NULL && nb->nb_index != NULL) {
        return sp_number_index(o);
    }
    int found;
    SpObject *t = sp_call_special(o, sp_id(__trunc__), NULL, 0, &found);
    if (found) {
        if (t == NULL || SP_INT_CHECK_EXACT(t)) {
            return t;
        }
        if (SP_INT_CHECK(t)) {
            SP_SETREF(t, sp_int_copy(t));
            return t;
        }
        if (!sp_index_check(t)) {
            sp_err_format(&SpExc_TypeError, "__trunc__ returned non-Integral (type %.200s)",
                          sp_object_type_name(t));
            SP_DECREF(t);
            return NULL;
        }
        SP_SETREF(t, sp_number_index(t));
        return t;
    }
    if (sp_err_occurred()) {
        return NULL;
    }
    if (SP_STR_CHECK(o)) {
        return sp_int_from_unicode(o, 10);
    }
    if (SP_BYTES_CHECK(o)) {
        return sp_int_parse(SP_BYTES_DATA(o), SP_BYTES_SIZE(o), 10, o);
    }
    const char *tn = SP_TYPE(o)->tp_name;
    if (strcmp(tn, "bytearray") == 0 || strcmp(tn, "memoryview") == 0) {
        return long_from_buffer(o);
    }
    return sp_err_format(&SpExc_TypeError,
                         "int() argument must be a string, a bytes-like object or a real number, "
                         "not '%.200s'",
                         sp_object_type_name(o));
}

// float(o), CPython's PyNumber_Float order: __float__ (must return a
// float; a subclass result is copied), __index__, then text parsing.
SpObject *sp_number_float(SpObject *o) {
    if (SP_FLOAT_CHECK_EXACT(o)) {
        return sp_newref(o);
    }
    SpNumberMethods *nb = SP_TYPE(o)->tp_as_number;
    if (nb != NULL && nb->nb_float != NULL) {
        SpObject *r = nb->nb_float(o);
        if (r == NULL || SP_FLOAT_CHECK_EXACT(r)) {
            return r;
        }
        if (!SP_FLOAT_CHECK(r)) {
            sp_err_format(&SpExc_TypeError, "%.50s.__float__ returned non-float (type %.50s)",
                          sp_object_type_name(o), sp_object_type_name(r));
            SP_DECREF(r);
            return NULL;
        }
        double v = SP_FLOAT_VALUE(r);
        SP_DECREF(r);
        return sp_float_from_double(v);
    }
    if (nb != NULL && nb->nb_index != NULL) {
        SpObject *i = sp_number_index(o);
        if (i == NULL) {
            return NULL;
        }
        double v = sp_int_as_double(i);
        SP_DECREF(i);
        if (v == -1.0 && sp_err_occurred()) {
            return NULL;
        }
        return sp_float_from_double(v);
    }
    if (SP_FLOAT_CHECK(o)) {
        return sp_float_from_double(SP_FLOAT_VALUE(o));
    }
    return sp_float_from_string(o);
}
