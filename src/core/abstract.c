// smallpy: the sequence, mapping and iteration protocols (len, subscripts,
// `in`, iter/next, list()/tuple() of iterables, length hints) and the
// recursive-repr guard. Dispatches through the type slots, with CPython's
// error messages. Counterpart: CPython 3.11 Objects/abstract.c,
// Objects/object.c (Py_ReprEnter/Leave).
#include "core/abstract.h"

#include <string.h>

#include "core/err.h"
#include "core/gc.h"
#include "core/mem.h"
#include "objects/cont.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/none.h"
#include "objects/range.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"

// ---------------------------------------------------------------------------
// len

// len(o): the sequence slot first, then the mapping slot, as CPython.
ssize_t sp_object_length(SpObject *o) {
    SpTypeObject *t = SP_TYPE(o);
    if (t->tp_as_sequence != NULL && t->tp_as_sequence->sq_length != NULL) {
        return t->tp_as_sequence->sq_length(o);
    }
    if (t->tp_as_mapping != NULL && t->tp_as_mapping->mp_length != NULL) {
        return t->tp_as_mapping->mp_length(o);
    }
    sp_err_format(&SpExc_TypeError, "object of type '%.200s' has no len()",
                  sp_object_type_name(o));
    return -1;
}

// Whether len(o) is defined at all (CPython's _PyObject_HasLen).
static int has_len(SpObject *o) {
    SpTypeObject *t = SP_TYPE(o);
    return (t->tp_as_sequence != NULL && t->tp_as_sequence->sq_length != NULL) ||
           (t->tp_as_mapping != NULL && t->tp_as_mapping->mp_length != NULL);
}

// operator.length_hint: len(o) if defined, else o.__length_hint__(), else dflt. A TypeError from
// either means "unknown" (dflt); NotImplemented too.
ssize_t sp_object_length_hint(SpObject *o, ssize_t dflt) {
    if (has_len(o)) {
        ssize_t n = sp_object_length(o);
        if (n >= 0) {
            return n;
        }
        if (!sp_err_matches_type(&SpExc_TypeError)) {
            return -1;
        }
        sp_err_clear();
    }
    // __length_hint__ is looked up on the type, like every special method; a
    // type without one (found 0, no error) simply has no hint.
    int found = 0;
    SpObject *r = sp_call_special(o, sp_id(__length_hint__), NULL, 0, &found);
    if (r == NULL) {
        if (!found && !sp_err_occurred()) {
            return dflt;
        }
        if (sp_err_matches_type(&SpExc_TypeError)) {
            sp_err_clear();
            return dflt;
        }
        return -1;
    }
    if (r == sp_NotImplemented) {
        SP_DECREF(r);
        return dflt;
    }
    if (!SP_INT_CHECK(r)) {
        sp_err_format(&SpExc_TypeError, "__length_hint__ must be an integer, not %.100s",
                      sp_object_type_name(r));
        SP_DECREF(r);
        return -1;
    }
    ssize_t n = sp_int_as_ssize(r);
    SP_DECREF(r);
    if (n == -1 && sp_err_occurred()) {
        return -1;
    }
    if (n < 0) {
        sp_err_set_string(&SpExc_ValueError, "__length_hint__() should return >= 0");
        return -1;
    }
    return n;
}

// ---------------------------------------------------------------------------
// Subscripts

ssize_t sp_cont_index_value(SpObject *key) {
    // Fast path for the overwhelmingly common small exact int index; anything
    // else goes through __index__, and a value too big for ssize_t raises
    // IndexError ("cannot fit 'int' into an index-sized integer").
    if (SP_INT_CHECK_EXACT(key) && SP_INT_IS_COMPACT(key)) {
        return sp_int_compact_value(key);
    }
    return sp_number_as_ssize(key, &SpExc_IndexError);
}

// The sequence fallback of o[key]: an int-like key, negative ones counted
// from the end. *idx receives the index; 0 or -1.
static int sequence_index(SpObject *o, SpObject *key, ssize_t *idx) {
    ssize_t i = sp_cont_index_value(key);
    if (i == -1 && sp_err_occurred()) {
        return -1;
    }
    if (i < 0) {
        // Only the sequence fallback adds len(o) here: types with a mapping slot
        // (list, str...) handle negative indices themselves.
        SpSequenceMethods *sq = SP_TYPE(o)->tp_as_sequence;
        if (sq->sq_length != NULL) {
            ssize_t n = sq->sq_length(o);
            if (n < 0) {
                return -1;
            }
            i += n;
        }
    }
    *idx = i;
    return 0;
}

// o[key]: mapping slot, then sequence slot with an index key, then __class_getitem__ when o is a
// class.
SpObject *sp_object_getitem(SpObject *o, SpObject *key) {
    SpTypeObject *t = SP_TYPE(o);
    if (t->tp_as_mapping != NULL && t->tp_as_mapping->mp_subscript != NULL) {
        return t->tp_as_mapping->mp_subscript(o, key);
    }
    SpSequenceMethods *sq = t->tp_as_sequence;
    if (sq != NULL && sq->sq_item != NULL) {
        if (sp_index_check(key)) {
            ssize_t i;
            if (sequence_index(o, key, &i) < 0) {
                return NULL;
            }
            return sq->sq_item(o, i);
        }
        return sp_err_format(&SpExc_TypeError, "sequence index must be integer, not '%.200s'",
                             sp_object_type_name(key));
    }
    if (SP_TYPE_CHECK(o)) {
        if (o == (SpObject *)&SpType_Type) {
            return sp_generic_alias_new(o, key);  // type[int]
        }
        // list[int] and friends: __class_getitem__ on the class.
        SpObject *meth = sp_object_lookup_attr(o, sp_id(__class_getitem__));
        if (meth == NULL && sp_err_occurred()) {
            return NULL;
        }
        if (meth != NULL && meth != sp_None) {
            SpObject *r = sp_call_one_arg(meth, key);
            SP_DECREF(meth);
            return r;
        }
        SP_XDECREF(meth);
        return sp_err_format(&SpExc_TypeError, "type '%.200s' is not subscriptable",
                             ((SpTypeObject *)o)->tp_name);
    }
    return sp_err_format(&SpExc_TypeError, "'%.200s' object is not subscriptable",
                         sp_object_type_name(o));
}

// o[key] = v through the mapping slot, then the sequence slot.
int sp_object_setitem(SpObject *o, SpObject *key, SpObject *v) {
    SpTypeObject *t = SP_TYPE(o);
    if (t->tp_as_mapping != NULL && t->tp_as_mapping->mp_ass_subscript != NULL) {
        return t->tp_as_mapping->mp_ass_subscript(o, key, v);
    }
    SpSequenceMethods *sq = t->tp_as_sequence;
    if (sq != NULL && sq->sq_ass_item != NULL) {
        if (sp_index_check(key)) {
            ssize_t i;
            if (sequence_index(o, key, &i) < 0) {
                return -1;
            }
            return sq->sq_ass_item(o, i, v);
        }
        sp_err_format(&SpExc_TypeError, "sequence index must be integer, not '%.200s'",
                      sp_object_type_name(key));
        return -1;
    }
    sp_err_format(&SpExc_TypeError, "'%.200s' object does not support item assignment",
                  sp_object_type_name(o));
    return -1;
}

// del o[key]; the message says "doesn't support item deletion", CPython's wording (unlike
// assignment's "does not").
int sp_object_delitem(SpObject *o, SpObject *key) {
    SpTypeObject *t = SP_TYPE(o);
    if (t->tp_as_mapping != NULL && t->tp_as_mapping->mp_ass_subscript != NULL) {
        return t->tp_as_mapping->mp_ass_subscript(o, key, NULL);
    }
    SpSequenceMethods *sq = t->tp_as_sequence;
    if (sq != NULL && sq->sq_ass_item != NULL) {
        if (sp_index_check(key)) {
            ssize_t i;
            if (sequence_index(o, key, &i) < 0) {
                return -1;
            }
            return sq->sq_ass_item(o, i, NULL);
        }
        sp_err_format(&SpExc_TypeError, "sequence index must be integer, not '%.200s'",
                      sp_object_type_name(key));
        return -1;
    }
    sp_err_format(&SpExc_TypeError, "'%.200s' object doesn't support item deletion",
                  sp_object_type_name(o));
    return -1;
}

// ---------------------------------------------------------------------------
// Iteration

SpObject *sp_cont_self_iter(SpObject *self) { return sp_newref(self); }

int sp_iter_check(SpObject *o) {
    SpIterNextFunc f = SP_TYPE(o)->tp_iternext;
    return f != NULL;
}

// The old protocol: a type with __getitem__ (sq_item) that is not a dict.
static int sequence_check(SpObject *o) {
    SpTypeObject *t = SP_TYPE(o);
    if (SP_DICT_CHECK(o)) {
        return 0;
    }
    return t->tp_as_sequence != NULL && t->tp_as_sequence->sq_item != NULL;
}

// iter(o): tp_iter, else the __getitem__ protocol; __iter__ must return an iterator (something with
// __next__).
SpObject *sp_object_get_iter(SpObject *o) {
    SpGetIterFunc f = SP_TYPE(o)->tp_iter;
    if (f == NULL) {
        if (sequence_check(o)) {
            return sp_seqiter_new(o);
        }
        return sp_err_format(&SpExc_TypeError, "'%.200s' object is not iterable",
                             sp_object_type_name(o));
    }
    SpObject *it = f(o);
    if (it != NULL && !sp_iter_check(it)) {
        sp_err_format(&SpExc_TypeError, "iter() returned non-iterator of type '%.100s'",
                      sp_object_type_name(it));
        SP_DECREF(it);
        return NULL;
    }
    return it;
}

// next(it) for C callers: exhaustion is NULL with no exception, whether the iterator signalled it
// quietly or by raising StopIteration.
SpObject *sp_iter_next(SpObject *it) {
    SpIterNextFunc f = SP_TYPE(it)->tp_iternext;
    if (f == NULL) {
        return sp_err_format(&SpExc_TypeError, "'%.200s' object is not an iterator",
                             sp_object_type_name(it));
    }
    SpObject *r = f(it);
    if (r == NULL && sp_err_occurred() && sp_err_matches_type(&SpExc_StopIteration)) {
        sp_err_clear();
    }
    return r;
}

// x in o: __contains__, else a scan of iter(o) with ==. The TypeError for a non-iterable names the
// `in` operand's type.
int sp_sequence_contains(SpObject *o, SpObject *x) {
    SpSequenceMethods *sq = SP_TYPE(o)->tp_as_sequence;
    if (sq != NULL && sq->sq_contains != NULL) {
        return sq->sq_contains(o, x);
    }
    SpObject *it = sp_object_get_iter(o);
    if (it == NULL) {
        if (sp_err_matches_type(&SpExc_TypeError)) {
            sp_err_clear();
            sp_err_format(&SpExc_TypeError, "argument of type '%.200s' is not iterable",
                          sp_object_type_name(o));
        }
        return -1;
    }
    int found = 0;
    for (;;) {
        SpObject *item = sp_iter_next(it);
        if (item == NULL) {
            if (sp_err_occurred()) {
                found = -1;
            }
            break;
        }
        // richcompare_bool treats identity as equality, so nan in [nan] is True
        // for the same nan object, as in CPython.
        int k = sp_object_richcompare_bool(item, x, SP_EQ);
        SP_DECREF(item);
        if (k != 0) {
            found = k;
            break;
        }
    }
    SP_DECREF(it);
    return found;
}

// list(o), with list.extend's sizing.
SpObject *sp_sequence_list(SpObject *o) {
    SpObject *list = sp_list_new(0);
    if (list == NULL) {
        return NULL;
    }
    if (sp_list_extend(list, o) < 0) {
        SP_DECREF(list);
        return NULL;
    }
    return list;
}

// tuple(o): an exact tuple is returned as is; other iterables are collected into a list whose items
// then move into the tuple.
SpObject *sp_sequence_tuple(SpObject *o) {
    if (SP_TUPLE_CHECK_EXACT(o)) {
        return sp_newref(o);
    }
    if (SP_LIST_CHECK(o)) {
        return sp_list_as_tuple(o);
    }
    SpObject *list = sp_sequence_list(o);
    if (list == NULL) {
        return NULL;
    }
    // Move the items into a tuple of the exact size.
    SpListObject *l = (SpListObject *)list;
    ssize_t n = SP_SIZE(l);
    SpObject *t = sp_tuple_new(n);
    if (t != NULL && n > 0) {
        memcpy(((SpTupleObject *)t)->ob_item, l->ob_item, (size_t)n * sizeof(SpObject *));
        SP_SET_SIZE(l, 0);
    }
    SP_DECREF(list);
    return t;
}

// What sp_sequence_fast returns for an empty list (whose array is NULL), so
// that NULL always means an error.
static SpObject *const no_items[1] = {NULL};

// The items of a list or tuple in place, or of any other iterable via a new list. A TypeError from
// iter() is replaced by errmsg.
SpObject *const *sp_sequence_fast(SpObject *o, ssize_t *n, SpObject **keep, const char *errmsg) {
    if (SP_LIST_CHECK(o)) {
        *keep = sp_newref(o);
        *n = SP_SIZE(o);
        SpObject **items = ((SpListObject *)o)->ob_item;
        return items != NULL ? items : no_items;
    }
    if (SP_TUPLE_CHECK(o)) {
        *keep = sp_newref(o);
        *n = SP_TUPLE_SIZE(o);
        return ((SpTupleObject *)o)->ob_item;
    }
    SpObject *it = sp_object_get_iter(o);
    if (it == NULL) {
        if (sp_err_matches_type(&SpExc_TypeError)) {
            sp_err_clear();
            sp_err_set_string(&SpExc_TypeError, errmsg);
        }
        *keep = NULL;
        return NULL;
    }
    SpObject *list = sp_list_new(0);
    if (list == NULL || sp_list_extend(list, it) < 0) {
        SP_XDECREF(list);
        SP_DECREF(it);
        *keep = NULL;
        return NULL;
    }
    SP_DECREF(it);
    *keep = list;
    *n = SP_SIZE(list);
    SpObject **items = ((SpListObject *)list)->ob_item;
    return items != NULL ? items : no_items;
}

SpObject *sp_cont_length_hint_result(ssize_t n) { return sp_int_from_ssize(n); }

// ---------------------------------------------------------------------------
// The recursive-repr guard: the objects whose repr is being built, innermost
// last. CPython keeps the same list in the thread state dict.

// A plain growable array instead of CPython's list object: entering and
// leaving cannot run Python code, and a MemoryError is the only failure.
static SpObject **repr_stack;
static ssize_t repr_depth, repr_cap;

// The stack is searched from the top: nested reprs are shallow in practice.
int sp_repr_enter(SpObject *o) {
    for (ssize_t i = repr_depth - 1; i >= 0; i--) {
        if (repr_stack[i] == o) {
            return 1;
        }
    }
    if (repr_depth == repr_cap) {
        ssize_t cap = repr_cap ? repr_cap * 2 : 16;
        SpObject **s = sp_mem_realloc(repr_stack, (size_t)cap * sizeof(SpObject *));
        if (s == NULL) {
            sp_err_no_memory();
            return -1;
        }
        repr_stack = s;
        repr_cap = cap;
    }
    repr_stack[repr_depth++] = o;
    return 0;
}

void sp_repr_leave(SpObject *o) {
    // Normally o is on top; search anyway in case reprs unwound oddly.
    for (ssize_t i = repr_depth - 1; i >= 0; i--) {
        if (repr_stack[i] == o) {
            memmove(&repr_stack[i], &repr_stack[i + 1],
                    (size_t)(repr_depth - i - 1) * sizeof(SpObject *));
            repr_depth--;
            return;
        }
    }
}

// ---------------------------------------------------------------------------
// The trashcan. Deferred objects are chained through the gc_prev word of
// their GC header (they are untracked, so the collector does not look).

// CPython 3.11's limit too: deallocation nests up to 50 levels deep before
// objects are put aside, bounding C stack use to about 50 dealloc frames.
#define TRASH_MAX_DEPTH 50

static int trash_depth;
static int trash_draining;
static SpObject *trash_list;

int sp_trash_begin(SpObject *op) {
    // Instances of subclasses are never put aside: their tp_dealloc is the
    // class's, which must not run twice.
    if (trash_depth >= TRASH_MAX_DEPTH && !(SP_TYPE(op)->tp_flags & SP_TPFLAGS_HEAPTYPE)) {
        SP_GC_HEAD(op)->gc_prev = (SpGCHead *)trash_list;
        trash_list = op;
        return 1;
    }
    trash_depth++;
    return 0;
}

void sp_trash_end(void) {
    trash_depth--;
    if (trash_depth > 0 || trash_draining) {
        return;
    }
    // Back at the outermost level: destroy what was put aside; each may put
    // more aside, which this loop also takes.
    trash_draining = 1;
    while (trash_list != NULL) {
        SpObject *op = trash_list;
        trash_list = (SpObject *)SP_GC_HEAD(op)->gc_prev;
        SP_GC_HEAD(op)->gc_prev = NULL;
        SP_TYPE(op)->tp_dealloc(op);
    }
    trash_draining = 0;
}

// ---------------------------------------------------------------------------
// Readying the container types

int sp_cont_init_types(void) {
    static SpTypeObject *const types[] = {
        &SpTuple_Type, &SpList_Type, &SpDict_Type, &SpSet_Type, &SpFrozenSet_Type,
        &SpRange_Type, &SpSlice_Type, &SpEnumerate_Type, &SpZip_Type, &SpMap_Type,
        &SpFilter_Type, &SpReversed_Type, &SpSeqIter_Type, &SpCallIter_Type,
        &SpTupleIter_Type, &SpListIter_Type, &SpListRevIter_Type, &SpSetIter_Type,
        &SpRangeIter_Type, &SpLongRangeIter_Type, &SpDictIterKey_Type, &SpDictIterValue_Type,
        &SpDictIterItem_Type, &SpDictRevIterKey_Type, &SpDictRevIterValue_Type,
        &SpDictRevIterItem_Type, &SpDictKeys_Type, &SpDictValues_Type, &SpDictItems_Type,
        &SpGenericAlias_Type,
    };
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
        if (sp_type_ready(types[i]) < 0) {
            return -1;
        }
    }
    return 0;
}
