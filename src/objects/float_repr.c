// smallpy: repr() of floats: the shortest digit string that reads back as
// the same double (the one nearest the value among equally short ones), as
// David Gay's dtoa mode 0 that CPython uses, laid out as CPython's
// float_repr ('1e+16', '1e-05', '0.0001', '123456789012345.0').
// Counterpart: CPython 3.11 Python/pystrtod.c (PyOS_double_to_string, 'r'
// mode) and Python/dtoa.c (whose results, not code, we reproduce).
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects/float.h"
#include "objects/int_impl.h"

// ===========================================================================
// The fast method: Ulf Adams' Ryu (PLDI 2018), written for this file.
//
// A double is m2 * 2**e2. The reals that read back as it form the interval
// between the midpoints to its neighbours; scaled by 4 so the midpoints are
// integers, that is [mm, mp] = [4*m2 - 1 - shift, 4*m2 + 2] around mv =
// 4*m2 (shift is 1 except at a power of two, whose lower neighbour is
// closer). Ryu multiplies the three by 10**-e10 for a well-chosen e10, using
// 125-bit approximations of powers of 5 that are exact enough to give
// floor() of the products, then drops decimal digits from the three at once
// while the interval still contains a shorter number; the last dropped
// digit of mv decides the rounding. Exactness checks ("trailing zeros")
// are only needed when a product can be an exact integer.

// The tables: 5**i to 125 significant bits (pow5[i]) and 2**(bits(5**i) -
// 1 + 125) / 5**i rounded up (pow5_inv[i]), generated exactly with Python's
// big ints (see the header).
#define POW5_BITS 125
#include "objects/float_repr_tables.h"

// Bits of 5**e (ceil(log2(5**e)), 1 for e == 0), for 0 <= e <= 3528.
static inline int pow5_bitlen(int e) { return (int)(((uint32_t)e * 1217359) >> 19) + 1; }
// floor(log10(2**e)) and floor(log10(5**e)) for the exponents of doubles.
static inline int log10_pow2(int e) { return (int)(((uint32_t)e * 78913) >> 18); }
static inline int log10_pow5(int e) { return (int)(((uint32_t)e * 732923) >> 20); }

// floor(m * mul / 2**j) for m < 2**57, mul a 125-bit table entry, j >= 64.
static inline uint64_t mul_shift(uint64_t m, const uint64_t mul[2], int j) {
    unsigned __int128 lo = (unsigned __int128)m * mul[0];
    unsigned __int128 hi = (unsigned __int128)m * mul[1];
    return (uint64_t)((hi + (lo >> 64)) >> (j - 64));
}

static inline int pow5_factor(uint64_t v) {
    int n = 0;
    while (v % 5 == 0) {
        v /= 5;
        n++;
    }
    return n;
}

// Shortest digits of x > 0 (finite): writes them to out (no trailing
// zeros) and returns decpt (x ~= 0.d1d2... x 10**decpt).
static int shortest_digits_ryu(double x, char *out) {
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    uint64_t frac = bits & ((UINT64_C(1) << 52) - 1);
    int bexp = (int)((bits >> 52) & 0x7FF);
    // x = m2 * 2**e2, with e2 lowered by 2 for the scaling by 4.
    uint64_t m2 = bexp == 0 ? frac : frac | (UINT64_C(1) << 52);
    int e2 = (bexp == 0 ? 1 : bexp) - 1023 - 52 - 2;
    int even = (m2 & 1) == 0;  // round-half-even: the bounds read back too
    uint64_t mv = 4 * m2;
    int shift = frac != 0 || bexp <= 1;
    uint64_t vr, vp, vm;
    int e10;
    int vm_zeros = 0, vr_zeros = 0;  // are the dropped parts exactly zero?
    if (e2 >= 0) {
        int q = log10_pow2(e2) - (e2 > 3);
        e10 = q;
        int j = -e2 + q + pow5_bitlen(q) - 1 + POW5_BITS;
        vr = mul_shift(mv, pow5_inv[q], j);
        vp = mul_shift(mv + 2, pow5_inv[q], j);
        vm = mul_shift(mv - 1 - (uint64_t)shift, pow5_inv[q], j);
        if (q <= 21) {
            // Exact when the scaled value is divisible by 5**q (at most one
            // of mv, mp, mm is a multiple of 5).
            if (mv % 5 == 0) {
                vr_zeros = pow5_factor(mv) >= q;
            } else if (even) {
                vm_zeros = pow5_factor(mv - 1 - (uint64_t)shift) >= q;
            } else {
                vp -= pow5_factor(mv + 2) >= q;
            }
        }
    } else {
        int q = log10_pow5(-e2) - (-e2 > 1);
        e10 = q + e2;
        int i = -e2 - q;
        int j = q - (pow5_bitlen(i) - POW5_BITS);
        vr = mul_shift(mv, pow5[i], j);
        vp = mul_shift(mv + 2, pow5[i], j);
        vm = mul_shift(mv - 1 - (uint64_t)shift, pow5[i], j);
        if (q <= 1) {
            // mv has two trailing zero bits, mp one, mm one iff shift.
            vr_zeros = 1;
            if (even) {
                vm_zeros = shift == 1;
            } else {
                vp--;
            }
        } else if (q < 63) {
            vr_zeros = (mv & ((UINT64_C(1) << q) - 1)) == 0;
        }
    }
    // Drop digits while the interval [vm, vp] still holds a shorter number.
    int removed = 0;
    uint64_t output;
    if (vm_zeros || vr_zeros) {
        // Rare: track exactness to round ties to even and to know whether
        // the lower bound itself may be used.
        int last = 0;
        while (vp / 10 > vm / 10) {
            vm_zeros &= vm % 10 == 0;
            vr_zeros &= last == 0;
            last = (int)(vr % 10);
            vr /= 10;
            vp /= 10;
            vm /= 10;
            removed++;
        }
        if (vm_zeros) {
            while (vm % 10 == 0) {
                vr_zeros &= last == 0;
                last = (int)(vr % 10);
                vr /= 10;
                vp /= 10;
                vm /= 10;
                removed++;
            }
        }
        if (vr_zeros && last == 5 && vr % 2 == 0) {
            last = 4;  // exactly half: round to even
        }
        output = vr + ((vr == vm && (!even || !vm_zeros)) || last >= 5);
    } else {
        int round_up = 0;
        while (vp / 10 > vm / 10) {
            round_up = vr % 10 >= 5;
            vr /= 10;
            vp /= 10;
            vm /= 10;
            removed++;
        }
        output = vr + (vr == vm || round_up);
    }
    int exp10 = e10 + removed;
    while (output % 10 == 0) {
        output /= 10;
        exp10++;
    }
    char tmp[24];
    int n = 0;
    for (uint64_t t = output; t != 0; t /= 10) {
        tmp[n++] = (char)('0' + t % 10);
    }
    for (int k = 0; k < n; k++) {
        out[k] = tmp[n - 1 - k];
    }
    out[n] = '\0';
    return exp10 + n;
}

// ===========================================================================
// The reference method: exact printf/strtod of the C library.
//
// glibc's printf rounds correctly, so "%.{p-1}e" gives the p-digit decimal
// nearest to x. The rounding interval of a normal double is narrower than
// 2**-51 * x, while decimals of 15 significant digits are at least
// 10**-15 * x apart: at most one of them lies in the interval, and if one
// does it is the nearest. So when the 15-digit form reads back, stripping
// its trailing zeros gives the shortest answer. Else the answer has 16 or 17
// digits: the nearest 16-digit decimal if it reads back; for a power of
// two, whose interval reaches twice as far above as below, also the
// 16-digit decimal just above it; else the nearest 17-digit decimal.
// Subnormals are handled by trying 1, 2, ... digits. Costs one to four
// snprintf/strtod pairs (~1-3 us); kept as the independent check the unit
// test compares Ryu with.

// Digits of the p-digit form of x > 0 (finite): writes the digits (no
// point) to out and returns the decimal exponent of the first digit.
static int digits_at(double x, int p, char *out) {
    char buf[40];
    snprintf(buf, sizeof buf, "%.*e", p - 1, x);
    // buf is "d.ddd...e[+-]XX" (or "de[+-]XX" for p == 1).
    char *q = out;
    const char *s = buf;
    for (; *s != 'e'; s++) {
        if (*s != '.') {
            *q++ = *s;
        }
    }
    *q = '\0';
    return atoi(s + 1);
}

// Does "d.ddd" x 10**exp10 read back as x?
static int reads_back(const char *digits, int exp10, double x) {
    char buf[48];
    snprintf(buf, sizeof buf, "%c.%se%d", digits[0], digits + 1, exp10);
    return strtod(buf, NULL) == x;
}

// Add one unit in the last place of a digit string; returns 1 when it
// carried out of the top (all nines), then the string is "100..." one
// digit longer in value but kept at the same length with exp10 bumped.
static int digits_increment(char *d) {
    size_t n = strlen(d);
    for (size_t i = n; i-- > 0;) {
        if (d[i] != '9') {
            d[i]++;
            return 0;
        }
        d[i] = '0';
    }
    d[0] = '1';
    return 1;
}

// Shortest round-trip digits of x > 0 (finite) by the printf method:
// digits into out (at most 17, no trailing zeros), returns decpt:
// x ~= 0.d1d2d3... x 10**decpt.
static int shortest_digits_printf(double x, char *out) {
    int exp10;
    if (x < DBL_MIN) {
        // Subnormals have fewer significant bits, so their interval is
        // wider than 15-digit spacing; but it is symmetric, so the nearest
        // p-digit decimal is in it whenever any is: try p = 1, 2, ...
        for (int p = 1; p <= 17; p++) {
            exp10 = digits_at(x, p, out);
            if (reads_back(out, exp10, x)) {
                break;
            }
        }
    } else if (exp10 = digits_at(x, 15, out), !reads_back(out, exp10, x)) {
        exp10 = digits_at(x, 16, out);
        if (!reads_back(out, exp10, x)) {
            int e2;
            int found = 0;
            if (frexp(x, &e2) == 0.5) {
                char up[24];
                strcpy(up, out);
                int upexp = exp10 + digits_increment(up);
                if (reads_back(up, upexp, x)) {
                    strcpy(out, up);
                    exp10 = upexp;
                    found = 1;
                }
            }
            if (!found) {
                exp10 = digits_at(x, 17, out);
            }
        }
    }
    size_t n = strlen(out);
    while (n > 1 && out[n - 1] == '0') {
        out[--n] = '\0';
    }
    return exp10 + 1;
}

// Shortest digits: the fast method.
static int shortest_digits(double x, char *out) { return shortest_digits_ryu(x, out); }

int sp_float_shortest_digits(double x, char *out, int method) {
    return method ? shortest_digits_printf(x, out) : shortest_digits(x, out);
}

// ===========================================================================
// Layout

void sp_float_repr_buf(double d, char *buf, size_t size) {
    if (isnan(d)) {
        snprintf(buf, size, "nan");
        return;
    }
    if (isinf(d)) {
        snprintf(buf, size, d > 0 ? "inf" : "-inf");
        return;
    }
    if (d == 0.0) {
        snprintf(buf, size, signbit(d) ? "-0.0" : "0.0");
        return;
    }
    char digits[24];
    int decpt = shortest_digits(fabs(d), digits);
    int n = (int)strlen(digits);
    char tmp[64];
    char *p = tmp;
    if (d < 0) {
        *p++ = '-';
    }
    if (decpt <= -4 || decpt > 16) {
        // Exponent form: 1e+16, 1.5e-05 (at least two exponent digits).
        *p++ = digits[0];
        if (n > 1) {
            *p++ = '.';
            memcpy(p, digits + 1, (size_t)n - 1);
            p += n - 1;
        }
        int e = decpt - 1;
        *p++ = 'e';
        *p++ = e < 0 ? '-' : '+';
        e = e < 0 ? -e : e;
        if (e >= 100) {
            *p++ = (char)('0' + e / 100);
        }
        *p++ = (char)('0' + e / 10 % 10);
        *p++ = (char)('0' + e % 10);
    } else if (decpt <= 0) {
        *p++ = '0';
        *p++ = '.';
        for (int i = 0; i < -decpt; i++) {
            *p++ = '0';
        }
        memcpy(p, digits, (size_t)n);
        p += n;
    } else if (decpt >= n) {
        memcpy(p, digits, (size_t)n);
        p += n;
        for (int i = n; i < decpt; i++) {
            *p++ = '0';
        }
        *p++ = '.';
        *p++ = '0';
    } else {
        memcpy(p, digits, (size_t)decpt);
        p += decpt;
        *p++ = '.';
        memcpy(p, digits + decpt, (size_t)(n - decpt));
        p += n - decpt;
    }
    size_t len = (size_t)(p - tmp);
    if (len >= size) {
        len = size - 1;  // callers pass at least 32 bytes; never happens
    }
    memcpy(buf, tmp, len);
    buf[len] = '\0';
}

