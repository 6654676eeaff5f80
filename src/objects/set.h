// smallpy: set and frozenset. Counterpart: CPython 3.11 Objects/setobject.c.
#ifndef SP_OBJECTS_SET_H
#define SP_OBJECTS_SET_H

#include "core/object.h"

extern SpTypeObject SpSet_Type, SpFrozenSet_Type;

#define SP_ANYSET_CHECK(o)                                                      \
    (SP_OBJECT_TYPE_CHECK(o, &SpSet_Type) || SP_OBJECT_TYPE_CHECK(o, &SpFrozenSet_Type))

// set(iterable) / frozenset(iterable); iterable may be NULL. New ref or NULL.
SP_FUNC SP_MAY_RAISE SpObject *sp_set_new(SpObject *iterable);
SP_FUNC SP_MAY_RAISE SpObject *sp_frozenset_new(SpObject *iterable);
// s.add(key). 0 or -1.
SP_FUNC SP_MAY_RAISE int sp_set_add(SpObject *set, SpObject *key);
// key in s: 1, 0, -1.
SP_FUNC SP_MAY_RAISE int sp_set_contains(SpObject *set, SpObject *key);
// s |= iterable (set.update). 0 or -1.
SP_FUNC SP_MAY_RAISE int sp_set_update(SpObject *set, SpObject *iterable);
SP_FUNC ssize_t sp_set_size(SpObject *set);

#endif  // SP_OBJECTS_SET_H
