// smallpy: the int object's core: allocation (the two functions every int's
// memory passes), the shared small-int range, the constructors from machine
// values, normalisation, comparison, hashing, and the int type with its
// methods. Arithmetic lives in int_arith.c, bit operations in int_bits.c,
// text/float/bytes conversions in int_conv.c.
// Counterpart: CPython 3.11 Objects/longobject.c.
#include <limits.h>
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

// The limit of int <-> decimal str conversions (sys.set_int_max_str_digits);
// 0 means unlimited. Set by the runtime from -X / PYTHONINTMAXSTRDIGITS.
int sp_int_max_str_digits = SP_INT_DEFAULT_MAX_STR_DIGITS;

// ===========================================================================
// Allocation
//
// Exact ints get their memory from int_alloc and return it through int_free
// and nowhere else, so that an allocation strategy (pool, Python 2 style
// blocks, plain malloc) can be plugged in behind these two functions. Int
// subclass instances are allocated by their type like any heap object.
//
// With SP_CFG_FREELISTS, freed small ints are kept on free lists threaded
// through their ob_type field (Python 2's trick, see the seed article on
// PyIntBlock): a loop that makes and drops an int per iteration then never
// reaches the memory gate. There are two lists: one-digit ints, and ints of
// two or three digits (machine words), which are therefore always given
// room for three digits. An int's capacity is not recorded anywhere, but
// these rules bound it from its size when it is freed: |ob_size| <= 1 has
// room for one digit, |ob_size| of 2 or 3 for three.

#define INT_FREELIST_MAX 256

size_t sp_int_freelist_hits, sp_int_freelist_misses;
#if SP_CFG_FREELISTS
static struct {
    SpIntObject *head;
    int len;
} int_freelists[2];  // [0]: one digit, [1]: two or three digits
#endif

// Memory for an exact int with room for max(1, ndigits) digits: refcount 1,
// type int, ob_size 0. NULL with MemoryError.
static SpIntObject *int_alloc(ssize_t ndigits) {
#if SP_CFG_FREELISTS
    if (ndigits <= 3) {
        int k = ndigits > 1;
        SpIntObject *v = int_freelists[k].head;
        if (v != NULL) {
            int_freelists[k].head = (SpIntObject *)SP_TYPE(v);
            int_freelists[k].len--;
            sp_int_freelist_hits++;
            SP_TYPE(v) = &SpInt_Type;
            SP_REFCNT(v) = 1;
            SP_SET_SIZE(v, 0);
            return v;
        }
        sp_int_freelist_misses++;
        if (k) {
            ndigits = 3;
        }
    }
#endif
    // Straight from the memory gate: ints need no zeroed memory (every
    // digit gets written) and no GC header.
    size_t n = (size_t)(ndigits > 1 ? ndigits : 1);
    size_t size = (size_t)SP_INT_HEADER_SIZE + sizeof(SpDigit) * n;
    SpIntObject *v = sp_mem_alloc(size);
    if (v == NULL) {
        sp_err_no_memory();
        return NULL;
    }
    SP_REFCNT(v) = 1;
    SP_TYPE(v) = &SpInt_Type;
    SP_SET_SIZE(v, 0);
    return v;
}

// Give back the memory of an exact int whose refcount reached zero.
static void int_free(SpIntObject *v) {
#if SP_CFG_FREELISTS
    ssize_t n = SP_SIZE(v);
    n = n < 0 ? -n : n;
    if (n <= 3) {
        int k = n > 1;
        if (int_freelists[k].len < INT_FREELIST_MAX) {
            SP_TYPE(v) = (SpTypeObject *)int_freelists[k].head;
            int_freelists[k].head = v;
            int_freelists[k].len++;
            return;
        }
    }
#endif
    sp_mem_free(v);
}

SpIntObject *sp_int_new(ssize_t ndigits) {
    if (ndigits > SP_INT_MAX_DIGITS) {
        sp_err_set_string(&SpExc_OverflowError, "too many digits in integer");
        return NULL;
    }
    SpIntObject *v = int_alloc(ndigits);
    if (v == NULL) {
        return NULL;
    }
    SP_SET_SIZE(v, ndigits);
    v->ob_digit[0] = 0;  // zero keeps one (zero) digit, as CPython
    return v;
}

// ===========================================================================
// The shared small-int range
//
// The objects of [lo, hi] live in one array, so that consecutive values sit
// sizeof(SpIntObject) == 32 bytes apart exactly as CPython's small_ints
// (id(2) - id(1) == 32). Their reference counts are real counts; the array
// holds one reference to each, so they never reach zero unless someone
// over-releases, which int_dealloc tolerates.

long sp_small_int_lo = 0, sp_small_int_hi = -1;  // empty until sp_int_cache_init
static SpIntObject *small_ints;
// hi - lo + 1, or 0 when sharing is off: one unsigned compare tests the range.
static unsigned long small_span;

// Arrays of earlier sp_int_cache_init calls (tests re-initialise the range):
// objects in them may still be referenced, so they are kept and recognised.
#define RETIRED_MAX 8
static struct {
    SpIntObject *base;
    unsigned long n;
} retired[RETIRED_MAX];
static int nretired;

int sp_int_cache_init(long lo, long hi) {
    // One digit per shared object keeps the 32-byte stride of the array.
    const long limit = (long)SP_INT_MASK;
    if (lo <= hi && (lo < -limit || hi > limit || hi - lo >= (1L << 26))) {
        sp_err_set_string(&SpExc_ValueError, "int-cache range too large");
        return -1;
    }
    SpIntObject *arr = NULL;
    unsigned long n = lo <= hi ? (unsigned long)(hi - lo) + 1 : 0;
    if (n > 0) {
        arr = sp_mem_calloc(n * sizeof(SpIntObject));
        if (arr == NULL) {
            sp_err_no_memory();
            return -1;
        }
        for (unsigned long i = 0; i < n; i++) {
            long v = lo + (long)i;
            SpIntObject *o = &arr[i];
            SP_REFCNT(o) = 1;
            SP_TYPE(o) = &SpInt_Type;
            SP_SET_SIZE(o, v < 0 ? -1 : (v > 0 ? 1 : 0));
            o->ob_digit[0] = (SpDigit)(v < 0 ? -v : v);
        }
    }
    if (small_ints != NULL) {
        if (nretired == RETIRED_MAX) {
            sp_err_set_string(&SpExc_RuntimeError, "int cache re-initialised too often");
            sp_mem_free(arr);
            return -1;
        }
        retired[nretired].base = small_ints;
        retired[nretired].n = small_span;
        nretired++;
    }
    small_ints = arr;
    small_span = n;
    sp_small_int_lo = n ? lo : 0;
    sp_small_int_hi = n ? hi : -1;
    return 0;
}

SpObject *sp_int_small_borrow(long v) {
    SP_ASSERT(sp_int_is_small(v), "value outside the shared range");
    return (SpObject *)&small_ints[v - sp_small_int_lo];
}

// Is o one of the shared objects (current or retired arrays)?
static int is_shared_object(SpIntObject *o) {
    if (o >= small_ints && o < small_ints + small_span) {
        return 1;
    }
    for (int i = 0; i < nretired; i++) {
        if (o >= retired[i].base && o < retired[i].base + retired[i].n) {
            return 1;
        }
    }
    return 0;
}

// ===========================================================================
// Constructors from machine values

// A new (unshared) int for v; the caller has checked the shared range.
// |v| needs 1 digit below 2**30, 2 below 2**60, else 3 (64 bits). The
// magnitude is taken in unsigned arithmetic so LONG_MIN needs no care.
static SpObject *int_from_long_alloc(long v) {
    unsigned long a = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
    ssize_t n = a < SP_INT_BASE ? 1 : (a >> SP_INT_SHIFT) < SP_INT_BASE ? 2 : 3;
    SpIntObject *o = int_alloc(n);
    if (o == NULL) {
        return NULL;
    }
    for (ssize_t i = 0; i < n; i++) {
        o->ob_digit[i] = (SpDigit)(a & SP_INT_MASK);
        a >>= SP_INT_SHIFT;
    }
    SP_SET_SIZE(o, v < 0 ? -n : (v == 0 ? 0 : n));
    return (SpObject *)o;
}

// The hot path of every int result. One unsigned comparison tests the
// range: v - lo wraps around to a huge value for v < lo, so idx < span iff
// lo <= v <= hi (span is 0 when sharing is off).
SpObject *sp_int_from_long(long v) {
    unsigned long idx = (unsigned long)v - (unsigned long)sp_small_int_lo;
    if (idx < small_span) {
        SpObject *o = (SpObject *)&small_ints[idx];
        SP_INCREF(o);
        if (SP_UNLIKELY(sp_int_stats_enabled)) {
            sp_int_stats_record(v, 1);
        }
        return o;
    }
    if (SP_UNLIKELY(sp_int_stats_enabled)) {
        sp_int_stats_record(v, 0);
    }
    return int_from_long_alloc(v);
}

SpObject *sp_int_from_ssize(ssize_t v) { return sp_int_from_long((long)v); }

SpObject *sp_int_from_long_long(long long v) { return sp_int_from_long((long)v); }

SpObject *sp_int_from_ulong_long(unsigned long long v) {
    if (v <= (unsigned long long)LONG_MAX) {
        return sp_int_from_long((long)v);
    }
    if (SP_UNLIKELY(sp_int_stats_enabled)) {
        sp_int_stats_record(LONG_MAX, 0);
    }
    SpIntObject *o = int_alloc(3);  // 64 bits need three 30-bit digits
    if (o == NULL) {
        return NULL;
    }
    for (int i = 0; i < 3; i++) {
        o->ob_digit[i] = (SpDigit)(v & SP_INT_MASK);
        v >>= SP_INT_SHIFT;
    }
    SP_SET_SIZE(o, 3);
    return (SpObject *)o;
}

SpObject *sp_int_from_size(size_t v) { return sp_int_from_ulong_long(v); }

// Results of digit arithmetic are allocated for the worst case, so their
// top digits may be zero: strip them, then, like CPython's
// maybe_small_long, trade a result in the shared range for the shared
// object. This is what makes `(2**40 + 5) - 2**40 is 5` true.
SpObject *sp_int_normalize(SpIntObject *v) {
    ssize_t size = SP_SIZE(v);
    ssize_t n = size < 0 ? -size : size;
    while (n > 0 && v->ob_digit[n - 1] == 0) {
        n--;
    }
    SP_SET_SIZE(v, size < 0 ? -n : n);
    if (n <= 1) {
        long val = n == 0 ? 0 : (size < 0 ? -(long)v->ob_digit[0] : (long)v->ob_digit[0]);
        if (n == 0) {
            v->ob_digit[0] = 0;
        }
        unsigned long idx = (unsigned long)val - (unsigned long)sp_small_int_lo;
        if (idx < small_span) {
            SP_DECREF(v);
            SpObject *o = (SpObject *)&small_ints[idx];
            SP_INCREF(o);
            if (SP_UNLIKELY(sp_int_stats_enabled)) {
                sp_int_stats_record(val, 1);
            }
            return o;
        }
        if (SP_UNLIKELY(sp_int_stats_enabled)) {
            sp_int_stats_record(val, 0);
        }
    } else if (SP_UNLIKELY(sp_int_stats_enabled)) {
        // Values beyond a machine word are counted at the extremes, which
        // every statistics window treats as "outside".
        int of;
        long val = sp_int_as_long_and_overflow((SpObject *)v, &of);
        sp_int_stats_record(of == 0 ? val : (of > 0 ? LONG_MAX : LONG_MIN), 0);
    }
    return (SpObject *)v;
}

// Int subclasses (and bool) share the digit layout, so their value is
// copied digit for digit; small values come from the cache as always.
SpObject *sp_int_copy(SpObject *o) {
    if (SP_INT_CHECK_EXACT(o)) {
        return sp_newref(o);
    }
    ssize_t n = sp_int_ndigits(o);
    if (n <= 1) {
        return sp_int_from_long(SP_INT_SMALL_VALUE(o));
    }
    SpIntObject *v = sp_int_new(n);
    if (v == NULL) {
        return NULL;
    }
    memcpy(v->ob_digit, SP_INT_DIGITS(o), (size_t)n * sizeof(SpDigit));
    SP_SET_SIZE(v, SP_SIZE(o));
    return sp_int_normalize(v);
}

// ===========================================================================
// Comparison, sign, hash

int sp_int_sign(SpObject *o) {
    ssize_t n = SP_SIZE(o);
    return n < 0 ? -1 : (n > 0);
}

// ob_size carries sign and length, so different sizes order the values
// directly: more digits means larger magnitude, and a negative size sorts
// below every non-negative one.
int sp_int_compare(SpObject *a, SpObject *b) {
    ssize_t sa = SP_SIZE(a), sb = SP_SIZE(b);
    if (sa != sb) {
        return sa < sb ? -1 : 1;
    }
    // Same sign and length: the first differing digit from the top decides,
    // reversed for negatives.
    ssize_t i = sa < 0 ? -sa : sa;
    const SpDigit *da = SP_INT_DIGITS(a), *db = SP_INT_DIGITS(b);
    while (--i >= 0 && da[i] == db[i]) {
    }
    if (i < 0) {
        return 0;
    }
    int r = da[i] < db[i] ? -1 : 1;
    return sa < 0 ? -r : r;
}

SpObject *sp_int_richcompare(SpObject *a, SpObject *b, int op) {
    if (!SP_INT_CHECK(a) || !SP_INT_CHECK(b)) {
        SP_RETURN_NOTIMPLEMENTED;
    }
    // Identity means equal without reading the digits (CPython does the
    // same, which matters once a shared int has been altered via ctypes).
    int c = a == b ? 0 : sp_int_compare(a, b);
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

// Hashes of numbers are their value modulo the Mersenne prime 2**61 - 1
// (with the sign), so equal ints, floats (and later fractions) hash alike.
#define HASH_BITS 61
#define HASH_MODULUS (((uint64_t)1 << HASH_BITS) - 1)

// hash(-1) is -2 because -1 signals an error from tp_hash; every other
// one-digit value is its own hash (|v| < 2**30 < the modulus).
SpHash sp_int_hash(SpObject *o) {
    ssize_t size = SP_SIZE(o);
    if (size >= -1 && size <= 1) {
        long v = SP_INT_SMALL_VALUE(o);
        return v == -1 ? -2 : v;
    }
    ssize_t n = size < 0 ? -size : size;
    uint64_t x = 0;
    // Horner's rule modulo 2**61 - 1: multiplying by 2**30 is a rotation of
    // the 61-bit residue.
    for (ssize_t i = n - 1; i >= 0; i--) {
        x = ((x << SP_INT_SHIFT) & HASH_MODULUS) | (x >> (HASH_BITS - SP_INT_SHIFT));
        x += SP_INT_DIGITS(o)[i];
        if (x >= HASH_MODULUS) {
            x -= HASH_MODULUS;
        }
    }
    SpHash h = size < 0 ? -(SpHash)x : (SpHash)x;
    return h == -1 ? -2 : h;
}

// ===========================================================================
// Deallocation and repr

// Exact ints return their memory through int_free (the allocator's other
// half); instances of int subclasses were allocated by their type, so
// their type frees them.
static void int_dealloc(SpObject *o) {
    if (SP_LIKELY(SP_INT_CHECK_EXACT(o))) {
        if (SP_UNLIKELY(is_shared_object((SpIntObject *)o))) {
            // Over-released shared int: keep it alive with the array's
            // reference rather than freeing the middle of an array.
            SP_REFCNT(o) = 1;
            return;
        }
        int_free((SpIntObject *)o);
        return;
    }
    SP_TYPE(o)->tp_free(o);
}

static SpObject *int_repr(SpObject *o) { return sp_int_to_decimal_string(o); }

// ===========================================================================
// int(x), int(x, base)

// The subtype case of int(...): build the exact value, then copy its digits
// into an instance of the subclass.
static SpObject *int_subtype_new(SpTypeObject *type, SpObject *x, SpObject *base);

static SpObject *int_new_impl(SpTypeObject *type, SpObject *x, SpObject *obase) {
    if (type != &SpInt_Type) {
        return int_subtype_new(type, x, obase);
    }
    if (x == NULL) {
        if (obase != NULL) {
            sp_err_set_string(&SpExc_TypeError, "int() missing string argument");
            return NULL;
        }
        return sp_int_from_long(0);
    }
    if (obase == NULL) {
        return sp_number_long(x);
    }
    ssize_t base = sp_number_as_ssize(obase, NULL);
    if (base == -1 && sp_err_occurred()) {
        return NULL;
    }
    if ((base != 0 && base < 2) || base > 36) {
        sp_err_set_string(&SpExc_ValueError, "int() base must be >= 2 and <= 36, or 0");
        return NULL;
    }
    if (SP_STR_CHECK(x)) {
        return sp_int_from_unicode(x, (int)base);
    }
    if (SP_BYTES_CHECK(x)) {
        return sp_int_parse(SP_BYTES_DATA(x), SP_BYTES_SIZE(x), (int)base, x);
    }
    if (strcmp(SP_TYPE(x)->tp_name, "bytearray") == 0) {
        // bytearray is not modelled in a header yet; its contents are
        // reached through bytes(x).
        SpObject *b = sp_call_one_arg((SpObject *)&SpBytes_Type, x);
        if (b == NULL) {
            return NULL;
        }
        SpObject *r = sp_int_parse(SP_BYTES_DATA(b), SP_BYTES_SIZE(b), (int)base, b);
        SP_DECREF(b);
        return r;
    }
    sp_err_set_string(&SpExc_TypeError, "int() can't convert non-string with explicit base");
    return NULL;
}

// The subclass instance has the same layout as int (digits at 24) plus
// whatever the subclass adds after tp_basicsize; sp_object_alloc sizes it
// from the type. Its ob_size is set to the signed digit count like any int.
static SpObject *int_subtype_new(SpTypeObject *type, SpObject *x, SpObject *base) {
    SpObject *tmp = int_new_impl(&SpInt_Type, x, base);
    if (tmp == NULL) {
        return NULL;
    }
    ssize_t n = sp_int_ndigits(tmp);
    SpObject *obj = sp_object_alloc(type, n > 0 ? n : 1);
    if (obj == NULL) {
        SP_DECREF(tmp);
        return NULL;
    }
    SP_SET_SIZE(obj, SP_SIZE(tmp));
    memcpy(SP_INT_DIGITS(obj), SP_INT_DIGITS(tmp), (size_t)(n > 0 ? n : 1) * sizeof(SpDigit));
    SP_DECREF(tmp);
    if (SP_TYPE_IS_GC(type)) {
        sp_gc_track(obj);
    }
    return obj;
}

// Argument binding of int(): x is positional-only, base may be a keyword;
// CPython's messages (the first unknown keyword is named). kwn/kwv are the
// nkw keyword names and values. Returns 0 with *x / *base borrowed (or NULL).
static int int_bind_args(SpObject *const *args, ssize_t nargs, SpObject *const *kwn,
                         SpObject *const *kwv, ssize_t nkw, SpObject **x, SpObject **base) {
    if (nargs + nkw > 2) {
        sp_err_format(&SpExc_TypeError, "int() takes at most 2 arguments (%zd given)",
                      nargs + nkw);
        return -1;
    }
    *x = nargs > 0 ? args[0] : NULL;
    *base = nargs > 1 ? args[1] : NULL;
    for (ssize_t i = 0; i < nkw; i++) {
        if (!sp_str_eq_cstr(kwn[i], "base")) {
            sp_err_format(&SpExc_TypeError, "'%U' is an invalid keyword argument for int()",
                          kwn[i]);
            return -1;
        }
    }
    for (ssize_t i = 0; i < nkw; i++) {
        if (nargs > 1) {
            sp_err_set_string(&SpExc_TypeError,
                              "argument for int() given by name ('base') and position (2)");
            return -1;
        }
        *base = kwv[i];
    }
    return 0;
}

static SpObject *int_new(SpTypeObject *type, SpObject *args, SpObject *kwargs) {
    ssize_t nargs = args ? SP_TUPLE_SIZE(args) : 0;
    ssize_t nkw = kwargs ? SP_DICT_SIZE(kwargs) : 0;
    SpObject *kwn[2], *kwv[2];
    if (nkw > 0 && nargs + nkw <= 2) {
        ssize_t pos = 0;
        for (ssize_t i = 0; i < nkw; i++) {
            sp_dict_next(kwargs, &pos, &kwn[i], &kwv[i]);
        }
    }
    SpObject *x, *base;
    SpObject *const *items = nargs ? ((SpTupleObject *)args)->ob_item : NULL;
    if (int_bind_args(items, nargs, kwn, kwv, nkw, &x, &base) < 0) {
        return NULL;
    }
    return int_new_impl(type, x, base);
}

// int(...) called directly: no argument tuple for the common int(x).
static SpObject *int_vectorcall(SpObject *type, SpObject *const *args, size_t nargsf,
                                SpObject *kwnames) {
    ssize_t nargs = SP_VECTORCALL_NARGS(nargsf);
    if ((SpTypeObject *)type != &SpInt_Type) {
        return sp_vectorcall_via_tp_call(type, args, nargsf, kwnames);
    }
    ssize_t nkw = kwnames ? SP_TUPLE_SIZE(kwnames) : 0;
    SpObject *x, *base;
    SpObject *const *kwn = nkw ? ((SpTupleObject *)kwnames)->ob_item : NULL;
    if (int_bind_args(args, nargs, kwn, args + nargs, nkw, &x, &base) < 0) {
        return NULL;
    }
    return int_new_impl(&SpInt_Type, x, base);
}

// ===========================================================================
// Methods and attributes

static SpObject *int_self(SpObject *self, SpObject *unused) { return sp_int_copy(self); }

static SpObject *int_bit_length_meth(SpObject *self, SpObject *unused) {
    return sp_int_bit_length(self);
}

SpObject *sp_int_bit_length(SpObject *o) {
    return sp_int_from_ulong_long(sp_int_bit_length_u64(o));
}

// Population count of |self|: the digits are the magnitude, so this is
// already what CPython gives for negatives (bit_count(-5) == 2).
static SpObject *int_bit_count(SpObject *self, SpObject *unused) {
    ssize_t n = sp_int_ndigits(self);
    uint64_t c = 0;
    for (ssize_t i = 0; i < n; i++) {
        c += (uint64_t)__builtin_popcount(SP_INT_DIGITS(self)[i]);
    }
    return sp_int_from_ulong_long(c);
}

static SpObject *int_as_integer_ratio(SpObject *self, SpObject *unused) {
    SpObject *num = sp_int_copy(self);
    if (num == NULL) {
        return NULL;
    }
    SpObject *one = sp_int_from_long(1);
    if (one == NULL) {
        SP_DECREF(num);
        return NULL;
    }
    SpObject *r = sp_tuple_pack(2, num, one);
    SP_DECREF(num);
    SP_DECREF(one);
    return r;
}

static SpObject *int_getnewargs(SpObject *self, SpObject *unused) {
    SpObject *v = sp_int_copy(self);
    if (v == NULL) {
        return NULL;
    }
    SpObject *r = sp_tuple_pack(1, v);
    SP_DECREF(v);
    return r;
}

static SpObject *int_sizeof(SpObject *self, SpObject *unused) {
    ssize_t n = sp_int_ndigits(self);
    return sp_int_from_ssize(SP_INT_HEADER_SIZE + (n > 1 ? n : 1) * (ssize_t)sizeof(SpDigit));
}

// format(x, '') is str(x) (so format(True, '') is 'True'); any other spec
// goes to the format-spec mini-language in format.c.
static SpObject *int_format_meth(SpObject *self, SpObject *spec) {
    if (!SP_STR_CHECK(spec)) {
        return sp_err_format(&SpExc_TypeError, "__format__() argument must be str, not %T",
                             spec);
    }
    if (SP_STR_LENGTH(spec) == 0) {
        return sp_object_str(self);
    }
    return sp_int_format(self, spec);
}

// round(self, ndigits): identity for ndigits >= 0; otherwise round half to
// even at 10**-ndigits (CPython's _PyLong_DivmodNear, then self - rem).
static SpObject *int_round(SpObject *self, SpObject *const *args, ssize_t nargs,
                           SpObject *kwnames) {
    if (!sp_arg_no_kwnames("__round__", kwnames)) {
        return NULL;
    }
    if (nargs > 1) {
        return sp_err_format(&SpExc_TypeError, "__round__ expected at most 1 argument, got %zd",
                             nargs);
    }
    if (nargs == 0 || args[0] == sp_None) {
        return sp_int_copy(self);
    }
    SpObject *nd = sp_number_index(args[0]);
    if (nd == NULL) {
        return NULL;
    }
    if (sp_int_sign(nd) >= 0) {
        SP_DECREF(nd);
        return sp_int_copy(self);
    }
    SpObject *result = NULL, *ten = NULL, *pw = NULL, *q = NULL, *r = NULL, *twice = NULL;
    SpObject *neg = sp_int_neg(nd);
    SP_DECREF(nd);
    if (neg == NULL) {
        return NULL;
    }
    ten = sp_int_from_long(10);
    if (ten == NULL) {
        goto done;
    }
    pw = sp_int_pow_ints(ten, neg);
    if (pw == NULL || sp_int_divmod_floor(self, pw, &q, &r) < 0) {
        goto done;
    }
    // r in [0, pw): round q up when 2r > pw, or 2r == pw and q is odd.
    twice = sp_int_add_ints(r, r);
    if (twice == NULL) {
        goto done;
    }
    int c = sp_int_compare(twice, pw);
    int q_odd = sp_int_ndigits(q) > 0 && (SP_INT_DIGITS(q)[0] & 1);
    if (c > 0 || (c == 0 && q_odd)) {
        SpObject *one = sp_int_from_long(1);
        SpObject *q1 = one ? sp_int_add_ints(q, one) : NULL;
        SP_XDECREF(one);
        if (q1 == NULL) {
            goto done;
        }
        SP_SETREF(q, q1);
    }
    result = sp_int_mul_ints(q, pw);
done:
    SP_DECREF(neg);
    SP_XDECREF(ten);
    SP_XDECREF(pw);
    SP_XDECREF(q);
    SP_XDECREF(r);
    SP_XDECREF(twice);
    return result;
}

// The byteorder argument of to_bytes/from_bytes: 1 little, 0 big, -1 error.
static int parse_byteorder(SpObject *o) {
    if (o == NULL) {
        return 0;
    }
    if (!SP_STR_CHECK(o)) {
        sp_err_format(&SpExc_TypeError, "to_bytes() argument 'byteorder' must be str, not %T", o);
        return -1;
    }
    if (sp_str_eq_cstr(o, "little")) {
        return 1;
    }
    if (sp_str_eq_cstr(o, "big")) {
        return 0;
    }
    sp_err_set_string(&SpExc_ValueError, "byteorder must be either 'little' or 'big'");
    return -1;
}

static SpObject *int_to_bytes_meth(SpObject *self, SpObject *const *args, ssize_t nargs,
                                   SpObject *kwnames) {
    static const char *const names[] = {"length", "byteorder", "$signed", NULL};
    SpObject *out[3] = {NULL, NULL, NULL};
    if (sp_arg_parse_kw("to_bytes", args, nargs, kwnames, names, out, 0) < 0) {
        return NULL;
    }
    ssize_t length = 1;
    if (out[0] != NULL) {
        length = sp_number_as_ssize(out[0], &SpExc_OverflowError);
        if (length == -1 && sp_err_occurred()) {
            return NULL;
        }
        if (length < 0) {
            sp_err_set_string(&SpExc_ValueError, "length argument must be non-negative");
            return NULL;
        }
    }
    int little = parse_byteorder(out[1]);
    if (little < 0) {
        return NULL;
    }
    int is_signed = 0;
    if (out[2] != NULL) {
        is_signed = sp_object_is_true(out[2]);
        if (is_signed < 0) {
            return NULL;
        }
    }
    return sp_int_to_bytes(self, length, little, is_signed);
}

static SpObject *int_from_bytes_meth(SpObject *type, SpObject *const *args, ssize_t nargs,
                                     SpObject *kwnames) {
    static const char *const names[] = {"bytes", "byteorder", "$signed", NULL};
    SpObject *out[3] = {NULL, NULL, NULL};
    if (sp_arg_parse_kw("from_bytes", args, nargs, kwnames, names, out, 1) < 0) {
        return NULL;
    }
    int little = parse_byteorder(out[1]);
    if (little < 0) {
        return NULL;
    }
    int is_signed = 0;
    if (out[2] != NULL) {
        is_signed = sp_object_is_true(out[2]);
        if (is_signed < 0) {
            return NULL;
        }
    }
    SpObject *b;
    if (SP_BYTES_CHECK(out[0])) {
        b = sp_newref(out[0]);
    } else if (SP_STR_CHECK(out[0])) {
        return sp_err_format(&SpExc_TypeError, "cannot convert '%T' object to bytes", out[0]);
    } else {
        b = sp_call_one_arg((SpObject *)&SpBytes_Type, out[0]);
        if (b == NULL) {
            return NULL;
        }
    }
    SpObject *v = sp_int_from_bytes((const unsigned char *)SP_BYTES_DATA(b), SP_BYTES_SIZE(b),
                                    little, is_signed);
    SP_DECREF(b);
    if (v != NULL && (SpTypeObject *)type != &SpInt_Type) {
        SP_SETREF(v, sp_call_one_arg(type, v));
    }
    return v;
}

static SpMethodDef int_methods[] = {
    {"conjugate", SP_METH(int_self), SP_METH_NOARGS,
     "Returns self, the complex conjugate of any int."},
    {"bit_length", SP_METH(int_bit_length_meth), SP_METH_NOARGS,
     "Number of bits necessary to represent self in binary."},
    {"bit_count", SP_METH(int_bit_count), SP_METH_NOARGS,
     "Number of ones in the binary representation of the absolute value of self."},
    {"to_bytes", SP_METH(int_to_bytes_meth), SP_METH_FASTCALL,
     "Return an array of bytes representing an integer."},
    {"from_bytes", SP_METH(int_from_bytes_meth), SP_METH_FASTCALL | SP_METH_CLASS,
     "Return the integer represented by the given array of bytes."},
    {"as_integer_ratio", SP_METH(int_as_integer_ratio), SP_METH_NOARGS,
     "Return integer ratio."},
    {"__trunc__", SP_METH(int_self), SP_METH_NOARGS, "Truncating an Integral returns itself."},
    {"__floor__", SP_METH(int_self), SP_METH_NOARGS, "Flooring an Integral returns itself."},
    {"__ceil__", SP_METH(int_self), SP_METH_NOARGS, "Ceiling of an Integral returns itself."},
    {"__round__", SP_METH(int_round), SP_METH_FASTCALL,
     "Rounding an Integral returns itself.\n"
     "Rounding with an ndigits argument also returns an integer."},
    {"__getnewargs__", SP_METH(int_getnewargs), SP_METH_NOARGS, NULL},
    {"__format__", SP_METH(int_format_meth), SP_METH_O,
     "Convert to a string according to format_spec."},
    {"__sizeof__", SP_METH(int_sizeof), SP_METH_NOARGS, "Returns size in memory, in bytes."},
    {NULL, NULL, 0, NULL},
};

static SpObject *int_get_self(SpObject *self, void *unused) { return sp_int_copy(self); }
static SpObject *int_get_zero(SpObject *self, void *unused) { return sp_int_from_long(0); }
static SpObject *int_get_one(SpObject *self, void *unused) { return sp_int_from_long(1); }

static SpGetSetDef int_getset[] = {
    {"real", int_get_self, NULL, "the real part of a complex number", NULL},
    {"imag", int_get_zero, NULL, "the imaginary part of a complex number", NULL},
    {"numerator", int_get_self, NULL, "the numerator of a rational number in lowest terms", NULL},
    {"denominator", int_get_one, NULL, "the denominator of a rational number in lowest terms",
     NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

// int(x) of an int: the exact value (nb_int, nb_index).
SpObject *sp_int_int(SpObject *self) { return sp_int_copy(self); }

SpObject *sp_int_float(SpObject *self) {
    double d = sp_int_as_double(self);
    if (d == -1.0 && sp_err_occurred()) {
        return NULL;
    }
    return sp_float_from_double(d);
}

// No in-place slots: ints are immutable, so a += b is a + b (number.c
// falls back to the binary slot when the in-place one is NULL).
SpNumberMethods sp_int_as_number = {
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
    .nb_and = sp_int_and,
    .nb_xor = sp_int_xor,
    .nb_or = sp_int_or,
    .nb_int = sp_int_int,
    .nb_float = sp_int_float,
    .nb_floor_divide = sp_int_floordiv,
    .nb_true_divide = sp_int_truediv,
    .nb_index = sp_int_int,
};

// tp_str is left NULL: it is inherited from object, which calls tp_repr,
// so a subclass's __repr__ also shows in str() as in CPython, and bool's
// repr gives str(True) == 'True'.
SpTypeObject SpInt_Type = {
    SP_TYPE_HEAD_INIT,
    .tp_name = "int",
    .tp_basicsize = SP_INT_HEADER_SIZE,
    .tp_itemsize = sizeof(SpDigit),
    .tp_dealloc = int_dealloc,
    .tp_repr = int_repr,
    .tp_as_number = &sp_int_as_number,
    .tp_hash = sp_int_hash,
    .tp_flags = SP_TPFLAGS_BASETYPE | SP_TPFLAGS_LONG_SUBCLASS,
    .tp_doc = "int([x]) -> integer\nint(x, base=10) -> integer\n\n"
              "Convert a number or string to an integer, or return 0 if no arguments\n"
              "are given.",
    .tp_richcompare = sp_int_richcompare,
    .tp_methods = int_methods,
    .tp_getset = int_getset,
    .tp_new = int_new,
    .tp_free = sp_object_free,
    .tp_vectorcall = int_vectorcall,
};
