// smallpy: str case mapping (lower, upper, title, capitalize, swapcase,
// casefold) with full Unicode mappings and the final-sigma rule, and the
// character-class predicates (isalpha, isdigit, ..., isidentifier). The
// data comes from str_ucd.c; ASCII strings take byte-loop fast paths.
// Counterpart: CPython 3.11 Objects/unicodeobject.c (do_upper, do_title,
// unicode_isalpha_impl, ...), Objects/unicodectype.c.
#include <string.h>

#include "core/err.h"
#include "core/mem.h"
#include "objects/int.h"
#include "objects/str_internal.h"

// =============================================================================
// Case mapping
// =============================================================================

enum { CASE_LOWER, CASE_UPPER, CASE_TITLE, CASE_CAPITALIZE, CASE_SWAP, CASE_FOLD };

static inline int ascii_lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }
static inline int ascii_upper(int c) { return c >= 'a' && c <= 'z' ? c - 32 : c; }
static inline int ascii_is_lower(int c) { return c >= 'a' && c <= 'z'; }
static inline int ascii_is_upper(int c) { return c >= 'A' && c <= 'Z'; }

// ASCII strings map to ASCII strings of the same length.
// For ASCII text every mapping stays within ASCII and keeps the length, so
// the result is built directly (casefold of ASCII is lower).
static SpObject *ascii_case(SpObject *self, int how) {
    ssize_t n = SP_STR_LENGTH(self);
    const unsigned char *s = SP_STR_DATA(self);
    if (n == 0) {
        return sp_newref(sp_str_empty);
    }
    SpObject *r = sp_str_new(n, 0x7F);
    if (r == NULL) {
        return NULL;
    }
    unsigned char *d = SP_STR_DATA(r);
    int prev_cased = 0;
    for (ssize_t i = 0; i < n; i++) {
        int c = s[i];
        switch (how) {
        case CASE_LOWER:
        case CASE_FOLD:
            c = ascii_lower(c);
            break;
        case CASE_UPPER:
            c = ascii_upper(c);
            break;
        case CASE_SWAP:
            c = ascii_is_upper(c) ? c + 32 : ascii_is_lower(c) ? c - 32 : c;
            break;
        case CASE_CAPITALIZE:
            c = i == 0 ? ascii_upper(c) : ascii_lower(c);
            break;
        default: {  // title
            int cased = ascii_is_lower(c) || ascii_is_upper(c);
            c = prev_cased ? ascii_lower(c) : ascii_upper(c);
            prev_cased = cased;
            break;
        }
        }
        d[i] = (unsigned char)c;
    }
    if (n == 1) {
        SpObject *shared = sp_newref(sp_str_latin1[d[0]]);
        SP_DECREF(r);
        return shared;
    }
    return r;
}

static inline int is_cased(SpUCS4 c) { return sp_ucd_has(c, SP_UCD_CASED); }
static inline int is_case_ignorable(SpUCS4 c) { return sp_ucd_has(c, SP_UCD_CASE_IGNORABLE); }

// Capital sigma lowers to final sigma (U+03C2) at the end of a word: after a
// cased letter and not before one, case-ignorable characters skipped.
static SpUCS4 lower_sigma(int kind, const void *d, ssize_t n, ssize_t i) {
    SpUCS4 c = 0;
    ssize_t j = i - 1;
    while (j >= 0) {
        c = sp_str_read(kind, d, j);
        if (!is_case_ignorable(c)) {
            break;
        }
        j--;
    }
    int final = j >= 0 && is_cased(c);
    if (final) {
        j = i + 1;
        while (j < n) {
            c = sp_str_read(kind, d, j);
            if (!is_case_ignorable(c)) {
                break;
            }
            j++;
        }
        final = j == n || !is_cased(c);
    }
    return final ? 0x3C2 : 0x3C3;
}

// Full lowercase of the character at i, with the sigma rule.
static int lower_at(int kind, const void *d, ssize_t n, ssize_t i, SpUCS4 *out) {
    SpUCS4 c = sp_str_read(kind, d, i);
    if (c == 0x3A3) {
        out[0] = lower_sigma(kind, d, n, i);
        return 1;
    }
    return sp_ucd_lower_full(c, out);
}

// The general case uses the full mappings of the Unicode database, which
// may change the length ("ß".upper() is "SS", "ﬁ".upper() "FI") and the
// storage class ("ÿ".upper() is U+0178), so the result goes through a
// writer. title() and capitalize() use title case for word starts (3.8+),
// which differs from upper case for digraphs such as "ǆ".
// Latin-1 tables of the simple mappings, made on first use from the
// database. Every Latin-1 character lowers within Latin-1; only µ, ß and ÿ
// upper-case (or fold) to something outside it or longer, so 1-byte text
// without those three maps a byte at a time.
static unsigned char latin1_map[4][256];  // lower, upper, title, fold
static unsigned char latin1_flags[256];   // 1 lower, 2 upper, 4 cased
static int latin1_ready;

static void latin1_init(void) {
    for (SpUCS4 c = 0; c < 256; c++) {
        SpUCS4 out[3];
        int (*const fns[4])(SpUCS4, SpUCS4 *) = {sp_ucd_lower_full, sp_ucd_upper_full,
                                                 sp_ucd_title_full, sp_ucd_fold_full};
        for (int m = 0; m < 4; m++) {
            int k = fns[m](c, out);
            latin1_map[m][c] = (unsigned char)(k == 1 && out[0] < 256 ? out[0] : c);
        }
        unsigned f = sp_ucd_flags(c);
        latin1_flags[c] = (unsigned char)(((f & SP_UCD_LOWER) ? 1 : 0) |
                                          ((f & SP_UCD_UPPER) ? 2 : 0) |
                                          ((f & SP_UCD_CASED) ? 4 : 0));
    }
    latin1_ready = 1;
}

static SpObject *latin1_case(SpObject *self, int how) {
    ssize_t n = SP_STR_LENGTH(self);
    const unsigned char *s = SP_STR_DATA(self);
    if (!latin1_ready) {
        latin1_init();
    }
    unsigned char small[256], *buf = n <= (ssize_t)sizeof small ? small : sp_mem_alloc((size_t)n);
    if (buf == NULL) {
        return sp_err_no_memory();
    }
    int prev_cased = 0;
    for (ssize_t i = 0; i < n; i++) {
        unsigned c = s[i], f = latin1_flags[c], r;
        switch (how) {
        case CASE_LOWER: r = latin1_map[0][c]; break;
        case CASE_UPPER: r = latin1_map[1][c]; break;
        case CASE_FOLD: r = latin1_map[3][c]; break;
        case CASE_SWAP: r = (f & 2) ? latin1_map[0][c] : (f & 1) ? latin1_map[1][c] : c; break;
        case CASE_CAPITALIZE: r = latin1_map[i == 0 ? 2 : 0][c]; break;
        default:
            r = latin1_map[prev_cased ? 0 : 2][c];
            prev_cased = (f & 4) != 0;
            break;
        }
        buf[i] = (unsigned char)r;
    }
    SpObject *res = sp_str_from_kind_and_data(1, buf, n);
    if (buf != small) {
        sp_mem_free(buf);
    }
    return res;
}

static SpObject *case_convert(SpObject *self, int how) {
    if (SP_STR_IS_ASCII(self)) {
        return ascii_case(self, how);
    }
    if (SP_STR_KIND(self) == 1) {
        // µ, ß and ÿ need the general path except when lowering.
        const char *d = SP_STR_DATA(self);
        size_t n = (size_t)SP_STR_LENGTH(self);
        if (how == CASE_LOWER ||
            (!memchr(d, 0xB5, n) && !memchr(d, 0xDF, n) && !memchr(d, 0xFF, n))) {
            return latin1_case(self, how);
        }
    }
    ssize_t n = SP_STR_LENGTH(self);
    int kind = SP_STR_KIND(self);
    const void *d = SP_STR_DATA(self);
    SpStrWriter w;
    sp_str_writer_init(&w);
    if (sp_str_writer_prepare(&w, n, 0x7F) < 0) {
        return NULL;
    }
    int prev_cased = 0;
    for (ssize_t i = 0; i < n; i++) {
        SpUCS4 c = sp_str_read(kind, d, i), out[3];
        int k;
        switch (how) {
        case CASE_LOWER:
            k = lower_at(kind, d, n, i, out);
            break;
        case CASE_UPPER:
            k = sp_ucd_upper_full(c, out);
            break;
        case CASE_FOLD:
            k = sp_ucd_fold_full(c, out);
            break;
        case CASE_SWAP:
            if (sp_ucd_has(c, SP_UCD_UPPER)) {
                k = lower_at(kind, d, n, i, out);
            } else if (sp_ucd_has(c, SP_UCD_LOWER)) {
                k = sp_ucd_upper_full(c, out);
            } else {
                out[0] = c;
                k = 1;
            }
            break;
        case CASE_CAPITALIZE:
            k = i == 0 ? sp_ucd_title_full(c, out) : lower_at(kind, d, n, i, out);
            break;
        default:  // title
            k = prev_cased ? lower_at(kind, d, n, i, out) : sp_ucd_title_full(c, out);
            prev_cased = is_cased(c);
            break;
        }
        for (int j = 0; j < k; j++) {
            if (sp_str_writer_write_char(&w, out[j]) < 0) {
                sp_str_writer_discard(&w);
                return NULL;
            }
        }
    }
    return sp_str_writer_finish(&w);
}

SpObject *sp_str_lower(SpObject *self, SpObject *unused) { return case_convert(self, CASE_LOWER); }
SpObject *sp_str_upper(SpObject *self, SpObject *unused) { return case_convert(self, CASE_UPPER); }
SpObject *sp_str_title(SpObject *self, SpObject *unused) { return case_convert(self, CASE_TITLE); }
SpObject *sp_str_swapcase(SpObject *self, SpObject *unused) {
    return case_convert(self, CASE_SWAP);
}
SpObject *sp_str_casefold(SpObject *self, SpObject *unused) {
    return case_convert(self, CASE_FOLD);
}
SpObject *sp_str_capitalize(SpObject *self, SpObject *unused) {
    return case_convert(self, CASE_CAPITALIZE);
}

// =============================================================================
// Predicates
// =============================================================================

SpObject *sp_str_isascii(SpObject *self, SpObject *unused) {
    return sp_bool_from_long(SP_STR_IS_ASCII(self));
}

// True when the string is non-empty and every character has one of `flags`.
// isalpha, isdecimal, isdigit, isnumeric, isalnum: per-character classes
// from the database; the empty string is False for all of them.
static SpObject *all_have(SpObject *self, unsigned flags) {
    ssize_t n = SP_STR_LENGTH(self);
    int kind = SP_STR_KIND(self);
    const void *d = SP_STR_DATA(self);
    if (n == 0) {
        SP_RETURN_FALSE;
    }
    for (ssize_t i = 0; i < n; i++) {
        if (!(sp_ucd_flags(sp_str_read(kind, d, i)) & flags)) {
            SP_RETURN_FALSE;
        }
    }
    SP_RETURN_TRUE;
}

SpObject *sp_str_isalpha(SpObject *self, SpObject *unused) { return all_have(self, SP_UCD_ALPHA); }
SpObject *sp_str_isdecimal(SpObject *self, SpObject *unused) {
    return all_have(self, SP_UCD_DECIMAL);
}
SpObject *sp_str_isdigit(SpObject *self, SpObject *unused) { return all_have(self, SP_UCD_DIGIT); }
SpObject *sp_str_isnumeric(SpObject *self, SpObject *unused) {
    return all_have(self, SP_UCD_NUMERIC);
}
SpObject *sp_str_isalnum(SpObject *self, SpObject *unused) {
    return all_have(self, SP_UCD_ALPHA | SP_UCD_DECIMAL | SP_UCD_DIGIT | SP_UCD_NUMERIC);
}

SpObject *sp_str_isspace(SpObject *self, SpObject *unused) {
    ssize_t n = SP_STR_LENGTH(self);
    int kind = SP_STR_KIND(self);
    const void *d = SP_STR_DATA(self);
    if (n == 0) {
        SP_RETURN_FALSE;
    }
    for (ssize_t i = 0; i < n; i++) {
        if (!sp_ucd_isspace(sp_str_read(kind, d, i))) {
            SP_RETURN_FALSE;
        }
    }
    SP_RETURN_TRUE;
}

SpObject *sp_str_isprintable(SpObject *self, SpObject *unused) {
    ssize_t n = SP_STR_LENGTH(self);
    int kind = SP_STR_KIND(self);
    const void *d = SP_STR_DATA(self);
    for (ssize_t i = 0; i < n; i++) {
        if (!sp_ucd_isprintable(sp_str_read(kind, d, i))) {
            SP_RETURN_FALSE;
        }
    }
    SP_RETURN_TRUE;
}

// islower: no upper/title-case character and at least one lowercase one.
SpObject *sp_str_islower(SpObject *self, SpObject *unused) {
    ssize_t n = SP_STR_LENGTH(self);
    int kind = SP_STR_KIND(self);
    const void *d = SP_STR_DATA(self);
    int cased = 0;
    for (ssize_t i = 0; i < n; i++) {
        unsigned f = sp_ucd_flags(sp_str_read(kind, d, i));
        if (f & (SP_UCD_UPPER | SP_UCD_TITLE)) {
            SP_RETURN_FALSE;
        }
        if (f & SP_UCD_LOWER) {
            cased = 1;
        }
    }
    return sp_bool_from_long(cased);
}

SpObject *sp_str_isupper(SpObject *self, SpObject *unused) {
    ssize_t n = SP_STR_LENGTH(self);
    int kind = SP_STR_KIND(self);
    const void *d = SP_STR_DATA(self);
    int cased = 0;
    for (ssize_t i = 0; i < n; i++) {
        unsigned f = sp_ucd_flags(sp_str_read(kind, d, i));
        if (f & (SP_UCD_LOWER | SP_UCD_TITLE)) {
            SP_RETURN_FALSE;
        }
        if (f & SP_UCD_UPPER) {
            cased = 1;
        }
    }
    return sp_bool_from_long(cased);
}

// istitle: upper/title-case letters only after uncased characters, lower
// case only after cased ones, and at least one cased character.
SpObject *sp_str_istitle(SpObject *self, SpObject *unused) {
    ssize_t n = SP_STR_LENGTH(self);
    int kind = SP_STR_KIND(self);
    const void *d = SP_STR_DATA(self);
    int cased = 0, prev_cased = 0;
    for (ssize_t i = 0; i < n; i++) {
        unsigned f = sp_ucd_flags(sp_str_read(kind, d, i));
        if (f & (SP_UCD_UPPER | SP_UCD_TITLE)) {
            if (prev_cased) {
                SP_RETURN_FALSE;
            }
            prev_cased = cased = 1;
        } else if (f & SP_UCD_LOWER) {
            if (!prev_cased) {
                SP_RETURN_FALSE;
            }
            prev_cased = cased = 1;
        } else {
            prev_cased = 0;
        }
    }
    return sp_bool_from_long(cased);
}

int sp_str_isidentifier(SpObject *s) {
    ssize_t n = SP_STR_LENGTH(s);
    int kind = SP_STR_KIND(s);
    const void *d = SP_STR_DATA(s);
    if (n == 0) {
        return 0;
    }
    SpUCS4 c = sp_str_read(kind, d, 0);
    if (c != '_' && !sp_ucd_has(c, SP_UCD_XID_START)) {
        return 0;
    }
    for (ssize_t i = 1; i < n; i++) {
        if (!sp_ucd_has(sp_str_read(kind, d, i), SP_UCD_XID_CONTINUE)) {
            return 0;
        }
    }
    return 1;
}

SpObject *sp_str_isidentifier_meth(SpObject *self, SpObject *unused) {
    return sp_bool_from_long(sp_str_isidentifier(self));
}
