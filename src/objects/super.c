// smallpy: super(): attribute lookup that starts after a given class in the
// MRO of an instance's (or class's) type. The zero-argument form asks the VM
// for the running function's __class__ cell and first argument.
// Counterpart: CPython 3.11 Objects/typeobject.c (super_*).
#define SP_TYPE_INTERNAL
#include "objects/descr.h"

#include "core/abstract.h"
#include "core/err.h"
#include "core/gc.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/func.h"
#include "objects/none.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "objects/type_internal.h"
#include "vm/vm.h"

// A super object pins the class, the object and the object's type.
static void super_dealloc(SpObject *self) {
    SpSuperObject *su = (SpSuperObject *)self;
    sp_gc_untrack(self);
    SP_XDECREF(su->obj);
    SP_XDECREF(su->type);
    SP_XDECREF(su->obj_type);
    SP_TYPE(self)->tp_free(self);
}

static int super_traverse(SpObject *self, SpVisitProc visit, void *arg) {
    SpSuperObject *su = (SpSuperObject *)self;
    SpObject *fields[] = {su->obj, (SpObject *)su->type, (SpObject *)su->obj_type};
    for (int i = 0; i < 3; i++) {
        if (fields[i] != NULL && visit(fields[i], arg)) {
            return 1;
        }
    }
    return 0;
}

// "<super: <class 'B'>, <B object>>", or NULL for an unbound super.
static SpObject *super_repr(SpObject *self) {
    SpSuperObject *su = (SpSuperObject *)self;
    const char *tname = su->type != NULL ? su->type->tp_name : "NULL";
    if (su->obj_type != NULL) {
        return sp_str_from_format("<super: <class '%s'>, <%s object>>", tname,
                                  su->obj_type->tp_name);
    }
    return sp_str_from_format("<super: <class '%s'>, NULL>", tname);
}

// Look `name` up in the MRO of obj_type, starting after su->type, and bind
// what is found to the object (or to nothing when super's second argument
// is the class itself). __class__ and unbound supers use ordinary lookup.
static SpObject *super_getattro(SpObject *self, SpObject *name) {
    SpSuperObject *su = (SpSuperObject *)self;
    SpTypeObject *start = su->obj_type;
    // super().__class__ is super itself, never the next class's __class__: the
    // name is special-cased, as in CPython's super_getattro.
    if (start == NULL || (SP_STR_CHECK(name) && sp_str_eq(name, sp_id(__class__)))) {
        return sp_object_generic_getattr(self, name);
    }
    SpObject *mro = start->tp_mro;
    if (mro == NULL) {
        return sp_object_generic_getattr(self, name);
    }
    ssize_t n = SP_TUPLE_SIZE(mro), i;
    // Find su->type in the MRO. The loop stops one short of the end: if the
    // class is last (object) or missing there is nothing after it, and i + 1 ==
    // n then makes the search loop below empty.
    for (i = 0; i + 1 < n; i++) {
        if ((SpTypeObject *)SP_TUPLE_GET_ITEM(mro, i) == su->type) {
            break;
        }
    }
    i++;  // skip su->type itself
    SP_INCREF(mro);  // the MRO could be replaced while a __get__ runs
    for (; i < n; i++) {
        // Only each class's own __dict__ is consulted (not their metaclasses),
        // and data descriptors get no priority: super is a plain MRO walk.
        SpObject *dict = ((SpTypeObject *)SP_TUPLE_GET_ITEM(mro, i))->tp_dict;
        if (dict == NULL) {
            continue;
        }
        SpObject *res = sp_dict_getitem_borrow(dict, name);
        if (res == NULL) {
            if (sp_err_occurred()) {
                SP_DECREF(mro);
                return NULL;
            }
            continue;
        }
        SP_INCREF(res);
        SpDescrGetFunc f = SP_TYPE(res)->tp_descr_get;
        if (f != NULL) {
            // super(C, C).meth (obj is the class itself) binds to nothing, so a plain
            // function comes back unbound and a classmethod still binds to start.
            SpObject *bound =
                f(res, su->obj == (SpObject *)start ? NULL : su->obj, (SpObject *)start);
            SP_DECREF(res);
            res = bound;
        }
        SP_DECREF(mro);
        return res;
    }
    SP_DECREF(mro);
    return sp_object_generic_getattr(self, name);
}

// The type whose MRO super searches: obj itself when it is a subclass of
// type, else type(obj) (or obj.__class__ for proxies) when obj is an instance.
static SpTypeObject *supercheck(SpTypeObject *type, SpObject *obj) {
    // The class form comes first: super(C, D) inside a classmethod searches D's
    // MRO.
    if (SP_TYPE_CHECK(obj) && sp_type_is_subtype((SpTypeObject *)obj, type)) {
        return (SpTypeObject *)sp_newref(obj);
    }
    if (sp_type_is_subtype(SP_TYPE(obj), type)) {
        return (SpTypeObject *)sp_newref((SpObject *)SP_TYPE(obj));
    }
    // Proxies: an object whose __class__ claims a subclass of type is accepted
    // (the reference from the lookup becomes the result).
    SpObject *cls = sp_object_lookup_attr(obj, sp_id(__class__));
    if (cls == NULL && sp_err_occurred()) {
        return NULL;
    }
    if (cls != NULL) {
        if (SP_TYPE_CHECK(cls) && (SpTypeObject *)cls != SP_TYPE(obj) &&
            sp_type_is_subtype((SpTypeObject *)cls, type)) {
            return (SpTypeObject *)cls;
        }
        SP_DECREF(cls);
    }
    sp_err_set_string(&SpExc_TypeError,
                      "super(type, obj): obj must be an instance or subtype of type");
    return NULL;
}

// Fill su from (type, obj); obj may be NULL (unbound super). 0 or -1.
static int super_fill(SpSuperObject *su, SpObject *type, SpObject *obj) {
    if (!SP_TYPE_CHECK(type)) {
        sp_err_format(&SpExc_TypeError, "super() argument 1 must be a type, not %.200s",
                      SP_TYPE(type)->tp_name);
        return -1;
    }
    // super(C, None) is treated like super(C): an unbound super.
    if (obj == sp_None) {
        obj = NULL;
    }
    SpTypeObject *obj_type = NULL;
    if (obj != NULL) {
        obj_type = supercheck((SpTypeObject *)type, obj);
        if (obj_type == NULL) {
            return -1;
        }
        SP_INCREF(obj);
    }
    // SP_SETREF so re-initialising a super (super.__init__ called twice) drops
    // the old references.
    SP_INCREF(type);
    SP_SETREF(su->type, (SpTypeObject *)type);
    SP_SETREF(su->obj, obj);
    SP_SETREF(su->obj_type, obj_type);
    return 0;
}

// super() / super(type) / super(type, obj) with arguments in vector form.
static int super_init_vector(SpSuperObject *su, SpObject *const *args, ssize_t nargs) {
    if (!sp_arg_check_positional("super", nargs, 0, 2)) {
        return -1;
    }
    if (nargs == 0) {
        SpTypeObject *type;
        SpObject *obj;
        // Zero-argument super(): the VM reads the calling frame's __class__ cell
        // and its first local (self or cls), raising "super(): no arguments" or
        // "super(): __class__ cell not found" as CPython's super_init_without_args.
        if (sp_vm_super_args(&type, &obj) < 0) {
            return -1;
        }
        return super_fill(su, (SpObject *)type, obj);
    }
    return super_fill(su, args[0], nargs > 1 ? args[1] : NULL);
}

// super.__init__ for super(...) reached through type.__call__ (subclasses
// of super, explicit super.__init__ calls).
static int super_init(SpObject *self, SpObject *args, SpObject *kwargs) {
    if (kwargs != NULL && SP_DICT_SIZE(kwargs) > 0) {
        sp_err_set_string(&SpExc_TypeError, "super() takes no keyword arguments");
        return -1;
    }
    return super_init_vector((SpSuperObject *)self, &SP_TUPLE_GET_ITEM(args, 0),
                             SP_TUPLE_SIZE(args));
}

// super(...) called directly: skip the tuple that type.__call__ would build.
static SpObject *super_vectorcall(SpObject *type, SpObject *const *args, size_t nargsf,
                                  SpObject *kwnames) {
    if (!sp_arg_no_kwnames("super", kwnames)) {
        return NULL;
    }
    SpSuperObject *su = (SpSuperObject *)sp_type_generic_alloc((SpTypeObject *)type, 0);
    if (su == NULL) {
        return NULL;
    }
    if (super_init_vector(su, args, SP_VECTORCALL_NARGS(nargsf)) < 0) {
        SP_DECREF(su);
        return NULL;
    }
    return (SpObject *)su;
}

// An unbound super stored as a class attribute binds on access.
static SpObject *super_descr_get(SpObject *self, SpObject *obj, SpObject *type) {
    SpSuperObject *su = (SpSuperObject *)self;
    // Already bound (or accessed on the class): the super object itself.
    if (obj == NULL || obj == sp_None || su->obj != NULL) {
        return sp_newref(self);
    }
    SpObject *args[2] = {(SpObject *)su->type, obj};
    return sp_vectorcall((SpObject *)SP_TYPE(self), args, 2, NULL);
}

static SpMemberDef super_members[] = {
    {"__thisclass__", SP_T_OBJECT, offsetof(SpSuperObject, type), SP_READONLY,
     "the class invoking super()"},
    {"__self__", SP_T_OBJECT, offsetof(SpSuperObject, obj), SP_READONLY,
     "the instance invoking super(); may be None"},
    {"__self_class__", SP_T_OBJECT, offsetof(SpSuperObject, obj_type), SP_READONLY,
     "the type of the instance invoking super(); may be None"},
    {NULL, 0, 0, 0, NULL},
};

SpTypeObject SpSuper_Type = {
    .ob_base = SP_TYPE_HEAD_INIT,
    .tp_name = "super",
    .tp_basicsize = sizeof(SpSuperObject),
    .tp_dealloc = super_dealloc,
    .tp_repr = super_repr,
    .tp_getattro = super_getattro,
    .tp_flags = SP_TPFLAGS_HAVE_GC | SP_TPFLAGS_BASETYPE,
    .tp_doc = "super() -> same as super(__class__, <first argument>)\n"
              "super(type) -> unbound super object\n"
              "super(type, obj) -> bound super object; requires isinstance(obj, type)\n"
              "super(type, type2) -> bound super object; requires issubclass(type2, type)\n",
    .tp_traverse = super_traverse,
    .tp_members = super_members,
    .tp_descr_get = super_descr_get,
    .tp_init = super_init,
    .tp_new = sp_type_generic_new,
    .tp_vectorcall = super_vectorcall,
};
