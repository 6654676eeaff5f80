// smallpy: float <-> text other than repr: float() parsing, round() with
// ndigits, hex() / fromhex(). The C library's exact printf and strtod do the
// decimal work; this file decides which digits. (repr is float_repr.c.)
// Counterpart: CPython 3.11 Python/pystrtod.c, Objects/floatobject.c
// (double_round, float_hex, float_fromhex).
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/abstract.h"
#include "core/err.h"
#include "core/mem.h"
#include "objects/bytes.h"
#include "objects/exc.h"
#include "objects/float.h"
#include "objects/int_impl.h"
#include "objects/str.h"

// ===========================================================================
// Parsing

// Case-insensitive match of [s, s + len) against a lowercase word.
static int word_eq(const char *s, ssize_t len, const char *word) {
    ssize_t n = (ssize_t)strlen(word);
    if (len != n) {
        return 0;
    }
    for (ssize_t i = 0; i < n; i++) {
        if ((s[i] | 0x20) != word[i]) {
            return 0;
        }
    }
    return 1;
}

static inline int is_digit(char c) { return c >= '0' && c <= '9'; }

// The grammar is checked here because strtod accepts more than Python
// (hex floats, "infinit", "nan(...)", leading spaces); only a validated,
// underscore-free copy reaches strtod, which then rounds correctly.
int sp_float_parse_ascii(const char *s, ssize_t len, double *out) {
    const char *p = s, *end = s + len;
    int neg = 0;
    if (p < end && (*p == '+' || *p == '-')) {
        neg = *p == '-';
        p++;
    }
    ssize_t rest = end - p;
    if (word_eq(p, rest, "inf") || word_eq(p, rest, "infinity")) {
        *out = neg ? -HUGE_VAL : HUGE_VAL;
        return 0;
    }
    if (word_eq(p, rest, "nan")) {
        *out = neg ? -NAN : NAN;
        return 0;
    }
    // Validate digits [. digits] [e [sign] digits] with underscores only
    // between two digits, copying what strtod should see.
    char small[64];
    char *buf = rest < (ssize_t)sizeof small ? small : sp_mem_alloc((size_t)rest + 2);
    if (buf == NULL) {
        return -1;
    }
    char *q = buf;
    *q++ = neg ? '-' : '+';
    int ok = 1, mant_digits = 0;
    // Integer part.
    while (p < end && (is_digit(*p) || *p == '_')) {
        if (*p == '_' && (q[-1] < '0' || q[-1] > '9' || p + 1 >= end || !is_digit(p[1]))) {
            ok = 0;
            break;
        }
        if (*p != '_') {
            *q++ = *p;
            mant_digits++;
        }
        p++;
    }
    if (ok && p < end && *p == '.') {
        *q++ = *p++;
        int frac_start = 1;
        while (p < end && (is_digit(*p) || *p == '_')) {
            if (*p == '_' && (frac_start || p + 1 >= end || !is_digit(p[1]))) {
                ok = 0;
                break;
            }
            if (*p != '_') {
                *q++ = *p;
                mant_digits++;
            }
            frac_start = 0;
            p++;
        }
    }
    if (mant_digits == 0) {
        ok = 0;
    }
    if (ok && p < end && (*p | 0x20) == 'e') {
        *q++ = 'e';
        p++;
        if (p < end && (*p == '+' || *p == '-')) {
            *q++ = *p++;
        }
        int exp_digits = 0;
        while (p < end && (is_digit(*p) || *p == '_')) {
            if (*p == '_' && (exp_digits == 0 || p + 1 >= end || !is_digit(p[1]))) {
                ok = 0;
                break;
            }
            if (*p != '_') {
                *q++ = *p;
                exp_digits++;
            }
            p++;
        }
        if (exp_digits == 0) {
            ok = 0;
        }
    }
    if (p != end) {
        ok = 0;
    }
    *q = '\0';
    if (ok) {
        *out = strtod(buf, NULL);  // out of range gives +-inf or 0, as CPython
    }
    if (buf != small) {
        sp_mem_free(buf);
    }
    return ok ? 0 : -1;
}

SpObject *sp_float_from_text(const char *s, ssize_t len, SpObject *orig) {
    const char *p = s, *end = s + len;
    while (p < end && sp_num_isspace(*p)) {
        p++;
    }
    while (end > p && sp_num_isspace(end[-1])) {
        end--;
    }
    double d;
    if (sp_float_parse_ascii(p, end - p, &d) < 0) {
        if (sp_err_occurred()) {
            return NULL;
        }
        return sp_err_format(&SpExc_ValueError, "could not convert string to float: %R", orig);
    }
    return sp_float_from_double(d);
}

SpObject *sp_float_from_string(SpObject *str) {
    if (SP_STR_CHECK(str)) {
        ssize_t len;
        char *tofree;
        const char *text = sp_num_ascii_of_str(str, &len, &tofree);
        if (text == NULL) {
            return NULL;
        }
        SpObject *r = sp_float_from_text(text, len, str);
        sp_mem_free(tofree);
        return r;
    }
    if (SP_BYTES_CHECK(str)) {
        return sp_float_from_text(SP_BYTES_DATA(str), SP_BYTES_SIZE(str), str);
    }
    if (strcmp(SP_TYPE(str)->tp_name, "bytearray") == 0 ||
        strcmp(SP_TYPE(str)->tp_name, "memoryview") == 0) {
        SpObject *b = sp_call_one_arg((SpObject *)&SpBytes_Type, str);
        if (b == NULL) {
            return NULL;
        }
        SpObject *r = sp_float_from_text(SP_BYTES_DATA(b), SP_BYTES_SIZE(b), b);
        SP_DECREF(b);
        return r;
    }
    return sp_err_format(&SpExc_TypeError,
                         "float() argument must be a string or a real number, not '%T'", str);
}

// ===========================================================================
// round()

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


// Past these, round(x, n) is x itself / a zero (CPython's NDIGITS_MAX/MIN:
// no double has decimals beyond 10**-323 or values beyond 10**308).
#define NDIGITS_MAX 323
#define NDIGITS_MIN (-308)

// round(x, n) must be the double nearest to the exactly rounded decimal
// (CPython rounds with dtoa's exact digits, then reads them back): printf
// and strtod of glibc are exact, so they do it for n >= 0.
SpObject *sp_float_round_digits(double x, ssize_t ndigits) {
    if (!isfinite(x) || ndigits > NDIGITS_MAX) {
        return sp_float_from_double(x);
    }
    if (ndigits < NDIGITS_MIN) {
        return sp_float_from_double(0.0 * x);
    }
    if (x == 0.0) {
        return sp_float_from_double(x);
    }
    double r;
    if (ndigits >= 0) {
        // printf rounds the exact binary value half to even: correctly.
        char buf[720];
        snprintf(buf, sizeof buf, "%.*f", (int)ndigits, x);
        r = strtod(buf, NULL);
    } else {
        // Round the exact integer part at 10**k; a non-zero fraction only
        // breaks ties (it is below the rounding position).
        char buf[400];
        double ax = fabs(x), t = trunc(ax);
        int sticky = ax != t;
        snprintf(buf, sizeof buf - 8, "%.0f", t);
        int len = (int)strlen(buf), k = (int)-ndigits;
        int keep = len - k;  // digits before the rounding position
        if (keep < 0) {
            return sp_float_from_double(copysign(0.0, x));
        }
        int first = buf[keep] - '0';  // keep < len since k >= 1
        int rest = sticky;
        for (int i = keep + 1; i < len && !rest; i++) {
            rest = buf[i] != '0';
        }
        int last_odd = keep > 0 && ((buf[keep - 1] - '0') & 1);
        buf[keep] = '\0';
        char *digits = buf;
        if (keep == 0) {
            strcpy(buf, "0");
        }
        if (first > 5 || (first == 5 && (rest || last_odd))) {
            if (digits_increment(digits)) {
                strcat(digits, "0");  // 99..9 became 10..0: one digit more
            }
        }
        char tail[16];
        snprintf(tail, sizeof tail, "e%d", k);
        strcat(buf, tail);
        r = strtod(buf, NULL);
        if (isinf(r)) {
            sp_err_set_string(&SpExc_OverflowError, "rounded value too large to represent");
            return NULL;
        }
        r = copysign(r, x);
    }
    return sp_float_from_double(r);
}

SpObject *sp_float_round_int(double x) {
    double r = round(x);  // halves away from zero; fix ties to even
    if (fabs(x - r) == 0.5) {
        r = 2.0 * round(x / 2.0);
    }
    return sp_int_from_double(r);
}

// ===========================================================================
// hex() and fromhex()

// float.hex(): [-]0x1.hhhhhhhhhhhhhp+e, 13 hex digits for the 52 fraction
// bits; subnormals as 0x0.hhh...p-1022.
SpObject *sp_float_to_hex(double x) {
    char buf[64];
    if (!isfinite(x)) {
        sp_float_repr_buf(x, buf, sizeof buf);
        return sp_str_from_utf8(buf, -1);
    }
    if (x == 0.0) {
        return sp_str_from_utf8(signbit(x) ? "-0x0.0p+0" : "0x0.0p+0", -1);
    }
    int e;
    double m = frexp(fabs(x), &e);
    // Normalise to 1.xxx (or 0.xxx for subnormals, exponent pinned at -1022).
    int shift = 1 - (DBL_MIN_EXP - e > 0 ? DBL_MIN_EXP - e : 0);
    m = ldexp(m, shift);
    e -= shift;
    char *p = buf;
    if (x < 0) {
        *p++ = '-';
    }
    *p++ = '0';
    *p++ = 'x';
    int d = (int)m;
    *p++ = (char)('0' + d);
    m -= d;
    *p++ = '.';
    for (int i = 0; i < (DBL_MANT_DIG - 1) / 4; i++) {
        m *= 16.0;
        d = (int)m;
        *p++ = "0123456789abcdef"[d];
        m -= d;
    }
    sprintf(p, "p%+d", e);
    return sp_str_from_utf8(buf, -1);
}

static int hex_value(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    c = (char)(c | 0x20);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static SpObject *fromhex_invalid(void) {
    sp_err_set_string(&SpExc_ValueError, "invalid hexadecimal floating-point string");
    return NULL;
}

static SpObject *fromhex_overflow(void) {
    sp_err_set_string(&SpExc_OverflowError, "hexadecimal value too large to represent as a float");
    return NULL;
}

// float.fromhex: [sign] [0x] hexdigits [. hexdigits] [p [sign] decimal],
// correctly rounded half to even (also into the subnormal range).
SpObject *sp_float_from_hex_str(SpObject *str) {
    if (!SP_STR_CHECK(str)) {
        sp_err_set_string(&SpExc_TypeError, "bad argument type for built-in operation");
        return NULL;
    }
    ssize_t len;
    const char *s = sp_str_as_utf8(str, &len);
    if (s == NULL) {
        return NULL;
    }
    const char *p = s, *end = s + len;
    while (p < end && sp_num_isspace(*p)) {
        p++;
    }
    while (end > p && sp_num_isspace(end[-1])) {
        end--;
    }
    int neg = 0;
    if (p < end && (*p == '+' || *p == '-')) {
        neg = *p == '-';
        p++;
    }
    if (word_eq(p, end - p, "inf") || word_eq(p, end - p, "infinity")) {
        return sp_float_from_double(neg ? -HUGE_VAL : HUGE_VAL);
    }
    if (word_eq(p, end - p, "nan")) {
        return sp_float_from_double(neg ? -NAN : NAN);
    }
    if (end - p >= 2 && p[0] == '0' && (p[1] | 0x20) == 'x') {
        p += 2;
    }
    const char *int_start = p;
    while (p < end && hex_value(*p) >= 0) {
        p++;
    }
    const char *int_end = p, *frac_start = p, *frac_end = p;
    if (p < end && *p == '.') {
        frac_start = ++p;
        while (p < end && hex_value(*p) >= 0) {
            p++;
        }
        frac_end = p;
    }
    ssize_t nint = int_end - int_start, nfrac = frac_end - frac_start;
    if (nint + nfrac == 0) {
        return fromhex_invalid();
    }
    if (nint + nfrac > 100000000) {
        sp_err_set_string(&SpExc_ValueError, "hexadecimal string too long to convert");
        return NULL;
    }
    long exp = 0;
    if (p < end && (*p | 0x20) == 'p') {
        p++;
        int eneg = 0;
        if (p < end && (*p == '+' || *p == '-')) {
            eneg = *p == '-';
            p++;
        }
        if (p == end || !is_digit(*p)) {
            return fromhex_invalid();
        }
        for (; p < end && is_digit(*p); p++) {
            if (exp < 100000000000L) {  // clamp: anything past is over/underflow
                exp = exp * 10 + (*p - '0');
            }
        }
        if (eneg) {
            exp = -exp;
        }
    }
    if (p != end) {
        return fromhex_invalid();
    }
    // digit(i): the i-th hex digit counting from the least significant.
#define DIGIT(i) \
    hex_value((i) < nfrac ? frac_end[-1 - (i)] : int_end[-1 - ((i) - nfrac)])
    ssize_t ndigits = nint + nfrac;
    while (ndigits > 0 && DIGIT(ndigits - 1) == 0) {
        ndigits--;
    }
    double x = 0.0;
    if (ndigits == 0 || exp < -1000000000000L) {
        return sp_float_from_double(neg ? -0.0 : 0.0);
    }
    exp -= 4 * (long)nfrac;
    // top_exp: one above the exponent of the most significant bit.
    long top_exp = exp + 4 * ((long)ndigits - 1);
    for (int dg = DIGIT(ndigits - 1); dg != 0; dg /= 2) {
        top_exp++;
    }
    if (top_exp < DBL_MIN_EXP - DBL_MANT_DIG) {
        return sp_float_from_double(neg ? -0.0 : 0.0);
    }
    if (top_exp > DBL_MAX_EXP) {
        return fromhex_overflow();
    }
    // lsb: the exponent of the last bit kept (fewer bits when subnormal).
    long lsb = (top_exp > DBL_MIN_EXP ? top_exp : DBL_MIN_EXP) - DBL_MANT_DIG;
    if (exp >= lsb) {
        for (ssize_t i = ndigits - 1; i >= 0; i--) {
            x = 16.0 * x + DIGIT(i);
        }
        x = ldexp(x, (int)exp);
    } else {
        // key: the digit holding the first bit rounded away; half: that bit.
        long half = 1L << ((lsb - exp - 1) % 4);
        ssize_t key = (ssize_t)((lsb - exp - 1) / 4);
        for (ssize_t i = ndigits - 1; i > key; i--) {
            x = 16.0 * x + DIGIT(i);
        }
        int dg = DIGIT(key);
        x = 16.0 * x + (double)(dg & (16 - 2 * half));
        if (dg & half) {
            // Round up unless exactly half with an even kept part.
            int up = (dg & (3 * half - 1)) != 0 ||
                     (half == 8 && key + 1 < ndigits && (DIGIT(key + 1) & 1));
            for (ssize_t i = key - 1; i >= 0 && !up; i--) {
                up = DIGIT(i) != 0;
            }
            if (up) {
                x += (double)(2 * half);
                if (top_exp == DBL_MAX_EXP && x == ldexp((double)(2 * half), DBL_MANT_DIG)) {
                    return fromhex_overflow();
                }
            }
        }
        x = ldexp(x, (int)(exp + 4 * key));
    }
#undef DIGIT
    return sp_float_from_double(neg ? -x : x);
}
