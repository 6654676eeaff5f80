// smallpy: functions, cells, bound methods, built-in functions and
// generators. Counterpart: CPython 3.11 Objects/funcobject.c,
// cellobject.c, classobject.c (bound methods), methodobject.c (built-in
// functions), genobject.c.
#ifndef SP_OBJECTS_FUNC_H
#define SP_OBJECTS_FUNC_H

#include "core/object.h"
#include "objects/code.h"

typedef struct SpFunctionObject {
    SP_OBJECT_HEAD;
    SpVectorcallFunc vectorcall;
    SpObject *func_globals;    // dict
    SpObject *func_builtins;   // dict
    SpObject *func_name;       // str
    SpObject *func_qualname;   // str
    SpObject *func_code;       // code
    SpObject *func_defaults;   // tuple or NULL
    SpObject *func_kwdefaults; // dict or NULL
    SpObject *func_closure;    // tuple of cells or NULL
    SpObject *func_doc;
    SpObject *func_dict;       // __dict__ or NULL
    SpObject *func_module;
    SpObject *func_annotations;
} SpFunctionObject;

typedef struct SpCellObject {
    SP_OBJECT_HEAD;
    SpObject *ob_ref;  // NULL when empty
} SpCellObject;

// A function bound to an instance: obj.method.
typedef struct SpMethodObject {
    SP_OBJECT_HEAD;
    SpObject *im_func;
    SpObject *im_self;
    SpVectorcallFunc vectorcall;
} SpMethodObject;

// A built-in function or a built-in method bound to its self (len,
// [].append). m_self is the module or the bound object (or NULL).
typedef struct SpCFunctionObject {
    SP_OBJECT_HEAD;
    const struct SpMethodDef *m_ml;
    SpObject *m_self;
    SpObject *m_module;  // str or NULL
    SpVectorcallFunc vectorcall;
} SpCFunctionObject;

extern SpTypeObject SpFunction_Type, SpCell_Type, SpMethod_Type, SpCFunction_Type,
    SpGenerator_Type;

#define SP_FUNCTION_CHECK(o) (SP_TYPE(o) == &SpFunction_Type)
#define SP_CFUNCTION_CHECK(o) (SP_TYPE(o) == &SpCFunction_Type)

// A function from a code object and globals (borrowed); qualname may be NULL
// (then code's). New reference or NULL.
SP_FUNC SP_MAY_RAISE SpObject *sp_function_new(SpObject *code, SpObject *globals,
                                              SpObject *qualname);
SP_FUNC SP_MAY_RAISE SpObject *sp_cell_new(SpObject *value);  // value may be NULL
SP_FUNC SP_MAY_RAISE SpObject *sp_method_new(SpObject *func, SpObject *self);
// A built-in function for the method table entry ml bound to self (may be
// NULL); module is a str or NULL. New reference or NULL.
SP_FUNC SP_MAY_RAISE SpObject *sp_cfunction_new(const struct SpMethodDef *ml, SpObject *self,
                                               SpObject *module);

// Argument checking for built-in functions (core/call.c), with CPython's
// messages: "len() takes exactly one argument (2 given)",
// "print() got an unexpected keyword argument 'x'".
// sp_arg_check_positional(name, nargs, min, max): 1 ok, 0 with TypeError.
SP_FUNC int sp_arg_check_positional(const char *name, ssize_t nargs, ssize_t min, ssize_t max);
// sp_arg_no_kwnames(name, kwnames): 1 if kwnames is NULL or empty, else 0
// with TypeError "name() takes no keyword arguments".
SP_FUNC int sp_arg_no_kwnames(const char *name, SpObject *kwnames);
// sp_arg_parse_kw(fname, args, nargs, kwnames, names, out, npos_min):
// bind positional and keyword arguments of a built-in with parameter names
// `names` (NULL-terminated; a leading "$" marks keyword-only parameters,
// "" a positional-only one). out[i] receives a *borrowed* reference or NULL
// when not given. 0, or -1 with CPython's TypeError.
SP_FUNC int sp_arg_parse_kw(const char *fname, SpObject *const *args, ssize_t nargs,
                            SpObject *kwnames, const char *const *names, SpObject **out,
                            ssize_t npos_min);

#endif  // SP_OBJECTS_FUNC_H
