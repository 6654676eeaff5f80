// smallpy: type objects: readying built-in types (inheritance, MRO, filling
// the namespace with descriptors), attribute lookup along the MRO with a
// method cache, and the `type` type itself (its attributes, calling a type).
// Classes are created in objects/typenew.c; slot wrappers and generic slots
// live in objects/typeslots.c. Counterpart: CPython 3.11 Objects/typeobject.c.
#define SP_TYPE_INTERNAL
#include "objects/type.h"

#include <stdio.h>
#include <string.h>

#include "core/abstract.h"
#include "core/err.h"
#include "core/gc.h"
#include "core/mem.h"
#include "objects/bytes.h"
#include "objects/code.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/float.h"
#include "objects/func.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/none.h"
#include "objects/range.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/traceback.h"
#include "objects/tuple.h"
#include "objects/type_internal.h"

// sp_type_ready is running on the type (guards against re-entry while a
// type's own dict is being filled). Private: bit 13 is unused in object.h.
#define TPFLAGS_READYING (1u << 13)

// The *_SUBCLASS family bits, inherited from the base.
#define TPFLAGS_FAMILY                                                                 \
    (SP_TPFLAGS_LONG_SUBCLASS | SP_TPFLAGS_LIST_SUBCLASS | SP_TPFLAGS_TUPLE_SUBCLASS | \
     SP_TPFLAGS_BYTES_SUBCLASS | SP_TPFLAGS_UNICODE_SUBCLASS | SP_TPFLAGS_DICT_SUBCLASS | \
     SP_TPFLAGS_BASE_EXC_SUBCLASS | SP_TPFLAGS_TYPE_SUBCLASS)

// A class (made by a class statement or type()) rather than a C type.
static inline int is_heap(const SpTypeObject *t) {
    return (t->tp_flags & SP_TPFLAGS_HEAPTYPE) != 0;
}

// ===========================================================================
// Subclass lists: each type knows its direct subclasses (for cache
// invalidation and slot updates) without keeping them alive.

typedef struct {
    SP_OBJECT_HEAD;
    ssize_t n, cap;
    // CPython keeps weak references in a dict here; smallpy's borrowed array is
    // enough because every class unregisters itself from its bases when freed
    // (sp_type_remove_subclass), so no entry ever dangles.
    SpTypeObject **items;  // borrowed: a dying class removes itself
} SubclassList;

static void subclass_list_dealloc(SpObject *self) {
    sp_mem_free(((SubclassList *)self)->items);
    sp_object_free(self);
}

static SpTypeObject SubclassList_Type = {
    .ob_base = SP_TYPE_HEAD_INIT,
    .tp_name = "subclass_list",
    .tp_basicsize = sizeof(SubclassList),
    .tp_dealloc = subclass_list_dealloc,
    .tp_free = sp_object_free,
};

// Record sub as a direct subclass of base. 0 or -1.
static int add_subclass(SpTypeObject *base, SpTypeObject *sub) {
    SubclassList *l = (SubclassList *)base->tp_subclasses;
    if (l == NULL) {
        l = (SubclassList *)sp_object_alloc(&SubclassList_Type, 0);
        if (l == NULL) {
            return -1;
        }
        base->tp_subclasses = (SpObject *)l;
    }
    if (l->n == l->cap) {
        // Doubling keeps registration amortised O(1); order of insertion is kept,
        // which is the order type.__subclasses__() reports.
        ssize_t cap = l->cap ? l->cap * 2 : 4;
        SpTypeObject **items = sp_mem_realloc(l->items, sizeof(SpTypeObject *) * (size_t)cap);
        if (items == NULL) {
            sp_err_no_memory();
            return -1;
        }
        l->items = items;
        l->cap = cap;
    }
    l->items[l->n++] = sub;
    return 0;
}

// Called by a dying class for each of its bases.
void sp_type_remove_subclass(SpTypeObject *base, SpTypeObject *sub) {
    SubclassList *l = (SubclassList *)base->tp_subclasses;
    if (l == NULL) {
        return;
    }
    for (ssize_t i = 0; i < l->n; i++) {
        if (l->items[i] == sub) {
            // Shift instead of swap-with-last: the remaining order must not change.
            memmove(&l->items[i], &l->items[i + 1],
                    sizeof(SpTypeObject *) * (size_t)(l->n - i - 1));
            l->n--;
            return;
        }
    }
}

int sp_type_subclasses_foreach(SpTypeObject *t, int (*f)(SpTypeObject *, void *), void *arg) {
    SubclassList *l = (SubclassList *)t->tp_subclasses;
    if (l == NULL) {
        return 0;
    }
    for (ssize_t i = 0; i < l->n; i++) {
        int r = f(l->items[i], arg);
        if (r != 0) {
            return r;
        }
    }
    return 0;
}

// ===========================================================================
// Lookup along the MRO, with a global method cache

// Entries are keyed by (version tag, interned name). A type gets a version
// tag when first looked up after being readied or modified; sp_type_modified
// resets the tags of the type and all its subclasses, so stale entries never
// match again (tags are never reused).
#define MCACHE_BITS 12
#define MCACHE_SIZE (1 << MCACHE_BITS)

typedef struct {
    unsigned int version;
    SpObject *name;   // strong reference: the address must not be reused
    SpObject *value;  // borrowed; valid while the version matches
} McacheEntry;

static McacheEntry mcache[MCACHE_SIZE];
static unsigned int next_version_tag = 1;

// Mix the tag and the name's address (names are interned, so equal names
// are one object).
static inline size_t mcache_hash(unsigned int version, SpObject *name) {
    size_t h = ((size_t)name >> 4) ^ ((size_t)version * 2654435761u);
    return (h ^ (h >> MCACHE_BITS)) & (MCACHE_SIZE - 1);
}

// Only interned names are cached: identity is then equality.
static inline int is_interned(SpObject *name) {
    return SP_STR_CHECK_EXACT(name) && ((SpASCIIObject *)name)->state.interned != 0;
}

// The uncached lookup: the first dict along the MRO that has name.
static SpObject *find_in_mro(SpTypeObject *t, SpObject *name) {
    SpObject *mro = t->tp_mro;
    if (mro == NULL) {
        // Not readied yet (or being readied): walk the base chain.
        for (; t != NULL; t = t->tp_base) {
            if (t->tp_dict != NULL) {
                SpObject *v = sp_dict_getitem_borrow(t->tp_dict, name);
                if (v != NULL) {
                    return v;
                }
            }
        }
        return NULL;
    }
    ssize_t n = SP_TUPLE_SIZE(mro);
    for (ssize_t i = 0; i < n; i++) {
        SpObject *dict = ((SpTypeObject *)SP_TUPLE_GET_ITEM(mro, i))->tp_dict;
        if (dict == NULL) {
            continue;
        }
        SpObject *v = sp_dict_getitem_borrow(dict, name);
        if (v != NULL) {
            return v;
        }
    }
    return NULL;
}

// _PyType_Lookup: every attribute access and special method call starts
// here, so hits return after one hash and two compares.
SpObject *sp_type_lookup_borrow(SpTypeObject *t, SpObject *name) {
    int cacheable = is_interned(name);
    if (cacheable && t->tp_version_tag != 0) {
        McacheEntry *e = &mcache[mcache_hash(t->tp_version_tag, name)];
        if (e->version == t->tp_version_tag && e->name == name) {
            return e->value;
        }
    }
    // A static type nobody readied yet (lazy readiness): ready it now; a
    // failure here cannot be reported through a borrowed-lookup API.
    if (!(t->tp_flags & (SP_TPFLAGS_READY | TPFLAGS_READYING))) {
        if (sp_type_ready(t) < 0) {
            sp_err_clear();
        }
    }
    // Lookups never raise: str keys cannot fail to compare, and anything
    // else going wrong in a dict lookup is dropped.
    SpObject *pending = sp_err_occurred();
    SpObject *res = find_in_mro(t, name);
    if (pending == NULL && sp_err_occurred() != NULL) {
        sp_err_clear();
        res = NULL;
    }
    // Misses are cached too (value NULL): "no __getattr__ here" is the most
    // common answer of all. e->value is borrowed: any change to a dict on the
    // MRO goes through sp_type_modified, which retires the tag first.
    if (cacheable && (t->tp_flags & SP_TPFLAGS_READY)) {
        if (t->tp_version_tag == 0) {
            t->tp_version_tag = next_version_tag++;
            if (next_version_tag == 0) {
                next_version_tag = 1;  // wrapped: 0 means "no tag"
            }
        }
        McacheEntry *e = &mcache[mcache_hash(t->tp_version_tag, name)];
        e->version = t->tp_version_tag;
        SP_INCREF(name);
        SP_XDECREF(e->name);
        e->name = name;
        e->value = res;
    }
    return res;
}

// Drop the version tags of t and of every class deriving from it: their
// lookups may have been answered from t's dict.
static int invalidate_versions(SpTypeObject *t, void *unused) {
    t->tp_version_tag = 0;
    return sp_type_subclasses_foreach(t, invalidate_versions, NULL);
}

// Recompute all slots of t's classes (a change of unknown name).
static int fixup_all(SpTypeObject *t, void *unused) {
    if (is_heap(t)) {
        sp_slots_fixup(t);
    }
    return sp_type_subclasses_foreach(t, fixup_all, NULL);
}

// Called after t's namespace changed: lookups must miss the cache again,
// and a special method that appeared, changed or vanished must be
// reflected in the C slots of t and its subclasses.
void sp_type_modified(SpTypeObject *t, SpObject *name) {
    invalidate_versions(t, NULL);
    if (name == NULL) {
        fixup_all(t, NULL);
    } else if (SP_STR_CHECK(name)) {
        SpObject *n = sp_newref(name);
        sp_str_intern_in_place(&n);  // slot names compare by identity
        sp_slots_update(t, n);
        SP_DECREF(n);
    }
}

// issubclass for types: a linear scan of a's MRO (short in practice).
int sp_type_is_subtype(SpTypeObject *a, SpTypeObject *b) {
    if (a == b) {
        return 1;
    }
    SpObject *mro = a->tp_mro;
    if (mro != NULL) {
        ssize_t n = SP_TUPLE_SIZE(mro);
        for (ssize_t i = 0; i < n; i++) {
            if ((SpTypeObject *)SP_TUPLE_GET_ITEM(mro, i) == b) {
                return 1;
            }
        }
        return 0;
    }
    for (a = a->tp_base; a != NULL; a = a->tp_base) {
        if (a == b) {
            return 1;
        }
    }
    return b == &SpBaseObject_Type;
}

// ===========================================================================
// Names

// __name__ as a C string: static types' tp_name may carry a module prefix
// ("collections.deque"), classes' never does.
const char *sp_type_name(SpTypeObject *t) {
    if (is_heap(t)) {
        return t->tp_name;  // classes keep their bare __name__ in tp_name
    }
    const char *dot = strrchr(t->tp_name, '.');
    return dot != NULL ? dot + 1 : t->tp_name;
}

// __qualname__: stored for classes, the bare name for static types.
SpObject *sp_type_qualname(SpTypeObject *t) {
    if (is_heap(t)) {
        SpObject *q = ((SpHeapTypeObject *)t)->ht_qualname;
        if (q != NULL) {
            return sp_newref(q);
        }
    }
    return sp_str_from_cstr(sp_type_name(t));
}

// __module__: a class's namespace entry; for a static type the tp_name
// prefix, or "builtins".
SpObject *sp_type_module(SpTypeObject *t) {
    if (is_heap(t)) {
        SpObject *mod = t->tp_dict != NULL ? sp_dict_getitem_borrow(t->tp_dict, sp_id(__module__))
                                           : NULL;
        if (mod == NULL) {
            if (!sp_err_occurred()) {
                sp_err_set_string(&SpExc_AttributeError, "__module__");
            }
            return NULL;
        }
        return sp_newref(mod);
    }
    const char *dot = strrchr(t->tp_name, '.');
    if (dot != NULL) {
        return sp_str_from_utf8(t->tp_name, dot - t->tp_name);
    }
    return sp_str_from_cstr("builtins");
}

// A base adds C fields when its instances are larger than its base's (a
// class only adds the dict slot, unless it has __slots__).
static int extra_ivars(SpTypeObject *t, SpTypeObject *b) {
    if (is_heap(t)) {
        return t->tp_members != NULL;
    }
    return t->tp_basicsize != b->tp_basicsize || t->tp_itemsize != b->tp_itemsize;
}

// Two bases are compatible in multiple inheritance when one's solid base
// derives from the other's.
SpTypeObject *sp_type_solid_base(SpTypeObject *t) {
    if (t->tp_base == NULL) {
        return t;
    }
    SpTypeObject *base = sp_type_solid_base(t->tp_base);
    return extra_ivars(t, t->tp_base) ? t : base;
}

// ===========================================================================
// The MRO (C3 linearization)

// Does `cand` occur in the tail (after the current head) of any list?
static int tail_contains(SpObject **lists, ssize_t *remain, ssize_t nlists, SpObject *cand) {
    for (ssize_t j = 0; j < nlists; j++) {
        ssize_t len = SP_TUPLE_SIZE(lists[j]);
        for (ssize_t k = remain[j] + 1; k < len; k++) {
            if (SP_TUPLE_GET_ITEM(lists[j], k) == cand) {
                return 1;
            }
        }
    }
    return 0;
}

// "Cannot create a consistent method resolution\norder (MRO) for bases A, B":
// the heads still waiting, in order of first appearance.
static void mro_error(SpObject **lists, ssize_t *remain, ssize_t nlists) {
    SpStrWriter w;
    sp_str_writer_init(&w);
    SpObject *seen = sp_list_new(0);
    if (seen == NULL) {
        return;
    }
    const char *head = "Cannot create a consistent method resolution\norder (MRO) for bases ";
    if (sp_str_writer_write_ascii(&w, head, (ssize_t)strlen(head)) < 0) {
        goto fail;
    }
    int first = 1;
    for (ssize_t i = 0; i < nlists; i++) {
        if (remain[i] >= SP_TUPLE_SIZE(lists[i])) {
            continue;
        }
        SpObject *c = SP_TUPLE_GET_ITEM(lists[i], remain[i]);
        int dup = 0;
        for (ssize_t k = 0; k < SP_LIST_SIZE(seen); k++) {
            dup |= SP_LIST_GET_ITEM(seen, k) == c;
        }
        if (dup) {
            continue;
        }
        if (sp_list_append(seen, c) < 0) {
            goto fail;
        }
        const char *name = sp_type_name((SpTypeObject *)c);
        if ((!first && sp_str_writer_write_ascii(&w, ", ", 2) < 0)) {
            goto fail;
        }
        SpObject *s = sp_str_from_cstr(name);
        if (s == NULL || sp_str_writer_write_str(&w, s) < 0) {
            SP_XDECREF(s);
            goto fail;
        }
        SP_DECREF(s);
        first = 0;
    }
    SP_DECREF(seen);
    SpObject *msg = sp_str_writer_finish(&w);
    if (msg != NULL) {
        sp_err_set_object(&SpExc_TypeError, msg);
        SP_DECREF(msg);
    }
    return;
fail:
    SP_DECREF(seen);
    sp_str_writer_discard(&w);
}

// The MRO of t from its __bases__: trivial for zero or one base; C3 for
// several (every class before its bases, the bases' MROs and the order of
// __bases__ respected), with CPython's errors when impossible.
static SpObject *mro_compute(SpTypeObject *t) {
    SpObject *bases = t->tp_bases;
    ssize_t n = SP_TUPLE_SIZE(bases);
    if (n == 0) {
        return sp_tuple_pack(1, (SpObject *)t);
    }
    for (ssize_t i = 0; i < n; i++) {
        SpTypeObject *b = (SpTypeObject *)SP_TUPLE_GET_ITEM(bases, i);
        if (b->tp_mro == NULL && sp_type_ready(b) < 0) {
            return NULL;
        }
    }
    if (n == 1) {
        // Single inheritance: t followed by the base's MRO.
        SpObject *bm = ((SpTypeObject *)SP_TUPLE_GET_ITEM(bases, 0))->tp_mro;
        ssize_t k = SP_TUPLE_SIZE(bm);
        SpObject *mro = sp_tuple_new(k + 1);
        if (mro == NULL) {
            return NULL;
        }
        SP_TUPLE_SET_ITEM(mro, 0, sp_newref((SpObject *)t));
        for (ssize_t i = 0; i < k; i++) {
            SP_TUPLE_SET_ITEM(mro, i + 1, sp_newref(SP_TUPLE_GET_ITEM(bm, i)));
        }
        return mro;
    }
    for (ssize_t i = 0; i < n; i++) {
        for (ssize_t j = i + 1; j < n; j++) {
            if (SP_TUPLE_GET_ITEM(bases, i) == SP_TUPLE_GET_ITEM(bases, j)) {
                return sp_err_format(&SpExc_TypeError, "duplicate base class %s",
                                     sp_type_name((SpTypeObject *)SP_TUPLE_GET_ITEM(bases, i)));
            }
        }
    }
    // Merge the bases' MROs and the list of bases.
    // C3 merge: repeatedly take the first head (in the order of the lists)
    // that appears in no list's tail, append it and drop it from every head.
    // remain[i] is the index of list i's current head, so lists are never
    // copied. O(n^2) per step, which is fine for realistic hierarchies.
    ssize_t nlists = n + 1;
    SpObject **lists = sp_mem_alloc(sizeof(SpObject *) * (size_t)nlists);
    ssize_t *remain = sp_mem_calloc(sizeof(ssize_t) * (size_t)nlists);
    SpObject *result = sp_list_new(0);
    SpObject *mro = NULL;
    if (lists == NULL || remain == NULL || result == NULL) {
        if (lists == NULL || remain == NULL) {
            sp_err_no_memory();
        }
        goto done;
    }
    for (ssize_t i = 0; i < n; i++) {
        lists[i] = ((SpTypeObject *)SP_TUPLE_GET_ITEM(bases, i))->tp_mro;
    }
    lists[n] = bases;
    if (sp_list_append(result, (SpObject *)t) < 0) {
        goto done;
    }
    for (;;) {
        ssize_t empty = 0;
        int progressed = 0;
        for (ssize_t i = 0; i < nlists; i++) {
            if (remain[i] >= SP_TUPLE_SIZE(lists[i])) {
                empty++;
                continue;
            }
            SpObject *cand = SP_TUPLE_GET_ITEM(lists[i], remain[i]);
            if (tail_contains(lists, remain, nlists, cand)) {
                continue;
            }
            if (sp_list_append(result, cand) < 0) {
                goto done;
            }
            for (ssize_t j = 0; j < nlists; j++) {
                if (remain[j] < SP_TUPLE_SIZE(lists[j]) &&
                    SP_TUPLE_GET_ITEM(lists[j], remain[j]) == cand) {
                    remain[j]++;
                }
            }
            progressed = 1;
            break;
        }
        if (empty == nlists) {
            break;
        }
        if (!progressed) {
            // Every remaining head is in some tail: the constraints are cyclic.
            mro_error(lists, remain, nlists);
            goto done;
        }
    }
    mro = sp_list_as_tuple(result);
done:
    sp_mem_free(lists);
    sp_mem_free(remain);
    SP_XDECREF(result);
    return mro;
}

// ===========================================================================
// Inheritance of slots

#define COPY_IF_NULL(field)        \
    do {                           \
        if (t->field == 0) {       \
            t->field = b->field;   \
        }                          \
    } while (0)

// Copy every NULL entry of a slot table from the base's table.
static void inherit_table(void *dst, const void *src, size_t size) {
    void (**d)(void) = dst;
    void (*const *s)(void) = src;
    for (size_t i = 0; i < size / sizeof(*d); i++) {
        if (d[i] == NULL) {
            d[i] = s[i];
        }
    }
}

// What only the primary base passes on: layout, GC, flags, tp_new.
static void inherit_special(SpTypeObject *t, SpTypeObject *b) {
    // GC support is inherited only as a whole (flag, traverse and clear
    // together) and only if t did not define its own traversal.
    if (!(t->tp_flags & SP_TPFLAGS_HAVE_GC) && (b->tp_flags & SP_TPFLAGS_HAVE_GC) &&
        t->tp_traverse == NULL && t->tp_clear == NULL) {
        t->tp_flags |= SP_TPFLAGS_HAVE_GC;
        t->tp_traverse = b->tp_traverse;
        t->tp_clear = b->tp_clear;
    }
    COPY_IF_NULL(tp_basicsize);
    COPY_IF_NULL(tp_itemsize);
    COPY_IF_NULL(tp_dictoffset);
    // The *_SUBCLASS bits make SP_LIST_CHECK & co. one flag test for
    // subclasses at any depth.
    t->tp_flags |= b->tp_flags & TPFLAGS_FAMILY;
    // A static type directly under object with no tp_new cannot be
    // instantiated (iterators and such); anything else inherits tp_new.
    if (t->tp_new == NULL && (b != &SpBaseObject_Type || is_heap(t))) {
        t->tp_new = b->tp_new;
    }
}

// Slots every base along the MRO passes on where t leaves them NULL.
static int inherit_slots(SpTypeObject *t, SpTypeObject *b) {
    if (b->tp_as_number != NULL) {
        if (t->tp_as_number == NULL) {
            // Sharing is safe because a static type's tables never change; classes
            // always have their own tables (typenew.c), so they take the copy path.
            t->tp_as_number = b->tp_as_number;  // static types share the table
        } else if (t->tp_as_number != b->tp_as_number) {
            inherit_table(t->tp_as_number, b->tp_as_number, sizeof(SpNumberMethods));
        }
    }
    if (b->tp_as_sequence != NULL) {
        if (t->tp_as_sequence == NULL) {
            t->tp_as_sequence = b->tp_as_sequence;
        } else if (t->tp_as_sequence != b->tp_as_sequence) {
            inherit_table(t->tp_as_sequence, b->tp_as_sequence, sizeof(SpSequenceMethods));
        }
    }
    if (b->tp_as_mapping != NULL) {
        if (t->tp_as_mapping == NULL) {
            t->tp_as_mapping = b->tp_as_mapping;
        } else if (t->tp_as_mapping != b->tp_as_mapping) {
            inherit_table(t->tp_as_mapping, b->tp_as_mapping, sizeof(SpMappingMethods));
        }
    }
    COPY_IF_NULL(tp_dealloc);
    COPY_IF_NULL(tp_repr);
    COPY_IF_NULL(tp_str);
    COPY_IF_NULL(tp_getattro);
    COPY_IF_NULL(tp_setattro);
    if (t->tp_call == NULL && b->tp_call != NULL) {
        t->tp_call = b->tp_call;
        // The vectorcall pointer is inherited only together with the tp_call it
        // shortcuts; a type with its own tp_call keeps the tuple path.
        if ((b->tp_flags & SP_TPFLAGS_HAVE_VECTORCALL) && t->tp_vectorcall_offset == 0) {
            t->tp_flags |= SP_TPFLAGS_HAVE_VECTORCALL;
            t->tp_vectorcall_offset = b->tp_vectorcall_offset;
        }
    }
    // tp_hash and tp_richcompare go together: a type defining __eq__ (or
    // __hash__) must not get the other from its base.
    if (t->tp_richcompare == NULL && t->tp_hash == NULL) {
        // Python rule: a class that defines __eq__ but not __hash__ becomes
        // unhashable (set_hash_none later sets __hash__ = None).
        int eq = sp_dict_contains(t->tp_dict, sp_id(__eq__));
        int hash = eq == 0 ? sp_dict_contains(t->tp_dict, sp_id(__hash__)) : 0;
        if (eq < 0 || hash < 0) {
            return -1;
        }
        if (!eq && !hash) {
            t->tp_richcompare = b->tp_richcompare;
            t->tp_hash = b->tp_hash;
        }
    }
    COPY_IF_NULL(tp_iter);
    COPY_IF_NULL(tp_iternext);
    COPY_IF_NULL(tp_descr_get);
    COPY_IF_NULL(tp_descr_set);
    COPY_IF_NULL(tp_init);
    COPY_IF_NULL(tp_free);
    return 0;
}

#undef COPY_IF_NULL

// ===========================================================================
// Filling a built-in type's namespace

static int dict_set_default(SpObject *dict, SpObject *key, SpObject *value, int override) {
    if (!override) {
        int has = sp_dict_contains(dict, key);
        if (has != 0) {
            return has < 0 ? -1 : 0;
        }
    }
    return sp_dict_setitem(dict, key, value);
}

// Add descriptors for tp_methods, tp_members and tp_getset. Methods replace
// slot wrappers of the same name (a type listing __getitem__ explicitly
// means it); members and getsets never replace anything.
static int add_tables(SpTypeObject *t) {
    SpObject *dict = t->tp_dict;
    for (const SpMethodDef *ml = t->tp_methods; ml != NULL && ml->ml_name != NULL; ml++) {
        SpObject *name = sp_str_intern_cstr(ml->ml_name);
        if (name == NULL) {
            return -1;
        }
        SpObject *d = sp_descr_new_method(t, ml);
        int r = d == NULL ? -1 : dict_set_default(dict, name, d, 1);
        SP_XDECREF(d);
        SP_DECREF(name);
        if (r < 0) {
            return -1;
        }
    }
    for (const SpMemberDef *m = t->tp_members; m != NULL && m->name != NULL; m++) {
        SpObject *d = sp_descr_new_member(t, m);
        if (d == NULL) {
            return -1;
        }
        int r = dict_set_default(dict, ((SpDescrObject *)d)->d_name, d, 0);
        SP_DECREF(d);
        if (r < 0) {
            return -1;
        }
    }
    for (const SpGetSetDef *g = t->tp_getset; g != NULL && g->name != NULL; g++) {
        SpObject *d = sp_descr_new_getset(t, g);
        if (d == NULL) {
            return -1;
        }
        int r = dict_set_default(dict, ((SpDescrObject *)d)->d_name, d, 0);
        SP_DECREF(d);
        if (r < 0) {
            return -1;
        }
    }
    return 0;
}

// The family bit of the root of each core hierarchy, so that e.g.
// SP_INT_CHECK works for int and every subclass.
static void set_root_flags(SpTypeObject *t) {
    if (t == &SpInt_Type) {
        t->tp_flags |= SP_TPFLAGS_LONG_SUBCLASS;
    } else if (t == &SpList_Type) {
        t->tp_flags |= SP_TPFLAGS_LIST_SUBCLASS;
    } else if (t == &SpTuple_Type) {
        t->tp_flags |= SP_TPFLAGS_TUPLE_SUBCLASS;
    } else if (t == &SpBytes_Type) {
        t->tp_flags |= SP_TPFLAGS_BYTES_SUBCLASS;
    } else if (t == &SpStr_Type) {
        t->tp_flags |= SP_TPFLAGS_UNICODE_SUBCLASS;
    } else if (t == &SpDict_Type) {
        t->tp_flags |= SP_TPFLAGS_DICT_SUBCLASS;
    } else if (t == &SpExc_BaseException) {
        t->tp_flags |= SP_TPFLAGS_BASE_EXC_SUBCLASS;
    } else if (t == &SpType_Type) {
        t->tp_flags |= SP_TPFLAGS_TYPE_SUBCLASS;
    }
}

// A type with no tp_hash after inheritance is unhashable: __hash__ = None.
static int set_hash_none(SpTypeObject *t) {
    if (t->tp_hash != NULL) {
        return 0;
    }
    int has = sp_dict_contains(t->tp_dict, sp_id(__hash__));
    if (has < 0) {
        return -1;
    }
    if (!has) {
        if (sp_dict_setitem(t->tp_dict, sp_id(__hash__), sp_None) < 0) {
            return -1;
        }
        t->tp_hash = sp_object_hash_not_implemented;
    }
    return 0;
}

// PyType_Ready: static types at start-up (and lazily, if forgotten), and
// classes from typenew.c. The order of the dict entries follows CPython's,
// so printing C.__dict__ matches.
int sp_type_ready(SpTypeObject *t) {
    if (t->tp_flags & (SP_TPFLAGS_READY | TPFLAGS_READYING)) {
        return 0;
    }
    t->tp_flags |= TPFLAGS_READYING;
    if (SP_TYPE(t) == NULL) {
        t->ob_base.ob_base.ob_type = &SpType_Type;
    }
    SpTypeObject *base = t->tp_base;
    if (base == NULL && t != &SpBaseObject_Type) {
        base = t->tp_base = &SpBaseObject_Type;
    }
    if (base != NULL && !(base->tp_flags & SP_TPFLAGS_READY) && sp_type_ready(base) < 0) {
        goto fail;
    }
    set_root_flags(t);
    if (t->tp_bases == NULL) {
        t->tp_bases = base != NULL ? sp_tuple_pack(1, (SpObject *)base) : sp_tuple_new(0);
        if (t->tp_bases == NULL) {
            goto fail;
        }
    }
    if (t->tp_dict == NULL && (t->tp_dict = sp_dict_new()) == NULL) {
        goto fail;
    }
    int heap = is_heap(t);
    if (!heap) {
        // Static types: descriptors for their own C tables. (A class's
        // namespace is its class body; its slots are derived from it.)
        if (sp_slots_add_wrappers(t) < 0 || add_tables(t) < 0) {
            goto fail;
        }
        int has = sp_dict_contains(t->tp_dict, sp_id(__doc__));
        if (has < 0) {
            goto fail;
        }
        if (!has) {
            SpObject *doc = t->tp_doc != NULL ? sp_str_from_cstr(t->tp_doc) : sp_newref(sp_None);
            if (doc == NULL || sp_dict_setitem(t->tp_dict, sp_id(__doc__), doc) < 0) {
                SP_XDECREF(doc);
                goto fail;
            }
            SP_DECREF(doc);
        }
    } else {
        // Classes: __dict__ / __weakref__ / __slots__ members, then a None
        // __doc__ if the body has none (CPython's dict order).
        if (add_tables(t) < 0) {
            goto fail;
        }
        int has = sp_dict_contains(t->tp_dict, sp_id(__doc__));
        if (has < 0 || (!has && sp_dict_setitem(t->tp_dict, sp_id(__doc__), sp_None) < 0)) {
            goto fail;
        }
    }
    SP_XDECREF(t->tp_mro);
    t->tp_mro = mro_compute(t);
    if (t->tp_mro == NULL) {
        goto fail;
    }
    if (base != NULL) {
        inherit_special(t, base);
    }
    for (ssize_t i = 1; i < SP_TUPLE_SIZE(t->tp_mro); i++) {
        if (inherit_slots(t, (SpTypeObject *)SP_TUPLE_GET_ITEM(t->tp_mro, i)) < 0) {
            goto fail;
        }
    }
    if (set_hash_none(t) < 0) {
        goto fail;
    }
    for (ssize_t i = 0; i < SP_TUPLE_SIZE(t->tp_bases); i++) {
        SpTypeObject *b = (SpTypeObject *)SP_TUPLE_GET_ITEM(t->tp_bases, i);
        if (add_subclass(b, t) < 0) {
            goto fail;
        }
    }
    if (heap) {
        // Lookups during the fixup must see the complete MRO, and their
        // results must not be cached before the type is finished.
        sp_slots_fixup(t);
    }
    t->tp_flags = (t->tp_flags & ~(unsigned long)TPFLAGS_READYING) | SP_TPFLAGS_READY;
    t->tp_version_tag = 0;
    return 0;
fail:
    t->tp_flags &= ~(unsigned long)TPFLAGS_READYING;
    return -1;
}

// ===========================================================================
// Attributes of type objects

static SpObject *type_get_name(SpObject *self, void *closure) {
    SpTypeObject *t = (SpTypeObject *)self;
    if (is_heap(t) && ((SpHeapTypeObject *)t)->ht_name != NULL) {
        return sp_newref(((SpHeapTypeObject *)t)->ht_name);
    }
    return sp_str_from_cstr(sp_type_name(t));
}

// Check that a heap type's attribute may be assigned a str. 0 or -1.
static int check_set_special(SpTypeObject *t, SpObject *value, const char *name) {
    if (!is_heap(t)) {
        sp_err_format(&SpExc_TypeError, "cannot set '%s' attribute of immutable type '%s'", name,
                      t->tp_name);
        return -1;
    }
    if (value == NULL) {
        sp_err_format(&SpExc_TypeError, "cannot delete '%s' attribute of immutable type '%s'",
                      name, t->tp_name);
        return -1;
    }
    return 0;
}

static int type_set_name(SpObject *self, SpObject *value, void *closure) {
    SpTypeObject *t = (SpTypeObject *)self;
    if (check_set_special(t, value, "__name__") < 0) {
        return -1;
    }
    if (!SP_STR_CHECK(value)) {
        sp_err_format(&SpExc_TypeError, "can only assign string to %s.__name__, not '%s'",
                      t->tp_name, SP_TYPE(value)->tp_name);
        return -1;
    }
    ssize_t size;
    const char *utf8 = sp_str_as_utf8(value, &size);
    if (utf8 == NULL) {
        return -1;
    }
    if ((ssize_t)strlen(utf8) != size) {
        sp_err_set_string(&SpExc_ValueError, "type name must not contain null characters");
        return -1;
    }
    char *copy = sp_mem_alloc((size_t)size + 1);
    if (copy == NULL) {
        sp_err_no_memory();
        return -1;
    }
    memcpy(copy, utf8, (size_t)size + 1);
    sp_mem_free((char *)t->tp_name);
    t->tp_name = copy;
    SpHeapTypeObject *ht = (SpHeapTypeObject *)t;
    SP_INCREF(value);
    SP_SETREF(ht->ht_name, value);
    return 0;
}

static SpObject *type_get_qualname(SpObject *self, void *closure) {
    return sp_type_qualname((SpTypeObject *)self);
}

static int type_set_qualname(SpObject *self, SpObject *value, void *closure) {
    SpTypeObject *t = (SpTypeObject *)self;
    if (check_set_special(t, value, "__qualname__") < 0) {
        return -1;
    }
    if (!SP_STR_CHECK(value)) {
        sp_err_format(&SpExc_TypeError, "can only assign string to %s.__qualname__, not '%s'",
                      t->tp_name, SP_TYPE(value)->tp_name);
        return -1;
    }
    SP_INCREF(value);
    SP_SETREF(((SpHeapTypeObject *)t)->ht_qualname, value);
    return 0;
}

static SpObject *type_get_bases(SpObject *self, void *closure) {
    SpObject *b = ((SpTypeObject *)self)->tp_bases;
    return b != NULL ? sp_newref(b) : sp_tuple_new(0);
}

static SpObject *type_get_mro(SpObject *self, void *closure) {
    SpObject *m = ((SpTypeObject *)self)->tp_mro;
    if (m == NULL) {
        SP_RETURN_NONE;
    }
    return sp_newref(m);
}

static SpObject *type_get_module(SpObject *self, void *closure) {
    return sp_type_module((SpTypeObject *)self);
}

static int type_set_module(SpObject *self, SpObject *value, void *closure) {
    SpTypeObject *t = (SpTypeObject *)self;
    if (check_set_special(t, value, "__module__") < 0) {
        return -1;
    }
    int r = sp_dict_setitem(t->tp_dict, sp_id(__module__), value);
    sp_type_modified(t, sp_id(__module__));
    return r;
}

static SpObject *type_get_dict(SpObject *self, void *closure) {
    SpTypeObject *t = (SpTypeObject *)self;
    if (t->tp_dict == NULL) {
        SP_RETURN_NONE;
    }
    return sp_mappingproxy_new(t->tp_dict);
}

static SpObject *type_get_doc(SpObject *self, void *closure) {
    SpTypeObject *t = (SpTypeObject *)self;
    if (!is_heap(t) && t->tp_doc != NULL) {
        return sp_str_from_cstr(t->tp_doc);
    }
    SpObject *doc = t->tp_dict != NULL ? sp_dict_getitem_borrow(t->tp_dict, sp_id(__doc__)) : NULL;
    if (doc == NULL) {
        if (sp_err_occurred()) {
            return NULL;
        }
        SP_RETURN_NONE;
    }
    SpDescrGetFunc get = SP_TYPE(doc)->tp_descr_get;
    if (get != NULL) {
        return get(doc, NULL, self);
    }
    return sp_newref(doc);
}

static int type_set_doc(SpObject *self, SpObject *value, void *closure) {
    SpTypeObject *t = (SpTypeObject *)self;
    if (check_set_special(t, value, "__doc__") < 0) {
        return -1;
    }
    int r = sp_dict_setitem(t->tp_dict, sp_id(__doc__), value);
    sp_type_modified(t, sp_id(__doc__));
    return r;
}

static SpObject *type_get_abstractmethods(SpObject *self, void *closure) {
    SpTypeObject *t = (SpTypeObject *)self;
    SpObject *v = NULL;
    if (t != &SpType_Type && t->tp_dict != NULL) {
        v = sp_dict_getitem_borrow(t->tp_dict, sp_id(__abstractmethods__));
    }
    if (v == NULL) {
        if (!sp_err_occurred()) {
            sp_err_set_string(&SpExc_AttributeError, "__abstractmethods__");
        }
        return NULL;
    }
    return sp_newref(v);
}

static int type_set_abstractmethods(SpObject *self, SpObject *value, void *closure) {
    SpTypeObject *t = (SpTypeObject *)self;
    int r, abstract = 0;
    if (t == &SpType_Type || !is_heap(t)) {
        sp_err_format(&SpExc_TypeError, "cannot set '__abstractmethods__' attribute of immutable "
                                        "type '%s'",
                      t->tp_name);
        return -1;
    }
    if (value != NULL) {
        abstract = sp_object_is_true(value);
        if (abstract < 0) {
            return -1;
        }
        r = sp_dict_setitem(t->tp_dict, sp_id(__abstractmethods__), value);
    } else {
        r = sp_dict_delitem(t->tp_dict, sp_id(__abstractmethods__));
        if (r < 0 && sp_err_matches_type(&SpExc_KeyError)) {
            sp_err_clear();
            sp_err_set_string(&SpExc_AttributeError, "__abstractmethods__");
        }
    }
    if (r == 0) {
        if (abstract) {
            t->tp_flags |= SP_TPFLAGS_IS_ABSTRACT;
        } else {
            t->tp_flags &= ~(unsigned long)SP_TPFLAGS_IS_ABSTRACT;
        }
    }
    sp_type_modified(t, sp_id(__abstractmethods__));
    return r;
}

static SpObject *type_get_annotations(SpObject *self, void *closure) {
    SpTypeObject *t = (SpTypeObject *)self;
    if (!is_heap(t)) {
        return sp_err_format(&SpExc_AttributeError, "type object '%s' has no attribute "
                                                    "'__annotations__'",
                             t->tp_name);
    }
    SpObject *ann = sp_dict_getitem_borrow(t->tp_dict, sp_id(__annotations__));
    if (ann != NULL) {
        SpDescrGetFunc get = SP_TYPE(ann)->tp_descr_get;
        return get != NULL ? get(ann, NULL, self) : sp_newref(ann);
    }
    if (sp_err_occurred()) {
        return NULL;
    }
    ann = sp_dict_new();
    if (ann == NULL || sp_dict_setitem(t->tp_dict, sp_id(__annotations__), ann) < 0) {
        SP_XDECREF(ann);
        return NULL;
    }
    sp_type_modified(t, sp_id(__annotations__));
    return ann;
}

static int type_set_annotations(SpObject *self, SpObject *value, void *closure) {
    SpTypeObject *t = (SpTypeObject *)self;
    if (!is_heap(t)) {
        sp_err_format(&SpExc_TypeError, "cannot set '__annotations__' attribute of immutable "
                                        "type '%s'",
                      t->tp_name);
        return -1;
    }
    int r;
    if (value != NULL) {
        r = sp_dict_setitem(t->tp_dict, sp_id(__annotations__), value);
    } else {
        r = sp_dict_delitem(t->tp_dict, sp_id(__annotations__));
        if (r < 0 && sp_err_matches_type(&SpExc_KeyError)) {
            sp_err_clear();
            sp_err_set_string(&SpExc_AttributeError, "__annotations__");
        }
    }
    sp_type_modified(t, sp_id(__annotations__));
    return r;
}

static SpObject *type_get_text_signature(SpObject *self, void *closure) { SP_RETURN_NONE; }

static SpGetSetDef type_getset[] = {
    {"__name__", type_get_name, type_set_name, NULL, NULL},
    {"__qualname__", type_get_qualname, type_set_qualname, NULL, NULL},
    {"__bases__", type_get_bases, NULL, NULL, NULL},
    {"__mro__", type_get_mro, NULL, NULL, NULL},
    {"__module__", type_get_module, type_set_module, NULL, NULL},
    {"__abstractmethods__", type_get_abstractmethods, type_set_abstractmethods, NULL, NULL},
    {"__dict__", type_get_dict, NULL, NULL, NULL},
    {"__doc__", type_get_doc, type_set_doc, NULL, NULL},
    {"__text_signature__", type_get_text_signature, NULL, NULL, NULL},
    {"__annotations__", type_get_annotations, type_set_annotations, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static SpMemberDef type_members[] = {
    {"__basicsize__", SP_T_SSIZE, offsetof(SpTypeObject, tp_basicsize), SP_READONLY, NULL},
    {"__itemsize__", SP_T_SSIZE, offsetof(SpTypeObject, tp_itemsize), SP_READONLY, NULL},
    {"__flags__", SP_T_SSIZE, offsetof(SpTypeObject, tp_flags), SP_READONLY, NULL},
    {"__dictoffset__", SP_T_SSIZE, offsetof(SpTypeObject, tp_dictoffset), SP_READONLY, NULL},
    {"__base__", SP_T_OBJECT, offsetof(SpTypeObject, tp_base), SP_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

// --- methods ------------------------------------------------------------------

// type.mro(): the MRO as a list.
static SpObject *type_mro(SpObject *self, SpObject *unused) {
    SpObject *mro = ((SpTypeObject *)self)->tp_mro;
    if (mro == NULL) {
        mro = mro_compute((SpTypeObject *)self);
        if (mro == NULL) {
            return NULL;
        }
        SpObject *l = sp_sequence_list(mro);
        SP_DECREF(mro);
        return l;
    }
    return sp_sequence_list(mro);
}

// Callback of type.__subclasses__.
static int collect_subclass(SpTypeObject *sub, void *list) {
    return sp_list_append(list, (SpObject *)sub) < 0 ? -1 : 0;
}

// type.__subclasses__(): the direct subclasses still alive, oldest first.
static SpObject *type_subclasses(SpObject *self, SpObject *unused) {
    SpObject *list = sp_list_new(0);
    if (list == NULL) {
        return NULL;
    }
    if (sp_type_subclasses_foreach((SpTypeObject *)self, collect_subclass, list) < 0) {
        SP_DECREF(list);
        return NULL;
    }
    return list;
}

// isinstance(inst, cls) without __instancecheck__: the real type, or a
// different __class__ (proxies).
static SpObject *type_instancecheck(SpObject *self, SpObject *inst) {
    SpTypeObject *cls = (SpTypeObject *)self;
    if (sp_type_is_subtype(SP_TYPE(inst), cls)) {
        SP_RETURN_TRUE;
    }
    SpObject *c = sp_object_lookup_attr(inst, sp_id(__class__));
    if (c == NULL) {
        if (sp_err_occurred()) {
            return NULL;
        }
        SP_RETURN_FALSE;
    }
    int r = c != (SpObject *)SP_TYPE(inst) && SP_TYPE_CHECK(c) &&
            sp_type_is_subtype((SpTypeObject *)c, cls);
    SP_DECREF(c);
    return sp_bool_from_long(r);
}

// issubclass(sub, cls) without __subclasscheck__.
static SpObject *type_subclasscheck(SpObject *self, SpObject *sub) {
    if (!SP_TYPE_CHECK(sub)) {
        return sp_err_format(&SpExc_TypeError, "issubclass() arg 1 must be a class");
    }
    return sp_bool_from_long(sp_type_is_subtype((SpTypeObject *)sub, (SpTypeObject *)self));
}

// type.__prepare__(name, bases, **kwds): the class body's namespace.
static SpObject *type_prepare(SpObject *self, SpObject *const *args, ssize_t nargs,
                              SpObject *kwnames) {
    return sp_dict_new();
}

static SpObject *type_dir(SpObject *self, SpObject *unused) { return sp_type_dir_names(self); }

// type.__sizeof__: the C struct behind the type object.
static SpObject *type_sizeof(SpObject *self, SpObject *unused) {
    SpTypeObject *t = (SpTypeObject *)self;
    return sp_int_from_ssize(is_heap(t) ? (ssize_t)sizeof(SpHeapTypeObject)
                                        : (ssize_t)sizeof(SpTypeObject));
}

static SpMethodDef type_methods[] = {
    {"mro", SP_METH(type_mro), SP_METH_NOARGS, "Return a type's method resolution order."},
    {"__subclasses__", SP_METH(type_subclasses), SP_METH_NOARGS,
     "Return a list of immediate subclasses."},
    {"__prepare__", SP_METH(type_prepare), SP_METH_FASTCALL | SP_METH_CLASS,
     "__prepare__() -> dict\nused to create the namespace for the class statement"},
    {"__instancecheck__", SP_METH(type_instancecheck), SP_METH_O,
     "Check if an object is an instance."},
    {"__subclasscheck__", SP_METH(type_subclasscheck), SP_METH_O,
     "Check if a class is a subclass."},
    {"__dir__", SP_METH(type_dir), SP_METH_NOARGS, "Specialized __dir__ implementation for types."},
    {"__sizeof__", SP_METH(type_sizeof), SP_METH_NOARGS,
     "Return memory consumption of the type object."},
    {NULL, NULL, 0, NULL},
};

// --- slots ----------------------------------------------------------------------

// "<class 'int'>", "<class '__main__.C'>".
static SpObject *type_repr(SpObject *self) {
    SpTypeObject *t = (SpTypeObject *)self;
    SpObject *mod = sp_type_module(t);
    if (mod == NULL) {
        sp_err_clear();
    } else if (!SP_STR_CHECK(mod)) {
        SP_CLEAR(mod);
    }
    SpObject *name = sp_type_qualname(t);
    if (name == NULL) {
        SP_XDECREF(mod);
        return NULL;
    }
    SpObject *res;
    if (mod != NULL && !sp_str_eq_cstr(mod, "builtins")) {
        res = sp_str_from_format("<class '%U.%U'>", mod, name);
    } else {
        res = sp_str_from_format("<class '%s'>", t->tp_name);
    }
    SP_XDECREF(mod);
    SP_DECREF(name);
    return res;
}

// Attribute lookup on a class: data descriptors of the metatype first, then
// the class's own MRO (binding with obj NULL), then the metatype's other
// attributes.
static SpObject *type_getattro(SpObject *self, SpObject *name) {
    SpTypeObject *type = (SpTypeObject *)self, *meta = SP_TYPE(self);
    if (!SP_STR_CHECK(name)) {
        return sp_err_format(&SpExc_TypeError, "attribute name must be string, not '%.200s'",
                             SP_TYPE(name)->tp_name);
    }
    if (!(type->tp_flags & (SP_TPFLAGS_READY | TPFLAGS_READYING)) && sp_type_ready(type) < 0) {
        return NULL;
    }
    SpObject *meta_attr = sp_type_lookup_borrow(meta, name);
    SpDescrGetFunc meta_get = NULL;
    SpObject *res;
    if (meta_attr != NULL) {
        SP_INCREF(meta_attr);
        meta_get = SP_TYPE(meta_attr)->tp_descr_get;
        if (meta_get != NULL && sp_descr_is_data(meta_attr)) {
            res = meta_get(meta_attr, self, (SpObject *)meta);
            SP_DECREF(meta_attr);
            return res;
        }
    }
    SpObject *attr = sp_type_lookup_borrow(type, name);
    if (attr != NULL) {
        SP_INCREF(attr);
        SpDescrGetFunc local_get = SP_TYPE(attr)->tp_descr_get;
        SP_XDECREF(meta_attr);
        if (local_get != NULL) {
            res = local_get(attr, NULL, self);
            SP_DECREF(attr);
            return res;
        }
        return attr;
    }
    if (meta_get != NULL) {
        res = meta_get(meta_attr, self, (SpObject *)meta);
        SP_DECREF(meta_attr);
        return res;
    }
    if (meta_attr != NULL) {
        return meta_attr;
    }
    return sp_err_format(&SpExc_AttributeError, "type object '%.50s' has no attribute '%U'",
                         type->tp_name, name);
}

// Setting a class attribute: built-in types are immutable; classes store
// into their namespace (through data descriptors of the metatype first,
// e.g. __name__), then invalidate caches and refresh slots.
static int type_setattro(SpObject *self, SpObject *name, SpObject *value) {
    SpTypeObject *type = (SpTypeObject *)self;
    if (!is_heap(type)) {
        if (SP_STR_CHECK(name)) {
            sp_err_format(&SpExc_TypeError, "cannot set '%U' attribute of immutable type '%s'",
                          name, type->tp_name);
        } else {
            sp_err_format(&SpExc_TypeError, "attribute name must be string, not '%.200s'",
                          SP_TYPE(name)->tp_name);
        }
        return -1;
    }
    if (!SP_STR_CHECK(name)) {
        sp_err_format(&SpExc_TypeError, "attribute name must be string, not '%.200s'",
                      SP_TYPE(name)->tp_name);
        return -1;
    }
    SP_INCREF(name);
    if (SP_STR_CHECK_EXACT(name)) {
        sp_str_intern_in_place(&name);
    }
    int r = sp_object_generic_setattr(self, name, value);
    if (r < 0 && value == NULL && sp_err_matches_type(&SpExc_AttributeError)) {
        sp_err_clear();
        sp_err_format(&SpExc_AttributeError, "type object '%.50s' has no attribute '%U'",
                      type->tp_name, name);
    }
    if (r == 0) {
        sp_type_modified(type, name);
    }
    SP_DECREF(name);
    return r;
}

static void type_dealloc(SpObject *self) {
    SpTypeObject *t = (SpTypeObject *)self;
    if (!is_heap(t)) {
        SP_ASSERT(0, "deallocating a static type");
        self->ob_refcnt = 1;
        return;
    }
    SpHeapTypeObject *ht = (SpHeapTypeObject *)t;
    sp_gc_untrack(self);
    if (t->tp_bases != NULL) {
        for (ssize_t i = 0; i < SP_TUPLE_SIZE(t->tp_bases); i++) {
            sp_type_remove_subclass((SpTypeObject *)SP_TUPLE_GET_ITEM(t->tp_bases, i), t);
        }
    }
    SP_CLEAR(t->tp_dict);
    SP_CLEAR(t->tp_bases);
    SP_CLEAR(t->tp_mro);
    SP_CLEAR(t->tp_subclasses);
    SP_CLEAR(ht->ht_name);
    SP_CLEAR(ht->ht_qualname);
    SP_CLEAR(ht->ht_module);
    SP_XDECREF(t->tp_base);
    sp_type_free_slot_members(t);
    sp_mem_free((char *)t->tp_name);
    SP_TYPE(self)->tp_free(self);
}

static int type_traverse(SpObject *self, SpVisitProc visit, void *arg) {
    SpTypeObject *t = (SpTypeObject *)self;
    if (!is_heap(t)) {
        return 0;
    }
    SpObject *fields[] = {t->tp_dict, t->tp_bases, t->tp_mro, (SpObject *)t->tp_base,
                          ((SpHeapTypeObject *)t)->ht_module};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        if (fields[i] != NULL && visit(fields[i], arg)) {
            return 1;
        }
    }
    return 0;
}

// tp_clear for the cycle collector: break a class's cycles (its MRO holds
// the class itself; its dict holds functions whose globals may hold the
// class) by emptying the namespace and dropping the MRO, as CPython does.
static int type_clear(SpObject *self) {
    SpTypeObject *t = (SpTypeObject *)self;
    if (!is_heap(t)) {
        return 0;
    }
    invalidate_versions(t, NULL);
    if (t->tp_dict != NULL) {
        sp_dict_clear(t->tp_dict);
    }
    SP_CLEAR(t->tp_mro);
    return 0;
}

// --- calling a type ----------------------------------------------------------

// type.__call__: tp_new, then tp_init when the result is an instance of the
// type called.
SpObject *sp_type_call(SpObject *callable, SpObject *args, SpObject *kwargs) {
    SpTypeObject *type = (SpTypeObject *)callable;
    if (type->tp_new == NULL) {
        return sp_err_format(&SpExc_TypeError, "cannot create '%s' instances", type->tp_name);
    }
    SpObject *obj = type->tp_new(type, args, kwargs);
    if (obj == NULL) {
        return NULL;
    }
    if (!sp_type_is_subtype(SP_TYPE(obj), type)) {
        return obj;
    }
    SpTypeObject *t = SP_TYPE(obj);
    if (t->tp_init != NULL && t->tp_init(obj, args, kwargs) < 0) {
        SP_DECREF(obj);
        return NULL;
    }
    return obj;
}

// tp_call of type: type(x) answers the type of x; anything else creates an
// instance (or, for type itself, a class).
static SpObject *type_call(SpObject *callable, SpObject *args, SpObject *kwargs) {
    if (callable == (SpObject *)&SpType_Type) {
        // type(x) is the type of x; only `type` itself has this form.
        ssize_t n = SP_TUPLE_SIZE(args);
        if (n == 1 && (kwargs == NULL || SP_DICT_SIZE(kwargs) == 0)) {
            return sp_newref((SpObject *)SP_TYPE(SP_TUPLE_GET_ITEM(args, 0)));
        }
        if (n != 3) {
            return sp_err_format(&SpExc_TypeError, "type() takes 1 or 3 arguments");
        }
    }
    return sp_type_call(callable, args, kwargs);
}

// type's own vectorcall: type(x) without building a tuple.
static SpObject *type_vectorcall(SpObject *callable, SpObject *const *args, size_t nargsf,
                                 SpObject *kwnames) {
    ssize_t nargs = SP_VECTORCALL_NARGS(nargsf);
    if (nargs == 1 && kwnames == NULL && callable == (SpObject *)&SpType_Type) {
        return sp_newref((SpObject *)SP_TYPE(args[0]));
    }
    return sp_vectorcall_via_tp_call(callable, args, nargsf, kwnames);
}

// type.__init__: only checks the argument count (type.__new__ did the
// work); class keywords are allowed with the three-argument form.
static int type_init(SpObject *self, SpObject *args, SpObject *kwargs) {
    ssize_t n = SP_TUPLE_SIZE(args);
    if (kwargs != NULL && n == 1 && SP_DICT_SIZE(kwargs) != 0) {
        sp_err_set_string(&SpExc_TypeError, "type.__init__() takes no keyword arguments");
        return -1;
    }
    if (n != 1 && n != 3) {
        sp_err_set_string(&SpExc_TypeError, "type.__init__() takes 1 or 3 arguments");
        return -1;
    }
    return 0;
}

static SpNumberMethods type_as_number = {.nb_or = sp_union_or};

SpTypeObject SpType_Type = {
    .ob_base = SP_TYPE_HEAD_INIT,
    .tp_name = "type",
    .tp_basicsize = sizeof(SpHeapTypeObject),
    .tp_dealloc = type_dealloc,
    .tp_vectorcall_offset = offsetof(SpTypeObject, tp_vectorcall),
    .tp_repr = type_repr,
    .tp_as_number = &type_as_number,
    .tp_call = type_call,
    .tp_getattro = type_getattro,
    .tp_setattro = type_setattro,
    .tp_flags = SP_TPFLAGS_BASETYPE | SP_TPFLAGS_HAVE_GC | SP_TPFLAGS_HAVE_VECTORCALL |
                SP_TPFLAGS_TYPE_SUBCLASS,
    .tp_doc = "type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type",
    .tp_traverse = type_traverse,
    .tp_clear = type_clear,
    .tp_methods = type_methods,
    .tp_members = type_members,
    .tp_getset = type_getset,
    .tp_dictoffset = offsetof(SpTypeObject, tp_dict),
    .tp_init = type_init,
    .tp_new = sp_type_new,
    .tp_free = sp_object_free,
    .tp_vectorcall = type_vectorcall,
};

// ===========================================================================
// Start-up

// Every built-in type declared in the headers of src/objects, readied in
// this order (a base is readied before its subclasses anyway). Exception
// types are readied by sp_exc_init_types.
static SpTypeObject *const builtin_types[] = {
    &SpBaseObject_Type, &SpType_Type, &SpNone_Type, &SpNotImplemented_Type, &SpEllipsis_Type,
    &SpCFunction_Type, &SpMethodDescr_Type, &SpClassMethodDescr_Type, &SpMemberDescr_Type,
    &SpGetSetDescr_Type, &SpWrapperDescr_Type, &SpMethodWrapper_Type, &SpMappingProxy_Type,
    &SpProperty_Type, &SpClassMethod_Type, &SpStaticMethod_Type, &SpSuper_Type, &SpUnion_Type,
    &SpInt_Type, &SpBool_Type, &SpFloat_Type, &SpStr_Type, &SpBytes_Type, &SpTuple_Type,
    &SpList_Type, &SpDict_Type, &SpSet_Type, &SpFrozenSet_Type, &SpRange_Type, &SpSlice_Type,
    &SpEnumerate_Type, &SpZip_Type, &SpMap_Type, &SpFilter_Type, &SpReversed_Type,
    &SpSeqIter_Type, &SpCallIter_Type, &SpFunction_Type, &SpCell_Type, &SpMethod_Type,
    &SpGenerator_Type, &SpCode_Type, &SpModule_Type, &SpTraceback_Type,
    NULL,
};

// Ready every type in builtin_types. 0 or -1.
int sp_init_types(void) {
    if (sp_slots_init() < 0) {
        return -1;
    }
    for (SpTypeObject *const *t = builtin_types; *t != NULL; t++) {
        if (sp_type_ready(*t) < 0) {
            return -1;
        }
    }
    return 0;
}
