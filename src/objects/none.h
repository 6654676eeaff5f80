// smallpy: the singletons None, NotImplemented and Ellipsis and their types.
// Counterpart: CPython 3.11 Objects/object.c (None, NotImplemented),
// Objects/sliceobject.c (Ellipsis).
#ifndef SP_OBJECTS_NONE_H
#define SP_OBJECTS_NONE_H

#include "core/object.h"

extern SpTypeObject SpNone_Type, SpNotImplemented_Type, SpEllipsis_Type;
extern SpObject sp_none_struct, sp_notimplemented_struct, sp_ellipsis_struct;

#define sp_None (&sp_none_struct)
#define sp_NotImplemented (&sp_notimplemented_struct)
#define sp_Ellipsis (&sp_ellipsis_struct)
#define SP_RETURN_NONE return sp_newref(sp_None)
#define SP_RETURN_NOTIMPLEMENTED return sp_newref(sp_NotImplemented)

#endif  // SP_OBJECTS_NONE_H
