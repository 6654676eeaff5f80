// smallpy: the command line, as python3's: smallpy [options] [-c cmd | - | file] [args],
// with -i, -X, -V and the interactive prompt. Counterpart: CPython 3.11
// Modules/main.c and Python/pythonrun.c.
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "compiler/compiler.h"
#include "core/abstract.h"
#include "core/err.h"
#include "core/mem.h"
#include "core/options.h"
#include "core/runtime.h"
#include "modules/sys.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/none.h"
#include "objects/str.h"
#include "objects/traceback.h"
#include "vm/vm.h"

#define SP_VERSION "0.1.0"

static const char usage_text[] =
    "usage: smallpy [option] ... [-c cmd | - | file] [arg] ...\n"
    "Options:\n"
    "-c cmd : program passed in as string (terminates option list)\n"
    "-h     : print this help message and exit (also -? or --help)\n"
    "-i     : inspect interactively after running script; forces a prompt even\n"
    "         if stdin does not appear to be a terminal\n"
    "-q     : don't print version and copyright messages on interactive startup\n"
    "-u     : unbuffered binary stdout and stderr\n"
    "-V     : print the version number and exit (also --version)\n"
    "-X opt : set smallpy-specific option (see below)\n"
    "-B, -E, -s, -S : accepted for compatibility with python3; no effect\n"
    "file   : program read from script file\n"
    "-      : program read from stdin (default; interactive mode if a tty)\n"
    "arg ...: arguments passed to program in sys.argv[1:]\n";

// ---------------------------------------------------------------------------
// Reading input

// Read all of f into a new malloc'ed, NUL-terminated buffer; NULL on error.
static char *read_all(FILE *f, size_t *len) {
    size_t cap = 8192, n = 0;
    char *buf = malloc(cap);
    if (buf == NULL) {
        return NULL;
    }
    for (;;) {
        if (cap - n < 4096) {
            cap *= 2;
            char *nb = realloc(buf, cap);
            if (nb == NULL) {
                free(buf);
                return NULL;
            }
            buf = nb;
        }
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0) {
            break;
        }
    }
    if (ferror(f)) {
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

// ---------------------------------------------------------------------------
// Uncaught exceptions and exit statuses

// The exit status for an uncaught exception, after reporting it as CPython
// does: SystemExit(None) is 0, SystemExit(int) that int, SystemExit(other)
// prints other to stderr and is 1; anything else prints a traceback and is 1.
static int handle_uncaught(void) {
    SpObject *exc = sp_err_fetch();
    if (exc == NULL) {
        return 1;
    }
    int status = 1;
    if (sp_type_is_subtype(SP_TYPE(exc), &SpExc_SystemExit)) {
        SpObject *code = ((SpSystemExitObject *)exc)->code;
        if (code == NULL || code == sp_None) {
            status = 0;
        } else if (SP_INT_CHECK(code)) {
            int overflow;
            long v = sp_int_as_long_and_overflow(code, &overflow);
            status = overflow ? -1 : (int)v;
        } else {
            sp_sys_flush_std();
            SpObject *s = sp_object_str(code);
            if (s != NULL) {
                sp_sys_write_stderr(sp_str_as_utf8(s, NULL) ? sp_str_as_utf8(s, NULL) : "");
                sp_sys_write_stderr("\n");
                SP_DECREF(s);
            }
            sp_err_clear();
            status = 1;
        }
        SP_DECREF(exc);
        return status;
    }
    int interrupted = sp_type_is_subtype(SP_TYPE(exc), &SpExc_KeyboardInterrupt);
    sp_sys_flush_std();
    sp_traceback_print_exception(exc);
    SP_DECREF(exc);
    if (interrupted) {
        // As CPython: die of SIGINT so the shell sees the interrupt.
        sp_runtime_fini();
        fflush(NULL);
        signal(SIGINT, SIG_DFL);
        raise(SIGINT);
        return 130;
    }
    return status;
}

// ---------------------------------------------------------------------------
// Running code

static SpObject *main_module_dict;  // __main__'s namespace, borrowed from sys.modules

static int setup_main_module(const char *file) {
    SpObject *m = sp_module_new("__main__");
    if (m == NULL) {
        return -1;
    }
    SpObject *d = sp_module_dict_borrow(m);
    int r = sp_dict_setitem_str(sp_sys_modules_borrow(), "__main__", m);
    if (r == 0) {
        r = sp_dict_setitem_str(d, "__builtins__", sp_builtins_dict_borrow());
    }
    if (r == 0 && file != NULL) {
        SpObject *f = sp_str_from_cstr(file);
        r = f ? sp_dict_setitem_str(d, "__file__", f) : -1;
        SP_XDECREF(f);
    }
    main_module_dict = d;
    SP_DECREF(m);  // sys.modules keeps it alive
    return r;
}

// Compile and run src as `filename` in __main__. 0 on success; -1 with the
// exception set.
static int run_source(const char *src, size_t len, const char *filename, SpCompileMode mode,
                      int flags) {
    SpObject *fn = sp_str_from_cstr(filename);
    if (fn == NULL) {
        return -1;
    }
    SpObject *code = sp_compile(src, (ssize_t)len, fn, mode, flags, NULL);
    SP_DECREF(fn);
    if (code == NULL) {
        return -1;
    }
    if (sp_options.dis) {
        SpObject *out = sp_sys_get_borrow("stdout");
        if (out != NULL && sp_disassemble(code, out) < 0) {
            SP_DECREF(code);
            return -1;
        }
    }
    SpObject *r = sp_eval_code(code, main_module_dict, main_module_dict);
    SP_DECREF(code);
    if (r == NULL) {
        return -1;
    }
    SP_DECREF(r);
    return 0;
}

// ---------------------------------------------------------------------------
// The interactive loop

// Read one line from stdin into *buf (growing it), without the limit of
// fgets. Returns the length, or -1 at end of input.
// Ctrl-C at the prompt gives -2 (the caller prints KeyboardInterrupt).
static ssize_t read_line(char **buf, size_t *cap) {
    errno = 0;
    ssize_t n = getline(buf, cap, stdin);
    if (n < 0 && errno == EINTR) {
        clearerr(stdin);
        sp_tstate.signal_pending = 0;
        return -2;
    }
    return n;
}

// The prompt: sys.ps1 / sys.ps2 when set (as strings), else ">>> " / "... ".
// Written to stderr, as CPython does when it reads from a non-terminal and
// as it effectively does on a terminal (the prompt is not program output).
static void prompt(int continuation) {
    SpObject *p = sp_sys_get_borrow(continuation ? "ps2" : "ps1");
    const char *text = continuation ? "... " : ">>> ";
    SpObject *s = NULL;
    if (p != NULL) {
        s = sp_object_str(p);
        if (s != NULL) {
            const char *t = sp_str_as_utf8(s, NULL);
            if (t != NULL) {
                text = t;
            }
        }
        sp_err_clear();
    }
    sp_sys_flush_std();
    fputs(text, stderr);
    fflush(stderr);
    SP_XDECREF(s);
}

// Read statements until end of input, compiling each on its own (so, unlike
// a script, two equal literals in different statements are two objects) and
// echoing expression values through sys.displayhook.
static int interactive_loop(int show_banner) {
    if (show_banner) {
        fprintf(stderr, "smallpy %s (Python 3.11 compatible)\n"
                        "Type \"help\", \"copyright\", \"credits\" or \"license\" for more "
                        "information.\n", SP_VERSION);
    }
    char *line = NULL;
    size_t linecap = 0;
    char *src = NULL;
    size_t srclen = 0, srccap = 0;
    int status = 0;
    for (;;) {
        prompt(srclen > 0);
        ssize_t n = read_line(&line, &linecap);
        if (n == -2) {
            fputs("\nKeyboardInterrupt\n", stderr);
            srclen = 0;
            continue;
        }
        if (n < 0) {
            if (srclen > 0) {
                // End of input inside a statement: run what we have.
                n = 0;
            } else {
                fputc('\n', stderr);
                break;
            }
        }
        if (srclen + (size_t)n + 2 > srccap) {
            srccap = (srclen + (size_t)n + 2) * 2;
            char *ns = realloc(src, srccap);
            if (ns == NULL) {
                break;
            }
            src = ns;
        }
        memcpy(src + srclen, line, (size_t)n);
        srclen += (size_t)n;
        src[srclen] = '\0';
        int at_eof = n == 0;
        SpObject *fn = sp_str_from_cstr("<stdin>");
        int incomplete = 0;
        SpObject *code = fn ? sp_compile(src, (ssize_t)srclen, fn, SP_COMPILE_SINGLE,
                                         at_eof ? SP_CF_NO_CONST_MERGE
                                                : SP_CF_ALLOW_INCOMPLETE | SP_CF_NO_CONST_MERGE,
                                         &incomplete)
                              : NULL;
        SP_XDECREF(fn);
        if (code == NULL && incomplete && !sp_err_occurred()) {
            continue;  // ask for the next line
        }
        srclen = 0;
        if (code != NULL) {
            SpObject *r = sp_eval_code(code, main_module_dict, main_module_dict);
            SP_DECREF(code);
            SP_XDECREF(r);
        }
        if (sp_err_occurred()) {
            if (sp_err_matches_type(&SpExc_SystemExit)) {
                status = handle_uncaught();
                free(line);
                free(src);
                return status;
            }
            sp_sys_flush_std();
            SpObject *exc = sp_err_fetch();
            sp_traceback_print_exception(exc);
            SP_DECREF(exc);
        }
        sp_tstate.signal_pending = 0;
        if (at_eof) {
            fputc('\n', stderr);
            break;
        }
    }
    free(line);
    free(src);
    return status;
}

// ---------------------------------------------------------------------------

int main(int argc, char **argv) {
    const char *command = NULL, *file = NULL;
    int inspect = 0, quiet = 0, unbuffered = 0, use_stdin = 0;
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || strcmp(a, "-") == 0) {
            break;
        }
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0 || strcmp(a, "-?") == 0) {
            fputs(usage_text, stdout);
            sp_options_help(stdout);
            return 0;
        }
        if (strcmp(a, "--version") == 0) {
            printf("smallpy %s (Python 3.11)\n", SP_VERSION);
            return 0;
        }
        if (a[1] == '-') {
            fprintf(stderr, "unknown option %s\n%s", a,
                    "usage: smallpy [option] ... [-c cmd | - | file] [arg] ...\n"
                    "Try `smallpy -h' for more information.\n");
            return 2;
        }
        // A cluster of one-letter flags, possibly ending in -c / -X with a value.
        int stop = 0;
        for (const char *p = a + 1; *p && !stop; p++) {
            switch (*p) {
            case 'i': inspect = 1; break;
            case 'q': quiet = 1; break;
            case 'u': unbuffered = 1; break;
            case 'B': case 'E': case 's': case 'S': case 'b': case 'd': case 'I': break;
            case 'V':
                printf("smallpy %s (Python 3.11)\n", SP_VERSION);
                return 0;
            case 'c':
            case 'X': {
                const char *val = p[1] ? p + 1 : (i + 1 < argc ? argv[++i] : NULL);
                if (val == NULL) {
                    fprintf(stderr, "Argument expected for the -%c option\n"
                                    "usage: smallpy [option] ... [-c cmd | - | file] [arg] ...\n"
                                    "Try `smallpy -h' for more information.\n", *p);
                    return 2;
                }
                if (*p == 'c') {
                    command = val;
                } else if (strcmp(val, "help") == 0) {
                    sp_options_help(stdout);
                    return 0;
                } else {
                    const char *err = NULL;
                    if (sp_options_set(val, &err) < 0) {
                        fprintf(stderr, "smallpy: %s\n", err);
                        return 2;
                    }
                }
                stop = 1;
                break;
            }
            default:
                fprintf(stderr, "Unknown option: -%c\n"
                                "usage: smallpy [option] ... [-c cmd | - | file] [arg] ...\n"
                                "Try `smallpy -h' for more information.\n", *p);
                return 2;
            }
        }
        if (command != NULL) {
            i++;
            break;
        }
    }
    if (unbuffered) {
        setvbuf(stdout, NULL, _IONBF, 0);
        setvbuf(stderr, NULL, _IONBF, 0);
    }

    // sys.argv: ['-c', args...], [file, args...], ['-', args...] or [''].
    char **sargv = calloc((size_t)(argc - i) + 2, sizeof(char *));
    int sargc = 0;
    if (command != NULL) {
        sargv[sargc++] = "-c";
    } else if (i < argc && strcmp(argv[i], "-") == 0) {
        use_stdin = 1;
        sargv[sargc++] = argv[i++];
    } else if (i < argc) {
        file = argv[i];
        sargv[sargc++] = argv[i++];
    } else {
        use_stdin = 1;
        sargv[sargc++] = "";
    }
    while (i < argc) {
        sargv[sargc++] = argv[i++];
    }

    // Read the program before start-up so that a missing file fails fast.
    char *src = NULL;
    size_t srclen = 0;
    if (file != NULL) {
        FILE *f = fopen(file, "rb");
        if (f == NULL) {
            int e = errno;
            char cwd[PATH_MAX];
            const char *prefix = "";
            if (file[0] != '/' && getcwd(cwd, sizeof cwd) != NULL) {
                prefix = cwd;
            }
            fprintf(stderr, "%s: can't open file '%s%s%s': [Errno %d] %s\n", argv[0], prefix,
                    *prefix ? "/" : "", file, e, strerror(e));
            return 2;
        }
        src = read_all(f, &srclen);
        fclose(f);
        if (src == NULL) {
            fprintf(stderr, "%s: can't read file '%s'\n", argv[0], file);
            return 2;
        }
    }

    // The script's name in tracebacks and __file__ is absolute, the current
    // directory joined to it as given (not normalised), as CPython 3.9+.
    char *abs_file = NULL;
    if (file != NULL) {
        char cwd[PATH_MAX];
        if (file[0] != '/' && getcwd(cwd, sizeof cwd) != NULL) {
            abs_file = malloc(strlen(cwd) + strlen(file) + 2);
            if (abs_file != NULL) {
                sprintf(abs_file, "%s/%s", cwd, file);
            }
        }
        if (abs_file == NULL) {
            abs_file = strdup(file);
        }
        if (abs_file == NULL) {
            fprintf(stderr, "%s: out of memory\n", argv[0]);
            return 1;
        }
    }

    sp_options.inspect = inspect;
    sp_options.quiet = quiet;
    if (sp_runtime_init(sargc, sargv) < 0) {
        return 1;
    }
    if (setup_main_module(abs_file) < 0) {
        return handle_uncaught();
    }

    // With -i, an uncaught exception (even SystemExit) is reported as a
    // traceback and the prompt follows, as CPython does.
    int status = 0, tty = isatty(0), failed = 0;
    if (command != NULL) {
        failed = run_source(command, strlen(command), "<string>", SP_COMPILE_EXEC, 0) < 0;
    } else if (file != NULL) {
        failed = run_source(src, srclen, abs_file, SP_COMPILE_EXEC, SP_CF_FILE_INPUT) < 0;
    } else if (use_stdin && !tty && !inspect) {
        src = read_all(stdin, &srclen);
        if (src == NULL) {
            fprintf(stderr, "%s: can't read standard input\n", argv[0]);
            return 2;
        }
        failed = run_source(src, srclen, "<stdin>", SP_COMPILE_EXEC, SP_CF_FILE_INPUT) < 0;
    } else {
        status = interactive_loop(!quiet);
    }
    if (failed) {
        if (inspect) {
            sp_sys_flush_std();
            SpObject *exc = sp_err_fetch();
            sp_traceback_print_exception(exc);
            SP_DECREF(exc);
        } else {
            status = handle_uncaught();
        }
    }
    if (inspect && (command != NULL || file != NULL)) {
        status = interactive_loop(0);
    }
    sp_runtime_fini();
    free(src);
    free(sargv);
    free(abs_file);
    return status;
}
