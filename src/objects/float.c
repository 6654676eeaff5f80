// smallpy: the float object: allocation (with a free list), arithmetic with
// CPython's sign rules and special cases, exact comparison with ints,
// hashing compatible with ints, and the float type. repr is in
// float_repr.c; parsing, round and hex in float_conv.c.
// Counterpart: CPython 3.11 Objects/floatobject.c, Python/pyhash.c
// (_Py_HashDouble).
#include <errno.h>
#include <float.h>
#include <math.h>
#include <string.h>

#include "core/abstract.h"
#include "core/err.h"
#include "core/gc.h"
#include "core/mem.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/float.h"
#include "objects/func.h"
#include "objects/int_impl.h"
#include "objects/none.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"

// ===========================================================================
// Allocation: exact floats come from float_alloc and go back through
// float_free; freed ones wait on a free list threaded through ob_type.

// Float temporaries are the commonest short-lived objects of numeric code;
// recycling up to 100 of them skips the allocator, as CPython 3.11's float
// free list does. The list is threaded through ob_type, which a dead float
// no longer needs, so it costs no extra field.
#define FLOAT_FREELIST_MAX 100

size_t sp_float_freelist_hits, sp_float_freelist_misses;
#if SP_CFG_FREELISTS
static SpFloatObject *float_freelist;
static int float_freelist_len;
#endif

static SpFloatObject *float_alloc(void) {
#if SP_CFG_FREELISTS
    SpFloatObject *f = float_freelist;
    if (f != NULL) {
        float_freelist = (SpFloatObject *)SP_TYPE(f);
        float_freelist_len--;
        sp_float_freelist_hits++;
        // Only exact floats reach the free list, so the type can be restored as is.
        SP_TYPE(f) = &SpFloat_Type;
        SP_REFCNT(f) = 1;
        return f;
    }
    sp_float_freelist_misses++;
#endif
    return (SpFloatObject *)sp_object_alloc_size(&SpFloat_Type, sizeof(SpFloatObject));
}

static void float_free(SpFloatObject *f) {
#if SP_CFG_FREELISTS
    if (float_freelist_len < FLOAT_FREELIST_MAX) {
        SP_TYPE(f) = (SpTypeObject *)float_freelist;
        float_freelist = f;
        float_freelist_len++;
        return;
    }
#endif
    sp_object_free((SpObject *)f);
}

SpObject *sp_float_from_double(double v) {
    SpFloatObject *f = float_alloc();
    if (f == NULL) {
        return NULL;
    }
    f->ob_fval = v;
    return (SpObject *)f;
}

static void float_dealloc(SpObject *o) {
    if (SP_FLOAT_CHECK_EXACT(o)) {
        float_free((SpFloatObject *)o);
    } else {
        SP_TYPE(o)->tp_free(o);
    }
}

// ===========================================================================
// Conversions

// PyFloat_AsDouble: floats and ints directly, then __float__ (which must
// return a float), then __index__; the error names the type as CPython.
double sp_float_as_double(SpObject *o) {
    if (SP_FLOAT_CHECK(o)) {
        return SP_FLOAT_VALUE(o);
    }
    // int operands convert with correct rounding; an int beyond the double
    // range is OverflowError ("int too large to convert to float"), not inf.
    if (SP_INT_CHECK(o)) {
        return sp_int_as_double(o);
    }
    SpNumberMethods *nb = SP_TYPE(o)->tp_as_number;
    if (nb != NULL && nb->nb_float != NULL) {
        SpObject *res = nb->nb_float(o);
        if (res == NULL) {
            return -1.0;
        }
        if (!SP_FLOAT_CHECK(res)) {
            sp_err_format(&SpExc_TypeError, "%.50s.__float__ returned non-float (type %.50s)",
                          sp_object_type_name(o), sp_object_type_name(res));
            SP_DECREF(res);
            return -1.0;
        }
        double v = SP_FLOAT_VALUE(res);
        SP_DECREF(res);
        return v;
    }
    if (nb != NULL && nb->nb_index != NULL) {
        SpObject *i = sp_number_index(o);
        if (i == NULL) {
            return -1.0;
        }
        double v = sp_int_as_double(i);
        SP_DECREF(i);
        return v;
    }
    sp_err_format(&SpExc_TypeError, "must be real number, not %.50s", sp_object_type_name(o));
    return -1.0;
}

// The double of an operand of a float operator: 1 and *d set, 0 when the
// operand is neither float nor int (the operator returns NotImplemented),
// -1 on error (an int too large).
static int operand(SpObject *o, double *d) {
    if (SP_FLOAT_CHECK(o)) {
        *d = SP_FLOAT_VALUE(o);
        return 1;
    }
    if (SP_INT_CHECK(o)) {
        *d = sp_int_as_double(o);
        if (*d == -1.0 && sp_err_occurred()) {
            return -1;
        }
        return 1;
    }
    return 0;
}

#define OPERANDS(v, w, a, b)                          \
    double a, b;                                      \
    do {                                              \
        int ra_ = operand((v), &a);                   \
        if (ra_ <= 0) {                               \
            if (ra_ < 0) {                            \
                return NULL;                          \
            }                                         \
            SP_RETURN_NOTIMPLEMENTED;                 \
        }                                             \
        int rb_ = operand((w), &b);                   \
        if (rb_ <= 0) {                               \
            if (rb_ < 0) {                            \
                return NULL;                          \
            }                                         \
            SP_RETURN_NOTIMPLEMENTED;                 \
        }                                             \
    } while (0)

// ===========================================================================
// Arithmetic

static SpObject *float_add(SpObject *v, SpObject *w) {
    OPERANDS(v, w, a, b);
    return sp_float_from_double(a + b);
}

static SpObject *float_sub(SpObject *v, SpObject *w) {
    OPERANDS(v, w, a, b);
    return sp_float_from_double(a - b);
}

static SpObject *float_mul(SpObject *v, SpObject *w) {
    OPERANDS(v, w, a, b);
    return sp_float_from_double(a * b);
}

static SpObject *float_div(SpObject *v, SpObject *w) {
    OPERANDS(v, w, a, b);
    if (b == 0.0) {
        sp_err_set_string(&SpExc_ZeroDivisionError, "float division by zero");
        return NULL;
    }
    return sp_float_from_double(a / b);
}

// x % y with the sign of y (fmod gives the sign of x); a zero result takes
// y's sign too.
static double float_mod_value(double x, double y) {
    double m = fmod(x, y);
    if (m != 0.0) {
        // fmod's result has x's sign; Python's % follows y, so shift by one y.
        if ((y < 0) != (m < 0)) {
            m += y;
        }
    } else {
        m = copysign(0.0, y);
    }
    return m;
}

// Floor quotient and remainder: x == q*y + r with r of y's sign. The
// quotient is derived from the exact fmod remainder and snapped to the
// nearest integer, since (x - r) / y may be off by an ulp.
static void float_divmod_values(double x, double y, double *q, double *r) {
    double m = fmod(x, y);
    // x - m is an exact multiple of y in exact arithmetic, but the division
    // can round; the snapping below restores an integral quotient.
    double div = (x - m) / y;
    if (m != 0.0) {
        if ((y < 0) != (m < 0)) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = copysign(0.0, y);
    }
    if (div != 0.0) {
        double fl = floor(div);
        // Round half up to the nearest integer, CPython's float_divmod.
        if (div - fl > 0.5) {
            fl += 1.0;
        }
        *q = fl;
    } else {
        // A zero quotient carries the sign the true quotient would have.
        *q = copysign(0.0, x / y);
    }
    *r = m;
}

static SpObject *float_rem(SpObject *v, SpObject *w) {
    OPERANDS(v, w, a, b);
    if (b == 0.0) {
        sp_err_set_string(&SpExc_ZeroDivisionError, "float modulo");
        return NULL;
    }
    return sp_float_from_double(float_mod_value(a, b));
}

static SpObject *float_floor_div(SpObject *v, SpObject *w) {
    OPERANDS(v, w, a, b);
    if (b == 0.0) {
        sp_err_set_string(&SpExc_ZeroDivisionError, "float floor division by zero");
        return NULL;
    }
    double q, r;
    float_divmod_values(a, b, &q, &r);
    return sp_float_from_double(q);
}

static SpObject *float_divmod(SpObject *v, SpObject *w) {
    OPERANDS(v, w, a, b);
    if (b == 0.0) {
        sp_err_set_string(&SpExc_ZeroDivisionError, "float divmod()");
        return NULL;
    }
    double q, r;
    float_divmod_values(a, b, &q, &r);
    SpObject *qo = sp_float_from_double(q);
    SpObject *ro = qo ? sp_float_from_double(r) : NULL;
    if (ro == NULL) {
        SP_XDECREF(qo);
        return NULL;
    }
    SpObject *t = sp_tuple_pack(2, qo, ro);
    SP_DECREF(qo);
    SP_DECREF(ro);
    return t;
}

static int is_odd_integer(double x) { return fmod(fabs(x), 2.0) == 1.0; }

// OverflowError(34, 'Numerical result out of range'), as CPython raises
// from errno ERANGE.
static SpObject *range_error(void) {
    SpObject *code = sp_int_from_long(ERANGE);
    SpObject *msg = code ? sp_str_from_cstr("Numerical result out of range") : NULL;
    SpObject *args = msg ? sp_tuple_pack(2, code, msg) : NULL;
    if (args != NULL) {
        sp_err_set_object(&SpExc_OverflowError, args);
    }
    SP_XDECREF(code);
    SP_XDECREF(msg);
    SP_XDECREF(args);
    return NULL;
}

// The order of the tests matters: x**0 is 1 even for NaN x, 1**y is 1
// even for NaN y, and infinities are settled before C's pow sees them.
// Odd integer exponents keep the sign of a negative base (and of -0.0).
SpObject *sp_float_pow_doubles(double v, double w) {
    // The special cases of C99 Annex F that Python keeps, and the ones it
    // makes errors.
    if (w == 0.0) {
        return sp_float_from_double(1.0);
    }
    if (isnan(v)) {
        return sp_float_from_double(v);
    }
    if (isnan(w)) {
        return sp_float_from_double(v == 1.0 ? 1.0 : w);
    }
    if (isinf(w)) {
        double av = fabs(v);
        if (av == 1.0) {
            return sp_float_from_double(1.0);
        }
        return sp_float_from_double((w > 0) == (av > 1.0) ? fabs(w) : 0.0);
    }
    if (isinf(v)) {
        int odd = is_odd_integer(w);
        if (w > 0) {
            return sp_float_from_double(odd ? v : fabs(v));
        }
        return sp_float_from_double(odd ? copysign(0.0, v) : 0.0);
    }
    if (v == 0.0) {
        if (w < 0) {
            sp_err_set_string(&SpExc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
            return NULL;
        }
        return sp_float_from_double(is_odd_integer(w) ? v : 0.0);
    }
    int negate = 0;
    if (v < 0) {
        if (w != floor(w)) {
            // CPython returns a complex number here; smallpy has no complex.
            sp_err_set_string(&SpExc_ValueError, "complex results are not supported yet");
            return NULL;
        }
        v = -v;
        negate = is_odd_integer(w);
    }
    if (v == 1.0) {
        return sp_float_from_double(negate ? -1.0 : 1.0);
    }
    errno = 0;
    double r = pow(v, w);
    // Overflow is an error; underflow to zero is not.
    if (isinf(r) || (errno == ERANGE && fabs(r) >= 1.0)) {
        return range_error();
    }
    return sp_float_from_double(negate ? -r : r);
}

static SpObject *float_pow(SpObject *v, SpObject *w, SpObject *z) {
    if (z != sp_None) {
        sp_err_set_string(&SpExc_TypeError,
                          "pow() 3rd argument not allowed unless all arguments are integers");
        return NULL;
    }
    OPERANDS(v, w, a, b);
    return sp_float_pow_doubles(a, b);
}

static SpObject *float_exact(SpObject *v) {
    if (SP_FLOAT_CHECK_EXACT(v)) {
        return sp_newref(v);
    }
    return sp_float_from_double(SP_FLOAT_VALUE(v));
}

static SpObject *float_neg(SpObject *v) { return sp_float_from_double(-SP_FLOAT_VALUE(v)); }
static SpObject *float_abs(SpObject *v) { return sp_float_from_double(fabs(SP_FLOAT_VALUE(v))); }
static int float_bool(SpObject *v) { return SP_FLOAT_VALUE(v) != 0.0; }
static SpObject *float_int(SpObject *v) { return sp_int_from_double(SP_FLOAT_VALUE(v)); }

// ===========================================================================
// Comparison and hash

// Comparisons with NaN are all false except !=. An int operand is compared
// exactly (sp_int_compare_double); int.__lt__ etc. return NotImplemented
// for floats, so `1 < 1.5` arrives here reflected.
static SpObject *float_richcompare(SpObject *v, SpObject *w, int op) {
    double a = SP_FLOAT_VALUE(v);
    int c;
    if (SP_FLOAT_CHECK(w)) {
        double b = SP_FLOAT_VALUE(w);
        if (isnan(a) || isnan(b)) {
            return sp_bool_from_long(op == SP_NE);
        }
        c = a < b ? -1 : (a > b);
    } else if (SP_INT_CHECK(w)) {
        if (isnan(a)) {
            return sp_bool_from_long(op == SP_NE);
        }
        c = -sp_int_compare_double(w, a);  // exact, never via a rounded copy
    } else {
        SP_RETURN_NOTIMPLEMENTED;
    }
    int r;
    switch (op) {
    case SP_LT: r = c < 0; break;
    case SP_LE: r = c <= 0; break;
    case SP_EQ: r = c == 0; break;
    case SP_NE: r = c != 0; break;
    case SP_GT: r = c > 0; break;
    default: r = c >= 0; break;
    }
    return sp_bool_from_long(r);
}

#define HASH_BITS 61
#define HASH_MODULUS (((uint64_t)1 << HASH_BITS) - 1)
#define HASH_INF 314159

// The value modulo 2**61 - 1, like int's hash: the mantissa is folded in
// 28 bits at a time (multiplying by 2**28 is a rotation of the residue),
// then the binary exponent applied as one more rotation. NaNs hash by
// identity (3.10+).
SpHash sp_float_hash_double(SpObject *inst, double d) {
    if (!isfinite(d)) {
        if (isinf(d)) {
            return d > 0 ? HASH_INF : -HASH_INF;
        }
        // NaN: hash the object's address like object.__hash__ (rotated by 4, since
        // the low bits of an aligned address are always zero), so distinct NaNs
        // spread over a dict instead of colliding at 0.
        uintptr_t y = (uintptr_t)inst;
        y = (y >> 4) | (y << (8 * sizeof(y) - 4));
        SpHash h = (SpHash)y;
        return h == -1 ? -2 : h;
    }
    int e;
    // d = m * 2**e with 0.5 <= |m| < 1; the loop peels 28 bits of m at a time
    // into x while keeping x * 2**e equal to |d| modulo 2**61 - 1.
    double m = frexp(d, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0;
    while (m != 0.0) {
        x = ((x << 28) & HASH_MODULUS) | (x >> (HASH_BITS - 28));
        m *= 268435456.0;  // 2**28
        e -= 28;
        uint64_t part = (uint64_t)m;
        m -= (double)part;
        x += part;
        if (x >= HASH_MODULUS) {
            x -= HASH_MODULUS;
        }
    }
    // 2**e modulo 2**61 - 1 is a rotation by e mod 61.
    e = e >= 0 ? e % HASH_BITS : HASH_BITS - 1 - ((-1 - e) % HASH_BITS);
    x = ((x << e) & HASH_MODULUS) | (x >> (HASH_BITS - e));
    SpHash h = (SpHash)x * sign;
    return h == -1 ? -2 : h;
}

static SpHash float_hash(SpObject *v) { return sp_float_hash_double(v, SP_FLOAT_VALUE(v)); }

static SpObject *float_repr(SpObject *v) {
    char buf[40];
    sp_float_repr_buf(SP_FLOAT_VALUE(v), buf, sizeof buf);
    size_t n = strlen(buf);
    SpObject *s = sp_str_new((ssize_t)n, 0x7F);
    if (s == NULL) {
        return NULL;
    }
    memcpy(SP_STR_DATA(s), buf, n + 1);
    return s;
}

// ===========================================================================
// float(x)

static SpObject *float_new_impl(SpTypeObject *type, SpObject *x);

static SpObject *float_subtype_new(SpTypeObject *type, SpObject *x) {
    SpObject *tmp = float_new_impl(&SpFloat_Type, x);
    if (tmp == NULL) {
        return NULL;
    }
    SpObject *obj = sp_object_alloc(type, 0);
    if (obj != NULL) {
        ((SpFloatObject *)obj)->ob_fval = SP_FLOAT_VALUE(tmp);
        if (SP_TYPE_IS_GC(type)) {
            sp_gc_track(obj);
        }
    }
    SP_DECREF(tmp);
    return obj;
}

static SpObject *float_new_impl(SpTypeObject *type, SpObject *x) {
    if (type != &SpFloat_Type) {
        return float_subtype_new(type, x);
    }
    if (x == NULL) {
        return sp_float_from_double(0.0);
    }
    if (SP_STR_CHECK_EXACT(x)) {
        return sp_float_from_string(x);
    }
    return sp_number_float(x);
}

// float(x=0, /): keywords are refused unless a subclass has its own
// __init__ that may want them (CPython's rule).
static SpObject *float_new(SpTypeObject *type, SpObject *args, SpObject *kwargs) {
    ssize_t nargs = args ? SP_TUPLE_SIZE(args) : 0;
    if ((type == &SpFloat_Type || type->tp_init == SpFloat_Type.tp_init) && kwargs != NULL &&
        SP_DICT_SIZE(kwargs) != 0) {
        sp_err_set_string(&SpExc_TypeError, "float() takes no keyword arguments");
        return NULL;
    }
    if (nargs > 1) {
        return sp_err_format(&SpExc_TypeError, "float expected at most 1 argument, got %zd",
                             nargs);
    }
    return float_new_impl(type, nargs ? SP_TUPLE_GET_ITEM(args, 0) : NULL);
}

static SpObject *float_vectorcall(SpObject *type, SpObject *const *args, size_t nargsf,
                                  SpObject *kwnames) {
    ssize_t nargs = SP_VECTORCALL_NARGS(nargsf);
    if ((SpTypeObject *)type != &SpFloat_Type) {
        return sp_vectorcall_via_tp_call(type, args, nargsf, kwnames);
    }
    if (kwnames != NULL && SP_TUPLE_SIZE(kwnames) != 0) {
        sp_err_set_string(&SpExc_TypeError, "float() takes no keyword arguments");
        return NULL;
    }
    if (nargs > 1) {
        return sp_err_format(&SpExc_TypeError, "float expected at most 1 argument, got %zd",
                             nargs);
    }
    return float_new_impl(&SpFloat_Type, nargs ? args[0] : NULL);
}

// ===========================================================================
// Methods and attributes

static SpObject *float_conjugate(SpObject *self, SpObject *unused) { return float_exact(self); }

static SpObject *float_is_integer(SpObject *self, SpObject *unused) {
    double x = SP_FLOAT_VALUE(self);
    return sp_bool_from_long(isfinite(x) && floor(x) == x);
}

static SpObject *float_trunc(SpObject *self, SpObject *unused) { return float_int(self); }

static SpObject *float_floor(SpObject *self, SpObject *unused) {
    return sp_int_from_double(floor(SP_FLOAT_VALUE(self)));
}

static SpObject *float_ceil(SpObject *self, SpObject *unused) {
    return sp_int_from_double(ceil(SP_FLOAT_VALUE(self)));
}

static SpObject *float_round(SpObject *self, SpObject *const *args, ssize_t nargs,
                             SpObject *kwnames) {
    if (!sp_arg_no_kwnames("__round__", kwnames)) {
        return NULL;
    }
    if (nargs > 1) {
        return sp_err_format(&SpExc_TypeError, "__round__ expected at most 1 argument, got %zd",
                             nargs);
    }
    double x = SP_FLOAT_VALUE(self);
    if (nargs == 0 || args[0] == sp_None) {
        return sp_float_round_int(x);
    }
    ssize_t nd = sp_number_as_ssize(args[0], NULL);
    if (nd == -1 && sp_err_occurred()) {
        return NULL;
    }
    return sp_float_round_digits(x, nd);
}

// x = m * 2**e with m in [0.5, 1): doubling m until it is integral (at
// most 53 times) gives the numerator; 2**-e (or the shift of the
// numerator by e) the rest. The result is in lowest terms because the
// numerator is odd unless the denominator is 1.
static SpObject *float_as_integer_ratio(SpObject *self, SpObject *unused) {
    double x = SP_FLOAT_VALUE(self);
    if (isinf(x)) {
        sp_err_set_string(&SpExc_OverflowError, "cannot convert Infinity to integer ratio");
        return NULL;
    }
    if (isnan(x)) {
        sp_err_set_string(&SpExc_ValueError, "cannot convert NaN to integer ratio");
        return NULL;
    }
    int e;
    double m = frexp(x, &e);
    for (int i = 0; i < 300 && m != floor(m); i++) {
        m *= 2.0;
        e--;
    }
    SpObject *num = sp_int_from_double(m), *den = NULL, *r = NULL;
    if (num == NULL) {
        return NULL;
    }
    if (e > 0) {
        SP_SETREF(num, sp_int_lshift_by(num, (size_t)e));
        den = sp_int_from_long(1);
    } else {
        SpObject *one = sp_int_from_long(1);
        den = one ? sp_int_lshift_by(one, (size_t)-e) : NULL;
        SP_XDECREF(one);
    }
    if (num != NULL && den != NULL) {
        r = sp_tuple_pack(2, num, den);
    }
    SP_XDECREF(num);
    SP_XDECREF(den);
    return r;
}

static SpObject *float_hex(SpObject *self, SpObject *unused) {
    return sp_float_to_hex(SP_FLOAT_VALUE(self));
}

static SpObject *float_fromhex(SpObject *type, SpObject *s) {
    SpObject *r = sp_float_from_hex_str(s);
    if (r != NULL && (SpTypeObject *)type != &SpFloat_Type) {
        SP_SETREF(r, sp_call_one_arg(type, r));
    }
    return r;
}

static SpObject *float_getformat(SpObject *type, SpObject *arg) {
    if (!SP_STR_CHECK(arg)) {
        return sp_err_format(&SpExc_TypeError, "__getformat__() argument must be str, not %T",
                             arg);
    }
    if (!sp_str_eq_cstr(arg, "double") && !sp_str_eq_cstr(arg, "float")) {
        sp_err_set_string(&SpExc_ValueError,
                          "__getformat__() argument 1 must be 'double' or 'float'");
        return NULL;
    }
    return sp_str_from_cstr("IEEE, little-endian");
}

static SpObject *float_getnewargs(SpObject *self, SpObject *unused) {
    SpObject *v = sp_float_from_double(SP_FLOAT_VALUE(self));
    if (v == NULL) {
        return NULL;
    }
    SpObject *r = sp_tuple_pack(1, v);
    SP_DECREF(v);
    return r;
}

static SpObject *float_format_meth(SpObject *self, SpObject *spec) {
    if (!SP_STR_CHECK(spec)) {
        return sp_err_format(&SpExc_TypeError, "__format__() argument must be str, not %T",
                             spec);
    }
    if (SP_STR_LENGTH(spec) == 0) {
        return sp_object_str(self);
    }
    return sp_float_format(self, spec);
}

static SpObject *float_sizeof(SpObject *self, SpObject *unused) {
    return sp_int_from_ssize(SP_TYPE(self)->tp_basicsize);
}

static SpMethodDef float_methods[] = {
    {"conjugate", SP_METH(float_conjugate), SP_METH_NOARGS,
     "Return self, the complex conjugate of any float."},
    {"__trunc__", SP_METH(float_trunc), SP_METH_NOARGS,
     "Return the Integral closest to x between 0 and x."},
    {"__floor__", SP_METH(float_floor), SP_METH_NOARGS, "Return the floor as an Integral."},
    {"__ceil__", SP_METH(float_ceil), SP_METH_NOARGS, "Return the ceiling as an Integral."},
    {"__round__", SP_METH(float_round), SP_METH_FASTCALL,
     "Return the Integral closest to x, rounding half toward even.\n\n"
     "When an argument is passed, work like built-in round(x, ndigits)."},
    {"as_integer_ratio", SP_METH(float_as_integer_ratio), SP_METH_NOARGS,
     "Return integer ratio."},
    {"fromhex", SP_METH(float_fromhex), SP_METH_O | SP_METH_CLASS,
     "Create a floating-point number from a hexadecimal string."},
    {"hex", SP_METH(float_hex), SP_METH_NOARGS,
     "Return a hexadecimal representation of a floating-point number."},
    {"is_integer", SP_METH(float_is_integer), SP_METH_NOARGS,
     "Return True if the float is an integer."},
    {"__getnewargs__", SP_METH(float_getnewargs), SP_METH_NOARGS, NULL},
    {"__getformat__", SP_METH(float_getformat), SP_METH_O | SP_METH_CLASS,
     "You probably don't want to use this function."},
    {"__format__", SP_METH(float_format_meth), SP_METH_O,
     "Formats the float according to format_spec."},
    {"__sizeof__", SP_METH(float_sizeof), SP_METH_NOARGS, "Size of object in memory, in bytes."},
    {NULL, NULL, 0, NULL},
};

static SpObject *float_get_real(SpObject *self, void *unused) { return float_exact(self); }
static SpObject *float_get_imag(SpObject *self, void *unused) { return sp_float_from_double(0.0); }

static SpGetSetDef float_getset[] = {
    {"real", float_get_real, NULL, "the real part of a complex number", NULL},
    {"imag", float_get_imag, NULL, "the imaginary part of a complex number", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static SpNumberMethods float_as_number = {
    .nb_add = float_add,
    .nb_subtract = float_sub,
    .nb_multiply = float_mul,
    .nb_remainder = float_rem,
    .nb_divmod = float_divmod,
    .nb_power = float_pow,
    .nb_negative = float_neg,
    .nb_positive = float_exact,
    .nb_absolute = float_abs,
    .nb_bool = float_bool,
    .nb_int = float_int,
    .nb_float = float_exact,
    .nb_floor_divide = float_floor_div,
    .nb_true_divide = float_div,
};

SpTypeObject SpFloat_Type = {
    SP_TYPE_HEAD_INIT,
    .tp_name = "float",
    .tp_basicsize = sizeof(SpFloatObject),
    .tp_dealloc = float_dealloc,
    .tp_repr = float_repr,
    .tp_as_number = &float_as_number,
    .tp_hash = float_hash,
    .tp_flags = SP_TPFLAGS_BASETYPE,
    .tp_doc = "Convert a string or number to a floating point number, if possible.",
    .tp_richcompare = float_richcompare,
    .tp_methods = float_methods,
    .tp_getset = float_getset,
    .tp_new = float_new,
    .tp_free = sp_object_free,
    .tp_vectorcall = float_vectorcall,
};
