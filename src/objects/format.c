// smallpy: format() for str, int and float: the format-spec mini-language
// parser, number layout (sign, prefix, fill/alignment, zero padding,
// ',' and '_' grouping) and float-to-text conversion. Implements
// sp_int_format, sp_float_format and str.__format__.
// Counterpart: CPython 3.11 Python/formatter_unicode.c, Python/pystrtod.c.
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "core/abstract.h"
#include "core/err.h"
#include "core/mem.h"
#include "objects/exc.h"
#include "objects/float.h"
#include "objects/format.h"
#include "objects/int.h"
#include "objects/str_internal.h"

// =============================================================================
// Parsing the spec
// =============================================================================

static int is_align(SpUCS4 c) { return c == '<' || c == '>' || c == '^' || c == '='; }

// Digits at *pos as a non-negative number (-1 if there are none).
// Width and precision: decimal digits; more than fit a ssize_t is CPython's
// "Too many decimal digits in format string".
static int parse_int(SpObject *spec, ssize_t *pos, ssize_t end, ssize_t *out) {
    ssize_t v = -1;
    while (*pos < end) {
        SpUCS4 c = SP_STR_READ_CHAR(spec, *pos);
        if (c < '0' || c > '9') {
            break;
        }
        if (v < 0) {
            v = 0;
        }
        if (v > (SSIZE_MAX - 9) / 10) {
            sp_err_set_string(&SpExc_ValueError, "Too many decimal digits in format string");
            return -1;
        }
        v = v * 10 + (ssize_t)(c - '0');
        (*pos)++;
    }
    *out = v;
    return 0;
}

static void cannot_specify(char grouping, SpUCS4 type) {
    if (type > 32 && type < 128) {
        sp_err_format(&SpExc_ValueError, "Cannot specify '%c' with '%c'.", grouping, (int)type);
    } else {
        sp_err_format(&SpExc_ValueError, "Cannot specify '%c' with '\\x%x'.", grouping,
                      (unsigned)type);
    }
}

// The grammar is parsed strictly left to right, each part optional:
// [[fill]align][sign][z][#][0][width][grouping][.precision][type]. A fill
// is recognised only in front of an alignment character, so "<<" is fill
// '<' aligned left while "0" alone is the zero-padding flag.
int sp_format_spec_parse(SpObject *spec, SpObject *obj, SpUCS4 default_type, char default_align,
                         SpFormatSpec *f) {
    ssize_t end = SP_STR_LENGTH(spec), pos = 0;
    int fill_given = 0, align_given = 0;
    f->fill = ' ';
    f->align = default_align;
    f->sign = 0;
    f->grouping = 0;
    f->no_neg_zero = 0;
    f->alternate = 0;
    f->width = -1;
    f->precision = -1;
    f->type = default_type;
#define AT(i) SP_STR_READ_CHAR(spec, (i))
    if (end - pos >= 2 && is_align(AT(pos + 1))) {
        f->fill = AT(pos);
        f->align = (char)AT(pos + 1);
        fill_given = align_given = 1;
        pos += 2;
    } else if (end - pos >= 1 && is_align(AT(pos))) {
        f->align = (char)AT(pos);
        align_given = 1;
        pos++;
    }
    if (end - pos >= 1 && (AT(pos) == '+' || AT(pos) == '-' || AT(pos) == ' ')) {
        f->sign = (char)AT(pos);
        pos++;
    }
    if (end - pos >= 1 && AT(pos) == 'z') {
        f->no_neg_zero = 1;
        pos++;
    }
    if (end - pos >= 1 && AT(pos) == '#') {
        f->alternate = 1;
        pos++;
    }
    // A leading 0 means "pad with zeros after the sign" (for numbers).
    if (!fill_given && end - pos >= 1 && AT(pos) == '0') {
        f->fill = '0';
        if (!align_given && default_align == '>') {
            f->align = '=';
        }
        pos++;
    }
    if (parse_int(spec, &pos, end, &f->width) < 0) {
        return -1;
    }
    if (end - pos >= 1 && AT(pos) == ',') {
        f->grouping = ',';
        pos++;
    }
    if (end - pos >= 1 && AT(pos) == '_') {
        if (f->grouping) {
            sp_err_set_string(&SpExc_ValueError, "Cannot specify both ',' and '_'.");
            return -1;
        }
        f->grouping = '_';
        pos++;
    }
    if (end - pos >= 1 && AT(pos) == ',' && f->grouping == '_') {
        sp_err_set_string(&SpExc_ValueError, "Cannot specify both ',' and '_'.");
        return -1;
    }
    if (end - pos >= 1 && AT(pos) == '.') {
        pos++;
        if (parse_int(spec, &pos, end, &f->precision) < 0) {
            return -1;
        }
        if (f->precision < 0) {
            sp_err_set_string(&SpExc_ValueError, "Format specifier missing precision");
            return -1;
        }
    }
    if (end - pos > 1) {
        sp_err_format(&SpExc_ValueError,
                      "Invalid format specifier '%U' for object of type '%.200s'", spec,
                      sp_object_type_name(obj));
        return -1;
    }
    if (end - pos == 1) {
        f->type = AT(pos);
    }
#undef AT
    if (f->grouping) {
        switch (f->type) {
        case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
            break;
        case 'b': case 'o': case 'x': case 'X':
            if (f->grouping == '_') {
                break;
            }
            cannot_specify(f->grouping, f->type);
            return -1;
        default:
            cannot_specify(f->grouping, f->type);
            return -1;
        }
    }
    return 0;
}

// =============================================================================
// Number layout
// =============================================================================

static int write_fill(SpStrWriter *w, SpUCS4 fill, ssize_t n) {
    return sp_str_writer_fill(w, fill, n);
}

// Lay out a number: [sign][prefix][integer digits, grouped][rest] padded to
// the width by the spec's alignment. With fill '0' and '=' alignment the
// zeros go inside the grouping ("0,001,234"), as CPython does.
static int render_number(SpStrWriter *w, const SpFormatSpec *f, char sign, const char *prefix,
                         const char *digits, ssize_t ndigits, const char *rest, ssize_t nrest,
                         int interval) {
    ssize_t nsign = sign ? 1 : 0, nprefix = (ssize_t)strlen(prefix);
    ssize_t min_width = 0;
    if (f->fill == '0' && f->align == '=') {
        min_width = f->width - nsign - nprefix - nrest;
    }
    // Grouped digits are built backwards into a scratch buffer.
    ssize_t cap = ndigits + (min_width > 0 ? min_width : 0) + 2;
    if (interval) {
        cap += cap / interval + 2;
    }
    char stack[160];
    char *buf = cap <= (ssize_t)sizeof stack ? stack : sp_mem_alloc((size_t)cap), *p = buf + cap;
    if (buf == NULL) {
        sp_err_no_memory();
        return -1;
    }
    ssize_t remaining = ndigits;
    if (!interval) {
        ssize_t zeros = min_width > ndigits ? min_width - ndigits : 0;
        p -= ndigits;
        memcpy(p, digits, (size_t)ndigits);
        p -= zeros;
        memset(p, '0', (size_t)zeros);
    } else {
        // From the right: each group takes up to `interval` digits, and
        // when the digits run out while min_width is not reached the group
        // is completed with zeros (so "0,001,234" never starts with a
        // separator, and may end up one character wider than asked).
        int use_sep = 0;
        for (;;) {
            ssize_t len = remaining > min_width ? remaining : min_width;
            if (len < 1) {
                len = 1;
            }
            if (len > interval) {
                len = interval;
            }
            ssize_t nchars = remaining < len ? remaining : len;
            ssize_t nzeros = len - nchars;
            if (use_sep) {
                *--p = f->grouping;
            }
            p -= nchars;
            memcpy(p, digits + remaining - nchars, (size_t)nchars);
            p -= nzeros;
            memset(p, '0', (size_t)nzeros);
            use_sep = 1;
            remaining -= nchars;
            min_width -= len;
            if (remaining <= 0 && min_width <= 0) {
                break;
            }
            min_width -= 1;
        }
    }
    // Padding to the width goes where the alignment says: '=' puts it
    // between the sign/prefix and the digits.
    ssize_t ngrouped = buf + cap - p;
    ssize_t total = nsign + nprefix + ngrouped + nrest;
    ssize_t pad = f->width > total ? f->width - total : 0;
    ssize_t left = 0, middle = 0, right = 0;
    switch (f->align) {
    case '<': right = pad; break;
    case '^': left = pad / 2; right = pad - left; break;
    case '=': middle = pad; break;
    default: left = pad; break;
    }
    int rc = -1;
    if (write_fill(w, f->fill, left) < 0 ||
        (sign && sp_str_writer_write_char(w, (SpUCS4)sign) < 0) ||
        sp_str_writer_write_ascii(w, prefix, nprefix) < 0 || write_fill(w, f->fill, middle) < 0 ||
        sp_str_writer_write_ascii(w, p, ngrouped) < 0 ||
        sp_str_writer_write_ascii(w, rest, nrest) < 0 || write_fill(w, f->fill, right) < 0) {
        goto done;
    }
    rc = 0;
done:
    if (buf != stack) {
        sp_mem_free(buf);
    }
    return rc;
}

// The sign character for a number: '-' when negative, else per the spec.
// '-' (the default) shows only minus signs, '+' shows both, ' ' puts a space
// where a plus would go.
static char sign_char(const SpFormatSpec *f, int negative) {
    if (negative) {
        return '-';
    }
    return f->sign == '+' ? '+' : f->sign == ' ' ? ' ' : 0;
}

// Pad a string piece (str formatting, 'c'): align within width.
// The first n characters of s aligned in the width: text defaults to left
// alignment, numbers (and 'c') to right; '^' puts the odd space on the
// right.
static int render_text(SpStrWriter *w, const SpFormatSpec *f, SpObject *s, ssize_t n) {
    ssize_t pad = f->width > n ? f->width - n : 0, left = 0, right = 0;
    switch (f->align) {
    case '<': right = pad; break;
    case '^': left = pad / 2; right = pad - left; break;
    default: left = pad; break;
    }
    if (write_fill(w, f->fill, left) < 0 || sp_str_writer_write_substring(w, s, 0, n) < 0 ||
        write_fill(w, f->fill, right) < 0) {
        return -1;
    }
    return 0;
}

// %-formatting's simpler layout: no fill character or centering, only
// right/left alignment with spaces and zero padding after sign and prefix.
int sp_format_pad_number(SpStrWriter *w, char sign, const char *prefix, const char *body,
                         ssize_t width, int left, int zero_pad) {
    ssize_t len = (sign ? 1 : 0) + (ssize_t)strlen(prefix) + (ssize_t)strlen(body);
    ssize_t pad = width > len ? width - len : 0;
    if (!left && !zero_pad && sp_str_writer_fill(w, ' ', pad) < 0) {
        return -1;
    }
    if (sign && sp_str_writer_write_char(w, (SpUCS4)sign) < 0) {
        return -1;
    }
    if (sp_str_writer_write_ascii(w, prefix, -1) < 0) {
        return -1;
    }
    if (!left && zero_pad && sp_str_writer_fill(w, '0', pad) < 0) {
        return -1;
    }
    if (sp_str_writer_write_ascii(w, body, -1) < 0) {
        return -1;
    }
    if (left && sp_str_writer_fill(w, ' ', pad) < 0) {
        return -1;
    }
    return 0;
}

// =============================================================================
// Floats as text
// =============================================================================

// Internal flag of sp_double_to_text: strip trailing fraction zeros.
enum { SP_STRIP_ZEROS = 0x100 };

// C's printf conversions round correctly from the binary value (glibc), so
// 'e', 'f' and 'g' with a precision give Python's digits; the repr form
// ('r') comes from float_repr.c's shortest round-trip routine.
char *sp_double_to_text(double d, int type, int precision, int flags) {
    d = fabs(d);
    int upper = type == 'E' || type == 'F' || type == 'G';
    char *buf;
    if (isnan(d) || isinf(d)) {
        buf = sp_mem_alloc(4);
        if (buf == NULL) {
            sp_err_no_memory();
            return NULL;
        }
        strcpy(buf, isnan(d) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"));
        return buf;
    }
    if (type == 'r') {
        buf = sp_mem_alloc(40);
        if (buf == NULL) {
            sp_err_no_memory();
            return NULL;
        }
        sp_float_repr_buf(d, buf, 40);
        if ((flags & SP_DTSF_ALT) && strchr(buf, '.') == NULL) {
            // '#' keeps a point even in repr form: 1.e+16.
            char *e = strchr(buf, 'e');
            size_t at = e ? (size_t)(e - buf) : strlen(buf);
            memmove(buf + at + 1, buf + at, strlen(buf + at) + 1);
            buf[at] = '.';
        }
        return buf;
    }
    char cfmt[8];
    if ((type == 'g' || type == 'G') && (flags & SP_DTSF_ADD_DOT_0)) {
        // Python's "no type, with precision": like 'g' but switching to
        // the exponent one digit earlier (1e+16 for '.17'), which C's %g
        // cannot express: decide from the %e exponent after rounding.
        int p = precision == 0 ? 1 : precision;
        char probe[64];
        snprintf(probe, sizeof probe, "%.*e", p - 1 > 40 ? 40 : p - 1, d);
        int exp10 = atoi(strchr(probe, 'e') + 1);
        if (exp10 >= -4 && exp10 < p - 1) {
            type = 'f';
            precision = p - 1 - exp10;
            flags |= SP_STRIP_ZEROS;
        } else {
            type = type == 'g' ? 'e' : 'E';
            precision = p - 1;
            flags |= SP_STRIP_ZEROS;
        }
    }
    snprintf(cfmt, sizeof cfmt, "%%%s.*%c", (flags & SP_DTSF_ALT) ? "#" : "", type);
    // One snprintf into a stack buffer serves nearly every number; only
    // huge fixed-point expansions need a second, exactly sized pass.
    char local[128];
    int n = snprintf(local, sizeof local, cfmt, precision, d);
    buf = sp_mem_alloc((size_t)n + 3);
    if (buf == NULL) {
        sp_err_no_memory();
        return NULL;
    }
    if (n < (int)sizeof local) {
        memcpy(buf, local, (size_t)n + 1);
    } else {
        snprintf(buf, (size_t)n + 1, cfmt, precision, d);
    }
    if ((flags & SP_STRIP_ZEROS) && !(flags & SP_DTSF_ALT)) {
        // Drop trailing zeros of the fraction (and a bare point), keeping
        // any exponent.
        char *e = strpbrk(buf, "eE"), *point = strchr(buf, '.');
        if (point != NULL) {
            char *end = e ? e : buf + n, *q = end;
            while (q > point + 1 && q[-1] == '0') {
                q--;
            }
            if (q == point + 1) {
                q = point;
            }
            memmove(q, end, strlen(end) + 1);
            n = (int)strlen(buf);
        }
    }
    if ((flags & SP_DTSF_ADD_DOT_0) && strpbrk(buf, ".eE") == NULL) {
        strcpy(buf + n, ".0");
    }
    return buf;
}

// True when text (digits, point, exponent) has only zero digits before any
// exponent: "-0.00" after rounding is what 'z' turns into "0.00".
static int is_zero_text(const char *s) {
    for (; *s && *s != 'e' && *s != 'E'; s++) {
        if (*s >= '1' && *s <= '9') {
            return 0;
        }
    }
    return 1;
}

// Format d with a parsed spec whose type is a float type (or 0).
// A float under a spec: type '%' scales by 100 and appends '%', 'n' is 'g'
// (smallpy runs in the C locale), no type is repr-like. The text is split
// into integer digits (grouped and zero-padded by render_number) and the
// rest (point, fraction, exponent, '%'). inf and nan are never grouped.
static int format_double(SpStrWriter *w, double d, const SpFormatSpec *f) {
    int type = (int)f->type, flags = 0;
    ssize_t precision = f->precision;
    int pct = 0;
    if (f->alternate) {
        flags |= SP_DTSF_ALT;
    }
    if (type == 0) {
        // No type: repr, or 'g' keeping at least one digit after the point.
        flags |= SP_DTSF_ADD_DOT_0;
        type = precision < 0 ? 'r' : 'g';
    } else if (type == 'n') {
        type = 'g';
    }
    if (type == '%') {
        type = 'f';
        d *= 100;
        pct = 1;
    }
    if (precision < 0) {
        precision = 6;
    }
    if (precision > 0x7fffffff - 400) {
        sp_err_set_string(&SpExc_ValueError, "precision too big");
        return -1;
    }
    // 'g' with precision 0 means 1, as C.
    char *text = sp_double_to_text(d, type, (int)precision, flags);
    if (text == NULL) {
        return -1;
    }
    int negative = signbit(d) && !isnan(d);
    if (negative && f->no_neg_zero && isfinite(d) && is_zero_text(text)) {
        negative = 0;
    }
    ssize_t len = (ssize_t)strlen(text);
    if (pct) {
        char *t = sp_mem_realloc(text, (size_t)len + 2);
        if (t == NULL) {
            sp_mem_free(text);
            sp_err_no_memory();
            return -1;
        }
        text = t;
        text[len++] = '%';
        text[len] = '\0';
    }
    ssize_t ndigits = 0;
    while (ndigits < len && text[ndigits] >= '0' && text[ndigits] <= '9') {
        ndigits++;
    }
    int finite = isfinite(d);
    int rc = render_number(w, f, sign_char(f, negative), "", text, ndigits, text + ndigits,
                           len - ndigits, finite && f->grouping ? 3 : 0);
    sp_mem_free(text);
    return rc;
}

static int is_float_type(SpUCS4 t) {
    return t == 'e' || t == 'E' || t == 'f' || t == 'F' || t == 'g' || t == 'G' || t == '%' ||
           t == 'n' || t == 0;
}

// Message for a type letter the object's type does not know; the type
// name is the object's own (a bool says 'bool').
static SpObject *unknown_code(SpUCS4 type, SpObject *obj) {
    if (type > 32 && type < 128) {
        return sp_err_format(&SpExc_ValueError,
                             "Unknown format code '%c' for object of type '%.200s'", (int)type,
                             sp_object_type_name(obj));
    }
    return sp_err_format(&SpExc_ValueError,
                         "Unknown format code '\\x%x' for object of type '%.200s'", (unsigned)type,
                         sp_object_type_name(obj));
}

SpObject *sp_float_format(SpObject *o, SpObject *spec) {
    if (spec == NULL || SP_STR_LENGTH(spec) == 0) {
        return sp_object_str(o);
    }
    SpFormatSpec f;
    if (sp_format_spec_parse(spec, o, 0, '>', &f) < 0) {
        return NULL;
    }
    if (!is_float_type(f.type)) {
        return unknown_code(f.type, o);
    }
    if (f.type == 'n' && f.grouping) {
        cannot_specify(f.grouping, 'n');
        return NULL;
    }
    double d = SP_FLOAT_CHECK(o) ? SP_FLOAT_VALUE(o) : sp_float_as_double(o);
    if (d == -1.0 && sp_err_occurred()) {
        return NULL;
    }
    SpStrWriter w;
    sp_str_writer_init(&w);
    if (format_double(&w, d, &f) < 0) {
        sp_str_writer_discard(&w);
        return NULL;
    }
    return sp_str_writer_finish(&w);
}

// =============================================================================
// Integers
// =============================================================================

// The digits of |o| in base (no sign, no prefix) as a C string, upper case
// when asked: in `small` (72 bytes) for one-digit ints, else from
// sp_mem_alloc (the caller frees what is not `small`).
static char *int_digits(SpObject *o, int base, int upper, char *small) {
    char *buf;
    if (SP_INT_IS_COMPACT(o)) {
        long v = sp_int_compact_value(o);
        unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
        char tmp[72], *p = tmp + sizeof tmp;
        const char *digs = upper ? "0123456789ABCDEF" : "0123456789abcdef";
        *--p = '\0';
        do {
            *--p = digs[u % (unsigned)base];
            u /= (unsigned)base;
        } while (u);
        strcpy(small, p);
        return small;
    }
    SpObject *s = base == 10 ? sp_int_to_decimal_string(o) : sp_int_format_base(o, base);
    if (s == NULL) {
        return NULL;
    }
    ssize_t n;
    const char *t = sp_str_as_utf8(s, &n);
    if (*t == '-') {
        t++;
        n--;
    }
    if (base != 10 && n >= 2 && t[0] == '0') {
        t += 2;
        n -= 2;
    }
    buf = sp_mem_alloc((size_t)n + 1);
    if (buf == NULL) {
        SP_DECREF(s);
        sp_err_no_memory();
        return NULL;
    }
    for (ssize_t i = 0; i < n; i++) {
        char c = t[i];
        buf[i] = upper && c >= 'a' && c <= 'f' ? (char)(c - 32) : c;
    }
    buf[n] = '\0';
    SP_DECREF(s);
    return buf;
}

// format() of an int: an empty spec is str(o) (so format(True, "") is
// "True"); float types convert to float first; 'c' formats the character
// with that code point; the others lay out digits in base 2, 8, 10 or 16,
// grouped by 3 (decimal) or 4 (binary, octal, hex) digits.
SpObject *sp_int_format(SpObject *o, SpObject *spec) {
    if (spec == NULL || SP_STR_LENGTH(spec) == 0) {
        return sp_object_str(o);
    }
    SpFormatSpec f;
    if (sp_format_spec_parse(spec, o, 'd', '>', &f) < 0) {
        return NULL;
    }
    SpUCS4 t = f.type;
    if (t == 'e' || t == 'E' || t == 'f' || t == 'F' || t == 'g' || t == 'G' || t == '%') {
        double d = sp_int_as_double(o);
        if (d == -1.0 && sp_err_occurred()) {
            return NULL;
        }
        SpStrWriter w;
        sp_str_writer_init(&w);
        if (format_double(&w, d, &f) < 0) {
            sp_str_writer_discard(&w);
            return NULL;
        }
        return sp_str_writer_finish(&w);
    }
    int base;
    switch (t) {
    case 'b': base = 2; break;
    case 'o': base = 8; break;
    case 'x': case 'X': base = 16; break;
    case 'd': case 'n': case 'c': base = 10; break;
    default:
        return unknown_code(t, o);
    }
    if (f.precision >= 0) {
        sp_err_set_string(&SpExc_ValueError, "Precision not allowed in integer format specifier");
        return NULL;
    }
    if (f.no_neg_zero) {
        sp_err_set_string(&SpExc_ValueError,
                          "Negative zero coercion (z) not allowed in integer format specifier");
        return NULL;
    }
    if (t == 'n' && f.grouping) {
        cannot_specify(f.grouping, 'n');
        return NULL;
    }
    SpStrWriter w;
    sp_str_writer_init(&w);
    if (t == 'c') {
        if (f.sign) {
            sp_err_set_string(&SpExc_ValueError,
                              "Sign not allowed with integer format specifier 'c'");
            return NULL;
        }
        if (f.alternate) {
            sp_err_set_string(&SpExc_ValueError,
                              "Alternate form (#) not allowed with integer format specifier 'c'");
            return NULL;
        }
        long v = sp_int_as_long(o);
        if (v == -1 && sp_err_occurred()) {
            return NULL;
        }
        if (v < 0 || v > 0x10FFFF) {
            sp_err_set_string(&SpExc_OverflowError, "%c arg not in range(0x110000)");
            return NULL;
        }
        SpObject *ch = sp_str_from_ordinal((SpUCS4)v);
        if (ch == NULL) {
            return NULL;
        }
        SpFormatSpec g = f;
        if (g.align == '=') {
            g.align = '>';
        }
        int rc = render_text(&w, &g, ch, 1);
        SP_DECREF(ch);
        if (rc < 0) {
            sp_str_writer_discard(&w);
            return NULL;
        }
        return sp_str_writer_finish(&w);
    }
    char small[72];
    char *digits = int_digits(o, base, t == 'X', small);
    if (digits == NULL) {
        return NULL;
    }
    const char *prefix = "";
    if (f.alternate) {
        prefix = t == 'b' ? "0b" : t == 'o' ? "0o" : t == 'x' ? "0x" : t == 'X' ? "0X" : "";
    }
    int interval = f.grouping ? (base == 10 ? 3 : 4) : 0;
    int rc = render_number(&w, &f, sign_char(&f, sp_int_sign(o) < 0), prefix, digits,
                           (ssize_t)strlen(digits), "", 0, interval);
    if (digits != small) {
        sp_mem_free(digits);
    }
    if (rc < 0) {
        sp_str_writer_discard(&w);
        return NULL;
    }
    return sp_str_writer_finish(&w);
}

// =============================================================================
// Strings
// =============================================================================

// str.__format__: only type 's'; the precision truncates and the width pads;
// signs, '#', 'z' and '=' alignment are errors with CPython's messages.
SpObject *sp_str_format_spec(SpObject *s, SpObject *spec) {
    if (SP_STR_LENGTH(spec) == 0) {
        if (SP_STR_CHECK_EXACT(s)) {
            return sp_newref(s);
        }
        return sp_object_str(s);
    }
    SpFormatSpec f;
    if (sp_format_spec_parse(spec, s, 's', '<', &f) < 0) {
        return NULL;
    }
    if (f.type != 's') {
        return unknown_code(f.type, s);
    }
    if (f.sign) {
        sp_err_set_string(&SpExc_ValueError, f.sign == ' '
                                                 ? "Space not allowed in string format specifier"
                                                 : "Sign not allowed in string format specifier");
        return NULL;
    }
    if (f.no_neg_zero) {
        sp_err_set_string(&SpExc_ValueError,
                          "Negative zero coercion (z) not allowed in string format specifier");
        return NULL;
    }
    if (f.alternate) {
        sp_err_set_string(&SpExc_ValueError,
                          "Alternate form (#) not allowed in string format specifier");
        return NULL;
    }
    if (f.align == '=') {
        sp_err_set_string(&SpExc_ValueError,
                          "'=' alignment not allowed in string format specifier");
        return NULL;
    }
    ssize_t n = SP_STR_LENGTH(s);
    if (f.precision >= 0 && n > f.precision) {
        n = f.precision;
    }
    if (f.width <= n && n == SP_STR_LENGTH(s) && SP_STR_CHECK_EXACT(s)) {
        return sp_newref(s);
    }
    SpStrWriter w;
    sp_str_writer_init(&w);
    if (render_text(&w, &f, s, n) < 0) {
        sp_str_writer_discard(&w);
        return NULL;
    }
    return sp_str_writer_finish(&w);
}
