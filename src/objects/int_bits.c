// smallpy: int bit operations: << >> & | ^ ~ and bit lengths. Negative
// ints behave as infinite two's complement, as in Python, although they are
// stored as sign and magnitude: the operands are complemented digit by digit
// on the fly and the result complemented back.
// Counterpart: CPython 3.11 Objects/longobject.c (long_lshift, long_rshift,
// long_bitwise, long_invert, _PyLong_NumBits).
#include <string.h>

#include "core/abstract.h"
#include "core/err.h"
#include "objects/exc.h"
#include "objects/int_impl.h"
#include "objects/none.h"

#define IS_COMPACT(o) ((size_t)(SP_SIZE(o) + 1) < 3u)

#define CHECK_BINOP(a, b)                                  \
    do {                                                   \
        if (!SP_INT_CHECK(a) || !SP_INT_CHECK(b)) {        \
            SP_RETURN_NOTIMPLEMENTED;                      \
        }                                                  \
    } while (0)

// Full digits contribute 30 bits each; the top digit its own length.
uint64_t sp_int_bit_length_u64(SpObject *o) {
    ssize_t n = sp_int_ndigits(o);
    if (n == 0) {
        return 0;
    }
    SpDigit top = SP_INT_DIGITS(o)[n - 1];
    return (uint64_t)(n - 1) * SP_INT_SHIFT + (uint64_t)(32 - __builtin_clz(top));
}

uint64_t sp_int_low_bits(SpObject *o) {
    ssize_t n = sp_int_ndigits(o);
    const SpDigit *d = SP_INT_DIGITS(o);
    uint64_t v = 0;
    for (ssize_t i = n < 3 ? n - 1 : 2; i >= 0; i--) {
        v = (v << SP_INT_SHIFT) | d[i];
    }
    return v;
}

// ===========================================================================
// Shifts

// a << n: whole digits of zeros below (n / 30), then each digit shifted
// by n % 30 with the overflow carried into the next one.
SpObject *sp_int_lshift_by(SpObject *a, size_t n) {
    if (IS_COMPACT(a) && n <= 32) {
        // |a| < 2**30: the result stays below 2**62.
        return sp_int_from_long(SP_INT_SMALL_VALUE(a) * (1L << n));
    }
    ssize_t na = sp_int_ndigits(a);
    if (na == 0) {
        return sp_int_from_long(0);
    }
    size_t word = n / SP_INT_SHIFT;
    int bits = (int)(n % SP_INT_SHIFT);
    if (word > (size_t)(SP_INT_MAX_DIGITS - na - 1)) {
        sp_err_set_string(&SpExc_OverflowError, "too many digits in integer");
        return NULL;
    }
    SpIntObject *z = sp_int_new(na + (ssize_t)word + 1);
    if (z == NULL) {
        return NULL;
    }
    memset(z->ob_digit, 0, word * sizeof(SpDigit));
    const SpDigit *d = SP_INT_DIGITS(a);
    SpTwoDigits carry = 0;
    for (ssize_t i = 0; i < na; i++) {
        carry |= (SpTwoDigits)d[i] << bits;
        z->ob_digit[word + (size_t)i] = (SpDigit)(carry & SP_INT_MASK);
        carry >>= SP_INT_SHIFT;
    }
    z->ob_digit[word + (size_t)na] = (SpDigit)carry;
    if (SP_SIZE(a) < 0) {
        SP_SET_SIZE(z, -SP_SIZE(z));
    }
    return sp_int_normalize(z);
}

// Floor shift: for negatives -ceil(|a| / 2**n), i.e. one more in magnitude
// when any dropped bit was set.
SpObject *sp_int_rshift_by(SpObject *a, size_t n) {
    if (IS_COMPACT(a)) {
        return sp_int_from_long(SP_INT_SMALL_VALUE(a) >> (n < 63 ? n : 63));
    }
    ssize_t na = sp_int_ndigits(a);
    size_t word = n / SP_INT_SHIFT;
    int bits = (int)(n % SP_INT_SHIFT);
    int neg = SP_SIZE(a) < 0;
    if (word >= (size_t)na) {
        return sp_int_from_long(neg ? -1 : 0);
    }
    const SpDigit *d = SP_INT_DIGITS(a);
    int lost = 0;
    if (neg) {
        for (size_t i = 0; i < word && !lost; i++) {
            lost = d[i] != 0;
        }
        lost |= (d[word] & (((SpDigit)1 << bits) - 1)) != 0;
    }
    ssize_t nz = na - (ssize_t)word;
    SpIntObject *z = sp_int_new(nz + 1);  // + 1 for the carry of the rounding
    if (z == NULL) {
        return NULL;
    }
    for (ssize_t i = 0; i < nz; i++) {
        SpTwoDigits acc = d[word + (size_t)i];
        if (i + 1 < nz) {
            acc |= (SpTwoDigits)d[word + (size_t)i + 1] << SP_INT_SHIFT;
        }
        z->ob_digit[i] = (SpDigit)((acc >> bits) & SP_INT_MASK);
    }
    z->ob_digit[nz] = 0;
    if (lost) {
        sp_int_muladd_digit(z->ob_digit, nz + 1, 1, 1);
    }
    if (neg) {
        SP_SET_SIZE(z, -SP_SIZE(z));
    }
    return sp_int_normalize(z);
}

// The shift count of << / >>: -1 with ValueError when negative; *huge set
// beyond two digits (2**60 bits: no int that big can exist, so << fails
// and >> leaves 0 or -1).
static int shift_count(SpObject *b, size_t *n, int *huge) {
    if (SP_SIZE(b) < 0) {
        sp_err_set_string(&SpExc_ValueError, "negative shift count");
        return -1;
    }
    *huge = sp_int_ndigits(b) > 2;
    *n = *huge ? 0 : (size_t)sp_int_low_bits(b);
    return 0;
}

SpObject *sp_int_lshift(SpObject *a, SpObject *b) {
    CHECK_BINOP(a, b);
    size_t n;
    int huge;
    if (shift_count(b, &n, &huge) < 0) {
        return NULL;
    }
    if (SP_SIZE(a) == 0) {
        return sp_int_from_long(0);
    }
    if (huge) {
        sp_err_set_string(&SpExc_OverflowError, "too many digits in integer");
        return NULL;
    }
    return sp_int_lshift_by(a, n);
}

SpObject *sp_int_rshift(SpObject *a, SpObject *b) {
    CHECK_BINOP(a, b);
    size_t n;
    int huge;
    if (shift_count(b, &n, &huge) < 0) {
        return NULL;
    }
    if (huge) {
        return sp_int_from_long(SP_SIZE(a) < 0 ? -1 : 0);
    }
    return sp_int_rshift_by(a, n);
}

// ===========================================================================
// & | ^ ~

SpObject *sp_int_invert(SpObject *a) {
    if (IS_COMPACT(a)) {
        return sp_int_from_long(~SP_INT_SMALL_VALUE(a));
    }
    // ~a == -(a + 1)
    SpObject *one = sp_int_from_long(1);
    if (one == NULL) {
        return NULL;
    }
    SpObject *t = sp_int_add_ints(a, one);
    SP_DECREF(one);
    if (t == NULL) {
        return NULL;
    }
    SpObject *r = sp_int_neg(t);
    SP_DECREF(t);
    return r;
}

// Digit i of x in two's complement, x's magnitude given by (d, n); for
// negatives `carry` threads the +1 of the complement through the digits.
static inline SpDigit twos_digit(const SpDigit *d, ssize_t n, ssize_t i, int neg,
                                 SpDigit *carry) {
    SpDigit v = i < n ? d[i] : 0;
    if (!neg) {
        return v;
    }
    v = (v ^ SP_INT_MASK) + *carry;
    *carry = v >> SP_INT_SHIFT;
    return v & SP_INT_MASK;
}

// Two's complement of a negative x over n digits is (~|x| + 1) mod 2**(30n):
// complement each digit and propagate a +1 carry from the bottom. Digits
// beyond an operand's length are its sign extension (0 or all ones). The
// sign of the result is op applied to the operands' sign bits.
static SpObject *bitwise(SpObject *a, char op, SpObject *b) {
    if (IS_COMPACT(a) && IS_COMPACT(b)) {
        long x = SP_INT_SMALL_VALUE(a), y = SP_INT_SMALL_VALUE(b);
        return sp_int_from_long(op == '&' ? (x & y) : op == '|' ? (x | y) : (x ^ y));
    }
    ssize_t na = sp_int_ndigits(a), nb = sp_int_ndigits(b);
    int nega = SP_SIZE(a) < 0, negb = SP_SIZE(b) < 0;
    if (!nega && !negb) {
        // Both non-negative: plain digit loops, no complements. Let a be
        // the longer one.
        if (na < nb) {
            SpObject *t = a;
            a = b;
            b = t;
            ssize_t tn = na;
            na = nb;
            nb = tn;
        }
        ssize_t nz = op == '&' ? nb : na;
        SpIntObject *z = sp_int_new(nz);
        if (z == NULL) {
            return NULL;
        }
        const SpDigit *da = SP_INT_DIGITS(a), *db = SP_INT_DIGITS(b);
        SpDigit *dz = z->ob_digit;
        if (op == '&') {
            for (ssize_t i = 0; i < nb; i++) {
                dz[i] = da[i] & db[i];
            }
        } else {
            for (ssize_t i = 0; i < nb; i++) {
                dz[i] = op == '|' ? (da[i] | db[i]) : (da[i] ^ db[i]);
            }
            memcpy(dz + nb, da + nb, (size_t)(na - nb) * sizeof(SpDigit));
        }
        return sp_int_normalize(z);
    }
    int negz = op == '&' ? (nega && negb) : op == '|' ? (nega || negb) : (nega != negb);
    // One digit more than the longer operand holds the sign extension.
    ssize_t nz = (na > nb ? na : nb) + 1;
    SpIntObject *z = sp_int_new(nz);
    if (z == NULL) {
        return NULL;
    }
    const SpDigit *da = SP_INT_DIGITS(a), *db = SP_INT_DIGITS(b);
    SpDigit ca = 1, cb = 1, cz = 1;
    for (ssize_t i = 0; i < nz; i++) {
        SpDigit x = twos_digit(da, na, i, nega, &ca);
        SpDigit y = twos_digit(db, nb, i, negb, &cb);
        SpDigit r = op == '&' ? (x & y) : op == '|' ? (x | y) : (x ^ y);
        if (negz) {
            // Back from two's complement to magnitude: complement, add one.
            r = (r ^ SP_INT_MASK) + cz;
            cz = r >> SP_INT_SHIFT;
            r &= SP_INT_MASK;
        }
        z->ob_digit[i] = r;
    }
    if (negz) {
        SP_SET_SIZE(z, -nz);
    }
    return sp_int_normalize(z);
}

SpObject *sp_int_and(SpObject *a, SpObject *b) {
    CHECK_BINOP(a, b);
    return bitwise(a, '&', b);
}

SpObject *sp_int_or(SpObject *a, SpObject *b) {
    CHECK_BINOP(a, b);
    return bitwise(a, '|', b);
}

SpObject *sp_int_xor(SpObject *a, SpObject *b) {
    CHECK_BINOP(a, b);
    return bitwise(a, '^', b);
}
