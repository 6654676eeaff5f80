// smallpy: descriptor objects: method, class-method, member, getset and
// slot-wrapper descriptors of built-in types, bound slot wrappers
// (method-wrapper), property, classmethod, staticmethod, super and the
// read-only mappingproxy behind type.__dict__. Counterpart: CPython 3.11
// Objects/descrobject.c, Objects/funcobject.c (classmethod, staticmethod),
// Objects/typeobject.c (super).
#ifndef SP_OBJECTS_DESCR_H
#define SP_OBJECTS_DESCR_H

#include "core/object.h"

// Every descriptor of a built-in type names the type it belongs to and the
// attribute name (an interned str).
#define SP_DESCR_HEAD      \
    SP_OBJECT_HEAD;        \
    SpTypeObject *d_type;  \
    SpObject *d_name

typedef struct SpDescrObject {
    SP_DESCR_HEAD;
} SpDescrObject;

// `list.append`: an entry of tp_methods. Calling it checks that the first
// argument is an instance of d_type, then calls d_method with it as self.
typedef struct SpMethodDescrObject {
    SP_DESCR_HEAD;
    const SpMethodDef *d_method;
    SpVectorcallFunc vectorcall;
} SpMethodDescrObject;

typedef struct SpMemberDescrObject {
    SP_DESCR_HEAD;
    const SpMemberDef *d_member;
} SpMemberDescrObject;

typedef struct SpGetSetDescrObject {
    SP_DESCR_HEAD;
    const SpGetSetDef *d_getset;
} SpGetSetDescrObject;

struct SpSlotDef;  // private to objects/typeslots.c

// `int.__add__`: a special method implemented by a C slot of d_type.
// d_wrapped is the slot's function pointer.
typedef struct SpWrapperDescrObject {
    SP_DESCR_HEAD;
    const struct SpSlotDef *d_base;
    void *d_wrapped;
    SpVectorcallFunc vectorcall;
} SpWrapperDescrObject;

// `(5).__add__`: a slot wrapper bound to an instance.
typedef struct SpMethodWrapperObject {
    SP_OBJECT_HEAD;
    SpWrapperDescrObject *descr;
    SpObject *self;
    SpVectorcallFunc vectorcall;
} SpMethodWrapperObject;

typedef struct SpPropertyObject {
    SP_OBJECT_HEAD;
    SpObject *prop_get, *prop_set, *prop_del;  // callables or NULL
    SpObject *prop_doc;                        // NULL or any object
    SpObject *prop_name;                       // set by __set_name__, or NULL
    int getter_doc;                            // __doc__ was taken from fget
} SpPropertyObject;

// classmethod and staticmethod share a layout: the wrapped callable and a
// __dict__ (3.10+ copies __name__, __doc__, ... of the callable into it).
typedef struct SpClassMethodObject {
    SP_OBJECT_HEAD;
    SpObject *cm_callable;
    SpObject *cm_dict;
} SpClassMethodObject;

typedef struct SpSuperObject {
    SP_OBJECT_HEAD;
    SpTypeObject *type;      // the class super() was called in
    SpObject *obj;           // the instance or class, or NULL (unbound super)
    SpTypeObject *obj_type;  // the type whose MRO is searched, or NULL
} SpSuperObject;

typedef struct SpMappingProxyObject {
    SP_OBJECT_HEAD;
    SpObject *mapping;
} SpMappingProxyObject;

extern SpTypeObject SpMethodDescr_Type;       // method_descriptor
extern SpTypeObject SpClassMethodDescr_Type;  // classmethod_descriptor
extern SpTypeObject SpMemberDescr_Type;       // member_descriptor
extern SpTypeObject SpGetSetDescr_Type;       // getset_descriptor
extern SpTypeObject SpWrapperDescr_Type;      // wrapper_descriptor
extern SpTypeObject SpMethodWrapper_Type;     // method-wrapper
extern SpTypeObject SpProperty_Type;          // property
extern SpTypeObject SpClassMethod_Type;       // classmethod
extern SpTypeObject SpStaticMethod_Type;      // staticmethod
extern SpTypeObject SpSuper_Type;             // super
extern SpTypeObject SpMappingProxy_Type;      // mappingproxy
extern SpTypeObject SpUnion_Type;             // types.UnionType (objects/union.c)

// Descriptors for one entry of a built-in type's tables (tp_methods,
// tp_members, tp_getset); `type` is borrowed. New reference or NULL.
// A tp_methods entry with SP_METH_CLASS gives a classmethod_descriptor,
// SP_METH_STATIC a staticmethod around a built-in function.
SP_FUNC SP_MAY_RAISE SpObject *sp_descr_new_method(SpTypeObject *type, const SpMethodDef *ml);
SP_FUNC SP_MAY_RAISE SpObject *sp_descr_new_member(SpTypeObject *type, const SpMemberDef *m);
SP_FUNC SP_MAY_RAISE SpObject *sp_descr_new_getset(SpTypeObject *type, const SpGetSetDef *g);
// A slot wrapper for slot definition `base` of `type` wrapping `wrapped`.
SP_FUNC SP_MAY_RAISE SpObject *sp_descr_new_wrapper(SpTypeObject *type,
                                                   const struct SpSlotDef *base, void *wrapped);
// 1 if descriptor d defines __set__ or __delete__ (a data descriptor).
static inline int sp_descr_is_data(SpObject *d) { return SP_TYPE(d)->tp_descr_set != NULL; }

// classmethod(callable) / staticmethod(callable): new reference or NULL.
SP_FUNC SP_MAY_RAISE SpObject *sp_classmethod_new(SpObject *callable);
SP_FUNC SP_MAY_RAISE SpObject *sp_staticmethod_new(SpObject *callable);
// types.MappingProxyType(mapping): a read-only view. New reference or NULL.
SP_FUNC SP_MAY_RAISE SpObject *sp_mappingproxy_new(SpObject *mapping);

#endif  // SP_OBJECTS_DESCR_H
