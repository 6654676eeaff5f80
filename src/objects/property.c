// smallpy: the descriptor types a class body uses directly: property,
// classmethod and staticmethod. Counterpart: CPython 3.11
// Objects/descrobject.c (property) and Objects/funcobject.c (classmethod,
// staticmethod).
#define SP_TYPE_INTERNAL
#include "objects/descr.h"

#include "core/abstract.h"
#include "core/err.h"
#include "core/gc.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/func.h"
#include "objects/int.h"
#include "objects/none.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "objects/type_internal.h"

// Treat None like a missing argument (property(None, f) has no getter).
static SpObject *none_to_null(SpObject *o) { return o == sp_None ? NULL : o; }

// Truth of getattr(o, '__isabstractmethod__', False): 1, 0 or -1.
static int is_abstract(SpObject *o) {
    if (o == NULL) {
        return 0;
    }
    SpObject *name = sp_str_intern_cstr("__isabstractmethod__");
    if (name == NULL) {
        return -1;
    }
    SpObject *v = sp_object_lookup_attr(o, name);
    SP_DECREF(name);
    if (v == NULL) {
        return sp_err_occurred() ? -1 : 0;
    }
    int t = sp_object_is_true(v);
    SP_DECREF(v);
    return t;
}

// ===========================================================================
// property

static int property_init(SpObject *self, SpObject *args, SpObject *kwargs);

// Properties hold four callables and the name; all may form cycles
// through the class, hence GC.
static void property_dealloc(SpObject *self) {
    SpPropertyObject *p = (SpPropertyObject *)self;
    sp_gc_untrack(self);
    SP_XDECREF(p->prop_get);
    SP_XDECREF(p->prop_set);
    SP_XDECREF(p->prop_del);
    SP_XDECREF(p->prop_doc);
    SP_XDECREF(p->prop_name);
    SP_TYPE(self)->tp_free(self);
}

static int property_traverse(SpObject *self, SpVisitProc visit, void *arg) {
    SpPropertyObject *p = (SpPropertyObject *)self;
    SpObject *fields[] = {p->prop_get, p->prop_set, p->prop_del, p->prop_doc, p->prop_name};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        if (fields[i] != NULL && visit(fields[i], arg)) {
            return 1;
        }
    }
    return 0;
}

// "property 'x' of 'C' object has no setter", or shorter forms when the
// property's name is unknown.
static void property_missing(SpPropertyObject *p, SpObject *obj, const char *what) {
    SpObject *qual = sp_type_qualname(SP_TYPE(obj));
    if (qual == NULL) {
        sp_err_clear();
        sp_err_format(&SpExc_AttributeError, "property has no %s", what);
        return;
    }
    if (p->prop_name != NULL) {
        sp_err_format(&SpExc_AttributeError, "property %R of %R object has no %s", p->prop_name,
                      qual, what);
    } else {
        sp_err_format(&SpExc_AttributeError, "property of %R object has no %s", qual, what);
    }
    SP_DECREF(qual);
}

// C.p (obj NULL or None) is the property itself; c.p calls fget(c).
static SpObject *property_get(SpObject *self, SpObject *obj, SpObject *type) {
    SpPropertyObject *p = (SpPropertyObject *)self;
    if (obj == NULL || obj == sp_None) {
        return sp_newref(self);
    }
    if (p->prop_get == NULL) {
        property_missing(p, obj, "getter");
        return NULL;
    }
    return sp_call_one_arg(p->prop_get, obj);
}

// c.p = v calls fset(c, v); del c.p calls fdel(c). A property is always a
// data descriptor, even without fset: it shadows the instance dict.
static int property_set(SpObject *self, SpObject *obj, SpObject *value) {
    SpPropertyObject *p = (SpPropertyObject *)self;
    SpObject *func = value == NULL ? p->prop_del : p->prop_set;
    if (func == NULL) {
        property_missing(p, obj, value == NULL ? "deleter" : "setter");
        return -1;
    }
    SpObject *res = value == NULL ? sp_call_one_arg(func, obj) : sp_call_two_args(func, obj, value);
    if (res == NULL) {
        return -1;
    }
    SP_DECREF(res);
    return 0;
}

// getter()/setter()/deleter(): a copy of the property (of the same type)
// with one function replaced. A docstring that came from the old getter is
// re-derived from the new one.
static SpObject *property_copy(SpObject *old, SpObject *get, SpObject *set, SpObject *del) {
    SpPropertyObject *p = (SpPropertyObject *)old;
    get = get != NULL ? get : (p->prop_get != NULL ? p->prop_get : sp_None);
    set = set != NULL ? set : (p->prop_set != NULL ? p->prop_set : sp_None);
    del = del != NULL ? del : (p->prop_del != NULL ? p->prop_del : sp_None);
    SpObject *doc = p->getter_doc && get != sp_None ? sp_None
                                                    : (p->prop_doc != NULL ? p->prop_doc : sp_None);
    SpObject *args[4] = {get, set, del, doc};
    SpObject *res = sp_vectorcall((SpObject *)SP_TYPE(old), args, 4, NULL);
    if (res != NULL && SP_OBJECT_TYPE_CHECK(res, &SpProperty_Type)) {
        SpPropertyObject *np = (SpPropertyObject *)res;
        SP_XINCREF(p->prop_name);
        SP_SETREF(np->prop_name, p->prop_name);
    }
    return res;
}

// @p.getter, @p.setter, @p.deleter: decorators returning a new property.
static SpObject *property_getter(SpObject *self, SpObject *f) {
    return property_copy(self, f, NULL, NULL);
}
static SpObject *property_setter(SpObject *self, SpObject *f) {
    return property_copy(self, NULL, f, NULL);
}
static SpObject *property_deleter(SpObject *self, SpObject *f) {
    return property_copy(self, NULL, NULL, f);
}

// __set_name__(owner, name), called at class creation: remember the
// attribute name for error messages.
static SpObject *property_set_name(SpObject *self, SpObject *const *args, ssize_t nargs,
                                   SpObject *kwnames) {
    if (!sp_arg_no_kwnames("__set_name__", kwnames)) {
        return NULL;
    }
    if (nargs != 2) {
        return sp_err_format(&SpExc_TypeError, "__set_name__() takes 2 positional arguments but "
                                               "%zd were given",
                             nargs);
    }
    SpPropertyObject *p = (SpPropertyObject *)self;
    SP_INCREF(args[1]);
    SP_SETREF(p->prop_name, args[1]);
    SP_RETURN_NONE;
}

// __isabstractmethod__: true if any of the functions is abstract.
static SpObject *property_get_isabstract(SpObject *self, void *closure) {
    SpPropertyObject *p = (SpPropertyObject *)self;
    SpObject *fs[] = {p->prop_get, p->prop_set, p->prop_del};
    for (int i = 0; i < 3; i++) {
        int t = is_abstract(fs[i]);
        if (t != 0) {
            return t < 0 ? NULL : sp_newref(sp_True);
        }
    }
    SP_RETURN_FALSE;
}

// property(fget=None, fset=None, fdel=None, doc=None). The docstring
// defaults to fget's.
static int property_init(SpObject *self, SpObject *args, SpObject *kwargs) {
    static const char *const names[] = {"fget", "fset", "fdel", "doc", NULL};
    SpPropertyObject *p = (SpPropertyObject *)self;
    SpObject *out[4];
    ssize_t nargs = SP_TUPLE_SIZE(args);
    SpObject *kwnames = NULL, *small[8], **stack = small;
    int r = -1;
    // Rebuild vector-call form for the keyword binder.
    ssize_t nkw = kwargs == NULL ? 0 : SP_DICT_SIZE(kwargs);
    if (nargs + nkw > 8) {
        return sp_arg_parse_kw("property", NULL, nargs + nkw, NULL, names, out, 0);
    }
    for (ssize_t i = 0; i < nargs; i++) {
        stack[i] = SP_TUPLE_GET_ITEM(args, i);
    }
    if (nkw > 0) {
        kwnames = sp_dict_keys(kwargs);
        if (kwnames == NULL) {
            return -1;
        }
        SP_SETREF(kwnames, sp_sequence_tuple(kwnames));
        if (kwnames == NULL) {
            return -1;
        }
        ssize_t pos = 0, i = 0;
        SpObject *v;
        while (sp_dict_next(kwargs, &pos, NULL, &v)) {
            stack[nargs + i++] = v;
        }
    }
    if (sp_arg_parse_kw("property", stack, nargs, kwnames, names, out, 0) < 0) {
        goto done;
    }
    SpObject *get = none_to_null(out[0]), *set = none_to_null(out[1]), *del = none_to_null(out[2]);
    SpObject *doc = out[3];
    SP_XINCREF(get);
    SP_SETREF(p->prop_get, get);
    SP_XINCREF(set);
    SP_SETREF(p->prop_set, set);
    SP_XINCREF(del);
    SP_SETREF(p->prop_del, del);
    p->getter_doc = 0;
    SpObject *newdoc = NULL;
    if ((doc == NULL || doc == sp_None) && get != NULL) {
        newdoc = sp_object_lookup_attr(get, sp_id(__doc__));
        if (newdoc == NULL && sp_err_occurred()) {
            goto done;
        }
        if (newdoc != NULL) {
            p->getter_doc = 1;
        }
    } else if (doc != NULL) {
        newdoc = sp_newref(doc);
    }
    if (SP_TYPE(self) == &SpProperty_Type || newdoc == NULL) {
        SP_SETREF(p->prop_doc, newdoc);
    } else {
        // A subclass's own __doc__ (a plain class attribute) would shadow the
        // member, so the docstring goes into the instance __dict__.
        SP_CLEAR(p->prop_doc);
        int err = sp_object_setattr(self, sp_id(__doc__), newdoc);
        SP_DECREF(newdoc);
        if (err < 0) {
            goto done;
        }
    }
    r = 0;
done:
    SP_XDECREF(kwnames);
    return r;
}

static SpMethodDef property_methods[] = {
    {"getter", SP_METH(property_getter), SP_METH_O,
     "Descriptor to obtain a copy of the property with a different getter."},
    {"setter", SP_METH(property_setter), SP_METH_O,
     "Descriptor to obtain a copy of the property with a different setter."},
    {"deleter", SP_METH(property_deleter), SP_METH_O,
     "Descriptor to obtain a copy of the property with a different deleter."},
    {"__set_name__", SP_METH(property_set_name), SP_METH_FASTCALL,
     "Method to set name of a property."},
    {NULL, NULL, 0, NULL},
};

static SpMemberDef property_members[] = {
    {"fget", SP_T_OBJECT, offsetof(SpPropertyObject, prop_get), SP_READONLY, NULL},
    {"fset", SP_T_OBJECT, offsetof(SpPropertyObject, prop_set), SP_READONLY, NULL},
    {"fdel", SP_T_OBJECT, offsetof(SpPropertyObject, prop_del), SP_READONLY, NULL},
    {"__doc__", SP_T_OBJECT, offsetof(SpPropertyObject, prop_doc), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

static SpGetSetDef property_getset[] = {
    {"__isabstractmethod__", property_get_isabstract, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

SpTypeObject SpProperty_Type = {
    .ob_base = SP_TYPE_HEAD_INIT,
    .tp_name = "property",
    .tp_basicsize = sizeof(SpPropertyObject),
    .tp_dealloc = property_dealloc,
    .tp_getattro = sp_object_generic_getattr,
    .tp_flags = SP_TPFLAGS_HAVE_GC | SP_TPFLAGS_BASETYPE,
    .tp_doc = "Property attribute.\n\n  fget\n    function to be used for getting an attribute "
              "value\n  fset\n    function to be used for setting an attribute value\n  fdel\n "
              "   function to be used for del'ing an attribute\n  doc\n    docstring\n",
    .tp_traverse = property_traverse,
    .tp_methods = property_methods,
    .tp_members = property_members,
    .tp_getset = property_getset,
    .tp_descr_get = property_get,
    .tp_descr_set = property_set,
    .tp_init = property_init,
    .tp_new = sp_type_generic_new,
};

// ===========================================================================
// classmethod and staticmethod (one layout, two types)

// Shared by classmethod and staticmethod.
static void cm_dealloc(SpObject *self) {
    SpClassMethodObject *cm = (SpClassMethodObject *)self;
    sp_gc_untrack(self);
    SP_XDECREF(cm->cm_callable);
    SP_XDECREF(cm->cm_dict);
    SP_TYPE(self)->tp_free(self);
}

static int cm_traverse(SpObject *self, SpVisitProc visit, void *arg) {
    SpClassMethodObject *cm = (SpClassMethodObject *)self;
    if (cm->cm_callable != NULL && visit(cm->cm_callable, arg)) {
        return 1;
    }
    return cm->cm_dict != NULL && visit(cm->cm_dict, arg);
}

// Since 3.10 the wrapper looks like the function it wraps: __module__,
// __name__, __qualname__ and __doc__ are copied into its __dict__.
static int copy_wrapped_attrs(SpClassMethodObject *cm) {
    static const char *const attrs[] = {"__module__", "__name__", "__qualname__", "__doc__"};
    SpObject **dictptr = sp_object_dict_ptr((SpObject *)cm);
    if (dictptr == NULL) {
        return 0;
    }
    for (size_t i = 0; i < sizeof attrs / sizeof attrs[0]; i++) {
        SpObject *name = sp_str_intern_cstr(attrs[i]);
        if (name == NULL) {
            return -1;
        }
        SpObject *v = sp_object_lookup_attr(cm->cm_callable, name);
        if (v == NULL) {
            SP_DECREF(name);
            if (sp_err_occurred()) {
                return -1;
            }
            continue;
        }
        if (*dictptr == NULL && (*dictptr = sp_dict_new()) == NULL) {
            SP_DECREF(v);
            SP_DECREF(name);
            return -1;
        }
        int r = sp_dict_setitem(*dictptr, name, v);
        SP_DECREF(v);
        SP_DECREF(name);
        if (r < 0) {
            return -1;
        }
    }
    return 0;
}

// classmethod(f) / staticmethod(f): exactly one positional argument.
static int cm_set_callable(SpObject *self, const char *tname, SpObject *args, SpObject *kwargs) {
    if (kwargs != NULL && SP_DICT_SIZE(kwargs) > 0) {
        sp_err_format(&SpExc_TypeError, "%s() takes no keyword arguments", tname);
        return -1;
    }
    if (!sp_arg_check_positional(tname, SP_TUPLE_SIZE(args), 1, 1)) {
        return -1;
    }
    SpClassMethodObject *cm = (SpClassMethodObject *)self;
    SpObject *callable = SP_TUPLE_GET_ITEM(args, 0);
    SP_INCREF(callable);
    SP_SETREF(cm->cm_callable, callable);
    return copy_wrapped_attrs(cm);
}

static int cm_init(SpObject *self, SpObject *args, SpObject *kwargs) {
    return cm_set_callable(self, "classmethod", args, kwargs);
}

static int sm_init(SpObject *self, SpObject *args, SpObject *kwargs) {
    return cm_set_callable(self, "staticmethod", args, kwargs);
}

// classmethod.__get__: bind the callable to the class (chaining through the
// callable's own __get__, as 3.9-3.12 do).
static SpObject *cm_descr_get(SpObject *self, SpObject *obj, SpObject *type) {
    SpClassMethodObject *cm = (SpClassMethodObject *)self;
    if (cm->cm_callable == NULL) {
        return sp_err_format(&SpExc_RuntimeError, "uninitialized classmethod object");
    }
    if (type == NULL) {
        type = (SpObject *)SP_TYPE(obj);
    }
    SpDescrGetFunc get = SP_TYPE(cm->cm_callable)->tp_descr_get;
    if (get != NULL) {
        return get(cm->cm_callable, type, type);
    }
    return sp_method_new(cm->cm_callable, type);
}

// staticmethod.__get__: the function itself, unbound, however reached.
static SpObject *sm_descr_get(SpObject *self, SpObject *obj, SpObject *type) {
    SpClassMethodObject *sm = (SpClassMethodObject *)self;
    if (sm->cm_callable == NULL) {
        return sp_err_format(&SpExc_RuntimeError, "uninitialized staticmethod object");
    }
    return sp_newref(sm->cm_callable);
}

// staticmethod objects are callable since 3.10.
static SpObject *sm_call(SpObject *self, SpObject *args, SpObject *kwargs) {
    return sp_call(((SpClassMethodObject *)self)->cm_callable, args, kwargs);
}

// "<classmethod(<function f at 0x...>)>" (3.10+ repr).
static SpObject *cm_repr(SpObject *self) {
    SpClassMethodObject *cm = (SpClassMethodObject *)self;
    return sp_str_from_format("<%s(%R)>", SP_TYPE(self) == &SpClassMethod_Type ||
                                                  sp_type_is_subtype(SP_TYPE(self),
                                                                     &SpClassMethod_Type)
                                              ? "classmethod"
                                              : "staticmethod",
                              cm->cm_callable != NULL ? cm->cm_callable : sp_None);
}

static SpObject *cm_get_isabstract(SpObject *self, void *closure) {
    int t = is_abstract(((SpClassMethodObject *)self)->cm_callable);
    if (t < 0) {
        return NULL;
    }
    return sp_bool_from_long(t);
}

static SpMemberDef cm_members[] = {
    {"__func__", SP_T_OBJECT, offsetof(SpClassMethodObject, cm_callable), SP_READONLY, NULL},
    {"__wrapped__", SP_T_OBJECT, offsetof(SpClassMethodObject, cm_callable), SP_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static SpGetSetDef cm_getset[] = {
    {"__isabstractmethod__", cm_get_isabstract, NULL, NULL, NULL},
    {"__dict__", sp_object_get_dict_attr, sp_object_set_dict_attr, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

SpTypeObject SpClassMethod_Type = {
    .ob_base = SP_TYPE_HEAD_INIT,
    .tp_name = "classmethod",
    .tp_basicsize = sizeof(SpClassMethodObject),
    .tp_dealloc = cm_dealloc,
    .tp_repr = cm_repr,
    .tp_getattro = sp_object_generic_getattr,
    .tp_setattro = sp_object_generic_setattr,
    .tp_flags = SP_TPFLAGS_HAVE_GC | SP_TPFLAGS_BASETYPE,
    .tp_doc = "classmethod(function) -> method\n\nConvert a function to be a class method.\n",
    .tp_traverse = cm_traverse,
    .tp_members = cm_members,
    .tp_getset = cm_getset,
    .tp_descr_get = cm_descr_get,
    .tp_dictoffset = offsetof(SpClassMethodObject, cm_dict),
    .tp_init = cm_init,
    .tp_new = sp_type_generic_new,
};

SpTypeObject SpStaticMethod_Type = {
    .ob_base = SP_TYPE_HEAD_INIT,
    .tp_name = "staticmethod",
    .tp_basicsize = sizeof(SpClassMethodObject),
    .tp_dealloc = cm_dealloc,
    .tp_repr = cm_repr,
    .tp_call = sm_call,
    .tp_getattro = sp_object_generic_getattr,
    .tp_setattro = sp_object_generic_setattr,
    .tp_flags = SP_TPFLAGS_HAVE_GC | SP_TPFLAGS_BASETYPE,
    .tp_doc = "staticmethod(function) -> method\n\nConvert a function to be a static method.\n",
    .tp_traverse = cm_traverse,
    .tp_members = cm_members,
    .tp_getset = cm_getset,
    .tp_descr_get = sm_descr_get,
    .tp_dictoffset = offsetof(SpClassMethodObject, cm_dict),
    .tp_init = sm_init,
    .tp_new = sp_type_generic_new,
};

// The C constructors: what decorating f with @classmethod / @staticmethod
// gives, without a call through the type.
static SpObject *wrap_callable(SpTypeObject *type, SpObject *callable) {
    SpClassMethodObject *cm = (SpClassMethodObject *)sp_type_generic_alloc(type, 0);
    if (cm == NULL) {
        return NULL;
    }
    cm->cm_callable = sp_newref(callable);
    if (copy_wrapped_attrs(cm) < 0) {
        SP_DECREF(cm);
        return NULL;
    }
    return (SpObject *)cm;
}

SpObject *sp_classmethod_new(SpObject *callable) {
    return wrap_callable(&SpClassMethod_Type, callable);
}

SpObject *sp_staticmethod_new(SpObject *callable) {
    return wrap_callable(&SpStaticMethod_Type, callable);
}
