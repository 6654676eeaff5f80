// smallpy: type objects: readying built-in types, creating classes, the MRO,
// attribute lookup along it, slot wrappers between special methods and C
// slots. Counterpart: CPython 3.11 Objects/typeobject.c.
#ifndef SP_OBJECTS_TYPE_H
#define SP_OBJECTS_TYPE_H

#include "core/object.h"

extern SpTypeObject SpType_Type;        // type
extern SpTypeObject SpBaseObject_Type;  // object

// A heap type (one made by a class statement) carries extra fields: the
// slot tables its instances dispatch through and its name objects.
typedef struct SpHeapTypeObject {
    SpTypeObject ht_type;
    SpNumberMethods as_number;
    SpSequenceMethods as_sequence;
    SpMappingMethods as_mapping;
    SpObject *ht_name;      // str
    SpObject *ht_qualname;  // str
    SpObject *ht_module;    // str or NULL
} SpHeapTypeObject;

#define SP_TYPE_CHECK(o) sp_type_has_flag(SP_TYPE(o), SP_TPFLAGS_TYPE_SUBCLASS)

// sp_type_ready(t): finish a statically defined type: set tp_base (object if
// NULL), inherit slots, compute tp_mro, fill tp_dict from tp_methods,
// tp_members, tp_getset and wrappers for the C slots (__add__, __len__,
// __repr__, ...). Idempotent. 0, or -1 with an exception.
SP_FUNC SP_MAY_RAISE int sp_type_ready(SpTypeObject *t);
// sp_type_lookup_borrow(t, name): the attribute `name` (a str) found along
// t's MRO, borrowed (valid while the type is unchanged), or NULL with no
// exception set. Cached by (tp_version_tag, name).
SP_FUNC SpObject *sp_type_lookup_borrow(SpTypeObject *t, SpObject *name);
// sp_type_modified(t): invalidate lookup caches after t's dict changed, and
// refresh the C slots of t and its subclasses when a special method changed.
SP_FUNC void sp_type_modified(SpTypeObject *t, SpObject *name);
// sp_type_name(t): the type's __name__ (the part of tp_name after the last
// dot), borrowed C string.
SP_FUNC const char *sp_type_name(SpTypeObject *t);
// sp_type_qualname(t): new str reference.
SP_FUNC SpObject *sp_type_qualname(SpTypeObject *t);
// The default tp_alloc-equivalent: sp_object_alloc plus GC tracking for
// heap types with GC. And tp_new for types that need nothing more.
SP_FUNC SP_MAY_RAISE SpObject *sp_type_generic_new(SpTypeObject *t, SpObject *args,
                                                  SpObject *kwargs);
// sp_type_call_new(metatype, name, bases, dict): type(name, bases, dict): the
// class statement's final step. New reference or NULL.
SP_FUNC SP_MAY_RAISE SpObject *sp_type_new_class(SpTypeObject *metatype, SpObject *name,
                                                SpObject *bases, SpObject *dict);
// sp_init_types(): ready every built-in type (called once at start-up).
SP_FUNC SP_MAY_RAISE int sp_init_types(void);

#endif  // SP_OBJECTS_TYPE_H
