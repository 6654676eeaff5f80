// smallpy: dict, the compact insertion-ordered hash table: a sparse index
// table over a dense entries array. Table sizes, growth and the "all keys
// are str" kind follow CPython 3.11, so sys.getsizeof agrees. Views and
// iterators live in dictview.c. Counterpart: CPython 3.11
// Objects/dictobject.c.
#include "objects/dict.h"

#include <string.h>

#include "core/abstract.h"
#include "core/err.h"
#include "core/gc.h"
#include "core/mem.h"
#include "objects/cont.h"
#include "objects/dictimpl.h"
#include "objects/func.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/none.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"

// ---------------------------------------------------------------------------
// Keys objects

// The shared keys of every empty dict: 8 empty index slots, no room for an
// entry (dk_usable 0), so the first insertion allocates a real table.
static SpDictKeysObject empty_keys = {
    .dk_refcnt = 1,
    .dk_log2_size = DICT_LOG_MINSIZE,
    .dk_log2_index_bytes = DICT_LOG_MINSIZE,
    .dk_kind = DICT_KEYS_UNICODE,
    .dk_usable = 0,
    .dk_nentries = 0,
    .dk_indices = {-1, -1, -1, -1, -1, -1, -1, -1},
};
#define EMPTY_KEYS (&empty_keys)

uint64_t sp_dict_version_counter;
#define NEW_VERSION() (++sp_dict_version_counter)

// CPython 3.11's calculate_log2_keysize: the log2 of the table size that
// can hold `minsize` index slots, at least 8.
static uint8_t calculate_log2_keysize(ssize_t minsize) {
    size_t m = (((size_t)minsize | DICT_MINSIZE) - 1) | (DICT_MINSIZE - 1);
    uint8_t bits = 0;
    while (m) {
        bits++;
        m >>= 1;
    }
    return bits;
}

// The table size for n items added in one go (dict copies, presizing).
static uint8_t estimate_log2_keysize(ssize_t n) {
    return calculate_log2_keysize((n * 3 + 1) / 2);
}

#define GROWTH_RATE(mp) ((mp)->ma_used * 3)

#if SP_CFG_FREELISTS
#define KEYS_MAXFREELIST 80
static SpDictKeysObject *keys_free_list[KEYS_MAXFREELIST];
static int keys_numfree;
#endif

// Bytes of a keys object: header, index table, and room for the usable two thirds of the slots as
// entries (the entries array never grows; a full table is replaced by a bigger one).
static size_t keys_alloc_size(uint8_t log2_size, uint8_t log2_index_bytes) {
    size_t usable = USABLE_FRACTION((size_t)1 << log2_size);
    return offsetof(SpDictKeysObject, dk_indices) + ((size_t)1 << log2_index_bytes) +
           usable * sizeof(DictEntry);
}

// A fresh table of 2**log2_size slots with every index slot empty. The index width grows with the
// table so that indices of small dicts take one byte each. Minimum-size tables come from a free
// list.
static SpDictKeysObject *new_keys_object(uint8_t log2_size, int unicode) {
    uint8_t log2_bytes;
    if (log2_size < 8) {
        log2_bytes = log2_size;
    } else if (log2_size < 16) {
        log2_bytes = log2_size + 1;
    } else if (log2_size < 32) {
        log2_bytes = log2_size + 2;
    } else {
        log2_bytes = log2_size + 3;
    }
    if (log2_size >= sizeof(size_t) * 8 - 4) {
        sp_err_no_memory();
        return NULL;
    }
    SpDictKeysObject *dk = NULL;
#if SP_CFG_FREELISTS
    if (log2_size == DICT_LOG_MINSIZE && keys_numfree > 0) {
        dk = keys_free_list[--keys_numfree];
    }
#endif
    if (dk == NULL) {
        dk = sp_mem_alloc(keys_alloc_size(log2_size, log2_bytes));
        if (dk == NULL) {
            sp_err_no_memory();
            return NULL;
        }
    }
    dk->dk_refcnt = 1;
    dk->dk_log2_size = log2_size;
    dk->dk_log2_index_bytes = log2_bytes;
    dk->dk_kind = unicode ? DICT_KEYS_UNICODE : DICT_KEYS_GENERAL;
    dk->dk_version = 0;
    dk->dk_usable = (ssize_t)USABLE_FRACTION((size_t)1 << log2_size);
    dk->dk_nentries = 0;
    memset(dk->dk_indices, 0xff, (size_t)1 << log2_bytes);  // all DKIX_EMPTY
    return dk;
}

// Free a keys object's memory (its entries must have been released).
// Release a table's memory (not its references). The shared empty table is never freed.
static void free_keys_object(SpDictKeysObject *dk) {
    if (dk == EMPTY_KEYS) {
        return;
    }
#if SP_CFG_FREELISTS
    if (dk->dk_log2_size == DICT_LOG_MINSIZE && keys_numfree < KEYS_MAXFREELIST) {
        keys_free_list[keys_numfree++] = dk;
        return;
    }
#endif
    sp_mem_free(dk);
}

// Release the keys and values an entries array holds, then the array.
// Drop what a table owns, then the table. Deleted entries have NULL key and value, hence the
// XDECREFs.
static void keys_decref_entries(SpDictKeysObject *dk) {
    if (dk == EMPTY_KEYS) {
        return;
    }
    DictEntry *ep = dk_entries(dk);
    for (ssize_t i = 0, n = dk->dk_nentries; i < n; i++) {
        SP_XDECREF(ep[i].key);
        SP_XDECREF(ep[i].value);
    }
    free_keys_object(dk);
}

// ---------------------------------------------------------------------------
// Lookup

// Probe sequence (CPython's): start at hash & mask, then
// i = i*5 + perturb + 1 with perturb shifted right 5 bits each step.

// Look up an exact str key in a table whose keys are all exact str: no
// user code can run, so no restart logic is needed.
static ssize_t lookup_unicode(SpDictKeysObject *dk, SpObject *key, SpHash hash) {
    DictEntry *ep0 = dk_entries(dk);
    size_t mask = DK_MASK(dk);
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    for (;;) {
        ssize_t ix = dk_get_index(dk, i);
        // ix >= 0 always names a live entry: deletion turns the index slot into
        // DKIX_DUMMY, so a NULL key is never reached through the index.
        if (ix >= 0) {
            DictEntry *ep = &ep0[ix];
            if (ep->key == key || (ep->hash == hash && sp_str_eq(ep->key, key))) {
                return ix;
            }
        // Only an empty slot ends the search; a dummy means "keep probing".
        } else if (ix == DKIX_EMPTY) {
            return DKIX_EMPTY;
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

// The general lookup: identity, then equal hash and ==. The comparison may
// run Python code that mutates the dict; then start over.
static ssize_t lookup_general(SpDictObject *mp, SpObject *key, SpHash hash) {
restart:;
    SpDictKeysObject *dk = mp->ma_keys;
    DictEntry *ep0 = dk_entries(dk);
    size_t mask = DK_MASK(dk);
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    for (;;) {
        ssize_t ix = dk_get_index(dk, i);
        if (ix >= 0) {
            // Identity first: interned names and small ints hit here.
            DictEntry *ep = &ep0[ix];
            SpObject *startkey = ep->key;
            if (startkey == key) {
                return ix;
            }
            if (ep->hash == hash) {
                // Two exact strs compare without running Python code: no restart check.
                if (SP_STR_CHECK_EXACT(startkey) && SP_STR_CHECK_EXACT(key)) {
                    if (sp_str_eq(startkey, key)) {
                        return ix;
                    }
                } else {
                    SP_INCREF(startkey);
                    int cmp = sp_object_richcompare_bool(startkey, key, SP_EQ);
                    SP_DECREF(startkey);
                    if (cmp < 0) {
                        return DKIX_ERROR;
                    }
                    // The comparison ran Python code: if it replaced the
                    // table or this entry, the probe must start over.
                    if (dk != mp->ma_keys || ep->key != startkey) {
                        goto restart;
                    }
                    if (cmp > 0) {
                        return ix;
                    }
                }
            }
        } else if (ix == DKIX_EMPTY) {
            return DKIX_EMPTY;
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

// The lookup every operation uses: entry index, DKIX_EMPTY or DKIX_ERROR. The str-only path is
// taken for the common case of a str key in a table of str keys (module globals, instance
// attributes, keyword arguments).
static inline ssize_t dict_lookup(SpDictObject *mp, SpObject *key, SpHash hash) {
    if (SP_LIKELY(mp->ma_keys->dk_kind == DICT_KEYS_UNICODE && SP_STR_CHECK_EXACT(key))) {
        return lookup_unicode(mp->ma_keys, key, hash);
    }
    return lookup_general(mp, key, hash);
}

// The slot of the index table where a new entry with `hash` goes (the
// first empty or dummy slot of the probe sequence).
static size_t find_empty_slot(SpDictKeysObject *dk, SpHash hash) {
    size_t mask = DK_MASK(dk);
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    // Dummies (< 0) are reusable here because the caller already knows the key
    // is absent; CPython 3.11 does the same.
    while (dk_get_index(dk, i) >= 0) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

// The hash of a key, with the str cache read inline.
static inline SpHash key_hash(SpObject *key) {
    if (SP_STR_CHECK_EXACT(key)) {
        SpHash h = ((SpASCIIObject *)key)->hash;
        if (h != -1) {
            return h;
        }
        return sp_str_hash(key);
    }
    return sp_object_hash(key);
}

// ---------------------------------------------------------------------------
// Resizing and insertion

// Rebuild the table with 2**log2_newsize slots, compacting the entries
// (deleted ones are dropped). unicode: keep the str-only kind if the old
// table had it.
static int dictresize(SpDictObject *mp, uint8_t log2_newsize, int unicode) {
    SpDictKeysObject *oldkeys = mp->ma_keys;
    int keep_unicode = unicode && oldkeys->dk_kind == DICT_KEYS_UNICODE;
    SpDictKeysObject *newkeys = new_keys_object(log2_newsize, keep_unicode);
    if (newkeys == NULL) {
        return -1;
    }
    // Copy the live entries in order into the new dense array (one memcpy
    // when there are no holes), then rebuild the sparse index over them.
    ssize_t numentries = mp->ma_used;
    DictEntry *oldentries = dk_entries(oldkeys);
    DictEntry *newentries = dk_entries(newkeys);
    if (oldkeys->dk_nentries == numentries) {
        memcpy(newentries, oldentries, (size_t)numentries * sizeof(DictEntry));
    } else {
        DictEntry *ep = oldentries;
        for (ssize_t i = 0; i < numentries; i++) {
            // Squeeze out deleted entries: the new entries array is dense again and
            // keeps insertion order, which is all that iteration order depends on.
            while (ep->key == NULL) {
                ep++;
            }
            newentries[i] = *ep++;
        }
    }
    // A fresh table has no dummies and no duplicate keys: first empty slot
    // of each probe sequence, no comparisons.
    size_t mask = DK_MASK(newkeys);
    for (ssize_t ix = 0; ix < numentries; ix++) {
        size_t perturb = (size_t)newentries[ix].hash;
        size_t i = perturb & mask;
        while (dk_get_index(newkeys, i) != DKIX_EMPTY) {
            perturb >>= PERTURB_SHIFT;
            i = (i * 5 + perturb + 1) & mask;
        }
        dk_set_index(newkeys, i, ix);
    }
    newkeys->dk_usable -= numentries;
    newkeys->dk_nentries = numentries;
    mp->ma_keys = newkeys;
    // The references moved to the new table; free only the old memory.
    free_keys_object(oldkeys);
    return 0;
}

// Grow (or compact) before inserting into a full table: CPython sizes the new table for three times
// the live items.
static int insertion_resize(SpDictObject *mp, int unicode) {
    return dictresize(mp, calculate_log2_keysize(GROWTH_RATE(mp)), unicode);
}

// d[key] = value. References to key and value are taken first, so that code run by __eq__ during
// the lookup cannot free them under us. The version tag changes on every mutation; the VM's global
// caches rely on it.
static int insertdict(SpDictObject *mp, SpObject *key, SpHash hash, SpObject *value) {
    SP_INCREF(key);
    SP_INCREF(value);
    if (mp->ma_keys->dk_kind == DICT_KEYS_UNICODE && !SP_STR_CHECK_EXACT(key) &&
        mp->ma_keys != EMPTY_KEYS) {
        // A non-str key turns the table into the general kind.
        // Rebuilding as a general table also gives every entry a slot for its
        // hash (dictresize copies the stored hashes), at the cost of one resize.
        if (insertion_resize(mp, 0) < 0) {
            goto fail;
        }
    }
    ssize_t ix = dict_lookup(mp, key, hash);
    if (ix == DKIX_ERROR) {
        goto fail;
    }
    if (ix == DKIX_EMPTY) {
        SpDictKeysObject *dk = mp->ma_keys;
        if (dk == EMPTY_KEYS) {
            dk = new_keys_object(DICT_LOG_MINSIZE, SP_STR_CHECK_EXACT(key));
            if (dk == NULL) {
                goto fail;
            }
            mp->ma_keys = dk;
        // Out of entry room (live or deleted): rebuild at GROWTH_RATE, which also
        // drops the holes, so a dict with churn but constant size stays bounded.
        } else if (dk->dk_usable <= 0) {
            if (insertion_resize(mp, 1) < 0) {
                goto fail;
            }
            dk = mp->ma_keys;
        }
        size_t slot = find_empty_slot(dk, hash);
        dk_set_index(dk, slot, dk->dk_nentries);
        DictEntry *ep = &dk_entries(dk)[dk->dk_nentries];
        ep->key = key;
        ep->hash = hash;
        ep->value = value;
        mp->ma_used++;
        mp->ma_version_tag = NEW_VERSION();
        dk->dk_usable--;
        dk->dk_nentries++;
        return 0;
    }
    // Existing key: only the value is replaced; the key object already stored
    // stays (d[1.0] = x keeps the key 1 of an earlier d[1] = y), as CPython.
    DictEntry *ep = &dk_entries(mp->ma_keys)[ix];
    SpObject *old = ep->value;
    ep->value = value;
    mp->ma_version_tag = NEW_VERSION();
    SP_DECREF(old);
    SP_DECREF(key);
    return 0;
fail:
    SP_DECREF(value);
    SP_DECREF(key);
    return -1;
}

// Remove the entry ix found at index slot `slot`.
// Delete entry ix whose index lives in slot: the slot becomes a dummy (so probe chains through it
// stay intact) and the entry a hole that iteration skips and the next resize squeezes out.
static void delitem_common(SpDictObject *mp, size_t slot, ssize_t ix) {
    SpDictKeysObject *dk = mp->ma_keys;
    DictEntry *ep = &dk_entries(dk)[ix];
    SpObject *oldkey = ep->key, *oldvalue = ep->value;
    dk_set_index(dk, slot, DKIX_DUMMY);
    ep->key = NULL;
    ep->value = NULL;
    mp->ma_used--;
    mp->ma_version_tag = NEW_VERSION();
    SP_DECREF(oldkey);
    SP_DECREF(oldvalue);
}

// The index slot that refers to entry ix (it exists: ix was just found).
// Walk the probe sequence of hash to the slot pointing at entry ix. Used after a lookup that
// returned the entry but not its slot.
static size_t slot_of_entry(SpDictKeysObject *dk, SpHash hash, ssize_t ix) {
    size_t mask = DK_MASK(dk);
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    while (dk_get_index(dk, i) != ix) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

// ---------------------------------------------------------------------------
// The C API

static SpObject *dict_alloc(SpTypeObject *type);

SpObject *sp_dict_new(void) { return dict_alloc(&SpDict_Type); }

// An empty dict whose table already holds n items without resizing (for dict.fromkeys and copies).
// Small sizes use the shared empty table like {}.
SpObject *sp_dict_new_presized(ssize_t n) {
    SpObject *d = sp_dict_new();
    if (d == NULL || n <= USABLE_FRACTION(DICT_MINSIZE)) {
        return d;
    }
    SpDictKeysObject *dk = new_keys_object(estimate_log2_keysize(n), 0);
    if (dk == NULL) {
        SP_DECREF(d);
        return NULL;
    }
    ((SpDictObject *)d)->ma_keys = dk;
    return d;
}

// Lookup distinguishing "absent" (0) from "error" (-1) without having to consult sp_err_occurred().
int sp_dict_lookup_known_hash(SpObject *d, SpObject *key, SpHash hash, SpObject **value) {
    SpDictObject *mp = (SpDictObject *)d;
    ssize_t ix = dict_lookup(mp, key, hash);
    if (ix < 0) {
        *value = NULL;
        return ix == DKIX_ERROR ? -1 : 0;
    }
    *value = dk_entries(mp->ma_keys)[ix].value;
    return 1;
}

// The globals/builtins fast path: the caller already has the hash.
SpObject *sp_dict_getitem_known_hash_borrow(SpObject *d, SpObject *key, SpHash hash) {
    SpDictObject *mp = (SpDictObject *)d;
    ssize_t ix = dict_lookup(mp, key, hash);
    if (ix < 0) {
        return NULL;
    }
    return dk_entries(mp->ma_keys)[ix].value;
}

SpObject *sp_dict_getitem_borrow(SpObject *d, SpObject *key) {
    SpHash hash = key_hash(key);
    if (hash == -1) {
        return NULL;
    }
    return sp_dict_getitem_known_hash_borrow(d, key, hash);
}

// C string keys are mostly literals asked for again and again (print looks
// up sys.stdout on every call): a small cache maps the literal's address to
// its interned str. The text is compared too, so a reused buffer at the
// same address is never mistaken for the old key.
#define CKEY_CACHE_SIZE 64
static struct {
    const char *text;
    SpObject *str;  // interned, owned by the cache
} ckey_cache[CKEY_CACHE_SIZE];

// The str for C string key, borrowed (kept alive by the cache), or NULL.
static SpObject *cstr_key(const char *key) {
    size_t h = ((uintptr_t)key >> 3) % CKEY_CACHE_SIZE;
    if (ckey_cache[h].text == key && sp_str_eq_cstr(ckey_cache[h].str, key)) {
        return ckey_cache[h].str;
    }
    SpObject *k = sp_str_intern_cstr(key);
    if (k == NULL) {
        return NULL;
    }
    SP_XDECREF(ckey_cache[h].str);
    ckey_cache[h].text = key;
    ckey_cache[h].str = k;
    return k;
}

SpObject *sp_dict_getitem_str_borrow(SpObject *d, const char *key) {
    SpObject *k = cstr_key(key);
    if (k == NULL) {
        return NULL;
    }
    return sp_dict_getitem_borrow(d, k);
}

int sp_dict_setitem_known_hash(SpObject *d, SpObject *key, SpObject *value, SpHash hash) {
    return insertdict((SpDictObject *)d, key, hash, value);
}

int sp_dict_setitem(SpObject *d, SpObject *key, SpObject *value) {
    SpHash hash = key_hash(key);
    if (hash == -1) {
        return -1;
    }
    return insertdict((SpDictObject *)d, key, hash, value);
}

// Keys set from C are interned: later lookups by interned names (the compiler's identifiers) then
// hit by identity.
int sp_dict_setitem_str(SpObject *d, const char *key, SpObject *value) {
    SpObject *k = cstr_key(key);
    if (k == NULL) {
        return -1;
    }
    return sp_dict_setitem(d, k, value);
}

// Raise KeyError(key); the key is wrapped in a tuple so that a tuple key
// is not taken for the exception's argument list.
static void set_key_error(SpObject *key) {
    SpObject *args = sp_tuple_pack(1, key);
    if (args != NULL) {
        sp_err_set_object(&SpExc_KeyError, args);
        SP_DECREF(args);
    }
}

int sp_dict_delitem(SpObject *d, SpObject *key) {
    SpHash hash = key_hash(key);
    if (hash == -1) {
        return -1;
    }
    SpDictObject *mp = (SpDictObject *)d;
    ssize_t ix = dict_lookup(mp, key, hash);
    if (ix == DKIX_ERROR) {
        return -1;
    }
    if (ix == DKIX_EMPTY) {
        set_key_error(key);
        return -1;
    }
    delitem_common(mp, slot_of_entry(mp->ma_keys, hash, ix), ix);
    return 0;
}

int sp_dict_contains(SpObject *d, SpObject *key) {
    SpHash hash = key_hash(key);
    if (hash == -1) {
        return -1;
    }
    ssize_t ix = dict_lookup((SpDictObject *)d, key, hash);
    if (ix == DKIX_ERROR) {
        return -1;
    }
    return ix >= 0;
}

// *pos is an entry index; holes left by deletions are skipped. Entries are visited in insertion
// order.
int sp_dict_next_with_hash(SpObject *d, ssize_t *pos, SpObject **key, SpObject **value,
                           SpHash *hash) {
    SpDictKeysObject *dk = ((SpDictObject *)d)->ma_keys;
    ssize_t i = *pos, n = dk->dk_nentries;
    DictEntry *ep = dk_entries(dk);
    while (i < n && ep[i].key == NULL) {
        i++;
    }
    if (i >= n) {
        *pos = i;
        return 0;
    }
    *pos = i + 1;
    if (key != NULL) {
        *key = ep[i].key;
    }
    if (value != NULL) {
        *value = ep[i].value;
    }
    if (hash != NULL) {
        *hash = ep[i].hash;
    }
    return 1;
}

int sp_dict_next(SpObject *d, ssize_t *pos, SpObject **key, SpObject **value) {
    return sp_dict_next_with_hash(d, pos, key, value, NULL);
}

// The dict goes back to the shared empty table (sys.getsizeof({}) again).
void sp_dict_clear(SpObject *d) {
    SpDictObject *mp = (SpDictObject *)d;
    SpDictKeysObject *oldkeys = mp->ma_keys;
    if (oldkeys == EMPTY_KEYS) {
        return;
    }
    // Detach first: destructors of the items may look at the dict.
    mp->ma_keys = EMPTY_KEYS;
    mp->ma_used = 0;
    mp->ma_version_tag = NEW_VERSION();
    keys_decref_entries(oldkeys);
}

// A copy of a keys object with the same size and layout (for copies of
// tables without deleted entries).
static SpDictKeysObject *clone_keys(SpDictKeysObject *dk) {
    size_t size = keys_alloc_size(dk->dk_log2_size, dk->dk_log2_index_bytes);
    SpDictKeysObject *nk = NULL;
#if SP_CFG_FREELISTS
    if (dk->dk_log2_size == DICT_LOG_MINSIZE && keys_numfree > 0) {
        nk = keys_free_list[--keys_numfree];
    }
#endif
    if (nk == NULL) {
        nk = sp_mem_alloc(size);
        if (nk == NULL) {
            sp_err_no_memory();
            return NULL;
        }
    }
    memcpy(nk, dk, size);
    DictEntry *ep = dk_entries(nk);
    for (ssize_t i = 0; i < nk->dk_nentries; i++) {
        SP_XINCREF(ep[i].key);
        SP_XINCREF(ep[i].value);
    }
    nk->dk_refcnt = 1;
    return nk;
}

// Merge b into a; see dict.h for `override`.
// The engine of update(), copy(), dict(mapping) and f(**kw). A real dict (with dict's own __iter__)
// is walked directly with its stored hashes; anything else goes through keys() and __getitem__, as
// CPython does.
static int dict_merge(SpObject *a, SpObject *b, int override) {
    SpDictObject *mp = (SpDictObject *)a;
    if (SP_DICT_CHECK(b) && SP_TYPE(b)->tp_iter == SpDict_Type.tp_iter) {
        SpDictObject *other = (SpDictObject *)b;
        if (other == mp || other->ma_used == 0) {
            return 0;
        }
        SpDictKeysObject *okeys = other->ma_keys;
        // A fresh copy of a dense table: clone it wholesale.
        if (mp->ma_used == 0 && mp->ma_keys == EMPTY_KEYS &&
            other->ma_used == okeys->dk_nentries &&
            USABLE_FRACTION((ssize_t)DK_SIZE(okeys) / 2) < other->ma_used) {
            SpDictKeysObject *nk = clone_keys(okeys);
            if (nk == NULL) {
                return -1;
            }
            mp->ma_keys = nk;
            mp->ma_used = other->ma_used;
            mp->ma_version_tag = NEW_VERSION();
            return 0;
        }
        // One resize up front instead of several while inserting.
        if (USABLE_FRACTION((ssize_t)DK_SIZE(mp->ma_keys)) < other->ma_used) {
            int unicode = mp->ma_keys == EMPTY_KEYS || mp->ma_keys->dk_kind == DICT_KEYS_UNICODE;
            if (dictresize(mp, estimate_log2_keysize(mp->ma_used + other->ma_used),
                           unicode && okeys->dk_kind == DICT_KEYS_UNICODE) < 0) {
                return -1;
            }
        }
        ssize_t orig_size = other->ma_used;
        ssize_t pos = 0;
        SpObject *key, *value;
        SpHash hash;
        while (sp_dict_next_with_hash(b, &pos, &key, &value, &hash)) {
            int err = 0;
            SP_INCREF(key);
            SP_INCREF(value);
            if (override == 1) {
                err = insertdict(mp, key, hash, value);
            } else {
                SpObject *existing;
                int found = sp_dict_lookup_known_hash(a, key, hash, &existing);
                if (found < 0) {
                    err = -1;
                } else if (found == 0) {
                    err = insertdict(mp, key, hash, value);
                } else if (override != 0) {
                    set_key_error(key);
                    err = -1;
                }
            }
            SP_DECREF(value);
            SP_DECREF(key);
            if (err < 0) {
                return -1;
            }
            if (orig_size != other->ma_used) {
                sp_err_set_string(&SpExc_RuntimeError, "dict mutated during update");
                return -1;
            }
        }
        return 0;
    }
    // A generic mapping: b.keys() and b[key].
    SpObject *keys = sp_call_method(b, sp_id(keys), NULL, 0);
    if (keys == NULL) {
        return -1;
    }
    SpObject *it = sp_object_get_iter(keys);
    SP_DECREF(keys);
    if (it == NULL) {
        return -1;
    }
    SpObject *key;
    while ((key = sp_iter_next(it)) != NULL) {
        if (override != 1) {
            int has = sp_dict_contains(a, key);
            if (has != 0) {
                if (has > 0 && override != 0) {
                    set_key_error(key);
                    has = -1;
                }
                SP_DECREF(key);
                if (has < 0) {
                    SP_DECREF(it);
                    return -1;
                }
                continue;
            }
        }
        SpObject *value = sp_object_getitem(b, key);
        if (value == NULL) {
            SP_DECREF(key);
            SP_DECREF(it);
            return -1;
        }
        int r = sp_dict_setitem(a, key, value);
        SP_DECREF(key);
        SP_DECREF(value);
        if (r < 0) {
            SP_DECREF(it);
            return -1;
        }
    }
    SP_DECREF(it);
    return sp_err_occurred() ? -1 : 0;
}

int sp_dict_merge(SpObject *a, SpObject *b, int override) {
    return dict_merge(a, b, override);
}

int sp_dict_update(SpObject *d, SpObject *other) { return dict_merge(d, other, 1); }

// d.copy(): a dense table is cloned as is (same size), otherwise the items are inserted into a new
// dict.
SpObject *sp_dict_copy(SpObject *d) {
    SpObject *copy = sp_dict_new();
    if (copy == NULL) {
        return NULL;
    }
    if (dict_merge(copy, d, 1) < 0) {
        SP_DECREF(copy);
        return NULL;
    }
    return copy;
}

// keys(), values() and items() as lists; `which` 0, 1, 2.
// The list forms of keys(), values() and items() used by C code (the methods return views).
static SpObject *dict_to_list(SpObject *d, int which) {
    SpObject *list = sp_list_new(SP_DICT_SIZE(d));
    if (list == NULL) {
        return NULL;
    }
    ssize_t pos = 0, i = 0;
    SpObject *key, *value;
    while (sp_dict_next(d, &pos, &key, &value)) {
        SpObject *item;
        if (which == 0) {
            item = sp_newref(key);
        } else if (which == 1) {
            item = sp_newref(value);
        } else {
            item = sp_tuple_pack(2, key, value);
            if (item == NULL) {
                SP_DECREF(list);
                return NULL;
            }
        }
        SP_LIST_SET_ITEM(list, i++, item);
    }
    return list;
}

SpObject *sp_dict_keys(SpObject *d) { return dict_to_list(d, 0); }
SpObject *sp_dict_values(SpObject *d) { return dict_to_list(d, 1); }
SpObject *sp_dict_items(SpObject *d) { return dict_to_list(d, 2); }

// d.pop(key) without a default: NULL with no exception when absent.
SpObject *sp_dict_pop(SpObject *d, SpObject *key) {
    SpDictObject *mp = (SpDictObject *)d;
    if (mp->ma_used == 0) {
        return NULL;
    }
    SpHash hash = key_hash(key);
    if (hash == -1) {
        return NULL;
    }
    ssize_t ix = dict_lookup(mp, key, hash);
    if (ix < 0) {
        return NULL;
    }
    SpObject *value = sp_newref(dk_entries(mp->ma_keys)[ix].value);
    delitem_common(mp, slot_of_entry(mp->ma_keys, hash, ix), ix);
    return value;
}

// ---------------------------------------------------------------------------
// Life cycle

#if SP_CFG_FREELISTS
#define DICT_MAXFREELIST 80
static SpDictObject *dict_free_list[DICT_MAXFREELIST];
static int dict_numfree;
#endif

// The table is detached before its items are released: their destructors may run code that looks at
// the dict.
static void dict_dealloc(SpObject *op) {
    SpDictObject *mp = (SpDictObject *)op;
    sp_gc_untrack(op);
    if (sp_trash_begin(op)) {
        return;
    }
    SpDictKeysObject *keys = mp->ma_keys;
    mp->ma_keys = EMPTY_KEYS;
    keys_decref_entries(keys);
#if SP_CFG_FREELISTS
    if (SP_DICT_CHECK_EXACT(op) && dict_numfree < DICT_MAXFREELIST) {
        dict_free_list[dict_numfree++] = mp;
        sp_trash_end();
        return;
    }
#endif
    SP_TYPE(op)->tp_free(op);
    sp_trash_end();
}

// Visit every live key and value for the cycle collector.
static int dict_traverse(SpObject *op, SpVisitProc visit, void *arg) {
    SpDictKeysObject *dk = ((SpDictObject *)op)->ma_keys;
    DictEntry *ep = dk_entries(dk);
    for (ssize_t i = 0; i < dk->dk_nentries; i++) {
        if (ep[i].key != NULL) {
            int r = visit(ep[i].key, arg);
            if (r) {
                return r;
            }
            r = visit(ep[i].value, arg);
            if (r) {
                return r;
            }
        }
    }
    return 0;
}

static int dict_tp_clear(SpObject *op) {
    sp_dict_clear(op);
    return 0;
}

// Allocation shared by sp_dict_new's free list and tp_new.
// tp_new and sp_dict_new: an empty dict on the shared empty table, exact dicts from the free list,
// tracked at once (always consistent).
static SpObject *dict_alloc(SpTypeObject *type) {
    SpDictObject *mp;
#if SP_CFG_FREELISTS
    if (type == &SpDict_Type && dict_numfree > 0) {
        mp = dict_free_list[--dict_numfree];
        mp->ob_base.ob_refcnt = 1;
    } else
#endif
    {
        mp = (SpDictObject *)sp_object_alloc(type, 0);
        if (mp == NULL) {
            return NULL;
        }
    }
    mp->ma_keys = EMPTY_KEYS;
    mp->ma_values = NULL;
    mp->ma_used = 0;
    mp->ma_version_tag = NEW_VERSION();
    sp_gc_track((SpObject *)mp);
    return (SpObject *)mp;
}

// ---------------------------------------------------------------------------
// Protocol slots

// "{'a': 1}"; "{...}" for a dict met again inside its own repr.
static SpObject *dict_repr(SpObject *d) {
    if (SP_DICT_SIZE(d) == 0) {
        return sp_str_from_cstr("{}");
    }
    int r = sp_repr_enter(d);
    if (r != 0) {
        return r > 0 ? sp_str_from_cstr("{...}") : NULL;
    }
    SpStrWriter w;
    sp_str_writer_init(&w);
    if (sp_str_writer_write_char(&w, '{') < 0) {
        goto error;
    }
    ssize_t pos = 0;
    SpObject *key, *value;
    int first = 1;
    while (sp_dict_next(d, &pos, &key, &value)) {
        // Hold the pair: the reprs may mutate the dict.
        SP_INCREF(key);
        SP_INCREF(value);
        int rc = 0;
        if (!first) {
            rc = sp_str_writer_write_ascii(&w, ", ", 2);
        }
        first = 0;
        SpObject *s = rc < 0 ? NULL : sp_object_repr(key);
        rc = s == NULL ? -1 : sp_str_writer_write_str(&w, s);
        SP_XDECREF(s);
        if (rc == 0) {
            rc = sp_str_writer_write_ascii(&w, ": ", 2);
        }
        s = rc < 0 ? NULL : sp_object_repr(value);
        rc = s == NULL ? -1 : sp_str_writer_write_str(&w, s);
        SP_XDECREF(s);
        SP_DECREF(key);
        SP_DECREF(value);
        if (rc < 0) {
            goto error;
        }
    }
    if (sp_str_writer_write_char(&w, '}') < 0) {
        goto error;
    }
    sp_repr_leave(d);
    return sp_str_writer_finish(&w);
error:
    sp_repr_leave(d);
    sp_str_writer_discard(&w);
    return NULL;
}

static ssize_t dict_length(SpObject *d) { return SP_DICT_SIZE(d); }

// d[key]; a miss on a subclass first tries type(d).__missing__(d, key), then raises KeyError(key).
static SpObject *dict_subscript(SpObject *d, SpObject *key) {
    SpHash hash = key_hash(key);
    if (hash == -1) {
        return NULL;
    }
    SpDictObject *mp = (SpDictObject *)d;
    ssize_t ix = dict_lookup(mp, key, hash);
    if (ix == DKIX_ERROR) {
        return NULL;
    }
    if (ix == DKIX_EMPTY) {
        if (!SP_DICT_CHECK_EXACT(d)) {
            // Subclasses may supply __missing__ (looked up on the type).
            int found = 0;
            SpObject *res = sp_call_special(d, sp_id(__missing__), &key, 1, &found);
            if (found || res != NULL) {
                return res;
            }
            if (sp_err_occurred()) {
                return NULL;
            }
        }
        set_key_error(key);
        return NULL;
    }
    return sp_newref(dk_entries(mp->ma_keys)[ix].value);
}

// d[key] = value / del d[key].
static int dict_ass_subscript(SpObject *d, SpObject *key, SpObject *value) {
    if (value == NULL) {
        return sp_dict_delitem(d, key);
    }
    return sp_dict_setitem(d, key, value);
}

static int dict_sq_contains(SpObject *d, SpObject *key) { return sp_dict_contains(d, key); }

// a == b for two dicts: same size and every key of a maps to an equal value in b.
// a == b: same length and every key of a present in b with an equal value. Each pair is held while
// compared: __eq__ may mutate either dict.
static int dict_equal(SpDictObject *a, SpDictObject *b) {
    if (a->ma_used != b->ma_used) {
        return 0;
    }
    SpDictKeysObject *dk = a->ma_keys;
    for (ssize_t i = 0; i < dk->dk_nentries; i++) {
        DictEntry *ep = &dk_entries(dk)[i];
        SpObject *key = ep->key;
        if (key == NULL) {
            continue;
        }
        SpObject *aval = ep->value;
        SP_INCREF(key);
        SP_INCREF(aval);
        SpObject *bval;
        int found = sp_dict_lookup_known_hash((SpObject *)b, key, ep->hash, &bval);
        int cmp;
        if (found <= 0) {
            cmp = found;  // 0 absent, -1 error
        } else {
            SP_INCREF(bval);
            cmp = sp_object_richcompare_bool(aval, bval, SP_EQ);
            SP_DECREF(bval);
        }
        SP_DECREF(aval);
        SP_DECREF(key);
        if (cmp <= 0) {
            return cmp;
        }
        dk = a->ma_keys;  // may have been replaced by a resize
    }
    return 1;
}

static SpObject *dict_richcompare(SpObject *v, SpObject *w, int op) {
    if (!SP_DICT_CHECK(v) || !SP_DICT_CHECK(w) || (op != SP_EQ && op != SP_NE)) {
        SP_RETURN_NOTIMPLEMENTED;
    }
    int cmp = dict_equal((SpDictObject *)v, (SpDictObject *)w);
    if (cmp < 0) {
        return NULL;
    }
    return sp_bool_from_long((op == SP_EQ) == cmp);
}

// Update from a positional argument: a dict, anything with keys(), or an
// iterable of pairs.
// dict(iterable_of_pairs): each element must be a 2-item iterable; the messages number the
// offending element as CPython does.
static int dict_merge_from_seq2(SpObject *d, SpObject *seq2, int override) {
    SpObject *it = sp_object_get_iter(seq2);
    if (it == NULL) {
        return -1;
    }
    ssize_t i = 0;
    SpObject *item;
    int result = -1;
    while ((item = sp_iter_next(it)) != NULL) {
        SpObject *keep = NULL;
        ssize_t n;
        SpObject *const *kv = sp_sequence_fast(item, &n, &keep, "");
        if (kv == NULL) {
            if (sp_err_matches_type(&SpExc_TypeError)) {
                sp_err_clear();
                sp_err_format(&SpExc_TypeError,
                              "cannot convert dictionary update sequence element #%zd to a "
                              "sequence",
                              i);
            }
            SP_DECREF(item);
            goto done;
        }
        if (n != 2) {
            sp_err_format(&SpExc_ValueError,
                          "dictionary update sequence element #%zd has length %zd; 2 is "
                          "required",
                          i, n);
            SP_DECREF(keep);
            SP_DECREF(item);
            goto done;
        }
        SpObject *key = sp_newref(kv[0]), *value = sp_newref(kv[1]);
        SP_DECREF(keep);
        SP_DECREF(item);
        int r = 0;
        if (override) {
            r = sp_dict_setitem(d, key, value);
        } else {
            r = sp_dict_contains(d, key);
            if (r == 0) {
                r = sp_dict_setitem(d, key, value);
            }
        }
        SP_DECREF(key);
        SP_DECREF(value);
        if (r < 0) {
            goto done;
        }
        i++;
    }
    result = sp_err_occurred() ? -1 : 0;
done:
    SP_DECREF(it);
    return result;
}

// The positional argument of dict() / update(): a dict, a mapping (has keys()), or pairs.
static int dict_update_arg(SpObject *d, SpObject *arg) {
    if (SP_DICT_CHECK_EXACT(arg)) {
        return dict_merge(d, arg, 1);
    }
    SpObject *keys = sp_object_lookup_attr(arg, sp_id(keys));
    if (keys == NULL && sp_err_occurred()) {
        return -1;
    }
    if (keys != NULL) {
        SP_DECREF(keys);
        return dict_merge(d, arg, 1);
    }
    return dict_merge_from_seq2(d, arg, 1);
}

// update(self, [arg], **kwargs) core shared by __init__ and update().
// update(self, [arg], **kw) with the keywords given as a vectorcall tail.
static int dict_update_common(SpObject *self, SpObject *arg, SpObject *const *kwvalues,
                              SpObject *kwnames) {
    if (arg != NULL && dict_update_arg(self, arg) < 0) {
        return -1;
    }
    if (kwnames != NULL) {
        for (ssize_t i = 0; i < SP_TUPLE_SIZE(kwnames); i++) {
            if (sp_dict_setitem(self, SP_TUPLE_GET_ITEM(kwnames, i), kwvalues[i]) < 0) {
                return -1;
            }
        }
    }
    return 0;
}

static SpObject *dict_new(SpTypeObject *type, SpObject *args, SpObject *kwargs) {
    return dict_alloc(type);
}

// dict.__init__: updates (not replaces) the dict, as CPython.
static int dict_init(SpObject *self, SpObject *args, SpObject *kwargs) {
    ssize_t nargs = SP_TUPLE_SIZE(args);
    if (nargs > 1) {
        sp_err_format(&SpExc_TypeError, "dict expected at most 1 argument, got %zd", nargs);
        return -1;
    }
    if (nargs == 1 && dict_update_arg(self, SP_TUPLE_GET_ITEM(args, 0)) < 0) {
        return -1;
    }
    if (kwargs != NULL && SP_DICT_SIZE(kwargs) > 0) {
        return dict_merge(self, kwargs, 1);
    }
    return 0;
}

// dict(...) without building an argument tuple and keyword dict.
static SpObject *dict_vectorcall(SpObject *type, SpObject *const *args, size_t nargsf,
                                 SpObject *kwnames) {
    ssize_t nargs = SP_VECTORCALL_NARGS(nargsf);
    if ((SpTypeObject *)type != &SpDict_Type) {
        return sp_vectorcall_via_tp_call(type, args, nargsf, kwnames);
    }
    if (!sp_arg_check_positional("dict", nargs, 0, 1)) {
        return NULL;
    }
    SpObject *d = dict_alloc(&SpDict_Type);
    if (d != NULL && dict_update_common(d, nargs ? args[0] : NULL, args + nargs, kwnames) < 0) {
        SP_DECREF(d);
        return NULL;
    }
    return d;
}

// d1 | d2 (3.9+): a copy of d1 updated with d2; only between dicts.
static SpObject *dict_or(SpObject *a, SpObject *b) {
    if (!SP_DICT_CHECK(a) || !SP_DICT_CHECK(b)) {
        SP_RETURN_NOTIMPLEMENTED;
    }
    SpObject *r = sp_dict_copy(a);
    if (r == NULL) {
        return NULL;
    }
    if (dict_update_arg(r, b) < 0) {
        SP_DECREF(r);
        return NULL;
    }
    return r;
}

// d |= other accepts anything update() accepts.
static SpObject *dict_ior(SpObject *self, SpObject *other) {
    if (dict_update_arg(self, other) < 0) {
        return NULL;
    }
    return sp_newref(self);
}

// ---------------------------------------------------------------------------
// Methods

// d.get(key, default=None).
static SpObject *dict_get(SpObject *self, SpObject *const *args, ssize_t nargs,
                          SpObject *kwnames) {
    if (!sp_arg_no_kwnames("dict.get", kwnames) || !sp_arg_check_positional("get", nargs, 1, 2)) {
        return NULL;
    }
    SpObject *key = args[0];
    SpHash hash = key_hash(key);
    if (hash == -1) {
        return NULL;
    }
    SpObject *value;
    int found = sp_dict_lookup_known_hash(self, key, hash, &value);
    if (found < 0) {
        return NULL;
    }
    if (found) {
        return sp_newref(value);
    }
    return sp_newref(nargs > 1 ? args[1] : sp_None);
}

// d.setdefault(key, default=None): one lookup when the key exists.
static SpObject *dict_setdefault(SpObject *self, SpObject *const *args, ssize_t nargs,
                                 SpObject *kwnames) {
    if (!sp_arg_no_kwnames("dict.setdefault", kwnames) ||
        !sp_arg_check_positional("setdefault", nargs, 1, 2)) {
        return NULL;
    }
    SpObject *key = args[0];
    SpObject *dflt = nargs > 1 ? args[1] : sp_None;
    SpHash hash = key_hash(key);
    if (hash == -1) {
        return NULL;
    }
    SpObject *value;
    int found = sp_dict_lookup_known_hash(self, key, hash, &value);
    if (found < 0) {
        return NULL;
    }
    if (found) {
        return sp_newref(value);
    }
    if (insertdict((SpDictObject *)self, key, hash, dflt) < 0) {
        return NULL;
    }
    return sp_newref(dflt);
}

// d.pop(key[, default]).
static SpObject *dict_pop_meth(SpObject *self, SpObject *const *args, ssize_t nargs,
                               SpObject *kwnames) {
    if (!sp_arg_no_kwnames("dict.pop", kwnames) || !sp_arg_check_positional("pop", nargs, 1, 2)) {
        return NULL;
    }
    SpObject *v = sp_dict_pop(self, args[0]);
    if (v != NULL || sp_err_occurred()) {
        return v;
    }
    if (nargs > 1) {
        return sp_newref(args[1]);
    }
    set_key_error(args[0]);
    return NULL;
}

// d.popitem(): the last inserted pair. The trailing entries are given back (dk_nentries shrinks),
// so a popitem() loop does not fill the table with holes.
static SpObject *dict_popitem(SpObject *self, SpObject *unused) {
    SpDictObject *mp = (SpDictObject *)self;
    if (mp->ma_used == 0) {
        sp_err_set_string(&SpExc_KeyError, "popitem(): dictionary is empty");
        return NULL;
    }
    // Allocate the result first so that failing cannot lose the item.
    SpObject *res = sp_tuple_new(2);
    if (res == NULL) {
        return NULL;
    }
    if (mp->ma_keys->dk_kind == DICT_KEYS_UNICODE) {
        // Keep the kind, as CPython: the table just shrinks at the end.
    }
    SpDictKeysObject *dk = mp->ma_keys;
    DictEntry *ep0 = dk_entries(dk);
    ssize_t i = dk->dk_nentries - 1;
    while (i >= 0 && ep0[i].key == NULL) {
        i--;
    }
    DictEntry *ep = &ep0[i];
    size_t slot = slot_of_entry(dk, ep->hash, i);
    dk_set_index(dk, slot, DKIX_DUMMY);
    SP_TUPLE_SET_ITEM(res, 0, ep->key);
    SP_TUPLE_SET_ITEM(res, 1, ep->value);
    ep->key = NULL;
    ep->value = NULL;
    // The freed entries at the end can be reused.
    dk->dk_nentries = i;
    mp->ma_used--;
    mp->ma_version_tag = NEW_VERSION();
    return res;
}

// d.update([other], **kw).
static SpObject *dict_update_meth(SpObject *self, SpObject *const *args, ssize_t nargs,
                                  SpObject *kwnames) {
    if (nargs > 1) {
        return sp_err_format(&SpExc_TypeError, "update expected at most 1 argument, got %zd",
                             nargs);
    }
    if (dict_update_common(self, nargs ? args[0] : NULL, args + nargs, kwnames) < 0) {
        return NULL;
    }
    SP_RETURN_NONE;
}

static SpObject *dict_clear_meth(SpObject *self, SpObject *unused) {
    sp_dict_clear(self);
    SP_RETURN_NONE;
}

static SpObject *dict_copy_meth(SpObject *self, SpObject *unused) { return sp_dict_copy(self); }

// dict.fromkeys(iterable, value=None), a classmethod: the result is cls(); subclasses get their own
// __setitem__ called.
static SpObject *dict_fromkeys(SpObject *cls, SpObject *const *args, ssize_t nargs,
                               SpObject *kwnames) {
    if (!sp_arg_no_kwnames("dict.fromkeys", kwnames) ||
        !sp_arg_check_positional("fromkeys", nargs, 1, 2)) {
        return NULL;
    }
    SpObject *iterable = args[0];
    SpObject *value = nargs > 1 ? args[1] : sp_None;
    SpObject *d = sp_call_noargs(cls);
    if (d == NULL) {
        return NULL;
    }
    if (SP_DICT_CHECK_EXACT(d) && ((SpDictObject *)d)->ma_used == 0) {
        // Presize from a dict or a set whose hashes are known.
        if (SP_DICT_CHECK_EXACT(iterable)) {
            ssize_t n = SP_DICT_SIZE(iterable);
            if (n > USABLE_FRACTION(DICT_MINSIZE) &&
                dictresize((SpDictObject *)d, estimate_log2_keysize(n), 0) < 0) {
                goto error;
            }
            ssize_t pos = 0;
            SpObject *key;
            SpHash hash;
            while (sp_dict_next_with_hash(iterable, &pos, &key, NULL, &hash)) {
                if (insertdict((SpDictObject *)d, key, hash, value) < 0) {
                    goto error;
                }
            }
            return d;
        }
    }
    SpObject *it = sp_object_get_iter(iterable);
    if (it == NULL) {
        goto error;
    }
    SpObject *key;
    while ((key = sp_iter_next(it)) != NULL) {
        int r = SP_DICT_CHECK_EXACT(d) ? sp_dict_setitem(d, key, value)
                                       : sp_object_setitem(d, key, value);
        SP_DECREF(key);
        if (r < 0) {
            SP_DECREF(it);
            goto error;
        }
    }
    SP_DECREF(it);
    if (sp_err_occurred()) {
        goto error;
    }
    return d;
error:
    SP_DECREF(d);
    return NULL;
}

static SpObject *dict_contains_meth(SpObject *self, SpObject *key) {
    int r = sp_dict_contains(self, key);
    if (r < 0) {
        return NULL;
    }
    return sp_bool_from_long(r);
}

static SpObject *dict_getitem_meth(SpObject *self, SpObject *key) {
    return dict_subscript(self, key);
}

// __sizeof__: what CPython 3.11 would report for the same table (entries
// of 16 bytes when every key is a str, else 24), without the GC header.
static SpObject *dict_sizeof(SpObject *self, SpObject *unused) {
    SpDictObject *mp = (SpDictObject *)self;
    size_t res = (size_t)SpDict_Type.tp_basicsize;
    SpDictKeysObject *dk = mp->ma_keys;
    if (dk != EMPTY_KEYS) {
        size_t entry = dk->dk_kind == DICT_KEYS_UNICODE ? 16 : 24;
        res += DICT_KEYS_HEADER_SIZE + ((size_t)1 << dk->dk_log2_index_bytes) +
               USABLE_FRACTION(DK_SIZE(dk)) * entry;
    }
    return sp_int_from_size(res);
}

static SpObject *dict_iter(SpObject *d);

static SpMethodDef dict_methods[] = {
    {"__class_getitem__", SP_METH(sp_generic_alias_class_getitem), SP_METH_O | SP_METH_CLASS,
     "See PEP 585"},
    {"__contains__", SP_METH(dict_contains_meth), SP_METH_O,
     "True if the dictionary has the specified key, else False."},
    {"__getitem__", SP_METH(dict_getitem_meth), SP_METH_O, "x.__getitem__(y) <==> x[y]"},
    {"__sizeof__", SP_METH(dict_sizeof), SP_METH_NOARGS,
     "D.__sizeof__() -> size of D in memory, in bytes"},
    {"get", SP_METH(dict_get), SP_METH_FASTCALL,
     "Return the value for key if key is in the dictionary, else default."},
    {"setdefault", SP_METH(dict_setdefault), SP_METH_FASTCALL,
     "Insert key with a value of default if key is not in the dictionary.\n\n"
     "Return the value for key if key is in the dictionary, else default."},
    {"pop", SP_METH(dict_pop_meth), SP_METH_FASTCALL,
     "D.pop(k[,d]) -> v, remove specified key and return the corresponding value.\n\n"
     "If the key is not found, return the default if given; otherwise,\n"
     "raise a KeyError."},
    {"popitem", SP_METH(dict_popitem), SP_METH_NOARGS,
     "Remove and return a (key, value) pair as a 2-tuple.\n\n"
     "Pairs are returned in LIFO (last-in, first-out) order.\n"
     "Raises KeyError if the dict is empty."},
    {"keys", SP_METH(sp_dictview_keys_meth), SP_METH_NOARGS,
     "D.keys() -> a set-like object providing a view on D's keys"},
    {"items", SP_METH(sp_dictview_items_meth), SP_METH_NOARGS,
     "D.items() -> a set-like object providing a view on D's items"},
    {"values", SP_METH(sp_dictview_values_meth), SP_METH_NOARGS,
     "D.values() -> an object providing a view on D's values"},
    {"update", SP_METH(dict_update_meth), SP_METH_FASTCALL,
     "D.update([E, ]**F) -> None.  Update D from dict/iterable E and F."},
    {"fromkeys", SP_METH(dict_fromkeys), SP_METH_FASTCALL | SP_METH_CLASS,
     "Create a new dictionary with keys from iterable and values set to value."},
    {"clear", SP_METH(dict_clear_meth), SP_METH_NOARGS,
     "D.clear() -> None.  Remove all items from D."},
    {"copy", SP_METH(dict_copy_meth), SP_METH_NOARGS, "D.copy() -> a shallow copy of D"},
    {"__reversed__", SP_METH(sp_dict_reversed_meth), SP_METH_NOARGS,
     "Return a reverse iterator over the dict keys."},
    {NULL, NULL, 0, NULL},
};

static SpSequenceMethods dict_as_sequence = {
    .sq_contains = dict_sq_contains,
};

static SpMappingMethods dict_as_mapping = {
    .mp_length = dict_length,
    .mp_subscript = dict_subscript,
    .mp_ass_subscript = dict_ass_subscript,
};

static SpNumberMethods dict_as_number = {
    .nb_or = dict_or,
    .nb_inplace_or = dict_ior,
};

static SpObject *dict_iter(SpObject *d) { return sp_dictiter_new(d, &SpDictIterKey_Type); }

SpTypeObject SpDict_Type = {
    SP_TYPE_HEAD_INIT,
    .tp_name = "dict",
    .tp_basicsize = sizeof(SpDictObject),
    .tp_dealloc = dict_dealloc,
    .tp_repr = dict_repr,
    .tp_as_number = &dict_as_number,
    .tp_as_sequence = &dict_as_sequence,
    .tp_as_mapping = &dict_as_mapping,
    .tp_hash = sp_object_hash_not_implemented,
    .tp_getattro = sp_object_generic_getattr,
    .tp_flags = SP_TPFLAGS_BASETYPE | SP_TPFLAGS_HAVE_GC | SP_TPFLAGS_DICT_SUBCLASS,
    .tp_doc = "dict() -> new empty dictionary\n"
              "dict(mapping) -> new dictionary initialized from a mapping object's\n"
              "    (key, value) pairs\n"
              "dict(iterable) -> new dictionary initialized as if via:\n"
              "    d = {}\n"
              "    for k, v in iterable:\n"
              "        d[k] = v\n"
              "dict(**kwargs) -> new dictionary initialized with the name=value pairs\n"
              "    in the keyword argument list.  For example:  dict(one=1, two=2)",
    .tp_traverse = dict_traverse,
    .tp_clear = dict_tp_clear,
    .tp_richcompare = dict_richcompare,
    .tp_iter = dict_iter,
    .tp_methods = dict_methods,
    .tp_init = dict_init,
    .tp_new = dict_new,
    .tp_free = sp_object_free,
    .tp_vectorcall = dict_vectorcall,
};
