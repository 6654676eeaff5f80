// smallpy: module objects and the table of built-in modules.
// Counterpart: CPython 3.11 Objects/moduleobject.c, Python/import.c.
#ifndef SP_OBJECTS_MODULE_H
#define SP_OBJECTS_MODULE_H

#include "core/object.h"

typedef struct SpModuleObject {
    SP_OBJECT_HEAD;
    SpObject *md_dict;  // the module's namespace
    SpObject *md_name;  // str
} SpModuleObject;

extern SpTypeObject SpModule_Type;
#define SP_MODULE_CHECK(o) SP_OBJECT_TYPE_CHECK(o, &SpModule_Type)

// A new module named name with __name__, __doc__ (None), __package__,
// __loader__, __spec__ set. New reference or NULL.
SP_FUNC SP_MAY_RAISE SpObject *sp_module_new(const char *name);
// The module's dict, borrowed (valid while the module lives).
SP_FUNC SpObject *sp_module_dict_borrow(SpObject *module);
// Add built-in functions from a method table (bound to the module) and set
// module.name = value (borrowed). 0 or -1.
SP_FUNC SP_MAY_RAISE int sp_module_add_functions(SpObject *module, const struct SpMethodDef *ml);
SP_FUNC SP_MAY_RAISE int sp_module_add_object(SpObject *module, const char *name, SpObject *v);

// A built-in module: its name and the function that creates it.
typedef struct SpBuiltinModule {
    const char *name;
    SpObject *(*init)(void);  // new reference or NULL
} SpBuiltinModule;

// The sys.modules dict, borrowed.
SP_FUNC SpObject *sp_sys_modules_borrow(void);
// import name (absolute, built-in modules first, then NAME.py on sys.path).
// New reference or NULL with ModuleNotFoundError "No module named 'x'".
SP_FUNC SP_MAY_RAISE SpObject *sp_import_module(SpObject *name);

// 1 if name (a str) is in the table of built-in modules (their reprs say
// "(built-in)").
SP_FUNC int sp_import_is_builtin_name(SpObject *name);
// Import `name` relative to the package of `globals` at `level` with
// `fromlist`, as __import__ does. New reference or NULL.
SP_FUNC SP_MAY_RAISE SpObject *sp_import_module_level(SpObject *name, SpObject *globals,
                                                     SpObject *fromlist, int level);

#endif  // SP_OBJECTS_MODULE_H
