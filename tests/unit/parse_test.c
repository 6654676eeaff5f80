// smallpy: unit test of the tokenizer and parser. Parses every snippet of
// tests/unit/parse_cases.txt (made by parse_cases.py with CPython 3.11) and
// compares our ast.dump() text, or our SyntaxError's type and arguments,
// with CPython's. A file argument replaces the default case file; -v lists
// every case.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/parser.h"
#include "core/abstract.h"
#include "core/err.h"
#include "core/runtime.h"
#include "objects/exc.h"
#include "objects/str.h"

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return NULL;
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (buf == NULL || fread(buf, 1, (size_t)n, f) != (size_t)n) {
        fclose(f);
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    fclose(f);
    *len = (size_t)n;
    return buf;
}

// result_text(src, len, mode, attrs): our dump or "Type: args" as malloc'd
// UTF-8.
static char *result_text(const char *src, size_t len, int mode, int attrs) {
    SpArena *arena = sp_arena_new();
    SpObject *filename = sp_str_from_cstr("<f>");
    SpObject *text = NULL;
    SpAstMod *mod = sp_parse(arena, src, (ssize_t)len, filename, mode, 0, NULL);
    if (mod != NULL) {
        text = sp_ast_dump(mod, attrs);
    } else if (sp_err_occurred()) {
        SpObject *exc = sp_err_fetch();
        SpObject *args = sp_exc_get_args_borrow(exc);
        SpObject *r = args ? sp_object_repr(args) : NULL;
        if (r != NULL) {
            text = sp_str_from_format("%s: %U", SP_TYPE(exc)->tp_name, r);
            SP_DECREF(r);
        }
        SP_DECREF(exc);
    }
    char *out;
    if (text == NULL) {
        sp_err_clear();
        out = strdup(mod ? "<dump failed>" : "<no exception>");
    } else {
        out = strdup(sp_str_as_utf8(text, NULL));
        SP_DECREF(text);
    }
    SP_DECREF(filename);
    sp_arena_free(arena);
    return out;
}

// REPL input (SP_CF_ALLOW_INCOMPLETE, single mode): 1 if the text needs
// more lines, 0 if it parses, -1 if it is an error. As CPython's interactive
// loop decides (an empty line closes a compound statement).
static const struct {
    const char *src;
    int want;
} repl_cases[] = {
    {"x = 1\n", 0},
    {"if x:\n", 1},
    {"if x:\n  pass\n", 1},
    {"if x:\n  pass\n\n", 0},
    {"if x:\n  pass\nelse:\n", 1},
    {"if x:\n  pass\nelse:\n  pass\n\n", 0},
    {"if x:\n  pass\nprint(1)\n", -1},
    {"if x:\n\n", -1},
    {"x = (1,\n", 1},
    {"x = (1,\n2)\n", 0},
    {"x = '''abc\n", 1},
    {"x = 1 + \\\n", 1},
    {"x = 1 2\n", -1},
    {"x = 'abc\n", -1},
    {"def f():\n    return 1\n", 1},
    {"def f():\n    return 1\n\n", 0},
    {"@dec\n", 1},
    {"class A:\n  def f(self):\n    pass\n\n", 0},
    {"\n", 0},
    {"# comment\n", 0},
    {"x = 1 +\n", -1},
    {"for i in range(3):\n    print(i)\n\n", 0},
    {"try:\n  pass\n", 1},
    {"try:\n  pass\nexcept:\n  pass\n\n", 0},
    {"x = [\n", 1},
    {"x = )\n", -1},
};

static int repl_check(void) {
    int failed = 0;
    for (size_t i = 0; i < sizeof repl_cases / sizeof repl_cases[0]; i++) {
        SpArena *arena = sp_arena_new();
        SpObject *fn = sp_str_from_cstr("<stdin>");
        int incomplete = -7;
        SpAstMod *mod = sp_parse(arena, repl_cases[i].src, -1, fn, SP_COMPILE_SINGLE,
                                 SP_CF_ALLOW_INCOMPLETE, &incomplete);
        int got = mod ? 0 : incomplete ? 1 : -1;
        if ((mod == NULL) != (sp_err_occurred() != NULL || incomplete)) {
            got = -9;  // an error without an exception
        }
        sp_err_clear();
        if (got != repl_cases[i].want) {
            printf("FAIL repl: %s  want %d got %d\n", repl_cases[i].src, repl_cases[i].want, got);
            failed++;
        }
        SP_DECREF(fn);
        sp_arena_free(arena);
    }
    return failed;
}

int main(int argc, char **argv) {
    const char *path = "tests/unit/parse_cases.txt";
    int verbose = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-v") == 0) {
            verbose = 1;
        } else {
            path = argv[i];
        }
    }
    if (sp_runtime_init(1, argv) < 0) {
        return 1;
    }
    size_t len;
    char *data = read_file(path, &len);
    if (data == NULL) {
        fprintf(stderr, "parse_test: cannot read %s\n", path);
        printf("0 passed, 1 failed\n");
        return 1;
    }
    int passed = 0, failed = 0;
    char *s = data, *end = data + len;
    while (s < end) {
        // Header lines: "@case MODE ATTRS LEN" and "@expect LEN", each
        // followed by exactly LEN bytes and a newline.
        char mode_name[16];
        int attrs, n, m;
        char *nl = memchr(s, '\n', (size_t)(end - s));
        if (nl == NULL || sscanf(s, "@case %15s %d %d", mode_name, &attrs, &n) != 3) {
            break;
        }
        char *src = nl + 1;
        s = src + n + 1;
        nl = memchr(s, '\n', (size_t)(end - s));
        if (nl == NULL || sscanf(s, "@expect %d", &m) != 1) {
            break;
        }
        char *expect = nl + 1;
        s = expect + m + 1;
        int mode = strcmp(mode_name, "eval") == 0     ? SP_COMPILE_EVAL
                   : strcmp(mode_name, "single") == 0 ? SP_COMPILE_SINGLE
                                                      : SP_COMPILE_EXEC;
        char *got = result_text(src, (size_t)n, mode, attrs);
        if (strlen(got) == (size_t)m && memcmp(got, expect, (size_t)m) == 0) {
            passed++;
            if (verbose) {
                printf("ok   %s %.*s\n", mode_name, n, src);
            }
        } else {
            failed++;
            printf("FAIL %s %d: %.*s\n  want: %.*s\n  got:  %s\n", mode_name, attrs, n, src, m,
                   expect, got);
        }
        free(got);
    }
    free(data);
    int repl_failed = repl_check();
    failed += repl_failed;
    passed += (int)(sizeof repl_cases / sizeof repl_cases[0]) - repl_failed;
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
