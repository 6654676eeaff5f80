// smallpy: the singletons None, NotImplemented and Ellipsis and their types.
// They are statically allocated and never freed; their reference counts are
// real (CPython 3.11 counts them too). Counterpart: CPython 3.11
// Objects/object.c (None, NotImplemented), Objects/sliceobject.c (Ellipsis).
#include "objects/none.h"

#include "core/abstract.h"
#include "core/err.h"
#include "objects/exc.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/dict.h"
#include "objects/type.h"

// A singleton type takes no arguments: NoneType() is None, NoneType(1) is a
// TypeError naming the type (Ellipsis's type says "EllipsisType" there,
// though its __name__ is 'ellipsis').
static SpObject *singleton_check_args(const char *name, SpObject *args, SpObject *kwargs) {
    if ((args != NULL && SP_TUPLE_SIZE(args) != 0) ||
        (kwargs != NULL && SP_DICT_SIZE(kwargs) != 0)) {
        return sp_err_format(&SpExc_TypeError, "%s takes no arguments", name);
    }
    return sp_None;  // any non-NULL marker
}

// Deallocating a singleton means its count went wrong somewhere: crash
// loudly in debug builds, resurrect quietly otherwise.
static void singleton_dealloc(SpObject *self) {
    SP_ASSERT(0, "deallocating a singleton");
    self->ob_refcnt = 1;
}

// --- None ------------------------------------------------------------------

static SpObject *none_repr(SpObject *self) { return sp_str_from_cstr("None"); }

static int none_bool(SpObject *self) { return 0; }

static SpObject *none_new(SpTypeObject *type, SpObject *args, SpObject *kwargs) {
    if (singleton_check_args("NoneType", args, kwargs) == NULL) {
        return NULL;
    }
    SP_RETURN_NONE;
}

static SpNumberMethods none_as_number = {.nb_bool = none_bool};

SpTypeObject SpNone_Type = {
    .ob_base = SP_TYPE_HEAD_INIT,
    .tp_name = "NoneType",
    .tp_basicsize = sizeof(SpObject),
    .tp_dealloc = singleton_dealloc,
    .tp_repr = none_repr,
    .tp_as_number = &none_as_number,
    .tp_new = none_new,
};

SpObject sp_none_struct = {1, &SpNone_Type};

// --- NotImplemented --------------------------------------------------------

static SpObject *notimpl_repr(SpObject *self) { return sp_str_from_cstr("NotImplemented"); }

// __reduce__ returns the name, so pickling finds the builtin by name.
static SpObject *notimpl_reduce(SpObject *self, SpObject *unused) {
    return sp_str_from_cstr("NotImplemented");
}

// bool(NotImplemented) is True; 3.9-3.13 also warn, which we skip.
static int notimpl_bool(SpObject *self) { return 1; }

static SpObject *notimpl_new(SpTypeObject *type, SpObject *args, SpObject *kwargs) {
    if (singleton_check_args("NotImplementedType", args, kwargs) == NULL) {
        return NULL;
    }
    SP_RETURN_NOTIMPLEMENTED;
}

static SpMethodDef notimpl_methods[] = {
    {"__reduce__", SP_METH(notimpl_reduce), SP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static SpNumberMethods notimpl_as_number = {.nb_bool = notimpl_bool};

SpTypeObject SpNotImplemented_Type = {
    .ob_base = SP_TYPE_HEAD_INIT,
    .tp_name = "NotImplementedType",
    .tp_basicsize = sizeof(SpObject),
    .tp_dealloc = singleton_dealloc,
    .tp_repr = notimpl_repr,
    .tp_as_number = &notimpl_as_number,
    .tp_methods = notimpl_methods,
    .tp_new = notimpl_new,
};

SpObject sp_notimplemented_struct = {1, &SpNotImplemented_Type};

// --- Ellipsis ----------------------------------------------------------------

static SpObject *ellipsis_repr(SpObject *self) { return sp_str_from_cstr("Ellipsis"); }

static SpObject *ellipsis_reduce(SpObject *self, SpObject *unused) {
    return sp_str_from_cstr("Ellipsis");
}

static SpObject *ellipsis_new(SpTypeObject *type, SpObject *args, SpObject *kwargs) {
    if (singleton_check_args("EllipsisType", args, kwargs) == NULL) {
        return NULL;
    }
    return sp_newref(sp_Ellipsis);
}

static SpMethodDef ellipsis_methods[] = {
    {"__reduce__", SP_METH(ellipsis_reduce), SP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

SpTypeObject SpEllipsis_Type = {
    .ob_base = SP_TYPE_HEAD_INIT,
    .tp_name = "ellipsis",
    .tp_basicsize = sizeof(SpObject),
    .tp_dealloc = singleton_dealloc,
    .tp_repr = ellipsis_repr,
    .tp_getattro = sp_object_generic_getattr,
    .tp_methods = ellipsis_methods,
    .tp_new = ellipsis_new,
};

SpObject sp_ellipsis_struct = {1, &SpEllipsis_Type};
