// smallpy: list. Over-allocates as CPython does, so sys.getsizeof after
// appends matches. Counterpart: CPython 3.11 Objects/listobject.c.
#ifndef SP_OBJECTS_LIST_H
#define SP_OBJECTS_LIST_H

#include "core/object.h"

typedef struct SpListObject {
    SP_OBJECT_VAR_HEAD;
    SpObject **ob_item;  // offset 24
    ssize_t allocated;   // offset 32
} SpListObject;

extern SpTypeObject SpList_Type;

#define SP_LIST_CHECK(o) sp_type_has_flag(SP_TYPE(o), SP_TPFLAGS_LIST_SUBCLASS)
#define SP_LIST_CHECK_EXACT(o) (SP_TYPE(o) == &SpList_Type)
#define SP_LIST_SIZE(o) SP_SIZE(o)
#define SP_LIST_GET_ITEM(o, i) (((SpListObject *)(o))->ob_item[i])  // borrowed
#define SP_LIST_SET_ITEM(o, i, v) (((SpListObject *)(o))->ob_item[i] = (v))  // steals v

// sp_list_new(n): list of n NULL slots (fill with SP_LIST_SET_ITEM).
SP_FUNC SP_MAY_RAISE SpObject *sp_list_new(ssize_t n);
// append (increfs item). 0 or -1.
SP_FUNC SP_MAY_RAISE int sp_list_append(SpObject *list, SpObject *item);
// list.extend(iterable). 0 or -1.
SP_FUNC SP_MAY_RAISE int sp_list_extend(SpObject *list, SpObject *iterable);
// insert before index (clamped). 0 or -1.
SP_FUNC SP_MAY_RAISE int sp_list_insert(SpObject *list, ssize_t index, SpObject *item);
// tuple(list).
SP_FUNC SP_MAY_RAISE SpObject *sp_list_as_tuple(SpObject *list);
// list.sort() (stable, key and reverse as CPython; key may be NULL). 0 or -1.
SP_FUNC SP_MAY_RAISE int sp_list_sort(SpObject *list, SpObject *key, int reverse);
// list.reverse() in place.
SP_FUNC void sp_list_reverse(SpObject *list);
// sp_list_from_array(items, n): copies of n references.
SP_FUNC SP_MAY_RAISE SpObject *sp_list_from_array(SpObject *const *items, ssize_t n);

#endif  // SP_OBJECTS_LIST_H
