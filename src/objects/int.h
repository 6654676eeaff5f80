// smallpy: int and bool. Arbitrary precision in CPython 3.11's layout: 30-bit
// digits in uint32_t, least significant first, ob_size = sign x digit count.
// Every int result passes sp_int_shared() / sp_int_from_long(), which hand
// out the shared object when the value is in the run-time small-int range.
// Counterpart: CPython 3.11 Objects/longobject.c, Objects/boolobject.c.
#ifndef SP_OBJECTS_INT_H
#define SP_OBJECTS_INT_H

#include <stdint.h>

#include "core/object.h"

#define SP_INT_SHIFT 30
#define SP_INT_BASE ((SpDigit)1 << SP_INT_SHIFT)
#define SP_INT_MASK ((SpDigit)(SP_INT_BASE - 1))

typedef uint32_t SpDigit;
typedef uint64_t SpTwoDigits;
typedef int64_t SpSTwoDigits;

// Zero has ob_size 0 but still one (zero) digit allocated, as in CPython, so
// sys.getsizeof(0) == 28.
typedef struct SpIntObject {
    SP_OBJECT_VAR_HEAD;
    SpDigit ob_digit[1];
} SpIntObject;

extern SpTypeObject SpInt_Type, SpBool_Type;

#define SP_INT_CHECK(o) sp_type_has_flag(SP_TYPE(o), SP_TPFLAGS_LONG_SUBCLASS)
#define SP_INT_CHECK_EXACT(o) (SP_TYPE(o) == &SpInt_Type)
#define SP_BOOL_CHECK(o) (SP_TYPE(o) == &SpBool_Type)

// True and False are ints (ob_size 1 / 0) with type bool.
extern SpIntObject sp_true_struct, sp_false_struct;
#define sp_True ((SpObject *)&sp_true_struct)
#define sp_False ((SpObject *)&sp_false_struct)
#define SP_RETURN_TRUE return sp_newref(sp_True)
#define SP_RETURN_FALSE return sp_newref(sp_False)
// sp_bool_from_long(v): True or False, new reference. Cannot fail.
static inline SpObject *sp_bool_from_long(long v) { return sp_newref(v ? sp_True : sp_False); }

// --- The shared small-int range (run-time state) ---------------------------

// Current range [lo, hi]; empty (lo > hi) when sharing is off.
extern long sp_small_int_lo, sp_small_int_hi;
// sp_int_cache_init(lo, hi): allocate the shared ints for [lo, hi] (lo > hi
// disables sharing). Called once at start-up, before any int is made, from
// the -X int-cache option. -1 with an exception on failure.
SP_FUNC SP_MAY_RAISE int sp_int_cache_init(long lo, long hi);
// sp_int_is_small(v): v in the shared range.
static inline int sp_int_is_small(long v) { return v >= sp_small_int_lo && v <= sp_small_int_hi; }
// The shared object for small v, borrowed. Precondition: sp_int_is_small(v).
SP_FUNC SpObject *sp_int_small_borrow(long v);

// --- Constructors: each returns a new reference or NULL (MemoryError) -------

// sp_int_from_long(v): THE int constructor for machine values: the shared
// object when v is in range, else a new int.
SP_FUNC SP_MAY_RAISE SpObject *sp_int_from_long(long v);
SP_FUNC SP_MAY_RAISE SpObject *sp_int_from_ssize(ssize_t v);
SP_FUNC SP_MAY_RAISE SpObject *sp_int_from_size(size_t v);
SP_FUNC SP_MAY_RAISE SpObject *sp_int_from_long_long(long long v);
SP_FUNC SP_MAY_RAISE SpObject *sp_int_from_ulong_long(unsigned long long v);
// int(d) truncating; OverflowError "cannot convert float infinity to integer",
// ValueError "cannot convert float NaN to integer".
SP_FUNC SP_MAY_RAISE SpObject *sp_int_from_double(double d);
// int(text, base) for base 0 or 2..36: whitespace, sign, underscores as
// CPython. ValueError "invalid literal for int() with base 10: 'x'".
SP_FUNC SP_MAY_RAISE SpObject *sp_int_from_string(const char *s, ssize_t len, int base);
// sp_int_new(ndigits): a fresh, unshared int with room for ndigits digits
// (at least 1), ob_size set to ndigits; the caller fills the digits and then
// passes it to sp_int_normalize. Internal to the int implementation and the
// compiler's literal parser.
SP_FUNC SP_MAY_RAISE SpIntObject *sp_int_new(ssize_t ndigits);
// sp_int_normalize(v): strip leading zero digits and, if the value is in the
// shared range, return the shared object instead (dropping v: steals it).
SP_FUNC SpObject *sp_int_normalize(SP_STEALS SpIntObject *v);

// --- Conversions ------------------------------------------------------------

// Value as C long / ssize_t: -1 with OverflowError "Python int too large to
// convert to C long" when out of range (check sp_err_occurred()). Accepts
// only int instances (no __index__).
SP_FUNC SP_MAY_RAISE long sp_int_as_long(SpObject *o);
SP_FUNC SP_MAY_RAISE ssize_t sp_int_as_ssize(SpObject *o);
SP_FUNC SP_MAY_RAISE long long sp_int_as_long_long(SpObject *o);
// Value as C long, reporting overflow in *overflow (-1, 0, 1) instead of
// raising. Never fails on an int.
SP_FUNC long sp_int_as_long_and_overflow(SpObject *o, int *overflow);
// Correctly rounded conversion to double; OverflowError "int too large to
// convert to float".
SP_FUNC SP_MAY_RAISE double sp_int_as_double(SpObject *o);
// Sign of an int: -1, 0, 1.
SP_FUNC int sp_int_sign(SpObject *o);
// str(o) in base 10 / repr; bases 2, 8, 16 with prefix as hex()/oct()/bin().
SP_FUNC SP_MAY_RAISE SpObject *sp_int_to_decimal_string(SpObject *o);
SP_FUNC SP_MAY_RAISE SpObject *sp_int_format_base(SpObject *o, int base);
// The int part of format(): spec already parsed by str's format machinery
// is passed as text. New str or NULL.
SP_FUNC SP_MAY_RAISE SpObject *sp_int_format(SpObject *o, SpObject *spec);
// Hash of an int: CPython's (mod 2**61 - 1, -1 becomes -2).
SP_FUNC SpHash sp_int_hash(SpObject *o);
// Exact comparison of an int with a double (for float.__eq__ etc.).
// Returns <0, 0, >0 like memcmp; d must not be NaN.
SP_FUNC int sp_int_compare_double(SpObject *o, double d);
// Number of bits in |o| (int.bit_length()).
SP_FUNC SP_MAY_RAISE SpObject *sp_int_bit_length(SpObject *o);

// Fast paths for the VM: exact ints of at most one digit ("compact").
#define SP_INT_IS_COMPACT(o) ((size_t)(SP_SIZE(o) + 1) < 3u)
static inline long sp_int_compact_value(SpObject *o) {
    ssize_t n = SP_SIZE(o);
    return n == 0 ? 0 : (n > 0 ? (long)((SpIntObject *)o)->ob_digit[0]
                               : -(long)((SpIntObject *)o)->ob_digit[0]);
}

// The int<->decimal-str digit limit of CPython 3.11 (sys.set_int_max_str_digits,
// -X int_max_str_digits, PYTHONINTMAXSTRDIGITS); 0 means unlimited.
extern int sp_int_max_str_digits;

// --- Instrumentation (the lab) ---------------------------------------------
// Every int request with a known value is counted here by sp_int_from_long
// and friends when -X int-stats is on; see core/stats.c.
SP_FUNC void sp_int_stats_record(long v, int served_shared);
extern int sp_int_stats_enabled;

// --- Appended by the num area ----------------------------------------------

// Default and smallest non-zero value of sp_int_max_str_digits (above):
// text in a base that is not a power of two longer than the limit raises
// ValueError in int() and str().
#define SP_INT_DEFAULT_MAX_STR_DIGITS 4300
#define SP_INT_MAX_STR_DIGITS_THRESHOLD 640

// Free-list counters of ints of up to three digits (for the stats printer).
extern size_t sp_int_freelist_hits, sp_int_freelist_misses;

#endif  // SP_OBJECTS_INT_H
