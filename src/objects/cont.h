// smallpy: internals shared by the container files (tuple.c, list.c,
// dict*.c, set.c, range.c, slice.c, iterobject.c) and vm/builtins.c: the
// iterator and view types that have no public header, and small helpers.
// Counterpart: the static declarations scattered over CPython 3.11's
// Objects/*object.c files.
#ifndef SP_OBJECTS_CONT_H
#define SP_OBJECTS_CONT_H

#include <limits.h>

#include "core/object.h"
#include "objects/exc.h"

// Iterator types of the containers (type(iter(x)) in Python).
extern SpTypeObject SpTupleIter_Type, SpListIter_Type, SpListRevIter_Type, SpSetIter_Type,
    SpRangeIter_Type, SpLongRangeIter_Type, SpDictIterKey_Type, SpDictIterValue_Type,
    SpDictIterItem_Type, SpDictRevIterKey_Type, SpDictRevIterValue_Type, SpDictRevIterItem_Type;
// dict views (dict_keys, dict_values, dict_items).
extern SpTypeObject SpDictKeys_Type, SpDictValues_Type, SpDictItems_Type;

// sp_cont_init_types(): sp_type_ready every type of the container files
// (idempotent). Called by sp_builtins_module_init. 0 or -1.
SP_FUNC SP_MAY_RAISE int sp_cont_init_types(void);

// The index of an int-like key for sequence subscripts, or -1 with an
// exception: IndexError "cannot fit 'int' into an index-sized integer" on
// overflow. Callers check sp_err_occurred() when -1 is returned.
SP_FUNC SP_MAY_RAISE ssize_t sp_cont_index_value(SpObject *key);

// tp_iter of iterators: returns a new reference to self.
SP_FUNC SpObject *sp_cont_self_iter(SpObject *self);

// A length hint method body shared by the iterators: returns n as an int.
SP_FUNC SP_MAY_RAISE SpObject *sp_cont_length_hint_result(ssize_t n);

// The result tuple of an iterator that yields tuples (enumerate, zip,
// dict.items()): when `cached` (a tuple of n items owned by the iterator)
// is referenced by the iterator alone, its items are replaced by `items`
// and it is returned again; otherwise a new tuple is made. Steals the n
// item references either way. New reference or NULL. CPython's trick: a
// `for a, b in ...` loop then allocates no tuple per step.
SP_FUNC SP_MAY_RAISE SpObject *sp_tuple_recycle(SpObject *cached, SpObject *const *items,
                                               ssize_t n);

// A list of exactly n slots (allocated == n, rounded as CPython's
// list_preallocate_exact does when asked to). Internal to list.c/builtins.c.
SP_FUNC SP_MAY_RAISE SpObject *sp_list_new_prealloc(ssize_t n);

// The list's items as a new list in sorted order: sorted(iterable, key, reverse).
SP_FUNC SP_MAY_RAISE SpObject *sp_list_sorted(SpObject *iterable, SpObject *key, int reverse);

// dict internals used by the views and set.c (dict.c).
// sp_dict_next_with_hash: as sp_dict_next, also giving the stored hash.
SP_FUNC int sp_dict_next_with_hash(SpObject *d, ssize_t *pos, SpObject **key, SpObject **value,
                                   SpHash *hash);
// Lookup with a known hash; 1 found (*value borrowed), 0 absent, -1 error.
SP_FUNC SP_MAY_RAISE int sp_dict_lookup_known_hash(SpObject *d, SpObject *key, SpHash hash,
                                                 SpObject **value);
// d[key] = value with a known hash. 0 or -1.
SP_FUNC SP_MAY_RAISE int sp_dict_setitem_known_hash(SpObject *d, SpObject *key, SpObject *value,
                                                  SpHash hash);
// dict.fromkeys-style presized empty dict able to take n items without a resize.
SP_FUNC SP_MAY_RAISE SpObject *sp_dict_new_presized(ssize_t n);

// set internals used by the dict views (set.c).
// A new set of the items of iterable (may be NULL) as `type` (set/frozenset).
SP_FUNC SP_MAY_RAISE SpObject *sp_set_new_of_type(SpTypeObject *type, SpObject *iterable);
// s.discard(key): 1 removed, 0 absent, -1 error.
SP_FUNC SP_MAY_RAISE int sp_set_discard(SpObject *set, SpObject *key);

// The trashcan: deallocating a deeply nested structure (a list in a list in
// ... a million deep) would recurse once per level and overflow the C stack.
// Container tp_dealloc functions call sp_trash_begin(op) right after
// untracking op: when it returns 1 the object was put aside (its refcount is
// 0; the caller must return at once) and is destroyed later, when the
// outermost dealloc finishes. Otherwise finish with sp_trash_end().
// Counterpart: CPython's Py_TRASHCAN_BEGIN / Py_TRASHCAN_END.
SP_FUNC int sp_trash_begin(SpObject *op);
SP_FUNC void sp_trash_end(void);

// types.GenericAlias (genericalias.c): list[int] and friends.
extern SpTypeObject SpGenericAlias_Type;
// origin[args] as a new alias (references to both taken; a non-tuple args
// becomes (args,)). New reference, or NULL with MemoryError.
SP_FUNC SP_MAY_RAISE SpObject *sp_generic_alias_new(SpObject *origin, SpObject *args);
// The body of __class_getitem__ (an SP_METH_O | SP_METH_CLASS method).
SP_FUNC SP_MAY_RAISE SpObject *sp_generic_alias_class_getitem(SpObject *cls, SpObject *item);

// slice.c: the slice's bounds adjusted to a sequence of `length` (an int
// object), as int objects of any size (CPython's _PySlice_GetLongIndices).
// 0, or -1 with an exception; the three results are new references.
SP_FUNC SP_MAY_RAISE int sp_slice_get_long_indices(SpObject *slice, SpObject *length,
                                                  SpObject **start, SpObject **stop,
                                                  SpObject **step);

// The reversed() constructor used by builtins (iterobject.c).
SP_FUNC SP_MAY_RAISE SpObject *sp_reversed_new(SpObject *seq);

#endif  // SP_OBJECTS_CONT_H
