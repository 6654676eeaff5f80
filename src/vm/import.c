// smallpy: the import system, small and eager: sys.modules, a table of
// built-in modules, then NAME.py or NAME/__init__.py in the directories of
// sys.path, compiled and run as a module. IMPORT_NAME, IMPORT_FROM,
// IMPORT_STAR and __import__ end up here. Counterpart: CPython 3.11
// Python/import.c and the path-based finder of Lib/importlib/_bootstrap*.py.
#define SP_VM_INTERNAL 1
#include "vm/frame.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "compiler/compiler.h"
#include "core/abstract.h"
#include "core/mem.h"
#include "modules/sys.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/none.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "vm/vm.h"

// The built-in modules. `init` returns a new module; NULL marks the ones
// sp_vm_init creates itself (sys, builtins): they are found in sys.modules,
// or in the copy kept below if a program removed them from there. Further
// built-in modules (math, time, ...) are added to this table.
static const SpBuiltinModule builtin_modules[] = {
    {"builtins", NULL},
    {"sys", NULL},
    {NULL, NULL},
};

static SpObject *modules;         // sys.modules
static SpObject *startup_modules; // sys and builtins as made at start-up
static SpObject *str_path;        // "__path__", interned

SpObject *sp_sys_modules_borrow(void) { return modules; }

int sp_import_init(void) {
    if (modules == NULL) {
        modules = sp_dict_new();
        startup_modules = sp_dict_new();
        str_path = sp_str_intern_cstr("__path__");
        if (modules == NULL || startup_modules == NULL || str_path == NULL) {
            return -1;
        }
    }
    return 0;
}

void sp_import_fini(void) {
    SP_CLEAR(modules);
    SP_CLEAR(startup_modules);
    SP_CLEAR(str_path);
}

// The table is short; a linear scan is fine.
static const SpBuiltinModule *find_builtin(SpObject *name) {
    for (const SpBuiltinModule *b = builtin_modules; b->name != NULL; b++) {
        if (sp_str_eq_cstr(name, b->name)) {
            return b;
        }
    }
    return NULL;
}

int sp_import_is_builtin_name(SpObject *name) { return find_builtin(name) != NULL; }

// ModuleNotFoundError(msg) with .name set.
static void module_not_found(SpObject *name, const char *fmt, SpObject *a, SpObject *b) {
    sp_err_format(&SpExc_ModuleNotFoundError, fmt, a, b);
    SpObject *exc = sp_err_occurred();
    if (exc != NULL && SP_EXC_CHECK(exc) &&
        sp_type_is_subtype(SP_TYPE(exc), &SpExc_ImportError)) {
        SpImportErrorObject *ie = (SpImportErrorObject *)exc;
        SP_INCREF(name);
        SP_SETREF(ie->name, name);
    }
}

// ---------------------------------------------------------------------------
// Loading source files.

// The file's bytes, NUL-terminated, in *len; NULL with OSError/ImportError.
// Source files are read whole; the compiler wants one buffer.
static char *read_file(const char *path, ssize_t *len) {
    FILE *fp = fopen(path, "rb");
    if (fp == NULL) {
        sp_err_format(&SpExc_ImportError, "cannot read %s", path);
        return NULL;
    }
    size_t cap = 4096, n = 0;
    char *buf = sp_mem_alloc(cap);
    while (buf != NULL) {
        size_t got = fread(buf + n, 1, cap - n - 1, fp);
        n += got;
        if (got == 0) {
            break;
        }
        if (cap - n - 1 == 0) {
            char *nb = sp_mem_realloc(buf, cap * 2);
            if (nb == NULL) {
                sp_mem_free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
    }
    fclose(fp);
    if (buf == NULL) {
        sp_err_no_memory();
        return NULL;
    }
    buf[n] = '\0';
    *len = (ssize_t)n;
    return buf;
}

// Run the source file at `path` as module `fullname`; for a package, pkgdir
// is its directory (becomes __path__). New reference or NULL.
static SpObject *load_source(SpObject *fullname, SpObject *path, SpObject *pkgdir) {
    const char *cpath = sp_str_as_utf8(path, NULL);
    if (cpath == NULL) {
        return NULL;
    }
    ssize_t len;
    char *src = read_file(cpath, &len);
    if (src == NULL) {
        return NULL;
    }
    // The file name in the code object is the path, as tracebacks show it.
    SpObject *code = sp_compile(src, len, path, SP_COMPILE_EXEC, 0, NULL);
    sp_mem_free(src);
    if (code == NULL) {
        return NULL;
    }
    const char *cname = sp_str_as_utf8(fullname, NULL);
    SpObject *m = cname ? sp_module_new(cname) : NULL;
    SpObject *result = NULL;
    if (m == NULL) {
        goto done;
    }
    SpObject *d = sp_module_dict_borrow(m);
    if (sp_dict_setitem(d, sp_id(__file__), path) < 0) {
        goto done;
    }
    // A package searches its own directory for submodules (__path__) and is
    // its own __package__, so its relative imports resolve inside it.
    if (pkgdir != NULL) {
        SpObject *p = sp_list_new(0);
        int r = p ? sp_list_append(p, pkgdir) : -1;
        if (r == 0) {
            r = sp_dict_setitem_str(d, "__path__", p);
        }
        SP_XDECREF(p);
        if (r < 0 || sp_dict_setitem(d, sp_id(__package__), fullname) < 0) {
            goto done;
        }
    } else {
        // __package__: the parent package's name ("" at top level).
        ssize_t n = SP_STR_LENGTH(fullname), dot = -1;
        for (ssize_t i = n - 1; i >= 0; i--) {
            if (SP_STR_READ_CHAR(fullname, i) == '.') {
                dot = i;
                break;
            }
        }
        SpObject *pkg = sp_str_substring(fullname, 0, dot < 0 ? 0 : dot);
        int r = pkg ? sp_dict_setitem(d, sp_id(__package__), pkg) : -1;
        SP_XDECREF(pkg);
        if (r < 0) {
            goto done;
        }
    }
    // Registered before running, so circular imports find it.
    if (sp_dict_setitem(modules, fullname, m) < 0) {
        goto done;
    }
    SpObject *res = sp_eval_code(code, d, d);
    if (res == NULL) {
        // A failed import leaves no half-initialised module behind.
        SpObject *exc = sp_err_fetch();
        if (sp_dict_getitem_borrow(modules, fullname) != NULL) {
            sp_dict_delitem(modules, fullname);
        }
        sp_err_restore_raw(exc);
        goto done;
    }
    SP_DECREF(res);
    // The module may have replaced itself in sys.modules while running.
    result = sp_dict_getitem_borrow(modules, fullname);
    if (result == NULL) {
        if (!sp_err_occurred()) {
            sp_err_format(&SpExc_ImportError, "Loaded module %U not found in sys.modules",
                          fullname);
        }
    } else {
        SP_INCREF(result);
    }
done:
    SP_XDECREF(m);
    SP_DECREF(code);
    return result;
}

// A readable regular file at path (directories fail fopen's read).
static int file_exists(SpObject *path) {
    const char *p = sp_str_as_utf8(path, NULL);
    if (p == NULL) {
        sp_err_clear();
        return 0;
    }
    FILE *fp = fopen(p, "rb");
    if (fp == NULL) {
        return 0;
    }
    fclose(fp);
    return 1;
}

// Look for `shortname` in the directories of `path` (a list of str) and
// load it as `fullname`. New reference, NULL with no exception if not
// found, NULL with one on failure.
static SpObject *find_and_load(SpObject *fullname, SpObject *shortname, SpObject *path) {
    if (path == NULL || !SP_LIST_CHECK(path)) {
        return NULL;
    }
    for (ssize_t i = 0; i < SP_LIST_SIZE(path); i++) {
        SpObject *dir = SP_LIST_GET_ITEM(path, i);
        if (!SP_STR_CHECK(dir)) {
            continue;
        }
        SpObject *base;
        // "" means the current directory; __file__ is made absolute, as
        // CPython's path finder does.
        if (SP_STR_LENGTH(dir) == 0) {
            char cwd[4096];
            if (getcwd(cwd, sizeof cwd) == NULL) {
                continue;
            }
            base = sp_str_from_format("%s/%U", cwd, shortname);
        } else {
            base = sp_str_from_format("%U/%U", dir, shortname);
        }
        if (base == NULL) {
            return NULL;
        }
        SpObject *init = sp_str_from_format("%U/__init__.py", base);
        if (init == NULL) {
            SP_DECREF(base);
            return NULL;
        }
        // A package directory wins over a module file of the same name.
        if (file_exists(init)) {
            SpObject *m = load_source(fullname, init, base);
            SP_DECREF(init);
            SP_DECREF(base);
            return m;
        }
        SP_DECREF(init);
        SpObject *file = sp_str_from_format("%U.py", base);
        SP_DECREF(base);
        if (file == NULL) {
            return NULL;
        }
        if (file_exists(file)) {
            SpObject *m = load_source(fullname, file, NULL);
            SP_DECREF(file);
            return m;
        }
        SP_DECREF(file);
    }
    return NULL;
}

// Index of the last '.' in a dotted name, or -1.
static ssize_t last_dot(SpObject *s) {
    for (ssize_t i = SP_STR_LENGTH(s) - 1; i >= 0; i--) {
        if (SP_STR_READ_CHAR(s, i) == '.') {
            return i;
        }
    }
    return -1;
}

SpObject *sp_import_module(SpObject *name) {
    SpObject *m = sp_dict_getitem_borrow(modules, name);
    if (m != NULL) {
        if (m == sp_None) {
            module_not_found(name, "import of %U halted; None in sys.modules", name, NULL);
            return NULL;
        }
        return sp_newref(m);
    }
    if (sp_err_occurred()) {
        return NULL;
    }
    ssize_t dot = last_dot(name);
    if (dot >= 0) {
        // a.b.c: import the parent package, then look in its __path__.
        SpObject *parent_name = sp_str_substring(name, 0, dot);
        SpObject *child = sp_str_substring(name, dot + 1, SP_STR_LENGTH(name));
        SpObject *parent = parent_name ? sp_import_module(parent_name) : NULL;
        SpObject *result = NULL;
        if (parent != NULL && child != NULL) {
            // Importing the parent may have imported us.
            result = sp_dict_getitem_borrow(modules, name);
            if (result != NULL) {
                SP_INCREF(result);
            } else {
                SpObject *path = sp_object_lookup_attr(parent, str_path);
                if (path == NULL) {
                    if (!sp_err_occurred()) {
                        module_not_found(name, "No module named %R; %R is not a package", name,
                                         parent_name);
                    }
                } else {
                    result = find_and_load(name, child, path);
                    SP_DECREF(path);
                    if (result == NULL && !sp_err_occurred()) {
                        module_not_found(name, "No module named %R", name, NULL);
                    }
                    if (result != NULL && sp_object_setattr(parent, child, result) < 0) {
                        SP_CLEAR(result);
                    }
                }
            }
        }
        SP_XDECREF(parent);
        SP_XDECREF(parent_name);
        SP_XDECREF(child);
        return result;
    }
    const SpBuiltinModule *b = find_builtin(name);
    if (b != NULL) {
        if (b->init == NULL) {
            m = sp_dict_getitem_borrow(startup_modules, name);
            if (m == NULL) {
                module_not_found(name, "No module named %R", name, NULL);
                return NULL;
            }
            SP_INCREF(m);
        } else {
            m = b->init();
            if (m == NULL) {
                return NULL;
            }
        }
        if (sp_dict_setitem(modules, name, m) < 0) {
            SP_DECREF(m);
            return NULL;
        }
        return m;
    }
    m = find_and_load(name, name, sp_sys_get_borrow("path"));
    if (m == NULL && !sp_err_occurred()) {
        module_not_found(name, "No module named %R", name, NULL);
    }
    return m;
}

// Remember the start-up modules (sys, builtins) and register them.
int sp_import_register_startup(const char *name, SpObject *m) {
    if (sp_dict_setitem_str(startup_modules, name, m) < 0) {
        return -1;
    }
    return sp_dict_setitem_str(modules, name, m);
}

// ---------------------------------------------------------------------------
// __import__ and the IMPORT_* instructions.

// The package relative imports in `globals` start from: __package__, else
// derived from __name__ (and __path__). New str, or NULL with ImportError.
static SpObject *calc_package(SpObject *globals) {
    SpObject *pkg = globals ? sp_dict_getitem_borrow(globals, sp_id(__package__)) : NULL;
    if (pkg != NULL && pkg != sp_None) {
        if (!SP_STR_CHECK(pkg)) {
            sp_err_set_string(&SpExc_TypeError, "package must be a string");
            return NULL;
        }
        return sp_newref(pkg);
    }
    SpObject *name = globals ? sp_dict_getitem_borrow(globals, sp_id(__name__)) : NULL;
    if (name == NULL || !SP_STR_CHECK(name)) {
        return sp_str_from_cstr("");
    }
    if (sp_dict_getitem_str_borrow(globals, "__path__") != NULL) {
        return sp_newref(name);
    }
    ssize_t dot = last_dot(name);
    return sp_str_substring(name, 0, dot < 0 ? 0 : dot);
}

// The absolute name for (name, level) seen from `globals`. New str or NULL.
static SpObject *resolve_name(SpObject *name, SpObject *globals, int level) {
    SpObject *pkg = calc_package(globals);
    if (pkg == NULL) {
        return NULL;
    }
    if (SP_STR_LENGTH(pkg) == 0) {
        SP_DECREF(pkg);
        sp_err_set_string(&SpExc_ImportError,
                          "attempted relative import with no known parent package");
        return NULL;
    }
    SpObject *base = pkg;
    for (int i = 1; i < level; i++) {
        ssize_t dot = last_dot(base);
        if (dot < 0) {
            SP_DECREF(base);
            sp_err_set_string(&SpExc_ImportError,
                              "attempted relative import beyond top-level package");
            return NULL;
        }
        SpObject *shorter = sp_str_substring(base, 0, dot);
        SP_DECREF(base);
        if (shorter == NULL) {
            return NULL;
        }
        base = shorter;
    }
    if (SP_STR_LENGTH(name) == 0) {
        return base;
    }
    SpObject *abs = sp_str_from_format("%U.%U", base, name);
    SP_DECREF(base);
    return abs;
}

SpObject *sp_import_module_level(SpObject *name, SpObject *globals, SpObject *fromlist,
                                 int level) {
    if (level < 0) {
        sp_err_set_string(&SpExc_ValueError, "level must be >= 0");
        return NULL;
    }
    SpObject *absname;
    if (level > 0) {
        absname = resolve_name(name, globals, level);
        if (absname == NULL) {
            return NULL;
        }
    } else {
        if (SP_STR_LENGTH(name) == 0) {
            sp_err_set_string(&SpExc_ValueError, "Empty module name");
            return NULL;
        }
        absname = sp_newref(name);
    }
    SpObject *mod = sp_import_module(absname);
    if (mod == NULL) {
        SP_DECREF(absname);
        return NULL;
    }
    // Without a fromlist, `import a.b.c` binds the top package a; with one,
    // the module itself is returned and the names in fromlist that are
    // submodules get imported, so IMPORT_FROM finds them.
    int has_from = fromlist != NULL && fromlist != sp_None && sp_object_is_true(fromlist) > 0;
    if (!has_from) {
        ssize_t dot = -1;
        for (ssize_t i = 0; i < SP_STR_LENGTH(name); i++) {
            if (SP_STR_READ_CHAR(name, i) == '.') {
                dot = i;
                break;
            }
        }
        if (dot < 0) {
            SP_DECREF(absname);
            return mod;
        }
        // `import a.b.c` binds a: the top of the chain we were asked for.
        ssize_t cut = SP_STR_LENGTH(absname) - (SP_STR_LENGTH(name) - dot);
        SpObject *front = sp_str_substring(absname, 0, cut);
        SP_DECREF(absname);
        SP_DECREF(mod);
        if (front == NULL) {
            return NULL;
        }
        SpObject *top = sp_dict_getitem_borrow(modules, front);
        if (top == NULL) {
            module_not_found(front, "No module named %R", front, NULL);
        } else {
            SP_INCREF(top);
        }
        SP_DECREF(front);
        return top;
    }
    // from package import submodule: import the submodules not yet present.
    SpObject *path = sp_object_lookup_attr(mod, str_path);
    if (path != NULL) {
        SP_DECREF(path);
        SpObject *items = sp_sequence_tuple(fromlist);
        if (items == NULL) {
            goto fail;
        }
        for (ssize_t i = 0; i < SP_TUPLE_SIZE(items); i++) {
            SpObject *x = SP_TUPLE_GET_ITEM(items, i);
            if (!SP_STR_CHECK(x) || sp_str_eq_cstr(x, "*")) {
                continue;
            }
            SpObject *have = sp_object_lookup_attr(mod, x);
            if (have != NULL) {
                SP_DECREF(have);
                continue;
            }
            if (sp_err_occurred()) {
                SP_DECREF(items);
                goto fail;
            }
            SpObject *sub = sp_str_from_format("%U.%U", absname, x);
            SpObject *sm = sub ? sp_import_module(sub) : NULL;
            if (sm == NULL && sp_err_matches_type(&SpExc_ModuleNotFoundError)) {
                sp_err_clear();  // left for IMPORT_FROM to report
            }
            SP_XDECREF(sm);
            SP_XDECREF(sub);
            if (sp_err_occurred()) {
                SP_DECREF(items);
                goto fail;
            }
        }
        SP_DECREF(items);
    } else if (sp_err_occurred()) {
        goto fail;
    }
    SP_DECREF(absname);
    return mod;
fail:
    SP_DECREF(absname);
    SP_DECREF(mod);
    return NULL;
}

SpObject *sp_builtin_import(SpObject *self, SpObject *const *args, ssize_t nargs,
                            SpObject *kwnames) {
    static const char *const names[] = {"name", "globals", "locals", "fromlist", "level", NULL};
    SpObject *out[5] = {NULL, NULL, NULL, NULL, NULL};
    if (sp_arg_parse_kw("__import__", args, nargs, kwnames, names, out, 1) < 0) {
        return NULL;
    }
    if (!SP_STR_CHECK(out[0])) {
        sp_err_format(&SpExc_TypeError, "module name must be str, not %s",
                      sp_object_type_name(out[0]));
        return NULL;
    }
    long level = 0;
    if (out[4] != NULL) {
        level = sp_int_as_long(out[4]);
        if (level == -1 && sp_err_occurred()) {
            return NULL;
        }
    }
    SpObject *globals = out[1] != NULL && SP_DICT_CHECK(out[1]) ? out[1] : NULL;
    return sp_import_module_level(out[0], globals, out[3], (int)level);
}

// IMPORT_NAME: through builtins.__import__ so that programs may replace
// it; the built-in one is recognised and called directly.
SpObject *sp_vm_import_name(SpFrame *f, SpObject *name, SpObject *fromlist, SpObject *level) {
    SpObject *import = sp_dict_getitem_borrow(f->builtins, sp_id(__import__));
    if (import == NULL) {
        if (!sp_err_occurred()) {
            sp_err_set_string(&SpExc_ImportError, "__import__ not found");
        }
        return NULL;
    }
    long lvl = SP_INT_CHECK(level) ? sp_int_as_long(level) : 0;
    if (lvl == -1 && sp_err_occurred()) {
        return NULL;
    }
    // The usual case skips building an argument list for __import__.
    if (SP_CFUNCTION_CHECK(import) &&
        ((SpCFunctionObject *)import)->m_ml->ml_meth == SP_METH(sp_builtin_import)) {
        return sp_import_module_level(name, f->globals, fromlist, (int)lvl);
    }
    SpObject *args[5] = {name, f->globals, f->locals ? f->locals : sp_None, fromlist, level};
    return sp_vectorcall(import, args, 5, NULL);
}

// IMPORT_FROM: the attribute, else a submodule already in sys.modules
// (a package importing its submodules), else 3.11's ImportError with the
// module's file or "unknown location".
SpObject *sp_vm_import_from(SpObject *module, SpObject *name) {
    SpObject *v = sp_object_lookup_attr(module, name);
    if (v != NULL || sp_err_occurred()) {
        return v;
    }
    // A submodule imported under the package's name but not yet bound.
    SpObject *pkgname = sp_object_lookup_attr(module, sp_id(__name__));
    if (pkgname == NULL && sp_err_occurred()) {
        return NULL;
    }
    if (pkgname != NULL && SP_STR_CHECK(pkgname)) {
        SpObject *full = sp_str_from_format("%U.%U", pkgname, name);
        if (full == NULL) {
            SP_DECREF(pkgname);
            return NULL;
        }
        v = sp_dict_getitem_borrow(modules, full);
        SP_DECREF(full);
        if (v != NULL) {
            SP_DECREF(pkgname);
            return sp_newref(v);
        }
    }
    SpObject *path = sp_object_lookup_attr(module, sp_id(__file__));
    sp_err_clear();
    SpObject *shown = pkgname != NULL && SP_STR_CHECK(pkgname)
                          ? sp_newref(pkgname)
                          : sp_str_from_cstr("<unknown module name>");
    if (shown != NULL) {
        if (path != NULL && SP_STR_CHECK(path)) {
            sp_err_format(&SpExc_ImportError, "cannot import name %R from %R (%U)", name, shown,
                          path);
        } else {
            sp_err_format(&SpExc_ImportError, "cannot import name %R from %R (unknown location)",
                          name, shown);
        }
        SpObject *exc = sp_err_occurred();
        if (exc != NULL && SP_TYPE(exc) == &SpExc_ImportError) {
            SpImportErrorObject *ie = (SpImportErrorObject *)exc;
            SP_INCREF(shown);
            SP_SETREF(ie->name, shown);
            if (path != NULL) {
                SP_INCREF(path);
                SP_SETREF(ie->path, path);
            }
        }
        SP_DECREF(shown);
    }
    SP_XDECREF(path);
    SP_XDECREF(pkgname);
    return NULL;
}

// IMPORT_STAR: the names of __all__, else every public name of the
// module's dict, bound in the importing namespace.
int sp_vm_import_star(SpFrame *f, SpObject *module) {
    if (f->locals == NULL) {
        sp_err_set_string(&SpExc_SystemError, "no locals found during 'import *'");
        return -1;
    }
    int skip_private = 0;
    SpObject *names = sp_object_lookup_attr(module, sp_id(__all__));
    if (names == NULL) {
        if (sp_err_occurred()) {
            return -1;
        }
        SpObject *dict = sp_object_lookup_attr(module, sp_id(__dict__));
        if (dict == NULL) {
            if (!sp_err_occurred()) {
                sp_err_set_string(&SpExc_ImportError,
                                  "from-import-* object has no __dict__ and no __all__");
            }
            return -1;
        }
        names = SP_DICT_CHECK(dict) ? sp_dict_keys(dict) : sp_sequence_list(dict);
        SP_DECREF(dict);
        if (names == NULL) {
            return -1;
        }
        skip_private = 1;
    }
    SpObject *seq = sp_sequence_tuple(names);
    SP_DECREF(names);
    if (seq == NULL) {
        return -1;
    }
    int err = 0;
    for (ssize_t i = 0; i < SP_TUPLE_SIZE(seq) && err == 0; i++) {
        SpObject *name = SP_TUPLE_GET_ITEM(seq, i);
        if (!SP_STR_CHECK(name)) {
            SpObject *mname = sp_object_lookup_attr(module, sp_id(__name__));
            sp_err_clear();
            sp_err_format(&SpExc_TypeError, "%s in %S.%s must be str, not %s",
                          skip_private ? "Key" : "Item", mname ? mname : sp_None,
                          skip_private ? "__dict__" : "__all__", sp_object_type_name(name));
            SP_XDECREF(mname);
            err = -1;
            break;
        }
        if (skip_private && SP_STR_LENGTH(name) > 0 && SP_STR_READ_CHAR(name, 0) == '_') {
            continue;
        }
        SpObject *v = sp_object_getattr(module, name);
        if (v == NULL) {
            err = -1;
            break;
        }
        err = SP_DICT_CHECK_EXACT(f->locals) ? sp_dict_setitem(f->locals, name, v)
                                             : sp_object_setitem(f->locals, name, v);
        SP_DECREF(v);
    }
    SP_DECREF(seq);
    return err;
}
