// smallpy: private helpers shared by the number files of objects/ (int.c,
// int_arith.c, int_bits.c, int_conv.c, bool.c, float*.c), core/number.c and
// tests/unit/int_test.c. Not a contract for anyone else: the API is int.h /
// float.h. Counterpart: the static helpers of CPython 3.11
// Objects/longobject.c and Objects/floatobject.c.
#ifndef SP_OBJECTS_INT_IMPL_H
#define SP_OBJECTS_INT_IMPL_H

#include <limits.h>
#include <stddef.h>
#include <stdint.h>

#include "objects/int.h"
#include "objects/str.h"

// --- Digit access --------------------------------------------------------------

#define SP_INT_DIGITS(o) (((SpIntObject *)(o))->ob_digit)
// Number of digits of |o| (ob_size without its sign).
static inline ssize_t sp_int_ndigits(SpObject *o) {
    ssize_t n = SP_SIZE(o);
    return n < 0 ? -n : n;
}
// Bytes before the digits: the var header (24), as CPython's
// offsetof(PyLongObject, ob_digit).
#define SP_INT_HEADER_SIZE ((ssize_t)offsetof(SpIntObject, ob_digit))
// Most digits an int may have (CPython's MAX_LONG_DIGITS); past it
// OverflowError "too many digits in integer".
#define SP_INT_MAX_DIGITS ((ssize_t)((SSIZE_MAX - SP_INT_HEADER_SIZE) / sizeof(SpDigit)))

// --- int.c ----------------------------------------------------------------------

// An exact int equal to the int (or int subclass instance) o: o itself for
// exact ints, else a copy (shared when small). New reference or NULL.
SP_FUNC SP_MAY_RAISE SpObject *sp_int_copy(SpObject *o);
// Compare two ints: -1, 0, 1. Cannot fail.
SP_FUNC int sp_int_compare(SpObject *a, SpObject *b);
// The value of a one-digit int as long, for any int subclass too.
#define SP_INT_SMALL_VALUE(o) sp_int_compact_value(SP_OBJ(o))
// The method table of int; bool reuses its slots.
extern SpNumberMethods sp_int_as_number;
// Slots of int used by bool too: rich comparison, int(x) / index, float(x).
SP_FUNC SpObject *sp_int_richcompare(SpObject *a, SpObject *b, int op);
SP_FUNC SpObject *sp_int_int(SpObject *self);
SP_FUNC SpObject *sp_int_float(SpObject *self);

// --- int_arith.c: slots of int (NotImplemented unless both are ints) -------------

SP_FUNC SpObject *sp_int_add(SpObject *a, SpObject *b);
SP_FUNC SpObject *sp_int_sub(SpObject *a, SpObject *b);
SP_FUNC SpObject *sp_int_mul(SpObject *a, SpObject *b);
SP_FUNC SpObject *sp_int_floordiv(SpObject *a, SpObject *b);
SP_FUNC SpObject *sp_int_mod(SpObject *a, SpObject *b);
SP_FUNC SpObject *sp_int_divmod(SpObject *a, SpObject *b);
SP_FUNC SpObject *sp_int_truediv(SpObject *a, SpObject *b);
SP_FUNC SpObject *sp_int_pow(SpObject *a, SpObject *b, SpObject *m);
SP_FUNC SpObject *sp_int_neg(SpObject *a);
SP_FUNC SpObject *sp_int_pos(SpObject *a);
SP_FUNC SpObject *sp_int_abs(SpObject *a);
SP_FUNC int sp_int_bool(SpObject *a);
// Floor division and remainder of two ints (Python's signs); either output
// pointer may be NULL. 0, or -1 with ZeroDivisionError / MemoryError.
SP_FUNC SP_MAY_RAISE int sp_int_divmod_floor(SpObject *a, SpObject *b, SpObject **q,
                                             SpObject **r);
// Truncating division of |a| by a one-digit divisor d > 0: digits of the
// quotient written to out (same length as a), the remainder returned.
SP_FUNC SpDigit sp_int_divrem_digit(const SpDigit *a, ssize_t n, SpDigit d, SpDigit *out);
// |a| * m + add in place over n digits; returns the carry out.
SP_FUNC SpDigit sp_int_muladd_digit(SpDigit *a, ssize_t n, SpDigit m, SpDigit add);
// Multiplication of two ints whatever their type; no NotImplemented.
SP_FUNC SP_MAY_RAISE SpObject *sp_int_mul_ints(SpObject *a, SpObject *b);
SP_FUNC SP_MAY_RAISE SpObject *sp_int_add_ints(SpObject *a, SpObject *b);
SP_FUNC SP_MAY_RAISE SpObject *sp_int_sub_ints(SpObject *a, SpObject *b);
// base ** e for a non-negative int e, exact (no modulus).
SP_FUNC SP_MAY_RAISE SpObject *sp_int_pow_ints(SpObject *base, SpObject *e);

// --- int_bits.c -------------------------------------------------------------------

SP_FUNC SpObject *sp_int_invert(SpObject *a);
SP_FUNC SpObject *sp_int_lshift(SpObject *a, SpObject *b);
SP_FUNC SpObject *sp_int_rshift(SpObject *a, SpObject *b);
SP_FUNC SpObject *sp_int_and(SpObject *a, SpObject *b);
SP_FUNC SpObject *sp_int_or(SpObject *a, SpObject *b);
SP_FUNC SpObject *sp_int_xor(SpObject *a, SpObject *b);
// a << n / a >> n (floor) for a machine shift count n >= 0.
SP_FUNC SP_MAY_RAISE SpObject *sp_int_lshift_by(SpObject *a, size_t n);
SP_FUNC SP_MAY_RAISE SpObject *sp_int_rshift_by(SpObject *a, size_t n);
// Bit length of |o| as a machine number (fits: digits are bounded).
SP_FUNC uint64_t sp_int_bit_length_u64(SpObject *o);
// Bits 0..63 of |o| (the low machine word of the magnitude).
SP_FUNC uint64_t sp_int_low_bits(SpObject *o);
// Bits [pos, pos + count) of |o|, count <= 64 (int_conv.c).
SP_FUNC uint64_t sp_int_get_bits(SpObject *o, uint64_t pos, int count);

// --- int_conv.c -------------------------------------------------------------------

// The text of o in base 2, 8, 10 or 16 with the prefixes of bin/oct/hex
// (alternate != 0) and '-' for negatives, as NUL-terminated ASCII in a buffer
// from sp_mem_alloc (caller frees; *len receives the length). Base 10 obeys
// the int_max_str_digits limit. NULL with an exception.
SP_FUNC SP_MAY_RAISE char *sp_int_to_cstr(SpObject *o, int base, int alternate, ssize_t *len);
// int(str_or_bytes, base) for a str object: Unicode digits and whitespace
// accepted as CPython. New reference or NULL.
SP_FUNC SP_MAY_RAISE SpObject *sp_int_from_unicode(SpObject *s, int base);
// Parse ASCII text; `orig` (str or bytes) is the object named in the error
// message, or NULL to build it from the text. New reference or NULL.
SP_FUNC SP_MAY_RAISE SpObject *sp_int_parse(const char *s, ssize_t len, int base,
                                           SpObject *orig);
// int.to_bytes / int.from_bytes cores.
SP_FUNC SP_MAY_RAISE SpObject *sp_int_to_bytes(SpObject *o, ssize_t length, int little,
                                              int is_signed);
SP_FUNC SP_MAY_RAISE SpObject *sp_int_from_bytes(const unsigned char *b, ssize_t n,
                                                int little, int is_signed);
// |o| as a double scaled: returns x in [0.5, 1) (or 0) with |o| ~= x * 2**e,
// correctly rounded to 53 bits; *e receives the exponent. Cannot fail.
SP_FUNC double sp_int_frexp(SpObject *o, int64_t *e);

// --- bool.c ---------------------------------------------------------------------

SP_FUNC SpObject *sp_bool_and(SpObject *a, SpObject *b);
SP_FUNC SpObject *sp_bool_or(SpObject *a, SpObject *b);
SP_FUNC SpObject *sp_bool_xor(SpObject *a, SpObject *b);

// --- float.c / float_conv.c ---------------------------------------------------------

// float ** float with CPython's special cases (float_pow without the
// conversion step). New float or NULL.
SP_FUNC SP_MAY_RAISE SpObject *sp_float_pow_doubles(double v, double w);
// Parse a float from ASCII text already stripped of whitespace; underscores
// allowed between digits. 0 with *out set, or -1 *without* an exception when
// the text is not a float literal.
SP_FUNC int sp_float_parse_ascii(const char *s, ssize_t len, double *out);
// float.__round__ cores: round(x, ndigits) correctly rounded (float) and
// round(x) (int, half to even).
SP_FUNC SP_MAY_RAISE SpObject *sp_float_round_digits(double x, ssize_t ndigits);
SP_FUNC SP_MAY_RAISE SpObject *sp_float_round_int(double x);
// Shortest round-trip digits of x > 0 (finite) into out (>= 24 bytes, no
// trailing zeros); returns decpt, x ~= 0.d1d2... * 10**decpt. method 0 is
// the fast one repr uses, 1 the printf/strtod reference (float_repr.c).
SP_FUNC int sp_float_shortest_digits(double x, char *out, int method);
// float.hex() / float.fromhex() cores.
SP_FUNC SP_MAY_RAISE SpObject *sp_float_to_hex(double x);
SP_FUNC SP_MAY_RAISE SpObject *sp_float_from_hex_str(SpObject *s);
// float(x) for str / bytes / bytearray contents; `orig` names the input in
// the error message. New float or NULL.
SP_FUNC SP_MAY_RAISE SpObject *sp_float_from_text(const char *s, ssize_t len, SpObject *orig);

// --- Text helpers (int_conv.c) -------------------------------------------------

// The characters of str s as ASCII for number parsing, as CPython's
// _PyUnicode_TransformDecimalAndSpaceToASCII: ASCII kept, Unicode
// whitespace -> ' ', Unicode decimal digits -> '0'..'9', anything else '?'.
// Returns a pointer to the str's own data when it is ASCII (*tofree NULL),
// else a buffer from sp_mem_alloc stored in *tofree. NULL with MemoryError.
SP_FUNC SP_MAY_RAISE const char *sp_num_ascii_of_str(SpObject *s, ssize_t *len, char **tofree);
// Python's str.isspace() restricted to what number parsing needs: ASCII
// whitespace (space, \t \n \v \f \r) only.
static inline int sp_num_isspace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

#endif  // SP_OBJECTS_INT_IMPL_H
