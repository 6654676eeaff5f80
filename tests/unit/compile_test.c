// smallpy: unit tests of the compiler (src/compiler: symtable, fold,
// codegen, assemble, dis): SyntaxError messages and positions, constant
// folding and merging, exception tables, stack depths, listings.
//
//   compile_test                  run the checks
//   compile_test --dis FILE       print the disassembly of FILE
//   compile_test --pos FILE       print (opcode, position) per instruction,
//                                 in the format of a python3.11 helper, to
//                                 compare positions with CPython's
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/ast.h"
#include "compiler/compiler.h"
#include "compiler/parser.h"
#include "compiler/opcodes.h"
#include "core/abstract.h"
#include "core/err.h"
#include "core/runtime.h"
#include "objects/code.h"
#include "objects/exc.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/none.h"
#include "objects/str.h"
#include "objects/tuple.h"

// The listing (compiler/dis.c; private declaration).
SpObject *sp_dis_string(SpObject *code);

static int passed, failed;

#define CHECK(cond, ...)                                                                           \
    do {                                                                                           \
        if (cond) {                                                                                \
            passed++;                                                                              \
        } else {                                                                                   \
            failed++;                                                                              \
            printf("FAIL %s:%d: ", __FILE__, __LINE__);                                            \
            printf(__VA_ARGS__);                                                                   \
            printf("\n");                                                                          \
        }                                                                                          \
    } while (0)

static SpObject *compile_mode(const char *src, const char *filename, SpCompileMode mode) {
    SpObject *fn = sp_str_from_cstr(filename);
    SpObject *co = sp_compile(src, -1, fn, mode, 0, NULL);
    SP_DECREF(fn);
    return co;
}

static SpObject *compile(const char *src) { return compile_mode(src, "x.py", SP_COMPILE_EXEC); }

static void print_exception(void) {
    SpObject *e = sp_err_fetch();
    if (e == NULL) {
        printf("  (no exception)\n");
        return;
    }
    SpObject *r = sp_object_repr(e);
    printf("  exception: %s\n", r != NULL ? sp_str_as_utf8(r, NULL) : "?");
    SP_XDECREF(r);
    SP_DECREF(e);
}

static long int_field(SpObject *o) {
    if (o == NULL || o == sp_None) {
        return -999;
    }
    return sp_int_as_long(o);
}

// ---------------------------------------------------------------------------
// SyntaxErrors

static void check_error(const char *src, const char *msg, long line, long off, long end_line,
                        long end_off) {
    SpObject *co = compile(src);
    if (co != NULL) {
        CHECK(0, "no SyntaxError for %s", src);
        SP_DECREF(co);
        return;
    }
    SpObject *e = sp_err_fetch();
    if (e == NULL || !SP_OBJECT_TYPE_CHECK(e, &SpExc_SyntaxError)) {
        CHECK(0, "not a SyntaxError for %s", src);
        SP_XDECREF(e);
        return;
    }
    SpSyntaxErrorObject *se = (SpSyntaxErrorObject *)e;
    int ok = se->msg != NULL && SP_STR_CHECK(se->msg) && sp_str_eq_cstr(se->msg, msg) &&
             int_field(se->lineno) == line && int_field(se->offset) == off &&
             int_field(se->end_lineno) == end_line && int_field(se->end_offset) == end_off;
    CHECK(ok, "%s -> %s (%ld,%ld)-(%ld,%ld), got %s (%ld,%ld)-(%ld,%ld)", src, msg, line, off,
          end_line, end_off, se->msg && SP_STR_CHECK(se->msg) ? sp_str_as_utf8(se->msg, NULL) : "?",
          int_field(se->lineno), int_field(se->offset), int_field(se->end_lineno),
          int_field(se->end_offset));
    SP_DECREF(e);
}

static void test_errors(void) {
    check_error("nonlocal x\n", "nonlocal declaration not allowed at module level", 1, 1, 1, 11);
    check_error("class C:\n  nonlocal x\n", "no binding for nonlocal 'x' found", 2, 3, 2, 13);
    check_error("def f():\n  x = 1\n  global x\n",
                "name 'x' is assigned to before global declaration", 3, 3, 3, 11);
    check_error("def f(x):\n  global x\n", "name 'x' is parameter and global", 2, 3, 2, 11);
    check_error("def f():\n  print(x)\n  global x\n",
                "name 'x' is used prior to global declaration", 3, 3, 3, 11);
    check_error("def f():\n  print(x)\n  nonlocal x\n",
                "name 'x' is used prior to nonlocal declaration", 3, 3, 3, 13);
    check_error("def g():\n  x=1\n  def f():\n    global x; nonlocal x\n",
                "name 'x' is nonlocal and global", 4, 5, 4, 13);
    check_error("def f(a, a): pass\n", "duplicate argument 'a' in function definition", 1, 10, 1,
                11);
    check_error("lambda a, a: 1\n", "duplicate argument 'a' in function definition", 1, 11, 1, 12);
    check_error("yield 1\n", "'yield' outside function", 1, 1, 1, 8);
    check_error("class C:\n  yield 1\n", "'yield' outside function", 2, 3, 2, 10);
    check_error("[(yield 1) for x in y]\n", "'yield' inside list comprehension", 1, 3, 1, 10);
    check_error("await x\n", "'await' outside function", 1, 1, 1, 8);
    check_error("def f(): await x\n", "'await' outside async function", 1, 10, 1, 17);
    check_error("break\n", "'break' outside loop", 1, 1, 1, 6);
    check_error("continue\n", "'continue' not properly in loop", 1, 1, 1, 9);
    check_error("for x in y:\n  def f(): break\n", "'break' outside loop", 2, 12, 2, 17);
    check_error("return\n", "'return' outside function", 1, 1, 1, 7);
    check_error("class C:\n  return 1\n", "'return' outside function", 2, 3, 2, 11);
    check_error("x: int\nglobal x\n", "annotated name 'x' can't be global", 2, 1, 2, 9);
    check_error("*a = 1\n", "starred assignment target must be in a list or tuple", 1, 1, 1, 3);
    check_error("a, *b, *c = 1\n", "multiple starred expressions in assignment", 1, 1, 1, 10);
    check_error("*a\n", "can't use starred expression here", 1, 1, 1, 3);
    check_error("x = *a\n", "can't use starred expression here", 1, 5, 1, 7);
    check_error("[x for x in (y:=1)]\n",
                "assignment expression cannot be used in a comprehension iterable expression", 1,
                14, 1, 18);
    check_error("[x for x in [1] if (x := 1)]\n",
                "assignment expression cannot rebind comprehension iteration variable 'x'", 1, 21,
                1, 22);
    check_error("class C: [(y:=1) for x in z]\n",
                "assignment expression within a comprehension cannot be used in a class body", 1,
                12, 1, 13);
    check_error("def f(): from x import *\n", "import * only allowed at module level", 1, 24, 1,
                25);
    check_error("f(a=1, a=2)\n", "keyword argument repeated: a", 1, 8, 1, 11);
    check_error("try:\n  pass\nexcept:\n  pass\nexcept ValueError:\n  pass\n",
                "default 'except:' must be last", 3, 1, 4, 7);
    check_error("x=1\nfrom __future__ import annotations\n",
                "from __future__ imports must occur at the beginning of the file", 2, 1, 2, 35);
    check_error("from __future__ import nope\n", "future feature nope is not defined", 1, 1, -999,
                -999);
    // Symbol table errors win over code generator errors found earlier.
    check_error("return 1\ndef f(a, a): pass\n", "duplicate argument 'a' in function definition", 2,
                10, 2, 11);
}

// ---------------------------------------------------------------------------
// Constants

static SpObject *consts_of(SpObject *co) { return ((SpCodeObject *)co)->co_consts; }

static SpObject *find_int_const(SpObject *co, long v) {
    SpObject *k = consts_of(co);
    for (ssize_t i = 0; i < SP_TUPLE_SIZE(k); i++) {
        SpObject *x = SP_TUPLE_GET_ITEM(k, i);
        if (SP_INT_CHECK_EXACT(x) && sp_int_as_long(x) == v) {
            return x;
        }
    }
    return NULL;
}

static SpObject *find_code_const(SpObject *co) {
    SpObject *k = consts_of(co);
    for (ssize_t i = 0; i < SP_TUPLE_SIZE(k); i++) {
        if (SP_CODE_CHECK(SP_TUPLE_GET_ITEM(k, i))) {
            return SP_TUPLE_GET_ITEM(k, i);
        }
    }
    return NULL;
}

static void test_constants(void) {
    SpObject *co = compile("a = 400\nb = 400\ndef f():\n    return 400\nt = (400, 1)\n");
    CHECK(co != NULL, "compile merge test");
    if (co != NULL) {
        SpObject *k = consts_of(co);
        int n400 = 0;
        for (ssize_t i = 0; i < SP_TUPLE_SIZE(k); i++) {
            SpObject *x = SP_TUPLE_GET_ITEM(k, i);
            n400 += SP_INT_CHECK_EXACT(x) && sp_int_as_long(x) == 400;
        }
        CHECK(n400 == 1, "400 appears %d times in co_consts", n400);
        SpObject *mine = find_int_const(co, 400);
        SpObject *f = find_code_const(co);
        SpObject *theirs = f != NULL ? find_int_const(f, 400) : NULL;
        CHECK(mine != NULL && mine == theirs, "400 in f is the module's 400");
        for (ssize_t i = 0; i < SP_TUPLE_SIZE(k); i++) {
            SpObject *x = SP_TUPLE_GET_ITEM(k, i);
            if (SP_TUPLE_CHECK_EXACT(x) && SP_TUPLE_SIZE(x) == 2) {
                CHECK(SP_TUPLE_GET_ITEM(x, 0) == mine, "(400, 1)[0] is the module's 400");
            }
        }
        SP_DECREF(co);
    } else {
        print_exception();
    }

    co = compile("a = 2**8\nb = 'a'*3\nc = 2**200\nd = 1/0\ne = -10\nf = (1, 2)[0]\n"
                 "g = 'hel' + 'lo'\n");
    CHECK(co != NULL, "compile fold test");
    if (co != NULL) {
        CHECK(find_int_const(co, 256) != NULL, "2**8 folded to 256");
        CHECK(find_int_const(co, -10) != NULL, "-10 folded");
        CHECK(find_int_const(co, 200) != NULL && find_int_const(co, 2) != NULL,
              "2**200 not folded");
        CHECK(find_int_const(co, 0) != NULL, "1/0 not folded (0 kept)");
        SpObject *k = consts_of(co);
        int aaa = 0, hello = 0;
        for (ssize_t i = 0; i < SP_TUPLE_SIZE(k); i++) {
            SpObject *x = SP_TUPLE_GET_ITEM(k, i);
            aaa |= SP_STR_CHECK(x) && sp_str_eq_cstr(x, "aaa");
            hello |= SP_STR_CHECK(x) && sp_str_eq_cstr(x, "hello");
        }
        CHECK(aaa, "'a'*3 folded");
        CHECK(hello, "'hel'+'lo' folded");
        SP_DECREF(co);
    } else {
        print_exception();
    }

    // 0, 0.0, -0.0 and False are four constants; 1 and True two.
    co = compile("a = 0\nb = 0.0\nc = -0.0\nd = False\ne = 1\nf = True\n");
    CHECK(co != NULL, "compile key test");
    if (co != NULL) {
        CHECK(SP_TUPLE_SIZE(consts_of(co)) == 7, "7 constants (with None), got %zd",
              SP_TUPLE_SIZE(consts_of(co)));
        SP_DECREF(co);
    } else {
        print_exception();
    }
}

// ---------------------------------------------------------------------------
// Structure: exception tables, stack depth, flags, names

static int table_ok(SpCodeObject *co) {
    for (ssize_t i = 0; i < co->co_nexcept; i++) {
        SpExceptEntry *e = &co->co_exceptiontable[i];
        if (e->start >= e->end || e->end > (uint32_t)co->co_ncode ||
            e->target >= (uint32_t)co->co_ncode || e->depth > co->co_stacksize) {
            return 0;
        }
        if (i > 0 && co->co_exceptiontable[i - 1].end > e->start) {
            return 0;
        }
    }
    SpObject *k = co->co_consts;
    for (ssize_t i = 0; i < SP_TUPLE_SIZE(k); i++) {
        if (SP_CODE_CHECK(SP_TUPLE_GET_ITEM(k, i)) &&
            !table_ok((SpCodeObject *)SP_TUPLE_GET_ITEM(k, i))) {
            return 0;
        }
    }
    return 1;
}

static void test_structure(void) {
    SpObject *co = compile("f(a, b, c)\n");
    if (co != NULL) {
        CHECK(((SpCodeObject *)co)->co_stacksize == 5, "stacksize of f(a, b, c) is %d",
              ((SpCodeObject *)co)->co_stacksize);
        SP_DECREF(co);
    }
    co = compile("try:\n    f()\nexcept E as e:\n    g()\nelse:\n    h()\nfinally:\n    i()\n"
                 "with a as b, c:\n    d()\n"
                 "def gen():\n    for x in y:\n        try:\n            yield x\n"
                 "        finally:\n            return 1\n");
    CHECK(co != NULL, "compile try/with");
    if (co != NULL) {
        CHECK(((SpCodeObject *)co)->co_nexcept > 0, "has an exception table");
        CHECK(table_ok((SpCodeObject *)co), "exception table well formed");
        SP_DECREF(co);
    } else {
        print_exception();
    }
    co = compile("def outer(a):\n    def inner():\n        return a + b\n    b = 1\n"
                 "    return inner\n");
    CHECK(co != NULL, "compile closure");
    if (co != NULL) {
        SpCodeObject *outer = (SpCodeObject *)find_code_const(co);
        CHECK(outer != NULL && outer->co_nlocalsplus == 3 && outer->co_nlocals == 2,
              "outer: a, inner locals; b a cell");
        if (outer != NULL) {
            CHECK(outer->co_localspluskinds[0] == (SP_FAST_LOCAL | SP_FAST_CELL),
                  "argument a is LOCAL|CELL");
            CHECK(outer->co_localspluskinds[2] == SP_FAST_CELL, "b is CELL");
            SpCodeObject *inner = (SpCodeObject *)find_code_const((SpObject *)outer);
            CHECK(inner != NULL && inner->co_nfreevars == 2 &&
                      sp_str_eq_cstr(inner->co_qualname, "outer.<locals>.inner"),
                  "inner has two free variables and its qualname");
            CHECK(inner != NULL && (inner->co_flags & SP_CO_NESTED), "inner is nested");
        }
        SP_DECREF(co);
    } else {
        print_exception();
    }
}

// ---------------------------------------------------------------------------
// Peephole results and positions

static int count_op(SpCodeObject *co, int op) {
    int n = 0;
    for (ssize_t i = 0; i < co->co_ncode; i++) {
        n += SP_INSTR_OP(co->co_code[i]) == op;
    }
    return n;
}

static int has_str_const(SpObject *co, const char *s) {
    SpObject *k = consts_of(co);
    for (ssize_t i = 0; i < SP_TUPLE_SIZE(k); i++) {
        SpObject *x = SP_TUPLE_GET_ITEM(k, i);
        if (SP_STR_CHECK(x) && sp_str_eq_cstr(x, s)) {
            return 1;
        }
    }
    return 0;
}

// The position of the first instruction `op` of a code object.
static SpCodePosition pos_of(SpCodeObject *co, int op) {
    for (ssize_t i = 0; i < co->co_ncode; i++) {
        if (SP_INSTR_OP(co->co_code[i]) == op) {
            return co->co_positions[i];
        }
    }
    return (SpCodePosition){-2, -2, -2, -2};
}

static int pos_is(SpCodePosition p, int line, int end_line, int col, int end_col) {
    return p.line == line && p.end_line == end_line && p.col == col && p.end_col == end_col;
}

static void test_peephole(void) {
    // a, b = b, a in a function: the stores swap places, no SWAP is left;
    // x, x = a, b keeps the SWAP (the last store must win).
    SpObject *co = compile("def f(a, b):\n    a, b = b, a\n    return a\n"
                           "def g(a, b):\n    x, x = a, b\n    return x\n");
    CHECK(co != NULL, "compile swaps");
    if (co != NULL) {
        SpObject *k = consts_of(co);
        SpCodeObject *f = NULL, *g = NULL;
        for (ssize_t i = 0; i < SP_TUPLE_SIZE(k); i++) {
            SpObject *x = SP_TUPLE_GET_ITEM(k, i);
            if (SP_CODE_CHECK(x)) {
                if (f == NULL) {
                    f = (SpCodeObject *)x;
                } else {
                    g = (SpCodeObject *)x;
                }
            }
        }
        CHECK(f != NULL && count_op(f, SP_OP_SWAP) == 0 && count_op(f, SP_OP_BUILD_TUPLE) == 0,
              "static swap in f");
        CHECK(g != NULL && count_op(g, SP_OP_SWAP) == 1, "no static swap for x, x");
        SP_DECREF(co);
    }
    // Constant conditions disappear; `is None` tests become one jump.
    co = compile("while True:\n    if x is None:\n        break\n");
    if (co != NULL) {
        SpCodeObject *m = (SpCodeObject *)co;
        CHECK(count_op(m, SP_OP_POP_JUMP_IF_NOT_NONE) == 1 && count_op(m, SP_OP_IS_OP) == 0,
              "is None folded into POP_JUMP_IF_NOT_NONE");
        CHECK(count_op(m, SP_OP_POP_JUMP_IF_FALSE) == 0, "while True has no test");
        SP_DECREF(co);
    }
    // A finally body is compiled twice; its lambda is one code object.
    co = compile("try:\n    pass\nfinally:\n    f = lambda: 1\n");
    if (co != NULL) {
        int ncode = 0;
        SpObject *k = consts_of(co);
        for (ssize_t i = 0; i < SP_TUPLE_SIZE(k); i++) {
            ncode += SP_CODE_CHECK(SP_TUPLE_GET_ITEM(k, i));
        }
        CHECK(ncode == 1, "duplicated lambda merged (%d code constants)", ncode);
        SP_DECREF(co);
    }
    // "%s" % (x,) becomes an f-string.
    co = compile("s = '<%s|%r>' % (a, b)\n");
    if (co != NULL) {
        SpCodeObject *m = (SpCodeObject *)co;
        CHECK(count_op(m, SP_OP_FORMAT_VALUE) == 2 && count_op(m, SP_OP_BINARY_OP) == 0,
              "%%-format rewritten");
        SP_DECREF(co);
    }
    // Postponed annotations are strings, written as CPython's unparser does.
    co = compile("from __future__ import annotations\nx: Dict[str,int] | None\n"
                 "y: lambda a, *b: (a, b)\n");
    if (co != NULL) {
        CHECK(has_str_const(co, "Dict[str, int] | None"), "annotation string");
        CHECK(has_str_const(co, "lambda a, *b: (a, b)"), "lambda annotation string");
        SP_DECREF(co);
    } else {
        print_exception();
    }
    // Positions, as co_positions() in CPython 3.11.
    co = compile("r = a.b(c)\nz = x[\n  1] + y\n");
    if (co != NULL) {
        SpCodeObject *m = (SpCodeObject *)co;
        CHECK(pos_is(pos_of(m, SP_OP_LOAD_METHOD), 1, 1, 4, 7), "LOAD_METHOD position");
        CHECK(pos_is(pos_of(m, SP_OP_CALL), 1, 1, 4, 10), "CALL position");
        CHECK(pos_is(pos_of(m, SP_OP_BINARY_SUBSCR), 2, 3, 4, 4), "BINARY_SUBSCR position");
        CHECK(pos_is(pos_of(m, SP_OP_BINARY_OP), 2, 3, 4, 8), "BINARY_OP position");
        SP_DECREF(co);
    }
}

// ---------------------------------------------------------------------------
// Listings

static void print_dis(SpObject *co) {
    SpObject *s = sp_dis_string(co);
    if (s == NULL) {
        print_exception();
        return;
    }
    fputs(sp_str_as_utf8(s, NULL), stdout);
    SP_DECREF(s);
}

static void print_positions(SpCodeObject *co) {
    printf("== %s\n", sp_str_as_utf8(co->co_qualname, NULL));
    for (ssize_t i = 0; i < co->co_ncode; i++) {
        int op = SP_INSTR_OP(co->co_code[i]);
        const char *name = sp_opcode_names[op];
        if (op == SP_OP_PUSH_NULL || op == SP_OP_NOP || op == SP_OP_GEN_START ||
            op == SP_OP_KW_NAMES) {
            continue;
        }
        SpCodePosition p = co->co_positions[i];
        if (p.line < 0) {
            printf("%s - - - -\n", name);
            continue;
        }
        printf("%s %d %d ", name, p.line, p.end_line);
        if (p.col < 0) {
            printf("- -\n");
        } else {
            printf("%d %d\n", p.col, p.end_col);
        }
    }
    SpObject *k = co->co_consts;
    for (ssize_t i = 0; i < SP_TUPLE_SIZE(k); i++) {
        if (SP_CODE_CHECK(SP_TUPLE_GET_ITEM(k, i))) {
            print_positions((SpCodeObject *)SP_TUPLE_GET_ITEM(k, i));
        }
    }
}

static char *read_file(const char *path) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return NULL;
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (buf != NULL && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    if (buf != NULL) {
        buf[n] = '\0';
    }
    fclose(f);
    return buf;
}

static const char *const samples[] = {
    "x = 1\ny = x + 2 * 3\nprint(y)\n",
    "def f(a, b=2, *args, c, d=4, **kw):\n    \"doc\"\n    return a.m(b, k=c)\n",
    "class C(B, metaclass=M):\n    x: int = 1\n    def m(self):\n        return super().m()\n",
    "try:\n    f()\nexcept E as e:\n    g(e)\nfinally:\n    h()\n",
    "r = [x * y for x in a if x for y in b]\ng = (i for i in c)\n",
    "with open(p) as f:\n    data = f.read()\n",
    "a, *b, c = t\nx[1:2] = y\nz.w += 1\nf'{a!r:>{w}} {b}'\n",
};

int main(int argc, char **argv) {
    if (sp_runtime_init(1, argv) < 0) {
        return 1;
    }
    if (argc == 3 && strcmp(argv[1], "--ast") == 0) {
        char *src = read_file(argv[2]);
        SpArena *arena = sp_arena_new();
        SpObject *fn = sp_str_from_cstr(argv[2]);
        SpAstMod *mod = src != NULL ? sp_parse(arena, src, -1, fn, SP_COMPILE_EXEC, 0, NULL) : NULL;
        SpObject *d = mod != NULL ? sp_ast_dump(mod, 0) : NULL;
        if (d == NULL) {
            print_exception();
        } else {
            printf("%s\n", sp_str_as_utf8(d, NULL));
        }
        return 0;
    }
    if (argc == 3 && (strcmp(argv[1], "--dis") == 0 || strcmp(argv[1], "--pos") == 0)) {
        char *src = read_file(argv[2]);
        if (src == NULL) {
            fprintf(stderr, "cannot read %s\n", argv[2]);
            return 1;
        }
        SpObject *co = compile_mode(src, argv[2], SP_COMPILE_EXEC);
        free(src);
        if (co == NULL) {
            print_exception();
            return 1;
        }
        if (argv[1][2] == 'd') {
            print_dis(co);
        } else {
            print_positions((SpCodeObject *)co);
        }
        SP_DECREF(co);
        return 0;
    }
    test_errors();
    test_constants();
    test_structure();
    test_peephole();
    for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
        SpObject *co = compile(samples[i]);
        CHECK(co != NULL, "compile sample %zu", i);
        if (co != NULL) {
            if (getenv("COMPILE_TEST_VERBOSE") != NULL) {
                printf("--- sample %zu\n%s", i, samples[i]);
                print_dis(co);
            }
            SP_DECREF(co);
        } else {
            print_exception();
        }
    }
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
