// smallpy: the built-in exception types and their instances: creation,
// args, str/repr, __traceback__/__context__/__cause__, and the extra fields
// of SystemExit, StopIteration, SyntaxError, ImportError, OSError, ...
// Counterpart: CPython 3.11 Objects/exceptions.c.
#include "objects/exc.h"

#include <stddef.h>
#include <stdio.h>

#include "core/abstract.h"
#include "core/err.h"
#include "core/gc.h"
#include "core/mem.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/func.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/none.h"
#include "objects/str.h"
#include "objects/traceback.h"
#include "objects/tuple.h"
#include "objects/type.h"

#define EXC(o) ((SpBaseExceptionObject *)(o))

// ---------------------------------------------------------------------------
// Accessors used across the interpreter

SpObject *sp_exc_get_traceback_borrow(SpObject *exc) { return EXC(exc)->traceback; }
void sp_exc_set_traceback(SpObject *exc, SpObject *tb) {
    SP_XINCREF(tb);
    SP_SETREF(EXC(exc)->traceback, tb);
}
SpObject *sp_exc_get_context_borrow(SpObject *exc) { return EXC(exc)->context; }
void sp_exc_set_context(SpObject *exc, SpObject *ctx) { SP_SETREF(EXC(exc)->context, ctx); }
SpObject *sp_exc_get_cause_borrow(SpObject *exc) { return EXC(exc)->cause; }
void sp_exc_set_cause(SpObject *exc, SpObject *cause) {
    SP_SETREF(EXC(exc)->cause, cause);
    EXC(exc)->suppress_context = 1;
}
SpObject *sp_exc_get_args_borrow(SpObject *exc) { return EXC(exc)->args; }

SpObject *sp_exc_new(SpTypeObject *type, SpObject *args) {
    return sp_call((SpObject *)type, args, NULL);
}

// ---------------------------------------------------------------------------
// BaseException

// Subclass layouts add object fields after BaseException's. One table says
// where, so traverse, clear and dealloc stay generic.
typedef struct ExcLayout {
    SpTypeObject *root;  // the built-in type that introduces the fields
    uint8_t n;
    uint16_t offsets[8];
} ExcLayout;

#define OFF(st, f) (uint16_t) offsetof(st, f)
static const ExcLayout exc_layouts[] = {
    {&SpExc_SystemExit, 1, {OFF(SpSystemExitObject, code)}},
    {&SpExc_StopIteration, 1, {OFF(SpStopIterationObject, value)}},
    {&SpExc_AttributeError, 2, {OFF(SpAttributeErrorObject, obj), OFF(SpAttributeErrorObject, name)}},
    {&SpExc_NameError, 1, {OFF(SpNameErrorObject, name)}},
    {&SpExc_ImportError, 3,
     {OFF(SpImportErrorObject, msg), OFF(SpImportErrorObject, name), OFF(SpImportErrorObject, path)}},
    {&SpExc_OSError, 4,
     {OFF(SpOSErrorObject, myerrno), OFF(SpOSErrorObject, strerror), OFF(SpOSErrorObject, filename),
      OFF(SpOSErrorObject, filename2)}},
    {&SpExc_SyntaxError, 8,
     {OFF(SpSyntaxErrorObject, msg), OFF(SpSyntaxErrorObject, filename),
      OFF(SpSyntaxErrorObject, lineno), OFF(SpSyntaxErrorObject, offset),
      OFF(SpSyntaxErrorObject, text), OFF(SpSyntaxErrorObject, end_lineno),
      OFF(SpSyntaxErrorObject, end_offset), OFF(SpSyntaxErrorObject, print_file_and_line)}},
    {&SpExc_UnicodeDecodeError, 3,
     {OFF(SpUnicodeErrorObject, encoding), OFF(SpUnicodeErrorObject, object),
      OFF(SpUnicodeErrorObject, reason)}},
    {&SpExc_UnicodeEncodeError, 3,
     {OFF(SpUnicodeErrorObject, encoding), OFF(SpUnicodeErrorObject, object),
      OFF(SpUnicodeErrorObject, reason)}},
    {&SpExc_UnicodeTranslateError, 3,
     {OFF(SpUnicodeErrorObject, encoding), OFF(SpUnicodeErrorObject, object),
      OFF(SpUnicodeErrorObject, reason)}},
};
#undef OFF

static const ExcLayout *layout_of(SpTypeObject *t) {
    for (; t != NULL && t != &SpExc_BaseException; t = t->tp_base) {
        for (size_t i = 0; i < sizeof exc_layouts / sizeof exc_layouts[0]; i++) {
            if (exc_layouts[i].root == t) {
                return &exc_layouts[i];
            }
        }
    }
    return NULL;
}

#define EXTRA_FIELD(self, lay, i) (*(SpObject **)((char *)(self) + (lay)->offsets[i]))

static int exc_clear(SpObject *self) {
    SpBaseExceptionObject *e = EXC(self);
    SP_CLEAR(e->dict);
    SP_CLEAR(e->args);
    SP_CLEAR(e->notes);
    SP_CLEAR(e->traceback);
    SP_CLEAR(e->context);
    SP_CLEAR(e->cause);
    const ExcLayout *lay = layout_of(SP_TYPE(self));
    for (int i = 0; lay != NULL && i < lay->n; i++) {
        SP_CLEAR(EXTRA_FIELD(self, lay, i));
    }
    return 0;
}

static int exc_traverse(SpObject *self, SpVisitProc visit, void *arg) {
    SpBaseExceptionObject *e = EXC(self);
    SpObject *fixed[] = {e->dict, e->args, e->notes, e->traceback, e->context, e->cause};
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++) {
        if (fixed[i] && visit(fixed[i], arg)) {
            return -1;
        }
    }
    const ExcLayout *lay = layout_of(SP_TYPE(self));
    for (int i = 0; lay != NULL && i < lay->n; i++) {
        SpObject *v = EXTRA_FIELD(self, lay, i);
        if (v && visit(v, arg)) {
            return -1;
        }
    }
    return 0;
}

// For instances of classes deriving from an exception type, the class's own
// deallocator (typeslots.c) calls this one and then releases the class.
static void exc_dealloc(SpObject *self) {
    sp_gc_untrack(self);
    exc_clear(self);
    SP_TYPE(self)->tp_free(self);
}

// BaseException.__new__ stores args already, so an exception class whose
// __init__ does not call super().__init__ still has args (CPython does the
// same); __init__ may replace them.
static SpObject *exc_new(SpTypeObject *type, SpObject *args, SpObject *kwargs) {
    SpBaseExceptionObject *e = (SpBaseExceptionObject *)sp_object_alloc(type, 0);
    if (e == NULL) {
        return NULL;
    }
    e->args = args != NULL ? sp_newref(args) : sp_tuple_new(0);
    if (e->args == NULL) {
        SP_DECREF(e);
        return NULL;
    }
    sp_gc_track((SpObject *)e);
    return (SpObject *)e;
}

static int no_kwargs(SpTypeObject *type, SpObject *kwargs) {
    if (kwargs != NULL && SP_DICT_SIZE(kwargs) != 0) {
        sp_err_format(&SpExc_TypeError, "%s() takes no keyword arguments", sp_type_name(type));
        return -1;
    }
    return 0;
}

static int exc_init(SpObject *self, SpObject *args, SpObject *kwargs) {
    if (no_kwargs(SP_TYPE(self), kwargs) < 0) {
        return -1;
    }
    SP_INCREF(args);
    SP_SETREF(EXC(self)->args, args);
    return 0;
}

// str(e): '' for no arguments, str(arg) for one, str(args) for several.
static SpObject *exc_str(SpObject *self) {
    SpObject *args = EXC(self)->args;
    switch (SP_TUPLE_SIZE(args)) {
    case 0:
        return sp_newref(sp_str_empty_borrow());
    case 1:
        return sp_object_str(SP_TUPLE_GET_ITEM(args, 0));
    default:
        return sp_object_str(args);
    }
}

// repr(e): ValueError('x') for one argument (no trailing comma), else the
// type name followed by the args tuple: ValueError(), ValueError(1, 2).
static SpObject *exc_repr(SpObject *self) {
    SpObject *args = EXC(self)->args;
    const char *name = sp_type_name(SP_TYPE(self));
    if (SP_TUPLE_SIZE(args) == 1) {
        return sp_str_from_format("%s(%R)", name, SP_TUPLE_GET_ITEM(args, 0));
    }
    return sp_str_from_format("%s%R", name, args);
}

static SpObject *exc_get_args(SpObject *self, void *c) { return sp_newref(EXC(self)->args); }
static int exc_set_args(SpObject *self, SpObject *v, void *c) {
    if (v == NULL) {
        sp_err_set_string(&SpExc_TypeError, "args may not be deleted");
        return -1;
    }
    SpObject *t = sp_sequence_tuple(v);
    if (t == NULL) {
        return -1;
    }
    SP_SETREF(EXC(self)->args, t);
    return 0;
}

static SpObject *exc_get_tb(SpObject *self, void *c) {
    return sp_newref(EXC(self)->traceback ? EXC(self)->traceback : sp_None);
}
static int exc_set_tb(SpObject *self, SpObject *v, void *c) {
    if (v == NULL) {
        sp_err_set_string(&SpExc_TypeError, "__traceback__ may not be deleted");
        return -1;
    }
    if (v == sp_None) {
        v = NULL;
    } else if (SP_TYPE(v) != &SpTraceback_Type) {
        sp_err_set_string(&SpExc_TypeError, "__traceback__ must be a traceback or None");
        return -1;
    }
    sp_exc_set_traceback(self, v);
    return 0;
}

static SpObject *exc_get_context(SpObject *self, void *c) {
    return sp_newref(EXC(self)->context ? EXC(self)->context : sp_None);
}
// __context__ and __cause__ accept None (stored as NULL) or an exception.
static int exc_set_context(SpObject *self, SpObject *v, void *c) {
    if (v == NULL) {
        sp_err_set_string(&SpExc_TypeError, "__context__ may not be deleted");
        return -1;
    }
    if (v == sp_None) {
        v = NULL;
    } else if (!SP_EXC_CHECK(v)) {
        sp_err_set_string(&SpExc_TypeError, "exception context must be None or derive from BaseException");
        return -1;
    }
    SP_XINCREF(v);
    SP_SETREF(EXC(self)->context, v);
    return 0;
}

static SpObject *exc_get_cause(SpObject *self, void *c) {
    return sp_newref(EXC(self)->cause ? EXC(self)->cause : sp_None);
}
static int exc_set_cause(SpObject *self, SpObject *v, void *c) {
    if (v == NULL) {
        sp_err_set_string(&SpExc_TypeError, "__cause__ may not be deleted");
        return -1;
    }
    if (v == sp_None) {
        v = NULL;
    } else if (!SP_EXC_CHECK(v)) {
        sp_err_set_string(&SpExc_TypeError, "exception cause must be None or derive from BaseException");
        return -1;
    }
    SP_XINCREF(v);
    sp_exc_set_cause(self, v);
    return 0;
}

static SpObject *exc_with_traceback(SpObject *self, SpObject *tb) {
    if (exc_set_tb(self, tb, NULL) < 0) {
        return NULL;
    }
    return sp_newref(self);
}


static SpObject *exc_add_note(SpObject *self, SpObject *note) {
    if (!SP_STR_CHECK(note)) {
        return sp_err_format(&SpExc_TypeError, "note must be a str, not '%s'",
                             sp_object_type_name(note));
    }
    SpBaseExceptionObject *e = EXC(self);
    if (e->notes == NULL && (e->notes = sp_list_new(0)) == NULL) {
        return NULL;
    }
    if (sp_list_append(e->notes, note) < 0) {
        return NULL;
    }
    SP_RETURN_NONE;
}

static SpObject *exc_get_notes(SpObject *self, void *c) {
    if (EXC(self)->notes == NULL) {
        return sp_err_format(&SpExc_AttributeError, "'%s' object has no attribute '__notes__'",
                             sp_object_type_name(self));
    }
    return sp_newref(EXC(self)->notes);
}

static SpMethodDef exc_methods[] = {
    {"with_traceback", SP_METH(exc_with_traceback), SP_METH_O, NULL},
    {"add_note", SP_METH(exc_add_note), SP_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static SpGetSetDef exc_getset[] = {
    {"args", exc_get_args, exc_set_args, NULL, NULL},
    {"__traceback__", exc_get_tb, exc_set_tb, NULL, NULL},
    {"__context__", exc_get_context, exc_set_context, NULL, NULL},
    {"__cause__", exc_get_cause, exc_set_cause, NULL, NULL},
    {"__notes__", exc_get_notes, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static SpMemberDef exc_members[] = {
    {"__suppress_context__", SP_T_BOOL, offsetof(SpBaseExceptionObject, suppress_context), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

// ---------------------------------------------------------------------------
// The type objects, from the one list in exc.h. Per-type behaviour (extra
// fields, str) is attached in sp_exc_init_types.

#define SpExc_object SpBaseObject_Type
#define DEFINE_EXC_(name, base, st)                                                        \
    SpTypeObject SpExc_##name = {                                                          \
        SP_TYPE_HEAD_INIT,                                                                 \
        .tp_name = #name,                                                                  \
        .tp_basicsize = sizeof(st),                                                        \
        .tp_dealloc = exc_dealloc,                                                         \
        .tp_repr = exc_repr,                                                               \
        .tp_str = exc_str,                                                                 \
        .tp_flags = SP_TPFLAGS_BASETYPE | SP_TPFLAGS_HAVE_GC | SP_TPFLAGS_BASE_EXC_SUBCLASS, \
        .tp_traverse = exc_traverse,                                                       \
        .tp_clear = exc_clear,                                                             \
        .tp_base = &SpExc_##base,                                                          \
        .tp_dictoffset = offsetof(SpBaseExceptionObject, dict),                            \
        .tp_init = exc_init,                                                               \
        .tp_new = exc_new,                                                                 \
        .tp_free = sp_object_free,                                                         \
    };
SP_EXCEPTION_TYPES(DEFINE_EXC_)
#undef DEFINE_EXC_
#undef SpExc_object

// --- SystemExit, StopIteration -----------------------------------------------

static SpObject *first_arg_or_none(SpObject *args) {
    return sp_newref(SP_TUPLE_SIZE(args) > 0 ? SP_TUPLE_GET_ITEM(args, 0) : sp_None);
}

// SystemExit.code: None without arguments, the argument alone, or the whole
// args tuple when there are several (main.c maps it to the exit status).
static int systemexit_init(SpObject *self, SpObject *args, SpObject *kwargs) {
    if (exc_init(self, args, kwargs) < 0) {
        return -1;
    }
    SpObject *code = SP_TUPLE_SIZE(args) == 1 ? sp_newref(SP_TUPLE_GET_ITEM(args, 0))
                     : SP_TUPLE_SIZE(args) == 0 ? sp_newref(sp_None)
                                                : sp_newref(args);
    SP_SETREF(((SpSystemExitObject *)self)->code, code);
    return 0;
}

static SpMemberDef systemexit_members[] = {
    {"code", SP_T_OBJECT, offsetof(SpSystemExitObject, code), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

static int stopiteration_init(SpObject *self, SpObject *args, SpObject *kwargs) {
    if (exc_init(self, args, kwargs) < 0) {
        return -1;
    }
    SP_SETREF(((SpStopIterationObject *)self)->value, first_arg_or_none(args));
    return 0;
}

static SpMemberDef stopiteration_members[] = {
    {"value", SP_T_OBJECT, offsetof(SpStopIterationObject, value), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

// --- KeyError: str() is the repr of a lone key --------------------------------

static SpObject *keyerror_str(SpObject *self) {
    SpObject *args = EXC(self)->args;
    if (SP_TUPLE_SIZE(args) == 1) {
        return sp_object_repr(SP_TUPLE_GET_ITEM(args, 0));
    }
    return exc_str(self);
}

// --- Keyword fields: ImportError(name=, path=), AttributeError(name=, obj=),
// NameError(name=) --------------------------------------------------------------

// Take the keyword arguments listed in names into the matching fields
// (offsets); any other keyword is an error.
static int take_keywords(SpObject *self, SpObject *kwargs, const char *const *names,
                         const size_t *offsets, int n) {
    if (kwargs == NULL) {
        return 0;
    }
    ssize_t pos = 0;
    SpObject *k, *v;
    while (sp_dict_next(kwargs, &pos, &k, &v)) {
        int i = 0;
        while (i < n && !sp_str_eq_cstr(k, names[i])) {
            i++;
        }
        if (i == n) {
            sp_err_format(&SpExc_TypeError, "'%U' is an invalid keyword argument for %s()", k,
                          sp_type_name(SP_TYPE(self)));
            return -1;
        }
        SpObject **slot = (SpObject **)((char *)self + offsets[i]);
        SP_INCREF(v);
        SP_SETREF(*slot, v);
    }
    return 0;
}

static int importerror_init(SpObject *self, SpObject *args, SpObject *kwargs) {
    static const char *const names[] = {"name", "path"};
    static const size_t offs[] = {offsetof(SpImportErrorObject, name),
                                  offsetof(SpImportErrorObject, path)};
    if (exc_init(self, args, NULL) < 0 || take_keywords(self, kwargs, names, offs, 2) < 0) {
        return -1;
    }
    if (SP_TUPLE_SIZE(args) == 1) {
        SP_SETREF(((SpImportErrorObject *)self)->msg, sp_newref(SP_TUPLE_GET_ITEM(args, 0)));
    }
    return 0;
}

static SpObject *importerror_str(SpObject *self) {
    SpObject *msg = ((SpImportErrorObject *)self)->msg;
    if (msg != NULL && msg != sp_None) {
        return sp_object_str(msg);
    }
    return exc_str(self);
}

static SpMemberDef importerror_members[] = {
    {"msg", SP_T_OBJECT, offsetof(SpImportErrorObject, msg), 0, NULL},
    {"name", SP_T_OBJECT, offsetof(SpImportErrorObject, name), 0, NULL},
    {"path", SP_T_OBJECT, offsetof(SpImportErrorObject, path), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

static int attributeerror_init(SpObject *self, SpObject *args, SpObject *kwargs) {
    static const char *const names[] = {"name", "obj"};
    static const size_t offs[] = {offsetof(SpAttributeErrorObject, name),
                                  offsetof(SpAttributeErrorObject, obj)};
    if (exc_init(self, args, NULL) < 0) {
        return -1;
    }
    return take_keywords(self, kwargs, names, offs, 2);
}

static SpMemberDef attributeerror_members[] = {
    {"name", SP_T_OBJECT, offsetof(SpAttributeErrorObject, name), 0, NULL},
    {"obj", SP_T_OBJECT, offsetof(SpAttributeErrorObject, obj), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

static int nameerror_init(SpObject *self, SpObject *args, SpObject *kwargs) {
    static const char *const names[] = {"name"};
    static const size_t offs[] = {offsetof(SpNameErrorObject, name)};
    if (exc_init(self, args, NULL) < 0) {
        return -1;
    }
    return take_keywords(self, kwargs, names, offs, 1);
}

static SpMemberDef nameerror_members[] = {
    {"name", SP_T_OBJECT, offsetof(SpNameErrorObject, name), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

// --- OSError(errno, strerror[, filename[, winerror[, filename2]]]) ------------

// OSError(errno, strerror[, filename[, winerror[, filename2]]]): with two
// to five arguments the fields are filled; args keeps (errno, strerror)
// when a filename is given, so str() can show "[Errno 2] ...: 'name'".
static int oserror_init(SpObject *self, SpObject *args, SpObject *kwargs) {
    SpOSErrorObject *e = (SpOSErrorObject *)self;
    if (no_kwargs(SP_TYPE(self), kwargs) < 0) {
        return -1;
    }
    ssize_t n = SP_TUPLE_SIZE(args);
    SpObject *stored = args;
    if (n >= 2 && n <= 5) {
        SP_SETREF(e->myerrno, sp_newref(SP_TUPLE_GET_ITEM(args, 0)));
        SP_SETREF(e->strerror, sp_newref(SP_TUPLE_GET_ITEM(args, 1)));
        if (n >= 3) {
            SP_SETREF(e->filename, sp_newref(SP_TUPLE_GET_ITEM(args, 2)));
            if (n == 5) {
                SP_SETREF(e->filename2, sp_newref(SP_TUPLE_GET_ITEM(args, 4)));
            }
            // args keeps only (errno, strerror) when a filename is given.
            stored = sp_tuple_slice(args, 0, 2);
            if (stored == NULL) {
                return -1;
            }
        }
    }
    if (stored == args) {
        SP_INCREF(args);
    }
    SP_SETREF(EXC(self)->args, stored);
    return 0;
}

static SpObject *oserror_str(SpObject *self) {
    SpOSErrorObject *e = (SpOSErrorObject *)self;
    if (e->filename != NULL && e->filename2 != NULL) {
        return sp_str_from_format("[Errno %S] %S: %R -> %R", e->myerrno, e->strerror,
                                  e->filename, e->filename2);
    }
    if (e->filename != NULL) {
        return sp_str_from_format("[Errno %S] %S: %R", e->myerrno, e->strerror, e->filename);
    }
    if (e->myerrno != NULL && e->strerror != NULL) {
        return sp_str_from_format("[Errno %S] %S", e->myerrno, e->strerror);
    }
    return exc_str(self);
}

static SpMemberDef oserror_members[] = {
    {"errno", SP_T_OBJECT, offsetof(SpOSErrorObject, myerrno), 0, NULL},
    {"strerror", SP_T_OBJECT, offsetof(SpOSErrorObject, strerror), 0, NULL},
    {"filename", SP_T_OBJECT, offsetof(SpOSErrorObject, filename), 0, NULL},
    {"filename2", SP_T_OBJECT, offsetof(SpOSErrorObject, filename2), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

// --- SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset]))

static int syntaxerror_init(SpObject *self, SpObject *args, SpObject *kwargs) {
    SpSyntaxErrorObject *e = (SpSyntaxErrorObject *)self;
    if (exc_init(self, args, kwargs) < 0) {
        return -1;
    }
    ssize_t n = SP_TUPLE_SIZE(args);
    if (n >= 1) {
        SP_SETREF(e->msg, sp_newref(SP_TUPLE_GET_ITEM(args, 0)));
    }
    if (n == 2) {
        SpObject *info = sp_sequence_tuple(SP_TUPLE_GET_ITEM(args, 1));
        if (info == NULL) {
            return -1;
        }
        ssize_t m = SP_TUPLE_SIZE(info);
        if (m != 4 && m != 6) {
            SP_DECREF(info);
            sp_err_set_string(&SpExc_IndexError, "tuple index out of range");
            return -1;
        }
        SpObject **fields[] = {&e->filename, &e->lineno, &e->offset, &e->text, &e->end_lineno,
                               &e->end_offset};
        for (ssize_t i = 0; i < m; i++) {
            SP_SETREF(*fields[i], sp_newref(SP_TUPLE_GET_ITEM(info, i)));
        }
        SP_DECREF(info);
    }
    return 0;
}

static SpObject *syntaxerror_str(SpObject *self) {
    SpSyntaxErrorObject *e = (SpSyntaxErrorObject *)self;
    SpObject *msg = e->msg ? e->msg : sp_None;
    // CPython shows only the last path component of the file name.
    SpObject *base = NULL;
    if (e->filename != NULL && SP_STR_CHECK(e->filename)) {
        ssize_t len = SP_STR_LENGTH(e->filename), i = len;
        while (i > 0 && SP_STR_READ_CHAR(e->filename, i - 1) != '/') {
            i--;
        }
        base = sp_str_substring(e->filename, i, len);
        if (base == NULL) {
            return NULL;
        }
    }
    int have_line = e->lineno != NULL && SP_INT_CHECK(e->lineno);
    SpObject *r;
    if (base && have_line) {
        r = sp_str_from_format("%S (%U, line %ld)", msg, base, sp_int_as_long(e->lineno));
    } else if (base) {
        r = sp_str_from_format("%S (%U)", msg, base);
    } else if (have_line) {
        r = sp_str_from_format("%S (line %ld)", msg, sp_int_as_long(e->lineno));
    } else {
        r = sp_object_str(msg);
    }
    SP_XDECREF(base);
    return r;
}

static SpMemberDef syntaxerror_members[] = {
    {"msg", SP_T_OBJECT, offsetof(SpSyntaxErrorObject, msg), 0, NULL},
    {"filename", SP_T_OBJECT, offsetof(SpSyntaxErrorObject, filename), 0, NULL},
    {"lineno", SP_T_OBJECT, offsetof(SpSyntaxErrorObject, lineno), 0, NULL},
    {"offset", SP_T_OBJECT, offsetof(SpSyntaxErrorObject, offset), 0, NULL},
    {"text", SP_T_OBJECT, offsetof(SpSyntaxErrorObject, text), 0, NULL},
    {"end_lineno", SP_T_OBJECT, offsetof(SpSyntaxErrorObject, end_lineno), 0, NULL},
    {"end_offset", SP_T_OBJECT, offsetof(SpSyntaxErrorObject, end_offset), 0, NULL},
    {"print_file_and_line", SP_T_OBJECT, offsetof(SpSyntaxErrorObject, print_file_and_line), 0,
     NULL},
    {NULL, 0, 0, 0, NULL},
};

// --- UnicodeDecodeError(encoding, object, start, end, reason) and friends ------

static int unicodeerror_init(SpObject *self, SpObject *args, SpObject *kwargs) {
    SpUnicodeErrorObject *e = (SpUnicodeErrorObject *)self;
    if (exc_init(self, args, kwargs) < 0) {
        return -1;
    }
    int translate = SP_OBJECT_TYPE_CHECK(self, &SpExc_UnicodeTranslateError);
    ssize_t want = translate ? 4 : 5;
    if (SP_TUPLE_SIZE(args) != want) {
        sp_err_format(&SpExc_TypeError, "function takes exactly %zd arguments (%zd given)", want,
                      SP_TUPLE_SIZE(args));
        return -1;
    }
    ssize_t k = 0;
    if (!translate) {
        SP_SETREF(e->encoding, sp_newref(SP_TUPLE_GET_ITEM(args, k++)));
    }
    SP_SETREF(e->object, sp_newref(SP_TUPLE_GET_ITEM(args, k++)));
    e->start = sp_number_as_ssize(SP_TUPLE_GET_ITEM(args, k++), NULL);
    e->end = sp_number_as_ssize(SP_TUPLE_GET_ITEM(args, k++), NULL);
    if (sp_err_occurred()) {
        return -1;
    }
    SP_SETREF(e->reason, sp_newref(SP_TUPLE_GET_ITEM(args, k)));
    return 0;
}

// The offending character as CPython names it: '\xe9', '\u20ac', '\U0001f600'.
static SpObject *unicodeerror_str(SpObject *self) {
    SpUnicodeErrorObject *e = (SpUnicodeErrorObject *)self;
    if (e->object == NULL || e->reason == NULL) {
        return sp_newref(sp_str_empty_borrow());
    }
    int decode = SP_OBJECT_TYPE_CHECK(self, &SpExc_UnicodeDecodeError);
    int translate = SP_OBJECT_TYPE_CHECK(self, &SpExc_UnicodeTranslateError);
    int single = e->end == e->start + 1;
    if (decode) {
        if (single && SP_BYTES_CHECK(e->object) && e->start >= 0 &&
            e->start < SP_BYTES_SIZE(e->object)) {
            unsigned char b = (unsigned char)SP_BYTES_DATA(e->object)[e->start];
            return sp_str_from_format("'%S' codec can't decode byte 0x%02x in position %zd: %S",
                                      e->encoding, b, e->start, e->reason);
        }
        return sp_str_from_format("'%S' codec can't decode bytes in position %zd-%zd: %S",
                                  e->encoding, e->start, e->end - 1, e->reason);
    }
    if (single && SP_STR_CHECK(e->object) && e->start >= 0 &&
        e->start < SP_STR_LENGTH(e->object)) {
        SpUCS4 c = SP_STR_READ_CHAR(e->object, e->start);
        const char *fmt = c < 0x100 ? "\\x%02x" : c < 0x10000 ? "\\u%04x" : "\\U%08x";
        char ch[16];
        snprintf(ch, sizeof ch, fmt, (unsigned)c);
        if (translate) {
            return sp_str_from_format("can't translate character '%s' in position %zd: %S", ch,
                                      e->start, e->reason);
        }
        return sp_str_from_format("'%S' codec can't encode character '%s' in position %zd: %S",
                                  e->encoding, ch, e->start, e->reason);
    }
    if (translate) {
        return sp_str_from_format("can't translate characters in position %zd-%zd: %S", e->start,
                                  e->end - 1, e->reason);
    }
    return sp_str_from_format("'%S' codec can't encode characters in position %zd-%zd: %S",
                              e->encoding, e->start, e->end - 1, e->reason);
}

static SpMemberDef unicodeerror_members[] = {
    {"encoding", SP_T_OBJECT, offsetof(SpUnicodeErrorObject, encoding), 0, NULL},
    {"object", SP_T_OBJECT, offsetof(SpUnicodeErrorObject, object), 0, NULL},
    {"start", SP_T_SSIZE, offsetof(SpUnicodeErrorObject, start), 0, NULL},
    {"end", SP_T_SSIZE, offsetof(SpUnicodeErrorObject, end), 0, NULL},
    {"reason", SP_T_OBJECT, offsetof(SpUnicodeErrorObject, reason), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

// ---------------------------------------------------------------------------

// Attach the per-type behaviour, then ready the types in list order (bases
// first), then preallocate the MemoryError that sp_err_no_memory raises
// without allocating.
int sp_exc_init_types(void) {
    SpExc_BaseException.tp_methods = exc_methods;
    SpExc_BaseException.tp_getset = exc_getset;
    SpExc_BaseException.tp_members = exc_members;
    SpExc_BaseException.tp_doc = "Common base class for all exceptions";

    SpExc_SystemExit.tp_init = systemexit_init;
    SpExc_SystemExit.tp_members = systemexit_members;
    SpExc_StopIteration.tp_init = stopiteration_init;
    SpExc_StopIteration.tp_members = stopiteration_members;
    SpExc_KeyError.tp_str = keyerror_str;
    SpExc_ImportError.tp_init = importerror_init;
    SpExc_ImportError.tp_str = importerror_str;
    SpExc_ImportError.tp_members = importerror_members;
    SpExc_AttributeError.tp_init = attributeerror_init;
    SpExc_AttributeError.tp_members = attributeerror_members;
    SpExc_NameError.tp_init = nameerror_init;
    SpExc_NameError.tp_members = nameerror_members;
    SpExc_OSError.tp_init = oserror_init;
    SpExc_OSError.tp_str = oserror_str;
    SpExc_OSError.tp_members = oserror_members;
    SpExc_SyntaxError.tp_init = syntaxerror_init;
    SpExc_SyntaxError.tp_str = syntaxerror_str;
    SpExc_SyntaxError.tp_members = syntaxerror_members;
    SpTypeObject *unicode[] = {&SpExc_UnicodeDecodeError, &SpExc_UnicodeEncodeError,
                               &SpExc_UnicodeTranslateError};
    for (int i = 0; i < 3; i++) {
        unicode[i]->tp_init = unicodeerror_init;
        unicode[i]->tp_str = unicodeerror_str;
        unicode[i]->tp_members = unicodeerror_members;
    }

    // Subclasses inherit the slots set above through sp_type_ready, but the
    // static initialisers already filled tp_init/tp_str with the base
    // versions: point them at the nearest ancestor's instead.
#define INHERIT_(name, base, st)                                          \
    if (&SpExc_##name != &SpExc_BaseException) {                          \
        SpTypeObject *t_ = &SpExc_##name, *b_ = t_->tp_base;              \
        if (t_->tp_init == exc_init) t_->tp_init = b_->tp_init;           \
        if (t_->tp_str == exc_str) t_->tp_str = b_->tp_str;               \
    }
    SP_EXCEPTION_TYPES(INHERIT_)
#undef INHERIT_

#define READY_(name, base, st)                 \
    if (sp_type_ready(&SpExc_##name) < 0) {    \
        return -1;                             \
    }
    SP_EXCEPTION_TYPES(READY_)
#undef READY_

    SpObject *args = sp_tuple_new(0);
    if (args == NULL) {
        return -1;
    }
    sp_exc_memory_error_instance = exc_new(&SpExc_MemoryError, args, NULL);
    SP_DECREF(args);
    return sp_exc_memory_error_instance ? 0 : -1;
}
