// smallpy: str core: the PEP 393 compact forms, creation from C data and
// UTF-8, the shared ""/one-character strings, interning, hashing, equality,
// the string writer, codecs (utf-8, ascii, latin-1) and sp_str_from_format.
// Type slots live in str_type.c, methods in str_methods.c.
// Counterpart: CPython 3.11 Objects/unicodeobject.c, Python/pyhash.c.
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "core/abstract.h"
#include "core/err.h"
#include "core/mem.h"
#include "objects/bytes.h"
#include "objects/exc.h"
#include "objects/int.h"
#include "objects/str_internal.h"
#include "objects/tuple.h"

_Static_assert(sizeof(SpASCIIObject) == 48, "ASCII str header is 48 bytes");
_Static_assert(sizeof(SpCompactStrObject) == 72, "compact str header is 72 bytes");
_Static_assert(offsetof(SpASCIIObject, length) == 16, "str length at 16");
_Static_assert(offsetof(SpASCIIObject, hash) == 24, "str hash at 24");
_Static_assert(offsetof(SpASCIIObject, state) == 32, "str state at 32");

SpObject *sp_str_latin1[256];
SpObject *sp_str_empty;
SpObject *sp_identifiers[SP_ID_COUNT_];

// =============================================================================
// Allocation and the compact forms
// =============================================================================

// Fill the header of a freshly allocated (zeroed) str.
static void str_init_header(SpObject *o, ssize_t length, int kind, int ascii) {
    SpASCIIObject *a = (SpASCIIObject *)o;
    a->length = length;
    a->hash = -1;
    a->state.interned = SP_STR_NOT_INTERNED;
    a->state.kind = (unsigned)kind;
    a->state.compact = 1;
    a->state.ascii = (unsigned)ascii;
    a->state.ready = 1;
    a->wstr = NULL;
}

SpObject *sp_str_new(ssize_t length, SpUCS4 maxchar) {
    int kind = 1, ascii = 0;
    ssize_t header = SP_STR_COMPACT_HEADER;
    if (length < 0) {
        return sp_err_bad_internal_call("sp_str_new: negative length");
    }
    if (maxchar < 0x80) {
        ascii = 1;
        header = SP_STR_ASCII_HEADER;
    } else if (maxchar >= 0x100) {
        if (maxchar > 0x10FFFF) {
            return sp_err_bad_internal_call("sp_str_new: invalid maximum character");
        }
        kind = maxchar < 0x10000 ? 2 : 4;
    }
    if (length > (SSIZE_MAX - header) / kind - 1) {
        return sp_err_no_memory();
    }
    SpObject *o = sp_object_alloc_size(&SpStr_Type, (size_t)(header + (length + 1) * kind));
    if (o == NULL) {
        return NULL;
    }
    str_init_header(o, length, kind, ascii);
    return o;
}

SpUCS4 sp_str_find_class(int kind, const void *data, ssize_t len) {
    if (kind == 1) {
        // ASCII test a word at a time: most text never leaves ASCII.
        const unsigned char *p = data, *end = p + len;
        while (p + 8 <= end) {
            uint64_t w;
            memcpy(&w, p, 8);
            if (w & 0x8080808080808080ULL) {
                return 0xFF;
            }
            p += 8;
        }
        while (p < end) {
            if (*p++ & 0x80) {
                return 0xFF;
            }
        }
        return 0x7F;
    }
    SpUCS4 cls = 0x7F;
    if (kind == 2) {
        const SpUCS2 *p = data;
        for (ssize_t i = 0; i < len; i++) {
            if (p[i] >= 0x80) {
                if (p[i] >= 0x100) {
                    return 0xFFFF;
                }
                cls = 0xFF;
            }
        }
        return cls;
    }
    const SpUCS4 *p = data;
    for (ssize_t i = 0; i < len; i++) {
        if (p[i] >= 0x80) {
            SpUCS4 c = sp_str_class_of(p[i]);
            if (c > cls) {
                cls = c;
                if (cls == 0x10FFFF) {
                    break;
                }
            }
        }
    }
    return cls;
}

void sp_str_copy_chars(int to_kind, void *to, ssize_t to_start, int from_kind, const void *from,
                       ssize_t from_start, ssize_t n) {
    if (n <= 0) {
        return;
    }
    if (to_kind == from_kind) {
        memcpy((char *)to + to_start * to_kind, (const char *)from + from_start * from_kind,
               (size_t)(n * to_kind));
        return;
    }
    // Mixed kinds: one tight loop per pair keeps the common widenings fast.
#define SP_COPY_LOOP(TT, FT)                                                       \
    do {                                                                           \
        TT *d_ = (TT *)to + to_start;                                              \
        const FT *s_ = (const FT *)from + from_start;                              \
        for (ssize_t i_ = 0; i_ < n; i_++) {                                       \
            d_[i_] = (TT)s_[i_];                                                   \
        }                                                                          \
    } while (0)
    if (to_kind == 1) {
        if (from_kind == 2) {
            SP_COPY_LOOP(SpUCS1, SpUCS2);
        } else {
            SP_COPY_LOOP(SpUCS1, SpUCS4);
        }
    } else if (to_kind == 2) {
        if (from_kind == 1) {
            SP_COPY_LOOP(SpUCS2, SpUCS1);
        } else {
            SP_COPY_LOOP(SpUCS2, SpUCS4);
        }
    } else {
        if (from_kind == 1) {
            SP_COPY_LOOP(SpUCS4, SpUCS1);
        } else {
            SP_COPY_LOOP(SpUCS4, SpUCS2);
        }
    }
#undef SP_COPY_LOOP
}

SpObject *sp_str_from_kind_class(int kind, const void *data, ssize_t len, SpUCS4 cls) {
    if (len == 0) {
        return sp_newref(sp_str_empty);
    }
    if (len == 1) {
        SpUCS4 c = sp_str_read(kind, data, 0);
        if (c < 256) {
            return sp_newref(sp_str_latin1[c]);
        }
    }
    SpObject *o = sp_str_new(len, cls);
    if (o == NULL) {
        return NULL;
    }
    sp_str_copy_chars(SP_STR_KIND(o), SP_STR_DATA(o), 0, kind, data, 0, len);
    return o;
}

SpObject *sp_str_from_kind_and_data(int kind, const void *data, ssize_t len) {
    if (kind != 1 && kind != 2 && kind != 4) {
        return sp_err_bad_internal_call("sp_str_from_kind_and_data: bad kind");
    }
    if (len < 0) {
        return sp_err_bad_internal_call("sp_str_from_kind_and_data: negative length");
    }
    return sp_str_from_kind_class(kind, data, len, sp_str_find_class(kind, data, len));
}

SpObject *sp_str_from_latin1(const char *s, ssize_t len) {
    return sp_str_from_kind_class(1, s, len, sp_str_find_class(1, s, len));
}

SpObject *sp_str_from_ascii(const char *s, ssize_t len) {
    if (len <= 1) {
        return sp_newref(len == 0 ? sp_str_empty : sp_str_latin1[(unsigned char)s[0]]);
    }
    SpObject *o = sp_str_new(len, 0x7F);
    if (o != NULL) {
        memcpy(SP_STR_DATA(o), s, (size_t)len);
    }
    return o;
}

SpObject *sp_str_from_ordinal(SpUCS4 c) {
    if (c < 256) {
        return sp_newref(sp_str_latin1[c]);
    }
    if (c > 0x10FFFF) {
        sp_err_set_string(&SpExc_ValueError, "chr() arg not in range(0x110000)");
        return NULL;
    }
    SpObject *o = sp_str_new(1, c);
    if (o != NULL) {
        sp_str_write(SP_STR_KIND(o), SP_STR_DATA(o), 0, c);
    }
    return o;
}

SpObject *sp_str_empty_borrow(void) { return sp_str_empty; }

// =============================================================================
// Hashing: SipHash-1-3 keyed per run (as CPython 3.11's default). With
// PYTHONHASHSEED=N the key is derived from N the way CPython derives it, so
// hash() values match CPython's for the same seed.
// =============================================================================

static uint64_t hash_k0, hash_k1;

static void hash_init_key(void) {
    unsigned char key[24];
    const char *seed = getenv("PYTHONHASHSEED");
    if (seed != NULL && *seed != '\0' && strcmp(seed, "random") != 0) {
        unsigned long n = strtoul(seed, NULL, 10);
        memset(key, 0, sizeof key);
        if (n != 0) {
            // CPython's key for a given seed: the bytes of a linear
            // congruential generator (the one of MSVC's rand()).
            uint32_t x = (uint32_t)n;
            for (size_t i = 0; i < sizeof key; i++) {
                x = x * 214013u + 2531011u;
                key[i] = (unsigned char)((x >> 16) & 0xFF);
            }
        }
    } else {
        ssize_t got = getrandom(key, sizeof key, GRND_NONBLOCK);
        if (got != (ssize_t)sizeof key) {
            // No entropy source: still vary by run and address.
            uint64_t mix = (uint64_t)(uintptr_t)&key ^ (uint64_t)(uintptr_t)&hash_k0;
            for (size_t i = 0; i < sizeof key; i++) {
                mix = mix * 6364136223846793005ULL + 1442695040888963407ULL;
                key[i] = (unsigned char)(mix >> 56);
            }
        }
    }
    memcpy(&hash_k0, key, 8);
    memcpy(&hash_k1, key + 8, 8);
}

#define SIP_ROTL(x, b) (((x) << (b)) | ((x) >> (64 - (b))))
// One SipRound over the four state words.
#define SIP_ROUND(v0, v1, v2, v3)                                                   \
    do {                                                                           \
        v0 += v1; v1 = SIP_ROTL(v1, 13); v1 ^= v0; v0 = SIP_ROTL(v0, 32);          \
        v2 += v3; v3 = SIP_ROTL(v3, 16); v3 ^= v2;                                 \
        v0 += v3; v3 = SIP_ROTL(v3, 21); v3 ^= v0;                                 \
        v2 += v1; v1 = SIP_ROTL(v1, 17); v1 ^= v2; v2 = SIP_ROTL(v2, 32);          \
    } while (0)

static uint64_t siphash13(const unsigned char *in, size_t len) {
    uint64_t v0 = hash_k0 ^ 0x736f6d6570736575ULL;
    uint64_t v1 = hash_k1 ^ 0x646f72616e646f6dULL;
    uint64_t v2 = hash_k0 ^ 0x6c7967656e657261ULL;
    uint64_t v3 = hash_k1 ^ 0x7465646279746573ULL;
    uint64_t last = (uint64_t)len << 56;
    // Little-endian words; one compression round each (the "1" of 1-3).
    while (len >= 8) {
        uint64_t m;
        memcpy(&m, in, 8);
        v3 ^= m;
        SIP_ROUND(v0, v1, v2, v3);
        v0 ^= m;
        in += 8;
        len -= 8;
    }
    for (size_t i = 0; i < len; i++) {
        last |= (uint64_t)in[i] << (8 * i);
    }
    v3 ^= last;
    SIP_ROUND(v0, v1, v2, v3);
    v0 ^= last;
    v2 ^= 0xff;
    // Three finalisation rounds (the "3").
    SIP_ROUND(v0, v1, v2, v3);
    SIP_ROUND(v0, v1, v2, v3);
    SIP_ROUND(v0, v1, v2, v3);
    return (v0 ^ v1) ^ (v2 ^ v3);
}

SpHash sp_hash_bytes(const void *data, ssize_t len) {
    if (len == 0) {
        return 0;
    }
    SpHash h = (SpHash)siphash13(data, (size_t)len);
    return h == -1 ? -2 : h;
}

SpHash sp_str_hash(SpObject *o) {
    SpASCIIObject *a = (SpASCIIObject *)o;
    if (a->hash != -1) {
        return a->hash;
    }
    a->hash = sp_hash_bytes(SP_STR_DATA(o), a->length * SP_STR_KIND(o));
    return a->hash;
}

// =============================================================================
// Equality, comparison, concatenation, substrings
// =============================================================================

int sp_str_eq(SpObject *a, SpObject *b) {
    if (a == b) {
        return 1;
    }
    ssize_t n = SP_STR_LENGTH(a);
    if (n != SP_STR_LENGTH(b) || SP_STR_KIND(a) != SP_STR_KIND(b)) {
        return 0;
    }
    // Both hashes known and different: unequal without touching the text.
    SpHash ha = ((SpASCIIObject *)a)->hash, hb = ((SpASCIIObject *)b)->hash;
    if (ha != -1 && hb != -1 && ha != hb) {
        return 0;
    }
    return memcmp(SP_STR_DATA(a), SP_STR_DATA(b), (size_t)(n * SP_STR_KIND(a))) == 0;
}

int sp_str_eq_cstr(SpObject *a, const char *s) {
    if (SP_STR_IS_ASCII(a)) {
        size_t n = strlen(s);
        return (size_t)SP_STR_LENGTH(a) == n && memcmp(SP_STR_DATA(a), s, n) == 0;
    }
    ssize_t size;
    const char *u = sp_str_as_utf8(a, &size);
    if (u == NULL) {
        sp_err_clear();
        return 0;
    }
    return (size_t)size == strlen(s) && memcmp(u, s, (size_t)size) == 0;
}

int sp_str_compare(SpObject *a, SpObject *b) {
    if (a == b) {
        return 0;
    }
    ssize_t na = SP_STR_LENGTH(a), nb = SP_STR_LENGTH(b);
    ssize_t n = na < nb ? na : nb;
    int ka = SP_STR_KIND(a), kb = SP_STR_KIND(b);
    const void *da = SP_STR_DATA(a), *db = SP_STR_DATA(b);
    if (ka == 1 && kb == 1) {
        // Bytes compare as unsigned, which is code point order.
        int c = memcmp(da, db, (size_t)n);
        if (c != 0) {
            return c < 0 ? -1 : 1;
        }
    } else {
        for (ssize_t i = 0; i < n; i++) {
            SpUCS4 x = sp_str_read(ka, da, i), y = sp_str_read(kb, db, i);
            if (x != y) {
                return x < y ? -1 : 1;
            }
        }
    }
    return na < nb ? -1 : na > nb ? 1 : 0;
}

SpObject *sp_str_concat(SpObject *a, SpObject *b) {
    ssize_t na = SP_STR_LENGTH(a), nb = SP_STR_LENGTH(b);
    // '' + s is s, as in CPython (only for exact str: subclasses get copies).
    if (na == 0 && SP_STR_CHECK_EXACT(b)) {
        return sp_newref(b);
    }
    if (nb == 0 && SP_STR_CHECK_EXACT(a)) {
        return sp_newref(a);
    }
    if (na > SSIZE_MAX - nb) {
        sp_err_set_string(&SpExc_OverflowError, "strings are too large to concat");
        return NULL;
    }
    SpUCS4 ca = sp_str_class(a), cb = sp_str_class(b);
    SpUCS4 cls = ca > cb ? ca : cb;
    if (na + nb == 1) {
        return sp_newref(sp_str_latin1[na ? SP_STR_READ_CHAR(a, 0) : SP_STR_READ_CHAR(b, 0)]);
    }
    SpObject *r = sp_str_new(na + nb, cls);
    if (r == NULL) {
        return NULL;
    }
    int k = SP_STR_KIND(r);
    sp_str_copy_chars(k, SP_STR_DATA(r), 0, SP_STR_KIND(a), SP_STR_DATA(a), 0, na);
    sp_str_copy_chars(k, SP_STR_DATA(r), na, SP_STR_KIND(b), SP_STR_DATA(b), 0, nb);
    return r;
}

void sp_str_append(SpObject **pleft, SpObject *right) {
    SpObject *left = *pleft;
    if (left == NULL) {
        return;
    }
    if (!SP_STR_CHECK(right)) {
        *pleft = NULL;
        SP_DECREF(left);
        sp_err_format(&SpExc_TypeError, "can only concatenate str (not \"%.200s\") to str",
                      sp_object_type_name(right));
        return;
    }
    ssize_t na = SP_STR_LENGTH(left), nb = SP_STR_LENGTH(right);
    SpASCIIObject *a = (SpASCIIObject *)left;
    // Grow in place when nobody else can see the string and its form can
    // hold the new characters: the realloc usually extends the block.
    if (SP_REFCNT(left) == 1 && SP_STR_CHECK_EXACT(left) && !a->state.interned && nb > 0 &&
        na > 0 && sp_str_class(right) <= sp_str_class(left) && na <= SSIZE_MAX / 8 - nb) {
        int kind = SP_STR_KIND(left);
        ssize_t header = a->state.ascii ? SP_STR_ASCII_HEADER : SP_STR_COMPACT_HEADER;
        if (!a->state.ascii) {
            SpCompactStrObject *c = (SpCompactStrObject *)left;
            sp_mem_free(c->utf8);
            c->utf8 = NULL;
            c->utf8_length = 0;
        }
        SpObject *n = sp_object_resize(left, (size_t)(header + (na + nb + 1) * kind));
        if (n == NULL) {
            *pleft = NULL;
            SP_DECREF(left);
            return;
        }
        sp_str_copy_chars(kind, SP_STR_DATA(n), na, SP_STR_KIND(right), SP_STR_DATA(right), 0, nb);
        sp_str_write(kind, SP_STR_DATA(n), na + nb, 0);
        ((SpASCIIObject *)n)->length = na + nb;
        ((SpASCIIObject *)n)->hash = -1;
        *pleft = n;
        return;
    }
    *pleft = sp_str_concat(left, right);
    SP_DECREF(left);
}

SpObject *sp_str_substring(SpObject *o, ssize_t start, ssize_t end) {
    ssize_t len = SP_STR_LENGTH(o);
    if (start < 0) {
        start = 0;
    }
    if (end > len) {
        end = len;
    }
    if (start >= end) {
        return sp_newref(sp_str_empty);
    }
    if (start == 0 && end == len && SP_STR_CHECK_EXACT(o)) {
        return sp_newref(o);
    }
    int kind = SP_STR_KIND(o);
    const char *data = (const char *)SP_STR_DATA(o) + start * kind;
    if (SP_STR_IS_ASCII(o)) {
        return sp_str_from_ascii(data, end - start);
    }
    return sp_str_from_kind_and_data(kind, data, end - start);
}

// =============================================================================
// Interning: a hash set of its own (str must not depend on dict). As in
// CPython 3.11 the set does not own its strings: an interned string that
// dies removes itself (str_dealloc calls sp_str_intern_forget).
// =============================================================================

static SpObject **intern_slots;
static size_t intern_mask, intern_used;

static int intern_grow(void) {
    size_t ncap = intern_slots ? (intern_mask + 1) * 2 : 1024;
    SpObject **ns = sp_mem_calloc(ncap * sizeof *ns);
    if (ns == NULL) {
        sp_err_no_memory();
        return -1;
    }
    for (size_t i = 0; intern_slots && i <= intern_mask; i++) {
        SpObject *s = intern_slots[i];
        if (s != NULL) {
            size_t j = (size_t)sp_str_hash(s) & (ncap - 1);
            while (ns[j] != NULL) {
                j = (j + 1) & (ncap - 1);
            }
            ns[j] = s;
        }
    }
    sp_mem_free(intern_slots);
    intern_slots = ns;
    intern_mask = ncap - 1;
    return 0;
}

// Slot of s's equal in the set, or of the empty slot where it would go.
static size_t intern_probe(SpObject *s) {
    size_t i = (size_t)sp_str_hash(s) & intern_mask;
    while (intern_slots[i] != NULL && !sp_str_eq(intern_slots[i], s)) {
        i = (i + 1) & intern_mask;
    }
    return i;
}

// Remove a dying interned string (linear probing: shift back the run after
// the hole so every remaining entry stays reachable).
void sp_str_intern_forget(SpObject *s) {
    if (intern_slots == NULL) {
        return;
    }
    size_t i = (size_t)sp_str_hash(s) & intern_mask;
    while (intern_slots[i] != s) {
        if (intern_slots[i] == NULL) {
            return;
        }
        i = (i + 1) & intern_mask;
    }
    intern_slots[i] = NULL;
    intern_used--;
    size_t j = i;
    for (;;) {
        j = (j + 1) & intern_mask;
        SpObject *e = intern_slots[j];
        if (e == NULL) {
            break;
        }
        size_t home = (size_t)sp_str_hash(e) & intern_mask;
        // Move e into the hole unless its home lies cyclically in (i, j].
        int stays = i <= j ? (home > i && home <= j) : (home > i || home <= j);
        if (!stays) {
            intern_slots[i] = e;
            intern_slots[j] = NULL;
            i = j;
        }
    }
}

void sp_str_intern_in_place(SpObject **ps) {
    SpObject *s = *ps;
    if (s == NULL || !SP_STR_CHECK_EXACT(s)) {
        return;
    }
    if (((SpASCIIObject *)s)->state.interned) {
        return;
    }
    if (intern_slots == NULL || (intern_used + 1) * 2 > intern_mask + 1) {
        if (intern_grow() < 0) {
            sp_err_clear();  // interning is an optimisation: keep s as is
            return;
        }
    }
    size_t i = intern_probe(s);
    if (intern_slots[i] != NULL) {
        SpObject *t = intern_slots[i];
        SP_INCREF(t);
        SP_DECREF(s);
        *ps = t;
        return;
    }
    intern_slots[i] = s;
    intern_used++;
    ((SpASCIIObject *)s)->state.interned = SP_STR_INTERNED_MORTAL;
}

SpObject *sp_str_intern_cstr(const char *s) {
    SpObject *o = sp_str_from_utf8(s, -1);
    if (o != NULL) {
        sp_str_intern_in_place(&o);
    }
    return o;
}

// =============================================================================
// UTF-8
// =============================================================================

// Decode one UTF-8 sequence at p (p < end). Returns its length and stores the
// code point, or returns 0 for an invalid sequence, storing in *bad the
// number of bytes that form the maximal invalid prefix and in *why the reason.
static int utf8_decode_one(const unsigned char *p, const unsigned char *end, SpUCS4 *out,
                           int *bad, const char **why) {
    unsigned c = p[0];
    int need;
    SpUCS4 cp;
    unsigned lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c < 0x80) {
        *out = c;
        return 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        cp = c & 0x0F;
        if (c == 0xE0) {
            lo = 0xA0;  // overlong
        } else if (c == 0xED) {
            hi = 0x9F;  // surrogates
        }
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        cp = c & 0x07;
        if (c == 0xF0) {
            lo = 0x90;
        } else if (c == 0xF4) {
            hi = 0x8F;
        }
    } else {
        *bad = 1;
        *why = "invalid start byte";
        return 0;
    }
    for (int i = 1; i <= need; i++) {
        if (p + i >= end) {
            *bad = i;
            *why = "unexpected end of data";
            return 0;
        }
        unsigned b = p[i];
        unsigned l = i == 1 ? lo : 0x80, h = i == 1 ? hi : 0xBF;
        if (b < l || b > h) {
            *bad = i;
            *why = "invalid continuation byte";
            return 0;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    *out = cp;
    return need + 1;
}

// Raise UnicodeDecodeError(encoding, bytes(data), start, end, reason).
static void raise_decode_error(const char *encoding, const char *data, ssize_t len,
                               ssize_t start, ssize_t end, const char *reason) {
    SpObject *b = sp_bytes_from_data(data, len);
    if (b == NULL) {
        return;
    }
    SpObject *args = NULL, *exc = NULL;
    SpObject *enc = sp_str_from_cstr(encoding);
    SpObject *st = sp_int_from_ssize(start), *en = sp_int_from_ssize(end);
    SpObject *rs = sp_str_from_cstr(reason);
    if (enc && st && en && rs) {
        args = sp_tuple_pack(5, enc, b, st, en, rs);
    }
    if (args != NULL) {
        exc = sp_exc_new(&SpExc_UnicodeDecodeError, args);
    }
    if (exc != NULL) {
        sp_err_set_object(&SpExc_UnicodeDecodeError, exc);
    }
    SP_XDECREF(exc);
    SP_XDECREF(args);
    SP_XDECREF(enc);
    SP_XDECREF(st);
    SP_XDECREF(en);
    SP_XDECREF(rs);
    SP_DECREF(b);
}

// Raise UnicodeEncodeError(encoding, str, start, end, reason).
static void raise_encode_error(const char *encoding, SpObject *str, ssize_t start, ssize_t end,
                               const char *reason) {
    SpObject *args = NULL, *exc = NULL;
    SpObject *enc = sp_str_from_cstr(encoding);
    SpObject *st = sp_int_from_ssize(start), *en = sp_int_from_ssize(end);
    SpObject *rs = sp_str_from_cstr(reason);
    if (enc && st && en && rs) {
        args = sp_tuple_pack(5, enc, str, st, en, rs);
    }
    if (args != NULL) {
        exc = sp_exc_new(&SpExc_UnicodeEncodeError, args);
    }
    if (exc != NULL) {
        sp_err_set_object(&SpExc_UnicodeEncodeError, exc);
    }
    SP_XDECREF(exc);
    SP_XDECREF(args);
    SP_XDECREF(enc);
    SP_XDECREF(st);
    SP_XDECREF(en);
    SP_XDECREF(rs);
}

// Length of the ASCII prefix of s (word at a time).
static ssize_t ascii_prefix(const unsigned char *s, ssize_t len) {
    ssize_t i = 0;
    while (i + 8 <= len) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if (w & 0x8080808080808080ULL) {
            break;
        }
        i += 8;
    }
    while (i < len && s[i] < 0x80) {
        i++;
    }
    return i;
}

// UTF-8 decoding with an error handler, in two passes: the first validates,
// counts and finds the storage class, the second writes.
static SpObject *utf8_decode(const char *str, ssize_t len, int errors) {
    const unsigned char *s = (const unsigned char *)str, *end = s + len;
    ssize_t pre = ascii_prefix(s, len);
    if (pre == len) {
        return sp_str_from_ascii(str, len);
    }
    ssize_t count = pre;
    SpUCS4 cls = 0x7F;
    const unsigned char *p = s + pre;
    while (p < end) {
        if (*p < 0x80) {
            p++;
            count++;
            continue;
        }
        SpUCS4 c;
        int bad;
        const char *why;
        int n = utf8_decode_one(p, end, &c, &bad, &why);
        if (n > 0) {
            p += n;
            count++;
            if (c > cls) {
                cls = sp_str_class_of(c);
            }
            continue;
        }
        switch (errors) {
        case SP_ERR_IGNORE:
            break;
        case SP_ERR_REPLACE:
            count++;
            cls = cls < 0xFFFF ? 0xFFFF : cls;
            break;
        case SP_ERR_SURROGATEESCAPE:
            // Each undecodable byte becomes U+DC80..U+DCFF.
            bad = 1;
            count++;
            cls = cls < 0xFFFF ? 0xFFFF : cls;
            break;
        case SP_ERR_BACKSLASHREPLACE:
            bad = 1;
            count += 4;
            break;
        default:
            raise_decode_error("utf-8", str, len, p - s, p - s + bad, why);
            return NULL;
        }
        p += bad;
    }
    if (count == 0) {
        return sp_newref(sp_str_empty);  // everything was ignored
    }
    SpObject *r = sp_str_new(count, cls);
    if (r == NULL) {
        return NULL;
    }
    int kind = SP_STR_KIND(r);
    void *data = SP_STR_DATA(r);
    ssize_t o = 0;
    for (p = s; p < s + pre; p++) {
        sp_str_write(kind, data, o++, *p);
    }
    while (p < end) {
        if (*p < 0x80) {
            sp_str_write(kind, data, o++, *p++);
            continue;
        }
        SpUCS4 c;
        int bad;
        const char *why;
        int n = utf8_decode_one(p, end, &c, &bad, &why);
        if (n > 0) {
            sp_str_write(kind, data, o++, c);
            p += n;
            continue;
        }
        if (errors == SP_ERR_REPLACE) {
            sp_str_write(kind, data, o++, 0xFFFD);
        } else if (errors == SP_ERR_SURROGATEESCAPE) {
            sp_str_write(kind, data, o++, 0xDC00 + *p);
            bad = 1;
        } else if (errors == SP_ERR_BACKSLASHREPLACE) {
            static const char hex[] = "0123456789abcdef";
            sp_str_write(kind, data, o++, '\\');
            sp_str_write(kind, data, o++, 'x');
            sp_str_write(kind, data, o++, (SpUCS4)hex[*p >> 4]);
            sp_str_write(kind, data, o++, (SpUCS4)hex[*p & 15]);
            bad = 1;
        }
        p += bad;
    }
    if (count == 1) {
        SpUCS4 c = sp_str_read(kind, data, 0);
        if (c < 256) {
            SP_DECREF(r);
            return sp_newref(sp_str_latin1[c]);
        }
    }
    return r;
}

SpObject *sp_str_from_utf8(const char *s, ssize_t len) {
    if (len < 0) {
        len = (ssize_t)strlen(s);
    }
    return utf8_decode(s, len, SP_ERR_STRICT);
}

SpObject *sp_str_from_cstr(const char *s) { return utf8_decode(s, (ssize_t)strlen(s), SP_ERR_STRICT); }

// Bytes needed to encode s as UTF-8, or -1 at the first surrogate (its index
// in *bad_at) when surrogates are not allowed.
static ssize_t utf8_size(SpObject *s, int allow_surrogates, ssize_t *bad_at) {
    int kind = SP_STR_KIND(s);
    const void *data = SP_STR_DATA(s);
    ssize_t n = SP_STR_LENGTH(s), size = 0;
    for (ssize_t i = 0; i < n; i++) {
        SpUCS4 c = sp_str_read(kind, data, i);
        if (c < 0x80) {
            size += 1;
        } else if (c < 0x800) {
            size += 2;
        } else if (c < 0x10000) {
            if (c >= 0xD800 && c <= 0xDFFF && !allow_surrogates) {
                *bad_at = i;
                return -1;
            }
            size += 3;
        } else {
            size += 4;
        }
    }
    return size;
}

static char *utf8_put(char *out, SpUCS4 c) {
    if (c < 0x80) {
        *out++ = (char)c;
    } else if (c < 0x800) {
        *out++ = (char)(0xC0 | (c >> 6));
        *out++ = (char)(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        *out++ = (char)(0xE0 | (c >> 12));
        *out++ = (char)(0x80 | ((c >> 6) & 0x3F));
        *out++ = (char)(0x80 | (c & 0x3F));
    } else {
        *out++ = (char)(0xF0 | (c >> 18));
        *out++ = (char)(0x80 | ((c >> 12) & 0x3F));
        *out++ = (char)(0x80 | ((c >> 6) & 0x3F));
        *out++ = (char)(0x80 | (c & 0x3F));
    }
    return out;
}

// Range of consecutive surrogates starting at i (for the error's end).
static ssize_t surrogate_run_end(SpObject *s, ssize_t i) {
    ssize_t n = SP_STR_LENGTH(s);
    while (i < n) {
        SpUCS4 c = SP_STR_READ_CHAR(s, i);
        if (c < 0xD800 || c > 0xDFFF) {
            break;
        }
        i++;
    }
    return i;
}

const char *sp_str_as_utf8(SpObject *o, ssize_t *size) {
    if (SP_STR_IS_ASCII(o)) {
        if (size != NULL) {
            *size = SP_STR_LENGTH(o);
        }
        return (const char *)SP_STR_DATA(o);
    }
    SpCompactStrObject *c = (SpCompactStrObject *)o;
    if (c->utf8 == NULL) {
        ssize_t bad_at;
        ssize_t n = utf8_size(o, 0, &bad_at);
        if (n < 0) {
            raise_encode_error("utf-8", o, bad_at, surrogate_run_end(o, bad_at),
                               "surrogates not allowed");
            return NULL;
        }
        char *buf = sp_mem_alloc((size_t)n + 1);
        if (buf == NULL) {
            sp_err_no_memory();
            return NULL;
        }
        char *p = buf;
        int kind = SP_STR_KIND(o);
        const void *data = SP_STR_DATA(o);
        for (ssize_t i = 0; i < SP_STR_LENGTH(o); i++) {
            p = utf8_put(p, sp_str_read(kind, data, i));
        }
        *p = '\0';
        c->utf8 = buf;
        c->utf8_length = n;
    }
    if (size != NULL) {
        *size = c->utf8_length;
    }
    return c->utf8;
}

// =============================================================================
// Codecs: utf-8, ascii, latin-1 with the common error handlers.
// =============================================================================

int sp_codec_error_handler(const char *errors) {
    static const struct {
        const char *name;
        int id;
    } table[] = {
        {"strict", SP_ERR_STRICT}, {"ignore", SP_ERR_IGNORE}, {"replace", SP_ERR_REPLACE},
        {"surrogateescape", SP_ERR_SURROGATEESCAPE}, {"surrogatepass", SP_ERR_SURROGATEPASS},
        {"backslashreplace", SP_ERR_BACKSLASHREPLACE},
        {"xmlcharrefreplace", SP_ERR_XMLCHARREFREPLACE},
    };
    if (errors == NULL) {
        return SP_ERR_STRICT;
    }
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        if (strcmp(errors, table[i].name) == 0) {
            return table[i].id;
        }
    }
    sp_err_format(&SpExc_LookupError, "unknown error handler name '%s'", errors);
    return -1;
}

int sp_codec_lookup(const char *encoding) {
    char norm[32];
    size_t n = 0;
    if (encoding == NULL) {
        return SP_CODEC_UTF8;
    }
    // Normalise as the codec registry does: lower case, '-' and ' ' as '_'.
    for (const char *p = encoding; *p && n + 1 < sizeof norm; p++) {
        char c = *p;
        if (c >= 'A' && c <= 'Z') {
            c = (char)(c - 'A' + 'a');
        } else if (c == '-' || c == ' ') {
            c = '_';
        }
        norm[n++] = c;
    }
    norm[n] = '\0';
    if (strlen(encoding) < sizeof norm) {
        static const char *const utf8[] = {"utf_8", "utf8", "u8", "utf", "cp65001", NULL};
        static const char *const ascii[] = {"ascii", "us_ascii", "646", "us", "ansi_x3.4_1968",
                                            NULL};
        static const char *const latin1[] = {"latin_1", "latin1", "latin", "l1", "iso_8859_1",
                                             "iso8859_1", "8859", "cp819", "iso_ir_100", NULL};
        for (int i = 0; utf8[i]; i++) {
            if (strcmp(norm, utf8[i]) == 0) {
                return SP_CODEC_UTF8;
            }
        }
        for (int i = 0; ascii[i]; i++) {
            if (strcmp(norm, ascii[i]) == 0) {
                return SP_CODEC_ASCII;
            }
        }
        for (int i = 0; latin1[i]; i++) {
            if (strcmp(norm, latin1[i]) == 0) {
                return SP_CODEC_LATIN1;
            }
        }
    }
    sp_err_format(&SpExc_LookupError, "unknown encoding: %s", encoding);
    return -1;
}

// ASCII decoding: bytes >= 0x80 are errors.
static SpObject *ascii_decode(const char *str, ssize_t len, int errors) {
    const unsigned char *s = (const unsigned char *)str;
    ssize_t pre = ascii_prefix(s, len);
    if (pre == len) {
        return sp_str_from_ascii(str, len);
    }
    if (errors == SP_ERR_STRICT || errors == SP_ERR_SURROGATEPASS ||
        errors == SP_ERR_XMLCHARREFREPLACE) {
        raise_decode_error("ascii", str, len, pre, pre + 1, "ordinal not in range(128)");
        return NULL;
    }
    SpStrWriter w;
    sp_str_writer_init(&w);
    for (ssize_t i = 0; i < len; i++) {
        int rc = 0;
        if (s[i] < 0x80) {
            rc = sp_str_writer_write_char(&w, s[i]);
        } else if (errors == SP_ERR_REPLACE) {
            rc = sp_str_writer_write_char(&w, 0xFFFD);
        } else if (errors == SP_ERR_SURROGATEESCAPE) {
            rc = sp_str_writer_write_char(&w, 0xDC00 + s[i]);
        } else if (errors == SP_ERR_BACKSLASHREPLACE) {
            char buf[8];
            snprintf(buf, sizeof buf, "\\x%02x", s[i]);
            rc = sp_str_writer_write_ascii(&w, buf, 4);
        }
        if (rc < 0) {
            sp_str_writer_discard(&w);
            return NULL;
        }
    }
    return sp_str_writer_finish(&w);
}

SpObject *sp_codec_decode(const char *s, ssize_t len, int codec, int errors) {
    switch (codec) {
    case SP_CODEC_ASCII:
        return ascii_decode(s, len, errors);
    case SP_CODEC_LATIN1:
        return sp_str_from_latin1(s, len);
    default:
        return utf8_decode(s, len, errors);
    }
}

// Encoding: `limit` is the first code point the codec cannot represent
// (0x80 ascii, 0x100 latin-1, 0x110000 utf-8, where only surrogates fail).
SpObject *sp_codec_encode(SpObject *str, int codec, int errors) {
    ssize_t n = SP_STR_LENGTH(str);
    if (codec == SP_CODEC_UTF8 || SP_STR_IS_ASCII(str) ||
        (codec == SP_CODEC_LATIN1 && SP_STR_KIND(str) == 1)) {
        if (codec != SP_CODEC_UTF8) {
            return sp_bytes_from_data(SP_STR_DATA(str), n);
        }
        ssize_t size;
        const char *u = sp_str_as_utf8(str, &size);
        if (u != NULL) {
            return sp_bytes_from_data(u, size);
        }
        if (errors == SP_ERR_STRICT || !sp_err_matches_type(&SpExc_UnicodeEncodeError)) {
            return NULL;
        }
        sp_err_clear();  // surrogates, handled below
    }
    const char *name = codec == SP_CODEC_UTF8 ? "utf-8" : codec == SP_CODEC_ASCII ? "ascii"
                                                                                   : "latin-1";
    SpUCS4 limit = codec == SP_CODEC_ASCII ? 0x80 : codec == SP_CODEC_LATIN1 ? 0x100 : 0x110000;
    const char *reason = codec == SP_CODEC_ASCII ? "ordinal not in range(128)"
                       : codec == SP_CODEC_LATIN1 ? "ordinal not in range(256)"
                                                  : "surrogates not allowed";
    int kind = SP_STR_KIND(str);
    const void *data = SP_STR_DATA(str);
    // Worst case per character: "&#1114111;" is 10 bytes.
    char *buf = sp_mem_alloc((size_t)n * 10 + 1), *p = buf;
    if (buf == NULL) {
        return sp_err_no_memory();
    }
    for (ssize_t i = 0; i < n; i++) {
        SpUCS4 c = sp_str_read(kind, data, i);
        int bad = c >= limit || (codec == SP_CODEC_UTF8 && c >= 0xD800 && c <= 0xDFFF);
        if (!bad) {
            if (codec == SP_CODEC_UTF8) {
                p = utf8_put(p, c);
            } else {
                *p++ = (char)c;
            }
            continue;
        }
        switch (errors) {
        case SP_ERR_IGNORE:
            break;
        case SP_ERR_REPLACE:
            *p++ = '?';
            break;
        case SP_ERR_SURROGATEESCAPE:
            if (c >= 0xDC80 && c <= 0xDCFF) {
                *p++ = (char)(c - 0xDC00);
                break;
            }
            goto fail;
        case SP_ERR_SURROGATEPASS:
            if (codec == SP_CODEC_UTF8 && c >= 0xD800 && c <= 0xDFFF) {
                p = utf8_put(p, c);
                break;
            }
            goto fail;
        case SP_ERR_BACKSLASHREPLACE:
            if (c < 0x100) {
                p += sprintf(p, "\\x%02x", c);
            } else if (c < 0x10000) {
                p += sprintf(p, "\\u%04x", c);
            } else {
                p += sprintf(p, "\\U%08x", c);
            }
            break;
        case SP_ERR_XMLCHARREFREPLACE:
            if (codec == SP_CODEC_UTF8) {
                goto fail;
            }
            p += sprintf(p, "&#%u;", c);
            break;
        default:
        fail: {
            ssize_t j = i + 1;
            while (j < n) {
                SpUCS4 d = sp_str_read(kind, data, j);
                int dbad = d >= limit || (codec == SP_CODEC_UTF8 && d >= 0xD800 && d <= 0xDFFF);
                if (!dbad) {
                    break;
                }
                j++;
            }
            raise_encode_error(name, str, i, j, reason);
            sp_mem_free(buf);
            return NULL;
        }
        }
    }
    SpObject *r = sp_bytes_from_data(buf, p - buf);
    sp_mem_free(buf);
    return r;
}

SpObject *sp_str_decode(const char *s, ssize_t len, const char *encoding, const char *errors) {
    int codec = sp_codec_lookup(encoding);
    if (codec < 0) {
        return NULL;
    }
    int eh = sp_codec_error_handler(errors);
    if (eh < 0) {
        return NULL;
    }
    return sp_codec_decode(s, len, codec, eh);
}

SpObject *sp_str_encode(SpObject *str, const char *encoding, const char *errors) {
    int codec = sp_codec_lookup(encoding);
    if (codec < 0) {
        return NULL;
    }
    int eh = sp_codec_error_handler(errors);
    if (eh < 0) {
        return NULL;
    }
    return sp_codec_encode(str, codec, eh);
}

// =============================================================================
// The writer. Its buffer is a str object under construction: the characters
// sit at the offset they will have in the final string (48 while everything
// is ASCII, 72 after), so finishing is a shrink of the allocation and a
// header fill, never a copy.
// =============================================================================

static ssize_t writer_header(const SpStrWriter *w) {
    return w->maxchar < 0x80 ? SP_STR_ASCII_HEADER : SP_STR_COMPACT_HEADER;
}

static SpObject *writer_object(const SpStrWriter *w) {
    return (SpObject *)((char *)w->data - writer_header(w));
}

void sp_str_writer_init(SpStrWriter *w) {
    w->data = NULL;
    w->kind = 1;
    w->maxchar = 0x7F;
    w->len = w->cap = 0;
}

void sp_str_writer_discard(SpStrWriter *w) {
    if (w->data != NULL) {
        sp_object_free(writer_object(w));
    }
    sp_str_writer_init(w);
}

int sp_str_writer_prepare(SpStrWriter *w, ssize_t n, SpUCS4 cls) {
    if (SP_LIKELY(w->data != NULL && cls <= w->maxchar && n <= w->cap - w->len)) {
        return 0;
    }
    if (n > SSIZE_MAX / 8 - w->len) {
        sp_err_no_memory();
        return -1;
    }
    ssize_t need = w->len + n;
    SpUCS4 ncls = cls > w->maxchar ? sp_str_class_of(cls) : w->maxchar;
    int nkind = ncls < 0x100 ? 1 : ncls < 0x10000 ? 2 : 4;
    ssize_t ncap = w->cap;
    if (need > ncap) {
        ncap = ncap < 16 ? 16 : ncap;
        while (ncap < need) {
            ncap += ncap >> 1;
        }
    }
    ssize_t oheader = writer_header(w);
    ssize_t nheader = ncls < 0x80 ? SP_STR_ASCII_HEADER : SP_STR_COMPACT_HEADER;
    size_t size = (size_t)(nheader + (ncap + 1) * nkind);
    char *base;
    if (w->data == NULL) {
        SpObject *o = sp_object_alloc_size(&SpStr_Type, size);
        if (o == NULL) {
            return -1;
        }
        base = (char *)o;
    } else {
        SpObject *o = sp_object_resize(writer_object(w), size);
        if (o == NULL) {
            return -1;
        }
        base = (char *)o;
        if (nkind != w->kind || nheader != oheader) {
            // Widen in place from the end: every character's new position is
            // at or after its old one, so nothing is overwritten early.
            char *from = base + oheader, *to = base + nheader;
            int ok = w->kind;
            for (ssize_t i = w->len - 1; i >= 0; i--) {
                SpUCS4 c = sp_str_read(ok, from, i);
                sp_str_write(nkind, to, i, c);
            }
        }
    }
    w->data = base + nheader;
    w->kind = nkind;
    w->maxchar = ncls;
    w->cap = ncap;
    return 0;
}

int sp_str_writer_write_char(SpStrWriter *w, SpUCS4 c) {
    if (SP_UNLIKELY(sp_str_writer_prepare(w, 1, c) < 0)) {
        return -1;
    }
    sp_str_write(w->kind, w->data, w->len++, c);
    return 0;
}

int sp_str_writer_write_ascii(SpStrWriter *w, const char *s, ssize_t len) {
    if (len < 0) {
        len = (ssize_t)strlen(s);
    }
    if (sp_str_writer_prepare(w, len, 0x7F) < 0) {
        return -1;
    }
    sp_str_copy_chars(w->kind, w->data, w->len, 1, s, 0, len);
    w->len += len;
    return 0;
}

int sp_str_writer_write_substring(SpStrWriter *w, SpObject *s, ssize_t start, ssize_t end) {
    ssize_t n = end - start;
    if (n <= 0) {
        return 0;
    }
    SpUCS4 cls = sp_str_class(s);
    if (cls > w->maxchar && start != 0 && end != SP_STR_LENGTH(s)) {
        // A slice of a wide string may be narrow: look before widening.
        cls = sp_str_find_class(SP_STR_KIND(s),
                                (const char *)SP_STR_DATA(s) + start * SP_STR_KIND(s), n);
    }
    if (sp_str_writer_prepare(w, n, cls) < 0) {
        return -1;
    }
    sp_str_copy_chars(w->kind, w->data, w->len, SP_STR_KIND(s), SP_STR_DATA(s), start, n);
    w->len += n;
    return 0;
}

int sp_str_writer_write_str(SpStrWriter *w, SpObject *s) {
    return sp_str_writer_write_substring(w, s, 0, SP_STR_LENGTH(s));
}

int sp_str_writer_fill(SpStrWriter *w, SpUCS4 c, ssize_t n) {
    if (n <= 0) {
        return 0;
    }
    if (sp_str_writer_prepare(w, n, c) < 0) {
        return -1;
    }
    if (w->kind == 1) {
        memset((char *)w->data + w->len, (int)c, (size_t)n);
    } else {
        for (ssize_t i = 0; i < n; i++) {
            sp_str_write(w->kind, w->data, w->len + i, c);
        }
    }
    w->len += n;
    return 0;
}

int sp_str_writer_write_utf8(SpStrWriter *w, const char *s, ssize_t len) {
    if (len < 0) {
        len = (ssize_t)strlen(s);
    }
    ssize_t pre = ascii_prefix((const unsigned char *)s, len);
    if (sp_str_writer_write_ascii(w, s, pre) < 0) {
        return -1;
    }
    if (pre == len) {
        return 0;
    }
    SpObject *rest = utf8_decode(s + pre, len - pre, SP_ERR_REPLACE);
    if (rest == NULL) {
        return -1;
    }
    int rc = sp_str_writer_write_str(w, rest);
    SP_DECREF(rest);
    return rc;
}

SpObject *sp_str_writer_finish(SpStrWriter *w) {
    ssize_t len = w->len;
    if (len <= 1) {
        SpObject *r = len == 0 ? sp_str_empty : NULL;
        if (len == 1) {
            SpUCS4 c = sp_str_read(w->kind, w->data, 0);
            if (c < 256) {
                r = sp_str_latin1[c];
            }
        }
        if (r != NULL) {
            sp_str_writer_discard(w);
            return sp_newref(r);
        }
    }
    ssize_t header = writer_header(w);
    int kind = w->kind;
    SpObject *o = writer_object(w);
    if (w->cap - len > 8 || w->cap > len + (len >> 3)) {
        SpObject *n = sp_object_resize(o, (size_t)(header + (len + 1) * kind));
        if (n != NULL) {
            o = n;
        } else {
            sp_err_clear();  // keeping the larger block is fine
        }
    }
    char *data = (char *)o + header;
    memset(data + len * kind, 0, (size_t)kind);
    str_init_header(o, len, kind, w->maxchar < 0x80);
    if (header == SP_STR_COMPACT_HEADER) {
        SpCompactStrObject *c = (SpCompactStrObject *)o;
        c->utf8_length = 0;
        c->utf8 = NULL;
        c->wstr_length = 0;
    }
    sp_str_writer_init(w);
    return o;
}

// =============================================================================
// sp_str_from_format: printf-like formatting into a str (exception messages).
// =============================================================================

// Append text padded to `width` (right-aligned unless left) and cut to
// `prec` characters (prec < 0: no limit).
static int format_put_str(SpStrWriter *w, SpObject *s, ssize_t width, ssize_t prec, int left) {
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

SpObject *sp_str_from_formatv(const char *fmt, va_list ap) {
    SpStrWriter w;
    sp_str_writer_init(&w);
    const char *p = fmt;
    va_list args;
    va_copy(args, ap);
    while (*p) {
        const char *lit = p;
        while (*p && *p != '%') {
            p++;
        }
        if (p > lit && sp_str_writer_write_utf8(&w, lit, p - lit) < 0) {
            goto error;
        }
        if (*p == '\0') {
            break;
        }
        const char *spec = p++;  // at '%'
        int left = 0, zero = 0;
        ssize_t width = -1, prec = -1;
        while (*p == '-' || *p == '0') {
            if (*p == '-') {
                left = 1;
            } else {
                zero = 1;
            }
            p++;
        }
        if (*p == '*') {
            width = va_arg(args, int);
            p++;
        } else {
            while (*p >= '0' && *p <= '9') {
                width = (width < 0 ? 0 : width) * 10 + (*p++ - '0');
            }
        }
        if (*p == '.') {
            p++;
            prec = 0;
            if (*p == '*') {
                prec = va_arg(args, int);
                p++;
            } else {
                while (*p >= '0' && *p <= '9') {
                    prec = prec * 10 + (*p++ - '0');
                }
            }
        }
        int lmod = 0;  // 1 'l', 2 'll', 3 'z'
        if (*p == 'l') {
            lmod = 1;
            p++;
            if (*p == 'l') {
                lmod = 2;
                p++;
            }
        } else if (*p == 'z') {
            lmod = 3;
            p++;
        }
        char conv = *p;
        if (conv == '\0') {
            break;
        }
        p++;
        char buf[96], cfmt[32];
        int n;
        SpObject *obj, *s = NULL;
        switch (conv) {
        case '%':
            if (sp_str_writer_write_char(&w, '%') < 0) {
                goto error;
            }
            break;
        case 'd':
        case 'i':
        case 'u':
        case 'x': {
            // Rebuild a C spec without '*' and let snprintf do numbers.
            const char *lm = lmod == 1 ? "l" : lmod == 2 ? "ll" : lmod == 3 ? "z" : "";
            char wp[40] = "";
            if (width >= 0 && prec >= 0) {
                snprintf(wp, sizeof wp, "%zd.%zd", width, prec);
            } else if (width >= 0) {
                snprintf(wp, sizeof wp, "%zd", width);
            } else if (prec >= 0) {
                snprintf(wp, sizeof wp, ".%zd", prec);
            }
            snprintf(cfmt, sizeof cfmt, "%%%s%s%s%s%c", left ? "-" : "", zero ? "0" : "", wp, lm,
                     conv == 'i' ? 'd' : conv);
            int is_unsigned = conv == 'u' || conv == 'x';
            if (lmod == 1) {
                n = is_unsigned ? snprintf(buf, sizeof buf, cfmt, va_arg(args, unsigned long))
                                : snprintf(buf, sizeof buf, cfmt, va_arg(args, long));
            } else if (lmod == 2) {
                n = is_unsigned ? snprintf(buf, sizeof buf, cfmt, va_arg(args, unsigned long long))
                                : snprintf(buf, sizeof buf, cfmt, va_arg(args, long long));
            } else if (lmod == 3) {
                n = is_unsigned ? snprintf(buf, sizeof buf, cfmt, va_arg(args, size_t))
                                : snprintf(buf, sizeof buf, cfmt, va_arg(args, ssize_t));
            } else {
                n = is_unsigned ? snprintf(buf, sizeof buf, cfmt, va_arg(args, unsigned int))
                                : snprintf(buf, sizeof buf, cfmt, va_arg(args, int));
            }
            if (n < 0) {
                n = 0;
            }
            if (sp_str_writer_write_ascii(&w, buf, n < (int)sizeof buf ? n : (int)sizeof buf - 1) <
                0) {
                goto error;
            }
            break;
        }
        case 'c': {
            int c = va_arg(args, int);
            if (c < 0 || c > 0x10FFFF) {
                sp_err_set_string(&SpExc_OverflowError, "character argument not in range(0x110000)");
                goto error;
            }
            if (sp_str_writer_write_char(&w, (SpUCS4)c) < 0) {
                goto error;
            }
            break;
        }
        case 'p':
            n = snprintf(buf, sizeof buf, "%p", va_arg(args, void *));
            // CPython prints pointers as 0x... on every platform.
            if (n >= 2 && buf[1] != 'x') {
                memmove(buf + 2, buf, (size_t)n + 1);
                buf[0] = '0';
                buf[1] = 'x';
                n += 2;
            }
            if (sp_str_writer_write_ascii(&w, buf, n) < 0) {
                goto error;
            }
            break;
        case 's': {
            const char *cs = va_arg(args, const char *);
            if (cs == NULL) {
                cs = "(null)";
            }
            s = sp_str_from_utf8(cs, -1);
            if (s == NULL) {
                // Not UTF-8: keep going with replacement characters.
                sp_err_clear();
                s = utf8_decode(cs, (ssize_t)strlen(cs), SP_ERR_REPLACE);
                if (s == NULL) {
                    goto error;
                }
            }
            break;
        }
        case 'U':
            obj = va_arg(args, SpObject *);
            s = sp_newref(obj);
            break;
        case 'V': {
            obj = va_arg(args, SpObject *);
            const char *cs = va_arg(args, const char *);
            if (obj != NULL) {
                s = sp_newref(obj);
            } else {
                s = utf8_decode(cs, (ssize_t)strlen(cs), SP_ERR_REPLACE);
                if (s == NULL) {
                    goto error;
                }
            }
            break;
        }
        case 'R':
        case 'S':
        case 'A':
            obj = va_arg(args, SpObject *);
            s = conv == 'R' ? sp_object_repr(obj)
              : conv == 'S' ? sp_object_str(obj) : sp_object_ascii(obj);
            if (s == NULL) {
                goto error;
            }
            break;
        case 'T':
            obj = va_arg(args, SpObject *);
            s = sp_str_from_utf8(sp_object_type_name(obj), -1);
            if (s == NULL) {
                goto error;
            }
            break;
        default:
            // Unknown directive: copy it verbatim, as CPython does.
            if (sp_str_writer_write_utf8(&w, spec, p - spec) < 0) {
                goto error;
            }
            break;
        }
        if (s != NULL) {
            int rc = format_put_str(&w, s, width, prec, left);
            SP_DECREF(s);
            if (rc < 0) {
                goto error;
            }
        }
    }
    va_end(args);
    return sp_str_writer_finish(&w);
error:
    va_end(args);
    sp_str_writer_discard(&w);
    return NULL;
}

SpObject *sp_str_from_format(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    SpObject *r = sp_str_from_formatv(fmt, ap);
    va_end(ap);
    return r;
}

// =============================================================================
// Start-up
// =============================================================================

int sp_str_init(void) {
    if (sp_str_empty != NULL) {
        return 0;
    }
    hash_init_key();
    sp_str_empty = sp_str_new(0, 0);
    if (sp_str_empty == NULL) {
        return -1;
    }
    for (int c = 0; c < 256; c++) {
        SpObject *s = sp_str_new(1, (SpUCS4)c);
        if (s == NULL) {
            return -1;
        }
        sp_str_write(SP_STR_KIND(s), SP_STR_DATA(s), 0, (SpUCS4)c);
        sp_str_latin1[c] = s;
        // Interned so that sys.intern('a') and the compiler's names reuse them.
        sp_str_intern_in_place(&sp_str_latin1[c]);
    }
    sp_str_intern_in_place(&sp_str_empty);
    static const char *const names[] = {
#define SP_ID_NAME_(n) #n,
        SP_IDENTIFIERS(SP_ID_NAME_)
#undef SP_ID_NAME_
    };
    for (int i = 0; i < SP_ID_COUNT_; i++) {
        sp_identifiers[i] = sp_str_intern_cstr(names[i]);
        if (sp_identifiers[i] == NULL) {
            return -1;
        }
    }
    return 0;
}
