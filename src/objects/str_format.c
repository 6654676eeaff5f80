// smallpy: printf-style formatting (str % args, bytes % args) and
// str.format / str.format_map (replacement fields, conversions, nested
// specs, automatic and manual numbering). format() of each value goes
// through sp_object_format (format.c for str, int and float).
// Counterpart: CPython 3.11 Objects/unicodeobject.c (PyUnicode_Format),
// Objects/stringlib/unicode_format.h, Objects/bytesobject.c (_PyBytes_FormatEx).
#include <limits.h>
#include <math.h>
#include <string.h>

#include "core/abstract.h"
#include "core/err.h"
#include "core/mem.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/float.h"
#include "objects/format.h"
#include "objects/int.h"
#include "objects/str_internal.h"
#include "objects/tuple.h"

// =============================================================================
// printf-style formatting
// =============================================================================

// State of one `format % args` evaluation.
typedef struct {
    SpObject *fmt;      // the format (a str; bytes formats are decoded as Latin-1)
    SpObject *args;     // the right operand
    SpObject *dict;     // args when it is a mapping used by %(key)s, else NULL
    ssize_t argidx;     // next positional argument
    ssize_t arglen;     // number of positional arguments (-1: a single non-tuple)
    int bytes_mode;     // formatting bytes: %s wants bytes, %r/%a give ascii()
    SpObject *owned;    // the value of the last %(key) lookup (args points to it)
} PercentState;

// The next argument, borrowed; TypeError when exhausted. As in CPython a
// non-tuple right operand is one argument (arglen -1, argidx -2), and a
// %(key) lookup makes the looked-up value the only remaining argument.
static SpObject *next_arg(PercentState *st) {
    // Single non-tuple operand: arglen -1 and argidx -2, so the first call
    // succeeds (-2 < -1) and leaves argidx == arglen, "all used".
    if (st->argidx < st->arglen) {
        st->argidx++;
        return st->arglen < 0 ? st->args : SP_TUPLE_GET_ITEM(st->args, st->argidx - 1);
    }
    sp_err_set_string(&SpExc_TypeError, "not enough arguments for format string");
    return NULL;
}

// A '*' width or precision.
static int star_arg(PercentState *st, ssize_t *out) {
    SpObject *v = next_arg(st);
    if (v == NULL) {
        return -1;
    }
    if (!SP_INT_CHECK(v)) {
        sp_err_set_string(&SpExc_TypeError, "* wants int");
        return -1;
    }
    long x = sp_int_as_long(v);
    if (x == -1 && sp_err_occurred()) {
        return -1;
    }
    *out = x;
    return 0;
}

// Append text with the width/precision/left-justify of a %s-like directive.
// %s, %r, %a and %c: the precision cuts the text, the width pads it with
// spaces on the left (or on the right with the '-' flag); '0' does not
// apply to text.
static int put_text(SpStrWriter *w, SpObject *s, ssize_t width, ssize_t prec, int left) {
    ssize_t n = SP_STR_LENGTH(s);
    if (prec >= 0 && n > prec) {
        n = prec;
    }
    if (!left && width > n && sp_str_writer_fill(w, ' ', width - n) < 0) {
        return -1;
    }
    if (sp_str_writer_write_substring(w, s, 0, n) < 0) {
        return -1;
    }
    if (left && width > n && sp_str_writer_fill(w, ' ', width - n) < 0) {
        return -1;
    }
    return 0;
}

// %d %i %u %x %X %o of an int object, with the printf flags.
// %d, %x, %o of an int: the precision is a minimum digit count ("%.3d" %
// 7 is "007"), '#' adds 0x/0X/0o, '0' pads with zeros after the sign.
static int put_int(SpStrWriter *w, SpObject *v, int conv, int flags_plus, int flags_space,
                   int alt, int left, int zero, ssize_t width, ssize_t prec) {
    int base = conv == 'x' || conv == 'X' ? 16 : conv == 'o' ? 8 : 10;
    const char *digs = conv == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
    char small[72];
    SpObject *s = NULL;
    const char *t;
    ssize_t n;
    int negative;
    if (SP_INT_IS_COMPACT(v)) {
        // One-digit ints (the usual case) are converted here, no objects.
        long x = sp_int_compact_value(v);
        // Magnitude in unsigned arithmetic: safe even for LONG_MIN.
        unsigned long u = x < 0 ? 0UL - (unsigned long)x : (unsigned long)x;
        char *p = small + sizeof small;
        *--p = '\0';
        do {
            *--p = digs[u % (unsigned)base];
            u /= (unsigned)base;
        } while (u);
        negative = x < 0;
        t = p;
        n = small + sizeof small - 1 - p;
        // Plain "%d" of a non-negative small int: the digits are the result.
        if (width < 0 && prec < 0 && !alt && !negative && !flags_plus && !flags_space) {
            return sp_str_writer_write_ascii(w, t, n);
        }
    } else {
        s = base == 10 ? sp_int_to_decimal_string(v) : sp_int_format_base(v, base);
        if (s == NULL) {
            return -1;
        }
        t = sp_str_as_utf8(s, &n);
        negative = *t == '-';
        if (negative) {
            t++;
            n--;
        }
        if (base != 10) {
            // The prefix is re-added below only for '#', with the case of %X.
            t += 2;  // sp_int_format_base's 0x/0o prefix
            n -= 2;
        }
    }
    // Digits, left-extended with zeros to the precision.
    ssize_t nd = prec > n ? prec : n;
    char *body = sp_mem_alloc((size_t)nd + 1);
    if (body == NULL) {
        SP_XDECREF(s);
        sp_err_no_memory();
        return -1;
    }
    memset(body, '0', (size_t)(nd - n));
    for (ssize_t i = 0; i < n; i++) {
        char c = t[i];
        body[nd - n + i] = conv == 'X' && c >= 'a' ? (char)(c - 32) : c;
    }
    body[nd] = '\0';
    SP_XDECREF(s);
    const char *prefix = "";
    if (alt) {
        prefix = conv == 'x' ? "0x" : conv == 'X' ? "0X" : conv == 'o' ? "0o" : "";
    }
    char sign = negative ? '-' : flags_plus ? '+' : flags_space ? ' ' : 0;
    // '-' overrides '0' ("%-05d" pads with spaces on the right); zeros go
    // between the sign/prefix and the digits ("%#06x" % 255 is '0x00ff').
    int rc = sp_format_pad_number(w, sign, prefix, body, width, left, zero && !left);
    sp_mem_free(body);
    return rc;
}

// %e, %f, %g of a float: C's conversions round as Python's do; the sign and
// padding are ours so that "-inf" and "nan" are spelled as in Python.
static int put_float(SpStrWriter *w, double d, int conv, int flags_plus, int flags_space,
                     int alt, int left, int zero, ssize_t width, ssize_t prec) {
    if (prec < 0) {
        prec = 6;
    }
    char *body = sp_double_to_text(d, conv, (int)prec, alt ? SP_DTSF_ALT : 0);
    if (body == NULL) {
        return -1;
    }
    int negative = signbit(d) && !isnan(d);
    char sign = negative ? '-' : flags_plus ? '+' : flags_space ? ' ' : 0;
    int rc = sp_format_pad_number(w, sign, "", body, width, left, zero && !left);
    sp_mem_free(body);
    return rc;
}

static SpObject *unsupported_char(SpObject *fmt, ssize_t i) {
    SpUCS4 c = SP_STR_READ_CHAR(fmt, i);
    if (c >= 32 && c < 127) {
        return sp_err_format(&SpExc_ValueError,
                             "unsupported format character '%c' (0x%x) at index %zd", (int)c,
                             (unsigned)c, i);
    }
    return sp_err_format(&SpExc_ValueError, "unsupported format character '\\x%x' at index %zd",
                         (unsigned)c, i);
}

// One conversion (the directive's parsed parts) of argument v.
// The type checks and their messages are CPython's: %d accepts anything
// int() can convert (floats truncate), %x/%o only integers (__index__), %e
// and friends anything float() accepts, %c an int or one character.
static int percent_convert(PercentState *st, SpStrWriter *w, SpObject *v, ssize_t at, int conv,
                           int fplus, int fspace, int alt, int left, int zero, ssize_t width,
                           ssize_t prec) {
    SpObject *s = NULL;
    int rc;
    switch (conv) {
    case 's':
    case 'r':
    case 'a':
    case 'b':
        if (st->bytes_mode && (conv == 's' || conv == 'b')) {
            if (!sp_buf_check(v)) {
                int found = 0;
                SpObject *b = sp_call_special(v, sp_id(__bytes__), NULL, 0, &found);
                if (!found) {
                    if (!sp_err_occurred()) {
                        sp_err_format(&SpExc_TypeError,
                                      "%%b requires a bytes-like object, or an object that "
                                      "implements __bytes__, not '%.100s'",
                                      sp_object_type_name(v));
                    }
                    return -1;
                }
                if (b == NULL) {
                    return -1;
                }
                s = sp_str_from_latin1(SP_BYTES_DATA(b), SP_BYTES_SIZE(b));
                SP_DECREF(b);
            } else {
                s = sp_str_from_latin1(sp_buf_data(v), sp_buf_size(v));
            }
        } else if (conv == 'b') {
            unsupported_char(st->fmt, at);
            return -1;
        } else if (conv == 's') {
            s = sp_object_str(v);
        } else if (conv == 'r' && !st->bytes_mode) {
            s = sp_object_repr(v);
        } else {
            s = sp_object_ascii(v);
        }
        if (s == NULL) {
            return -1;
        }
        rc = put_text(w, s, width, prec, left);
        SP_DECREF(s);
        return rc;
    case 'd':
    case 'i':
    case 'u':
    case 'x':
    case 'X':
    case 'o': {
        SpObject *iv;
        if (SP_INT_CHECK(v)) {
            iv = sp_newref(v);
        } else {
            int isnum = SP_FLOAT_CHECK(v) || sp_index_check(v) ||
                        (SP_TYPE(v)->tp_as_number && (SP_TYPE(v)->tp_as_number->nb_int ||
                                                      SP_TYPE(v)->tp_as_number->nb_float));
            if (conv == 'x' || conv == 'X' || conv == 'o') {
                if (!sp_index_check(v)) {
                    sp_err_format(&SpExc_TypeError,
                                  "%%%c format: an integer is required, not %.200s", conv,
                                  sp_object_type_name(v));
                    return -1;
                }
                iv = sp_number_index(v);
            } else {
                if (!isnum) {
                    sp_err_format(&SpExc_TypeError,
                                  "%%%c format: a real number is required, not %.200s", conv,
                                  sp_object_type_name(v));
                    return -1;
                }
                iv = sp_number_long(v);
            }
            if (iv == NULL) {
                return -1;
            }
        }
        rc = put_int(w, iv, conv, fplus, fspace, alt, left, zero, width, prec);
        SP_DECREF(iv);
        return rc;
    }
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G': {
        double d;
        if (SP_FLOAT_CHECK(v)) {
            d = SP_FLOAT_VALUE(v);
        } else {
            int isnum = SP_INT_CHECK(v) || sp_index_check(v) ||
                        (SP_TYPE(v)->tp_as_number && SP_TYPE(v)->tp_as_number->nb_float);
            if (!isnum) {
                sp_err_format(&SpExc_TypeError, "must be real number, not %.200s",
                              sp_object_type_name(v));
                return -1;
            }
            d = sp_float_as_double(v);
            if (d == -1.0 && sp_err_occurred()) {
                return -1;
            }
        }
        return put_float(w, d, conv, fplus, fspace, alt, left, zero, width, prec);
    }
    case 'c': {
        SpUCS4 c;
        if (st->bytes_mode) {
            if (sp_buf_check(v) && sp_buf_size(v) == 1) {
                c = (unsigned char)sp_buf_data(v)[0];
            } else if (SP_INT_CHECK(v) || sp_index_check(v)) {
                ssize_t x = sp_number_as_ssize(v, NULL);
                if (x == -1 && sp_err_occurred()) {
                    return -1;
                }
                if (x < 0 || x > 255) {
                    sp_err_set_string(&SpExc_OverflowError, "%c arg not in range(256)");
                    return -1;
                }
                c = (SpUCS4)x;
            } else {
                sp_err_set_string(&SpExc_TypeError,
                                  "%c requires an integer in range(256) or a single byte");
                return -1;
            }
        } else if (SP_STR_CHECK(v)) {
            if (SP_STR_LENGTH(v) != 1) {
                sp_err_set_string(&SpExc_TypeError, "%c requires int or char");
                return -1;
            }
            c = SP_STR_READ_CHAR(v, 0);
        } else if (SP_INT_CHECK(v) || sp_index_check(v)) {
            ssize_t x = sp_number_as_ssize(v, NULL);
            if (x == -1 && sp_err_occurred()) {
                return -1;
            }
            if (x < 0 || x > 0x10FFFF) {
                sp_err_set_string(&SpExc_OverflowError, "%c arg not in range(0x110000)");
                return -1;
            }
            c = (SpUCS4)x;
        } else {
            sp_err_set_string(&SpExc_TypeError, "%c requires int or char");
            return -1;
        }
        s = sp_str_from_ordinal(c);
        if (s == NULL) {
            return -1;
        }
        rc = put_text(w, s, width, -1, left);
        SP_DECREF(s);
        return rc;
    }
    default:
        unsupported_char(st->fmt, at);
        return -1;
    }
}

// The directive parser: %[(key)][flags][width][.precision][length]type,
// where width and precision may be '*' (taken from the arguments). Literal
// runs between directives are copied in bulk.
static SpObject *percent_format(SpObject *fmt, SpObject *args, int bytes_mode) {
    PercentState st = {fmt, args, NULL, -2, -1, bytes_mode, NULL};
    if (SP_TUPLE_CHECK(args)) {
        st.arglen = SP_TUPLE_SIZE(args);
        st.argidx = 0;
    }
    // A mapping (not a tuple or str) serves %(key)s lookups.
    SpTypeObject *at = SP_TYPE(args);
    if (!SP_TUPLE_CHECK(args) && !SP_STR_CHECK(args) && !(bytes_mode && sp_buf_check(args)) &&
        at->tp_as_mapping && at->tp_as_mapping->mp_subscript) {
        st.dict = args;
    }
    ssize_t n = SP_STR_LENGTH(fmt), i = 0;
    int kind = SP_STR_KIND(fmt);
    const void *d = SP_STR_DATA(fmt);
    SpStrWriter w;
    sp_str_writer_init(&w);
    if (sp_str_writer_prepare(&w, n + 16, 0x7F) < 0) {
        return NULL;
    }
    while (i < n) {
        // Literal run up to the next '%'.
        ssize_t j = i;
        if (kind == 1) {
            const char *p = memchr((const char *)d + i, '%', (size_t)(n - i));
            j = p ? p - (const char *)d : n;
        } else {
            while (j < n && sp_str_read(kind, d, j) != '%') {
                j++;
            }
        }
        if (sp_str_writer_write_substring(&w, fmt, i, j) < 0) {
            goto error;
        }
        if (j >= n) {
            break;
        }
        i = j + 1;
        if (i < n && sp_str_read(kind, d, i) == '%') {
            if (sp_str_writer_write_char(&w, '%') < 0) {
                goto error;
            }
            i++;
            continue;
        }
        // %(key): a lookup in the mapping; parentheses may nest.
        if (i < n && sp_str_read(kind, d, i) == '(') {
            if (st.dict == NULL) {
                sp_err_set_string(&SpExc_TypeError, "format requires a mapping");
                goto error;
            }
            ssize_t start = ++i;
            int depth = 1;
            while (i < n && depth > 0) {
                SpUCS4 c = sp_str_read(kind, d, i);
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                i++;
            }
            if (depth > 0) {
                sp_err_set_string(&SpExc_ValueError, "incomplete format key");
                goto error;
            }
            SpObject *key = sp_str_substring(fmt, start, i - 1);
            if (key == NULL) {
                goto error;
            }
            SpObject *value = sp_object_getitem(st.dict, key);
            SP_DECREF(key);
            if (value == NULL) {
                goto error;
            }
            SP_XDECREF(st.owned);
            st.owned = value;
            st.args = value;
            st.arglen = -1;
            st.argidx = -2;
        }
        // Flags in any order and number: - + space # 0.
        int fminus = 0, fplus = 0, fspace = 0, falt = 0, fzero = 0;
        for (; i < n; i++) {
            SpUCS4 c = sp_str_read(kind, d, i);
            if (c == '-') {
                fminus = 1;
            } else if (c == '+') {
                fplus = 1;
            } else if (c == ' ') {
                fspace = 1;
            } else if (c == '#') {
                falt = 1;
            } else if (c == '0') {
                fzero = 1;
            } else {
                break;
            }
        }
        ssize_t width = -1, prec = -1;
        if (i < n && sp_str_read(kind, d, i) == '*') {
            if (star_arg(&st, &width) < 0) {
                goto error;
            }
            if (width < 0) {
                fminus = 1;
                width = -width;
            }
            i++;
        } else {
            while (i < n && sp_str_read(kind, d, i) >= '0' && sp_str_read(kind, d, i) <= '9') {
                width = (width < 0 ? 0 : width) * 10 + (ssize_t)(sp_str_read(kind, d, i) - '0');
                i++;
            }
        }
        if (i < n && sp_str_read(kind, d, i) == '.') {
            i++;
            prec = 0;
            if (i < n && sp_str_read(kind, d, i) == '*') {
                if (star_arg(&st, &prec) < 0) {
                    goto error;
                }
                if (prec < 0) {
                    prec = 0;
                }
                i++;
            } else {
                while (i < n && sp_str_read(kind, d, i) >= '0' && sp_str_read(kind, d, i) <= '9') {
                    prec = prec * 10 + (ssize_t)(sp_str_read(kind, d, i) - '0');
                    i++;
                }
            }
        }
        // Length modifiers are accepted and ignored, as in C.
        while (i < n) {
            SpUCS4 c = sp_str_read(kind, d, i);
            if (c != 'h' && c != 'l' && c != 'L') {
                break;
            }
            i++;
        }
        if (i >= n) {
            sp_err_set_string(&SpExc_ValueError, "incomplete format");
            goto error;
        }
        // The argument is taken before the conversion letter is checked, so
        // "%z" % () complains about arguments first, as in CPython.
        SpUCS4 conv = sp_str_read(kind, d, i);
        SpObject *v = next_arg(&st);
        if (v == NULL) {
            goto error;
        }
        if (conv >= 128) {
            unsupported_char(fmt, i);
            goto error;
        }
        if (percent_convert(&st, &w, v, i, (int)conv, fplus, fspace, falt, fminus, fzero, width,
                            prec) < 0) {
            goto error;
        }
        i++;
    }
    if (st.argidx < st.arglen && st.dict == NULL) {
        sp_err_set_string(&SpExc_TypeError, "not all arguments converted during string formatting");
        goto error;
    }
    SP_XDECREF(st.owned);
    return sp_str_writer_finish(&w);
error:
    SP_XDECREF(st.owned);
    sp_str_writer_discard(&w);
    return NULL;
}

SpObject *sp_str_percent_format(SpObject *format, SpObject *args) {
    return percent_format(format, args, 0);
}

SpObject *sp_bytes_percent_format(SpObject *format, SpObject *args) {
    SpObject *fmt = sp_str_from_latin1(sp_buf_data(format), sp_buf_size(format));
    if (fmt == NULL) {
        return NULL;
    }
    SpObject *r = percent_format(fmt, args, 1);
    SP_DECREF(fmt);
    if (r == NULL) {
        return NULL;
    }
    // Every character is < 256 by construction (ascii() for %r/%a).
    SpObject *b = sp_codec_encode(r, SP_CODEC_LATIN1, SP_ERR_STRICT);
    SP_DECREF(r);
    return b;
}

// =============================================================================
// str.format
// =============================================================================

typedef struct {
    SpObject *args;    // tuple
    SpObject *kwargs;  // mapping or NULL
    ssize_t auto_idx;  // next automatic field number; -1 once manual numbering is used
    int manual;        // manual numbering seen
} FormatState;

// The str.format engine: literal text with {{ and }} escapes, and
// replacement fields rendered in order. Specs that contain fields are
// expanded first (one level deep, CPython's limit of two).
static SpObject *build_string(FormatState *st, SpObject *fmt, ssize_t start, ssize_t end,
                              int depth);

// All digits: their value, else -1 (-2 on overflow).
static ssize_t field_number(SpObject *s, ssize_t start, ssize_t end) {
    if (start >= end) {
        return -1;
    }
    ssize_t v = 0;
    for (ssize_t i = start; i < end; i++) {
        SpUCS4 c = SP_STR_READ_CHAR(s, i);
        if (c < '0' || c > '9') {
            return -1;
        }
        if (v > (SSIZE_MAX - 9) / 10) {
            sp_err_set_string(&SpExc_ValueError, "Too many decimal digits in format string");
            return -2;
        }
        v = v * 10 + (ssize_t)(c - '0');
    }
    return v;
}

// Resolve a field name (arg_name followed by .attr / [key] parts) to the
// object it names (new reference).
// A field name: an argument number or keyword (empty: the next automatic
// number) followed by any number of .attribute and [key] parts; keys made
// of digits index with an int, others with the str.
static SpObject *get_field(FormatState *st, SpObject *fmt, ssize_t start, ssize_t end) {
    ssize_t i = start;
    while (i < end) {
        SpUCS4 c = SP_STR_READ_CHAR(fmt, i);
        if (c == '.' || c == '[') {
            break;
        }
        i++;
    }
    SpObject *obj;
    ssize_t num = field_number(fmt, start, i);
    if (num == -2) {
        return NULL;
    }
    // "{}" and "{0}" cannot be mixed in one format string; the state records
    // which style the first field used (auto_idx > 0 or manual set) and the
    // other raises CPython's ValueError. Keyword fields ("{name}") mix freely.
    if (start == i) {
        // Automatic numbering.
        if (st->manual) {
            sp_err_set_string(&SpExc_ValueError, "cannot switch from manual field specification "
                                                "to automatic field numbering");
            return NULL;
        }
        num = st->auto_idx++;
    } else if (num >= 0) {
        if (st->auto_idx > 0) {
            sp_err_set_string(&SpExc_ValueError, "cannot switch from automatic field numbering "
                                                "to manual field specification");
            return NULL;
        }
        st->manual = 1;
    }
    if (num >= 0) {
        if (num >= SP_TUPLE_SIZE(st->args)) {
            return sp_err_format(&SpExc_IndexError,
                                 "Replacement index %zd out of range for positional args tuple",
                                 num);
        }
        obj = sp_newref(SP_TUPLE_GET_ITEM(st->args, num));
    } else {
        SpObject *key = sp_str_substring(fmt, start, i);
        if (key == NULL) {
            return NULL;
        }
        // "{x}".format() without keywords: KeyError('x'), as CPython.
        if (st->kwargs == NULL) {
            sp_err_set_object(&SpExc_KeyError, key);
            SP_DECREF(key);
            return NULL;
        }
        obj = sp_object_getitem(st->kwargs, key);
        SP_DECREF(key);
        if (obj == NULL) {
            return NULL;
        }
    }
    // The rest: .name and [key] accessors.
    while (i < end) {
        SpUCS4 c = SP_STR_READ_CHAR(fmt, i++);
        ssize_t s = i;
        SpObject *next;
        if (c == '.') {
            while (i < end) {
                SpUCS4 e = SP_STR_READ_CHAR(fmt, i);
                if (e == '.' || e == '[') {
                    break;
                }
                i++;
            }
            if (s == i) {
                SP_DECREF(obj);
                sp_err_set_string(&SpExc_ValueError, "Empty attribute in format string");
                return NULL;
            }
            SpObject *name = sp_str_substring(fmt, s, i);
            if (name == NULL) {
                SP_DECREF(obj);
                return NULL;
            }
            next = sp_object_getattr(obj, name);
            SP_DECREF(name);
        } else if (c == '[') {
            while (i < end && SP_STR_READ_CHAR(fmt, i) != ']') {
                i++;
            }
            if (i >= end) {
                SP_DECREF(obj);
                sp_err_set_string(&SpExc_ValueError, "Missing ']' in format string");
                return NULL;
            }
            if (s == i) {
                SP_DECREF(obj);
                sp_err_set_string(&SpExc_ValueError, "Empty attribute in format string");
                return NULL;
            }
            // "{0[1]}" indexes with the int 1 but "{0[a]}" with the str 'a': there
            // is no expression syntax inside brackets, only digits-or-not.
            ssize_t idx = field_number(fmt, s, i);
            SpObject *key = idx >= 0 ? sp_int_from_ssize(idx)
                          : idx == -1 ? sp_str_substring(fmt, s, i) : NULL;
            if (key == NULL) {
                SP_DECREF(obj);
                return NULL;
            }
            next = sp_object_getitem(obj, key);
            SP_DECREF(key);
            i++;  // past ']'
            if (i < end) {
                SpUCS4 e = SP_STR_READ_CHAR(fmt, i);
                if (e != '.' && e != '[') {
                    SP_XDECREF(next);
                    SP_DECREF(obj);
                    sp_err_set_string(&SpExc_ValueError,
                                      "Only '.' or '[' may follow ']' in format field specifier");
                    return NULL;
                }
            }
        } else {
            SP_DECREF(obj);
            sp_err_set_string(&SpExc_ValueError,
                              "Only '.' or '[' may follow ']' in format field specifier");
            return NULL;
        }
        SP_DECREF(obj);
        if (next == NULL) {
            return NULL;
        }
        obj = next;
    }
    return obj;
}

// Render one replacement field: the name is fmt[start:name_end], the
// conversion character (or 0) and the spec fmt[spec_start:spec_end] were
// found by build_string.
static int render_field(FormatState *st, SpStrWriter *w, SpObject *fmt, ssize_t start,
                        ssize_t name_end, SpUCS4 conversion, ssize_t spec_start,
                        ssize_t spec_end, int depth) {
    SpObject *obj = get_field(st, fmt, start, name_end);
    if (obj == NULL) {
        return -1;
    }
    if (conversion) {
        SpObject *conv;
        switch (conversion) {
        case 'r': conv = sp_object_repr(obj); break;
        case 's': conv = sp_object_str(obj); break;
        case 'a': conv = sp_object_ascii(obj); break;
        default:
            SP_DECREF(obj);
            if (conversion > 32 && conversion < 127) {
                sp_err_format(&SpExc_ValueError, "Unknown conversion specifier %c",
                              (int)conversion);
            } else {
                sp_err_format(&SpExc_ValueError, "Unknown conversion specifier \\x%x",
                              (unsigned)conversion);
            }
            return -1;
        }
        SP_DECREF(obj);
        if (conv == NULL) {
            return -1;
        }
        obj = conv;
    }
    // The spec may itself hold replacement fields ({:{width}}).
    int nested = 0;
    for (ssize_t k = spec_start; k < spec_end && !nested; k++) {
        nested = SP_STR_READ_CHAR(fmt, k) == '{';
    }
    SpObject *spec = nested ? build_string(st, fmt, spec_start, spec_end, depth - 1)
                            : sp_str_substring(fmt, spec_start, spec_end);
    if (spec == NULL) {
        SP_DECREF(obj);
        return -1;
    }
    SpObject *out;
    if (SP_STR_CHECK_EXACT(obj) && SP_STR_LENGTH(spec) == 0) {
        out = sp_newref(obj);
    } else {
        out = sp_object_format(obj, spec);
    }
    SP_DECREF(spec);
    SP_DECREF(obj);
    if (out == NULL) {
        return -1;
    }
    int rc = sp_str_writer_write_str(w, out);
    SP_DECREF(out);
    return rc;
}

static SpObject *build_string(FormatState *st, SpObject *fmt, ssize_t start, ssize_t end,
                              int depth) {
    if (depth <= 0) {
        sp_err_set_string(&SpExc_ValueError, "Max string recursion exceeded");
        return NULL;
    }
    int kind = SP_STR_KIND(fmt);
    const void *d = SP_STR_DATA(fmt);
    SpStrWriter w;
    sp_str_writer_init(&w);
    ssize_t i = start;
    while (i < end) {
        ssize_t j = i;
        while (j < end) {
            SpUCS4 c = sp_str_read(kind, d, j);
            if (c == '{' || c == '}') {
                break;
            }
            j++;
        }
        if (sp_str_writer_write_substring(&w, fmt, i, j) < 0) {
            goto error;
        }
        if (j >= end) {
            break;
        }
        SpUCS4 c = sp_str_read(kind, d, j);
        if (j + 1 < end && sp_str_read(kind, d, j + 1) == c) {
            // {{ or }}: a literal brace.
            if (sp_str_writer_write_char(&w, c) < 0) {
                goto error;
            }
            i = j + 2;
            continue;
        }
        if (c == '}') {
            sp_err_set_string(&SpExc_ValueError, "Single '}' encountered in format string");
            goto error;
        }
        // A field: name (brackets protect ':', '!' and '}'), then an
        // optional !conversion, then an optional :spec in which braces nest.
        // The checks and messages follow CPython's MarkupIterator.
        if (j + 1 >= end) {
            sp_err_set_string(&SpExc_ValueError, "Single '{' encountered in format string");
            goto error;
        }
        ssize_t k = j + 1;
        while (k < end) {
            SpUCS4 e = sp_str_read(kind, d, k);
            if (e == '[') {
                while (k < end && sp_str_read(kind, d, k) != ']') {
                    k++;
                }
                continue;
            }
            if (e == '{') {
                sp_err_set_string(&SpExc_ValueError, "unexpected '{' in field name");
                goto error;
            }
            if (e == '}' || e == ':' || e == '!') {
                break;
            }
            k++;
        }
        if (k >= end) {
            sp_err_set_string(&SpExc_ValueError, "expected '}' before end of string");
            goto error;
        }
        ssize_t name_end = k;
        SpUCS4 conversion = 0;
        if (sp_str_read(kind, d, k) == '!') {
            if (++k >= end) {
                sp_err_set_string(&SpExc_ValueError,
                                  "end of string while looking for conversion specifier");
                goto error;
            }
            conversion = sp_str_read(kind, d, k++);
            if (k >= end) {
                sp_err_set_string(&SpExc_ValueError, "unmatched '{' in format spec");
                goto error;
            }
            SpUCS4 e = sp_str_read(kind, d, k);
            if (e != ':' && e != '}') {
                sp_err_set_string(&SpExc_ValueError, "expected ':' after conversion specifier");
                goto error;
            }
        }
        ssize_t spec_start = k, spec_end = k;
        if (sp_str_read(kind, d, k) == ':') {
            spec_start = ++k;
            int nest = 1;
            while (k < end) {
                SpUCS4 e = sp_str_read(kind, d, k);
                if (e == '{') {
                    nest++;
                } else if (e == '}' && --nest == 0) {
                    break;
                }
                k++;
            }
            if (k >= end) {
                sp_err_set_string(&SpExc_ValueError, "unmatched '{' in format spec");
                goto error;
            }
            spec_end = k;
        }
        if (render_field(st, &w, fmt, j + 1, name_end, conversion, spec_start, spec_end,
                         depth) < 0) {
            goto error;
        }
        i = k + 1;
    }
    return sp_str_writer_finish(&w);
error:
    sp_str_writer_discard(&w);
    return NULL;
}

SpObject *sp_str_format_method(SpObject *format, SpObject *args, SpObject *kwargs) {
    FormatState st = {args, kwargs, 0, 0};
    if (kwargs != NULL && SP_DICT_CHECK(kwargs) && SP_DICT_SIZE(kwargs) == 0 &&
        SP_DICT_CHECK_EXACT(kwargs)) {
        st.kwargs = kwargs;  // empty: lookups raise KeyError as usual
    }
    return build_string(&st, format, 0, SP_STR_LENGTH(format), 2);
}
