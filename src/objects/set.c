// smallpy: set and frozenset: an open-addressing table with short linear
// probe runs, CPython 3.11's algorithm step for step (table sizes, probing,
// resizes and the order each operation visits its operands), so that
// iteration order, and thus print({3, 1, 2}), agrees with CPython.
// Counterpart: CPython 3.11 Objects/setobject.c.
#include "objects/set.h"

#include <string.h>

#include "core/abstract.h"
#include "core/err.h"
#include "core/gc.h"
#include "core/mem.h"
#include "objects/cont.h"
#include "objects/dict.h"
#include "objects/func.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/none.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"

typedef struct {
    SpObject *key;  // NULL: never used; DUMMY: deleted
    SpHash hash;    // 0 for unused slots, -1 for dummies
} SetEntry;

#define SET_MINSIZE 8
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

// The layout of CPython 3.11's PySetObject (sizeof 200: sys.getsizeof(set())
// is 216 with the GC header).
typedef struct {
    SP_OBJECT_HEAD;
    // Invariants: 0 <= used <= fill <= mask; the table size mask + 1 is a
    // power of two >= SET_MINSIZE; a slot is unused (key NULL, hash 0), a dummy
    // (key DUMMY, hash -1) or active. Since fill < mask + 1 always, every probe
    // sequence reaches an unused slot and lookups terminate.
    ssize_t fill;   // active + dummy slots
    ssize_t used;   // active slots
    ssize_t mask;   // table size - 1
    SetEntry *table;  // smalltable or a heap array
    SpHash hash;    // frozenset hash cache, -1 until computed
    ssize_t finger; // where pop() resumes
    SetEntry smalltable[SET_MINSIZE];
    SpObject *weakreflist;  // unused; keeps the size honest
} SpSetObject;

#define SO(o) ((SpSetObject *)(o))

// Deleted slots hold this marker object as key.
// A dummy keeps the probe chains through a deleted slot intact; it is
// never compared with (its hash -1 matches no real hash).
static SpObject dummy_struct = {1, NULL};
#define DUMMY (&dummy_struct)

static SpObject *make_new_set(SpTypeObject *type, SpObject *iterable);
static int set_update_internal(SpSetObject *so, SpObject *other);

// hash(key), reading a str's cached hash inline (the common key type).
static inline SpHash key_hash(SpObject *key) {
    if (SP_STR_CHECK_EXACT(key)) {
        SpHash h = ((SpASCIIObject *)key)->hash;
        return h != -1 ? h : sp_str_hash(key);
    }
    return sp_object_hash(key);
}

// ---------------------------------------------------------------------------
// The table

// Find key: the entry holding it, or the empty entry ending its probe
// sequence (key NULL). NULL with an exception if a comparison failed.
static SetEntry *set_lookkey(SpSetObject *so, SpObject *key, SpHash hash) {
restart:;
    size_t perturb = (size_t)hash;
    size_t mask = (size_t)so->mask;
    size_t i = (size_t)hash & mask;
    for (;;) {
        // Look at up to LINEAR_PROBES + 1 neighbouring slots (cheap: same
        // cache lines) before jumping by the perturbed step. Near the end of
        // the table only the slot itself is tried, so no wrap-around.
        SetEntry *entry = &so->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            // An unused slot ends the search; dummies (hash -1) never match
            // since no hash is -1.
            if (entry->hash == 0 && entry->key == NULL) {
                return entry;
            }
            if (entry->hash == hash) {
                SpObject *startkey = entry->key;
                if (startkey == key) {
                    return entry;
                }
                if (SP_STR_CHECK_EXACT(startkey) && SP_STR_CHECK_EXACT(key)) {
                    if (sp_str_eq(startkey, key)) {
                        return entry;
                    }
                } else {
                    // __eq__ may run any code, even mutate this set: if the
                    // table or this slot changed, the probe is stale.
                    SetEntry *table = so->table;
                    SP_INCREF(startkey);
                    int cmp = sp_object_richcompare_bool(startkey, key, SP_EQ);
                    SP_DECREF(startkey);
                    if (cmp < 0) {
                        return NULL;
                    }
                    if (table != so->table || entry->key != startkey) {
                        goto restart;
                    }
                    if (cmp > 0) {
                        return entry;
                    }
                    mask = (size_t)so->mask;
                }
            }
            entry++;
        } while (probes--);
        // CPython's recurrence i = 5i + 1 + perturb: perturb feeds in the hash's
        // high bits first, and once it reaches 0 the 5i + 1 cycle alone visits
        // every slot of a power-of-two table, so an unused slot is always found.
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

static int set_table_resize(SpSetObject *so, ssize_t minused);

// Add key (borrowed; the set takes its own reference). 0 or -1.
static int set_add_entry(SpSetObject *so, SpObject *key, SpHash hash) {
    SP_INCREF(key);
restart:;
    size_t mask = (size_t)so->mask;
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    SetEntry *freeslot = NULL;
    SetEntry *entry;
    for (;;) {
        entry = &so->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == NULL) {
                goto found_unused_or_dummy;
            }
            if (entry->hash == hash) {
                SpObject *startkey = entry->key;
                if (startkey == key) {
                    goto found_active;
                }
                if (SP_STR_CHECK_EXACT(startkey) && SP_STR_CHECK_EXACT(key)) {
                    if (sp_str_eq(startkey, key)) {
                        goto found_active;
                    }
                } else {
                    SetEntry *table = so->table;
                    SP_INCREF(startkey);
                    int cmp = sp_object_richcompare_bool(startkey, key, SP_EQ);
                    SP_DECREF(startkey);
                    if (cmp > 0) {
                        goto found_active;
                    }
                    if (cmp < 0) {
                        SP_DECREF(key);
                        return -1;
                    }
                    if (table != so->table || entry->key != startkey) {
                        goto restart;
                    }
                    mask = (size_t)so->mask;
                }
            } else if (entry->hash == -1 && freeslot == NULL) {
                // Remember the first dummy: the key goes there if it turns
                // out to be absent (CPython 3.11 reuses dummies this way).
                freeslot = entry;
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_unused_or_dummy:
    if (freeslot != NULL) {
        // Reuse a deleted slot: fill does not change.
        so->used++;
        freeslot->key = key;
        freeslot->hash = hash;
        return 0;
    }
    so->fill++;
    so->used++;
    entry->key = key;
    entry->hash = hash;
    // Keep the table at most 60% full (dummies count): grow to four times
    // the live keys (twice for huge sets).
    if ((size_t)so->fill * 5 < mask * 3) {
        return 0;
    }
    return set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
found_active:
    SP_DECREF(key);
    return 0;
}

// Insert into a table known to hold no dummies and not this key.
static void set_insert_clean(SetEntry *table, size_t mask, SpObject *key, SpHash hash) {
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    SetEntry *entry;
    for (;;) {
        entry = &table[i];
        if (entry->key == NULL) {
            goto found_null;
        }
        if (i + LINEAR_PROBES <= mask) {
            for (int j = 0; j < LINEAR_PROBES; j++) {
                entry++;
                if (entry->key == NULL) {
                    goto found_null;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_null:
    entry->key = key;
    entry->hash = hash;
}

// Rebuild the table with the smallest power of 2 above minused (at least 8)
// slots, dropping dummies. Entries move in the order of the old table.
static int set_table_resize(SpSetObject *so, ssize_t minused) {
    size_t newsize = SET_MINSIZE;
    while (newsize <= (size_t)minused) {
        newsize <<= 1;
    }
    SetEntry *oldtable = so->table;
    int is_oldtable_malloced = oldtable != so->smalltable;
    // Shrinking into the built-in smalltable while it is the current table
    // (set full of dummies): copy it aside first, since it is rebuilt in place.
    SetEntry small_copy[SET_MINSIZE];
    SetEntry *newtable;
    if (newsize == SET_MINSIZE) {
        newtable = so->smalltable;
        if (newtable == oldtable) {
            // No dummies: every non-NULL key is live, so the cheaper test suffices.
            if (so->fill == so->used) {
                return 0;  // nothing to clean up
            }
            memcpy(small_copy, oldtable, sizeof(small_copy));
            oldtable = small_copy;
        }
    } else {
        if (newsize > (size_t)SSIZE_MAX / sizeof(SetEntry)) {
            sp_err_no_memory();
            return -1;
        }
        newtable = sp_mem_alloc(newsize * sizeof(SetEntry));
        if (newtable == NULL) {
            sp_err_no_memory();
            return -1;
        }
    }
    memset(newtable, 0, newsize * sizeof(SetEntry));
    ssize_t oldmask = so->mask;
    so->mask = (ssize_t)newsize - 1;
    so->table = newtable;
    size_t newmask = newsize - 1;
    if (so->fill == so->used) {
        for (ssize_t i = 0; i <= oldmask; i++) {
            if (oldtable[i].key != NULL) {
                set_insert_clean(newtable, newmask, oldtable[i].key, oldtable[i].hash);
            }
        }
    } else {
        so->fill = so->used;
        for (ssize_t i = 0; i <= oldmask; i++) {
            if (oldtable[i].key != NULL && oldtable[i].key != DUMMY) {
                set_insert_clean(newtable, newmask, oldtable[i].key, oldtable[i].hash);
            }
        }
    }
    if (is_oldtable_malloced) {
        sp_mem_free(oldtable);
    }
    return 0;
}

static int set_contains_entry(SpSetObject *so, SpObject *key, SpHash hash) {
    SetEntry *entry = set_lookkey(so, key, hash);
    if (entry == NULL) {
        return -1;
    }
    return entry->key != NULL;
}

enum { DISCARD_NOTFOUND = 0, DISCARD_FOUND = 1 };

static int set_discard_entry(SpSetObject *so, SpObject *key, SpHash hash) {
    SetEntry *entry = set_lookkey(so, key, hash);
    if (entry == NULL) {
        return -1;
    }
    if (entry->key == NULL) {
        return DISCARD_NOTFOUND;
    }
    SpObject *old = entry->key;
    entry->key = DUMMY;
    entry->hash = -1;
    so->used--;
    SP_DECREF(old);
    return DISCARD_FOUND;
}

static int set_add_key(SpSetObject *so, SpObject *key) {
    SpHash hash = key_hash(key);
    if (hash == -1) {
        return -1;
    }
    return set_add_entry(so, key, hash);
}

static int set_contains_key(SpSetObject *so, SpObject *key) {
    SpHash hash = key_hash(key);
    if (hash == -1) {
        return -1;
    }
    return set_contains_entry(so, key, hash);
}

static int set_discard_key(SpSetObject *so, SpObject *key) {
    SpHash hash = key_hash(key);
    if (hash == -1) {
        return -1;
    }
    return set_discard_entry(so, key, hash);
}

// Empty the set, releasing the keys only after it is consistent again.
static int set_clear_internal(SpSetObject *so) {
    SetEntry *table = so->table;
    int table_is_malloced = table != so->smalltable;
    SetEntry small_copy[SET_MINSIZE];
    ssize_t fill = so->fill;
    if (fill == 0 && !table_is_malloced) {
        return 0;
    }
    if (!table_is_malloced) {
        memcpy(small_copy, table, sizeof(small_copy));
        table = small_copy;
    }
    memset(so->smalltable, 0, sizeof(so->smalltable));
    so->fill = 0;
    so->used = 0;
    so->mask = SET_MINSIZE - 1;
    so->table = so->smalltable;
    so->hash = -1;
    for (SetEntry *entry = table; fill > 0; entry++) {
        if (entry->key != NULL) {
            fill--;
            if (entry->key != DUMMY) {
                SP_DECREF(entry->key);
            }
        }
    }
    if (table_is_malloced) {
        sp_mem_free(table);
    }
    return 0;
}

// Iterate the table: *pos is a slot index; returns 1 with *entry set, 0 at end.
static int set_next(SpSetObject *so, ssize_t *pos, SetEntry **entry) {
    ssize_t i = *pos;
    SetEntry *e = &so->table[i];
    while (i <= so->mask && (e->key == NULL || e->key == DUMMY)) {
        i++;
        e++;
    }
    *pos = i + 1;
    if (i > so->mask) {
        return 0;
    }
    *entry = e;
    return 1;
}

// Add every key of other (a set or frozenset) to so.
static int set_merge(SpSetObject *so, SpSetObject *other) {
    if (other == so || other->used == 0) {
        return 0;
    }
    // One big resize up front rather than several while inserting.
    // Sized for both sets as if disjoint (twice the sum, like CPython): one
    // resize instead of several; overlap just leaves the table sparser.
    if ((so->fill + other->used) * 5 >= so->mask * 3) {
        if (set_table_resize(so, (so->used + other->used) * 2) != 0) {
            return -1;
        }
    }
    SetEntry *so_entry = so->table, *other_entry = other->table;
    // Empty target of the same size and no dummies: copy slot by slot.
    if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
        for (ssize_t i = 0; i <= other->mask; i++, so_entry++, other_entry++) {
            SpObject *key = other_entry->key;
            if (key != NULL) {
                so_entry->key = sp_newref(key);
                so_entry->hash = other_entry->hash;
            }
        }
        so->fill = other->fill;
        so->used = other->used;
        return 0;
    }
    // Empty target of another size: no key can be present yet and there are
    // no dummies, so keys go straight to their first free slot without any
    // comparisons (set_insert_clean). The order of the other table is kept.
    if (so->fill == 0) {
        SetEntry *newtable = so->table;
        size_t newmask = (size_t)so->mask;
        so->fill = other->used;
        so->used = other->used;
        for (ssize_t i = other->mask + 1; i > 0; i--, other_entry++) {
            SpObject *key = other_entry->key;
            if (key != NULL && key != DUMMY) {
                set_insert_clean(newtable, newmask, sp_newref(key), other_entry->hash);
            }
        }
        return 0;
    }
    // General case: every key may already be present, so each goes through
    // the full lookup. other's hashes are reused: no key is hashed again.
    for (ssize_t i = 0; i <= other->mask; i++) {
        other_entry = &other->table[i];
        SpObject *key = other_entry->key;
        if (key != NULL && key != DUMMY) {
            if (set_add_entry(so, key, other_entry->hash) < 0) {
                return -1;
            }
        }
    }
    return 0;
}

static int set_update_internal(SpSetObject *so, SpObject *other) {
    if (SP_ANYSET_CHECK(other)) {
        return set_merge(so, SO(other));
    }
    if (SP_DICT_CHECK_EXACT(other)) {
        ssize_t dictsize = SP_DICT_SIZE(other);
        if ((so->fill + dictsize) * 5 >= so->mask * 3) {
            if (set_table_resize(so, (so->used + dictsize) * 2) != 0) {
                return -1;
            }
        }
        ssize_t pos = 0;
        SpObject *key;
        SpHash hash;
        while (sp_dict_next_with_hash(other, &pos, &key, NULL, &hash)) {
            if (set_add_entry(so, key, hash) < 0) {
                return -1;
            }
        }
        return 0;
    }
    SpObject *it = sp_object_get_iter(other);
    if (it == NULL) {
        return -1;
    }
    SpIterNextFunc next = SP_TYPE(it)->tp_iternext;
    SpObject *key;
    while ((key = next(it)) != NULL) {
        int r = set_add_key(so, key);
        SP_DECREF(key);
        if (r < 0) {
            SP_DECREF(it);
            return -1;
        }
    }
    SP_DECREF(it);
    if (sp_err_occurred()) {
        if (!sp_err_matches_type(&SpExc_StopIteration)) {
            return -1;
        }
        sp_err_clear();
    }
    return 0;
}

// ---------------------------------------------------------------------------
// Construction and life cycle

// A new set or frozenset (or subclass instance) on its built-in small table, filled from iterable
// when given.
static SpObject *make_new_set(SpTypeObject *type, SpObject *iterable) {
    SpSetObject *so = (SpSetObject *)sp_object_alloc(type, 0);
    if (so == NULL) {
        return NULL;
    }
    so->fill = 0;
    so->used = 0;
    so->mask = SET_MINSIZE - 1;
    so->table = so->smalltable;
    so->hash = -1;
    so->finger = 0;
    so->weakreflist = NULL;
    sp_gc_track((SpObject *)so);
    if (iterable != NULL && set_update_internal(so, iterable) < 0) {
        SP_DECREF(so);
        return NULL;
    }
    return (SpObject *)so;
}

// Results of operations on subclasses are plain sets or frozensets.
// Results of operations on subclasses are plain sets or frozensets: a subclass's __init__ may need
// arguments we cannot supply.
static SpObject *make_new_set_basetype(SpTypeObject *type, SpObject *iterable) {
    if (type != &SpSet_Type && type != &SpFrozenSet_Type) {
        type = sp_type_is_subtype(type, &SpSet_Type) ? &SpSet_Type : &SpFrozenSet_Type;
    }
    return make_new_set(type, iterable);
}

SpObject *sp_set_new(SpObject *iterable) { return make_new_set(&SpSet_Type, iterable); }
SpObject *sp_frozenset_new(SpObject *iterable) {
    return make_new_set(&SpFrozenSet_Type, iterable);
}
SpObject *sp_set_new_of_type(SpTypeObject *type, SpObject *iterable) {
    return make_new_set(type, iterable);
}

// fill counts active and dummy slots: the walk stops once all of them were seen, without scanning
// the rest of a big, mostly empty table.
static void set_dealloc(SpObject *op) {
    SpSetObject *so = SO(op);
    sp_gc_untrack(op);
    if (sp_trash_begin(op)) {
        return;
    }
    ssize_t used = so->fill;
    for (SetEntry *entry = so->table; used > 0; entry++) {
        if (entry->key != NULL) {
            used--;
            if (entry->key != DUMMY) {
                SP_DECREF(entry->key);
            }
        }
    }
    if (so->table != so->smalltable) {
        sp_mem_free(so->table);
    }
    SP_TYPE(op)->tp_free(op);
    sp_trash_end();
}

// Visit every live key for the cycle collector.
static int set_traverse(SpObject *op, SpVisitProc visit, void *arg) {
    ssize_t pos = 0;
    SetEntry *entry;
    while (set_next(SO(op), &pos, &entry)) {
        int r = visit(entry->key, arg);
        if (r) {
            return r;
        }
    }
    return 0;
}

static int set_tp_clear(SpObject *op) { return set_clear_internal(SO(op)); }

// Exchange the contents of a and b (used by the *_update methods, which
// compute a new set and then take its body).
static void set_swap_bodies(SpSetObject *a, SpSetObject *b) {
    ssize_t t;
    t = a->fill; a->fill = b->fill; b->fill = t;
    t = a->used; a->used = b->used; b->used = t;
    t = a->mask; a->mask = b->mask; b->mask = t;
    SetEntry *u = a->table;
    if (a->table == a->smalltable) {
        u = b->smalltable;
    }
    a->table = b->table;
    if (b->table == b->smalltable) {
        a->table = a->smalltable;
    }
    b->table = u;
    if (a->table == a->smalltable || b->table == b->smalltable) {
        SetEntry tab[SET_MINSIZE];
        memcpy(tab, a->smalltable, sizeof(tab));
        memcpy(a->smalltable, b->smalltable, sizeof(tab));
        memcpy(b->smalltable, tab, sizeof(tab));
    }
    if (sp_type_is_subtype(SP_TYPE(a), &SpFrozenSet_Type) &&
        sp_type_is_subtype(SP_TYPE(b), &SpFrozenSet_Type)) {
        SpHash h = a->hash;
        a->hash = b->hash;
        b->hash = h;
    } else {
        a->hash = -1;
        b->hash = -1;
    }
}

// ---------------------------------------------------------------------------
// The C API

int sp_set_add(SpObject *set, SpObject *key) { return set_add_key(SO(set), key); }

int sp_set_contains(SpObject *set, SpObject *key) { return set_contains_key(SO(set), key); }

int sp_set_update(SpObject *set, SpObject *iterable) {
    return set_update_internal(SO(set), iterable);
}

ssize_t sp_set_size(SpObject *set) { return SO(set)->used; }

int sp_set_discard(SpObject *set, SpObject *key) { return set_discard_key(SO(set), key); }

// ---------------------------------------------------------------------------
// Operations

// s.copy(): set_merge copies slot by slot into an equal-size table, so the copy iterates in the
// same order as the original.
static SpObject *set_copy(SpObject *so, SpObject *unused) {
    return make_new_set_basetype(SP_TYPE(so), so);
}

// A frozenset is immutable: copy() returns it (exact type only).
static SpObject *frozenset_copy(SpObject *so, SpObject *unused) {
    if (SP_IS_TYPE(so, &SpFrozenSet_Type)) {
        return sp_newref(so);
    }
    return set_copy(so, NULL);
}

// so & other. With two sets, the smaller one is walked and the result gets its keys in that walk's
// order; any other iterable is walked as given.
static SpObject *set_intersection(SpSetObject *so, SpObject *other) {
    if ((SpObject *)so == other) {
        // s & s: a copy, which also keeps the iteration order of s.
        return set_copy((SpObject *)so, NULL);
    }
    SpSetObject *result = (SpSetObject *)make_new_set_basetype(SP_TYPE(so), NULL);
    if (result == NULL) {
        return NULL;
    }
    if (SP_ANYSET_CHECK(other)) {
        // Walk the smaller set, probe the larger.
        if (SO(other)->used > so->used) {
            SpSetObject *t = so;
            so = SO(other);
            other = (SpObject *)t;
        }
        ssize_t pos = 0;
        SetEntry *entry;
        while (set_next(SO(other), &pos, &entry)) {
            // The key is held across the probe: __eq__ on it may mutate either set
            // and drop the table's reference.
            SpObject *key = sp_newref(entry->key);
            SpHash hash = entry->hash;
            int rv = set_contains_entry(so, key, hash);
            if (rv > 0) {
                rv = set_add_entry(result, key, hash);
            }
            SP_DECREF(key);
            if (rv < 0) {
                SP_DECREF(result);
                return NULL;
            }
        }
        return (SpObject *)result;
    }
    SpObject *it = sp_object_get_iter(other);
    if (it == NULL) {
        SP_DECREF(result);
        return NULL;
    }
    SpObject *key;
    while ((key = sp_iter_next(it)) != NULL) {
        // A non-set iterable: its keys are hashed once each here; unhashable
        // items raise TypeError just as `x in s` would.
        SpHash hash = key_hash(key);
        int rv = hash == -1 ? -1 : set_contains_entry(so, key, hash);
        if (rv > 0) {
            rv = set_add_entry(result, key, hash);
        }
        SP_DECREF(key);
        if (rv < 0) {
            SP_DECREF(it);
            SP_DECREF(result);
            return NULL;
        }
    }
    SP_DECREF(it);
    if (sp_err_occurred()) {
        SP_DECREF(result);
        return NULL;
    }
    return (SpObject *)result;
}

// so -= other: discard each key of other.
static int set_difference_update_internal(SpSetObject *so, SpObject *other) {
    if ((SpObject *)so == other) {
        return set_clear_internal(so);
    }
    if (SP_ANYSET_CHECK(other)) {
        // A much bigger other: only the common part matters.
        // other has more than 8x the keys: walking it would cost far more than
        // first intersecting (which walks the small so) and then discarding.
        if ((SO(other)->used >> 3) > so->used) {
            other = set_intersection(so, other);
            if (other == NULL) {
                return -1;
            }
        } else {
            SP_INCREF(other);
        }
        ssize_t pos = 0;
        SetEntry *entry;
        while (set_next(SO(other), &pos, &entry)) {
            SpObject *key = sp_newref(entry->key);
            int rv = set_discard_entry(so, key, entry->hash);
            SP_DECREF(key);
            if (rv < 0) {
                SP_DECREF(other);
                return -1;
            }
        }
        SP_DECREF(other);
    } else {
        SpObject *it = sp_object_get_iter(other);
        if (it == NULL) {
            return -1;
        }
        SpObject *key;
        while ((key = sp_iter_next(it)) != NULL) {
            int rv = set_discard_key(so, key);
            SP_DECREF(key);
            if (rv < 0) {
                SP_DECREF(it);
                return -1;
            }
        }
        SP_DECREF(it);
        if (sp_err_occurred()) {
            return -1;
        }
    }
    // More than a quarter dummies: rebuild without them.
    // Discards leave dummies that lengthen every probe; CPython 3.11 rebuilds
    // here so a big difference_update does not leave a slow table behind.
    if ((size_t)(so->fill - so->used) <= (size_t)so->mask / 4) {
        return 0;
    }
    return set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

// so - other computed as copy then discard: best when so is much bigger than other.
static SpObject *set_copy_and_difference(SpSetObject *so, SpObject *other) {
    SpObject *result = set_copy((SpObject *)so, NULL);
    if (result == NULL) {
        return NULL;
    }
    if (set_difference_update_internal(SO(result), other) < 0) {
        SP_DECREF(result);
        return NULL;
    }
    return result;
}

// so - other. When other is comparable in size (a set or dict), walk so and keep what other lacks;
// otherwise copy so and discard.
static SpObject *set_difference(SpSetObject *so, SpObject *other) {
    ssize_t other_size;
    if (SP_ANYSET_CHECK(other)) {
        other_size = SO(other)->used;
    } else if (SP_DICT_CHECK_EXACT(other)) {
        other_size = SP_DICT_SIZE(other);
    } else {
        return set_copy_and_difference(so, other);
    }
    if ((so->used >> 2) > other_size) {
        return set_copy_and_difference(so, other);
    }
    SpSetObject *result = (SpSetObject *)make_new_set_basetype(SP_TYPE(so), NULL);
    if (result == NULL) {
        return NULL;
    }
    ssize_t pos = 0;
    SetEntry *entry;
    while (set_next(so, &pos, &entry)) {
        SpObject *key = sp_newref(entry->key);
        SpHash hash = entry->hash;
        int rv;
        if (SP_DICT_CHECK_EXACT(other)) {
            SpObject *v;
            rv = sp_dict_lookup_known_hash(other, key, hash, &v);
        } else {
            rv = set_contains_entry(SO(other), key, hash);
        }
        if (rv == 0) {
            rv = set_add_entry(result, key, hash);
        }
        SP_DECREF(key);
        if (rv < 0) {
            SP_DECREF(result);
            return NULL;
        }
    }
    return (SpObject *)result;
}

// so ^= other: each key of other is removed from so if present, else added. A non-set other is
// turned into a set first so that duplicates in it count once.
static int set_symmetric_difference_update_internal(SpSetObject *so, SpObject *other) {
    if ((SpObject *)so == other) {
        return set_clear_internal(so);
    }
    if (SP_DICT_CHECK_EXACT(other)) {
        ssize_t pos = 0;
        SpObject *key;
        SpHash hash;
        while (sp_dict_next_with_hash(other, &pos, &key, NULL, &hash)) {
            SP_INCREF(key);
            int rv = set_discard_entry(so, key, hash);
            if (rv == DISCARD_NOTFOUND) {
                rv = set_add_entry(so, key, hash);
            }
            SP_DECREF(key);
            if (rv < 0) {
                return -1;
            }
        }
        return 0;
    }
    SpSetObject *otherset;
    if (SP_ANYSET_CHECK(other)) {
        otherset = (SpSetObject *)sp_newref(other);
    } else {
        otherset = (SpSetObject *)make_new_set_basetype(SP_TYPE(so), other);
        if (otherset == NULL) {
            return -1;
        }
    }
    ssize_t pos = 0;
    SetEntry *entry;
    while (set_next(otherset, &pos, &entry)) {
        SpObject *key = sp_newref(entry->key);
        SpHash hash = entry->hash;
        int rv = set_discard_entry(so, key, hash);
        if (rv == DISCARD_NOTFOUND) {
            rv = set_add_entry(so, key, hash);
        }
        SP_DECREF(key);
        if (rv < 0) {
            SP_DECREF(otherset);
            return -1;
        }
    }
    SP_DECREF(otherset);
    return 0;
}

// so ^ other is built as set(other) ^= so, CPython's way (and order).
static SpObject *set_symmetric_difference(SpSetObject *so, SpObject *other) {
    SpObject *otherset = make_new_set_basetype(SP_TYPE(so), other);
    if (otherset == NULL) {
        return NULL;
    }
    if (set_symmetric_difference_update_internal(SO(otherset), (SpObject *)so) < 0) {
        SP_DECREF(otherset);
        return NULL;
    }
    return otherset;
}

// 1 if every key of so is in other (a set), 0, -1.
static int set_issubset_internal(SpSetObject *so, SpSetObject *other) {
    if (so->used > other->used) {
        return 0;
    }
    ssize_t pos = 0;
    SetEntry *entry;
    while (set_next(so, &pos, &entry)) {
        SpObject *key = sp_newref(entry->key);
        int rv = set_contains_entry(other, key, entry->hash);
        SP_DECREF(key);
        if (rv <= 0) {
            return rv;
        }
    }
    return 1;
}

// so <= other; a non-set other is first made into a set.
static SpObject *set_issubset(SpObject *so, SpObject *other) {
    int r;
    if (!SP_ANYSET_CHECK(other)) {
        SpObject *tmp = make_new_set(&SpSet_Type, other);
        if (tmp == NULL) {
            return NULL;
        }
        r = set_issubset_internal(SO(so), SO(tmp));
        SP_DECREF(tmp);
    } else {
        r = set_issubset_internal(SO(so), SO(other));
    }
    if (r < 0) {
        return NULL;
    }
    return sp_bool_from_long(r);
}

// so >= other; a non-set other is walked and each key looked up in so.
static SpObject *set_issuperset(SpObject *so, SpObject *other) {
    if (SP_ANYSET_CHECK(other)) {
        int r = set_issubset_internal(SO(other), SO(so));
        return r < 0 ? NULL : sp_bool_from_long(r);
    }
    SpObject *it = sp_object_get_iter(other);
    if (it == NULL) {
        return NULL;
    }
    SpObject *key;
    while ((key = sp_iter_next(it)) != NULL) {
        int rv = set_contains_key(SO(so), key);
        SP_DECREF(key);
        if (rv <= 0) {
            SP_DECREF(it);
            return rv < 0 ? NULL : sp_newref(sp_False);
        }
    }
    SP_DECREF(it);
    if (sp_err_occurred()) {
        return NULL;
    }
    SP_RETURN_TRUE;
}

// No common key. With two sets the smaller one is walked.
static SpObject *set_isdisjoint(SpObject *self, SpObject *other) {
    SpSetObject *so = SO(self);
    if (self == other) {
        return sp_bool_from_long(so->used == 0);
    }
    if (SP_IS_TYPE(other, &SpSet_Type) || SP_IS_TYPE(other, &SpFrozenSet_Type)) {
        SpSetObject *o = SO(other);
        if (o->used > so->used) {
            SpSetObject *t = so;
            so = o;
            o = t;
        }
        ssize_t pos = 0;
        SetEntry *entry;
        while (set_next(o, &pos, &entry)) {
            SpObject *key = sp_newref(entry->key);
            int rv = set_contains_entry(so, key, entry->hash);
            SP_DECREF(key);
            if (rv != 0) {
                return rv < 0 ? NULL : sp_newref(sp_False);
            }
        }
        SP_RETURN_TRUE;
    }
    SpObject *it = sp_object_get_iter(other);
    if (it == NULL) {
        return NULL;
    }
    SpObject *key;
    while ((key = sp_iter_next(it)) != NULL) {
        int rv = set_contains_key(so, key);
        SP_DECREF(key);
        if (rv != 0) {
            SP_DECREF(it);
            return rv < 0 ? NULL : sp_newref(sp_False);
        }
    }
    SP_DECREF(it);
    if (sp_err_occurred()) {
        return NULL;
    }
    SP_RETURN_TRUE;
}

// ---------------------------------------------------------------------------
// Methods taking any number of iterables

// "set.union() takes no keyword arguments" (frozenset.union for frozensets).
static int no_kwnames(SpObject *so, const char *meth, SpObject *kwnames) {
    if (kwnames == NULL || SP_TUPLE_SIZE(kwnames) == 0) {
        return 1;
    }
    sp_err_format(&SpExc_TypeError, "%s.%s() takes no keyword arguments",
                  SP_OBJECT_TYPE_CHECK(so, &SpFrozenSet_Type) ? "frozenset" : "set", meth);
    return 0;
}

// s.union(*others): a copy of s updated with each argument.
static SpObject *set_union_meth(SpObject *so, SpObject *const *args, ssize_t nargs,
                                SpObject *kwnames) {
    if (!no_kwnames(so, "union", kwnames)) {
        return NULL;
    }
    SpObject *result = set_copy(so, NULL);
    if (result == NULL) {
        return NULL;
    }
    for (ssize_t i = 0; i < nargs; i++) {
        if (args[i] == so) {
            continue;
        }
        if (set_update_internal(SO(result), args[i]) < 0) {
            SP_DECREF(result);
            return NULL;
        }
    }
    return result;
}

// s.intersection(*others): intersect step by step, the result shrinking.
static SpObject *set_intersection_multi(SpObject *so, SpObject *const *args, ssize_t nargs) {
    if (nargs == 0) {
        return set_copy(so, NULL);
    }
    SpObject *result = sp_newref(so);
    for (ssize_t i = 0; i < nargs; i++) {
        SpObject *newresult = set_intersection(SO(result), args[i]);
        SP_DECREF(result);
        if (newresult == NULL) {
            return NULL;
        }
        result = newresult;
    }
    return result;
}

static SpObject *set_intersection_meth(SpObject *so, SpObject *const *args, ssize_t nargs,
                                       SpObject *kwnames) {
    if (!no_kwnames(so, "intersection", kwnames)) {
        return NULL;
    }
    return set_intersection_multi(so, args, nargs);
}

static SpObject *set_intersection_update_meth(SpObject *so, SpObject *const *args, ssize_t nargs,
                                              SpObject *kwnames) {
    if (!no_kwnames(so, "intersection_update", kwnames)) {
        return NULL;
    }
    SpObject *tmp = set_intersection_multi(so, args, nargs);
    if (tmp == NULL) {
        return NULL;
    }
    set_swap_bodies(SO(so), SO(tmp));
    SP_DECREF(tmp);
    SP_RETURN_NONE;
}

static SpObject *set_difference_meth(SpObject *so, SpObject *const *args, ssize_t nargs,
                                     SpObject *kwnames) {
    if (!no_kwnames(so, "difference", kwnames)) {
        return NULL;
    }
    if (nargs == 0) {
        return set_copy(so, NULL);
    }
    SpObject *result = set_difference(SO(so), args[0]);
    if (result == NULL) {
        return NULL;
    }
    for (ssize_t i = 1; i < nargs; i++) {
        if (set_difference_update_internal(SO(result), args[i]) < 0) {
            SP_DECREF(result);
            return NULL;
        }
    }
    return result;
}

static SpObject *set_difference_update_meth(SpObject *so, SpObject *const *args, ssize_t nargs,
                                            SpObject *kwnames) {
    if (!no_kwnames(so, "difference_update", kwnames)) {
        return NULL;
    }
    for (ssize_t i = 0; i < nargs; i++) {
        if (set_difference_update_internal(SO(so), args[i]) < 0) {
            return NULL;
        }
    }
    SP_RETURN_NONE;
}

static SpObject *set_update_meth(SpObject *so, SpObject *const *args, ssize_t nargs,
                                 SpObject *kwnames) {
    if (!no_kwnames(so, "update", kwnames)) {
        return NULL;
    }
    for (ssize_t i = 0; i < nargs; i++) {
        if (set_update_internal(SO(so), args[i]) < 0) {
            return NULL;
        }
    }
    SP_RETURN_NONE;
}

static SpObject *set_symmetric_difference_meth(SpObject *so, SpObject *other) {
    return set_symmetric_difference(SO(so), other);
}

static SpObject *set_symmetric_difference_update_meth(SpObject *so, SpObject *other) {
    if (set_symmetric_difference_update_internal(SO(so), other) < 0) {
        return NULL;
    }
    SP_RETURN_NONE;
}

// ---------------------------------------------------------------------------
// Single-key methods. A set used as a key is looked up as a frozenset.

// Retry an operation with frozenset(key) when key is an (unhashable) set.
static int with_frozen_key(SpSetObject *so, SpObject *key,
                           int (*op)(SpSetObject *, SpObject *)) {
    int rv = op(so, key);
    if (rv >= 0 || !SP_ANYSET_CHECK(key) || !sp_err_matches_type(&SpExc_TypeError)) {
        return rv;
    }
    sp_err_clear();
    SpObject *tmp = make_new_set(&SpFrozenSet_Type, key);
    if (tmp == NULL) {
        return -1;
    }
    rv = op(so, tmp);
    SP_DECREF(tmp);
    return rv;
}

static int set_contains(SpObject *so, SpObject *key) {
    return with_frozen_key(SO(so), key, set_contains_key);
}

static SpObject *set_contains_meth(SpObject *so, SpObject *key) {
    int r = set_contains(so, key);
    return r < 0 ? NULL : sp_bool_from_long(r);
}

static SpObject *set_add_meth(SpObject *so, SpObject *key) {
    if (set_add_key(SO(so), key) < 0) {
        return NULL;
    }
    SP_RETURN_NONE;
}

static SpObject *set_remove_meth(SpObject *so, SpObject *key) {
    int rv = with_frozen_key(SO(so), key, set_discard_key);
    if (rv < 0) {
        return NULL;
    }
    if (rv == DISCARD_NOTFOUND) {
        SpObject *args = sp_tuple_pack(1, key);
        if (args != NULL) {
            sp_err_set_object(&SpExc_KeyError, args);
            SP_DECREF(args);
        }
        return NULL;
    }
    SP_RETURN_NONE;
}

static SpObject *set_discard_meth(SpObject *so, SpObject *key) {
    if (with_frozen_key(SO(so), key, set_discard_key) < 0) {
        return NULL;
    }
    SP_RETURN_NONE;
}

// s.pop(): the finger remembers where the last pop stopped, so popping a set empty is linear rather
// than quadratic in its table size.
static SpObject *set_pop_meth(SpObject *self, SpObject *unused) {
    SpSetObject *so = SO(self);
    if (so->used == 0) {
        sp_err_set_string(&SpExc_KeyError, "pop from an empty set");
        return NULL;
    }
    SetEntry *entry = so->table + (so->finger & so->mask);
    SetEntry *limit = so->table + so->mask;
    // used > 0 guarantees an active slot, so the wrap-around loop ends.
    while (entry->key == NULL || entry->key == DUMMY) {
        entry++;
        if (entry > limit) {
            entry = so->table;
        }
    }
    SpObject *key = entry->key;
    // The slot becomes a dummy (not unused): other keys' probe chains may
    // pass through it. The reference moves to the caller.
    entry->key = DUMMY;
    entry->hash = -1;
    so->used--;
    so->finger = entry - so->table + 1;
    return key;
}

static SpObject *set_clear_meth(SpObject *so, SpObject *unused) {
    set_clear_internal(SO(so));
    SP_RETURN_NONE;
}

// The object (its small table included) plus a separately allocated table.
static SpObject *set_sizeof(SpObject *self, SpObject *unused) {
    SpSetObject *so = SO(self);
    size_t res = sizeof(SpSetObject);
    if (so->table != so->smalltable) {
        res += (size_t)(so->mask + 1) * sizeof(SetEntry);
    }
    return sp_int_from_size(res);
}

static SpObject *set_reduce(SpObject *self, SpObject *unused) {
    SpObject *keys = sp_sequence_list(self);
    if (keys == NULL) {
        return NULL;
    }
    SpObject *args = sp_tuple_pack(1, keys);
    SP_DECREF(keys);
    if (args == NULL) {
        return NULL;
    }
    SpObject **dictptr = sp_object_dict_ptr(self);
    SpObject *state = dictptr != NULL && *dictptr != NULL ? *dictptr : sp_None;
    SpObject *res = sp_tuple_pack(3, (SpObject *)SP_TYPE(self), args, state);
    SP_DECREF(args);
    return res;
}

// ---------------------------------------------------------------------------
// Slots

static ssize_t set_len(SpObject *so) { return SO(so)->used; }

// "{1, 2}", "set()", "frozenset({1, 2})", "MySet({1})": built from the repr of a list of the keys
// with its brackets replaced.
static SpObject *set_repr(SpObject *so) {
    const char *name = sp_type_name(SP_TYPE(so));
    if (SO(so)->used == 0) {
        return sp_str_from_format("%s()", name);
    }
    int status = sp_repr_enter(so);
    if (status != 0) {
        return status < 0 ? NULL : sp_str_from_format("%s(...)", name);
    }
    SpObject *result = NULL;
    SpObject *keys = sp_sequence_list(so);
    if (keys == NULL) {
        goto done;
    }
    SpObject *listrepr = sp_object_repr(keys);
    SP_DECREF(keys);
    if (listrepr == NULL) {
        goto done;
    }
    // "[a, b]" -> "{a, b}".
    SpObject *inner = sp_str_substring(listrepr, 1, SP_STR_LENGTH(listrepr) - 1);
    SP_DECREF(listrepr);
    if (inner == NULL) {
        goto done;
    }
    if (SP_IS_TYPE(so, &SpSet_Type)) {
        result = sp_str_from_format("{%U}", inner);
    } else {
        result = sp_str_from_format("%s({%U})", name, inner);
    }
    SP_DECREF(inner);
done:
    sp_repr_leave(so);
    return result;
}

// Sets compare by inclusion: <= is subset, < proper subset. Equal cached frozenset hashes are a
// cheap early "not equal" test.
static SpObject *set_richcompare(SpObject *v, SpObject *w, int op) {
    if (!SP_ANYSET_CHECK(w)) {
        SP_RETURN_NOTIMPLEMENTED;
    }
    SpSetObject *a = SO(v), *b = SO(w);
    switch (op) {
    case SP_EQ:
        if (a->used != b->used) {
            SP_RETURN_FALSE;
        }
        if (a->hash != -1 && b->hash != -1 && a->hash != b->hash) {
            SP_RETURN_FALSE;
        }
        return set_issubset(v, w);
    case SP_NE: {
        SpObject *r = set_richcompare(v, w, SP_EQ);
        if (r == NULL) {
            return NULL;
        }
        int t = r == sp_True;
        SP_DECREF(r);
        return sp_bool_from_long(!t);
    }
    case SP_LE:
        return set_issubset(v, w);
    case SP_GE:
        return set_issuperset(v, w);
    case SP_LT:
        if (a->used >= b->used) {
            SP_RETURN_FALSE;
        }
        return set_issubset(v, w);
    case SP_GT:
        if (a->used <= b->used) {
            SP_RETURN_FALSE;
        }
        return set_issuperset(v, w);
    }
    SP_RETURN_NOTIMPLEMENTED;
}

// The operators accept only sets and frozensets (the methods take any iterable); the result type
// follows the left operand.
static SpObject *set_or(SpObject *a, SpObject *b) {
    if (!SP_ANYSET_CHECK(a) || !SP_ANYSET_CHECK(b)) {
        SP_RETURN_NOTIMPLEMENTED;
    }
    SpObject *result = set_copy(a, NULL);
    if (result == NULL || a == b) {
        return result;
    }
    if (set_update_internal(SO(result), b) < 0) {
        SP_DECREF(result);
        return NULL;
    }
    return result;
}

static SpObject *set_and(SpObject *a, SpObject *b) {
    if (!SP_ANYSET_CHECK(a) || !SP_ANYSET_CHECK(b)) {
        SP_RETURN_NOTIMPLEMENTED;
    }
    return set_intersection(SO(a), b);
}

static SpObject *set_sub(SpObject *a, SpObject *b) {
    if (!SP_ANYSET_CHECK(a) || !SP_ANYSET_CHECK(b)) {
        SP_RETURN_NOTIMPLEMENTED;
    }
    return set_difference(SO(a), b);
}

static SpObject *set_xor(SpObject *a, SpObject *b) {
    if (!SP_ANYSET_CHECK(a) || !SP_ANYSET_CHECK(b)) {
        SP_RETURN_NOTIMPLEMENTED;
    }
    return set_symmetric_difference(SO(a), b);
}

// In-place operators mutate and return the left set.
static SpObject *set_ior(SpObject *a, SpObject *b) {
    if (!SP_ANYSET_CHECK(b)) {
        SP_RETURN_NOTIMPLEMENTED;
    }
    if (set_update_internal(SO(a), b) < 0) {
        return NULL;
    }
    return sp_newref(a);
}

static SpObject *set_iand(SpObject *a, SpObject *b) {
    if (!SP_ANYSET_CHECK(b)) {
        SP_RETURN_NOTIMPLEMENTED;
    }
    SpObject *tmp = set_intersection(SO(a), b);
    if (tmp == NULL) {
        return NULL;
    }
    set_swap_bodies(SO(a), SO(tmp));
    SP_DECREF(tmp);
    return sp_newref(a);
}

static SpObject *set_isub(SpObject *a, SpObject *b) {
    if (!SP_ANYSET_CHECK(b)) {
        SP_RETURN_NOTIMPLEMENTED;
    }
    if (set_difference_update_internal(SO(a), b) < 0) {
        return NULL;
    }
    return sp_newref(a);
}

static SpObject *set_ixor(SpObject *a, SpObject *b) {
    if (!SP_ANYSET_CHECK(b)) {
        SP_RETURN_NOTIMPLEMENTED;
    }
    if (set_symmetric_difference_update_internal(SO(a), b) < 0) {
        return NULL;
    }
    return sp_newref(a);
}

// CPython 3.11's frozenset hash: xor of shuffled entry hashes (order-free),
// corrected for empty and dummy slots, then mixed.
static uint64_t shuffle_bits(uint64_t h) { return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL; }

static SpHash frozenset_hash(SpObject *self) {
    SpSetObject *so = SO(self);
    if (so->hash != -1) {
        return so->hash;
    }
    uint64_t hash = 0;
    // CPython 3.11's frozenset hash: xor of a bit-shuffle of every slot's hash
    // (the order-independent part), over all slots including unused (hash 0)
    // and dummy (hash -1) ones; the two corrections below cancel those
    // extra terms by parity, so equal sets hash alike whatever their tables.
    for (SetEntry *entry = so->table; entry <= &so->table[so->mask]; entry++) {
        hash ^= shuffle_bits((uint64_t)entry->hash);
    }
    if ((so->mask + 1 - so->fill) & 1) {
        hash ^= shuffle_bits(0);
    }
    if ((so->fill - so->used) & 1) {
        hash ^= shuffle_bits((uint64_t)-1);
    }
    // Mix in the number of entries, then disperse the bits: patterns from
    // nested frozensets would otherwise cluster (CPython's reasoning).
    hash ^= ((uint64_t)so->used + 1) * 1927868237UL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923UL;
    if (hash == (uint64_t)-1) {
        hash = 590923713UL;
    }
    so->hash = (SpHash)hash;
    return so->hash;
}

static SpObject *set_iter(SpObject *so);

// set.__init__ empties the set first: s.__init__([1]) replaces the content.
static int set_init(SpObject *self, SpObject *args, SpObject *kwargs) {
    if (kwargs != NULL && SP_DICT_SIZE(kwargs) > 0) {
        sp_err_set_string(&SpExc_TypeError, "set() takes no keyword arguments");
        return -1;
    }
    ssize_t n = SP_TUPLE_SIZE(args);
    if (n > 1) {
        // Named after the actual class, as CPython's PyArg_UnpackTuple.
        sp_err_format(&SpExc_TypeError, "%s expected at most 1 argument, got %zd",
                      sp_type_name(SP_TYPE(self)), n);
        return -1;
    }
    if (SO(self)->fill) {
        set_clear_internal(SO(self));
    }
    SO(self)->hash = -1;
    if (n == 0) {
        return 0;
    }
    return set_update_internal(SO(self), SP_TUPLE_GET_ITEM(args, 0));
}

// set's tp_new makes an empty set; __init__ fills it (subclass friendly).
static SpObject *set_new(SpTypeObject *type, SpObject *args, SpObject *kwargs) {
    return make_new_set(type, NULL);
}

// frozenset is filled in tp_new (it has no __init__); frozenset(fs) of an exact frozenset returns
// fs itself.
static SpObject *frozenset_new(SpTypeObject *type, SpObject *args, SpObject *kwargs) {
    if ((type == &SpFrozenSet_Type || type->tp_init == SpFrozenSet_Type.tp_init) &&
        kwargs != NULL && SP_DICT_SIZE(kwargs) > 0) {
        sp_err_set_string(&SpExc_TypeError, "frozenset() takes no keyword arguments");
        return NULL;
    }
    ssize_t n = SP_TUPLE_SIZE(args);
    if (n > 1) {
        return sp_err_format(&SpExc_TypeError, "%s expected at most 1 argument, got %zd",
                             sp_type_name(type), n);
    }
    SpObject *iterable = n ? SP_TUPLE_GET_ITEM(args, 0) : NULL;
    if (type == &SpFrozenSet_Type && iterable != NULL && SP_IS_TYPE(iterable, &SpFrozenSet_Type)) {
        return sp_newref(iterable);
    }
    return make_new_set(type, iterable);
}

static SpObject *set_vectorcall(SpObject *type, SpObject *const *args, size_t nargsf,
                                SpObject *kwnames) {
    ssize_t nargs = SP_VECTORCALL_NARGS(nargsf);
    if ((SpTypeObject *)type != &SpSet_Type) {
        return sp_vectorcall_via_tp_call(type, args, nargsf, kwnames);
    }
    if (!sp_arg_no_kwnames("set", kwnames) || !sp_arg_check_positional("set", nargs, 0, 1)) {
        return NULL;
    }
    return make_new_set(&SpSet_Type, nargs ? args[0] : NULL);
}

static SpObject *frozenset_vectorcall(SpObject *type, SpObject *const *args, size_t nargsf,
                                      SpObject *kwnames) {
    ssize_t nargs = SP_VECTORCALL_NARGS(nargsf);
    if ((SpTypeObject *)type != &SpFrozenSet_Type) {
        return sp_vectorcall_via_tp_call(type, args, nargsf, kwnames);
    }
    if (!sp_arg_no_kwnames("frozenset", kwnames) ||
        !sp_arg_check_positional("frozenset", nargs, 0, 1)) {
        return NULL;
    }
    if (nargs == 1 && SP_IS_TYPE(args[0], &SpFrozenSet_Type)) {
        return sp_newref(args[0]);
    }
    return make_new_set(&SpFrozenSet_Type, nargs ? args[0] : NULL);
}

// ---------------------------------------------------------------------------
// Type objects

#define COMMON_SET_METHODS                                                                   \
    {"__contains__", SP_METH(set_contains_meth), SP_METH_O,                                  \
     "x.__contains__(y) <==> y in x."},                                                      \
    {"difference", SP_METH(set_difference_meth), SP_METH_FASTCALL,                           \
     "Return the difference of two or more sets as a new set.\n\n"                           \
     "(i.e. all elements that are in this set but not the others.)"},                        \
    {"intersection", SP_METH(set_intersection_meth), SP_METH_FASTCALL,                       \
     "Return the intersection of two sets as a new set.\n\n"                                 \
     "(i.e. all elements that are in both sets.)"},                                          \
    {"isdisjoint", SP_METH(set_isdisjoint), SP_METH_O,                                       \
     "Return True if two sets have a null intersection."},                                   \
    {"issubset", SP_METH(set_issubset), SP_METH_O,                                           \
     "Report whether another set contains this set."},                                       \
    {"issuperset", SP_METH(set_issuperset), SP_METH_O,                                       \
     "Report whether this set contains another set."},                                       \
    {"__reduce__", SP_METH(set_reduce), SP_METH_NOARGS, "Return state information for pickling."}, \
    {"__sizeof__", SP_METH(set_sizeof), SP_METH_NOARGS,                                      \
     "S.__sizeof__() -> size of S in memory, in bytes"},                                     \
    {"symmetric_difference", SP_METH(set_symmetric_difference_meth), SP_METH_O,              \
     "Return the symmetric difference of two sets as a new set.\n\n"                         \
     "(i.e. all elements that are in exactly one of the sets.)"},                            \
    {"union", SP_METH(set_union_meth), SP_METH_FASTCALL,                                     \
     "Return the union of sets as a new set.\n\n"                                            \
     "(i.e. all elements that are in either set.)"}

static SpMethodDef set_methods[] = {
    {"__class_getitem__", SP_METH(sp_generic_alias_class_getitem), SP_METH_O | SP_METH_CLASS,
     "See PEP 585"},
    {"add", SP_METH(set_add_meth), SP_METH_O,
     "Add an element to a set.\n\nThis has no effect if the element is already present."},
    {"clear", SP_METH(set_clear_meth), SP_METH_NOARGS, "Remove all elements from this set."},
    {"copy", SP_METH(set_copy), SP_METH_NOARGS, "Return a shallow copy of a set."},
    {"discard", SP_METH(set_discard_meth), SP_METH_O,
     "Remove an element from a set if it is a member.\n\n"
     "Unlike set.remove(), the discard() method does not raise\n"
     "an exception when an element is missing from the set."},
    {"difference_update", SP_METH(set_difference_update_meth), SP_METH_FASTCALL,
     "Remove all elements of another set from this set."},
    {"intersection_update", SP_METH(set_intersection_update_meth), SP_METH_FASTCALL,
     "Update a set with the intersection of itself and another."},
    {"pop", SP_METH(set_pop_meth), SP_METH_NOARGS,
     "Remove and return an arbitrary set element.\nRaises KeyError if the set is empty."},
    {"remove", SP_METH(set_remove_meth), SP_METH_O,
     "Remove an element from a set; it must be a member.\n\n"
     "If the element is not a member, raise a KeyError."},
    {"symmetric_difference_update", SP_METH(set_symmetric_difference_update_meth), SP_METH_O,
     "Update a set with the symmetric difference of itself and another."},
    {"update", SP_METH(set_update_meth), SP_METH_FASTCALL,
     "Update a set with the union of itself and others."},
    COMMON_SET_METHODS,
    {NULL, NULL, 0, NULL},
};

static SpMethodDef frozenset_methods[] = {
    {"__class_getitem__", SP_METH(sp_generic_alias_class_getitem), SP_METH_O | SP_METH_CLASS,
     "See PEP 585"},
    {"copy", SP_METH(frozenset_copy), SP_METH_NOARGS, "Return a shallow copy of a set."},
    COMMON_SET_METHODS,
    {NULL, NULL, 0, NULL},
};

static SpNumberMethods set_as_number = {
    .nb_subtract = set_sub,
    .nb_and = set_and,
    .nb_xor = set_xor,
    .nb_or = set_or,
    .nb_inplace_subtract = set_isub,
    .nb_inplace_and = set_iand,
    .nb_inplace_xor = set_ixor,
    .nb_inplace_or = set_ior,
};

static SpNumberMethods frozenset_as_number = {
    .nb_subtract = set_sub,
    .nb_and = set_and,
    .nb_xor = set_xor,
    .nb_or = set_or,
};

static SpSequenceMethods set_as_sequence = {
    .sq_length = set_len,
    .sq_contains = set_contains,
};

SpTypeObject SpSet_Type = {
    SP_TYPE_HEAD_INIT,
    .tp_name = "set",
    .tp_basicsize = sizeof(SpSetObject),
    .tp_dealloc = set_dealloc,
    .tp_repr = set_repr,
    .tp_as_number = &set_as_number,
    .tp_as_sequence = &set_as_sequence,
    .tp_hash = sp_object_hash_not_implemented,
    .tp_getattro = sp_object_generic_getattr,
    .tp_flags = SP_TPFLAGS_BASETYPE | SP_TPFLAGS_HAVE_GC,
    .tp_doc = "set() -> new empty set object\n"
              "set(iterable) -> new set object\n\n"
              "Build an unordered collection of unique elements.",
    .tp_traverse = set_traverse,
    .tp_clear = set_tp_clear,
    .tp_richcompare = set_richcompare,
    .tp_iter = set_iter,
    .tp_methods = set_methods,
    .tp_init = set_init,
    .tp_new = set_new,
    .tp_free = sp_object_free,
    .tp_vectorcall = set_vectorcall,
};

SpTypeObject SpFrozenSet_Type = {
    SP_TYPE_HEAD_INIT,
    .tp_name = "frozenset",
    .tp_basicsize = sizeof(SpSetObject),
    .tp_dealloc = set_dealloc,
    .tp_repr = set_repr,
    .tp_as_number = &frozenset_as_number,
    .tp_as_sequence = &set_as_sequence,
    .tp_hash = frozenset_hash,
    .tp_getattro = sp_object_generic_getattr,
    .tp_flags = SP_TPFLAGS_BASETYPE | SP_TPFLAGS_HAVE_GC,
    .tp_doc = "frozenset() -> empty frozenset object\n"
              "frozenset(iterable) -> frozenset object\n\n"
              "Build an immutable unordered collection of unique elements.",
    .tp_traverse = set_traverse,
    .tp_clear = set_tp_clear,
    .tp_richcompare = set_richcompare,
    .tp_iter = set_iter,
    .tp_methods = frozenset_methods,
    .tp_new = frozenset_new,
    .tp_free = sp_object_free,
    .tp_vectorcall = frozenset_vectorcall,
};

// ---------------------------------------------------------------------------
// The iterator

typedef struct {
    SP_OBJECT_HEAD;
    SpSetObject *si_set;  // NULL once exhausted
    ssize_t si_used;
    ssize_t si_pos;
    ssize_t len;
} SetIterObject;

// The iterator remembers the size at its start to detect changes.
static SpObject *set_iter(SpObject *so) {
    SetIterObject *si = (SetIterObject *)sp_object_alloc(&SpSetIter_Type, 0);
    if (si == NULL) {
        return NULL;
    }
    si->si_set = (SpSetObject *)sp_newref(so);
    si->si_used = SO(so)->used;
    si->si_pos = 0;
    si->len = SO(so)->used;
    sp_gc_track((SpObject *)si);
    return (SpObject *)si;
}

static void setiter_dealloc(SpObject *op) {
    sp_gc_untrack(op);
    SP_XDECREF(((SetIterObject *)op)->si_set);
    sp_object_free(op);
}

static int setiter_traverse(SpObject *op, SpVisitProc visit, void *arg) {
    SpSetObject *s = ((SetIterObject *)op)->si_set;
    return s != NULL ? visit((SpObject *)s, arg) : 0;
}

static int setiter_clear(SpObject *op) {
    SP_CLEAR(((SetIterObject *)op)->si_set);
    return 0;
}

// Walks the table slots in order; a size change raises RuntimeError once and then the iterator
// stays broken (si_used = -1), as in CPython.
static SpObject *setiter_next(SpObject *op) {
    SetIterObject *si = (SetIterObject *)op;
    SpSetObject *so = si->si_set;
    if (so == NULL) {
        return NULL;
    }
    if (si->si_used != so->used) {
        sp_err_set_string(&SpExc_RuntimeError, "Set changed size during iteration");
        si->si_used = -1;
        return NULL;
    }
    ssize_t i = si->si_pos;
    SetEntry *entry = so->table;
    ssize_t mask = so->mask;
    while (i <= mask && (entry[i].key == NULL || entry[i].key == DUMMY)) {
        i++;
    }
    si->si_pos = i + 1;
    if (i > mask) {
        si->si_set = NULL;
        SP_DECREF(so);
        return NULL;
    }
    si->len--;
    return sp_newref(entry[i].key);
}

static SpObject *setiter_length_hint(SpObject *op, SpObject *unused) {
    SetIterObject *si = (SetIterObject *)op;
    ssize_t n = 0;
    if (si->si_set != NULL && si->si_used == si->si_set->used) {
        n = si->len;
    }
    return sp_cont_length_hint_result(n);
}

static SpMethodDef setiter_methods[] = {
    {"__length_hint__", SP_METH(setiter_length_hint), SP_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

SpTypeObject SpSetIter_Type = {
    SP_TYPE_HEAD_INIT,
    .tp_name = "set_iterator",
    .tp_basicsize = sizeof(SetIterObject),
    .tp_dealloc = setiter_dealloc,
    .tp_getattro = sp_object_generic_getattr,
    .tp_flags = SP_TPFLAGS_HAVE_GC,
    .tp_traverse = setiter_traverse,
    .tp_clear = setiter_clear,
    .tp_iter = sp_cont_self_iter,
    .tp_iternext = setiter_next,
    .tp_methods = setiter_methods,
    .tp_free = sp_object_free,
};
