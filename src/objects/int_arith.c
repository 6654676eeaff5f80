// smallpy: int arithmetic: + - * // % divmod / ** and the unary operators,
// schoolbook algorithms on 30-bit digits with machine-word fast paths, and
// Karatsuba multiplication for large operands.
// Every result leaves through sp_int_from_long or sp_int_normalize, so
// results in the shared range are the shared objects.
// Counterpart: CPython 3.11 Objects/longobject.c (x_add, x_sub, x_mul,
// x_divrem, l_divmod, long_true_divide, long_pow, long_invmod).
#include <float.h>
#include <math.h>
#include <string.h>

#include "core/abstract.h"
#include "core/err.h"
#include "core/mem.h"
#include "objects/exc.h"
#include "objects/float.h"
#include "objects/int_impl.h"
#include "objects/none.h"
#include "objects/tuple.h"

// ===========================================================================
// Machine-word fast paths
//
// Ints of at most two digits (|v| < 2**60) are "medium": their sums and
// differences fit a long, so + and - never touch the digit loops for them.

#define IS_MEDIUM(o) ((size_t)(SP_SIZE(o) + 2) <= 4u)

static inline long medium_value(SpObject *o) {
    const SpDigit *d = SP_INT_DIGITS(o);
    switch (SP_SIZE(o)) {
    case 0: return 0;
    case 1: return (long)d[0];
    case -1: return -(long)d[0];
    case 2: return (long)d[0] | ((long)d[1] << SP_INT_SHIFT);
    default: return -((long)d[0] | ((long)d[1] << SP_INT_SHIFT));
    }
}

#define CHECK_BINOP(a, b)                                  \
    do {                                                   \
        if (!SP_INT_CHECK(a) || !SP_INT_CHECK(b)) {        \
            SP_RETURN_NOTIMPLEMENTED;                      \
        }                                                  \
    } while (0)

// ===========================================================================
// Magnitude addition and subtraction

// |a| + |b| as a new int, negated when `negative`.
static SpObject *x_add(SpObject *a, SpObject *b, int negative) {
    ssize_t na = sp_int_ndigits(a), nb = sp_int_ndigits(b);
    if (na < nb) {
        SpObject *t = a;
        a = b;
        b = t;
        ssize_t tn = na;
        na = nb;
        nb = tn;
    }
    SpIntObject *z = sp_int_new(na + 1);
    if (z == NULL) {
        return NULL;
    }
    const SpDigit *da = SP_INT_DIGITS(a), *db = SP_INT_DIGITS(b);
    SpDigit *dz = z->ob_digit;
    // Two digits per step as one 60-bit word: the carry chain, which bounds
    // the speed of this loop, gets half as long.
    uint64_t carry = 0;
    ssize_t i = 0;
    for (; i + 1 < nb; i += 2) {
        uint64_t x = (uint64_t)da[i] | ((uint64_t)da[i + 1] << SP_INT_SHIFT);
        uint64_t y = (uint64_t)db[i] | ((uint64_t)db[i + 1] << SP_INT_SHIFT);
        uint64_t sum = x + y + carry;
        dz[i] = (SpDigit)(sum & SP_INT_MASK);
        dz[i + 1] = (SpDigit)((sum >> SP_INT_SHIFT) & SP_INT_MASK);
        carry = sum >> (2 * SP_INT_SHIFT);
    }
    for (; i < nb; i++) {
        carry += (uint64_t)da[i] + db[i];
        dz[i] = (SpDigit)(carry & SP_INT_MASK);
        carry >>= SP_INT_SHIFT;
    }
    for (; i < na; i++) {
        carry += da[i];
        dz[i] = (SpDigit)(carry & SP_INT_MASK);
        carry >>= SP_INT_SHIFT;
    }
    dz[i] = (SpDigit)carry;
    if (negative) {
        SP_SET_SIZE(z, -SP_SIZE(z));
    }
    return sp_int_normalize(z);
}

// Compare magnitudes of digit arrays: -1, 0, 1.
static int digits_cmp(const SpDigit *a, ssize_t na, const SpDigit *b, ssize_t nb) {
    if (na != nb) {
        return na < nb ? -1 : 1;
    }
    ssize_t i = na - 1;
    while (i >= 0 && a[i] == b[i]) {
        i--;
    }
    return i < 0 ? 0 : (a[i] < b[i] ? -1 : 1);
}

// |a| - |b| as a new int (negative when |a| < |b|), negated when `negative`.
static SpObject *x_sub(SpObject *a, SpObject *b, int negative) {
    ssize_t na = sp_int_ndigits(a), nb = sp_int_ndigits(b);
    const SpDigit *da = SP_INT_DIGITS(a), *db = SP_INT_DIGITS(b);
    int c = digits_cmp(da, na, db, nb);
    if (c == 0) {
        return sp_int_from_long(0);
    }
    if (c < 0) {
        const SpDigit *t = da;
        da = db;
        db = t;
        ssize_t tn = na;
        na = nb;
        nb = tn;
        negative = !negative;
    }
    SpIntObject *z = sp_int_new(na);
    if (z == NULL) {
        return NULL;
    }
    SpDigit *dz = z->ob_digit;
    // Two digits per step, as in x_add; a negative 64-bit difference means
    // a borrow, and masking to 60 bits adds the 2**60 back.
    int64_t wide = 0;
    ssize_t i = 0;
    for (; i + 1 < nb; i += 2) {
        int64_t x = (int64_t)((uint64_t)da[i] | ((uint64_t)da[i + 1] << SP_INT_SHIFT));
        int64_t y = (int64_t)((uint64_t)db[i] | ((uint64_t)db[i + 1] << SP_INT_SHIFT));
        wide = x - y - wide;
        uint64_t w = (uint64_t)wide;
        dz[i] = (SpDigit)(w & SP_INT_MASK);
        dz[i + 1] = (SpDigit)((w >> SP_INT_SHIFT) & SP_INT_MASK);
        wide = (int64_t)(w >> 63);  // 1 when a borrow goes to the next step
    }
    // The borrow is the top bit of the 32-bit difference.
    SpDigit borrow = (SpDigit)wide;
    for (; i < nb; i++) {
        borrow = da[i] - db[i] - borrow;
        dz[i] = borrow & SP_INT_MASK;
        borrow = (borrow >> SP_INT_SHIFT) & 1;
    }
    for (; i < na; i++) {
        borrow = da[i] - borrow;
        dz[i] = borrow & SP_INT_MASK;
        borrow = (borrow >> SP_INT_SHIFT) & 1;
    }
    if (negative) {
        SP_SET_SIZE(z, -SP_SIZE(z));
    }
    return sp_int_normalize(z);
}

// Signs decide between adding and subtracting magnitudes:
//   a + b = |a| + |b|,  a + (-b) = |a| - |b|,  -a + b = |b| - |a|,
//   -a + -b = -(|a| + |b|);  subtraction flips b's sign first.
SpObject *sp_int_add_ints(SpObject *a, SpObject *b) {
    if (IS_MEDIUM(a) && IS_MEDIUM(b)) {
        return sp_int_from_long(medium_value(a) + medium_value(b));
    }
    if (SP_SIZE(a) < 0) {
        return SP_SIZE(b) < 0 ? x_add(a, b, 1) : x_sub(b, a, 0);
    }
    return SP_SIZE(b) < 0 ? x_sub(a, b, 0) : x_add(a, b, 0);
}

SpObject *sp_int_sub_ints(SpObject *a, SpObject *b) {
    if (IS_MEDIUM(a) && IS_MEDIUM(b)) {
        return sp_int_from_long(medium_value(a) - medium_value(b));
    }
    if (SP_SIZE(a) < 0) {
        return SP_SIZE(b) < 0 ? x_sub(a, b, 1) : x_add(a, b, 1);
    }
    return SP_SIZE(b) < 0 ? x_add(a, b, 0) : x_sub(a, b, 0);
}

SpObject *sp_int_add(SpObject *a, SpObject *b) {
    CHECK_BINOP(a, b);
    return sp_int_add_ints(a, b);
}

SpObject *sp_int_sub(SpObject *a, SpObject *b) {
    CHECK_BINOP(a, b);
    return sp_int_sub_ints(a, b);
}

// ===========================================================================
// Multiplication (schoolbook; Karatsuba comes later)

SpDigit sp_int_muladd_digit(SpDigit *a, ssize_t n, SpDigit m, SpDigit add) {
    SpTwoDigits carry = add;
    for (ssize_t i = 0; i < n; i++) {
        carry += (SpTwoDigits)a[i] * m;
        a[i] = (SpDigit)(carry & SP_INT_MASK);
        carry >>= SP_INT_SHIFT;
    }
    return (SpDigit)carry;
}

// |a| * |b| into z (na + nb digits, zeroed first).
static void digits_mul(const SpDigit *a, ssize_t na, const SpDigit *b, ssize_t nb, SpDigit *z) {
    memset(z, 0, (size_t)(na + nb) * sizeof(SpDigit));
    for (ssize_t i = 0; i < na; i++) {
        SpTwoDigits f = a[i];
        if (f == 0) {
            continue;
        }
        // carry < 2**31 and z[k] < 2**30: the sum stays below 2**61.
        SpTwoDigits carry = 0;
        SpDigit *pz = z + i;
        for (ssize_t j = 0; j < nb; j++) {
            carry += pz[j] + b[j] * f;
            pz[j] = (SpDigit)(carry & SP_INT_MASK);
            carry >>= SP_INT_SHIFT;
        }
        for (ssize_t k = nb; carry; k++) {
            carry += pz[k];
            pz[k] = (SpDigit)(carry & SP_INT_MASK);
            carry >>= SP_INT_SHIFT;
        }
    }
}

// ===========================================================================
// Karatsuba multiplication
//
// Split a = a1*B**h + a0, b = b1*B**h + b0 (B = 2**30). Then
//   a*b = z2*B**2h + (z1 - z2 - z0)*B**h + z0
// with z0 = a0*b0, z2 = a1*b1, z1 = (a0+a1)*(b0+b1): three half-size
// products instead of four, O(n**1.585). Below KARATSUBA_CUTOFF digits the
// bookkeeping costs more than it saves and the schoolbook loop wins.
//
// Cutoff measured on x86-64 (gcc -O2, shared loaded machine, so +-20%
// noise): smallpy binaries built with -DKARATSUBA_CUTOFF=1e9 (schoolbook
// only), 16, 32, 48, 64, 96 timed `a * b` in a loop for random n-digit
// operands, about 6e8/n**2 products, best of 2 runs. Seconds:
//   n=40:  school 1.45, k16 1.87, k32 1.45, k48 1.60
//   n=64:  school 1.48, k16 1.45, k32 1.30, k48 1.41, k64 1.60
//   n=100: school 1.56, k16 1.24, k32 0.88, k48 0.91, k64 1.26, k96 1.23
//   n=150: school 1.42, k16 1.11, k32 0.84, k48 0.88
//   n=400: school 1.31, k16 0.77, k32 0.86, k48 0.75, k96 0.78
// Karatsuba starts paying near 60 digits (1800 bits); a base case of 32
// was best or tied at every size, 16 loses to the schoolbook loop. Squaring
// shares the cutoff (its saving here is one operand sum, not a faster loop).
#ifndef KARATSUBA_CUTOFF
#define KARATSUBA_CUTOFF 32
#endif

// z[0..nz) += a[0..na) with na <= nz; returns the carry out of z's top.
static SpDigit digits_add_into(SpDigit *z, ssize_t nz, const SpDigit *a, ssize_t na) {
    SpDigit carry = 0;
    ssize_t i = 0;
    for (; i < na; i++) {
        carry += z[i] + a[i];
        z[i] = carry & SP_INT_MASK;
        carry >>= SP_INT_SHIFT;
    }
    for (; carry && i < nz; i++) {
        carry += z[i];
        z[i] = carry & SP_INT_MASK;
        carry >>= SP_INT_SHIFT;
    }
    return carry;
}

// z[0..nz) -= a[0..na) with na <= nz; returns the borrow (0 when z >= a).
static SpDigit digits_sub_into(SpDigit *z, ssize_t nz, const SpDigit *a, ssize_t na) {
    SpDigit borrow = 0;
    ssize_t i = 0;
    for (; i < na; i++) {
        borrow = z[i] - a[i] - borrow;
        z[i] = borrow & SP_INT_MASK;
        borrow = (borrow >> SP_INT_SHIFT) & 1;
    }
    for (; borrow && i < nz; i++) {
        borrow = z[i] - borrow;
        z[i] = borrow & SP_INT_MASK;
        borrow = (borrow >> SP_INT_SHIFT) & 1;
    }
    return borrow;
}

// Number of digits of a[0..n) without its leading zeros.
static ssize_t digits_trim(const SpDigit *a, ssize_t n) {
    while (n > 0 && a[n - 1] == 0) {
        n--;
    }
    return n;
}

// |a| * |b| into z (na + nb digits, fully written), na >= nb >= 0. a == b
// with na == nb squares. 0, or -1 when scratch memory runs out (no
// exception set: the caller raises).
static int kmul(const SpDigit *a, ssize_t na, const SpDigit *b, ssize_t nb, SpDigit *z) {
    if (nb < KARATSUBA_CUTOFF) {
        if (nb == 0) {
            memset(z, 0, (size_t)na * sizeof(SpDigit));
            return 0;
        }
        if (nb == 1) {
            // Big * one digit (the spigot and factorial case): one pass,
            // no clearing of z first.
            SpTwoDigits carry = 0, f = b[0];
            for (ssize_t i = 0; i < na; i++) {
                carry += a[i] * f;
                z[i] = (SpDigit)(carry & SP_INT_MASK);
                carry >>= SP_INT_SHIFT;
            }
            z[na] = (SpDigit)carry;
            return 0;
        }
        // The shorter operand drives the outer loop, so the inner loop
        // (the hot one) runs over the longer: big * small is one pass.
        digits_mul(b, nb, a, na, z);
        return 0;
    }
    if (na >= 2 * nb) {
        // Lopsided: a splitting of both halves would leave b1 empty, so cut
        // a into nb-digit slices and add slice * b at each slice's offset.
        SpDigit *t = sp_mem_alloc((size_t)(2 * nb) * sizeof(SpDigit));
        if (t == NULL) {
            return -1;
        }
        memset(z, 0, (size_t)(na + nb) * sizeof(SpDigit));
        for (ssize_t off = 0; off < na; off += nb) {
            ssize_t len = na - off < nb ? na - off : nb;
            int rc = len >= nb ? kmul(a + off, len, b, nb, t) : kmul(b, nb, a + off, len, t);
            if (rc < 0) {
                sp_mem_free(t);
                return -1;
            }
            digits_add_into(z + off, na + nb - off, t, len + nb);
        }
        sp_mem_free(t);
        return 0;
    }
    int square = a == b && na == nb;
    // nb > na/2 >= h, so b1 has at least one digit.
    ssize_t h = na / 2;
    ssize_t na1 = na - h, nb1 = nb - h;
    // Scratch: sums sa (na1 + 1), sb (max(h, nb1) + 1), their product.
    ssize_t nsa = na1 + 1, nsb = (h > nb1 ? h : nb1) + 1;
    SpDigit *sa = sp_mem_alloc((size_t)(nsa + nsb + nsa + nsb) * sizeof(SpDigit));
    if (sa == NULL) {
        return -1;
    }
    SpDigit *sb = sa + nsa, *t = sb + nsb;
    // z0 into the low 2h digits, z2 into the rest: they do not overlap.
    if (kmul(a, h, b, h, z) < 0 || kmul(a + h, na1, b + h, nb1, z + 2 * h) < 0) {
        goto fail;
    }
    memcpy(sa, a + h, (size_t)na1 * sizeof(SpDigit));
    sa[na1] = 0;
    digits_add_into(sa, nsa, a, h);
    ssize_t la = digits_trim(sa, nsa), lb;
    if (square) {
        sb = sa;
        lb = la;
    } else {
        memset(sb, 0, (size_t)nsb * sizeof(SpDigit));
        memcpy(sb, b, (size_t)h * sizeof(SpDigit));
        digits_add_into(sb, nsb, b + h, nb1);
        lb = digits_trim(sb, nsb);
    }
    int rc = la >= lb ? kmul(sa, la, sb, lb, t) : kmul(sb, lb, sa, la, t);
    if (rc < 0) {
        goto fail;
    }
    // t = z1 - z0 - z2 >= 0, then add it in at offset h. Its true length
    // fits in the na + nb - h digits above the offset.
    ssize_t nt = digits_trim(t, la + lb);
    digits_sub_into(t, nt, z, 2 * h);
    digits_sub_into(t, nt, z + 2 * h, na1 + nb1);
    nt = digits_trim(t, nt);
    digits_add_into(z + h, na + nb - h, t, nt);
    sp_mem_free(sa);
    return 0;
fail:
    sp_mem_free(sa);
    return -1;
}

// Medium operands multiply in a machine word unless the product overflows
// (|a|, |b| < 2**60, so only some two-digit products do).
SpObject *sp_int_mul_ints(SpObject *a, SpObject *b) {
    if (IS_MEDIUM(a) && IS_MEDIUM(b)) {
        long r;
        if (!__builtin_mul_overflow(medium_value(a), medium_value(b), &r)) {
            return sp_int_from_long(r);
        }
    }
    ssize_t na = sp_int_ndigits(a), nb = sp_int_ndigits(b);
    if (na == 0 || nb == 0) {
        return sp_int_from_long(0);
    }
    SpIntObject *z = sp_int_new(na + nb);
    if (z == NULL) {
        return NULL;
    }
    int rc = na < nb ? kmul(SP_INT_DIGITS(b), nb, SP_INT_DIGITS(a), na, z->ob_digit)
                     : kmul(SP_INT_DIGITS(a), na, SP_INT_DIGITS(b), nb, z->ob_digit);
    if (rc < 0) {
        SP_DECREF(z);
        return sp_err_no_memory();
    }
    if ((SP_SIZE(a) < 0) != (SP_SIZE(b) < 0)) {
        SP_SET_SIZE(z, -SP_SIZE(z));
    }
    return sp_int_normalize(z);
}

SpObject *sp_int_mul(SpObject *a, SpObject *b) {
    CHECK_BINOP(a, b);
    return sp_int_mul_ints(a, b);
}

// ===========================================================================
// Division

// Schoolbook short division from the top digit: the running remainder is
// below d < 2**30, so remainder * 2**30 + digit fits 60 bits.
SpDigit sp_int_divrem_digit(const SpDigit *a, ssize_t n, SpDigit d, SpDigit *out) {
    SpTwoDigits rem = 0;
    for (ssize_t i = n - 1; i >= 0; i--) {
        rem = (rem << SP_INT_SHIFT) | a[i];
        SpDigit q = (SpDigit)(rem / d);
        out[i] = q;
        rem -= (SpTwoDigits)q * d;
    }
    return (SpDigit)rem;
}

// Shift the n digits of a left by s bits (0 <= s < 30) into z; returns the
// bits shifted out of the top. z may equal a.
static SpDigit digits_lshift(SpDigit *z, const SpDigit *a, ssize_t n, int s) {
    SpDigit carry = 0;
    for (ssize_t i = 0; i < n; i++) {
        SpTwoDigits acc = ((SpTwoDigits)a[i] << s) | carry;
        z[i] = (SpDigit)(acc & SP_INT_MASK);
        carry = (SpDigit)(acc >> SP_INT_SHIFT);
    }
    return carry;
}

// Shift right by s bits (0 <= s < 30); returns the bits shifted out.
static SpDigit digits_rshift(SpDigit *z, const SpDigit *a, ssize_t n, int s) {
    SpDigit carry = 0;
    SpDigit mask = ((SpDigit)1 << s) - 1;
    for (ssize_t i = n - 1; i >= 0; i--) {
        SpTwoDigits acc = ((SpTwoDigits)carry << SP_INT_SHIFT) | a[i];
        carry = a[i] & mask;
        z[i] = (SpDigit)(acc >> s);
    }
    return carry;
}

// The division loop shifts negative carries right and relies on the shift
// being arithmetic, as it is with every compiler smallpy supports.
static_assert((-8 >> 1) == -4, "signed right shift must be arithmetic");

// Truncating division of magnitudes, Knuth's algorithm D (TAOCP 4.3.1) for
// a divisor of nw >= 2 digits and nv >= nw: quotient digits into q
// (nv - nw + 1 of them), remainder into r (nw digits). 0, or -1 on
// MemoryError.
static int digits_divrem(const SpDigit *v, ssize_t nv, const SpDigit *w, ssize_t nw, SpDigit *q,
                         SpDigit *r) {
    SpDigit *u = sp_mem_alloc((size_t)(nv + 1 + nw) * sizeof(SpDigit));
    if (u == NULL) {
        sp_err_no_memory();
        return -1;
    }
    SpDigit *wn = u + nv + 1;
    // D1: normalise so the divisor's top digit has its high bit (bit 29) set;
    // then each trial quotient is at most two too large.
    int s = SP_INT_SHIFT - (32 - __builtin_clz(w[nw - 1]));
    digits_lshift(wn, w, nw, s);
    u[nv] = digits_lshift(u, v, nv, s);
    SpTwoDigits wtop = wn[nw - 1], wnext = wn[nw - 2];
    for (ssize_t j = nv - nw; j >= 0; j--) {
        // D3: estimate qhat from the top two digits, correct with the third.
        SpDigit *uj = u + j;
        SpTwoDigits num = ((SpTwoDigits)uj[nw] << SP_INT_SHIFT) | uj[nw - 1];
        SpTwoDigits qhat = num / wtop, rhat = num % wtop;
        while (qhat >= SP_INT_BASE ||
               qhat * wnext > ((rhat << SP_INT_SHIFT) | uj[nw - 2])) {
            qhat--;
            rhat += wtop;
            if (rhat >= SP_INT_BASE) {
                break;
            }
        }
        // D4: u[j..j+nw] -= qhat * wn, with one signed carry that holds
        // both the product's carry and the borrow (it stays in [-2**31, 0]),
        // so the loop has a single dependency chain.
        SpSTwoDigits acc = 0;
        for (ssize_t i = 0; i < nw; i++) {
            acc += (SpSTwoDigits)uj[i] - (SpSTwoDigits)(qhat * wn[i]);
            uj[i] = (SpDigit)(acc & SP_INT_MASK);
            acc >>= SP_INT_SHIFT;  // arithmetic shift (checked below)
        }
        SpSTwoDigits t = acc + (SpSTwoDigits)uj[nw];
        uj[nw] = (SpDigit)(t & SP_INT_MASK);
        // D6: rarely qhat was still one too large; add the divisor back.
        if (t < 0) {
            qhat--;
            SpDigit c = 0;
            for (ssize_t i = 0; i < nw; i++) {
                c += uj[i] + wn[i];
                uj[i] = c & SP_INT_MASK;
                c >>= SP_INT_SHIFT;
            }
            uj[nw] = (uj[nw] + c) & SP_INT_MASK;
        }
        q[j] = (SpDigit)qhat;
    }
    // D8: the remainder is u[0..nw) shifted back.
    digits_rshift(r, u, nw, s);
    sp_mem_free(u);
    return 0;
}

// Truncating divmod of magnitudes with signs applied: q = trunc(a / b),
// r = a - q*b (sign of a). b must be non-zero. Outputs may be NULL.
static int divrem_trunc(SpObject *a, SpObject *b, SpObject **pq, SpObject **pr) {
    ssize_t na = sp_int_ndigits(a), nb = sp_int_ndigits(b);
    int qneg = (SP_SIZE(a) < 0) != (SP_SIZE(b) < 0), rneg = SP_SIZE(a) < 0;
    SpIntObject *q = NULL, *r = NULL;
    if (na < nb || (na == nb && SP_INT_DIGITS(a)[na - 1] < SP_INT_DIGITS(b)[nb - 1])) {
        // |a| < |b| (the top-digit test is only a quick partial check; the
        // general path handles the rest).
        if (pq) {
            *pq = sp_int_from_long(0);
            if (*pq == NULL) {
                return -1;
            }
        }
        if (pr) {
            *pr = sp_int_copy(a);
            if (*pr == NULL) {
                if (pq) {
                    SP_CLEAR(*pq);
                }
                return -1;
            }
        }
        return 0;
    }
    q = sp_int_new(na - nb + 1);
    r = sp_int_new(nb);
    if (q == NULL || r == NULL) {
        goto fail;
    }
    if (nb == 1) {
        // q has na digits here (na - 1 + 1).
        r->ob_digit[0] = sp_int_divrem_digit(SP_INT_DIGITS(a), na, SP_INT_DIGITS(b)[0],
                                             q->ob_digit);
    } else if (digits_divrem(SP_INT_DIGITS(a), na, SP_INT_DIGITS(b), nb, q->ob_digit,
                             r->ob_digit) < 0) {
        goto fail;
    }
    if (qneg) {
        SP_SET_SIZE(q, -SP_SIZE(q));
    }
    if (rneg) {
        SP_SET_SIZE(r, -SP_SIZE(r));
    }
    if (pq) {
        *pq = sp_int_normalize(q);
    } else {
        SP_DECREF(q);
    }
    if (pr) {
        *pr = sp_int_normalize(r);
    } else {
        SP_DECREF(r);
    }
    return 0;
fail:
    SP_XDECREF(q);
    SP_XDECREF(r);
    return -1;
}

// Python's division rounds toward minus infinity, C's toward zero: the
// two differ exactly when the remainder is non-zero and its sign differs
// from the divisor's; then q -= 1 and r += b fix it up.
int sp_int_divmod_floor(SpObject *a, SpObject *b, SpObject **pq, SpObject **pr) {
    if (SP_SIZE(b) == 0) {
        sp_err_set_string(&SpExc_ZeroDivisionError, "integer division or modulo by zero");
        return -1;
    }
    if (IS_MEDIUM(a) && IS_MEDIUM(b)) {
        long x = medium_value(a), y = medium_value(b);
        long q = x / y, r = x % y;
        if (r != 0 && ((r < 0) != (y < 0))) {
            q--;
            r += y;
        }
        if (pq && (*pq = sp_int_from_long(q)) == NULL) {
            return -1;
        }
        if (pr && (*pr = sp_int_from_long(r)) == NULL) {
            if (pq) {
                SP_CLEAR(*pq);
            }
            return -1;
        }
        return 0;
    }
    SpObject *q = NULL, *r = NULL;
    if (divrem_trunc(a, b, &q, &r) < 0) {
        return -1;
    }
    // Floor semantics: a non-zero remainder takes the divisor's sign.
    if (SP_SIZE(r) != 0 && ((SP_SIZE(r) < 0) != (SP_SIZE(b) < 0))) {
        SpObject *r2 = sp_int_add_ints(r, b);
        SP_DECREF(r);
        r = r2;
        SpObject *one = r2 ? sp_int_from_long(1) : NULL;
        SpObject *q2 = one ? sp_int_sub_ints(q, one) : NULL;
        SP_XDECREF(one);
        SP_DECREF(q);
        q = q2;
        if (q == NULL || r == NULL) {
            SP_XDECREF(q);
            SP_XDECREF(r);
            return -1;
        }
    }
    if (pq) {
        *pq = q;
    } else {
        SP_DECREF(q);
    }
    if (pr) {
        *pr = r;
    } else {
        SP_DECREF(r);
    }
    return 0;
}

SpObject *sp_int_floordiv(SpObject *a, SpObject *b) {
    CHECK_BINOP(a, b);
    SpObject *q;
    if (sp_int_divmod_floor(a, b, &q, NULL) < 0) {
        return NULL;
    }
    return q;
}

SpObject *sp_int_mod(SpObject *a, SpObject *b) {
    CHECK_BINOP(a, b);
    if (SP_SIZE(b) == 0) {
        sp_err_set_string(&SpExc_ZeroDivisionError, "integer modulo by zero");
        return NULL;
    }
    SpObject *r;
    if (sp_int_divmod_floor(a, b, NULL, &r) < 0) {
        return NULL;
    }
    return r;
}

SpObject *sp_int_divmod(SpObject *a, SpObject *b) {
    CHECK_BINOP(a, b);
    SpObject *q, *r;
    if (sp_int_divmod_floor(a, b, &q, &r) < 0) {
        return NULL;
    }
    SpObject *t = sp_tuple_new(2);
    if (t == NULL) {
        SP_DECREF(q);
        SP_DECREF(r);
        return NULL;
    }
    SP_TUPLE_SET_ITEM(t, 0, q);
    SP_TUPLE_SET_ITEM(t, 1, r);
    return t;
}

// ===========================================================================
// True division, correctly rounded (the method of CPython's
// long_true_divide, in our own words):
//
// For |a|, |b| below 2**53 both convert exactly and one IEEE division
// rounds correctly. Otherwise scale a by 2**-shift so that the integer
// quotient q = (a >> shift) // b has 55 or 56 bits (fewer only in the
// subnormal range), remember whether anything was lost ("inexact"), round q
// by hand to 53 significant bits (or to the subnormal precision) half to
// even with the lost part as sticky bit, and scale back with ldexp, which is
// then exact unless it overflows.

static SpObject *truediv_ints(SpObject *a, SpObject *b) {
    if (SP_SIZE(b) == 0) {
        sp_err_set_string(&SpExc_ZeroDivisionError, "division by zero");
        return NULL;
    }
    int negate = (SP_SIZE(a) < 0) != (SP_SIZE(b) < 0);
    if (SP_SIZE(a) == 0) {
        return sp_float_from_double(negate ? -0.0 : 0.0);
    }
    const long exact = 1L << DBL_MANT_DIG;
    if (IS_MEDIUM(a) && IS_MEDIUM(b)) {
        long x = medium_value(a), y = medium_value(b);
        if (x > -exact && x < exact && y > -exact && y < exact) {
            return sp_float_from_double((double)x / (double)y);
        }
    }
    int64_t a_bits = (int64_t)sp_int_bit_length_u64(a);
    int64_t b_bits = (int64_t)sp_int_bit_length_u64(b);
    int64_t diff = a_bits - b_bits;
    if (diff > DBL_MAX_EXP) {
        goto overflow;
    }
    if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 1) {
        return sp_float_from_double(negate ? -0.0 : 0.0);
    }
    int64_t shift = (diff > DBL_MIN_EXP ? diff : DBL_MIN_EXP) - DBL_MANT_DIG - 2;
    int inexact = 0;
    SpObject *x, *absa = SP_SIZE(a) < 0 ? sp_int_neg(a) : sp_int_copy(a);
    if (absa == NULL) {
        return NULL;
    }
    if (shift <= 0) {
        x = sp_int_lshift_by(absa, (size_t)-shift);
    } else {
        x = sp_int_rshift_by(absa, (size_t)shift);
        // Lost bits: any set bit of |a| below position `shift`.
        ssize_t nd = sp_int_ndigits(absa);
        const SpDigit *d = SP_INT_DIGITS(absa);
        int64_t full = shift / SP_INT_SHIFT;
        for (int64_t i = 0; i < full && i < nd && !inexact; i++) {
            inexact = d[i] != 0;
        }
        int part = (int)(shift % SP_INT_SHIFT);
        if (!inexact && part && full < nd) {
            inexact = (d[full] & (((SpDigit)1 << part) - 1)) != 0;
        }
    }
    SP_DECREF(absa);
    if (x == NULL) {
        return NULL;
    }
    SpObject *q, *r;
    SpObject *absb = SP_SIZE(b) < 0 ? sp_int_neg(b) : sp_int_copy(b);
    if (absb == NULL) {
        SP_DECREF(x);
        return NULL;
    }
    int rc = divrem_trunc(x, absb, &q, &r);
    SP_DECREF(x);
    SP_DECREF(absb);
    if (rc < 0) {
        return NULL;
    }
    inexact |= SP_SIZE(r) != 0;
    SP_DECREF(r);
    uint64_t qv = sp_int_low_bits(q);  // q < 2**57
    int64_t q_bits = (int64_t)sp_int_bit_length_u64(q);
    SP_DECREF(q);
    // Bits of q below the target precision: 2 or 3 normally, more when the
    // result is subnormal (then DBL_MIN_EXP - shift pins the precision).
    int64_t keep_from = (q_bits > DBL_MIN_EXP - shift ? q_bits : DBL_MIN_EXP - shift);
    int extra = (int)(keep_from - DBL_MANT_DIG);
    uint64_t half = (uint64_t)1 << (extra - 1);
    uint64_t low = qv | (uint64_t)inexact;
    // Round up when above half, or exactly half with an odd kept part (bit
    // 2 * half is the kept part's lowest bit, those below half the sticky).
    if ((low & half) && (low & (3 * half - 1))) {
        qv += half;
    }
    qv &= ~(2 * half - 1);
    double result = ldexp((double)qv, (int)shift);
    if (isinf(result)) {
        goto overflow;
    }
    return sp_float_from_double(negate ? -result : result);
overflow:
    sp_err_set_string(&SpExc_OverflowError, "integer division result too large for a float");
    return NULL;
}

SpObject *sp_int_truediv(SpObject *a, SpObject *b) {
    CHECK_BINOP(a, b);
    return truediv_ints(a, b);
}

// ===========================================================================
// Powers

// The exponent's bits from the top, for left-to-right exponentiation.
typedef struct {
    const SpDigit *d;
    ssize_t i;  // current digit
    int bit;    // current bit within it
} BitIter;

static void bits_init(BitIter *it, SpObject *e) {
    ssize_t n = sp_int_ndigits(e);
    it->d = SP_INT_DIGITS(e);
    it->i = n - 1;
    it->bit = n ? 31 - __builtin_clz(it->d[n - 1]) : -1;
}

// Next bit from the top: 0/1, or -1 when done.
static int bits_next(BitIter *it) {
    if (it->i < 0) {
        return -1;
    }
    int b = (it->d[it->i] >> it->bit) & 1;
    if (--it->bit < 0) {
        it->i--;
        it->bit = SP_INT_SHIFT - 1;
    }
    return b;
}

// a * b mod m for non-negative ints (m > 0, NULL: no reduction). Steals a.
static SpObject *mulmod(SP_STEALS SpObject *a, SpObject *b, SpObject *m) {
    SpObject *p = sp_int_mul_ints(a, b);
    SP_DECREF(a);
    if (p == NULL || m == NULL) {
        return p;
    }
    SpObject *r;
    int rc = sp_int_divmod_floor(p, m, NULL, &r);
    SP_DECREF(p);
    return rc < 0 ? NULL : r;
}

// Long exponents with a modulus: the fixed-window (5-ary) method, as
// CPython for exponents past 60 bits. base**0 .. base**31 are made once;
// then per 5 exponent bits, five squarings and at most one multiplication
// (the binary method needs one multiplication per set bit).
static SpObject *pow_window(SpObject *base, SpObject *e, SpObject *m) {
    SpObject *table[32] = {NULL};
    SpObject *acc = NULL;
    table[0] = sp_int_from_long(1);
    table[1] = table[0] ? sp_newref(base) : NULL;
    for (int i = 2; i < 32 && table[i - 1] != NULL; i++) {
        table[i] = mulmod(sp_newref(table[i - 1]), base, m);
    }
    if (table[31] == NULL) {
        goto done;
    }
    uint64_t nbits = sp_int_bit_length_u64(e);
    // Groups of five bits from the top; the first may be shorter.
    uint64_t pos = nbits - (nbits % 5 ? nbits % 5 : 5);
    acc = sp_newref(table[sp_int_get_bits(e, pos, (int)(nbits - pos))]);
    while (acc != NULL && pos > 0) {
        pos -= 5;
        for (int k = 0; k < 5 && acc != NULL; k++) {
            acc = mulmod(acc, acc, m);
        }
        uint64_t g = sp_int_get_bits(e, pos, 5);
        if (acc != NULL && g) {
            acc = mulmod(acc, table[g], m);
        }
    }
done:
    for (int i = 0; i < 32; i++) {
        SP_XDECREF(table[i]);
    }
    return acc;
}

// base ** e (mod m when m != NULL), e >= 0; base already reduced when m is
// given. Left-to-right binary method.
static SpObject *pow_bits(SpObject *base, SpObject *e, SpObject *m) {
    // One-digit modulus: everything fits a machine word.
    if (m != NULL && sp_int_ndigits(m) == 1) {
        uint64_t mod = SP_INT_DIGITS(m)[0], b = (uint64_t)medium_value(base) % mod;
        uint64_t acc = 1 % mod;
        BitIter it;
        bits_init(&it, e);
        for (int bit; (bit = bits_next(&it)) >= 0;) {
            acc = acc * acc % mod;
            if (bit) {
                acc = acc * b % mod;
            }
        }
        return sp_int_from_long((long)acc);
    }
    if (m != NULL && sp_int_ndigits(e) > 2) {
        return pow_window(base, e, m);
    }
    SpObject *acc = sp_int_from_long(1);
    BitIter it;
    bits_init(&it, e);
    for (int bit; acc != NULL && (bit = bits_next(&it)) >= 0;) {
        acc = mulmod(acc, acc, m);
        if (acc != NULL && bit) {
            acc = mulmod(acc, base, m);
        }
    }
    return acc;
}

// Exponentiation by squaring from the low bits in machine words while the
// result fits (2**62, 3**39, 10**18 ...); the first overflow hands the work
// to the bignum loop, which starts again from scratch.
SpObject *sp_int_pow_ints(SpObject *base, SpObject *e) {
    // Machine-word fast path: small base and exponent, no overflow.
    if (IS_MEDIUM(base) && IS_MEDIUM(e)) {
        long b = medium_value(base), n = medium_value(e), acc = 1;
        int ok = 1;
        if (b == 0 || b == 1) {
            return sp_int_from_long(n == 0 ? 1 : b);
        }
        if (b == -1) {
            return sp_int_from_long((n & 1) ? -1 : 1);
        }
        for (long k = n; k > 0 && ok; k >>= 1) {
            if (k & 1) {
                ok = !__builtin_mul_overflow(acc, b, &acc);
            }
            if (k > 1 && ok) {
                ok = !__builtin_mul_overflow(b, b, &b);
            }
        }
        if (ok) {
            return sp_int_from_long(acc);
        }
    }
    return pow_bits(base, e, NULL);
}

// The inverse of a modulo n (a, n > 0) by the extended Euclidean
// algorithm; ValueError "base is not invertible for the given modulus".
static SpObject *invmod(SpObject *a, SpObject *n) {
    SpObject *x = sp_newref(a), *y = sp_newref(n);
    SpObject *s0 = sp_int_from_long(1), *s1 = sp_int_from_long(0);
    SpObject *result = NULL;
    if (s0 == NULL || s1 == NULL) {
        goto done;
    }
    // Invariant: x == s0 * a (mod n), y == s1 * a (mod n).
    while (SP_SIZE(y) != 0) {
        SpObject *q, *r;
        if (sp_int_divmod_floor(x, y, &q, &r) < 0) {
            goto done;
        }
        SP_SETREF(x, y);
        y = r;
        SpObject *qs = sp_int_mul_ints(q, s1);
        SP_DECREF(q);
        if (qs == NULL) {
            goto done;
        }
        SpObject *s2 = sp_int_sub_ints(s0, qs);
        SP_DECREF(qs);
        if (s2 == NULL) {
            goto done;
        }
        SP_SETREF(s0, s1);
        s1 = s2;
    }
    if (!(SP_SIZE(x) == 1 && SP_INT_DIGITS(x)[0] == 1)) {
        sp_err_set_string(&SpExc_ValueError, "base is not invertible for the given modulus");
        goto done;
    }
    sp_int_divmod_floor(s0, n, NULL, &result);
done:
    SP_XDECREF(x);
    SP_XDECREF(y);
    SP_XDECREF(s0);
    SP_XDECREF(s1);
    return result;
}

// pow(a, b[, m]) as CPython's long_pow: a negative exponent without a
// modulus is a float power; with one it means the modular inverse of a
// raised to -b; the result takes the sign of the modulus.
SpObject *sp_int_pow(SpObject *a, SpObject *b, SpObject *m) {
    CHECK_BINOP(a, b);
    if (m != sp_None && !SP_INT_CHECK(m)) {
        SP_RETURN_NOTIMPLEMENTED;
    }
    if (m == sp_None) {
        if (SP_SIZE(b) < 0) {
            // A negative exponent makes it a float power.
            double x = sp_int_as_double(a);
            if (x == -1.0 && sp_err_occurred()) {
                return NULL;
            }
            double y = sp_int_as_double(b);
            if (y == -1.0 && sp_err_occurred()) {
                return NULL;
            }
            return sp_float_pow_doubles(x, y);
        }
        return sp_int_pow_ints(a, b);
    }
    if (SP_SIZE(m) == 0) {
        sp_err_set_string(&SpExc_ValueError, "pow() 3rd argument cannot be 0");
        return NULL;
    }
    // Work with |m|; a negative modulus maps the result into (m, 0].
    int neg_mod = SP_SIZE(m) < 0;
    SpObject *mod = neg_mod ? sp_int_neg(m) : sp_int_copy(m);
    SpObject *base = NULL, *e = NULL, *result = NULL;
    if (mod == NULL) {
        return NULL;
    }
    if (SP_SIZE(mod) == 1 && SP_INT_DIGITS(mod)[0] == 1) {
        result = sp_int_from_long(0);
        goto done;
    }
    if (sp_int_divmod_floor(a, mod, NULL, &base) < 0) {
        goto done;
    }
    if (SP_SIZE(b) < 0) {
        SpObject *inv = invmod(base, mod);
        if (inv == NULL) {
            goto done;
        }
        SP_SETREF(base, inv);
        e = sp_int_neg(b);
    } else {
        e = sp_newref(b);
    }
    if (e == NULL) {
        goto done;
    }
    result = pow_bits(base, e, mod);
    if (result != NULL && neg_mod && SP_SIZE(result) != 0) {
        SP_SETREF(result, sp_int_sub_ints(result, mod));
    }
done:
    SP_DECREF(mod);
    SP_XDECREF(base);
    SP_XDECREF(e);
    return result;
}

// ===========================================================================
// Unary operators

// Negation of a multi-digit int copies the digits and flips ob_size; the
// copy still goes through normalize in case a is an unnormalised subclass
// instance.
SpObject *sp_int_neg(SpObject *a) {
    if (IS_MEDIUM(a)) {
        return sp_int_from_long(-medium_value(a));
    }
    ssize_t n = sp_int_ndigits(a);
    SpIntObject *z = sp_int_new(n);
    if (z == NULL) {
        return NULL;
    }
    memcpy(z->ob_digit, SP_INT_DIGITS(a), (size_t)n * sizeof(SpDigit));
    SP_SET_SIZE(z, -SP_SIZE(a));
    return sp_int_normalize(z);
}

SpObject *sp_int_pos(SpObject *a) { return sp_int_copy(a); }

SpObject *sp_int_abs(SpObject *a) { return SP_SIZE(a) < 0 ? sp_int_neg(a) : sp_int_copy(a); }

int sp_int_bool(SpObject *a) { return SP_SIZE(a) != 0; }
