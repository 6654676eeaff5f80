// smallpy: the sys module and the standard text streams behind
// sys.stdin/stdout/stderr. Counterpart: CPython 3.11 Python/sysmodule.c and,
// for the streams, the text layer of Modules/_io (much reduced: UTF-8 only,
// stdio underneath).
#include "modules/sys.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/abstract.h"
#include "core/err.h"
#include "core/gc.h"
#include "core/mem.h"
#include "core/options.h"
#include "modules/structseq.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/func.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/none.h"
#include "objects/str.h"
#include "objects/traceback.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "vm/vm.h"

static SpObject *sys_module;   // strong reference, for the process lifetime
static SpObject *sys_dict;     // borrowed from sys_module

// ===========================================================================
// Text streams

// A text stream over a C FILE: UTF-8 in and out, no newline translation.
// stdio does the buffering, which already matches CPython's choices: stdout
// is line buffered on a terminal and block buffered in a pipe; stderr is
// flushed at each newline (write() below), as CPython 3.9+ does.
typedef struct SpTextFile {
    SP_OBJECT_HEAD;
    FILE *fp;
    SpObject *name;  // '<stdout>'
    const char *mode;
    int closed;
} SpTextFile;

static SpTypeObject SpTextFile_Type;

static SpObject *textfile_new(FILE *fp, const char *name, const char *mode) {
    SpTextFile *f = (SpTextFile *)sp_object_alloc(&SpTextFile_Type, 0);
    if (f == NULL) {
        return NULL;
    }
    f->fp = fp;
    f->mode = mode;
    f->name = sp_str_from_cstr(name);
    if (f->name == NULL) {
        SP_DECREF(f);
        return NULL;
    }
    return (SpObject *)f;
}

static void textfile_dealloc(SpObject *self) {
    SpTextFile *f = (SpTextFile *)self;
    if (f->fp != NULL) {
        fflush(f->fp);
    }
    SP_XDECREF(f->name);
    sp_object_free(self);
}

static int check_open(SpTextFile *f) {
    if (f->closed) {
        sp_err_set_string(&SpExc_ValueError, "I/O operation on closed file.");
        return -1;
    }
    return 0;
}

// write(s): only str is accepted (TypeError otherwise, as TextIOWrapper);
// returns the number of characters written, not bytes.
static SpObject *textfile_write(SpObject *self, SpObject *s) {
    SpTextFile *f = (SpTextFile *)self;
    if (check_open(f) < 0) {
        return NULL;
    }
    if (!SP_STR_CHECK(s)) {
        return sp_err_format(&SpExc_TypeError, "write() argument must be str, not %s",
                             sp_object_type_name(s));
    }
    ssize_t n;
    const char *u = sp_str_as_utf8(s, &n);
    if (u == NULL) {
        return NULL;
    }
    if (n > 0 && fwrite(u, 1, (size_t)n, f->fp) != (size_t)n) {
        return sp_err_format(&SpExc_OSError, "write failed");
    }
    // stderr is line buffered in CPython 3.9+: flush at each newline.
    if (f->fp == stderr && memchr(u, '\n', (size_t)n) != NULL) {
        fflush(stderr);
    }
    return sp_int_from_ssize(SP_STR_LENGTH(s));
}

static SpObject *textfile_flush(SpObject *self, SpObject *unused) {
    SpTextFile *f = (SpTextFile *)self;
    if (!f->closed) {
        fflush(f->fp);
    }
    SP_RETURN_NONE;
}

// Read one line (size < 0: unlimited). "" at end of file.
static SpObject *read_line(SpTextFile *f, ssize_t size) {
    char *buf = NULL;
    size_t cap = 0;
    ssize_t n;
    errno = 0;
    while ((n = getline(&buf, &cap, f->fp)) < 0 && errno == EINTR) {
        clearerr(f->fp);
        if (sp_tstate.signal_pending) {
            sp_tstate.signal_pending = 0;
            free(buf);
            sp_err_set_none(&SpExc_KeyboardInterrupt);
            return NULL;
        }
    }
    if (n < 0) {
        free(buf);
        return sp_newref(sp_str_empty_borrow());
    }
    (void)size;
    SpObject *r = sp_str_from_utf8(buf, n);
    free(buf);
    return r;
}

// readline([size]): the size hint is accepted and ignored; lines come back
// whole, newline included, and "" means end of file.
static SpObject *textfile_readline(SpObject *self, SpObject *const *args, ssize_t nargs,
                                   SpObject *kwnames) {
    SpTextFile *f = (SpTextFile *)self;
    if (!sp_arg_no_kwnames("readline", kwnames) ||
        !sp_arg_check_positional("readline", nargs, 0, 1) || check_open(f) < 0) {
        return NULL;
    }
    ssize_t size = -1;
    if (nargs == 1 && args[0] != sp_None) {
        size = sp_number_as_ssize(args[0], &SpExc_OverflowError);
        if (size == -1 && sp_err_occurred()) {
            return NULL;
        }
    }
    return read_line(f, size);
}

// read(): the rest of the stream as one str.
static SpObject *textfile_read(SpObject *self, SpObject *const *args, ssize_t nargs,
                               SpObject *kwnames) {
    SpTextFile *f = (SpTextFile *)self;
    if (!sp_arg_no_kwnames("read", kwnames) || !sp_arg_check_positional("read", nargs, 0, 1) ||
        check_open(f) < 0) {
        return NULL;
    }
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    if (buf == NULL) {
        return sp_err_no_memory();
    }
    size_t got;
    while ((got = fread(buf + n, 1, cap - n, f->fp)) > 0) {
        n += got;
        if (n == cap) {
            char *nb = realloc(buf, cap *= 2);
            if (nb == NULL) {
                free(buf);
                return sp_err_no_memory();
            }
            buf = nb;
        }
    }
    SpObject *r = sp_str_from_utf8(buf, (ssize_t)n);
    free(buf);
    return r;
}

static SpObject *textfile_fileno(SpObject *self, SpObject *unused) {
    return sp_int_from_long(fileno(((SpTextFile *)self)->fp));
}

static SpObject *textfile_isatty(SpObject *self, SpObject *unused) {
    return sp_bool_from_long(isatty(fileno(((SpTextFile *)self)->fp)));
}

static SpObject *textfile_close(SpObject *self, SpObject *unused) {
    SpTextFile *f = (SpTextFile *)self;
    if (!f->closed) {
        fflush(f->fp);
        f->closed = 1;
    }
    SP_RETURN_NONE;
}

static SpObject *textfile_writable(SpObject *self, SpObject *unused) {
    return sp_bool_from_long(((SpTextFile *)self)->mode[0] == 'w');
}

static SpObject *textfile_readable(SpObject *self, SpObject *unused) {
    return sp_bool_from_long(((SpTextFile *)self)->mode[0] == 'r');
}

static SpObject *textfile_repr(SpObject *self) {
    SpTextFile *f = (SpTextFile *)self;
    return sp_str_from_format("<_io.TextIOWrapper name=%R mode='%s' encoding='utf-8'>", f->name,
                              f->mode);
}

static SpObject *textfile_get_closed(SpObject *self, void *c) {
    return sp_bool_from_long(((SpTextFile *)self)->closed);
}
static SpObject *textfile_get_encoding(SpObject *self, void *c) {
    return sp_str_from_cstr("utf-8");
}
static SpObject *textfile_get_mode(SpObject *self, void *c) {
    return sp_str_from_cstr(((SpTextFile *)self)->mode);
}
static SpObject *textfile_get_errors(SpObject *self, void *c) {
    return sp_str_from_cstr(((SpTextFile *)self)->fp == stderr ? "backslashreplace" : "strict");
}

static SpMethodDef textfile_methods[] = {
    {"write", SP_METH(textfile_write), SP_METH_O, NULL},
    {"flush", SP_METH(textfile_flush), SP_METH_NOARGS, NULL},
    {"readline", SP_METH(textfile_readline), SP_METH_FASTCALL, NULL},
    {"read", SP_METH(textfile_read), SP_METH_FASTCALL, NULL},
    {"fileno", SP_METH(textfile_fileno), SP_METH_NOARGS, NULL},
    {"isatty", SP_METH(textfile_isatty), SP_METH_NOARGS, NULL},
    {"close", SP_METH(textfile_close), SP_METH_NOARGS, NULL},
    {"writable", SP_METH(textfile_writable), SP_METH_NOARGS, NULL},
    {"readable", SP_METH(textfile_readable), SP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static SpMemberDef textfile_members[] = {
    {"name", SP_T_OBJECT, offsetof(SpTextFile, name), SP_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static SpGetSetDef textfile_getset[] = {
    {"closed", textfile_get_closed, NULL, NULL, NULL},
    {"encoding", textfile_get_encoding, NULL, NULL, NULL},
    {"mode", textfile_get_mode, NULL, NULL, NULL},
    {"errors", textfile_get_errors, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static SpTypeObject SpTextFile_Type = {
    SP_TYPE_HEAD_INIT,
    .tp_name = "_io.TextIOWrapper",
    .tp_basicsize = sizeof(SpTextFile),
    .tp_dealloc = textfile_dealloc,
    .tp_repr = textfile_repr,
    .tp_methods = textfile_methods,
    .tp_members = textfile_members,
    .tp_getset = textfile_getset,
    .tp_free = sp_object_free,
};

// ---------------------------------------------------------------------------
// Writing through whatever object sys.stdout / sys.stderr currently is

// Fast path for our own streams; anything else assigned to sys.stdout (a
// user object with a write method) is called through the method.
int sp_file_write_object(SpObject *file, SpObject *s) {
    if (SP_TYPE(file) == &SpTextFile_Type) {
        SpObject *r = textfile_write(file, s);
        SP_XDECREF(r);
        return r ? 0 : -1;
    }
    SpObject *r = sp_call_method_str(file, "write", &s, 1);
    SP_XDECREF(r);
    return r ? 0 : -1;
}

int sp_file_write_cstr(SpObject *file, const char *s) {
    SpObject *o = sp_str_from_utf8(s, -1);
    if (o == NULL) {
        return -1;
    }
    int r = sp_file_write_object(file, o);
    SP_DECREF(o);
    return r;
}

// Write to sys.<name>; when it is missing or None (a program may delete it)
// fall back to the C stream so that error reports are never lost.
static int write_std(const char *name, FILE *fallback, const char *s) {
    SpObject *f = sp_sys_get_borrow(name);
    if (f == NULL || f == sp_None) {
        fputs(s, fallback);
        return 0;
    }
    return sp_file_write_cstr(f, s);
}

int sp_sys_write_stdout(const char *s) { return write_std("stdout", stdout, s); }
int sp_sys_write_stderr(const char *s) { return write_std("stderr", stderr, s); }

SpObject *sp_sys_readline_stdin(void) {
    SpObject *f = sp_sys_get_borrow("stdin");
    if (f == NULL || f == sp_None) {
        return sp_err_format(&SpExc_RuntimeError, "input(): lost sys.stdin");
    }
    if (SP_TYPE(f) == &SpTextFile_Type) {
        if (check_open((SpTextFile *)f) < 0) {
            return NULL;
        }
        return read_line((SpTextFile *)f, -1);
    }
    return sp_call_method_str(f, "readline", NULL, 0);
}

void sp_sys_flush_std(void) {
    // Flushing must not disturb an exception already being raised.
    SpObject *pending = sp_err_fetch();
    const char *names[] = {"stdout", "stderr"};
    for (int i = 0; i < 2; i++) {
        SpObject *f = sys_dict ? sp_sys_get_borrow(names[i]) : NULL;
        if (f != NULL && f != sp_None) {
            SpObject *r = sp_call_method_str(f, "flush", NULL, 0);
            SP_XDECREF(r);
            sp_err_clear();
        }
    }
    fflush(stdout);
    fflush(stderr);
    sp_err_restore(pending);
}

// ===========================================================================
// sys functions

SpObject *sp_sys_get_borrow(const char *name) {
    if (sys_dict == NULL) {
        return NULL;
    }
    SpObject *v = sp_dict_getitem_str_borrow(sys_dict, name);
    return v;
}

// getrefcount(o): the real count. The argument itself holds one reference
// while the call runs (the caller's stack slot), exactly as in CPython, so
// differences between two calls mean the same thing on both.
static SpObject *sys_getrefcount(SpObject *self, SpObject *o) {
    return sp_int_from_ssize(SP_REFCNT(o));
}

// getsizeof(o[, default]): o.__sizeof__() plus the GC header of containers.
static SpObject *sys_getsizeof(SpObject *self, SpObject *const *args, ssize_t nargs,
                               SpObject *kwnames) {
    static const char *const names[] = {"object", "default", NULL};
    SpObject *a[2] = {NULL, NULL};
    if (sp_arg_parse_kw("getsizeof", args, nargs, kwnames, names, a, 1) < 0) {
        return NULL;
    }
    // __sizeof__ is looked up on the type, as every special method.
    int found = 0;
    SpObject *r = sp_call_special(a[0], sp_id(__sizeof__), NULL, 0, &found);
    if (r == NULL) {
        if (!found && !sp_err_occurred()) {
            sp_err_format(&SpExc_TypeError, "Type %s doesn't define __sizeof__",
                          sp_object_type_name(a[0]));
        }
        if (a[1] != NULL && sp_err_matches_type(&SpExc_TypeError)) {
            sp_err_clear();
            return sp_newref(a[1]);
        }
        return NULL;
    }
    if (!SP_INT_CHECK(r)) {
        SP_DECREF(r);
        return sp_err_format(&SpExc_TypeError, "an integer is required");
    }
    ssize_t size = sp_int_as_ssize(r);
    SP_DECREF(r);
    if (size == -1 && sp_err_occurred()) {
        return NULL;
    }
    if (size < 0) {
        return sp_err_format(&SpExc_ValueError, "__sizeof__() should return >= 0");
    }
    if (SP_OBJECT_IS_GC(a[0])) {
        size += (ssize_t)sizeof(SpGCHead);
    }
    return sp_int_from_ssize(size);
}

// exit([code]): raises SystemExit; main.c turns its code into the status.
static SpObject *sys_exit(SpObject *self, SpObject *const *args, ssize_t nargs,
                          SpObject *kwnames) {
    if (!sp_arg_no_kwnames("exit", kwnames) || !sp_arg_check_positional("exit", nargs, 0, 1)) {
        return NULL;
    }
    sp_err_set_object(&SpExc_SystemExit, nargs ? args[0] : NULL);
    return NULL;
}

static SpObject *sys_getrecursionlimit(SpObject *self, SpObject *unused) {
    return sp_int_from_long(sp_tstate.recursion_limit);
}

// setrecursionlimit(n): the VM checks Python-level depth against it; CPython
// 3.11 refuses a limit at or below the current depth.
static SpObject *sys_setrecursionlimit(SpObject *self, SpObject *arg) {
    if (!SP_INT_CHECK(arg)) {
        return sp_err_format(&SpExc_TypeError, "'%s' object cannot be interpreted as an integer",
                             sp_object_type_name(arg));
    }
    int overflow;
    long n = sp_int_as_long_and_overflow(arg, &overflow);
    if (overflow || n > INT_MAX) {
        return sp_err_format(&SpExc_OverflowError, "Python int too large to convert to C int");
    }
    if (n < 1) {
        return sp_err_format(&SpExc_ValueError, "recursion limit must be greater or equal than 1");
    }
    if (n <= sp_tstate.recursion_depth) {
        return sp_err_format(&SpExc_RecursionError,
                             "cannot set the recursion limit to %ld at the recursion depth %d: "
                             "the limit is too low", n, sp_tstate.recursion_depth);
    }
    sp_tstate.recursion_limit = (int)n;
    SP_RETURN_NONE;
}

static SpObject *sys_exception(SpObject *self, SpObject *unused) {
    return sp_newref(sp_tstate.exc_info ? sp_tstate.exc_info : sp_None);
}

static SpObject *sys_exc_info(SpObject *self, SpObject *unused) {
    SpObject *e = sp_tstate.exc_info;
    if (e == NULL) {
        return sp_tuple_pack(3, sp_None, sp_None, sp_None);
    }
    SpObject *tb = sp_exc_get_traceback_borrow(e);
    return sp_tuple_pack(3, (SpObject *)SP_TYPE(e), e, tb ? tb : sp_None);
}

// The REPL's echo: None prints nothing; other values print their repr and
// become builtins._ (cleared first, so a failing repr leaves _ unset).
int sp_sys_displayhook(SpObject *v) {
    if (v == sp_None) {
        return 0;
    }
    SpObject *builtins = sp_builtins_dict_borrow();
    // `_` is cleared first so that repr() can't see the old value.
    if (sp_dict_setitem_str(builtins, "_", sp_None) < 0) {
        return -1;
    }
    SpObject *r = sp_object_repr(v);
    if (r == NULL) {
        return -1;
    }
    SpObject *out = sp_sys_get_borrow("stdout");
    if (out == NULL || out == sp_None) {
        SP_DECREF(r);
        sp_err_set_string(&SpExc_RuntimeError, "lost sys.stdout");
        return -1;
    }
    int rc = sp_file_write_object(out, r);
    SP_DECREF(r);
    if (rc < 0 || sp_file_write_cstr(out, "\n") < 0) {
        return -1;
    }
    return sp_dict_setitem_str(builtins, "_", v);
}

static SpObject *sys_displayhook(SpObject *self, SpObject *v) {
    if (sp_sys_displayhook(v) < 0) {
        return NULL;
    }
    SP_RETURN_NONE;
}

static SpObject *sys_excepthook(SpObject *self, SpObject *const *args, ssize_t nargs,
                                SpObject *kwnames) {
    if (!sp_arg_no_kwnames("excepthook", kwnames) ||
        !sp_arg_check_positional("excepthook", nargs, 3, 3)) {
        return NULL;
    }
    if (SP_EXC_CHECK(args[1])) {
        sp_traceback_print_exception(args[1]);
    }
    SP_RETURN_NONE;
}

static SpObject *sys_intern(SpObject *self, SpObject *s) {
    if (!SP_STR_CHECK_EXACT(s)) {
        return sp_err_format(&SpExc_TypeError, "intern() argument must be str, not %s",
                             sp_object_type_name(s));
    }
    SP_INCREF(s);
    sp_str_intern_in_place(&s);
    return s;
}

static SpObject *sys_get_int_max_str_digits(SpObject *self, SpObject *unused) {
    return sp_int_from_long(sp_int_max_str_digits);
}

// set_int_max_str_digits(maxdigits): 0 lifts the limit; otherwise at least
// 640 (CPython's threshold below which the check is not worth its cost).
static SpObject *sys_set_int_max_str_digits(SpObject *self, SpObject *const *args,
                                            ssize_t nargs, SpObject *kwnames) {
    static const char *const names[] = {"maxdigits", NULL};
    SpObject *a[1] = {NULL};
    if (sp_arg_parse_kw("set_int_max_str_digits", args, nargs, kwnames, names, a, 1) < 0) {
        return NULL;
    }
    ssize_t n = sp_number_as_ssize(a[0], &SpExc_OverflowError);
    if (n == -1 && sp_err_occurred()) {
        return NULL;
    }
    if (n < 0 || (n > 0 && n < 640) || n > INT_MAX) {
        return sp_err_format(&SpExc_ValueError,
                             "maxdigits must be 0 or larger than %d", 640);
    }
    sp_int_max_str_digits = (int)n;
    SP_RETURN_NONE;
}

static SpObject *sys_getdefaultencoding(SpObject *self, SpObject *unused) {
    return sp_str_from_cstr("utf-8");
}

static SpMethodDef sys_methods[] = {
    {"getrefcount", SP_METH(sys_getrefcount), SP_METH_O, NULL},
    {"getsizeof", SP_METH(sys_getsizeof), SP_METH_FASTCALL, NULL},
    {"exit", SP_METH(sys_exit), SP_METH_FASTCALL, NULL},
    {"getrecursionlimit", SP_METH(sys_getrecursionlimit), SP_METH_NOARGS, NULL},
    {"setrecursionlimit", SP_METH(sys_setrecursionlimit), SP_METH_O, NULL},
    {"exception", SP_METH(sys_exception), SP_METH_NOARGS, NULL},
    {"exc_info", SP_METH(sys_exc_info), SP_METH_NOARGS, NULL},
    {"displayhook", SP_METH(sys_displayhook), SP_METH_O, NULL},
    {"excepthook", SP_METH(sys_excepthook), SP_METH_FASTCALL, NULL},
    {"intern", SP_METH(sys_intern), SP_METH_O, NULL},
    {"get_int_max_str_digits", SP_METH(sys_get_int_max_str_digits), SP_METH_NOARGS, NULL},
    {"set_int_max_str_digits", SP_METH(sys_set_int_max_str_digits), SP_METH_FASTCALL, NULL},
    {"getdefaultencoding", SP_METH(sys_getdefaultencoding), SP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

// ===========================================================================
// Module creation

static SpTypeObject VersionInfo_Type, IntInfo_Type, Implementation_Type, Flags_Type;

static const char *const version_info_fields[] = {"major", "minor", "micro", "releaselevel",
                                                  "serial", NULL};
static const char *const int_info_fields[] = {"bits_per_digit", "sizeof_digit",
                                              "default_max_str_digits",
                                              "str_digits_check_threshold", NULL};
static const char *const implementation_fields[] = {"name", "cache_tag", "version",
                                                    "hexversion", NULL};
static const char *const flags_fields[] = {"debug", "inspect", "interactive", "optimize",
                                           "dont_write_bytecode", "no_user_site", "no_site",
                                           "ignore_environment", "verbose", "bytes_warning",
                                           "quiet", "hash_randomization", "isolated",
                                           "dev_mode", "utf8_mode", "warn_default_encoding",
                                           "safe_path", "int_max_str_digits", NULL};

// smallpy reports the language version it implements (3.11.7) in
// version_info and hexversion, and names itself in implementation.name.
// Whether the digit limit was set explicitly (-X or the environment).
static int int_max_str_digits_set(void) {
    const char *env = getenv("PYTHONINTMAXSTRDIGITS");
    return sp_options.int_max_str_digits >= 0 || (env != NULL && *env);
}

static SpObject *make_version_info(void) {
    SpObject *items[] = {sp_int_from_long(3), sp_int_from_long(11), sp_int_from_long(7),
                         sp_str_from_cstr("final"), sp_int_from_long(0)};
    return sp_structseq_new(&VersionInfo_Type, items);
}

// Set sys.<name> = v, stealing v. -1 if v is NULL or the store fails.
static int set_steal(const char *name, SpObject *v) {
    if (v == NULL) {
        return -1;
    }
    int r = sp_dict_setitem_str(sys_dict, name, v);
    SP_DECREF(v);
    return r;
}

static SpObject *make_argv(int argc, char **argv) {
    SpObject *l = sp_list_new(0);
    for (int i = 0; l != NULL && i < argc; i++) {
        SpObject *s = sp_str_from_utf8(argv[i], -1);
        if (s == NULL || sp_list_append(l, s) < 0) {
            SP_XDECREF(s);
            SP_CLEAR(l);
            break;
        }
        SP_DECREF(s);
    }
    return l;
}

// sys.path: the script's directory (or '' for -c, - and the REPL).
static SpObject *make_path(int argc, char **argv) {
    const char *a0 = argc > 0 ? argv[0] : "";
    SpObject *dir;
    if (strcmp(a0, "") == 0 || strcmp(a0, "-c") == 0 || strcmp(a0, "-") == 0) {
        dir = sp_str_from_cstr("");
    } else {
        char buf[PATH_MAX];
        const char *slash = strrchr(a0, '/');
        if (realpath(a0, buf) != NULL) {
            char *s = strrchr(buf, '/');
            if (s != NULL) {
                *(s == buf ? s + 1 : s) = '\0';
            }
            dir = sp_str_from_cstr(buf);
        } else if (slash != NULL) {
            dir = sp_str_from_utf8(a0, slash - a0);
        } else {
            dir = sp_str_from_cstr("");
        }
    }
    if (dir == NULL) {
        return NULL;
    }
    SpObject *l = sp_list_new(0);
    if (l != NULL && sp_list_append(l, dir) < 0) {
        SP_CLEAR(l);
    }
    SP_DECREF(dir);
    return l;
}

static SpObject *builtin_names(void) {
    SpObject *a = sp_str_intern_cstr("builtins"), *b = sp_str_intern_cstr("sys");
    SpObject *t = a && b ? sp_tuple_pack(2, a, b) : NULL;
    SP_XDECREF(a);
    SP_XDECREF(b);
    return t;
}

// Build the sys module once; later calls return the same module. The struct
// sequence types are made first since several attributes are instances.
SpObject *sp_sys_module_init(int argc, char **argv) {
    if (sys_module != NULL) {
        return sp_newref(sys_module);
    }
    SpStructSeqDesc vi = {"sys.version_info", version_info_fields};
    SpStructSeqDesc ii = {"sys.int_info", int_info_fields};
    SpStructSeqDesc im = {"namespace", implementation_fields};
    SpStructSeqDesc fl = {"sys.flags", flags_fields};
    if (sp_type_ready(&SpTextFile_Type) < 0 || sp_structseq_init_type(&VersionInfo_Type, &vi) < 0 ||
        sp_structseq_init_type(&IntInfo_Type, &ii) < 0 ||
        sp_structseq_init_type(&Implementation_Type, &im) < 0 ||
        sp_structseq_init_type(&Flags_Type, &fl) < 0) {
        return NULL;
    }
    sys_module = sp_module_new("sys");
    if (sys_module == NULL) {
        return NULL;
    }
    sys_dict = sp_module_dict_borrow(sys_module);
    if (sp_module_add_functions(sys_module, sys_methods) < 0) {
        goto fail;
    }
    SpObject *out = textfile_new(stdout, "<stdout>", "w");
    SpObject *err = textfile_new(stderr, "<stderr>", "w");
    SpObject *in = textfile_new(stdin, "<stdin>", "r");
    if (out == NULL || err == NULL || in == NULL) {
        SP_XDECREF(out);
        SP_XDECREF(err);
        SP_XDECREF(in);
        goto fail;
    }
    int r = sp_dict_setitem_str(sys_dict, "stdout", out) |
            sp_dict_setitem_str(sys_dict, "__stdout__", out) |
            sp_dict_setitem_str(sys_dict, "stderr", err) |
            sp_dict_setitem_str(sys_dict, "__stderr__", err) |
            sp_dict_setitem_str(sys_dict, "stdin", in) |
            sp_dict_setitem_str(sys_dict, "__stdin__", in);
    SP_DECREF(out);
    SP_DECREF(err);
    SP_DECREF(in);
    if (r != 0) {
        goto fail;
    }
    SpObject *int_info[] = {sp_int_from_long(SP_INT_SHIFT), sp_int_from_long(sizeof(SpDigit)),
                            sp_int_from_long(4300), sp_int_from_long(640)};
    SpObject *impl[] = {sp_str_from_cstr("smallpy"), sp_newref(sp_None),
                        make_version_info(), sp_int_from_long(0x030b07f0)};
    // sys.flags as CPython 3.11 reports them; bytecode is never written and
    // str hashes are randomised. int_max_str_digits is -1 unless set.
    SpObject *flags[18];
    for (int i = 0; i < 18; i++) {
        long v = 0;
        switch (i) {
        case 1: case 2: v = sp_options.inspect; break;  // inspect, interactive
        case 4: case 11: v = 1; break;  // dont_write_bytecode, hash_randomization
        case 10: v = sp_options.quiet; break;
        case 17: v = int_max_str_digits_set() ? sp_int_max_str_digits : -1; break;
        default: break;
        }
        flags[i] = (i == 13 || i == 16) ? sp_newref(sp_False) : sp_int_from_long(v);
    }
    char exe[PATH_MAX];
    ssize_t exelen = readlink("/proc/self/exe", exe, sizeof exe - 1);
    exe[exelen > 0 ? exelen : 0] = '\0';
    if (set_steal("argv", make_argv(argc, argv)) < 0 ||
        set_steal("path", make_path(argc, argv)) < 0 ||
        set_steal("version", sp_str_from_cstr("3.11.7 (smallpy 0.1.0)")) < 0 ||
        set_steal("version_info", make_version_info()) < 0 ||
        set_steal("hexversion", sp_int_from_long(0x030b07f0)) < 0 ||
        set_steal("implementation", sp_structseq_new(&Implementation_Type, impl)) < 0 ||
        set_steal("int_info", sp_structseq_new(&IntInfo_Type, int_info)) < 0 ||
        set_steal("flags", sp_structseq_new(&Flags_Type, flags)) < 0 ||
        set_steal("maxsize", sp_int_from_ssize(SSIZE_MAX)) < 0 ||
        set_steal("maxunicode", sp_int_from_long(0x10FFFF)) < 0 ||
        set_steal("platform", sp_str_from_cstr("linux")) < 0 ||
        set_steal("byteorder", sp_str_from_cstr("little")) < 0 ||
        set_steal("executable", sp_str_from_cstr(exe)) < 0 ||
        set_steal("prefix", sp_str_from_cstr("/usr/local")) < 0 ||
        set_steal("builtin_module_names", builtin_names()) < 0 ||
        (sp_sys_modules_borrow() != NULL &&
         sp_dict_setitem_str(sys_dict, "modules", sp_sys_modules_borrow()) < 0) ||
        sp_dict_setitem_str(sys_dict, "dont_write_bytecode", sp_True) < 0 ||
        set_steal("__displayhook__", sp_dict_getitem_str_borrow(sys_dict, "displayhook")
                                         ? sp_newref(sp_dict_getitem_str_borrow(sys_dict,
                                                                                "displayhook"))
                                         : NULL) < 0 ||
        set_steal("__excepthook__", sp_newref(sp_dict_getitem_str_borrow(sys_dict, "excepthook")))
            < 0) {
        goto fail;
    }
    return sp_newref(sys_module);
fail:
    SP_CLEAR(sys_module);
    sys_dict = NULL;
    return NULL;
}
