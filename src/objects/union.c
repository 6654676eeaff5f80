// smallpy: types.UnionType, the value of `int | None` (type.__or__), so that
// annotations like `def f(x: int | None)` evaluate, and isinstance() accepts
// unions. Counterpart: CPython 3.11 Objects/unionobject.c.
#define SP_TYPE_INTERNAL
#include "core/abstract.h"
#include "core/err.h"
#include "core/gc.h"
#include "core/mem.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/none.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "objects/type_internal.h"

typedef struct {
    SP_OBJECT_HEAD;
    SpObject *args;  // tuple of at least two distinct members; None stored as NoneType
} UnionObject;

#define UNION_CHECK(o) (SP_TYPE(o) == &SpUnion_Type)

// Operands `|` can combine into a union.
static int is_unionable(SpObject *o) {
    return o == sp_None || SP_TYPE_CHECK(o) || UNION_CHECK(o);
}

// Append o's members to list (flattening unions, None as NoneType),
// skipping those already present.
static int add_members(SpObject *list, SpObject *o) {
    if (UNION_CHECK(o)) {
        SpObject *args = ((UnionObject *)o)->args;
        for (ssize_t i = 0; i < SP_TUPLE_SIZE(args); i++) {
            if (add_members(list, SP_TUPLE_GET_ITEM(args, i)) < 0) {
                return -1;
            }
        }
        return 0;
    }
    if (o == sp_None) {
        o = (SpObject *)&SpNone_Type;
    }
    // Duplicates are found by identity (types compare by identity anyway); a
    // linear scan is fine since unions have a handful of members. The first
    // occurrence keeps its place: (int | str) | int is int | str.
    for (ssize_t i = 0; i < SP_LIST_SIZE(list); i++) {
        if (SP_LIST_GET_ITEM(list, i) == o) {
            return 0;
        }
    }
    return sp_list_append(list, o);
}

// a | b for unionable operands: a union, or the single member when both
// sides name the same type (int | int is int).
static SpObject *make_union(SpObject *a, SpObject *b) {
    SpObject *list = sp_list_new(0);
    if (list == NULL) {
        return NULL;
    }
    if (add_members(list, a) < 0 || add_members(list, b) < 0) {
        SP_DECREF(list);
        return NULL;
    }
    // int | int collapses to plain int, as in CPython.
    if (SP_LIST_SIZE(list) == 1) {
        SpObject *only = sp_newref(SP_LIST_GET_ITEM(list, 0));
        SP_DECREF(list);
        return only;
    }
    SpObject *args = sp_list_as_tuple(list);
    SP_DECREF(list);
    if (args == NULL) {
        return NULL;
    }
    UnionObject *u = (UnionObject *)sp_object_alloc(&SpUnion_Type, 0);
    if (u == NULL) {
        SP_DECREF(args);
        return NULL;
    }
    u->args = args;
    sp_gc_track((SpObject *)u);
    return (SpObject *)u;
}

// type.__or__ and UnionType.__or__ (and their reflected forms) land here.
// NotImplemented for other operands lets e.g. a class's own __ror__ run.
SpObject *sp_union_or(SpObject *a, SpObject *b) {
    if (!is_unionable(a) || !is_unionable(b)) {
        SP_RETURN_NOTIMPLEMENTED;
    }
    return make_union(a, b);
}

// A union holds its member types.
static void union_dealloc(SpObject *self) {
    sp_gc_untrack(self);
    SP_XDECREF(((UnionObject *)self)->args);
    SP_TYPE(self)->tp_free(self);
}

static int union_traverse(SpObject *self, SpVisitProc visit, void *arg) {
    SpObject *args = ((UnionObject *)self)->args;
    return args != NULL && visit(args, arg);
}

// One member as the union's repr shows it: None, a builtin's name, a
// class's module.qualname, or repr() for anything else.
static SpObject *member_repr(SpObject *o) {
    // None was stored as NoneType; the repr shows it as "None" again.
    if (o == (SpObject *)&SpNone_Type) {
        return sp_str_from_cstr("None");
    }
    if (!SP_TYPE_CHECK(o)) {
        return sp_object_repr(o);
    }
    SpTypeObject *t = (SpTypeObject *)o;
    SpObject *mod = sp_type_module(t);
    if (mod == NULL) {
        sp_err_clear();
        return sp_object_repr(o);
    }
    SpObject *qual = sp_type_qualname(t);
    SpObject *res = NULL;
    if (qual != NULL) {
        // Builtins print bare ("int"), everything else module-qualified.
        if (SP_STR_CHECK(mod) && sp_str_eq_cstr(mod, "builtins")) {
            res = sp_newref(qual);
        } else {
            res = sp_str_from_format("%S.%U", mod, qual);
        }
        SP_DECREF(qual);
    }
    SP_DECREF(mod);
    return res;
}

// "int | None", "__main__.C | list".
static SpObject *union_repr(SpObject *self) {
    SpObject *args = ((UnionObject *)self)->args;
    SpStrWriter w;
    sp_str_writer_init(&w);
    for (ssize_t i = 0; i < SP_TUPLE_SIZE(args); i++) {
        if (i > 0 && sp_str_writer_write_ascii(&w, " | ", 3) < 0) {
            goto fail;
        }
        SpObject *r = member_repr(SP_TUPLE_GET_ITEM(args, i));
        if (r == NULL || sp_str_writer_write_str(&w, r) < 0) {
            SP_XDECREF(r);
            goto fail;
        }
        SP_DECREF(r);
    }
    return sp_str_writer_finish(&w);
fail:
    sp_str_writer_discard(&w);
    return NULL;
}

// Unions compare and hash as the sets of their members.
static SpObject *union_richcompare(SpObject *a, SpObject *b, int op) {
    if (!UNION_CHECK(b) || (op != SP_EQ && op != SP_NE)) {
        SP_RETURN_NOTIMPLEMENTED;
    }
    // Order does not matter: int | str == str | int.
    SpObject *sa = sp_frozenset_new(((UnionObject *)a)->args);
    SpObject *sb = sa == NULL ? NULL : sp_frozenset_new(((UnionObject *)b)->args);
    SpObject *res = sb == NULL ? NULL : sp_object_richcompare(sa, sb, op);
    SP_XDECREF(sa);
    SP_XDECREF(sb);
    return res;
}

// Same frozenset as the comparison uses, so equal unions hash alike.
static SpHash union_hash(SpObject *self) {
    SpObject *s = sp_frozenset_new(((UnionObject *)self)->args);
    if (s == NULL) {
        return -1;
    }
    SpHash h = sp_object_hash(s);
    SP_DECREF(s);
    return h;
}

// isinstance(obj, A | B) / issubclass(cls, A | B): any member matches.
static SpObject *union_check(SpObject *self, SpObject *arg, SpObject *name) {
    SpObject *args = ((UnionObject *)self)->args;
    for (ssize_t i = 0; i < SP_TUPLE_SIZE(args); i++) {
        SpObject *m = SP_TUPLE_GET_ITEM(args, i);
        int found;
        // Each member's own hook (type.__instancecheck__ on its metaclass), so ABC
        // members and nested unions keep their semantics.
        SpObject *r = sp_call_special(m, name, &arg, 1, &found);
        if (r == NULL) {
            if (sp_err_occurred()) {
                return NULL;
            }
            continue;
        }
        int t = sp_object_is_true(r);
        SP_DECREF(r);
        if (t != 0) {
            return t < 0 ? NULL : sp_newref(sp_True);
        }
    }
    SP_RETURN_FALSE;
}

// UnionType.__instancecheck__ / __subclasscheck__.
static SpObject *union_instancecheck(SpObject *self, SpObject *inst) {
    return union_check(self, inst, sp_id(__instancecheck__));
}

static SpObject *union_subclasscheck(SpObject *self, SpObject *cls) {
    if (!SP_TYPE_CHECK(cls)) {
        return sp_err_format(&SpExc_TypeError, "issubclass() arg 1 must be a class");
    }
    return union_check(self, cls, sp_id(__subclasscheck__));
}

// __args__: the members, None as NoneType; __parameters__: no type
// variables (smallpy has no typing module).
static SpObject *union_get_args(SpObject *self, void *closure) {
    return sp_newref(((UnionObject *)self)->args);
}

static SpObject *union_get_parameters(SpObject *self, void *closure) { return sp_tuple_new(0); }

static SpMethodDef union_methods[] = {
    {"__instancecheck__", SP_METH(union_instancecheck), SP_METH_O, NULL},
    {"__subclasscheck__", SP_METH(union_subclasscheck), SP_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static SpGetSetDef union_getset[] = {
    {"__args__", union_get_args, NULL, NULL, NULL},
    {"__parameters__", union_get_parameters, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static SpNumberMethods union_as_number = {.nb_or = sp_union_or};

SpTypeObject SpUnion_Type = {
    .ob_base = SP_TYPE_HEAD_INIT,
    .tp_name = "types.UnionType",
    .tp_basicsize = sizeof(UnionObject),
    .tp_dealloc = union_dealloc,
    .tp_repr = union_repr,
    .tp_as_number = &union_as_number,
    .tp_hash = union_hash,
    .tp_getattro = sp_object_generic_getattr,
    .tp_flags = SP_TPFLAGS_HAVE_GC,
    .tp_doc = "Represent a PEP 604 union type\n\nE.g. for int | str",
    .tp_traverse = union_traverse,
    .tp_richcompare = union_richcompare,
    .tp_methods = union_methods,
    .tp_getset = union_getset,
};
