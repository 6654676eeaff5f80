// smallpy: str core: the PEP 393 compact forms, creation from C data, the
// shared ""/one-character strings, interning, hashing, equality, the string
// writer and sp_str_from_format. Codecs (UTF-8 included) live in
// str_codecs.c, type slots in str_type.c, methods in str_methods.c.
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

// The form follows maxchar: below 128 the compact ASCII form (characters at
// 48), below 256 one byte per character at 72, then two or four bytes. The
// allocation is zeroed, so the terminating NUL is already in place.
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

// Strings are always stored in their narrowest form, so equal strings have
// equal kinds (sp_str_eq relies on it) and every constructor that takes
// code points from elsewhere measures them here first.
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

// "" and one-character Latin-1 strings are never allocated: the shared
// objects are returned, so `chr(65) is "A"[0]`.
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

// -1 is the error value of hash slots, so a hash that comes out as -1 is
// reported as -2, as in CPython.
SpHash sp_hash_bytes(const void *data, ssize_t len) {
    if (len == 0) {
        return 0;
    }
    SpHash h = (SpHash)siphash13(data, (size_t)len);
    return h == -1 ? -2 : h;
}

// The hash covers the code units in the string's own kind; that is
// consistent because equal strings always share a kind.
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

// Identity first (interned names make this the common case in attribute and
// global lookups), then length and kind, then the cached hashes, and only
// then the characters.
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

// The result's form is the wider of the two operands' forms (never wider
// than needed, since both operands are narrowest already).
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
        // A subclass operand got here with the other one empty.
        return sp_str_from_ordinal(na ? SP_STR_READ_CHAR(a, 0) : SP_STR_READ_CHAR(b, 0));
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
        // The form stays the same (right is no wider), so the characters
        // stay at the same offset and only the block grows.
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

// A slice of a wide string may be narrower than the string (the wide
// characters may lie outside it), so non-ASCII slices are measured again.
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

// Only exact str objects are interned (as CPython): a subclass instance may
// carry attributes and must not stand in for another string. The table is
// kept at most half full.
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

// Growth is by half again (amortised O(1) appends). Widening the kind or
// moving from the ASCII header to the compact one happens at most three
// times per writer, in place inside the reallocated block.
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

// Only a slice that would force the writer wider is measured: slices of
// strings no wider than the writer are copied straight away.
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
    ssize_t pre = sp_ascii_prefix((const unsigned char *)s, len);
    if (sp_str_writer_write_ascii(w, s, pre) < 0) {
        return -1;
    }
    if (pre == len) {
        return 0;
    }
    SpObject *rest = sp_utf8_decode(s + pre, len - pre, SP_ERR_REPLACE);
    if (rest == NULL) {
        return -1;
    }
    int rc = sp_str_writer_write_str(w, rest);
    SP_DECREF(rest);
    return rc;
}

// The writer's block becomes the string: trim the spare capacity when it is
// noticeable, write the NUL and the header. Results of length 0 and 1 go
// through the shared objects instead.
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

// The format is UTF-8 text; directives are those listed in str.h. Numbers go
// through snprintf with the C spec rebuilt from the parsed flags; objects are
// converted with repr/str/ascii and then padded or truncated like text.
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
        char buf[96], cfmt[64];
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
            char wp[48] = "";
            // Clamp so the number always fits buf (messages never need more).
            width = width > 64 ? 64 : width;
            prec = prec > 64 ? 64 : prec;
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
                sp_err_set_string(&SpExc_OverflowError,
                                  "character argument not in range(0x110000)");
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
                s = sp_utf8_decode(cs, (ssize_t)strlen(cs), SP_ERR_REPLACE);
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
                s = sp_utf8_decode(cs, (ssize_t)strlen(cs), SP_ERR_REPLACE);
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

// Order matters: the hash key before any hashing, "" and the one-character
// strings before the identifiers (so interning "a" finds the shared "a").
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
