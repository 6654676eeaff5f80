// smallpy: the methods bytes and bytearray share (find, split, strip,
// replace, join, hex, decode, case and class tests, padding, translate),
// written once over the two types' data: results take the type of self.
// The method tables of both types live here; bytearray's mutating methods
// are in bytearray.c. Counterpart: CPython 3.11 Objects/bytes_methods.c,
// Objects/stringlib/ (as instantiated for bytes and bytearray).
#include <limits.h>
#include <string.h>

#include "core/abstract.h"
#include "core/err.h"
#include "core/mem.h"
#include "objects/bytes.h"
#include "objects/exc.h"
#include "objects/func.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/none.h"
#include "objects/str_internal.h"
#include "objects/tuple.h"

// self unchanged: the object itself for exact bytes, else a copy (a
// bytearray result must always be a new object).
static SpObject *same_or_copy(SpObject *self) {
    if (SP_TYPE(self) == &SpBytes_Type) {
        return sp_newref(self);
    }
    return sp_buf_new_like(self, sp_buf_data(self), sp_buf_size(self));
}

// A result built in a fresh object: bytes share their short forms.
static SpObject *finish_like(SpObject *self, SpObject *r) {
    if (SP_BYTES_CHECK(r) && sp_buf_size(r) <= 1) {
        SpObject *s = sp_bytes_from_data(sp_buf_data(r), sp_buf_size(r));
        SP_DECREF(r);
        return s;
    }
    return r;
}

// =============================================================================
// Argument helpers (CPython's messages for the bytes methods)
// =============================================================================
// The positional-only methods (find, strip, replace...) are METH_FASTCALL with
// keywords so they can reject keywords with CPython's exact message.
static int check_no_kw(const char *name, SpObject *kwnames) {
    if (kwnames != NULL && SP_TUPLE_SIZE(kwnames) > 0) {
        sp_err_format(&SpExc_TypeError, "%s() takes no keyword arguments", name);
        return -1;
    }
    return 0;
}

// CPython's Argument Clinic wording for a wrong positional count.
static int check_nargs(const char *name, ssize_t nargs, ssize_t min, ssize_t max) {
    if (nargs < min) {
        sp_err_format(&SpExc_TypeError, "%s() takes at least %zd argument%s (%zd given)", name,
                      min, min == 1 ? "" : "s", nargs);
        return -1;
    }
    if (nargs > max) {
        sp_err_format(&SpExc_TypeError, "%s() takes at most %zd argument%s (%zd given)", name, max,
                      max == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

// One optional start/end bound: None (or absent) leaves *out alone; anything
// with __index__ is accepted, clamped like a slice bound (huge values
// saturate instead of raising, as _PyEval_SliceIndex does).
static int bound_arg(SpObject *o, ssize_t *out) {
    if (o == NULL || o == sp_None) {
        return 0;
    }
    if (!SP_INT_CHECK(o) && !sp_index_check(o)) {
        sp_err_set_string(&SpExc_TypeError,
                          "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    ssize_t v = sp_number_as_ssize(o, NULL);
    if (v == -1 && sp_err_occurred()) {
        return -1;
    }
    *out = v;
    return 0;
}

// Slice-style normalisation of [start, end) against len. start may still
// exceed len afterwards: callers test start > len (an empty window that must
// not even match an empty needle, as CPython's b"ab".find(b"", 5) == -1).
static void adjust_bounds(ssize_t len, ssize_t *start, ssize_t *end) {
    if (*end > len) {
        *end = len;
    } else if (*end < 0) {
        *end += len;
        if (*end < 0) {
            *end = 0;
        }
    }
    if (*start < 0) {
        *start += len;
        if (*start < 0) {
            *start = 0;
        }
    }
}

// =============================================================================
// Searching: find, rfind, index, rindex, count, startswith, endswith
// =============================================================================
//
// find/rfind/index/rindex/count share their parsing: a needle (bytes-like or
// a byte value) and optional start/end slice bounds. mode: 1 find, -1 rfind,
// 2 index, -2 rindex, 0 count; index and rindex raise "subsection not found".
static SpObject *find_common(const char *name, SpObject *self, SpObject *const *args,
                             ssize_t nargs, SpObject *kwnames, int mode) {
    if (check_no_kw(name, kwnames) < 0 || check_nargs(name, nargs, 1, 3) < 0) {
        return NULL;
    }
    char byte;
    const char *nd;
    ssize_t m, start = 0, end = SSIZE_MAX;
    if (sp_buf_needle(args[0], &byte, &nd, &m, 1) < 0) {
        return NULL;
    }
    if ((nargs > 1 && bound_arg(args[1], &start) < 0) ||
        (nargs > 2 && bound_arg(args[2], &end) < 0)) {
        return NULL;
    }
    ssize_t n = sp_buf_size(self);
    adjust_bounds(n, &start, &end);
    const char *d = sp_buf_data(self);
    // An empty needle counts end - start + 1 positions; sp_str_count_in handles
    // that case, the guard above only rules out windows that cannot fit it.
    if (mode == 0) {  // count
        if (end - start < m || start > n) {
            return sp_int_from_long(0);
        }
        return sp_int_from_ssize(sp_str_count_in(1, d + start, end - start, nd, m, SSIZE_MAX));
    }
    // kind 1 (one byte per char) lets the str search kernels serve bytes too.
    ssize_t r = -1;
    if (end - start >= m && start <= n) {
        r = sp_str_search(1, d + start, end - start, nd, m, mode > 0 ? 1 : -1);
        if (r >= 0) {
            r += start;
        }
    }
    if (r < 0 && (mode == 2 || mode == -2)) {
        sp_err_set_string(&SpExc_ValueError, "subsection not found");
        return NULL;
    }
    return sp_int_from_ssize(r);
}

static SpObject *bytes_find(SpObject *s, SpObject *const *a, ssize_t n, SpObject *k) {
    return find_common("find", s, a, n, k, 1);
}
static SpObject *bytes_rfind(SpObject *s, SpObject *const *a, ssize_t n, SpObject *k) {
    return find_common("rfind", s, a, n, k, -1);
}
static SpObject *bytes_index(SpObject *s, SpObject *const *a, ssize_t n, SpObject *k) {
    return find_common("index", s, a, n, k, 2);
}
static SpObject *bytes_rindex(SpObject *s, SpObject *const *a, ssize_t n, SpObject *k) {
    return find_common("rindex", s, a, n, k, -2);
}
static SpObject *bytes_count(SpObject *s, SpObject *const *a, ssize_t n, SpObject *k) {
    return find_common("count", s, a, n, k, 0);
}

// Does self[start:end] start (at_end 0) or end (at_end 1) with sub?
static int match_at(SpObject *self, SpObject *sub, ssize_t start, ssize_t end, int at_end) {
    ssize_t m = sp_buf_size(sub);
    if (start > sp_buf_size(self) || end - start < m) {
        return 0;
    }
    ssize_t pos = at_end ? end - m : start;
    return memcmp(sp_buf_data(self) + pos, sp_buf_data(sub), (size_t)m) == 0;
}

static SpObject *starts_ends(const char *name, SpObject *self, SpObject *const *args,
                             ssize_t nargs, SpObject *kwnames, int at_end) {
    if (check_no_kw(name, kwnames) < 0 || check_nargs(name, nargs, 1, 3) < 0) {
        return NULL;
    }
    ssize_t start = 0, end = SSIZE_MAX;
    if ((nargs > 1 && bound_arg(args[1], &start) < 0) ||
        (nargs > 2 && bound_arg(args[2], &end) < 0)) {
        return NULL;
    }
    adjust_bounds(sp_buf_size(self), &start, &end);
    SpObject *x = args[0];
    // A tuple means "any of these": the first match wins, and an element that is
    // not bytes-like raises only when it is reached (as CPython does).
    if (SP_TUPLE_CHECK(x)) {
        for (ssize_t i = 0; i < SP_TUPLE_SIZE(x); i++) {
            SpObject *s = SP_TUPLE_GET_ITEM(x, i);
            if (!sp_buf_check(s)) {
                return sp_err_format(&SpExc_TypeError,
                                     "a bytes-like object is required, not '%.100s'",
                                     sp_object_type_name(s));
            }
            if (match_at(self, s, start, end, at_end)) {
                SP_RETURN_TRUE;
            }
        }
        SP_RETURN_FALSE;
    }
    if (!sp_buf_check(x)) {
        return sp_err_format(&SpExc_TypeError,
                             "%s first arg must be bytes or a tuple of bytes, not %.100s", name,
                             sp_object_type_name(x));
    }
    return sp_bool_from_long(match_at(self, x, start, end, at_end));
}

static SpObject *bytes_startswith(SpObject *s, SpObject *const *a, ssize_t n, SpObject *k) {
    return starts_ends("startswith", s, a, n, k, 0);
}
static SpObject *bytes_endswith(SpObject *s, SpObject *const *a, ssize_t n, SpObject *k) {
    return starts_ends("endswith", s, a, n, k, 1);
}

// ASCII whitespace as bytes.isspace() sees it: space, \t \n \v \f \r.
static inline int byte_space(unsigned char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

// =============================================================================
// Conversions, joining, case and classes (ASCII only, as CPython's bytes)
// =============================================================================
//
// decode(encoding='utf-8', errors='strict') through the str codecs.
static SpObject *bytes_decode(SpObject *self, SpObject *const *args, ssize_t nargs,
                              SpObject *kwnames) {
    static const char *const names[] = {"encoding", "errors", NULL};
    SpObject *vals[2] = {NULL, NULL};
    if (sp_arg_parse_kw("decode", args, nargs, kwnames, names, vals, 0) < 0) {
        return NULL;
    }
    const char *enc = NULL, *err = NULL;
    for (int i = 0; i < 2; i++) {
        if (vals[i] == NULL) {
            continue;
        }
        if (!SP_STR_CHECK(vals[i])) {
            return sp_err_format(&SpExc_TypeError, "decode() argument '%s' must be str, not %.50s",
                                 names[i], sp_object_type_name(vals[i]));
        }
        const char *s = sp_str_as_utf8(vals[i], NULL);
        if (s == NULL) {
            return NULL;
        }
        *(i == 0 ? &enc : &err) = s;
    }
    return sp_str_decode(sp_buf_data(self), sp_buf_size(self), enc, err);
}

// sep.join(iterable of bytes-like): measured first, then copied once.
static SpObject *bytes_join(SpObject *self, SpObject *iterable) {
    SpObject *keep = NULL;
    ssize_t n;
    SpObject *const *items =
        sp_sequence_fast(iterable, &n, &keep, "can only join an iterable");
    if (items == NULL) {
        return NULL;
    }
    SpObject *r = NULL;
    ssize_t seplen = sp_buf_size(self), total = 0;
    for (ssize_t i = 0; i < n; i++) {
        if (!sp_buf_check(items[i])) {
            sp_err_format(&SpExc_TypeError,
                          "sequence item %zd: expected a bytes-like object, %.80s found", i,
                          sp_object_type_name(items[i]));
            goto done;
        }
        total += sp_buf_size(items[i]) + (i ? seplen : 0);
    }
    if (n == 1 && SP_TYPE(items[0]) == &SpBytes_Type && SP_TYPE(self) == &SpBytes_Type) {
        r = sp_newref(items[0]);
        goto done;
    }
    r = sp_buf_new_like(self, NULL, total);
    if (r == NULL) {
        goto done;
    }
    char *d = sp_buf_data(r);
    for (ssize_t i = 0; i < n; i++) {
        if (i && seplen) {
            memcpy(d, sp_buf_data(self), (size_t)seplen);
            d += seplen;
        }
        memcpy(d, sp_buf_data(items[i]), (size_t)sp_buf_size(items[i]));
        d += sp_buf_size(items[i]);
    }
    r = finish_like(self, r);
done:
    SP_XDECREF(keep);
    return r;
}

enum { B_LOWER, B_UPPER, B_SWAP, B_TITLE, B_CAPITALIZE };

// Case changes touch ASCII letters only; other bytes pass through.
static SpObject *bytes_case(SpObject *self, int how) {
    ssize_t n = sp_buf_size(self);
    SpObject *r = sp_buf_new_like(self, NULL, n);
    if (r == NULL) {
        return NULL;
    }
    const unsigned char *s = (const unsigned char *)sp_buf_data(self);
    unsigned char *d = (unsigned char *)sp_buf_data(r);
    int prev = 0;
    for (ssize_t i = 0; i < n; i++) {
        int c = s[i], lo = c >= 'a' && c <= 'z', up = c >= 'A' && c <= 'Z';
        switch (how) {
        case B_LOWER: c = up ? c + 32 : c; break;
        case B_UPPER: c = lo ? c - 32 : c; break;
        case B_SWAP: c = up ? c + 32 : lo ? c - 32 : c; break;
        case B_CAPITALIZE: c = i == 0 ? (lo ? c - 32 : c) : (up ? c + 32 : c); break;
        default:
            c = prev ? (up ? c + 32 : c) : (lo ? c - 32 : c);
            prev = lo || up;
            break;
        }
        d[i] = (unsigned char)c;
    }
    return finish_like(self, r);
}

static SpObject *bytes_lower(SpObject *s, SpObject *u) { return bytes_case(s, B_LOWER); }
static SpObject *bytes_upper(SpObject *s, SpObject *u) { return bytes_case(s, B_UPPER); }
static SpObject *bytes_swapcase(SpObject *s, SpObject *u) { return bytes_case(s, B_SWAP); }
static SpObject *bytes_title(SpObject *s, SpObject *u) { return bytes_case(s, B_TITLE); }
static SpObject *bytes_capitalize(SpObject *s, SpObject *u) { return bytes_case(s, B_CAPITALIZE); }

enum { C_DIGIT, C_ALPHA, C_SPACE, C_ALNUM, C_LOWER, C_UPPER };

// The is*() tests: non-empty and every byte in the class; islower/isupper
// also need at least one cased letter.
static SpObject *bytes_is(SpObject *self, int cls) {
    ssize_t n = sp_buf_size(self);
    const unsigned char *s = (const unsigned char *)sp_buf_data(self);
    if (n == 0) {
        SP_RETURN_FALSE;
    }
    int cased = 0;
    for (ssize_t i = 0; i < n; i++) {
        int c = s[i], d = c >= '0' && c <= '9', lo = c >= 'a' && c <= 'z',
            up = c >= 'A' && c <= 'Z';
        int ok;
        switch (cls) {
        case C_DIGIT: ok = d; break;
        case C_ALPHA: ok = lo || up; break;
        case C_SPACE: ok = byte_space((unsigned char)c); break;
        case C_ALNUM: ok = d || lo || up; break;
        case C_LOWER: ok = !up; cased |= lo; break;
        default: ok = !lo; cased |= up; break;
        }
        if (!ok) {
            SP_RETURN_FALSE;
        }
    }
    if (cls == C_LOWER || cls == C_UPPER) {
        return sp_bool_from_long(cased);
    }
    SP_RETURN_TRUE;
}

static SpObject *bytes_isdigit(SpObject *s, SpObject *u) { return bytes_is(s, C_DIGIT); }
static SpObject *bytes_isalpha(SpObject *s, SpObject *u) { return bytes_is(s, C_ALPHA); }
static SpObject *bytes_isspace(SpObject *s, SpObject *u) { return bytes_is(s, C_SPACE); }
static SpObject *bytes_isalnum(SpObject *s, SpObject *u) { return bytes_is(s, C_ALNUM); }
static SpObject *bytes_islower(SpObject *s, SpObject *u) { return bytes_is(s, C_LOWER); }
static SpObject *bytes_isupper(SpObject *s, SpObject *u) { return bytes_is(s, C_UPPER); }

static SpObject *bytes_isascii(SpObject *self, SpObject *unused) {
    const unsigned char *s = (const unsigned char *)sp_buf_data(self);
    for (ssize_t i = 0; i < sp_buf_size(self); i++) {
        if (s[i] >= 0x80) {
            SP_RETURN_FALSE;
        }
    }
    SP_RETURN_TRUE;
}

// =============================================================================
// Stripping, splitting, partitioning, replacing
// =============================================================================
//
// strip/lstrip/rstrip: a 256-entry table of the bytes to strip (ASCII
// whitespace by default). how: 1 left, 2 right, 3 both.
static SpObject *strip_common(const char *name, SpObject *self, SpObject *const *args,
                              ssize_t nargs, SpObject *kwnames, int how) {
    if (check_no_kw(name, kwnames) < 0 || check_nargs(name, nargs, 0, 1) < 0) {
        return NULL;
    }
    // A byte-indexed membership table makes each strip step one load.
    unsigned char set[256];
    SpObject *chars = nargs ? args[0] : sp_None;
    if (chars == sp_None) {
        for (int c = 0; c < 256; c++) {
            set[c] = (unsigned char)byte_space((unsigned char)c);
        }
    } else if (sp_buf_check(chars)) {
        memset(set, 0, sizeof set);
        for (ssize_t i = 0; i < sp_buf_size(chars); i++) {
            set[(unsigned char)sp_buf_data(chars)[i]] = 1;
        }
    } else {
        return sp_err_format(&SpExc_TypeError, "a bytes-like object is required, not '%.100s'",
                             sp_object_type_name(chars));
    }
    const unsigned char *s = (const unsigned char *)sp_buf_data(self);
    ssize_t i = 0, j = sp_buf_size(self);
    if (how & 1) {
        while (i < j && set[s[i]]) {
            i++;
        }
    }
    if (how & 2) {
        while (j > i && set[s[j - 1]]) {
            j--;
        }
    }
    // Nothing stripped: exact bytes return self (CPython's identity shortcut).
    if (i == 0 && j == sp_buf_size(self)) {
        return same_or_copy(self);
    }
    return sp_buf_new_like(self, (const char *)s + i, j - i);
}

static SpObject *bytes_strip(SpObject *s, SpObject *const *a, ssize_t n, SpObject *k) {
    return strip_common("strip", s, a, n, k, 3);
}
static SpObject *bytes_lstrip(SpObject *s, SpObject *const *a, ssize_t n, SpObject *k) {
    return strip_common("lstrip", s, a, n, k, 1);
}
static SpObject *bytes_rstrip(SpObject *s, SpObject *const *a, ssize_t n, SpObject *k) {
    return strip_common("rstrip", s, a, n, k, 2);
}

// Appends a new piece of the type of self; the list takes its own reference.
static int append_bytes(SpObject *list, SpObject *self, const char *s, ssize_t n) {
    SpObject *b = sp_buf_new_like(self, s, n);
    if (b == NULL) {
        return -1;
    }
    int rc = sp_list_append(list, b);
    SP_DECREF(b);
    return rc;
}

// split/rsplit: on runs of ASCII whitespace (no separator) or on every
// occurrence of a separator, at most maxsplit times, from the left or (for
// rsplit) the right.
static SpObject *split_common(const char *name, SpObject *self, SpObject *const *args,
                              ssize_t nargs, SpObject *kwnames, int reverse) {
    static const char *const names[] = {"sep", "maxsplit", NULL};
    SpObject *vals[2] = {NULL, NULL};
    if (sp_arg_parse_kw(name, args, nargs, kwnames, names, vals, 0) < 0) {
        return NULL;
    }
    ssize_t maxsplit = -1;
    if (vals[1] != NULL) {
        if (!SP_INT_CHECK(vals[1]) && !sp_index_check(vals[1])) {
            return sp_err_format(&SpExc_TypeError,
                                 "'%.200s' object cannot be interpreted as an integer",
                                 sp_object_type_name(vals[1]));
        }
        maxsplit = sp_number_as_ssize(vals[1], &SpExc_OverflowError);
        if (maxsplit == -1 && sp_err_occurred()) {
            return NULL;
        }
    }
    if (maxsplit < 0) {
        maxsplit = SSIZE_MAX;
    }
    SpObject *sep = vals[0] == sp_None ? NULL : vals[0];
    if (sep != NULL && !sp_buf_check(sep)) {
        return sp_err_format(&SpExc_TypeError, "a bytes-like object is required, not '%.100s'",
                             sp_object_type_name(sep));
    }
    if (sep != NULL && sp_buf_size(sep) == 0) {
        sp_err_set_string(&SpExc_ValueError, "empty separator");
        return NULL;
    }
    SpObject *list = sp_list_new(0);
    if (list == NULL) {
        return NULL;
    }
    const char *s = sp_buf_data(self);
    ssize_t n = sp_buf_size(self);
    // Whitespace splitting: runs of whitespace are one separator and empty pieces
    // never appear. Once maxsplit is used up the rest, including any inner
    // whitespace, is one last piece (only the whitespace before it is skipped).
    if (sep == NULL) {
        if (!reverse) {
            ssize_t i = 0;
            while (i < n) {
                while (i < n && byte_space((unsigned char)s[i])) {
                    i++;
                }
                if (i == n) {
                    break;
                }
                ssize_t j = i;
                if (maxsplit-- == 0) {
                    j = n;
                } else {
                    while (j < n && !byte_space((unsigned char)s[j])) {
                        j++;
                    }
                }
                if (append_bytes(list, self, s + i, j - i) < 0) {
                    goto error;
                }
                i = j;
            }
        } else {
            ssize_t j = n;
            while (j > 0) {
                while (j > 0 && byte_space((unsigned char)s[j - 1])) {
                    j--;
                }
                if (j == 0) {
                    break;
                }
                ssize_t i = j;
                if (maxsplit-- == 0) {
                    i = 0;
                } else {
                    while (i > 0 && !byte_space((unsigned char)s[i - 1])) {
                        i--;
                    }
                }
                if (append_bytes(list, self, s + i, j - i) < 0) {
                    goto error;
                }
                j = i;
            }
            // rsplit collects pieces right to left; one reversal restores the order.
            if (SP_LIST_SIZE(list) > 1) {
                sp_list_reverse(list);
            }
        }
        return list;
    }
    // Explicit separator: adjacent separators give empty pieces, and there is
    // always one more piece than separators found.
    const char *nd = sp_buf_data(sep);
    ssize_t m = sp_buf_size(sep);
    if (!reverse) {
        ssize_t i = 0;
        while (maxsplit-- != 0) {
            ssize_t r = sp_str_search(1, s + i, n - i, nd, m, 1);
            if (r < 0) {
                break;
            }
            if (append_bytes(list, self, s + i, r) < 0) {
                goto error;
            }
            i += r + m;
        }
        if (append_bytes(list, self, s + i, n - i) < 0) {
            goto error;
        }
    } else {
        ssize_t j = n;
        while (maxsplit-- != 0) {
            ssize_t r = sp_str_search(1, s, j, nd, m, -1);
            if (r < 0) {
                break;
            }
            if (append_bytes(list, self, s + r + m, j - r - m) < 0) {
                goto error;
            }
            j = r;
        }
        if (append_bytes(list, self, s, j) < 0) {
            goto error;
        }
        if (SP_LIST_SIZE(list) > 1) {
            sp_list_reverse(list);
        }
    }
    return list;
error:
    SP_DECREF(list);
    return NULL;
}

static SpObject *bytes_split(SpObject *s, SpObject *const *a, ssize_t n, SpObject *k) {
    return split_common("split", s, a, n, k, 0);
}
static SpObject *bytes_rsplit(SpObject *s, SpObject *const *a, ssize_t n, SpObject *k) {
    return split_common("rsplit", s, a, n, k, 1);
}

// partition/rpartition: (before, sep, after), or the whole at the far end.
static SpObject *partition_common(SpObject *self, SpObject *sep, int reverse) {
    if (!sp_buf_check(sep)) {
        return sp_err_format(&SpExc_TypeError, "a bytes-like object is required, not '%.100s'",
                             sp_object_type_name(sep));
    }
    ssize_t n = sp_buf_size(self), m = sp_buf_size(sep);
    if (m == 0) {
        sp_err_set_string(&SpExc_ValueError, "empty separator");
        return NULL;
    }
    const char *s = sp_buf_data(self);
    ssize_t r = sp_str_search(1, s, n, sp_buf_data(sep), m, reverse ? -1 : 1);
    SpObject *items[3];
    if (r < 0) {
        items[0] = reverse ? sp_buf_new_like(self, "", 0) : same_or_copy(self);
        items[1] = sp_buf_new_like(self, "", 0);
        items[2] = reverse ? same_or_copy(self) : sp_buf_new_like(self, "", 0);
    } else {
        items[0] = sp_buf_new_like(self, s, r);
        // The separator itself is reused only when both are exact bytes; a bytearray
        // result must hold fresh objects that the caller may mutate.
        items[1] = SP_TYPE(sep) == SP_TYPE(self) && SP_TYPE(sep) == &SpBytes_Type
                       ? sp_newref(sep) : sp_buf_new_like(self, sp_buf_data(sep), m);
        items[2] = sp_buf_new_like(self, s + r + m, n - r - m);
    }
    if (!items[0] || !items[1] || !items[2]) {
        for (int i = 0; i < 3; i++) {
            SP_XDECREF(items[i]);
        }
        return NULL;
    }
    return sp_tuple_from_array_steal(items, 3);
}

static SpObject *bytes_partition(SpObject *s, SpObject *sep) { return partition_common(s, sep, 0); }
static SpObject *bytes_rpartition(SpObject *s, SpObject *sep) {
    return partition_common(s, sep, 1);
}

// replace(old, new[, count]): the matches are counted first so the result
// is allocated once at its exact size.
static SpObject *bytes_replace(SpObject *self, SpObject *const *args, ssize_t nargs,
                               SpObject *kwnames) {
    if (check_no_kw("replace", kwnames) < 0 || check_nargs("replace", nargs, 2, 3) < 0) {
        return NULL;
    }
    for (int i = 0; i < 2; i++) {
        if (!sp_buf_check(args[i])) {
            return sp_err_format(&SpExc_TypeError,
                                 "a bytes-like object is required, not '%.100s'",
                                 sp_object_type_name(args[i]));
        }
    }
    ssize_t count = -1;
    if (nargs > 2) {
        count = sp_number_as_ssize(args[2], &SpExc_OverflowError);
        if (count == -1 && sp_err_occurred()) {
            return NULL;
        }
    }
    if (count < 0) {
        count = SSIZE_MAX;
    }
    const char *s = sp_buf_data(self), *old = sp_buf_data(args[0]);
    const char *new = sp_buf_data(args[1]);
    ssize_t n = sp_buf_size(self), m = sp_buf_size(args[0]), nl = sp_buf_size(args[1]);
    // Count first so the result is allocated once.
    // An empty old matches at every one of the n + 1 gaps, so b"ab".replace(b"",
    // b"-") is b"-a-b-", capped by count.
    ssize_t found = m == 0 ? (n + 1 < count ? n + 1 : count)
                           : sp_str_count_in(1, s, n, old, m, count);
    if (found == 0) {
        return same_or_copy(self);
    }
    ssize_t total = n + found * (nl - m);
    SpObject *r = sp_buf_new_like(self, NULL, total);
    if (r == NULL) {
        return NULL;
    }
    char *d = sp_buf_data(r);
    ssize_t i = 0;
    for (ssize_t k = 0; k < found; k++) {
        ssize_t p;
        if (m == 0) {
            // Empty old: the first insertion is before byte 0, then one byte is copied
            // between each following insertion.
            p = k == 0 ? 0 : 1;
        } else {
            p = sp_str_search(1, s + i, n - i, old, m, 1);
        }
        memcpy(d, s + i, (size_t)p);
        d += p;
        memcpy(d, new, (size_t)nl);
        d += nl;
        i += p + m;
    }
    memcpy(d, s + i, (size_t)(n - i));
    return finish_like(self, r);
}

static const char hexchars[] = "0123456789abcdef";

// =============================================================================
// Hex, padding, prefixes, translation
// =============================================================================
//
// hex([sep[, bytes_per_sep]]): two lower-case digits a byte, with sep
// between groups of bytes_per_sep bytes counted from the right (from the
// left when negative).
static SpObject *bytes_hex(SpObject *self, SpObject *const *args, ssize_t nargs,
                           SpObject *kwnames) {
    static const char *const names[] = {"sep", "bytes_per_sep", NULL};
    SpObject *vals[2] = {NULL, NULL};
    if (sp_arg_parse_kw("hex", args, nargs, kwnames, names, vals, 0) < 0) {
        return NULL;
    }
    ssize_t n = sp_buf_size(self), group = 1;
    const unsigned char *s = (const unsigned char *)sp_buf_data(self);
    char sep = 0;
    if (vals[0] != NULL) {
        const char *sd;
        ssize_t sl;
        if (SP_STR_CHECK(vals[0])) {
            sd = sp_str_as_utf8(vals[0], &sl);
            if (sd == NULL) {
                return NULL;
            }
        } else if (sp_buf_check(vals[0])) {
            sd = sp_buf_data(vals[0]);
            sl = sp_buf_size(vals[0]);
        } else {
            return sp_err_format(&SpExc_TypeError, "sep must be str or bytes.");
        }
        // CPython checks the length first ("sep must be length 1."), then ASCII.
        if (sl != 1 || (unsigned char)sd[0] >= 0x80) {
            sp_err_set_string(&SpExc_ValueError, "sep must be ASCII.");
            if (sl != 1) {
                sp_err_clear();
                sp_err_set_string(&SpExc_ValueError, "sep must be length 1.");
            }
            return NULL;
        }
        sep = sd[0];
        if (vals[1] != NULL) {
            group = sp_number_as_ssize(vals[1], &SpExc_OverflowError);
            if (group == -1 && sp_err_occurred()) {
                return NULL;
            }
        }
    }
    ssize_t ag = group < 0 ? -group : group;
    // n bytes in groups of ag need (n - 1) / ag separators; the output size
    // is known exactly before writing.
    ssize_t nseps = (sep && ag && n) ? (n - 1) / ag : 0;
    char *buf = sp_mem_alloc((size_t)(2 * n + nseps + 1)), *p = buf;
    if (buf == NULL) {
        return sp_err_no_memory();
    }
    for (ssize_t i = 0; i < n; i++) {
        // Groups count from the right for a positive bytes_per_sep.
        if (i && nseps) {
            // A separator goes before byte i when the bytes on the counted side form
            // whole groups: b"abcde".hex(":", 2) is '61:6263:6465', with -2
            // '6162:6364:65'.
            ssize_t from = group > 0 ? n - i : i;
            if (from % ag == 0) {
                *p++ = sep;
            }
        }
        *p++ = hexchars[s[i] >> 4];
        *p++ = hexchars[s[i] & 15];
    }
    SpObject *r = sp_str_from_ascii(buf, p - buf);
    sp_mem_free(buf);
    return r;
}

static int hexval(int c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

// fromhex (a class method): pairs of hex digits, whitespace allowed between
// pairs; a subclass gets cls(result).
static SpObject *bytes_fromhex(SpObject *cls, SpObject *arg) {
    if (!SP_STR_CHECK(arg)) {
        return sp_err_format(&SpExc_TypeError, "fromhex() argument must be str, not %.50s",
                             sp_object_type_name(arg));
    }
    ssize_t n = SP_STR_LENGTH(arg), o = 0;
    // Two hex digits per byte, so n / 2 bytes bound the output.
    char *buf = sp_mem_alloc((size_t)n / 2 + 1);
    if (buf == NULL) {
        return sp_err_no_memory();
    }
    for (ssize_t i = 0; i < n;) {
        SpUCS4 c = SP_STR_READ_CHAR(arg, i);
        if (c < 128 && byte_space((unsigned char)c)) {
            i++;
            continue;
        }
        int hi = c < 128 ? hexval((int)c) : -1;
        int lo = i + 1 < n && SP_STR_READ_CHAR(arg, i + 1) < 128
                     ? hexval((int)SP_STR_READ_CHAR(arg, i + 1)) : -1;
        if (hi < 0 || lo < 0) {
            sp_mem_free(buf);
            return sp_err_format(&SpExc_ValueError,
                                 "non-hexadecimal number found in fromhex() arg at position %zd",
                                 hi < 0 ? i : i + 1);
        }
        buf[o++] = (char)(hi * 16 + lo);
        i += 2;
    }
    SpObject *r = cls == (SpObject *)&SpByteArray_Type ? sp_bytearray_from_data(buf, o)
                                                      : sp_bytes_from_data(buf, o);
    sp_mem_free(buf);
    if (r != NULL && cls != (SpObject *)&SpBytes_Type && cls != (SpObject *)&SpByteArray_Type) {
        SpObject *sub = sp_call_one_arg(cls, r);
        SP_DECREF(r);
        return sub;
    }
    return r;
}

// The padded copy behind center/ljust/rjust.
static SpObject *bytes_pad(SpObject *self, ssize_t left, ssize_t right, char fill) {
    ssize_t n = sp_buf_size(self);
    if (left <= 0 && right <= 0) {
        return same_or_copy(self);
    }
    left = left < 0 ? 0 : left;
    right = right < 0 ? 0 : right;
    SpObject *r = sp_buf_new_like(self, NULL, left + n + right);
    if (r == NULL) {
        return NULL;
    }
    char *d = sp_buf_data(r);
    memset(d, fill, (size_t)left);
    memcpy(d + left, sp_buf_data(self), (size_t)n);
    memset(d + left + n, fill, (size_t)right);
    return r;
}

static int pad_args(const char *name, SpObject *const *args, ssize_t nargs, SpObject *kwnames,
                    ssize_t *width, char *fill) {
    if (check_no_kw(name, kwnames) < 0) {
        return -1;
    }
    if (nargs < 1 || nargs > 2) {
        sp_err_format(&SpExc_TypeError, "%s expected %s argument%s, got %zd", name,
                      nargs < 1 ? "at least 1" : "at most 2", nargs < 1 ? "" : "s", nargs);
        return -1;
    }
    *width = sp_number_as_ssize(args[0], &SpExc_OverflowError);
    if (*width == -1 && sp_err_occurred()) {
        return -1;
    }
    *fill = ' ';
    if (nargs > 1) {
        if (!sp_buf_check(args[1]) || sp_buf_size(args[1]) != 1) {
            sp_err_format(&SpExc_TypeError,
                          "%s() argument 2 must be a byte string of length 1, not %.50s", name,
                          sp_object_type_name(args[1]));
            return -1;
        }
        *fill = sp_buf_data(args[1])[0];
    }
    return 0;
}

static SpObject *bytes_center(SpObject *self, SpObject *const *a, ssize_t na, SpObject *k) {
    ssize_t width;
    char fill;
    if (pad_args("center", a, na, k, &width, &fill) < 0) {
        return NULL;
    }
    ssize_t marg = width - sp_buf_size(self);
    ssize_t left = marg > 0 ? marg / 2 + (marg & width & 1) : 0;
    return bytes_pad(self, left, marg - left, fill);
}

static SpObject *bytes_ljust(SpObject *self, SpObject *const *a, ssize_t na, SpObject *k) {
    ssize_t width;
    char fill;
    if (pad_args("ljust", a, na, k, &width, &fill) < 0) {
        return NULL;
    }
    return bytes_pad(self, 0, width - sp_buf_size(self), fill);
}

static SpObject *bytes_rjust(SpObject *self, SpObject *const *a, ssize_t na, SpObject *k) {
    ssize_t width;
    char fill;
    if (pad_args("rjust", a, na, k, &width, &fill) < 0) {
        return NULL;
    }
    return bytes_pad(self, width - sp_buf_size(self), 0, fill);
}

static SpObject *bytes_removeprefix(SpObject *self, SpObject *p) {
    if (!sp_buf_check(p)) {
        return sp_err_format(&SpExc_TypeError, "a bytes-like object is required, not '%.100s'",
                             sp_object_type_name(p));
    }
    ssize_t n = sp_buf_size(self), m = sp_buf_size(p);
    if (m <= n && memcmp(sp_buf_data(self), sp_buf_data(p), (size_t)m) == 0 && m > 0) {
        return sp_buf_new_like(self, sp_buf_data(self) + m, n - m);
    }
    return same_or_copy(self);
}

static SpObject *bytes_removesuffix(SpObject *self, SpObject *p) {
    if (!sp_buf_check(p)) {
        return sp_err_format(&SpExc_TypeError, "a bytes-like object is required, not '%.100s'",
                             sp_object_type_name(p));
    }
    ssize_t n = sp_buf_size(self), m = sp_buf_size(p);
    if (m > 0 && m <= n && memcmp(sp_buf_data(self) + n - m, sp_buf_data(p), (size_t)m) == 0) {
        return sp_buf_new_like(self, sp_buf_data(self), n - m);
    }
    return same_or_copy(self);
}

// maketrans(from, to): the 256-byte identity table with from[i] -> to[i].
static SpObject *bytes_maketrans(SpObject *unused, SpObject *const *args, ssize_t nargs,
                                 SpObject *kwnames) {
    if (check_no_kw("maketrans", kwnames) < 0) {
        return NULL;
    }
    if (nargs != 2) {
        return sp_err_format(&SpExc_TypeError, "maketrans expected 2 arguments, got %zd", nargs);
    }
    for (int i = 0; i < 2; i++) {
        if (!sp_buf_check(args[i])) {
            return sp_err_format(&SpExc_TypeError,
                                 "a bytes-like object is required, not '%.100s'",
                                 sp_object_type_name(args[i]));
        }
    }
    if (sp_buf_size(args[0]) != sp_buf_size(args[1])) {
        sp_err_set_string(&SpExc_ValueError, "maketrans arguments must have same length");
        return NULL;
    }
    SpObject *r = sp_bytes_from_data(NULL, 256);
    if (r == NULL) {
        return NULL;
    }
    unsigned char *t = (unsigned char *)sp_buf_data(r);
    for (int c = 0; c < 256; c++) {
        t[c] = (unsigned char)c;
    }
    for (ssize_t i = 0; i < sp_buf_size(args[0]); i++) {
        t[(unsigned char)sp_buf_data(args[0])[i]] = (unsigned char)sp_buf_data(args[1])[i];
    }
    return r;
}

// translate(table[, delete]): table is None or 256 bytes; bytes in delete
// are dropped before mapping.
static SpObject *bytes_translate(SpObject *self, SpObject *const *args, ssize_t nargs,
                                 SpObject *kwnames) {
    static const char *const names[] = {"", "delete", NULL};
    SpObject *vals[2] = {NULL, NULL};
    if (sp_arg_parse_kw("translate", args, nargs, kwnames, names, vals, 1) < 0) {
        return NULL;
    }
    SpObject *table = vals[0], *del = vals[1];
    if (table != sp_None) {
        if (!sp_buf_check(table)) {
            return sp_err_format(&SpExc_TypeError,
                                 "a bytes-like object is required, not '%.100s'",
                                 sp_object_type_name(table));
        }
        if (sp_buf_size(table) != 256) {
            sp_err_set_string(&SpExc_ValueError,
                              "translation table must be 256 characters long");
            return NULL;
        }
    }
    // Deletion is applied before the table (CPython's order), so delete names
    // source bytes, not translated ones.
    unsigned char drop[256];
    memset(drop, 0, sizeof drop);
    if (del != NULL) {
        if (!sp_buf_check(del)) {
            return sp_err_format(&SpExc_TypeError,
                                 "a bytes-like object is required, not '%.100s'",
                                 sp_object_type_name(del));
        }
        for (ssize_t i = 0; i < sp_buf_size(del); i++) {
            drop[(unsigned char)sp_buf_data(del)[i]] = 1;
        }
    }
    ssize_t n = sp_buf_size(self), o = 0;
    unsigned char *d = sp_mem_alloc((size_t)n + 1);
    if (d == NULL) {
        return sp_err_no_memory();
    }
    const unsigned char *s = (const unsigned char *)sp_buf_data(self);
    const unsigned char *t = table == sp_None ? NULL : (const unsigned char *)sp_buf_data(table);
    for (ssize_t i = 0; i < n; i++) {
        if (!drop[s[i]]) {
            d[o++] = t ? t[s[i]] : s[i];
        }
    }
    // No table and nothing deleted: the content is unchanged (self for exact
    // bytes, as CPython).
    SpObject *r = o == n && t == NULL ? same_or_copy(self) : sp_buf_new_like(self, (char *)d, o);
    sp_mem_free(d);
    return r;
}

// istitle: upper-case letters only at word starts, lower-case only inside.
static SpObject *bytes_istitle(SpObject *self, SpObject *unused) {
    const unsigned char *s = (const unsigned char *)sp_buf_data(self);
    int cased = 0, prev = 0;
    for (ssize_t i = 0; i < sp_buf_size(self); i++) {
        int up = s[i] >= 'A' && s[i] <= 'Z', lo = s[i] >= 'a' && s[i] <= 'z';
        if (up) {
            if (prev) {
                SP_RETURN_FALSE;
            }
            prev = cased = 1;
        } else if (lo) {
            if (!prev) {
                SP_RETURN_FALSE;
            }
            prev = cased = 1;
        } else {
            prev = 0;
        }
    }
    return sp_bool_from_long(cased);
}

static SpObject *bytes_zfill(SpObject *self, SpObject *arg) {
    ssize_t width = sp_number_as_ssize(arg, &SpExc_OverflowError);
    if (width == -1 && sp_err_occurred()) {
        return NULL;
    }
    ssize_t n = sp_buf_size(self);
    if (width <= n) {
        return same_or_copy(self);
    }
    SpObject *r = sp_buf_new_like(self, NULL, width);
    if (r == NULL) {
        return NULL;
    }
    char *d = sp_buf_data(r);
    const char *s = sp_buf_data(self);
    memset(d, '0', (size_t)(width - n));
    memcpy(d + width - n, s, (size_t)n);
    if (n > 0 && (s[0] == '+' || s[0] == '-')) {
        d[0] = s[0];
        d[width - n] = '0';
    }
    return r;
}

// expandtabs: tabs to the next multiple of tabsize; \n and \r reset the
// column.
static SpObject *bytes_expandtabs(SpObject *self, SpObject *const *args, ssize_t nargs,
                                  SpObject *kwnames) {
    static const char *const names[] = {"tabsize", NULL};
    SpObject *vals[1] = {NULL};
    if (sp_arg_parse_kw("expandtabs", args, nargs, kwnames, names, vals, 0) < 0) {
        return NULL;
    }
    ssize_t tab = 8;
    if (vals[0] != NULL) {
        tab = sp_number_as_ssize(vals[0], &SpExc_OverflowError);
        if (tab == -1 && sp_err_occurred()) {
            return NULL;
        }
    }
    const char *s = sp_buf_data(self);
    ssize_t n = sp_buf_size(self), total = 0, col = 0;
    // Two passes: measure, then fill.
    for (ssize_t i = 0; i < n; i++) {
        if (s[i] == '\t') {
            ssize_t sp = tab > 0 ? tab - col % tab : 0;
            total += sp;
            col += sp;
        } else {
            total++;
            col = s[i] == '\n' || s[i] == '\r' ? 0 : col + 1;
        }
    }
    SpObject *r = sp_buf_new_like(self, NULL, total);
    if (r == NULL) {
        return NULL;
    }
    char *d = sp_buf_data(r);
    col = 0;
    for (ssize_t i = 0; i < n; i++) {
        if (s[i] == '\t') {
            ssize_t sp = tab > 0 ? tab - col % tab : 0;
            memset(d, ' ', (size_t)sp);
            d += sp;
            col += sp;
        } else {
            *d++ = s[i];
            col = s[i] == '\n' || s[i] == '\r' ? 0 : col + 1;
        }
    }
    return finish_like(self, r);
}

// splitlines: bytes only know \n, \r and \r\n as line ends.
static SpObject *bytes_splitlines(SpObject *self, SpObject *const *args, ssize_t nargs,
                                  SpObject *kwnames) {
    static const char *const names[] = {"keepends", NULL};
    SpObject *vals[1] = {NULL};
    if (sp_arg_parse_kw("splitlines", args, nargs, kwnames, names, vals, 0) < 0) {
        return NULL;
    }
    int keep = vals[0] ? sp_object_is_true(vals[0]) : 0;
    if (keep < 0) {
        return NULL;
    }
    SpObject *list = sp_list_new(0);
    if (list == NULL) {
        return NULL;
    }
    const char *s = sp_buf_data(self);
    ssize_t n = sp_buf_size(self), i = 0;
    while (i < n) {
        ssize_t j = i;
        while (j < n && s[j] != '\n' && s[j] != '\r') {
            j++;
        }
        ssize_t eol = j;
        if (j < n) {
            j += s[j] == '\r' && j + 1 < n && s[j + 1] == '\n' ? 2 : 1;
            if (keep) {
                eol = j;
            }
        }
        if (append_bytes(list, self, s + i, eol - i) < 0) {
            SP_DECREF(list);
            return NULL;
        }
        i = j;
    }
    return list;
}

static SpObject *bytes_dunder_bytes(SpObject *self, SpObject *unused) {
    if (SP_TYPE(self) == &SpBytes_Type) {
        return sp_newref(self);
    }
    return sp_bytes_from_data(sp_buf_data(self), sp_buf_size(self));
}

static SpObject *bytes_getnewargs(SpObject *self, SpObject *unused) {
    SpObject *copy = sp_bytes_from_data(sp_buf_data(self), sp_buf_size(self));
    if (copy == NULL) {
        return NULL;
    }
    SpObject *items[1] = {copy};
    return sp_tuple_from_array_steal(items, 1);
}

static SpObject *bytes_sizeof(SpObject *self, SpObject *unused) {
    return sp_int_from_ssize((ssize_t)offsetof(SpBytesObject, ob_sval) + 1 + sp_buf_size(self));
}

#define FAST SP_METH_FASTCALL
#define NOARGS SP_METH_NOARGS
// Methods shared by bytes and bytearray: results take the type of self.
#define SP_BUF_COMMON_METHODS \
    {"capitalize", SP_METH(bytes_capitalize), NOARGS, NULL}, \
    {"center", SP_METH(bytes_center), FAST, NULL}, \
    {"count", SP_METH(bytes_count), FAST, NULL}, \
    {"decode", SP_METH(bytes_decode), FAST, \
     "Decode the bytes using the codec registered for encoding."}, \
    {"endswith", SP_METH(bytes_endswith), FAST, NULL}, \
    {"expandtabs", SP_METH(bytes_expandtabs), FAST, NULL}, \
    {"find", SP_METH(bytes_find), FAST, NULL}, \
    {"fromhex", SP_METH(bytes_fromhex), SP_METH_O | SP_METH_CLASS, \
     "Create a bytes object from a string of hexadecimal numbers."}, \
    {"hex", SP_METH(bytes_hex), FAST, NULL}, \
    {"index", SP_METH(bytes_index), FAST, NULL}, \
    {"isalnum", SP_METH(bytes_isalnum), NOARGS, NULL}, \
    {"isalpha", SP_METH(bytes_isalpha), NOARGS, NULL}, \
    {"isascii", SP_METH(bytes_isascii), NOARGS, NULL}, \
    {"isdigit", SP_METH(bytes_isdigit), NOARGS, NULL}, \
    {"islower", SP_METH(bytes_islower), NOARGS, NULL}, \
    {"isspace", SP_METH(bytes_isspace), NOARGS, NULL}, \
    {"istitle", SP_METH(bytes_istitle), NOARGS, NULL}, \
    {"isupper", SP_METH(bytes_isupper), NOARGS, NULL}, \
    {"join", SP_METH(bytes_join), SP_METH_O, NULL}, \
    {"ljust", SP_METH(bytes_ljust), FAST, NULL}, \
    {"lower", SP_METH(bytes_lower), NOARGS, NULL}, \
    {"maketrans", SP_METH(bytes_maketrans), FAST | SP_METH_STATIC, NULL}, \
    {"lstrip", SP_METH(bytes_lstrip), FAST, NULL}, \
    {"partition", SP_METH(bytes_partition), SP_METH_O, NULL}, \
    {"removeprefix", SP_METH(bytes_removeprefix), SP_METH_O, NULL}, \
    {"removesuffix", SP_METH(bytes_removesuffix), SP_METH_O, NULL}, \
    {"replace", SP_METH(bytes_replace), FAST, NULL}, \
    {"rfind", SP_METH(bytes_rfind), FAST, NULL}, \
    {"rindex", SP_METH(bytes_rindex), FAST, NULL}, \
    {"rjust", SP_METH(bytes_rjust), FAST, NULL}, \
    {"rpartition", SP_METH(bytes_rpartition), SP_METH_O, NULL}, \
    {"rsplit", SP_METH(bytes_rsplit), FAST, NULL}, \
    {"rstrip", SP_METH(bytes_rstrip), FAST, NULL}, \
    {"split", SP_METH(bytes_split), FAST, NULL}, \
    {"splitlines", SP_METH(bytes_splitlines), FAST, NULL}, \
    {"startswith", SP_METH(bytes_startswith), FAST, NULL}, \
    {"strip", SP_METH(bytes_strip), FAST, NULL}, \
    {"swapcase", SP_METH(bytes_swapcase), NOARGS, NULL}, \
    {"title", SP_METH(bytes_title), NOARGS, NULL}, \
    {"translate", SP_METH(bytes_translate), FAST, NULL}, \
    {"upper", SP_METH(bytes_upper), NOARGS, NULL}, \
    {"zfill", SP_METH(bytes_zfill), SP_METH_O, NULL},

SpMethodDef sp_bytes_methods[] = {
    SP_BUF_COMMON_METHODS
    {"__bytes__", SP_METH(bytes_dunder_bytes), NOARGS, "Convert this value to exact type bytes."},
    {"__getnewargs__", SP_METH(bytes_getnewargs), NOARGS, NULL},
    {"__sizeof__", SP_METH(bytes_sizeof), NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

SpMethodDef sp_bytearray_methods[] = {
    SP_BUF_COMMON_METHODS
    {"append", SP_METH(sp_bytearray_append), SP_METH_O,
     "Append a single item to the end of the bytearray."},
    {"clear", SP_METH(sp_bytearray_clear), NOARGS, "Remove all items from the bytearray."},
    {"copy", SP_METH(sp_bytearray_copy), NOARGS, "Return a copy of B."},
    {"extend", SP_METH(sp_bytearray_extend), SP_METH_O,
     "Append all the items from the iterator or sequence to the end of the bytearray."},
    {"insert", SP_METH(sp_bytearray_insert), FAST,
     "Insert a single item into the bytearray before the given index."},
    {"pop", SP_METH(sp_bytearray_pop), FAST, "Remove and return a single item from B."},
    {"remove", SP_METH(sp_bytearray_remove), SP_METH_O,
     "Remove the first occurrence of a value in the bytearray."},
    {"reverse", SP_METH(sp_bytearray_reverse), NOARGS,
     "Reverse the order of the values in B in place."},
    {"__alloc__", SP_METH(sp_bytearray_alloc), NOARGS, "B.__alloc__() -> int"},
    {"__sizeof__", SP_METH(sp_bytearray_sizeof), NOARGS,
     "Returns the size of the bytearray object in memory, in bytes."},
    {NULL, NULL, 0, NULL},
};
#undef FAST
#undef NOARGS
