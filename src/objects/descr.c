// smallpy: the descriptors that expose a built-in type's C tables as
// attributes: method and class-method descriptors (tp_methods), member
// descriptors (tp_members), getset descriptors (tp_getset), slot wrappers
// (C slots as __add__ & co.), bound slot wrappers, and the read-only
// mappingproxy. Counterpart: CPython 3.11 Objects/descrobject.c.
#define SP_TYPE_INTERNAL
#include "objects/descr.h"

#include <stdio.h>

#include "core/abstract.h"
#include "core/err.h"
#include "core/gc.h"
#include "core/mem.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/float.h"
#include "objects/func.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/none.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "objects/type_internal.h"

// ===========================================================================
// Common parts

// A descriptor of type `descrtype` for attribute `name` of `type`. The name
// is interned: it becomes the key in the type's dict, where lookups by
// interned identifiers hit by identity.
static SpObject *descr_alloc(SpTypeObject *descrtype, SpTypeObject *type, const char *name) {
    SpDescrObject *d = (SpDescrObject *)sp_object_alloc(descrtype, 0);
    if (d == NULL) {
        return NULL;
    }
    d->d_name = sp_str_intern_cstr(name);
    if (d->d_name == NULL) {
        SP_DECREF(d);
        return NULL;
    }
    d->d_type = type;
    SP_INCREF(type);
    return (SpObject *)d;
}

static void descr_dealloc(SpObject *self) {
    SpDescrObject *d = (SpDescrObject *)self;
    SP_XDECREF(d->d_type);
    SP_XDECREF(d->d_name);
    SP_TYPE(self)->tp_free(self);
}

// A descriptor of a built-in type only works on instances of that type:
// its C function assumes the layout. Subclass instances are fine.
int sp_descr_check_self(SpObject *descr, SpObject *obj) {
    SpDescrObject *d = (SpDescrObject *)descr;
    if (!SP_OBJECT_TYPE_CHECK(obj, d->d_type)) {
        sp_err_format(&SpExc_TypeError,
                      "descriptor '%U' for '%.100s' objects doesn't apply to a '%.100s' object",
                      d->d_name, d->d_type->tp_name, SP_TYPE(obj)->tp_name);
        return -1;
    }
    return 0;
}

// "<method 'append' of 'list' objects>" and its relatives.
static SpObject *descr_repr_fmt(SpObject *self, const char *kind) {
    SpDescrObject *d = (SpDescrObject *)self;
    return sp_str_from_format("<%s '%U' of '%s' objects>", kind, d->d_name, d->d_type->tp_name);
}

// __objclass__: the type the descriptor belongs to.
static SpObject *descr_get_objclass(SpObject *self, void *closure) {
    return sp_newref((SpObject *)((SpDescrObject *)self)->d_type);
}

// __qualname__: "list.append", "int.__add__".
static SpObject *descr_get_qualname(SpObject *self, void *closure) {
    SpDescrObject *d = (SpDescrObject *)self;
    SpObject *tq = sp_type_qualname(d->d_type);
    if (tq == NULL) {
        return NULL;
    }
    SpObject *res = sp_str_from_format("%U.%U", tq, d->d_name);
    SP_DECREF(tq);
    return res;
}

// A C docstring as a str, or None when the table entry has none.
static SpObject *doc_or_none(const char *doc) {
    if (doc == NULL) {
        SP_RETURN_NONE;
    }
    return sp_str_from_cstr(doc);
}

static SpMemberDef descr_members[] = {
    {"__objclass__", SP_T_OBJECT, offsetof(SpDescrObject, d_type), SP_READONLY, NULL},
    {"__name__", SP_T_OBJECT, offsetof(SpDescrObject, d_name), SP_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

// ===========================================================================
// method_descriptor

// list.append(lst, x), and also lst.append(x) when LOAD_METHOD found the
// descriptor on the type and pushed lst as the first argument: check the
// self argument once, then call the C function directly.
static SpObject *method_vectorcall(SpObject *descr, SpObject *const *args, size_t nargsf,
                                   SpObject *kwnames) {
    SpMethodDescrObject *d = (SpMethodDescrObject *)descr;
    ssize_t nargs = SP_VECTORCALL_NARGS(nargsf);
    if (nargs < 1) {
        SpObject *name = sp_cfunction_qualname(descr);
        if (name != NULL) {
            sp_err_format(&SpExc_TypeError, "unbound method %U() needs an argument", name);
            SP_DECREF(name);
        }
        return NULL;
    }
    SpObject *self = args[0];
    if (SP_TYPE(self) != d->d_type && sp_descr_check_self(descr, self) < 0) {
        return NULL;
    }
    const SpMethodDef *ml = d->d_method;
    // The two commonest conventions inline; everything else (and every
    // argument-count error) through the shared helper.
    if (kwnames == NULL) {
        if ((ml->ml_flags & SP_METH_O) && nargs == 2) {
            return ((SpCFunction)(void (*)(void))ml->ml_meth)(self, args[1]);
        }
        if ((ml->ml_flags & SP_METH_NOARGS) && nargs == 1) {
            return ((SpCFunction)(void (*)(void))ml->ml_meth)(self, NULL);
        }
    }
    if (ml->ml_flags & SP_METH_FASTCALL) {
        return ((SpCFunctionFast)(void (*)(void))ml->ml_meth)(self, args + 1, nargs - 1, kwnames);
    }
    return sp_ml_call(ml, self, args + 1, nargs - 1, kwnames, descr);
}

// lst.append (attribute access without a call): a built-in method bound to
// lst; on the class itself (obj NULL) the descriptor is returned as is.
static SpObject *method_get(SpObject *self, SpObject *obj, SpObject *type) {
    SpMethodDescrObject *d = (SpMethodDescrObject *)self;
    if (obj == NULL) {
        return sp_newref(self);
    }
    if (sp_descr_check_self(self, obj) < 0) {
        return NULL;
    }
    return sp_cfunction_new(d->d_method, obj, NULL);
}

static SpObject *method_repr(SpObject *self) { return descr_repr_fmt(self, "method"); }

static SpObject *method_get_doc(SpObject *self, void *closure) {
    return doc_or_none(((SpMethodDescrObject *)self)->d_method->ml_doc);
}

static SpObject *get_none(SpObject *self, void *closure) { SP_RETURN_NONE; }

static SpGetSetDef method_getset[] = {
    {"__doc__", method_get_doc, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
    {"__text_signature__", get_none, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

SpTypeObject SpMethodDescr_Type = {
    .ob_base = SP_TYPE_HEAD_INIT,
    .tp_name = "method_descriptor",
    .tp_basicsize = sizeof(SpMethodDescrObject),
    .tp_dealloc = descr_dealloc,
    .tp_vectorcall_offset = offsetof(SpMethodDescrObject, vectorcall),
    .tp_repr = method_repr,
    .tp_call = sp_vectorcall_call,
    .tp_getattro = sp_object_generic_getattr,
    .tp_flags = SP_TPFLAGS_HAVE_VECTORCALL | SP_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_members = descr_members,
    .tp_getset = method_getset,
    .tp_descr_get = method_get,
};

// ===========================================================================
// classmethod_descriptor (SP_METH_CLASS entries: dict.fromkeys)

// The class a class-method descriptor binds to must derive from d_type.
static int classmethod_check_type(SpMethodDescrObject *d, SpObject *type) {
    if (!sp_type_is_subtype((SpTypeObject *)type, d->d_type)) {
        sp_err_format(&SpExc_TypeError,
                      "descriptor '%U' requires a subtype of '%.100s' but received '%.100s'",
                      d->d_name, d->d_type->tp_name, ((SpTypeObject *)type)->tp_name);
        return -1;
    }
    return 0;
}

static SpObject *classmethod_descr_get(SpObject *self, SpObject *obj, SpObject *type) {
    SpMethodDescrObject *d = (SpMethodDescrObject *)self;
    if (type == NULL) {
        if (obj == NULL) {
            return sp_err_format(&SpExc_TypeError,
                                 "descriptor '%U' for type '%.100s' needs either an object or "
                                 "a type",
                                 d->d_name, d->d_type->tp_name);
        }
        type = (SpObject *)SP_TYPE(obj);
    }
    if (!SP_TYPE_CHECK(type)) {
        return sp_err_format(&SpExc_TypeError,
                             "descriptor '%U' for type '%.100s' needs a type, not a '%.100s' as "
                             "arg 2",
                             d->d_name, d->d_type->tp_name, SP_TYPE(type)->tp_name);
    }
    if (classmethod_check_type(d, type) < 0) {
        return NULL;
    }
    return sp_cfunction_new(d->d_method, type, NULL);
}

// dict.__dict__['fromkeys'](dict, ...): bind to the first argument and call.
static SpObject *classmethod_descr_vectorcall(SpObject *self, SpObject *const *args,
                                              size_t nargsf, SpObject *kwnames) {
    SpMethodDescrObject *d = (SpMethodDescrObject *)self;
    ssize_t nargs = SP_VECTORCALL_NARGS(nargsf);
    if (nargs < 1) {
        return sp_err_format(&SpExc_TypeError,
                             "descriptor '%U' of '%.100s' object needs an argument", d->d_name,
                             d->d_type->tp_name);
    }
    SpObject *type = args[0];
    if (!SP_TYPE_CHECK(type)) {
        return sp_err_format(&SpExc_TypeError,
                             "descriptor '%U' for type '%.100s' needs a type, not a '%.100s' as "
                             "arg 2",
                             d->d_name, d->d_type->tp_name, SP_TYPE(type)->tp_name);
    }
    if (classmethod_check_type(d, type) < 0) {
        return NULL;
    }
    return sp_ml_call(d->d_method, type, args + 1, nargs - 1, kwnames, self);
}

static SpObject *classmethod_descr_repr(SpObject *self) { return descr_repr_fmt(self, "method"); }

SpTypeObject SpClassMethodDescr_Type = {
    .ob_base = SP_TYPE_HEAD_INIT,
    .tp_name = "classmethod_descriptor",
    .tp_basicsize = sizeof(SpMethodDescrObject),
    .tp_dealloc = descr_dealloc,
    .tp_vectorcall_offset = offsetof(SpMethodDescrObject, vectorcall),
    .tp_repr = classmethod_descr_repr,
    .tp_call = sp_vectorcall_call,
    .tp_getattro = sp_object_generic_getattr,
    .tp_flags = SP_TPFLAGS_HAVE_VECTORCALL,
    .tp_members = descr_members,
    .tp_getset = method_getset,
    .tp_descr_get = classmethod_descr_get,
};

// The descriptor for one tp_methods entry: method_descriptor for ordinary
// methods, classmethod_descriptor for SP_METH_CLASS, a staticmethod wrapping
// a built-in function for SP_METH_STATIC (CPython's type_add_method).
SpObject *sp_descr_new_method(SpTypeObject *type, const SpMethodDef *ml) {
    if (ml->ml_flags & SP_METH_STATIC) {
        // A static method of a built-in type: a built-in function whose
        // self is the type, wrapped in staticmethod.
        SpObject *f = sp_cfunction_new(ml, (SpObject *)type, NULL);
        if (f == NULL) {
            return NULL;
        }
        SpObject *sm = sp_staticmethod_new(f);
        SP_DECREF(f);
        return sm;
    }
    int cls = (ml->ml_flags & SP_METH_CLASS) != 0;
    SpMethodDescrObject *d = (SpMethodDescrObject *)descr_alloc(
        cls ? &SpClassMethodDescr_Type : &SpMethodDescr_Type, type, ml->ml_name);
    if (d == NULL) {
        return NULL;
    }
    d->d_method = ml;
    d->vectorcall = cls ? classmethod_descr_vectorcall : method_vectorcall;
    return (SpObject *)d;
}

// ===========================================================================
// member_descriptor

// Read a C field of obj (tp_members entry) as a Python object.
static SpObject *member_get(SpObject *self, SpObject *obj, SpObject *type) {
    SpMemberDescrObject *d = (SpMemberDescrObject *)self;
    if (obj == NULL) {
        return sp_newref(self);
    }
    if (sp_descr_check_self(self, obj) < 0) {
        return NULL;
    }
    const SpMemberDef *m = d->d_member;
    char *addr = (char *)obj + m->offset;
    switch (m->type) {
    // SP_T_OBJECT reads an empty field as None; SP_T_OBJECT_EX (the __slots__
    // entries of classes) treats it as "attribute not set".
    case SP_T_OBJECT: {
        SpObject *v = *(SpObject **)addr;
        return sp_newref(v != NULL ? v : sp_None);
    }
    case SP_T_OBJECT_EX: {
        SpObject *v = *(SpObject **)addr;
        if (v == NULL) {
            return sp_err_format(&SpExc_AttributeError, "'%.200s' object has no attribute '%s'",
                                 SP_TYPE(obj)->tp_name, m->name);
        }
        return sp_newref(v);
    }
    case SP_T_SSIZE:
        return sp_int_from_ssize(*(ssize_t *)addr);
    case SP_T_INT:
        return sp_int_from_long(*(int *)addr);
    case SP_T_BOOL:
        return sp_bool_from_long(*(char *)addr);
    case SP_T_DOUBLE:
        return sp_float_from_double(*(double *)addr);
    default:
        return sp_err_format(&SpExc_SystemError, "bad memberdescr type for %s", m->name);
    }
}

// Store into a C field; value NULL deletes (object fields only), with the
// messages of CPython's PyMember_SetOne.
static int member_set(SpObject *self, SpObject *obj, SpObject *value) {
    SpMemberDescrObject *d = (SpMemberDescrObject *)self;
    if (sp_descr_check_self(self, obj) < 0) {
        return -1;
    }
    const SpMemberDef *m = d->d_member;
    char *addr = (char *)obj + m->offset;
    // Checked before the value's type, so even deleting reports "readonly".
    if (m->flags & SP_READONLY) {
        sp_err_set_string(&SpExc_AttributeError, "readonly attribute");
        return -1;
    }
    if (value == NULL && m->type != SP_T_OBJECT && m->type != SP_T_OBJECT_EX) {
        sp_err_set_string(&SpExc_TypeError, "can't delete numeric/char attribute");
        return -1;
    }
    switch (m->type) {
    case SP_T_OBJECT:
    case SP_T_OBJECT_EX: {
        SpObject *old = *(SpObject **)addr;
        if (value == NULL && m->type == SP_T_OBJECT_EX && old == NULL) {
            sp_err_format(&SpExc_AttributeError, "'%.200s' object has no attribute '%s'",
                          SP_TYPE(obj)->tp_name, m->name);
            return -1;
        }
        // Store first, release the old value last: its destructor may run code
        // that reads this very field, which must already hold the new value.
        SP_XINCREF(value);
        *(SpObject **)addr = value;
        SP_XDECREF(old);
        return 0;
    }
    case SP_T_SSIZE:
    case SP_T_INT: {
        if (!SP_INT_CHECK(value)) {
            sp_err_set_string(&SpExc_TypeError, "attribute value type must be int");
            return -1;
        }
        ssize_t v = sp_int_as_ssize(value);
        if (v == -1 && sp_err_occurred()) {
            return -1;
        }
        if (m->type == SP_T_INT) {
            // Values beyond int are truncated; CPython also truncates (and
            // emits a RuntimeWarning, which smallpy omits).
            *(int *)addr = (int)v;
        } else {
            *(ssize_t *)addr = v;
        }
        return 0;
    }
    case SP_T_BOOL:
        if (!SP_BOOL_CHECK(value)) {
            sp_err_set_string(&SpExc_TypeError, "attribute value type must be bool");
            return -1;
        }
        *(char *)addr = value == sp_True;
        return 0;
    case SP_T_DOUBLE: {
        // Any object with __float__ (or __index__) is accepted, as CPython's
        // T_DOUBLE does through PyFloat_AsDouble.
        double v = sp_float_as_double(value);
        if (v == -1.0 && sp_err_occurred()) {
            return -1;
        }
        *(double *)addr = v;
        return 0;
    }
    default:
        sp_err_format(&SpExc_SystemError, "bad memberdescr type for %s", m->name);
        return -1;
    }
}

static SpObject *member_repr(SpObject *self) { return descr_repr_fmt(self, "member"); }

static SpObject *member_get_doc(SpObject *self, void *closure) {
    return doc_or_none(((SpMemberDescrObject *)self)->d_member->doc);
}

static SpGetSetDef member_getset[] = {
    {"__doc__", member_get_doc, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

SpTypeObject SpMemberDescr_Type = {
    .ob_base = SP_TYPE_HEAD_INIT,
    .tp_name = "member_descriptor",
    .tp_basicsize = sizeof(SpMemberDescrObject),
    .tp_dealloc = descr_dealloc,
    .tp_repr = member_repr,
    .tp_getattro = sp_object_generic_getattr,
    .tp_members = descr_members,
    .tp_getset = member_getset,
    .tp_descr_get = member_get,
    .tp_descr_set = member_set,
};

SpObject *sp_descr_new_member(SpTypeObject *type, const SpMemberDef *m) {
    SpMemberDescrObject *d =
        (SpMemberDescrObject *)descr_alloc(&SpMemberDescr_Type, type, m->name);
    if (d != NULL) {
        d->d_member = m;
    }
    return (SpObject *)d;
}

// ===========================================================================
// getset_descriptor

// A computed attribute (tp_getset entry): call the C getter.
static SpObject *getset_get(SpObject *self, SpObject *obj, SpObject *type) {
    SpGetSetDescrObject *d = (SpGetSetDescrObject *)self;
    if (obj == NULL) {
        return sp_newref(self);
    }
    if (sp_descr_check_self(self, obj) < 0) {
        return NULL;
    }
    if (d->d_getset->get == NULL) {
        return sp_err_format(&SpExc_AttributeError,
                             "attribute '%U' of '%.100s' objects is not readable", d->d_name,
                             d->d_type->tp_name);
    }
    return d->d_getset->get(obj, d->d_getset->closure);
}

// Assignment or deletion (value NULL) through the C setter; entries without
// one are read-only.
static int getset_set(SpObject *self, SpObject *obj, SpObject *value) {
    SpGetSetDescrObject *d = (SpGetSetDescrObject *)self;
    if (sp_descr_check_self(self, obj) < 0) {
        return -1;
    }
    if (d->d_getset->set == NULL) {
        sp_err_format(&SpExc_AttributeError, "attribute '%U' of '%.100s' objects is not writable",
                      d->d_name, d->d_type->tp_name);
        return -1;
    }
    return d->d_getset->set(obj, value, d->d_getset->closure);
}

static SpObject *getset_repr(SpObject *self) { return descr_repr_fmt(self, "attribute"); }

static SpObject *getset_get_doc(SpObject *self, void *closure) {
    return doc_or_none(((SpGetSetDescrObject *)self)->d_getset->doc);
}

static SpGetSetDef getset_getset[] = {
    {"__doc__", getset_get_doc, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

SpTypeObject SpGetSetDescr_Type = {
    .ob_base = SP_TYPE_HEAD_INIT,
    .tp_name = "getset_descriptor",
    .tp_basicsize = sizeof(SpGetSetDescrObject),
    .tp_dealloc = descr_dealloc,
    .tp_repr = getset_repr,
    .tp_getattro = sp_object_generic_getattr,
    .tp_members = descr_members,
    .tp_getset = getset_getset,
    .tp_descr_get = getset_get,
    .tp_descr_set = getset_set,
};

SpObject *sp_descr_new_getset(SpTypeObject *type, const SpGetSetDef *g) {
    SpGetSetDescrObject *d =
        (SpGetSetDescrObject *)descr_alloc(&SpGetSetDescr_Type, type, g->name);
    if (d != NULL) {
        d->d_getset = g;
    }
    return (SpObject *)d;
}

// ===========================================================================
// wrapper_descriptor (slot wrappers) and method-wrapper

// Call a slot wrapper's C side for self; only __init__, __call__ and
// __new__ accept keywords.
static SpObject *wrapper_call_checked(SpWrapperDescrObject *d, SpObject *self,
                                      SpObject *const *args, ssize_t nargs, SpObject *kwnames) {
    const SpSlotDef *def = d->d_base;
    if (kwnames != NULL && SP_TUPLE_SIZE(kwnames) > 0 && !def->keywords) {
        return sp_err_format(&SpExc_TypeError, "wrapper %U() takes no keyword arguments",
                             d->d_name);
    }
    return def->wrapper(self, args, nargs, kwnames, d->d_wrapped, def);
}

// int.__add__(1, 2): the first argument must be an int (or subclass).
static SpObject *wrapperdescr_vectorcall(SpObject *descr, SpObject *const *args, size_t nargsf,
                                         SpObject *kwnames) {
    SpWrapperDescrObject *d = (SpWrapperDescrObject *)descr;
    ssize_t nargs = SP_VECTORCALL_NARGS(nargsf);
    if (nargs < 1) {
        return sp_err_format(&SpExc_TypeError,
                             "descriptor '%U' of '%.100s' object needs an argument", d->d_name,
                             d->d_type->tp_name);
    }
    SpObject *self = args[0];
    if (!SP_OBJECT_TYPE_CHECK(self, d->d_type)) {
        return sp_err_format(&SpExc_TypeError,
                             "descriptor '%U' requires a '%.100s' object but received a '%.100s'",
                             d->d_name, d->d_type->tp_name, SP_TYPE(self)->tp_name);
    }
    return wrapper_call_checked(d, self, args + 1, nargs - 1, kwnames);
}

static SpObject *method_wrapper_new(SpWrapperDescrObject *d, SpObject *self);

// (5).__add__: bind to the instance as a method-wrapper.
static SpObject *wrapperdescr_get(SpObject *self, SpObject *obj, SpObject *type) {
    if (obj == NULL) {
        return sp_newref(self);
    }
    if (sp_descr_check_self(self, obj) < 0) {
        return NULL;
    }
    return method_wrapper_new((SpWrapperDescrObject *)self, obj);
}

static SpObject *wrapperdescr_repr(SpObject *self) { return descr_repr_fmt(self, "slot wrapper"); }

static SpObject *wrapperdescr_get_doc(SpObject *self, void *closure) {
    return doc_or_none(((SpWrapperDescrObject *)self)->d_base->doc);
}

static SpGetSetDef wrapperdescr_getset[] = {
    {"__doc__", wrapperdescr_get_doc, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
    {"__text_signature__", get_none, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

SpTypeObject SpWrapperDescr_Type = {
    .ob_base = SP_TYPE_HEAD_INIT,
    .tp_name = "wrapper_descriptor",
    .tp_basicsize = sizeof(SpWrapperDescrObject),
    .tp_dealloc = descr_dealloc,
    .tp_vectorcall_offset = offsetof(SpWrapperDescrObject, vectorcall),
    .tp_repr = wrapperdescr_repr,
    .tp_call = sp_vectorcall_call,
    .tp_getattro = sp_object_generic_getattr,
    .tp_flags = SP_TPFLAGS_HAVE_VECTORCALL | SP_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_members = descr_members,
    .tp_getset = wrapperdescr_getset,
    .tp_descr_get = wrapperdescr_get,
};

SpObject *sp_descr_new_wrapper(SpTypeObject *type, const SpSlotDef *base, void *wrapped) {
    SpWrapperDescrObject *d =
        (SpWrapperDescrObject *)descr_alloc(&SpWrapperDescr_Type, type, base->name);
    if (d != NULL) {
        d->d_base = base;
        d->d_wrapped = wrapped;
        d->vectorcall = wrapperdescr_vectorcall;
    }
    return (SpObject *)d;
}

// --- method-wrapper ------------------------------------------------------------

// A method-wrapper checked its self when it was made; calling it goes
// straight to the wrapper function.
static SpObject *method_wrapper_vectorcall(SpObject *mw, SpObject *const *args, size_t nargsf,
                                           SpObject *kwnames) {
    SpMethodWrapperObject *w = (SpMethodWrapperObject *)mw;
    return wrapper_call_checked(w->descr, w->self, args, SP_VECTORCALL_NARGS(nargsf), kwnames);
}

static SpObject *method_wrapper_new(SpWrapperDescrObject *d, SpObject *self) {
    SpMethodWrapperObject *w = (SpMethodWrapperObject *)sp_object_alloc(&SpMethodWrapper_Type, 0);
    if (w == NULL) {
        return NULL;
    }
    w->descr = d;
    SP_INCREF(d);
    w->self = sp_newref(self);
    w->vectorcall = method_wrapper_vectorcall;
    sp_gc_track((SpObject *)w);
    return (SpObject *)w;
}

static void method_wrapper_dealloc(SpObject *self) {
    SpMethodWrapperObject *w = (SpMethodWrapperObject *)self;
    sp_gc_untrack(self);
    SP_XDECREF(w->descr);
    SP_XDECREF(w->self);
    SP_TYPE(self)->tp_free(self);
}

static int method_wrapper_traverse(SpObject *self, SpVisitProc visit, void *arg) {
    SpMethodWrapperObject *w = (SpMethodWrapperObject *)self;
    if (w->descr != NULL && visit((SpObject *)w->descr, arg)) {
        return 1;
    }
    return w->self != NULL && visit(w->self, arg);
}

static SpObject *method_wrapper_repr(SpObject *self) {
    SpMethodWrapperObject *w = (SpMethodWrapperObject *)self;
    char addr[32];
    snprintf(addr, sizeof addr, "%p", (void *)w->self);
    return sp_str_from_format("<method-wrapper '%U' of %s object at %s>", w->descr->d_name,
                              SP_TYPE(w->self)->tp_name, addr);
}

// Equal when they wrap the same slot of the same object ((1).__add__ ==
// (1).__add__), as CPython's wrapper_richcompare.
static SpObject *method_wrapper_richcompare(SpObject *a, SpObject *b, int op) {
    if ((op != SP_EQ && op != SP_NE) || SP_TYPE(a) != &SpMethodWrapper_Type ||
        SP_TYPE(b) != &SpMethodWrapper_Type) {
        SP_RETURN_NOTIMPLEMENTED;
    }
    SpMethodWrapperObject *wa = (SpMethodWrapperObject *)a, *wb = (SpMethodWrapperObject *)b;
    int eq = wa->descr == wb->descr && wa->self == wb->self;
    return sp_bool_from_long(op == SP_EQ ? eq : !eq);
}

static SpHash method_wrapper_hash(SpObject *self) {
    SpMethodWrapperObject *w = (SpMethodWrapperObject *)self;
    SpHash h = sp_baseobject_hash(w->self) ^ sp_baseobject_hash((SpObject *)w->descr);
    return h == -1 ? -2 : h;
}

static SpObject *method_wrapper_get_name(SpObject *self, void *closure) {
    return sp_newref(((SpMethodWrapperObject *)self)->descr->d_name);
}

static SpObject *method_wrapper_get_qualname(SpObject *self, void *closure) {
    return descr_get_qualname((SpObject *)((SpMethodWrapperObject *)self)->descr, NULL);
}

static SpObject *method_wrapper_get_doc(SpObject *self, void *closure) {
    return wrapperdescr_get_doc((SpObject *)((SpMethodWrapperObject *)self)->descr, NULL);
}

static SpObject *method_wrapper_get_objclass(SpObject *self, void *closure) {
    return descr_get_objclass((SpObject *)((SpMethodWrapperObject *)self)->descr, NULL);
}

static SpMemberDef method_wrapper_members[] = {
    {"__self__", SP_T_OBJECT, offsetof(SpMethodWrapperObject, self), SP_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static SpGetSetDef method_wrapper_getset[] = {
    {"__name__", method_wrapper_get_name, NULL, NULL, NULL},
    {"__qualname__", method_wrapper_get_qualname, NULL, NULL, NULL},
    {"__doc__", method_wrapper_get_doc, NULL, NULL, NULL},
    {"__objclass__", method_wrapper_get_objclass, NULL, NULL, NULL},
    {"__text_signature__", get_none, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

SpTypeObject SpMethodWrapper_Type = {
    .ob_base = SP_TYPE_HEAD_INIT,
    .tp_name = "method-wrapper",
    .tp_basicsize = sizeof(SpMethodWrapperObject),
    .tp_dealloc = method_wrapper_dealloc,
    .tp_vectorcall_offset = offsetof(SpMethodWrapperObject, vectorcall),
    .tp_repr = method_wrapper_repr,
    .tp_hash = method_wrapper_hash,
    .tp_call = sp_vectorcall_call,
    .tp_getattro = sp_object_generic_getattr,
    .tp_flags = SP_TPFLAGS_HAVE_GC | SP_TPFLAGS_HAVE_VECTORCALL,
    .tp_traverse = method_wrapper_traverse,
    .tp_richcompare = method_wrapper_richcompare,
    .tp_members = method_wrapper_members,
    .tp_getset = method_wrapper_getset,
};

// ===========================================================================
// mappingproxy: the read-only view behind type.__dict__

// A read-only view of mapping (the type's dict for type.__dict__): reads
// go to the mapping, writes have no slot, so `C.__dict__['x'] = 1` fails
// and class namespaces only change through setattr (which keeps the method
// cache and the slots right).
SpObject *sp_mappingproxy_new(SpObject *mapping) {
    SpMappingProxyObject *p = (SpMappingProxyObject *)sp_object_alloc(&SpMappingProxy_Type, 0);
    if (p == NULL) {
        return NULL;
    }
    p->mapping = sp_newref(mapping);
    sp_gc_track((SpObject *)p);
    return (SpObject *)p;
}

// mappingproxy(mapping): one argument, positional or by keyword.
static SpObject *mappingproxy_new(SpTypeObject *type, SpObject *args, SpObject *kwargs) {
    SpObject *mapping = NULL;
    ssize_t nargs = SP_TUPLE_SIZE(args), nkw = kwargs == NULL ? 0 : SP_DICT_SIZE(kwargs);
    if (nargs == 1 && nkw == 0) {
        mapping = SP_TUPLE_GET_ITEM(args, 0);
    } else if (nargs == 0 && nkw == 1) {
        mapping = sp_dict_getitem_str_borrow(kwargs, "mapping");
    }
    if (mapping == NULL) {
        if (nargs + nkw == 0) {
            return sp_err_format(&SpExc_TypeError,
                                 "mappingproxy() missing required argument 'mapping' (pos 1)");
        }
        return sp_err_format(&SpExc_TypeError,
                             "mappingproxy() takes at most 1 argument (%zd given)", nargs + nkw);
    }
    SpTypeObject *mt = SP_TYPE(mapping);
    if (mt->tp_as_mapping == NULL || mt->tp_as_mapping->mp_subscript == NULL ||
        SP_LIST_CHECK(mapping) || SP_TUPLE_CHECK(mapping)) {
        return sp_err_format(&SpExc_TypeError, "mappingproxy() argument must be a mapping, not %s",
                             mt->tp_name);
    }
    return sp_mappingproxy_new(mapping);
}

static void mappingproxy_dealloc(SpObject *self) {
    sp_gc_untrack(self);
    SP_XDECREF(((SpMappingProxyObject *)self)->mapping);
    SP_TYPE(self)->tp_free(self);
}

static int mappingproxy_traverse(SpObject *self, SpVisitProc visit, void *arg) {
    SpObject *m = ((SpMappingProxyObject *)self)->mapping;
    return m != NULL && visit(m, arg);
}

#define PROXY_MAPPING(o) (((SpMappingProxyObject *)(o))->mapping)

static ssize_t mappingproxy_len(SpObject *self) { return sp_object_length(PROXY_MAPPING(self)); }

static SpObject *mappingproxy_getitem(SpObject *self, SpObject *key) {
    return sp_object_getitem(PROXY_MAPPING(self), key);
}

static int mappingproxy_contains(SpObject *self, SpObject *key) {
    if (SP_DICT_CHECK_EXACT(PROXY_MAPPING(self))) {
        return sp_dict_contains(PROXY_MAPPING(self), key);
    }
    return sp_sequence_contains(PROXY_MAPPING(self), key);
}

static SpObject *mappingproxy_iter(SpObject *self) {
    return sp_object_get_iter(PROXY_MAPPING(self));
}

static SpObject *mappingproxy_str(SpObject *self) { return sp_object_str(PROXY_MAPPING(self)); }

static SpObject *mappingproxy_repr(SpObject *self) {
    return sp_str_from_format("mappingproxy(%R)", PROXY_MAPPING(self));
}

static SpObject *mappingproxy_richcompare(SpObject *self, SpObject *other, int op) {
    return sp_object_richcompare(PROXY_MAPPING(self), other, op);
}

// keys(), values(), items(), copy(): forwarded to the mapping's methods.
static SpObject *mappingproxy_forward(SpObject *self, const char *name) {
    return sp_call_method_str(PROXY_MAPPING(self), name, NULL, 0);
}
static SpObject *mappingproxy_keys(SpObject *self, SpObject *unused) {
    return mappingproxy_forward(self, "keys");
}
static SpObject *mappingproxy_values(SpObject *self, SpObject *unused) {
    return mappingproxy_forward(self, "values");
}
static SpObject *mappingproxy_items(SpObject *self, SpObject *unused) {
    return mappingproxy_forward(self, "items");
}
static SpObject *mappingproxy_copy(SpObject *self, SpObject *unused) {
    return mappingproxy_forward(self, "copy");
}

static SpObject *mappingproxy_get(SpObject *self, SpObject *const *args, ssize_t nargs,
                                  SpObject *kwnames) {
    if (!sp_arg_no_kwnames("get", kwnames) || !sp_arg_check_positional("get", nargs, 1, 2)) {
        return NULL;
    }
    return sp_call_method_str(PROXY_MAPPING(self), "get", args, nargs);
}

// proxy | dict: the union of the underlying mappings, as a new dict.
static SpObject *mappingproxy_or(SpObject *a, SpObject *b) {
    if (SP_TYPE(a) == &SpMappingProxy_Type) {
        a = PROXY_MAPPING(a);
    }
    if (SP_TYPE(b) == &SpMappingProxy_Type) {
        b = PROXY_MAPPING(b);
    }
    return sp_number_or(a, b);
}

static SpObject *mappingproxy_ior(SpObject *self, SpObject *other) {
    return sp_err_format(&SpExc_TypeError, "'|=' is not supported by %s; use '|' instead",
                         SP_TYPE(self)->tp_name);
}

static SpMethodDef mappingproxy_methods[] = {
    {"get", SP_METH(mappingproxy_get), SP_METH_FASTCALL, NULL},
    {"keys", SP_METH(mappingproxy_keys), SP_METH_NOARGS, NULL},
    {"values", SP_METH(mappingproxy_values), SP_METH_NOARGS, NULL},
    {"items", SP_METH(mappingproxy_items), SP_METH_NOARGS, NULL},
    {"copy", SP_METH(mappingproxy_copy), SP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static SpNumberMethods mappingproxy_as_number = {
    .nb_or = mappingproxy_or,
    .nb_inplace_or = mappingproxy_ior,
};

static SpSequenceMethods mappingproxy_as_sequence = {
    .sq_contains = mappingproxy_contains,
};

static SpMappingMethods mappingproxy_as_mapping = {
    .mp_length = mappingproxy_len,
    .mp_subscript = mappingproxy_getitem,
};

SpTypeObject SpMappingProxy_Type = {
    .ob_base = SP_TYPE_HEAD_INIT,
    .tp_name = "mappingproxy",
    .tp_basicsize = sizeof(SpMappingProxyObject),
    .tp_dealloc = mappingproxy_dealloc,
    .tp_repr = mappingproxy_repr,
    .tp_as_number = &mappingproxy_as_number,
    .tp_as_sequence = &mappingproxy_as_sequence,
    .tp_as_mapping = &mappingproxy_as_mapping,
    .tp_hash = sp_object_hash_not_implemented,
    .tp_str = mappingproxy_str,
    .tp_getattro = sp_object_generic_getattr,
    .tp_flags = SP_TPFLAGS_HAVE_GC,
    .tp_traverse = mappingproxy_traverse,
    .tp_richcompare = mappingproxy_richcompare,
    .tp_iter = mappingproxy_iter,
    .tp_methods = mappingproxy_methods,
    .tp_new = mappingproxy_new,
};
