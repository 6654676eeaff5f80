// smallpy: the methods of str that search, split, join, strip, pad, replace
// and translate, plus the method table of str. Case mapping and the is*()
// predicates live in str_case.c. Most work has an ASCII/1-byte fast path.
// Counterpart: CPython 3.11 Objects/unicodeobject.c, Objects/stringlib/.
#include <limits.h>
#include <string.h>

#include "core/abstract.h"
#include "core/err.h"
#include "core/mem.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/func.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/none.h"
#include "objects/float.h"
#include "objects/str_internal.h"
#include "objects/tuple.h"

// =============================================================================
// Searching
// =============================================================================

// Searching works on raw code units of one kind: callers first convert the
// needle to the haystack's kind (needle_in_kind), which is always possible
// because a needle wider than the haystack cannot occur in it. 1-byte text,
// by far the most common, goes to the C library; wider kinds use a first-
// character scan plus memcmp of the rest, which is plenty for typical text.
ssize_t sp_str_search(int kind, const void *hay, ssize_t n, const void *needle, ssize_t m,
                      int dir) {
    // CPython's conventions: the empty needle is found at the first position
    // searched (0 forward, n backward); callers handle start > len first.
    if (m == 0) {
        return dir > 0 ? 0 : n;
    }
    if (m > n) {
        return -1;
    }
    if (kind == 1) {
        const unsigned char *h = hay, *nd = needle;
        if (dir > 0) {
            // glibc's memchr/memmem are vectorised (two-way for memmem).
            const unsigned char *r = m == 1 ? memchr(h, nd[0], (size_t)n)
                                            : memmem(h, (size_t)n, nd, (size_t)m);
            return r ? r - h : -1;
        }
        // Backward 1-byte search: memrchr for the first byte of the needle within
        // [0, limit], memcmp for the rest; on a miss the window shrinks below the
        // candidate. Worst case O(n*m), like the wide-kind loop below.
        ssize_t limit = n - m;  // last possible start
        for (;;) {
            const unsigned char *r = memrchr(h, nd[0], (size_t)(limit + 1));
            if (r == NULL) {
                return -1;
            }
            ssize_t i = r - h;
            if (m == 1 || memcmp(h + i + 1, nd + 1, (size_t)(m - 1)) == 0) {
                return i;
            }
            if (i == 0) {
                return -1;
            }
            limit = i - 1;
        }
    }
    // Wide kinds (PEP 393 kinds 2 and 4): the needle is already in the
    // haystack's kind, so a match is a first-unit compare plus a memcmp of the
    // remaining (m - 1) * kind bytes.
    SpUCS4 first = sp_str_read(kind, needle, 0);
    size_t tail = (size_t)((m - 1) * kind);
    const char *h = hay, *nd = (const char *)needle + kind;
    if (dir > 0) {
        for (ssize_t i = 0; i <= n - m; i++) {
            if (sp_str_read(kind, hay, i) == first &&
                memcmp(h + (i + 1) * kind, nd, tail) == 0) {
                return i;
            }
        }
    } else {
        for (ssize_t i = n - m; i >= 0; i--) {
            if (sp_str_read(kind, hay, i) == first &&
                memcmp(h + (i + 1) * kind, nd, tail) == 0) {
                return i;
            }
        }
    }
    return -1;
}

// Counting is non-overlapping ("aaaa".count("aa") == 2): after a match the
// scan resumes past its end. An empty needle matches at every position,
// n + 1 times, as in CPython.
ssize_t sp_str_count_in(int kind, const void *hay, ssize_t n, const void *needle, ssize_t m,
                        ssize_t maxcount) {
    if (m == 0) {
        return n + 1 < maxcount ? n + 1 : maxcount;
    }
    ssize_t count = 0, pos = 0;
    if (kind == 1 && m == 1) {
        const unsigned char *h = hay;
        unsigned char c = *(const unsigned char *)needle;
        while (count < maxcount) {
            const unsigned char *r = memchr(h + pos, c, (size_t)(n - pos));
            if (r == NULL) {
                break;
            }
            count++;
            pos = r - h + 1;
        }
        return count;
    }
    while (count < maxcount && pos <= n - m) {
        ssize_t i = sp_str_search(kind, (const char *)hay + pos * kind, n - pos, needle, m, 1);
        if (i < 0) {
            break;
        }
        count++;
        pos += i + m;
    }
    return count;
}

// The characters of sub in the given (wider or equal) kind: its own data, or
// a converted copy stored in *buf (free with sp_mem_free). NULL on
// MemoryError.
static const void *needle_in_kind(SpObject *sub, int kind, void **buf) {
    *buf = NULL;
    if (SP_STR_KIND(sub) == kind) {
        return SP_STR_DATA(sub);
    }
    ssize_t m = SP_STR_LENGTH(sub);
    *buf = sp_mem_alloc((size_t)(m * kind + 1));
    if (*buf == NULL) {
        sp_err_no_memory();
        return NULL;
    }
    sp_str_copy_chars(kind, *buf, 0, SP_STR_KIND(sub), SP_STR_DATA(sub), 0, m);
    return *buf;
}

// =============================================================================
// Argument helpers (CPython's messages)
// =============================================================================

// str's methods come from two generations of CPython argument parsing, and
// the messages differ accordingly; each method uses the helper whose
// wording matches python3.11 for it.
static int check_args(const char *name, ssize_t nargs, ssize_t min, ssize_t max) {
    if (nargs < min) {
        if (min == max) {
            sp_err_format(&SpExc_TypeError, "%s() takes exactly %s (%zd given)", name,
                          min == 1 ? "one argument" : "2 arguments", nargs);
        } else {
            sp_err_format(&SpExc_TypeError, "%s() takes at least %zd argument%s (%zd given)",
                          name, min, min == 1 ? "" : "s", nargs);
        }
        return -1;
    }
    if (nargs > max) {
        if (max == 0) {
            sp_err_format(&SpExc_TypeError, "str.%s() takes no arguments (%zd given)", name,
                          nargs);
        } else if (min == max) {
            sp_err_format(&SpExc_TypeError, "%s() takes exactly %s (%zd given)", name,
                          max == 1 ? "one argument" : "2 arguments", nargs);
        } else {
            sp_err_format(&SpExc_TypeError, "%s() takes at most %zd argument%s (%zd given)",
                          name, max, max == 1 ? "" : "s", nargs);
        }
        return -1;
    }
    return 0;
}

// "center expected at least 1 argument, got 0" (Argument Clinic methods).
static int check_args_clinic(const char *name, ssize_t nargs, ssize_t min, ssize_t max) {
    if (nargs < min || nargs > max) {
        const char *what = min == max ? "" : nargs < min ? "at least " : "at most ";
        ssize_t k = nargs < min ? min : max;
        sp_err_format(&SpExc_TypeError, "%s expected %s%zd argument%s, got %zd", name, what, k,
                      k == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

static int check_no_kw(const char *name, SpObject *kwnames) {
    if (kwnames != NULL && SP_TUPLE_SIZE(kwnames) > 0) {
        sp_err_format(&SpExc_TypeError, "%s() takes no keyword arguments", name);
        return -1;
    }
    return 0;
}

// A start/end bound may be None (absent) or anything with __index__; huge
// values clamp (sp_number_as_ssize with no exception type), as slices do.
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

// Normalise [start, end) against len as slice indices do.
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

// An integer argument (via __index__), as Clinic's ssize_t converter.
static int ssize_arg(SpObject *o, ssize_t *out) {
    if (!SP_INT_CHECK(o) && !sp_index_check(o)) {
        sp_err_format(&SpExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                      sp_object_type_name(o));
        return -1;
    }
    ssize_t v = sp_number_as_ssize(o, &SpExc_OverflowError);
    if (v == -1 && sp_err_occurred()) {
        return -1;
    }
    *out = v;
    return 0;
}

// A method that leaves the text unchanged returns self for an exact str
// (CPython does, and `s.strip() is s` shows it) but a new exact str for
// subclasses, whose methods always return plain str.
static SpObject *self_or_copy(SpObject *self) {
    if (SP_STR_CHECK_EXACT(self)) {
        return sp_newref(self);
    }
    return sp_str_from_kind_and_data(SP_STR_KIND(self), SP_STR_DATA(self), SP_STR_LENGTH(self));
}

// =============================================================================
// find, rfind, index, rindex, count
// =============================================================================

// Shared argument parsing of find-like methods: sub[, start[, end]].
static int parse_find_args(const char *name, SpObject *self, SpObject *const *args,
                           ssize_t nargs, SpObject *kwnames, SpObject **sub, ssize_t *start,
                           ssize_t *end) {
    if (check_no_kw(name, kwnames) < 0 || check_args(name, nargs, 1, 3) < 0) {
        return -1;
    }
    *sub = args[0];
    if (!SP_STR_CHECK(*sub)) {
        sp_err_format(&SpExc_TypeError, "must be str, not %.100s", sp_object_type_name(*sub));
        return -1;
    }
    *start = 0;
    *end = SSIZE_MAX;
    if (nargs > 1 && bound_arg(args[1], start) < 0) {
        return -1;
    }
    if (nargs > 2 && bound_arg(args[2], end) < 0) {
        return -1;
    }
    adjust_bounds(SP_STR_LENGTH(self), start, end);
    return 0;
}

// Position of sub in self[start:end] (absolute index) or -1; -2 on error.
// An empty needle is found at start (forward) or end (backward) as long as
// start does not lie past the string: "abc".find("", 10) is -1.
static ssize_t find_in(SpObject *self, SpObject *sub, ssize_t start, ssize_t end, int dir) {
    ssize_t m = SP_STR_LENGTH(sub);
    if (end - start < m || start > SP_STR_LENGTH(self)) {
        return -1;
    }
    int kind = SP_STR_KIND(self);
    if (SP_STR_KIND(sub) > kind) {
        return -1;
    }
    void *buf;
    const void *nd = needle_in_kind(sub, kind, &buf);
    if (nd == NULL) {
        return -2;
    }
    ssize_t r = sp_str_search(kind, (const char *)SP_STR_DATA(self) + start * kind, end - start,
                              nd, m, dir);
    sp_mem_free(buf);
    return r < 0 ? -1 : r + start;
}

static SpObject *find_common(const char *name, SpObject *self, SpObject *const *args,
                             ssize_t nargs, SpObject *kwnames, int dir, int raise) {
    SpObject *sub;
    ssize_t start, end;
    if (parse_find_args(name, self, args, nargs, kwnames, &sub, &start, &end) < 0) {
        return NULL;
    }
    ssize_t r = find_in(self, sub, start, end, dir);
    if (r == -2) {
        return NULL;
    }
    if (r == -1 && raise) {
        sp_err_set_string(&SpExc_ValueError, "substring not found");
        return NULL;
    }
    return sp_int_from_ssize(r);
}

static SpObject *str_find(SpObject *self, SpObject *const *args, ssize_t nargs, SpObject *kw) {
    return find_common("find", self, args, nargs, kw, 1, 0);
}
static SpObject *str_rfind(SpObject *self, SpObject *const *args, ssize_t nargs, SpObject *kw) {
    return find_common("rfind", self, args, nargs, kw, -1, 0);
}
static SpObject *str_index(SpObject *self, SpObject *const *args, ssize_t nargs, SpObject *kw) {
    return find_common("index", self, args, nargs, kw, 1, 1);
}
static SpObject *str_rindex(SpObject *self, SpObject *const *args, ssize_t nargs, SpObject *kw) {
    return find_common("rindex", self, args, nargs, kw, -1, 1);
}

static SpObject *str_count(SpObject *self, SpObject *const *args, ssize_t nargs, SpObject *kw) {
    SpObject *sub;
    ssize_t start, end;
    if (parse_find_args("count", self, args, nargs, kw, &sub, &start, &end) < 0) {
        return NULL;
    }
    ssize_t m = SP_STR_LENGTH(sub);
    int kind = SP_STR_KIND(self);
    if (end - start < m || start > SP_STR_LENGTH(self) || SP_STR_KIND(sub) > kind) {
        return sp_int_from_long(0);
    }
    void *buf;
    const void *nd = needle_in_kind(sub, kind, &buf);
    if (nd == NULL) {
        return NULL;
    }
    ssize_t r = sp_str_count_in(kind, (const char *)SP_STR_DATA(self) + start * kind,
                                end - start, nd, m, SSIZE_MAX);
    sp_mem_free(buf);
    return sp_int_from_ssize(r);
}

// Does self[start:end] start (or end) with sub? Equal kinds compare with one
// memcmp; mixed kinds compare code points.
static int tail_match(SpObject *self, SpObject *sub, ssize_t start, ssize_t end, int at_end) {
    ssize_t m = SP_STR_LENGTH(sub);
    if (start > SP_STR_LENGTH(self)) {
        return 0;
    }
    if (end - start < m) {
        return 0;
    }
    if (m == 0) {
        return 1;
    }
    ssize_t pos = at_end ? end - m : start;
    int k = SP_STR_KIND(self), ks = SP_STR_KIND(sub);
    if (k == ks) {
        return memcmp((const char *)SP_STR_DATA(self) + pos * k, SP_STR_DATA(sub),
                      (size_t)(m * k)) == 0;
    }
    for (ssize_t i = 0; i < m; i++) {
        if (SP_STR_READ_CHAR(self, pos + i) != SP_STR_READ_CHAR(sub, i)) {
            return 0;
        }
    }
    return 1;
}

static SpObject *starts_ends(const char *name, SpObject *self, SpObject *const *args,
                             ssize_t nargs, SpObject *kwnames, int at_end) {
    if (check_no_kw(name, kwnames) < 0 || check_args(name, nargs, 1, 3) < 0) {
        return NULL;
    }
    ssize_t start = 0, end = SSIZE_MAX;
    if ((nargs > 1 && bound_arg(args[1], &start) < 0) ||
        (nargs > 2 && bound_arg(args[2], &end) < 0)) {
        return NULL;
    }
    adjust_bounds(SP_STR_LENGTH(self), &start, &end);
    SpObject *x = args[0];
    if (SP_TUPLE_CHECK(x)) {
        for (ssize_t i = 0; i < SP_TUPLE_SIZE(x); i++) {
            SpObject *s = SP_TUPLE_GET_ITEM(x, i);
            if (!SP_STR_CHECK(s)) {
                return sp_err_format(&SpExc_TypeError,
                                     "tuple for %s must only contain str, not %.100s", name,
                                     sp_object_type_name(s));
            }
            if (tail_match(self, s, start, end, at_end)) {
                SP_RETURN_TRUE;
            }
        }
        SP_RETURN_FALSE;
    }
    if (!SP_STR_CHECK(x)) {
        return sp_err_format(&SpExc_TypeError,
                             "%s first arg must be str or a tuple of str, not %.100s", name,
                             sp_object_type_name(x));
    }
    return sp_bool_from_long(tail_match(self, x, start, end, at_end));
}

static SpObject *str_startswith(SpObject *self, SpObject *const *args, ssize_t nargs,
                                SpObject *kw) {
    return starts_ends("startswith", self, args, nargs, kw, 0);
}
static SpObject *str_endswith(SpObject *self, SpObject *const *args, ssize_t nargs,
                              SpObject *kw) {
    return starts_ends("endswith", self, args, nargs, kw, 1);
}

// =============================================================================
// split, rsplit, splitlines, partition, rpartition
// =============================================================================

static inline int is_space_c(int kind, const void *d, ssize_t i) {
    return sp_ucd_isspace(sp_str_read(kind, d, i));
}

// Whitespace among Latin-1 characters: \t..\r, \x1c..\x1f, space, \x85
// and \xa0 (the 1-byte fast path of split()).
static const unsigned char latin1_space[256] = {
    [0x09] = 1, [0x0A] = 1, [0x0B] = 1, [0x0C] = 1, [0x0D] = 1, [0x1C] = 1, [0x1D] = 1,
    [0x1E] = 1, [0x1F] = 1, [0x20] = 1, [0x85] = 1, [0xA0] = 1,
};

static inline int is_space_at(int kind, const void *d, ssize_t i) {
    return kind == 1 ? latin1_space[((const unsigned char *)d)[i]] : is_space_c(kind, d, i);
}

// A piece self[i:j] for a split result: self itself when it is the whole
// of an exact str, else a substring (shared one-character strings).
static SpObject *piece(SpObject *self, ssize_t i, ssize_t j) {
    if (i == 0 && j == SP_STR_LENGTH(self) && SP_STR_CHECK_EXACT(self)) {
        return sp_newref(self);
    }
    return sp_str_substring(self, i, j);
}

// Append self[i:j] to the list (shared one-character strings).
static int append_piece(SpObject *list, SpObject *self, ssize_t i, ssize_t j) {
    SpObject *p = sp_str_substring(self, i, j);
    if (p == NULL) {
        return -1;
    }
    int rc = sp_list_append(list, p);
    SP_DECREF(p);
    return rc;
}

// One pass of whitespace splitting from the left (reverse 0) or the right:
// with list NULL it only counts the pieces; else it stores them into the
// list's slots, which the counting pass sized exactly (so no list growth).
static ssize_t ws_pass(SpObject *self, ssize_t maxsplit, int reverse, SpObject *list) {
    ssize_t n = SP_STR_LENGTH(self), count = 0;
    int kind = SP_STR_KIND(self);
    const void *d = SP_STR_DATA(self);
    if (!reverse) {
        ssize_t i = 0;
        while (i < n) {
            while (i < n && is_space_at(kind, d, i)) {
                i++;
            }
            if (i == n) {
                break;
            }
            ssize_t j = i;
            if (maxsplit-- == 0) {
                j = n;  // no splits left: the rest is one piece, as it is
            } else {
                while (j < n && !is_space_at(kind, d, j)) {
                    j++;
                }
            }
            if (list != NULL) {
                SpObject *p = piece(self, i, j);
                if (p == NULL) {
                    return -1;
                }
                SP_LIST_SET_ITEM(list, count, p);
            }
            count++;
            i = j;
        }
    } else {
        ssize_t total = list ? SP_LIST_SIZE(list) : 0, j = n;
        while (j > 0) {
            while (j > 0 && is_space_at(kind, d, j - 1)) {
                j--;
            }
            if (j == 0) {
                break;
            }
            ssize_t i = j;
            if (maxsplit-- == 0) {
                i = 0;
            } else {
                while (i > 0 && !is_space_at(kind, d, i - 1)) {
                    i--;
                }
            }
            if (list != NULL) {
                SpObject *p = piece(self, i, j);
                if (p == NULL) {
                    return -1;
                }
                SP_LIST_SET_ITEM(list, total - 1 - count, p);
            }
            count++;
            j = i;
        }
    }
    return count;
}

// split() / rsplit() with no separator: runs of whitespace separate,
// leading and trailing whitespace produce no empty pieces, and once
// maxsplit is used up the rest (its whitespace included) is the last
// piece. A string that is one piece is returned itself, as CPython does.
static SpObject *split_whitespace(SpObject *self, ssize_t maxsplit, int reverse) {
    ssize_t count = ws_pass(self, maxsplit, reverse, NULL);
    SpObject *list = sp_list_new(count);
    if (list == NULL) {
        return NULL;
    }
    if (ws_pass(self, maxsplit, reverse, list) < 0) {
        SP_DECREF(list);
        return NULL;
    }
    return list;
}

// split(sep) / rsplit(sep): every occurrence separates, empty pieces
// included ("a,,b" gives three pieces).
static SpObject *split_sep(SpObject *self, SpObject *sep, ssize_t maxsplit, int reverse) {
    ssize_t n = SP_STR_LENGTH(self), m = SP_STR_LENGTH(sep);
    int kind = SP_STR_KIND(self);
    if (m == 0) {
        sp_err_set_string(&SpExc_ValueError, "empty separator");
        return NULL;
    }
    if (SP_STR_KIND(sep) > kind || m > n) {
        // The separator cannot occur: one piece.
        SpObject *whole = self_or_copy(self);
        if (whole == NULL) {
            return NULL;
        }
        SpObject *items[1] = {whole};
        SpObject *list = sp_list_from_array(items, 1);
        SP_DECREF(whole);
        return list;
    }
    void *buf;
    const void *nd = needle_in_kind(sep, kind, &buf);
    if (nd == NULL) {
        return NULL;
    }
    const char *d = SP_STR_DATA(self);
    // The number of separators used is the same from either end (greedy
    // non-overlapping matching finds the maximum both ways), so the list
    // can be sized before it is filled.
    ssize_t seps = sp_str_count_in(kind, d, n, nd, m, maxsplit);
    SpObject *list = sp_list_new(seps + 1);
    if (list == NULL) {
        sp_mem_free(buf);
        return NULL;
    }
    SpObject *p;
    if (!reverse) {
        ssize_t i = 0;
        for (ssize_t k = 0; k < seps; k++) {
            ssize_t r = sp_str_search(kind, d + i * kind, n - i, nd, m, 1);
            if ((p = sp_str_substring(self, i, i + r)) == NULL) {
                goto error;
            }
            SP_LIST_SET_ITEM(list, k, p);
            i += r + m;
        }
        if ((p = piece(self, i, n)) == NULL) {
            goto error;
        }
        SP_LIST_SET_ITEM(list, seps, p);
    } else {
        ssize_t j = n;
        for (ssize_t k = 0; k < seps; k++) {
            ssize_t r = sp_str_search(kind, d, j, nd, m, -1);
            if ((p = sp_str_substring(self, r + m, j)) == NULL) {
                goto error;
            }
            SP_LIST_SET_ITEM(list, seps - k, p);
            j = r;
        }
        if ((p = piece(self, 0, j)) == NULL) {
            goto error;
        }
        SP_LIST_SET_ITEM(list, 0, p);
    }
    sp_mem_free(buf);
    return list;
error:
    sp_mem_free(buf);
    SP_DECREF(list);
    return NULL;
}

static SpObject *split_common(const char *name, SpObject *self, SpObject *const *args,
                              ssize_t nargs, SpObject *kwnames, int reverse) {
    static const char *const names[] = {"sep", "maxsplit", NULL};
    SpObject *vals[2] = {NULL, NULL};
    if (kwnames == NULL && nargs <= 2) {
        vals[0] = nargs > 0 ? args[0] : NULL;
        vals[1] = nargs > 1 ? args[1] : NULL;
    } else if (sp_arg_parse_kw(name, args, nargs, kwnames, names, vals, 0) < 0) {
        return NULL;
    }
    ssize_t maxsplit = -1;
    if (vals[1] != NULL && ssize_arg(vals[1], &maxsplit) < 0) {
        return NULL;
    }
    if (maxsplit < 0) {
        maxsplit = SSIZE_MAX;
    }
    SpObject *sep = vals[0];
    if (sep == NULL || sep == sp_None) {
        return split_whitespace(self, maxsplit, reverse);
    }
    if (!SP_STR_CHECK(sep)) {
        return sp_err_format(&SpExc_TypeError, "must be str or None, not %.100s",
                             sp_object_type_name(sep));
    }
    return split_sep(self, sep, maxsplit, reverse);
}

static SpObject *str_split(SpObject *self, SpObject *const *args, ssize_t nargs, SpObject *kw) {
    return split_common("split", self, args, nargs, kw, 0);
}
static SpObject *str_rsplit(SpObject *self, SpObject *const *args, ssize_t nargs, SpObject *kw) {
    return split_common("rsplit", self, args, nargs, kw, 1);
}

// Line boundaries are those of str.splitlines (\n, \r, \r\n, \v, \f, \x1c-
// \x1e, \x85, \u2028, \u2029), not just \n; "\r\n" counts as one boundary.
static SpObject *str_splitlines(SpObject *self, SpObject *const *args, ssize_t nargs,
                                SpObject *kwnames) {
    static const char *const names[] = {"keepends", NULL};
    SpObject *vals[1] = {NULL};
    if (sp_arg_parse_kw("splitlines", args, nargs, kwnames, names, vals, 0) < 0) {
        return NULL;
    }
    int keepends = 0;
    if (vals[0] != NULL) {
        // Clinic's bool converter accepts ints only (any object in 3.12).
        if (SP_FLOAT_CHECK(vals[0])) {
            return sp_err_format(&SpExc_TypeError,
                                 "'float' object cannot be interpreted as an integer");
        }
        keepends = sp_object_is_true(vals[0]);
        if (keepends < 0) {
            return NULL;
        }
    }
    ssize_t n = SP_STR_LENGTH(self), i = 0;
    int kind = SP_STR_KIND(self);
    const void *d = SP_STR_DATA(self);
    SpObject *list = sp_list_new(0);
    if (list == NULL) {
        return NULL;
    }
    while (i < n) {
        ssize_t j = i;
        while (j < n && !sp_ucd_islinebreak(sp_str_read(kind, d, j))) {
            j++;
        }
        ssize_t eol = j;
        if (j < n) {
            if (sp_str_read(kind, d, j) == '\r' && j + 1 < n &&
                sp_str_read(kind, d, j + 1) == '\n') {
                j += 2;
            } else {
                j++;
            }
            if (keepends) {
                eol = j;
            }
        }
        if (i == 0 && j == n && eol == n && SP_STR_CHECK_EXACT(self)) {
            if (sp_list_append(list, self) < 0) {
                goto error;
            }
            break;
        }
        if (append_piece(list, self, i, eol) < 0) {
            goto error;
        }
        i = j;
    }
    return list;
error:
    SP_DECREF(list);
    return NULL;
}

// partition/rpartition: always a 3-tuple; when the separator is missing the
// whole string goes first (partition) or last (rpartition).
static SpObject *partition_common(SpObject *self, SpObject *sep, int reverse) {
    if (!SP_STR_CHECK(sep)) {
        return sp_err_format(&SpExc_TypeError, "must be str, not %.100s",
                             sp_object_type_name(sep));
    }
    if (SP_STR_LENGTH(sep) == 0) {
        sp_err_set_string(&SpExc_ValueError, "empty separator");
        return NULL;
    }
    ssize_t n = SP_STR_LENGTH(self);
    ssize_t r = find_in(self, sep, 0, n, reverse ? -1 : 1);
    if (r == -2) {
        return NULL;
    }
    SpObject *a, *b, *c;
    if (r < 0) {
        SpObject *whole = self_or_copy(self);
        if (whole == NULL) {
            return NULL;
        }
        a = reverse ? sp_newref(sp_str_empty) : whole;
        b = sp_newref(sp_str_empty);
        c = reverse ? whole : sp_newref(sp_str_empty);
    } else {
        a = sp_str_substring(self, 0, r);
        b = sp_newref(sep);
        c = sp_str_substring(self, r + SP_STR_LENGTH(sep), n);
        if (SP_STR_CHECK_EXACT(sep) == 0) {
            SP_SETREF(b, self_or_copy(sep));
        }
        if (a == NULL || b == NULL || c == NULL) {
            SP_XDECREF(a);
            SP_XDECREF(b);
            SP_XDECREF(c);
            return NULL;
        }
    }
    SpObject *items[3] = {a, b, c};
    return sp_tuple_from_array_steal(items, 3);
}

static SpObject *str_partition(SpObject *self, SpObject *sep) {
    return partition_common(self, sep, 0);
}
static SpObject *str_rpartition(SpObject *self, SpObject *sep) {
    return partition_common(self, sep, 1);
}

// =============================================================================
// join
// =============================================================================

// join measures first (total length and widest storage class), allocates
// the result once and copies; 1-byte inputs are plain memcpy. A single exact
// str item is returned as is, as CPython does.
SpObject *sp_str_join(SpObject *sep, SpObject *iterable) {
    SpObject *keep = NULL;
    ssize_t n;
    // A list or tuple is read in place; any other iterable is materialised
    // first (keep owns it), because join needs two passes over the items.
    SpObject *const *items = sp_sequence_fast(iterable, &n, &keep, "can only join an iterable");
    if (items == NULL) {
        return NULL;
    }
    SpObject *result = NULL;
    if (n == 0) {
        result = sp_newref(sp_str_empty);
        goto done;
    }
    // "".join([s]) is s: no copy for a single exact str (CPython does the same;
    // a str subclass item still yields a new exact str).
    if (n == 1 && SP_STR_CHECK_EXACT(items[0])) {
        result = sp_newref(items[0]);
        goto done;
    }
    ssize_t seplen = SP_STR_LENGTH(sep), total = 0;
    // cls is the widest storage class among the inputs: by PEP 393 the result
    // must be stored in the narrowest kind that fits all its characters, and
    // since each input is already in its narrowest form the maximum is exact.
    // The separator only counts when it is actually used (n > 1).
    SpUCS4 cls = n > 1 ? sp_str_class(sep) : 0x7F;
    for (ssize_t i = 0; i < n; i++) {
        SpObject *s = items[i];
        if (!SP_STR_CHECK(s)) {
            sp_err_format(&SpExc_TypeError, "sequence item %zd: expected str instance, %.80s found",
                          i, sp_object_type_name(s));
            goto done;
        }
        ssize_t add = SP_STR_LENGTH(s) + (i ? seplen : 0);
        // Overflow-safe length accumulation, CPython's message.
        if (total > SSIZE_MAX - add) {
            sp_err_set_string(&SpExc_OverflowError,
                              "join() result is too long for a Python string");
            goto done;
        }
        total += add;
        SpUCS4 c = sp_str_class(s);
        if (c > cls) {
            cls = c;
        }
    }
    if (total <= 1) {
        // "" or one character: go through the shared objects.
        SpStrWriter w;
        sp_str_writer_init(&w);
        for (ssize_t i = 0; i < n; i++) {
            if ((i && sp_str_writer_write_str(&w, sep) < 0) ||
                sp_str_writer_write_str(&w, items[i]) < 0) {
                sp_str_writer_discard(&w);
                goto done;
            }
        }
        result = sp_str_writer_finish(&w);
        goto done;
    }
    result = sp_str_new(total, cls);
    if (result == NULL) {
        goto done;
    }
    int kind = SP_STR_KIND(result);
    char *out = SP_STR_DATA(result);
    ssize_t pos = 0;
    if (kind == 1 && (seplen == 0 || SP_STR_KIND(sep) == 1)) {
        // Every input is 1-byte: plain memcpy.
        const char *sd = SP_STR_DATA(sep);
        for (ssize_t i = 0; i < n; i++) {
            if (i && seplen) {
                if (seplen == 1) {
                    out[pos] = sd[0];
                } else {
                    memcpy(out + pos, sd, (size_t)seplen);
                }
                pos += seplen;
            }
            ssize_t l = SP_STR_LENGTH(items[i]);
            memcpy(out + pos, SP_STR_DATA(items[i]), (size_t)l);
            pos += l;
        }
    } else {
        for (ssize_t i = 0; i < n; i++) {
            if (i && seplen) {
                sp_str_copy_chars(kind, out, pos, SP_STR_KIND(sep), SP_STR_DATA(sep), 0, seplen);
                pos += seplen;
            }
            SpObject *s = items[i];
            sp_str_copy_chars(kind, out, pos, SP_STR_KIND(s), SP_STR_DATA(s), 0, SP_STR_LENGTH(s));
            pos += SP_STR_LENGTH(s);
        }
    }
done:
    SP_XDECREF(keep);
    return result;
}

static SpObject *str_join_meth(SpObject *self, SpObject *iterable) {
    return sp_str_join(self, iterable);
}

// =============================================================================
// strip, lstrip, rstrip
// =============================================================================

enum { STRIP_LEFT = 1, STRIP_RIGHT = 2, STRIP_BOTH = 3 };

static int char_in(SpObject *chars, SpUCS4 c) {
    int k = SP_STR_KIND(chars);
    const void *d = SP_STR_DATA(chars);
    for (ssize_t i = 0; i < SP_STR_LENGTH(chars); i++) {
        if (sp_str_read(k, d, i) == c) {
            return 1;
        }
    }
    return 0;
}

// strip family: with no argument strip Unicode whitespace; with a str strip
// any of its characters.
static SpObject *strip_common(const char *name, SpObject *self, SpObject *const *args,
                              ssize_t nargs, SpObject *kwnames, int how) {
    if (check_no_kw(name, kwnames) < 0 || check_args_clinic(name, nargs, 0, 1) < 0) {
        return NULL;
    }
    SpObject *chars = nargs > 0 ? args[0] : NULL;
    if (chars == sp_None) {
        chars = NULL;
    }
    if (chars != NULL && !SP_STR_CHECK(chars)) {
        return sp_err_format(&SpExc_TypeError, "%s arg must be None or str", name);
    }
    ssize_t n = SP_STR_LENGTH(self), i = 0, j = n;
    int kind = SP_STR_KIND(self);
    const void *d = SP_STR_DATA(self);
    if (chars == NULL) {
        if (how & STRIP_LEFT) {
            while (i < j && is_space_c(kind, d, i)) {
                i++;
            }
        }
        if (how & STRIP_RIGHT) {
            while (j > i && is_space_c(kind, d, j - 1)) {
                j--;
            }
        }
    } else {
        // A bitmap answers membership for Latin-1 characters in O(1).
        uint32_t map[8] = {0};
        int wide = 0;
        for (ssize_t k = 0; k < SP_STR_LENGTH(chars); k++) {
            SpUCS4 c = SP_STR_READ_CHAR(chars, k);
            if (c < 256) {
                map[c >> 5] |= 1u << (c & 31);
            } else {
                wide = 1;
            }
        }
#define SP_IN_SET(c) ((c) < 256 ? (map[(c) >> 5] >> ((c) & 31)) & 1 : wide && char_in(chars, (c)))
        if (how & STRIP_LEFT) {
            while (i < j) {
                SpUCS4 c = sp_str_read(kind, d, i);
                if (!SP_IN_SET(c)) {
                    break;
                }
                i++;
            }
        }
        if (how & STRIP_RIGHT) {
            while (j > i) {
                SpUCS4 c = sp_str_read(kind, d, j - 1);
                if (!SP_IN_SET(c)) {
                    break;
                }
                j--;
            }
        }
#undef SP_IN_SET
    }
    return sp_str_substring(self, i, j);
}

static SpObject *str_strip(SpObject *self, SpObject *const *args, ssize_t nargs, SpObject *kw) {
    return strip_common("strip", self, args, nargs, kw, STRIP_BOTH);
}
static SpObject *str_lstrip(SpObject *self, SpObject *const *args, ssize_t nargs, SpObject *kw) {
    return strip_common("lstrip", self, args, nargs, kw, STRIP_LEFT);
}
static SpObject *str_rstrip(SpObject *self, SpObject *const *args, ssize_t nargs, SpObject *kw) {
    return strip_common("rstrip", self, args, nargs, kw, STRIP_RIGHT);
}

static SpObject *str_removeprefix(SpObject *self, SpObject *prefix) {
    if (!SP_STR_CHECK(prefix)) {
        return sp_err_format(&SpExc_TypeError, "removeprefix() argument must be str, not %.100s",
                             sp_object_type_name(prefix));
    }
    ssize_t n = SP_STR_LENGTH(self);
    if (tail_match(self, prefix, 0, n, 0)) {
        return sp_str_substring(self, SP_STR_LENGTH(prefix), n);
    }
    return self_or_copy(self);
}

static SpObject *str_removesuffix(SpObject *self, SpObject *suffix) {
    if (!SP_STR_CHECK(suffix)) {
        return sp_err_format(&SpExc_TypeError, "removesuffix() argument must be str, not %.100s",
                             sp_object_type_name(suffix));
    }
    ssize_t n = SP_STR_LENGTH(self), m = SP_STR_LENGTH(suffix);
    if (m > 0 && tail_match(self, suffix, 0, n, 1)) {
        return sp_str_substring(self, 0, n - m);
    }
    return self_or_copy(self);
}

// =============================================================================
// replace
// =============================================================================

// replace(old, new[, count]). An empty `old` inserts `new` between all
// characters. The general case appends the unchanged runs and the
// replacement to a writer, which keeps the result in its narrowest form
// even when `old` held the only wide characters.
static SpObject *str_replace(SpObject *self, SpObject *const *args, ssize_t nargs,
                             SpObject *kwnames) {
    if (check_no_kw("replace", kwnames) < 0 || check_args_clinic("replace", nargs, 2, 3) < 0) {
        return NULL;
    }
    SpObject *old = args[0], *new = args[1];
    for (int a = 0; a < 2; a++) {
        if (!SP_STR_CHECK(args[a])) {
            return sp_err_format(&SpExc_TypeError, "replace() argument %d must be str, not %.100s",
                                 a + 1, sp_object_type_name(args[a]));
        }
    }
    ssize_t count = -1;
    if (nargs > 2 && ssize_arg(args[2], &count) < 0) {
        return NULL;
    }
    if (count < 0) {
        count = SSIZE_MAX;
    }
    ssize_t n = SP_STR_LENGTH(self), m = SP_STR_LENGTH(old), nl = SP_STR_LENGTH(new);
    int kind = SP_STR_KIND(self);
    // Nothing can change: no replacements allowed, old longer than self or
    // wider than any of its characters, or "" replaced by "".
    if (count == 0 || m > n || SP_STR_KIND(old) > kind || (m == 0 && nl == 0)) {
        return self_or_copy(self);
    }
    SpStrWriter w;
    sp_str_writer_init(&w);
    if (m == 0) {
        // Insert `new` before every character and at the end.
        ssize_t i = 0;
        for (; i < n && count > 0; i++, count--) {
            if (sp_str_writer_write_str(&w, new) < 0 ||
                sp_str_writer_write_substring(&w, self, i, i + 1) < 0) {
                goto error;
            }
        }
        if (count > 0) {
            if (sp_str_writer_write_str(&w, new) < 0) {
                goto error;
            }
        }
        if (sp_str_writer_write_substring(&w, self, i, n) < 0) {
            goto error;
        }
        return sp_str_writer_finish(&w);
    }
    void *buf;
    const void *nd = needle_in_kind(old, kind, &buf);
    if (nd == NULL) {
        return NULL;
    }
    const char *d = SP_STR_DATA(self);
    ssize_t i = 0, found = 0;
    // Same kind and equal length on both sides of a 1-byte string: a
    // character-for-character swap of the copy, the fast common case.
    if (m == nl && kind == 1 && SP_STR_KIND(new) == 1 &&
        sp_str_class(new) <= sp_str_class(self)) {
        SpObject *r = NULL;
        while (found < count) {
            ssize_t p = sp_str_search(1, d + i, n - i, nd, m, 1);
            if (p < 0) {
                break;
            }
            // The copy is made lazily at the first match: with no match the result
            // is self_or_copy(self) and no scratch string is made.
            if (r == NULL) {
                r = sp_str_new(n, sp_str_class(self));
                if (r == NULL) {
                    sp_mem_free(buf);
                    return NULL;
                }
                memcpy(SP_STR_DATA(r), d, (size_t)n);
            }
            memcpy((char *)SP_STR_DATA(r) + i + p, SP_STR_DATA(new), (size_t)m);
            i += p + m;
            found++;
        }
        sp_mem_free(buf);
        if (r == NULL) {
            return self_or_copy(self);
        }
        if (!SP_STR_IS_ASCII(r) && sp_str_find_class(1, SP_STR_DATA(r), n) < 0x80) {
            // The replacement removed every non-ASCII character.
            SpObject *a = sp_str_from_ascii(SP_STR_DATA(r), n);
            SP_DECREF(r);
            r = a;
        }
        return r;
    }
    while (found < count) {
        ssize_t p = sp_str_search(kind, d + i * kind, n - i, nd, m, 1);
        if (p < 0) {
            break;
        }
        if (sp_str_writer_write_substring(&w, self, i, i + p) < 0 ||
            sp_str_writer_write_str(&w, new) < 0) {
            sp_mem_free(buf);
            goto error;
        }
        i += p + m;
        found++;
    }
    sp_mem_free(buf);
    if (found == 0) {
        sp_str_writer_discard(&w);
        return self_or_copy(self);
    }
    if (sp_str_writer_write_substring(&w, self, i, n) < 0) {
        goto error;
    }
    return sp_str_writer_finish(&w);
error:
    sp_str_writer_discard(&w);
    return NULL;
}

// =============================================================================
// Padding: center, ljust, rjust, zfill, expandtabs
// =============================================================================

// The padded copy behind center/ljust/rjust/zfill: `left` and `right` fill
// characters around the text (negative counts mean none).
static SpObject *pad(SpObject *self, ssize_t left, ssize_t right, SpUCS4 fill) {
    ssize_t n = SP_STR_LENGTH(self);
    if (left < 0) {
        left = 0;
    }
    if (right < 0) {
        right = 0;
    }
    if (left == 0 && right == 0) {
        return self_or_copy(self);
    }
    SpUCS4 cls = sp_str_class(self), fc = sp_str_class_of(fill);
    SpObject *r = sp_str_new(left + n + right, cls > fc ? cls : fc);
    if (r == NULL) {
        return NULL;
    }
    int kind = SP_STR_KIND(r);
    void *d = SP_STR_DATA(r);
    if (kind == 1) {
        memset(d, (int)fill, (size_t)left);
        memset((char *)d + left + n, (int)fill, (size_t)right);
    } else {
        for (ssize_t i = 0; i < left; i++) {
            sp_str_write(kind, d, i, fill);
        }
        for (ssize_t i = 0; i < right; i++) {
            sp_str_write(kind, d, left + n + i, fill);
        }
    }
    sp_str_copy_chars(kind, d, left, SP_STR_KIND(self), SP_STR_DATA(self), 0, n);
    return r;
}

static int pad_args(const char *name, SpObject *const *args, ssize_t nargs, SpObject *kwnames,
                    ssize_t *width, SpUCS4 *fill) {
    if (check_no_kw(name, kwnames) < 0 || check_args_clinic(name, nargs, 1, 2) < 0) {
        return -1;
    }
    if (ssize_arg(args[0], width) < 0) {
        return -1;
    }
    *fill = ' ';
    if (nargs > 1) {
        SpObject *f = args[1];
        if (!SP_STR_CHECK(f)) {
            sp_err_format(&SpExc_TypeError,
                          "%s() argument 2 must be a unicode character, not %.50s", name,
                          sp_object_type_name(f));
            return -1;
        }
        if (SP_STR_LENGTH(f) != 1) {
            sp_err_set_string(&SpExc_TypeError,
                              "The fill character must be exactly one character long");
            return -1;
        }
        *fill = SP_STR_READ_CHAR(f, 0);
    }
    return 0;
}

static SpObject *str_center(SpObject *self, SpObject *const *args, ssize_t nargs, SpObject *kw) {
    ssize_t width;
    SpUCS4 fill;
    if (pad_args("center", args, nargs, kw, &width, &fill) < 0) {
        return NULL;
    }
    ssize_t n = SP_STR_LENGTH(self);
    if (width <= n) {
        return self_or_copy(self);
    }
    ssize_t marg = width - n;
    // CPython's rounding: the extra space goes left when both are odd.
    ssize_t left = marg / 2 + (marg & width & 1);
    return pad(self, left, marg - left, fill);
}

static SpObject *str_ljust(SpObject *self, SpObject *const *args, ssize_t nargs, SpObject *kw) {
    ssize_t width;
    SpUCS4 fill;
    if (pad_args("ljust", args, nargs, kw, &width, &fill) < 0) {
        return NULL;
    }
    return pad(self, 0, width - SP_STR_LENGTH(self), fill);
}

static SpObject *str_rjust(SpObject *self, SpObject *const *args, ssize_t nargs, SpObject *kw) {
    ssize_t width;
    SpUCS4 fill;
    if (pad_args("rjust", args, nargs, kw, &width, &fill) < 0) {
        return NULL;
    }
    return pad(self, width - SP_STR_LENGTH(self), 0, fill);
}

// zfill pads with zeros on the left, keeping a leading sign in front.
static SpObject *str_zfill(SpObject *self, SpObject *arg) {
    ssize_t width;
    if (ssize_arg(arg, &width) < 0) {
        return NULL;
    }
    ssize_t n = SP_STR_LENGTH(self);
    if (width <= n) {
        return self_or_copy(self);
    }
    SpObject *r = pad(self, width - n, 0, '0');
    if (r == NULL) {
        return NULL;
    }
    // A sign moves in front of the zeros.
    int kind = SP_STR_KIND(r);
    void *d = SP_STR_DATA(r);
    SpUCS4 first = sp_str_read(kind, d, width - n);
    if (n > 0 && (first == '+' || first == '-')) {
        sp_str_write(kind, d, 0, first);
        sp_str_write(kind, d, width - n, '0');
    }
    return r;
}

// Tabs advance to the next multiple of tabsize; \n and \r reset the column.
static SpObject *str_expandtabs(SpObject *self, SpObject *const *args, ssize_t nargs,
                                SpObject *kwnames) {
    static const char *const names[] = {"tabsize", NULL};
    SpObject *vals[1] = {NULL};
    if (sp_arg_parse_kw("expandtabs", args, nargs, kwnames, names, vals, 0) < 0) {
        return NULL;
    }
    ssize_t tab = 8;
    if (vals[0] != NULL && ssize_arg(vals[0], &tab) < 0) {
        return NULL;
    }
    ssize_t n = SP_STR_LENGTH(self);
    int kind = SP_STR_KIND(self);
    const void *d = SP_STR_DATA(self);
    if (kind == 1 && memchr(d, '\t', (size_t)n) == NULL) {
        return self_or_copy(self);
    }
    SpStrWriter w;
    sp_str_writer_init(&w);
    ssize_t col = 0, start = 0;
    for (ssize_t i = 0; i < n; i++) {
        SpUCS4 c = sp_str_read(kind, d, i);
        if (c == '\t') {
            if (sp_str_writer_write_substring(&w, self, start, i) < 0) {
                goto error;
            }
            start = i + 1;
            if (tab > 0) {
                ssize_t spaces = tab - col % tab;
                if (sp_str_writer_fill(&w, ' ', spaces) < 0) {
                    goto error;
                }
                col += spaces;
            }
        } else {
            col++;
            if (c == '\n' || c == '\r') {
                col = 0;
            }
        }
    }
    if (sp_str_writer_write_substring(&w, self, start, n) < 0) {
        goto error;
    }
    return sp_str_writer_finish(&w);
error:
    sp_str_writer_discard(&w);
    return NULL;
}

// =============================================================================
// translate, maketrans
// =============================================================================

// Look up the translation of c: NULL with no exception means "unmapped",
// sp_None "delete", else a str (new reference). -1 on error.
static int translate_lookup(SpObject *table, SpUCS4 c, SpObject **out) {
    *out = NULL;
    SpObject *key = sp_int_from_long((long)c);
    if (key == NULL) {
        return -1;
    }
    SpObject *v = sp_object_getitem(table, key);
    SP_DECREF(key);
    if (v == NULL) {
        if (!sp_err_matches_type(&SpExc_LookupError)) {
            return -1;
        }
        sp_err_clear();
        return 0;
    }
    if (v == sp_None || SP_STR_CHECK(v)) {
        *out = v;
        return 0;
    }
    if (SP_INT_CHECK(v)) {
        long x = sp_int_as_long(v);
        SP_DECREF(v);
        if (x == -1 && sp_err_occurred()) {
            return -1;
        }
        if (x < 0 || x > 0x10FFFF) {
            sp_err_set_string(&SpExc_ValueError, "character mapping must be in range(0x110000)");
            return -1;
        }
        *out = sp_str_from_ordinal((SpUCS4)x);
        return *out == NULL ? -1 : 0;
    }
    SP_DECREF(v);
    sp_err_set_string(&SpExc_TypeError, "character mapping must return integer, None or str");
    return -1;
}

// translate looks every character up in `table` (any mapping, via
// __getitem__); LookupError means "keep". Lookups of Latin-1 characters are
// cached for the duration of the call, since text repeats characters.
static SpObject *str_translate(SpObject *self, SpObject *table) {
    ssize_t n = SP_STR_LENGTH(self);
    int kind = SP_STR_KIND(self);
    const void *d = SP_STR_DATA(self);
    SpStrWriter w;
    sp_str_writer_init(&w);
    // Latin-1 characters are looked up once: cache[c] holds the answer
    // (owned) once known[c] is set; NULL there means "keep c".
    SpObject *cache[256];
    unsigned char known[256];
    memset(known, 0, sizeof known);
    SpObject *result = NULL;
    for (ssize_t i = 0; i < n; i++) {
        SpUCS4 c = sp_str_read(kind, d, i);
        SpObject *rep;
        if (c < 256 && known[c]) {
            rep = cache[c];
        } else {
            if (translate_lookup(table, c, &rep) < 0) {
                goto done;
            }
            if (c < 256) {
                known[c] = 1;
                cache[c] = rep;
            }
        }
        int rc = 0;
        if (rep == NULL) {
            rc = sp_str_writer_write_char(&w, c);
        } else if (rep != sp_None) {
            rc = sp_str_writer_write_str(&w, rep);
        }
        if (c >= 256) {
            SP_XDECREF(rep);
        }
        if (rc < 0) {
            goto done;
        }
    }
    result = sp_str_writer_finish(&w);
done:
    for (int c = 0; c < 256; c++) {
        if (known[c]) {
            SP_XDECREF(cache[c]);
        }
    }
    if (result == NULL) {
        sp_str_writer_discard(&w);
    }
    return result;
}

// str.maketrans(dict) normalises keys to ordinals; maketrans(x, y[, z])
// maps x[i] to y[i] and every character of z to None.
static SpObject *str_maketrans(SpObject *unused, SpObject *const *args, ssize_t nargs,
                               SpObject *kwnames) {
    if (check_no_kw("maketrans", kwnames) < 0 ||
        check_args_clinic("maketrans", nargs, 1, 3) < 0) {
        return NULL;
    }
    SpObject *x = args[0], *y = nargs > 1 ? args[1] : NULL, *z = nargs > 2 ? args[2] : NULL;
    SpObject *d = sp_dict_new();
    if (d == NULL) {
        return NULL;
    }
    if (y == NULL) {
        if (!SP_DICT_CHECK(x)) {
            sp_err_set_string(&SpExc_TypeError,
                              "if you give only one argument to maketrans it must be a dict");
            goto error;
        }
        ssize_t pos = 0;
        SpObject *k, *v;
        while (sp_dict_next(x, &pos, &k, &v)) {
            SpObject *key;
            if (SP_STR_CHECK(k)) {
                if (SP_STR_LENGTH(k) != 1) {
                    sp_err_set_string(&SpExc_ValueError,
                                      "string keys in translate table must be of length 1");
                    goto error;
                }
                key = sp_int_from_long((long)SP_STR_READ_CHAR(k, 0));
            } else if (SP_INT_CHECK(k)) {
                key = sp_newref(k);
            } else {
                sp_err_set_string(&SpExc_TypeError,
                                  "keys in translate table must be strings or integers");
                goto error;
            }
            if (key == NULL || sp_dict_setitem(d, key, v) < 0) {
                SP_XDECREF(key);
                goto error;
            }
            SP_DECREF(key);
        }
        return d;
    }
    if (!SP_STR_CHECK(x)) {
        sp_err_format(&SpExc_TypeError,
                      "first maketrans argument must be a string if there is a second argument");
        goto error;
    }
    if (!SP_STR_CHECK(y)) {
        sp_err_format(&SpExc_TypeError, "maketrans() argument 2 must be str, not %.50s",
                      sp_object_type_name(y));
        goto error;
    }
    if (z != NULL && !SP_STR_CHECK(z)) {
        sp_err_format(&SpExc_TypeError, "maketrans() argument 3 must be str, not %.50s",
                      sp_object_type_name(z));
        goto error;
    }
    if (SP_STR_LENGTH(x) != SP_STR_LENGTH(y)) {
        sp_err_set_string(&SpExc_ValueError,
                          "the first two maketrans arguments must have equal length");
        goto error;
    }
    for (ssize_t i = 0; i < SP_STR_LENGTH(x); i++) {
        SpObject *k = sp_int_from_long((long)SP_STR_READ_CHAR(x, i));
        SpObject *v = sp_int_from_long((long)SP_STR_READ_CHAR(y, i));
        int rc = (k && v) ? sp_dict_setitem(d, k, v) : -1;
        SP_XDECREF(k);
        SP_XDECREF(v);
        if (rc < 0) {
            goto error;
        }
    }
    for (ssize_t i = 0; z != NULL && i < SP_STR_LENGTH(z); i++) {
        SpObject *k = sp_int_from_long((long)SP_STR_READ_CHAR(z, i));
        int rc = k ? sp_dict_setitem(d, k, sp_None) : -1;
        SP_XDECREF(k);
        if (rc < 0) {
            goto error;
        }
    }
    return d;
error:
    SP_DECREF(d);
    return NULL;
}

// =============================================================================
// encode, format, misc dunders
// =============================================================================

static SpObject *str_encode(SpObject *self, SpObject *const *args, ssize_t nargs,
                            SpObject *kwnames) {
    static const char *const names[] = {"encoding", "errors", NULL};
    SpObject *vals[2] = {NULL, NULL};
    if (sp_arg_parse_kw("encode", args, nargs, kwnames, names, vals, 0) < 0) {
        return NULL;
    }
    const char *enc = NULL, *err = NULL;
    for (int i = 0; i < 2; i++) {
        if (vals[i] == NULL) {
            continue;
        }
        if (!SP_STR_CHECK(vals[i])) {
            return sp_err_format(&SpExc_TypeError, "encode() argument '%s' must be str, not %.50s",
                                 names[i], sp_object_type_name(vals[i]));
        }
        const char *s = sp_str_as_utf8(vals[i], NULL);
        if (s == NULL) {
            return NULL;
        }
        if (i == 0) {
            enc = s;
        } else {
            err = s;
        }
    }
    return sp_str_encode(self, enc, err);
}

static SpObject *str_format(SpObject *self, SpObject *args, SpObject *kwargs) {
    return sp_str_format_method(self, args, kwargs);
}

static SpObject *str_format_map(SpObject *self, SpObject *mapping) {
    SpObject *args = sp_tuple_new(0);
    if (args == NULL) {
        return NULL;
    }
    SpObject *r = sp_str_format_method(self, args, mapping);
    SP_DECREF(args);
    return r;
}

static SpObject *str_dunder_format(SpObject *self, SpObject *spec) {
    if (!SP_STR_CHECK(spec)) {
        return sp_err_format(&SpExc_TypeError, "__format__() argument must be str, not %.50s",
                             sp_object_type_name(spec));
    }
    return sp_str_format_spec(self, spec);
}

// sys.getsizeof(s) as CPython 3.11 reports it: the header plus the
// characters and the NUL. The cached UTF-8 form is left out, because
// CPython's printing never creates one, so sizes stay stable after print().
static SpObject *str_sizeof(SpObject *self, SpObject *unused) {
    ssize_t n = SP_STR_LENGTH(self);
    ssize_t size = SP_STR_IS_ASCII(self) ? SP_STR_ASCII_HEADER + n + 1
                                         : SP_STR_COMPACT_HEADER + (n + 1) * SP_STR_KIND(self);
    return sp_int_from_ssize(size);
}

static SpObject *str_getnewargs(SpObject *self, SpObject *unused) {
    SpObject *copy = sp_str_from_kind_and_data(SP_STR_KIND(self), SP_STR_DATA(self),
                                               SP_STR_LENGTH(self));
    if (copy == NULL) {
        return NULL;
    }
    SpObject *items[1] = {copy};
    return sp_tuple_from_array_steal(items, 1);
}

// =============================================================================
// The method table
// =============================================================================

#define FAST SP_METH_FASTCALL
SpMethodDef sp_str_methods[] = {
    {"encode", SP_METH(str_encode), FAST,
     "Encode the string using the codec registered for encoding."},
    {"replace", SP_METH(str_replace), FAST,
     "Return a copy with all occurrences of substring old replaced by new."},
    {"split", SP_METH(str_split), FAST,
     "Return a list of the substrings in the string, using sep as the separator string."},
    {"rsplit", SP_METH(str_rsplit), FAST,
     "Return a list of the substrings in the string, using sep as the separator string."},
    {"join", SP_METH(str_join_meth), SP_METH_O, "Concatenate any number of strings."},
    {"capitalize", SP_METH(sp_str_capitalize), SP_METH_NOARGS,
     "Return a capitalized version of the string."},
    {"casefold", SP_METH(sp_str_casefold), SP_METH_NOARGS,
     "Return a version of the string suitable for caseless comparisons."},
    {"title", SP_METH(sp_str_title), SP_METH_NOARGS,
     "Return a version of the string where each word is titlecased."},
    {"center", SP_METH(str_center), FAST, "Return a centered string of length width."},
    {"count", SP_METH(str_count), FAST,
     "Return the number of non-overlapping occurrences of substring sub."},
    {"expandtabs", SP_METH(str_expandtabs), FAST,
     "Return a copy where all tab characters are expanded using spaces."},
    {"find", SP_METH(str_find), FAST, "Return the lowest index in S where substring sub is found."},
    {"partition", SP_METH(str_partition), SP_METH_O,
     "Partition the string into three parts using the given separator."},
    {"index", SP_METH(str_index), FAST,
     "Return the lowest index in S where substring sub is found."},
    {"ljust", SP_METH(str_ljust), FAST, "Return a left-justified string of length width."},
    {"lower", SP_METH(sp_str_lower), SP_METH_NOARGS,
     "Return a copy of the string converted to lowercase."},
    {"lstrip", SP_METH(str_lstrip), FAST,
     "Return a copy of the string with leading whitespace removed."},
    {"rfind", SP_METH(str_rfind), FAST,
     "Return the highest index in S where substring sub is found."},
    {"rindex", SP_METH(str_rindex), FAST,
     "Return the highest index in S where substring sub is found."},
    {"rjust", SP_METH(str_rjust), FAST, "Return a right-justified string of length width."},
    {"rstrip", SP_METH(str_rstrip), FAST,
     "Return a copy of the string with trailing whitespace removed."},
    {"rpartition", SP_METH(str_rpartition), SP_METH_O,
     "Partition the string into three parts using the given separator."},
    {"splitlines", SP_METH(str_splitlines), FAST,
     "Return a list of the lines in the string, breaking at line boundaries."},
    {"strip", SP_METH(str_strip), FAST,
     "Return a copy of the string with leading and trailing whitespace removed."},
    {"swapcase", SP_METH(sp_str_swapcase), SP_METH_NOARGS,
     "Convert uppercase characters to lowercase and lowercase characters to uppercase."},
    {"translate", SP_METH(str_translate), SP_METH_O,
     "Replace each character in the string using the given translation table."},
    {"upper", SP_METH(sp_str_upper), SP_METH_NOARGS,
     "Return a copy of the string converted to uppercase."},
    {"startswith", SP_METH(str_startswith), FAST,
     "Return True if S starts with the specified prefix, False otherwise."},
    {"endswith", SP_METH(str_endswith), FAST,
     "Return True if S ends with the specified suffix, False otherwise."},
    {"removeprefix", SP_METH(str_removeprefix), SP_METH_O,
     "Return a str with the given prefix string removed if present."},
    {"removesuffix", SP_METH(str_removesuffix), SP_METH_O,
     "Return a str with the given suffix string removed if present."},
    {"isascii", SP_METH(sp_str_isascii), SP_METH_NOARGS,
     "Return True if all characters in the string are ASCII, False otherwise."},
    {"islower", SP_METH(sp_str_islower), SP_METH_NOARGS,
     "Return True if the string is a lowercase string, False otherwise."},
    {"isupper", SP_METH(sp_str_isupper), SP_METH_NOARGS,
     "Return True if the string is an uppercase string, False otherwise."},
    {"istitle", SP_METH(sp_str_istitle), SP_METH_NOARGS,
     "Return True if the string is a title-cased string, False otherwise."},
    {"isspace", SP_METH(sp_str_isspace), SP_METH_NOARGS,
     "Return True if the string is a whitespace string, False otherwise."},
    {"isdecimal", SP_METH(sp_str_isdecimal), SP_METH_NOARGS,
     "Return True if the string is a decimal string, False otherwise."},
    {"isdigit", SP_METH(sp_str_isdigit), SP_METH_NOARGS,
     "Return True if the string is a digit string, False otherwise."},
    {"isnumeric", SP_METH(sp_str_isnumeric), SP_METH_NOARGS,
     "Return True if the string is a numeric string, False otherwise."},
    {"isalpha", SP_METH(sp_str_isalpha), SP_METH_NOARGS,
     "Return True if the string is an alphabetic string, False otherwise."},
    {"isalnum", SP_METH(sp_str_isalnum), SP_METH_NOARGS,
     "Return True if the string is an alpha-numeric string, False otherwise."},
    {"isidentifier", SP_METH(sp_str_isidentifier_meth), SP_METH_NOARGS,
     "Return True if the string is a valid Python identifier, False otherwise."},
    {"isprintable", SP_METH(sp_str_isprintable), SP_METH_NOARGS,
     "Return True if the string is printable, False otherwise."},
    {"zfill", SP_METH(str_zfill), SP_METH_O,
     "Pad a numeric string with zeros on the left, to fill a field of the given width."},
    {"format", SP_METH(str_format), SP_METH_VARARGS,
     "Return a formatted version of S, using substitutions from args and kwargs."},
    {"format_map", SP_METH(str_format_map), SP_METH_O,
     "Return a formatted version of S, using substitutions from mapping."},
    {"__format__", SP_METH(str_dunder_format), SP_METH_O,
     "Return a formatted version of the string as described by format_spec."},
    {"maketrans", SP_METH(str_maketrans), FAST | SP_METH_STATIC,
     "Return a translation table usable for str.translate()."},
    {"__sizeof__", SP_METH(str_sizeof), SP_METH_NOARGS,
     "Return the size of the string in memory, in bytes."},
    {"__getnewargs__", SP_METH(str_getnewargs), SP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};
#undef FAST
