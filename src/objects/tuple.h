// smallpy: tuple. The empty tuple is shared. Counterpart: CPython 3.11
// Objects/tupleobject.c.
#ifndef SP_OBJECTS_TUPLE_H
#define SP_OBJECTS_TUPLE_H

#include "core/object.h"

typedef struct SpTupleObject {
    SP_OBJECT_VAR_HEAD;
    SpObject *ob_item[1];  // offset 24
} SpTupleObject;

extern SpTypeObject SpTuple_Type;

#define SP_TUPLE_CHECK(o) sp_type_has_flag(SP_TYPE(o), SP_TPFLAGS_TUPLE_SUBCLASS)
#define SP_TUPLE_CHECK_EXACT(o) (SP_TYPE(o) == &SpTuple_Type)
#define SP_TUPLE_SIZE(o) SP_SIZE(o)
// Borrowed item i (no bounds check).
#define SP_TUPLE_GET_ITEM(o, i) (((SpTupleObject *)(o))->ob_item[i])
// Store item i, stealing v; only for filling a tuple just made by sp_tuple_new.
#define SP_TUPLE_SET_ITEM(o, i, v) (((SpTupleObject *)(o))->ob_item[i] = (v))

// sp_tuple_new(n): a tuple of n NULL slots (the shared () for n == 0), to be
// filled with SP_TUPLE_SET_ITEM. New reference or NULL.
SP_FUNC SP_MAY_RAISE SpObject *sp_tuple_new(ssize_t n);
// sp_tuple_pack(n, ...): tuple of the n object arguments (borrowed, increfed).
SP_FUNC SP_MAY_RAISE SpObject *sp_tuple_pack(ssize_t n, ...);
// sp_tuple_from_array(items, n): tuple of copies of n references.
SP_FUNC SP_MAY_RAISE SpObject *sp_tuple_from_array(SpObject *const *items, ssize_t n);
// sp_tuple_from_array_steal(items, n): as above, taking over the references.
SP_FUNC SP_MAY_RAISE SpObject *sp_tuple_from_array_steal(SpObject *const *items, ssize_t n);
// t[lo:hi] with clamping.
SP_FUNC SP_MAY_RAISE SpObject *sp_tuple_slice(SpObject *t, ssize_t lo, ssize_t hi);

#endif  // SP_OBJECTS_TUPLE_H
