// smallpy: int conversions: to and from C integers, doubles (correctly
// rounded both ways, exact comparison), text in any base 2..36 (with the
// 3.11 limit on decimal digits; long decimal text by divide and conquer
// both ways), and bytes (to_bytes / from_bytes).
// Counterpart: CPython 3.11 Objects/longobject.c (PyLong_As*, PyLong_FromDouble,
// _PyLong_Frexp, PyLong_FromString, long_to_decimal_string_internal,
// long_format_binary, _PyLong_AsByteArray, _PyLong_FromByteArray) and
// Objects/floatobject.c (float_richcompare's int branch).
#include <float.h>
#include <limits.h>
#include <math.h>
#include <string.h>

#include "core/abstract.h"
#include "core/err.h"
#include "core/mem.h"
#include "objects/bytes.h"
#include "objects/exc.h"
#include "objects/int_impl.h"
#include "objects/str.h"

// ===========================================================================
// Bit access on magnitudes

// Bits [pos, pos + count) of |o| (count <= 64).
uint64_t sp_int_get_bits(SpObject *o, uint64_t pos, int count) {
    ssize_t n = sp_int_ndigits(o);
    const SpDigit *d = SP_INT_DIGITS(o);
    uint64_t v = 0;
    int got = 0;
    ssize_t i = (ssize_t)(pos / SP_INT_SHIFT);
    int off = (int)(pos % SP_INT_SHIFT);
    while (got < count && i < n) {
        uint64_t chunk = d[i] >> off;
        v |= chunk << got;
        got += SP_INT_SHIFT - off;
        off = 0;
        i++;
    }
    return count == 64 ? v : v & (((uint64_t)1 << count) - 1);
}

// Is any bit of |o| below position pos set?
static int any_bits_below(SpObject *o, uint64_t pos) {
    ssize_t n = sp_int_ndigits(o);
    const SpDigit *d = SP_INT_DIGITS(o);
    ssize_t full = (ssize_t)(pos / SP_INT_SHIFT);
    for (ssize_t i = 0; i < full && i < n; i++) {
        if (d[i]) {
            return 1;
        }
    }
    int part = (int)(pos % SP_INT_SHIFT);
    return part && full < n && (d[full] & (((SpDigit)1 << part) - 1)) != 0;
}

// ===========================================================================
// C integers

// Three digits hold 90 bits: the magnitude is gathered in a uint64 with a
// check before each shift, then compared with the limits of long (whose
// negative side is one larger).
long sp_int_as_long_and_overflow(SpObject *o, int *overflow) {
    *overflow = 0;
    ssize_t size = SP_SIZE(o);
    if (size >= -1 && size <= 1) {
        return SP_INT_SMALL_VALUE(o);
    }
    ssize_t n = size < 0 ? -size : size;
    if (n > 3) {
        *overflow = size < 0 ? -1 : 1;
        return -1;
    }
    uint64_t v = 0;
    const SpDigit *d = SP_INT_DIGITS(o);
    for (ssize_t i = n - 1; i >= 0; i--) {
        if (v >> (64 - SP_INT_SHIFT)) {
            *overflow = size < 0 ? -1 : 1;
            return -1;
        }
        v = (v << SP_INT_SHIFT) | d[i];
    }
    if (size > 0) {
        if (v > (uint64_t)LONG_MAX) {
            *overflow = 1;
            return -1;
        }
        return (long)v;
    }
    if (v > (uint64_t)LONG_MAX + 1) {
        *overflow = -1;
        return -1;
    }
    return (long)(0 - v);
}

// The int to convert: o itself, or o.__index__() for non-ints.
static SpObject *as_int(SpObject *o) {
    if (SP_INT_CHECK(o)) {
        return sp_newref(o);
    }
    return sp_number_index(o);
}

long sp_int_as_long(SpObject *o) {
    SpObject *v = as_int(o);
    if (v == NULL) {
        return -1;
    }
    int of;
    long r = sp_int_as_long_and_overflow(v, &of);
    SP_DECREF(v);
    if (of) {
        sp_err_set_string(&SpExc_OverflowError, "Python int too large to convert to C long");
        return -1;
    }
    return r;
}

ssize_t sp_int_as_ssize(SpObject *o) {
    SpObject *v = as_int(o);
    if (v == NULL) {
        return -1;
    }
    int of;
    long r = sp_int_as_long_and_overflow(v, &of);
    SP_DECREF(v);
    if (of) {
        sp_err_set_string(&SpExc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    return (ssize_t)r;
}

long long sp_int_as_long_long(SpObject *o) {
    SpObject *v = as_int(o);
    if (v == NULL) {
        return -1;
    }
    int of;
    long r = sp_int_as_long_and_overflow(v, &of);
    SP_DECREF(v);
    if (of) {
        sp_err_set_string(&SpExc_OverflowError, "int too big to convert");
        return -1;
    }
    return r;
}

// ===========================================================================
// Doubles

double sp_int_frexp(SpObject *o, int64_t *e) {
    uint64_t nbits = sp_int_bit_length_u64(o);
    int ee;
    if (nbits == 0) {
        *e = 0;
        return 0.0;
    }
    if (nbits <= 64) {
        // The hardware conversion rounds to nearest even: correct.
        double x = frexp((double)sp_int_low_bits(o), &ee);
        *e = ee;
        return x;
    }
    // Keep 55 bits: 53 for the mantissa, a guard bit, and a sticky bit
    // that records whether anything below was set; converting that to
    // double then rounds exactly as rounding the whole value would.
    uint64_t shift = nbits - 55;
    uint64_t q = sp_int_get_bits(o, shift, 55);
    if (any_bits_below(o, shift)) {
        q |= 1;
    }
    double x = frexp((double)q, &ee);
    *e = (int64_t)ee + (int64_t)shift;
    return x;
}

// float(int): exact below 2**53, else correctly rounded by sp_int_frexp;
// e > DBL_MAX_EXP (1024) means the rounded value reached 2**1024.
double sp_int_as_double(SpObject *o) {
    if (!SP_INT_CHECK(o)) {
        SpObject *v = sp_number_index(o);
        if (v == NULL) {
            return -1.0;
        }
        double d = sp_int_as_double(v);
        SP_DECREF(v);
        return d;
    }
    ssize_t size = SP_SIZE(o);
    if (size >= -1 && size <= 1) {
        return (double)SP_INT_SMALL_VALUE(o);
    }
    int64_t e;
    double x = sp_int_frexp(o, &e);
    if (e > DBL_MAX_EXP) {
        sp_err_set_string(&SpExc_OverflowError, "int too large to convert to float");
        return -1.0;
    }
    x = ldexp(x, (int)e);
    return size < 0 ? -x : x;
}

SpObject *sp_int_from_double(double d) {
    if (fabs(d) < 9223372036854775808.0) {
        return sp_int_from_long((long)d);  // truncates toward zero
    }
    if (isinf(d)) {
        sp_err_set_string(&SpExc_OverflowError, "cannot convert float infinity to integer");
        return NULL;
    }
    if (isnan(d)) {
        sp_err_set_string(&SpExc_ValueError, "cannot convert float NaN to integer");
        return NULL;
    }
    // |d| >= 2**63 is an integer: peel its mantissa off 30 bits at a time,
    // starting with the partial top digit.
    int e;
    double frac = frexp(fabs(d), &e);
    ssize_t ndig = (e - 1) / SP_INT_SHIFT + 1;
    SpIntObject *v = sp_int_new(ndig);
    if (v == NULL) {
        return NULL;
    }
    frac = ldexp(frac, (e - 1) % SP_INT_SHIFT + 1);
    for (ssize_t i = ndig - 1; i >= 0; i--) {
        SpDigit bits = (SpDigit)frac;
        v->ob_digit[i] = bits;
        frac = ldexp(frac - (double)bits, SP_INT_SHIFT);
    }
    if (d < 0) {
        SP_SET_SIZE(v, -ndig);
    }
    return sp_int_normalize(v);
}

// Never by converting the int to a double (2**53 + 1 would equal 2.0**53):
// signs first, then bit lengths, and only for equal lengths the bits
// themselves, which are exact because a double that large is an integer.
int sp_int_compare_double(SpObject *o, double d) {
    if (isinf(d)) {
        return d > 0 ? -1 : 1;
    }
    int osign = sp_int_sign(o);
    int dsign = d < 0 ? -1 : (d > 0);
    if (osign != dsign) {
        return osign < dsign ? -1 : 1;
    }
    if (osign == 0) {
        return 0;
    }
    // Same non-zero sign: compare magnitudes, then flip for negatives.
    double ad = fabs(d);
    uint64_t nbits = sp_int_bit_length_u64(o);
    int c;
    int e;
    frexp(ad, &e);  // ad in [2**(e-1), 2**e)
    if (nbits <= DBL_MANT_DIG) {
        // |o| < 2**53 converts exactly.
        double x = (double)sp_int_get_bits(o, 0, 64);
        c = x < ad ? -1 : (x > ad);
    } else if ((int64_t)nbits != e) {
        c = (int64_t)nbits < e ? -1 : 1;  // e may be negative: |d| < 1
    } else {
        // Same bit length > 53: d is an integer M * 2**k with a 53-bit M.
        uint64_t k = nbits - DBL_MANT_DIG;
        uint64_t m = (uint64_t)ldexp(ad, -(int)k);
        uint64_t top = sp_int_get_bits(o, k, DBL_MANT_DIG);
        c = top < m ? -1 : top > m ? 1 : any_bits_below(o, k);
    }
    return osign < 0 ? -c : c;
}

// ===========================================================================
// Text output

static const char digit_chars[] = "0123456789abcdefghijklmnopqrstuvwxyz";

static void raise_str_limit(void) {
    sp_err_format(&SpExc_ValueError,
                  "Exceeds the limit (%d digits) for integer string conversion; "
                  "use sys.set_int_max_str_digits() to increase the limit",
                  sp_int_max_str_digits);
}

// Decimal conversion: the magnitude is first rewritten in base 10**9 (each
// 30-bit digit from the top is multiplied in, carrying in base 10**9), then
// printed nine digits per word.
#define DEC_BASE 1000000000u
#define DEC_DIGITS 9

static char *to_decimal_small(SpObject *o, ssize_t *len, int limit) {
    ssize_t na = sp_int_ndigits(o);
    // Past this size the text is surely longer than the limit: refuse
    // before the quadratic conversion (CPython's pre-check, same bound).
    if (limit > 0 && na >= 10 * (ssize_t)limit / (3 * SP_INT_SHIFT) + 2) {
        raise_str_limit();
        return NULL;
    }
    // Base 10**9 words needed: 30 bits ~ 9.03 decimal digits.
    ssize_t cap = 1 + na + na / 99;
    uint32_t *w = sp_mem_alloc((size_t)cap * sizeof(uint32_t));
    if (w == NULL) {
        sp_err_no_memory();
        return NULL;
    }
    ssize_t nw = 0;
    const SpDigit *d = SP_INT_DIGITS(o);
    for (ssize_t i = na - 1; i >= 0; i--) {
        SpTwoDigits carry = d[i];
        for (ssize_t j = 0; j < nw; j++) {
            SpTwoDigits z = ((SpTwoDigits)w[j] << SP_INT_SHIFT) | carry;
            carry = z / DEC_BASE;
            w[j] = (uint32_t)(z - carry * DEC_BASE);
        }
        while (carry) {
            w[nw++] = (uint32_t)(carry % DEC_BASE);
            carry /= DEC_BASE;
        }
    }
    if (nw == 0) {
        w[nw++] = 0;
    }
    // Digits of the top word, then nine for each other word.
    int topdigits = 1;
    for (uint32_t t = w[nw - 1]; t >= 10; t /= 10) {
        topdigits++;
    }
    ssize_t ndec = (nw - 1) * DEC_DIGITS + topdigits;
    if (limit > 0 && ndec > limit) {
        sp_mem_free(w);
        raise_str_limit();
        return NULL;
    }
    int neg = SP_SIZE(o) < 0;
    ssize_t total = ndec + neg;
    char *buf = sp_mem_alloc((size_t)total + 1);
    if (buf == NULL) {
        sp_mem_free(w);
        sp_err_no_memory();
        return NULL;
    }
    char *p = buf + total;
    *p = '\0';
    for (ssize_t j = 0; j < nw - 1; j++) {
        uint32_t t = w[j];
        for (int k = 0; k < DEC_DIGITS; k++) {
            *--p = (char)('0' + t % 10);
            t /= 10;
        }
    }
    uint32_t t = w[nw - 1];
    do {
        *--p = (char)('0' + t % 10);
        t /= 10;
    } while (t);
    if (neg) {
        *--p = '-';
    }
    sp_mem_free(w);
    *len = total;
    return buf;
}

static char *to_decimal_dc(SpObject *o, ssize_t *len, int limit);

// Past this many 30-bit digits (~2700 decimal digits) the divide and
// conquer conversion (below the parser) beats the quadratic loop above.
#define DEC_DC_MIN_DIGITS 300

static char *to_decimal(SpObject *o, ssize_t *len) {
    ssize_t na = sp_int_ndigits(o);
    int limit = sp_int_max_str_digits;
    if (limit > 0 && na >= 10 * (ssize_t)limit / (3 * SP_INT_SHIFT) + 2) {
        raise_str_limit();
        return NULL;
    }
    if (na >= DEC_DC_MIN_DIGITS) {
        return to_decimal_dc(o, len, limit);
    }
    return to_decimal_small(o, len, limit);
}

// Bases 2, 8, 16 (any power of two): bits straight from the digits.
static char *to_binary_base(SpObject *o, int base, int alternate, ssize_t *len) {
    int bits = base == 2 ? 1 : base == 8 ? 3 : base == 16 ? 4 : base == 4 ? 2 : 5;
    uint64_t nbits = sp_int_bit_length_u64(o);
    ssize_t nchars = nbits == 0 ? 1 : (ssize_t)((nbits + (uint64_t)bits - 1) / (uint64_t)bits);
    int neg = SP_SIZE(o) < 0;
    ssize_t total = nchars + neg + (alternate ? 2 : 0);
    char *buf = sp_mem_alloc((size_t)total + 1);
    if (buf == NULL) {
        sp_err_no_memory();
        return NULL;
    }
    char *p = buf;
    if (neg) {
        *p++ = '-';
    }
    if (alternate) {
        *p++ = '0';
        *p++ = base == 2 ? 'b' : base == 8 ? 'o' : 'x';
    }
    for (ssize_t i = nchars - 1; i >= 0; i--) {
        *p++ = digit_chars[sp_int_get_bits(o, (uint64_t)i * (uint64_t)bits, bits)];
    }
    *p = '\0';
    *len = total;
    return buf;
}

// The text of an int for str()/hex()/oct()/bin() and the unit tests.
char *sp_int_to_cstr(SpObject *o, int base, int alternate, ssize_t *len) {
    if (base == 10) {
        return to_decimal(o, len);
    }
    return to_binary_base(o, base, alternate, len);
}

// A new ASCII str holding len chars of buf (never a shared string, as
// CPython's str(5) is not the interned '5').
static SpObject *ascii_str(const char *buf, ssize_t len) {
    SpObject *s = sp_str_new(len, 0x7F);
    if (s == NULL) {
        return NULL;
    }
    char *data = SP_STR_DATA(s);
    memcpy(data, buf, (size_t)len);
    data[len] = '\0';
    return s;
}

SpObject *sp_int_to_decimal_string(SpObject *o) {
    ssize_t size = SP_SIZE(o);
    if (size >= -1 && size <= 1) {
        char buf[16];
        char *p = buf + sizeof buf;
        long v = SP_INT_SMALL_VALUE(o);
        unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
        do {
            *--p = (char)('0' + u % 10);
            u /= 10;
        } while (u);
        if (v < 0) {
            *--p = '-';
        }
        return ascii_str(p, buf + sizeof buf - p);
    }
    ssize_t len;
    char *buf = to_decimal(o, &len);
    if (buf == NULL) {
        return NULL;
    }
    SpObject *s = ascii_str(buf, len);
    sp_mem_free(buf);
    return s;
}

SpObject *sp_int_format_base(SpObject *o, int base) {
    if (!SP_INT_CHECK(o)) {
        SpObject *v = sp_number_index(o);
        if (v == NULL) {
            return NULL;
        }
        SpObject *r = sp_int_format_base(v, base);
        SP_DECREF(v);
        return r;
    }
    if (base == 10) {
        return sp_int_to_decimal_string(o);
    }
    if (base != 2 && base != 8 && base != 16) {
        return sp_err_bad_internal_call("sp_int_format_base");
    }
    ssize_t len;
    char *buf = to_binary_base(o, base, 1, &len);
    if (buf == NULL) {
        return NULL;
    }
    SpObject *s = ascii_str(buf, len);
    sp_mem_free(buf);
    return s;
}

// ===========================================================================
// Text input

// Value of a digit character in bases up to 36, or 99.
static inline int char_value(unsigned char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    c |= 0x20;
    return c >= 'a' && c <= 'z' ? c - 'a' + 10 : 99;
}

// First code points of the runs 0..9 of Unicode decimal digits (category
// Nd, Unicode 14.0 as CPython 3.11): value = c - start for c < start + 10.
static const uint32_t decimal_runs[] = {
    0x30,    0x660,   0x6f0,   0x7c0,   0x966,   0x9e6,   0xa66,   0xae6,   0xb66,
    0xbe6,   0xc66,   0xce6,   0xd66,   0xde6,   0xe50,   0xed0,   0xf20,   0x1040,
    0x1090,  0x17e0,  0x1810,  0x1946,  0x19d0,  0x1a80,  0x1a90,  0x1b50,  0x1bb0,
    0x1c40,  0x1c50,  0xa620,  0xa8d0,  0xa900,  0xa9d0,  0xa9f0,  0xaa50,  0xabf0,
    0xff10,  0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450,
    0x114d0, 0x11650, 0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0,
    0x16a60, 0x16ac0, 0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140,
    0x1e2f0, 0x1e950, 0x1fbf0,
};

static int unicode_decimal(uint32_t c) {
    size_t lo = 0, hi = sizeof decimal_runs / sizeof decimal_runs[0];
    while (lo < hi) {  // last run start <= c
        size_t mid = (lo + hi) / 2;
        if (decimal_runs[mid] <= c) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if (lo == 0) {
        return -1;
    }
    uint32_t start = decimal_runs[lo - 1];
    return c - start < 10 ? (int)(c - start) : -1;
}

// Non-ASCII characters for which str.isspace() is true.
static int unicode_space(uint32_t c) {
    return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
           c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

const char *sp_num_ascii_of_str(SpObject *s, ssize_t *len, char **tofree) {
    ssize_t n = SP_STR_LENGTH(s);
    *len = n;
    *tofree = NULL;
    if (SP_STR_IS_ASCII(s)) {
        return SP_STR_DATA(s);
    }
    char *buf = sp_mem_alloc((size_t)n + 1);
    if (buf == NULL) {
        sp_err_no_memory();
        return NULL;
    }
    int kind = SP_STR_KIND(s);
    const void *data = SP_STR_DATA(s);
    for (ssize_t i = 0; i < n; i++) {
        SpUCS4 c = sp_str_read(kind, data, i);
        int dv;
        if (c < 128) {
            buf[i] = (char)c;
        } else if (unicode_space(c)) {
            buf[i] = ' ';
        } else if ((dv = unicode_decimal(c)) >= 0) {
            buf[i] = (char)('0' + dv);
        } else {
            buf[i] = '?';
        }
    }
    buf[n] = '\0';
    *tofree = buf;
    return buf;
}

// ValueError naming the input: CPython shows repr(input) cut to 200
// characters (bytes inputs are cut to 200 bytes first).
static SpObject *invalid_literal(const char *s, ssize_t len, int base, SpObject *orig) {
    SpObject *shown;
    if (orig != NULL && SP_STR_CHECK(orig)) {
        shown = sp_newref(orig);
    } else if (orig != NULL && SP_BYTES_CHECK(orig) && SP_BYTES_SIZE(orig) <= 200) {
        shown = sp_newref(orig);
    } else if (orig != NULL && !SP_STR_CHECK(orig)) {
        shown = sp_bytes_from_data(s, len < 200 ? len : 200);
    } else {
        shown = sp_str_from_utf8(s, len < 200 ? len : 200);
    }
    if (shown == NULL) {
        return NULL;
    }
    sp_err_format(&SpExc_ValueError, "invalid literal for int() with base %d: %.200R", base,
                  shown);
    SP_DECREF(shown);
    return NULL;
}

// Parse the digit run [p, end) (underscores already validated, skipped
// here) in a power-of-two base: each character supplies `bits` bits,
// filled in from the least significant end.
static SpObject *parse_binary_base(const char *p, const char *end, int base, ssize_t ndigits) {
    int bits = __builtin_ctz((unsigned)base);
    uint64_t totbits = (uint64_t)ndigits * (uint64_t)bits;
    ssize_t n = (ssize_t)((totbits + SP_INT_SHIFT - 1) / SP_INT_SHIFT);
    SpIntObject *z = sp_int_new(n > 0 ? n : 1);
    if (z == NULL) {
        return NULL;
    }
    SpTwoDigits acc = 0;
    int accbits = 0;
    ssize_t k = 0;
    for (const char *q = end; q > p;) {
        unsigned char c = (unsigned char)*--q;
        if (c == '_') {
            continue;
        }
        acc |= (SpTwoDigits)char_value(c) << accbits;
        accbits += bits;
        if (accbits >= SP_INT_SHIFT) {
            z->ob_digit[k++] = (SpDigit)(acc & SP_INT_MASK);
            acc >>= SP_INT_SHIFT;
            accbits -= SP_INT_SHIFT;
        }
    }
    if (accbits > 0) {
        z->ob_digit[k++] = (SpDigit)acc;
    }
    SP_SET_SIZE(z, k);
    return sp_int_normalize(z);
}

// Other bases: fold in chunks of k characters, k the most with
// base**k <= 2**30, by z = z * base**k + chunk.
static SpObject *parse_general_base(const char *p, const char *end, int base, ssize_t ndigits) {
    int k = 0;
    SpTwoDigits bk = 1;
    while (bk * (SpTwoDigits)base <= SP_INT_BASE) {
        bk *= (SpTwoDigits)base;
        k++;
    }
    // Digits needed: ndigits * log2(base) / 30, rounded up, plus one.
    double need = (double)ndigits * log2((double)base) / SP_INT_SHIFT + 2;
    SpIntObject *z = sp_int_new((ssize_t)need);
    if (z == NULL) {
        return NULL;
    }
    ssize_t nz = 0;
    SpDigit chunk = 0, mult = 1;
    int inchunk = 0;
    for (const char *q = p; q < end; q++) {
        if (*q == '_') {
            continue;
        }
        chunk = chunk * (SpDigit)base + (SpDigit)char_value((unsigned char)*q);
        mult *= (SpDigit)base;
        if (++inchunk == k || q + 1 == end) {
            SpDigit carry = sp_int_muladd_digit(z->ob_digit, nz, mult, chunk);
            if (carry) {
                z->ob_digit[nz++] = carry;
            }
            chunk = 0;
            mult = 1;
            inchunk = 0;
        }
    }
    if (inchunk) {
        SpDigit carry = sp_int_muladd_digit(z->ob_digit, nz, mult, chunk);
        if (carry) {
            z->ob_digit[nz++] = carry;
        }
    }
    SP_SET_SIZE(z, nz);
    return sp_int_normalize(z);
}

// Long decimal text: divide and conquer. The digit string (underscores
// removed) splits into a high part and a low part of DC_CHUNK * 2**j digits,
// value = high * 10**(DC_CHUNK * 2**j) + low, so the work is a few balanced
// products, which Karatsuba makes sub-quadratic; the per-chunk loop above is
// quadratic. The powers 10**(DC_CHUNK * 2**j) are computed once per call by
// squaring and cached in pow10[j].
#define DC_CHUNK 1024
#define DC_MAX_LEVELS 48

typedef struct {
    SpObject *pow10[DC_MAX_LEVELS];
} DecPowers;

// 10**(DC_CHUNK * 2**j), borrowed from the cache. NULL with an exception.
static SpObject *dec_power(DecPowers *c, int j) {
    if (c->pow10[j] == NULL) {
        if (j == 0) {
            SpObject *ten = sp_int_from_long(10), *e = sp_int_from_long(DC_CHUNK);
            c->pow10[0] = ten && e ? sp_int_pow_ints(ten, e) : NULL;
            SP_XDECREF(ten);
            SP_XDECREF(e);
        } else {
            SpObject *half = dec_power(c, j - 1);
            c->pow10[j] = half ? sp_int_mul_ints(half, half) : NULL;
        }
    }
    return c->pow10[j];
}

// Value of the n decimal digits at p (no underscores). New reference or NULL.
static SpObject *parse_decimal_dc(DecPowers *c, const char *p, ssize_t n) {
    if (n <= 2 * DC_CHUNK) {
        return parse_general_base(p, p + n, 10, n);
    }
    // The largest DC_CHUNK * 2**j below n: the low part gets at least half.
    int j = 0;
    while ((ssize_t)DC_CHUNK << (j + 1) < n) {
        j++;
    }
    ssize_t nlo = (ssize_t)DC_CHUNK << j;
    SpObject *hi = NULL, *lo = NULL, *prod = NULL, *res = NULL;
    SpObject *pw = dec_power(c, j);
    if (pw == NULL || (hi = parse_decimal_dc(c, p, n - nlo)) == NULL ||
        (lo = parse_decimal_dc(c, p + n - nlo, nlo)) == NULL ||
        (prod = sp_int_mul_ints(hi, pw)) == NULL) {
        goto done;
    }
    res = sp_int_add_ints(prod, lo);
done:
    SP_XDECREF(hi);
    SP_XDECREF(lo);
    SP_XDECREF(prod);
    return res;
}

// Decimal digit run [p, end) with underscores, ndigits digits. New
// reference or NULL.
static SpObject *parse_decimal_long(const char *p, const char *end, ssize_t ndigits) {
    char *buf = sp_mem_alloc((size_t)ndigits);
    if (buf == NULL) {
        return sp_err_no_memory();
    }
    ssize_t n = 0;
    for (const char *q = p; q < end; q++) {
        if (*q != '_') {
            buf[n++] = *q;
        }
    }
    DecPowers cache = {{NULL}};
    SpObject *z = parse_decimal_dc(&cache, buf, n);
    for (int j = 0; j < DC_MAX_LEVELS; j++) {
        SP_XDECREF(cache.pow10[j]);
    }
    sp_mem_free(buf);
    return z;
}

// ===========================================================================
// Sub-quadratic decimal output
//
// Big ints print by divide and conquer: v = q * 10**k + r with k = DC_CHUNK
// * 2**j (powers cached as for parsing), q and r printed recursively into
// the two parts of a zero-padded buffer. That only pays with a division
// faster than schoolbook, so divmod by the power uses the recursive
// two-by-one / three-by-two splitting of Burnikel and Ziegler, whose cost is
// a few products of half size per level (Karatsuba) instead of n**2.
//
// The helpers below take ownership of their object arguments (any may be
// NULL after a failed step: then they release the rest and return NULL),
// which keeps the arithmetic readable as nested expressions.

// Below this many bits in the divisor, the schoolbook division is faster.
// Measured by timing str(7**1000000) twice (845,099 digits) with builds at
// -DBZ_CUTOFF_BITS=1500, 3000, 6000, 12000: 3.07, 3.25, 3.51, 3.40 s user on
// a loaded machine; the curve is flat, 1500 the best of them.
#ifndef BZ_CUTOFF_BITS
#define BZ_CUTOFF_BITS 1500
#endif

static SpObject *own(SpObject *o) {
    SP_XINCREF(o);
    return o;
}

static SpObject *o_add(SpObject *a, SpObject *b) {
    SpObject *r = a && b ? sp_int_add_ints(a, b) : NULL;
    SP_XDECREF(a);
    SP_XDECREF(b);
    return r;
}

static SpObject *o_sub(SpObject *a, SpObject *b) {
    SpObject *r = a && b ? sp_int_sub_ints(a, b) : NULL;
    SP_XDECREF(a);
    SP_XDECREF(b);
    return r;
}

static SpObject *o_mul(SpObject *a, SpObject *b) {
    SpObject *r = a && b ? sp_int_mul_ints(a, b) : NULL;
    SP_XDECREF(a);
    SP_XDECREF(b);
    return r;
}

static SpObject *o_shl(SpObject *a, size_t n) {
    SpObject *r = a ? sp_int_lshift_by(a, n) : NULL;
    SP_XDECREF(a);
    return r;
}

static SpObject *o_shr(SpObject *a, size_t n) {
    SpObject *r = a ? sp_int_rshift_by(a, n) : NULL;
    SP_XDECREF(a);
    return r;
}

// a mod 2**n for a >= 0.
static SpObject *o_low(SpObject *a, size_t n) {
    if (a == NULL) {
        return NULL;
    }
    ssize_t nd = (ssize_t)((n + SP_INT_SHIFT - 1) / SP_INT_SHIFT);
    ssize_t na = sp_int_ndigits(a);
    if (nd > na) {
        nd = na;
    }
    SpIntObject *z = sp_int_new(nd);
    if (z != NULL) {
        memcpy(z->ob_digit, SP_INT_DIGITS(a), (size_t)nd * sizeof(SpDigit));
        if ((size_t)nd * SP_INT_SHIFT > n) {
            z->ob_digit[nd - 1] &= ((SpDigit)1 << (n % SP_INT_SHIFT)) - 1;
        }
        SP_SET_SIZE(z, nd);
    }
    SP_DECREF(a);
    return z ? sp_int_normalize(z) : NULL;
}

static int div2n1n(SpObject *a, SpObject *b, size_t n, SpObject **q, SpObject **r);

// Divide a12 * 2**n + a3 by b = b1 * 2**n + b2, quotient < 2**n. Steals
// a12 and a3. 0 or -1.
static int div3n2n(SpObject *a12, SpObject *a3, SpObject *b, SpObject *b1, SpObject *b2, size_t n,
                   SpObject **pq, SpObject **pr) {
    SpObject *q = NULL, *r = NULL, *top = NULL;
    if (a12 == NULL || a3 == NULL || (top = sp_int_rshift_by(a12, n)) == NULL) {
        goto fail;
    }
    int same = sp_int_compare(top, b1) == 0;
    SP_DECREF(top);
    if (same) {
        // The two-by-one estimate would be 2**n or more: clamp it.
        q = o_sub(o_shl(sp_int_from_long(1), n), sp_int_from_long(1));
        r = o_add(o_sub(own(a12), o_shl(own(b1), n)), own(b1));
    } else if (div2n1n(a12, b1, n, &q, &r) < 0) {
        goto fail;
    }
    r = o_sub(o_add(o_shl(r, n), own(a3)), o_mul(own(q), own(b2)));
    // The estimate exceeds the true quotient by at most 2.
    while (r != NULL && q != NULL && SP_SIZE(r) < 0) {
        q = o_sub(q, sp_int_from_long(1));
        r = o_add(r, own(b));
    }
    if (q == NULL || r == NULL) {
        goto fail;
    }
    SP_DECREF(a12);
    SP_DECREF(a3);
    *pq = q;
    *pr = r;
    return 0;
fail:
    SP_XDECREF(q);
    SP_XDECREF(r);
    SP_XDECREF(a12);
    SP_XDECREF(a3);
    return -1;
}

// q, r = divmod(a, b) for 0 <= a < b * 2**n, b of n bits. Borrows a, b.
static int div2n1n(SpObject *a, SpObject *b, size_t n, SpObject **pq, SpObject **pr) {
    if (n < BZ_CUTOFF_BITS) {
        return sp_int_divmod_floor(a, b, pq, pr);
    }
    SpObject *aa = own(a), *bb = own(b), *b1 = NULL, *b2 = NULL, *q1 = NULL, *q2 = NULL;
    SpObject *r = NULL;
    int rc = -1;
    int pad = (int)(n & 1);
    if (pad) {
        aa = o_shl(aa, 1);
        bb = o_shl(bb, 1);
        n++;
    }
    size_t half = n / 2;
    b1 = bb ? sp_int_rshift_by(bb, half) : NULL;
    b2 = o_low(own(bb), half);
    if (aa == NULL || b1 == NULL || b2 == NULL) {
        goto done;
    }
    if (div3n2n(sp_int_rshift_by(aa, n), o_low(o_shr(own(aa), half), half), bb, b1, b2, half,
                &q1, &r) < 0) {
        goto done;
    }
    SpObject *r2 = NULL;
    if (div3n2n(r, o_low(own(aa), half), bb, b1, b2, half, &q2, &r2) < 0) {
        goto done;
    }
    r = pad ? o_shr(r2, 1) : r2;
    SpObject *q = o_add(o_shl(q1, half), q2);
    q1 = q2 = NULL;
    if (q == NULL || r == NULL) {
        SP_XDECREF(q);
        SP_XDECREF(r);
        goto done;
    }
    *pq = q;
    *pr = r;
    rc = 0;
done:
    SP_XDECREF(aa);
    SP_XDECREF(bb);
    SP_XDECREF(b1);
    SP_XDECREF(b2);
    SP_XDECREF(q1);
    SP_XDECREF(q2);
    return rc;
}

// Write v (0 <= v < 10**w) as exactly w digits, zero-padded, at out.
static int print_decimal_dc(DecPowers *c, SpObject *v, char *out, ssize_t w) {
    if (w <= 2 * DC_CHUNK) {
        ssize_t len;
        char *s = to_decimal_small(v, &len, 0);
        if (s == NULL) {
            return -1;
        }
        memset(out, '0', (size_t)(w - len));
        memcpy(out + w - len, s, (size_t)len);
        sp_mem_free(s);
        return 0;
    }
    int j = 0;
    while ((ssize_t)DC_CHUNK << (j + 1) < w) {
        j++;
    }
    ssize_t k = (ssize_t)DC_CHUNK << j;
    SpObject *pw = dec_power(c, j), *q = NULL, *r = NULL;
    if (pw == NULL) {
        return -1;
    }
    // v < 10**w <= 10**(2k) < pw * 2**bits(pw): the two-by-one precondition.
    int rc = -1;
    if (sp_int_compare(v, pw) < 0) {
        q = sp_int_from_long(0);
        r = own(v);
    } else if (div2n1n(v, pw, (size_t)sp_int_bit_length_u64(pw), &q, &r) < 0) {
        return -1;
    }
    if (q != NULL && r != NULL && print_decimal_dc(c, q, out, w - k) == 0 &&
        print_decimal_dc(c, r, out + w - k, k) == 0) {
        rc = 0;
    }
    SP_XDECREF(q);
    SP_XDECREF(r);
    return rc;
}

// Decimal text of a big int through print_decimal_dc; limit as to_decimal.
static char *to_decimal_dc(SpObject *o, ssize_t *len, int limit) {
    SpObject *v = sp_int_ndigits(o) == SP_SIZE(o) ? own(o) : sp_int_abs(o);
    if (v == NULL) {
        return NULL;
    }
    // 10**w > v: bits * log10(2) < w.
    ssize_t w = (ssize_t)((double)sp_int_bit_length_u64(v) * 0.30102999566398120) + 2;
    int neg = SP_SIZE(o) < 0;
    char *buf = sp_mem_alloc((size_t)w + 2);
    DecPowers cache = {{NULL}};
    int rc = buf ? print_decimal_dc(&cache, v, buf + 1, w) : -1;
    if (buf == NULL) {
        sp_err_no_memory();
    }
    for (int j = 0; j < DC_MAX_LEVELS; j++) {
        SP_XDECREF(cache.pow10[j]);
    }
    SP_DECREF(v);
    if (rc < 0) {
        sp_mem_free(buf);
        return NULL;
    }
    ssize_t skip = 1;
    while (skip < w && buf[skip] == '0') {
        skip++;
    }
    ssize_t ndec = w + 1 - skip;
    if (limit > 0 && ndec > limit) {
        sp_mem_free(buf);
        raise_str_limit();
        return NULL;
    }
    if (neg) {
        buf[--skip] = '-';
    }
    *len = w + 1 - skip;
    memmove(buf, buf + skip, (size_t)*len);
    buf[*len] = '\0';
    return buf;
}

// int(text, base) as CPython's PyLong_FromString: [spaces] [sign] [prefix]
// digits with single underscores between them [spaces]. The digit limit
// of 3.11 applies to non-power-of-two bases and is checked once the digit
// run is known, before trailing garbage (as CPython: '1' * 4301 + 'x'
// reports the limit, not an invalid literal).
SpObject *sp_int_parse(const char *s, ssize_t len, int base, SpObject *orig) {
    const char *p = s, *end = s + len;
    int orig_base = base;
    while (p < end && sp_num_isspace(*p)) {
        p++;
    }
    int neg = 0;
    if (p < end && (*p == '+' || *p == '-')) {
        neg = *p == '-';
        p++;
    }
    // Base 0: the prefix decides; a plain leading zero allows only zeros
    // (old C-style octal literals are invalid).
    int zeros_only = 0;
    if (base == 0) {
        char c1 = p + 1 < end ? (char)(p[1] | 0x20) : 0;
        if (p >= end || *p != '0') {
            base = 10;
        } else if (c1 == 'x') {
            base = 16;
        } else if (c1 == 'o') {
            base = 8;
        } else if (c1 == 'b') {
            base = 2;
        } else {
            base = 10;
            zeros_only = 1;
        }
    }
    if (p + 1 < end && p[0] == '0') {
        char c1 = (char)(p[1] | 0x20);
        if ((base == 16 && c1 == 'x') || (base == 8 && c1 == 'o') || (base == 2 && c1 == 'b')) {
            p += 2;
            if (p < end && *p == '_') {
                p++;  // one underscore may follow the prefix
            }
        }
    }
    // Scan the digit run: underscores only singly and between digits.
    const char *start = p;
    ssize_t ndigits = 0;
    char prev = 0;
    while (p < end && (char_value((unsigned char)*p) < base || *p == '_')) {
        if (*p == '_') {
            if (prev == '_' || p == start) {
                goto invalid;
            }
        } else {
            ndigits++;
        }
        prev = *p++;
    }
    if (prev == '_' || ndigits == 0) {
        goto invalid;
    }
    int limit = sp_int_max_str_digits;
    if ((base & (base - 1)) != 0 && limit > 0 && ndigits > limit) {
        sp_err_format(&SpExc_ValueError,
                      "Exceeds the limit (%d digits) for integer string conversion: "
                      "value has %zd digits; use sys.set_int_max_str_digits() to increase "
                      "the limit",
                      limit, ndigits);
        return NULL;
    }
    const char *digits_end = p;
    while (p < end && sp_num_isspace(*p)) {
        p++;
    }
    if (p != end) {
        goto invalid;
    }
    SpObject *z;
    if (ndigits <= 18 && base == 10) {
        // Fits a long: the common case of short decimal text.
        long v = 0;
        for (const char *q = start; q < digits_end; q++) {
            if (*q != '_') {
                v = v * 10 + (*q - '0');
            }
        }
        if (zeros_only && v != 0) {
            goto invalid;
        }
        return sp_int_from_long(neg ? -v : v);
    }
    if ((base & (base - 1)) == 0) {
        z = parse_binary_base(start, digits_end, base, ndigits);
    } else if (base == 10 && ndigits > 2 * DC_CHUNK) {
        z = parse_decimal_long(start, digits_end, ndigits);
    } else {
        z = parse_general_base(start, digits_end, base, ndigits);
    }
    if (z == NULL) {
        return NULL;
    }
    if (zeros_only && SP_SIZE(z) != 0) {
        SP_DECREF(z);
        goto invalid;
    }
    if (neg && SP_SIZE(z) != 0) {
        SpObject *nz = sp_int_neg(z);
        SP_DECREF(z);
        z = nz;
    }
    return z;
invalid:
    return invalid_literal(s, len, orig_base, orig);
}

SpObject *sp_int_from_string(const char *s, ssize_t len, int base) {
    if (len < 0) {
        len = (ssize_t)strlen(s);
    }
    return sp_int_parse(s, len, base, NULL);
}

SpObject *sp_int_from_unicode(SpObject *s, int base) {
    ssize_t len;
    char *tofree;
    const char *text = sp_num_ascii_of_str(s, &len, &tofree);
    if (text == NULL) {
        return NULL;
    }
    SpObject *r = sp_int_parse(text, len, base, s);
    sp_mem_free(tofree);
    return r;
}

// ===========================================================================
// Bytes

// int.to_bytes: two's complement bytes, least significant first while
// building; the overflow rules (and the quirk that (-1).to_bytes(0,
// signed=True) is b'') follow CPython's _PyLong_AsByteArray.
SpObject *sp_int_to_bytes(SpObject *o, ssize_t length, int little, int is_signed) {
    int neg = SP_SIZE(o) < 0;
    if (neg && !is_signed) {
        sp_err_set_string(&SpExc_OverflowError, "can't convert negative int to unsigned");
        return NULL;
    }
    SpObject *b = sp_bytes_from_data(NULL, length);
    if (b == NULL) {
        return NULL;
    }
    unsigned char *out = (unsigned char *)SP_BYTES_DATA(b);
    ssize_t n = sp_int_ndigits(o);
    const SpDigit *d = SP_INT_DIGITS(o);
    ssize_t j = 0;  // bytes stored
    SpTwoDigits acc = 0;
    int accbits = 0;
    SpDigit carry = neg;
#define PUT(byte)                                                   \
    do {                                                            \
        if (j >= length) {                                          \
            goto overflow;                                          \
        }                                                           \
        out[little ? j : length - 1 - j] = (unsigned char)(byte);   \
        j++;                                                        \
    } while (0)
    for (ssize_t i = 0; i < n; i++) {
        SpDigit v = d[i];
        if (neg) {
            v = (v ^ SP_INT_MASK) + carry;
            carry = v >> SP_INT_SHIFT;
            v &= SP_INT_MASK;
        }
        acc |= (SpTwoDigits)v << accbits;
        if (i == n - 1) {
            // Only the significant bits of the top digit count; sign bits
            // are implied.
            for (SpDigit sbits = neg ? v ^ SP_INT_MASK : v; sbits; sbits >>= 1) {
                accbits++;
            }
        } else {
            accbits += SP_INT_SHIFT;
        }
        while (accbits >= 8) {
            PUT(acc & 0xFF);
            acc >>= 8;
            accbits -= 8;
        }
    }
    if (accbits > 0) {
        if (neg) {
            acc |= ~(SpTwoDigits)0 << accbits;
        }
        PUT(acc & 0xFF);
    } else if (j == length && length > 0 && is_signed) {
        // Filled exactly: the top byte's high bit must match the sign.
        unsigned char msb = out[little ? j - 1 : 0];
        if ((msb >= 0x80) != neg) {
            goto overflow;
        }
        return b;
    }
    for (; j < length; j++) {
        out[little ? j : length - 1 - j] = neg ? 0xFF : 0;
    }
#undef PUT
    if (is_signed && length > 0) {
        unsigned char msb = out[little ? length - 1 : 0];
        if ((msb >= 0x80) != neg) {
            goto overflow;
        }
    }
    return b;
overflow:
    SP_DECREF(b);
    sp_err_set_string(&SpExc_OverflowError, "int too big to convert");
    return NULL;
}

// int.from_bytes: bytes are gathered 8 bits at a time into 30-bit digits;
// a set top bit with signed=True means a negative two's complement value,
// whose magnitude is complemented (+1) on the fly.
SpObject *sp_int_from_bytes(const unsigned char *b, ssize_t n, int little, int is_signed) {
    if (n == 0) {
        return sp_int_from_long(0);
    }
    // Byte k (from the least significant) of the input.
#define BYTE(k) (little ? b[(k)] : b[n - 1 - (k)])
    int neg = is_signed && (BYTE(n - 1) & 0x80);
    if (n > (SP_INT_MAX_DIGITS / 8) * 30) {
        sp_err_set_string(&SpExc_OverflowError, "byte array too long to convert to int");
        return NULL;
    }
    ssize_t nd = (ssize_t)(((uint64_t)n * 8 + SP_INT_SHIFT - 1) / SP_INT_SHIFT);
    SpIntObject *z = sp_int_new(nd);
    if (z == NULL) {
        return NULL;
    }
    // Negative values: take the two's complement while reading.
    SpTwoDigits acc = 0;
    int accbits = 0;
    unsigned carry = 1;
    ssize_t k = 0;
    for (ssize_t i = 0; i < n; i++) {
        unsigned v = BYTE(i);
        if (neg) {
            v = (v ^ 0xFF) + carry;
            carry = v >> 8;
            v &= 0xFF;
        }
        acc |= (SpTwoDigits)v << accbits;
        accbits += 8;
        if (accbits >= SP_INT_SHIFT) {
            z->ob_digit[k++] = (SpDigit)(acc & SP_INT_MASK);
            acc >>= SP_INT_SHIFT;
            accbits -= SP_INT_SHIFT;
        }
    }
#undef BYTE
    if (accbits > 0) {
        z->ob_digit[k++] = (SpDigit)acc;
    }
    while (k < nd) {
        z->ob_digit[k++] = 0;
    }
    if (neg) {
        SP_SET_SIZE(z, -nd);
    }
    return sp_int_normalize(z);
}
