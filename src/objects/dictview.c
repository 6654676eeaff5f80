// smallpy: dict iterators (keys, values, items; forward and reversed) and
// the views dict.keys(), dict.values(), dict.items(), with the set
// operations of the keys and items views. Counterpart: CPython 3.11
// Objects/dictobject.c (dictiter_*, dictview_*).
#include <string.h>

#include "core/abstract.h"
#include "core/err.h"
#include "core/gc.h"
#include "core/mem.h"
#include "objects/cont.h"
#include "objects/descr.h"
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
// Iterators

typedef struct {
    SP_OBJECT_HEAD;
    SpObject *di_dict;  // NULL once exhausted
    ssize_t di_used;    // ma_used when the iteration began
    ssize_t di_pos;     // next entry to look at
    ssize_t len;        // items still to come
    SpObject *di_result;  // items iterators: a 2-tuple recycled while unshared
} DictIterObject;

static int is_reversed_type(SpTypeObject *t) {
    return t == &SpDictRevIterKey_Type || t == &SpDictRevIterValue_Type ||
           t == &SpDictRevIterItem_Type;
}

// An iterator over d of the given kind; reversed kinds start at the last entry.
SpObject *sp_dictiter_new(SpObject *d, SpTypeObject *type) {
    DictIterObject *di = (DictIterObject *)sp_object_alloc(type, 0);
    if (di == NULL) {
        return NULL;
    }
    SpDictObject *mp = (SpDictObject *)d;
    di->di_dict = sp_newref(d);
    di->di_used = mp->ma_used;
    di->len = mp->ma_used;
    di->di_pos = is_reversed_type(type) ? mp->ma_keys->dk_nentries - 1 : 0;
    di->di_result = NULL;
    if (type == &SpDictIterItem_Type || type == &SpDictRevIterItem_Type) {
        di->di_result = sp_tuple_pack(2, sp_None, sp_None);
        if (di->di_result == NULL) {
            SP_DECREF(di);
            return NULL;
        }
    }
    sp_gc_track((SpObject *)di);
    return (SpObject *)di;
}

static void dictiter_dealloc(SpObject *op) {
    sp_gc_untrack(op);
    SP_XDECREF(((DictIterObject *)op)->di_dict);
    SP_XDECREF(((DictIterObject *)op)->di_result);
    sp_object_free(op);
}

static int dictiter_traverse(SpObject *op, SpVisitProc visit, void *arg) {
    SpObject *d = ((DictIterObject *)op)->di_dict, *r = ((DictIterObject *)op)->di_result;
    int rc = d != NULL ? visit(d, arg) : 0;
    return rc == 0 && r != NULL ? visit(r, arg) : rc;
}

static int dictiter_clear(SpObject *op) {
    SP_CLEAR(((DictIterObject *)op)->di_dict);
    return 0;
}

// The next entry of the iteration (borrowed), or NULL when done / on error.
static DictEntry *dictiter_step(DictIterObject *di) {
    SpDictObject *d = (SpDictObject *)di->di_dict;
    if (d == NULL) {
        return NULL;
    }
    // Only the size is checked on each step (cheap): adding and deleting keys
    // so that the size is unchanged is caught later, through di->len.
    if (di->di_used != d->ma_used) {
        sp_err_set_string(&SpExc_RuntimeError, "dictionary changed size during iteration");
        di->di_used = -1;  // keep failing on later calls
        return NULL;
    }
    // The table may have been replaced since the last step (a resize keeps
    // the size): positions refer to whatever table the dict has now, as in
    // CPython. Holes (deleted entries) are skipped in either direction.
    SpDictKeysObject *dk = d->ma_keys;
    DictEntry *ep0 = dk_entries(dk);
    ssize_t i = di->di_pos;
    DictEntry *ep = NULL;
    if (is_reversed_type(SP_TYPE(di))) {
        // The bound on dk_nentries matters here: a rebuilt table may be shorter
        // than the position saved from the old one.
        while (i >= 0 && i < dk->dk_nentries && ep0[i].key == NULL) {
            i--;
        }
        if (i >= 0 && i < dk->dk_nentries) {
            ep = &ep0[i];
            di->di_pos = i - 1;
        }
    } else {
        ssize_t n = dk->dk_nentries;
        while (i < n && ep0[i].key == NULL) {
            i++;
        }
        if (i < n) {
            ep = &ep0[i];
            di->di_pos = i + 1;
        }
    }
    if (ep == NULL) {
        goto done;
    }
    // Same size but different keys: more items than were there at the start.
    // di->len counts the items still owed; an entry beyond them means keys
    // were added while others were removed.
    if (di->len == 0) {
        sp_err_set_string(&SpExc_RuntimeError, "dictionary keys changed during iteration");
        goto done;
    }
    di->len--;
    return ep;
done:
    // Exhausted (or broken): drop the dict so that the iterator stays
    // exhausted even if the dict grows again.
    di->len = 0;
    di->di_dict = NULL;
    SP_DECREF(d);
    return NULL;
}

// The three kinds differ only in what they make of an entry.
static SpObject *dictiter_next_key(SpObject *op) {
    DictEntry *ep = dictiter_step((DictIterObject *)op);
    return ep != NULL ? sp_newref(ep->key) : NULL;
}

static SpObject *dictiter_next_value(SpObject *op) {
    DictEntry *ep = dictiter_step((DictIterObject *)op);
    return ep != NULL ? sp_newref(ep->value) : NULL;
}

static SpObject *dictiter_next_item(SpObject *op) {
    DictEntry *ep = dictiter_step((DictIterObject *)op);
    if (ep == NULL) {
        return NULL;
    }
    SpObject *pair[2] = {sp_newref(ep->key), sp_newref(ep->value)};
    return sp_tuple_recycle(((DictIterObject *)op)->di_result, pair, 2);
}

// Items still to come, or 0 once the dict changed size.
static SpObject *dictiter_length_hint(SpObject *op, SpObject *unused) {
    DictIterObject *di = (DictIterObject *)op;
    ssize_t n = 0;
    if (di->di_dict != NULL && di->di_used == SP_DICT_SIZE(di->di_dict)) {
        n = di->len;
    }
    return sp_cont_length_hint_result(n);
}

static SpMethodDef dictiter_methods[] = {
    {"__length_hint__", SP_METH(dictiter_length_hint), SP_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

#define DICT_ITER_TYPE(cname, pyname, next)           \
    SpTypeObject cname = {                            \
        SP_TYPE_HEAD_INIT,                            \
        .tp_name = pyname,                            \
        .tp_basicsize = sizeof(DictIterObject),       \
        .tp_dealloc = dictiter_dealloc,               \
        .tp_getattro = sp_object_generic_getattr,     \
        .tp_flags = SP_TPFLAGS_HAVE_GC,               \
        .tp_traverse = dictiter_traverse,             \
        .tp_clear = dictiter_clear,                   \
        .tp_iter = sp_cont_self_iter,                 \
        .tp_iternext = next,                          \
        .tp_methods = dictiter_methods,               \
        .tp_free = sp_object_free,                    \
    }

DICT_ITER_TYPE(SpDictIterKey_Type, "dict_keyiterator", dictiter_next_key);
DICT_ITER_TYPE(SpDictIterValue_Type, "dict_valueiterator", dictiter_next_value);
DICT_ITER_TYPE(SpDictIterItem_Type, "dict_itemiterator", dictiter_next_item);
DICT_ITER_TYPE(SpDictRevIterKey_Type, "dict_reversekeyiterator", dictiter_next_key);
DICT_ITER_TYPE(SpDictRevIterValue_Type, "dict_reversevalueiterator", dictiter_next_value);
DICT_ITER_TYPE(SpDictRevIterItem_Type, "dict_reverseitemiterator", dictiter_next_item);

SpObject *sp_dict_reversed_meth(SpObject *d, SpObject *unused) {
    return sp_dictiter_new(d, &SpDictRevIterKey_Type);
}

// ---------------------------------------------------------------------------
// Views

typedef struct {
    SP_OBJECT_HEAD;
    SpObject *dv_dict;
} DictViewObject;

#define VIEW_DICT(o) (((DictViewObject *)(o))->dv_dict)

// A view holds its dict and reads it live: later changes show through.
static SpObject *dictview_new(SpObject *d, SpTypeObject *type) {
    DictViewObject *dv = (DictViewObject *)sp_object_alloc(type, 0);
    if (dv == NULL) {
        return NULL;
    }
    dv->dv_dict = sp_newref(d);
    sp_gc_track((SpObject *)dv);
    return (SpObject *)dv;
}

SpObject *sp_dictview_keys_meth(SpObject *d, SpObject *unused) {
    return dictview_new(d, &SpDictKeys_Type);
}
SpObject *sp_dictview_values_meth(SpObject *d, SpObject *unused) {
    return dictview_new(d, &SpDictValues_Type);
}
SpObject *sp_dictview_items_meth(SpObject *d, SpObject *unused) {
    return dictview_new(d, &SpDictItems_Type);
}

static void dictview_dealloc(SpObject *op) {
    sp_gc_untrack(op);
    SP_XDECREF(VIEW_DICT(op));
    sp_object_free(op);
}

static int dictview_traverse(SpObject *op, SpVisitProc visit, void *arg) {
    SpObject *d = VIEW_DICT(op);
    return d != NULL ? visit(d, arg) : 0;
}

// len(view) is len(dict) for all three kinds.
static ssize_t dictview_len(SpObject *op) { return SP_DICT_SIZE(VIEW_DICT(op)); }

// dict_keys(['a', 'b']): the type name and the list of the view's items.
static SpObject *dictview_repr(SpObject *op) {
    // A view inside its own dict (d[1] = d.keys()) prints as "...".
    int r = sp_repr_enter(op);
    if (r != 0) {
        return r > 0 ? sp_str_from_cstr("...") : NULL;
    }
    SpObject *res = NULL;
    SpObject *seq = sp_sequence_list(op);
    if (seq != NULL) {
        res = sp_str_from_format("%s(%R)", sp_type_name(SP_TYPE(op)), seq);
        SP_DECREF(seq);
    }
    sp_repr_leave(op);
    return res;
}

static SpObject *dictkeys_iter(SpObject *op) {
    return sp_dictiter_new(VIEW_DICT(op), &SpDictIterKey_Type);
}
static SpObject *dictvalues_iter(SpObject *op) {
    return sp_dictiter_new(VIEW_DICT(op), &SpDictIterValue_Type);
}
static SpObject *dictitems_iter(SpObject *op) {
    return sp_dictiter_new(VIEW_DICT(op), &SpDictIterItem_Type);
}

static SpObject *dictkeys_reversed(SpObject *op, SpObject *unused) {
    return sp_dictiter_new(VIEW_DICT(op), &SpDictRevIterKey_Type);
}
static SpObject *dictvalues_reversed(SpObject *op, SpObject *unused) {
    return sp_dictiter_new(VIEW_DICT(op), &SpDictRevIterValue_Type);
}
static SpObject *dictitems_reversed(SpObject *op, SpObject *unused) {
    return sp_dictiter_new(VIEW_DICT(op), &SpDictRevIterItem_Type);
}

// `k in d.keys()` is `k in d`.
static int dictkeys_contains(SpObject *op, SpObject *key) {
    return sp_dict_contains(VIEW_DICT(op), key);
}

// (k, v) in d.items(): d has k and d[k] == v.
static int dictitems_contains(SpObject *op, SpObject *obj) {
    // Anything but a pair cannot be an item: False, never TypeError.
    if (!SP_TUPLE_CHECK(obj) || SP_TUPLE_SIZE(obj) != 2) {
        return 0;
    }
    SpObject *found = sp_dict_getitem_borrow(VIEW_DICT(op), SP_TUPLE_GET_ITEM(obj, 0));
    if (found == NULL) {
        return sp_err_occurred() ? -1 : 0;
    }
    // Held across the comparison: __eq__ may delete the key from the dict.
    SP_INCREF(found);
    int r = sp_object_richcompare_bool(found, SP_TUPLE_GET_ITEM(obj, 1), SP_EQ);
    SP_DECREF(found);
    return r;
}

// keys and items views are set-like (operators, comparisons); values views are not.
static int is_set_view(SpObject *o) {
    return SP_TYPE(o) == &SpDictKeys_Type || SP_TYPE(o) == &SpDictItems_Type;
}

// Every item of a is in b. 1, 0, -1.
static int all_contained_in(SpObject *a, SpObject *b) {
    SpObject *it = sp_object_get_iter(a);
    if (it == NULL) {
        return -1;
    }
    int ok = 1;
    for (;;) {
        SpObject *item = sp_iter_next(it);
        if (item == NULL) {
            if (sp_err_occurred()) {
                ok = -1;
            }
            break;
        }
        // `in` on b: a set, dict view or any container, with its own semantics
        // (for an items view that means key lookup plus value ==).
        ok = sp_sequence_contains(b, item);
        SP_DECREF(item);
        if (ok <= 0) {
            break;
        }
    }
    SP_DECREF(it);
    return ok;
}

// Set-like comparison with sets and other set-like views: sizes first, then containment, as
// CPython's dictview_richcompare.
static SpObject *dictview_richcompare(SpObject *self, SpObject *other, int op) {
    if (!SP_ANYSET_CHECK(other) && !is_set_view(other)) {
        SP_RETURN_NOTIMPLEMENTED;
    }
    ssize_t len_self = sp_object_length(self);
    if (len_self < 0) {
        return NULL;
    }
    ssize_t len_other = sp_object_length(other);
    if (len_other < 0) {
        return NULL;
    }
    int ok = 0;
    switch (op) {
    case SP_NE:
    case SP_EQ:
        // Lengths first: unequal sizes settle ==, <, > without any lookups.
        if (len_self == len_other) {
            ok = all_contained_in(self, other);
        }
        if (op == SP_NE && ok >= 0) {
            ok = !ok;
        }
        break;
    case SP_LT:
        if (len_self < len_other) {
            ok = all_contained_in(self, other);
        }
        break;
    case SP_LE:
        if (len_self <= len_other) {
            ok = all_contained_in(self, other);
        }
        break;
    case SP_GT:
        if (len_self > len_other) {
            ok = all_contained_in(other, self);
        }
        break;
    case SP_GE:
        if (len_self >= len_other) {
            ok = all_contained_in(other, self);
        }
        break;
    }
    if (ok < 0) {
        return NULL;
    }
    return sp_bool_from_long(ok);
}

// A new set of the view's items (for keys, built from the dict directly).
static SpObject *dictview_to_set(SpObject *self) {
    SpObject *src = self;
    if (SP_TYPE(self) == &SpDictKeys_Type) {
        src = VIEW_DICT(self);
    }
    return sp_set_new(src);
}

// view OP other = set(view), then the in-place set method with other.
static SpObject *set_op_then(SpObject *self, SpObject *other, const char *method) {
    SpObject *result = dictview_to_set(self);
    if (result == NULL) {
        return NULL;
    }
    // Through the method (not the C function) so any iterable other works
    // with the set method's own argument handling and messages.
    SpObject *r = sp_call_method_str(result, method, &other, 1);
    if (r == NULL) {
        SP_DECREF(result);
        return NULL;
    }
    SP_DECREF(r);
    return result;
}

static SpObject *dictviews_sub(SpObject *self, SpObject *other) {
    return set_op_then(self, other, "difference_update");
}

static SpObject *dictviews_or(SpObject *self, SpObject *other) {
    SpObject *result = dictview_to_set(self);
    if (result == NULL) {
        return NULL;
    }
    if (sp_set_update(result, other) < 0) {
        SP_DECREF(result);
        return NULL;
    }
    return result;
}

// view & other: walks the smaller operand when both are views, or asks a bigger set for its
// intersection, as CPython does (the order of the result depends on it).
static SpObject *dictviews_and(SpObject *self, SpObject *other) {
    // The interpreter swaps the operands when the view is on the right.
    if (!is_set_view(self)) {
        SpObject *t = self;
        self = other;
        other = t;
    }
    ssize_t len_self = dictview_len(self);
    // An exact set at least as big: set.intersection walks the view (the
    // smaller side) and probes the set.
    if (SP_IS_TYPE(other, &SpSet_Type) && len_self <= sp_set_size(other)) {
        return sp_call_method_str(other, "intersection", &self, 1);
    }
    if (is_set_view(other) && dictview_len(other) > len_self) {
        SpObject *t = self;
        self = other;
        other = t;
    }
    // Otherwise iterate other and probe the view; `contains` is picked once
    // so the loop makes no type test per item.
    int (*contains)(SpObject *, SpObject *) =
        SP_TYPE(self) == &SpDictKeys_Type ? dictkeys_contains : dictitems_contains;
    SpObject *result = sp_set_new(NULL);
    if (result == NULL) {
        return NULL;
    }
    SpObject *it = sp_object_get_iter(other);
    if (it == NULL) {
        SP_DECREF(result);
        return NULL;
    }
    SpObject *key;
    while ((key = sp_iter_next(it)) != NULL) {
        int rv = contains(self, key);
        if (rv > 0) {
            rv = sp_set_add(result, key);
        }
        SP_DECREF(key);
        if (rv < 0) {
            goto error;
        }
    }
    if (sp_err_occurred()) {
        goto error;
    }
    SP_DECREF(it);
    return result;
error:
    SP_DECREF(it);
    SP_DECREF(result);
    return NULL;
}

// items ^ items: pairs present in exactly one of the two, by key and value.
// CPython's algorithm: copy the bigger dict, walk the smaller one removing
// pairs found equal in the copy and collecting the others, then add what
// is left of the copy. Values need not be hashable this way.
static SpObject *dictitems_xor(SpObject *self, SpObject *other) {
    SpObject *d1 = VIEW_DICT(self), *d2 = VIEW_DICT(other);
    if (SP_DICT_SIZE(d1) < SP_DICT_SIZE(d2)) {
        SpObject *t = d1;
        d1 = d2;
        d2 = t;
    }
    SpObject *result = sp_set_new(NULL);
    SpObject *temp = result != NULL ? sp_dict_copy(d1) : NULL;
    if (temp == NULL) {
        SP_XDECREF(result);
        return NULL;
    }
    ssize_t pos = 0;
    SpObject *key, *val2;
    SpHash hash;
    while (sp_dict_next_with_hash(d2, &pos, &key, &val2, &hash)) {
        // The pair is held across lookups and comparisons that may run Python
        // code mutating d2.
        SP_INCREF(key);
        SP_INCREF(val2);
        SpObject *val1;
        int r = sp_dict_lookup_known_hash(temp, key, hash, &val1);
        if (r > 0) {
            SP_INCREF(val1);
            r = sp_object_richcompare_bool(val1, val2, SP_EQ);
            SP_DECREF(val1);
        }
        if (r > 0) {
            r = sp_dict_delitem(temp, key);
        } else if (r == 0) {
            SpObject *pair = sp_tuple_pack(2, key, val2);
            r = pair == NULL ? -1 : sp_set_add(result, pair);
            SP_XDECREF(pair);
        }
        SP_DECREF(key);
        SP_DECREF(val2);
        if (r < 0) {
            goto error;
        }
    }
    SpObject *rest = sp_dict_items(temp);
    if (rest == NULL || sp_set_update(result, rest) < 0) {
        SP_XDECREF(rest);
        goto error;
    }
    SP_DECREF(rest);
    SP_DECREF(temp);
    return result;
error:
    SP_DECREF(temp);
    SP_DECREF(result);
    return NULL;
}

static SpObject *dictviews_xor(SpObject *self, SpObject *other) {
    if (SP_TYPE(self) == &SpDictItems_Type && SP_TYPE(other) == &SpDictItems_Type) {
        return dictitems_xor(self, other);
    }
    return set_op_then(self, other, "symmetric_difference_update");
}

// view.isdisjoint(iterable).
static SpObject *dictviews_isdisjoint(SpObject *self, SpObject *other) {
    if (self == other) {
        return sp_bool_from_long(dictview_len(self) == 0);
    }
    // Iterate over the shorter one when the other's `in` is cheap.
    if (SP_ANYSET_CHECK(other) || is_set_view(other)) {
        ssize_t len_other = sp_object_length(other);
        if (len_other < 0) {
            return NULL;
        }
        if (len_other > dictview_len(self)) {
            SpObject *t = self;
            self = other;
            other = t;
        }
    }
    SpObject *it = sp_object_get_iter(other);
    if (it == NULL) {
        return NULL;
    }
    SpObject *item;
    while ((item = sp_iter_next(it)) != NULL) {
        int c = sp_sequence_contains(self, item);
        SP_DECREF(item);
        if (c != 0) {
            SP_DECREF(it);
            if (c < 0) {
                return NULL;
            }
            SP_RETURN_FALSE;
        }
    }
    SP_DECREF(it);
    if (sp_err_occurred()) {
        return NULL;
    }
    SP_RETURN_TRUE;
}

// view.mapping: a read-only proxy of the underlying dict (3.10+).
static SpObject *dictview_mapping(SpObject *op, void *closure) {
    return sp_mappingproxy_new(VIEW_DICT(op));
}

static SpGetSetDef dictview_getset[] = {
    {"mapping", dictview_mapping, NULL, "dictionary that this view refers to", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static SpNumberMethods dictviews_as_number = {
    .nb_subtract = dictviews_sub,
    .nb_and = dictviews_and,
    .nb_xor = dictviews_xor,
    .nb_or = dictviews_or,
};

static SpSequenceMethods dictkeys_as_sequence = {
    .sq_length = dictview_len,
    .sq_contains = dictkeys_contains,
};
static SpSequenceMethods dictitems_as_sequence = {
    .sq_length = dictview_len,
    .sq_contains = dictitems_contains,
};
static SpSequenceMethods dictvalues_as_sequence = {
    .sq_length = dictview_len,
};

static SpMethodDef dictkeys_methods[] = {
    {"isdisjoint", SP_METH(dictviews_isdisjoint), SP_METH_O,
     "Return True if the view and the given iterable have a null intersection."},
    {"__reversed__", SP_METH(dictkeys_reversed), SP_METH_NOARGS,
     "Return a reverse iterator over the dict keys."},
    {NULL, NULL, 0, NULL},
};
static SpMethodDef dictitems_methods[] = {
    {"isdisjoint", SP_METH(dictviews_isdisjoint), SP_METH_O,
     "Return True if the view and the given iterable have a null intersection."},
    {"__reversed__", SP_METH(dictitems_reversed), SP_METH_NOARGS,
     "Return a reverse iterator over the dict items."},
    {NULL, NULL, 0, NULL},
};
static SpMethodDef dictvalues_methods[] = {
    {"__reversed__", SP_METH(dictvalues_reversed), SP_METH_NOARGS,
     "Return a reverse iterator over the dict values."},
    {NULL, NULL, 0, NULL},
};

SpTypeObject SpDictKeys_Type = {
    SP_TYPE_HEAD_INIT,
    .tp_name = "dict_keys",
    .tp_basicsize = sizeof(DictViewObject),
    .tp_dealloc = dictview_dealloc,
    .tp_repr = dictview_repr,
    .tp_as_number = &dictviews_as_number,
    .tp_as_sequence = &dictkeys_as_sequence,
    .tp_hash = sp_object_hash_not_implemented,
    .tp_getattro = sp_object_generic_getattr,
    .tp_flags = SP_TPFLAGS_HAVE_GC,
    .tp_traverse = dictview_traverse,
    .tp_richcompare = dictview_richcompare,
    .tp_iter = dictkeys_iter,
    .tp_methods = dictkeys_methods,
    .tp_getset = dictview_getset,
    .tp_free = sp_object_free,
};

SpTypeObject SpDictItems_Type = {
    SP_TYPE_HEAD_INIT,
    .tp_name = "dict_items",
    .tp_basicsize = sizeof(DictViewObject),
    .tp_dealloc = dictview_dealloc,
    .tp_repr = dictview_repr,
    .tp_as_number = &dictviews_as_number,
    .tp_as_sequence = &dictitems_as_sequence,
    .tp_hash = sp_object_hash_not_implemented,
    .tp_getattro = sp_object_generic_getattr,
    .tp_flags = SP_TPFLAGS_HAVE_GC,
    .tp_traverse = dictview_traverse,
    .tp_richcompare = dictview_richcompare,
    .tp_iter = dictitems_iter,
    .tp_methods = dictitems_methods,
    .tp_getset = dictview_getset,
    .tp_free = sp_object_free,
};

SpTypeObject SpDictValues_Type = {
    SP_TYPE_HEAD_INIT,
    .tp_name = "dict_values",
    .tp_basicsize = sizeof(DictViewObject),
    .tp_dealloc = dictview_dealloc,
    .tp_repr = dictview_repr,
    .tp_as_sequence = &dictvalues_as_sequence,
    .tp_getattro = sp_object_generic_getattr,
    .tp_flags = SP_TPFLAGS_HAVE_GC,
    .tp_traverse = dictview_traverse,
    .tp_iter = dictvalues_iter,
    .tp_methods = dictvalues_methods,
    .tp_getset = dictview_getset,
    .tp_free = sp_object_free,
};
