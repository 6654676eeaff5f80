// smallpy: unit tests of the VM with hand-assembled code objects: arithmetic,
// jumps and loops, calls between functions (inline frames), exception-table
// handlers, generators, recursion limits, argument-binding errors.
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/abstract.h"
#include "core/err.h"
#include "core/mem.h"
#include "core/runtime.h"
#include "objects/code.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/func.h"
#include "objects/int.h"
#include "objects/none.h"
#include "objects/str.h"
#include "objects/traceback.h"
#include "objects/tuple.h"
#include "vm/vm.h"

static int passed, failed;

#define CHECK(cond, what)                                               \
    do {                                                                \
        if (cond) {                                                     \
            passed++;                                                   \
        } else {                                                        \
            failed++;                                                   \
            printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, what);       \
        }                                                               \
    } while (0)

#define I(op, arg) SP_INSTR(SP_OP_##op, (arg))

// A code object from instructions and tables. consts/names: tuples (stolen).
// locals: NULL-terminated names of the fast locals (kind LOCAL).
typedef struct {
    const char *name;
    const SpInstr *code;
    int ncode;
    SpObject *consts, *names;
    const char *const *locals;
    int argcount;
    int stacksize;
    int flags;
    const SpExceptEntry *handlers;
    int nhandlers;
    const uint8_t *kinds;  // optional: kinds of the locals (default LOCAL)
    int nfree;
} CodeSpec;

static SpObject *make_code(const CodeSpec *s) {
    SpCodeObject *co = sp_code_new();
    co->co_code = sp_mem_alloc(sizeof(SpInstr) * (size_t)s->ncode);
    memcpy(co->co_code, s->code, sizeof(SpInstr) * (size_t)s->ncode);
    co->co_ncode = s->ncode;
    co->co_positions = sp_mem_calloc(sizeof(SpCodePosition) * (size_t)s->ncode);
    for (int i = 0; i < s->ncode; i++) {
        co->co_positions[i].line = i + 1;
        co->co_positions[i].end_line = i + 1;
    }
    if (s->nhandlers) {
        co->co_exceptiontable = sp_mem_alloc(sizeof(SpExceptEntry) * (size_t)s->nhandlers);
        memcpy(co->co_exceptiontable, s->handlers, sizeof(SpExceptEntry) * (size_t)s->nhandlers);
        co->co_nexcept = s->nhandlers;
    }
    co->co_consts = s->consts ? s->consts : sp_tuple_new(0);
    co->co_names = s->names ? s->names : sp_tuple_new(0);
    int n = 0;
    while (s->locals && s->locals[n]) {
        n++;
    }
    co->co_localsplusnames = sp_tuple_new(n);
    co->co_localspluskinds = sp_mem_alloc((size_t)n + 1);
    for (int i = 0; i < n; i++) {
        SP_TUPLE_SET_ITEM(co->co_localsplusnames, i, sp_str_intern_cstr(s->locals[i]));
        co->co_localspluskinds[i] = s->kinds ? s->kinds[i] : SP_FAST_LOCAL;
        if (co->co_localspluskinds[i] & SP_FAST_CELL) {
            co->co_ncellvars++;
        }
    }
    co->co_nlocalsplus = n;
    co->co_nlocals = n - s->nfree;
    co->co_nfreevars = s->nfree;
    co->co_argcount = s->argcount;
    co->co_stacksize = s->stacksize;
    co->co_flags = s->flags;
    co->co_firstlineno = 1;
    co->co_filename = sp_str_from_cstr("<test>");
    co->co_name = sp_str_intern_cstr(s->name);
    co->co_qualname = sp_str_intern_cstr(s->name);
    return (SpObject *)co;
}

static SpObject *ints(int n, ...) {
    va_list ap;
    va_start(ap, n);
    SpObject *t = sp_tuple_new(n);
    for (int i = 0; i < n; i++) {
        SP_TUPLE_SET_ITEM(t, i, sp_int_from_long(va_arg(ap, long)));
    }
    va_end(ap);
    return t;
}

static SpObject *strs(int n, ...) {
    va_list ap;
    va_start(ap, n);
    SpObject *t = sp_tuple_new(n);
    for (int i = 0; i < n; i++) {
        SP_TUPLE_SET_ITEM(t, i, sp_str_intern_cstr(va_arg(ap, const char *)));
    }
    va_end(ap);
    return t;
}

static SpObject *run(SpObject *code, SpObject *globals) {
    SpObject *g = globals ? globals : sp_dict_new();
    SpObject *r = sp_eval_code(code, g, g);
    if (globals == NULL) {
        SP_DECREF(g);
    }
    return r;
}

static long as_long(SpObject *o) { return o ? sp_int_as_long(o) : -999999; }

// The current exception's message, for comparisons (static buffer).
static const char *err_text(void) {
    static char buf[512];
    SpObject *e = sp_err_fetch();
    if (e == NULL) {
        return "<no exception>";
    }
    SpObject *s = sp_object_str(e);
    snprintf(buf, sizeof buf, "%s: %s", sp_object_type_name(e),
             s ? sp_str_as_utf8(s, NULL) : "?");
    SP_XDECREF(s);
    SP_DECREF(e);
    return buf;
}

static void test_arith(void) {
    // return 2 + 3 * 4
    static const SpInstr code[] = {
        I(LOAD_CONST, 0), I(LOAD_CONST, 1), I(LOAD_CONST, 2), I(BINARY_OP, SP_NB_MULTIPLY),
        I(BINARY_OP, SP_NB_ADD), I(RETURN_VALUE, 0)};
    CodeSpec s = {"<module>", code, 6, ints(3, 2L, 3L, 4L), NULL, NULL, 0, 3, 0, NULL, 0, NULL, 0};
    SpObject *co = make_code(&s);
    SpObject *r = run(co, NULL);
    CHECK(as_long(r) == 14, "2 + 3 * 4 == 14");
    SP_XDECREF(r);
    SP_DECREF(co);
}

static void test_loop(void) {
    // i = 0; s = 0; while i < 100: s += i; i += 1; return s
    static const SpInstr code[] = {
        I(LOAD_CONST, 0), I(STORE_FAST, 0),  // i = 0
        I(LOAD_CONST, 0), I(STORE_FAST, 1),  // s = 0
        I(LOAD_FAST, 0), I(LOAD_CONST, 1), I(COMPARE_OP, SP_LT), I(POP_JUMP_IF_FALSE, 18),  // 4..7
        I(LOAD_FAST, 1), I(LOAD_FAST, 0), I(BINARY_OP, SP_NB_INPLACE_ADD), I(STORE_FAST, 1),
        I(LOAD_FAST, 0), I(LOAD_CONST, 2), I(BINARY_OP, SP_NB_INPLACE_ADD), I(STORE_FAST, 0),
        I(JUMP, 4), I(NOP, 0),
        I(LOAD_FAST, 1), I(RETURN_VALUE, 0)};  // 18
    static const char *const locals[] = {"i", "s", NULL};
    CodeSpec s = {"<module>", code, 20, ints(3, 0L, 100L, 1L), NULL, locals, 0, 4,
                  SP_CO_OPTIMIZED, NULL, 0, NULL, 0};
    SpObject *co = make_code(&s);
    SpObject *r = run(co, NULL);
    CHECK(as_long(r) == 4950, "while loop sum == 4950");
    SP_XDECREF(r);
    SP_DECREF(co);
}

// def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
static SpObject *fib_code(void) {
    static const SpInstr code[] = {
        I(LOAD_FAST, 0), I(LOAD_CONST, 0), I(COMPARE_OP, SP_LT), I(POP_JUMP_IF_FALSE, 6),
        I(LOAD_FAST, 0), I(RETURN_VALUE, 0),
        I(PUSH_NULL, 0), I(LOAD_GLOBAL, 0), I(LOAD_FAST, 0), I(LOAD_CONST, 1),  // 6
        I(BINARY_OP, SP_NB_SUBTRACT), I(CALL, 1),
        I(PUSH_NULL, 0), I(LOAD_GLOBAL, 0), I(LOAD_FAST, 0), I(LOAD_CONST, 0),  // 12
        I(BINARY_OP, SP_NB_SUBTRACT), I(CALL, 1),
        I(BINARY_OP, SP_NB_ADD), I(RETURN_VALUE, 0)};
    static const char *const locals[] = {"n", NULL};
    CodeSpec s = {"fib", code, 20, ints(2, 2L, 1L), strs(1, "fib"), locals, 1, 6,
                  SP_CO_OPTIMIZED | SP_CO_NEWLOCALS, NULL, 0, NULL, 0};
    return make_code(&s);
}

static void test_calls(void) {
    // def fib(...); return fib(20)
    SpObject *consts = sp_tuple_new(2);
    SP_TUPLE_SET_ITEM(consts, 0, fib_code());
    SP_TUPLE_SET_ITEM(consts, 1, sp_int_from_long(20));
    static const SpInstr code[] = {
        I(LOAD_CONST, 0), I(MAKE_FUNCTION, 0), I(STORE_NAME, 0),
        I(PUSH_NULL, 0), I(LOAD_NAME, 0), I(LOAD_CONST, 1), I(CALL, 1), I(RETURN_VALUE, 0)};
    CodeSpec s = {"<module>", code, 8, consts, strs(1, "fib"), NULL, 0, 4, 0, NULL, 0, NULL, 0};
    SpObject *co = make_code(&s);
    SpObject *r = run(co, NULL);
    CHECK(as_long(r) == 6765, "fib(20) == 6765");
    if (r == NULL) {
        printf("  %s\n", err_text());
    }
    SP_XDECREF(r);
    SP_DECREF(co);
    CHECK(sp_tstate.recursion_depth == 0, "recursion depth back to 0");
    CHECK(sp_tstate.frame == NULL, "no frame left");
}

static void test_handler(void) {
    // try: return 1 / 0 except: return 42
    static const SpInstr code[] = {
        I(LOAD_CONST, 0), I(LOAD_CONST, 1), I(BINARY_OP, SP_NB_TRUE_DIVIDE), I(RETURN_VALUE, 0),
        I(PUSH_EXC_INFO, 0), I(POP_TOP, 0), I(POP_EXCEPT, 0), I(LOAD_CONST, 2),
        I(RETURN_VALUE, 0)};
    static const SpExceptEntry handlers[] = {{0, 4, 4, 0, 0}};
    CodeSpec s = {"<module>", code, 9, ints(3, 1L, 0L, 42L), NULL, NULL, 0, 3, 0, handlers, 1,
                  NULL, 0};
    SpObject *co = make_code(&s);
    SpObject *r = run(co, NULL);
    CHECK(as_long(r) == 42, "handler caught ZeroDivisionError");
    CHECK(sp_tstate.exc_info == NULL, "exc_info restored by POP_EXCEPT");
    SP_XDECREF(r);
    SP_DECREF(co);

    // Uncaught: 1 / 0 raises through two frames.
    static const SpInstr code2[] = {I(LOAD_CONST, 0), I(LOAD_CONST, 1),
                                    I(BINARY_OP, SP_NB_FLOOR_DIVIDE), I(RETURN_VALUE, 0)};
    CodeSpec s2 = {"<module>", code2, 4, ints(2, 1L, 0L), NULL, NULL, 0, 2, 0, NULL, 0, NULL, 0};
    co = make_code(&s2);
    r = run(co, NULL);
    CHECK(r == NULL && sp_err_matches_type(&SpExc_ZeroDivisionError), "uncaught 1 // 0");
    sp_err_clear();
    SP_DECREF(co);
}

static void test_recursion(void) {
    // def down(n): return down(n + 1)
    static const SpInstr code[] = {I(PUSH_NULL, 0), I(LOAD_GLOBAL, 0), I(LOAD_FAST, 0),
                                   I(LOAD_CONST, 0), I(BINARY_OP, SP_NB_ADD), I(CALL, 1),
                                   I(RETURN_VALUE, 0)};
    static const char *const locals[] = {"n", NULL};
    CodeSpec s = {"down", code, 7, ints(1, 1L), strs(1, "down"), locals, 1, 5,
                  SP_CO_OPTIMIZED | SP_CO_NEWLOCALS, NULL, 0, NULL, 0};
    SpObject *fc = make_code(&s);
    SpObject *g = sp_dict_new();
    SpObject *fn = sp_function_new(fc, g, NULL);
    sp_dict_setitem_str(g, "down", fn);
    SpObject *arg = sp_int_from_long(0);
    SpObject *r = sp_vectorcall(fn, &arg, 1, NULL);
    CHECK(r == NULL && sp_err_matches_type(&SpExc_RecursionError), "RecursionError raised");
    const char *t = err_text();
    CHECK(strcmp(t, "RecursionError: maximum recursion depth exceeded") == 0, t);
    CHECK(sp_tstate.recursion_depth == 0, "depth unwound after RecursionError");
    SP_DECREF(arg);
    // fib through the C entry point works afterwards.
    SpObject *fibc = fib_code();
    SpObject *fib = sp_function_new(fibc, g, NULL);
    SP_DECREF(fibc);
    sp_dict_setitem_str(g, "fib", fib);
    arg = sp_int_from_long(15);
    r = sp_vectorcall(fib, &arg, 1, NULL);
    CHECK(as_long(r) == 610, "fib(15) == 610 via vectorcall");
    SP_XDECREF(r);
    SP_DECREF(arg);
    SP_DECREF(fib);
    SP_DECREF(fn);
    SP_DECREF(fc);
    sp_dict_clear(g);
    SP_DECREF(g);
}

static void test_arg_errors(void) {
    // def g(a, b): return a
    static const SpInstr code[] = {I(LOAD_FAST, 0), I(RETURN_VALUE, 0)};
    static const char *const locals[] = {"a", "b", NULL};
    CodeSpec s = {"g", code, 2, NULL, NULL, locals, 2, 1, SP_CO_OPTIMIZED, NULL, 0, NULL, 0};
    SpObject *fc = make_code(&s);
    SpObject *g = sp_dict_new();
    SpObject *fn = sp_function_new(fc, g, NULL);
    SpObject *args[3] = {sp_int_from_long(1), sp_int_from_long(2), sp_int_from_long(3)};
    SpObject *r = sp_vectorcall(fn, args, 3, NULL);
    CHECK(r == NULL, "g(1, 2, 3) fails");
    const char *t = err_text();
    CHECK(strcmp(t, "TypeError: g() takes 2 positional arguments but 3 were given") == 0, t);
    r = sp_vectorcall(fn, args, 0, NULL);
    t = err_text();
    CHECK(strcmp(t, "TypeError: g() missing 2 required positional arguments: 'a' and 'b'") == 0,
          t);
    SpObject *kw = strs(1, "z");
    r = sp_vectorcall(fn, args, 2, kw);
    t = err_text();
    CHECK(strcmp(t, "TypeError: g() got an unexpected keyword argument 'z'") == 0, t);
    SP_DECREF(kw);
    kw = strs(1, "a");
    r = sp_vectorcall(fn, args, 1, kw);
    t = err_text();
    CHECK(strcmp(t, "TypeError: g() got multiple values for argument 'a'") == 0, t);
    SP_DECREF(kw);
    kw = strs(2, "b", "a");
    r = sp_vectorcall(fn, args, 0, kw);
    CHECK(as_long(r) == 2, "g(b=1, a=2) == 2");
    SP_XDECREF(r);
    SP_DECREF(kw);
    for (int i = 0; i < 3; i++) {
        SP_DECREF(args[i]);
    }
    SP_DECREF(fn);
    SP_DECREF(fc);
    SP_DECREF(g);
}

static void test_generator(void) {
    // def gen(): yield 1; yield 2
    static const SpInstr code[] = {
        I(GEN_START, 0), I(LOAD_CONST, 0), I(YIELD_VALUE, 0), I(POP_TOP, 0),
        I(LOAD_CONST, 1), I(YIELD_VALUE, 0), I(POP_TOP, 0), I(LOAD_CONST, 2),
        I(RETURN_VALUE, 0)};
    SpObject *consts = sp_tuple_new(3);
    SP_TUPLE_SET_ITEM(consts, 0, sp_int_from_long(1));
    SP_TUPLE_SET_ITEM(consts, 1, sp_int_from_long(2));
    SP_TUPLE_SET_ITEM(consts, 2, sp_newref(sp_None));
    CodeSpec s = {"gen", code, 9, consts, NULL, NULL, 0, 2,
                  SP_CO_OPTIMIZED | SP_CO_GENERATOR, NULL, 0, NULL, 0};
    SpObject *fc = make_code(&s);
    SpObject *g = sp_dict_new();
    SpObject *fn = sp_function_new(fc, g, NULL);
    SpObject *gen = sp_vectorcall(fn, NULL, 0, NULL);
    CHECK(gen != NULL && SP_TYPE(gen) == &SpGenerator_Type, "calling gen() makes a generator");
    SpObject *a = sp_iter_next(gen);
    SpObject *b = sp_iter_next(gen);
    SpObject *c = sp_iter_next(gen);
    CHECK(as_long(a) == 1 && as_long(b) == 2, "generator yields 1, 2");
    CHECK(c == NULL && !sp_err_occurred(), "then it is exhausted");
    SP_XDECREF(a);
    SP_XDECREF(b);
    SP_DECREF(gen);
    // A sum over a generator through a for loop in a module frame.
    SP_DECREF(fn);
    SP_DECREF(fc);
    SP_DECREF(g);
}

// A fused pair whose second half fails reports the second instruction.
static void test_fused_error_index(void) {
    // def h(a): return a + b   (b is a local never assigned)
    static const SpInstr code[] = {I(LOAD_FAST, 0), I(LOAD_FAST, 1), I(BINARY_OP, SP_NB_ADD),
                                   I(RETURN_VALUE, 0)};
    static const char *const locals[] = {"a", "b", NULL};
    CodeSpec s = {"h", code, 4, NULL, NULL, locals, 1, 2, SP_CO_OPTIMIZED, NULL, 0, NULL, 0};
    SpObject *fc = make_code(&s);
    SpObject *g = sp_dict_new();
    SpObject *fn = sp_function_new(fc, g, NULL);
    SpObject *arg = sp_int_from_long(1);
    SpObject *r = sp_vectorcall(fn, &arg, 1, NULL);
    SpObject *exc = sp_err_fetch();
    CHECK(r == NULL && exc != NULL && SP_TYPE(exc) == &SpExc_UnboundLocalError,
          "unbound b raises UnboundLocalError");
    SpTracebackObject *tb = exc ? (SpTracebackObject *)sp_exc_get_traceback_borrow(exc) : NULL;
    CHECK(tb != NULL && tb->tb_lasti == 1, "error reported at the second LOAD_FAST");
    SP_XDECREF(exc);
    SP_DECREF(arg);
    SP_DECREF(fn);
    SP_DECREF(fc);
    SP_DECREF(g);
}

// def outer(x): f = lambda: x; return f()   -- a cell for an argument.
static void test_closure(void) {
    static const SpInstr inner[] = {I(LOAD_DEREF, 0), I(RETURN_VALUE, 0)};
    static const char *const inner_locals[] = {"x", NULL};
    static const uint8_t inner_kinds[] = {SP_FAST_FREE};
    CodeSpec si = {"inner", inner, 2, NULL, NULL, inner_locals, 0, 1, SP_CO_OPTIMIZED, NULL, 0,
                   inner_kinds, 1};
    SpObject *consts = sp_tuple_new(1);
    SP_TUPLE_SET_ITEM(consts, 0, make_code(&si));
    static const SpInstr outer[] = {
        I(LOAD_CLOSURE, 0), I(BUILD_TUPLE, 1), I(LOAD_CONST, 0), I(MAKE_FUNCTION, 8),
        I(STORE_FAST, 1), I(PUSH_NULL, 0), I(LOAD_FAST, 1), I(CALL, 0), I(RETURN_VALUE, 0)};
    static const char *const outer_locals[] = {"x", "f", NULL};
    static const uint8_t outer_kinds[] = {SP_FAST_LOCAL | SP_FAST_CELL, SP_FAST_LOCAL};
    CodeSpec so = {"outer", outer, 9, consts, NULL, outer_locals, 1, 3, SP_CO_OPTIMIZED, NULL, 0,
                   outer_kinds, 0};
    SpObject *fc = make_code(&so);
    SpObject *g = sp_dict_new();
    SpObject *fn = sp_function_new(fc, g, NULL);
    SpObject *arg = sp_int_from_long(41);
    SpObject *r = sp_vectorcall(fn, &arg, 1, NULL);
    CHECK(as_long(r) == 41, "closure over an argument cell returns 41");
    if (r == NULL) {
        printf("  %s\n", err_text());
    }
    SP_XDECREF(r);
    SP_DECREF(arg);
    SP_DECREF(fn);
    SP_DECREF(fc);
    SP_DECREF(g);
}

int main(int argc, char **argv) {
    if (sp_runtime_init(argc, argv) < 0) {
        printf("runtime init failed\n0 passed, 1 failed\n");
        return 1;
    }
    test_arith();
    test_loop();
    test_calls();
    test_handler();
    test_recursion();
    test_arg_errors();
    test_generator();
    test_fused_error_index();
    test_closure();
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
